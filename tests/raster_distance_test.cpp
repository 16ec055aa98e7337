// distance: the exact transform against brute force, with square and non-square cells.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "raster/raster_distance.h"

using namespace eco::raster;

TEST_CASE("distance: one feature cell, by hand", "[raster][distance]") {
    std::vector<uint8_t> m(25, 0);
    m[12] = 1;
    auto d = distance_transform_sq(5, 5, 10, 10, m);
    CHECK(d[12] == 0);
    CHECK(std::sqrt(d[13]) == Approx(10));
    CHECK(std::sqrt(d[18]) == Approx(10 * std::sqrt(2.0)));
    CHECK(std::sqrt(d[0]) == Approx(20 * std::sqrt(2.0)));
    CHECK(std::sqrt(d[1]) == Approx(10 * std::sqrt(5.0)));  // a straight line, not 10 + 10 sqrt 2
}

TEST_CASE("distance: exact against brute force", "[raster][distance]") {
    std::mt19937 rng(3);
    for (auto [cw, ch] : {std::pair{1.0, 1.0}, {30.0, 20.0}}) {
        const int W = 37, H = 23;
        std::vector<uint8_t> m(W * H, 0);
        std::uniform_int_distribution<int> u(0, W * H - 1);
        for (int k = 0; k < 12; ++k) m[u(rng)] = 1;
        auto d = distance_transform_sq(W, H, cw, ch, m);
        for (int i = 0; i < W * H; ++i) {
            double best = INFINITY;
            for (int j = 0; j < W * H; ++j)
                if (m[j]) best = std::min(best, std::hypot((i % W - j % W) * cw, (i / W - j / W) * ch));
            INFO("cell " << i << " cw " << cw << " ch " << ch);
            CHECK(std::sqrt(d[i]) == Approx(best).epsilon(1e-12));
        }
    }
    std::vector<uint8_t> none(12, 0);
    auto d = distance_transform_sq(4, 3, 1, 1, none);
    CHECK(std::isinf(d[5]));
}
