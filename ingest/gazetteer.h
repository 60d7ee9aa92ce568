// gazetteer: entity recognition by dictionary (SPEC §2 labels), loaded from schema/.
//
// File format (schema/entities.tsv): `LABEL<TAB>canonical name<TAB>alias | alias | …`,
// `#` comments and blank lines ignored. Names and aliases are matched on the shadow text
// (ingest/normalize.h) at token boundaries (any character boundary inside CJK text), longest
// match first, leftmost first, no overlaps. An alias written with two or more capitals and at
// most four letters (US, MP, EU, DoD) only matches text with the same capitals, so the
// pronoun "us" is not the United States.
//
// Unknown companies: a capitalized name followed by a corporate suffix (Inc., Corp., Ltd,
// Resources, Minerals, Mining, …; schema/company_suffixes.txt) becomes a Company mention
// with a new entity. Immutable after Load(); Find() is thread-safe.
#ifndef KG_INGEST_GAZETTEER_H_
#define KG_INGEST_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "ingest/document.h"
#include "re2/re2.h"

namespace kg::ingest {

struct EntityDef {
  std::string key;    // "Label:normalized name" — stable across articles and runs.
  std::string label;
  std::string name;
  std::vector<std::string> aliases;
};

struct Mention {
  Span span;        // Byte span in the text given to Find().
  int entity = -1;  // Index into Gazetteer::entities() of the matched entity.
};

class Gazetteer {
 public:
  // Loads the tsv file. Errors name the file and line.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(const std::string& entities_tsv,
                                                         const std::string& suffixes_txt);
  // Same, from text already read (tests).
  static absl::StatusOr<std::unique_ptr<Gazetteer>> FromText(absl::string_view entities_tsv,
                                                             absl::string_view suffixes,
                                                             absl::string_view origin);

  // Mentions in `text`, in order. Unknown companies found by suffix are appended to
  // *extra (entity indices >= entities().size() refer to extra[i - entities().size()]).
  std::vector<Mention> Find(absl::string_view text, std::vector<EntityDef>* extra) const;

  const std::vector<EntityDef>& entities() const { return entities_; }
  // Content fingerprint (for "has the schema changed" checks).
  uint64_t fingerprint() const { return fingerprint_; }

 private:
  struct Surface {
    int entity;
    std::string exact;  // Non-empty: original must equal this (dots removed), case-sensitive.
  };
  std::vector<EntityDef> entities_;
  absl::flat_hash_map<std::string, std::vector<Surface>> keys_;
  // Capitalized words ending in a company suffix (schema/company_suffixes.txt); null if none.
  std::unique_ptr<RE2> company_re_;
  size_t max_key_bytes_ = 0;
  uint64_t fingerprint_ = 0;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_GAZETTEER_H_
