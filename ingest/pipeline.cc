#include "ingest/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace kg::ingest {
namespace {

// One unit of output, delivered in `seq` order.
struct Item {
  std::optional<Problem> problem;
  Document doc;
  ArticleRecord record;
  bool ready = false;        // Problem, or extraction done.
  bool last_of_file = false;
  uint64_t file_bytes = 0;   // Counted when the file's last item is delivered.
};

class Pipeline {
 public:
  Pipeline(const Extractor& x, const PipelineOptions& o, PipelineSink& sink)
      : x_(x), sink_(sink) {
    threads_ = o.threads > 0 ? o.threads
                             : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    max_in_flight_ = o.max_in_flight > 0 ? o.max_in_flight : 64 * static_cast<size_t>(threads_);
    read_ = o.read;
  }

  void Run(const std::vector<std::string>& paths) {
    std::vector<InputFile> files;
    for (const std::string& p : paths) {
      if (p == "-") {
        files.push_back({p, std::nullopt, false});
      } else {
        std::vector<InputFile> more = ListInputFiles({p});
        files.insert(files.end(), more.begin(), more.end());
      }
    }
    for (const InputFile& f : files) {
      std::error_code ec;
      if (!f.problem.has_value() && !f.hidden && f.path != "-") {
        const uintmax_t n = std::filesystem::file_size(f.path, ec);
        if (!ec) progress_.bytes_total += n;
      }
    }
    progress_.files_total = files.size();
    std::thread reader([&] { Read(files); });
    std::vector<std::thread> workers;
    for (int i = 0; i < threads_; ++i) workers.emplace_back([this] { Work(); });
    Deliver();
    reader.join();
    for (std::thread& t : workers) t.join();
  }

 private:
  // Queues one item; blocks while max_in_flight items are undelivered.
  void Push(Item item) {
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [&] { return next_seq_ - next_deliver_ < max_in_flight_; });
    const uint64_t seq = next_seq_++;
    const bool is_doc = !item.ready;
    items_.emplace(seq, std::move(item));
    if (is_doc) work_.push_back(seq);
    lock.unlock();
    if (is_doc) {
      work_ready_.notify_one();
    } else {
      item_ready_.notify_all();
    }
  }

  // Queues what was read: problems first, then documents; the last item closes the file.
  void PushResult(ReadResult& r, bool closes_file, uint64_t bytes) {
    const size_t n = r.problems.size() + r.documents.size();
    size_t i = 0;
    for (Problem& p : r.problems) {
      Item item;
      item.problem = std::move(p);
      item.ready = true;
      item.last_of_file = closes_file && ++i == n;
      if (item.last_of_file) item.file_bytes = bytes;
      Push(std::move(item));
    }
    for (Document& d : r.documents) {
      Item item;
      item.doc = std::move(d);
      item.last_of_file = closes_file && ++i == n;
      if (item.last_of_file) item.file_bytes = bytes;
      Push(std::move(item));
    }
    if (closes_file && n == 0) {  // A skipped file: counts as done.
      std::lock_guard<std::mutex> lock(mu_);
      ++skipped_files_;
    }
  }

  // Standard input: JSONL articles, read in runs of lines so memory stays bounded.
  void ReadStdin() {
    constexpr size_t kLinesPerRun = 256;
    std::string run, line;
    size_t line_no = 0, first = 1, lines = 0;
    auto flush = [&] {
      ReadResult r;
      ReadJsonlLines("-", run, first, r);
      PushResult(r, false, 0);
      run.clear();
      first = line_no + 1;
      lines = 0;
    };
    while (std::getline(std::cin, line)) {
      ++line_no;
      run += line;
      run += '\n';
      if (++lines == kLinesPerRun) flush();
    }
    flush();
  }

  // Reader thread: reads one file at a time and queues its items.
  void Read(const std::vector<InputFile>& files) {
    for (const InputFile& f : files) {
      if (f.path == "-" && !f.problem.has_value()) {
        ReadStdin();
        continue;
      }
      ReadResult r;
      ReadInputFile(f, read_, r);
      std::error_code ec;
      uint64_t bytes = 0;
      if (!f.problem.has_value() && !f.hidden) bytes = std::filesystem::file_size(f.path, ec);
      PushResult(r, true, bytes);
    }
    std::lock_guard<std::mutex> lock(mu_);
    reading_done_ = true;
    work_ready_.notify_all();
    item_ready_.notify_all();
  }

  // Worker threads: extract queued documents.
  void Work() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu_);
      work_ready_.wait(lock, [&] { return !work_.empty() || reading_done_; });
      if (work_.empty()) return;
      const uint64_t seq = work_.front();
      work_.pop_front();
      Item& item = items_.at(seq);  // std::map: references stay valid while others insert.
      lock.unlock();
      ArticleRecord record = x_.Extract(item.doc);
      lock.lock();
      item.record = std::move(record);
      item.ready = true;
      if (seq == next_deliver_) item_ready_.notify_all();
    }
  }

  // Calling thread: delivers items in order.
  void Deliver() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu_);
      item_ready_.wait(lock, [&] {
        auto it = items_.find(next_deliver_);
        return (it != items_.end() && it->second.ready) || (reading_done_ && items_.empty());
      });
      auto it = items_.find(next_deliver_);
      if (it == items_.end()) break;
      Item item = std::move(it->second);
      items_.erase(it);
      ++next_deliver_;
      progress_.files_done += skipped_files_;
      skipped_files_ = 0;
      lock.unlock();
      space_.notify_one();
      if (item.problem.has_value()) {
        sink_.OnProblem(*item.problem);
      } else {
        ++progress_.articles;
        sink_.OnArticle(item.doc, std::move(item.record));
      }
      if (item.last_of_file) {
        ++progress_.files_done;
        progress_.bytes_done += item.file_bytes;
      }
      sink_.OnProgress(progress_);
    }
  }

  const Extractor& x_;
  PipelineSink& sink_;
  int threads_ = 1;
  size_t max_in_flight_ = 64;
  ReadOptions read_;
  PipelineProgress progress_;  // Touched by the delivering thread only (skipped_files_ aside).

  std::mutex mu_;
  std::condition_variable space_, work_ready_, item_ready_;
  std::map<uint64_t, Item> items_;  // seq -> item, read but not delivered.
  std::deque<uint64_t> work_;       // Seqs waiting for extraction.
  uint64_t next_seq_ = 0, next_deliver_ = 0;
  size_t skipped_files_ = 0;
  bool reading_done_ = false;
};

}  // namespace

void RunPipeline(const std::vector<std::string>& paths, const Extractor& extractor,
                 const PipelineOptions& options, PipelineSink& sink) {
  Pipeline(extractor, options, sink).Run(paths);
}

}  // namespace kg::ingest
