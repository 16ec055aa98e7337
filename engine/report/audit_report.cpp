// Outputs of `redline audit` (see audit_report.h).
#include "report/audit_report.h"

#include <ogr_geometry.h>

#include <cmath>
#include <sstream>

#include "core/error.h"
#include "core/units.h"
#include "report/gpkg_writer.h"
#include "report/layer_record.h"
#include "report/out_dir.h"
#include "report/report_util.h"
#include "report/screen_report.h"
#include "report/svg_map.h"

namespace eco::report {

using io::Value;
using nlohmann::json;

namespace {

json totals_json(const checks::AuditTotals& t) {
    return {{"patches", t.patches},         {"area_m2", jnum(t.area)},         {"area_ell_m2", jnum(t.area_ell)},
            {"net_area_m2", jnum(t.net_area)}, {"net_area_ell_m2", jnum(t.net_area_ell)}, {"declared_ha", jnum(t.declared_ha)},
            {"outside_admin_m2", jnum(t.outside)}, {"outside_admin_ell_m2", jnum(t.outside_ell)}, {"faults", t.faults}};
}

std::string codes_text(const checks::AuditFault& f) {
    if (!f.codes.empty()) {
        std::string s;
        for (const auto& c : f.codes) s += (s.empty() ? "" : ";") + c;
        return s;
    }
    return f.code2.empty() ? f.code : f.code + ";" + f.code2;
}

std::string patch_faults(const checks::RedlineAuditResult& r, const checks::AuditPatch& p) {
    std::string s;
    for (size_t q : p.faults) {
        const std::string& k = r.faults[q].kind;
        if (s.find(k) == std::string::npos) s += (s.empty() ? "" : ",") + k;
    }
    return s;
}

std::string patch_status(const checks::RedlineAuditResult& r, const checks::AuditPatch& p) {
    bool any = false, block = false;
    for (size_t q : p.faults) any = true, block = block || r.faults[q].blocking;
    return block ? "fault" : any ? "warning" : "ok";
}

geom::Geom point(double x, double y) { return geom::own(GEOSGeom_createPointFromXY_r(geom::ctx(), x, y), "point"); }

std::string audit_map(const checks::RedlineAuditResult& r) {
    geom::Box box{1e300, 1e300, -1e300, -1e300};
    bool any = false;
    auto grow = [&](const GEOSGeometry* g) {
        auto b = geom::bounds(g);
        box = {std::min(box.minx, b.minx), std::min(box.miny, b.miny), std::max(box.maxx, b.maxx), std::max(box.maxy, b.maxy)};
        any = true;
    };
    for (const auto& f : r.layer.features) grow(f.geom.get());
    if (!any) return "";
    SvgMap map(box.minx, box.miny, box.maxx, box.maxy, 760, 560);
    if (r.admin) {
        SvgStyle a;
        a.stroke = "#888";
        a.dash = "4 2";
        a.stroke_width = 0.7;
        for (const auto& f : r.admin->features)
            if (auto o = to_ogr(f.geom.get())) map.add(*o, a);
    }
    for (size_t i = 0; i < r.layer.features.size(); ++i) {
        const auto& p = r.patches[i];
        const std::string st = patch_status(r, p);
        SvgStyle s;
        s.fill = st == "fault" ? "#fdae61" : st == "warning" ? "#fee08b" : "#a6d96a";
        s.stroke = "#1a9850";
        s.stroke_width = 0.5;
        s.fill_opacity = 0.7;
        if (auto o = to_ogr(r.layer.features[i].geom.get())) map.add(*o, s, p.code + " " + p.name + " (" + st + ")");
    }
    for (size_t q = 0; q < r.faults.size(); ++q) {
        const auto& f = r.faults[q];
        const std::string title = "#" + std::to_string(q + 1) + " " + f.kind + " " + codes_text(f) + ": " + f.message;
        if (f.geom) {
            SvgStyle s;
            s.fill = s.stroke = f.kind == "overlap" ? "#d73027" : f.kind == "outside_admin" ? "#7b3294" : "#2166ac";
            s.fill_opacity = 0.8;
            s.stroke_width = 1.5;
            if (auto o = to_ogr(f.geom.get())) map.add(*o, s, title);
        }
        if (f.located) {
            SvgStyle s;
            s.fill = f.blocking ? "#d73027" : "#fdae61";
            s.stroke = "#000";
            s.stroke_width = 0.7;
            s.point_radius = 4;
            OGRPoint pt(f.x, f.y);
            map.add(pt, s, title);
        }
    }
    return map.render();
}

}  // namespace

json redline_audit_json(const checks::RedlineAuditResult& r, const std::string& created) {
    json j = report_head("ecoshield.redline_audit/1", created, r.params, r.work_epsg, r.work_crs_label);
    j["area_convention"] =
        "*_m2 areas are planar in the working CRS; *_ell_m2 areas are ellipsoidal (the drawn figure's area on the working CRS's ellipsoid); "
        "area (sum of the patches) counts overlaps twice, net_area once";
    j["method"] =
        "overlap = intersection of two patches; gap/notch = closing of the union of the patches (mitred buffer +w/2 then -w/2, "
        "w = gap-width) minus the union, per connected part, gap when it touches two or more patches, notch when one; sliver = "
        "a polygon part that a mitred buffer of -sliver-width/2 empties; outside_admin = patch minus the union of the admin "
        "layer; pieces below min-area are float noise; duplicate codes, attribute problems and the ellipsoidal area check come "
        "from `layers check --kind redline`";
    json inputs = json::array();
    inputs.push_back(layer_input_json(r.layer, "redline", r.inputs));
    if (r.admin) inputs.push_back(layer_input_json(*r.admin, "admin", r.inputs));
    j["inputs"] = inputs;
    json by_kind = json::object();
    for (const auto& k : checks::audit_fault_kinds()) {
        long long c = 0;
        for (const auto& f : r.faults) c += f.kind == k ? 1 : 0;
        by_kind[k] = c;
    }
    json blocking = json::array();
    for (const auto& k : checks::audit_fault_kinds())
        if (r.blocking.count(k)) blocking.push_back(k);
    j["summary"] = {{"fit_to_submit", r.fit()},
                    {"verdict", r.fit() ? "fit" : "not_fit"},
                    {"exit_status", r.fit() ? 0 : checks::kAuditNotFitStatus},
                    {"faults", r.faults.size()},
                    {"blocking_faults", r.blocking_faults()},
                    {"blocking_kinds", blocking},
                    {"faults_by_kind", by_kind}};
    json faults = json::array();
    for (size_t q = 0; q < r.faults.size(); ++q) {
        const auto& f = r.faults[q];
        json e{{"id", q + 1}, {"kind", f.kind}, {"blocking", f.blocking}, {"fid", f.fid}, {"code", f.code}, {"message", f.message}};
        if (f.fid2 >= 0 || !f.code2.empty()) e["fid2"] = f.fid2, e["code2"] = f.code2;
        if (!f.codes.empty()) e["patches"] = f.codes;
        if (f.area > 0) e["area_m2"] = jnum(f.area), e["area_ell_m2"] = jnum(f.area_ell);
        if (f.width > 0) e["width_m"] = jnum(f.width);
        e["x"] = f.located ? jnum(f.x, 3) : json();
        e["y"] = f.located ? jnum(f.y, 3) : json();
        if (!f.detail.empty()) e["detail"] = f.detail;
        faults.push_back(e);
    }
    j["faults"] = faults;
    json patches = json::array();
    for (const auto& p : r.patches) {
        json fl = json::array();
        for (size_t q : p.faults) fl.push_back(q + 1);
        patches.push_back({{"fid", p.fid}, {"code", p.code}, {"name", p.name}, {"county", p.county}, {"function_type", p.ftype},
                           {"domain", p.domain}, {"area_m2", jnum(p.area)}, {"area_ell_m2", jnum(p.area_ell)},
                           {"declared_ha", p.declared_ha ? json(*p.declared_ha) : json()}, {"status", patch_status(r, p)},
                           {"faults", fl}});
    }
    j["patches"] = patches;
    json counties = json::array(), types = json::array();
    for (const auto& [k, t] : r.by_county) {
        json e = totals_json(t);
        e["county"] = k;
        counties.push_back(e);
    }
    for (const auto& [k, t] : r.by_type) {
        json e = totals_json(t);
        e["function_type"] = k;
        types.push_back(e);
    }
    j["by_county"] = counties;
    j["by_function_type"] = types;
    j["overall"] = totals_json(r.overall);
    json noise = json::object();
    for (const auto& [k, c] : r.noise_pieces) noise[k] = c;
    j["noise_pieces"] = noise;
    j["notes"] = r.notes;
    return j;
}

std::string redline_audit_csv(const checks::RedlineAuditResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF"
      << "fault_id,kind,blocking,code,src_fid,code2,src_fid2,patches,area_m2,area_ell_m2,width_m,x,y,message\n";
    for (size_t q = 0; q < r.faults.size(); ++q) {
        const auto& f = r.faults[q];
        std::string pl;
        for (const auto& c : f.codes) pl += (pl.empty() ? "" : ";") + c;
        o << q + 1 << "," << f.kind << "," << (f.blocking ? 1 : 0) << "," << csv_field(f.code) << ","
          << (f.fid >= 0 ? std::to_string(f.fid) : "") << "," << csv_field(f.code2) << "," << (f.fid2 >= 0 ? std::to_string(f.fid2) : "")
          << "," << csv_field(pl) << "," << (f.area > 0 ? num(f.area, -1) : "") << "," << (f.area > 0 ? num(f.area_ell, -1) : "") << ","
          << (f.width > 0 ? num(f.width, -1) : "") << "," << (f.located ? num(f.x, 3) : "") << "," << (f.located ? num(f.y, 3) : "")
          << "," << csv_field(f.message) << "\n";
    }
    return o.str();
}

namespace {

std::string audit_html(const checks::RedlineAuditResult& r, const json& rep) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield redline audit</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         ".pass{color:#1a9850;font-weight:bold}.fail{color:#d73027;font-weight:bold}svg{border:1px solid #ccc;background:#fafafa}\n"
         "</style></head><body>\n";
    o << "<h1>生态保护红线质检 / Redline audit</h1>\n<p><small>ecoshield " << ECOSHIELD_VERSION << " &middot; "
      << esc(rep.value("created", "")) << " &middot; working CRS " << esc(r.work_crs_label) << " &middot; gap width "
      << num(r.gap_width) << " m, sliver width " << num(r.sliver_width) << " m, area tolerance " << num(r.area_tol * 100) << " % ("
      << esc(r.area_basis) << "), min area " << num(r.min_area) << " m2</small></p>\n";
    o << "<p>redline: " << esc(r.layer.source.spec) << (r.admin ? "<br>admin: " + esc(r.admin->source.spec) : "") << "</p>\n";
    o << "<p>可以提交 / fit to submit: <span class=" << (r.fit() ? "pass>YES" : "fail>NO") << "</span> (" << r.faults.size()
      << " problems, " << r.blocking_faults() << " blocking)</p>\n<table><tr><th>kind</th><th>count</th><th>blocking</th></tr>\n";
    for (const auto& k : checks::audit_fault_kinds()) {
        long long c = 0;
        for (const auto& f : r.faults) c += f.kind == k ? 1 : 0;
        o << "<tr><td>" << k << "</td><td class=num>" << c << "</td><td>" << (r.blocking.count(k) ? "yes" : "no") << "</td></tr>\n";
    }
    o << "</table>\n";
    auto table = [&](const std::string& title, const std::string& head, const std::map<std::string, checks::AuditTotals>& m) {
        o << "<h2>" << title << "</h2>\n<table><tr><th>" << head
          << "</th><th>patches</th><th>area ha (planar)</th><th>area ha (ellipsoidal)</th><th>net ha (planar)</th>"
             "<th>net ha (ellipsoidal)</th><th>MJ ha (declared)</th><th>outside admin ha</th><th>faults</th></tr>\n";
        auto row = [&](const std::string& k, const checks::AuditTotals& t) {
            o << "<tr><th>" << esc(k) << "</th><td class=num>" << t.patches << "</td>";
            for (double x : {t.area, t.area_ell, t.net_area, t.net_area_ell}) o << "<td class=num>" << num(units::m2_to_ha(x), 4) << "</td>";
            o << "<td class=num>" << num(t.declared_ha, 4) << "</td><td class=num>" << num(units::m2_to_ha(t.outside), 4)
              << "</td><td class=num>" << t.faults << "</td></tr>\n";
        };
        for (const auto& [k, t] : m) row(k, t);
        row("total", r.overall);
        o << "</table>\n";
    };
    table("按县 / totals per county", "county", r.by_county);
    table("按类型 / totals per function type", "function type", r.by_type);
    o << "<p><small>area: sum of the patches (overlaps counted twice); net: overlaps counted once (for the patch read "
         "first). Faults are counted on their first patch; gaps and notches between patches of several counties count "
         "on the first.</small></p>\n";
    o << "<h2>问题清单 / problems</h2>\n<table><tr><th>#</th><th>kind</th><th>blocking</th><th>patch</th><th>fid</th>"
         "<th>other</th><th>m2</th><th>x</th><th>y</th><th>what</th></tr>\n";
    for (size_t q = 0; q < r.faults.size(); ++q) {
        const auto& f = r.faults[q];
        o << "<tr><td>" << q + 1 << "</td><td>" << f.kind << "</td><td>" << (f.blocking ? "yes" : "no") << "</td><td>" << esc(f.code)
          << "</td><td>" << (f.fid >= 0 ? std::to_string(f.fid) : "") << "</td><td>" << esc(f.code2) << "</td><td class=num>"
          << (f.area > 0 ? num(f.area, 3) : "") << "</td><td class=num>" << (f.located ? num(f.x, 2) : "") << "</td><td class=num>"
          << (f.located ? num(f.y, 2) : "") << "</td><td>" << esc(f.message) << "</td></tr>\n";
    }
    o << "</table>\n";
    html_list(o, "Notes", r.notes);
    o << "<h2>Map</h2><p><small>patches: green ok, yellow warning, orange fault; red: overlaps; blue: gaps, notches, slivers; "
         "purple: outside the admin boundary (dashed grey); dots: fault locations (red blocking, orange warning). Hover for "
         "details.</small></p>\n"
      << audit_map(r) << "\n</body></html>\n";
    return o.str();
}

}  // namespace

std::vector<std::string> write_redline_audit_outputs(const checks::RedlineAuditResult& r, const std::string& out_dir,
                                                     const AuditReportOptions& opt, const Progress& progress) {
    OutputDir out(out_dir, "redline audit");
    const std::string created = run_timestamp();
    json rep = redline_audit_json(r, created);
    {
        GpkgWriter w(out.temp("audit.gpkg"), *r.work_crs, created, "redline audit");
        w.set_run_record(rep, created);
        w.begin("audit_points", wkbPoint,
                {{"fault_id", OFTInteger}, {"kind"}, {"blocking", OFTInteger}, {"code"}, {"src_fid", OFTInteger64}, {"code2"},
                 {"area_m2", OFTReal}, {"message"}},
                "ecoshield redline audit: one point per problem (the GEOS fault location for invalid geometries)");
        for (size_t q = 0; q < r.faults.size(); ++q) {
            const auto& f = r.faults[q];
            geom::Geom p;
            if (f.located) p = point(f.x, f.y);
            w.add(p.get(), {static_cast<long long>(q + 1), f.kind, static_cast<long long>(f.blocking), f.code,
                            f.fid >= 0 ? Value(f.fid) : Value(), codes_text(f), f.area, f.message});
        }
        w.end("audit_points");
        auto pieces = [&](const std::string& name, const std::set<std::string>& kinds, const std::string& what) {
            w.begin(name, multi_type(2),
                    {{"fault_id", OFTInteger}, {"kind"}, {"blocking", OFTInteger}, {"code"}, {"src_fid", OFTInteger64}, {"code2"},
                     {"src_fid2", OFTInteger64}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"width_m", OFTReal}},
                    what);
            for (size_t q = 0; q < r.faults.size(); ++q) {
                const auto& f = r.faults[q];
                if (!kinds.count(f.kind) || !f.geom) continue;
                w.add(f.geom.get(), {static_cast<long long>(q + 1), f.kind, static_cast<long long>(f.blocking), f.code,
                                     f.fid >= 0 ? Value(f.fid) : Value(), codes_text(f), f.fid2 >= 0 ? Value(f.fid2) : Value(), f.area,
                                     f.area_ell, f.width});
            }
            w.end(name);
        };
        pieces("audit_overlaps", {"overlap"}, "ecoshield redline audit: overlaps between patches, with both codes");
        pieces("audit_gaps", {"gap", "notch", "sliver"}, "ecoshield redline audit: narrow gaps between patches, notches and slivers");
        pieces("audit_outside", {"outside_admin"}, "ecoshield redline audit: parts of patches outside the admin boundary");
        w.begin("audit_patches", multi_type(2),
                {{"code"}, {"name"}, {"county"}, {"function_type"}, {"domain"}, {"src_fid", OFTInteger64}, {"area_m2", OFTReal},
                 {"area_ell_m2", OFTReal}, {"declared_ha", OFTReal}, {"n_faults", OFTInteger}, {"faults"}, {"status"}},
                "ecoshield redline audit: the patches with their audit flags (status ok / warning / fault)");
        for (size_t i = 0; i < r.patches.size(); ++i) {
            const auto& p = r.patches[i];
            w.add(r.layer.features[i].geom.get(),
                  {p.code, p.name, p.county, p.ftype, p.domain, p.fid, p.area, p.area_ell, p.declared_ha ? Value(*p.declared_ha) : Value(),
                   static_cast<long long>(p.faults.size()), patch_faults(r, p), patch_status(r, p)});
        }
        w.end("audit_patches");
        w.begin("audit_totals", wkbNone,
                {{"grp"}, {"value"}, {"patches", OFTInteger}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"net_area_m2", OFTReal},
                 {"net_area_ell_m2", OFTReal}, {"declared_ha", OFTReal}, {"outside_m2", OFTReal}, {"faults", OFTInteger}},
                "ecoshield redline audit: totals per county, per function type and overall");
        auto row = [&](const std::string& g, const std::string& v, const checks::AuditTotals& t) {
            w.add(nullptr, {g, v, t.patches, t.area, t.area_ell, t.net_area, t.net_area_ell, t.declared_ha, t.outside, t.faults});
        };
        for (const auto& [k, t] : r.by_county) row("county", k, t);
        for (const auto& [k, t] : r.by_type) row("function_type", k, t);
        row("overall", "", r.overall);
        w.end("");
        w.close();
    }
    progress.report(0.7, "writing reports");
    out.write_text("report.json", rep.dump(2) + "\n");
    out.write_text("report.csv", redline_audit_csv(r));
    if (opt.html) out.write_text("report.html", audit_html(r, rep));
    else out.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    progress.report(1.0, "writing reports");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
