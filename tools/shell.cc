#include "tools/shell.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include <editline/readline.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kg::tools {
namespace {

constexpr char kHelp[] = R"(Type an openCypher query ended by ';' (it may span lines), e.g.
  MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name, c.name, r.commodity LIMIT 10;
Prefix it with EXPLAIN to see the plan, PROFILE to see rows and time per clause.
Commands:
  :help                     this text
  :schema                   labels, relationship types and property keys, with counts
  :format table|json|csv    how results are printed (now: %s)
  :quit                     leave (or Ctrl-D)
)";

class LineReader {
 public:
  LineReader() : tty_(::isatty(0) != 0) {
    if (!tty_) return;
    if (const char* home = std::getenv("HOME"); home != nullptr && *home) {
      history_ = absl::StrCat(home, "/.kg_history");
      read_history(history_.c_str());
    }
  }
  ~LineReader() {
    if (tty_ && !history_.empty()) write_history(history_.c_str());
  }
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // nullopt at end of input.
  std::optional<std::string> Read(const char* prompt) {
    if (!tty_) {
      std::string line;
      if (!std::getline(std::cin, line)) return std::nullopt;
      return line;
    }
    char* raw = readline(prompt);
    if (raw == nullptr) return std::nullopt;
    std::string line(raw);
    std::free(raw);
    return line;
  }
  void Remember(const std::string& statement) {
    if (tty_ && !statement.empty()) add_history(statement.c_str());
  }
  bool tty() const { return tty_; }

 private:
  bool tty_;
  std::string history_;
};

class Shell {
 public:
  Shell(kg::Store& store, const kg::query::QueryOptions& options, std::string format)
      : store_(store), options_(options), format_(std::move(format)) {}

  int Loop() {
    LineReader in;
    if (in.tty()) std::cout << "kg query shell — :help for help, :quit to leave\n";
    std::string buffer;
    while (true) {
      std::optional<std::string> line = in.Read(buffer.empty() ? "kg> " : "...> ");
      if (!line) break;
      const std::string trimmed(absl::StripAsciiWhitespace(*line));
      if (buffer.empty() && absl::StartsWith(trimmed, ":")) {
        in.Remember(trimmed);
        if (!Command(trimmed)) break;
        continue;
      }
      if (trimmed.empty() && buffer.empty()) continue;
      absl::StrAppend(&buffer, buffer.empty() ? "" : "\n", *line);
      if (!absl::EndsWith(trimmed, ";")) continue;
      in.Remember(buffer);
      RunAndPrint(buffer);
      buffer.clear();
    }
    if (!absl::StripAsciiWhitespace(buffer).empty()) RunAndPrint(buffer);
    return 0;
  }

 private:
  // false: leave the shell.
  bool Command(const std::string& cmd) {
    if (cmd == ":quit" || cmd == ":exit" || cmd == ":q") return false;
    if (cmd == ":help") {
      std::printf(kHelp, format_.c_str());
    } else if (cmd == ":schema") {
      RunAndPrint("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes "
                  "ORDER BY label");
      RunAndPrint("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS relationships "
                  "ORDER BY type");
      RunAndPrint("MATCH (n) UNWIND keys(n) AS key RETURN 'node' AS owner, key, count(*) AS count "
                  "ORDER BY key UNION ALL MATCH ()-[r]->() UNWIND keys(r) AS key "
                  "RETURN 'relationship' AS owner, key, count(*) AS count ORDER BY key");
    } else if (absl::StartsWith(cmd, ":format")) {
      const std::string f(absl::StripAsciiWhitespace(cmd.substr(7)));
      if (f == "table" || f == "json" || f == "csv") {
        format_ = f;
      } else {
        std::cout << "formats: table, json, csv\n";
      }
    } else {
      std::cout << "unknown command " << cmd << " (:help lists them)\n";
    }
    return true;
  }

  void RunAndPrint(const std::string& text) {
    kg::query::QueryOutcome outcome = kg::query::Run(store_, text, options_);
    if (!outcome.ok()) {
      std::cout << kg::query::FormatError(outcome.error()) << "\n";
      return;
    }
    for (const std::string& w : outcome.value().warnings) std::cout << "warning: " << w << "\n";
    if (format_ == "json") {
      std::cout << kg::query::FormatJson(outcome.value());
    } else if (format_ == "csv") {
      std::cout << kg::query::FormatCsv(outcome.value());
    } else {
      std::cout << kg::query::FormatTable(outcome.value());
    }
    std::cout.flush();
  }

  kg::Store& store_;
  const kg::query::QueryOptions& options_;
  std::string format_;
};

}  // namespace

int RunShell(kg::Store& store, const kg::query::QueryOptions& options, std::string format) {
  return Shell(store, options, std::move(format)).Loop();
}

}  // namespace kg::tools
