// rules: claim extraction rules, loaded from schema/rules/*.rules and compiled once with RE2.
//
// A rule is a pattern over a *tagged sentence*: the sentence with every entity mention and
// quantity replaced by a tag `<Label#i>` (Company, Government, Country, Facility, Commodity,
// Person) or `<KIND#i>` (MONEY, MASS, PERCENT, YEAR, DATE), where i indexes the sentence's
// items. The file format is documented in schema/README.md; in short:
//
//   define AGENT = Company|Government|Country      # slot type alternatives
//   macro GAP = (?:[^<.;]|<(?:Commodity|YEAR)#\d+>){0,80}?   # raw regex, used as {GAP}
//   rule invest.amount_in                          # id, then the rule's lines
//   type INVESTS_IN
//   pattern {subject:AGENT}{GAP} invested {amount:MONEY} in {object:Company}
//   set instrument=equity                          # fixed qualifiers (repeatable)
//   fallback object=Company                        # end not in the pattern: nearest such tag
//   fallback_section object                        # ... else the section's latest commodity
//   require object                                 # no object filled: no claim
//   ends_from HOLDS_STAKE                          # ends: those of an overlapping claim of
//                                                  # the type in the sentence, else no claim
//   topic object=Facility|Company                  # end not in the pattern: the key-figure
//                                                  # heading's topic, else no claim
//   owner subject                                  # subject not in the pattern: the owner or
//                                                  # operator the box named, else no claim
//   rate output                                    # a planned yearly rate stays output
//   customer site                                  # SUPPLIES: a port may be the customer
//   unless \bdesigned to\b                        # drop a match whose text has this
//   unless_before \bfor <MONEY#\d+> for $             # or whose 40 bytes before end in this
//   subject_is Export-Import Bank|Loan Programs      # keep only a subject whose canonical name
//   subject_not Export-Import Bank|Loan Programs     # has this (subject_is) or has not (subject_not)
//   example The Pentagon has invested $400 million in MP Materials. => object=MP Materials
//                                                  # ("\n" in an example's text: a line break)
//   negative The Pentagon did not invest in MP Materials.
//
// Slots: subject, object, amount, quantity, percent, period, commodity; literal captures
// (?P<rank>…), (?P<stage>…), (?P<basis>…) are plain RE2 groups. Patterns are
// case-insensitive. Loading fails with file:line on any error (unknown key, bad regex,
// unknown slot type, duplicate id, a pattern that compiles to more than kMaxProgramSize RE2
// instructions — write gaps as `*?`, not `{0,120}?`). Immutable after loading; thread-safe.
//
// Matching is prefiltered (RE2's FilteredRE2): the literal strings a pattern cannot match
// without ("invested", "<money#") are found in one pass over the lowercased sentence, and only
// the patterns whose literals are all present run with captures. Results are the same as
// running every pattern; on the corpus it makes matching ~40x cheaper. Compiling ~1,250
// patterns is most of a command's start-up, so the patterns are split into one prefilter
// shard per core (at most 4), compiled in parallel; one set of all shards' atoms still finds
// them in one pass.
#ifndef KG_INGEST_RULES_H_
#define KG_INGEST_RULES_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/status/statusor.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace kg::ingest {

struct RuleExample {
  std::string text;
  std::map<std::string, std::string> expect;  // field -> expected value (see rules_test).
  std::string origin;                          // file:line
};

struct Rule {
  std::string id;
  std::string type;
  std::vector<std::string> sources;               // Patterns as written.
  std::vector<const RE2*> patterns;               // Compiled, slots expanded (owned by the
                                                  // RuleSet's prefilter).
  std::map<std::string, std::string> set;         // Fixed qualifiers.
  std::map<std::string, std::string> fallback;    // slot -> tag types (nearest in sentence).
  // {"object"} when the object's fallback, with none in the sentence, is the section's latest
  // commodity (`fallback_section object`).
  std::set<std::string> fallback_section;
  // slot -> tag types: a slot the pattern leaves out is the topic of the key-figure heading
  // above the line ("Thacker Pass (Nevada):" over "- Operator: Lithium Americas") when the
  // topic has one of these labels; with no such topic the match gives no claim.
  std::map<std::string, std::string> topic;
  std::map<std::string, std::string> slot_types;  // slot -> "|Company|Facility|": the tag
                                                  // types it accepts in any pattern.
  int priority = 0;                               // Higher wins when claims collide.
  // "direction downstream": the text names two parties and not who sells; the end further
  // downstream (schema/downstream.tsv) is the object, and a match between two ends of one
  // tier, or unlisted ones, is dropped.
  bool by_downstream = false;
  // "ends_from HOLDS_STAKE": a reading of what another claim of the sentence implies — the
  // price paid for a stake, the stake an investment bought. The ends the pattern leaves out are
  // those of a claim of that type whose match overlaps this one (a subject the pattern names
  // must be that claim's); with no such claim, the match gives none. Empty: an ordinary rule.
  std::string ends_from;
  // "require object": a match whose object no pattern slot or fallback filled gives no claim.
  bool require_object = false;
  // "customer site": SUPPLIES of goods a site uses itself (cranes for a port), so a port may be
  // the customer; elsewhere goods sent to a port pass through it and the port is no customer.
  bool site_customer = false;
  // "owner subject": a subject the pattern leaves out is the owner or operator that the
  // key-figure box's earlier lines named for its topic ("- Owner and operator: Wacker Chemie"
  // over "- Investment: about $2.5 billion"); with none, the match gives no claim.
  bool subject_is_box_owner = false;
  // "rate output": a planned yearly figure this rule reads stays output (PRODUCES), not the
  // capacity that a planned "… a year" otherwise becomes.
  bool rate_is_output = false;
  // "held before": the company or site a HOLDS_STAKE pattern leaves out is that of the stake
  // this sentence or the one before named ("The purchases made Hancock the largest
  // shareholder"); with none, the match gives no claim (another name in the sentence is never
  // taken for it).
  bool object_held_before = false;
  std::vector<std::unique_ptr<RE2>> unless;       // A match containing one is dropped.
  // A match whose preceding 40 bytes of tagged text contain one is dropped.
  std::vector<std::unique_ptr<RE2>> unless_before;
  // The subject's canonical name must match one of `subject_is` (when any) and none of
  // `subject_not`: money from a lending institution is a loan even when the text says only
  // "secured US$102 million from the DOE Loan Programs Office".
  std::vector<std::unique_ptr<RE2>> subject_is;
  std::vector<std::unique_ptr<RE2>> subject_not;
  std::vector<RuleExample> examples;
  std::vector<RuleExample> negatives;
  std::string origin;
};

// One match of one rule in a tagged sentence.
struct RuleMatch {
  const Rule* rule = nullptr;
  size_t begin = 0, end = 0;                     // Match span in the tagged string.
  std::map<std::string, absl::string_view> slots; // Slot/capture name -> matched text.
};

class RuleSet {
 public:
  // Patterns larger than this (RE2 instructions) are refused: counted repetitions of big
  // groups make programs of thousands of instructions, and matching then costs milliseconds
  // per sentence instead of microseconds.
  static constexpr int kMaxProgramSize = 2000;

  // Loads every *.rules file of the folder, in name order.
  static absl::StatusOr<std::unique_ptr<RuleSet>> LoadDir(const std::string& dir);
  // Loads rules from text (tests). `origin` names the text in errors.
  static absl::StatusOr<std::unique_ptr<RuleSet>> FromText(absl::string_view text,
                                                           absl::string_view origin);

  // All matches of all rules, rule order then position; a rule's matches do not overlap.
  std::vector<RuleMatch> Match(absl::string_view tagged) const;

  const std::vector<Rule>& rules() const { return rules_; }
  // The body of the macro `name` as the rule files define it; null when none does.
  const std::string* macro(const std::string& name) const {
    auto it = macros_.find(name);
    return it == macros_.end() ? nullptr : &it->second;
  }
  uint64_t fingerprint() const { return fingerprint_; }

 private:
  absl::Status Parse(absl::string_view text, absl::string_view origin);
  // "Company|AGENT" -> "Company|Company|Government|Country"; false on an unknown type.
  bool ExpandTypes(absl::string_view types, std::string* out) const;
  // Compiles the patterns Parse collected into the prefilter shards and sets every rule's
  // `patterns`; after the last Parse. Errors name the pattern's file and line.
  absl::Status CompileFilter();

  std::map<std::string, std::string> defines_;  // Slot type -> alternatives.
  std::map<std::string, std::string> macros_;   // Name -> raw regex.
  std::vector<Rule> rules_;
  uint64_t fingerprint_ = 0;
  // A pattern as Parse expanded it, compiled by CompileFilter.
  struct Pending {
    size_t rule;          // Index in rules_.
    std::string regex;    // Slots expanded.
    std::string origin;   // File.
    int line = 0;
  };
  std::vector<Pending> pending_;
  // Prefilter shard: filter holds its patterns (local id i is global pattern global[i]) and
  // names its literal atoms.
  struct Shard {
    std::unique_ptr<re2::FilteredRE2> filter;
    std::vector<std::string> atoms;
    std::vector<int> global;
  };
  std::vector<Shard> shards_;
  // Every shard's atoms in one set, matched on a lowercased sentence; atom_owner_[i] is the
  // shard and the shard's atom id of atom i (null: no atoms).
  std::unique_ptr<RE2::Set> atoms_;
  std::vector<std::pair<int, int>> atom_owner_;
  struct PatternRef {
    const Rule* rule;
    const RE2* re;
  };
  std::vector<PatternRef> patterns_;  // Global pattern id -> rule and compiled pattern.
};

}  // namespace kg::ingest

#endif  // KG_INGEST_RULES_H_
