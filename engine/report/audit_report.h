// The outputs of `redline audit`: audit.gpkg (audit_points: one point per fault; audit_overlaps,
// audit_gaps (gaps, notches, slivers), audit_outside: the fault pieces; audit_patches: every patch
// with its audit flags; audit_totals: a table), each layer styled from styles/audit_*.qml;
// report.json (ecoshield.redline_audit/1, docs/report-schema.md), report.csv (one row per fault)
// and report.html (verdict, totals, faults, a map), written under temporary names and moved into
// place together.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/redline_audit.h"

namespace eco::report {

struct AuditReportOptions {
    bool html = true;
};

std::vector<std::string> write_redline_audit_outputs(const checks::RedlineAuditResult& r, const std::string& out_dir,
                                                     const AuditReportOptions& opt, const Progress& progress = {});
nlohmann::json redline_audit_json(const checks::RedlineAuditResult& r, const std::string& created);
std::string redline_audit_csv(const checks::RedlineAuditResult& r);

}  // namespace eco::report
