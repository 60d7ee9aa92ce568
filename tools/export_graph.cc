#include "tools/export_graph.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "export/export.h"
#include "tools/open_store.h"

namespace kg::tools {

bool IsGraphExport(const std::vector<std::string>& args) {
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--format") return args[i + 1] != "jsonl";
  }
  return false;
}

int ExportGraphCommand(const std::string& db, const std::vector<std::string>& args) {
  auto usage = [](const std::string& message) {
    std::cerr << "kg: export: " << message << "\n(see kg export --help)\n";
    return 2;
  };
  std::string format_name, out_path;
  exports::Selection selection;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (i + 1 >= args.size()) return usage(absl::StrCat("unexpected argument '", a, "'"));
    const std::string& v = args[++i];
    if (a == "--format") {
      format_name = v;
    } else if (a == "--out") {
      out_path = v;
    } else if (a == "--entity") {
      selection.entity = v;
    } else if (a == "--depth") {
      if (!absl::SimpleAtoi(v, &selection.depth) || selection.depth < 0 ||
          selection.depth > exports::kMaxDepth) {
        return usage(absl::StrCat("--depth must be 0..", exports::kMaxDepth, ", not '", v, "'"));
      }
    } else if (a == "--type") {
      selection.types = exports::SplitTypes(v);
    } else {
      return usage(absl::StrCat("unexpected argument '", a, "'"));
    }
  }
  absl::StatusOr<exports::Format> format = exports::ParseFormat(format_name);
  if (!format.ok()) return usage(std::string(format.status().message()));
  if (*format == exports::Format::kNeo4jCsv && out_path.empty()) {
    return usage("neo4j-csv writes a folder: give --out DIR");
  }
  absl::StatusOr<std::unique_ptr<Store>> store = OpenForReading(db);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().message() << "\n";
    return 1;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!out_path.empty() && *format != exports::Format::kNeo4jCsv) {
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "kg: export: cannot write " << out_path << "\n";
      return 1;
    }
    out = &file;
  }
  absl::Status st = exports::Export(**store, *format, selection, {}, *out, out_path);
  if (!st.ok()) {
    std::cerr << "kg: export: " << st.message() << "\n";
    return 1;
  }
  out->flush();
  if (!*out) {
    std::cerr << "kg: export: write failed\n";
    return 1;
  }
  return 0;
}

}  // namespace kg::tools
