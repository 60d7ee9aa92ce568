// RDF 1.1 N-Quads (export.h); the vocabulary is documented in README.md, "Exports".
// One statement per line, IRIs written in full, no blank lines or comments, so the number of
// lines is the number of statements.
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "export/export.h"
#include "export/text.h"

namespace kg::exports {
namespace {

constexpr char kVocab[] = "urn:kg:vocab:";
constexpr char kRdfType[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr char kRdfsLabel[] = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr char kSkosAlt[] = "http://www.w3.org/2004/02/skos/core#altLabel";
constexpr char kDctPartOf[] = "http://purl.org/dc/terms/isPartOf";
constexpr char kDctId[] = "http://purl.org/dc/terms/identifier";
constexpr char kProv[] = "http://www.w3.org/ns/prov#";
constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";
constexpr char kAgent[] = "urn:kg:agent:kg";

// Claim properties that are provenance, written as PROV-O rather than as qualifiers.
bool IsProvenance(std::string_view k) {
  return k == "id" || k == "article" || k == "section" || k == "sentence" || k == "span" ||
         k == "citations" || k == "rule";
}

std::string Iri(const std::string& iri) { return absl::StrCat("<", iri, ">"); }
std::string Prov(const std::string& term) { return Iri(absl::StrCat(kProv, term)); }
std::string Vocab(const std::string& term) { return Iri(absl::StrCat(kVocab, PercentEncode(term))); }

// A string literal: '"', '\', LF, CR escaped, other controls as \uXXXX, invalid UTF-8 as
// U+FFFD.
std::string Literal(std::string_view s) {
  std::string out = "\"";
  ForEachCodePoint(s, [&](char32_t c) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          absl::StrAppendFormat(&out, "\\u%04X", static_cast<unsigned>(c));
        } else {
          AppendUtf8(c, &out);
        }
    }
  });
  out += "\"";
  return out;
}

std::string Typed(const std::string& lexical, const std::string& xsd_type) {
  return absl::StrCat("\"", lexical, "\"^^<", kXsd, xsd_type, ">");
}

// Literals for one property value: lists give one literal per element.
void Literals(const Value& v, std::vector<std::string>* out) {
  switch (v.type()) {
    case Value::Type::kNull:
      return;
    case Value::Type::kBool:
      out->push_back(Typed(v.as_bool() ? "true" : "false", "boolean"));
      return;
    case Value::Type::kInt:
      out->push_back(Typed(absl::StrCat(v.as_int()), "integer"));
      return;
    case Value::Type::kDouble: {
      const double d = v.as_double();
      std::string lex;
      if (d != d) {
        lex = "NaN";
      } else if (d == std::numeric_limits<double>::infinity()) {
        lex = "INF";
      } else if (d == -std::numeric_limits<double>::infinity()) {
        lex = "-INF";
      } else {
        AppendJsonDouble(d, &lex);
      }
      out->push_back(Typed(lex, "double"));
      return;
    }
    case Value::Type::kString:
      out->push_back(Literal(v.as_string()));
      return;
    case Value::Type::kList:
      for (const Value& x : v.as_list()) {
        if (x.is_list()) {
          out->push_back(Literal(x.ToJson()));
        } else {
          Literals(x, out);
        }
      }
      return;
    case Value::Type::kMap:
      out->push_back(Literal(v.ToJson()));
      return;
  }
}

std::string Str(const ValueMap& m, const char* key) {
  auto it = m.find(key);
  return it != m.end() && it->second.is_string() ? it->second.as_string() : std::string();
}

bool HasLabel(const Node& n, std::string_view l) {
  return std::find(n.labels.begin(), n.labels.end(), l) != n.labels.end();
}

class Writer {
 public:
  Writer(Txn& txn, std::ostream& out) : txn_(txn), out_(out) {}

  void Quad(const std::string& s, const std::string& p, const std::string& o,
            const std::string& g = "") {
    line_.clear();
    absl::StrAppend(&line_, s, " ", p, " ", o, " ");
    if (!g.empty()) absl::StrAppend(&line_, g, " ");
    line_ += ".\n";
    out_ << line_;
  }

  // The IRI of a node: its entity key, its article id, else its node id.
  absl::StatusOr<std::string> NodeIri(NodeId id) {
    auto it = iris_.find(id);
    if (it != iris_.end()) return it->second;
    std::string iri;
    absl::StatusOr<std::optional<Node>> n = txn_.GetNode(id);
    if (!n.ok()) return n.status();
    absl::StatusOr<std::optional<std::string>> key = txn_.KeyOfNode(id);
    if (n->has_value() && HasLabel(**n, "Article") && !Str((*n)->props, "id").empty()) {
      iri = Iri(absl::StrCat("urn:kg:article:", PercentEncode(Str((*n)->props, "id"))));
    } else if (n->has_value() && HasLabel(**n, kUnknownLabel)) {
      iri = "";  // Written as a blank node per claim.
    } else if (key.ok() && key->has_value()) {
      iri = Iri(absl::StrCat("urn:kg:entity:", PercentEncode(**key)));
    } else {
      iri = Iri(absl::StrCat("urn:kg:node:", id));
    }
    if (iris_.size() < 100000) iris_.emplace(id, iri);
    return iri;
  }

  absl::Status WriteNode(NodeId id) {
    absl::StatusOr<std::optional<Node>> n = txn_.GetNode(id);
    if (!n.ok()) return n.status();
    if (!n->has_value() || HasLabel(**n, kUnknownLabel)) return absl::OkStatus();
    absl::StatusOr<std::string> iri = NodeIri(id);
    if (!iri.ok()) return iri.status();
    const Node& node = **n;
    for (const std::string& l : node.labels) Quad(*iri, Iri(kRdfType), Vocab(l));
    if (HasLabel(node, "Article")) Quad(*iri, Iri(kRdfType), Prov("Entity"));
    std::vector<std::string> lits;
    for (const auto& [k, v] : node.props) {
      lits.clear();
      Literals(v, &lits);
      const std::string pred = k == "name"      ? Iri(kRdfsLabel)
                               : k == "aliases" ? Iri(kSkosAlt)
                                                : Vocab(k);
      for (const std::string& o : lits) Quad(*iri, pred, o);
    }
    return absl::OkStatus();
  }

  absl::Status WriteRel(RelId id) {
    absl::StatusOr<std::optional<Relationship>> rr = txn_.GetRel(id);
    if (!rr.ok()) return rr.status();
    if (!rr->has_value()) return absl::OkStatus();
    const Relationship& r = **rr;
    absl::StatusOr<std::string> s = NodeIri(r.start);
    if (!s.ok()) return s.status();
    absl::StatusOr<std::string> o = NodeIri(r.end);
    if (!o.ok()) return o.status();
    const std::string blank = absl::StrCat("_:unnamed", r.id);
    const std::string subject = s->empty() ? blank : *s;
    const std::string object = o->empty() ? blank : *o;
    if (r.props.empty()) {  // A plain edge (MENTIONS): one triple in the default graph.
      Quad(subject, Vocab(r.type), object);
      return absl::OkStatus();
    }
    std::string claim_id = Str(r.props, "id");
    if (claim_id.empty()) claim_id = absl::StrCat("r", r.id);
    const std::string graph_iri = absl::StrCat("urn:kg:claim:", PercentEncode(claim_id));
    const std::string g = Iri(graph_iri);
    Quad(subject, Vocab(r.type), object, g);  // The assertion.
    Quad(g, Iri(kRdfType), Vocab("Claim"));
    Quad(g, Iri(kRdfType), Prov("Entity"));
    Quad(g, Iri(kDctId), Literal(claim_id));
    std::vector<std::string> lits;
    for (const auto& [k, v] : r.props) {
      if (IsProvenance(k)) continue;
      lits.clear();
      Literals(v, &lits);
      for (const std::string& lit : lits) Quad(g, Vocab(k), lit);
    }
    const std::string article = Str(r.props, "article");
    if (article.empty()) return absl::OkStatus();  // Hand-made: no provenance.

    const std::string a = Iri(absl::StrCat("urn:kg:article:", PercentEncode(article)));
    Quad(g, Prov("wasDerivedFrom"), a);
    // The sentence: a part of the article identified by its byte span.
    int64_t begin = -1, end = -1;
    if (auto it = r.props.find("span"); it != r.props.end() && it->second.is_list() &&
                                        it->second.as_list().size() == 2 &&
                                        it->second.as_list()[0].is_int() &&
                                        it->second.as_list()[1].is_int()) {
      begin = it->second.as_list()[0].as_int();
      end = it->second.as_list()[1].as_int();
    }
    const std::string sentence_iri =
        begin >= 0 ? absl::StrCat("urn:kg:article:", PercentEncode(article), "#bytes=", begin,
                                  "-", end)
                   : absl::StrCat(graph_iri, "#sentence");
    const std::string sen = Iri(sentence_iri);
    Quad(g, Prov("wasDerivedFrom"), sen);
    if (sentences_.insert(sentence_iri).second) {
      Quad(sen, Iri(kRdfType), Prov("Entity"));
      Quad(sen, Iri(kDctPartOf), a);
      Quad(sen, Vocab("text"), Literal(Str(r.props, "sentence")));
      if (!Str(r.props, "section").empty()) {
        Quad(sen, Vocab("section"), Literal(Str(r.props, "section")));
      }
      if (begin >= 0) {
        Quad(sen, Vocab("begin"), Typed(absl::StrCat(begin), "integer"));
        Quad(sen, Vocab("end"), Typed(absl::StrCat(end), "integer"));
      }
    }
    if (auto it = r.props.find("citations"); it != r.props.end() && it->second.is_list()) {
      for (const Value& c : it->second.as_list()) {
        lits.clear();
        Literals(c, &lits);
        for (const std::string& lit : lits) Quad(g, Vocab("citation"), lit);
      }
    }
    // The extraction: an activity that used the sentence, following the rule as its plan.
    const std::string act = Iri(absl::StrCat(graph_iri, "#extraction"));
    const std::string assoc = Iri(absl::StrCat(graph_iri, "#association"));
    Quad(g, Prov("wasGeneratedBy"), act);
    Quad(act, Iri(kRdfType), Prov("Activity"));
    Quad(act, Prov("used"), sen);
    Quad(act, Prov("wasAssociatedWith"), Iri(kAgent));
    Quad(act, Prov("qualifiedAssociation"), assoc);
    Quad(assoc, Iri(kRdfType), Prov("Association"));
    Quad(assoc, Prov("agent"), Iri(kAgent));
    const std::string rule = Str(r.props, "rule");
    if (!rule.empty()) {
      const std::string plan = Iri(absl::StrCat("urn:kg:rule:", PercentEncode(rule)));
      Quad(assoc, Prov("hadPlan"), plan);
      if (rules_.insert(rule).second) {
        Quad(plan, Iri(kRdfType), Prov("Plan"));
        Quad(plan, Iri(kRdfsLabel), Literal(rule));
      }
    }
    if (!agent_written_) {
      agent_written_ = true;
      Quad(Iri(kAgent), Iri(kRdfType), Prov("SoftwareAgent"));
      Quad(Iri(kAgent), Iri(kRdfsLabel), Literal("kg"));
    }
    return absl::OkStatus();
  }

 private:
  Txn& txn_;
  std::ostream& out_;
  std::string line_;
  std::map<NodeId, std::string> iris_;  // Bounded cache.
  std::set<std::string> sentences_, rules_;
  bool agent_written_ = false;
};

}  // namespace

absl::Status WriteNQuads(Txn& txn, const Subgraph& g, std::ostream& out) {
  Writer w(txn, out);
  for (NodeId id : g.nodes) {
    if (absl::Status s = w.WriteNode(id); !s.ok()) return s;
  }
  for (RelId id : g.rels) {
    if (absl::Status s = w.WriteRel(id); !s.ok()) return s;
  }
  if (!out) return absl::DataLossError("writing N-Quads failed");
  return absl::OkStatus();
}

}  // namespace kg::exports
