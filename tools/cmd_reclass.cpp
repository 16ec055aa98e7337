// ecoshield reclass: a categorical raster through a table (e.g. land cover -> resistance).
#include <memory>
#include <sstream>

#include "cli.h"
#include "raster/raster_reclass.h"

namespace {

void setup(CLI::App& app, const eco::cli::Globals& g) {
    const auto& spec = eco::raster::reclass_spec();
    auto* sub = app.add_subcommand("reclass", spec.help);
    struct State {
        eco::raster::ReclassOptions o;
        nlohmann::json given = nlohmann::json::object();
    };
    auto st = std::make_shared<State>();
    sub->add_option("input", st->o.input, "categorical raster (GeoTIFF or any GDAL raster)")->required();
    sub->add_option("-t,--table", st->o.table,
                    "CSV class,name,resistance|value, or the name of a table in layers/resistance/ "
                    "(nlcd, gorillas_vegetation, clm_landuse, china_landuse_3diao)")
        ->required();
    sub->add_option("-o,--out", st->o.output, "output GeoTIFF")->required();
    eco::cli::add_params(*sub, spec, st->given);
    sub->callback([st, &g, &spec] {
        auto p = eco::resolve_params(spec, st->given);
        auto o = st->o;
        o.params = p;
        if (!p["assume-crs"].is_null()) o.assume_crs = p["assume-crs"].get<std::string>();
        o.overviews = p["overviews"].get<bool>();
        auto r = eco::raster::reclass(o, eco::Progress(eco::cli::make_progress(g)));
        std::ostringstream m;
        long long cells = 0;
        for (auto& [k, n] : r.class_cells) cells += n;
        m << "reclass: " << r.class_cells.size() << " classes, " << cells << " cells reclassified, " << r.nodata_cells
          << " nodata cells -> " << r.output;
        eco::cli::say(g, m.str());
    });
}

ECOSHIELD_COMMAND(42, setup);

}  // namespace
