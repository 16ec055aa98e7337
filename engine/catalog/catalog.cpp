#include "catalog/catalog.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/paths.h"
#include "core/units.h"

namespace eco::catalog {

namespace {

using nlohmann::json;

std::string lower_ascii(std::string_view s) {
    std::string o(s);
    for (auto& c : o)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return o;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Length of a white-space sequence starting at s[i] (0 when none): ASCII space, tab, CR, LF,
// VT, FF; U+00A0 (C2 A0); U+3000 (E3 80 80); BOM U+FEFF (EF BB BF).
size_t space_at(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (c == 0xC2 && at(1) == 0xA0) return 2;
    if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
    if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
    return 0;
}

// Same at the end: length of a white-space sequence ending at s[end-1].
size_t space_before(std::string_view s, size_t end) {
    if (end == 0) return 0;
    unsigned char c = static_cast<unsigned char>(s[end - 1]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC2 && c == 0xA0) return 2;
    if (end >= 3) {
        unsigned char a = static_cast<unsigned char>(s[end - 3]), b = static_cast<unsigned char>(s[end - 2]);
        if (a == 0xE3 && b == 0x80 && c == 0x80) return 3;
        if (a == 0xEF && b == 0xBB && c == 0xBF) return 3;
    }
    return 0;
}

const std::set<std::string>& field_types() {
    static const std::set<std::string> t = {"string", "integer", "real", "bool", "date", "enum"};
    return t;
}

const std::set<std::string>& geometry_names() {
    static const std::set<std::string> g = {"Point", "MultiPoint", "LineString", "MultiLineString",
                                            "Polygon", "MultiPolygon", "GeometryCollection"};
    return g;
}

bool snake_case(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
    std::string o;
    for (size_t i = 0; i < v.size(); ++i) o += (i ? sep : "") + v[i];
    return o;
}

// --- schema parsing -------------------------------------------------------------------------

struct SchemaReader {
    std::string file;

    [[noreturn]] void fail(const std::string& what) const { throw Failure("catalog: " + file + ": " + what); }

    void known_keys(const json& o, std::initializer_list<const char*> keys, const std::string& where) const {
        for (auto it = o.begin(); it != o.end(); ++it) {
            bool ok = false;
            for (const char* k : keys) ok = ok || it.key() == k;
            if (!ok) {
                std::vector<std::string> ks;
                for (const char* k : keys) ks.emplace_back(k);
                fail(where + ": unknown key '" + it.key() + "' (known keys: " + join(ks) + ")");
            }
        }
    }

    std::string str(const json& o, const char* key, const std::string& where, bool required) const {
        if (!o.contains(key)) {
            if (required) fail(where + ": missing \"" + key + "\"");
            return {};
        }
        if (!o.at(key).is_string()) fail(where + ": \"" + key + "\" must be a string");
        return o.at(key).get<std::string>();
    }

    bool boolean(const json& o, const char* key, const std::string& where) const {
        if (!o.contains(key)) return false;
        if (!o.at(key).is_boolean()) fail(where + ": \"" + key + "\" must be true or false");
        return o.at(key).get<bool>();
    }

    std::vector<std::string> strings(const json& o, const char* key, const std::string& where) const {
        std::vector<std::string> out;
        if (!o.contains(key)) return out;
        const json& a = o.at(key);
        if (!a.is_array()) fail(where + ": \"" + key + "\" must be an array of strings");
        for (const auto& e : a) {
            if (!e.is_string()) fail(where + ": \"" + key + "\" must be an array of strings");
            std::string s = e.get<std::string>();
            if (trim(s).empty()) fail(where + ": \"" + key + "\" holds an empty string");
            out.push_back(std::move(s));
        }
        return out;
    }

    FieldSpec field(const json& f, size_t i) const {
        std::string where = "field " + std::to_string(i + 1);
        if (!f.is_object()) fail(where + " is not an object");
        known_keys(f, {"name", "type", "label_zh", "required", "unique", "aliases", "values", "area_unit", "description"}, where);
        FieldSpec s;
        s.name = str(f, "name", where, true);
        where = "field '" + s.name + "'";
        if (!snake_case(s.name)) fail(where + ": the name must be snake_case ASCII (a-z, 0-9, _), starting with a letter");
        s.type = str(f, "type", where, true);
        if (!field_types().count(s.type))
            fail(where + ": unknown type '" + s.type + "' (known types: string, integer, real, bool, date, enum)");
        s.label_zh = str(f, "label_zh", where, false);
        s.required = boolean(f, "required", where);
        s.unique = boolean(f, "unique", where);
        s.aliases = strings(f, "aliases", where);
        s.area_unit = str(f, "area_unit", where, false);
        if (!s.area_unit.empty()) {
            if (units::area_unit_to_m2(s.area_unit) == 0.0)
                fail(where + ": unknown area_unit '" + s.area_unit + "' (use m2, ha, km2 or mu)");
            if (s.type != "real" && s.type != "integer") fail(where + ": an area field (area_unit) must be of type real or integer");
        }
        if (s.type == "enum") {
            if (!f.contains("values") || !f.at("values").is_array() || f.at("values").empty())
                fail(where + ": an enum needs a non-empty \"values\" array of {\"code\", \"zh\"}");
            std::map<std::string, std::string> seen;  // lower-case code, label or alias -> code
            auto claim = [&](const std::string& token, const std::string& code) {
                auto [it, fresh] = seen.emplace(lower_ascii(token), code);
                if (!fresh && it->second != code)
                    fail(where + ": the value '" + token + "' stands for both '" + it->second + "' and '" + code + "'");
            };
            std::set<std::string> codes;
            for (size_t k = 0; k < f.at("values").size(); ++k) {
                const json& v = f.at("values")[k];
                std::string vw = where + ", value " + std::to_string(k + 1);
                if (!v.is_object()) fail(vw + " is not an object");
                known_keys(v, {"code", "zh", "aliases", "description"}, vw);
                EnumValue e;
                e.code = str(v, "code", vw, true);
                if (trim(e.code).empty() || trim(e.code) != e.code) fail(vw + ": the code must be non-empty without surrounding spaces");
                if (!codes.insert(lower_ascii(e.code)).second) fail(where + ": duplicate enum code '" + e.code + "'");
                e.zh = str(v, "zh", vw, false);
                e.aliases = strings(v, "aliases", vw);
                claim(e.code, e.code);
                if (!e.zh.empty()) claim(e.zh, e.code);
                for (const auto& a : e.aliases) claim(a, e.code);
                s.values.push_back(std::move(e));
            }
        } else if (f.contains("values")) {
            fail(where + ": \"values\" is only for fields of type enum (this one is '" + s.type + "')");
        }
        return s;
    }

    KindSpec kind(const json& j, const std::string& expected) const {
        if (!j.is_object()) fail("the schema must be a JSON object");
        known_keys(j, {"kind", "title", "title_zh", "description", "geometry", "fields", "area_check", "style"}, "schema");
        KindSpec k;
        k.file = file;
        k.kind = str(j, "kind", "schema", true);
        if (!expected.empty() && k.kind != expected)
            fail("\"kind\" is '" + k.kind + "' but the file name says '" + expected + "'");
        if (!snake_case(k.kind)) fail("\"kind\" must be snake_case ASCII");
        k.title = str(j, "title", "schema", true);
        k.title_zh = str(j, "title_zh", "schema", false);
        k.style = str(j, "style", "schema", false);
        if (k.style.empty()) k.style = k.kind;
        k.geometry = strings(j, "geometry", "schema");
        if (k.geometry.empty()) fail("\"geometry\" must list at least one geometry type (Point, LineString, Polygon, Multi...)");
        for (const auto& g : k.geometry)
            if (!geometry_names().count(g))
                fail("unknown geometry type '" + g + "' (known: Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)");
        if (!j.contains("fields") || !j.at("fields").is_array() || j.at("fields").empty())
            fail("\"fields\" must be a non-empty array");
        std::map<std::string, std::string> names;  // lower-case name or alias -> field
        for (size_t i = 0; i < j.at("fields").size(); ++i) {
            FieldSpec f = field(j.at("fields")[i], i);
            auto own = [&](const std::string& token) {
                auto [it, fresh] = names.emplace(lower_ascii(token), f.name);
                if (!fresh && it->second != f.name)
                    fail("'" + token + "' is claimed by the fields '" + it->second + "' and '" + f.name +
                         "' (field names and aliases must be unique, case-insensitively)");
            };
            for (const auto& prev : k.fields)
                if (iequals(prev.name, f.name)) fail("duplicate field name '" + f.name + "'");
            own(f.name);
            for (const auto& a : f.aliases) own(a);
            k.fields.push_back(std::move(f));
        }
        if (j.contains("area_check")) {
            const json& a = j.at("area_check");
            if (!a.is_object()) fail("\"area_check\" must be an object {\"field\", \"unit\", \"tolerance_rel\"}");
            known_keys(a, {"field", "unit", "tolerance_rel"}, "area_check");
            AreaCheck c;
            c.field = str(a, "field", "area_check", true);
            const FieldSpec* fs = k.field(c.field);
            if (!fs) fail("area_check: no field named '" + c.field + "'");
            if (fs->type != "real" && fs->type != "integer") fail("area_check: the field '" + c.field + "' must be real or integer");
            c.unit = str(a, "unit", "area_check", false);
            if (c.unit.empty()) c.unit = fs->area_unit;
            if (c.unit.empty()) fail("area_check: no unit (give \"unit\" or the field's \"area_unit\")");
            if (units::area_unit_to_m2(c.unit) == 0.0) fail("area_check: unknown unit '" + c.unit + "' (use m2, ha, km2 or mu)");
            if (!fs->area_unit.empty() && fs->area_unit != c.unit)
                fail("area_check: unit '" + c.unit + "' differs from the field's area_unit '" + fs->area_unit + "'");
            if (a.contains("tolerance_rel")) {
                if (!a.at("tolerance_rel").is_number()) fail("area_check: \"tolerance_rel\" must be a number");
                c.tolerance_rel = a.at("tolerance_rel").get<double>();
                if (!(c.tolerance_rel > 0.0 && c.tolerance_rel < 1.0))
                    fail("area_check: \"tolerance_rel\" must be between 0 and 1 (0.01 = 1 %)");
            }
            k.area_check = c;
        }
        return k;
    }
};

// --- value parsing ----------------------------------------------------------------------------

std::optional<std::string> parse_bool(const std::string& t) {
    static const char* yes[] = {"1", "true", "yes", "y", "t", "是", "有", "真"};
    static const char* no[] = {"0", "false", "no", "n", "f", "否", "无", "假"};
    for (const char* y : yes)
        if (iequals(t, y)) return std::string("true");
    for (const char* n : no)
        if (iequals(t, n)) return std::string("false");
    return std::nullopt;
}

bool parse_real(const std::string& t, double* out) {
    if (t.empty()) return false;
    char* end = nullptr;
    errno = 0;
    double d = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || *end != '\0' || errno != 0 || !std::isfinite(d)) return false;
    if (out) *out = d;
    return true;
}

std::optional<std::string> parse_integer(const std::string& t) {
    double d = 0;
    if (!parse_real(t, &d) || d != std::floor(d) || std::fabs(d) > 9.007199254740992e15) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(d));
    return std::string(buf);
}

std::optional<std::string> parse_date(const std::string& t) {
    // Replace 年/月/日 by separators, then read up to three numbers.
    std::string s;
    for (size_t i = 0; i < t.size();) {
        if (t.compare(i, 3, "年") == 0 || t.compare(i, 3, "月") == 0) {
            s += '-';
            i += 3;
        } else if (t.compare(i, 3, "日") == 0) {
            i += 3;
        } else {
            s += t[i++];
        }
    }
    // cut a time part
    for (char sep : {'T', ' '}) {
        auto p = s.find(sep);
        if (p != std::string::npos && p >= 4) s = s.substr(0, p);
    }
    int y = 0, m = 0, d = 0;
    auto all_digits = [](const std::string& x) { return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if (all_digits(s) && s.size() == 8) {
        y = std::atoi(s.substr(0, 4).c_str());
        m = std::atoi(s.substr(4, 2).c_str());
        d = std::atoi(s.substr(6, 2).c_str());
    } else {
        std::vector<std::string> parts;
        std::string cur;
        for (char c : s) {
            if (c == '-' || c == '/' || c == '.') {
                parts.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        if (!cur.empty()) parts.push_back(cur);
        if (parts.empty() || parts.size() > 3) return std::nullopt;
        for (const auto& p : parts)
            if (!all_digits(p) || p.size() > 4) return std::nullopt;
        if (parts[0].size() != 4) return std::nullopt;
        y = std::atoi(parts[0].c_str());
        if (parts.size() > 1) m = std::atoi(parts[1].c_str());
        if (parts.size() > 2) d = std::atoi(parts[2].c_str());
        if (parts.size() > 1 && (m < 1 || m > 12)) return std::nullopt;
        if (parts.size() > 2 && (d < 1 || d > 31)) return std::nullopt;
        char buf[40];
        if (parts.size() == 1) std::snprintf(buf, sizeof buf, "%04d", y);
        else if (parts.size() == 2) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string(buf);
    }
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

// --- the cache --------------------------------------------------------------------------------

std::mutex& cache_mutex() {
    static std::mutex m;
    return m;
}
std::map<std::string, std::unique_ptr<KindSpec>>& cache() {
    static std::map<std::string, std::unique_ptr<KindSpec>> c;
    return c;
}

}  // namespace

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e) {
        size_t n = space_at(s, b);
        if (!n) break;
        b += n;
    }
    while (e > b) {
        size_t n = space_before(s, e);
        if (!n || e - n < b) break;
        e -= n;
    }
    return std::string(s.substr(b, e - b));
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    size_t p = 0;
    while (p <= s.size()) {
        size_t q = s.find(',', p);
        if (q == std::string_view::npos) q = s.size();
        std::string item = trim(s.substr(p, q - p));
        if (!item.empty()) out.push_back(std::move(item));
        p = q + 1;
    }
    return out;
}

std::optional<std::string> FieldSpec::normalise(std::string_view raw) const {
    std::string t = trim(raw);
    if (type == "string") return t;
    if (t.empty()) return std::nullopt;
    if (type == "enum") {
        for (const auto& v : values)
            if (iequals(t, v.code)) return v.code;
        for (const auto& v : values)
            if (!v.zh.empty() && t == v.zh) return v.code;
        for (const auto& v : values)
            for (const auto& a : v.aliases)
                if (iequals(t, a)) return v.code;
        return std::nullopt;
    }
    if (type == "bool") return parse_bool(t);
    if (type == "integer") return parse_integer(t);
    if (type == "real") return parse_real(t, nullptr) ? std::optional<std::string>(t) : std::nullopt;
    if (type == "date") return parse_date(t);
    return t;
}

const FieldSpec* KindSpec::field(std::string_view canonical_name) const {
    for (const auto& f : fields)
        if (f.name == canonical_name) return &f;
    return nullptr;
}

const FieldSpec* KindSpec::key_field() const {
    for (const auto& f : fields)
        if (f.unique) return &f;
    return nullptr;
}

KindSpec load_kind_file(const std::string& path, const std::string& expected_kind) {
    SchemaReader r{path};
    std::ifstream in(path, std::ios::binary);
    if (!in) r.fail("cannot open the file");
    std::stringstream buf;
    buf << in.rdbuf();
    json j;
    try {
        j = json::parse(buf.str());
    } catch (const json::exception& e) {
        r.fail(std::string("not valid JSON (") + e.what() + ")");
    }
    return r.kind(j, expected_kind);
}

std::vector<std::string> kinds() {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    std::error_code ec;
    fs::path dir = data_path("layers/kinds");
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".json") continue;
        std::string stem = it->path().stem().string();
        if (snake_case(stem)) out.push_back(stem);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const KindSpec& kind(const std::string& name, const std::string& op) {
    std::lock_guard<std::mutex> lock(cache_mutex());
    auto it = cache().find(name);
    if (it != cache().end()) return *it->second;
    std::string path = data_path("layers/kinds/" + name + ".json");
    if (!snake_case(name) || !std::filesystem::exists(path)) {
        auto ks = kinds();
        throw BadInput(op + ": unknown layer kind '" + name + "'; known kinds: " + (ks.empty() ? "(none found in " + data_path("layers/kinds") + ")" : join(ks)));
    }
    auto spec = std::make_unique<KindSpec>(load_kind_file(path, name));
    const KindSpec& ref = *spec;
    cache().emplace(name, std::move(spec));
    return ref;
}

// --- Binding -----------------------------------------------------------------------------------

Binding::Binding(const KindSpec& spec, const io::VectorLayer& layer) : spec_(&spec) {
    const size_t nf = spec.fields.size();
    std::vector<int> idx(nf, -1);
    std::vector<char> used(layer.fields.size(), 0);
    // 1. canonical names
    for (size_t i = 0; i < nf; ++i) {
        for (size_t k = 0; k < layer.fields.size(); ++k) {
            if (!used[k] && iequals(layer.fields[k].name, spec.fields[i].name)) {
                idx[i] = static_cast<int>(k);
                used[k] = 1;
                break;
            }
        }
    }
    // 2. aliases, in the order the schema lists them
    for (size_t i = 0; i < nf; ++i) {
        if (idx[i] >= 0) continue;
        for (const auto& a : spec.fields[i].aliases) {
            for (size_t k = 0; k < layer.fields.size() && idx[i] < 0; ++k) {
                if (!used[k] && iequals(layer.fields[k].name, a)) {
                    idx[i] = static_cast<int>(k);
                    used[k] = 1;
                }
            }
            if (idx[i] >= 0) break;
        }
    }
    for (size_t i = 0; i < nf; ++i)
        if (idx[i] >= 0) map_.emplace_back(spec.fields[i].name, idx[i]);
    names_.reserve(layer.fields.size());
    for (const auto& f : layer.fields) names_.push_back(f.name);
}

int Binding::index(std::string_view canonical_name) const {
    for (const auto& [n, i] : map_)
        if (n == canonical_name) return i;
    return -1;
}

std::string Binding::source_name(std::string_view canonical_name) const {
    int i = index(canonical_name);
    return i >= 0 && static_cast<size_t>(i) < names_.size() ? names_[static_cast<size_t>(i)] : std::string();
}

std::string Binding::raw(const io::Feature& f, std::string_view canonical_name) const {
    int i = index(canonical_name);
    if (i < 0 || static_cast<size_t>(i) >= f.values.size()) return {};
    return io::value_text(f.values[static_cast<size_t>(i)]);
}

std::string Binding::value(const io::Feature& f, std::string_view canonical_name, bool* known) const {
    if (known) *known = true;
    int i = index(canonical_name);
    if (i < 0 || static_cast<size_t>(i) >= f.values.size() || io::value_is_null(f.values[static_cast<size_t>(i)])) return {};
    std::string text = io::value_text(f.values[static_cast<size_t>(i)]);
    const FieldSpec* fs = spec_ ? spec_->field(canonical_name) : nullptr;
    if (!fs) return trim(text);
    std::string t = trim(text);
    if (t.empty() && fs->type != "string") return {};
    auto n = fs->normalise(t);
    if (n) return *n;
    if (known) *known = false;
    return fs->type == "enum" ? text : t;
}

std::string Binding::code(const io::Feature& f) const { return code(f.values); }

std::string Binding::code(const std::vector<io::Value>& values) const {
    const FieldSpec* k = spec_ ? spec_->key_field() : nullptr;
    if (!k) return {};
    int i = index(k->name);
    if (i < 0 || static_cast<size_t>(i) >= values.size()) return {};
    return trim(io::value_text(values[static_cast<size_t>(i)]));
}

std::optional<bool> Binding::flag(const io::Feature& f, std::string_view canonical_name) const {
    int i = index(canonical_name);
    if (i < 0 || static_cast<size_t>(i) >= f.values.size() || io::value_is_null(f.values[static_cast<size_t>(i)])) return std::nullopt;
    auto b = parse_bool(trim(io::value_text(f.values[static_cast<size_t>(i)])));
    if (!b) return std::nullopt;
    return *b == "true";
}

}  // namespace eco::catalog
