// The files of the pattern steps (GeoPackage layers, GeoTIFFs, corridors.csv) and the subcommands'
// driver `connectivity corridors|pinch|barriers` (see pipeline_pattern.h).
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/paths.h"
#include "graph/pipeline_pattern.h"
#include "raster/raster_io.h"
#include "raster/raster_reclass.h"
#include "raster/raster_record.h"
#include "report/gpkg_style.h"
#include "report/out_dir.h"
#include "report/report_util.h"

namespace eco::graph {

namespace {

// Which corridor each link has (-1: none).
std::vector<long> corridor_of_link(std::size_t nlinks, const std::vector<Corridor>& cs) {
    std::vector<long> of_link(nlinks, -1);
    for (std::size_t k = 0; k < cs.size(); ++k) of_link[cs[k].link] = static_cast<long>(k);
    return of_link;
}

constexpr double kNodata = -9999.0;

std::string fmt(double v) {
    if (!std::isfinite(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

// The cells set in `mask` (box cells, row-major) as one multipolygon (GDALPolygonize, 4-connected rings,
// so every part is a valid polygon; parts may touch at corners).
std::unique_ptr<OGRMultiPolygon> mask_polygons(const raster::Grid& g, const raster::Window& box,
                                               const std::vector<uint8_t>& mask, const std::string& op) {
    io::gdal_init();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    io::Dataset rds(mem->Create("", box.w, box.h, 1, GDT_Byte, nullptr));
    if (!rds) throw Failure(op + ": cannot create an in-memory raster");
    double gt[6] = {g.col_x(box.x), g.cw, 0, g.row_y(box.y), 0, -g.ch};
    rds->SetGeoTransform(gt);
    GDALRasterBand* band = rds->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, box.w, box.h, const_cast<uint8_t*>(mask.data()), box.w, box.h, GDT_Byte, 0, 0,
                       nullptr) != CE_None)
        throw Failure(op + ": cannot fill an in-memory raster");
    GDALDriver* vmem = GetGDALDriverManager()->GetDriverByName("Memory");
    io::Dataset vds(vmem->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* lyr = vds->CreateLayer("m", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn fd("v", OFTInteger);
    lyr->CreateField(&fd);
    if (GDALPolygonize(band, band, OGRLayer::ToHandle(lyr), 0, nullptr, nullptr, nullptr) != CE_None)
        throw Failure(op + ": GDALPolygonize failed: " + CPLGetLastErrorMsg());
    auto mp = std::make_unique<OGRMultiPolygon>();
    lyr->ResetReading();
    for (auto& f : *lyr) {
        const OGRGeometry* geom = f->GetGeometryRef();
        if (f->GetFieldAsInteger(0) == 1 && geom && wkbFlatten(geom->getGeometryType()) == wkbPolygon) mp->addGeometry(geom);
    }
    return mp;
}

void write_tif(report::OutputDir& od, const std::string& name, const raster::Grid& grid, const std::vector<float>& v,
               const std::string& description, const nlohmann::json& record, const std::string& op) {
    raster::WriteOptions wo;
    wo.type = GDT_Float32;
    wo.nodata = kNodata;
    wo.description = description;
    wo.overview_resampling = "AVERAGE";
    raster::add_run_metadata(wo.metadata, record);
    raster::RasterWriter w(od.temp(name), grid, wo, op);
    std::vector<float> buf;
    for (const auto& win : w.row_bands()) {
        buf.resize(static_cast<std::size_t>(win.w) * win.h);
        for (int r = 0; r < win.h; ++r)
            for (int c = 0; c < win.w; ++c) {
                const float x = v[static_cast<std::size_t>(r + win.y) * grid.width + (c + win.x)];
                buf[static_cast<std::size_t>(r) * win.w + c] = std::isnan(x) ? static_cast<float>(kNodata) : x;
            }
        w.write(win, buf.data());
    }
    w.commit();
}

// The run record's parts (operation, software, parameters, inputs) for GeoTIFF metadata: a copy, so the
// report it comes from can change afterwards.
nlohmann::json record_of(const nlohmann::json& j) {
    nlohmann::json r = nlohmann::json::object();
    for (const char* k : {"operation", "software", "version", "parameters", "inputs"})
        if (j.contains(k)) r[k] = j[k];
    return r;
}

void add_field(OGRLayer* l, const char* name, OGRFieldType t, const std::string& op) {
    OGRFieldDefn fd(name, t);
    if (l->CreateField(&fd) != OGRERR_NONE) throw Failure(op + ": cannot create field " + name);
}

void set_real(OGRFeature& f, const char* name, double v) {
    if (std::isfinite(v)) f.SetField(name, v);
    else f.SetFieldNull(f.GetFieldIndex(name));
}

}  // namespace

void write_links_layer(GDALDataset& ds, const Patches& p, const LinksResult& links, const Metrics* m,
                       const PatternResult* r, const std::string& op) {
    io::Srs srs = p.grid.srs();
    OGRLayer* l = ds.CreateLayer("links", srs.get(), wkbLineString, nullptr);
    if (!l) throw Failure(op + ": cannot create layer links: " + CPLGetLastErrorMsg());
    for (const char* f : {"link_id", "from_patch", "to_patch"}) add_field(l, f, OFTInteger, op);
    for (const char* f : {"cost", "length_m", "euclid_m"}) add_field(l, f, OFTReal, op);
    if (m) {
        for (const char* f : {"distance", "probability", "dPC"}) add_field(l, f, OFTReal, op);
        for (const char* f : {"bridge", "in_mst"}) add_field(l, f, OFTInteger, op);
    }
    const bool pat = r && r->ran;
    std::vector<long> of_link;  // link -> corridor
    if (pat) {
        add_field(l, "cwd_ratio", OFTReal, op);
        add_field(l, "r_eff", OFTReal, op);
        of_link = corridor_of_link(links.links.size(), r->corridors.corridors);
    }
    if (l->StartTransaction() != OGRERR_NONE) throw Failure(op + ": cannot start a GeoPackage transaction");
    for (std::size_t e = 0; e < links.links.size(); ++e) {
        const PatchLink& L = links.links[e];
        OGRFeature f(l->GetLayerDefn());
        f.SetField("link_id", static_cast<int>(e + 1));
        f.SetField("from_patch", static_cast<int>(L.u + 1));
        f.SetField("to_patch", static_cast<int>(L.v + 1));
        if (std::isfinite(L.cost)) f.SetField("cost", L.cost);
        f.SetField("length_m", L.length);
        f.SetField("euclid_m", L.euclid);
        if (m) {
            const LinkMetrics& x = m->link[e];
            f.SetField("distance", L.distance);
            f.SetField("probability", x.probability);
            if (std::isfinite(x.dPC)) f.SetField("dPC", x.dPC);
            f.SetField("bridge", x.bridge ? 1 : 0);
            f.SetField("in_mst", x.in_mst ? 1 : 0);
        }
        if (pat) {
            set_real(f, "cwd_ratio", L.length > 0 && std::isfinite(L.cost) ? L.cost / L.length : kNaN);
            const long k = of_link[e];
            set_real(f, "r_eff", k >= 0 && !r->pinch.link.empty() ? r->pinch.link[static_cast<std::size_t>(k)].r_eff : kNaN);
        }
        OGRLineString ls;
        for (const auto& [x, y] : L.path) ls.addPoint(x, y);
        if (ls.getNumPoints() == 1) ls.addPoint(L.path[0].first, L.path[0].second);
        f.SetGeometry(&ls);
        if (l->CreateFeature(&f) != OGRERR_NONE) throw Failure(op + ": cannot write link " + std::to_string(e + 1));
    }
    if (l->CommitTransaction() != OGRERR_NONE) throw Failure(op + ": cannot commit to the GeoPackage: " + CPLGetLastErrorMsg());
}

void write_pattern_outputs(report::OutputDir& od, const std::string& gpkg, const Patches& p,
                           const LinksResult& links, const PatternResult& r, const nlohmann::json& run_record,
                           nlohmann::json& rep, const std::string& op) {
    const nlohmann::json record = record_of(run_record);
    if (!r.ran) {
        rep.update(pattern_json(p, r));
        return;
    }
    const auto& cs = r.corridors.corridors;
    const bool bar = !r.barriers.best.empty() || r.restored_resistance > 0;
    io::gdal_init();
    const char* drivers[] = {"GPKG", nullptr};
    CPLPushErrorHandler(CPLQuietErrorHandler);  // the temporary name does not end in .gpkg: GDAL warns
    io::Dataset ds(static_cast<GDALDataset*>(GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr)));
    CPLPopErrorHandler();
    if (!ds) throw Failure(op + ": cannot reopen the GeoPackage '" + gpkg + "': " + CPLGetLastErrorMsg());
    io::Srs srs = p.grid.srs();
    const std::vector<long> of_link = corridor_of_link(links.links.size(), cs);
    {
        OGRLayer* l = ds->CreateLayer("corridors", srs.get(), wkbMultiPolygon, nullptr);
        if (!l) throw Failure(op + ": cannot create layer corridors: " + CPLGetLastErrorMsg());
        add_field(l, "link_id", OFTInteger, op);
        add_field(l, "from_patch", OFTInteger, op);
        add_field(l, "to_patch", OFTInteger, op);
        for (const char* f : {"lcd", "length_m", "cwd_ratio"}) add_field(l, f, OFTReal, op);
        add_field(l, "cells", OFTInteger64, op);
        for (const char* f : {"area_m2", "area_ha", "width", "r_eff", "max_current", "barrier_score"}) add_field(l, f, OFTReal, op);
        if (l->StartTransaction() != OGRERR_NONE) throw Failure(op + ": cannot start a GeoPackage transaction");
        for (std::size_t k = 0; k < cs.size(); ++k) {
            const Corridor& c = cs[k];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("link_id", static_cast<int>(c.link + 1));
            f.SetField("from_patch", static_cast<int>(c.u + 1));
            f.SetField("to_patch", static_cast<int>(c.v + 1));
            set_real(f, "lcd", c.lcd);
            set_real(f, "length_m", c.length);
            set_real(f, "cwd_ratio", c.ratio);
            f.SetField("cells", static_cast<GIntBig>(c.cells));
            f.SetField("area_m2", c.area_m2);
            f.SetField("area_ha", c.area_m2 / 1e4);
            f.SetField("width", r.corridors.width);
            set_real(f, "r_eff", !r.pinch.link.empty() ? r.pinch.link[k].r_eff : kNaN);
            set_real(f, "max_current", !r.pinch.link.empty() ? r.pinch.link[k].max_current : kNaN);
            set_real(f, "barrier_score", !r.barriers.best.empty() ? r.barriers.best[k] : kNaN);
            if (c.cells > 0) {
                // the mask over fbox (c.box is its crop to the corridor's cells): the polygons come out the same
                // as when N was kept over the whole fbox
                const raster::Window& fb = c.fbox;
                std::vector<uint8_t> mask(static_cast<std::size_t>(fb.w) * fb.h, 0);
                const int W = p.grid.width;
                const int32_t idu = static_cast<int32_t>(c.u + 1), idv = static_cast<int32_t>(c.v + 1);
                for (int rr = 0; rr < c.box.h; ++rr)
                    for (int q = 0; q < c.box.w; ++q) {
                        const std::size_t b = static_cast<std::size_t>(rr) * c.box.w + q;
                        const int32_t lab = p.label[static_cast<std::size_t>(rr + c.box.y) * W + (q + c.box.x)];
                        mask[static_cast<std::size_t>(rr + c.box.y - fb.y) * fb.w + (q + c.box.x - fb.x)] =
                            !std::isnan(c.n[b]) && lab != idu && lab != idv;
                    }
                f.SetGeometry(mask_polygons(p.grid, fb, mask, op).get());
            }
            if (l->CreateFeature(&f) != OGRERR_NONE) throw Failure(op + ": cannot write corridor " + std::to_string(k + 1));
        }
        if (l->CommitTransaction() != OGRERR_NONE) throw Failure(op + ": cannot commit to the GeoPackage: " + CPLGetLastErrorMsg());
        report::write_style_for(*ds, "corridors", "corridors");
    }
    if (bar) {
        OGRLayer* l = ds->CreateLayer("barriers", srs.get(), wkbMultiPolygon, nullptr);
        if (!l) throw Failure(op + ": cannot create layer barriers: " + CPLGetLastErrorMsg());
        for (const char* f : {"rank", "link_id", "from_patch", "to_patch", "radius_cells"}) add_field(l, f, OFTInteger, op);
        for (const char* f : {"radius_m", "centre_x", "centre_y", "score", "improvement", "lcd", "lcd_restored",
                              "pct_improvement", "restored_resistance"})
            add_field(l, f, OFTReal, op);
        if (l->StartTransaction() != OGRERR_NONE) throw Failure(op + ": cannot start a GeoPackage transaction");
        const int W = p.grid.width;
        for (std::size_t i = 0; i < r.barriers.top.size(); ++i) {
            const BarrierWindow& w = r.barriers.top[i];
            const Corridor& c = cs[w.corridor];
            const int row = static_cast<int>(w.cell / W), col = static_cast<int>(w.cell % W);
            OGRFeature f(l->GetLayerDefn());
            f.SetField("rank", static_cast<int>(i + 1));
            f.SetField("link_id", static_cast<int>(c.link + 1));
            f.SetField("from_patch", static_cast<int>(c.u + 1));
            f.SetField("to_patch", static_cast<int>(c.v + 1));
            f.SetField("radius_cells", w.radius);
            f.SetField("radius_m", w.radius * p.grid.cw);
            f.SetField("centre_x", p.grid.col_x(col + 0.5));
            f.SetField("centre_y", p.grid.row_y(row + 0.5));
            f.SetField("score", w.score);
            f.SetField("improvement", w.improvement);
            f.SetField("lcd", w.lcd);
            f.SetField("lcd_restored", w.lcd_restored);
            f.SetField("pct_improvement", w.lcd > 0 ? 100.0 * w.improvement / w.lcd : 0.0);
            f.SetField("restored_resistance", r.restored_resistance);
            raster::Window box{col - w.radius, row - w.radius, 2 * w.radius + 1, 2 * w.radius + 1};
            std::vector<uint8_t> mask(static_cast<std::size_t>(box.w) * box.h, 0);
            for (auto g : w.cells) {
                const int gr = static_cast<int>(g / W), gc = static_cast<int>(g % W);
                mask[static_cast<std::size_t>(gr - box.y) * box.w + (gc - box.x)] = 1;
            }
            f.SetGeometry(mask_polygons(p.grid, box, mask, op).get());
            if (l->CreateFeature(&f) != OGRERR_NONE) throw Failure(op + ": cannot write barrier " + std::to_string(i + 1));
        }
        if (l->CommitTransaction() != OGRERR_NONE) throw Failure(op + ": cannot commit to the GeoPackage: " + CPLGetLastErrorMsg());
        report::write_style_for(*ds, "barriers", "barriers");
    }
    ds.reset();

    std::vector<std::string> files;
    write_tif(od, "corridors.tif", p.grid, r.corridors.mosaic,
              "normalized least-cost corridor (cwd_u + cwd_v - LCD, min over links, cost units)", record, op);
    files.push_back("corridors.tif");
    if (!r.pinch.link.empty()) {
        write_tif(od, "current.tif", p.grid, r.pinch.current,
                  "current density (node current in A for 1 A injected per corridor, mosaic over corridors)", record, op);
        files.push_back("current.tif");
    }
    if (!r.barriers.best.empty() || !r.barriers.score.empty()) {
        write_tif(od, "barriers.tif", p.grid, r.barriers.score,
                  "barrier improvement score (cost units saved per m restored, max over links and radii)", record, op);
        files.push_back("barriers.tif");
    }
    std::ostringstream c;
    c << "link_id,from_patch,to_patch,lcd,lcd_check,length_m,cwd_ratio,corridor_cells,corridor_area_m2,r_eff,max_current,"
         "best_barrier_score,best_barrier_improvement\n";
    for (std::size_t k = 0; k < cs.size(); ++k) {
        const Corridor& x = cs[k];
        c << x.link + 1 << ',' << x.u + 1 << ',' << x.v + 1 << ',' << fmt(x.lcd) << ',' << fmt(x.lcd_check) << ','
          << fmt(x.length) << ',' << fmt(x.ratio) << ',' << x.cells << ',' << fmt(x.area_m2) << ','
          << (r.pinch.link.empty() ? "" : fmt(r.pinch.link[k].r_eff)) << ','
          << (r.pinch.link.empty() ? "" : fmt(r.pinch.link[k].max_current)) << ','
          << (r.barriers.best.empty() ? "" : fmt(r.barriers.best[k])) << ','
          << (r.barriers.best.empty() ? "" : fmt(r.barriers.best_improvement[k])) << '\n';
    }
    od.write_text("corridors.csv", c.str());
    files.push_back("corridors.csv");

    rep.update(pattern_json(p, r));
    if (rep.contains("link_list") && rep["link_list"].is_array())
        for (auto& e : rep["link_list"]) {
            const auto id = e.value("link_id", 0);
            if (id < 1 || static_cast<std::size_t>(id) > links.links.size()) continue;
            const PatchLink& L = links.links[static_cast<std::size_t>(id - 1)];
            e["cwd_ratio"] = report::jnum(L.length > 0 && std::isfinite(L.cost) ? L.cost / L.length : kNaN, 9);
            const long k = of_link[static_cast<std::size_t>(id - 1)];
            e["r_eff"] = report::jnum(k >= 0 && !r.pinch.link.empty() ? r.pinch.link[static_cast<std::size_t>(k)].r_eff : kNaN, 9);
        }
    if (!rep.contains("outputs") || !rep["outputs"].is_array()) rep["outputs"] = nlohmann::json::array();
    for (const auto& f : files) rep["outputs"].push_back(f);
}

}  // namespace eco::graph
