// `kg serve` end to end: the real binary on a free loopback port, the page loaded in headless
// Chromium, the API through an HTTP client, and an ingest in another process while it serves.
// Tests that need the seed article skip when ../shared is absent; the page test skips when
// Chromium is not installed (tools/deps.sh installs it).
#include <httplib.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <thread>

#include "gtest/gtest.h"
#include "tests/e2e/kg_runner.h"

namespace kg_e2e {
namespace {

// A running `kg serve`, stopped (SIGTERM, then SIGKILL after 5 s) when destroyed.
class ServeProcess {
 public:
  ServeProcess(const std::string& binary, const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, out[1]);
    std::vector<std::string> storage = {binary};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = 0;
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    // The first line names the port: "kg serve: listening on http://127.0.0.1:PORT/ (...)".
    std::string line;
    char c;
    pollfd p{out[0], POLLIN, 0};
    while (pid_ != 0 && line.find('\n') == std::string::npos && poll(&p, 1, 20000) > 0 &&
           read(out[0], &c, 1) == 1) {
      line.push_back(c);
    }
    close(out[0]);
    std::smatch m;
    if (std::regex_search(line, m, std::regex(R"(127\.0\.0\.1:(\d+)/)"))) port_ = std::stoi(m[1]);
    banner_ = line;
  }
  ~ServeProcess() {
    if (pid_ == 0) return;
    kill(pid_, SIGTERM);
    for (int i = 0; i < 50; ++i) {
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }
  const std::string& banner() const { return banner_; }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
  std::string banner_;
};

std::string PercentEncode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class ServeTest : public KgTest {
 protected:
  void SetUp() override {
    KgTest::SetUp();
    if (HasFatalFailure()) return;
    if (SeedDir().empty()) GTEST_SKIP() << "../shared/seed is absent: the page needs the seed article";
    RunResult r = Kg({"ingest", SeedDir() + "/rare-earth-war.txt"});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
  }

  std::unique_ptr<ServeProcess> Serve(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--db", db_, "serve", "--listen", "127.0.0.1:0",
                                     "--timeout", "1", "--max-body", "65536"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto s = std::make_unique<ServeProcess>(binary_, args);
    EXPECT_GT(s->port(), 0) << "no port in the banner: " << s->banner();
    return s;
  }

  static httplib::Result PostQuery(httplib::Client& c, const Json& body) {
    return c.Post("/query", body.dump(), "application/json");
  }
};

TEST_F(ServeTest, ChromiumSearchShowsThePentagonNeighbourhoodAndItsClaims) {
  std::string chromium = Which("chromium");
  if (chromium.empty()) GTEST_SKIP() << "chromium missing (Debian chromium)";
  auto server = Serve();
  ASSERT_GT(server->port(), 0);
  // The search box is a GET form: searching "Pentagon" loads /?q=Pentagon.
  const std::string url = "http://127.0.0.1:" + std::to_string(server->port()) + "/?q=Pentagon";
  RunResult r = RunProcess(chromium, {"--headless", "--no-sandbox", "--disable-gpu",
                                      "--disable-quic", "--no-first-run",
                                      "--disable-background-networking",
                                      "--disable-component-update", "--disable-sync",
                                      "--user-data-dir=" + dir_ + "/chrome", "--dump-dom", url});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const std::string& dom = r.out;
  // The Department of Defense is the chosen entity ...
  std::smatch m;
  ASSERT_TRUE(std::regex_search(dom, m, std::regex(R"(<h2 id="entity-name">([^<]*))"))) << dom.substr(0, 3000);
  EXPECT_NE(m[1].str().find(kDod), std::string::npos);
  // ... its neighbourhood picture shows MP Materials as a node linking to its own page ...
  size_t svg = dom.find("<svg"), svg_end = dom.find("</svg>");
  ASSERT_NE(svg, std::string::npos);
  std::string picture = dom.substr(svg, svg_end - svg);
  EXPECT_NE(picture.find(">MP Materials</text>"), std::string::npos) << picture.substr(0, 3000);
  EXPECT_NE(picture.find("/?entity=MP%20Materials"), std::string::npos);
  // ... and the claims list holds the $400 million sentence with its citation.
  size_t claims = dom.find("id=\"claims\"");
  ASSERT_NE(claims, std::string::npos);
  std::string list = dom.substr(claims);
  EXPECT_NE(list.find("The Pentagon has invested $400 million in MP Materials"), std::string::npos);
  EXPECT_NE(list.find("cites [3]"), std::string::npos);
}

TEST_F(ServeTest, ApiAnswersQueriesEntitiesAndRefusesWritesHugeBodiesAndSlowQueries) {
  auto server = Serve();
  ASSERT_GT(server->port(), 0);
  httplib::Client c("127.0.0.1", server->port());
  c.set_read_timeout(30, 0);

  // A one-hop query with a parameter: SPEC §4 JSON.
  auto ok = PostQuery(c, {{"query", "MATCH (a {name: $n})-[r:INVESTS_IN]->(b) RETURN b.name, r.amount"},
                          {"parameters", {{"n", "Pentagon"}}}});
  ASSERT_TRUE(ok) << httplib::to_string(ok.error());
  EXPECT_EQ(ok->status, 200) << ok->body;
  Json j = Json::parse(ok->body);
  EXPECT_EQ(j["columns"], Json({"b.name", "r.amount"}));
  EXPECT_NE(j["rows"].dump().find("[\"MP Materials\",400000000]"), std::string::npos) << ok->body;

  // Writes are refused without --allow-writes, and nothing changes.
  auto write = PostQuery(c, {{"query", "CREATE (:Company {name: 'Injected'})"}});
  ASSERT_TRUE(write);
  EXPECT_EQ(write->status, 403) << write->body;
  EXPECT_EQ(Json::parse(write->body)["error"]["kind"], "AccessMode");
  auto count = PostQuery(c, {{"query", "MATCH (n {name: 'Injected'}) RETURN count(n) AS n"}});
  ASSERT_TRUE(count);
  EXPECT_EQ(Json::parse(count->body)["rows"], Json::parse("[[0]]"));

  // A body over --max-body gets 413.
  auto huge = c.Post("/query", std::string(200000, ' ') + "RETURN 1", "text/plain");
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);

  // A query past --timeout gets its timeout.
  auto slow = PostQuery(c, {{"query", "UNWIND range(1, 5000) AS x RETURN count(size("
                                      "[y IN range(1, 5000) WHERE size([z IN range(1, 100) | z]) > 0]))"}});
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->status, 503) << slow->body;
  Json err = Json::parse(slow->body)["error"];
  EXPECT_EQ(err["kind"], "ResourceLimit");
  EXPECT_EQ(err["detail"], "Timeout");

  // A query error is positioned.
  auto bad = PostQuery(c, {{"query", "MATCH (n RETURN n"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Json::parse(bad->body)["error"]["kind"], "SyntaxError");

  // GET /entity through an alias, in Chinese too: aliases and claims with provenance.
  for (const std::string& name : {std::string("Pentagon"), std::string("五角大楼")}) {
    auto e = c.Get("/entity/" + PercentEncode(name));
    ASSERT_TRUE(e);
    ASSERT_EQ(e->status, 200) << name << ": " << e->body;
    Json ej = Json::parse(e->body);
    EXPECT_EQ(ej["entity"]["name"], kDod);
    EXPECT_NE(ej["entity"]["aliases"].dump().find("Pentagon"), std::string::npos);
    bool found = false;
    for (const Json& claim : ej["out"]) {
      if (claim["type"] == "INVESTS_IN" && claim["object"]["name"] == "MP Materials") {
        found = true;
        EXPECT_EQ(claim["qualifiers"]["amount"]["value"], 400000000);
        EXPECT_EQ(claim["source"]["article"], kSeedId);
        EXPECT_EQ(claim["source"]["citations"], Json::parse("[3]"));
        EXPECT_EQ(claim["source"]["span"].size(), 2u);
      }
    }
    EXPECT_TRUE(found) << e->body;
  }
  auto missing = c.Get("/entity/No%20Such%20Thing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);

  // /audit: the SPEC §5 JSON, with the seed's claims and their verdicts.
  auto audit = c.Get("/audit");
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200) << audit->body.substr(0, 500);
  Json report = Json::parse(audit->body);
  for (const char* key : {"claims", "conflicts", "corroboration"}) {
    EXPECT_TRUE(report.contains(key)) << key;
  }
  ASSERT_FALSE(report["claims"].empty());
  EXPECT_TRUE(report["claims"][0].contains("verification"));
}

TEST_F(ServeTest, WritesWithAllowWrites) {
  auto server = Serve({"--allow-writes"});
  ASSERT_GT(server->port(), 0);
  httplib::Client c("127.0.0.1", server->port());
  auto write = PostQuery(c, {{"query", "CREATE (:Company {name: 'Hand Made Co'})"}});
  ASSERT_TRUE(write);
  EXPECT_EQ(write->status, 200) << write->body;
  EXPECT_EQ(Json::parse(write->body)["stats"]["+nodes"], 1);
  // What a served write creates is manual, as with `kg query` (query/README.md).
  auto source = PostQuery(c, {{"query", "MATCH (n {name: 'Hand Made Co'}) RETURN n.source"}});
  ASSERT_TRUE(source);
  EXPECT_EQ(Json::parse(source->body)["rows"], Json::parse(R"([["manual"]])")) << source->body;
  auto search = c.Get("/search?q=hand%20made");
  ASSERT_TRUE(search);
  EXPECT_NE(search->body.find("Hand Made Co"), std::string::npos) << search->body;
}

// A read-only server takes no lock: an ingest in another process goes in while it serves,
// and the server picks the new article up from a fresh snapshot.
TEST_F(ServeTest, IngestInAnotherProcessWhileServing) {
  auto server = Serve({"--refresh", "0.2"});
  ASSERT_GT(server->port(), 0);
  httplib::Client c("127.0.0.1", server->port());
  const Json count_query = {{"query", "MATCH (a:Article) RETURN count(a) AS n"}};
  auto before = PostQuery(c, count_query);
  ASSERT_TRUE(before);
  EXPECT_EQ(Json::parse(before->body)["rows"], Json::parse("[[1]]"));

  std::string article = Write("extra.txt",
                              "Lynas deal\n\nLynas Rare Earths signed a supply agreement with "
                              "the U.S. Department of Defense in 2024.\n");
  RunResult r = Kg({"ingest", article});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  Json rows;
  for (int i = 0; i < 100 && rows != Json::parse("[[2]]"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto after = PostQuery(c, count_query);
    ASSERT_TRUE(after);
    rows = Json::parse(after->body)["rows"];
  }
  EXPECT_EQ(rows, Json::parse("[[2]]"));
}

}  // namespace
}  // namespace kg_e2e
