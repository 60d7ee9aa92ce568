// read: files and folders -> Documents. See read.h.
//
// Nothing here throws across the function boundary: std::filesystem is used through its
// error_code overloads, and nlohmann::json exceptions are caught where parsing happens.

#include "ingest/read.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

#include "ingest/strings_internal.h"

namespace kg::ingest {
namespace {

using internal::EndsWith;
using internal::EqualsIgnoreCase;
using internal::StartsWith;
using internal::StartsWithIgnoreCase;

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool IsBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view TrimView(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && IsBlankByte(s[b])) ++b;
  while (e > b && IsBlankByte(s[e - 1])) --e;
  return s.substr(b, e - b);
}

bool IsBlank(std::string_view s) { return TrimView(s).empty(); }

// Returns the offset of the first byte that is not part of well-formed UTF-8 (no overlong
// forms, no surrogates, nothing above U+10FFFF), or nullopt if `s` is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // Overlong.
      if (c == 0xED) hi = 0x9F;  // Surrogates.
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // Overlong.
      if (c == 0xF4) hi = 0x8F;  // Above U+10FFFF.
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::nullopt;
}

// Checks shared by every format: NUL bytes (binary), UTF-8, emptiness.
absl::Status CheckContent(std::string_view content) {
  if (content.empty()) return absl::InvalidArgumentError("empty file");
  if (size_t nul = content.find('\0'); nul != std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat("binary content (NUL byte at byte ", nul, ")"));
  }
  if (std::optional<size_t> bad = FindInvalidUtf8(content)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 at byte ", *bad));
  }
  if (IsBlank(content)) return absl::InvalidArgumentError("empty file (whitespace only)");
  return absl::OkStatus();
}

std::string Lower(std::string s) {
  absl::AsciiStrToLower(&s);
  return s;
}

// Reads the optional string field `key`; records a problem (and leaves `out` empty) when it
// is present with another type. null counts as absent.
void OptionalString(const Json& obj, const char* key, std::string& out, const std::string& origin,
                    std::vector<Problem>& problems) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return;
  if (!it->is_string()) {
    problems.push_back({origin, absl::StrCat("field \"", key, "\" is not a string (ignored)")});
    return;
  }
  out = it->get<std::string>();
}

// One JSON article object -> Document, or an error naming the field.
absl::StatusOr<Document> DocumentFromJson(const Json& obj, const std::string& origin,
                                          std::vector<Problem>& problems) {
  if (!obj.is_object()) return absl::InvalidArgumentError("not a JSON object");
  auto required_string = [&](const char* key) -> absl::StatusOr<std::string> {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      return absl::InvalidArgumentError(absl::StrCat("missing required field \"", key, "\""));
    }
    if (!it->is_string()) {
      return absl::InvalidArgumentError(absl::StrCat("field \"", key, "\" is not a string"));
    }
    return it->get<std::string>();
  };
  Document doc;
  doc.origin = origin;
  absl::StatusOr<std::string> id = required_string("id");
  if (!id.ok()) return id.status();
  if (IsBlank(*id)) return absl::InvalidArgumentError("field \"id\" is empty");
  doc.id = *std::move(id);
  absl::StatusOr<std::string> title = required_string("title");
  if (!title.ok()) return title.status();
  doc.title = std::string(TrimView(*title));

  auto paragraphs = obj.find("paragraphs");
  if (paragraphs != obj.end() && !paragraphs->is_null()) {
    if (!paragraphs->is_array()) {
      return absl::InvalidArgumentError("field \"paragraphs\" is not a list");
    }
    for (const Json& p : *paragraphs) {
      if (!p.is_string()) {
        return absl::InvalidArgumentError("field \"paragraphs\" holds a non-string");
      }
      const std::string& s = p.get_ref<const std::string&>();
      if (!doc.text.empty()) doc.text += "\n\n";
      doc.paragraphs.push_back({doc.text.size(), doc.text.size() + s.size()});
      doc.paragraph_numbers.push_back(static_cast<int>(doc.paragraph_numbers.size()) + 1);
      doc.text += s;
    }
  } else {
    absl::StatusOr<std::string> text = required_string("text");
    if (!text.ok()) return text.status();
    doc.text = *std::move(text);
    FindNumberedParagraphs(doc, 0);
  }
  if (IsBlank(doc.text)) return absl::InvalidArgumentError("article text is empty");
  if (std::optional<size_t> bad = FindInvalidUtf8(doc.text)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid UTF-8 in text at byte ", *bad));
  }
  OptionalString(obj, "url", doc.url, origin, problems);
  OptionalString(obj, "published", doc.published, origin, problems);
  OptionalString(obj, "source", doc.source, origin, problems);
  OptionalString(obj, "cites", doc.cites, origin, problems);
  return doc;
}

// nlohmann::json::parse, with its exceptions turned into a Status.
absl::StatusOr<Json> ParseJson(std::string_view text) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("malformed JSON: ", e.what()));
  }
}

}  // namespace

void ReadJsonlLines(const std::string& name, std::string_view content, size_t first_line,
                    ReadResult& result) {
  size_t line_no = first_line - 1;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    const size_t line_begin = pos;
    pos = nl + 1;
    ++line_no;
    if (IsBlank(line)) continue;
    const std::string origin = absl::StrCat(name, ":", line_no);
    if (size_t nul = line.find('\0'); nul != std::string_view::npos) {
      result.problems.push_back(
          {origin, absl::StrCat("binary content (NUL byte at byte ", line_begin + nul, ")")});
      continue;
    }
    if (std::optional<size_t> bad = FindInvalidUtf8(line)) {
      result.problems.push_back({origin, absl::StrCat("invalid UTF-8 at byte ", line_begin + *bad,
                                                      " (column ", *bad + 1, ")")});
      continue;
    }
    absl::StatusOr<Json> json = ParseJson(line);
    if (!json.ok()) {
      result.problems.push_back({origin, std::string(json.status().message())});
      continue;
    }
    absl::StatusOr<Document> doc = DocumentFromJson(*json, origin, result.problems);
    if (!doc.ok()) {
      result.problems.push_back({origin, std::string(doc.status().message())});
      continue;
    }
    result.documents.push_back(*std::move(doc));
  }
}

namespace {

void ReadJson(const std::string& name, std::string_view content, ReadResult& result) {
  absl::StatusOr<Json> json = ParseJson(content);
  if (!json.ok()) {
    result.problems.push_back({name, std::string(json.status().message())});
    return;
  }
  if (json->is_array()) {
    for (size_t i = 0; i < json->size(); ++i) {
      const std::string origin = absl::StrCat(name, "[", i, "]");
      absl::StatusOr<Document> doc = DocumentFromJson((*json)[i], origin, result.problems);
      if (!doc.ok()) {
        result.problems.push_back({origin, std::string(doc.status().message())});
        continue;
      }
      result.documents.push_back(*std::move(doc));
    }
    return;
  }
  absl::StatusOr<Document> doc = DocumentFromJson(*json, name, result.problems);
  if (!doc.ok()) {
    result.problems.push_back({name, std::string(doc.status().message())});
    return;
  }
  result.documents.push_back(*std::move(doc));
}

bool IsGoldFile(const fs::path& path) {
  return EndsWith(Lower(path.filename().string()), ".gold.json");
}

void ReadOneFile(const fs::path& path, const ReadOptions& options, ReadResult& result) {
  const std::string name = path.string();
  if (IsGoldFile(path)) {
    result.skipped.push_back(name);
    return;
  }
  const std::string ext = Lower(path.extension().string());
  const bool is_text = ext == ".txt" || ext == ".md";
  const bool is_jsonl = ext == ".jsonl";
  const bool is_json = ext == ".json";
  if (!is_text && !is_jsonl && !is_json) {
    result.problems.push_back({name, ext.empty()
                                         ? "unsupported extension (none)"
                                         : absl::StrCat("unsupported extension \"", ext, "\"")});
    return;
  }
  absl::StatusOr<std::string> content = ReadFileBytes(path.string(), options.max_file_bytes);
  if (!content.ok()) {
    result.problems.push_back({name, std::string(content.status().message())});
    return;
  }
  if (is_jsonl) {
    // A bad line only skips that line; emptiness and NUL bytes (which JSON text never holds
    // unescaped) are checked for the whole file up front.
    if (size_t nul = content->find('\0'); nul != std::string::npos) {
      result.problems.push_back(
          {name, absl::StrCat("binary content (NUL byte at byte ", nul, ")")});
      return;
    }
    if (IsBlank(*content)) {
      result.problems.push_back(
          {name, content->empty() ? "empty file" : "empty file (whitespace only)"});
      return;
    }
    ReadJsonlLines(name, *content, 1, result);
    return;
  }
  if (absl::Status status = CheckContent(*content); !status.ok()) {
    result.problems.push_back({name, std::string(status.message())});
    return;
  }
  if (is_json) {
    ReadJson(name, *content, result);
    return;
  }
  Document doc = ParseTextArticle(path.stem().string(), *std::move(content));
  doc.origin = name;
  result.documents.push_back(std::move(doc));
}

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// A folder's README (README, README.md, readme.txt, …) documents the folder; it is no article.
bool IsReadme(const fs::path& path) {
  return Lower(path.stem().string()) == "readme";
}

void ListFolder(const fs::path& root, std::vector<InputFile>& out) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.push_back({root.string(), Problem{root.string(), absl::StrCat("cannot read folder: ", ec.message())}, false});
    return;
  }
  std::vector<InputFile> hidden;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    if (IsHidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      hidden.push_back({p.string(), std::nullopt, true});
      continue;
    }
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    if (IsReadme(p)) {
      hidden.push_back({p.string(), std::nullopt, true});
      continue;
    }
    files.push_back(p);
  }
  out.insert(out.end(), hidden.begin(), hidden.end());
  if (ec) {
    out.push_back({root.string(), Problem{root.string(), absl::StrCat("cannot walk folder: ", ec.message())}, false});
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) out.push_back({f.string(), std::nullopt, false});
}

// Lines as [begin, end) without the newline (a trailing '\r' is kept; callers trim).
std::vector<std::pair<size_t, size_t>> Lines(std::string_view text, size_t from) {
  std::vector<std::pair<size_t, size_t>> lines;
  size_t pos = from;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(pos, nl);
    pos = nl + 1;
  }
  return lines;
}

// `Group 3:` (or Section/Part) at the start of a trimmed line.
bool StartsWithGroupHeading(std::string_view line) {
  for (std::string_view word : {"Group", "Section", "Part"}) {
    if (!StartsWith(line, word)) continue;
    size_t i = word.size();
    if (i >= line.size() || line[i] != ' ') continue;
    while (i < line.size() && line[i] == ' ') ++i;
    size_t digits = i;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    if (i == digits) continue;
    if (i < line.size() && line[i] == ':') return true;
  }
  return false;
}

}  // namespace

std::optional<ParagraphMarker> ParseParagraphMarker(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  ParagraphMarker marker;
  marker.bracketed = i < line.size() && line[i] == '[';
  if (marker.bracketed) ++i;
  const size_t digits = i;
  int number = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) && i - digits < 5) {
    number = number * 10 + (line[i] - '0');
    ++i;
  }
  if (i == digits || i - digits > 4 || number == 0) return std::nullopt;
  if (i >= line.size() || line[i] != (marker.bracketed ? ']' : '.')) return std::nullopt;
  ++i;
  const size_t after = i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == after) return std::nullopt;  // A space must follow the marker.
  if (TrimView(line.substr(i)).empty()) return std::nullopt;
  marker.number = number;
  marker.content = i;
  return marker;
}

void FindNumberedParagraphs(Document& doc, size_t from) {
  doc.paragraphs.clear();
  doc.paragraph_numbers.clear();
  const std::string_view text = doc.text;
  struct Para {
    size_t begin;
    size_t end;
    int number;  // 0 when not numbered.
  };
  std::vector<Para> paras;
  bool previous_blank = true;
  for (const auto& [b, e] : Lines(text, from)) {
    std::string_view line = text.substr(b, e - b);
    if (IsBlank(line)) {
      previous_blank = true;
      continue;
    }
    const size_t content_end = b + TrimView(line).size() + (TrimView(line).data() - line.data());
    std::optional<ParagraphMarker> marker = ParseParagraphMarker(line);
    if (marker) {
      paras.push_back({b + marker->content, content_end, marker->number});
    } else if (previous_blank || paras.empty()) {
      paras.push_back({b + (TrimView(line).data() - line.data()), content_end, 0});
    } else {
      paras.back().end = content_end;
    }
    previous_blank = false;
  }
  size_t numbered = 0;
  int last = 0;
  for (const Para& p : paras) {
    if (p.number == 0) continue;
    if (p.number <= last) return;
    last = p.number;
    ++numbered;
  }
  if (numbered < 2 || numbered * 2 <= paras.size()) return;
  for (const Para& p : paras) {
    if (p.number == 0) continue;
    doc.paragraphs.push_back({p.begin, p.end});
    doc.paragraph_numbers.push_back(p.number);
  }
}

Document ParseTextArticle(std::string id, std::string text) {
  Document doc;
  doc.id = std::move(id);
  doc.text = std::move(text);
  const std::string_view view = doc.text;
  size_t body_from = view.size();
  bool have_title = false;
  bool in_body = false;
  for (const auto& [b, e] : Lines(view, 0)) {
    std::string_view line = TrimView(view.substr(b, e - b));
    if (!have_title) {
      if (StartsWith(line, "\xEF\xBB\xBF")) line = TrimView(line.substr(3));  // BOM.
      if (line.empty()) continue;
      if (StartsWith(line, "#")) {
        std::string_view heading = line;
        while (StartsWith(heading, "#")) heading.remove_prefix(1);
        if (heading.empty() || heading[0] == ' ') line = TrimView(heading);
      }
      doc.title = std::string(line);
      have_title = true;
      body_from = std::min(e + 1, view.size());
      in_body = true;
      continue;
    }
    if (!in_body) break;
    if (StartsWith(line, "#") || StartsWithGroupHeading(line)) break;
    // Inline sections (the seed's one-line body) end the metadata area as well.
    if (line.find(" Group ") != std::string_view::npos && line.find(": ") != std::string_view::npos)
      in_body = false;
    if (line.size() > 7 && StartsWithIgnoreCase(line, "source")) {
      std::string_view rest = TrimView(line.substr(6));
      const bool colon = StartsWith(rest, ":");
      if (colon || StartsWith(rest, "\xEF\xBC\x9A")) {  // ':' or full-width '：'.
        rest = TrimView(rest.substr(colon ? 1 : 3));
        if (!rest.empty() && rest.find_first_of(" \t") == std::string_view::npos) {
          doc.cites = std::string(rest);
        }
      }
    }
  }
  FindNumberedParagraphs(doc, body_from);
  return doc;
}

std::vector<InputFile> ListInputFiles(const std::vector<std::string>& paths) {
  std::vector<InputFile> out;
  for (const std::string& p : paths) {
    const fs::path path(p);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.push_back({p, Problem{p, "no such file or folder"}, false});
    } else if (fs::is_directory(status)) {
      ListFolder(path, out);
    } else {
      out.push_back({p, std::nullopt, false});
    }
  }
  return out;
}

void ReadInputFile(const InputFile& file, const ReadOptions& options, ReadResult& result) {
  if (file.problem.has_value()) {
    result.problems.push_back(*file.problem);
  } else if (file.hidden) {
    result.skipped.push_back(file.path);
  } else {
    ReadOneFile(fs::path(file.path), options, result);
  }
}

ReadResult ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options) {
  ReadResult result;
  for (const InputFile& f : ListInputFiles(paths)) ReadInputFile(f, options, result);
  return result;
}

absl::StatusOr<std::string> ReadFileBytes(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return absl::NotFoundError(absl::StrCat("cannot read file: ", ec.message()));
  if (size > max_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("file is ", size, " bytes, over the limit of ", max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot read file: open failed");
  std::string content;
  content.resize(static_cast<size_t>(size));
  in.read(content.data(), static_cast<std::streamsize>(size));
  if (in.bad() || static_cast<uintmax_t>(in.gcount()) != size) {
    return absl::DataLossError("cannot read file: read failed");
  }
  return content;
}


}  // namespace kg::ingest
