#include "raster/raster_coverage.h"

#include <algorithm>
#include <cmath>

namespace eco::raster {

namespace {

void add_ring(GEOSContextHandle_t h, const GEOSGeometry* ring, bool hole, CoverPolygon& out) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n) || n < 4) return;
    CoverRing r;
    r.x.resize(n);
    r.y.resize(n);
    for (unsigned int i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &r.x[i], &r.y[i]);
    if (r.x.front() != r.x.back() || r.y.front() != r.y.back()) {
        r.x.push_back(r.x.front());
        r.y.push_back(r.y.front());
    }
    // signed area (shoelace, relative to the first vertex for precision)
    double a = 0;
    for (size_t i = 0; i + 1 < r.x.size(); ++i)
        a += (r.x[i] - r.x[0]) * (r.y[i + 1] - r.y[0]) - (r.x[i + 1] - r.x[0]) * (r.y[i] - r.y[0]);
    if (a == 0) return;
    const bool ccw = a > 0;
    r.sign = (ccw != hole) ? 1.0 : -1.0;
    for (size_t i = 0; i < r.x.size(); ++i) {
        if (out.rings.empty() && i == 0) {
            out.minx = out.maxx = r.x[0];
            out.miny = out.maxy = r.y[0];
        }
        out.minx = std::min(out.minx, r.x[i]);
        out.maxx = std::max(out.maxx, r.x[i]);
        out.miny = std::min(out.miny, r.y[i]);
        out.maxy = std::max(out.maxy, r.y[i]);
    }
    out.rings.push_back(std::move(r));
}

void add_geom(GEOSContextHandle_t h, const GEOSGeometry* g, CoverPolygon& out) {
    int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        add_ring(h, GEOSGetExteriorRing_r(h, g), false, out);
        int nh = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < nh; ++i) add_ring(h, GEOSGetInteriorRingN_r(h, g, i), true, out);
    } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) add_geom(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}

// Accumulates -integral(y dx) of pieces of the clamped boundary into the cells of one row.
struct RowAcc {
    double* acc;   // per column of the range, map units^2
    int col0, col1;
    double cw;     // cell width
    double h;      // strip height
    double sgn;    // +1 or -1 (ring sign)

    // A straight piece from (Xa, ya) to (Xb, yb); X in column units from the grid origin,
    // y relative to the strip bottom, within [0, h].
    void piece(double Xa, double ya, double Xb, double yb) const {
        if (Xa == Xb) return;
        const double lo = std::min(Xa, Xb), hi = std::max(Xa, Xb);
        int k0 = std::max(col0, static_cast<int>(std::floor(lo)));
        int k1 = std::min(col1 - 1, static_cast<int>(std::ceil(hi)) - 1);
        if (k0 > k1) return;
        const double dir = Xb > Xa ? 1.0 : -1.0;
        const double slope = (yb - ya) / (Xb - Xa);
        const bool flat = ya == yb;
        for (int k = k0; k <= k1; ++k) {
            double u = std::max(lo, static_cast<double>(k)), v = std::min(hi, static_cast<double>(k + 1));
            if (v <= u) continue;
            double yu = flat ? ya : ya + slope * (u - Xa);
            double yv = flat ? ya : ya + slope * (v - Xa);
            acc[k - col0] -= sgn * dir * 0.5 * (yu + yv) * (v - u) * cw;
        }
    }
};

}  // namespace

CoverPolygon cover_polygon(const GEOSGeometry* g) {
    CoverPolygon p;
    if (g) add_geom(geom::ctx(), g, p);
    return p;
}

CellRange cover_range(const Grid& grid, const CoverPolygon& p) {
    CellRange r;
    if (p.empty()) return r;
    r.col0 = std::max(0, static_cast<int>(std::floor((p.minx - grid.x0) / grid.cw)));
    r.col1 = std::min(grid.width, static_cast<int>(std::ceil((p.maxx - grid.x0) / grid.cw)));
    r.row0 = std::max(0, static_cast<int>(std::floor((grid.y0 - p.maxy) / grid.ch)));
    r.row1 = std::min(grid.height, static_cast<int>(std::ceil((grid.y0 - p.miny) / grid.ch)));
    if (r.col1 < r.col0) r.col1 = r.col0;
    if (r.row1 < r.row0) r.row1 = r.row0;
    return r;
}

namespace detail {

void compute_band(const Grid& grid, const CoverPolygon& p, int row0, int row1, CoverBand& out) {
    out.range = cover_range(grid, p);
    out.row0 = std::max(row0, out.range.row0);
    out.row1 = std::min(row1, out.range.row1);
    if (out.row1 < out.row0) out.row1 = out.row0;
    const int ncol = out.range.col1 - out.range.col0;
    const int nrow = out.row1 - out.row0;
    out.frac.assign(static_cast<size_t>(ncol) * std::max(nrow, 0), 0.0);
    if (nrow <= 0 || ncol <= 0) return;
    const double ch = grid.ch, cw = grid.cw;

    // bucket the edges of every ring by the rows whose open strip they cross
    struct Hit {
        int ring, edge;
    };
    std::vector<std::vector<Hit>> rows(static_cast<size_t>(nrow));
    for (int ri = 0; ri < static_cast<int>(p.rings.size()); ++ri) {
        const auto& R = p.rings[ri];
        const int ne = static_cast<int>(R.x.size()) - 1;
        for (int e = 0; e < ne; ++e) {
            double ya = R.y[e], yb = R.y[e + 1];
            double tmax = (grid.y0 - std::max(ya, yb)) / ch;  // row coordinate of the upper end
            double tmin = (grid.y0 - std::min(ya, yb)) / ch;  // row coordinate of the lower end
            int lo = static_cast<int>(std::floor(tmax));
            int hi = static_cast<int>(std::ceil(tmin)) - 1;
            lo = std::max(lo, out.row0);
            hi = std::min(hi, out.row1 - 1);
            for (int r = lo; r <= hi; ++r) rows[r - out.row0].push_back({ri, e});
        }
    }

    std::vector<double> acc(static_cast<size_t>(ncol));
    for (int r = out.row0; r < out.row1; ++r) {
        const auto& hits = rows[r - out.row0];
        if (hits.empty()) continue;
        std::fill(acc.begin(), acc.end(), 0.0);
        const double ybot = grid.y0 - (r + 1) * ch;
        // per ring: the active edges in ring order (hits are pushed ring-major, edge-ascending)
        size_t i = 0;
        while (i < hits.size()) {
            const int ri = hits[i].ring;
            size_t j = i;
            while (j < hits.size() && hits[j].ring == ri) ++j;
            const auto& R = p.rings[ri];
            RowAcc rr{acc.data(), out.range.col0, out.range.col1, cw, ch, R.sign};
            auto X = [&](double x) { return (x - grid.x0) / cw; };
            for (size_t k = i; k < j; ++k) {
                const int e = hits[k].edge;
                double xa = R.x[e], ya = R.y[e] - ybot, xb = R.x[e + 1], yb = R.y[e + 1] - ybot;
                // split at y = 0 and y = h
                double ts[4] = {0, 1, 0, 0};
                int nt = 2;
                if (ya != yb) {
                    for (double lvl : {0.0, ch}) {
                        double t = (lvl - ya) / (yb - ya);
                        if (t > 0 && t < 1) ts[nt++] = t;
                    }
                }
                for (int a = 1; a < nt; ++a)  // at most 4 values (std::sort here trips GCC 12's -Warray-bounds)
                    for (int b = a; b > 0 && ts[b] < ts[b - 1]; --b) std::swap(ts[b], ts[b - 1]);
                for (int q = 0; q + 1 < nt; ++q) {
                    double t0 = ts[q], t1 = ts[q + 1];
                    double x0p = t0 == 0 ? xa : (t0 == 1 ? xb : xa + (xb - xa) * t0);
                    double x1p = t1 == 1 ? xb : xa + (xb - xa) * t1;
                    double y0p = t0 == 0 ? ya : ya + (yb - ya) * t0;
                    double y1p = t1 == 1 ? yb : ya + (yb - ya) * t1;
                    double ym = 0.5 * (y0p + y1p);
                    if (ym <= 0) continue;  // along the bottom: y - ybot = 0
                    if (ym >= ch) rr.piece(X(x0p), ch, X(x1p), ch);
                    else rr.piece(X(x0p), std::min(std::max(y0p, 0.0), ch), X(x1p), std::min(std::max(y1p, 0.0), ch));
                }
                // connector to the next active edge of this ring (cyclic) along the clamped level
                const size_t kn = (k + 1 < j) ? k + 1 : i;
                const int en = hits[kn].edge;
                if (en != e + 1 && !(e + 1 == static_cast<int>(R.x.size()) - 1 && en == 0)) {
                    // the skipped edges lie all above or all below the strip: compare with its middle
                    if (R.y[e + 1] - ybot > 0.5 * ch) rr.piece(X(R.x[e + 1]), ch, X(R.x[en]), ch);
                }
            }
            i = j;
        }
        double* dst = out.frac.data() + static_cast<size_t>(r - out.row0) * ncol;
        const double ca = cw * ch;
        for (int c = 0; c < ncol; ++c) {
            double f = acc[c] / ca;
            if (f < 1e-12) f = 0;
            else if (f > 1 - 1e-12) f = 1;
            dst[c] = f;
        }
    }
}

}  // namespace detail

}  // namespace eco::raster
