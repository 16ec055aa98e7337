#include "checks/redline_diff.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "core/units.h"
#include "io/crs.h"
#include "io/facts_task.h"

namespace eco::checks {

const OpSpec& redline_diff_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "redline diff",
        "What changed between two versions of the redline layer: added, removed, unchanged area per county and function type, "
        "and the indicator 'redline area not decreased'",
        {
            {"tolerance", T::Number, 1.0, 0.0, 1000.0, "m",
             "change polygons (or parts of them) narrower than this are edge adjustments, not change (0: every difference is change)"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
        }};
    return spec;
}

void DiffFigures::count(const std::string& change, double a, double ae) {
    if (change == "added") added += a, added_ell += ae;
    else if (change == "removed") removed += a, removed_ell += ae;
    else if (change == "edge_added") edge_added += a, edge_added_ell += ae;
    else edge_removed += a, edge_removed_ell += ae;
}

bool DiffFigures::not_decreased() const {
    // exact zero for identical layers; a float residue of the overlays is not a decrease
    return change() >= -1e-9 * std::max(1.0, old_area);
}

namespace {

const std::string op = "redline diff";

using units::fmt;

geom::Geom poly(geom::Geom g) { return geom::extract_dim(g.get(), 2); }

geom::Geom mitre_buffer(const GEOSGeometry* g, double d) {
    return geom::own(GEOSBufferWithStyle_r(geom::ctx(), g, d, 8, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 10.0), "buffer");
}

template <class F>
void for_blocks(size_t n, const Progress& progress, const char* msg, F&& f) {
    const size_t block = std::max<size_t>(256, n / 50 + 1);
    for (size_t b0 = 0; b0 < n; b0 += block) {
        const size_t b1 = std::min(n, b0 + block);
        tbb::parallel_for(tbb::blocked_range<size_t>(b0, b1, 4), [&](const tbb::blocked_range<size_t>& r) {
            for (size_t i = r.begin(); i != r.end(); ++i) f(i);
        });
        progress.report(static_cast<double>(b1) / static_cast<double>(n), msg);
    }
}

std::string or_none(std::string s) { return s.empty() ? "(none)" : s; }

// `other`: a version read before; a patch identical to one of its patches takes that one's
// ellipsoidal area instead of measuring it again (most patches, between two versions).
// V.layer already read (run_redline_diff); its patches' fields and flattened geometries.
void prepare_version(DiffVersion& V, const vector::Ellipsoidal& ell, const Progress& p, const DiffVersion* other = nullptr) {
    for (const auto& f : V.layer.features)
        if (geom::dimension(f.geom.get()) != 2)
            throw BadInput(op + ": the " + V.role + " redline layer '" + V.layer.display() + "' has a non-polygon feature (fid " +
                           std::to_string(f.fid) + "); redline patches are polygons");
    V.binding = catalog::Binding(catalog::kind("redline", op), V.layer);
    const size_t n = V.layer.features.size();
    V.code.resize(n);
    V.county.resize(n);
    V.ftype.resize(n);
    const bool has_county = V.binding.index("county") >= 0;
    for (size_t i = 0; i < n; ++i) {
        const auto& f = V.layer.features[i];
        V.code[i] = V.binding.code(f);
        if (V.code[i].empty()) V.code[i] = "fid " + std::to_string(f.fid);
        V.county[i] = or_none(V.binding.value(f, has_county ? "county" : "county_code"));
        V.ftype[i] = or_none(V.binding.value(f, "function_type"));
    }
    std::vector<const GEOSGeometry*> g;
    for (const auto& f : V.layer.features) g.push_back(f.geom.get());
    if (!other) {
        V.flat = vector::flatten(g, ell, p.sub(0.5, 1.0));
        return;
    }
    geom::STRtree tree;
    for (size_t j = 0; j < other->layer.features.size(); ++j) tree.insert(other->layer.features[j].geom.get(), j);
    tree.build();
    auto known = [&](size_t i, double& area_ell) {
        for (size_t j : tree.query(g[i]))
            if (GEOSEqualsExact_r(geom::ctx(), g[i], other->layer.features[j].geom.get(), 0.0) == 1) {
                area_ell = other->flat[j].raw_area_ell;
                return true;
            }
        return false;
    };
    V.flat = vector::flatten(g, ell, p.sub(0.5, 1.0), known);
}

// Counties from an admin layer: its flattened units, indexed, prepared once per worker thread.
class AdminUnits {
public:
    AdminUnits(const io::VectorLayer& layer, const vector::Ellipsoidal& ell, const Progress& p) : ell_(ell) {
        const auto& spec = catalog::kind("admin", op);
        catalog::Binding bind(spec, layer);
        if (bind.index("name") < 0) {
            std::string fields;
            for (const auto& f : layer.fields) fields += (fields.empty() ? "" : ", ") + f.name;
            throw BadInput(op + ": the admin layer '" + layer.display() + "' has no name field (name, XZQMC, XZQHMC or NAME_ZH); its fields are: " +
                           fields);
        }
        std::vector<const GEOSGeometry*> g;
        for (const auto& f : layer.features) {
            if (geom::dimension(f.geom.get()) != 2)
                throw BadInput(op + ": the admin layer '" + layer.display() + "' has a non-polygon feature (fid " + std::to_string(f.fid) +
                               "); admin units are polygons");
            g.push_back(f.geom.get());
            std::string n = bind.value(f, "name");
            if (n.empty()) n = "fid " + std::to_string(f.fid);
            name_.push_back(n);
        }
        flat_ = vector::flatten(g, ell, p);
        index_ = std::make_unique<vector::FlatIndex>(flat_);
    }
    struct Part {
        std::string county;
        geom::Geom geom;
        double area = 0, area_ell = 0;
    };
    // g (of area a, ellipsoidal ae) cut by the units (vector::FlatIndex::cut); the part outside them
    // is kUncovered. keep_geom false: areas only.
    std::vector<Part> split(const GEOSGeometry* g, double a, double ae, bool keep_geom = true) const {
        std::vector<Part> out;
        for (auto& x : index_->cut(g, a, ae, ell_, keep_geom))
            out.push_back({x.j == vector::kNone ? kUncovered : name_[x.j], std::move(x.geom), x.area, x.area_ell});
        return out;
    }
    size_t size() const { return flat_.size(); }

private:
    const vector::Ellipsoidal& ell_;
    std::vector<std::string> name_;
    std::vector<vector::FlatFeature> flat_;
    std::unique_ptr<vector::FlatIndex> index_;
};

}  // namespace


std::pair<geom::Geom, geom::Geom> split_by_width(const GEOSGeometry* g, double tolerance) {
    if (tolerance <= 0 || geom::is_empty(g)) return {geom::clone(g), geom::from_wkt("MULTIPOLYGON EMPTY")};
    geom::Geom eroded = mitre_buffer(g, -0.5 * tolerance);
    if (geom::is_empty(eroded.get())) return {geom::from_wkt("MULTIPOLYGON EMPTY"), geom::clone(g)};
    geom::Geom opened = mitre_buffer(eroded.get(), 0.5 * tolerance);
    // The opening lies in g. When it has g's area, nothing of g is thin, and the overlays below
    // would only cut float noise off g's boundary (slivers of 1e-6 m2 and less): g is all core.
    const double a = geom::area(g);
    if (std::abs(a - geom::area(opened.get())) <= vector::overlay_noise(a)) return {geom::clone(g), geom::from_wkt("MULTIPOLYGON EMPTY")};
    geom::Geom core = poly(geom::intersection(g, opened.get()));
    geom::Geom thin = poly(geom::difference(g, core.get()));
    if (geom::is_empty(thin.get()) || geom::area(thin.get()) <= vector::overlay_noise(a)) return {geom::clone(g), geom::from_wkt("MULTIPOLYGON EMPTY")};
    return {std::move(core), std::move(thin)};
}

std::unique_ptr<RedlineDiffResult> run_redline_diff(const io::LayerSource& old_src, const io::LayerSource& new_src,
                                                    const nlohmann::json& given, const Progress& progress,
                                                    const std::optional<io::LayerSource>& admin_src) {
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<RedlineDiffResult>();
    R->params = resolve_params(redline_diff_spec(), given.is_null() ? nlohmann::json::object() : given);
    R->tolerance = R->params["tolerance"].get<double>();
    R->old_v.role = "old";
    R->new_v.role = "new";

    progress.report(0.0, "opening layers");
    choose_frame(*R, R->params["work-crs"].get<std::string>(), {{old_src, "old"}, {new_src, "new"}}, op);
    const auto& ell = *R->ellipsoidal;

    io::ReadOptions ro;
    ro.op = op;
    ro.work_crs = R->work_crs.get();
    // the two versions are read at the same time (GDAL's sequential part of one overlaps the other);
    // the new one on a task without progress reports (worker threads report none); the old one's
    // error, if any, is the one reported, as when they were read in turn
    {
        tbb::task_group tg;
        tg.run([&] { R->new_v.layer = io::read_vector(new_src, R->new_v.role, ro, Progress{}); });
        try {
            R->old_v.layer = io::read_vector(old_src, R->old_v.role, ro, progress.sub(0.0, 0.3));
        } catch (...) {
            tg.cancel();
            try {
                tg.wait();
            } catch (...) {
            }
            throw;
        }
        tg.wait();
    }
    prepare_version(R->old_v, ell, progress.sub(0.3, 0.35));
    prepare_version(R->new_v, ell, progress.sub(0.35, 0.4), &R->old_v);
    std::unique_ptr<AdminUnits> units;
    if (admin_src) {
        R->admin = io::read_vector(*admin_src, "admin", ro, progress.sub(0.4, 0.42));
        units = std::make_unique<AdminUnits>(*R->admin, ell, progress.sub(0.42, 0.45));
        R->county_source = "admin layer " + R->admin->source.spec;
        if (R->admin->crs_label != R->work_crs_label)
            R->notes.push_back("the admin layer was reprojected from " + R->admin->crs_label + " to the working CRS");
        R->notes.push_back("counties from the admin layer " + R->admin->source.spec + " (" + std::to_string(units->size()) +
                           " units), not from the patches' county field; the area no unit covers is the row '" + kUncovered + "'");
    } else {
        // the per-county figures pair the two versions' county values: both must come from the
        // same field, or every county would look lost in one version and gained in the other
        auto county_field = [](const DiffVersion& V) -> std::string {
            return V.binding.index("county") >= 0 ? "county" : V.binding.index("county_code") >= 0 ? "county_code" : "";
        };
        const std::string fo = county_field(R->old_v), fn = county_field(R->new_v);
        if (fo != fn) {
            const DiffVersion& lacking = fo.empty() || (fn == "county" && fo == "county_code") ? R->old_v : R->new_v;
            const std::string other = &lacking == &R->old_v ? fn : fo;
            throw BadInput(op + ": the " + lacking.role + " redline layer '" + lacking.layer.display() + "' has no " +
                           (other == "county" ? "county name field (XZQMC...)" : "county code field (XZQDM...)") +
                           " while the other version has one, so the per-county "
                           "figures cannot be paired; add the field, or pass --admin FILE[:LAYER] to take counties from admin polygons");
        }
        if (fo.empty())
            R->notes.push_back("neither version has a county field (XZQMC or XZQDM): every patch is in county '(none)'; "
                               "pass --admin FILE[:LAYER] for per-county figures");
        R->county_source = "field " + (fo.empty() ? std::string("county_code") : fo);
    }
    for (DiffVersion* V : {&R->old_v, &R->new_v}) {
        if (V->layer.crs_assumed) R->notes.push_back("the " + V->role + " layer has no CRS; assumed " + V->layer.crs_label);
        if (V->layer.crs_label != R->work_crs_label)
            R->notes.push_back("the " + V->role + " layer was reprojected from " + V->layer.crs_label + " to the working CRS");
        double ov = 0;
        for (const auto& F : V->flat) ov += F.overlap_area;
        if (ov > 0)
            R->notes.push_back("the " + V->role + " layer has overlapping patches: " + fmt("%.6g", ov) +
                               " m2 (planar) counted once, for the patch read first");
    }
    std::vector<std::string> paths;  // the run record's inputs, hashed while the overlays run
    if (R->admin) paths.push_back(R->admin->source.path);
    paths.push_back(R->old_v.layer.source.path);
    paths.push_back(R->new_v.layer.source.path);
    io::FactsTask facts(paths);
    if (R->old_v.layer.crs_label != R->new_v.layer.crs_label)
        R->notes.push_back("the two versions are in different CRSs (" + R->old_v.layer.crs_label + ", " + R->new_v.layer.crs_label +
                           "): both were reprojected to the working CRS");

    // change polygons: each patch of one version minus the union of the other
    auto changes = [&](const DiffVersion& V, const DiffVersion& W, bool from_new, std::vector<double>* unchanged,
                       std::vector<double>* unchanged_ell, const Progress& p) {
        geom::STRtree tree;
        for (size_t j = 0; j < W.flat.size(); ++j)
            if (!geom::is_empty(W.flat[j].shape)) tree.insert(W.flat[j].shape, j);
        tree.build();
        std::vector<std::vector<ChangePiece>> per(V.flat.size());
        for_blocks(V.flat.size(), p, from_new ? "added area" : "removed area", [&](size_t i) {
            const GEOSGeometry* g = V.flat[i].shape;
            if (geom::is_empty(g)) return;
            // the same polygon in the other version (most patches, between two versions): no change,
            // no overlay; otherwise g minus the union of the patches it meets
            const auto cand = tree.query(g);
            bool same = false;
            for (size_t j : cand) same = same || GEOSEqualsExact_r(geom::ctx(), g, W.flat[j].shape, 0.0) == 1;
            if (same) {
                if (unchanged) {
                    (*unchanged)[i] = V.flat[i].area;
                    (*unchanged_ell)[i] = V.flat[i].area_ell;
                }
                return;
            }
            geom::Prepared pg(g);
            std::vector<const GEOSGeometry*> hit;
            for (size_t j : cand)
                if (pg.intersects(W.flat[j].shape)) hit.push_back(W.flat[j].shape);
            geom::Geom diff = vector::minus_union(g, hit);
            double a = geom::is_empty(diff.get()) ? 0.0 : geom::area(diff.get());
            double ae = a > 0 ? ell.area(diff.get()) : 0.0;
            if (unchanged) {
                (*unchanged)[i] = V.flat[i].area - a;
                (*unchanged_ell)[i] = V.flat[i].area_ell - ae;
            }
            if (a <= 0) return;
            // a patch with nothing of the other version within the tolerance is added or removed
            // whole: no boundary moved there, so no part of it is an edge adjustment, however narrow
            bool whole = hit.empty();
            if (whole && R->tolerance > 0) {
                const geom::Box b = geom::bounds(g);
                const double t = R->tolerance;
                for (size_t j : tree.query_box(b.minx - t, b.miny - t, b.maxx + t, b.maxy + t))
                    if (pg.dwithin(W.flat[j].shape, t)) {
                        whole = false;
                        break;
                    }
            }
            auto [core, thin] = whole ? std::pair<geom::Geom, geom::Geom>{std::move(diff), geom::Geom{}}
                                      : split_by_width(diff.get(), R->tolerance);
            const std::string kind = from_new ? "added" : "removed";
            const double ta = (!thin || geom::is_empty(thin.get())) ? 0.0 : geom::area(thin.get());
            auto piece = [&](geom::Geom& part, bool edge, double pa, double pae) {
                ChangePiece c;
                c.change = edge ? "edge_" + kind : kind;
                c.from_new = from_new;
                c.patch = i;
                c.area = pa;
                c.area_ell = pae;
                c.geom = std::move(part);
                per[i].push_back(std::move(c));
            };
            if (ta <= 0) {
                piece(core, false, a, ae);
            } else if (geom::is_empty(core.get()) || geom::area(core.get()) <= 0) {
                piece(thin, true, a, ae);
            } else {
                // the two parts partition the change: the core is a minus the thin part (the
                // overlay's rounding goes to it), and only the smaller part is measured on the
                // ellipsoid, the other being ae minus it (one geodesic sum instead of two)
                const double ca = a - ta;
                double te, ce;
                if (ta <= ca) te = ell.area(thin.get()), ce = ae - te;
                else ce = ell.area(core.get()), te = ae - ce;
                piece(core, false, ca, ce);
                piece(thin, true, ta, te);
            }
        });
        for (auto& v : per)
            for (auto& c : v) R->pieces.push_back(std::move(c));
    };
    std::vector<double> unch(R->old_v.flat.size()), unch_ell(R->old_v.flat.size());
    changes(R->old_v, R->new_v, false, &unch, &unch_ell, progress.sub(0.45, 0.7));
    changes(R->new_v, R->old_v, true, nullptr, nullptr, progress.sub(0.7, 0.9));
    for (auto& c : R->pieces) c.county = (c.from_new ? R->new_v : R->old_v).county[c.patch];

    // figures per function type and overall (and per county from the county field) from the change
    // pieces as computed; with admin units, per county from the pieces cut by the units (below)
    const bool by_field = !units;
    auto add = [&](const std::string& county, const std::string& type, auto&& fn) {
        if (by_field) fn(R->by_county[county]);
        fn(R->by_type[type]);
        fn(R->overall);
    };
    for (const auto& c : R->pieces) {
        const DiffVersion& V = c.from_new ? R->new_v : R->old_v;
        add(V.county[c.patch], V.ftype[c.patch], [&](DiffFigures& d) { d.count(c.change, c.area, c.area_ell); });
    }
    for (size_t i = 0; i < R->old_v.flat.size(); ++i) {
        const auto& F = R->old_v.flat[i];
        add(R->old_v.county[i], R->old_v.ftype[i], [&](DiffFigures& d) {
            d.old_area += F.area;
            d.old_ell += F.area_ell;
            d.unchanged += unch[i];
            d.unchanged_ell += unch_ell[i];
        });
    }
    for (size_t i = 0; i < R->new_v.flat.size(); ++i) {
        const auto& F = R->new_v.flat[i];
        add(R->new_v.county[i], R->new_v.ftype[i], [&](DiffFigures& d) {
            d.new_area += F.area;
            d.new_ell += F.area_ell;
        });
    }
    if (units) {
        // old and new area per unit, then the change pieces cut by the units
        for (DiffVersion* V : {&R->old_v, &R->new_v}) {
            std::vector<std::vector<AdminUnits::Part>> parts(V->flat.size());
            for_blocks(V->flat.size(), progress.sub(V == &R->old_v ? 0.9 : 0.93, V == &R->old_v ? 0.93 : 0.96), "counties from the admin layer",
                       [&](size_t i) { parts[i] = units->split(V->flat[i].shape, V->flat[i].area, V->flat[i].area_ell, false); });
            for (const auto& ps : parts)
                for (const auto& p : ps) {
                    DiffFigures& d = R->by_county[p.county];
                    (V == &R->old_v ? d.old_area : d.new_area) += p.area;
                    (V == &R->old_v ? d.old_ell : d.new_ell) += p.area_ell;
                }
        }
        std::vector<std::vector<AdminUnits::Part>> parts(R->pieces.size());
        for_blocks(R->pieces.size(), progress.sub(0.96, 0.99), "change polygons by county",
                   [&](size_t i) { parts[i] = units->split(R->pieces[i].geom.get(), R->pieces[i].area, R->pieces[i].area_ell); });
        std::vector<ChangePiece> cut;
        for (size_t i = 0; i < R->pieces.size(); ++i)
            for (auto& p : parts[i]) {
                ChangePiece c;
                c.change = R->pieces[i].change;
                c.from_new = R->pieces[i].from_new;
                c.patch = R->pieces[i].patch;
                c.county = p.county;
                c.geom = std::move(p.geom);
                c.area = p.area;
                c.area_ell = p.area_ell;
                R->by_county[c.county].count(c.change, c.area, c.area_ell);
                cut.push_back(std::move(c));
            }
        // unchanged = old - removed - edge removed, as per patch
        for (auto& [k, d] : R->by_county) {
            d.unchanged = d.old_area - d.removed - d.edge_removed;
            d.unchanged_ell = d.old_ell - d.removed_ell - d.edge_removed_ell;
        }
        R->pieces = std::move(cut);  // the list keeps the cut pieces
    }
    R->inputs = facts.get();
    progress.report(1.0, "compared");
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
