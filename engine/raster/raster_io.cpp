#include "raster/raster_io.h"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <tbb/enumerable_thread_specific.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/error.h"
#include "io/crs.h"

namespace eco::raster {

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }

std::string num(double v) {
    std::ostringstream o;
    o.precision(10);
    o << v;
    return o.str();
}

bool exists(const std::string& p) {
    VSIStatBufL st;
    return VSIStatL(p.c_str(), &st) == 0;
}

}  // namespace

// ---------------------------------------------------------------- grid

void Grid::geotransform(double gt[6]) const {
    gt[0] = x0;
    gt[1] = cw;
    gt[2] = 0;
    gt[3] = y0;
    gt[4] = 0;
    gt[5] = -ch;
}

io::Srs Grid::srs() const {
    if (crs_wkt.empty()) return nullptr;
    io::Srs s(new OGRSpatialReference());
    if (s->importFromWkt(crs_wkt.c_str()) != OGRERR_NONE) return nullptr;
    s->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return s;
}

std::string Grid::describe() const {
    std::ostringstream o;
    o << width << " x " << height << " cells of " << num(cw) << " x " << num(ch) << ", top-left (" << num(x0) << ", "
      << num(y0) << ")";
    if (auto s = srs()) o << ", " << io::srs_label(*s);
    else o << ", no CRS";
    return o.str();
}

void require_same_grid(const Grid& a, const Grid& b, const std::string& op, const std::string& what_a,
                       const std::string& what_b) {
    const double tol = 1e-6;
    bool same = a.width == b.width && a.height == b.height && std::abs(a.cw - b.cw) <= tol * a.cw &&
                std::abs(a.ch - b.ch) <= tol * a.ch && std::abs(a.x0 - b.x0) <= tol * a.cw &&
                std::abs(a.y0 - b.y0) <= tol * a.ch;
    if (same) {
        auto sa = a.srs(), sb = b.srs();
        if (static_cast<bool>(sa) != static_cast<bool>(sb) || (sa && !sa->IsSame(sb.get()))) same = false;
    }
    if (!same)
        throw BadInput(op + ": the " + what_a + " and the " + what_b + " are on different grids (" + what_a + ": " +
                       a.describe() + "; " + what_b + ": " + b.describe() +
                       "); bring them onto one grid first, e.g. gdalwarp -r near -te <extent> -tr <cell size> -t_srs <crs>");
}

std::vector<Window> block_windows(int width, int height, int bw, int bh) {
    std::vector<Window> out;
    bw = std::max(1, bw);
    bh = std::max(1, bh);
    for (int y = 0; y < height; y += bh)
        for (int x = 0; x < width; x += bw) out.push_back({x, y, std::min(bw, width - x), std::min(bh, height - y)});
    return out;
}

// ---------------------------------------------------------------- reader

struct RasterReader::Handles {
    std::string path;
    tbb::enumerable_thread_specific<io::Dataset> per_thread;
};

RasterReader::RasterReader(const std::string& path, const std::string& op, const std::string& what,
                           const std::string& assume_crs)
    : path_(path), op_(op), what_(what) {
    io::gdal_init();
    const std::string who = op + ": " + what + " " + q(path);
    if (path.empty()) throw BadInput(op + ": no file given for the " + what);
    if (!exists(path)) throw BadInput(who + " does not exist; check the path");
    io::Dataset ds;
    {
        io::ErrorCapture cap;
        ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        if (!ds) {
            std::string m = cap.last();
            throw BadInput(who + " cannot be read as a raster" + (m.empty() ? "" : " (GDAL: " + m + ")") +
                           "; check that the file is complete and is a GeoTIFF or another raster GDAL reads");
        }
    }
    if (ds->GetRasterCount() < 1) throw BadInput(who + " has no raster band");
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None)
        throw BadInput(who + " has no georeferencing (no geotransform); georeference it first, e.g. with gdal_translate -a_ullr");
    if (gt[2] != 0 || gt[4] != 0 || gt[1] <= 0 || gt[5] >= 0)
        throw BadInput(who + " is rotated or not north-up; warp it to a north-up grid first (gdalwarp)");
    grid_.width = ds->GetRasterXSize();
    grid_.height = ds->GetRasterYSize();
    grid_.x0 = gt[0];
    grid_.y0 = gt[3];
    grid_.cw = gt[1];
    grid_.ch = -gt[5];
    const OGRSpatialReference* s = ds->GetSpatialRef();
    if (s && !s->IsEmpty()) {
        char* wkt = nullptr;
        s->exportToWkt(&wkt);
        grid_.crs_wkt = wkt ? wkt : "";
        CPLFree(wkt);
    } else if (!assume_crs.empty()) {
        auto a = io::srs_from_user(assume_crs, op, "--assume-crs");
        char* wkt = nullptr;
        a->exportToWkt(&wkt);
        grid_.crs_wkt = wkt ? wkt : "";
        CPLFree(wkt);
        grid_.crs_assumed = true;
    } else {
        throw BadInput(who + " has no CRS (its coordinates run " + num(grid_.minx()) + ".." + num(grid_.maxx()) + ", " +
                       num(grid_.miny()) + ".." + num(grid_.maxy()) +
                       "); pass --assume-crs EPSG:<code> if you know it");
    }
    GDALRasterBand* b = ds->GetRasterBand(1);
    type_ = b->GetRasterDataType();
    b->GetBlockSize(&bw_, &bh_);
    int has = 0;
    double nd = b->GetNoDataValue(&has);
    if (has) nodata_ = nd;
    if (char** names = b->GetCategoryNames()) {
        for (int i = 0; names[i]; ++i)
            if (names[i][0]) cats_[i] = names[i];
    }
    if (GDALColorTable* ct = b->GetColorTable()) {
        for (int i = 0; i < ct->GetColorEntryCount(); ++i) {
            const GDALColorEntry* e = ct->GetColorEntry(i);
            colours_[i] = {e->c1, e->c2, e->c3, e->c4};
        }
    }
    handles_ = std::make_unique<Handles>();
    handles_->path = path;
}

RasterReader::~RasterReader() = default;

bool RasterReader::is_integer() const {
    return !(type_ == GDT_Float32 || type_ == GDT_Float64 || type_ == GDT_CFloat32 || type_ == GDT_CFloat64);
}

bool RasterReader::is_nodata(double v) const { return std::isnan(v) || (nodata_ && v == *nodata_); }

std::vector<Window> RasterReader::row_bands(int min_rows) const {
    int rows = bh_;
    if (rows < min_rows) rows = ((min_rows + bh_ - 1) / bh_) * bh_;
    return block_windows(grid_.width, grid_.height, grid_.width, rows);
}

void RasterReader::read_typed(const Window& w, void* buf, GDALDataType t) const {
    auto& ds = handles_->per_thread.local();
    io::ErrorCapture cap;
    if (!ds) {
        ds.reset(GDALDataset::Open(handles_->path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        if (!ds) throw BadInput(op_ + ": " + what_ + " " + q(path_) + " cannot be opened again: " + cap.last());
    }
    CPLErr e = ds->GetRasterBand(1)->RasterIO(GF_Read, w.x, w.y, w.w, w.h, buf, w.w, w.h, t, 0, 0, nullptr);
    if (e != CE_None)
        throw BadInput(op_ + ": " + what_ + " " + q(path_) + ": cannot read cells " + std::to_string(w.x) + "," +
                       std::to_string(w.y) + " (" + std::to_string(w.w) + " x " + std::to_string(w.h) +
                       "): the file is damaged or truncated" + (cap.last().empty() ? std::string() : " (GDAL: " + cap.last() + ")") +
                       "; restore it from its source");
}

void RasterReader::read(const Window& w, double* buf) const { read_typed(w, buf, GDT_Float64); }
void RasterReader::read(const Window& w, float* buf) const { read_typed(w, buf, GDT_Float32); }
void RasterReader::read(const Window& w, int32_t* buf) const { read_typed(w, buf, GDT_Int32); }

// ---------------------------------------------------------------- writer

void set_gdal_threads_deterministic() {
    // GDAL's GTiff driver compresses with worker threads but writes the blocks in submission
    // order, so the bytes do not depend on the count; keep it fixed anyway.
    CPLSetConfigOption("GDAL_NUM_THREADS", "2");
}

RasterWriter::RasterWriter(const std::string& path, const Grid& grid, const WriteOptions& opt, const std::string& op)
    : path_(path), op_(op), opt_(opt), grid_(grid) {
    io::gdal_init();
    set_gdal_threads_deterministic();
    if (path.empty()) throw BadInput(op + ": no output raster path given");
    tmp_ = path + ".part-" + std::to_string(::getpid()) + ".tif";
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!drv) throw Failure(op + ": GDAL has no GTiff driver; reinstall GDAL");
    CPLStringList co;
    co.AddNameValue("TILED", "YES");
    co.AddNameValue("BLOCKXSIZE", std::to_string(opt.block).c_str());
    co.AddNameValue("BLOCKYSIZE", std::to_string(opt.block).c_str());
    co.AddNameValue("COMPRESS", opt.compress.c_str());
    if (opt.compress == "DEFLATE") co.AddNameValue("ZLEVEL", "1");
    co.AddNameValue("BIGTIFF", "IF_SAFER");
    co.AddNameValue("NUM_THREADS", "2");
    io::ErrorCapture cap;
    ds_.reset(drv->Create(tmp_.c_str(), grid.width, grid.height, 1, opt.type, co.List()));
    if (!ds_)
        throw Failure(op + ": cannot create " + q(tmp_) + " (GDAL: " + cap.last() +
                      "); check that the output folder exists and is writable and the disk has room");
    double gt[6];
    grid.geotransform(gt);
    ds_->SetGeoTransform(gt);
    if (auto s = grid.srs()) ds_->SetSpatialRef(s.get());
    for (const auto& [k, v] : opt.metadata) ds_->SetMetadataItem(k.c_str(), v.c_str());
    GDALRasterBand* b = ds_->GetRasterBand(1);
    if (opt.nodata) b->SetNoDataValue(*opt.nodata);
    if (!opt.description.empty()) b->SetDescription(opt.description.c_str());
    if (!opt.categories.empty()) {
        long long maxc = opt.categories.rbegin()->first;
        if (opt.categories.begin()->first >= 0 && maxc <= 65535) {
            CPLStringList names;
            for (long long i = 0; i <= maxc; ++i) {
                auto it = opt.categories.find(i);
                names.AddString(it == opt.categories.end() ? "" : it->second.c_str());
            }
            b->SetCategoryNames(names.List());
        }
    }
    if (!opt.colours.empty() && (opt.type == GDT_Byte || opt.type == GDT_UInt16)) {
        GDALColorTable ct;
        long long maxc = opt.colours.rbegin()->first;
        for (long long i = 0; i <= maxc && i < 65536; ++i) {
            auto it = opt.colours.find(i);
            GDALColorEntry e{0, 0, 0, 0};
            if (it != opt.colours.end())
                e = {static_cast<short>(it->second.r), static_cast<short>(it->second.g),
                     static_cast<short>(it->second.b), static_cast<short>(it->second.a)};
            ct.SetColorEntry(static_cast<int>(i), &e);
        }
        b->SetColorTable(&ct);
    }
}

RasterWriter::~RasterWriter() {
    if (!committed_) {
        ds_.reset();
        VSIUnlink(tmp_.c_str());
    }
}

std::vector<Window> RasterWriter::row_bands() const {
    return block_windows(grid_.width, grid_.height, grid_.width, opt_.block);
}

void RasterWriter::write_typed(const Window& w, const void* buf, GDALDataType t) {
    io::ErrorCapture cap;
    CPLErr e = ds_->GetRasterBand(1)->RasterIO(GF_Write, w.x, w.y, w.w, w.h, const_cast<void*>(buf), w.w, w.h, t, 0,
                                               0, nullptr);
    if (e != CE_None)
        throw Failure(op_ + ": cannot write " + q(tmp_) + " (GDAL: " + cap.last() + "); check the disk space");
}

void RasterWriter::write(const Window& w, const double* buf) { write_typed(w, buf, GDT_Float64); }
void RasterWriter::write(const Window& w, const float* buf) { write_typed(w, buf, GDT_Float32); }
void RasterWriter::write(const Window& w, const int32_t* buf) { write_typed(w, buf, GDT_Int32); }
void RasterWriter::write(const Window& w, const uint8_t* buf) { write_typed(w, buf, GDT_Byte); }

void RasterWriter::commit() {
    io::ErrorCapture cap;
    CPLErrorReset();
    ds_->FlushCache();
    if (CPLGetLastErrorType() == CE_Failure)
        throw Failure(op_ + ": cannot write " + q(tmp_) + " (GDAL: " + cap.last() + "); check the disk space");
    if (opt_.overviews) {
        std::vector<int> levels;
        for (int f = 2; std::max(grid_.width, grid_.height) / f >= 128; f *= 2) levels.push_back(f);
        if (!levels.empty() &&
            ds_->BuildOverviews(opt_.overview_resampling.c_str(), static_cast<int>(levels.size()), levels.data(), 0,
                                nullptr, nullptr, nullptr) != CE_None)
            throw Failure(op_ + ": cannot build overviews in " + q(tmp_) + " (GDAL: " + cap.last() + ")");
    }
    ds_.reset();
    if (CPLGetLastErrorType() == CE_Failure)
        throw Failure(op_ + ": writing " + q(tmp_) + " failed (GDAL: " + cap.last() + "); check the disk space");
    VSIUnlink(path_.c_str());
    if (VSIRename(tmp_.c_str(), path_.c_str()) != 0)
        throw Failure(op_ + ": cannot rename " + q(tmp_) + " to " + q(path_) + "; check the folder's permissions");
    committed_ = true;
}

}  // namespace eco::raster
