#include "checks/layer_load.h"

#include "core/error.h"
#include "io/work_crs.h"

namespace eco::checks {

void choose_frame(RunFrame& R, const std::string& param, const LabelledSources& inputs, const std::string& op) {
    io::WorkCrs w = io::choose_work_crs(param, inputs, op);
    R.work_crs = std::move(w.srs);
    R.work_crs_label = w.label;
    R.work_epsg = w.epsg;
    if (!w.note.empty()) R.notes.push_back(w.note);
    R.ellipsoidal = std::make_unique<vector::Ellipsoidal>(*R.work_crs);
}

void refuse_empty(const LabelledSources& inputs, const std::string& op) {
    for (const auto& [s, label] : inputs)
        if (io::probe_vector(s, label, op).feature_count == 0)
            throw BadInput(op + ": " + label + " layer '" + s.spec + "' has no features; check that you named the right layer");
}

void record_input(RunFrame& R, const std::string& path) {
    for (const auto& f : R.inputs)
        if (f.path == path) return;
    R.inputs.push_back(io::file_facts(path));
}

io::VectorLayer read_layer(RunFrame& R, const io::LayerSource& src, const std::string& label, const std::string& op, bool allow_empty,
                           const Progress& progress) {
    io::ReadOptions ro;
    ro.op = op;
    ro.work_crs = R.work_crs.get();
    ro.allow_empty = allow_empty;
    io::VectorLayer l = io::read_vector(src, label, ro, progress);
    record_input(R, l.source.path);
    if (l.crs_assumed) R.notes.push_back("the " + label + " layer has no CRS; assumed " + l.crs_label);
    return l;
}

void load_layer(RunFrame& R, LoadedLayer& L, const io::LayerSource& src, const std::string& kind, const std::string& op, bool allow_empty,
                const Progress& progress) {
    L.kind = kind;
    L.layer = read_layer(R, src, kind, op, allow_empty, progress);
    L.binding = catalog::Binding(catalog::kind(kind, op), L.layer);
    L.present = true;
}

void require_polygons(const io::VectorLayer& layer, const std::string& kind, const std::string& op) {
    for (const auto& f : layer.features)
        if (geom::dimension(f.geom.get()) != 2)
            throw BadInput(op + ": the " + kind + " layer '" + layer.display() + "' has a non-polygon feature (fid " + std::to_string(f.fid) +
                           "); this layer must hold polygons");
}

}  // namespace eco::checks
