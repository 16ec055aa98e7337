// SHA-256 (FIPS 180-4), for recording input file hashes in run records.
//
// Two block functions: the portable C++ one (the reference) and, on x86 / x86-64 CPUs with the
// SHA extensions (sha_ni) and SSE4.1/SSSE3, one using the SHA-NI instructions, chosen at run time.
// Setting the environment variable ECOSHIELD_SHA_PORTABLE=1 (read once per process) makes the
// default (Impl::Auto) use the portable function. Both give the same digest.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eco {

class Sha256 {
public:
    // Auto: SHA-NI when the CPU has it and ECOSHIELD_SHA_PORTABLE is not 1, else portable.
    // Portable: always the portable C++ block function.
    // Accelerated: always SHA-NI; throws std::runtime_error when the CPU (or build) lacks it.
    enum class Impl { Auto, Portable, Accelerated };

    Sha256() : Sha256(Impl::Auto) {}
    explicit Sha256(Impl impl);
    void update(const void* data, size_t n);
    std::string hex();  // finalises

    // True when this build and this CPU can run the SHA-NI block function.
    static bool accelerated_available();
    // What Impl::Auto resolves to in this process: "sha-ni" or "portable".
    static const char* auto_impl_name();

private:
    using BlocksFn = void (*)(uint32_t* state, const uint8_t* p, size_t nblocks);
    void blocks(const uint8_t* p, size_t nblocks) { fn_(h_, p, nblocks); }
    BlocksFn fn_;
    uint32_t h_[8];
    uint8_t buf_[64];
    size_t used_ = 0;
    uint64_t bytes_ = 0;
};

inline std::string sha256_hex(std::string_view s) {
    Sha256 h;
    h.update(s.data(), s.size());
    return h.hex();
}

}  // namespace eco
