// Exact coverage fractions: the share of each cell covered by a polygon (0..1), computed per
// cell row from the polygon's edges, never by supersampling.
//
// Method: inside one row strip (ybot < y < ytop), the area of the polygon between two vertical
// lines is -integral(y dx) along the polygon boundary clipped to the strip (the vertical pieces
// contribute nothing). Clipping a ring to the strip is the same, for this integral, as clamping
// every vertex's y into [ybot, ytop]; so each edge that crosses the strip contributes its
// clamped pieces, and every run of edges outside the strip contributes one horizontal piece
// along ytop (or nothing along ybot, where y - ybot = 0). Each piece is split at the column
// lines and summed into the cells. Shells add, holes subtract, whatever the ring orientation.
// Fractions within 1e-12 of 0 or 1 are snapped to 0 or 1.
#pragma once
#include <vector>

#include "geom/geos.h"
#include "raster/raster_io.h"

namespace eco::raster {

struct CoverRing {
    std::vector<double> x, y;  // closed: first == last
    double sign = 1;           // +1 adds area, -1 removes it (normalised for orientation and holes)
};

struct CoverPolygon {
    std::vector<CoverRing> rings;
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    bool empty() const { return rings.empty(); }
};

// The polygonal parts of a GEOS geometry (Polygon, MultiPolygon, collections); other parts are ignored.
CoverPolygon cover_polygon(const GEOSGeometry* g);

// Rows [row0, row1) of the grid touched by the polygon's bounding box, clamped to the grid
// (row1 <= row0 when none), and the same for columns.
struct CellRange {
    int row0 = 0, row1 = 0, col0 = 0, col1 = 0;
    bool empty() const { return row1 <= row0 || col1 <= col0; }
};
CellRange cover_range(const Grid& grid, const CoverPolygon& p);

// Computes coverage fractions for rows [row0, row1) (clamped to the polygon's range) and calls
// fn(row, col0, n, const double* frac) once per row with n = range.col1 - range.col0 values
// (zero where the polygon does not reach). Sequential; call from any thread.
template <class Fn>
void cover_rows(const Grid& grid, const CoverPolygon& p, int row0, int row1, Fn&& fn);

// ---- implementation detail (template above) ----
namespace detail {
struct CoverBand {
    CellRange range;
    int row0 = 0, row1 = 0;
    std::vector<double> frac;  // (row1-row0) x (col1-col0)
};
void compute_band(const Grid& grid, const CoverPolygon& p, int row0, int row1, CoverBand& out);
}  // namespace detail

template <class Fn>
void cover_rows(const Grid& grid, const CoverPolygon& p, int row0, int row1, Fn&& fn) {
    detail::CoverBand b;
    detail::compute_band(grid, p, row0, row1, b);
    const int n = b.range.col1 - b.range.col0;
    for (int r = b.row0; r < b.row1; ++r)
        fn(r, b.range.col0, n, b.frac.data() + static_cast<size_t>(r - b.row0) * n);
}

}  // namespace eco::raster
