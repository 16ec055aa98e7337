#include "report/out_dir.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace eco::report {

namespace fs = std::filesystem;

namespace {

// Temporary paths of live OutputDirs, readable from a signal handler: fixed slots, a slot's path
// written before it is marked used.
constexpr int kSlots = 64;
constexpr size_t kPathMax = 4096;
struct Slot {
    std::atomic<int> used{0};
    char path[kPathMax];
};
Slot g_slots[kSlots];

void register_temp(const std::string& p) {
    if (p.size() + 16 >= kPathMax) return;
    for (auto& s : g_slots) {
        int expect = 0;
        if (s.used.load() == 0 && s.used.compare_exchange_strong(expect, 2)) {  // 2: being written
            std::memcpy(s.path, p.c_str(), p.size() + 1);
            s.used.store(1);
            return;
        }
    }
}

void unregister_temp(const std::string& p) {
    for (auto& s : g_slots)
        if (s.used.load() == 1 && p == s.path) s.used.store(0);
}

// The temporary file and SQLite's side files (a GeoPackage being written).
void remove_with_journals(const std::string& p) {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(p + suffix, ec);
}

}  // namespace

void remove_temp_files_now() noexcept {
    char buf[kPathMax + 16];
    for (auto& s : g_slots) {
        if (s.used.load() != 1) continue;
        size_t n = std::strlen(s.path);
        std::memcpy(buf, s.path, n + 1);
        ::unlink(buf);
        for (const char* suffix : {"-journal", "-wal", "-shm"}) {
            std::memcpy(buf + n, suffix, std::strlen(suffix) + 1);
            ::unlink(buf);
        }
    }
}

OutputDir::OutputDir(std::string dir, std::string op) : dir_(std::move(dir)), op_(std::move(op)) {
    std::error_code ec;
    if (fs::exists(dir_, ec) && !fs::is_directory(dir_, ec))
        throw BadInput(op_ + ": output '" + dir_ + "' exists and is not a directory; pass another --out");
    fs::create_directories(dir_, ec);
    if (ec) throw BadInput(op_ + ": cannot create the output directory '" + dir_ + "' (" + ec.message() + "); pass a writable --out");
    std::string probe = dir_ + "/.ecoshield-write-test-" + std::to_string(::getpid());
    {
        std::ofstream t(probe);
        if (!t) throw BadInput(op_ + ": the output directory '" + dir_ + "' is not writable; pass a writable --out");
    }
    fs::remove(probe, ec);
}

OutputDir::~OutputDir() {
    for (const auto& n : names_) {
        const std::string p = dir_ + "/." + n + ".partial";
        unregister_temp(p);
        if (!committed_) remove_with_journals(p);
    }
}

std::string OutputDir::temp(const std::string& name) {
    names_.push_back(name);
    std::string p = dir_ + "/." + name + ".partial";
    std::error_code ec;
    fs::remove(p, ec);
    register_temp(p);
    return p;
}

void OutputDir::write_text(const std::string& name, const std::string& text) {
    std::string p = temp(name);
    std::ofstream f(p, std::ios::binary);
    f << text;
    f.close();
    if (!f) throw Failure(op_ + ": cannot write '" + final_path(name) + "' (disk full?)");
}

std::vector<std::string> OutputDir::final_paths() const {
    std::vector<std::string> out;
    for (const auto& n : names_) out.push_back(final_path(n));
    return out;
}

void OutputDir::commit() {
    for (const auto& n : names_) {
        std::error_code ec;
        fs::rename(dir_ + "/." + n + ".partial", dir_ + "/" + n, ec);
        if (ec) throw Failure(op_ + ": cannot move the finished '" + n + "' into place in '" + dir_ + "' (" + ec.message() + ")");
    }
    committed_ = true;
    for (const auto& n : stale_) {
        std::error_code ec;
        fs::remove(final_path(n), ec);
    }
}

void OutputDir::remove_at_commit(const std::string& name) { stale_.push_back(name); }

std::string run_timestamp() {
    std::time_t t = std::time(nullptr);
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) t = static_cast<std::time_t>(std::atoll(e));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return buf;
}

}  // namespace eco::report
