// ecoshield distance: Euclidean distance to the nearest feature (exact distance transform).
#include <memory>
#include <sstream>

#include "cli.h"
#include "raster/raster_distance.h"

namespace {

void setup(CLI::App& app, const eco::cli::Globals& g) {
    const auto& spec = eco::raster::distance_spec();
    auto* sub = app.add_subcommand("distance", spec.help);
    struct State {
        eco::raster::DistanceOptions o;
        nlohmann::json given = nlohmann::json::object();
    };
    auto st = std::make_shared<State>();
    sub->add_option("layer", st->o.layer, "features to measure from (file or file:layer)")->required();
    sub->add_option("-o,--out", st->o.output, "output GeoTIFF (Float32, map units)")->required();
    sub->add_option("--like", st->o.like, "reference raster whose grid is used");
    eco::cli::add_params(*sub, spec, st->given);
    sub->callback([st, &g, &spec] {
        auto p = eco::resolve_params(spec, st->given);
        auto o = st->o;
        o.params = p;
        o.centre = p["centre"].get<bool>();
        if (!p["cell"].is_null()) o.cell = p["cell"].get<double>();
        if (!p["extent"].is_null()) o.extent = p["extent"].get<std::vector<double>>();
        if (!p["assume-crs"].is_null()) o.assume_crs = p["assume-crs"].get<std::string>();
        auto r = eco::raster::distance(o, eco::Progress(eco::cli::make_progress(g)));
        if (!r.note.empty()) std::fprintf(stderr, "%s\n", r.note.c_str());
        std::ostringstream m;
        m << "distance: " << r.feature_cells << " feature cells, largest distance " << r.max_distance << " -> " << o.output;
        eco::cli::say(g, m.str());
    });
}

ECOSHIELD_COMMAND(46, setup);

}  // namespace
