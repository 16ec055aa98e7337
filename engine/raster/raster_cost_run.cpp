// The cost command: reading the resistance raster and the sources, running cost_run, writing
// the accumulated cost, allocation and back-link rasters.
#include <gdal_alg.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "core/error.h"
#include "raster/raster_record.h"
#include "raster/raster_cost.h"
#include "raster/raster_io.h"
#include "raster/raster_layer.h"

namespace eco::raster {

const OpSpec& cost_spec() {
    static const OpSpec spec{
        "cost",
        "accumulated cost distance from sources over a resistance raster, with allocation and back-links",
        {
            {"knight", ParamSpec::Type::Bool, false, {}, {}, "", "16 neighbours (knight's moves, as GRASS r.cost -k) instead of 8"},
            {"units", ParamSpec::Type::String, "map", {}, {}, "", "step lengths in map units (map) or in cell widths (cells, as GRASS r.cost)"},
            {"id-field", ParamSpec::Type::String, nullptr, {}, {}, "", "integer field of the sources giving their ids (default: feature ids)"},
            {"assume-crs", ParamSpec::Type::String, nullptr, {}, {}, "", "CRS to assume for an input that has none"},
        }};
    return spec;
}

namespace {

std::string num(double v) {
    std::ostringstream o;
    o.precision(10);
    o << v;
    return o.str();
}

template <class R>
void load_resistance(const RasterReader& in, std::vector<R>& res, const Progress& progress) {
    const Grid& g = in.grid();
    res.resize(static_cast<size_t>(g.cells()));
    auto bands = in.row_bands(256);
    for (size_t bi = 0; bi < bands.size(); ++bi) {
        const Window& w = bands[bi];
        R* dst = res.data() + static_cast<size_t>(w.y) * g.width;
        if constexpr (std::is_same_v<R, float>) in.read(w, dst);
        else in.read(w, dst);
        const double nd = in.nodata() ? *in.nodata() : std::numeric_limits<double>::quiet_NaN();
        const bool has_nd = in.nodata().has_value();
        std::vector<long long> bad(static_cast<size_t>(w.h), -1);
        tbb::parallel_for(0, w.h, [&](int r) {
            R* row = dst + static_cast<size_t>(r) * w.w;
            for (int c = 0; c < w.w; ++c) {
                double v = static_cast<double>(row[c]);
                if (std::isnan(v) || (has_nd && v == nd)) row[c] = std::numeric_limits<R>::quiet_NaN();
                else if (!(v > 0) || std::isinf(v)) {
                    if (bad[r] < 0) bad[r] = c;
                }
            }
        });
        for (int r = 0; r < w.h; ++r)
            if (bad[r] >= 0) {
                int c = static_cast<int>(bad[r]), row = w.y + r;
                double v = static_cast<double>(dst[static_cast<size_t>(r) * w.w + c]);
                throw BadInput("cost: the resistance raster '" + in.path() + "' holds " + num(v) + " at column " +
                               std::to_string(c) + ", row " + std::to_string(row) + " (x " + num(g.col_x(c + 0.5)) +
                               ", y " + num(g.row_y(row + 0.5)) +
                               "); resistances must be greater than 0: fix the reclass table (a class with resistance 0 or "
                               "less?) or make impassable cells nodata");
            }
        progress.report(static_cast<double>(bi + 1) / bands.size(), "cost: reading resistance");
    }
}

// The cells of each source feature: points by the cell they fall in, lines and polygons by
// every cell they touch (GDAL's all-touched rasterizer on the feature's own window).
std::vector<std::pair<uint64_t, int32_t>> source_cells(const io::VectorLayer& layer, const Grid& g, const std::string& id_field,
                                                       long long& nsources) {
    int fi = -1;
    if (!id_field.empty()) {
        fi = layer.field(id_field);
        if (fi < 0) throw BadInput("cost: the sources layer has no field '" + id_field + "'");
    }
    std::vector<std::pair<uint64_t, int32_t>> out;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    for (const auto& f : layer.features) {
        long long id = f.fid;
        if (fi >= 0) {
            const auto& v = f.values[fi];
            if (!std::holds_alternative<long long>(v))
                throw BadInput("cost: source feature " + std::to_string(f.fid) + " has no whole-number '" + id_field + "'");
            id = std::get<long long>(v);
        }
        if (id <= 0 || id > std::numeric_limits<int32_t>::max())
            throw BadInput("cost: source feature " + std::to_string(f.fid) + " has id " + std::to_string(id) +
                           "; source ids must be whole numbers from 1 to 2147483647 (use --id-field)");
        auto b = geom::bounds(f.geom.get());
        const std::string where = "cost: source feature " + std::to_string(f.fid) + " (x " + num(b.minx) + ".." + num(b.maxx) +
                                  ", y " + num(b.miny) + ".." + num(b.maxy) + ")";
        if (b.maxx < g.minx() || b.minx > g.maxx() || b.maxy < g.miny() || b.miny > g.maxy())
            throw BadInput(where + " lies outside the resistance raster (x " + num(g.minx()) + ".." + num(g.maxx()) + ", y " +
                           num(g.miny()) + ".." + num(g.maxy()) + "); drop it or enlarge the raster");
        ++nsources;
        if (geom::dimension(f.geom.get()) == 0 && GEOSGetNumGeometries_r(geom::ctx(), f.geom.get()) == 1) {
            int c = static_cast<int>(std::floor((b.minx - g.x0) / g.cw)), r = static_cast<int>(std::floor((g.y0 - b.miny) / g.ch));
            c = std::min(std::max(c, 0), g.width - 1);
            r = std::min(std::max(r, 0), g.height - 1);
            out.push_back({static_cast<uint64_t>(r) * g.width + c, static_cast<int32_t>(id)});
            continue;
        }
        int c0 = std::max(0, static_cast<int>(std::floor((b.minx - g.x0) / g.cw)) - 1);
        int c1 = std::min(g.width, static_cast<int>(std::ceil((b.maxx - g.x0) / g.cw)) + 1);
        int r0 = std::max(0, static_cast<int>(std::floor((g.y0 - b.maxy) / g.ch)) - 1);
        int r1 = std::min(g.height, static_cast<int>(std::ceil((g.y0 - b.miny) / g.ch)) + 1);
        io::Dataset ds(mem->Create("", c1 - c0, r1 - r0, 1, GDT_Byte, nullptr));
        double gt[6] = {g.x0 + c0 * g.cw, g.cw, 0, g.y0 - r0 * g.ch, 0, -g.ch};
        ds->SetGeoTransform(gt);
        auto og = to_ogr(f.geom.get());
        OGRGeometryH h = OGRGeometry::ToHandle(og.get());
        int band = 1;
        double one = 1;
        char** ro = CSLSetNameValue(nullptr, "ALL_TOUCHED", "TRUE");
        GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, 1, &h, nullptr, nullptr, &one, ro, nullptr, nullptr);
        CSLDestroy(ro);
        std::vector<uint8_t> m(static_cast<size_t>(c1 - c0) * (r1 - r0));
        if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, c1 - c0, r1 - r0, m.data(), c1 - c0, r1 - r0, GDT_Byte, 0, 0, nullptr) != CE_None)
            throw Failure("cost: rasterizing source feature " + std::to_string(f.fid) + " failed");
        size_t before = out.size();
        for (int r = r0; r < r1; ++r)
            for (int c = c0; c < c1; ++c)
                if (m[static_cast<size_t>(r - r0) * (c1 - c0) + (c - c0)])
                    out.push_back({static_cast<uint64_t>(r) * g.width + c, static_cast<int32_t>(id)});
        if (out.size() == before) throw BadInput(where + " touches no cell of the resistance raster");
    }
    return out;
}

template <class R>
CostResult run_typed(const CostOptions& opt, const RasterReader& in, const Progress& progress) {
    const Grid& g = in.grid();
    CostResult res;
    std::vector<R> resist;
    load_resistance(in, resist, progress.sub(0, 0.15));
    auto lg = read_layer_on_grid(opt.sources, g, "cost", "sources", opt.assume_crs);
    res.note = lg.note;
    auto cells = source_cells(lg.layer, g, opt.id_field, res.sources);
    size_t usable = 0;
    for (auto& [cell, id] : cells) usable += !std::isnan(static_cast<double>(resist[cell]));
    res.source_cells = static_cast<long long>(usable);
    if (usable == 0) throw BadInput("cost: every source cell has nodata resistance; sources must lie on passable cells");
    CostSetup s{g.width, g.height, g.cw, g.ch, opt.knight, opt.cell_units};
    CostState st;
    cost_run(s, resist.data(), cells, st, progress.sub(0.15, 0.8));
    std::vector<R>().swap(resist);

    for (size_t i = 0; i < st.acc.size(); ++i) {
        if (std::isinf(st.acc[i])) continue;
        ++res.reached;
        res.max_cost = std::max(res.max_cost, st.acc[i]);
    }
    res.impassable = g.cells() - res.reached;

    // outputs, band by band
    GDALSetCacheMax64(std::min<GIntBig>(GDALGetCacheMax64(), 256ll << 20));
    std::map<std::string, std::string> md = {{"ECOSHIELD_OPERATION", "cost"},
                                             {"ECOSHIELD_NEIGHBOURS", opt.knight ? "16" : "8"},
                                             {"ECOSHIELD_UNITS", opt.cell_units ? "cells" : "map"}};
    add_run_metadata(md, run_record("cost", opt.params, {{"resistance raster", opt.resistance}, {"sources", opt.sources}}));
    auto write_out = [&](const std::string& path, GDALDataType type, double nodata, const std::string& desc, auto fill, double p0) {
        if (path.empty()) return;
        WriteOptions wo;
        wo.type = type;
        wo.nodata = nodata;
        wo.metadata = md;
        wo.description = desc;
        wo.overview_resampling = "NEAREST";
        RasterWriter w(path, g, wo, "cost");
        auto bands = w.row_bands();
        for (size_t bi = 0; bi < bands.size(); ++bi) fill(w, bands[bi]);
        w.commit();
        progress.report(p0, "cost: written " + desc);
    };
    write_out(opt.out_cost, GDT_Float64, -1.0, "accumulated cost", [&](RasterWriter& w, const Window& b) {
        std::vector<double> v(static_cast<size_t>(b.cells()));
        const double* a = st.acc.data() + static_cast<size_t>(b.y) * g.width;
        for (size_t i = 0; i < v.size(); ++i) v[i] = std::isinf(a[i]) ? -1.0 : a[i];
        w.write(b, v.data());
    }, 0.9);
    write_out(opt.out_alloc, GDT_Int32, 0.0, "allocation (source id)", [&](RasterWriter& w, const Window& b) {
        w.write(b, st.alloc.data() + static_cast<size_t>(b.y) * g.width);
    }, 0.95);
    write_out(opt.out_backlink, GDT_Float32, -1.0, "back-link (degrees CCW from east)", [&](RasterWriter& w, const Window& b) {
        std::vector<float> v(static_cast<size_t>(b.cells()));
        const uint8_t* d = st.dir.data() + static_cast<size_t>(b.y) * g.width;
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = d[i] == 0 ? -1.f : d[i] == kSourceDir ? 0.f : static_cast<float>(cost_move_degrees(d[i]));
        w.write(b, v.data());
    }, 1.0);
    return res;
}

}  // namespace

CostResult cost(const CostOptions& opt, const Progress& progress) {
    if (opt.out_cost.empty() && opt.out_alloc.empty() && opt.out_backlink.empty())
        throw BadInput("cost: give at least one output: --out (accumulated cost), --allocation or --backlink");
    RasterReader in(opt.resistance, "cost", "resistance raster", opt.assume_crs);
    switch (in.type()) {
    case GDT_Byte:
    case GDT_Int16:
    case GDT_UInt16:
    case GDT_Float32: return run_typed<float>(opt, in, progress);
    default: return run_typed<double>(opt, in, progress);
    }
}

}  // namespace eco::raster
