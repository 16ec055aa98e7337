#include "vector/overlay_tabulate.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

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

}  // namespace

geom::Geom minus_union(const GEOSGeometry* g, const std::vector<const GEOSGeometry*>& others) {
    if (others.empty()) return geom::clone(g);
    if (others.size() == 1) return poly(geom::difference(g, others[0]));
    auto h = geom::ctx();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(others.size());
    for (auto* o : others) parts.push_back(GEOSGeom_clone_r(h, o));
    geom::Geom coll = geom::own(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                            static_cast<unsigned>(parts.size())),
                                "collect");
    geom::Geom u = geom::own(GEOSUnaryUnion_r(h, coll.get()), "union");
    return poly(geom::difference(g, u.get()));
}

std::vector<FlatFeature> flatten(const std::vector<const GEOSGeometry*>& polys, const Ellipsoidal& ell, const Progress& progress) {
    const size_t n = polys.size();
    geom::STRtree tree;
    for (size_t i = 0; i < n; ++i) tree.insert(polys[i], i);
    tree.build();
    std::vector<FlatFeature> out(n);
    for_blocks(n, progress, "flattening overlaps", [&](size_t i) {
        FlatFeature& F = out[i];
        const GEOSGeometry* g = polys[i];
        F.raw_area = geom::area(g);
        F.raw_area_ell = ell.area(g);
        geom::Geom cur = geom::clone(g);
        for (size_t k : tree.query(g)) {
            if (k >= i) break;  // sorted ascending: only earlier features take precedence
            if (!geom::intersects(cur.get(), polys[k])) continue;
            geom::Geom ov = poly(geom::intersection(cur.get(), polys[k]));
            if (geom::is_empty(ov.get()) || geom::area(ov.get()) <= 0) continue;
            cur = poly(geom::difference(cur.get(), polys[k]));
            F.overlap_area += geom::area(ov.get());
            F.overlap_area_ell += ell.area(ov.get());
            F.overlaps.push_back(std::move(ov));
            F.overlaps_with.push_back(k);
        }
        F.geom = std::move(cur);
        F.area = geom::area(F.geom.get());
        F.area_ell = ell.area(F.geom.get());
    });
    return out;
}

std::vector<Piece> split_pieces(const std::vector<FlatFeature>& A, const std::vector<FlatFeature>& B, const Ellipsoidal& ell,
                                const Progress& progress) {
    auto index = [](const std::vector<FlatFeature>& L) {
        geom::STRtree t;
        for (size_t i = 0; i < L.size(); ++i)
            if (!geom::is_empty(L[i].geom.get())) t.insert(L[i].geom.get(), i);
        t.build();
        return t;
    };
    geom::STRtree ta = index(A), tb = index(B);
    std::vector<std::vector<Piece>> per_a(A.size()), per_b(B.size());
    // A_i ∩ B_j and A_i outside B
    for_blocks(A.size(), progress.sub(0.0, 0.7), "splitting A by B", [&](size_t i) {
        const GEOSGeometry* g = A[i].geom.get();
        if (geom::is_empty(g)) return;
        geom::Prepared pg(g);
        std::vector<const GEOSGeometry*> hit;
        for (size_t j : tb.query(g)) {
            const GEOSGeometry* h = B[j].geom.get();
            if (!pg.intersects(h)) continue;
            if (pg.covers(h)) {  // the whole of B_j lies in A_i
                per_a[i].push_back({i, j, geom::clone(h), B[j].area, B[j].area_ell});
                hit.push_back(h);
                continue;
            }
            geom::Geom x = poly(geom::intersection(g, h));
            double a = geom::is_empty(x.get()) ? 0.0 : geom::area(x.get());
            if (a <= 0) continue;
            double ae = ell.area(x.get());
            per_a[i].push_back({i, j, std::move(x), a, ae});
            hit.push_back(h);
        }
        geom::Geom rest = minus_union(g, hit);
        double a = geom::is_empty(rest.get()) ? 0.0 : geom::area(rest.get());
        if (a > 0) {
            double ae = ell.area(rest.get());
            per_a[i].push_back({i, kNone, std::move(rest), a, ae});
        }
    });
    // B_j outside A
    for_blocks(B.size(), progress.sub(0.7, 1.0), "B outside A", [&](size_t j) {
        const GEOSGeometry* g = B[j].geom.get();
        if (geom::is_empty(g)) return;
        geom::Prepared pg(g);
        std::vector<const GEOSGeometry*> hit;
        for (size_t i : ta.query(g))
            if (pg.intersects(A[i].geom.get())) hit.push_back(A[i].geom.get());
        geom::Geom rest = minus_union(g, hit);
        double a = geom::is_empty(rest.get()) ? 0.0 : geom::area(rest.get());
        if (a > 0) {
            double ae = ell.area(rest.get());
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
