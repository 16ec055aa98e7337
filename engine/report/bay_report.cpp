// Outputs of `bay` (see bay_report.h).
#include "report/bay_report.h"

#include <algorithm>
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

const char* kClasses[] = {"1", "2", "3", "4"};

double class_area(const checks::BayCard& b, const std::string& c) { return b.by_class.count(c) ? b.by_class.at(c).area : 0.0; }

json shore_json(const checks::BayResult& r, const checks::CoastFigures& f) {
    json t1 = json::object(), t2 = json::object(), i1 = json::object();
    for (const auto& [k, v] : f.by_type1) t1[k] = jnum(v);
    for (const auto& [k, v] : f.by_type2) t2[k] = jnum(v);
    for (const auto& [k, v] : f.island_by_type1) i1[k] = jnum(v);
    return {{"pieces", f.segments},
            {"mainland", {{"length_m", jnum(f.total)}, {"natural_m", jnum(f.natural)}, {"restored_m", jnum(f.restored)},
                          {"length_ell_m", jnum(f.total_ell)}, {"natural_ell_m", jnum(f.natural_ell)}, {"by_type1_m", t1}, {"by_type2_m", t2}}},
            {"islands", {{"length_m", jnum(f.island_total)}, {"natural_m", jnum(f.island_natural)}, {"length_ell_m", jnum(f.island_total_ell)},
                         {"by_type1_m", i1}}},
            {"natural_ratio", f.total > 0 ? json(f.ratio()) : json()},
            {"natural_ratio_ell", f.total_ell > 0 ? json(f.ratio_ell()) : json()},
            {"target", r.target},
            {"verdict", r.verdict(f)}};
}

json input_json(const checks::BayResult& r, const io::VectorLayer& l, const std::string& role) {
    json in{{"role", role}, {"source", l.source.spec}, {"path", l.source.path}, {"layer", l.layer_name}, {"crs", l.crs_label},
            {"crs_assumed", l.crs_assumed}, {"features_read", l.n_read}, {"features_used", l.features.size()}};
    add_file_facts(in, l.source.path, r.inputs);
    return in;
}

std::vector<const io::VectorLayer*> layers(const checks::BayResult& r) {
    std::vector<const io::VectorLayer*> v{&r.bays, &r.marine, &r.coast};
    if (r.redline) v.push_back(&*r.redline);
    if (r.soil) v.push_back(&*r.soil);
    if (r.outlet) v.push_back(&*r.outlet);
    return v;
}

}  // namespace

json bay_json(const checks::BayResult& r, const std::string& created) {
    json j = report_head("ecoshield.bay/1", created, r.params, r.work_epsg, r.work_crs_label);
    j["measure_convention"] =
        "*_m2 and *_m are planar in the working CRS; *_ell_m2 are the drawn figure's area on its ellipsoid and *_ell_m geodesic lengths on it; shares and verdicts use planar figures";
    j["rules"] = {
        {"sea", "sea area = the part of the bay covered by a marine function zone (zones flattened: an overlap counts once, for the zone read first); the rest is unzoned"},
        {"good_share", "good-class share = (class 1 + class 2 area) / sea area"},
        {"shoreline", "the part of each coastline segment inside the bay polygon or within shore-distance (" + num(r.shore_distance) +
                          " m) of it; natural_ratio = (natural + restored) / mainland length"},
        {"redline", "redline coverage = area of the bay inside the union of redline patches; share = / bay area"},
        {"catchment", "soil parcels and outfalls whose exact distance to the bay polygon is <= catchment (" + num(r.catchment) + " m)"},
        {"stations", "monitoring stations inside the bay polygon (distance 0)"}};
    json inputs = json::array();
    static const char* roles[] = {"bay", "marine_zone", "coastline"};
    auto ls = layers(r);
    for (size_t i = 0; i < ls.size(); ++i) inputs.push_back(input_json(r, *ls[i], i < 3 ? roles[i] : ls[i]->label));
    j["inputs"] = inputs;
    json bays = json::array();
    double tot = 0, tot_ell = 0, sea = 0, good = 0, red = 0;
    for (const auto& b : r.cards) {
        json e;
        e["code"] = b.code;
        e["name"] = b.name;
        e["status"] = b.status;
        e["county"] = b.county;
        e["target_year"] = b.target_year;
        e["fid"] = b.fid;
        e["area"] = {{"m2", jnum(b.area)}, {"ell_m2", jnum(b.area_ell)}, {"ha", jnum(units::m2_to_ha(b.area))},
                     {"ell_ha", jnum(units::m2_to_ha(b.area_ell))}, {"km2", jnum(units::m2_to_km2(b.area))}, {"mu", jnum(units::m2_to_mu(b.area))}};
        json cls = json::object();
        for (const auto& [c, a] : b.by_class)
            cls[c] = {{"m2", jnum(a.area)}, {"ell_m2", jnum(a.area_ell)}, {"share_of_sea", b.sea > 0 ? json(a.area / b.sea) : json()}};
        json zones = json::array();
        for (const auto& p : r.marine_pieces)
            if (p.bay == b.index) {
                const auto& zf = r.marine.features[p.zone];
                int ic = r.marine.field("code"), in = r.marine.field("name");
                zones.push_back({{"fid", zf.fid}, {"code", ic >= 0 ? io::value_text(zf.values[ic]) : ""},
                                 {"name", in >= 0 ? io::value_text(zf.values[in]) : ""}, {"class", p.cls}, {"area_m2", jnum(p.area)},
                                 {"area_ell_m2", jnum(p.area_ell)}});
            }
        e["marine"] = {{"sea_m2", jnum(b.sea)}, {"sea_ell_m2", jnum(b.sea_ell)}, {"unzoned_m2", jnum(b.unzoned())}, {"by_class", cls},
                       {"good_m2", jnum(b.good)}, {"good_ell_m2", jnum(b.good_ell)},
                       {"good_share", b.sea > 0 ? json(b.good_share()) : json()},
                       {"good_share_ell", b.sea_ell > 0 ? json(b.good_share_ell()) : json()}, {"zones", zones}};
        e["shoreline"] = shore_json(r, b.shore);
        if (r.redline)
            e["redline"] = {{"area_m2", jnum(b.redline)}, {"area_ell_m2", jnum(b.redline_ell)}, {"share", b.area > 0 ? json(b.redline_share()) : json()}};
        else
            e["redline"] = nullptr;
        json soil = json::array(), soil_del = json::array(), outf = json::array(), st = json::array();
        for (const auto& it : b.items) {
            if (it.kind == "soil_parcel" || it.kind == "soil_parcel_delisted")
                (it.kind == "soil_parcel" ? soil : soil_del)
                    .push_back({{"code", it.code}, {"name", it.name}, {"status_planned_use", it.detail}, {"distance_m", jnum(it.distance, 3)}});
            else if (it.kind == "outfall")
                outf.push_back({{"code", it.code}, {"name", it.name}, {"distance_m", jnum(it.distance, 3)}});
            else
                st.push_back({{"code", it.code}, {"name", it.name}, {"measured_class", it.detail}});
        }
        e["soil_parcels"] = soil;
        e["soil_parcels_delisted"] = soil_del;
        e["outfalls"] = outf;
        e["stations"] = st;
        bays.push_back(e);
        tot += b.area, tot_ell += b.area_ell, sea += b.sea, good += b.good, red += b.redline;
    }
    j["bays"] = bays;
    j["summary"] = {{"bays", r.cards.size()}, {"area_m2", jnum(tot)}, {"area_ell_m2", jnum(tot_ell)}, {"sea_m2", jnum(sea)},
                    {"good_share", sea > 0 ? json(good / sea) : json()}, {"redline_m2", r.redline ? jnum(red) : json()}};
    j["unknown_values"] = r.unknown_values;
    json repairs = json::array();
    for (const auto* l : layers(r))
        for (const auto& i : l->issues) repairs.push_back({{"layer", l->label}, {"fid", i.fid}, {"action", i.action}, {"reason", i.reason}});
    j["repairs"] = repairs;
    j["notes"] = r.notes;
    return j;
}

std::string bay_csv(const checks::BayResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF"
      << "code,name,status,county,area_m2,area_ell_m2,area_ha,sea_m2,unzoned_m2,class1_m2,class2_m2,class3_m2,class4_m2,good_m2,good_share,"
         "shore_mainland_m,shore_natural_m,shore_restored_m,natural_ratio,natural_verdict,shore_island_m,redline_m2,redline_share,"
         "n_soil_parcels,n_outfalls,n_stations,soil_parcels,outfalls,stations\n";
    for (const auto& b : r.cards) {
        std::string soil, outf, st;
        for (const auto& it : b.items) {
            std::string& t = it.kind == "outfall" ? outf : it.kind == "station" ? st : soil;
            t += (t.empty() ? "" : "; ") + it.code + (it.kind == "station" ? " " + it.detail : " " + num(it.distance, 0) + " m") +
                 (it.kind == "soil_parcel_delisted" ? " (delisted)" : "");
        }
        o << csv_field(b.code) << "," << csv_field(b.name) << "," << csv_field(b.status) << "," << csv_field(b.county) << "," << num(b.area, -1)
          << "," << num(b.area_ell, -1) << "," << num(units::m2_to_ha(b.area), -1) << "," << num(b.sea, -1) << "," << num(b.unzoned(), -1);
        for (const char* c : kClasses) o << "," << num(class_area(b, c), -1);
        o << "," << num(b.good, -1) << "," << (b.sea > 0 ? num(b.good_share(), -1) : "") << "," << num(b.shore.total, -1) << ","
          << num(b.shore.natural, -1) << "," << num(b.shore.restored, -1) << "," << (b.shore.total > 0 ? num(b.shore.ratio(), -1) : "") << ","
          << r.verdict(b.shore) << "," << num(b.shore.island_total, -1) << "," << (r.redline ? num(b.redline, -1) : "") << ","
          << (r.redline && b.area > 0 ? num(b.redline_share(), -1) : "") << "," << b.count("soil_parcel") << "," << b.count("outfall") << ","
          << b.count("station") << "," << csv_field(soil) << "," << csv_field(outf) << "," << csv_field(st) << "\n";
    }
    return o.str();
}

namespace {

std::string card_map(const checks::BayResult& r, const checks::BayCard& b) {
    geom::Box bx = geom::bounds(b.geom.get());
    const double pad = std::max(r.catchment, 0.05 * std::max(bx.maxx - bx.minx, bx.maxy - bx.miny));
    SvgMap map(bx.minx - pad, bx.miny - pad, bx.maxx + pad, bx.maxy + pad, 560, 420);
    static const std::map<std::string, std::string> fill{{"1", "#08519c"}, {"2", "#4292c6"}, {"3", "#9ecae1"}, {"4", "#deebf7"}};
    for (const auto& p : r.marine_pieces)
        if (p.bay == b.index)
            if (auto g = to_ogr(p.geom.get()))
                map.add(*g, {.fill = fill.count(p.cls) ? fill.at(p.cls) : "#bbbbbb", .stroke = "none", .fill_opacity = 0.6, .dash = ""}, "class " + p.cls);
    if (r.redline)
        for (size_t i = 0; i < r.redline->features.size(); ++i) {
            geom::Box f = geom::bounds(r.redline->features[i].geom.get());
            if (f.maxx < bx.minx - pad || f.minx > bx.maxx + pad || f.maxy < bx.miny - pad || f.miny > bx.maxy + pad) continue;
            if (auto g = to_ogr(r.redline->features[i].geom.get()))
                map.add(*g, {.fill = "#1a9850", .stroke = "#0b6e3a", .fill_opacity = 0.25, .stroke_width = 0.6, .dash = ""}, "redline");
        }
    if (auto g = to_ogr(b.geom.get())) map.add(*g, {.fill = "none", .stroke = "#08306b", .stroke_width = 2, .dash = ""}, b.name);
    if (r.catchment > 0) {
        geom::Geom buf = geom::buffer(b.geom.get(), r.catchment, 8);
        if (auto g = to_ogr(buf.get())) map.add(*g, {.fill = "none", .stroke = "#666", .stroke_width = 1, .dash = "5 3"}, "catchment " + num(r.catchment) + " m");
    }
    for (const auto& p : r.shore_pieces)
        if (p.bay == b.index)
            if (auto g = to_ogr(p.geom.get()))
                map.add(*g, {.stroke = r.segments[p.seg].counts_natural ? "#238b45" : (r.segments[p.seg].type1 == "estuary" ? "#2171b5" : "#d73027"),
                             .stroke_width = 2, .dash = ""},
                        r.segments[p.seg].code + " " + r.segments[p.seg].type1);
    for (const auto& it : b.items) {
        const bool soil = it.kind.rfind("soil_parcel", 0) == 0;
        const io::Feature& f = soil ? r.soil->features[it.index] : r.outlet->features[it.index];
        if (auto g = to_ogr(f.geom.get())) {
            SvgStyle s;
            if (it.kind == "soil_parcel") s = {.fill = "#8c510a", .stroke = "#543005", .fill_opacity = 0.7, .dash = ""};
            else if (it.kind == "soil_parcel_delisted") s = {.fill = "#dfc27d", .stroke = "#8c510a", .fill_opacity = 0.5, .dash = ""};
            else if (it.kind == "outfall") s = {.fill = "#e31a1c", .stroke = "#fff", .dash = "", .point_radius = 5};
            else s = {.fill = "#2171b5", .stroke = "#fff", .dash = "", .point_radius = 5};
            map.add(*g, s, it.kind + " " + it.code + " " + it.name);
        }
    }
    return map.render();
}

std::string bay_html(const checks::BayResult& r, const json& rep) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>ecoshield bay</title>\n<style>\n"
      << "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222;max-width:1200px}"
         "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;font-size:13px;text-align:left}"
         "th{background:#f0f0f0}.num{text-align:right;font-variant-numeric:tabular-nums}small{color:#666}"
         ".pass{color:#1a9850;font-weight:bold}.fail{color:#d73027;font-weight:bold}svg{border:1px solid #ccc;background:#fafafa}"
         ".card{border:1px solid #bbb;border-radius:6px;padding:10px 16px;margin:18px 0}.cols{display:flex;gap:18px;flex-wrap:wrap}\n"
         "</style></head><body>\n";
    o << "<h1>美丽海湾 / Beautiful bays</h1>\n<p><small>ecoshield " << ECOSHIELD_VERSION << " &middot; " << esc(rep.value("created", ""))
      << " &middot; working CRS " << esc(r.work_crs_label) << " &middot; catchment " << num(r.catchment) << " m &middot; shoreline within "
      << num(r.shore_distance) << " m &middot; areas planar (ellipsoidal in report.json)</small></p>\n";
    o << "<table><tr><th>bay</th><th>status</th><th>area km2</th><th>good-class share</th><th>natural shoreline</th><th>verdict</th>"
         "<th>redline share</th><th>soil parcels</th><th>outfalls</th><th>stations</th></tr>\n";
    for (const auto& b : r.cards) {
        std::string v = r.verdict(b.shore);
        o << "<tr><th><a href=\"#bay-" << b.index << "\">" << esc(b.code + " " + b.name) << "</a></th><td>" << esc(b.status)
          << "</td><td class=num>" << num(b.area / 1e6, 3) << "</td><td class=num>" << (b.sea > 0 ? num(100 * b.good_share(), 2) + " %" : "")
          << "</td><td class=num>" << (b.shore.total > 0 ? num(100 * b.shore.ratio(), 2) + " %" : "") << "</td><td class=" << v << ">" << v
          << "</td><td class=num>" << (r.redline ? num(100 * b.redline_share(), 2) + " %" : "") << "</td><td class=num>" << b.count("soil_parcel")
          << "</td><td class=num>" << b.count("outfall") << "</td><td class=num>" << b.count("station") << "</td></tr>\n";
    }
    o << "</table>\n";
    for (const auto& b : r.cards) {
        o << "<div class=card id=\"bay-" << b.index << "\"><h2>" << esc(b.code + " " + b.name) << "</h2><p><small>status " << esc(b.status)
          << " &middot; county " << esc(b.county) << (b.target_year.empty() ? "" : " &middot; target year " + esc(b.target_year))
          << "</small></p>\n<div class=cols><div>";
        o << "<table><tr><th>area</th><td class=num>" << num(b.area / 1e6, 4) << " km2 (" << num(units::m2_to_ha(b.area), 2)
          << " ha) planar</td></tr><tr><th>ellipsoidal</th><td class=num>" << num(b.area_ell / 1e6, 4) << " km2</td></tr>"
          << "<tr><th>sea (zoned)</th><td class=num>" << num(b.sea / 1e6, 4) << " km2</td></tr><tr><th>unzoned</th><td class=num>"
          << num(b.unzoned() / 1e6, 4) << " km2</td></tr></table>\n";
        o << "<table><tr><th>marine class</th><th>km2</th><th>share of sea</th></tr>";
        for (const auto& [c, a] : b.by_class)
            o << "<tr><td>" << esc(c) << "</td><td class=num>" << num(a.area / 1e6, 4) << "</td><td class=num>"
              << (b.sea > 0 ? num(100 * a.area / b.sea, 2) + " %" : "") << "</td></tr>";
        o << "<tr><th>good (1 + 2)</th><th class=num>" << num(b.good / 1e6, 4) << "</th><th class=num>"
          << (b.sea > 0 ? num(100 * b.good_share(), 2) + " %" : "") << "</th></tr></table>\n";
        std::string v = r.verdict(b.shore);
        o << "<table><tr><th>shoreline</th><th>km</th></tr><tr><td>mainland</td><td class=num>" << num(b.shore.total / 1000, 3)
          << "</td></tr><tr><td>natural + restored</td><td class=num>" << num(b.shore.natural / 1000, 3) << "</td></tr>";
        for (const auto& [k, l] : b.shore.by_type1) o << "<tr><td>&nbsp; " << esc(k) << "</td><td class=num>" << num(l / 1000, 3) << "</td></tr>";
        o << "<tr><td>islands</td><td class=num>" << num(b.shore.island_total / 1000, 3) << "</td></tr><tr><th>natural ratio</th><th class=num>"
          << (b.shore.total > 0 ? num(100 * b.shore.ratio(), 2) + " %" : "n/a") << " <span class=" << v << ">" << v << "</span></th></tr></table>\n";
        if (r.redline)
            o << "<p>redline inside the bay: " << num(units::m2_to_ha(b.redline), 2) << " ha, " << num(100 * b.redline_share(), 2) << " % of the bay</p>\n";
        o << "<table><tr><th>listed</th><th>code</th><th>name</th><th>detail</th><th>distance m</th></tr>";
        for (const auto& it : b.items)
            o << "<tr><td>" << esc(it.kind) << "</td><td>" << esc(it.code) << "</td><td>" << esc(it.name) << "</td><td>" << esc(it.detail)
              << "</td><td class=num>" << num(it.distance, 0) << "</td></tr>";
        if (b.items.empty()) o << "<tr><td colspan=5>none within " << num(r.catchment) << " m</td></tr>";
        o << "</table></div><div>" << card_map(r, b)
          << "<br><small>blues: marine classes 1-4; green: redline; line colours: natural / artificial / estuary shoreline; dashed: catchment "
             "buffer; red dots: outfalls; blue dots: stations; brown: listed soil parcels (pale: delisted)</small></div></div></div>\n";
    }
    html_list(o, "Values outside the enumeration (counted as unknown)", r.unknown_values);
    html_list(o, "Notes", r.notes);
    o << "</body></html>\n";
    return o.str();
}

}  // namespace

std::vector<std::string> write_bay_outputs(const checks::BayResult& r, const std::string& out_dir, const BayReportOptions& opt,
                                           const Progress& progress) {
    OutputDir out(out_dir, "bay");
    const std::string created = run_timestamp();
    json rep = bay_json(r, created);
    {
        GpkgWriter w(out.temp("bay.gpkg"), *r.work_crs, created, "bay");
        w.set_run_record(rep, created);
        w.begin("bay_cards", multi_type(2),
                {{"code"}, {"name"}, {"status"}, {"county"}, {"target_year"}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"area_ha", OFTReal},
                 {"sea_m2", OFTReal}, {"unzoned_m2", OFTReal}, {"class1_m2", OFTReal}, {"class2_m2", OFTReal}, {"class3_m2", OFTReal},
                 {"class4_m2", OFTReal}, {"good_m2", OFTReal}, {"good_share", OFTReal}, {"shore_mainland_m", OFTReal}, {"shore_natural_m", OFTReal},
                 {"natural_ratio", OFTReal}, {"natural_verdict"}, {"shore_island_m", OFTReal}, {"redline_m2", OFTReal}, {"redline_share", OFTReal},
                 {"n_soil_parcels", OFTInteger}, {"n_outfalls", OFTInteger}, {"n_stations", OFTInteger}, {"src_fid", OFTInteger64}},
                "ecoshield bay: one card per beautiful-bay segment");
        for (const auto& b : r.cards)
            w.add(b.geom.get(), {b.code, b.name, b.status, b.county, b.target_year, b.area, b.area_ell, units::m2_to_ha(b.area), b.sea, b.unzoned(),
                                 class_area(b, "1"), class_area(b, "2"), class_area(b, "3"), class_area(b, "4"), b.good,
                                 b.sea > 0 ? Value(b.good_share()) : Value(), b.shore.total, b.shore.natural,
                                 b.shore.total > 0 ? Value(b.shore.ratio()) : Value(), r.verdict(b.shore), b.shore.island_total,
                                 r.redline ? Value(b.redline) : Value(), r.redline && b.area > 0 ? Value(b.redline_share()) : Value(),
                                 (long long)b.count("soil_parcel"), (long long)b.count("outfall"), (long long)b.count("station"), b.fid});
        w.end("bay_cards");
        const int ic = r.marine.field("code"), in = r.marine.field("name");
        w.begin("bay_marine", multi_type(2),
                {{"bay_code"}, {"bay_name"}, {"zone_code"}, {"zone_name"}, {"class"}, {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"sea_share", OFTReal}},
                "ecoshield bay: the bay pieces per marine function zone and class");
        for (const auto& p : r.marine_pieces) {
            const auto& b = r.cards[p.bay];
            const auto& zf = r.marine.features[p.zone];
            w.add(p.geom.get(), {b.code, b.name, ic >= 0 ? io::value_text(zf.values[ic]) : "", in >= 0 ? io::value_text(zf.values[in]) : "", p.cls,
                                 p.area, p.area_ell, b.sea > 0 ? Value(p.area / b.sea) : Value()});
        }
        w.end("bay_marine");
        w.begin("bay_shoreline", multi_type(1),
                {{"bay_code"}, {"bay_name"}, {"code"}, {"type1"}, {"type2"}, {"restored", OFTInteger}, {"mainland", OFTInteger},
                 {"counts_natural", OFTInteger}, {"county"}, {"length_m", OFTReal}, {"length_ell_m", OFTReal}, {"src_fid", OFTInteger64}},
                "ecoshield bay: the shoreline pieces assigned to each bay");
        for (const auto& p : r.shore_pieces) {
            const auto& b = r.cards[p.bay];
            const auto& s = r.segments[p.seg];
            w.add(p.geom.get(), {b.code, b.name, s.code, s.type1, s.type2, (long long)s.restored, (long long)s.mainland, (long long)s.counts_natural,
                                 s.county, p.length, p.length_ell, r.coast.features[p.seg].fid});
        }
        w.end("bay_shoreline");
        if (r.catchment > 0) {
            w.begin("bay_catchment", multi_type(2), {{"bay_code"}, {"bay_name"}, {"distance_m", OFTReal}},
                    "ecoshield bay: the catchment buffer of each bay (drawn with 16 segments per quarter circle; the listing uses exact distances)");
            for (const auto& b : r.cards) {
                geom::Geom buf = geom::buffer(b.geom.get(), r.catchment, 16);
                w.add(buf.get(), {b.code, b.name, r.catchment});
            }
            w.end("bay_catchment");
        }
        w.begin("bay_items", wkbNone, {{"bay_code"}, {"bay_name"}, {"kind"}, {"code"}, {"name"}, {"detail"}, {"distance_m", OFTReal}},
                "ecoshield bay: soil parcels and outfalls in each bay's catchment, stations inside it");
        for (const auto& b : r.cards)
            for (const auto& it : b.items) w.add(nullptr, {b.code, b.name, it.kind, it.code, it.name, it.detail, it.distance});
        w.end("bay_items");
        w.close();
    }
    progress.report(0.7, "writing reports");
    out.write_text("report.json", rep.dump(2) + "\n");
    out.write_text("report.csv", bay_csv(r));
    if (opt.html) out.write_text("report.html", bay_html(r, rep));
    else out.remove_at_commit("report.html");  // an earlier run's page would disagree with this run's reports
    progress.report(1.0, "writing reports");
    out.commit();
    return out.final_paths();
}

}  // namespace eco::report
