// The outputs of `screen` (docs/formats.md §4, docs/report-schema.md): screen.gpkg with styled
// layers, report.json, report.csv and report.html, all written under temporary names and moved
// into place together when complete.
#pragma once
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "checks/screen.h"

namespace eco::report {

struct ScreenReportOptions {
    bool html = true;
    bool context = true;       // copy constraint features near the sites into the GeoPackage
    std::string rings = "auto";  // buffer ring polygons: "all", "none", or "auto" = all up to rings_max_sites sites
    size_t rings_max_sites = 5000;
    size_t html_max_maps = 200;  // sites drawn with a map in the HTML page (worst verdicts first)
};

// Writes everything into `out_dir`; returns the final paths written.
std::vector<std::string> write_screen_outputs(const checks::ScreenResult& r, const std::string& out_dir,
                                              const ScreenReportOptions& opt, const Progress& progress = {});

// The pieces, for tests and other front ends.
// report.json: everything but the sites (small), one site, and the whole file streamed.
nlohmann::json screen_json_head(const checks::ScreenResult& r, const std::string& created);
nlohmann::json site_json(const checks::ScreenResult& r, const checks::SiteResult& s);
// Appends site_json(r, s).dump() to `out`, the same bytes, written directly (report.json's sites).
void site_json_text(const checks::ScreenResult& r, const checks::SiteResult& s, std::string& out);
void write_screen_json(std::ostream& o, const checks::ScreenResult& r, const nlohmann::json& head);
std::string screen_csv(const checks::ScreenResult& r);
void write_screen_gpkg(const checks::ScreenResult& r, const std::string& path, const std::string& created,
                       const ScreenReportOptions& opt, const Progress& progress = {});
std::string screen_html(const checks::ScreenResult& r, const nlohmann::json& head, const ScreenReportOptions& opt);

// CSV field quoting (RFC 4180).
std::string csv_field(const std::string& s);
// A number with up to `decimals` decimals, trailing zeros trimmed ("12.5", "0", "3.1416").
std::string num(double v, int decimals = 6);

}  // namespace eco::report
