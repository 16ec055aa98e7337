// The outputs of `water`: water.gpkg (water_points with zone, target and compliance; water_flags
// for outfalls in drinking water source or protection-type zones; water_zone_redline overlaps;
// the zone layers as context; repairs), report.json (ecoshield.water/1), report.csv (one row per
// point) and report.html (tables and an SVG map), written under temporary names and moved into
// place together.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/water.h"
#include "report/gpkg_writer.h"

namespace eco::report {

struct WaterReportOptions {
    bool html = true;
};

std::vector<std::string> write_water_outputs(const checks::WaterResult& r, const std::string& out_dir, const WaterReportOptions& opt,
                                             const Progress& progress = {});
nlohmann::json water_json(const checks::WaterResult& r, const std::string& created);
std::string water_csv(const checks::WaterResult& r);

}  // namespace eco::report
