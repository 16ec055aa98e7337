// Benchmark data for bench/raster.sh (never run by the tests).
//   raster_gen cost  N OUT.tif SOURCES.geojson   N x N Float32 resistance (1..100, patchy), 10 m cells,
//                                                 EPSG:4549, and one source point near the centre
//   raster_gen zonal N OUT.tif ZONES.gpkg K       N x N Float32 values and K disjoint rectangles whose
//                                                 corners lie on cell corners (so exact coverage fractions and
//                                                 cell-centre rasterization select the same cells)
//   raster_gen compare A.tif B.tif                max relative difference of two rasters (cells valid in both)
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/crs.h"
#include "raster/raster_io.h"

using namespace eco;
using namespace eco::raster;

static uint64_t mix(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

static Grid grid_of(int n) {
    Grid g;
    g.width = g.height = n;
    g.x0 = 500000;
    g.y0 = 3200000;
    g.cw = g.ch = 10;
    auto s = io::srs_from_user("EPSG:4549", "bench", "crs");
    char* w = nullptr;
    s->exportToWkt(&w);
    g.crs_wkt = w;
    CPLFree(w);
    return g;
}

static void write_values(const std::string& path, int n, int seed) {
    Grid g = grid_of(n);
    WriteOptions wo;
    wo.type = GDT_Float32;
    RasterWriter w(path, g, wo, "raster_gen");
    for (const Window& b : w.row_bands()) {
        std::vector<float> v(static_cast<size_t>(b.cells()));
        for (int r = 0; r < b.h; ++r)
            for (int c = 0; c < b.w; ++c) {
                int R = b.y + r;
                uint64_t patch = mix((static_cast<uint64_t>(R / 16) << 32) ^ static_cast<uint64_t>(c / 16) ^ (uint64_t(seed) << 60));
                uint64_t cell = mix((static_cast<uint64_t>(R) << 32) ^ static_cast<uint64_t>(c) ^ 0x5555ull);
                v[static_cast<size_t>(r) * b.w + c] = static_cast<float>(1 + patch % 90 + cell % 10);
            }
        w.write(b, v.data());
    }
    w.commit();
}

static OGRLayer* new_layer(io::Dataset& ds, const std::string& path, const char* driver, const char* name, OGRwkbGeometryType t, int n) {
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver);
    std::remove(path.c_str());
    ds.reset(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    auto srs = grid_of(n).srs();
    OGRLayer* l = ds->CreateLayer(name, srs.get(), t, nullptr);
    OGRFieldDefn id("id", OFTInteger);
    l->CreateField(&id);
    return l;
}

static int compare(const std::string& a, const std::string& b) {
    RasterReader ra(a, "compare", "raster A"), rb(b, "compare", "raster B");
    require_same_grid(ra.grid(), rb.grid(), "compare", "raster A", "raster B");
    double worst = 0;
    long long n = 0, only = 0;
    for (const Window& w : ra.row_bands(256)) {
        std::vector<double> x(static_cast<size_t>(w.cells())), y(x.size());
        ra.read(w, x.data());
        rb.read(w, y.data());
        for (size_t i = 0; i < x.size(); ++i) {
            bool nx = ra.is_nodata(x[i]) || x[i] < 0, ny = rb.is_nodata(y[i]) || y[i] < 0;
            if (nx || ny) {
                only += nx != ny;
                continue;
            }
            ++n;
            double d = std::abs(x[i] - y[i]) / std::max({std::abs(x[i]), std::abs(y[i]), 1e-300});
            if (x[i] == y[i]) d = 0;
            worst = std::max(worst, d);
        }
    }
    std::printf("compared %lld cells, %lld valid in one only, max relative difference %.3g\n", n, only, worst);
    return (worst <= 1e-9 && only == 0) ? 0 : 1;
}

int main(int argc, char** argv) {
    io::gdal_init();
    if (argc >= 4 && std::string(argv[1]) == "compare") return compare(argv[2], argv[3]);
    if (argc < 5) {
        std::fprintf(stderr, "usage: raster_gen cost N OUT.tif SOURCES.geojson | zonal N OUT.tif ZONES.gpkg K | compare A B\n");
        return 2;
    }
    const std::string mode = argv[1];
    const int n = std::atoi(argv[2]);
    Grid g = grid_of(n);
    if (mode == "cost") {
        write_values(argv[3], n, 1);
        io::Dataset ds;
        OGRLayer* l = new_layer(ds, argv[4], "GeoJSON", "sources", wkbPoint, n);
        OGRFeature f(l->GetLayerDefn());
        f.SetField("id", 1);
        OGRPoint p(g.col_x(n / 2 + 0.5), g.row_y(n / 2 + 0.5));
        f.SetGeometry(&p);
        if (l->CreateFeature(&f) != OGRERR_NONE) return 1;
        std::printf("%.3f,%.3f\n", p.getX(), p.getY());
        return 0;
    }
    if (mode == "zonal") {
        const int k = argc > 5 ? std::atoi(argv[5]) : 10000;
        write_values(argv[3], n, 2);
        io::Dataset ds;
        OGRLayer* l = new_layer(ds, argv[4], "GPKG", "zones", wkbPolygon, n);
        ds->StartTransaction();
        // one rectangle inside each tile of a side x side tiling: they never overlap (GRASS's
        // v.rast.stats rasterizes the polygons, so overlapping zones would not compare)
        const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(k))));
        const int tile = n / side;
        for (int i = 0; i < k; ++i) {
            uint64_t h = mix(static_cast<uint64_t>(i) * 7919);
            int w = 1 + static_cast<int>(h % static_cast<uint64_t>(tile - 1)), hh = 1 + static_cast<int>((h >> 16) % static_cast<uint64_t>(tile - 1));
            int c0 = (i % side) * tile + static_cast<int>((h >> 32) % static_cast<uint64_t>(tile - w + 1));
            int r0 = (i / side) * tile + static_cast<int>((h >> 48) % static_cast<uint64_t>(tile - hh + 1));
            OGRLinearRing ring;
            ring.addPoint(g.col_x(c0), g.row_y(r0 + hh));
            ring.addPoint(g.col_x(c0 + w), g.row_y(r0 + hh));
            ring.addPoint(g.col_x(c0 + w), g.row_y(r0));
            ring.addPoint(g.col_x(c0), g.row_y(r0));
            ring.addPoint(g.col_x(c0), g.row_y(r0 + hh));
            OGRPolygon poly;
            poly.addRing(&ring);
            OGRFeature f(l->GetLayerDefn());
            f.SetField("id", i + 1);
            f.SetGeometry(&poly);
            if (l->CreateFeature(&f) != OGRERR_NONE) return 1;
        }
        ds->CommitTransaction();
        return 0;
    }
    std::fprintf(stderr, "raster_gen: unknown mode %s\n", mode.c_str());
    return 2;
}
