// ecoshield redline diff: what changed between two versions of the redline layer.
#include <filesystem>
#include <optional>

#include "checks/redline_diff.h"
#include "cli.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/units.h"
#include "report/diff_report.h"
#include "report/screen_report.h"

namespace {

struct DiffArgs {
    std::string old_layer, new_layer, out = "out/redline_diff", assume_crs, admin;
    bool no_html = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    CLI::App* red = eco::cli::command_group(app, "redline");
    auto a = std::make_shared<DiffArgs>();
    const auto& spec = eco::checks::redline_diff_spec();
    CLI::App* sub = red->add_subcommand("diff", spec.help);
    sub->add_option("OLD", a->old_layer, "the base version FILE[:LAYER]; default: the demo redline layer");
    sub->add_option("NEW", a->new_layer, "the new version FILE[:LAYER]; default: layers/demo/redline_2025.gpkg");
    sub->add_option("--out", a->out, "output directory (default out/redline_diff)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for layers that have none (e.g. EPSG:4490)");
    sub->add_option("--admin", a->admin,
                    "admin layer FILE[:LAYER]: counties from intersecting with its polygons (field name/XZQMC) instead of the patches' "
                    "county field; the area no unit covers is the row 'uncovered' (default on the demo: the demo admin layer; 'none': "
                    "the county field)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        io::LayerSource o, n;
        std::optional<io::LayerSource> admin;
        if (a->old_layer.empty() && a->new_layer.empty()) {
            o = io::parse_source(data_path("layers/demo/taizhou_demo.gpkg") + ":redline");
            const std::string second = data_path("layers/demo/redline_2025.gpkg");
            if (!std::filesystem::exists(second))
                throw BadInput("redline diff: the demo's second redline version '" + second +
                               "' is missing; run layers/demo/make_redline_2025.sh to write it, or pass OLD and NEW");
            n = io::parse_source(second + ":redline");
            if (a->admin.empty()) admin = io::parse_source(data_path("layers/demo/taizhou_demo.gpkg") + ":admin");
        } else if (a->old_layer.empty() || a->new_layer.empty()) {
            throw BadInput("redline diff: give both versions, e.g. ecoshield redline diff redline_2020.gpkg redline_2025.gpkg");
        } else {
            o = io::parse_source(a->old_layer);
            n = io::parse_source(a->new_layer);
        }
        if (!a->admin.empty() && a->admin != "none") admin = io::parse_source(a->admin);
        if (!a->assume_crs.empty()) {
            o.assume_crs = n.assume_crs = a->assume_crs;
            if (admin) admin->assume_crs = a->assume_crs;
        }
        auto r = checks::run_redline_diff(o, n, a->params, cli::make_progress(g), admin);
        report::DiffReportOptions ro;
        ro.html = !a->no_html;
        auto written = report::write_redline_diff_outputs(*r, a->out, ro, cli::make_progress(g));
        const auto& d = r->overall;
        auto ha = [](double m2) { return report::num(units::m2_to_ha(m2), 4) + " ha"; };
        cli::say(g, "compared " + std::to_string(r->old_v.layer.features.size()) + " old with " + std::to_string(r->new_v.layer.features.size()) +
                        " new patches in " + report::num(r->seconds, 1) + " s (working CRS " + r->work_crs_label + "; counties from the " +
                        r->county_source + ")");
        cli::say(g, "old " + ha(d.old_area) + ", new " + ha(d.new_area) + ": added " + ha(d.added) + ", removed " + ha(d.removed) +
                        ", edge adjustments +" + ha(d.edge_added) + " / -" + ha(d.edge_removed) + " (planar)");
        std::string dec;
        for (const auto& [k, f] : r->by_county)
            if (!f.not_decreased()) dec += (dec.empty() ? "" : ", ") + k;
        cli::say(g, std::string("redline area not decreased: ") + (d.not_decreased() ? "PASS" : "FAIL") + " overall (change " + ha(d.change()) +
                        ")" + (dec.empty() ? "" : "; decreased in " + dec));
        for (const auto& note : r->notes) cli::say(g, "note: " + note);
        for (const auto& w : written) cli::say(g, "wrote " + w);
    });
}

}  // namespace

ECOSHIELD_COMMAND(31, setup);
