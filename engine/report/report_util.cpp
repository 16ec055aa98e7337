#include "report/report_util.h"

#include <cmath>

#include "report/svg_map.h"

namespace eco::report {

nlohmann::json jnum(double v, int decimals) {
    if (!std::isfinite(v)) return nullptr;
    double p = std::pow(10.0, decimals);
    return std::round(v * p) / p;
}

std::string esc(const std::string& s) { return SvgMap::escape_xml(s); }

nlohmann::json report_head(const std::string& schema, const std::string& created, const nlohmann::json& params, int work_epsg,
                           const std::string& work_crs_label) {
    nlohmann::json j;
    j["schema"] = schema;
    j["software"] = {{"name", "ecoshield"}, {"version", ECOSHIELD_VERSION}};
    j["created"] = created;
    j["parameters"] = params;
    j["work_crs"] = {{"epsg", work_epsg}, {"name", work_crs_label}};
    return j;
}

std::unique_ptr<OGRGeometry> to_ogr(const GEOSGeometry* g) {
    auto wkb = geom::to_wkb(g);
    OGRGeometry* o = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &o, wkb.size()) != OGRERR_NONE) return nullptr;
    return std::unique_ptr<OGRGeometry>(o);
}

}  // namespace eco::report
