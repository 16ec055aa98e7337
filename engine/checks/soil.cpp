#include "checks/soil.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "catalog/catalog.h"
#include "core/error.h"
#include "core/units.h"

namespace eco::checks {

const OpSpec& soil_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "soil",
        "Listed soil risk parcels against sensitive receptors, class-1 planned use while listed, farmland soil classes per county",
        {
            {"ranges", T::NumberList, nlohmann::json::array({500.0, 1000.0}), 0.0, 100000.0, "m",
             "distance ranges around listed parcels in which receptors are counted and linked [check]"},
            {"listed-status", T::String, "controlled,remediating", std::nullopt, std::nullopt, "",
             "soil_parcel status codes that count as listed (comma list; statuses outside the enumeration always count as listed)"},
            {"class1-uses", T::String, "class1", std::nullopt, std::nullopt, "",
             "planned_use codes that are class-1 land (housing, schools, hospitals) flagged while listed (comma list)"},
            {"source-levels", T::String, "first,second,quasi", std::nullopt, std::nullopt, "",
             "drinking water source zone levels taken as water_source receptors (comma list; empty: none)"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
        }};
    return spec;
}

std::string receptor_kind_zh(const std::string& kind) {
    return kind == "school" ? "学校" : kind == "hospital" ? "医院" : kind == "residential" ? "居住用地" : kind == "water_source" ? "水源地" : kind;
}

namespace {

const std::string op = "soil";

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string fid_text(long long fid) { return "fid " + std::to_string(fid); }

}  // namespace

SoilInput soil_input_from_project(const Project& p) {
    SoilInput in;
    in.parcels = project_layer(p, "soil_parcel", op, "--parcels FILE[:LAYER]");
    in.receptors = optional_layer(p, "receptor");
    in.water_source = optional_layer(p, "water_source");
    in.farmland = optional_layer(p, "farmland_soil");
    in.admin = optional_layer(p, "admin");
    return in;
}

std::unique_ptr<SoilResult> run_soil(const SoilInput& in, const nlohmann::json& given, const Progress& progress) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<SoilResult>();
    R->params = resolve_params(soil_spec(), given.is_null() ? nlohmann::json::object() : given);
    R->ranges = R->params["ranges"].get<std::vector<double>>();
    std::sort(R->ranges.begin(), R->ranges.end());
    R->ranges.erase(std::unique(R->ranges.begin(), R->ranges.end()), R->ranges.end());
    if (R->ranges.empty() || R->ranges.front() <= 0)
        throw BadInput(op + ": --ranges needs at least one distance above 0 m, e.g. --ranges 500,1000");
    R->listed_status = catalog::split_list(R->params["listed-status"].get<std::string>());
    R->class1_uses = catalog::split_list(R->params["class1-uses"].get<std::string>());
    R->source_levels = catalog::split_list(R->params["source-levels"].get<std::string>());

    LabelledSources all{{in.parcels, "soil_parcel"}};
    if (in.receptors) all.push_back({*in.receptors, "receptor"});
    if (in.water_source) all.push_back({*in.water_source, "water_source"});
    if (in.farmland) all.push_back({*in.farmland, "farmland_soil"});
    if (in.admin) all.push_back({*in.admin, "admin"});
    choose_frame(*R, R->params["work-crs"].get<std::string>(), all, op);
    auto load = [&](LoadedLayer& L, const io::LayerSource& src, const std::string& kind, double a, double b, bool allow_empty, bool polygons) {
        load_layer(*R, L, src, kind, op, allow_empty, progress.sub(a, b));
        if (polygons) require_polygons(L.layer, kind, op);
    };
    load(R->parcels, in.parcels, "soil_parcel", 0.0, 0.1, false, true);
    if (in.receptors) load(R->receptor_layer, *in.receptors, "receptor", 0.1, 0.2, true, false);
    if (in.water_source) load(R->sources, *in.water_source, "water_source", 0.2, 0.3, true, true);
    if (in.farmland) load(R->farmland, *in.farmland, "farmland_soil", 0.3, 0.45, true, true);
    if (in.admin) load(R->admin, *in.admin, "admin", 0.45, 0.5, true, true);
    if (!in.receptors) R->notes.push_back("no receptor layer: schools, hospitals and residential land not checked");
    if (!in.water_source) R->notes.push_back("no water_source layer: drinking water sources taken only from the receptor layer");
    if (!in.farmland) R->notes.push_back("no farmland_soil layer: farmland soil classes not tabulated");
    else if (!in.admin) R->notes.push_back("no admin layer: farmland soil classes tabulated as one county '" + kOutsideAdmin + "'");

    // ---- receptors ----
    if (R->receptor_layer.present) {
        const auto& b = R->receptor_layer.binding;
        if (b.index("kind") < 0)
            throw BadInput(op + ": the receptor layer '" + R->receptor_layer.layer.display() +
                           "' has no kind field (or LX); each receptor needs its kind: 学校 school, 医院 hospital, 居住用地 residential, 水源地 water_source");
        for (const auto& f : R->receptor_layer.layer.features) {
            bool known = true;
            std::string kind = b.value(f, "kind", &known);
            std::string id = b.code(f);
            if (id.empty()) id = fid_text(f.fid);
            if (kind.empty() || !known) {
                R->unknown_values.push_back("receptor " + fid_text(f.fid) + " (" + id + "): kind '" + kind +
                                            "' is not school, hospital, residential or water_source; not used as a receptor");
                continue;
            }
            R->receptors.push_back({kind, id, b.value(f, "name"), "receptor", f.geom.get(), f.fid});
        }
    }
    if (R->sources.present) {
        const auto& b = R->sources.binding;
        for (const auto& f : R->sources.layer.features) {
            bool known = true;
            std::string lv = b.value(f, "level", &known);
            if (!known || lv.empty()) {
                if (!lv.empty()) R->unknown_values.push_back("water_source " + fid_text(f.fid) + ": level '" + lv + "' (taken as a receptor)");
            } else if (!has(R->source_levels, lv))
                continue;
            std::string id = b.code(f);
            if (id.empty()) id = fid_text(f.fid);
            R->receptors.push_back({"water_source", id, b.value(f, "name"), "water_source", f.geom.get(), f.fid});
        }
    }
    std::array<geom::STRtree, 4> trees;
    std::array<size_t, 4> counts{};
    for (size_t i = 0; i < R->receptors.size(); ++i) {
        size_t k = std::find(kReceptorKinds.begin(), kReceptorKinds.end(), R->receptors[i].kind) - kReceptorKinds.begin();
        trees[k].insert(R->receptors[i].geom, i);
        counts[k]++;
    }
    for (size_t k = 0; k < 4; ++k) {
        trees[k].build();
        if (!counts[k]) R->notes.push_back("no " + kReceptorKinds[k] + " receptors: its distances are empty");
    }

    // ---- parcels ----
    const auto& pf = R->parcels.layer.features;
    const auto& pb = R->parcels.binding;
    R->results.resize(pf.size());
    const double rmax = R->range_max();
    for (size_t i = 0; i < pf.size(); ++i) {
        const auto& f = pf[i];
        SoilParcel& P = R->results[i];
        P.index = i;
        P.code = pb.code(f);
        if (P.code.empty()) P.code = fid_text(f.fid);
        P.name = pb.value(f, "name");
        P.county = pb.value(f, "county");
        bool known = true;
        P.status = pb.value(f, "status", &known);
        if (P.status.empty()) {
            P.status = "(none)";
            R->unknown_values.push_back("soil_parcel " + fid_text(f.fid) + " (" + P.code + "): no status; counted as listed");
        } else if (!known) {
            R->unknown_values.push_back("soil_parcel " + fid_text(f.fid) + " (" + P.code + "): status '" + P.status + "'; counted as listed");
            P.status = "unknown";
        }
        P.listed = P.status == "(none)" || P.status == "unknown" || has(R->listed_status, P.status);
        known = true;
        P.planned_use = pb.value(f, "planned_use", &known);
        if (!known) {
            R->unknown_values.push_back("soil_parcel " + fid_text(f.fid) + " (" + P.code + "): planned_use '" + P.planned_use + "'");
            P.planned_use = "unknown";
        }
        P.class1_listed = P.listed && has(R->class1_uses, P.planned_use);
        P.area_m2 = geom::area(f.geom.get());
        P.area_ell_m2 = R->ellipsoidal->area(f.geom.get());
        P.within.assign(R->ranges.size(), std::array<long long, 4>{});
        std::vector<SoilLink> mine;
        for (size_t k = 0; k < 4; ++k) {
            if (!counts[k]) continue;
            size_t nn = trees[k].nearest(f.geom.get());
            double dn = geom::distance(f.geom.get(), R->receptors[nn].geom);
            // candidates within the largest range, exact distances, ties by receptor order
            auto b = geom::bounds(f.geom.get());
            std::vector<size_t> cand = trees[k].query_box(b.minx - rmax, b.miny - rmax, b.maxx + rmax, b.maxy + rmax);
            for (size_t c : cand) {
                double d = geom::distance(f.geom.get(), R->receptors[c].geom);
                if (d < dn || (d == dn && c < nn)) dn = d, nn = c;
                if (d <= rmax) {
                    SoilLink L;
                    L.parcel = i, L.receptor = c, L.distance_m = d;
                    for (size_t r = 0; r < R->ranges.size(); ++r)
                        if (d <= R->ranges[r]) {
                            P.within[r][k]++;
                            if (L.range_m == 0) L.range_m = R->ranges[r];
                        }
                    mine.push_back(std::move(L));
                }
            }
            P.nearest[k] = {static_cast<long long>(nn), dn};
            bool linked = false;
            for (auto& L : mine)
                if (L.receptor == nn) L.nearest = linked = true;
            if (!linked) {
                SoilLink L;
                L.parcel = i, L.receptor = nn, L.distance_m = dn, L.nearest = true;
                mine.push_back(std::move(L));
            }
        }
        long long n_min = 0;
        for (size_t k = 0; k < 4; ++k) n_min += P.within[0][k];
        if (P.class1_listed) P.flags.push_back("class1_listed");
        if (P.listed && n_min > 0) P.flags.push_back("receptor_within_" + units::fmt("%g", R->ranges[0]) + "m");
        P.category = !P.listed ? "delisted" : P.class1_listed ? "class1_listed" : n_min > 0 ? "listed_receptor_near" : "listed";
        if (P.listed) {
            std::stable_sort(mine.begin(), mine.end(), [](const SoilLink& a, const SoilLink& b) {
                return a.distance_m != b.distance_m ? a.distance_m < b.distance_m : a.receptor < b.receptor;
            });
            for (auto& L : mine) {
                L.line = geom::nearest_line(f.geom.get(), R->receptors[L.receptor].geom);
                R->links.push_back(std::move(L));
            }
        }
    }
    progress.report(0.7, "parcels measured");

    // ---- farmland soil classes per county ----
    if (R->farmland.present && !R->farmland.layer.features.empty()) {
        const auto& ff = R->farmland.layer.features;
        const auto& fb = R->farmland.binding;
        std::vector<std::string> cls(ff.size());
        for (size_t i = 0; i < ff.size(); ++i) {
            bool known = true;
            cls[i] = fb.value(ff[i], "class", &known);
            if (cls[i].empty()) cls[i] = "(none)";
            else if (!known) {
                R->unknown_values.push_back("farmland_soil " + fid_text(ff[i].fid) + ": class '" + cls[i] + "' counted as unknown");
                cls[i] = "unknown";
            }
        }
        std::vector<const GEOSGeometry*> fg, ag;
        for (const auto& f : ff) fg.push_back(f.geom.get());
        auto A = vector::flatten(fg, *R->ellipsoidal, progress.sub(0.7, 0.8));
        for (const auto& a : A) {
            R->farmland_raw_area += a.raw_area, R->farmland_raw_area_ell += a.raw_area_ell;
            R->farmland_self_overlap += a.overlap_area, R->farmland_self_overlap_ell += a.overlap_area_ell;
        }
        std::vector<std::string> aname, acode;
        if (R->admin.present)
            for (const auto& f : R->admin.layer.features) {
                ag.push_back(f.geom.get());
                std::string nm = R->admin.binding.value(f, "name");
                acode.push_back(R->admin.binding.code(f));
                aname.push_back(nm.empty() ? (acode.back().empty() ? fid_text(f.fid) : acode.back()) : nm);
            }
        auto B = vector::flatten(ag, *R->ellipsoidal, progress.sub(0.8, 0.85));
        auto pieces = vector::split_pieces(A, B, *R->ellipsoidal, progress.sub(0.85, 0.98));
        for (auto& p : pieces) {
            if (p.a == vector::kNone) continue;  // admin outside farmland
            FarmlandPiece fp;
            fp.farmland = p.a;
            fp.county = p.b == vector::kNone ? kOutsideAdmin : aname[p.b];
            fp.county_code = p.b == vector::kNone ? "" : acode[p.b];
            fp.cls = cls[p.a];
            fp.area = p.area, fp.area_ell = p.area_ell;
            fp.geom = std::move(p.geom);
            for (FarmlandCell* c : {&R->farmland_table[fp.county][fp.cls], &R->county_total[fp.county], &R->class_total[fp.cls], &R->farmland_total}) {
                c->area += fp.area, c->area_ell += fp.area_ell;
                c->pieces++;
            }
            R->county_code[fp.county] = fp.county_code;
            R->pieces.push_back(std::move(fp));
        }
        R->farmland_rel_error = R->farmland_raw_area > 0
                                    ? std::fabs(R->farmland_total.area + R->farmland_self_overlap - R->farmland_raw_area) / R->farmland_raw_area
                                    : 0;
        if (R->farmland_self_overlap > 0.01)
            R->notes.push_back("farmland_soil features overlap each other over " + units::fmt("%.2f", R->farmland_self_overlap) +
                               " m2: counted once, for the feature read first");
        if (R->county_total.count(kOutsideAdmin) && R->admin.present)
            R->notes.push_back("farmland outside the admin layer: " + units::fmt("%.2f", R->county_total[kOutsideAdmin].area) +
                               " m2 (row '" + kOutsideAdmin + "')");
    }
    if (!R->unknown_values.empty())
        R->notes.push_back(std::to_string(R->unknown_values.size()) + " value(s) outside the enumerations (listed in report.json); never dropped");
    progress.report(1.0, "done");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
