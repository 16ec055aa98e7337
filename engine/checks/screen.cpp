#include "checks/screen.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <cctype>
#include <cstdint>
#include <limits>

#include "core/error.h"
#include "core/units.h"
#include "io/facts_task.h"
#include "io/crs.h"
#include "io/work_crs.h"

namespace eco::checks {

const OpSpec& screen_spec() {
    using T = ParamSpec::Type;
    static const OpSpec spec{
        "screen",
        "Screen proposed project sites against ecological protection redlines and every constraint layer",
        {
            {"buffers", T::NumberList, nlohmann::json::array({100, 500, 1000}), 0.0, 100000.0, "m",
             "buffer ring distances around each site, ascending"},
            {"tiny-area", T::Number, 1.0, 0.0, 1.0e6, "m2",
             "overlaps smaller than this are flagged as probable edge misalignment"},
            {"tiny-share", T::Number, 1e-4, 0.0, 1.0, "",
             "overlaps smaller than this share of the site are flagged as probable edge misalignment"},
            {"tiny-length", T::Number, 0.01, 0.0, 1.0e5, "m",
             "line lengths inside a feature (line site in a polygon, polygon site over a line) shorter than this are flagged as probable edge misalignment"},
            {"work-crs", T::String, "auto", std::nullopt, std::nullopt, "",
             "working CRS (EPSG:xxxx); auto = CGCS2000 3-degree Gauss-Kruger zone of the data's centre"},
            {"ring-areas", T::String, "auto", std::nullopt, std::nullopt, "",
             "measure the constraint area within each buffer distance: all, none, or auto (all up to 5000 sites: the costliest figure)"},
            {"rules", T::String, nullptr, std::nullopt, std::nullopt, "", "rules file (default: the project's, else layers/rules/screening.json)"},
        }};
    return spec;
}

std::string ConstraintLayer::code(size_t i) const {
    if (i < codes.size()) return codes[i];
    std::string c = binding.code(layer.features[i]);
    return c.empty() ? "fid " + std::to_string(layer.features[i].fid) : c;
}
std::string ConstraintLayer::name(size_t i) const {
    return i < names.size() ? names[i] : binding.value(layer.features[i], "name");
}
std::string ConstraintLayer::type(size_t i) const {
    if (i < types.size()) return types[i];
    return type_field.empty() ? std::string() : binding.value(layer.features[i], type_field);
}

int ScreenResult::layer_index(const std::string& kind) const {
    for (size_t i = 0; i < layers.size(); ++i)
        if (layers[i].kind == kind) return static_cast<int>(i);
    return -1;
}

namespace {

using units::fmt;

bool matches_where(const Rule& r, const ConstraintLayer& L, size_t feature) {
    for (const auto& [field, codes] : r.where) {
        std::string v = L.binding.value(L.layer.features[feature], field);
        if (std::find(codes.begin(), codes.end(), v) == codes.end()) return false;
    }
    return true;
}

std::string describe_feature(const ConstraintLayer& L, size_t i) {
    std::string s = L.code(i);
    std::string n = L.name(i), t = L.type(i);
    if (!n.empty()) s += " " + n;
    if (!t.empty()) s += " (" + t + ")";
    return s;
}

void evaluate_rules(const ScreenResult& R, SiteResult& s, std::set<std::string>* skipped) {
    for (const Rule& r : R.rules.rules) {
        int li = R.layer_index(r.layer);
        if (li < 0) {
            if (skipped) skipped->insert(r.id + " (the project has no '" + r.layer + "' layer)");
            continue;
        }
        if (!r.activity_in.empty()) {
            const auto& list = R.rules.activities.at(r.activity_in);
            if (std::find(list.begin(), list.end(), s.activity) == list.end()) continue;
        }
        if (!r.unless_activity_in.empty()) {
            const auto& list = R.rules.activities.at(r.unless_activity_in);
            if (std::find(list.begin(), list.end(), s.activity) != list.end()) continue;
        }
        const ConstraintLayer& L = R.layers[li];
        const vector::LayerFigures& F = s.per_layer[li];
        FiredRule fr;
        std::string detail;
        if (r.relation == "intersects" || r.relation == "tiny_overlap" || r.relation == "overlap_share_at_least") {
            double share = 0;
            for (const auto& h : F.hits) {
                bool want = r.relation == "tiny_overlap" ? h.tiny : (r.include_tiny || !h.tiny);
                if (!want || !matches_where(r, L, h.feature)) continue;
                fr.features.push_back(h.feature);
                share += h.site_share;
                std::string d = describe_feature(L, h.feature);
                if (h.overlap_m2 > 0 || (s.dim == 2 && L.index->dim(h.feature) == 2))
                    d += ": " + fmt("%.4f ha", units::m2_to_ha(h.overlap_m2)) + " (" + fmt("%.2f", h.overlap_m2) + " m2, " +
                         fmt("%.2f mu", units::m2_to_mu(h.overlap_m2)) + "), " + fmt("%.2f %%", 100.0 * h.site_share) + " of the site";
                else if (h.length_m > 0 || h.crossings > 0)
                    d += ": " + fmt("%.1f m", h.length_m) + " inside, " + std::to_string(h.crossings) + " crossing(s)";
                else if (h.points_inside > 0)
                    d += s.dim == 0 ? ": the site is inside" : ": " + std::to_string(h.points_inside) + " point(s) inside the site";
                detail += (detail.empty() ? "" : "; ") + d;
            }
            if (fr.features.empty()) continue;
            if (r.relation == "overlap_share_at_least" && share < r.share) continue;
        } else if (r.relation == "within") {
            // "near" only when the site touches no qualifying feature of the layer (a site inside
            // one redline is not also reported as near another)
            bool touches = false;
            for (const auto& h : F.hits) touches = touches || matches_where(r, L, h.feature);
            if (touches) continue;
            std::vector<std::pair<double, size_t>> near;
            for (const auto& [i, d] : F.near)
                if (d <= r.distance_m && matches_where(r, L, i)) near.emplace_back(d, i);
            if (near.empty()) continue;
            std::sort(near.begin(), near.end());
            for (const auto& [d, i] : near) fr.features.push_back(i);
            detail = describe_feature(L, near.front().second) + " at " + fmt("%.1f m", near.front().first);
            if (near.size() > 1) detail += " (+" + std::to_string(near.size() - 1) + " more within " + fmt("%.0f m", r.distance_m) + ")";
        }
        fr.rule_id = r.id;
        fr.verdict = r.verdict;
        fr.reason = r.reason;
        fr.reason_zh = r.reason_zh;
        fr.kind = r.layer;
        fr.detail = detail;
        s.fired.push_back(std::move(fr));
    }
    s.verdict = "clear";
    for (const auto& f : s.fired)
        if (verdict_rank(f.verdict) > verdict_rank(s.verdict)) s.verdict = f.verdict;
}

// The attribute values of the features a reader listed in its issues, aligned with L.issues and
// with L.fields (no geometry): repaired features are in the layer, rejected ones carry their values
// in the issue.
std::vector<io::Feature> issue_features(const io::VectorLayer& L) {
    std::vector<io::Feature> out(L.issues.size());
    std::unordered_map<long long, size_t> kept;  // fid -> feature index, for the repaired ones
    if (std::any_of(L.issues.begin(), L.issues.end(), [](const io::FeatureIssue& is) { return is.action == "repaired"; }))
        for (size_t i = 0; i < L.features.size(); ++i) kept.emplace(L.features[i].fid, i);
    for (size_t k = 0; k < L.issues.size(); ++k) {
        const io::FeatureIssue& is = L.issues[k];
        const auto it = is.action == "repaired" ? kept.find(is.fid) : kept.end();
        out[k].fid = is.fid;
        out[k].values = it != kept.end() ? L.features[it->second].values : is.values;
        out[k].values.resize(L.fields.size());
    }
    return out;
}

}  // namespace

uint64_t hilbert_index(uint32_t x, uint32_t y, int bits) {
    uint64_t d = 0;
    for (uint32_t s = 1u << (bits - 1); s > 0; s >>= 1) {
        const uint32_t rx = (x & s) ? 1 : 0, ry = (y & s) ? 1 : 0;
        d += static_cast<uint64_t>(s) * s * ((3 * rx) ^ ry);
        if (ry == 0) {  // rotate the quadrant
            if (rx == 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

std::vector<size_t> spatial_order(const io::VectorLayer& sites) {
    const size_t n = sites.features.size();
    std::vector<std::pair<double, double>> c(n, {0.0, 0.0});
    double minx = std::numeric_limits<double>::infinity(), miny = minx, maxx = -minx, maxy = -minx;
    for (size_t i = 0; i < n; ++i) {
        const GEOSGeometry* g = sites.features[i].geom.get();
        if (!g || geom::is_empty(g)) continue;
        const geom::Box b = geom::bounds(g);
        c[i] = {0.5 * (b.minx + b.maxx), 0.5 * (b.miny + b.maxy)};
        if (!std::isfinite(c[i].first) || !std::isfinite(c[i].second)) {
            c[i] = {0.0, 0.0};
            continue;
        }
        minx = std::min(minx, c[i].first), maxx = std::max(maxx, c[i].first);
        miny = std::min(miny, c[i].second), maxy = std::max(maxy, c[i].second);
    }
    std::vector<std::pair<uint64_t, size_t>> key(n);
    constexpr int kBits = 16;
    const double span = std::max(maxx - minx, maxy - miny);
    const double scale = span > 0 ? ((1u << kBits) - 1) / span : 0.0;
    for (size_t i = 0; i < n; ++i) {
        uint64_t k = 0;
        if (scale > 0) {
            const double fx = std::clamp((c[i].first - minx) * scale, 0.0, double((1u << kBits) - 1));
            const double fy = std::clamp((c[i].second - miny) * scale, 0.0, double((1u << kBits) - 1));
            k = hilbert_index(static_cast<uint32_t>(fx), static_cast<uint32_t>(fy), kBits);
        }
        key[i] = {k, i};
    }
    std::sort(key.begin(), key.end());
    std::vector<size_t> out(n);
    for (size_t i = 0; i < n; ++i) out[i] = key[i].second;
    return out;
}

std::unique_ptr<ScreenResult> run_screen(Project project, const nlohmann::json& given, const Progress& progress) {
    const std::string op = "screen";
    auto t0 = std::chrono::steady_clock::now();
    auto R = std::make_unique<ScreenResult>();
    nlohmann::json g = given.is_null() ? nlohmann::json::object() : given;
    // project settings are defaults; explicit parameters win
    if (!g.contains("buffers") && project.buffers_m) g["buffers"] = *project.buffers_m;
    if (!g.contains("tiny-area") && project.tiny_area_m2) g["tiny-area"] = *project.tiny_area_m2;
    if (!g.contains("tiny-share") && project.tiny_site_share) g["tiny-share"] = *project.tiny_site_share;
    if (!g.contains("work-crs") && !project.work_crs.empty()) g["work-crs"] = project.work_crs;
    if (!g.contains("rules") && !project.rules.empty()) g["rules"] = project.rules;
    R->params = resolve_params(screen_spec(), g);
    R->buffers = R->params["buffers"].get<std::vector<double>>();
    if (!std::is_sorted(R->buffers.begin(), R->buffers.end()) ||
        std::adjacent_find(R->buffers.begin(), R->buffers.end()) != R->buffers.end())
        throw BadInput(op + ": --buffers must be distinct and ascending, e.g. 100,500,1000");
    for (double b : R->buffers)
        if (!(b > 0)) throw BadInput(op + ": --buffers must be distances above 0 m, e.g. 100,500,1000");
    R->tolerance.area_m2 = R->params["tiny-area"].get<double>();
    R->tolerance.site_share = R->params["tiny-share"].get<double>();
    R->tolerance.length_m = R->params["tiny-length"].get<double>();
    const std::string ra = R->params["ring-areas"].get<std::string>();
    if (ra != "auto" && ra != "all" && ra != "none") throw BadInput(op + ": --ring-areas must be auto, all or none, got '" + ra + "'");

    if (!project.sites) throw BadInput(op + ": no site layer: pass --sites FILE[:LAYER] (or name \"sites\" in the project file)");
    if (project.layers.empty()) throw BadInput(op + ": no constraint layer: pass --layer redline=FILE[:LAYER] or a --project file");

    const std::string rules_path = R->params["rules"].is_null() ? default_rules_path() : R->params["rules"].get<std::string>();
    R->rules = load_rules(rules_path, op);

    // working CRS
    progress.report(0.0, "opening layers");
    {
        std::vector<std::pair<io::LayerSource, std::string>> inputs{{*project.sites, "sites"}};
        for (const auto& [kind, src] : project.layers) inputs.emplace_back(src, kind);
        io::WorkCrs w = io::choose_work_crs(R->params["work-crs"].get<std::string>(), inputs, op);
        R->work_crs = std::move(w.srs);
        R->work_crs_label = w.label;
        R->work_epsg = w.epsg;
        if (!w.note.empty()) R->notes.push_back(w.note);
    }
    R->ellipsoidal = std::make_unique<vector::Ellipsoidal>(*R->work_crs);

    io::ReadOptions ro;
    ro.op = op;
    ro.work_crs = R->work_crs.get();
    const size_t nlayers = project.layers.size() + 1;
    size_t step = 0;
    auto sub = [&](double span) {
        double a = 0.3 * static_cast<double>(step) / nlayers;
        ++step;
        return progress.sub(a, a + 0.3 * span / nlayers);
    };
    auto lap = [&, t = std::chrono::steady_clock::now()](const std::string& phase) mutable {
        auto now = std::chrono::steady_clock::now();
        R->timings.emplace_back(phase, std::chrono::duration<double>(now - t).count());
        t = now;
    };
    lap("open");
    R->sites = io::read_vector(*project.sites, "sites", ro, sub(1.0));
    R->site_binding = catalog::Binding(catalog::kind("site", op), R->sites);
    for (const auto& [kind, src] : project.layers) {
        ConstraintLayer L;
        L.kind = kind;
        L.layer = io::read_vector(src, kind, ro, sub(1.0));
        const auto& spec = catalog::kind(kind, op);
        L.binding = catalog::Binding(spec, L.layer);
        for (const auto& f : spec.fields)
            if (f.type == "enum") {
                L.type_field = f.name;
                break;
            }
        R->layers.push_back(std::move(L));
    }
    // a rule that tests a field the layer lacks could never fire: refuse rather than pass silently
    std::string activity_rules;
    for (const Rule& r : R->rules.rules) {
        int li = R->layer_index(r.layer);
        if (li < 0) continue;
        const ConstraintLayer& L = R->layers[li];
        for (const auto& [field, codes] : r.where)
            if (L.binding.index(field) < 0) {
                std::string aliases;
                if (const auto* f = L.binding.spec()->field(field))
                    for (const auto& a : f->aliases) aliases += (aliases.empty() ? "" : ", ") + a;
                throw BadInput(op + ": rule '" + r.id + "' of " + R->rules.file + " tests field '" + field + "' of the " + r.layer +
                               " layer, but '" + L.layer.source.spec + "' has no field named " + field +
                               (aliases.empty() ? "" : " or " + aliases) + "; rename the field or add its name as an alias in layers/kinds/" +
                               r.layer + ".json");
            }
        if ((!r.activity_in.empty() || !r.unless_activity_in.empty()) && R->site_binding.index("activity") < 0)
            activity_rules += (activity_rules.empty() ? "" : ", ") + r.id;
    }
    if (!activity_rules.empty())
        R->notes.push_back("the site layer has no activity field, so every site counts as having no planned activity (rules " +
                           activity_rules + ")");
    // the identifying values of the features repaired or rejected at read time (report rows)
    {
        auto sf = issue_features(R->sites);
        for (const auto& f : sf)
            R->site_issues.push_back({R->site_binding.value(f, "site_id"), R->site_binding.value(f, "name"),
                                      R->site_binding.value(f, "activity")});
        for (auto& L : R->layers)
            for (const auto& f : issue_features(L.layer)) L.issue_codes.push_back(L.binding.code(f));
    }
    lap("read");
    for (auto& L : R->layers) {
        L.index = std::make_unique<vector::ConstraintIndex>(L.layer);
        // the reports name features by code many times over (hits, near lists): look each up once
        std::vector<std::string> codes(L.layer.features.size()), names(codes.size()), types(codes.size());
        tbb::parallel_for(tbb::blocked_range<size_t>(0, codes.size(), 1024), [&](const tbb::blocked_range<size_t>& r) {
            for (size_t i = r.begin(); i != r.end(); ++i) {
                codes[i] = L.code(i);
                names[i] = L.name(i);
                types[i] = L.type(i);
            }
        });
        L.codes = std::move(codes);
        L.names = std::move(names);
        L.types = std::move(types);
        if (L.layer.crs_assumed) R->notes.push_back("layer " + L.kind + " has no CRS; assumed " + L.layer.crs_label);
    }
    if (R->sites.crs_assumed) R->notes.push_back("the site layer has no CRS; assumed " + R->sites.crs_label);
    if (project.sites->from_gcj02) R->notes.push_back("site coordinates converted from GCJ-02 to WGS84 before projection");
    R->project = std::move(project);
    // the input files' sizes and hashes (the run record) are read by a second thread while the
    // sites are screened: hashing ~200 MB is otherwise a serial second at the end
    // a shapefile is several files: the .dbf holds the fields the rules test
    std::vector<std::string> input_paths;
    auto add_input = [&](const std::string& path) {
        std::vector<std::string> files{path};
        if (path.size() > 4 && (path.substr(path.size() - 4) == ".shp" || path.substr(path.size() - 4) == ".SHP"))
            for (const char* ext : {".shx", ".dbf", ".prj", ".cpg"}) {
                std::string side = path.substr(0, path.size() - 4) + ext;
                if (std::filesystem::exists(side)) files.push_back(side);
            }
        for (const auto& f : files)
            if (std::find(input_paths.begin(), input_paths.end(), f) == input_paths.end()) input_paths.push_back(f);
    };
    add_input(R->project.sites->path);
    for (const auto& [k, src] : R->project.layers) add_input(src.path);
    input_paths.push_back(R->rules.file);
    io::FactsTask facts(input_paths);  // hashed beside the screening

    // per layer: look as far as the farthest "within" rule of that layer, beyond the buffers
    std::vector<vector::Tolerance> layer_tol(R->layers.size(), R->tolerance);
    for (const Rule& r : R->rules.rules)
        if (int li = R->layer_index(r.layer); li >= 0 && r.relation == "within")
            layer_tol[li].reach_m = std::max(layer_tol[li].reach_m, r.distance_m);
    // values a rule tests but the catalog does not know can never match: say which
    for (const Rule& r : R->rules.rules) {
        int li = R->layer_index(r.layer);
        if (li < 0) continue;
        const ConstraintLayer& L = R->layers[li];
        for (const auto& [field, codes] : r.where) {
            size_t unknown = 0;
            std::string example;
            for (const auto& f : L.layer.features) {
                bool known = true;
                std::string v = L.binding.value(f, field, &known);
                if (!known && !v.empty()) {
                    if (unknown++ == 0) example = "'" + v + "' (fid " + std::to_string(f.fid) + ")";
                }
            }
            if (unknown)
                R->notes.push_back("layer " + L.kind + ": " + std::to_string(unknown) + " features have a " + field +
                                   " the catalog does not know, e.g. " + example + "; rule " + r.id +
                                   " cannot match them: correct the values or add them as aliases in layers/kinds/" + L.kind + ".json");
        }
    }
    lap("index");
    // per site, in parallel; results depend only on the input
    const size_t n = R->sites.features.size();
    const bool ring_areas = ra == "all" || (ra == "auto" && n <= 5000);
    if (!ring_areas && !R->buffers.empty())
        R->notes.push_back(std::to_string(n) + " sites: areas within the buffer distances not measured (--ring-areas " + ra +
                           "); counts are. Pass --ring-areas all to measure them");
    R->results.resize(n);
    std::set<std::string> skipped;
    const Progress work = progress.sub(0.3, 1.0);
    // sites are visited along a Hilbert curve over their box centres: neighbouring sites share
    // their candidate features, which then stay in the CPU caches (in file order each site fetches
    // its features' coordinates from memory again). Each result goes to its own slot, so the
    // order changes no output.
    const std::vector<size_t> order = spatial_order(R->sites);
    // blocks run in parallel; progress is reported from this thread between blocks
    const size_t block = std::max<size_t>(256, n / 50 + 1);
    for (size_t b0 = 0; b0 < n; b0 += block) {
        const size_t b1 = std::min(n, b0 + block);
        tbb::parallel_for(tbb::blocked_range<size_t>(b0, b1, 8), [&](const tbb::blocked_range<size_t>& range) {
            for (size_t oi = range.begin(); oi != range.end(); ++oi) {
                const size_t i = order[oi];
                const io::Feature& f = R->sites.features[i];
                SiteResult& s = R->results[i];
                s.index = i;
                s.site_id = R->site_binding.value(f, "site_id");
                if (s.site_id.empty()) s.site_id = std::to_string(f.fid);
                s.name = R->site_binding.value(f, "name");
                s.activity = R->site_binding.value(f, "activity");
                const GEOSGeometry* g = f.geom.get();
                const ConstraintLayer* against = nullptr;  // for the message of a failure
                try {
                    s.dim = geom::dimension(g);
                    if (s.dim == 2) {
                        s.area_m2 = geom::area(g);
                        s.area_ell_m2 = R->ellipsoidal->area(g);
                    } else if (s.dim == 1) {
                        s.length_m = geom::length(g);
                        s.length_ell_m = R->ellipsoidal->length(g);
                    }
                    // point sites measure ring areas on exact discs: no buffer polygons needed
                    auto bufs = (!ring_areas || GEOSGeomTypeId_r(geom::ctx(), g) == GEOS_POINT)
                                    ? std::vector<geom::Geom>(R->buffers.size())
                                    : vector::site_buffers(g, R->buffers);
                    s.per_layer.reserve(R->layers.size());
                    for (const auto& L : R->layers) {
                        against = &L;
                        s.per_layer.push_back(vector::screen_site(g, R->buffers, bufs, *L.index, layer_tol[&L - R->layers.data()],
                                                                  *R->ellipsoidal, ring_areas));
                        s.n_hits += static_cast<int>(s.per_layer.back().hits.size());
                        s.tiny_overlaps += s.per_layer.back().tiny_hits();
                    }
                } catch (const Cancelled&) {
                    throw;
                } catch (const std::exception& e) {
                    // name the file, the layer, the site and the operation (the geometry message says which)
                    throw Failure(op + ": site '" + s.site_id + "' (fid " + std::to_string(f.fid) + ") of the site layer '" +
                                  R->sites.source.spec + "'" +
                                  (against ? " against the " + against->kind + " layer '" + against->layer.source.spec + "'" : std::string()) +
                                  ": " + e.what() + "; check that site with `ecoshield layers check " + R->sites.source.spec +
                                  " --kind site`, fix or remove it, and run again");
                }
                evaluate_rules(*R, s, nullptr);
            }
        });
        work.report(static_cast<double>(b1) / static_cast<double>(n), "screening sites");
    }
    // notes of skipped rules (computed once, independent of the threads)
    if (n > 0) {
        SiteResult probe;
        probe.per_layer.resize(R->layers.size());
        evaluate_rules(*R, probe, &skipped);
        for (const auto& s : skipped) R->notes.push_back("rule " + s + " was not applied");
    }
    work.report(1.0, "screening done");
    lap("screen");
    R->inputs = facts.get();
    R->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return R;
}

}  // namespace eco::checks
