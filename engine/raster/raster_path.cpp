#include "raster/raster_path.h"

#include <ogrsf_frmts.h>
#include <cpl_vsi.h>
#include <unistd.h>

#include <cmath>
#include <limits>
#include <map>
#include <memory>

#include "core/error.h"
#include "raster/raster_record.h"
#include "raster/raster_cost.h"
#include "raster/raster_io.h"
#include "raster/raster_layer.h"
#include "raster/raster_zonal_write.h"

namespace eco::raster {

namespace {

const char* kPathQml = R"QML(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0" styleCategories="Symbology">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol type="line" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleLine" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option type="QString" name="line_color" value="200,0,60,255"/>
            <Option type="QString" name="line_width" value="0.8"/>
            <Option type="QString" name="line_width_unit" value="MM"/>
            <Option type="QString" name="line_style" value="solid"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
</qgis>
)QML";

// Cell values read block by block on demand (paths wander; the raster need not fit in memory).
class CellCache {
public:
    explicit CellCache(const RasterReader& r) : r_(r) {}
    double at(int col, int row) {
        const int bw = r_.block_w(), bh = r_.block_h();
        const long long key = static_cast<long long>(row / bh) * ((r_.grid().width + bw - 1) / bw) + col / bw;
        auto it = blocks_.find(key);
        if (it == blocks_.end()) {
            if (blocks_.size() > 64) blocks_.clear();
            Window w{(col / bw) * bw, (row / bh) * bh, 0, 0};
            w.w = std::min(bw, r_.grid().width - w.x);
            w.h = std::min(bh, r_.grid().height - w.y);
            std::vector<double> v(static_cast<size_t>(w.cells()));
            r_.read(w, v.data());
            it = blocks_.emplace(key, std::make_pair(w, std::move(v))).first;
        }
        const Window& w = it->second.first;
        return it->second.second[static_cast<size_t>(row - w.y) * w.w + (col - w.x)];
    }
    bool nodata(double v) const { return r_.is_nodata(v); }

private:
    const RasterReader& r_;
    std::map<long long, std::pair<Window, std::vector<double>>> blocks_;
};

int move_of_degrees(double deg) {
    for (int k = 1; k <= 16; ++k)
        if (std::abs(cost_move_degrees(k) - deg) < 1e-3) return k;
    return 0;
}

}  // namespace

const OpSpec& path_spec() {
    static const OpSpec spec{"path",
                             "least-cost paths from targets back to the sources, from the back-links of `cost`",
                             {
                                 {"assume-crs", ParamSpec::Type::String, nullptr, {}, {}, "", "CRS to assume for an input that has none"},
                             }};
    return spec;
}

PathResult trace_paths(const PathOptions& opt, const Progress& progress) {
    const std::string op = "path";
    RasterReader bl(opt.backlink, op, "back-link raster", opt.assume_crs);
    const Grid& g = bl.grid();
    std::unique_ptr<RasterReader> cr, ar;
    if (!opt.cost.empty()) {
        cr = std::make_unique<RasterReader>(opt.cost, op, "cost raster", opt.assume_crs);
        require_same_grid(g, cr->grid(), op, "back-link raster", "cost raster");
    }
    if (!opt.allocation.empty()) {
        ar = std::make_unique<RasterReader>(opt.allocation, op, "allocation raster", opt.assume_crs);
        require_same_grid(g, ar->grid(), op, "back-link raster", "allocation raster");
    }
    auto lg = read_layer_on_grid(opt.targets, g, op, "targets", opt.assume_crs);
    PathResult res;
    res.note = lg.note;
    CellCache back(bl);
    std::unique_ptr<CellCache> costc, allocc;
    if (cr) costc = std::make_unique<CellCache>(*cr);
    if (ar) allocc = std::make_unique<CellCache>(*ar);

    const std::string tmp = opt.output + ".part-" + std::to_string(::getpid()) + ".gpkg";
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    VSIUnlink(tmp.c_str());
    io::ErrorCapture cap;
    io::Dataset ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw BadInput(op + ": cannot create '" + opt.output + "' (GDAL: " + cap.last() + ")");
    struct Cleanup {
        std::string p;
        bool ok = false;
        ~Cleanup() {
            if (!ok) VSIUnlink(p.c_str());
        }
    } cleanup{tmp};
    ds->SetMetadataItem("ECOSHIELD_RUN", run_record(op, opt.params, {{"back-link raster", opt.backlink}, {"targets", opt.targets},
                                                                     {"cost raster", opt.cost}, {"allocation raster", opt.allocation}})
                                             .dump()
                                             .c_str());
    auto srs = g.srs();
    OGRLayer* l = ds->CreateLayer("paths", srs.get(), wkbLineString, nullptr);
    for (auto [n, t] : {std::pair{"target_fid", OFTInteger64}, {"source_id", OFTInteger64}, {"cost", OFTReal},
                        {"length", OFTReal}, {"cells", OFTInteger64}}) {
        OGRFieldDefn fd(n, t);
        l->CreateField(&fd);
    }
    ds->StartTransaction();
    size_t done = 0;
    for (const auto& f : lg.layer.features) {
        // the start cell
        auto b = geom::bounds(f.geom.get());
        int sc = -1, sr = -1;
        if (geom::dimension(f.geom.get()) == 0) {
            sc = static_cast<int>(std::floor((b.minx - g.x0) / g.cw));
            sr = static_cast<int>(std::floor((g.y0 - b.maxy) / g.ch));
            if (sc < 0 || sr < 0 || sc >= g.width || sr >= g.height)
                throw BadInput(op + ": target feature " + std::to_string(f.fid) + " lies outside the rasters");
        } else {
            geom::Prepared prep(f.geom.get());
            int c0 = std::max(0, static_cast<int>(std::floor((b.minx - g.x0) / g.cw)));
            int c1 = std::min(g.width - 1, static_cast<int>(std::floor((b.maxx - g.x0) / g.cw)));
            int r0 = std::max(0, static_cast<int>(std::floor((g.y0 - b.maxy) / g.ch)));
            int r1 = std::min(g.height - 1, static_cast<int>(std::floor((g.y0 - b.miny) / g.ch)));
            double best = std::numeric_limits<double>::infinity();
            for (int r = r0; r <= r1; ++r)
                for (int c = c0; c <= c1; ++c) {
                    if (back.nodata(back.at(c, r)) || back.at(c, r) < 0) continue;
                    char wkt[256];
                    std::snprintf(wkt, sizeof wkt, "POLYGON((%.17g %.17g,%.17g %.17g,%.17g %.17g,%.17g %.17g,%.17g %.17g))",
                                  g.col_x(c), g.row_y(r + 1), g.col_x(c + 1), g.row_y(r + 1), g.col_x(c + 1), g.row_y(r),
                                  g.col_x(c), g.row_y(r), g.col_x(c), g.row_y(r + 1));
                    auto cell = geom::from_wkt(wkt);
                    if (!prep.intersects(cell.get())) continue;
                    double v = costc ? costc->at(c, r) : 0.0;
                    if (v < best) best = v, sc = c, sr = r;
                    if (!costc) break;
                }
            if (sc < 0) {
                ++res.unreachable;
                continue;
            }
        }
        // follow the back-links
        double d = back.at(sc, sr);
        if (back.nodata(d) || d < 0) {
            ++res.unreachable;
            res.note += (res.note.empty() ? "" : "\n") + op + ": target " + std::to_string(f.fid) +
                        " is on a cell no source reaches (impassable or cut off); no path written";
            continue;
        }
        OGRLineString line;
        int c = sc, r = sr;
        double length = 0;
        long long steps = 0;
        line.addPoint(g.col_x(c + 0.5), g.row_y(r + 0.5));
        while (d != 0) {
            int k = move_of_degrees(d);
            if (k == 0 || ++steps > g.cells())
                throw BadInput(op + ": '" + opt.backlink + "' is not a back-link raster written by `ecoshield cost` (value " +
                               std::to_string(d) + " at column " + std::to_string(c) + ", row " + std::to_string(r) + ")");
            const Move& m = cost_move(k);
            length += std::hypot(m.dc * g.cw, m.dr * g.ch);
            c += m.dc;
            r += m.dr;
            line.addPoint(g.col_x(c + 0.5), g.row_y(r + 0.5));
            d = back.at(c, r);
        }
        if (line.getNumPoints() == 1) line.addPoint(g.col_x(c + 0.5), g.row_y(r + 0.5));
        OGRFeature out(l->GetLayerDefn());
        out.SetField("target_fid", static_cast<GIntBig>(f.fid));
        if (allocc) out.SetField("source_id", static_cast<GIntBig>(allocc->at(c, r)));
        if (costc) out.SetField("cost", costc->at(sc, sr));
        out.SetField("length", length);
        out.SetField("cells", static_cast<GIntBig>(steps + 1));
        out.SetGeometry(&line);
        if (l->CreateFeature(&out) != OGRERR_NONE) throw Failure(op + ": cannot write a path (GDAL: " + cap.last() + ")");
        ++res.paths;
        progress.report(static_cast<double>(++done) / lg.layer.features.size(), "paths");
    }
    gpkg_add_style(ds.get(), "paths", l->GetGeometryColumn(), kPathQml, op);
    ds->CommitTransaction();
    ds.reset();
    VSIUnlink(opt.output.c_str());
    if (VSIRename(tmp.c_str(), opt.output.c_str()) != 0) throw Failure(op + ": cannot rename '" + tmp + "' to '" + opt.output + "'");
    cleanup.ok = true;
    return res;
}

}  // namespace eco::raster
