// The habitat graph: habitat patches (nodes) and the links between them, held in a Boost.Graph
// adjacency_list (undirected, vecS). Node and link order is the input order and every result
// (metrics, files) follows it, so the same input always gives the same output.
//
// Builders: from node and link lists, thresholding by distance, minimum spanning tree
// (Kruskal with boost::disjoint_sets), components (boost::connected_components), cut
// vertices and bridges (boost::biconnected_components + articulation_points).
#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

namespace eco::graph {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A habitat patch. `id` is the user's identifier (Conefor uses integers; any text without blanks
// is accepted). `area` is the attribute the indices weigh by (area, capacity, quality x area).
struct Node {
    std::string id;
    double area = 0.0;
    double x = kNaN, y = kNaN;  // optional position (centroid), for maps and links.csv
};

// A link between two patches, by id. `distance` is the cost (effective or Euclidean distance);
// `probability`, when set (not NaN), is the direct dispersal probability p_ij and overrides the
// distance kernel. `length` is an optional geometric length (e.g. of a least-cost path) kept for
// the output only.
struct Link {
    std::string from, to;
    double distance = kNaN;
    double probability = kNaN;
    double length = kNaN;
};

struct NodeProps {
    std::string id;
    double area = 0.0;
    double x = kNaN, y = kNaN;
};
struct LinkProps {
    std::size_t index = 0;  // position in HabitatGraph::links (input order)
    double distance = kNaN;
    double probability = kNaN;
    double length = kNaN;
};

// Edge list in a vector (not the default std::list): a complete graph of 5000 patches has 12.5 M links.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, NodeProps, LinkProps,
                                    boost::no_property, boost::vecS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class HabitatGraph {
public:
    HabitatGraph() = default;
    // Copies and moves re-take the edge descriptors from the new graph: `links` points into the
    // graph's own edge storage, which a copy does not share.
    HabitatGraph(const HabitatGraph& o) : g(o.g), by_id(o.by_id), duplicate_links(o.duplicate_links) { index_links(); }
    HabitatGraph(HabitatGraph&& o)
        : g(std::move(o.g)), by_id(std::move(o.by_id)), duplicate_links(o.duplicate_links) { index_links(); }
    HabitatGraph& operator=(const HabitatGraph& o) {
        if (this != &o) {
            g = o.g;
            by_id = o.by_id;
            duplicate_links = o.duplicate_links;
            index_links();
        }
        return *this;
    }
    HabitatGraph& operator=(HabitatGraph&& o) {
        if (this != &o) {
            g = std::move(o.g);
            by_id = std::move(o.by_id);
            duplicate_links = o.duplicate_links;
            index_links();
        }
        return *this;
    }

    Graph g;
    std::vector<Edge> links;                          // in input order; g[links[i]].index == i
    std::unordered_map<std::string, std::size_t> by_id;  // id -> vertex index
    std::size_t duplicate_links = 0;                  // pairs listed more than once (the best kept)

    std::size_t node_count() const { return boost::num_vertices(g); }
    std::size_t link_count() const { return links.size(); }
    const NodeProps& node(std::size_t v) const { return g[v]; }
    const LinkProps& link(std::size_t e) const { return g[links[e]]; }
    std::size_t source(std::size_t e) const { return boost::source(links[e], g); }
    std::size_t target(std::size_t e) const { return boost::target(links[e], g); }
    double total_area() const;
    // Rebuilds `links` from the graph after edges were added: with a vector edge list, adding an
    // edge may move the others, so descriptors are taken only once the graph is complete.
    void index_links();
    // The vertex of an id; throws BadInput "<op>: unknown node 'x' ..." when absent.
    std::size_t vertex_of(const std::string& op, const std::string& id) const;
};

// Builds the graph. Throws eco::BadInput (messages start with `op`) on: an empty or duplicate
// node id, a negative or non-finite area, a link naming an unknown node, a link from a node to
// itself, a negative or NaN distance, a probability outside [0, 1]. A pair listed twice (in
// either direction: Conefor files often list both) keeps the better link (shorter distance, or
// higher probability) and is counted in duplicate_links. Links with probability 0 are kept (they
// carry no flow). Nodes whose id is never linked are isolated nodes.
HabitatGraph build_graph(const std::vector<Node>& nodes, const std::vector<Link>& links,
                         const std::string& op = "connectivity");

// A link by node position (0-based, in the node list), for builders that already know them
// (least-cost links from a raster, generated graphs). Same rules as build_graph.
struct IndexLink {
    std::uint32_t u = 0, v = 0;
    double distance = kNaN;
    double probability = kNaN;
    double length = kNaN;
};
HabitatGraph build_graph_indexed(const std::vector<Node>& nodes, const std::vector<IndexLink>& links,
                         const std::string& op = "connectivity");

// The same nodes with only the links whose distance is at most `max_distance` (links without a
// distance are kept only if `keep_without_distance`).
HabitatGraph threshold_graph(const HabitatGraph& hg, double max_distance, bool keep_without_distance = false);

// Indices (into hg.links) of a minimum spanning forest by distance (Kruskal; ties broken by link
// order), in ascending order.
std::vector<std::size_t> minimum_spanning_tree(const HabitatGraph& hg);

struct Components {
    std::vector<int> of_node;           // component number of each node (0..count-1, by first node)
    std::vector<std::size_t> nodes;     // nodes per component
    std::vector<double> area;           // summed area per component
    std::size_t count() const { return nodes.size(); }
};
Components connected_components(const HabitatGraph& hg);

struct CutStructure {
    std::vector<bool> cut_vertex;  // articulation points: removing one splits its component
    std::vector<bool> bridge;      // per link: removing it splits its component
};
CutStructure cut_structure(const HabitatGraph& hg);

}  // namespace eco::graph
