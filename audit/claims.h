// claims: a stored claim relationship read into the fields the audit works on.
//
// A claim is a relationship with string properties `article` and `sentence` (what ingest
// writes, SPEC §2); MENTIONS edges and hand-made relationships without them are not claims.
// The stored verdict properties (kVerificationProp, kMissingProp, written by refresh.h) are
// not qualifiers. Reads only; EntityCache is per Txn and not thread-safe.
#ifndef KG_AUDIT_CLAIMS_H_
#define KG_AUDIT_CLAIMS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "audit/figures.h"
#include "audit/verify.h"
#include "graph/store.h"
#include "graph/value.h"

namespace kg::audit {

// The claim properties that hold the stored verdict (queries: r.verification,
// r.verification_missing).
inline constexpr char kVerificationProp[] = "verification";
inline constexpr char kMissingProp[] = "verification_missing";

struct EntityRef {
  NodeId node = 0;
  std::string key;    // Entity key ("Company:mp materials"), "" for nodes ingest did not make.
  std::string name;
  std::string label;
  bool unknown = false;  // The "(unknown)" placeholder: the text names no counterpart.
};

struct AuditedClaim {
  RelId rel = 0;
  std::string id;  // The `id` property ("c…"), else "r<rel id>".
  std::string type;
  EntityRef subject, object;
  std::string article, section, sentence, rule;
  int64_t span_begin = 0, span_end = 0;
  std::vector<int> citations;
  ValueMap qualifiers;  // Props other than provenance and stored verdicts.
  std::vector<Figure> figures;
  std::string period, commodity, stage, basis;  // "" when absent.
  std::string stored_verification;              // The stored r.verification, "" if none.
  Verification verification;                    // Computed by the audit.
  bool in_scope = false;
};

class EntityCache {
 public:
  explicit EntityCache(Txn& txn) : txn_(txn) {}
  absl::StatusOr<EntityRef> Get(NodeId id);

 private:
  Txn& txn_;
  std::map<NodeId, EntityRef> cache_;
};

// A claim's citation markers: the integers of its `citations` property (SPEC §2).
std::vector<int> CitationsOf(const ValueMap& props);

// The claim stored as `rel`; nullopt when the relationship is not a claim.
absl::StatusOr<std::optional<AuditedClaim>> ReadClaim(const Relationship& rel,
                                                      EntityCache& entities);

// What verify.h needs from a claim.
ClaimFacts FactsOf(const AuditedClaim& claim);

// The claims of one stored article (found through the entities its Article node mentions:
// every claim's subject is one of them), ordered by span.
absl::StatusOr<std::vector<AuditedClaim>> ArticleClaims(Txn& txn, const std::string& article,
                                                        EntityCache& entities);

}  // namespace kg::audit

#endif  // KG_AUDIT_CLAIMS_H_
