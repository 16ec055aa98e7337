#include "raster/raster_zonal.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "core/error.h"
#include "raster/raster_record.h"
#include "raster/raster_resample.h"
#include "raster/raster_layer.h"
#include "raster/raster_zonal_write.h"

namespace eco::raster {

double ZoneStats::stdev() const { return count > 0 ? std::sqrt(std::max(0.0, m2 / count)) : std::numeric_limits<double>::quiet_NaN(); }

long long ZoneStats::majority() const {
    long long best = 0;
    double ba = -1;
    for (const auto& [k, a] : classes)
        if (a > ba) ba = a, best = k;  // map order: ties keep the lowest class
    return best;
}

void ZoneStats::add(double v, double f, bool categorical) {
    count += f;
    sum += f * v;
    min = std::min(min, v);
    max = std::max(max, v);
    double delta = v - wmean;
    wmean += (f / count) * delta;
    m2 += f * delta * (v - wmean);
    if (categorical) classes[static_cast<long long>(v)] += f;
}

std::vector<ZoneStats> zonal_stats(const RasterReader& raster, const std::vector<CoverPolygon>& zones, bool categorical,
                                   const Progress& progress) {
    const Grid& g = raster.grid();
    std::vector<ZoneStats> st(zones.size());
    std::vector<CellRange> ranges(zones.size());
    for (size_t i = 0; i < zones.size(); ++i) ranges[i] = cover_range(g, zones[i]);
    // zones by first row, to find those a band touches
    std::vector<size_t> order(zones.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranges[a].row0 < ranges[b].row0; });

    auto bands = raster.row_bands(256);
    std::vector<double> buf;
    size_t next = 0;              // position in `order`
    std::vector<size_t> active;   // zones whose rows may reach this band
    for (size_t bi = 0; bi < bands.size(); ++bi) {
        const Window& w = bands[bi];
        while (next < order.size() && ranges[order[next]].row0 < w.y + w.h) {
            if (!ranges[order[next]].empty()) active.push_back(order[next]);
            ++next;
        }
        active.erase(std::remove_if(active.begin(), active.end(), [&](size_t z) { return ranges[z].row1 <= w.y; }),
                     active.end());
        if (active.empty()) continue;
        buf.resize(static_cast<size_t>(w.cells()));
        raster.read(w, buf.data());
        tbb::parallel_for(size_t(0), active.size(), [&](size_t k) {
            const size_t z = active[k];
            ZoneStats& s = st[z];
            cover_rows(g, zones[z], w.y, w.y + w.h, [&](int r, int c0, int n, const double* f) {
                const double* row = buf.data() + static_cast<size_t>(r - w.y) * w.w + c0;
                for (int i = 0; i < n; ++i) {
                    if (f[i] <= 0) continue;
                    if (raster.is_nodata(row[i])) s.nodata += f[i];
                    else s.add(row[i], f[i], categorical);
                }
            });
        });
        progress.report(static_cast<double>(bi + 1) / bands.size(), "zonal statistics");
    }
    return st;
}

const OpSpec& zonal_spec() {
    static const OpSpec spec{
        "zonal",
        "statistics of a raster inside each polygon, with exact cell coverage fractions",
        {
            {"categorical", ParamSpec::Type::String, "auto", {}, {}, "",
             "auto | yes | no: class areas, majority and variety (auto: an integer raster with a colour table or class names)"},
            {"assume-crs", ParamSpec::Type::String, nullptr, {}, {}, "", "CRS to assume for an input that has none"},
            {"grid", ParamSpec::Type::String, nullptr, {}, {}, "",
             "reference raster: take the statistics on its grid (the raster must lie on it unless --resample is given)"},
            {"resample", ParamSpec::Type::String, nullptr, {}, {}, "",
             "nearest | bilinear | cubic | mode | average: resample the raster onto the --grid raster's grid (GDAL warper)"},
        }};
    return spec;
}

ZonalResult zonal(const ZonalOptions& opt, const Progress& progress) {
    const std::string op = "zonal";
    if (opt.out_gpkg.empty() && opt.out_csv.empty()) throw BadInput(op + ": give --out (GeoPackage) and/or --csv");
    RasterReader given(opt.raster, op, "raster", opt.assume_crs);
    if (!opt.resample.empty() && opt.grid.empty())
        throw BadInput(op + ": --resample needs --grid <reference raster> (the grid to resample onto)");
    std::unique_ptr<RasterOnGrid> on_grid;
    std::unique_ptr<RasterReader> warped;
    if (!opt.grid.empty()) {
        RasterReader ref(opt.grid, op, "reference raster", opt.assume_crs);
        on_grid = std::make_unique<RasterOnGrid>(opt.raster, ref.grid(), opt.resample, op, "raster", "reference raster",
                                                 opt.assume_crs);
        if (on_grid->resampled()) warped = std::make_unique<RasterReader>(on_grid->path(), op, "resampled raster");
    }
    const RasterReader& raster = warped ? *warped : given;
    bool categorical;
    if (opt.categorical == "yes") categorical = true;
    else if (opt.categorical == "no") categorical = false;
    else if (opt.categorical == "auto")
        categorical = given.is_integer() && (!given.category_names().empty() || !given.colours().empty());
    else throw BadInput(op + ": --categorical must be auto, yes or no");
    if (categorical && !given.is_integer())
        throw BadInput(op + ": --categorical yes needs an integer raster of class codes; '" + opt.raster + "' holds real numbers");

    auto lg = read_layer_on_grid(opt.zones, raster.grid(), op, "zones", opt.assume_crs);
    ZonalResult res;
    res.note = lg.note;
    if (on_grid && !on_grid->note().empty()) res.note = on_grid->note() + (res.note.empty() ? "" : "\n" + res.note);
    res.categorical = categorical;
    std::vector<CoverPolygon> polys;
    polys.reserve(lg.layer.features.size());
    for (const auto& f : lg.layer.features) polys.push_back(cover_polygon(f.geom.get()));
    progress.report(0.05, "zonal: zones read");
    auto st = zonal_stats(raster, polys, categorical, progress.sub(0.05, 0.9));
    res.zones = static_cast<long long>(st.size());
    write_zonal(lg.layer, st, raster, categorical, opt.out_gpkg, opt.out_csv,
                run_record(op, opt.params, {{"raster", opt.raster}, {"zones", opt.zones}, {"reference raster", opt.grid}}));
    progress.report(1.0, "zonal: written");
    return res;
}

}  // namespace eco::raster
