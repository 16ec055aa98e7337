#include "io/gdal_util.h"

#include "core/sha256.h"

#include <cpl_error.h>

#include <cstdio>
#include <fstream>
#include <mutex>

namespace eco::io {

void gdal_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetConfigOption("OGR_GPKG_NUM_THREADS", nullptr);
    });
}

ErrorCapture::ErrorCapture() {
    CPLPushErrorHandlerEx(&ErrorCapture::handler, this);
}
ErrorCapture::~ErrorCapture() { CPLPopErrorHandler(); }

void CPL_STDCALL ErrorCapture::handler(CPLErr cls, CPLErrorNum, const char* msg) {
    auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
    if (self && cls >= CE_Warning && msg) self->msgs_.emplace_back(msg);
    if (self && cls >= CE_Failure && msg && self->failure_.empty()) self->failure_ = msg;
}

std::string ErrorCapture::last() const { return msgs_.empty() ? std::string() : msgs_.back(); }

FileFacts file_facts(const std::string& path) {
    FileFacts f;
    f.path = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) return f;
    Sha256 h;
    std::vector<char> buf(1 << 20);
    long long n = 0;
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        auto got = in.gcount();
        if (got <= 0) break;
        h.update(buf.data(), static_cast<size_t>(got));
        n += got;
    }
    f.size = n;
    f.sha256 = h.hex();
    return f;
}

}  // namespace eco::io
