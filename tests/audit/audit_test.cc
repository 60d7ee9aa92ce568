// The audit on corpus/audit: every verdict, conflict and corroboration of
// tests/audit/expected.json, the stored verdicts (r.verification) and their refresh, the
// JSON shape of SPEC §5, the tolerance option and the scopes.
#include "audit/audit.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "audit/format.h"
#include "audit/refresh.h"
#include "gtest/gtest.h"
#include "ingest/extract.h"
#include "ingest/read.h"
#include "nlohmann/json.hpp"
#include "query/query.h"
#include "tests/e2e/kg_runner.h"

namespace kg::audit {
namespace {

using Json = nlohmann::json;

std::string CorpusDir() {
  const char* src = std::getenv("KG_SOURCE_DIR");
  return src == nullptr ? "" : std::string(src) + "/corpus/audit";
}

std::string SchemaDir() {
  const std::string& snap = kg_e2e::SchemaSnapshot::Dir();
  return snap.empty() ? ingest::DefaultSchemaDir() : snap;
}

// A fresh database with `files` of corpus/audit ingested as `kg ingest` does.
class Db {
 public:
  Db() {
    static int counter = 0;
    dir_ = ::testing::TempDir() + "kg_audit_test_" + std::to_string(getpid()) + "_" +
           std::to_string(counter++);
    std::filesystem::remove_all(dir_);
    store_ = *Store::Open(dir_);
  }
  ~Db() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Returns the number of stored verdicts the refresh changed.
  int Ingest(const ingest::Extractor& x, const std::vector<std::string>& files) {
    std::vector<std::string> paths;
    for (const std::string& f : files) paths.push_back(CorpusDir() + "/" + f);
    ingest::ReadResult read = ingest::ReadPaths(paths);
    EXPECT_TRUE(read.problems.empty());
    std::vector<std::string> changed;
    for (const ingest::Document& doc : read.documents) {
      ArticleRecord record = x.Extract(doc);
      PresetVerdicts(&record);  // As kg ingest does.
      std::unique_ptr<Txn> txn = store_->Begin();
      absl::StatusOr<ReplaceOutcome> outcome = txn->ReplaceArticle(record);
      EXPECT_TRUE(outcome.ok()) << outcome.status();
      EXPECT_TRUE(txn->Commit().ok());
      if (*outcome != ReplaceOutcome::kUnchanged) changed.push_back(doc.id);
    }
    absl::StatusOr<int> n = RefreshVerification(*store_, x.gazetteer(), quantities_, changed);
    EXPECT_TRUE(n.ok()) << n.status();
    return n.ok() ? *n : -1;
  }
  AuditReport Run(const ingest::Extractor& x, const AuditOptions& options = {}) {
    absl::StatusOr<AuditReport> r = Audit(*store_, x.gazetteer(), quantities_, options);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *std::move(r) : AuditReport{};
  }
  Store& store() { return *store_; }
  const ingest::QuantityFinder& quantities() const { return quantities_; }

 private:
  std::string dir_;
  std::unique_ptr<Store> store_;
  ingest::QuantityFinder quantities_;
};

// The articles of corpus/audit (not its README.md).
std::vector<std::string> AllArticles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(CorpusDir())) {
    const std::string name = e.path().filename().string();
    if (name.ends_with(".txt") || name.ends_with(".jsonl")) files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  return files;
}

class AuditCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (CorpusDir().empty() || !std::filesystem::is_directory(CorpusDir())) return;
    auto x = ingest::Extractor::Load(SchemaDir());
    ASSERT_TRUE(x.ok()) << x.status();
    extractor_ = x->release();
    db_ = new Db();
    db_->Ingest(*extractor_, AllArticles());
    report_ = new AuditReport(db_->Run(*extractor_));
    std::ifstream in(std::string(std::getenv("KG_SOURCE_DIR")) + "/tests/audit/expected.json");
    expected_ = new Json(Json::parse(in));
  }
  static void TearDownTestSuite() {
    delete report_;
    delete expected_;
    delete db_;
    delete extractor_;
    report_ = nullptr;
    expected_ = nullptr;
    db_ = nullptr;
    extractor_ = nullptr;
  }
  void SetUp() override {
    if (db_ == nullptr) GTEST_SKIP() << "KG_SOURCE_DIR/corpus/audit not found";
  }

  // The claim of the report matching an expected entry (article, type, ends, sentence).
  static std::vector<const AuditedClaim*> Matching(const AuditReport& r, const Json& e) {
    std::vector<const AuditedClaim*> out;
    for (const AuditedClaim& c : r.claims) {
      const std::string object = c.object.unknown ? "" : c.object.name;
      if (c.article == e["article"] && c.type == e["type"] && c.subject.name == e["subject"] &&
          object == (e["object"].is_null() ? "" : e["object"].get<std::string>()) &&
          c.sentence.find(e["sentence_contains"].get<std::string>()) != std::string::npos) {
        out.push_back(&c);
      }
    }
    return out;
  }
  static const AuditedClaim* Find(const AuditReport& r, const std::string& article,
                                  const std::string& type, const std::string& subject) {
    for (const AuditedClaim& c : r.claims) {
      if (c.article == article && c.type == type && c.subject.name == subject) return &c;
    }
    return nullptr;
  }

  static ingest::Extractor* extractor_;
  static Db* db_;
  static AuditReport* report_;
  static Json* expected_;
};

ingest::Extractor* AuditCorpusTest::extractor_ = nullptr;
Db* AuditCorpusTest::db_ = nullptr;
AuditReport* AuditCorpusTest::report_ = nullptr;
Json* AuditCorpusTest::expected_ = nullptr;

TEST_F(AuditCorpusTest, EveryVerdictIsTheExpectedOne) {
  const Json& claims = (*expected_)["claims"];
  std::set<const AuditedClaim*> seen;
  for (const Json& e : claims) {
    std::vector<const AuditedClaim*> m = Matching(*report_, e);
    ASSERT_EQ(m.size(), 1u) << "expected claim not found once: " << e.dump();
    EXPECT_EQ(m[0]->verification.verdict, e["verification"].get<std::string>()) << e.dump();
    std::vector<std::string> missing;
    if (e.contains("missing")) missing = e["missing"].get<std::vector<std::string>>();
    EXPECT_EQ(m[0]->verification.missing, missing) << e.dump();
    seen.insert(m[0]);
  }
  for (const AuditedClaim& c : report_->claims) {
    EXPECT_TRUE(seen.contains(&c)) << "claim not in expected.json: " << c.article << " " << c.type
                                   << " " << c.subject.name << " \"" << c.sentence << "\"";
  }
}

TEST_F(AuditCorpusTest, WrongCitationsOnPurposeAreCaught) {
  // A figure changed: $600 million where paragraph 7 says $500 million.
  const AuditedClaim* apple = Find(*report_, "mp-dod-brief", "INVESTS_IN", "Apple");
  ASSERT_NE(apple, nullptr);
  EXPECT_EQ(apple->verification.verdict, kUnsupported);
  EXPECT_EQ(apple->verification.missing, std::vector<std::string>{"amount 600000000 USD"});
  // A marker pointing at the wrong paragraph: the loan is in 3, the brief cites 4.
  const AuditedClaim* loan = Find(*report_, "lynas-japan-brief", "LENDS_TO", "Sojitz");
  ASSERT_NE(loan, nullptr);
  EXPECT_EQ(loan->verification.verdict, kUnsupported);
  // A marker out of range, and a source that was never ingested.
  const AuditedClaim* bank = Find(*report_, "mp-dod-brief", "LENDS_TO", "JPMorgan Chase");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->verification.verdict, kUnverifiable);
  const AuditedClaim* share = Find(*report_, "news-refining-share", "HAS_CAPACITY", "China");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->verification.verdict, kUnverifiable);
  // Aliases: the brief's "Pentagon" is verified against the report's "Pentagon"/"department",
  // and the JSONL report (a `paragraphs` list) verifies the Iluka loan.
  const AuditedClaim* dod = Find(*report_, "mp-dod-brief", "INVESTS_IN", "U.S. Department of Defense");
  ASSERT_NE(dod, nullptr);
  EXPECT_EQ(dod->verification.verdict, kVerified);
  const AuditedClaim* iluka = Find(*report_, "iluka-eneabba-brief", "LENDS_TO", "Australian Government");
  ASSERT_NE(iluka, nullptr);
  EXPECT_EQ(iluka->verification.verdict, kVerified);
  EXPECT_EQ(iluka->verification.source, "iluka-eneabba-report");
  EXPECT_EQ(iluka->verification.paragraphs, std::vector<int>{1});
}

TEST_F(AuditCorpusTest, SummaryCounts) {
  const Json& s = (*expected_)["summary"];
  EXPECT_EQ(report_->in_scope, s["claims"].get<int>());
  for (const char* v : {kVerified, kUnsupported, kUnverifiable, kUncited}) {
    EXPECT_EQ(report_->verdicts.at(v), s[v].get<int>()) << v;
  }
  EXPECT_EQ(static_cast<int>(report_->facts.size()), s["facts"].get<int>());
  EXPECT_EQ(report_->corroborated, s["corroborated"].get<int>());
  EXPECT_EQ(report_->single_source, s["single_source"].get<int>());
  EXPECT_EQ(static_cast<int>(report_->conflicts.size()), s["conflicts"].get<int>());
  // Worst offenders first: the brief with the most unsupported claims.
  ASSERT_FALSE(report_->articles.empty());
  EXPECT_EQ(report_->articles[0].id, "mp-dod-brief");
}

TEST_F(AuditCorpusTest, ConflictsAsExpected) {
  const Json& expected = (*expected_)["conflicts"];
  ASSERT_EQ(report_->conflicts.size(), expected.size());
  for (const Json& e : expected) {
    bool found = false;
    for (const Conflict& c : report_->conflicts) {
      const Fact& f = report_->facts[c.fact];
      if (f.type != e["type"] || f.subject != e["subject"] || f.object != e["object"] ||
          c.kind != e["kind"]) {
        continue;
      }
      found = true;
      std::multiset<std::pair<std::string, std::string>> got, want;
      for (const Conflict::Side& s : c.values) {
        got.insert({report_->claims[s.claim].article, s.figure.text});
      }
      for (const Json& v : e["values"]) {
        want.insert({v["article"].get<std::string>(), v["text"].get<std::string>()});
      }
      EXPECT_EQ(got, want) << e.dump();
    }
    EXPECT_TRUE(found) << e.dump();
  }
  // The examples: "over 45,000 t" alone would not conflict with 45,455 t; 40,000 t does.
  for (const Conflict& c : report_->conflicts) {
    if (c.kind != "quantity") continue;
    std::set<std::string> texts;
    for (const Conflict::Side& s : c.values) texts.insert(s.figure.text);
    EXPECT_TRUE(texts.contains("40000 t"));
    EXPECT_TRUE(texts.contains("over 45000 t"));
  }
}

TEST_F(AuditCorpusTest, CorroborationCountsIndependentArticles) {
  std::map<std::string, const Fact*> by_key;
  for (const Fact& f : report_->facts) by_key[f.type + "|" + f.subject + "|" + f.object + "|" + f.period] = &f;
  const Json& expected = (*expected_)["corroboration"];
  int multi = 0;
  for (const Fact& f : report_->facts) multi += f.articles.size() + f.repeats.size() >= 2;
  EXPECT_EQ(multi, static_cast<int>(expected.size()));
  for (const Json& e : expected) {
    const std::string key = e["type"].get<std::string>() + "|" + e["subject"].get<std::string>() +
                            "|" + (e["object"].is_null() ? "" : e["object"].get<std::string>()) +
                            "|" + (e["period"].is_null() ? "" : e["period"].get<std::string>());
    ASSERT_TRUE(by_key.contains(key)) << key;
    const Fact& f = *by_key[key];
    EXPECT_EQ(f.articles, e["articles"].get<std::vector<std::string>>()) << key;
    std::vector<std::string> repeats;
    for (const Fact::Repeat& r : f.repeats) repeats.push_back(r.article + "<" + r.of + ":" + r.reason);
    std::vector<std::string> want;
    for (const Json& r : e["repeats"]) {
      want.push_back(r["article"].get<std::string>() + "<" + r["of"].get<std::string>() + ":" +
                     r["reason"].get<std::string>());
    }
    EXPECT_EQ(repeats, want) << key;
  }
}

TEST_F(AuditCorpusTest, StoredVerdictsAreQueryable) {
  for (const AuditedClaim& c : report_->claims) {
    EXPECT_EQ(c.stored_verification, c.verification.verdict) << c.id;
  }
  query::QueryOutcome out = query::Run(
      db_->store(),
      "MATCH ()-[r]->() WHERE r.verification = 'unsupported' RETURN r.id AS id, "
      "r.article AS article, r.sentence AS sentence, r.citations AS citations ORDER BY id");
  ASSERT_TRUE(out.ok()) << out.error().message;
  std::vector<std::string> want;
  for (const AuditedClaim& c : report_->claims) {
    if (c.verification.verdict == kUnsupported) want.push_back(c.id);
  }
  std::sort(want.begin(), want.end());
  const Json parsed = Json::parse(query::FormatJson(out.value()));
  std::vector<std::string> got;
  for (const Json& row : parsed["rows"]) got.push_back(row[0].get<std::string>());
  EXPECT_EQ(got, want);
  EXPECT_EQ(got.size(), static_cast<size_t>((*expected_)["summary"]["unsupported"].get<int>()));
}

TEST_F(AuditCorpusTest, ToleranceIsAnOption) {
  AuditOptions wide;
  wide.tolerance = 0.15;
  AuditReport r = db_->Run(*extractor_, wide);
  // 40,000 t vs 45,455 t (12%) and 85% vs 90% (5.6%) agree within 15%; $600m vs $500m does not.
  ASSERT_EQ(r.conflicts.size(), 1u);
  EXPECT_EQ(r.conflicts[0].kind, "amount");
  // "up to 75%" vs "up to 65%" is within 15% of 75.
  const AuditedClaim* lynas = Find(r, "lynas-japan-brief", "SUPPLIES", "Lynas Rare Earths");
  ASSERT_NE(lynas, nullptr);
  EXPECT_EQ(lynas->verification.verdict, kVerified);
  AuditOptions bad;
  bad.tolerance = -1;
  EXPECT_FALSE(Audit(db_->store(), extractor_->gazetteer(), db_->quantities(), bad).ok());
}

TEST_F(AuditCorpusTest, Scopes) {
  AuditOptions article;
  article.article = "mp-dod-brief";
  AuditReport a = db_->Run(*extractor_, article);
  int brief_claims = 0;
  for (const Json& e : (*expected_)["claims"]) brief_claims += e["article"] == "mp-dod-brief";
  EXPECT_EQ(a.in_scope, brief_claims);
  EXPECT_EQ(a.articles.size(), 1u);
  for (const Fact& f : a.facts) {
    bool has = false;
    for (size_t ci : f.claims) has |= a.claims[ci].article == "mp-dod-brief";
    EXPECT_TRUE(has);
  }
  EXPECT_EQ(a.conflicts.size(), 2u);  // Mountain Pass output and Apple's commitment.

  AuditOptions entity;
  entity.entity = "Pentagon";  // An alias of the U.S. Department of Defense.
  AuditReport e = db_->Run(*extractor_, entity);
  EXPECT_GT(e.in_scope, 0);
  for (const AuditedClaim& c : e.claims) {
    if (c.in_scope) {
      EXPECT_TRUE(c.subject.name == "U.S. Department of Defense" ||
                  c.object.name == "U.S. Department of Defense");
    }
  }

  const AuditedClaim* apple = Find(*report_, "mp-dod-brief", "INVESTS_IN", "Apple");
  ASSERT_NE(apple, nullptr);
  AuditOptions claim;
  claim.claim = apple->id;
  AuditReport c = db_->Run(*extractor_, claim);
  EXPECT_EQ(c.in_scope, 1);
  ASSERT_EQ(c.cited_text.size(), 1u);
  EXPECT_NE(c.cited_text.begin()->second[0].second.find("$500 million"), std::string::npos);
  const std::string text = FormatText(c);
  EXPECT_NE(text.find("Apple committed $600 million to MP Materials."), std::string::npos) << text;
  EXPECT_NE(text.find("citations     [7]"), std::string::npos) << text;
  EXPECT_NE(text.find("missing: amount 600000000 USD"), std::string::npos) << text;

  for (AuditOptions unknown : {AuditOptions{.article = "no-such-article"},
                               AuditOptions{.claim = "c0000"},
                               AuditOptions{.entity = "Nobody Inc."}}) {
    absl::StatusOr<AuditReport> r =
        Audit(db_->store(), extractor_->gazetteer(), db_->quantities(), unknown);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  }
}

TEST_F(AuditCorpusTest, JsonShapeFollowsSpec) {
  const Json j = Json::parse(FormatJson(*report_));
  ASSERT_TRUE(j["claims"].is_array());
  ASSERT_EQ(j["claims"].size(), report_->claims.size());
  for (const Json& c : j["claims"]) {
    for (const char* k : {"id", "type", "subject", "object", "article", "citations",
                          "verification", "missing"}) {
      EXPECT_TRUE(c.contains(k)) << k;
    }
    EXPECT_TRUE(c["citations"].is_array());
    EXPECT_TRUE(c["missing"].is_array());
    const std::set<std::string> verdicts = {"verified", "unsupported", "unverifiable", "uncited"};
    EXPECT_TRUE(verdicts.contains(c["verification"].get<std::string>()));
  }
  ASSERT_TRUE(j["conflicts"].is_array());
  ASSERT_EQ(j["conflicts"].size(), (*expected_)["conflicts"].size());
  for (const Json& c : j["conflicts"]) {
    for (const char* k : {"type", "subject", "object", "period", "values"}) EXPECT_TRUE(c.contains(k));
    for (const Json& v : c["values"]) {
      EXPECT_TRUE(v["value"].is_number());
      EXPECT_TRUE(v["claim"].is_string());
      EXPECT_TRUE(v["article"].is_string());
    }
  }
  ASSERT_TRUE(j["corroboration"].is_array());
  for (const Json& c : j["corroboration"]) {
    for (const char* k : {"type", "subject", "object", "period", "articles"}) EXPECT_TRUE(c.contains(k));
    EXPECT_TRUE(c["articles"].is_array());
  }
  EXPECT_EQ(j["summary"]["unsupported"], (*expected_)["summary"]["unsupported"]);
}

// A summary ingested before its original is unverifiable; ingesting the original refreshes
// the stored verdicts of the summary; an unchanged re-ingest writes nothing.
TEST(AuditRefreshTest, OriginalIngestedLaterRefreshesTheSummary) {
  if (CorpusDir().empty() || !std::filesystem::is_directory(CorpusDir())) {
    GTEST_SKIP() << "KG_SOURCE_DIR/corpus/audit not found";
  }
  auto x = ingest::Extractor::Load(SchemaDir());
  ASSERT_TRUE(x.ok()) << x.status();
  // The brief's expected verdicts once its original is in (tests/audit/expected.json).
  std::ifstream in(std::string(std::getenv("KG_SOURCE_DIR")) + "/tests/audit/expected.json");
  const Json expected = Json::parse(in);
  std::map<std::string, int> want;
  int claims = 0;
  for (const Json& e : expected["claims"]) {
    if (e["article"] != "lynas-japan-brief") continue;
    ++claims;
    ++want[e["verification"].get<std::string>()];
  }
  ASSERT_GT(want[kVerified], 0);
  ASSERT_GT(want[kUnsupported], 0);

  Db db;
  EXPECT_EQ(db.Ingest(**x, {"lynas-japan-brief.txt"}), claims);
  AuditReport before = db.Run(**x);
  ASSERT_EQ(static_cast<int>(before.claims.size()), claims);
  for (const AuditedClaim& c : before.claims) {
    EXPECT_EQ(c.stored_verification, kUnverifiable);
    EXPECT_EQ(c.verification.missing,
              std::vector<std::string>{"source: lynas-japan-report is not ingested"});
  }
  // The report's own claims were stored with "uncited" (it cites nothing); the refresh
  // finds the brief through the cites index and changes every one of its verdicts.
  EXPECT_EQ(db.Ingest(**x, {"lynas-japan-report.txt"}), claims);
  AuditReport after = db.Run(**x);
  std::map<std::string, int> got;
  for (const AuditedClaim& c : after.claims) {
    if (c.article != "lynas-japan-brief") continue;
    EXPECT_EQ(c.stored_verification, c.verification.verdict) << c.sentence;
    ++got[c.verification.verdict];
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(db.Ingest(**x, {"lynas-japan-brief.txt", "lynas-japan-report.txt"}), 0);
}

}  // namespace
}  // namespace kg::audit
