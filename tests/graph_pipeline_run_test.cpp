// connectivity run (engine/graph/pipeline_*): a tiny hand-made raster whose link costs are worked
// out by hand, and invariants on the real gorilla sanctuary vegetation raster.
#include <catch2/catch.hpp>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <functional>
#include <numeric>
#include <set>

#include "core/error.h"
#include "graph/pipeline_run.h"
#include "io/gdal_util.h"
#include "test_util.h"

using namespace eco::graph;

namespace {

// Writes an Int32 GeoTIFF (EPSG:32632, cell `cs` m, top-left (500000, 1000000)), nodata -1.
void write_int_raster(const std::string& path, int w, int h, const std::vector<int32_t>& v, double cs = 10.0) {
    eco::io::gdal_init();
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName("GTiff");
    eco::io::Dataset ds(d->Create(path.c_str(), w, h, 1, GDT_Int32, nullptr));
    double gt[6] = {500000.0, cs, 0, 1000000.0, 0, -cs};
    ds->SetGeoTransform(gt);
    OGRSpatialReference s;
    s.importFromEPSG(32632);
    ds->SetSpatialRef(&s);
    ds->GetRasterBand(1)->SetNoDataValue(-1);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, const_cast<int32_t*>(v.data()), w, h, GDT_Int32, 0, 0,
                                           nullptr) == CE_None);
}

RunOptions base_options(const std::string& lc, const std::string& table, std::vector<long long> classes) {
    nlohmann::json given = {{"landcover", lc}, {"table", table}};
    std::string cl;
    for (auto c : classes) cl += (cl.empty() ? "" : ",") + std::to_string(c);
    given["classes"] = cl;
    auto p = eco::resolve_params(run_spec(), given);
    auto o = run_options(p);
    o.metrics.link_importance = "on";
    return o;
}

const PatchLink* find_link(const LinksResult& l, unsigned u, unsigned v) {
    for (const auto& L : l.links)
        if (L.u == u && L.v == v) return &L;
    return nullptr;
}

// The tiny landscape: 3 rows x 13 columns of 10 m cells. Habitat (class 1) in columns 0, 4, 8 and
// 12 (patches A, B, C, D of 3 cells, 300 m2), matrix (class 2) elsewhere, a wall (class 9, no
// resistance = impassable) in column 10, so D is cut off.
std::vector<int32_t> tiny_landscape() {
    const int cls[13] = {1, 2, 2, 2, 1, 2, 2, 2, 1, 2, 9, 2, 1};
    std::vector<int32_t> v;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 13; ++c) v.push_back(cls[c]);
    return v;
}

}  // namespace

TEST_CASE("connectivity run: three patches in a row on uniform resistance 1, costs by hand", "[graph][pipeline]") {
    testutil::TempDir tmp;
    write_int_raster(tmp / "lc.tif", 13, 3, tiny_landscape());
    testutil::write_text(tmp / "res.csv", "class,name,resistance\n1,habitat,1\n2,matrix,1\n9,wall,nodata\n");
    auto o = base_options(tmp / "lc.tif", tmp / "res.csv", {1});
    o.metrics.p0 = 0.5;
    o.metrics.d0 = 40.0;
    auto r = run_pipeline(o);
    REQUIRE(r.patches.count() == 4);
    for (std::size_t k = 0; k < 4; ++k) {
        CHECK(r.patches.cells[k] == 3);
        CHECK(r.patches.area_m2[k] == Approx(300.0));
        CHECK(r.patches.cx[k] == Approx(500000.0 + 10.0 * (4 * k) + 5.0));
        CHECK(r.patches.cy[k] == Approx(1000000.0 - 15.0));
    }
    // A-B: 4 steps of 10 m on resistance 1 = 40; B-C 40; A-C 80 (straight through B). D unreachable.
    REQUIRE(r.links.links.size() == 3);
    CHECK(r.links.unreachable_pairs == 3);
    const PatchLink* ab = find_link(r.links, 0, 1);
    const PatchLink* bc = find_link(r.links, 1, 2);
    const PatchLink* ac = find_link(r.links, 0, 2);
    REQUIRE(ab);
    REQUIRE(bc);
    REQUIRE(ac);
    CHECK(ab->cost == Approx(40.0).epsilon(1e-12));
    CHECK(bc->cost == Approx(40.0).epsilon(1e-12));
    CHECK(ac->cost == Approx(80.0).epsilon(1e-12));
    CHECK(ab->length == Approx(40.0));
    CHECK(ac->length == Approx(80.0));
    CHECK(ab->euclid == Approx(40.0));
    CHECK(ac->euclid == Approx(80.0));
    CHECK(ab->path.size() == 5);  // 5 cell centres, from A's cell to B's cell
    CHECK(ab->path.front().first == Approx(500005.0));
    CHECK(ab->path.back().first == Approx(500045.0));
    // p = 0.5 at 40: p_AB = p_BC = 0.5, p_AC = 0.25 = p_AB p_BC; A_L = 1200 (summed area).
    const auto& m = r.metrics;
    const double a = 300.0, AL = 1200.0;
    const double pcnum = a * a * (4 + 2 * (0.5 + 0.5 + 0.25));
    CHECK(m.pc_num == Approx(pcnum).epsilon(1e-12));
    CHECK(m.pc == Approx(pcnum / (AL * AL)).epsilon(1e-12));
    CHECK(m.components == 2);
    // D has no link: dPC = dPCintra = 100 a^2 / PCnum; flux and connector 0.
    CHECK(m.node[3].degree == 0);
    CHECK(m.node[3].dPC == Approx(100.0 * a * a / pcnum).epsilon(1e-12));
    CHECK(m.node[3].dPC == Approx(m.node[3].dPCintra).epsilon(1e-12));
    // B is the stepping stone: highest dPC, rank 1, a cut vertex of its component... no: A-C is a
    // direct link too, so B is not a cut vertex; its connector fraction is 0 (A-C direct is as good).
    CHECK(r.rank[1] == 1);
    CHECK_FALSE(m.node[1].cut_vertex);
    CHECK(m.node[1].dPCconnector == Approx(0.0).margin(1e-9));
}

TEST_CASE("connectivity run: resistance 3 in the matrix, costs by hand; planar and max distance", "[graph][pipeline]") {
    testutil::TempDir tmp;
    write_int_raster(tmp / "lc.tif", 13, 3, tiny_landscape());
    testutil::write_text(tmp / "res.csv", "class,name,resistance\n1,habitat,1\n2,matrix,3\n9,wall,nodata\n");
    auto o = base_options(tmp / "lc.tif", tmp / "res.csv", {1});
    auto r = run_pipeline(o);
    // A-B: habitat->matrix (1+3)/2*10 = 20, two matrix steps 30 + 30, matrix->habitat 20: 100.
    // A-C: through B (B's cells cost 1): 100 + 100 = 200.
    REQUIRE(r.links.links.size() == 3);
    CHECK(find_link(r.links, 0, 1)->cost == Approx(100.0).epsilon(1e-12));
    CHECK(find_link(r.links, 1, 2)->cost == Approx(100.0).epsilon(1e-12));
    CHECK(find_link(r.links, 0, 2)->cost == Approx(200.0).epsilon(1e-12));
    // Planar: A's and C's allocation zones do not touch (B's lies between): only A-B and B-C.
    o.links.topology = "planar";
    auto rp = run_pipeline(o);
    REQUIRE(rp.links.links.size() == 2);
    CHECK(find_link(rp.links, 0, 1));
    CHECK(find_link(rp.links, 1, 2));
    CHECK(rp.metrics.node[1].cut_vertex);  // now B is a stepping stone
    // Max distance 150: A-C dropped.
    o.links.topology = "complete";
    o.links.max_distance = 150.0;
    auto rm = run_pipeline(o);
    CHECK(rm.links.links.size() == 2);
    // A-C (200) is above 150; the 3 pairs with D have no path, which a search bounded at 150 cannot tell
    // from "beyond 150": all 4 are counted in over_max.
    CHECK(rm.links.over_max == 4);
    CHECK(rm.links.unreachable_pairs == 0);
    // Euclidean: nearest cell centres 40 m apart, 80 for A-C; Euclidean links ignore the
    // resistance, impassable cells included, so D is linked too (6 pairs).
    o.links.max_distance.reset();
    o.links.distance = "euclidean";
    auto re = run_pipeline(o);
    REQUIRE(re.links.links.size() == 6);
    CHECK(find_link(re.links, 0, 2)->distance == Approx(80.0));
    CHECK(find_link(re.links, 2, 3)->distance == Approx(40.0));
    CHECK(find_link(re.links, 0, 3)->distance == Approx(120.0));
    CHECK(std::isnan(find_link(re.links, 0, 1)->cost));
}

TEST_CASE("connectivity run: errors name the operation and say what to do", "[graph][pipeline]") {
    testutil::TempDir tmp;
    write_int_raster(tmp / "lc.tif", 13, 3, tiny_landscape());
    testutil::write_text(tmp / "res.csv", "class,name,resistance\n1,habitat,1\n2,matrix,3\n");
    auto o = base_options(tmp / "lc.tif", tmp / "res.csv", {1});
    try {
        run_pipeline(o);
        FAIL("no error for a class missing from the table");
    } catch (const eco::BadInput& e) {
        CHECK(std::string(e.what()).find("connectivity run: classes 9") == 0);
    }
    testutil::write_text(tmp / "res.csv", "class,name,resistance\n1,habitat,1\n2,matrix,3\n9,wall,nodata\n");
    auto o2 = base_options(tmp / "lc.tif", tmp / "res.csv", {7});
    CHECK_THROWS_AS(run_pipeline(o2), eco::BadInput);
}

namespace {

const std::string kGorillas = std::string(ECOSHIELD_TEST_DATA) + "/rasters/gorillas_vegetation_utm32n.tif";
const std::string kGorillaTable = std::string(ECOSHIELD_SOURCE_DIR) + "/layers/resistance/gorillas_vegetation.csv";

struct Raw {
    int w = 0, h = 0;
    double cw = 0, ch = 0, x0 = 0, y0 = 0;
    std::vector<int32_t> v;
    bool valid(std::size_t i) const { return v[i] != -9999; }
};
Raw read_raw(const std::string& path) {
    eco::io::gdal_init();
    eco::io::Dataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    Raw r;
    r.w = ds->GetRasterXSize();
    r.h = ds->GetRasterYSize();
    double gt[6];
    ds->GetGeoTransform(gt);
    r.x0 = gt[0];
    r.y0 = gt[3];
    r.cw = gt[1];
    r.ch = -gt[5];
    r.v.resize(static_cast<std::size_t>(r.w) * r.h);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, r.w, r.h, r.v.data(), r.w, r.h, GDT_Int32, 0, 0, nullptr) ==
            CE_None);
    return r;
}

// Independent count of connected components: union-find over the habitat mask.
std::size_t union_find_count(const std::vector<uint8_t>& m, int w, int h, int conn) {
    std::vector<std::size_t> par(m.size());
    std::iota(par.begin(), par.end(), 0);
    std::function<std::size_t(std::size_t)> find = [&](std::size_t x) {
        while (par[x] != x) x = par[x] = par[par[x]];
        return x;
    };
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c) {
            const std::size_t i = static_cast<std::size_t>(r) * w + c;
            if (!m[i]) continue;
            auto unite = [&](int rr, int cc) {
                if (rr < 0 || cc < 0 || cc >= w) return;
                const std::size_t j = static_cast<std::size_t>(rr) * w + cc;
                if (m[j]) par[find(i)] = find(j);
            };
            unite(r - 1, c);
            unite(r, c - 1);
            if (conn == 8) {
                unite(r - 1, c - 1);
                unite(r - 1, c + 1);
            }
        }
    std::set<std::size_t> roots;
    for (std::size_t i = 0; i < m.size(); ++i)
        if (m[i]) roots.insert(find(i));
    return roots.size();
}

// Polygons GDALPolygonize makes of the habitat mask (4-connected: one polygon per component).
std::size_t polygonize_count(const std::vector<uint8_t>& m, int w, int h) {
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    eco::io::Dataset rds(mem->Create("", w, h, 1, GDT_Byte, nullptr));
    REQUIRE(rds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, const_cast<uint8_t*>(m.data()), w, h, GDT_Byte, 0, 0, nullptr) == CE_None);
    GDALDriver* vmem = GetGDALDriverManager()->GetDriverByName("Memory");
    eco::io::Dataset vds(vmem->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = vds->CreateLayer("p", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn fd("v", OFTInteger);
    l->CreateField(&fd);
    GDALPolygonize(rds->GetRasterBand(1), rds->GetRasterBand(1), OGRLayer::ToHandle(l), 0, nullptr, nullptr, nullptr);
    return static_cast<std::size_t>(l->GetFeatureCount());
}

}  // namespace

TEST_CASE("connectivity run: invariants on the gorilla sanctuary (classes 4 and 5 as habitat)", "[graph][pipeline][real]") {
    const Raw raw = read_raw(kGorillas);
    std::vector<uint8_t> hab(raw.v.size(), 0);
    long long habitat_cells = 0;
    for (std::size_t i = 0; i < raw.v.size(); ++i)
        if (raw.valid(i) && (raw.v[i] == 4 || raw.v[i] == 5)) hab[i] = 1, ++habitat_cells;
    REQUIRE(habitat_cells == 6273 + 682);  // gdalinfo -hist

    for (int conn : {8, 4}) {
        INFO("connectivity " << conn);
        auto o = base_options(kGorillas, kGorillaTable, {4, 5});
        o.patches.connectivity = conn;
        o.metrics.d0 = 1000.0;
        auto r = run_pipeline(o);
        const auto& P = r.patches;
        // Patch count = independent count.
        const std::size_t uf = union_find_count(hab, raw.w, raw.h, conn);
        INFO("patches " << P.count() << ", union-find " << uf);
        CHECK(P.count() == uf);
        if (conn == 4) CHECK(P.count() == polygonize_count(hab, raw.w, raw.h));
        // Patch areas sum to the habitat area.
        const double sum = std::accumulate(P.area_m2.begin(), P.area_m2.end(), 0.0);
        CHECK(sum == Approx(static_cast<double>(habitat_cells) * raw.cw * raw.ch).epsilon(1e-12));
        CHECK(P.habitat_cells == habitat_cells);

        // Link bounds. Rmin = 1 (primary forest), Rmax = 50 (grassland).
        CHECK(r.resistance.min == 1.0);
        CHECK(r.resistance.max == 50.0);
        std::size_t checked_upper = 0, literal_violations = 0;
        for (std::size_t e = 0; e < r.links.links.size(); ++e) {
            const auto& L = r.links.links[e];
            INFO("link " << L.u + 1 << "-" << L.v + 1 << " cost " << L.cost << " euclid " << L.euclid << " octile "
                         << L.octile);
            // Every path has length >= the border-to-border distance, each metre costing >= Rmin.
            CHECK(L.cost >= L.euclid * r.resistance.min * (1 - 1e-12));
            CHECK(L.length >= L.euclid * (1 - 1e-12));
            // Upper bound: the 8-neighbour route between the two nearest cells costs at most
            // octile length x Rmax, when that route crosses no impassable cell. (With 8 moves the
            // Euclidean distance x Rmax is not a bound: a (1, 2) offset is sqrt 5 = 2.236 cells apart
            // but needs 1 + sqrt 2 = 2.414 cells of steps.)
            if (L.cost > L.euclid * r.resistance.max) ++literal_violations;
            {
                // The route: diagonal steps first, then straight ones, from near_u to near_v.
                int r0 = static_cast<int>(L.near_u / raw.w), c0 = static_cast<int>(L.near_u % raw.w);
                const int r1 = static_cast<int>(L.near_v / raw.w), c1 = static_cast<int>(L.near_v % raw.w);
                const double rt[7] = {0, 20, 10, 50, 1, 2, 5};
                bool passable = true;
                double route = 0;
                while (r0 != r1 || c0 != c1) {
                    const int dr = (r1 > r0) - (r1 < r0), dc = (c1 > c0) - (c1 < c0);
                    const std::size_t a = static_cast<std::size_t>(r0) * raw.w + c0;
                    const std::size_t b = static_cast<std::size_t>(r0 + dr) * raw.w + (c0 + dc);
                    if (!raw.valid(a) || !raw.valid(b)) {
                        passable = false;
                        break;
                    }
                    route += (rt[raw.v[a]] + rt[raw.v[b]]) / 2 * std::hypot(dr * raw.ch, dc * raw.cw);
                    r0 += dr;
                    c0 += dc;
                }
                if (passable) {
                    ++checked_upper;
                    CHECK(L.cost <= route * (1 + 1e-12));
                    CHECK(route <= L.octile * r.resistance.max * (1 + 1e-12));
                }
            }
            // Recompute the cost along the path from the raster: the same number.
            double c = 0;
            for (std::size_t k = 1; k < L.path.size(); ++k) {
                auto cell = [&](std::pair<double, double> pt) {
                    const int col = static_cast<int>(std::floor((pt.first - raw.x0) / raw.cw));
                    const int row = static_cast<int>(std::floor((raw.y0 - pt.second) / raw.ch));
                    return static_cast<std::size_t>(row) * raw.w + col;
                };
                const double rt[7] = {0, 20, 10, 50, 1, 2, 5};
                const double ra = rt[raw.v[cell(L.path[k - 1])]], rb = rt[raw.v[cell(L.path[k])]];
                const double step = std::hypot(L.path[k].first - L.path[k - 1].first, L.path[k].second - L.path[k - 1].second);
                c += (ra + rb) / 2 * step;
            }
            CHECK(c == Approx(L.cost).epsilon(1e-9));
            // Path ends in the two patches.
            auto label_at = [&](std::pair<double, double> pt) {
                const int col = static_cast<int>(std::floor((pt.first - raw.x0) / raw.cw));
                const int row = static_cast<int>(std::floor((raw.y0 - pt.second) / raw.ch));
                return P.label[static_cast<std::size_t>(row) * raw.w + col];
            };
            CHECK(label_at(L.path.front()) == static_cast<int32_t>(L.u + 1));
            CHECK(label_at(L.path.back()) == static_cast<int32_t>(L.v + 1));
        }
        // Probabilities follow the kernel on the link costs (regression: the graph's edge descriptors
        // were left pointing into a freed copy, and link 0 read garbage).
        REQUIRE(r.metrics.link.size() == r.links.links.size());
        for (std::size_t e = 0; e < r.links.links.size(); ++e) {
            CHECK(r.graph.link(e).distance == r.links.links[e].cost);
            CHECK(r.metrics.link[e].probability ==
                  Approx(std::pow(0.5, r.links.links[e].cost / 1000.0)).epsilon(1e-12));
        }
        WARN("connectivity " << conn << ": " << P.count() << " patches, " << r.links.links.size() << " links, "
                             << literal_violations << " links above euclid x Rmax (8-move geometry), " << checked_upper
                             << " checked against octile x Rmax");
        // Patches with no link: dPC = dPCintra.
        for (std::size_t v = 0; v < P.count(); ++v)
            if (r.metrics.node[v].degree == 0) CHECK(r.metrics.node[v].dPC == Approx(r.metrics.node[v].dPCintra).epsilon(1e-12));
        // Ranks: a permutation, non-increasing dPC.
        std::vector<std::size_t> order(P.count());
        for (std::size_t v = 0; v < P.count(); ++v) order.at(r.rank[v] - 1) = v;
        for (std::size_t i = 1; i < order.size(); ++i) CHECK(r.metrics.node[order[i - 1]].dPC >= r.metrics.node[order[i]].dPC);
    }
}

TEST_CASE("connectivity run: gorillas with a maximum cost and planar links", "[graph][pipeline][real]") {
    auto o = base_options(kGorillas, kGorillaTable, {4, 5});
    auto full = run_pipeline(o);
    // Isolated patches appear with a small maximum cost; their dPC is their intra fraction.
    o.links.max_distance = 100.0;
    auto r = run_pipeline(o);
    std::size_t isolated = 0;
    for (std::size_t v = 0; v < r.patches.count(); ++v)
        if (r.metrics.node[v].degree == 0) {
            ++isolated;
            CHECK(r.metrics.node[v].dPC == Approx(r.metrics.node[v].dPCintra).epsilon(1e-12));
            CHECK(r.metrics.node[v].dPCflux == Approx(0.0).margin(1e-12));
        }
    CHECK(isolated > 0);
    for (const auto& L : r.links.links) CHECK(L.cost <= 100.0);
    // With a maximum cost each patch's search stops there: pairs beyond it and pairs with no path at all
    // are both counted in over_max.
    CHECK(r.links.links.size() + r.links.over_max == full.links.links.size() + full.links.unreachable_pairs);
    for (const auto& L : r.links.links) {
        const PatchLink* f = find_link(full.links, L.u, L.v);
        REQUIRE(f);
        CHECK(f->cost == L.cost);
        CHECK(f->path == L.path);
    }
    CHECK(r.links.settled_cells < full.links.settled_cells);
    // Planar links are a subset of the complete ones, with the same costs.
    o.links.max_distance.reset();
    o.links.topology = "planar";
    auto pl = run_pipeline(o);
    CHECK(pl.links.links.size() <= full.links.links.size());
    CHECK(pl.links.links.size() >= pl.patches.count() - pl.metrics.components);
    for (const auto& L : pl.links.links) {
        const PatchLink* f = find_link(full.links, L.u, L.v);
        REQUIRE(f);
        CHECK(f->cost == L.cost);
    }
    // Same components as the complete graph (the planar graph keeps every reachable patch connected).
    CHECK(pl.metrics.components == full.metrics.components);
    // Planar costs from one allocation run: the same pairs, costs never below the least cost.
    o.links.planar_costs = "allocation";
    auto pa = run_pipeline(o);
    REQUIRE(pa.links.links.size() == pl.links.links.size());
    std::size_t same = 0;
    for (std::size_t e = 0; e < pa.links.links.size(); ++e) {
        const auto& a = pa.links.links[e];
        CHECK(a.u == pl.links.links[e].u);
        CHECK(a.v == pl.links.links[e].v);
        CHECK(a.cost >= pl.links.links[e].cost * (1 - 1e-12));
        same += a.cost <= pl.links.links[e].cost * (1 + 1e-12);
    }
    WARN("gorillas planar: " << same << " of " << pa.links.links.size() << " allocation costs equal the least cost");
    CHECK(same * 2 > pa.links.links.size());
    CHECK(pa.metrics.components == full.metrics.components);
}

TEST_CASE("connectivity run: gorillas with MSPA core sources and a minimum area", "[graph][pipeline][real]") {
    auto o = base_options(kGorillas, kGorillaTable, {4, 5});
    o.patches.mspa_core = true;
    auto r = run_pipeline(o);
    const auto& P = r.patches;
    const double ca = P.grid.cell_area();
    CHECK(P.source_cells > 0);
    CHECK(P.source_cells < P.habitat_cells);  // the edge (at least) is not core
    const double sum = std::accumulate(P.area_m2.begin(), P.area_m2.end(), 0.0);
    CHECK(sum == Approx(static_cast<double>(P.source_cells) * ca).epsilon(1e-12));
    // Every patch cell is habitat.
    const Raw raw = read_raw(kGorillas);
    for (std::size_t i = 0; i < P.label.size(); ++i)
        if (P.label[i]) CHECK((raw.v[i] == 4 || raw.v[i] == 5));
    // Minimum area: 1 ha drops the small patches; kept + dropped cells = source cells.
    auto o2 = base_options(kGorillas, kGorillaTable, {4, 5});
    o2.patches.min_area_m2 = 10000.0;
    auto r2 = run_pipeline(o2);
    CHECK(r2.patches.dropped_patches > 0);
    long long kept = 0;
    for (std::size_t k = 0; k < r2.patches.count(); ++k) {
        CHECK(r2.patches.area_m2[k] >= 10000.0);
        kept += r2.patches.cells[k];
    }
    CHECK(kept + r2.patches.dropped_cells == r2.patches.source_cells);
}
