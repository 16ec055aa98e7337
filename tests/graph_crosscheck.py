#!/usr/bin/python3
"""Independent cross-check of ecoshield's connectivity metrics with networkx, by the definitions.

usage: graph_crosscheck.py DIR
  DIR/nodes.txt    Conefor node file (id area)
  DIR/links.txt    Conefor connection file (id id distance)
  DIR/params.json  {"p0":..., "d0":..., "threshold": ... or null, "landscape_area": ...}
  DIR/cpp.json     ecoshield's metrics_json output for the same graph

Recomputes IIC, PC, and dIIC / dPC of every node and dPC of every link the naive way (remove
the node or link, recompute everything from scratch) and compares. Tolerances: PC, IIC, PCnum
relative 1e-12; the d-indices (percentages) absolute 1e-12 x 100 (they are differences of two
sums, so their error is relative to the whole index, not to themselves). Exit 0 when all agree,
1 otherwise (the first disagreements are printed).
"""
import json
import math
import sys

import networkx as nx


def read_nodes(path):
    out = []
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) >= 2:
                out.append((p[0], float(p[1])))
    return out


def read_links(path):
    out = []
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) == 3:
                out.append((p[0], p[1], float(p[2])))
    return out


def pc_num(nodes, links, alpha, skip_node=None, skip_link=None):
    """sum_i sum_j a_i a_j p*_ij with p*_ij = max product of p = exp(-alpha d) over paths."""
    g = nx.Graph()
    area = dict(nodes)
    for n, _ in nodes:
        if n != skip_node:
            g.add_node(n)
    for k, (u, v, d) in enumerate(links):
        if k == skip_link or u == skip_node or v == skip_node:
            continue
        p = math.exp(-alpha * d)
        if p <= 0:
            continue
        g.add_edge(u, v, w=-math.log(p))
    s = 0.0
    for src, dist in nx.all_pairs_dijkstra_path_length(g, weight="w"):
        for dst, x in dist.items():
            s += area[src] * area[dst] * math.exp(-x)
    return s


def iic_num(nodes, links, threshold, skip_node=None):
    g = nx.Graph()
    area = dict(nodes)
    for n, _ in nodes:
        if n != skip_node:
            g.add_node(n)
    for u, v, d in links:
        if u == skip_node or v == skip_node:
            continue
        if threshold is None or d <= threshold:
            g.add_edge(u, v)
    s = 0.0
    for src, dist in nx.all_pairs_shortest_path_length(g):
        for dst, nl in dist.items():
            s += area[src] * area[dst] / (1.0 + nl)
    return s


def main():
    d = sys.argv[1]
    nodes = read_nodes(d + "/nodes.txt")
    links = read_links(d + "/links.txt")
    prm = json.load(open(d + "/params.json"))
    cpp = json.load(open(d + "/cpp.json"))
    alpha = -math.log(prm["p0"]) / prm["d0"]
    AL = prm["landscape_area"]
    thr = prm.get("threshold")
    bad = []

    def rel(name, mine, theirs, tol=1e-12):
        if abs(mine - theirs) > tol * max(abs(mine), abs(theirs), 1e-300):
            bad.append(f"{name}: networkx {mine!r} ecoshield {theirs!r}")

    def absd(name, mine, theirs, tol=1e-10):
        if abs(mine - theirs) > tol:
            bad.append(f"{name}: networkx {mine!r} ecoshield {theirs!r}")

    P = pc_num(nodes, links, alpha)
    I = iic_num(nodes, links, thr)
    g = cpp["global"]
    rel("PCnum", P, g["PCnum"])
    rel("PC", P / AL**2, g["PC"])
    rel("EC(PC)", math.sqrt(P), g["EC_PC"])
    rel("IICnum", I, g["IICnum"])
    rel("IIC", I / AL**2, g["IIC"])
    by_id = {n["id"]: n for n in cpp["nodes"]}
    for n, a in nodes:
        c = by_id[n]
        absd(f"dPC[{n}]", 100 * (P - pc_num(nodes, links, alpha, skip_node=n)) / P, c["dPC"])
        absd(f"dIIC[{n}]", 100 * (I - iic_num(nodes, links, thr, skip_node=n)) / I, c["dIIC"])
        absd(f"dPCintra[{n}]", 100 * a * a / P, c["dPCintra"])
    checked_links = 0
    if g["link_importance"]:
        for k, (u, v, dist) in enumerate(links):
            c = cpp["links"][k]
            assert c["from"] == u and c["to"] == v, "link order differs"
            absd(f"link dPC[{u}-{v}]", 100 * (P - pc_num(nodes, links, alpha, skip_link=k)) / P, c["dPC"])
            checked_links += 1
    print(f"crosscheck {d}: {len(nodes)} nodes, {len(links)} links ({checked_links} link removals), "
          f"PCnum {P!r}, IICnum {I!r}: {'OK' if not bad else str(len(bad)) + ' disagreements'}")
    for b in bad[:20]:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
