#include "raster/raster_record.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"

namespace eco::raster {

nlohmann::json run_record(const std::string& op, const nlohmann::json& parameters, const std::vector<RunInput>& inputs) {
    nlohmann::json in = nlohmann::json::array();
    for (const auto& i : inputs) {
        if (i.path.empty()) continue;
        std::string p = i.path;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(p, ec)) p = io::parse_source(i.path).path;
        auto f = io::file_facts(p);
        nlohmann::json e{{"role", i.role}, {"path", i.path}};
        if (f.size >= 0) e["file"] = {{"size", f.size}, {"sha256", f.sha256}};
        in.push_back(e);
    }
    return {{"software", {{"name", "ecoshield"}, {"version", ECOSHIELD_VERSION}}},
            {"operation", op},
            {"parameters", parameters.is_null() ? nlohmann::json::object() : parameters},
            {"inputs", in}};
}

void add_run_metadata(std::map<std::string, std::string>& md, const nlohmann::json& record) {
    md["ECOSHIELD_VERSION"] = ECOSHIELD_VERSION;
    md["ECOSHIELD_RUN"] = record.dump();
}

void write_run_sidecar(const std::string& csv, const nlohmann::json& record, const std::string& op) {
    const std::string path = csv + ".run.json";
    const std::string tmp = path + ".part-" + std::to_string(::getpid());
    {
        std::ofstream o(tmp, std::ios::binary);
        if (!o) throw BadInput(op + ": cannot write '" + path + "'; check that the folder exists and is writable");
        o << record.dump(2) << "\n";
        if (!o) throw Failure(op + ": writing '" + tmp + "' failed; check the disk space");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) throw Failure(op + ": cannot rename '" + tmp + "' to '" + path + "'");
}

}  // namespace eco::raster
