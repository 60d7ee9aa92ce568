// The bulk commands: `kg extract | kg load` builds the same graph as `kg ingest`; ingest gives
// the same graph with one thread or several; a second kg process on a database in use.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "graph/store.h"
#include "gmock/gmock.h"
#include "kg_runner.h"

namespace kg_e2e {
namespace {

using ::testing::HasSubstr;

std::string CorpusDir() {
  const std::string source = EnvOr("KG_SOURCE_DIR", "");
  return source.empty() ? "" : source + "/corpus";
}

class BulkTest : public KgTest {
 protected:
  // Runs kg with another database folder.
  RunResult KgOn(const std::string& db, std::vector<std::string> args,
                 std::string_view input = {}) const {
    std::vector<std::string> all = {"--db", db};
    if (!SchemaSnapshot::Dir().empty()) {
      all.push_back("--schema");
      all.push_back(SchemaSnapshot::Dir());
    }
    all.insert(all.end(), args.begin(), args.end());
    return RunProcess(binary_, all, input);
  }
};

TEST_F(BulkTest, ExtractThenLoadEqualsIngestOnTheCorpus) {
  const std::string corpus = CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "KG_SOURCE_DIR is not set";
  RunResult ingest = Kg({"ingest", corpus});
  ASSERT_EQ(ingest.exit_code, 0) << Describe(ingest);

  RunResult extract = KgOn(dir_ + "/unused", {"extract", corpus});
  ASSERT_EQ(extract.exit_code, 0) << Describe(extract);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/unused")) << "extract must not open a database";
  // Every claim line is a SPEC §3 claim; the article lines carry the rest.
  size_t claim_lines = 0;
  for (const Json& j : ParseJsonLines(extract.out)) {
    if (j.contains("article")) continue;
    ++claim_lines;
    for (const char* k : {"id", "type", "subject", "object", "qualifiers", "source", "rule"}) {
      EXPECT_TRUE(j.contains(k)) << k << " missing in " << j.dump();
    }
  }
  const std::string loaded_db = dir_ + "/loaded";
  RunResult load = KgOn(loaded_db, {"load"}, extract.out);  // From standard input.
  ASSERT_EQ(load.exit_code, 0) << Describe(load);
  EXPECT_THAT(load.out, HasSubstr(std::to_string(claim_lines) + " claim(s) written"));

  for (const char* what : {"claims", "entities"}) {
    RunResult a = Kg({"export", "--format", "jsonl", "--what", what});
    RunResult b = KgOn(loaded_db, {"export", "--format", "jsonl", "--what", what});
    ASSERT_EQ(a.exit_code, 0) << Describe(a);
    ASSERT_EQ(b.exit_code, 0) << Describe(b);
    EXPECT_EQ(a.out, b.out) << what;
    EXPECT_FALSE(a.out.empty());
  }
  // The stored audit verdicts agree too (corpus/audit has originals with numbered
  // paragraphs: their summaries' claims are verified or unsupported, not unverifiable).
  const std::vector<std::string> verdicts = {
      "query", "--format", "csv",
      "MATCH ()-[r]->() WHERE r.verification IS NOT NULL "
      "RETURN r.verification AS v, count(r) AS n ORDER BY v"};
  RunResult va = Kg(verdicts);
  RunResult vb = KgOn(loaded_db, verdicts);
  ASSERT_EQ(va.exit_code, 0) << Describe(va);
  EXPECT_EQ(va.out, vb.out);
  EXPECT_THAT(va.out, HasSubstr("verified"));
  EXPECT_THAT(va.out, HasSubstr("unsupported"));
  // Loading the same lines again changes nothing.
  RunResult again = KgOn(loaded_db, {"load"}, extract.out);
  EXPECT_THAT(again.out, HasSubstr("0 new, 0 replaced"));
}

TEST_F(BulkTest, ExtractReadsJsonlArticlesFromStdin) {
  const std::string line =
      R"({"id":"a1","title":"Deal","text":"The Pentagon has invested $400 million in MP Materials [3]."})";
  RunResult r = KgOn(dir_ + "/unused", {"extract"}, line + "\n{bad json\n");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("-:2"));
  std::vector<Json> lines = ParseJsonLines(r.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0]["article"]["id"], "a1");
  bool invest = false;
  for (const Json& j : lines) invest |= j.value("type", "") == "INVESTS_IN";
  EXPECT_TRUE(invest) << r.out;
}

TEST_F(BulkTest, LoadReportsAMalformedLineAndSkipsOnlyItsArticle) {
  const std::string good = R"({"article":{"id":"a","hash":"h","props":{"id":"a","title":"A"},)"
                           R"("entities":[{"id":"Company:x","label":"Company","name":"X Corp"}],)"
                           R"("mentions":["Company:x"]}})";
  const std::string bad = R"({"article":{"id":"b","hash":"h","props":{}}})"
                          "\n{not json\n";
  RunResult r = Kg({"load"}, bad + good + "\n");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_THAT(r.err, HasSubstr("-:2: malformed JSON"));
  EXPECT_THAT(r.out, HasSubstr("loaded 1 article(s): 1 new"));
  Json q = QueryJson("MATCH (a:Article) RETURN a.id");
  EXPECT_EQ(q["rows"].dump(), R"([["a"]])");
}

TEST_F(BulkTest, OneThreadOrManyGiveTheSameGraph) {
  const std::string corpus = CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "KG_SOURCE_DIR is not set";
  RunResult one = Kg({"ingest", "--threads", "1", "--batch", "3", corpus});
  ASSERT_EQ(one.exit_code, 0) << Describe(one);
  RunResult many = KgOn(dir_ + "/many", {"ingest", "--threads", "4", corpus});
  ASSERT_EQ(many.exit_code, 0) << Describe(many);
  EXPECT_EQ(one.out, many.out);
  RunResult a = Kg({"export", "--format", "jsonl"});
  RunResult b = KgOn(dir_ + "/many", {"export", "--format", "jsonl"});
  EXPECT_EQ(a.out, b.out);
}

// Policy (graph/README.md): one writer per database. While a process holds it, another
// `kg ingest` fails with "database is in use", and read commands read a snapshot read-only.
TEST_F(BulkTest, SecondProcessOnADatabaseInUse) {
  RunResult first = Kg({"query", "CREATE (:Company {name: 'Holder Corp'})"});
  ASSERT_EQ(first.exit_code, 0) << Describe(first);
  absl::StatusOr<std::unique_ptr<kg::Store>> holder = kg::Store::Open(db_);  // Holds the lock.
  ASSERT_TRUE(holder.ok()) << holder.status();

  const std::string article = Write("in/a.txt", "Title\n\nApple buys magnets from MP Materials.\n");
  RunResult ingest = Kg({"ingest", article});
  EXPECT_EQ(ingest.exit_code, 1) << Describe(ingest);
  EXPECT_THAT(ingest.err, HasSubstr("database is in use"));

  RunResult query = Kg({"query", "--format", "csv", "MATCH (c:Company) RETURN c.name"});
  EXPECT_EQ(query.exit_code, 0) << Describe(query);
  EXPECT_THAT(query.out, HasSubstr("Holder Corp"));
  EXPECT_THAT(query.err, HasSubstr("read-only"));
  RunResult write = Kg({"query", "CREATE (:Company {name: 'Other'})"});
  EXPECT_EQ(write.exit_code, 1) << Describe(write);
  EXPECT_THAT(write.err, HasSubstr("read-only"));

  holder->reset();
  ingest = Kg({"ingest", article});
  EXPECT_EQ(ingest.exit_code, 0) << Describe(ingest);
}

}  // namespace
}  // namespace kg_e2e
