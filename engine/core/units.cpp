#include "core/units.h"

#include <cstdio>

namespace eco::units {

double area_unit_to_m2(std::string_view u) {
    if (u == "m2" || u == "平方米" || u == "sqm") return 1.0;
    if (u == "ha" || u == "公顷") return kM2PerHa;
    if (u == "km2" || u == "平方公里" || u == "平方千米") return kM2PerKm2;
    if (u == "mu" || u == "亩") return kM2PerMu;
    return 0.0;
}

std::string fmt(const char* f, double v) {
    char buf[128];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string format_fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace eco::units
