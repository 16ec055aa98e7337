// Ellipsoidal area and length against closed forms on the GRS80/CGCS2000 ellipsoid.
#include <catch2/catch.hpp>

#include <cmath>

#include "io/crs.h"
#include "vector/area.h"

using namespace eco;

namespace {
// Area of the ellipsoidal quadrangle between two parallels and two meridians, from the authalic
// latitude (closed form): A = b^2 * dlon * [q(phi2) - q(phi1)] / 2 with
// q(phi) = sin(phi)/(1 - e^2 sin^2 phi) + ln((1 + e sin phi)/(1 - e sin phi)) / (2e)
double quadrangle_area(double a, double f, double lon1, double lon2, double lat1, double lat2) {
    const double d2r = M_PI / 180.0;
    double e2 = f * (2 - f), e = std::sqrt(e2), b = a * (1 - f);
    auto q = [&](double phi) {
        double s = std::sin(phi);
        return s / (1 - e2 * s * s) + std::log((1 + e * s) / (1 - e * s)) / (2 * e);
    };
    return b * b * (lon2 - lon1) * d2r * (q(lat2 * d2r) - q(lat1 * d2r)) / 2.0;
}
}  // namespace

TEST_CASE("ellipsoidal area of a 0.5 x 0.5 degree quadrangle matches the closed form", "[vector][area]") {
    auto gk = io::srs_from_user("EPSG:4549", "t", "CRS");
    auto geo = io::srs_from_user("EPSG:4490", "t", "CRS");
    io::Transform t(OGRCreateCoordinateTransformation(geo.get(), gk.get()));
    // quadrangle 120.5-121.0E, 28.5-29.0N, its parallels densified (a parallel is not a geodesic)
    std::string wkt = "POLYGON((";
    auto add = [&](double lon, double lat) {
        double x = lon, y = lat;
        REQUIRE(t->Transform(1, &x, &y));
        char b[64];
        std::snprintf(b, sizeof b, "%.6f %.6f,", x, y);
        wkt += b;
    };
    const int n = 2000;
    // every side densified: parallels are not geodesics, and meridians off the central meridian
    // are curves in Gauss-Kruger (their chord would cut off about 0.3 m along 55 km)
    for (int i = 0; i < n; ++i) add(120.5 + 0.5 * i / n, 28.5);
    for (int i = 0; i < n; ++i) add(121.0, 28.5 + 0.5 * i / n);
    for (int i = 0; i < n; ++i) add(121.0 - 0.5 * i / n, 29.0);
    for (int i = 0; i < n; ++i) add(120.5, 29.0 - 0.5 * i / n);
    add(120.5, 28.5);
    wkt.back() = ')';
    wkt += ")";
    auto g = geom::from_wkt(wkt);
    vector::Ellipsoidal ell(*gk);
    double expected = quadrangle_area(6378137.0, 1 / 298.257222101, 120.5, 121.0, 28.5, 29.0);
    CHECK(expected == Approx(2.7066e9).epsilon(0.01));  // about 48.83 km x 55.43 km
    CHECK(ell.area(g.get()) == Approx(expected).epsilon(1e-6));
    // the planar Gauss-Kruger area is larger: this quadrangle lies 50-100 km east of CM 120E
    double planar = geom::area(g.get());
    CHECK(planar / expected - 1.0 > 0.0001);
    CHECK(planar / expected - 1.0 < 0.0003);
}

TEST_CASE("ellipsoidal length of a meridian arc matches the closed form to 1e-7", "[vector][area]") {
    auto gk = io::srs_from_user("EPSG:4549", "t", "CRS");
    auto geo = io::srs_from_user("EPSG:4490", "t", "CRS");
    io::Transform t(OGRCreateCoordinateTransformation(geo.get(), gk.get()));
    double x1 = 120.0, y1 = 28.0, x2 = 120.0, y2 = 29.0;
    t->Transform(1, &x1, &y1);
    t->Transform(1, &x2, &y2);
    auto line = geom::from_wkt("LINESTRING(" + std::to_string(x1) + " " + std::to_string(y1) + "," + std::to_string(x2) + " " +
                               std::to_string(y2) + ")");
    vector::Ellipsoidal ell(*gk);
    // on the central meridian GK northing differences are meridian arc lengths: planar == ellipsoidal
    CHECK(ell.length(line.get()) == Approx(y2 - y1).epsilon(1e-7));
    CHECK(ell.length(line.get()) == Approx(110.85e3).epsilon(1e-3));  // one degree of latitude near 28.5N
}
