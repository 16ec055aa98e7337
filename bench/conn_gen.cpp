// Benchmark data for the connectivity pipeline (bench/graph.sh; never run by the tests).
//   conn_gen OUT.tif [SCALE]   a land cover raster of the Third National Land Survey's first-level
//                              classes (layers/resistance/china_landuse_3diao.csv), Byte, 30 m cells,
//                              EPSG:4549, nodata 255; at scale 1: 10,000 x 10,000 cells and 2,000
//                              forest blobs (class 3) which make about 2,000 habitat patches
//   conn_gen --stamp [SCALE]   prints the stamp (generator version and parameters) of that file
// SCALE multiplies the number of cells and of blobs (side = 10000 sqrt(SCALE)).
// Deterministic: a fixed seed and a counter-based hash (splitmix64), no library random generator.
//
// The landscape: a mosaic of cultivated (1), garden (2), grassland (4), water (11) and construction
// (20) land from value noise at a 160-cell scale, straight roads (transport, 10) every ~1,500 cells,
// a sea (nodata) beyond a wavy coast along the east edge, and the forest blobs r(t) = r0 (1 + a1 cos(t +
// p1) + a2 cos(2t + p2)), r0 log-uniform 12-60 cells, stamped on top (blobs that overlap merge).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/crs.h"
#include "raster/raster_io.h"

using namespace eco;
using namespace eco::raster;

namespace {

constexpr int kVersion = 1;
constexpr uint64_t kSeed = 20261128;

uint64_t mix(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
double uni(uint64_t a, uint64_t b) { return static_cast<double>(mix(mix(a ^ kSeed) ^ b) >> 11) / 9007199254740992.0; }

struct Blob {
    double cx, cy, r0, a1, p1, a2, p2;
};

double noise(double x, double y, uint64_t salt) {  // value noise in [0, 1), bilinear
    const double fx = std::floor(x), fy = std::floor(y);
    const auto ix = static_cast<int64_t>(fx), iy = static_cast<int64_t>(fy);
    auto v = [&](int64_t a, int64_t b) { return uni(salt, (static_cast<uint64_t>(a) << 32) ^ static_cast<uint64_t>(b & 0xffffffff)); };
    double tx = x - fx, ty = y - fy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    return (v(ix, iy) * (1 - tx) + v(ix + 1, iy) * tx) * (1 - ty) + (v(ix, iy + 1) * (1 - tx) + v(ix + 1, iy + 1) * tx) * ty;
}

int side_of(double scale) { return std::max(64, static_cast<int>(std::lround(10000.0 * std::sqrt(scale)))); }
int blobs_of(double scale) { return std::max(4, static_cast<int>(std::lround(2000.0 * scale))); }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: conn_gen OUT.tif [SCALE] | conn_gen --stamp [SCALE]\n");
        return 2;
    }
    const double scale = argc > 2 ? std::atof(argv[2]) : 1.0;
    if (!(scale > 0)) {
        std::fprintf(stderr, "conn_gen: SCALE must be > 0\n");
        return 2;
    }
    const int n = side_of(scale), nb = blobs_of(scale);
    char stamp[160];
    std::snprintf(stamp, sizeof stamp, "conn_gen v%d seed=%llu side=%d blobs=%d cell=30", kVersion,
                  static_cast<unsigned long long>(kSeed), n, nb);
    if (std::string(argv[1]) == "--stamp") {
        std::printf("%s\n", stamp);
        return 0;
    }
    const std::string out = argv[1];

    std::vector<Blob> blobs(static_cast<std::size_t>(nb));
    for (int k = 0; k < nb; ++k) {
        const uint64_t K = static_cast<uint64_t>(k) << 8;
        Blob& b = blobs[static_cast<std::size_t>(k)];
        b.cx = uni(1, K) * n * 0.9;  // the sea takes the east edge
        b.cy = uni(2, K) * n;
        b.r0 = 12.0 * std::exp(uni(3, K) * std::log(5.0));
        b.a1 = 0.3 * uni(4, K);
        b.p1 = 6.283185307179586 * uni(5, K);
        b.a2 = 0.25 * uni(6, K);
        b.p2 = 6.283185307179586 * uni(7, K);
    }

    Grid g;
    g.width = g.height = n;
    g.x0 = 400000;
    g.y0 = 3300000;
    g.cw = g.ch = 30;
    {
        auto s = io::srs_from_user("EPSG:4549", "conn_gen", "crs");
        char* w = nullptr;
        s->exportToWkt(&w);
        g.crs_wkt = w;
        CPLFree(w);
    }
    WriteOptions wo;
    wo.type = GDT_Byte;
    wo.nodata = 255;
    wo.categories = {{0, "wetland"}, {1, "cultivated"}, {2, "garden"}, {3, "forest"}, {4, "grassland"},
                     {10, "transport"}, {11, "water"}, {12, "other"}, {20, "construction"}};
    wo.colours = {{1, {240, 228, 66}}, {2, {190, 220, 110}}, {3, {26, 120, 50}}, {4, {160, 200, 90}},
                  {10, {120, 120, 120}}, {11, {60, 120, 220}}, {20, {215, 48, 39}}};
    wo.metadata = {{"ECOSHIELD_BENCH", stamp}};
    RasterWriter w(out, g, wo, "conn_gen");
    const int road = 1500;
    for (const Window& band : w.row_bands()) {
        std::vector<uint8_t> v(static_cast<std::size_t>(band.cells()));
        for (int r = 0; r < band.h; ++r) {
            const int R = band.y + r;
            const double coast = n * (0.93 + 0.03 * std::sin(R / 700.0) + 0.01 * std::sin(R / 97.0));
            for (int c = 0; c < band.w; ++c) {
                uint8_t cls;
                if (c > coast) cls = 255;
                else if (R % road == road / 2 || c % road == road / 3) cls = 10;
                else {
                    const double t = noise(c / 160.0, R / 160.0, 11);
                    cls = t < 0.40 ? 1 : t < 0.58 ? 2 : t < 0.70 ? 4 : t < 0.80 ? 11 : 20;
                }
                v[static_cast<std::size_t>(r) * band.w + c] = cls;
            }
        }
        for (const Blob& b : blobs) {
            const double rmax = b.r0 * (1 + b.a1 + b.a2);
            const int r0 = std::max(band.y, static_cast<int>(std::floor(b.cy - rmax)));
            const int r1 = std::min(band.y + band.h - 1, static_cast<int>(std::ceil(b.cy + rmax)));
            const int c0 = std::max(0, static_cast<int>(std::floor(b.cx - rmax)));
            const int c1 = std::min(n - 1, static_cast<int>(std::ceil(b.cx + rmax)));
            for (int R = r0; R <= r1; ++R)
                for (int c = c0; c <= c1; ++c) {
                    const double dx = c + 0.5 - b.cx, dy = R + 0.5 - b.cy;
                    const double t = std::atan2(dy, dx);
                    const double rr = b.r0 * (1 + b.a1 * std::cos(t + b.p1) + b.a2 * std::cos(2 * t + b.p2));
                    if (dx * dx + dy * dy <= rr * rr) {
                        uint8_t& x = v[static_cast<std::size_t>(R - band.y) * band.w + c];
                        if (x != 255) x = 3;
                    }
                }
        }
        w.write(band, v.data());
    }
    w.commit();
    std::printf("%s -> %s\n", stamp, out.c_str());
    return 0;
}
