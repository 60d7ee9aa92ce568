// The audit through the kg binary: `kg ingest` stores the verdicts (r.verification is
// queryable), and `kg audit --format html` renders — the page is opened in headless Chromium
// (Debian `chromium`) and its DOM checked. Skipped with a message when chromium is absent.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/e2e/kg_runner.h"

namespace {

using kg_e2e::Describe;
using kg_e2e::RunProcess;
using kg_e2e::RunResult;

std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  std::string p = path;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    std::filesystem::path candidate = std::filesystem::path(p.substr(start, end - start)) / name;
    std::error_code ec;
    if (!p.substr(start, end - start).empty() && std::filesystem::is_regular_file(candidate, ec)) {
      return candidate.string();
    }
    start = end + 1;
  }
  return "";
}

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kg_ = kg_e2e::KgBinary();
    const char* src = std::getenv("KG_SOURCE_DIR");
    if (kg_.empty() || src == nullptr) GTEST_SKIP() << "KG_BINARY or KG_SOURCE_DIR not set";
    for (const auto& e : std::filesystem::directory_iterator(std::string(src) + "/corpus/audit")) {
      const std::string name = e.path().string();
      if (name.ends_with(".txt") || name.ends_with(".jsonl")) corpus_.push_back(name);
    }
    std::sort(corpus_.begin(), corpus_.end());
    dir_ = ::testing::TempDir() + "kg_audit_cli_" + std::to_string(getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = dir_ + "/db";
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::vector<std::string> Ingest() const {
    std::vector<std::string> args = {"ingest"};
    args.insert(args.end(), corpus_.begin(), corpus_.end());
    return args;
  }
  RunResult Kg(std::vector<std::string> args) {
    std::vector<std::string> full = {"--db", db_};
    const std::string& schema = kg_e2e::SchemaSnapshot::Dir();
    if (!schema.empty()) full.insert(full.end(), {"--schema", schema});
    full.insert(full.end(), args.begin(), args.end());
    return RunProcess(kg_, full);
  }
  std::string kg_, dir_, db_;
  std::vector<std::string> corpus_;  // The article files of corpus/audit.
};

TEST_F(AuditCliTest, IngestStoresVerdictsForQueries) {
  RunResult in = Kg(Ingest());
  ASSERT_EQ(in.exit_code, 0) << Describe(in);
  RunResult q = Kg({"query", "--format", "csv",
                    "MATCH (s)-[r]->(o) WHERE r.verification = 'unsupported' "
                    "RETURN r.article AS article, count(*) AS n ORDER BY article"});
  ASSERT_EQ(q.exit_code, 0) << Describe(q);
  EXPECT_EQ(q.out, "article,n\niluka-eneabba-brief,2\nlynas-japan-brief,3\nmp-dod-brief,3\n");
  RunResult text = Kg({"audit", "--article", "mp-dod-brief"});
  ASSERT_EQ(text.exit_code, 0) << Describe(text);
  EXPECT_NE(text.out.find("missing: amount 600000000 USD"), std::string::npos) << text.out;
  RunResult bad = Kg({"audit", "--article", "nope"});
  EXPECT_EQ(bad.exit_code, 1) << Describe(bad);
  EXPECT_NE(bad.err.find("no article 'nope'"), std::string::npos) << bad.err;
  RunResult usage = Kg({"audit", "--tolerance", "lots"});
  EXPECT_EQ(usage.exit_code, 2) << Describe(usage);
}

TEST_F(AuditCliTest, HtmlReportRendersInChromium) {
  const std::string chromium = FindOnPath("chromium");
  if (chromium.empty()) GTEST_SKIP() << "chromium not installed (tools/deps.sh installs it)";
  ASSERT_EQ(Kg(Ingest()).exit_code, 0);
  // A hand-made claim whose text would inject markup if it were not escaped.
  RunResult w = Kg({"query",
                    "CREATE (:Company {name:'Evil <b>Co</b>'})-[:SUPPLIES {article:'hand', "
                    "sentence:'<script>document.title=\"pwned\"</script> & more', "
                    "citations:[]}]->(:Company {name:'Other'})"});
  ASSERT_EQ(w.exit_code, 0) << Describe(w);
  RunResult html = Kg({"audit", "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << Describe(html);
  const std::string page = dir_ + "/audit.html";
  kg_e2e::WriteFileBytes(page, html.out);

  const std::string profile = dir_ + "/chromium-profile";
  std::filesystem::create_directories(profile);
  RunResult dom = RunProcess("/usr/bin/timeout",
                             {"120", chromium, "--headless", "--no-sandbox", "--disable-gpu",
                              "--disable-quic", "--no-first-run",
                              "--disable-background-networking", "--disable-component-update",
                              "--disable-sync", "--user-data-dir=" + profile, "--dump-dom",
                              "file://" + page});
  ASSERT_EQ(dom.exit_code, 0) << Describe(dom);
  const std::string& d = dom.out;
  EXPECT_NE(d.find("<title>kg audit: whole graph</title>"), std::string::npos) << d.substr(0, 500);
  EXPECT_NE(d.find("</html>"), std::string::npos);
  // Summary, verdict badges, missing pieces.
  EXPECT_NE(d.find("Worst offenders"), std::string::npos);
  EXPECT_NE(d.find("missing: amount 600000000 USD"), std::string::npos);
  EXPECT_NE(d.find("paragraph 12: not in mp-dod-report (paragraphs 1-8)"), std::string::npos);
  // Highlights: the figure and the entities of Apple's sentence.
  EXPECT_NE(d.find("<mark class=\"entity\" title=\"Company: Apple\">Apple</mark> committed "
                   "<mark class=\"figure\" title=\"USD\">$600 million</mark>"),
            std::string::npos);
  // Conflicts link to their claims, and each conflicting claim to the others.
  EXPECT_NE(d.find("Conflicts with:"), std::string::npos);
  EXPECT_NE(d.find("href=\"#claim-c"), std::string::npos);
  // Escaping: the hand-made text shows literally and runs nothing.
  EXPECT_NE(d.find("&lt;script&gt;document.title=\"pwned\"&lt;/script&gt; &amp; more"),
            std::string::npos);
  EXPECT_EQ(d.find("<title>pwned</title>"), std::string::npos);
  EXPECT_NE(d.find("Evil &lt;b&gt;Co&lt;/b&gt;"), std::string::npos);
}

}  // namespace
