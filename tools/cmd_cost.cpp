// ecoshield cost: accumulated cost distance, allocation and back-links from sources.
#include <memory>
#include <sstream>

#include "cli.h"
#include "raster/raster_cost.h"

namespace {

void setup(CLI::App& app, const eco::cli::Globals& g) {
    const auto& spec = eco::raster::cost_spec();
    auto* sub = app.add_subcommand("cost", spec.help);
    struct State {
        eco::raster::CostOptions o;
        nlohmann::json given = nlohmann::json::object();
    };
    auto st = std::make_shared<State>();
    sub->add_option("resistance", st->o.resistance, "resistance raster (every value > 0; nodata = impassable)")->required();
    sub->add_option("sources", st->o.sources, "source features: points, lines or polygons (file or file:layer)")->required();
    sub->add_option("-o,--out", st->o.out_cost, "accumulated cost GeoTIFF (Float64)");
    sub->add_option("--allocation", st->o.out_alloc, "allocation GeoTIFF: id of the nearest source (Int32)");
    sub->add_option("--backlink", st->o.out_backlink, "back-link GeoTIFF: direction to the next cell towards the source (for `path`)");
    eco::cli::add_params(*sub, spec, st->given);
    sub->callback([st, &g, &spec] {
        auto p = eco::resolve_params(spec, st->given);
        auto o = st->o;
        o.params = p;
        o.knight = p["knight"].get<bool>();
        const std::string u = p["units"].get<std::string>();
        if (u != "map" && u != "cells") throw eco::BadInput("cost: --units must be map or cells, got '" + u + "'");
        o.cell_units = u == "cells";
        if (!p["id-field"].is_null()) o.id_field = p["id-field"].get<std::string>();
        if (!p["assume-crs"].is_null()) o.assume_crs = p["assume-crs"].get<std::string>();
        auto r = eco::raster::cost(o, eco::Progress(eco::cli::make_progress(g)));
        if (!r.note.empty()) std::fprintf(stderr, "%s\n", r.note.c_str());
        std::ostringstream m;
        m << "cost: " << r.sources << " sources (" << r.source_cells << " cells), " << r.reached << " cells reached, "
          << r.impassable << " impassable or cut off, largest cost " << r.max_cost;
        eco::cli::say(g, m.str());
    });
}

ECOSHIELD_COMMAND(44, setup);

}  // namespace
