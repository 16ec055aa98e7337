#include "io/crs.h"

#include <cpl_conv.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"

namespace eco::io {

void Extent::add(double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    if (empty) {
        minx = maxx = x;
        miny = maxy = y;
        empty = false;
        return;
    }
    minx = std::min(minx, x);
    maxx = std::max(maxx, x);
    miny = std::min(miny, y);
    maxy = std::max(maxy, y);
}

void Extent::add(const Extent& e) {
    if (e.empty) return;
    add(e.minx, e.miny);
    add(e.maxx, e.maxy);
}

Srs srs_from_user(const std::string& text, const std::string& op, const std::string& what) {
    gdal_init();
    Srs s(new OGRSpatialReference());
    ErrorCapture cap;
    if (text.empty() || s->SetFromUserInput(text.c_str()) != OGRERR_NONE)
        throw BadInput(op + ": " + what + " '" + text +
                       "' is not a CRS that PROJ knows; give it as EPSG:<code> (e.g. EPSG:4490 for CGCS2000 lon/lat, EPSG:4549 for CGCS2000 GK CM 120E)");
    s->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

Srs clone_srs(const OGRSpatialReference& src) {
    Srs s(src.Clone());
    s->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

Srs geog_degrees(const OGRSpatialReference& src) {
    Srs g(src.CloneGeogCS());
    if (!g) return g;
    if (std::fabs(g->GetAngularUnits(nullptr) - M_PI / 180.0) > 1e-15) g->SetAngularUnits(SRS_UA_DEGREE, CPLAtof(SRS_UA_DEGREE_CONV));
    g->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return g;
}

int gk3_cm_epsg(double lon) {
    int cm = static_cast<int>(std::lround(lon / 3.0)) * 3;
    cm = std::clamp(cm, 75, 135);
    return 4534 + (cm - 75) / 3;
}

int gk3_zone_epsg(int zone) { return 4513 + (std::clamp(zone, 25, 45) - 25); }

std::optional<int> srs_epsg(const OGRSpatialReference& s) {
    const char* auth = s.GetAuthorityName(nullptr);
    const char* code = s.GetAuthorityCode(nullptr);
    if (auth && code && std::string(auth) == "EPSG") return std::atoi(code);
    OGRSpatialReference copy(s);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE) {
        auth = copy.GetAuthorityName(nullptr);
        code = copy.GetAuthorityCode(nullptr);
        if (auth && code && std::string(auth) == "EPSG") return std::atoi(code);
    }
    return std::nullopt;
}

std::string srs_label(const OGRSpatialReference& s) {
    std::string name = s.GetName() ? s.GetName() : "unnamed CRS";
    if (auto e = srs_epsg(s)) return "EPSG:" + std::to_string(*e) + " " + name;
    return name;
}

namespace {
bool looks_lonlat(const Extent& e) {
    return e.minx >= -180 && e.maxx <= 180 && e.miny >= -90 && e.maxy <= 90;
}
// Zone-prefixed 3-degree GK eastings: zone*1e6 + 500000 +- 250000 with zone 25..45.
std::optional<int> prefixed_zone(const Extent& e) {
    if (e.minx < 25.0e6 || e.maxx >= 46.0e6) return std::nullopt;
    int z1 = static_cast<int>(e.minx / 1e6), z2 = static_cast<int>(e.maxx / 1e6);
    if (z1 != z2) return std::nullopt;
    return z1;
}
bool looks_gk_plain(const Extent& e) {
    return e.minx > 100000 && e.maxx < 900000 && e.miny > 1.0e6 && e.maxy < 6.5e6;
}
}  // namespace

std::string crs_hint_from_extent(const Extent& e) {
    if (e.empty) return {};
    if (looks_lonlat(e)) return "the numbers look like longitude/latitude: if they are CGCS2000, pass --assume-crs EPSG:4490";
    if (auto z = prefixed_zone(e))
        return "the x values look like zone-prefixed eastings of 3-degree Gauss-Kruger zone " + std::to_string(*z) +
               ": if they are CGCS2000, pass --assume-crs EPSG:" + std::to_string(gk3_zone_epsg(*z));
    if (looks_gk_plain(e))
        return "the numbers look like Gauss-Kruger metres: if they are CGCS2000 3-degree CM 120E, pass --assume-crs EPSG:4549 (4534-4554 for other central meridians)";
    return {};
}

void check_coordinates_fit_crs(const OGRSpatialReference& s, const Extent& e, const std::string& op,
                               const std::string& layer) {
    if (e.empty) return;
    char buf[160];
    std::snprintf(buf, sizeof buf, "x %.3f..%.3f, y %.3f..%.3f", e.minx, e.maxx, e.miny, e.maxy);
    if (s.IsGeographic()) {
        if (!looks_lonlat(e)) {
            std::string hint = crs_hint_from_extent(e);
            throw BadInput(op + ": layer " + layer + " says its CRS is geographic (" + srs_label(s) +
                           ") but its coordinates (" + buf + ") are not longitude/latitude; " +
                           (hint.empty() ? "pass the right CRS with --assume-crs" : hint));
        }
        return;
    }
    if (s.IsProjected()) {
        double fe = s.GetProjParm(SRS_PP_FALSE_EASTING, 0.0);
        bool prefixed_crs = fe >= 1.0e6;
        auto z = prefixed_zone(e);
        if (!prefixed_crs && z && s.GetProjParm(SRS_PP_SCALE_FACTOR, 0.0) == 1.0 && fe == 500000.0)
            throw BadInput(op + ": layer " + layer + " has a Gauss-Kruger CRS without zone prefix (" + srs_label(s) +
                           ") but its x values (" + buf + ") carry the zone number " + std::to_string(*z) +
                           "; pass --assume-crs EPSG:" + std::to_string(gk3_zone_epsg(*z)) + " (CGCS2000 3-degree zone " +
                           std::to_string(*z) + ") if that is what they are");
        if (looks_lonlat(e) && std::max(std::fabs(e.maxx - e.minx), std::fabs(e.maxy - e.miny)) < 360)
            throw BadInput(op + ": layer " + layer + " says its CRS is projected (" + srs_label(s) +
                           ") but its coordinates (" + buf +
                           ") look like longitude/latitude; pass --assume-crs EPSG:4490 if they are CGCS2000 lon/lat");
    }
}

Extent to_lonlat(const OGRSpatialReference& s, const Extent& e) {
    if (e.empty) return e;
    if (s.IsGeographic()) return e;
    Srs geo(s.CloneGeogCS());
    geo->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference src(s);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    Transform t(OGRCreateCoordinateTransformation(&src, geo.get()));
    Extent out;
    if (!t) return out;
    for (int i = 0; i <= 4; ++i)
        for (int j = 0; j <= 4; ++j) {
            double x = e.minx + (e.maxx - e.minx) * i / 4.0, y = e.miny + (e.maxy - e.miny) * j / 4.0;
            if (t->Transform(1, &x, &y)) out.add(x, y);
        }
    return out;
}

}  // namespace eco::io
