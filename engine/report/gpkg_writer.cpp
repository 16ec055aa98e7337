#include "report/gpkg_writer.h"

#include <ogrsf_frmts.h>

#include <cstdint>
#include <limits>

#include "core/error.h"
#include "io/crs.h"
#include "report/gpkg_style.h"

namespace eco::report {

namespace {

// ISO WKB (little endian, 2D) of a GEOS geometry, written straight from its coordinate arrays:
// the same bytes as GEOS's WKB writer with its defaults (2D, NDR), several times faster (the
// context layers alone copy millions of vertices).
void put_u32(std::vector<unsigned char>& out, uint32_t v) {
    unsigned char b[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v >> 16),
                          static_cast<unsigned char>(v >> 24)};
    out.insert(out.end(), b, b + 4);
}

void put_coords(std::vector<unsigned char>& out, const GEOSGeometry* g, bool with_count) {
    auto h = geom::ctx();
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    if (!cs || !GEOSCoordSeq_getSize_r(h, cs, &n)) throw Failure("gpkg: cannot read the coordinates of a geometry");
    if (with_count) put_u32(out, n);
    const size_t at = out.size();
    out.resize(at + 16 * static_cast<size_t>(n));
    static_assert(sizeof(double) == 8);
    if (n) GEOSCoordSeq_copyToBuffer_r(h, cs, reinterpret_cast<double*>(out.data() + at), 0, 0);  // little-endian host
}

void put_wkb(std::vector<unsigned char>& out, const GEOSGeometry* g) {
    auto h = geom::ctx();
    const int t = GEOSGeomTypeId_r(h, g);
    out.push_back(1);  // NDR
    switch (t) {
    case GEOS_POINT:
        put_u32(out, 1);
        if (GEOSisEmpty_r(h, g)) {  // an empty point inside a collection: NaN NaN, as GEOS writes it
            const double nan[2] = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
            const auto* b = reinterpret_cast<const unsigned char*>(nan);
            out.insert(out.end(), b, b + 16);
        } else {
            put_coords(out, g, false);
        }
        break;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        put_u32(out, 2);
        put_coords(out, g, true);
        break;
    case GEOS_POLYGON: {
        put_u32(out, 3);
        const int holes = GEOSisEmpty_r(h, g) ? -1 : GEOSGetNumInteriorRings_r(h, g);
        put_u32(out, static_cast<uint32_t>(holes + 1));
        if (holes >= 0) put_coords(out, GEOSGetExteriorRing_r(h, g), true);
        for (int i = 0; i < holes; ++i) put_coords(out, GEOSGetInteriorRingN_r(h, g, i), true);
        break;
    }
    default: {
        put_u32(out, t == GEOS_MULTIPOINT ? 4 : t == GEOS_MULTILINESTRING ? 5 : t == GEOS_MULTIPOLYGON ? 6 : 7);
        const int k = GEOSGetNumGeometries_r(h, g);
        put_u32(out, static_cast<uint32_t>(k));
        for (int i = 0; i < k; ++i) put_wkb(out, GEOSGetGeometryN_r(h, g, i));
    }
    }
}

}  // namespace

OGRwkbGeometryType multi_type(int dim) {
    return dim == 2 ? wkbMultiPolygon : dim == 1 ? wkbMultiLineString : wkbMultiPoint;
}

GpkgWriter::GpkgWriter(const std::string& path, const OGRSpatialReference& srs, const std::string& timestamp, std::string op)
    : srs_(io::clone_srs(srs)), op_(std::move(op)), path_(path) {
    io::gdal_init();
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", timestamp.c_str());
    // the file is written under a temporary name and renamed when complete, so SQLite's
    // per-commit fsync buys nothing here
    CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!drv) throw Failure(op_ + ": GDAL has no GeoPackage driver");
    io::ErrorCapture cap;
    ds_.reset(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds_) throw Failure(op_ + ": cannot create the GeoPackage '" + path + "' (GDAL: " + cap.last() + ")");
}

GpkgWriter::~GpkgWriter() {
    if (ds_) {
        if (in_tx_) ds_->CommitTransaction();
        ds_.reset();
    }
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr);
    CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", nullptr);
}

void GpkgWriter::begin(const std::string& name, OGRwkbGeometryType type, const std::vector<OutField>& fields,
                       const std::string& description) {
    io::ErrorCapture cap;
    CPLStringList opts;
    opts.AddNameValue("FID", "fid");
    opts.AddNameValue("SPATIAL_INDEX", type == wkbNone ? "NO" : "YES");
    if (!description.empty()) opts.AddNameValue("DESCRIPTION", description.c_str());
    opts.AddNameValue("GEOMETRY_NAME", "geom");
    cur_ = ds_->CreateLayer(name.c_str(), type == wkbNone ? nullptr : srs_.get(), type, opts.List());
    if (!cur_) throw Failure(op_ + ": cannot create layer '" + name + "' in '" + path_ + "' (GDAL: " + cap.last() + ")");
    for (const auto& f : fields) {
        OGRFieldDefn d(f.name.c_str(), f.type);
        if (cur_->CreateField(&d) != OGRERR_NONE)
            throw Failure(op_ + ": cannot create field '" + f.name + "' of layer '" + name + "' (GDAL: " + cap.last() + ")");
    }
    cur_type_ = type;
    cur_name_ = name;
    ds_->StartTransaction();
    in_tx_ = 1;
}

void GpkgWriter::add(const GEOSGeometry* g, const std::vector<io::Value>& values) {
    OGRFeature f(cur_->GetLayerDefn());
    for (size_t i = 0; i < values.size(); ++i) {
        const auto& v = values[i];
        if (std::holds_alternative<long long>(v)) f.SetField(static_cast<int>(i), static_cast<GIntBig>(std::get<long long>(v)));
        else if (std::holds_alternative<double>(v)) f.SetField(static_cast<int>(i), std::get<double>(v));
        else if (std::holds_alternative<std::string>(v)) f.SetField(static_cast<int>(i), std::get<std::string>(v).c_str());
    }
    if (g && cur_type_ != wkbNone && !geom::is_empty(g)) {
        static_assert(CPL_IS_LSB, "put_coords writes the host's doubles as little-endian WKB");
        thread_local std::vector<unsigned char> wkb;
        wkb.clear();
        put_wkb(wkb, g);
        OGRGeometry* og = nullptr;
        if (OGRGeometryFactory::createFromWkb(wkb.data(), srs_.get(), &og, wkb.size()) != OGRERR_NONE || !og)
            throw Failure(op_ + ": cannot convert a geometry for layer '" + cur_name_ + "'");
        auto flat = wkbFlatten(cur_type_);
        if (flat == wkbMultiPolygon) og = OGRGeometryFactory::forceToMultiPolygon(og);
        else if (flat == wkbMultiLineString) og = OGRGeometryFactory::forceToMultiLineString(og);
        else if (flat == wkbMultiPoint) og = OGRGeometryFactory::forceToMultiPoint(og);
        f.SetGeometryDirectly(og);
    }
    if (cur_->CreateFeature(&f) != OGRERR_NONE) throw Failure(op_ + ": cannot write a feature of layer '" + cur_name_ + "'");
    if (++in_tx_ % 50000 == 0) {
        ds_->CommitTransaction();
        ds_->StartTransaction();
    }
}

void GpkgWriter::end(const std::string& style) {
    if (in_tx_) ds_->CommitTransaction();
    in_tx_ = 0;
    layers_.push_back(cur_name_);
    if (!style.empty()) write_style_for(*ds_, cur_name_, style);
    cur_ = nullptr;
}

void GpkgWriter::set_run_record(const nlohmann::json& report, const std::string& created) {
    const nlohmann::json run{{"software", report["software"]}, {"created", created}, {"parameters", report["parameters"]},
                             {"work_crs", report["work_crs"]}, {"inputs", report["inputs"]}};
    set_metadata("ECOSHIELD_RUN", run.dump());
}

void GpkgWriter::set_metadata(const std::string& key, const std::string& value) {
    ds_->SetMetadataItem(key.c_str(), value.c_str());
}

void GpkgWriter::close() {
    if (in_tx_) ds_->CommitTransaction();
    in_tx_ = 0;
    io::ErrorCapture cap;
    ds_.reset();
}

}  // namespace eco::report
