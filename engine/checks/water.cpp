#include "checks/water.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <limits>

#include "core/error.h"

namespace eco::checks {

const OpSpec& water_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "water",
        "Outfalls and monitoring stations against water and marine functional zones: target class, compliance, "
        "drinking water source zones, zone-redline overlaps",
        {
            {"snap", T::Number, 100.0, 0.0, 100000.0, "m",
             "a point within this distance of a water zone line (river reach) is assigned to the nearest reach [check]"},
            {"protection-level1", T::String, "protection", std::nullopt, std::nullopt, "",
             "water zone level1 codes that count as protection-type zones for outfalls (comma list; empty: none)"},
            {"protection-level2", T::String, "drinking", std::nullopt, std::nullopt, "",
             "water zone level2 codes that count as protection-type zones for outfalls (comma list; empty: none)"},
            {"source-levels", T::String, "first,second,quasi", std::nullopt, std::nullopt, "",
             "drinking water source zone levels whose outfalls are flagged (comma list of first, second, quasi)"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
        }};
    return spec;
}

namespace {

const std::string op = "water";

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
}

int class_rank(const std::string& code) {
    static const std::map<std::string, int> r = {{"I", 1}, {"II", 2}, {"III", 3}, {"IV", 4}, {"V", 5}, {"worse_V", 6},
                                                 {"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}, {"worse_4", 5}};
    auto it = r.find(code);
    return it == r.end() ? 99 : it->second;
}

int level_rank(const std::string& level) { return level == "first" ? 1 : level == "second" ? 2 : level == "quasi" ? 3 : 4; }

}  // namespace

std::optional<WaterClass> parse_water_class(const std::string& raw, bool sea) {
    std::string s = catalog::trim(raw);
    if (s.empty()) return std::nullopt;
    // multi-byte forms to ASCII: Roman numerals (upper and lower), full-width digits and letters, Chinese numerals
    static const std::vector<std::pair<std::string, std::string>> forms = {
        {"\u2160", "I"},  {"\u2161", "II"}, {"\u2162", "III"}, {"\u2163", "IV"}, {"\u2164", "V"},
        {"\u2170", "I"},  {"\u2171", "II"}, {"\u2172", "III"}, {"\u2173", "IV"}, {"\u2174", "V"},
        {"\uFF11", "1"},  {"\uFF12", "2"},  {"\uFF13", "3"},   {"\uFF14", "4"},  {"\uFF15", "5"},
        {"\uFF29", "I"},  {"\uFF36", "V"},  {"\uFF49", "I"},   {"\uFF56", "V"},
        {"一", "1"}, {"二", "2"}, {"三", "3"}, {"四", "4"}, {"五", "5"},
        {"类", ""}, {"第", ""}, {"海水", ""}, {"水质", ""}, {"水", ""}, {"于", ""}, {"\u3000", ""}, {" ", ""},
        {"劣", "<"}};
    for (const auto& [f, t] : forms) replace_all(s, f, t);
    bool worse = false;
    if (!s.empty() && s[0] == '<') worse = true, s.erase(0, 1);
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    static const std::map<std::string, int> numbers = {{"1", 1}, {"2", 2}, {"3", 3}, {"4", 4}, {"5", 5},
                                                       {"I", 1}, {"II", 2}, {"III", 3}, {"IV", 4}, {"V", 5}};
    auto it = numbers.find(s);
    if (it == numbers.end()) return std::nullopt;
    const int n = it->second, top = sea ? 4 : 5;
    if (n > top || (worse && n != top)) return std::nullopt;
    static const char* roman[] = {"", "I", "II", "III", "IV", "V"};
    WaterClass c;
    c.sea = sea;
    c.rank = worse ? top + 1 : n;
    c.code = sea ? (worse ? "worse_4" : std::to_string(n)) : (worse ? "worse_V" : roman[n]);
    return c;
}

std::string water_class_zh(const std::string& code) {
    static const std::map<std::string, std::string> zh = {
        {"I", "Ⅰ类"},    {"II", "Ⅱ类"},    {"III", "Ⅲ类"},   {"IV", "Ⅳ类"},    {"V", "Ⅴ类"}, {"worse_V", "劣Ⅴ类"},
        {"1", "第一类"}, {"2", "第二类"}, {"3", "第三类"}, {"4", "第四类"}, {"worse_4", "劣四类"}};
    auto it = zh.find(code);
    return it == zh.end() ? code : it->second;
}

WaterInput water_input_from_project(const Project& p) {
    WaterInput in;
    in.outlet = project_layer(p, "outlet", op, "--outlets FILE[:LAYER]");
    in.water_zone = project_layer(p, "water_zone", op, "--layer water_zone=FILE[:LAYER]");
    in.marine_zone = optional_layer(p, "marine_zone");
    in.water_source = optional_layer(p, "water_source");
    in.redline = optional_layer(p, "redline");
    return in;
}

std::unique_ptr<WaterResult> run_water(const WaterInput& in, const nlohmann::json& given, const Progress& progress) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<WaterResult>();
    R->params = resolve_params(water_spec(), given.is_null() ? nlohmann::json::object() : given);
    R->snap_m = R->params["snap"].get<double>();
    R->protection_level1 = catalog::split_list(R->params["protection-level1"].get<std::string>());
    R->protection_level2 = catalog::split_list(R->params["protection-level2"].get<std::string>());
    R->flag_source_levels = catalog::split_list(R->params["source-levels"].get<std::string>());
    for (const auto& l : R->flag_source_levels)
        if (l != "first" && l != "second" && l != "quasi")
            throw BadInput(op + ": --source-levels has '" + l + "'; use a comma list of first, second, quasi");
    LabelledSources all{{in.outlet, "outlet"}, {in.water_zone, "water_zone"}};
    if (in.marine_zone) all.push_back({*in.marine_zone, "marine_zone"});
    if (in.water_source) all.push_back({*in.water_source, "water_source"});
    if (in.redline) all.push_back({*in.redline, "redline"});
    choose_frame(*R, R->params["work-crs"].get<std::string>(), all, op);
    load_layer(*R, R->outlets, in.outlet, "outlet", op, false, progress.sub(0.0, 0.1));
    load_layer(*R, R->zones, in.water_zone, "water_zone", op, false, progress.sub(0.1, 0.3));
    if (in.marine_zone) load_layer(*R, R->marine, *in.marine_zone, "marine_zone", op, true, progress.sub(0.3, 0.4));
    if (in.water_source) load_layer(*R, R->sources, *in.water_source, "water_source", op, true, progress.sub(0.4, 0.5));
    if (in.redline) load_layer(*R, R->redlines, *in.redline, "redline", op, true, progress.sub(0.5, 0.6));
    if (!in.marine_zone) R->notes.push_back("no marine_zone layer: points at sea stay unassigned");
    if (!in.water_source) R->notes.push_back("no water_source layer: outfalls not checked against drinking water source zones");
    if (!in.redline) R->notes.push_back("no redline layer: water zone - redline overlaps not computed");

    for (const auto& f : R->outlets.layer.features)
        if (geom::dimension(f.geom.get()) != 0)
            throw BadInput(op + ": the outlet layer '" + R->outlets.layer.display() + "' has a " +
                           (geom::dimension(f.geom.get()) == 2 ? "polygon" : "line") + " feature (fid " + std::to_string(f.fid) +
                           "); outfalls and stations are points: take the discharge point or the section's centre");
    for (const auto* L : {&R->marine, &R->sources, &R->redlines})
        if (L->present) require_polygons(L->layer, L->kind, op);

    // ---- per zone: code, name, canonical classes; spatial indexes ----
    auto text_or = [](std::string v, const std::string& dflt) { return v.empty() ? dflt : v; };
    const auto& zf = R->zones.layer.features;
    const size_t nz = zf.size();
    std::vector<std::string> z_code(nz), z_name(nz), z_l1(nz), z_l2(nz), z_target(nz);
    std::vector<int> z_dim(nz);
    for (size_t i = 0; i < nz; ++i) {
        const auto& f = zf[i];
        const auto& b = R->zones.binding;
        z_code[i] = text_or(b.code(f), "fid " + std::to_string(f.fid));
        z_name[i] = b.value(f, "name");
        bool known = true;
        z_l1[i] = b.value(f, "level1", &known);
        if (!known) R->unknown_values.push_back("water_zone fid " + std::to_string(f.fid) + " (" + z_code[i] + "): level1 '" + z_l1[i] + "'");
        known = true;
        z_l2[i] = b.value(f, "level2", &known);
        if (!known) R->unknown_values.push_back("water_zone fid " + std::to_string(f.fid) + " (" + z_code[i] + "): level2 '" + z_l2[i] + "'");
        std::string raw = b.raw(f, "target_class");
        auto c = parse_water_class(raw, false);
        if (c) z_target[i] = c->code;
        else if (!catalog::trim(raw).empty()) {
            z_target[i] = "unknown";
            R->unknown_values.push_back("water_zone fid " + std::to_string(f.fid) + " (" + z_code[i] + "): target_class '" + raw + "'");
        }
        z_dim[i] = geom::dimension(f.geom.get());
        if (z_dim[i] == 0)
            throw BadInput(op + ": the water_zone layer '" + R->zones.layer.display() + "' has a point feature (fid " + std::to_string(f.fid) +
                           "); water zones are polygons or river reach lines");
    }
    const auto& mf = R->marine.layer.features;
    const size_t nm = mf.size();
    std::vector<std::string> m_code(nm), m_name(nm), m_target(nm);
    for (size_t i = 0; i < nm; ++i) {
        const auto& f = mf[i];
        const auto& b = R->marine.binding;
        m_code[i] = text_or(b.code(f), "fid " + std::to_string(f.fid));
        m_name[i] = b.value(f, "name");
        std::string raw = b.raw(f, "class");
        auto c = parse_water_class(raw, true);
        if (c) m_target[i] = c->code;
        else if (!catalog::trim(raw).empty()) {
            m_target[i] = "unknown";
            R->unknown_values.push_back("marine_zone fid " + std::to_string(f.fid) + " (" + m_code[i] + "): class '" + raw + "'");
        }
    }
    // zones sorted by code for "first by code" among several covering polygons
    std::vector<size_t> z_order(nz), m_order(nm);
    for (size_t i = 0; i < nz; ++i) z_order[i] = i;
    for (size_t i = 0; i < nm; ++i) m_order[i] = i;
    std::stable_sort(z_order.begin(), z_order.end(), [&](size_t a, size_t b) { return z_code[a] < z_code[b]; });
    std::stable_sort(m_order.begin(), m_order.end(), [&](size_t a, size_t b) { return m_code[a] < m_code[b]; });
    std::vector<geom::Prepared> z_prep(nz), m_prep(nm);
    for (size_t i = 0; i < nz; ++i) z_prep[i] = geom::Prepared(zf[i].geom.get());
    for (size_t i = 0; i < nm; ++i) m_prep[i] = geom::Prepared(mf[i].geom.get());

    const auto& sf = R->sources.layer.features;
    std::vector<geom::Prepared> s_prep(sf.size());
    for (size_t i = 0; i < sf.size(); ++i) s_prep[i] = geom::Prepared(sf[i].geom.get());

    // ---- points ----
    const auto& of = R->outlets.layer.features;
    R->points.resize(of.size());
    for (size_t i = 0; i < of.size(); ++i) {
        const auto& f = of[i];
        const auto& b = R->outlets.binding;
        WaterPoint& P = R->points[i];
        P.index = i;
        P.id = text_or(b.code(f), "fid " + std::to_string(f.fid));
        P.name = b.value(f, "name");
        bool known = true;
        P.kind = b.value(f, "kind", &known);
        if (P.kind.empty()) P.kind = "(none)";
        else if (!known) {
            R->unknown_values.push_back("outlet fid " + std::to_string(f.fid) + " (" + P.id + "): kind '" + P.kind + "'");
            P.kind = "unknown";
        }
        P.county = b.value(f, "county");
        P.measured_raw = b.raw(f, "measured_class");
        const GEOSGeometry* g = f.geom.get();
        // (1) water zone polygons, (2) marine zone polygons, (3) reaches within the snap distance
        std::vector<size_t> zin, min_;
        for (size_t k : z_order)
            if (z_dim[k] == 2 && z_prep[k].covers(g)) zin.push_back(k);
        for (size_t k : m_order)
            if (m_prep[k].covers(g)) min_.push_back(k);
        if (!zin.empty()) {
            P.zone_kind = "water_zone";
            P.zone = static_cast<long long>(zin[0]);
        } else if (!min_.empty()) {
            P.zone_kind = "marine_zone";
            P.zone = static_cast<long long>(min_[0]);
        } else {
            double best = std::numeric_limits<double>::infinity();
            for (size_t k = 0; k < nz; ++k)
                if (z_dim[k] == 1) {
                    double d = z_prep[k].distance(g);
                    if (d <= R->snap_m && d < best) best = d, P.zone = static_cast<long long>(k);
                }
            if (P.zone >= 0) P.zone_kind = "water_reach", P.distance_m = best;
            else P.zone_kind = "unassigned";
        }
        for (size_t j = 1; j < zin.size(); ++j) P.also_in.push_back("water_zone " + z_code[zin[j]]);
        for (size_t j = P.zone_kind == "marine_zone" ? 1 : 0; j < min_.size(); ++j) P.also_in.push_back("marine_zone " + m_code[min_[j]]);
        for (size_t k : zin)  // protection-type: any covering water zone polygon (or the assigned reach)
            if (has(R->protection_level1, z_l1[k]) || has(R->protection_level2, z_l2[k])) P.in_protection_zone = true;
        if (P.zone_kind == "water_reach" && (has(R->protection_level1, z_l1[P.zone]) || has(R->protection_level2, z_l2[P.zone])))
            P.in_protection_zone = true;
        const bool sea = P.zone_kind == "marine_zone";
        if (P.zone_kind == "water_zone" || P.zone_kind == "water_reach") {
            P.zone_code = z_code[P.zone], P.zone_name = z_name[P.zone], P.level1 = z_l1[P.zone], P.level2 = z_l2[P.zone];
            P.target = z_target[P.zone];
            P.standard = "GB 3838-2002";
        } else if (sea) {
            P.zone_code = m_code[P.zone], P.zone_name = m_name[P.zone], P.target = m_target[P.zone];
            P.standard = "GB 3097-1997";
        } else {
            double best = std::numeric_limits<double>::infinity();
            for (size_t k = 0; k < nz; ++k) {
                double d = z_prep[k].distance(g);
                if (d < best) best = d, P.nearest_kind = "water_zone", P.nearest_code = z_code[k], P.nearest_name = z_name[k];
            }
            for (size_t k = 0; k < nm; ++k) {
                double d = m_prep[k].distance(g);
                if (d < best) best = d, P.nearest_kind = "marine_zone", P.nearest_code = m_code[k], P.nearest_name = m_name[k];
            }
            if (std::isfinite(best)) P.distance_m = best;
        }
        // measured class on the zone's scale (fresh water when unassigned)
        if (!catalog::trim(P.measured_raw).empty()) {
            auto c = parse_water_class(P.measured_raw, sea);
            if (c) P.measured = c->code;
            else {
                P.measured = "unknown";
                R->unknown_values.push_back("outlet fid " + std::to_string(f.fid) + " (" + P.id + "): measured_class '" + P.measured_raw +
                                            "' is not a " + (sea ? "GB 3097 sea class (1-4, 劣四类)" : "GB 3838 class (I-V, 劣V)"));
            }
        }
        if (P.zone_kind == "unassigned") P.compliance = "unassigned";
        else if (P.measured.empty()) P.compliance = "not_measured";
        else if (P.measured == "unknown") P.compliance = "unknown_class";
        else if (P.target.empty() || P.target == "unknown") P.compliance = "no_target";
        else {
            int mr = class_rank(P.measured), tr = class_rank(P.target);
            P.compliance = mr <= tr ? "compliant" : "exceeds";
        }
        // drinking water source zones: the strictest level covering the point
        for (size_t k = 0; k < sf.size(); ++k)
            if (s_prep[k].covers(g)) {
                bool kn = true;
                std::string lv = R->sources.binding.value(sf[k], "level", &kn);
                if (!kn) lv = "unknown";
                if (P.source_level.empty() || level_rank(lv) < level_rank(P.source_level)) {
                    P.source_level = lv.empty() ? "(none)" : lv;
                    P.source_code = text_or(R->sources.binding.code(sf[k]), "fid " + std::to_string(sf[k].fid));
                    P.source_name = R->sources.binding.value(sf[k], "name");
                }
            }
        if (P.kind == "outfall") {
            if (!P.source_level.empty() && (has(R->flag_source_levels, P.source_level) || P.source_level == "unknown" || P.source_level == "(none)")) {
                P.flags.push_back("water_source_" + (P.source_level == "(none)" ? std::string("unknown") : P.source_level));
                R->flags.push_back({i, P.flags.back(), "water_source", P.source_code, P.source_name,
                                    "outfall inside a drinking water source protection zone (level " + P.source_level + ")"});
            }
            if (P.in_protection_zone) {
                std::vector<size_t> cand = zin;
                if (P.zone_kind == "water_reach") cand.push_back(static_cast<size_t>(P.zone));
                for (size_t k : cand)
                    if (has(R->protection_level1, z_l1[k]) || has(R->protection_level2, z_l2[k])) {
                        P.flags.push_back("protection_zone");
                        R->flags.push_back({i, "protection_zone", "water_zone", z_code[k], z_name[k],
                                            "outfall in a protection-type water zone (level1 " + text_or(z_l1[k], "-") + ", level2 " +
                                                text_or(z_l2[k], "-") + ")"});
                        break;
                    }
            }
        }
        R->by_compliance[P.compliance]++;
        R->by_zone_kind[P.zone_kind]++;
    }
    progress.report(0.8, "points assigned");

    // ---- water zones overlapping redlines ----
    if (R->redlines.present) {
        const auto& rf = R->redlines.layer.features;
        geom::STRtree tree;
        for (size_t k = 0; k < rf.size(); ++k) tree.insert(rf[k].geom.get(), k);
        tree.build();
        for (size_t i = 0; i < nz; ++i) {
            const GEOSGeometry* zg = zf[i].geom.get();
            const double zarea = geom::area(zg);
            for (size_t k : tree.query(zg)) {
                if (!geom::intersects(zg, rf[k].geom.get())) continue;
                geom::Geom x = geom::intersection(zg, rf[k].geom.get());
                geom::Geom part = geom::extract_dim(x.get(), z_dim[i]);
                if (!part || geom::is_empty(part.get())) continue;
                ZoneRedline o;
                o.zone = i, o.redline = k;
                o.zone_code = z_code[i], o.zone_name = z_name[i];
                o.redline_code = text_or(R->redlines.binding.code(rf[k]), "fid " + std::to_string(rf[k].fid));
                o.redline_name = R->redlines.binding.value(rf[k], "name");
                if (z_dim[i] == 2) {
                    o.area_m2 = geom::area(part.get());
                    if (o.area_m2 <= 0) continue;
                    o.area_ell_m2 = R->ellipsoidal->area(part.get());
                    o.zone_share = zarea > 0 ? o.area_m2 / zarea : 0;
                } else {
                    o.length_m = geom::length(part.get());
                    if (o.length_m <= 0) continue;
                    o.length_ell_m = R->ellipsoidal->length(part.get());
                    const double zl = geom::length(zg);
                    o.zone_share = zl > 0 ? o.length_m / zl : 0;
                }
                o.geom = std::move(part);
                R->overlaps.push_back(std::move(o));
            }
        }
    }
    if (!R->unknown_values.empty())
        R->notes.push_back(std::to_string(R->unknown_values.size()) + " value(s) outside the enumerations (listed in report.json); never dropped");
    progress.report(1.0, "done");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
