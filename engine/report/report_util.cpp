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

std::unique_ptr<OGRGeometry> to_ogr(const GEOSGeometry* g) {
    auto wkb = geom::to_wkb(g);
    OGRGeometry* o = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &o, wkb.size()) != OGRERR_NONE) return nullptr;
    return std::unique_ptr<OGRGeometry>(o);
}

}  // namespace eco::report
