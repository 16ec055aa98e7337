#include "geom/geos.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <limits>

#include "core/error.h"

namespace eco::geom {

namespace {

struct ThreadContext {
    GEOSContextHandle_t h = nullptr;
    std::string last;
    ThreadContext() {
        h = GEOS_init_r();
        GEOSContext_setErrorMessageHandler_r(h, &ThreadContext::on_error, this);
        GEOSContext_setNoticeMessageHandler_r(h, &ThreadContext::on_notice, this);
    }
    ~ThreadContext() { GEOS_finish_r(h); }
    static void on_error(const char* msg, void* self) { static_cast<ThreadContext*>(self)->last = msg ? msg : ""; }
    static void on_notice(const char*, void*) {}
};

ThreadContext& tc() {
    thread_local ThreadContext c;
    return c;
}

// Clears the message recorded by an earlier call, so that fail() reports only what the call that
// just failed said (an empty message rather than a stale one).
inline GEOSContextHandle_t fresh() {
    ThreadContext& c = tc();
    c.last.clear();
    return c.h;
}

[[noreturn]] void fail(const char* what) {
    std::string m = tc().last;
    throw Failure(std::string("geometry: ") + what + " failed" + (m.empty() ? "" : ": " + m));
}

}  // namespace

GEOSContextHandle_t ctx() { return tc().h; }
std::string last_error() { return tc().last; }
GEOSContextHandle_t clear_error() { return fresh(); }

void GeomDeleter::operator()(GEOSGeometry* g) const noexcept {
    if (g) GEOSGeom_destroy_r(ctx(), g);
}

// (callers that pass a raw GEOS result clear the message with clear_error() before the call)
Geom own(GEOSGeometry* g, const char* what) {
    if (!g) fail(what);
    return Geom(g);
}

Geom from_wkt(std::string_view wkt) {
    auto h = ctx();
    GEOSWKTReader* r = GEOSWKTReader_create_r(h);
    std::string s(wkt);
    tc().last.clear();
    GEOSGeometry* g = GEOSWKTReader_read_r(h, r, s.c_str());
    GEOSWKTReader_destroy_r(h, r);
    return own(g, "reading WKT");
}

Geom from_wkb(const unsigned char* data, size_t size) {
    auto h = ctx();
    GEOSWKBReader* r = GEOSWKBReader_create_r(h);
    tc().last.clear();
    GEOSGeometry* g = GEOSWKBReader_read_r(h, r, data, size);
    GEOSWKBReader_destroy_r(h, r);
    return own(g, "reading WKB");
}

std::string to_wkt(const GEOSGeometry* g, int decimals) {
    auto h = ctx();
    GEOSWKTWriter* w = GEOSWKTWriter_create_r(h);
    if (decimals >= 0) {
        GEOSWKTWriter_setTrim_r(h, w, 1);
        GEOSWKTWriter_setRoundingPrecision_r(h, w, decimals);
    }
    tc().last.clear();
    char* s = GEOSWKTWriter_write_r(h, w, g);
    GEOSWKTWriter_destroy_r(h, w);
    if (!s) fail("writing WKT");
    std::string out(s);
    GEOSFree_r(h, s);
    return out;
}

std::vector<unsigned char> to_wkb(const GEOSGeometry* g) {
    auto h = ctx();
    GEOSWKBWriter* w = GEOSWKBWriter_create_r(h);
    GEOSWKBWriter_setByteOrder_r(h, w, GEOS_WKB_NDR);
    size_t n = 0;
    tc().last.clear();
    unsigned char* b = GEOSWKBWriter_write_r(h, w, g, &n);
    GEOSWKBWriter_destroy_r(h, w);
    if (!b) fail("writing WKB");
    std::vector<unsigned char> out(b, b + n);
    GEOSFree_r(h, b);
    return out;
}

Geom clone(const GEOSGeometry* g) { return own(GEOSGeom_clone_r(fresh(), g), "clone"); }

int dimension(const GEOSGeometry* g) {
    if (GEOSisEmpty_r(ctx(), g) == 1) return -1;
    return GEOSGeom_getDimensions_r(ctx(), g);
}

bool is_empty(const GEOSGeometry* g) { return GEOSisEmpty_r(ctx(), g) == 1; }

double area(const GEOSGeometry* g) {
    double a = 0;
    if (!GEOSArea_r(fresh(), g, &a)) fail("area");
    return a;
}

double length(const GEOSGeometry* g) {
    double l = 0;
    if (!GEOSLength_r(fresh(), g, &l)) fail("length");
    return l;
}

double distance(const GEOSGeometry* a, const GEOSGeometry* b) {
    double d = 0;
    if (!GEOSDistance_r(fresh(), a, b, &d)) fail("distance");
    return d;
}

bool intersects(const GEOSGeometry* a, const GEOSGeometry* b) {
    char r = GEOSIntersects_r(fresh(), a, b);
    if (r == 2) fail("intersects");
    return r == 1;
}

Geom intersection(const GEOSGeometry* a, const GEOSGeometry* b) { return own(GEOSIntersection_r(fresh(), a, b), "intersection"); }
Geom difference(const GEOSGeometry* a, const GEOSGeometry* b) { return own(GEOSDifference_r(fresh(), a, b), "difference"); }
Geom buffer(const GEOSGeometry* g, double d, int quadsegs) { return own(GEOSBuffer_r(fresh(), g, d, quadsegs), "buffer"); }
Geom envelope(const GEOSGeometry* g) { return own(GEOSEnvelope_r(fresh(), g), "envelope"); }

Geom nearest_line(const GEOSGeometry* a, const GEOSGeometry* b) {
    auto h = fresh();
    GEOSCoordSequence* cs = GEOSNearestPoints_r(h, a, b);
    if (!cs) fail("nearest points");
    return own(GEOSGeom_createLineString_r(h, cs), "nearest line");
}

Geom extract_dim(const GEOSGeometry* g, int dim) {
    auto h = ctx();
    std::vector<GEOSGeometry*> parts;
    auto collect = [&](auto&& self, const GEOSGeometry* x) -> void {
        int t = GEOSGeomTypeId_r(h, x);
        if (t == GEOS_GEOMETRYCOLLECTION || t == GEOS_MULTIPOLYGON || t == GEOS_MULTILINESTRING || t == GEOS_MULTIPOINT) {
            int n = GEOSGetNumGeometries_r(h, x);
            for (int i = 0; i < n; ++i) self(self, GEOSGetGeometryN_r(h, x, i));
        } else if (!GEOSisEmpty_r(h, x) && GEOSGeom_getDimensions_r(h, x) == dim) {
            parts.push_back(GEOSGeom_clone_r(h, x));
        }
    };
    collect(collect, g);
    int type = dim == 2 ? GEOS_MULTIPOLYGON : dim == 1 ? GEOS_MULTILINESTRING : GEOS_MULTIPOINT;
    if (parts.size() == 1) return Geom(parts[0]);
    return own(GEOSGeom_createCollection_r(h, type, parts.data(), static_cast<unsigned>(parts.size())), "collect parts");
}

size_t num_points(const GEOSGeometry* g) {
    int n = GEOSGetNumCoordinates_r(ctx(), g);
    return n < 0 ? 0 : static_cast<size_t>(n);
}

Box bounds(const GEOSGeometry* g) {
    Box b{};
    if (!GEOSGeom_getXMin_r(fresh(), g, &b.minx) || !GEOSGeom_getYMin_r(ctx(), g, &b.miny) ||
        !GEOSGeom_getXMax_r(ctx(), g, &b.maxx) || !GEOSGeom_getYMax_r(ctx(), g, &b.maxy))
        fail("bounds");
    return b;
}

std::string invalid_reason(const GEOSGeometry* g) {
    auto h = fresh();
    char* reason = nullptr;
    GEOSGeometry* loc = nullptr;
    char r = GEOSisValidDetail_r(h, g, 0, &reason, &loc);
    if (r == 1) return {};
    std::string out = reason ? reason : (r == 2 ? "validity check failed: " + last_error() : "invalid");
    if (loc) {
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(h, loc, &x) && GEOSGeomGetY_r(h, loc, &y)) {
            char buf[96];
            std::snprintf(buf, sizeof buf, " at (%.3f %.3f)", x, y);
            out += buf;
        }
        GEOSGeom_destroy_r(h, loc);
    }
    if (reason) GEOSFree_r(h, reason);
    return out;
}

Geom make_valid(const GEOSGeometry* g) {
    auto h = fresh();
    GEOSMakeValidParams* p = GEOSMakeValidParams_create_r(h);
    GEOSMakeValidParams_setMethod_r(h, p, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h, p, 0);
    GEOSGeometry* r = GEOSMakeValidWithParams_r(h, g, p);
    GEOSMakeValidParams_destroy_r(h, p);
    Geom out = own(r, "make-valid");
    int dim = GEOSGeom_getDimensions_r(h, g);
    if (GEOSGeomTypeId_r(h, out.get()) == GEOS_GEOMETRYCOLLECTION) out = extract_dim(out.get(), dim);
    return out;
}

// ---- Prepared ----
Prepared::Prepared(const GEOSGeometry* g) {
    p_ = GEOSPrepare_r(fresh(), g);
    if (!p_) fail("prepare");
}
Prepared& Prepared::operator=(Prepared&& o) noexcept {
    if (this != &o) {
        if (p_) GEOSPreparedGeom_destroy_r(ctx(), p_);
        p_ = o.p_;
        o.p_ = nullptr;
    }
    return *this;
}
Prepared::~Prepared() {
    if (p_) GEOSPreparedGeom_destroy_r(ctx(), p_);
}
bool Prepared::intersects(const GEOSGeometry* o) const {
    char r = GEOSPreparedIntersects_r(fresh(), p_, o);
    if (r == 2) fail("prepared intersects");
    return r == 1;
}
bool Prepared::contains(const GEOSGeometry* o) const {
    char r = GEOSPreparedContains_r(fresh(), p_, o);
    if (r == 2) fail("prepared contains");
    return r == 1;
}
bool Prepared::covers(const GEOSGeometry* o) const {
    char r = GEOSPreparedCovers_r(fresh(), p_, o);
    if (r == 2) fail("prepared covers");
    return r == 1;
}
bool Prepared::contains_properly(const GEOSGeometry* o) const {
    char r = GEOSPreparedContainsProperly_r(fresh(), p_, o);
    if (r == 2) fail("prepared contains properly");
    return r == 1;
}
bool Prepared::dwithin(const GEOSGeometry* o, double d) const {
    char r = GEOSPreparedDistanceWithin_r(fresh(), p_, o, d);
    if (r == 2) fail("prepared distance-within");
    return r == 1;
}

double Prepared::distance(const GEOSGeometry* o) const {
    double d = 0;
    if (!GEOSPreparedDistance_r(fresh(), p_, o, &d)) fail("prepared distance");
    return d;
}

// ---- STRtree ----
STRtree::STRtree(size_t cap) {
    t_ = GEOSSTRtree_create_r(fresh(), cap);
    if (!t_) fail("STRtree create");
}
STRtree::~STRtree() {
    if (t_) GEOSSTRtree_destroy_r(ctx(), t_);
}
void STRtree::insert(const GEOSGeometry* g, size_t id) {
    ids_.push_back(std::make_unique<size_t>(id));
    if (geoms_.size() <= id) geoms_.resize(id + 1, nullptr);
    geoms_[id] = g;
    GEOSSTRtree_insert_r(ctx(), t_, g, ids_.back().get());
}
void STRtree::build() {
    // GEOS builds lazily on the first query; an empty-box query forces it.
    if (!ids_.empty()) (void)query_box(0, 0, 0, 0);
}

namespace {
void collect_id(void* item, void* userdata) {
    static_cast<std::vector<size_t>*>(userdata)->push_back(*static_cast<size_t*>(item));
}
}  // namespace

std::vector<size_t> STRtree::query(const GEOSGeometry* g) const {
    std::vector<size_t> out;
    GEOSSTRtree_query_r(ctx(), t_, g, &collect_id, &out);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<size_t> STRtree::query_box(double minx, double miny, double maxx, double maxy) const {
    auto h = ctx();
    GEOSCoordSequence* cs = GEOSCoordSeq_create_r(h, 5, 2);
    double xs[5] = {minx, maxx, maxx, minx, minx}, ys[5] = {miny, miny, maxy, maxy, miny};
    for (unsigned i = 0; i < 5; ++i) GEOSCoordSeq_setXY_r(h, cs, i, xs[i], ys[i]);
    Geom ring = own(GEOSGeom_createLinearRing_r(h, cs), "box ring");
    Geom box = own(GEOSGeom_createPolygon_r(h, ring.release(), nullptr, 0), "box");
    return query(box.get());
}

namespace {
// Tree items and the query item are all size_t*; the query's id is SIZE_MAX, so the callback
// does not depend on the order in which GEOS passes them.
struct NearestData {
    const std::vector<const GEOSGeometry*>* geoms;
    const GEOSGeometry* query;
};
int item_distance(const void* item1, const void* item2, double* d, void* userdata) {
    auto* nd = static_cast<NearestData*>(userdata);
    auto geom_of = [&](const void* it) {
        size_t id = *static_cast<const size_t*>(it);
        return id == std::numeric_limits<size_t>::max() ? nd->query : (*nd->geoms)[id];
    };
    return GEOSDistance_r(ctx(), geom_of(item1), geom_of(item2), d);
}
}  // namespace

size_t STRtree::nearest(const GEOSGeometry* g) const {
    if (ids_.empty()) return std::numeric_limits<size_t>::max();
    NearestData nd{&geoms_, g};
    size_t query_id = std::numeric_limits<size_t>::max();
    const void* r = GEOSSTRtree_nearest_generic_r(fresh(), t_, &query_id, g, &item_distance, &nd);
    if (!r) fail("STRtree nearest");
    size_t best = *static_cast<const size_t*>(r);
    // Ties: choose the lowest index among items at exactly the same distance, for determinism.
    double dbest = distance(geoms_[best], g);
    Box b = bounds(g);
    for (size_t i : query_box(b.minx - dbest, b.miny - dbest, b.maxx + dbest, b.maxy + dbest)) {
        if (i >= best) break;
        if (distance(geoms_[i], g) <= dbest) return i;
    }
    return best;
}

}  // namespace eco::geom
