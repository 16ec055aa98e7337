// eco::Sha256: the portable block function and the SHA-NI one against the FIPS 180-4 / NIST
// example digests, against each other on random data fed in random pieces, and against coreutils'
// sha256sum on temporary files. Test names start with "sha256" so that `ctest -R sha` selects them.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "test_util.h"

using eco::Sha256;

namespace {

std::string digest(Sha256::Impl impl, const void* data, size_t n) {
    Sha256 h(impl);
    h.update(data, n);
    return h.hex();
}

// Feeds `data` in pieces of random size (mostly small, sometimes large, sometimes empty).
std::string digest_pieces(Sha256::Impl impl, const std::vector<uint8_t>& data, std::mt19937_64& rng) {
    Sha256 h(impl);
    size_t pos = 0;
    while (pos < data.size()) {
        size_t left = data.size() - pos;
        size_t piece;
        switch (rng() % 4) {
            case 0: piece = rng() % 4; break;           // 0..3 bytes
            case 1: piece = rng() % 130; break;         // around one or two blocks
            case 2: piece = 64 * (rng() % 5); break;    // whole blocks
            default: piece = rng() % 200000; break;     // long runs of blocks
        }
        piece = std::min(piece, left);
        h.update(data.data() + pos, piece);
        pos += piece;
    }
    return h.hex();
}

std::vector<uint8_t> random_bytes(size_t n, std::mt19937_64& rng) {
    std::vector<uint8_t> v(n);
    for (auto& b : v) b = static_cast<uint8_t>(rng());
    return v;
}

std::vector<Sha256::Impl> impls_to_test() {
    std::vector<Sha256::Impl> v{Sha256::Impl::Portable, Sha256::Impl::Auto};
    if (Sha256::accelerated_available())
        v.push_back(Sha256::Impl::Accelerated);
    else
        WARN("this CPU has no SHA extensions (sha_ni/sse4.1/ssse3): the SHA-NI path is not tested");
    return v;
}

}  // namespace

TEST_CASE("sha256: FIPS 180-4 / NIST example digests, every block function", "[core][sha256]") {
    // Expected digests: the FIPS 180-2 appendix B / NIST CSHA examples for SHA-256.
    const std::string abc = "abc";
    const std::string m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    const std::string million(1000000, 'a');
    for (auto impl : impls_to_test()) {
        INFO("impl " << int(impl));
        CHECK(digest(impl, abc.data(), abc.size()) ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(digest(impl, m448.data(), m448.size()) ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK(digest(impl, "", 0) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(digest(impl, million.data(), million.size()) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        // one million 'a' fed in pieces of 1, 7, 64 and 1000 bytes
        for (size_t step : {size_t(1), size_t(7), size_t(64), size_t(1000)}) {
            Sha256 h(impl);
            for (size_t i = 0; i < million.size(); i += step)
                h.update(million.data() + i, std::min(step, million.size() - i));
            CHECK(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        }
    }
    CHECK(eco::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256: SHA-NI and portable agree on random data of every length 0..300 and a few MB, in random pieces",
          "[core][sha256]") {
    std::mt19937_64 rng(20261129);
    const bool accel = Sha256::accelerated_available();
    if (!accel) WARN("this CPU has no SHA extensions (sha_ni/sse4.1/ssse3): only the portable path is compared");
    std::vector<size_t> lengths;
    for (size_t n = 0; n <= 300; ++n) lengths.push_back(n);
    lengths.push_back(3u << 20);
    lengths.push_back((5u << 20) + 37);
    for (size_t n : lengths) {
        auto data = random_bytes(n, rng);
        // start the buffer at an odd address too, so unaligned loads are exercised
        std::vector<uint8_t> shifted(n + 1);
        std::copy(data.begin(), data.end(), shifted.begin() + 1);
        INFO("length " << n);
        const std::string ref = digest(Sha256::Impl::Portable, data.data(), n);
        CHECK(digest_pieces(Sha256::Impl::Portable, data, rng) == ref);
        CHECK(digest(Sha256::Impl::Auto, data.data(), n) == ref);
        if (accel) {
            CHECK(digest(Sha256::Impl::Accelerated, data.data(), n) == ref);
            CHECK(digest(Sha256::Impl::Accelerated, shifted.data() + 1, n) == ref);
            CHECK(digest_pieces(Sha256::Impl::Accelerated, data, rng) == ref);
        }
    }
}

TEST_CASE("sha256: digests of temporary files equal coreutils sha256sum", "[core][sha256]") {
    testutil::TempDir dir;
    std::mt19937_64 rng(7);
    // lengths around the padding boundaries (55/56 bytes, one and two blocks) and a larger file
    for (size_t n : {size_t(0), size_t(1), size_t(55), size_t(56), size_t(63), size_t(64), size_t(65), size_t(119),
                     size_t(120), size_t(128), size_t(4096 + 3), size_t(1000003)}) {
        auto data = random_bytes(n, rng);
        const std::string path = dir / ("f" + std::to_string(n) + ".bin");
        {
            std::ofstream out(path, std::ios::binary);
            out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(n));
        }
        std::string cmd = "sha256sum '" + path + "'";
        FILE* pipe = popen(cmd.c_str(), "r");
        REQUIRE(pipe != nullptr);
        char line[512] = {0};
        const bool got = std::fgets(line, sizeof line, pipe) != nullptr;
        const int rc = pclose(pipe);
        REQUIRE(got);
        REQUIRE(rc == 0);
        const std::string expected = std::string(line).substr(0, 64);
        INFO("length " << n << ", sha256sum says " << expected);
        CHECK(digest(Sha256::Impl::Portable, data.data(), n) == expected);
        CHECK(digest(Sha256::Impl::Auto, data.data(), n) == expected);
        if (Sha256::accelerated_available()) CHECK(digest(Sha256::Impl::Accelerated, data.data(), n) == expected);
        // and through the run record's file hashing
        auto facts = eco::io::file_facts(path);
        CHECK(facts.size == static_cast<long long>(n));
        CHECK(facts.sha256 == expected);
    }
}

TEST_CASE("sha256: Impl::Auto follows ECOSHIELD_SHA_PORTABLE and the CPU", "[core][sha256]") {
    const char* env = std::getenv("ECOSHIELD_SHA_PORTABLE");
    const bool forced = env && std::string(env) == "1";
    const std::string want = (!forced && Sha256::accelerated_available()) ? "sha-ni" : "portable";
    CHECK(std::string(Sha256::auto_impl_name()) == want);
    if (!Sha256::accelerated_available()) CHECK_THROWS_AS(Sha256(Sha256::Impl::Accelerated), std::runtime_error);
}
