#include <catch2/catch.hpp>

#include "core/error.h"
#include "io/crs.h"

using namespace eco;

TEST_CASE("CGCS2000 3-degree Gauss-Kruger zone selection", "[io][crs]") {
    // central meridians every 3 degrees; EPSG 4534 = CM 75E ... 4554 = CM 135E
    CHECK(io::gk3_cm_epsg(121.0) == 4549);   // Taizhou centre -> CM 120E
    CHECK(io::gk3_cm_epsg(121.49) == 4549);  // still nearer 120 than 123
    CHECK(io::gk3_cm_epsg(121.51) == 4550);  // CM 123E
    CHECK(io::gk3_cm_epsg(118.4) == 4548);   // CM 117E
    CHECK(io::gk3_cm_epsg(60.0) == 4534);    // clamped to 75E
    CHECK(io::gk3_zone_epsg(40) == 4528);    // zone 40 = CM 120E with zone-prefixed eastings
    auto s = io::srs_from_user("EPSG:4549", "test", "CRS");
    CHECK(std::string(s->GetName()).find("CM 120E") != std::string::npos);
    auto z = io::srs_from_user("EPSG:4528", "test", "CRS");
    CHECK(z->GetProjParm(SRS_PP_FALSE_EASTING) == Approx(40500000.0));
}

TEST_CASE("unknown CRS text is a clear error", "[io][crs]") {
    CHECK_THROWS_AS(io::srs_from_user("EPSG:999999", "screen", "--work-crs"), BadInput);
    CHECK_THROWS_WITH(io::srs_from_user("nonsense", "screen", "--work-crs"), Catch::StartsWith("screen: --work-crs 'nonsense'"));
}

TEST_CASE("projected numbers in a geographic CRS are refused", "[io][crs]") {
    auto geo = io::srs_from_user("EPSG:4490", "t", "CRS");
    io::Extent e;
    e.add(500000, 3200000);
    e.add(510000, 3210000);
    CHECK_THROWS_WITH(io::check_coordinates_fit_crs(*geo, e, "screen", "'x.shp'"),
                      Catch::Contains("not longitude/latitude") && Catch::Contains("EPSG:4549"));
    io::Extent ll;
    ll.add(120.5, 28.5);
    ll.add(121.5, 29.0);
    CHECK_NOTHROW(io::check_coordinates_fit_crs(*geo, ll, "screen", "'x.shp'"));
}

TEST_CASE("zone-prefixed eastings under a CRS without prefix are recognised", "[io][crs]") {
    auto cm = io::srs_from_user("EPSG:4549", "t", "CRS");
    io::Extent e;
    e.add(40500000, 3200000);
    e.add(40510000, 3210000);
    CHECK_THROWS_WITH(io::check_coordinates_fit_crs(*cm, e, "screen", "'x'"), Catch::Contains("EPSG:4528"));
    auto pref = io::srs_from_user("EPSG:4528", "t", "CRS");
    CHECK_NOTHROW(io::check_coordinates_fit_crs(*pref, e, "screen", "'x'"));
    CHECK_THAT(io::crs_hint_from_extent(e), Catch::Contains("zone 40") && Catch::Contains("EPSG:4528"));
}

TEST_CASE("lon/lat extent of a Gauss-Kruger extent", "[io][crs]") {
    auto cm = io::srs_from_user("EPSG:4549", "t", "CRS");
    io::Extent e;
    e.add(500000, 3200000);  // on the central meridian: lon 120E
    e.add(500001, 3200001);
    auto ll = io::to_lonlat(*cm, e);
    CHECK(ll.minx == Approx(120.0).margin(1e-4));
    CHECK(ll.miny == Approx(28.9).margin(0.1));
}
