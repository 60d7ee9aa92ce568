// export: the graph (or one entity's neighbourhood) in the formats other tools load.
//
//   neo4j-csv  a folder of node and relationship CSV files with the header conventions of
//              Neo4j's bulk importer (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed
//              property columns `name:long`, `aliases:string[]`), one node file per label
//              set and one relationship file per type, plus `import.txt` with the
//              neo4j-admin command that loads them;
//   nquads     RDF 1.1 N-Quads: entities in the default graph, each claim's triple in its own
//              named graph, its qualifiers and PROV-O provenance about that graph (vocabulary:
//              README.md, "Exports");
//   graphml    GraphML with typed keys (long, double, boolean, string), as Gephi and NetworkX
//              read it;
//   dot        Graphviz DOT: entities labelled by name, clustered by label; claims labelled by
//              type and their key figure;
//   svg        the DOT laid out and rendered by Graphviz's library (libgvc).
// The JSONL export of SPEC §3 stays in query/export.h.
//
// Everything is read from one snapshot (one Txn). The streaming writers (all but svg) hold
// only id lists and one group's column types; each node and relationship is fetched, written
// and dropped. svg builds the DOT text in memory and is refused above kMaxSvgNodes nodes.
// Every string is escaped for its format (quotes, backslashes, newlines, `<`, `&`, control
// characters; UTF-8 text such as Chinese names passes through).
// Thread-safety: the writers are reentrant except RenderSvg, which serializes calls into
// Graphviz (not thread-safe) with a process-wide lock.
#ifndef KG_EXPORT_EXPORT_H_
#define KG_EXPORT_EXPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "export/select.h"
#include "graph/store.h"

namespace kg::exports {

enum class Format { kNeo4jCsv, kNQuads, kGraphMl, kDot, kSvg };

// "neo4j-csv", "nquads", "graphml", "dot", "svg"; anything else: InvalidArgument.
absl::StatusOr<Format> ParseFormat(std::string_view name);

inline constexpr size_t kMaxSvgNodes = 2000;

struct DotOptions {
  // When set, each entity node links to link_prefix + percent-encoded name (kg serve uses
  // "/?entity="). Default: no links.
  std::string link_prefix;
  std::string title;  // Graph label; default none.
};

// Writes the selection as N-Quads / GraphML / DOT to `out`.
absl::Status WriteNQuads(Txn& txn, const Subgraph& g, std::ostream& out);
absl::Status WriteGraphMl(Txn& txn, const Subgraph& g, std::ostream& out);
absl::Status WriteDot(Txn& txn, const Subgraph& g, const DotOptions& options, std::ostream& out);
// Lays out DOT text with Graphviz `dot` and returns the SVG document.
absl::StatusOr<std::string> RenderSvg(std::string_view dot);
// Writes the Neo4j CSV files into `dir` (created; an existing non-empty folder is refused).
// Returns the names of the files written.
absl::StatusOr<std::vector<std::string>> WriteNeo4jCsv(Txn& txn, const Subgraph& g,
                                                       const std::string& dir);

// The whole pipeline for the CLI: select, then write `format` to `out` (or, for neo4j-csv,
// into the folder `out_dir`).
absl::Status Export(Store& store, Format format, const Selection& selection,
                    const DotOptions& dot, std::ostream& out, const std::string& out_dir);

}  // namespace kg::exports

#endif  // KG_EXPORT_EXPORT_H_
