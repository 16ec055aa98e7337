#include "report/connectivity_html.h"

#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <sstream>

#include "graph/pipeline_run.h"
#include "report/report_util.h"
#include "report/svg_map.h"

namespace eco::report {

namespace {

// Colours of styles/patches.qml and styles/links.qml (fill of each rank class, line of each dPC class).
const char* const kPatchFill[5] = {"#00441b", "#238b45", "#74c476", "#c7e9c0", "#f7fcf5"};
const char* const kPatchLine[5] = {"#00280f", "#00441b", "#238b45", "#74c476", "#a1d99b"};
const char* const kPatchLabel[5] = {"1-5", "6-20", "21-100", "101-500", "&gt; 500"};
const char* const kLinkColour[4] = {"#969696", "#fdae61", "#f46d43", "#a50026"};
const double kLinkWidth[4] = {0.6, 1.0, 1.6, 2.6};
const char* const kLinkLabel[4] = {"&lt; 0.01 %", "0.01 - 0.1 %", "0.1 - 1 %", "&gt; 1 %"};

std::string num(double v, int prec = 6) {
    if (!std::isfinite(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.*g", prec, v);
    return b;
}
std::string fix(double v, int dec) {
    if (!std::isfinite(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", dec, v);
    return b;
}

}  // namespace

int patch_rank_class(std::size_t rank) { return rank <= 5 ? 0 : rank <= 20 ? 1 : rank <= 100 ? 2 : rank <= 500 ? 3 : 4; }
int link_dpc_class(double dpc) {
    if (!std::isfinite(dpc) || dpc <= 0.01) return 0;
    return dpc <= 0.1 ? 1 : dpc <= 1 ? 2 : 3;
}

std::string connectivity_html(const graph::RunResult& r, const std::vector<const OGRGeometry*>& patches, std::size_t top_n) {
    const auto& P = r.patches;
    const auto& m = r.metrics;
    const auto& rep = r.report;
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield connectivity run</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         ".sw{display:inline-block;width:14px;height:10px;border:1px solid #666;margin:0 4px 0 10px;vertical-align:middle}"
         "svg{border:1px solid #ccc;background:#fafafa}\n"
         "</style></head><body>\n";
    o << "<h1>生态源地与景观连通性 / Habitat patches and connectivity</h1>\n<p><small>ecoshield " << ECOSHIELD_VERSION;
    for (const auto& in : rep.value("inputs", nlohmann::json::array()))
        o << " &middot; " << esc(in.value("role", "")) << ": " << esc(in.value("path", ""));
    o << "<br>" << esc(rep.value("grid", "")) << "</small></p>\n";

    // Global indices.
    const double habitat_ha = static_cast<double>(P.habitat_cells) * P.grid.cell_area() / 1e4;
    const double patch_ha = std::accumulate(P.area_m2.begin(), P.area_m2.end(), 0.0) / 1e4;
    o << "<h2>全局指数 / Global indices</h2>\n<table>\n";
    auto row = [&](const std::string& k, const std::string& v, const std::string& note = "") {
        o << "<tr><th>" << k << "</th><td class=num>" << v << "</td><td><small>" << note << "</small></td></tr>\n";
    };
    row("habitat area 生境面积", fix(habitat_ha, 2) + " ha", "cells of the habitat classes");
    row("patches 源地斑块", std::to_string(P.count()), fix(patch_ha, 2) + " ha; " + std::to_string(P.dropped_patches) +
                                                         " smaller patches dropped (" + std::to_string(P.dropped_cells) + " cells)");
    row("links 连接", std::to_string(r.links.links.size()),
        esc(rep["parameters"].value("links", "")) + ", distance " + esc(rep["parameters"].value("distance", "")) + "; " +
            std::to_string(r.links.over_max) + " pairs beyond the maximum distance, " + std::to_string(r.links.unreachable_pairs) +
            " unreachable");
    row("components 组分", std::to_string(m.components), "in the graph of links within the threshold");
    row("IIC", num(m.iic), "integral index of connectivity");
    row("PC", num(m.pc), "probability of connectivity, A_L = " + fix(m.landscape_area / 1e4, 2) + " ha (" +
                             esc(m.landscape_area_source) + ")");
    row("EC(PC)", fix(m.ec_pc / 1e4, 2) + " ha", "equivalent connected area = sqrt(PCnum)");
    row("F (flux)", num(m.flux), "sum over pairs i != j of a_i a_j p*_ij (m<sup>4</sup>)");
    row("kernel 扩散核", "p = " + num(rep["parameters"].value("p0", 0.0)) + " at d = " + num(rep["parameters"].value("d0", 0.0)),
        "p = exp(-&alpha; d), &alpha; = " + num(m.alpha) + " per link distance unit");
    o << "</table>\n";

    // Map.
    double minx = P.grid.minx(), maxx = P.grid.maxx(), miny = P.grid.miny(), maxy = P.grid.maxy();
    bool any = false;
    for (const auto* g : patches)
        if (g && !g->IsEmpty()) {
            OGREnvelope e;
            g->getEnvelope(&e);
            if (!any) minx = e.MinX, maxx = e.MaxX, miny = e.MinY, maxy = e.MaxY, any = true;
            minx = std::min(minx, e.MinX), maxx = std::max(maxx, e.MaxX), miny = std::min(miny, e.MinY), maxy = std::max(maxy, e.MaxY);
        }
    const double pad = std::max(maxx - minx, maxy - miny) * 0.03;
    const int wpx = 760, hpx = 560;
    SvgMap map(minx - pad, miny - pad, maxx + pad, maxy + pad, wpx, hpx);
    const double tol = 0.5 / map.scale();  // half a pixel, in map units
    // Least important first, so the top patches and links are drawn on top.
    std::vector<std::size_t> order(P.count());
    for (std::size_t v = 0; v < P.count(); ++v) order[r.rank[v] - 1] = v;
    for (std::size_t i = order.size(); i-- > 0;) {
        const std::size_t v = order[i];
        if (v >= patches.size() || !patches[v]) continue;
        const int c = patch_rank_class(r.rank[v]);
        std::unique_ptr<OGRGeometry> s(patches[v]->SimplifyPreserveTopology(tol));
        const OGRGeometry& g = s ? *s : *patches[v];
        map.add(g, {.fill = kPatchFill[c], .stroke = kPatchLine[c], .fill_opacity = 0.85, .stroke_width = 0.5, .dash = ""},
                "patch " + std::to_string(v + 1) + " rank " + std::to_string(r.rank[v]) + " dPC " + num(m.node[v].dPC, 4) + " %");
    }
    std::vector<std::size_t> lorder(r.links.links.size());
    std::iota(lorder.begin(), lorder.end(), 0);
    auto ldpc = [&](std::size_t e) { return std::isfinite(m.link[e].dPC) ? m.link[e].dPC : -1.0; };
    std::stable_sort(lorder.begin(), lorder.end(), [&](auto a, auto b) { return ldpc(a) > ldpc(b); });
    for (std::size_t i = lorder.size(); i-- > 0;) {
        const std::size_t e = lorder[i];
        const auto& L = r.links.links[e];
        if (L.path.empty()) continue;
        OGRLineString ls;
        for (const auto& [x, y] : L.path) ls.addPoint(x, y);
        if (ls.getNumPoints() == 1) ls.addPoint(L.path[0].first, L.path[0].second);
        std::unique_ptr<OGRGeometry> s(ls.Simplify(tol));
        const int c = link_dpc_class(m.link[e].dPC);
        map.add(s ? *s : ls, {.stroke = kLinkColour[c], .stroke_width = kLinkWidth[c], .dash = ""},
                "link " + std::to_string(e + 1) + ": " + std::to_string(L.u + 1) + " - " + std::to_string(L.v + 1) + ", cost " +
                    num(L.cost) + ", dPC " + num(m.link[e].dPC, 4) + " %");
    }
    for (std::size_t i = 0; i < std::min<std::size_t>(10, order.size()); ++i) {
        const std::size_t v = order[i];
        map.add_label(P.cx[v], P.cy[v], std::to_string(i + 1));
    }
    o << "<h2>地图 / Map</h2>\n<p><small>patches by dPC rank:";
    for (int c = 0; c < 5; ++c) o << "<span class=sw style=\"background:" << kPatchFill[c] << "\"></span>" << kPatchLabel[c];
    o << "<br>links by importance (dPC when removed):";
    for (int c = 0; c < 4; ++c)
        o << "<span class=sw style=\"background:" << kLinkColour[c] << ";height:" << std::max(2, static_cast<int>(kLinkWidth[c] * 2))
          << "px\"></span>" << kLinkLabel[c];
    o << "<br>labels: the 10 most important patches, by rank</small></p>\n" << map.render() << "\n";

    // Tables.
    o << "<h2>最重要的源地 / Top " << std::min(top_n, order.size()) << " patches by dPC</h2>\n"
      << "<table><tr><th>rank</th><th>patch</th><th>area ha</th><th>dPC %</th><th>dPCintra %</th><th>dPCflux %</th>"
         "<th>dPCconnector %</th><th>dIIC %</th><th>BC_PC</th><th>degree</th><th>cut vertex</th></tr>\n";
    for (std::size_t i = 0; i < std::min(top_n, order.size()); ++i) {
        const std::size_t v = order[i];
        const auto& x = m.node[v];
        o << "<tr><td class=num>" << i + 1 << "</td><td class=num>" << v + 1 << "</td><td class=num>" << fix(P.area_m2[v] / 1e4, 2)
          << "</td><td class=num>" << fix(x.dPC, 4) << "</td><td class=num>" << fix(x.dPCintra, 4) << "</td><td class=num>"
          << fix(x.dPCflux, 4) << "</td><td class=num>" << fix(x.dPCconnector, 4) << "</td><td class=num>" << fix(x.dIIC, 4)
          << "</td><td class=num>" << num(x.bc_pc, 4) << "</td><td class=num>" << x.degree << "</td><td>"
          << (x.cut_vertex ? "yes 是" : "") << "</td></tr>\n";
    }
    o << "</table>\n";
    const std::size_t nl = std::min(top_n, lorder.size());
    o << "<h2>最重要的连接 / Top " << nl << " links by dPC</h2>\n"
      << "<table><tr><th>link</th><th>from</th><th>to</th><th>cost</th><th>path m</th><th>euclid m</th><th>probability</th>"
         "<th>dPC %</th><th>bridge</th></tr>\n";
    for (std::size_t i = 0; i < nl; ++i) {
        const std::size_t e = lorder[i];
        const auto& L = r.links.links[e];
        o << "<tr><td class=num>" << e + 1 << "</td><td class=num>" << L.u + 1 << "</td><td class=num>" << L.v + 1
          << "</td><td class=num>" << num(L.cost, 8) << "</td><td class=num>" << fix(L.length, 1) << "</td><td class=num>"
          << fix(L.euclid, 1) << "</td><td class=num>" << num(m.link[e].probability, 6) << "</td><td class=num>"
          << fix(m.link[e].dPC, 4) << "</td><td>" << (m.link[e].bridge ? "yes 是" : "") << "</td></tr>\n";
    }
    o << "</table>\n";

    o << "<h2>约定与参数 / Conventions and parameters</h2>\n<table>\n";
    const nlohmann::json conv = rep.value("conventions", nlohmann::json::object());
    const nlohmann::json params = rep.value("parameters", nlohmann::json::object());
    for (const auto& [k, v] : conv.items())
        o << "<tr><th>" << esc(k) << "</th><td>" << esc(v.is_string() ? v.get<std::string>() : v.dump()) << "</td></tr>\n";
    for (const auto& [k, v] : params.items())
        o << "<tr><th>--" << esc(k) << "</th><td>" << esc(v.is_string() ? v.get<std::string>() : v.dump()) << "</td></tr>\n";
    o << "</table>\n</body></html>\n";
    return o.str();
}

}  // namespace eco::report
