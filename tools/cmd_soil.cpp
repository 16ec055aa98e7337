// ecoshield soil: listed soil risk parcels against sensitive receptors; farmland soil classes per county.
#include "catalog/catalog.h"
#include "checks/project.h"
#include "checks/soil.h"
#include "cli.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/units.h"
#include "report/screen_report.h"
#include "report/soil_report.h"

namespace {

struct SoilArgs {
    std::string project, parcels, receptors, out = "out/soil", assume_crs;
    std::vector<std::string> layers;
    bool no_html = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto a = std::make_shared<SoilArgs>();
    const auto& spec = eco::checks::soil_spec();
    CLI::App* sub = app.add_subcommand("soil", spec.help);
    sub->add_option("--project", a->project, "project file (JSON) naming the layers; default: the bundled Taizhou demo project, unless --parcels is given");
    sub->add_option("--parcels", a->parcels, "soil risk parcel layer FILE[:LAYER] (kind soil_parcel); default: the project's");
    sub->add_option("--receptors", a->receptors,
                    "sensitive receptor layer FILE[:LAYER] (kind receptor); default: the project's, or layers/demo/receptors.gpkg with the demo project");
    sub->add_option("--layer", a->layers,
                    "layer KIND=FILE[:LAYER] (water_source, farmland_soil, admin, receptor), repeatable; adds to or replaces the project's");
    sub->add_option("--out", a->out, "output directory (default out/soil)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for layers that have none (e.g. EPSG:4490)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        checks::Project p;
        const bool demo = a->project.empty() && a->parcels.empty();
        if (!a->project.empty()) p = checks::load_project(a->project, "soil");
        else if (demo) p = checks::load_project(checks::demo_project_path(), "soil");
        else p.name = "command line";
        if (demo && !p.layers.count("receptor")) p.layers["receptor"] = io::parse_source(data_path("layers/demo/receptors.gpkg") + ":receptor");
        if (!a->parcels.empty()) p.layers["soil_parcel"] = io::parse_source(a->parcels);
        if (!a->receptors.empty()) p.layers["receptor"] = io::parse_source(a->receptors);
        checks::apply_layer_options(p, a->layers, "soil", "admin=counties.gpkg:admin");
        checks::apply_source_options(p, "", a->assume_crs, false);
        checks::apply_project_work_crs(p, a->params);
        auto r = checks::run_soil(checks::soil_input_from_project(p), a->params, cli::make_progress(g));
        report::SoilReportOptions ro;
        ro.html = !a->no_html;
        auto written = report::write_soil_outputs(*r, a->out, ro, cli::make_progress(g));
        long long listed = 0;
        for (const auto& P : r->results) listed += P.listed;
        cli::say(g, "measured " + std::to_string(r->results.size()) + " parcels (" + std::to_string(listed) + " listed) against " +
                        std::to_string(r->receptors.size()) + " receptors (working CRS " + r->work_crs_label + ")");
        for (const auto& P : r->results) {
            if (!P.listed) continue;
            std::string line = P.code + " " + P.name + ":";
            for (size_t k = 0; k < 4; ++k)
                if (P.nearest[k].receptor >= 0)
                    line += " " + checks::kReceptorKinds[k] + " " + report::num(P.nearest[k].distance_m, 0) + " m";
            if (!P.flags.empty()) {
                line += " [";
                for (size_t i = 0; i < P.flags.size(); ++i) line += (i ? ", " : "") + P.flags[i];
                line += "]";
            }
            cli::say(g, line);
        }
        if (r->farmland.present) {
            std::string line = "farmland " + report::num(units::m2_to_ha(r->farmland_total.area), 1) + " ha:";
            for (const auto& [c, cell] : r->class_total)
                line += " " + c + " " + report::num(100 * cell.area / r->farmland_total.area, 1) + " %";
            cli::say(g, line);
        }
        for (const auto& n : r->notes) cli::say(g, "note: " + n);
        for (const auto& w : written) cli::say(g, "wrote " + w);
    });
}

}  // namespace

ECOSHIELD_COMMAND(36, setup);
