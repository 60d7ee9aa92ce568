// Graphviz DOT and SVG (export.h). Entities are boxes grouped in one cluster per label
// (the first label of a node with several); a claim without a named counterpart points at its
// own small "(unnamed)" node rather than at one shared placeholder. Each edge is labelled
// with its type and key figure (amount, else quantity, else percent, else commodity) and
// carries the sentence as its tooltip.
#include <gvc.h>

#include <map>
#include <mutex>
#include <set>

#include "absl/strings/str_cat.h"
#include "export/export.h"
#include "export/text.h"

namespace kg::exports {
namespace {

// Inside a DOT double-quoted string: '\' and '"' escaped, newlines as \n (Graphviz's line
// break), '&' as &amp; (Graphviz decodes HTML entities in labels, so "&lt;" would otherwise
// show as "<"), other controls dropped, invalid UTF-8 as U+FFFD.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  ForEachCodePoint(s, [&](char32_t c) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else {
      AppendUtf8(c, &out);
    }
  });
  out += "\"";
  return out;
}

const Value* Find(const ValueMap& m, const char* key) {
  auto it = m.find(key);
  return it == m.end() || it->second.is_null() ? nullptr : &it->second;
}

std::string Str(const ValueMap& m, const char* key) {
  const Value* v = Find(m, key);
  return v != nullptr && v->is_string() ? v->as_string() : std::string();
}

std::string Approx(const ValueMap& p) {
  const std::string a = Str(p, "approx");
  if (a == "over") return "over ";
  if (a == "under") return "up to ";
  if (a == "about") return "about ";
  return "";
}

// The claim's key figure: "USD 400M", "60,000 t", "15%", else the commodity.
std::string KeyFigure(const ValueMap& p) {
  auto number = [](const Value* v, bool short_form) -> std::string {
    if (v == nullptr) return "";
    if (v->is_int()) return short_form ? ShortNumber(v->as_int()) : GroupedNumber(v->as_int());
    if (v->is_double()) {
      std::string s;
      AppendJsonDouble(v->as_double(), &s);
      return s;
    }
    return v->is_string() ? v->as_string() : v->ToJson();
  };
  if (const Value* a = Find(p, "amount")) {
    std::string text = number(a, true);
    if (const Value* max = Find(p, "amount_max")) absl::StrAppend(&text, "–", number(max, true));
    const std::string unit = Str(p, "amount_unit");
    return absl::StrCat(Approx(p), unit, unit.empty() ? "" : " ", text);
  }
  if (const Value* q = Find(p, "quantity")) {
    std::string text = number(q, false);
    if (const Value* max = Find(p, "quantity_max")) absl::StrAppend(&text, "–", number(max, false));
    const std::string unit = Str(p, "quantity_unit");
    return absl::StrCat(Approx(p), text, unit.empty() ? "" : " ", unit);
  }
  if (const Value* pc = Find(p, "percent")) {
    std::string text = number(pc, false);
    if (const Value* max = Find(p, "percent_max")) absl::StrAppend(&text, "–", number(max, false));
    return absl::StrCat(Approx(p), text, "%");
  }
  if (const Value* c = Find(p, "commodity")) return number(c, false);
  return "";
}

struct Style {
  const char* fill;
  const char* border;
};

Style LabelStyle(std::string_view label) {
  static const std::map<std::string_view, Style> kStyles = {
      {"Company", {"#dbeafe", "#1d4ed8"}},   {"Government", {"#fee2e2", "#b91c1c"}},
      {"Country", {"#dcfce7", "#15803d"}},   {"Facility", {"#fef3c7", "#b45309"}},
      {"Commodity", {"#f3e8ff", "#7e22ce"}}, {"Person", {"#e0f2fe", "#0369a1"}},
      {"Article", {"#f1f5f9", "#475569"}},
  };
  auto it = kStyles.find(label);
  return it != kStyles.end() ? it->second : Style{"#f8fafc", "#64748b"};
}

bool HasLabel(const Node& n, std::string_view l) {
  return std::find(n.labels.begin(), n.labels.end(), l) != n.labels.end();
}

std::string DisplayName(const Node& n) {
  std::string name = Str(n.props, "name");
  if (name.empty()) name = Str(n.props, "title");
  if (name.empty()) name = Str(n.props, "id");
  return name;
}

std::string Truncate(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat(absl::string_view(s.data(), cut), "…");
}

}  // namespace

absl::Status WriteDot(Txn& txn, const Subgraph& g, const DotOptions& options, std::ostream& out) {
  // newrank: dot's older ranking fails ("trouble in init_rank") on clustered graphs with
  // edges between clusters, which a corpus-sized graph has.
  out << "digraph kg {\n"
         "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", fontsize=11, nodesep=0.25, "
         "ranksep=0.9";
  if (!options.title.empty()) out << ", label=" << Quoted(options.title) << ", labelloc=t";
  out << "];\n"
         "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#475569\"];\n";
  // Clusters: one pass over the nodes per label would re-read them; instead group ids first.
  std::map<std::string, std::vector<NodeId>> clusters;
  std::map<NodeId, bool> unknown;
  for (NodeId id : g.nodes) {
    absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
    if (!n.ok()) return n.status();
    if (!n->has_value()) continue;
    if (HasLabel(**n, kUnknownLabel)) {
      unknown[id] = true;
      continue;
    }
    clusters[(*n)->labels.empty() ? "" : (*n)->labels.front()].push_back(id);
  }
  std::set<NodeId> start(g.start.begin(), g.start.end());
  int cluster_no = 0;
  for (const auto& [label, ids] : clusters) {
    const Style style = LabelStyle(label);
    out << "  subgraph cluster_" << cluster_no++ << " {\n    label=" << Quoted(label)
        << "; style=\"rounded,dashed\"; color=" << Quoted(style.border)
        << "; fontcolor=" << Quoted(style.border) << ";\n";
    for (NodeId id : ids) {
      absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
      if (!n.ok()) return n.status();
      if (!n->has_value()) continue;
      const std::string name = DisplayName(**n);
      out << "    n" << id << " [label=" << Quoted(Truncate(name, 80))
          << ", fillcolor=" << Quoted(style.fill) << ", color=" << Quoted(style.border);
      if (start.count(id)) out << ", penwidth=2.5";
      out << ", tooltip=" << Quoted(absl::StrCat(name, " (", label, ")"));
      if (!options.link_prefix.empty() && !HasLabel(**n, "Article")) {
        out << ", URL=" << Quoted(absl::StrCat(options.link_prefix, PercentEncode(name)));
      }
      out << "];\n";
    }
    out << "  }\n";
  }
  for (RelId id : g.rels) {
    absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(id);
    if (!r.ok()) return r.status();
    if (!r->has_value()) continue;
    const Relationship& rel = **r;
    std::string target = absl::StrCat("n", rel.end);
    if (unknown.count(rel.end)) {
      target = absl::StrCat("u", rel.id);
      out << "  " << target
          << " [label=\"(unnamed)\", shape=plaintext, style=\"\", fontcolor=\"#64748b\"];\n";
    }
    const std::string figure = KeyFigure(rel.props);
    std::string label = rel.type;
    if (!figure.empty()) absl::StrAppend(&label, "\n", Truncate(figure, 60));
    out << "  n" << rel.start << " -> " << target << " [label=" << Quoted(label);
    const std::string sentence = Str(rel.props, "sentence");
    if (!sentence.empty()) out << ", tooltip=" << Quoted(Truncate(sentence, 400));
    out << "];\n";
  }
  out << "}\n";
  if (!out) return absl::DataLossError("writing DOT failed");
  return absl::OkStatus();
}

absl::StatusOr<std::string> RenderSvg(std::string_view dot) {
  // Graphviz keeps global state (error handlers, the parser); one caller at a time.
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  const std::string text(dot);
  agseterr(AGMAX);  // Keep Graphviz from printing to stderr; errors are returned below.
  GVC_t* gvc = gvContext();
  if (gvc == nullptr) return absl::InternalError("graphviz: cannot create a context");
  Agraph_t* graph = agmemread(text.c_str());
  if (graph == nullptr) {
    const char* err = aglasterr();
    std::string msg = err != nullptr ? err : "cannot parse the DOT text";
    gvFreeContext(gvc);
    return absl::InvalidArgumentError(absl::StrCat("graphviz: ", msg));
  }
  absl::StatusOr<std::string> result;
  if (gvLayout(gvc, graph, "dot") != 0) {
    result = absl::InternalError("graphviz: layout failed");
  } else {
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, "svg", &data, &length) != 0 || data == nullptr) {
      result = absl::InternalError("graphviz: rendering SVG failed (is the graphviz package installed?)");
    } else {
      result = std::string(data, length);
    }
    if (data != nullptr) gvFreeRenderData(data);
    gvFreeLayout(gvc, graph);
  }
  agclose(graph);
  gvFreeContext(gvc);
  return result;
}

}  // namespace kg::exports
