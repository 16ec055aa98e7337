// Exact area of the intersection of a polygon with a disc (a true circle, not a polygonal
// buffer), in O(number of vertices): the sum over every ring edge of the signed area of the
// disc's intersection with the triangle (centre, edge start, edge end).
#pragma once
#include <vector>

#include "geom/geos.h"

namespace eco::vector {

// Area of (polygonal parts of g) ∩ disc(cx, cy, r). Holes are subtracted; ring orientation does
// not matter. Points and lines give 0.
double polygon_disc_area(const GEOSGeometry* g, double cx, double cy, double r);
// The same for several radii in one pass over the vertices.
std::vector<double> polygon_disc_areas(const GEOSGeometry* g, double cx, double cy, const std::vector<double>& radii);

}  // namespace eco::vector
