// Area and length units. 1 mu (亩) = 10000/15 m2.
#pragma once
#include <string>
#include <string_view>

namespace eco::units {

inline constexpr double kM2PerHa = 10000.0;
inline constexpr double kM2PerKm2 = 1.0e6;
inline constexpr double kM2PerMu = 10000.0 / 15.0;

inline double m2_to_ha(double m2) { return m2 / kM2PerHa; }
inline double m2_to_km2(double m2) { return m2 / kM2PerKm2; }
inline double m2_to_mu(double m2) { return m2 / kM2PerMu; }

// Factor that converts an area in `unit` (m2, ha, km2, mu; also 公顷, 平方米, 亩) to m2; 0 if unknown.
double area_unit_to_m2(std::string_view unit);

// printf of one double, e.g. fmt("%.1f m", d).
std::string fmt(const char* printf_format, double v);

// "12.35 ha" style formatting with a fixed number of decimals.
std::string format_fixed(double v, int decimals);

}  // namespace eco::units
