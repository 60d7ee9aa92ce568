// Runs every rule's own examples and negatives (schema/rules/*.rules) through the whole
// extractor: each example must yield a claim from that rule with the expected fields, each
// negative must yield none from it. Adding a case is adding an `example` line.
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "ingest/extract.h"
#include "ingest/read.h"
#include "ingest/rules.h"

namespace kg::ingest {
namespace {

std::string Name(const ArticleRecord& r, const std::string& key) {
  for (const EntityRecord& e : r.entities) {
    if (e.key == key) return e.name;
  }
  return "?" + key;
}

std::string Field(const ArticleRecord& r, const ClaimRecord& c, const std::string& field) {
  if (field == "subject") return Name(r, c.subject_key);
  if (field == "object") return c.object_key ? Name(r, *c.object_key) : "null";
  auto get = [&](const std::string& k) -> std::string {
    auto it = c.props.find(k);
    if (it == c.props.end()) return "";
    return it->second.is_string() ? it->second.as_string() : it->second.ToJson();
  };
  if (field == "amount") return absl::StrCat(get("amount"), " ", get("amount_unit"));
  if (field == "quantity") return absl::StrCat(get("quantity"), " ", get("quantity_unit"));
  return get(field);
}

class RulesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto x = Extractor::Load(DefaultSchemaDir());
    ASSERT_TRUE(x.ok()) << x.status();
    extractor_ = x->release();
  }
  static void TearDownTestSuite() { delete extractor_; }
  static ArticleRecord Run(const std::string& sentence, std::string* tagged = nullptr) {
    std::vector<SentenceTrace> trace;
    ArticleRecord r = extractor_->Extract(
        ParseTextArticle("example", "Example\n\n" + sentence + "\n"), &trace);
    if (tagged != nullptr) {
      for (const SentenceTrace& t : trace) {
        absl::StrAppend(tagged, "\n  tagged: ", t.tagged);
        for (const std::string& n : t.notes) absl::StrAppend(tagged, "\n    ", n);
      }
    }
    return r;
  }
  static Extractor* extractor_;
};
Extractor* RulesTest::extractor_ = nullptr;

TEST_F(RulesTest, EveryRuleHasAnExample) {
  for (const Rule& rule : extractor_->rules().rules()) {
    EXPECT_FALSE(rule.examples.empty()) << rule.id << " (" << rule.origin << ") has no example";
  }
}

TEST_F(RulesTest, ExamplesMatchWithExpectedFields) {
  int checked = 0;
  for (const Rule& rule : extractor_->rules().rules()) {
    for (const RuleExample& ex : rule.examples) {
      std::string seen;
      ArticleRecord r = Run(ex.text, &seen);
      // The claim must come from this rule, or from another rule that matched the same text
      // with an equal claim which consolidation kept instead ("dropped duplicate from <id>",
      // "dropped <id>, subsumed"): the rule does read its example, another one reads it too.
      // An `ends_from` reading that only adds its figures to a claim read already counts too.
      const bool merged_away =
          absl::StrContains(seen, absl::StrCat("consolidate: dropped duplicate from ", rule.id)) ||
          absl::StrContains(seen, absl::StrCat("consolidate: dropped ", rule.id, ", subsumed")) ||
          (absl::StrContains(seen, absl::StrCat("rule ", rule.id, " matched")) &&
           absl::StrContains(seen, ": adds its figures to "));
      bool found = false;
      for (const ClaimRecord& c : r.claims) {
        if (c.props.at("rule").as_string() != rule.id && !merged_away) continue;
        bool all = true;
        for (const auto& [field, want] : ex.expect) {
          std::string got = Field(r, c, field);
          if (got != want) {
            all = false;
            absl::StrAppend(&seen, "\n    ", field, ": got '", got, "' want '", want, "'");
          }
        }
        found |= all;
      }
      EXPECT_TRUE(found) << ex.origin << " rule " << rule.id << ": no matching claim for: "
                         << ex.text << seen;
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
}

TEST_F(RulesTest, NegativesDoNotMatch) {
  for (const Rule& rule : extractor_->rules().rules()) {
    for (const RuleExample& ex : rule.negatives) {
      ArticleRecord r = Run(ex.text);
      for (const ClaimRecord& c : r.claims) {
        EXPECT_NE(c.props.at("rule").as_string(), rule.id)
            << ex.origin << ": negative produced a claim: " << ex.text;
      }
    }
  }
}

TEST(RuleSetTest, LoadErrorsNameFileAndLine) {
  auto bad = RuleSet::FromText("rule x\ntype NOPE\n", "t.rules");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.rules:2"), std::string::npos) << bad.status();
  auto slot = RuleSet::FromText("rule y\ntype SUPPLIES\npattern {who:Company}\n", "u.rules");
  ASSERT_FALSE(slot.ok());
  EXPECT_NE(slot.status().message().find("u.rules:3"), std::string::npos) << slot.status();
  auto re = RuleSet::FromText("rule z\ntype SUPPLIES\npattern (unclosed\n", "v.rules");
  ASSERT_FALSE(re.ok());
  EXPECT_NE(re.status().message().find("v.rules:3"), std::string::npos) << re.status();
  auto dup = RuleSet::FromText(
      "rule a\ntype SUPPLIES\npattern x\nrule a\ntype SUPPLIES\npattern y\n", "w.rules");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate"), std::string::npos);
  auto section = RuleSet::FromText(
      "rule b\ntype PRODUCES\npattern {subject:Company} x\nfallback_section owner\n", "s.rules");
  ASSERT_FALSE(section.ok());
  EXPECT_NE(section.status().message().find("s.rules:4"), std::string::npos) << section.status();
  auto require = RuleSet::FromText(
      "rule c\ntype PRODUCES\npattern {subject:Company} x\nrequire subject\n", "r.rules");
  ASSERT_FALSE(require.ok());
  EXPECT_NE(require.status().message().find("r.rules:4"), std::string::npos) << require.status();
}

TEST(RuleSetTest, UnlessLinesExpandMacrosButRefuseSlots) {
  auto ok = RuleSet::FromText(
      "macro PART = \\bhalf of\n"
      "rule a\ntype HOLDS_STAKE\nunless {PART}\npattern {subject:Company} bought {object:Company}\n",
      "m.rules");
  ASSERT_TRUE(ok.ok()) << ok.status();
  auto unknown = RuleSet::FromText(
      "rule b\ntype HOLDS_STAKE\nunless {NOPE}\npattern {subject:Company} bought {object:Company}\n",
      "n.rules");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("n.rules:3"), std::string::npos) << unknown.status();
  auto slot = RuleSet::FromText(
      "rule c\ntype HOLDS_STAKE\nunless {subject:Company}\npattern {subject:Company} x\n",
      "o.rules");
  ASSERT_FALSE(slot.ok());
  EXPECT_NE(slot.status().message().find("o.rules:3"), std::string::npos) << slot.status();
}

TEST(RuleSetTest, HugeProgramsAreRefusedWithAHint) {
  // A counted repetition of a group compiles to thousands of RE2 instructions and makes
  // extraction slow; the loader names the rule and says how to write it instead.
  auto big = RuleSet::FromText(
      "rule slow\ntype SUPPLIES\npattern {subject:Company}(?:[^<.]|<YEAR#\\d+>){0,300}? sells\n",
      "big.rules");
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("big.rules:3"), std::string::npos) << big.status();
  EXPECT_NE(big.status().message().find("*?"), std::string::npos) << big.status();
}

TEST(RuleSetTest, PrefilterKeepsEveryMatch) {
  // Rules with literals ("sells", "buys") and one with none besides its tags: each sentence
  // gets exactly the matches that running every pattern would give, in rule order.
  auto set = RuleSet::FromText(
      "rule a\ntype SUPPLIES\npattern {subject:Company}[^<]*? sells [^<]*?to {object:Company}\n"
      "rule b\ntype SUPPLIES\npattern {object:Company}[^<]*? BUYS from {subject:Company}\n"
      "rule c\ntype LOCATED_IN\npattern {subject:Facility} in {object:Country}\n",
      "p.rules");
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_TRUE((*set)->Match("<Company#0> makes magnets for <Company#1>.").empty());
  auto m = (*set)->Match("<Company#0> Sells oxide to <Company#1>, which buys from <Company#2>.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].rule->id, "a");
  EXPECT_EQ(m[1].rule->id, "b");
  EXPECT_EQ(m[1].slots.at("subject"), "<Company#2>");
  auto c = (*set)->Match("<Facility#0> in <Country#1>");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].rule->id, "c");
}

// A set large enough to be compiled in several prefilter shards (rules.h): 100 rules, each
// with its own literal word, then the three of PrefilterKeepsEveryMatch.
std::string ManyRules(absl::string_view extra) {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    absl::StrAppend(&text, "rule many", i, "\ntype SUPPLIES\npattern {subject:Company} word", i,
                    "x to {object:Company}\n");
  }
  return absl::StrCat(text, extra);
}

TEST(RuleSetTest, ShardedPrefilterKeepsEveryMatchInRuleOrder) {
  auto set = RuleSet::FromText(
      ManyRules("rule a\ntype SUPPLIES\npattern {subject:Company}[^<]*? sells [^<]*?to "
                "{object:Company}\n"
                "rule b\ntype SUPPLIES\npattern {object:Company}[^<]*? BUYS from "
                "{subject:Company}\n"
                "rule c\ntype LOCATED_IN\npattern {subject:Facility} in {object:Country}\n"),
      "many.rules");
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_EQ((*set)->rules().size(), 103u);
  for (const Rule& rule : (*set)->rules()) EXPECT_EQ(rule.patterns.size(), 1u) << rule.id;
  auto m = (*set)->Match(
      "<Company#0> word97x to <Company#1>; <Company#2> sells oxide to <Company#3>, which buys "
      "from <Company#4>; <Company#5> word3x to <Company#6>.");
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].rule->id, "many3");
  EXPECT_EQ(m[0].slots.at("subject"), "<Company#5>");
  EXPECT_EQ(m[1].rule->id, "many97");
  EXPECT_EQ(m[2].rule->id, "a");
  EXPECT_EQ(m[3].rule->id, "b");
  EXPECT_EQ(m[3].slots.at("subject"), "<Company#4>");
  auto c = (*set)->Match("<Facility#0> in <Country#1>");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].rule->id, "c");
}

TEST(RuleSetTest, ShardedLoadNamesTheFirstBadPatternsLine) {
  // Two bad patterns in different shards: the error is the first in file order, as a
  // sequential load reports it. Each many-rule takes 3 lines; line 301 is the first extra one.
  auto bad = RuleSet::FromText(
      ManyRules("rule z\ntype SUPPLIES\npattern (unclosed\n"
                "rule y\ntype SUPPLIES\npattern [unclosed\n"),
      "many.rules");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("many.rules:303"), std::string::npos) << bad.status();
  EXPECT_NE(bad.status().message().find("rule z"), std::string::npos) << bad.status();
}

TEST(RuleSetTest, SlotsExpandToTaggedCaptures) {
  auto set = RuleSet::FromText(
      "define AGENT = Company|Country\nrule r\ntype SUPPLIES\n"
      "pattern {subject:AGENT} sells to {object:Country}\n",
      "x.rules");
  ASSERT_TRUE(set.ok()) << set.status();
  auto m = (*set)->Match("<Company#0> sells to <Country#1> and <Company#2> sells to <Country#3>");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].slots.at("subject"), "<Company#0>");
  EXPECT_EQ(m[1].slots.at("object"), "<Country#3>");
}

TEST(RuleSetTest, CompanyDescriptionGoesBeforeCompanySlots) {
  // COMPANY_DESC, when defined, lets a description stand before a slot that can be a company
  // or a government ("to Chinese converter <Company>"), outside the slot; not before other
  // slots, not at a pattern's start.
  auto set = RuleSet::FromText(
      "macro COMPANY_DESC = (?:<Demonym#\\d+> (?:converter|agency) )?\n"
      "rule r\ntype SUPPLIES\npattern {subject:Company} sells to {object:Company}\n"
      "rule l\ntype LOCATED_IN\npattern {subject:Facility} in {object:Country}\n",
      "d.rules");
  ASSERT_TRUE(set.ok()) << set.status();
  auto m = (*set)->Match("<Company#0> sells to <Demonym#1> converter <Company#2>");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].slots.at("object"), "<Company#2>");
  EXPECT_TRUE((*set)->Match("<Facility#0> in <Demonym#1> converter <Country#2>").empty());
  auto plain = RuleSet::FromText(
      "rule r\ntype SUPPLIES\npattern {subject:Company} sells to {object:Company}\n", "e.rules");
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_TRUE((*plain)->Match("<Company#0> sells to <Demonym#1> converter <Company#2>").empty());
}

}  // namespace
}  // namespace kg::ingest
