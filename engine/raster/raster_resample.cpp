#include "raster/raster_resample.h"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_utils.h>

#include <atomic>
#include <filesystem>
#include <sstream>

#include "core/error.h"

namespace eco::raster {

namespace {

const char* gdal_method(const std::string& m) {
    if (m == "nearest") return "near";
    if (m == "bilinear") return "bilinear";
    if (m == "cubic") return "cubic";
    if (m == "mode") return "mode";
    if (m == "average") return "average";
    return nullptr;
}

std::string num17(double v) {
    std::ostringstream o;
    o.precision(17);
    o << v;
    return o.str();
}

}  // namespace

bool is_resample_method(const std::string& m) { return gdal_method(m) != nullptr; }
std::string resample_methods_text() { return "nearest|bilinear|cubic|mode|average"; }

RasterOnGrid::RasterOnGrid(const std::string& path, const Grid& target, const std::string& method, const std::string& op,
                           const std::string& what, const std::string& target_what, const std::string& assume_crs) {
    if (!method.empty() && !is_resample_method(method))
        throw BadInput(op + ": --resample must be one of " + resample_methods_text() + ", got '" + method + "'");
    Grid src;
    {
        RasterReader r(path, op, what, assume_crs);
        src = r.grid();
    }
    try {
        require_same_grid(src, target, op, what, target_what);
        path_ = path;
        return;
    } catch (const BadInput& e) {
        if (method.empty())
            throw BadInput(std::string(e.what()) + "; or pass --resample " + resample_methods_text() +
                           " to resample the " + what + " onto the " + target_what + "'s grid");
    }
    static std::atomic<long> counter{0};
    path_ = "/vsimem/ecoshield_resample_" + std::to_string(++counter) + ".vrt";
    const std::string abs = path.rfind("/vsi", 0) == 0 ? path : std::filesystem::absolute(path).string();
    CPLStringList args;
    args.AddString("-of");
    args.AddString("VRT");
    args.AddString("-r");
    args.AddString(gdal_method(method));
    args.AddString("-te");
    for (double v : {target.minx(), target.miny(), target.maxx(), target.maxy()}) args.AddString(num17(v).c_str());
    args.AddString("-ts");
    args.AddString(std::to_string(target.width).c_str());
    args.AddString(std::to_string(target.height).c_str());
    if (src.crs_assumed) {
        args.AddString("-s_srs");
        args.AddString(src.crs_wkt.c_str());
    }
    if (!target.crs_wkt.empty()) {
        args.AddString("-t_srs");
        args.AddString(target.crs_wkt.c_str());
    }
    io::ErrorCapture cap;
    GDALWarpAppOptions* wo = GDALWarpAppOptionsNew(args.List(), nullptr);
    if (!wo) throw Failure(op + ": cannot set up the resampling (GDAL: " + cap.last() + ")");
    GDALDatasetH in = GDALOpenEx(abs.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!in) {
        GDALWarpAppOptionsFree(wo);
        throw BadInput(op + ": cannot open the " + what + " '" + path + "' to resample it (GDAL: " + cap.last() + ")");
    }
    int err = 0;
    GDALDatasetH out = GDALWarp(path_.c_str(), nullptr, 1, &in, wo, &err);
    GDALWarpAppOptionsFree(wo);
    if (out) GDALClose(out);
    GDALClose(in);
    if (!out || err) {
        VSIUnlink(path_.c_str());
        throw Failure(op + ": resampling the " + what + " '" + path + "' failed (GDAL: " + cap.last() + ")");
    }
    resampled_ = true;
    note_ = op + ": the " + what + " '" + path + "' (" + src.describe() + ") was resampled onto the grid of the " +
            target_what + " (" + target.describe() + ") with the " + method + " method (GDAL warper, gdalwarp -r " +
            gdal_method(method) + ")";
}

RasterOnGrid::~RasterOnGrid() {
    if (resampled_) VSIUnlink(path_.c_str());
}

}  // namespace eco::raster
