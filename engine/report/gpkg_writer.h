// Writes result layers into a GeoPackage, one layer at a time, each styled from styles/ (the QML
// stored as the layer's default QGIS style). Geometries come from GEOS in the given CRS and are
// promoted to the layer's multi type. Field names are ASCII snake_case.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <ogr_core.h>

#include "geom/geos.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"

class OGRLayer;

namespace eco::report {

struct OutField {
    std::string name;
    OGRFieldType type = OFTString;
};

class GpkgWriter {
public:
    // Creates the GeoPackage at `path` (must not exist). `timestamp` (ISO 8601) is written as the
    // GeoPackage's last-change time so the same inputs give the same bytes.
    GpkgWriter(const std::string& path, const OGRSpatialReference& srs, const std::string& timestamp, std::string op);
    ~GpkgWriter();
    GpkgWriter(const GpkgWriter&) = delete;
    GpkgWriter& operator=(const GpkgWriter&) = delete;

    // Starts a layer; geometry type wkbNone for an attribute table.
    void begin(const std::string& name, OGRwkbGeometryType type, const std::vector<OutField>& fields,
               const std::string& description = "");
    // Adds a feature (geometry may be null); values aligned with the fields of begin().
    void add(const GEOSGeometry* g, const std::vector<io::Value>& values);
    // Ends the layer and stores the style `style` ("" for none).
    void end(const std::string& style);
    void close();
    // A metadata item of the whole GeoPackage (stored in gpkg_metadata), e.g. the run record.
    void set_metadata(const std::string& key, const std::string& value);
    // The run record (software, created, parameters, working CRS, inputs of a command's report.json)
    // as the metadata item ECOSHIELD_RUN.
    void set_run_record(const nlohmann::json& report, const std::string& created);
    const std::vector<std::string>& layers() const { return layers_; }

private:
    io::Dataset ds_;
    io::Srs srs_;
    OGRLayer* cur_ = nullptr;
    OGRwkbGeometryType cur_type_ = wkbNone;
    std::string cur_name_, op_, path_;
    std::vector<std::string> layers_;
    long long in_tx_ = 0;
};

// "sites_polygon" etc. for a geometry dimension 0/1/2.
OGRwkbGeometryType multi_type(int dim);

}  // namespace eco::report
