// End-to-end: the `ecoshield screen` command on the bundled demo data. The expected verdicts and
// figures come from layers/demo/demo_sites_expected.csv, where each is derived from how the demo
// site was constructed (see its `why` column), not from the program's output.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

std::vector<std::string> parse_csv_line(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool in_q = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (in_q) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
            else if (c == '"') in_q = false;
            else cur += c;
        } else if (c == '"') in_q = true;
        else if (c == ',') out.push_back(cur), cur.clear();
        else cur += c;
    }
    out.push_back(cur);
    return out;
}

std::vector<std::map<std::string, std::string>> read_csv(const std::string& path) {
    std::istringstream in(testutil::read_text(path));
    std::string line;
    std::getline(in, line);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line = line.substr(3);
    auto header = parse_csv_line(line);
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto f = parse_csv_line(line);
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
        rows.push_back(row);
    }
    return rows;
}

std::set<std::string> split(const std::string& s, char sep) {
    std::set<std::string> out;
    std::stringstream ss(s);
    std::string x;
    while (std::getline(ss, x, sep))
        if (!x.empty()) out.insert(x);
    return out;
}

struct DemoRun {
    TempDir dir;
    testutil::Run run;
    nlohmann::json report;
    DemoRun() {
        run = run_cli("screen --quiet --out " + q(dir / "out"));
        if (run.status == 0) report = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    }
};

DemoRun& demo() {
    static DemoRun d;
    return d;
}

const nlohmann::json* site(const std::string& id) {
    for (const auto& s : demo().report["sites"])
        if (s["site_id"] == id) return &s;
    return nullptr;
}

double num(const nlohmann::json& j) { return j.is_null() ? -1.0 : j.get<double>(); }

}  // namespace

TEST_CASE("screen on the demo data writes the styled GeoPackage and the three reports", "[cli][screen]") {
    auto& d = demo();
    INFO(d.run.out);
    REQUIRE(d.run.status == 0);
    for (const char* f : {"screen.gpkg", "report.json", "report.csv", "report.html"})
        CHECK(std::filesystem::exists(d.dir / (std::string("out/") + f)));
    // no temporary file is left behind
    for (const auto& e : std::filesystem::directory_iterator(d.dir.path / "out"))
        CHECK(e.path().filename().string().find(".partial") == std::string::npos);
    // every layer carries a default QGIS style
    auto styles = run_cli("--version");  // the binary runs
    CHECK(styles.status == 0);
    eco::io::gdal_init();
    eco::io::Dataset ds(GDALDataset::Open((d.dir / "out/screen.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    std::set<std::string> layers, styled;
    for (int i = 0; i < ds->GetLayerCount(); ++i) layers.insert(ds->GetLayer(i)->GetName());
    OGRLayer* st = ds->ExecuteSQL("SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1", nullptr, nullptr);
    REQUIRE(st);
    for (auto& f : *st) styled.insert(f->GetFieldAsString(0));
    ds->ReleaseResultSet(st);
    for (const char* l : {"sites_point", "sites_line", "sites_polygon", "overlaps", "nearest", "buffer_rings", "context_redline", "repairs"}) {
        INFO(l);
        CHECK(layers.count(l) == 1);
        CHECK(styled.count(l) == 1);
    }
    // the HTML page is self-contained: no external resource
    std::string html = testutil::read_text(d.dir / "out/report.html");
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("demo verdicts and rules fired match the designed expectations", "[cli][screen]") {
    auto& d = demo();
    REQUIRE(d.run.status == 0);
    auto expected = read_csv(std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/demo_sites_expected.csv");
    REQUIRE(expected.size() >= 30);
    std::set<std::string> verdicts_seen;
    for (const auto& e : expected) {
        const auto* s = site(e.at("site_id"));
        INFO("site " << e.at("site_id") << ": " << e.at("why"));
        REQUIRE(s);
        CHECK((*s)["verdict"] == e.at("expected_verdict"));
        verdicts_seen.insert((*s)["verdict"].get<std::string>());
        std::set<std::string> fired;
        for (const auto& r : (*s)["rules_fired"]) fired.insert(r["id"].get<std::string>());
        CHECK(fired == split(e.at("rules_expected"), ';'));
    }
    CHECK(verdicts_seen == std::set<std::string>{"prohibited", "restricted", "caution", "clear"});
}

TEST_CASE("demo figures of the constructed sites match the hand-derived values", "[cli][screen]") {
    auto& d = demo();
    REQUIRE(d.run.status == 0);
    auto expected = read_csv(std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/demo_sites_expected.csv");
    // the demo is stored in lon/lat (EPSG:4490); the sites were built in EPSG:4549 and went through
    // two projections: 1e-4 relative (1 cm in 100 m) is well above that round trip
    const double rel = 1e-4;
    for (const auto& e : expected) {
        const auto* s = site(e.at("site_id"));
        REQUIRE(s);
        INFO("site " << e.at("site_id") << ": " << e.at("why"));
        const auto& red = (*s)["layers"]["redline"];
        auto has = [&](const char* k) { return e.count(k) && !e.at(k).empty(); };
        if (has("site_area_m2")) CHECK(num((*s)["area_m2"]) == Approx(std::stod(e.at("site_area_m2"))).epsilon(rel));
        if (has("site_length_m")) CHECK(num((*s)["length_m"]) == Approx(std::stod(e.at("site_length_m"))).epsilon(rel));
        if (has("redline_hits")) CHECK(red["n_hits"].get<int>() == std::stoi(e.at("redline_hits")));
        if (has("redline_overlap_m2")) CHECK(num(red["overlap_m2"]) == Approx(std::stod(e.at("redline_overlap_m2"))).epsilon(rel).margin(1e-3));
        if (has("redline_share")) CHECK(num(red["site_share"]) == Approx(std::stod(e.at("redline_share"))).epsilon(rel).margin(1e-7));
        if (has("redline_dmin_m")) CHECK(num(red["nearest"]["distance_m"]) == Approx(std::stod(e.at("redline_dmin_m"))).epsilon(rel).margin(1e-3));
        if (has("redline_nearest_code")) CHECK(red["nearest"]["code"] == e.at("redline_nearest_code"));
        if (has("line_length_inside_m")) CHECK(num(red["length_inside_m"]) == Approx(std::stod(e.at("line_length_inside_m"))).epsilon(rel));
        if (has("redline_crossings")) CHECK(red["crossings"].get<int>() == std::stoi(e.at("redline_crossings")));
        if (has("redline_tiny_overlaps")) {
            int tiny = 0;
            for (const auto& h : red["hits"]) tiny += h["tiny"].get<bool>();
            CHECK(tiny == std::stoi(e.at("redline_tiny_overlaps")));
        }
        // other_expected: kind:code:metric=value;...
        for (const auto& item : split(e.count("other_expected") ? e.at("other_expected") : "", ';')) {
            auto c1 = item.find(':'), c2 = item.find(':', c1 + 1), eq = item.find('=');
            std::string kind = item.substr(0, c1), code = item.substr(c1 + 1, c2 - c1 - 1), metric = item.substr(c2 + 1, eq - c2 - 1);
            double want = std::stod(item.substr(eq + 1));
            INFO(item);
            const auto& L = (*s)["layers"][kind];
            bool found = false;
            if (metric == "distance_m") {
                for (const auto& n : L["near"])
                    if (n["code"] == code) {
                        found = true;
                        CHECK(num(n["distance_m"]) == Approx(want).epsilon(rel).margin(1e-3));
                    }
                CHECK(found);
                continue;
            }
            for (const auto& h : L["hits"])
                if (h["code"] == code) {
                    found = true;
                    CHECK(num(h[metric]) == Approx(want).epsilon(rel).margin(1e-6));
                }
            CHECK(found);
        }
    }
}

TEST_CASE("the same input gives the same bytes whatever the thread count", "[cli][screen]") {
    TempDir t;
    auto a = run_cli("--threads 1 screen --quiet --no-html --out " + q(t / "a"));
    auto b = run_cli("--threads 2 screen --quiet --no-html --out " + q(t / "b"));
    REQUIRE(a.status == 0);
    REQUIRE(b.status == 0);
    // report.json carries the creation time: compare everything but that line
    auto strip = [](std::string s) {
        auto p = s.find("\"created\"");
        auto e = s.find('\n', p);
        return s.erase(p, e - p);
    };
    CHECK(strip(testutil::read_text(t / "a/report.json")) == strip(testutil::read_text(t / "b/report.json")));
    CHECK(testutil::read_text(t / "a/report.csv") == testutil::read_text(t / "b/report.csv"));
}

TEST_CASE("screen: bad input gets one line naming the problem and exit status 2", "[cli][screen][bad]") {
    TempDir t;
    auto r = run_cli("screen --sites " + q(t / "missing.gpkg") + " --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("missing.gpkg") && Catch::Contains("does not exist"));
    // an output directory that cannot be created (its parent is a file)
    testutil::write_text(t / "afile", "x");
    r = run_cli("screen --quiet --out " + q(t / "afile/out"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("output directory"));
    // unknown layer kind on the command line
    r = run_cli("screen --sites layers/demo/demo_sites.gpkg:sites --layer forest=layers/demo/taizhou_demo.gpkg:redline --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("unknown layer kind 'forest'"));
    // a project file with an unknown kind
    testutil::write_text(t / "p.json", R"({"layers": {"forest": {"source": "x.gpkg"}}})");
    r = run_cli("screen --project " + q(t / "p.json") + " --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("unknown layer kind 'forest'") && Catch::Contains("p.json"));
    // malformed rules files
    testutil::write_text(t / "r1.json", "{ not json");
    r = run_cli("screen --rules " + q(t / "r1.json") + " --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("r1.json") && Catch::Contains("not valid JSON"));
    testutil::write_text(t / "r2.json", R"({"rules":[{"id":"x","layer":"redline","relation":"touches","verdict":"prohibited"}]})");
    r = run_cli("screen --rules " + q(t / "r2.json") + " --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("rule 'x'") && Catch::Contains("unknown relation 'touches'"));
    testutil::write_text(t / "r3.json", R"({"rules":[{"id":"y","layer":"water_source","relation":"intersects","where":{"level":["fifth"]},"verdict":"prohibited"}]})");
    r = run_cli("screen --rules " + q(t / "r3.json") + " --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("'fifth' is not a value of water_source.level"));
    // bad buffers
    r = run_cli("screen --buffers 500,100 --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("ascending"));
    r = run_cli("screen --buffers 100,abc --out " + q(t / "o"));
    CHECK(r.status == 2);
    // nothing was written under a final name by the failed runs
    CHECK_FALSE(std::filesystem::exists(t / "o/report.json"));
}

TEST_CASE("screen with the real, invalid Taizhou county polygons as sites: repaired and listed", "[cli][screen][real]") {
    TempDir t;
    auto r = run_cli("screen --quiet --no-html --sites " + q(std::string(ECOSHIELD_TEST_DATA) + "/taizhou/counties_wgs84.geojson") +
                     " --out " + q(t / "o"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto rep = nlohmann::json::parse(testutil::read_text(t / "o/report.json"));
    CHECK(rep["summary"]["sites"] == 9);
    int repaired_sites = 0;
    for (const auto& x : rep["repairs"]) repaired_sites += x["layer"] == "sites" && x["action"] == "repaired";
    CHECK(repaired_sites == 9);
    // every county holds some of the demo redlines except none: at least the mountain counties are hit
    int hit = 0;
    for (const auto& s : rep["sites"]) hit += s["layers"]["redline"]["n_hits"].get<int>() > 0;
    CHECK(hit >= 4);
}

TEST_CASE("screen refuses a rule that tests a field the layer lacks", "[cli][screen][bad]") {
    TempDir t;
    // a water source layer without any level field: the rule dws_first could never fire
    testutil::write_vector(t / "ws.gpkg", "GPKG", "ws", "EPSG:4490", wkbPolygon,
                           {{"POLYGON((121.1 28.6,121.11 28.6,121.11 28.61,121.1 28.61,121.1 28.6))", {{"name", "水库"}}}});
    auto r = run_cli("screen --sites layers/demo/demo_sites.gpkg:sites --layer redline=layers/demo/taizhou_demo.gpkg:redline "
                     "--layer water_source=" + q(t / "ws.gpkg") + " --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("rule 'dws_first'") && Catch::Contains("field 'level'") && Catch::Contains("ws.gpkg"));
}

TEST_CASE("screen refuses a distorting working CRS and zero buffers", "[cli][screen][bad]") {
    TempDir t;
    auto r = run_cli("screen --work-crs EPSG:3857 --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("stretches distances") && Catch::Contains("EPSG:4549"));
    r = run_cli("screen --buffers 0,500 --out " + q(t / "o"));
    CHECK(r.status == 2);
    CHECK_THAT(r.out, Catch::Contains("above 0 m"));
}
