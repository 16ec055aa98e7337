// ecoshield tabulate: the area cross-table of two categorical polygon layers.
#include "checks/tabulate.h"
#include "cli.h"
#include "core/error.h"
#include "core/units.h"
#include "report/screen_report.h"
#include "report/tabulate_report.h"

namespace {

struct TabulateArgs {
    std::string a, b, out = "out/tabulate", assume_crs;
    bool no_html = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto a = std::make_shared<TabulateArgs>();
    const auto& spec = eco::checks::tabulate_spec();
    CLI::App* sub = app.add_subcommand("tabulate", spec.help);
    sub->add_option("A", a->a, "layer A FILE[:LAYER] (rows); default: the demo redline layer");
    sub->add_option("B", a->b, "layer B FILE[:LAYER] (columns); default: the demo admin layer");
    sub->add_option("--out", a->out, "output directory (default out/tabulate)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for layers that have none (e.g. EPSG:4490)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        checks::TabulateInput in;
        if (a->a.empty() && a->b.empty()) in = checks::demo_tabulate_input();
        else if (a->a.empty() || a->b.empty())
            throw BadInput("tabulate: give both layers A and B (or neither for the demo), e.g. ecoshield tabulate redline.gpkg admin.gpkg --by-a HXLX --by-b XZQMC");
        else {
            in.a = io::parse_source(a->a);
            in.b = io::parse_source(a->b);
        }
        if (!a->assume_crs.empty()) in.a.assume_crs = in.b.assume_crs = a->assume_crs;
        auto r = checks::run_tabulate(in, a->params, cli::make_progress(g));
        report::TabulateReportOptions ro;
        ro.html = !a->no_html;
        auto written = report::write_tabulate_outputs(*r, a->out, ro, cli::make_progress(g));
        cli::say(g, "tabulated " + std::to_string(r->A.layer.features.size()) + " features of A by " + r->A.field + " against " +
                        std::to_string(r->B.layer.features.size()) + " features of B by " + r->B.field + ": " + std::to_string(r->rows.size()) +
                        " rows x " + std::to_string(r->cols.size()) + " columns, " + std::to_string(r->pieces.size()) + " pieces in " +
                        report::num(r->seconds, 1) + " s (working CRS " + r->work_crs_label + ")");
        double outside_b = 0;
        for (const auto& [k, c] : r->cells)
            if (k.second == checks::kOutsideB) outside_b += c.area;
        cli::say(g, "A: " + report::num(units::m2_to_ha(r->A.sum_area), 4) + " ha planar (sum of features; " +
                        report::num(units::m2_to_ha(r->A.sum_area_ell), 4) + " ha ellipsoidal), of which " +
                        report::num(units::m2_to_ha(outside_b), 4) + " ha outside B and " +
                        report::num(units::m2_to_ha(r->A.self_overlap), 4) + " ha overlapping other A features");
        cli::say(g, std::string("totals reconcile within 1e-9: ") + (r->reconciled ? "yes" : "NO"));
        for (const auto& n : r->notes) cli::say(g, "note: " + n);
        for (const auto& w : written) cli::say(g, "wrote " + w);
    });
}

}  // namespace

ECOSHIELD_COMMAND(30, setup);
