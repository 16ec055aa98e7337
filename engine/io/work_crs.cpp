#include "io/work_crs.h"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "core/units.h"

namespace eco::io {

namespace {

using units::fmt;

// Largest relative stretch of distances (east and north) at lon/lat by the CRS.
double distortion(const OGRSpatialReference& work, double lon, double lat) {
    Srs geo = geog_degrees(work);
    if (!geo) return 0;
    Srs w = clone_srs(work);
    Transform t(OGRCreateCoordinateTransformation(geo.get(), w.get()));
    if (!t) return 0;
    OGRErr err = OGRERR_NONE;
    const double a = work.GetSemiMajor(&err), inv_f = work.GetInvFlattening(&err);
    geod_geodesic g;
    geod_init(&g, a, inv_f == 0 ? 0 : 1 / inv_f);
    double worst = 0;
    for (int dir = 0; dir < 2; ++dir) {
        double x[2] = {lon, lon + (dir == 0 ? 0.01 : 0)}, y[2] = {lat, lat + (dir == 1 ? 0.01 : 0)};
        double s12 = 0;
        geod_inverse(&g, y[0], x[0], y[1], x[1], &s12, nullptr, nullptr);
        if (!t->Transform(2, x, y) || s12 <= 0) return 0;
        worst = std::max(worst, std::fabs(std::hypot(x[1] - x[0], y[1] - y[0]) / s12 - 1.0));
    }
    return worst;
}

}  // namespace

WorkCrs choose_work_crs(const std::string& param, const std::vector<std::pair<LayerSource, std::string>>& inputs,
                        const std::string& op) {
    Extent ll;
    std::vector<std::string> empty;  // "the outlet layer 'x.gpkg:outlet'" for each layer without features
    for (const auto& [src, label] : inputs) {
        LayerProbe p = probe_vector(src, label, op);
        ll.add(p.lonlat);
        if (p.feature_count == 0) empty.push_back("the " + label + " layer '" + src.spec + "'");
    }
    WorkCrs w;
    if (param == "auto" || param.empty()) {
        if (ll.empty && !empty.empty()) {
            std::string names;
            for (size_t i = 0; i < empty.size(); ++i) names += (i == 0 ? "" : i + 1 == empty.size() ? " and " : ", ") + empty[i];
            throw BadInput(op + ": " + names + (empty.size() == 1 ? " has" : " have") +
                           " no features, so there is no data to choose the working CRS from; check that you named the right "
                           "layer (and file), or pass --work-crs EPSG:4549");
        }
        if (ll.empty)
            throw BadInput(op + ": cannot place the data on the globe to choose a working CRS: no feature of the input layers has "
                           "coordinates; pass --work-crs EPSG:4549");
        const double lon = 0.5 * (ll.minx + ll.maxx);
        w.srs = srs_from_user("EPSG:" + std::to_string(gk3_cm_epsg(lon)), op, "working CRS");
        w.note = "working CRS chosen from the data's centre (" + fmt("%.3f", lon) + "E): " + srs_label(*w.srs);
    } else {
        w.srs = srs_from_user(param, op, "--work-crs");
        if (!w.srs->IsProjected())
            throw BadInput(op + ": --work-crs must be a projected CRS in metres (e.g. EPSG:4549), got " + srs_label(*w.srs));
        if (!ll.empty) {
            const double lon = 0.5 * (ll.minx + ll.maxx), lat = 0.5 * (ll.miny + ll.maxy);
            const double d = distortion(*w.srs, lon, lat);
            if (d > 0.005)
                throw BadInput(op + ": the working CRS " + srs_label(*w.srs) + " stretches distances by " + fmt("%.1f", 100 * d) +
                               " % at the data's centre, so buffers and areas would be wrong; use a local projection such as EPSG:" +
                               std::to_string(gk3_cm_epsg(lon)) + " (CGCS2000 3-degree Gauss-Kruger), or --work-crs auto");
        }
    }
    w.label = srs_label(*w.srs);
    w.epsg = srs_epsg(*w.srs).value_or(0);
    return w;
}

}  // namespace eco::io
