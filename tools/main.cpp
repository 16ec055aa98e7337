// ecoshield: spatial analysis for ecological protection. One subcommand per tools/cmd_*.cpp.
#include <unistd.h>

#include <cstdio>
#include <exception>

#include <tbb/global_control.h>

#include "cli.h"
#include "core/error.h"

int main(int argc, char** argv) {
    CLI::App app{"ecoshield " ECOSHIELD_VERSION ": spatial analysis for ecological protection (redline screening, "
                 "plan indicators, raster and connectivity analysis)"};
    app.require_subcommand(1);
    app.fallthrough();  // --quiet and --threads may also follow the subcommand
    app.set_version_flag("--version", std::string("ecoshield ") + ECOSHIELD_VERSION);
    eco::cli::install_signal_handlers();
    eco::cli::Globals globals;
    app.add_flag("-q,--quiet", globals.quiet, "no progress bar and no summary on stdout");
    app.add_option("--threads", globals.threads, "worker threads (default: all cores); results do not depend on it")
        ->check(CLI::Range(0, 1024));
    eco::cli::setup_all(app, globals);

    std::unique_ptr<tbb::global_control> limit;
    app.parse_complete_callback([&] {
        if (globals.threads > 0)
            limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                          static_cast<size_t>(globals.threads));
    });
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    } catch (const eco::Cancelled& e) {
        // Ctrl-C or SIGTERM: the temporary files are gone (removed as the run unwound); files
        // written by earlier runs are untouched
        std::fprintf(stderr, "%secoshield: interrupted; no output of this run was kept\n", isatty(STDERR_FILENO) ? "\n" : "");
        return e.exit_code();
    } catch (const eco::Error& e) {
        // a progress bar may be on the terminal's last line: start a fresh one
        std::fprintf(stderr, "%secoshield: %s\n", isatty(STDERR_FILENO) ? "\n" : "", e.what());
        return e.exit_code();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%secoshield: internal error: %s (please report this with the command line)\n",
                     isatty(STDERR_FILENO) ? "\n" : "", e.what());
        return 1;
    }
    return 0;
}
