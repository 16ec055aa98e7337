#include "vector/site_screen.h"

#include "vector/disc_area.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace eco::vector {

ConstraintIndex::ConstraintIndex(const io::VectorLayer& layer) : layer_(&layer) {
    const size_t n = layer.features.size();
    area_.resize(n);
    dim_.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const GEOSGeometry* g = layer.features[i].geom.get();
        tree_.insert(g, i);
        dim_[i] = geom::dimension(g);
        area_[i] = dim_[i] == 2 ? geom::area(g) : 0.0;
    }
    tree_.build();
    flat_.resize(n);
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 64), [&](const tbb::blocked_range<size_t>& r) {
        for (size_t i = r.begin(); i != r.end(); ++i) flat_[i] = flatten(layer.features[i].geom.get());
    });
}

namespace {

constexpr unsigned kChunkSegments = 8;

void flatten_part(const GEOSGeometry* g, ConstraintIndex::Flat& f) {
    auto h = geom::ctx();
    auto add_run = [&](const GEOSGeometry* line, int polygon) {
        const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, line);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, cs, &n);
        if (n == 0) return;
        ConstraintIndex::Run run{static_cast<unsigned>(f.xy.size() / 2), n, static_cast<unsigned>(f.chunks.size()), 0, polygon};
        f.xy.resize(f.xy.size() + 2 * n);
        GEOSCoordSeq_copyToBuffer_r(h, cs, f.xy.data() + 2 * run.first, 0, 0);
        // chunks of up to kChunkSegments segments sharing their end vertices (one chunk for a point)
        for (unsigned a = 0; a == 0 || a + 1 < n; a += kChunkSegments) {
            unsigned b = std::min(n - 1, a + kChunkSegments);
            ConstraintIndex::Chunk c{f.xy[2 * (run.first + a)], f.xy[2 * (run.first + a) + 1], f.xy[2 * (run.first + a)],
                                     f.xy[2 * (run.first + a) + 1], run.first + a, run.first + b};
            for (unsigned j = run.first + a; j <= run.first + b; ++j) {
                c.minx = std::min(c.minx, f.xy[2 * j]);
                c.maxx = std::max(c.maxx, f.xy[2 * j]);
                c.miny = std::min(c.miny, f.xy[2 * j + 1]);
                c.maxy = std::max(c.maxy, f.xy[2 * j + 1]);
            }
            f.chunks.push_back(c);
            if (n == 1) break;
        }
        run.chunk1 = static_cast<unsigned>(f.chunks.size());
        f.runs.push_back(run);
    };
    const int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return;
        const int polygon = f.polygons++;
        add_run(GEOSGetExteriorRing_r(h, g), polygon);
        for (int i = 0, k = GEOSGetNumInteriorRings_r(h, g); i < k; ++i) add_run(GEOSGetInteriorRingN_r(h, g, i), polygon);
    } else if (t == GEOS_LINESTRING || t == GEOS_LINEARRING || t == GEOS_POINT) {
        if (!GEOSisEmpty_r(h, g)) add_run(g, -1);
    } else {
        for (int i = 0, k = GEOSGetNumGeometries_r(h, g); i < k; ++i) flatten_part(GEOSGetGeometryN_r(h, g, i), f);
    }
}

// Grows the box of `a` to cover the box of `b`.
void grow_box(ConstraintIndex::Chunk& a, const ConstraintIndex::Chunk& b) {
    a.minx = std::min(a.minx, b.minx);
    a.miny = std::min(a.miny, b.miny);
    a.maxx = std::max(a.maxx, b.maxx);
    a.maxy = std::max(a.maxy, b.maxy);
}

}  // namespace

ConstraintIndex::Flat ConstraintIndex::flatten(const GEOSGeometry* g) {
    Flat f;
    flatten_part(g, f);
    constexpr unsigned kGroupChunks = 8;
    for (auto& run : f.runs) {
        run.group0 = static_cast<unsigned>(f.groups.size());
        for (unsigned c0 = run.chunk0; c0 < run.chunk1; c0 += kGroupChunks) {
            const unsigned c1 = std::min(run.chunk1, c0 + kGroupChunks);
            Chunk gr = f.chunks[c0];
            gr.first = c0;
            gr.last = c1;
            for (unsigned c = c0 + 1; c < c1; ++c) grow_box(gr, f.chunks[c]);
            f.groups.push_back(gr);
        }
        run.group1 = static_cast<unsigned>(f.groups.size());
    }
    for (const auto& run : f.runs) {
        f.degenerate = f.degenerate || run.count < 2;
        for (unsigned j = run.first + 1; j < run.first + run.count; ++j)
            f.degenerate = f.degenerate || (f.xy[2 * j] == f.xy[2 * j - 2] && f.xy[2 * j + 1] == f.xy[2 * j - 1]);
    }
    if (!f.groups.empty()) {
        f.box = f.groups.front();
        for (const auto& gr : f.groups) grow_box(f.box, gr);
    }
    return f;
}


std::vector<size_t> ConstraintIndex::candidates(const GEOSGeometry* g, double d) const {
    geom::Box b = geom::bounds(g);
    return tree_.query_box(b.minx - d, b.miny - d, b.maxx + d, b.maxy + d);
}

int LayerFigures::tiny_hits() const {
    int n = 0;
    for (const auto& h : hits) n += h.tiny ? 1 : 0;
    return n;
}

std::vector<geom::Geom> site_buffers(const GEOSGeometry* site, const std::vector<double>& buffers, int quadsegs) {
    std::vector<geom::Geom> out;
    out.reserve(buffers.size());
    for (double b : buffers) out.push_back(geom::buffer(site, b, quadsegs));
    return out;
}

namespace {

// Number of places where a line crosses or touches a boundary: points count once, shared
// stretches (collinear overlap) once each.
int count_crossings(const GEOSGeometry* line, const GEOSGeometry* boundary) {
    geom::Geom x = geom::intersection(line, boundary);
    if (geom::is_empty(x.get())) return 0;
    auto h = geom::ctx();
    int n = 0;
    auto visit = [&](auto&& self, const GEOSGeometry* g) -> void {
        int t = GEOSGeomTypeId_r(h, g);
        if (t == GEOS_POINT || t == GEOS_LINESTRING) {
            n += GEOSisEmpty_r(h, g) ? 0 : 1;
            return;
        }
        for (int i = 0, k = GEOSGetNumGeometries_r(h, g); i < k; ++i) self(self, GEOSGetGeometryN_r(h, g, i));
    };
    if (GEOSGeomTypeId_r(h, x.get()) == GEOS_MULTILINESTRING || GEOSGeomTypeId_r(h, x.get()) == GEOS_GEOMETRYCOLLECTION) {
        // merge touching collinear pieces so one shared stretch counts once
        geom::Geom merged = geom::own(GEOSLineMerge_r(geom::clear_error(), geom::extract_dim(x.get(), 1).get()), "line merge");
        geom::Geom pts = geom::extract_dim(x.get(), 0);
        visit(visit, merged.get());
        if (!geom::is_empty(pts.get())) visit(visit, pts.get());
        return n;
    }
    visit(visit, x.get());
    return n;
}

// A point against a geometry by direct loops over its coordinates: for the 9 in 10 sites that are
// points this is several times faster than GEOS predicates and needs no prepared index.
struct PointRelation {
    bool hit = false;  // inside or on the boundary (GEOS intersects)
    double dist = 0;   // 0 when hit
};

// Squared distance from (px, py) to the segment a-b.
inline double seg_d2(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax, dy = by - ay, L = dx * dx + dy * dy;
    double u = L > 0 ? ((px - ax) * dx + (py - ay) * dy) / L : 0.0;
    u = u < 0 ? 0 : u > 1 ? 1 : u;
    double ex = ax + u * dx - px, ey = ay + u * dy - py;
    return ex * ex + ey * ey;
}

// Lower bound of the distance from a point to anything inside box c. The box is padded by a
// micrometre, far more than the rounding of the segment formulas, so that a chunk is skipped only
// when none of its segments could give a distance as small as the one already found: the
// minimum is the same as without skipping, to the last bit.
inline double box_d2(const ConstraintIndex::Chunk& c, double px, double py) {
    constexpr double pad = 1e-6;
    double dx = std::max({c.minx - pad - px, 0.0, px - c.maxx - pad});
    double dy = std::max({c.miny - pad - py, 0.0, py - c.maxy - pad});
    return dx * dx + dy * dy;
}

// Point in polygon (even-odd over the rings of each polygon: a polygon's holes cancel its
// exterior) and the squared distance to the nearest segment or point. A chunk entirely above or
// below the point cannot toggle the crossing count, and one whose box is farther than the
// nearest segment so far cannot lower the distance: both are skipped.
PointRelation point_relation(const ConstraintIndex::Flat& F, double px, double py) {
    bool inside = false;
    double d2 = std::numeric_limits<double>::infinity();
    const double* xy = F.xy.data();
    // seed the distance with the chunk whose box is nearest within the group whose box is nearest,
    // so that the pass below skips most chunks for the distance (it then only walks those
    // straddling the point's y). The seed only decides what is skipped, never the minimum.
    {
        size_t best = F.chunks.size();
        double lb = std::numeric_limits<double>::infinity();
        size_t bestg = F.groups.size();
        for (size_t g = 0; g < F.groups.size(); ++g) {
            double b = box_d2(F.groups[g], px, py);
            if (b < lb) lb = b, bestg = g;
        }
        lb = std::numeric_limits<double>::infinity();
        if (bestg < F.groups.size())
            for (size_t c = F.groups[bestg].first; c < F.groups[bestg].last; ++c) {
                double b = box_d2(F.chunks[c], px, py);
                if (b < lb) lb = b, best = c;
            }
        if (best < F.chunks.size()) {
            const auto& ch = F.chunks[best];
            if (ch.first == ch.last)
                d2 = (xy[2 * ch.first] - px) * (xy[2 * ch.first] - px) + (xy[2 * ch.first + 1] - py) * (xy[2 * ch.first + 1] - py);
            for (unsigned j = ch.first + 1; j <= ch.last; ++j)
                d2 = std::min(d2, seg_d2(px, py, xy[2 * j - 2], xy[2 * j - 1], xy[2 * j], xy[2 * j + 1]));
        }
    }
    int polygon = -1;
    bool in = false;
    for (const auto& run : F.runs) {
        if (run.polygon != polygon) {
            inside = inside || in;
            in = false;
            polygon = run.polygon;
        }
        if (run.count == 1) {
            const double* p = xy + 2 * run.first;
            d2 = std::min(d2, (p[0] - px) * (p[0] - px) + (p[1] - py) * (p[1] - py));
            continue;
        }
        // a group whose box is above or below the point and farther than the nearest segment so
        // far holds no chunk that the test below would walk (the distance only decreases)
        for (unsigned g = run.group0; g < run.group1; ++g) {
            const auto& gr = F.groups[g];
            if (!(run.polygon >= 0 && !(gr.maxy <= py || gr.miny > py)) && box_d2(gr, px, py) > d2) continue;
            for (unsigned c = gr.first; c < gr.last; ++c) {
                const auto& ch = F.chunks[c];
                const bool cross = run.polygon >= 0 && !(ch.maxy <= py || ch.miny > py);
                const bool near = box_d2(ch, px, py) <= d2;
                if (!cross && !near) continue;
                for (unsigned j = ch.first + 1; j <= ch.last; ++j) {
                    double ax = xy[2 * j - 2], ay = xy[2 * j - 1], bx = xy[2 * j], by = xy[2 * j + 1];
                    if (cross && (ay > py) != (by > py) && px < ax + (py - ay) * (bx - ax) / (by - ay)) in = !in;
                    if (near) d2 = std::min(d2, seg_d2(px, py, ax, ay, bx, by));
                }
            }
        }
    }
    inside = inside || in;
    PointRelation r;
    r.hit = inside || d2 == 0.0;
    r.dist = r.hit ? 0.0 : std::sqrt(d2);
    return r;
}

// GEOS's point-segment and segment-segment distances (geos::algorithm::Distance), formula for
// formula, so that the minimum over segment pairs is the number GEOS's (prepared) distance gives.
struct XY {
    double x, y;
};
inline double pt_dist(XY p, XY a) { return std::sqrt((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)); }
inline double pt_seg(XY p, XY A, XY B) {
    if (A.x == B.x && A.y == B.y) return pt_dist(p, A);
    double r = ((p.x - A.x) * (B.x - A.x) + (p.y - A.y) * (B.y - A.y)) / ((B.x - A.x) * (B.x - A.x) + (B.y - A.y) * (B.y - A.y));
    if (r <= 0.0) return pt_dist(p, A);
    if (r >= 1.0) return pt_dist(p, B);
    double s = ((A.y - p.y) * (B.x - A.x) - (A.x - p.x) * (B.y - A.y)) / ((B.x - A.x) * (B.x - A.x) + (B.y - A.y) * (B.y - A.y));
    return std::fabs(s) * std::sqrt(((B.x - A.x) * (B.x - A.x) + (B.y - A.y) * (B.y - A.y)));
}
inline double seg_seg(XY A, XY B, XY C, XY D) {
    if (A.x == B.x && A.y == B.y) return pt_seg(A, C, D);
    if (C.x == D.x && C.y == D.y) return pt_seg(D, A, B);
    bool none = false;
    if (std::max(A.x, B.x) < std::min(C.x, D.x) || std::min(A.x, B.x) > std::max(C.x, D.x) ||
        std::max(A.y, B.y) < std::min(C.y, D.y) || std::min(A.y, B.y) > std::max(C.y, D.y)) {
        none = true;
    } else {
        double denom = (B.x - A.x) * (D.y - C.y) - (B.y - A.y) * (D.x - C.x);
        if (denom == 0) {
            none = true;
        } else {
            double r = ((A.y - C.y) * (D.x - C.x) - (A.x - C.x) * (D.y - C.y)) / denom;
            double s = ((A.y - C.y) * (B.x - A.x) - (A.x - C.x) * (B.y - A.y)) / denom;
            none = r < 0 || r > 1 || s < 0 || s > 1;
        }
    }
    if (none) return std::min(pt_seg(A, C, D), std::min(pt_seg(B, C, D), std::min(pt_seg(C, A, B), pt_seg(D, A, B))));
    return 0.0;
}

// Lower bound of the distance between two segments: the gap between their boxes (padded as in
// box_d2).
inline double seg_box_gap(XY A, XY B, XY C, XY D) {
    constexpr double pad = 1e-6;
    double dx = std::max({std::min(A.x, B.x) - std::max(C.x, D.x) - pad, 0.0, std::min(C.x, D.x) - std::max(A.x, B.x) - pad});
    double dy = std::max({std::min(A.y, B.y) - std::max(C.y, D.y) - pad, 0.0, std::min(C.y, D.y) - std::max(A.y, B.y) - pad});
    return std::max(dx, dy);
}

// Lower bound of the distance between anything in two boxes (padded as in box_d2).
inline double box_box(const ConstraintIndex::Chunk& a, const ConstraintIndex::Chunk& b) {
    constexpr double pad = 1e-6;
    double dx = std::max({a.minx - b.maxx - pad, 0.0, b.minx - a.maxx - pad});
    double dy = std::max({a.miny - b.maxy - pad, 0.0, b.miny - a.maxy - pad});
    return std::sqrt(dx * dx + dy * dy);
}

// The pairs (chunk of a, group of chunks of b) whose boxes are within `cutoff`, nearest boxes first
// (ties by index): the minimum is soon close to the answer, and every pair whose boxes are farther
// apart than it is skipped (the order decides only what is skipped, never the minimum).
struct ChunkPair {
    double lb;
    unsigned ia, gb;
};
const std::vector<ChunkPair>& chunk_pairs(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b, double cutoff) {
    thread_local std::vector<ChunkPair> pairs;
    pairs.clear();
    for (unsigned gb = 0; gb < b.groups.size(); ++gb) {
        if (box_box(a.box, b.groups[gb]) > cutoff) continue;
        for (unsigned ia = 0; ia < a.chunks.size(); ++ia) {
            const double lb = box_box(a.chunks[ia], b.groups[gb]);
            if (lb <= cutoff) pairs.push_back({lb, ia, gb});
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const ChunkPair& x, const ChunkPair& y) {
        return x.lb < y.lb || (x.lb == y.lb && (x.ia < y.ia || (x.ia == y.ia && x.gb < y.gb)));
    });
    return pairs;
}

// Calls visit(chunk of a, chunk of b) for every pair of chunks, nearest groups first, whose boxes
// are within `cutoff` and nearer than `best` (which visit lowers as it finds distances).
template <class Visit>
void for_near_chunks(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b, double cutoff, const double& best, Visit&& visit) {
    if (a.chunks.empty() || b.chunks.empty()) return;
    for (const ChunkPair& gp : chunk_pairs(a, b, cutoff)) {
        if (gp.lb > best) break;
        const auto& ca = a.chunks[gp.ia];
        for (unsigned ib = b.groups[gp.gb].first; ib < b.groups[gp.gb].last; ++ib) {
            const auto& cb = b.chunks[ib];
            const double lb = box_box(ca, cb);
            if (lb > best || lb > cutoff) continue;
            visit(ca, cb);
        }
    }
}

// Distance between two geometries that do not intersect: the minimum over every pair of
// segments (or points) of GEOS's formulas, as GEOS's facet distance computes it, with pairs of
// chunks whose boxes are farther apart than the minimum so far skipped. Pairs whose boxes are
// farther apart than `cutoff` are skipped too: a distance up to `cutoff` is still exact to the
// last bit (the pair holding it is never skipped); a larger one comes back as some value above
// `cutoff` (possibly infinity), which the caller discards.
double flat_distance_pairs(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b, double cutoff) {
    double best = std::numeric_limits<double>::infinity();
    const double *pa = a.xy.data(), *pb = b.xy.data();
    auto at = [](const double* xy, unsigned j) { return XY{xy[2 * j], xy[2 * j + 1]}; };
    for_near_chunks(a, b, cutoff, best, [&](const ConstraintIndex::Chunk& ca, const ConstraintIndex::Chunk& cb) {
        const bool apt = ca.first == ca.last, bpt = cb.first == cb.last;
        if (apt && bpt) {
            best = std::min(best, pt_dist(at(pa, ca.first), at(pb, cb.first)));
        } else if (apt) {
            for (unsigned k = cb.first + 1; k <= cb.last; ++k)
                best = std::min(best, pt_seg(at(pa, ca.first), at(pb, k - 1), at(pb, k)));
        } else if (bpt) {
            for (unsigned j = ca.first + 1; j <= ca.last; ++j)
                best = std::min(best, pt_seg(at(pb, cb.first), at(pa, j - 1), at(pa, j)));
        } else {
            for (unsigned j = ca.first + 1; j <= ca.last; ++j) {
                const XY A = at(pa, j - 1), B = at(pa, j);
                for (unsigned k = cb.first + 1; k <= cb.last; ++k) {
                    const XY C = at(pb, k - 1), D = at(pb, k);
                    const double gap = seg_box_gap(A, B, C, D);
                    if (gap > best || gap > cutoff)
                        continue;  // cannot lower the minimum, or beyond the cutoff
                    best = std::min(best, seg_seg(A, B, C, D));
                }
            }
        }
    });
    return best;
}

// The same minimum from vertex-segment pairs only. Two segments that do not meet are nearest at
// an end of one of them, so seg_seg's value is the least of its four pt_seg terms, and the minimum
// over every segment pair is the minimum of pt_seg(v, C, D) over the vertices v of one geometry
// and the segments CD of the other, formula for formula the same numbers: the result is the same
// to the last bit, at about half the work per pair of chunks (each vertex once per chunk instead
// of once per segment pair, and most vertices skipped by their gap to the other chunk's box).
// It holds only when no segment pair meets (seg_seg would give 0) and no segment is a point (seg_seg
// then skips some terms): geometries with a repeated vertex or a point part, and results under a
// millimetre (where two segments could meet within rounding), go to flat_distance_pairs.
double flat_distance_vertices(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b, double cutoff) {
    double best = std::numeric_limits<double>::infinity();
    const double *pa = a.xy.data(), *pb = b.xy.data();
    // vertices [v0, v1] of p against the segments [s0, s1] of q (s0 = first vertex of the first one)
    auto sweep = [&best](const double* p, unsigned v0, unsigned v1, const ConstraintIndex::Chunk& qbox, const double* q, unsigned s0,
                         unsigned s1) {
        for (unsigned j = v0; j <= v1; ++j) {
            const double px = p[2 * j], py = p[2 * j + 1];
            if (box_d2(qbox, px, py) > best * best) continue;
            for (unsigned k = s0 + 1; k <= s1; ++k) {
                const double cx = q[2 * k - 2], cy = q[2 * k - 1], dx = q[2 * k], dy = q[2 * k + 1];
                // the gap to the segment's box (padded as in box_d2) bounds its distance from below
                const double gx = std::max({std::min(cx, dx) - 1e-6 - px, 0.0, px - std::max(cx, dx) - 1e-6});
                const double gy = std::max({std::min(cy, dy) - 1e-6 - py, 0.0, py - std::max(cy, dy) - 1e-6});
                if (gx > best || gy > best) continue;
                best = std::min(best, pt_seg(XY{px, py}, XY{cx, cy}, XY{dx, dy}));
            }
        }
    };
    for_near_chunks(a, b, cutoff, best, [&](const ConstraintIndex::Chunk& ca, const ConstraintIndex::Chunk& cb) {
        sweep(pa, ca.first, ca.last, cb, pb, cb.first, cb.last);
        sweep(pb, cb.first, cb.last, ca, pa, ca.first, ca.last);
    });
    return best;
}

}  // namespace

double flat_distance(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b, double cutoff) {
    if (a.degenerate || b.degenerate) return flat_distance_pairs(a, b, cutoff);
    const double d = flat_distance_vertices(a, b, cutoff);
    return d < 1e-3 ? flat_distance_pairs(a, b, cutoff) : d;
}

namespace detail {
double flat_distance_all_pairs(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b, double cutoff) {
    return flat_distance_pairs(a, b, cutoff);
}
}  // namespace detail

namespace {

// The line from a point site to the nearest point of a feature, as GEOSNearestPoints computes it
// (DistanceOp: the rings and lines in order, the first segment with a strictly smaller
// Distance::pointToSegment wins, its LineSegment::closestPoint), without GEOS's per-vertex calls.
// `dmin` is the distance found by the screening loop: chunks whose box is farther are skipped,
// which never skips the first segment holding the minimum. Features with point parts go to GEOS.
geom::Geom point_nearest_line(double px, double py, double dmin, const GEOSGeometry* site, const ConstraintIndex::Flat& F,
                              const GEOSGeometry* f) {
    for (const auto& run : F.runs)
        if (run.count < 2) return geom::nearest_line(site, f);
    const double* xy = F.xy.data();
    const XY p{px, py};
    const double reach = dmin * (1 + 1e-9) + 1e-6;
    double best = std::numeric_limits<double>::infinity();
    XY A0{0, 0}, B0{0, 0};
    for (const auto& run : F.runs)
        for (unsigned c = run.chunk0; c < run.chunk1; ++c) {
            const auto& ch = F.chunks[c];
            if (box_d2(ch, px, py) > reach * reach) continue;
            for (unsigned j = ch.first + 1; j <= ch.last; ++j) {
                const XY A{xy[2 * j - 2], xy[2 * j - 1]}, B{xy[2 * j], xy[2 * j + 1]};
                const double d = pt_seg(p, A, B);
                if (d < best) best = d, A0 = A, B0 = B;
            }
        }
    if (!(best < std::numeric_limits<double>::infinity())) return geom::nearest_line(site, f);  // no segment near
    // LineSegment::closestPoint(p): the projection when strictly inside the segment, else the
    // nearer end (p1 on a tie)
    double factor;
    if (p.x == A0.x && p.y == A0.y) factor = 0.0;
    else if (p.x == B0.x && p.y == B0.y) factor = 1.0;
    else {
        const double dx = B0.x - A0.x, dy = B0.y - A0.y;
        factor = ((p.x - A0.x) * dx + (p.y - A0.y) * dy) / (dx * dx + dy * dy);
    }
    const XY at = factor > 0 && factor < 1 ? XY{A0.x + factor * (B0.x - A0.x), A0.y + factor * (B0.y - A0.y)}
                                           : (pt_dist(p, A0) < pt_dist(p, B0) ? A0 : B0);
    auto h = geom::ctx();
    GEOSCoordSequence* cs = GEOSCoordSeq_create_r(h, 2, 2);
    if (!cs) return geom::nearest_line(site, f);
    GEOSCoordSeq_setXY_r(h, cs, 0, px, py);
    GEOSCoordSeq_setXY_r(h, cs, 1, at.x, at.y);
    return geom::own(GEOSGeom_createLineString_r(geom::clear_error(), cs), "nearest line");
}

// Places where the inside stretches of a line meet the polygon's boundary: each end of a merged
// inside stretch that lies on the boundary is one crossing (in or out).
int boundary_crossings(const GEOSGeometry* inside, const GEOSGeometry* boundary) {
    if (geom::is_empty(inside)) return 0;
    auto h = geom::ctx();
    geom::Geom merged = geom::own(GEOSLineMerge_r(geom::clear_error(), inside), "line merge");
    int n = 0;
    auto ends = [&](const GEOSGeometry* line) {
        geom::Geom a = geom::own(GEOSGeomGetStartPoint_r(geom::clear_error(), line), "start point");
        geom::Geom b = geom::own(GEOSGeomGetEndPoint_r(geom::clear_error(), line), "end point");
        n += geom::distance(a.get(), boundary) < 1e-9 ? 1 : 0;
        n += geom::distance(b.get(), boundary) < 1e-9 ? 1 : 0;
    };
    if (GEOSGeomTypeId_r(h, merged.get()) == GEOS_LINESTRING) ends(merged.get());
    else
        for (int i = 0, k = GEOSGetNumGeometries_r(h, merged.get()); i < k; ++i) ends(GEOSGetGeometryN_r(h, merged.get(), i));
    return n;
}

// The polygonal part of an overlay result, as geom::extract_dim(g, 2) gives it, without its copy
// of the usual single polygon (extract_dim returns a clone of it).
geom::Geom polygonal(geom::Geom g) {
    if (GEOSGeomTypeId_r(geom::ctx(), g.get()) == GEOS_POLYGON && !GEOSisEmpty_r(geom::ctx(), g.get())) return g;
    return geom::extract_dim(g.get(), 2);
}

// Area of polygon f inside a (polygonal) buffer: whole when covered, else clipped to the
// buffer's box first (cheap, and it cuts the vertices the overlay has to node).
double area_within(const GEOSGeometry* f, double f_area, const GEOSGeometry* buf, const geom::Prepared& pbuf) {
    if (pbuf.covers(f)) return f_area;
    geom::Box b = geom::bounds(buf);
    geom::Geom clipped = geom::own(GEOSClipByRect_r(geom::clear_error(), f, b.minx, b.miny, b.maxx, b.maxy), "clip by rectangle");
    if (geom::is_empty(clipped.get())) return 0.0;
    // the buffer has thousands of arc vertices (kRingAreaQuadSegs): keep only those within the
    // feature's box, unless the box holds most of the buffer anyway
    geom::Box fb = geom::bounds(clipped.get());
    if ((fb.maxx - fb.minx) * (fb.maxy - fb.miny) < 0.5 * (b.maxx - b.minx) * (b.maxy - b.miny)) {
        geom::Geom part = geom::own(GEOSClipByRect_r(geom::clear_error(), buf, fb.minx, fb.miny, fb.maxx, fb.maxy), "clip by rectangle");
        if (geom::is_empty(part.get())) return 0.0;
        return geom::area(geom::intersection(clipped.get(), part.get()).get());
    }
    return geom::area(geom::intersection(clipped.get(), buf).get());
}

}  // namespace

LayerFigures screen_site(const GEOSGeometry* site, const std::vector<double>& buffers,
                         const std::vector<geom::Geom>& buffer_geoms, const ConstraintIndex& idx,
                         const Tolerance& tol, const Ellipsoidal& ell, bool ring_areas) {
    LayerFigures out;
    const int sdim = geom::dimension(site);
    const double site_area = sdim == 2 ? geom::area(site) : 0.0;
    const double site_len = sdim == 1 ? geom::length(site) : 0.0;
    const double reach = std::max(buffers.empty() ? 0.0 : buffers.back(), tol.reach_m);
    out.within_count.assign(buffers.size(), 0);
    out.within_area_m2.assign(buffers.size(), 0.0);

    // polygonal buffers are needed only for ring areas of line and polygon sites; point sites use
    // the exact disc
    double px = 0, py = 0;
    const bool point_site = GEOSGeomTypeId_r(geom::ctx(), site) == GEOS_POINT;
    if (point_site) {
        GEOSGeomGetX_r(geom::ctx(), site, &px);
        GEOSGeomGetY_r(geom::ctx(), site, &py);
    }
    std::optional<geom::Prepared> psite;
    ConstraintIndex::Flat site_flat;
    if (!point_site) {
        psite.emplace(site);
        site_flat = ConstraintIndex::flatten(site);
    }
    std::vector<geom::Prepared> pbuf;
    if (!point_site && ring_areas)
        for (const auto& b : buffer_geoms) pbuf.emplace_back(b.get());

    for (size_t i : idx.candidates(site, reach)) {
        const GEOSGeometry* f = idx.geom(i);
        const int fdim = idx.dim(i);
        bool hit;
        double d = 0.0;
        if (point_site) {
            // the tree's query box is the site's box grown by `reach` on each side: a feature in its
            // corner can still be farther than `reach` from the point even to its box
            const auto& F = idx.flat(i);
            if (reach > 0 && !F.chunks.empty() && box_d2(F.box, px, py) > reach * reach) continue;
            PointRelation pr = point_relation(F, px, py);
            hit = pr.hit;
            d = pr.dist;
            if (!hit && reach > 0 && d > reach) continue;
        } else {
            // the site is prepared (small, once per site), not the features: no per-feature index
            // is kept, so memory does not grow with the constraint layer
            hit = psite->intersects(f);
            if (!hit) {
                d = flat_distance(site_flat, idx.flat(i), reach > 0 ? reach : std::numeric_limits<double>::infinity());
                if (reach > 0 && d > reach) continue;
            }
        }
        if (hit) {
            Hit x;
            x.feature = i;
            if (sdim == 2 && fdim == 2) {
                x.piece = polygonal(geom::intersection(site, f));
                x.overlap_m2 = geom::area(x.piece.get());
                x.overlap_ell_m2 = ell.area(x.piece.get());
                x.site_share = site_area > 0 ? x.overlap_m2 / site_area : 0;
                x.patch_share = idx.area(i) > 0 ? x.overlap_m2 / idx.area(i) : 0;
                // tiny only when small both in m2 and against the site: 400 m2 of a 16 km2 park in a
                // water source zone is an intrusion, not an edge misalignment
                x.tiny = x.overlap_m2 < tol.area_m2 && x.site_share < tol.site_share;
            } else if (sdim == 1 && fdim == 2) {
                // inside = the part in the interior: a stretch running along the boundary is not
                // inside, and a crossing is where an inside stretch meets the boundary
                geom::Geom boundary = geom::own(GEOSBoundary_r(geom::clear_error(), f), "boundary");
                geom::Geom inter = geom::extract_dim(geom::intersection(site, f).get(), 1);
                x.piece = geom::is_empty(inter.get()) ? std::move(inter)
                                                       : geom::extract_dim(geom::difference(inter.get(), boundary.get()).get(), 1);
                x.length_m = geom::is_empty(x.piece.get()) ? 0.0 : geom::length(x.piece.get());
                x.length_ell_m = geom::is_empty(x.piece.get()) ? 0.0 : ell.length(x.piece.get());
                x.crossings = boundary_crossings(x.piece.get(), boundary.get());
                x.site_share = site_len > 0 ? x.length_m / site_len : 0;
                x.tiny = x.length_m < tol.length_m;
            } else if (sdim == 2 && fdim == 1) {
                x.piece = geom::extract_dim(geom::intersection(site, f).get(), 1);
                x.length_m = geom::is_empty(x.piece.get()) ? 0.0 : geom::length(x.piece.get());
                x.length_ell_m = geom::is_empty(x.piece.get()) ? 0.0 : ell.length(x.piece.get());
                x.tiny = x.length_m < tol.length_m;
            } else if (sdim == 1 && fdim == 1) {
                x.piece = geom::intersection(site, f);
                x.crossings = count_crossings(site, f);
            } else if (sdim == 2 && fdim == 0) {
                x.piece = geom::intersection(site, f);
                x.points_inside = static_cast<int>(geom::num_points(x.piece.get()));
            } else if (point_site) {  // a point site that intersects a feature: the overlap is the point
                x.piece = geom::clone(site);
                x.points_inside = 1;
            } else {  // a multipoint site, or a point feature touching a line site
                x.piece = geom::intersection(site, f);
                x.points_inside = sdim == 0 ? 1 : 0;
            }
            out.hits.push_back(std::move(x));
        } else {
            out.near.emplace_back(i, d);
        }
        if (d < out.dmin || (d == out.dmin && static_cast<long long>(i) < out.nearest)) {
            out.dmin = d;
            out.nearest = static_cast<long long>(i);
        }
        std::vector<double> radii;
        for (size_t k = 0; k < buffers.size(); ++k) {
            if (d > buffers[k]) continue;
            out.within_count[k] += 1;
            if (fdim != 2 || !ring_areas) continue;
            if (point_site) radii.push_back(buffers[k]);
            else out.within_area_m2[k] += area_within(f, idx.area(i), buffer_geoms[k].get(), pbuf[k]);
        }
        if (!radii.empty()) {
            auto a = polygon_disc_areas(f, px, py, radii);
            for (size_t k = buffers.size() - radii.size(), j = 0; k < buffers.size(); ++k, ++j) out.within_area_m2[k] += a[j];
        }
    }
    if (!ring_areas) out.within_area_m2.assign(buffers.size(), std::numeric_limits<double>::quiet_NaN());
    // the site's own footprint is not part of the ring areas
    if (sdim == 2 && ring_areas) {
        double inside = 0;
        for (const auto& x : out.hits) inside += x.overlap_m2;
        for (auto& a : out.within_area_m2) a = std::max(0.0, a - inside);
    }
    // nothing within the largest buffer: search outward for the nearest feature
    // (with no buffers at all, the candidates above were only those whose box meets the site's)
    if ((out.nearest < 0 || reach <= 0) && idx.size() > 0) {
        double r = std::max(reach, 1000.0);
        for (;;) {
            r *= 4.0;
            auto c = idx.candidates(site, r);
            if (c.empty() && c.size() < idx.size()) continue;
            for (size_t i : c) {
                double d = geom::distance(site, idx.geom(i));
                if (d < out.dmin || (d == out.dmin && static_cast<long long>(i) < out.nearest)) {
                    out.dmin = d;
                    out.nearest = static_cast<long long>(i);
                }
            }
            // every feature outside the box is farther than r (envelope distance > r)
            if (out.dmin <= r || c.size() == idx.size()) break;
        }
    }
    if (out.nearest >= 0 && out.dmin > 0)
        out.nearest_line = point_site ? point_nearest_line(px, py, out.dmin, site, idx.flat(static_cast<size_t>(out.nearest)),
                                                           idx.geom(static_cast<size_t>(out.nearest)))
                                      : geom::nearest_line(site, idx.geom(static_cast<size_t>(out.nearest)));
    return out;
}

}  // namespace eco::vector
