// Outputs of `water` (see water_report.h).
#include "report/water_report.h"

#include <sstream>

#include "core/error.h"
#include "core/units.h"
#include "report/layer_record.h"
#include "report/out_dir.h"
#include "report/report_util.h"
#include "report/screen_report.h"
#include "report/svg_map.h"

namespace eco::report {

using io::Value;
using nlohmann::json;

namespace {

SvgStyle sty(const std::string& fill, const std::string& stroke, double opacity, double width, const std::string& dash = "", double radius = 4) {
    SvgStyle s;
    s.fill = fill, s.stroke = stroke, s.fill_opacity = opacity, s.stroke_width = width, s.dash = dash, s.point_radius = radius;
    return s;
}

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ") {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

const checks::LoadedLayer* layers_of(const checks::WaterResult& r, size_t i) {
    const checks::LoadedLayer* all[] = {&r.outlets, &r.zones, &r.marine, &r.sources, &r.redlines};
    return i < 5 ? all[i] : nullptr;
}

json repairs_json(const checks::WaterResult& r) {
    json a = json::array();
    for (size_t k = 0; const auto* L = layers_of(r, k); ++k)
        if (L->present)
            for (const auto& i : L->layer.issues) a.push_back({{"layer", L->kind}, {"fid", i.fid}, {"action", i.action}, {"reason", i.reason}});
    return a;
}

std::string compliance_zh(const std::string& c) {
    static const std::map<std::string, std::string> m = {{"compliant", "达标"},        {"exceeds", "超标"},       {"not_measured", "无监测值"},
                                                         {"unknown_class", "类别无法识别"}, {"no_target", "无目标"},   {"unassigned", "未落入功能区"}};
    auto it = m.find(c);
    return it == m.end() ? c : it->second;
}

std::string compliance_colour(const std::string& c) {
    return c == "compliant" ? "#1a9850" : c == "exceeds" ? "#d73027" : c == "unassigned" ? "#7b3294" : "#969696";
}

}  // namespace

json water_json(const checks::WaterResult& r, const std::string& created) {
    json j = report_head("ecoshield.water/1", created, r.params, r.work_epsg, r.work_crs_label);
    j["method"] =
        "a point is assigned to the water zone polygon covering it (several: the first by code, the others in also_in), else to the "
        "marine zone polygon covering it, else to the nearest water zone line (reach) within the snap distance, else it is "
        "unassigned with the nearest zone of any layer; compliant when the measured class is as good as or better than the target "
        "(GB 3838-2002 I < II < III < IV < V < worse_V on water zones; GB 3097-1997 1 < 2 < 3 < 4 < worse_4 on marine zones); "
        "areas *_m2 planar in the working CRS, *_ell_m2 the drawn figure's area on its ellipsoid";
    json inputs = json::array();
    for (size_t k = 0; const auto* L = layers_of(r, k); ++k)
        if (L->present) inputs.push_back(layer_input_json(*L, r.inputs));
    j["inputs"] = inputs;
    json pts = json::array();
    for (const auto& P : r.points) {
        json p{{"id", P.id},
               {"name", P.name},
               {"kind", P.kind},
               {"county", P.county},
               {"src_fid", r.outlets.layer.features[P.index].fid},
               {"measured_raw", P.measured_raw},
               {"measured_class", P.measured},
               {"zone_kind", P.zone_kind},
               {"compliance", P.compliance},
               {"distance_m", jnum(P.distance_m, 3)},
               {"also_in", P.also_in},
               {"in_protection_zone", P.in_protection_zone},
               {"flags", P.flags}};
        if (P.zone >= 0)
            p["zone"] = {{"code", P.zone_code}, {"name", P.zone_name},   {"level1", P.level1},
                         {"level2", P.level2},  {"target_class", P.target}, {"target_class_zh", checks::water_class_zh(P.target)},
                         {"standard", P.standard}};
        else
            p["zone"] = nullptr;
        if (P.zone_kind == "unassigned")
            p["nearest"] = {{"kind", P.nearest_kind}, {"code", P.nearest_code}, {"name", P.nearest_name}, {"distance_m", jnum(P.distance_m, 3)}};
        p["water_source"] = P.source_level.empty() ? json() : json{{"level", P.source_level}, {"code", P.source_code}, {"name", P.source_name}};
        pts.push_back(p);
    }
    j["points"] = pts;
    json flags = json::array();
    for (const auto& f : r.flags) {
        const auto& P = r.points[f.point];
        flags.push_back({{"id", P.id}, {"name", P.name}, {"flag", f.flag}, {"layer_kind", f.layer_kind}, {"feature_code", f.feature_code},
                         {"feature_name", f.feature_name}, {"detail", f.detail}});
    }
    j["flags"] = flags;
    json ov = json::array();
    double total = 0, total_ell = 0;
    for (const auto& o : r.overlaps) {
        ov.push_back({{"zone_code", o.zone_code}, {"zone_name", o.zone_name}, {"redline_code", o.redline_code}, {"redline_name", o.redline_name},
                      {"area_m2", jnum(o.area_m2)}, {"area_ell_m2", jnum(o.area_ell_m2)}, {"area_ha", jnum(units::m2_to_ha(o.area_m2))},
                      {"zone_share", jnum(o.zone_share, 9)}, {"length_m", jnum(o.length_m)}, {"length_ell_m", jnum(o.length_ell_m)}});
        total += o.area_m2, total_ell += o.area_ell_m2;
    }
    j["zone_redline_overlaps"] = ov;
    std::vector<std::string> exceeding, unassigned, flagged, zones_hit;
    long long outfalls = 0, stations = 0;
    for (const auto& P : r.points) {
        if (P.compliance == "exceeds") exceeding.push_back(P.id);
        if (P.zone_kind == "unassigned") unassigned.push_back(P.id);
        if (!P.flags.empty()) flagged.push_back(P.id);
        outfalls += P.kind == "outfall";
        stations += P.kind == "station";
    }
    for (const auto& o : r.overlaps)
        if (zones_hit.empty() || zones_hit.back() != o.zone_code) zones_hit.push_back(o.zone_code);
    json bc = json::object(), bz = json::object();
    for (const auto& [k, v] : r.by_compliance) bc[k] = v;
    for (const auto& [k, v] : r.by_zone_kind) bz[k] = v;
    j["summary"] = {{"points", r.points.size()},
                    {"outfalls", outfalls},
                    {"stations", stations},
                    {"by_compliance", bc},
                    {"by_zone_kind", bz},
                    {"exceeding", exceeding},
                    {"unassigned", unassigned},
                    {"flagged_outfalls", flagged},
                    {"zones_overlapping_redlines", zones_hit},
                    {"zone_redline_overlap_m2", jnum(total)},
                    {"zone_redline_overlap_ell_m2", jnum(total_ell)}};
    j["unknown_values"] = r.unknown_values;
    j["repairs"] = repairs_json(r);
    j["notes"] = r.notes;
    return j;
}

std::string water_csv(const checks::WaterResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF"
      << "id,name,kind,county,measured_raw,measured_class,zone_kind,zone_code,zone_name,level1,level2,target_class,standard,compliance,"
         "distance_m,nearest_kind,nearest_code,nearest_name,water_source_level,water_source_code,in_protection_zone,flags\n";
    for (const auto& P : r.points)
        o << csv_field(P.id) << "," << csv_field(P.name) << "," << P.kind << "," << csv_field(P.county) << "," << csv_field(P.measured_raw) << ","
          << P.measured << "," << P.zone_kind << "," << csv_field(P.zone_code) << "," << csv_field(P.zone_name) << "," << P.level1 << ","
          << P.level2 << "," << P.target << "," << P.standard << "," << P.compliance << "," << num(P.distance_m, 3) << "," << P.nearest_kind
          << "," << csv_field(P.nearest_code) << "," << csv_field(P.nearest_name) << "," << P.source_level << "," << csv_field(P.source_code)
          << "," << (P.in_protection_zone ? 1 : 0) << "," << csv_field(join(P.flags, ";")) << "\n";
    return o.str();
}

namespace {

std::string water_map(const checks::WaterResult& r) {
    geom::Box box{1e300, 1e300, -1e300, -1e300};
    auto grow = [&](const GEOSGeometry* g) {
        auto b = geom::bounds(g);
        box = {std::min(box.minx, b.minx), std::min(box.miny, b.miny), std::max(box.maxx, b.maxx), std::max(box.maxy, b.maxy)};
    };
    for (const auto* L : {&r.zones, &r.outlets})
        for (const auto& f : L->layer.features) grow(f.geom.get());
    if (box.minx > box.maxx) return "";
    const double pad = std::max(500.0, 0.04 * std::max(box.maxx - box.minx, box.maxy - box.miny));
    SvgMap map(box.minx - pad, box.miny - pad, box.maxx + pad, box.maxy + pad, 820, 620);
    auto draw = [&](const checks::LoadedLayer& L, SvgStyle st) {
        if (!L.present) return;
        for (const auto& f : L.layer.features)
            if (auto o = to_ogr(f.geom.get())) map.add(*o, st, L.kind + " " + L.binding.code(f) + " " + L.binding.value(f, "name"));
    };
    draw(r.marine, sty("#deebf7", "#9ecae1", 0.7, 0.5, "", 4));
    draw(r.redlines, sty("#c7e9c0", "#41ab5d", 0.5, 0.5, "", 4));
    draw(r.sources, sty("none", "#08519c", 1, 1, "3 2", 4));
    draw(r.zones, sty("#6baed6", "#2171b5", 0.6, 1, "", 4));
    for (const auto& P : r.points) {
        SvgStyle st = sty(compliance_colour(P.compliance), P.flags.empty() ? "#fff" : "#000", 1, P.flags.empty() ? 1.0 : 2.0, "", 4);
        st.point_radius = P.kind == "outfall" ? 5 : 4;
        if (auto o = to_ogr(r.outlets.layer.features[P.index].geom.get())) {
            map.add(*o, st, P.id + " " + P.name + ": " + P.compliance);
            auto b = geom::bounds(r.outlets.layer.features[P.index].geom.get());
            map.add_label(b.minx, b.maxy, P.id);
        }
    }
    return map.render();
}

std::string water_html(const checks::WaterResult& r, const json& rep) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield water</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1300px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         ".compliant{color:#1a9850;font-weight:bold}.exceeds{color:#d73027;font-weight:bold}.unassigned{color:#7b3294}"
         ".flag{color:#d73027;font-weight:bold}svg{border:1px solid #ccc;background:#fafafa}\n"
         "</style></head><body>\n";
    o << "<h1>水功能区与排污口/监测断面 / Water zones, outfalls and stations</h1>\n<p><small>ecoshield " << ECOSHIELD_VERSION << " &middot; "
      << esc(rep.value("created", "")) << " &middot; working CRS " << esc(r.work_crs_label) << " &middot; snap " << num(r.snap_m)
      << " m</small></p>\n";
    const auto& s = rep["summary"];
    o << "<p>" << r.points.size() << " points (" << s["outfalls"].get<long long>() << " outfalls, " << s["stations"].get<long long>()
      << " stations): ";
    for (const auto& [k, v] : r.by_compliance) o << "<span class=" << k << ">" << esc(k) << " " << compliance_zh(k) << "</span> " << v << "; ";
    o << r.flags.size() << " flag(s) on outfalls; " << r.overlaps.size() << " zone-redline overlap(s).</p>\n";
    o << water_map(r) << "\n<p><small>points: green compliant, red exceeds, purple unassigned, grey not measured / no target; "
                         "black ring: flagged outfall. Blue: water zones; pale blue: marine zones; green: redlines; dashed: drinking water source zones.</small></p>\n";
    o << "<h2>Points</h2><table><tr><th>id</th><th>name</th><th>kind</th><th>measured</th><th>zone</th><th>zone name</th><th>target</th>"
         "<th>standard</th><th>compliance</th><th>distance m</th><th>water source zone</th><th>flags</th></tr>\n";
    for (const auto& P : r.points) {
        std::string zone = P.zone_kind == "unassigned" ? "unassigned; nearest " + P.nearest_kind + " " + P.nearest_code : P.zone_kind + " " + P.zone_code;
        o << "<tr><td>" << esc(P.id) << "</td><td>" << esc(P.name) << "</td><td>" << esc(P.kind) << "</td><td>" << esc(P.measured_raw)
          << (P.measured.empty() || P.measured == "unknown" ? "" : " (" + esc(P.measured) + ")") << "</td><td>" << esc(zone) << "</td><td>"
          << esc(P.zone_kind == "unassigned" ? P.nearest_name : P.zone_name) << "</td><td>" << esc(checks::water_class_zh(P.target))
          << "</td><td>" << P.standard << "</td><td class=" << P.compliance << ">" << P.compliance << " " << compliance_zh(P.compliance)
          << "</td><td class=num>" << num(P.distance_m, 1) << "</td><td>" << esc(P.source_level.empty() ? "" : P.source_level + " " + P.source_name)
          << "</td><td class=flag>" << esc(join(P.flags)) << "</td></tr>\n";
    }
    o << "</table>\n";
    if (!r.flags.empty()) {
        o << "<h2>Flagged outfalls</h2><table><tr><th>id</th><th>name</th><th>flag</th><th>zone</th><th>detail</th></tr>\n";
        for (const auto& f : r.flags)
            o << "<tr><td>" << esc(r.points[f.point].id) << "</td><td>" << esc(r.points[f.point].name) << "</td><td class=flag>" << f.flag
              << "</td><td>" << esc(f.feature_code + " " + f.feature_name) << "</td><td>" << esc(f.detail) << "</td></tr>\n";
        o << "</table>\n";
    }
    o << "<h2>Water zones overlapping redlines</h2>";
    if (!r.redlines.present) o << "<p>no redline layer given</p>\n";
    else if (r.overlaps.empty()) o << "<p>none</p>\n";
    else {
        o << "<table><tr><th>zone</th><th>zone name</th><th>redline</th><th>redline name</th><th>overlap ha</th><th>ellipsoidal ha</th>"
             "<th>share of zone</th><th>length m (reaches)</th></tr>\n";
        for (const auto& ov : r.overlaps)
            o << "<tr><td>" << esc(ov.zone_code) << "</td><td>" << esc(ov.zone_name) << "</td><td>" << esc(ov.redline_code) << "</td><td>"
              << esc(ov.redline_name) << "</td><td class=num>" << num(units::m2_to_ha(ov.area_m2), 4) << "</td><td class=num>"
              << num(units::m2_to_ha(ov.area_ell_m2), 4) << "</td><td class=num>" << num(100 * ov.zone_share, 2) << " %</td><td class=num>"
              << num(ov.length_m, 1) << "</td></tr>\n";
        o << "</table>\n";
    }
    html_list(o, "Values outside the enumerations", r.unknown_values);
    html_list(o, "Notes", r.notes);
    o << "</body></html>\n";
    return o.str();
}

}  // namespace

std::vector<std::string> write_water_outputs(const checks::WaterResult& r, const std::string& out_dir, const WaterReportOptions& opt,
                                             const Progress& progress) {
    OutputDir out(out_dir, "water");
    const std::string created = run_timestamp();
    json rep = water_json(r, created);
    {
        GpkgWriter w(out.temp("water.gpkg"), *r.work_crs, created, "water");
        w.set_run_record(rep, created);
        w.begin("water_points", multi_type(0),
                {{"id"}, {"name"}, {"kind"}, {"county"}, {"measured_raw"}, {"measured_class"}, {"zone_kind"}, {"zone_code"}, {"zone_name"},
                 {"level1"}, {"level2"}, {"target_class"}, {"standard"}, {"compliance"}, {"distance_m", OFTReal}, {"nearest_code"},
                 {"nearest_name"}, {"water_source_level"}, {"in_protection_zone", OFTInteger}, {"flags"}, {"src_fid", OFTInteger64}},
                "ecoshield water: outfalls and stations with their zone, target class and compliance");
        for (const auto& P : r.points)
            w.add(r.outlets.layer.features[P.index].geom.get(),
                  {P.id, P.name, P.kind, P.county, P.measured_raw, P.measured, P.zone_kind, P.zone_code, P.zone_name, P.level1, P.level2, P.target,
                   P.standard, P.compliance, P.distance_m, P.nearest_code, P.nearest_name, P.source_level, (long long)P.in_protection_zone,
                   join(P.flags, ";"), r.outlets.layer.features[P.index].fid});
        w.end("water_points");
        w.begin("water_flags", multi_type(0), {{"id"}, {"name"}, {"flag"}, {"layer_kind"}, {"feature_code"}, {"feature_name"}, {"detail"}},
                "ecoshield water: outfalls inside drinking water source zones or protection-type water zones");
        for (const auto& f : r.flags) {
            const auto& P = r.points[f.point];
            w.add(r.outlets.layer.features[P.index].geom.get(), {P.id, P.name, f.flag, f.layer_kind, f.feature_code, f.feature_name, f.detail});
        }
        w.end("water_flags");
        for (int dim : {2, 1}) {
            bool any = false;
            for (const auto& o : r.overlaps) any = any || geom::dimension(o.geom.get()) == dim;
            if (!any) continue;
            const std::string name = dim == 2 ? "water_zone_redline" : "water_zone_redline_line";
            w.begin(name, multi_type(dim),
                    {{"zone_code"}, {"zone_name"}, {"redline_code"}, {"redline_name"}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal},
                     {"area_ha", OFTReal}, {"length_m", OFTReal}, {"zone_share", OFTReal}},
                    "ecoshield water: water zones overlapping redlines");
            for (const auto& o : r.overlaps)
                if (geom::dimension(o.geom.get()) == dim)
                    w.add(o.geom.get(), {o.zone_code, o.zone_name, o.redline_code, o.redline_name, o.area_m2, o.area_ell_m2,
                                         units::m2_to_ha(o.area_m2), o.length_m, o.zone_share});
            w.end(name);
        }
        write_context_layer(w, r.zones, "context_water_zone", "water");
        write_context_layer(w, r.marine, "context_marine_zone", "water");
        write_context_layer(w, r.sources, "context_water_source", "water");
        w.begin("repairs", wkbNone, {{"layer"}, {"src_fid", OFTInteger64}, {"action"}, {"reason"}},
                "ecoshield water: input features repaired or rejected");
        for (size_t k = 0; const auto* L = layers_of(r, k); ++k)
            if (L->present)
                for (const auto& i : L->layer.issues) w.add(nullptr, {L->kind, static_cast<long long>(i.fid), i.action, i.reason});
        w.end("repairs");
        w.close();
    }
    progress.report(0.7, "writing reports");
    out.write_text("report.json", rep.dump(2) + "\n");
    out.write_text("report.csv", water_csv(r));
    if (opt.html) out.write_text("report.html", water_html(r, rep));
    else out.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    progress.report(1.0, "writing reports");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
