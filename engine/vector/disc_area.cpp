#include "vector/disc_area.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace eco::vector {

namespace {

struct P {
    double x, y;
};
inline double cross(P a, P b) { return a.x * b.y - a.y * b.x; }
inline double dot(P a, P b) { return a.x * b.x + a.y * b.y; }
inline double angle(P a, P b) { return std::atan2(cross(a, b), dot(a, b)); }

// Signed area of disc(0, r) ∩ triangle(0, a, b); aa = |a|^2, bb = |b|^2; *ab_angle caches
// angle(a, b) (NaN until computed) for the other radii of the same edge.
double tri_disc(P a, P b, double aa, double bb, double r, double* ab_angle) {
    const double r2 = r * r;
    const bool a_in = aa <= r2, b_in = bb <= r2;
    if (a_in && b_in) return 0.5 * cross(a, b);
    auto sector = [&] {
        if (std::isnan(*ab_angle)) *ab_angle = angle(a, b);
        return 0.5 * r2 * *ab_angle;
    };
    // segment a + t (b - a): |a + t d|^2 = r^2
    P d{b.x - a.x, b.y - a.y};
    const double A = dot(d, d), B = 2 * dot(a, d), C = aa - r2;
    if (A == 0) return 0.0;
    const double disc = B * B - 4 * A * C;
    if (disc <= 0) return sector();  // the segment's line misses the circle
    const double s = std::sqrt(disc);
    const double t1 = (-B - s) / (2 * A), t2 = (-B + s) / (2 * A);
    auto at = [&](double t) { return P{a.x + t * d.x, a.y + t * d.y}; };
    if (a_in) {  // leaves the disc at t2
        P q = at(t2);
        return 0.5 * cross(a, q) + 0.5 * r2 * angle(q, b);
    }
    if (b_in) {  // enters at t1
        P q = at(t1);
        return 0.5 * r2 * angle(a, q) + 0.5 * cross(q, b);
    }
    if (t1 >= 1.0 || t2 <= 0.0 || t1 < 0.0 || t2 > 1.0)  // both ends outside, chord not on the segment
        return sector();
    P q1 = at(t1), q2 = at(t2);
    return 0.5 * r2 * angle(a, q1) + 0.5 * cross(q1, q2) + 0.5 * r2 * angle(q2, b);
}

// |area of ring ∩ disc(r_k)| for every radius, the ring's orientation normalised, added to out.
void ring_disc(const GEOSGeometry* ring, double cx, double cy, const double* r, size_t nr, double sign, double* out) {
    auto h = geom::ctx();
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, cs, &n);
    if (n < 4) return;
    thread_local std::vector<double> xy;
    xy.resize(2 * n);
    GEOSCoordSeq_copyToBuffer_r(h, cs, xy.data(), 0, 0);
    double s[8] = {0};
    double shoelace = 0;
    P prev{xy[0] - cx, xy[1] - cy};
    double pp = dot(prev, prev);
    for (unsigned i = 1; i < n; ++i) {
        P cur{xy[2 * i] - cx, xy[2 * i + 1] - cy};
        double cc = dot(cur, cur);
        double ab = std::nan("");
        for (size_t k = 0; k < nr; ++k) s[k] += tri_disc(prev, cur, pp, cc, r[k], &ab);
        shoelace += cross(prev, cur);
        prev = cur;
        pp = cc;
    }
    for (size_t k = 0; k < nr; ++k) out[k] += sign * (shoelace < 0 ? -s[k] : s[k]);
}

void polygon_disc(const GEOSGeometry* g, double cx, double cy, const double* r, size_t nr, double* out) {
    auto h = geom::ctx();
    int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        ring_disc(GEOSGetExteriorRing_r(h, g), cx, cy, r, nr, 1.0, out);
        for (int i = 0, k = GEOSGetNumInteriorRings_r(h, g); i < k; ++i)
            ring_disc(GEOSGetInteriorRingN_r(h, g, i), cx, cy, r, nr, -1.0, out);
    } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0, k = GEOSGetNumGeometries_r(h, g); i < k; ++i) polygon_disc(GEOSGetGeometryN_r(h, g, i), cx, cy, r, nr, out);
    }
}

}  // namespace

double polygon_disc_area(const GEOSGeometry* g, double cx, double cy, double r) {
    double a = 0;
    polygon_disc(g, cx, cy, &r, 1, &a);
    return a;
}

std::vector<double> polygon_disc_areas(const GEOSGeometry* g, double cx, double cy, const std::vector<double>& radii) {
    std::vector<double> out(radii.size(), 0.0);
    for (size_t k0 = 0; k0 < radii.size(); k0 += 8)
        polygon_disc(g, cx, cy, radii.data() + k0, std::min<size_t>(8, radii.size() - k0), out.data() + k0);
    return out;
}

}  // namespace eco::vector
