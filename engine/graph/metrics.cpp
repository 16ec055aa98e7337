#include "graph/metrics.h"

#include <cmath>
#include <sstream>

#include "core/error.h"
#include "graph/best_paths.h"

namespace eco::graph {

namespace {
std::string num(double v) {
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}
double pct(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }
}  // namespace

Metrics compute_metrics(const HabitatGraph& hg, const MetricsOptions& opt, const Progress& progress,
                        const std::string& op) {
    using LA = MetricsOptions::LinksAre;
    Metrics r;
    const std::size_t n = hg.node_count(), m = hg.link_count();
    r.nodes = n;
    r.links = m;
    if (n == 0) throw BadInput(op + ": the node list is empty; give at least one habitat patch");
    if (opt.links_are == LA::Distance) {
        if (!(opt.p0 > 0 && opt.p0 < 1))
            throw BadInput(op + ": --p0 must lie strictly between 0 and 1, got " + num(opt.p0));
        if (!(opt.d0 > 0) || std::isinf(opt.d0)) throw BadInput(op + ": --d0 must be a positive distance, got " + num(opt.d0));
        r.alpha = -std::log(opt.p0) / opt.d0;
    } else if (opt.threshold) {
        throw BadInput(op + ": --threshold applies to distances; with --links-are probability every link with p > 0 "
                            "is a connection for IIC, so leave --threshold out");
    }
    r.total_area = hg.total_area();
    if (opt.landscape_area) {
        if (!(*opt.landscape_area > 0)) throw BadInput(op + ": --landscape-area must be positive");
        if (*opt.landscape_area < r.total_area * (1 - 1e-12))
            throw BadInput(op + ": --landscape-area " + num(*opt.landscape_area) + " is smaller than the summed node area " +
                           num(r.total_area) + "; give the area of the whole study region (same unit as the node areas)");
        r.landscape_area = *opt.landscape_area;
        r.landscape_area_source = "given";
    } else {
        r.landscape_area = r.total_area;
        r.landscape_area_source = "sum of node areas";
    }
    if (!(r.total_area > 0)) throw BadInput(op + ": every node has area 0; the indices need positive node attributes");

    // Per link: the probability, the PC length (-ln p) and whether it is a binary connection.
    r.link.resize(m);
    PairsInput pcin, iicin;
    pcin.n = iicin.n = n;
    pcin.weight.resize(n);
    for (std::size_t v = 0; v < n; ++v) pcin.weight[v] = hg.node(v).area;
    iicin.weight = pcin.weight;
    pcin.value = PathValue::ExpNeg;
    iicin.value = PathValue::InverseHops;
    pcin.method = iicin.method = opt.method;
    pcin.betweenness = opt.betweenness;
    iicin.betweenness = false;
    r.link_importance = opt.link_importance == "on" || (opt.link_importance == "auto" && m <= 200000);
    pcin.link_loss = r.link_importance;
    std::vector<std::size_t> pc_link_of;  // PairsInput link -> graph link
    std::vector<bool> binary(m, false);
    for (std::size_t e = 0; e < m; ++e) {
        const LinkProps& l = hg.link(e);
        double p, len;
        if (!std::isnan(l.probability)) {
            p = l.probability;
            len = p > 0 ? -std::log(p) : INFINITY;
        } else if (opt.links_are == LA::Distance) {
            len = r.alpha * l.distance;  // -ln p exactly, without the round trip through exp
            p = std::exp(-len);
        } else {
            throw BadInput(op + ": link " + hg.node(hg.source(e)).id + "-" + hg.node(hg.target(e)).id +
                           " has no probability; with --links-are probability the third column is p_ij");
        }
        r.link[e].probability = p;
        if (p > 0 && std::isfinite(len)) {
            pcin.ends.emplace_back(hg.source(e), hg.target(e));
            pcin.length.push_back(len);
            pc_link_of.push_back(e);
        }
        if (opt.links_are == LA::Distance && std::isnan(l.probability))
            binary[e] = !opt.threshold || l.distance <= *opt.threshold;
        else
            binary[e] = p > 0 && (!opt.threshold || (!std::isnan(l.distance) && l.distance <= *opt.threshold));
        r.link[e].binary = binary[e];
        if (binary[e]) {
            iicin.ends.emplace_back(hg.source(e), hg.target(e));
            iicin.length.push_back(1.0);
            ++r.binary_links;
        }
    }

    // Structure of the binary graph.
    HabitatGraph bg;
    bg.g = Graph(n);
    for (std::size_t v = 0; v < n; ++v) bg.g[v] = hg.g[v];
    std::vector<std::size_t> bin_of;  // binary-graph link -> graph link
    for (std::size_t e = 0; e < m; ++e) {
        if (!binary[e]) continue;
        LinkProps p = hg.link(e);
        p.index = bin_of.size();
        boost::add_edge(hg.source(e), hg.target(e), p, bg.g);
        bin_of.push_back(e);
    }
    bg.index_links();
    Components comp = connected_components(bg);
    r.components = comp.count();
    r.component_nodes = comp.nodes;
    r.component_area = comp.area;
    CutStructure cut = cut_structure(bg);
    bool have_distances = true;
    for (std::size_t e : bin_of) have_distances = have_distances && !std::isnan(hg.link(e).distance);
    if (have_distances)
        for (std::size_t be : minimum_spanning_tree(bg)) r.link[bin_of[be]].in_mst = true;
    for (std::size_t be = 0; be < bin_of.size(); ++be) r.link[bin_of[be]].bridge = cut.bridge[be];

    // The two pair analyses (IIC first: it is the cheaper one).
    PairsResult iic = analyze_pairs(iicin, progress.sub(0.0, 0.3), op);
    PairsResult pc = analyze_pairs(pcin, progress.sub(0.3, 1.0), op);
    r.method = pc.method;
    r.full_sources = pc.full_sources;
    r.star_sources = pc.star_sources;

    const double AL2 = r.landscape_area * r.landscape_area;
    r.iic_num = iic.num;
    r.iic = iic.num / AL2;
    r.ec_iic = std::sqrt(iic.num);
    r.pc_num = pc.num;
    r.pc = pc.num / AL2;
    r.ec_pc = std::sqrt(pc.num);
    r.flux = 0;
    for (std::size_t v = 0; v < n; ++v) r.flux += pc.flux[v];  // flux[v] is one direction; all v: both

    r.node.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        NodeMetrics& x = r.node[k];
        const double a = pcin.weight[k];
        x.dA = pct(a, r.total_area);
        x.dIICintra = pct(a * a, iic.num);
        x.dIICflux = pct(2.0 * iic.flux[k], iic.num);
        x.dIICconnector = pct(iic.connector[k], iic.num);
        x.dIIC = pct(a * a + 2.0 * iic.flux[k] + iic.connector[k], iic.num);
        x.dPCintra = pct(a * a, pc.num);
        x.dPCflux = pct(2.0 * pc.flux[k], pc.num);
        x.dPCconnector = pct(pc.connector[k], pc.num);
        x.dPC = pct(a * a + 2.0 * pc.flux[k] + pc.connector[k], pc.num);
        x.pc_fraction = (a * a + pc.flux[k]) / AL2;
        x.bc_pc = pc.betweenness[k];
        x.degree = boost::degree(k, bg.g);
        x.component = comp.of_node[k];
        x.cut_vertex = cut.cut_vertex[k];
    }
    if (r.link_importance)
        for (std::size_t i = 0; i < pc_link_of.size(); ++i) r.link[pc_link_of[i]].dPC = pct(pc.link_loss[i], pc.num);
    if (r.link_importance)  // links with p = 0 carry nothing: removing them loses nothing
        for (std::size_t e = 0; e < m; ++e)
            if (std::isnan(r.link[e].dPC)) r.link[e].dPC = 0.0;
    return r;
}

const OpSpec& metrics_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "connectivity metrics",
        "Connectivity indices of a habitat graph (Conefor-compatible): IIC, PC, EC(PC), and the importance "
        "of every patch (dPC with intra/flux/connector fractions, dIIC, BC_PC) and link",
        {
            {"nodes", T::String, nullptr, {}, {}, "", "node file: id and attribute (area), tab or space separated"},
            {"links", T::String, nullptr, {}, {}, "", "connection file: id, id, distance or probability"},
            {"links-are", T::String, "distance", {}, {}, "", "third column of the connection file: distance or probability"},
            {"p0", T::Number, 0.5, 0.0, 1.0, "", "dispersal probability at distance d0 (kernel p = exp(-alpha d))"},
            {"d0", T::Number, 1000.0, 0.0, {}, "link distance unit", "distance at which the probability is p0"},
            {"threshold", T::Number, nullptr, 0.0, {}, "link distance unit",
             "links up to this distance are connections for IIC, components and bridges (default: all links)"},
            {"landscape-area", T::Number, nullptr, 0.0, {}, "node attribute unit",
             "A_L, the area of the study region, for PC and IIC (default: summed node area)"},
            {"link-importance", T::String, "auto", {}, {}, "",
             "dPC of every link when removed: auto (up to 200000 links), on or off"},
            {"method", T::String, "auto", {}, {}, "", "all-pairs method: auto, dense or sparse (results are the same)"},
            {"out", T::String, "connectivity_out", {}, {}, "", "output directory"},
        }};
    return spec;
}

MetricsOptions metrics_options(const nlohmann::json& p) {
    MetricsOptions o;
    const std::string op = metrics_spec().name;
    std::string la = p.value("links-are", std::string("distance"));
    if (la == "distance") o.links_are = MetricsOptions::LinksAre::Distance;
    else if (la == "probability") o.links_are = MetricsOptions::LinksAre::Probability;
    else throw BadInput(op + ": --links-are must be 'distance' or 'probability', got '" + la + "'");
    o.p0 = p.at("p0").get<double>();
    o.d0 = p.at("d0").get<double>();
    if (!p.at("threshold").is_null()) o.threshold = p.at("threshold").get<double>();
    if (!p.at("landscape-area").is_null()) o.landscape_area = p.at("landscape-area").get<double>();
    o.link_importance = p.at("link-importance").get<std::string>();
    if (o.link_importance != "auto" && o.link_importance != "on" && o.link_importance != "off")
        throw BadInput(op + ": --link-importance must be auto, on or off, got '" + o.link_importance + "'");
    o.method = p.at("method").get<std::string>();
    if (o.method != "auto" && o.method != "dense" && o.method != "sparse")
        throw BadInput(op + ": --method must be auto, dense or sparse, got '" + o.method + "'");
    if (o.links_are == MetricsOptions::LinksAre::Distance && !(o.p0 > 0 && o.p0 < 1))
        throw BadInput(op + ": --p0 must lie strictly between 0 and 1 (the probability at distance d0)");
    if (o.links_are == MetricsOptions::LinksAre::Distance && !(o.d0 > 0))
        throw BadInput(op + ": --d0 must be a positive distance");
    return o;
}

nlohmann::json metrics_json(const HabitatGraph& hg, const Metrics& m) {
    using nlohmann::json;
    auto fin = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
    json j;
    j["global"] = {{"nodes", m.nodes},
                   {"links", m.links},
                   {"binary_links", m.binary_links},
                   {"components", m.components},
                   {"total_area", m.total_area},
                   {"landscape_area", m.landscape_area},
                   {"landscape_area_source", m.landscape_area_source},
                   {"alpha", fin(m.alpha)},
                   {"IICnum", m.iic_num},
                   {"IIC", m.iic},
                   {"EC_IIC", m.ec_iic},
                   {"PCnum", m.pc_num},
                   {"PC", m.pc},
                   {"EC_PC", m.ec_pc},
                   {"F", m.flux},
                   {"F_definition", "sum_i sum_{j != i} a_i a_j p*_ij (PCnum minus sum a_i^2; Graphab F with beta = 1)"},
                   {"method", m.method},
                   {"full_sources", m.full_sources},
                   {"star_sources", m.star_sources},
                   {"link_importance", m.link_importance}};
    json comps = json::array();
    for (std::size_t c = 0; c < m.components; ++c)
        comps.push_back({{"component", c}, {"nodes", m.component_nodes[c]}, {"area", m.component_area[c]}});
    j["components"] = comps;
    json nodes = json::array();
    for (std::size_t v = 0; v < m.nodes; ++v) {
        const NodeMetrics& x = m.node[v];
        nodes.push_back({{"id", hg.node(v).id},
                         {"area", hg.node(v).area},
                         {"dA", x.dA},
                         {"dIIC", x.dIIC},
                         {"dIICintra", x.dIICintra},
                         {"dIICflux", x.dIICflux},
                         {"dIICconnector", x.dIICconnector},
                         {"dPC", x.dPC},
                         {"dPCintra", x.dPCintra},
                         {"dPCflux", x.dPCflux},
                         {"dPCconnector", x.dPCconnector},
                         {"pc_fraction", x.pc_fraction},
                         {"BC_PC", x.bc_pc},
                         {"degree", x.degree},
                         {"component", x.component},
                         {"cut_vertex", x.cut_vertex}});
    }
    j["nodes"] = nodes;
    json links = json::array();
    for (std::size_t e = 0; e < m.links; ++e) {
        const LinkMetrics& l = m.link[e];
        links.push_back({{"from", hg.node(hg.source(e)).id},
                         {"to", hg.node(hg.target(e)).id},
                         {"distance", fin(hg.link(e).distance)},
                         {"probability", l.probability},
                         {"dPC", fin(l.dPC)},
                         {"binary", l.binary},
                         {"bridge", l.bridge},
                         {"in_mst", l.in_mst}});
    }
    j["links"] = links;
    return j;
}

}  // namespace eco::graph
