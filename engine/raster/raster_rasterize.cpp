#include "raster/raster_rasterize.h"

#include <gdal_alg.h>
#include <ogrsf_frmts.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <memory>

#include "core/error.h"
#include "raster/raster_record.h"
#include "io/crs.h"
#include "raster/raster_coverage.h"
#include "raster/raster_layer.h"

namespace eco::raster {

const OpSpec& rasterize_spec() {
    static const OpSpec spec{
        "rasterize",
        "burn a vector layer onto a grid: cell centres, all touched cells, or exact coverage fractions",
        {
            {"mode", ParamSpec::Type::String, "centre", {}, {}, "", "centre | all-touched | coverage"},
            {"burn", ParamSpec::Type::Number, nullptr, {}, {}, "", "value to burn (default 1; not with --attribute)"},
            {"attribute", ParamSpec::Type::String, nullptr, {}, {}, "", "numeric field whose value is burnt"},
            {"nodata", ParamSpec::Type::Number, 0, {}, {}, "", "value of the cells no feature reaches (written as nodata)"},
            {"type", ParamSpec::Type::String, "Float32", {}, {}, "", "Byte | Int16 | Int32 | Float32 | Float64"},
            {"cell", ParamSpec::Type::Number, nullptr, 0.0, {}, "map units", "cell size (with --extent)"},
            {"extent", ParamSpec::Type::NumberList, nullptr, {}, {}, "map units", "minx,miny,maxx,maxy (instead of --like)"},
            {"crs", ParamSpec::Type::String, nullptr, {}, {}, "", "CRS of the grid with --extent (default: the layer's)"},
            {"assume-crs", ParamSpec::Type::String, nullptr, {}, {}, "", "CRS to assume for an input that has none"},
            {"overviews", ParamSpec::Type::Bool, false, {}, {}, "", "build overviews in the output"},
        }};
    return spec;
}

Grid grid_from_extent(const std::vector<double>& e, double cell, const std::string& crs_wkt) {
    if (e.size() != 4 || !(e[2] > e[0]) || !(e[3] > e[1]))
        throw BadInput("rasterize: --extent must be minx,miny,maxx,maxy with max > min");
    if (!(cell > 0)) throw BadInput("rasterize: --extent needs --cell, the cell size in map units (> 0)");
    Grid g;
    g.x0 = e[0];
    g.y0 = e[3];
    g.cw = g.ch = cell;
    double w = std::ceil((e[2] - e[0]) / cell - 1e-9), h = std::ceil((e[3] - e[1]) / cell - 1e-9);
    if (w * h > 4e9 || w > 2e9 || h > 2e9) throw BadInput("rasterize: the grid would have more than 4e9 cells; use a larger --cell");
    g.width = static_cast<int>(w);
    g.height = static_cast<int>(h);
    g.crs_wkt = crs_wkt;
    return g;
}

namespace {

GDALDataType parse_type(const std::string& t) {
    GDALDataType d = GDALGetDataTypeByName(t.c_str());
    if (d == GDT_Unknown || d == GDT_CInt16 || d == GDT_CInt32 || d == GDT_CFloat32 || d == GDT_CFloat64)
        throw BadInput("rasterize: --type '" + t + "' is not one of Byte, Int16, UInt16, Int32, UInt32, Float32, Float64");
    return d;
}

std::string wkt_of(const OGRSpatialReference& s) {
    char* w = nullptr;
    s.exportToWkt(&w);
    std::string out = w ? w : "";
    CPLFree(w);
    return out;
}

}  // namespace

RasterizeResult rasterize(const RasterizeOptions& opt, const Progress& progress) {
    const std::string op = "rasterize";
    if (opt.mode != "centre" && opt.mode != "center" && opt.mode != "all-touched" && opt.mode != "coverage")
        throw BadInput(op + ": --mode '" + opt.mode + "' is not one of centre, all-touched, coverage");
    const bool coverage = opt.mode == "coverage";
    if (opt.burn && !opt.attribute.empty()) throw BadInput(op + ": give --burn or --attribute, not both");
    if (coverage && (opt.burn || !opt.attribute.empty()))
        throw BadInput(op + ": --mode coverage writes fractions 0..1; drop --burn/--attribute");

    // the grid
    Grid grid;
    if (!opt.like.empty()) {
        if (!opt.extent.empty()) throw BadInput(op + ": give --like or --extent, not both");
        RasterReader ref(opt.like, op, "reference raster", opt.assume_crs);
        grid = ref.grid();
    } else if (!opt.extent.empty()) {
        std::string wkt;
        if (!opt.crs.empty()) {
            wkt = wkt_of(*io::srs_from_user(opt.crs, op, "--crs"));
        } else {
            io::LayerSource src = io::parse_source(opt.layer);
            io::gdal_init();
            io::Dataset ds(GDALDataset::Open(src.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
            OGRLayer* l = ds ? (src.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(src.layer.c_str())) : nullptr;
            const OGRSpatialReference* s = l ? l->GetSpatialRef() : nullptr;
            if (s) wkt = wkt_of(*s);
            else if (!opt.assume_crs.empty()) wkt = wkt_of(*io::srs_from_user(opt.assume_crs, op, "--assume-crs"));
        }
        grid = grid_from_extent(opt.extent, opt.cell, wkt);
    } else {
        throw BadInput(op + ": give the grid: --like <raster> or --extent minx,miny,maxx,maxy --cell <size>");
    }

    RasterizeResult res;
    res.grid = grid;
    auto lg = read_layer_on_grid(opt.layer, grid, op, "input", opt.assume_crs, true);
    res.note = lg.note;
    const auto& layer = lg.layer;
    progress.report(0.2, "rasterize: layer read");

    WriteOptions wo;
    wo.type = coverage ? GDT_Float32 : parse_type(opt.type);
    if (!coverage) wo.nodata = opt.nodata;
    wo.overviews = opt.overviews;
    wo.overview_resampling = coverage ? "AVERAGE" : "NEAREST";
    wo.description = coverage ? "coverage fraction" : (opt.attribute.empty() ? "burn" : opt.attribute);
    wo.metadata["ECOSHIELD_OPERATION"] = "rasterize";
    wo.metadata["ECOSHIELD_MODE"] = coverage ? "coverage" : (opt.mode == "all-touched" ? "all-touched" : "centre");
    add_run_metadata(wo.metadata, run_record(op, opt.params, {{"input", opt.layer}, {"reference raster", opt.like}}));
    RasterWriter out(opt.output, grid, wo, op);

    if (!coverage) {
        int fi = -1;
        if (!opt.attribute.empty()) {
            fi = layer.field(opt.attribute);
            if (fi < 0) throw BadInput(op + ": the input layer has no field '" + opt.attribute + "'");
            if (layer.fields[fi].type == io::FieldDef::Type::String)
                throw BadInput(op + ": field '" + opt.attribute + "' is text; --attribute needs a numeric field");
        }
        std::vector<std::unique_ptr<OGRGeometry>> geoms;
        std::vector<OGRGeometryH> handles;
        std::vector<double> values;
        for (const auto& f : layer.features) {
            double v = opt.burn.value_or(1.0);
            if (fi >= 0) {
                const auto& val = f.values[fi];
                if (io::value_is_null(val)) {
                    ++res.skipped;
                    continue;
                }
                v = std::holds_alternative<long long>(val) ? static_cast<double>(std::get<long long>(val)) : std::get<double>(val);
            }
            geoms.push_back(to_ogr(f.geom.get()));
            handles.push_back(OGRGeometry::ToHandle(geoms.back().get()));
            values.push_back(v);
        }
        res.features = static_cast<long long>(geoms.size());
        // Unwritten tiles of the new file read as nodata, so the rasterizer starts from nodata
        // as gdal_rasterize -init <nodata> does; it writes in row order (same bytes every run).
        char** ro = nullptr;
        if (opt.mode == "all-touched") ro = CSLSetNameValue(ro, "ALL_TOUCHED", "TRUE");
        int band = 1;
        io::ErrorCapture cap;
        CPLErr e = GDALRasterizeGeometries(GDALDataset::ToHandle(out.dataset()), 1, &band,
                                           static_cast<int>(handles.size()), handles.data(), nullptr, nullptr,
                                           values.data(), ro, nullptr, nullptr);
        CSLDestroy(ro);
        if (e != CE_None) throw Failure(op + ": GDAL's rasterizer failed (" + cap.last() + ")");
    } else {
        // union of the polygonal parts, then exact fractions band by band (parallel, written in order)
        std::vector<GEOSGeometry*> parts;
        auto h = geom::ctx();
        for (const auto& f : layer.features) {
            if (geom::dimension(f.geom.get()) != 2) {
                ++res.skipped;
                continue;
            }
            parts.push_back(GEOSGeom_clone_r(h, f.geom.get()));
            ++res.features;
        }
        geom::Geom uni;
        if (!parts.empty()) {
            geom::Geom coll = geom::own(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                    static_cast<unsigned>(parts.size())),
                                        "rasterize: collect polygons");
            uni = geom::own(GEOSUnaryUnion_r(h, coll.get()), "rasterize: union of the polygons");
        }
        CoverPolygon poly = cover_polygon(uni.get());
        auto bands = out.row_bands();
        const size_t group = 2 * static_cast<size_t>(tbb::this_task_arena::max_concurrency());
        std::vector<std::vector<float>> data(bands.size());
        ordered_groups(
            bands.size(), group,
            [&](size_t i) {
                const Window& w = bands[i];
                data[i].assign(static_cast<size_t>(w.cells()), 0.f);
                cover_rows(grid, poly, w.y, w.y + w.h, [&](int r, int c0, int n, const double* f) {
                    float* d = data[i].data() + static_cast<size_t>(r - w.y) * w.w + c0;
                    for (int k = 0; k < n; ++k) d[k] = static_cast<float>(f[k]);
                });
            },
            [&](size_t i) {
                out.write(bands[i], data[i].data());
                std::vector<float>().swap(data[i]);
                progress.report(0.2 + 0.8 * static_cast<double>(i + 1) / bands.size(), "rasterize");
            });
    }
    out.commit();
    return res;
}

}  // namespace eco::raster
