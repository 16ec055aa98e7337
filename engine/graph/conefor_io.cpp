#include "graph/conefor_io.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace eco::graph {

namespace {

std::vector<std::string> split_ws(const std::string& line) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == ',' || line[i] == ';')) ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != ',' && line[j] != ';') ++j;
        if (j > i) out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

bool to_double(const std::string& s, double& v) {
    if (s.empty()) return false;
    char* end = nullptr;
    errno = 0;
    v = std::strtod(s.c_str(), &end);
    return end && *end == '\0' && errno == 0;
}

// Reads the data lines: fields of each non-blank, non-comment line with its line number.
std::vector<std::pair<std::size_t, std::vector<std::string>>> read_rows(const std::string& path, const std::string& op,
                                                                        const char* what) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw BadInput(op + ": cannot open the " + what + " '" + path + "'; check the path");
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
    std::string line;
    std::size_t no = 0;
    while (std::getline(f, line)) {
        ++no;
        if (no == 1 && line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xEF) line.erase(0, 3);  // BOM
        while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
        std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        rows.emplace_back(no, split_ws(line));
    }
    return rows;
}

std::string where(const std::string& op, const std::string& path, std::size_t line) {
    return op + ": " + path + ":" + std::to_string(line) + ": ";
}

// 12 significant digits for the result files (like Conefor, readable); 17 (exact round trip)
// for node and connection files, which are inputs.
std::string fmt(double v, int digits = 12) {
    if (!std::isfinite(v)) return "nan";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

}  // namespace

std::vector<Node> read_conefor_nodes(const std::string& path, const std::string& op) {
    auto rows = read_rows(path, op, "node file");
    std::vector<Node> nodes;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto& [no, f] = rows[r];
        double area = 0;
        if (f.size() < 2 || f.size() > 3 || !to_double(f[1], area)) {
            if (r == 0 && f.size() >= 2 && !to_double(f[1], area)) continue;  // header line
            throw BadInput(where(op, path, no) + "expected 'id attribute' (two columns, tab or space separated), got " +
                           std::to_string(f.size()) + " field(s); a Conefor node file has one node per line");
        }
        nodes.push_back(Node{f[0], area, kNaN, kNaN});
    }
    if (nodes.empty()) throw BadInput(op + ": the node file '" + path + "' has no nodes");
    return nodes;
}

std::vector<Link> read_conefor_links(const std::string& path, ConnectionValue value, const std::string& op) {
    auto rows = read_rows(path, op, "connection file");
    std::vector<Link> links;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto& [no, f] = rows[r];
        double v = 0;
        if (f.size() != 3 || !to_double(f[2], v)) {
            if (r == 0 && f.size() == 3 && !to_double(f[2], v)) continue;  // header line
            throw BadInput(where(op, path, no) + "expected 'id id value' (three columns), got " + std::to_string(f.size()) +
                           " field(s); list one connection per line");
        }
        Link l;
        l.from = f[0];
        l.to = f[1];
        if (value == ConnectionValue::Distance) {
            if (!(v >= 0) || std::isinf(v))
                throw BadInput(where(op, path, no) + "distance " + f[2] + " is not a finite number >= 0");
            l.distance = v;
        } else {
            if (!(v >= 0 && v <= 1))
                throw BadInput(where(op, path, no) + "probability " + f[2] +
                               " is outside [0, 1]; if the file holds distances pass --links-are distance");
            l.probability = v;
        }
        links.push_back(l);
    }
    return links;
}

void write_conefor_nodes(const std::string& path, const std::vector<Node>& nodes) {
    std::ostringstream s;
    for (const Node& n : nodes) s << n.id << '\t' << fmt(n.area, 17) << '\n';
    write_text_atomic(path, s.str());
}

void write_conefor_links(const std::string& path, const HabitatGraph& hg, ConnectionValue value) {
    std::ostringstream s;
    for (std::size_t e = 0; e < hg.link_count(); ++e) {
        const LinkProps& l = hg.link(e);
        s << hg.node(hg.source(e)).id << '\t' << hg.node(hg.target(e)).id << '\t'
          << fmt(value == ConnectionValue::Distance ? l.distance : l.probability, 17) << '\n';
    }
    write_text_atomic(path, s.str());
}

const std::vector<std::string>& node_importance_columns() {
    static const std::vector<std::string> c{"dA",   "dIIC",     "dIICintra", "dIICflux",    "dIICconnector",
                                            "dPC", "dPCintra", "dPCflux",   "dPCconnector"};
    return c;
}

void write_node_importances(const std::string& path, const HabitatGraph& hg, const Metrics& m) {
    std::ostringstream s;
    s << "Node";
    for (const auto& c : node_importance_columns()) s << '\t' << c;
    s << '\n';
    for (std::size_t v = 0; v < m.nodes; ++v) {
        const NodeMetrics& x = m.node[v];
        s << hg.node(v).id;
        for (double d : {x.dA, x.dIIC, x.dIICintra, x.dIICflux, x.dIICconnector, x.dPC, x.dPCintra, x.dPCflux,
                         x.dPCconnector})
            s << '\t' << fmt(d);
        s << '\n';
    }
    write_text_atomic(path, s.str());
}

std::vector<NodeImportanceRow> read_node_importances(const std::string& path, const std::string& op) {
    auto rows = read_rows(path, op, "node importance file");
    const auto& cols = node_importance_columns();
    if (rows.empty() || rows[0].second.empty() || rows[0].second[0] != "Node")
        throw BadInput(op + ": '" + path + "' does not start with the 'Node dA dIIC ...' header");
    std::vector<std::size_t> idx;  // file column of each known column
    for (const auto& c : cols) {
        std::size_t k = 0;
        for (; k < rows[0].second.size(); ++k)
            if (rows[0].second[k] == c) break;
        if (k == rows[0].second.size()) throw BadInput(op + ": '" + path + "' has no column '" + c + "'");
        idx.push_back(k);
    }
    std::vector<NodeImportanceRow> out;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        auto& [no, f] = rows[r];
        NodeImportanceRow row{f.empty() ? "" : f[0], {}};
        for (std::size_t k : idx) {
            double v = 0;
            if (k >= f.size() || !to_double(f[k], v)) throw BadInput(where(op, path, no) + "malformed value");
            row.values.push_back(v);
        }
        out.push_back(std::move(row));
    }
    return out;
}

void write_overall_indices(const std::string& path, const Metrics& m) {
    std::ostringstream s;
    auto line = [&](const std::string& k, double v) { s << k << '\t' << fmt(v) << '\n'; };
    line("IIC", m.iic);
    line("EC(IIC)", m.ec_iic);
    line("PC", m.pc);
    line("EC(PC)", m.ec_pc);
    line("IICnum", m.iic_num);
    line("PCnum", m.pc_num);
    line("F", m.flux);
    line("NC", static_cast<double>(m.components));
    line("nodes", static_cast<double>(m.nodes));
    line("links", static_cast<double>(m.links));
    line("binary_links", static_cast<double>(m.binary_links));
    line("A_L", m.landscape_area);
    line("total_area", m.total_area);
    if (std::isfinite(m.alpha)) line("alpha", m.alpha);
    write_text_atomic(path, s.str());
}

std::map<std::string, double> read_overall_indices(const std::string& path, const std::string& op) {
    std::map<std::string, double> out;
    for (auto& [no, f] : read_rows(path, op, "overall indices file")) {
        double v = 0;
        if (f.size() != 2 || !to_double(f[1], v)) throw BadInput(where(op, path, no) + "expected 'name value'");
        out[f[0]] = v;
    }
    return out;
}

void write_text_atomic(const std::string& path, const std::string& text, const std::string& op) {
    namespace fs = std::filesystem;
    fs::path p(path);
    fs::path tmp = p;
    tmp += ".tmp~";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) throw Failure(op + ": cannot write '" + tmp.string() + "'; check that the directory exists and is writable");
        f << text;
        f.flush();
        if (!f) throw Failure(op + ": writing '" + tmp.string() + "' failed (disk full?)");
    }
    std::error_code ec;
    fs::rename(tmp, p, ec);
    if (ec) throw Failure(op + ": cannot rename '" + tmp.string() + "' to '" + path + "': " + ec.message());
}

}  // namespace eco::graph
