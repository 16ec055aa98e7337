// Memory and time at the steps of `connectivity run`, for finding where the peak is (bench/graph.sh):
// with the environment variable ECOSHIELD_RSS_TRACE set, each call prints one line to stderr:
//   rss <step>: <current RSS> MiB now, <peak RSS so far> MiB peak, <seconds since the first call> s
// (VmRSS and VmHWM of /proc/self/status). Without the variable it does nothing.
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace eco::graph {

// Whether ECOSHIELD_RSS_TRACE is set (read once).
inline bool rss_trace_on() {
    static const bool on = std::getenv("ECOSHIELD_RSS_TRACE") != nullptr;
    return on;
}

inline void rss_trace(const char* step) {
    if (!rss_trace_on()) return;
    static const auto t0 = std::chrono::steady_clock::now();
    long rss = -1, hwm = -1;
    if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            if (!std::strncmp(line, "VmRSS:", 6)) rss = std::atol(line + 6);
            if (!std::strncmp(line, "VmHWM:", 6)) hwm = std::atol(line + 6);
        }
        std::fclose(f);
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "rss %s: %ld MiB now, %ld MiB peak, %.1f s\n", step, rss / 1024, hwm / 1024, s);
}

}  // namespace eco::graph
