#include "core/params.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/error.h"

namespace eco {

const ParamSpec* OpSpec::find(const std::string& n) const {
    for (const auto& p : params)
        if (p.name == n) return &p;
    return nullptr;
}

namespace {

double to_number(const std::string& op, const ParamSpec& p, const nlohmann::json& v) {
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) {
        const std::string s = v.get<std::string>();
        char* end = nullptr;
        errno = 0;
        double d = std::strtod(s.c_str(), &end);
        if (end != s.c_str() && *end == '\0' && errno == 0 && std::isfinite(d)) return d;
    }
    throw BadInput(op + ": --" + p.name + " must be a number, got '" + (v.is_string() ? v.get<std::string>() : v.dump()) + "'");
}

void check_range(const std::string& op, const ParamSpec& p, double d) {
    auto unit = p.unit.empty() ? std::string() : " " + p.unit;
    if (p.min && d < *p.min) {
        std::ostringstream m;
        m << op << ": --" << p.name << " must be at least " << *p.min << unit << ", got " << d;
        throw BadInput(m.str());
    }
    if (p.max && d > *p.max) {
        std::ostringstream m;
        m << op << ": --" << p.name << " must be at most " << *p.max << unit << ", got " << d;
        throw BadInput(m.str());
    }
}

}  // namespace

std::vector<double> parse_number_list(const std::string& op, const std::string& name, const std::string& text) {
    std::vector<double> out;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        char* end = nullptr;
        errno = 0;
        double d = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || errno != 0 || !std::isfinite(d))
            throw BadInput(op + ": --" + name + " must be a comma-separated list of numbers, got '" + text + "'");
        out.push_back(d);
    }
    return out;
}

nlohmann::json resolve_params(const OpSpec& spec, const nlohmann::json& given) {
    nlohmann::json out = nlohmann::json::object();
    if (!given.is_null()) {
        for (auto it = given.begin(); it != given.end(); ++it)
            if (!spec.find(it.key()))
                throw BadInput(spec.name + ": unknown parameter '" + it.key() + "'");
    }
    for (const auto& p : spec.params) {
        nlohmann::json v = (given.is_object() && given.contains(p.name)) ? given.at(p.name) : p.default_value;
        if (v.is_null()) {
            out[p.name] = nullptr;
            continue;
        }
        switch (p.type) {
        case ParamSpec::Type::Number: {
            double d = to_number(spec.name, p, v);
            check_range(spec.name, p, d);
            out[p.name] = d;
            break;
        }
        case ParamSpec::Type::Integer: {
            double d = to_number(spec.name, p, v);
            if (d != std::floor(d)) throw BadInput(spec.name + ": --" + p.name + " must be a whole number");
            check_range(spec.name, p, d);
            out[p.name] = static_cast<long long>(d);
            break;
        }
        case ParamSpec::Type::Bool: {
            if (v.is_boolean()) out[p.name] = v.get<bool>();
            else if (v.is_string() && (v == "true" || v == "1" || v == "yes")) out[p.name] = true;
            else if (v.is_string() && (v == "false" || v == "0" || v == "no")) out[p.name] = false;
            else throw BadInput(spec.name + ": --" + p.name + " must be true or false");
            break;
        }
        case ParamSpec::Type::NumberList: {
            std::vector<double> list;
            if (v.is_string()) list = parse_number_list(spec.name, p.name, v.get<std::string>());
            else if (v.is_array())
                for (const auto& e : v) list.push_back(to_number(spec.name, p, e));
            else throw BadInput(spec.name + ": --" + p.name + " must be a list of numbers");
            for (double d : list) check_range(spec.name, p, d);
            out[p.name] = list;
            break;
        }
        case ParamSpec::Type::String:
            if (!v.is_string()) throw BadInput(spec.name + ": --" + p.name + " must be text");
            out[p.name] = v;
            break;
        }
    }
    return out;
}

}  // namespace eco
