// OutputDir (report/out_dir.h): files under temporary names until commit; a stale file of an
// earlier run (report.html under --no-html) removed at commit only.
#include <catch2/catch.hpp>

#include <filesystem>

#include "report/out_dir.h"
#include "test_util.h"

using namespace eco;
namespace fs = std::filesystem;

TEST_CASE("output dir: remove_at_commit drops an earlier run's file only when the run completes", "[report][out_dir]") {
    testutil::TempDir d;
    const std::string dir = d / "out";
    fs::create_directories(dir);
    testutil::write_text(dir + "/report.html", "an earlier run's page");
    testutil::write_text(dir + "/report.json", "{}");
    {
        // an interrupted run: nothing committed, the earlier files stay as they were
        report::OutputDir out(dir, "test");
        out.write_text("report.json", "{\"new\": 1}");
        out.remove_at_commit("report.html");
        CHECK(fs::exists(dir + "/report.html"));
    }
    CHECK(testutil::read_text(dir + "/report.html") == "an earlier run's page");
    CHECK(testutil::read_text(dir + "/report.json") == "{}");
    {
        report::OutputDir out(dir, "test");
        out.write_text("report.json", "{\"new\": 1}");
        out.remove_at_commit("report.html");
        out.remove_at_commit("never_written.txt");  // absent: nothing to do, no error
        CHECK(fs::exists(dir + "/report.html"));     // not before the commit
        out.commit();
        CHECK(out.final_paths() == std::vector<std::string>{dir + "/report.json"});
    }
    CHECK_FALSE(fs::exists(dir + "/report.html"));
    CHECK(testutil::read_text(dir + "/report.json") == "{\"new\": 1}");
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
    CHECK(left == std::vector<std::string>{"report.json"});  // no .partial left either
}
