// The habitat graph builders: validation, duplicates, threshold, MST, components, cut structure.
#include <catch2/catch.hpp>

#include "core/error.h"
#include "graph/habitat_graph.h"

using namespace eco::graph;

TEST_CASE("habitat graph: build, duplicates and validation", "[graph]") {
    auto hg = build_graph({{"a", 1}, {"b", 2}, {"c", 3}}, {{"a", "b", 5.0}, {"b", "a", 4.0}, {"b", "c", 7.0}});
    CHECK(hg.node_count() == 3);
    CHECK(hg.link_count() == 2);
    CHECK(hg.duplicate_links == 1);
    CHECK(hg.link(0).distance == 4.0);  // the better of the two listings is kept
    CHECK(hg.total_area() == 6.0);
    CHECK_THROWS_WITH(build_graph({{"a", 1}, {"a", 2}}, {}), Catch::Contains("listed twice"));
    CHECK_THROWS_WITH(build_graph({{"a", 1}}, {{"a", "z", 1.0}}), Catch::Contains("unknown node 'z'"));
    CHECK_THROWS_WITH(build_graph({{"a", 1}}, {{"a", "a", 1.0}}), Catch::Contains("to itself"));
    CHECK_THROWS_WITH(build_graph({{"a", -1}}, {}), Catch::Contains(">= 0"));
    CHECK_THROWS_AS(build_graph({{"a", 1}, {"b", 1}}, {{"a", "b", -2.0}}), eco::BadInput);
    Link p{"a", "b"};
    p.probability = 1.5;
    CHECK_THROWS_WITH(build_graph({{"a", 1}, {"b", 1}}, {p}), Catch::Contains("[0, 1]"));
}

TEST_CASE("habitat graph: threshold, spanning tree, components", "[graph]") {
    // two triangles joined by a long link 3-4; 7 isolated
    auto hg = build_graph({{"1", 1}, {"2", 1}, {"3", 1}, {"4", 2}, {"5", 2}, {"6", 2}, {"7", 5}},
                          {{"1", "2", 1.0}, {"2", "3", 2.0}, {"1", "3", 3.0}, {"3", "4", 10.0}, {"4", "5", 1.0},
                           {"5", "6", 1.5}, {"4", "6", 2.0}});
    auto c = connected_components(hg);
    CHECK(c.count() == 2);
    CHECK(c.nodes[c.of_node[0]] == 6);
    CHECK(c.area[c.of_node[6]] == 5.0);
    auto t = threshold_graph(hg, 5.0);
    CHECK(t.link_count() == 6);
    auto ct = connected_components(t);
    CHECK(ct.count() == 3);
    CHECK(ct.area[ct.of_node[3]] == 6.0);
    auto mst = minimum_spanning_tree(hg);
    // Kruskal: 1-2 (1), 4-5 (1), 5-6 (1.5), 2-3 (2), 3-4 (10); 4-6 and 1-3 close cycles
    CHECK(mst == std::vector<std::size_t>{0, 1, 3, 4, 5});
    auto cs = cut_structure(hg);
    CHECK(cs.cut_vertex[2]);   // node 3
    CHECK(cs.cut_vertex[3]);   // node 4
    CHECK_FALSE(cs.cut_vertex[0]);
    CHECK(cs.bridge[3]);       // 3-4
    CHECK_FALSE(cs.bridge[0]);
    CHECK(hg.vertex_of("x", "7") == 6);
    CHECK_THROWS_AS(hg.vertex_of("x", "8"), eco::BadInput);
}

TEST_CASE("a copied or moved habitat graph keeps its own link descriptors", "[graph]") {
    using namespace eco::graph;
    std::vector<Node> nodes{{"a", 1.0}, {"b", 2.0}, {"c", 3.0}};
    std::vector<Link> links;
    links.push_back({"a", "b", 10.0});
    links.push_back({"b", "c", 20.0});
    HabitatGraph original = build_graph(nodes, links, "test");
    HabitatGraph copy = original;  // copy construction
    HabitatGraph assigned;
    assigned = original;           // copy assignment
    HabitatGraph moved = std::move(original);
    for (const HabitatGraph* h : {&copy, &assigned, &moved}) {
        REQUIRE(h->link_count() == 2);
        CHECK(h->link(0).distance == 10.0);
        CHECK(h->link(1).distance == 20.0);
        CHECK(h->source(1) == 1);
        CHECK(h->target(1) == 2);
    }
}
