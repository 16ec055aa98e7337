#include "io/vector_read.h"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogrsf_frmts.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <sstream>

#include "core/error.h"
#include "io/gcj02.h"

namespace eco::io {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool file_exists(const std::string& p) {
    VSIStatBufL st;
    return VSIStatL(p.c_str(), &st) == 0;
}

std::string extension(const std::string& p) {
    auto dot = p.find_last_of('.');
    auto slash = p.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    return lower(p.substr(dot + 1));
}

// True when a shapefile says its encoding: a .cpg beside it, or a code page (LDID) in the DBF
// header. Without either GDAL would assume ISO-8859-1 and turn GBK text into valid-looking
// garbage; ecoshield reads the raw bytes instead and insists they are UTF-8.
bool shapefile_declares_encoding(const std::string& path) {
    std::string stem = path.substr(0, path.size() - 4);
    for (const char* e : {".cpg", ".CPG"})
        if (file_exists(stem + e)) return true;
    for (const char* e : {".dbf", ".DBF"}) {
        VSILFILE* f = VSIFOpenL((stem + e).c_str(), "rb");
        if (!f) continue;
        unsigned char hdr[32] = {0};
        size_t got = VSIFReadL(hdr, 1, sizeof hdr, f);
        VSIFCloseL(f);
        return got == sizeof hdr && hdr[29] != 0;
    }
    return false;
}

struct Opened {
    Dataset ds;
    OGRLayer* layer = nullptr;
    Srs srs;  // effective CRS (as read or assumed); never null after open_layer
    bool assumed = false;
    Extent extent;
};

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Opens the dataset read-only and finds the layer; checks the CRS. Throws BadInput with a
// one-line message naming the file and layer.
Opened open_layer(const LayerSource& src, const std::string& label, const std::string& op, bool allow_empty = false) {
    gdal_init();
    const std::string who = op + ": " + label + " layer " + quote(src.spec);
    if (src.path.empty()) throw BadInput(op + ": no file given for the " + label + " layer");
    if (!file_exists(src.path))
        throw BadInput(who + ": file " + quote(src.path) + " does not exist; check the path");

    CPLStringList oo;
    const std::string ext = extension(src.path);
    if (ext == "csv") {
        oo.AddNameValue("X_POSSIBLE_NAMES", "lon,lng,longitude,x,经度,*_x,easting,X");
        oo.AddNameValue("Y_POSSIBLE_NAMES", "lat,latitude,y,纬度,*_y,northing,Y");
        oo.AddNameValue("KEEP_GEOM_COLUMNS", "NO");
        oo.AddNameValue("AUTODETECT_TYPE", "YES");
    }
    if (ext == "shp" || ext == "dbf") {
        if (!src.encoding.empty()) oo.AddNameValue("ENCODING", src.encoding.c_str());
        else if (!shapefile_declares_encoding(src.path)) oo.AddNameValue("ENCODING", "");  // raw bytes: checked as UTF-8 below
    }

    Opened o;
    {
        ErrorCapture cap;
        o.ds.reset(GDALDataset::Open(src.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, oo.List(), nullptr));
        if (!o.ds) {
            std::string m = cap.last();
            throw BadInput(who + ": cannot read " + quote(src.path) + " as a vector dataset" +
                           (m.empty() ? "" : " (GDAL: " + m + ")") +
                           "; check that the file is complete and is GeoPackage, Shapefile, GeoJSON, FlatGeobuf, KML or CSV");
        }
    }
    int n = o.ds->GetLayerCount();
    if (n == 0) throw BadInput(who + ": " + quote(src.path) + " holds no vector layer");
    auto layer_names = [&] {
        std::string s;
        for (int i = 0; i < n; ++i) s += (i ? ", " : "") + std::string(o.ds->GetLayer(i)->GetName());
        return s;
    };
    if (src.layer.empty()) {
        if (n > 1)
            throw BadInput(who + ": " + quote(src.path) + " has " + std::to_string(n) + " layers (" + layer_names() +
                           "); name one as FILE:LAYER");
        o.layer = o.ds->GetLayer(0);
    } else {
        o.layer = o.ds->GetLayerByName(src.layer.c_str());
        if (!o.layer)
            throw BadInput(who + ": " + quote(src.path) + " has no layer " + quote(src.layer) + "; its layers are: " + layer_names());
    }

    // an empty layer has no extent to judge its CRS by: say what is wrong first
    const bool empty = o.layer->GetFeatureCount(TRUE) == 0;
    if (!allow_empty && empty) throw BadInput(who + " has no features; check that you named the right layer");
    OGREnvelope env;
    if (!empty) {
        ErrorCapture cap;
        if (o.layer->GetExtent(&env, TRUE) == OGRERR_NONE) {
            o.extent.add(env.MinX, env.MinY);
            o.extent.add(env.MaxX, env.MaxY);
        }
    }
    const OGRSpatialReference* s = o.layer->GetSpatialRef();
    if (s) {
        o.srs = clone_srs(*s);
    } else if (!src.assume_crs.empty()) {
        o.srs = srs_from_user(src.assume_crs, op, "--assume-crs");
        o.assumed = true;
    } else {
        std::string hint = crs_hint_from_extent(o.extent);
        throw BadInput(who + " has no CRS; " + (hint.empty() ? "pass --assume-crs EPSG:<code> if you know it" : hint));
    }
    check_coordinates_fit_crs(*o.srs, o.extent, op, quote(src.spec));
    if (src.from_gcj02 && !o.srs->IsGeographic())
        throw BadInput(who + ": --from-gcj02 needs longitude/latitude input, but the layer's CRS is " + srs_label(*o.srs));
    return o;
}

// GEOS geometry made straight from an OGR point, line string, polygon or their multi forms (2-D),
// the same coordinates as through WKB without writing and parsing WKB; null for any other type or
// when GEOS refuses a part (unclosed or too short ring...): the caller then goes through WKB, which
// gives the reason.
GEOSGeometry* geos_curve(GEOSContextHandle_t h, const OGRSimpleCurve* c, bool ring, std::vector<double>& buf) {
    const int n = c->getNumPoints();
    buf.resize(2 * static_cast<size_t>(n));
    if (n > 0) c->getPoints(buf.data(), 2 * sizeof(double), buf.data() + 1, 2 * sizeof(double));
    GEOSCoordSequence* cs = GEOSCoordSeq_copyFromBuffer_r(h, buf.data(), static_cast<unsigned>(n), 0, 0);
    if (!cs) return nullptr;
    return ring ? GEOSGeom_createLinearRing_r(h, cs) : GEOSGeom_createLineString_r(h, cs);
}

GEOSGeometry* geos_polygon(GEOSContextHandle_t h, const OGRPolygon* p, std::vector<double>& buf) {
    if (p->IsEmpty()) return GEOSGeom_createEmptyPolygon_r(h);
    GEOSGeometry* shell = geos_curve(h, p->getExteriorRing(), true, buf);
    if (!shell) return nullptr;
    std::vector<GEOSGeometry*> holes;
    for (int k = 0; k < p->getNumInteriorRings(); ++k) {
        GEOSGeometry* r = geos_curve(h, p->getInteriorRing(k), true, buf);
        if (!r) {
            GEOSGeom_destroy_r(h, shell);
            for (auto* x : holes) GEOSGeom_destroy_r(h, x);
            return nullptr;
        }
        holes.push_back(r);
    }
    return GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
}

geom::Geom to_geos_direct(const OGRGeometry* g) {
    auto h = geom::ctx();
    thread_local std::vector<double> buf;
    GEOSGeometry* out = nullptr;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        const auto* p = g->toPoint();
        out = p->IsEmpty() ? nullptr : GEOSGeom_createPointFromXY_r(h, p->getX(), p->getY());
        break;
    }
    case wkbLineString: out = geos_curve(h, g->toLineString(), false, buf); break;
    case wkbPolygon: out = geos_polygon(h, g->toPolygon(), buf); break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbMultiPoint: {
        const auto* c = g->toGeometryCollection();
        const auto t = wkbFlatten(g->getGeometryType());
        std::vector<GEOSGeometry*> parts;
        bool ok = true;
        for (int k = 0; ok && k < c->getNumGeometries(); ++k) {
            const OGRGeometry* x = c->getGeometryRef(k);
            GEOSGeometry* y = nullptr;
            if (t == wkbMultiPolygon && wkbFlatten(x->getGeometryType()) == wkbPolygon) y = geos_polygon(h, x->toPolygon(), buf);
            else if (t == wkbMultiLineString && wkbFlatten(x->getGeometryType()) == wkbLineString)
                y = geos_curve(h, x->toLineString(), false, buf);
            else if (t == wkbMultiPoint && wkbFlatten(x->getGeometryType()) == wkbPoint && !x->IsEmpty())
                y = GEOSGeom_createPointFromXY_r(h, x->toPoint()->getX(), x->toPoint()->getY());
            if (!y) ok = false;
            else parts.push_back(y);
        }
        if (ok)
            out = GEOSGeom_createCollection_r(h, t == wkbMultiPolygon ? GEOS_MULTIPOLYGON : t == wkbMultiLineString ? GEOS_MULTILINESTRING : GEOS_MULTIPOINT,
                                              parts.data(), static_cast<unsigned>(parts.size()));
        else
            for (auto* x : parts) GEOSGeom_destroy_r(h, x);
        break;
    }
    default: break;
    }
    return out ? geom::own(out, "geometry") : geom::Geom{};
}

// Visits every vertex; the callback may change it.
template <class F>
void for_each_xy(OGRGeometry* g, F&& f) {
    if (!g) return;
    auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPoint) {
        auto* p = g->toPoint();
        double x = p->getX(), y = p->getY();
        f(x, y);
        p->setX(x);
        p->setY(y);
    } else if (OGR_GT_IsSubClassOf(t, wkbCurve) && dynamic_cast<OGRSimpleCurve*>(g)) {
        auto* c = dynamic_cast<OGRSimpleCurve*>(g);
        for (int i = 0, n = c->getNumPoints(); i < n; ++i) {
            double x = c->getX(i), y = c->getY(i);
            f(x, y);
            c->setPoint(i, x, y);
        }
    } else if (OGR_GT_IsSubClassOf(t, wkbCurvePolygon)) {
        auto* p = g->toCurvePolygon();
        for (int i = 0; i < p->getNumInteriorRings() + 1; ++i)
            for_each_xy(i == 0 ? p->getExteriorRingCurve() : p->getInteriorRingCurve(i - 1), f);
    } else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
        auto* c = g->toGeometryCollection();
        for (int i = 0; i < c->getNumGeometries(); ++i) for_each_xy(c->getGeometryRef(i), f);
    } else if (OGR_GT_IsSubClassOf(t, wkbCompoundCurve)) {
        auto* c = g->toCompoundCurve();
        for (int i = 0; i < c->getNumCurves(); ++i) for_each_xy(c->getCurve(i), f);
    }
}

struct RawFeature {
    long long fid;
    std::unique_ptr<OGRGeometry> geom;
    std::vector<Value> values;
};

}  // namespace

LayerSource parse_source(const std::string& spec) {
    LayerSource s;
    s.spec = spec;
    s.path = spec;
    auto colon = spec.rfind(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < spec.size()) {
        std::string head = spec.substr(0, colon);
        static const char* exts[] = {"gpkg", "shp", "geojson", "json", "fgb", "kml", "csv", "sqlite", "gml", "gdb", "tab", "mif"};
        bool known = false;
        std::string e = extension(head);
        for (auto* x : exts) known = known || e == x;
        if (known || file_exists(head)) {
            s.path = head;
            s.layer = spec.substr(colon + 1);
        }
    }
    return s;
}

std::string value_text(const Value& v) {
    if (std::holds_alternative<long long>(v)) return std::to_string(std::get<long long>(v));
    if (std::holds_alternative<double>(v)) {
        std::ostringstream o;
        o.precision(15);
        o << std::get<double>(v);
        return o.str();
    }
    if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
    return {};
}

bool value_is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

int VectorLayer::field(std::string_view name) const {
    std::string n = lower(std::string(name));
    for (size_t i = 0; i < fields.size(); ++i)
        if (lower(fields[i].name) == n) return static_cast<int>(i);
    return -1;
}

std::string VectorLayer::display() const { return source.spec; }

LayerProbe probe_vector(const LayerSource& src, const std::string& label, const std::string& op) {
    Opened o = open_layer(src, label, op, true);
    LayerProbe p;
    p.crs_label = srs_label(*o.srs);
    Extent e = o.extent;
    if (src.from_gcj02 && !e.empty) {
        Extent c;
        double x, y;
        gcj02_to_wgs84(e.minx, e.miny, x, y);
        c.add(x, y);
        gcj02_to_wgs84(e.maxx, e.maxy, x, y);
        c.add(x, y);
        e = c;
    }
    p.lonlat = to_lonlat(*o.srs, e);
    p.feature_count = o.layer->GetFeatureCount(TRUE);
    return p;
}

VectorLayer read_vector(const LayerSource& src, const std::string& label, const ReadOptions& opt, const Progress& progress) {
    const std::string& op = opt.op;
    Opened o = open_layer(src, label, op, opt.allow_empty);
    VectorLayer out;
    out.label = label;
    out.source = src;
    out.layer_name = o.layer->GetName();
    out.crs_label = srs_label(*o.srs);
    out.crs_assumed = o.assumed;
    out.geometry_type = OGRGeometryTypeToName(o.layer->GetGeomType());
    const std::string who = op + ": " + label + " layer '" + src.spec + "'";

    OGRFeatureDefn* defn = o.layer->GetLayerDefn();
    const int nf = defn->GetFieldCount();
    for (int i = 0; i < nf; ++i) {
        OGRFieldDefn* fd = defn->GetFieldDefn(i);
        FieldDef f;
        f.name = fd->GetNameRef();
        switch (fd->GetType()) {
        case OFTInteger:
        case OFTInteger64: f.type = FieldDef::Type::Integer; break;
        case OFTReal: f.type = FieldDef::Type::Real; break;
        default: f.type = FieldDef::Type::String;
        }
        if (!CPLIsUTF8(f.name.c_str(), -1))
            throw BadInput(who + ": field name is not valid UTF-8: the file is probably GBK-encoded; pass --encoding GBK (or add a .cpg file containing GBK)");
        out.fields.push_back(f);
    }
    const bool recode = !src.encoding.empty() && std::string(o.ds->GetDriverName()) != "ESRI Shapefile";

    // 1. sequential read
    const long long total = o.layer->GetFeatureCount(FALSE);
    std::vector<RawFeature> raw;
    if (total > 0) raw.reserve(static_cast<size_t>(total));
    o.layer->ResetReading();
    {
        ErrorCapture cap;
        for (;;) {
            OGRFeature* f = o.layer->GetNextFeature();
            if (!f) break;
            std::unique_ptr<OGRFeature> fp(f);
            RawFeature r;
            r.fid = f->GetFID();
            r.geom.reset(f->StealGeometry());
            r.values.resize(nf);
            for (int i = 0; i < nf; ++i) {
                if (!f->IsFieldSetAndNotNull(i)) continue;
                switch (out.fields[i].type) {
                case FieldDef::Type::Integer: r.values[i] = static_cast<long long>(f->GetFieldAsInteger64(i)); break;
                case FieldDef::Type::Real: r.values[i] = f->GetFieldAsDouble(i); break;
                case FieldDef::Type::String: {
                    std::string s = f->GetFieldAsString(i);
                    if (recode) {
                        char* u = CPLRecode(s.c_str(), src.encoding.c_str(), CPL_ENC_UTF8);
                        s = u;
                        CPLFree(u);
                    }
                    if (!CPLIsUTF8(s.c_str(), -1))
                        throw BadInput(who + ": field '" + out.fields[i].name + "' of feature " + std::to_string(r.fid) +
                                       " is not valid UTF-8: the file is probably GBK-encoded without a .cpg; pass --encoding GBK (or add a .cpg file containing GBK)");
                    r.values[i] = std::move(s);
                    break;
                }
                }
            }
            raw.push_back(std::move(r));
            if (raw.size() % 4096 == 0 && total > 0)
                progress.report(0.5 * static_cast<double>(raw.size()) / static_cast<double>(total), "reading " + label);
        }
        // a failure part-way (a truncated .shp, a damaged page) must not pass as a shorter layer
        if (!cap.first_failure().empty())
            throw BadInput(who + ": reading failed after " + std::to_string(raw.size()) + " features (GDAL: " + cap.first_failure() +
                           "); the file is probably truncated or damaged: copy it again from its source");
    }
    out.n_read = static_cast<long long>(raw.size());
    if (raw.empty() && !opt.allow_empty)
        throw BadInput(who + " has no features; check that you named the right layer");

    // 2. parallel: check coordinates, convert, transform, to GEOS, validate and repair
    Srs work;
    bool need_transform = false;
    if (opt.work_crs) {
        work = clone_srs(*opt.work_crs);
        need_transform = !o.srs->IsSame(work.get()) || src.from_gcj02;
    }
    const OGRSpatialReference* srcs = o.srs.get();
    // When converting from GCJ-02 the lon/lat are WGS84 afterwards.
    Srs wgs84;
    if (src.from_gcj02) {
        wgs84 = srs_from_user("EPSG:4326", op, "CRS");
        srcs = wgs84.get();
    }
    tbb::enumerable_thread_specific<Transform> cts([&] {
        OGRSpatialReference a(*srcs);
        a.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return Transform(need_transform ? OGRCreateCoordinateTransformation(&a, work.get()) : nullptr);
    });
    if (need_transform && !cts.local())
        throw BadInput(who + ": no transformation from " + out.crs_label + " to the working CRS " + srs_label(*work));

    std::vector<geom::Geom> geoms(raw.size());
    std::vector<std::string> reasons(raw.size());
    std::vector<char> state(raw.size(), 0);  // 0 kept, 1 repaired, 2 rejected
    tbb::parallel_for(tbb::blocked_range<size_t>(0, raw.size(), 64), [&](const tbb::blocked_range<size_t>& r) {
        for (size_t i = r.begin(); i != r.end(); ++i) {
            OGRGeometry* g = raw[i].geom.get();
            if (!g || g->IsEmpty()) {
                state[i] = 2;
                reasons[i] = "no geometry";
                continue;
            }
            bool finite = true;
            for_each_xy(g, [&](double& x, double& y) { finite = finite && std::isfinite(x) && std::isfinite(y); });
            if (!finite) {
                state[i] = 2;
                reasons[i] = "NaN or infinite coordinates";
                continue;
            }
            if (g->hasCurveGeometry()) raw[i].geom.reset(g = g->getLinearGeometry());
            g->flattenTo2D();
            if (OGR_GT_IsSubClassOf(wkbFlatten(g->getGeometryType()), wkbSurface) ||
                OGR_GT_IsSubClassOf(wkbFlatten(g->getGeometryType()), wkbMultiSurface)) {
                // zero area where it was drawn (e.g. collinear lon/lat vertices) stays zero-area,
                // even if the projection bends it into a sliver of square metres
                OGREnvelope e;
                g->getEnvelope(&e);
                double span = std::max(e.MaxX - e.MinX, e.MaxY - e.MinY);
                double a = std::fabs(OGR_G_Area(OGRGeometry::ToHandle(g)));
                if (!(a > 1e-12 * span * span)) {
                    // a bow-tie also sums to zero: judge the repaired shape
                    std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
                    a = fixed ? std::fabs(OGR_G_Area(OGRGeometry::ToHandle(fixed.get()))) : 0.0;
                }
                if (!(a > 1e-12 * span * span)) {
                    state[i] = 2;
                    reasons[i] = "zero-area polygon (its vertices are collinear or repeated)";
                    continue;
                }
            }
            if (src.from_gcj02)
                for_each_xy(g, [](double& x, double& y) { gcj02_to_wgs84(x, y, x, y); });
            if (need_transform && g->transform(cts.local().get()) != OGRERR_NONE) {
                state[i] = 2;
                reasons[i] = "coordinates cannot be transformed to the working CRS (outside the CRS's area?)";
                continue;
            }
            geom::Geom gg = to_geos_direct(g);  // the common simple types; others (and failures) through WKB
            if (!gg) {
                std::vector<unsigned char> wkb(g->WkbSize());
                g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
                try {
                    gg = geom::from_wkb(wkb.data(), wkb.size());
                } catch (const Error& e) {
                    state[i] = 2;
                    reasons[i] = std::string("unreadable geometry: ") + e.what();
                    continue;
                }
            }
            std::string why = geom::invalid_reason(gg.get());
            if (!why.empty()) {
                int dim = geom::dimension(gg.get());
                geom::Geom fixed;
                try {
                    fixed = geom::make_valid(gg.get());
                } catch (const Error&) {
                }
                bool collapsed = !fixed || geom::is_empty(fixed.get()) || geom::dimension(fixed.get()) != dim ||
                                 (dim == 2 && geom::area(fixed.get()) <= 0.0);
                if (collapsed) {
                    state[i] = 2;
                    reasons[i] = why + (dim == 2 ? "; a zero-area polygon, nothing left after repair" : "; nothing left after repair");
                    continue;
                }
                state[i] = 1;
                reasons[i] = why;
                gg = std::move(fixed);
            } else if (geom::dimension(gg.get()) == 2) {
                // zero area, or an area that is rounding noise against the feature's size (a
                // collinear ring in lon/lat becomes a sliver of square metres once projected)
                geom::Box b = geom::bounds(gg.get());
                double span = std::max(b.maxx - b.minx, b.maxy - b.miny);
                if (geom::area(gg.get()) <= 1e-10 * span * span) {
                    state[i] = 2;
                    reasons[i] = "zero-area polygon (its vertices are collinear)";
                    continue;
                }
            }
            geoms[i] = std::move(gg);
            raw[i].geom.reset();
        }
    });
    progress.report(1.0, "reading " + label);

    out.features.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (state[i] == 2) {
            out.issues.push_back({raw[i].fid, "rejected", reasons[i], std::move(raw[i].values)});
            continue;
        }
        if (state[i] == 1) out.issues.push_back({raw[i].fid, "repaired", reasons[i], {}});
        out.features.push_back(Feature{raw[i].fid, std::move(geoms[i]), std::move(raw[i].values)});
    }
    if (out.features.empty() && !opt.allow_empty)
        throw BadInput(who + ": none of its " + std::to_string(raw.size()) + " features has a usable geometry (first problem: feature " +
                       std::to_string(out.issues.front().fid) + ": " + out.issues.front().reason + ")");
    return out;
}

}  // namespace eco::io
