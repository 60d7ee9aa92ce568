// FormatJson (format.h).
#include <cmath>

#include "audit/format.h"
#include "audit/format_internal.h"
#include "nlohmann/json.hpp"

namespace kg::audit {
namespace {

using Json = nlohmann::ordered_json;

Json Number(double d) {
  if (d == std::floor(d) && std::fabs(d) < 9e15) return static_cast<int64_t>(d);
  return d;
}

Json FromValue(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return nullptr;
    case Value::Type::kBool:
      return v.as_bool();
    case Value::Type::kInt:
      return v.as_int();
    case Value::Type::kDouble:
      return v.as_double();
    case Value::Type::kString:
      return v.as_string();
    case Value::Type::kList: {
      Json out = Json::array();
      for (const Value& e : v.as_list()) out.push_back(FromValue(e));
      return out;
    }
    case Value::Type::kMap: {
      Json out = Json::object();
      for (const auto& [k, e] : v.as_map()) out[k] = FromValue(e);
      return out;
    }
  }
  return nullptr;
}

Json FactJson(const Fact& f) {
  Json j;
  j["type"] = f.type;
  j["subject"] = f.subject;
  j["object"] = f.object.empty() ? Json(nullptr) : Json(f.object);
  j["period"] = f.period.empty() ? Json(nullptr) : Json(f.period);
  if (!f.commodity.empty()) j["commodity"] = f.commodity;
  if (!f.stage.empty()) j["stage"] = f.stage;
  if (!f.basis.empty()) j["basis"] = f.basis;
  return j;
}

}  // namespace

std::string FormatJson(const AuditReport& r) {
  Json out;
  out["scope"] = r.scope;
  out["tolerance"] = r.tolerance;
  Json summary;
  summary["claims"] = r.in_scope;
  Json shares = Json::object();
  for (const char* v : {kVerified, kUnsupported, kUnverifiable, kUncited}) {
    const int n = r.verdicts.contains(v) ? r.verdicts.at(v) : 0;
    summary[v] = n;
    shares[v] = r.in_scope == 0 ? 0.0 : static_cast<double>(n) / r.in_scope;
  }
  summary["shares"] = shares;
  summary["facts"] = r.facts.size();
  summary["corroborated"] = r.corroborated;
  summary["single_source"] = r.single_source;
  summary["conflicts"] = r.conflicts.size();
  Json articles = Json::array();
  for (const ArticleSummary& a : r.articles) {
    Json j;
    j["article"] = a.id;
    j["cites"] = a.cites.empty() ? Json(nullptr) : Json(a.cites);
    j["report"] = a.is_report;
    j["claims"] = a.claims;
    j["verified"] = a.verified;
    j["unsupported"] = a.unsupported;
    j["unverifiable"] = a.unverifiable;
    j["uncited"] = a.uncited;
    j["conflicting"] = a.conflicting;
    articles.push_back(std::move(j));
  }
  summary["articles"] = std::move(articles);
  out["summary"] = std::move(summary);

  Json claims = Json::array();
  for (const AuditedClaim& c : r.claims) {
    if (!c.in_scope) continue;
    Json j;
    j["id"] = c.id;
    j["type"] = c.type;
    j["subject"] = c.subject.name;
    j["object"] = c.object.unknown ? Json(nullptr) : Json(c.object.name);
    j["article"] = c.article;
    j["section"] = c.section;
    j["sentence"] = c.sentence;
    j["span"] = Json::array({c.span_begin, c.span_end});
    j["citations"] = c.citations;
    j["qualifiers"] = FromValue(Value(c.qualifiers));
    j["verification"] = c.verification.verdict;
    j["missing"] = c.verification.missing;
    j["source"] = c.verification.source.empty() ? Json(nullptr) : Json(c.verification.source);
    j["paragraphs"] = c.verification.paragraphs;
    claims.push_back(std::move(j));
  }
  out["claims"] = std::move(claims);

  Json conflicts = Json::array();
  for (const Conflict& c : r.conflicts) {
    Json j = FactJson(r.facts[c.fact]);
    j["kind"] = c.kind;
    j["unit"] = c.unit;
    Json values = Json::array();
    for (const Conflict::Side& s : c.values) {
      const AuditedClaim& claim = r.claims[s.claim];
      Json v;
      v["value"] = Number(s.figure.value);
      if (s.figure.max) v["max"] = Number(*s.figure.max);
      if (!s.figure.approx.empty()) v["approx"] = s.figure.approx;
      v["text"] = s.figure.text;
      v["claim"] = claim.id;
      v["article"] = claim.article;
      v["sentence"] = claim.sentence;
      values.push_back(std::move(v));
    }
    j["values"] = std::move(values);
    conflicts.push_back(std::move(j));
  }
  out["conflicts"] = std::move(conflicts);

  Json corroboration = Json::array();
  for (const Fact& f : r.facts) {
    Json j = FactJson(f);
    j["articles"] = f.articles;
    j["independent"] = f.articles.size();
    Json repeats = Json::array();
    for (const Fact::Repeat& rep : f.repeats) {
      repeats.push_back({{"article", rep.article}, {"of", rep.of}, {"reason", rep.reason}});
    }
    j["repeats"] = std::move(repeats);
    Json ids = Json::array();
    for (size_t ci : f.claims) ids.push_back(r.claims[ci].id);
    j["claims"] = std::move(ids);
    j["conflict"] = f.conflict;
    corroboration.push_back(std::move(j));
  }
  out["corroboration"] = std::move(corroboration);
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace kg::audit
