#include "io/gcj02.h"

#include <cmath>

namespace eco::io {

namespace {
constexpr double kA = 6378245.0;
constexpr double kEE = 0.00669342162296594323;
constexpr double kPi = 3.14159265358979323846;

double dlat(double x, double y) {
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}
double dlon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}
}  // namespace

bool gcj02_applies(double lon, double lat) {
    return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

void wgs84_to_gcj02(double lon, double lat, double& olon, double& olat) {
    if (!gcj02_applies(lon, lat)) {
        olon = lon;
        olat = lat;
        return;
    }
    double dy = dlat(lon - 105.0, lat - 35.0);
    double dx = dlon(lon - 105.0, lat - 35.0);
    double radlat = lat / 180.0 * kPi;
    double magic = std::sin(radlat);
    magic = 1 - kEE * magic * magic;
    double sqrtmagic = std::sqrt(magic);
    dy = (dy * 180.0) / ((kA * (1 - kEE)) / (magic * sqrtmagic) * kPi);
    dx = (dx * 180.0) / (kA / sqrtmagic * std::cos(radlat) * kPi);
    olat = lat + dy;
    olon = lon + dx;
}

void gcj02_to_wgs84(double lon, double lat, double& olon, double& olat) {
    if (!gcj02_applies(lon, lat)) {
        olon = lon;
        olat = lat;
        return;
    }
    double x = lon, y = lat;
    for (int i = 0; i < 30; ++i) {
        double gx, gy;
        wgs84_to_gcj02(x, y, gx, gy);
        double ex = gx - lon, ey = gy - lat;
        x -= ex;
        y -= ey;
        if (std::fabs(ex) < 1e-11 && std::fabs(ey) < 1e-11) break;
    }
    olon = x;
    olat = y;
}

}  // namespace eco::io
