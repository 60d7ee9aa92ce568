// The exports, read by the real consumers an analyst would use: rapper (raptor2-utils) for
// N-Quads, NetworkX for GraphML, Graphviz `dot` for DOT, and a checker of Neo4j's bulk-import
// CSV header grammar and ID references (check_neo4j_csv.py). Each test skips, saying why, when
// its consumer is not installed (tools/deps.sh installs them all).
#include <cstdlib>
#include <regex>
#include <set>

#include "gtest/gtest.h"
#include "tests/e2e/kg_runner.h"

namespace kg_e2e {
namespace {

bool HasPythonModule(const std::string& module) {
  std::string python = Which("python3");
  return !python.empty() && RunProcess(python, {"-c", "import " + module}).exit_code == 0;
}

std::string Script(const std::string& name) {
  return EnvOr("KG_SOURCE_DIR", ".") + "/tests/export/" + name;
}

// Runs a tests/export/*.py script and parses its JSON output.
Json RunScript(const std::string& name, const std::vector<std::string>& args) {
  std::vector<std::string> all = {Script(name)};
  all.insert(all.end(), args.begin(), args.end());
  RunResult r = RunProcess(Which("python3"), all);
  EXPECT_EQ(r.exit_code, 0) << name << "\n" << Describe(r);
  Json j = Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << name << " printed no JSON:\n" << r.out.substr(0, 2000);
  return j.is_discarded() ? Json::object() : j;
}

// Text with everything that needs escaping somewhere: quotes, backslash, newline, CR, tab,
// <, &, an entity-looking "&amp;", the CSV array delimiter, and Chinese.
const std::string kTrickyCompany = "Quote \"Co\" <b>&amp; \\ back\nslash";
const std::string kTrickyCountry = "稀土 \"中国\" & <国>";
const std::string kTrickySentence = "Line one,\r\n\t\"two\" <x> & 稀土; end \\";

class ExportConsumersTest : public KgTest {
 protected:
  // The project corpus and, when present, the seed article, ingested once for the suite (the
  // tests only read it).
  static void SetUpTestSuite() {
    std::string pattern = ::testing::TempDir() + "kg_export_corpus_XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (KgBinary().empty() || mkdtemp(buf.data()) == nullptr) return;
    corpus_dir_ = buf.data();
    std::vector<std::string> args = {"--db", corpus_dir_ + "/db"};
    if (!SchemaSnapshot::Dir().empty()) {
      args.push_back("--schema");
      args.push_back(SchemaSnapshot::Dir());
    }
    args.push_back("ingest");
    args.push_back(EnvOr("KG_SOURCE_DIR", ".") + "/corpus");
    if (!SeedDir().empty()) args.push_back(SeedDir() + "/rare-earth-war.txt");
    corpus_ingest_ = RunProcess(KgBinary(), args);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    if (!corpus_dir_.empty()) std::filesystem::remove_all(corpus_dir_, ec);
  }
  // Points this test at the shared corpus database.
  void IngestCorpus() {
    ASSERT_EQ(corpus_ingest_.exit_code, 0) << Describe(corpus_ingest_);
    db_ = corpus_dir_ + "/db";
  }
  static inline std::string corpus_dir_;
  static inline RunResult corpus_ingest_;

  // A small graph made of awkward text, written through `kg query`.
  void CreateTrickyGraph() {
    RunResult r = Kg({"query",
                      "CREATE (a:Company {name: $a, aliases: ['A;B', '甲公司', $a]})"
                      "-[:SUPPLIES {sentence: $s, citations: [3, 14], span: [0, 42], "
                      "article: 'tricky', rule: 'hand', amount: 400000000, amount_unit: 'USD', "
                      "share: 12.5, ok: true, extra: {k: 'v'}}]->(b:Country {name: $b})",
                      "--param", "a=" + Json(kTrickyCompany).dump(), "--param",
                      "b=" + Json(kTrickyCountry).dump(), "--param",
                      "s=" + Json(kTrickySentence).dump()});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
  }

  int64_t Count(const std::string& what) {
    RunResult r = Kg({"stats"});
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    std::smatch m;
    std::regex re(what + R"(\s+(\d+))");
    if (!std::regex_search(r.out, m, re)) return -1;
    return std::stoll(m[1]);
  }

  std::string ExportTo(const std::string& format, const std::string& file,
                       const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"export", "--format", format, "--out", dir_ + "/" + file};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = Kg(args);
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    return dir_ + "/" + file;
  }
};

// rapper's "Parsing returned N triples" (quads count as triples there).
int64_t RapperCount(const RunResult& r) {
  std::smatch m;
  std::regex re(R"(returned (\d+) (triples|statements))");
  return std::regex_search(r.err, m, re) ? std::stoll(m[1]) : -1;
}

TEST_F(ExportConsumersTest, RapperParsesTheCorpusNQuadsAndCountsEveryLine) {
  if (Which("rapper").empty()) GTEST_SKIP() << "rapper missing (Debian raptor2-utils)";
  IngestCorpus();
  std::string file = ExportTo("nquads", "graph.nq");
  std::string text = ReadFileBytes(file);
  std::vector<std::string> lines = SplitLines(text);
  ASSERT_GT(lines.size(), 100u);
  RunResult r = RunProcess(Which("rapper"), {"-i", "nquads", "-c", file});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err.find("Error"), std::string::npos) << r.err;
  EXPECT_EQ(RapperCount(r), static_cast<int64_t>(lines.size())) << r.err;

  // One named graph per claim: the graphs are exactly the exported claims.
  std::set<std::string> graphs;
  std::regex graph_re(R"( <urn:kg:claim:([^>#]+)> \.$)");
  for (const std::string& line : lines) {
    std::smatch m;
    if (std::regex_search(line, m, graph_re)) graphs.insert(m[1]);
  }
  std::vector<Json> claims = ExportClaims();
  ASSERT_FALSE(claims.empty());
  std::set<std::string> ids;
  for (const Json& c : claims) ids.insert(c["id"].get<std::string>());
  EXPECT_EQ(graphs, ids);
  // PROV-O provenance of one claim: its article, its sentence, the rule as plan.
  const std::string g = "<urn:kg:claim:" + claims.front()["id"].get<std::string>() + ">";
  EXPECT_NE(text.find(g + " <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:kg:article:"),
            std::string::npos);
  EXPECT_NE(text.find(g + " <http://www.w3.org/ns/prov#wasGeneratedBy> "), std::string::npos);
  EXPECT_NE(text.find("<http://www.w3.org/ns/prov#hadPlan> <urn:kg:rule:"), std::string::npos);
}

TEST_F(ExportConsumersTest, NetworkxReadsTheCorpusGraphMlWithCountsAndTypedAttributes) {
  if (!HasPythonModule("networkx")) GTEST_SKIP() << "NetworkX missing (Debian python3-networkx)";
  IngestCorpus();
  std::string file = ExportTo("graphml", "graph.graphml");
  Json g = RunScript("read_graphml.py", {file});
  EXPECT_TRUE(g["directed"].get<bool>());
  EXPECT_EQ(g["nodes"].get<int64_t>(), Count("nodes"));
  EXPECT_EQ(g["edges"].get<int64_t>(), Count("relationships"));
  if (SeedDir().empty()) return;
  // The Pentagon's $400 million: an integer attribute on an INVESTS_IN edge to MP Materials.
  std::map<std::string, std::string> names;
  for (auto& [id, attrs] : g["node_attrs"].items()) names[id] = attrs.value("name", "");
  bool found = false;
  for (const Json& e : g["edge_attrs"]) {
    if (e.value("type", "") == "INVESTS_IN" && names[e["target"]] == "MP Materials" &&
        e.contains("amount") && e["amount"].is_number_integer() &&
        e["amount"].get<int64_t>() == 400000000) {
      found = true;
      EXPECT_EQ(names[e["source"]], kDod);
      EXPECT_EQ(e["amount_unit"], "USD");
      EXPECT_EQ(e["label"], "INVESTS_IN");
    }
  }
  EXPECT_TRUE(found) << "no INVESTS_IN edge with amount 400000000 to MP Materials";
}

TEST_F(ExportConsumersTest, DotRendersTheCorpusGraphAndSvgShowsANeighbourhood) {
  if (Which("dot").empty()) GTEST_SKIP() << "Graphviz dot missing (Debian graphviz)";
  IngestCorpus();
  std::string file = ExportTo("dot", "graph.dot");
  RunResult r = RunProcess(Which("dot"), {"-Tsvg", "-o", dir_ + "/graph.svg", file});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  Json svg = RunScript("svg_text.py", {dir_ + "/graph.svg"});
  std::string texts = svg["texts"].dump();
  EXPECT_NE(texts.find("Company"), std::string::npos);  // A cluster label.
  if (SeedDir().empty()) return;
  EXPECT_NE(texts.find("MP Materials"), std::string::npos);
  EXPECT_NE(texts.find("USD 400M"), std::string::npos);  // The key figure on the edge.

  // kg renders SVG itself too: the Pentagon's neighbourhood.
  std::string own = ExportTo("svg", "pentagon.svg", {"--entity", "Pentagon", "--depth", "1"});
  Json p = RunScript("svg_text.py", {own});
  std::string ptexts = p["texts"].dump();
  EXPECT_NE(ptexts.find(kDod), std::string::npos);
  EXPECT_NE(ptexts.find("MP Materials"), std::string::npos);
}

TEST_F(ExportConsumersTest, Neo4jCsvFollowsTheImporterHeaderFormatAndReferencesExist) {
  if (Which("python3").empty()) GTEST_SKIP() << "python3 missing";
  IngestCorpus();
  RunResult r = Kg({"export", "--format", "neo4j-csv", "--out", dir_ + "/neo4j"});
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  Json j = RunScript("check_neo4j_csv.py", {dir_ + "/neo4j"});
  EXPECT_EQ(j["nodes"].get<int64_t>(), Count("nodes"));
  EXPECT_EQ(j["relationships"].get<int64_t>(), Count("relationships"));
  EXPECT_GT(j["types"].value("MENTIONS", 0), 0);
  EXPECT_GT(j["labels"].value("Company", 0), 0);
  // A second export into the same (now full) folder is refused, not mixed in.
  RunResult again = Kg({"export", "--format", "neo4j-csv", "--out", dir_ + "/neo4j"});
  EXPECT_EQ(again.exit_code, 1) << Describe(again);
  EXPECT_NE(again.err.find("not empty"), std::string::npos) << again.err;
}

// Every format keeps awkward text intact, as its consumer reads it back.
TEST_F(ExportConsumersTest, EscapingSurvivesEveryConsumer) {
  CreateTrickyGraph();
  if (!Which("rapper").empty()) {
    std::string file = ExportTo("nquads", "t.nq");
    RunResult r = RunProcess(Which("rapper"), {"-i", "nquads", "-c", file});
    EXPECT_EQ(r.exit_code, 0) << Describe(r) << ReadFileBytes(file);
    EXPECT_EQ(RapperCount(r), static_cast<int64_t>(SplitLines(ReadFileBytes(file)).size()));
    // Parsed back by rapper (as N-Triples, one statement per line), the literal is intact.
    RunResult nt = RunProcess(Which("rapper"), {"-q", "-i", "nquads", "-o", "ntriples", file});
    EXPECT_NE(nt.out.find("\"" + std::string("Quote \\\"Co\\\" <b>&amp; \\\\ back\\nslash") + "\""),
              std::string::npos) << nt.out;
  }
  if (HasPythonModule("networkx")) {
    Json g = RunScript("read_graphml.py", {ExportTo("graphml", "t.graphml")});
    std::set<std::string> names;
    for (auto& [id, attrs] : g["node_attrs"].items()) names.insert(attrs.value("name", ""));
    EXPECT_TRUE(names.count(kTrickyCompany)) << g.dump();
    EXPECT_TRUE(names.count(kTrickyCountry)) << g.dump();
    ASSERT_EQ(g["edge_attrs"].size(), 1u);
    const Json& e = g["edge_attrs"][0];
    EXPECT_EQ(e["sentence"], kTrickySentence);
    EXPECT_EQ(e["amount"], 400000000);
    EXPECT_EQ(e["share"], 12.5);
    EXPECT_EQ(e["ok"], true);
    EXPECT_EQ(e["citations"], "[3,14]");  // Lists have no GraphML type: JSON text.
  }
  if (!Which("dot").empty()) {
    std::string dot = ExportTo("dot", "t.dot");
    RunResult r = RunProcess(Which("dot"), {"-Tsvg", "-o", dir_ + "/t.svg", dot});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
    std::string texts = RunScript("svg_text.py", {dir_ + "/t.svg"})["texts"].dump();
    // Graphviz breaks labels at newlines; each part is shown literally (no entity decoding).
    EXPECT_NE(texts.find(Json("Quote \"Co\" <b>&amp; \\ back").dump()), std::string::npos) << texts;
    EXPECT_NE(texts.find(Json(kTrickyCountry).dump()), std::string::npos) << texts;
  }
  if (!Which("python3").empty()) {
    RunResult r = Kg({"export", "--format", "neo4j-csv", "--out", dir_ + "/t"});
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
    Json j = RunScript("check_neo4j_csv.py", {dir_ + "/t"});
    std::set<std::string> names;
    Json sentence, aliases;
    for (auto& [key, v] : j["values"].items()) {
      if (key.size() > 5 && key.substr(key.size() - 5) == ":name") names.insert(v.get<std::string>());
      if (key.find(":sentence") != std::string::npos) sentence = v;
      if (key.find(":aliases") != std::string::npos) aliases = v;
    }
    EXPECT_TRUE(names.count(kTrickyCompany));
    EXPECT_TRUE(names.count(kTrickyCountry));
    EXPECT_EQ(sentence, kTrickySentence);
    // An alias holding the array delimiter ';' cannot be a string[]: JSON text instead.
    EXPECT_EQ(aliases, Json(std::vector<std::string>{"A;B", "甲公司", kTrickyCompany}).dump());
  }
}

TEST_F(ExportConsumersTest, EntityDepthAndTypeSelectTheNeighbourhood) {
  if (SeedDir().empty()) GTEST_SKIP() << "../shared/seed is absent";
  if (!HasPythonModule("networkx")) GTEST_SKIP() << "NetworkX missing (Debian python3-networkx)";
  IngestCorpus();
  // Through the alias: Pentagon is the Department of Defense.
  Json g = RunScript("read_graphml.py",
                     {ExportTo("graphml", "p.graphml", {"--entity", "Pentagon", "--depth", "1"})});
  std::set<std::string> names, labels, types;
  for (auto& [id, attrs] : g["node_attrs"].items()) {
    names.insert(attrs.value("name", ""));
    labels.insert(attrs.value("labels", ""));
  }
  for (const Json& e : g["edge_attrs"]) types.insert(e.value("type", ""));
  EXPECT_TRUE(names.count(kDod));
  EXPECT_TRUE(names.count("MP Materials"));
  EXPECT_FALSE(labels.count(":Article"));  // MENTIONS is not followed unless asked.
  EXPECT_FALSE(types.count("MENTIONS"));
  EXPECT_LT(g["nodes"].get<int>(), Count("nodes"));

  Json s = RunScript("read_graphml.py", {ExportTo("graphml", "s.graphml", {"--type", "SUPPLIES"})});
  ASSERT_GT(s["edges"].get<int>(), 0);
  for (const Json& e : s["edge_attrs"]) EXPECT_EQ(e["type"], "SUPPLIES");

  RunResult none = Kg({"export", "--format", "dot", "--entity", "No Such Company Ltd"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no entity named"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace kg_e2e
