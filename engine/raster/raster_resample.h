// Bringing a raster onto another raster's grid when the user asks (--resample METHOD): GDAL's
// warper builds a warped VRT (in /vsimem, nothing written to disk) on the reference grid, read
// block by block like any raster. Without a method, grids that differ are an error
// (require_same_grid), never silently mixed.
#pragma once
#include <string>

#include "raster/raster_io.h"

namespace eco::raster {

// "nearest", "bilinear", "cubic", "mode", "average"; empty: no resampling.
bool is_resample_method(const std::string& m);
std::string resample_methods_text();  // "nearest|bilinear|cubic|mode|average"

// A raster as seen on a target grid. `path()` is the file itself when its grid already
// coincides with the target, else a warped VRT in /vsimem (removed by the destructor).
class RasterOnGrid {
public:
    // Throws BadInput when the grids differ and `method` is empty (the message names
    // --resample), or when `method` is not one of the methods.
    RasterOnGrid(const std::string& path, const Grid& target, const std::string& method, const std::string& op,
                 const std::string& what, const std::string& target_what, const std::string& assume_crs = "");
    ~RasterOnGrid();
    RasterOnGrid(const RasterOnGrid&) = delete;
    RasterOnGrid& operator=(const RasterOnGrid&) = delete;
    const std::string& path() const { return path_; }
    bool resampled() const { return resampled_; }
    // "zonal: the raster 'a.tif' (grid ...) was resampled onto the grid of the reference raster
    // (grid ...) with the nearest method (GDAL warper)"; empty when nothing was resampled.
    const std::string& note() const { return note_; }

private:
    std::string path_, note_;
    bool resampled_ = false;
};

}  // namespace eco::raster
