#include "tools/load_commands.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "audit/refresh.h"
#include "graph/batch_writer.h"
#include "graph/store.h"
#include "ingest/claims_jsonl.h"
#include "ingest/extract.h"
#include "ingest/pipeline.h"
#include "tools/audit.h"
#include "tools/cli.h"

namespace kg::tools {
namespace {


constexpr char kIngestHelp[] = R"(usage: kg [--db DIR] ingest [--threads N] [--batch N] PATH...

Reads every file (folders recursively): .txt/.md articles (first non-empty line is the title,
id = file name without extension), .jsonl (one article object per line) and .json; - reads
JSONL articles from standard input. Gold files (*.gold.json), hidden files and a folder's
README files are skipped (a README named as a path is read). Articles are
extracted on N threads (default: one per core) and written by one writer: each article is
stored atomically, and a batch of articles (--batch, default 256, or what one second
brings) is made durable by one synced commit; a crash loses at most the open batch. An
unchanged article is skipped, a changed one replaces what its old version derived. Bad files
are reported with their name (and line) and skipped; the rest still goes in. Exit 1 when
anything was reported. On a terminal, a progress line shows files, MB, claims, rate and ETA.
)";

constexpr char kExtractHelp[] = R"(usage: kg [--schema DIR] extract [--threads N] [PATH... | -]

Runs the extraction alone, without a database: articles in (files and folders as for ingest,
or JSONL articles on standard input with - or no PATH), claims out on standard output as
JSON lines. Per article, one {"article":{id,hash,props,entities,mentions}} line, then one line
per claim in the SPEC §3 form of `kg export`. `kg load` stores such output.
)";

constexpr char kLoadHelp[] = R"(usage: kg [--db DIR] load [FILE... | -]

Stores the output of `kg extract` (files, or standard input with - or no FILE) in the
database: the same graph `kg ingest` would have built from the articles. Each article is
stored atomically, batches are committed durably. A malformed line is reported with its file
and line, and the article it belongs to is skipped.
)";

int Usage(const std::string& message) { return UsageError("", message); }

// Splits off `name N` (N in [1, max]); returns false on a bad value.
bool ParseCount(std::vector<std::string>& args, const std::string& name, int max, int* value) {
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == name) {
      if (i + 1 >= args.size() || !absl::SimpleAtoi(args[i + 1], value) || *value < 1 ||
          *value > max) {
        return false;
      }
      ++i;
    } else {
      rest.push_back(args[i]);
    }
  }
  args = std::move(rest);
  return true;
}

// The progress line on stderr, when stderr is a terminal; at most 4 updates a second.
class ProgressLine {
 public:
  ProgressLine() : enabled_(isatty(STDERR_FILENO) == 1), start_(Clock::now()) {}
  void Update(const ingest::PipelineProgress& p, size_t claims) {
    if (!enabled_) return;
    const Clock::time_point now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = p.bytes_done / 1e6, total_mb = p.bytes_total / 1e6;
    const double rate = secs > 0 ? p.articles / secs : 0, mbps = secs > 0 ? mb / secs : 0;
    std::string eta = "?";
    if (mbps > 0 && total_mb >= mb) {
      const int left = static_cast<int>((total_mb - mb) / mbps);
      eta = absl::StrFormat("%dm%02ds", left / 60, left % 60);
    }
    std::cerr << absl::StrFormat(
        "\r\033[Kkg: %d/%d files, %.1f/%.1f MB, %d claims, %.0f articles/s, %.2f MB/s, ETA %s",
        p.files_done, p.files_total, mb, total_mb, claims, rate, mbps, eta);
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::cerr << "\r\033[K";
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  const bool enabled_;
  const Clock::time_point start_;
  Clock::time_point last_{};
  bool shown_ = false;
};

// Counts outcomes of stored articles and reports failures.
struct Tally {
  int inserted = 0, replaced = 0, unchanged = 0, failed = 0;
  size_t claims = 0;
  ProgressLine* progress = nullptr;
  std::vector<std::string> changed;  // Inserted or replaced: their audit verdicts are refreshed.

  void Record(const std::string& origin, const ArticleRecord& record,
              const absl::StatusOr<ReplaceOutcome>& outcome) {
    if (!outcome.ok()) {
      if (progress != nullptr) progress->Clear();
      std::cerr << "kg: " << origin << ": not stored: " << outcome.status().message() << "\n";
      ++failed;
      return;
    }
    if (*outcome != ReplaceOutcome::kUnchanged) changed.push_back(record.id);
    switch (*outcome) {
      case ReplaceOutcome::kInserted:
        ++inserted;
        claims += record.claims.size();
        break;
      case ReplaceOutcome::kReplaced:
        ++replaced;
        claims += record.claims.size();
        break;
      case ReplaceOutcome::kUnchanged:
        ++unchanged;
        break;
    }
  }
  void Print(const char* verb, size_t articles, size_t problems) const {
    std::cout << verb << " " << articles << " article(s): " << inserted << " new, " << replaced
              << " replaced, " << unchanged << " unchanged; " << claims << " claim(s) written";
    if (problems + failed > 0) std::cout << "; " << problems + failed << " problem(s)";
    std::cout << "\n";
  }
};

absl::StatusOr<std::unique_ptr<ingest::Extractor>> LoadExtractor(const CommandContext& ctx) {
  absl::StatusOr<std::unique_ptr<ingest::Extractor>> x = ingest::Extractor::Load(ctx.schema);
  if (!x.ok()) std::cerr << "kg: schema: " << x.status().message() << "\n";
  return x;
}

std::unique_ptr<Store> OpenForWriting(const CommandContext& ctx) {
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(ctx.db);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().message() << "\n";
    return nullptr;
  }
  return *std::move(store);
}

// Sink of `kg ingest`: problems to stderr, articles to the batch writer.
class IngestSink : public ingest::PipelineSink {
 public:
  IngestSink(BatchWriter& writer, Tally& tally, ProgressLine& progress)
      : writer_(writer), tally_(tally), progress_(progress) {}
  void OnProblem(const ingest::Problem& p) override {
    progress_.Clear();
    std::cerr << "kg: " << p.origin << ": " << p.message << " (skipped)\n";
    ++problems_;
  }
  void OnArticle(const ingest::Document& doc, ArticleRecord record) override {
    ++articles_;
    extracted_claims_ += record.claims.size();
    audit::PresetVerdicts(&record);
    writer_.Add(doc.origin, std::move(record)).IgnoreError();  // Reported per article.
  }
  void OnProgress(const ingest::PipelineProgress& p) override {
    progress_.Update(p, extracted_claims_);
  }
  size_t articles() const { return articles_; }
  size_t problems() const { return problems_; }

 private:
  BatchWriter& writer_;
  Tally& tally_;
  ProgressLine& progress_;
  size_t articles_ = 0, problems_ = 0, extracted_claims_ = 0;
};

// Sink of `kg extract`: problems to stderr, articles to stdout.
class ExtractSink : public ingest::PipelineSink {
 public:
  void OnProblem(const ingest::Problem& p) override {
    std::cerr << "kg: " << p.origin << ": " << p.message << " (skipped)\n";
    ++problems_;
  }
  void OnArticle(const ingest::Document& doc, ArticleRecord record) override {
    std::cout << ingest::ArticleToJsonl(record);
  }
  size_t problems() const { return problems_; }

 private:
  size_t problems_ = 0;
};

}  // namespace

int IngestCommand(const CommandContext& ctx, const std::vector<std::string>& in_args) {
  if (WantsHelp(in_args)) {
    std::cout << kIngestHelp;
    return kOk;
  }
  std::vector<std::string> args = in_args;
  ingest::PipelineOptions options;
  if (!ParseCount(args, "--threads", 256, &options.threads)) {
    return Usage("ingest: --threads needs 1..256");
  }
  BatchWriterOptions batch;
  int batch_articles = static_cast<int>(batch.max_articles);
  if (!ParseCount(args, "--batch", 1 << 20, &batch_articles)) {
    return Usage("ingest: --batch needs 1..1048576");
  }
  batch.max_articles = batch_articles;
  if (args.empty()) return Usage("ingest: no PATH given");
  absl::StatusOr<std::unique_ptr<ingest::Extractor>> extractor = LoadExtractor(ctx);
  if (!extractor.ok()) return kBadInput;
  std::unique_ptr<Store> store = OpenForWriting(ctx);
  if (store == nullptr) return kBadInput;
  ProgressLine progress;
  Tally tally;
  tally.progress = &progress;
  size_t articles = 0, problems = 0;
  {
    BatchWriter writer(*store, [&](const std::string& origin, const ArticleRecord& r,
                                   const absl::StatusOr<ReplaceOutcome>& o) {
      tally.Record(origin, r, o);
    }, batch);
    IngestSink sink(writer, tally, progress);
    ingest::RunPipeline(args, **extractor, options, sink);
    writer.Flush().IgnoreError();  // Failures are reported per article.
    if (!RefreshVerdicts(*store, (*extractor)->gazetteer(), tally.changed)) ++tally.failed;
    if (absl::Status f = store->Flush(); !f.ok()) std::cerr << "kg: " << f.message() << "\n";
    articles = sink.articles();
    problems = sink.problems();
  }
  progress.Clear();
  tally.Print("ingested", articles, problems);
  return problems == 0 && tally.failed == 0 ? kOk : kBadInput;
}

int ExtractCommand(const CommandContext& ctx, const std::vector<std::string>& in_args) {
  if (WantsHelp(in_args)) {
    std::cout << kExtractHelp;
    return kOk;
  }
  std::vector<std::string> args = in_args;
  ingest::PipelineOptions options;
  if (!ParseCount(args, "--threads", 256, &options.threads)) {
    return Usage("extract: --threads needs 1..256");
  }
  if (args.empty()) args.push_back("-");
  absl::StatusOr<std::unique_ptr<ingest::Extractor>> extractor = LoadExtractor(ctx);
  if (!extractor.ok()) return kBadInput;
  std::ios::sync_with_stdio(false);
  ExtractSink sink;
  ingest::RunPipeline(args, **extractor, options, sink);
  std::cout.flush();
  return sink.problems() == 0 ? kOk : kBadInput;
}

int LoadCommand(const CommandContext& ctx, const std::vector<std::string>& in_args) {
  if (WantsHelp(in_args)) {
    std::cout << kLoadHelp;
    return kOk;
  }
  std::vector<std::string> files = in_args;
  if (files.empty()) files.push_back("-");
  for (const std::string& f : files) {
    if (f.size() > 1 && f[0] == '-') return Usage("load: unexpected option '" + f + "'");
  }
  std::unique_ptr<Store> store = OpenForWriting(ctx);
  if (store == nullptr) return kBadInput;
  Tally tally;
  size_t articles = 0, problems = 0;
  {
    BatchWriter writer(*store, [&](const std::string& origin, const ArticleRecord& r,
                                   const absl::StatusOr<ReplaceOutcome>& o) {
      tally.Record(origin, r, o);
    });
    for (const std::string& f : files) {
      std::ifstream file;
      if (f != "-") {
        file.open(f, std::ios::binary);
        if (!file) {
          std::cerr << "kg: " << f << ": cannot open (skipped)\n";
          ++problems;
          continue;
        }
      }
      ingest::ArticleJsonlReader reader(f == "-" ? std::cin : file, f);
      // Each iteration consumes at least one line: bounded by the input.
      for (;;) {
        absl::StatusOr<std::optional<ArticleRecord>> next = reader.Next();
        if (!next.ok()) {
          std::cerr << "kg: " << next.status().message() << " (skipped)\n";
          ++problems;
          continue;
        }
        if (!next->has_value()) break;
        ++articles;
        const std::string origin = absl::StrCat(f, ": article ", (*next)->id);
        audit::PresetVerdicts(&**next);
        writer.Add(origin, **std::move(next)).IgnoreError();
      }
    }
    writer.Flush().IgnoreError();
    // Verdicts of summaries whose original is now stored (the gazetteer finds entities in
    // the cited paragraphs): the same step as kg ingest.
    if (!tally.changed.empty()) {
      const std::unique_ptr<ingest::Gazetteer> gazetteer = LoadGazetteer(ctx.schema);
      if (gazetteer == nullptr || !RefreshVerdicts(*store, *gazetteer, tally.changed)) {
        ++tally.failed;
      }
    }
    if (absl::Status f = store->Flush(); !f.ok()) std::cerr << "kg: " << f.message() << "\n";
  }
  tally.Print("loaded", articles, problems);
  return problems == 0 && tally.failed == 0 ? kOk : kBadInput;
}

}  // namespace kg::tools
