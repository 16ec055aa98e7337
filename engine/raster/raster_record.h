// The run record of a raster command (house rule 8): the software version, the operation, its
// parameters and the input files with their sizes and SHA-256, written into every output:
//   GeoTIFF: dataset metadata items ECOSHIELD_VERSION and ECOSHIELD_RUN (the record as JSON);
//   GeoPackage: the dataset metadata item ECOSHIELD_RUN (as `screen` does);
//   CSV: a sidecar "<file>.run.json" beside the CSV (a CSV has no place for it).
// No timestamp: the same run gives the same bytes.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace eco::raster {

struct RunInput {
    std::string role;  // "resistance raster", "sources", ...
    std::string path;  // a file; "file:layer" specs are cut to the file
};

nlohmann::json run_record(const std::string& op, const nlohmann::json& parameters, const std::vector<RunInput>& inputs);

// Adds ECOSHIELD_VERSION and ECOSHIELD_RUN to GeoTIFF metadata items.
void add_run_metadata(std::map<std::string, std::string>& md, const nlohmann::json& record);

// Writes "<csv>.run.json" (temporary name, then renamed).
void write_run_sidecar(const std::string& csv, const nlohmann::json& record, const std::string& op);

}  // namespace eco::raster
