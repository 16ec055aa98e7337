// ecoshield connectivity: the habitat connectivity group. `connectivity metrics` computes the
// Conefor-style indices of a habitat graph given as Conefor node and connection files.
//
// Other steps (`connectivity run`, the raster pipeline) join the same group from their own
// tools/cmd_connectivity_*.cpp through eco::cli::command_group(app, "connectivity").
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <sstream>

#include "cli.h"
#include "core/error.h"
#include "core/sha256.h"
#include "graph/conefor_io.h"
#include "graph/metrics.h"

namespace {

nlohmann::json file_record(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    eco::Sha256 h;
    std::vector<char> buf(1 << 16);
    std::uint64_t size = 0;
    while (f) {
        f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        auto got = f.gcount();
        if (got <= 0) break;
        h.update(buf.data(), static_cast<std::size_t>(got));
        size += static_cast<std::uint64_t>(got);
    }
    return {{"path", path}, {"bytes", size}, {"sha256", h.hex()}};
}

std::string fmt(double v, int prec = 10) {
    if (!std::isfinite(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.*g", prec, v);
    return b;
}

void write_csvs(const std::string& dir, const eco::graph::HabitatGraph& hg, const eco::graph::Metrics& m) {
    std::ostringstream n;
    n << "id,area,x,y,dA,dIIC,dIICintra,dIICflux,dIICconnector,dPC,dPCintra,dPCflux,dPCconnector,pc_fraction,BC_PC,"
         "degree,component,cut_vertex\n";
    for (std::size_t v = 0; v < m.nodes; ++v) {
        const auto& x = m.node[v];
        const auto& p = hg.node(v);
        n << p.id << ',' << fmt(p.area) << ',' << fmt(p.x) << ',' << fmt(p.y) << ',' << fmt(x.dA) << ',' << fmt(x.dIIC)
          << ',' << fmt(x.dIICintra) << ',' << fmt(x.dIICflux) << ',' << fmt(x.dIICconnector) << ',' << fmt(x.dPC) << ','
          << fmt(x.dPCintra) << ',' << fmt(x.dPCflux) << ',' << fmt(x.dPCconnector) << ',' << fmt(x.pc_fraction) << ','
          << fmt(x.bc_pc) << ',' << x.degree << ',' << x.component << ',' << (x.cut_vertex ? 1 : 0) << '\n';
    }
    eco::graph::write_text_atomic(dir + "/nodes.csv", n.str());
    std::ostringstream l;
    l << "from,to,distance,probability,dPC,binary,bridge,in_mst\n";
    for (std::size_t e = 0; e < m.links; ++e) {
        const auto& x = m.link[e];
        l << hg.node(hg.source(e)).id << ',' << hg.node(hg.target(e)).id << ',' << fmt(hg.link(e).distance) << ','
          << fmt(x.probability) << ',' << fmt(x.dPC) << ',' << (x.binary ? 1 : 0) << ',' << (x.bridge ? 1 : 0) << ','
          << (x.in_mst ? 1 : 0) << '\n';
    }
    eco::graph::write_text_atomic(dir + "/links.csv", l.str());
}

void setup(CLI::App& app, const eco::cli::Globals& g) {
    auto* grp = eco::cli::command_group(app, "connectivity");
    const auto& spec = eco::graph::metrics_spec();
    auto* sub = grp->add_subcommand("metrics", spec.help);
    auto given = std::make_shared<nlohmann::json>(nlohmann::json::object());
    eco::cli::add_params(*sub, spec, *given);
    sub->callback([given, &g, &spec] {
        namespace eg = eco::graph;
        const std::string op = spec.name;
        auto p = eco::resolve_params(spec, *given);
        if (p["nodes"].is_null() || p["links"].is_null())
            throw eco::BadInput(op + ": give the node file with --nodes and the connection file with --links");
        auto opt = eg::metrics_options(p);
        const std::string nodes_path = p["nodes"], links_path = p["links"], out = p["out"];
        auto value = opt.links_are == eg::MetricsOptions::LinksAre::Distance ? eg::ConnectionValue::Distance
                                                                             : eg::ConnectionValue::Probability;
        auto nodes = eg::read_conefor_nodes(nodes_path, op);
        auto links = eg::read_conefor_links(links_path, value, op);
        auto hg = eg::build_graph(nodes, links, op);
        auto m = eg::compute_metrics(hg, opt, eco::Progress(eco::cli::make_progress(g)), op);

        std::error_code ec;
        std::filesystem::create_directories(out, ec);
        if (ec) throw eco::Failure(op + ": cannot create the output directory '" + out + "': " + ec.message());
        eg::write_overall_indices(out + "/overall_indices.txt", m);
        eg::write_node_importances(out + "/node_importances.txt", hg, m);
        write_csvs(out, hg, m);
        auto j = eg::metrics_json(hg, m);
        j["operation"] = op;
        j["software"] = std::string("ecoshield ") + ECOSHIELD_VERSION;
        j["parameters"] = p;
        j["inputs"] = {file_record(nodes_path), file_record(links_path)};
        j["duplicate_links"] = hg.duplicate_links;
        eg::write_text_atomic(out + "/metrics.json", j.dump(1) + "\n", op);

        std::ostringstream s;
        s << "connectivity metrics: " << m.nodes << " nodes, " << m.links << " links (" << m.binary_links
          << " within the threshold), " << m.components << " component" << (m.components == 1 ? "" : "s") << "\n";
        s << "  IIC " << fmt(m.iic, 6) << "   PC " << fmt(m.pc, 6) << "   EC(PC) " << fmt(m.ec_pc, 6) << " (A_L "
          << fmt(m.landscape_area, 6) << ", " << m.landscape_area_source << ")\n";
        std::vector<std::size_t> order(m.nodes);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return m.node[a].dPC > m.node[b].dPC; });
        s << "  top nodes by dPC (%):";
        for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()); ++i)
            s << "  " << hg.node(order[i]).id << " " << fmt(m.node[order[i]].dPC, 4);
        s << "\n  -> " << out << "/{overall_indices.txt,node_importances.txt,metrics.json,nodes.csv,links.csv}";
        if (!m.link_importance) s << "\n  (link dPC not computed: more than 200000 links; pass --link-importance on)";
        eco::cli::say(g, s.str());
    });
}

ECOSHIELD_COMMAND(60, setup);

}  // namespace
