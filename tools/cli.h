// The `ecoshield` command: shared pieces for the subcommands. Each subcommand lives in its own
// tools/cmd_*.cpp and registers itself with ECOSHIELD_COMMAND; it parses arguments, calls one
// engine function, prints, and returns. Errors propagate to main(), which prints one line.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/params.h"
#include "core/progress.h"

namespace eco::cli {

struct Globals {
    bool quiet = false;
    int threads = 0;  // 0: all cores
};

// Adds a subcommand to `app`; `globals` is filled before any subcommand callback runs.
using Setup = std::function<void(CLI::App& app, const Globals& globals)>;
bool register_command(int order, Setup setup);
void setup_all(CLI::App& app, const Globals& globals);

// One option per declared parameter (help text with default, unit and range). Values given on
// the command line land in `given` as strings, ready for eco::resolve_params.
void add_params(CLI::App& sub, const OpSpec& spec, nlohmann::json& given);

// A progress bar on stderr when stdout is a terminal and not --quiet; otherwise silent. Either
// way it returns false (the run throws eco::Cancelled at its next progress check) once SIGINT or
// SIGTERM has arrived.
ProgressFn make_progress(const Globals& g);

// SIGINT/SIGTERM: the first one asks the run to stop at its next progress check (temporary files
// are removed as the run unwinds, the command exits 130); a second one removes the temporary
// files still registered (report::OutputDir) and exits 130 at once.
void install_signal_handlers();
bool interrupted();

// Prints a line to stdout unless quiet.
void say(const Globals& g, const std::string& line);

// The command group `name` of `app` (`redline` or `connectivity`; their help texts are in
// cli.cpp), created, requiring one subcommand, by the first tools/cmd_*.cpp that asks: a group's
// commands live in several files.
CLI::App* command_group(CLI::App& app, const std::string& name);

// A number for a console line: `prec` significant digits (printf %g).
std::string num(double v, int prec = 6);

}  // namespace eco::cli

#define ECOSHIELD_CONCAT2(a, b) a##b
#define ECOSHIELD_CONCAT(a, b) ECOSHIELD_CONCAT2(a, b)
#define ECOSHIELD_COMMAND(order, fn) \
    static const bool ECOSHIELD_CONCAT(ecoshield_registered_, __LINE__) = ::eco::cli::register_command(order, fn)
