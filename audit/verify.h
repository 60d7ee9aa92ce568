// verify: does the original report a claim cites really say it? (SPEC §5)
//
// A summary article names its original with `cites` (JSONL) or a `Source: ID` line (text);
// the original is an article with numbered paragraphs (stored on its Article node as the
// property `paragraphs`, a list of [number, begin, end] byte spans into its `text`, written
// by Extractor::Extract). A claim's citation markers are paragraph numbers of that original.
// Verdicts:
//   uncited       the claim's sentence has no citation marker;
//   unverifiable  the article names no original, the original is not ingested, it has no
//                 numbered paragraphs, or a marker is not one of its paragraph numbers;
//   verified      the cited paragraphs, together, mention the claim's subject, object and
//                 commodity and state its figures (amount, quantity, percent, period);
//   unsupported   they do not: `missing` lists what was not found, e.g. "percent 15%",
//                 "entity MP Materials", "period 2024".
// Entities are found in a paragraph by the gazetteer extraction uses (ingest/gazetteer.h:
// names and aliases on the normalized shadow text), figures by ingest/quantities.h, so a
// paragraph's "Pentagon" is the claim's U.S. Department of Defense and its "A$1.65 billion"
// the claim's 1650000000 AUD. A figure is stated when a paragraph figure of the same kind and
// unit agrees with it within the tolerance (figures.h); a period when a year or date in the
// paragraphs matches it. Reads only; a Verifier caches the articles and paragraphs it reads.
#ifndef KG_AUDIT_VERIFY_H_
#define KG_AUDIT_VERIFY_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "audit/figures.h"
#include "graph/store.h"
#include "ingest/gazetteer.h"
#include "ingest/quantities.h"

namespace kg::audit {

// Default: the relative tolerance for figures (2%).
inline constexpr double kDefaultTolerance = 0.02;

inline constexpr char kVerified[] = "verified";
inline constexpr char kUnsupported[] = "unsupported";
inline constexpr char kUnverifiable[] = "unverifiable";
inline constexpr char kUncited[] = "uncited";

struct Verification {
  std::string verdict;               // One of the four above.
  std::vector<std::string> missing;  // What was not found / why it cannot be checked.
  std::string source;                // The cited original's id, "" when none is named.
  std::vector<int> paragraphs;       // The cited paragraph numbers that exist in the source.
};

struct Paragraph {
  int number = 0;
  size_t begin = 0, end = 0;  // Byte span in StoredArticle::text.
};

// An article as stored (its Article node's properties).
struct StoredArticle {
  std::string id, title, text, cites;
  std::vector<Paragraph> paragraphs;  // Empty unless it is an original report.
};

// The verdict of a claim of an article that names no original (`cites` empty): uncited
// without citation markers, else unverifiable. Verifier::Verify gives the same.
Verification VerdictWithoutSource(const std::string& article, const std::vector<int>& citations);

// Reads one stored article; nullopt if the id is unknown.
absl::StatusOr<std::optional<StoredArticle>> LoadArticle(Txn& txn, const std::string& id);

// What verification needs to know about a claim.
struct ClaimFacts {
  std::string article;
  std::vector<int> citations;
  std::string subject_key, subject_name;
  std::string object_key, object_name;  // Both "" when the claim has no object.
  std::string commodity;                // Canonical name, "" when none.
  std::vector<Figure> figures;
  std::string period;
};

class Verifier {
 public:
  // The references must outlive the Verifier.
  Verifier(Txn& txn, const ingest::Gazetteer& gazetteer, const ingest::QuantityFinder& quantities,
           double tolerance);
  ~Verifier();
  Verifier(const Verifier&) = delete;
  Verifier& operator=(const Verifier&) = delete;

  absl::StatusOr<Verification> Verify(const ClaimFacts& claim);

  // The text of paragraph `number` of a stored report, "" if there is none.
  absl::StatusOr<std::string> ParagraphText(const std::string& report, int number);

 private:
  struct Analyzed {  // One paragraph, analysed once.
    std::set<std::string> entity_keys, entity_names;  // Names normalized (graph/names.h).
    std::vector<Figure> figures;
    std::vector<std::string> periods;
  };
  absl::StatusOr<const StoredArticle*> Article(const std::string& id);
  const Analyzed& Analyze(const StoredArticle& report, const Paragraph& p);

  Txn& txn_;
  const ingest::Gazetteer& gazetteer_;
  const ingest::QuantityFinder& quantities_;
  double tolerance_;
  std::map<std::string, std::optional<StoredArticle>> articles_;
  std::map<std::pair<std::string, int>, Analyzed> paragraphs_;
};

}  // namespace kg::audit

#endif  // KG_AUDIT_VERIFY_H_
