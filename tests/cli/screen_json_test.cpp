// report.json's site lines are written directly (site_json_text) rather than through a json
// object: they must be the very bytes nlohmann::json::dump() writes for site_json(), which stays
// the reference (the HTML page and other front ends use it).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "checks/project.h"
#include "checks/screen.h"
#include "report/screen_report.h"

using namespace eco;

TEST_CASE("screen: report.json site lines written directly equal site_json().dump() on every demo site", "[screen][json]") {
    auto r = checks::run_screen(checks::load_project(checks::demo_project_path(), "screen"), nlohmann::json::object());
    REQUIRE(r->results.size() >= 30);
    int polygons = 0, lines = 0, points = 0, hits = 0, units = 0;
    for (const auto& s : r->results) {
        std::string text;
        report::site_json_text(*r, s, text);
        const std::string ref = report::site_json(*r, s).dump();
        INFO("site " << s.site_id << "\nexpected " << ref << "\nactual   " << text);
        CHECK(text == ref);
        (s.dim == 2 ? polygons : s.dim == 1 ? lines : points)++;
        hits += s.n_hits;
        if (int cu = r->layer_index("control_unit"); cu >= 0) units += static_cast<int>(s.per_layer[cu].hits.size());
    }
    // the demo covers every branch: each geometry family, hits, control units quoted
    CHECK(polygons > 0);
    CHECK(lines > 0);
    CHECK(points > 0);
    CHECK(hits > 0);
    CHECK(units > 0);

    // text that needs escaping (quotes, backslash, control characters, non-ASCII), numbers in
    // exponent form, negative zero, a value that is not finite
    auto& s = r->results.front();
    s.name = "a \"quoted\" \\ name\twith\ncontrol \x01 and 中文";
    s.activity = "tab\there";
    s.site_id = "id,with;chars/";
    s.area_m2 = 1.5e20;
    s.area_ell_m2 = -0.0;
    s.length_m = std::numeric_limits<double>::quiet_NaN();
    s.length_ell_m = 1e-7;
    s.per_layer.front().dmin = 12345.6789012345;
    std::string text;
    report::site_json_text(*r, s, text);
    const std::string ref = report::site_json(*r, s).dump();
    INFO("expected " << ref << "\nactual   " << text);
    CHECK(text == ref);
}
