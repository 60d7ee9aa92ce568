// Neo4j bulk-importer CSV (export.h). Header grammar, as neo4j-admin database import reads it:
// node files `:ID,<key>:<type>,...,:LABEL`, relationship files
// `:START_ID,:END_ID,:TYPE,<key>:<type>,...`; arrays joined by ';' (the importer's default
// --array-delimiter); fields quoted with '"' and inner quotes doubled; string values always
// quoted, so an empty string ("") differs from a missing value (empty field). Values may hold
// newlines, hence --multiline-fields=true in import.txt.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "export/columns.h"
#include "export/export.h"

namespace kg::exports {
namespace {

constexpr char kArrayDelimiter = ';';

// A header or value field, quoted when it needs to be (always for strings: `force`).
void AppendField(std::string_view s, bool force, std::string* out) {
  bool quote = force || s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// A property key as a header name: ':' would start the type, so it becomes '_'.
std::string HeaderKey(const std::string& key) {
  std::string k = key;
  for (char& c : k) {
    if (c == ':') c = '_';
  }
  return k;
}

// A file-name-safe rendering of a label set or type.
std::string FileStem(std::string_view prefix, std::string_view name,
                     std::map<std::string, int>* used) {
  std::string stem(prefix);
  for (unsigned char c : name) {
    stem.push_back(std::isalnum(c) || c == '-' ? static_cast<char>(c) : '_');
  }
  int& n = (*used)[stem];
  ++n;
  return n == 1 ? stem : absl::StrCat(stem, "_", n);
}

struct Group {
  Columns columns{kArrayDelimiter};
  std::vector<std::pair<std::string, ColumnType>> resolved;
  std::string file;
  std::unique_ptr<std::ofstream> out;
};

void AppendProps(const ValueMap& props, const Group& group, std::string* line) {
  for (const auto& [key, type] : group.resolved) {
    line->push_back(',');
    auto it = props.find(key);
    if (it == props.end() || it->second.is_null()) continue;
    std::string text;
    AppendAsColumn(it->second, type, kArrayDelimiter, &text);
    AppendField(text, type == ColumnType::kString || type == ColumnType::kStringArray, line);
  }
}

std::string Header(const std::string& first, const Group& group, const std::string& last) {
  std::string h(first);
  for (const auto& [key, type] : group.resolved) {
    h.push_back(',');
    AppendField(absl::StrCat(HeaderKey(key), ":", std::string(Neo4jTypeName(type))), false, &h);
  }
  absl::StrAppend(&h, last, "\n");
  return h;
}

absl::Status OpenGroup(const std::filesystem::path& dir, Group* g) {
  g->out = std::make_unique<std::ofstream>(dir / g->file, std::ios::binary | std::ios::trunc);
  if (!*g->out) return absl::PermissionDeniedError(absl::StrCat("cannot write ", (dir / g->file).string()));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> WriteNeo4jCsv(Txn& txn, const Subgraph& g,
                                                       const std::string& dir_name) {
  std::filesystem::path dir(dir_name);
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat(dir_name, ": folder exists and is not empty; give a new or empty folder"));
  }
  std::filesystem::create_directories(dir, ec);
  if (ec) return absl::PermissionDeniedError(absl::StrCat(dir_name, ": ", ec.message()));

  // Pass 1: groups and their column types.
  std::map<std::vector<std::string>, Group> node_groups;
  std::map<std::string, Group> rel_groups;
  for (NodeId id : g.nodes) {
    absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
    if (!n.ok()) return n.status();
    if (n->has_value()) node_groups[(*n)->labels].columns.Add((*n)->props);
  }
  for (RelId id : g.rels) {
    absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(id);
    if (!r.ok()) return r.status();
    if (r->has_value()) rel_groups[(*r)->type].columns.Add((*r)->props);
  }
  std::map<std::string, int> used;
  std::vector<std::string> files, node_files, rel_files;
  for (auto& [labels, group] : node_groups) {
    group.resolved = group.columns.Resolved();
    group.file = FileStem("nodes_", labels.empty() ? "nolabel" : absl::StrJoin(labels, "_"), &used) + ".csv";
    if (absl::Status s = OpenGroup(dir, &group); !s.ok()) return s;
    *group.out << Header(":ID", group, ",:LABEL");
    node_files.push_back(group.file);
  }
  for (auto& [type, group] : rel_groups) {
    group.resolved = group.columns.Resolved();
    group.file = FileStem("relationships_", type, &used) + ".csv";
    if (absl::Status s = OpenGroup(dir, &group); !s.ok()) return s;
    *group.out << Header(":START_ID,:END_ID,:TYPE", group, "");
    rel_files.push_back(group.file);
  }

  // Pass 2: rows.
  std::string line;
  for (NodeId id : g.nodes) {
    absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
    if (!n.ok()) return n.status();
    if (!n->has_value()) continue;
    Group& group = node_groups[(*n)->labels];
    line = absl::StrCat(id);
    AppendProps((*n)->props, group, &line);
    line.push_back(',');
    AppendField(absl::StrJoin((*n)->labels, std::string(1, kArrayDelimiter)), false, &line);
    line.push_back('\n');
    *group.out << line;
  }
  for (RelId id : g.rels) {
    absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(id);
    if (!r.ok()) return r.status();
    if (!r->has_value()) continue;
    const Relationship& rel = **r;
    Group& group = rel_groups[rel.type];
    line = absl::StrCat(rel.start, ",", rel.end, ",");
    AppendField(rel.type, false, &line);
    AppendProps(rel.props, group, &line);
    line.push_back('\n');
    *group.out << line;
  }
  auto close = [](const Group& group) -> absl::Status {
    group.out->close();
    if (!*group.out) return absl::DataLossError(absl::StrCat("writing ", group.file, " failed"));
    return absl::OkStatus();
  };
  for (auto& [labels, group] : node_groups) {
    if (absl::Status s = close(group); !s.ok()) return s;
  }
  for (auto& [type, group] : rel_groups) {
    if (absl::Status s = close(group); !s.ok()) return s;
  }

  std::string command =
      "neo4j-admin database import full --multiline-fields=true --array-delimiter=';'";
  for (const std::string& f : node_files) absl::StrAppend(&command, " \\\n  --nodes=", f);
  for (const std::string& f : rel_files) absl::StrAppend(&command, " \\\n  --relationships=", f);
  absl::StrAppend(&command, " \\\n  neo4j\n");
  {
    std::ofstream out(dir / "import.txt", std::ios::binary | std::ios::trunc);
    out << "# Load these files into an empty Neo4j database (run in this folder):\n" << command;
    if (!out) return absl::DataLossError("writing import.txt failed");
  }
  files = node_files;
  files.insert(files.end(), rel_files.begin(), rel_files.end());
  files.push_back("import.txt");
  return files;
}

}  // namespace kg::exports
