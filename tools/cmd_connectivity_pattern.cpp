// ecoshield connectivity corridors | pinch | barriers: one step of the ecological security pattern
// (engine/graph/pipeline_pattern.h). A thin shell: parse, call, print.
#include <cstdio>
#include <memory>
#include <sstream>

#include "cli.h"
#include "core/error.h"
#include "graph/pipeline_pattern.h"

namespace {

void add_step(CLI::App& grp, const eco::cli::Globals& g, const std::string& step) {
    const auto& spec = eco::graph::pattern_spec(step);
    auto* sub = grp.add_subcommand(step, spec.help);
    auto given = std::make_shared<nlohmann::json>(nlohmann::json::object());
    eco::cli::add_params(*sub, spec, *given);
    // capture pointers: the references g and spec are parameters/locals of this function
    const eco::cli::Globals* gp = &g;
    const eco::OpSpec* sp = &spec;
    sub->callback([given, gp, sp, step] {
        const auto& g = *gp;
        const auto& spec = *sp;
        auto p = eco::resolve_params(spec, *given);
        auto r = eco::graph::pattern_command(step, p, eco::Progress(eco::cli::make_progress(g)));
        const auto& c = r.result.corridors;
        std::ostringstream s;
        s << spec.name << ": " << r.patches << " patches, " << r.links << " links, " << c.corridors.size()
          << " corridors (width " << eco::cli::num(c.width) << " cost units)";
        if (r.report.contains("note")) s << "\n  " << r.report["note"].get<std::string>();
        if (step == "pinch") {
            s << "\n  effective resistance per link:";
            for (std::size_t k = 0; k < c.corridors.size() && k < 8; ++k)
                s << "  " << c.corridors[k].u + 1 << "-" << c.corridors[k].v + 1 << " " << eco::cli::num(r.result.pinch.link[k].r_eff, 5);
            if (r.result.pinch.failed) s << "\n  " << r.result.pinch.failed << " corridor(s) without a circuit (see report.json)";
        }
        if (step == "barriers") {
            s << "\n  top barriers (score = cost saved per m restored):";
            for (std::size_t k = 0; k < r.result.barriers.top.size() && k < 5; ++k) {
                const auto& w = r.result.barriers.top[k];
                s << "  #" << k + 1 << " " << eco::cli::num(w.score, 5) << " (R " << w.radius << ")";
            }
        }
        s << "\n  -> " << p.at("out").get<std::string>() << "/";
        for (std::size_t i = 0; i < r.files.size(); ++i) {
            const auto slash = r.files[i].find_last_of('/');
            s << (i ? "," : "{") << r.files[i].substr(slash == std::string::npos ? 0 : slash + 1);
        }
        s << "}";
        eco::cli::say(g, s.str());
    });
}

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto* grp = eco::cli::command_group(app, "connectivity");
    for (const char* step : {"corridors", "pinch", "barriers"}) add_step(*grp, g, step);
}

ECOSHIELD_COMMAND(62, setup);

}  // namespace
