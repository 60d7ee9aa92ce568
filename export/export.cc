#include "export/export.h"

#include <sstream>

#include "absl/strings/str_cat.h"

namespace kg::exports {

absl::StatusOr<Format> ParseFormat(std::string_view name) {
  if (name == "neo4j-csv") return Format::kNeo4jCsv;
  if (name == "nquads") return Format::kNQuads;
  if (name == "graphml") return Format::kGraphMl;
  if (name == "dot") return Format::kDot;
  if (name == "svg") return Format::kSvg;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format '", std::string(name), "' (jsonl, neo4j-csv, nquads, graphml, dot, svg)"));
}

absl::Status Export(Store& store, Format format, const Selection& selection,
                    const DotOptions& dot, std::ostream& out, const std::string& out_dir) {
  std::unique_ptr<Txn> txn = store.Begin();
  Selection sel = selection;
  // A picture leaves out articles and their MENTIONS edges unless MENTIONS is asked for.
  if (format == Format::kDot || format == Format::kSvg) sel.claims_only = true;
  absl::StatusOr<Subgraph> g = Select(*txn, sel);
  if (!g.ok()) return g.status();
  switch (format) {
    case Format::kNeo4jCsv: {
      if (out_dir.empty()) return absl::InvalidArgumentError("neo4j-csv needs --out DIR");
      absl::StatusOr<std::vector<std::string>> files = WriteNeo4jCsv(*txn, *g, out_dir);
      return files.status();
    }
    case Format::kNQuads:
      return WriteNQuads(*txn, *g, out);
    case Format::kGraphMl:
      return WriteGraphMl(*txn, *g, out);
    case Format::kDot:
    case Format::kSvg: {
      if (format == Format::kDot) return WriteDot(*txn, *g, dot, out);
      if (g->nodes.size() > kMaxSvgNodes) {
        return absl::ResourceExhaustedError(absl::StrCat(
            "svg: ", g->nodes.size(), " nodes is more than Graphviz lays out in reasonable "
            "time (limit ", kMaxSvgNodes, "); pick a neighbourhood with --entity NAME --depth N"));
      }
      std::ostringstream text;
      if (absl::Status s = WriteDot(*txn, *g, dot, text); !s.ok()) return s;
      absl::StatusOr<std::string> svg = RenderSvg(text.str());
      if (!svg.ok()) return svg.status();
      out << *svg;
      return out ? absl::OkStatus() : absl::DataLossError("writing SVG failed");
    }
  }
  return absl::InvalidArgumentError("unknown format");
}

}  // namespace kg::exports
