// QGIS styles in a GeoPackage's layer_styles table, and the styles/*.qml files themselves
// checked against the output contract (docs/formats.md section 4) and the layer kinds.
#include <catch2/catch.hpp>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_minixml.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.h"
#include "io/gdal_util.h"
#include "report/gpkg_style.h"

namespace fs = std::filesystem;
using eco::report::load_style;
using eco::report::resolve_style;
using eco::report::write_layer_style;
using eco::report::write_style_for;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        static int counter = 0;
        path = fs::temp_directory_path() /
               ("ecoshield_gpkg_style_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A GeoPackage with a point layer (one feature) and an attribute-only table (one row).
eco::io::Dataset make_gpkg(const std::string& path) {
    eco::io::gdal_init();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    REQUIRE(drv != nullptr);
    eco::io::Dataset ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    REQUIRE(srs.importFromEPSG(4549) == OGRERR_NONE);
    OGRLayer* pts = ds->CreateLayer("sites_point", &srs, wkbPoint, nullptr);
    REQUIRE(pts != nullptr);
    for (const char* name : {"site_id", "verdict"}) {
        OGRFieldDefn f(name, OFTString);
        REQUIRE(pts->CreateField(&f) == OGRERR_NONE);
    }
    {
        OGRFeature f(pts->GetLayerDefn());
        f.SetField("site_id", "S-01");
        f.SetField("verdict", "caution");
        OGRPoint p(500000, 3200000);
        f.SetGeometry(&p);
        REQUIRE(pts->CreateFeature(&f) == OGRERR_NONE);
    }
    OGRLayer* tab = ds->CreateLayer("repairs", nullptr, wkbNone, nullptr);
    REQUIRE(tab != nullptr);
    for (const char* name : {"layer", "reason"}) {
        OGRFieldDefn f(name, OFTString);
        REQUIRE(tab->CreateField(&f) == OGRERR_NONE);
    }
    {
        OGRFeature f(tab->GetLayerDefn());
        f.SetField("layer", "redline");
        f.SetField("reason", "self-intersection repaired");
        REQUIRE(tab->CreateFeature(&f) == OGRERR_NONE);
    }
    return ds;
}

eco::io::Dataset open_gpkg(const std::string& path, bool update) {
    eco::io::gdal_init();
    const char* drivers[] = {"GPKG", nullptr};
    eco::io::Dataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0),
                                          drivers, nullptr, nullptr));
    REQUIRE(ds);
    return ds;
}

struct StyleRow {
    std::string table, geom_column, name, qml, update_time, schema;
    int use_as_default = -1;
};

std::vector<StyleRow> style_rows(GDALDataset& ds) {
    std::vector<StyleRow> rows;
    OGRLayer* res = ds.ExecuteSQL(
        "SELECT f_table_name, f_geometry_column, styleName, styleQML, useAsDefault, "
        "update_time || '' AS t, f_table_schema FROM layer_styles ORDER BY id",
        nullptr, nullptr);
    REQUIRE(res != nullptr);
    OGRFeature* f;
    while ((f = res->GetNextFeature()) != nullptr) {
        StyleRow r;
        r.table = f->GetFieldAsString(0);
        r.geom_column = f->GetFieldAsString(1);
        r.name = f->GetFieldAsString(2);
        r.qml = f->GetFieldAsString(3);
        r.use_as_default = f->GetFieldAsInteger(4);
        r.update_time = f->GetFieldAsString(5);
        r.schema = f->GetFieldAsString(6);
        rows.push_back(r);
        OGRFeature::DestroyFeature(f);
    }
    ds.ReleaseResultSet(res);
    return rows;
}

std::string sql_string(GDALDataset& ds, const std::string& sql) {
    OGRLayer* res = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE(res != nullptr);
    std::string out;
    if (OGRFeature* f = res->GetNextFeature()) {
        out = f->GetFieldAsString(0);
        OGRFeature::DestroyFeature(f);
    }
    ds.ReleaseResultSet(res);
    return out;
}

const std::string kQmlA =
    "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.28.0\">"
    "<aliases><alias field=\"reason\" name=\"原因 'quoted'\"/></aliases></qgis>\n";

}  // namespace

TEST_CASE("gpkg_style: styles stored in layer_styles, QGIS schema, read back", "[report][gpkg]") {
    TempDir tmp;
    const std::string path = (tmp.path / "out.gpkg").string();
    {
        auto ds = make_gpkg(path);
        write_style_for(*ds, "sites_point", "sites_point");
        write_layer_style(*ds, "repairs", kQmlA, "repairs", "aliases only");
    }
    auto ds = open_gpkg(path, false);
    const auto rows = style_rows(*ds);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].table == "sites_point");
    CHECK(rows[0].geom_column == "geom");
    CHECK(rows[0].name == "sites_point");
    CHECK(rows[0].use_as_default == 1);
    CHECK(rows[0].schema == "");
    CHECK(rows[0].qml == load_style("sites_point"));
    CHECK(rows[1].table == "repairs");
    CHECK(rows[1].geom_column == "");  // attribute table: no geometry column
    CHECK(rows[1].use_as_default == 1);
    CHECK(rows[1].qml == kQmlA);  // quotes and UTF-8 survive the SQL round trip

    // layer_styles is a registered attributes table, with QGIS's columns
    CHECK(sql_string(*ds, "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'") ==
          "attributes");
    const std::string ddl = sql_string(*ds, "SELECT sql FROM sqlite_master WHERE name = 'layer_styles'");
    INFO(ddl);
    for (const char* col : {"\"id\" INTEGER PRIMARY KEY AUTOINCREMENT", "\"f_table_catalog\" TEXT(256)",
                            "\"f_table_schema\" TEXT(256)", "\"f_table_name\" TEXT(256)",
                            "\"f_geometry_column\" TEXT(256)", "\"styleName\" TEXT(30)",
                            "\"styleQML\" TEXT", "\"styleSLD\" TEXT", "\"useAsDefault\" BOOLEAN",
                            "\"description\" TEXT", "\"owner\" TEXT(30)", "\"ui\" TEXT(30)",
                            "\"update_time\" DATETIME DEFAULT"})
        CHECK(ddl.find(col) != std::string::npos);
    // GDAL sees it as a layer (so QGIS, through OGR, does too)
    CHECK(ds->GetLayerByName("layer_styles") != nullptr);
}

TEST_CASE("gpkg_style: a second default for a layer leaves one default", "[report][gpkg]") {
    TempDir tmp;
    const std::string path = (tmp.path / "out.gpkg").string();
    {
        auto ds = make_gpkg(path);
        write_style_for(*ds, "sites_point", "sites_point");
        write_layer_style(*ds, "sites_point", "<qgis>second</qgis>", "alternative");
        write_layer_style(*ds, "repairs", kQmlA, "repairs");
    }
    {
        auto ds = open_gpkg(path, false);
        CHECK(sql_string(*ds, "SELECT COUNT(*) FROM layer_styles WHERE f_table_name = 'sites_point' "
                              "AND useAsDefault = 1") == "1");
        CHECK(sql_string(*ds, "SELECT styleName FROM layer_styles WHERE f_table_name = 'sites_point' "
                              "AND useAsDefault = 1") == "alternative");
        // the other layer's default is untouched
        CHECK(sql_string(*ds, "SELECT COUNT(*) FROM layer_styles WHERE f_table_name = 'repairs' "
                              "AND useAsDefault = 1") == "1");
    }
    {
        // writing a style of an existing name again replaces that row (no duplicate) and makes
        // it the default again
        auto ds = open_gpkg(path, true);
        write_style_for(*ds, "sites_point", "sites_point");
    }
    auto ds = open_gpkg(path, false);
    const auto rows = style_rows(*ds);
    REQUIRE(rows.size() == 3);
    int defaults = 0;
    for (const auto& r : rows)
        if (r.table == "sites_point" && r.use_as_default == 1) {
            ++defaults;
            CHECK(r.name == "sites_point");
        }
    CHECK(defaults == 1);
}

TEST_CASE("gpkg_style: OGR_CURRENT_DATE makes update_time and the file deterministic", "[report][gpkg]") {
    TempDir tmp;
    CPLConfigOptionSetter fixed("OGR_CURRENT_DATE", "2024-05-01T08:00:00Z", false);
    auto build = [&](const std::string& name) {
        const std::string path = (tmp.path / name).string();
        {
            auto ds = make_gpkg(path);
            write_style_for(*ds, "sites_point", "sites_polygon");  // resolves to sites_point
            write_layer_style(*ds, "repairs", kQmlA, "repairs");
        }
        return path;
    };
    const std::string a = build("a.gpkg"), b = build("b.gpkg");
    {
        auto ds = open_gpkg(a, false);
        const auto rows = style_rows(*ds);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].name == "sites_point");
        CHECK(rows[0].update_time == "2024-05-01T08:00:00.000Z");
    }
    CHECK(read_file(a) == read_file(b));

    // offsets are turned into UTC
    {
        CPLConfigOptionSetter tz("OGR_CURRENT_DATE", "2024-05-01T08:00:00+08:00", false);
        const std::string path = (tmp.path / "tz.gpkg").string();
        {
            auto ds = make_gpkg(path);
            write_layer_style(*ds, "repairs", kQmlA, "repairs");
        }
        auto ds = open_gpkg(path, false);
        CHECK(style_rows(*ds).at(0).update_time == "2024-05-01T00:00:00.000Z");
    }
    {
        // what does not parse is kept as it is (GDAL does the same for gpkg_contents)
        CPLConfigOptionSetter odd("OGR_CURRENT_DATE", "20240501", false);
        const std::string path = (tmp.path / "odd.gpkg").string();
        {
            auto ds = make_gpkg(path);
            write_layer_style(*ds, "repairs", kQmlA, "repairs");
        }
        auto ds = open_gpkg(path, false);
        CHECK(sql_string(*ds, "SELECT update_time || '' FROM layer_styles") == "20240501");
    }
}

TEST_CASE("gpkg_style: an unregistered layer_styles table is adopted", "[report][gpkg]") {
    TempDir tmp;
    const std::string path = (tmp.path / "old.gpkg").string();
    {
        auto ds = make_gpkg(path);
        OGRLayer* r = ds->ExecuteSQL(
            "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT, "
            "f_table_schema TEXT, f_table_name TEXT, f_geometry_column TEXT, styleName TEXT, "
            "styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT, "
            "ui TEXT, update_time DATETIME DEFAULT CURRENT_TIMESTAMP)",
            nullptr, nullptr);
        if (r) ds->ReleaseResultSet(r);
    }
    {
        auto ds = open_gpkg(path, true);
        CHECK(ds->GetLayerByName("layer_styles") == nullptr);  // invisible to GDAL and QGIS
        write_style_for(*ds, "sites_point", "sites_point");
    }
    auto ds = open_gpkg(path, false);
    REQUIRE(ds->GetLayerByName("layer_styles") != nullptr);
    const auto rows = style_rows(*ds);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].table == "sites_point");
    CHECK(rows[0].use_as_default == 1);
}

TEST_CASE("gpkg_style: errors name the problem", "[report][gpkg]") {
    TempDir tmp;
    const std::string path = (tmp.path / "out.gpkg").string();
    { auto ds = make_gpkg(path); }
    auto starts_with_gpkg = [](const eco::Error& e) { return std::string(e.what()).rfind("gpkg: ", 0) == 0; };
    {
        auto ds = open_gpkg(path, true);
        try {
            write_layer_style(*ds, "no_such_layer", kQmlA, "x");
            FAIL("no exception");
        } catch (const eco::BadInput& e) {
            CHECK(starts_with_gpkg(e));
            CHECK(std::string(e.what()).find("no_such_layer") != std::string::npos);
        }
        CHECK_THROWS_AS(write_layer_style(*ds, "repairs", "", "x"), eco::BadInput);
    }
    {
        auto ds = open_gpkg(path, false);
        try {
            write_layer_style(*ds, "repairs", kQmlA, "x");
            FAIL("no exception");
        } catch (const eco::BadInput& e) {
            CHECK(starts_with_gpkg(e));
            CHECK(std::string(e.what()).find("read-only") != std::string::npos);
        }
    }
    try {
        load_style("no_such_style");
        FAIL("no exception");
    } catch (const eco::Failure& e) {
        CHECK(starts_with_gpkg(e));
        CHECK(std::string(e.what()).find("no_such_style.qml") != std::string::npos);
    }
    CHECK_THROWS_AS(load_style("../etc/passwd"), eco::BadInput);
}

TEST_CASE("gpkg_style: ECOSHIELD_STYLES overrides the source tree's styles", "[report][gpkg]") {
    TempDir tmp;
    {
        std::ofstream out(tmp.path / "sites_point.qml", std::ios::binary);
        out << "<qgis>custom</qgis>\n";
    }
    const char* old = std::getenv("ECOSHIELD_STYLES");
    const std::string saved = old ? old : "";
    ::setenv("ECOSHIELD_STYLES", tmp.path.c_str(), 1);
    CHECK(load_style("sites_point") == "<qgis>custom</qgis>\n");
    CHECK(load_style("nearest").find("<renderer-v2") != std::string::npos);  // falls back
    if (old) ::setenv("ECOSHIELD_STYLES", saved.c_str(), 1);
    else ::unsetenv("ECOSHIELD_STYLES");
}

TEST_CASE("gpkg_style: geometry variants of a style", "[report][gpkg]") {
    CHECK(resolve_style("water_zone", wkbMultiPolygon) == "water_zone");
    CHECK(resolve_style("water_zone", wkbLineString) == "water_zone_line");
    CHECK(resolve_style("water_zone", wkbMultiLineString25D) == "water_zone_line");
    CHECK(resolve_style("sites_polygon", wkbPoint) == "sites_point");
    CHECK(resolve_style("sites_point", wkbMultiPolygon) == "sites_polygon");
    CHECK(resolve_style("overlaps", wkbMultiPoint) == "overlaps_point");
    CHECK(resolve_style("overlaps_line", wkbPolygon) == "overlaps");
    CHECK(resolve_style("site", wkbMultiLineString) == "site_line");
    CHECK(resolve_style("redline", wkbMultiPolygon) == "redline");
    CHECK(resolve_style("nearest", wkbPolygon) == "nearest");  // no variant: unchanged
    CHECK(resolve_style("repairs", wkbNone) == "repairs");
    CHECK(resolve_style("redline", wkbUnknown) == "redline");
}

// ---- the style files ----

namespace {

fs::path source_dir() { return fs::path(ECOSHIELD_SOURCE_DIR); }

// Output layers and their fields from the table of docs/formats.md section 4: layer names are
// the `quoted` words of the first two columns, fields those of the third.
std::map<std::string, std::set<std::string>> output_layer_fields() {
    std::map<std::string, std::set<std::string>> out;
    std::istringstream in(read_file(source_dir() / "docs" / "formats.md"));
    std::string line;
    bool in_section = false;
    auto quoted = [](const std::string& s) {
        std::vector<std::string> words;
        size_t p = 0;
        while ((p = s.find('`', p)) != std::string::npos) {
            const size_t q = s.find('`', p + 1);
            if (q == std::string::npos) break;
            words.push_back(s.substr(p + 1, q - p - 1));
            p = q + 1;
        }
        return words;
    };
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) in_section = line.rfind("## 4.", 0) == 0;
        if (!in_section || line.rfind("|", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream ss(line.substr(1));
        std::string cell;
        while (std::getline(ss, cell, '|')) cells.push_back(cell);
        if (cells.size() < 3) continue;
        std::set<std::string> fields;
        for (const auto& f : quoted(cells[2])) fields.insert(f);
        for (int c = 0; c < 2; ++c)
            for (const auto& name : quoted(cells[c]))
                if (name.find('<') == std::string::npos) out[name].insert(fields.begin(), fields.end());
    }
    return out;
}

// Canonical fields of a thematic layer kind: those of the layer catalog
// (layers/kinds/<kind>.json); without a catalog file, the layer kinds table of the domain notes.
std::set<std::string> kind_fields(const std::string& kind) {
    const fs::path catalog = source_dir() / "layers" / "kinds" / (kind + ".json");
    if (fs::exists(catalog)) {
        std::set<std::string> names;
        const auto j = nlohmann::json::parse(read_file(catalog));
        for (const auto& f : j.value("fields", nlohmann::json::array())) names.insert(f.value("name", ""));
        return names;
    }
    static const std::map<std::string, std::set<std::string>> k = {
        {"redline", {"code", "name", "function_type", "domain", "control_level", "county_code", "county",
                     "area_ha", "approval_doc"}},
        {"control_unit", {"code", "name", "class", "county_code", "county", "spatial_layout", "emissions", "risk",
                          "resources"}},
        {"water_zone", {"code", "name", "level1", "level2", "target_class", "river", "county"}},
        {"water_source", {"code", "name", "level", "water_body", "county"}},
        {"marine_zone", {"code", "name", "class", "county"}},
        {"coastline", {"code", "type1", "type2", "restored", "mainland", "protection", "county"}},
        {"bay", {"code", "name", "status", "target_year", "county"}},
        {"soil_parcel", {"code", "name", "former_industry", "planned_use", "pollutants", "exceedance", "status",
                         "listed_date", "delisted_date", "county", "area_m2"}},
        {"farmland_soil", {"code", "class", "ph", "land_type", "county", "area"}},
        {"admin", {"code", "name"}},
        {"site", {"site_id", "name", "project_type", "activity"}},
        {"outlet", {"id", "name", "kind", "measured_class", "county"}},
    };
    auto it = k.find(kind);
    return it == k.end() ? std::set<std::string>{} : it->second;
}

// The codes of an enum field of the catalog (empty: no catalog or not an enum).
std::set<std::string> kind_enum_codes(const std::string& kind, const std::string& field) {
    std::set<std::string> codes;
    const fs::path catalog = source_dir() / "layers" / "kinds" / (kind + ".json");
    if (!fs::exists(catalog)) return codes;
    const auto j = nlohmann::json::parse(read_file(catalog));
    for (const auto& f : j.value("fields", nlohmann::json::array()))
        if (f.value("name", "") == field)
            for (const auto& v : f.value("values", nlohmann::json::array())) codes.insert(v.value("code", ""));
    return codes;
}

const std::vector<std::string> kKinds = {"redline",     "control_unit",  "water_zone", "water_source",
                                         "marine_zone", "coastline",     "bay",        "soil_parcel",
                                         "farmland_soil", "admin",       "site",       "outlet"};

std::string strip_variant(std::string name) {
    for (const std::string s : {"_line", "_point", "_polygon"})
        if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
            return name.substr(0, name.size() - s.size());
    return name;
}

const CPLXMLNode* child(const CPLXMLNode* n, const char* name) {
    for (const CPLXMLNode* c = n ? n->psChild : nullptr; c; c = c->psNext)
        if (c->eType == CXT_Element && EQUAL(c->pszValue, name)) return c;
    return nullptr;
}

std::vector<const CPLXMLNode*> children(const CPLXMLNode* n, const char* name) {
    std::vector<const CPLXMLNode*> out;
    for (const CPLXMLNode* c = n ? n->psChild : nullptr; c; c = c->psNext)
        if (c->eType == CXT_Element && EQUAL(c->pszValue, name)) out.push_back(c);
    return out;
}

// "round(\"distance_m\") || ' m'" -> {"distance_m"}
std::vector<std::string> quoted_identifiers(const std::string& expr) {
    std::vector<std::string> out;
    size_t p = 0;
    while ((p = expr.find('"', p)) != std::string::npos) {
        const size_t q = expr.find('"', p + 1);
        if (q == std::string::npos) break;
        out.push_back(expr.substr(p + 1, q - p - 1));
        p = q + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("styles: every QML parses and matches the fields of its layer", "[report][styles]") {
    const auto outputs = output_layer_fields();
    REQUIRE(outputs.count("sites_polygon") == 1);
    REQUIRE(outputs.at("sites_polygon").count("verdict") == 1);

    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(source_dir() / "styles"))
        if (e.path().extension() == ".qml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 20);

    // every output layer of `screen` has its style
    for (const auto& [layer, fields] : outputs) {
        INFO("output layer " << layer);
        CHECK(fs::exists(source_dir() / "styles" / (layer + ".qml")));
    }
    // and every layer kind
    for (const auto& kind : kKinds) {
        INFO("layer kind " << kind);
        CHECK(fs::exists(source_dir() / "styles" / (kind + ".qml")));
    }

    for (const auto& file : files) {
        const std::string name = file.stem().string();
        INFO("style " << name);
        const std::string text = load_style(name);
        CHECK(text == read_file(file));

        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLXMLNode* doc = CPLParseXMLString(text.c_str());
        CPLPopErrorHandler();
        REQUIRE(doc != nullptr);
        const CPLXMLNode* qgis = nullptr;
        for (const CPLXMLNode* n = doc; n; n = n->psNext)
            if (n->eType == CXT_Element && EQUAL(n->pszValue, "qgis")) qgis = n;
        REQUIRE(qgis != nullptr);
        CHECK(std::string(CPLGetXMLValue(qgis, "version", "")).rfind("3.", 0) == 0);
        CHECK(std::string(CPLGetXMLValue(qgis, "styleCategories", "")) == "AllStyleCategories");

        // which fields this layer has
        std::set<std::string> fields;
        if (outputs.count(name)) fields = outputs.at(name);
        else fields = kind_fields(strip_variant(name));
        INFO("known fields: " << fields.size());
        REQUIRE(!fields.empty());

        const int geom = std::atoi(CPLGetXMLValue(qgis, "layerGeometryType", "-1"));
        CHECK((geom == 0 || geom == 1 || geom == 2 || geom == 4));

        const CPLXMLNode* renderer = child(qgis, "renderer-v2");
        if (geom == 4) {
            CHECK(renderer == nullptr);  // attribute table: aliases only
        } else {
            REQUIRE(renderer != nullptr);
            CHECK(text.find("<renderer-v2") != std::string::npos);
            const std::string type = CPLGetXMLValue(renderer, "type", "");
            CHECK((type == "categorizedSymbol" || type == "graduatedSymbol" || type == "singleSymbol"));
            if (type != "singleSymbol") {
                const std::string attr = CPLGetXMLValue(renderer, "attr", "");
                INFO("renderer attr " << attr);
                CHECK(fields.count(attr) == 1);
            }
            // every category / range points at a symbol of the layer's geometry
            const char* symbol_type = geom == 0 ? "marker" : geom == 1 ? "line" : "fill";
            std::set<std::string> symbols;
            for (const CPLXMLNode* s : children(child(renderer, "symbols"), "symbol")) {
                symbols.insert(CPLGetXMLValue(s, "name", ""));
                CHECK(std::string(CPLGetXMLValue(s, "type", "")) == symbol_type);
                CHECK(child(s, "layer") != nullptr);
            }
            CHECK(!symbols.empty());
            for (const char* list : {"categories", "ranges"})
                for (const CPLXMLNode* c : children(child(renderer, list), list[0] == 'c' ? "category" : "range"))
                    CHECK(symbols.count(CPLGetXMLValue(c, "symbol", "")) == 1);
            if (type == "categorizedSymbol") {
                const auto cats = children(child(renderer, "categories"), "category");
                CHECK(cats.size() >= 2);
                // categories of a layer kind are the catalog's codes, all of them
                const auto codes = kind_enum_codes(strip_variant(name), CPLGetXMLValue(renderer, "attr", ""));
                if (!outputs.count(name) && !codes.empty()) {
                    std::set<std::string> values;
                    for (const CPLXMLNode* c : cats) {
                        const std::string v = CPLGetXMLValue(c, "value", "");
                        INFO("category " << v);
                        if (!v.empty()) CHECK(codes.count(v) == 1);  // "" is QGIS's "all other values"
                        values.insert(v);
                    }
                    for (const auto& code : codes) {
                        INFO("catalog code " << code);
                        CHECK(values.count(code) == 1);
                    }
                }
            }
        }

        // labels use existing fields
        if (const CPLXMLNode* ts = CPLGetXMLNode(const_cast<CPLXMLNode*>(qgis), "labeling.settings.text-style")) {
            const std::string field = CPLGetXMLValue(ts, "fieldName", "");
            if (std::string(CPLGetXMLValue(ts, "isExpression", "0")) == "1") {
                for (const auto& id : quoted_identifiers(field)) CHECK(fields.count(id) == 1);
            } else {
                CHECK(fields.count(field) == 1);
            }
        }

        // Chinese aliases for fields of the layer
        const auto aliases = children(child(qgis, "aliases"), "alias");
        CHECK(!aliases.empty());
        for (const CPLXMLNode* a : aliases) {
            const std::string field = CPLGetXMLValue(a, "field", "");
            const std::string alias = CPLGetXMLValue(a, "name", "");
            INFO("alias " << field << " = " << alias);
            CHECK(fields.count(field) == 1);
            CHECK(!alias.empty());
            bool non_ascii = false;
            for (unsigned char c : alias) non_ascii = non_ascii || c >= 0x80;
            CHECK((non_ascii || field == "ph"));
        }
        CPLDestroyXMLNode(doc);
    }
}

TEST_CASE("styles: verdict categories of the site styles", "[report][styles]") {
    for (const char* name : {"sites_point", "sites_line", "sites_polygon"}) {
        INFO(name);
        const std::string qml = load_style(name);
        CHECK(qml.find("attr=\"verdict\"") != std::string::npos);
        for (const char* v : {"value=\"prohibited\"", "value=\"restricted\"", "value=\"caution\"", "value=\"clear\"",
                              "禁止", "限制", "注意", "通过", "fieldName=\"site_id\""})
            CHECK(qml.find(v) != std::string::npos);
    }
}
