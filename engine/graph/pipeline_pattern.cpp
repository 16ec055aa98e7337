// Parameters, the run and the report sections of the pattern steps (see pipeline_pattern.h); the files
// are written in pipeline_pattern_write.cpp.
#include "graph/pipeline_pattern.h"
#include "graph/rss_trace.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/error.h"
#include "report/report_util.h"

namespace eco::graph {

const std::vector<ParamSpec>& pattern_params() {
    using T = ParamSpec::Type;
    static const std::vector<ParamSpec> p{
        {"no-corridors", T::Bool, false, {}, {}, "", "skip corridors, pinch points and barriers"},
        {"no-pinch", T::Bool, false, {}, {}, "", "skip the pinch points (circuit theory in each corridor)"},
        {"no-barriers", T::Bool, false, {}, {}, "", "skip the barrier analysis"},
        {"corridor-width", T::Number, 1000.0, 0.0, {}, "cost units",
         "corridor cut: cells with cwd_u + cwd_v - LCD <= this are in the link's corridor (cost units = resistance x m)"},
        {"corridor-max-lcd", T::Number, nullptr, 0.0, {}, "cost units", "only links with a least-cost distance up to this get a corridor"},
        {"corridor-memory-mb", T::Number, 4096.0, 1.0, {}, "MB",
         "memory budget of the corridors' cost fields (8 bytes per cell within each patch's reach)"},
        {"circuit-neighbours", T::Integer, 8, 4.0, 8.0, "", "pinch points: 8 (Circuitscape default) or 4 neighbours"},
        {"circuit-average", T::String, "conductance", {}, {}, "",
         "pinch points: branch between two cells by average conductance (Circuitscape default) or resistance"},
        {"current-mosaic", T::String, "max", {}, {}, "", "current raster over corridors: max (Pinchpoint Mapper) or sum"},
        {"barrier-radii", T::NumberList, nlohmann::json::array({1, 2, 4}), 1.0, 1000.0, "cells",
         "restoration window radii in cells, comma separated"},
        {"restored-resistance", T::Number, nullptr, 0.0, {}, "",
         "resistance of a restored cell (default: the lowest resistance of the surface)"},
        {"barrier-top", T::Integer, 10, 0.0, {}, "", "number of top barrier windows written as polygons"},
    };
    return p;
}

OpSpec with_pattern_params(OpSpec spec) {
    for (const auto& p : pattern_params()) spec.params.push_back(p);
    return spec;
}

PatternOptions pattern_options(const nlohmann::json& p, bool knight, const std::string& op) {
    PatternOptions o;
    auto flag = [&](const char* k) { return p.contains(k) && p.at(k).is_boolean() && p.at(k).get<bool>(); };
    o.corridors = !flag("no-corridors");
    // `connectivity run` (the spec with the no-* flags) keeps its other outputs when the corridors are over budget
    o.skip_on_budget = p.contains("no-corridors");
    o.pinch = o.corridors && !flag("no-pinch");
    o.barriers = o.corridors && !flag("no-barriers");
    o.corridor.width = p.at("corridor-width").get<double>();
    if (!p.at("corridor-max-lcd").is_null()) o.corridor.max_lcd = p.at("corridor-max-lcd").get<double>();
    o.corridor.knight = knight;
    o.corridor.memory_mb = p.at("corridor-memory-mb").get<double>();
    o.pinch_opt.circuit.neighbours = p.at("circuit-neighbours").get<int>();
    if (o.pinch_opt.circuit.neighbours != 4 && o.pinch_opt.circuit.neighbours != 8)
        throw BadInput(op + ": --circuit-neighbours must be 4 or 8");
    const std::string avg = p.at("circuit-average").get<std::string>();
    if (avg != "conductance" && avg != "resistance")
        throw BadInput(op + ": --circuit-average must be conductance or resistance, got '" + avg + "'");
    o.pinch_opt.circuit.average_resistance = avg == "resistance";
    o.pinch_opt.mosaic = p.at("current-mosaic").get<std::string>();
    if (o.pinch_opt.mosaic != "max" && o.pinch_opt.mosaic != "sum")
        throw BadInput(op + ": --current-mosaic must be max or sum, got '" + o.pinch_opt.mosaic + "'");
    o.barrier.radii.clear();
    for (const auto& v : p.at("barrier-radii")) {
        const double d = v.get<double>();
        if (d != std::floor(d)) throw BadInput(op + ": --barrier-radii are whole numbers of cells, got " + v.dump());
        o.barrier.radii.push_back(static_cast<int>(d));
    }
    if (o.barrier.radii.empty()) throw BadInput(op + ": --barrier-radii needs at least one radius (cells)");
    if (!p.at("restored-resistance").is_null()) {
        o.barrier.restored_resistance = p.at("restored-resistance").get<double>();
        if (!(o.barrier.restored_resistance > 0)) throw BadInput(op + ": --restored-resistance must be > 0");
        o.restored_from_min = false;
    }
    o.barrier.top = p.at("barrier-top").get<int>();
    return o;
}

PatternResult run_pattern(const Patches& p, const Resistance& res, const LinksResult& links, const PatternOptions& opt,
                          const std::string& op, const Progress& progress) {
    PatternResult r;
    if (!opt.corridors) return r;
    // The barriers are scored batch by batch while the corridors' cost fields are held, so that each patch's
    // field is freed after its last link (least_cost_corridors, barriers.h: same results).
    std::optional<BarrierAccumulator> bar;
    if (opt.barriers) {
        BarrierOptions b = opt.barrier;
        if (opt.restored_from_min) b.restored_resistance = res.min > 0 ? res.min : 1.0;
        r.restored_resistance = b.restored_resistance;
        const auto ncor = static_cast<std::size_t>(std::count_if(
            links.links.begin(), links.links.end(), [&](const PatchLink& L) { return gets_corridor(L, opt.corridor); }));
        bar.emplace(p, ncor, b, op);
    }
    try {
        CorridorBatchFn fn;
        if (bar) fn = [&](const std::vector<Corridor>& cs, const std::vector<std::size_t>& ks, const std::vector<CostField>& fields) {
            bar->add(cs, ks, fields);
        };
        // nothing after this step needs the cost fields
        r.corridors = least_cost_corridors(p, res, links, opt.corridor, op, progress.sub(0, 0.5), fn, false);
    } catch (const BadInput& e) {
        if (!opt.skip_on_budget) throw;
        r.note = e.what();  // connectivity run keeps its patches and links; the report says why
        r.restored_resistance = 0;
        return r;
    }
    r.ran = true;
    rss_trace("corridors");
    if (bar) r.barriers = bar->finish(r.corridors.corridors, progress.sub(0.5, 0.6));
    bar.reset();
    rss_trace("barriers");
    if (opt.pinch) r.pinch = pinch_points(p, res, r.corridors, opt.pinch_opt, op, progress.sub(0.6, 1.0));
    rss_trace("pinch points");
    return r;
}

nlohmann::json pattern_json(const Patches& p, const PatternResult& r) {
    using nlohmann::json;
    using report::jnum;
    json j = json::object();
    if (!r.ran) {
        j["corridors"] = r.note.empty() ? "not computed (--no-corridors)" : "not computed: " + r.note;
        return j;
    }
    const auto& cs = r.corridors.corridors;
    json cl = json::array();
    for (std::size_t k = 0; k < cs.size(); ++k) {
        const Corridor& c = cs[k];
        json e = {{"link_id", c.link + 1},       {"from", c.u + 1},          {"to", c.v + 1},
                  {"lcd", jnum(c.lcd)},          {"lcd_check", jnum(c.lcd_check)}, {"length_m", jnum(c.length)},
                  {"cwd_ratio", jnum(c.ratio, 9)}, {"cells", c.cells},       {"area_m2", jnum(c.area_m2)}};
        if (!r.pinch.link.empty()) {
            e["r_eff"] = jnum(r.pinch.link[k].r_eff, 9);
            e["max_current"] = jnum(r.pinch.link[k].max_current, 9);
            if (!r.pinch.link[k].note.empty()) e["pinch_note"] = r.pinch.link[k].note;
        }
        if (!r.barriers.best.empty()) {
            e["best_barrier_score"] = jnum(r.barriers.best[k], 9);
            e["best_barrier_improvement"] = jnum(r.barriers.best_improvement[k]);
        }
        cl.push_back(std::move(e));
    }
    j["corridors"] = {{"width", r.corridors.width},
                      {"count", cs.size()},
                      {"skipped_links", r.corridors.skipped},
                      {"convention",
                       "N = cwd_u + cwd_v - LCD (Linkage Mapper's normalized least-cost corridor); corridor = cells with "
                       "N <= width, the two end patches left out; cwd_ratio = LCD / least-cost path length"},
                      {"list", cl}};
    if (!r.pinch.link.empty() || cs.empty()) {
        j["pinch_points"] = {
            {"solved", cs.size() - r.pinch.failed},
            {"failed", r.pinch.failed},
            {"convention",
             "circuit on the corridor's cells plus the end patches' cells inside the cut; 1 A injected at patch u, "
             "patch v grounded; cell resistances as nodes (Circuitscape); r_eff in resistance units; current.tif = "
             "per-cell node current mosaicked over corridors"}};
    }
    if (!r.barriers.best.empty() || (cs.empty() && r.restored_resistance > 0)) {
        json top = json::array();
        const int W = p.grid.width;
        for (std::size_t i = 0; i < r.barriers.top.size(); ++i) {
            const BarrierWindow& w = r.barriers.top[i];
            const Corridor& c = cs[w.corridor];
            const int row = static_cast<int>(w.cell / W), col = static_cast<int>(w.cell % W);
            top.push_back({{"rank", i + 1},
                           {"link_id", c.link + 1},
                           {"from", c.u + 1},
                           {"to", c.v + 1},
                           {"row", row},
                           {"col", col},
                           {"centre_x", jnum(p.grid.col_x(col + 0.5))},
                           {"centre_y", jnum(p.grid.row_y(row + 0.5))},
                           {"radius_cells", w.radius},
                           {"radius_m", jnum(w.radius * p.grid.cw)},
                           {"score", jnum(w.score, 9)},
                           {"improvement", jnum(w.improvement)},
                           {"lcd", jnum(w.lcd)},
                           {"lcd_restored", jnum(w.lcd_restored)},
                           {"pct_improvement", jnum(w.lcd > 0 ? 100.0 * w.improvement / w.lcd : 0.0)}});
        }
        j["barriers"] = {{"restored_resistance", r.restored_resistance},
                         {"convention",
                          "score = (LCD - (min cwd_u + min cwd_v over the window + 2 R s r_restored)) / (2 R s), "
                          "s = cell width; max over links and radii; 0 where nothing is restorable"},
                         {"top", top}};
    }
    return j;
}

}  // namespace eco::graph
