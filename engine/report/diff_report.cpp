// Outputs of `redline diff` (see diff_report.h).
#include "report/layer_record.h"
#include "report/report_util.h"
#include "report/diff_report.h"

#include <ogr_geometry.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/units.h"
#include "report/gpkg_writer.h"
#include "report/out_dir.h"
#include "report/screen_report.h"
#include "report/svg_map.h"

namespace eco::report {

using io::Value;
using nlohmann::json;

namespace {


json fig_json(const checks::DiffFigures& d) {
    return {{"old_m2", jnum(d.old_area)}, {"new_m2", jnum(d.new_area)}, {"added_m2", jnum(d.added)}, {"removed_m2", jnum(d.removed)},
            {"unchanged_m2", jnum(d.unchanged)}, {"edge_added_m2", jnum(d.edge_added)}, {"edge_removed_m2", jnum(d.edge_removed)},
            {"reattributed_m2", jnum(d.reattributed())}, {"change_m2", jnum(d.change())},
            {"old_ell_m2", jnum(d.old_ell)}, {"new_ell_m2", jnum(d.new_ell)}, {"added_ell_m2", jnum(d.added_ell)},
            {"removed_ell_m2", jnum(d.removed_ell)}, {"unchanged_ell_m2", jnum(d.unchanged_ell)},
            {"edge_added_ell_m2", jnum(d.edge_added_ell)}, {"edge_removed_ell_m2", jnum(d.edge_removed_ell)},
            {"change_ell_m2", jnum(d.change_ell())}, {"not_decreased", d.not_decreased()},
            {"verdict", d.not_decreased() ? "pass" : "fail"}};
}

json version_json(const checks::RedlineDiffResult& r, const checks::DiffVersion& V) {
    return layer_input_json(V.layer, V.role, r.inputs);
}

const checks::DiffVersion& version_of(const checks::RedlineDiffResult& r, const checks::ChangePiece& c) {
    return c.from_new ? r.new_v : r.old_v;
}


std::string change_map(const checks::RedlineDiffResult& r) {
    geom::Box box{1e300, 1e300, -1e300, -1e300};
    bool any = false;
    for (const auto* V : {&r.old_v, &r.new_v})
        for (const auto& f : V->layer.features) {
            auto b = geom::bounds(f.geom.get());
            box = {std::min(box.minx, b.minx), std::min(box.miny, b.miny), std::max(box.maxx, b.maxx), std::max(box.maxy, b.maxy)};
            any = true;
        }
    if (!any) return "";
    SvgMap map(box.minx, box.miny, box.maxx, box.maxy, 760, 560);
    SvgStyle base;
    base.fill = "#c7e9c0";
    base.stroke = "#74c476";
    base.stroke_width = 0.5;
    for (const auto& f : r.new_v.layer.features)
        if (auto o = to_ogr(f.geom.get())) map.add(*o, base);
    for (const auto& c : r.pieces) {
        SvgStyle st;
        bool added = c.change.find("added") != std::string::npos;
        st.fill = added ? "#1a9850" : "#d73027";
        st.stroke = st.fill;
        st.stroke_width = c.change.rfind("edge", 0) == 0 ? 0.5 : 1.5;
        st.fill_opacity = c.change.rfind("edge", 0) == 0 ? 0.3 : 0.9;
        std::string title = c.change + " " + version_of(r, c).code[c.patch] + ": " + num(units::m2_to_ha(c.area), 4) + " ha";
        if (auto o = to_ogr(c.geom.get())) map.add(*o, st, title);
    }
    return map.render();
}

}  // namespace

json redline_diff_json(const checks::RedlineDiffResult& r, const std::string& created) {
    json j = report_head("ecoshield.redline_diff/1", created, r.params, r.work_epsg, r.work_crs_label);
    j["area_convention"] =
        "*_m2 areas are planar in the working CRS; *_ell_m2 areas are ellipsoidal (the drawn figure's area on the working CRS's ellipsoid); "
        "verdicts use planar areas";
    j["method"] =
        "removed = old patch minus the union of the new version; added = new patch minus the union of the old version; parts of a "
        "change polygon narrower than the tolerance (morphological opening, mitred joins) are edge adjustments; "
        "change = (new - old) - (edge_added - edge_removed); 'redline area not decreased' when change >= 0; "
        "overlaps between patches of one version count once, for the patch read first";
    j["inputs"] = {version_json(r, r.old_v), version_json(r, r.new_v)};
    if (r.admin) {
        json e{{"role", "admin"}, {"source", r.admin->source.spec}, {"path", r.admin->source.path}, {"layer", r.admin->layer_name},
               {"crs", r.admin->crs_label}, {"crs_assumed", r.admin->crs_assumed}, {"features_read", r.admin->n_read},
               {"features_used", r.admin->features.size()}};
        add_file_facts(e, r.admin->source.path, r.inputs);
        j["inputs"].push_back(e);
    }
    j["county_source"] = r.county_source;
    json counties = json::array(), types = json::array();
    for (const auto& [k, d] : r.by_county) {
        json e = fig_json(d);
        e["county"] = k;
        counties.push_back(e);
    }
    for (const auto& [k, d] : r.by_type) {
        json e = fig_json(d);
        e["function_type"] = k;
        types.push_back(e);
    }
    j["by_county"] = counties;
    j["by_function_type"] = types;
    j["overall"] = fig_json(r.overall);
    json changes = json::array();
    for (const auto& c : r.pieces) {
        const auto& V = version_of(r, c);
        changes.push_back({{"change", c.change}, {"version", V.role}, {"code", V.code[c.patch]}, {"county", c.county},
                           {"function_type", V.ftype[c.patch]}, {"fid", V.layer.features[c.patch].fid}, {"area_m2", jnum(c.area)},
                           {"area_ell_m2", jnum(c.area_ell)}});
    }
    j["changes"] = changes;
    json repairs = json::array();
    for (const auto* V : {&r.old_v, &r.new_v})
        for (const auto& i : V->layer.issues) repairs.push_back({{"layer", V->role}, {"fid", i.fid}, {"action", i.action}, {"reason", i.reason}});
    j["repairs"] = repairs;
    j["notes"] = r.notes;
    int fails = 0;
    for (const auto& [k, d] : r.by_county) fails += d.not_decreased() ? 0 : 1;
    j["summary"] = {{"verdict", r.overall.not_decreased() ? "pass" : "fail"}, {"counties_decreased", fails},
                    {"change_polygons", r.pieces.size()}, {"change_m2", jnum(r.overall.change())}};
    return j;
}

std::string redline_diff_csv(const checks::RedlineDiffResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF"
      << "group,value,old_m2,new_m2,added_m2,removed_m2,unchanged_m2,edge_added_m2,edge_removed_m2,reattributed_m2,change_m2,"
         "old_ell_m2,new_ell_m2,added_ell_m2,removed_ell_m2,change_ell_m2,verdict\n";
    auto row = [&](const std::string& g, const std::string& v, const checks::DiffFigures& d) {
        o << g << "," << csv_field(v);
        for (double x : {d.old_area, d.new_area, d.added, d.removed, d.unchanged, d.edge_added, d.edge_removed, d.reattributed(), d.change(),
                         d.old_ell, d.new_ell, d.added_ell, d.removed_ell, d.change_ell()})
            o << "," << num(x, -1);
        o << "," << (d.not_decreased() ? "pass" : "fail") << "\n";
    };
    for (const auto& [k, d] : r.by_county) row("county", k, d);
    for (const auto& [k, d] : r.by_type) row("function_type", k, d);
    row("overall", "", r.overall);
    return o.str();
}

namespace {

std::string diff_html(const checks::RedlineDiffResult& r, const json& rep) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield redline diff</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         ".pass{color:#1a9850;font-weight:bold}.fail{color:#d73027;font-weight:bold}svg{border:1px solid #ccc;background:#fafafa}\n"
         "</style></head><body>\n";
    o << "<h1>生态保护红线变化 / Redline change</h1>\n<p><small>ecoshield " << ECOSHIELD_VERSION << " &middot; "
      << esc(rep.value("created", "")) << " &middot; working CRS " << esc(r.work_crs_label) << " &middot; edge tolerance "
      << num(r.tolerance) << " m &middot; counties from the " << esc(r.county_source) << "</small></p>\n";
    o << "<p>old: " << esc(r.old_v.layer.source.spec) << "<br>new: " << esc(r.new_v.layer.source.spec) << "</p>\n";
    const bool pass = r.overall.not_decreased();
    o << "<p>红线面积不减少 / redline area not decreased: <span class=" << (pass ? "pass>PASS" : "fail>FAIL") << "</span> (change "
      << num(units::m2_to_ha(r.overall.change()), 4) << " ha planar, " << num(units::m2_to_ha(r.overall.change_ell()), 4)
      << " ha ellipsoidal, edge adjustments excluded)</p>\n";
    auto table = [&](const std::string& title, const std::map<std::string, checks::DiffFigures>& m) {
        o << "<h2>" << title << " (ha, planar; ellipsoidal change in the last column)</h2>\n<table><tr><th></th><th>old</th><th>new</th>"
             "<th>added</th><th>removed</th><th>unchanged</th><th>edge +</th><th>edge &minus;</th><th>re-attributed</th><th>change</th>"
             "<th>change (ell.)</th><th>verdict</th></tr>\n";
        auto row = [&](const std::string& k, const checks::DiffFigures& d) {
            o << "<tr><th>" << esc(k) << "</th>";
            for (double x : {d.old_area, d.new_area, d.added, d.removed, d.unchanged, d.edge_added, d.edge_removed, d.reattributed(),
                             d.change(), d.change_ell()})
                o << "<td class=num>" << num(units::m2_to_ha(x), 4) << "</td>";
            o << "<td class=" << (d.not_decreased() ? "pass>pass" : "fail>fail") << "</td></tr>\n";
        };
        for (const auto& [k, d] : m) row(k, d);
        row("total", r.overall);
        o << "</table>\n";
    };
    table("按县 / per county", r.by_county);
    table("按类型 / per function type", r.by_type);
    o << "<h2>变化图斑 / change polygons</h2>\n<table><tr><th>change</th><th>patch</th><th>county</th><th>function type</th>"
         "<th>ha</th><th>m2 (ell.)</th></tr>\n";
    for (const auto& c : r.pieces) {
        const auto& V = version_of(r, c);
        o << "<tr><td>" << c.change << "</td><td>" << esc(V.code[c.patch]) << "</td><td>" << esc(c.county) << "</td><td>"
          << esc(V.ftype[c.patch]) << "</td><td class=num>" << num(units::m2_to_ha(c.area), 4) << "</td><td class=num>"
          << num(c.area_ell, 2) << "</td></tr>\n";
    }
    o << "</table>\n";
    html_list(o, "Notes", r.notes);
    o << "<h2>Map</h2><p><small>green fill: new version; dark green: added; red: removed; pale: edge adjustments</small></p>\n"
      << change_map(r) << "\n</body></html>\n";
    return o.str();
}

}  // namespace

std::vector<std::string> write_redline_diff_outputs(const checks::RedlineDiffResult& r, const std::string& out_dir,
                                                    const DiffReportOptions& opt, const Progress& progress) {
    OutputDir out(out_dir, "redline diff");
    const std::string created = run_timestamp();
    json rep = redline_diff_json(r, created);
    {
        GpkgWriter w(out.temp("redline_diff.gpkg"), *r.work_crs, created, "redline diff");
        w.set_run_record(rep, created);
        w.begin("change", multi_type(2),
                {{"change"}, {"version"}, {"code"}, {"county"}, {"function_type"}, {"src_fid", OFTInteger64}, {"area_m2", OFTReal},
                 {"area_ell_m2", OFTReal}, {"area_ha", OFTReal}},
                "ecoshield redline diff: added, removed and edge-adjustment polygons with their source patch");
        for (const auto& c : r.pieces) {
            const auto& V = version_of(r, c);
            w.add(c.geom.get(), {c.change, V.role, V.code[c.patch], c.county, V.ftype[c.patch], V.layer.features[c.patch].fid,
                                 c.area, c.area_ell, units::m2_to_ha(c.area)});
        }
        w.end("diff_change");
        std::vector<OutField> f{{"grp"}, {"value"}, {"old_m2", OFTReal}, {"new_m2", OFTReal}, {"added_m2", OFTReal},
                                {"removed_m2", OFTReal}, {"unchanged_m2", OFTReal}, {"edge_added_m2", OFTReal},
                                {"edge_removed_m2", OFTReal}, {"change_m2", OFTReal}, {"change_ell_m2", OFTReal}, {"verdict"}};
        w.begin("figures", wkbNone, f, "ecoshield redline diff: figures per county, per function type and overall");
        auto row = [&](const std::string& g, const std::string& v, const checks::DiffFigures& d) {
            w.add(nullptr, {g, v, d.old_area, d.new_area, d.added, d.removed, d.unchanged, d.edge_added, d.edge_removed, d.change(),
                            d.change_ell(), std::string(d.not_decreased() ? "pass" : "fail")});
        };
        for (const auto& [k, d] : r.by_county) row("county", k, d);
        for (const auto& [k, d] : r.by_type) row("function_type", k, d);
        row("overall", "", r.overall);
        w.end("");
        w.close();
    }
    progress.report(0.7, "writing reports");
    out.write_text("report.json", rep.dump(2) + "\n");
    out.write_text("report.csv", redline_diff_csv(r));
    if (opt.html) out.write_text("report.html", diff_html(r, rep));
    else out.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    progress.report(1.0, "writing reports");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
