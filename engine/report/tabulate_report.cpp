// Outputs of `tabulate` (see tabulate_report.h).
#include "report/layer_record.h"
#include "report/report_util.h"
#include "report/tabulate_report.h"

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


json layer_json(const checks::TabulateResult& r, const checks::TabulateLayer& L) {
    json e{{"role", L.role}, {"kind", L.kind.empty() ? json() : json(L.kind)}, {"field", L.field}, {"field_in_data", L.field_used},
           {"source", L.layer.source.spec}, {"path", L.layer.source.path}, {"layer", L.layer.layer_name},
           {"crs", L.layer.crs_label}, {"crs_assumed", L.layer.crs_assumed}, {"features_read", L.layer.n_read},
           {"features_used", L.layer.features.size()}};
    add_file_facts(e, L.layer.source.path, r.inputs);
    e["sum_of_feature_areas_m2"] = jnum(L.sum_area);
    e["sum_of_feature_areas_ell_m2"] = jnum(L.sum_area_ell);
    e["self_overlap_m2"] = jnum(L.self_overlap);
    e["self_overlap_ell_m2"] = jnum(L.self_overlap_ell);
    e["table_total_m2"] = jnum(L.table_total);
    e["table_total_ell_m2"] = jnum(L.table_total_ell);
    e["reconciliation_rel_error"] = L.rel_error;
    e["reconciliation_rel_error_ell"] = L.rel_error_ell;
    json issues = json::array();
    for (const auto& i : L.layer.issues) issues.push_back({{"fid", i.fid}, {"action", i.action}, {"reason", i.reason}});
    e["repairs"] = issues;
    return e;
}

json cell_json(const checks::Cell& c) {
    return {{"area_m2", jnum(c.area)}, {"area_ell_m2", jnum(c.area_ell)}, {"area_ha", jnum(units::m2_to_ha(c.area))}, {"pieces", c.pieces}};
}

const char* kPalette[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
                          "#1f78b4", "#b2df8a", "#fb9a99", "#cab2d6"};


std::string table_map(const checks::TabulateResult& r) {
    geom::Box box{1e300, 1e300, -1e300, -1e300};
    bool any = false;
    for (const auto& p : r.pieces) {
        if (geom::is_empty(p.geom.get())) continue;
        auto b = geom::bounds(p.geom.get());
        box = {std::min(box.minx, b.minx), std::min(box.miny, b.miny), std::max(box.maxx, b.maxx), std::max(box.maxy, b.maxy)};
        any = true;
    }
    if (!any) return "";
    SvgMap map(box.minx, box.miny, box.maxx, box.maxy, 760, 560);
    for (const auto& p : r.pieces) {
        if (p.a != vector::kNone) continue;
        SvgStyle st;
        st.fill = "#eeeeee";
        st.stroke = "#999";
        st.stroke_width = 0.5;
        if (auto o = to_ogr(p.geom.get())) map.add(*o, st);
    }
    for (const auto& p : r.pieces) {
        if (p.a == vector::kNone) continue;
        size_t k = 0;
        const std::string& cat = r.A.category[p.a];
        for (size_t i = 0; i < r.rows.size(); ++i)
            if (r.rows[i] == cat) k = i;
        std::string title = cat + " / " + (p.b == vector::kNone ? checks::kOutsideB : r.B.category[p.b]) + ": " + num(units::m2_to_ha(p.area), 2) + " ha";
        SvgStyle st;
        st.fill = kPalette[k % 12];
        st.stroke = "#333";
        st.fill_opacity = p.b == vector::kNone ? 0.35 : 0.8;
        st.stroke_width = 0.5;
        if (auto o = to_ogr(p.geom.get())) map.add(*o, st, title);
    }
    return map.render();
}

}  // namespace

json tabulate_json(const checks::TabulateResult& r, const std::string& created) {
    json j = report_head("ecoshield.tabulate/1", created, r.params, r.work_epsg, r.work_crs_label);
    j["area_convention"] =
        "*_m2 areas are planar in the working CRS; *_ell_m2 areas are ellipsoidal (the drawn figure's area on the working CRS's ellipsoid); ha from planar m2";
    j["overlap_rule"] =
        "each layer is flattened in feature order: where features of one layer overlap, the overlap counts once, for the feature read first; "
        "table total of a layer + its self-overlap = sum of its features' own areas";
    j["layers"] = {layer_json(r, r.A), layer_json(r, r.B)};
    j["rows"] = r.rows;
    j["columns"] = r.cols;
    json cells = json::array();
    for (const auto& row : r.rows)
        for (const auto& col : r.cols) {
            auto it = r.cells.find({row, col});
            if (it == r.cells.end()) continue;
            json c = cell_json(it->second);
            c["row"] = row;
            c["column"] = col;
            cells.push_back(c);
        }
    j["cells"] = cells;
    json rt = json::object(), ct = json::object();
    for (const auto& row : r.rows) rt[row] = cell_json(r.row_total.count(row) ? r.row_total.at(row) : checks::Cell{});
    for (const auto& col : r.cols) ct[col] = cell_json(r.col_total.count(col) ? r.col_total.at(col) : checks::Cell{});
    j["row_totals"] = rt;
    j["column_totals"] = ct;
    j["grand_total"] = cell_json(r.grand);
    j["reconciled"] = r.reconciled;
    j["reconciliation_tolerance_rel"] = 1e-9;
    j["notes"] = r.notes;
    j["summary"] = {{"pieces", r.pieces.size()}, {"rows", r.rows.size()}, {"columns", r.cols.size()}, {"reconciled", r.reconciled}};
    return j;
}

std::string tabulate_csv(const checks::TabulateResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF" << "measure," << csv_field("A: " + r.A.field);
    for (const auto& c : r.cols) o << "," << csv_field(c);
    o << ",total\n";
    for (int ell = 0; ell < 2; ++ell) {
        const char* m = ell ? "ellipsoidal_m2" : "planar_m2";
        auto v = [&](const checks::Cell& c) { return num(ell ? c.area_ell : c.area, -1); };
        for (const auto& row : r.rows) {
            o << m << "," << csv_field(row);
            for (const auto& col : r.cols) {
                auto it = r.cells.find({row, col});
                o << "," << (it == r.cells.end() ? "0" : v(it->second));
            }
            auto it = r.row_total.find(row);
            o << "," << (it == r.row_total.end() ? "0" : v(it->second)) << "\n";
        }
        o << m << ",total";
        for (const auto& col : r.cols) {
            auto it = r.col_total.find(col);
            o << "," << (it == r.col_total.end() ? "0" : v(it->second));
        }
        o << "," << v(r.grand) << "\n";
    }
    return o.str();
}

std::string tabulate_html(const checks::TabulateResult& r, const json& rep) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield tabulate</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}tr.t td{font-weight:bold}"
         "svg{border:1px solid #ccc;background:#fafafa}\n</style></head><body>\n";
    o << "<h1>面积交叉统计 / Area cross-table</h1>\n";
    o << "<p><small>ecoshield " << ECOSHIELD_VERSION << " &middot; " << esc(rep.value("created", "")) << " &middot; working CRS "
      << esc(r.work_crs_label) << "</small></p>\n";
    o << "<p>A: " << esc(r.A.layer.source.spec) << " by <b>" << esc(r.A.field) << "</b>" << (r.A.kind.empty() ? "" : " (kind " + esc(r.A.kind) + ")")
      << "<br>B: " << esc(r.B.layer.source.spec) << " by <b>" << esc(r.B.field) << "</b>" << (r.B.kind.empty() ? "" : " (kind " + esc(r.B.kind) + ")")
      << "</p>\n";
    o << "<p>Totals reconcile: <b>" << (r.reconciled ? "yes" : "NO") << "</b> (tolerance 1e-9 relative). "
      << "Overlaps within a layer count once, for the feature read first.</p>\n";
    for (int ell = 0; ell < 2; ++ell) {
        auto v = [&](const checks::Cell& c) { return num(units::m2_to_ha(ell ? c.area_ell : c.area), 4); };
        o << "<h2>" << (ell ? "椭球面积 / ellipsoidal" : "平面面积 / planar") << " (ha)</h2>\n<table><tr><th>A \\ B</th>";
        for (const auto& c : r.cols) o << "<th>" << esc(c) << "</th>";
        o << "<th>total</th></tr>\n";
        for (const auto& row : r.rows) {
            o << "<tr><th>" << esc(row) << "</th>";
            for (const auto& col : r.cols) {
                auto it = r.cells.find({row, col});
                o << "<td class=num>" << (it == r.cells.end() ? "" : v(it->second)) << "</td>";
            }
            auto it = r.row_total.find(row);
            o << "<td class=num><b>" << (it == r.row_total.end() ? "0" : v(it->second)) << "</b></td></tr>\n";
        }
        o << "<tr class=t><th>total</th>";
        for (const auto& col : r.cols) {
            auto it = r.col_total.find(col);
            o << "<td class=num>" << (it == r.col_total.end() ? "0" : v(it->second)) << "</td>";
        }
        o << "<td class=num>" << v(r.grand) << "</td></tr></table>\n";
    }
    o << "<h2>Reconciliation</h2>\n<table><tr><th>layer</th><th>sum of feature areas (ha)</th><th>self-overlap (ha)</th><th>table total (ha)</th>"
         "<th>relative error</th><th>ellipsoidal: sum (ha)</th><th>self-overlap (ha)</th><th>table total (ha)</th><th>relative error</th></tr>\n";
    for (const auto* L : {&r.A, &r.B})
        o << "<tr><td>" << L->role << "</td><td class=num>" << num(units::m2_to_ha(L->sum_area), 4) << "</td><td class=num>"
          << num(units::m2_to_ha(L->self_overlap), 4) << "</td><td class=num>" << num(units::m2_to_ha(L->table_total), 4)
          << "</td><td class=num>" << num(L->rel_error, -1) << "</td><td class=num>" << num(units::m2_to_ha(L->sum_area_ell), 4)
          << "</td><td class=num>" << num(units::m2_to_ha(L->self_overlap_ell), 4) << "</td><td class=num>"
          << num(units::m2_to_ha(L->table_total_ell), 4) << "</td><td class=num>" << num(L->rel_error_ell, -1) << "</td></tr>\n";
    o << "</table>\n";
    html_list(o, "Notes", r.notes);
    o << "<h2>Map</h2><p><small>pieces of A coloured by " << esc(r.A.field) << " (pale: outside B); grey: B outside A</small></p>\n"
      << table_map(r) << "\n</body></html>\n";
    return o.str();
}

std::vector<std::string> write_tabulate_outputs(const checks::TabulateResult& r, const std::string& out_dir,
                                                const TabulateReportOptions& opt, const Progress& progress) {
    OutputDir out(out_dir, "tabulate");
    const std::string created = run_timestamp();
    json rep = tabulate_json(r, created);
    {
        GpkgWriter w(out.temp("tabulate.gpkg"), *r.work_crs, created, "tabulate");
        json run{{"software", rep["software"]}, {"created", created}, {"parameters", rep["parameters"]}, {"work_crs", rep["work_crs"]},
                 {"layers", rep["layers"]}};
        for (auto& l : run["layers"]) l.erase("repairs");
        w.set_metadata("ECOSHIELD_RUN", run.dump());
        w.begin("pieces", multi_type(2),
                {{"a_value"}, {"b_value"}, {"a_fid", OFTInteger64}, {"b_fid", OFTInteger64}, {"area_m2", OFTReal},
                 {"area_ell_m2", OFTReal}, {"area_ha", OFTReal}},
                "ecoshield tabulate: A split by B (a_value '(outside A)' or b_value '(outside B)' for the parts outside the other layer)");
        for (const auto& p : r.pieces) {
            Value af = p.a == vector::kNone ? Value() : Value(r.A.layer.features[p.a].fid);
            Value bf = p.b == vector::kNone ? Value() : Value(r.B.layer.features[p.b].fid);
            w.add(p.geom.get(), {p.a == vector::kNone ? checks::kOutsideA : r.A.category[p.a],
                                 p.b == vector::kNone ? checks::kOutsideB : r.B.category[p.b], af, bf, p.area, p.area_ell,
                                 units::m2_to_ha(p.area)});
        }
        w.end("tabulate_pieces");
        for (const auto* L : {&r.A, &r.B}) {
            if (L->self_overlap <= 0) continue;
            w.begin(std::string("self_overlap_") + (L == &r.A ? "a" : "b"), multi_type(2),
                    {{"value"}, {"src_fid", OFTInteger64}, {"counted_for_fid", OFTInteger64}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}},
                    "ecoshield tabulate: overlaps within a layer, not counted again for the later feature");
            for (size_t i = 0; i < L->flat.size(); ++i)
                for (size_t k = 0; k < L->flat[i].overlaps.size(); ++k) {
                    const auto* g = L->flat[i].overlaps[k].get();
                    w.add(g, {L->category[i], L->layer.features[i].fid, L->layer.features[L->flat[i].overlaps_with[k]].fid,
                              geom::area(g), r.ellipsoidal->area(g)});
                }
            w.end("");
        }
        std::vector<OutField> tf{{"a_value"}, {"b_value"}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"area_ha", OFTReal},
                                 {"pieces", OFTInteger64}};
        w.begin("cross_table", wkbNone, tf, "ecoshield tabulate: the cross-table, one row per cell");
        for (const auto& row : r.rows)
            for (const auto& col : r.cols) {
                auto it = r.cells.find({row, col});
                if (it == r.cells.end()) continue;
                w.add(nullptr, {row, col, it->second.area, it->second.area_ell, units::m2_to_ha(it->second.area), it->second.pieces});
            }
        w.end("");
        w.close();
    }
    progress.report(0.7, "writing reports");
    out.write_text("report.json", rep.dump(2) + "\n");
    out.write_text("report.csv", tabulate_csv(r));
    if (opt.html) out.write_text("report.html", tabulate_html(r, rep));
    else out.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    progress.report(1.0, "writing reports");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
