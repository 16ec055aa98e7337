// The layer catalog: one JSON schema per thematic layer kind in layers/kinds/<kind>.json
// (format: docs/formats.md §1). Binds a dataset's fields to the canonical fields (by name or
// alias, case-insensitive) and normalises enumeration values to their canonical codes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/vector_read.h"

namespace eco::catalog {

struct EnumValue {
    std::string code;                  // canonical, e.g. "water_conservation"
    std::string zh;                    // e.g. "水源涵养"
    std::vector<std::string> aliases;  // other spellings seen in data
};

struct FieldSpec {
    std::string name;   // canonical snake_case name
    std::string type;   // string, integer, real, bool, date, enum
    std::string label_zh;
    bool required = false;
    bool unique = false;
    std::vector<std::string> aliases;
    std::vector<EnumValue> values;  // for enum
    std::string area_unit;          // for area fields: m2, ha, km2, mu

    // Canonical code of a raw value (trimmed; matches code, zh or an alias; for bool fields
    // "1"/"0"...), or nullopt when the value is not in the enumeration.
    // By type: enum -> the value's code (codes and aliases compared case-insensitively, zh
    // labels exactly); bool -> "true" / "false"; integer, real -> the trimmed number text;
    // date -> "YYYY-MM-DD" (also from YYYY/MM/DD, YYYYMMDD, YYYY年M月D日, with or without a
    // time; "YYYY-MM" and "YYYY" when only those are given); string -> the trimmed text.
    // nullopt for an empty value of a non-string field or a value that does not parse.
    std::optional<std::string> normalise(std::string_view raw) const;
};

struct AreaCheck {
    std::string field;
    std::string unit;
    double tolerance_rel = 0.01;
};

struct KindSpec {
    std::string kind, title, title_zh, style;
    std::vector<std::string> geometry;  // OGR type names allowed: Point, MultiPoint, LineString, ...
    std::vector<FieldSpec> fields;
    std::optional<AreaCheck> area_check;
    std::string file;  // the schema file it was loaded from

    const FieldSpec* field(std::string_view canonical_name) const;
    // The field that identifies a feature (the first unique field: code, id, site_id), or null.
    const FieldSpec* key_field() const;
};

// Loads (once, cached) the schema of `kind`; throws BadInput "<op>: unknown layer kind 'x';
// known kinds: ..." for an unknown kind, Failure naming the file for a malformed schema.
const KindSpec& kind(const std::string& name, const std::string& op = "catalog");
// All kinds in layers/kinds/, sorted.
std::vector<std::string> kinds();

// Parses and validates one schema file (not cached). Throws Failure "catalog: <file>: <problem>"
// on malformed JSON, an unknown type or key, an enum without values, duplicate field names, an
// alias claimed by two fields, an area_check naming no numeric field... `expected_kind`, when
// given, must equal the file's "kind".
KindSpec load_kind_file(const std::string& path, const std::string& expected_kind = "");

// Trims ASCII white space, full-width spaces (U+3000), no-break spaces (U+00A0) and a BOM from
// both ends.
std::string trim(std::string_view s);
// "a, b,,c" -> {"a", "b", "c"}: comma-separated items, each trimmed, empty ones dropped.
std::vector<std::string> split_list(std::string_view s);

// Which field of a dataset stands for each catalog field.
class Binding {
public:
    Binding() = default;
    Binding(const KindSpec& spec, const io::VectorLayer& layer);
    // Index into layer.fields for a canonical field name, or -1 when the dataset lacks it.
    int index(std::string_view canonical_name) const;
    // The dataset's own name of a bound canonical field ("" when unbound).
    std::string source_name(std::string_view canonical_name) const;
    const KindSpec* spec() const { return spec_; }
    // Bound fields, in catalog order: canonical name -> index into layer.fields.
    const std::vector<std::pair<std::string, int>>& bound() const { return map_; }

    // The value of the key field (KindSpec::key_field) for a feature, trimmed; "" when the kind
    // has no key field, the dataset lacks it or the value is null.
    std::string code(const io::Feature& f) const;
    // The same from a feature's values alone (aligned with layer.fields), e.g. those the reader
    // keeps for a rejected feature (io::FeatureIssue::values).
    std::string code(const std::vector<io::Value>& values) const;
    // A bool field's value (1/0, true/false, yes/no, 是/否, Y/N); nullopt when missing, null or
    // not a bool.
    std::optional<bool> flag(const io::Feature& f, std::string_view canonical_name) const;

    // The canonical value of a field for a feature: enum values normalised to their code (an
    // unknown enum value is returned as written, with *known = false), other values as text;
    // "" when the field is missing or null.
    std::string value(const io::Feature& f, std::string_view canonical_name, bool* known = nullptr) const;
    // The value as written in the data (no normalisation).
    std::string raw(const io::Feature& f, std::string_view canonical_name) const;

private:
    const KindSpec* spec_ = nullptr;
    std::vector<std::pair<std::string, int>> map_;  // canonical name -> layer field index
    std::vector<std::string> names_;                // the dataset's field names
};

}  // namespace eco::catalog
