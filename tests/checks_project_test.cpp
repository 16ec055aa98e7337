// Project helpers shared by the thematic commands (checks/project.h): a layer the project must
// give, one it may give, and its working CRS as the run's parameter.
#include <catch2/catch.hpp>

#include "checks/project.h"
#include "core/error.h"

using namespace eco;

TEST_CASE("project: required and optional layers, the project's work_crs", "[checks][project]") {
    checks::Project p;
    p.file = "mine.json";
    p.layers["outlet"] = io::parse_source("o.gpkg:outlet");
    CHECK(checks::project_layer(p, "outlet", "water", "--outlets FILE[:LAYER]").layer == "outlet");
    CHECK_THROWS_AS(checks::project_layer(p, "water_zone", "water", "--layer water_zone=FILE[:LAYER]"), BadInput);
    CHECK_THROWS_WITH(checks::project_layer(p, "water_zone", "water", "--layer water_zone=FILE[:LAYER]"),
                      "water: the project file 'mine.json' has no water_zone layer; add it (\"water_zone\": {\"source\": "
                      "\"file.gpkg:layer\"}) or pass --layer water_zone=FILE[:LAYER]");
    p.file.clear();
    CHECK_THROWS_WITH(checks::project_layer(p, "soil_parcel", "soil", "--parcels FILE[:LAYER]"),
                      Catch::StartsWith("soil: the project (command line) has no soil_parcel layer"));
    CHECK(checks::optional_layer(p, "outlet"));
    CHECK_FALSE(checks::optional_layer(p, "redline"));

    nlohmann::json params = nlohmann::json::object();
    p.work_crs = "auto";
    checks::apply_project_work_crs(p, params);
    CHECK_FALSE(params.contains("work-crs"));  // the default: nothing to say
    p.work_crs = "EPSG:4550";
    checks::apply_project_work_crs(p, params);
    CHECK(params["work-crs"] == "EPSG:4550");
    params["work-crs"] = "EPSG:4549";  // given on the command line: it wins
    checks::apply_project_work_crs(p, params);
    CHECK(params["work-crs"] == "EPSG:4549");
}
