// The outputs of `tabulate`: tabulate.gpkg (the pieces, the self-overlaps, the table), report.json,
// report.csv (the table, planar then ellipsoidal) and report.html, written under temporary names
// and moved into place together.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/tabulate.h"

namespace eco::report {

struct TabulateReportOptions {
    bool html = true;
};

std::vector<std::string> write_tabulate_outputs(const checks::TabulateResult& r, const std::string& out_dir,
                                                const TabulateReportOptions& opt, const Progress& progress = {});

nlohmann::json tabulate_json(const checks::TabulateResult& r, const std::string& created);
std::string tabulate_csv(const checks::TabulateResult& r);
std::string tabulate_html(const checks::TabulateResult& r, const nlohmann::json& rep);

}  // namespace eco::report
