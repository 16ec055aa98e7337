// Reading vector layers through GDAL/OGR into GEOS geometries in the working CRS.
// A layer is named "file" or "file:layer". Shapefiles honour .cpg and the DBF code page (GDAL
// recodes to UTF-8); --encoding overrides. Every feature read is accounted for: kept, repaired
// and kept (listed in issues), or rejected (listed in issues with the reason).
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/progress.h"
#include "geom/geos.h"
#include "io/crs.h"

namespace eco::io {

struct LayerSource {
    std::string spec;        // as the user wrote it
    std::string path;        // dataset path
    std::string layer;       // layer name; empty: the dataset's only layer
    std::string encoding;    // e.g. "GBK"; empty: the file's own (.cpg, DBF code page, UTF-8)
    std::string assume_crs;  // used only when the layer has no CRS
    bool from_gcj02 = false; // convert GCJ-02 lon/lat to WGS84 lon/lat first
};

// "dir/file.gpkg:redline" -> path + layer. A colon is a layer separator only when the part
// before it names an existing file (or has a known vector extension).
LayerSource parse_source(const std::string& spec);

using Value = std::variant<std::monostate, long long, double, std::string>;
std::string value_text(const Value& v);
bool value_is_null(const Value& v);

struct FieldDef {
    enum class Type { Integer, Real, String };
    std::string name;
    Type type = Type::String;
};

struct Feature {
    long long fid = -1;
    geom::Geom geom;            // in the working CRS, valid
    std::vector<Value> values;  // aligned with VectorLayer::fields
};

struct FeatureIssue {
    long long fid = -1;
    std::string action;  // "repaired" or "rejected"
    std::string reason;
    std::vector<Value> values;  // a rejected feature's attributes (aligned with the layer's fields); empty when repaired
};

struct VectorLayer {
    std::string label;        // what the layer is for: "redline", "sites", ...
    LayerSource source;
    std::string layer_name;   // the OGR layer name
    std::string crs_label;    // the source CRS as read (or assumed)
    bool crs_assumed = false;
    std::string geometry_type;  // OGR's declared geometry type name
    std::vector<FieldDef> fields;
    std::vector<Feature> features;
    std::vector<FeatureIssue> issues;
    long long n_read = 0;

    // Index of a field by name (case-insensitive), or -1.
    int field(std::string_view name) const;
    // "file.gpkg:layer" for messages.
    std::string display() const;
};

struct ReadOptions {
    std::string op = "read";                          // operation name for messages
    const OGRSpatialReference* work_crs = nullptr;   // null: keep the source coordinates
    bool allow_empty = false;                        // an empty layer is an error unless allowed
};

VectorLayer read_vector(const LayerSource& src, const std::string& label, const ReadOptions& opt,
                        const Progress& progress = {});

// Opens a layer only to learn its CRS (as read or assumed) and its extent in lon/lat.
struct LayerProbe {
    std::string crs_label;
    Extent lonlat;
    long long feature_count = -1;
};
LayerProbe probe_vector(const LayerSource& src, const std::string& label, const std::string& op);

}  // namespace eco::io
