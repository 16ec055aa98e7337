// MSPA on small rasters whose classes are drawn out by hand (EdgeWidth 1).
// Input: '.' background, '#' foreground, 'm' missing. Expected: C core 17, E edge 3,
// P perforation 5, I islet 9, B bridge 33, L loop 65, R branch 1, '.' background 0, M missing 129,
// b 35 (bridge crossing an edge), p 105 (perforation inside a core hole), h 100 (background inside
// a core hole), o 220 (background enclosed by foreground, not by core).
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "core/error.h"
#include "graph/mspa.h"

using namespace eco::graph;

namespace {

struct Raster {
    std::size_t rows = 0, cols = 0;
    std::vector<std::uint8_t> v;
};

Raster parse_input(const std::vector<std::string>& art) {
    Raster r{art.size(), art[0].size(), {}};
    for (const auto& line : art)
        for (char ch : line) r.v.push_back(ch == '#' ? 2 : ch == 'm' ? 0 : 1);
    return r;
}

std::vector<std::uint8_t> parse_expected(const std::vector<std::string>& art) {
    static const std::map<char, std::uint8_t> code{{'C', 17}, {'E', 3},  {'P', 5},   {'I', 9},   {'B', 33},
                                                   {'L', 65}, {'R', 1},  {'.', 0},   {'M', 129}, {'b', 35},
                                                   {'p', 105}, {'h', 100}, {'o', 220}, {'l', 67}};
    std::vector<std::uint8_t> out;
    for (const auto& line : art)
        for (char ch : line) out.push_back(code.at(ch));
    return out;
}

std::string show(const std::vector<std::uint8_t>& v, std::size_t cols) {
    std::ostringstream s;
    for (std::size_t i = 0; i < v.size(); ++i) {
        s.width(4);
        s << int(v[i]);
        if ((i + 1) % cols == 0) s << '\n';
    }
    return s.str();
}

void check(const std::vector<std::string>& in, const std::vector<std::string>& expected, MspaOptions o = {}) {
    Raster r = parse_input(in);
    auto got = mspa(r.v, r.rows, r.cols, o);
    auto want = parse_expected(expected);
    INFO("expected\n" << show(want, r.cols) << "got\n" << show(got, r.cols));
    CHECK(got == want);
}

}  // namespace

TEST_CASE("mspa: a core with its edge", "[graph][mspa]") {
    check({".......",
           ".#####.",
           ".#####.",
           ".#####.",
           ".#####.",
           ".#####.",
           "......."},
          {".......",
           ".EEEEE.",
           ".ECCCE.",
           ".ECCCE.",
           ".ECCCE.",
           ".EEEEE.",
           "......."});
}

TEST_CASE("mspa: a perforation around a hole in the core", "[graph][mspa]") {
    std::vector<std::string> in{".........",
                                ".#######.",
                                ".#######.",
                                ".#######.",
                                ".###.###.",
                                ".#######.",
                                ".#######.",
                                ".#######.",
                                "........."};
    // IntExt on: the hole and its perforation are inside the core's hole: +100
    check(in, {".........",
               ".EEEEEEE.",
               ".ECCCCCE.",
               ".ECpppCE.",
               ".ECphpCE.",
               ".ECpppCE.",
               ".ECCCCCE.",
               ".EEEEEEE.",
               "........."});
    MspaOptions o;
    o.intext = false;
    check(in, {".........",
               ".EEEEEEE.",
               ".ECCCCCE.",
               ".ECPPPCE.",
               ".ECP.PCE.",
               ".ECPPPCE.",
               ".ECCCCCE.",
               ".EEEEEEE.",
               "........."},
          o);
}

TEST_CASE("mspa: a bridge between two cores, with and without transition", "[graph][mspa]") {
    std::vector<std::string> in{"...............",
                                ".#####...#####.",
                                ".#####...#####.",
                                ".#############.",
                                ".#####...#####.",
                                ".#####...#####.",
                                "..............."};
    // the bridge cells 6-8 of row 3; with transition the edge cells where it enters each core: 35
    check(in, {"...............",
               ".EEEEE...EEEEE.",
               ".ECCCE...ECCCE.",
               ".ECCCbBBBbCCCE.",
               ".ECCCE...ECCCE.",
               ".EEEEE...EEEEE.",
               "..............."});
    MspaOptions o;
    o.transition = false;
    check(in, {"...............",
               ".EEEEE...EEEEE.",
               ".ECCCE...ECCCE.",
               ".ECCCEBBBECCCE.",
               ".ECCCE...ECCCE.",
               ".EEEEE...EEEEE.",
               "..............."},
          o);
}

TEST_CASE("mspa: a loop, a branch and islets", "[graph][mspa]") {
    MspaOptions o;
    o.transition = false;
    check({"............",
           ".#####......",
           ".########...",
           ".#####..#...",
           ".########...",
           ".#####......",
           "............",
           ".##......#..",
           ".##.........",
           "............"},
          {"............",
           ".EEEEE......",
           ".ECCCELLL...",
           ".ECCCEooL...",
           ".ECCCELLL...",
           ".EEEEE......",
           "............",
           ".II......I..",
           ".II.........",
           "............"},
          o);
    check({"..........",
           ".#####....",
           ".#####....",
           ".########.",
           ".#####....",
           ".#####....",
           ".........."},
          {"..........",
           ".EEEEE....",
           ".ECCCE....",
           ".ECCCERRR.",
           ".ECCCE....",
           ".EEEEE....",
           ".........."});
}

TEST_CASE("mspa: border, missing cells and connectivity", "[graph][mspa]") {
    // the raster border is not background: an all-foreground raster is all core
    check({"####", "####", "####"}, {"CCCC", "CCCC", "CCCC"});
    // missing cells are 129 and make no edge
    check({"####m", "#####", "#####"}, {"CCCCM", "CCCCC", "CCCCC"});
    // a 3 x 3 block missing a corner: with 8-connectivity the centre sees the background diagonally
    // (no core: islet); with 4-connectivity only orthogonal neighbours count: the centre is core,
    // its orthogonal neighbours are its edge, and the corner cells, which touch the edge but lie
    // beyond the 4-connected edge width of the core, are branches
    std::vector<std::string> in{".....", ".##..", ".###.", ".###.", "....."};
    check(in, {".....", ".II..", ".III.", ".III.", "....."});
    MspaOptions o4;
    o4.connectivity = 4;
    check(in, {".....", ".RE..", ".ECE.", ".RER.", "....."}, o4);
    CHECK_THROWS_AS(mspa({2, 2}, 1, 3), eco::BadInput);
    MspaOptions bad;
    bad.edge_width = 0;
    CHECK_THROWS_WITH(mspa({2}, 1, 1, bad), Catch::Contains("edge width"));
}
