// Operation parameters, declared once. The CLI options, the validation and the JSON a run
// records all come from the same declaration (DESIGN.md rule 3).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace eco {

struct ParamSpec {
    enum class Type { Number, Integer, String, Bool, NumberList };
    std::string name;                // option name without dashes, e.g. "buffers"
    Type type = Type::String;
    nlohmann::json default_value;    // null: no default (optional)
    std::optional<double> min, max;  // range for numbers and every element of a list
    std::string unit;                // "m", "m2", "" ...
    std::string help;
};

struct OpSpec {
    std::string name;  // "screen"
    std::string help;
    std::vector<ParamSpec> params;
    const ParamSpec* find(const std::string& name) const;
};

// Checks `given` (name -> value; values may be JSON strings as typed on a command line) against
// the declaration, fills defaults and returns the complete parameter set. Throws BadInput
// "<op>: --<name> ..." on a wrong type, a value out of range or an unknown name.
nlohmann::json resolve_params(const OpSpec& spec, const nlohmann::json& given);

// "100,500,1000" -> [100,500,1000]; throws BadInput naming the option.
std::vector<double> parse_number_list(const std::string& op, const std::string& name, const std::string& text);

}  // namespace eco
