#include "query/errors.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kg::query {
namespace {

constexpr char kKindUrl[] = "kg.query/kind";
constexpr char kDetailUrl[] = "kg.query/detail";
constexpr char kLineUrl[] = "kg.query/line";
constexpr char kColumnUrl[] = "kg.query/column";

int PayloadInt(const absl::Status& s, const char* url) {
  auto p = s.GetPayload(url);
  int v = 0;
  if (p && absl::SimpleAtoi(std::string(*p), &v)) return v;
  return 0;
}

}  // namespace

absl::Status QError(absl::string_view kind, absl::string_view detail, int line, int column,
                    absl::string_view message) {
  absl::Status s(absl::StatusCode::kInvalidArgument, message);
  s.SetPayload(kKindUrl, absl::Cord(kind));
  s.SetPayload(kDetailUrl, absl::Cord(detail));
  s.SetPayload(kLineUrl, absl::Cord(absl::StrCat(line)));
  s.SetPayload(kColumnUrl, absl::Cord(absl::StrCat(column)));
  return s;
}

bool IsQueryError(const absl::Status& s) { return s.GetPayload(kKindUrl).has_value(); }

absl::Status WithPosition(absl::Status s, int line, int column) {
  if (s.ok()) return s;
  if (!IsQueryError(s)) {
    return QError("StorageError", "", line, column, s.ToString());
  }
  if (PayloadInt(s, kLineUrl) <= 0) {
    s.SetPayload(kLineUrl, absl::Cord(absl::StrCat(line)));
    s.SetPayload(kColumnUrl, absl::Cord(absl::StrCat(column)));
  }
  return s;
}

QueryError ToQueryError(const absl::Status& s) {
  QueryError e;
  if (!IsQueryError(s)) {
    e.kind = "StorageError";
    e.message = s.ToString();
    return e;
  }
  e.kind = std::string(*s.GetPayload(kKindUrl));
  if (auto d = s.GetPayload(kDetailUrl)) e.detail = std::string(*d);
  e.line = PayloadInt(s, kLineUrl);
  e.column = PayloadInt(s, kColumnUrl);
  if (e.line <= 0) e.line = 1;
  if (e.column <= 0) e.column = 1;
  e.message = std::string(s.message());
  return e;
}

}  // namespace kg::query
