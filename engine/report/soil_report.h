// The outputs of `soil`: soil.gpkg (soil_parcels with distances and flags; soil_links parcel ->
// receptor lines; farmland_pieces split by county; receptors and context layers; the farmland
// table; repairs), report.json (ecoshield.soil/1), report.csv (one row per parcel) and
// report.html (tables, an overview map and a map per listed parcel), written under temporary
// names and moved into place together.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/soil.h"

namespace eco::report {

struct SoilReportOptions {
    bool html = true;
    size_t html_max_maps = 200;  // listed parcels drawn with their own map
};

std::vector<std::string> write_soil_outputs(const checks::SoilResult& r, const std::string& out_dir, const SoilReportOptions& opt,
                                            const Progress& progress = {});
nlohmann::json soil_json(const checks::SoilResult& r, const std::string& created);
std::string soil_csv(const checks::SoilResult& r);

}  // namespace eco::report
