// End-to-end checks of `ecoshield screen` from the review findings: Ctrl-C leaves nothing behind,
// every site read is a row of report.csv (rejected ones too), repairs name their feature, the
// report.csv columns are the ones docs/formats.md lists, the line tolerance is a parameter.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

std::vector<std::string> csv_line(const std::string& line) {
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

// header + rows (each row as column -> value); the BOM is stripped
std::pair<std::vector<std::string>, std::vector<std::map<std::string, std::string>>> read_csv(const std::string& path) {
    std::istringstream in(testutil::read_text(path));
    std::string line;
    std::getline(in, line);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line = line.substr(3);
    auto header = csv_line(line);
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto f = csv_line(line);
        REQUIRE(f.size() == header.size());  // every row has every column
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < header.size(); ++i) row[header[i]] = f[i];
        rows.push_back(row);
    }
    return {header, rows};
}

// Every file in `dir` (names only).
std::set<std::string> files_in(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

struct ScopedEnv {
    std::string name;
    ScopedEnv(const char* n, const char* v) : name(n) { setenv(n, v, 1); }
    ~ScopedEnv() { unsetenv(name.c_str()); }
};

}  // namespace

TEST_CASE("Ctrl-C during screen: exit 130, no temporary file, earlier outputs untouched", "[cli][screen]") {
    TempDir d;
    const std::string out = d / "out";
    auto first = run_cli("screen --quiet --no-html --out " + q(out));
    INFO(first.out);
    REQUIRE(first.status == 0);
    const std::string csv_before = testutil::read_text(out + "/report.csv");
    const std::string gpkg_before = testutil::read_text(out + "/screen.gpkg");
    const auto files_before = files_in(out);
    // a SIGINT raised by the process itself at a chosen step (the same handler as a real Ctrl-C):
    // while sites are screened (before any output exists) and while the GeoPackage is written
    // (temporary files open, the reports being written by a second thread)
    for (const char* step : {"screening sites", "writing layers"}) {
        INFO("SIGINT at: " << step);
        ScopedEnv env("ECOSHIELD_TEST_SIGNAL_AT", step);
        auto r = run_cli("screen --quiet --no-html --buffers 200,900 --out " + q(out));
        INFO(r.out);
        CHECK(r.status == 130);
        CHECK(r.out.find("interrupted") != std::string::npos);
        CHECK(files_in(out) == files_before);  // no .partial, no -journal, nothing new
        CHECK(testutil::read_text(out + "/report.csv") == csv_before);
        CHECK(testutil::read_text(out + "/screen.gpkg") == gpkg_before);
    }
}

TEST_CASE("rejected sites are rows of report.csv; repairs name the feature's code and site id", "[cli][screen]") {
    TempDir d;
    // sites in lon/lat: S1 a point, S2 no geometry (rejected), S3 a zero-area polygon (rejected),
    // S4 a bow-tie (repaired), S5 a point
    testutil::write_vector(d / "sites.gpkg", "GPKG", "sites", "EPSG:4490", wkbUnknown,
                           {{"POINT(121.1 28.9)", {{"site_id", "S1"}, {"name", "one"}}},
                            {"", {{"site_id", "S2"}, {"name", "two"}}},
                            {"POLYGON((121.0 28.9,121.01 28.9,121.02 28.9,121.0 28.9))", {{"site_id", "S3"}, {"name", "three"}}},
                            {"POLYGON((121.0 28.9,121.01 28.91,121.01 28.9,121.0 28.91,121.0 28.9))", {{"site_id", "S4"}, {"name", "four"}}},
                            {"POINT(121.2 28.95)", {{"site_id", "S5"}, {"name", "five"}}}});
    // redlines: RL-1 valid, RL-2 a bow-tie (repaired), RL-3 no geometry (rejected)
    testutil::write_vector(d / "red.gpkg", "GPKG", "redline", "EPSG:4490", wkbPolygon,
                           {{"POLYGON((121.05 28.85,121.15 28.85,121.15 28.95,121.05 28.95,121.05 28.85))", {{"code", "RL-1"}}},
                            {"POLYGON((121.3 28.9,121.31 28.91,121.31 28.9,121.3 28.91,121.3 28.9))", {{"code", "RL-2"}}},
                            {"", {{"code", "RL-3"}}}});
    auto r = run_cli("screen --quiet --no-html --sites " + q(d / "sites.gpkg:sites") + " --layer redline=" + q(d / "red.gpkg:redline") +
                     " --rules bench/screen_rules.json --out " + q(d / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto [header, rows] = read_csv(d / "out/report.csv");
    REQUIRE(rows.size() == 5);  // one row per site read
    const char* ids[] = {"S1", "S2", "S3", "S4", "S5"};
    for (size_t i = 0; i < 5; ++i) {
        INFO(ids[i]);
        CHECK(rows[i]["site_id"] == ids[i]);  // input order
        const bool rejected = i == 1 || i == 2;
        CHECK((rows[i]["verdict"] == "rejected") == rejected);
        CHECK(rows[i]["rejected_reason"].empty() == !rejected);
    }
    CHECK(rows[1]["name"] == "two");
    CHECK(rows[1]["rejected_reason"] == "no geometry");
    CHECK(rows[2]["rejected_reason"].find("zero-area") != std::string::npos);
    CHECK(rows[0]["verdict"] == "prohibited");  // S1 is inside RL-1

    // report.json: every repair row carries the code (and the site id for sites)
    auto j = nlohmann::json::parse(testutil::read_text(d / "out/report.json"));
    std::map<std::string, std::string> site_repairs, red_repairs;
    for (const auto& x : j["repairs"]) {
        if (x["layer"] == "sites") {
            CHECK(x["site_id"] == x["code"]);
            site_repairs[x["site_id"].get<std::string>()] = x["action"];
        } else {
            CHECK(x["layer"] == "redline");
            red_repairs[x["code"].get<std::string>()] = x["action"];
        }
    }
    CHECK(site_repairs == std::map<std::string, std::string>{{"S2", "rejected"}, {"S3", "rejected"}, {"S4", "repaired"}});
    CHECK(red_repairs == std::map<std::string, std::string>{{"RL-2", "repaired"}, {"RL-3", "rejected"}});

    // screen.gpkg: the repairs table has the same
    eco::io::gdal_init();
    eco::io::Dataset ds(GDALDataset::Open((d / "out/screen.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* rep = ds->GetLayerByName("repairs");
    REQUIRE(rep);
    std::set<std::string> got;
    for (auto& f : *rep)
        got.insert(std::string(f->GetFieldAsString("layer")) + "|" + f->GetFieldAsString("feature_code") + "|" +
                   f->GetFieldAsString("site_id") + "|" + f->GetFieldAsString("action"));
    CHECK(got == std::set<std::string>{"sites|S2|S2|rejected", "sites|S3|S3|rejected", "sites|S4|S4|repaired",
                                       "redline|RL-2||repaired", "redline|RL-3||rejected"});
}

TEST_CASE("report.csv header matches docs/formats.md", "[cli][screen]") {
    // the documented list, between its markers: the first word of each line is a column
    std::string doc = testutil::read_text(std::string(ECOSHIELD_SOURCE_DIR) + "/docs/formats.md");
    auto a = doc.find("<!-- report.csv columns: begin -->"), b = doc.find("<!-- report.csv columns: end -->");
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    std::istringstream block(doc.substr(a, b - a));
    std::vector<std::string> documented;
    std::string line;
    while (std::getline(block, line)) {
        if (line.empty() || line.rfind("<!--", 0) == 0 || line.rfind("```", 0) == 0) continue;
        documented.push_back(line.substr(0, line.find(' ')));
    }
    REQUIRE(documented.size() > 10);

    TempDir d;
    auto r = run_cli("screen --quiet --no-html --buffers 100,250.5 --out " + q(d / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(d / "out/report.json"));
    std::vector<std::string> kinds;  // the project's layer kinds other than redline, in report order
    bool redline = false;
    for (const auto& in : j["inputs"]) {
        std::string role = in["role"];
        if (role == "sites" || role == "rules") continue;
        if (role == "redline") redline = true;
        else kinds.push_back(role);
    }
    REQUIRE(redline);
    REQUIRE(kinds.size() >= 5);
    const std::vector<std::string> buffers{"100", "250.5"};
    // expand the documented list: per-buffer pairs, then per-kind triples
    std::vector<std::string> expected;
    for (size_t i = 0; i < documented.size(); ++i) {
        const std::string& c = documented[i];
        if (c == "redline_n_<b>") {
            REQUIRE(documented.at(i + 1) == "redline_area_<b>_m2");
            for (const auto& bb : buffers) {
                expected.push_back("redline_n_" + bb);
                expected.push_back("redline_area_" + bb + "_m2");
            }
            ++i;
        } else if (c == "<kind>_hits") {
            REQUIRE(documented.at(i + 1) == "<kind>_overlap_m2");
            REQUIRE(documented.at(i + 2) == "<kind>_dmin_m");
            for (const auto& k : kinds)
                for (const char* s : {"_hits", "_overlap_m2", "_dmin_m"}) expected.push_back(k + s);
            i += 2;
        } else {
            expected.push_back(c);
        }
    }
    auto [header, rows] = read_csv(d / "out/report.csv");
    CHECK(header == expected);
    CHECK(rows.size() == j["sites"].size());
}

TEST_CASE("screen: the tiny-length tolerance of line sites is a command-line parameter: validated and recorded in the run", "[cli][screen]") {
    TempDir d;
    auto r = run_cli("screen --quiet --no-html --tiny-length 0.5 --out " + q(d / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(d / "out/report.json"));
    CHECK(j["parameters"]["tiny-length"].get<double>() == 0.5);
    auto bad = run_cli("screen --quiet --no-html --tiny-length -1 --out " + q(d / "out2"));
    CHECK(bad.status == 2);
    CHECK(bad.out.find("tiny-length") != std::string::npos);
}

TEST_CASE("a geometry failure inside the site loop names the file, layer, site and operation", "[cli][screen]") {
    TempDir d;
    // X1 runs 5 million km east: its ellipsoidal length cannot be measured (outside the
    // projection's domain), a failure inside the per-site work
    testutil::write_vector(d / "sites.gpkg", "GPKG", "sites", "EPSG:4549", wkbUnknown,
                           {{"POINT(500000 3200000)", {{"site_id", "X0"}}},
                            {"LINESTRING(500000 3200000,5000000000 3200000)", {{"site_id", "X1"}}}});
    auto r = run_cli("screen --quiet --no-html --work-crs EPSG:4549 --sites " + q(d / "sites.gpkg:sites") +
                     " --layer redline=layers/demo/taizhou_demo.gpkg:redline --rules bench/screen_rules.json --out " + q(d / "out"));
    INFO(r.out);
    CHECK(r.status == 1);
    CHECK(r.out.find("site 'X1' (fid 2)") != std::string::npos);
    CHECK(r.out.find(d / "sites.gpkg:sites") != std::string::npos);
    CHECK(r.out.find("ellipsoidal measure") != std::string::npos);
    // one line of ours (GDAL's own complaints while the working CRS is checked come from io/)
    size_t ours = 0;
    for (size_t at = r.out.find("ecoshield:"); at != std::string::npos; at = r.out.find("ecoshield:", at + 1)) ++ours;
    CHECK(ours == 1);
    CHECK_FALSE(std::filesystem::exists(d / "out/report.csv"));
}
