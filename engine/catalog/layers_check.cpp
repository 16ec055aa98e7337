#include "catalog/layers_check.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "catalog/catalog.h"
#include "core/error.h"
#include "core/units.h"
#include "io/crs.h"
#include "vector/area.h"

namespace eco::catalog {

namespace {

const char* const kOp = "layers check";

// Order of checks within one feature (and of the summary).
const std::vector<std::string>& check_order() {
    static const std::vector<std::string> o = {"missing_field", "unmatched_field", "geometry_type", "invalid_geometry",
                                               "required_value", "enum", "value_type", "duplicate", "area"};
    return o;
}

int check_rank(const std::string& c) {
    const auto& o = check_order();
    auto it = std::find(o.begin(), o.end(), c);
    return static_cast<int>(it - o.begin());
}

std::string fmt(double v, int decimals) { return units::format_fixed(v, decimals); }

// "1", "0.5", "12.5": a percentage without trailing zeros.
std::string pct_text(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", p);
    return buf;
}

std::string field_label(const FieldSpec& fs, const std::string& source_name) {
    if (source_name.empty() || source_name == fs.name) return fs.name;
    return fs.name + " (" + source_name + ")";
}

std::string allowed_values(const FieldSpec& fs) {
    std::string s;
    for (size_t i = 0; i < fs.values.size(); ++i) {
        s += (i ? ", " : "") + fs.values[i].code;
        if (!fs.values[i].zh.empty()) s += " " + fs.values[i].zh;
    }
    return s;
}

std::string expected_names(const FieldSpec& fs) {
    std::string s = fs.name;
    for (const auto& a : fs.aliases) s += ", " + a;
    return s;
}

bool geometry_allowed(const KindSpec& spec, const std::string& type) {
    return std::find(spec.geometry.begin(), spec.geometry.end(), type) != spec.geometry.end();
}

std::string geometry_list(const KindSpec& spec) {
    std::string s;
    for (size_t i = 0; i < spec.geometry.size(); ++i) s += (i ? ", " : "") + spec.geometry[i];
    return s;
}

io::Srs working_crs(const io::LayerSource& src, const CheckOptions& opt) {
    if (!opt.work_crs.empty() && opt.work_crs != "auto") {
        io::Srs s = io::srs_from_user(opt.work_crs, kOp, "--work-crs");
        if (!s->IsProjected())
            throw BadInput(std::string(kOp) + ": --work-crs '" + opt.work_crs +
                           "' is not a projected CRS; give a metric one such as EPSG:4549 (CGCS2000 GK CM 120E), or auto");
        return s;
    }
    io::LayerProbe p = io::probe_vector(src, "input", kOp);
    // An empty layer has no centre; any zone does then (nothing is measured).
    double lon = p.lonlat.empty ? 120.0 : 0.5 * (p.lonlat.minx + p.lonlat.maxx);
    return io::srs_from_user("EPSG:" + std::to_string(io::gk3_cm_epsg(lon)), kOp, "working CRS");
}

}  // namespace

const OpSpec& layers_check_spec() {
    static const OpSpec spec = [] {
        OpSpec s;
        s.name = kOp;
        s.help = "Validate a dataset against the schema of a layer kind and list every problem with its feature id";
        ParamSpec tol;
        tol.name = "area-tolerance";
        tol.type = ParamSpec::Type::Number;
        tol.min = 0.0;
        tol.max = 100.0;
        tol.unit = "%";
        tol.help = "largest accepted difference between the area field and the ellipsoidal area of the geometry, "
                   "relative to the latter (default: the schema's area_check, 1 % for redlines)";
        s.params.push_back(tol);
        ParamSpec crs;
        crs.name = "work-crs";
        crs.type = ParamSpec::Type::String;
        crs.default_value = "auto";
        crs.help = "working CRS for the geometry checks (auto: CGCS2000 3-degree Gauss-Kruger zone of the data's centre)";
        s.params.push_back(crs);
        ParamSpec dens;
        dens.name = "densify";
        dens.type = ParamSpec::Type::Number;
        dens.default_value = 100.0;
        dens.min = 1.0;
        dens.max = 100000.0;
        dens.unit = "m";
        dens.help = "longest edge before the ellipsoidal area is measured (edges are split to this length)";
        s.params.push_back(dens);
        return s;
    }();
    return spec;
}

CheckOptions check_options(const nlohmann::json& params) {
    CheckOptions o;
    if (params.contains("work-crs") && params["work-crs"].is_string()) o.work_crs = params["work-crs"].get<std::string>();
    if (params.contains("area-tolerance") && params["area-tolerance"].is_number())
        o.area_tolerance_rel = params["area-tolerance"].get<double>() / 100.0;
    if (params.contains("densify") && params["densify"].is_number()) o.densify_m = params["densify"].get<double>();
    return o;
}

CheckResult check_layer(const io::LayerSource& src, const std::string& kind_name, const CheckOptions& opt,
                        const Progress& progress) {
    const KindSpec& spec = kind(kind_name, kOp);
    io::Srs work = working_crs(src, opt);
    io::ReadOptions ro;
    ro.op = kOp;
    ro.work_crs = work.get();
    ro.allow_empty = true;
    io::VectorLayer layer = io::read_vector(src, spec.kind, ro, progress.sub(0.0, 0.6));
    CheckResult r = check_features(layer, spec.kind, *work, opt, progress.sub(0.6, 1.0));
    r.input = io::file_facts(src.path);
    return r;
}

CheckResult check_features(const io::VectorLayer& layer, const std::string& kind_name, const OGRSpatialReference& work,
                           const CheckOptions& opt, const Progress& progress) {
    const KindSpec& spec = kind(kind_name, kOp);
    const io::LayerSource& src = layer.source;
    CheckResult r;
    r.kind = spec.kind;
    r.source = src.spec;
    r.schema_file = spec.file;
    {
        nlohmann::json p = nlohmann::json::object();
        p["work-crs"] = opt.work_crs;
        p["area-tolerance"] = opt.area_tolerance_rel ? nlohmann::json(*opt.area_tolerance_rel * 100.0) : nlohmann::json(nullptr);
        p["densify"] = opt.densify_m;
        p["encoding"] = src.encoding;
        p["assume-crs"] = src.assume_crs;
        p["from-gcj02"] = src.from_gcj02;
        r.params = p;
    }

    r.work_crs_label = io::srs_label(work);
    const auto work_epsg = io::srs_epsg(work);
    const std::string work_short = work_epsg ? "EPSG:" + std::to_string(*work_epsg) : r.work_crs_label;
    r.layer_name = layer.layer_name;
    r.crs_label = layer.crs_label;
    r.crs_assumed = layer.crs_assumed;
    r.n_features = layer.n_read;

    Binding b(spec, layer);
    for (const auto& [canon, idx] : b.bound()) r.bound.emplace_back(canon, layer.fields[static_cast<size_t>(idx)].name);

    std::vector<CheckProblem> probs;
    auto add = [&](long long fid, std::string code, const char* severity, const char* check, std::string msg,
                   nlohmann::json detail = nlohmann::json::object()) {
        probs.push_back(CheckProblem{fid, std::move(code), severity, check, std::move(msg), std::move(detail)});
    };

    // 1. the layer's fields
    bool missing_required = false;
    for (const auto& fs : spec.fields) {
        if (b.index(fs.name) >= 0 || !fs.required) continue;
        missing_required = true;
        add(-1, "", "error", "missing_field",
            "required field '" + fs.name + "'" + (fs.label_zh.empty() ? "" : " (" + fs.label_zh + ")") +
                " not found; name a field " + expected_names(fs) + " (case-insensitive), or add the dataset's name as an alias in " +
                spec.file,
            {{"field", fs.name}, {"expected", [&] {
                  std::vector<std::string> v{fs.name};
                  v.insert(v.end(), fs.aliases.begin(), fs.aliases.end());
                  return v;
              }()}});
    }
    {
        std::vector<char> used(layer.fields.size(), 0);
        for (const auto& [canon, idx] : b.bound()) used[static_cast<size_t>(idx)] = 1;
        for (size_t k = 0; k < layer.fields.size(); ++k) {
            if (used[k]) continue;
            add(-1, "", "info", "unmatched_field",
                "field '" + layer.fields[k].name + "' matches no field of kind " + spec.kind + "; it is ignored",
                {{"field", layer.fields[k].name}});
        }
    }

    // 2. geometry validity. The reader validates (and repairs) in the working CRS; a feature that
    // is valid as stored can turn invalid when transformed (tiny self-intersections far from the
    // central meridian), so when the layer was transformed, it is read once more as stored and
    // the report says which of the two it is.
    std::unordered_map<long long, const io::FeatureIssue*> work_issue;
    for (const auto& is : layer.issues) work_issue.emplace(is.fid, &is);
    std::unordered_map<long long, std::string> stored_invalid;  // fid -> GEOS reason as stored
    const bool transformed = src.from_gcj02 || layer.crs_label != r.work_crs_label;
    if (transformed) {
        io::ReadOptions as_stored;
        as_stored.op = kOp;
        as_stored.allow_empty = true;
        io::VectorLayer stored = io::read_vector(src, spec.kind, as_stored, progress.sub(0.0, 0.5));
        for (const auto& is : stored.issues) stored_invalid.emplace(is.fid, is.reason);
    }
    const std::string src_short = layer.crs_label.substr(0, layer.crs_label.find(' '));
    auto validity_problem = [&](long long fid, const std::string& code) {
        auto w = work_issue.find(fid);
        auto st = stored_invalid.find(fid);
        const bool bad_as_stored = !transformed || st != stored_invalid.end();
        if (w != work_issue.end()) {
            const bool rejected = w->second->action == "rejected";
            std::string msg;
            if (bad_as_stored)
                msg = rejected ? "rejected, the feature is left out: " + w->second->reason + " (in " + work_short + ")"
                               : "invalid, repaired (make-valid) and kept: " + w->second->reason + " (in " + work_short + ")";
            else
                msg = "valid as stored, but invalid after transformation to the working CRS: " + w->second->reason + " (in " +
                      work_short + "); " + (rejected ? "rejected, the feature is left out" : "repaired (make-valid) for the analysis") +
                      "; another --work-crs may avoid it";
            add(fid, code, rejected ? "error" : "warning", "invalid_geometry", msg,
                {{"action", w->second->action},
                 {"reason", w->second->reason},
                 {"crs", work_short},
                 {"invalid_as_stored", bad_as_stored}});
        } else if (st != stored_invalid.end()) {
            add(fid, code, "warning", "invalid_geometry",
                "invalid as stored: " + st->second + " (in " + src_short + "); valid after transformation to the working CRS " +
                    work_short + ", nothing repaired",
                {{"action", "none"}, {"reason", st->second}, {"crs", src_short}, {"invalid_as_stored", true}});
        }
    };
    // rejected features are not in layer.features (their attributes are not kept: no code)
    for (const auto& is : layer.issues)
        if (is.action == "rejected") validity_problem(is.fid, "");

    // 3. per feature. Ellipsoidal areas first, in parallel (the order of results does not depend on it).
    const FieldSpec* area_fs = nullptr;
    double area_factor = 0.0, tol = 0.0;
    int area_idx = -1;
    if (spec.area_check) {
        area_fs = spec.field(spec.area_check->field);
        area_idx = b.index(spec.area_check->field);
        area_factor = units::area_unit_to_m2(spec.area_check->unit);
        tol = opt.area_tolerance_rel ? *opt.area_tolerance_rel : spec.area_check->tolerance_rel;
    }
    const size_t n = layer.features.size();
    std::vector<double> ell(n, 0.0);
    std::vector<std::string> gtype(n);
    {
        std::optional<vector::Ellipsoidal> E;
        if (area_idx >= 0) E.emplace(work, opt.densify_m);
        tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 16), [&](const tbb::blocked_range<size_t>& rg) {
            auto h = geom::ctx();
            for (size_t i = rg.begin(); i != rg.end(); ++i) {
                const GEOSGeometry* g = layer.features[i].geom.get();
                char* t = GEOSGeomType_r(h, g);
                gtype[i] = t ? t : "";
                if (t) GEOSFree_r(h, t);
                if (E && geom::dimension(g) == 2) ell[i] = E->area(g);
            }
        });
    }
    progress.report(0.75, "checking " + spec.kind);

    std::vector<const FieldSpec*> unique_fields;
    for (const auto& fs : spec.fields)
        if (fs.unique && b.index(fs.name) >= 0) unique_fields.push_back(&fs);
    std::vector<std::unordered_map<std::string, long long>> first_seen(unique_fields.size());

    for (size_t i = 0; i < n; ++i) {
        const io::Feature& f = layer.features[i];
        const std::string code = b.code(f);
        bool type_ok = geometry_allowed(spec, gtype[i]);
        if (!type_ok) {
            add(f.fid, code, "error", "geometry_type",
                "geometry is " + gtype[i] + "; kind " + spec.kind + " takes " + geometry_list(spec),
                {{"type", gtype[i]}, {"allowed", spec.geometry}});
        }
        validity_problem(f.fid, code);
        if (type_ok) ++r.n_usable;

        for (const auto& fs : spec.fields) {
            int idx = b.index(fs.name);
            if (idx < 0) continue;
            const std::string src_name = layer.fields[static_cast<size_t>(idx)].name;
            const io::Value& v = f.values[static_cast<size_t>(idx)];
            std::string text = io::value_is_null(v) ? std::string() : io::value_text(v);
            std::string t = trim(text);
            if (t.empty()) {
                if (fs.required)
                    add(f.fid, code, "error", "required_value",
                        "required field " + field_label(fs, src_name) + " is " + (io::value_is_null(v) ? "null" : "empty"),
                        {{"field", fs.name}, {"source_field", src_name}});
                continue;
            }
            if (fs.type == "enum") {
                if (!fs.normalise(t))
                    add(f.fid, code, "error", "enum",
                        field_label(fs, src_name) + ": '" + t + "' is not a known value; allowed: " + allowed_values(fs),
                        {{"field", fs.name}, {"source_field", src_name}, {"value", t}, {"allowed", [&] {
                              nlohmann::json a = nlohmann::json::array();
                              for (const auto& e : fs.values) a.push_back({{"code", e.code}, {"zh", e.zh}});
                              return a;
                          }()}});
            } else if (fs.type != "string" && !fs.normalise(t)) {
                add(f.fid, code, "error", "value_type",
                    field_label(fs, src_name) + ": '" + t + "' is not a" + (fs.type == "integer" ? "n integer" : " " + fs.type) +
                        (fs.type == "date" ? " (use YYYY-MM-DD)" : fs.type == "bool" ? " (use 1/0, true/false, 是/否)" : ""),
                    {{"field", fs.name}, {"source_field", src_name}, {"value", t}, {"type", fs.type}});
            }
        }

        for (size_t u = 0; u < unique_fields.size(); ++u) {
            const FieldSpec& fs = *unique_fields[u];
            std::string val = trim(b.raw(f, fs.name));
            if (val.empty()) continue;
            auto [it, fresh] = first_seen[u].emplace(val, f.fid);
            if (!fresh)
                add(f.fid, code, "error", "duplicate",
                    field_label(fs, b.source_name(fs.name)) + " '" + val + "' is already used by fid " + std::to_string(it->second),
                    {{"field", fs.name}, {"value", val}, {"first_fid", it->second}});
        }

        if (area_idx >= 0 && ell[i] > 0.0) {
            const io::Value& v = f.values[static_cast<size_t>(area_idx)];
            double declared = 0.0;
            bool have = false;
            if (std::holds_alternative<double>(v)) {
                declared = std::get<double>(v);
                have = true;
            } else if (std::holds_alternative<long long>(v)) {
                declared = static_cast<double>(std::get<long long>(v));
                have = true;
            } else if (std::holds_alternative<std::string>(v)) {
                std::string t = trim(std::get<std::string>(v));
                char* end = nullptr;
                declared = std::strtod(t.c_str(), &end);
                have = !t.empty() && end && *end == '\0' && std::isfinite(declared);
            }
            if (have) {
                const std::string& unit = spec.area_check->unit;
                double computed = ell[i] / area_factor;
                double rel = (declared - computed) / computed;
                if (std::fabs(rel) > tol) {
                    double rp = std::fabs(rel) * 100.0;
                    add(f.fid, code, "warning", "area",
                        b.source_name(area_fs->name) + " says " + fmt(declared, 2) + " " + unit + ", geometry is " +
                            fmt(computed, 2) + " " + unit + " (ellipsoidal), " + fmt(rp, rp < 1.0 ? 2 : 1) + " % off (tolerance " +
                            pct_text(tol * 100.0) + " %)",
                        {{"field", area_fs->name},
                         {"source_field", b.source_name(area_fs->name)},
                         {"unit", unit},
                         {"declared", declared},
                         {"ellipsoidal", computed},
                         {"relative_difference", rel},
                         {"tolerance_rel", tol}});
                }
            }
        }
    }

    std::stable_sort(probs.begin(), probs.end(), [](const CheckProblem& a, const CheckProblem& b) {
        if (a.fid != b.fid) return a.fid < b.fid;
        return check_rank(a.check) < check_rank(b.check);
    });
    r.problems = std::move(probs);
    for (const auto& p : r.problems) ++r.counts[p.check];
    r.usable = !missing_required && r.n_usable > 0;
    progress.report(1.0, "checking " + spec.kind);
    return r;
}

std::string format_problem(const CheckProblem& p) {
    std::string head = p.fid < 0 ? std::string("layer") : "fid " + std::to_string(p.fid);
    if (!p.feature_code.empty()) head += " (code " + p.feature_code + ")";
    return head + ": " + p.check + ": " + p.message;
}

nlohmann::json to_json(const CheckResult& r) {
    nlohmann::json j;
    j["operation"] = kOp;
    j["version"] = ECOSHIELD_VERSION;
    j["kind"] = r.kind;
    j["schema"] = r.schema_file;
    j["source"] = r.source;
    j["layer"] = r.layer_name;
    j["input"] = {{"path", r.input.path}, {"size", r.input.size}, {"sha256", r.input.sha256}};
    j["crs"] = r.crs_label;
    j["crs_assumed"] = r.crs_assumed;
    j["work_crs"] = r.work_crs_label;
    j["params"] = r.params;
    j["n_features"] = r.n_features;
    j["n_usable"] = r.n_usable;
    j["usable"] = r.usable;
    nlohmann::json bound = nlohmann::json::object();
    for (const auto& [c, s] : r.bound) bound[c] = s;
    j["fields"] = bound;
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [c, k] : r.counts) counts[c] = k;
    j["counts"] = counts;
    nlohmann::json ps = nlohmann::json::array();
    for (const auto& p : r.problems) {
        nlohmann::json e = {{"fid", p.fid}, {"code", p.feature_code}, {"severity", p.severity}, {"check", p.check},
                            {"message", p.message}};
        if (!p.detail.empty()) e["detail"] = p.detail;
        ps.push_back(std::move(e));
    }
    j["problems"] = ps;
    return j;
}

}  // namespace eco::catalog
