// report.html of `screen`: one self-contained page (inline CSS and SVG, no network): the run,
// the verdict summary, a table of all sites, and a card per site with the rules that fired, the
// figures and a map drawn by ecoshield.
#include <ogr_geometry.h>

#include <algorithm>
#include <map>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "core/error.h"
#include "report/report_util.h"
#include "report/out_dir.h"

#include "core/units.h"
#include "report/screen_report.h"
#include "report/svg_map.h"

namespace eco::report {

namespace {



const char* verdict_colour(const std::string& v) {
    if (v == "prohibited") return "#d7191c";
    if (v == "restricted") return "#fd8d3c";
    if (v == "caution") return "#fecc5c";
    return "#1a9641";
}

// fill colours per layer kind on the maps
SvgStyle kind_style(const std::string& kind) {
    static const std::map<std::string, std::string> c{
        {"redline", "#2ca25f"}, {"water_source", "#3182bd"}, {"water_zone", "#9ecae1"}, {"marine_zone", "#6baed6"},
        {"control_unit", "#bcbddc"}, {"soil_parcel", "#8c510a"}, {"farmland_soil", "#dfc27d"}, {"bay", "#c6dbef"},
        {"coastline", "#08519c"}, {"admin", "#969696"}, {"outlet", "#e6550d"}};
    SvgStyle s;
    auto it = c.find(kind);
    std::string col = it == c.end() ? "#777777" : it->second;
    s.fill = col;
    s.stroke = col;
    s.fill_opacity = kind == "control_unit" || kind == "admin" ? 0.15 : 0.35;
    s.stroke_width = 1;
    s.point_radius = 4;
    return s;
}

std::string site_map(const checks::ScreenResult& r, const checks::SiteResult& s) {
    const GEOSGeometry* g = r.sites.features[s.index].geom.get();
    geom::Box b = geom::bounds(g);
    double pad = r.buffers.empty() ? 200.0 : r.buffers.back() * 1.1;
    double w = std::max(b.maxx - b.minx, 1.0), h = std::max(b.maxy - b.miny, 1.0);
    pad = std::max(pad, 0.1 * std::max(w, h));
    double minx = b.minx - pad, miny = b.miny - pad, maxx = b.maxx + pad, maxy = b.maxy + pad;
    SvgMap map(minx, miny, maxx, maxy, 520, 400);
    auto h_ = geom::ctx();
    geom::Geom box = geom::own(GEOSGeom_createRectangle_r(h_, minx, miny, maxx, maxy), "map box");
    // constraint features in view: the kinds drawn from the broad (units) to the specific (redlines)
    static const std::vector<std::string> order{"admin", "control_unit", "marine_zone", "bay", "farmland_soil", "water_zone",
                                                "water_source", "soil_parcel", "redline", "coastline", "outlet"};
    std::vector<size_t> li_order;
    for (const auto& k : order)
        if (int li = r.layer_index(k); li >= 0) li_order.push_back(static_cast<size_t>(li));
    for (size_t li = 0; li < r.layers.size(); ++li)
        if (std::find(li_order.begin(), li_order.end(), li) == li_order.end()) li_order.push_back(li);
    for (size_t li : li_order) {
        const auto& L = r.layers[li];
        for (size_t i : L.index->candidates(box.get(), 0.0)) {
            geom::Geom clipped = geom::intersection(L.layer.features[i].geom.get(), box.get());
            if (geom::is_empty(clipped.get())) continue;
            auto og = to_ogr(clipped.get());
            std::string title = L.kind + " " + L.code(i) + " " + L.name(i);
            if (og) map.add(*og, kind_style(L.kind), title);
        }
    }
    SvgStyle ring;
    ring.stroke = "#555";
    ring.dash = "4 3";
    ring.stroke_width = 0.8;
    for (const auto& bg : vector::site_buffers(g, r.buffers, vector::kRingDrawQuadSegs)) {
        geom::Geom outline = geom::own(GEOSBoundary_r(h_, bg.get()), "ring outline");
        if (auto og = to_ogr(outline.get())) map.add(*og, ring);
    }
    SvgStyle near;
    near.stroke = "#000";
    near.dash = "2 2";
    for (size_t li = 0; li < r.layers.size(); ++li)
        if (const auto& F = s.per_layer[li]; F.nearest_line)
            if (auto og = to_ogr(F.nearest_line.get()))
                map.add(*og, near, r.layers[li].kind + ": " + num(F.dmin, 1) + " m");
    SvgStyle site;
    site.fill = verdict_colour(s.verdict);
    site.fill_opacity = 0.6;
    site.stroke = "#000";
    site.stroke_width = s.dim == 1 ? 3 : 2;
    if (s.dim == 1) site.stroke = verdict_colour(s.verdict);
    site.point_radius = 6;
    if (auto og = to_ogr(g)) map.add(*og, site, s.site_id + " " + s.name);
    for (const auto& F : s.per_layer)
        for (const auto& h : F.hits)
            if (h.piece && !geom::is_empty(h.piece.get())) {
                SvgStyle p;
                p.fill = "#000";
                p.fill_opacity = 0.35;
                p.stroke = "#000";
                p.stroke_width = s.dim == 1 ? 4 : 1.5;
                if (auto og = to_ogr(h.piece.get())) map.add(*og, p, "overlap");
            }
    return map.render();
}

}  // namespace

std::string screen_html(const checks::ScreenResult& r, const nlohmann::json& rep, const ScreenReportOptions& opt) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>ecoshield screening: "
      << esc(r.project.name) << "</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.v{display:inline-block;padding:1px 8px;border-radius:3px;color:#fff;font-weight:bold}"
         ".card{border:1px solid #ddd;border-radius:6px;padding:12px;margin:16px 0;display:flex;gap:16px;flex-wrap:wrap}"
         ".card>div{flex:1 1 480px}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         "svg{border:1px solid #ccc;background:#fafafa}\n</style></head><body>\n";
    o << "<h1>选址生态环境准入筛查 / Site screening: " << esc(r.project.name) << "</h1>\n";
    o << "<p><small>ecoshield " << ECOSHIELD_VERSION << " &middot; " << esc(rep.value("created", "")) << " &middot; working CRS "
      << esc(r.work_crs_label) << " &middot; rules: " << esc(r.rules.name) << " &middot; buffers";
    for (double b : r.buffers) o << " " << num(b) << " m";
    o << "</small></p>\n<p><small>" << esc(rep["area_convention"].get<std::string>()) << "</small></p>\n";

    // inputs
    o << "<details><summary>输入数据 / Inputs</summary><table><tr><th>role</th><th>source</th><th>CRS</th><th>features</th>"
         "<th>repaired</th><th>rejected</th><th>size</th><th>SHA-256</th></tr>";
    for (const auto& in : rep["inputs"]) {
        o << "<tr><td>" << esc(in.value("role", "")) << "</td><td>" << esc(in.value("source", in.value("path", ""))) << "</td><td>"
          << esc(in.value("crs", "")) << (in.value("crs_assumed", false) ? " (assumed)" : "") << "</td><td class=\"num\">"
          << (in.contains("features_read") ? std::to_string(in["features_read"].get<long long>()) : "") << "</td><td class=\"num\">"
          << (in.contains("repaired") ? std::to_string(in["repaired"].get<int>()) : "") << "</td><td class=\"num\">"
          << (in.contains("rejected") ? std::to_string(in["rejected"].get<int>()) : "") << "</td><td class=\"num\">"
          << (in.contains("file") ? std::to_string(in["file"]["size"].get<long long>()) : "") << "</td><td><small>"
          << (in.contains("file") ? esc(in["file"]["sha256"].get<std::string>()) : "") << "</small></td></tr>";
    }
    o << "</table></details>\n";

    // summary
    o << "<h2>结论汇总 / Verdicts</h2><table><tr>";
    for (const auto& v : checks::verdicts())
        o << "<th><span class=\"v\" style=\"background:" << verdict_colour(v) << "\">" << checks::verdict_zh(v) << " " << v
          << "</span></th>";
    o << "</tr><tr>";
    for (const auto& v : checks::verdicts()) o << "<td class=\"num\">" << rep["summary"]["verdicts"][v].get<int>() << "</td>";
    o << "</tr></table>\n";
    html_list(o, "Notes", r.notes, "h3");
    const auto& repairs = rep["repairs"];
    if (!repairs.empty()) {
        o << "<h3>修复与剔除 / Repaired and rejected input features (" << repairs.size() << ")</h3><table><tr><th>layer</th><th>fid</th><th>code / site id</th><th>action</th><th>reason</th></tr>";
        size_t k = 0;
        for (const auto& x : repairs) {
            if (++k > 500) break;
            o << "<tr><td>" << esc(x["layer"].get<std::string>()) << "</td><td>" << x["fid"].get<long long>() << "</td><td>"
              << esc(x.value("code", std::string())) << "</td><td>" << esc(x["action"].get<std::string>()) << "</td><td>" << esc(x["reason"].get<std::string>()) << "</td></tr>";
        }
        o << "</table>" << (repairs.size() > 500 ? "<p>(first 500 listed; all are in report.json)</p>" : "") << "\n";
    }

    // table of sites
    const int red = r.layer_index("redline");
    o << "<h2>项目清单 / Sites</h2><table><tr><th>site</th><th>name</th><th>verdict</th><th>rules</th><th>area (ha)</th>"
         "<th>length (m)</th><th>redline overlap (ha)</th><th>nearest redline (m)</th></tr>\n";
    for (const auto& s : r.results) {
        std::string fired;
        for (const auto& f : s.fired) fired += (fired.empty() ? "" : ", ") + f.rule_id;
        double ov = 0;
        double dmin = red >= 0 ? s.per_layer[red].dmin : NAN;
        if (red >= 0)
            for (const auto& h : s.per_layer[red].hits) ov += h.overlap_m2;
        o << "<tr><td><a href=\"#site-" << esc(s.site_id) << "\">" << esc(s.site_id) << "</a></td><td>" << esc(s.name)
          << "</td><td><span class=\"v\" style=\"background:" << verdict_colour(s.verdict) << "\">" << checks::verdict_zh(s.verdict)
          << "</span> " << s.verdict << "</td><td>" << esc(fired) << "</td><td class=\"num\">"
          << (s.dim == 2 ? num(units::m2_to_ha(s.area_m2), 4) : "") << "</td><td class=\"num\">"
          << (s.dim == 1 ? num(s.length_m, 1) : "") << "</td><td class=\"num\">" << (s.dim == 2 ? num(units::m2_to_ha(ov), 4) : "")
          << "</td><td class=\"num\">" << num(dmin, 1) << "</td></tr>\n";
    }
    o << "</table>\n";

    // cards, worst verdicts first, at most html_max_maps with a map
    std::vector<const checks::SiteResult*> order;
    for (const auto& s : r.results) order.push_back(&s);
    std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) {
        return checks::verdict_rank(a->verdict) > checks::verdict_rank(b->verdict);
    });
    o << "<h2>逐项目说明 / Each site</h2>\n";
    if (order.size() > opt.html_max_maps)
        o << "<p>Maps are drawn for the first " << opt.html_max_maps << " sites by severity; every figure is in report.json and screen.gpkg.</p>\n";
    size_t drawn = 0;
    for (const auto* sp : order) {
        const auto& s = *sp;
        if (drawn >= opt.html_max_maps) break;
        ++drawn;
        o << "<div class=\"card\" id=\"site-" << esc(s.site_id) << "\"><div><h3>" << esc(s.site_id) << " " << esc(s.name)
          << " <span class=\"v\" style=\"background:" << verdict_colour(s.verdict) << "\">" << checks::verdict_zh(s.verdict) << " "
          << s.verdict << "</span></h3>";
        o << "<p><small>" << (s.dim == 2 ? "polygon, " + num(units::m2_to_ha(s.area_m2), 4) + " ha (" + num(units::m2_to_mu(s.area_m2), 2) + " mu) planar, " +
                                               num(units::m2_to_ha(s.area_ell_m2), 4) + " ha ellipsoidal"
                               : s.dim == 1 ? "line, " + num(s.length_m, 1) + " m"
                                            : std::string("point"))
          << (s.activity.empty() ? "" : " &middot; activity: " + esc(s.activity)) << "</small></p>";
        if (s.fired.empty()) o << "<p>No rule fired.</p>";
        else {
            o << "<table><tr><th>rule</th><th>verdict</th><th>reason</th><th>figures</th></tr>";
            for (const auto& f : s.fired)
                o << "<tr><td>" << esc(f.rule_id) << "</td><td>" << f.verdict << "</td><td>" << esc(f.reason_zh.empty() ? f.reason : f.reason_zh + " / " + f.reason)
                  << "</td><td>" << esc(f.detail) << "</td></tr>";
            o << "</table>";
        }
        o << "<table><tr><th>layer</th><th>hits</th><th>overlap (m2)</th><th>nearest</th><th>distance (m)</th>";
        for (double b : r.buffers) o << "<th>&le;" << num(b) << " m</th>";
        o << "</tr>";
        for (size_t li = 0; li < r.layers.size(); ++li) {
            const auto& F = s.per_layer[li];
            double ov = 0;
            for (const auto& h : F.hits) ov += h.overlap_m2;
            o << "<tr><td>" << r.layers[li].kind << "</td><td class=\"num\">" << F.hits.size() << "</td><td class=\"num\">"
              << (s.dim == 2 ? num(ov, 2) : "") << "</td><td>" << (F.nearest >= 0 ? esc(r.layers[li].code(static_cast<size_t>(F.nearest))) : "")
              << "</td><td class=\"num\">" << num(F.dmin, 1) << "</td>";
            for (size_t k = 0; k < r.buffers.size(); ++k) o << "<td class=\"num\">" << F.within_count[k] << "</td>";
            o << "</tr>";
        }
        o << "</table>";
        for (const auto& u : site_json(r, s)["control_units"]) {
            o << "<p><b>管控单元 " << esc(u["code"].get<std::string>()) << " " << esc(u["name"].get<std::string>()) << "</b> ("
              << esc(u["class"].get<std::string>()) << ")<br>";
            for (const char* k : {"spatial_layout", "emissions", "risk", "resources"})
                if (!u[k].get<std::string>().empty()) o << "<small>" << k << ":</small> " << esc(u[k].get<std::string>()) << "<br>";
            o << "</p>";
        }
        o << "</div><div>" << site_map(r, s) << "</div></div>\n";
    }
    o << "</body></html>\n";
    return o.str();
}

std::vector<std::string> write_screen_outputs(const checks::ScreenResult& r, const std::string& out_dir,
                                              const ScreenReportOptions& opt, const Progress& progress) {
    OutputDir out(out_dir, "screen");
    const std::string created = run_timestamp();
    // temporary names taken here, in the final order, before any other thread runs
    const std::string gpkg_path = out.temp("screen.gpkg"), json_path = out.temp("report.json"), csv_path = out.temp("report.csv");
    const std::string html_path = opt.html ? out.temp("report.html") : std::string();
    nlohmann::json rep = screen_json_head(r, created);
    auto write_text = [&](const std::string& name, const std::string& p, const std::string& text) {
        std::ofstream f(p, std::ios::binary);
        f << text;
        f.close();
        if (!f) throw Failure("screen: cannot write '" + out.final_path(name) + "' (disk full?)");
    };
    // The reports are written by a second thread while this one writes the GeoPackage (GDAL's
    // GeoPackage writing is serial): they read the same result and share nothing else. Progress
    // is reported from this thread only.
    auto reports = std::async(std::launch::async, [&] {
        {
            std::ofstream f(json_path, std::ios::binary);
            write_screen_json(f, r, rep);
            f.close();
            if (!f) throw Failure("screen: cannot write '" + out.final_path("report.json") + "' (disk full?)");
        }
        write_text("report.csv", csv_path, screen_csv(r));
        if (opt.html) write_text("report.html", html_path, screen_html(r, rep, opt));
    });
    try {
        write_screen_gpkg(r, gpkg_path, created, opt, progress.sub(0.0, 0.9));
    } catch (...) {
        reports.wait();  // the other thread uses `out` and `r`: let it finish before unwinding
        throw;
    }
    reports.get();  // rethrows a failure of the reports
    progress.report(1.0, "writing reports");
    // a report.html left by an earlier run would no longer match the other outputs
    if (!opt.html) out.remove_at_commit("report.html");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
