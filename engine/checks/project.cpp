#include "checks/project.h"

#include <filesystem>
#include <fstream>

#include "catalog/catalog.h"
#include "core/error.h"
#include "core/paths.h"

namespace eco::checks {

namespace fs = std::filesystem;

namespace {

io::LayerSource source_from(const nlohmann::json& j, const fs::path& base, const std::string& where, const std::string& op) {
    std::string spec;
    if (j.is_string()) spec = j.get<std::string>();
    else if (j.is_object() && j.contains("source") && j["source"].is_string()) spec = j["source"].get<std::string>();
    else throw BadInput(op + ": " + where + " needs a \"source\": \"file[:layer]\"");
    io::LayerSource s = io::parse_source(spec);
    // resolve relative to the project file: parse again with the absolute path so the
    // file:layer split sees the real file
    fs::path p(s.path);
    if (p.is_relative()) {
        std::string abs = (base / p).lexically_normal().string();
        s = io::parse_source(s.layer.empty() ? abs : abs + ":" + s.layer);
        s.spec = spec;
    }
    if (j.is_object()) {
        if (j.contains("encoding")) s.encoding = j["encoding"].get<std::string>();
        if (j.contains("assume_crs")) s.assume_crs = j["assume_crs"].get<std::string>();
        if (j.contains("from_gcj02")) s.from_gcj02 = j["from_gcj02"].get<bool>();
    }
    return s;
}

}  // namespace

Project load_project(const std::string& path, const std::string& op) {
    std::ifstream in(path);
    if (!in) throw BadInput(op + ": project file '" + path + "' cannot be opened; check the path");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw BadInput(op + ": project file '" + path + "' is not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object()) throw BadInput(op + ": project file '" + path + "' must hold a JSON object");
    const fs::path base = fs::path(path).parent_path();
    Project p;
    p.file = path;
    p.name = j.value("name", fs::path(path).stem().string());
    try {
        if (j.contains("layers")) {
            if (!j["layers"].is_object()) throw BadInput(op + ": project file '" + path + "': \"layers\" must be an object of kind: {source}");
            const auto known = catalog::kinds();
            for (auto it = j["layers"].begin(); it != j["layers"].end(); ++it) {
                if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
                    std::string list;
                    for (auto& k : known) list += (list.empty() ? "" : ", ") + k;
                    throw BadInput(op + ": project file '" + path + "' names an unknown layer kind '" + it.key() +
                                   "'; known kinds: " + list);
                }
                p.layers[it.key()] = source_from(it.value(), base, "project file '" + path + "' layer '" + it.key() + "'", op);
            }
        }
        if (j.contains("sites")) p.sites = source_from(j["sites"], base, "project file '" + path + "' sites", op);
        if (j.contains("buffers_m")) p.buffers_m = j["buffers_m"].get<std::vector<double>>();
        if (j.contains("tiny_overlap")) {
            const auto& t = j["tiny_overlap"];
            if (t.contains("area_m2")) p.tiny_area_m2 = t["area_m2"].get<double>();
            if (t.contains("site_share")) p.tiny_site_share = t["site_share"].get<double>();
        }
        if (j.contains("rules")) {
            fs::path r(j["rules"].get<std::string>());
            p.rules = (r.is_relative() ? (base / r).lexically_normal() : r).string();
        }
        p.work_crs = j.value("work_crs", std::string("auto"));
    } catch (const nlohmann::json::exception& e) {
        throw BadInput(op + ": project file '" + path + "' has a value of the wrong type (" + e.what() + ")");
    }
    return p;
}

std::string demo_project_path() { return data_path("layers/demo/project.json"); }

void apply_layer_options(Project& p, const std::vector<std::string>& options, const std::string& op, const std::string& example) {
    for (const auto& l : options) {
        auto eq = l.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == l.size())
            throw BadInput(op + ": --layer must be KIND=FILE[:LAYER], e.g. --layer " + example + "; got '" + l + "'");
        std::string kind = l.substr(0, eq);
        (void)catalog::kind(kind, op);
        p.layers[kind] = io::parse_source(l.substr(eq + 1));
    }
}

io::LayerSource project_layer(const Project& p, const std::string& kind, const std::string& op, const std::string& option) {
    auto it = p.layers.find(kind);
    if (it == p.layers.end())
        throw BadInput(op + ": the project " + (p.file.empty() ? std::string("(command line)") : "file '" + p.file + "'") + " has no " + kind +
                       " layer; add it (\"" + kind + "\": {\"source\": \"file.gpkg:layer\"}) or pass " + option);
    return it->second;
}

std::optional<io::LayerSource> optional_layer(const Project& p, const std::string& kind) {
    auto it = p.layers.find(kind);
    if (it == p.layers.end()) return std::nullopt;
    return it->second;
}

void apply_project_work_crs(const Project& p, nlohmann::json& params) {
    if (!params.is_object()) params = nlohmann::json::object();
    if (!params.contains("work-crs") && !p.work_crs.empty() && p.work_crs != "auto") params["work-crs"] = p.work_crs;
}

void apply_source_options(Project& p, const std::string& encoding, const std::string& assume_crs, bool from_gcj02) {
    for (auto& [k, s] : p.layers)
        if (!assume_crs.empty() && s.assume_crs.empty()) s.assume_crs = assume_crs;
    if (!p.sites) return;
    if (!encoding.empty()) p.sites->encoding = encoding;
    if (!assume_crs.empty() && p.sites->assume_crs.empty()) p.sites->assume_crs = assume_crs;
    if (from_gcj02) p.sites->from_gcj02 = true;
}

}  // namespace eco::checks
