#include "report/gpkg_style.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_time.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.h"
#include "io/gdal_util.h"

namespace eco::report {
namespace {

constexpr const char* kTable = "layer_styles";

// GDAL errors of the statement just run: io::ErrorCapture keeps them from being printed, the
// thread's last error says whether the call failed.
class GdalCall {
public:
    GdalCall() { CPLErrorReset(); }
    bool failed() const { return CPLGetLastErrorType() >= CE_Failure; }
    std::string message() const {
        const char* m = CPLGetLastErrorMsg();
        return m && *m ? std::string(m) : std::string("unknown GDAL error");
    }

private:
    io::ErrorCapture capture_;
};

std::string sql_text(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "''";
        else out += c;
    }
    out += "'";
    return out;
}

std::string dataset_name(GDALDataset& ds) {
    const char* d = ds.GetDescription();
    return d ? d : "";
}

// Runs a statement that returns no rows.
void exec(GDALDataset& ds, const std::string& sql, const std::string& what) {
    GdalCall ec;
    OGRLayer* res = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (res) ds.ReleaseResultSet(res);
    if (ec.failed())
        throw Failure("gpkg: could not " + what + " in '" + dataset_name(ds) + "': " + ec.message());
}

// Runs a query and returns the first column of every row as text (NULL as nullopt). A bare
// integer primary key would become the FID of GDAL's result layer, not a field: cast it.
std::vector<std::optional<std::string>> query_column(GDALDataset& ds, const std::string& sql,
                                                     const std::string& what) {
    GdalCall ec;
    std::vector<std::optional<std::string>> out;
    OGRLayer* res = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (res) {
        OGRFeature* f;
        while ((f = res->GetNextFeature()) != nullptr) {
            if (f->GetFieldCount() > 0 && f->IsFieldSetAndNotNull(0))
                out.emplace_back(f->GetFieldAsString(0));
            else
                out.emplace_back(std::nullopt);
            OGRFeature::DestroyFeature(f);
        }
        ds.ReleaseResultSet(res);
    }
    if (ec.failed())
        throw Failure("gpkg: could not " + what + " in '" + dataset_name(ds) + "': " + ec.message());
    return out;
}

long long query_count(GDALDataset& ds, const std::string& sql, const std::string& what) {
    auto rows = query_column(ds, sql, what);
    if (rows.empty() || !rows.front()) return 0;
    return std::atoll(rows.front()->c_str());
}

// ---- timestamps ----

std::string format_utc(long long unix_seconds, int millis) {
    struct tm t {};
    CPLUnixTimeToYMDHMS(static_cast<GIntBig>(unix_seconds), &t);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.tm_year + 1900,
                  t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, millis);
    return buf;
}

// OGR_CURRENT_DATE accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" (or a space instead of
// T) with an optional "Z" or "+hh[:mm]"/"-hh[:mm]"; the result is GeoPackage's UTC form.
std::optional<std::string> parse_current_date(const std::string& s) {
    int Y = 0, M = 0, D = 0, h = 0, m = 0, n = 0;
    double sec = 0;
    const char* p = s.c_str();
    if (std::sscanf(p, "%4d-%2d-%2d%n", &Y, &M, &D, &n) != 3) return std::nullopt;
    p += n;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        ++p;
        if (std::sscanf(p, "%2d:%2d%n", &h, &m, &n) != 2) return std::nullopt;
        p += n;
        if (*p == ':') {
            ++p;
            char* end = nullptr;
            sec = CPLStrtod(p, &end);
            if (end == p) return std::nullopt;
            p = end;
        }
    }
    int offset_min = 0;
    if (*p == 'Z' || *p == 'z') {
        ++p;
    } else if (*p == '+' || *p == '-') {
        const int sign = *p == '-' ? -1 : 1;
        ++p;
        int oh = 0, om = 0;
        if (std::sscanf(p, "%2d%n", &oh, &n) != 1) return std::nullopt;
        p += n;
        if (*p == ':') ++p;
        if (std::isdigit(static_cast<unsigned char>(*p))) {
            if (std::sscanf(p, "%2d%n", &om, &n) != 1) return std::nullopt;
            p += n;
        }
        if (oh > 14 || om > 59) return std::nullopt;
        offset_min = sign * (oh * 60 + om);
    }
    if (*p != '\0') return std::nullopt;
    if (Y < 1 || M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || !(sec >= 0 && sec < 61))
        return std::nullopt;
    struct tm t {};
    t.tm_year = Y - 1900;
    t.tm_mon = M - 1;
    t.tm_mday = D;
    t.tm_hour = h;
    t.tm_min = m;
    const double whole = std::floor(sec);
    t.tm_sec = static_cast<int>(whole);
    int millis = static_cast<int>(std::lround((sec - whole) * 1000.0));
    long long unix_s = CPLYMDHMSToUnixTime(&t) - offset_min * 60LL;
    if (millis >= 1000) {
        millis -= 1000;
        ++unix_s;
    }
    return format_utc(unix_s, millis);
}

std::string style_timestamp() {
    const char* fixed = CPLGetConfigOption("OGR_CURRENT_DATE", nullptr);
    if (fixed && *fixed) {
        // Normalised to GeoPackage's UTC form when it parses; otherwise used as it is, as GDAL
        // itself does for gpkg_contents.last_change (deterministic either way).
        auto t = parse_current_date(fixed);
        return t ? *t : std::string(fixed);
    }
    using namespace std::chrono;
    const auto now = time_point_cast<milliseconds>(system_clock::now()).time_since_epoch().count();
    long long s = now / 1000, ms = now % 1000;
    if (ms < 0) {
        ms += 1000;
        --s;
    }
    return format_utc(s, static_cast<int>(ms));
}

// ---- the layer_styles table ----

bool table_exists(GDALDataset& ds) {
    return query_count(ds,
                       "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                       "lower(name) = 'layer_styles'",
                       "look for table layer_styles") > 0;
}

// The same OGR calls as QgsOgrUtils::saveStyle, so the same table as QGIS makes.
void create_table(GDALDataset& ds) {
    GdalCall ec;
    char** options = CSLSetNameValue(nullptr, "FID", "id");
    OGRLayer* layer = ds.CreateLayer(kTable, nullptr, wkbNone, options);
    CSLDestroy(options);
    if (!layer)
        throw Failure("gpkg: could not create table layer_styles in '" + dataset_name(ds) +
                      "': " + ec.message());
    struct Field {
        const char* name;
        OGRFieldType type;
        int width;
        bool boolean;
        const char* default_value;
    };
    const Field fields[] = {
        {"f_table_catalog", OFTString, 256, false, nullptr},
        {"f_table_schema", OFTString, 256, false, nullptr},
        {"f_table_name", OFTString, 256, false, nullptr},
        {"f_geometry_column", OFTString, 256, false, nullptr},
        {"styleName", OFTString, 30, false, nullptr},
        {"styleQML", OFTString, 0, false, nullptr},
        {"styleSLD", OFTString, 0, false, nullptr},
        {"useAsDefault", OFTInteger, 0, true, nullptr},
        {"description", OFTString, 0, false, nullptr},
        {"owner", OFTString, 30, false, nullptr},
        {"ui", OFTString, 30, false, nullptr},
        {"update_time", OFTDateTime, 0, false, "CURRENT_TIMESTAMP"},
    };
    for (const Field& f : fields) {
        OGRFieldDefn defn(f.name, f.type);
        if (f.width > 0) defn.SetWidth(f.width);
        if (f.boolean) defn.SetSubType(OFSTBoolean);
        if (f.default_value) defn.SetDefault(f.default_value);
        if (layer->CreateField(&defn, TRUE) != OGRERR_NONE)
            throw Failure(std::string("gpkg: could not add field ") + f.name +
                          " to layer_styles in '" + dataset_name(ds) + "': " + ec.message());
    }
    // The GeoPackage driver defers the CREATE TABLE; make it happen before the SQL below.
    if (layer->SyncToDisk() != OGRERR_NONE || ec.failed())
        throw Failure("gpkg: could not create table layer_styles in '" + dataset_name(ds) +
                      "': " + ec.message());
}

// An existing table (written by QGIS, by us, or by some other tool): check its columns and make
// sure gpkg_contents lists it, as the GeoPackage standard requires of every table.
void adopt_table(GDALDataset& ds, const std::string& timestamp) {
    auto cols = query_column(ds, "SELECT lower(name) FROM pragma_table_info('layer_styles')",
                             "read the columns of layer_styles");
    for (const char* needed : {"f_table_catalog", "f_table_schema", "f_table_name",
                               "f_geometry_column", "stylename", "styleqml", "stylesld",
                               "useasdefault", "description", "owner", "ui", "update_time"}) {
        bool found = false;
        for (const auto& c : cols) found = found || (c && *c == needed);
        if (!found)
            throw Failure("gpkg: table layer_styles in '" + dataset_name(ds) +
                          "' has no column " + needed +
                          "; it was not written by QGIS: rename or drop it and write again");
    }
    const long long registered =
        query_count(ds, "SELECT COUNT(*) FROM gpkg_contents WHERE lower(table_name) = 'layer_styles'",
                    "read gpkg_contents");
    if (registered == 0)
        exec(ds,
             "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
             "last_change) VALUES ('layer_styles', 'attributes', 'layer_styles', '', " +
                 sql_text(timestamp) + ")",
             "register layer_styles in gpkg_contents");
}

bool is_geopackage(GDALDataset& ds) {
    GDALDriver* drv = ds.GetDriver();
    return drv && drv->GetDescription() && EQUAL(drv->GetDescription(), "GPKG");
}

// ---- style files ----

bool plain_name(const std::string& name) {
    if (name.empty() || name.front() == '.') return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '_' || c == '-' || c == '.';
        if (!ok) return false;
    }
    return name.find("..") == std::string::npos;
}

std::vector<std::string> style_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("ECOSHIELD_STYLES"); env && *env) dirs.emplace_back(env);
#ifdef ECOSHIELD_SOURCE_DIR
    dirs.emplace_back(std::string(ECOSHIELD_SOURCE_DIR) + "/styles");
#endif
    return dirs;
}

std::optional<std::string> read_style_file(const std::string& style_name) {
    for (const auto& dir : style_dirs()) {
        const std::string path = dir + "/" + style_name + ".qml";
        std::ifstream in(path, std::ios::binary);
        if (!in) continue;
        std::ostringstream buf;
        buf << in.rdbuf();
        if (in.bad()) throw Failure("gpkg: could not read style file '" + path + "'");
        return buf.str();
    }
    return std::nullopt;
}

// <layerGeometryType> of a QML: 0 point, 1 line, 2 polygon, 3 unknown, 4 no geometry; -1 absent.
int qml_geometry_type(const std::string& qml) {
    const std::string tag = "<layerGeometryType>";
    const auto pos = qml.find(tag);
    if (pos == std::string::npos) return -1;
    const char* p = qml.c_str() + pos + tag.size();
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') ++p;
    if (*p < '0' || *p > '9') return -1;
    return std::atoi(p);
}

// The QGIS geometry type of an OGR geometry type (-1: unknown or mixed).
int qgis_geometry_type(OGRwkbGeometryType t) {
    const OGRwkbGeometryType flat = wkbFlatten(t);
    if (flat == wkbNone) return 4;
    if (flat == wkbPoint || flat == wkbMultiPoint) return 0;
    if (OGR_GT_IsSubClassOf(flat, wkbCurve) || OGR_GT_IsSubClassOf(flat, wkbMultiCurve)) return 1;
    if (OGR_GT_IsSubClassOf(flat, wkbSurface) || OGR_GT_IsSubClassOf(flat, wkbMultiSurface)) return 2;
    return -1;
}

}  // namespace

std::string load_style(const std::string& style_name) {
    if (!plain_name(style_name))
        throw BadInput("gpkg: style name '" + style_name +
                       "' is not a plain file name (letters, digits, _ - . only)");
    if (auto text = read_style_file(style_name)) return *text;
    std::string where;
    for (const auto& d : style_dirs()) where += (where.empty() ? "" : ", ") + d;
    throw Failure("gpkg: style file '" + style_name + ".qml' not found (looked in: " +
                  (where.empty() ? std::string("no folder configured") : where) +
                  "); set ECOSHIELD_STYLES to the folder holding ecoshield's .qml styles");
}

std::string resolve_style(const std::string& style_name, OGRwkbGeometryType geometry_type) {
    const int want = qgis_geometry_type(geometry_type);
    const std::string qml = load_style(style_name);
    const int have = qml_geometry_type(qml);
    if (want < 0 || have < 0 || have == 3 || have == want) return style_name;

    std::string base = style_name;
    for (const char* suffix : {"_point", "_line", "_polygon"}) {
        const std::string s(suffix);
        if (base.size() > s.size() && base.compare(base.size() - s.size(), s.size(), s) == 0) {
            base.resize(base.size() - s.size());
            break;
        }
    }
    std::vector<std::string> candidates;
    if (want == 0) candidates = {base + "_point"};
    else if (want == 1) candidates = {base + "_line"};
    else if (want == 2) candidates = {base, base + "_polygon"};
    for (const auto& c : candidates) {
        if (c == style_name || !plain_name(c)) continue;
        auto text = read_style_file(c);
        if (text && qml_geometry_type(*text) == want) return c;
    }
    return style_name;
}

void write_layer_style(GDALDataset& ds, const std::string& layer_name, const std::string& qml_text,
                       const std::string& style_name, const std::string& description) {
    const std::string file = dataset_name(ds);
    if (!is_geopackage(ds))
        throw BadInput("gpkg: '" + file +
                       "' is not a GeoPackage; QGIS styles can only be embedded in a GeoPackage");
    if (ds.GetAccess() != GA_Update)
        throw BadInput("gpkg: '" + file + "' is open read-only; open it for update to store styles");
    if (qml_text.empty())
        throw BadInput("gpkg: the style for layer '" + layer_name + "' is empty");
    for (const std::string* s : {&layer_name, &qml_text, &style_name, &description})
        if (s->find('\0') != std::string::npos)
            throw BadInput("gpkg: the style for layer '" + layer_name + "' contains a NUL byte");
    if (EQUAL(layer_name.c_str(), kTable))
        throw BadInput("gpkg: cannot attach a style to the layer_styles table itself");

    OGRLayer* layer = ds.GetLayerByName(layer_name.c_str());
    if (!layer)
        throw BadInput("gpkg: no layer '" + layer_name + "' in '" + file +
                       "'; write the layer before its style");
    const std::string table = layer->GetName();
    const char* gc = layer->GetGeometryColumn();
    const std::string geom_column = gc ? gc : "";
    const std::string name = style_name.empty() ? table : style_name;
    const std::string timestamp = style_timestamp();

    if (!table_exists(ds)) create_table(ds);
    else adopt_table(ds, timestamp);

    // One transaction when the caller has none open; otherwise we join theirs.
    bool own_transaction = false;
    {
        GdalCall ec;
        own_transaction = ds.StartTransaction(FALSE) == OGRERR_NONE;
        if (!own_transaction) CPLErrorReset();  // "already in a transaction" is no error here
    }
    try {
        const std::string this_layer = "f_table_name = " + sql_text(table) +
                                       " AND COALESCE(f_geometry_column, '') = " +
                                       sql_text(geom_column);
        exec(ds,
             "UPDATE layer_styles SET useAsDefault = 0 WHERE " + this_layer +
                 " AND useAsDefault <> 0",
             "unset the previous default style of layer '" + table + "'");
        auto same = query_column(ds,
                                 "SELECT CAST(id AS TEXT) FROM layer_styles WHERE " + this_layer +
                                     " AND COALESCE(f_table_schema, '') = '' AND styleName = " +
                                     sql_text(name) + " ORDER BY id LIMIT 1",
                                 "look for style '" + name + "'");
        if (!same.empty() && same.front()) {
            exec(ds,
                 "UPDATE layer_styles SET styleQML = " + sql_text(qml_text) +
                     ", styleSLD = '', useAsDefault = 1, description = " + sql_text(description) +
                     ", update_time = " + sql_text(timestamp) + " WHERE id = " + *same.front(),
                 "update style '" + name + "' of layer '" + table + "'");
        } else {
            exec(ds,
                 "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                 "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
                 "owner, update_time) VALUES ('', '', " +
                     sql_text(table) + ", " + sql_text(geom_column) + ", " + sql_text(name) + ", " +
                     sql_text(qml_text) + ", '', 1, " + sql_text(description) + ", '', " +
                     sql_text(timestamp) + ")",
                 "store style '" + name + "' of layer '" + table + "'");
        }
        if (own_transaction) {
            GdalCall ec;
            if (ds.CommitTransaction() != OGRERR_NONE)
                throw Failure("gpkg: could not commit the style of layer '" + table + "' in '" +
                              file + "': " + ec.message());
            own_transaction = false;
        }
    } catch (...) {
        if (own_transaction) {
            GdalCall ec;
            ds.RollbackTransaction();
        }
        throw;
    }
}

void write_style_for(GDALDataset& ds, const std::string& layer_name, const std::string& style_name) {
    OGRLayer* layer = ds.GetLayerByName(layer_name.c_str());
    if (!layer)
        throw BadInput("gpkg: no layer '" + layer_name + "' in '" + dataset_name(ds) +
                       "'; write the layer before its style");
    const std::string resolved = resolve_style(style_name, layer->GetGeomType());
    write_layer_style(ds, layer_name, load_style(resolved), resolved,
                      "ecoshield style styles/" + resolved + ".qml");
}

}  // namespace eco::report
