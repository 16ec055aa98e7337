#include "graph/pipeline_run.h"
#include "graph/rss_trace.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>

#include "core/error.h"
#include "core/sha256.h"
#include "io/gdal_util.h"
#include "raster/raster_reclass.h"
#include "report/connectivity_html.h"
#include "report/gpkg_style.h"
#include "report/out_dir.h"

namespace eco::graph {

const OpSpec& run_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec = with_pattern_params(OpSpec{  // + corridors, pinch points, barriers
        "connectivity run",
        "Ecological sources from a land cover raster (habitat classes -> patches, optionally MSPA core), least-cost "
        "links over a resistance table, PC/IIC/dPC, patches ranked by dPC; writes connectivity.gpkg (patches, links), "
        "report.json and report.csv",
        {
            {"landcover", T::String, nullptr, {}, {}, "",
             "land cover raster (integer classes); default: the Taizhou demo, layers/demo/landcover_demo.tif"},
            {"classes", T::NumberList, nullptr, {}, {}, "", "habitat classes, comma separated (e.g. 4,5; demo: 3 forest)"},
            {"table", T::String, nullptr, {}, {}, "",
             "resistance table (class,name,resistance): a file or a name in layers/resistance/ (demo: china_landuse_3diao)"},
            {"connectivity", T::Integer, 8, 4.0, 8.0, "", "patch connectivity: 4 or 8"},
            {"min-area", T::Number, nullptr, 0.0, {}, "m2", "minimum patch area in m2 (default 0; demo: 1000000 = 100 ha)"},
            {"min-area-ha", T::Number, nullptr, 0.0, {}, "ha", "minimum patch area in ha (instead of --min-area)"},
            {"mspa", T::Bool, false, {}, {}, "", "sources are the MSPA core areas of the habitat (GuidosToolbox code 17)"},
            {"edge-width", T::Integer, 1, 1.0, {}, "cells", "MSPA edge width"},
            {"links", T::String, nullptr, {}, {}, "",
             "complete (every reachable pair) or planar (patches adjacent in the cost allocation, as Graphab); default "
             "complete, demo: planar"},
            {"distance", T::String, "cost", {}, {}, "", "link distance: cost (least-cost) or euclidean (border to border, m)"},
            {"max-distance", T::Number, nullptr, 0.0, {}, "link distance unit", "drop links longer than this"},
            {"knight", T::Bool, false, {}, {}, "", "16 neighbours (knight's moves) in the cost runs"},
            {"planar-costs", T::String, "pairwise", {}, {}, "",
             "planar link costs: pairwise (one least-cost search per patch: the exact least cost) or allocation (from "
             "the meeting cells of ONE multi-source cost run, Graphab's planar graph; fast on large rasters)"},
            {"p0", T::Number, 0.5, 0.0, 1.0, "", "dispersal probability at distance d0 (p = exp(-alpha d))"},
            {"d0", T::Number, nullptr, 0.0, {}, "link distance unit",
             "distance (cost units by default) where p = p0 (default 1000; demo: 20000)"},
            {"threshold", T::Number, nullptr, 0.0, {}, "link distance unit",
             "links up to this distance are connections for IIC, components, cut vertices and bridges (default all)"},
            {"landscape-area", T::Number, nullptr, 0.0, {}, "m2", "A_L for PC and IIC (default: summed patch area)"},
            {"assume-crs", T::String, nullptr, {}, {}, "", "CRS of a land cover raster that has none"},
            {"out", T::String, "out/connectivity", {}, {}, "", "output directory"},
            {"no-html", T::Bool, false, {}, {}, "", "do not write report.html"},
        }});
    return spec;
}

RunOptions run_options(const nlohmann::json& p) {
    const std::string op = run_spec().name;
    RunOptions o;
    o.params = p;
    // No --landcover: the bundled Taizhou demo with its documented defaults (forest as habitat, the
    // Third National Land Survey resistance table, patches of at least 100 ha, planar links, p = 0.5 at 20000).
    apply_demo_defaults(o.params);  // pipeline_patches.h
    if (o.params.at("links").is_null()) o.params["links"] = "complete";
    if (o.params.at("min-area").is_null() && o.params.at("min-area-ha").is_null()) o.params["min-area"] = 0.0;
    if (o.params.at("d0").is_null()) o.params["d0"] = 1000.0;
    if (o.params.at("classes").is_null() || o.params.at("table").is_null())
        throw BadInput(op + ": give --classes (habitat classes, e.g. 4,5) and --table (resistance table) with --landcover");
    const nlohmann::json& q = o.params;
    o.landcover = q.at("landcover").get<std::string>();
    o.table = q.at("table").get<std::string>();
    o.html = !q.at("no-html").get<bool>();
    o.out = p.at("out").get<std::string>();
    if (!p.at("assume-crs").is_null()) o.assume_crs = p.at("assume-crs").get<std::string>();
    o.patches.habitat_classes = habitat_classes(q.at("classes"), op);
    o.patches.connectivity = p.at("connectivity").get<int>();
    if (o.patches.connectivity != 4 && o.patches.connectivity != 8)
        throw BadInput(op + ": --connectivity must be 4 or 8");
    o.patches.min_area_m2 = q.at("min-area").is_null() ? 0.0 : q.at("min-area").get<double>();
    if (!p.at("min-area-ha").is_null()) {
        if (!p.at("min-area").is_null()) throw BadInput(op + ": give --min-area (m2) or --min-area-ha, not both");
        o.patches.min_area_m2 = p.at("min-area-ha").get<double>() * 10000.0;
    }
    o.patches.mspa_core = p.at("mspa").get<bool>();
    o.patches.mspa.edge_width = p.at("edge-width").get<int>();
    o.links.topology = q.at("links").get<std::string>();
    o.links.distance = p.at("distance").get<std::string>();
    if (!p.at("max-distance").is_null()) o.links.max_distance = p.at("max-distance").get<double>();
    o.links.knight = p.at("knight").get<bool>();
    o.links.planar_costs = p.at("planar-costs").get<std::string>();
    if (o.links.planar_costs != "pairwise" && o.links.planar_costs != "allocation")
        throw BadInput(op + ": --planar-costs must be pairwise or allocation, got '" + o.links.planar_costs + "'");
    o.metrics.p0 = p.at("p0").get<double>();
    o.metrics.d0 = q.at("d0").get<double>();
    if (!(o.metrics.p0 > 0 && o.metrics.p0 < 1)) throw BadInput(op + ": --p0 must be strictly between 0 and 1");
    if (!(o.metrics.d0 > 0)) throw BadInput(op + ": --d0 must be > 0");
    if (!p.at("threshold").is_null()) o.metrics.threshold = p.at("threshold").get<double>();
    if (!p.at("landscape-area").is_null()) o.metrics.landscape_area = p.at("landscape-area").get<double>();
    o.pattern = pattern_options(p, o.links.knight, op);
    return o;
}

namespace {

nlohmann::json file_record(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    Sha256 h;
    std::vector<char> buf(1 << 16);
    std::uint64_t size = 0;
    while (f) {
        f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        auto got = f.gcount();
        if (got <= 0) break;
        h.update(buf.data(), static_cast<std::size_t>(got));
        size += static_cast<std::uint64_t>(got);
    }
    return {{"path", path}, {"bytes", size}, {"sha256", h.hex()}};
}

std::string fmt(double v) {
    if (!std::isfinite(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

nlohmann::json fin(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

// One multipolygon per patch id, from GDALPolygonize on the patch raster (in memory).
std::vector<std::unique_ptr<OGRMultiPolygon>> polygonize(const Patches& p, int connectivity, const std::string& op) {
    io::gdal_init();
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    io::Dataset rds(mem->Create("", p.grid.width, p.grid.height, 1, GDT_Int32, nullptr));
    if (!rds) throw Failure(op + ": cannot create an in-memory raster for the patches");
    double gt[6];
    p.grid.geotransform(gt);
    rds->SetGeoTransform(gt);
    GDALRasterBand* band = rds->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, p.grid.width, p.grid.height, const_cast<int32_t*>(p.label.data()), p.grid.width,
                       p.grid.height, GDT_Int32, 0, 0, nullptr) != CE_None)
        throw Failure(op + ": cannot fill the in-memory patch raster");
    GDALDriver* vmem = GetGDALDriverManager()->GetDriverByName("Memory");
    io::Dataset vds(vmem->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* lyr = vds->CreateLayer("p", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn fd("patch_id", OFTInteger);
    lyr->CreateField(&fd);
    // 4-connected polygons always: GDAL's 8-connected mode makes rings that touch themselves (invalid
    // OGC polygons). An 8-connected patch is then several polygons touching at corners, collected
    // into one multipolygon (valid: its parts meet at points only).
    (void)connectivity;
    if (GDALPolygonize(band, band, OGRLayer::ToHandle(lyr), 0, nullptr, nullptr, nullptr) != CE_None)
        throw Failure(op + ": GDALPolygonize failed: " + CPLGetLastErrorMsg());
    std::vector<std::unique_ptr<OGRMultiPolygon>> out(p.count());
    for (auto& mp : out) mp = std::make_unique<OGRMultiPolygon>();
    lyr->ResetReading();
    for (auto& f : *lyr) {
        const int id = f->GetFieldAsInteger(0);
        if (id < 1 || static_cast<std::size_t>(id) > p.count()) continue;
        const OGRGeometry* g = f->GetGeometryRef();
        if (g && wkbFlatten(g->getGeometryType()) == wkbPolygon)
            out[static_cast<std::size_t>(id - 1)]->addGeometry(g);
    }
    for (auto& mp : out) {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        const bool ok = mp->IsValid();
        CPLPopErrorHandler();
        if (ok) continue;
        std::unique_ptr<OGRGeometry> fixed(mp->MakeValid());
        if (fixed && wkbFlatten(fixed->getGeometryType()) == wkbMultiPolygon)
            mp.reset(fixed.release()->toMultiPolygon());
        else if (fixed && wkbFlatten(fixed->getGeometryType()) == wkbPolygon) {
            mp = std::make_unique<OGRMultiPolygon>();
            mp->addGeometry(fixed.get());
        }
    }
    return out;
}

void write_gpkg(const std::string& path, const RunOptions& opt, const RunResult& r,
                const std::vector<std::unique_ptr<OGRMultiPolygon>>& polys, const std::string& op) {
    io::gdal_init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    CPLPushErrorHandler(CPLQuietErrorHandler);  // the temporary name does not end in .gpkg: GDAL warns
    io::Dataset ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    CPLPopErrorHandler();
    if (!ds) throw Failure(op + ": cannot create the GeoPackage '" + path + "': " + CPLGetLastErrorMsg());
    io::Srs srs = r.patches.grid.srs();
    const Metrics& m = r.metrics;

    auto add_field = [&](OGRLayer* l, const char* name, OGRFieldType t) {
        OGRFieldDefn fd(name, t);
        if (l->CreateField(&fd) != OGRERR_NONE) throw Failure(op + ": cannot create field " + name);
    };
    {
        OGRLayer* l = ds->CreateLayer("patches", srs.get(), wkbMultiPolygon, nullptr);
        if (!l) throw Failure(op + ": cannot create layer patches: " + CPLGetLastErrorMsg());
        add_field(l, "patch_id", OFTInteger);
        add_field(l, "cells", OFTInteger64);
        add_field(l, "area_m2", OFTReal);
        add_field(l, "area_ha", OFTReal);
        add_field(l, "centroid_x", OFTReal);
        add_field(l, "centroid_y", OFTReal);
        add_field(l, "degree", OFTInteger);
        add_field(l, "component", OFTInteger);
        for (const char* f : {"dPC", "dPCintra", "dPCflux", "dPCconnector", "dIIC", "BC_PC"}) add_field(l, f, OFTReal);
        add_field(l, "cut_vertex", OFTInteger);
        add_field(l, "rank", OFTInteger);
        if (l->StartTransaction() != OGRERR_NONE) throw Failure(op + ": cannot start a GeoPackage transaction");
        for (std::size_t v = 0; v < r.patches.count(); ++v) {
            OGRFeature f(l->GetLayerDefn());
            const NodeMetrics& x = m.node[v];
            int k = 0;
            f.SetField(k++, static_cast<int>(v + 1));
            f.SetField(k++, static_cast<GIntBig>(r.patches.cells[v]));
            f.SetField(k++, r.patches.area_m2[v]);
            f.SetField(k++, r.patches.area_m2[v] / 10000.0);
            f.SetField(k++, r.patches.cx[v]);
            f.SetField(k++, r.patches.cy[v]);
            f.SetField(k++, static_cast<int>(x.degree));
            f.SetField(k++, x.component);
            for (double d : {x.dPC, x.dPCintra, x.dPCflux, x.dPCconnector, x.dIIC, x.bc_pc}) f.SetField(k++, d);
            f.SetField(k++, x.cut_vertex ? 1 : 0);
            f.SetField(k++, static_cast<int>(r.rank[v]));
            f.SetGeometry(polys[v].get());
            if (l->CreateFeature(&f) != OGRERR_NONE) throw Failure(op + ": cannot write patch " + std::to_string(v + 1));
        }
        if (l->CommitTransaction() != OGRERR_NONE) throw Failure(op + ": cannot commit to the GeoPackage: " + CPLGetLastErrorMsg());
        report::write_style_for(*ds, "patches", "patches");  // styles/patches.qml, the default style in layer_styles
    }
    write_links_layer(*ds, r.patches, r.links, &m, &r.pattern, op);  // with cwd_ratio and r_eff when the pattern ran
    report::write_style_for(*ds, "links", "links");                     // styles/links.qml
}

}  // namespace

RunResult run_pipeline(const RunOptions& opt, const Progress& progress) {
    const std::string op = run_spec().name;
    RunResult r;
    rss_trace("start");
    LandCover lc = read_land_cover(opt.landcover, op, opt.assume_crs);
    rss_trace("land cover read");
    const auto table = raster::read_reclass_table(raster::resolve_table_path(opt.table), op);
    r.patches = find_patches(lc, opt.patches, op);
    progress.report(0.05, "patches");
    rss_trace("patches");
    r.resistance = resistance_from_table(lc, table, op);
    std::vector<int32_t>().swap(lc.cls);  // the classes are no longer needed (5 bytes per cell freed)
    std::vector<uint8_t>().swap(lc.valid);
    rss_trace("resistance");
    r.links = patch_links(r.patches, r.resistance, opt.links, op, progress.sub(0.05, 0.8));
    rss_trace("links");

    std::vector<Node> nodes(r.patches.count());
    for (std::size_t v = 0; v < nodes.size(); ++v) {
        nodes[v].id = std::to_string(v + 1);
        nodes[v].area = r.patches.area_m2[v];
        nodes[v].x = r.patches.cx[v];
        nodes[v].y = r.patches.cy[v];
    }
    std::vector<IndexLink> il;
    il.reserve(r.links.links.size());
    for (const auto& L : r.links.links) il.push_back({L.u, L.v, L.distance, kNaN, L.length});
    r.graph = build_graph_indexed(nodes, il, op);
    // HabitatGraph::links holds edge descriptors that point into the graph's edge storage, and
    // boost::adjacency_list's assignment copies that storage: rebuild them on the copy.
    r.graph.index_links();
    r.metrics = compute_metrics(r.graph, opt.metrics, progress.sub(0.8, 0.95), op);
    rss_trace("metrics");
    r.pattern = run_pattern(r.patches, r.resistance, r.links, opt.pattern, op, progress.sub(0.95, 1.0));
    rss_trace("pattern");
    std::vector<std::size_t> order(nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return r.metrics.node[a].dPC > r.metrics.node[b].dPC; });
    r.rank.assign(nodes.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) r.rank[order[i]] = i + 1;

    // The run record.
    using nlohmann::json;
    json j;
    j["operation"] = op;
    j["software"] = std::string("ecoshield ") + ECOSHIELD_VERSION;
    j["parameters"] = opt.params;
    j["inputs"] = {{{"role", "landcover"}}, {{"role", "resistance table"}}};
    j["inputs"][0].update(file_record(opt.landcover));
    j["inputs"][1].update(file_record(table.path));
    j["grid"] = lc.grid.describe();
    j["conventions"] = {
        {"area", "planar, in the raster's CRS: cells x cell area (m2)"},
        {"cost", "step cost = mean of the two cells' resistances x step length (m); from the cells of one patch (cost 0) "
                 "to the nearest cell of the other; paths may cross other patches"},
        {"euclid_m", "distance between the nearest cell centres of the two patches"},
        {"links", opt.links.topology == "complete"
                      ? "complete: every pair of patches that reach each other (within max-distance when given: each "
                        "patch's search stops at that cost, in a window around the patch)"
                      : opt.links.planar_costs == "pairwise"
                            ? "planar: pairs whose cost-allocation zones touch; cost = the pairwise least cost (one search "
                              "per patch)"
                            : "planar: pairs whose cost-allocation zones touch; cost = min over touching cells a (zone u), b "
                              "(zone v) of acc(a) + step + acc(b) from ONE multi-source cost run (Graphab's planar graph): "
                              "equals the pairwise least cost when a least-cost path stays in the two zones, else larger"},
        {"probability", "p = exp(-alpha d), alpha = -ln(p0)/d0, d the link distance"}};
    j["styles"] = {{"patches", "styles/patches.qml: graduated on rank (1-5, 6-20, 21-100, 101-500, > 500)"},
                   {"links", "styles/links.qml: graduated on dPC (< 0.01, 0.01-0.1, 0.1-1, > 1 %)"}};
    const Patches& P = r.patches;
    j["sources"] = {{"habitat_cells", P.habitat_cells},
                    {"habitat_area_m2", static_cast<double>(P.habitat_cells) * P.grid.cell_area()},
                    {"source_cells", P.source_cells},
                    {"patches", P.count()},
                    {"dropped_patches", P.dropped_patches},
                    {"dropped_cells", P.dropped_cells},
                    {"resistance_min", r.resistance.min},
                    {"resistance_max", r.resistance.max}};
    j["links"] = {{"count", r.links.links.size()},
                  {"candidate_pairs", r.links.candidate_pairs},
                  {"unreachable_pairs", r.links.unreachable_pairs},
                  {"over_max_distance", r.links.over_max},
                  {"settled_cells", r.links.settled_cells}};
    json mj = metrics_json(r.graph, r.metrics);
    j["global"] = mj["global"];
    j["components"] = mj["components"];
    json ranked = json::array();
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto v = order[i];
        const auto& x = r.metrics.node[v];
        ranked.push_back({{"rank", i + 1},
                          {"patch_id", v + 1},
                          {"area_m2", P.area_m2[v]},
                          {"dPC", x.dPC},
                          {"dPCintra", x.dPCintra},
                          {"dPCflux", x.dPCflux},
                          {"dPCconnector", x.dPCconnector},
                          {"dIIC", x.dIIC},
                          {"cut_vertex", x.cut_vertex}});
    }
    j["patches"] = ranked;
    json links = json::array();
    for (std::size_t e = 0; e < r.links.links.size(); ++e) {
        const auto& L = r.links.links[e];
        links.push_back({{"link_id", e + 1},
                         {"from", L.u + 1},
                         {"to", L.v + 1},
                         {"cost", fin(L.cost)},
                         {"length_m", L.length},
                         {"euclid_m", L.euclid},
                         {"probability", r.metrics.link[e].probability},
                         {"dPC", fin(r.metrics.link[e].dPC)},
                         {"bridge", r.metrics.link[e].bridge}});
    }
    j["link_list"] = links;
    r.report = std::move(j);
    return r;
}

RunResult connectivity_run(const RunOptions& opt, const Progress& progress) {
    const std::string op = run_spec().name;
    RunResult r = run_pipeline(opt, progress.sub(0, 0.9));
    r.graph.index_links();  // (see run_pipeline: descriptors must point into this copy)
    report::OutputDir od(opt.out, op);
    const std::string gpkg_tmp = od.temp("connectivity.gpkg");
    const auto polys = polygonize(r.patches, opt.patches.connectivity, op);
    rss_trace("polygonize");
    write_gpkg(gpkg_tmp, opt, r, polys, op);
    rss_trace("gpkg patches, links");

    std::ostringstream c;
    c << "patch_id,rank,cells,area_m2,area_ha,centroid_x,centroid_y,degree,component,dPC,dPCintra,dPCflux,dPCconnector,"
         "dIIC,BC_PC,cut_vertex\n";
    for (std::size_t v = 0; v < r.patches.count(); ++v) {
        const auto& x = r.metrics.node[v];
        c << v + 1 << ',' << r.rank[v] << ',' << r.patches.cells[v] << ',' << fmt(r.patches.area_m2[v]) << ','
          << fmt(r.patches.area_m2[v] / 10000.0) << ',' << fmt(r.patches.cx[v]) << ',' << fmt(r.patches.cy[v]) << ','
          << x.degree << ',' << x.component << ',' << fmt(x.dPC) << ',' << fmt(x.dPCintra) << ',' << fmt(x.dPCflux) << ','
          << fmt(x.dPCconnector) << ',' << fmt(x.dIIC) << ',' << fmt(x.bc_pc) << ',' << (x.cut_vertex ? 1 : 0) << '\n';
    }
    {
        std::ofstream f(od.temp("report.csv"), std::ios::binary);
        f << c.str();
        if (!f) throw Failure(op + ": cannot write report.csv in '" + opt.out + "'");
    }
    r.report["outputs"] = {"connectivity.gpkg", "report.json", "report.csv"};
    if (opt.html) r.report["outputs"].push_back("report.html");
    // corridors / barriers layers, links fields, GeoTIFFs, corridors.csv, report sections (pipeline_pattern.h)
    write_pattern_outputs(od, gpkg_tmp, r.patches, r.links, r.pattern, r.report, r.report, op);
    rss_trace("pattern outputs");
    if (opt.html) {  // report.html (report/connectivity_html.h), after the pattern sections are in the report
        std::vector<const OGRGeometry*> pg(polys.size());
        for (std::size_t k = 0; k < polys.size(); ++k) pg[k] = polys[k].get();
        od.write_text("report.html", report::connectivity_html(r, pg));
    } else {
        od.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    }
    {
        std::ofstream f(od.temp("report.json"), std::ios::binary);
        f << r.report.dump(1) << "\n";
        if (!f) throw Failure(op + ": cannot write report.json in '" + opt.out + "'");
    }
    od.commit();
    rss_trace("done");
    for (const auto& n : od.names()) r.files.push_back(od.final_path(n));
    progress.report(1.0, "done");
    return r;
}

}  // namespace eco::graph
