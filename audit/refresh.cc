#include "audit/refresh.h"

#include <set>

#include "audit/claims.h"
#include "audit/verify.h"

namespace kg::audit {

void PresetVerdicts(ArticleRecord* record) {
  if (!ArticleCites(record->props).empty()) return;
  for (ClaimRecord& c : record->claims) {
    const Verification v = VerdictWithoutSource(record->id, CitationsOf(c.props));
    c.props[kVerificationProp] = Value(v.verdict);
    if (v.missing.empty()) continue;
    ValueList missing;
    for (const std::string& m : v.missing) missing.push_back(Value(m));
    c.props[kMissingProp] = Value(std::move(missing));
  }
}

absl::StatusOr<int> RefreshVerification(Store& store, const ingest::Gazetteer& gazetteer,
                                        const ingest::QuantityFinder& quantities,
                                        const std::vector<std::string>& changed) {
  if (changed.empty()) return 0;
  std::unique_ptr<Txn> txn = store.Begin();
  std::set<std::string> targets;
  for (const std::string& id : changed) {
    absl::StatusOr<std::optional<ValueMap>> meta = txn->GetArticleMeta(id);
    if (!meta.ok()) return meta.status();
    if (meta->has_value() && !ArticleCites(**meta).empty()) targets.insert(id);
    absl::StatusOr<std::vector<std::string>> citing = txn->CitingArticles(id);
    if (!citing.ok()) return citing.status();
    targets.insert(citing->begin(), citing->end());
  }
  EntityCache entities(*txn);
  Verifier verifier(*txn, gazetteer, quantities, kDefaultTolerance);
  int updated = 0;
  for (const std::string& id : targets) {
    absl::StatusOr<std::vector<AuditedClaim>> claims = ArticleClaims(*txn, id, entities);
    if (!claims.ok()) return claims.status();
    for (const AuditedClaim& c : *claims) {
      absl::StatusOr<Verification> v = verifier.Verify(FactsOf(c));
      if (!v.ok()) return v.status();
      ValueList missing;
      for (const std::string& m : v->missing) missing.push_back(Value(m));
      absl::StatusOr<std::optional<Relationship>> rel = txn->GetRel(c.rel);
      if (!rel.ok()) return rel.status();
      const ValueMap& props = (*rel)->props;
      auto old_v = props.find(kVerificationProp);
      auto old_m = props.find(kMissingProp);
      const Value new_m = missing.empty() ? Value() : Value(missing);
      const bool same_v = old_v != props.end() && old_v->second == Value(v->verdict);
      const bool same_m = old_m == props.end() ? new_m.is_null() : old_m->second == new_m;
      if (same_v && same_m) continue;
      if (absl::Status st = txn->SetRelProperty(c.rel, kVerificationProp, Value(v->verdict));
          !st.ok()) {
        return st;
      }
      if (absl::Status st = txn->SetRelProperty(c.rel, kMissingProp, new_m); !st.ok()) return st;
      ++updated;
    }
  }
  if (absl::Status st = txn->Commit(); !st.ok()) return st;
  return updated;
}

}  // namespace kg::audit
