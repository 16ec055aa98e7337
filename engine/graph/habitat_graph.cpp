#include "graph/habitat_graph.h"

#include <algorithm>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>
#include <iterator>
#include <sstream>

#include "core/error.h"

namespace eco::graph {

namespace {
std::string num(double v) {
    std::ostringstream s;
    s.precision(12);
    s << v;
    return s.str();
}

// true when link b is better than link a (shorter distance, or higher probability when given)
bool better(const LinkProps& a, const LinkProps& b) {
    if (!std::isnan(a.probability) || !std::isnan(b.probability)) {
        double pa = std::isnan(a.probability) ? -1.0 : a.probability;
        double pb = std::isnan(b.probability) ? -1.0 : b.probability;
        return pb > pa;
    }
    return b.distance < a.distance;
}
}  // namespace

double HabitatGraph::total_area() const {
    double s = 0.0;
    for (std::size_t v = 0; v < node_count(); ++v) s += g[v].area;
    return s;
}

void HabitatGraph::index_links() {
    links.assign(boost::num_edges(g), Edge());
    for (auto [it, end] = boost::edges(g); it != end; ++it) links[g[*it].index] = *it;
}

std::size_t HabitatGraph::vertex_of(const std::string& op, const std::string& id) const {
    auto it = by_id.find(id);
    if (it == by_id.end())
        throw BadInput(op + ": unknown node '" + id + "'; every link must name nodes listed in the node file");
    return it->second;
}

namespace {
HabitatGraph make_nodes(const std::vector<Node>& nodes, const std::string& op) {
    HabitatGraph hg;
    hg.g = Graph(nodes.size());
    hg.by_id.reserve(nodes.size() * 2);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        if (n.id.empty()) throw BadInput(op + ": node " + std::to_string(i + 1) + " has an empty id; give every node an id");
        if (!std::isfinite(n.area) || n.area < 0)
            throw BadInput(op + ": node '" + n.id + "' has area " + num(n.area) + "; areas must be finite and >= 0");
        if (!hg.by_id.emplace(n.id, i).second)
            throw BadInput(op + ": node id '" + n.id + "' is listed twice; node ids must be unique");
        hg.g[i] = NodeProps{n.id, n.area, n.x, n.y};
    }
    return hg;
}

void add_links(HabitatGraph& hg, const std::vector<IndexLink>& links, const std::string& op) {
    const std::size_t n = hg.node_count();
    auto name = [&](const IndexLink& l) { return hg.g[l.u].id + "-" + hg.g[l.v].id; };
    for (const IndexLink& l : links) {
        if (l.u >= n || l.v >= n) throw BadInput(op + ": a link names a node position outside the node list");
        if (l.u == l.v)
            throw BadInput(op + ": link from node '" + hg.g[l.u].id + "' to itself; remove it (a patch's own area counts as a_i^2)");
        if (std::isnan(l.probability)) {
            if (std::isnan(l.distance) || l.distance < 0 || std::isinf(l.distance))
                throw BadInput(op + ": link " + name(l) + " has distance " + num(l.distance) +
                               "; distances must be finite and >= 0 (leave out pairs that are not connected)");
        } else if (!(l.probability >= 0 && l.probability <= 1)) {
            throw BadInput(op + ": link " + name(l) + " has probability " + num(l.probability) +
                           "; probabilities must lie in [0, 1]");
        }
    }
    // Merge pairs listed more than once (either direction): sort (pair, position), keep the best
    // at the position of the first listing.
    std::vector<std::uint32_t> ord(links.size());
    for (std::size_t i = 0; i < links.size(); ++i) ord[i] = static_cast<std::uint32_t>(i);
    auto key = [&](std::uint32_t i) { return std::minmax(links[i].u, links[i].v); };
    std::sort(ord.begin(), ord.end(), [&](std::uint32_t a, std::uint32_t b) {
        auto ka = key(a), kb = key(b);
        return ka != kb ? ka < kb : a < b;
    });
    std::vector<std::uint32_t> chosen(links.size(), UINT32_MAX);  // first position -> chosen listing
    for (std::size_t s = 0; s < ord.size();) {
        std::size_t t = s + 1;
        std::uint32_t best = ord[s];
        while (t < ord.size() && key(ord[t]) == key(ord[s])) {
            const IndexLink &a = links[best], &b = links[ord[t]];
            if (better(LinkProps{0, a.distance, a.probability, a.length}, LinkProps{0, b.distance, b.probability, b.length}))
                best = ord[t];
            ++t;
        }
        hg.duplicate_links += t - s - 1;
        chosen[ord[s]] = best;
        s = t;
    }
    std::size_t count = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
        if (chosen[i] == UINT32_MAX) continue;
        const IndexLink& l = links[chosen[i]];
        boost::add_edge(l.u, l.v, LinkProps{count++, l.distance, l.probability, l.length}, hg.g);
    }
    hg.index_links();
}
}  // namespace

HabitatGraph build_graph_indexed(const std::vector<Node>& nodes, const std::vector<IndexLink>& links, const std::string& op) {
    HabitatGraph hg = make_nodes(nodes, op);
    add_links(hg, links, op);
    return hg;
}

HabitatGraph build_graph(const std::vector<Node>& nodes, const std::vector<Link>& links, const std::string& op) {
    HabitatGraph hg = make_nodes(nodes, op);
    std::vector<IndexLink> il;
    il.reserve(links.size());
    for (const Link& l : links)
        il.push_back(IndexLink{static_cast<std::uint32_t>(hg.vertex_of(op, l.from)),
                               static_cast<std::uint32_t>(hg.vertex_of(op, l.to)), l.distance, l.probability, l.length});
    add_links(hg, il, op);
    return hg;
}

HabitatGraph threshold_graph(const HabitatGraph& hg, double max_distance, bool keep_without_distance) {
    HabitatGraph out;
    out.g = Graph(hg.node_count());
    for (std::size_t v = 0; v < hg.node_count(); ++v) out.g[v] = hg.g[v];
    out.by_id = hg.by_id;
    for (std::size_t i = 0; i < hg.link_count(); ++i) {
        LinkProps p = hg.link(i);
        bool keep = std::isnan(p.distance) ? keep_without_distance : p.distance <= max_distance;
        if (!keep) continue;
        p.index = boost::num_edges(out.g);
        boost::add_edge(hg.source(i), hg.target(i), p, out.g);
    }
    out.index_links();
    return out;
}

std::vector<std::size_t> minimum_spanning_tree(const HabitatGraph& hg) {
    // Kruskal's algorithm, written out with Boost's disjoint sets rather than calling
    // boost::kruskal_minimum_spanning_tree: that one's edge priority queue (with a property-map
    // weight) was 40x slower on a 2-million-link complete graph, and sorting by (distance, link
    // position) makes the tree reproducible when distances tie. Links without a distance are last.
    const std::size_t n = hg.node_count(), m = hg.link_count();
    std::vector<std::pair<double, std::size_t>> order(m);
    for (std::size_t e = 0; e < m; ++e) {
        double d = hg.link(e).distance;
        order[e] = {std::isnan(d) ? std::numeric_limits<double>::infinity() : d, e};
    }
    std::sort(order.begin(), order.end());
    boost::disjoint_sets_with_storage<> sets(n);
    for (std::size_t v = 0; v < n; ++v) sets.make_set(v);
    std::vector<std::size_t> idx;
    for (auto [d, e] : order) {
        std::size_t a = sets.find_set(hg.source(e)), b = sets.find_set(hg.target(e));
        if (a == b) continue;
        sets.link(a, b);
        idx.push_back(e);
        if (idx.size() + 1 == n) break;
    }
    std::sort(idx.begin(), idx.end());
    return idx;
}

Components connected_components(const HabitatGraph& hg) {
    Components c;
    const std::size_t n = hg.node_count();
    c.of_node.assign(n, 0);
    if (n == 0) return c;
    std::size_t count = boost::connected_components(hg.g, c.of_node.data());
    c.nodes.assign(count, 0);
    c.area.assign(count, 0.0);
    for (std::size_t v = 0; v < n; ++v) {
        c.nodes[c.of_node[v]] += 1;
        c.area[c.of_node[v]] += hg.g[v].area;
    }
    return c;
}

CutStructure cut_structure(const HabitatGraph& hg) {
    CutStructure cs;
    const std::size_t n = hg.node_count(), m = hg.link_count();
    cs.cut_vertex.assign(n, false);
    cs.bridge.assign(m, false);
    if (m == 0) return cs;
    std::vector<std::size_t> comp_of_edge(m, 0);
    auto edge_index = boost::get(&LinkProps::index, hg.g);
    auto comp = boost::make_iterator_property_map(comp_of_edge.begin(), edge_index);
    std::vector<Vertex> art;
    auto res = boost::biconnected_components(hg.g, comp, std::back_inserter(art));
    std::vector<std::size_t> edges_in(res.first, 0);
    for (std::size_t e = 0; e < m; ++e) edges_in[comp_of_edge[e]] += 1;
    // A biconnected component made of a single edge is a bridge (parallel links were merged).
    for (std::size_t e = 0; e < m; ++e) cs.bridge[e] = edges_in[comp_of_edge[e]] == 1;
    for (Vertex v : art) cs.cut_vertex[v] = true;
    return cs;
}

}  // namespace eco::graph
