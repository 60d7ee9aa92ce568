// kg-bench: ingest throughput, database size, peak memory and query latency at growing sizes.
//
//   kg-bench [--sizes 1000,10000,100000] [--seed N] [--work DIR] [--kg PATH] [--threads N]
//            [--reps N] [--keep] [--db DIR] [--queries one-hop,two-hop,var-length]
//            [--query CYPHER]
//
// For each size: writes that many synthetic seed-style articles (tools/bench/synth.h) as .txt
// files (1,000 per folder), runs `kg --db … ingest` on them in a child process (wall time,
// peak RSS from wait4), then `kg compact` (timed apart: what an analyst runs after a bulk
// load), measures the database folder, then opens the database read-only and
// times one-hop, two-hop and variable-length queries (outgoing claims) from named companies (the most frequent
// one, a hub, and one of typical degree) through query::Run, printing the first run's time
// (before the run warmed the block and node caches for this query), then, after five warm-up
// runs, median and p99 of --reps runs.
// Output: one Markdown table row per size and query anchor, ready for the README.
// --db DIR times the queries on a database kept from an earlier run (--keep; it lives in
// WORK/nN/db) instead of generating and ingesting: give the same --sizes N and --seed.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "graph/store.h"
#include "query/query.h"
#include "tools/bench/synth.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Args {
  std::vector<uint64_t> sizes = {1000, 10000, 100000};
  uint64_t seed = 1;
  std::string work = "/tmp/kg-bench";
  std::string kg;
  int threads = 0;
  int reps = 200;
  bool keep = false;
  std::string db;  // Existing database: skip generation and ingest.
  std::vector<std::string> queries = {"one-hop", "two-hop", "var-length"};
  std::string query;  // --query: time this one (with $name bound to each anchor) instead.
};

// Writes the corpus; returns its size in bytes.
uint64_t WriteCorpus(const kg::bench::SynthOptions& o, const fs::path& dir) {
  uint64_t bytes = 0;
  for (uint64_t i = 0; i < o.articles; ++i) {
    const fs::path sub = dir / absl::StrFormat("%05d", i / 1000);
    if (i % 1000 == 0) fs::create_directories(sub);
    const std::string text = kg::bench::SynthArticle(o, i);
    std::ofstream(sub / (kg::bench::SynthArticleId(o, i) + ".txt"), std::ios::binary) << text;
    bytes += text.size();
  }
  return bytes;
}

struct ChildRun {
  double seconds = 0;
  long max_rss_kb = 0;
  int status = -1;
};

ChildRun RunKg(const std::vector<std::string>& argv) {
  ChildRun r;
  std::cout.flush();
  const Clock::time_point t0 = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> a;
    for (const std::string& s : argv) a.push_back(const_cast<char*>(s.c_str()));
    a.push_back(nullptr);
    if (freopen("/dev/null", "w", stdout) == nullptr) _exit(126);
    execv(a[0], a.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.max_rss_kb = ru.ru_maxrss;
  r.status = status;
  return r;
}

struct Latency {
  double first_ms = 0, median_ms = 0, p99_ms = 0;  // first: before any run warmed a cache
  size_t rows = 0;
  std::string error;
};

Latency Time(kg::Store& store, const std::string& query, const std::string& name, int reps) {
  kg::query::QueryOptions opts;
  opts.params["name"] = kg::Value(name);
  std::vector<double> ms;
  Latency l;
  for (int i = 0; i < reps + 5; ++i) {
    const Clock::time_point t0 = Clock::now();
    kg::query::QueryOutcome out = kg::query::Run(store, query, opts);
    const double t = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!out.ok()) {
      l.error = kg::query::FormatError(out.error());
      return l;
    }
    l.rows = out.value().rows.size();
    if (i == 0) l.first_ms = t;
    if (i >= 5) ms.push_back(t);  // The first runs warm the caches.
  }
  std::sort(ms.begin(), ms.end());
  l.median_ms = ms[ms.size() / 2];
  l.p99_ms = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  return l;
}

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (k == "--keep") {
      a->keep = true;
    } else if ((v = next()) == nullptr) {
      return false;
    } else if (k == "--sizes") {
      a->sizes.clear();
      for (absl::string_view s : absl::StrSplit(v, ',')) {
        uint64_t n = 0;
        if (!absl::SimpleAtoi(s, &n) || n == 0 || n > 10'000'000) return false;
        a->sizes.push_back(n);
      }
    } else if (k == "--seed") {
      if (!absl::SimpleAtoi(v, &a->seed)) return false;
    } else if (k == "--work") {
      a->work = v;
    } else if (k == "--query") {
      a->query = v;
    } else if (k == "--queries") {
      a->queries = absl::StrSplit(v, ',');
    } else if (k == "--db") {
      a->db = v;
    } else if (k == "--kg") {
      a->kg = v;
    } else if (k == "--threads") {
      if (!absl::SimpleAtoi(v, &a->threads) || a->threads < 0) return false;
    } else if (k == "--reps") {
      if (!absl::SimpleAtoi(v, &a->reps) || a->reps < 1 || a->reps > 1'000'000) return false;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::cerr << "usage: kg-bench [--sizes 1000,10000,100000] [--seed N] [--work DIR] [--kg PATH]"
                 " [--threads N] [--reps N] [--keep] [--db DIR] [--queries one-hop,two-hop,var-length]"
                 " [--query CYPHER]\n";
    return 2;
  }
  if (args.kg.empty()) {
    args.kg = (fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "kg").string();
  }
  std::vector<std::pair<std::string, std::string>> queries = {
      {"one-hop", "MATCH (a {name: $name})-[r]->(b) RETURN type(r), b.name"},
      {"two-hop", "MATCH (a {name: $name})-[r1]->(b)-[r2]->(c) RETURN type(r2), c.name"},
      // An analyst's two-hop question: the customers of the company's customers.
      {"two-hop SUPPLIES",
       "MATCH (a {name: $name})-[:SUPPLIES]->(b)-[:SUPPLIES]->(c) RETURN b.name, c.name"},
      {"var-length 1..3 LIMIT 10",
       "MATCH p = (a {name: $name})-[:SUPPLIES|LENDS_TO|INVESTS_IN*1..3]->(b) RETURN p LIMIT 10"},
  };
  if (!args.query.empty()) {
    queries = {{"query", args.query}};
    args.queries = {"query"};
  }
  std::cout << "| articles | ingest s | articles/s | MB/s | compact s | DB MB | peak RSS MB "
               "| anchor (degree) | query | first ms | median ms | p99 ms | rows |\n"
               "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (uint64_t n : args.sizes) {
    kg::bench::SynthOptions o;
    o.seed = args.seed;
    o.articles = n;
    const fs::path root = fs::path(args.work) / absl::StrCat("n", n);
    const bool reuse = !args.db.empty();
    const fs::path corpus = root / "corpus", db = reuse ? fs::path(args.db) : root / "db";
    uint64_t corpus_bytes = 0;
    ChildRun run, compact;
    if (!reuse) {
      fs::remove_all(root);
      corpus_bytes = WriteCorpus(o, corpus);
      std::vector<std::string> cmd = {args.kg, "--db", db.string(), "ingest"};
      if (args.threads > 0) {
        cmd.push_back("--threads");
        cmd.push_back(std::to_string(args.threads));
      }
      cmd.push_back(corpus.string());
      run = RunKg(cmd);
      if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0) {
        std::cerr << "kg-bench: ingest of " << n << " articles failed (status " << run.status
                  << ")\n";
        return 1;
      }
      compact = RunKg({args.kg, "--db", db.string(), "compact"});
      if (!WIFEXITED(compact.status) || WEXITSTATUS(compact.status) != 0) {
        std::cerr << "kg-bench: compact failed (status " << compact.status << ")\n";
        return 1;
      }
    }
    const double db_mb = kg::DatabaseBytes(db.string()) / 1e6;
    kg::StoreOptions ro;
    ro.read_only = true;
    absl::StatusOr<std::unique_ptr<kg::Store>> store = kg::Store::Open(db.string(), ro);
    if (!store.ok()) {
      std::cerr << "kg-bench: " << store.status() << "\n";
      return 1;
    }
    // Anchors: the most frequent company (rank 0) and a company of typical degree.
    const std::pair<std::string, std::string> anchors[] = {
        {"hub", kg::bench::SynthCompanyName(o, 0)},
        {"typical", kg::bench::SynthCompanyName(o, (n / 4 + 200) / 20)}};
    bool first = true;
    for (const auto& [kind, name] : anchors) {
      const Latency degree =
          Time(**store, "MATCH (a {name: $name})-[r]->(b) RETURN type(r), b.name", name, 1);
      for (const auto& [qname, qtext] : queries) {
        // From the hub, the full two-hop result is most of the graph: not a latency question.
        if (kind == "hub" && absl::StartsWith(qname, "two-hop")) continue;
        if (std::none_of(args.queries.begin(), args.queries.end(),
                         [&](const std::string& want) { return absl::StartsWith(qname, want); })) {
          continue;
        }
        const Latency l = Time(**store, qtext, name, args.reps);
        if (!l.error.empty()) {
          std::cerr << "kg-bench: " << qname << ": " << l.error << "\n";
          return 1;
        }
        if (first && reuse) {
          std::cout << absl::StrFormat("| %d | - | - | - | - | %.1f | - ", n, db_mb);
        } else if (first) {
          std::cout << absl::StrFormat("| %d | %.1f | %.0f | %.2f | %.1f | %.1f | %.0f ", n,
                                       run.seconds, n / run.seconds,
                                       corpus_bytes / 1e6 / run.seconds, compact.seconds, db_mb,
                                       run.max_rss_kb / 1024.0);
        } else {
          std::cout << "| | | | | | | ";
        }
        first = false;
        std::cout << absl::StrFormat("| %s %s (%d) | %s | %.3f | %.3f | %.3f | %d |\n", kind,
                                     name, degree.rows, qname, l.first_ms, l.median_ms, l.p99_ms,
                                     l.rows);
      }
    }
    std::cout.flush();
    if (!args.keep && !reuse) fs::remove_all(root);
  }
  return 0;
}
