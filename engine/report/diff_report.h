// The outputs of `redline diff`: redline_diff.gpkg (change polygons, styled; the two versions'
// figures as tables), report.json, report.csv (one row per county, per function type and the
// total) and report.html, written under temporary names and moved into place together.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/redline_diff.h"

namespace eco::report {

struct DiffReportOptions {
    bool html = true;
};

std::vector<std::string> write_redline_diff_outputs(const checks::RedlineDiffResult& r, const std::string& out_dir,
                                                    const DiffReportOptions& opt, const Progress& progress = {});
nlohmann::json redline_diff_json(const checks::RedlineDiffResult& r, const std::string& created);
std::string redline_diff_csv(const checks::RedlineDiffResult& r);

}  // namespace eco::report
