// The outputs of `bay`: bay.gpkg (bay_cards: the bays with their card figures as fields;
// bay_marine: the pieces of each bay per marine zone and class; bay_shoreline: the shoreline pieces
// assigned to each bay; bay_catchment: the catchment buffer drawn for reference; bay_items: the
// soil parcels, outfalls and stations listed per bay), each styled from styles/bay_*.qml;
// report.json (ecoshield.bay/1, docs/report-schema.md), report.csv (one row per bay) and
// report.html (one card per bay with an SVG map), written under temporary names and moved into
// place together.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/bay.h"

namespace eco::report {

struct BayReportOptions {
    bool html = true;
};

std::vector<std::string> write_bay_outputs(const checks::BayResult& r, const std::string& out_dir, const BayReportOptions& opt,
                                           const Progress& progress = {});
nlohmann::json bay_json(const checks::BayResult& r, const std::string& created);
std::string bay_csv(const checks::BayResult& r);

}  // namespace eco::report
