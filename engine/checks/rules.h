// Screening rule sets (docs/formats.md §3): data, never code. A site's verdict is the most
// severe verdict among the rules that fire; "clear" when none fires.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace eco::checks {

struct Rule {
    std::string id;
    std::string layer;     // layer kind
    std::string relation;  // intersects | within | overlap_share_at_least | tiny_overlap
    double distance_m = 0; // for within
    double share = 0;      // for overlap_share_at_least (0..1)
    bool include_tiny = false;  // intersects: count overlaps below the tolerance too
    std::map<std::string, std::vector<std::string>> where;  // canonical field -> accepted codes
    std::string activity_in, unless_activity_in;            // names of activity lists
    std::string verdict, reason, reason_zh;
};

struct RuleSet {
    std::string file, name;
    std::map<std::string, std::vector<std::string>> activities;  // list name -> activity codes
    std::vector<Rule> rules;
};

// The verdicts, most severe first, with their Chinese names.
const std::vector<std::string>& verdicts();
std::string verdict_zh(const std::string& v);
// 3 prohibited, 2 restricted, 1 caution, 0 clear, -1 unknown.
int verdict_rank(const std::string& v);

// Loads and validates a rules file: unknown relation, verdict, layer kind, field or enum code
// (checked against the layer catalog) and undefined activity lists are BadInput naming the
// file and the rule id.
RuleSet load_rules(const std::string& path, const std::string& op);
std::string default_rules_path();

}  // namespace eco::checks
