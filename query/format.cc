// FormatJson / FormatTable / FormatCsv / FormatError (declared in query/query.h).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "query/query.h"

namespace kg::query {
namespace {

class JsonWriter {
 public:
  explicit JsonWriter(const QueryResult& r) : r_(r) {}

  void Value(const QValue& v, std::string* out) const {
    switch (v.kind()) {
      case QValue::Kind::kNull:
        out->append("null");
        return;
      case QValue::Kind::kBool:
        out->append(v.as_bool() ? "true" : "false");
        return;
      case QValue::Kind::kInt:
        absl::StrAppend(out, v.as_int());
        return;
      case QValue::Kind::kDouble:
        out->append(FormatDouble(v.as_double()));
        return;
      case QValue::Kind::kString:
        kg::AppendJsonString(v.as_string(), out);
        return;
      case QValue::Kind::kList: {
        out->push_back('[');
        bool first = true;
        for (const auto& x : v.as_list()) {
          if (!first) out->push_back(',');
          first = false;
          Value(x, out);
        }
        out->push_back(']');
        return;
      }
      case QValue::Kind::kMap: {
        out->push_back('{');
        bool first = true;
        for (const auto& [k, x] : v.as_map()) {
          if (!first) out->push_back(',');
          first = false;
          kg::AppendJsonString(k, out);
          out->push_back(':');
          Value(x, out);
        }
        out->push_back('}');
        return;
      }
      case QValue::Kind::kNode:
        NodeJson(v.node_id(), out);
        return;
      case QValue::Kind::kRel:
        RelJson(v.rel_id(), out);
        return;
      case QValue::Kind::kPath: {
        out->append("{\"nodes\":[");
        const PathValue& p = v.as_path();
        for (size_t i = 0; i < p.nodes.size(); ++i) {
          if (i) out->push_back(',');
          NodeJson(p.nodes[i], out);
        }
        out->append("],\"relationships\":[");
        for (size_t i = 0; i < p.rels.size(); ++i) {
          if (i) out->push_back(',');
          RelJson(p.rels[i], out);
        }
        out->append("]}");
        return;
      }
    }
  }

 private:
  void Props(const ValueMap& m, std::string* out) const {
    out->push_back('{');
    bool first = true;
    for (const auto& [k, x] : m) {
      if (!first) out->push_back(',');
      first = false;
      kg::AppendJsonString(k, out);
      out->push_back(':');
      Value(QValue::FromValue(x), out);
    }
    out->push_back('}');
  }
  void NodeJson(NodeId id, std::string* out) const {
    absl::StrAppend(out, "{\"id\":", id, ",\"labels\":[");
    auto it = r_.nodes.find(id);
    if (it != r_.nodes.end()) {
      for (size_t i = 0; i < it->second.labels.size(); ++i) {
        if (i) out->push_back(',');
        kg::AppendJsonString(it->second.labels[i], out);
      }
    }
    out->append("],\"properties\":");
    Props(it != r_.nodes.end() ? it->second.props : ValueMap(), out);
    out->push_back('}');
  }
  void RelJson(RelId id, std::string* out) const {
    auto it = r_.relationships.find(id);
    absl::StrAppend(out, "{\"id\":", id, ",\"type\":");
    kg::AppendJsonString(it != r_.relationships.end() ? it->second.type : "", out);
    absl::StrAppend(out, ",\"start\":", it != r_.relationships.end() ? it->second.start : 0,
                    ",\"end\":", it != r_.relationships.end() ? it->second.end : 0,
                    ",\"properties\":");
    Props(it != r_.relationships.end() ? it->second.props : ValueMap(), out);
    out->push_back('}');
  }

  const QueryResult& r_;
};

// Cypher literal text, TCK style: 'str', [1, 2], {k: 'v'}, (:L {k: 1}), [:T {k: 1}], <...>.
class CypherText {
 public:
  explicit CypherText(const QueryResult& r) : r_(r) {}

  std::string Of(const QValue& v) const {
    std::string out;
    Append(v, &out);
    return out;
  }

 private:
  static void Str(const std::string& s, std::string* out) {
    out->push_back('\'');
    for (char c : s) {
      if (c == '\'' || c == '\\') out->push_back('\\');
      if (c == '\n') {
        out->append("\\n");
        continue;
      }
      out->push_back(c);
    }
    out->push_back('\'');
  }
  void Props(const ValueMap& m, std::string* out) const {
    if (m.empty()) return;
    out->append(" {");
    bool first = true;
    for (const auto& [k, x] : m) {
      if (!first) out->append(", ");
      first = false;
      absl::StrAppend(out, k, ": ");
      Append(QValue::FromValue(x), out);
    }
    out->push_back('}');
  }
  void NodeText(NodeId id, std::string* out) const {
    out->push_back('(');
    auto it = r_.nodes.find(id);
    if (it != r_.nodes.end()) {
      for (const auto& l : it->second.labels) absl::StrAppend(out, ":", l);
      std::string props;
      Props(it->second.props, &props);
      if (it->second.labels.empty() && !props.empty()) props.erase(0, 1);
      out->append(props);
    }
    out->push_back(')');
  }
  void RelText(RelId id, std::string* out) const {
    out->push_back('[');
    auto it = r_.relationships.find(id);
    if (it != r_.relationships.end()) {
      absl::StrAppend(out, ":", it->second.type);
      Props(it->second.props, out);
    }
    out->push_back(']');
  }
  void Append(const QValue& v, std::string* out) const {
    switch (v.kind()) {
      case QValue::Kind::kNull:
        out->append("null");
        return;
      case QValue::Kind::kBool:
        out->append(v.as_bool() ? "true" : "false");
        return;
      case QValue::Kind::kInt:
        absl::StrAppend(out, v.as_int());
        return;
      case QValue::Kind::kDouble:
        out->append(FormatDouble(v.as_double()));
        return;
      case QValue::Kind::kString:
        Str(v.as_string(), out);
        return;
      case QValue::Kind::kList: {
        out->push_back('[');
        bool first = true;
        for (const auto& x : v.as_list()) {
          if (!first) out->append(", ");
          first = false;
          Append(x, out);
        }
        out->push_back(']');
        return;
      }
      case QValue::Kind::kMap: {
        out->push_back('{');
        bool first = true;
        for (const auto& [k, x] : v.as_map()) {
          if (!first) out->append(", ");
          first = false;
          absl::StrAppend(out, k, ": ");
          Append(x, out);
        }
        out->push_back('}');
        return;
      }
      case QValue::Kind::kNode:
        NodeText(v.node_id(), out);
        return;
      case QValue::Kind::kRel:
        RelText(v.rel_id(), out);
        return;
      case QValue::Kind::kPath: {
        const PathValue& p = v.as_path();
        out->push_back('<');
        NodeText(p.nodes[0], out);
        for (size_t i = 0; i < p.rels.size() && i + 1 < p.nodes.size(); ++i) {
          auto it = r_.relationships.find(p.rels[i]);
          const bool backwards = it != r_.relationships.end() &&
                                 it->second.start != p.nodes[i] &&
                                 it->second.end == p.nodes[i];
          out->append(backwards ? "<-" : "-");
          RelText(p.rels[i], out);
          out->append(backwards ? "-" : "->");
          NodeText(p.nodes[i + 1], out);
        }
        out->push_back('>');
        return;
      }
    }
  }

  const QueryResult& r_;
};

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::vector<std::pair<std::string, int64_t>> Counters(const WriteStats& s) {
  return {{"+nodes", s.nodes_created},
          {"-nodes", s.nodes_deleted},
          {"+relationships", s.relationships_created},
          {"-relationships", s.relationships_deleted},
          {"+labels", s.labels_added},
          {"-labels", s.labels_removed},
          {"+properties", s.properties_set},
          {"-properties", s.properties_removed}};
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::string FormatJson(const QueryResult& result) {
  JsonWriter w(result);
  std::string out = "{\"columns\":[";
  for (size_t i = 0; i < result.columns.size(); ++i) {
    if (i) out.push_back(',');
    kg::AppendJsonString(result.columns[i], &out);
  }
  out.append("],\"rows\":[");
  for (size_t i = 0; i < result.rows.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('[');
    for (size_t j = 0; j < result.rows[i].size(); ++j) {
      if (j) out.push_back(',');
      w.Value(result.rows[i][j], &out);
    }
    out.push_back(']');
  }
  out.append("],\"stats\":{");
  if (result.is_write) {
    bool first = true;
    for (const auto& [k, v] : Counters(result.stats)) {
      if (!first) out.push_back(',');
      first = false;
      absl::StrAppend(&out, "\"", k, "\":", v);
    }
  }
  out.append("}}\n");
  return out;
}

std::string FormatTable(const QueryResult& result) {
  CypherText text(result);
  const size_t ncols = result.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(ncols);
  for (size_t j = 0; j < ncols; ++j) width[j] = DisplayWidth(result.columns[j]);
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (size_t j = 0; j < ncols && j < row.size(); ++j) {
      line.push_back(text.Of(row[j]));
      width[j] = std::max(width[j], DisplayWidth(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto emit_line = [&](const std::vector<std::string>& line, std::string* out) {
    for (size_t j = 0; j < ncols; ++j) {
      const std::string& s = j < line.size() ? line[j] : std::string();
      if (j) out->append(" | ");
      out->append(s);
      if (j + 1 < ncols) out->append(width[j] - DisplayWidth(s), ' ');
    }
    out->push_back('\n');
  };
  std::string out;
  if (ncols > 0) {
    emit_line(result.columns, &out);
    for (size_t j = 0; j < ncols; ++j) {
      if (j) out.append("-+-");
      out.append(width[j], '-');
    }
    out.push_back('\n');
    for (const auto& line : cells) emit_line(line, &out);
  }
  absl::StrAppend(&out, "(", result.rows.size(), result.rows.size() == 1 ? " row" : " rows",
                  ")\n");
  if (result.is_write) {
    std::vector<std::string> parts;
    for (const auto& [k, v] : Counters(result.stats)) {
      if (v != 0) parts.push_back(absl::StrCat(k, " ", v));
    }
    absl::StrAppend(&out, parts.empty() ? "(no changes)" : absl::StrJoin(parts, ", "), "\n");
  }
  return out;
}

std::string FormatCsv(const QueryResult& result) {
  JsonWriter w(result);
  std::string out;
  for (size_t j = 0; j < result.columns.size(); ++j) {
    if (j) out.push_back(',');
    out.append(CsvField(result.columns[j]));
  }
  out.push_back('\n');
  for (const auto& row : result.rows) {
    for (size_t j = 0; j < row.size(); ++j) {
      if (j) out.push_back(',');
      const QValue& v = row[j];
      if (v.is_null()) continue;
      if (v.is_string()) {
        out.append(CsvField(v.as_string()));
      } else {
        std::string s;
        w.Value(v, &s);
        out.append(CsvField(s));
      }
    }
    out.push_back('\n');
  }
  return out;
}

std::string FormatError(const QueryError& e) {
  return absl::StrCat("error: ", e.kind, e.detail.empty() ? "" : absl::StrCat(" (", e.detail, ")"),
                      ": line ", e.line, ", column ", e.column, ": ", e.message);
}

}  // namespace kg::query
