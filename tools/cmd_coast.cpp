// ecoshield coast: shoreline statistics and the natural shoreline retention ratio.
#include "checks/coast.h"
#include "cli.h"
#include "core/error.h"
#include "core/paths.h"
#include "report/coast_report.h"
#include "report/screen_report.h"

namespace {

struct CoastArgs {
    std::string coastline, old, bay, out = "out/coast", assume_crs;
    bool no_html = false, no_bay = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto a = std::make_shared<CoastArgs>();
    const auto& spec = eco::checks::coast_spec();
    CLI::App* sub = app.add_subcommand("coast", spec.help);
    sub->add_option("COASTLINE", a->coastline, "coastline layer FILE[:LAYER] (lines); default: the demo coastline");
    sub->add_option("--old", a->old, "an earlier version of the coastline FILE[:LAYER]: change in length per type and the segments that "
                                     "turned natural -> artificial (matched by position)");
    sub->add_option("--bay", a->bay, "bay layer FILE[:LAYER] (polygons) for figures per bay; default with no COASTLINE: the demo bay layer");
    sub->add_flag("--no-bay", a->no_bay, "no figures per bay");
    sub->add_option("--out", a->out, "output directory (default out/coast)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for a layer that has none (e.g. EPSG:4490)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        checks::CoastInput in;
        in.coastline = a->coastline.empty() ? io::parse_source(data_path("layers/demo/taizhou_demo.gpkg") + ":coastline")
                                            : io::parse_source(a->coastline);
        if (!a->old.empty()) in.old_coastline = io::parse_source(a->old);
        if (!a->bay.empty()) in.bay = io::parse_source(a->bay);
        else if (a->coastline.empty()) in.bay = io::parse_source(data_path("layers/demo/taizhou_demo.gpkg") + ":bay");
        if (a->no_bay) in.bay.reset();
        if (!a->assume_crs.empty()) {
            in.coastline.assume_crs = a->assume_crs;
            if (in.old_coastline) in.old_coastline->assume_crs = a->assume_crs;
            if (in.bay) in.bay->assume_crs = a->assume_crs;
        }
        auto r = checks::run_coast(in, a->params, cli::make_progress(g));
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
        for (const auto& b : r->bays)
            cli::say(g, "bay " + b.code + " " + b.name + ": mainland " + report::num(b.figures.total / 1000, 2) + " km, natural + restored " +
                            (b.figures.total > 0 ? report::num(100 * b.figures.ratio(), 1) + " %" : "n/a") + ", islands " +
                            report::num(b.figures.island_total / 1000, 2) + " km");
        if (r->old) {
            double n2a = 0, a2n = 0;
            for (const auto& c : r->changes) (c.change == "natural_to_artificial" ? n2a : a2n) += c.length;
            cli::say(g, "versions: natural " + report::num(100 * r->old->overall.ratio(), 2) + " % -> " + report::num(100 * f.ratio(), 2) +
                            " %; natural -> artificial " + report::num(n2a, 1) + " m, artificial -> natural " + report::num(a2n, 1) + " m in " +
                            std::to_string(r->changes.size()) + " piece(s)");
        }
        for (const auto& n : r->notes) cli::say(g, "note: " + n);
        for (const auto& w : written) cli::say(g, "wrote " + w);
    });
}

}  // namespace

ECOSHIELD_COMMAND(32, setup);
