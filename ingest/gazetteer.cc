#include "ingest/gazetteer.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/names.h"
#include "ingest/fingerprint.h"
#include "ingest/normalize.h"
#include "ingest/read.h"
#include "re2/re2.h"

namespace kg::ingest {
namespace {

constexpr absl::string_view kLabels[] = {"Company",   "Government", "Country", "Facility",
                                        "Commodity", "Person", "Region"};

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  absl::StatusOr<std::string> content = ReadFileBytes(path);
  if (!content.ok()) return absl::NotFoundError(absl::StrCat(path, ": ", content.status().message()));
  return content;
}

std::string WithoutDots(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

// Short all-capital-ish aliases must match case-sensitively.
bool NeedsExactCase(absl::string_view alias) {
  int letters = 0, capitals = 0;
  for (char c : alias) {
    if (absl::ascii_isalpha(c)) ++letters;
    if (absl::ascii_isupper(c)) ++capitals;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return capitals >= 2 && letters <= 4;
}

bool IsSpace(const Shadow& s, size_t i) { return s.text[i] == ' '; }

// A match may start at i when it is the start of a token or inside CJK text.
bool CanStart(const Shadow& s, size_t i) {
  if (i == 0 || IsSpace(s, i - 1)) return true;
  if ((static_cast<unsigned char>(s.text[i]) & 0xC0) == 0x80) return false;  // Mid-character.
  return s.cjk[i] || s.cjk[i - 1];
}

bool CanEnd(const Shadow& s, size_t end) {
  if (end == s.text.size() || IsSpace(s, end)) return true;
  if ((static_cast<unsigned char>(s.text[end]) & 0xC0) == 0x80) return false;
  return s.cjk[end] || s.cjk[end - 1];
}

}  // namespace

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& entities_tsv,
                                                           const std::string& suffixes_txt) {
  absl::StatusOr<std::string> tsv = ReadFile(entities_tsv);
  if (!tsv.ok()) return tsv.status();
  absl::StatusOr<std::string> suffixes = ReadFile(suffixes_txt);
  if (!suffixes.ok()) return suffixes.status();
  return FromText(*tsv, *suffixes, entities_tsv);
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::FromText(absl::string_view entities_tsv,
                                                               absl::string_view suffixes,
                                                               absl::string_view origin) {
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  Fingerprint fp;
  fp.Add(entities_tsv).Add(suffixes);
  g->fingerprint_ = fp.value();
  int line_no = 0;
  absl::flat_hash_map<std::string, int> by_key;
  for (absl::string_view line : absl::StrSplit(entities_tsv, '\n')) {
    ++line_no;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() < 2 || fields.size() > 3) {
      return absl::InvalidArgumentError(absl::StrCat(
          origin, ":", line_no, ": expected LABEL<TAB>name<TAB>aliases, got ", fields.size(),
          " fields"));
    }
    absl::string_view label = fields[0];
    if (std::find(std::begin(kLabels), std::end(kLabels), label) == std::end(kLabels)) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", line_no, ": unknown label '", label, "'"));
    }
    EntityDef def;
    def.label = std::string(label);
    def.name = std::string(absl::StripAsciiWhitespace(fields[1]));
    if (def.name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(origin, ":", line_no, ": empty name"));
    }
    def.key = absl::StrCat(def.label, ":", NormalizeName(def.name));
    if (fields.size() == 3) {
      for (absl::string_view a : absl::StrSplit(fields[2], '|')) {
        a = absl::StripAsciiWhitespace(a);
        if (!a.empty()) def.aliases.emplace_back(a);
      }
    }
    if (by_key.contains(def.key)) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", line_no, ": duplicate entity '", def.name, "'"));
    }
    const int index = static_cast<int>(g->entities_.size());
    by_key[def.key] = index;
    std::vector<std::string> surfaces = def.aliases;
    surfaces.push_back(def.name);
    for (const std::string& surface : surfaces) {
      std::string key = ShadowKey(surface);
      if (key.empty()) continue;
      Surface s{index, NeedsExactCase(surface) ? WithoutDots(surface) : std::string()};
      std::vector<Surface>& list = g->keys_[key];
      bool dup = false;
      for (const Surface& other : list) dup |= other.entity == index && other.exact == s.exact;
      if (!dup) list.push_back(std::move(s));
      g->max_key_bytes_ = std::max(g->max_key_bytes_, key.size());
    }
    g->entities_.push_back(std::move(def));
  }
  std::string alt;
  for (absl::string_view line : absl::StrSplit(suffixes, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    if (!alt.empty()) alt += "|";
    alt += RE2::QuoteMeta(re2::StringPiece(line.data(), line.size()));
  }
  if (!alt.empty()) {
    g->company_re_ = std::make_unique<RE2>("((?:[A-Z][A-Za-z0-9&'-]*\\s){1,4}(?:" + alt + "))\\b\\.?");
    if (!g->company_re_->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ": company suffixes: ", g->company_re_->error()));
    }
  }
  return g;
}

std::vector<Mention> Gazetteer::Find(absl::string_view text, std::vector<EntityDef>* extra) const {
  std::vector<Mention> out;
  const Shadow shadow = MakeShadow(text);
  const size_t n = shadow.text.size();
  size_t i = 0;
  while (i < n) {
    if (IsSpace(shadow, i) || !CanStart(shadow, i)) {
      ++i;
      continue;
    }
    bool found = false;
    const size_t limit = std::min(n, i + max_key_bytes_);
    for (size_t end = limit; end > i; --end) {
      if (!CanEnd(shadow, end)) continue;
      auto it = keys_.find(absl::string_view(shadow.text).substr(i, end - i));
      if (it == keys_.end()) continue;
      const size_t b = shadow.src_begin[i];
      size_t e = shadow.src_end[end - 1];
      // An abbreviation keeps its final dot: "U.S." rather than "U.S".
      if (e < text.size() && text[e] == '.' &&
          text.substr(b, e - b).find('.') != absl::string_view::npos) {
        ++e;
      }
      for (const Surface& s : it->second) {
        if (!s.exact.empty() && WithoutDots(text.substr(b, e - b)) != s.exact) continue;
        out.push_back(Mention{Span{b, e}, s.entity});
        found = true;
        break;
      }
      if (found) {
        i = end;
        break;
      }
    }
    if (!found) ++i;
  }

  // Unknown companies: capitalized words ending in a corporate suffix.
  if (extra != nullptr && company_re_ != nullptr) {
    const RE2& re = *company_re_;
    static constexpr absl::string_view kStop[] = {"The", "A", "An", "In", "On", "And", "Its",
                                                 "Both", "But", "By", "For", "With", "From",
                                                 "Group", "While", "After", "As", "At"};
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m;
    size_t pos = 0;
    std::vector<Mention> found;
    while (pos < text.size() &&
           re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = static_cast<size_t>(m.data() - text.data());
      size_t e = b + m.size();
      pos = e > pos ? e : pos + 1;
      if (b > 0 && (absl::ascii_isalnum(text[b - 1]) || text[b - 1] == '\'')) continue;
      absl::string_view name = text.substr(b, e - b);
      // Drop leading stop words.
      bool changed = true;
      while (changed) {
        changed = false;
        for (absl::string_view w : kStop) {
          if (name.size() > w.size() + 1 && name.substr(0, w.size()) == w &&
              name[w.size()] == ' ') {
            name.remove_prefix(w.size() + 1);
            b += w.size() + 1;
            changed = true;
          }
        }
      }
      if (name.find(' ') == absl::string_view::npos) continue;  // The suffix alone.
      bool overlaps = false;
      for (const Mention& k : out) overlaps |= k.span.begin < e && b < k.span.end;
      if (overlaps) continue;
      std::string canonical(absl::StripSuffix(name, "."));
      EntityDef def;
      def.label = "Company";
      def.name = canonical;
      def.key = absl::StrCat("Company:", NormalizeName(canonical));
      int index = -1;
      for (size_t k = 0; k < extra->size(); ++k) {
        if ((*extra)[k].key == def.key) index = static_cast<int>(entities_.size() + k);
      }
      if (index < 0) {
        index = static_cast<int>(entities_.size() + extra->size());
        extra->push_back(std::move(def));
      }
      found.push_back(Mention{Span{b, b + canonical.size()}, index});
    }
    if (!found.empty()) {
      out.insert(out.end(), found.begin(), found.end());
      std::sort(out.begin(), out.end(),
                [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
    }
  }
  return out;
}

}  // namespace kg::ingest
