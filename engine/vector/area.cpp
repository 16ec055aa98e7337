#include "vector/area.h"

#include <geodesic.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "io/crs.h"

namespace eco::vector {

void add_ring_moments(const double* xy, size_t n, double rx, double ry, double sign, Moments& m) {
    Moments r;
    for (size_t i = 0; i + 1 < n; ++i) {
        double x0 = xy[2 * i] - rx, y0 = xy[2 * i + 1] - ry, x1 = xy[2 * i + 2] - rx, y1 = xy[2 * i + 3] - ry;
        double c = x0 * y1 - x1 * y0;
        r.a += c;
        r.sx += (x0 + x1) * c;
        r.sy += (y0 + y1) * c;
        r.sxx += (x0 * x0 + x0 * x1 + x1 * x1) * c;
        r.syy += (y0 * y0 + y0 * y1 + y1 * y1) * c;
        r.sxy += (x0 * y1 + 2 * x0 * y0 + 2 * x1 * y1 + x1 * y0) * c;
    }
    // counter-clockwise rings give a positive sum; an exterior ring counts positive either way
    double s = (r.a < 0 ? -sign : sign);
    m.a += s * r.a / 2;
    m.sx += s * r.sx / 6;
    m.sy += s * r.sy / 6;
    m.sxx += s * r.sxx / 12;
    m.syy += s * r.syy / 12;
    m.sxy += s * r.sxy / 24;
}

Ellipsoidal::Ellipsoidal(const OGRSpatialReference& work, double max_segment_m)
    : work_(io::clone_srs(work)), max_seg_(max_segment_m) {
    geo_ = io::geog_degrees(work);  // degrees whatever the datum's own unit (the formulas below take degrees)
    if (!geo_) throw Failure("area: the working CRS has no geographic CRS to measure on");
    OGRErr err = OGRERR_NONE;
    a_ = work.GetSemiMajor(&err);
    double inv_f = work.GetInvFlattening(&err);
    f_ = inv_f == 0.0 ? 0.0 : 1.0 / inv_f;
    e2_ = f_ * (2 - f_);
    ct_ = tbb::enumerable_thread_specific<io::Transform>([this] {
        return io::Transform(OGRCreateCoordinateTransformation(work_.get(), geo_.get()));
    });
    if (work.IsProjected()) {
        double unit = work.GetLinearUnits();  // metres per CRS unit
        if (unit > 0 && std::isfinite(unit)) {
            model_ = true;
            h_ = 10000.0 / unit;
            max_extent_ = 50000.0 / unit;
        }
    }
}

bool Ellipsoidal::scale_direct(double x, double y, double& f) const {
    // nine points: the centre and +-d, +-2d along each axis
    const double d = h_ / 10;  // 1 km: Richardson's O(d^4) truncation ~1e-15, round-off ~1e-12
    double px[9] = {x, x + d, x - d, x + 2 * d, x - 2 * d, x, x, x, x};
    double py[9] = {y, y, y, y, y, y + d, y - d, y + 2 * d, y - 2 * d};
    auto& ct = ct_.local();
    {
        io::ErrorCapture cap;
        if (!ct || !ct->Transform(9, px, py)) return false;
    }
    for (int k = 0; k < 9; ++k)
        if (!std::isfinite(px[k]) || !std::isfinite(py[k])) return false;
    auto dlon = [](double a, double b) {  // a - b, across the antimeridian too
        double v = a - b;
        if (v > 180) v -= 360;
        if (v < -180) v += 360;
        return v;
    };
    // central differences at d and 2d, Richardson-extrapolated: error O(d^4)
    auto rich = [](double d1, double d2) { return (4 * d1 - d2) / 3; };
    double lx = rich(dlon(px[1], px[2]) / (2 * d), dlon(px[3], px[4]) / (4 * d));
    double ly = rich(dlon(px[5], px[6]) / (2 * d), dlon(px[7], px[8]) / (4 * d));
    double bx = rich((py[1] - py[2]) / (2 * d), (py[3] - py[4]) / (4 * d));
    double by = rich((py[5] - py[6]) / (2 * d), (py[7] - py[8]) / (4 * d));
    const double d2r = M_PI / 180.0;
    double phi = py[0] * d2r, s = std::sin(phi), w = 1 - e2_ * s * s;
    double M = a_ * (1 - e2_) / (w * std::sqrt(w)), N = a_ / std::sqrt(w);
    f = M * N * std::cos(phi) * std::fabs(lx * by - ly * bx) * d2r * d2r;
    return std::isfinite(f) && f > 0;
}

bool Ellipsoidal::node(int64_t i, int64_t j, double& f) const {
    auto& c = cache_.local().nodes;
    uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(i)) << 32) | static_cast<uint32_t>(j);
    auto it = c.find(key);
    if (it == c.end()) {
        double v = 0;
        if (!scale_direct(static_cast<double>(i) * h_, static_cast<double>(j) * h_, v)) v = std::nan("");
        it = c.emplace(key, v).first;
    }
    f = it->second;
    return !std::isnan(f);
}

bool Ellipsoidal::scale_at(double x, double y, Scale& s) const {
    if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 1e9 * h_ || std::fabs(y) > 1e9 * h_) return false;
    double u = x / h_, v = y / h_;
    double iu = std::floor(u), iv = std::floor(v);
    double t = u - iu, r = v - iv;
    // cubic Lagrange weights on the nodes -1, 0, 1, 2 and their first and second derivatives
    auto weights = [](double t, double* L, double* D, double* S) {
        L[0] = -t * (t - 1) * (t - 2) / 6;
        L[1] = (t + 1) * (t - 1) * (t - 2) / 2;
        L[2] = -(t + 1) * t * (t - 2) / 2;
        L[3] = (t + 1) * t * (t - 1) / 6;
        D[0] = -(3 * t * t - 6 * t + 2) / 6;
        D[1] = (3 * t * t - 4 * t - 1) / 2;
        D[2] = -(3 * t * t - 2 * t - 2) / 2;
        D[3] = (3 * t * t - 1) / 6;
        S[0] = 1 - t;
        S[1] = 3 * t - 2;
        S[2] = 1 - 3 * t;
        S[3] = t;
    };
    double Lx[4], Dx[4], Sx[4], Ly[4], Dy[4], Sy[4];
    weights(t, Lx, Dx, Sx);
    weights(r, Ly, Dy, Sy);
    s = {0, 0, 0, 0, 0, 0};
    auto i0 = static_cast<int64_t>(iu) - 1, j0 = static_cast<int64_t>(iv) - 1;
    for (int l = 0; l < 4; ++l) {
        double row = 0, rowd = 0, rows = 0;
        for (int k = 0; k < 4; ++k) {
            double F;
            if (!node(i0 + k, j0 + l, F)) return false;
            row += Lx[k] * F;
            rowd += Dx[k] * F;
            rows += Sx[k] * F;
        }
        s.f += Ly[l] * row;
        s.fx += Ly[l] * rowd;
        s.fxx += Ly[l] * rows;
        s.fy += Dy[l] * row;
        s.fxy += Dy[l] * rowd;
        s.fyy += Sy[l] * row;
    }
    s.fx /= h_;
    s.fy /= h_;
    s.fxx /= h_ * h_;
    s.fxy /= h_ * h_;
    s.fyy /= h_ * h_;
    return true;
}

bool Ellipsoidal::scale_model(double x, double y, double& f) const {
    Scale s;
    if (!model_ || !scale_at(x, y, s)) return false;
    f = s.f;
    return true;
}

void Ellipsoidal::to_lonlat(const GEOSGeometry* line, std::vector<double>& lon, std::vector<double>& lat) const {
    auto h = geom::ctx();
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, line);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, cs, &n);
    lon.clear();
    lat.clear();
    double px = 0, py = 0;
    for (unsigned i = 0; i < n; ++i) {
        double x, y;
        GEOSCoordSeq_getXY_r(h, cs, i, &x, &y);
        if (i > 0) {
            double d = std::hypot(x - px, y - py);
            int k = static_cast<int>(std::ceil(d / max_seg_));
            for (int j = 1; j < k; ++j) {
                lon.push_back(px + (x - px) * j / k);
                lat.push_back(py + (y - py) * j / k);
            }
        }
        lon.push_back(x);
        lat.push_back(y);
        px = x;
        py = y;
    }
    auto& ct = ct_.local();
    io::ErrorCapture cap;  // PROJ's complaints become this one message, not lines on stderr
    if (!ct || !ct->Transform(lon.size(), lon.data(), lat.data()))
        throw Failure("ellipsoidal measure: cannot transform the coordinates to longitude/latitude (PROJ: " +
                      (cap.last().empty() ? std::string("no message") : cap.last()) +
                      "); the geometry is outside the working CRS's domain");
}

double Ellipsoidal::ring_area(const GEOSGeometry* ring) const {
    std::vector<double> lon, lat;
    to_lonlat(ring, lon, lat);
    if (lon.size() < 4) return 0.0;
    geod_geodesic g;
    geod_init(&g, a_, f_);
    double area = 0, perim = 0;
    // the closing point repeats the first: drop it
    geod_polygonarea(&g, lat.data(), lon.data(), static_cast<int>(lon.size() - 1), &area, &perim);
    return std::fabs(area);
}

double Ellipsoidal::polygon_area_geodesic(const GEOSGeometry* g) const {
    auto h = geom::ctx();
    if (GEOSisEmpty_r(h, g)) return 0.0;
    double a = ring_area(GEOSGetExteriorRing_r(h, g));
    for (int i = 0, n = GEOSGetNumInteriorRings_r(h, g); i < n; ++i) a -= ring_area(GEOSGetInteriorRingN_r(h, g, i));
    return a;
}

double Ellipsoidal::polygon_area(const GEOSGeometry* g) const {
    auto h = geom::ctx();
    if (!model_) return polygon_area_geodesic(g);
    if (GEOSisEmpty_r(h, g)) return 0.0;
    auto& xy = cache_.local().xy;
    auto load = [&](const GEOSGeometry* ring) -> size_t {
        const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, cs, &n);
        xy.resize(2 * static_cast<size_t>(n));
        if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(h, cs, xy.data(), 0, 0)) throw Failure("area: cannot read a ring's coordinates");
        return n;
    };
    size_t n = load(GEOSGetExteriorRing_r(h, g));
    if (n < 4) return 0.0;
    double x0 = xy[0], x1 = xy[0], y0 = xy[1], y1 = xy[1];
    for (size_t i = 1; i < n; ++i) {
        x0 = std::min(x0, xy[2 * i]);
        x1 = std::max(x1, xy[2 * i]);
        y0 = std::min(y0, xy[2 * i + 1]);
        y1 = std::max(y1, xy[2 * i + 1]);
    }
    Scale s;
    double rx = (x0 + x1) / 2, ry = (y0 + y1) / 2;
    if (!(x1 - x0 <= max_extent_ && y1 - y0 <= max_extent_) || !scale_at(rx, ry, s)) return polygon_area_geodesic(g);
    Moments m;
    add_ring_moments(xy.data(), n, rx, ry, 1.0, m);
    for (int i = 0, k = GEOSGetNumInteriorRings_r(h, g); i < k; ++i) {
        size_t nh = load(GEOSGetInteriorRingN_r(h, g, i));
        if (nh >= 4) add_ring_moments(xy.data(), nh, rx, ry, -1.0, m);
    }
    // f's second-order Taylor expansion at (rx, ry) integrated over the polygon
    return s.f * m.a + s.fx * m.sx + s.fy * m.sy + 0.5 * (s.fxx * m.sxx + 2 * s.fxy * m.sxy + s.fyy * m.syy);
}

double Ellipsoidal::area(const GEOSGeometry* g) const {
    auto h = geom::ctx();
    int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_POLYGON) return polygon_area(g);
    if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        double a = 0;
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) a += area(GEOSGetGeometryN_r(h, g, i));
        return a;
    }
    return 0.0;
}

double Ellipsoidal::area_geodesic(const GEOSGeometry* g) const {
    auto h = geom::ctx();
    int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_POLYGON) return polygon_area_geodesic(g);
    if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        double a = 0;
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) a += area_geodesic(GEOSGetGeometryN_r(h, g, i));
        return a;
    }
    return 0.0;
}

double Ellipsoidal::length(const GEOSGeometry* g) const {
    auto h = geom::ctx();
    int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_LINESTRING || t == GEOS_LINEARRING) {
        std::vector<double> lon, lat;
        to_lonlat(g, lon, lat);
        geod_geodesic gd;
        geod_init(&gd, a_, f_);
        double L = 0;
        for (size_t i = 1; i < lon.size(); ++i) {
            double s12 = 0;
            geod_inverse(&gd, lat[i - 1], lon[i - 1], lat[i], lon[i], &s12, nullptr, nullptr);
            L += s12;
        }
        return L;
    }
    if (t == GEOS_MULTILINESTRING || t == GEOS_GEOMETRYCOLLECTION) {
        double L = 0;
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) L += length(GEOSGetGeometryN_r(h, g, i));
        return L;
    }
    return 0.0;
}

}  // namespace eco::vector
