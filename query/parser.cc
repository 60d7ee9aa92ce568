#include "query/parser.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <initializer_list>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "query/errors.h"
#include "query/lexer.h"
#include "query/status_macros.h"

namespace kg::query {
namespace {

// Words that cannot be a bare variable name in an expression (they start or continue
// clauses); a `quoted` identifier is always a name.
bool IsReservedWord(absl::string_view upper) {
  static constexpr absl::string_view kWords[] = {
      "MATCH", "OPTIONAL", "WHERE",  "RETURN", "WITH",  "UNWIND", "CREATE", "MERGE",
      "SET",   "REMOVE",   "DELETE", "DETACH", "ORDER", "SKIP",   "LIMIT",  "UNION",
      "AS",    "AND",      "OR",     "XOR",    "NOT",   "IN",     "IS",     "STARTS",
      "ENDS",  "CONTAINS", "ON",     "BY",     "ASC",   "DESC",   "ASCENDING",
      "DESCENDING", "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END", "CALL", "YIELD"};
  for (auto w : kWords) {
    if (w == upper) return true;
  }
  return false;
}

bool IsAggregateName(absl::string_view lower) {
  return lower == "count" || lower == "sum" || lower == "avg" || lower == "min" ||
         lower == "max" || lower == "collect" || lower == "stdev" || lower == "stdevp" ||
         lower == "percentilecont" || lower == "percentiledisc";
}

class Parser {
 public:
  Parser(absl::string_view q, std::vector<Token> toks) : q_(q), t_(std::move(toks)) {}

  absl::StatusOr<Statement> ParseStatement() {
    Statement st;
    while (true) {
      SingleQuery sq;
      KG_RETURN_IF_ERROR(ParseSingleQuery(&sq));
      st.queries.push_back(std::move(sq));
      if (IsKw("UNION")) {
        Advance();
        bool all = false;
        if (IsKw("ALL")) {
          Advance();
          all = true;
        }
        st.union_all.push_back(all);
        continue;
      }
      break;
    }
    if (IsPunct(";")) Advance();
    if (Cur().kind != TokenKind::kEnd) {
      return Unexpected({"a clause", "UNION", "';'", "end of input"});
    }
    return st;
  }

 private:
  // ---- token helpers ----
  const Token& Cur() const { return t_[i_]; }
  const Token& Peek(size_t k) const { return t_[std::min(i_ + k, t_.size() - 1)]; }
  void Advance() {
    if (i_ + 1 < t_.size()) {
      prev_end_ = t_[i_].end;
      ++i_;
    }
  }
  static bool TokIsKw(const Token& t, absl::string_view kw) {
    return t.kind == TokenKind::kIdent && !t.quoted && absl::EqualsIgnoreCase(t.text, kw);
  }
  bool IsKw(absl::string_view kw) const { return TokIsKw(Cur(), kw); }
  bool IsPunct(absl::string_view p) const {
    return Cur().kind == TokenKind::kPunct && Cur().text == p;
  }
  Pos CurPos() const { return Pos{Cur().line, Cur().column}; }

  absl::Status Unexpected(std::initializer_list<absl::string_view> expected) const {
    std::vector<std::string> e(expected.begin(), expected.end());
    std::string list;
    if (e.size() == 1) {
      list = e[0];
    } else {
      list = absl::StrCat(absl::StrJoin(e.begin(), e.end() - 1, ", "), " or ", e.back());
    }
    return SyntaxErr("UnexpectedSyntax", Cur().line, Cur().column,
                     absl::StrCat("expected ", list, " but got ", DescribeToken(Cur())));
  }
  absl::Status ExpectPunct(absl::string_view p) {
    if (!IsPunct(p)) return Unexpected({absl::StrCat("'", p, "'")});
    Advance();
    return absl::OkStatus();
  }
  absl::Status ExpectKw(absl::string_view kw) {
    if (!IsKw(kw)) return Unexpected({kw});
    Advance();
    return absl::OkStatus();
  }
  // A symbolic name (variable, label, key): any identifier (keywords allowed where the
  // grammar is unambiguous, as openCypher allows).
  absl::StatusOr<std::string> ParseName(absl::string_view what) {
    if (Cur().kind != TokenKind::kIdent) return Unexpected({what});
    std::string s = Cur().text;
    Advance();
    return s;
  }
  // A variable where a keyword would be ambiguous.
  absl::StatusOr<std::string> ParseVariable() {
    if (Cur().kind != TokenKind::kIdent ||
        (!Cur().quoted && IsReservedWord(absl::AsciiStrToUpper(Cur().text)))) {
      return Unexpected({"a variable name"});
    }
    std::string s = Cur().text;
    Advance();
    return s;
  }

  struct DepthGuard {
    explicit DepthGuard(int* d) : d_(d) { ++*d_; }
    ~DepthGuard() { --*d_; }
    int* d_;
  };
  absl::Status CheckDepth() const {
    if (depth_ > kMaxParseDepth) {
      return SyntaxErr("UnexpectedSyntax", Cur().line, Cur().column,
                       "query nested too deeply");
    }
    return absl::OkStatus();
  }

  // ---- clauses ----
  bool AtClauseStart() const {
    return IsKw("MATCH") || IsKw("OPTIONAL") || IsKw("UNWIND") || IsKw("WITH") ||
           IsKw("RETURN") || IsKw("CREATE") || IsKw("MERGE") || IsKw("SET") ||
           IsKw("REMOVE") || IsKw("DELETE") || IsKw("DETACH");
  }

  absl::Status ParseSingleQuery(SingleQuery* sq) {
    if (!AtClauseStart()) {
      return Unexpected({"MATCH", "OPTIONAL MATCH", "UNWIND", "WITH", "RETURN", "CREATE",
                         "MERGE", "SET", "REMOVE", "DELETE"});
    }
    while (AtClauseStart()) {
      Clause c;
      KG_RETURN_IF_ERROR(ParseClause(&c));
      const bool is_return = c.kind == Clause::Kind::kReturn;
      sq->clauses.push_back(std::move(c));
      if (is_return) break;
    }
    return absl::OkStatus();
  }

  absl::Status ParseClause(Clause* c) {
    c->pos = CurPos();
    if (IsKw("OPTIONAL")) {
      Advance();
      if (!IsKw("MATCH")) return Unexpected({"MATCH"});
      c->optional = true;
    }
    if (IsKw("MATCH")) {
      Advance();
      c->kind = Clause::Kind::kMatch;
      KG_RETURN_IF_ERROR(ParsePattern(&c->pattern));
      if (IsKw("WHERE")) {
        Advance();
        KG_ASSIGN_OR_RETURN(c->where, ParseExpr());
      }
      return absl::OkStatus();
    }
    if (IsKw("UNWIND")) {
      Advance();
      c->kind = Clause::Kind::kUnwind;
      KG_ASSIGN_OR_RETURN(c->expr, ParseExpr());
      KG_RETURN_IF_ERROR(ExpectKw("AS"));
      KG_ASSIGN_OR_RETURN(c->alias, ParseVariable());
      return absl::OkStatus();
    }
    if (IsKw("WITH") || IsKw("RETURN")) {
      const bool is_with = IsKw("WITH");
      Advance();
      c->kind = is_with ? Clause::Kind::kWith : Clause::Kind::kReturn;
      KG_RETURN_IF_ERROR(ParseProjection(&c->projection, is_with));
      return absl::OkStatus();
    }
    if (IsKw("CREATE")) {
      Advance();
      c->kind = Clause::Kind::kCreate;
      return ParsePattern(&c->pattern);
    }
    if (IsKw("MERGE")) {
      Advance();
      c->kind = Clause::Kind::kMerge;
      PatternPart part;
      KG_RETURN_IF_ERROR(ParsePatternPart(&part));
      c->pattern.push_back(std::move(part));
      while (IsKw("ON")) {
        Advance();
        std::vector<SetItem>* target;
        if (IsKw("CREATE")) {
          target = &c->on_create;
        } else if (IsKw("MATCH")) {
          target = &c->on_match;
        } else {
          return Unexpected({"CREATE", "MATCH"});
        }
        Advance();
        KG_RETURN_IF_ERROR(ExpectKw("SET"));
        KG_RETURN_IF_ERROR(ParseSetItems(target));
      }
      return absl::OkStatus();
    }
    if (IsKw("SET")) {
      Advance();
      c->kind = Clause::Kind::kSet;
      return ParseSetItems(&c->items);
    }
    if (IsKw("REMOVE")) {
      Advance();
      c->kind = Clause::Kind::kRemove;
      return ParseRemoveItems(&c->items);
    }
    if (IsKw("DETACH")) {
      Advance();
      c->detach = true;
      if (!IsKw("DELETE")) return Unexpected({"DELETE"});
    }
    if (IsKw("DELETE")) {
      Advance();
      c->kind = Clause::Kind::kDelete;
      while (true) {
        ExprPtr e;
        KG_ASSIGN_OR_RETURN(e, ParseExpr());
        c->exprs.push_back(std::move(e));
        if (!IsPunct(",")) break;
        Advance();
      }
      return absl::OkStatus();
    }
    return Unexpected({"a clause"});
  }

  absl::Status ParseProjection(Projection* p, bool is_with) {
    if (IsKw("DISTINCT")) {
      Advance();
      p->distinct = true;
    }
    if (IsPunct("*")) {
      Advance();
      p->star = true;
      if (IsPunct(",")) {
        Advance();
      } else {
        goto tail;
      }
    }
    while (true) {
      ProjectionItem item;
      item.pos = CurPos();
      KG_ASSIGN_OR_RETURN(item.expr, ParseExpr());
      item.column = item.expr->text;
      if (IsKw("AS")) {
        Advance();
        KG_ASSIGN_OR_RETURN(item.column, ParseVariable());
        item.has_alias = true;
      }
      p->items.push_back(std::move(item));
      if (!IsPunct(",")) break;
      Advance();
    }
  tail:
    if (IsKw("ORDER")) {
      Advance();
      KG_RETURN_IF_ERROR(ExpectKw("BY"));
      while (true) {
        SortItem s;
        KG_ASSIGN_OR_RETURN(s.expr, ParseExpr());
        if (IsKw("ASC") || IsKw("ASCENDING")) {
          Advance();
        } else if (IsKw("DESC") || IsKw("DESCENDING")) {
          Advance();
          s.descending = true;
        }
        p->order_by.push_back(std::move(s));
        if (!IsPunct(",")) break;
        Advance();
      }
    }
    if (IsKw("SKIP")) {
      Advance();
      KG_ASSIGN_OR_RETURN(p->skip, ParseExpr());
    }
    if (IsKw("LIMIT")) {
      Advance();
      KG_ASSIGN_OR_RETURN(p->limit, ParseExpr());
    }
    if (is_with && IsKw("WHERE")) {
      Advance();
      KG_ASSIGN_OR_RETURN(p->where, ParseExpr());
    }
    return absl::OkStatus();
  }

  absl::Status ParseSetItems(std::vector<SetItem>* items) {
    while (true) {
      SetItem it;
      it.pos = CurPos();
      std::string var;
      Pos vpos = CurPos();
      KG_ASSIGN_OR_RETURN(var, ParseVariable());
      auto target = std::make_unique<Expr>();
      target->kind = Expr::Kind::kVariable;
      target->name = var;
      target->pos = vpos;
      if (IsPunct(".")) {
        // n.p[.q...] = value
        ExprPtr e = std::move(target);
        while (IsPunct(".")) {
          Advance();
          auto prop = std::make_unique<Expr>();
          prop->kind = Expr::Kind::kProperty;
          prop->pos = CurPos();
          KG_ASSIGN_OR_RETURN(prop->name, ParseName("a property key"));
          prop->args.push_back(std::move(e));
          e = std::move(prop);
        }
        it.kind = SetItem::Kind::kProperty;
        it.target = std::move(e);
        KG_RETURN_IF_ERROR(ExpectPunct("="));
        KG_ASSIGN_OR_RETURN(it.value, ParseExpr());
      } else if (IsPunct("=")) {
        Advance();
        it.kind = SetItem::Kind::kReplace;
        it.target = std::move(target);
        KG_ASSIGN_OR_RETURN(it.value, ParseExpr());
      } else if (IsPunct("+=")) {
        Advance();
        it.kind = SetItem::Kind::kMerge;
        it.target = std::move(target);
        KG_ASSIGN_OR_RETURN(it.value, ParseExpr());
      } else if (IsPunct(":")) {
        it.kind = SetItem::Kind::kLabels;
        it.target = std::move(target);
        KG_RETURN_IF_ERROR(ParseLabels(&it.labels));
      } else {
        return Unexpected({"'.'", "'='", "'+='", "':'"});
      }
      items->push_back(std::move(it));
      if (!IsPunct(",")) break;
      Advance();
    }
    return absl::OkStatus();
  }

  absl::Status ParseRemoveItems(std::vector<SetItem>* items) {
    while (true) {
      SetItem it;
      it.pos = CurPos();
      Pos vpos = CurPos();
      std::string var;
      KG_ASSIGN_OR_RETURN(var, ParseVariable());
      auto target = std::make_unique<Expr>();
      target->kind = Expr::Kind::kVariable;
      target->name = var;
      target->pos = vpos;
      if (IsPunct(".")) {
        Advance();
        auto prop = std::make_unique<Expr>();
        prop->kind = Expr::Kind::kProperty;
        prop->pos = CurPos();
        KG_ASSIGN_OR_RETURN(prop->name, ParseName("a property key"));
        prop->args.push_back(std::move(target));
        it.kind = SetItem::Kind::kRemoveProperty;
        it.target = std::move(prop);
      } else if (IsPunct(":")) {
        it.kind = SetItem::Kind::kRemoveLabels;
        it.target = std::move(target);
        KG_RETURN_IF_ERROR(ParseLabels(&it.labels));
      } else {
        return Unexpected({"'.'", "':'"});
      }
      items->push_back(std::move(it));
      if (!IsPunct(",")) break;
      Advance();
    }
    return absl::OkStatus();
  }

  // :A:B (at least one)
  absl::Status ParseLabels(std::vector<std::string>* labels) {
    if (!IsPunct(":")) return Unexpected({"':'"});
    while (IsPunct(":")) {
      Advance();
      std::string l;
      KG_ASSIGN_OR_RETURN(l, ParseName("a label name"));
      labels->push_back(std::move(l));
    }
    return absl::OkStatus();
  }

  // ---- patterns ----
  absl::Status ParsePattern(std::vector<PatternPart>* parts) {
    while (true) {
      PatternPart p;
      KG_RETURN_IF_ERROR(ParsePatternPart(&p));
      parts->push_back(std::move(p));
      if (!IsPunct(",")) break;
      Advance();
    }
    return absl::OkStatus();
  }

  absl::Status ParsePatternPart(PatternPart* p) {
    p->pos = CurPos();
    if (Cur().kind == TokenKind::kIdent && Peek(1).kind == TokenKind::kPunct &&
        Peek(1).text == "=") {
      KG_ASSIGN_OR_RETURN(p->path_var, ParseVariable());
      Advance();  // '='
    }
    if (!IsPunct("(")) return Unexpected({"'('"});
    // A parenthesized pattern element: '(' followed by '(' .
    int parens = 0;
    while (IsPunct("(") && Peek(1).kind == TokenKind::kPunct && Peek(1).text == "(") {
      Advance();
      ++parens;
    }
    NodePattern n;
    KG_RETURN_IF_ERROR(ParseNodePattern(&n));
    p->nodes.push_back(std::move(n));
    while (IsPunct("-") || IsPunct("<-") || IsPunct("<")) {
      if (p->rels.size() > 10000) {
        return SyntaxErr("UnexpectedSyntax", Cur().line, Cur().column, "pattern too long");
      }
      RelPattern r;
      KG_RETURN_IF_ERROR(ParseRelPattern(&r));
      p->rels.push_back(std::move(r));
      NodePattern m;
      KG_RETURN_IF_ERROR(ParseNodePattern(&m));
      p->nodes.push_back(std::move(m));
    }
    for (int i = 0; i < parens; ++i) KG_RETURN_IF_ERROR(ExpectPunct(")"));
    return absl::OkStatus();
  }

  absl::Status ParseNodePattern(NodePattern* n) {
    n->pos = CurPos();
    KG_RETURN_IF_ERROR(ExpectPunct("("));
    if (Cur().kind == TokenKind::kIdent) {
      KG_ASSIGN_OR_RETURN(n->var, ParseVariable());
    }
    if (IsPunct(":")) KG_RETURN_IF_ERROR(ParseLabels(&n->labels));
    if (IsPunct("{") || Cur().kind == TokenKind::kParam) {
      KG_ASSIGN_OR_RETURN(n->props, ParseAtom());
    }
    if (!IsPunct(")")) {
      if (n->var.empty() && n->labels.empty() && !n->props) {
        return Unexpected({"a variable name", "':'", "'{'", "')'"});
      }
      if (n->labels.empty() && !n->props) return Unexpected({"':'", "'{'", "')'"});
      if (!n->props) return Unexpected({"':'", "'{'", "')'"});
      return Unexpected({"')'"});
    }
    Advance();
    return absl::OkStatus();
  }

  absl::Status ParseRelPattern(RelPattern* r) {
    r->pos = CurPos();
    bool left = false;
    if (IsPunct("<-")) {
      left = true;
      Advance();
    } else if (IsPunct("<")) {
      Advance();
      if (!IsPunct("-")) return Unexpected({"'-'"});
      left = true;
      Advance();
    } else {
      KG_RETURN_IF_ERROR(ExpectPunct("-"));
    }
    if (IsPunct("[")) {
      Advance();
      if (Cur().kind == TokenKind::kIdent) {
        KG_ASSIGN_OR_RETURN(r->var, ParseVariable());
      }
      if (IsPunct(":")) {
        Advance();
        std::string t;
        KG_ASSIGN_OR_RETURN(t, ParseName("a relationship type"));
        r->types.push_back(std::move(t));
        while (IsPunct("|")) {
          Advance();
          if (IsPunct(":")) Advance();
          KG_ASSIGN_OR_RETURN(t, ParseName("a relationship type"));
          r->types.push_back(std::move(t));
        }
      }
      if (IsPunct("*")) {
        Advance();
        r->var_length = true;
        r->min_hops = 1;
        if (Cur().kind == TokenKind::kInt) {
          int v;
          KG_ASSIGN_OR_RETURN(v, ParseHopCount());
          r->min_hops = v;
          r->max_hops = v;
        }
        if (IsPunct("..")) {
          Advance();
          r->max_hops.reset();
          if (Cur().kind == TokenKind::kInt) {
            int v;
            KG_ASSIGN_OR_RETURN(v, ParseHopCount());
            r->max_hops = v;
          }
        }
      }
      if (IsPunct("{") || Cur().kind == TokenKind::kParam) {
        KG_ASSIGN_OR_RETURN(r->props, ParseAtom());
      }
      if (!IsPunct("]")) {
        if (r->types.empty() && !r->var_length && !r->props) {
          return Unexpected({"':'", "'*'", "'{'", "']'"});
        }
        return Unexpected({"']'"});
      }
      Advance();
    }
    bool right = false;
    if (IsPunct("->")) {
      right = true;
      Advance();
    } else if (IsPunct("-")) {
      Advance();
      if (IsPunct(">")) {
        right = true;
        Advance();
      }
    } else {
      return Unexpected({"'-'", "'->'"});
    }
    if (left && right) {
      r->dir = Direction::kBoth;  // <--> is undirected, as openCypher reads it
    } else if (left) {
      r->dir = Direction::kIn;
    } else if (right) {
      r->dir = Direction::kOut;
    } else {
      r->dir = Direction::kBoth;
    }
    return absl::OkStatus();
  }

  absl::StatusOr<int> ParseHopCount() {
    uint64_t v = 0;
    if (!absl::SimpleAtoi(Cur().text, &v) || v > 1000000) {
      return SyntaxErr("InvalidNumberLiteral", Cur().line, Cur().column,
                       "invalid hop count in variable-length pattern");
    }
    Advance();
    return static_cast<int>(v);
  }

  // ---- expressions ----
  ExprPtr Make(Expr::Kind k, Pos pos) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->pos = pos;
    return e;
  }
  ExprPtr MakeBinary(std::string op, ExprPtr a, ExprPtr b, Pos pos) {
    auto e = Make(Expr::Kind::kBinary, pos);
    e->op = std::move(op);
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return e;
  }

 public:
  absl::StatusOr<ExprPtr> ParseExpr() {
    DepthGuard g(&depth_);
    KG_RETURN_IF_ERROR(CheckDepth());
    const size_t begin = Cur().begin;
    ExprPtr e;
    KG_ASSIGN_OR_RETURN(e, ParseOr());
    e->text = std::string(q_.substr(begin, prev_end_ > begin ? prev_end_ - begin : 0));
    return e;
  }

 private:
  // `operand (KW operand)*`, left-associative: OR, XOR and AND share this shape.
  absl::StatusOr<ExprPtr> ParseKeywordChain(const char* kw,
                                            absl::StatusOr<ExprPtr> (Parser::*operand)()) {
    ExprPtr l;
    KG_ASSIGN_OR_RETURN(l, (this->*operand)());
    while (IsKw(kw)) {
      Pos p = CurPos();
      Advance();
      ExprPtr r;
      KG_ASSIGN_OR_RETURN(r, (this->*operand)());
      l = MakeBinary(kw, std::move(l), std::move(r), p);
    }
    return l;
  }
  absl::StatusOr<ExprPtr> ParseOr() { return ParseKeywordChain("OR", &Parser::ParseXor); }
  absl::StatusOr<ExprPtr> ParseXor() { return ParseKeywordChain("XOR", &Parser::ParseAnd); }
  absl::StatusOr<ExprPtr> ParseAnd() { return ParseKeywordChain("AND", &Parser::ParseNot); }
  absl::StatusOr<ExprPtr> ParseNot() {
    if (IsKw("NOT")) {
      DepthGuard g(&depth_);
      KG_RETURN_IF_ERROR(CheckDepth());
      Pos p = CurPos();
      Advance();
      ExprPtr a;
      KG_ASSIGN_OR_RETURN(a, ParseNot());
      auto e = Make(Expr::Kind::kUnary, p);
      e->op = "NOT";
      e->args.push_back(std::move(a));
      return e;
    }
    return ParseComparison();
  }
  // Splits a `<-` token into `<` and `-` (in `a<-1`).
  void SplitLeftArrow() {
    if (IsPunct("<-")) {
      Token minus = Cur();
      t_[i_].text = "<";
      t_[i_].end = t_[i_].begin + 1;
      minus.text = "-";
      minus.begin += 1;
      minus.column += 1;
      t_.insert(t_.begin() + static_cast<std::ptrdiff_t>(i_) + 1, minus);
    }
  }
  bool AtComparison() {
    SplitLeftArrow();
    return IsPunct("=") || IsPunct("<>") || IsPunct("!=") || IsPunct("<") || IsPunct(">") ||
           IsPunct("<=") || IsPunct(">=");
  }
  absl::StatusOr<ExprPtr> ParseComparison() {
    ExprPtr l;
    KG_ASSIGN_OR_RETURN(l, ParsePredicates());
    if (!AtComparison()) return l;
    // a < b <= c  ==  a < b AND b <= c. Later operands are re-parsed references: we build
    // the chain by sharing via a second parse of nothing; instead, keep operand list.
    std::vector<ExprPtr> operands;
    std::vector<std::pair<std::string, Pos>> ops;
    operands.push_back(std::move(l));
    while (AtComparison()) {
      std::string op = Cur().text == "!=" ? "<>" : Cur().text;
      ops.emplace_back(op, CurPos());
      Advance();
      ExprPtr r;
      KG_ASSIGN_OR_RETURN(r, ParsePredicates());
      operands.push_back(std::move(r));
    }
    if (ops.size() == 1) {
      return MakeBinary(ops[0].first, std::move(operands[0]), std::move(operands[1]),
                        ops[0].second);
    }
    // Chain: duplicate middle operands by cloning.
    ExprPtr result;
    for (size_t i = 0; i < ops.size(); ++i) {
      ExprPtr a = i == 0 ? std::move(operands[0]) : Clone(*operands[i]);
      ExprPtr b = i + 1 == ops.size() ? std::move(operands[i + 1]) : Clone(*operands[i + 1]);
      ExprPtr cmp = MakeBinary(ops[i].first, std::move(a), std::move(b), ops[i].second);
      result = result ? MakeBinary("AND", std::move(result), std::move(cmp), ops[i].second)
                      : std::move(cmp);
    }
    return result;
  }
  static ExprPtr Clone(const Expr& e) {
    auto c = std::make_unique<Expr>();
    c->kind = e.kind;
    c->pos = e.pos;
    c->value = e.value;
    c->name = e.name;
    c->op = e.op;
    for (const auto& a : e.args) c->args.push_back(a ? Clone(*a) : nullptr);
    c->keys = e.keys;
    c->distinct = e.distinct;
    c->aggregate = e.aggregate;
    c->has_case_subject = e.has_case_subject;
    c->has_else = e.has_else;
    c->text = e.text;
    return c;
  }

  absl::StatusOr<ExprPtr> ParsePredicates() {
    ExprPtr l;
    KG_ASSIGN_OR_RETURN(l, ParseAdd());
    while (true) {
      Pos p = CurPos();
      if (IsKw("IS")) {
        Advance();
        bool neg = false;
        if (IsKw("NOT")) {
          Advance();
          neg = true;
        }
        KG_RETURN_IF_ERROR(ExpectKw("NULL"));
        auto e = Make(neg ? Expr::Kind::kIsNotNull : Expr::Kind::kIsNull, p);
        e->args.push_back(std::move(l));
        l = std::move(e);
      } else if (IsKw("IN")) {
        Advance();
        ExprPtr r;
        KG_ASSIGN_OR_RETURN(r, ParseAdd());
        l = MakeBinary("IN", std::move(l), std::move(r), p);
      } else if (IsKw("STARTS") || IsKw("ENDS")) {
        std::string op = IsKw("STARTS") ? "STARTS WITH" : "ENDS WITH";
        Advance();
        KG_RETURN_IF_ERROR(ExpectKw("WITH"));
        ExprPtr r;
        KG_ASSIGN_OR_RETURN(r, ParseAdd());
        l = MakeBinary(op, std::move(l), std::move(r), p);
      } else if (IsKw("CONTAINS")) {
        Advance();
        ExprPtr r;
        KG_ASSIGN_OR_RETURN(r, ParseAdd());
        l = MakeBinary("CONTAINS", std::move(l), std::move(r), p);
      } else if (IsPunct("=~")) {
        Advance();
        ExprPtr r;
        KG_ASSIGN_OR_RETURN(r, ParseAdd());
        l = MakeBinary("=~", std::move(l), std::move(r), p);
      } else {
        return l;
      }
    }
  }
  absl::StatusOr<ExprPtr> ParseAdd() {
    ExprPtr l;
    KG_ASSIGN_OR_RETURN(l, ParseMul());
    while (IsPunct("+") || IsPunct("-")) {
      Pos p = CurPos();
      std::string op = Cur().text;
      Advance();
      ExprPtr r;
      KG_ASSIGN_OR_RETURN(r, ParseMul());
      l = MakeBinary(op, std::move(l), std::move(r), p);
    }
    return l;
  }
  absl::StatusOr<ExprPtr> ParseMul() {
    ExprPtr l;
    KG_ASSIGN_OR_RETURN(l, ParsePow());
    while (IsPunct("*") || IsPunct("/") || IsPunct("%")) {
      Pos p = CurPos();
      std::string op = Cur().text;
      Advance();
      ExprPtr r;
      KG_ASSIGN_OR_RETURN(r, ParsePow());
      l = MakeBinary(op, std::move(l), std::move(r), p);
    }
    return l;
  }
  absl::StatusOr<ExprPtr> ParsePow() {
    ExprPtr l;
    KG_ASSIGN_OR_RETURN(l, ParseUnary());
    while (IsPunct("^")) {
      Pos p = CurPos();
      Advance();
      ExprPtr r;
      KG_ASSIGN_OR_RETURN(r, ParseUnary());
      l = MakeBinary("^", std::move(l), std::move(r), p);
    }
    return l;
  }
  absl::StatusOr<ExprPtr> ParseUnary() {
    if (IsPunct("-") || IsPunct("+")) {
      DepthGuard g(&depth_);
      KG_RETURN_IF_ERROR(CheckDepth());
      Pos p = CurPos();
      std::string op = Cur().text;
      Advance();
      if (op == "-" && Cur().kind == TokenKind::kInt) {
        // -9223372036854775808 is a valid literal.
        ExprPtr lit;
        KG_ASSIGN_OR_RETURN(lit, ParseIntLiteral(/*negative=*/true, p));
        return ParsePostfix(std::move(lit));
      }
      ExprPtr a;
      KG_ASSIGN_OR_RETURN(a, ParseUnary());
      auto e = Make(Expr::Kind::kUnary, p);
      e->op = op;
      e->args.push_back(std::move(a));
      return e;
    }
    ExprPtr atom;
    KG_ASSIGN_OR_RETURN(atom, ParseAtom());
    return ParsePostfix(std::move(atom));
  }

  absl::StatusOr<ExprPtr> ParsePostfix(ExprPtr e) {
    while (true) {
      if (IsPunct(".")) {
        Pos p = CurPos();
        Advance();
        auto prop = Make(Expr::Kind::kProperty, p);
        KG_ASSIGN_OR_RETURN(prop->name, ParseName("a property key"));
        prop->args.push_back(std::move(e));
        e = std::move(prop);
      } else if (IsPunct("[")) {
        Pos p = CurPos();
        Advance();
        ExprPtr from, to;
        bool slice = false;
        if (!IsPunct("..")) {
          KG_ASSIGN_OR_RETURN(from, ParseExpr());
        }
        if (IsPunct("..")) {
          slice = true;
          Advance();
          if (!IsPunct("]")) {
            KG_ASSIGN_OR_RETURN(to, ParseExpr());
          }
        }
        if (!from && !slice) return Unexpected({"an expression"});
        KG_RETURN_IF_ERROR(ExpectPunct("]"));
        auto idx = Make(slice ? Expr::Kind::kSlice : Expr::Kind::kIndex, p);
        idx->args.push_back(std::move(e));
        idx->args.push_back(std::move(from));
        if (slice) idx->args.push_back(std::move(to));
        e = std::move(idx);
      } else if (IsPunct(":") && (e->kind == Expr::Kind::kVariable ||
                                  e->kind == Expr::Kind::kProperty)) {
        Pos p = CurPos();
        auto hl = Make(Expr::Kind::kHasLabels, p);
        KG_RETURN_IF_ERROR(ParseLabels(&hl->keys));
        hl->args.push_back(std::move(e));
        e = std::move(hl);
      } else {
        return e;
      }
    }
  }

  absl::StatusOr<ExprPtr> ParseIntLiteral(bool negative, Pos pos) {
    const Token& t = Cur();
    absl::string_view s = t.text;
    uint64_t mag = 0;
    bool ok = true;
    if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      if (s.size() == 2) {
        return SyntaxErr("InvalidNumberLiteral", t.line, t.column,
                         absl::StrCat("invalid hex literal '", s, "'"));
      }
      ok = absl::SimpleHexAtoi(s.substr(2), &mag);
    } else if (s.size() >= 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
      if (s.size() == 2) {
        return SyntaxErr("InvalidNumberLiteral", t.line, t.column,
                         absl::StrCat("invalid octal literal '", s, "'"));
      }
      for (char c : s.substr(2)) {
        if (c < '0' || c > '7') {
          return SyntaxErr("InvalidNumberLiteral", t.line, t.column,
                           absl::StrCat("invalid octal literal '", s, "'"));
        }
        if (mag > (UINT64_MAX >> 3)) {
          ok = false;
          break;
        }
        mag = mag * 8 + static_cast<uint64_t>(c - '0');
      }
    } else {
      ok = absl::SimpleAtoi(s, &mag);
    }
    const uint64_t limit = negative ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1;
    if (!ok || mag > limit) {
      return SyntaxErr("IntegerOverflow", pos.line, pos.column,
                       absl::StrCat("integer literal '", negative ? "-" : "", s,
                                    "' does not fit in 64 bits"));
    }
    Advance();
    auto e = Make(Expr::Kind::kLiteral, pos);
    int64_t v = negative ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
    e->value = QValue(v);
    return e;
  }

  absl::StatusOr<ExprPtr> ParseAtom() {
    DepthGuard g(&depth_);
    KG_RETURN_IF_ERROR(CheckDepth());
    const Token& t = Cur();
    Pos p = CurPos();
    switch (t.kind) {
      case TokenKind::kInt:
        return ParseIntLiteral(false, p);
      case TokenKind::kFloat: {
        errno = 0;
        std::string s = t.text;
        double d = std::strtod(s.c_str(), nullptr);
        if (std::isinf(d)) {
          return SyntaxErr("FloatingPointOverflow", p.line, p.column,
                           absl::StrCat("float literal '", s, "' is too large"));
        }
        Advance();
        auto e = Make(Expr::Kind::kLiteral, p);
        e->value = QValue(d);
        return e;
      }
      case TokenKind::kString: {
        auto e = Make(Expr::Kind::kLiteral, p);
        e->value = QValue(t.text);
        Advance();
        return e;
      }
      case TokenKind::kParam: {
        auto e = Make(Expr::Kind::kParam, p);
        e->name = t.text;
        Advance();
        return e;
      }
      case TokenKind::kPunct:
        if (t.text == "(") {
          Advance();
          ExprPtr e;
          KG_ASSIGN_OR_RETURN(e, ParseExpr());
          KG_RETURN_IF_ERROR(ExpectPunct(")"));
          return e;
        }
        if (t.text == "[") return ParseListOrComprehension();
        if (t.text == "{") return ParseMapLiteral();
        return Unexpected({"an expression"});
      case TokenKind::kIdent:
        break;
      case TokenKind::kEnd:
        return Unexpected({"an expression"});
    }
    // Identifiers.
    if (!t.quoted) {
      const std::string upper = absl::AsciiStrToUpper(t.text);
      if (upper == "TRUE" || upper == "FALSE") {
        auto e = Make(Expr::Kind::kLiteral, p);
        e->value = QValue(upper == "TRUE");
        Advance();
        return e;
      }
      if (upper == "NULL") {
        Advance();
        return Make(Expr::Kind::kLiteral, p);
      }
      if (upper == "CASE") return ParseCase();
      const bool call = Peek(1).kind == TokenKind::kPunct && Peek(1).text == "(";
      if ((upper == "ALL" || upper == "ANY" || upper == "NONE" || upper == "SINGLE") && call &&
          Peek(2).kind == TokenKind::kIdent && TokIsKw(Peek(3), "IN")) {
        return ParseQuantifier(absl::AsciiStrToLower(t.text));
      }
      if (call) return ParseFunctionCall();
      if (IsReservedWord(upper)) return Unexpected({"an expression"});
    } else if (Peek(1).kind == TokenKind::kPunct && Peek(1).text == "(") {
      return ParseFunctionCall();
    }
    auto e = Make(Expr::Kind::kVariable, p);
    e->name = t.text;
    Advance();
    return e;
  }

  absl::StatusOr<ExprPtr> ParseFunctionCall() {
    Pos p = CurPos();
    std::string name = absl::AsciiStrToLower(Cur().text);
    Advance();
    // namespaced names (a.b.c) are not supported: openCypher built-ins are flat.
    KG_RETURN_IF_ERROR(ExpectPunct("("));
    if (name == "count" && IsPunct("*")) {
      Advance();
      KG_RETURN_IF_ERROR(ExpectPunct(")"));
      auto e = Make(Expr::Kind::kCountStar, p);
      e->name = "count";
      e->aggregate = true;
      return e;
    }
    auto e = Make(Expr::Kind::kFunction, p);
    e->name = name;
    e->aggregate = IsAggregateName(name);
    if (IsKw("DISTINCT")) {
      Advance();
      e->distinct = true;
    }
    if (!IsPunct(")")) {
      while (true) {
        ExprPtr a;
        KG_ASSIGN_OR_RETURN(a, ParseExpr());
        e->args.push_back(std::move(a));
        if (!IsPunct(",")) break;
        Advance();
      }
    }
    KG_RETURN_IF_ERROR(ExpectPunct(")"));
    return e;
  }

  absl::StatusOr<ExprPtr> ParseQuantifier(std::string which) {
    Pos p = CurPos();
    Advance();  // name
    Advance();  // (
    auto e = Make(Expr::Kind::kQuantifier, p);
    e->op = std::move(which);
    KG_ASSIGN_OR_RETURN(e->name, ParseVariable());
    KG_RETURN_IF_ERROR(ExpectKw("IN"));
    ExprPtr list, pred;
    KG_ASSIGN_OR_RETURN(list, ParseExpr());
    if (IsKw("WHERE")) {
      Advance();
      KG_ASSIGN_OR_RETURN(pred, ParseExpr());
    }
    KG_RETURN_IF_ERROR(ExpectPunct(")"));
    e->args.push_back(std::move(list));
    e->args.push_back(std::move(pred));
    return e;
  }

  absl::StatusOr<ExprPtr> ParseListOrComprehension() {
    Pos p = CurPos();
    Advance();  // [
    if (Cur().kind == TokenKind::kIdent && TokIsKw(Peek(1), "IN")) {
      auto e = Make(Expr::Kind::kListComprehension, p);
      KG_ASSIGN_OR_RETURN(e->name, ParseVariable());
      Advance();  // IN
      ExprPtr list, pred, proj;
      KG_ASSIGN_OR_RETURN(list, ParseExpr());
      if (IsKw("WHERE")) {
        Advance();
        KG_ASSIGN_OR_RETURN(pred, ParseExpr());
      }
      if (IsPunct("|")) {
        Advance();
        KG_ASSIGN_OR_RETURN(proj, ParseExpr());
      }
      KG_RETURN_IF_ERROR(ExpectPunct("]"));
      e->args.push_back(std::move(list));
      e->args.push_back(std::move(pred));
      e->args.push_back(std::move(proj));
      return e;
    }
    auto e = Make(Expr::Kind::kList, p);
    if (!IsPunct("]")) {
      while (true) {
        ExprPtr a;
        KG_ASSIGN_OR_RETURN(a, ParseExpr());
        e->args.push_back(std::move(a));
        if (!IsPunct(",")) break;
        Advance();
      }
    }
    if (!IsPunct("]")) return Unexpected({"','", "']'"});
    Advance();
    return e;
  }

  absl::StatusOr<ExprPtr> ParseMapLiteral() {
    Pos p = CurPos();
    KG_RETURN_IF_ERROR(ExpectPunct("{"));
    auto e = Make(Expr::Kind::kMap, p);
    if (!IsPunct("}")) {
      while (true) {
        std::string key;
        KG_ASSIGN_OR_RETURN(key, ParseName("a property key"));
        KG_RETURN_IF_ERROR(ExpectPunct(":"));
        ExprPtr v;
        KG_ASSIGN_OR_RETURN(v, ParseExpr());
        e->keys.push_back(std::move(key));
        e->args.push_back(std::move(v));
        if (!IsPunct(",")) break;
        Advance();
      }
    }
    if (!IsPunct("}")) return Unexpected({"','", "'}'"});
    Advance();
    return e;
  }

  absl::StatusOr<ExprPtr> ParseCase() {
    Pos p = CurPos();
    Advance();  // CASE
    auto e = Make(Expr::Kind::kCase, p);
    if (!IsKw("WHEN")) {
      ExprPtr subj;
      KG_ASSIGN_OR_RETURN(subj, ParseExpr());
      e->args.push_back(std::move(subj));
      e->has_case_subject = true;
    }
    if (!IsKw("WHEN")) return Unexpected({"WHEN"});
    while (IsKw("WHEN")) {
      Advance();
      ExprPtr w, th;
      KG_ASSIGN_OR_RETURN(w, ParseExpr());
      KG_RETURN_IF_ERROR(ExpectKw("THEN"));
      KG_ASSIGN_OR_RETURN(th, ParseExpr());
      e->args.push_back(std::move(w));
      e->args.push_back(std::move(th));
    }
    if (IsKw("ELSE")) {
      Advance();
      ExprPtr el;
      KG_ASSIGN_OR_RETURN(el, ParseExpr());
      e->args.push_back(std::move(el));
      e->has_else = true;
    }
    KG_RETURN_IF_ERROR(ExpectKw("END"));
    return e;
  }

  absl::string_view q_;
  std::vector<Token> t_;
  size_t i_ = 0;
  size_t prev_end_ = 0;
  int depth_ = 0;
};

}  // namespace

absl::StatusOr<Statement> Parse(std::string_view query) {
  auto toks = Lex(query);
  if (!toks.ok()) return toks.status();
  Parser p(absl::string_view(query.data(), query.size()), std::move(*toks));
  return p.ParseStatement();
}

}  // namespace kg::query
