// GraphML with typed keys (export.h). Keys are collected in a first pass (GraphML declares
// them before the graph); arrays and maps have no GraphML type and are written as their JSON
// text in a string key. Node ids are "n<node id>", edge ids "r<relationship id>". For Gephi's
// and yEd's label columns each node also gets `label` (its name, else its title or id) and
// `labels` (":Company"), each edge `label` and `type` (its type), unless a property of that name exists.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "export/columns.h"
#include "export/export.h"
#include "export/text.h"

namespace kg::exports {
namespace {

// XML character data / attribute text: & < > " ' escaped, CR/TAB/LF as character references
// (so attribute normalization and CR folding cannot change them), characters XML 1.0 forbids
// (other controls, U+FFFE, U+FFFF, invalid UTF-8) as U+FFFD.
void AppendXml(std::string_view s, std::string* out) {
  ForEachCodePoint(s, [&](char32_t c) {
    switch (c) {
      case '&':
        *out += "&amp;";
        return;
      case '<':
        *out += "&lt;";
        return;
      case '>':
        *out += "&gt;";
        return;
      case '"':
        *out += "&quot;";
        return;
      case '\'':
        *out += "&apos;";
        return;
      case '\r':
        *out += "&#13;";
        return;
      case '\t':
        *out += "&#9;";
        return;
      case '\n':
        *out += "&#10;";
        return;
      default:
        break;
    }
    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) c = 0xFFFD;
    AppendUtf8(c, out);
  });
}

const char* GraphMlType(ColumnType t) {
  switch (t) {
    case ColumnType::kLong:
      return "long";
    case ColumnType::kDouble:
      return "double";
    case ColumnType::kBoolean:
      return "boolean";
    default:
      return "string";
  }
}

struct Key {
  std::string id, name;
  ColumnType type;
};

std::vector<Key> Keys(const Columns& columns, const std::string& prefix) {
  std::vector<Key> keys;
  for (auto& [name, type] : columns.Resolved()) {
    ColumnType t = IsArray(type) ? ColumnType::kString : type;
    keys.push_back({absl::StrCat(prefix, keys.size()), name, t});
  }
  return keys;
}

void AppendData(const Key& key, const Value& v, std::string* out) {
  if (v.is_null()) return;
  std::string text;
  AppendAsColumn(v, key.type, ';', &text);
  absl::StrAppend(out, "<data key=\"", key.id, "\">");
  AppendXml(text, out);
  *out += "</data>";
}

std::string Str(const ValueMap& m, const char* key) {
  auto it = m.find(key);
  return it != m.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

}  // namespace

absl::Status WriteGraphMl(Txn& txn, const Subgraph& g, std::ostream& out) {
  Columns node_cols, edge_cols;
  for (NodeId id : g.nodes) {
    absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
    if (!n.ok()) return n.status();
    if (n->has_value()) node_cols.Add((*n)->props);
  }
  for (RelId id : g.rels) {
    absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(id);
    if (!r.ok()) return r.status();
    if (r->has_value()) edge_cols.Add((*r)->props);
  }
  std::vector<Key> node_keys = Keys(node_cols, "d");
  std::vector<Key> edge_keys = Keys(edge_cols, "e");
  auto has = [](const std::vector<Key>& keys, std::string_view name) {
    for (const Key& k : keys) {
      if (k.name == name) return true;
    }
    return false;
  };
  const bool node_label = !has(node_keys, "label"), node_labels = !has(node_keys, "labels");
  const bool edge_label = !has(edge_keys, "label"), edge_type = !has(edge_keys, "type");
  const Key kNodeLabel{"label", "label", ColumnType::kString};
  const Key kNodeLabels{"labels", "labels", ColumnType::kString};
  const Key kEdgeLabel{"elabel", "label", ColumnType::kString};
  const Key kEdgeType{"etype", "type", ColumnType::kString};

  std::string buf =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  auto key_line = [&](const Key& k, const char* domain) {
    absl::StrAppend(&buf, "  <key id=\"", k.id, "\" for=\"", domain, "\" attr.name=\"");
    AppendXml(k.name, &buf);
    absl::StrAppend(&buf, "\" attr.type=\"", GraphMlType(k.type), "\"/>\n");
  };
  if (node_label) key_line(kNodeLabel, "node");
  if (node_labels) key_line(kNodeLabels, "node");
  for (const Key& k : node_keys) key_line(k, "node");
  if (edge_label) key_line(kEdgeLabel, "edge");
  if (edge_type) key_line(kEdgeType, "edge");
  for (const Key& k : edge_keys) key_line(k, "edge");
  buf += "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  out << buf;

  for (NodeId id : g.nodes) {
    absl::StatusOr<std::optional<Node>> n = txn.GetNode(id);
    if (!n.ok()) return n.status();
    if (!n->has_value()) continue;
    const Node& node = **n;
    buf = absl::StrCat("    <node id=\"n", id, "\">");
    if (node_label) {
      std::string name = Str(node.props, "name");
      if (name.empty()) name = Str(node.props, "title");
      if (name.empty()) name = Str(node.props, "id");
      AppendData(kNodeLabel, Value(name), &buf);
    }
    if (node_labels) {
      AppendData(kNodeLabels, Value(node.labels.empty() ? "" : ":" + absl::StrJoin(node.labels, ":")), &buf);
    }
    for (const Key& k : node_keys) {
      auto it = node.props.find(k.name);
      if (it != node.props.end()) AppendData(k, it->second, &buf);
    }
    buf += "</node>\n";
    out << buf;
  }
  for (RelId id : g.rels) {
    absl::StatusOr<std::optional<Relationship>> r = txn.GetRel(id);
    if (!r.ok()) return r.status();
    if (!r->has_value()) continue;
    const Relationship& rel = **r;
    buf = absl::StrCat("    <edge id=\"r", id, "\" source=\"n", rel.start, "\" target=\"n",
                       rel.end, "\">");
    if (edge_label) AppendData(kEdgeLabel, Value(rel.type), &buf);
    if (edge_type) AppendData(kEdgeType, Value(rel.type), &buf);
    for (const Key& k : edge_keys) {
      auto it = rel.props.find(k.name);
      if (it != rel.props.end()) AppendData(k, it->second, &buf);
    }
    buf += "</edge>\n";
    out << buf;
  }
  out << "  </graph>\n</graphml>\n";
  if (!out) return absl::DataLossError("writing GraphML failed");
  return absl::OkStatus();
}

}  // namespace kg::exports
