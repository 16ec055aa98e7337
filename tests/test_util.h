// Small helpers for tests: temporary folders, writing tiny vector files with GDAL, running the CLI.
#pragma once
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "io/gdal_util.h"

namespace testutil {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("ecoshield-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

struct Feat {
    std::string wkt;
    std::vector<std::pair<std::string, std::string>> fields;  // string fields
};

// Writes a vector file with string fields; srs "" = no CRS. Layer creation options as name=value.
inline void write_vector(const std::string& path, const std::string& driver, const std::string& layer, const std::string& srs,
                         OGRwkbGeometryType type, const std::vector<Feat>& feats,
                         const std::vector<std::string>& lco = {}) {
    eco::io::gdal_init();
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver.c_str());
    eco::io::Dataset ds(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw std::runtime_error("cannot create " + path);
    OGRSpatialReference s;
    OGRSpatialReference* sp = nullptr;
    if (!srs.empty()) {
        s.SetFromUserInput(srs.c_str());
        s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        sp = &s;
    }
    CPLStringList opts;
    for (const auto& o : lco) opts.AddString(o.c_str());
    OGRLayer* l = ds->CreateLayer(layer.c_str(), sp, type, opts.List());
    if (!feats.empty())
        for (const auto& [name, v] : feats.front().fields) {
            OGRFieldDefn fd(name.c_str(), OFTString);
            l->CreateField(&fd);
        }
    for (const auto& f : feats) {
        OGRFeature of(l->GetLayerDefn());
        for (const auto& [name, v] : f.fields) of.SetField(name.c_str(), v.c_str());
        OGRGeometry* g = nullptr;
        if (!f.wkt.empty()) {
            OGRGeometryFactory::createFromWkt(f.wkt.c_str(), sp, &g);
            of.SetGeometryDirectly(g);
        }
        if (l->CreateFeature(&of) != OGRERR_NONE) throw std::runtime_error("test fixture: writing a feature of " + path + " failed");
    }
}

inline void write_text(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
}

inline std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

struct Run {
    int status = -1;
    std::string out;  // stdout and stderr together
};

// Runs the ecoshield binary with `args` (a shell fragment), from the source tree.
inline Run run_cli(const std::string& args) {
    std::string cmd = std::string("cd '") + ECOSHIELD_SOURCE_DIR + "' && '" + ECOSHIELD_BINARY + "' " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

inline std::string q(const std::string& s) { return "'" + s + "'"; }

}  // namespace testutil
