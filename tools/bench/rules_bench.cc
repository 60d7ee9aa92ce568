// kg-rules-bench: where extraction spends its time, in one process (no start-up, no store).
//
//   kg-rules-bench [--rules DIR] [--reps N] [--top K] TAGGED_FILE...
//   kg-rules-bench --articles [--schema DIR] [--reps N] PATH...
//
// A TAGGED_FILE holds one tagged sentence per line, as `kg explain-extraction` prints them
// after "tagged: " (for example: kg explain-extraction a.txt | sed -n 's/^  tagged: //p').
// Prints the time of RuleSet::Match per sentence (what extraction pays) and the K rules whose
// patterns cost the most when each is run alone on every sentence.
// With --articles, reads the articles of PATH (files or folders) and prints the time of the
// whole extraction (segmenting, quantities, entities, rules) per article on one core.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "ingest/extract.h"
#include "ingest/read.h"
#include "ingest/rules.h"
#include "re2/re2.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

int BenchArticles(const std::string& schema, int reps, const std::vector<std::string>& paths) {
  auto extractor = kg::ingest::Extractor::Load(schema);
  if (!extractor.ok()) {
    std::cerr << "kg-rules-bench: " << extractor.status().message() << "\n";
    return 1;
  }
  kg::ingest::ReadResult read = kg::ingest::ReadPaths(paths);
  if (read.documents.empty()) {
    std::cerr << "kg-rules-bench: no articles\n";
    return 1;
  }
  size_t bytes = 0, claims = 0;
  for (const auto& doc : read.documents) bytes += doc.text.size();
  Clock::duration best = Clock::duration::max();
  for (int r = 0; r < std::max(reps, 1); ++r) {
    claims = 0;
    const auto t0 = Clock::now();
    for (const auto& doc : read.documents) claims += (*extractor)->Extract(doc).claims.size();
    best = std::min(best, Clock::now() - t0);
  }
  const double s = Seconds(best);
  std::printf("%zu articles, %.1f MB, %zu claims: %.0f us/article, %.0f articles/s, %.2f MB/s "
              "on one core\n",
              read.documents.size(), bytes / 1e6, claims, 1e6 * s / read.documents.size(),
              read.documents.size() / s, bytes / 1e6 / s);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_dir = "schema/rules", schema_dir = kg::ingest::DefaultSchemaDir();
  int reps = 3, top = 15;
  bool articles = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--articles") {
      articles = true;
    } else if ((a == "--rules" || a == "--schema" || a == "--reps" || a == "--top") &&
               i + 1 < argc) {
      const std::string v = argv[++i];
      if (a == "--rules") rules_dir = v;
      else if (a == "--schema") schema_dir = v;
      else if (!absl::SimpleAtoi(v, a == "--reps" ? &reps : &top)) {
        std::cerr << "kg-rules-bench: " << a << " needs a number\n";
        return 2;
      }
    } else if (a.rfind("--", 0) == 0) {
      std::cerr << "usage: kg-rules-bench [--rules DIR] [--reps N] [--top K] TAGGED_FILE...\n"
                   "       kg-rules-bench --articles [--schema DIR] [--reps N] PATH...\n";
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (articles) return BenchArticles(schema_dir, reps, files);
  auto rules = kg::ingest::RuleSet::LoadDir(rules_dir);
  if (!rules.ok()) {
    std::cerr << "kg-rules-bench: " << rules.status().message() << "\n";
    return 1;
  }
  std::vector<std::string> sentences;
  for (const std::string& f : files) {
    std::ifstream in(f);
    if (!in) {
      std::cerr << "kg-rules-bench: " << f << ": cannot open\n";
      return 1;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) sentences.push_back(line);
    }
  }
  if (sentences.empty()) {
    std::cerr << "kg-rules-bench: no sentences\n";
    return 1;
  }
  size_t bytes = 0;
  for (const std::string& s : sentences) bytes += s.size();

  size_t matches = 0;
  Clock::duration best = Clock::duration::max();
  for (int r = 0; r < std::max(reps, 1); ++r) {
    matches = 0;
    const auto t0 = Clock::now();
    for (const std::string& s : sentences) matches += (*rules)->Match(s).size();
    best = std::min(best, Clock::now() - t0);
  }
  std::printf("%zu sentences, %zu bytes, %zu rules: RuleSet::Match %.1f us/sentence "
              "(%.0f sentences/s), %zu matches\n",
              sentences.size(), bytes, (*rules)->rules().size(),
              1e6 * Seconds(best) / sentences.size(), sentences.size() / Seconds(best), matches);

  // Each rule's patterns alone, with captures, on every sentence.
  struct Cost {
    const kg::ingest::Rule* rule;
    double seconds;
    int program_size;
  };
  std::vector<Cost> costs;
  for (const kg::ingest::Rule& rule : (*rules)->rules()) {
    Cost c{&rule, 0, 0};
    for (const auto& re : rule.patterns) {
      c.program_size = std::max(c.program_size, re->ProgramSize());
      std::vector<re2::StringPiece> groups(re->NumberOfCapturingGroups() + 1);
      const auto t0 = Clock::now();
      for (const std::string& s : sentences) {
        re->Match(s, 0, s.size(), RE2::UNANCHORED, groups.data(),
                  static_cast<int>(groups.size()));
      }
      c.seconds += Seconds(Clock::now() - t0);
    }
    costs.push_back(c);
  }
  std::sort(costs.begin(), costs.end(),
            [](const Cost& a, const Cost& b) { return a.seconds > b.seconds; });
  double total = 0;
  for (const Cost& c : costs) total += c.seconds;
  std::printf("patterns alone: %.1f us/sentence in all; the costliest:\n",
              1e6 * total / sentences.size());
  for (int i = 0; i < top && i < static_cast<int>(costs.size()); ++i) {
    std::printf("  %-40s %8.1f us/sentence  program %d\n", costs[i].rule->id.c_str(),
                1e6 * costs[i].seconds / sentences.size(), costs[i].program_size);
  }
  return 0;
}
