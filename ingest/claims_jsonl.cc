#include "ingest/claims_jsonl.h"

#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "graph/claim.h"
#include "nlohmann/json.hpp"

namespace kg::ingest {
namespace {

using Json = nlohmann::json;

constexpr const char* kSourceKeys[] = {"article", "section", "sentence", "span", "citations"};
constexpr const char* kFolded[] = {"amount", "quantity"};


const Value* Find(const ValueMap& m, const std::string& k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : &it->second;
}


void AppendEntity(const std::string& key, const std::map<std::string, const EntityRecord*>& ents,
                  std::string* out) {
  auto it = ents.find(key);
  absl::StrAppend(out, "{\"id\":");
  AppendJsonString(key, out);
  absl::StrAppend(out, ",\"name\":");
  AppendJsonString(it == ents.end() ? "" : it->second->name, out);
  absl::StrAppend(out, ",\"label\":");
  AppendJsonString(it == ents.end() ? "" : it->second->label, out);
  out->push_back('}');
}

absl::StatusOr<Value> FromJson(const Json& j, int depth = 0) {
  if (depth > 64) return absl::InvalidArgumentError("nested too deeply");
  switch (j.type()) {
    case Json::value_t::null:
      return Value();
    case Json::value_t::boolean:
      return Value(j.get<bool>());
    case Json::value_t::number_integer:
      return Value(j.get<int64_t>());
    case Json::value_t::number_unsigned: {
      const uint64_t u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return absl::InvalidArgumentError("integer out of 64-bit range");
      }
      return Value(static_cast<int64_t>(u));
    }
    case Json::value_t::number_float:
      return Value(j.get<double>());
    case Json::value_t::string:
      return Value(j.get<std::string>());
    case Json::value_t::array: {
      ValueList l;
      for (const Json& e : j) {
        absl::StatusOr<Value> v = FromJson(e, depth + 1);
        if (!v.ok()) return v.status();
        l.push_back(*std::move(v));
      }
      return Value(std::move(l));
    }
    case Json::value_t::object: {
      ValueMap m;
      for (const auto& [k, e] : j.items()) {
        absl::StatusOr<Value> v = FromJson(e, depth + 1);
        if (!v.ok()) return v.status();
        m[k] = *std::move(v);
      }
      return Value(std::move(m));
    }
    default:
      return absl::InvalidArgumentError("unsupported JSON value");
  }
}

absl::StatusOr<std::string> Str(const Json& obj, const char* key, bool required = true) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (!required) return std::string();
    return absl::InvalidArgumentError(absl::StrCat("missing \"", key, "\""));
  }
  if (!it->is_string()) return absl::InvalidArgumentError(absl::StrCat("\"", key, "\" is not a string"));
  return it->get<std::string>();
}

absl::StatusOr<std::vector<std::string>> Strings(const Json& obj, const char* key) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end()) return out;
  if (!it->is_array()) return absl::InvalidArgumentError(absl::StrCat("\"", key, "\" is not a list"));
  for (const Json& e : *it) {
    if (!e.is_string()) {
      return absl::InvalidArgumentError(absl::StrCat("\"", key, "\" holds a non-string"));
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

#define KG_ASSIGN(lhs, expr)              \
  auto lhs##_or = (expr);                 \
  if (!lhs##_or.ok()) return lhs##_or.status(); \
  auto lhs = *std::move(lhs##_or)

absl::Status ParseArticle(const Json& a, ArticleRecord* r) {
  if (!a.is_object()) return absl::InvalidArgumentError("\"article\" is not an object");
  KG_ASSIGN(id, Str(a, "id"));
  if (id.empty()) return absl::InvalidArgumentError("empty article id");
  KG_ASSIGN(hash, Str(a, "hash"));
  r->id = id;
  r->content_hash = hash;
  if (auto p = a.find("props"); p != a.end()) {
    KG_ASSIGN(props, FromJson(*p));
    if (!props.is_map()) return absl::InvalidArgumentError("\"props\" is not an object");
    r->props = props.as_map();
  }
  if (auto es = a.find("entities"); es != a.end()) {
    if (!es->is_array()) return absl::InvalidArgumentError("\"entities\" is not a list");
    for (const Json& e : *es) {
      if (!e.is_object()) return absl::InvalidArgumentError("an entity is not an object");
      EntityRecord rec;
      KG_ASSIGN(key, Str(e, "id"));
      KG_ASSIGN(label, Str(e, "label", false));
      KG_ASSIGN(name, Str(e, "name", false));
      KG_ASSIGN(aliases, Strings(e, "aliases"));
      rec.key = key;
      rec.label = label;
      rec.name = name;
      rec.aliases = aliases;
      r->entities.push_back(std::move(rec));
    }
  }
  KG_ASSIGN(mentions, Strings(a, "mentions"));
  r->mentions = mentions;
  return absl::OkStatus();
}

absl::Status ParseClaim(const Json& c, ArticleRecord* r) {
  ClaimRecord claim;
  KG_ASSIGN(type, Str(c, "type"));
  claim.type = type;
  auto subject = c.find("subject");
  if (subject == c.end() || !subject->is_object()) {
    return absl::InvalidArgumentError("\"subject\" is not an object");
  }
  KG_ASSIGN(subject_key, Str(*subject, "id"));
  claim.subject_key = subject_key;
  auto object = c.find("object");
  if (object != c.end() && !object->is_null()) {
    if (!object->is_object()) return absl::InvalidArgumentError("\"object\" is not an object");
    KG_ASSIGN(object_key, Str(*object, "id"));
    claim.object_key = object_key;
  }
  if (auto q = c.find("qualifiers"); q != c.end() && !q->is_null()) {
    KG_ASSIGN(qv, FromJson(*q));
    if (!qv.is_map()) return absl::InvalidArgumentError("\"qualifiers\" is not an object");
    for (auto& [k, v] : qv.as_map()) claim.props[k] = v;
  }
  for (const char* name : kFolded) {  // Unfold {value, unit, max}.
    auto it = claim.props.find(name);
    if (it == claim.props.end() || !it->second.is_map()) continue;
    ValueMap folded = it->second.as_map();
    claim.props.erase(it);
    for (auto& [part, v] : folded) {
      claim.props[part == "value" ? std::string(name) : absl::StrCat(name, "_", part)] = v;
    }
  }
  if (auto s = c.find("source"); s != c.end() && !s->is_null()) {
    KG_ASSIGN(sv, FromJson(*s));
    if (!sv.is_map()) return absl::InvalidArgumentError("\"source\" is not an object");
    for (auto& [k, v] : sv.as_map()) {
      if (!v.is_null()) claim.props[k] = v;
    }
  }
  KG_ASSIGN(id, Str(c, "id", false));
  if (!id.empty()) claim.props["id"] = Value(id);
  KG_ASSIGN(rule, Str(c, "rule", false));
  if (!rule.empty()) claim.props["rule"] = Value(rule);
  r->claims.push_back(std::move(claim));
  return absl::OkStatus();
}

}  // namespace

std::string ArticleToJsonl(const ArticleRecord& record) {
  std::string out = "{\"article\":{\"id\":";
  AppendJsonString(record.id, &out);
  absl::StrAppend(&out, ",\"hash\":");
  AppendJsonString(record.content_hash, &out);
  absl::StrAppend(&out, ",\"props\":", Value(record.props).ToJson(), ",\"entities\":[");
  std::map<std::string, const EntityRecord*> ents;
  for (size_t i = 0; i < record.entities.size(); ++i) {
    const EntityRecord& e = record.entities[i];
    ents.emplace(e.key, &e);
    if (i > 0) out.push_back(',');
    absl::StrAppend(&out, "{\"id\":");
    AppendJsonString(e.key, &out);
    absl::StrAppend(&out, ",\"label\":");
    AppendJsonString(e.label, &out);
    absl::StrAppend(&out, ",\"name\":");
    AppendJsonString(e.name, &out);
    absl::StrAppend(&out, ",\"aliases\":",
                    Value(ValueList(e.aliases.begin(), e.aliases.end())).ToJson(), "}");
  }
  absl::StrAppend(&out, "],\"mentions\":",
                  Value(ValueList(record.mentions.begin(), record.mentions.end())).ToJson(),
                  "}}\n");
  for (const ClaimRecord& c : record.claims) {
    const Value* id = Find(c.props, "id");
    const Value* rule = Find(c.props, "rule");
    absl::StrAppend(&out, "{\"id\":", id != nullptr ? id->ToJson() : "\"\"", ",\"type\":");
    AppendJsonString(c.type, &out);
    absl::StrAppend(&out, ",\"subject\":");
    AppendEntity(c.subject_key, ents, &out);
    absl::StrAppend(&out, ",\"object\":");
    if (c.object_key.has_value()) {
      AppendEntity(*c.object_key, ents, &out);
    } else {
      out += "null";
    }
    absl::StrAppend(&out, ",\"qualifiers\":", Value(ClaimQualifiers(c.props)).ToJson(),
                    ",\"source\":{");
    bool first = true;
    for (const char* k : kSourceKeys) {
      const Value* v = Find(c.props, k);
      absl::StrAppend(&out, first ? "" : ",", "\"", k, "\":",
                      v != nullptr ? v->ToJson() : (std::string(k) == "citations" ? "[]" : "null"));
      first = false;
    }
    absl::StrAppend(&out, "},\"rule\":", rule != nullptr ? rule->ToJson() : "\"\"", "}\n");
  }
  return out;
}

ArticleJsonlReader::ArticleJsonlReader(std::istream& in, std::string origin,
                                       size_t max_line_bytes)
    : in_(in), origin_(std::move(origin)), max_line_bytes_(max_line_bytes) {}

bool ArticleJsonlReader::ReadLine() {
  if (have_line_) return true;
  while (std::getline(in_, line_)) {
    ++line_no_;
    if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;
    have_line_ = true;
    return true;
  }
  return false;
}

absl::StatusOr<std::optional<ArticleRecord>> ArticleJsonlReader::Next() {
  if (!ReadLine()) return std::optional<ArticleRecord>();
  auto error = [&](size_t line, const std::string& what) {
    // Skip the rest of the article: up to the next article line.
    while (ReadLine()) {
      if (line_.find("{\"article\":") == 0) break;
      have_line_ = false;
    }
    return absl::InvalidArgumentError(absl::StrCat(origin_, ":", line, ": ", what));
  };
  auto parse = [&](Json* j) -> std::string {
    if (line_.size() > max_line_bytes_) return "line too long";
    *j = Json::parse(line_, nullptr, /*allow_exceptions=*/false);
    if (j->is_discarded()) return "malformed JSON";
    if (!j->is_object()) return "not a JSON object";
    return "";
  };
  Json head;
  const size_t head_line = line_no_;
  have_line_ = false;
  if (std::string e = parse(&head); !e.empty()) return error(head_line, e);
  auto a = head.find("article");
  if (a == head.end()) return error(head_line, "a claim line before any {\"article\":…} line");
  ArticleRecord record;
  if (absl::Status s = ParseArticle(*a, &record); !s.ok()) return error(head_line, std::string(s.message()));
  while (ReadLine()) {
    Json c;
    const size_t claim_line = line_no_;
    if (std::string e = parse(&c); !e.empty()) {
      have_line_ = false;
      return error(claim_line, e);
    }
    if (c.contains("article")) break;  // The next article: leave the line for the next call.
    have_line_ = false;
    if (absl::Status s = ParseClaim(c, &record); !s.ok()) return error(claim_line, std::string(s.message()));
  }
  return std::optional<ArticleRecord>(std::move(record));
}

}  // namespace kg::ingest
