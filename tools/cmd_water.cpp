// ecoshield water: outfalls and monitoring stations against water and marine functional zones.
#include "catalog/catalog.h"
#include "checks/project.h"
#include "checks/water.h"
#include "cli.h"
#include "core/error.h"
#include "report/screen_report.h"
#include "report/water_report.h"

namespace {

struct WaterArgs {
    std::string project, outlets, out = "out/water", assume_crs;
    std::vector<std::string> layers;
    bool no_html = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto a = std::make_shared<WaterArgs>();
    const auto& spec = eco::checks::water_spec();
    CLI::App* sub = app.add_subcommand("water", spec.help);
    sub->add_option("--project", a->project, "project file (JSON) naming the layers; default: the bundled Taizhou demo project, unless --outlets is given");
    sub->add_option("--outlets", a->outlets, "outfall / station layer FILE[:LAYER] (points, kind outlet); default: the project's");
    sub->add_option("--layer", a->layers,
                    "layer KIND=FILE[:LAYER] (water_zone, marine_zone, water_source, redline), repeatable; adds to or replaces the project's");
    sub->add_option("--out", a->out, "output directory (default out/water)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for layers that have none (e.g. EPSG:4490)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        checks::Project p;
        if (!a->project.empty()) p = checks::load_project(a->project, "water");
        else if (a->outlets.empty()) p = checks::load_project(checks::demo_project_path(), "water");
        else p.name = "command line";
        if (!a->outlets.empty()) p.layers["outlet"] = io::parse_source(a->outlets);
        checks::apply_layer_options(p, a->layers, "water", "water_zone=zones.gpkg:water_zone");
        checks::apply_source_options(p, "", a->assume_crs, false);
        checks::apply_project_work_crs(p, a->params);
        auto r = checks::run_water(checks::water_input_from_project(p), a->params, cli::make_progress(g));
        report::WaterReportOptions ro;
        ro.html = !a->no_html;
        auto written = report::write_water_outputs(*r, a->out, ro, cli::make_progress(g));
        std::string line = "assigned " + std::to_string(r->points.size()) + " points (working CRS " + r->work_crs_label + "):";
        for (const auto& [k, v] : r->by_zone_kind) line += " " + k + " " + std::to_string(v);
        cli::say(g, line);
        line = "compliance:";
        for (const auto& [k, v] : r->by_compliance) line += " " + k + " " + std::to_string(v);
        cli::say(g, line);
        for (const auto& P : r->points)
            if (P.compliance == "exceeds")
                cli::say(g, "exceeds: " + P.id + " " + P.name + " measured " + checks::water_class_zh(P.measured) + ", target " +
                                checks::water_class_zh(P.target) + " (" + P.zone_code + " " + P.zone_name + ")");
        for (const auto& f : r->flags) cli::say(g, "flag: " + r->points[f.point].id + " " + f.flag + " (" + f.feature_code + " " + f.feature_name + ")");
        double ov = 0;
        for (const auto& o : r->overlaps) ov += o.area_m2;
        if (r->redlines.present)
            cli::say(g, std::to_string(r->overlaps.size()) + " water zone - redline overlap(s), " + report::num(ov / 10000, 2) + " ha");
        for (const auto& n : r->notes) cli::say(g, "note: " + n);
        for (const auto& w : written) cli::say(g, "wrote " + w);
    });
}

}  // namespace

ECOSHIELD_COMMAND(35, setup);
