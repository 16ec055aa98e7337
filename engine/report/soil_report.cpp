// Outputs of `soil` (see soil_report.h).
#include "report/soil_report.h"

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

using checks::kReceptorKinds;
using io::Value;
using nlohmann::json;

namespace {

SvgStyle sty(const std::string& fill, const std::string& stroke, double opacity, double width, const std::string& dash = "", double radius = 4) {
    SvgStyle s;
    s.fill = fill, s.stroke = stroke, s.fill_opacity = opacity, s.stroke_width = width, s.dash = dash, s.point_radius = radius;
    return s;
}

const checks::LoadedLayer* layer_at(const checks::SoilResult& r, size_t i) {
    const checks::LoadedLayer* all[] = {&r.parcels, &r.receptor_layer, &r.sources, &r.farmland, &r.admin};
    return i < 5 ? all[i] : nullptr;
}

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ") {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

std::string range_text(double r) { return units::fmt("%g", r); }

// "500 m: 2 (school 1, residential 1); 1000 m: 3 (...)"
std::string within_text(const checks::SoilResult& r, const checks::SoilParcel& P) {
    std::string s;
    for (size_t i = 0; i < r.ranges.size(); ++i) {
        long long n = 0;
        std::string parts;
        for (size_t k = 0; k < 4; ++k)
            if (P.within[i][k]) {
                n += P.within[i][k];
                parts += (parts.empty() ? "" : ", ") + kReceptorKinds[k] + " " + std::to_string(P.within[i][k]);
            }
        s += (s.empty() ? "" : "; ") + range_text(r.ranges[i]) + " m: " + std::to_string(n) + (parts.empty() ? "" : " (" + parts + ")");
    }
    return s;
}

long long within_total(const checks::SoilParcel& P, size_t r) {
    long long n = 0;
    for (size_t k = 0; k < 4; ++k) n += P.within[r][k];
    return n;
}

json cell_json(const checks::FarmlandCell& c, double county_total, double county_total_ell) {
    return {{"area_m2", jnum(c.area)},
            {"area_ell_m2", jnum(c.area_ell)},
            {"area_ha", jnum(units::m2_to_ha(c.area))},
            {"area_mu", jnum(units::m2_to_mu(c.area))},
            {"share", county_total > 0 ? jnum(c.area / county_total, 9) : json()},
            {"share_ell", county_total_ell > 0 ? jnum(c.area_ell / county_total_ell, 9) : json()},
            {"pieces", c.pieces}};
}

std::string category_colour(const std::string& c) {
    return c == "class1_listed" ? "#a50026" : c == "listed_receptor_near" ? "#f46d43" : c == "listed" ? "#fee090" : "#74add1";
}
std::string receptor_colour(const std::string& k) {
    return k == "school" ? "#3182bd" : k == "hospital" ? "#d73027" : k == "residential" ? "#feb24c" : "#08519c";
}
std::string class_colour(const std::string& c) {
    return c == "priority" ? "#1a9850" : c == "safe_use" ? "#fee08b" : c == "strict_control" ? "#d73027" : "#bdbdbd";
}

}  // namespace

json soil_json(const checks::SoilResult& r, const std::string& created) {
    json j = report_head("ecoshield.soil/1", created, r.params, r.work_epsg, r.work_crs_label);
    j["method"] =
        "distances are boundary to boundary in the working CRS (0 when touching); a receptor is within a range when its distance "
        "<= the range; listed = status in listed-status, or a status that is missing or outside the enumeration; farmland pieces "
        "are the farmland features (flattened: overlaps counted once, for the feature read first) split by the admin polygons; "
        "share = class area / the county's farmland area";
    j["area_convention"] = "*_m2 areas are planar in the working CRS; *_ell_m2 are the drawn figure's area on its ellipsoid; share is planar, share_ell ellipsoidal";
    json inputs = json::array();
    for (size_t k = 0; const auto* L = layer_at(r, k); ++k)
        if (L->present) inputs.push_back(layer_input_json(*L, r.inputs));
    j["inputs"] = inputs;
    j["ranges_m"] = r.ranges;
    json rk = json::object();
    for (const auto& k : kReceptorKinds) rk[k] = 0;
    for (const auto& x : r.receptors) rk[x.kind] = rk[x.kind].get<long long>() + 1;
    j["receptors_by_kind"] = rk;
    json parcels = json::array();
    std::vector<std::string> class1, near, listed_codes;
    long long listed = 0;
    for (const auto& P : r.results) {
        json near_k = json::object();
        for (size_t k = 0; k < 4; ++k) {
            const auto& n = P.nearest[k];
            near_k[kReceptorKinds[k]] = n.receptor < 0 ? json()
                                                       : json{{"id", r.receptors[n.receptor].id},
                                                              {"name", r.receptors[n.receptor].name},
                                                              {"distance_m", jnum(n.distance_m, 3)}};
        }
        json within = json::array();
        for (size_t i = 0; i < r.ranges.size(); ++i) {
            json w{{"range_m", r.ranges[i]}, {"total", within_total(P, i)}};
            for (size_t k = 0; k < 4; ++k) w[kReceptorKinds[k]] = P.within[i][k];
            within.push_back(w);
        }
        json links = json::array();
        for (const auto& L : r.links)
            if (L.parcel == P.index) {
                const auto& x = r.receptors[L.receptor];
                links.push_back({{"id", x.id}, {"name", x.name}, {"kind", x.kind}, {"source", x.source}, {"distance_m", jnum(L.distance_m, 3)},
                                 {"range_m", L.range_m > 0 ? json(L.range_m) : json()}, {"nearest_of_kind", L.nearest}});
            }
        parcels.push_back({{"code", P.code},
                           {"name", P.name},
                           {"status", P.status},
                           {"listed", P.listed},
                           {"planned_use", P.planned_use},
                           {"class1_listed", P.class1_listed},
                           {"category", P.category},
                           {"county", P.county},
                           {"area_m2", jnum(P.area_m2)},
                           {"area_ell_m2", jnum(P.area_ell_m2)},
                           {"src_fid", r.parcels.layer.features[P.index].fid},
                           {"nearest", near_k},
                           {"within", within},
                           {"receptors", links},
                           {"flags", P.flags}});
        if (P.listed) listed++, listed_codes.push_back(P.code);
        if (P.class1_listed) class1.push_back(P.code);
        if (P.listed && within_total(P, 0) > 0) near.push_back(P.code);
    }
    j["parcels"] = parcels;
    json farm = nullptr;
    if (r.farmland.present) {
        json counties = json::array();
        for (const auto& [county, row] : r.farmland_table) {
            const auto& t = r.county_total.at(county);
            json cls = json::object();
            for (const auto& [c, cell] : row) cls[c] = cell_json(cell, t.area, t.area_ell);
            counties.push_back({{"county", county},
                                {"county_code", r.county_code.count(county) ? r.county_code.at(county) : ""},
                                {"total_m2", jnum(t.area)},
                                {"total_ell_m2", jnum(t.area_ell)},
                                {"total_mu", jnum(units::m2_to_mu(t.area))},
                                {"classes", cls}});
        }
        json by_class = json::object();
        for (const auto& [c, cell] : r.class_total) by_class[c] = cell_json(cell, r.farmland_total.area, r.farmland_total.area_ell);
        farm = {{"by_county", counties},
                {"by_class", by_class},
                {"total_m2", jnum(r.farmland_total.area)},
                {"total_ell_m2", jnum(r.farmland_total.area_ell)},
                {"features_area_m2", jnum(r.farmland_raw_area)},
                {"self_overlap_m2", jnum(r.farmland_self_overlap)},
                {"reconciliation_rel_error", r.farmland_rel_error},
                {"outside_admin_m2", jnum(r.county_total.count(checks::kOutsideAdmin) ? r.county_total.at(checks::kOutsideAdmin).area : 0.0)}};
    }
    j["farmland"] = farm;
    j["summary"] = {{"parcels", r.results.size()},
                    {"listed", listed},
                    {"delisted", static_cast<long long>(r.results.size()) - listed},
                    {"listed_parcels", listed_codes},
                    {"class1_listed", class1},
                    {"receptor_within_" + range_text(r.ranges.front()) + "m", near},
                    {"links", r.links.size()}};
    j["unknown_values"] = r.unknown_values;
    json rep = json::array();
    for (size_t k = 0; const auto* L = layer_at(r, k); ++k)
        if (L->present)
            for (const auto& i : L->layer.issues) rep.push_back({{"layer", L->kind}, {"fid", i.fid}, {"action", i.action}, {"reason", i.reason}});
    j["repairs"] = rep;
    j["notes"] = r.notes;
    return j;
}

std::string soil_csv(const checks::SoilResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF"
      << "code,name,status,listed,planned_use,class1_listed,category,county,area_m2,area_ell_m2";
    for (const auto& k : kReceptorKinds) o << "," << k << "_m," << k << "_id," << k << "_name";
    for (double rg : r.ranges) o << ",n_within_" << range_text(rg);
    o << ",flags\n";
    for (const auto& P : r.results) {
        o << csv_field(P.code) << "," << csv_field(P.name) << "," << P.status << "," << (P.listed ? 1 : 0) << "," << P.planned_use << ","
          << (P.class1_listed ? 1 : 0) << "," << P.category << "," << csv_field(P.county) << "," << num(P.area_m2, 3) << ","
          << num(P.area_ell_m2, 3);
        for (size_t k = 0; k < 4; ++k) {
            const auto& n = P.nearest[k];
            if (n.receptor < 0) o << ",,,";
            else o << "," << num(n.distance_m, 3) << "," << csv_field(r.receptors[n.receptor].id) << "," << csv_field(r.receptors[n.receptor].name);
        }
        for (size_t i = 0; i < r.ranges.size(); ++i) o << "," << within_total(P, i);
        o << "," << csv_field(join(P.flags, ";")) << "\n";
    }
    return o.str();
}

namespace {

std::string farmland_csv(const checks::SoilResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF" << "county,county_code,class,area_m2,area_ell_m2,area_mu,share,share_ell\n";
    auto row = [&](const std::string& county, const std::string& cls, const checks::FarmlandCell& c, const checks::FarmlandCell& t) {
        o << csv_field(county) << "," << (r.county_code.count(county) ? r.county_code.at(county) : "") << "," << cls << "," << num(c.area, 3)
          << "," << num(c.area_ell, 3) << "," << num(units::m2_to_mu(c.area), 3) << "," << (t.area > 0 ? num(c.area / t.area, 9) : "") << ","
          << (t.area_ell > 0 ? num(c.area_ell / t.area_ell, 9) : "") << "\n";
    };
    for (const auto& [county, row_] : r.farmland_table) {
        for (const auto& [cls, c] : row_) row(county, cls, c, r.county_total.at(county));
        row(county, "total", r.county_total.at(county), r.county_total.at(county));
    }
    for (const auto& [cls, c] : r.class_total) row("total", cls, c, r.farmland_total);
    row("total", "total", r.farmland_total, r.farmland_total);
    return o.str();
}

geom::Box grow(geom::Box b, const GEOSGeometry* g) {
    auto x = geom::bounds(g);
    return {std::min(b.minx, x.minx), std::min(b.miny, x.miny), std::max(b.maxx, x.maxx), std::max(b.maxy, x.maxy)};
}

std::string parcel_map(const checks::SoilResult& r, const checks::SoilParcel& P) {
    const GEOSGeometry* pg = r.parcels.layer.features[P.index].geom.get();
    geom::Box b = geom::bounds(pg);
    const double m = r.range_max() * 1.05;
    SvgMap map(b.minx - m, b.miny - m, b.maxx + m, b.maxy + m, 420, 420);
    for (auto it = r.ranges.rbegin(); it != r.ranges.rend(); ++it) {
        geom::Geom ring = geom::buffer(pg, *it, 8);
        if (auto o = to_ogr(ring.get())) map.add(*o, sty("none", "#888", 1, 0.8, "4 3", 4),
                                                 range_text(*it) + " m");
    }
    for (const auto& L : r.links)
        if (L.parcel == P.index) {
            const auto& x = r.receptors[L.receptor];
            if (L.distance_m > m) continue;
            std::string col = receptor_colour(x.kind);
            if (auto o = to_ogr(x.geom)) map.add(*o, sty(col, col, 0.5, 1, "", 4),
                                                 x.kind + " " + x.id + " " + x.name + ": " + num(L.distance_m, 0) + " m");
            if (auto o = to_ogr(L.line.get())) map.add(*o, sty("none", col, 1, 0.8, "2 2", 4));
        }
    std::string col = category_colour(P.category);
    if (auto o = to_ogr(pg)) map.add(*o, sty(col, "#333", 0.9, 1, "", 4), P.code + " " + P.name);
    return map.render();
}

std::string overview_map(const checks::SoilResult& r) {
    geom::Box b{1e300, 1e300, -1e300, -1e300};
    for (const auto& f : r.parcels.layer.features) b = grow(b, f.geom.get());
    if (r.farmland.present)
        for (const auto& f : r.farmland.layer.features) b = grow(b, f.geom.get());
    if (b.minx > b.maxx) return "";
    const double pad = std::max(500.0, 0.03 * std::max(b.maxx - b.minx, b.maxy - b.miny));
    SvgMap map(b.minx - pad, b.miny - pad, b.maxx + pad, b.maxy + pad, 820, 620);
    if (r.admin.present)
        for (const auto& f : r.admin.layer.features)
            if (auto o = to_ogr(f.geom.get()))
                map.add(*o, sty("#f7f7f7", "#999", 1, 0.7, "4 2", 4), r.admin.binding.value(f, "name"));
    for (const auto& p : r.pieces)
        if (auto o = to_ogr(p.geom.get()))
            map.add(*o, sty(class_colour(p.cls), "none", 0.8, 0, "", 4), p.county + " " + p.cls);
    for (const auto& x : r.receptors) {
        std::string col = receptor_colour(x.kind);
        if (auto o = to_ogr(x.geom)) map.add(*o, sty(col, col, 0.5, 0.5, "", 2.5),
                                             x.kind + " " + x.id + " " + x.name);
    }
    for (const auto& P : r.results) {
        const GEOSGeometry* g = r.parcels.layer.features[P.index].geom.get();
        // parcels are small at this scale: a marker at the centre as well as the polygon
        auto pb = geom::bounds(g);
        std::string col = category_colour(P.category);
        if (auto o = to_ogr(g)) map.add(*o, sty(col, "#000", 1, 1, "", 4), P.code + " " + P.name);
        OGRPoint c((pb.minx + pb.maxx) / 2, (pb.miny + pb.maxy) / 2);
        map.add(c, sty(col, "#000", 1, 1, "", 4), P.code + " " + P.category);
    }
    return map.render();
}

std::string soil_html(const checks::SoilResult& r, const json& rep, const SoilReportOptions& opt) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield soil</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1300px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         ".flag{color:#d73027;font-weight:bold}.card{border:1px solid #ddd;padding:8px 12px;margin:12px 0;display:flex;gap:16px}"
         "svg{border:1px solid #ccc;background:#fafafa}\n"
         "</style></head><body>\n";
    o << "<h1>土壤污染风险地块与敏感目标 / Soil risk parcels, receptors and farmland classes</h1>\n<p><small>ecoshield " << ECOSHIELD_VERSION
      << " &middot; " << esc(rep.value("created", "")) << " &middot; working CRS " << esc(r.work_crs_label) << " &middot; ranges ";
    for (size_t i = 0; i < r.ranges.size(); ++i) o << (i ? ", " : "") << range_text(r.ranges[i]) << " m";
    o << "</small></p>\n";
    const auto& s = rep["summary"];
    o << "<p>" << r.results.size() << " parcels, " << s["listed"].get<long long>() << " listed; class-1 planned use while listed: <span class=flag>"
      << esc(join(s["class1_listed"].get<std::vector<std::string>>())) << "</span>; " << r.receptors.size() << " receptors.</p>\n";
    o << overview_map(r) << "\n<p><small>parcels: dark red class-1 use while listed, orange listed with a receptor within "
      << range_text(r.ranges.front()) << " m, yellow listed, blue delisted. Receptors: blue school, red hospital, orange residential, "
                                          "dark blue water source. Farmland: green priority, yellow safe use, red strict control.</small></p>\n";
    o << "<h2>Parcels</h2><table><tr><th>code</th><th>name</th><th>status</th><th>planned use</th><th>category</th>";
    for (const auto& k : kReceptorKinds) o << "<th>nearest " << k << " m</th>";
    for (double rg : r.ranges) o << "<th>within " << range_text(rg) << " m</th>";
    o << "<th>flags</th></tr>\n";
    for (const auto& P : r.results) {
        o << "<tr><td>" << esc(P.code) << "</td><td>" << esc(P.name) << "</td><td>" << esc(P.status) << "</td><td>" << esc(P.planned_use)
          << "</td><td>" << esc(P.category) << "</td>";
        for (size_t k = 0; k < 4; ++k) {
            const auto& n = P.nearest[k];
            o << "<td class=num>" << (n.receptor < 0 ? "" : num(n.distance_m, 1) + " <small>" + esc(r.receptors[n.receptor].name) + "</small>")
              << "</td>";
        }
        for (size_t i = 0; i < r.ranges.size(); ++i) o << "<td class=num>" << within_total(P, i) << "</td>";
        o << "<td class=flag>" << esc(join(P.flags)) << "</td></tr>\n";
    }
    o << "</table>\n";
    o << "<h2>Listed parcels and their receptors</h2>\n";
    size_t maps = 0;
    for (const auto& P : r.results) {
        if (!P.listed) continue;
        o << "<div class=card><div><h3>" << esc(P.code + " " + P.name) << "</h3><p>" << esc(P.status) << ", planned use " << esc(P.planned_use)
          << (P.class1_listed ? " <span class=flag>class-1 use while listed</span>" : "") << "</p><p>" << esc(within_text(r, P))
          << "</p><table><tr><th>receptor</th><th>kind</th><th>distance m</th><th>range</th></tr>";
        for (const auto& L : r.links)
            if (L.parcel == P.index) {
                const auto& x = r.receptors[L.receptor];
                o << "<tr><td>" << esc(x.id + " " + x.name) << "</td><td>" << x.kind << " " << checks::receptor_kind_zh(x.kind) << "</td><td class=num>"
                  << num(L.distance_m, 1) << "</td><td>" << (L.range_m > 0 ? "&le; " + range_text(L.range_m) + " m" : "beyond (nearest of its kind)")
                  << "</td></tr>";
            }
        o << "</table></div><div>" << (maps++ < opt.html_max_maps ? parcel_map(r, P) : "") << "</div></div>\n";
    }
    if (r.farmland.present) {
        std::vector<std::string> classes;
        for (const auto& [c, cell] : r.class_total) classes.push_back(c);
        o << "<h2>Farmland soil classes per county (planar ha, share of the county's farmland)</h2><table><tr><th>county</th>";
        for (const auto& c : classes) o << "<th>" << esc(c) << " ha</th><th>share</th>";
        o << "<th>total ha</th><th>total ha (ellipsoidal)</th></tr>\n";
        auto row = [&](const std::string& county, const std::map<std::string, checks::FarmlandCell>& cells, const checks::FarmlandCell& t) {
            o << "<tr><th>" << esc(county) << "</th>";
            for (const auto& c : classes) {
                auto it = cells.find(c);
                double a = it == cells.end() ? 0 : it->second.area;
                o << "<td class=num>" << num(units::m2_to_ha(a), 2) << "</td><td class=num>" << (t.area > 0 ? num(100 * a / t.area, 2) + " %" : "")
                  << "</td>";
            }
            o << "<td class=num>" << num(units::m2_to_ha(t.area), 2) << "</td><td class=num>" << num(units::m2_to_ha(t.area_ell), 2) << "</td></tr>\n";
        };
        for (const auto& [county, cells] : r.farmland_table) row(county, cells, r.county_total.at(county));
        row("total", r.class_total, r.farmland_total);
        o << "</table><p><small>features' own area " << num(units::m2_to_ha(r.farmland_raw_area), 4) << " ha, overlaps counted once "
          << num(units::m2_to_ha(r.farmland_self_overlap), 4) << " ha, reconciliation error " << units::fmt("%.2e", r.farmland_rel_error)
          << "</small></p>\n";
    }
    html_list(o, "Values outside the enumerations", r.unknown_values);
    html_list(o, "Notes", r.notes);
    o << "</body></html>\n";
    return o.str();
}

}  // namespace

std::vector<std::string> write_soil_outputs(const checks::SoilResult& r, const std::string& out_dir, const SoilReportOptions& opt,
                                            const Progress& progress) {
    OutputDir out(out_dir, "soil");
    const std::string created = run_timestamp();
    json rep = soil_json(r, created);
    {
        GpkgWriter w(out.temp("soil.gpkg"), *r.work_crs, created, "soil");
        w.set_run_record(rep, created);
        std::vector<OutField> pf{{"code"}, {"name"}, {"status"}, {"listed", OFTInteger}, {"planned_use"}, {"class1_listed", OFTInteger},
                                 {"category"}, {"county"}, {"area_m2", OFTReal}};
        for (const auto& k : kReceptorKinds) pf.push_back({k + "_m", OFTReal}), pf.push_back({k + "_name"});
        pf.push_back({"n_within_min", OFTInteger});
        pf.push_back({"n_within_max", OFTInteger});
        pf.push_back({"within"});
        pf.push_back({"flags"});
        pf.push_back({"src_fid", OFTInteger64});
        w.begin("soil_parcels", multi_type(2), pf, "ecoshield soil: soil risk parcels with receptor distances and flags");
        for (const auto& P : r.results) {
            std::vector<Value> v{P.code, P.name, P.status, (long long)P.listed, P.planned_use, (long long)P.class1_listed, P.category, P.county, P.area_m2};
            for (size_t k = 0; k < 4; ++k) {
                const auto& n = P.nearest[k];
                v.push_back(n.receptor < 0 ? Value() : Value(n.distance_m));
                v.push_back(n.receptor < 0 ? Value() : Value(r.receptors[n.receptor].name));
            }
            v.push_back(within_total(P, 0));
            v.push_back(within_total(P, r.ranges.size() - 1));
            v.push_back(within_text(r, P));
            v.push_back(join(P.flags, ";"));
            v.push_back(r.parcels.layer.features[P.index].fid);
            w.add(r.parcels.layer.features[P.index].geom.get(), v);
        }
        w.end("soil_parcels");
        if (!r.links.empty()) {
            w.begin("soil_links", multi_type(1),
                    {{"parcel_code"}, {"parcel_name"}, {"receptor_id"}, {"receptor_name"}, {"receptor_kind"}, {"distance_m", OFTReal},
                     {"range_m", OFTReal}, {"nearest", OFTInteger}},
                    "ecoshield soil: listed parcel to receptor (nearest points), within the ranges and the nearest of each kind");
            for (const auto& L : r.links) {
                const auto& P = r.results[L.parcel];
                const auto& x = r.receptors[L.receptor];
                w.add(L.line.get(), {P.code, P.name, x.id, x.name, x.kind, L.distance_m, L.range_m > 0 ? Value(L.range_m) : Value(), (long long)L.nearest});
            }
            w.end("soil_links");
        }
        if (!r.pieces.empty()) {
            w.begin("farmland_pieces", multi_type(2),
                    {{"county"}, {"county_code"}, {"class"}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"area_mu", OFTReal}, {"share", OFTReal},
                     {"src_fid", OFTInteger64}},
                    "ecoshield soil: farmland soil class pieces split by county");
            for (const auto& p : r.pieces) {
                const double t = r.county_total.at(p.county).area;
                w.add(p.geom.get(), {p.county, p.county_code, p.cls, p.area, p.area_ell, units::m2_to_mu(p.area), t > 0 ? Value(p.area / t) : Value(),
                                     r.farmland.layer.features[p.farmland].fid});
            }
            w.end("farmland_pieces");
            w.begin("farmland_by_county", wkbNone,
                    {{"county"}, {"county_code"}, {"class"}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"area_mu", OFTReal}, {"share", OFTReal}},
                    "ecoshield soil: farmland soil class areas and shares per county");
            for (const auto& [county, cells] : r.farmland_table) {
                const auto& t = r.county_total.at(county);
                for (const auto& [cls, c] : cells)
                    w.add(nullptr, {county, r.county_code.at(county), cls, c.area, c.area_ell, units::m2_to_mu(c.area), t.area > 0 ? Value(c.area / t.area) : Value()});
                w.add(nullptr, {county, r.county_code.at(county), std::string("total"), t.area, t.area_ell, units::m2_to_mu(t.area), 1.0});
            }
            w.end("");
        }
        if (r.receptor_layer.present) write_context_layer(w, r.receptor_layer, "receptors", "soil");
        write_context_layer(w, r.sources, "context_water_source", "soil");
        write_context_layer(w, r.admin, "context_admin", "soil");
        w.begin("repairs", wkbNone, {{"layer"}, {"src_fid", OFTInteger64}, {"action"}, {"reason"}},
                "ecoshield soil: input features repaired or rejected");
        for (size_t k = 0; const auto* L = layer_at(r, k); ++k)
            if (L->present)
                for (const auto& i : L->layer.issues) w.add(nullptr, {L->kind, static_cast<long long>(i.fid), i.action, i.reason});
        w.end("repairs");
        w.close();
    }
    progress.report(0.7, "writing reports");
    out.write_text("report.json", rep.dump(2) + "\n");
    out.write_text("report.csv", soil_csv(r));
    if (r.farmland.present) out.write_text("farmland.csv", farmland_csv(r));
    if (opt.html) out.write_text("report.html", soil_html(r, rep, opt));
    else out.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    progress.report(1.0, "writing reports");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
