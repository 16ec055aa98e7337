// ecoshield coast: shoreline statistics and the natural shoreline retention ratio.
#include "checks/coast.h"
#include "cli.h"
#include "core/error.h"
#include "core/paths.h"
#include "report/coast_report.h"
#include "report/screen_report.h"

namespace {

struct CoastArgs {
    std::string coastline, out = "out/coast", assume_crs;
    bool no_html = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto a = std::make_shared<CoastArgs>();
    const auto& spec = eco::checks::coast_spec();
    CLI::App* sub = app.add_subcommand("coast", spec.help);
    sub->add_option("COASTLINE", a->coastline, "coastline layer FILE[:LAYER] (lines); default: the demo coastline");
    sub->add_option("--out", a->out, "output directory (default out/coast)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for a layer that has none (e.g. EPSG:4490)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        io::LayerSource src = a->coastline.empty() ? io::parse_source(data_path("layers/demo/taizhou_demo.gpkg") + ":coastline")
                                                   : io::parse_source(a->coastline);
        if (!a->assume_crs.empty()) src.assume_crs = a->assume_crs;
        auto r = checks::run_coast(src, a->params, cli::make_progress(g));
        report::CoastReportOptions ro;
        ro.html = !a->no_html;
        auto written = report::write_coast_outputs(*r, a->out, ro, cli::make_progress(g));
        const auto& f = r->overall;
        cli::say(g, "measured " + std::to_string(r->segments.size()) + " shoreline segments (working CRS " + r->work_crs_label + "): mainland " +
                        report::num(f.total / 1000, 2) + " km, natural + restored " + report::num(100 * f.ratio(), 2) + " % (target " +
                        report::num(100 * r->target, 2) + " %): " + r->verdict(f) + "; islands " + report::num(f.island_total / 1000, 2) + " km");
        std::string below;
        for (const auto& [k, c] : r->by_county)
            if (r->verdict(c) == "fail") below += (below.empty() ? "" : ", ") + k + " " + report::num(100 * c.ratio(), 1) + " %";
        if (!below.empty()) cli::say(g, "below target: " + below);
        for (const auto& n : r->notes) cli::say(g, "note: " + n);
        for (const auto& w : written) cli::say(g, "wrote " + w);
    });
}

}  // namespace

ECOSHIELD_COMMAND(32, setup);
