// Block-wise raster access over GDAL: a grid (origin, cell size, CRS, nodata), a reader that
// hands out windows following the file's own blocks, and a writer that produces tiled,
// compressed GeoTIFFs under a temporary name and renames them when complete.
// Only band 1 is used. Rotated (non north-up) grids are refused.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "io/gdal_util.h"

namespace eco::raster {

// A window of cells: columns [x, x+w), rows [y, y+h).
struct Window {
    int x = 0, y = 0, w = 0, h = 0;
    long long cells() const { return static_cast<long long>(w) * h; }
};

struct Grid {
    int width = 0, height = 0;
    double x0 = 0, y0 = 0;     // top-left corner (map units)
    double cw = 1, ch = 1;     // cell width and height (both positive; rows go south)
    std::string crs_wkt;       // empty: no CRS
    bool crs_assumed = false;  // the CRS came from --assume-crs

    long long cells() const { return static_cast<long long>(width) * height; }
    double cell_area() const { return cw * ch; }
    double col_x(double col) const { return x0 + col * cw; }   // x of a column edge (col+0.5: centre)
    double row_y(double row) const { return y0 - row * ch; }   // y of a row edge
    double minx() const { return x0; }
    double maxx() const { return x0 + width * cw; }
    double maxy() const { return y0; }
    double miny() const { return y0 - height * ch; }
    void geotransform(double gt[6]) const;
    // The CRS as an OGR object (null when none), traditional GIS axis order.
    io::Srs srs() const;
    std::string describe() const;  // "181 x 149 cells of 30.71 x 30.71, origin (x, y), CRS ..."
};

// Throws BadInput "<op>: <a> and <b> are on different grids (...); resample one of them first
// (e.g. gdalwarp -tr -te -tap) or pass --resample <method>" unless the grids coincide (size,
// origin and cell size within 1e-6 of a cell, same CRS).
void require_same_grid(const Grid& a, const Grid& b, const std::string& op, const std::string& what_a,
                       const std::string& what_b);

// The windows that cover the grid, following a block size (tiles in row-major order).
std::vector<Window> block_windows(int width, int height, int block_w, int block_h);

// Categories (class -> name) and colours for categorical outputs.
struct Rgba { int r = 0, g = 0, b = 0, a = 255; };

class RasterReader {
public:
    // Opens `path` read-only. No CRS: BadInput unless `assume_crs` is given. Corrupt or
    // unreadable files: BadInput naming the file. `what` names the role ("resistance raster").
    RasterReader(const std::string& path, const std::string& op, const std::string& what,
                 const std::string& assume_crs = "");
    ~RasterReader();
    RasterReader(const RasterReader&) = delete;
    RasterReader& operator=(const RasterReader&) = delete;

    const Grid& grid() const { return grid_; }
    const std::string& path() const { return path_; }
    std::optional<double> nodata() const { return nodata_; }
    GDALDataType type() const { return type_; }
    bool is_integer() const;
    int block_w() const { return bw_; }
    int block_h() const { return bh_; }
    std::vector<Window> blocks() const { return block_windows(grid_.width, grid_.height, bw_, bh_); }
    // Whole rows of blocks: windows of full width and `block_h()` (or a multiple) rows.
    std::vector<Window> row_bands(int min_rows = 1) const;
    const std::map<long long, std::string>& category_names() const { return cats_; }
    const std::map<long long, Rgba>& colours() const { return colours_; }

    // Reads band 1 into `buf` (w*h values, row-major). Thread-safe: each thread reads through
    // its own GDAL handle. Cells equal to nodata (or NaN) are returned as they are; use is_nodata().
    void read(const Window& w, double* buf) const;
    void read(const Window& w, float* buf) const;
    void read(const Window& w, int32_t* buf) const;
    bool is_nodata(double v) const;

private:
    void read_typed(const Window& w, void* buf, GDALDataType t) const;
    std::string path_, op_, what_;
    Grid grid_;
    std::optional<double> nodata_;
    GDALDataType type_ = GDT_Unknown;
    int bw_ = 256, bh_ = 256;
    std::map<long long, std::string> cats_;
    std::map<long long, Rgba> colours_;
    struct Handles;
    std::unique_ptr<Handles> handles_;
};

struct WriteOptions {
    GDALDataType type = GDT_Float32;
    std::optional<double> nodata;
    int block = 256;
    std::string compress = "DEFLATE";
    bool overviews = false;
    std::string overview_resampling = "NEAREST";  // NEAREST for categories, AVERAGE for continuous
    std::map<long long, std::string> categories;  // written as category names (class -> name)
    std::map<long long, Rgba> colours;            // colour table (Byte/UInt16 outputs only)
    std::map<std::string, std::string> metadata;  // dataset metadata items
    std::string description;                      // band description
};

// Writes a GeoTIFF block by block. Blocks must be written in a deterministic order (the file
// layout follows the write order): write whole block rows, top to bottom. The file appears
// under its name only after commit(); a writer destroyed without commit() removes its
// temporary file.
class RasterWriter {
public:
    RasterWriter(const std::string& path, const Grid& grid, const WriteOptions& opt, const std::string& op);
    ~RasterWriter();
    RasterWriter(const RasterWriter&) = delete;
    RasterWriter& operator=(const RasterWriter&) = delete;

    int block() const { return opt_.block; }
    // Full-width bands of `block()` rows, top to bottom.
    std::vector<Window> row_bands() const;
    void write(const Window& w, const double* buf);
    void write(const Window& w, const float* buf);
    void write(const Window& w, const int32_t* buf);
    void write(const Window& w, const uint8_t* buf);
    GDALDataset* dataset() { return ds_.get(); }
    // Flushes, builds overviews when asked, closes and renames to the final path.
    void commit();

private:
    void write_typed(const Window& w, const void* buf, GDALDataType t);
    std::string path_, tmp_, op_;
    WriteOptions opt_;
    Grid grid_;
    io::Dataset ds_;
    bool committed_ = false;
};

// Runs compute(i) for i in [0, n) in parallel, `group` items at a time, and emit(i) for each
// in order on the calling thread (writes and progress stay on the caller: same bytes out).
template <class Compute, class Emit>
void ordered_groups(size_t n, size_t group, Compute&& compute, Emit&& emit);

// Same output bytes whatever the thread count: GDAL's own compression threads are pinned.
void set_gdal_threads_deterministic();

}  // namespace eco::raster

#include <tbb/parallel_for.h>

template <class Compute, class Emit>
void eco::raster::ordered_groups(size_t n, size_t group, Compute&& compute, Emit&& emit) {
    if (group == 0) group = 1;
    for (size_t g = 0; g < n; g += group) {
        size_t e = std::min(n, g + group);
        tbb::parallel_for(g, e, [&](size_t i) { compute(i); });
        for (size_t i = g; i < e; ++i) emit(i);
    }
}
