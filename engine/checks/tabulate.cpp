#include "checks/tabulate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/error.h"
#include "core/units.h"
#include "core/paths.h"
#include "io/crs.h"
#include "io/facts_task.h"

namespace eco::checks {

const OpSpec& tabulate_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "tabulate",
        "Area cross-table of two categorical polygon layers (planar and ellipsoidal), totals reconciled to each layer's own",
        {
            {"by-a", T::String, nullptr, std::nullopt, std::nullopt, "",
             "category field of layer A (canonical name when --kind-a is given; default: the demo's function_type)"},
            {"by-b", T::String, nullptr, std::nullopt, std::nullopt, "",
             "category field of layer B (canonical name when --kind-b is given; default: the demo's name)"},
            {"kind-a", T::String, nullptr, std::nullopt, std::nullopt, "",
             "catalog kind of layer A (redline, admin, ...): field names and values become canonical"},
            {"kind-b", T::String, nullptr, std::nullopt, std::nullopt, "", "catalog kind of layer B"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
        }};
    return spec;
}

TabulateInput demo_tabulate_input() {
    TabulateInput in;
    const std::string gpkg = data_path("layers/demo/taizhou_demo.gpkg");
    in.a = io::parse_source(gpkg + ":redline");
    in.b = io::parse_source(gpkg + ":admin");
    in.kind_a = "redline";
    in.kind_b = "admin";
    return in;
}

namespace {

const std::string op = "tabulate";

using units::fmt;

// Binds the category field and fills the category of every feature.
void categorise(TabulateLayer& L, const std::string& option) {
    std::string fields;
    for (const auto& f : L.layer.fields) fields += (fields.empty() ? "" : ", ") + f.name;
    L.category.resize(L.layer.features.size());
    if (!L.kind.empty()) {
        const auto& spec = catalog::kind(L.kind, op);
        catalog::Binding bind(spec, L.layer);
        if (!spec.field(L.field)) {
            std::string canon;
            for (const auto& f : spec.fields) canon += (canon.empty() ? "" : ", ") + f.name;
            throw BadInput(op + ": --" + option + " '" + L.field + "' is not a field of kind " + L.kind + "; its fields are: " + canon);
        }
        int idx = bind.index(L.field);
        if (idx < 0) {
            std::string aliases;
            for (const auto& a : spec.field(L.field)->aliases) aliases += (aliases.empty() ? "" : ", ") + a;
            throw BadInput(op + ": layer " + L.role + " '" + L.layer.display() + "' has no field " + L.field +
                           (aliases.empty() ? "" : " (or " + aliases + ")") + "; its fields are: " + fields);
        }
        L.field_used = L.layer.fields[idx].name;
        for (size_t i = 0; i < L.layer.features.size(); ++i) L.category[i] = bind.value(L.layer.features[i], L.field);
    } else {
        int idx = L.layer.field(L.field);
        if (idx < 0)
            throw BadInput(op + ": layer " + L.role + " '" + L.layer.display() + "' has no field '" + L.field + "'; its fields are: " + fields);
        L.field_used = L.layer.fields[idx].name;
        for (size_t i = 0; i < L.layer.features.size(); ++i) {
            const auto& v = L.layer.features[i].values[idx];
            L.category[i] = io::value_is_null(v) ? std::string() : catalog::trim(io::value_text(v));
        }
    }
    for (auto& c : L.category)
        if (c.empty()) c = kNoValue;
}

void check_polygons(const TabulateLayer& L) {
    for (const auto& f : L.layer.features)
        if (geom::dimension(f.geom.get()) != 2)
            throw BadInput(op + ": layer " + L.role + " '" + L.layer.display() + "' has a non-polygon feature (fid " + std::to_string(f.fid) +
                           "); tabulate needs two polygon layers");
}

}  // namespace

std::unique_ptr<TabulateResult> run_tabulate(const TabulateInput& in, const nlohmann::json& given, const Progress& progress) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<TabulateResult>();
    R->params = resolve_params(tabulate_spec(), given.is_null() ? nlohmann::json::object() : given);
    auto pstr = [&](const char* k) { return R->params[k].is_null() ? std::string() : R->params[k].get<std::string>(); };
    R->A.role = "A";
    R->B.role = "B";
    R->A.kind = pstr("kind-a").empty() ? in.kind_a : pstr("kind-a");
    R->B.kind = pstr("kind-b").empty() ? in.kind_b : pstr("kind-b");
    R->A.field = pstr("by-a");
    R->B.field = pstr("by-b");
    if (R->A.field.empty()) {
        if (R->A.kind == "redline") R->A.field = "function_type";
        else throw BadInput(op + ": pass --by-a FIELD, the category field of layer A");
    }
    if (R->B.field.empty()) {
        if (R->B.kind == "admin") R->B.field = "name";
        else throw BadInput(op + ": pass --by-b FIELD, the category field of layer B");
    }
    if (!R->A.kind.empty()) (void)catalog::kind(R->A.kind, op);
    if (!R->B.kind.empty()) (void)catalog::kind(R->B.kind, op);
    R->params["by-a"] = R->A.field;
    R->params["by-b"] = R->B.field;
    R->params["kind-a"] = R->A.kind.empty() ? nlohmann::json() : nlohmann::json(R->A.kind);
    R->params["kind-b"] = R->B.kind.empty() ? nlohmann::json() : nlohmann::json(R->B.kind);

    progress.report(0.0, "opening layers");
    choose_frame(*R, pstr("work-crs"), {{in.a, "A"}, {in.b, "B"}}, op);

    io::ReadOptions ro;
    ro.op = op;
    ro.work_crs = R->work_crs.get();
    R->A.layer = io::read_vector(in.a, "A", ro, progress.sub(0.0, 0.1));
    R->B.layer = io::read_vector(in.b, "B", ro, progress.sub(0.1, 0.2));
    for (TabulateLayer* L : {&R->A, &R->B}) {
        check_polygons(*L);
        categorise(*L, L->role == "A" ? "by-a" : "by-b");
        if (L->layer.crs_assumed) R->notes.push_back("layer " + L->role + " has no CRS; assumed " + L->layer.crs_label);
        if (L->layer.crs_label != R->work_crs_label)
            R->notes.push_back("layer " + L->role + " reprojected from " + L->layer.crs_label + " to the working CRS");
    }
    io::FactsTask facts({R->A.layer.source.path, R->B.layer.source.path});  // hashed while the overlay runs

    // flatten each layer, then split
    auto flat = [&](TabulateLayer& L, const Progress& p) {
        std::vector<const GEOSGeometry*> g;
        for (const auto& f : L.layer.features) g.push_back(f.geom.get());
        L.flat = vector::flatten(g, *R->ellipsoidal, p);
        for (const auto& F : L.flat) {
            L.sum_area += F.raw_area;
            L.sum_area_ell += F.raw_area_ell;
            L.self_overlap += F.overlap_area;
            L.self_overlap_ell += F.overlap_area_ell;
        }
        if (L.self_overlap > 0)
            R->notes.push_back("layer " + L.role + " has overlapping features: " + fmt("%.6g", L.self_overlap) +
                               " m2 (planar) counted once, for the feature read first");
    };
    flat(R->A, progress.sub(0.2, 0.35));
    flat(R->B, progress.sub(0.35, 0.5));
    R->pieces = vector::split_pieces(R->A.flat, R->B.flat, *R->ellipsoidal, progress.sub(0.5, 0.95));

    // the table
    std::set<std::string> ra(R->A.category.begin(), R->A.category.end()), cb(R->B.category.begin(), R->B.category.end());
    R->rows.assign(ra.begin(), ra.end());
    R->cols.assign(cb.begin(), cb.end());
    for (const auto& p : R->pieces) {
        std::string r = p.a == vector::kNone ? kOutsideA : R->A.category[p.a];
        std::string c = p.b == vector::kNone ? kOutsideB : R->B.category[p.b];
        for (Cell* x : {&R->cells[{r, c}], &R->row_total[r], &R->col_total[c], &R->grand}) {
            x->area += p.area;
            x->area_ell += p.area_ell;
            x->pieces++;
        }
    }
    R->rows.push_back(kOutsideA);
    R->cols.push_back(kOutsideB);
    // reconciliation: rows of A (without the outside-A row) + A's self-overlap = sum of A's features
    for (const auto& r : R->rows)
        if (r != kOutsideA) R->A.table_total += R->row_total[r].area, R->A.table_total_ell += R->row_total[r].area_ell;
    for (const auto& c : R->cols)
        if (c != kOutsideB) R->B.table_total += R->col_total[c].area, R->B.table_total_ell += R->col_total[c].area_ell;
    auto rel = [](double got, double want) { return want == 0 ? std::abs(got) : std::abs(got - want) / std::abs(want); };
    for (TabulateLayer* L : {&R->A, &R->B}) {
        L->rel_error = rel(L->table_total + L->self_overlap, L->sum_area);
        L->rel_error_ell = rel(L->table_total_ell + L->self_overlap_ell, L->sum_area_ell);
    }
    R->reconciled = std::max({R->A.rel_error, R->A.rel_error_ell, R->B.rel_error, R->B.rel_error_ell}) <= 1e-9;
    if (!R->reconciled)
        R->notes.push_back("WARNING: totals do not reconcile within 1e-9 relative (A " + fmt("%.3g", R->A.rel_error) + ", B " +
                           fmt("%.3g", R->B.rel_error) + "): please report this with the input data");
    R->inputs = facts.get();
    progress.report(1.0, "tabulated");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
