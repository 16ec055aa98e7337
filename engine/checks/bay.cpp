#include "checks/bay.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>

#include "catalog/catalog.h"
#include "core/error.h"
#include "core/units.h"
#include "io/crs.h"
#include "vector/overlay_tabulate.h"

namespace eco::checks {

const OpSpec& bay_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "bay",
        "One card per beautiful-bay segment: area, marine zone classes and good-class share, shoreline and natural ratio, redline "
        "coverage, soil parcels and outfalls in the catchment buffer, stations inside",
        {
            {"catchment", T::Number, 5000.0, 0.0, 1.0e6, "m",
             "soil parcels and outfalls within this distance of the bay polygon are listed on its card"},
            {"shore-distance", T::Number, 200.0, 0.0, 100000.0, "m",
             "a bay's shoreline: the part of each coastline segment inside the bay polygon or within this distance of it"},
            {"target", T::Number, 0.35, 0.0, 1.0, "", "natural shoreline retention target for the bay's mainland shoreline"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
        }};
    return spec;
}

size_t BayCard::count(const std::string& kind) const {
    return static_cast<size_t>(std::count_if(items.begin(), items.end(), [&](const BayItem& i) { return i.kind == kind; }));
}

BayInput bay_input(const Project& p) {
    BayInput in;
    for (auto [slot, kind] : {std::pair{&in.bay, "bay"}, {&in.marine_zone, "marine_zone"}, {&in.coastline, "coastline"}})
        *slot = project_layer(p, kind, "bay", std::string("--layer ") + kind + "=FILE[:LAYER]");
    in.redline = optional_layer(p, "redline");
    in.soil_parcel = optional_layer(p, "soil_parcel");
    in.outlet = optional_layer(p, "outlet");
    return in;
}

namespace {

const std::string op = "bay";

std::string or_none(std::string s) { return s.empty() ? "(none)" : s; }

void require_dim(const io::VectorLayer& l, int dim, const std::string& what) {
    static const char* names[] = {"point", "line", "polygon"};
    for (const auto& f : l.features) {
        int d = geom::dimension(f.geom.get());
        if (d != dim)
            throw BadInput(op + ": the " + l.label + " layer '" + l.display() + "' has a " + (d >= 0 && d <= 2 ? names[d] : "empty") +
                           " feature (fid " + std::to_string(f.fid) + "); " + what);
    }
}

}  // namespace

std::unique_ptr<BayResult> run_bay(const BayInput& in, const nlohmann::json& given, const Progress& progress) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<BayResult>();
    R->params = resolve_params(bay_spec(), given.is_null() ? nlohmann::json::object() : given);
    R->target = R->params["target"].get<double>();
    R->shore_distance = R->params["shore-distance"].get<double>();
    R->catchment = R->params["catchment"].get<double>();
    {
        LabelledSources inputs{{in.bay, "bay"}, {in.marine_zone, "marine_zone"}, {in.coastline, "coastline"}};
        if (in.redline) inputs.emplace_back(*in.redline, "redline");
        if (in.soil_parcel) inputs.emplace_back(*in.soil_parcel, "soil_parcel");
        if (in.outlet) inputs.emplace_back(*in.outlet, "outlet");
        choose_frame(*R, R->params["work-crs"].get<std::string>(), inputs, op);
    }
    const auto& ell = *R->ellipsoidal;
    auto read = [&](const io::LayerSource& s, const std::string& label, double a, double b, bool allow_empty) {
        return read_layer(*R, s, label, op, allow_empty, progress.sub(a, b));
    };
    R->bays = read(in.bay, "bay", 0.0, 0.05, false);
    require_dim(R->bays, 2, "bay segments are polygons");
    R->marine = read(in.marine_zone, "marine_zone", 0.05, 0.1, true);
    require_dim(R->marine, 2, "marine function zones are polygons");
    R->coast = read(in.coastline, "coastline", 0.1, 0.3, true);
    R->segments = classify_segments(R->coast, ell, op, R->unknown_values, R->notes);
    if (in.redline) {
        R->redline = read(*in.redline, "redline", 0.3, 0.4, true);
        require_dim(*R->redline, 2, "redline patches are polygons");
    } else {
        R->notes.push_back("no redline layer: redline coverage not computed");
    }
    if (in.soil_parcel) R->soil = read(*in.soil_parcel, "soil_parcel", 0.4, 0.45, true);
    else R->notes.push_back("no soil_parcel layer: no soil parcels listed");
    if (in.outlet) {
        R->outlet = read(*in.outlet, "outlet", 0.45, 0.5, true);
        require_dim(*R->outlet, 0, "outfalls and stations are points");
    } else {
        R->notes.push_back("no outlet layer: no outfalls or stations listed");
    }

    // marine zones: canonical class, flattened
    catalog::Binding mb(catalog::kind("marine_zone", op), R->marine);
    if (mb.index("class") < 0)
        throw BadInput(op + ": the marine_zone layer '" + R->marine.display() + "' has no class field (or SZLB, HSSZLB, SZMB); the class 1-4 is required");
    std::vector<std::string> mclass(R->marine.features.size());
    for (size_t i = 0; i < mclass.size(); ++i) {
        bool known = true;
        std::string c = mb.value(R->marine.features[i], "class", &known);
        if (c.empty()) c = "(none)";
        else if (!known) {
            R->unknown_values.push_back("marine_zone fid " + std::to_string(R->marine.features[i].fid) + ": class '" + c + "'");
            c = "unknown";
        }
        mclass[i] = c;
    }
    std::vector<const GEOSGeometry*> mg;
    for (const auto& f : R->marine.features) mg.push_back(f.geom.get());
    std::vector<vector::FlatFeature> mflat = vector::flatten(mg, ell, progress.sub(0.5, 0.6));
    double mover = 0, mraw = 0;
    for (const auto& f : mflat) mover += f.overlap_area, mraw += f.raw_area;
    if (mover > 1e-9 * mraw)  // a float residue of the overlay is no overlap
        R->notes.push_back("marine zones overlap (" + units::fmt("%.1f", mover) + " m2): each overlap counted once, for the zone read first");
    geom::STRtree mtree;
    for (size_t i = 0; i < mflat.size(); ++i)
        if (mflat[i].shape && !geom::is_empty(mflat[i].shape)) mtree.insert(mflat[i].shape, i);
    mtree.build();
    // redlines flattened (coverage counts overlapping patches once)
    std::vector<vector::FlatFeature> rflat;
    geom::STRtree rtree;
    if (R->redline) {
        std::vector<const GEOSGeometry*> rg;
        for (const auto& f : R->redline->features) rg.push_back(f.geom.get());
        rflat = vector::flatten(rg, ell, progress.sub(0.6, 0.7));
        for (size_t i = 0; i < rflat.size(); ++i)
            if (rflat[i].shape && !geom::is_empty(rflat[i].shape)) rtree.insert(rflat[i].shape, i);
    }
    rtree.build();
    geom::STRtree ctree;
    for (size_t i = 0; i < R->coast.features.size(); ++i) ctree.insert(R->coast.features[i].geom.get(), i);
    ctree.build();
    std::optional<catalog::Binding> sb, ob;
    geom::STRtree stree, otree;
    if (R->soil) {
        sb.emplace(catalog::kind("soil_parcel", op), *R->soil);
        for (size_t i = 0; i < R->soil->features.size(); ++i) stree.insert(R->soil->features[i].geom.get(), i);
    }
    stree.build();
    if (R->outlet) {
        ob.emplace(catalog::kind("outlet", op), *R->outlet);
        if (ob->index("kind") < 0)
            R->notes.push_back("the outlet layer has no kind field: every point is listed as an outfall");
        for (size_t i = 0; i < R->outlet->features.size(); ++i) otree.insert(R->outlet->features[i].geom.get(), i);
    }
    otree.build();

    catalog::Binding bb(catalog::kind("bay", op), R->bays);
    const size_t nb = R->bays.features.size();
    R->cards.resize(nb);
    std::vector<std::vector<BayMarinePiece>> mp(nb);
    std::vector<std::vector<BayShorePiece>> sp(nb);
    std::vector<std::vector<std::string>> item_notes(nb);
    const double C = R->catchment;
    tbb::parallel_for(size_t(0), nb, [&](size_t k) {
        const auto& f = R->bays.features[k];
        BayCard& B = R->cards[k];
        B.index = k;
        B.fid = f.fid;
        B.code = bb.code(f);
        if (B.code.empty()) B.code = "fid " + std::to_string(f.fid);
        B.name = bb.value(f, "name");
        B.status = or_none(bb.value(f, "status"));
        B.county = or_none(bb.value(f, "county"));
        B.target_year = bb.value(f, "target_year");
        B.geom = geom::clone(f.geom.get());
        const GEOSGeometry* g = B.geom.get();
        B.area = geom::area(g);
        B.area_ell = ell.area(g);
        geom::Prepared pg(g);
        // marine classes
        for (size_t i : mtree.query(g)) {
            const GEOSGeometry* z = mflat[i].shape;
            if (!pg.intersects(z)) continue;
            geom::Geom piece = geom::extract_dim(geom::intersection(g, z).get(), 2);
            if (!piece || geom::is_empty(piece.get())) continue;
            BayMarinePiece p;
            p.bay = k;
            p.zone = i;
            p.cls = mclass[i];
            p.area = geom::area(piece.get());
            if (p.area <= 0) continue;
            p.area_ell = ell.area(piece.get());
            p.geom = std::move(piece);
            auto& c = B.by_class[p.cls];
            c.area += p.area;
            c.area_ell += p.area_ell;
            B.sea += p.area;
            B.sea_ell += p.area_ell;
            if (p.cls == "1" || p.cls == "2") B.good += p.area, B.good_ell += p.area_ell;
            mp[k].push_back(std::move(p));
        }
        // shoreline
        geom::Geom zone = shoreline_zone(g, R->shore_distance);
        geom::Prepared pz(zone.get());
        for (size_t i : ctree.query(zone.get())) {
            geom::Geom piece = shoreline_in(zone.get(), pz, R->coast.features[i].geom.get());
            if (!piece) continue;
            BayShorePiece p;
            p.bay = k;
            p.seg = i;
            p.length = geom::length(piece.get());
            if (p.length <= 0) continue;
            p.length_ell = ell.length(piece.get());
            p.geom = std::move(piece);
            add_length(B.shore, R->segments[i], p.length, p.length_ell);
            sp[k].push_back(std::move(p));
        }
        // redline coverage
        for (size_t i : rtree.query(g)) {
            const GEOSGeometry* z = rflat[i].shape;
            if (!pg.intersects(z)) continue;
            geom::Geom piece = geom::extract_dim(geom::intersection(g, z).get(), 2);
            if (!piece || geom::is_empty(piece.get())) continue;
            B.redline += geom::area(piece.get());
            B.redline_ell += ell.area(piece.get());
        }
        // catchment: soil parcels and outfalls within C; stations inside
        geom::Box bx = geom::bounds(g);
        if (R->soil) {
            for (size_t i : stree.query_box(bx.minx - C, bx.miny - C, bx.maxx + C, bx.maxy + C)) {
                const auto& sf = R->soil->features[i];
                double d = pg.distance(sf.geom.get());
                if (d > C) continue;
                BayItem it;
                // a parcel taken off the list (status delisted) is shown apart and not counted as listed
                it.kind = sb->value(sf, "status") == "delisted" ? "soil_parcel_delisted" : "soil_parcel";
                it.index = i;
                it.code = sb->code(sf);
                if (it.code.empty()) it.code = "fid " + std::to_string(sf.fid);
                it.name = sb->value(sf, "name");
                std::string st = sb->value(sf, "status"), pu = sb->value(sf, "planned_use");
                it.detail = or_none(st) + " / " + or_none(pu);
                it.distance = d;
                B.items.push_back(std::move(it));
            }
        }
        if (R->outlet) {
            for (size_t i : otree.query_box(bx.minx - C, bx.miny - C, bx.maxx + C, bx.maxy + C)) {
                const auto& of = R->outlet->features[i];
                std::string kind = ob->index("kind") >= 0 ? ob->value(of, "kind") : "outfall";
                double d = pg.distance(of.geom.get());
                BayItem it;
                it.index = i;
                it.code = ob->code(of);
                if (it.code.empty()) it.code = "fid " + std::to_string(of.fid);
                it.name = ob->value(of, "name");
                it.distance = d;
                if (kind == "station") {
                    if (d > 0) continue;
                    it.kind = "station";
                    it.detail = or_none(ob->value(of, "measured_class"));
                } else {
                    if (d > C) continue;
                    if (kind != "outfall")
                        item_notes[k].push_back("outlet '" + it.code + "' has kind '" + or_none(kind) + "': listed as an outfall");
                    it.kind = "outfall";
                }
                B.items.push_back(std::move(it));
            }
        }
        std::sort(B.items.begin(), B.items.end(), [](const BayItem& a, const BayItem& b) {
            if (a.kind != b.kind) return a.kind < b.kind;
            if (a.distance != b.distance) return a.distance < b.distance;
            return a.code < b.code;
        });
    });
    for (size_t k = 0; k < nb; ++k) {
        for (auto& p : mp[k]) R->marine_pieces.push_back(std::move(p));
        for (auto& p : sp[k]) R->shore_pieces.push_back(std::move(p));
        for (auto& n : item_notes[k]) R->notes.push_back("bay " + R->cards[k].code + ": " + n);
    }
    for (const auto& B : R->cards)
        if (B.sea < B.area * (1 - 1e-9))
            R->notes.push_back("bay " + B.code + ": " + units::fmt("%.1f", B.area - B.sea) +
                               " m2 not covered by any marine zone (unzoned, left out of the good-class share)");
    progress.report(1.0, "bay cards");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
