#include "checks/coast.h"

#include <chrono>
#include <cstdio>

#include "core/error.h"
#include "core/units.h"
#include "io/crs.h"
#include "io/work_crs.h"

namespace eco::checks {

const OpSpec& coast_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "coast",
        "Shoreline statistics and the natural shoreline retention ratio per county against a target",
        {
            {"target", T::Number, 0.35, 0.0, 1.0, "",
             "natural shoreline retention target: (natural + restored) / total mainland shoreline length"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
        }};
    return spec;
}

std::string CoastResult::verdict(const CoastFigures& f) const {
    if (f.total <= 0) return "n/a";
    return f.ratio() >= target ? "pass" : "fail";
}

namespace {
const std::string op = "coast";
using units::fmt;
}  // namespace

std::unique_ptr<CoastResult> run_coast(const io::LayerSource& src, const nlohmann::json& given, const Progress& progress) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<CoastResult>();
    R->params = resolve_params(coast_spec(), given.is_null() ? nlohmann::json::object() : given);
    R->target = R->params["target"].get<double>();
    {
        io::WorkCrs w = io::choose_work_crs(R->params["work-crs"].get<std::string>(), {{src, "coastline"}}, op);
        R->work_crs = std::move(w.srs);
        R->work_crs_label = w.label;
        R->work_epsg = w.epsg;
        if (!w.note.empty()) R->notes.push_back(w.note);
    }
    R->ellipsoidal = std::make_unique<vector::Ellipsoidal>(*R->work_crs);
    io::ReadOptions ro;
    ro.op = op;
    ro.work_crs = R->work_crs.get();
    R->layer = io::read_vector(src, "coastline", ro, progress.sub(0.0, 0.5));
    R->inputs.push_back(io::file_facts(R->layer.source.path));
    if (R->layer.crs_assumed) R->notes.push_back("the coastline layer has no CRS; assumed " + R->layer.crs_label);
    for (const auto& f : R->layer.features)
        if (geom::dimension(f.geom.get()) != 1)
            throw BadInput(op + ": the coastline layer '" + R->layer.display() + "' has a " +
                           (geom::dimension(f.geom.get()) == 2 ? "polygon" : "point") + " feature (fid " + std::to_string(f.fid) +
                           "); a shoreline layer holds lines: convert the polygons to their boundary lines first and keep the shoreline part");
    const auto& spec = catalog::kind("coastline", op);
    catalog::Binding b(spec, R->layer);
    if (b.index("type1") < 0)
        throw BadInput(op + ": the coastline layer '" + R->layer.display() + "' has no type1 field (or AXLX, YJLX); the shoreline type is required");
    const bool has_mainland = b.index("mainland") >= 0;
    if (!has_mainland) R->notes.push_back("the coastline layer has no mainland field: every segment counts as mainland shoreline");
    const bool has_county = b.index("county") >= 0;
    const size_t n = R->layer.features.size();
    R->segments.resize(n);
    long long no_flag = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto& f = R->layer.features[i];
        CoastSegment& s = R->segments[i];
        s.code = b.code(f);
        if (s.code.empty()) s.code = "fid " + std::to_string(f.fid);
        bool known = true;
        s.type1 = b.value(f, "type1", &known);
        if (s.type1.empty()) s.type1 = "(none)";
        else if (!known) {
            R->unknown_values.push_back("fid " + std::to_string(f.fid) + ": type1 '" + s.type1 + "'");
            s.type1 = "unknown";
        }
        known = true;
        s.type2 = b.value(f, "type2", &known);
        if (s.type2.empty()) s.type2 = "(none)";
        else if (!known) {
            R->unknown_values.push_back("fid " + std::to_string(f.fid) + ": type2 '" + s.type2 + "'");
            s.type2 = "unknown";
        }
        s.restored = b.flag(f, "restored").value_or(false);
        auto ml = has_mainland ? b.flag(f, "mainland") : std::optional<bool>(true);
        if (!ml) ++no_flag;
        s.mainland = ml.value_or(true);
        s.county = has_county ? b.value(f, "county") : "";
        if (s.county.empty()) s.county = "(none)";
        s.counts_natural = s.type1 == "natural" || s.restored;
        s.length = geom::length(f.geom.get());
        s.length_ell = R->ellipsoidal->length(f.geom.get());
        for (CoastFigures* F : {&R->by_county[s.county], &R->overall}) {
            F->segments++;
            if (s.mainland) {
                F->total += s.length;
                F->total_ell += s.length_ell;
                if (s.counts_natural) F->natural += s.length, F->natural_ell += s.length_ell;
                if (s.restored) F->restored += s.length;
                F->by_type1[s.type1] += s.length;
                F->by_type2[s.type2] += s.length;
            } else {
                F->island_total += s.length;
                F->island_total_ell += s.length_ell;
                if (s.counts_natural) F->island_natural += s.length, F->island_natural_ell += s.length_ell;
                F->island_by_type1[s.type1] += s.length;
                F->island_by_type2[s.type2] += s.length;
            }
        }
    }
    if (no_flag) R->notes.push_back(std::to_string(no_flag) + " segment(s) without a mainland value counted as mainland");
    if (!R->unknown_values.empty())
        R->notes.push_back(std::to_string(R->unknown_values.size()) + " shoreline type value(s) outside the enumeration counted as unknown (listed in report.json)");
    progress.report(1.0, "measured");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
