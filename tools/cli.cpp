#include "cli.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>

namespace eco::cli {

namespace {
std::multimap<int, Setup>& registry() {
    static std::multimap<int, Setup> r;
    return r;
}
}  // namespace

bool register_command(int order, Setup setup) {
    registry().emplace(order, std::move(setup));
    return true;
}

void setup_all(CLI::App& app, const Globals& g) {
    for (auto& [order, s] : registry()) s(app, g);
}

void add_params(CLI::App& sub, const OpSpec& spec, nlohmann::json& given) {
    for (const auto& p : spec.params) {
        std::ostringstream help;
        help << p.help;
        if (!p.unit.empty()) help << " [" << p.unit << "]";
        if (!p.default_value.is_null()) {
            std::string d = p.default_value.is_string() ? p.default_value.get<std::string>() : p.default_value.dump();
            if (p.default_value.is_array()) {
                d.clear();
                for (size_t i = 0; i < p.default_value.size(); ++i) d += (i ? "," : "") + p.default_value[i].dump();
            }
            help << " (default " << d << ")";
        }
        if (p.min || p.max) {
            help << " (range " << (p.min ? std::to_string(*p.min) : std::string("-inf")) << ".."
                 << (p.max ? std::to_string(*p.max) : std::string("inf")) << ")";
        }
        const std::string name = p.name;
        if (p.type == ParamSpec::Type::Bool) {
            sub.add_flag_callback("--" + name, [&given, name] { given[name] = true; }, help.str());
        } else {
            sub.add_option_function<std::string>(
                "--" + name, [&given, name](const std::string& v) { given[name] = v; }, help.str());
        }
    }
}

ProgressFn make_progress(const Globals& g) {
    if (g.quiet || !isatty(STDOUT_FILENO)) return {};
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    auto last_pct = std::make_shared<int>(-1);
    return [last, last_pct](double f, std::string_view msg) {
        auto now = std::chrono::steady_clock::now();
        int pct = static_cast<int>(f * 100.0 + 0.5);
        if (pct == *last_pct && now - *last < std::chrono::milliseconds(200)) return true;
        if (now - *last < std::chrono::milliseconds(100) && pct < 100) return true;
        *last = now;
        *last_pct = pct;
        const int width = 30;
        int filled = static_cast<int>(f * width);
        std::string bar(filled, '#');
        bar.resize(width, '.');
        std::string m(msg.substr(0, 40));
        std::fprintf(stderr, "\r[%s] %3d%% %-40s", bar.c_str(), pct, m.c_str());
        if (pct >= 100) std::fprintf(stderr, "\r%*s\r", width + 50, "");
        std::fflush(stderr);
        return true;
    };
}

void say(const Globals& g, const std::string& line) {
    if (!g.quiet) std::printf("%s\n", line.c_str());
}

}  // namespace eco::cli
