#include "cli.h"

#include <unistd.h>

#include <csignal>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <sstream>

#include "report/out_dir.h"

namespace eco::cli {

namespace {
volatile std::sig_atomic_t g_signals = 0;

extern "C" void on_signal(int) {
    const std::sig_atomic_t seen = g_signals;
    g_signals = seen + 1;
    if (seen > 0) {
        report::remove_temp_files_now();  // async-signal-safe: unlink() of registered paths only
        _exit(130);
    }
}
}  // namespace

void install_signal_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

bool interrupted() { return g_signals > 0; }

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
    // tests: ECOSHIELD_TEST_SIGNAL_AT=<message prefix> raises SIGINT once when a progress message
    // starting with it is reported (a deterministic Ctrl-C at a chosen step)
    std::string signal_at;
    if (const char* e = std::getenv("ECOSHIELD_TEST_SIGNAL_AT")) signal_at = e;
    auto raised = std::make_shared<bool>(false);
    auto check = [signal_at, raised](std::string_view msg) {
        if (!signal_at.empty() && !*raised && msg.substr(0, signal_at.size()) == signal_at) {
            *raised = true;
            std::raise(SIGINT);
        }
        return !interrupted();
    };
    if (g.quiet || !isatty(STDOUT_FILENO)) return [check](double, std::string_view msg) { return check(msg); };
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    auto last_pct = std::make_shared<int>(-1);
    return [last, last_pct, check](double f, std::string_view msg) {
        if (!check(msg)) return false;
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

CLI::App* command_group(CLI::App& app, const std::string& name) {
    static const std::map<std::string, std::string> groups = {
        {"redline", "Ecological protection redline checks (audit, diff)"},
        {"connectivity", "habitat connectivity: graph metrics (IIC, PC, dPC), and the raster pipeline steps"},
    };
    for (CLI::App* s : app.get_subcommands([](CLI::App*) { return true; }))
        if (s->get_name() == name) return s;
    auto* grp = app.add_subcommand(name, groups.at(name));
    grp->require_subcommand(1);
    return grp;
}

std::string num(double v, int prec) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*g", prec, v);
    return b;
}

}  // namespace eco::cli
