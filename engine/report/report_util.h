// Small pieces every report writer uses: rounded JSON numbers, HTML escaping, GEOS -> OGR.
#pragma once
#include <memory>
#include <ostream>
#include <nlohmann/json.hpp>
#include <string>

#include <ogr_geometry.h>

#include "geom/geos.h"

namespace eco::report {

// A double for JSON, rounded to `decimals` (1e-6 m / m2 by default) so files stay stable; null
// for a non-finite value.
nlohmann::json jnum(double v, int decimals = 6);
// Text for HTML/SVG.
std::string esc(const std::string& s);

// The head every report.json starts with: schema, software (name, version), created, parameters,
// work_crs (epsg, name).
nlohmann::json report_head(const std::string& schema, const std::string& created, const nlohmann::json& params, int work_epsg,
                           const std::string& work_crs_label);
// A GEOS geometry as an OGR one (for the SVG maps); null when it cannot be converted.
std::unique_ptr<OGRGeometry> to_ogr(const GEOSGeometry* g);

// An HTML heading (given as HTML) and a bulleted list of the items, escaped; nothing when there are none.
template <class Strings>
void html_list(std::ostream& o, const std::string& heading, const Strings& items, const char* level = "h2") {
    if (items.empty()) return;
    o << "<" << level << ">" << heading << "</" << level << "><ul>";
    for (const auto& item : items) o << "<li>" << esc(item) << "</li>";
    o << "</ul>\n";
}

}  // namespace eco::report
