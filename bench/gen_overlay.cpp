// gen_overlay: deterministic synthetic data for the overlay benchmark (bench/overlay.sh:
// `ecoshield tabulate` and `ecoshield redline diff` against PostGIS).
//
//   gen_overlay OUTDIR [SCALE]     writes OUTDIR/redline_old.gpkg, OUTDIR/redline_new.gpkg (layer
//                                  `redline`), OUTDIR/admin.gpkg (layer `admin`), OUTDIR/overlay.stamp
//   gen_overlay --stamp [SCALE]    prints the stamp that OUTDIR/overlay.stamp would hold
//
// CRS EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E). At SCALE 1 (a province: 100,000 km2)
// the extent is a square of side 316.228 km centred on (500000, 3200000), with
//  - admin: 1,024 units (32 x 32 cells of a grid whose inner nodes are jittered by up to 15 % of
//    a cell; every inner edge is a wiggly line of 100 segments that both neighbours share
//    vertex for vertex; the outer edges are straight, subdivided the same way), ~400 vertices
//    each: a partition of the extent (no gaps, no overlaps). Fields `code` (6 digits), `name`.
//  - redline_old: 50,000 patches, star-shaped blobs of 450-550 vertices (as gen_screen), one per
//    cell of a fine grid (242 x 242 cells of 1.31 km), drawn so that a blob cannot leave its cell:
//    patches never overlap each other; about a fifth of them cross an admin boundary.
//    Fields `code`, `name`, `function_type`, `county_code`, `county` (the admin unit of the
//    coarse grid cell holding the patch's centre: a label, not a geometric fact).
//  - redline_new: the same patches, except: 4 % removed; 6 % with their boundary moved for real
//    (the blob scaled about its centre by 0.9-1.1); 6 % with an edge adjustment (scaled so the
//    boundary moves by 0.3 m at most, under the default 1 m tolerance); 4 % (2,000) new patches in
//    cells the old version leaves empty. The other ~84 % are identical, vertex for vertex.
// SCALE multiplies every count and the extent's area (side * sqrt(SCALE), same centre).
// Coordinates are rounded to 1 mm.
//
// Reproducibility: std::mt19937_64 streams seeded from kSeed, uniform variates built from the
// raw 64-bit output (no std:: distributions); OGR_CURRENT_DATE fixes the GeoPackage timestamps;
// the same version, seed and scale give the same files byte for byte.
// Only GDAL/OGR is used; the target links ecoshield_engine only because bench/*.cpp all do.

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

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

// Bump when the generated data change in any way: bench/overlay.sh regenerates on a stamp mismatch.
constexpr int kVersion = 1;
constexpr std::uint64_t kSeed = 0x6f7665726c617931ULL;  // "overlay1"

constexpr double kPi = 3.14159265358979323846;
constexpr double kCentreX = 500000.0, kCentreY = 3200000.0, kSide = 316227.766;  // 100,000 km2
constexpr long kPatches = 50000, kAdmin = 1024;
constexpr int kEdgeSegments = 100;
constexpr int kTransaction = 5000;
// shares of the old patches changed in the new version, and new patches (of the old count)
constexpr double kRemoved = 0.04, kMoved = 0.06, kEdge = 0.06, kAdded = 0.04;

const char* const kFunctionTypes[] = {"water_conservation", "biodiversity", "soil_conservation",
                                      "coastal_stability", "other"};

struct Plan {
    double scale;
    long patches, added;
    int ax, ay;   // admin grid
    int gx;       // patch grid (gx x gx)
    double xmin, ymin, side;
};

Plan plan_for(double scale) {
    Plan p{};
    p.scale = scale;
    p.patches = std::max(1L, std::lround(kPatches * scale));
    p.added = std::lround(p.patches * kAdded);
    long admin = std::max(1L, std::lround(kAdmin * scale));
    p.ax = std::max(1, static_cast<int>(std::lround(std::sqrt(static_cast<double>(admin)))));
    p.ay = std::max(1, static_cast<int>(std::lround(static_cast<double>(admin) / p.ax)));
    p.gx = static_cast<int>(std::ceil(std::sqrt(1.12 * static_cast<double>(p.patches + p.added))));
    p.side = kSide * std::sqrt(scale);
    p.xmin = kCentreX - p.side / 2;
    p.ymin = kCentreY - p.side / 2;
    return p;
}

std::string stamp_for(const Plan& p) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "gen_overlay version=%d seed=%llu scale=%.17g patches=%ld added=%ld admin=%dx%d grid=%d "
                  "extent=%.3f,%.3f,%.3f,%.3f epsg=4549",
                  kVersion, static_cast<unsigned long long>(kSeed), p.scale, p.patches, p.added, p.ax, p.ay, p.gx, p.xmin,
                  p.ymin, p.xmin + p.side, p.ymin + p.side);
    return buf;
}

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t stream) : g_(splitmix64(kSeed ^ splitmix64(stream))) {}
    double u01() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * u01(); }
    double log_uniform(double a, double b) { return std::exp(uniform(std::log(a), std::log(b))); }
    long integer(long lo, long hi) { return lo + static_cast<long>(g_() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    std::mt19937_64 g_;
};

double mm(double v) { return std::nearbyint(v * 1000.0) / 1000.0; }

void check(OGRErr err, const char* what) {
    if (err != OGRERR_NONE) throw std::runtime_error(std::string("gen_overlay: ") + what + " failed: " + CPLGetLastErrorMsg());
}

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

class GpkgWriter {
public:
    GpkgWriter(const std::filesystem::path& path, const char* layer, const std::vector<const char*>& fields) {
        auto* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!drv) throw std::runtime_error("gen_overlay: GDAL has no GPKG driver");
        std::filesystem::remove(path);
        ds_.reset(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds_) throw std::runtime_error("gen_overlay: cannot create " + path.string());
        OGRSpatialReference srs;
        check(srs.importFromEPSG(4549), "importFromEPSG(4549)");
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        CPLStringList lco;
        lco.SetNameValue("GEOMETRY_NAME", "geom");
        lco.SetNameValue("FID", "fid");
        lco.SetNameValue("SPATIAL_INDEX", "YES");
        layer_ = ds_->CreateLayer(layer, &srs, wkbPolygon, lco.List());
        if (!layer_) throw std::runtime_error(std::string("gen_overlay: cannot create layer ") + layer);
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
        ds_.reset();
    }

private:
    DatasetPtr ds_;
    OGRLayer* layer_ = nullptr;
    std::unique_ptr<OGRFeature> feature_;
    int pending_ = 0;
};

// ---- admin units ----

struct Xy {
    double x, y;
};

struct AdminGrid {
    const Plan& p;
    std::vector<Xy> node;  // (ax + 1) x (ay + 1)
    double cw, ch;
    explicit AdminGrid(const Plan& plan) : p(plan) {
        cw = p.side / p.ax;
        ch = p.side / p.ay;
        node.resize(static_cast<size_t>(p.ax + 1) * (p.ay + 1));
        Rng rng(100);
        for (int j = 0; j <= p.ay; ++j)
            for (int i = 0; i <= p.ax; ++i) {
                double x = p.xmin + i * cw, y = p.ymin + j * ch;
                double jx = rng.uniform(-0.15, 0.15) * cw, jy = rng.uniform(-0.15, 0.15) * ch;
                if (i > 0 && i < p.ax && j > 0 && j < p.ay) x += jx, y += jy;
                node[static_cast<size_t>(j) * (p.ax + 1) + i] = {x, y};
            }
    }
    const Xy& at(int i, int j) const { return node[static_cast<size_t>(j) * (p.ax + 1) + i]; }

    // The points of the edge from node a to node b (a first, b excluded); `key` identifies the edge
    // (same key = same wiggle), `outer` edges are straight.
    void edge(const Xy& a, const Xy& b, std::uint64_t key, bool outer, bool reverse, std::vector<Xy>& out) const {
        Rng rng(1000 + key);
        double amp[4], len = std::hypot(b.x - a.x, b.y - a.y), s = 0;
        for (double& v : amp) v = rng.uniform(-1.0, 1.0), s += std::abs(v);
        const double scale = outer ? 0.0 : 0.03 * len / s;
        std::vector<Xy> pts(kEdgeSegments + 1);
        const double nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len;
        for (int k = 0; k <= kEdgeSegments; ++k) {
            double t = static_cast<double>(k) / kEdgeSegments, off = 0;
            for (int h = 0; h < 4; ++h) off += amp[h] * std::sin((h + 1) * kPi * t);
            off *= scale;
            pts[k] = {mm(a.x + t * (b.x - a.x) + off * nx), mm(a.y + t * (b.y - a.y) + off * ny)};
        }
        pts[0] = {mm(a.x), mm(a.y)};
        pts[kEdgeSegments] = {mm(b.x), mm(b.y)};
        if (reverse) std::reverse(pts.begin(), pts.end());
        out.insert(out.end(), pts.begin(), pts.end() - 1);
    }

    std::unique_ptr<OGRPolygon> cell(int i, int j) const {
        // edges keyed by their lower-left node and direction, always generated in the same direction
        auto hkey = [&](int ii, int jj) { return static_cast<std::uint64_t>(jj) * 4096 * 2 + static_cast<std::uint64_t>(ii) * 2; };
        auto vkey = [&](int ii, int jj) { return hkey(ii, jj) + 1; };
        std::vector<Xy> ring;
        edge(at(i, j), at(i + 1, j), hkey(i, j), j == 0, false, ring);                      // bottom, west to east
        edge(at(i + 1, j), at(i + 1, j + 1), vkey(i + 1, j), i + 1 == p.ax, false, ring);   // right, south to north
        edge(at(i, j + 1), at(i + 1, j + 1), hkey(i, j + 1), j + 1 == p.ay, true, ring);    // top, east to west
        edge(at(i, j), at(i, j + 1), vkey(i, j), i == 0, true, ring);                       // left, north to south
        ring.push_back(ring.front());
        auto r = std::make_unique<OGRLinearRing>();
        r->setNumPoints(static_cast<int>(ring.size()), FALSE);
        for (size_t k = 0; k < ring.size(); ++k) r->setPoint(static_cast<int>(k), ring[k].x, ring[k].y);
        auto poly = std::make_unique<OGRPolygon>();
        poly->addRingDirectly(r.release());
        return poly;
    }
    // the admin cell (unjittered grid) of a point: a label for the patches' county field
    int unit_of(double x, double y) const {
        int i = std::clamp(static_cast<int>((x - p.xmin) / cw), 0, p.ax - 1);
        int j = std::clamp(static_cast<int>((y - p.ymin) / ch), 0, p.ay - 1);
        return j * p.ax + i;
    }
};

std::string admin_code(int u) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%06d", 330000 + u + 1);
    return buf;
}
std::string admin_name(int u) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d", u + 1);
    return std::string("县") + buf;
}

void write_admin(const std::filesystem::path& path, const AdminGrid& g) {
    GpkgWriter w(path, "admin", {"code", "name"});
    for (int j = 0; j < g.p.ay; ++j)
        for (int i = 0; i < g.p.ax; ++i) {
            auto poly = g.cell(i, j);
            if (!poly->IsValid()) throw std::runtime_error("gen_overlay: admin unit " + std::to_string(j * g.p.ax + i) + " is invalid");
            OGRFeature& f = w.next();
            const int u = j * g.p.ax + i;
            f.SetField("code", admin_code(u).c_str());
            f.SetField("name", admin_name(u).c_str());
            f.SetGeometryDirectly(poly.release());
            w.write();
        }
    w.close();
}

// ---- patches ----

struct Blob {
    double cx, cy, r0;
    std::vector<double> dx, dy;  // unrounded offsets from the centre
    long ftype;
};

// The blob of fine-grid cell `c`: its own random stream, so both versions draw the same blob.
Blob blob_of(const Plan& p, long c) {
    Rng rng(1000000 + c);
    const double s = p.side / p.gx;
    const double rmax = 0.47 * s / (1.7 * 1.1);  // reach 1.7 r0, scaled up to 1.1: stays in the cell
    Blob b;
    b.r0 = rng.log_uniform(0.3 * rmax, rmax);
    const double slack = 0.47 * s - 1.7 * 1.1 * b.r0;
    const long ci = c % p.gx, cj = c / p.gx;
    b.cx = p.xmin + (ci + 0.5) * s + rng.uniform(-slack, slack);
    b.cy = p.ymin + (cj + 0.5) * s + rng.uniform(-slack, slack);
    const int nvert = static_cast<int>(rng.integer(450, 550));
    const int nharm = static_cast<int>(rng.integer(2, 4));
    b.ftype = rng.integer(0, 4);
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
    const double rot = rng.uniform(0.0, 2.0 * kPi), step = 2.0 * kPi / nvert;
    b.dx.resize(nvert);
    b.dy.resize(nvert);
    for (int i = 0; i < nvert; ++i) {
        double th = rot + step * (i + rng.uniform(-0.3, 0.3)), f = 1.0;
        for (int h = 0; h < nharm; ++h) f += a[h] * std::cos(k[h] * th + phi[h]);
        b.dx[i] = b.r0 * f * std::cos(th);
        b.dy[i] = b.r0 * f * std::sin(th);
    }
    return b;
}

std::unique_ptr<OGRPolygon> blob_polygon(const Blob& b, double f) {
    const int n = static_cast<int>(b.dx.size());
    auto ring = std::make_unique<OGRLinearRing>();
    ring->setNumPoints(n + 1, FALSE);
    for (int i = 0; i < n; ++i) ring->setPoint(i, mm(b.cx + f * b.dx[i]), mm(b.cy + f * b.dy[i]));
    ring->setPoint(n, mm(b.cx + f * b.dx[0]), mm(b.cy + f * b.dy[0]));
    auto poly = std::make_unique<OGRPolygon>();
    poly->addRingDirectly(ring.release());
    return poly;
}

enum class Fate { Same, Removed, Moved, Edge };

struct PatchPlan {
    std::vector<long> old_cells, added_cells;
    std::vector<Fate> fate;    // per old patch
    std::vector<double> factor;  // scale of the new version's blob
};

PatchPlan patch_plan(const Plan& p) {
    const long n = static_cast<long>(p.gx) * p.gx;
    std::vector<long> cells(n);
    for (long i = 0; i < n; ++i) cells[i] = i;
    Rng rng(7);
    for (long i = n - 1; i > 0; --i) std::swap(cells[i], cells[rng.integer(0, i)]);  // Fisher-Yates
    PatchPlan pp;
    pp.old_cells.assign(cells.begin(), cells.begin() + p.patches);
    pp.added_cells.assign(cells.begin() + p.patches, cells.begin() + p.patches + p.added);
    std::sort(pp.old_cells.begin(), pp.old_cells.end());
    std::sort(pp.added_cells.begin(), pp.added_cells.end());
    Rng fr(8);
    for (size_t i = 0; i < pp.old_cells.size(); ++i) {
        const double u = fr.u01(), v = fr.u01();
        Fate f = Fate::Same;
        double k = 1.0;
        if (u < kRemoved) f = Fate::Removed;
        else if (u < kRemoved + kMoved) f = Fate::Moved, k = v < 0.5 ? 0.9 + 0.08 * (v * 2) : 1.02 + 0.08 * (v * 2 - 1);
        else if (u < kRemoved + kMoved + kEdge) f = Fate::Edge, k = v;  // turned into a factor below
        pp.fate.push_back(f);
        pp.factor.push_back(k);
    }
    return pp;
}

void write_patches(const std::filesystem::path& path, const Plan& p, const PatchPlan& pp, const AdminGrid& g, bool new_version) {
    GpkgWriter w(path, "redline", {"code", "name", "function_type", "county_code", "county"});
    auto put = [&](long cell, const Blob& b, double f, const std::string& code) {
        auto poly = blob_polygon(b, f);
        const int u = g.unit_of(b.cx, b.cy);
        OGRFeature& feat = w.next();
        feat.SetField("code", code.c_str());
        feat.SetField("name", ("生态保护红线 " + code).c_str());
        feat.SetField("function_type", kFunctionTypes[b.ftype]);
        feat.SetField("county_code", admin_code(u).c_str());
        feat.SetField("county", admin_name(u).c_str());
        feat.SetGeometryDirectly(poly.release());
        w.write();
        (void)cell;
    };
    char code[32];
    for (size_t i = 0; i < pp.old_cells.size(); ++i) {
        const long c = pp.old_cells[i];
        std::snprintf(code, sizeof code, "RL-%07ld", c);
        const Blob b = blob_of(p, c);
        double f = 1.0;
        if (new_version) {
            if (pp.fate[i] == Fate::Removed) continue;
            if (pp.fate[i] == Fate::Moved) f = pp.factor[i];
            // edge adjustment: the boundary (radius 0.3-1.7 r0) moves out by 0.06-0.29 m at most
            if (pp.fate[i] == Fate::Edge) f = 1.0 + (0.06 + 0.23 * pp.factor[i]) / (1.7 * b.r0);
        }
        put(c, b, f, code);
    }
    if (new_version)
        for (long c : pp.added_cells) {
            std::snprintf(code, sizeof code, "RL-%07ld", c);
            put(c, blob_of(p, c), 1.0, code);
        }
    w.close();
}

int usage() {
    std::fprintf(stderr,
                 "usage: gen_overlay OUTDIR [SCALE]   write redline_old.gpkg, redline_new.gpkg, admin.gpkg, overlay.stamp\n"
                 "       gen_overlay --stamp [SCALE]  print the stamp of that data set\n"
                 "SCALE (default 1, range 0.001-10) multiplies the feature counts and the extent's area\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help")) return usage();
    double scale = 1.0;
    if (argc == 3) {
        char* end = nullptr;
        scale = std::strtod(argv[2], &end);
        if (end == argv[2] || *end || !(scale >= 0.001 && scale <= 10.0)) {
            std::fprintf(stderr, "gen_overlay: scale '%s' is not a number in 0.001-10\n", argv[2]);
            return 2;
        }
    }
    const Plan p = plan_for(scale);
    const std::string stamp = stamp_for(p);
    if (!std::strcmp(argv[1], "--stamp")) {
        std::printf("%s\n", stamp.c_str());
        return 0;
    }
    try {
        namespace fs = std::filesystem;
        const fs::path out = argv[1];
        fs::create_directories(out);
        fs::remove(out / "overlay.stamp");
        GDALAllRegister();
        CPLSetConfigOption("OGR_CURRENT_DATE", "2024-01-01T00:00:00.000Z");
        CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
        CPLSetConfigOption("OGR_SQLITE_JOURNAL", "OFF");
        CPLSetConfigOption("OGR_SQLITE_CACHE", "512");
        CPLSetConfigOption("OGR_GPKG_ALLOW_THREADED_RTREE", "NO");
        auto t0 = std::chrono::steady_clock::now();
        auto secs = [&t0] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
        const AdminGrid g(p);
        const PatchPlan pp = patch_plan(p);
        write_admin(out / "admin.tmp.gpkg", g);
        write_patches(out / "redline_old.tmp.gpkg", p, pp, g, false);
        std::fprintf(stderr, "gen_overlay: admin and old version written (%.1f s)\n", secs());
        write_patches(out / "redline_new.tmp.gpkg", p, pp, g, true);
        std::fprintf(stderr, "gen_overlay: new version written (%.1f s)\n", secs());
        for (const char* n : {"admin", "redline_old", "redline_new"})
            fs::rename(out / (std::string(n) + ".tmp.gpkg"), out / (std::string(n) + ".gpkg"));
        {
            std::ofstream s(out / "overlay.stamp.tmp");
            s << stamp << '\n';
            if (!s.flush()) throw std::runtime_error("gen_overlay: cannot write overlay.stamp");
        }
        fs::rename(out / "overlay.stamp.tmp", out / "overlay.stamp");
        std::fprintf(stderr, "gen_overlay: %s\n", stamp.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
