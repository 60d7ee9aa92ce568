#include "graph/claim.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kg {

bool IsClaimProvenance(std::string_view key) {
  static constexpr std::string_view kKeys[] = {"id",        "article", "section",
                                               "sentence",  "span",    "citations",
                                               "rule",      "verification",
                                               "verification_missing"};
  return std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys);
}

ValueMap ClaimQualifiers(const ValueMap& props) {
  ValueMap q;
  for (const auto& [k, v] : props) {
    if (!IsClaimProvenance(k)) q[k] = v;
  }
  for (const char* name : {"amount", "quantity"}) {
    auto it = q.find(name);
    if (it == q.end() || it->second.is_map()) continue;
    ValueMap folded;
    folded["value"] = it->second;
    for (const char* part : {"unit", "max"}) {
      auto p = q.find(absl::StrCat(name, "_", part));
      if (p == q.end()) continue;
      folded[part] = p->second;
      q.erase(p);
    }
    q[name] = Value(std::move(folded));
  }
  return q;
}

}  // namespace kg
