// ecoshield redline audit: quality control of a redline layer before it is submitted
// (engine/checks/redline_audit.h). A thin shell: parse, call, print. Exit status 0 when the layer
// is fit to submit, 3 when the audit completed and found blocking faults (2 bad input, 1 failure).
#include <cstdlib>
#include <filesystem>
#include <map>

#include "checks/project.h"
#include "checks/redline_audit.h"
#include "cli.h"
#include "core/error.h"
#include "core/paths.h"
#include "core/units.h"
#include "report/audit_report.h"
#include "report/screen_report.h"

namespace {

// The audit completed and found blocking faults: main prints the one line and exits with status 3.
class NotFit : public eco::Error {
public:
    using eco::Error::Error;
    int exit_code() const override { return eco::checks::kAuditNotFitStatus; }
};

struct AuditArgs {
    std::string layer, admin, project, out = "out/redline_audit", assume_crs, encoding;
    bool no_html = false, no_admin = false;
    nlohmann::json params = nlohmann::json::object();
};

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto* grp = eco::cli::command_group(app, "redline");
    auto a = std::make_shared<AuditArgs>();
    const auto& spec = eco::checks::redline_audit_spec();
    CLI::App* sub = grp->add_subcommand("audit", spec.help + ". Exit status 0: fit to submit; 3: blocking faults found");
    sub->add_option("LAYER", a->layer, "the redline layer FILE[:LAYER]; default: the project's redline layer, or the demo's");
    sub->add_option("--admin", a->admin, "the admin boundary layer FILE[:LAYER]; default: the project's admin layer (the demo's with no LAYER)");
    sub->add_option("--project", a->project, "a project file (docs/formats.md section 2) naming the redline and admin layers");
    sub->add_flag("--no-admin", a->no_admin, "do not check patches against an admin boundary");
    sub->add_option("--out", a->out, "output directory (default out/redline_audit)");
    sub->add_option("--assume-crs", a->assume_crs, "CRS for layers that have none (e.g. EPSG:4490)");
    sub->add_option("--encoding", a->encoding, "encoding of a shapefile without .cpg (e.g. GBK)");
    sub->add_flag("--no-html", a->no_html, "do not write report.html");
    eco::cli::add_params(*sub, spec, a->params);
    sub->callback([a, &g] {
        using namespace eco;
        io::LayerSource red;
        std::optional<io::LayerSource> adm;
        if (!a->project.empty() || a->layer.empty()) {
            const std::string pf = a->project.empty() ? checks::demo_project_path() : a->project;
            checks::Project p = checks::load_project(pf, "redline audit");
            auto it = p.layers.find("redline");
            if (a->layer.empty()) {
                if (it == p.layers.end())
                    throw BadInput("redline audit: project '" + pf + "' names no redline layer; add one under \"layers\" or pass LAYER");
                red = it->second;
            }
            auto ia = p.layers.find("admin");
            if (ia != p.layers.end()) adm = ia->second;
            checks::apply_project_work_crs(p, a->params);
        }
        if (!a->layer.empty()) red = io::parse_source(a->layer);
        if (!a->admin.empty()) adm = io::parse_source(a->admin);
        if (a->no_admin) adm.reset();
        if (!a->assume_crs.empty()) {
            red.assume_crs = a->assume_crs;
            if (adm) adm->assume_crs = a->assume_crs;
        }
        if (!a->encoding.empty()) red.encoding = a->encoding;
        auto r = checks::run_redline_audit(red, adm, a->params, cli::make_progress(g));
        report::AuditReportOptions ro;
        ro.html = !a->no_html;
        auto written = report::write_redline_audit_outputs(*r, a->out, ro, cli::make_progress(g));
        std::map<std::string, int> count;
        for (const auto& f : r->faults) ++count[f.kind];
        std::string kinds;
        for (const auto& k : checks::audit_fault_kinds())
            if (count[k]) kinds += (kinds.empty() ? "" : ", ") + std::to_string(count[k]) + " " + k;
        cli::say(g, "audited " + std::to_string(r->layer.features.size()) + " patches in " + report::num(r->seconds, 1) +
                        " s (working CRS " + r->work_crs_label + "): " + std::to_string(r->faults.size()) + " problems" +
                        (kinds.empty() ? "" : " (" + kinds + ")"));
        for (size_t q = 0; q < r->faults.size() && q < 40; ++q) {
            const auto& f = r->faults[q];
            cli::say(g, "  #" + std::to_string(q + 1) + " " + f.kind + (f.blocking ? "" : " (warning)") + " " +
                            (f.fid >= 0 ? "fid " + std::to_string(f.fid) + " " : "") + (f.code.empty() ? "" : "(" + f.code + ") ") +
                            f.message);
        }
        if (r->faults.size() > 40) cli::say(g, "  ... " + std::to_string(r->faults.size() - 40) + " more in report.csv");
        cli::say(g, "total " + report::num(units::m2_to_ha(r->overall.area), 2) + " ha planar, " +
                        report::num(units::m2_to_ha(r->overall.area_ell), 2) + " ha ellipsoidal in " +
                        std::to_string(r->overall.patches) + " patches");
        for (const auto& note : r->notes) cli::say(g, "note: " + note);
        for (const auto& w : written) cli::say(g, "wrote " + w);
        if (r->fit()) {
            cli::say(g, "fit to submit");
            return;
        }
        std::fflush(stdout);
        throw NotFit("redline audit: the layer is NOT fit to submit: " + std::to_string(r->blocking_faults()) +
                     (r->blocking_faults() == 1 ? " blocking problem; see " : " blocking problems; see ") + a->out + "/report.csv (exit status " + std::to_string(checks::kAuditNotFitStatus) + ")");
    });
}

}  // namespace

ECOSHIELD_COMMAND(33, setup);
