#include "raster/raster_reclass.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "core/error.h"
#include "raster/raster_record.h"
#include "core/paths.h"
#include "raster/raster_io.h"

namespace eco::raster {

namespace {

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Splits a CSV line (double quotes may enclose commas; "" is a quote).
std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    bool inq = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (inq) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                inq = false;
            } else {
                cur += c;
            }
        } else if (c == '"') {
            inq = true;
        } else if (c == ',') {
            out.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(trim(cur));
    return out;
}

bool parse_double(const std::string& s, double& d) {
    if (s.empty()) return false;
    char* end = nullptr;
    errno = 0;
    d = std::strtod(s.c_str(), &end);
    return end && *end == '\0' && errno == 0 && std::isfinite(d);
}

}  // namespace

std::string resolve_table_path(const std::string& given) {
    std::ifstream f(given);
    if (f.good() || given.find('/') != std::string::npos) return given;
    std::string name = given;
    if (name.size() < 4 || name.substr(name.size() - 4) != ".csv") name += ".csv";
    return data_path("layers/resistance/" + name);
}

const ReclassRow* ReclassTable::find(long long cls) const {
    for (const auto& r : rows)
        if (r.cls == cls) return &r;
    return nullptr;
}

ReclassTable read_reclass_table(const std::string& path, const std::string& op) {
    std::ifstream in(path);
    if (!in) throw BadInput(op + ": table '" + path + "' cannot be read; check the path (tables ship in layers/resistance/)");
    ReclassTable t;
    t.path = path;
    std::string line;
    int lineno = 0;
    int ci = -1, ni = -1, vi = -1;
    bool header = false;
    while (std::getline(in, line)) {
        ++lineno;
        std::string l = trim(line);
        if (l.empty() || l[0] == '#') continue;
        auto f = split_csv(l);
        const std::string where = op + ": table '" + path + "' line " + std::to_string(lineno);
        if (!header) {
            for (int i = 0; i < static_cast<int>(f.size()); ++i) {
                std::string h = lower(f[i]);
                if (h == "class" || h == "code") ci = i;
                else if (h == "name") ni = i;
                else if (h == "resistance" || h == "value" || h == "new_value" || h == "new_class") {
                    vi = i;
                    t.value_column = h;
                }
            }
            if (ci < 0 || vi < 0)
                throw BadInput(where + ": the header must name the columns class,name,resistance (or class,name,value); got '" + l + "'");
            header = true;
            continue;
        }
        if (static_cast<int>(f.size()) <= std::max({ci, vi, ni}))
            throw BadInput(where + ": expected " + std::to_string(std::max({ci, vi, ni}) + 1) + " columns, got '" + l + "'");
        double c;
        if (!parse_double(f[ci], c) || c != std::floor(c))
            throw BadInput(where + ": class '" + f[ci] + "' is not a whole number");
        ReclassRow r;
        r.cls = static_cast<long long>(c);
        if (ni >= 0) r.name = f[ni];
        const std::string label = "class " + std::to_string(r.cls) + (r.name.empty() ? "" : " '" + r.name + "'");
        std::string v = lower(f[vi]);
        if (v == "nodata" || v == "null" || v == "barrier") {
            r.value.reset();
        } else {
            double d;
            if (!parse_double(f[vi], d))
                throw BadInput(where + ": " + label + ": " + t.value_column + " '" + f[vi] + "' is not a number (or 'nodata')");
            if (t.is_resistance() && !(d > 0))
                throw BadInput(where + ": " + label + " has resistance " + f[vi] +
                               "; resistances must be greater than 0 (use a large value for near-barriers, or 'nodata' for impassable cells)");
            if (d == kReclassNodata)
                throw BadInput(where + ": " + label + ": the value -9999 is the output's nodata; write 'nodata' instead");
            r.value = d;
        }
        if (t.find(r.cls)) throw BadInput(where + ": class " + std::to_string(r.cls) + " is listed twice");
        t.rows.push_back(std::move(r));
    }
    if (!header || t.rows.empty()) throw BadInput(op + ": table '" + path + "' has no rows; expected a header class,name,resistance and one row per class");
    return t;
}

const OpSpec& reclass_spec() {
    static const OpSpec spec{
        "reclass",
        "reclassify a categorical raster through a table (class,name,resistance|value)",
        {
            {"assume-crs", ParamSpec::Type::String, nullptr, {}, {}, "", "CRS to assume when the raster has none (e.g. EPSG:4549)"},
            {"overviews", ParamSpec::Type::Bool, false, {}, {}, "", "build overviews in the output"},
        }};
    return spec;
}

ReclassResult reclass(const ReclassOptions& opt, const Progress& progress) {
    const std::string op = "reclass";
    ReclassTable table = read_reclass_table(resolve_table_path(opt.table), op);
    RasterReader in(opt.input, op, "input raster", opt.assume_crs);

    std::unordered_map<long long, std::optional<double>> lut;
    bool all_integral = !table.is_resistance();
    for (const auto& r : table.rows) {
        lut[r.cls] = r.value;
        if (r.value && (*r.value != std::floor(*r.value) || std::abs(*r.value) > 2e9)) all_integral = false;
    }

    WriteOptions wo;
    wo.type = all_integral ? GDT_Int32 : GDT_Float32;
    wo.nodata = kReclassNodata;
    wo.overviews = opt.overviews;
    wo.overview_resampling = all_integral ? "NEAREST" : "AVERAGE";
    wo.description = table.value_column;
    wo.metadata["ECOSHIELD_OPERATION"] = "reclass";
    wo.metadata["ECOSHIELD_TABLE"] = table.path;
    add_run_metadata(wo.metadata, run_record(op, opt.params, {{"input raster", opt.input}, {"table", table.path}}));
    if (all_integral) {
        std::map<long long, std::string> names;
        std::map<long long, int> uses;
        for (const auto& r : table.rows)
            if (r.value) {
                names[static_cast<long long>(*r.value)] = r.name;
                ++uses[static_cast<long long>(*r.value)];
            }
        for (auto& [k, n] : uses)
            if (n > 1) names[k] = "";
        wo.categories = names;
    }
    RasterWriter out(opt.output, in.grid(), wo, op);

    ReclassResult res;
    res.output = opt.output;
    res.float_output = !all_integral;
    std::map<long long, long long> unknown;
    std::vector<std::string> bad_values;
    std::mutex mu;
    auto bands = out.row_bands();
    std::vector<double> buf;
    std::vector<float> fout;
    std::vector<int32_t> iout;
    for (size_t bi = 0; bi < bands.size(); ++bi) {
        const Window& w = bands[bi];
        buf.resize(static_cast<size_t>(w.cells()));
        in.read(w, buf.data());
        if (all_integral) iout.assign(buf.size(), 0);
        else fout.assign(buf.size(), 0.f);
        tbb::parallel_for(0, w.h, [&](int r) {
            std::map<long long, long long> seen, unk;
            long long nd = 0;
            std::string bad;
            for (int c = 0; c < w.w; ++c) {
                size_t i = static_cast<size_t>(r) * w.w + c;
                double v = buf[i];
                std::optional<double> o;
                if (in.is_nodata(v)) {
                    ++nd;
                } else if (v != std::floor(v)) {
                    if (bad.empty()) bad = std::to_string(v);
                } else {
                    auto cls = static_cast<long long>(v);
                    auto it = lut.find(cls);
                    if (it == lut.end()) ++unk[cls];
                    else {
                        ++seen[cls];
                        o = it->second;
                    }
                }
                if (all_integral) iout[i] = o ? static_cast<int32_t>(*o) : static_cast<int32_t>(kReclassNodata);
                else fout[i] = o ? static_cast<float>(*o) : static_cast<float>(kReclassNodata);
            }
            std::lock_guard<std::mutex> lk(mu);
            for (auto& [k, n] : seen) res.class_cells[k] += n;
            for (auto& [k, n] : unk) unknown[k] += n;
            res.nodata_cells += nd;
            if (!bad.empty()) bad_values.push_back(bad);
        });
        if (!bad_values.empty())
            throw BadInput(op + ": input raster '" + opt.input + "' holds non-whole values (e.g. " + bad_values.front() +
                           "); reclass needs a categorical raster of class codes");
        if (all_integral) out.write(w, iout.data());
        else out.write(w, fout.data());
        progress.report(static_cast<double>(bi + 1) / bands.size(), "reclass");
    }
    if (!unknown.empty()) {
        std::ostringstream m;
        m << op << ": " << unknown.size() << " class" << (unknown.size() > 1 ? "es" : "") << " of '" << opt.input
          << "' " << (unknown.size() > 1 ? "are" : "is") << " not in table '" << table.path << "': ";
        int k = 0;
        for (auto& [cls, n] : unknown) {
            if (k++) m << ", ";
            if (k > 20) {
                m << "...";
                break;
            }
            m << cls << " (" << n << " cells)";
        }
        m << "; add a row class,name," << table.value_column << " for each (or " << table.value_column
          << " 'nodata' to blank them out)";
        throw BadInput(m.str());
    }
    out.commit();
    return res;
}

}  // namespace eco::raster
