// screen.gpkg: sites (per geometry family), overlap pieces, nearest lines, buffer rings,
// context features and the repairs table, each layer styled.

#include "core/units.h"
#include "report/gpkg_writer.h"
#include "report/layer_record.h"
#include "report/screen_report.h"

namespace eco::report {

using io::Value;

namespace {

const char* family_suffix(int dim) { return dim == 2 ? "polygon" : dim == 1 ? "line" : "point"; }

double total_overlap(const vector::LayerFigures& F) {
    double a = 0;
    for (const auto& h : F.hits) a += h.overlap_m2;
    return a;
}
double total_share(const vector::LayerFigures& F) {
    double a = 0;
    for (const auto& h : F.hits) a += h.site_share;
    return a;
}
Value dist(double d) { return std::isfinite(d) ? Value(d) : Value(); }

}  // namespace

void write_screen_gpkg(const checks::ScreenResult& r, const std::string& path, const std::string& created,
                       const ScreenReportOptions& opt, const Progress& progress) {
    GpkgWriter w(path, *r.work_crs, created, "screen");
    const int red = r.layer_index("redline");
    {
        // the run record (software, parameters, inputs with sizes and hashes) travels with the layers
        nlohmann::json head = screen_json_head(r, created);
        nlohmann::json run{{"software", head["software"]}, {"created", head["created"]}, {"parameters", head["parameters"]},
                           {"work_crs", head["work_crs"]}, {"inputs", head["inputs"]}, {"rules", head["rules"]["file"]}};
        w.set_metadata("ECOSHIELD_RUN", run.dump());
    }

    // sites, one layer per geometry family
    std::vector<OutField> sf{{"site_id"}, {"name"}, {"activity"}, {"verdict"}, {"verdict_zh"}, {"rules_fired"}, {"reasons"},
                             {"area_m2", OFTReal}, {"area_ell_m2", OFTReal}, {"area_mu", OFTReal}, {"length_m", OFTReal},
                             {"n_hits", OFTInteger}, {"redline_overlap_m2", OFTReal}, {"redline_share", OFTReal},
                             {"redline_dmin_m", OFTReal}, {"tiny_overlaps", OFTInteger}, {"src_fid", OFTInteger64}};
    for (const auto& L : r.layers) {
        if (L.kind == "redline") continue;
        sf.push_back({L.kind + "_hits", OFTInteger});
        sf.push_back({L.kind + "_dmin_m", OFTReal});
    }
    for (int dim = 0; dim <= 2; ++dim) {
        bool any = false;
        for (const auto& s : r.results) any = any || s.dim == dim;
        if (!any) continue;
        std::string name = std::string("sites_") + family_suffix(dim);
        w.begin(name, multi_type(dim), sf, "ecoshield screen: proposed sites with their verdicts");
        for (const auto& s : r.results) {
            if (s.dim != dim) continue;
            std::string fired, reasons;
            for (const auto& f : s.fired) {
                fired += (fired.empty() ? "" : ",") + f.rule_id;
                reasons += (reasons.empty() ? "" : "; ") + (f.reason_zh.empty() ? f.reason : f.reason_zh) + ": " + f.detail;
            }
            std::vector<Value> v{s.site_id, s.name, s.activity, s.verdict, checks::verdict_zh(s.verdict), fired, reasons,
                                 s.area_m2, s.area_ell_m2, units::m2_to_mu(s.area_m2), s.length_m,
                                 static_cast<long long>(s.n_hits)};
            if (red >= 0) {
                v.push_back(total_overlap(s.per_layer[red]));
                v.push_back(total_share(s.per_layer[red]));
                v.push_back(dist(s.per_layer[red].dmin));
            } else {
                v.insert(v.end(), 3, Value());
            }
            v.push_back(static_cast<long long>(s.tiny_overlaps));
            v.push_back(static_cast<long long>(r.sites.features[s.index].fid));
            for (size_t li = 0; li < r.layers.size(); ++li) {
                if (r.layers[li].kind == "redline") continue;
                v.push_back(static_cast<long long>(s.per_layer[li].hits.size()));
                v.push_back(dist(s.per_layer[li].dmin));
            }
            w.add(r.sites.features[s.index].geom.get(), v);
        }
        w.end(name);
    }
    progress.report(0.3, "writing layers");

    // overlap pieces, one layer per geometry family
    std::vector<OutField> of{{"site_id"}, {"layer_kind"}, {"feature_code"}, {"feature_name"}, {"feature_type"},
                             {"area_m2", OFTReal}, {"area_ellipsoidal_m2", OFTReal}, {"area_ha", OFTReal}, {"area_mu", OFTReal},
                             {"length_m", OFTReal}, {"crossings", OFTInteger}, {"site_share", OFTReal}, {"patch_share", OFTReal},
                             {"tiny", OFTInteger}};
    for (int dim = 2; dim >= 0; --dim) {
        bool any = false;
        for (const auto& s : r.results)
            for (const auto& F : s.per_layer)
                for (const auto& h : F.hits) any = any || (h.piece && geom::dimension(h.piece.get()) == dim);
        if (!any) continue;
        std::string name = dim == 2 ? "overlaps" : dim == 1 ? "overlaps_line" : "overlaps_point";
        w.begin(name, multi_type(dim), of, "ecoshield screen: where the sites meet the constraint features");
        for (const auto& s : r.results)
            for (size_t li = 0; li < r.layers.size(); ++li)
                for (const auto& h : s.per_layer[li].hits) {
                    if (!h.piece || geom::dimension(h.piece.get()) != dim) continue;
                    const auto& L = r.layers[li];
                    w.add(h.piece.get(), {s.site_id, L.kind, L.code(h.feature), L.name(h.feature), L.type(h.feature), h.overlap_m2,
                                          h.overlap_ell_m2, units::m2_to_ha(h.overlap_m2), units::m2_to_mu(h.overlap_m2), h.length_m,
                                          static_cast<long long>(h.crossings), h.site_share, h.patch_share,
                                          static_cast<long long>(h.tiny ? 1 : 0)});
                }
        w.end(name);
    }
    progress.report(0.5, "writing layers");

    // nearest lines
    w.begin("nearest", wkbMultiLineString,
            {{"site_id"}, {"layer_kind"}, {"feature_code"}, {"feature_name"}, {"distance_m", OFTReal}},
            "ecoshield screen: from each site to the nearest feature of each layer it does not touch");
    for (const auto& s : r.results)
        for (size_t li = 0; li < r.layers.size(); ++li) {
            const auto& F = s.per_layer[li];
            if (!F.nearest_line || F.nearest < 0) continue;
            const auto& L = r.layers[li];
            size_t i = static_cast<size_t>(F.nearest);
            w.add(F.nearest_line.get(), {s.site_id, L.kind, L.code(i), L.name(i), F.dmin});
        }
    w.end("nearest");
    progress.report(0.6, "writing layers");

    // buffer rings
    const bool rings = opt.rings == "all" || (opt.rings == "auto" && r.results.size() <= opt.rings_max_sites);
    if (rings && !r.buffers.empty()) {
        w.begin("buffer_rings", wkbMultiPolygon,
                {{"site_id"}, {"ring"}, {"inner_m", OFTReal}, {"outer_m", OFTReal}, {"n_features", OFTInteger},
                 {"redline_count", OFTInteger}, {"redline_area_m2", OFTReal}},
                "ecoshield screen: buffer rings around each site with the features and redline area they hold");
        for (const auto& s : r.results) {
            const GEOSGeometry* g = r.sites.features[s.index].geom.get();
            auto bufs = vector::site_buffers(g, r.buffers, vector::kRingDrawQuadSegs);
            for (size_t k = 0; k < r.buffers.size(); ++k) {
                geom::Geom ring = k == 0 ? (s.dim == 2 ? geom::difference(bufs[0].get(), g) : geom::clone(bufs[0].get()))
                                         : geom::difference(bufs[k].get(), bufs[k - 1].get());
                long long nf = 0;
                for (const auto& F : s.per_layer) nf += F.within_count[k] - (k ? F.within_count[k - 1] : 0);
                Value rc, ra;
                if (red >= 0) {
                    const auto& F = s.per_layer[red];
                    rc = static_cast<long long>(F.within_count[k] - (k ? F.within_count[k - 1] : 0));
                    ra = dist(F.within_area_m2[k] - (k ? F.within_area_m2[k - 1] : 0.0));
                }
                std::string label = num(k ? r.buffers[k - 1] : 0.0, 3) + "-" + num(r.buffers[k], 3);
                w.add(ring.get(), {s.site_id, label, k ? r.buffers[k - 1] : 0.0, r.buffers[k], nf, rc, ra});
            }
        }
        w.end("buffer_rings");
    }
    progress.report(0.8, "writing layers");

    // context: the constraint features the sites touch or come within the largest buffer of
    if (opt.context) {
        for (size_t li = 0; li < r.layers.size(); ++li) {
            const auto& L = r.layers[li];
            // flags, then the indices in ascending order (a std::set took a million inserts at
            // 100,000 sites)
            std::vector<char> flag(L.layer.features.size(), 0);
            for (const auto& s : r.results) {
                for (const auto& h : s.per_layer[li].hits) flag[h.feature] = 1;
                for (const auto& [i, d] : s.per_layer[li].near) flag[i] = 1;
            }
            std::vector<size_t> keep;
            for (size_t i = 0; i < flag.size(); ++i)
                if (flag[i]) keep.push_back(i);
            if (keep.empty()) continue;
            std::vector<OutField> cf;
            std::vector<std::string> names;
            bound_fields(L.binding, cf, names);
            // one layer per geometry family present (e.g. water zones as polygons and as river reaches)
            int top = 0;
            for (size_t i : keep) top = std::max(top, L.index->dim(i));
            for (int dim = 2; dim >= 0; --dim) {
                bool any = false;
                for (size_t i : keep) any = any || L.index->dim(i) == dim;
                if (!any) continue;
                std::string name = "context_" + L.kind + (dim == top ? "" : dim == 1 ? "_line" : "_point");
                w.begin(name, multi_type(dim), cf,
                        "ecoshield screen: " + L.kind + " features near the sites (from " + L.layer.source.spec + ")");
                for (size_t i : keep) {
                    if (L.index->dim(i) != dim) continue;
                    std::vector<Value> v;
                    for (const auto& n : names) v.push_back(L.binding.value(L.layer.features[i], n));
                    w.add(L.layer.features[i].geom.get(), v);
                }
                w.end(L.binding.spec()->style);
            }
        }
    }

    // repairs and rejections
    // feature_code: the layer's key field (for sites the site id, also in site_id)
    w.begin("repairs", wkbNone, {{"layer"}, {"src_fid", OFTInteger64}, {"feature_code"}, {"site_id"}, {"action"}, {"reason"}},
            "ecoshield screen: input features repaired or rejected");
    for (size_t k = 0; k < r.sites.issues.size(); ++k) {
        const auto& i = r.sites.issues[k];
        const std::string id = k < r.site_issues.size() ? r.site_issues[k].code : std::string();
        w.add(nullptr, {std::string("sites"), static_cast<long long>(i.fid), id, id, i.action, i.reason});
    }
    for (const auto& L : r.layers)
        for (size_t k = 0; k < L.layer.issues.size(); ++k) {
            const auto& i = L.layer.issues[k];
            w.add(nullptr, {L.kind, static_cast<long long>(i.fid), k < L.issue_codes.size() ? L.issue_codes[k] : std::string(),
                            Value(), i.action, i.reason});
        }
    w.end("repairs");
    w.close();
    progress.report(1.0, "writing layers");
}

}  // namespace eco::report
