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

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto* grp = eco::cli::command_group(app, "connectivity");
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
        s << "connectivity run: " << r.patches.count() << " patches (" << eco::cli::num(r.patches.habitat_cells * r.patches.grid.cell_area() / 1e4)
          << " ha of habitat, " << r.patches.dropped_patches << " below the minimum area), " << m.links << " links, "
          << m.components << " component" << (m.components == 1 ? "" : "s") << "\n";
        if (r.patches.count() == 1)
            s << "  only one habitat patch: no links, corridors or barriers; lower "
                 "--min-area or add habitat classes\n";
        s << "  IIC " << eco::cli::num(m.iic) << "   PC " << eco::cli::num(m.pc) << "   EC(PC) " << eco::cli::num(m.ec_pc) << " m2\n";
        s << "  top patches by dPC (%):";
        std::vector<std::size_t> order(r.rank.size());
        for (std::size_t v = 0; v < r.rank.size(); ++v) order[r.rank[v] - 1] = v;
        for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
            s << "  " << order[i] + 1 << " " << eco::cli::num(m.node[order[i]].dPC, 4);
        s << "\n  ->";
        for (const auto& f : r.files) s << " " << f;
        eco::cli::say(g, s.str());
    });
}

ECOSHIELD_COMMAND(61, setup);

}  // namespace
