#include "checks/coast.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/error.h"
#include "core/units.h"
#include "io/crs.h"

namespace eco::checks {

const OpSpec& coast_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "coast",
        "Shoreline statistics and the natural shoreline retention ratio per county and bay against a target; "
        "with --old, the change between two versions",
        {
            {"target", T::Number, 0.35, 0.0, 1.0, "",
             "natural shoreline retention target: (natural + restored) / total mainland shoreline length"},
            {"shore-distance", T::Number, 200.0, 0.0, 100000.0, "m",
             "a bay's shoreline: the part of each segment inside the bay polygon or within this distance of it"},
            {"match-tolerance", T::Number, 20.0, 0.0, 10000.0, "m",
             "two versions: a new segment lies along an old one when within this distance of it"},
            {"min-change-length", T::Number, 40.0, 0.0, 100000.0, "m",
             "two versions: changed parts shorter than this are corner effects of the tolerance, ignored (their total is reported)"},
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

void add_length(CoastFigures& F, const CoastSegment& s, double length, double length_ell) {
    F.segments++;
    if (s.mainland) {
        F.total += length;
        F.total_ell += length_ell;
        if (s.counts_natural) F.natural += length, F.natural_ell += length_ell;
        if (s.restored) F.restored += length;
        F.by_type1[s.type1] += length;
        F.by_type2[s.type2] += length;
    } else {
        F.island_total += length;
        F.island_total_ell += length_ell;
        if (s.counts_natural) F.island_natural += length, F.island_natural_ell += length_ell;
        F.island_by_type1[s.type1] += length;
        F.island_by_type2[s.type2] += length;
    }
}

std::vector<CoastSegment> classify_segments(const io::VectorLayer& layer, const vector::Ellipsoidal& ell, const std::string& opname,
                                            std::vector<std::string>& unknown_values, std::vector<std::string>& notes) {
    for (const auto& f : layer.features)
        if (geom::dimension(f.geom.get()) != 1)
            throw BadInput(opname + ": the coastline layer '" + layer.display() + "' has a " +
                           (geom::dimension(f.geom.get()) == 2 ? "polygon" : "point") + " feature (fid " + std::to_string(f.fid) +
                           (geom::dimension(f.geom.get()) == 2
                                ? "); a shoreline layer holds lines: convert the polygons to their boundary lines first and keep the shoreline part"
                                : "); a shoreline layer holds lines: check the layer name"));
    const auto& spec = catalog::kind("coastline", opname);
    catalog::Binding b(spec, layer);
    if (b.index("type1") < 0)
        throw BadInput(opname + ": the coastline layer '" + layer.display() + "' has no type1 field (or AXLX, YJLX); the shoreline type is required");
    const bool has_mainland = b.index("mainland") >= 0;
    if (!has_mainland) notes.push_back("the coastline layer '" + layer.display() + "' has no mainland field: every segment counts as mainland shoreline");
    const bool has_county = b.index("county") >= 0;
    const size_t n = layer.features.size();
    std::vector<CoastSegment> segs(n);
    long long no_flag = 0;
    const size_t unknown_before = unknown_values.size();
    for (size_t i = 0; i < n; ++i) {
        const auto& f = layer.features[i];
        CoastSegment& s = segs[i];
        s.code = b.code(f);
        if (s.code.empty()) s.code = "fid " + std::to_string(f.fid);
        bool known = true;
        s.type1 = b.value(f, "type1", &known);
        if (s.type1.empty()) s.type1 = "(none)";
        else if (!known) {
            unknown_values.push_back("fid " + std::to_string(f.fid) + ": type1 '" + s.type1 + "'");
            s.type1 = "unknown";
        }
        known = true;
        s.type2 = b.value(f, "type2", &known);
        if (s.type2.empty()) s.type2 = "(none)";
        else if (!known) {
            unknown_values.push_back("fid " + std::to_string(f.fid) + ": type2 '" + s.type2 + "'");
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
        s.length_ell = ell.length(f.geom.get());
    }
    if (no_flag) notes.push_back(std::to_string(no_flag) + " segment(s) without a mainland value counted as mainland");
    if (unknown_values.size() > unknown_before)
        notes.push_back(std::to_string(unknown_values.size() - unknown_before) +
                        " shoreline type value(s) outside the enumeration counted as unknown (listed in report.json)");
    return segs;
}

geom::Geom shoreline_zone(const GEOSGeometry* bay, double distance) {
    if (distance <= 0) return geom::clone(bay);
    return geom::buffer(bay, distance, 16);
}

geom::Geom shoreline_in(const GEOSGeometry* zone, const geom::Prepared& pzone, const GEOSGeometry* line) {
    if (!pzone.intersects(line)) return {};
    if (pzone.covers(line)) return geom::clone(line);
    geom::Geom g = geom::extract_dim(geom::intersection(line, zone).get(), 1);
    if (!g || geom::is_empty(g.get())) return {};
    return g;
}

namespace {

void measure(CoastResult& R, const io::LayerSource& src, const std::string& label, const Progress& progress) {
    R.layer = read_layer(R, src, label, op, false, progress);
    R.segments = classify_segments(R.layer, *R.ellipsoidal, op, R.unknown_values, R.notes);
    for (const auto& s : R.segments) {
        add_length(R.by_county[s.county], s, s.length, s.length_ell);
        add_length(R.overall, s, s.length, s.length_ell);
    }
}

void per_bay(CoastResult& R, double distance) {
    const auto& bl = *R.bay_layer;
    for (const auto& f : bl.features)
        if (geom::dimension(f.geom.get()) != 2)
            throw BadInput(op + ": the bay layer '" + bl.display() + "' has a non-polygon feature (fid " + std::to_string(f.fid) +
                           "); bay segments are polygons");
    catalog::Binding b(catalog::kind("bay", op), bl);
    geom::STRtree tree;
    for (size_t i = 0; i < R.layer.features.size(); ++i) tree.insert(R.layer.features[i].geom.get(), i);
    tree.build();
    R.bays.resize(bl.features.size());
    tbb::parallel_for(size_t(0), bl.features.size(), [&](size_t k) {
        const auto& f = bl.features[k];
        CoastBay& B = R.bays[k];
        B.fid = static_cast<size_t>(f.fid);
        B.code = b.code(f);
        if (B.code.empty()) B.code = "fid " + std::to_string(f.fid);
        B.name = b.value(f, "name");
        geom::Geom zone = shoreline_zone(f.geom.get(), distance);
        geom::Prepared pz(zone.get());
        for (size_t i : tree.query(zone.get())) {
            geom::Geom piece = shoreline_in(zone.get(), pz, R.layer.features[i].geom.get());
            if (!piece) continue;
            add_length(B.figures, R.segments[i], geom::length(piece.get()), R.ellipsoidal->length(piece.get()));
        }
    });
}

// Parts of new segments of one class that lie along old segments of the other.
void changes(CoastResult& R, double tol, double min_len) {
    const CoastResult& O = *R.old;
    geom::STRtree tree;
    for (size_t i = 0; i < O.layer.features.size(); ++i) tree.insert(O.layer.features[i].geom.get(), i);
    tree.build();
    auto is_artificial = [](const CoastSegment& s) { return s.type1 == "artificial" && !s.restored; };
    const size_t n = R.segments.size();
    std::vector<std::vector<CoastChange>> found(n);
    std::vector<double> short_len(n, 0.0);
    std::vector<long long> short_n(n, 0);
    tbb::parallel_for(size_t(0), n, [&](size_t i) {
        const CoastSegment& s = R.segments[i];
        const bool to_art = is_artificial(s);
        if (!to_art && !s.counts_natural) return;
        const GEOSGeometry* g = R.layer.features[i].geom.get();
        geom::Box bx = geom::bounds(g);
        std::vector<size_t> near;
        for (size_t j : tree.query_box(bx.minx - tol, bx.miny - tol, bx.maxx + tol, bx.maxy + tol)) {
            const CoastSegment& o = O.segments[j];
            if (to_art ? !o.counts_natural : !is_artificial(o)) continue;
            if (geom::distance(g, O.layer.features[j].geom.get()) > tol) continue;
            near.push_back(j);
        }
        if (near.empty()) return;
        // each near old segment buffered once: unioned into the zone here, tested one by one below
        std::vector<geom::Geom> nb;
        std::vector<GEOSGeometry*> bufs;
        for (size_t j : near) {
            GEOSGeometry* b = GEOSBufferWithStyle_r(geom::ctx(), O.layer.features[j].geom.get(), std::max(tol, 1e-6), 8, GEOSBUF_CAP_FLAT,
                                                    GEOSBUF_JOIN_ROUND, 5.0);
            if (!b) throw Failure(op + ": buffer of an old shoreline segment failed: " + geom::last_error());
            nb.push_back(geom::own(b, "buffer"));
            bufs.push_back(GEOSGeom_clone_r(geom::ctx(), b));
        }
        geom::Geom coll = geom::own(GEOSGeom_createCollection_r(geom::ctx(), GEOS_GEOMETRYCOLLECTION, bufs.data(), static_cast<unsigned>(bufs.size())),
                                    "collection");
        geom::Geom zone = geom::own(GEOSUnaryUnion_r(geom::ctx(), coll.get()), "union");
        geom::Geom piece = geom::extract_dim(geom::intersection(g, zone.get()).get(), 1);
        if (!piece || geom::is_empty(piece.get())) return;
        // merge touching parts, then keep the parts at least min_len long
        geom::Geom merged = geom::own(GEOSLineMerge_r(geom::ctx(), piece.get()), "line merge");
        std::vector<GEOSGeometry*> keep;
        const int np = GEOSGetNumGeometries_r(geom::ctx(), merged.get());
        for (int k = 0; k < np; ++k) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(geom::ctx(), merged.get(), k);
            double L = geom::length(part);
            if (L < min_len) {
                short_len[i] += L;
                short_n[i]++;
            } else {
                keep.push_back(GEOSGeom_clone_r(geom::ctx(), part));
            }
        }
        if (keep.empty()) return;
        CoastChange c;
        c.change = to_art ? "natural_to_artificial" : "artificial_to_natural";
        c.seg = i;
        c.geom = geom::own(GEOSGeom_createCollection_r(geom::ctx(), GEOS_MULTILINESTRING, keep.data(), static_cast<unsigned>(keep.size())),
                           "multilinestring");
        c.length = geom::length(c.geom.get());
        c.length_ell = R.ellipsoidal->length(c.geom.get());
        // the old segments it actually lies along: at least min_len (or, with min_len 0, some length) of the change within
        // the tolerance of that segment; a neighbour touched only at a corner is not one of them
        for (size_t q = 0; q < near.size(); ++q) {
            const GEOSGeometry* gj = nb[q].get();
            if (!geom::intersects(gj, c.geom.get())) continue;
            geom::Geom along = geom::extract_dim(geom::intersection(c.geom.get(), gj).get(), 1);
            const double la = along ? geom::length(along.get()) : 0.0;
            if (la > 0 && la >= min_len) c.old_segs.push_back(near[q]);
        }
        found[i].push_back(std::move(c));
    });
    for (size_t i = 0; i < n; ++i) {
        for (auto& c : found[i]) R.changes.push_back(std::move(c));
        R.ignored_short_m += short_len[i];
        R.ignored_short += short_n[i];
    }
}

}  // namespace

std::unique_ptr<CoastResult> run_coast(const io::LayerSource& src, const nlohmann::json& given, const Progress& progress) {
    CoastInput in;
    in.coastline = src;
    return run_coast(in, given, progress);
}

std::unique_ptr<CoastResult> run_coast(const CoastInput& in, const nlohmann::json& given, const Progress& progress) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<CoastResult>();
    R->params = resolve_params(coast_spec(), given.is_null() ? nlohmann::json::object() : given);
    R->target = R->params["target"].get<double>();
    {
        LabelledSources inputs{{in.coastline, "coastline"}};
        if (in.old_coastline) inputs.emplace_back(*in.old_coastline, "old coastline");
        if (in.bay) inputs.emplace_back(*in.bay, "bay");
        refuse_empty(inputs, op);
        choose_frame(*R, R->params["work-crs"].get<std::string>(), inputs, op);
    }
    measure(*R, in.coastline, "coastline", progress.sub(0.0, 0.4));
    if (in.old_coastline) {
        R->old = std::make_unique<CoastResult>();
        R->old->params = R->params;
        R->old->target = R->target;
        R->old->work_crs = io::Srs(R->work_crs->Clone());
        R->old->work_crs_label = R->work_crs_label;
        R->old->work_epsg = R->work_epsg;
        R->old->ellipsoidal = std::make_unique<vector::Ellipsoidal>(*R->work_crs);
        R->old->inputs = R->inputs;  // a file already hashed for this run is not hashed again
        measure(*R->old, *in.old_coastline, "old coastline", progress.sub(0.4, 0.7));
        for (const auto& u : R->old->unknown_values) R->unknown_values.push_back("old version " + u);
        for (const auto& nt : R->old->notes) R->notes.push_back("old version: " + nt);
        R->inputs = R->old->inputs;  // this run's inputs, then the old version's files not among them
        if (R->old->layer.crs_label != R->layer.crs_label)
            R->notes.push_back("the two versions are in different CRSs (" + R->old->layer.crs_label + ", " + R->layer.crs_label +
                               "): both reprojected to the working CRS");
        changes(*R, R->params["match-tolerance"].get<double>(), R->params["min-change-length"].get<double>());
        if (R->ignored_short)
            R->notes.push_back(std::to_string(R->ignored_short) + " changed part(s) shorter than " + fmt("%g", R->params["min-change-length"].get<double>()) +
                               " m, " + fmt("%.1f", R->ignored_short_m) + " m in all, ignored as corner effects of the match tolerance");
    }
    if (in.bay) {
        R->bay_layer = read_layer(*R, *in.bay, "bay", op, false, progress.sub(0.7, 0.8));
        per_bay(*R, R->params["shore-distance"].get<double>());
    }
    progress.report(1.0, "measured");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
