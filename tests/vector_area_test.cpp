// Ellipsoidal area and length against closed forms on the GRS80/CGCS2000 ellipsoid.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <geodesic.h>

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

TEST_CASE("polygon moments of a 2 x 1 rectangle and a right triangle by hand", "[vector][area]") {
    // rectangle [0,2] x [0,1], clockwise: A = 2, int x = 2, int y = 1, int x^2 = 8/3, int y^2 = 2/3, int xy = 1
    double rect[] = {0, 0, 0, 1, 2, 1, 2, 0, 0, 0};
    vector::Moments m;
    vector::add_ring_moments(rect, 5, 0, 0, 1.0, m);
    CHECK(m.a == Approx(2).epsilon(1e-13));
    CHECK(m.sx == Approx(2).epsilon(1e-13));
    CHECK(m.sy == Approx(1).epsilon(1e-13));
    CHECK(m.sxx == Approx(8.0 / 3).epsilon(1e-13));
    CHECK(m.syy == Approx(2.0 / 3).epsilon(1e-13));
    CHECK(m.sxy == Approx(1).epsilon(1e-13));
    // about (1, 0.5), its centre: first moments vanish, int x^2 = 2/3 (= 8/3 - 2 * 1^2)
    vector::Moments c;
    vector::add_ring_moments(rect, 5, 1, 0.5, 1.0, c);
    CHECK(c.sx == Approx(0).margin(1e-15));
    CHECK(c.sxx == Approx(2.0 / 3).epsilon(1e-13));
    CHECK(c.syy == Approx(1.0 / 6).epsilon(1e-13));
    CHECK(c.sxy == Approx(0).margin(1e-15));
    // a hole (the triangle (0,0) (1,0) (0,1): A = 1/2, int x = 1/6, int x^2 = 1/12, int xy = 1/24)
    double tri[] = {0, 0, 1, 0, 0, 1, 0, 0};
    vector::Moments t;
    vector::add_ring_moments(tri, 4, 0, 0, -1.0, t);
    CHECK(t.a == Approx(-0.5).epsilon(1e-13));
    CHECK(t.sx == Approx(-1.0 / 6).epsilon(1e-13));
    CHECK(t.sxx == Approx(-1.0 / 12).epsilon(1e-13));
    CHECK(t.sxy == Approx(-1.0 / 24).epsilon(1e-13));
}

namespace {
// A random star-shaped polygon around (cx, cy) of radius about r with n vertices, with a hole.
std::string star_wkt(std::mt19937_64& rng, double cx, double cy, double r, int n, bool hole) {
    std::uniform_real_distribution<double> u(0.55, 1.0);
    std::string w = "POLYGON((";
    char b[256];
    std::string first;
    for (int i = 0; i < n; ++i) {
        double a = 2 * M_PI * i / n, rr = r * u(rng);
        std::snprintf(b, sizeof b, "%.4f %.4f", cx + rr * std::cos(a), cy + rr * std::sin(a));
        if (i == 0) first = b;
        w += b;
        w += ",";
    }
    w += first + ")";
    if (hole) {  // a square hole of side r/2 around the centre, clockwise
        double s = r / 4;
        std::snprintf(b, sizeof b, ",(%.4f %.4f,%.4f %.4f,%.4f %.4f,%.4f %.4f,%.4f %.4f)", cx - s, cy - s, cx - s, cy + s, cx + s,
                      cy + s, cx + s, cy - s, cx - s, cy - s);
        w += b;
    }
    return w + ")";
}
}  // namespace

TEST_CASE("ellipsoidal area by the areal-scale model agrees with the geodesic polygon area", "[vector][area]") {
    // The model (f at nodes 10 km apart, Taylor at the box centre) against PROJ's Karney polygon
    // area of the densified polygon: an independent method. Three CRSs: 3-degree GK (CM 120E), a
    // 6-degree GK zone 21 with zone-prefixed eastings, UTM 51N far off its meridian.
    struct Case {
        const char* crs;
        double lon0, lon1, lat0, lat1;
    };
    Case cases[] = {{"EPSG:4549", 118.6, 121.4, 27.0, 30.0}, {"EPSG:4497", 117.2, 122.8, 28.0, 29.0}, {"EPSG:32651", 118.2, 121.0, 28.0, 30.0}};
    std::mt19937_64 rng(42);
    for (const auto& c : cases) {
        auto work = io::srs_from_user(c.crs, "t", "CRS");
        auto geo = io::srs_from_user("EPSG:4490", "t", "CRS");
        io::Transform t(OGRCreateCoordinateTransformation(geo.get(), work.get()));
        vector::Ellipsoidal ell(*work);
        REQUIRE(ell.uses_model());
        std::uniform_real_distribution<double> ulon(c.lon0, c.lon1), ulat(c.lat0, c.lat1);
        struct Size {
            double r;
            double tol;
        } sizes[] = {{30, 1e-9}, {600, 1e-9}, {4900, 1e-9}, {24000, 1e-7}};
        // Karney's polygon area sums per-edge areas to the equator (~a^2 x angle): its absolute
        // error is about 1e-3 m2 per edge, which dominates for the 30 m polygons
        for (const auto& s : sizes)
            for (int k = 0; k < 6; ++k) {
                double x = ulon(rng), y = ulat(rng);
                REQUIRE(t->Transform(1, &x, &y));
                auto g = geom::from_wkt(star_wkt(rng, x, y, s.r, 40 + 20 * k, k % 2 == 1));
                double model = ell.area(g.get()), geodesic = ell.area_geodesic(g.get());
                INFO(c.crs << " r " << s.r << " at " << x << " " << y << ": model " << model << " geodesic " << geodesic);
                CHECK(std::fabs(model - geodesic) < s.tol * geodesic + 2e-3 * (40 + 20 * k));
                CHECK(std::fabs(model / geom::area(g.get()) - 1) > 1e-6);  // the planar area differs: the scale is applied
            }
    }
}

TEST_CASE("areal scale: the model reproduces the projection; 1 on the GK central meridian", "[vector][area]") {
    auto gk = io::srs_from_user("EPSG:4549", "t", "CRS");
    auto geo = io::srs_from_user("EPSG:4490", "t", "CRS");
    io::Transform t(OGRCreateCoordinateTransformation(geo.get(), gk.get()));
    vector::Ellipsoidal ell(*gk);
    // Gauss-Kruger is conformal with scale 1 on its central meridian: f = 1/k^2 = 1 there
    for (double lat : {22.0, 28.5, 35.0}) {
        double x = 120.0, y = lat;
        REQUIRE(t->Transform(1, &x, &y));
        double f = 0;
        REQUIRE(ell.scale_direct(x, y, f));
        CHECK(f == Approx(1.0).epsilon(0).margin(1e-11));
        // off the meridian, k = 1 + E^2 / (2 R^2) to first order (E = easting from the CM, R the
        // Gaussian mean radius): f = 1/k^2 ~ 1 - E^2/R^2
        double xe = 121.0, ye = lat;
        REQUIRE(t->Transform(1, &xe, &ye));
        double fe = 0;
        REQUIRE(ell.scale_direct(xe, ye, fe));
        // R^2 = M N (meridional and prime vertical radii) at the latitude; the next term is ~1e-8
        const double a = 6378137.0, e2 = (2 - 1 / 298.257222101) / 298.257222101, s = std::sin(lat * M_PI / 180);
        double w = 1 - e2 * s * s, MN = a * a * (1 - e2) / (w * w);
        double E = xe - 500000.0;
        CHECK(fe == Approx(1 - E * E / MN).epsilon(0).margin(1e-7));
        CHECK(1 - fe > 2e-4);
    }
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> ux(330000, 670000), uy(2.9e6, 3.5e6);
    for (int k = 0; k < 200; ++k) {
        double x = ux(rng), y = uy(rng), fm = 0, fd = 0;
        REQUIRE(ell.scale_model(x, y, fm));
        REQUIRE(ell.scale_direct(x, y, fd));
        INFO("at " << x << " " << y << ": model " << fm << " direct " << fd << " rel " << (fm / fd - 1));
        CHECK(std::fabs(fm / fd - 1) < 1e-11);
    }
}

TEST_CASE("ellipsoidal area: wide polygons and geographic working CRSs are measured geodesically", "[vector][area]") {
    auto gk = io::srs_from_user("EPSG:4549", "t", "CRS");
    vector::Ellipsoidal ell(*gk);
    // 60 km wide: beyond the model's 50 km: the two measures are the same number
    auto wide = geom::from_wkt("POLYGON((440000 3100000,500000 3100000,500000 3110000,440000 3110000,440000 3100000))");
    CHECK(ell.area(wide.get()) == ell.area_geodesic(wide.get()));
    auto ll = io::srs_from_user("EPSG:4490", "t", "CRS");
    vector::Ellipsoidal geo(*ll);
    CHECK_FALSE(geo.uses_model());
    auto sq = geom::from_wkt("POLYGON((120 28,120.01 28,120.01 28.01,120 28.01,120 28))");
    CHECK(geo.area(sq.get()) == geo.area_geodesic(sq.get()));
    CHECK(geo.area(sq.get()) == Approx(1.0925e6).epsilon(0.01));  // 0.01 deg x 0.01 deg at 28N
}

TEST_CASE("ellipsoidal area in a CRS whose datum counts in grads (NTF Paris / Lambert zone II)", "[vector][area]") {
    // EPSG:27572's geographic CRS (NTF Paris) gives latitudes in grads from the Paris meridian: the
    // area must still be in m2. Reference: the same polygon's vertices (densified) in NTF lon/lat
    // degrees (EPSG:4275), PROJ's geodesic polygon area on the Clarke 1880 (IGN) ellipsoid.
    auto lam = io::srs_from_user("EPSG:27572", "t", "CRS");
    auto ntf = io::srs_from_user("EPSG:4275", "t", "CRS");
    io::Transform t(OGRCreateCoordinateTransformation(lam.get(), ntf.get()));
    const double x0 = 600000, y0 = 2400000, s = 5000;
    std::vector<double> lon, lat;
    const int n = 200;
    auto add = [&](double x, double y) {
        double a = x, b = y;
        REQUIRE(t->Transform(1, &a, &b));
        lon.push_back(a);
        lat.push_back(b);
    };
    for (int i = 0; i < n; ++i) add(x0 + s * i / n, y0);
    for (int i = 0; i < n; ++i) add(x0 + s, y0 + s * i / n);
    for (int i = 0; i < n; ++i) add(x0 + s - s * i / n, y0 + s);
    for (int i = 0; i < n; ++i) add(x0, y0 + s - s * i / n);
    geod_geodesic g;
    geod_init(&g, 6378249.2, 1 / 293.466021293627);
    double ref = 0, perim = 0;
    geod_polygonarea(&g, lat.data(), lon.data(), static_cast<int>(lon.size()), &ref, &perim);
    ref = std::fabs(ref);
    CHECK(ref == Approx(25e6).epsilon(2e-3));  // a 5 km square, Lambert II scale close to 1
    char w[256];
    std::snprintf(w, sizeof w, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))", x0, y0, x0 + s, y0, x0 + s, y0 + s, x0, y0 + s, x0, y0);
    auto poly = geom::from_wkt(w);
    vector::Ellipsoidal ell(*lam);
    CHECK(std::fabs(ell.area(poly.get()) / ref - 1) < 1e-8);
    CHECK(std::fabs(ell.area_geodesic(poly.get()) / ref - 1) < 1e-8);
}
