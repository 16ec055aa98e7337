// reclass: tables (comments, quotes, nodata, zero resistance), a small grid by hand, unknown classes.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/crs.h"
#include "raster/raster_io.h"
#include "raster/raster_reclass.h"

using namespace eco;
using namespace eco::raster;
namespace fs = std::filesystem;

namespace {
fs::path tmpdir() {
    fs::path p = fs::temp_directory_path() / ("ecoshield_reclass_" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
}
void put(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

std::string small_raster(const fs::path& p) {
    Grid g;
    g.width = 3;
    g.height = 2;
    g.x0 = 500000;
    g.y0 = 3000000;
    g.cw = g.ch = 10;
    auto s = io::srs_from_user("EPSG:4549", "test", "crs");
    char* w = nullptr;
    s->exportToWkt(&w);
    g.crs_wkt = w;
    CPLFree(w);
    WriteOptions wo;
    wo.type = GDT_Int32;
    wo.nodata = -1;
    RasterWriter rw(p.string(), g, wo, "test");
    std::vector<int32_t> v = {1, 2, 3, 3, -1, 1};
    rw.write({0, 0, 3, 2}, v.data());
    rw.commit();
    return p.string();
}
}  // namespace

TEST_CASE("reclass: tables", "[raster][reclass]") {
    auto d = tmpdir();
    put(d / "t.csv", "# comment\nclass,name,resistance\n1,\"Forest, dense\",1\n2,Water,nodata\n3,Urban,500.5\n");
    auto t = read_reclass_table((d / "t.csv").string());
    REQUIRE(t.rows.size() == 3);
    CHECK(t.is_resistance());
    CHECK(t.find(1)->name == "Forest, dense");
    CHECK_FALSE(t.find(2)->value.has_value());
    CHECK(*t.find(3)->value == 500.5);
    put(d / "z.csv", "class,name,resistance\n4,Bare,0\n");
    CHECK_THROWS_WITH(read_reclass_table((d / "z.csv").string()), Catch::Contains("class 4 'Bare' has resistance 0"));
    put(d / "dup.csv", "class,name,value\n4,a,1\n4,b,2\n");
    CHECK_THROWS_WITH(read_reclass_table((d / "dup.csv").string()), Catch::Contains("listed twice"));
    CHECK(resolve_table_path("nlcd").find("layers/resistance/nlcd.csv") != std::string::npos);
    for (const char* name : {"nlcd", "gorillas_vegetation", "clm_landuse", "china_landuse_3diao"})
        CHECK_NOTHROW(read_reclass_table(resolve_table_path(name)));
    fs::remove_all(d);
}

TEST_CASE("reclass: a 3x2 grid by hand, and unknown classes", "[raster][reclass]") {
    auto d = tmpdir();
    auto in = small_raster(d / "in.tif");
    put(d / "t.csv", "class,name,resistance\n1,Forest,1\n2,Water,nodata\n3,Urban,500\n");
    ReclassOptions o{in, (d / "t.csv").string(), (d / "out.tif").string(), "", false};
    auto r = reclass(o);
    CHECK(r.class_cells.at(3) == 2);
    CHECK(r.nodata_cells == 1);
    RasterReader out((d / "out.tif").string(), "test", "out");
    std::vector<double> v(6);
    out.read({0, 0, 3, 2}, v.data());
    CHECK(v == std::vector<double>{1, kReclassNodata, 500, 500, kReclassNodata, 1});
    CHECK(out.nodata() == kReclassNodata);
    put(d / "short.csv", "class,name,value\n1,Forest,10\n");
    o.table = (d / "short.csv").string();
    o.output = (d / "bad.tif").string();
    CHECK_THROWS_WITH(reclass(o), Catch::Contains("2 (1 cells), 3 (2 cells)"));
    CHECK_FALSE(fs::exists(d / "bad.tif"));
    fs::remove_all(d);
}
