// A raster larger than GDAL's block cache (and far larger than the memory the run may use):
// reclass, zonal and rasterize must work block by block. The test writes a 12,000 x 12,000 Byte raster
// (144 MB of cells; as Float64, which zonal reads, 1.15 GB; reclass writes 576 MB of Int32
// cells; rasterize writes it again as Byte, 144 MB, and as Float32 coverage fractions, 576 MB),
// runs the `ecoshield` binary on it with GDAL_CACHEMAX=16 (MB), checks the results
// against values worked out from the pattern, and checks each run's peak resident memory
// (wait4) stays far below the raster's size.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "io/crs.h"
#include "raster/raster_io.h"

using namespace eco;
using namespace eco::raster;
namespace fs = std::filesystem;

namespace {

constexpr int N = 12000;  // cells per side
constexpr int B = 1000;   // the pattern's squares: class 1 + ((r / B) + (c / B)) % 4

int cls(int r, int c) { return 1 + ((r / B) + (c / B)) % 4; }

struct Child {
    int rc = -1;
    long max_rss_kb = 0;
    std::string err;
};

// Runs the CLI with GDAL_CACHEMAX=16 and returns its exit status and its own peak RSS.
Child run(const std::vector<std::string>& args, const fs::path& dir) {
    fs::path err = dir / "stderr.txt";
    pid_t pid = fork();
    if (pid == 0) {
        setenv("GDAL_CACHEMAX", "16", 1);
        FILE* f = std::freopen(err.c_str(), "w", stderr);
        (void)f;
        std::vector<char*> argv;
        static std::string bin = ECOSHIELD_BINARY, q = "-q";
        argv.push_back(bin.data());
        argv.push_back(q.data());
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    Child out;
    int st = 0;
    struct rusage ru {};
    wait4(pid, &st, 0, &ru);
    out.rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    out.max_rss_kb = ru.ru_maxrss;
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    out.err = ss.str();
    return out;
}

}  // namespace

TEST_CASE("raster larger than the block cache: reclass, zonal and rasterize work block-wise", "[raster][large]") {
    fs::path d = fs::temp_directory_path() / ("ecoshield_large_" + std::to_string(::getpid()));
    fs::create_directories(d);
    const std::string in = (d / "classes.tif").string();
    {
        Grid g;
        g.width = g.height = N;
        g.x0 = 500000;
        g.y0 = 3200000;
        g.cw = g.ch = 10;
        auto s = io::srs_from_user("EPSG:4549", "test", "crs");
        char* w = nullptr;
        s->exportToWkt(&w);
        g.crs_wkt = w;
        CPLFree(w);
        WriteOptions wo;
        wo.type = GDT_Byte;
        wo.nodata = 0;
        wo.categories = {{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}};
        RasterWriter rw(in, g, wo, "test");
        std::vector<uint8_t> band;
        for (const Window& b : rw.row_bands()) {
            band.resize(static_cast<size_t>(b.cells()));
            for (int r = 0; r < b.h; ++r)
                for (int c = 0; c < b.w; ++c) band[static_cast<size_t>(r) * b.w + c] = static_cast<uint8_t>(cls(b.y + r, c));
            rw.write(b, band.data());
        }
        rw.commit();
    }
    {
        std::ofstream t(d / "t.csv");
        t << "class,name,value\n1,a,10\n2,b,20\n3,c,30\n4,d,40\n";
    }
    const std::string out = (d / "values.tif").string();
    auto r1 = run({"reclass", in, "--table", (d / "t.csv").string(), "-o", out}, d);
    INFO(r1.err);
    REQUIRE(r1.rc == 0);
    // zones: two squares of the pattern, one straddling four squares with partial cells, all the raster
    {
        std::ofstream z(d / "zones.geojson");
        z.precision(17);
        auto poly = [&](double x0, double y0, double x1, double y1) {
            std::ostringstream o;
            o.precision(17);
            o << R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[)" << x0 << "," << y0
              << "],[" << x1 << "," << y0 << "],[" << x1 << "," << y1 << "],[" << x0 << "," << y1 << "],[" << x0 << "," << y0
              << "]]]}}";
            return o.str();
        };
        const double X = 500000, Y = 3200000;
        z << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[)"
          << poly(X, Y - 10000, X + 10000, Y) << ","  // rows, cols 0..999: class 1 -> 10
          << poly(X + 10000, Y - 10000, X + 20000, Y) << ","  // cols 1000..1999: class 2 -> 20
          // 5010 m (501 cells) around the corner of squares at column and row 2000, starting half a cell
          // off: 250.5 x 250.5 cells of each of classes 3, 4, 4 and 1 -> 30, 40, 40, 10
          << poly(X + 17495, Y - 22505, X + 22505, Y - 17495) << ","
          << poly(X, Y - N * 10.0, X + N * 10.0, Y) << "]}";
    }
    auto r2 = run({"zonal", out, (d / "zones.geojson").string(), "--csv", (d / "z.csv").string()}, d);
    INFO(r2.err);
    REQUIRE(r2.rc == 0);
    std::ifstream csv(d / "z.csv");
    std::string head, line;
    std::getline(csv, head);
    std::vector<std::vector<std::string>> rows;
    while (std::getline(csv, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string x;
        while (std::getline(ss, x, ',')) f.push_back(x);
        rows.push_back(f);
    }
    REQUIRE(rows.size() == 4);
    // columns: fid,count,area,nodata_area,sum,mean,...
    std::vector<std::string> h;
    {
        std::stringstream ss(head);
        std::string x;
        while (std::getline(ss, x, ',')) h.push_back(x);
    }
    auto col = [&](const std::string& name) { return static_cast<size_t>(std::find(h.begin(), h.end(), name) - h.begin()); };
    const size_t ccount = col("count"), csum = col("sum");
    REQUIRE(csum < h.size());
    CHECK(std::stod(rows[0][ccount]) == 1e6);
    CHECK(std::stod(rows[0][csum]) == 1e7);
    CHECK(std::stod(rows[1][csum]) == 2e7);
    CHECK(std::stod(rows[2][ccount]) == Approx(501.0 * 501).epsilon(1e-12));
    CHECK(std::stod(rows[2][csum]) == Approx(250.5 * 250.5 * (30.0 + 40 + 40 + 10)).epsilon(1e-12));
    // the whole raster: 144 squares of 1e6 cells, 36 of each class
    CHECK(std::stod(rows[3][ccount]) == 144e6);
    CHECK(std::stod(rows[3][csum]) == Approx(36e6 * (10 + 20 + 30 + 40)).epsilon(1e-12));
    // memory: the raster is 144 MB as Byte, 576 MB as reclass's Int32 output, 1152 MB as the
    // Float64 zonal reads; each run must stay far below (block-wise reading and writing)
    const long limit_kb = 200 * 1024;
    INFO("reclass peak RSS " << r1.max_rss_kb / 1024 << " MB, zonal peak RSS " << r2.max_rss_kb / 1024 << " MB");
    CHECK(r1.max_rss_kb < limit_kb);
    CHECK(r2.max_rss_kb < limit_kb);

    // rasterize onto the same 12,000 x 12,000 grid, in cell-centre mode (GDAL's rasterizer,
    // Byte, 144 MB) and in coverage mode (ours, Float32, 576 MB): two disjoint squares, one on
    // cell edges (1000 x 1000 cells), one 500.6 cells wide with no edge on a cell centre (its
    // centres: 500 x 500 cells); coverage sums to the areas in cells
    {
        std::ofstream z(d / "burn.geojson");
        auto poly = [&](double x0, double y0, double x1, double y1) {
            std::ostringstream o;
            o.precision(17);
            o << R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[)" << x0 << "," << y0
              << "],[" << x1 << "," << y0 << "],[" << x1 << "," << y1 << "],[" << x0 << "," << y1 << "],[" << x0 << "," << y0
              << "]]]}}";
            return o.str();
        };
        const double X = 500000, Y = 3200000;
        z << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[)"
          << poly(X, Y - 10000, X + 10000, Y) << "," << poly(X + 17497, Y - 22503, X + 22503, Y - 17497) << "]}";
    }
    auto total = [](const std::string& path) {
        RasterReader rr(path, "test", "raster");
        double sum = 0;
        std::vector<double> v;
        for (const Window& w : rr.row_bands(256)) {
            v.resize(static_cast<size_t>(w.cells()));
            rr.read(w, v.data());
            for (double x : v)
                if (!rr.is_nodata(x)) sum += x;
        }
        return sum;
    };
    auto r3 = run({"rasterize", (d / "burn.geojson").string(), "--like", in, "--type", "Byte", "-o", (d / "centre.tif").string()}, d);
    INFO(r3.err);
    REQUIRE(r3.rc == 0);
    CHECK(total((d / "centre.tif").string()) == 1e6 + 500.0 * 500.0);
    auto r4 = run({"rasterize", (d / "burn.geojson").string(), "--like", in, "--mode", "coverage", "-o", (d / "cover.tif").string()}, d);
    INFO(r4.err);
    REQUIRE(r4.rc == 0);
    CHECK(total((d / "cover.tif").string()) == Approx(1e6 + 500.6 * 500.6).epsilon(1e-9));
    INFO("rasterize peak RSS: centre " << r3.max_rss_kb / 1024 << " MB, coverage " << r4.max_rss_kb / 1024 << " MB");
    CHECK(r3.max_rss_kb < limit_kb);
    // coverage works in bands of 256 full rows, several at once, and GDAL's compression threads
    // queue blocks: usually 125-150 MB here (and 178 MB on a 24,000 x 24,000 grid, whose output is
    // 2.3 GB), up to 290 MB seen on the loaded machine; a full-raster buffer would be 576 MB
    CHECK(r4.max_rss_kb < 400 * 1024);
    fs::remove_all(d);
}
