#include "raster/raster_zonal_write.h"

#include <ogrsf_frmts.h>
#include <unistd.h>
#include <cpl_vsi.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>

#include "core/error.h"
#include "raster/raster_record.h"
#include "raster/raster_layer.h"

namespace eco::raster {

namespace {

const char* kZonalQml = R"QML(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.28.0" styleCategories="Symbology|Labeling">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option type="QString" name="color" value="255,170,0,80"/>
            <Option type="QString" name="outline_color" value="140,70,0,255"/>
            <Option type="QString" name="outline_width" value="0.5"/>
            <Option type="QString" name="outline_width_unit" value="MM"/>
            <Option type="QString" name="style" value="solid"/>
            <Option type="QString" name="outline_style" value="solid"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="round(&quot;mean&quot;, 2)" isExpression="1" fontSize="9" textColor="60,30,0,255"/>
      <placement placement="0"/>
    </settings>
  </labeling>
</qgis>
)QML";

std::string csv_quote(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
    return o + "\"";
}

std::string fmt(double v) {
    if (std::isnan(v) || std::isinf(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

struct Column {
    std::string name;
    OGRFieldType type;
};

}  // namespace

void gpkg_add_style(GDALDataset* ds, const std::string& table, const std::string& geom_column, const std::string& qml,
                    const std::string& op) {
    OGRLayer* ls = ds->GetLayerByName("layer_styles");
    if (!ls) {
        ls = ds->CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
        if (!ls) throw Failure(op + ": cannot create the layer_styles table");
        for (const char* n : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                              "styleQML", "styleSLD", "description", "owner", "ui"}) {
            OGRFieldDefn fd(n, OFTString);
            ls->CreateField(&fd);
        }
        OGRFieldDefn def("useAsDefault", OFTInteger);
        def.SetSubType(OFSTBoolean);
        ls->CreateField(&def);
        OGRFieldDefn ut("update_time", OFTDateTime);
        ls->CreateField(&ut);
    }
    OGRFeature f(ls->GetLayerDefn());
    f.SetField("f_table_catalog", "");
    f.SetField("f_table_schema", "");
    f.SetField("f_table_name", table.c_str());
    f.SetField("f_geometry_column", geom_column.c_str());
    f.SetField("styleName", table.c_str());
    f.SetField("styleQML", qml.c_str());
    f.SetField("styleSLD", "");
    f.SetField("useAsDefault", 1);
    f.SetField("description", "ecoshield default style");
    f.SetField("owner", "");
    f.SetField("ui", "");
    f.SetField("update_time", 2000, 1, 1, 0, 0, 0, 0);  // fixed: same bytes every run
    if (ls->CreateFeature(&f) != OGRERR_NONE) throw Failure(op + ": cannot write the layer style");
}

void write_zonal(const io::VectorLayer& zones, const std::vector<ZoneStats>& st, const RasterReader& raster,
                 bool categorical, const std::string& gpkg, const std::string& csv, const nlohmann::json& record) {
    const std::string op = "zonal";
    const double ca = raster.grid().cell_area();
    std::set<long long> classes;
    if (categorical)
        for (const auto& s : st)
            for (const auto& [k, a] : s.classes)
                if (a > 0) classes.insert(k);
    // statistics columns (renamed zonal_<name> when the layer already has the name)
    std::vector<Column> cols = {{"count", OFTReal},  {"area", OFTReal}, {"nodata_area", OFTReal}, {"sum", OFTReal},
                                {"mean", OFTReal},   {"min", OFTReal},  {"max", OFTReal},         {"stdev", OFTReal}};
    if (categorical) {
        cols.push_back({"majority", OFTInteger64});
        cols.push_back({"variety", OFTInteger});
        for (long long k : classes) cols.push_back({"area_" + std::to_string(k), OFTReal});
    }
    for (auto& c : cols)
        if (zones.field(c.name) >= 0) c.name = "zonal_" + c.name;
    auto values = [&](const ZoneStats& s) {
        std::vector<double> v = {s.count,
                                 s.count * ca,
                                 s.nodata * ca,
                                 s.count > 0 ? s.sum : NAN,
                                 s.mean(),
                                 s.count > 0 ? s.min : NAN,
                                 s.count > 0 ? s.max : NAN,
                                 s.stdev()};
        if (categorical) {
            size_t variety = 0;
            for (auto& [k, a] : s.classes) variety += a > 0;
            v.push_back(s.classes.empty() ? NAN : static_cast<double>(s.majority()));
            v.push_back(static_cast<double>(variety));
            for (long long k : classes) {
                auto it = s.classes.find(k);
                v.push_back(it == s.classes.end() ? 0.0 : it->second * ca);
            }
        }
        return v;
    };

    if (!csv.empty()) {
        std::string tmp = csv + ".part-" + std::to_string(::getpid());
        {
            std::ofstream o(tmp, std::ios::binary);
            if (!o) throw BadInput(op + ": cannot write '" + csv + "'; check that the folder exists and is writable");
            o << "fid";
            for (const auto& f : zones.fields) o << "," << csv_quote(f.name);
            for (const auto& c : cols) o << "," << c.name;
            o << "\n";
            for (size_t i = 0; i < st.size(); ++i) {
                const auto& feat = zones.features[i];
                o << feat.fid;
                for (const auto& v : feat.values) o << "," << csv_quote(io::value_text(v));
                auto v = values(st[i]);
                for (size_t k = 0; k < v.size(); ++k)
                    o << "," << (cols[k].type == OFTReal ? fmt(v[k]) : (std::isnan(v[k]) ? "" : std::to_string(static_cast<long long>(v[k]))));
                o << "\n";
            }
            if (!o) throw Failure(op + ": writing '" + tmp + "' failed; check the disk space");
        }
        if (std::rename(tmp.c_str(), csv.c_str()) != 0) throw Failure(op + ": cannot rename '" + tmp + "' to '" + csv + "'");
        if (!record.is_null()) write_run_sidecar(csv, record, op);
    }

    if (!gpkg.empty()) {
        std::string tmp = gpkg + ".part-" + std::to_string(::getpid()) + ".gpkg";
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!drv) throw Failure(op + ": GDAL has no GPKG driver");
        VSIUnlink(tmp.c_str());
        io::ErrorCapture cap;
        io::Dataset ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw BadInput(op + ": cannot create '" + gpkg + "' (GDAL: " + cap.last() + "); check the folder");
        bool ok = false;
        struct Cleanup {
            std::string p;
            bool* ok;
            ~Cleanup() {
                if (!*ok) VSIUnlink(p.c_str());
            }
        } cleanup{tmp, &ok};
        if (!record.is_null()) ds->SetMetadataItem("ECOSHIELD_RUN", record.dump().c_str());
        auto srs = raster.grid().srs();
        char** lco = CSLSetNameValue(nullptr, "FID", "fid");
        OGRLayer* l = ds->CreateLayer("zonal", srs.get(), wkbMultiPolygon, lco);
        CSLDestroy(lco);
        if (!l) throw Failure(op + ": cannot create the zonal layer (GDAL: " + cap.last() + ")");
        for (const auto& f : zones.fields) {
            OGRFieldDefn fd(f.name.c_str(), f.type == io::FieldDef::Type::Integer ? OFTInteger64
                                            : f.type == io::FieldDef::Type::Real  ? OFTReal
                                                                                  : OFTString);
            l->CreateField(&fd);
        }
        for (const auto& c : cols) {
            OGRFieldDefn fd(c.name.c_str(), c.type);
            l->CreateField(&fd);
        }
        const int nf = static_cast<int>(zones.fields.size());
        ds->StartTransaction();
        for (size_t i = 0; i < st.size(); ++i) {
            const auto& feat = zones.features[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetFID(feat.fid);
            for (int k = 0; k < nf; ++k) {
                const auto& v = feat.values[k];
                if (std::holds_alternative<long long>(v)) f.SetField(k, static_cast<GIntBig>(std::get<long long>(v)));
                else if (std::holds_alternative<double>(v)) f.SetField(k, std::get<double>(v));
                else if (std::holds_alternative<std::string>(v)) f.SetField(k, std::get<std::string>(v).c_str());
            }
            auto v = values(st[i]);
            for (size_t k = 0; k < v.size(); ++k) {
                if (std::isnan(v[k])) continue;
                if (cols[k].type == OFTReal) f.SetField(nf + static_cast<int>(k), v[k]);
                else f.SetField(nf + static_cast<int>(k), static_cast<GIntBig>(v[k]));
            }
            auto g = to_ogr(feat.geom.get());
            f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(g.release()));
            if (l->CreateFeature(&f) != OGRERR_NONE) throw Failure(op + ": cannot write feature " + std::to_string(feat.fid) + " (GDAL: " + cap.last() + ")");
        }
        gpkg_add_style(ds.get(), "zonal", l->GetGeometryColumn(), kZonalQml, op);
        ds->CommitTransaction();
        ds.reset();
        VSIUnlink(gpkg.c_str());
        if (VSIRename(tmp.c_str(), gpkg.c_str()) != 0) throw Failure(op + ": cannot rename '" + tmp + "' to '" + gpkg + "'");
        ok = true;
    }
}

}  // namespace eco::raster
