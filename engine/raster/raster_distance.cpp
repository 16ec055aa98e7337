#include "raster/raster_distance.h"

#include <gdal_alg.h>
#include <ogrsf_frmts.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <limits>

#include "core/error.h"
#include "raster/raster_record.h"
#include "io/crs.h"
#include "raster/raster_io.h"
#include "raster/raster_layer.h"
#include "raster/raster_rasterize.h"

namespace eco::raster {

namespace {

constexpr double kFar = 1e300;  // "no feature" inside the transform (finite: no inf - inf)

// 1-D squared distance transform of f (length n, sample spacing^2 = w2) into d.
void dt1d(const double* f, int n, double w2, double* d, int* v, double* z) {
    int k = 0;
    v[0] = 0;
    z[0] = -std::numeric_limits<double>::infinity();
    z[1] = std::numeric_limits<double>::infinity();
    for (int q = 1; q < n; ++q) {
        if (f[q] >= kFar) continue;  // a far sample never enters the envelope
        if (f[v[k]] >= kFar) {       // the envelope so far holds only a far sample: replace it
            v[0] = q;
            k = 0;
            z[0] = -std::numeric_limits<double>::infinity();
            z[1] = std::numeric_limits<double>::infinity();
            continue;
        }
        double s;
        for (;;) {
            const int p = v[k];
            s = ((f[q] + w2 * q * static_cast<double>(q)) - (f[p] + w2 * p * static_cast<double>(p))) / (2.0 * w2 * (q - p));
            if (s <= z[k] && k > 0) {
                --k;
                continue;
            }
            break;
        }
        if (s <= z[k]) {  // k == 0 and the new parabola dominates everywhere
            v[0] = q;
            z[1] = std::numeric_limits<double>::infinity();
            continue;
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = std::numeric_limits<double>::infinity();
    }
    if (f[v[0]] >= kFar && k == 0) {
        for (int q = 0; q < n; ++q) d[q] = kFar;
        return;
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < q) ++k;
        const double dq = q - v[k];
        d[q] = w2 * dq * dq + f[v[k]];
    }
}

}  // namespace

std::vector<double> distance_transform_sq(int W, int H, double cw, double ch, const std::vector<uint8_t>& mask) {
    std::vector<double> g(static_cast<size_t>(W) * H);
    // columns: spacing ch
    tbb::parallel_for(0, W, [&](int c) {
        std::vector<double> f(H), d(H), z(H + 1);
        std::vector<int> v(H);
        for (int r = 0; r < H; ++r) f[r] = mask[static_cast<size_t>(r) * W + c] ? 0.0 : kFar;
        dt1d(f.data(), H, ch * ch, d.data(), v.data(), z.data());
        for (int r = 0; r < H; ++r) g[static_cast<size_t>(r) * W + c] = d[r];
    });
    // rows: spacing cw
    tbb::parallel_for(0, H, [&](int r) {
        std::vector<double> d(W), z(W + 1);
        std::vector<int> v(W);
        double* row = g.data() + static_cast<size_t>(r) * W;
        dt1d(row, W, cw * cw, d.data(), v.data(), z.data());
        for (int c = 0; c < W; ++c) row[c] = d[c] >= kFar * 0.5 ? std::numeric_limits<double>::infinity() : d[c];
    });
    return g;
}

const OpSpec& distance_spec() {
    static const OpSpec spec{
        "distance",
        "Euclidean distance to the nearest feature on a grid (exact distance transform)",
        {
            {"centre", ParamSpec::Type::Bool, false, {}, {}, "", "feature cells by cell-centre rules instead of every touched cell"},
            {"cell", ParamSpec::Type::Number, nullptr, 0.0, {}, "map units", "cell size (with --extent)"},
            {"extent", ParamSpec::Type::NumberList, nullptr, {}, {}, "map units", "minx,miny,maxx,maxy (instead of --like)"},
            {"assume-crs", ParamSpec::Type::String, nullptr, {}, {}, "", "CRS to assume for an input that has none"},
        }};
    return spec;
}

DistanceResult distance(const DistanceOptions& opt, const Progress& progress) {
    const std::string op = "distance";
    Grid g;
    if (!opt.like.empty()) {
        RasterReader ref(opt.like, op, "reference raster", opt.assume_crs);
        g = ref.grid();
    } else if (!opt.extent.empty()) {
        io::LayerSource src = io::parse_source(opt.layer);
        io::gdal_init();
        io::Dataset ds(GDALDataset::Open(src.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        OGRLayer* l = ds ? (src.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(src.layer.c_str())) : nullptr;
        std::string wkt;
        if (l && l->GetSpatialRef()) {
            char* w = nullptr;
            l->GetSpatialRef()->exportToWkt(&w);
            wkt = w ? w : "";
            CPLFree(w);
        }
        g = grid_from_extent(opt.extent, opt.cell, wkt);
    } else {
        throw BadInput(op + ": give the grid: --like <raster> or --extent minx,miny,maxx,maxy --cell <size>");
    }
    auto lg = read_layer_on_grid(opt.layer, g, op, "features", opt.assume_crs);
    DistanceResult res;
    res.note = lg.note;
    // feature cells: GDAL's rasterizer on a byte mask of the whole grid
    std::vector<uint8_t> mask(static_cast<size_t>(g.cells()), 0);
    {
        char opts[128];
        std::snprintf(opts, sizeof opts, "MEM:::DATAPOINTER=%p,PIXELS=%d,LINES=%d,BANDS=1,DATATYPE=Byte",
                      static_cast<void*>(mask.data()), g.width, g.height);
        io::Dataset ds(GDALDataset::Open(opts, GDAL_OF_RASTER | GDAL_OF_UPDATE));
        if (!ds) throw Failure(op + ": cannot wrap the mask for GDAL's rasterizer");
        double gt[6];
        g.geotransform(gt);
        ds->SetGeoTransform(gt);
        std::vector<std::unique_ptr<OGRGeometry>> geoms;
        std::vector<OGRGeometryH> hs;
        std::vector<double> ones;
        for (const auto& f : lg.layer.features) {
            geoms.push_back(to_ogr(f.geom.get()));
            hs.push_back(OGRGeometry::ToHandle(geoms.back().get()));
            ones.push_back(1.0);
        }
        char** ro = opt.centre ? nullptr : CSLSetNameValue(nullptr, "ALL_TOUCHED", "TRUE");
        int band = 1;
        GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, static_cast<int>(hs.size()), hs.data(), nullptr,
                                nullptr, ones.data(), ro, nullptr, nullptr);
        CSLDestroy(ro);
    }
    for (uint8_t m : mask) res.feature_cells += m != 0;
    if (res.feature_cells == 0)
        throw BadInput(op + ": no feature of '" + opt.layer + "' touches the grid (" + g.describe() + "); check the extent or the layer");
    progress.report(0.2, "distance: features rasterized");
    auto d2 = distance_transform_sq(g.width, g.height, g.cw, g.ch, mask);
    std::vector<uint8_t>().swap(mask);
    progress.report(0.7, "distance: transform done");
    WriteOptions wo;
    wo.type = GDT_Float32;
    wo.description = "distance to the nearest feature";
    wo.metadata["ECOSHIELD_OPERATION"] = "distance";
    add_run_metadata(wo.metadata, run_record(op, opt.params, {{"input", opt.layer}, {"reference raster", opt.like}}));
    wo.overview_resampling = "AVERAGE";
    RasterWriter w(opt.output, g, wo, op);
    for (const Window& b : w.row_bands()) {
        std::vector<float> v(static_cast<size_t>(b.cells()));
        const double* s = d2.data() + static_cast<size_t>(b.y) * g.width;
        for (size_t i = 0; i < v.size(); ++i) {
            double d = std::sqrt(s[i]);
            res.max_distance = std::max(res.max_distance, d);
            v[i] = static_cast<float>(d);
        }
        w.write(b, v.data());
    }
    w.commit();
    return res;
}

}  // namespace eco::raster
