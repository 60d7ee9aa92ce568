#include "graph/value.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kg {
namespace {

constexpr int kMaxDepth = 64;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int i = 0; i < 10; ++i) {
    if (in->empty()) return false;
    uint8_t b = static_cast<uint8_t>((*in)[0]);
    in->remove_prefix(1);
    if (i == 9 && b > 1) return false;  // Would overflow 64 bits.
    result |= static_cast<uint64_t>(b & 0x7F) << (7 * i);
    if ((b & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t n;
  if (!GetVarint(in, &n) || n > in->size()) return false;
  s->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

absl::Status Corrupt(std::string_view what) {
  return absl::DataLossError(absl::StrCat("corrupt value encoding: ", std::string(what)));
}

void EncodeMapBody(const ValueMap& m, std::string* out) {
  PutVarint(m.size(), out);
  for (const auto& [k, v] : m) {
    PutString(k, out);
    v.EncodeTo(out);
  }
}

absl::StatusOr<Value> DecodeAt(std::string_view* in, int depth);

absl::StatusOr<ValueMap> DecodeMapBody(std::string_view* in, int depth) {
  uint64_t n;
  if (!GetVarint(in, &n)) return Corrupt("truncated map count");
  if (n > in->size()) return Corrupt("map count exceeds input");
  ValueMap m;
  const std::string* prev = nullptr;
  for (uint64_t i = 0; i < n; ++i) {
    std::string key;
    if (!GetString(in, &key)) return Corrupt("truncated map key");
    if (prev != nullptr && !(*prev < key)) return Corrupt("map keys not strictly ascending");
    absl::StatusOr<Value> v = DecodeAt(in, depth);
    if (!v.ok()) return v.status();
    auto it = m.emplace_hint(m.end(), std::move(key), *std::move(v));
    prev = &it->first;
  }
  return m;
}

absl::StatusOr<Value> DecodeAt(std::string_view* in, int depth) {
  if (in->empty()) return Corrupt("truncated (missing tag)");
  uint8_t tag = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  switch (static_cast<Value::Type>(tag)) {
    case Value::Type::kNull:
      return Value();
    case Value::Type::kBool: {
      if (in->empty()) return Corrupt("truncated bool");
      uint8_t b = static_cast<uint8_t>((*in)[0]);
      in->remove_prefix(1);
      if (b > 1) return Corrupt("bool byte not 0 or 1");
      return Value(b == 1);
    }
    case Value::Type::kInt: {
      uint64_t z;
      if (!GetVarint(in, &z)) return Corrupt("bad int varint");
      int64_t i = static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
      return Value(i);
    }
    case Value::Type::kDouble: {
      if (in->size() < 8) return Corrupt("truncated double");
      uint64_t bits = 0;
      for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<uint8_t>((*in)[i]);
      in->remove_prefix(8);
      return Value(std::bit_cast<double>(bits));
    }
    case Value::Type::kString: {
      std::string s;
      if (!GetString(in, &s)) return Corrupt("truncated string");
      return Value(std::move(s));
    }
    case Value::Type::kList: {
      if (depth >= kMaxDepth) return Corrupt("nesting deeper than 64");
      uint64_t n;
      if (!GetVarint(in, &n)) return Corrupt("truncated list count");
      if (n > in->size()) return Corrupt("list count exceeds input");
      ValueList l;
      for (uint64_t i = 0; i < n; ++i) {
        absl::StatusOr<Value> v = DecodeAt(in, depth + 1);
        if (!v.ok()) return v.status();
        l.push_back(*std::move(v));
      }
      return Value(std::move(l));
    }
    case Value::Type::kMap: {
      if (depth >= kMaxDepth) return Corrupt("nesting deeper than 64");
      absl::StatusOr<ValueMap> m = DecodeMapBody(in, depth + 1);
      if (!m.ok()) return m.status();
      return Value(*std::move(m));
    }
  }
  return Corrupt(absl::StrCat("unknown tag ", tag));
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SeqLen(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t c = at(i);
  size_t n;
  uint32_t cp;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    uint8_t b = at(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;  // Surrogates are not UTF-8.
  return n;
}

}  // namespace

void Value::EncodeTo(std::string* out) const {
  out->push_back(static_cast<char>(type()));
  switch (type()) {
    case Type::kNull:
      break;
    case Type::kBool:
      out->push_back(as_bool() ? 1 : 0);
      break;
    case Type::kInt: {
      uint64_t u = static_cast<uint64_t>(as_int());
      uint64_t z = (u << 1) ^ (as_int() < 0 ? ~uint64_t{0} : 0);
      PutVarint(z, out);
      break;
    }
    case Type::kDouble: {
      uint64_t bits = std::bit_cast<uint64_t>(as_double());
      for (int i = 7; i >= 0; --i) out->push_back(static_cast<char>(bits >> (8 * i)));
      break;
    }
    case Type::kString:
      PutString(as_string(), out);
      break;
    case Type::kList:
      PutVarint(as_list().size(), out);
      for (const Value& v : as_list()) v.EncodeTo(out);
      break;
    case Type::kMap:
      EncodeMapBody(as_map(), out);
      break;
  }
}

absl::StatusOr<Value> Value::DecodeFrom(std::string_view* in) { return DecodeAt(in, 0); }

absl::StatusOr<Value> Value::Decode(std::string_view in) {
  absl::StatusOr<Value> v = DecodeAt(&in, 0);
  if (v.ok() && !in.empty()) return Corrupt("trailing bytes");
  return v;
}

std::string EncodeMap(const ValueMap& m) {
  std::string out;
  EncodeMapBody(m, &out);
  return out;
}

absl::StatusOr<ValueMap> DecodeMap(std::string_view in) {
  absl::StatusOr<ValueMap> m = DecodeMapBody(&in, 1);
  if (m.ok() && !in.empty()) return Corrupt("trailing bytes after map");
  return m;
}

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    uint8_t c = static_cast<uint8_t>(s[i]);
    if (c >= 0x80) {
      size_t n = Utf8SeqLen(s, i);
      if (n == 0) {
        out->append("\\ufffd");  // Invalid byte: keep the output valid JSON.
        ++i;
      } else {
        out->append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

std::string Value::ToJson() const {
  std::string out;
  switch (type()) {
    case Type::kNull:
      out = "null";
      break;
    case Type::kBool:
      out = as_bool() ? "true" : "false";
      break;
    case Type::kInt:
      out = absl::StrCat(as_int());
      break;
    case Type::kDouble:
      AppendJsonDouble(as_double(), &out);
      break;
    case Type::kString:
      AppendJsonString(as_string(), &out);
      break;
    case Type::kList: {
      out.push_back('[');
      bool first = true;
      for (const Value& v : as_list()) {
        if (!first) out.push_back(',');
        first = false;
        out.append(v.ToJson());
      }
      out.push_back(']');
      break;
    }
    case Type::kMap: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, v] : as_map()) {
        if (!first) out.push_back(',');
        first = false;
        AppendJsonString(k, &out);
        out.push_back(':');
        out.append(v.ToJson());
      }
      out.push_back('}');
      break;
    }
  }
  return out;
}

void AppendJsonDouble(double d, std::string* out) {
  if (std::isnan(d)) {
    out->append("NaN");
    return;
  }
  if (std::isinf(d)) {
    out->append(d > 0 ? "Infinity" : "-Infinity");
    return;
  }
  // Like Python's repr: fixed notation for exponents in [-4, 16), else scientific; the
  // shortest digits that round-trip either way.
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  const std::string_view sci(buf, r.ptr - buf);
  *r.ptr = '\0';  // to_chars does not terminate; atoi needs it.
  const int exp = std::atoi(buf + sci.find('e') + 1);
  if (d != 0 && (exp < -4 || exp >= 16)) {
    out->append(sci);
    return;
  }
  r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  const std::string_view fixed(buf, r.ptr - buf);
  out->append(fixed);
  if (fixed.find('.') == std::string_view::npos) out->append(".0");
}

}  // namespace kg
