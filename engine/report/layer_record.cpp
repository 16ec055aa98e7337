// Input records and context layers of the thematic checks (see layer_record.h).
#include "report/layer_record.h"

#include <algorithm>

#include "report/report_util.h"
#include "report/screen_report.h"

namespace eco::report {

using io::Value;
using nlohmann::json;

void bound_fields(const catalog::Binding& b, std::vector<OutField>& fields, std::vector<std::string>& names) {
    for (const auto& f : b.spec()->fields)
        if (b.index(f.name) >= 0) {
            fields.push_back({f.name});
            names.push_back(f.name);
        }
}

void write_context_layer(GpkgWriter& w, const checks::LoadedLayer& L, const std::string& name, const std::string& op,
                         const std::vector<size_t>& keep_in) {
    if (!L.present || L.layer.features.empty()) return;
    std::vector<size_t> keep = keep_in;
    if (keep.empty())
        for (size_t i = 0; i < L.layer.features.size(); ++i) keep.push_back(i);
    std::vector<OutField> cf;
    std::vector<std::string> names;
    bound_fields(L.binding, cf, names);
    int top = -1;
    for (size_t i : keep) top = std::max(top, geom::dimension(L.layer.features[i].geom.get()));
    for (int dim = 2; dim >= 0; --dim) {
        bool any = false;
        for (size_t i : keep) any = any || geom::dimension(L.layer.features[i].geom.get()) == dim;
        if (!any) continue;
        std::string lname = name + (dim == top ? "" : dim == 1 ? "_line" : "_point");
        w.begin(lname, multi_type(dim), cf, "ecoshield " + op + ": " + L.kind + " features (from " + L.layer.source.spec + ")");
        for (size_t i : keep) {
            if (geom::dimension(L.layer.features[i].geom.get()) != dim) continue;
            std::vector<Value> v;
            for (const auto& n : names) v.push_back(L.binding.value(L.layer.features[i], n));
            w.add(L.layer.features[i].geom.get(), v);
        }
        w.end(L.binding.spec()->style);
    }
}

void add_file_facts(json& e, const std::string& path, const std::vector<io::FileFacts>& facts) {
    for (const auto& f : facts)
        if (f.path == path) e["file"] = {{"size", f.size}, {"sha256", f.sha256}};
}

json layer_input_json(const io::VectorLayer& L, const std::string& role, const std::vector<io::FileFacts>& facts) {
    long long repaired = 0, rejected = 0;
    for (const auto& i : L.issues) (i.action == "rejected" ? rejected : repaired)++;
    json e{{"role", role},
           {"source", L.source.spec},
           {"path", L.source.path},
           {"layer", L.layer_name},
           {"crs", L.crs_label},
           {"crs_assumed", L.crs_assumed},
           {"features_read", L.n_read},
           {"features_used", L.features.size()},
           {"repaired", repaired},
           {"rejected", rejected}};
    add_file_facts(e, L.source.path, facts);
    return e;
}

json layer_input_json(const checks::LoadedLayer& L, const std::vector<io::FileFacts>& facts) { return layer_input_json(L.layer, L.kind, facts); }

}  // namespace eco::report
