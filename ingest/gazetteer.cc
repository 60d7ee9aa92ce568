#include "ingest/gazetteer.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/names.h"
#include "ingest/fingerprint.h"
#include "ingest/normalize.h"
#include "ingest/read.h"
#include "ingest/strings_internal.h"
#include "re2/re2.h"

namespace kg::ingest {
namespace {

// The key prefix of an article alias that is a Chinese name without its company words ("盛和" of
// 盛和资源): followed by other company words it is part of another name ("卡莫阿控股" is not
// 卡莫阿铜业).
constexpr absl::string_view kStemKey = "Stem:";
// The key prefix of a company's short name (without its suffix, or an acronym), read only between
// word boundaries.
constexpr absl::string_view kShortKey = "Short:";
// The key prefix of a bracketed company's Chinese name without any company word ("斯瓦科普" of
// 斯瓦科普铀业公司): like a stem, it may open a longer word.
constexpr absl::string_view kBareStemKey = "Bare:";

// Whether a Chinese ideograph starts at byte `at` of `text` (internal::HanStartsAt on Abseil's view).
bool HanAt(absl::string_view text, size_t at) {
  return internal::HanStartsAt(std::string_view(text.data(), text.size()), at);
}

// Whether `text` is Chinese ideographs only.
bool AllHan(absl::string_view text) {
  for (size_t i = 0; i < text.size(); i += 3) {
    if (!HanAt(text, i)) return false;
  }
  return true;
}

// Whether what follows a capitalized word makes it a name though it opens the sentence ("Kisanfu
// began …", "Zijin has …", "Coeur now runs …", "Eramet: US$699m to …"; not "Area: about 15,703
// hectares", a fact box's field label). For a word the article named a company by before
// (`known`), a past participle is its verb too: "Gatos owned 70% of …" after "Gatos Silver", where
// "Jointly owned by …" opens no name.
bool NameVerbFollows(absl::string_view after, bool known) {
  static const RE2* kParticiple = new RE2("^[ ](?:owned|held|controlled)\\b");
  if (known && RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kParticiple)) {
    return true;
  }
  static const RE2* re = new RE2(
      "^[ ](?:(?:now|still|later|then|already)[ ])?(?:has|have|had|is|was|will|would|said|says|"
      "plans|agreed|signed|owns|holds|operates|operated|produced|produces|began|bought|buys|sold|"
      "sells|supplies|supplied|received|secured|won|lost|raised|announced|completed|acquired|"
      "invested|opened|built|builds|shipped|reported|mines|mined|makes|made|runs|ran|controls|"
      "also|restarted|restarts|reopened|paused|idled|suspended|expanded|develops|developed|"
      "processes|processed|exports|exported|expects|cut|halted|paid|pays|lent|lends|took|takes|"
      "approved|imports|imported|borrowed|struck)\\b|"
      // "Eramet: US$699m to buy back …" is a name; "Area: about 15,703 hectares", "Rights:
      // exploration" are a fact box's field labels.
      "^:[ ](?:[\\d$€£¥]|US\\$|A\\$|C\\$)|^[ ][—–-][ ]|^,[ ](?:which|who|whose)[ ]|"
      // "Inkai, in the south of the country, is 60% owned by …": a place apposition, then a verb.
      "^,[ ](?:in|near|on|at|outside)[ ][^,;.:]{1,50},[ ](?:is|was|has|had|will|produces|"
      "produced|owns|holds|operates|runs|supplies)\\b");
  return RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *re);
}

// A legal form right after a company's name (", Co., Ltd.", " AG", " a.s.", " (Private) Limited"):
// group 1 is the forms and their dots; the character after them must end a word.
const RE2& LegalFormAfter() {
  static const RE2* re = new RE2(
      "^((?:,?[ ](?:Co\\.?,?[ ])?(?:Ltd|Limited|Inc|Corp|plc|PLC|LLC|LLP|AG|SA|S\\.A\\.|"
      "S\\.A\\.S\\.|SAS|S\\.L\\.|SRL|S\\.r\\.l\\.|Tbk|ASA|AB|NV|N\\.V\\.|BV|B\\.V\\.|Oy|Oyj|SpA|"
      "S\\.p\\.A\\.|SE|Pty|Pte|Bhd|Berhad|Sdn[ ]Bhd|GmbH|KGaA|KK|K\\.K\\.|PJSC|JSC|OJSC|a\\.s|"
      "s\\.r\\.o|Sp\\.[ ]z[ ]o\\.o|\\((?:Private|Pvt|Pty)\\)[ ](?:Limited|Ltd))\\.?){1,2})(?:$|[^\\pL\\d-])");
  return *re;
}

// The length of the legal form right after `end` in `text`, or 0. A sentence-final dot belongs
// to the sentence unless the form is an abbreviation.
size_t LegalFormLength(absl::string_view text, size_t end) {
  re2::StringPiece rest(text.data() + end, text.size() - end);
  re2::StringPiece m;
  if (!RE2::PartialMatch(rest, LegalFormAfter(), &m)) return 0;
  size_t len = m.size();
  if (len > 0 && text[end + len - 1] == '.' && end + len == text.size()) --len;
  return len;
}

// "HOUSTON — …", "HANOI/BANGKOK — …", "ROUYN-NORANDA, Quebec — …", "NEW DELHI (Reuters) — …": the
// length of the dateline opening `text` (capital words, a second place, a state, the wire in
// brackets, the dash and its space), or 0 when the text opens with none.
size_t DatelineLength(absl::string_view text) {
  static const RE2* kDateline = new RE2(
      "^(\\p{Lu}[\\p{Lu}\\pM'.-]+(?:[ ]\\p{Lu}[\\p{Lu}\\pM'.-]*){0,2}"
      "(?:/\\p{Lu}[\\p{Lu}\\pM'.-]*(?:[ ]\\p{Lu}[\\p{Lu}\\pM'.-]*){0,2})?"
      "(?:,[ ]\\p{Lu}[^,;:—–]{1,40}?)?(?:[ ]\\([A-Z][A-Za-z ]{1,20}\\))?[ ](?:—|–|--|-)[ ])");
  re2::StringPiece dateline;
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kDateline, &dateline)
             ? dateline.size()
             : 0;
}

// Nouns of a trade after a capitalized commodity that make it the trade's, not a company's
// name ("China Lithium output", "Lithium Australia exports"): an RE2 alternation.
constexpr char kTradeNouns[] =
    "output|production|producers?|prices?|exports?|imports?|demand|reserves?|mining|industry|"
    "sector|market|deposits?|resources|sales|trade|miners?|refiners?|refining|processing|"
    "projects?|mines?|plants?";

// "a first copper mine in Indonesia", "another nickel plant in Sulawesi": an ordinal or a
// quantifier counts sites; the description names none.
bool CountsASite(absl::string_view description) {
  static const absl::flat_hash_set<std::string_view> kCounting = {
      "first", "second", "third", "fourth", "fifth", "another", "further", "next", "new",
      "possible", "potential", "more", "other", "additional",
      // A rank names no site either: "the miner's largest project in Canada" is Jansen.
      "largest", "biggest", "smallest", "oldest", "newest", "latest", "last", "only", "sole",
      "main", "second-largest", "third-largest", "second-biggest"};
  const absl::string_view word = description.substr(0, description.find(' '));
  return kCounting.contains(absl::AsciiStrToLower(word));
}

// Puts each of `added` in place of the mentions it overlaps, keeping `out` in text order.
void ReplaceOverlapping(const std::vector<Mention>& added,
                        std::vector<Mention>* out) {
  for (const Mention& a : added) {
    std::erase_if(*out, [&](const Mention& o) {
      return o.span.begin < a.span.end && a.span.begin < o.span.end;
    });
    out->push_back(a);
  }
  if (!added.empty()) {
    std::sort(out->begin(), out->end(), [](const Mention& x, const Mention& y) {
      return x.span.begin < y.span.begin;
    });
  }
}

// The lower-case particle that may join the words of a Portuguese, Spanish, French or Italian
// place name ("Grota do Cirilo", "Salar de Atacama", "Lac des Iles", "Salar de los Angeles"),
// followed by its space; in a pattern, always before a capitalized word.
#define KG_NAME_PARTICLE "(?:do|da|dos|das|de|del|des|di|du|la|los|las)[ ]"
// What a bracket after a name may add: "（…，简称HAPCO）" (an abbreviation, perhaps introduced), and
// the words that introduce a short name ("简称沪硅产业").
#define KG_SHORT_NAME_WORD "(?:简称|下称|以下简称)"
#define KG_ABBREVIATION_WORD "\\p{Lu}[\\p{Lu}\\d&-]{1,9}"
#define KG_ABBREVIATION KG_SHORT_NAME_WORD "?\\s*" KG_ABBREVIATION_WORD
// A Latin short name after the word that introduces it: "简称Ma'aden".
#define KG_SHORT_LATIN_NAME KG_SHORT_NAME_WORD "\\s*\\p{Lu}[\\p{Latin}'’.-]{1,20}"

constexpr absl::string_view kLabels[] = {"Company",   "Government", "Country", "Facility",
                                        "Commodity", "Person", "Region",  "Demonym"};

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

// Drops the leading words of `text` that `drop(word, more_words_follow)` accepts, moving
// `*begin` (the text's offset in the sentence) past them; empty when every word goes.
template <typename Drop>
absl::string_view DropLeadingWords(absl::string_view text, size_t* begin, Drop drop) {
  while (!text.empty()) {
    const size_t space = text.find(' ');
    if (!drop(text.substr(0, space), space != absl::string_view::npos)) break;
    if (space == absl::string_view::npos) return absl::string_view();
    *begin += space + 1;
    text.remove_prefix(space + 1);
  }
  return text;
}

}  // namespace

absl::string_view NameWords::EnglishHead(absl::string_view zh) const {
  for (auto it = zh_heads.rbegin(); it != zh_heads.rend(); ++it) {
    if (it->first == zh) return it->second;
  }
  return {};
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& schema_dir) {
  const std::string entities_tsv = absl::StrCat(schema_dir, "/entities.tsv");
  const std::string suffixes_txt = absl::StrCat(schema_dir, "/company_suffixes.txt");
  const std::string name_words_txt = absl::StrCat(schema_dir, "/name_words.txt");
  absl::StatusOr<std::string> tsv = ReadFile(entities_tsv);
  if (!tsv.ok()) return tsv.status();
  absl::StatusOr<std::string> suffixes = ReadFile(suffixes_txt);
  if (!suffixes.ok()) return suffixes.status();
  absl::StatusOr<std::string> words = ReadFile(name_words_txt);
  if (!words.ok()) return words.status();
  auto g = FromText(*tsv, *suffixes, entities_tsv, *words);
  if (!g.ok() && absl::StrContains(g.status().message(), "name words")) {
    return absl::InvalidArgumentError(absl::StrCat(name_words_txt, ": ", g.status().message()));
  }
  return g;
}

absl::StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::FromText(absl::string_view entities_tsv,
                                                               absl::string_view suffixes,
                                                               absl::string_view origin,
                                                               absl::string_view name_words) {
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  Fingerprint fp;
  fp.Add(entities_tsv).Add(suffixes).Add(name_words);
  g->fingerprint_ = fp.value();
  int line_no = 0;
  absl::flat_hash_map<std::string, int> by_key;
  std::vector<std::pair<int, std::string>> region_of;  // (region, its country's name)
  for (absl::string_view line : absl::StrSplit(entities_tsv, '\n')) {
    ++line_no;
    line = absl::StripTrailingAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    absl::string_view label = fields.empty() ? absl::string_view() : fields[0];
    // A Region may name its country in a fourth field ("Region<TAB>Quebec<TAB>Québec<TAB>Canada").
    const size_t max_fields = label == "Region" ? 4 : 3;
    if (fields.size() < 2 || fields.size() > max_fields) {
      return absl::InvalidArgumentError(absl::StrCat(
          origin, ":", line_no, ": expected LABEL<TAB>name<TAB>aliases",
          label == "Region" ? "[<TAB>country]" : "", ", got ", fields.size(), " fields"));
    }
    if (std::find(std::begin(kLabels), std::end(kLabels), label) == std::end(kLabels)) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", line_no, ": unknown label '", label, "'"));
    }
    EntityDef def;
    def.label = std::string(label);
    // Surfaces written "=Name" match only with the same capitals; the "=" is no part of them.
    std::vector<std::pair<std::string, bool>> surfaces;  // (surface, exact case)
    auto add_surface = [&](absl::string_view s) {
      s = absl::StripAsciiWhitespace(s);
      const bool exact = absl::ConsumePrefix(&s, "=");
      s = absl::StripAsciiWhitespace(s);
      if (!s.empty()) surfaces.emplace_back(std::string(s), exact);
      return s;
    };
    def.name = std::string(add_surface(fields[1]));
    if (def.name.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(origin, ":", line_no, ": empty name"));
    }
    // A demonym's name is its country's: only the adjectives are surfaces of the demonym.
    if (def.label == "Demonym") surfaces.clear();
    def.key = absl::StrCat(def.label, ":", NormalizeName(def.name));
    if (fields.size() >= 3) {
      for (absl::string_view a : absl::StrSplit(fields[2], '|')) {
        absl::string_view alias = add_surface(a);
        if (!alias.empty()) def.aliases.emplace_back(alias);
      }
    }
    // A legal form's long and short spellings name the same company: "Korea Mine
    // Rehabilitation and Mineral Resources Corporation" is also "… Corp".
    if (def.label == "Company" || def.label == "Government") {
      static constexpr std::pair<absl::string_view, absl::string_view> kForms[] = {
          {" Corporation", " Corp"}, {" Limited", " Ltd"}, {" Company", " Co."}};
      const size_t listed = surfaces.size();
      for (size_t k = 0; k < listed; ++k) {
        const auto [surface, exact] = surfaces[k];
        for (const auto& [long_form, short_form] : kForms) {
          std::string variant;
          if (absl::EndsWith(surface, long_form)) {
            variant = absl::StrCat(surface.substr(0, surface.size() - long_form.size()), short_form);
          } else if (absl::EndsWith(surface, short_form)) {
            variant = absl::StrCat(surface.substr(0, surface.size() - short_form.size()), long_form);
          }
          if (variant.empty() || variant == def.name ||
              std::find(def.aliases.begin(), def.aliases.end(), variant) != def.aliases.end()) {
            continue;
          }
          surfaces.emplace_back(variant, exact);
          def.aliases.push_back(std::move(variant));
        }
      }
    }
    if (by_key.contains(def.key)) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", line_no, ": duplicate entity '", def.name, "'"));
    }
    const int index = static_cast<int>(g->entities_.size());
    by_key[def.key] = index;
    if (fields.size() == 4) {
      const absl::string_view country = absl::StripAsciiWhitespace(fields[3]);
      if (!country.empty()) region_of.emplace_back(index, std::string(country));
    }
    for (const auto& [surface, exact_case] : surfaces) {
      std::string key = ShadowKey(surface);
      if (key.empty()) continue;
      Surface s{index, exact_case || NeedsExactCase(surface) ? WithoutDots(surface) : std::string()};
      std::vector<Surface>& list = g->keys_[key];
      bool dup = false;
      for (const Surface& other : list) dup |= other.entity == index && other.exact == s.exact;
      if (!dup) list.push_back(std::move(s));
      for (size_t len = 1; len <= key.size(); ++len) g->prefixes_.insert(key.substr(0, len));
      g->max_key_bytes_ = std::max(g->max_key_bytes_, key.size());
    }
    g->entities_.push_back(std::move(def));
  }
  // Demonyms name a country that must be listed.
  g->demonym_country_.assign(g->entities_.size(), -1);
  for (size_t i = 0; i < g->entities_.size(); ++i) {
    if (g->entities_[i].label != "Demonym") continue;
    auto it = by_key.find(absl::StrCat("Country:", NormalizeName(g->entities_[i].name)));
    if (it == by_key.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          origin, ": demonym entry '", g->entities_[i].name, "' names no listed Country"));
    }
    g->demonym_country_[i] = it->second;
  }
  // A region's country must be listed too.
  g->region_country_.assign(g->entities_.size(), -1);
  for (const auto& [region, country] : region_of) {
    auto it = by_key.find(absl::StrCat("Country:", NormalizeName(country)));
    if (it == by_key.end()) {
      return absl::InvalidArgumentError(absl::StrCat(origin, ": region '",
                                                     g->entities_[region].name, "' names '",
                                                     country, "', no listed Country"));
    }
    g->region_country_[region] = it->second;
  }
  // Facility keys in order, so that ListedFacilityLike scans only those of one place.
  for (const auto& [key, list] : g->keys_) {
    for (const Surface& surface : list) {
      if (g->entities_[surface.entity].label == "Facility") {
        g->facility_keys_.emplace_back(key, surface.entity);
      }
    }
  }
  std::sort(g->facility_keys_.begin(), g->facility_keys_.end());
  absl::Status words = g->LoadNameWords(name_words);
  if (!words.ok()) return words;
  std::string alt, prefixes;
  for (absl::string_view line : absl::StrSplit(suffixes, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    // "zh 集团 Group", "zh_form 有限公司": Chinese company words and legal forms (FindZhNames).
    // "zh_after 汽车 Motor": a word that joins a company's name before it ("福特汽车") but makes
    // no name by itself.
    auto zh_pair = [](absl::string_view rest) {  // "汽车 Motor": the word and its English.
      std::pair<std::string, std::string> zh =
          absl::StrSplit(absl::StripAsciiWhitespace(rest), absl::MaxSplits(' ', 1));
      zh.second = std::string(absl::StripAsciiWhitespace(zh.second));
      return zh;
    };
    if (absl::ConsumePrefix(&line, "zh_after ")) {
      g->zh_after_words_.push_back(zh_pair(line));
      continue;
    }
    if (const bool form = absl::ConsumePrefix(&line, "zh_form ");
        form || absl::ConsumePrefix(&line, "zh ")) {
      std::pair<std::string, std::string> zh = zh_pair(line);
      if (form) g->zh_legal_forms_.insert(zh.first);
      g->zh_company_words_.push_back(std::move(zh));
      continue;
    }
    // "prefix PT": a word that opens a company name ("PT Halmahera Persada Lygend").
    if (absl::ConsumePrefix(&line, "prefix ")) {
      line = absl::StripAsciiWhitespace(line);
      if (!prefixes.empty()) prefixes += "|";
      prefixes += RE2::QuoteMeta(re2::StringPiece(line.data(), line.size()));
      continue;
    }
    if (!alt.empty()) alt += "|";
    alt += RE2::QuoteMeta(re2::StringPiece(line.data(), line.size()));
    g->suffix_first_words_.insert(std::string(line.substr(0, line.find(' '))));
    g->suffixes_.insert(std::string(line));
  }
  std::stable_sort(g->zh_company_words_.begin(), g->zh_company_words_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  const std::string word = "[A-Z][A-Za-z0-9&'-]*";
  std::string pattern;
  // "Jinchuan Group International Resources Co. Ltd": a second legal form may follow.
  if (!alt.empty()) {
    // ("Gas & Oil Pakistan Ltd.": an ampersand may join two of the words.)
    pattern = absl::StrCat("(?:", word, "\\s(?:&\\s)?){1,5}(?:", alt,
                           ")\\b(?:\\.?,?\\s(?:Ltd|Limited|Inc|LLC|plc|AG|SA|Tbk)\\b)?\\.?");
  }
  if (!prefixes.empty()) {
    // An apostrophe only inside a word ("O'Neill"), not a possessive after the name ("PT Vale
    // Indonesia's largest shareholder").
    const std::string prefixed_word = "[A-Z][A-Za-z0-9&-]*(?:'[A-Z][A-Za-z0-9&-]*)?";
    const std::string prefixed = absl::StrCat("(?:", prefixes, ")\\s", prefixed_word, "(?:\\s",
                                              prefixed_word, "){0,3}\\b");
    g->company_prefix_re_ = std::make_unique<RE2>(prefixed);
    if (!g->company_prefix_re_->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ": company prefixes: ", g->company_prefix_re_->error()));
    }
    pattern = pattern.empty() ? prefixed : absl::StrCat(pattern, "|", prefixed);
  }
  if (!pattern.empty()) {
    g->company_re_ = std::make_unique<RE2>(absl::StrCat("(", pattern, ")"));
    if (!g->company_re_->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ": company suffixes: ", g->company_re_->error()));
    }
  }
  // Listed names without their facility head or legal form, with the same capitals ("Centinela"
  // for "Centinela mine", "Salzgitter" for "Salzgitter AG"; "APEX" is no "Apex mine"): the first
  // head or form in these lists wins, then the first listed entity.
  auto index_bare = [&](const std::string& label, std::initializer_list<absl::string_view> ends,
                        absl::flat_hash_map<std::string, int>* index) {
    for (absl::string_view end : ends) {
      const std::string suffix = absl::StrCat(" ", end);
      for (size_t k = 0; k < g->entities_.size(); ++k) {
        const EntityDef& e = g->entities_[k];
        if (e.label == label && e.name.size() > suffix.size() && absl::EndsWith(e.name, suffix)) {
          index->emplace(e.name.substr(0, e.name.size() - suffix.size()), static_cast<int>(k));
        }
      }
    }
  };
  index_bare("Facility", {"mine", "project", "plant", "refinery", "smelter", "complex"}, &g->bare_sites_);
  index_bare("Company", {"AG", "SE", "SA", "S.A.", "Inc.", "Inc", "Ltd", "Limited", "plc", "PLC",
                         "Corp.", "Corp", "Corporation", "NV", "N.V.", "ASA", "AB", "Oyj", "GmbH",
                         "LLC", "Co."},
             &g->bare_companies_);
  return g;
}

absl::Status Gazetteer::LoadNameWords(absl::string_view text) {
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(line, absl::MaxSplits(' ', 1));
    const std::string written(absl::StripAsciiWhitespace(kv.second));
    const std::string word = absl::AsciiStrToLower(written);
    if (kv.first == "head_zh") {  // "head_zh 冶炼厂 smelter": two words.
      std::pair<std::string, std::string> zh = absl::StrSplit(written, absl::MaxSplits(' ', 1));
      zh.second = std::string(absl::StripAsciiWhitespace(zh.second));
      if (zh.first.empty() || zh.second.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("name words, line ", line_no, ": expected head_zh WORD ENGLISH"));
      }
      name_words_.zh_heads.push_back(std::move(zh));
      continue;
    }
    if (word.empty() || word.find(' ') != std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("name words, line ", line_no, ": expected KIND WORD"));
    }
    if (kv.first == "firm_zh") {
      name_words_.zh_firm_words.push_back(written);
      continue;
    }
    if (kv.first == "title_zh") {
      name_words_.zh_titles.push_back(written);
      continue;
    }
    if (kv.first == "figure_zh") {
      name_words_.zh_stops.push_back(written);
      name_words_.zh_before_figure.insert(written);
      continue;
    }
    if (kv.first == "stop_zh" || kv.first == "kind_zh" || kv.first == "desc_zh") {
      (kv.first == "stop_zh"   ? name_words_.zh_stops
       : kv.first == "kind_zh" ? name_words_.zh_kinds
                               : name_words_.zh_descriptors)
          .push_back(written);
      continue;
    }
    if (kv.first == "ambiguous") {
      name_words_.ambiguous.insert(word);
      continue;
    }
    if (kv.first == "generic_zh" || kv.first == "inner_zh") {
      (kv.first == "generic_zh" ? name_words_.zh_generic : name_words_.zh_inner).insert(written);
      continue;
    }
    // Kinds kept as written (case matters), and kinds kept lower case in pattern order.
    const std::pair<absl::string_view, absl::flat_hash_set<std::string>*> kAsWritten[] = {
        {"stop", &name_words_.stops},   {"title", &name_words_.titles},
        {"place", &name_words_.places}, {"site", &name_words_.sites},
        {"site_first", &name_words_.site_firsts}, {"not_org", &name_words_.not_orgs},
        {"joined", &name_words_.joined}};
    const std::pair<absl::string_view, std::vector<std::string>*> kLower[] = {
        {"head", &name_words_.heads}, {"descriptor", &name_words_.descriptors}};
    bool known = false;
    for (const auto& [kind, set] : kAsWritten) {
      if (kv.first == kind) {
        set->insert(written);
        known = true;
      }
    }
    for (const auto& [kind, list] : kLower) {
      if (kv.first == kind) {
        list->push_back(word);
        known = true;
      }
    }
    if (!known) {
      return absl::InvalidArgumentError(absl::StrCat("name words, line ", line_no,
                                                     ": unknown kind '", kv.first, "'"));
    }
  }
  // Longest first, so that 冶炼厂 is tried before 厂 (file order among equals).
  std::stable_sort(name_words_.zh_heads.begin(), name_words_.zh_heads.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (std::vector<std::string>* words :
       {&name_words_.zh_stops, &name_words_.zh_kinds, &name_words_.zh_descriptors}) {
    std::stable_sort(words->begin(), words->end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
  auto alternation = [](const std::vector<std::string>& words) {
    std::string alt;
    for (const std::string& w : words) {
      if (!alt.empty()) alt += "|";
      alt += RE2::QuoteMeta(w);
    }
    return alt;
  };
  if (!name_words_.zh_firm_words.empty()) {
    zh_firm_name_re_ = std::make_unique<RE2>(
        absl::StrCat("(?:", alternation(name_words_.zh_firm_words), ")(\\p{Han}{2,6})[（(]"));
    if (!zh_firm_name_re_->ok()) {
      return absl::InvalidArgumentError(absl::StrCat("name words: ", zh_firm_name_re_->error()));
    }
  }
  if (name_words_.heads.empty()) return absl::OkStatus();
  const std::string heads = alternation(name_words_.heads);
  const std::string descriptors =
      name_words_.descriptors.empty() ? "\\pL+" : alternation(name_words_.descriptors);
  // A place: one to three capitalized words, perhaps joined by particles ("Paso de los Toros").
  const std::string place =
      "(\\p{Lu}[\\pL\\pM'’.-]*(?:[ ](?:" KG_NAME_PARTICLE "){0,2}\\p{Lu}[\\pL\\pM'’-]*){0,2})";
  // ("a processing plant it runs in Drag, Norway": a relative clause of running may stand between.)
  facility_after_re_ = std::make_unique<RE2>(
      absl::StrCat("\\b(?i:(", heads, "))(?:[ ](?:that|which))?(?:[ ](?:it|they)[ ](?:runs|ran|operates|operated|"
                   "owns|owned|built|opened|has|had))?[ ](?:in|at|near|on)[ ](?:the[ ])?"
                   // "a mill near the town of Paso de los Toros".
                   "(?:(?:town|city|village|municipality)[ ]of[ ])?", place));
  plural_after_re_ = std::make_unique<RE2>(absl::StrCat("\\b(?i:(", heads, "))s[ ](?:in|at)[ ]"));
  town_region_head_re_ = std::make_unique<RE2>(absl::StrCat(
      "(?:^|[ ])(?i:its|their|the)[ ](\\p{Lu}[\\pL\\pM'’-]*(?:[ ]\\p{Lu}[\\pL\\pM'’-]*){0,2}),[ ]"
      "\\p{Lu}[\\pL\\pM'’.-]*(?:[ ]\\p{Lu}[\\pL\\pM'’-]*)?,[ ](?i:(", heads, "))\\b"));
  // A place's words may be joined by a lower-case particle of Portuguese, Spanish, French or
  // Italian names ("the Grota do Cirilo project", "the Salar de Atacama plant", "the Lac des Iles
  // mine", "the Salar de los Angeles project").
  // A place word may hold a dot between capitals ("the K.Hill manganese project"), and the first
  // may be a code of capitals and digits ("the STS11 terminal"); a plural head names one
  // operation ("its Urucum manganese and iron ore operations").
  facility_before_re_ = std::make_unique<RE2>(absl::StrCat(
      "(?:^|[^\\pL\\pM\\d])((?:\\p{Lu}(?:[\\pL\\pM'’-]|\\.\\p{Lu})*|\\p{Lu}[\\p{Lu}\\d-]*\\d[\\p{Lu}\\d]*)"
      "(?:[ ](?:" KG_NAME_PARTICLE "){0,2}"
      "\\p{Lu}[\\pL\\pM'’-]*){0,2})[ ]((?:[\\pL-]+[ ]){0,4}?)(?i:(",
      heads, "))(s?)\\b"));
  facility_anaphor_re_ = std::make_unique<RE2>(absl::StrCat(
      "\\b(?i:the|this|that)[ ](?:same[ ])?(?:(?i:", descriptors, ")[ ]){0,3}(?i:(", heads,
      "))\\b|(?:该|这一|这个|这座|这家|此)(?:合资|合营)?(项目|矿山|矿区|矿|工厂|厂|基地|冶炼厂|精炼厂|园区)"));
  head_after_re_ = std::make_unique<RE2>(
      absl::StrCat("^[ ](?:[\\p{Ll}-]+[ ]){0,2}?(?:", heads, ")s?(?:$|[^\\pL\\d-])"));
  for (const RE2* re : {facility_after_re_.get(), plural_after_re_.get(), town_region_head_re_.get(),
                        facility_before_re_.get(),
                        facility_anaphor_re_.get(), head_after_re_.get()}) {
    if (!re->ok()) return absl::InvalidArgumentError(absl::StrCat("name words: ", re->error()));
  }
  return absl::OkStatus();
}

int Gazetteer::Lookup(absl::string_view name) const {
  auto it = keys_.find(ShadowKey(name));
  if (it == keys_.end()) return -1;
  for (const Surface& s : it->second) {
    if (demonym_country_[s.entity] < 0) return s.entity;
  }
  return -1;
}

const std::pair<std::string, std::string>* Gazetteer::ZhHeadAt(absl::string_view text, size_t at,
                                                               size_t min_bytes) const {
  if (at > text.size()) return nullptr;
  for (const auto& zh : name_words_.zh_heads) {  // Longest first.
    if (zh.first.size() >= min_bytes && absl::StartsWith(text.substr(at), zh.first)) return &zh;
  }
  return nullptr;
}

bool Gazetteer::IsGenericHead(absl::string_view head) {
  static constexpr absl::string_view kGenericHeads[] = {"project", "operation", "complex",
                                                        "site", "facility", "hub", "works"};
  return std::find(std::begin(kGenericHeads), std::end(kGenericHeads), head) !=
         std::end(kGenericHeads);
}

std::string Gazetteer::FacilityHead(absl::string_view name) const {
  const std::string key = ShadowKey(name);
  const size_t space = key.rfind(' ');
  const std::string last = space == std::string::npos ? key : key.substr(space + 1);
  for (const std::string& h : name_words_.heads) {
    if (ShadowKey(h) == last) return h;
  }
  return "";
}

int Gazetteer::ListedFacilityLike(absl::string_view place, absl::string_view head) const {
  const std::string prefix = absl::StrCat(ShadowKey(place), " ");
  const std::string suffix = absl::StrCat(" ", ShadowKey(head));
  int entity = -1;
  for (auto it = std::lower_bound(facility_keys_.begin(), facility_keys_.end(),
                                  std::make_pair(prefix, -1));
       it != facility_keys_.end() && absl::StartsWith(it->first, prefix); ++it) {
    const std::string& key = it->first;
    if (key.size() <= prefix.size() + suffix.size() || !absl::EndsWith(key, suffix)) continue;
    const absl::string_view middle = absl::string_view(key).substr(
        prefix.size(), key.size() - prefix.size() - suffix.size());
    if (std::count(middle.begin(), middle.end(), ' ') > 1) continue;  // One or two words.
    if (entity >= 0 && entity != it->second) return -1;
    entity = it->second;
  }
  return entity;
}

int Gazetteer::ExtraFacilityNamed(absl::string_view name,
                                  const std::vector<EntityDef>& extra) const {
  const std::string exact = absl::StrCat("Facility:", NormalizeName(std::string_view(name.data(), name.size())));
  const std::string longer = absl::StrCat(exact, " ");
  int entity = -1;
  for (size_t k = 0; k < extra.size(); ++k) {
    if (extra[k].key != exact && !absl::StartsWith(extra[k].key, longer)) continue;
    if (entity >= 0) return -1;  // Two ("the Brinka deposit", "the Brinka smelter"): neither.
    entity = static_cast<int>(entities_.size() + k);
  }
  return entity;
}

int Gazetteer::AddExtra(EntityDef def, std::vector<EntityDef>* extra) const {
  // A site or company named before under another spelling it listed ("Bécancour facility" after
  // the "Bécancour plant", whose aliases hold it; "中广核矿业" after "中广核矿业（CGN Mining）", whose
  // Chinese name became an alias of CGN Mining) is that site or company. A company's alias wins
  // over a namesake guessed before the alias was known.
  auto by_alias = [&]() -> int {
    const std::string norm = NormalizeName(def.name);
    for (size_t k = 0; k < extra->size(); ++k) {
      const EntityDef& e = (*extra)[k];
      if (e.label != def.label || e.key == def.key) continue;
      for (const std::string& alias : e.aliases) {
        if (NormalizeName(alias) == norm) return static_cast<int>(entities_.size() + k);
      }
    }
    return -1;
  };
  if (def.label == "Company") {
    if (const int named = by_alias(); named >= 0) return named;
  }
  for (size_t k = 0; k < extra->size(); ++k) {
    if ((*extra)[k].key == def.key) return static_cast<int>(entities_.size() + k);
  }
  if (def.label == "Facility") {
    if (const int named = by_alias(); named >= 0) return named;
  }
  extra->push_back(std::move(def));
  return static_cast<int>(entities_.size() + extra->size() - 1);
}

void Gazetteer::NoteArticleAlias(int entity, absl::string_view alias,
                                 std::vector<EntityDef>* extra, absl::string_view kind) const {
  if (alias.empty()) return;  // (Found everywhere: no name.)
  const std::string key = absl::StrCat(kind, alias);
  for (const EntityDef& e : *extra) {
    if (e.key == key) return;  // The first name given wins.
  }
  EntityDef def;
  def.key = key;
  def.label = "Alias";
  def.name = std::string(alias);
  def.alias_of = entity;
  extra->push_back(std::move(def));
}

void Gazetteer::NoteChineseName(int entity, absl::string_view zh_name,
                                std::vector<EntityDef>* extra) const {
  if (static_cast<size_t>(entity) >= entities_.size()) {
    (*extra)[entity - entities_.size()].aliases.emplace_back(zh_name);
  }
  NoteArticleAlias(entity, zh_name, extra);
  // Its part before the company words names it later too, when three characters or more and no
  // other name, nor opened by a place or closed by goods ("中国稀土" of 中国稀土集团 would be
  // China's rare earths): "利昂镇运营的凯瑟琳谷锂矿" after "利昂镇资源(Liontown Resources)",
  // "盘锦鑫诚持股19%" after "盘锦鑫诚实业集团（Panjin Xincheng Industrial Group）". So does a part
  // that still ends in a company word ("皮克稀土" of 皮克稀土公司): goods there are the company's
  // word.
  const absl::string_view stem = zh_name.substr(0, WithoutCompanyWords(zh_name));
  auto plain = [&](absl::string_view part, bool last) {
    bool ok = part.size() >= 9 && Lookup(part) < 0;
    for (size_t n = 6; ok && n < part.size(); n += 3) {
      const int tail = Lookup(part.substr(part.size() - n));
      ok = !IsPlace(Lookup(part.substr(0, n))) &&
           !(last && tail >= 0 && entities_[tail].label == "Commodity");
    }
    return ok;
  };
  for (absl::string_view part = zh_name; part.size() > stem.size();) {
    StripCompanyWord(&part);
    const bool last = part.size() == stem.size();
    if (plain(part, last)) NoteArticleAlias(entity, part, extra, last ? kBareStemKey : kStemKey);
  }
  // A stem closed by a generic word of its trade or by goods is named without them too:
  // "印达尔科" of 印达尔科工业公司, "莱格西" of 莱格西铁矿公司 (three characters at least, as above).
  if (stem.size() < zh_name.size()) {
    size_t cut = 0;
    for (const std::string& g : name_words_.zh_generic) {
      if (absl::EndsWith(stem, g)) cut = std::max(cut, g.size());
    }
    for (size_t n = 3; n <= 9 && n < stem.size(); n += 3) {
      const int goods = Lookup(stem.substr(stem.size() - n));
      if (goods >= 0 && entities_[goods].label == "Commodity") cut = std::max(cut, n);
    }
    const absl::string_view bare = stem.substr(0, stem.size() - cut);
    if (cut > 0 && AllHan(bare) && plain(bare, true)) {
      NoteArticleAlias(entity, bare, extra, kBareStemKey);
    }
  }
}

namespace {
bool IsFunctionWord(absl::string_view w);  // Below.
}  // namespace

void Gazetteer::FindArticleAliases(absl::string_view text, std::vector<Mention>* out,
                                   std::vector<EntityDef>* extra) const {
  // A Chinese name in brackets right after an organisation's or a site's name, perhaps with an
  // abbreviation ("The Winning Consortium Simandou (西芒杜赢联盟, WCS)").
  static const RE2* kZhInBrackets =
      new RE2("^ ?(?:\\(|（)(\\p{Han}[\\p{Han}·-]{1,23})(?:[,，、] ?(?:简称|下称|以下简称)?\\p{Lu}[\\p{Lu}\\d&-]{1,7})?(?:\\)|）)");
  // Or other names of the same one: "跨几内亚公司（La Compagnie du TransGuinéen，CTG）".
  static const RE2* kOpen = new RE2("^ ?(?:\\(|（)");
  static const RE2* kSeparator = new RE2("^ ?(?:[,，、;；]|or|or the) ?");
  // (A Chinese short name may close it: "（Ma'aden，简称马阿登）", then "马阿登在五年内…".)
  static const RE2* kClose =
      new RE2("^ ?(?:[,，、] ?" KG_SHORT_NAME_WORD " ?(\\p{Han}{2,8}) ?)?(?:\\)|）)");
  // What a bracket may name: an organisation or a site.
  auto org_or_site = [](const std::string& label) {
    return label == "Company" || label == "Government" || label == "Facility";
  };
  static const RE2* kHanStart = new RE2("^\\p{Han}");
  std::vector<Mention> merged;
  for (size_t k = 0; k < out->size(); ++k) {
    const Mention& m = (*out)[k];
    if (m.demonym || m.entity < 0 || !org_or_site(LabelOf(m, *extra))) continue;
    const re2::StringPiece whole(text.data() + m.span.end, text.size() - m.span.end);
    re2::StringPiece inside = whole;
    const bool opened = RE2::Consume(&inside, *kOpen);
    const size_t open_end = static_cast<size_t>(inside.data() - text.data());
    // The end of the closing bracket right after `e`, or npos; a short name before it names
    // `entity` later.
    auto closed_at = [&](size_t e, int entity) {
      re2::StringPiece after(text.data() + e, text.size() - e), short_name;
      if (!RE2::Consume(&after, *kClose, &short_name)) return absl::string_view::npos;
      if (!short_name.empty()) {
        NoteArticleAlias(entity, absl::string_view(short_name.data(), short_name.size()), extra);
      }
      return static_cast<size_t>(after.data() - text.data());
    };
    if (opened) {
      // Names of the same entity only, up to the closing bracket.
      size_t at = open_end;
      bool same = false;
      for (size_t j = k + 1; j < out->size() && (*out)[j].span.begin == at && !(*out)[j].demonym &&
                             (*out)[j].entity == m.entity;
           ++j) {
        same = true;
        if (const size_t close = closed_at((*out)[j].span.end, m.entity);
            close != absl::string_view::npos) {
          merged.push_back(Mention{Span{m.span.begin, close}, m.entity});
          break;
        }
        re2::StringPiece after(text.data() + (*out)[j].span.end, text.size() - (*out)[j].span.end);
        if (!RE2::Consume(&after, *kSeparator)) break;
        at = static_cast<size_t>(after.data() - text.data());
      }
      if (same && !merged.empty() && merged.back().span.begin == m.span.begin) continue;
    }
    // The other way round: an unlisted Chinese name with a listed one in brackets right after it
    // ("加拿大出口发展公司（Export Development Canada）") names the listed one, here and later.
    if (opened && static_cast<size_t>(m.entity) >= entities_.size() && k + 1 < out->size()) {
      const Mention& n = (*out)[k + 1];
      const bool listed = n.entity >= 0 && static_cast<size_t>(n.entity) < entities_.size();
      const size_t close = closed_at(n.span.end, n.entity);
      if (n.span.begin == open_end && !n.demonym && listed && org_or_site(entities_[n.entity].label) &&
          close != absl::string_view::npos &&
          RE2::PartialMatch(re2::StringPiece(text.data() + m.span.begin, m.span.end - m.span.begin),
                            *kHanStart)) {
        NoteArticleAlias(n.entity, text.substr(m.span.begin, m.span.end - m.span.begin), extra);
        merged.push_back(Mention{Span{m.span.begin, close}, n.entity});
        continue;
      }
    }
    re2::StringPiece rest = whole, zh;
    // A Chinese company name with a Latin abbreviation in brackets ("HD现代电力变压器美国公司(HPT)"):
    // the abbreviation names it later (not a name the gazetteer lists as something else).
    static const RE2* kAbbreviationInBrackets =
        new RE2("^ ?(?:\\(|（)(\\p{Lu}[\\p{Lu}\\d&-]{1,7})(?:\\)|）)");
    static const RE2* kHanInside = new RE2("\\p{Han}");
    if (re2::StringPiece abbreviation;
        LabelOf(m, *extra) == "Company" &&
        RE2::PartialMatch(re2::StringPiece(text.data() + m.span.begin, m.span.end - m.span.begin),
                          *kHanInside) &&
        RE2::Consume(&rest, *kAbbreviationInBrackets, &abbreviation)) {
      const size_t a = static_cast<size_t>(abbreviation.data() - text.data());
      const bool listed_other = std::any_of(out->begin(), out->end(), [&](const Mention& o) {
        return o.span.begin < a + abbreviation.size() && a < o.span.end && !o.guessed &&
               o.entity != m.entity;
      });
      if (!listed_other) {
        NoteArticleAlias(m.entity, absl::string_view(abbreviation.data(), abbreviation.size()), extra);
        merged.push_back(Mention{Span{m.span.begin, static_cast<size_t>(rest.data() - text.data())}, m.entity});
        continue;
      }
      rest = whole;
    }
    if (!RE2::Consume(&rest, *kZhInBrackets, &zh)) continue;
    // A site's name going on after the bracket with its goods or head holds a place in it:
    // "玖龙纸业（北海）林浆纸一体化项目" names no company 北海 ("洛阳钼业（洛钼）在…" does name 洛钼).
    static const RE2* kSiteGoesOn = new RE2("^(?:项目|工厂|基地|矿|厂|园区|一体化)");
    const size_t rest_b = static_cast<size_t>(rest.data() - text.data());
    if (RE2::PartialMatch(rest, *kSiteGoesOn) ||
        std::any_of(out->begin(), out->end(), [&](const Mention& o) {
          return o.span.begin == rest_b && !o.demonym && LabelOf(o, *extra) == "Commodity";
        })) {
      continue;
    }
    NoteArticleAlias(m.entity, absl::string_view(zh.data(), zh.size()), extra);
    merged.push_back(Mention{Span{m.span.begin, static_cast<size_t>(rest.data() - text.data())}, m.entity});
  }
  ReplaceOverlapping(merged, out);
  // A company named in full is named later by its name without the suffix: "Savannah" after
  // "Savannah Resources", "Critical Metals" after "Critical Metals Corp". Not a name that is a
  // listed entity of its own ("Pilbara" of "Pilbara Minerals" is a region), a stop or function
  // word, or a short one-word name ("Mineral" of "Mineral Resources", "Rio" of "Rio Resources");
  // a one-word short name is no mention at the start of a sentence ("Global demand …"), nor is
  // one after "the".
  auto name_char = [](char c) {
    return absl::ascii_isalnum(c) || static_cast<unsigned char>(c) >= 0x80 || c == '-';
  };
  for (const Mention& m : *out) {
    if (m.demonym || m.entity < 0 || LabelOf(m, *extra) != "Company") continue;
    const absl::string_view name = text.substr(m.span.begin, m.span.end - m.span.begin);
    absl::string_view bare;
    for (size_t sp = name.rfind(' '); sp != absl::string_view::npos && sp > 0;
         sp = name.rfind(' ', sp - 1)) {
      if (suffixes_.contains(name.substr(sp + 1))) bare = name.substr(0, sp);
      if (!bare.empty() || name.size() - sp > 16) break;
    }
    if (bare.empty() || !absl::ascii_isupper(bare.front())) continue;
    const absl::string_view first = bare.substr(0, bare.find(' '));
    const bool one_word = first.size() == bare.size();
    // ("First Majestic" of "First Majestic Silver" is one, though "First" alone is a stop.)
    if ((one_word && bare.size() < 5) ||
        (name_words_.stops.contains(first) && (one_word || first != "First")) ||
        IsFunctionWord(first) ||
        suffixes_.contains(bare) || Lookup(bare) >= 0) {
      continue;
    }
    NoteArticleAlias(m.entity, bare, extra, kShortKey);
  }
  // A listed company named in Chinese with its company words ("盛和资源", "华友钴业") is named
  // later by the part before them ("盛和一直是…的独家包销商"): two characters or more, no listed
  // name, not a place's name (its English name opens with no listed place either: 厦门 of 厦门钨业
  // is Xiamen the city), and not left by goods taken off ("北方" of 北方稀土 is the north).
  for (const Mention& m : *out) {
    if (m.demonym || m.entity < 0 || static_cast<size_t>(m.entity) >= entities_.size() ||
        entities_[m.entity].label != "Company" || !HanAt(text, m.span.begin)) {
      continue;
    }
    const absl::string_view name = text.substr(m.span.begin, m.span.end - m.span.begin);
    if (!AllHan(name)) continue;
    const absl::string_view stem = name.substr(0, WithoutCompanyWords(name));
    if (stem.size() < 6 || stem.size() == name.size() || Lookup(stem) >= 0) continue;
    const int taken =
        Lookup(name.substr(stem.size(), std::min<size_t>(6, name.size() - stem.size())));
    const std::string& english = entities_[m.entity].name;
    if ((taken >= 0 && entities_[taken].label == "Commodity") ||
        IsPlace(Lookup(stem.substr(0, 6))) ||
        (stem.size() >= 9 && IsPlace(Lookup(stem.substr(0, 9)))) ||
        IsPlace(Lookup(english.substr(0, english.find(' '))))) {
      continue;
    }
    NoteArticleAlias(m.entity, stem, extra, kStemKey);
  }
  // A Chinese government body named with its country ("美国国防部") is named later without it
  // ("国防部还向该公司提供了贷款"): its part after the country names it in this article.
  for (const Mention& m : *out) {
    if (m.demonym || m.entity < 0 || LabelOf(m, *extra) != "Government" || !HanAt(text, m.span.begin)) {
      continue;
    }
    const absl::string_view name = text.substr(m.span.begin, m.span.end - m.span.begin);
    for (size_t n = 6; n + 6 <= name.size() && n <= 15; n += 3) {
      const int place = Lookup(name.substr(0, n));
      if (place < 0 || entities_[place].label != "Country") continue;
      const absl::string_view rest = name.substr(n);
      const int listed = Lookup(rest);
      if (AllHan(rest) && (listed < 0 || entities_[listed].label == "Government")) {
        NoteArticleAlias(m.entity, rest, extra);
      }
      break;
    }
  }
  // Later mentions of a noted name, wherever the text has it (Chinese has no word breaks; a
  // short name stands between word boundaries).
  std::vector<Mention> found;
  for (const EntityDef& e : *extra) {
    if (e.alias_of < 0) continue;
    if (e.name.empty()) continue;  // (Found at every byte; NoteArticleAlias refuses one.)
    const bool short_name = absl::StartsWith(e.key, kShortKey);
    const bool stem = absl::StartsWith(e.key, kStemKey);
    const bool bare_stem = absl::StartsWith(e.key, kBareStemKey);
    for (size_t at = text.find(e.name); at != absl::string_view::npos;
         at = text.find(e.name, at + e.name.size())) {
      const Span span{at, at + e.name.size()};
      if (stem && LongerCompanyWordAt(text, span.end, 0) &&
          !absl::StartsWith(text.substr(span.end), "公司")) {
        continue;
      }
      // Nor a stem that goes on as another word ("斯瓦科普" of 斯瓦科普铀业公司 inside the town
      // 斯瓦科普蒙德): an ideograph after it must be one that follows a name (a particle, a
      // verb's first character).
      if ((stem || bare_stem) && span.end + 3 <= text.size() && AllHan(text.substr(span.end, 3))) {
        static constexpr absl::string_view kAfterName =
            "的在与和及是为已将于等也并还因由所自对从把被向持收旗则又通表称计预拟获签公集控股此该"
            "投拥运生出供宣决目近去今同共曾仍正首占负成主开建达完实采购销提承参入分下方再即要便当"
            "后前以就都均亦未不仅年月日";
        // (A UTF-8 lead byte matches only at a character's start.)
        if (!absl::StrContains(kAfterName, text.substr(span.end, 3))) continue;
      }
      if (short_name) {
        const bool word_start = at == 0 || !name_char(text[at - 1]);
        const bool word_end = span.end == text.size() || !name_char(text[span.end]);
        const bool opens =
            text.substr(0, at).find_first_not_of(" \"'“‘*•-") == absl::string_view::npos;
        // (After "the" it is a place or a thing: "in the Elk Valley of British Columbia" after
        // "Elk Valley Resources".)
        const bool after_the = at >= 4 && absl::EqualsIgnoreCase(text.substr(at - 4, 4), "the ");
        // (Opening the sentence, a one-word short name needs a verb after it: "Savannah owned
        // 70% of …" after "Savannah Resources", not "Global demand …" after "Global Resources".)
        if (!word_start || !word_end || after_the ||
            (opens && e.name.find(' ') == std::string::npos &&
             !NameVerbFollows(text.substr(span.end), /*known=*/true))) {
          continue;
        }
      }
      bool inside = false;  // Already part of a longer mention (the bracket itself).
      for (const Mention& o : *out) {
        // (A suffix's optional dot makes no longer name: "… of Critical Metals.")
        const size_t o_end = short_name && o.span.end == span.end + 1 && text[span.end] == '.'
                                 ? span.end
                                 : o.span.end;
        inside |= o.span.begin <= span.begin && span.end <= o_end &&
                  (o_end - o.span.begin > span.end - span.begin || o.entity == e.alias_of);
      }
      if (!inside) found.push_back(Mention{span, e.alias_of});
    }
  }
  // A name inside a longer noted name found at the same place is part of it: "马纳拉" (the stem)
  // inside "马纳拉矿业".
  std::sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::vector<Mention> outer;
  for (const Mention& m : found) {
    if (outer.empty() || m.span.begin >= outer.back().span.end) outer.push_back(m);
  }
  ReplaceOverlapping(outer, out);
}

void Gazetteer::NoteZhSiteStems(absl::string_view text, const std::vector<Mention>& out,
                                std::vector<EntityDef>* extra) const {
  // A site named in Chinese with its head ("马里恩山锂矿") is named later without it ("马里恩山所产
  // 锂辉石精矿"): three characters or more, no listed name, no place opening it.
  for (const Mention& m : out) {
    if (m.demonym || m.entity < 0 || LabelOf(m, *extra) != "Facility" ||
        !HanAt(text, m.span.begin)) {
      continue;
    }
    absl::string_view name = text.substr(m.span.begin, m.span.end - m.span.begin);
    if (!AllHan(name)) continue;
    for (const auto& zh : name_words_.zh_heads) {  // Longest first.
      if (absl::ConsumeSuffix(&name, zh.first)) break;
    }
    // (Goods before the head are no part of the name: "马里恩山锂矿" is 马里恩山 and its 锂.)
    for (size_t n = 3; n <= 9 && n + 9 <= name.size(); n += 3) {
      const int goods = Lookup(name.substr(name.size() - n));
      if (goods >= 0 && entities_[goods].label == "Commodity") {
        name.remove_suffix(n);
        break;
      }
    }
    if (name.size() < 9 || name.size() + 3 > m.span.end - m.span.begin || Lookup(name) >= 0) {
      continue;
    }
    // (A country glued after another country's region is no place: "西澳马里恩山锂矿".)
    auto place = [&](int e) {
      return IsPlace(e) && !OtherCountrysRegionEndsAt(out, m.span.begin, e);
    };
    if (place(Lookup(name.substr(0, 6))) || place(Lookup(name.substr(0, 9)))) continue;
    NoteArticleAlias(m.entity, name, extra);
  }
}

int Gazetteer::ListedOrAdded(const std::string& name, const std::string& label,
                             std::vector<EntityDef>* extra) const {
  const int listed = Lookup(name);
  if (listed >= 0 && entities_[listed].label == label) return listed;
  EntityDef def;
  def.label = label;
  def.name = name;
  def.key = absl::StrCat(label, ":", NormalizeName(name));
  return AddExtra(std::move(def), extra);
}

const std::string& Gazetteer::LabelOf(const Mention& m,
                                      const std::vector<EntityDef>& extra) const {
  const size_t known = entities_.size();
  return static_cast<size_t>(m.entity) < known ? entities_[m.entity].label
                                               : extra[m.entity - known].label;
}

namespace {

// Removes every occurrence of each of `words` from *text ("投资" out of "鸿商投资").
void EraseAll(const absl::flat_hash_set<std::string>& words, std::string* text) {
  for (const std::string& w : words) {
    for (size_t at; (at = text->find(w)) != std::string::npos;) text->erase(at, w.size());
  }
}

// A Latin name in brackets right after a Chinese one: "（Semizbay-U）", "(Hunan Gold Group)".
// Groups: the bracket, the name.
const RE2& LatinInBrackets() {
  static const RE2* kLatinInBrackets = new RE2(
      "^((?:（|\\()\\s*(\\p{Lu}[\\p{Latin}\\d&.'’ -]{0,40}?)\\s*"
      // An abbreviation may follow: "（Fujian Refining & Petrochemical Company，FREP）",
      // "（Huajin Aramco Petrochemical Company，简称HAPCO）".
      "(?:[,，、]\\s*(?:" KG_ABBREVIATION "|"
      // or a Chinese short name: "（National Silicon Industry Group，简称沪硅产业）", or a Latin
      // one: "（Saudi Arabian Mining Company，简称Ma'aden）".
      KG_SHORT_NAME_WORD "\\s*\\p{Han}{2,8}|" KG_SHORT_LATIN_NAME ")\\s*)?(?:）|\\)))");
  return *kLatinInBrackets;
}

bool IsDeterminer(absl::string_view w) {
  static constexpr absl::string_view kDet[] = {"the", "a", "an", "its", "their", "his", "her",
                                              "our", "this", "that"};
  const std::string lower = absl::AsciiStrToLower(w);
  return std::find(std::begin(kDet), std::end(kDet), lower) != std::end(kDet);
}

// Capitalized function words that open sentences and clauses: never the first word of a name
// ("The Narva plant", "However, a plant"), unlike stop words such as "Key", "North" or "New"
// that can begin one ("the Key Lake mill", "New Afton").
constexpr absl::string_view kFunction[] = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Without", "Under",
    "Over", "After", "Before", "During", "Since", "Until", "As", "But", "And", "Or", "So",
    "Yet", "Its", "Their", "Our", "My", "Your", "His", "Her", "This", "That", "These", "Those", "It", "He", "She",
    "They", "We", "I", "Both", "Several", "Some", "Most", "Many", "All", "Other", "Each",
    "Such", "While", "Although", "Though", "When", "Where", "Which", "What", "Who", "Why",
    "How", "If", "Also", "Still", "Then", "Meanwhile", "However", "Together"};
bool IsFunctionWord(absl::string_view w) {
  return std::find(std::begin(kFunction), std::end(kFunction), w) != std::end(kFunction);
}

// A lower-case word that may describe a facility's head without being listed as a descriptor
// ("a block-cave mine", "its Sorel-Tracy metallurgical complex"): no function word.
bool IsPlainAdjective(absl::string_view w) {
  static constexpr absl::string_view kNotAdjective[] = {
      "of", "in", "at", "near", "on", "for", "with", "that", "which", "who", "whose", "and",
      "or", "to", "by", "from", "the", "a", "an", "its", "their", "his", "her", "is", "was",
      "has", "had", "will", "would", "one", "two", "some", "many", "other", "such", "than",
      "as", "into", "under", "over", "after", "before", "where", "when", "while", "not"};
  return !w.empty() &&
         std::all_of(w.begin(), w.end(),
                     [](char c) { return absl::ascii_islower(c) || c == '-'; }) &&
         std::find(std::begin(kNotAdjective), std::end(kNotAdjective), w) ==
             std::end(kNotAdjective);
}

// A compound adjective: words joined by hyphens that end in a plain adjective ("century-old",
// "Chinese-built", "100-year-old").
bool IsCompoundAdjective(absl::string_view w) {
  const size_t dash = w.rfind('-');
  return dash != absl::string_view::npos && dash > 0 && dash + 2 < w.size() &&
         IsPlainAdjective(w.substr(dash + 1));
}

// +1 for a head that names where ore is dug (mine, deposit, pit), -1 for one that names where
// it is treated apart (plant, refinery, smelter, mill, factory), 0 for one that may be either
// (project, operation, complex, site, facility, hub, works; a concentrator stands at its mine).
int HeadKind(absl::string_view head) {
  static constexpr absl::string_view kDug[] = {"mine", "deposit", "pit"};
  static constexpr absl::string_view kTreated[] = {"plant", "refinery", "smelter", "mill",
                                                   "factory"};
  const std::string h = absl::AsciiStrToLower(head);
  if (std::find(std::begin(kDug), std::end(kDug), h) != std::end(kDug)) return 1;
  if (std::find(std::begin(kTreated), std::end(kTreated), h) != std::end(kTreated)) return -1;
  return 0;
}

// A word that names the part of a site beside another ("Hombre Muerto West", "Kisanfu North",
// "Balama West"): after a listed facility's name, it names another facility.
bool IsSideWord(absl::string_view w) {
  static constexpr absl::string_view kSides[] = {"West", "East",  "North", "South", "Norte",
                                                 "Sur",  "Oeste", "Este",  "Extension"};
  return std::find(std::begin(kSides), std::end(kSides), w) != std::end(kSides);
}

// A word ending in a hyphen and a lower-case participle ("London-listed", "Perth-based"): it
// describes the name after it and is no part of it.
bool IsPlaceParticiple(absl::string_view w) {
  const size_t dash = w.rfind('-');
  return dash != absl::string_view::npos && dash + 3 <= w.size() &&
         std::all_of(w.begin() + dash + 1, w.end(), [](char c) { return absl::ascii_islower(c); });
}

// Whether a name ends in a possessive mark ("Lanxess'", "Alphamin Resources’", "CATL's").
bool EndsInPossessor(absl::string_view name) {
  return absl::EndsWith(name, "'") || absl::EndsWith(name, "’") || absl::EndsWith(name, "'s") ||
         absl::EndsWith(name, "’s");
}

// The word that ends right before `pos` (spaces skipped), as [begin, end).
std::pair<size_t, size_t> WordBefore(absl::string_view text, size_t pos) {
  size_t e = pos;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != ',' && text[b - 1] != '(') --b;
  return {b, e};
}

}  // namespace

void Gazetteer::FindFacilities(absl::string_view text, std::vector<Mention>* out,
                               std::vector<EntityDef>* extra) const {
  if (facility_after_re_ == nullptr) return;
  auto mention_at = [&](size_t b, size_t e) -> const Mention* {  // First mention overlapping.
    for (const Mention& m : *out) {
      if (m.span.begin < e && b < m.span.end) return &m;
    }
    return nullptr;
  };
  auto label_of = [&](const Mention& m) -> std::string {
    if (m.demonym) return "Demonym";
    return static_cast<size_t>(m.entity) < entities_.size() ? entities_[m.entity].label
                                                            : "Company";
  };
  auto is_descriptor = [&](absl::string_view w) {
    std::string lower = absl::AsciiStrToLower(w);
    // A percentage before a hyphen stands as "%": "30%-owned" is the descriptor "%-owned".
    if (const size_t pct = lower.find("%-"); pct != std::string::npos && pct > 0 &&
        std::all_of(lower.begin(), lower.begin() + pct,
                    [](char c) { return absl::ascii_isdigit(c) || c == '.'; })) {
      lower.erase(0, pct);
    }
    return std::find(name_words_.descriptors.begin(), name_words_.descriptors.end(),
                     lower) != name_words_.descriptors.end();
  };
  // Walks back from `head_begin` over descriptor words and Commodity mentions; returns the
  // description's first byte and sets *product to the first Commodity met.
  auto walk_back = [&](size_t head_begin, int* product) {
    size_t begin = head_begin;
    for (int guard = 0; guard < 6; ++guard) {
      auto [b, e] = WordBefore(text, begin);
      if (b == e) break;
      const Mention* m = mention_at(b, e);
      if (m != nullptr) {
        if (label_of(*m) != "Commodity" || m->span.end > head_begin) break;
        *product = m->entity;
        begin = m->span.begin;
        continue;
      }
      // "rare earth and phosphate deposit": a commodity joined to the one after it; "refining
      // and chemicals complex": a descriptor joined to the one after it.
      if (text.substr(b, e - b) == "and" && (*product >= 0 || begin < head_begin)) {
        auto [pb, pe] = WordBefore(text, b);
        const Mention* before = pb < pe ? mention_at(pb, pe) : nullptr;
        const bool joined = *product >= 0
                                ? before != nullptr && label_of(*before) == "Commodity" && before->span.end <= b
                                : before == nullptr && pb < pe && is_descriptor(text.substr(pb, pe - pb));
        if (joined) {
          begin = b;
          continue;
        }
      }
      if (!is_descriptor(text.substr(b, e - b))) break;
      begin = b;
    }
    return begin;
  };
  struct Found {
    size_t begin, end;
    int entity, product;
    std::string named_as = {};  // The site's name as this text gives it, when it is listed otherwise.
  };
  std::vector<Found> found;
  // A description (found[index]) that describes the facility ending at `before`, if any.
  struct Join {
    size_t index, before;
    bool strict;  // After near, outside, "north of": never the facility's own name.
    bool create;  // After in or at: the name names the facility if none stands before.
    size_t name_b, name_e;
    int product;
  };
  std::vector<Join> joins;
  // The facility, found or listed, whose name ends at `pos` (its entity may be -1), if any;
  // `skip` is left out.
  auto facility_ending_at = [&](size_t pos, const Found* skip) -> std::optional<int> {
    std::optional<int> entity;
    for (const Found& f : found) {
      if (f.end == pos && &f != skip) entity = f.entity;
    }
    for (const Mention& k : *out) {
      if (k.span.end == pos && !k.demonym && label_of(k) == "Facility") entity = k.entity;
    }
    return entity;
  };
  // A word that makes the name after it a place: " in ", " at " (captured second: the name may
  // still be the site's own), or " near ", " outside ", " north of ", " just west of ".
  static const RE2* kPlaceWordBefore = new RE2(
      "(?i)([ ](?:(in|at)|near|outside|(?:just[ ])?(?:north|south|east|west)(?:-?(?:east|west))?"
      "[ ]of)[ ])$");
  // Heads that name the same kind of site: a writer picks any of them.
  static constexpr absl::string_view kSameSite[] = {"plant", "factory", "facility"};
  // The listed company a description names as the site's owner ("EcoPro BM's plant in
  // Debrecen", "EcoPro BM, …, whose plant in Debrecen"; for "its", the latest company before
  // it), or -1: its own site of that place is the one meant, not another company's there.
  int owner_hint = -1;
  std::string made_name;  // The name make() built, when it returned a listed site of another name.
  auto make = [&](absl::string_view place, absl::string_view head, absl::string_view description,
                  bool place_is_country) -> int {
    const std::string head_lower = absl::AsciiStrToLower(head);
    const bool same_site_head =
        std::find(std::begin(kSameSite), std::end(kSameSite), head_lower) != std::end(kSameSite);
    // "the plant at Tyseley Energy Park": a site ("Park") is named by its first word.
    const size_t last_space = place.rfind(' ');
    if (last_space != absl::string_view::npos &&
        name_words_.sites.contains(place.substr(last_space + 1))) {
      place = place.substr(0, place.find(' '));
    }
    std::string name = place_is_country ? std::string(description)
                                        : absl::StrCat(place, " ", head_lower);
    made_name.clear();
    int known = Lookup(name);
    if (known >= 0 && entities_[known].label == "Facility") return known;
    if (!place_is_country) made_name = name;
    if (owner_hint >= 0 && static_cast<size_t>(owner_hint) < entities_.size() && !place_is_country) {
      const std::string& owner = entities_[owner_hint].name;
      for (absl::string_view o : {absl::string_view(owner), absl::string_view(owner).substr(0, owner.find(' '))}) {
        known = Lookup(absl::StrCat(o, " ", place, " ", head_lower));
        if (known >= 0 && entities_[known].label == "Facility") return known;
      }
    }
    // "a high-pressure acid leach plant on Obi island" is the listed Obi HPAL plant, "the Kidd
    // mine" the Kidd Creek mine: the one listed facility of that place and head.
    if (!place_is_country && !place.empty()) {
      absl::string_view base = place;
      const size_t space = base.rfind(' ');
      if (space != absl::string_view::npos) {
        std::string last(base.substr(space + 1));
        last[0] = absl::ascii_toupper(last[0]);
        if (name_words_.places.contains(last)) base = base.substr(0, space);  // "Obi island".
      }
      known = ListedFacilityLike(base, head_lower);
      if (known < 0 && base != place) known = ListedFacilityLike(place, head_lower);
      // "a battery factory in De Soto" is the listed De Soto plant.
      for (absl::string_view other : kSameSite) {
        if (same_site_head && known < 0 && other != head_lower) {
          known = ListedFacilityLike(base, other);
        }
      }
      if (known >= 0) return known;
    }
    EntityDef def;
    def.label = "Facility";
    def.name = name;
    def.key = absl::StrCat("Facility:", NormalizeName(name));
    if (!place_is_country) def.aliases.push_back(std::string(description));
    // The place alone names the facility too ("Tyseley Energy Park", "Chavara").
    if (!place_is_country && !place.empty() && std::string(place) != std::string(description)) {
      def.aliases.push_back(std::string(place));
      // So does the place before the whole description: "the rare earth processing facility it
      // opened in Saskatoon" is the Saskatoon rare earth processing facility.
      const size_t at = absl::AsciiStrToLower(description).find(head_lower);
      if (at != std::string::npos && at > 0) {
        def.aliases.push_back(absl::StrCat(place, " ", description.substr(0, at + head_lower.size())));
      }
    }
    // "the De Soto factory" is "the De Soto plant" and "the Bécancour facility": one site,
    // whichever of the three heads a writer picks.
    if (!place_is_country && !place.empty() && same_site_head) {
      for (absl::string_view other : kSameSite) {
        if (other != head_lower) def.aliases.push_back(absl::StrCat(place, " ", other));
      }
    }
    return AddExtra(std::move(def), extra);
  };

  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m[3];
  // "its rare earth magnet plant in Narva", "a refinery in Saudi Arabia".
  for (size_t pos = 0; pos < text.size() &&
                       facility_after_re_->Match(input, pos, text.size(), RE2::UNANCHORED, m, 3);) {
    const size_t head_b = static_cast<size_t>(m[1].data() - text.data());
    size_t place_b = static_cast<size_t>(m[2].data() - text.data());
    size_t place_e = place_b + m[2].size();
    pos = place_e;
    if (text[place_e - 1] == '.') --place_e;  // "in Narva." ends the sentence.
    // "whose factory in Vietnam's Tay Ninh province": the country's possessive is no part of the
    // place; the facility is the "Tay Ninh factory", and its mention stops at the head so that
    // the country stays a mention of its own.
    bool country_possessor = false;
    if (const Mention* c = mention_at(place_b, place_e);
        c != nullptr && c->span.begin == place_b && !c->demonym && label_of(*c) == "Country") {
      for (absl::string_view mark : {"'s ", "’s "}) {
        const size_t after = c->span.end + mark.size();
        // (A listed region there keeps its own reading: "a smelter in Chile's Antofagasta region".)
        if (text.substr(c->span.end, mark.size()) == mark && after < place_e &&
            absl::ascii_isupper(text[after]) && mention_at(after, place_e) == nullptr) {
          place_b = after;
          country_possessor = true;
          break;
        }
      }
    }
    // "its first gigafactory in May 2023": a month, a weekday or another stop word is no place.
    // (A compass word or "New" opens a town's name of two words: "a factory in South Boston".)
    {
      const absl::string_view place_text = text.substr(place_b, place_e - place_b);
      const absl::string_view first = place_text.substr(0, place_text.find(' '));
      static constexpr absl::string_view kTownOpeners[] = {"North", "South", "East", "West", "New"};
      // (Not a listed region or country: "in North Carolina" names no plant.)
      const bool town_opener =
          first.size() < place_text.size() &&
          std::find(std::begin(kTownOpeners), std::end(kTownOpeners), first) != std::end(kTownOpeners) &&
          mention_at(place_b, place_e) == nullptr;
      if (name_words_.stops.contains(first) && !town_opener) continue;
    }
    // "a plant on Obi island", "a smelter on Obi Island": after "on" only an island or other
    // place word makes the name a place ("a plant on Monday", "the mine on Friday" do not).
    if (text.substr(head_b + m[1].size(), 4) == " on ") {
      static const RE2* kPlaceWordAfter = new RE2("^[ ](\\p{Ll}+)\\b");
      const absl::string_view place_text = text.substr(place_b, place_e - place_b);
      const std::string last(place_text.substr(place_text.rfind(' ') + 1));  // npos + 1 == 0.
      re2::StringPiece after;  // "Obi island": the lower-case word after the name.
      std::string next =
          RE2::PartialMatch(re2::StringPiece(text.data() + place_e, text.size() - place_e),
                            *kPlaceWordAfter, &after)
              ? after.ToString()
              : "";
      if (!next.empty()) next[0] = absl::ascii_toupper(next[0]);
      if (!name_words_.places.contains(last) && !name_words_.places.contains(next)) continue;
    }
    if (mention_at(head_b, head_b + m[1].size()) != nullptr) continue;  // Inside a name.
    int product = -1;
    size_t begin = walk_back(head_b, &product);
    // "Excelsior Nickel Cobalt HPAL plant in …": a capitalized commodity after a capitalized
    // name is part of that name, read as "the <name> plant" below.
    // So is a capitalized name right before the head: "its Benete smelter near Batu Hijau" is
    // the Benete smelter, near a place. (Not a possessor: "Neo's plant in Narva" is named after
    // its place.)
    if (begin == head_b || absl::ascii_isupper(text[begin])) {
      auto [nb0, ne0] = WordBefore(text, begin);
      const absl::string_view word = text.substr(nb0, ne0 - nb0);
      if (nb0 < ne0 && ne0 + 1 == begin && absl::ascii_isupper(text[nb0]) &&
          mention_at(nb0, ne0) == nullptr && !name_words_.stops.contains(word) &&
          !absl::EndsWith(word, "'s") && !absl::EndsWith(word, "’s") && !absl::EndsWith(word, "'")) {
        continue;
      }
    }
    // "a 2,000-tonne-a-year magnet plant in Narva": a size between the article and the
    // description (not before a country: "a 50,000-tonne cathode plant in Morocco" stays a
    // description).
    static const RE2* kSizedBefore = new RE2(
        "(?i)\\b(?:a|an|its|their)[ ]\\d[\\d.,]*(?:[ -](?:tonnes?|tons?|t|tpa|kt|ktpa|mt|mtpa|"
        "metric[ -]tons?|gigawatt-hours?|gwh|barrels?)|"
        // or a wafer's width: "a 300-millimetre wafer plant in Sherman".
        "[ -]?(?:mm|millimet(?:re|er)|inch))(?:[ -](?:a|per)[ -](?:year|day)|/year|/day)?[ ]$");
    // "runs a ferroalloy smelter at Samalaju": one word that is no descriptor, right after an
    // introducing determiner, describes the head too.
    // (Not before a country: "a pre-processing plant in Hungary" stays named by its head.)
    const Mention* place_mention = mention_at(place_b, place_e);
    if (auto [wb, we] = WordBefore(text, begin);
        wb < we && we + 1 == begin && IsPlainAdjective(text.substr(wb, we - wb)) &&
        (place_mention == nullptr || label_of(*place_mention) != "Country")) {
      auto [db, de] = WordBefore(text, wb);
      const absl::string_view d = text.substr(db, de - db);
      // Also after a possessive: "Qcells' module factory in Dalton", or after "the": "the
      // biologics plant in Vacaville".
      // Or after a size: "a 300-millimetre wafer plant in Sherman".
      if ((de + 1 == wb && (IsDeterminer(d) || EndsInPossessor(d))) ||
          RE2::PartialMatch(re2::StringPiece(text.data(), wb), *kSizedBefore)) {
        begin = wb;
      }
    }
    // A price: "US$7.4 billion", "$2 billion", "€35m".
#define KG_PRICE "(?:US|A|C|HK|NZ|S)?[$€£¥][\\d.,]+(?:[ ]?(?:million|billion|bn|mn|m))?"
    // "Gotion's $2 billion battery plant in Manteno": a price between the possessor and the
    // description; the determiner is the word before it.
    static const RE2* kPriceBefore = new RE2("(?i)([ ]" KG_PRICE "[ ])$");
    size_t det_from = begin;
    if (re2::StringPiece price; begin != head_b &&
        RE2::PartialMatch(re2::StringPiece(text.data(), begin), *kPriceBefore, &price)) {
      det_from = begin - price.size() + 1;
    }
    auto [det_b, det_e] = WordBefore(text, det_from);
    const absl::string_view det = text.substr(det_b, det_e - det_b);
    // "a US$7.4 billion smelter in Clarksville": a price between the article and the head.
    static const RE2* kPricedBefore = new RE2("(?i)\\b(?:a|an|its|their)[ ]" KG_PRICE "[ ]$");
#undef KG_PRICE
    // A key-figures line introduces by punctuation: "Amman Mineral: smelter at Benete, …".
    const std::string det_lower = absl::AsciiStrToLower(det);
    // "Base 1, a recycling plant in Covington, Georgia": an apposition describes the site named
    // before it; it names no second site. So does a copula's: "Thacker Pass is a lithium mine in
    // Nevada" names no Nevada mine.
    if (det_lower == "a" || det_lower == "an") {
      static const RE2* kCopulaBefore = new RE2(
          "([ ](?:is|was|remains|remained|became|becomes|has become|had become|will be|would be)"
          "(?:[ ](?:now|still|also|already|once))?[ ])$");
      re2::StringPiece copula;
      const size_t described_end =
          det_b >= 2 && text.substr(det_b - 2, 2) == ", " ? det_b - 2
          : RE2::PartialMatch(re2::StringPiece(text.data(), det_b), *kCopulaBefore, &copula)
              ? det_b - copula.size()
              : absl::string_view::npos;
      const Mention* before = nullptr;
      for (const Mention& o : *out) {
        if (o.span.end == described_end) before = &o;
      }
      if (before != nullptr && label_of(*before) == "Facility") continue;
    }
    const bool introduced =
        (IsDeterminer(det) && det_lower != "the") ||
        (begin == head_b &&
         RE2::PartialMatch(re2::StringPiece(text.data(), begin), *kPricedBefore)) ||
        ((place_mention == nullptr || label_of(*place_mention) != "Country") &&
         RE2::PartialMatch(re2::StringPiece(text.data(), begin), *kSizedBefore)) ||
        (absl::EndsWith(det, ":") && det_e + 1 == det_from);
    // "ACC gigafactory in Billy-Berclau Douvrin": a company named right before the head owns it,
    // as a possessive does.
    // (Not "the Ultium Cells plant in Lansing", which names the plant after its owner.)
    const Mention* owner_before = det_e + 1 == det_from ? mention_at(det_b, det_e) : nullptr;
    if (owner_before != nullptr) {
      auto [tb, te] = WordBefore(text, owner_before->span.begin);
      if (tb < te && te + 1 == owner_before->span.begin &&
          absl::AsciiStrToLower(text.substr(tb, te - tb)) == "the") {
        owner_before = nullptr;
      }
    }
    const bool company_before = owner_before != nullptr && label_of(*owner_before) == "Company";
    const bool possessive = absl::EndsWith(det, "'s") || absl::EndsWith(det, "s'") ||
                            absl::EndsWith(det, "’s") || company_before ||
                            det_lower == "whose";  // "…, whose plant in Debrecen".
    owner_hint = -1;
    made_name.clear();
    if (company_before) {
      owner_hint = owner_before->entity;
    } else if (det_lower == "whose" || det_lower == "its") {
      for (const Mention& o : *out) {
        if (o.span.end <= det_b && !o.demonym && label_of(o) == "Company") owner_hint = o.entity;
      }
    } else if (possessive) {
      const size_t mark = absl::EndsWith(det, "’s") ? 4 : absl::EndsWith(det, "'s") ? 2 : 1;
      for (const Mention& o : *out) {
        if (o.span.end + mark == det_e && !o.demonym && label_of(o) == "Company") owner_hint = o.entity;
      }
    }
    int entity = -1;
    // "a demonstration plant at Lanxess' bromine site": a possessor is no place.
    if (EndsInPossessor(text.substr(place_b, place_e - place_b))) continue;
    const Mention* at_place = mention_at(place_b, place_e);
    if (at_place != nullptr) {
      const std::string label = label_of(*at_place);
      // "plant in Stillwater" where Stillwater is known is that facility; not when the known
      // one has another head: "its lithium sulphate plant at Arcadia" is no mine.
      const std::string listed_head =
          label == "Facility" && static_cast<size_t>(at_place->entity) < entities_.size()
              ? FacilityHead(entities_[at_place->entity].name)
              : "";
      auto generic = [](absl::string_view h) { return IsGenericHead(h); };
      const std::string head_here = absl::AsciiStrToLower(m[1].ToString());
      if (label == "Facility" && at_place->span.begin == place_b && !listed_head.empty() &&
          listed_head != head_here && !generic(listed_head) && !generic(head_here) &&
          (introduced || possessive || det_lower == "the")) {
        place_e = std::max(place_e, at_place->span.end);
        entity = make(text.substr(place_b, place_e - place_b), m[1].ToString(),
                      text.substr(begin, place_e - begin), false);
      } else if (label == "Facility" && at_place->span.begin == place_b) {
        entity = at_place->entity;  // "plant in Stillwater" where Stillwater is known.
        place_e = std::max(place_e, at_place->span.end);
      } else if (label == "Country" && at_place->span.begin == place_b && begin < head_b &&
                 (introduced || possessive) && !CountsASite(text.substr(begin, head_b - begin))) {
        // Named by the whole description; the mention stops before " in <Country>" so that
        // the country stays a mention of its own ("<Facility> in <Country>").
        entity = make("", m[1].ToString(), text.substr(begin, at_place->span.end - begin), true);
        place_e = head_b + m[1].size();
      } else if (label == "Region" && at_place->span.begin == place_b &&
                 (introduced || possessive || det_lower == "the")) {
        // "its first plant in Salta", "a manganese sulphate plant in Louisiana": the plant of
        // that state or province, "Salta plant".
        place_e = std::max(place_e, at_place->span.end);
        entity = make(text.substr(place_b, place_e - place_b), m[1].ToString(),
                      text.substr(begin, place_e - begin), false);
        // A region that knows its country stays a mention of its own, as a country does
        // ("<Facility> in <Region>").
        if (region_country_[at_place->entity] >= 0) place_e = head_b + m[1].size();
      } else {
        continue;  // A company or other name: no facility name to give.
      }
    } else if (introduced || possessive || (det_lower == "the" && !country_possessor)) {
      // ("The deposit in South Korea's Gangwon Province" refers back to a site named before.)
      entity = make(text.substr(place_b, place_e - place_b), m[1].ToString(),
                    text.substr(begin, place_e - begin), false);
      if (country_possessor) place_e = head_b + m[1].size();
    } else {
      continue;  // "the 3Q brine project in Catamarca": the description names no facility.
    }
    // "North American Lithium, a spodumene operation near La Corne": the name the description
    // stands in apposition to is the facility's name.
    // "Wimmera, the mineral sands project in Victoria": "the" after the comma too.
    // "Kipushi, Ivanhoe Mines' zinc mine in Haut-Katanga": after a possessor the apposition
    // starts where the possessor's name does.
    // An unlisted possessor is its capitalized words.
    size_t anchor = det_b;
    bool possessor = false;
    if (possessive) {
      for (const Mention& k : *out) {
        if (!k.demonym && k.span.begin <= det_b && det_b < k.span.end &&
            (label_of(k) == "Company" || label_of(k) == "Government")) {
          anchor = k.span.begin;
          possessor = true;
        }
      }
      for (int guard = 0; !possessor && guard < 4 && absl::ascii_isupper(text[anchor]); ++guard) {
        auto [pb, pe] = WordBefore(text, anchor);
        if (pb == pe || pe != anchor - 1 || !absl::ascii_isupper(text[pb]) ||
            mention_at(pb, pe) != nullptr) {
          possessor = true;
          break;
        }
        anchor = pb;
      }
    }
    if ((introduced || det_lower == "the" || possessor) &&
        anchor >= 2 && text.substr(anchor - 2, 2) == ", ") {
      det_b = anchor;
      static const RE2* kNameBefore = new RE2(
          "(\\p{Lu}[\\pL\\pM\\d'’&.-]*(?:[ ](?:" KG_NAME_PARTICLE ")?\\p{Lu}[\\pL\\pM\\d'’&.-]*){0,3}), $");
      re2::StringPiece head_text(text.data(), det_b);
      re2::StringPiece nm;
      size_t nb = 0;
      for (size_t from = det_b > 80 ? det_b - 80 : 0; from < det_b; ++from) {
        re2::StringPiece slice(text.data() + from, det_b - from);
        if (RE2::FullMatch(slice, *kNameBefore, &nm)) {
          nb = from;
          break;
        }
      }
      // "Glencore's Horne smelter, the only copper smelter in Quebec": a description in
      // apposition to a facility named before the comma is that facility, once all are found.
      // (Its head ends it: not "a plant in Narva, a refinery in Sillamäe".)
      if (auto [hb, he] = WordBefore(text, anchor - 2); nm.empty() && !possessor && hb < he &&
          std::find(name_words_.heads.begin(), name_words_.heads.end(),
                    absl::AsciiStrToLower(text.substr(hb, he - hb))) != name_words_.heads.end()) {
        joins.push_back(Join{found.size(), anchor - 2, false, false, 0, 0, product});
      }
      if (!nm.empty() && (nb == 0 || text[nb - 1] == ' ')) {
        absl::string_view name(nm.data(), nm.size());
        // Leading articles and sentence words are not part of it.
        for (absl::string_view art : {"The ", "A ", "An "}) {
          if (absl::StartsWith(name, art)) {
            name.remove_prefix(art.size());
            nb += art.size();
          }
        }
        bool other = false;  // A company, country or other listed name is no facility.
        int listed = -1;     // A listed facility ("Kemerton, a lithium hydroxide plant near …").
        // "the Highland Valley Copper mine near Logan Lake, the largest copper operation in
        // Canada": a name after a place word is the place; the description is of the
        // facility named before the place word, once all facilities are found.
        // After "in" or "at" the name may be the site itself ("drilling at Cummins Range, its
        // … project", "a stake in Makuutu, a … project"): it names the facility unless one
        // stands before the place word.
        re2::StringPiece place_word, in_at;
        const bool after_place = RE2::PartialMatch(re2::StringPiece(text.data(), nb),
                                                   *kPlaceWordBefore, &place_word, &in_at);
        if (after_place) {
          const bool strict = in_at.empty();
          joins.push_back(Join{found.size(), nb - place_word.size(), strict, false, nb,
                               nb + name.size(), product});
          other = strict;
        }
        for (const Mention& k : *out) {
          if (!(k.span.begin < nb + name.size() && nb < k.span.end)) continue;
          if (!k.demonym && static_cast<size_t>(k.entity) < entities_.size() &&
              entities_[k.entity].label == "Facility" && k.span.begin == nb &&
              k.span.end == nb + name.size()) {
            listed = k.entity;
            continue;
          }
          if (!k.demonym && (static_cast<size_t>(k.entity) >= entities_.size() ||
                             entities_[k.entity].label != "Commodity")) {
            other = true;
          }
        }
        if (!other && listed >= 0) {
          entity = listed;
          other = true;  // The description joins the listed facility; its mention stays.
        }
        // One word names it too ("Lofdal, a heavy rare earth deposit in Namibia"), unless it is
        // a sentence word ("However, a plant in Texas").
        if (!other && !name.empty() &&
            (name.find(' ') != absl::string_view::npos || !name_words_.stops.contains(name)) &&
            after_place) {
          joins.back().create = true;  // Named once it is known that no facility stands before.
        } else if (!other && !name.empty() &&
            (name.find(' ') != absl::string_view::npos || !name_words_.stops.contains(name))) {
          EntityDef def;
          def.label = "Facility";
          def.name = std::string(name);
          def.key = absl::StrCat("Facility:", NormalizeName(def.name));
          const std::string described = entity >= 0 && static_cast<size_t>(entity) >= entities_.size()
                                            ? (*extra)[entity - entities_.size()].name
                                            : "";
          if (!described.empty()) def.aliases.push_back(described);
          entity = AddExtra(std::move(def), extra);
          found.push_back(Found{nb, nb + name.size(), entity, product});
        }
      }
    }
    found.push_back(Found{begin, place_e, entity, product, made_name});
  }
  // Whether only commodity mentions, each after a space, fill [from, to): "the Louisiana HPMSM
  // plant" is named by its state and its product, not by a company "Louisiana HPMSM".
  auto goods_up_to = [&](size_t from, size_t to) {
    bool any = false;
    for (int guard = 0; guard < 4 && from < to; ++guard) {
      if (text[from] != ' ') return false;
      const Mention* goods = mention_at(from + 1, to);
      if (goods == nullptr || goods->span.begin != from + 1 || goods->demonym ||
          label_of(*goods) != "Commodity") {
        return false;
      }
      from = goods->span.end;
      any = true;
    }
    return any && from == to;
  };
  // "plants in Boyertown, Pennsylvania, and Aizu, Japan", "its sites in Burghausen and Nünchritz
  // in Germany": a plural head before a list of two or more unknown places names one facility per
  // place (a town's region or country after it stays a mention of its own).
  {
    static const RE2* kPlaceAt = new RE2(
        "^(\\p{Lu}[\\pL\\pM'’-]*(?:[ ]\\p{Lu}[\\pL\\pM'’-]*){0,2})");
    re2::StringPiece ph[2];
    for (size_t pos = 0; pos < text.size() &&
                         plural_after_re_->Match(input, pos, text.size(), RE2::UNANCHORED, ph, 2);) {
      const std::string head(ph[1].data(), ph[1].size());
      size_t at = static_cast<size_t>(ph[0].data() - text.data()) + ph[0].size();
      pos = at;
      std::vector<std::pair<size_t, size_t>> places;
      for (int guard = 0; guard < 6 && at < text.size(); ++guard) {
        re2::StringPiece got;
        if (!RE2::PartialMatch(re2::StringPiece(text.data() + at, text.size() - at), *kPlaceAt, &got)) {
          break;
        }
        // "two fabs in Magdeburg, and Berlin had promised …": a name before a verb opens a clause.
        static const RE2* kVerbNext = new RE2(
            "^[ ](?:had|has|have|is|are|was|were|will|would|can|could|said|says|also|then|[a-z]+ed)\\b");
        if (!places.empty() &&
            RE2::PartialMatch(re2::StringPiece(text.data() + at + got.size(), text.size() - at - got.size()),
                              *kVerbNext)) {
          break;
        }
        places.emplace_back(at, at + got.size());
        at += got.size();
        // The town's region or country: ", Pennsylvania", or one for the whole list, " in Germany".
        for (absl::string_view lead : {", ", " in "}) {
          if (text.substr(at, lead.size()) != lead) continue;
          const Mention* where = mention_at(at + lead.size(), at + lead.size() + 1);
          if (where != nullptr && where->span.begin == at + lead.size() && !where->demonym &&
              (label_of(*where) == "Country" || label_of(*where) == "Region")) {
            at = where->span.end;
          }
        }
        bool more = false;
        for (absl::string_view sep : {", and in ", " and in ", ", and at ", " and at ", ", and ", " and ", ", "}) {
          if (text.substr(at, sep.size()) == sep) {
            at += sep.size();
            more = true;
            break;
          }
        }
        if (!more) break;
      }
      if (places.size() < 2) continue;
      for (const auto& [pb, pe] : places) {
        const absl::string_view place = text.substr(pb, pe - pb);
        if (mention_at(pb, pe) != nullptr || name_words_.stops.contains(place.substr(0, place.find(' ')))) {
          continue;
        }
        bool taken = false;
        for (const Found& f : found) taken |= f.begin < pe && pb < f.end;
        if (taken) continue;
        found.push_back(Found{pb, pe, make(place, head, place, false), -1});
      }
      pos = std::max(pos, at);
    }
  }
  // "its Henderson, Nevada, plant": the town names the site; the state between the commas is
  // part of its mention.
  {
    re2::StringPiece t[3];
    for (size_t pos = 0; pos < text.size() &&
                         town_region_head_re_->Match(input, pos, text.size(), RE2::UNANCHORED, t, 3);) {
      const size_t pb = static_cast<size_t>(t[1].data() - text.data());
      const size_t pe = static_cast<size_t>(t[2].data() - text.data()) + t[2].size();
      pos = pe;
      const absl::string_view place(t[1].data(), t[1].size());
      if (name_words_.stops.contains(place.substr(0, place.find(' ')))) continue;
      bool taken = false;
      for (const Found& f : found) taken |= f.begin < pe && pb < f.end;
      for (const Mention& k : *out) {
        // A listed name in the town's place is no town ("its Glencore, Zug, plant").
        taken |= k.span.begin < pb + place.size() && pb < k.span.end;
      }
      if (taken) continue;
      owner_hint = -1;
      found.push_back(Found{pb, pe, make(place, absl::string_view(t[2].data(), t[2].size()), place, false), -1});
    }
  }
  // "the Narva plant", "Neo's Stillwater sintered magnet plant".
  re2::StringPiece g[5];
  for (size_t pos = 0; pos < text.size() && facility_before_re_->Match(
                                                input, pos, text.size(), RE2::UNANCHORED, g, 5);) {
    // "the Kelpra Mine and a plant": when the place ends in a capitalized head of its own, a
    // coordination opening a phrase of its own after it describes no later head ("its Urucum
    // manganese and iron ore operations" joins goods; "Nghi Son Refinery and Petrochemical
    // Complex" goes on as one name), so the match ends at the place's head, read again up to it.
    static const RE2* kJoinInGap = new RE2("(?:^|[ ])(?:and|or)[ ]\\p{Ll}");
    if (RE2::PartialMatch(g[2], *kJoinInGap) &&
        absl::string_view(g[1].data(), g[1].size()).find(' ') != absl::string_view::npos &&
        !FacilityHead(absl::string_view(g[1].data(), g[1].size())).empty()) {
      const size_t match_b = static_cast<size_t>(g[0].data() - text.data());
      const size_t gap_b = static_cast<size_t>(g[2].data() - text.data());
      if (gap_b <= match_b + 1 ||
          !facility_before_re_->Match(input, match_b, gap_b - 1, RE2::UNANCHORED, g, 5)) {
        pos = static_cast<size_t>(g[1].data() - text.data()) + 1;
        continue;
      }
    }
    size_t place_b = static_cast<size_t>(g[1].data() - text.data());
    const size_t head_b = static_cast<size_t>(g[3].data() - text.data());
    const bool plural = !g[4].empty();
    const size_t end = head_b + g[3].size() + g[4].size();
    // On a miss, the next try starts at the place's second character, so that a later
    // capitalized word ("CMOC operates the Kisanfu mine") still gets its turn.
    pos = place_b + 1;
    absl::string_view place(g[1].data(), g[1].size());
    // A possessor is not part of the place ("Carester's Caremag plant").
    bool after_possessor = false;
    for (absl::string_view mark : {"'s ", "’s ", "s' "}) {
      const size_t at = place.rfind(mark);
      if (at != absl::string_view::npos) {
        place_b += at + mark.size();
        place.remove_prefix(at + mark.size());
        after_possessor = true;
      }
    }
    // Leading stop words are not part of the place ("The Narva plant"); a place that is all
    // stop words ("The plant") is none. After a possessor the words are the name ("Cameco's
    // Key Lake mill").
    // Only function words and descriptors that are stop words go ("Planned Debari smelter:",
    // "Flagship mine:" opening a box line): "Key", "North" or "National" can begin a place's
    // name ("the Key Lake mill"), and so can "New" ("New Afton").
    place = DropLeadingWords(place, &place_b, [&](absl::string_view first, bool more) {
      return !(after_possessor && more) && name_words_.stops.contains(first) &&
             (!more || IsFunctionWord(first) || (first != "New" && is_descriptor(first)));
    });
    if (place.empty()) continue;
    // "Cathode plant: Schwarzheide" opening a box line: a place of descriptors alone before the
    // label's colon is the description's own words capitalized, no name ("Battery chemicals
    // plant capacity:" may still name the plant the text described).
    if (text.substr(end, 1) == ":") {
      bool all_descriptors = true;
      for (absl::string_view w : absl::StrSplit(place, ' ')) all_descriptors &= is_descriptor(w);
      if (all_descriptors) continue;
    }
    // "Alphamin Resources' tin mine": a possessor that ends the place is no place.
    if (EndsInPossessor(place)) continue;
    bool inside_found = false;
    for (const Found& f : found) inside_found |= f.begin < end && place_b < f.end;
    if (inside_found) continue;
    // Introduced by a determiner or a possessive, so a sentence's first word is no place.
    auto [det_b, det_e] = WordBefore(text, place_b);
    // "its planned Carolina Lithium project": descriptors before the place are skipped, and so
    // are compound adjectives ("the century-old Butterworth plant", "the Chinese-built Morro
    // smelter", "the 100-year-old Dalby mine").
    for (int guard = 0; guard < 2 && det_b < det_e &&
                        (is_descriptor(text.substr(det_b, det_e - det_b)) ||
                         IsCompoundAdjective(text.substr(det_b, det_e - det_b)));
         ++guard) {
      std::tie(det_b, det_e) = WordBefore(text, det_b);
    }
    const absl::string_view det = text.substr(det_b, det_e - det_b);
    const bool possessive = absl::EndsWith(det, "'s") || absl::EndsWith(det, "s'") ||
                            absl::EndsWith(det, "’s");
    // A key-figures line introduces by punctuation: "Westwater: Kellyton plant, Alabama".
    const bool listed = det_b == det_e || det == ":" || det == "—" || det == "–" || det == "-" ||
                        absl::EndsWith(det, ":");
    // Running text without an article: "said Ulbo mine would restart", "shipments from Pallo
    // refinery": after a lower-case word, a head in lower case; the place must then be unlisted
    // or a listed facility (a company, region or country before a head needs "the" below).
    const bool after_word = det_b < det_e && !plural &&
                            std::all_of(det.begin(), det.end(),
                                        [](char c) { return absl::ascii_islower(c); });
    const bool running = after_word && absl::ascii_islower(g[3][0]);
    // A name written with its head in capitals needs no article: "owns Dalla Mine in Zimbabwe",
    // "paid $180 million for Mabira Mine" (not a longer name that goes on, "Acme Mine Holdings",
    // nor a company an apposition describes, "run by Deutsche Energy Terminal, a company owned
    // by …", nor a place whose last word is a `place` word of name_words.txt, "based at Ellesmere
    // Port").
    static const RE2* kNameGoesOn = new RE2(
        "^(?:[ ]\\p{Lu}|,[ ](?:a|an|the)[ ](?:[\\pL-]+[ ]){0,3}?(?:company|firm|group|operator|"
        "venture|subsidiary|unit|consortium)\\b)");
    // (Not a town a company is based in: "based in Fort Mill, South Carolina".)
    static const RE2* kBasedIn = new RE2("\\b(?:based|headquartered|registered|domiciled)[ ]in[ ]$");
    const bool titled = after_word && absl::ascii_isupper(g[3][0]) &&
                        !name_words_.places.contains(g[3].ToString()) &&
                        !RE2::PartialMatch(re2::StringPiece(text.data(), place_b), *kBasedIn) &&
                        !RE2::PartialMatch(re2::StringPiece(text.data() + end, text.size() - end),
                                           *kNameGoesOn);
    if (!IsDeterminer(det) && !possessive && !listed && !running && !titled) continue;
    // The words between place and head: descriptors or one Commodity mention.
    int product = -1;
    // One word that is no descriptor may stand between ("its Sorel-Tracy metallurgical
    // complex").
    if (const size_t desc_b = walk_back(head_b, &product); desc_b > place_b + place.size() + 1) {
      const size_t word_b = place_b + place.size() + 1;
      if (text[desc_b - 1] != ' ' || !IsPlainAdjective(text.substr(word_b, desc_b - 1 - word_b))) {
        continue;
      }
    }
    const Mention* at_place = mention_at(place_b, place_b + place.size());
    // A key-figures heading "Sandoz penicillin plant, Kundl, Austria": an owner's name, goods and
    // a head, then an unlisted town and its country: the site is the town's ("Kundl plant"), and
    // the owner's name stays free to name its company. (Without goods the name may be the site's
    // own: "Tshipi Borwa mine, Northern Cape, South Africa".)
    static const RE2* kTownAfter = new RE2(
        "^,[ ](\\p{Lu}[\\pL\\pM'’-]*(?:[ ]\\p{Lu}[\\pL\\pM'’-]*){0,2}),[ ]");
    re2::StringPiece town;
    if (listed && (at_place == nullptr || label_of(*at_place) == "Company") &&
        RE2::PartialMatch(re2::StringPiece(text.data() + end, text.size() - end), *kTownAfter,
                          &town)) {
      int goods = -1;
      size_t desc_b = walk_back(head_b, &goods);
      // Or a word of the trade nobody listed ("penicillin"), lower case, between name and head.
      const size_t after_place = place_b + place.size() + 1;
      const bool trade_word =
          goods < 0 && after_place < head_b && absl::ascii_islower(text[after_place]);
      if (trade_word) desc_b = after_place;
      if ((goods >= 0 || trade_word) && desc_b > place_b) {
        const size_t town_b = static_cast<size_t>(town.data() - text.data());
        const size_t town_e = town_b + town.size();
        const absl::string_view town_name = text.substr(town_b, town_e - town_b);
        const Mention* after_town = mention_at(town_e + 2, town_e + 3);
        if (mention_at(town_b, town_e) == nullptr && after_town != nullptr &&
            after_town->span.begin == town_e + 2 && !after_town->demonym &&
            (label_of(*after_town) == "Country" || label_of(*after_town) == "Region") &&
            !name_words_.stops.contains(town_name.substr(0, town_name.find(' ')))) {
          owner_hint = -1;
          const int entity =
              make(town_name, g[3].ToString(), text.substr(place_b, end - place_b), false);
          found.push_back(Found{desc_b, end, entity, goods, made_name});
          pos = end;
          continue;
        }
      }
    }
    // A capitalized commodity after the place's first word is part of its name ("the Carolina
    // Lithium project"); the commodity mention goes.
    // So is a demonym after the first word before such a commodity ("the North American Lithium
    // operation").
    while (at_place != nullptr && at_place->span.begin > place_b &&
           at_place->span.end <= place_b + place.size() &&
           (at_place->demonym ? at_place->span.end < place_b + place.size()
                              : label_of(*at_place) == "Commodity") &&
           absl::ascii_isupper(text[at_place->span.begin])) {
      const size_t after = at_place->span.end;
      at_place = mention_at(after, place_b + place.size());
    }
    // "the Cote Gold project", "the Silver Peak mine": a capitalized commodity word that is
    // only part of the place is part of the name.
    if (at_place != nullptr && label_of(*at_place) == "Commodity" &&
        (at_place->span.begin > place_b || at_place->span.end < place_b + place.size()) &&
        absl::ascii_isupper(text[at_place->span.begin])) {
      at_place = nullptr;
    }
    // "the Tianqi Kwinana plant": a company's name before the place is its operator, not part
    // of the place; the company stays a mention of its own. So in a key-figures heading
    // ("POSCO Gwangyang electrical steel plant (South Korea)"), where the place may be a town
    // listed as a region.
    const Mention* rest_mention =
        at_place == nullptr ? nullptr : mention_at(at_place->span.end + 1, place_b + place.size());
    if (at_place != nullptr && label_of(*at_place) == "Company" && !at_place->demonym &&
        at_place->span.begin == place_b && at_place->span.end + 1 < place_b + place.size() &&
        text[at_place->span.end] == ' ' &&
        ((absl::AsciiStrToLower(det) == "the" && rest_mention == nullptr) ||
         (listed && det_b == det_e &&
          (rest_mention == nullptr || label_of(*rest_mention) == "Region")))) {
      const size_t rest_b = at_place->span.end + 1;
      place = text.substr(rest_b, place_b + place.size() - rest_b);
      place_b = rest_b;
      at_place = nullptr;
    }
    // A plural head names one site only after a name nobody listed ("the Glencore mines",
    // "its Australian operations" are many).
    // Only "operations" (lower case): "its Urucum … operations"; "the Ultium plants" are
    // several, "Puna Operations" is a company.
    // So does any lower-case head after an unlisted name and "the": "the Pangwa mines in
    // Myanmar's Kachin State", "Batteries from the Kokomo plants" (not "General Motors' Ultium
    // plants": a possessor's sites are many).
    // (Not a region's or a people's sites: "the Bowen Basin mines", "the Siberian smelters".)
    const size_t last_space = place.rfind(' ');
    const absl::string_view last_word =
        last_space == absl::string_view::npos ? place : place.substr(last_space + 1);
    static const RE2* kPeopleWord = new RE2("\\p{Lu}\\pL*(?:ian|ean|ese|ish|ic)");
    const bool regional = name_words_.places.contains(std::string(last_word)) ||
                          RE2::FullMatch(re2::StringPiece(place.data(), place.size()), *kPeopleWord);
    if (plural && (at_place != nullptr ||
                   (g[3] != re2::StringPiece("operation") &&
                    (!absl::ascii_islower(g[3][0]) || possessive || !IsDeterminer(det) || regional)))) {
      continue;
    }
    // "the Syväjärvi and Rapasaari open pits": two names under one plural head are read below.
    if (plural && (absl::EndsWith(text.substr(0, place_b), " and ") ||
                   absl::EndsWith(text.substr(0, place_b), ", "))) {
      continue;
    }
    static const RE2* kLabelAfter = new RE2("^(?: \\([^()]{1,40}\\))?:");
    int entity = -1;
    made_name.clear();  // Set by make() below: the name a listed site is given here.
    if (at_place != nullptr && label_of(*at_place) == "Company" &&
        at_place->span.begin == place_b && at_place->span.end == place_b + place.size() &&
        (absl::AsciiStrToLower(det) == "the" ||
         (listed && RE2::PartialMatch(re2::StringPiece(text.data() + end, text.size() - end),
                                      *kLabelAfter)))) {
      // "the Covalent refinery": a facility named after its company; so is a key-figures line's
      // "- Alba smelter (Bahrain): …" (its label's colon right after).
      entity = make(place, g[3].ToString(), text.substr(place_b, end - place_b), false);
    } else if (at_place != nullptr && label_of(*at_place) == "Region" &&
               at_place->span.begin >= place_b &&
               (at_place->span.end == place_b + place.size() ||
                goods_up_to(at_place->span.end, place_b + place.size())) &&
               (absl::AsciiStrToLower(det) == "the" || possessive || listed)) {
      // "the Louisiana plant", "Louisiana plant: 65,000 t a year", "the South West Arkansas
      // project": named after its state.
      entity = make(place, g[3].ToString(), text.substr(place_b, end - place_b), false);
    } else if (at_place != nullptr && !at_place->demonym && label_of(*at_place) == "Country" &&
               at_place->span.begin == place_b && at_place->span.end + 1 < place_b + place.size() &&
               absl::ascii_isupper(g[3][0]) && absl::ascii_isupper(text[at_place->span.end + 1]) &&
               (absl::AsciiStrToLower(det) == "the" || possessive || listed)) {
      // "the Kazakhstan Aluminium Smelter", "the Zambia Copper Smelter": a name written in
      // capitals from a country's name to its head is a site's (not "the China lithium plant").
      entity = make(place, g[3].ToString(), text.substr(place_b, end - place_b), false);
    } else if (at_place != nullptr) {
      if (label_of(*at_place) != "Facility" || at_place->span.begin != place_b) continue;
      if (at_place->span.end >= end) continue;  // The name already includes the head.
      entity = at_place->entity;
      // "the Balama West mine" beside the listed Balama mine: a side word after the listed
      // name makes the place another facility.
      const size_t place_e = place_b + place.size();
      if (at_place->span.end + 1 < place_e && text[at_place->span.end] == ' ' &&
          IsSideWord(text.substr(at_place->span.end + 1, place_e - at_place->span.end - 1))) {
        entity = make(place, g[3].ToString(), text.substr(place_b, end - place_b), false);
      }
      // "the Sorowako smelter", "the Eneabba mine" beside the listed Sorowako mine and
      // Eneabba refinery: a plant where a mine is listed, or a mine where a plant is, is
      // another facility of that place (a project, operation or complex is either).
      const std::string listed_head =
          static_cast<size_t>(at_place->entity) < entities_.size()
              ? FacilityHead(entities_[at_place->entity].name)
              : "";
      if (!listed_head.empty() && HeadKind(listed_head) * HeadKind(g[3].ToString()) < 0) {
        entity = make(place, g[3].ToString(), text.substr(place_b, end - place_b), false);
      }
    } else {
      entity = make(place, g[3].ToString(), text.substr(place_b, end - place_b), false);
    }
    found.push_back(Found{place_b, end, entity, product, made_name});
    pos = end;
  }
  // "Core Lithium suspended mining at Finniss", "loparite mined at Lovozero", "production at
  // Mount Weld", "output from Ngungaju": a name after a mining word and "at" is a site, named by itself. Not a name
  // the gazetteer knows as something else ("production at Lynas"), not a sentence word.
  static const RE2* kMinedAt = new RE2(
      "\\b(?i:mining|mined|production|output|operations|drilling|extraction)[ ](?:at|from)[ ]"
      "(\\p{Lu}[\\pL\\pM'’-]*(?:[ ](?:" KG_NAME_PARTICLE ")?\\p{Lu}[\\pL\\pM'’-]*){0,2})(?:$|[ ,.;:)])");
  // "Andrada Mining produces tin at Uis", "mined loparite at Lovozero", "makes synthetic graphite
  // anode material at Herøya": a verb of producing, what it makes, then "at" and the site.
  static const RE2* kProducedAt = new RE2(
      "\\b(?i:produces|produced|producing|mines|mined|extracts|extracted|processes|processed|"
      "makes|made|refines|refined|smelts|smelted|separates|separated|recycles|recycled)"
      "[ ](?:[\\pL-]+[ ]){1,5}?at[ ]"
      "(\\p{Lu}[\\pL\\pM'’-]*(?:[ ](?:" KG_NAME_PARTICLE ")?\\p{Lu}[\\pL\\pM'’-]*){0,2})(?:$|[ ,.;:)])");
  re2::StringPiece at[2];
  for (const RE2* site_re : {kMinedAt, kProducedAt}) {
    for (size_t pos = 0; pos < text.size() &&
                         site_re->Match(input, pos, text.size(), RE2::UNANCHORED, at, 2);) {
      const size_t nb = static_cast<size_t>(at[1].data() - text.data());
      const absl::string_view name(at[1].data(), at[1].size());
      pos = nb + name.size();
      if (name_words_.stops.contains(name.substr(0, name.find(' ')))) continue;
      bool taken = false;
      for (const Found& f : found) taken |= f.begin < nb + name.size() && nb < f.end;
      for (const Mention& k : *out) {
        // Also a capitalized commodity inside: "output from Sigma Lithium" names a company.
        taken |= k.span.begin < nb + name.size() && nb < k.span.end &&
                 (k.demonym || label_of(k) != "Commodity" || k.span.begin == nb ||
                  absl::ascii_isupper(text[k.span.begin]));
      }
      if (taken) continue;
      const int known = Lookup(name);
      if (known >= 0 && entities_[known].label != "Facility") continue;
      int entity = known;
      // "Production at Korva fell" after "the Korva mine": the facility named before.
      if (entity < 0) entity = ExtraFacilityNamed(name, *extra);
      if (entity < 0) {
        EntityDef def;
        def.label = "Facility";
        def.name = std::string(name);
        def.key = absl::StrCat("Facility:", NormalizeName(def.name));
        entity = AddExtra(std::move(def), extra);
      }
      found.push_back(Found{nb, nb + name.size(), entity, -1});
    }
  }
  // "Lofdal, a heavy rare earth deposit in Namibia", "Strange Lake, a deposit in northern
  // Quebec", "Nechalacho, the rare earths project in Canada's Northwest Territories": a name in
  // apposition to a facility description (article, descriptors or a commodity, a head) is the
  // facility's name, whatever follows the head. Not "Perth, a mining hub" (hub and site name
  // towns as often as facilities), "Hull, the site of …", "X, the mine's owner" or "X, a mine
  // operator"; not a name the gazetteer knows as something else.
  static const RE2* kAppositionName = new RE2(
      "(?:^|[ (])(\\p{Lu}[\\pL\\pM'’-]*(?:[ ](?:" KG_NAME_PARTICLE ")?"
      "\\p{Lu}[\\pL\\pM'’-]*){0,3})(?:,|[ ](?:is|was|remains))[ ]("
      // "Mimosa, the country's second platinum mine": a possessor the article described.
      "(?i:the)[ ](?i:country|nation|region|province|state|island|territory|company|group|miner)"
      "(?:'s|’s)|(?i:a|an|the|its|their)|"
      // "Ngungaju, Pilbara Minerals' restarted processing plant": a possessor instead.
      "\\p{Lu}[\\pL\\pM\\d&.-]*(?:[ ]\\p{Lu}[\\pL\\pM\\d&.-]*){0,3}(?:'s|’s|'|’))[ ]");
  re2::StringPiece ap[3];
  for (size_t pos = 0; pos < text.size() && kAppositionName->Match(input, pos, text.size(),
                                                                   RE2::UNANCHORED, ap, 3);) {
    size_t nb = static_cast<size_t>(ap[1].data() - text.data());
    absl::string_view name(ap[1].data(), ap[1].size());
    const size_t desc_b = static_cast<size_t>(ap[2].data() - text.data()) + ap[2].size() + 1;
    pos = desc_b;
    // Leading function words ("The", "In") are not part of the name, nor is a name of stop
    // words alone ("March", "In March"); other stop words can begin one ("New Afton, a
    // block-cave mine").
    name = DropLeadingWords(name, &nb, [&](absl::string_view first, bool more) {
      return name_words_.stops.contains(first) && (!more || IsFunctionWord(first));
    });
    if (name.empty()) continue;
    {
      bool all_stops = true;
      for (absl::string_view w : absl::StrSplit(name, ' ')) {
        all_stops &= name_words_.stops.contains(w);
      }
      if (all_stops) continue;
    }
    // "the Highland Valley Copper mine near Logan Lake, the largest copper operation in
    // Canada": a name after "near", "outside" or "north of" is a town, and so is one after "in"
    // or "at" right behind a facility; the description is the facility's, not the town's.
    {
      re2::StringPiece place_word, in_at;
      if (RE2::PartialMatch(re2::StringPiece(text.data(), nb), *kPlaceWordBefore, &place_word,
                            &in_at)) {
        if (in_at.empty()) continue;
        const size_t before = static_cast<size_t>(place_word.data() - text.data());
        if (facility_ending_at(before, nullptr).has_value()) continue;
      }
    }
    // Walk forward over descriptors and commodities to the head.
    std::string head;
    int product = -1;
    int unknown = 0;  // Words before the head that are no descriptors.
    size_t cur = desc_b;
    for (int guard = 0; guard < 7 && cur < text.size(); ++guard) {
      if (const Mention* m = mention_at(cur, cur + 1); m != nullptr) {
        if (label_of(*m) != "Commodity" || m->span.begin != cur) break;
        if (product < 0) product = m->entity;
        cur = m->span.end + 1;
        if (m->span.end >= text.size() || text[m->span.end] != ' ') break;
        continue;
      }
      size_t e = cur;
      while (e < text.size() && absl::string_view(" ,.;:()'’\"").find(text[e]) ==
                                    absl::string_view::npos) {
        ++e;
      }
      if (e == cur) break;
      const std::string word = absl::AsciiStrToLower(text.substr(cur, e - cur));
      if (std::find(name_words_.heads.begin(), name_words_.heads.end(), word) !=
          name_words_.heads.end()) {
        if (word == "hub" || word == "site") break;
        const absl::string_view rest = text.substr(e);
        // "a lithium mine project": a head before another head describes it.
        if (rest.size() > 1 && rest[0] == ' ') {
          const size_t next_end = rest.find_first_of(" ,.;:()", 1);
          const std::string next = absl::AsciiStrToLower(rest.substr(1, next_end == absl::string_view::npos ? absl::string_view::npos : next_end - 1));
          if (std::find(name_words_.heads.begin(), name_words_.heads.end(), next) !=
              name_words_.heads.end()) {
            cur = e + 1;
            continue;
          }
        }
        // The head ends the description: punctuation or a function word follows, not another
        // noun ("Jones, a plant manager", "X, a mine operator") or a possessive ("the mine's").
        static const RE2* kDescriptionEnds = new RE2(
            "^(?:$|[,.;:)]|[ ](?:(?:just|about|some|roughly)[ ])?(?:in|at|near|on|outside|off|north|south|east|west|northeast|"
            "northwest|southeast|southwest|which|that|with|and|owned|operated|run|where|since|"
            "for|from|is|was|has|had|will|would|being|under|close|due|currently|now)\\b)");
        if (!RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), *kDescriptionEnds)) break;
        head = word;
        break;
      }
      // Up to two words that are no descriptors may describe the head too ("a block-cave
      // mine", "an awaruite nickel deposit"): lower-case words followed by a space, no
      // function words ("Perth, a city near the mine" stops at "near").
      if (!is_descriptor(word)) {
        const bool adjective = unknown < 2 && e < text.size() && text[e] == ' ' &&
                               IsPlainAdjective(text.substr(cur, e - cur));
        if (!adjective) break;
        ++unknown;
      }
      cur = e + 1;
    }
    if (head.empty()) continue;
    bool taken = false;
    for (const Found& f : found) taken |= f.begin < nb + name.size() && nb < f.end;
    for (const Mention& k : *out) {
      if (!(k.span.begin < nb + name.size() && nb < k.span.end)) continue;
      taken |= k.demonym || label_of(k) != "Commodity" || !absl::ascii_isupper(text[k.span.begin]);
    }
    if (taken) continue;
    // A listed site named without its head keeps its name: "Iron Bridge is Fortescue's first
    // magnetite operation" is the listed "Iron Bridge project", not an "Iron Bridge operation".
    // A listed site found under another name ("the Riverside plant" for the listed "Novonix
    // Riverside plant") keeps the name this text gives it.
    const int listed = ListedSiteOf(name);
    const int entity = listed >= 0 ? listed : make(name, head, name, false);
    // "Metalkol, a tailings reprocessing plant" is the listed Metalkol RTR (its alias "Metalkol
    // plant"): the bare name means it for the rest of the article ("a second phase at Metalkol").
    if (listed < 0 && entity >= 0 && static_cast<size_t>(entity) < entities_.size() &&
        Lookup(name) < 0) {
      NoteArticleAlias(entity, name, extra);
    }
    found.push_back(Found{nb, nb + name.size(), entity, product, listed >= 0 ? "" : made_name});
  }
  // A fact box's site label and an unlisted name after it: "Smelter: Pulau Indah, Selangor,
  // Malaysia" is the Pulau Indah smelter, "Recycling plant: McCarran, Nevada" the McCarran plant
  // (a listed name is read as it is listed).
  {
    static const RE2* kSiteLabel = new RE2(
        "^(?:[-•*] )?(?:[A-Za-z-]+[ ])?((?i:mine|plant|smelter|refinery|mill|concentrator|factory))"
        "(?i: site)?: "
        "(\\p{Lu}[\\pL\\pM'’-]*(?:[ ]\\p{Lu}[\\pL\\pM'’-]*){0,2})(?:,|$|[ ]\\()");
    re2::StringPiece sl[3];
    if (kSiteLabel->Match(input, 0, text.size(), RE2::ANCHOR_START, sl, 3)) {
      const size_t nb = static_cast<size_t>(sl[2].data() - text.data());
      const absl::string_view name(sl[2].data(), sl[2].size());
      bool taken = name_words_.stops.contains(name.substr(0, name.find(' ')));
      for (const Found& f : found) taken |= f.begin < nb + name.size() && nb < f.end;
      for (const Mention& k : *out) taken |= k.span.begin < nb + name.size() && nb < k.span.end;
      if (!taken) {
        const int entity = make(name, sl[1].ToString(), name, false);
        found.push_back(Found{nb, nb + name.size(), entity, -1, made_name});
      }
    }
  }
  // Two to six places under one plural head: "the Syväjärvi and Rapasaari open pits", "its
  // Olaroz and Cauchari projects", "Tesla's Shanghai and Berlin factories", "the Kestrel, Dalby
  // and Morro mines": each place with the singular head is a facility; the last one's mention
  // takes the head.
  // The counts (up to six places of up to three words, up to three words before the head)
  // are checked after the match: written as counted repetitions of these letter classes, the
  // program had 40,000 instructions and its DFA ran out of memory on long sentences.
  static const RE2* kPluralHeads = new RE2(
      "(?:(?:^|[ ])(?i:the|its|their|our)[ ]|:[ ]|['’]s[ ])"
      "(\\p{Lu}[\\pL\\pM'’-]*(?:,?[ ]\\p{Lu}[\\pL\\pM'’-]*)*),?[ ]and[ ]"
      "(\\p{Lu}[\\pL\\pM'’-]*(?:[ ]\\p{Lu}[\\pL\\pM'’-]*)*)((?:[ ][\\p{Ll}-]+)*?)[ ]"
      "((?i:open[ ]pits|mines|plants|projects|deposits|refineries|smelters|mills|concentrators|pits|"
      "factories))\\b");
  auto words = [](absl::string_view s) { return std::count(s.begin(), s.end(), ' ') + 1; };
  re2::StringPiece ph[5];
  for (size_t pos = 0; pos < text.size() &&
                       kPluralHeads->Match(input, pos, text.size(), RE2::UNANCHORED, ph, 5);) {
    std::vector<absl::string_view> places = absl::StrSplit(
        absl::string_view(ph[1].data(), ph[1].size()), ", ");
    places.push_back(absl::string_view(ph[2].data(), ph[2].size()));
    const size_t last_b = static_cast<size_t>(ph[2].data() - text.data());
    const size_t end = static_cast<size_t>(ph[4].data() - text.data()) + ph[4].size();
    pos = end;
    bool fits = places.size() <= 6 &&
                (ph[3].empty() || words(absl::string_view(ph[3].data() + 1, ph[3].size() - 1)) <= 3);
    for (absl::string_view place : places) fits &= words(place) <= 3;
    if (!fits) {
      pos = static_cast<size_t>(ph[0].data() - text.data()) + 1;
      continue;
    }
    // "the Prominent Hill and Carrapateena copper mines": the words before the head are
    // descriptors or commodities.
    int product = -1;
    if (!ph[3].empty()) {
      const size_t head_b = static_cast<size_t>(ph[4].data() - text.data());
      if (walk_back(head_b, &product) != static_cast<size_t>(ph[3].data() - text.data()) + 1) {
        continue;
      }
    }
    // A place may be a listed facility already ("the Olaroz and Cauchari projects"); any other
    // name stops.
    // A capitalized commodity after a name's first word is part of it ("Angel Nickel and
    // Oracle Nickel smelters"): such mentions are no other name.
    auto other_mention = [&](size_t pb, size_t pe) -> const Mention* {
      for (const Mention& k : *out) {
        if (!(k.span.begin < pe && pb < k.span.end)) continue;
        if (!k.demonym && label_of(k) == "Commodity" && k.span.begin > pb && k.span.end <= pe &&
            absl::ascii_isupper(text[k.span.begin])) {
          continue;
        }
        return &k;
      }
      return nullptr;
    };
    std::vector<const Mention*> known;
    bool other_name = false;
    for (absl::string_view place : places) {
      const size_t pb = static_cast<size_t>(place.data() - text.data());
      const Mention* k = other_mention(pb, pb + place.size());
      other_name |= k != nullptr && !(label_of(*k) == "Facility" && k->span.begin == pb &&
                                      k->span.end == pb + place.size());
      known.push_back(k);
    }
    if (other_name) continue;
    std::string head = absl::AsciiStrToLower(ph[4].ToString());
    head = head == "refineries"  ? "refinery"
           : head == "factories" ? "factory"
                                 : head.substr(0, head.size() - 1);
    // "the Stillwater and East Boulder mines": a bare name listed for another kind of site (the
    // Stillwater plant) names the listed site of this head when there is one.
    for (size_t i = 0; i < places.size(); ++i) {
      if (known[i] == nullptr) continue;
      const int like = Lookup(absl::StrCat(places[i], " ", head));
      if (like < 0 || like == known[i]->entity || entities_[like].label != "Facility") continue;
      (*out)[static_cast<size_t>(known[i] - out->data())].entity = like;
    }
    if (std::count(known.begin(), known.end(), nullptr) == 0) continue;
    bool inside_found = false;
    const size_t first_b = static_cast<size_t>(places.front().data() - text.data());
    for (const Found& f : found) inside_found |= f.begin < end && first_b < f.end;
    if (inside_found) continue;
    // With words between ("Carrapateena copper mines") or a comma after ("Angel Nickel and
    // Oracle Nickel smelters, Indonesia Weda Bay Industrial Park") the last mention stops at
    // its name too, so that the head reads as the plural head of all and ends the list.
    const bool head_apart = !ph[3].empty() || text.substr(end, 2) == ", ";
    for (size_t i = 0; i < places.size(); ++i) {
      const size_t pb = static_cast<size_t>(places[i].data() - text.data());
      const size_t pe = pb == last_b && !head_apart ? end : pb + places[i].size();
      if (known[i] != nullptr) {
        if (pb == last_b) found.push_back(Found{pb, end, known[i]->entity, -1});
        continue;
      }
      const std::string name = absl::StrCat(places[i], " ", head);
      int entity = Lookup(name);
      if (entity < 0 || entities_[entity].label != "Facility") {
        EntityDef def;
        def.label = "Facility";
        def.name = name;
        def.key = absl::StrCat("Facility:", NormalizeName(name));
        def.aliases.push_back(std::string(places[i]));
        entity = AddExtra(std::move(def), extra);
      }
      found.push_back(Found{pb, pe, entity, product});
    }
  }
  // Chinese: "还运营贵溪冶炼厂", "拥有的德兴铜矿选矿厂": two to four characters of place before a
  // plant noun, after a verb of running or owning.
  static const RE2* kZhFacility = new RE2(
      "(?:运营|经营|拥有|旗下|建设|建成|投资建设)(?:的|了|着)?(\\p{Han}{2,4}?(?:冶炼厂|精炼厂|选矿厂|冶炼基地|冶炼分离厂))");
  for (size_t pos = 0; pos < text.size() &&
                       kZhFacility->Match(input, pos, text.size(), RE2::UNANCHORED, g, 2);) {
    const re2::StringPiece z = g[1];
    const size_t b = static_cast<size_t>(z.data() - text.data());
    const size_t e = b + z.size();
    pos = e;
    if (mention_at(b, e) != nullptr) continue;
    // "建设了一座选矿厂", "建成两座冶炼厂": a count or a determiner, no place; no name.
    static constexpr absl::string_view kCount[] = {"一", "两", "几", "多", "该", "这", "那", "其",
                                                   "此", "各", "新"};
    bool counted = false;
    for (absl::string_view w : kCount) counted |= absl::StartsWith(text.substr(b), w);
    if (counted) continue;
    bool inside_found = false;
    for (const Found& f : found) inside_found |= f.begin < e && b < f.end;
    if (inside_found) continue;
    const std::string name(z.data(), z.size());
    const int entity = ListedOrAdded(name, "Facility", extra);
    found.push_back(Found{b, e, entity, -1});
  }
  // "国轩高科在摩洛哥肯尼特拉建设的超级工厂", "宁德时代在匈牙利德布勒森投资73亿欧元建设电池工厂": a
  // site named by the unlisted town it is built in, written after the listed places it lies in,
  // and what is built there; its words after the verb are the mention, the town and they its
  // name ("肯尼特拉超级工厂", "德布勒森电池工厂").
  static const RE2* kZhBuiltIn = new RE2(
      "(?:在|于)(\\p{Han}{2,12}?)(?:(?:投资建设|建设|兴建|新建|建造|投建)的|投资[^，。；<]{1,16}?"
      "(?:建设|兴建|新建|建造)(?:了|一座|一家)?)");
  for (size_t pos = 0; pos < text.size() &&
                       kZhBuiltIn->Match(input, pos, text.size(), RE2::UNANCHORED, g, 2);) {
    const size_t place_e = static_cast<size_t>(g[1].data() - text.data()) + g[1].size();
    const size_t head_b = static_cast<size_t>(g[0].data() - text.data()) + g[0].size();
    pos = head_b;
    size_t town_b = static_cast<size_t>(g[1].data() - text.data());
    bool listed_place = false;
    for (bool more = true; more;) {
      more = false;
      for (const Mention& k : *out) {
        if (k.span.begin == town_b && k.span.end <= place_e && !k.demonym &&
            (label_of(k) == "Country" || label_of(k) == "Region")) {
          town_b = k.span.end;
          listed_place = more = true;
        }
      }
    }
    const size_t town_chars = (place_e - town_b) / 3;
    // Up to four characters describe the head ("电池工厂").
    const std::pair<std::string, std::string>* head = nullptr;
    size_t at = head_b;
    for (; at <= head_b + 12 && at < text.size() && head == nullptr; at += 3) {
      head = ZhHeadAt(text, at);
      if (head == nullptr && !HanAt(text, at)) break;
    }
    if (!listed_place || town_chars < 2 || town_chars > 4 || head == nullptr) continue;
    const size_t he = at - 3 + head->first.size();
    const absl::string_view town = text.substr(town_b, place_e - town_b);
    bool generic = false;
    for (const std::string& w : name_words_.zh_generic) generic |= absl::StrContains(town, w);
    bool inside_found = false;
    for (const Found& f : found) inside_found |= f.begin < he && head_b < f.end;
    if (generic || inside_found || mention_at(town_b, place_e) != nullptr ||
        mention_at(head_b, he) != nullptr) {
      continue;
    }
    const int entity =
        ListedOrAdded(absl::StrCat(town, text.substr(head_b, he - head_b)), "Facility", extra);
    found.push_back(Found{head_b, he, entity, -1});
  }
  // "盛和资源的乐山工厂", "赣锋锂业的马洪工厂": a company's plant named by two or three
  // characters of place after 的; not "公司的新工厂", "该公司的两座工厂".
  static const RE2* kZhCompanyPlant = new RE2(
      "的(\\p{Han}{2,3}?(?:工厂|冶炼厂|精炼厂|选矿厂|分离厂))");
  for (size_t pos = 0; pos < text.size() &&
                       kZhCompanyPlant->Match(input, pos, text.size(), RE2::UNANCHORED, g, 2);) {
    const re2::StringPiece z = g[1];
    const size_t b = static_cast<size_t>(z.data() - text.data());
    const size_t e = b + z.size();
    pos = e;
    bool after_company = false;
    for (const Mention& k : *out) {
      after_company |= !k.demonym && k.span.end + 3 == b && label_of(k) == "Company";
    }
    static constexpr absl::string_view kNotPlace[] = {"该", "这", "那", "其", "此", "多", "一", "两",
                                                       "几", "各", "新", "首", "大", "小", "现有",
                                                       "海外", "国内", "主要", "最大"};
    bool not_place = false;
    for (absl::string_view w : kNotPlace) not_place |= absl::StartsWith(text.substr(b), w);
    if (!after_company || not_place || mention_at(b, e) != nullptr) continue;
    bool inside_found = false;
    for (const Found& f : found) inside_found |= f.begin < e && b < f.end;
    if (inside_found) continue;
    const int entity = ListedOrAdded(std::string(z.data(), z.size()), "Facility", extra);
    found.push_back(Found{b, e, entity, -1});
  }
  // "莱纳斯位于马来西亚关丹的工厂", "宁德时代在德国图林根的电池工厂": a company's site named by the
  // town it stands in (a region the gazetteer lists) and a head after 的, perhaps with its goods
  // between: the company's listed site of that place. The head alone is the mention; the places and
  // goods stay mentions of their own.
  for (const Mention& place : *out) {
    if (place.demonym || label_of(place) != "Region" ||
        static_cast<size_t>(place.entity) >= entities_.size() ||
        !absl::StartsWith(text.substr(place.span.end), "的")) {
      continue;
    }
    size_t head_b = place.span.end + 3;
    for (const Mention& k : *out) {  // Goods between: "的氢氧化锂工厂".
      if (k.span.begin == head_b && label_of(k) == "Commodity") head_b = k.span.end;
    }
    const std::pair<std::string, std::string>* head = ZhHeadAt(text, head_b);
    if (head == nullptr || mention_at(head_b, head_b + head->first.size()) != nullptr) continue;
    // Back over the places before it ("马来西亚关丹") to 位于 or 在, after the owner.
    size_t b = place.span.begin;
    for (bool more = true; more;) {
      more = false;
      for (const Mention& k : *out) {
        if (k.span.end == b && !k.demonym &&
            (label_of(k) == "Country" || label_of(k) == "Region")) {
          b = k.span.begin;
          more = true;
        }
      }
    }
    size_t verb = 0;
    for (absl::string_view w : {"位于", "在"}) {
      if (b >= w.size() && text.substr(b - w.size(), w.size()) == w) verb = w.size();
    }
    if (verb == 0) continue;
    int owner = -1;
    for (const Mention& k : *out) {
      if (k.span.end == b - verb && !k.demonym && label_of(k) == "Company") owner = k.entity;
    }
    if (owner < 0 && !(b - verb >= 3 && text.substr(b - verb - 3, 3) == "其")) continue;
    bool inside_found = false;
    const size_t e = head_b + head->first.size();
    for (const Found& f : found) inside_found |= f.begin < e && head_b < f.end;
    if (inside_found) continue;
    // Only a listed site: an unlisted one stays the company's plant, which is what a reader
    // names ("天齐锂业在四川遂宁的碳酸锂工厂年产能为2万吨" is Tianqi's capacity).
    owner_hint = owner;
    const size_t extras = extra->size();
    const std::string& town = entities_[place.entity].name;
    const int entity = make(town, head->second, absl::StrCat(town, " ", head->second), false);
    owner_hint = -1;
    if (extra->size() > extras) extra->resize(extras);
    if (entity >= 0 && static_cast<size_t>(entity) < entities_.size()) {
      found.push_back(Found{head_b, e, entity, -1});
    }
  }
  // "在四川运营冕宁稀土项目", "拥有德兴铜矿": two or three characters of place, the product (a
  // Commodity mention), then a mine or project noun, after a verb of running or owning. Not
  // "该稀土项目", "多个锂矿项目": the place must be no determiner or count.
  static const RE2* kZhProductFacility = new RE2(
      "(?:运营|经营|拥有|旗下|开发|建设|持有)(?:的|了|着)?(\\p{Han}{3,6}?)(项目|矿山|矿区|矿)");
  re2::StringPiece zp[3];
  for (size_t pos = 0; pos < text.size() && kZhProductFacility->Match(
                                                input, pos, text.size(), RE2::UNANCHORED, zp, 3);) {
    const size_t b = static_cast<size_t>(zp[1].data() - text.data());
    const size_t head_b = static_cast<size_t>(zp[2].data() - text.data());
    const size_t e = head_b + zp[2].size();
    pos = e;
    // The product: a Commodity mention ending at the head, after two or three characters.
    const Mention* product = nullptr;
    for (const Mention& k : *out) {
      if (k.span.end == head_b && k.span.begin >= b + 6 && k.span.begin <= b + 9 &&
          label_of(k) == "Commodity") {
        product = &k;
      }
    }
    if (product == nullptr) continue;
    const size_t pb = product->span.begin;
    static constexpr absl::string_view kNotPlace[] = {"该", "这", "那", "其", "此", "多", "一",
                                                       "两", "几", "各", "新", "首", "大", "相关"};
    bool not_place = false;
    for (absl::string_view w : kNotPlace) not_place |= absl::StartsWith(text.substr(b), w);
    if (not_place || mention_at(b, pb) != nullptr) continue;
    bool inside_found = false;
    for (const Found& f : found) inside_found |= f.begin < e && b < f.end;
    if (inside_found) continue;
    const std::string name(text.substr(b, e - b));
    const int entity = ListedOrAdded(name, "Facility", extra);
    found.push_back(Found{b, e, entity, product->entity});
  }
  // A Latin name before a Chinese head noun, with the product or process between: "Las
  // Bambas铜矿", "Kamoa-Kakula铜矿", "Sabi Star锂矿", "Arcadia锂矿项目", "Pomalaa高压酸浸项目",
  // "3Q锂盐湖项目" (digits may open the name, before a capital), "STS11码头" (a port terminal).
  static const RE2* kLatinZhFacility = new RE2(
      "(\\d*\\p{Lu}[\\p{Latin}\\pM\\d'’.-]*(?:[ ]\\p{Lu}[\\p{Latin}\\pM\\d'’.-]*){0,3})(\\p{Han}{0,6}?)"
      "(矿山|矿|项目|冶炼厂|精炼厂|选矿厂|工厂|码头)");
  for (size_t pos = 0; pos < text.size() &&
                       kLatinZhFacility->Match(input, pos, text.size(), RE2::UNANCHORED, g, 4);) {
    const size_t b = static_cast<size_t>(g[1].data() - text.data());
    const size_t mid_b = b + g[1].size();
    const size_t head_b = static_cast<size_t>(g[3].data() - text.data());
    size_t e = head_b + g[3].size();
    pos = e;
    if (b > 0 && (absl::ascii_isalnum(text[b - 1]) || text[b - 1] == '-')) continue;
    // "Kodal矿业": a company word, not a mine (FindZhNames reads the company).
    if (LongerCompanyWordAt(text, head_b, g[3].size())) continue;
    // "Kitumba铜矿项目", "Kisanfu铜钴矿湿法冶炼厂": a further head right after the first (through
    // kinds of process; schema/name_words.txt head_zh, kind_zh) names what the site is, the
    // "Kitumba copper project"; the first with its product describes it. A company word is no
    // head ("铜矿项目公司" stays apart).
    const std::pair<std::string, std::string>* last = nullptr;
    for (bool more = true; more;) {
      more = false;
      size_t k = e;
      for (bool kind = true; kind;) {
        kind = false;
        for (const std::string& w : name_words_.zh_kinds) {
          if (text.substr(k, w.size()) == w) {
            k += w.size();
            kind = true;
            break;
          }
        }
      }
      const auto* h = ZhHeadAt(text, k, 6);
      if (h != nullptr && !LongerCompanyWordAt(text, k, h->first.size())) {
        last = h;
        e = k + h->first.size();
        pos = e;
        more = true;
      }
    }
    // The characters between are a product ("铜", "铜钴") or nothing.
    bool product_only = true;
    int product = -1;
    for (size_t at = mid_b; at < mid_b + g[2].size();) {
      const Mention* c = mention_at(at, at + 1);
      // A kind of deposit between ("Mariana锂盐湖项目"): 盐湖 salt lake, 矿 ore; or a process
      // ("Pomalaa高压酸浸项目" HPAL, "Kolwezi湿法冶炼厂" hydrometallurgical).
      bool kind = false;
      for (absl::string_view w : {"高压酸浸", "湿法", "火法", "盐湖", "湖", "矿", "盐"}) {
        if (c == nullptr && text.substr(at, w.size()) == w && at + w.size() <= mid_b + g[2].size()) {
          at += w.size();
          kind = true;
          break;
        }
      }
      if (kind) continue;
      if (c == nullptr || c->demonym || label_of(*c) != "Commodity") {
        product_only = false;
        break;
      }
      if (product < 0) product = c->entity;
      at = std::max(at + 1, c->span.end);
    }
    // "锂矿项目": an ore word before 项目 is part of the product.
    if (!product_only) continue;
    const Mention* latin = mention_at(b, mid_b);
    int entity = -1;
    if (latin != nullptr) {
      if (label_of(*latin) != "Facility" || latin->span.begin != b || latin->span.end != mid_b) continue;
      entity = latin->entity;
    } else {
      // The English head of schema/name_words.txt `head_zh`; 码头 (terminal) is not one there,
      // where it would make "港口码头" a facility, and is read only after a Latin name here.
      const std::string head(g[3].data(), g[3].size());
      std::string english(name_words_.EnglishHead(head));
      if (english.empty()) english = head == "码头" ? "terminal" : "mine";
      // Listed names to look for, the likeliest first; the first is the name of a new one.
      std::vector<std::string> names;
      if (last != nullptr) {
        if (product >= 0 && static_cast<size_t>(product) < entities_.size()) {
          names.push_back(
              absl::StrCat(g[1].ToString(), " ", entities_[product].name, " ", last->second));
        }
        names.push_back(absl::StrCat(g[1].ToString(), " ", last->second));
      }
      // A name that already ends in its head keeps it once ("Transbulkterminal码头").
      const absl::string_view latin_name(g[1].data(), g[1].size());
      names.push_back(absl::EndsWithIgnoreCase(latin_name, english)
                          ? std::string(latin_name)
                          : absl::StrCat(latin_name, " ", english));
      for (const std::string& n : names) {
        if (entity < 0 || entities_[entity].label != "Facility") entity = Lookup(n);
      }
      if (entity < 0 || entities_[entity].label != "Facility") {
        EntityDef def;
        def.label = "Facility";
        def.name = names.front();
        def.key = absl::StrCat("Facility:", NormalizeName(def.name));
        if (last != nullptr && names.size() == 3) def.aliases.push_back(names[1]);
        def.aliases.push_back(std::string(text.substr(b, e - b)));
        entity = AddExtra(std::move(def), extra);
      }
    }
    bool inside_found = false;
    for (const Found& f : found) inside_found |= f.begin < e && b < f.end;
    if (inside_found) continue;
    found.push_back(Found{b, e, entity, product});
  }
  // A foreign site's Chinese transliteration with its Latin name in brackets, before its head
  // ("巴拉莫（Balamo）石墨矿", the Balamo mine), or before a verb of building or running and the
  // site's description ("在芬兰科特卡（Kotka）建设年产10万吨的负极材料基地", the Kotka hub): the
  // site "<Latin name> <head>", whose mention is the whole name in the first case and the
  // transliteration with its brackets in the second (the figures after it stay readable). The
  // transliteration starts after the last mention or `stop_zh` word before it.
  static const RE2* kZhLatinBracket = new RE2(
      "(\\p{Han}{2,12})[（(](\\p{Lu}[\\p{Latin}\\pM'’.-]*(?:[ ]\\p{Lu}[\\p{Latin}\\pM'’.-]*){0,3}"
      "(?:[ ]\\p{Ll}+){0,2})[）)]");
  static const RE2* kBuildOrRun = new RE2(
      "^(?:的)?(?:计划|拟|将|正在|已)?(?:投资(?:约|逾|超过)?[\\d.,]+(?:亿|万)?(?:美元|欧元|元|人民币|澳元|"
      "加元|英镑|日元|韩元|林吉特)?)?(?:建设|新建|兴建|建造|建立|扩建|运营着?|经营)?(?:一座|一个|一家|了)?"
      "((?:年产(?:能)?(?:约|超过|逾)?[^，。；（）<]{1,18}?的)?)");
  for (size_t pos = 0; pos < text.size() &&
                       kZhLatinBracket->Match(input, pos, text.size(), RE2::UNANCHORED, g, 3);) {
    size_t b = static_cast<size_t>(g[1].data() - text.data());
    const size_t latin_b = static_cast<size_t>(g[2].data() - text.data());
    // (Full-width brackets or ASCII ones, as NFKC leaves them: "西林耶尔维(Siilinjärvi)磷矿".)
    const size_t open_len = text[latin_b - 1] == '(' ? 1 : std::string_view("（").size();
    const size_t close = static_cast<size_t>(g[0].data() - text.data()) + g[0].size();
    pos = close;
    // A Latin name read elsewhere is that entity's, unless it is a region the site is named after
    // ("拟在吉打州（Kedah）投资…建设一座圆柱电池工厂", the Kedah plant).
    // (A good's word inside it is no such name: "（Huafei Nickel Cobalt）".)
    const Mention* named = nullptr;
    for (const Mention& k : *out) {
      if (k.span.begin < latin_b + g[2].size() && latin_b < k.span.end &&
          (k.demonym || label_of(k) != "Commodity" || k.span.begin == latin_b)) {
        named = &k;
        break;
      }
    }
    if (named != nullptr && (named->demonym || label_of(*named) != "Region")) continue;
    // (A good inside the transliteration is part of it: "华飞镍钴（Huafei Nickel Cobalt）项目".)
    for (const Mention& k : *out) {
      const bool inner_good = !k.demonym && label_of(k) == "Commodity" && k.span.begin > b &&
                              k.span.begin >= 3 && k.span.begin <= latin_b &&
                              HanAt(text, k.span.begin - 3);
      if (k.span.end > b && k.span.end < latin_b && !inner_good) b = k.span.end;
    }
    for (size_t at = b; at < latin_b;) {
      size_t stop = 0;
      for (const std::string& w : name_words_.zh_stops) {
        if (text.substr(at, w.size()) == w && at + w.size() < latin_b) stop = std::max(stop, w.size());
      }
      if (stop > 0) {
        b = at + stop;
        at += stop;
      } else {
        at += 3;  // One Han character (three bytes in UTF-8).
      }
    }
    if (latin_b - b < 2 * 3 + open_len) continue;  // Two characters at least.
    // A Chinese name with its own head, then the Latin name with its own ("萨拉戈萨电池厂（Zaragoza
    // plant）"): the site of the Latin name, the Chinese one its alias.
    {
      const std::string latin(g[2].data(), g[2].size());
      const absl::string_view zh_name = text.substr(b, latin_b - open_len - b);
      bool zh_head = false;
      for (const auto& zh : name_words_.zh_heads) zh_head |= absl::EndsWith(zh_name, zh.first);
      if (zh_head && latin.find(' ') != std::string::npos && !FacilityHead(latin).empty()) {
        int entity = Lookup(latin);
        bool inside_found = false;
        for (const Found& f : found) inside_found |= f.begin < close && b < f.end;
        if (inside_found || (entity >= 0 && entities_[entity].label != "Facility")) continue;
        if (entity < 0) {
          EntityDef def;
          def.label = "Facility";
          def.name = latin;
          def.key = absl::StrCat("Facility:", NormalizeName(def.name));
          def.aliases.push_back(std::string(zh_name));
          entity = AddExtra(std::move(def), extra);
        }
        found.push_back(Found{b, close, entity, -1});
        continue;
      }
    }
    // Directly before the head, through the product ("石墨矿"); or after a verb and a description.
    size_t at = close;
    size_t span_e = 0;
    int product = -1;
    re2::StringPiece rest(text.data() + close, text.size() - close);
    if (RE2::Consume(&rest, *kBuildOrRun)) at = static_cast<size_t>(rest.data() - text.data());
    const bool direct = at == close;
    const std::pair<std::string, std::string>* head = nullptr;
    for (int guard = 0; guard < 6 && at < text.size() && head == nullptr; ++guard) {
      // A kind longer than the head there is read first: 矿砂 ("mineral sands") in "矿砂项目".
      size_t kind = 0;
      for (const std::vector<std::string>* words : {&name_words_.zh_kinds, &name_words_.zh_descriptors}) {
        for (const std::string& w : *words) {
          if (text.substr(at, w.size()) == w) kind = std::max(kind, w.size());
        }
      }
      head = ZhHeadAt(text, at);
      if (head != nullptr && head->first.size() >= kind) break;
      head = nullptr;
      const Mention* c = mention_at(at, at + 1);
      if (c != nullptr && !c->demonym && label_of(*c) == "Commodity" && c->span.begin == at) {
        if (product < 0) product = c->entity;
        at = c->span.end;
        // A good whose name ends in a head names the site's goods and head at once:
        // "西林耶尔维（Siilinjärvi）磷矿", phosphate rock and 矿 (not a concentrate, 锂精矿).
        const absl::string_view good = text.substr(c->span.begin, c->span.end - c->span.begin);
        if (!absl::EndsWith(good, "精矿") &&
            (at >= text.size() || ZhHeadAt(text, at) == nullptr)) {
          for (const auto& zh : name_words_.zh_heads) {  // Longest first.
            if (good.size() > zh.first.size() && absl::EndsWith(good, zh.first) &&
                ZhHeadAt(text, at - zh.first.size()) == &zh) {
              at -= zh.first.size();
              head = &zh;
              break;
            }
          }
          if (head != nullptr) break;
        }
        continue;
      }
      if (kind == 0) break;
      at += kind;
    }
    if (head == nullptr || LongerCompanyWordAt(text, at, head->first.size())) continue;
    span_e = direct ? at + head->first.size() : close;
    const std::string latin(g[2].data(), g[2].size());
    // Listed under this name, or under its owner's (the last company before it in the text).
    int entity = Lookup(absl::StrCat(latin, " ", head->second));
    if (entity < 0 || entities_[entity].label != "Facility") entity = ListedFacilityLike(latin, head->second);
    for (const Mention& k : *out) {
      if (k.span.end > b || k.demonym || k.entity < 0 ||
          static_cast<size_t>(k.entity) >= entities_.size() || entities_[k.entity].label != "Company" ||
          (entity >= 0 && entities_[entity].label == "Facility")) {
        continue;
      }
      const int owned = Lookup(absl::StrCat(entities_[k.entity].name, " ", latin, " ", head->second));
      if (owned >= 0 && entities_[owned].label == "Facility") entity = owned;
    }
    bool inside_found = false;
    for (const Found& f : found) inside_found |= f.begin < span_e && b < f.end;
    if (inside_found) continue;
    if (entity < 0 || static_cast<size_t>(entity) >= entities_.size() ||
        entities_[entity].label != "Facility") {
      EntityDef def;
      def.label = "Facility";
      def.name = absl::StrCat(latin, " ", head->second);
      def.key = absl::StrCat("Facility:", NormalizeName(def.name));
      // Its Chinese name: the transliteration and the head ("科特卡基地").
      def.aliases.push_back(
          absl::StrCat(text.substr(b, latin_b - open_len - b), head->first));
      // A production base (基地, "hub") is a plant too.
      if (head->second == "hub") def.aliases.push_back(absl::StrCat(latin, " plant"));
      entity = AddExtra(std::move(def), extra);
    }
    // A listed site of another name keeps the name this text gives it ("Thuringia plant" for
    // the listed "CATL Thuringia plant").
    found.push_back(Found{b, span_e, entity, product,
                          static_cast<size_t>(entity) < entities_.size()
                              ? absl::StrCat(latin, " ", head->second)
                              : std::string()});
  }
  for (const Join& j : joins) {
    if (j.index >= found.size()) continue;
    const int before = facility_ending_at(j.before, &found[j.index]).value_or(-1);
    if (before >= 0) {
      found[j.index].entity = before;
      continue;
    }
    if (!j.create) continue;
    // No facility before "in"/"at": the name is the facility's, as after any other word.
    int named = -1;
    for (const Found& f : found) {
      if (f.begin < j.name_e && j.name_b < f.end) named = f.entity;
    }
    if (named < 0) {
      const int described = found[j.index].entity;
      EntityDef def;
      def.label = "Facility";
      def.name = std::string(text.substr(j.name_b, j.name_e - j.name_b));
      def.key = absl::StrCat("Facility:", NormalizeName(def.name));
      if (described >= 0 && static_cast<size_t>(described) >= entities_.size()) {
        def.aliases.push_back((*extra)[described - entities_.size()].name);
      }
      named = AddExtra(std::move(def), extra);
      found.push_back(Found{j.name_b, j.name_e, named, j.product});
    }
    found[j.index].entity = named;
  }
  if (found.empty()) return;
  std::vector<Mention> kept;
  for (const Mention& k : *out) {
    bool covered = false;
    for (const Found& f : found) covered |= k.span.begin < f.end && f.begin < k.span.end;
    if (!covered) kept.push_back(k);
  }
  for (const Found& f : found) {
    Mention mention{Span{f.begin, f.end}, f.entity};
    mention.product = f.product;
    // A listed site found by a description keeps the name the text gives it ("Debrecen plant"
    // for "its plant in Debrecen", listed as "EcoPro Debrecen plant").
    if (!f.named_as.empty() && static_cast<size_t>(f.entity) < entities_.size() &&
        NormalizeName(f.named_as) != NormalizeName(entities_[f.entity].name)) {
      mention.named_as = f.named_as;
    }
    kept.push_back(mention);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  *out = std::move(kept);
}

std::vector<Mention> Gazetteer::Find(absl::string_view text, std::vector<EntityDef>* extra,
                                     bool facilities) const {
  std::vector<Mention> out;
  const Shadow shadow = MakeShadow(text);
  const size_t n = shadow.text.size();
  size_t i = 0;
  while (i < n) {
    if (IsSpace(shadow, i) || !CanStart(shadow, i)) {
      ++i;
      continue;
    }
    // Where a key that starts at `at` ends, shortest first (at most kMaxEnds); a piece that starts
    // no key ends the search.
    constexpr size_t kMaxEnds = 16;
    auto key_ends = [&](size_t at, size_t* out_ends) {
      const size_t limit = std::min(n, at + max_key_bytes_);
      size_t count = 0;
      for (size_t end = at + 1; end <= limit && count < kMaxEnds; ++end) {
        if (!CanEnd(shadow, end)) continue;
        const absl::string_view piece = absl::string_view(shadow.text).substr(at, end - at);
        if (!prefixes_.contains(piece)) break;
        if (keys_.contains(piece)) out_ends[count++] = end;
      }
      return count;
    };
    size_t ends[kMaxEnds];
    size_t num_ends = key_ends(i, ends);
    // "其中国家集成电路产业投资基金二期": a country's Chinese name whose last character opens a
    // longer key is no country there ("中国" of 其中 + 国家…).
    if (num_ends > 0 && HanAt(text, shadow.src_begin[i])) {
      const size_t end = ends[num_ends - 1];
      auto it = keys_.find(absl::string_view(shadow.text).substr(i, end - i));
      const bool country = std::all_of(it->second.begin(), it->second.end(), [&](const Surface& s) {
        return entities_[s.entity].label == "Country";
      });
      // Nor one whose 国 is the first character of 国际 ("科罗曼德国际", Coromandel International).
      if (country && absl::StartsWith(text.substr(shadow.src_end[end - 1]), "际")) num_ends = 0;
      for (size_t at = i + 1; country && num_ends > 0 && at < end; ++at) {
        if (!CanStart(shadow, at)) continue;
        size_t inner[kMaxEnds];
        const size_t num_inner = key_ends(at, inner);
        if (num_inner > 0 && inner[num_inner - 1] > end && inner[num_inner - 1] - at > end - i) {
          num_ends = 0;
          break;
        }
      }
    }
    bool found = false;
    // The longest key whose surface fits wins.
    for (size_t k = num_ends; k-- > 0 && !found;) {
      const size_t end = ends[k];
      auto it = keys_.find(absl::string_view(shadow.text).substr(i, end - i));
      const size_t b = shadow.src_begin[i];
      size_t e = shadow.src_end[end - 1];
      // An abbreviation keeps its final dot: "U.S." rather than "U.S", and "Mitsui & Co." (a
      // legal-form abbreviation) unless the dot ends the text.
      static const RE2* kAbbreviationEnd =
          new RE2("[ ](?:Co|Corp|Inc|Ltd|Bros|Cie|Pty|Pte|Bhd)$");
      if (e < text.size() && text[e] == '.' &&
          (text.substr(b, e - b).find('.') != absl::string_view::npos ||
           (e + 1 < text.size() &&
            RE2::PartialMatch(re2::StringPiece(text.data() + b, e - b), *kAbbreviationEnd)))) {
        ++e;
      }
      // "刚果(金)", "刚果（金）": a bracket the name opened is closed inside it.
      {
        const absl::string_view surface = text.substr(b, e - b);
        const bool open_ascii = surface.find('(') != absl::string_view::npos &&
                                surface.find(')') == absl::string_view::npos;
        const bool open_wide = surface.find("（") != absl::string_view::npos &&
                               surface.find("）") == absl::string_view::npos;
        const absl::string_view rest = text.substr(e);
        if (open_ascii && absl::StartsWith(rest, ")")) {
          e += 1;
        } else if (open_wide && absl::StartsWith(rest, "）")) {
          e += std::string_view("）").size();
        }
      }
      // "the Weda Bay nickel operation": a company's name whose last word is written in lower
      // case before a facility head is a place, a commodity and the head, not the company
      // (PT Weda Bay Nickel); a shorter key may still match.
      const absl::string_view surface = text.substr(b, e - b);
      const size_t last_space = surface.rfind(' ');
      const bool lower_tail = last_space != absl::string_view::npos &&
                              absl::ascii_islower(surface[last_space + 1]) &&
                              head_after_re_ != nullptr &&
                              RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e),
                                                *head_after_re_);
      for (const Surface& s : it->second) {
        if (!s.exact.empty() && WithoutDots(text.substr(b, e - b)) != s.exact) continue;
        if (lower_tail && entities_[s.entity].label == "Company") continue;
        Mention m{Span{b, e}, s.entity};
        if (demonym_country_[s.entity] >= 0) {
          m.entity = demonym_country_[s.entity];
          m.demonym = true;
        }
        out.push_back(m);
        found = true;
        i = end;
        break;
      }
    }
    if (!found) ++i;
  }

  // An alias that is a common word ("lead") names its commodity only in the trade's context:
  // after a quantity's "of", joined to another commodity, or before a word of the trade.
  if (!name_words_.ambiguous.empty()) {
    static const RE2* kQuantityOf = new RE2(
        "(?:\\d|\\b(?:tonnes?|tons?|t|kt|Mt|mt|ounces?|oz|pounds?|lbs?|kg|kilograms?|grams?|barrels?))"
        "(?:[ ](?:a|per)[ ](?:year|annum|day|month))?[ ]of[ ](?:refined[ ]|primary[ ]|mined[ ]|"
        // A people's or a place's word between: "barrels of Russian crude".
        "\\p{Lu}[\\pL.]+[ ])?$");
    static const RE2* kTradeAfter = new RE2(
        "^[ ](?:concentrates?|smelters?|smelting|refinery|refineries|refining|ingots?|bullion|"
        "output|production|producers?|prices?|metal|mines?|mining|ore|reserves|deposits?|"
        "batteries|battery|alloys?|capacity|plants?|works|makers?|mills?|exports?|imports?)\\b");
    static const RE2* kJoiner = new RE2("^(?:,[ ]|[ ]and[ ]|,[ ]and[ ]|[ ]or[ ]|/|-)$");
    auto is_commodity = [&](const Mention& m) {
      return !m.demonym && static_cast<size_t>(m.entity) < entities_.size() &&
             entities_[m.entity].label == "Commodity";
    };
    std::vector<bool> keep(out.size(), true);
    for (size_t k = 0; k < out.size(); ++k) {
      const Mention& m = out[k];
      const absl::string_view surface = text.substr(m.span.begin, m.span.end - m.span.begin);
      if (!is_commodity(m) ||
          std::none_of(name_words_.ambiguous.begin(), name_words_.ambiguous.end(),
                       [&](const std::string& w) { return absl::EqualsIgnoreCase(surface, w); })) {
        continue;
      }
      auto joined = [&](size_t a, size_t b) {  // Mentions a then b, a joiner between them.
        if (out[a].span.end > out[b].span.begin) return false;
        const absl::string_view between =
            text.substr(out[a].span.end, out[b].span.begin - out[a].span.end);
        return RE2::FullMatch(re2::StringPiece(between.data(), between.size()), *kJoiner);
      };
      bool context =
          RE2::PartialMatch(re2::StringPiece(text.data(), m.span.begin), *kQuantityOf) ||
          RE2::PartialMatch(re2::StringPiece(text.data() + m.span.end, text.size() - m.span.end),
                            *kTradeAfter);
      for (size_t o = 0; o < out.size() && !context; ++o) {
        if (o == k || !is_commodity(out[o])) continue;
        context = o < k ? joined(o, k) : joined(k, o);
      }
      // A word before another good qualifies it: "40,000 tonnes of crude tin" is tin.
      for (size_t o = 0; o < out.size() && context; ++o) {
        context = !(is_commodity(out[o]) && out[o].span.begin == m.span.end + 1 &&
                    text[m.span.end] == ' ');
      }
      keep[k] = context;
    }
    size_t w = 0;
    for (size_t k = 0; k < out.size(); ++k) {
      if (keep[k]) out[w++] = std::move(out[k]);
    }
    out.resize(w);
  }
  // The tail of a joined Chinese transliteration is no name of its own: "考查里-奥拉罗斯（Cauchari-Olaroz）"
  // is not the listed 奥拉罗斯 (Olaroz).
  std::erase_if(out, [&](const Mention& m) {
    const size_t b = m.span.begin;
    const size_t joiner = b >= 1 && text[b - 1] == '-' ? 1 : b >= 2 && text.substr(b - 2, 2) == "·" ? 2 : 0;
    return joiner > 0 && HanAt(text, b) && b >= joiner + 3 &&
           HanAt(text, b - joiner - 3);
  });
  // "the La Negra plant near Antofagasta", "north-east of Kalgoorlie": a company's name right
  // after "near" or a compass direction's "of" is the town it is named after, not the company
  // (unless it possesses what follows: "near Lynas' plant").
  {
    static const RE2* kNearBefore = new RE2(
        "(?i)\\b(?:near|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?[ ]of|outskirts[ ]of)"
        "[ ]$");
    std::erase_if(out, [&](const Mention& m) {
      if (m.demonym || entities_[m.entity].label != "Company") return false;
      const absl::string_view after = text.substr(m.span.end);
      if (absl::StartsWith(after, "'") || absl::StartsWith(after, "’")) return false;
      return RE2::PartialMatch(re2::StringPiece(text.data(), m.span.begin), *kNearBefore);
    });
  }
  // "through the port of Walvis Bay", "at the port of Beira": a port named by its town is a site,
  // the "Port of …" (or the listed port of that town); the town's words are no other mention. Not
  // a country ("the port of Singapore" stays the country's), nor a destination ("trucks the
  // concentrate to the port of Matarani and ships it to China": the port would stand as the
  // subject of what the company does next).
  if (extra != nullptr && facilities) {
    static const RE2* kPortOf = new RE2(
        "\\b[Tt]he[ ]((?:[Pp]ort|[Hh]arbou?r)[ ]of[ ](\\p{Lu}[\\p{L}\\pM'’-]*(?:[ ](?:(?:es|al|el)[ ]|"
        KG_NAME_PARTICLE ")?\\p{Lu}[\\p{L}\\pM'’-]*){0,3}))");
    re2::StringPiece in(text.data(), text.size());
    re2::StringPiece whole, town;
    std::vector<Mention> ports;
    while (RE2::FindAndConsume(&in, *kPortOf, &whole, &town)) {
      const size_t b = static_cast<size_t>(whole.data() - text.data());
      const size_t e = b + whole.size();
      static const RE2* kDestination = new RE2("\\b(?:to|into|towards?)[ ]the[ ]$");
      bool blocked = RE2::PartialMatch(re2::StringPiece(text.data(), b), *kDestination);
      for (const Mention& m : out) {
        if (m.span.end <= b || m.span.begin >= e) continue;
        if (!m.demonym && static_cast<size_t>(m.entity) >= entities_.size()) {
          blocked = true;
          continue;
        }
        const std::string& label = m.demonym ? "Country" : entities_[m.entity].label;
        blocked |= label != "Region" && label != "Country";
        blocked |= label == "Country" && m.span.begin == static_cast<size_t>(town.data() - text.data()) &&
                   m.span.end == e;
      }
      if (blocked) continue;
      const std::string name = absl::StrCat("Port of ", absl::string_view(town.data(), town.size()));
      int entity = Lookup(name);
      if (entity < 0) entity = Lookup(absl::StrCat(absl::string_view(town.data(), town.size()), " port"));
      if (entity < 0 || entities_[entity].label != "Facility") entity = ListedOrAdded(name, "Facility", extra);
      ports.push_back(Mention{Span{b, e}, entity});
    }
    ReplaceOverlapping(ports, &out);
  }
  if (extra != nullptr && facilities) FindFacilities(text, &out, extra);

  // A legal form after a listed company is part of its mention, not a new name ("Boliden AB",
  // "Norsk Hydro ASA", "Umicore NV", "Jinchuan … Co. Ltd").
  {
    for (Mention& k : out) {
      if (k.demonym || static_cast<size_t>(k.entity) >= entities_.size() ||
          entities_[k.entity].label != "Company") {
        continue;
      }
      const size_t len = LegalFormLength(text, k.span.end);
      bool taken = false;
      for (const Mention& o : out) taken |= &o != &k && o.span.begin < k.span.end + len && k.span.end <= o.span.begin;
      if (len > 0 && !taken) k.span.end += len;
    }
  }
  // "tin concentrate", "nickel matte", "copper anodes": a listed commodity with a word for its
  // form after it is that form, a commodity of its own (what the text trades), unless the
  // gazetteer lists the compound itself (then the longer match has read it already). Not an
  // oxide ("6% lithium oxide" is a grade) and not "refined gallium" (the metal itself).
  if (extra != nullptr) {
    static const RE2* kFormAfter = new RE2(
        "^ (concentrates?|ores?|matte|anodes?|ingots?|powders?|electrolyte|alloys?)\\b");
    for (Mention& k : out) {
      if (k.demonym || k.guessed || static_cast<size_t>(k.entity) >= entities_.size() ||
          entities_[k.entity].label != "Commodity" ||
          static_cast<unsigned char>(text[k.span.begin]) >= 0x80) {
        continue;
      }
      re2::StringPiece form;
      const size_t b = k.span.begin;
      if (!RE2::PartialMatch(re2::StringPiece(text.data() + k.span.end, text.size() - k.span.end),
                             *kFormAfter, &form)) {
        continue;
      }
      // Only a commodity written by its own name: one read through an alias ("refined copper",
      // copper cathode's) stays what the gazetteer says.
      const std::string surface(text.substr(k.span.begin, k.span.end - k.span.begin));
      if (NormalizeName(surface) != NormalizeName(entities_[k.entity].name)) continue;
      const size_t e = k.span.end + 1 + form.size();
      // One form, singular: "tin concentrates" is the commodity "tin concentrate".
      std::string word(form.data(), form.size());
      if (absl::EndsWith(word, "s")) word.pop_back();
      const std::string name = absl::StrCat(entities_[k.entity].name, " ", word);
      bool taken = false;
      for (const Mention& o : out) taken |= &o != &k && o.span.begin < e && b < o.span.end;
      if (taken) continue;
      k.entity = ListedOrAdded(name, "Commodity", extra);
      k.span = Span{b, e};
    }
  }
  // "Hombre Muerto West", "Kisanfu North": a listed facility's name and a compass word name
  // another facility beside it (not before a possessive or another capitalized word).
  if (extra != nullptr) {
    static const RE2* kCompassAfter = new RE2("^[ ]([A-Z][a-z]+)(?:$|[ ,.;:)])");
    for (Mention& k : out) {
      if (k.demonym || static_cast<size_t>(k.entity) >= entities_.size() ||
          entities_[k.entity].label != "Facility") {
        continue;
      }
      re2::StringPiece word;
      if (!RE2::PartialMatch(re2::StringPiece(text.data() + k.span.end, text.size() - k.span.end),
                             *kCompassAfter, &word) ||
          !IsSideWord(absl::string_view(word.data(), word.size()))) {
        continue;
      }
      const size_t end = k.span.end + 1 + word.size();
      if (end < text.size() - 1 && text[end] == ' ' && absl::ascii_isupper(text[end + 1])) continue;
      bool taken = false;
      for (const Mention& o : out) taken |= &o != &k && o.span.begin < end && k.span.end < o.span.end;
      if (taken) continue;
      const std::string name(text.substr(k.span.begin, end - k.span.begin));
      k.entity = ListedOrAdded(name, "Facility", extra);
      k.span.end = end;
    }
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
      // "Vancouver-based Power Metals", "Perth-listed Liontown Resources".
      if (const size_t sp = name.find(' ');
          sp != absl::string_view::npos && IsPlaceParticiple(name.substr(0, sp))) {
        name.remove_prefix(sp + 1);
        b += sp + 1;
      }
      if (name.find(' ') == absl::string_view::npos) continue;  // The suffix alone.
      // A listed company's name before "&" ("Jiangxi Special Electric Motor & Materials"): its
      // fuller name, which the trade words below join to it.
      bool listed_before_amp = false;
      for (const Mention& k : out) {
        listed_before_amp |= k.span.begin == b && !k.demonym && k.entity >= 0 &&
                             static_cast<size_t>(k.entity) < entities_.size() &&
                             entities_[k.entity].label == "Company" &&
                             text.substr(k.span.end, 3) == " & ";
      }
      if (listed_before_amp) continue;
      // "the Critical Raw Materials Act", "Strategic Raw Materials Projects": the name of a law
      // or a programme, not of a company.
      static const RE2* kLawAfter = new RE2(
          "^[ ](?:Act|Acts|Law|Laws|Regulation|Directive|Programme|Program|Initiative|Strategy|"
          "Projects|Project|Alliance|Partnership|Platform|Week|Conference|Summit|Index|Association|"
          "Council|Federation|Institute|Society|Forum|Committee|Chamber)\\b");
      if (RE2::PartialMatch(re2::StringPiece(text.data() + b + name.size(),
                                             text.size() - b - name.size()),
                            *kLawAfter)) {
        continue;
      }
      // "Vulcan Energy Resources" beats the listed "Vulcan" it starts with; any other
      // overlap keeps the listed name.
      size_t name_end = b + name.size();
      // "PT Halmahera Persada Lygend": a name opened by a corporate prefix is one name, even
      // around a listed one ("Lygend").
      const bool prefixed =
          company_prefix_re_ != nullptr &&
          company_prefix_re_->Match(input, b, name_end, RE2::ANCHOR_BOTH, nullptr, 0);
      auto inside = [&](const Mention& k) {
        return prefixed && k.span.begin >= b && k.span.end <= name_end &&
               !(k.span.begin == b && k.span.end == name_end);
      };
      bool overlaps = false, extends = false, swallows = false, inner_company = false;
      // "Singapore's Winning International Group": a listed name and a possessive open the
      // phrase, not the name; the name starts after them.
      size_t possessor_end = 0;
      for (const Mention& k : out) {
        if (k.span.begin != b || k.span.end >= name_end || k.demonym) continue;
        if (const size_t mark = internal::PossessiveLength(
                std::string_view(text.data(), text.size()), k.span.end);
            mark > 0) {
          possessor_end = k.span.end + mark;
        }
      }
      if (possessor_end > 0 && possessor_end < name_end) {
        b = possessor_end;
        // The possessor took some of the words the name may have ("China's State Nuclear
        // Uranium Resources Development Company"): read the name again from its own start.
        re2::StringPiece again;
        if (re.Match(input, b, text.size(), RE2::ANCHOR_START, &again, 1) &&
            b + again.size() > name_end) {
          name_end = b + again.size();
          pos = std::max(pos, name_end);
        }
        name = text.substr(b, name_end - b);
        if (name.find(' ') == absl::string_view::npos) continue;
      }
      // The name opens with a country or a region ("China Salt Lake Industry Group").
      bool place_first = false;
      for (const Mention& k : out) {
        place_first |=
            k.span.begin == b && k.span.end < name_end && !k.demonym && IsPlace(k.entity);
      }
      for (const Mention& k : out) {
        if (!(k.span.begin < name_end && b < k.span.end)) continue;
        if (inside(k)) {
          extends = true;
          continue;
        }
        // A capitalized commodity inside the name is part of it ("Toyotsu Rare Earths"), also
        // at its start ("Lithium Energy Ltd").
        if (k.span.begin >= b && k.span.end <= name_end &&
            !(k.span.begin == b && k.span.end == name_end) && !k.demonym &&
            static_cast<size_t>(k.entity) < entities_.size() &&
            entities_[k.entity].label == "Commodity" && absl::ascii_isupper(text[k.span.begin])) {
          swallows = true;
          continue;
        }
        if (k.span.begin == b && k.span.end < name_end && !k.demonym &&
            static_cast<size_t>(k.entity) < entities_.size() &&
            (entities_[k.entity].label == "Company" || entities_[k.entity].label == "Country" ||
             entities_[k.entity].label == "Region" || entities_[k.entity].label == "Facility")) {
          // "Nevada Lithium Resources"; a company named after its site, "Kisanfu Mining".
          extends = true;
        } else if (k.span.begin > b && k.span.end < name_end && !k.demonym &&
                   static_cast<size_t>(k.entity) < entities_.size() &&
                   (entities_[k.entity].label == "Country" ||
                    entities_[k.entity].label == "Region" ||
                    entities_[k.entity].label == "Facility" ||
                    (entities_[k.entity].label == "Government" &&
                     text.substr(k.span.begin, k.span.end - k.span.begin).find(' ') ==
                         absl::string_view::npos))) {
          // A country inside the name: "Almonty Korea Tungsten Corp."; a site, the local
          // company named after it: "Alphamin Bisie Mining"; a capital standing for its
          // government elsewhere: "SNURDC Astana Mining Company".
          extends = true;
        } else if (k.span.begin > b && k.span.end < name_end && !k.demonym &&
                   static_cast<size_t>(k.entity) < entities_.size() &&
                   entities_[k.entity].label == "Company" && place_first) {
          // A company's name between a country and a legal form: another company, named after
          // it ("China Salt Lake Industry Group", not Qinghai Salt Lake Industry).
          extends = true;
          inner_company = true;
        } else {
          overlaps = true;
        }
      }
      if (overlaps) continue;
      // "Toyotsu Rare Earths India, which …": a country right after the suffix, ending the
      // noun phrase, names the company's national unit.
      size_t country_end = 0;
      for (const Mention& k : out) {
        if (k.span.begin != name_end + 1 || text[name_end] != ' ' || k.demonym ||
            static_cast<size_t>(k.entity) >= entities_.size() ||
            entities_[k.entity].label != "Country") {
          continue;
        }
        const absl::string_view after = text.substr(k.span.end);
        // Or a verb after it ("Toyotsu Rare Earths India refines …"), not a facility head ("…
        // Malaysia plant").
        const bool verb_after =
            after.size() > 1 && after[0] == ' ' && absl::ascii_islower(after[1]) &&
            head_after_re_ != nullptr &&
            !RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *head_after_re_);
        if (after.empty() || after[0] == ',' || after[0] == ';' || after[0] == ')' ||
            (after[0] == '.' && (after.size() == 1 || after[1] == ' ')) || verb_after) {
          country_end = k.span.end;
        }
      }
      // "General Nickel Company of Cuba": a company named after its country.
      static constexpr absl::string_view kOf = " of ";
      if (country_end == 0 && text.substr(name_end, kOf.size()) == kOf &&
          (absl::EndsWith(name, "Company") || absl::EndsWith(name, "Corporation"))) {
        for (const Mention& k : out) {
          if (k.span.begin == name_end + kOf.size() && !k.demonym &&
              static_cast<size_t>(k.entity) < entities_.size() &&
              entities_[k.entity].label == "Country") {
            country_end = k.span.end;
          }
        }
        if (country_end > 0) {
          std::erase_if(out, [&](const Mention& k) {
            return k.span.begin == name_end + kOf.size() && k.span.end == country_end;
          });
          name = text.substr(b, country_end - b);
        }
      }
      if (country_end > 0) {
        std::erase_if(out, [&](const Mention& k) {
          return k.span.begin == name_end + 1 && k.span.end == country_end;
        });
        name = text.substr(b, country_end - b);
      }
      if (extends) {
        std::erase_if(out, [&](const Mention& k) {
          return (k.span.begin == b && k.span.end < name_end) || inside(k) ||
                 (inner_company && k.span.begin > b && k.span.end < name_end);
        });
      }
      if (swallows) {
        std::erase_if(out, [&](const Mention& k) {
          return k.span.begin >= b && k.span.end <= name_end &&
                 !(k.span.begin == b && k.span.end == name_end) && !k.demonym &&
                 static_cast<size_t>(k.entity) < entities_.size() &&
                 entities_[k.entity].label == "Commodity";
        });
      }
      std::string canonical(absl::StripSuffix(name, "."));
      // A longer spelling the gazetteer lists ("United States Antimony Corp." for "United
      // States Antimony") is that entity.
      for (absl::string_view spelling : {name, absl::string_view(canonical)}) {
        const int listed = Lookup(spelling);
        if (listed >= 0 && entities_[listed].label == "Company") {
          found.push_back(Mention{Span{b, b + name.size()}, listed});
          break;
        }
      }
      if (!found.empty() && found.back().span.begin == b) continue;
      EntityDef def;
      def.label = "Company";
      def.name = canonical;
      def.key = absl::StrCat("Company:", NormalizeName(canonical));
      // The span keeps an abbreviation's dot ("Paulson & Co."); the name does not.
      found.push_back(Mention{Span{b, b + name.size()}, AddExtra(std::move(def), extra)});
    }
    if (!found.empty()) {
      out.insert(out.end(), found.begin(), found.end());
      std::sort(out.begin(), out.end(),
                [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
    }
  }
  // Chinese company names that begin with their country: "韩国矿业公司", "日本住友金属矿山公司".
  // Two to six characters between country and suffix, none of them a particle ("中国的公司",
  // "美国公司" are no names), nor a kind of company ("加拿大上市公司Neo Lithium": a Canadian
  // listed company, described before its name).
  if (extra != nullptr) {
    static const RE2* kZhCompany = new RE2("^(\\p{Han}{2,6}?(?:公司|集团))");
    static const RE2* kParticle = new RE2("[的和与及在是对向从将为了等]");
    static const RE2* kKindOfCompany = new RE2(
        "^(?:上市|合资|控股|国有|国营|民营|私营|跨国|外资|本土|初创|子|母|分)(?:公司|集团)$");
    for (Mention& k : out) {
      if (k.demonym || static_cast<size_t>(k.entity) >= entities_.size() ||
          entities_[k.entity].label != "Country" ||
          static_cast<unsigned char>(text[k.span.begin]) < 0x80) {
        continue;
      }
      re2::StringPiece rest(text.data() + k.span.end, text.size() - k.span.end);
      re2::StringPiece tail;
      if (!RE2::PartialMatch(rest, *kZhCompany, &tail) || RE2::PartialMatch(tail, *kParticle) ||
          RE2::FullMatch(tail, *kKindOfCompany)) {
        continue;
      }
      const size_t end = k.span.end + tail.size();
      bool overlaps = false;
      for (const Mention& o : out) overlaps |= &o != &k && o.span.begin < end && k.span.end < o.span.end;
      if (overlaps) continue;
      const std::string name(text.substr(k.span.begin, end - k.span.begin));
      EntityDef def;
      def.label = "Company";
      def.name = name;
      def.key = absl::StrCat("Company:", NormalizeName(name));
      k.entity = AddExtra(std::move(def), extra);
      k.span.end = end;
    }
  }
  // A listed company's name followed by a capitalized word that is no other name, no title,
  // no sentence word, is the start of a longer name the gazetteer does not list: "Hyundai
  // Mobis" is not Hyundai Motor, "Anglo American Sur" not Anglo American. The listed mention
  // is dropped so that the whole run is read as an unlisted name.
  if (extra != nullptr && facilities) {
    // (An apostrophe may join its parts: "Ma'aden Wa'ad Al Shamal Phosphate Company"; a word may
    // have a second capital: "OCI TerraSus".)
    static const RE2* kNextWord =
        new RE2("^[ ](\\p{Lu}[\\p{Ll}\\pM]+(?:['’]\\p{Ll}+|\\p{Lu}[\\p{Ll}\\pM]+)?)(?:$|[^\\pL\\d'’-])");
    std::vector<Mention> kept;
    kept.reserve(out.size());
    for (const Mention& k : out) {
      re2::StringPiece word;
      const bool company = !k.demonym && static_cast<size_t>(k.entity) < entities_.size() &&
                           entities_[k.entity].label == "Company";
      // Only a short listed name (one or two words) is taken for the start of a longer one;
      // "Lynas Rare Earths Hancock …" is two names side by side.
      const absl::string_view surface = text.substr(k.span.begin, k.span.end - k.span.begin);
      const bool short_name = std::count(surface.begin(), surface.end(), ' ') <= 1;
      if (company && short_name &&
          RE2::PartialMatch(re2::StringPiece(text.data() + k.span.end, text.size() - k.span.end),
                            *kNextWord, &word)) {
        const std::string w(word.data(), word.size());
        const size_t wb = static_cast<size_t>(word.data() - text.data());
        bool other = false;  // The word begins another mention (a country, a commodity, …).
        for (const Mention& o : out) other |= o.span.begin == wb;
        if (!other && !name_words_.stops.contains(w) && !name_words_.titles.contains(w) &&
            !name_words_.titles.contains(absl::AsciiStrToLower(w)) &&
            !suffix_first_words_.contains(w)) {
          continue;
        }
      }
      kept.push_back(k);
    }
    out.swap(kept);
  }
  if (extra != nullptr && facilities) {
    FindGuessedNames(text, &out, extra);
    JoinTradeWords(text, &out, extra);
    JoinInitialedNames(text, &out, extra);
    // "Siemens Gamesa Renewable Energy S.A.", "Geomet s.r.o.": a legal form after a company's
    // name, listed or not, is part of its mention, even when it was read as a name of its own
    // ("S.A"); capitalized words read as a new name right after a listed company and closed by a
    // legal form are the rest of that company's full name.
    for (size_t i = 0; i < out.size(); ++i) {
      Mention& a = out[i];
      if (a.demonym || a.entity < 0 || LabelOf(a, *extra) != "Company") continue;
      Mention* b = i + 1 < out.size() ? &out[i + 1] : nullptr;
      const bool adjacent = b != nullptr && b->span.begin == a.span.end + 1 && text[a.span.end] == ' ';
      size_t end = a.span.end + LegalFormLength(text, a.span.end);
      if (adjacent && end >= b->span.end) {  // The form itself was read as a name.
        a.span.end = end;
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        continue;
      }
      if (adjacent && b->guessed && static_cast<size_t>(a.entity) < entities_.size()) {
        // The form after the new name, or its last word ("Renewable Energy S.A" read with its dots).
        size_t b_end = b->span.end + LegalFormLength(text, b->span.end);
        const size_t space = text.rfind(' ', b->span.end - 1);
        if (b_end == b->span.end && space != absl::string_view::npos && space > b->span.begin) {
          const size_t len = LegalFormLength(text, space);
          if (space + len >= b->span.end) b_end = space + len;
        }
        if (b_end > b->span.end) {
          a.span.end = b_end;
          out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
          continue;
        }
      }
      if (end > a.span.end && (b == nullptr || b->span.begin >= end)) a.span.end = end;
    }
  }
  // A country before a capitalized commodity, "Mali Lithium's 50%", "Canada Nickel said", is a
  // company's name, unless a noun for the trade follows ("China Lithium Output Rises").
  if (extra != nullptr) {
    // ("Vietnam Rare Earth supplies oxides to …": "supplies" with an object is the verb.)
    static const RE2* kTradeNoun = new RE2(absl::StrCat(
        "(?i)^[ ](?:", kTradeNouns, "|(?:supply|supplies)(?:[ ](?:rose|fell|are|were|is|was|have|"
        "has|had|dropped|increased|declined|grew|tightened|remain|remained|from|of|in|to|will|could|"
        "may|might|and|chain)\\b|[^ a-z]|$))"));
    auto label = [&](const Mention& m) { return LabelOf(m, *extra); };
    for (size_t k = 0; k + 1 < out.size(); ++k) {
      const Mention country = out[k];
      const Mention commodity = out[k + 1];
      if (country.demonym || commodity.demonym || label(country) != "Country" ||
          label(commodity) != "Commodity" || commodity.span.begin != country.span.end + 1 ||
          text[country.span.end] != ' ' || !absl::ascii_isupper(text[country.span.begin]) ||
          !absl::ascii_isupper(text[commodity.span.begin]) ||
          RE2::PartialMatch(re2::StringPiece(text.data() + commodity.span.end,
                                             text.size() - commodity.span.end),
                            *kTradeNoun)) {
        continue;
      }
      // A listed company right before names its unit there: "Almonty Korea Tungsten".
      size_t first = k;
      if (k > 0 && !out[k - 1].demonym && out[k - 1].entity >= 0 &&
          static_cast<size_t>(out[k - 1].entity) < entities_.size() &&
          label(out[k - 1]) == "Company" && out[k - 1].span.end + 1 == country.span.begin &&
          text[out[k - 1].span.end] == ' ') {
        first = k - 1;
      }
      const size_t begin = out[first].span.begin;
      const std::string name(text.substr(begin, commodity.span.end - begin));
      const int entity = ListedOrAdded(name, "Company", extra);
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(first),
                out.begin() + static_cast<std::ptrdiff_t>(k) + 2);
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(first),
                 Mention{Span{begin, commodity.span.end}, entity});
      k = first;
    }
  }
  // A capitalized commodity before a country, "Lithium Australia owns", "Lithium Chile sold", and
  // a listed company before a capitalized commodity, "Rio Tinto Lithium, the unit that …",
  // "Albemarle Lithium said", are names of companies; not before a noun of the trade ("Lithium
  // Australia output", "Rio Tinto Lithium project") or a possessive of the second word.
  if (extra != nullptr) {
    static const RE2* kNounAfter = new RE2(absl::StrCat(
        "(?i)^(?:[ ](?:", kTradeNouns, "|supply|supplies|refinery|refineries|operations?|assets|"
        "business|hydroxide|carbonate|oxide|sulphate|sulfate|metal|concentrate|ore)\\b|['’])"));
    auto label = [&](const Mention& m) { return m.demonym ? std::string("Demonym") : LabelOf(m, *extra); };
    for (size_t k = 0; k + 1 < out.size(); ++k) {
      const Mention first = out[k];
      const Mention second = out[k + 1];
      if (first.demonym || second.demonym || second.span.begin != first.span.end + 1 ||
          text[first.span.end] != ' ' || !absl::ascii_isupper(text[first.span.begin]) ||
          !absl::ascii_isupper(text[second.span.begin]) ||
          RE2::PartialMatch(re2::StringPiece(text.data() + second.span.end,
                                             text.size() - second.span.end),
                            *kNounAfter)) {
        continue;
      }
      // The commodity opens the name: no capitalized word before it ("Toyotsu Rare Earths India").
      auto [wb, we] = WordBefore(text, first.span.begin);
      const bool opens = wb == we || !absl::ascii_isupper(text[wb]);
      const bool commodity_country =
          opens && label(first) == "Commodity" &&
          (label(second) == "Country" ||
           (label(second) == "Region" && region_country_[second.entity] >= 0));  // "Lithium Nevada"
      const bool company_commodity =
          label(first) == "Company" && label(second) == "Commodity" &&
          static_cast<size_t>(first.entity) < entities_.size();
      if (!commodity_country && !company_commodity) continue;
      const std::string name(text.substr(first.span.begin, second.span.end - first.span.begin));
      const int entity = ListedOrAdded(name, "Company", extra);
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(k),
                out.begin() + static_cast<std::ptrdiff_t>(k) + 2);
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(k),
                 Mention{Span{first.span.begin, second.span.end}, entity});
    }
  }
  // A company followed by a country names its national unit ("Rio Tinto Canada sold …",
  // "K+S Potash Canada, a wholly owned subsidiary", after "K+S Potash" is joined above,
  // "Lithium Americas Argentina, a unit of …", "SCM Minera Lumina Copper Chile, the company
  // that …"); not before a possessive or another name.
  if (extra != nullptr) {
    std::vector<Mention> units;
    for (size_t k = 0; k + 1 < out.size(); ++k) {
      const Mention& c = out[k];
      const Mention& n = out[k + 1];
      if (c.demonym || n.demonym || c.entity < 0 ||
          static_cast<size_t>(n.entity) >= entities_.size() ||
          LabelOf(c, *extra) != "Company" || entities_[n.entity].label != "Country" ||
          n.span.begin != c.span.end + 1 || text[c.span.end] != ' ' ||
          static_cast<unsigned char>(text[n.span.begin]) >= 0x80) {
        continue;
      }
      const absl::string_view after = text.substr(n.span.end);
      if (absl::StartsWith(after, "'") || absl::StartsWith(after, "’") ||
          (after.size() >= 2 && after[0] == ' ' && absl::ascii_isupper(after[1]))) {
        continue;
      }
      const std::string name(text.substr(c.span.begin, n.span.end - c.span.begin));
      EntityDef def;
      def.label = "Company";
      def.name = name;
      def.key = absl::StrCat("Company:", NormalizeName(name));
      units.push_back(Mention{Span{c.span.begin, n.span.end}, AddExtra(std::move(def), extra)});
    }
    ReplaceOverlapping(units, &out);
  }
  // A key-figures line opened by a company and a country, "POSCO Argentina: 25,000 t …", names
  // the company's unit in that country.
  if (extra != nullptr && out.size() >= 2) {
    size_t line = 0;
    while (line < text.size() && (text[line] == ' ' || text[line] == '-' ||
                                  text[line] == '*')) {
      ++line;
    }
    const Mention first = out[0];
    const Mention second = out[1];
    auto label = [&](const Mention& m) { return LabelOf(m, *extra); };
    if (first.span.begin == line && !first.demonym && !second.demonym &&
        label(first) == "Company" && label(second) == "Country" &&
        second.span.begin == first.span.end + 1 && text[first.span.end] == ' ' &&
        second.span.end < text.size() && text[second.span.end] == ':') {
      const std::string unit(text.substr(first.span.begin, second.span.end - first.span.begin));
      EntityDef def;
      def.label = "Company";
      def.name = unit;
      def.key = absl::StrCat("Company:", NormalizeName(unit));
      const int entity = AddExtra(std::move(def), extra);
      out.erase(out.begin(), out.begin() + 2);
      out.insert(out.begin(), Mention{Span{first.span.begin, second.span.end}, entity});
    }
  }
  // A country's Chinese name right after a region of another country, glued to the characters
  // after it, is part of a transliteration: "西澳马里恩山锂矿（Mt Marion）" (马里 is Mali's name).
  if (extra != nullptr) {
    std::vector<Mention> kept;  // (Decided on the whole list before any is dropped.)
    for (const Mention& m : out) {
      const bool glued = !m.demonym && m.entity >= 0 &&
                         static_cast<size_t>(m.entity) < entities_.size() &&
                         entities_[m.entity].label == "Country" && HanAt(text, m.span.begin) &&
                         HanAt(text, m.span.end) &&
                         OtherCountrysRegionEndsAt(out, m.span.begin, m.entity);
      if (!glued) kept.push_back(m);
    }
    out.swap(kept);
  }
  // A Chinese name right before a company's bracketed name is the same company ("卡莫阿铜业(Kamoa
  // Copper)", "第一量子矿业(First Quantum Minerals)"), and so for a government or a site
  // ("布阿泽尔（Bou Azzer）钴矿"): one mention from the Chinese name to the closing bracket. The
  // Chinese name starts after a verb or particle and holds no other name than a commodity
  // character.
  if (extra != nullptr) {
    static constexpr absl::string_view kStarts[] = {
        "持有", "拥有", "收购了", "收购", "入股", "控股", "运营", "经营", "投资", "向", "与", "和",
        "由", "及", "的", "了", "在", "于", "对", "是", "为", "从", "以", "被", "把", "旗下", "、",
        "，", "。", "：", "；", "“", "”", "（", "("};
    std::vector<Mention> merged;
    for (size_t k = 0; k < out.size(); ++k) {
      const Mention& m = out[k];
      if (m.demonym || m.span.begin < 1 || m.span.end >= text.size()) continue;
      const size_t open_len = text[m.span.begin - 1] == '(' ? 1
                              : m.span.begin >= 3 && text.substr(m.span.begin - 3, 3) == "（" ? 3
                                                                                              : 0;
      // The bracket closes right after the name, or after its abbreviation ("日本投资公司（Japan
      // Investment Corporation，JIC）").
      static const RE2* kClose = new RE2(
          "^((?:[,，、]\\s*(?:" KG_ABBREVIATION "|" KG_SHORT_LATIN_NAME ")\\s*)?(?:）|\\)))");
      re2::StringPiece closing;
      const size_t close_len =
          RE2::PartialMatch(re2::StringPiece(text.data() + m.span.end, text.size() - m.span.end),
                            *kClose, &closing)
              ? closing.size()
              : 0;
      if (open_len == 0 || close_len == 0) continue;
      const std::string& label = static_cast<size_t>(m.entity) >= entities_.size()
                                     ? (*extra)[m.entity - entities_.size()].label
                                     : entities_[m.entity].label;
      if (label != "Company" && label != "Government" && label != "Facility") continue;
      const size_t paren = m.span.begin - open_len;
      // The company words closing the Chinese name ("矿业有限公司"): before them, any word after
      // which a name begins ends it too ("通过中色非洲矿业有限公司(NFC Africa Mining)" starts after
      // 通过); inside them, a stop word ("公司") ends nothing.
      size_t tail = WithoutCompanyWords(text.substr(0, paren));
      // The same entity's name found right before ("甘其毛都口岸（Ganqimaodu port）"), or before
      // the company words ("四川时代新能源科技有限公司(Sichuan Time)"): no stop word inside it ends
      // the Chinese name ("都" of 甘其毛都), nor does the twelve-character limit below.
      size_t same_begin = paren;
      for (const Mention& o : out) {
        if (o.span.end <= paren && o.span.end >= tail && o.entity == m.entity && !o.demonym) {
          same_begin = std::min(same_begin, o.span.begin);
        }
      }
      // Latin letters glued to the Chinese name belong to it: "爱科普BM（EcoPro BM）", "LG化学（LG
      // Chem）" (at most six on either side).
      auto latin_run = [&](size_t at) {
        size_t n = 0;
        while (n < 6 && at > n && (absl::ascii_isalnum(text[at - n - 1]) || text[at - n - 1] == '&')) ++n;
        return n < 6 && (at == n || !absl::ascii_isalnum(text[at - n - 1])) ? n : 0;
      };
      const size_t latin_b = paren - latin_run(paren);
      size_t b = latin_b;
      if (b < paren) tail = b;
      int chars = 0;
      bool stopped = false;
      // (A government agency's name may be longer: "日本石油天然气金属矿物资源机构（JOGMEC）".)
      const int max_chars = label == "Government" ? 16 : 12;
      // 年, 月 and 日 end a date ("8月10日，紫金…"), not a name: only after a numeral ("日本", "日立").
      auto after_numeral = [&](size_t at) {
        if (at >= 1 && absl::ascii_isdigit(text[at - 1])) return true;
        static constexpr absl::string_view kNumerals[] = {"〇", "零", "一", "二", "三", "四", "五",
                                                          "六", "七", "八", "九", "十"};
        for (absl::string_view n : kNumerals) {
          if (absl::EndsWith(text.substr(0, at), n)) return true;
        }
        return false;
      };
      while (b >= 3 && (chars < max_chars || b > same_begin) && HanAt(text, b - 3)) {
        bool stop = false;
        // (Not inside the company words: "铁矿控股（…）" ends in 控股, no verb there.) A
        // one-character stop word one character before the bracket is part of a transliteration
        // ("科达尔（Kodal Minerals）": 达 is also "reach").
        auto stops_here = [&](absl::string_view w) {
          const bool date = w == "年" || w == "月" || w == "日";
          // "投资" right before the company words is the name's ("日本投资公司（…）"), not the verb.
          if (w == "投资" && b == tail) return false;
          return b <= tail && b <= same_begin && absl::EndsWith(text.substr(0, b), w) &&
                 (chars != 1 || w.size() > 3) && (!date || after_numeral(b - w.size()));
        };
        for (absl::string_view w : kStarts) stop |= stops_here(w);
        // (A word before a figure is inside the name here, the bracket's transliteration: "印达尔科",
        // "哈利达（Harita）".)
        for (const std::string& w : name_words_.zh_stops) {
          stop |= !name_words_.zh_inner.contains(w) && !name_words_.zh_before_figure.contains(w) &&
                  stops_here(w);
        }
        if (stop) {
          stopped = true;
          break;
        }
        b -= 3;
        ++chars;
        // A transliteration's joiner between two characters: "莫塔-恩吉尔", "莫塔·恩吉尔".
        const size_t joiner = b >= 1 && text[b - 1] == '-' ? 1 : b >= 2 && text.substr(b - 2, 2) == "·" ? 2 : 0;
        if (joiner > 0 && b >= joiner + 3 && HanAt(text, b - joiner - 3)) b -= joiner;
      }
      // (Twelve characters, sixteen for a government, with no boundary before them: where a
      // site's or a government's name starts is unknown.)
      if (chars < 2 || (label != "Company" && !stopped && b >= 3 && HanAt(text, b - 3))) continue;
      if (!stopped) b -= latin_run(b);
      // (A longer Latin word glued before it: "Morowali工业园（IMIP）" is read with its head below.)
      if (b > 0 && absl::ascii_isalnum(text[b - 1])) continue;
      // Only commodity mentions may lie inside the Chinese name, and the parent its bracketed
      // name begins with ("中铝铁矿控股（Chinalco Iron Ore Holdings）": 中铝 is Chinalco).
      const std::string bracketed_name = NormalizeName(
          static_cast<size_t>(m.entity) >= entities_.size() ? (*extra)[m.entity - entities_.size()].name
                                                           : entities_[m.entity].name);
      // A guessed company that is only a place and company words ("摩洛哥矿业集团马纳杰姆（Managem）":
      // "the Moroccan mining group Managem") describes the bracketed one and is part of its name.
      auto description_only = [&](const Mention& o) {
        if (o.demonym || static_cast<size_t>(o.entity) < entities_.size() ||
            (*extra)[o.entity - entities_.size()].label != "Company" || o.span.begin != b) {
          return false;
        }
        const absl::string_view surface = text.substr(o.span.begin, o.span.end - o.span.begin);
        const size_t place_len = WithoutCompanyWords(surface);
        const int place = place_len > 0 ? Lookup(surface.substr(0, place_len)) : -1;
        return IsPlace(place);
      };
      // A country opening the Chinese name before a listed organisation's bracketed name says
      // where it is from ("与日本石油天然气金属矿物资源机构（JOGMEC）"): the name starts after it.
      if (static_cast<size_t>(m.entity) < entities_.size()) {
        for (const Mention& o : out) {
          if (o.span.begin == b && o.span.end + 6 <= paren && !o.demonym &&
              static_cast<size_t>(o.entity) < entities_.size() && entities_[o.entity].label == "Country") {
            b = o.span.end;
          }
        }
      }
      bool other = false;
      size_t alias_b = b;  // Where the name proper starts: after a description that opens it.
      for (const Mention& o : out) {
        const bool described = o.span.begin < paren && b < o.span.end && description_only(o);
        if (described) alias_b = std::max(alias_b, o.span.end);
        // A listed name glued inside the transliteration ("哈里亚瓦尔塔（Harjavalta）": 瓦尔塔 is
        // Varta's) is no name of its own.
        const bool glued = o.span.begin > b && o.span.begin >= 3 && HanAt(text, o.span.begin - 3) &&
                           o.span.end <= paren && !o.demonym &&
                           static_cast<size_t>(o.entity) < entities_.size() &&
                           entities_[o.entity].label == "Company";
        if (o.span.begin < paren && b < o.span.end && !described && !glued &&
            o.entity != m.entity &&  // Its own shorter name: "青海盐湖工业（Qinghai Salt Lake Industry）".
            !(o.span.begin >= latin_b && o.span.end <= paren) &&  // Its glued Latin letters ("BM").
            (o.demonym || static_cast<size_t>(o.entity) >= entities_.size() ||
             (entities_[o.entity].label != "Commodity" &&
              !(entities_[o.entity].label == "Company" && o.span.begin == b &&
                absl::StartsWith(bracketed_name,
                                 absl::StrCat(NormalizeName(entities_[o.entity].name), " ")))))) {
          other = true;
        }
      }
      if (other) continue;
      // (Only a description before the bracket: no Chinese name to note.)
      const absl::string_view zh_name =
          alias_b < paren ? text.substr(alias_b, paren - alias_b) : absl::string_view();
      if (!zh_name.empty()) {
        NoteChineseName(m.entity, zh_name, extra);  // "莫塔-恩吉尔（Mota-Engil）".
      }
      merged.push_back(Mention{Span{b, m.span.end + close_len}, m.entity});
    }
    ReplaceOverlapping(merged, &out);
  }
  if (extra != nullptr) FindGovernments(text, &out, extra);
  // "its plant in Moses Lake, Washington,": a capital that names a government ("Washington",
  // "Ottawa") right after a town and a comma is the town's state or region, no government.
  std::erase_if(out, [&](const Mention& m) {
    if (m.demonym || static_cast<size_t>(m.entity) >= entities_.size() ||
        entities_[m.entity].label != "Government") {
      return false;
    }
    const absl::string_view surface = text.substr(m.span.begin, m.span.end - m.span.begin);
    static const RE2* kTownBefore = new RE2("\\p{Lu}[\\pL\\pM'’-]+, $");
    static const RE2* kOneWord = new RE2("\\p{Lu}\\p{Ll}+");
    return RE2::FullMatch(re2::StringPiece(surface.data(), surface.size()), *kOneWord) &&
           RE2::PartialMatch(re2::StringPiece(text.data(), m.span.begin), *kTownBefore) &&
           (m.span.end == text.size() || text[m.span.end] == ',' || text[m.span.end] == '.');
  });
  if (extra != nullptr) FindArticleAliases(text, &out, extra);
  if (extra != nullptr) FindZhNames(text, &out, extra, facilities);
  // "比利时材料集团优美科（Umicore）": an unlisted Chinese name opened by a country right before
  // another company's Chinese name describes that company (a Belgian materials group); it names
  // none. (Before a Latin abbreviation it is the name: "刚果(金)国家电力公司SNEL".)
  if (extra != nullptr) {
    std::vector<Mention> kept;
    for (size_t i = 0; i < out.size(); ++i) {
      const Mention& m = out[i];
      const bool guessed_zh = !m.demonym && static_cast<size_t>(m.entity) >= entities_.size() &&
                              HanAt(text, m.span.begin) && LabelOf(m, *extra) == "Company";
      bool descriptor = false;
      if (guessed_zh && i + 1 < out.size() && out[i + 1].span.begin == m.span.end &&
          !out[i + 1].demonym && HanAt(text, out[i + 1].span.begin) &&
          LabelOf(out[i + 1], *extra) == "Company") {
        for (size_t n = 6; n <= 12 && n < m.span.end - m.span.begin; n += 3) {
          const int place = Lookup(text.substr(m.span.begin, n));
          descriptor |= place >= 0 && entities_[place].label == "Country";
        }
      }
      if (!descriptor) kept.push_back(m);
    }
    out.swap(kept);
  }
  // "时任首席执行官艾克霍尔特(Jochen Eickholt)", "首席运营官布雷姆(Carina Brehm)": a name guessed
  // after a person's title (`title_zh`: 执行官, 董事长, …) within a few characters is the
  // person's, no company.
  if (extra != nullptr && !name_words_.zh_titles.empty()) {
    std::erase_if(out, [&](const Mention& m) {
      if (m.demonym || static_cast<size_t>(m.entity) < entities_.size() ||
          !HanAt(text, m.span.begin) || LabelOf(m, *extra) != "Company") {
        return false;
      }
      const size_t from = m.span.begin >= 9 ? m.span.begin - 9 : 0;
      const absl::string_view around = text.substr(from, m.span.end - from);
      for (const std::string& title : name_words_.zh_titles) {
        const size_t at = around.find(title);
        // The title ends before the name's last ideographs (not "董事长办公室" read as a firm).
        if (at != absl::string_view::npos && from + at + title.size() < m.span.end) return true;
      }
      return false;
    });
  }
  if (extra != nullptr) NoteZhSiteStems(text, out, extra);
  // "Roy Hill, the Pilbara mine in which …", "Port Arthur LNG, the Texas export terminal on
  // which …": a site made here from a description in apposition to a facility named just
  // before, closed by a relative clause, is that facility (not one of a list: "Mount Weld, the
  // Kalgoorlie plant and …"). So is a sized one closed by its place and a comma: "Dangote
  // Petroleum Refinery, a 650,000 barrel-per-day plant in the Lekki Free Zone outside Lagos, has …".
  if (extra != nullptr) {
    static const RE2* kRelativeAfter = new RE2(
        "^(?:[ ](?:in|on|of|at|from|for|through|to)[ ]which|[ ](?:which|that|where)|,[ ](?:which|where|whose))[ ]");
    static const RE2* kSizedGap = new RE2("^an?[ ][\\d.,]+[ -][a-z-]+(?:[ -][a-z-]+){0,3}[ ]$");
    static const RE2* kPlaceThenComma =
        new RE2("^(?:[ ](?:outside|near|in|at|on)[ ]\\p{Lu}[\\pL'’-]+(?:[ ]\\p{Lu}[\\pL'’-]+){0,2})?,[ ]");
    for (size_t i = 1; i < out.size(); ++i) {
      Mention& m = out[i];
      const Mention& before = out[i - 1];
      if (m.demonym || before.demonym || static_cast<size_t>(m.entity) < entities_.size() ||
          LabelOf(m, *extra) != "Facility" || LabelOf(before, *extra) != "Facility" ||
          before.entity == m.entity || text.substr(before.span.end, 2) != ", ") {
        continue;
      }
      const re2::StringPiece after(text.data() + m.span.end, text.size() - m.span.end);
      const absl::string_view gap =
          text.substr(before.span.end + 2, m.span.begin - before.span.end - 2);
      // Only the description's own words between: "the Texas export terminal", "a 650,000
      // barrel-per-day plant".
      const bool the_relative = gap == "the " && absl::ascii_isupper(text[m.span.begin]) &&
                                RE2::PartialMatch(after, *kRelativeAfter);
      const bool sized = RE2::FullMatch(re2::StringPiece(gap.data(), gap.size()), *kSizedGap) &&
                         RE2::PartialMatch(after, *kPlaceThenComma);
      if (!the_relative && !sized) continue;
      m.entity = before.entity;
    }
  }
  // A box heading "<words ending in a site head> — <place>" names a site by all its words,
  // whatever names stand inside them ("Yara Freeport ammonia plant — Freeport, Texas", "Clean
  // ammonia project — Beaumont, Texas"), unless a facility was found in them already.
  if (extra != nullptr && text.size() <= 160) {
    static const RE2* kHeadingSite =
        new RE2("(\\p{Lu}[^—–:;.!?()]{2,60}?)[ ](?:—|–)[ ]\\p{Lu}[^—–:;.!?]{0,60}");
    re2::StringPiece words;
    if (RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *kHeadingSite, &words)) {
      const absl::string_view name(words.data(), words.size());
      bool site_inside = false;
      for (const Mention& m : out) {
        site_inside |= m.span.end <= name.size() && !m.demonym && LabelOf(m, *extra) == "Facility";
      }
      if (absl::StrContains(name, ' ') && !FacilityHead(name).empty() && !site_inside) {
        std::erase_if(out, [&](const Mention& m) { return m.span.end <= name.size(); });
        out.insert(out.begin(),
                   Mention{Span{0, name.size()}, ListedOrAdded(std::string(name), "Facility", extra)});
      }
    }
  }
  // "natural and synthetic graphite", "natural, synthetic and spherical graphite": a lone word
  // coordinated before a listed commodity of two or more words shares its head; when the word
  // and that head name a listed commodity, the word is a mention of it. At most four words back.
  {
    static const RE2* kCoordinatedWord =
        new RE2("(?:^|[ (])([a-z][a-z-]+)(?:,? (?:and|or)|,) $");
    std::vector<Mention> added;
    for (const Mention& m : out) {
      if (m.demonym || m.entity < 0 || static_cast<size_t>(m.entity) >= entities_.size() ||
          entities_[m.entity].label != "Commodity") {
        continue;
      }
      const absl::string_view surface = text.substr(m.span.begin, m.span.end - m.span.begin);
      const size_t space = surface.find(' ');
      if (space == absl::string_view::npos) continue;
      const absl::string_view head = surface.substr(space);  // " graphite"
      size_t end = m.span.begin;
      for (int k = 0; k < 4; ++k) {
        const size_t from = end >= 40 ? end - 40 : 0;
        const re2::StringPiece before(text.data() + from, end - from);
        re2::StringPiece word;
        if (!RE2::PartialMatch(before, *kCoordinatedWord, &word)) break;
        const int entity = Lookup(absl::StrCat(absl::string_view(word.data(), word.size()), head));
        if (entity < 0 || entities_[entity].label != "Commodity") break;
        const size_t begin = static_cast<size_t>(word.data() - text.data());
        const bool taken = std::any_of(out.begin(), out.end(), [&](const Mention& o) {
          return o.span.begin < begin + word.size() && begin < o.span.end;
        });
        if (taken) break;
        added.push_back(Mention{Span{begin, begin + word.size()}, entity});
        end = begin;
      }
    }
    if (!added.empty()) {
      out.insert(out.end(), added.begin(), added.end());
      std::sort(out.begin(), out.end(),
                [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
    }
  }
  // A dateline says where the story was filed; a place, a capital or a guessed name in it (the
  // wire in brackets) is no party to what the sentence says.
  if (const size_t dateline = DatelineLength(text); dateline > 0) {
    std::erase_if(out, [&](const Mention& m) {
      if (m.span.end > dateline || m.entity < 0) return false;
      if (static_cast<size_t>(m.entity) >= entities_.size()) return true;
      const std::string& label = entities_[m.entity].label;
      return m.demonym || label == "Government" || label == "Country" || label == "Region";
    });
  }
  return out;
}

void Gazetteer::FindGovernments(absl::string_view text, std::vector<Mention>* out,
                                std::vector<EntityDef>* extra) const {
  // "the Government of Jamaica": the country's national government, listed ("Government of
  // Ghana") or else named so for the article. ("Jamaica's government" stays the country, as
  // writers annotate it.)
  // "The state of West Virginia agreed to lend": a state of a country (a listed Region) is its
  // government, the "State of West Virginia".
  static const RE2* kBefore = new RE2("(?i)(\\bgovernment of (?:the )?)$");
  // (Not a description: "the U.S. state of Louisiana", "the Australian state of Western Australia".)
  static const RE2* kStateBefore = new RE2("(?:^|[,;:(][ ]?|\\b(?i:the) )((?i:state) of )$");
  // (Not a place: "a plant in the state of Georgia".)
  static const RE2* kStatePlace =
      new RE2("(?i)\\b(?:in|at|near|across|throughout|to|from|into|outside) (?:the )?state of $");
  std::vector<Mention> added;
  for (const Mention& c : *out) {
    if (static_cast<size_t>(c.entity) >= entities_.size() || c.demonym) continue;
    const std::string& label = entities_[c.entity].label;
    const bool state = label == "Region" && RegionCountry(c.entity) >= 0;
    if (label != "Country" && !state) continue;
    re2::StringPiece cap;
    const re2::StringPiece before(text.data(), c.span.begin);
    if (!RE2::PartialMatch(before, state ? *kStateBefore : *kBefore, &cap) ||
        (state && RE2::PartialMatch(before, *kStatePlace))) {
      continue;
    }
    const size_t b = static_cast<size_t>(cap.data() - text.data()), e = c.span.end;
    bool taken = false;
    for (const Mention& o : *out) taken |= &o != &c && o.span.begin < e && b < o.span.end;
    if (taken) continue;
    const int entity =
        ListedOrAdded(absl::StrCat(state ? "State of " : "Government of ", entities_[c.entity].name),
                      "Government", extra);
    if (static_cast<size_t>(entity) >= entities_.size()) {
      std::vector<std::string>& aliases = (*extra)[entity - entities_.size()].aliases;
      const std::string surface(text.substr(b, e - b));
      if (std::find(aliases.begin(), aliases.end(), surface) == aliases.end()) aliases.push_back(surface);
    }
    added.push_back(Mention{Span{b, e}, entity});
  }
  ReplaceOverlapping(added, out);
  added.clear();
  static const RE2* kMinistry = new RE2(
      "\\b((?:Ministry|Ministère|Ministerio|Ministério) (?:of|for) (?:the )?\\p{Lu}[\\w-]*"
      "(?:(?:,? and |, | & |[ ])\\p{Lu}[\\w-]*)*)");
  re2::StringPiece input(text.data(), text.size()), name;
  while (RE2::FindAndConsume(&input, *kMinistry, &name)) {
    const size_t b = static_cast<size_t>(name.data() - text.data());
    size_t e = b + name.size();
    // "… of Kazakhstan": the country it serves ends the name.
    for (const Mention& c : *out) {
      if (static_cast<size_t>(c.entity) < entities_.size() && entities_[c.entity].label == "Country" &&
          !c.demonym && c.span.begin == e + 4 && text.substr(e, 4) == " of ") {
        e = c.span.end;
      }
    }
    // A listed organisation inside it is the name kg knows ("Ministry of Commerce of China").
    bool listed = false;
    for (const Mention& o : *out) {
      listed |= o.span.begin < e && b < o.span.end && static_cast<size_t>(o.entity) < entities_.size() &&
                (entities_[o.entity].label == "Government" || entities_[o.entity].label == "Company");
    }
    if (listed) continue;
    added.push_back(Mention{Span{b, e}, ListedOrAdded(std::string(text.substr(b, e - b)), "Government", extra)});
  }
  ReplaceOverlapping(added, out);
}

void Gazetteer::JoinInitialedNames(absl::string_view text, std::vector<Mention>* out,
                                   std::vector<EntityDef>* extra) const {
  static const RE2* kAcronym = new RE2("[ ]?[(（](\\p{Lu}{3,6})[)）]");
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m[2];
  for (size_t pos = 0; pos < text.size() &&
                       kAcronym->Match(input, pos, text.size(), RE2::UNANCHORED, m, 2);) {
    const size_t open = static_cast<size_t>(m[0].data() - text.data());
    const size_t close = open + m[0].size();
    pos = close;
    const absl::string_view acronym(m[1].data(), m[1].size());
    // Walk back one capitalized word per letter, last letter first; "and" or "of" between two
    // of them spells nothing ("Mineral Exploration and Consultancy Ltd (MECL)"). The start
    // of the name, or npos.
    auto spell = [&](absl::string_view letters) -> size_t {
      size_t b = open;
      for (size_t k = letters.size(); k-- > 0;) {
        for (bool joiner = true; joiner;) {
          if (b != open) {
            if (b == 0 || text[b - 1] != ' ') return absl::string_view::npos;
            --b;
          }
          size_t wb = b;
          while (wb > 0 && (absl::ascii_isalnum(text[wb - 1]) || text[wb - 1] == '-' ||
                            text[wb - 1] == '&' || text[wb - 1] == '\'')) {
            --wb;
          }
          const absl::string_view word = text.substr(wb, b - wb);
          joiner = k + 1 < letters.size() && (word == "and" || word == "of");
          if (!joiner && (word.empty() || word[0] != letters[k] || IsFunctionWord(word))) {
            return absl::string_view::npos;
          }
          b = wb;
        }
      }
      return b;
    };
    size_t b = spell(acronym);
    // A legal form the name leaves out: "Exide Energy Solutions (EESL)", "Hindustan Copper
    // (HCL)" (L for Limited).
    if (b == absl::string_view::npos && acronym.size() >= 3 && acronym.back() == 'L') {
      b = spell(acronym.substr(0, acronym.size() - 1));
    }
    if (b == absl::string_view::npos) continue;
    const absl::string_view name = text.substr(b, open - b);
    bool other = false;
    Mention* whole = nullptr;
    for (Mention& k : *out) {
      if (!(k.span.begin < open && b < k.span.end)) continue;
      if (k.span.begin <= b && k.span.end >= open) whole = &k;
      const std::string& label = LabelOf(k, *extra);
      // A place may open a name of three or more spelled words: "Halmahera Persada Lygend (HPL)".
      const bool opening_place = (label == "Region" || label == "Country") && !k.demonym &&
                                 acronym.size() >= 3 && k.span.begin == b && k.span.end < open;
      other |= k.demonym || (label != "Company" && label != "Commodity" && !opening_place);
    }
    // A name read whole already ("Mount Weld Concentration Plant (MWCP)") takes the bracket,
    // not a company guessed from the acronym.
    if (whole != nullptr && whole->span.end == open && !whole->demonym) {
      const int entity = whole->entity;
      whole->span.end = close;
      std::erase_if(*out, [&](const Mention& k) {
        return k.guessed && k.span.begin > open && k.span.end <= close;
      });
      NoteArticleAlias(entity, acronym, extra, kShortKey);
      continue;
    }
    if (other || whole != nullptr) continue;
    // Nor a site's name, which a head ends, nor one of no organisation kg tracks ("the Kachin
    // Independence Army (KIA)", schema/name_words.txt `not_org`).
    const absl::string_view last_word = name.substr(name.rfind(' ') + 1);
    const std::string last = absl::AsciiStrToLower(last_word);
    if (std::find(name_words_.heads.begin(), name_words_.heads.end(), last) !=
            name_words_.heads.end() ||
        name_words_.not_orgs.contains(last_word)) {
      continue;
    }
    const int entity = ListedOrAdded(std::string(name), "Company", extra);
    std::erase_if(*out, [&](const Mention& k) { return k.span.begin < close && b < k.span.end; });
    out->push_back(Mention{Span{b, close}, entity});
    std::sort(out->begin(), out->end(),
              [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
    NoteArticleAlias(entity, acronym, extra, kShortKey);
  }
}

void Gazetteer::JoinTradeWords(absl::string_view text, std::vector<Mention>* out,
                               std::vector<EntityDef>* extra) const {
  // "Baobab Mining and Chemicals Corporation", "Chambal Fertilisers and Chemicals": after a
  // company whose name ends in a trade word, "and" and more trade words (capitalized, company
  // suffixes) go on with the same name; a name after "and" is another company.
  // "&" joins whatever capitalized words follow ("Lygend Resources & Technology", "Jiangxi
  // Special Electric Motor & Materials"): writers join two companies with "and".
  static const RE2* kAndTrade =
      new RE2("^[ ](and|&)((?:[ ]\\p{Lu}\\p{Latin}*){1,3})");
  // The name before "and" ends in a trade, not a legal form or a fund's word ("Denham Capital
  // and Energy and Minerals Group" are two).
  static const absl::flat_hash_set<absl::string_view> kTrades = {
      "Mining", "Minerals", "Metals", "Chemicals", "Chemical", "Fertilisers", "Fertilizers",
      "Smelting", "Refining", "Industries", "Resources", "Materials", "Steel", "Oil"};
  // "Nghi Son Refinery and Petrochemical LLC": a site's capitalized name, "and", trade words
  // (schema/name_words.txt, `joined`) and a legal form name one company.
  for (size_t i = 0; i + 1 < out->size(); ++i) {
    const Mention& a = (*out)[i];
    const Mention& c = (*out)[i + 1];
    if (a.demonym || c.demonym || LabelOf(a, *extra) != "Facility" || LabelOf(c, *extra) != "Company" ||
        text.substr(a.span.end, 5) != " and " || c.span.begin != a.span.end + 5) {
      continue;
    }
    const absl::string_view site = text.substr(a.span.begin, a.span.end - a.span.begin);
    const size_t head = site.rfind(' ');
    if (head == absl::string_view::npos || !absl::ascii_isupper(site[head + 1])) continue;
    std::vector<absl::string_view> words =
        absl::StrSplit(text.substr(c.span.begin, c.span.end - c.span.begin), ' ', absl::SkipEmpty());
    if (words.size() < 2) continue;
    bool trade = true;
    for (size_t w = 0; w + 1 < words.size(); ++w) trade &= name_words_.joined.contains(words[w]);
    if (!trade) continue;
    const Mention joined{Span{a.span.begin, c.span.end},
                         ListedOrAdded(std::string(text.substr(a.span.begin, c.span.end - a.span.begin)),
                                       "Company", extra)};
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(i), out->begin() + static_cast<std::ptrdiff_t>(i) + 2);
    out->insert(out->begin() + static_cast<std::ptrdiff_t>(i), joined);
  }
  for (size_t i = 0; i < out->size(); ++i) {
    const Mention& a = (*out)[i];
    if (a.demonym || LabelOf(a, *extra) != "Company") continue;
    const absl::string_view surface = text.substr(a.span.begin, a.span.end - a.span.begin);
    const size_t last_space = surface.rfind(' ');
    re2::StringPiece conjunction, words;
    if (!RE2::PartialMatch(re2::StringPiece(text.data() + a.span.end, text.size() - a.span.end),
                           *kAndTrade, &conjunction, &words)) {
      continue;
    }
    const bool ampersand = conjunction == "&";
    if (!ampersand &&
        (last_space == absl::string_view::npos || !kTrades.contains(surface.substr(last_space + 1)))) {
      continue;
    }
    // Another "and" after them: a list of names, not one.
    if (absl::StartsWith(text.substr(static_cast<size_t>(words.data() + words.size() - text.data())),
                         " and ")) {
      continue;
    }
    bool trade = true;
    for (absl::string_view w : absl::StrSplit(absl::string_view(words.data(), words.size()), ' ',
                                              absl::SkipEmpty())) {
      trade &= suffix_first_words_.contains(w);
    }
    if (!trade && !ampersand) continue;
    const size_t end = static_cast<size_t>(words.data() + words.size() - text.data());
    const std::string full(text.substr(a.span.begin, end - a.span.begin));
    // A listed company's fuller name ("Lygend Resources & Technology") is still that company,
    // the name the article gave it among its aliases.
    const bool listed = static_cast<size_t>(a.entity) < entities_.size();
    if (listed && ampersand && Lookup(full) < 0) NoteArticleAlias(a.entity, full, extra);
    Mention joined{Span{a.span.begin, end},
                   listed && ampersand && Lookup(full) < 0 ? a.entity : ListedOrAdded(full, "Company", extra)};
    const size_t begin = a.span.begin;
    std::erase_if(*out, [&](const Mention& m) { return m.span.begin >= begin && m.span.end <= end; });
    out->insert(std::upper_bound(out->begin(), out->end(), joined,
                                 [](const Mention& x, const Mention& y) {
                                   return x.span.begin < y.span.begin;
                                 }),
                joined);
  }
}

bool Gazetteer::LongerCompanyWordAt(absl::string_view text, size_t at, size_t head_size) const {
  for (const auto& [zh, en] : zh_company_words_) {
    if (zh.size() > head_size && text.substr(at, zh.size()) == zh) return true;
  }
  return false;
}

size_t Gazetteer::WithoutCompanyWords(absl::string_view text) const {
  while (StripCompanyWord(&text)) {
  }
  return text.size();
}

bool Gazetteer::StripCompanyWord(absl::string_view* text) const {
  for (const auto& [zh, en] : zh_company_words_) {
    if (absl::ConsumeSuffix(text, zh)) return true;
  }
  return false;
}

bool Gazetteer::IsPlace(int entity) const {
  return entity >= 0 && static_cast<size_t>(entity) < entities_.size() &&
         (entities_[entity].label == "Country" || entities_[entity].label == "Region");
}

bool Gazetteer::OtherCountrysRegionEndsAt(const std::vector<Mention>& out, size_t pos,
                                          int country) const {
  return std::any_of(out.begin(), out.end(), [&](const Mention& r) {
    return r.span.end == pos && !r.demonym && r.entity >= 0 &&
           static_cast<size_t>(r.entity) < entities_.size() &&
           entities_[r.entity].label == "Region" && region_country_[r.entity] >= 0 &&
           region_country_[r.entity] != country;
  });
}

void Gazetteer::FindZhNames(absl::string_view text, std::vector<Mention>* out,
                            std::vector<EntityDef>* extra, bool facilities) const {
  if (zh_company_words_.empty() && name_words_.zh_heads.empty()) return;
  // Every company word and head is Chinese: a sentence without a CJK ideograph (lead byte
  // E4-E9) holds no such name, and is not walked byte by byte.
  if (std::none_of(text.begin(), text.end(), [](char c) {
        const unsigned char u = static_cast<unsigned char>(c);
        return u >= 0xE4 && u <= 0xE9;
      })) {
    return;
  }
  // A CJK ideograph (three bytes led by E4-E9) ends at `pos`.
  auto han_before = [&](size_t pos) {
    if (pos < 3) return false;
    const unsigned char lead = static_cast<unsigned char>(text[pos - 3]);
    return lead >= 0xE4 && lead <= 0xE9 &&
           (static_cast<unsigned char>(text[pos - 2]) & 0xC0) == 0x80 &&
           (static_cast<unsigned char>(text[pos - 1]) & 0xC0) == 0x80;
  };
  auto label_of = [&](const Mention& m) -> std::string {
    return m.demonym ? "Demonym" : LabelOf(m, *extra);
  };
  auto ending_at = [&](size_t pos) -> const Mention* {
    for (const Mention& m : *out) {
      if (m.span.end == pos && m.span.begin < pos) return &m;
    }
    return nullptr;
  };
  auto overlapping = [&](size_t b, size_t e, bool commodities) -> const Mention* {
    for (const Mention& m : *out) {
      if (m.span.begin < e && b < m.span.end && (commodities || label_of(m) != "Commodity")) {
        return &m;
      }
    }
    return nullptr;
  };
  auto ends_with_any = [&](size_t pos, const std::vector<std::string>& words) -> size_t {
    for (const std::string& w : words) {
      if (absl::EndsWith(text.substr(0, pos), w)) return w.size();
    }
    return 0;
  };
  // A name may begin at `pos`: the text's start, a character that is no ideograph
  // (punctuation, Latin, digits), a `stop_zh` word, or the end of another name.
  // Before a legal form an `inner_zh` word is no boundary ("鸿商投资有限公司").
  auto boundary = [&](size_t pos, bool legal = false) {
    if (!han_before(pos)) return true;
    if (const size_t stop = ends_with_any(pos, name_words_.zh_stops); stop > 0) {
      const absl::string_view word = text.substr(pos - stop, stop);
      if ((!legal || !name_words_.zh_inner.contains(word)) &&
          !(name_words_.zh_before_figure.contains(word) && HanAt(text, pos))) {
        return true;
      }
    }
    const Mention* m = ending_at(pos);
    return m != nullptr && label_of(*m) != "Commodity";
  };
  // The start of a name ending at `end`: the nearest boundary at least `min_chars` and at most
  // `max_chars` characters back (a commodity inside counts its characters); npos when none.
  auto name_start = [&](size_t end, int min_chars, int max_chars, bool legal = false) -> size_t {
    size_t b = end;
    for (int chars = 0;;) {
      // A transliteration's parts joined by "·" or "-" are one name ("马拉卡斯·门申矿"), up to
      // four characters more.
      const size_t joiner = b >= 2 && text.substr(b - 2, 2) == "·" ? 2
                            : b >= 1 && text[b - 1] == '-'        ? 1
                                                                   : 0;
      if (joiner > 0 && chars >= 1 && b >= joiner + 3 && HanAt(text, b) &&
          HanAt(text, b - joiner - 3) && max_chars < 12) {
        b -= joiner;
        max_chars += 4;
        continue;
      }
      if (boundary(b, legal)) return chars >= min_chars ? b : absl::string_view::npos;
      if (chars >= max_chars) return absl::string_view::npos;
      if (const Mention* m = ending_at(b); m != nullptr) {
        chars += static_cast<int>((b - m->span.begin + 2) / 3);
        b = m->span.begin;
      } else {
        b -= 3;
        ++chars;
      }
    }
  };
  // Characters of [b, e) outside commodity mentions; whether a generic word is inside.
  auto own_chars = [&](size_t b, size_t e) {
    size_t bytes = e - b;
    for (const Mention& m : *out) {
      if (m.span.begin >= b && m.span.end <= e && label_of(m) == "Commodity") {
        bytes -= m.span.end - m.span.begin;
      }
    }
    return static_cast<int>(bytes / 3);
  };
  auto generic_in = [&](size_t b, size_t e, bool legal = false) {
    const absl::string_view part = text.substr(b, e - b);
    for (const std::string& g : name_words_.zh_generic) {
      if (absl::StrContains(part, g) && !(legal && name_words_.zh_inner.contains(g))) return true;
    }
    return false;
  };
  // Characters of [b, e) outside commodity mentions and generic words: "华菱" of "华菱钢铁".
  auto distinct_chars = [&](size_t b, size_t e) {
    std::string rest;
    size_t at = b;
    for (const Mention& m : *out) {
      if (m.span.begin >= at && m.span.end <= e && label_of(m) == "Commodity") {
        absl::StrAppend(&rest, text.substr(at, m.span.begin - at));
        at = m.span.end;
      }
    }
    if (at < e) absl::StrAppend(&rest, text.substr(at, e - at));
    EraseAll(name_words_.zh_generic, &rest);
    return static_cast<int>(rest.size() / 3);
  };
  // Whether [b, e) holds characters besides `inner_zh` words (a name is more than "投资").
  auto more_than_inner = [&](size_t b, size_t e) {
    std::string rest(text.substr(b, e - b));
    EraseAll(name_words_.zh_inner, &rest);
    return !rest.empty();
  };
  auto place_before = [&](size_t b) {  // A province or country opening the name: its start.
    const Mention* m = ending_at(b);
    if (m == nullptr || m->demonym) return b;
    const std::string label = label_of(*m);
    return (label == "Region" || label == "Country") && han_before(m->span.end) &&
                   boundary(m->span.begin)
               ? m->span.begin
               : b;
  };

  // A facility head ends a word: what follows is no ideograph, a stop word or a particle
  // ("矿业", "矿石", "采矿权" are no heads).
  static constexpr absl::string_view kAfterHead[] = {
      "的", "和", "与", "及", "是", "为", "已", "将", "于", "等", "也", "并", "还", "因", "由",
      "在", "所", "自", "位", "目", "计", "预", "停", "投", "复", "开", "生", "年", "今", "去", "设",
      "该", "其", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  // (厂 alone is a head only before the site's Latin name in brackets: "弗里亚氧化铝厂（Friguia）";
  // elsewhere it ends too many words that are no names.)
  auto head_at = [&](size_t at) -> const std::pair<std::string, std::string>* {
    for (const auto& zh : name_words_.zh_heads) {
      if (text.substr(at, zh.first.size()) != zh.first) continue;
      if (zh.first == "厂") {
        const absl::string_view after = text.substr(at + zh.first.size());
        const size_t open = absl::StartsWith(after, "（") ? std::string_view("（").size()
                            : absl::StartsWith(after, "(") ? 1
                                                            : 0;
        if (open == 0 || after.size() <= open || !absl::ascii_isupper(after[open])) continue;
      }
      return &zh;
    }
    return nullptr;
  };
  auto ends_word_at = [&](size_t he) {
    bool ends = he + 3 > text.size() || !han_before(he + 3);
    for (absl::string_view w : kAfterHead) ends |= absl::StartsWith(text.substr(he), w);
    for (const std::string& w : name_words_.zh_stops) ends |= absl::StartsWith(text.substr(he), w);
    return ends;
  };
  // Companies: company words after a name ("九岭锂业", "四川能投锂业有限公司").
  // A company word run that goes on as a noun of the trade ("新能源汽车", "矿业行业") is no name.
  static constexpr absl::string_view kNotAfter[] = {
      "汽车", "车", "电池", "产业", "行业", "领域", "板块", "业务", "市场", "企业", "巨头", "龙头",
      "概念", "产品", "技术", "资产",
      // (A company word ending in 业 before 务 is the trade's business: "镍业务".)
      "务"};
  std::vector<Mention> added;
  size_t i = 0;
  // The Chinese name [start, name_end) with the Latin name in brackets after it is one company,
  // the Latin name's, the Chinese the article's name for it from then on; the mention spans the
  // bracket (the name is said once) and the walk goes on after it. False, with nothing done, when
  // the Latin name is the company `not_entity`.
  auto name_with_bracket = [&](size_t start, size_t name_end, re2::StringPiece bracket,
                               re2::StringPiece latin, int not_entity) {
    // A listed government's Latin name keeps its label: "日本投资公司（Japan Investment Corporation）".
    const std::string latin_name(latin.data(), latin.size());
    const int listed = Lookup(latin_name);
    const int entity = listed >= 0 && entities_[listed].label == "Government"
                           ? listed
                           : ListedOrAdded(latin_name, "Company", extra);
    if (entity == not_entity) return false;
    NoteChineseName(entity, text.substr(start, name_end - start), extra);
    // (Or a Latin abbreviation: "（International Coal Ventures，简称ICVL）", then "ICVL收购了…".)
    static const RE2* kShortName =
        new RE2(KG_SHORT_NAME_WORD "\\s*(\\p{Han}{2,8}|" KG_ABBREVIATION_WORD ")");
    if (re2::StringPiece short_name; RE2::PartialMatch(bracket, *kShortName, &short_name)) {
      NoteArticleAlias(entity, absl::string_view(short_name.data(), short_name.size()), extra);
    }
    const size_t end = name_end + bracket.size();
    std::erase_if(*out, [&](const Mention& m) { return m.span.begin >= start && m.span.end <= end; });
    added.push_back(Mention{Span{start, end}, entity});
    i = end;
    return true;
  };
  // "对轧制铝材企业爱励（Aleris）的收购": a transliteration with its Latin name in brackets right
  // after a word for a firm of the trade (`firm_zh`: 企业, 生产商, 铝企, …) names a company, when
  // no stop word is inside it, nothing is found there yet and the Latin name is no listed place
  // or good.
  if (zh_firm_name_re_ != nullptr) {
    re2::StringPiece input(text.data(), text.size()), name;
    while (RE2::FindAndConsume(&input, *zh_firm_name_re_, &name)) {
      const size_t name_begin = name.data() - text.data();
      const size_t name_end = name_begin + name.size();
      re2::StringPiece bracket, latin;
      if (!RE2::PartialMatch(re2::StringPiece(text.data() + name_end, text.size() - name_end),
                             LatinInBrackets(), &bracket, &latin)) {
        continue;
      }
      bool stop = false;
      for (const std::string& w : name_words_.zh_stops) {
        stop |= absl::StrContains(text.substr(name_begin, name.size()), w);
      }
      const int listed = Lookup(std::string(latin.data(), latin.size()));
      if (stop || overlapping(name_begin, name_end + bracket.size(), true) != nullptr ||
          (listed >= 0 && entities_[listed].label != "Company")) {
        continue;
      }
      const size_t resume = i;
      name_with_bracket(name_begin, name_end, bracket, latin, -1);
      i = resume;
    }
  }
  while (i < text.size()) {
    size_t e = i;
    bool legal = false;
    std::string english;
    for (bool more = true; more;) {
      more = false;
      for (const auto& [zh, en] : zh_company_words_) {
        if (text.substr(e, zh.size()) == zh) {
          if (e == i) english = en;
          legal |= zh_legal_forms_.contains(zh);
          e += zh.size();
          more = true;
          break;
        }
      }
    }
    if (e == i) {  // "福特汽车": a word that only joins the company named before it.
      const Mention* before = ending_at(i);
      for (const auto& [zh, en] : zh_after_words_) {
        if (before != nullptr && label_of(*before) == "Company" && text.substr(i, zh.size()) == zh) {
          english = en;
          e += zh.size();
          break;
        }
      }
    }
    if (e == i) {
      ++i;
      continue;
    }
    const size_t begin = i;
    // A rejected run is looked at again from its next character ("天宜锂业科技股份有限公司":
    // 锂业… lies in a listed name, 科技… follows it).
    i = begin + 1;
    if (overlapping(begin, e, false) != nullptr) continue;
    // Inside a commodity's word ("重稀土", "离子型稀土", "稀土精矿"): no company word.
    bool in_commodity = false;
    for (const Mention& m : *out) {
      in_commodity |= m.span.begin < e && begin < m.span.end && label_of(m) == "Commodity" &&
                      (m.span.begin < begin || m.span.end > e);
    }
    if (in_commodity) continue;
    // "控股" after a name is as often the verb ("宁德时代控股的…") as part of the name.
    if (text.substr(begin, e - begin) == "控股") continue;
    // Nor one before a facility head: "埃尼巴稀土精炼厂" is a refinery named with its product.
    bool noun_after = head_at(e) != nullptr;
    for (absl::string_view w : kNotAfter) noun_after |= absl::StartsWith(text.substr(e), w);
    if (!legal && noun_after) continue;
    // A Latin name nobody read as one ("Kodal矿业" opening the sentence): a Company now.
    static const RE2* kLatinBefore = new RE2(
        "(?:^|[^\\p{Latin}\\d'’&.-])"
        "(\\p{Lu}[\\p{Latin}\\d'’&.-]*(?:[ ]\\p{Lu}[\\p{Latin}\\d'’&.-]*){0,3})$");
    re2::StringPiece latin;
    if (ending_at(begin) == nullptr &&
        RE2::PartialMatch(re2::StringPiece(text.data(), begin), *kLatinBefore, &latin)) {
      const size_t lb = static_cast<size_t>(latin.data() - text.data());
      if (overlapping(lb, begin, true) == nullptr) {
        EntityDef def;
        def.label = "Company";
        def.name = english.empty() ? latin.ToString() : absl::StrCat(latin.ToString(), " ", english);
        def.key = absl::StrCat("Company:", NormalizeName(def.name));
        def.aliases.push_back(latin.ToString());
        def.aliases.push_back(std::string(text.substr(lb, e - lb)));
        const int listed = Lookup(def.name);
        added.push_back(Mention{Span{lb, e}, listed >= 0 && entities_[listed].label == "Company"
                                                 ? listed
                                                 : AddExtra(std::move(def), extra)});
        i = e;
        continue;
      }
    }
    // A company named right before: "宁德时代新能源科技股份有限公司", "Bintang Delapan集团".
    if (const Mention* m = ending_at(begin); m != nullptr && label_of(*m) == "Company") {
      Mention k = *m;
      const absl::string_view surface = text.substr(k.span.begin, begin - k.span.begin);
      // A listed trade name before a trade word ("天齐实业" after the listed "天齐") names
      // another company of that name; a listed name that ends in a company word, or a legal form,
      // 公司 or 集团 after one, goes on with the same company ("天宜锂业科技股份有限公司").
      bool trade_word = false;
      for (size_t at = begin; at < e;) {
        size_t len = 0;
        for (const auto& [zh, en] : zh_company_words_) {
          if (text.substr(at, zh.size()) != zh) continue;
          len = zh.size();
          trade_word |= !zh_legal_forms_.contains(zh) && zh != "公司" && zh != "集团";
          break;
        }
        if (len == 0) break;  // A zh_after word ("汽车"): no trade word.
        at += len;
      }
      // "湖南黄金集团（Hunan Gold Group）" after the listed 湖南黄金 (Hunan Gold): the Latin name in
      // brackets says which company the longer name is, when it is not the listed one's.
      re2::StringPiece bracket, latin;
      if (!legal &&
          RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e),
                            LatinInBrackets(), &bracket, &latin) &&
          static_cast<size_t>(k.entity) < entities_.size() &&
          Lookup(std::string(latin.data(), latin.size())) != k.entity) {
        if (name_with_bracket(place_before(k.span.begin), e, bracket, latin, k.entity)) continue;
      }
      bool complete = false;
      for (const auto& [zh, en] : zh_company_words_) complete |= absl::EndsWith(surface, zh);
      if (static_cast<size_t>(k.entity) < entities_.size() && trade_word && !complete &&
          static_cast<unsigned char>(surface.back()) >= 0x80) {
        const size_t start = place_before(k.span.begin);
        k.entity = ListedOrAdded(std::string(text.substr(start, e - start)), "Company", extra);
        k.span = Span{start, e};
        added.push_back(k);
        i = e;
        continue;
      }
      if (static_cast<size_t>(k.entity) >= entities_.size() &&
          static_cast<unsigned char>(surface.back()) < 0x80) {
        EntityDef def;
        def.label = "Company";
        def.name = english.empty() || absl::EndsWith(surface, english)
                       ? std::string(surface)
                       : absl::StrCat(surface, " ", english);
        def.key = absl::StrCat("Company:", NormalizeName(def.name));
        def.aliases.push_back(std::string(surface));
        def.aliases.push_back(std::string(text.substr(k.span.begin, e - k.span.begin)));
        k.entity = AddExtra(std::move(def), extra);
      }
      k.span.end = e;
      k.guessed = false;
      added.push_back(k);
      i = e;
      continue;
    }
    size_t b = name_start(begin, 2, legal ? 12 : 3, legal);
    bool clause_name = false;
    // "希玛德里特种化学品公司计划…": a longer run before a bare 公司 or 集团 is a name when it
    // opens the sentence or a clause (nothing but punctuation before it), holds no stop word and
    // opens with no generic word ("该公司", "中国公司" are none; a trade may follow the name).
    if (b == absl::string_view::npos && !legal &&
        (text.substr(begin, e - begin) == "公司" || text.substr(begin, e - begin) == "集团")) {
      const size_t wide = name_start(begin, 5, 10);
      static constexpr absl::string_view kClauseEnd[] = {"。", "，", "；", "：", "、", ",", ";", ":"};
      const bool opens =
          wide == 0 || (wide != absl::string_view::npos &&
                        std::any_of(std::begin(kClauseEnd), std::end(kClauseEnd),
                                    [&](absl::string_view p) {
                                      return absl::EndsWith(text.substr(0, wide), p);
                                    }));
      if (opens && ending_at(wide) == nullptr && !generic_in(wide, wide + 6) &&
          own_chars(wide, begin) * 3 == static_cast<int>(begin - wide)) {
        b = wide;
        clause_name = true;
      }
    }
    // "该矿由中国有色矿业控股60%": after the passive 由 or 被, a 控股 closing the run before a
    // share is the verb ("held 60% by"), not the name's "Holdings".
    if (b != absl::string_view::npos && e - begin > 6 && text.substr(e - 6, 6) == "控股") {
      const absl::string_view before = text.substr(0, place_before(b));
      static const RE2* kShareAfter =
          new RE2("^(?:约|超过|逾|近|合计|共计)?(?:\\d+(?:\\.\\d+)?\\s*(?:%|％)|百分之)");
      if ((absl::EndsWith(before, "由") || absl::EndsWith(before, "被")) &&
          RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kShareAfter)) {
        e -= 6;
      }
    }
    // "持有谢米兹拜铀公司（Semizbay-U）49%的股份", "收购了奥尔塔雷克公司（Ortalyk）", "塔铝金业（Talco
    // Gold）": a Latin name in brackets right after company words confirms the run before as a
    // name, longer than a bare one may be and holding a commodity; the company is the Latin name,
    // the Chinese its alias. A country may open it ("塔吉克斯坦铝业公司（TALCO）").
    if (!legal) {
      re2::StringPiece bracket, latin;
      size_t wide = name_start(begin, 2, 8, /*legal=*/true);
      if (wide == absl::string_view::npos && place_before(begin) < begin) wide = place_before(begin);
      if (wide != absl::string_view::npos) wide = place_before(wide);  // "湖南华菱钢铁集团".
      const bool bracketed = RE2::PartialMatch(
          re2::StringPiece(text.data() + e, text.size() - e), LatinInBrackets(), &bracket, &latin);
      // "中国宝武钢铁集团（China Baowu Steel Group）": the listed company the Latin name names
      // opens the run.
      if (const Mention* m = wide == absl::string_view::npos ? nullptr : ending_at(wide);
          bracketed && m != nullptr && !m->demonym && label_of(*m) == "Company" &&
          Lookup(std::string(latin.data(), latin.size())) == m->entity) {
        wide = m->span.begin;
      }
      if (bracketed &&
          wide != absl::string_view::npos && begin - wide >= 6 && own_chars(wide, begin) >= 1 &&
          (!generic_in(wide, begin, true) || distinct_chars(wide, begin) >= 2) &&
          more_than_inner(wide, begin)) {
        name_with_bracket(wide, e, bracket, latin, -1);
        continue;
      }
    }
    // With a legal form a commodity may make the name ("宜春银锂新能源有限责任公司"); without one
    // the name holds none ("获取锂资源" is no name). The rest of a company word is no name: "有限"
    // before "公司" is the legal form the run before was rejected with ("鸿商投资有限公司" read
    // from its 公司 is "有限公司", a company word reaching the run's end).
    if (b == absl::string_view::npos || LongerCompanyWordAt(text, b, e - b - 1) ||
        own_chars(b, begin) < (legal ? 1 : 2) ||
        (generic_in(b, begin, legal) && !clause_name) || !more_than_inner(b, begin) ||
        (!legal && own_chars(b, begin) * 3 != static_cast<int>(begin - b))) {
      continue;
    }
    // "中美稀土战争": two one-character country names ("China-US") before the trade word are a
    // pair of countries, not a name.
    if (!legal && begin - b == 6) {
      static constexpr absl::string_view kCountryChars[] = {"中", "美", "日", "韩", "澳", "欧",
                                                            "俄", "印", "英", "法", "德", "加"};
      auto country_char = [&](size_t at) {
        return std::find(std::begin(kCountryChars), std::end(kCountryChars), text.substr(at, 3)) !=
               std::end(kCountryChars);
      };
      if (country_char(b) && country_char(b + 3)) continue;
    }
    const size_t start = place_before(b);
    const std::string name(text.substr(start, e - start));
    // A short name of a company the article named in full before ("能投锂业" after
    // "四川能投锂业有限公司"): a province or country before it, company words after it.
    int entity = -1;
    for (size_t k = 0; k < extra->size() && entity < 0 && !legal; ++k) {
      const EntityDef& full = (*extra)[k];
      const size_t at = full.label == "Company" ? full.name.find(name) : std::string::npos;
      if (at == std::string::npos || at > 9 || full.name.size() == name.size()) continue;
      absl::string_view rest = absl::string_view(full.name).substr(at + name.size());
      for (bool more = true; more && !rest.empty();) {
        more = false;
        for (const auto& [zh, en] : zh_company_words_) more |= absl::ConsumePrefix(&rest, zh);
      }
      if (rest.empty()) entity = static_cast<int>(entities_.size() + k);
    }
    if (entity < 0) entity = ListedOrAdded(name, "Company", extra);
    added.push_back(Mention{Span{start, e}, entity});
    i = e;
  }
  // "青美邦" after "青美邦新能源材料有限公司": the part of an unlisted Chinese company's name before
  // its first company word is that company on its own, when it names nothing listed.
  for (size_t k = 0; k < extra->size(); ++k) {
    const EntityDef& full = (*extra)[k];
    if (full.label != "Company" || full.name.empty() ||
        static_cast<unsigned char>(full.name[0]) < 0xE3) {
      continue;
    }
    size_t first_word = std::string::npos;
    for (const auto& [zh, en] : zh_company_words_) {
      const size_t at = full.name.find(zh);
      if (at != std::string::npos && at > 0) first_word = std::min(first_word, at);
    }
    if (first_word == std::string::npos || first_word < 6) continue;  // Two characters at least.
    const std::string stem = full.name.substr(0, first_word);
    if (Lookup(stem) >= 0) continue;
    for (size_t at = text.find(stem); at != absl::string_view::npos;
         at = text.find(stem, at + stem.size())) {
      const size_t end = at + stem.size();
      bool taken = false;
      for (const Mention& m : *out) taken |= at < m.span.end && m.span.begin < end;
      for (const Mention& m : added) taken |= at < m.span.end && m.span.begin < end;
      if (!taken) added.push_back(Mention{Span{at, end}, static_cast<int>(entities_.size() + k)});
    }
  }
  std::sort(added.begin(), added.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  ReplaceOverlapping(added, out);
  if (!facilities) return;

  // A commodity written as a concentrate ("稀土精矿", "锂精矿") ends in 矿 but names goods.
  auto concentrate = [&](const Mention* m) {
    return absl::EndsWith(text.substr(m->span.begin, m->span.end - m->span.begin), "精矿");
  };
  // A facility named before commodities or kinds and a head is that facility: "芒廷帕斯矿",
  // "腾科丰谷鲁梅铜钴矿".
  added.clear();
  for (const Mention& f : *out) {
    // (Also after a bracket that ends its name: "布阿泽尔（Bou Azzer）钴矿".)
    const absl::string_view before_end = text.substr(0, f.span.end);
    if (f.demonym || label_of(f) != "Facility" ||
        !(han_before(f.span.end) || absl::EndsWith(before_end, "）") ||
          absl::EndsWith(before_end, ")"))) {
      continue;
    }
    size_t at = f.span.end;
    int product = f.product;
    for (bool more = true; more;) {
      more = false;
      for (const Mention& m : *out) {
        if (m.span.begin == at && m.span.end > at && label_of(m) == "Commodity") {
          if (product < 0) product = m.entity;
          at = m.span.end;
          more = true;
        }
      }
      for (const std::string& k : name_words_.zh_kinds) {
        if (!more && text.substr(at, k.size()) == k) {
          at += k.size();
          more = true;
        }
      }
    }
    // A commodity may close with the head ("铁矿"): then it ends the name.
    const auto* head = head_at(at);
    size_t end = head != nullptr ? at + head->first.size() : at;
    if (head == nullptr) {
      for (const Mention& m : *out) {
        if (m.span.end == at && m.span.begin >= f.span.end && label_of(m) == "Commodity" &&
            absl::EndsWith(text.substr(m.span.begin, at - m.span.begin), "矿") &&
            !concentrate(&m)) {
          end = at;
        }
      }
      if (end == f.span.end || at == f.span.end) continue;
    }
    if (end == f.span.end || !ends_word_at(end)) continue;
    Mention extended = f;
    extended.span.end = end;
    extended.product = product;
    added.push_back(extended);
  }
  ReplaceOverlapping(added, out);

  // Facilities: a name, commodities or kinds, a head ("业隆沟锂辉石矿", "华飞镍钴项目").
  added.clear();
  for (size_t h = 0; h < text.size();) {
    const std::pair<std::string, std::string>* head = head_at(h);
    if (head == nullptr) {
      ++h;
      continue;
    }
    const size_t he = h + head->first.size();
    const size_t head_b = h;
    h = he;
    if (!ends_word_at(he)) continue;
    // The head may close a commodity ("锂辉石矿", "稀土矿"), but not a concentrate ("稀土精矿" is
    // goods, not a deposit); nothing else may hold it.
    size_t w = head_b;
    int product = -1;
    if (const Mention* m = overlapping(head_b, he, true); m != nullptr) {
      if (label_of(*m) != "Commodity" || m->span.end != he || m->span.begin >= head_b ||
          concentrate(m)) {
        continue;
      }
      w = m->span.begin;
      product = m->entity;
    }
    for (bool more = true; more;) {
      more = false;
      if (const Mention* m = ending_at(w); m != nullptr && label_of(*m) == "Commodity") {
        if (product < 0) product = m->entity;
        w = m->span.begin;
        more = true;
      } else if (const size_t k = ends_with_any(w, name_words_.zh_kinds); k > 0) {
        w -= k;
        more = true;
      }
    }
    size_t b = name_start(w, 2, 4);
    int entity = -1;
    if (b == absl::string_view::npos) {
      // "其包头基地": a province or city alone names a plant, not a mine or project; kinds of
      // process may stand between ("Kolwezi湿法冶炼厂"), goods may not ("四川锂盐工厂"). A place
      // written in Latin letters glued to the head names any site, in English when listed so
      // ("Sonora锂黏土项目" is the "Sonora lithium project").
      const Mention* m = ending_at(w);
      if (m == nullptr || label_of(*m) != "Region" || !boundary(m->span.begin)) continue;
      const bool latin = static_cast<unsigned char>(text[m->span.begin]) < 0x80;
      const bool plant = head->second != "mine" && head->second != "project";
      if (!latin && (!plant || (w != head_b && product >= 0))) continue;
      b = m->span.begin;
      if (latin) {
        const std::string place(text.substr(b, m->span.end - b));
        std::vector<std::string> names;
        if (product >= 0 && static_cast<size_t>(product) < entities_.size()) {
          names.push_back(absl::StrCat(place, " ", entities_[product].name, " ", head->second));
        }
        names.push_back(absl::StrCat(place, " ", head->second));
        for (const std::string& n : names) {
          const int listed = Lookup(n);
          if (listed >= 0 && entities_[listed].label == "Facility") {
            entity = listed;
            break;
          }
        }
      }
    } else if (own_chars(b, w) < 2 || generic_in(b, w)) {
      continue;
    }
    if (entity < 0) entity = ListedOrAdded(std::string(text.substr(b, he - b)), "Facility", extra);
    Mention mention{Span{b, he}, entity};
    mention.product = product;
    added.push_back(mention);
  }
  ReplaceOverlapping(added, out);
}

int Gazetteer::ListedCompanyOf(absl::string_view bare) const {
  auto it = bare_companies_.find(bare);
  return it == bare_companies_.end() ? -1 : it->second;
}

int Gazetteer::ListedSiteOf(absl::string_view bare) const {
  auto it = bare_sites_.find(bare);
  return it == bare_sites_.end() ? -1 : it->second;
}

void Gazetteer::FindGuessedNames(absl::string_view text, std::vector<Mention>* out,
                                 std::vector<EntityDef>* extra) const {
  // Whether `words` open a company's name the article gave ("Gatos" or "First Majestic" after
  // "First Majestic Silver", "Gatos Silver").
  auto opens_named_company = [&](std::string_view words) {
    const std::string opening = absl::StrCat("Company:", NormalizeName(words), " ");
    return std::any_of(extra->begin(), extra->end(),
                       [&](const EntityDef& d) { return absl::StartsWith(d.key, opening); });
  };
  // One to four capitalized words (an all-capital word counts), joined by spaces or "&".
  static const RE2* kName = new RE2(
      "(\\p{Lu}[\\p{Latin}\\p{Greek}\\p{Cyrillic}\\pM\\d'’&.-]*"
      "(?:[ ](?:&[ ]|" KG_NAME_PARTICLE ")?"
      "\\p{Lu}[\\p{Latin}\\p{Greek}\\p{Cyrillic}\\pM\\d'’&.-]*){0,3})");
  // "north-east of Kalgoorlie", "just west of Kamloops", "on the outskirts of Hull": a compass
  // direction "of" names a place too.
  static const RE2* kPlaceBefore = new RE2(
      "(?i)\\b(?:in|at|near|outside|across|around|throughout|into|"
      // "Closer to Zvishavane, Implats and …": a place the sentence opens with.
      "^[ ]*(?:much[ ])?(?:closer|close|next)[ ]to|"
      "(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?[ ]of|"
      "outskirts[ ]of|(?:state|province|region|department|county|district|city|town|village|"
      "port|island|islands|strait|straits|gulf|bay|sea|lake|river|coast|peninsula)[ ]of|"
      // "the islands of Bangka and Belitung": the second of two places.
      "(?:islands|provinces|states|regions|towns|cities|ports)[ ]of[ ]\\p{Lu}[\\pL\\pM'’-]*[ ]and)"
      // The tail of a place joined by a particle: "near the town of Paso de los Toros".
      "[ ](?:the[ ])?(?:\\p{Lu}[\\pL\\pM'’-]*[ ](?-i:" KG_NAME_PARTICLE "){1,2})?$");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::vector<Mention> found;
  // The brackets right after a `not_org` name ("… Independence Army (KIA)"): its short forms,
  // which name no organisation either, even when one spells a listed name.
  std::vector<Span> not_org_brackets;
  size_t start = 0;  // The sentence's first word.
  while (start < text.size() && (text[start] == ' ' || text[start] == '"' || text[start] == '(')) {
    ++start;
  }
  for (size_t pos = 0;
       pos < text.size() && kName->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1);) {
    size_t b = static_cast<size_t>(m.data() - text.data());
    size_t e = b + m.size();
    pos = e;
    // "pay Ultra Lithium US$10 million": a currency's prefix glued to the sum is no word of the
    // name.
    if (e < text.size() && text[e] == '$') {
      static const RE2* kCurrencyTail = new RE2("([ ](?:US|A|C|HK|NZ|S))$");
      re2::StringPiece tail;
      if (RE2::PartialMatch(re2::StringPiece(text.data() + b, e - b), *kCurrencyTail, &tail)) {
        e -= tail.size();
      }
    }
    // Inside a word; but a Latin name right after Chinese text starts a word of its own
    // ("对博茨瓦纳Khoemacau铜矿", "合资公司PT Halmahera Persada Lygend").
    // (Also after a full-width comma, semicolon or colon: "，WCS和Simfer各持有42.5%"; not after a
    // bracket, which the bracket rules read.)
    const bool after_cjk =
        b >= 3 && ((static_cast<unsigned char>(text[b - 3]) >= 0xE3 &&
                    static_cast<unsigned char>(text[b - 3]) <= 0xE9) ||
                   text.substr(b - 3, 3) == "，" || text.substr(b - 3, 3) == "；" ||
                   text.substr(b - 3, 3) == "：");
    if (b > 0 && (absl::ascii_isalnum(text[b - 1]) ||
                  (static_cast<unsigned char>(text[b - 1]) >= 0x80 && !after_cjk))) {
      continue;
    }
    // A chemical formula ("1.44% Li2O", "U3O8", "TiO2") names no company.
    static const RE2* kFormula = new RE2("(?:[A-Z][a-z]?\\d{0,2}){2,5}");
    if (const absl::string_view run = text.substr(b, e - b);
        RE2::FullMatch(re2::StringPiece(run.data(), run.size()), *kFormula) &&
        std::any_of(run.begin(), run.end(), [](char c) { return absl::ascii_isdigit(c); })) {
      continue;
    }
    // "BHP's Nickel West unit": a company's possessive ends a name; the run goes on after it.
    // Not after a country's ("Bolivia's Plurinational Legislative Assembly", "Australia's
    // Treasurer Jim Chalmers": bodies and people more often than companies).
    for (absl::string_view mark : {"'s ", "’s ", "s' "}) {
      const size_t at = text.substr(b, e - b).rfind(mark);
      if (at == absl::string_view::npos) continue;
      const size_t possessor_end = b + at + (mark == "s' " ? 1 : 0);
      bool company = false, country = false;
      for (const Mention& o : *out) {
        company |= !o.demonym && o.span.begin >= b && o.span.end == possessor_end &&
                   LabelOf(o, *extra) == "Company";
        country |= !o.demonym && o.span.begin >= b && o.span.end == possessor_end &&
                   LabelOf(o, *extra) == "Country";
      }
      if (company) b += at + mark.size();
      // "Japan's Tokuyama", "Norway's Norsk Mineral": after a country's possessive, a name
      // that ends the clause or comes before a verb is a company ("Australia's Treasurer Jim
      // Chalmers", a title, and "Bolivia's Legislative Assembly", no organisation, stay out).
      if (country) {
        static const RE2* kClauseGoesOn = new RE2(
            "^(?:[,.;:)]|$|[ ](?:and|or|both|also|now|still|each|jointly|has|have|had|is|was|will|would|said|says|agreed|signed|"
            "owns|holds|bought|sold|sells|supplies|runs|operates|invested|plans|makes|produces|"
            "holding|owning|controlling|keeping|retaining|taking|"
            "which|that|to|in|for|with|from|at)\\b)");
        if (RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kClauseGoesOn)) {
          b += at + mark.size();
        }
      }
      // "General Motors' Ultium plants": what a head noun follows names sites, not a company.
      static const RE2* kHeadsAfter = new RE2(
          "(?i)^[ ](?:plants?|mines?|projects?|operations?|refiner(?:y|ies)|facilit(?:y|ies)|"
          "factor(?:y|ies)|smelters?|mills?|complex|deposits?|sites?|hub)\\b");
      if (company && RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e),
                                       *kHeadsAfter)) {
        b = e;  // Nothing left to guess.
      }
    }
    if (b >= e) continue;
    // A listed commodity written capitalized inside the run is part of a company's name
    // ("Arcadium Lithium", "Lithium Americas"); any other listed name stops it.
    bool known = false;
    std::vector<size_t> swallowed, demonyms;
    for (size_t k = 0; k < out->size(); ++k) {
      const Mention& o = (*out)[k];
      if (!(o.span.begin < e && b < o.span.end)) continue;
      const bool commodity = !o.demonym && static_cast<size_t>(o.entity) < entities_.size() &&
                             entities_[o.entity].label == "Commodity";
      // "Cobalt Holdings", "Nickel West": a capitalized commodity opening a run of two or more
      // capitalized words is part of a name too.
      if (commodity && o.span.begin >= b && o.span.end <= e &&
          (o.span.begin > b || o.span.end + 1 < e) && absl::ascii_isupper(text[o.span.begin])) {
        swallowed.push_back(k);
      } else if ((o.demonym || (static_cast<size_t>(o.entity) < entities_.size() &&
                                entities_[o.entity].label == "Region")) &&
                 o.span.begin >= b && o.span.end <= e) {
        demonyms.push_back(k);  // "Nevada Lithium": a region before a commodity, as a demonym.
      } else {
        known = true;
      }
    }
    // "Australian Vanadium", "North American Lithium": a demonym followed inside the run by a
    // capitalized commodity is part of a name, not a nationality.
    size_t demonym_begin = std::string::npos;
    if (!known && !demonyms.empty()) {
      bool commodity_after = false;
      for (size_t k : swallowed) commodity_after |= (*out)[k].span.begin > (*out)[demonyms.front()].span.begin;
      // "Gigafactory Nevada": a region that ends a run after another word is part of the name.
      const Mention& first_place = (*out)[demonyms.front()];
      const bool region_last = demonyms.size() == 1 && !first_place.demonym &&
                               first_place.span.begin > b && first_place.span.end == e;
      // "Sulawesi Cahaya Mineral": a region opening a run of two more words, none a stop or
      // title word, is part of a name too ("Texas Governor Greg Abbott" is not).
      bool region_first = false;
      if (demonyms.size() == 1 && !first_place.demonym && first_place.span.begin == b &&
          first_place.span.end + 1 < e) {
        std::vector<absl::string_view> rest =
            absl::StrSplit(text.substr(first_place.span.end + 1, e - first_place.span.end - 1), ' ');
        region_first = rest.size() == 2;
        for (absl::string_view w : rest) {
          region_first &= !w.empty() && absl::ascii_isupper(w[0]) && !name_words_.stops.contains(w) &&
                          !name_words_.titles.contains(w) &&
                          !name_words_.titles.contains(absl::AsciiStrToLower(w));
        }
      }
      if (!commodity_after && !region_last && !region_first) continue;
      demonym_begin = (*out)[demonyms.front()].span.begin;
      swallowed.insert(swallowed.end(), demonyms.begin(), demonyms.end());
      std::sort(swallowed.begin(), swallowed.end());
    }
    // The last word of the run, lower case, when it is a facility head ("Mariana Lithium
    // Project", "Bald Hill Lithium Mine"): the run names a facility, not a company.
    auto head_at_end = [&](size_t run_b, size_t run_e) {
      absl::string_view run = text.substr(run_b, run_e - run_b);
      while (!run.empty() && (run.back() == '.' || run.back() == ',')) run.remove_suffix(1);
      const size_t sp = run.rfind(' ');
      if (sp == absl::string_view::npos) return false;
      const absl::string_view last = run.substr(sp + 1);
      if (last.empty() || !absl::ascii_isupper(last[0])) return false;
      const std::string lower = absl::AsciiStrToLower(last);
      return std::find(name_words_.heads.begin(), name_words_.heads.end(), lower) !=
             name_words_.heads.end();
    };
    // "Sino-Metals Leach Zambia": two or more unlisted words, none a stop word, then a country
    // name a company's national unit (not before a possessive or another capitalized word).
    if (known) {
      const Mention* country = nullptr;
      bool other = false;
      for (const Mention& o : *out) {
        if (!(o.span.begin < e && b < o.span.end)) continue;
        if (!o.demonym && o.span.end == e && o.span.begin > b + 1 &&
            LabelOf(o, *extra) == "Country" && text[o.span.begin - 1] == ' ') {
          country = &o;
        } else {
          other = true;
        }
      }
      const absl::string_view after = text.substr(e);
      const bool ends_phrase =
          !absl::StartsWith(after, "'") && !absl::StartsWith(after, "’") &&
          !(after.size() > 1 && after[0] == ' ' && absl::ascii_isupper(after[1]));
      if (country != nullptr && !other && ends_phrase) {
        const absl::string_view before = text.substr(b, country->span.begin - 1 - b);
        std::vector<absl::string_view> unit_words = absl::StrSplit(before, ' ');
        bool plain = unit_words.size() >= 2;
        for (absl::string_view w : unit_words) plain &= !w.empty() && !name_words_.stops.contains(w);
        if (plain) {
          const std::string name(text.substr(b, e - b));
          const Span country_span = country->span;
          std::erase_if(*out, [&](const Mention& o) {
            return o.span.begin == country_span.begin && o.span.end == country_span.end;
          });
          found.push_back(Mention{Span{b, e}, ListedOrAdded(name, "Company", extra)});
          continue;
        }
      }
    }
    // "Goulamina Lithium Project": a listed facility, a capitalized commodity and a head are the
    // listed facility.
    if (known) {
      const Mention* facility = nullptr;
      bool other = false;
      for (const Mention& o : *out) {
        if (!(o.span.begin < e && b < o.span.end)) continue;
        const bool commodity = !o.demonym && static_cast<size_t>(o.entity) < entities_.size() &&
                               entities_[o.entity].label == "Commodity";
        if (!o.demonym && o.span.begin == b && static_cast<size_t>(o.entity) < entities_.size() &&
            entities_[o.entity].label == "Facility") {
          facility = &o;
        } else if (!commodity || !absl::ascii_isupper(text[o.span.begin])) {
          other = true;
        }
      }
      if (facility != nullptr && !other && facility->span.end < e && head_at_end(b, e)) {
        size_t end = e;
        while (end > b && (text[end - 1] == '.' || text[end - 1] == ',')) --end;
        Mention extended{Span{b, end}, facility->entity};
        std::erase_if(*out, [&](const Mention& o) { return o.span.begin < end && b < o.span.end; });
        found.push_back(extended);
      }
      continue;
    }
    absl::string_view name = text.substr(b, e - b);
    // A trailing possessive or punctuation is not part of the name.
    for (absl::string_view tail : {"'s", "’s", "'", "’", ".", "-"}) {
      // An abbreviation keeps its dot ("Paulson & Co.").
      if (tail == "." && (absl::EndsWith(name, "Co.") || absl::EndsWith(name, "Corp.") ||
                          absl::EndsWith(name, "Inc.") || absl::EndsWith(name, "Ltd."))) {
        continue;
      }
      if (absl::EndsWith(name, tail)) name.remove_suffix(tail.size());
    }
    // "Element 25": a short number after a name is part of it, unless a unit or a figure
    // word follows ("Lynas 10 tonnes" does not occur; "Element 25 under a deal" does) or it
    // is the whole part of a decimal ("Minera Exar 46.7%的股份").
    const size_t last_space = name.rfind(' ');
    const absl::string_view last_word =
        last_space == absl::string_view::npos ? name : name.substr(last_space + 1);
    if (name.size() == e - b && !name_words_.stops.contains(last_word)) {
      static const RE2* kNumberTail = new RE2(
          "^([ ]\\d{1,3})(?:$|[:,;)]|[.](?:$|[^\\d])|'s|’s|[ ](?:[a-z]+))");
      static const RE2* kUnitAfter = new RE2(
          "^[ ]\\d{1,3}[ ](?:t|kt|mt|tonnes?|tons?|per|percent|million|billion|km|kg|years?|"
          "months?|days?|a|of|and|to|or|mines?|projects?|plants?|%)\\b");
      re2::StringPiece rest(text.data() + e, text.size() - e);
      re2::StringPiece digits;
      if (RE2::PartialMatch(rest, *kNumberTail, &digits) && !RE2::PartialMatch(rest, *kUnitAfter)) {
        e += digits.size();
        name = text.substr(b, e - b);
      }
    }
    // "Mineral Exploration and Consultancy", "Hebei Iron and Steel Group": "and" joins a word that
    // ends such names (schema/name_words.txt, `joined`) and the capitalized words after it.
    if (name.size() == e - b && swallowed.empty()) {
      static const RE2* kAndWord = new RE2(
          "^([ ]and[ ](\\p{Lu}[\\pL\\pM'’-]*)(?:[ ]\\p{Lu}[\\pL\\pM'’-]*){0,2})");
      re2::StringPiece tail, word;
      if (RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kAndWord, &tail,
                            &word) &&
          name_words_.joined.contains(absl::string_view(word.data(), word.size()))) {
        bool free = true;  // No listed name in what is joined.
        for (const Mention& o : *out) free &= !(o.span.begin < e + tail.size() && e < o.span.end);
        if (free) {
          e += tail.size();
          name = text.substr(b, e - b);
        }
      }
    }
    std::vector<absl::string_view> words = absl::StrSplit(name, ' ', absl::SkipEmpty());
    // "the CHIPS Act" (a law), "the Kachin Independence Army" (an armed group): no
    // organisation kg tracks (schema/name_words.txt, `not_org`).
    // A stop word may end the run inside such a name ("the Prohibiting Russian Uranium Imports
    // Act"): a stop word and at most two more capitalized words after the run, the last a
    // `not_org` word, make the run part of it too.
    bool not_org_after = false;
    {
      static const RE2* kCapitalsThen = new RE2("^((?:[ ]\\p{Lu}[\\pL-]*){1,3})\\b");
      re2::StringPiece caps;
      if (RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kCapitalsThen,
                            &caps)) {
        std::vector<absl::string_view> more =
            absl::StrSplit(absl::string_view(caps.data(), caps.size()), ' ', absl::SkipEmpty());
        not_org_after = !more.empty() && name_words_.not_orgs.contains(more.back()) &&
                        name_words_.stops.contains(more.front());
      }
    }
    if (not_org_after) continue;
    if (!words.empty() && name_words_.not_orgs.contains(words.back())) {
      const size_t open = text.substr(e, 2) == " (" ? e + 2 : text.substr(e, 1) == "(" ? e + 1 : 0;
      const size_t close = open == 0 ? absl::string_view::npos : text.find(')', open);
      if (close != absl::string_view::npos && close - open <= 60) {
        not_org_brackets.push_back(Span{open, close});
      }
      continue;
    }
    // "on Obi Island": a place.
    if (words.size() > 1 && name_words_.places.contains(words.back())) continue;
    // "on Obi island", "in the Antofagasta region": so is a name before a place word in lower
    // case.
    {
      static const RE2* kLowerWordAfter = new RE2("^[ ](\\p{Ll}+)(?:$|[^\\pL\\d'’-])");
      re2::StringPiece word;
      if (RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kLowerWordAfter,
                            &word)) {
        std::string upper(word.data(), word.size());
        upper[0] = absl::ascii_toupper(upper[0]);
        if (name_words_.places.contains(upper)) continue;
      }
    }
    // "London-listed", "Perth-based", "Hong Kong-listed Jinchuan": a word ending in a hyphen
    // and a lower-case participle describes what follows; the name starts after it.
    for (size_t w = words.size(); w-- > 0;) {
      if (IsPlaceParticiple(words[w])) {
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(w) + 1);
        break;
      }
    }
    // The run's start before its leading stop words go: "in West Java" is a place.
    const size_t run_b =
        words.empty() ? b : static_cast<size_t>(words.front().data() - text.data());
    // Leading and trailing stop words go ("The", "In March").
    // A compass word before the demonym stays ("North American Lithium").
    static constexpr absl::string_view kCompass[] = {"North", "South", "East", "West", "Central"};
    while (!words.empty() && name_words_.stops.contains(words.front())) {
      // "is run by New Gold", "New Afton": "New" inside a sentence opens the name after it.
      if (words.front() == "New" && words.size() > 1 && !name_words_.stops.contains(words[1]) &&
          static_cast<size_t>(words.front().data() - text.data()) != start) {
        break;
      }
      // "First Majestic Silver bought …": "First" before two more words of a name opens it,
      // even opening the sentence ("First, Glencore …" has its comma; "First Quantum" is listed),
      // and so it does before one when the two begin a company named before ("First Majestic").
      if (words.front() == "First" && words.size() > 1 && !name_words_.stops.contains(words[1])) {
        const std::string_view two(words.front().data(),
                                   static_cast<size_t>(words[1].data() + words[1].size() -
                                                       words.front().data()));
        if ((words.size() > 2 && !name_words_.stops.contains(words[2])) ||
            opens_named_company(two)) {
          break;
        }
      }
      if (words.size() > 1 &&
          static_cast<size_t>(words[1].data() - text.data()) == demonym_begin &&
          std::find(std::begin(kCompass), std::end(kCompass), words.front()) != std::end(kCompass)) {
        break;
      }
      words.erase(words.begin());
    }
    // A compass word after a commodity ends a name ("Nickel West", "Lithium South").
    auto after_commodity = [&](size_t w) {
      if (w == 0) return false;
      const size_t prev_end = static_cast<size_t>(words[w - 1].data() + words[w - 1].size() - text.data());
      for (size_t k : swallowed) {
        if ((*out)[k].span.end == prev_end) return true;
      }
      return false;
    };
    // So does a continent ("Nickel Asia", "Lithium Americas").
    static constexpr absl::string_view kAfterCommodity[] = {
        "North", "South", "East", "West", "Central", "Asia", "Africa", "Europe", "America",
        "Americas", "Pacific", "Atlantic", "Global", "International"};
    // (Not one that "&" joins to the name: "Hyundai Engineering & Construction".)
    while (!words.empty() && name_words_.stops.contains(words.back()) &&
           !(words.size() > 1 && words[words.size() - 2] == "&") &&
           !(std::find(std::begin(kAfterCommodity), std::end(kAfterCommodity), words.back()) !=
                 std::end(kAfterCommodity) &&
             after_commodity(words.size() - 1))) {
      words.pop_back();
    }
    if (words.empty()) continue;
    b = static_cast<size_t>(words.front().data() - text.data());
    e = static_cast<size_t>(words.back().data() + words.back().size() - text.data());
    name = text.substr(b, e - b);
    if (name.size() < 2) continue;
    // What is left may be the commodity alone ("Lithium" of "Lithium In"): no name.
    {
      bool only_commodity = false;
      for (size_t k : swallowed) {
        only_commodity |= (*out)[k].span.begin <= b && (*out)[k].span.end >= e;
      }
      if (only_commodity) continue;
    }
    // "General Nickel Company of Cuba": a company named after its country.
    bool extended = false;
    if (words.back() == "Company" || words.back() == "Corporation") {
      static constexpr absl::string_view kOf = " of ";
      for (size_t k = 0; k < out->size(); ++k) {
        const Mention& o = (*out)[k];
        if (o.span.begin == e + kOf.size() && text.substr(e, kOf.size()) == kOf && !o.demonym &&
            static_cast<size_t>(o.entity) < entities_.size() &&
            entities_[o.entity].label == "Country") {
          e = o.span.end;
          out->erase(out->begin() + static_cast<std::ptrdiff_t>(k));
          extended = true;
          break;
        }
      }
    }
    // "the Moa joint venture": a venture named by an unlisted name, also with its commodity
    // between ("the Chihuahua lithium JV", "the Kona nickel joint venture").
    static const RE2* kVentureAfter = new RE2(
        "^((?:[ ][\\p{Ll}-]+){0,2}?[ ](?:joint[ ]venture|JV))\\b");
    re2::StringPiece venture;
    if (!extended && RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e),
                                       *kVentureAfter, &venture)) {
      const size_t jv = e + venture.size() - (absl::EndsWith(absl::string_view(venture.data(), venture.size()), "JV") ? 2 : 13);
      // The words between are all one commodity mention, or none.
      size_t covered = e;
      std::vector<size_t> between;
      for (size_t k = 0; k < out->size(); ++k) {
        const Mention& o = (*out)[k];
        if (!(o.span.begin < jv && e < o.span.end)) continue;
        if (o.demonym || static_cast<size_t>(o.entity) >= entities_.size() ||
            entities_[o.entity].label != "Commodity" || o.span.begin != covered + 1) {
          covered = std::string::npos;
          break;
        }
        covered = o.span.end;
        between.push_back(k);
      }
      if (covered != std::string::npos && covered + 1 == jv) {
        e += venture.size();
        pos = e;
        extended = true;
        swallowed.insert(swallowed.end(), between.begin(), between.end());
        std::sort(swallowed.begin(), swallowed.end());
      }
    }
    name = text.substr(b, e - b);
    // "Khoemacau铜矿", "Kisanfu铜钴矿": a Latin name before a Chinese facility head (through
    // commodity mentions) is that facility, "Khoemacau mine".
    {
      size_t at = e;
      // "Barro Alto和Codemin两座镍铁冶炼厂": a list of names, then a count of the heads.
      static const RE2* kListed = new RE2(
          "^((?:和|与|及|、)\\p{Lu}[\\p{Latin}\\pM\\d'’&.-]*"
          "(?:[ ]\\p{Lu}[\\p{Latin}\\pM\\d'’&.-]*){0,3})");
      static const RE2* kCount = new RE2("^((?:两|二|三|四|五|几|多)?(?:座|个|家|处))");
      bool via_list = false, counted = false;
      {
        re2::StringPiece listed, count;
        size_t after_list = at;
        if (RE2::PartialMatch(re2::StringPiece(text.data() + at, text.size() - at), *kListed,
                              &listed)) {
          after_list += listed.size();
        }
        if (RE2::PartialMatch(
                re2::StringPiece(text.data() + after_list, text.size() - after_list), *kCount,
                &count)) {
          via_list = after_list > at;
          counted = true;
          at = after_list + count.size();
        }
      }
      int product = -1;
      for (bool more = true; more;) {
        more = false;
        for (const Mention& o : *out) {
          if (o.span.begin == at && !o.demonym &&
              static_cast<size_t>(o.entity) < entities_.size() &&
              entities_[o.entity].label == "Commodity") {
            if (product < 0) product = o.entity;
            at = o.span.end;
            more = true;
          }
        }
      }
      const std::pair<std::string, std::string>* head = ZhHeadAt(text, at);
      // "Kodal矿业": a company word, not a mine (FindZhNames reads the company).
      if (head != nullptr && LongerCompanyWordAt(text, at, head->first.size())) head = nullptr;
      if (head != nullptr) {
        const size_t end = at + head->first.size();
        const std::string facility_name = absl::StrCat(name, " ", head->second);
        int entity = Lookup(facility_name);
        if (entity < 0 || entities_[entity].label != "Facility") entity = Lookup(name);
        if (entity < 0 || entities_[entity].label != "Facility") {
          EntityDef def;
          def.label = "Facility";
          def.name = facility_name;
          def.key = absl::StrCat("Facility:", NormalizeName(facility_name));
          def.aliases.push_back(std::string(name));
          if (!counted) def.aliases.push_back(std::string(text.substr(b, end - b)));
          entity = AddExtra(std::move(def), extra);
        }
        if (!via_list) {
          std::erase_if(*out, [&](const Mention& o) {
            return o.span.begin >= e && o.span.end <= end;
          });
        }
        Mention mention{Span{b, via_list ? e : end}, entity};
        mention.product = product;
        found.push_back(mention);
        continue;
      }
    }
    // "The Detroit carmaker": an unlisted capitalized word between "the" and a noun for a kind
    // of company describes where that company is; it names none ("the Techint group" does).
    {
      static const RE2* kTheBefore = new RE2("(?:^|[ (])[Tt]he[ ]$");
      static const RE2* kKindAfter = new RE2(
          "^[ ](?:[a-z-]+[ ])?(?:carmaker|automaker|miner|producer|firm|refiner|maker|trader|"
          "giant|smelter|lender|investor|developer|explorer|start-up|startup|steelmaker|"
          "chipmaker|supplier|buyer)s?\\b");
      // After "a" or "an" the word describes even before "company" or "group": "Brunp, a Foshan
      // company in which it bought a controlling stake".
      static const RE2* kABefore = new RE2("(?:^|[ (])(?:[Aa]n?)[ ]$");
      static const RE2* kAnyKindAfter = new RE2(
          "^[ ](?:[a-z-]+[ ])?(?:company|group|business|conglomerate|concern|firm|corporation)s?\\b"
          "(?:[^'’]|$)");
      // So do two words ("the Las Vegas miner"), and after a name in apposition also before
      // "company" ("MP Materials, the Las Vegas company that runs …").
      static const RE2* kAppositionBefore = new RE2(", the[ ]$");
      if (std::count(name.begin(), name.end(), ' ') <= 1) {
        const re2::StringPiece before(text.data(), b), after(text.data() + e, text.size() - e);
        const bool the = RE2::PartialMatch(before, *kTheBefore);
        const bool a = !the && RE2::PartialMatch(before, *kABefore);
        const bool apposition = the && RE2::PartialMatch(before, *kAppositionBefore);
        if ((the || a) && (RE2::PartialMatch(after, *kKindAfter) ||
                           ((a || apposition) && RE2::PartialMatch(after, *kAnyKindAfter)))) {
          continue;
        }
      }
    }
    // "Site 1", "Phase 2", "Table 3": a numbered part of something is no name.
    static const RE2* kNumberedPart = new RE2(
        "(?:Site|Plant|Mine|Asset|Project|Phase|Line|Train|Unit|Stage|Box|Table|Figure|Chart|Item|"
        "Part|Section|Step|Block|Lot|Module)[ ]\\d{1,2}[A-Za-z]?");
    if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), *kNumberedPart)) continue;
    // "its $1.25 billion S3 expansion", "the P2 project": a code of capitals and a digit before a
    // word for a project is a phase's name, not a company's.
    static const RE2* kProjectCode = new RE2("[A-Z]{1,3}\\d{1,2}[A-Za-z]?");
    static const RE2* kProjectWordAfter = new RE2(
        "^[ ](?:expansion|project|phase|upgrade|extension|development|programme|program)\\b");
    if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), *kProjectCode) &&
        RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kProjectWordAfter)) {
      continue;
    }
    // A lone capitalized word opening the sentence is just its first word, unless it is
    // written in capitals (CATL, BTR).
    bool acronym = true;
    for (char c : name) acronym &= !absl::ascii_islower(c);
    // "HOUSTON — Lithium …", "SÃO PAULO — …": long all-capital words opening a dateline
    // (DatelineLength) are no name; guessing goes on after it.
    if (acronym && b == start && words.size() <= 3 && name.size() >= 5) {
      if (const size_t dateline = DatelineLength(text.substr(start)); start + dateline > e) {
        pos = start + dateline;
        continue;
      }
    }
    // "Metorex, the Johannesburg-based miner that …": an apposition naming a company (not
    // "Separately, the company bought …").
    // (A name in brackets may come first: "VSMPO-Avisma (上萨尔达冶金生产联合体), the world's largest
    // titanium producer, …".)
    static const RE2* kCompanyApposition = new RE2(
        "^(?:[ ]?[(（][^()（）]{1,40}[)）])?,[ ](?:the|a|an|\\p{Lu}[\\w.-]+['’]s)[ ](?:[\\w'’-]+[ ]){0,3}?(?:miner|company|producer|group|firm|developer|"
        "refiner|maker|smelter|explorer|trader|unit|subsidiary|arm|division|affiliate|venture|"
        "start-up|startup|steelmaker|carmaker|automaker|utility|investor|"
        "operator|owner)"
        "(?:,|[ ](?:that|which|who|whose|of|in|based|with)\\b)");
    const re2::StringPiece after_run(text.data() + e, text.size() - e);
    const bool company_apposition = RE2::PartialMatch(after_run, *kCompanyApposition);
    // "Johan Sverdrup, the Equinor-operated oil field", "Hornsea 2, Ørsted's flagship offshore
    // wind farm": an apposition of a site's kind makes the name a site's.
    static const RE2* kSiteApposition = new RE2(
        "^,[ ](?:the|a|an|\\p{Lu}[\\w.-]+['’]s)[ ](?:[\\w'’-]+[ ]){0,4}?(?:oil field|gas field|"
        "oilfield|gasfield|field|wind farm|solar farm|mine|plant|refinery|smelter|terminal|"
        "deposit|complex|concentrator|gigafactory|fab)(?:,|[ ](?:in|off|on|near|at|that|which|to|"
        "being|under|built|owned|operated|run|planned|due)\\b)");
    const bool site_apposition =
        !company_apposition && !extended && RE2::PartialMatch(after_run, *kSiteApposition);
    // (A name the article has named as a company before is that company here too: "Zimasco的铬铁
    // 主要出口到中国" after "The oldest producer, Zimasco, …".)
    // (Also as a possessor: "Lucid's supplier, Korea Zinc, …" after "supply Lucid with antimony".)
    absl::string_view bare_name = name;
    for (absl::string_view mark : {"'s", "’s"}) {
      if (absl::EndsWith(bare_name, mark)) bare_name.remove_suffix(mark.size());
    }
    const bool named_before =
        extra != nullptr && std::any_of(extra->begin(), extra->end(), [&](const EntityDef& d) {
          return d.alias_of < 0 && d.label == "Company" && (d.name == name || d.name == bare_name);
        });
    // (A listed site's bare name possessing what follows is one: "Unki's output of …".)
    auto site_possessive = [&] {
      return (absl::StartsWith(text.substr(e), "'s ") || absl::StartsWith(text.substr(e), "’s ")) &&
             ListedSiteOf(bare_name) >= 0;
    };
    // (A word that begins a company's name the article gave is known: "Gatos" after "Gatos
    // Silver".)
    if (words.size() == 1 && !extended && b == start && !acronym && !company_apposition &&
        !named_before &&
        !NameVerbFollows(absl::string_view(after_run.data(), after_run.size()),
                         opens_named_company(std::string_view(name.data(), name.size()))) &&
        !site_possessive()) {
      continue;
    }
    // Nor a box line's label: one capitalized word, lower-case words, a colon ("Expansion cost:",
    // "Full capacity:" after a semicolon of a one-line box).
    static const RE2* kLabelTail = new RE2("^(?:[ ]\\p{Ll}[\\p{Ll}-]*){1,3}(?:[ ]\\([^()]{0,30}\\))?:");
    // (Only after a semicolon: "Planned Titan output:" names the Titan project.)
    if (words.size() == 1 && !extended && !acronym && b >= 2 && text.substr(b - 2, 2) == "; " &&
        RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kLabelTail)) {
      continue;
    }
    // Nor, whatever verb follows, a lone abstract noun ("Management says …", "Consolidation has
    // …"): an unlisted company is seldom one word with such an ending.
    static const RE2* kAbstractNoun =
        new RE2("^\\p{Lu}\\p{Ll}+(?:ment|tion|sion|ness|ity|ance|ence|ism|ship)$");
    if (words.size() == 1 && !extended && b == start && !acronym && !company_apposition &&
        RE2::FullMatch(re2::StringPiece(name.data(), name.size()), *kAbstractNoun)) {
      continue;
    }
    // "Ulsan, South Korea", "Fredrikstad, Norway)", "Kalgoorlie, Western Australia": a name
    // followed by its country or state, the phrase ending there, is a town.
    if (!extended && swallowed.empty() && text.substr(e, 2) == ", ") {
      bool town = false;
      for (const Mention& o : *out) {
        if (o.span.begin != e + 2 || o.demonym) continue;
        const std::string& label = LabelOf(o, *extra);
        if (label != "Country" && label != "Region") continue;
        const absl::string_view after = text.substr(o.span.end);
        // "Debrecen, Hungary's second-largest city": the country's town, in apposition.
        static const RE2* kCountrysTown = new RE2(
            "^(?:'s|’s) (?:[a-z-]+ ){0,3}(?:city|town|port|capital|village|hub)\\b");
        town = after.empty() || after[0] == ',' || after[0] == ';' || after[0] == ')' ||
               (after[0] == '.' && (after.size() == 1 || after[1] == ' ')) ||
               (label == "Country" && RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kCountrysTown));
      }
      if (town) continue;
    }
    // Places and people.
    // "in Catamarca" is a place; "invested $75m in Li-Cycle", "a stake in Vulcan" are not.
    static const RE2* kInvestedIn = new RE2(
        "(?i)\\b(?:invest\\w*|stakes?|interests?|shares|holdings?|equity|position|"
        "<?\\$?[\\d.,]+\\s*(?:m|bn|million|billion|%|per cent))[^.;:]{0,30}\\bin[ ]$");
    // "the Indonesia Weda Bay Industrial Park": a named site is a facility, also after "at".
    // A name with a capitalized commodity in it is no place ("around North American Lithium").
    const bool site = words.size() > 1 && !extended && name_words_.sites.contains(words.back());
    // "at Burghausen and Nünchritz in Germany": the second of two unknown places after a
    // preposition of place (a listed name first, "at Glencore and …", proves nothing).
    static const RE2* kSecondPlace =
        new RE2("\\b(?:in|at|near)[ ](\\p{Lu}[\\pL\\pM'’-]*)[ ]and[ ]$");
    re2::StringPiece first_place;
    if (!extended && !site && swallowed.empty() && words.size() == 1 &&
        RE2::PartialMatch(re2::StringPiece(text.data(), b), *kSecondPlace, &first_place)) {
      const size_t fb = static_cast<size_t>(first_place.data() - text.data());
      bool listed = false;
      for (const Mention& o : *out) listed |= o.span.begin < fb + first_place.size() && fb < o.span.end;
      if (!listed && !name_words_.stops.contains(first_place.ToString())) continue;
    }
    if (!extended && !site && swallowed.empty() &&
        (RE2::PartialMatch(re2::StringPiece(text.data(), b), *kPlaceBefore) ||
         RE2::PartialMatch(re2::StringPiece(text.data(), run_b), *kPlaceBefore)) &&
        !RE2::PartialMatch(re2::StringPiece(text.data(), run_b), *kInvestedIn)) {
      continue;
    }
    // A title before the run, or inside it before its last word ("Prime Minister Anwar Ibrahim",
    // "Chief Executive Officer Jane Doe"): a person's name follows.
    {
      auto is_title = [&](absl::string_view w) {
        return name_words_.titles.contains(w) || name_words_.titles.contains(absl::AsciiStrToLower(w));
      };
      auto [wb, we] = WordBefore(text, b);
      bool titled = wb < we && is_title(text.substr(wb, we - wb));
      // Or a title in apposition right before: "Iran's then oil minister, Bijan Zanganeh, said".
      if (!titled && b >= 2 && text.substr(b - 2, 2) == ", ") {
        auto [tb, te] = WordBefore(text, b - 2);
        titled = tb < te && te == b - 2 && absl::ascii_islower(text[tb]) &&
                 is_title(text.substr(tb, te - tb));
      }
      const std::vector<absl::string_view> run_words =
          absl::StrSplit(text.substr(run_b, e - run_b), ' ', absl::SkipEmpty());
      for (size_t w = 0; w + 1 < run_words.size() && !titled; ++w) titled = is_title(run_words[w]);
      if (titled) continue;
    }
    // "Sinomine runs Tanco", "plans to restart Mt Cattlin": an unlisted name after a verb of
    // running or developing a site is that site. Not after "owns" or "bought", which take
    // companies as often; not a possessor ("runs Tanco's mill"), not a name with a capitalized
    // commodity in it ("operates Atlas Lithium").
    static const RE2* kSiteVerbBefore = new RE2(
        "\\b(?:operates|operated|operating|runs|ran|is[ ]developing|are[ ]developing|develops|"
        "developed|to[ ]develop|restarted|to[ ]restart|reopened|to[ ]reopen|commissioned|"
        "is[ ]advancing|are[ ]advancing|advances|to[ ]advance|"
        "mines|is[ ]mining|idled|suspended[ ]operations[ ]at|shut|expanded|to[ ]expand)[ ]$");
    bool commodity_inside = false;
    for (size_t k : swallowed) {
      commodity_inside |= !(*out)[k].demonym && LabelOf((*out)[k], *extra) == "Commodity";
    }
    const bool after_site_verb =
        RE2::PartialMatch(re2::StringPiece(text.data(), b), *kSiteVerbBefore);
    // A name that begins a longer company name is that company ("Zijin" -> "Zijin Mining"),
    // unless a verb of running a site comes before it ("Glencore runs Mutanda" after "Mutanda
    // Mining": the mine).
    const std::string norm = NormalizeName(std::string_view(name.data(), name.size()));
    if (norm.empty()) continue;
    int entity = -1;
    const std::string longer = absl::StrCat("Company:", norm, " ");  // Keys hold normalized names.
    for (size_t k = 0; k < extra->size() && entity < 0 && !after_site_verb; ++k) {
      if (absl::StartsWith((*extra)[k].key, longer)) entity = static_cast<int>(entities_.size() + k);
    }
    // Or a facility the article named by its description ("Vaudreuil" after "Rio Tinto's
    // Vaudreuil refinery").
    // (Not before an apposition naming a company: "Kutch Copper, the Adani unit that owns the
    // Mundra plant" after "Kutch Copper smelter".)
    const std::string facility = absl::StrCat("Facility:", norm, " ");
    for (size_t k = 0; k < extra->size() && entity < 0 && !company_apposition; ++k) {
      if (absl::StartsWith((*extra)[k].key, facility) ||
          (*extra)[k].key == absl::StrCat("Facility:", norm)) {  // Named so by an apposition.
        entity = static_cast<int>(entities_.size() + k);
      }
    }
    // Or a listed mine named without its head ("Centinela, which lies in the Atacama desert"
    // for the listed "Centinela mine").
    // (Not the subject of a company's verb: "Ravensthorpe, which bought Mincor Resources".)
    static const RE2* kAgentVerbAfter = new RE2(
        "^,?[ ](?:(?:which|that|who)[ ])?(?:(?:has|had|have|also|then|later|now)[ ])*(?:bought|buys|"
        "acquired|acquires|signed|signs|agreed|agrees|invested|invests|said|says|owns|owned|holds|held|"
        "sold|sells|raised|raises|paid|pays|plans|planned|announced|announces|employs|lent|lends)\\b");
    // (A site may raise its own output: "Unki raised its output of platinum group metals".)
    static const RE2* kOwnOutputAfter = new RE2(
        "^[ ](?:(?:has|had)[ ])?(?:raised|raises|lifted|lifts|increased|increases|cut|cuts)[ ]"
        "(?:its|their)[ ](?:output|production)\\b");
    const re2::StringPiece rest_after(text.data() + e, text.size() - e);
    if (entity < 0 && !company_apposition &&
        (!RE2::PartialMatch(rest_after, *kAgentVerbAfter) ||
         RE2::PartialMatch(rest_after, *kOwnOutputAfter))) {
      entity = ListedSiteOf(name);
    }
    // Or a listed company named without its legal form: "Salzgitter, Germany's second-largest
    // steelmaker" for the listed "Salzgitter AG" (a place after "in" was left out above).
    if (entity < 0 && !after_site_verb) entity = ListedCompanyOf(name);
    // "owns the Golden Grove mine in Western Australia and Capricorn Copper in Queensland": a
    // name joined to a facility before it, each followed by its place, is a facility too.
    bool joined_site = false;
    if (entity < 0 && !site && !extended && words.size() <= 3) {
      static const RE2* kJoinedAfterFacility = new RE2(
          "(?:[ ](?:in|at|near)[ ](?:the[ ])?\\p{Lu}[\\pL\\pM'’-]*(?:[ ]\\p{Lu}[\\pL\\pM'’-]*){0,2})?"
          ",?[ ]and[ ]");
      static const RE2* kPlaceAfter = new RE2("^[ ](?:in|at|near)[ ]\\p{Lu}");
      if (RE2::PartialMatch(re2::StringPiece(text.data() + e, text.size() - e), *kPlaceAfter)) {
        for (const Mention& o : *out) {
          if (o.demonym || o.span.end >= b || LabelOf(o, *extra) != "Facility") continue;
          joined_site |= RE2::FullMatch(
              re2::StringPiece(text.data() + o.span.end, b - o.span.end), *kJoinedAfterFacility);
        }
      }
    }
    const bool bare_site =
        entity < 0 && !site && !extended && (!commodity_inside || joined_site) &&
        words.size() <= 3 && (after_site_verb || joined_site) &&
        !absl::StartsWith(text.substr(e), "'") && !absl::StartsWith(text.substr(e), "’");
    const bool head_last = !extended && head_at_end(b, e);
    // A name opened by a word that names a site ("Terminal XXXIX"; schema/name_words.txt
    // `site_first`) is a site too.
    const bool site_first =
        !extended && words.size() >= 2 && name_words_.site_firsts.contains(words.front());
    if (entity < 0) {
      EntityDef def;
      def.label = site || bare_site || head_last || site_first || site_apposition ? "Facility"
                                                                                   : "Company";
      def.name = std::string(name);
      def.key = absl::StrCat(def.label, ":", norm);
      entity = AddExtra(std::move(def), extra);
    }
    Mention mention{Span{b, e}, entity};
    mention.guessed = !site && !head_last && !site_first && !site_apposition;
    found.push_back(mention);
    for (auto it = swallowed.rbegin(); it != swallowed.rend(); ++it) {
      if ((*out)[*it].span.begin >= b && (*out)[*it].span.end <= e) out->erase(out->begin() + *it);
    }
  }
  for (const Span& bracket : not_org_brackets) {
    const auto inside = [&](const Mention& o) {
      return o.span.begin >= bracket.begin && o.span.end <= bracket.end;
    };
    std::erase_if(*out, inside);
    std::erase_if(found, inside);
  }
  if (found.empty()) return;
  out->insert(out->end(), found.begin(), found.end());
  std::sort(out->begin(), out->end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
}

}  // namespace kg::ingest
