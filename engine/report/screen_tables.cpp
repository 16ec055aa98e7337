// report.json and report.csv of `screen`.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <limits>
#include <sstream>

#include <tbb/parallel_for.h>

#include "core/units.h"
#include "report/layer_record.h"
#include "report/report_util.h"
#include "report/screen_report.h"

namespace eco::report {

using nlohmann::json;

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) {
        if (c == '"') o += '"';
        o += c;
    }
    return o + "\"";
}

std::string num(double v, int decimals) {
    if (decimals < 0) {  // shortest text that reads back to the same double
        if (!std::isfinite(v)) return "";
        char b[64];
        for (int p = 15; p <= 17; ++p) {
            std::snprintf(b, sizeof b, "%.*g", p, v);
            if (std::strtod(b, nullptr) == v) break;
        }
        return b;
    }
    if (!std::isfinite(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    std::string s = b;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

namespace {

// A double for JSON: rounded to 1e-6 (mm / mm2 precision is plenty) so files stay stable;
// null for infinity (no feature at all).

const char* family(int dim) { return dim == 2 ? "polygon" : dim == 1 ? "line" : "point"; }

struct KindTotals {
    int hits = 0, crossings = 0, points = 0;
    double overlap = 0, overlap_ell = 0, share = 0, length = 0;
};

KindTotals totals(const vector::LayerFigures& F) {
    KindTotals t;
    for (const auto& h : F.hits) {
        t.hits++;
        t.overlap += h.overlap_m2;
        t.overlap_ell += h.overlap_ell_m2;
        t.share += h.site_share;
        t.length += h.length_m;
        t.crossings += h.crossings;
        t.points += h.points_inside;
    }
    return t;
}

}  // namespace

json screen_json_head(const checks::ScreenResult& r, const std::string& created) {
    json j;
    j["schema"] = "ecoshield.screen/1";
    j["software"] = {{"name", "ecoshield"}, {"version", ECOSHIELD_VERSION}};
    j["created"] = created;
    j["project"] = {{"name", r.project.name}, {"file", r.project.file}};
    j["parameters"] = r.params;
    j["work_crs"] = {{"epsg", r.work_epsg}, {"name", r.work_crs_label}};
    j["area_convention"] =
        "*_m2 areas are planar in the working CRS; *_ell_m2 areas are ellipsoidal (the drawn figure's area on the working CRS's ellipsoid); "
        "ha and mu values derive from the planar m2; totals and shares use planar areas";
    json inputs = json::array();
    auto layer_input = [&](const std::string& role, const io::VectorLayer& L) { inputs.push_back(layer_input_json(L, role, r.inputs)); };
    layer_input("sites", r.sites);
    for (const auto& L : r.layers) layer_input(L.kind, L.layer);
    for (const auto& f : r.inputs)
        if (f.path == r.rules.file)
            inputs.push_back({{"role", "rules"}, {"path", f.path}, {"file", {{"size", f.size}, {"sha256", f.sha256}}}});
    j["inputs"] = inputs;
    json rules = json::array();
    for (const auto& x : r.rules.rules)
        rules.push_back({{"id", x.id}, {"layer", x.layer}, {"relation", x.relation}, {"verdict", x.verdict}, {"reason", x.reason},
                         {"reason_zh", x.reason_zh}});
    j["rules"] = {{"file", r.rules.file}, {"name", r.rules.name}, {"rules", rules}};
    j["notes"] = r.notes;

    json repairs = json::array();
    // each row names the feature by its code (the layer's key field; for sites the site id)
    for (size_t k = 0; k < r.sites.issues.size(); ++k) {
        const auto& i = r.sites.issues[k];
        const std::string id = k < r.site_issues.size() ? r.site_issues[k].code : std::string();
        repairs.push_back({{"layer", "sites"}, {"fid", i.fid}, {"code", id}, {"site_id", id}, {"action", i.action}, {"reason", i.reason}});
    }
    for (const auto& L : r.layers)
        for (size_t k = 0; k < L.layer.issues.size(); ++k) {
            const auto& i = L.layer.issues[k];
            repairs.push_back({{"layer", L.kind}, {"fid", i.fid}, {"code", k < L.issue_codes.size() ? L.issue_codes[k] : std::string()},
                               {"action", i.action}, {"reason", i.reason}});
        }
    j["repairs"] = repairs;

    json verdict_counts = json::object();
    for (const auto& v : checks::verdicts()) verdict_counts[v] = 0;
    int tiny = 0;
    for (const auto& s : r.results) {
        verdict_counts[s.verdict] = verdict_counts[s.verdict].get<int>() + 1;
        tiny += s.tiny_overlaps;
    }
    int repaired = 0, rejected = 0;
    for (const auto& x : repairs) (x["action"] == "repaired" ? repaired : rejected)++;
    j["summary"] = {{"sites", r.results.size()}, {"sites_rejected", r.sites.n_read - static_cast<long long>(r.sites.features.size())},
                    {"verdicts", verdict_counts}, {"tiny_overlaps", tiny}, {"features_repaired", repaired},
                    {"features_rejected", rejected}};
    return j;
}

json site_json(const checks::ScreenResult& r, const checks::SiteResult& s) {
    json js;
    js["site_id"] = s.site_id;
    js["name"] = s.name;
    js["activity"] = s.activity;
    js["src_fid"] = r.sites.features[s.index].fid;
    js["geometry"] = family(s.dim);
    js["area_m2"] = jnum(s.area_m2);
    js["area_ell_m2"] = jnum(s.area_ell_m2);
    js["area_ha"] = jnum(units::m2_to_ha(s.area_m2));
    js["area_mu"] = jnum(units::m2_to_mu(s.area_m2));
    js["length_m"] = jnum(s.length_m);
    js["length_ell_m"] = jnum(s.length_ell_m);
    js["verdict"] = s.verdict;
    js["verdict_zh"] = checks::verdict_zh(s.verdict);
    js["n_hits"] = s.n_hits;
    js["tiny_overlaps"] = s.tiny_overlaps;
    json fired = json::array();
    for (const auto& f : s.fired) {
        int li = r.layer_index(f.kind);
        json codes = json::array();
        for (size_t i : f.features) codes.push_back(r.layers[li].code(i));
        fired.push_back({{"id", f.rule_id}, {"verdict", f.verdict}, {"reason", f.reason}, {"reason_zh", f.reason_zh},
                         {"layer", f.kind}, {"features", codes}, {"detail", f.detail}});
    }
    js["rules_fired"] = fired;
    json layers = json::object();
    json units_hit = json::array();
    for (size_t li = 0; li < r.layers.size(); ++li) {
        const auto& L = r.layers[li];
        const auto& F = s.per_layer[li];
        json hits = json::array();
        for (const auto& h : F.hits) {
            json jh{{"code", L.code(h.feature)}, {"name", L.name(h.feature)}, {"type", L.type(h.feature)},
                    {"fid", L.layer.features[h.feature].fid}, {"tiny", h.tiny}};
            if (s.dim == 2 && L.index->dim(h.feature) == 2) {
                jh["overlap_m2"] = jnum(h.overlap_m2);
                jh["overlap_ell_m2"] = jnum(h.overlap_ell_m2);
                jh["overlap_ha"] = jnum(units::m2_to_ha(h.overlap_m2));
                jh["overlap_mu"] = jnum(units::m2_to_mu(h.overlap_m2));
                jh["site_share"] = jnum(h.site_share, 9);
                jh["patch_share"] = jnum(h.patch_share, 9);
            }
            if (h.length_m > 0 || s.dim == 1) {
                jh["length_m"] = jnum(h.length_m);
                jh["length_ell_m"] = jnum(h.length_ell_m);
            }
            if (s.dim == 1) {
                jh["crossings"] = h.crossings;
                jh["site_share"] = jnum(h.site_share, 9);
            }
            if (h.points_inside) jh["points_inside"] = h.points_inside;
            hits.push_back(jh);
            if (L.kind == "control_unit") {
                const auto& f = L.layer.features[h.feature];
                units_hit.push_back({{"code", L.code(h.feature)}, {"name", L.name(h.feature)},
                                     {"class", L.binding.value(f, "class")},
                                     {"spatial_layout", L.binding.value(f, "spatial_layout")},
                                     {"emissions", L.binding.value(f, "emissions")},
                                     {"risk", L.binding.value(f, "risk")},
                                     {"resources", L.binding.value(f, "resources")}});
            }
        }
        KindTotals t = totals(F);
        json jl{{"hits", hits}, {"n_hits", t.hits}};
        if (s.dim == 2) {
            jl["overlap_m2"] = jnum(t.overlap);
            jl["overlap_ell_m2"] = jnum(t.overlap_ell);
            jl["site_share"] = jnum(t.share, 9);
        }
        if (s.dim == 1) {
            jl["length_inside_m"] = jnum(t.length);
            jl["crossings"] = t.crossings;
        }
        if (F.nearest >= 0)
            jl["nearest"] = {{"code", L.code(static_cast<size_t>(F.nearest))}, {"name", L.name(static_cast<size_t>(F.nearest))},
                             {"distance_m", jnum(F.dmin)}};
        else
            jl["nearest"] = nullptr;
        json rings = json::array();
        for (size_t k = 0; k < r.buffers.size(); ++k)
            rings.push_back({{"distance_m", r.buffers[k]}, {"count", F.within_count[k]}, {"area_m2", jnum(F.within_area_m2[k])}});
        jl["within"] = rings;
        // the features near the site that it does not touch, nearest first
        std::vector<std::pair<double, size_t>> near;
        for (const auto& [i, d] : F.near) near.emplace_back(d, i);
        std::sort(near.begin(), near.end());
        json jn = json::array();
        for (const auto& [d, i] : near) jn.push_back({{"code", L.code(i)}, {"distance_m", jnum(d)}});
        jl["near"] = jn;
        layers[L.kind] = jl;
    }
    js["layers"] = layers;
    js["control_units"] = units_hit;
    return js;
}

namespace {

// Appends JSON text exactly as nlohmann::json::dump() writes it (compact, keys in std::map order,
// floats by the same Grisu2 shortest form, strings with the same escapes), without building a
// json object: the per-site lines of report.json are most of its cost otherwise (an object tree
// of small allocations per site, built, printed and freed). site_json_text(r, s) must equal
// site_json(r, s).dump(): tests/vector_site_screen_test.cpp checks it on every demo site.
struct JsonOut {
    std::string& o;
    void raw(const char* s) { o += s; }
    void key(const char* k) {  // k is plain ASCII: no escaping needed
        o += '"';
        o += k;
        o += "\":";
    }
    void str(const std::string& s) {
        for (unsigned char c : s)
            if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                o += json(s).dump();  // escapes, and UTF-8 checked, as nlohmann does
                return;
            }
        o += '"';
        o += s;
        o += '"';
    }
    void integer(long long v) {
        char b[32];
        auto res = std::to_chars(b, b + sizeof b, v);
        o.append(b, res.ptr);
    }
    void boolean(bool v) { o += v ? "true" : "false"; }
    void real(double v) {  // nlohmann's dump_float
        if (!std::isfinite(v)) {
            o += "null";
            return;
        }
        char b[64];
        char* end = nlohmann::detail::to_chars(b, b + sizeof b, v);
        o.append(b, end);
    }
    // jnum(v, decimals): rounded, null when not finite
    void rounded(double v, int decimals = 6) {
        if (!std::isfinite(v)) {
            o += "null";
            return;
        }
        double p = std::pow(10.0, decimals);
        real(std::round(v * p) / p);
    }
};

}  // namespace

void site_json_text(const checks::ScreenResult& r, const checks::SiteResult& s, std::string& out) {
    JsonOut j{out};
    // keys in the order std::map sorts them (byte order), as site_json's object prints them
    j.raw("{");
    j.key("activity"), j.str(s.activity), j.raw(",");
    j.key("area_ell_m2"), j.rounded(s.area_ell_m2), j.raw(",");
    j.key("area_ha"), j.rounded(units::m2_to_ha(s.area_m2)), j.raw(",");
    j.key("area_m2"), j.rounded(s.area_m2), j.raw(",");
    j.key("area_mu"), j.rounded(units::m2_to_mu(s.area_m2)), j.raw(",");
    // control units hit (in layer order, as site_json collects them)
    j.key("control_units"), j.raw("[");
    bool first_unit = true;
    for (size_t li = 0; li < r.layers.size(); ++li) {
        const auto& L = r.layers[li];
        if (L.kind != "control_unit") continue;
        for (const auto& h : s.per_layer[li].hits) {
            const auto& f = L.layer.features[h.feature];
            j.raw(first_unit ? "{" : ",{");
            first_unit = false;
            j.key("class"), j.str(L.binding.value(f, "class")), j.raw(",");
            j.key("code"), j.str(L.code(h.feature)), j.raw(",");
            j.key("emissions"), j.str(L.binding.value(f, "emissions")), j.raw(",");
            j.key("name"), j.str(L.name(h.feature)), j.raw(",");
            j.key("resources"), j.str(L.binding.value(f, "resources")), j.raw(",");
            j.key("risk"), j.str(L.binding.value(f, "risk")), j.raw(",");
            j.key("spatial_layout"), j.str(L.binding.value(f, "spatial_layout")), j.raw("}");
        }
    }
    j.raw("],");
    j.key("geometry"), j.str(family(s.dim)), j.raw(",");
    // layers, by kind in byte order (the object's order)
    j.key("layers"), j.raw("{");
    std::vector<size_t> order(r.layers.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return r.layers[a].kind < r.layers[b].kind; });
    thread_local std::vector<std::pair<double, size_t>> near;
    for (size_t oi = 0; oi < order.size(); ++oi) {
        // a kind repeated would be one key in site_json's object (the last layer wins)
        if (oi + 1 < order.size() && r.layers[order[oi + 1]].kind == r.layers[order[oi]].kind) continue;
        const size_t li = order[oi];
        const auto& L = r.layers[li];
        const auto& F = s.per_layer[li];
        KindTotals t = totals(F);
        if (oi) j.raw(",");
        j.str(L.kind), j.raw(":{");
        if (s.dim == 1) j.key("crossings"), j.integer(t.crossings), j.raw(",");
        j.key("hits"), j.raw("[");
        for (size_t k = 0; k < F.hits.size(); ++k) {
            const auto& h = F.hits[k];
            const bool area = s.dim == 2 && L.index->dim(h.feature) == 2;
            const bool length = h.length_m > 0 || s.dim == 1;
            j.raw(k ? ",{" : "{");
            j.key("code"), j.str(L.code(h.feature)), j.raw(",");
            if (s.dim == 1) j.key("crossings"), j.integer(h.crossings), j.raw(",");
            j.key("fid"), j.integer(L.layer.features[h.feature].fid), j.raw(",");
            if (length) {
                j.key("length_ell_m"), j.rounded(h.length_ell_m), j.raw(",");
                j.key("length_m"), j.rounded(h.length_m), j.raw(",");
            }
            j.key("name"), j.str(L.name(h.feature)), j.raw(",");
            if (area) {
                j.key("overlap_ell_m2"), j.rounded(h.overlap_ell_m2), j.raw(",");
                j.key("overlap_ha"), j.rounded(units::m2_to_ha(h.overlap_m2)), j.raw(",");
                j.key("overlap_m2"), j.rounded(h.overlap_m2), j.raw(",");
                j.key("overlap_mu"), j.rounded(units::m2_to_mu(h.overlap_m2)), j.raw(",");
                j.key("patch_share"), j.rounded(h.patch_share, 9), j.raw(",");
            }
            if (h.points_inside) j.key("points_inside"), j.integer(h.points_inside), j.raw(",");
            if (area || s.dim == 1) j.key("site_share"), j.rounded(h.site_share, 9), j.raw(",");
            j.key("tiny"), j.boolean(h.tiny), j.raw(",");
            j.key("type"), j.str(L.type(h.feature)), j.raw("}");
        }
        j.raw("],");
        if (s.dim == 1) j.key("length_inside_m"), j.rounded(t.length), j.raw(",");
        j.key("n_hits"), j.integer(t.hits), j.raw(",");
        near.clear();
        for (const auto& [i, d] : F.near) near.emplace_back(d, i);
        std::sort(near.begin(), near.end());
        j.key("near"), j.raw("[");
        for (size_t k = 0; k < near.size(); ++k) {
            j.raw(k ? ",{" : "{");
            j.key("code"), j.str(L.code(near[k].second)), j.raw(",");
            j.key("distance_m"), j.rounded(near[k].first), j.raw("}");
        }
        j.raw("],");
        j.key("nearest");
        if (F.nearest >= 0) {
            const size_t i = static_cast<size_t>(F.nearest);
            j.raw("{"), j.key("code"), j.str(L.code(i)), j.raw(",");
            j.key("distance_m"), j.rounded(F.dmin), j.raw(",");
            j.key("name"), j.str(L.name(i)), j.raw("}");
        } else {
            j.raw("null");
        }
        j.raw(",");
        if (s.dim == 2) {
            j.key("overlap_ell_m2"), j.rounded(t.overlap_ell), j.raw(",");
            j.key("overlap_m2"), j.rounded(t.overlap), j.raw(",");
            j.key("site_share"), j.rounded(t.share, 9), j.raw(",");
        }
        j.key("within"), j.raw("[");
        for (size_t k = 0; k < r.buffers.size(); ++k) {
            j.raw(k ? ",{" : "{");
            j.key("area_m2"), j.rounded(F.within_area_m2[k]), j.raw(",");
            j.key("count"), j.integer(F.within_count[k]), j.raw(",");
            j.key("distance_m"), j.real(r.buffers[k]), j.raw("}");
        }
        j.raw("]}");
    }
    j.raw("},");
    j.key("length_ell_m"), j.rounded(s.length_ell_m), j.raw(",");
    j.key("length_m"), j.rounded(s.length_m), j.raw(",");
    j.key("n_hits"), j.integer(s.n_hits), j.raw(",");
    j.key("name"), j.str(s.name), j.raw(",");
    j.key("rules_fired"), j.raw("[");
    for (size_t k = 0; k < s.fired.size(); ++k) {
        const auto& f = s.fired[k];
        const int li = r.layer_index(f.kind);
        j.raw(k ? ",{" : "{");
        j.key("detail"), j.str(f.detail), j.raw(",");
        j.key("features"), j.raw("[");
        for (size_t m = 0; m < f.features.size(); ++m) {
            if (m) j.raw(",");
            j.str(r.layers[li].code(f.features[m]));
        }
        j.raw("],");
        j.key("id"), j.str(f.rule_id), j.raw(",");
        j.key("layer"), j.str(f.kind), j.raw(",");
        j.key("reason"), j.str(f.reason), j.raw(",");
        j.key("reason_zh"), j.str(f.reason_zh), j.raw(",");
        j.key("verdict"), j.str(f.verdict), j.raw("}");
    }
    j.raw("],");
    j.key("site_id"), j.str(s.site_id), j.raw(",");
    j.key("src_fid"), j.integer(r.sites.features[s.index].fid), j.raw(",");
    j.key("tiny_overlaps"), j.integer(s.tiny_overlaps), j.raw(",");
    j.key("verdict"), j.str(s.verdict), j.raw(",");
    j.key("verdict_zh"), j.str(checks::verdict_zh(s.verdict)), j.raw("}");
}

void write_screen_json(std::ostream& o, const checks::ScreenResult& r, const json& head) {
    // streamed: the head's keys one per line, then one line per site, so memory stays flat. The
    // site lines of a chunk are built in parallel (site_json only reads the result) and written
    // in site order: the bytes do not depend on the thread count.
    o << "{\n";
    for (auto it = head.begin(); it != head.end(); ++it) o << json(it.key()).dump() << ": " << it.value().dump() << ",\n";
    o << "\"sites\": [";
    const size_t n = r.results.size(), chunk = 4096;
    std::vector<std::string> lines(std::min(n, chunk));
    for (size_t c0 = 0; c0 < n; c0 += chunk) {
        const size_t c1 = std::min(n, c0 + chunk);
        tbb::parallel_for(tbb::blocked_range<size_t>(c0, c1, 64), [&](const tbb::blocked_range<size_t>& range) {
            for (size_t i = range.begin(); i != range.end(); ++i) {
                lines[i - c0].clear();
                site_json_text(r, r.results[i], lines[i - c0]);
            }
        });
        for (size_t i = c0; i < c1; ++i) o << (i ? ",\n" : "\n") << lines[i - c0];
    }
    o << "\n]}\n";
}

std::string screen_csv(const checks::ScreenResult& r) {
    std::ostringstream o;
    o << "\xEF\xBB\xBF";  // BOM: Excel reads the Chinese text as UTF-8
    o << "site_id,name,activity,geometry,verdict,rules_fired,rejected_reason,area_m2,area_ell_m2,length_m,n_hits,tiny_overlaps";
    const int red = r.layer_index("redline");
    if (red >= 0)
        o << ",redline_hits,redline_overlap_m2,redline_overlap_ellipsoidal_m2,redline_share,redline_length_inside_m,"
             "redline_crossings,redline_dmin_m,redline_nearest_code";
    for (double b : r.buffers) {
        if (red >= 0) o << ",redline_n_" << num(b, 3) << ",redline_area_" << num(b, 3) << "_m2";
    }
    o << ",control_units";
    for (size_t li = 0; li < r.layers.size(); ++li) {
        if (static_cast<int>(li) == red) continue;
        const auto& k = r.layers[li].kind;
        o << "," << k << "_hits," << k << "_overlap_m2," << k << "_dmin_m";
    }
    o << "\n";
    // every site read is a row: the sites rejected at read time (no geometry, nothing left after
    // repair ...) appear where they were read (FID order), verdict "rejected" with the reason
    size_t columns = 0;
    {
        std::string h = o.str();
        columns = static_cast<size_t>(std::count(h.begin(), h.end(), ',')) + 1;
    }
    std::vector<size_t> rejected;
    for (size_t k = 0; k < r.sites.issues.size(); ++k)
        if (r.sites.issues[k].action != "repaired") rejected.push_back(k);
    size_t next_rejected = 0;
    auto rejected_rows_before = [&](long long fid) {
        for (; next_rejected < rejected.size() && r.sites.issues[rejected[next_rejected]].fid < fid; ++next_rejected) {
            const size_t k = rejected[next_rejected];
            const auto& issue = r.sites.issues[k];
            const checks::IssueFacts facts = k < r.site_issues.size() ? r.site_issues[k] : checks::IssueFacts{};
            o << csv_field(facts.code.empty() ? std::to_string(issue.fid) : facts.code) << "," << csv_field(facts.name) << ","
              << csv_field(facts.activity) << ",,rejected,," << csv_field(issue.reason);
            for (size_t c = 7; c < columns; ++c) o << ",";
            o << "\n";
        }
    };
    for (const auto& s : r.results) {
        rejected_rows_before(r.sites.features[s.index].fid);
        std::string fired;
        for (const auto& f : s.fired) fired += (fired.empty() ? "" : ";") + f.rule_id;
        o << csv_field(s.site_id) << "," << csv_field(s.name) << "," << csv_field(s.activity) << "," << family(s.dim) << ","
          << s.verdict << "," << csv_field(fired) << ",," << num(s.area_m2, -1) << "," << num(s.area_ell_m2, -1) << "," << num(s.length_m, -1)
          << "," << s.n_hits << "," << s.tiny_overlaps;
        if (red >= 0) {
            const auto& F = s.per_layer[red];
            KindTotals t = totals(F);
            o << "," << t.hits << "," << num(t.overlap, -1) << "," << num(t.overlap_ell, -1) << "," << num(t.share, -1) << ","
              << num(t.length, -1) << "," << t.crossings << "," << num(F.dmin, -1) << ","
              << csv_field(F.nearest >= 0 ? r.layers[red].code(static_cast<size_t>(F.nearest)) : "");
            for (size_t k = 0; k < r.buffers.size(); ++k) o << "," << F.within_count[k] << "," << num(F.within_area_m2[k], -1);
        }
        std::string units;
        int cu = r.layer_index("control_unit");
        if (cu >= 0)
            for (const auto& h : s.per_layer[cu].hits) units += (units.empty() ? "" : ";") + r.layers[cu].code(h.feature);
        o << "," << csv_field(units);
        for (size_t li = 0; li < r.layers.size(); ++li) {
            if (static_cast<int>(li) == red) continue;
            KindTotals t = totals(s.per_layer[li]);
            o << "," << t.hits << "," << num(t.overlap, -1) << "," << num(s.per_layer[li].dmin, -1);
        }
        o << "\n";
    }
    rejected_rows_before(std::numeric_limits<long long>::max());
    return o.str();
}

}  // namespace eco::report
