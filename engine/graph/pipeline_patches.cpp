#include "graph/pipeline_patches.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/error.h"

namespace eco::graph {

LandCover read_land_cover(const std::string& path, const std::string& op, const std::string& assume_crs) {
    raster::RasterReader rd(path, op, "land cover raster", assume_crs);
    if (!rd.is_integer())
        throw BadInput(op + ": the land cover raster '" + path +
                       "' is not an integer raster; give a categorical raster (class codes)");
    LandCover lc;
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
    for (std::size_t i = 0; i < n; ++i)
        if (lc.valid[i] && hab.count(lc.cls[i])) {
            src[i] = 1;
            ++p.habitat_cells;
        }
    if (p.habitat_cells == 0) {
        std::set<long long> present;
        for (std::size_t i = 0; i < n; ++i)
            if (lc.valid[i]) present.insert(lc.cls[i]);
        std::ostringstream s;
        for (auto c : present) s << (s.tellp() > 0 ? "," : "") << c;
        throw BadInput(op + ": none of the habitat classes occurs in the land cover raster; classes present: " + s.str());
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

    // Connected components, ids in order of the first cell; flood fill with an explicit stack.
    std::vector<int32_t> lab(n, 0);
    std::vector<long long> cells;
    std::vector<double> sx, sy;
    std::vector<std::size_t> stack;
    const int nb = opt.connectivity;
    static const int dr[8] = {0, 0, -1, 1, -1, -1, 1, 1}, dc[8] = {-1, 1, 0, 0, -1, 1, -1, 1};
    int32_t next = 0;
    for (std::size_t s0 = 0; s0 < n; ++s0) {
        if (!src[s0] || lab[s0]) continue;
        ++next;
        cells.push_back(0);
        sx.push_back(0);
        sy.push_back(0);
        lab[s0] = next;
        stack.assign(1, s0);
        while (!stack.empty()) {
            std::size_t c = stack.back();
            stack.pop_back();
            const int r = static_cast<int>(c / W), col = static_cast<int>(c % W);
            cells.back() += 1;
            sx.back() += lc.grid.col_x(col + 0.5);
            sy.back() += lc.grid.row_y(r + 0.5);
            for (int k = 0; k < nb; ++k) {
                const int rr = r + dr[k], cc = col + dc[k];
                if (rr < 0 || rr >= H || cc < 0 || cc >= W) continue;
                const std::size_t j = static_cast<std::size_t>(rr) * W + cc;
                if (src[j] && !lab[j]) {
                    lab[j] = next;
                    stack.push_back(j);
                }
            }
        }
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
        p.cx.push_back(sx[k] / static_cast<double>(cells[k]));
        p.cy.push_back(sy[k] / static_cast<double>(cells[k]));
    }
    for (auto& v : lab) v = renum[static_cast<std::size_t>(v)];
    p.label = std::move(lab);
    return p;
}

}  // namespace eco::graph
