#include "checks/redline_audit.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "core/error.h"
#include "core/units.h"
#include "io/crs.h"
#include "vector/overlay_tabulate.h"

namespace eco::checks {

namespace {

const std::string op = "redline audit";

const char* kDefaultBlocking = "invalid_geometry,rejected,attribute,duplicate_code,area_field,overlap,gap,sliver,outside_admin";

using units::fmt;

geom::Geom mitre_buffer(const GEOSGeometry* g, double d) {
    return geom::own(GEOSBufferWithStyle_r(geom::ctx(), g, d, 8, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 10.0), "buffer");
}

geom::Geom unary_union(const std::vector<const GEOSGeometry*>& gs) {
    auto h = geom::ctx();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(gs.size());
    for (auto* g : gs) parts.push_back(GEOSGeom_clone_r(h, g));
    geom::Geom coll = geom::own(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())),
                                "collect");
    return geom::extract_dim(geom::own(GEOSUnaryUnion_r(h, coll.get()), "union").get(), 2);
}

// The polygons of a polygonal geometry, as clones.
std::vector<geom::Geom> polygon_parts(const GEOSGeometry* g) {
    std::vector<geom::Geom> out;
    auto h = geom::ctx();
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int k = 0; k < n; ++k) {
        const GEOSGeometry* p = GEOSGetGeometryN_r(h, g, k);
        if (GEOSGeomTypeId_r(h, p) == GEOS_POLYGON && !geom::is_empty(p)) out.push_back(geom::clone(p));
    }
    return out;
}

std::pair<double, double> point_on(const GEOSGeometry* g) {
    auto h = geom::ctx();
    geom::Geom p = geom::own(GEOSPointOnSurface_r(h, g), "point on surface");
    double x = 0, y = 0;
    GEOSGeomGetX_r(h, p.get(), &x);
    GEOSGeomGetY_r(h, p.get(), &y);
    return {x, y};
}

double mean_width(const GEOSGeometry* g) {
    double per = geom::length(g);
    return per > 0 ? 2.0 * geom::area(g) / per : 0.0;
}

template <class F>
void for_blocks(size_t n, const Progress& progress, const char* msg, F&& f) {
    const size_t block = std::max<size_t>(256, n / 50 + 1);
    for (size_t b0 = 0; b0 < n; b0 += block) {
        const size_t b1 = std::min(n, b0 + block);
        tbb::parallel_for(tbb::blocked_range<size_t>(b0, b1, 1), [&](const tbb::blocked_range<size_t>& r) {
            for (size_t i = r.begin(); i != r.end(); ++i) f(i);
        });
        progress.report(static_cast<double>(b1) / static_cast<double>(n), msg);
    }
    if (n == 0) progress.report(1.0, msg);
}

std::string or_none(std::string s) { return s.empty() ? "(none)" : s; }

std::string ha(double m2) { return units::format_fixed(units::m2_to_ha(m2), 4) + " ha"; }
std::string m2(double v) { return fmt(v < 100 ? "%.3f" : "%.1f", v) + " m2"; }

std::set<std::string> parse_blocking(const std::string& text) {
    std::set<std::string> out;
    const auto& kinds = audit_fault_kinds();
    std::string t = text == "all" ? [&] {
        std::string s;
        for (const auto& k : kinds) s += k + ",";
        return s;
    }()
                                  : text;
    for (const std::string& item : catalog::split_list(t)) {
        if (item == "none") continue;
        if (std::find(kinds.begin(), kinds.end(), item) == kinds.end()) {
            std::string list;
            for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
            throw BadInput(op + ": --blocking: unknown fault kind '" + item + "'; use all, none or a comma list of: " + list);
        }
        out.insert(item);
    }
    return out;
}

}  // namespace

const std::vector<std::string>& audit_fault_kinds() {
    static const std::vector<std::string> k = {"invalid_geometry", "rejected", "attribute", "duplicate_code", "area_field",
                                               "overlap",          "gap",      "notch",     "sliver",         "outside_admin"};
    return k;
}

const OpSpec& redline_audit_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "redline audit",
        "Quality control of a redline layer before it is submitted: invalid geometries, overlaps, narrow gaps and slivers, "
        "duplicate codes, area fields, patches outside the admin boundary; totals per county and function type",
        {
            {"gap-width", T::Number, 1.0, 0.0, 1000.0, "m",
             "gaps between patches (and notches into one patch) narrower than this are faults (0: no gap check)"},
            {"sliver-width", T::Number, 1.0, 0.0, 1000.0, "m",
             "polygon parts of a patch narrower than this everywhere are slivers (0: no sliver check)"},
            {"min-area", T::Number, 0.01, 0.0, 1.0e6, "m2",
             "overlap, gap and outside pieces smaller than this are float noise: counted in a note, not reported"},
            {"area-tolerance", T::Number, 1.0, 0.0, 100.0, "%",
             "largest accepted difference between the area field (MJ) and the computed area, relative to the latter"},
            {"area-basis", T::String, "ellipsoidal", std::nullopt, std::nullopt, "",
             "the computed area the area field is held against: ellipsoidal (as `layers check`), planar, or either "
             "(a fault only when it fits neither)"},
            {"admin-check", T::String, "land", std::nullopt, std::nullopt, "",
             "which patches must lie inside the admin boundary: land (all but patches of the sea domain, LHY 海域), all, none"},
            {"blocking", T::String, kDefaultBlocking, std::nullopt, std::nullopt, "",
             "fault kinds that make the layer unfit to submit (comma list, all or none); the others are warnings"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
        }};
    return spec;
}

long long RedlineAuditResult::blocking_faults() const {
    long long n = 0;
    for (const auto& f : faults) n += f.blocking ? 1 : 0;
    return n;
}

std::optional<std::pair<double, double>> reason_location(const std::string& reason) {
    static const std::regex re(R"( at \(([-+0-9.eE]+) ([-+0-9.eE]+)\)$)");
    std::smatch m;
    if (!std::regex_search(reason, m, re)) return std::nullopt;
    return std::make_pair(std::strtod(m[1].str().c_str(), nullptr), std::strtod(m[2].str().c_str(), nullptr));
}

geom::Geom narrow_gaps(const GEOSGeometry* uni, double width) {
    if (width <= 0 || geom::is_empty(uni)) return geom::from_wkt("MULTIPOLYGON EMPTY");
    geom::Geom dil = mitre_buffer(uni, 0.5 * width);
    geom::Geom clo = mitre_buffer(dil.get(), -0.5 * width);
    return geom::extract_dim(geom::difference(clo.get(), uni).get(), 2);
}

bool is_sliver(const GEOSGeometry* polygon, double width) {
    if (width <= 0) return false;
    geom::Geom e = mitre_buffer(polygon, -0.5 * width);
    return geom::is_empty(e.get()) || geom::area(e.get()) <= 0.0;
}

std::unique_ptr<RedlineAuditResult> run_redline_audit(const io::LayerSource& redline, const std::optional<io::LayerSource>& admin_src,
                                                      const nlohmann::json& given, const Progress& progress) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<RedlineAuditResult>();
    R->params = resolve_params(redline_audit_spec(), given.is_null() ? nlohmann::json::object() : given);
    R->gap_width = R->params["gap-width"].get<double>();
    R->sliver_width = R->params["sliver-width"].get<double>();
    R->min_area = R->params["min-area"].get<double>();
    R->area_tol = R->params["area-tolerance"].get<double>() / 100.0;
    R->area_basis = R->params["area-basis"].get<std::string>();
    if (R->area_basis != "ellipsoidal" && R->area_basis != "planar" && R->area_basis != "either")
        throw BadInput(op + ": --area-basis '" + R->area_basis + "': use ellipsoidal, planar or either");
    R->admin_check = R->params["admin-check"].get<std::string>();
    if (R->admin_check != "land" && R->admin_check != "all" && R->admin_check != "none")
        throw BadInput(op + ": --admin-check '" + R->admin_check + "': use land, all or none");
    R->blocking = parse_blocking(R->params["blocking"].get<std::string>());

    progress.report(0.0, "opening layers");
    {
        // an empty layer says so (choosing the working CRS would otherwise fail first, obscurely)
        refuse_empty({{redline, "redline"}}, op);
        LabelledSources in{{redline, "redline"}};
        if (admin_src) in.emplace_back(*admin_src, "admin");
        choose_frame(*R, R->params["work-crs"].get<std::string>(), in, op);
    }
    const auto& ell = *R->ellipsoidal;
    R->layer = read_layer(*R, redline, "redline", op, false, progress.sub(0.0, 0.1));
    {
        // a stray line or point among polygons is a fault of the layer; a layer with no polygon
        // at all is the wrong layer (a coastline, the outlets...): refuse it, never audit it
        bool any_polygon = false;
        for (const auto& f : R->layer.features) any_polygon = any_polygon || geom::dimension(f.geom.get()) == 2;
        if (!any_polygon && !R->layer.features.empty())
            throw BadInput(op + ": the redline layer '" + R->layer.display() + "' holds no polygons (its geometry type is " +
                           R->layer.geometry_type + "); redline patches are polygons: check the layer name");
    }
    if (R->layer.crs_label != R->work_crs_label)
        R->notes.push_back("the redline layer was reprojected from " + R->layer.crs_label + " to the working CRS");
    if (admin_src) {
        R->admin = read_layer(*R, *admin_src, "admin", op, false, progress.sub(0.1, 0.15));
        for (const auto& f : R->admin->features)
            if (geom::dimension(f.geom.get()) != 2)
                throw BadInput(op + ": the admin layer '" + R->admin->display() + "' has a non-polygon feature (fid " +
                               std::to_string(f.fid) + "); admin units are polygons");
        for (const auto& is : R->admin->issues)
            R->notes.push_back("admin feature " + std::to_string(is.fid) + " " + is.action + ": " + is.reason);
    } else if (R->admin_check != "none") {
        R->notes.push_back("no admin layer given: patches outside the admin boundary were not checked (pass --admin)");
    }

    // the catalog's checks of the same layer, as read: duplicates, area field, attributes
    {
        catalog::CheckOptions co;
        co.work_crs = R->work_epsg ? "EPSG:" + std::to_string(R->work_epsg) : R->params["work-crs"].get<std::string>();
        co.area_tolerance_rel = R->area_tol;
        R->check = catalog::check_features(R->layer, "redline", *R->work_crs, co, progress.sub(0.15, 0.3));
    }

    const auto& layer = R->layer;
    const size_t n = layer.features.size();
    catalog::Binding b(catalog::kind("redline", op), layer);
    std::unordered_map<long long, size_t> by_fid;
    std::vector<const GEOSGeometry*> poly_geoms;  // polygonal patches only (others: attribute faults)
    std::vector<size_t> poly_index;
    R->patches.resize(n);
    const bool has_county = b.index("county") >= 0;
    const auto& spec = *b.spec();
    const double unit_m2 = spec.area_check ? units::area_unit_to_m2(spec.area_check->unit) : 0.0;
    for (size_t i = 0; i < n; ++i) {
        const auto& f = layer.features[i];
        auto& p = R->patches[i];
        by_fid[f.fid] = i;
        p.fid = f.fid;
        p.code = b.code(f);
        if (p.code.empty()) p.code = "fid " + std::to_string(f.fid);
        p.name = b.value(f, "name");
        p.county = or_none(b.value(f, has_county ? "county" : "county_code"));
        p.ftype = or_none(b.value(f, "function_type"));
        p.domain = or_none(b.value(f, "domain"));
        if (spec.area_check && unit_m2 > 0) {
            std::string t = catalog::trim(b.raw(f, spec.area_check->field));
            char* end = nullptr;
            double v = std::strtod(t.c_str(), &end);
            if (!t.empty() && end && *end == '\0' && std::isfinite(v)) p.declared_ha = v * unit_m2 / units::kM2PerHa;
        }
        if (geom::dimension(f.geom.get()) == 2) {
            poly_geoms.push_back(f.geom.get());
            poly_index.push_back(i);
        }
    }
    {
        // flatten measures every patch as read (raw_area) and its part not under an earlier patch (area)
        auto flat = vector::flatten(poly_geoms, ell, progress.sub(0.3, 0.4));
        for (size_t k = 0; k < flat.size(); ++k) {
            R->patches[poly_index[k]].area = flat[k].raw_area;
            R->patches[poly_index[k]].area_ell = flat[k].raw_area_ell;
            R->patches[poly_index[k]].net_area = flat[k].area;
            R->patches[poly_index[k]].net_area_ell = flat[k].area_ell;
        }
    }

    std::map<std::string, std::vector<AuditFault>> found;
    auto patch_fault = [&](const std::string& kind, size_t i, std::string msg) -> AuditFault& {
        AuditFault f;
        f.kind = kind;
        f.fid = R->patches[i].fid;
        f.code = R->patches[i].code;
        f.message = std::move(msg);
        const GEOSGeometry* g = layer.features[i].geom.get();
        std::tie(f.x, f.y) = point_on(g);
        f.located = true;
        found[kind].push_back(std::move(f));
        return found[kind].back();
    };

    // 1. invalid and rejected geometries (the reader's repairs, with GEOS's reason and location)
    for (const auto& is : layer.issues) {
        AuditFault f;
        f.kind = is.action == "repaired" ? "invalid_geometry" : "rejected";
        f.fid = is.fid;
        auto it = by_fid.find(is.fid);
        // a rejected patch is not among the features: its code comes from the values the reader kept
        f.code = it != by_fid.end() ? R->patches[it->second].code : b.code(is.values);
        f.message = is.action == "repaired" ? "invalid geometry: " + is.reason + "; repaired (make-valid) for the other checks: fix it at the source"
                                            : "unusable geometry, the patch is left out of every other check: " + is.reason;
        if (auto loc = reason_location(is.reason)) {
            f.x = loc->first, f.y = loc->second, f.located = true;
        } else if (it != by_fid.end()) {
            std::tie(f.x, f.y) = point_on(layer.features[it->second].geom.get());
            f.located = true;
        }
        f.detail = {{"reason", is.reason}, {"action", is.action}};
        found[f.kind].push_back(std::move(f));
    }

    // 2. what `layers check` found: duplicates, area field (ellipsoidal), attribute problems
    std::set<long long> area_flag_ell;
    for (const auto& pr : R->check.problems) {
        if (pr.check == "invalid_geometry" || pr.severity == "info") continue;
        if (pr.check == "area") {
            area_flag_ell.insert(pr.fid);
            continue;
        }
        auto it = by_fid.find(pr.fid);
        if (pr.check == "duplicate" && it != by_fid.end()) {
            auto& f = patch_fault("duplicate_code", it->second, pr.message);
            f.fid2 = pr.detail.value("first_fid", -1LL);
            auto j = by_fid.find(f.fid2);
            f.code2 = j != by_fid.end() ? R->patches[j->second].code : "";
            f.detail = pr.detail;
            continue;
        }
        AuditFault f;
        f.kind = "attribute";
        f.fid = pr.fid;
        f.code = pr.feature_code;
        f.message = pr.check + ": " + pr.message;
        f.detail = pr.detail;
        f.detail["check"] = pr.check;
        if (it != by_fid.end()) {
            std::tie(f.x, f.y) = point_on(layer.features[it->second].geom.get());
            f.located = true;
        }
        found["attribute"].push_back(std::move(f));
    }
    if (spec.area_check) {
        const std::string field = b.source_name(spec.area_check->field);
        for (size_t i = 0; i < n; ++i) {
            auto& p = R->patches[i];
            if (!p.declared_ha || p.area <= 0) continue;
            const double d = *p.declared_ha * units::kM2PerHa;
            const double rel_pl = (d - p.area) / p.area, rel_ell = (d - p.area_ell) / p.area_ell;
            const bool ell_off = area_flag_ell.count(p.fid) > 0, pl_off = std::fabs(rel_pl) > R->area_tol;
            const bool off = R->area_basis == "ellipsoidal" ? ell_off : R->area_basis == "planar" ? pl_off : (ell_off && pl_off);
            if (!off) continue;
            auto& f = patch_fault("area_field", i,
                                  field + " says " + units::format_fixed(*p.declared_ha, 4) + " ha; computed " + ha(p.area_ell) +
                                      " ellipsoidal (" + fmt("%+.3f", rel_ell * 100) + " %), " + ha(p.area) + " planar (" +
                                      fmt("%+.3f", rel_pl * 100) + " %); tolerance " + fmt("%g", R->area_tol * 100) + " % (" +
                                      R->area_basis + ")");
            f.area = p.area;
            f.area_ell = p.area_ell;
            f.detail = {{"field", field},
                        {"declared_ha", *p.declared_ha},
                        {"planar_ha", units::m2_to_ha(p.area)},
                        {"ellipsoidal_ha", units::m2_to_ha(p.area_ell)},
                        {"relative_difference_planar", rel_pl},
                        {"relative_difference_ellipsoidal", rel_ell},
                        {"tolerance_rel", R->area_tol},
                        {"basis", R->area_basis}};
        }
    }

    // 3. overlaps between patches
    geom::STRtree tree;
    for (size_t k = 0; k < poly_geoms.size(); ++k) tree.insert(poly_geoms[k], k);
    tree.build();
    std::vector<long long> noise(poly_geoms.size(), 0);
    {
        std::vector<std::vector<AuditFault>> per(poly_geoms.size());
        for_blocks(poly_geoms.size(), progress.sub(0.4, 0.6), "overlaps", [&](size_t k) {
            geom::Prepared pg(poly_geoms[k]);
            for (size_t j : tree.query(poly_geoms[k])) {
                if (j <= k || !pg.intersects(poly_geoms[j])) continue;
                geom::Geom x = geom::extract_dim(geom::intersection(poly_geoms[k], poly_geoms[j]).get(), 2);
                if (geom::is_empty(x.get())) continue;
                const double a = geom::area(x.get());
                if (a <= 0) continue;
                if (a < R->min_area) {
                    ++noise[k];
                    continue;
                }
                const auto& P = R->patches[poly_index[k]];
                const auto& Q = R->patches[poly_index[j]];
                AuditFault f;
                f.kind = "overlap";
                f.fid = P.fid, f.code = P.code, f.fid2 = Q.fid, f.code2 = Q.code;
                f.area = a;
                f.area_ell = ell.area(x.get());
                f.width = mean_width(x.get());
                std::tie(f.x, f.y) = point_on(x.get());
                f.located = true;
                f.message = "overlaps " + Q.code + " (fid " + std::to_string(Q.fid) + ") by " + m2(a) + " (" + ha(a) + ")";
                f.geom = std::move(x);
                per[k].push_back(std::move(f));
            }
        });
        for (auto& v : per)
            for (auto& f : v) found["overlap"].push_back(std::move(f));
        long long nn = 0;
        for (auto c : noise) nn += c;
        if (nn) R->noise_pieces["overlap"] = nn;
    }

    // 4. narrow gaps and notches: closing of the union minus the union
    if (R->gap_width > 0 && !poly_geoms.empty()) {
        progress.report(0.6, "gaps");
        geom::Geom U = unary_union(poly_geoms);
        geom::Geom gaps = narrow_gaps(U.get(), R->gap_width);
        auto parts = polygon_parts(gaps.get());
        std::vector<std::optional<AuditFault>> per(parts.size());
        tbb::parallel_for(tbb::blocked_range<size_t>(0, parts.size(), 4), [&](const tbb::blocked_range<size_t>& r) {
            for (size_t q = r.begin(); q != r.end(); ++q) {
                const GEOSGeometry* g = parts[q].get();
                const double a = geom::area(g);
                if (a < R->min_area || a <= 0) continue;
                AuditFault f;
                std::vector<size_t> near;
                geom::Box bx = geom::bounds(g);
                const double e = R->gap_width;
                for (size_t j : tree.query_box(bx.minx - e, bx.miny - e, bx.maxx + e, bx.maxy + e))
                    if (geom::distance(g, poly_geoms[j]) < 1e-3) near.push_back(j);
                for (size_t j : near) {
                    const auto& P = R->patches[poly_index[j]];
                    if (std::find(f.codes.begin(), f.codes.end(), P.code) == f.codes.end()) f.codes.push_back(P.code);
                }
                f.kind = near.size() >= 2 ? "gap" : "notch";
                if (!near.empty()) f.fid = R->patches[poly_index[near[0]]].fid, f.code = R->patches[poly_index[near[0]]].code;
                if (near.size() >= 2) f.fid2 = R->patches[poly_index[near[1]]].fid, f.code2 = R->patches[poly_index[near[1]]].code;
                f.area = a;
                f.area_ell = ell.area(g);
                f.width = mean_width(g);
                std::tie(f.x, f.y) = point_on(g);
                f.located = true;
                std::string between;
                for (const auto& c : f.codes) between += (between.empty() ? "" : ", ") + c;
                f.message = (f.kind == "gap" ? "gap narrower than " + fmt("%g", R->gap_width) + " m between " + between
                                             : "notch narrower than " + fmt("%g", R->gap_width) + " m into " + between) +
                            ": " + m2(a) + ", mean width " + fmt("%.3f", f.width) + " m";
                f.geom = geom::clone(g);
                f.detail = {{"patches", f.codes}};
                per[q] = std::move(f);
            }
        });
        long long nn = 0;
        for (size_t q = 0; q < per.size(); ++q) {
            if (per[q]) found[per[q]->kind].push_back(std::move(*per[q]));
            else ++nn;
        }
        if (nn) R->noise_pieces["gap"] = nn;
    }

    // 5. slivers: polygon parts narrower than sliver-width everywhere
    if (R->sliver_width > 0) {
        std::vector<std::vector<AuditFault>> per(poly_geoms.size());
        for_blocks(poly_geoms.size(), progress.sub(0.7, 0.8), "slivers", [&](size_t k) {
            auto parts = polygon_parts(poly_geoms[k]);
            for (auto& part : parts) {
                if (!is_sliver(part.get(), R->sliver_width)) continue;
                const auto& P = R->patches[poly_index[k]];
                AuditFault f;
                f.kind = "sliver";
                f.fid = P.fid, f.code = P.code;
                f.area = geom::area(part.get());
                f.area_ell = ell.area(part.get());
                f.width = mean_width(part.get());
                std::tie(f.x, f.y) = point_on(part.get());
                f.located = true;
                f.message = std::string(parts.size() == 1 ? "the patch is" : "a part of the patch is") + " a sliver narrower than " +
                            fmt("%g", R->sliver_width) + " m: " + m2(f.area) + ", mean width " + fmt("%.3f", f.width) + " m";
                f.geom = std::move(part);
                per[k].push_back(std::move(f));
            }
        });
        for (auto& v : per)
            for (auto& f : v) found["sliver"].push_back(std::move(f));
    }

    // 6. outside the admin boundary
    if (R->admin && R->admin_check != "none") {
        progress.report(0.8, "admin boundary");
        std::vector<const GEOSGeometry*> ag;
        for (const auto& f : R->admin->features)
            if (geom::dimension(f.geom.get()) == 2) ag.push_back(f.geom.get());
        geom::Geom A = ag.empty() ? geom::from_wkt("MULTIPOLYGON EMPTY") : unary_union(ag);
        // a prepared geometry builds its indexes lazily, so it cannot be shared between threads:
        // one copy of the admin union, prepared, per worker thread
        struct LocalAdmin {
            geom::Geom g;
            geom::Prepared p;
        };
        tbb::enumerable_thread_specific<std::unique_ptr<LocalAdmin>> locals;
        std::vector<std::optional<AuditFault>> per(poly_geoms.size());
        std::vector<char> small(poly_geoms.size(), 0);
        for_blocks(poly_geoms.size(), progress.sub(0.8, 0.95), "admin boundary", [&](size_t k) {
            const auto& P = R->patches[poly_index[k]];
            if (R->admin_check == "land" && P.domain == "sea") return;
            auto& L = locals.local();
            if (!L) {
                L = std::make_unique<LocalAdmin>();
                L->g = geom::clone(A.get());
                L->p = geom::Prepared(L->g.get());
            }
            if (!ag.empty() && L->p.covers(poly_geoms[k])) return;
            geom::Geom d = geom::extract_dim(geom::difference(poly_geoms[k], L->g.get()).get(), 2);
            const double a = geom::is_empty(d.get()) ? 0.0 : geom::area(d.get());
            if (a <= 0) return;
            if (a < R->min_area) {
                small[k] = 1;
                return;
            }
            AuditFault f;
            f.kind = "outside_admin";
            f.fid = P.fid, f.code = P.code;
            f.area = a;
            f.area_ell = ell.area(d.get());
            f.width = mean_width(d.get());
            std::tie(f.x, f.y) = point_on(d.get());
            f.located = true;
            f.message = m2(a) + " (" + ha(a) + ", " + fmt("%.2f", 100.0 * a / P.area) + " % of the patch) lies outside the admin boundary";
            f.detail = {{"patch_share", a / P.area}};
            f.geom = std::move(d);
            per[k] = std::move(f);
        });
        long long nn = 0;
        for (size_t k = 0; k < per.size(); ++k) {
            if (per[k]) found["outside_admin"].push_back(std::move(*per[k]));
            nn += small[k];
        }
        if (nn) R->noise_pieces["outside_admin"] = nn;
    }

    // faults in kind order; blocking per the policy; patches know their faults
    for (const auto& k : audit_fault_kinds())
        for (auto& f : found[k]) {
            f.blocking = R->blocking.count(k) > 0;
            R->faults.push_back(std::move(f));
        }
    std::unordered_multimap<std::string, size_t> by_code;
    for (size_t i = 0; i < n; ++i) by_code.emplace(R->patches[i].code, i);
    for (size_t q = 0; q < R->faults.size(); ++q) {
        auto& f = R->faults[q];
        for (long long fid : {f.fid, f.fid2}) {
            if (fid < 0 || (f.kind == "duplicate_code" && fid == f.fid2)) continue;
            auto it = by_fid.find(fid);
            if (it == by_fid.end()) continue;
            auto& pf = R->patches[it->second].faults;
            if (pf.empty() || pf.back() != q) pf.push_back(q);
        }
        if (f.kind == "gap" || f.kind == "notch")
            for (const auto& c : f.codes) {
                auto [b0, b1] = by_code.equal_range(c);
                for (auto it = b0; it != b1; ++it) {
                    auto& pf = R->patches[it->second].faults;
                    if (pf.empty() || pf.back() != q) pf.push_back(q);
                }
            }
    }
    for (const auto& [k, c] : R->noise_pieces)
        R->notes.push_back(std::to_string(c) + " " + k + " piece(s) smaller than min-area " + fmt("%g", R->min_area) +
                           " m2 were taken as float noise and not reported");

    // totals per county, per function type and overall (faults counted on their first patch)
    for (size_t i = 0; i < n; ++i) {
        const auto& p = R->patches[i];
        for (AuditTotals* t : {&R->by_county[p.county], &R->by_type[p.ftype], &R->overall}) {
            ++t->patches;
            t->area += p.area;
            t->area_ell += p.area_ell;
            t->net_area += p.net_area;
            t->net_area_ell += p.net_area_ell;
            t->declared_ha += p.declared_ha.value_or(0.0);
        }
    }
    for (const auto& f : R->faults) {
        auto it = by_fid.find(f.fid);
        std::vector<AuditTotals*> ts{&R->overall};
        if (it != by_fid.end()) {
            const auto& p = R->patches[it->second];
            ts.push_back(&R->by_county[p.county]);
            ts.push_back(&R->by_type[p.ftype]);
        }
        for (auto* t : ts) {
            ++t->faults;
            if (f.kind == "outside_admin") t->outside += f.area, t->outside_ell += f.area_ell;
        }
    }
    progress.report(1.0, "audited");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
