// entity: one entity with its aliases and the claims that leave and reach it, for
// GET /entity/{name} and the page. Internal to serve/.
//
// Claims are shown in the shape of SPEC §3 (id, type, subject, object, qualifiers, source,
// rule); MENTIONS edges are not claims. Reads one Txn; thread-compatible.
#ifndef KG_SERVE_ENTITY_H_
#define KG_SERVE_ENTITY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"

namespace kg::serve {

struct EndView {
  std::string name, label;
  bool unknown = false;  // The "(unknown)" placeholder: the text names no counterpart.
};

struct ClaimView {
  std::string id, type, rule;
  EndView subject, object;
  ValueMap qualifiers;  // amount/amount_unit/amount_max folded into amount{value,unit,max}.
  std::string article, section, sentence;
  std::vector<int64_t> span, citations;
  std::string figure;  // "USD 400M", "15%", ... ("" when none).
};

struct EntityView {
  NodeId node = 0;
  std::string name, label, key;
  std::vector<std::string> labels, aliases;
  std::vector<ClaimView> out, in;
  size_t omitted = 0;  // Claims beyond max_claims.
};

// The entities a name or alias resolves to (as `{name:…}` does), the one with the most claims
// first. Empty when none.
absl::StatusOr<std::vector<NodeId>> ResolveEntity(Txn& txn, std::string_view name);

// REQUIRES: the node exists. At most max_claims claims in each direction.
absl::StatusOr<EntityView> LoadEntity(Txn& txn, NodeId node, size_t max_claims);

std::string ClaimJson(const ClaimView& c);
// {"entity":{"name","label","labels","aliases","key"},"out":[claims],"in":[claims],
//  "omitted":N,"others":[{"name","label"}]}
std::string EntityJson(const EntityView& e, const std::vector<EndView>& others);

}  // namespace kg::serve

#endif  // KG_SERVE_ENTITY_H_
