// The test runner: Catch2's own main, after GDAL's drivers are registered once (a test that
// runs alone, e.g. from ctest, must not depend on another test having opened a file first).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "io/gdal_util.h"

int main(int argc, char* argv[]) {
    eco::io::gdal_init();
    return Catch::Session().run(argc, argv);
}
