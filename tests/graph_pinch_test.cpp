// Pinch points (engine/graph/pinch.h, circuit.h): series and parallel resistors on tiny grids solved by
// hand, the closed form of a uniform grid between two full-side electrodes, and a corridor that widens.
//
// Closed form (node-based grid, average-conductance branches): a W x L grid of cells of resistance r, the
// first column short-circuited as the source, the last as the ground. Every column at one voltage
// V_j = V_0 (L - 1 - j) / (L - 1) satisfies Kirchhoff's current law at every cell (the horizontal (and
// diagonal) currents into a cell from column j - 1 equal those out to column j + 1, the vertical branches
// join equal voltages and carry nothing), so it is the solution. Between two adjacent columns:
//   4 neighbours: W horizontal branches of conductance (1/r + 1/r) / 2 = 1/r: G = W / r;
//   8 neighbours: also 2 (W - 1) diagonals of conductance (1/r + 1/r) / (2 sqrt 2) = 1 / (r sqrt 2):
//                 G = (W + sqrt 2 (W - 1)) / r.
// L - 1 such steps in series: R = (L - 1) r / W (4 neighbours), (L - 1) r / (W + sqrt 2 (W - 1)) (8).
#include <catch2/catch.hpp>


#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_util.h"
#include "graph_test_util.h"
#include "graph/corridors.h"
#include "graph/pinch.h"

using namespace eco::graph;

namespace {

using testutil::make_patches;

std::vector<std::size_t> column(std::size_t rows, std::size_t cols, std::size_t c) {
    std::vector<std::size_t> v;
    for (std::size_t r = 0; r < rows; ++r) v.push_back(r * cols + c);
    return v;
}

}  // namespace

TEST_CASE("pinch: series strip and parallel strips by hand", "[graph][pinch]") {
    // 1 x n strip of resistance r: n - 1 branches of conductance 1/r in series: R = (n - 1) r.
    const std::size_t n = 9;
    const double r = 2.5;
    ResistanceGrid strip{1, n, std::vector<double>(n, r)};
    CHECK(solve_circuit(strip, {0}, {n - 1}).effective_resistance == Approx((n - 1) * r).epsilon(1e-12));
    // Two such strips side by side (2 x n, 4 neighbours), the end columns as electrodes: half of it.
    ResistanceGrid two{2, n, std::vector<double>(2 * n, r)};
    CircuitOptions o4;
    o4.neighbours = 4;
    CHECK(solve_circuit(two, column(2, n, 0), column(2, n, n - 1), o4).effective_resistance ==
          Approx((n - 1) * r / 2).epsilon(1e-12));
    // Unequal cells in series, 1 x 3 with r = 1, 3, 1: average conductance (1 + 1/3) / 2 = 2/3 per branch
    // (1.5 ohm), two branches: 3; average resistance (1 + 3) / 2 = 2 per branch: 4.
    ResistanceGrid mixed{1, 3, {1.0, 3.0, 1.0}};
    CHECK(solve_circuit(mixed, {0}, {2}).effective_resistance == Approx(3.0).epsilon(1e-12));
    CircuitOptions avgr;
    avgr.average_resistance = true;
    CHECK(solve_circuit(mixed, {0}, {2}, avgr).effective_resistance == Approx(4.0).epsilon(1e-12));
    // Parallel strips of different resistance (4 neighbours; no cross current only when the strips are
    // separated): rows 0 and 2 carry r = 1 and r = 3, row 1 is nodata. R = 1 / (1/(n-1) + 1/(3(n-1))).
    std::vector<double> v(3 * n);
    for (std::size_t c = 0; c < n; ++c) {
        v[c] = 1.0;
        v[n + c] = kNaN;
        v[2 * n + c] = 3.0;
    }
    v[n] = v[2 * n - 1] = 1.0;  // the electrode columns are whole
    ResistanceGrid par{3, n, v};
    const double R1 = (n - 1) * 1.0, R3 = (n - 1) * 3.0;
    // the electrodes short each end column, so the middle cells of the end columns do not matter
    CHECK(solve_circuit(par, column(3, n, 0), column(3, n, n - 1), o4).effective_resistance ==
          Approx(1.0 / (1.0 / R1 + 1.0 / R3)).epsilon(1e-12));
}

TEST_CASE("pinch: uniform grid between full-side electrodes, closed form", "[graph][pinch]") {
    for (std::size_t W : {1, 2, 5, 9})
        for (std::size_t L : {2, 3, 10, 17}) {
            const double r = 4.0;
            ResistanceGrid g{W, L, std::vector<double>(W * L, r)};
            CircuitOptions o4;
            o4.neighbours = 4;
            INFO(W << " x " << L);
            const double R4 = solve_circuit(g, column(W, L, 0), column(W, L, L - 1), o4).effective_resistance;
            CHECK(R4 == Approx((L - 1) * r / W).epsilon(1e-10));
            const double R8 = solve_circuit(g, column(W, L, 0), column(W, L, L - 1)).effective_resistance;
            CHECK(R8 == Approx((L - 1) * r / (W + std::sqrt(2.0) * (W - 1))).epsilon(1e-10));
        }
}

TEST_CASE("pinch: corridor circuits, R_eff by hand and falling as the corridor widens", "[graph][pinch]") {
    // 3 x 7 grid, resistance 1, single-cell patches A = (1,0), B = (1,6) (see graph_corridors_test): at width
    // 0 the corridor is row 1 only, a 1 x 7 strip: R_eff = 6, 1 A through every cell.
    const int W = 7, H = 3;
    std::vector<int32_t> lab(W * H, 0);
    lab[1 * W + 0] = 1;
    lab[1 * W + 6] = 2;
    auto p = make_patches(W, H, lab);
    Resistance res;
    res.r.assign(W * H, 1.f);
    res.min = res.max = 1;
    auto links = patch_links(p, res, LinkOptions{}, "t");
    double prev = 1e300;
    for (double width : {0.0, 10.0, 20.0}) {
        CorridorOptions o;
        o.width = width;
        auto cor = least_cost_corridors(p, res, links, o, "t");
        auto pr = pinch_points(p, res, cor, PinchOptions{}, "t");
        REQUIRE(pr.link.size() == 1);
        INFO("width " << width);
        if (width == 0) {
            CHECK(pr.link[0].r_eff == Approx(6.0).epsilon(1e-12));
            for (int c = 1; c <= 5; ++c) CHECK(pr.current[1 * W + c] == Approx(1.0).epsilon(1e-12));
            CHECK(std::isnan(pr.current[0 * W + 3]));  // outside the corridor
            CHECK(std::isnan(pr.current[1 * W + 0]));  // the end patches are left out
            CHECK(pr.link[0].max_current == Approx(1.0).epsilon(1e-12));
        }
        CHECK(pr.link[0].r_eff < prev);  // a wider corridor conducts better
        prev = pr.link[0].r_eff;
    }
    // Full-column patches on a 4 x 6 grid: N = 0 everywhere, the corridor is the whole grid and the circuit is
    // the closed form above with W = 4, L = 6: R = 5 / (4 + 3 sqrt 2) (8 neighbours), 5 / 4 (4 neighbours).
    const int W2 = 6, H2 = 4;
    std::vector<int32_t> lab2(W2 * H2, 0);
    for (int r = 0; r < H2; ++r) {
        lab2[r * W2] = 1;
        lab2[r * W2 + W2 - 1] = 2;
    }
    auto p2 = make_patches(W2, H2, lab2);
    Resistance res2;
    res2.r.assign(W2 * H2, 1.f);
    res2.min = res2.max = 1;
    auto links2 = patch_links(p2, res2, LinkOptions{}, "t");
    CorridorOptions o;
    o.width = 0;
    auto cor2 = least_cost_corridors(p2, res2, links2, o, "t");
    REQUIRE(cor2.corridors.size() == 1);
    CHECK(cor2.corridors[0].cells == 16);
    auto pr8 = pinch_points(p2, res2, cor2, PinchOptions{}, "t");
    CHECK(pr8.link[0].r_eff == Approx(5.0 / (4.0 + 3.0 * std::sqrt(2.0))).epsilon(1e-10));
    PinchOptions p4;
    p4.circuit.neighbours = 4;
    auto pr4 = pinch_points(p2, res2, cor2, p4, "t");
    CHECK(pr4.link[0].r_eff == Approx(5.0 / 4.0).epsilon(1e-10));
    // each of the 4 rows carries 1/4 A with 4 neighbours
    CHECK(pr4.current[1 * W2 + 2] == Approx(0.25).epsilon(1e-10));
    PinchOptions bad;
    bad.mosaic = "mean";
    CHECK_THROWS_AS(pinch_points(p2, res2, cor2, bad, "t"), eco::BadInput);
}

TEST_CASE("pinch: a diagonal path at width 0 under 4 neighbours has no circuit (noted, not thrown)", "[graph][pinch]") {
    // A = (0,0), B = (2,2) on a 3 x 3 grid with resistance 1 except 9 on the off-diagonal cells: the only
    // N = 0 cells are the diagonal, which 4-neighbour branches do not join.
    const int W = 3, H = 3;
    std::vector<int32_t> lab(W * H, 0);
    lab[0] = 1;
    lab[8] = 2;
    auto p = make_patches(W, H, lab);
    Resistance res;
    res.r.assign(W * H, 9.f);
    res.r[0] = res.r[4] = res.r[8] = 1.f;
    res.min = 1;
    res.max = 9;
    auto links = patch_links(p, res, LinkOptions{}, "t");
    CorridorOptions o;
    o.width = 0;
    auto cor = least_cost_corridors(p, res, links, o, "t");
    PinchOptions p4;
    p4.circuit.neighbours = 4;
    auto pr = pinch_points(p, res, cor, p4, "t");
    CHECK(std::isnan(pr.link[0].r_eff));
    CHECK(pr.failed == 1);
    CHECK(!pr.link[0].note.empty());
    // 8 neighbours: two diagonal branches of conductance 1 / sqrt 2: R = 2 sqrt 2
    auto pr8 = pinch_points(p, res, cor, PinchOptions{}, "t");
    CHECK(pr8.link[0].r_eff == Approx(2 * std::sqrt(2.0)).epsilon(1e-12));
}

TEST_CASE("pinch: R_eff against networkx's resistance_distance on a random grid", "[graph][pinch]") {
    // Independent solver: networkx (python3) on the same branches (Circuitscape's average-conductance rule,
    // restated here: (1/r_a + 1/r_b) / 2 orthogonal, / (2 sqrt 2) diagonal).
    if (std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
        WARN("python3-networkx not installed: cross-check skipped");
        return;
    }
    const std::size_t R = 6, C = 8;
    std::vector<double> r(R * C);
    unsigned s = 12345;
    for (auto& v : r) {
        s = s * 1103515245u + 12345u;
        v = 1.0 + (s >> 16) % 100 / 7.0;
    }
    r[2 * C + 3] = kNaN;  // a barrier cell
    testutil::TempDir tmp;
    const std::string dir = tmp.path.string();
    {
        std::ofstream f(dir + "/edges.txt");
        f.precision(17);
        auto join = [&](std::size_t a, std::size_t b, bool diag) {
            if (std::isnan(r[a]) || std::isnan(r[b])) return;
            f << a << ' ' << b << ' ' << (1 / r[a] + 1 / r[b]) / (diag ? 2 * std::sqrt(2.0) : 2.0) << '\n';
        };
        for (std::size_t i = 0; i < R; ++i)
            for (std::size_t j = 0; j < C; ++j) {
                const std::size_t c = i * C + j;
                if (j + 1 < C) join(c, c + 1, false);
                if (i + 1 < R) join(c, c + C, false);
                if (i + 1 < R && j + 1 < C) join(c, c + C + 1, true);
                if (i + 1 < R && j > 0) join(c, c + C - 1, true);
            }
    }
    const std::size_t src = 1 * C + 0, gnd = 4 * C + 7;
    const std::string cmd = "/usr/bin/python3 -c \"import networkx as nx; G=nx.Graph(); "
                            "[G.add_edge(int(a), int(b), g=float(w)) for a, b, w in (l.split() for l in open('" + dir +
                            "/edges.txt'))]; print(repr(nx.resistance_distance(G, " + std::to_string(src) + ", " +
                            std::to_string(gnd) + ", weight='g', invert_weight=False)))\" > " + dir + "/out.txt";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(dir + "/out.txt");
    double expect = 0;
    in >> expect;
    ResistanceGrid g{R, C, r};
    const double got = solve_circuit(g, {src}, {gnd}).effective_resistance;
    CHECK(got == Approx(expect).epsilon(1e-9));
}
