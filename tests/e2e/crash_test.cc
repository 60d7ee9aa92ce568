// Crash safety of `kg ingest`: a loading process is killed with SIGKILL at random moments,
// 50 times. After each kill the database must open, every article must be wholly present (its
// claims exactly those of a clean load) or wholly absent (no claim of it), and running the
// load again to the end must give the same export as a clean load.
//
// KG_CRASH_TEST_SEED=N picks another sequence of kill times and batch sizes.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "graph/store.h"
#include "kg_runner.h"
#include "query/export.h"
#include "tools/bench/synth.h"

namespace kg_e2e {
namespace {

constexpr int kKills = 50;
constexpr int kArticles = 16;

using Clock = std::chrono::steady_clock;

// Claim lines of an export, by article.
std::map<std::string, std::multiset<std::string>> ByArticle(const std::string& export_text) {
  std::map<std::string, std::multiset<std::string>> out;
  for (const std::string& line : SplitLines(export_text)) {
    if (line.empty()) continue;
    Json j = Json::parse(line, nullptr, false);
    std::string article = j.is_discarded() ? "" : j["source"]["article"].get<std::string>();
    out[article].insert(line);
  }
  return out;
}

class CrashTest : public KgTest {
 protected:
  // Starts `kg ingest` on the test database; output goes to /dev/null.
  pid_t StartIngest(const std::string& in, int batch) {
    std::vector<std::string> args = {binary_, "--db", db_};
    if (!SchemaSnapshot::Dir().empty()) {
      args.push_back("--schema");
      args.push_back(SchemaSnapshot::Dir());
    }
    for (const char* a : {"ingest", "--batch"}) args.push_back(a);
    args.push_back(std::to_string(batch));
    args.push_back(in);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, binary_.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
  }
};

TEST_F(CrashTest, KilledLoadsLeaveWholeArticlesAndFinishLikeACleanLoad) {
  const std::string in = dir_ + "/in";
  kg::bench::SynthOptions synth;
  synth.seed = 7;
  synth.articles = kArticles;
  synth.sentences = 6;
  for (int i = 0; i < kArticles; ++i) {
    Write("in/" + kg::bench::SynthArticleId(synth, i) + ".txt", kg::bench::SynthArticle(synth, i));
  }

  // The clean load, and how long it takes.
  const Clock::time_point t0 = Clock::now();
  RunResult clean_run = Kg({"ingest", "--batch", "1", in});
  const double clean_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  ASSERT_EQ(clean_run.exit_code, 0) << Describe(clean_run);
  const std::string clean_claims = ExportText("claims");
  const std::string clean_entities = ExportText("entities");
  const auto clean_by_article = ByArticle(clean_claims);
  ASSERT_EQ(clean_by_article.size(), static_cast<size_t>(kArticles)) << clean_claims;

  // Kills before the first write only test an empty database: aim most kills after the time an
  // ingest of nothing takes (loading the schema, opening the store).
  std::filesystem::create_directories(dir_ + "/empty");
  const Clock::time_point t1 = Clock::now();
  RunResult empty_run = Kg({"ingest", dir_ + "/empty"});
  const double startup_ms =
      0.8 * std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
  ASSERT_EQ(empty_run.exit_code, 0) << Describe(empty_run);
  const double window_ms = std::max(1.0, clean_ms - startup_ms);

  uint64_t seed = 1;
  if (const char* s = std::getenv("KG_CRASH_TEST_SEED")) seed = std::strtoull(s, nullptr, 10);
  std::mt19937_64 rng(seed);
  int partial = 0;  // Kills that left some but not all articles: the interesting ones.
  for (int kill_no = 0; kill_no < kKills; ++kill_no) {
    SCOPED_TRACE("kill " + std::to_string(kill_no) + " (KG_CRASH_TEST_SEED=" +
                 std::to_string(seed) + ")");
    std::filesystem::remove_all(db_);
    const int batch = 1 + static_cast<int>(rng() % 4);
    const auto delay = std::chrono::microseconds(
        static_cast<uint64_t>(startup_ms * 1000) + rng() % static_cast<uint64_t>(window_ms * 1000));
    const pid_t pid = StartIngest(in, batch);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);

    {  // The database opens; each article is all there or not at all.
      absl::StatusOr<std::unique_ptr<kg::Store>> store = kg::Store::Open(db_);
      ASSERT_TRUE(store.ok()) << store.status();
      std::vector<std::string> stored = *(*store)->Begin()->ArticleIds();
      std::ostringstream claims;
      ASSERT_TRUE(kg::query::ExportClaims(**store, claims).ok());
      const auto by_article = ByArticle(claims.str());
      for (const auto& [article, lines] : by_article) {
        EXPECT_TRUE(std::find(stored.begin(), stored.end(), article) != stored.end())
            << "claims of an article that is not stored: " << article;
      }
      for (const std::string& article : stored) {
        auto clean = clean_by_article.find(article);
        ASSERT_NE(clean, clean_by_article.end()) << article;
        auto got = by_article.find(article);
        EXPECT_TRUE(got != by_article.end() && got->second == clean->second)
            << "article " << article << " is stored only in part";
      }
      if (!stored.empty() && stored.size() < static_cast<size_t>(kArticles)) ++partial;
    }

    // Finishing the load gives the clean export.
    RunResult finish = Kg({"ingest", in});
    ASSERT_EQ(finish.exit_code, 0) << Describe(finish);
    absl::StatusOr<std::unique_ptr<kg::Store>> store = kg::Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status();
    std::ostringstream claims, entities;
    ASSERT_TRUE(kg::query::ExportClaims(**store, claims).ok());
    ASSERT_TRUE(kg::query::ExportEntities(**store, entities).ok());
    EXPECT_EQ(claims.str(), clean_claims);
    EXPECT_EQ(entities.str(), clean_entities);
    if (HasFailure()) break;
  }
  // Not an assertion on timing: it only reports how many kills landed mid-load.
  std::cout << partial << " of " << kKills << " kills left a partly loaded database\n";
}

}  // namespace
}  // namespace kg_e2e
