// End-to-end tests of the kg command line: usage and exit codes, ingest (seed, re-ingest,
// edits, bad input, gold files) and export (SPEC §1, §3). Every test runs the real binary
// (KG_BINARY) against its own database in a fresh temporary folder.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/kg_runner.h"

namespace kg_e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;


// A small article of our own, so that ingest tests also run without the seed folder.
constexpr char kLynasV1[] =
    "Lynas expands in Japan\n"
    "\n"
    "Lynas Rare Earths supplies NdPr oxide to Japan. "
    "The Pentagon has invested $120 million in Lynas Rare Earths.\n";
// The same article edited: a new amount, and the supply sentence removed.
constexpr char kLynasV2[] =
    "Lynas expands in Japan\n"
    "\n"
    "The Pentagon has invested $258 million in Lynas Rare Earths.\n";
constexpr char kApple[] =
    "Apple backs MP Materials\n"
    "\n"
    "Apple has invested $500 million in MP Materials.\n";

bool IsClaim(const Json& c, const std::string& type, const std::string& subject,
             const std::string& object) {
  return c.value("type", "") == type && NameOf(c.value("subject", Json())) == subject &&
         NameOf(c.value("object", Json())) == object;
}

int64_t AmountValue(const Json& c) {
  if (!c.contains("qualifiers") || !c["qualifiers"].contains("amount")) return -1;
  const Json& a = c["qualifiers"]["amount"];
  return a.contains("value") && a["value"].is_number_integer() ? a["value"].get<int64_t>() : -1;
}

std::set<std::string> ArticlesIn(const std::vector<Json>& claims) {
  std::set<std::string> out;
  for (const Json& c : claims) out.insert(c["source"].value("article", ""));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Usage and exit codes.

using UsageTest = KgTest;

TEST_F(UsageTest, NoCommandExits2) {
  RunResult r = KgRaw({});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_FALSE(r.err.empty()) << Describe(r);

  r = Kg({});  // only --db DIR, still no command
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
}

TEST_F(UsageTest, UnknownCommandExits2AndNamesIt) {
  RunResult r = Kg({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("frobnicate"));
}

TEST_F(UsageTest, HelpExits0) {
  RunResult r = KgRaw({"--help"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("usage"));
  EXPECT_THAT(r.out, HasSubstr("ingest"));

  r = KgRaw({"ingest", "--help"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("ingest"));

  for (const char* command : {"export", "query", "stats", "compact", "explain-extraction"}) {
    r = KgRaw({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << Describe(r);
    EXPECT_THAT(r.out, HasSubstr("usage")) << command;
  }
}

TEST_F(UsageTest, HelpDoesNotCreateOrTouchTheDatabase) {
  RunResult r = Kg({"ingest", "--help"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_FALSE(std::filesystem::exists(db_));
}

TEST_F(UsageTest, MissingArgumentsAreUsageErrors) {
  EXPECT_EQ(Kg({"ingest"}).exit_code, 2);
  EXPECT_EQ(Kg({"query", "--format"}).exit_code, 2);
  EXPECT_EQ(Kg({"export", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(Kg({"export", "--format", "jsonl", "--what", "everything"}).exit_code, 2);
  EXPECT_EQ(Kg({"query", "--format", "yaml", "RETURN 1"}).exit_code, 2);
  EXPECT_EQ(KgRaw({"--db"}).exit_code, 2);
}

TEST_F(UsageTest, MissingInputFileIsBadInputAndNamed) {
  std::string missing = dir_ + "/no-such-article.txt";
  RunResult r = Kg({"ingest", missing});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("no-such-article.txt"));
}

// ---------------------------------------------------------------------------------------------
// The seed article: ingest and export.

class SeedTest : public KgTest {
 protected:
  void SetUp() override {
    KgTest::SetUp();
    if (HasFatalFailure()) return;
    std::string seed_dir = SeedDir();
    if (seed_dir.empty()) GTEST_SKIP() << "no seed folder at $KG_SOURCE_DIR/../shared/seed";
    seed_ = seed_dir + "/" + kSeedId + ".txt";
    ASSERT_TRUE(std::filesystem::exists(seed_)) << seed_;
    RunResult r = Kg({"ingest", seed_});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
    ingest_out_ = r.out;
  }

  std::string seed_;
  std::string ingest_out_;
};

TEST_F(SeedTest, FirstIngestReportsOneNewArticle) {
  EXPECT_THAT(ingest_out_, HasSubstr("1 new"));
  EXPECT_THAT(ingest_out_, Not(HasSubstr("problem")));
}

TEST_F(SeedTest, ExportedClaimsHaveTheContractShape) {
  std::vector<Json> claims = ExportClaims();
  ASSERT_FALSE(claims.empty());
  const std::set<std::string> types = {"INVESTS_IN", "LENDS_TO",        "HOLDS_STAKE", "SUPPLIES",
                                       "PRODUCES",   "HAS_CAPACITY",    "OPERATES",    "LOCATED_IN",
                                       "DEPENDS_ON", "RESTRICTS_EXPORT"};
  const std::set<std::string> labels = {"Company",  "Government", "Country",
                                        "Facility", "Commodity",  "Person"};
  std::set<std::string> ids;
  for (const Json& c : claims) {
    SCOPED_TRACE(c.dump());
    ASSERT_TRUE(c.is_object());
    for (const char* key : {"id", "type", "subject", "object", "qualifiers", "source", "rule"}) {
      EXPECT_TRUE(c.contains(key)) << "missing key " << key;
    }
    if (!c.contains("source") || !c.contains("subject")) continue;
    EXPECT_TRUE(c["id"].is_string() && !c["id"].get<std::string>().empty());
    EXPECT_TRUE(ids.insert(c.value("id", "")).second) << "duplicate claim id";
    EXPECT_TRUE(types.count(c.value("type", ""))) << "unknown type";
    EXPECT_TRUE(c["rule"].is_string() && !c["rule"].get<std::string>().empty());
    EXPECT_TRUE(c["qualifiers"].is_object());

    const Json& subject = c["subject"];
    ASSERT_TRUE(subject.is_object());
    for (const char* key : {"id", "name", "label"}) {
      EXPECT_TRUE(subject.contains(key) && subject[key].is_string()) << "subject." << key;
    }
    EXPECT_TRUE(labels.count(subject.value("label", ""))) << "subject label";
    const Json& object = c["object"];
    EXPECT_TRUE(object.is_null() || object.is_object());
    if (object.is_object()) {
      for (const char* key : {"id", "name", "label"}) {
        EXPECT_TRUE(object.contains(key) && object[key].is_string()) << "object." << key;
      }
    }

    const Json& source = c["source"];
    ASSERT_TRUE(source.is_object());
    for (const char* key : {"article", "section", "sentence", "span", "citations"}) {
      EXPECT_TRUE(source.contains(key)) << "source." << key;
    }
    EXPECT_EQ(source.value("article", ""), kSeedId);
    EXPECT_TRUE(source["section"].is_string());
    EXPECT_TRUE(source["sentence"].is_string());
    EXPECT_TRUE(source["span"].is_array() && source["span"].size() == 2);
    ASSERT_TRUE(source["citations"].is_array());
    for (const Json& n : source["citations"]) EXPECT_TRUE(n.is_number_integer());
  }
}

TEST_F(SeedTest, SpansSliceTheOriginalFile) {
  const std::string bytes = ReadFileBytes(seed_);
  std::vector<Json> claims = ExportClaims();
  ASSERT_FALSE(claims.empty());
  for (const Json& c : claims) {
    SCOPED_TRACE(c.dump());
    const Json& span = c["source"]["span"];
    ASSERT_TRUE(span.is_array() && span.size() == 2 && span[0].is_number_integer() &&
                span[1].is_number_integer());
    int64_t b = span[0].get<int64_t>(), e = span[1].get<int64_t>();
    ASSERT_LE(0, b);
    ASSERT_LT(b, e);
    ASSERT_LE(e, static_cast<int64_t>(bytes.size()));
    std::string slice = bytes.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
    std::string sentence = c["source"].value("sentence", "");
    ASSERT_FALSE(sentence.empty());
    // Citation markers may be stripped from the sentence, so compare its start only.
    std::string start = sentence.substr(0, 20);
    EXPECT_THAT(slice, HasSubstr(start)) << "span [" << b << "," << e << ")";
  }
}

TEST_F(SeedTest, PentagonInvestmentInMpMaterials) {
  std::vector<Json> claims = ExportClaims();
  std::vector<Json> found;
  for (const Json& c : claims) {
    if (IsClaim(c, "INVESTS_IN", kDod, "MP Materials")) found.push_back(c);
  }
  ASSERT_EQ(found.size(), 1u) << ExportText();
  const Json& c = found[0];
  SCOPED_TRACE(c.dump());
  EXPECT_EQ(c["subject"].value("label", ""), "Government");
  EXPECT_EQ(c["object"].value("label", ""), "Company");
  ASSERT_TRUE(c["qualifiers"].contains("amount"));
  EXPECT_EQ(c["qualifiers"]["amount"], (Json{{"value", 400000000}, {"unit", "USD"}}));
  EXPECT_TRUE(c["qualifiers"]["amount"]["value"].is_number_integer());
  EXPECT_EQ(c["source"]["citations"], Json::array({3}));
  EXPECT_EQ(c["source"].value("section", ""), "Group 1: U.S. Investments and Developments");
  EXPECT_THAT(c["source"].value("sentence", ""),
              HasSubstr("has invested $400 million in MP Materials"));
}

TEST_F(SeedTest, ExportedEntitiesHaveIdNameLabelAliases) {
  std::vector<Json> entities = ExportEntities();
  ASSERT_FALSE(entities.empty());
  bool found_dod = false, found_us = false;
  std::set<std::string> ids;
  for (const Json& e : entities) {
    SCOPED_TRACE(e.dump());
    ASSERT_TRUE(e.is_object());
    for (const char* key : {"id", "name", "label", "aliases"}) {
      EXPECT_TRUE(e.contains(key)) << "missing key " << key;
    }
    if (!e.contains("aliases") || !e.contains("name")) continue;
    EXPECT_TRUE(ids.insert(e.value("id", "")).second) << "duplicate entity id";
    ASSERT_TRUE(e["aliases"].is_array());
    for (const Json& a : e["aliases"]) EXPECT_TRUE(a.is_string());
    std::vector<std::string> aliases = e["aliases"].get<std::vector<std::string>>();
    if (e.value("name", "") == kDod) {
      found_dod = true;
      EXPECT_EQ(e.value("label", ""), "Government");
      EXPECT_THAT(aliases, ::testing::Contains("Pentagon"));
    }
    if (e.value("name", "") == "United States") {
      found_us = true;
      EXPECT_EQ(e.value("label", ""), "Country");
      EXPECT_THAT(aliases, ::testing::Contains("U.S."));
    }
  }
  EXPECT_TRUE(found_dod) << ExportText("entities");
  EXPECT_TRUE(found_us) << ExportText("entities");
}

TEST_F(SeedTest, ReingestingUnchangedFileChangesNothing) {
  const std::string claims_before = ExportText("claims");
  const std::string entities_before = ExportText("entities");
  RunResult stats_before = Kg({"stats"});
  ASSERT_EQ(stats_before.exit_code, 0) << Describe(stats_before);
  ASSERT_FALSE(claims_before.empty());

  RunResult r = Kg({"ingest", seed_});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("unchanged"));
  EXPECT_THAT(r.out, HasSubstr("0 new"));
  EXPECT_THAT(r.out, HasSubstr("0 replaced"));

  EXPECT_EQ(ExportText("claims"), claims_before);
  EXPECT_EQ(ExportText("entities"), entities_before);
  EXPECT_EQ(Kg({"stats"}).out, stats_before.out);
}

// `kg compact` rewrites the files, not the graph: the same answers after it, and it neither
// creates a missing database nor runs beside a writer.
TEST_F(SeedTest, CompactKeepsTheGraphAndNeedsAnExistingDatabase) {
  const std::string claims_before = ExportText("claims");
  const std::string entities_before = ExportText("entities");
  ASSERT_FALSE(claims_before.empty());
  RunResult r = Kg({"compact"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("compacted"));
  EXPECT_EQ(ExportText("claims"), claims_before);
  EXPECT_EQ(ExportText("entities"), entities_before);

  const std::string missing = dir_ + "/no-such-db";
  r = KgRaw({"--db", missing, "compact"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("no database"));
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(SeedTest, GoldFileNextToSeedIsSkippedSilently) {
  std::string folder = dir_ + "/in";
  Write("in/" + std::string(kSeedId) + ".txt", ReadFileBytes(seed_));
  std::string gold = SeedDir() + "/" + kSeedId + ".gold.json";
  if (std::filesystem::exists(gold)) {
    Write("in/" + std::string(kSeedId) + ".gold.json", ReadFileBytes(gold));
  }
  RunResult r = Kg({"ingest", folder});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.err, Not(HasSubstr("gold")));
  EXPECT_THAT(r.out, Not(HasSubstr("problem")));
  EXPECT_THAT(r.out, HasSubstr("unchanged"));  // same bytes as the seed ingested in SetUp
  EXPECT_EQ(ArticlesIn(ExportClaims()), std::set<std::string>{kSeedId});
}

// ---------------------------------------------------------------------------------------------
// Articles of our own: edits, bad input, gold files.

using IngestTest = KgTest;

TEST_F(IngestTest, EditedArticleReplacesItsOldClaimsOnly) {
  std::string lynas = Write("in/lynas-deal.txt", kLynasV1);
  Write("in/apple-deal.txt", kApple);
  RunResult r = Kg({"ingest", dir_ + "/in"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("2 new"));

  const std::string before = ExportText();
  std::vector<Json> v1 = ClaimsOf(ParseJsonLines(before), "lynas-deal");
  auto has = [](const std::vector<Json>& claims, auto pred) {
    return std::any_of(claims.begin(), claims.end(), pred);
  };
  EXPECT_TRUE(has(v1, [](const Json& c) {
    return IsClaim(c, "SUPPLIES", "Lynas Rare Earths", "Japan") &&
           c["qualifiers"].value("commodity", "") == "NdPr oxide";
  })) << before;
  EXPECT_TRUE(has(v1, [](const Json& c) {
    return IsClaim(c, "INVESTS_IN", kDod, "Lynas Rare Earths") && AmountValue(c) == 120000000;
  })) << before;
  const std::vector<std::string> apple_before = LinesOf(before, "apple-deal");
  ASSERT_FALSE(apple_before.empty()) << before;

  WriteFileBytes(lynas, kLynasV2);
  r = Kg({"ingest", lynas});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("1 replaced"));

  const std::string after = ExportText();
  std::vector<Json> v2 = ClaimsOf(ParseJsonLines(after), "lynas-deal");
  EXPECT_FALSE(has(v2, [](const Json& c) { return c.value("type", "") == "SUPPLIES"; }))
      << "the removed supply sentence still has a claim:\n"
      << after;
  EXPECT_FALSE(has(v2, [](const Json& c) { return AmountValue(c) == 120000000; }))
      << "the old amount is still there:\n"
      << after;
  EXPECT_TRUE(has(v2, [](const Json& c) {
    return IsClaim(c, "INVESTS_IN", kDod, "Lynas Rare Earths") && AmountValue(c) == 258000000 &&
           c["qualifiers"]["amount"].value("unit", "") == "USD";
  })) << after;
  for (const Json& c : v2) {
    EXPECT_THAT(c["source"].value("sentence", ""), Not(HasSubstr("supplies"))) << c.dump();
  }
  EXPECT_EQ(LinesOf(after, "apple-deal"), apple_before);

  // The edited version, ingested again, is unchanged.
  r = Kg({"ingest", lynas});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_THAT(r.out, HasSubstr("1 unchanged"));
  EXPECT_EQ(ExportText(), after);
}

TEST_F(IngestTest, SpansOfPlainProseSliceTheSentenceExactly) {
  std::string path = Write("in/lynas-deal.txt", kLynasV1);
  RunResult r = Kg({"ingest", path});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const std::string bytes = ReadFileBytes(path);
  std::vector<Json> claims = ExportClaims();
  ASSERT_FALSE(claims.empty());
  for (const Json& c : claims) {
    SCOPED_TRACE(c.dump());
    const Json& span = c["source"]["span"];
    ASSERT_TRUE(span.is_array() && span.size() == 2);
    int64_t b = span[0].get<int64_t>(), e = span[1].get<int64_t>();
    ASSERT_TRUE(0 <= b && b < e && e <= static_cast<int64_t>(bytes.size()));
    // No citation markers here: the span is the sentence itself.
    EXPECT_EQ(bytes.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)),
              c["source"].value("sentence", ""));
    EXPECT_EQ(c["source"]["citations"], Json::array());
  }
}

TEST_F(IngestTest, BadFilesInABatchAreReportedAndTheRestGoesIn) {
  // Something stored before the batch.
  std::string apple = Write("before/apple-deal.txt", kApple);
  RunResult r = Kg({"ingest", apple});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const std::vector<std::string> apple_before = LinesOf(ExportText(), "apple-deal");
  ASSERT_FALSE(apple_before.empty());

  Write("batch/bad-utf8.txt",
        std::string("Broken\n\nLynas Rare Earths \xff\xfe supplies Japan.\n"));
  Write("batch/empty.txt", "");
  constexpr char kBinary[] = "PK\x03\x04\0\0\x01\x02garbage\0\0";
  Write("batch/blob.txt", std::string(kBinary, sizeof kBinary - 1));
  Write("batch/mixed.jsonl",
        "{\"id\":\"j-magnets\",\"title\":\"Magnets\",\"text\":\"Apple supplies magnets to "
        "Japan.\"}\n"
        "{\"id\":\"j-broken\",\"title\":\n"
        "{\"id\":\"j-ndpr\",\"title\":\"NdPr\",\"text\":\"Lynas Rare Earths supplies NdPr oxide "
        "to Japan.\"}\n");
  Write("batch/lynas-deal.txt", kLynasV1);

  r = Kg({"ingest", dir_ + "/batch"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  for (const char* bad : {"bad-utf8.txt", "empty.txt", "blob.txt", "mixed.jsonl:2"}) {
    EXPECT_THAT(r.err, HasSubstr(bad)) << Describe(r);
  }
  EXPECT_THAT(r.err, Not(HasSubstr("mixed.jsonl:1"))) << Describe(r);
  EXPECT_THAT(r.err, Not(HasSubstr("mixed.jsonl:3"))) << Describe(r);
  EXPECT_THAT(r.err, Not(HasSubstr("lynas-deal"))) << Describe(r);

  const std::string after = ExportText();
  std::vector<Json> claims = ParseJsonLines(after);
  EXPECT_EQ(ArticlesIn(claims),
            (std::set<std::string>{"apple-deal", "j-magnets", "j-ndpr", "lynas-deal"}))
      << after;
  EXPECT_EQ(LinesOf(after, "apple-deal"), apple_before) << "stored claims changed";
  for (const char* bad : {"bad-utf8", "empty", "blob", "j-broken"}) {
    EXPECT_TRUE(ClaimsOf(claims, bad).empty()) << bad;
  }
}

TEST_F(IngestTest, OversizedFileIsReportedAndSkipped) {
  Write("in/lynas-deal.txt", kLynasV1);
  // Sparse: over the 64 MiB limit without writing 64 MiB.
  std::string huge = Write("in/huge.txt", "Huge\n\n");
  std::filesystem::resize_file(huge, (std::uintmax_t{64} << 20) + 1);
  RunResult r = Kg({"ingest", dir_ + "/in"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("huge.txt")) << Describe(r);
  EXPECT_EQ(ArticlesIn(ExportClaims()), std::set<std::string>{"lynas-deal"});
}

TEST_F(IngestTest, UnsupportedExtensionIsReportedAndSkipped) {
  Write("in/lynas-deal.txt", kLynasV1);
  Write("in/notes.pdf", "%PDF-1.4 not an article\n");
  RunResult r = Kg({"ingest", dir_ + "/in"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("notes.pdf")) << Describe(r);
  EXPECT_EQ(ArticlesIn(ExportClaims()), std::set<std::string>{"lynas-deal"});
}

TEST_F(IngestTest, GoldFilesAreSkippedSilently) {
  Write("in/lynas-deal.txt", kLynasV1);
  // Not an article (no text): it would be a problem if ingest read it.
  Write("in/lynas-deal.gold.json",
        "{\"article\":\"lynas-deal\",\"title\":\"Lynas expands in Japan\",\"entities\":[],"
        "\"claims\":[]}\n");
  Write("in/sub/other.gold.json", "[1, 2, 3]\n");
  RunResult r = Kg({"ingest", dir_ + "/in"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "") << Describe(r);
  EXPECT_THAT(r.out, Not(HasSubstr("problem")));
  EXPECT_THAT(r.out, HasSubstr("1 new"));
  EXPECT_EQ(ArticlesIn(ExportClaims()), std::set<std::string>{"lynas-deal"});
}

TEST_F(IngestTest, JsonlArticlesKeepTheirIds) {
  std::string path = Write(
      "in/feed.jsonl",
      "{\"id\":\"feed-1\",\"title\":\"Lynas\",\"text\":\"The Pentagon has invested $120 million "
      "in Lynas Rare Earths.\",\"url\":\"https://example.com/1\",\"published\":\"2025-07-10\"}\n");
  RunResult r = Kg({"ingest", path});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  std::vector<Json> claims = ExportClaims();
  ASSERT_EQ(claims.size(), 1u) << ExportText();
  EXPECT_TRUE(IsClaim(claims[0], "INVESTS_IN", kDod, "Lynas Rare Earths")) << claims[0].dump();
  EXPECT_EQ(claims[0]["source"].value("article", ""), "feed-1");
  EXPECT_EQ(AmountValue(claims[0]), 120000000);
}

TEST_F(IngestTest, DefaultSchemaWorks) {
  std::string path = Write("in/lynas-deal.txt", kLynasV1);
  RunResult r = KgRaw({"--db", db_, "ingest", path});  // no --schema: the built-in default
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(ClaimsOf(ExportClaims(), "lynas-deal").size(), 2u) << ExportText();
}

TEST_F(IngestTest, EmptyDatabaseExportsNothing) {
  EXPECT_EQ(ExportText("claims"), "");
  EXPECT_EQ(ExportText("entities"), "");
}

}  // namespace
}  // namespace kg_e2e
