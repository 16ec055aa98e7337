// The layer catalog: schema loading and validation, field binding by name or alias, value
// normalisation.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "core/error.h"

using namespace eco;

namespace {

io::VectorLayer layer_with_fields(const std::vector<std::string>& names) {
    io::VectorLayer l;
    for (const auto& n : names) l.fields.push_back(io::FieldDef{n, io::FieldDef::Type::String});
    return l;
}

io::Feature feature(long long fid, std::vector<io::Value> values) {
    io::Feature f;
    f.fid = fid;
    f.values = std::move(values);
    return f;
}

std::string fixture(const std::string& name) { return std::string(ECOSHIELD_TEST_DATA) + "/catalog/" + name; }

std::string failure_of(const std::string& file) {
    try {
        catalog::load_kind_file(fixture(file));
    } catch (const Failure& e) {
        return e.what();
    }
    return "(no failure)";
}

}  // namespace

TEST_CASE("catalog: every kind of DOMAIN.md has a valid schema", "[catalog]") {
    const std::vector<std::string> expected = {"admin",  "bay",         "coastline", "control_unit", "farmland_soil", "marine_zone",
                                               "outlet", "redline",     "site",      "soil_parcel",  "water_source",  "water_zone"};
    auto ks = catalog::kinds();
    for (const auto& k : expected) {
        INFO("kind " << k);
        CHECK(std::find(ks.begin(), ks.end(), k) != ks.end());
        const auto& spec = catalog::kind(k);
        CHECK(spec.kind == k);
        CHECK(spec.style == k);
        CHECK_FALSE(spec.title.empty());
        CHECK_FALSE(spec.title_zh.empty());
        CHECK_FALSE(spec.geometry.empty());
        // the cache hands out the same object
        CHECK(&catalog::kind(k) == &spec);
    }
}

TEST_CASE("catalog: the enumeration codes are exactly the agreed ones", "[catalog]") {
    // The demo data (layers/demo/ENUMS.md) and the rules file use these codes: a change here is
    // a change of the contract.
    const std::map<std::pair<std::string, std::string>, std::vector<std::string>> codes = {
        {{"redline", "function_type"}, {"water_conservation", "biodiversity", "soil_conservation", "sand_fixation", "coastal_stability", "other"}},
        {{"redline", "domain"}, {"land", "sea"}},
        {{"redline", "control_level"}, {"core", "general"}},
        {{"control_unit", "class"}, {"priority", "key", "general"}},
        {{"water_zone", "level1"}, {"protection", "reserve", "buffer", "use"}},
        {{"water_zone", "level2"}, {"drinking", "industrial", "agricultural", "fishery", "landscape", "transition", "discharge_control"}},
        {{"water_zone", "target_class"}, {"I", "II", "III", "IV", "V"}},
        {{"outlet", "measured_class"}, {"I", "II", "III", "IV", "V"}},
        {{"water_source", "level"}, {"first", "second", "quasi"}},
        {{"marine_zone", "class"}, {"1", "2", "3", "4"}},
        {{"coastline", "type1"}, {"natural", "artificial", "estuary"}},
        {{"coastline", "type2"}, {"bedrock", "sandy", "muddy", "biological", "other"}},
        {{"coastline", "protection"}, {"strict", "limited", "optimised"}},
        {{"bay", "status"}, {"batch", "built", "planned"}},
        {{"soil_parcel", "planned_use"}, {"class1", "class2"}},
        {{"soil_parcel", "status"}, {"controlled", "remediating", "delisted"}},
        {{"soil_parcel", "exceedance"}, {"screening", "intervention"}},
        {{"farmland_soil", "class"}, {"priority", "safe_use", "strict_control"}},
        {{"farmland_soil", "land_type"}, {"paddy", "dry"}},
        {{"outlet", "kind"}, {"outfall", "station"}},
        {{"site", "activity"},
         {"patrol_monitoring", "existing_farming", "archaeology", "forest_tending", "tourism_education", "linear_infrastructure",
          "geological_survey", "ecological_restoration", "other"}},
    };
    for (const auto& [key, want] : codes) {
        INFO(key.first << "." << key.second);
        const auto* f = catalog::kind(key.first).field(key.second);
        REQUIRE(f);
        CHECK(f->type == "enum");
        std::vector<std::string> got;
        for (const auto& v : f->values) {
            got.push_back(v.code);
            CHECK_FALSE(v.zh.empty());
        }
        CHECK(got == want);
    }
}

TEST_CASE("catalog: required, unique and area fields", "[catalog]") {
    const auto& r = catalog::kind("redline");
    REQUIRE(r.field("code"));
    CHECK(r.field("code")->required);
    CHECK(r.field("code")->unique);
    CHECK(r.field("name")->required);
    CHECK(r.key_field() == r.field("code"));
    CHECK(r.field("code")->aliases == std::vector<std::string>{"HXBH", "BSM"});
    REQUIRE(r.area_check);
    CHECK(r.area_check->field == "area_ha");
    CHECK(r.area_check->unit == "ha");
    CHECK(r.area_check->tolerance_rel == Approx(0.01));
    CHECK(r.field("area_ha")->aliases == std::vector<std::string>{"MJ"});
    CHECK(catalog::kind("site").key_field()->name == "site_id");
    CHECK(catalog::kind("outlet").key_field()->name == "id");
    CHECK(catalog::kind("coastline").field("restored")->type == "bool");
}

TEST_CASE("catalog: an unknown kind names the known ones", "[catalog]") {
    try {
        catalog::kind("redlines", "screen");
        FAIL("no exception");
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.rfind("screen: unknown layer kind 'redlines'", 0) == 0);
        CHECK(m.find("known kinds: admin, bay,") != std::string::npos);
    }
    CHECK_THROWS_AS(catalog::kind("../kinds/redline"), BadInput);
}

TEST_CASE("catalog: malformed schemas are refused naming the file and the problem", "[catalog]") {
    std::string m = failure_of("bad_type.json");
    INFO(m);
    CHECK(m.find("bad_type.json") != std::string::npos);
    CHECK(m.find("field 'area_ha': unknown type 'float'") != std::string::npos);

    m = failure_of("bad_enum.json");
    INFO(m);
    CHECK(m.find("bad_enum.json") != std::string::npos);
    CHECK(m.find("field 'level': an enum needs a non-empty \"values\"") != std::string::npos);

    m = failure_of("bad_duplicate.json");
    INFO(m);
    CHECK(m.find("bad_duplicate.json") != std::string::npos);
    CHECK(m.find("duplicate field name 'code'") != std::string::npos);

    m = failure_of("bad_alias.json");
    INFO(m);
    CHECK(m.find("'bh' is claimed by the fields 'code' and 'name'") != std::string::npos);

    m = failure_of("no_such_file.json");
    CHECK(m.find("no_such_file.json: cannot open") != std::string::npos);

    // the file name must agree with "kind"
    CHECK_THROWS_WITH(catalog::load_kind_file(fixture("bad_type.json"), "redline"),
                      Catch::Contains("\"kind\" is 'bad_type' but the file name says 'redline'"));
}

TEST_CASE("catalog: trim removes ASCII and full-width spaces", "[catalog]") {
    CHECK(catalog::trim("  a b \t") == "a b");
    CHECK(catalog::trim("\xE3\x80\x80一级\xE3\x80\x80 ") == "一级");  // U+3000 around
    CHECK(catalog::trim("\xC2\xA0x\xC2\xA0") == "x");                    // no-break spaces
    CHECK(catalog::trim("\xEF\xBB\xBF" "code") == "code");               // BOM
    CHECK(catalog::trim("\xE3\x80\x80") == "");
    CHECK(catalog::trim("") == "");
    // a multi-byte character whose last byte looks like nothing special stays whole
    CHECK(catalog::trim(" 保护区 ") == "保护区");
}

TEST_CASE("catalog: enum values normalise to their codes", "[catalog]") {
    const auto& ft = *catalog::kind("redline").field("function_type");
    CHECK(ft.normalise("水源涵养") == std::optional<std::string>("water_conservation"));
    CHECK(ft.normalise("water_conservation") == std::optional<std::string>("water_conservation"));
    CHECK(ft.normalise("Water_Conservation") == std::optional<std::string>("water_conservation"));
    CHECK(ft.normalise(" 生物多样性维护 ") == std::optional<std::string>("biodiversity"));
    CHECK(ft.normalise("海岸生态稳定") == std::optional<std::string>("coastal_stability"));
    CHECK_FALSE(ft.normalise("水源保护"));
    CHECK_FALSE(ft.normalise(""));

    const auto& lv = *catalog::kind("water_source").field("level");
    CHECK(lv.normalise(" 一级 ") == std::optional<std::string>("first"));
    CHECK(lv.normalise("\xE3\x80\x80一级\xE3\x80\x80") == std::optional<std::string>("first"));
    CHECK(lv.normalise("一级保护区") == std::optional<std::string>("first"));
    CHECK(lv.normalise("准保护区") == std::optional<std::string>("quasi"));
    CHECK_FALSE(lv.normalise("三级"));

    const auto& cls = *catalog::kind("control_unit").field("class");
    CHECK(cls.normalise("1") == std::optional<std::string>("priority"));
    CHECK(cls.normalise("2") == std::optional<std::string>("key"));
    CHECK(cls.normalise("产业集聚重点管控") == std::optional<std::string>("key"));
    CHECK(cls.normalise("城镇生活重点管控") == std::optional<std::string>("key"));
    CHECK(cls.normalise("一般管控") == std::optional<std::string>("general"));

    const auto& tc = *catalog::kind("water_zone").field("target_class");
    CHECK(tc.normalise("Ⅲ") == std::optional<std::string>("III"));
    CHECK(tc.normalise("Ⅲ类") == std::optional<std::string>("III"));
    CHECK(tc.normalise("III类") == std::optional<std::string>("III"));
    CHECK(tc.normalise("3") == std::optional<std::string>("III"));
    CHECK(tc.normalise("iii") == std::optional<std::string>("III"));
    CHECK(tc.normalise("V") == std::optional<std::string>("V"));
    CHECK_FALSE(tc.normalise("劣Ⅴ类"));

    const auto& mc = *catalog::kind("marine_zone").field("class");
    CHECK(mc.normalise("第二类") == std::optional<std::string>("2"));
    CHECK(mc.normalise("2") == std::optional<std::string>("2"));
    CHECK(mc.normalise("Ⅳ类") == std::optional<std::string>("4"));

    const auto& pu = *catalog::kind("soil_parcel").field("planned_use");
    CHECK(pu.normalise("第一类用地") == std::optional<std::string>("class1"));
}

TEST_CASE("catalog: bool, number and date values", "[catalog]") {
    const auto& restored = *catalog::kind("coastline").field("restored");
    for (const char* t : {"1", "true", "TRUE", "yes", "是", "Y"}) CHECK(restored.normalise(t) == std::optional<std::string>("true"));
    for (const char* t : {"0", "false", "no", "否", "N"}) CHECK(restored.normalise(t) == std::optional<std::string>("false"));
    CHECK_FALSE(restored.normalise("maybe"));

    const auto& mj = *catalog::kind("redline").field("area_ha");
    CHECK(mj.normalise(" 12.5 ") == std::optional<std::string>("12.5"));
    CHECK_FALSE(mj.normalise("12.5公顷"));
    CHECK_FALSE(mj.normalise(""));

    const auto& year = *catalog::kind("bay").field("target_year");
    CHECK(year.normalise("2025") == std::optional<std::string>("2025"));
    CHECK(year.normalise("2025.0") == std::optional<std::string>("2025"));
    CHECK_FALSE(year.normalise("2025.5"));

    const auto& d = *catalog::kind("soil_parcel").field("listed_date");
    CHECK(d.normalise("2021/05/06") == std::optional<std::string>("2021-05-06"));
    CHECK(d.normalise("2021-5-6") == std::optional<std::string>("2021-05-06"));
    CHECK(d.normalise("20210506") == std::optional<std::string>("2021-05-06"));
    CHECK(d.normalise("2021年5月6日") == std::optional<std::string>("2021-05-06"));
    CHECK(d.normalise("2021-05-06T00:00:00") == std::optional<std::string>("2021-05-06"));
    CHECK(d.normalise("2021-05") == std::optional<std::string>("2021-05"));
    CHECK_FALSE(d.normalise("2021-13-01"));
    CHECK_FALSE(d.normalise("next year"));
}

TEST_CASE("catalog: fields bind by canonical name first, then by alias, case-insensitively", "[catalog]") {
    const auto& spec = catalog::kind("redline");

    SECTION("Chinese field codes, any case") {
        auto l = layer_with_fields({"hxbh", "HXMC", "Hxlx", "MJ", "remark"});
        catalog::Binding b(spec, l);
        CHECK(b.spec() == &spec);
        CHECK(b.index("code") == 0);
        CHECK(b.source_name("code") == "hxbh");
        CHECK(b.index("name") == 1);
        CHECK(b.index("function_type") == 2);
        CHECK(b.index("area_ha") == 3);
        CHECK(b.index("domain") == -1);
        CHECK(b.source_name("domain") == "");
        CHECK(b.index("no_such_field") == -1);
        CHECK(b.bound().size() == 4);
    }
    SECTION("the canonical name wins over an alias, and the first alias over the second") {
        auto l = layer_with_fields({"BSM", "HXBH", "Code"});
        catalog::Binding b(spec, l);
        CHECK(b.index("code") == 2);
        auto l2 = layer_with_fields({"BSM", "HXBH"});
        catalog::Binding b2(spec, l2);
        CHECK(b2.index("code") == 1);  // HXBH is listed before BSM
    }
    SECTION("values: enums normalised, unknown values as written, raw as written") {
        auto l = layer_with_fields({"HXBH", "HXLX", "LHY", "MJ"});
        catalog::Binding b(spec, l);
        auto f = feature(7, {std::string(" 331023-RL-003 "), std::string("水源涵养"), std::string("山地"), 12.5});
        bool known = false;
        CHECK(b.value(f, "function_type", &known) == "water_conservation");
        CHECK(known);
        CHECK(b.raw(f, "function_type") == "水源涵养");
        CHECK(b.value(f, "domain", &known) == "山地");
        CHECK_FALSE(known);
        CHECK(b.value(f, "code") == "331023-RL-003");
        CHECK(b.code(f) == "331023-RL-003");
        // from the values alone (a rejected feature's, io::FeatureIssue::values)
        CHECK(b.code(f.values) == "331023-RL-003");
        CHECK(b.code(std::vector<io::Value>{}) == "");  // none kept
        CHECK(b.value(f, "area_ha") == "12.5");
        CHECK(b.value(f, "name", &known) == "");  // not in the dataset
        CHECK(known);
        auto g = feature(8, {io::Value{}, io::Value{}, std::string("　海域　"), io::Value{}});
        CHECK(b.value(g, "code") == "");
        CHECK(b.code(g) == "");
        CHECK(b.code(g.values) == "");
        CHECK(b.value(g, "domain") == "sea");
    }
    SECTION("bool flags") {
        const auto& cs = catalog::kind("coastline");
        auto l = layer_with_fields({"AXBM", "ZZXF", "mainland"});
        catalog::Binding b(cs, l);
        auto f = feature(1, {std::string("C1"), 1LL, std::string("否")});
        CHECK(b.flag(f, "restored") == std::optional<bool>(true));
        CHECK(b.flag(f, "mainland") == std::optional<bool>(false));
        CHECK(b.value(f, "restored") == "true");
        CHECK_FALSE(b.flag(f, "type1"));
    }
}
