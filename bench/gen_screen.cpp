// gen_screen: deterministic synthetic data for the screening benchmark (bench/run.sh screen).
//
//   gen_screen OUTDIR [SCALE]     writes OUTDIR/redlines.gpkg (layer `redline`),
//                                 OUTDIR/sites.gpkg (layer `sites`) and OUTDIR/screen.stamp
//   gen_screen --stamp [SCALE]    prints the stamp that OUTDIR/screen.stamp would hold
//
// CRS EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E). At SCALE 1 the extent is
// x 450000-550000, y 3150000-3250000 (100 km x 100 km) with 20,000 redline polygons of ~500
// vertices, and a single mixed-geometry site layer of 100,000 points, 10,000 polygons (~50
// vertices) and 1,000 lines (20-100 vertices, 1-10 km). SCALE multiplies every count and the
// extent's area (side * sqrt(SCALE), same centre), so feature density stays the same.
//
// Polygons are star-shaped blobs r(theta) = r0 * (1 + sum a_k cos(k theta + phi_k)) with
// sum |a_k| <= 0.7 (so r >= 0.3 r0) sampled at strictly increasing angles: simple and valid.
// Redlines may overlap each other. Coordinates are rounded to 1 mm.
//
// Reproducibility: one std::mt19937_64 per layer seeded from kSeed; uniform variates are built
// from the raw 64-bit output (no std:: distributions, whose output differs between standard
// libraries); OGR_CURRENT_DATE fixes the GeoPackage timestamps, so the same version, seed and
// scale give the same files byte for byte.
//
// Only GDAL/OGR is used; the target links ecoshield_engine only because bench/*.cpp all do.

#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// Bump when the generated data changes in any way: bench/run.sh regenerates on a stamp mismatch.
constexpr int kVersion = 1;
constexpr std::uint64_t kSeed = 0x65636f736869656cULL;  // "ecoshiel"

constexpr double kPi = 3.14159265358979323846;
constexpr double kCentreX = 500000.0, kCentreY = 3200000.0, kSide = 100000.0;
constexpr long kRedlines = 20000, kPoints = 100000, kPolygons = 10000, kLines = 1000;
constexpr int kTransaction = 10000;

const char* const kFunctionTypes[] = {"water_conservation", "biodiversity", "soil_conservation",
                                      "coastal_stability", "other"};

struct Counts {
    double scale;
    long redlines, points, polygons, lines;
    double xmin, ymin, xmax, ymax;
};

Counts counts_for(double scale) {
    auto n = [scale](long full) { return std::max(1L, std::lround(full * scale)); };
    double half = kSide * std::sqrt(scale) / 2.0;
    return {scale, n(kRedlines), n(kPoints), n(kPolygons), n(kLines),
            kCentreX - half, kCentreY - half, kCentreX + half, kCentreY + half};
}

std::string stamp_for(const Counts& c) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "gen_screen version=%d seed=%llu scale=%.17g redlines=%ld points=%ld "
                  "polygons=%ld lines=%ld extent=%.3f,%.3f,%.3f,%.3f epsg=4549",
                  kVersion, static_cast<unsigned long long>(kSeed), c.scale, c.redlines,
                  c.points, c.polygons, c.lines, c.xmin, c.ymin, c.xmax, c.ymax);
    return buf;
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Portable variates on top of the (standard-defined) mt19937_64 sequence.
class Rng {
public:
    explicit Rng(std::uint64_t stream) : g_(splitmix64(kSeed ^ splitmix64(stream))) {}
    double u01() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }  // [0, 1)
    double uniform(double a, double b) { return a + (b - a) * u01(); }
    double log_uniform(double a, double b) { return std::exp(uniform(std::log(a), std::log(b))); }
    long integer(long lo, long hi) {  // [lo, hi], modulo bias < 1e-16
        return lo + static_cast<long>(g_() % static_cast<std::uint64_t>(hi - lo + 1));
    }

private:
    std::mt19937_64 g_;
};

double mm(double v) { return std::nearbyint(v * 1000.0) / 1000.0; }

// A star-shaped blob around (cx, cy): vertices at strictly increasing angles, radius > 0.
void blob(Rng& rng, double cx, double cy, double r0, int nvert, int nharm,
          std::vector<double>& xs, std::vector<double>& ys) {
    std::vector<int> k(nharm);
    std::vector<double> a(nharm), phi(nharm);
    double budget = rng.uniform(0.25, 0.7), wsum = 0.0;
    for (int h = 0; h < nharm; ++h) {
        k[h] = static_cast<int>(rng.integer(2, 9));
        a[h] = rng.uniform(0.2, 1.0);
        phi[h] = rng.uniform(0.0, 2.0 * kPi);
        wsum += a[h];
    }
    for (int h = 0; h < nharm; ++h) a[h] *= budget / wsum;
    double rot = rng.uniform(0.0, 2.0 * kPi), step = 2.0 * kPi / nvert;
    xs.resize(nvert + 1);
    ys.resize(nvert + 1);
    for (int i = 0; i < nvert; ++i) {
        double th = rot + step * (i + rng.uniform(-0.3, 0.3));
        double f = 1.0;
        for (int h = 0; h < nharm; ++h) f += a[h] * std::cos(k[h] * th + phi[h]);
        xs[i] = mm(cx + r0 * f * std::cos(th));
        ys[i] = mm(cy + r0 * f * std::sin(th));
    }
    xs[nvert] = xs[0];
    ys[nvert] = ys[0];
}

// Polygon blob of radius scale r0 kept inside the extent (its reach is at most 1.7 r0).
std::unique_ptr<OGRPolygon> blob_polygon(Rng& rng, const Counts& c, double r0, int nvert,
                                         int nharm) {
    double m = std::min(1.7 * r0, (c.xmax - c.xmin) / 2);
    double cx = rng.uniform(c.xmin + m, c.xmax - m), cy = rng.uniform(c.ymin + m, c.ymax - m);
    std::vector<double> xs, ys;
    blob(rng, cx, cy, r0, nvert, nharm, xs, ys);
    auto ring = std::make_unique<OGRLinearRing>();
    ring->setPoints(static_cast<int>(xs.size()), xs.data(), ys.data());
    auto poly = std::make_unique<OGRPolygon>();
    poly->addRingDirectly(ring.release());
    return poly;
}

// A correlated random walk of `nvert` vertices and total length `len`, reflected at the extent.
std::unique_ptr<OGRLineString> walk(Rng& rng, const Counts& c, double len, int nvert) {
    double x = rng.uniform(c.xmin, c.xmax), y = rng.uniform(c.ymin, c.ymax);
    double h = rng.uniform(0.0, 2.0 * kPi), step = len / (nvert - 1);
    auto line = std::make_unique<OGRLineString>();
    line->setNumPoints(nvert, FALSE);
    line->setPoint(0, mm(x), mm(y));
    for (int i = 1; i < nvert; ++i) {
        h += rng.uniform(-0.6, 0.6);
        double dx = step * std::cos(h), dy = step * std::sin(h);
        if (x + dx < c.xmin || x + dx > c.xmax) { dx = -dx; h = kPi - h; }
        if (y + dy < c.ymin || y + dy > c.ymax) { dy = -dy; h = -h; }
        x += dx;
        y += dy;
        line->setPoint(i, mm(x), mm(y));
    }
    return line;
}

std::string id(const char* prefix, long i, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%0*ld", prefix, width, i);
    return buf;
}

void check(OGRErr err, const char* what) {
    if (err != OGRERR_NONE)
        throw std::runtime_error(std::string("gen_screen: ") + what + " failed: " +
                                 CPLGetLastErrorMsg());
}

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Writes one GeoPackage with one layer; `fill` adds the fields' values and geometry of feature i.
class GpkgWriter {
public:
    GpkgWriter(const std::filesystem::path& path, const char* layer, OGRwkbGeometryType type,
               const std::vector<const char*>& fields)
        : path_(path) {
        auto* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!drv) throw std::runtime_error("gen_screen: GDAL has no GPKG driver");
        std::filesystem::remove(path);
        ds_.reset(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds_) throw std::runtime_error("gen_screen: cannot create " + path.string());
        OGRSpatialReference srs;
        check(srs.importFromEPSG(4549), "importFromEPSG(4549)");
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        CPLStringList lco;
        lco.SetNameValue("GEOMETRY_NAME", "geom");
        lco.SetNameValue("FID", "fid");
        lco.SetNameValue("SPATIAL_INDEX", "YES");  // built once, in bulk, when the file closes
        layer_ = ds_->CreateLayer(layer, &srs, type, lco.List());
        if (!layer_) throw std::runtime_error(std::string("gen_screen: cannot create layer ") + layer);
        for (const char* f : fields) {
            OGRFieldDefn def(f, OFTString);
            check(layer_->CreateField(&def), "CreateField");
        }
        check(ds_->StartTransaction(), "StartTransaction");
    }

    OGRFeature& next() {
        feature_ = std::make_unique<OGRFeature>(layer_->GetLayerDefn());
        return *feature_;
    }

    void write() {
        check(layer_->CreateFeature(feature_.get()), "CreateFeature");
        if (++pending_ == kTransaction) {
            check(ds_->CommitTransaction(), "CommitTransaction");
            check(ds_->StartTransaction(), "StartTransaction");
            pending_ = 0;
        }
    }

    void close() {
        check(ds_->CommitTransaction(), "CommitTransaction");
        feature_.reset();
        ds_.reset();  // builds the R-tree and writes the file
    }

private:
    std::filesystem::path path_;
    DatasetPtr ds_;
    OGRLayer* layer_ = nullptr;
    std::unique_ptr<OGRFeature> feature_;
    int pending_ = 0;
};

void write_redlines(const std::filesystem::path& path, const Counts& c) {
    GpkgWriter w(path, "redline", wkbPolygon, {"code", "name", "function_type"});
    Rng rng(1);
    for (long i = 1; i <= c.redlines; ++i) {
        double r0 = rng.log_uniform(50.0, 800.0);
        int nvert = static_cast<int>(rng.integer(450, 550));
        int nharm = static_cast<int>(rng.integer(2, 4));
        long ftype = rng.integer(0, 4);
        auto poly = blob_polygon(rng, c, r0, nvert, nharm);
        OGRFeature& f = w.next();
        f.SetField("code", id("RL-", i, 6).c_str());
        f.SetField("name", ("生态保护红线" + id("", i, 6)).c_str());
        f.SetField("function_type", kFunctionTypes[ftype]);
        f.SetGeometryDirectly(poly.release());
        w.write();
    }
    w.close();
}

void write_sites(const std::filesystem::path& path, const Counts& c) {
    GpkgWriter w(path, "sites", wkbUnknown, {"site_id", "name", "activity"});
    Rng rng(2);
    for (long i = 1; i <= c.points; ++i) {
        double x = mm(rng.uniform(c.xmin, c.xmax)), y = mm(rng.uniform(c.ymin, c.ymax));
        OGRFeature& f = w.next();
        std::string sid = id("P", i, 6);
        f.SetField("site_id", sid.c_str());
        f.SetField("name", ("site " + sid).c_str());
        f.SetGeometryDirectly(new OGRPoint(x, y));
        w.write();
    }
    for (long i = 1; i <= c.polygons; ++i) {
        double r0 = rng.log_uniform(50.0, 500.0);
        int nvert = static_cast<int>(rng.integer(40, 60));
        int nharm = static_cast<int>(rng.integer(2, 3));
        auto poly = blob_polygon(rng, c, r0, nvert, nharm);
        OGRFeature& f = w.next();
        std::string sid = id("G", i, 6);
        f.SetField("site_id", sid.c_str());
        f.SetField("name", ("site " + sid).c_str());
        f.SetGeometryDirectly(poly.release());
        w.write();
    }
    for (long i = 1; i <= c.lines; ++i) {
        double len = rng.uniform(1000.0, 10000.0);
        int nvert = static_cast<int>(rng.integer(20, 100));
        auto line = walk(rng, c, len, nvert);
        OGRFeature& f = w.next();
        std::string sid = id("L", i, 4);
        f.SetField("site_id", sid.c_str());
        f.SetField("name", ("site " + sid).c_str());
        f.SetGeometryDirectly(line.release());
        w.write();
    }
    w.close();
}

int usage() {
    std::fprintf(stderr,
                 "usage: gen_screen OUTDIR [SCALE]   write redlines.gpkg, sites.gpkg, screen.stamp\n"
                 "       gen_screen --stamp [SCALE]  print the stamp of that data set\n"
                 "SCALE (default 1, range 0.001-10) multiplies the feature counts and the extent's area\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help"))
        return usage();
    double scale = 1.0;
    if (argc == 3) {
        char* end = nullptr;
        scale = std::strtod(argv[2], &end);
        if (end == argv[2] || *end || !(scale >= 0.001 && scale <= 10.0)) {
            std::fprintf(stderr, "gen_screen: scale '%s' is not a number in 0.001-10\n", argv[2]);
            return 2;
        }
    }
    const Counts c = counts_for(scale);
    const std::string stamp = stamp_for(c);
    if (!std::strcmp(argv[1], "--stamp")) {
        std::printf("%s\n", stamp.c_str());
        return 0;
    }
    try {
        namespace fs = std::filesystem;
        const fs::path out = argv[1];
        fs::create_directories(out);
        fs::remove(out / "screen.stamp");

        GDALAllRegister();
        CPLSetConfigOption("OGR_CURRENT_DATE", "2024-01-01T00:00:00.000Z");  // reproducible bytes
        CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");  // temp name, renamed when complete
        CPLSetConfigOption("OGR_SQLITE_JOURNAL", "OFF");
        CPLSetConfigOption("OGR_SQLITE_CACHE", "512");  // MB of SQLite page cache
        CPLSetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", "NO");  // deterministic, 2 cores anyway

        auto t0 = std::chrono::steady_clock::now();
        auto secs = [&t0] {
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        };
        write_redlines(out / "redlines.tmp.gpkg", c);
        std::fprintf(stderr, "gen_screen: %ld redlines written (%.1f s)\n", c.redlines, secs());
        write_sites(out / "sites.tmp.gpkg", c);
        std::fprintf(stderr, "gen_screen: %ld points, %ld polygons, %ld lines written (%.1f s)\n",
                     c.points, c.polygons, c.lines, secs());
        fs::rename(out / "redlines.tmp.gpkg", out / "redlines.gpkg");
        fs::rename(out / "sites.tmp.gpkg", out / "sites.gpkg");
        {
            std::ofstream s(out / "screen.stamp.tmp");
            s << stamp << '\n';
            if (!s.flush()) throw std::runtime_error("gen_screen: cannot write screen.stamp");
        }
        fs::rename(out / "screen.stamp.tmp", out / "screen.stamp");
        std::fprintf(stderr, "gen_screen: %s\n", stamp.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
