#include "core/paths.h"

#include <cstdlib>
#include <filesystem>

namespace eco {

std::string data_path(std::string_view rel) {
    namespace fs = std::filesystem;
    std::string r(rel);
    if (const char* home = std::getenv("ECOSHIELD_HOME"); home && *home) {
        fs::path p = fs::path(home) / r;
        if (fs::exists(p)) return p.string();
    }
    fs::path src = fs::path(ECOSHIELD_SOURCE_DIR) / r;
    if (fs::exists(src)) return src.string();
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path p = exe.parent_path().parent_path() / "share" / "ecoshield" / r;
        if (fs::exists(p)) return p.string();
    }
    return src.string();
}

}  // namespace eco
