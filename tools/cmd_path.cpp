// ecoshield path: least-cost paths from targets back to the sources of a `cost` run.
#include <memory>
#include <sstream>

#include "cli.h"
#include "raster/raster_path.h"

namespace {

void setup(CLI::App& app, const eco::cli::Globals& g) {
    const auto& spec = eco::raster::path_spec();
    auto* sub = app.add_subcommand("path", spec.help);
    struct State {
        eco::raster::PathOptions o;
        nlohmann::json given = nlohmann::json::object();
    };
    auto st = std::make_shared<State>();
    sub->add_option("backlink", st->o.backlink, "back-link raster written by `ecoshield cost --backlink`")->required();
    sub->add_option("targets", st->o.targets, "target features (file or file:layer)")->required();
    sub->add_option("-o,--out", st->o.output, "output GeoPackage of path lines (styled)")->required();
    sub->add_option("--cost", st->o.cost, "accumulated cost raster of the same run (adds each path's cost)");
    sub->add_option("--allocation", st->o.allocation, "allocation raster of the same run (adds the source id)");
    eco::cli::add_params(*sub, spec, st->given);
    sub->callback([st, &g, &spec] {
        auto p = eco::resolve_params(spec, st->given);
        auto o = st->o;
        o.params = p;
        if (!p["assume-crs"].is_null()) o.assume_crs = p["assume-crs"].get<std::string>();
        auto r = eco::raster::trace_paths(o, eco::Progress(eco::cli::make_progress(g)));
        if (!r.note.empty()) std::fprintf(stderr, "%s\n", r.note.c_str());
        std::ostringstream m;
        m << "path: " << r.paths << " paths";
        if (r.unreachable) m << ", " << r.unreachable << " targets unreachable";
        m << " -> " << o.output;
        eco::cli::say(g, m.str());
    });
}

ECOSHIELD_COMMAND(45, setup);

}  // namespace
