// GDAL/OGR handles behind RAII owners, and capture of GDAL's error messages.
#pragma once
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <memory>
#include <string>
#include <vector>

namespace eco::io {

// Registers GDAL drivers once (thread-safe).
void gdal_init();

struct DatasetCloser {
    void operator()(GDALDataset* ds) const noexcept { if (ds) GDALClose(GDALDataset::ToHandle(ds)); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

struct SrsReleaser {
    void operator()(OGRSpatialReference* s) const noexcept { if (s) s->Release(); }
};
using Srs = std::unique_ptr<OGRSpatialReference, SrsReleaser>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const noexcept { if (t) OGRCoordinateTransformation::DestroyCT(t); }
};
using Transform = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// Collects GDAL error messages raised on this thread while alive (a handler that records; it
// never throws across GDAL). last() gives the most recent failure message.
class ErrorCapture {
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;
    std::string last() const;
    const std::vector<std::string>& messages() const { return msgs_; }
    // The first message of class CE_Failure or worse ("" when none).
    const std::string& first_failure() const { return failure_; }

private:
    static void CPL_STDCALL handler(CPLErr cls, CPLErrorNum num, const char* msg);
    std::vector<std::string> msgs_;
    std::string failure_;
};

// Size in bytes and SHA-256 (hex) of a file, for the run record.
struct FileFacts {
    std::string path;
    long long size = -1;
    std::string sha256;
};
FileFacts file_facts(const std::string& path);

}  // namespace eco::io
