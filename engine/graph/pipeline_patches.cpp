#include "graph/pipeline_patches.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/paths.h"

namespace eco::graph {

LandCover read_land_cover(const std::string& path, const std::string& op, const std::string& assume_crs) {
    raster::RasterReader rd(path, op, "land cover raster", assume_crs);
    if (!rd.is_integer())
        throw BadInput(op + ": the land cover raster '" + path +
                       "' is not an integer raster; give a categorical raster (class codes)");
    LandCover lc;
    lc.path = path;
    lc.grid = rd.grid();
    const auto n = static_cast<std::size_t>(lc.grid.cells());
    lc.cls.assign(n, 0);
    lc.valid.assign(n, 1);
    raster::Window w{0, 0, lc.grid.width, lc.grid.height};
    rd.read(w, lc.cls.data());
    if (rd.nodata())
        for (std::size_t i = 0; i < n; ++i)
            if (rd.is_nodata(static_cast<double>(lc.cls[i]))) lc.valid[i] = 0;
    return lc;
}

Patches find_patches(const LandCover& lc, const PatchOptions& opt, const std::string& op) {
    if (opt.habitat_classes.empty())
        throw BadInput(op + ": give the habitat classes with --classes (e.g. --classes 4,5)");
    if (opt.connectivity != 4 && opt.connectivity != 8)
        throw BadInput(op + ": --connectivity must be 4 or 8, got " + std::to_string(opt.connectivity));
    const int W = lc.grid.width, H = lc.grid.height;
    const std::size_t n = static_cast<std::size_t>(W) * H;
    std::set<long long> hab(opt.habitat_classes.begin(), opt.habitat_classes.end());

    Patches p;
    p.grid = lc.grid;
    std::vector<uint8_t> src(n, 0);
    long long last = 0;
    bool last_hab = hab.count(0) > 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!lc.valid[i]) continue;
        if (lc.cls[i] != last) last = lc.cls[i], last_hab = hab.count(last) > 0;
        if (last_hab) {
            src[i] = 1;
            ++p.habitat_cells;
        }
    }
    if (p.habitat_cells == 0) {
        std::set<long long> present;
        for (std::size_t i = 0; i < n; ++i)
            if (lc.valid[i]) present.insert(lc.cls[i]);
        std::ostringstream s;
        for (auto c : present) s << (s.tellp() > 0 ? "," : "") << c;
        throw BadInput(op + ": none of the habitat classes occurs in the land cover raster" +
                       (lc.path.empty() ? std::string() : " '" + lc.path + "'") + "; classes present: " + s.str() +
                       " (check --classes)");
    }
    if (opt.mspa_core) {
        std::vector<uint8_t> in(n);
        for (std::size_t i = 0; i < n; ++i) in[i] = !lc.valid[i] ? 0 : (src[i] ? 2 : 1);
        MspaOptions mo = opt.mspa;
        mo.connectivity = opt.connectivity;
        auto out = mspa(in, static_cast<std::size_t>(H), static_cast<std::size_t>(W), mo);
        for (std::size_t i = 0; i < n; ++i)
            src[i] = (out[i] == mspa_code::core || out[i] == mspa_code::core + mspa_code::internal) ? 1 : 0;
    }
    for (std::size_t i = 0; i < n; ++i) p.source_cells += src[i];

    // Connected components, ids in order of the first cell: one pass over the rows with provisional
    // labels and union-find (each row needs only the row above: block-friendly, no recursion or stack
    // proportional to a patch), then a pass that resolves each provisional label to its root. The
    // first cell of a component (row-major) gets the component's smallest provisional label, so
    // numbering the roots in increasing order numbers the components by their first cell.
    std::vector<int32_t> lab(n, 0);
    std::vector<int32_t> parent{0};
    auto find = [&](int32_t x) {
        while (parent[static_cast<std::size_t>(x)] != x) {
            parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
            x = parent[static_cast<std::size_t>(x)];
        }
        return x;
    };
    auto unite = [&](int32_t a, int32_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return a;
        if (a > b) std::swap(a, b);
        parent[static_cast<std::size_t>(b)] = a;  // the smaller label is the root
        return a;
    };
    const bool eight = opt.connectivity == 8;
    for (int r = 0; r < H; ++r) {
        const std::size_t row = static_cast<std::size_t>(r) * W;
        for (int c = 0; c < W; ++c) {
            const std::size_t i = row + c;
            if (!src[i]) continue;
            int32_t l = 0;
            auto take = [&](std::size_t j) {
                if (!lab[j]) return;
                l = l ? unite(l, lab[j]) : find(lab[j]);
            };
            if (c > 0) take(i - 1);
            if (r > 0) {
                take(i - W);
                if (eight && c > 0) take(i - W - 1);
                if (eight && c + 1 < W) take(i - W + 1);
            }
            if (!l) {
                l = static_cast<int32_t>(parent.size());
                if (parent.size() >= static_cast<std::size_t>(std::numeric_limits<int32_t>::max()))
                    throw Failure(op + ": more than 2^31 provisional patch labels");
                parent.push_back(l);
            }
            lab[i] = l;
        }
    }
    // Roots in increasing order = components in order of their first cell.
    std::vector<int32_t> comp(parent.size(), 0);
    int32_t next = 0;
    for (std::size_t x = 1; x < parent.size(); ++x) {
        const int32_t root = find(static_cast<int32_t>(x));
        if (root == static_cast<int32_t>(x)) comp[x] = ++next;
    }
    for (std::size_t x = 1; x < parent.size(); ++x) comp[x] = comp[static_cast<std::size_t>(find(static_cast<int32_t>(x)))];
    std::vector<long long> cells(static_cast<std::size_t>(next), 0), scol(static_cast<std::size_t>(next), 0),
        srow(static_cast<std::size_t>(next), 0);
    for (int r = 0; r < H; ++r) {
        const std::size_t row = static_cast<std::size_t>(r) * W;
        for (int c = 0; c < W; ++c) {
            const std::size_t i = row + c;
            if (!lab[i]) continue;
            const int32_t id = comp[static_cast<std::size_t>(lab[i])];
            lab[i] = id;
            const auto k = static_cast<std::size_t>(id - 1);
            cells[k] += 1;
            scol[k] += c;
            srow[k] += r;
        }
    }
    std::vector<int32_t>().swap(parent);
    std::vector<double> sx(static_cast<std::size_t>(next)), sy(static_cast<std::size_t>(next));
    for (std::size_t k = 0; k < sx.size(); ++k) {  // centroid of the cell centres (exact integer sums)
        const double m = static_cast<double>(cells[k]);
        sx[k] = lc.grid.col_x(static_cast<double>(scol[k]) / m + 0.5);
        sy[k] = lc.grid.row_y(static_cast<double>(srow[k]) / m + 0.5);
    }
    // Area filter and renumbering.
    const double ca = lc.grid.cell_area();
    std::vector<int32_t> renum(static_cast<std::size_t>(next) + 1, 0);
    int32_t kept = 0;
    for (int32_t id = 1; id <= next; ++id) {
        const auto k = static_cast<std::size_t>(id - 1);
        const double a = static_cast<double>(cells[k]) * ca;
        if (a < opt.min_area_m2) {
            ++p.dropped_patches;
            p.dropped_cells += cells[k];
            continue;
        }
        renum[static_cast<std::size_t>(id)] = ++kept;
        p.cells.push_back(cells[k]);
        p.area_m2.push_back(a);
        p.cx.push_back(sx[k]);
        p.cy.push_back(sy[k]);
    }
    if (kept == 0) {  // no patch at all: a clear error rather than an empty graph or empty outputs
        const std::string in = lc.path.empty() ? std::string("the land cover raster") : "'" + lc.path + "'";
        if (next == 0)
            throw BadInput(op + ": no MSPA core cells in " + in + " (every habitat cell is edge or smaller); lower "
                                "--edge-width or drop --mspa");
        const long long big = *std::max_element(cells.begin(), cells.end());
        std::ostringstream s;
        s << op << ": none of the " << next << " habitat patches of " << in << " reaches the minimum area of "
          << opt.min_area_m2 << " m2 (the largest is " << static_cast<double>(big) * ca << " m2); lower --min-area (or --min-area-ha)";
        throw BadInput(s.str());
    }
    for (auto& v : lab) v = renum[static_cast<std::size_t>(v)];
    p.label = std::move(lab);
    return p;
}

bool apply_demo_defaults(nlohmann::json& prm) {
    if (!prm.at("landcover").is_null()) return false;
    auto unset = [&](const char* k) { return !prm.contains(k) || prm.at(k).is_null(); };
    prm["landcover"] = data_path("layers/demo/landcover_demo.tif");
    if (unset("classes")) prm["classes"] = {3};
    if (unset("table") && unset("resistance")) prm["table"] = "china_landuse_3diao";
    if (unset("min-area") && unset("min-area-ha")) prm["min-area"] = 1000000.0;
    if (prm.contains("d0") && prm.at("d0").is_null()) prm["d0"] = 20000.0;
    if (unset("links")) prm["links"] = "planar";
    return true;
}

std::vector<long long> habitat_classes(const nlohmann::json& classes, const std::string& op) {
    std::vector<long long> out;
    for (const auto& c : classes) {
        const double v = c.get<double>();
        if (v != std::floor(v)) throw BadInput(op + ": --classes must be integer class codes, got " + c.dump());
        out.push_back(static_cast<long long>(v));
    }
    return out;
}

}  // namespace eco::graph
