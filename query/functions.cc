// Scalar functions (Evaluator::CallScalar) and the function table the binder checks.
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "query/errors.h"

#include "query/eval.h"
#include "query/status_macros.h"

namespace kg::query {
namespace {

constexpr FunctionInfo kFunctions[] = {
    // Aggregates.
    {"count", 1, 1, true},
    {"sum", 1, 1, true},
    {"avg", 1, 1, true},
    {"min", 1, 1, true},
    {"max", 1, 1, true},
    {"collect", 1, 1, true},
    {"stdev", 1, 1, true},
    {"stdevp", 1, 1, true},
    {"percentiledisc", 2, 2, true},
    {"percentilecont", 2, 2, true},
    // Graph.
    {"id", 1, 1, false},
    {"labels", 1, 1, false},
    {"type", 1, 1, false},
    {"properties", 1, 1, false},
    {"keys", 1, 1, false},
    {"nodes", 1, 1, false},
    {"relationships", 1, 1, false},
    {"startnode", 1, 1, false},
    {"endnode", 1, 1, false},
    {"length", 1, 1, false},
    {"exists", 1, 1, false},
    // Lists / general.
    {"size", 1, 1, false},
    {"head", 1, 1, false},
    {"last", 1, 1, false},
    {"tail", 1, 1, false},
    {"reverse", 1, 1, false},
    {"range", 2, 3, false},
    {"coalesce", 1, -1, false},
    // Conversion.
    {"tostring", 1, 1, false},
    {"tointeger", 1, 1, false},
    {"tofloat", 1, 1, false},
    {"toboolean", 1, 1, false},
    // Strings.
    {"tolower", 1, 1, false},
    {"toupper", 1, 1, false},
    {"trim", 1, 1, false},
    {"ltrim", 1, 1, false},
    {"rtrim", 1, 1, false},
    {"substring", 2, 3, false},
    {"left", 2, 2, false},
    {"right", 2, 2, false},
    {"replace", 3, 3, false},
    {"split", 2, 2, false},
    // Numbers.
    {"abs", 1, 1, false},
    {"sign", 1, 1, false},
    {"ceil", 1, 1, false},
    {"floor", 1, 1, false},
    {"round", 1, 1, false},
    {"sqrt", 1, 1, false},
    {"exp", 1, 1, false},
    {"log", 1, 1, false},
    {"log10", 1, 1, false},
    {"pi", 0, 0, false},
    {"e", 0, 0, false},
    {"rand", 0, 0, false},
    // Temporal constructors (values are ISO-8601 strings; see query/README.md).
    {"date", 0, 1, false},
    {"localtime", 0, 1, false},
    {"time", 0, 1, false},
    {"localdatetime", 0, 1, false},
    {"datetime", 0, 1, false},
};

absl::Status BadArg(const Expr& e, const QValue& v, const char* want) {
  return TypeErr("InvalidArgumentType", e.pos.line, e.pos.column,
                 absl::StrCat(e.name, "() expects ", want, " but got ", v.TypeName()));
}

// Byte offset of the code point index `cp` in UTF-8 `s` (clamped to s.size()).
size_t Utf8Offset(const std::string& s, int64_t cp) {
  size_t i = 0;
  while (i < s.size() && cp > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --cp;
  }
  return i;
}
int64_t Utf8Length(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// date / localtime / time / localdatetime / datetime from a component map, as ISO-8601
// text: 1984-10-11, 12:31:14.645876123, 12:31:14+01:00, 1984-10-11T12:30, ...+00:15.
// Seconds are omitted when they and the fraction are zero; the fraction loses trailing zeros.
absl::StatusOr<QValue> Temporal(const Expr& e, const QValue& arg, absl::Time now) {
  const std::string& f = e.name;
  const bool has_date = f == "date" || f == "localdatetime" || f == "datetime";
  const bool has_time = f != "date";
  const bool has_zone = f == "time" || f == "datetime";
  int64_t year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0;
  std::string zone = has_zone ? "Z" : "";
  if (arg.is_null()) {
    const absl::CivilSecond c = absl::ToCivilSecond(now, absl::UTCTimeZone());
    year = c.year(), month = c.month(), day = c.day();
    hour = c.hour(), minute = c.minute(), second = c.second();
  } else if (arg.is_string()) {
    return arg;  // Already ISO text.
  } else if (!arg.is_map()) {
    return TypeErr("InvalidArgumentType", e.pos.line, e.pos.column,
                   absl::StrCat(e.name, "() expects a map of components but got ",
                                arg.TypeName()));
  } else {
    for (const auto& [k, v] : arg.as_map()) {
      if (k == "timezone") {
        if (!has_zone || !v.is_string()) {
          return QError("ArgumentError", "InvalidArgumentValue", e.pos.line, e.pos.column,
                        absl::StrCat(e.name, "(): bad timezone"));
        }
        zone = v.as_string() == "+00:00" ? "Z" : v.as_string();
        continue;
      }
      if (!v.is_int()) {
        return TypeErr("InvalidArgumentType", e.pos.line, e.pos.column,
                       absl::StrCat(e.name, "(): component '", k, "' must be an Integer"));
      }
      const int64_t x = v.as_int();
      if (has_date && k == "year") year = x;
      else if (has_date && k == "month") month = x;
      else if (has_date && k == "day") day = x;
      else if (has_time && k == "hour") hour = x;
      else if (has_time && k == "minute") minute = x;
      else if (has_time && k == "second") second = x;
      else if (has_time && k == "millisecond") nanos += x * 1000000;
      else if (has_time && k == "microsecond") nanos += x * 1000;
      else if (has_time && k == "nanosecond") nanos += x;
      else {
        return QError("ArgumentError", "InvalidArgumentValue", e.pos.line, e.pos.column,
                      absl::StrCat(e.name, "(): unknown component '", k, "'"));
      }
    }
  }
  const absl::CivilDay civil(year, month, day);
  if (year < 0 || year > 9999 || civil.month() != month || civil.day() != day || hour < 0 ||
      hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0 ||
      nanos > 999999999) {
    return QError("ArgumentError", "InvalidArgumentValue", e.pos.line, e.pos.column,
                  absl::StrCat(e.name, "(): component out of range"));
  }
  std::string out;
  if (has_date) {
    out = absl::StrFormat("%04d-%02d-%02d", year, month, day);
    if (has_time) out.push_back('T');
  }
  if (has_time) {
    absl::StrAppendFormat(&out, "%02d:%02d", hour, minute);
    if (second != 0 || nanos != 0) absl::StrAppendFormat(&out, ":%02d", second);
    if (nanos != 0) {
      std::string frac = absl::StrFormat("%09d", nanos);
      while (!frac.empty() && frac.back() == '0') frac.pop_back();
      absl::StrAppend(&out, ".", frac);
    }
    out += zone;
  }
  return QValue(std::move(out));
}

}  // namespace

const FunctionInfo* LookupFunction(const std::string& lower_name) {
  for (const auto& f : kFunctions) {
    if (lower_name == f.name) return &f;
  }
  return nullptr;
}

absl::StatusOr<QValue> Evaluator::CallScalar(const Expr& e, std::vector<QValue>& args) {
  const std::string& f = e.name;
  const Pos pos = e.pos;
  auto arg = [&](size_t i) -> const QValue& { return args[i]; };
  // Null in, null out for all one-argument functions below (except exists/size of null).
  if (f == "exists") return QValue(!arg(0).is_null());
  if (f == "pi") return QValue(M_PI);
  if (f == "e") return QValue(M_E);
  if (f == "rand") return QValue(std::uniform_real_distribution<double>(0.0, 1.0)(ctx_->rng()));
  if (f == "date" || f == "localtime" || f == "time" || f == "localdatetime" ||
      f == "datetime") {
    if (!args.empty() && arg(0).is_null()) return QValue();
    return Temporal(e, args.empty() ? QValue() : arg(0), absl::Now());
  }
  if (!args.empty() && arg(0).is_null()) return QValue();

  if (f == "id") {
    if (arg(0).is_node()) return QValue(static_cast<int64_t>(arg(0).node_id()));
    if (arg(0).is_rel()) return QValue(static_cast<int64_t>(arg(0).rel_id()));
    return BadArg(e, arg(0), "a node or relationship");
  }
  if (f == "labels") {
    if (!arg(0).is_node()) return BadArg(e, arg(0), "a node");
    const Node* n;
    KG_ASSIGN_OR_RETURN(n, ctx_->GetNode(arg(0).node_id()));
    QList l;
    if (n) {
      for (const auto& x : n->labels) l.push_back(QValue(x));
    }
    return QValue(std::move(l));
  }
  if (f == "type") {
    if (!arg(0).is_rel()) return BadArg(e, arg(0), "a relationship");
    std::optional<std::string> type;
    KG_ASSIGN_OR_RETURN(type, ctx_->RelType(arg(0).rel_id()));
    return type ? QValue(std::move(*type)) : QValue();
  }
  if (f == "properties") {
    if (!arg(0).is_node() && !arg(0).is_rel() && !arg(0).is_map()) {
      return BadArg(e, arg(0), "a node, relationship or map");
    }
    QMap m;
    KG_ASSIGN_OR_RETURN(m, PropertiesOf(arg(0), pos));
    return QValue(std::move(m));
  }
  if (f == "keys") {
    if (!arg(0).is_node() && !arg(0).is_rel() && !arg(0).is_map()) {
      return BadArg(e, arg(0), "a node, relationship or map");
    }
    QMap m;
    KG_ASSIGN_OR_RETURN(m, PropertiesOf(arg(0), pos));
    QList l;
    for (const auto& [k, v] : m) l.push_back(QValue(k));
    return QValue(std::move(l));
  }
  if (f == "nodes" || f == "relationships") {
    if (!arg(0).is_path()) return BadArg(e, arg(0), "a path");
    QList l;
    if (f == "nodes") {
      for (NodeId n : arg(0).as_path().nodes) l.push_back(QValue(NodeRef{n}));
    } else {
      for (RelId r : arg(0).as_path().rels) l.push_back(QValue(RelRef{r}));
    }
    return QValue(std::move(l));
  }
  if (f == "startnode" || f == "endnode") {
    if (!arg(0).is_rel()) return BadArg(e, arg(0), "a relationship");
    const Relationship* r;
    KG_ASSIGN_OR_RETURN(r, ctx_->GetRel(arg(0).rel_id()));
    if (!r) return QValue();
    return QValue(NodeRef{f == "startnode" ? r->start : r->end});
  }
  if (f == "length") {
    if (arg(0).is_path()) return QValue(static_cast<int64_t>(arg(0).as_path().rels.size()));
    if (arg(0).is_string()) return QValue(Utf8Length(arg(0).as_string()));
    if (arg(0).is_list()) return QValue(static_cast<int64_t>(arg(0).as_list().size()));
    return BadArg(e, arg(0), "a path");
  }
  if (f == "size") {
    if (arg(0).is_list()) return QValue(static_cast<int64_t>(arg(0).as_list().size()));
    if (arg(0).is_string()) return QValue(Utf8Length(arg(0).as_string()));
    return BadArg(e, arg(0), "a list or string");
  }
  if (f == "head" || f == "last") {
    if (!arg(0).is_list()) return BadArg(e, arg(0), "a list");
    const QList& l = arg(0).as_list();
    if (l.empty()) return QValue();
    return f == "head" ? l.front() : l.back();
  }
  if (f == "tail") {
    if (!arg(0).is_list()) return BadArg(e, arg(0), "a list");
    const QList& l = arg(0).as_list();
    if (l.empty()) return QValue(QList());
    return QValue(QList(l.begin() + 1, l.end()));
  }
  if (f == "reverse") {
    if (arg(0).is_list()) {
      QList l(arg(0).as_list().rbegin(), arg(0).as_list().rend());
      return QValue(std::move(l));
    }
    if (arg(0).is_string()) {
      // Reverse by code points.
      const std::string& s = arg(0).as_string();
      std::vector<std::string> cps;
      for (size_t i = 0; i < s.size();) {
        size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
        cps.push_back(s.substr(i, j - i));
        i = j;
      }
      std::string out;
      for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
      return QValue(std::move(out));
    }
    return BadArg(e, arg(0), "a list or string");
  }
  if (f == "range") {
    for (const auto& a : args) {
      if (a.is_null()) return QValue();
      if (!a.is_int()) {
        return QError("ArgumentError", "InvalidArgumentType", pos.line, pos.column,
                      absl::StrCat("range() expects Integer arguments but got ", a.TypeName()));
      }
    }
    const int64_t start = arg(0).as_int(), end = arg(1).as_int();
    const int64_t step = args.size() > 2 ? arg(2).as_int() : 1;
    if (step == 0) {
      return QError("ArgumentError", "NumberOutOfRange", pos.line, pos.column,
                    "range() step must not be zero");
    }
    QList l;
    // Count first so that the row budget bounds the list.
    const __int128 count128 =
        step > 0 ? (end >= start ? (static_cast<__int128>(end) - start) / step + 1 : 0)
                 : (start >= end ? (static_cast<__int128>(start) - end) / (-step) + 1 : 0);
    if (count128 > static_cast<__int128>(ctx_->options().max_rows)) {
      return QError("ResourceLimit", "TooManyRows", pos.line, pos.column,
                    "range() would produce more elements than max_rows");
    }
    const int64_t count = static_cast<int64_t>(count128);
    l.reserve(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) {
      l.push_back(QValue(static_cast<int64_t>(start + static_cast<__int128>(i) * step)));
    }
    return QValue(std::move(l));
  }
  if (f == "tostring") {
    const QValue& v = arg(0);
    if (v.is_string()) return v;
    if (v.is_int() || v.is_double() || v.is_bool()) return QValue(ToCypherString(v));
    return BadArg(e, v, "a string, number or boolean");
  }
  if (f == "tointeger") {
    const QValue& v = arg(0);
    if (v.is_int()) return v;
    if (v.is_double()) {
      const double d = v.as_double();
      if (std::isnan(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18) {
        return QError("ArgumentError", "NumberOutOfRange", pos.line, pos.column,
                      "toInteger(): value out of the 64-bit range");
      }
      return QValue(static_cast<int64_t>(d));
    }
    if (v.is_string()) {
      std::string s(absl::StripAsciiWhitespace(v.as_string()));
      int64_t i;
      if (absl::SimpleAtoi(s, &i)) return QValue(i);
      double d;
      if (absl::SimpleAtod(s, &d) && std::isfinite(d) && d < 9.2233720368547758e18 &&
          d >= -9.2233720368547758e18) {
        return QValue(static_cast<int64_t>(d));
      }
      return QValue();
    }
    if (v.is_bool()) return QValue(int64_t{v.as_bool() ? 1 : 0});
    return BadArg(e, v, "a string, number or boolean");
  }
  if (f == "tofloat") {
    const QValue& v = arg(0);
    if (v.is_double()) return v;
    if (v.is_int()) return QValue(static_cast<double>(v.as_int()));
    if (v.is_string()) {
      double d;
      std::string s(absl::StripAsciiWhitespace(v.as_string()));
      if (absl::SimpleAtod(s, &d)) return QValue(d);
      return QValue();
    }
    return BadArg(e, v, "a string or number");
  }
  if (f == "toboolean") {
    const QValue& v = arg(0);
    if (v.is_bool()) return v;
    if (v.is_string()) {
      std::string s = absl::AsciiStrToLower(absl::StripAsciiWhitespace(v.as_string()));
      if (s == "true") return QValue(true);
      if (s == "false") return QValue(false);
      return QValue();
    }
    if (v.is_int()) return QValue(v.as_int() != 0);
    return BadArg(e, v, "a string, integer or boolean");
  }
  if (f == "tolower" || f == "toupper" || f == "trim" || f == "ltrim" || f == "rtrim") {
    if (!arg(0).is_string()) return BadArg(e, arg(0), "a string");
    const std::string& s = arg(0).as_string();
    if (f == "tolower") return QValue(absl::AsciiStrToLower(s));
    if (f == "toupper") return QValue(absl::AsciiStrToUpper(s));
    if (f == "trim") return QValue(std::string(absl::StripAsciiWhitespace(s)));
    if (f == "ltrim") return QValue(std::string(absl::StripLeadingAsciiWhitespace(s)));
    return QValue(std::string(absl::StripTrailingAsciiWhitespace(s)));
  }
  if (f == "substring" || f == "left" || f == "right") {
    if (!arg(0).is_string()) return BadArg(e, arg(0), "a string");
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i].is_null()) return QValue();
      if (!args[i].is_int()) return BadArg(e, args[i], "an Integer");
      if (args[i].as_int() < 0) {
        return QError("ArgumentError", "NegativeIntegerArgument", pos.line, pos.column,
                      absl::StrCat(e.name, "(): negative argument"));
      }
    }
    const std::string& s = arg(0).as_string();
    const int64_t n = Utf8Length(s);
    int64_t from = 0, len = n;
    if (f == "substring") {
      from = arg(1).as_int();
      len = args.size() > 2 ? arg(2).as_int() : n;
    } else if (f == "left") {
      len = arg(1).as_int();
    } else {
      len = std::min(arg(1).as_int(), n);
      from = n - len;
    }
    const size_t b = Utf8Offset(s, from);
    const size_t end = Utf8Offset(s, std::min<int64_t>(n, from + std::min(len, n)));
    return QValue(b < end ? s.substr(b, end - b) : std::string());
  }
  if (f == "replace") {
    for (const auto& a : args) {
      if (a.is_null()) return QValue();
      if (!a.is_string()) return BadArg(e, a, "strings");
    }
    const std::string& s = arg(0).as_string();
    const std::string& from = arg(1).as_string();
    const std::string& to = arg(2).as_string();
    if (from.empty()) return QValue(s);
    std::string out;
    size_t i = 0;
    while (true) {
      size_t j = s.find(from, i);
      if (j == std::string::npos) break;
      out.append(s, i, j - i);
      out += to;
      i = j + from.size();
      if (out.size() > (size_t{1} << 30)) {
        return QError("ResourceLimit", "TooLarge", pos.line, pos.column,
                      "replace(): result too large");
      }
    }
    out.append(s, i, std::string::npos);
    return QValue(std::move(out));
  }
  if (f == "split") {
    if (arg(1).is_null()) return QValue();
    if (!arg(0).is_string() || !arg(1).is_string()) return BadArg(e, arg(0), "strings");
    QList l;
    const std::string& s = arg(0).as_string();
    const std::string& d = arg(1).as_string();
    if (d.empty()) {
      for (size_t i = 0; i < s.size();) {
        size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
        l.push_back(QValue(s.substr(i, j - i)));
        i = j;
      }
    } else {
      for (absl::string_view part : absl::StrSplit(s, d)) l.push_back(QValue(std::string(part)));
    }
    return QValue(std::move(l));
  }
  // Numbers.
  if (!arg(0).is_number()) return BadArg(e, arg(0), "a number");
  const QValue& v = arg(0);
  if (f == "abs") {
    if (v.is_int()) {
      if (v.as_int() == INT64_MIN) {
        return QError("ArgumentError", "NumberOutOfRange", pos.line, pos.column,
                      "abs(): integer overflow");
      }
      return QValue(v.as_int() < 0 ? -v.as_int() : v.as_int());
    }
    return QValue(std::fabs(v.as_double()));
  }
  if (f == "sign") {
    const double d = v.as_number();
    return QValue(int64_t{d > 0 ? 1 : (d < 0 ? -1 : 0)});
  }
  const double d = v.as_number();
  if (f == "ceil") return QValue(std::ceil(d));
  if (f == "floor") return QValue(std::floor(d));
  if (f == "round") return QValue(std::round(d));
  if (f == "sqrt") return QValue(std::sqrt(d));
  if (f == "exp") return QValue(std::exp(d));
  if (f == "log") return QValue(std::log(d));
  if (f == "log10") return QValue(std::log10(d));
  return SyntaxErr("UnknownFunction", pos.line, pos.column,
                   absl::StrCat("unknown function '", e.name, "'"));
}

}  // namespace kg::query
