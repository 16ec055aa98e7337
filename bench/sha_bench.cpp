// Benchmark: SHA-256 throughput of eco::Sha256's block functions on one file, read the way
// io::file_facts reads it (1 MiB std::ifstream reads), warm page cache (one untimed read first).
// Prints, per path, the digest, the median wall and CPU time of R runs and MB/s (1 MB = 1e6 bytes).
// Compare with `sha256sum FILE` and `openssl dgst -sha256 FILE` (bench/README.md).
//
// usage: sha_bench FILE [--repeat R] [--impl auto|portable|sha-ni|all]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "core/sha256.h"

using eco::Sha256;

namespace {

struct Run {
    std::string hex;
    long long bytes = 0;
    double wall = 0, cpu = 0;
};

Run hash_file(const std::string& path, Sha256::Impl impl) {
    Run r;
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "sha_bench: cannot open %s\n", path.c_str());
        std::exit(2);
    }
    Sha256 h(impl);
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        auto got = in.gcount();
        if (got <= 0) break;
        h.update(buf.data(), static_cast<size_t>(got));
        r.bytes += got;
    }
    r.hex = h.hex();
    r.cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
    r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: sha_bench FILE [--repeat R] [--impl auto|portable|sha-ni|all]\n");
        return 2;
    }
    std::string path = argv[1], which = "all";
    int repeat = 3;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--repeat")) repeat = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--impl")) which = argv[i + 1];
        else {
            std::fprintf(stderr, "sha_bench: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }
    std::printf("sha_bench %s: Impl::Auto resolves to %s; SHA-NI %savailable\n", path.c_str(), Sha256::auto_impl_name(),
                Sha256::accelerated_available() ? "" : "not ");
    std::vector<std::pair<std::string, Sha256::Impl>> impls;
    if (which == "all" || which == "portable") impls.push_back({"portable", Sha256::Impl::Portable});
    if ((which == "all" || which == "sha-ni") && Sha256::accelerated_available())
        impls.push_back({"sha-ni", Sha256::Impl::Accelerated});
    if (which == "auto") impls.push_back({std::string("auto=") + Sha256::auto_impl_name(), Sha256::Impl::Auto});
    if (impls.empty()) {
        std::fprintf(stderr, "sha_bench: nothing to run for --impl %s\n", which.c_str());
        return 2;
    }
    (void)hash_file(path, Sha256::Impl::Portable);  // warm the page cache (untimed)
    std::string first;
    int status = 0;
    for (const auto& [name, impl] : impls) {
        std::vector<double> walls, cpus;
        Run r;
        for (int i = 0; i < repeat; ++i) {
            r = hash_file(path, impl);
            walls.push_back(r.wall);
            cpus.push_back(r.cpu);
        }
        double w = median(walls), c = median(cpus);
        std::printf("%-16s %s  %lld bytes  median of %d: %.3f s wall %.3f s cpu  %.0f MB/s (wall)  %.0f MB/s (cpu)\n",
                    name.c_str(), r.hex.c_str(), r.bytes, repeat, w, c, r.bytes / w / 1e6, r.bytes / c / 1e6);
        if (first.empty()) first = r.hex;
        else if (r.hex != first) {
            std::fprintf(stderr, "sha_bench: DIGESTS DIFFER between paths\n");
            status = 1;
        }
    }
    return status;
}
