// ecoshield rasterize: a vector layer onto a grid (cell centres, all touched, exact coverage).
#include <memory>
#include <sstream>

#include "cli.h"
#include "raster/raster_rasterize.h"

namespace {

void setup(CLI::App& app, const eco::cli::Globals& g) {
    const auto& spec = eco::raster::rasterize_spec();
    auto* sub = app.add_subcommand("rasterize", spec.help);
    struct State {
        eco::raster::RasterizeOptions o;
        nlohmann::json given = nlohmann::json::object();
    };
    auto st = std::make_shared<State>();
    sub->add_option("layer", st->o.layer, "vector layer: file or file:layer")->required();
    sub->add_option("-o,--out", st->o.output, "output GeoTIFF")->required();
    sub->add_option("--like", st->o.like, "reference raster whose grid (extent, cell size, CRS) is used");
    eco::cli::add_params(*sub, spec, st->given);
    sub->callback([st, &g, &spec] {
        auto p = eco::resolve_params(spec, st->given);
        auto o = st->o;
        o.params = p;
        o.mode = p["mode"].get<std::string>();
        if (!p["burn"].is_null()) o.burn = p["burn"].get<double>();
        if (!p["attribute"].is_null()) o.attribute = p["attribute"].get<std::string>();
        o.nodata = p["nodata"].get<double>();
        o.type = p["type"].get<std::string>();
        if (!p["cell"].is_null()) o.cell = p["cell"].get<double>();
        if (!p["extent"].is_null()) o.extent = p["extent"].get<std::vector<double>>();
        if (!p["crs"].is_null()) o.crs = p["crs"].get<std::string>();
        if (!p["assume-crs"].is_null()) o.assume_crs = p["assume-crs"].get<std::string>();
        o.overviews = p["overviews"].get<bool>();
        auto r = eco::raster::rasterize(o, eco::Progress(eco::cli::make_progress(g)));
        if (!r.note.empty()) std::fprintf(stderr, "%s\n", r.note.c_str());
        std::ostringstream m;
        m << "rasterize (" << o.mode << "): " << r.features << " features on " << r.grid.width << " x " << r.grid.height
          << " cells";
        if (r.skipped) m << ", " << r.skipped << " skipped";
        m << " -> " << o.output;
        eco::cli::say(g, m.str());
    });
}

ECOSHIELD_COMMAND(41, setup);

}  // namespace
