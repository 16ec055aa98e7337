#include "vector/overlay_tabulate.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <memory>

#include "core/error.h"

namespace eco::vector {

namespace {

// Runs f(i) for i in [0, n) in parallel blocks, reporting progress between blocks.
template <class F>
void for_blocks(size_t n, const Progress& progress, const char* msg, F&& f) {
    const size_t block = std::max<size_t>(256, n / 50 + 1);
    for (size_t b0 = 0; b0 < n; b0 += block) {
        const size_t b1 = std::min(n, b0 + block);
        tbb::parallel_for(tbb::blocked_range<size_t>(b0, b1, 4), [&](const tbb::blocked_range<size_t>& r) {
            for (size_t i = r.begin(); i != r.end(); ++i) f(i);
        });
        progress.report(static_cast<double>(b1) / static_cast<double>(n), msg);
    }
}

// The polygonal part of g (empty multipolygon when none).
geom::Geom poly(geom::Geom g) { return geom::extract_dim(g.get(), 2); }

// A linear ring of x's coordinates, counter-clockwise (GEOS's overlays give holes that way).
GEOSGeometry* ring_ccw(const GEOSGeometry* ring) {
    auto h = geom::ctx();
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, ring);
    GEOSCoordSequence* c = GEOSCoordSeq_clone_r(h, cs);
    if (!c) throw Failure("overlay: cannot copy a ring");
    char ccw = 0;
    if (!GEOSCoordSeq_isCCW_r(h, c, &ccw)) {
        GEOSCoordSeq_destroy_r(h, c);
        throw Failure("overlay: cannot orient a ring");
    }
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, c, &n);
    if (!ccw)
        for (unsigned i = 0, j = n - 1; i < j; ++i, --j) {
            double xi, yi, xj, yj;
            GEOSCoordSeq_getXY_r(h, c, i, &xi, &yi);
            GEOSCoordSeq_getXY_r(h, c, j, &xj, &yj);
            GEOSCoordSeq_setXY_r(h, c, i, xj, yj);
            GEOSCoordSeq_setXY_r(h, c, j, xi, yi);
        }
    GEOSGeometry* r = GEOSGeom_createLinearRing_r(h, c);
    if (!r) throw Failure("overlay: cannot make a ring");
    return r;
}

// `rest` (polygonal) with the exterior rings of `holes` added as holes of the polygon containing
// each: every hole lies in the interior of one of rest's polygons and meets no other ring.
geom::Geom with_holes(const GEOSGeometry* rest, const std::vector<const GEOSGeometry*>& holes) {
    auto h = geom::ctx();
    std::vector<const GEOSGeometry*> parts;
    if (GEOSGeomTypeId_r(h, rest) == GEOS_POLYGON) parts.push_back(rest);
    else
        for (int i = 0, m = GEOSGetNumGeometries_r(h, rest); i < m; ++i) parts.push_back(GEOSGetGeometryN_r(h, rest, i));
    std::vector<std::vector<const GEOSGeometry*>> add(parts.size());
    std::vector<geom::Box> pbox;
    std::vector<std::unique_ptr<geom::Prepared>> prep(parts.size());
    for (const GEOSGeometry* p : parts) pbox.push_back(geom::bounds(p));
    for (const GEOSGeometry* x : holes) {
        size_t k = 0;
        if (parts.size() > 1) {  // the part holding x's first vertex (boxes first, then prepared parts)
            double px, py;
            GEOSCoordSeq_getXY_r(h, GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, x)), 0, &px, &py);
            geom::Geom pt;
            size_t found = parts.size(), candidates = 0;
            for (size_t c = 0; c < parts.size(); ++c)
                if (pbox[c].minx <= px && px <= pbox[c].maxx && pbox[c].miny <= py && py <= pbox[c].maxy) found = c, ++candidates;
            if (candidates > 1) {
                pt = geom::own(GEOSGeom_createPointFromXY_r(h, px, py), "point");
                found = parts.size();
                for (size_t c = 0; c < parts.size() && found == parts.size(); ++c) {
                    if (!(pbox[c].minx <= px && px <= pbox[c].maxx && pbox[c].miny <= py && py <= pbox[c].maxy)) continue;
                    if (!prep[c]) prep[c] = std::make_unique<geom::Prepared>(parts[c]);
                    if (prep[c]->intersects(pt.get())) found = c;
                }
            }
            if (found == parts.size()) throw Failure("overlay: a contained polygon lies in no part of the rest");
            k = found;
        }
        add[k].push_back(x);
    }
    std::vector<GEOSGeometry*> made;
    auto drop = [&](std::vector<GEOSGeometry*>& v) {
        for (auto* p : v) GEOSGeom_destroy_r(h, p);
        v.clear();
    };
    try {
        for (size_t k = 0; k < parts.size(); ++k) {
            if (add[k].empty()) {
                GEOSGeometry* c = GEOSGeom_clone_r(h, parts[k]);
                if (!c) throw Failure("overlay: cannot copy a polygon");
                made.push_back(c);
                continue;
            }
            std::vector<GEOSGeometry*> rings;
            try {
                auto cloned = [&](const GEOSGeometry* r) {
                    GEOSGeometry* c = GEOSGeom_clone_r(h, r);
                    if (!c) throw Failure("overlay: cannot copy a ring");
                    return c;
                };
                const int nh = GEOSGetNumInteriorRings_r(h, parts[k]);
                for (int i = 0; i < nh; ++i) rings.push_back(cloned(GEOSGetInteriorRingN_r(h, parts[k], i)));
                for (const GEOSGeometry* x : add[k]) rings.push_back(ring_ccw(GEOSGetExteriorRing_r(h, x)));
                GEOSGeometry* shell = cloned(GEOSGetExteriorRing_r(h, parts[k]));
                // every input is non-null here, so GEOS takes them all (also when it fails)
                GEOSGeometry* p = GEOSGeom_createPolygon_r(h, shell, rings.data(), static_cast<unsigned>(rings.size()));
                rings.clear();
                if (!p) throw Failure("overlay: cannot make a polygon with holes");
                made.push_back(p);
            } catch (...) {
                drop(rings);
                throw;
            }
        }
    } catch (...) {
        drop(made);
        throw;
    }
    if (made.size() == 1 && GEOSGeomTypeId_r(h, rest) == GEOS_POLYGON) {
        GEOSGeometry* p = made[0];
        return geom::own(p, "polygon");
    }
    return geom::own(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, made.data(), static_cast<unsigned>(made.size())), "collect");
}

}  // namespace

geom::Geom minus_union(const GEOSGeometry* g, const std::vector<const GEOSGeometry*>& others) {
    if (others.empty()) return geom::clone(g);
    if (others.size() == 1) return poly(geom::difference(g, others[0]));
    auto h = geom::ctx();
    // Only the others whose boxes overlap need a union: group them (union-find on box overlap, in
    // input order), union each group of two or more, and put every group's polygons into one
    // MultiPolygon, valid because the groups' boxes are disjoint. The same set as the union of
    // all, without a cascaded union of features that cannot touch (e.g. 50 separate patches).
    const size_t n = others.size();
    std::vector<geom::Box> box(n);
    for (size_t k = 0; k < n; ++k) box[k] = geom::bounds(others[k]);
    std::vector<size_t> parent(n);
    for (size_t k = 0; k < n; ++k) parent[k] = k;
    auto find = [&](size_t k) {
        while (parent[k] != k) k = parent[k] = parent[parent[k]];
        return k;
    };
    for (size_t a = 0; a < n; ++a)
        for (size_t b = a + 1; b < n; ++b)
            if (box[a].minx <= box[b].maxx && box[b].minx <= box[a].maxx && box[a].miny <= box[b].maxy && box[b].miny <= box[a].maxy) {
                const size_t ra = find(a), rb = find(b);
                if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
            }
    std::vector<std::vector<size_t>> groups(n);
    for (size_t k = 0; k < n; ++k) groups[find(k)].push_back(k);
    // A polygon without holes whose box meets no other's and which lies in g's interior is a
    // hole of the result as it is: it takes no part in the overlay (noding g against the
    // polygons inside it is most of the cost of an admin unit minus the patches it holds).
    const geom::Box gb = geom::bounds(g);
    std::unique_ptr<geom::Prepared> pg;
    std::vector<const GEOSGeometry*> holes;
    for (auto& grp : groups) {
        if (grp.size() != 1) continue;
        const GEOSGeometry* x = others[grp[0]];
        const geom::Box& b = box[grp[0]];
        if (GEOSGeomTypeId_r(h, x) != GEOS_POLYGON || GEOSisEmpty_r(h, x) || GEOSGetNumInteriorRings_r(h, x) != 0) continue;
        if (!(b.minx > gb.minx && b.maxx < gb.maxx && b.miny > gb.miny && b.maxy < gb.maxy)) continue;
        if (!pg) pg = std::make_unique<geom::Prepared>(g);
        if (!pg->contains_properly(x)) continue;
        holes.push_back(x);
        grp.clear();
    }
    std::vector<GEOSGeometry*> polys;  // owned until handed to the collection
    auto add_polys = [&](const GEOSGeometry* x) {
        const int t = GEOSGeomTypeId_r(h, x);
        if (t == GEOS_POLYGON) {
            if (!GEOSisEmpty_r(h, x)) polys.push_back(GEOSGeom_clone_r(h, x));
        } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
            for (int i = 0, m = GEOSGetNumGeometries_r(h, x); i < m; ++i) {
                const GEOSGeometry* y = GEOSGetGeometryN_r(h, x, i);
                if (GEOSGeomTypeId_r(h, y) == GEOS_POLYGON && !GEOSisEmpty_r(h, y)) polys.push_back(GEOSGeom_clone_r(h, y));
            }
        }
    };
    try {
        for (const auto& grp : groups) {
            if (grp.empty()) continue;
            if (grp.size() == 1) {
                add_polys(others[grp[0]]);
                continue;
            }
            std::vector<GEOSGeometry*> parts;
            for (size_t k : grp) parts.push_back(GEOSGeom_clone_r(h, others[k]));
            geom::Geom coll = geom::own(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                    static_cast<unsigned>(parts.size())),
                                        "collect");
            geom::Geom u = geom::own(GEOSUnaryUnion_r(h, coll.get()), "union");
            add_polys(u.get());
        }
    } catch (...) {
        for (auto* p : polys) GEOSGeom_destroy_r(h, p);
        throw;
    }
    geom::Geom rest;
    if (polys.empty()) {
        rest = geom::clone(g);
    } else {
        geom::Geom multi = geom::own(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), static_cast<unsigned>(polys.size())),
                                     "collect");
        rest = poly(geom::difference(g, multi.get()));
    }
    if (holes.empty() || geom::is_empty(rest.get())) return rest;  // nothing left: nothing to hollow
    return with_holes(rest.get(), holes);
}

std::vector<FlatFeature> flatten(const std::vector<const GEOSGeometry*>& polys, const Ellipsoidal& ell, const Progress& progress,
                                 const std::function<bool(size_t, double&)>& known_ell) {
    const size_t n = polys.size();
    geom::STRtree tree;
    for (size_t i = 0; i < n; ++i) tree.insert(polys[i], i);
    tree.build();
    std::vector<FlatFeature> out(n);
    for_blocks(n, progress, "flattening overlaps", [&](size_t i) {
        FlatFeature& F = out[i];
        const GEOSGeometry* g = polys[i];
        F.raw_area = geom::area(g);
        if (!known_ell || !known_ell(i, F.raw_area_ell)) F.raw_area_ell = ell.area(g);
        geom::Geom cur;  // null while nothing is removed: g itself
        for (size_t k : tree.query(g)) {
            if (k >= i) break;  // sorted ascending: only earlier features take precedence
            const GEOSGeometry* c = cur ? cur.get() : g;
            if (!geom::intersects(c, polys[k])) continue;
            geom::Geom ov = poly(geom::intersection(c, polys[k]));
            if (geom::is_empty(ov.get()) || geom::area(ov.get()) <= 0) continue;
            cur = poly(geom::difference(c, polys[k]));
            F.overlap_area += geom::area(ov.get());
            F.overlap_area_ell += ell.area(ov.get());
            F.overlaps.push_back(std::move(ov));
            F.overlaps_with.push_back(k);
        }
        F.cut = std::move(cur);
        F.shape = F.cut ? F.cut.get() : g;
        if (F.overlaps.empty()) {  // nothing removed: the feature as read (no second geodesic area)
            F.area = F.raw_area;
            F.area_ell = F.raw_area_ell;
        } else {
            F.area = geom::area(F.shape);
            F.area_ell = ell.area(F.shape);
        }
    });
    return out;
}

FlatIndex::FlatIndex(const std::vector<FlatFeature>& layer) : L_(layer), box_(layer.size()) {
    for (size_t j = 0; j < L_.size(); ++j)
        if (!geom::is_empty(L_[j].shape)) {
            tree_.insert(L_[j].shape, j);
            box_[j] = geom::bounds(L_[j].shape);
        }
    tree_.build();
}

std::vector<FlatIndex::Part> FlatIndex::cut(const GEOSGeometry* g, double a, double ae, const Ellipsoidal& ell,
                                            bool keep_geom) const {
    std::vector<Part> out;
    if (geom::is_empty(g) || a <= 0) return out;
    geom::Prepared pg(g);
    const geom::Box bg = geom::bounds(g);
    auto& pb = prepared_.local();
    if (pb.empty()) pb.resize(L_.size());
    std::vector<const GEOSGeometry*> hit;
    std::vector<char> measured;  // per part: its ellipsoidal area is still to be measured
    for (size_t j : tree_.query(g)) {
        const GEOSGeometry* h = L_[j].shape;
        const geom::Box& bh = box_[j];
        if (bh.minx <= bg.minx && bh.miny <= bg.miny && bh.maxx >= bg.maxx && bh.maxy >= bg.maxy) {
            // feature j may cover the whole of g: then g is one part, as it is (the flattened
            // features share no area with each other, so no other part and nothing outside)
            if (!pb[j]) pb[j] = std::make_unique<geom::Prepared>(h);
            if (pb[j]->covers(g)) {
                out.clear();
                out.push_back({j, keep_geom ? geom::clone(g) : geom::Geom{}, a, ae});
                return out;
            }
        }
        if (!pg.intersects(h)) continue;
        if (pg.covers(h)) {  // the whole of feature j lies in g
            out.push_back({j, keep_geom ? geom::clone(h) : geom::Geom{}, L_[j].area, L_[j].area_ell});
            measured.push_back(0);
            hit.push_back(h);
            continue;
        }
        geom::Geom x = poly(geom::intersection(g, h));
        const double ax = geom::is_empty(x.get()) ? 0.0 : geom::area(x.get());
        if (ax <= 0) continue;
        out.push_back({j, std::move(x), ax, 0.0});
        measured.push_back(1);
        hit.push_back(h);
    }
    // The part outside every feature has area a minus the parts' (they partition g). When that
    // is overlay noise (at most max(1e-9 a, 1e-6)), there is no such part: no overlay (a feature
    // crossing units would otherwise be subtracted from their union, the costliest step).
    double inside = 0;
    for (const auto& p : out) inside += p.area;
    geom::Geom rest;
    if (a - inside > overlay_noise(a)) rest = minus_union(g, hit);
    const double ar = (!rest || geom::is_empty(rest.get())) ? 0.0 : geom::area(rest.get());
    if (out.empty() && ar <= 0) {  // g meets no feature and is itself no bigger than the noise: g is the rest
        out.push_back({kNone, keep_geom ? geom::clone(g) : geom::Geom{}, a, ae});
        return out;
    }
    if (ar > 0) {
        out.push_back({kNone, std::move(rest), ar, 0.0});
        measured.push_back(1);
    }
    // the largest part to measure (the first on ties) is ae minus the others
    size_t derive = out.size();
    for (size_t k = 0; k < out.size(); ++k)
        if (measured[k] && (derive == out.size() || out[k].area > out[derive].area)) derive = k;
    if (derive < out.size() && out[derive].area < 1e-6 * a) derive = out.size();
    double others = 0;
    for (size_t k = 0; k < out.size(); ++k) {
        if (measured[k] && k != derive) out[k].area_ell = ell.area(out[k].geom.get());
        if (k != derive) others += out[k].area_ell;
    }
    if (derive < out.size()) {
        const double complement = ae - others;
        out[derive].area_ell = complement > 0 ? complement : ell.area(out[derive].geom.get());
    }
    if (!keep_geom)
        for (auto& p : out) p.geom.reset();
    return out;
}

std::vector<Piece> split_pieces(const std::vector<FlatFeature>& A, const std::vector<FlatFeature>& B, const Ellipsoidal& ell,
                                const Progress& progress) {
    FlatIndex tb(B);
    geom::STRtree ta;  // A's features, for "B outside A"
    for (size_t i = 0; i < A.size(); ++i)
        if (!geom::is_empty(A[i].shape)) ta.insert(A[i].shape, i);
    ta.build();
    std::vector<std::vector<Piece>> per_a(A.size()), per_b(B.size());
    // A_i ∩ B_j and A_i outside B
    for_blocks(A.size(), progress.sub(0.0, 0.7), "splitting A by B", [&](size_t i) {
        for (auto& p : tb.cut(A[i].shape, A[i].area, A[i].area_ell, ell))
            per_a[i].push_back({i, p.j, std::move(p.geom), p.area, p.area_ell});
    });
    // B_j outside A. Its ellipsoidal area is B_j's minus that of its pieces with A (the pieces
    // partition B_j: the same number up to rounding, without a geodesic sum over every hole),
    // unless it is under 1e-6 of B_j, where the rounding would matter: then it is measured.
    std::vector<double> in_b_ell(B.size(), 0.0);
    for (const auto& v : per_a)  // in A's order: the same sums whatever the thread count
        for (const auto& p : v)
            if (p.b != kNone) in_b_ell[p.b] += p.area_ell;
    for_blocks(B.size(), progress.sub(0.7, 1.0), "B outside A", [&](size_t j) {
        const GEOSGeometry* g = B[j].shape;
        if (geom::is_empty(g)) return;
        geom::Prepared pg(g);
        std::vector<const GEOSGeometry*> hit;
        for (size_t i : ta.query(g))
            if (pg.intersects(A[i].shape)) hit.push_back(A[i].shape);
        geom::Geom rest = minus_union(g, hit);
        double a = geom::is_empty(rest.get()) ? 0.0 : geom::area(rest.get());
        if (a > 0) {
            const double complement = B[j].area_ell - in_b_ell[j];
            double ae = (a >= 1e-6 * B[j].area && complement > 0) ? complement : ell.area(rest.get());
            per_b[j].push_back({kNone, j, std::move(rest), a, ae});
        }
    });
    std::vector<Piece> out;
    for (auto& v : per_a)
        for (auto& p : v) out.push_back(std::move(p));
    for (auto& v : per_b)
        for (auto& p : v) out.push_back(std::move(p));
    return out;
}

}  // namespace eco::vector
