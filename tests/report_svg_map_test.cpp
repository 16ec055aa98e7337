// SvgMap: pixel mapping, paths, escaping, scale bar. Expected pixel values are worked out by
// hand: a 100 m x 50 m extent in a 200 x 100 px frame is 2 px per metre, no margins,
// px = 2 (x - minx), py = 2 (maxy - y).
#include <catch2/catch.hpp>

#include <cpl_error.h>
#include <cpl_minixml.h>
#include <ogr_geometry.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/error.h"
#include "report/svg_map.h"

using eco::report::SvgMap;
using eco::report::SvgStyle;

namespace {

std::unique_ptr<OGRGeometry> wkt(const char* text) {
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text, nullptr, &g) == OGRERR_NONE);
    return std::unique_ptr<OGRGeometry>(g);
}

// The render output must be well-formed XML.
bool well_formed(const std::string& svg) {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLXMLNode* root = CPLParseXMLString(svg.c_str());
    CPLPopErrorHandler();
    const bool ok = root != nullptr;
    if (root) CPLDestroyXMLNode(root);
    return ok;
}

}  // namespace

TEST_CASE("svg_map: map coordinates to pixels, y flipped", "[report][svg]") {
    SvgMap map(0, 0, 100, 50, 200, 100);
    CHECK(map.scale() == Approx(2.0));
    CHECK(map.px_x(50) == Approx(100.0));
    CHECK(map.px_y(25) == Approx(50.0));
    CHECK(map.px_x(0) == Approx(0.0));
    CHECK(map.px_y(50) == Approx(0.0));  // top edge
    CHECK(map.px_y(0) == Approx(100.0));  // bottom edge

    map.add(*wkt("POINT (50 25)"), SvgStyle{});
    const std::string svg = map.render();
    INFO(svg);
    CHECK(svg.find("<circle cx=\"100\" cy=\"50\" r=\"4\"/>") != std::string::npos);
    CHECK(svg.find("viewBox=\"0 0 200 100\"") != std::string::npos);
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(svg.find("http://") == std::string::npos);  // inline in HTML: no namespace URI needed
    CHECK(well_formed(svg));

    const std::string file = map.render_standalone();
    CHECK(file.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=", 0) == 0);
    CHECK(file.find("<circle cx=\"100\" cy=\"50\" r=\"4\"/>") != std::string::npos);
    CHECK(well_formed(file));
}

TEST_CASE("svg_map: aspect ratio kept, extent centred", "[report][svg]") {
    // 100 x 100 m into 200 x 100 px: 1 px/m, the 100 px wide map centred: 50 px margins.
    SvgMap map(1000, 2000, 1100, 2100, 200, 100);
    CHECK(map.scale() == Approx(1.0));
    CHECK(map.px_x(1000) == Approx(50.0));
    CHECK(map.px_x(1100) == Approx(150.0));
    CHECK(map.px_y(2100) == Approx(0.0));
    CHECK(map.px_y(2000) == Approx(100.0));
}

TEST_CASE("svg_map: square polygon path in exact pixels", "[report][svg]") {
    SvgMap map(0, 0, 100, 50, 200, 100);
    SvgStyle style;
    style.fill = "#1a9850";
    style.fill_opacity = 0.4;
    map.add(*wkt("POLYGON ((10 10, 30 10, 30 30, 10 30, 10 10))"), style, "patch A");
    const std::string svg = map.render();
    INFO(svg);
    // (10,10)->(20,80) (30,10)->(60,80) (30,30)->(60,40) (10,30)->(20,40); closing point dropped.
    CHECK(svg.find("d=\"M20 80L60 80L60 40L20 40Z\"") != std::string::npos);
    CHECK(svg.find("fill=\"#1a9850\"") != std::string::npos);
    CHECK(svg.find("fill-opacity=\"0.4\"") != std::string::npos);
    CHECK(svg.find("<title>patch A</title>") != std::string::npos);
    CHECK(well_formed(svg));
}

TEST_CASE("svg_map: coordinates rounded to 0.1 px", "[report][svg]") {
    SvgMap map(0, 0, 100, 50, 200, 100);
    // x 10.123 -> 20.246 px -> 20.2; y 49.96 -> 0.08 px -> 0.1; x 0.02 -> 0.04 -> 0
    map.add(*wkt("LINESTRING (10.123 49.96, 0.02 49.96)"), SvgStyle{});
    const std::string svg = map.render();
    INFO(svg);
    CHECK(svg.find("<path fill=\"none\" d=\"M20.2 0.1L0 0.1\"/>") != std::string::npos);
    CHECK(SvgMap::fmt(12.34) == "12.3");
    CHECK(SvgMap::fmt(-0.04) == "0");
    CHECK(SvgMap::fmt(-0.5) == "-0.5");
    CHECK(SvgMap::fmt(40.0) == "40");
}

TEST_CASE("svg_map: polygon with a hole uses evenodd, one path for both rings", "[report][svg]") {
    SvgMap map(0, 0, 100, 50, 200, 100);
    map.add(*wkt("POLYGON ((0 0, 40 0, 40 40, 0 40, 0 0), (10 10, 10 20, 20 20, 20 10, 10 10))"),
            SvgStyle{});
    const std::string svg = map.render();
    INFO(svg);
    CHECK(svg.find("<path fill-rule=\"evenodd\" d=\"M0 100L80 100L80 20L0 20ZM20 80L20 60L40 60L40 80Z\"/>") !=
          std::string::npos);
}

TEST_CASE("svg_map: multi-geometries, collections and curves", "[report][svg]") {
    SvgMap map(0, 0, 100, 50, 200, 100);
    map.add(*wkt("MULTIPOINT ((0 0), (100 50))"), SvgStyle{});
    map.add(*wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0)), ((50 0, 60 0, 60 10, 50 0)))"), SvgStyle{});
    map.add(*wkt("GEOMETRYCOLLECTION (POINT (50 25), LINESTRING (0 0, 100 50))"), SvgStyle{});
    map.add(*wkt("CIRCULARSTRING (0 0, 50 50, 100 0)"), SvgStyle{});
    map.add(*wkt("POLYGON EMPTY"), SvgStyle{}, "nothing");
    const std::string svg = map.render();
    INFO(svg);
    CHECK(svg.find("<circle cx=\"0\" cy=\"100\"") != std::string::npos);
    CHECK(svg.find("<circle cx=\"200\" cy=\"0\"") != std::string::npos);
    CHECK(svg.find("d=\"M0 100L20 100L20 80Z\"") != std::string::npos);
    CHECK(svg.find("d=\"M100 100L120 100L120 80Z\"") != std::string::npos);
    CHECK(svg.find("<circle cx=\"100\" cy=\"50\"") != std::string::npos);
    CHECK(svg.find("<path fill=\"none\" d=\"M0 100L200 0\"/>") != std::string::npos);
    // the arc is linearised: starts at (0,0)->(0,100) and ends at (100,0)->(200,100)
    CHECK(svg.find("<path fill=\"none\" d=\"M0 100L") != std::string::npos);
    CHECK(svg.find("L200 100\"/>") != std::string::npos);
    CHECK(svg.find("nothing") == std::string::npos);  // empty geometry: no element at all
    CHECK(well_formed(svg));
}

TEST_CASE("svg_map: titles and labels are escaped, Chinese kept", "[report][svg]") {
    SvgMap map(0, 0, 100, 50, 200, 100);
    map.add(*wkt("POINT (10 10)"), SvgStyle{}, "红线 <A&B> \"q\"");
    map.add_label(50, 25, "a<&>b 生态保护红线");
    const std::string svg = map.render();
    INFO(svg);
    CHECK(svg.find("<title>红线 &lt;A&amp;B&gt; &quot;q&quot;</title>") != std::string::npos);
    CHECK(svg.find("<text x=\"100\" y=\"50\">a&lt;&amp;&gt;b 生态保护红线</text>") != std::string::npos);
    CHECK(well_formed(svg));

    // control characters dropped, invalid UTF-8 replaced by U+FFFD
    CHECK(SvgMap::escape_xml(std::string("a\x01" "b")) == "ab");
    CHECK(SvgMap::escape_xml(std::string("x\xC3(")) == "x\xEF\xBF\xBD(");
    CHECK(SvgMap::escape_xml("台州湾") == "台州湾");
}

TEST_CASE("svg_map: scale bar is a round 1-2-5 length", "[report][svg]") {
    CHECK(SvgMap::nice_length(25) == 20);
    CHECK(SvgMap::nice_length(100) == 100);
    CHECK(SvgMap::nice_length(1000) == 1000);
    CHECK(SvgMap::nice_length(999) == 500);
    CHECK(SvgMap::nice_length(4999) == 2000);
    CHECK(SvgMap::nice_length(0.7) == Approx(0.5));
    CHECK(SvgMap::nice_length(0) == 0);
    CHECK(SvgMap::format_length(500) == "500 m");
    CHECK(SvgMap::format_length(2000) == "2 km");
    CHECK(SvgMap::format_length(0.5) == "0.5 m");

    SvgMap map(0, 0, 100, 50, 200, 100);
    // a quarter of the width is 50 px = 25 m: the bar is 20 m = 40 px long
    const double len = map.scale_bar_length();
    CHECK(len == 20);
    const std::string svg = map.render();
    INFO(svg);
    CHECK(svg.find(">20 m</text>") != std::string::npos);
    CHECK(svg.find("d=\"M10 85V90H50V85\"") != std::string::npos);
    CHECK(svg.find(">N</text>") != std::string::npos);

    // a 1-2-5 value whatever the frame
    for (double width_m : {37.0, 480.0, 1234.0, 15000.0, 250000.0}) {
        SvgMap m(0, 0, width_m, width_m / 2, 640, 320);
        const double l = m.scale_bar_length();
        const double mant = l / std::pow(10.0, std::floor(std::log10(l) + 1e-9));
        INFO("width " << width_m << " m -> bar " << l << " m (mantissa " << mant << ")");
        CHECK((mant == Approx(1) || mant == Approx(2) || mant == Approx(5)));
        CHECK(l * m.scale() <= 0.25 * 640 + 1e-9);
        CHECK(l * m.scale() > 0.25 * 640 / 2.5);
    }
}

TEST_CASE("svg_map: bad frames are refused, degenerate extents drawn", "[report][svg]") {
    CHECK_THROWS_AS(SvgMap(0, 0, -1, 1, 100, 100), eco::BadInput);
    CHECK_THROWS_AS(SvgMap(0, 0, 1, 1, 0, 100), eco::BadInput);
    CHECK_THROWS_AS(SvgMap(0, 0, std::nan(""), 1, 100, 100), eco::BadInput);
    try {
        SvgMap(0, 0, 1, 1, 0, 100);
    } catch (const eco::BadInput& e) {
        CHECK(std::string(e.what()).rfind("svg_map: ", 0) == 0);
    }
    SvgMap point_map(5, 5, 5, 5, 100, 100);  // a single point site
    point_map.add(*wkt("POINT (5 5)"), SvgStyle{});
    CHECK(point_map.render().find("<circle cx=\"50\" cy=\"50\"") != std::string::npos);
}

TEST_CASE("svg_map: same input, same bytes", "[report][svg]") {
    auto build = [] {
        SvgMap map(500000, 3200000, 501000, 3200500, 600, 300);
        SvgStyle s;
        s.fill = "#e31a1c";
        s.dash = "4 2";
        s.stroke_width = 1.5;
        map.add(*wkt("POLYGON ((500100 3200100, 500900 3200100, 500900 3200400, 500100 3200100))"), s, "S-01");
        map.add_label(500500, 3200250, "项目 S-01");
        return map.render();
    };
    const std::string a = build(), b = build();
    CHECK(a == b);
    CHECK(a.find("stroke-dasharray=\"4 2\"") != std::string::npos);
    CHECK(a.find("stroke-width=\"1.5\"") != std::string::npos);
}
