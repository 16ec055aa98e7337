// The outputs of `coast`: coast.gpkg (the segments with canonical types and lengths, styled with
// styles/coastline.qml; the figures per county as a table), report.json, report.csv (one row per
// county and the total) and report.html, written under temporary names and moved into place together.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/coast.h"

namespace eco::report {

struct CoastReportOptions {
    bool html = true;
};

std::vector<std::string> write_coast_outputs(const checks::CoastResult& r, const std::string& out_dir, const CoastReportOptions& opt,
                                             const Progress& progress = {});
nlohmann::json coast_json(const checks::CoastResult& r, const std::string& created);
std::string coast_csv(const checks::CoastResult& r);

}  // namespace eco::report
