// kg: the command-line front end. Argument parsing and printing only; the work happens in
// ingest/, graph/ and query/.
//
//   kg [--db DIR] [--schema DIR] COMMAND [ARGS]
//
// Exit codes: 0 ok, 1 bad input (a file, a query, a database), 2 usage.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "graph/store.h"
#include "ingest/extract.h"
#include "ingest/read.h"
#include "query/export.h"
#include "query/query.h"
#include "tools/audit.h"
#include "tools/cli.h"
#include "tools/export_graph.h"
#include "tools/load_commands.h"
#include "tools/serve.h"
#include "tools/shell.h"

namespace {

constexpr char kMainHelp[] = R"(kg: a knowledge graph of supply-chain claims from news articles.

usage: kg [--db DIR] [--schema DIR] COMMAND [ARGS]

commands:
  ingest PATH...           read articles (.txt .md .jsonl .json, folders recursively) into the graph
  extract [PATH...|-]      articles in, claims JSON lines out (no database; for kg load)
  load [FILE...|-]         store the output of kg extract
  export --format jsonl    print claims (or --what entities) as JSON lines (SPEC §3)
  export --format F        neo4j-csv, nquads, graphml, dot or svg (kg export --help)
  query QUERY              run an openCypher query (-f FILE, or - for stdin; none: shell)
  serve                    HTTP API and page over the graph (kg serve --help)
  stats                    count nodes, relationships and articles
  compact                  rewrite the database as one sorted run (after a bulk load)
  explain-extraction FILE  show, sentence by sentence, how claims were (not) extracted
  audit                    uncited claims, citation checks, conflicts, corroboration (SPEC §5)

options:
  --db DIR       the database folder (default: $KG_DB, else ./kg.db); created if missing
  --schema DIR   the schema folder with gazetteer and rules (default: $KG_SCHEMA, else the
                 source tree's schema/)
  --help         this text; `kg COMMAND --help` describes one command

exit codes: 0 ok, 1 bad input, 2 usage error
)";

constexpr char kExportHelp[] = R"(usage: kg [--db DIR] export --format jsonl [--what claims|entities]

Prints one JSON object per line: claims (default) with subject, object, qualifiers, source
(article, section, sentence, span, citations) and rule; or entities with id, name, label,
aliases and the articles that mention them.
)";

constexpr char kQueryHelp[] = R"(usage: kg [--db DIR] query [options] [QUERY | -f FILE | -]

Runs one openCypher query; without one, opens an interactive shell (statements end with ';';
:help, :schema, :format, :quit). EXPLAIN QUERY prints the plan, PROFILE QUERY rows and time
per clause. Claims are relationships; their qualifiers and provenance are
properties (r.amount, r.percent, r.commodity, r.article, r.sentence, r.citations, ...).
A name in a pattern resolves through aliases: {name:'Pentagon'}.

options:
  --format table|json|csv   output format (default: table)
  --param NAME=JSON         a query parameter $NAME (repeatable)
  --max-hops N              cap for unbounded variable-length patterns (default 15)
  --timeout SECONDS         wall-clock budget (default 60)
  --max-rows N              row cap (default 1000000)

example:
  kg query "MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name, c.name, r.commodity, r.article"
)";

constexpr char kStatsHelp[] = R"(usage: kg [--db DIR] stats

Prints the number of nodes, relationships and articles in the database.
)";

constexpr char kCompactHelp[] = R"(usage: kg [--db DIR] compact

Merges the database's table files into one sorted run. After a bulk load (many thousands of
articles) traversals then merge fewer files: the typed two-hop query of the benchmark takes
about a tenth fewer instructions. Takes about half a minute per 100,000 articles on a laptop;
answers are unchanged. Needs the database for itself (not while another kg process writes it).
)";

constexpr char kExplainHelp[] = R"(usage: kg [--schema DIR] explain-extraction FILE

Runs extraction on FILE without storing anything and prints, per sentence, its tagged form
(entities and quantities marked), every rule that matched, why candidates were dropped
(negation, hypothetical, no subject, duplicate) and the claims that were kept.
)";

struct Global {
  std::string db;
  std::string schema;
};

using kg::tools::kBadInput;
using kg::tools::kOk;
using kg::tools::kUsage;
using kg::tools::WantsHelp;

int Usage(const std::string& message) { return kg::tools::UsageError("", message); }

// For commands that mostly read (query, export, stats): when another process is writing the
// database, read a snapshot of it read-only instead (writes are then refused).
absl::StatusOr<std::unique_ptr<kg::Store>> OpenStore(const Global& g) {
  absl::StatusOr<std::unique_ptr<kg::Store>> store = kg::Store::Open(g.db);
  if (store.ok() || !absl::StrContains(store.status().message(), "database is in use")) {
    return store;
  }
  kg::StoreOptions read_only;
  read_only.read_only = true;
  absl::StatusOr<std::unique_ptr<kg::Store>> reader = kg::Store::Open(g.db, read_only);
  if (!reader.ok()) return store;
  std::cerr << "kg: note: " << g.db
            << " is in use by another kg process; reading it as of now, read-only\n";
  return reader;
}

// Loads the schema and reads the paths, printing problems. nullptr: the schema is unusable.
std::unique_ptr<kg::ingest::Extractor> LoadAndRead(const Global& g,
                                                   const std::vector<std::string>& paths,
                                                   kg::ingest::ReadResult* read) {
  auto extractor = kg::ingest::Extractor::Load(g.schema);
  if (!extractor.ok()) {
    std::cerr << "kg: schema: " << extractor.status().message() << "\n";
    return nullptr;
  }
  *read = kg::ingest::ReadPaths(paths);
  for (const kg::ingest::Problem& p : read->problems) {
    std::cerr << "kg: " << p.origin << ": " << p.message << " (skipped)\n";
  }
  return std::move(*extractor);
}

int Export(const Global& g, const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kExportHelp << kg::tools::kExportGraphHelp;
    return kOk;
  }
  if (kg::tools::IsGraphExport(args)) return kg::tools::ExportGraphCommand(g.db, args);
  std::string format = "jsonl", what = "claims";
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--format" || args[i] == "--what") && i + 1 < args.size()) {
      (args[i] == "--format" ? format : what) = args[i + 1];
      ++i;
    } else {
      return Usage(absl::StrCat("export: unexpected argument '", args[i], "'"));
    }
  }
  if (format != "jsonl") return Usage(absl::StrCat("export: unknown format '", format, "'"));
  if (what != "claims" && what != "entities") {
    return Usage(absl::StrCat("export: --what must be claims or entities, not '", what, "'"));
  }
  auto store = OpenStore(g);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().message() << "\n";
    return kBadInput;
  }
  absl::Status st = what == "claims" ? kg::query::ExportClaims(**store, std::cout)
                                     : kg::query::ExportEntities(**store, std::cout);
  if (!st.ok()) {
    std::cerr << "kg: export: " << st.message() << "\n";
    return kBadInput;
  }
  return kOk;
}

int Query(const Global& g, const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kQueryHelp;
    return kOk;
  }
  std::string format = "table";
  kg::query::QueryOptions options;
  std::string text;
  bool have_text = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--format") {
      if (!value(&format)) return Usage("query: --format needs a value");
    } else if (a == "--param") {
      if (!value(&v)) return Usage("query: --param needs NAME=JSON");
      size_t eq = v.find('=');
      if (eq == std::string::npos || eq == 0) return Usage("query: --param needs NAME=JSON");
      absl::StatusOr<kg::Value> p = kg::query::ParamFromJson(v.substr(eq + 1));
      if (!p.ok()) {
        std::cerr << "kg: --param " << v.substr(0, eq) << ": " << p.status().message() << "\n";
        return kUsage;
      }
      options.params[v.substr(0, eq)] = *p;
    } else if (a == "--max-hops" || a == "--max-rows" || a == "--timeout") {
      if (!value(&v)) return Usage(absl::StrCat("query: ", a, " needs a number"));
      int64_t n = 0;
      double seconds = 0;
      if (a == "--timeout") {
        if (!absl::SimpleAtod(v, &seconds) || seconds <= 0) return Usage("query: bad --timeout");
        options.timeout = absl::Seconds(seconds);
      } else {
        if (!absl::SimpleAtoi(v, &n) || n < 0) return Usage(absl::StrCat("query: bad ", a));
        if (a == "--max-hops") options.max_hops = static_cast<int>(n);
        if (a == "--max-rows") options.max_rows = static_cast<size_t>(n);
      }
    } else if (a == "-f") {
      if (!value(&v)) return Usage("query: -f needs a FILE");
      absl::StatusOr<std::string> file = kg::ingest::ReadFileBytes(v);
      if (!file.ok()) {
        std::cerr << "kg: " << v << ": " << file.status().message() << "\n";
        return kBadInput;
      }
      text = *std::move(file);
      have_text = true;
    } else if (a == "-") {
      std::stringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
      have_text = true;
    } else if (!have_text && !absl::StartsWith(a, "--")) {
      text = a;
      have_text = true;
    } else {
      return Usage(absl::StrCat("query: unexpected argument '", a, "'"));
    }
  }
  if (format != "table" && format != "json" && format != "csv") {
    return Usage(absl::StrCat("query: unknown format '", format, "'"));
  }
  auto store = OpenStore(g);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().message() << "\n";
    return kBadInput;
  }
  if (!have_text) return kg::tools::RunShell(**store, options, format);  // tools/shell.h
  kg::query::QueryOutcome outcome = kg::query::Run(**store, text, options);
  if (!outcome.ok()) {
    std::cerr << kg::query::FormatError(outcome.error()) << "\n";
    return kBadInput;
  }
  for (const std::string& w : outcome.value().warnings) std::cerr << "warning: " << w << "\n";
  if (format == "json") {
    std::cout << kg::query::FormatJson(outcome.value());
  } else if (format == "csv") {
    std::cout << kg::query::FormatCsv(outcome.value());
  } else {
    std::cout << kg::query::FormatTable(outcome.value());
  }
  return kOk;
}

int Stats(const Global& g, const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kStatsHelp;
    return kOk;
  }
  if (!args.empty()) return Usage(absl::StrCat("stats: unexpected argument '", args[0], "'"));
  auto store = OpenStore(g);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().message() << "\n";
    return kBadInput;
  }
  absl::StatusOr<kg::Store::Stats> s = (*store)->GetStats();
  if (!s.ok()) {
    std::cerr << "kg: stats: " << s.status().message() << "\n";
    return kBadInput;
  }
  std::cout << "articles       " << s->articles << "\nnodes          " << s->nodes
            << "\nrelationships  " << s->relationships << "\n";
  return kOk;
}

int Compact(const Global& g, const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kCompactHelp;
    return kOk;
  }
  if (!args.empty()) return Usage(absl::StrCat("compact: unexpected argument '", args[0], "'"));
  kg::StoreOptions options;
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<kg::Store>> store = kg::Store::Open(g.db, options);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().message() << "\n";
    return kBadInput;
  }
  const uint64_t before = kg::DatabaseBytes(g.db);
  const auto start = std::chrono::steady_clock::now();
  if (absl::Status s = (*store)->Compact(); !s.ok()) {
    std::cerr << "kg: " << s.message() << "\n";
    return kBadInput;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << absl::StrFormat("compacted %s: %.1f MB -> %.1f MB in %.1f s\n", g.db,
                               before / 1e6, kg::DatabaseBytes(g.db) / 1e6, seconds);
  return kOk;
}

int Explain(const Global& g, const std::vector<std::string>& args) {
  if (WantsHelp(args)) {
    std::cout << kExplainHelp;
    return kOk;
  }
  if (args.size() != 1) return Usage("explain-extraction: give exactly one FILE");
  kg::ingest::ReadResult read;
  std::unique_ptr<kg::ingest::Extractor> extractor = LoadAndRead(g, args, &read);
  if (extractor == nullptr) return kBadInput;
  for (const kg::ingest::Document& doc : read.documents) {
    std::vector<kg::ingest::SentenceTrace> trace;
    kg::ArticleRecord record = extractor->Extract(doc, &trace);
    std::cout << "article " << doc.id << " (" << record.claims.size() << " claims)\n";
    for (const auto& t : trace) {
      std::cout << "\n[" << t.section << "] " << t.sentence;
      if (!t.citations.empty()) std::cout << "  cites " << absl::StrJoin(t.citations, ",");
      std::cout << "\n  tagged: " << t.tagged << "\n";
      if (!t.found.empty()) std::cout << "  found: " << absl::StrJoin(t.found, "; ") << "\n";
      for (const std::string& n : t.notes) std::cout << "  - " << n << "\n";
    }
  }
  return read.problems.empty() ? kOk : kBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  Global g;
  const char* env_db = std::getenv("KG_DB");
  g.db = env_db != nullptr && *env_db != '\0' ? env_db : "kg.db";
  g.schema = kg::ingest::DefaultSchemaDir();
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--db" || a == "--schema") {
      if (i + 1 >= args.size()) return Usage(absl::StrCat(a, " needs a value"));
      (a == "--db" ? g.db : g.schema) = args[++i];
    } else if (absl::StartsWith(a, "--db=")) {
      g.db = a.substr(5);
    } else if (absl::StartsWith(a, "--schema=")) {
      g.schema = a.substr(9);
    } else if (a == "--help" || a == "-h") {
      std::cout << kMainHelp;
      return kOk;
    } else {
      break;
    }
  }
  if (i >= args.size()) return Usage("no COMMAND given");
  const std::string command = args[i];
  std::vector<std::string> rest(args.begin() + i + 1, args.end());
  // Options given after the command: --db / --schema are accepted there too.
  std::vector<std::string> filtered;
  for (size_t j = 0; j < rest.size(); ++j) {
    if ((rest[j] == "--db" || rest[j] == "--schema") && j + 1 < rest.size()) {
      (rest[j] == "--db" ? g.db : g.schema) = rest[j + 1];
      ++j;
    } else {
      filtered.push_back(rest[j]);
    }
  }
  const kg::tools::CommandContext ctx{g.db, g.schema};
  if (command == "ingest") return kg::tools::IngestCommand(ctx, filtered);
  if (command == "extract") return kg::tools::ExtractCommand(ctx, filtered);
  if (command == "load") return kg::tools::LoadCommand(ctx, filtered);
  if (command == "export") return Export(g, filtered);
  if (command == "query") return Query(g, filtered);
  if (command == "serve") return kg::tools::ServeCommand(g.db, g.schema, filtered);
  if (command == "stats") return Stats(g, filtered);
  if (command == "compact") return Compact(g, filtered);
  if (command == "explain-extraction") return Explain(g, filtered);
  if (command == "audit") return kg::tools::AuditCommand(g.db, g.schema, filtered);
  return Usage(absl::StrCat("unknown command '", command, "'"));
}
