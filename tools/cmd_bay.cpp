// ecoshield bay: one card per beautiful-bay segment.
#include "checks/bay.h"
#include "checks/project.h"
#include "cli.h"
#include "catalog/catalog.h"
#include "core/error.h"
#include "core/units.h"
#include "report/bay_report.h"
#include "report/screen_report.h"

namespace {

struct BayArgs {
    std::string project, out = "out/bay", assume_crs, encoding;
    std::vector<std::string> layers;
    bool no_html = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto a = std::make_shared<BayArgs>();
    const auto& spec = eco::checks::bay_spec();
    CLI::App* sub = app.add_subcommand("bay", spec.help);
    sub->add_option("--project", a->project,
                    "project file (JSON) naming the layers (bay, marine_zone, coastline; optional redline, soil_parcel, outlet); "
                    "default: the bundled Taizhou demo project");
    sub->add_option("--layer", a->layers, "layer KIND=FILE[:LAYER], repeatable; adds to or replaces the project's");
    sub->add_option("--out", a->out, "output directory (default out/bay)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for layers that have none (e.g. EPSG:4490)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        checks::Project p;
        if (!a->project.empty()) p = checks::load_project(a->project, "bay");
        else if (a->layers.empty()) p = checks::load_project(checks::demo_project_path(), "bay");
        else p.name = "command line";
        checks::apply_layer_options(p, a->layers, "bay", "bay=bays.gpkg:bay");
        checks::apply_source_options(p, "", a->assume_crs, false);
        checks::apply_project_work_crs(p, a->params);
        auto r = checks::run_bay(checks::bay_input(p), a->params, cli::make_progress(g));
        report::BayReportOptions ro;
        ro.html = !a->no_html;
        auto written = report::write_bay_outputs(*r, a->out, ro, cli::make_progress(g));
        cli::say(g, "bay cards for " + std::to_string(r->cards.size()) + " bays in " + report::num(r->seconds, 1) + " s (working CRS " +
                        r->work_crs_label + ")");
        for (const auto& b : r->cards)
            cli::say(g, b.code + " " + b.name + ": " + report::num(b.area / 1e6, 2) + " km2, good class " +
                            (b.sea > 0 ? report::num(100 * b.good_share(), 1) + " %" : "n/a") + ", natural shoreline " +
                            (b.shore.total > 0 ? report::num(100 * b.shore.ratio(), 1) + " % (" + r->verdict(b.shore) + ")" : "n/a") +
                            (r->redline ? ", redline " + report::num(100 * b.redline_share(), 1) + " %" : "") + ", " +
                            std::to_string(b.count("soil_parcel")) + " soil parcels, " + std::to_string(b.count("outfall")) + " outfalls, " +
                            std::to_string(b.count("station")) + " stations");
        for (const auto& n : r->notes) cli::say(g, "note: " + n);
        for (const auto& w : written) cli::say(g, "wrote " + w);
    });
}

}  // namespace

ECOSHIELD_COMMAND(34, setup);
