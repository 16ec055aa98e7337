// The geometry of screening one site against one constraint layer (DOMAIN.md "Site screening"):
// overlaps per hit feature (area planar and ellipsoidal, site and patch shares), length inside
// and boundary crossings for lines, points inside, the nearest feature and distance, counts
// within each buffer distance and the layer's area inside each buffer ring. No rules here.
#pragma once
#include <limits>
#include <memory>
#include <vector>

#include "geom/geos.h"
#include "io/vector_read.h"
#include "vector/area.h"

namespace eco::vector {

// A constraint layer prepared for repeated queries from several threads: an STR tree built
// once and planar areas precomputed. (Sites, not features, are prepared: a prepared index per
// feature would cost more memory than the layer itself.)
class ConstraintIndex {
public:
    explicit ConstraintIndex(const io::VectorLayer& layer);
    const io::VectorLayer& layer() const { return *layer_; }
    const GEOSGeometry* geom(size_t i) const { return layer_->features[i].geom.get(); }
    double area(size_t i) const { return area_[i]; }
    int dim(size_t i) const { return dim_[i]; }
    // Feature indices whose envelope comes within `d` of the envelope of `g`.
    std::vector<size_t> candidates(const GEOSGeometry* g, double d) const;
    size_t size() const { return area_.size(); }

    // A feature's coordinates copied out of GEOS once, as flat x,y arrays cut into runs (a ring,
    // a line or a point) and chunks of a few segments with their boxes: the per-site loops walk
    // them without GEOS calls and skip the chunks a box test rules out.
    struct Chunk {
        double minx, miny, maxx, maxy;
        unsigned first, last;  // vertex indices into xy, last included
    };
    struct Run {
        unsigned first, count;       // vertices
        unsigned chunk0, chunk1;     // chunks [chunk0, chunk1)
        int polygon;                 // index of the polygon within the feature, -1 for a line or point
        unsigned group0 = 0, group1 = 0;  // groups [group0, group1)
    };
    struct Flat {
        std::vector<double> xy;
        std::vector<Run> runs;
        std::vector<Chunk> chunks;
        // a second level: groups of up to kGroupChunks consecutive chunks of one run, with the box
        // of their boxes; first/last = chunk indices [first, last). A point loop skips a whole
        // group when no chunk of it could matter.
        std::vector<Chunk> groups;
        Chunk box{};  // of every vertex (valid when chunks is not empty)
        int polygons = 0;
        bool degenerate = false;  // a run of one vertex (a point), or two equal consecutive vertices
    };
    static Flat flatten(const GEOSGeometry* g);
    const Flat& flat(size_t i) const { return flat_[i]; }

private:
    const io::VectorLayer* layer_;
    geom::STRtree tree_;
    std::vector<double> area_;
    std::vector<int> dim_;
    std::vector<Flat> flat_;
};

// Distance between two flattened geometries that do not intersect, with GEOS's formulas (the
// number GEOSDistance gives, to the last bit). Exact up to `cutoff`; a larger distance comes back
// as some value above `cutoff` (possibly infinity).
double flat_distance(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b,
                     double cutoff = std::numeric_limits<double>::infinity());
namespace detail {
// The reference flat_distance works from: every pair of segments through GEOS's segment-segment
// formula (for tests and for the cases flat_distance hands back to it).
double flat_distance_all_pairs(const ConstraintIndex::Flat& a, const ConstraintIndex::Flat& b,
                               double cutoff = std::numeric_limits<double>::infinity());
}  // namespace detail

struct Tolerance {
    double area_m2 = 1.0;       // overlaps below this area ...
    double site_share = 1e-4;   // ... and below this share of the site are flagged tiny
    double length_m = 0.01;     // line lengths inside below this are flagged tiny
    double reach_m = 0;         // look at non-intersecting features at least this far (the largest
                                // distance of a "within" rule), beyond the largest buffer
};

struct Hit {
    size_t feature = 0;          // index into layer().features
    double overlap_m2 = 0;       // polygon site x polygon feature: area of the overlap (planar)
    double overlap_ell_m2 = 0;   // ... ellipsoidal
    double length_m = 0;         // line site inside a polygon feature, or a line feature inside a polygon site
    double length_ell_m = 0;
    int crossings = 0;           // boundary crossings of a line site (or line x line crossings)
    int points_inside = 0;       // point features inside a polygon site, or 1 for a point site inside
    double site_share = 0;       // overlap / site area (polygon sites), length inside / site length (line sites)
    double patch_share = 0;      // overlap / feature area (polygon features)
    bool tiny = false;           // below the tolerance: probable edge misalignment
    geom::Geom piece;            // the intersection itself
};

struct LayerFigures {
    std::vector<Hit> hits;  // sorted by feature index
    long long nearest = -1; // nearest feature (the intersecting one with the lowest index when hit)
    double dmin = std::numeric_limits<double>::infinity();
    geom::Geom nearest_line;                    // from the site to the nearest feature; null when intersecting
    std::vector<int> within_count;              // per buffer distance: features with distance <= d (cumulative)
    std::vector<double> within_area_m2;         // per buffer distance: the layer's polygon area within d of the site (excluding
                                                // the site itself): exact discs for point sites, the buffer polygons otherwise
    std::vector<std::pair<size_t, double>> near;  // features within the largest buffer that do not intersect, with distance
    int tiny_hits() const;
};

// `ring_areas` false leaves within_area_m2 as NaN (not measured), the costliest figure.
// `buffers` ascending (m); `buffer_geoms[i]` = buffer of the site by buffers[i] (may hold null
// geometries for a point site, whose ring areas are measured on exact discs).
LayerFigures screen_site(const GEOSGeometry* site, const std::vector<double>& buffers,
                         const std::vector<geom::Geom>& buffer_geoms, const ConstraintIndex& idx,
                         const Tolerance& tol, const Ellipsoidal& ell, bool ring_areas = true);

// Quadrant segments of the buffers the ring areas are measured on. A buffer's arcs are chords of
// the true circle: with 16 segments a full circle is 0.16 % short; with 1024 it is short by
// (pi/2048)^2/6 = 3.9e-7 relative (a ring around a polygon or line site is its rectangles,
// exact, plus at most one full circle of arcs, so the ring's own error is smaller still).
constexpr int kRingAreaQuadSegs = 1024;
// Quadrant segments of the ring polygons drawn in screen.gpkg (display only: 5e-5 short).
constexpr int kRingDrawQuadSegs = 64;

// The site's buffers at the given distances (quadrant segments `quadsegs`).
std::vector<geom::Geom> site_buffers(const GEOSGeometry* site, const std::vector<double>& buffers,
                                     int quadsegs = kRingAreaQuadSegs);

}  // namespace eco::vector
