// `kg export --format neo4j-csv|nquads|graphml|dot|svg ...`: argument parsing and printing for
// the graph exports of export/export.h (the jsonl export stays in kg.cc).
#ifndef KG_TOOLS_EXPORT_GRAPH_H_
#define KG_TOOLS_EXPORT_GRAPH_H_

#include <string>
#include <vector>

namespace kg::tools {

inline constexpr char kExportGraphHelp[] = R"(
graph formats:
  kg export --format neo4j-csv --out DIR     node/relationship CSVs for neo4j-admin import
  kg export --format nquads|graphml|dot|svg [--out FILE]   (default: standard output)
  options for these formats:
    --entity NAME   only NAME's neighbourhood (a name or alias, e.g. Pentagon or 美国)
    --depth N       hops from the entity (default 1, at most 10)
    --type T,...    only these relationship types (and the nodes at their ends)
  dot and svg draw claims only (no articles or MENTIONS unless --type asks for them).
)";

// Returns the process exit code (0 ok, 1 bad input, 2 usage).
int ExportGraphCommand(const std::string& db, const std::vector<std::string>& args);

// Whether `args` ask for one of the graph formats (anything but jsonl).
bool IsGraphExport(const std::vector<std::string>& args);

}  // namespace kg::tools

#endif  // KG_TOOLS_EXPORT_GRAPH_H_
