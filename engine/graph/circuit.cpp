#include "graph/circuit.h"

#include <Eigen/Sparse>
#include <Eigen/SparseCholesky>
#include <cmath>

#include "core/error.h"

namespace eco::graph {

namespace {
constexpr std::int64_t BARRIER = -1, GROUND = -2;

struct Branch {
    std::size_t a, b;  // cells
    double g;          // conductance
};
}  // namespace

CircuitResult solve_circuit(const ResistanceGrid& grid, const std::vector<std::size_t>& source_cells,
                            const std::vector<std::size_t>& ground_cells, const CircuitOptions& opt) {
    const std::string op = "circuit";
    const std::size_t R = grid.rows, C = grid.cols, N = R * C;
    if (grid.r.size() != N) throw BadInput(op + ": the grid has " + std::to_string(grid.r.size()) + " values for " +
                                           std::to_string(R) + " x " + std::to_string(C) + " cells");
    if (opt.neighbours != 4 && opt.neighbours != 8) throw BadInput(op + ": neighbours must be 4 or 8");
    if (!(opt.current > 0)) throw BadInput(op + ": the injected current must be positive");
    if (source_cells.empty() || ground_cells.empty())
        throw BadInput(op + ": give at least one source cell and one ground cell");
    auto usable = [&](std::size_t c) {
        double v = grid.r[c];
        return !std::isnan(v) && v != grid.nodata && v > 0 && std::isfinite(v);
    };
    // node of each cell: 0 = source region, 1.. = free cells, GROUND, BARRIER
    std::vector<std::int64_t> node(N, BARRIER);
    for (std::size_t c = 0; c < N; ++c)
        if (usable(c)) node[c] = 1;  // provisional
    for (std::size_t c : ground_cells) {
        if (c >= N) throw BadInput(op + ": ground cell index outside the grid");
        if (!usable(c)) throw BadInput(op + ": ground cell " + std::to_string(c) + " is a barrier (nodata or r <= 0)");
        node[c] = GROUND;
    }
    for (std::size_t c : source_cells) {
        if (c >= N) throw BadInput(op + ": source cell index outside the grid");
        if (node[c] == GROUND) throw BadInput(op + ": cell " + std::to_string(c) + " is in both regions; make them disjoint");
        if (!usable(c)) throw BadInput(op + ": source cell " + std::to_string(c) + " is a barrier (nodata or r <= 0)");
        node[c] = 0;
    }
    // branches
    std::vector<Branch> br;
    const double s2 = std::sqrt(2.0);
    auto join = [&](std::size_t a, std::size_t b, bool diag) {
        if (node[a] == BARRIER || node[b] == BARRIER) return;
        double ra = grid.r[a], rb = grid.r[b], g;
        if (opt.average_resistance) g = 1.0 / ((diag ? s2 : 1.0) * (ra + rb) / 2.0);
        else g = (1.0 / ra + 1.0 / rb) / (diag ? 2.0 * s2 : 2.0);
        br.push_back({a, b, g});
    };
    for (std::size_t i = 0; i < R; ++i)
        for (std::size_t j = 0; j < C; ++j) {
            std::size_t c = i * C + j;
            if (j + 1 < C) join(c, c + 1, false);
            if (i + 1 < R) join(c, c + C, false);
            if (opt.neighbours == 8 && i + 1 < R) {
                if (j + 1 < C) join(c, c + C + 1, true);
                if (j > 0) join(c, c + C - 1, true);
            }
        }
    // the component of the source region (search over cells, joined as the branches are: both cells
    // passable, 4 or 8 neighbours; regions count as single nodes)
    std::vector<char> seen(N, 0);
    std::vector<std::size_t> stack(source_cells.begin(), source_cells.end());
    for (std::size_t c : source_cells) seen[c] = 1;
    bool reaches_ground = false;
    const int nn = opt.neighbours;
    static constexpr int ndr[8] = {0, 0, -1, 1, -1, -1, 1, 1}, ndc[8] = {-1, 1, 0, 0, -1, 1, -1, 1};
    while (!stack.empty()) {
        const std::size_t c = stack.back();
        stack.pop_back();
        if (node[c] == GROUND) {
            reaches_ground = true;
            continue;  // the ground is one node at V = 0: do not walk through it
        }
        const long long i = static_cast<long long>(c / C), j = static_cast<long long>(c % C);
        for (int k = 0; k < nn; ++k) {
            const long long ii = i + ndr[k], jj = j + ndc[k];
            if (ii < 0 || jj < 0 || ii >= static_cast<long long>(R) || jj >= static_cast<long long>(C)) continue;
            const std::size_t o = static_cast<std::size_t>(ii) * C + static_cast<std::size_t>(jj);
            if (seen[o] || node[o] == BARRIER) continue;
            seen[o] = 1;
            stack.push_back(o);
        }
    }
    if (!reaches_ground)
        throw BadInput(op + ": no path of passable cells joins the source region to the ground region; check the "
                            "barriers (nodata, r <= 0) between them");
    // number the unknowns: 0 = source, then free cells in the component
    std::int64_t next = 1;
    for (std::size_t c = 0; c < N; ++c) {
        if (node[c] == 1) node[c] = seen[c] ? next++ : BARRIER;
    }
    const std::size_t U = static_cast<std::size_t>(next);
    std::vector<Eigen::Triplet<double>> t;
    t.reserve(br.size() * 4);
    for (const Branch& b : br) {
        std::int64_t na = node[b.a], nb = node[b.b];
        if (na == BARRIER || nb == BARRIER || na == nb) continue;  // outside, or inside one region
        if (na >= 0) t.emplace_back(na, na, b.g);
        if (nb >= 0) t.emplace_back(nb, nb, b.g);
        if (na >= 0 && nb >= 0) {
            t.emplace_back(na, nb, -b.g);
            t.emplace_back(nb, na, -b.g);
        }
    }
    Eigen::SparseMatrix<double> L(static_cast<Eigen::Index>(U), static_cast<Eigen::Index>(U));
    L.setFromTriplets(t.begin(), t.end());
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(U));
    rhs[0] = opt.current;
    Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(L);
    if (solver.info() != Eigen::Success) throw Failure(op + ": the conductance matrix could not be factorised");
    Eigen::VectorXd v = solver.solve(rhs);
    if (solver.info() != Eigen::Success) throw Failure(op + ": the circuit could not be solved");

    CircuitResult res;
    res.nodes = U;
    res.voltage.assign(N, kNaN);
    res.current.assign(N, 0.0);
    auto volt = [&](std::int64_t nd) { return nd == GROUND ? 0.0 : v[nd]; };
    for (std::size_t c = 0; c < N; ++c)
        if (node[c] != BARRIER) res.voltage[c] = volt(node[c]);
    // node currents: max(inflow, outflow) per node; region nodes aggregate their cells' branches
    std::vector<double> in(U + 1, 0.0), out(U + 1, 0.0);  // index U: ground
    auto slot = [&](std::int64_t nd) { return nd == GROUND ? U : static_cast<std::size_t>(nd); };
    for (const Branch& b : br) {
        std::int64_t na = node[b.a], nb = node[b.b];
        if (na == BARRIER || nb == BARRIER || na == nb) continue;
        double i = b.g * (volt(na) - volt(nb));  // from a to b
        if (i > 0) {
            out[slot(na)] += i;
            in[slot(nb)] += i;
        } else {
            out[slot(nb)] -= i;
            in[slot(na)] -= i;
        }
    }
    for (std::size_t c = 0; c < N; ++c) {
        if (node[c] == BARRIER) continue;
        std::size_t s = slot(node[c]);
        res.current[c] = std::max(in[s], out[s]);
    }
    res.effective_resistance = v[0] / opt.current;
    return res;
}

}  // namespace eco::graph
