// ecoshield zonal: statistics of a raster inside each polygon (exact cell coverage fractions).
#include <memory>
#include <sstream>

#include "cli.h"
#include "raster/raster_zonal.h"

namespace {

void setup(CLI::App& app, const eco::cli::Globals& g) {
    const auto& spec = eco::raster::zonal_spec();
    auto* sub = app.add_subcommand("zonal", spec.help);
    struct State {
        eco::raster::ZonalOptions o;
        nlohmann::json given = nlohmann::json::object();
    };
    auto st = std::make_shared<State>();
    sub->add_option("raster", st->o.raster, "raster to summarise")->required();
    sub->add_option("zones", st->o.zones, "polygon layer: file or file:layer")->required();
    sub->add_option("-o,--out", st->o.out_gpkg, "output GeoPackage: the polygons with the statistics as fields (styled)");
    sub->add_option("--csv", st->o.out_csv, "output CSV: one row per polygon");
    eco::cli::add_params(*sub, spec, st->given);
    sub->callback([st, &g, &spec] {
        auto p = eco::resolve_params(spec, st->given);
        auto o = st->o;
        o.params = p;
        o.categorical = p["categorical"].get<std::string>();
        if (!p["assume-crs"].is_null()) o.assume_crs = p["assume-crs"].get<std::string>();
        if (!p["grid"].is_null()) o.grid = p["grid"].get<std::string>();
        if (!p["resample"].is_null()) o.resample = p["resample"].get<std::string>();
        auto r = eco::raster::zonal(o, eco::Progress(eco::cli::make_progress(g)));
        if (!r.note.empty()) std::fprintf(stderr, "%s\n", r.note.c_str());
        std::ostringstream m;
        m << "zonal: " << r.zones << " polygons" << (r.categorical ? " (categorical)" : "");
        if (!o.out_gpkg.empty()) m << " -> " << o.out_gpkg;
        if (!o.out_csv.empty()) m << (o.out_gpkg.empty() ? " -> " : ", ") << o.out_csv;
        eco::cli::say(g, m.str());
    });
}

ECOSHIELD_COMMAND(43, setup);

}  // namespace
