// ecoshield connectivity run: the ecological security pattern from a land cover raster (sources,
// least-cost links, PC/dPC), engine/graph/pipeline_run.h. A thin shell: parse, call, print.
#include <cmath>
#include <cstdio>
#include <memory>
#include <numeric>
#include <sstream>

#include "cli.h"
#include "core/error.h"
#include "graph/pipeline_run.h"

namespace {

// Finds or creates the `connectivity` group (same as in cmd_connectivity.cpp).
CLI::App* connectivity_group(CLI::App& app) {
    for (CLI::App* s : app.get_subcommands([](CLI::App*) { return true; }))
        if (s->get_name() == "connectivity") return s;
    auto* grp = app.add_subcommand("connectivity",
                                   "habitat connectivity: graph metrics (IIC, PC, dPC), and the raster pipeline steps");
    grp->require_subcommand(1);
    return grp;
}

std::string num(double v, int prec = 6) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*g", prec, v);
    return b;
}

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto* grp = connectivity_group(app);
    const auto& spec = eco::graph::run_spec();
    auto* sub = grp->add_subcommand("run", spec.help);
    auto given = std::make_shared<nlohmann::json>(nlohmann::json::object());
    eco::cli::add_params(*sub, spec, *given);
    sub->callback([given, &g, &spec] {
        auto p = eco::resolve_params(spec, *given);
        auto opt = eco::graph::run_options(p);
        auto r = eco::graph::connectivity_run(opt, eco::Progress(eco::cli::make_progress(g)));
        const auto& m = r.metrics;
        std::ostringstream s;
        s << "connectivity run: " << r.patches.count() << " patches (" << num(r.patches.habitat_cells * r.patches.grid.cell_area() / 1e4)
          << " ha of habitat, " << r.patches.dropped_patches << " below the minimum area), " << m.links << " links, "
          << m.components << " component" << (m.components == 1 ? "" : "s") << "\n";
        if (r.patches.count() == 1)
            s << "  only one habitat patch: no links, corridors or barriers; lower "
                 "--min-area or add habitat classes\n";
        s << "  IIC " << num(m.iic) << "   PC " << num(m.pc) << "   EC(PC) " << num(m.ec_pc) << " m2\n";
        s << "  top patches by dPC (%):";
        std::vector<std::size_t> order(r.rank.size());
        for (std::size_t v = 0; v < r.rank.size(); ++v) order[r.rank[v] - 1] = v;
        for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
            s << "  " << order[i] + 1 << " " << num(m.node[order[i]].dPC, 4);
        s << "\n  ->";
        for (const auto& f : r.files) s << " " << f;
        eco::cli::say(g, s.str());
    });
}

ECOSHIELD_COMMAND(61, setup);

}  // namespace
