#include "checks/rules.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "core/error.h"
#include "core/paths.h"

namespace eco::checks {

const std::vector<std::string>& verdicts() {
    static const std::vector<std::string> v{"prohibited", "restricted", "caution", "clear"};
    return v;
}

std::string verdict_zh(const std::string& v) {
    if (v == "prohibited") return "禁止";
    if (v == "restricted") return "限制";
    if (v == "caution") return "注意";
    if (v == "clear") return "通过";
    return v;
}

int verdict_rank(const std::string& v) {
    if (v == "prohibited") return 3;
    if (v == "restricted") return 2;
    if (v == "caution") return 1;
    if (v == "clear") return 0;
    return -1;
}

std::string default_rules_path() { return data_path("layers/rules/screening.json"); }

RuleSet load_rules(const std::string& path, const std::string& op) {
    std::ifstream in(path);
    if (!in) throw BadInput(op + ": rules file '" + path + "' cannot be opened; check the path");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw BadInput(op + ": rules file '" + path + "' is not valid JSON (" + e.what() + ")");
    }
    const std::string where_file = "rules file '" + path + "'";
    if (!j.is_object() || !j.contains("rules") || !j["rules"].is_array())
        throw BadInput(op + ": " + where_file + " needs a \"rules\" array (see docs/formats.md §3)");
    RuleSet rs;
    rs.file = path;
    rs.name = j.value("name", std::string("rules"));
    try {
        if (j.contains("activities")) {
            for (auto it = j["activities"].begin(); it != j["activities"].end(); ++it) {
                const auto& v = it.value();
                rs.activities[it.key()] = v.is_array() ? v.get<std::vector<std::string>>() : v.at("values").get<std::vector<std::string>>();
            }
        }
        const auto kinds = catalog::kinds();
        std::vector<std::string> ids;
        for (const auto& r : j["rules"]) {
            Rule x;
            x.id = r.value("id", std::string());
            const std::string who = op + ": " + where_file + ", rule '" + (x.id.empty() ? "?" : x.id) + "'";
            if (x.id.empty()) throw BadInput(op + ": " + where_file + ": every rule needs an \"id\"");
            if (std::find(ids.begin(), ids.end(), x.id) != ids.end()) throw BadInput(who + ": the id is used twice");
            ids.push_back(x.id);
            x.layer = r.value("layer", std::string());
            if (std::find(kinds.begin(), kinds.end(), x.layer) == kinds.end())
                throw BadInput(who + ": unknown layer kind '" + x.layer + "'");
            x.relation = r.value("relation", std::string());
            static const std::vector<std::string> rels{"intersects", "within", "overlap_share_at_least", "tiny_overlap"};
            if (std::find(rels.begin(), rels.end(), x.relation) == rels.end())
                throw BadInput(who + ": unknown relation '" + x.relation + "'; use intersects, within, overlap_share_at_least or tiny_overlap");
            x.distance_m = r.value("distance_m", 0.0);
            if (x.relation == "within" && !(x.distance_m > 0))
                throw BadInput(who + ": relation 'within' needs \"distance_m\" > 0");
            x.share = r.value("share", 0.0);
            if (x.relation == "overlap_share_at_least" && !(x.share > 0 && x.share <= 1))
                throw BadInput(who + ": relation 'overlap_share_at_least' needs \"share\" in (0, 1]");
            x.include_tiny = r.value("include_tiny", false);
            x.verdict = r.value("verdict", std::string());
            if (verdict_rank(x.verdict) < 1)
                throw BadInput(who + ": verdict must be prohibited, restricted or caution, got '" + x.verdict + "'");
            x.reason = r.value("reason", x.id);
            x.reason_zh = r.value("reason_zh", std::string());
            x.activity_in = r.value("activity_in", std::string());
            x.unless_activity_in = r.value("unless_activity_in", std::string());
            for (const auto* list : {&x.activity_in, &x.unless_activity_in})
                if (!list->empty() && !rs.activities.count(*list))
                    throw BadInput(who + ": activity list '" + *list + "' is not defined under \"activities\"");
            const auto& spec = catalog::kind(x.layer, op);
            if (r.contains("where")) {
                for (auto it = r["where"].begin(); it != r["where"].end(); ++it) {
                    const catalog::FieldSpec* f = spec.field(it.key());
                    if (!f) throw BadInput(who + ": layer kind '" + x.layer + "' has no field '" + it.key() + "'");
                    std::vector<std::string> vals = it.value().is_array() ? it.value().get<std::vector<std::string>>()
                                                                          : std::vector<std::string>{it.value().get<std::string>()};
                    std::vector<std::string> codes;
                    for (const auto& v : vals) {
                        if (f->type == "enum" || f->type == "bool") {
                            auto c = f->normalise(v);
                            if (!c) throw BadInput(who + ": '" + v + "' is not a value of " + x.layer + "." + it.key());
                            codes.push_back(*c);
                        } else {
                            codes.push_back(v);
                        }
                    }
                    x.where[it.key()] = codes;
                }
            }
            rs.rules.push_back(std::move(x));
        }
    } catch (const nlohmann::json::exception& e) {
        throw BadInput(op + ": " + where_file + " has a value of the wrong type (" + e.what() + ")");
    }
    return rs;
}

}  // namespace eco::checks
