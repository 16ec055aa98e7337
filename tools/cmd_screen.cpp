// ecoshield screen: proposed sites against redlines and every constraint layer.
#include <chrono>
#include <cstdio>
#include <map>

#include "catalog/catalog.h"

#include "checks/project.h"
#include "checks/screen.h"
#include "cli.h"
#include "core/error.h"
#include "report/screen_report.h"

namespace {

struct ScreenArgs {
    std::string project, sites, out = "out/screen", encoding, assume_crs;
    std::vector<std::string> layers;
    bool from_gcj02 = false, no_html = false, no_context = false;
    std::string rings = "auto";
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto a = std::make_shared<ScreenArgs>();
    const auto& spec = eco::checks::screen_spec();
    CLI::App* sub = app.add_subcommand("screen", spec.help);
    sub->add_option("--project", a->project, "project file (JSON) naming the layers; default: the bundled Taizhou demo project");
    sub->add_option("--sites", a->sites, "site layer FILE[:LAYER] (points, lines, polygons); default: the project's");
    sub->add_option("--layer", a->layers, "constraint layer KIND=FILE[:LAYER], repeatable; adds to or replaces the project's");
    sub->add_option("--out", a->out, "output directory (default out/screen)");
    sub->add_option("--encoding", a->encoding, "text encoding of the site layer when it has no .cpg (e.g. GBK)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for layers that have none (e.g. EPSG:4490)");
    sub->add_flag("--from-gcj02", a->from_gcj02, "the site coordinates are GCJ-02 (Chinese web maps): convert them to WGS84");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    sub->add_flag("--no-context", a->no_context, "do not copy nearby constraint features into screen.gpkg");
    sub->add_option("--rings", a->rings, "buffer ring polygons in screen.gpkg: all, none, or auto (all up to 5000 sites; the ring figures are always in the reports)")
        ->check(CLI::IsMember({"auto", "all", "none"}));
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        checks::Project p;
        if (!a->project.empty()) p = checks::load_project(a->project, "screen");
        else if (a->layers.empty()) p = checks::load_project(checks::demo_project_path(), "screen");
        else p.name = "command line";
        if (!a->sites.empty()) p.sites = io::parse_source(a->sites);
        checks::apply_layer_options(p, a->layers, "screen", "redline=redlines.gpkg:redline");
        checks::apply_source_options(p, a->encoding, a->assume_crs, a->from_gcj02);
        auto result = checks::run_screen(std::move(p), a->params, cli::make_progress(g));
        report::ScreenReportOptions ro;
        ro.html = !a->no_html;
        ro.context = !a->no_context;
        ro.rings = a->rings;
        if (a->rings == "auto" && result->results.size() > ro.rings_max_sites)
            cli::say(g, "note: " + std::to_string(result->results.size()) + " sites: buffer ring polygons not written (pass --rings all to write them)");
        auto t0 = std::chrono::steady_clock::now();
        auto written = report::write_screen_outputs(*result, a->out, ro, cli::make_progress(g));
        result->timings.emplace_back("write", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        std::map<std::string, int> counts;
        for (const auto& s : result->results) counts[s.verdict]++;
        cli::say(g, "screened " + std::to_string(result->results.size()) + " sites against " + std::to_string(result->layers.size()) +
                        " layers in " + report::num(result->seconds, 1) + " s (working CRS " + result->work_crs_label + ")");
        std::string times = "time:";
        for (const auto& [phase, sec] : result->timings) times += " " + phase + " " + report::num(sec, 2) + " s";
        cli::say(g, times);
        std::string line = "verdicts:";
        for (const auto& v : checks::verdicts()) line += " " + v + " " + std::to_string(counts[v]);
        cli::say(g, line);
        size_t issues = result->sites.issues.size();
        for (const auto& L : result->layers) issues += L.layer.issues.size();
        if (issues) cli::say(g, std::to_string(issues) + " input features repaired or rejected: see the 'repairs' layer and report.json");
        for (const auto& n : result->notes) cli::say(g, "note: " + n);
        for (const auto& w : written) cli::say(g, "wrote " + w);
        // the process ends here: freeing the result (a million small allocations at 100,000
        // sites: about 2 % of the run) buys nothing, the system takes the memory back at exit
        (void)result.release();
    });
}

}  // namespace

ECOSHIELD_COMMAND(10, setup);
