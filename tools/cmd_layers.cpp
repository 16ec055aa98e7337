// `ecoshield layers list [KIND...]` and `ecoshield layers check FILE[:LAYER] --kind KIND`.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "catalog/catalog.h"
#include "catalog/layers_check.h"
#include "cli.h"
#include "core/error.h"

namespace {

using eco::cli::Globals;

struct CheckArgs {
    std::string source, kind, encoding, assume_crs, json_out;
    bool from_gcj02 = false;
    nlohmann::json given = nlohmann::json::object();
};

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string o;
    for (size_t i = 0; i < v.size(); ++i) o += (i ? sep : "") + v[i];
    return o;
}

void list_kinds(const std::vector<std::string>& wanted) {
    std::vector<std::string> names = wanted.empty() ? eco::catalog::kinds() : wanted;
    for (size_t n = 0; n < names.size(); ++n) {
        const auto& k = eco::catalog::kind(names[n], "layers list");
        std::printf("%s%s  %s / %s  [%s]  style %s\n", n ? "\n" : "", k.kind.c_str(), k.title.c_str(), k.title_zh.c_str(),
                    join(k.geometry).c_str(), k.style.c_str());
        for (const auto& f : k.fields) {
            std::string flags = f.type;
            if (f.required) flags += ", required";
            if (f.unique) flags += ", unique";
            if (!f.area_unit.empty()) flags += ", " + f.area_unit;
            std::printf("  %-16s %-28s %s", f.name.c_str(), ("(" + flags + ")").c_str(), f.label_zh.c_str());
            if (!f.aliases.empty()) std::printf("  aliases: %s", join(f.aliases).c_str());
            std::printf("\n");
            if (f.type == "enum") {
                std::vector<std::string> vals;
                for (const auto& v : f.values) vals.push_back(v.code + (v.zh.empty() ? "" : " " + v.zh));
                std::printf("  %-16s values: %s\n", "", join(vals).c_str());
            }
        }
        if (k.area_check) {
            char tol[32];
            std::snprintf(tol, sizeof tol, "%g", k.area_check->tolerance_rel * 100.0);
            std::printf("  area check: %s (%s) against the ellipsoidal area, tolerance %s %%\n", k.area_check->field.c_str(),
                        k.area_check->unit.c_str(), tol);
        }
    }
}

void write_json_atomic(const std::string& path, const nlohmann::json& j) {
    namespace fs = std::filesystem;
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw eco::BadInput("layers check: cannot write '" + tmp + "'; check that the directory exists and is writable");
        out << j.dump(2) << "\n";
        if (!out) throw eco::Failure("layers check: writing '" + tmp + "' failed (disk full?)");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) throw eco::Failure("layers check: cannot rename '" + tmp + "' to '" + path + "': " + ec.message());
}

int run_check(const CheckArgs& a, const Globals& g) {
    const eco::OpSpec& spec = eco::catalog::layers_check_spec();
    nlohmann::json params = eco::resolve_params(spec, a.given);
    eco::catalog::CheckOptions opt = eco::catalog::check_options(params);
    eco::io::LayerSource src = eco::io::parse_source(a.source);
    src.encoding = a.encoding;
    src.assume_crs = a.assume_crs;
    src.from_gcj02 = a.from_gcj02;
    const auto& kspec = eco::catalog::kind(a.kind, spec.name);  // unknown kind: BadInput before reading

    eco::catalog::CheckResult r = eco::catalog::check_layer(src, a.kind, opt, eco::Progress(eco::cli::make_progress(g)));

    eco::cli::say(g, "layers check: " + r.source + " (layer " + r.layer_name + ") as " + r.kind + " (" + kspec.title_zh + "), " +
                         std::to_string(r.n_features) + " features read; CRS " + r.crs_label + (r.crs_assumed ? " (assumed)" : "") +
                         "; working CRS " + r.work_crs_label);
    {
        std::vector<std::string> b;
        for (const auto& [c, s] : r.bound) b.push_back(c == s ? c : c + " <- " + s);
        std::vector<std::string> unbound;
        for (const auto& f : kspec.fields) {
            bool found = false;
            for (const auto& [c, s] : r.bound) found = found || c == f.name;
            if (!found) unbound.push_back(f.name);
        }
        eco::cli::say(g, "fields: " + (b.empty() ? std::string("(none)") : join(b)) +
                             (unbound.empty() ? "" : "; absent: " + join(unbound)));
    }
    for (const auto& p : r.problems) std::printf("%s\n", eco::catalog::format_problem(p).c_str());

    if (r.problems.empty()) {
        eco::cli::say(g, "summary: no problems");
    } else {
        eco::cli::say(g, "summary:");
        // the severity of a check is fixed except invalid_geometry (repaired: warning, rejected: error)
        std::map<std::string, std::map<std::string, long long>> sev;
        for (const auto& p : r.problems) ++sev[p.check][p.severity];
        for (const auto& [check, n] : r.counts) {
            std::string s;
            for (const auto& [sv, k] : sev[check]) s += (s.empty() ? "" : ", ") + std::to_string(k) + " " + sv;
            char line[256];
            std::snprintf(line, sizeof line, "  %-17s %6lld  (%s)", check.c_str(), n, s.c_str());
            eco::cli::say(g, line);
        }
    }
    if (!a.json_out.empty()) {
        nlohmann::json j = eco::catalog::to_json(r);
        write_json_atomic(a.json_out, j);
        eco::cli::say(g, "report: " + a.json_out);
    }
    std::printf("%s\n", r.usable ? "usable" : "NOT usable");
    std::fflush(stdout);
    return r.usable ? 0 : 2;
}

void setup(CLI::App& app, const Globals& g) {
    CLI::App* layers = app.add_subcommand("layers", "The layer catalog: list the layer kinds, check a dataset against one");
    layers->require_subcommand(1);

    auto wanted = std::make_shared<std::vector<std::string>>();
    CLI::App* list = layers->add_subcommand("list", "List the layer kinds with their geometry, fields, aliases and values");
    list->add_option("kind", *wanted, "only these kinds");
    list->callback([wanted] { list_kinds(*wanted); });

    auto a = std::make_shared<CheckArgs>();
    const eco::OpSpec& spec = eco::catalog::layers_check_spec();
    CLI::App* check = layers->add_subcommand(
        "check", spec.help + ". Prints one line per problem, a summary per check and 'usable' (exit 0) or 'NOT usable' (exit 2)");
    check->add_option("source", a->source, "the dataset: FILE or FILE:LAYER (GeoPackage, Shapefile, GeoJSON, ...)")->required();
    check->add_option("--kind", a->kind, "the layer kind to check against (see `ecoshield layers list`)")->required();
    check->add_option("--encoding", a->encoding, "text encoding of the attributes, e.g. GBK (default: the file's own)");
    check->add_option("--assume-crs", a->assume_crs, "CRS of a layer that has none, e.g. EPSG:4490");
    check->add_flag("--from-gcj02", a->from_gcj02, "the coordinates are GCJ-02 (Chinese web maps): convert to WGS84 first");
    check->add_option("--json", a->json_out, "also write the result as JSON to this file");
    eco::cli::add_params(*check, spec, a->given);
    check->callback([a, &g] {
        int rc = run_check(*a, g);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace

ECOSHIELD_COMMAND(20, setup);
