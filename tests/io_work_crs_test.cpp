// The working CRS of a run (io/work_crs.h): auto from the data's centre; explicit ones checked;
// empty layers named when there is nothing to choose from.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "io/work_crs.h"
#include "test_util.h"

using namespace eco;

TEST_CASE("work CRS: auto from the centre, and an empty layer named with what to do", "[io][work_crs]") {
    testutil::TempDir dir;
    // 121.0E 28.5N in lon/lat: the 3-degree zone of CM 120E (118.5E - 121.5E) is EPSG:4549
    testutil::write_vector(dir / "pts.gpkg", "GPKG", "outlet", "EPSG:4490", wkbPoint, {{"POINT(121.0 28.5)", {{"code", "P1"}}}});
    testutil::write_vector(dir / "e1.gpkg", "GPKG", "outlet", "EPSG:4490", wkbPoint, {});
    testutil::write_vector(dir / "e2.gpkg", "GPKG", "water_zone", "EPSG:4490", wkbPolygon, {});
    const auto pts = io::parse_source(dir / "pts.gpkg"), e1 = io::parse_source(dir / "e1.gpkg"), e2 = io::parse_source(dir / "e2.gpkg");

    auto w = io::choose_work_crs("auto", {{pts, "outlet"}, {e2, "water_zone"}}, "water");
    CHECK(w.epsg == 4549);
    CHECK(w.note.find("121.000E") != std::string::npos);

    // before: "water: cannot place the data on the globe to choose a working CRS; pass --work-crs EPSG:4549"
    CHECK_THROWS_AS(io::choose_work_crs("auto", {{e1, "outlet"}}, "water"), BadInput);
    CHECK_THROWS_WITH(io::choose_work_crs("auto", {{e1, "outlet"}}, "water"),
                      "water: the outlet layer '" + dir / "e1.gpkg" +
                          "' has no features, so there is no data to choose the working CRS from; check that you named the right layer "
                          "(and file), or pass --work-crs EPSG:4549");
    CHECK_THROWS_WITH(io::choose_work_crs("", {{e1, "outlet"}, {e2, "water_zone"}}, "soil"),
                      Catch::StartsWith("soil: the outlet layer '" + dir / "e1.gpkg" + "' and the water_zone layer '" + dir / "e2.gpkg" +
                                        "' have no features"));
    // with a working CRS given, empty layers are the reader's business (allow_empty), not an error here
    CHECK(io::choose_work_crs("EPSG:4549", {{e1, "outlet"}}, "water").epsg == 4549);
}
