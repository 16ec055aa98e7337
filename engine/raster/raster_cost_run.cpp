// The cost command: reading the resistance raster (straight into the working grid) and the sources,
// running the search, writing
// the accumulated cost, allocation and back-link rasters.
#include <gdal_alg.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include <cmath>
#include <future>
#include <limits>
#include <sstream>

#include "core/error.h"
#include "raster/raster_record.h"
#include "raster/raster_cost.h"
#include "raster/raster_cost_grid.h"
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

// Reads the resistance into the working grid, band by band (several bands decoded at once);
// nodata and NaN become NaN (impassable); the first value <= 0 or infinite in raster order is an error.
template <class R>
void load_resistance(const RasterReader& in, detail::CostGrid<R>& grid, const Progress& progress) {
    const Grid& g = in.grid();
    const auto bands = in.row_bands(64);
    const double nd = in.nodata() ? *in.nodata() : std::numeric_limits<double>::quiet_NaN();
    const bool has_nd = in.nodata().has_value();
    struct Bad {
        long long row = -1;
        int col = 0;
        double v = 0;
    };
    std::vector<Bad> bad(bands.size());
    tbb::enumerable_thread_specific<std::vector<R>> bufs;
    ordered_groups(
        bands.size(), 4,
        [&](size_t bi) {
            const Window& w = bands[bi];
            auto& buf = bufs.local();
            buf.resize(static_cast<size_t>(w.cells()));
            in.read(w, buf.data());
            for (int r = 0; r < w.h; ++r) {
                const R* src = buf.data() + static_cast<size_t>(r) * w.w;
                detail::CostCell<R>* dst = grid.row(w.y + r);
                for (int c = 0; c < w.w; ++c) {
                    const double v = static_cast<double>(src[c]);
                    if (std::isnan(v) || (has_nd && v == nd)) continue;  // stays NaN
                    if (!(v > 0) || std::isinf(v)) {
                        if (bad[bi].row < 0) bad[bi] = {w.y + r, c, v};
                        continue;
                    }
                    dst[c].res = src[c];
                }
            }
        },
        [&](size_t bi) { progress.report(static_cast<double>(bi + 1) / bands.size(), "cost: reading resistance"); });
    for (const Bad& b : bad)
        if (b.row >= 0)
            throw BadInput("cost: the resistance raster '" + in.path() + "' holds " + num(b.v) + " at column " +
                           std::to_string(b.col) + ", row " + std::to_string(b.row) + " (x " + num(g.col_x(b.col + 0.5)) +
                           ", y " + num(g.row_y(static_cast<double>(b.row) + 0.5)) +
                           "); resistances must be greater than 0: fix the reclass table (a class with resistance 0 or "
                           "less?) or make impassable cells nodata");
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
    if ((static_cast<uint64_t>(g.width) + 2 * detail::kCostPad) * (static_cast<uint64_t>(g.height) + 2 * detail::kCostPad) >=
        0xFFFFFFFFull)
        throw BadInput("cost: the resistance raster '" + in.path() +
                       "' has more than 4.29e9 cells; split it or use a larger cell size");
    // the run record hashes the inputs: on another core while this one reads and searches
    auto record = std::async(std::launch::async, [&] {
        return run_record("cost", opt.params, {{"resistance raster", opt.resistance}, {"sources", opt.sources}});
    });
    CostResult res;
    // every block is read once and written once: a small block cache leaves the memory to the grid
    GDALSetCacheMax64(std::min<GIntBig>(GDALGetCacheMax64(), 256ll << 20));
    detail::CostGrid<R> grid(g.width, g.height);
    load_resistance(in, grid, progress.sub(0, 0.1));
    auto lg = read_layer_on_grid(opt.sources, g, "cost", "sources", opt.assume_crs);
    res.note = lg.note;
    auto cells = source_cells(lg.layer, g, opt.id_field, res.sources);
    size_t usable = 0;
    for (auto& [cell, id] : cells)
        usable += !std::isnan(static_cast<double>(
            grid.row(static_cast<int>(cell / static_cast<uint64_t>(g.width)))[cell % static_cast<uint64_t>(g.width)].res));
    res.source_cells = static_cast<long long>(usable);
    if (usable == 0) throw BadInput("cost: every source cell has nodata resistance; sources must lie on passable cells");
    const CostSetup s = cost_setup(g, opt.knight, opt.cell_units);
    const auto ranked = detail::rank_sources(cells, static_cast<uint64_t>(g.cells()), "cost");
    detail::cost_search(s, grid, ranked, progress.sub(0.1, 0.8));

    struct Tally {
        long long reached = 0;
        double max = 0;
    };
    std::vector<Tally> rows(static_cast<size_t>(g.height));
    tbb::parallel_for(0, g.height, [&](int r) {
        const auto* row = grid.row(r);
        Tally t;
        for (int c = 0; c < g.width; ++c)
            if (!std::isinf(row[c].acc)) {
                ++t.reached;
                t.max = std::max(t.max, row[c].acc);
            }
        rows[static_cast<size_t>(r)] = t;
    });
    for (const Tally& t : rows) {
        res.reached += t.reached;
        res.max_cost = std::max(res.max_cost, t.max);
    }
    res.impassable = g.cells() - res.reached;

    // outputs: the three files written at the same time (each by one thread, top to bottom: the
    // bytes do not depend on the thread count)
    std::map<std::string, std::string> md = {{"ECOSHIELD_OPERATION", "cost"},
                                             {"ECOSHIELD_NEIGHBOURS", opt.knight ? "16" : "8"},
                                             {"ECOSHIELD_UNITS", opt.cell_units ? "cells" : "map"}};
    add_run_metadata(md, record.get());
    auto write_out = [&](const std::string& path, GDALDataType type, double nodata, const std::string& desc, auto fill) {
        if (path.empty()) return;
        WriteOptions wo;
        wo.type = type;
        wo.nodata = nodata;
        wo.metadata = md;
        wo.description = desc;
        wo.overview_resampling = "NEAREST";
        RasterWriter w(path, g, wo, "cost");
        for (const Window& b : w.row_bands()) fill(w, b);
        w.commit();
    };
    auto write_cost = [&] {
        write_out(opt.out_cost, GDT_Float64, -1.0, "accumulated cost", [&](RasterWriter& w, const Window& b) {
            std::vector<double> v(static_cast<size_t>(b.cells()));
            for (int r = 0; r < b.h; ++r) {
                const auto* row = grid.row(b.y + r);
                double* o = v.data() + static_cast<size_t>(r) * b.w;
                for (int c = 0; c < b.w; ++c) o[c] = std::isinf(row[c].acc) ? -1.0 : row[c].acc;
            }
            w.write(b, v.data());
        });
    };
    auto write_alloc = [&] {
        write_out(opt.out_alloc, GDT_Int32, 0.0, "allocation (source id)", [&](RasterWriter& w, const Window& b) {
            std::vector<int32_t> v(static_cast<size_t>(b.cells()));
            for (int r = 0; r < b.h; ++r) {
                const auto* row = grid.row(b.y + r);
                int32_t* o = v.data() + static_cast<size_t>(r) * b.w;
                for (int c = 0; c < b.w; ++c) o[c] = ranked.ids[detail::rank_of(row[c].ad)];
            }
            w.write(b, v.data());
        });
    };
    auto write_back = [&] {
        float deg[32];
        for (int k = 0; k < 32; ++k) deg[k] = k == 0 ? -1.f : k == kSourceDir ? 0.f : k <= 16 ? static_cast<float>(cost_move_degrees(k)) : -1.f;
        write_out(opt.out_backlink, GDT_Float32, -1.0, "back-link (degrees CCW from east)", [&](RasterWriter& w, const Window& b) {
            std::vector<float> v(static_cast<size_t>(b.cells()));
            for (int r = 0; r < b.h; ++r) {
                const auto* row = grid.row(b.y + r);
                float* o = v.data() + static_cast<size_t>(r) * b.w;
                for (int c = 0; c < b.w; ++c) o[c] = deg[detail::link_of(row[c].ad)];
            }
            w.write(b, v.data());
        });
    };
    progress.report(0.8, "cost: writing");
    tbb::parallel_invoke(write_cost, write_alloc, write_back);
    progress.report(1.0, "cost: written");
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
