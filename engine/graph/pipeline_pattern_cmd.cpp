// `connectivity corridors|pinch|barriers` (see pipeline_pattern.h): patches from a land cover raster,
// resistance from a class table or a resistance raster, least-cost links, then one pattern step.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "core/error.h"
#include "graph/pipeline_pattern.h"
#include "raster/raster_io.h"
#include "raster/raster_reclass.h"
#include "raster/raster_record.h"
#include "report/out_dir.h"

namespace eco::graph {

namespace {

OpSpec make_spec(const std::string& step) {
    using T = ParamSpec::Type;
    const std::map<std::string, std::string> what{
        {"corridors", "normalized least-cost corridors (Linkage Mapper) between habitat patches: corridors.gpkg "
                      "(links, corridors), corridors.tif, corridors.csv, report.json"},
        {"pinch", "pinch points: circuit theory (Circuitscape conventions) inside each least-cost corridor: pinch.gpkg "
                  "(links with r_eff, corridors), current.tif, corridors.tif, corridors.csv, report.json"},
        {"barriers", "barriers (McRae et al. 2012, Barrier Mapper): restoration windows that most shorten the least-cost "
                     "distances: barriers.gpkg (links, corridors, barriers), barriers.tif, corridors.csv, report.json"}};
    OpSpec s{"connectivity " + step,
             what.at(step),
             {
                 {"landcover", T::String, nullptr, {}, {}, "",
                  "land cover raster (integer classes); default: the Taizhou demo layers/demo/landcover_demo.tif with "
                  "--classes 3 --table china_landuse_3diao --min-area 1000000 --links planar (as connectivity run; "
                  "apply_demo_defaults)"},
                 {"classes", T::NumberList, nullptr, {}, {}, "", "habitat classes (the patches), comma separated"},
                 {"table", T::String, nullptr, {}, {}, "",
                  "resistance table (class,name,resistance): a file or a name in layers/resistance/"},
                 {"resistance", T::String, nullptr, {}, {}, "",
                  "resistance raster on the land cover's grid (instead of --table); nodata = impassable"},
                 {"connectivity", T::Integer, 8, 4.0, 8.0, "", "patch connectivity: 4 or 8"},
                 {"min-area", T::Number, nullptr, 0.0, {}, "m2", "minimum patch area in m2 (default 0; demo: 1000000 = 100 ha)"},
                 {"links", T::String, nullptr, {}, {}, "", "complete or planar (as connectivity run; default complete, demo: planar)"},
                 {"max-distance", T::Number, nullptr, 0.0, {}, "cost units", "drop links costlier than this"},
                 {"knight", T::Bool, false, {}, {}, "", "16 neighbours (knight's moves) in the cost searches"},
                 {"assume-crs", T::String, nullptr, {}, {}, "", "CRS of a raster that has none"},
                 {"out", T::String, "connectivity_" + step + "_out", {}, {}, "", "output directory"},
             }};
    for (const auto& p : pattern_params())
        if (p.name.rfind("no-", 0) != 0) s.params.push_back(p);
    return s;
}

Resistance resistance_raster(const std::string& path, const LandCover& lc, const std::string& op,
                             const std::string& assume_crs) {
    raster::RasterReader rd(path, op, "resistance raster", assume_crs);
    raster::require_same_grid(lc.grid, rd.grid(), op, "the land cover raster", "the resistance raster '" + path + "'");
    const auto n = static_cast<std::size_t>(lc.grid.cells());
    Resistance out;
    out.r.assign(n, 0.f);
    rd.read(raster::Window{0, 0, lc.grid.width, lc.grid.height}, out.r.data());
    out.min = std::numeric_limits<double>::infinity();
    out.max = 0;
    for (std::size_t i = 0; i < n; ++i) {
        float& v = out.r[i];
        if (std::isnan(v) || rd.is_nodata(v)) {
            v = std::numeric_limits<float>::quiet_NaN();
            continue;
        }
        if (!(v > 0))
            throw BadInput(op + ": the resistance raster '" + path + "' has " + std::to_string(v) + " at row " +
                           std::to_string(i / lc.grid.width) + ", column " + std::to_string(i % lc.grid.width) +
                           "; resistances must be > 0 (set impassable cells to nodata)");
        out.min = std::min(out.min, static_cast<double>(v));
        out.max = std::max(out.max, static_cast<double>(v));
    }
    if (!std::isfinite(out.min)) out.min = out.max = 0;
    return out;
}

// The GeoPackage with the links layer (the same writer as connectivity run's, write_links_layer), before
// write_pattern_outputs adds the corridors and barriers.
void write_links_gpkg(const std::string& path, const Patches& p, const LinksResult& links, const PatternResult& r,
                      const std::string& op) {
    io::gdal_init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    CPLPushErrorHandler(CPLQuietErrorHandler);  // the temporary name does not end in .gpkg: GDAL warns
    io::Dataset ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    CPLPopErrorHandler();
    if (!ds) throw Failure(op + ": cannot create the GeoPackage '" + path + "': " + CPLGetLastErrorMsg());
    write_links_layer(*ds, p, links, nullptr, &r, op);
}

}  // namespace

const OpSpec& pattern_spec(const std::string& step) {
    static const OpSpec c = make_spec("corridors"), p = make_spec("pinch"), b = make_spec("barriers");
    if (step == "corridors") return c;
    if (step == "pinch") return p;
    if (step == "barriers") return b;
    throw Failure("connectivity: unknown pattern step '" + step + "'");
}

PatternRun pattern_command(const std::string& step, const nlohmann::json& params, const Progress& progress) {
    const OpSpec& spec = pattern_spec(step);
    const std::string op = spec.name;
    nlohmann::json prm = params;
    std::string note;
    if (apply_demo_defaults(prm))  // the same defaults as connectivity run (pipeline_patches.h)
        note = "no --landcover: the Taizhou demo land cover (ILLUSTRATIVE), forest patches of at least 100 ha, planar links";
    if (prm.at("min-area").is_null()) prm["min-area"] = 0.0;
    if (prm.at("links").is_null()) prm["links"] = "complete";
    if (prm.at("classes").is_null()) throw BadInput(op + ": give the habitat classes with --classes (e.g. --classes 4,5)");
    if (prm.at("table").is_null() == prm.at("resistance").is_null())
        throw BadInput(op + ": give either --table (resistance per land cover class) or --resistance (a raster), not both or neither");
    const std::string assume = prm.at("assume-crs").is_null() ? "" : prm.at("assume-crs").get<std::string>();
    const std::string lcpath = prm.at("landcover").get<std::string>();

    LandCover lc = read_land_cover(lcpath, op, assume);
    PatchOptions po;
    po.habitat_classes = habitat_classes(prm.at("classes"), op);
    po.connectivity = prm.at("connectivity").get<int>();
    po.min_area_m2 = prm.at("min-area").get<double>();
    Patches P = find_patches(lc, po, op);
    std::vector<raster::RunInput> inputs{{"landcover", lcpath}};
    Resistance res;
    if (!prm.at("table").is_null()) {
        const auto table = raster::read_reclass_table(raster::resolve_table_path(prm.at("table").get<std::string>()), op);
        res = resistance_from_table(lc, table, op);
        inputs.push_back({"resistance table", table.path});
    } else {
        const std::string rp = prm.at("resistance").get<std::string>();
        res = resistance_raster(rp, lc, op, assume);
        inputs.push_back({"resistance raster", rp});
    }
    progress.report(0.05, "patches");
    LinkOptions lo;
    lo.topology = prm.at("links").get<std::string>();
    if (!prm.at("max-distance").is_null()) lo.max_distance = prm.at("max-distance").get<double>();
    lo.knight = prm.at("knight").get<bool>();
    LinksResult links = patch_links(P, res, lo, op, progress.sub(0.05, 0.5));

    PatternOptions opt = pattern_options(prm, lo.knight, op);
    opt.pinch = step == "pinch";
    opt.barriers = step == "barriers";
    PatternRun out;
    out.patches = P.count();
    out.links = links.links.size();
    out.result = run_pattern(P, res, links, opt, op, progress.sub(0.5, 0.95));

    // Nothing to connect is not an error, but never silent: say why the outputs are empty.
    auto add_note = [&note](const std::string& s) { note += (note.empty() ? "" : "; ") + s; };
    if (P.count() == 1)
        add_note("only one habitat patch (of at least the minimum area): no links, so no corridors; lower --min-area or "
                 "add habitat classes");
    else if (links.links.empty())
        add_note("no links between the " + std::to_string(P.count()) +
                 " patches (unreachable through the resistance, or over --max-distance): no corridors");
    if (!links.links.empty() && opt.corridor.width == 0)
        add_note("--corridor-width 0: each corridor is only the cells on a least-cost path (ties included)");
    nlohmann::json record = raster::run_record(op, prm, inputs);
    nlohmann::json rep = record;
    if (!note.empty()) rep["note"] = note;
    rep["grid"] = lc.grid.describe();
    rep["sources"] = {{"patches", P.count()}, {"habitat_cells", P.habitat_cells}, {"resistance_min", res.min},
                      {"resistance_max", res.max}};
    rep["links"] = {{"count", links.links.size()}, {"unreachable_pairs", links.unreachable_pairs},
                    {"over_max_distance", links.over_max}};
    rep["outputs"] = nlohmann::json::array({step + ".gpkg"});
    report::OutputDir od(prm.at("out").get<std::string>(), op);
    const std::string gpkg = od.temp(step + ".gpkg");
    write_links_gpkg(gpkg, P, links, out.result, op);
    write_pattern_outputs(od, gpkg, P, links, out.result, record, rep, op);
    rep["outputs"].push_back("report.json");
    od.write_text("report.json", rep.dump(1) + "\n");
    od.commit();
    out.files = od.final_paths();
    out.report = std::move(rep);
    progress.report(1.0, "done");
    return out;
}

}  // namespace eco::graph
