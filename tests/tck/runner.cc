// tck_runner: runs the openCypher TCK's .feature files against kg's query engine, in-process
// (query/query.h), one fresh temporary database per scenario, and prints a per-folder table.
//
//   tck_runner [--tck-dir=DIR] [--filter=TEXT] [--jobs=N] [--verbose] [--no-thresholds]
//
// --filter runs only scenarios whose "FOLDER/FILE.feature :: NAME" contains TEXT (floors are
// then not checked); --jobs runs N scenarios at a time (default 2); --verbose prints each
// failure with the step that failed and the expected/actual rows.
//
// DIR defaults to $KG_TCK_DIR, else $KG_SOURCE_DIR/../shared/tck/features. When DIR does not
// exist the run is skipped (exit code 77, which ctest reports as skipped). Scenarios named in
// tests/tck/skip.txt (features outside kg's subset, with the reason) count as skipped; every
// other scenario passes or fails. Exit code 1 when a folder's pass rate (passed / total) is
// below its floor in tests/tck/thresholds.txt, so regressions fail the test.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/store.h"
#include "query/query.h"
#include "tests/tck/gherkin.h"
#include "tests/tck/tck_value.h"

namespace kg::tck {
namespace {

namespace fs = std::filesystem;

struct SkipEntry {
  std::string path;      // feature path prefix, relative to the features folder
  std::string scenario;  // scenario name prefix; empty = all
  std::string reason;
  int used = 0;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Trim(std::string_view s) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size())));
}

// skip.txt: `PATH [:: SCENARIO-PREFIX] | REASON`, '#' comments.
std::vector<SkipEntry> LoadSkips(const fs::path& file) {
  std::vector<SkipEntry> out;
  std::istringstream in(ReadFile(file));
  std::string line;
  while (std::getline(in, line)) {
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    SkipEntry e;
    size_t bar = t.find(" | ");
    std::string what = Trim(t.substr(0, bar));
    e.reason = bar == std::string::npos ? "" : Trim(t.substr(bar + 3));
    size_t sep = what.find(" :: ");
    e.path = Trim(what.substr(0, sep));
    if (sep != std::string::npos) e.scenario = Trim(what.substr(sep + 4));
    out.push_back(std::move(e));
  }
  return out;
}

// thresholds.txt: `FOLDER PERCENT`.
std::map<std::string, double> LoadThresholds(const fs::path& file) {
  std::map<std::string, double> out;
  std::istringstream in(ReadFile(file));
  std::string line;
  while (std::getline(in, line)) {
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    std::vector<std::string> parts = absl::StrSplit(t, ' ', absl::SkipEmpty());
    double v = 0;
    if (parts.size() == 2 && absl::SimpleAtod(parts[1], &v)) out[parts[0]] = v;
  }
  return out;
}

class ScenarioRun {
 public:
  ScenarioRun(const fs::path& dir) : dir_(dir) {}
  ~ScenarioRun() { Close(); }

  // Closes and deletes the database.
  void Close() {
    outcome_.reset();
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Empty string: passed. Else what failed.
  std::string Run(const Scenario& sc) {
    StoreOptions so;
    so.sync = false;
    auto s = Store::Open(dir_.string(), so);
    if (!s.ok()) return absl::StrCat("cannot open store: ", s.status().ToString());
    store_ = std::move(*s);
    for (const Step& st : sc.steps) {
      std::string f = RunStep(st);
      if (!f.empty()) return absl::StrCat("line ", st.line, ": ", st.text, ": ", f);
    }
    if (!executed_) return "no query executed";
    return "";
  }

 private:
  query::QueryOptions Options() const {
    query::QueryOptions o;
    o.params = params_;
    o.timeout = absl::Seconds(20);
    o.max_rows = 10'000'000;  // The TCK has a range() of a million elements.
    return o;
  }

  std::string RunStep(const Step& st) {
    const std::string& t = st.text;
    if (t == "an empty graph" || t == "any graph") return "";
    if (t == "having executed:") {
      query::QueryOutcome r = query::Run(*store_, st.doc, Options());
      if (!r.ok()) return absl::StrCat("setup query failed: ", query::FormatError(r.error()));
      return "";
    }
    if (t == "parameters are:") {
      for (const auto& row : st.table) {
        if (row.size() != 2) return "parameter rows need 2 cells";
        auto v = ParseTValue(row[1]);
        if (!v.ok()) return std::string(v.status().message());
        auto p = ToParam(*v);
        if (!p.ok()) return std::string(p.status().message());
        params_[row[0]] = std::move(*p);
      }
      return "";
    }
    if (t == "executing query:" || t == "executing control query:") {
      outcome_ = std::make_unique<query::QueryOutcome>(query::Run(*store_, st.doc, Options()));
      executed_ = true;
      return "";
    }
    if (absl::StartsWith(t, "the result should be")) {
      if (!outcome_) return "no query executed";
      if (!outcome_->ok()) return absl::StrCat("query failed: ", query::FormatError(outcome_->error()));
      if (t == "the result should be empty") {
        if (!outcome_->value().rows.empty()) {
          return absl::StrCat("expected no rows, got ", outcome_->value().rows.size(), "\n",
                              query::FormatTable(outcome_->value()));
        }
        return "";
      }
      const bool ordered = absl::StrContains(t, "in order");
      const bool unordered_lists = absl::StrContains(t, "ignoring element order for lists");
      return CompareTable(st.table, ordered, unordered_lists);
    }
    if (absl::StartsWith(t, "a ") && absl::StrContains(t, " should be raised at ")) {
      std::string kind = t.substr(2, t.find(' ', 2) - 2);
      if (!outcome_) return "no query executed";
      if (outcome_->ok()) {
        return absl::StrCat("expected ", kind, ", the query succeeded\n",
                            query::FormatTable(outcome_->value()));
      }
      if (outcome_->error().kind != kind) {
        return absl::StrCat("expected ", kind, ", got ", query::FormatError(outcome_->error()));
      }
      return "";
    }
    if (t == "no side effects" || t == "the side effects should be:") {
      if (!outcome_) return "no query executed";
      if (!outcome_->ok()) return "";  // an error was already checked (or reported)
      std::map<std::string, int64_t> want;
      for (const auto& row : st.table) {
        int64_t n = 0;
        if (row.size() != 2 || !absl::SimpleAtoi(row[1], &n)) return "bad side-effect row";
        want[row[0]] = n;
      }
      const query::WriteStats& s = outcome_->value().stats;
      const std::map<std::string, int64_t> got = {
          {"+nodes", s.nodes_created},         {"-nodes", s.nodes_deleted},
          {"+relationships", s.relationships_created},
          {"-relationships", s.relationships_deleted},
          {"+labels", s.labels_added},         {"-labels", s.labels_removed},
          {"+properties", s.properties_set},   {"-properties", s.properties_removed}};
      std::string diff;
      for (const auto& [k, v] : got) {
        const int64_t w = want.count(k) ? want[k] : 0;
        if (w != v) absl::StrAppend(&diff, " ", k, " expected ", w, " got ", v, ";");
      }
      for (const auto& [k, v] : want) {
        if (!got.count(k)) absl::StrAppend(&diff, " unknown counter ", k, ";");
      }
      return diff.empty() ? "" : absl::StrCat("side effects differ:", diff);
    }
    return "unsupported step";
  }

  std::string CompareTable(const std::vector<std::vector<std::string>>& table, bool ordered,
                           bool unordered_lists) {
    const query::QueryResult& r = outcome_->value();
    if (table.empty()) return "expected table missing";
    const auto& header = table[0];
    std::vector<size_t> col;
    {
      std::vector<std::string> a = r.columns, b = header;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a != b) {
        return absl::StrCat("columns differ: expected [", absl::StrJoin(header, ", "), "] got [",
                            absl::StrJoin(r.columns, ", "), "]");
      }
      for (const auto& h : header) {
        col.push_back(std::find(r.columns.begin(), r.columns.end(), h) - r.columns.begin());
      }
    }
    std::vector<std::vector<TValue>> want;
    for (size_t i = 1; i < table.size(); ++i) {
      std::vector<TValue> row;
      for (const auto& cell : table[i]) {
        auto v = ParseTValue(cell);
        if (!v.ok()) return absl::StrCat("bad expected value: ", v.status().message());
        row.push_back(std::move(*v));
      }
      if (row.size() != header.size()) return "expected row width differs from header";
      want.push_back(std::move(row));
    }
    std::vector<std::vector<TValue>> got;
    for (const auto& row : r.rows) {
      std::vector<TValue> g;
      for (size_t c : col) g.push_back(c < row.size() ? FromResult(row[c], r) : TValue());
      got.push_back(std::move(g));
    }
    auto row_eq = [&](const std::vector<TValue>& a, const std::vector<TValue>& b) {
      for (size_t i = 0; i < a.size(); ++i) {
        if (!Equal(a[i], b[i], unordered_lists)) return false;
      }
      return true;
    };
    bool ok = want.size() == got.size();
    if (ok && ordered) {
      for (size_t i = 0; i < want.size() && ok; ++i) ok = row_eq(want[i], got[i]);
    } else if (ok) {
      std::vector<bool> used(got.size(), false);
      for (const auto& w : want) {
        bool found = false;
        for (size_t j = 0; j < got.size() && !found; ++j) {
          if (!used[j] && row_eq(w, got[j])) used[j] = found = true;
        }
        if (!found) {
          ok = false;
          break;
        }
      }
    }
    if (ok) return "";
    std::string msg = absl::StrCat("result differs (", ordered ? "in order" : "any order",
                                   "); expected ", want.size(), " rows:\n");
    auto dump = [&](const std::vector<std::vector<TValue>>& rows) {
      for (const auto& row : rows) {
        std::vector<std::string> cells;
        for (const auto& v : row) cells.push_back(ToText(v));
        absl::StrAppend(&msg, "    | ", absl::StrJoin(cells, " | "), " |\n");
      }
    };
    dump(want);
    absl::StrAppend(&msg, "  got ", got.size(), " rows:\n");
    dump(got);
    return msg;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  std::map<std::string, kg::Value> params_;
  std::unique_ptr<query::QueryOutcome> outcome_;
  bool executed_ = false;
};

struct Counts {
  int passed = 0, failed = 0, skipped = 0;
  int total() const { return passed + failed + skipped; }
  double percent() const { return total() ? 100.0 * passed / total() : 100.0; }
};

int Main(int argc, char** argv) {
  std::string tck_dir, filter;
  bool verbose = false, thresholds_on = true;
  int jobs = 2;
  for (int i = 1; i < argc; ++i) {
    absl::string_view a = argv[i];
    if (absl::ConsumePrefix(&a, "--tck-dir=")) {
      tck_dir = std::string(a);
    } else if (absl::ConsumePrefix(&a, "--filter=")) {
      filter = std::string(a);
    } else if (a == "--verbose" || a == "-v") {
      verbose = true;
    } else if (absl::ConsumePrefix(&a, "--jobs=")) {
      if (!absl::SimpleAtoi(a, &jobs) || jobs < 1 || jobs > 64) {
        std::cerr << "--jobs takes 1..64\n";
        return 2;
      }
    } else if (a == "--no-thresholds") {
      thresholds_on = false;
    } else {
      std::cerr << "usage: tck_runner [--tck-dir=DIR] [--filter=TEXT] [--jobs=N] [--verbose] "
                   "[--no-thresholds]\n";
      return 2;
    }
  }
  if (tck_dir.empty()) {
    if (const char* e = std::getenv("KG_TCK_DIR"); e && *e) {
      tck_dir = e;
    } else {
      const char* src = std::getenv("KG_SOURCE_DIR");
      tck_dir = std::string(src && *src ? src : KG_SOURCE_DIR_DEFAULT) + "/../shared/tck/features";
    }
  }
  if (!fs::is_directory(tck_dir)) {
    std::cout << "SKIPPED: no TCK feature folder at " << tck_dir
              << " (set KG_TCK_DIR or pass --tck-dir=DIR)\n";
    return 77;
  }
  const fs::path data_dir = fs::path(KG_TCK_DATA_DIR);
  std::vector<SkipEntry> skips = LoadSkips(data_dir / "skip.txt");
  std::map<std::string, double> thresholds = LoadThresholds(data_dir / "thresholds.txt");

  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(tck_dir)) {
    if (e.is_regular_file() && e.path().extension() == ".feature") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());

  // RocksDB syncs its manifest when a database is created; on tmpfs that costs nothing.
  std::error_code shm_ec;
  const fs::path tmp_base =
      fs::is_directory("/dev/shm", shm_ec) && ::access("/dev/shm", W_OK) == 0
          ? fs::path("/dev/shm")
          : fs::temp_directory_path();
  const fs::path tmp_root = tmp_base / absl::StrCat("kg_tck_", ::getpid());
  fs::create_directories(tmp_root);
  std::map<std::string, Counts> folders;
  std::map<std::string, int> skip_reasons;
  int parse_errors = 0;
  const auto t0 = std::chrono::steady_clock::now();
  // Parse everything first; scenarios to run become jobs for `jobs` worker threads (each
  // scenario has its own database, so they are independent).
  std::vector<Feature> features;
  struct Job {
    std::string id, folder;
    const Scenario* scenario;
    std::string failure;
  };
  std::vector<Job> work;
  for (const fs::path& file : files) {
    const std::string rel = fs::relative(file, tck_dir).generic_string();
    auto feature = ParseFeature(ReadFile(file), rel);
    if (!feature.ok()) {
      std::cout << "PARSE ERROR " << feature.status().message() << "\n";
      ++parse_errors;
      continue;
    }
    features.push_back(std::move(*feature));
    const std::string folder = fs::path(rel).parent_path().generic_string();
    for (const Scenario& sc : features.back().scenarios) {
      const std::string id = absl::StrCat(rel, " :: ", sc.name);
      if (!filter.empty() && !absl::StrContains(id, filter)) continue;
      Counts& c = folders[folder];
      SkipEntry* skip = nullptr;
      for (SkipEntry& e : skips) {
        if (absl::StartsWith(rel, e.path) &&
            (e.scenario.empty() || absl::StartsWith(sc.name, e.scenario))) {
          skip = &e;
          break;
        }
      }
      if (skip != nullptr) {
        ++skip->used;
        ++c.skipped;
        ++skip_reasons[skip->reason];
        continue;
      }
      work.push_back({id, folder, &sc, ""});
    }
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < work.size(); i = next++) {
      ScenarioRun run(tmp_root / absl::StrCat("s", i));
      work[i].failure = run.Run(*work[i].scenario);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  for (const Job& j : work) {
    Counts& c = folders[j.folder];
    if (j.failure.empty()) {
      ++c.passed;
    } else {
      ++c.failed;
      if (verbose) std::cout << "FAIL " << j.id << "\n  " << j.failure << "\n";
    }
  }
  std::error_code ec;
  fs::remove_all(tmp_root, ec);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  Counts all;
  bool below = false;
  std::string table = "| folder | passed | failed | skipped | total | pass % | floor % |\n"
                      "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& [folder, c] : folders) {
    all.passed += c.passed;
    all.failed += c.failed;
    all.skipped += c.skipped;
    std::string floor = "";
    auto it = thresholds.find(folder);
    if (it != thresholds.end()) {
      floor = absl::StrFormat("%.1f", it->second);
      if (c.percent() + 1e-9 < it->second && filter.empty()) below = true;
    }
    absl::StrAppendFormat(&table, "| %s | %d | %d | %d | %d | %.1f | %s |\n", folder, c.passed,
                          c.failed, c.skipped, c.total(), c.percent(), floor);
  }
  absl::StrAppendFormat(&table, "| **all** | %d | %d | %d | %d | %.1f | |\n", all.passed,
                        all.failed, all.skipped, all.total(), all.percent());
  std::cout << table;
  std::cout << absl::StrFormat("%d scenarios run in %.1f s; %d feature files unparsable\n",
                               all.passed + all.failed, secs, parse_errors);
  std::cout << "skipped, by declared reason (tests/tck/skip.txt):\n";
  for (const auto& [reason, k] : skip_reasons) std::cout << "  " << k << "  " << reason << "\n";
  for (const SkipEntry& e : skips) {
    if (e.used == 0 && filter.empty()) {
      std::cout << "note: skip entry matches nothing: " << e.path << " " << e.scenario << "\n";
    }
  }
  if (parse_errors > 0) return 1;
  if (below && thresholds_on) {
    std::cout << "FAILED: a folder's pass rate is below its floor in tests/tck/thresholds.txt\n";
    for (const auto& [folder, c] : folders) {
      auto it = thresholds.find(folder);
      if (it != thresholds.end() && c.percent() + 1e-9 < it->second) {
        std::cout << absl::StrFormat("  %s: %.1f%% < %.1f%%\n", folder, c.percent(), it->second);
      }
    }
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace kg::tck

int main(int argc, char** argv) { return kg::tck::Main(argc, argv); }
