// A small self-contained SVG map drawer for the HTML reports: geometries in the working CRS
// (metres, y up), drawn into a fixed pixel frame with a scale bar and a north arrow.
//
//   SvgMap map(minx, miny, maxx, maxy, 600, 400);
//   map.add(*redline_geom, {.fill = "#1a9850", .stroke = "#0b5", .fill_opacity = 0.4}, "红线 HX-01");
//   map.add(*site_geom, {.fill = "none", .stroke = "#e31a1c", .stroke_width = 2});
//   map.add_label(x, y, "S-01");
//   std::string svg = map.render();   // <svg ...>...</svg>, to inline in HTML
//
// The extent is fitted into width_px x height_px keeping the aspect ratio (centred), the y axis is
// flipped, nothing is clipped (the viewBox is the pixel frame). Coordinates are rounded to 0.1 px.
// Polygons are one path per polygon with fill-rule evenodd (holes stay holes); lines are paths
// with no fill; points are circles; multi-geometries, collections and curves (linearised) are
// drawn part by part. Titles (hover text) and labels are XML-escaped; UTF-8 (Chinese) passes
// through, invalid UTF-8 bytes become U+FFFD and control characters are dropped.
#pragma once

#include <string>
#include <vector>

class OGRGeometry;
class OGRSimpleCurve;

namespace eco::report {

struct SvgStyle {
    std::string fill = "none", stroke = "#000";
    double fill_opacity = 1, stroke_width = 1;
    std::string dash;  // stroke-dasharray, e.g. "4 2"; empty: solid
    double point_radius = 4;
};

class SvgMap {
public:
    // Throws eco::BadInput ("svg_map: ...") for a non-finite or inverted extent or a frame
    // without pixels. A zero-width or zero-height extent is fine (a single point site): the
    // other axis sets the scale, and a single point is shown at 1 px per map unit.
    SvgMap(double minx, double miny, double maxx, double maxy, int width_px, int height_px);

    void add(const OGRGeometry& g_in_map_crs, const SvgStyle& s, const std::string& title = "");
    void add_label(double x, double y, const std::string& text);
    // The <svg> element to inline in an HTML page. No xmlns: the HTML parser puts <svg> in the
    // SVG namespace by itself, and the page then holds no "http://" at all.
    std::string render() const;
    // A standalone .svg document: XML declaration and the SVG namespace.
    std::string render_standalone() const;

    // Map coordinates to pixels (not rounded).
    double px_x(double x) const { return off_x_ + (x - minx_) * scale_; }
    double px_y(double y) const { return off_y_ + (maxy_ - y) * scale_; }
    double scale() const { return scale_; }  // pixels per map unit

    // Length of the scale bar in map units (metres): the largest 1-2-5 value that fits in a
    // quarter of the frame width.
    double scale_bar_length() const;

    // The largest value of the 1-2-5 series (..., 0.5, 1, 2, 5, 10, 20, ...) not above `max`
    // (`max` > 0); 0 for max <= 0 or not finite.
    static double nice_length(double max);
    // "500 m", "2 km", "0.5 m".
    static std::string format_length(double metres);
    // Escapes & < > " ' for text and attributes; repairs UTF-8 (see above).
    static std::string escape_xml(const std::string& text);
    // A pixel coordinate rounded to 0.1, without trailing ".0" ("12.3", "40", "-0.5").
    static std::string fmt(double v);

private:
    void draw(const OGRGeometry& g, const SvgStyle& s, std::string& out) const;
    void ring_path(const OGRSimpleCurve& ring, bool close, std::string& d) const;

    double minx_, miny_, maxx_, maxy_;
    int width_, height_;
    double scale_ = 1, off_x_ = 0, off_y_ = 0;
    std::vector<std::string> items_;
    std::vector<std::string> labels_;
};

}  // namespace eco::report
