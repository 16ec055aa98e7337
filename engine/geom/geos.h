// GEOS C API (reentrant _r functions only) behind move-only RAII owners.
// One GEOS context per thread: geom::ctx() returns this thread's. GEOS reports errors through a
// handler that records the message; the wrappers below throw eco::Failure with it.
#pragma once
#ifndef GEOS_USE_ONLY_R_API
#define GEOS_USE_ONLY_R_API
#endif
#include <geos_c.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eco::geom {

// This thread's GEOS context (created on first use, destroyed at thread exit).
GEOSContextHandle_t ctx();
// The last GEOS error or notice message recorded on this thread.
std::string last_error();
// Forgets the recorded message and returns ctx(): call it right before a raw GEOS call whose
// failure goes to own() (every wrapper below does), so an error names only its own cause.
GEOSContextHandle_t clear_error();

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const noexcept;
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// Takes ownership of a GEOS result; throws Failure("<what>: <GEOS message>") when it is null.
Geom own(GEOSGeometry* g, const char* what);

Geom from_wkt(std::string_view wkt);
Geom from_wkb(const unsigned char* data, size_t size);
std::string to_wkt(const GEOSGeometry* g, int decimals = -1);
std::vector<unsigned char> to_wkb(const GEOSGeometry* g);
Geom clone(const GEOSGeometry* g);

// Geometry families used throughout: 0 point, 1 line, 2 polygon (by dimension); -1 empty collection.
int dimension(const GEOSGeometry* g);
bool is_empty(const GEOSGeometry* g);
double area(const GEOSGeometry* g);
double length(const GEOSGeometry* g);
double distance(const GEOSGeometry* a, const GEOSGeometry* b);
bool intersects(const GEOSGeometry* a, const GEOSGeometry* b);
Geom intersection(const GEOSGeometry* a, const GEOSGeometry* b);
Geom difference(const GEOSGeometry* a, const GEOSGeometry* b);
Geom buffer(const GEOSGeometry* g, double distance, int quadsegs = 16);
Geom envelope(const GEOSGeometry* g);
// Nearest points of a and b as a two-point LineString (from a to b).
Geom nearest_line(const GEOSGeometry* a, const GEOSGeometry* b);
// Only the parts of dimension `dim` (e.g. the polygons of a GeometryCollection), as a multi/single.
Geom extract_dim(const GEOSGeometry* g, int dim);
size_t num_points(const GEOSGeometry* g);
struct Box { double minx, miny, maxx, maxy; };
Box bounds(const GEOSGeometry* g);

// Validity: empty string when valid, otherwise GEOS's reason with the location.
std::string invalid_reason(const GEOSGeometry* g);
// make-valid keeping the geometry's dimension (structure method, collapsed parts dropped).
Geom make_valid(const GEOSGeometry* g);

// Prepared geometry for repeated predicates against the same geometry.
class Prepared {
public:
    Prepared() = default;
    explicit Prepared(const GEOSGeometry* g);
    Prepared(Prepared&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    Prepared& operator=(Prepared&& o) noexcept;
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
    ~Prepared();
    bool intersects(const GEOSGeometry* other) const;
    bool contains(const GEOSGeometry* other) const;
    bool covers(const GEOSGeometry* other) const;
    bool contains_properly(const GEOSGeometry* other) const;  // other lies in the interior
    bool dwithin(const GEOSGeometry* other, double d) const;
    double distance(const GEOSGeometry* other) const;

private:
    const GEOSPreparedGeometry* p_ = nullptr;
};

// STR tree over items identified by their index (0..n-1). Built once, then queried (read-only
// queries are safe from several threads: GEOS builds the tree on first query, so call build()
// before sharing it).
class STRtree {
public:
    explicit STRtree(size_t node_capacity = 10);
    STRtree(STRtree&& o) noexcept : t_(o.t_), geoms_(std::move(o.geoms_)), ids_(std::move(o.ids_)) { o.t_ = nullptr; }
    STRtree(const STRtree&) = delete;
    STRtree& operator=(const STRtree&) = delete;
    ~STRtree();
    // `g` must outlive the tree.
    void insert(const GEOSGeometry* g, size_t id);
    void build();
    // Indices whose envelope intersects the envelope of `g`, sorted ascending.
    std::vector<size_t> query(const GEOSGeometry* g) const;
    std::vector<size_t> query_box(double minx, double miny, double maxx, double maxy) const;
    // Index of the item nearest to `g` by exact distance (ties: the lowest index), or SIZE_MAX if empty.
    size_t nearest(const GEOSGeometry* g) const;
    size_t size() const { return ids_.size(); }

private:
    GEOSSTRtree* t_ = nullptr;
    std::vector<const GEOSGeometry*> geoms_;
    std::vector<std::unique_ptr<size_t>> ids_;
};

}  // namespace eco::geom
