// SHA-256 (FIPS 180-4), for recording input file hashes in run records.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace eco {

class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t n);
    std::string hex();  // finalises

private:
    void block(const uint8_t* p);
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
