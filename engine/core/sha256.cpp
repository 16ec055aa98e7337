#include "core/sha256.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#if defined(__x86_64__) || defined(__i386__)
#define ECO_SHA_X86 1
#include <immintrin.h>
#else
#define ECO_SHA_X86 0
#endif

namespace eco {

namespace {
constexpr uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// The portable compression function (the reference): one 64-byte block into state h_.
void portable_block(uint32_t* h_, const uint8_t* p) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = uint32_t(p[4 * i]) << 24 | uint32_t(p[4 * i + 1]) << 16 | uint32_t(p[4 * i + 2]) << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; ++i) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int i = 0; i < 64; ++i) {
        uint32_t S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = h + S1 + ch + K[i] + w[i];
        uint32_t S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        uint32_t mj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = S0 + mj;
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h_[0] += a; h_[1] += b; h_[2] += c; h_[3] += d; h_[4] += e; h_[5] += f; h_[6] += g; h_[7] += h;
}

void portable_blocks(uint32_t* state, const uint8_t* p, size_t nblocks) {
    for (size_t i = 0; i < nblocks; ++i) portable_block(state, p + 64 * i);
}

#if ECO_SHA_X86
// SHA-NI block function, written from the documented semantics of the instructions:
//  - SHA256RNDS2 (_mm_sha256rnds2_epu32(cdgh, abef, wk)): two rounds; the state is split in two
//    registers, abef = {A,B,E,F} and cdgh = {C,D,G,H} with A / C in bits 127:96 and F / H in 31:0;
//    wk bits 31:0 and 63:32 hold W[t]+K[t] and W[t+1]+K[t+1]; returns the new {A,B,E,F}. After
//    the two rounds the new {C,D,G,H} is the old {A,B,E,F}.
//  - SHA256MSG1 (_mm_sha256msg1_epu32(x, y)), x = W[t..t+3], y = W[t+4..]: returns
//    W[t+i] + sigma0(W[t+i+1]) for i = 0..3 (word t in bits 31:0).
//  - SHA256MSG2 (_mm_sha256msg2_epu32(x, y)), y = W[t+12..t+15]: returns x[i] + sigma1(W[t+14+i])
//    for i = 0..3, where W[t+16], W[t+17] are fed back for i = 2, 3; i.e. W[t+16..t+19] when
//    x = W[t..t+3] + sigma0(W[t+1..t+4]) + W[t+9..t+12].
__attribute__((target("sha,sse4.1,ssse3"))) void shani_blocks(uint32_t* state, const uint8_t* p, size_t nblocks) {
    // lane order of _mm_set_epi32 is high to low: {A,B,E,F} means A in bits 127:96
    __m128i abef = _mm_set_epi32(int(state[0]), int(state[1]), int(state[4]), int(state[5]));
    __m128i cdgh = _mm_set_epi32(int(state[2]), int(state[3]), int(state[6]), int(state[7]));
    // reverses the 4 bytes of each 32-bit lane: message words are big-endian
    const __m128i bswap = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
    for (size_t b = 0; b < nblocks; ++b, p += 64) {
        const __m128i abef0 = abef, cdgh0 = cdgh;
        __m128i m[4];  // m[j % 4] = W[4j .. 4j+3], word 4j in bits 31:0
#pragma GCC unroll 16
        for (int j = 0; j < 16; ++j) {
            if (j < 4) {
                m[j] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * j)), bswap);
            } else {
                // W[4j..4j+3] from W[4j-16..4j-13] (m[j%4]), W[4j-15..] (m[(j-3)%4]),
                // W[4j-7..4j-4] = words 1..3 of m[(j-2)%4] and word 0 of m[(j-1)%4], W[4j-4..] (m[(j-1)%4])
                __m128i x = _mm_sha256msg1_epu32(m[j & 3], m[(j - 3) & 3]);
                x = _mm_add_epi32(x, _mm_alignr_epi8(m[(j - 1) & 3], m[(j - 2) & 3], 4));
                m[j & 3] = _mm_sha256msg2_epu32(x, m[(j - 1) & 3]);
            }
            __m128i wk = _mm_add_epi32(m[j & 3], _mm_loadu_si128(reinterpret_cast<const __m128i*>(K + 4 * j)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);  // rounds 4j, 4j+1: cdgh now holds {A,B,E,F}
            wk = _mm_shuffle_epi32(wk, 0x0E);                // words 2, 3 into bits 63:0
            abef = _mm_sha256rnds2_epu32(abef, cdgh, wk);  // rounds 4j+2, 4j+3: back in place
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }
    state[0] = uint32_t(_mm_extract_epi32(abef, 3));
    state[1] = uint32_t(_mm_extract_epi32(abef, 2));
    state[4] = uint32_t(_mm_extract_epi32(abef, 1));
    state[5] = uint32_t(_mm_extract_epi32(abef, 0));
    state[2] = uint32_t(_mm_extract_epi32(cdgh, 3));
    state[3] = uint32_t(_mm_extract_epi32(cdgh, 2));
    state[6] = uint32_t(_mm_extract_epi32(cdgh, 1));
    state[7] = uint32_t(_mm_extract_epi32(cdgh, 0));
}

bool cpu_has_shani() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1") && __builtin_cpu_supports("ssse3");
}
#else
bool cpu_has_shani() { return false; }
#endif

bool portable_forced() {
    const char* v = std::getenv("ECOSHIELD_SHA_PORTABLE");
    return v && std::strcmp(v, "1") == 0;
}

// Read once per process.
bool use_shani_by_default() {
    static const bool yes = cpu_has_shani() && !portable_forced();
    return yes;
}
}  // namespace

bool Sha256::accelerated_available() {
    static const bool yes = cpu_has_shani();
    return yes;
}

const char* Sha256::auto_impl_name() { return use_shani_by_default() ? "sha-ni" : "portable"; }

Sha256::Sha256(Impl impl) {
    const uint32_t init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::memcpy(h_, init, sizeof h_);
    fn_ = portable_blocks;
#if ECO_SHA_X86
    if (impl == Impl::Accelerated) {
        if (!accelerated_available())
            throw std::runtime_error("SHA-256: the SHA-NI path was asked for but this CPU lacks sha_ni/sse4.1/ssse3");
        fn_ = shani_blocks;
    } else if (impl == Impl::Auto && use_shani_by_default()) {
        fn_ = shani_blocks;
    }
#else
    if (impl == Impl::Accelerated)
        throw std::runtime_error("SHA-256: the SHA-NI path was asked for but this build is not for x86");
#endif
}

void Sha256::update(const void* data, size_t n) {
    const uint8_t* p = static_cast<const uint8_t*>(data);
    bytes_ += n;
    if (used_ > 0) {  // top up the partial block first
        size_t take = std::min(n, sizeof buf_ - used_);
        std::memcpy(buf_ + used_, p, take);
        used_ += take;
        p += take;
        n -= take;
        if (used_ < 64) return;
        blocks(buf_, 1);
        used_ = 0;
    }
    if (n >= 64) {  // whole blocks straight from the caller's buffer, in one call
        size_t nb = n / 64;
        blocks(p, nb);
        p += 64 * nb;
        n -= 64 * nb;
    }
    if (n > 0) {
        std::memcpy(buf_, p, n);
        used_ = n;
    }
}

std::string Sha256::hex() {
    uint64_t bits = bytes_ * 8;
    uint8_t pad = 0x80;
    update(&pad, 1);
    uint8_t zero = 0;
    while (used_ != 56) update(&zero, 1);
    uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = uint8_t(bits >> (56 - 8 * i));
    update(len, 8);
    char out[65];
    for (int i = 0; i < 8; ++i) std::snprintf(out + 8 * i, 9, "%08x", h_[i]);
    return std::string(out, 64);
}

}  // namespace eco
