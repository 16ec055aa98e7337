// Overlay of two polygon layers for area tabulation: each layer is first flattened (where
// features of one layer overlap, the overlap belongs to the feature that comes first, the rest
// of the later feature is kept), then every flattened feature of A is split by the flattened
// features of B. Every point of the union of A lies in exactly one piece (A_i, B_j) or in
// "A_i outside B"; likewise for B. Planar areas in the working CRS, ellipsoidal through
// vector::Ellipsoidal. Results do not depend on the thread count.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include "core/progress.h"
#include "geom/geos.h"
#include "vector/area.h"

namespace eco::vector {

struct FlatFeature {
    // The feature minus the earlier features that overlap it (may be empty): the input polygon
    // itself when nothing overlaps it (borrowed: the inputs must outlive the flattened features;
    // no copy of every polygon), else `cut`, owned.
    const GEOSGeometry* shape = nullptr;
    geom::Geom cut;
    double area = 0, area_ell = 0;          // of the flattened part
    double raw_area = 0, raw_area_ell = 0;  // of the feature as read
    std::vector<geom::Geom> overlaps;       // the parts removed (each overlapping an earlier feature)
    std::vector<size_t> overlaps_with;      // index of the earlier feature of each overlap part
    double overlap_area = 0, overlap_area_ell = 0;  // raw_area - area
};

// Flattens polygons in their given order (index order = priority); the result borrows the
// polygons that nothing overlaps (they must outlive it). `known_ell(i, area)`, when
// given, may supply the ellipsoidal area of polygon i as read (returning true), e.g. from an
// identical polygon measured before; it is called from worker threads.
std::vector<FlatFeature> flatten(const std::vector<const GEOSGeometry*>& polys, const Ellipsoidal& ell,
                                 const Progress& progress = {},
                                 const std::function<bool(size_t, double&)>& known_ell = {});

inline constexpr size_t kNone = static_cast<size_t>(-1);  // "no feature"

// The area below which a difference of areas is float noise of an overlay: max(1e-9 a, 1e-6
// square units) for a polygon of area a.
inline double overlay_noise(double a) { return std::max(1e-9 * a, 1e-6); }

// The flattened features of a layer, indexed to cut other polygons by them. cut() may be called
// from several threads (each prepares the features it meets, once).
class FlatIndex {
public:
    explicit FlatIndex(const std::vector<FlatFeature>& layer);
    struct Part {
        size_t j = 0;  // the feature the part lies in; kNone: outside every feature
        geom::Geom geom;
        double area = 0, area_ell = 0;
    };
    // g (planar area a, ellipsoidal ae) cut by the features: one part per feature it shares area
    // with (in index order), then the part outside them all. A feature covering g gives g whole
    // with a and ae (no overlay); a feature lying inside g is its own part with its own areas.
    // The part outside them all exists only when a minus the parts' areas exceeds overlay noise,
    // max(1e-9 a, 1e-6 square units) (then it is g minus their union).
    // Ellipsoidal areas are measured once per part, except the largest measured one, which is ae
    // minus the others (the parts partition g; same number up to rounding, one geodesic sum
    // fewer), unless it is under 1e-6 of g, where the rounding would matter. With keep_geom false
    // the parts carry their areas only (no geometry: nothing cloned for covered parts).
    std::vector<Part> cut(const GEOSGeometry* g, double a, double ae, const Ellipsoidal& ell, bool keep_geom = true) const;

private:
    const std::vector<FlatFeature>& L_;
    geom::STRtree tree_;
    std::vector<geom::Box> box_;
    mutable tbb::enumerable_thread_specific<std::vector<std::unique_ptr<geom::Prepared>>> prepared_;
};

struct Piece {
    size_t a = 0, b = 0;     // indices into A and B; b == kNone: A outside B; a == kNone: B outside A
    geom::Geom geom;
    double area = 0, area_ell = 0;
};

// Pieces of A*_i ∩ B*_j with positive area, then A*_i outside B, then B*_j outside A; sorted by
// (a, b) with kNone last. Intersections without area (shared edges, corners) are not pieces.
std::vector<Piece> split_pieces(const std::vector<FlatFeature>& A, const std::vector<FlatFeature>& B, const Ellipsoidal& ell,
                                const Progress& progress = {});

// g minus the union of `others` (polygonal result, possibly empty).
geom::Geom minus_union(const GEOSGeometry* g, const std::vector<const GEOSGeometry*>& others);

}  // namespace eco::vector
