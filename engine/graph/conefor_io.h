// Conefor's text files (Conefor 2.6, Saura & Torne 2009/2012):
//   node file        one line per node: id, attribute (area or other), tab or space separated. A
//                    third column (Conefor's "node to add" flag, 0/1) is accepted and ignored.
//   connection file  one line per pair: id, id, value; the value is a distance or a probability
//                    (the caller says which). Both Conefor listings are accepted: "full" (every
//                    pair) and "partial" (absent pairs have no connection). A pair may appear in
//                    both directions (the better value is kept, see build_graph).
// Both files may start with a header line (detected: a line whose value column is not a number),
// may use CRLF line ends, and may contain blank lines and '#' comment lines.
//
// Written files (Conefor's layout, tab separated, input node order):
//   node_importances.txt  Node dA dIIC dIICintra dIICflux dIICconnector dPC dPCintra dPCflux dPCconnector
//                         (all in percent; Conefor's own file has the same columns for these indices)
//   overall_indices.txt   "name<TAB>value" lines: IIC, EC(IIC), PC, EC(PC), then ecoshield's extras
//                         (PCnum, IICnum, F, NC, A_L, ...)
#pragma once
#include <map>
#include <string>
#include <vector>

#include "graph/habitat_graph.h"
#include "graph/metrics.h"

namespace eco::graph {

enum class ConnectionValue { Distance, Probability };

// Throw eco::BadInput "<op>: <file>:<line>: ..." on an unreadable file or a malformed line.
std::vector<Node> read_conefor_nodes(const std::string& path, const std::string& op = "connectivity");
std::vector<Link> read_conefor_links(const std::string& path, ConnectionValue value, const std::string& op = "connectivity");

void write_conefor_nodes(const std::string& path, const std::vector<Node>& nodes);
void write_conefor_links(const std::string& path, const HabitatGraph& hg, ConnectionValue value);

struct NodeImportanceRow {
    std::string node;
    std::vector<double> values;  // in node_importance_columns() order, after "Node"
};
const std::vector<std::string>& node_importance_columns();  // dA ... dPCconnector
void write_node_importances(const std::string& path, const HabitatGraph& hg, const Metrics& m);
std::vector<NodeImportanceRow> read_node_importances(const std::string& path, const std::string& op = "connectivity");

void write_overall_indices(const std::string& path, const Metrics& m);
std::map<std::string, double> read_overall_indices(const std::string& path, const std::string& op = "connectivity");

// Writes `text` to `path` through a temporary file renamed when complete; throws eco::Failure.
void write_text_atomic(const std::string& path, const std::string& text, const std::string& op = "connectivity");

}  // namespace eco::graph
