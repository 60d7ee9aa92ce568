// extract: one Document -> the ArticleRecord the store writes (claims with provenance,
// mentioned entities), by running the stages: segment -> quantities -> entities ->
// coreference -> claim rules -> context (negation, modality, status) -> consolidate.
//
// An Extractor is built once from a schema folder (schema/entities.tsv,
// schema/company_suffixes.txt, schema/context.tsv, schema/downstream.tsv, schema/stages.tsv,
// schema/rules/*.rules) and is immutable:
// Extract() is const and thread-safe. Extract() never fails on text; odd text just yields
// fewer claims. With a non-null trace it records, per sentence, the tagged form, every rule
// match and why a candidate was dropped (for `kg explain-extraction`).
#ifndef KG_INGEST_EXTRACT_H_
#define KG_INGEST_EXTRACT_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "ingest/document.h"
#include "ingest/gazetteer.h"
#include "ingest/quantities.h"
#include "ingest/rules.h"

namespace kg::ingest {

struct SentenceTrace {
  std::string section;
  std::string sentence;
  std::vector<int> citations;
  std::string tagged;
  std::vector<std::string> found;  // Per tag "#i": its words and, for an entity, what it names.
  std::vector<std::string> notes;  // "match rule R: …", "dropped R: negated (not)", "claim …".
};

class Extractor {
 public:
  static absl::StatusOr<std::unique_ptr<Extractor>> Load(const std::string& schema_dir);

  ArticleRecord Extract(const Document& doc, std::vector<SentenceTrace>* trace = nullptr) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const RuleSet& rules() const { return *rules_; }
  // Changes whenever any schema file changes; part of every article's content hash, so a
  // new rule set re-extracts articles that are ingested again.
  uint64_t fingerprint() const { return fingerprint_; }

 private:
  struct Trigger {
    std::string kind;  // negation, hypothetical, planned, agreed, completed
    std::unique_ptr<RE2> re;
  };
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<QuantityFinder> quantities_;
  std::vector<Trigger> triggers_;
  // Entity index -> tier in the value chain (schema/downstream.tsv); unlisted is 0.
  std::map<int, int> tiers_;
  // Commodity entity index -> the stage of a capacity of it (schema/stages.tsv).
  std::map<int, std::string> stages_;
  // Company entity index -> its home country's entity index (schema/company_countries.tsv).
  std::map<int, int> home_countries_;
  // A key-figure line opened by a label of owners ("Ownership:", "Controlling shareholder:"),
  // built from the rules' macro OWNERS_LABEL; null when the rules define none.
  std::unique_ptr<RE2> owners_label_;
  // The good a capacity or output in GWh is of when none is named right after it (the listed
  // "battery cells"), or -1.
  int energy_good_ = -1;
  // The good a capacity or output in barrels is of when none is named right after it (the
  // listed "crude oil"), or -1.
  int barrel_good_ = -1;
  // The good a capacity in TEU is of (the listed "containers"), or -1.
  int teu_good_ = -1;
  uint64_t fingerprint_ = 0;

  friend class ExtractorInternal;
};

// The default schema folder: $KG_SCHEMA if set, else the source tree's schema/.
std::string DefaultSchemaDir();

}  // namespace kg::ingest

#endif  // KG_INGEST_EXTRACT_H_
