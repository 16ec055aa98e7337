// Geometry failures: the message of a failed GEOS call is its own (never one left over from an
// earlier call), and a failure inside the site loop of `screen` names the site.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "geom/geos.h"

using namespace eco;

TEST_CASE("a GEOS error message does not outlive the call that recorded it", "[screen][geom]") {
    // a failing call records GEOS's message and the wrapper reports it
    std::string first;
    try {
        (void)geom::from_wkt("POLYGON((0 0, 1 1");
    } catch (const Failure& e) {
        first = e.what();
    }
    CHECK(first.find("reading WKT") != std::string::npos);
    REQUIRE_FALSE(geom::last_error().empty());
    // the next wrapped call starts from a clean slate: a later failure with no message of its own
    // cannot print this one
    auto g = geom::from_wkt("POLYGON((0 0,10 0,10 10,0 10,0 0))");
    CHECK(geom::area(g.get()) == 100.0);
    CHECK(geom::last_error().empty());
    // the same for a raw GEOS call guarded by clear_error()
    CHECK_THROWS_AS(geom::from_wkt("LINESTRING(0 0"), Failure);
    REQUIRE_FALSE(geom::last_error().empty());
    GEOSContextHandle_t h = geom::clear_error();
    CHECK(h == geom::ctx());
    CHECK(geom::last_error().empty());
}
