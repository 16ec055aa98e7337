// Coordinate reference systems: user input, the working CRS (CGCS2000 3-degree Gauss-Kruger),
// sanity checks of coordinates against a layer's CRS. Axis order is always x = easting/longitude.
#pragma once
#include <optional>
#include <string>

#include "io/gdal_util.h"

namespace eco::io {

struct Extent {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    bool empty = true;
    void add(double x, double y);
    void add(const Extent& e);
};

// "EPSG:4490", WKT, PROJ string, ... with traditional GIS axis order. Throws BadInput
// "<op>: <what> '<text>' is not a CRS GDAL/PROJ knows; ..." on failure.
Srs srs_from_user(const std::string& text, const std::string& op, const std::string& what);
Srs clone_srs(const OGRSpatialReference& s);
// The geographic CRS of s in degrees (whatever its own angular unit, e.g. the grads of NTF Paris),
// longitude first; null when s has none.
Srs geog_degrees(const OGRSpatialReference& s);

// EPSG code of CGCS2000 / 3-degree Gauss-Kruger CM <cm>E (no zone prefix; 4534 = CM 75E ... 4554 = CM 135E)
// for the central meridian nearest to `lon`, clamped to China's 75E..135E.
int gk3_cm_epsg(double lon);
// EPSG code of CGCS2000 / 3-degree Gauss-Kruger zone <zone> (zone-prefixed eastings; 4513 = zone 25 ... 4533 = zone 45).
int gk3_zone_epsg(int zone);

// "EPSG:4490 China Geodetic Coordinate System 2000" or the CRS name.
std::string srs_label(const OGRSpatialReference& s);
std::optional<int> srs_epsg(const OGRSpatialReference& s);

// A hint for a layer without a CRS from its coordinate ranges (e.g. "the numbers look like
// longitude/latitude: try --assume-crs EPSG:4490"); empty when nothing is recognisable.
std::string crs_hint_from_extent(const Extent& e);

// Throws BadInput when a geographic CRS carries projected-looking numbers, or a Gauss-Kruger
// CRS without zone prefix carries zone-prefixed eastings (and the reverse).
void check_coordinates_fit_crs(const OGRSpatialReference& s, const Extent& e, const std::string& op,
                               const std::string& layer_label);

// The lon/lat extent of `e` given in `s` (transformed through the CRS's geographic CRS).
Extent to_lonlat(const OGRSpatialReference& s, const Extent& e);

}  // namespace eco::io
