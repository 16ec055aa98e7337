// Circuit theory on small grids solved by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/error.h"
#include "graph/circuit.h"

using namespace eco::graph;

TEST_CASE("circuit: two cells in series", "[graph][circuit]") {
    // one branch between the cells; equal resistances r: R_eff = r with either averaging
    ResistanceGrid g{1, 2, {3.0, 3.0}};
    for (bool avgr : {false, true}) {
        CircuitOptions o;
        o.average_resistance = avgr;
        auto r = solve_circuit(g, {0}, {1}, o);
        CHECK(r.effective_resistance == Approx(3.0).epsilon(1e-12));
        CHECK(r.current[0] == Approx(1.0));
        CHECK(r.current[1] == Approx(1.0));
        CHECK(r.voltage[1] == 0.0);
    }
    // unequal: average resistance (2 + 6) / 2 = 4; average conductance 1 / ((1/2 + 1/6) / 2) = 3
    ResistanceGrid u{1, 2, {2.0, 6.0}};
    CircuitOptions o;
    o.average_resistance = true;
    CHECK(solve_circuit(u, {0}, {1}, o).effective_resistance == Approx(4.0).epsilon(1e-12));
    o.average_resistance = false;
    CHECK(solve_circuit(u, {0}, {1}, o).effective_resistance == Approx(3.0).epsilon(1e-12));
}

TEST_CASE("circuit: a 1 x N line", "[graph][circuit]") {
    // N - 1 branches of resistance r in series: R = (N - 1) r; every cell carries the whole 1 A;
    // the voltage falls linearly.
    const std::size_t N = 7;
    ResistanceGrid g{1, N, std::vector<double>(N, 2.0)};
    auto r = solve_circuit(g, {0}, {N - 1});
    CHECK(r.effective_resistance == Approx(12.0).epsilon(1e-12));
    for (std::size_t c = 0; c < N; ++c) {
        CHECK(r.current[c] == Approx(1.0).epsilon(1e-12));
        CHECK(r.voltage[c] == Approx(2.0 * static_cast<double>(N - 1 - c)).epsilon(1e-12).margin(1e-12));
    }
}

TEST_CASE("circuit: a 2 x 2 grid is two parallel paths", "[graph][circuit]") {
    // cells 0 1 / 2 3, source 0, ground 3, all r = 1.
    // 4 neighbours: paths 0-1-3 and 0-2-3 of 2 ohm each in parallel: R = 1; 0.5 A through 1 and 2.
    ResistanceGrid g{2, 2, {1, 1, 1, 1}};
    CircuitOptions o4;
    o4.neighbours = 4;
    auto r = solve_circuit(g, {0}, {3}, o4);
    CHECK(r.effective_resistance == Approx(1.0).epsilon(1e-12));
    CHECK(r.current[1] == Approx(0.5).epsilon(1e-12));
    CHECK(r.current[2] == Approx(0.5).epsilon(1e-12));
    CHECK(r.current[0] == Approx(1.0).epsilon(1e-12));
    // 8 neighbours adds the diagonal 0-3 of sqrt 2 ohm (the 1-2 diagonal joins two equal
    // voltages and carries nothing): R = 1 || sqrt 2 = sqrt 2 / (1 + sqrt 2) = 2 - sqrt 2.
    auto r8 = solve_circuit(g, {0}, {3});
    CHECK(r8.effective_resistance == Approx(2.0 - std::sqrt(2.0)).epsilon(1e-12));
    // current through 1: 1 A x (sqrt 2 / (2 + sqrt 2)) split over two paths
    double via_paths = std::sqrt(2.0) / (1.0 + std::sqrt(2.0));  // share of the 2-ohm pair
    CHECK(r8.current[1] == Approx(via_paths / 2).epsilon(1e-12));
}

TEST_CASE("circuit: adjacent nodes of a large grid approach r / 2", "[graph][circuit]") {
    // Infinite square lattice of unit resistors: the effective resistance between two adjacent
    // nodes is exactly 1/2. A finite 41 x 41 grid (4 neighbours, r = 1 so every branch is 1 ohm)
    // is a little above it; a 81 x 81 grid closer.
    double prev = 1e9;
    for (std::size_t n : {41, 81}) {
        ResistanceGrid g{n, n, std::vector<double>(n * n, 1.0)};
        CircuitOptions o;
        o.neighbours = 4;
        std::size_t c = (n / 2) * n + n / 2;
        double R = solve_circuit(g, {c}, {c + 1}, o).effective_resistance;
        INFO(n << " x " << n << ": R = " << R);
        CHECK(R > 0.5);
        CHECK(R < 0.5 + 2.0 / static_cast<double>(n));
        CHECK(R < prev);
        prev = R;
    }
}

TEST_CASE("circuit: regions, barriers and errors", "[graph][circuit]") {
    // 3 x 3 with a wall of nodata in the middle column except the bottom cell
    const double X = -9999;
    ResistanceGrid g{3, 3, {1, X, 1, 1, X, 1, 1, 1, 1}, X};
    CircuitOptions o;
    o.neighbours = 4;
    // source = left column (one node), ground = right column: only the path through cells 6-7-8
    auto r = solve_circuit(g, {0, 3, 6}, {2, 5, 8}, o);
    CHECK(r.effective_resistance == Approx(2.0).epsilon(1e-12));  // 6-7, 7-8: 1 ohm each
    CHECK(std::isnan(r.voltage[1]));
    CHECK(r.current[7] == Approx(1.0));
    CHECK(r.current[0] == Approx(1.0));  // region cells share the region's current
    ResistanceGrid wall{1, 3, {1, X, 1}, X};
    CHECK_THROWS_WITH(solve_circuit(wall, {0}, {2}), Catch::Contains("no path"));
    CHECK_THROWS_WITH(solve_circuit(g, {0}, {0}), Catch::Contains("both regions"));
    CHECK_THROWS_AS(solve_circuit(g, {1}, {0}), eco::BadInput);
}
