#include "report/svg_map.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <memory>

#include <ogr_geometry.h>

#include "core/error.h"

namespace eco::report {
namespace {

// A number for an attribute (opacity, width, radius): at most 3 decimals, no trailing zeros,
// independent of the C locale.
std::string num(double v) {
    if (!std::isfinite(v)) return "0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
    std::string s(buf, res.ptr);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

// Shortest round-trip form ("20", "0.5", "0.05").
std::string shortest(double v) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::string attr(const char* name, const std::string& value) {
    return std::string(" ") + name + "=\"" + SvgMap::escape_xml(value) + "\"";
}

// Appends the code point `cp` as UTF-8.
void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

SvgMap::SvgMap(double minx, double miny, double maxx, double maxy, int width_px, int height_px)
    : minx_(minx), miny_(miny), maxx_(maxx), maxy_(maxy), width_(width_px), height_(height_px) {
    if (!std::isfinite(minx) || !std::isfinite(miny) || !std::isfinite(maxx) || !std::isfinite(maxy))
        throw BadInput("svg_map: the map extent is not finite");
    if (maxx < minx || maxy < miny)
        throw BadInput("svg_map: the map extent is inverted (max below min)");
    if (width_px <= 0 || height_px <= 0)
        throw BadInput("svg_map: the map needs a width and a height of at least 1 px");
    const double dx = maxx - minx, dy = maxy - miny;
    const double sx = dx > 0 ? width_px / dx : std::numeric_limits<double>::infinity();
    const double sy = dy > 0 ? height_px / dy : std::numeric_limits<double>::infinity();
    scale_ = std::min(sx, sy);
    if (!std::isfinite(scale_) || scale_ <= 0) scale_ = 1;  // a single point
    off_x_ = (width_px - dx * scale_) / 2;
    off_y_ = (height_px - dy * scale_) / 2;
}

std::string SvgMap::fmt(double v) {
    if (!std::isfinite(v)) return "0";
    if (std::fabs(v) > 1e15) v = std::copysign(1e15, v);
    long long t = std::llround(v * 10.0);
    char buf[32];
    char* p = buf;
    if (t < 0) {
        *p++ = '-';
        t = -t;
    }
    p = std::to_chars(p, buf + sizeof buf, t / 10).ptr;
    if (t % 10) {
        *p++ = '.';
        *p++ = static_cast<char>('0' + t % 10);
    }
    std::string s(buf, p);
    return s == "-0" ? "0" : s;
}

std::string SvgMap::escape_xml(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 16);
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const unsigned c = *p;
        if (c < 0x80) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                default:
                    // XML 1.0 allows only TAB, LF and CR below 0x20.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += static_cast<char>(c);
            }
            ++p;
            continue;
        }
        // A multi-byte UTF-8 sequence: check it, keep it or replace it by U+FFFD.
        int len = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        bool ok = len > 0 && end - p >= len;
        for (int i = 1; ok && i < len; ++i) {
            if ((p[i] & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (ok) {
            const unsigned min_cp = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
            ok = cp >= min_cp && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE &&
                 cp != 0xFFFF;
        }
        if (ok) {
            out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
            p += len;
        } else {
            put_utf8(out, 0xFFFD);
            ++p;
        }
    }
    return out;
}

double SvgMap::nice_length(double max) {
    if (!std::isfinite(max) || max <= 0) return 0;
    double e = std::floor(std::log10(max));
    if (std::pow(10.0, e + 1) <= max) e += 1;  // log10 rounding at exact powers of ten
    if (std::pow(10.0, e) > max) e -= 1;
    const double base = std::pow(10.0, e);
    for (double m : {5.0, 2.0, 1.0})
        if (m * base <= max) return m * base;
    return base;
}

std::string SvgMap::format_length(double metres) {
    if (metres >= 1000) return shortest(metres / 1000) + " km";
    return shortest(metres) + " m";
}

double SvgMap::scale_bar_length() const { return nice_length(0.25 * width_ / scale_); }

void SvgMap::ring_path(const OGRSimpleCurve& ring, bool close, std::string& d) const {
    const int n = ring.getNumPoints();
    long long first_x = 0, first_y = 0, last_x = 0, last_y = 0;
    int emitted = 0;
    std::string part;
    for (int i = 0; i < n; ++i) {
        const double x = px_x(ring.getX(i)), y = px_y(ring.getY(i));
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        const long long tx = std::llround(x * 10.0), ty = std::llround(y * 10.0);
        if (emitted > 0 && tx == last_x && ty == last_y) continue;  // same 0.1 px
        if (close && emitted > 0 && i == n - 1 && tx == first_x && ty == first_y) continue;
        part += emitted == 0 ? "M" : "L";
        part += fmt(x) + " " + fmt(y);
        if (emitted == 0) {
            first_x = tx;
            first_y = ty;
        }
        last_x = tx;
        last_y = ty;
        ++emitted;
    }
    if (emitted == 0) return;
    if (close) part += "Z";
    else if (emitted == 1) part += "h0";  // a line shorter than 0.1 px: still a dot
    d += part;
}

void SvgMap::draw(const OGRGeometry& g, const SvgStyle& s, std::string& out) const {
    if (g.IsEmpty()) return;
    const OGRwkbGeometryType t = wkbFlatten(g.getGeometryType());
    if (t == wkbPolyhedralSurface || t == wkbTIN) {
        std::unique_ptr<OGRGeometry> mp(OGRGeometryFactory::forceToMultiPolygon(g.clone()));
        if (mp) draw(*mp, s, out);
        return;
    }
    if (g.hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> lin(g.getLinearGeometry());
        if (lin) draw(*lin, s, out);
        return;
    }
    if (t == wkbPoint) {
        const OGRPoint* p = g.toPoint();
        const double x = px_x(p->getX()), y = px_y(p->getY());
        if (!std::isfinite(x) || !std::isfinite(y)) return;
        out += "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"" + num(s.point_radius) + "\"/>\n";
        return;
    }
    if (t == wkbLineString || t == wkbLinearRing) {
        std::string d;
        ring_path(*dynamic_cast<const OGRSimpleCurve*>(&g), false, d);
        if (!d.empty()) out += "<path fill=\"none\" d=\"" + d + "\"/>\n";
        return;
    }
    if (const auto* poly = dynamic_cast<const OGRPolygon*>(&g)) {  // Polygon, Triangle
        std::string d;
        if (const OGRLinearRing* r = poly->getExteriorRing()) ring_path(*r, true, d);
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            ring_path(*poly->getInteriorRing(i), true, d);
        if (!d.empty()) out += "<path fill-rule=\"evenodd\" d=\"" + d + "\"/>\n";
        return;
    }
    if (const auto* coll = dynamic_cast<const OGRGeometryCollection*>(&g)) {
        for (int i = 0; i < coll->getNumGeometries(); ++i) draw(*coll->getGeometryRef(i), s, out);
        return;
    }
}

void SvgMap::add(const OGRGeometry& g, const SvgStyle& s, const std::string& title) {
    std::string body;
    draw(g, s, body);
    if (body.empty()) return;
    std::string item = "<g" + attr("fill", s.fill.empty() ? "none" : s.fill);
    if (s.fill_opacity != 1) item += attr("fill-opacity", num(s.fill_opacity));
    item += attr("stroke", s.stroke.empty() ? "none" : s.stroke);
    item += attr("stroke-width", num(s.stroke_width));
    if (!s.dash.empty()) item += attr("stroke-dasharray", s.dash);
    item += " stroke-linejoin=\"round\" stroke-linecap=\"round\">\n";
    if (!title.empty()) item += "<title>" + escape_xml(title) + "</title>\n";
    item += body;
    item += "</g>\n";
    items_.push_back(std::move(item));
}

void SvgMap::add_label(double x, double y, const std::string& text) {
    const double px = px_x(x), py = px_y(y);
    if (!std::isfinite(px) || !std::isfinite(py) || text.empty()) return;
    labels_.push_back("<text x=\"" + fmt(px) + "\" y=\"" + fmt(py) + "\">" + escape_xml(text) +
                      "</text>\n");
}

std::string SvgMap::render() const {
    const std::string w = std::to_string(width_), h = std::to_string(height_);
    std::string out;
    out += "<svg width=\"" + w + "\" height=\"" + h +
           "\" viewBox=\"0 0 " + w + " " + h + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
    out += "<rect width=\"" + w + "\" height=\"" + h + "\" fill=\"#fff\"/>\n";
    for (const auto& item : items_) out += item;
    if (!labels_.empty()) {
        // A white halo drawn first, then the text: works in every SVG renderer (paint-order
        // does not).
        out += "<g class=\"labels\" text-anchor=\"middle\" dominant-baseline=\"central\">\n";
        out += "<g fill=\"#fff\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\">\n";
        for (const auto& l : labels_) out += l;
        out += "</g>\n<g fill=\"#222\">\n";
        for (const auto& l : labels_) out += l;
        out += "</g>\n</g>\n";
    }

    // Scale bar, bottom left.
    const double length = scale_bar_length();
    if (length > 0) {
        const double x0 = 10, y0 = height_ - 10.0, x1 = x0 + length * scale_;
        out += "<g class=\"scale-bar\">\n<title>" + escape_xml(format_length(length)) + "</title>\n";
        out += "<path fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\" d=\"M" + fmt(x0) + " " +
               fmt(y0 - 5) + "V" + fmt(y0) + "H" + fmt(x1) + "V" + fmt(y0 - 5) + "\"/>\n";
        const std::string text = "<text x=\"" + fmt(x1 + 5) + "\" y=\"" + fmt(y0) + "\"";
        const std::string label = ">" + escape_xml(format_length(length)) + "</text>\n";
        out += text + " fill=\"#fff\" stroke=\"#fff\" stroke-width=\"3\"" + label;
        out += text + " fill=\"#000\"" + label + "</g>\n";
    }

    // North arrow (grid north), top right.
    const double cx = width_ - 16.0, top = 6;
    out += "<g class=\"north-arrow\">\n<title>N</title>\n";
    out += "<text x=\"" + fmt(cx) + "\" y=\"" + fmt(top + 10) +
           "\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#000\">N</text>\n";
    out += "<path fill=\"#000\" stroke=\"#fff\" stroke-width=\"0.5\" d=\"M" + fmt(cx) + " " +
           fmt(top + 14) + "L" + fmt(cx + 6) + " " + fmt(top + 32) + "L" + fmt(cx) + " " +
           fmt(top + 27) + "L" + fmt(cx - 6) + " " + fmt(top + 32) + "Z\"/>\n</g>\n";
    out += "</svg>\n";
    return out;
}

std::string SvgMap::render_standalone() const {
    std::string svg = render();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"" +
           svg.substr(4);
}

}  // namespace eco::report
