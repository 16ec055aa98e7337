// Outputs of `coast` (see coast_report.h).
#include "report/report_util.h"
#include "report/coast_report.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.h"
#include "report/gpkg_writer.h"
#include "report/layer_record.h"
#include "report/out_dir.h"
#include "report/screen_report.h"
#include "report/svg_map.h"

namespace eco::report {

using io::Value;
using nlohmann::json;

namespace {


json fig_json(const checks::CoastResult& r, const checks::CoastFigures& f) {
    json t1 = json::object(), t2 = json::object(), i1 = json::object(), i2 = json::object();
    for (const auto& [k, v] : f.by_type1) t1[k] = jnum(v);
    for (const auto& [k, v] : f.by_type2) t2[k] = jnum(v);
    for (const auto& [k, v] : f.island_by_type1) i1[k] = jnum(v);
    for (const auto& [k, v] : f.island_by_type2) i2[k] = jnum(v);
    return {{"segments", f.segments},
            {"mainland", {{"length_m", jnum(f.total)}, {"natural_m", jnum(f.natural)}, {"restored_m", jnum(f.restored)},
                          {"length_ell_m", jnum(f.total_ell)}, {"natural_ell_m", jnum(f.natural_ell)}, {"by_type1_m", t1}, {"by_type2_m", t2}}},
            {"islands", {{"length_m", jnum(f.island_total)}, {"natural_m", jnum(f.island_natural)}, {"length_ell_m", jnum(f.island_total_ell)},
                         {"natural_ell_m", jnum(f.island_natural_ell)}, {"by_type1_m", i1}, {"by_type2_m", i2}}},
            {"natural_ratio", f.total > 0 ? json(f.ratio()) : json()},
            {"natural_ratio_ell", f.total_ell > 0 ? json(f.ratio_ell()) : json()},
            {"target", r.target},
            {"verdict", r.verdict(f)}};
}

json delta_map(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
    json d = json::object();
    std::set<std::string> keys;
    for (const auto& [k, v] : a) keys.insert(k);
    for (const auto& [k, v] : b) keys.insert(k);
    for (const auto& k : keys) {
        double x = a.count(k) ? a.at(k) : 0.0, y = b.count(k) ? b.at(k) : 0.0;
        d[k] = {{"old_m", jnum(x)}, {"new_m", jnum(y)}, {"change_m", jnum(y - x)}};
    }
    return d;
}

json version_change(const checks::CoastResult& r, const checks::CoastFigures& o, const checks::CoastFigures& n) {
    return {{"mainland_length", {{"old_m", jnum(o.total)}, {"new_m", jnum(n.total)}, {"change_m", jnum(n.total - o.total)}}},
            {"mainland_natural", {{"old_m", jnum(o.natural)}, {"new_m", jnum(n.natural)}, {"change_m", jnum(n.natural - o.natural)}}},
            {"mainland_restored", {{"old_m", jnum(o.restored)}, {"new_m", jnum(n.restored)}, {"change_m", jnum(n.restored - o.restored)}}},
            {"island_length", {{"old_m", jnum(o.island_total)}, {"new_m", jnum(n.island_total)}, {"change_m", jnum(n.island_total - o.island_total)}}},
            {"natural_ratio", {{"old", o.total > 0 ? json(o.ratio()) : json()}, {"new", n.total > 0 ? json(n.ratio()) : json()},
                               {"old_verdict", r.verdict(o)}, {"new_verdict", r.verdict(n)}}},
            {"mainland_by_type1", delta_map(o.by_type1, n.by_type1)},
            {"mainland_by_type2", delta_map(o.by_type2, n.by_type2)},
            {"island_by_type1", delta_map(o.island_by_type1, n.island_by_type1)}};
}

json version_json(const checks::CoastResult& r) {
    const auto& O = *r.old;
    json v;
    v["old_source"] = O.layer.source.spec;
    v["new_source"] = r.layer.source.spec;
    v["match_rule"] = "a changed piece is the part of a new segment within match-tolerance (" + num(r.params["match-tolerance"].get<double>()) +
                      " m) of an old segment of the other class (old segments buffered with flat ends); parts shorter than min-change-length (" +
                      num(r.params["min-change-length"].get<double>()) + " m) ignored";
    v["overall"] = version_change(r, O.overall, r.overall);
    json counties = json::array();
    std::set<std::string> names;
    for (const auto& [k, f] : O.by_county) names.insert(k);
    for (const auto& [k, f] : r.by_county) names.insert(k);
    static const checks::CoastFigures empty;
    for (const auto& k : names) {
        json e = version_change(r, O.by_county.count(k) ? O.by_county.at(k) : empty, r.by_county.count(k) ? r.by_county.at(k) : empty);
        e["county"] = k;
        counties.push_back(e);
    }
    v["by_county"] = counties;
    double n2a = 0, a2n = 0, n2a_ell = 0, a2n_ell = 0;
    json ch = json::array();
    for (const auto& c : r.changes) {
        const auto& s = r.segments[c.seg];
        json olds = json::array();
        for (size_t j : c.old_segs) olds.push_back({{"code", O.segments[j].code}, {"fid", O.layer.features[j].fid}, {"type1", O.segments[j].type1},
                                                    {"restored", O.segments[j].restored}});
        ch.push_back({{"change", c.change}, {"code", s.code}, {"fid", r.layer.features[c.seg].fid}, {"type1", s.type1}, {"type2", s.type2},
                      {"restored", s.restored}, {"mainland", s.mainland}, {"county", s.county}, {"length_m", jnum(c.length)},
                      {"length_ell_m", jnum(c.length_ell)}, {"old_segments", olds}});
        (c.change == "natural_to_artificial" ? n2a : a2n) += c.length;
        (c.change == "natural_to_artificial" ? n2a_ell : a2n_ell) += c.length_ell;
    }
    v["changes"] = ch;
    v["natural_to_artificial_m"] = jnum(n2a);
    v["natural_to_artificial_ell_m"] = jnum(n2a_ell);
    v["artificial_to_natural_m"] = jnum(a2n);
    v["artificial_to_natural_ell_m"] = jnum(a2n_ell);
    v["ignored_short_parts"] = r.ignored_short;
    v["ignored_short_m"] = jnum(r.ignored_short_m);
    return v;
}

}  // namespace

json coast_json(const checks::CoastResult& r, const std::string& created) {
    json j = report_head("ecoshield.coast/1", created, r.params, r.work_epsg, r.work_crs_label);
    j["length_convention"] = "*_m lengths are planar in the working CRS; *_ell_m are geodesic on its ellipsoid; verdicts use planar lengths";
    j["formula"] = "natural_ratio = mainland length with type1 natural or restored = true / total mainland length; pass when >= target";
    json in{{"role", "coastline"}, {"source", r.layer.source.spec}, {"path", r.layer.source.path}, {"layer", r.layer.layer_name},
            {"crs", r.layer.crs_label}, {"crs_assumed", r.layer.crs_assumed}, {"features_read", r.layer.n_read},
            {"features_used", r.layer.features.size()}};
    add_file_facts(in, r.layer.source.path, r.inputs);
    j["inputs"] = json::array({in});
    json counties = json::array();
    for (const auto& [k, f] : r.by_county) {
        json e = fig_json(r, f);
        e["county"] = k;
        counties.push_back(e);
    }
    j["by_county"] = counties;
    j["overall"] = fig_json(r, r.overall);
    if (r.bay_layer) {
        json bays = json::array();
        for (const auto& b : r.bays) {
            json e = fig_json(r, b.figures);
            e["bay_code"] = b.code;
            e["bay_name"] = b.name;
            bays.push_back(e);
        }
        j["by_bay"] = bays;
        j["bay_rule"] = "a bay's shoreline is the part of each segment inside the bay polygon or within shore-distance (" +
                        num(r.params["shore-distance"].get<double>()) + " m) of it; a piece near two bays counts for both";
        json in2{{"role", "bay"}, {"source", r.bay_layer->source.spec}, {"path", r.bay_layer->source.path}, {"layer", r.bay_layer->layer_name},
                 {"crs", r.bay_layer->crs_label}, {"features_read", r.bay_layer->n_read}, {"features_used", r.bay_layer->features.size()}};
        add_file_facts(in2, r.bay_layer->source.path, r.inputs);
        j["inputs"].push_back(in2);
    }
    if (r.old) {
        const auto& O = *r.old;
        json in3{{"role", "old coastline"}, {"source", O.layer.source.spec}, {"path", O.layer.source.path}, {"layer", O.layer.layer_name},
                 {"crs", O.layer.crs_label}, {"features_read", O.layer.n_read}, {"features_used", O.layer.features.size()}};
        add_file_facts(in3, O.layer.source.path, r.inputs);
        j["inputs"].push_back(in3);
        j["versions"] = version_json(r);
    }
    j["unknown_values"] = r.unknown_values;
    json repairs = json::array();
    for (const auto& i : r.layer.issues) repairs.push_back({{"fid", i.fid}, {"action", i.action}, {"reason", i.reason}});
    j["repairs"] = repairs;
    j["notes"] = r.notes;
    json below = json::array();
    for (const auto& [k, f] : r.by_county)
        if (r.verdict(f) == "fail") below.push_back(k);
    j["summary"] = {{"natural_ratio", r.overall.ratio()}, {"verdict", r.verdict(r.overall)}, {"counties_below_target", below}};
    return j;
}

std::string coast_csv(const checks::CoastResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF"
      << "scope,county,mainland_m,natural_m,restored_m,natural_ratio,target,verdict,mainland_ell_m,natural_ell_m,natural_ratio_ell,"
         "artificial_m,estuary_m,unknown_type_m,island_m,island_natural_m,segments\n";
    auto row = [&](const std::string& scope, const std::string& k, const checks::CoastFigures& f) {
        auto get = [&](const char* t) { return f.by_type1.count(t) ? f.by_type1.at(t) : 0.0; };
        o << scope << "," << csv_field(k) << "," << num(f.total, -1) << "," << num(f.natural, -1) << "," << num(f.restored, -1) << ","
          << (f.total > 0 ? num(f.ratio(), -1) : "") << "," << num(r.target, -1) << "," << r.verdict(f) << "," << num(f.total_ell, -1) << ","
          << num(f.natural_ell, -1) << "," << (f.total_ell > 0 ? num(f.ratio_ell(), -1) : "") << "," << num(get("artificial"), -1) << ","
          << num(get("estuary"), -1) << "," << num(get("unknown"), -1) << "," << num(f.island_total, -1) << ","
          << num(f.island_natural, -1) << "," << f.segments << "\n";
    };
    for (const auto& [k, f] : r.by_county) row("county", k, f);
    for (const auto& b : r.bays) row("bay", b.name.empty() ? b.code : b.name, b.figures);
    row("total", "total", r.overall);
    return o.str();
}

namespace {

std::string coast_html(const checks::CoastResult& r, const json& rep) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield coast</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         ".pass{color:#1a9850;font-weight:bold}.fail{color:#d73027;font-weight:bold}svg{border:1px solid #ccc;background:#fafafa}\n"
         "</style></head><body>\n";
    o << "<h1>自然岸线保有率 / Natural shoreline retention</h1>\n<p><small>ecoshield " << ECOSHIELD_VERSION << " &middot; "
      << esc(rep.value("created", "")) << " &middot; working CRS " << esc(r.work_crs_label) << " &middot; " << esc(r.layer.source.spec)
      << "</small></p>\n";
    o << "<p>Overall: <b>" << num(100 * r.overall.ratio(), 2) << " %</b> natural + restored of " << num(r.overall.total / 1000, 2)
      << " km mainland shoreline, target " << num(100 * r.target, 2) << " %: <span class=" << r.verdict(r.overall) << ">"
      << r.verdict(r.overall) << "</span></p>\n";
    o << "<table><tr><th>county</th><th>mainland km</th><th>natural + restored km</th><th>restored km</th><th>ratio</th><th>verdict</th>"
         "<th>artificial km</th><th>estuary km</th><th>island km</th><th>island natural km</th></tr>\n";
    auto row = [&](const std::string& k, const checks::CoastFigures& f) {
        auto get = [&](const char* t) { return f.by_type1.count(t) ? f.by_type1.at(t) : 0.0; };
        std::string v = r.verdict(f);
        o << "<tr><th>" << esc(k) << "</th><td class=num>" << num(f.total / 1000, 3) << "</td><td class=num>" << num(f.natural / 1000, 3)
          << "</td><td class=num>" << num(f.restored / 1000, 3) << "</td><td class=num>" << (f.total > 0 ? num(100 * f.ratio(), 2) + " %" : "")
          << "</td><td class=" << v << ">" << v << "</td><td class=num>" << num(get("artificial") / 1000, 3) << "</td><td class=num>"
          << num(get("estuary") / 1000, 3) << "</td><td class=num>" << num(f.island_total / 1000, 3) << "</td><td class=num>"
          << num(f.island_natural / 1000, 3) << "</td></tr>\n";
    };
    for (const auto& [k, f] : r.by_county) row(k, f);
    row("total", r.overall);
    o << "</table>\n";
    if (r.bay_layer) {
        o << "<h2>Per bay / 美丽海湾</h2><p><small>" << esc(rep["bay_rule"].get<std::string>()) << "</small></p>\n"
          << "<table><tr><th>bay</th><th>mainland km</th><th>natural + restored km</th><th>restored km</th><th>ratio</th><th>verdict</th>"
             "<th>artificial km</th><th>estuary km</th><th>island km</th><th>island natural km</th></tr>\n";
        for (const auto& b : r.bays) row(b.code + " " + b.name, b.figures);
        o << "</table>\n";
    }
    if (r.old) {
        const auto& v = rep["versions"];
        o << "<h2>Change between versions / 岸线变化</h2><p><small>old " << esc(v["old_source"].get<std::string>()) << " &rarr; new "
          << esc(v["new_source"].get<std::string>()) << "; " << esc(v["match_rule"].get<std::string>()) << "</small></p>\n";
        o << "<p>natural &rarr; artificial: <b>" << num(v["natural_to_artificial_m"].get<double>() / 1000, 3) << " km</b>; artificial &rarr; natural: <b>"
          << num(v["artificial_to_natural_m"].get<double>() / 1000, 3) << " km</b>; natural ratio " << num(100 * r.old->overall.ratio(), 2) << " % &rarr; "
          << num(100 * r.overall.ratio(), 2) << " %</p>\n";
        o << "<table><tr><th>mainland type1</th><th>old km</th><th>new km</th><th>change km</th></tr>\n";
        for (const auto& [k, d] : v["overall"]["mainland_by_type1"].items())
            o << "<tr><td>" << esc(k) << "</td><td class=num>" << num(d["old_m"].get<double>() / 1000, 3) << "</td><td class=num>"
              << num(d["new_m"].get<double>() / 1000, 3) << "</td><td class=num>" << num(d["change_m"].get<double>() / 1000, 3) << "</td></tr>\n";
        o << "</table>\n<table><tr><th>change</th><th>new code</th><th>old codes</th><th>county</th><th>m</th></tr>\n";
        for (const auto& c : v["changes"]) {
            std::string olds;
            for (const auto& x : c["old_segments"]) olds += (olds.empty() ? "" : ", ") + x["code"].get<std::string>();
            o << "<tr><td>" << esc(c["change"].get<std::string>()) << "</td><td>" << esc(c["code"].get<std::string>()) << "</td><td>" << esc(olds)
              << "</td><td>" << esc(c["county"].get<std::string>()) << "</td><td class=num>" << num(c["length_m"].get<double>(), 1) << "</td></tr>\n";
        }
        o << "</table>\n";
        if (!r.changes.empty()) {
            geom::Box bx = geom::bounds(r.changes.front().geom.get());
            for (const auto& c : r.changes) {
                geom::Box b = geom::bounds(c.geom.get());
                bx = {std::min(bx.minx, b.minx), std::min(bx.miny, b.miny), std::max(bx.maxx, b.maxx), std::max(bx.maxy, b.maxy)};
            }
            const double pad = std::max({bx.maxx - bx.minx, bx.maxy - bx.miny, 2000.0}) * 0.15;
            SvgMap map(bx.minx - pad, bx.miny - pad, bx.maxx + pad, bx.maxy + pad, 720, 480);
            for (size_t i = 0; i < r.segments.size(); ++i) {
                geom::Box b = geom::bounds(r.layer.features[i].geom.get());
                if (b.maxx < bx.minx - pad || b.minx > bx.maxx + pad || b.maxy < bx.miny - pad || b.miny > bx.maxy + pad) continue;
                if (auto g = to_ogr(r.layer.features[i].geom.get()))
                    map.add(*g, {.stroke = r.segments[i].counts_natural ? "#238b45" : "#999", .stroke_width = 1, .dash = ""}, r.segments[i].code);
            }
            for (const auto& c : r.changes)
                if (auto g = to_ogr(c.geom.get()))
                    map.add(*g, {.stroke = c.change == "natural_to_artificial" ? "#d73027" : "#1a9850", .stroke_width = 4, .dash = ""},
                            c.change + " " + r.segments[c.seg].code + " " + num(c.length, 1) + " m");
            o << "<p>" << map.render() << "<br><small>red: natural &rarr; artificial; green (thick): artificial &rarr; natural; thin green: natural shoreline; grey: other</small></p>\n";
        }
    }
    o << "<h2>Mainland length per subtype (km)</h2><table><tr><th>type2</th><th>km</th></tr>\n";
    for (const auto& [k, v] : r.overall.by_type2) o << "<tr><td>" << esc(k) << "</td><td class=num>" << num(v / 1000, 3) << "</td></tr>\n";
    o << "</table>\n";
    html_list(o, "Values outside the enumeration (counted as unknown)", r.unknown_values);
    html_list(o, "Notes", r.notes);
    o << "</body></html>\n";
    return o.str();
}

}  // namespace

std::vector<std::string> write_coast_outputs(const checks::CoastResult& r, const std::string& out_dir, const CoastReportOptions& opt,
                                             const Progress& progress) {
    OutputDir out(out_dir, "coast");
    const std::string created = run_timestamp();
    json rep = coast_json(r, created);
    {
        GpkgWriter w(out.temp("coast.gpkg"), *r.work_crs, created, "coast");
        w.set_run_record(rep, created);
        w.begin("coastline", multi_type(1),
                {{"code"}, {"type1"}, {"type2"}, {"restored", OFTInteger}, {"mainland", OFTInteger}, {"counts_natural", OFTInteger},
                 {"county"}, {"length_m", OFTReal}, {"length_ell_m", OFTReal}, {"src_fid", OFTInteger64}},
                "ecoshield coast: shoreline segments with canonical types and lengths");
        for (size_t i = 0; i < r.segments.size(); ++i) {
            const auto& s = r.segments[i];
            w.add(r.layer.features[i].geom.get(), {s.code, s.type1, s.type2, (long long)s.restored, (long long)s.mainland,
                                                   (long long)s.counts_natural, s.county, s.length, s.length_ell, r.layer.features[i].fid});
        }
        w.end("coastline");
        w.begin("coast_figures", wkbNone,
                {{"county"}, {"mainland_m", OFTReal}, {"natural_m", OFTReal}, {"natural_ratio", OFTReal}, {"target", OFTReal}, {"verdict"},
                 {"island_m", OFTReal}, {"island_natural_m", OFTReal}},
                "ecoshield coast: natural shoreline retention per county");
        auto row = [&](const std::string& k, const checks::CoastFigures& f) {
            w.add(nullptr, {k, f.total, f.natural, f.total > 0 ? Value(f.ratio()) : Value(), r.target, r.verdict(f), f.island_total,
                            f.island_natural});
        };
        for (const auto& [k, f] : r.by_county) row(k, f);
        for (const auto& b : r.bays) row("bay " + b.code + " " + b.name, b.figures);
        row("total", r.overall);
        w.end("");
        if (r.old) {
            w.begin("coast_change", multi_type(1),
                    {{"change"}, {"code"}, {"old_codes"}, {"type1"}, {"type2"}, {"restored", OFTInteger}, {"mainland", OFTInteger}, {"county"},
                     {"length_m", OFTReal}, {"length_ell_m", OFTReal}, {"src_fid", OFTInteger64}},
                    "ecoshield coast: parts of the new shoreline that changed between natural and artificial");
            for (const auto& c : r.changes) {
                const auto& s = r.segments[c.seg];
                std::string olds;
                for (size_t j : c.old_segs) olds += (olds.empty() ? "" : ",") + r.old->segments[j].code;
                w.add(c.geom.get(), {c.change, s.code, olds, s.type1, s.type2, (long long)s.restored, (long long)s.mainland, s.county, c.length,
                                     c.length_ell, r.layer.features[c.seg].fid});
            }
            w.end("coast_change");
        }
        w.close();
    }
    progress.report(0.7, "writing reports");
    out.write_text("report.json", rep.dump(2) + "\n");
    out.write_text("report.csv", coast_csv(r));
    if (opt.html) out.write_text("report.html", coast_html(r, rep));
    else out.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    progress.report(1.0, "writing reports");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
