#include "ingest/extract.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/names.h"
#include "ingest/fingerprint.h"
#include "ingest/read.h"
#include "ingest/segment.h"
#include "ingest/strings_internal.h"

#ifndef KG_DEFAULT_SCHEMA_DIR
#define KG_DEFAULT_SCHEMA_DIR "schema"
#endif

namespace kg::ingest {

// Nouns that describe an agent and later refer back to it ("a consortium of …" … "the
// consortium"). Not "company", "firm" or "group": those stay the clause's subject (ResolvePronouns).
#define KG_DESCRIBED_NOUNS                                                                     \
  "consortium|trader|trading house|operator|refiner|smelter|utility|fund|investor|lender|"       \
  "partnership|carmaker|automaker|recycler|developer|explorer|miner|producer|manufacturer|"     \
  "processor|agency|railway operator|offtaker|buyer|customer|supplier|subsidiary|affiliate"

std::string DefaultSchemaDir() {
  const char* env = std::getenv("KG_SCHEMA");
  if (env != nullptr && *env != '\0') return env;
  return KG_DEFAULT_SCHEMA_DIR;
}

// The per-document work, kept out of the header.
class ExtractorInternal {
 public:
  // A tagged element of a sentence: an entity mention, a quantity, or a resolved pronoun.
  struct Item {
    // An entity mention at [b, e) tagged `tag`.
    static Item At(size_t b, size_t e, int entity, std::string tag) {
      Item p;
      p.begin = b;
      p.end = e;
      p.entity = entity;
      p.tag = std::move(tag);
      return p;
    }
    size_t begin = 0, end = 0;  // In Sentence::text.
    int entity = -1;            // Entity index (gazetteer, then the document's extra list).
    int quantity = -1;          // Index into the sentence's quantities.
    std::string tag;            // Label or quantity kind.
    bool possessive = false;    // "its" -> "<X#i>'s".
    bool guessed = false;       // An unlisted capitalized name: an entity only as a claim end.
    // A resolved reference's second-best antecedent ("the Texas company" after "GM signed an
    // agreement with Noveon": GM first, Noveon second), used when the first would make a
    // claim's subject its own object.
    int alt = -1;
    // "the two companies": the second of the pair the previous sentences named together.
    int partner = -1;
  };

  ExtractorInternal(const Extractor& x, const Document& doc, std::vector<SentenceTrace>* trace)
      : x_(x), doc_(doc), trace_(trace) {}

  ArticleRecord Run();

 private:
  const EntityDef& Entity(int index) const {
    const size_t known = x_.gazetteer_->entities().size();
    return static_cast<size_t>(index) < known ? x_.gazetteer_->entities()[index]
                                               : extra_[index - known];
  }
  // Two coordinated mentions can share a claim: same label, or both agents.
  static bool Compatible(const Item& a, const Item& b) {
    return a.tag == b.tag || (IsAgent(a.tag) && IsAgent(b.tag));
  }
  static bool IsAgent(const std::string& tag) {
    return tag == "Company" || tag == "Government" || tag == "Country";
  }
  void ProcessSentence(const Sentence& s);
  // The topic of the key-figure lines under a heading: the one company or facility it names
  // whole (none when `cut`: a capitalized word glued to the name shows a name read in part).
  void SetTopic(const std::set<int>& named, bool cut, absl::string_view heading);
  std::vector<Item> BuildItems(const Sentence& s, const std::vector<Quantity>& qs);
  void ResolvePronouns(const Sentence& s, std::vector<Item>* items);
  // The company named earlier in the article whose capitalized words' initials spell
  // `surface` ("GAC": Guinea Alumina Corporation), or -1.
  int NamedByInitials(absl::string_view surface) const;
  // The country a national government's name names ("Indonesian government" -> Indonesia), or -1
  // (looked up once per article in the gazetteer).
  int GovernmentCountry(int entity);
  // Records a mention of a national government or a country (for "the federal government").
  void NoteNational(const std::string& tag, int entity);
  // The national government "the federal government" names here, or -1.
  int NationalGovernment(const std::vector<Item>& items, size_t before) const;
  // A listed good named by one to three words inside a facility's name ("Boffa bauxite mine"), or -1.
  int GoodInName(absl::string_view name) const;
  // "the plant", "the mill": the latest facility of the section, one with the same head noun
  // ("the mill" -> White Mesa Mill) before any other.
  void ResolveFacilities(const Sentence& s, std::vector<Item>* items);
  // The sentence with every item replaced by its tag, and where each tag sits in it.
  struct Tagged {
    std::string text;
    std::vector<size_t> begin, end;  // Per item: its tag "<Label#i>" is text[begin, end).
  };
  static Tagged Render(const Sentence& s, const std::vector<Item>& items);
  // Whether the country a `Region` item stands for is stated in the sentence: inside the
  // region's own words ("Western Australia") or as an item of its own (country or demonym).
  bool CountryStated(const Sentence& s, const std::vector<Item>& items, int region) const;
  void UseEntity(int entity);
  // Records `alias` on an entity the article added (listed entities keep their gazetteer names).
  void AddAlias(int entity, std::string alias);
  // Reads unlisted goods from the whole article before its first sentence: the acronym or two or
  // three lower-case words after a mass and "of" ("4 million tonnes a year of LNG", "66 million
  // tonnes of liquefied natural gas"); one lower-case word is too often a modifier ("of sintered
  // NdFeB magnets") or a listed good's head ("of matte"). Listed names are left to the gazetteer.
  void FindUnlistedGoods();
  // Tags the sentence's mentions of the unlisted goods as commodities (an entity only as a claim
  // end); a name only guessed from its capitals ("LNG" read as a company) gives way.
  void TagUnlistedGoods(const Sentence& s, std::vector<Item>* items);

  const Extractor& x_;
  const Document& doc_;
  std::vector<SentenceTrace>* trace_;
  std::vector<EntityDef> extra_;
  // Listed facilities found by a description, and the names the text gave them there.
  std::map<int, std::set<std::string>> named_as_;
  // Goods the gazetteer does not list, read from "N tonnes (a year) of X" anywhere in the article
  // (FindUnlistedGoods): each mention of X that no name covers is that commodity. Each good's
  // entity is added to extra_ at its first mention (-1 before).
  struct UnlistedGood {
    std::string name;
    int entity = -1;
  };
  std::vector<UnlistedGood> unlisted_goods_;
  ArticleRecord record_;
  std::set<std::string> entity_keys_;
  std::set<std::string> claim_ids_;
  // Coreference memory: the previous sentence's first agent and first company.
  int prev_agent_ = -1, prev_company_ = -1, prev_government_ = -1, prev_country_ = -1;
  // The section's governments named as a kind of body ("the Commerce Department", "the
  // department", "the ministry"), each (entity, lower-case surface) once, most recent last:
  // "the department" means the latest one called a department, not the White House or the
  // Pentagon named since.
  std::vector<std::pair<int, std::string>> section_governments_;
  // Sentences since the section last named a country: "the country" reaches back at most one.
  int prev_country_age_ = 0;
  bool prev_countries_several_ = false;  // The sentence that set prev_country_ named two or more.
  // The facility the previous sentence opened with as its subject ("Kamoa-Kakula produced …"),
  // or -1: what a sentence-initial "Its" continues ("Its concentrate goes to CITIC Metal").
  int prev_facility_subject_ = -1;
  // The previous sentence's companies and governments, in text order, each once: what "the
  // former" and "the latter" opening a sentence choose between.
  std::vector<int> prev_agents_;
  bool prev_agentless_ = false;  // The previous sentence named no company, government or country.
  bool prev_facility_owned_ = false;  // Named after its owner's possessive ("X's Boffa mine").
  // The previous sentence's last company other than its first: the runner-up of "the company"
  // when the first is already this sentence's subject ("Hancock bought into Arafura. It has
  // since put A$40 million into the company").
  int prev_company_other_ = -1;
  // The company the previous sentence's first company holds a share of, when it opens with one.
  int prev_held_ = -1;
  std::map<int, int> company_mentions_;  // Company entity -> sentences of the article naming it.
  int prev_commodity_ = -1;  // The section's last commodity: what "those exports" were of.
  // How often the article named each commodity so far, first named first: with none in the
  // section, the most named one (the first of a tie) is what a capacity with no good is of.
  std::vector<std::pair<int, int>> article_commodities_;
  std::vector<int> section_commodities_;  // The section's commodities, latest last.
  std::string prev_agent_tag_;
  int section_ = -1;
  std::vector<int> facilities_;  // Facilities of the current section, latest last.
  int venture_ = -1;             // The section's latest company introduced as a joint venture.
  int venture_topic_ = -1;       // The key-figure topic under which it was introduced, if any.
  int box_owner_ = -1;           // The owner or operator a key-figure line named for a topic,
  int box_owner_topic_ = -1;     // and that topic.
  bool box_operator_ = false;    // Named by an operator line (an owner line does not replace it).
  // "the consortium", "the trader": the section's latest agent the text described by that noun
  // ("Lobito Atlantic Railway, a consortium of …", "the Swiss trader Trafigura").
  std::map<std::string, int> described_;
  int last_held_ = -1;           // The object of the section's latest stake claim.
  // The object of the previous sentence's last stake claim, and of this sentence's so far.
  int held_before_ = -1, held_now_ = -1;
  // A key-figure heading that names one company or facility ("Kamoto Copper at a glance:"),
  // and whether it speaks of ownership ("Anglo American Sur — ownership:").
  int topic_ = -1;
  bool topic_owned_ = false;
  // A company's heading that names its site in brackets ("SYRAH RESOURCES (Vidalia anode plant,
  // Louisiana)"): the site, which the lines on a site's capacity, place and output are about.
  int topic_site_ = -1;
  // Under a bare owners label of the topic's box ("- Shareholders:" then "– Hancock Prospecting:
  // 19.9%"): until a line with no share.
  bool owners_sublist_ = false;
  // What the title is about: its first facility, else its only company ("Thacker Pass: GM
  // moves …"); the topic of a fact box whose heading names nothing ("Key figures:").
  int title_topic_ = -1;
  std::set<int> title_checked_;  // Sites of the body already compared with the title.
  // The article's latest national government ("Canberra", "the Australian government") and
  // latest country, the title's included and never reset by a section: what "the federal
  // government" is.
  int national_government_ = -1, article_country_ = -1;
  std::map<int, int> government_country_;  // GovernmentCountry's answers.
  int pair_[2] = {-1, -1};       // The section's latest "A and B" subject pair.
  // The two companies the sentence before named, when it named exactly two (else -1, -1).
  int two_before_[2] = {-1, -1};
  std::map<int, int> product_;   // Facility -> the Commodity its description named.
  std::vector<int> companies_;   // The article's companies, in order of first mention.
};

namespace {

// A government entity of a whole country ("Australian Government", "Government of Canada",
// "U.S. government"), not a ministry, agency or bank.
bool IsNationalGovernment(absl::string_view name) {
  return absl::StrContains(name, "overnment") && !absl::StrContains(name, "Ministry") &&
         !absl::StrContains(name, "Department");
}

// Whether `text` holds a Chinese ideograph.
bool HasHan(absl::string_view text) {
  static const RE2* kHan = new RE2("\\p{Han}");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kHan);
}

// Whether the line of `text` that holds byte `begin` opens with a bullet ("- ", "* ", "• ")
// right before it: a fact line of a key-figures box (Sentence::span leaves the bullet out).
bool BulletBefore(absl::string_view text, size_t begin) {
  size_t i = std::min(begin, text.size());
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i >= 1 && (text[i - 1] == '-' || text[i - 1] == '*')) {
    --i;
  } else if (i >= 3 && (text.substr(i - 3, 3) == "\u2022" || text.substr(i - 3, 3) == "\u2013")) {
    i -= 3;
  } else if (i >= 2 && text.substr(i - 2, 2) == "\u00B7") {
    i -= 2;
  } else {
    return false;
  }
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i == 0 || text[i - 1] == '\n';
}

// Whether a possessive mark starts at `pos` of `text` ("X's ", "X' ", "X’s ").
bool PossessiveAt(absl::string_view text, size_t pos) {
  return internal::PossessiveLength(std::string_view(text.data(), text.size()), pos) > 0;
}

// The bytes of the closing bracket when text[begin, end) stands in brackets right after `from`
// ("Zijin Mining (紫金矿业)", "楚梅布冶炼厂(Tsumeb smelter)", ASCII or full-width, with or
// without a space before them), else 0.
size_t BracketedAfter(absl::string_view text, size_t from, size_t begin, size_t end) {
  const absl::string_view gap = text.substr(from, begin - from);
  if (gap != " (" && gap != "(" && gap != "（" && gap != " （") return 0;
  const absl::string_view rest = text.substr(end);
  return absl::StartsWith(rest, ")") ? 1 : absl::StartsWith(rest, "）") ? 3 : 0;
}

const char* KindTag(QuantityKind k) {
  switch (k) {
    case QuantityKind::kMoney:
      return "MONEY";
    case QuantityKind::kMass:
      return "MASS";
    case QuantityKind::kPercent:
      return "PERCENT";
    case QuantityKind::kYear:
      return "YEAR";
    case QuantityKind::kDate:
      return "DATE";
  }
  return "MONEY";
}

Value DecimalValue(const Decimal& d) {
  if (d.IsInteger()) return Value(d.ToInt());
  return Value(d.ToDouble());
}

// The clause a reading may leave out between a sentence's subject and its verb, as [begin, end)
// of the tagged sentence (`text` its words); {0, 0} when there is none. An English description
// or relative clause set off by commas and closed before a verb ("<Company#0>, the battery
// company that is owned by <Company#1> and …, is building …"), or a Chinese clause of the topic
// chain with no name in it ("<Company#0>近年来还积极布局海外资源，<YEAR#1>以<MONEY#2>收购了…"): the
// rules' gaps take no names, so a claim of the main verb is read again with the clause left out.
std::pair<size_t, size_t> ElidedClause(absl::string_view tagged, absl::string_view text) {
  static const RE2* kEnglish = new RE2(
      "^(?:(?:In|On|By|Since|During|Last|Earlier|Later|This) [^,<;]{0,30}"
      "(?:<(?:DATE|YEAR)#\\d+>)?,? )?"
      "(?:The |the )?<(?:Company|Government)#\\d+>(, (?:(?:the|a|an) [^,;:.]*? (?:that|which|who)|"
      "which|who|whose) [^,;:.]*?<[A-Za-z]+#\\d+>[^,;:.]*?,) (?:is|was|are|were|has|had|have|will|"
      "would|can|could|also|now|then|later|still|plans|planned|agreed|signed|said|says|[a-z]+s|"
      "[a-z]+ed) ");
  // (Chinese words only in the clause, and no partner joined by 与, 和, 同 or 跟: "攀钢钒钛与大连融科储能
  // 签署长期协议，为其供应…" names two.)
  static const RE2* kChinese = new RE2(
      "^(?:<(?:DATE|YEAR)#\\d+>[，,]?)?<(?:Company|Government)#\\d+>(\\p{Han}[\\p{Han}\\d]{1,29}[，,])"
      "(?:<(?:DATE|YEAR|MONEY)#\\d+>|[^<，,。；;\\s])");
  static const RE2* kPartner = new RE2("[与和同跟]");
  // "…, is owned by the two partners": the pair the clause names, which a reading without it
  // cannot see (the sentence's text: the tagged one holds the pair's reference as a name).
  static const RE2* kPair = new RE2("\\b(?:the two|both) [a-z]+\\b");
  const re2::StringPiece whole(tagged.data(), tagged.size());
  re2::StringPiece clause;
  auto span = [&]() -> std::pair<size_t, size_t> {
    const size_t begin = static_cast<size_t>(clause.data() - tagged.data());
    return {begin, begin + clause.size()};
  };
  if (RE2::PartialMatch(whole, *kEnglish, &clause) &&
      !RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kPair)) {
    return span();
  }
  if (RE2::PartialMatch(whole, *kChinese, &clause) && !RE2::PartialMatch(clause, *kPartner)) {
    return span();
  }
  return {0, 0};
}

// "<Company#3>" or "<Company#3>'s" -> 3; -1 if not a tag.
int TagIndex(absl::string_view tag) {
  size_t hash = tag.find('#');
  size_t close = tag.find('>', hash);
  if (hash == absl::string_view::npos || close == absl::string_view::npos) return -1;
  int index = -1;
  if (!absl::SimpleAtoi(tag.substr(hash + 1, close - hash - 1), &index)) return -1;
  return index;
}

std::string NormalizeStage(absl::string_view s) {
  std::string t = absl::AsciiStrToLower(s);
  if (t.find("分离") != std::string::npos) return "separation";
  if (t.find("精炼") != std::string::npos || t.find("冶炼") != std::string::npos ||
      t.find("加工") != std::string::npos) {
    return "refining";
  }
  if (t == "开采") return "mining";
  if (t == "磁材") return "magnet";
  if (t.find("separat") != std::string::npos) return "separation";
  if (t.find("refin") != std::string::npos || t.find("process") != std::string::npos ||
      t.find("purif") != std::string::npos || t.find("smelt") != std::string::npos ||
      t.find("convers") != std::string::npos || t.find("convert") != std::string::npos) {
    return "refining";
  }
  if (t.find("min") == 0 || t.find("extract") != std::string::npos) return "mining";
  if (t.find("metal") != std::string::npos || t.find("alloy") != std::string::npos) return "metal";
  if (t.find("magnet") != std::string::npos) return "magnet";
  return t;
}

std::string NormalizeBasis(absl::string_view s) {
  std::string t = absl::AsciiStrToLower(s);
  if (t == "revenue" || t == "revenues" || t == "sales" || t == "turnover" || t == "收入" ||
      t == "营收" || t == "营业收入" || t == "销售额" || t == "销售收入") {
    return "revenue";
  }
  if (t == "output" || t == "production" || t == "its" || t == "their" || t == "产量" ||
      t == "产出") {
    return "output";
  }
  // A share of the customer's market, need or imports: 占日本氦气市场的一半.
  if (t == "市场" || t == "需求" || t == "消费" || t == "消费量" || t == "进口" || t == "进口量") {
    return "demand";
  }
  return t;
}

// "convertible preferred stock" -> preferred; "shares" -> equity; "convertible notes" -> convertible.
std::string NormalizeInstrument(absl::string_view s) {
  const std::string t = absl::AsciiStrToLower(s);
  if (t.find("preferred") != std::string::npos) return "preferred";
  if (t.find("convertible") != std::string::npos || t.find("exchangeable") != std::string::npos) {
    return "convertible";
  }
  if (t.find("grant") != std::string::npos) return "grant";
  if (t.find("prepay") != std::string::npos) return "prepayment";
  return "equity";
}

std::string NormalizeRank(absl::string_view s) {
  std::string t = absl::AsciiStrToLower(s);
  if (t == "最大" || t == "第一大" || t == "第一" || t == "首位") return "largest";
  if (t == "第二大" || t == "第二") return "second-largest";
  if (t == "第三大" || t == "第三") return "third-largest";
  absl::StrReplaceAll({{"biggest", "largest"}, {"top", "largest"}, {"single largest", "largest"}},
                      &t);
  return t;
}

}  // namespace

void ExtractorInternal::AddAlias(int entity, std::string alias) {
  const size_t known = x_.gazetteer_->entities().size();
  if (entity < 0 || static_cast<size_t>(entity) < known) return;
  std::vector<std::string>& aliases = extra_[entity - known].aliases;
  if (std::find(aliases.begin(), aliases.end(), alias) == aliases.end()) {
    aliases.push_back(std::move(alias));
  }
}

int ExtractorInternal::NamedByInitials(absl::string_view surface) const {
  if (surface.size() < 2 || surface.size() > 6 ||
      !std::all_of(surface.begin(), surface.end(), [](char c) { return absl::ascii_isupper(c); })) {
    return -1;
  }
  for (int c : companies_) {
    std::string initials;
    for (absl::string_view w : absl::StrSplit(Entity(c).name, absl::ByAnyChar(" -"), absl::SkipEmpty())) {
      if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) initials += w[0];
    }
    if (initials == surface && Entity(c).name.size() > surface.size()) return c;
  }
  return -1;
}

void ExtractorInternal::UseEntity(int entity) {
  const EntityDef& def = Entity(entity);
  if (!entity_keys_.insert(def.key).second) return;
  if (def.label == "Company") companies_.push_back(entity);
  record_.entities.push_back(EntityRecord{def.key, def.label, def.name, def.aliases});
  record_.mentions.push_back(def.key);
}

bool ExtractorInternal::CountryStated(const Sentence& s, const std::vector<Item>& items,
                                      int region) const {
  const Item& r = items[region];
  for (size_t j = 0; j < items.size(); ++j) {
    // Not an adjective inside a compound: "American-made panels" places nothing.
    const bool compound = items[j].end < s.text.size() && s.text[items[j].end] == '-';
    if (static_cast<int>(j) != region && items[j].entity == r.entity && !compound &&
        (items[j].tag == "Country" || items[j].tag == "Demonym")) {
      return true;
    }
  }
  const std::string words = absl::StrCat(
      " ", kg::NormalizeName(std::string_view(s.text).substr(r.begin, r.end - r.begin)), " ");
  const EntityDef& country = Entity(r.entity);
  auto inside = [&](const std::string& name) {
    const std::string n = kg::NormalizeName(name);
    // Chinese has no spaces between words: "西澳大利亚" holds "澳大利亚".
    if (!n.empty() && HasHan(n)) return absl::StrContains(words, n);
    return !n.empty() && absl::StrContains(words, absl::StrCat(" ", n, " "));
  };
  if (inside(country.name)) return true;
  for (const std::string& alias : country.aliases) {
    if (inside(alias)) return true;
  }
  return false;
}

void ExtractorInternal::FindUnlistedGoods() {
  static const RE2* kMassOfGoods = new RE2(
      "\\d(?:[\\d.,]*\\d)?(?:[ ](?:million|billion|thousand))?[ ]?(?:tonnes|tonne|tons|t|kt|Mt|"
      "mtpa|Mtpa|tpa)(?:[ ](?:a|per|each)[ ](?:year|annum)|[ ]annually)?[ ]of[ ]"
      "([A-Z][A-Z0-9]{1,5}|[a-z][a-z-]*(?:[ ][a-z][a-z-]*){1,2})\\b");
  static const absl::flat_hash_set<absl::string_view> kStop = {
      "of", "to", "from", "in", "into", "at", "for", "and", "or", "a", "an", "per", "by", "which",
      "that", "with", "each", "year", "years", "annually", "over", "under", "on", "as", "than",
      "until", "through", "via", "is", "was", "are", "were", "will", "would", "could", "has",
      "have", "had", "be", "this", "these", "those", "it", "its", "their", "the"};
  static const absl::flat_hash_set<absl::string_view> kNoGood = {
      "ore", "ores", "capacity", "output", "production", "material", "materials", "concentrate",
      "concentrates", "product", "products", "feed", "feedstock", "waste", "tailings", "rock",
      "cargo", "cargoes", "metal", "metals", "equivalent", "supply", "supplies", "demand",
      "imports", "exports", "reserves", "resources", "shipments", "sales", "emissions", "goods",
      "oxide", "oxides", "matte", "powder", "alloy", "alloys", "cathode", "cathodes", "magnets",
      "cells", "chemicals", "salts", "scrap", "slag", "minerals", "commodities", "new", "annual",
      "additional", "contained", "mined", "refined", "processed", "finished", "raw", "such",
      "other", "more", "some", "all"};
  re2::StringPiece in(doc_.text);
  re2::StringPiece goods;
  // Each match moves past the one before: bounded by the text's size.
  while (RE2::FindAndConsume(&in, *kMassOfGoods, &goods)) {
    std::vector<absl::string_view> words;
    for (absl::string_view w : absl::StrSplit(absl::string_view(goods.data(), goods.size()), ' ')) {
      if (kStop.contains(w)) break;
      words.push_back(w);
    }
    const bool acronym = words.size() == 1 && absl::ascii_isupper(words.front()[0]);
    if (words.empty() || (!acronym && words.size() < 2) || kNoGood.contains(words.front()) ||
        kNoGood.contains(words.back())) {
      continue;
    }
    std::string name = absl::StrJoin(words, " ");
    if (x_.gazetteer_->Lookup(name) >= 0) continue;
    if (std::none_of(unlisted_goods_.begin(), unlisted_goods_.end(),
                     [&](const UnlistedGood& g) { return g.name == name; })) {
      unlisted_goods_.push_back(UnlistedGood{std::move(name)});
    }
  }
}

void ExtractorInternal::TagUnlistedGoods(const Sentence& s, std::vector<Item>* items) {
  std::vector<Item> found;
  auto word_char = [&](size_t i) {
    return absl::ascii_isalnum(static_cast<unsigned char>(s.text[i])) || s.text[i] == '-';
  };
  for (UnlistedGood& good : unlisted_goods_) {
    const std::string& name = good.name;
    for (size_t at = s.text.find(name); at != std::string::npos; at = s.text.find(name, at + 1)) {
      const size_t e = at + name.size();
      if ((at > 0 && word_char(at - 1)) || (e < s.text.size() && word_char(e))) continue;
      const auto overlaps = [&](const Item& it) { return at < it.end && it.begin < e; };
      // A listed good that opens the name of a compound of it gives way too: "5,000 tonnes a year
      // of tungsten hexafluoride" is no tungsten (an anion's word after it: -ide, -ate, -ite).
      static const RE2* kCompoundWord = new RE2("[a-z]{3,}(?:ide|ate|ite)");
      const auto compound_of = [&](const Item& it) {
        return it.tag == "Commodity" && it.begin == at && it.end + 1 < e && s.text[it.end] == ' ' &&
               RE2::FullMatch(re2::StringPiece(s.text.data() + it.end + 1, e - it.end - 1),
                              *kCompoundWord);
      };
      const auto kept = [&](const Item& it) {
        return overlaps(it) &&
               !(it.guessed && it.tag == "Company" && it.begin == at && it.end == e) &&
               !compound_of(it);
      };
      if (std::any_of(items->begin(), items->end(), kept) ||
          std::any_of(found.begin(), found.end(), overlaps)) {
        continue;
      }
      std::erase_if(*items, overlaps);
      if (good.entity < 0) {
        extra_.push_back(
            EntityDef{absl::StrCat("Commodity:", kg::NormalizeName(name)), "Commodity", name, {}});
        good.entity = static_cast<int>(x_.gazetteer_->entities().size() + extra_.size() - 1);
      }
      Item it = Item::At(at, e, good.entity, "Commodity");
      it.guessed = true;
      found.push_back(it);
    }
  }
  if (found.empty()) return;
  items->insert(items->end(), found.begin(), found.end());
  std::sort(items->begin(), items->end(),
            [](const Item& a, const Item& b) { return a.begin < b.begin; });
}

std::vector<ExtractorInternal::Item> ExtractorInternal::BuildItems(
    const Sentence& s, const std::vector<Quantity>& qs) {
  std::vector<Item> candidates;
  // "for US$20.50 a share": a price per share is no sum of the deal; tagged PRICE, which no
  // rule's amount slot takes.
  static const RE2* kPerShare = new RE2("^[ ](?:a|per|for[ ]each)[ ](?:share|unit)\\b|^/share\\b");
  for (size_t i = 0; i < qs.size(); ++i) {
    Item it;
    it.begin = qs[i].span.begin;
    it.end = qs[i].span.end;
    it.quantity = static_cast<int>(i);
    it.tag = KindTag(qs[i].kind);
    if (qs[i].kind == QuantityKind::kMoney &&
        RE2::PartialMatch(re2::StringPiece(s.text.data() + it.end, s.text.size() - it.end), *kPerShare)) {
      it.tag = "PRICE";
    }
    candidates.push_back(it);
  }
  for (const Mention& m : x_.gazetteer_->Find(s.text, &extra_)) {
    // A region (state, province) that knows its country is tagged `Region` and stands for
    // that country, as a demonym does; other regions only keep their words from being read
    // as countries or companies.
    const bool region = Entity(m.entity).label == "Region";
    const int region_country = region ? x_.gazetteer_->RegionCountry(m.entity) : -1;
    if (region && region_country < 0) continue;
    // "Oklahoma-based", "Quebec-focused", "the Beijing-based group": a region or a capital
    // (a government's alias) inside a compound word stays text.
    if ((region || (!m.demonym && Entity(m.entity).label == "Government")) &&
        ((m.span.end < s.text.size() && s.text[m.span.end] == '-') ||
         (m.span.begin > 0 && s.text[m.span.begin - 1] == '-'))) {
      continue;
    }
    // "south of Bamako, the capital of Mali", "a plant in Beijing": a government's seat after a
    // preposition of place is a place in its country, tagged as a region that knows its country
    // (a site there is in the country only where the sentence states it), no party (but "lent
    // $1 billion to Kinshasa" is the government). Only a city's spelling: a capitalized word or
    // two, no acronym ("in DOE funding") and no institution word.
    int seat_of = -1;
    if (!m.demonym && Entity(m.entity).label == "Government") {
      static const RE2* kPlaceBefore = new RE2("\\b(?:in|near|outside|around|at|of)[ ]$");
      static const RE2* kCity = new RE2("\\p{Lu}\\p{Ll}+(?:[ ]\\p{Lu}\\p{Ll}+)?");
      static const RE2* kInstitution = new RE2(
          "(?i)government|ministry|department|agency|administration|bank|commission|council|"
          "office|fund|state|federal|corporation|authority|union");
      const absl::string_view surface = s.text.substr(m.span.begin, m.span.end - m.span.begin);
      const re2::StringPiece name(surface.data(), surface.size());
      // (Nor a modifier: "in Pentagon funding".)
      static const RE2* kFunctionWordAfter = new RE2(
          "^[ ](?:and|or|on|in|to|for|from|at|with|where|which|that|the|since|until|after|"
          "before|during|last|this|earlier|later|as|by)\\b");
      const re2::StringPiece after(s.text.data() + m.span.end, s.text.size() - m.span.end);
      const bool modifier = absl::StartsWith(absl::string_view(after.data(), after.size()), " ") &&
                            after.size() > 1 && absl::ascii_islower(static_cast<unsigned char>(after[1])) &&
                            !RE2::PartialMatch(after, *kFunctionWordAfter);
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), m.span.begin), *kPlaceBefore) &&
          RE2::FullMatch(name, *kCity) && !RE2::PartialMatch(name, *kInstitution) && !modifier) {
        seat_of = GovernmentCountry(m.entity);
        if (seat_of < 0) continue;
        // "west of Maputo, Mozambique": the city written with its country stays text.
        const EntityDef& country = Entity(seat_of);
        bool with_country = false;
        const absl::string_view rest(after.data(), after.size());
        for (const std::string& n : country.aliases) with_country |= absl::StartsWith(rest, absl::StrCat(", ", n));
        if (with_country || absl::StartsWith(rest, absl::StrCat(", ", country.name))) continue;
      }
    }
    // "Noveon Magnetics, based in San Marcos, Texas": a site's town after "based in" is the
    // company's seat, not its site.
    if (!m.demonym && Entity(m.entity).label == "Facility") {
      static const RE2* kSeatBefore =
          new RE2("\\b(?:based|headquartered|registered|incorporated) in $");
      if (x_.gazetteer_->FacilityHead(s.text.substr(m.span.begin, m.span.end - m.span.begin))
              .empty() &&
          RE2::PartialMatch(re2::StringPiece(s.text.data(), m.span.begin), *kSeatBefore)) {
        continue;
      }
    }
    // "nickel-rich cathode material", "cobalt-free cells": a commodity in an adjective describes
    // the goods after it; it is not them ("rare earth-bearing coal" is mined for them: kept).
    if (!m.demonym && Entity(m.entity).label == "Commodity") {
      static const RE2* kAdjectiveTail =
          new RE2("^-(?:rich|based|free|heavy|lean|poor)\\b");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data() + m.span.end, s.text.size() - m.span.end),
                            *kAdjectiveTail)) {
        continue;
      }
    }
    if (!m.named_as.empty()) named_as_[m.entity].insert(m.named_as);
    Item it;
    it.begin = m.span.begin;
    it.end = m.span.end;
    it.entity = region ? region_country : seat_of >= 0 ? seat_of : m.entity;
    it.tag = m.demonym ? "Demonym" : seat_of >= 0 ? "Region" : Entity(m.entity).label;
    // "GAC" after "Guinea Alumina Corporation": an acronym spelling the initials of a company
    // the article named before is that company, not a listed namesake (China's customs).
    if (!m.demonym && !region) {
      const absl::string_view surface = s.text.substr(m.span.begin, m.span.end - m.span.begin);
      if (const int named = NamedByInitials(surface); named >= 0 && named != it.entity) {
        it.entity = named;
        it.tag = Entity(named).label;
        AddAlias(named, std::string(surface));
      }
    }
    // "the Singapore-listed group", "a Zambia-focused explorer": a country inside a compound
    // word describes, as a demonym does; it is no agent.
    if (it.tag == "Country" && m.span.end + 1 < s.text.size() && s.text[m.span.end] == '-' &&
        absl::ascii_islower(s.text[m.span.end + 1])) {
      it.tag = "Demonym";
    }
    it.guessed = m.guessed;
    if (m.product >= 0) product_[m.entity] = m.product;
    candidates.push_back(it);
  }
  // Overlaps: the longer wins, then the earlier.
  std::sort(candidates.begin(), candidates.end(), [](const Item& a, const Item& b) {
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    return a.begin < b.begin;
  });
  std::vector<Item> items;
  for (const Item& c : candidates) {
    bool overlaps = false;
    for (const Item& k : items) overlaps |= c.begin < k.end && k.begin < c.end;
    if (!overlaps) items.push_back(c);
  }
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.begin < b.begin; });
  TagUnlistedGoods(s, &items);
  // "the US contract drug manufacturer Catalent": a country's name after "the" and before the
  // words that describe a company named next is its nationality, as "the American …" is.
  static const RE2* kTheBefore = new RE2("(?:^|[ (])[Tt]he $");
  static const RE2* kDescriptionWords = new RE2("^ (?:[a-z][a-z-]* ){1,3}$");
  static const RE2* kFunctionWord = new RE2(
      "\\b(?:and|or|nor|but|to|of|with|from|in|into|for|by|at|on|as|than|is|was|are|were|has|"
      "had|have|will|would|said|says|that|which|who|through|via|under|over|after|before|since|"
      "until|during|about|against|between|among|across|near|its|their|his|her|the|a|an|this|"
      "these|those|also|still|now|then|not|so|such)\\b");
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    Item& it = items[i];
    const Item& next = items[i + 1];
    if (it.tag != "Country" || it.entity < 0 || next.tag != "Company" || next.entity < 0 ||
        !absl::ascii_isupper(static_cast<unsigned char>(s.text[next.begin]))) {
      continue;  // (Only a name: "its", "the company" refer back.)
    }
    if (RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kTheBefore) &&
        RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, next.begin - it.end),
                       *kDescriptionWords) &&
        !RE2::PartialMatch(re2::StringPiece(s.text.data() + it.end, next.begin - it.end),
                           *kFunctionWord)) {
      it.tag = "Demonym";
    }
  }
  // "the Guinean government", "the Swedish state": a demonym with government or state that the
  // gazetteer does not list names the country's government when it lists one as "Swedish
  // government" (the state holds, lends and invests), else the country itself (the agent), not
  // a nationality.
  static const RE2* kStateAfter = new RE2(
      "^ (?:government|state)\\b(?:$|[^-'’]|['’]s)");
  static const RE2* kNotTheState = new RE2(
      "^ (?:government|state) (?:media|owned|firms?|compan(?:y|ies)|enterprises?|banks?|"
      "utilit(?:y|ies)|grid|news|television|agency|agencies|broadcaster|miners?|funds?|"
      "investors?|buyers?|officials?|subsidies|support|aid|policy|policies|budget|programs?|"
      "holdings?|investment|corporations?|conglomerates?|groups?|lenders?|entit(?:y|ies)|vehicles?|"
      "procurement|stockpiles?|reserves?|development|mining|oil|gas|energy|power|rail|railways?|"
      "pension|sovereign|diamonds?|"
      "wealth|export|credit|infrastructure|nuclear|steel|chemicals?|shipping|trading|financial|"
      "insurers?|refiners?|producers?|smelters?|defen[cs]e|aerospace|arms|armaments|industrial|"
      "industries|technology|metals?)\\b");
  for (Item& it : items) {
    if (it.tag != "Demonym" || it.entity < 0) continue;
    re2::StringPiece after(s.text.data() + it.end, s.text.size() - it.end);
    if (!RE2::PartialMatch(after, *kStateAfter) || RE2::PartialMatch(after, *kNotTheState)) continue;
    // Nor is a good the gazetteer read right after the word: it names a state company's trade
    // ("the Kazakh state uranium miner").
    const size_t word_end = it.end + (after.starts_with(" government") ? 11 : 6);
    if (std::any_of(items.begin(), items.end(), [&](const Item& good) {
          return good.tag == "Commodity" && good.begin == word_end + 1;
        })) {
      continue;
    }
    // ("the Brazilian state of Minas Gerais" is a part of the country, not its government.)
    const int government =
        after.starts_with(" state of ")
            ? -1
            : x_.gazetteer_->Lookup(absl::StrCat(s.text.substr(it.begin, it.end - it.begin), " government"));
    it.end += after.starts_with(" government") ? 11 : 6;
    if (government >= 0 && Entity(government).label == "Government") {
      it.entity = government;
      it.tag = "Government";
      // The article's name for it ("Guinean state") joins its aliases in the export.
      named_as_[government].insert(std::string(s.text.substr(it.begin, it.end - it.begin)));
    } else {
      it.tag = "Country";
    }
  }
  return items;
}

// The words of a fact box's heading ("Key figures", "In numbers", "Project at a glance", "关键数据").
#define KG_BOX_WORDS                                                                           \
  "key (?:figures|facts|numbers|data|details|points)|factbox|fact box|fact file|fact sheet|"     \
  "factsheet|(?:project |site |plant |mine |company )?at a glance|in figures|in numbers|by the " \
  "numbers|the numbers|snapshot|profile|fast facts|quick facts|project snapshot|project "        \
  "overview|项目概况|关键数据|要点"

// A box heading that names nothing ("Key figures:", "At a glance", "项目概况 / Project snapshot").
bool IsBareBoxHeading(absl::string_view text) {
  static const RE2* kBareBox = new RE2(
      "(?i)^(?:" KG_BOX_WORDS ")(?: \\(.{1,40}\\))?[:：]?$|"
      "^项目概况 ?/ ?(?i:project snapshot|key figures|at a glance)[:：]?$");
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *kBareBox);
}

// The places that may end a box heading after its company and site ("…, Salta", "…, Western
// Australia, Australia"), to the end of the line.
// (Or its country in brackets: "POSCO Gwangyang electrical steel plant (South Korea)".)
#define KG_HEADING_PLACES "(?:, <(?:Region|Country)#\\d+>)*(?: \\(<(?:Region|Country)#\\d+>\\))?$"
// Words that place one site by another in a heading: "Helium 2, next to Helium 1".
#define KG_BESIDE "(?:next to|beside|near|adjacent to|alongside)"

// A tagged sentence with each name's tag as a plain word ("<Facility#1>" -> "Facility"), so that
// a figure inside a name does not count as one; quantity tags keep their figures.
std::string NamesAsWords(absl::string_view tagged) {
  static const RE2* kNameTag = new RE2("<([A-Z][a-z]+)#\\d+>");
  std::string out(tagged);
  RE2::GlobalReplace(&out, *kNameTag, "\\1");
  return out;
}

// Verbs of handing goods to a buyer, as an alternation: "its" after them and "from" is the
// seller's, after them and "to"/"for" the buyer's.
constexpr char kSupplyVerbs[] =
    "supply|supplies|supplied|supplying|sell|sells|sold|selling|deliver|delivers|delivered|"
    "delivering|ship|ships|shipped|shipping|provide|provides|provided|send|sends|sent";

// Adds the found items to a sentence's items, which stay in text order.
void AddItems(const std::vector<ExtractorInternal::Item>& found,
              std::vector<ExtractorInternal::Item>* items) {
  if (found.empty()) return;
  items->insert(items->end(), found.begin(), found.end());
  std::sort(items->begin(), items->end(),
            [](const ExtractorInternal::Item& a, const ExtractorInternal::Item& b) {
              return a.begin < b.begin;
            });
}

// A commodity read from a reference ("those exports", "the matte") at [b, e).
ExtractorInternal::Item CommodityItem(size_t b, size_t e, int entity) {
  return ExtractorInternal::Item::At(b, e, entity, "Commodity");
}

int ExtractorInternal::GovernmentCountry(int entity) {
  if (auto known = government_country_.find(entity); known != government_country_.end()) {
    return known->second;
  }
  int& country = government_country_[entity];
  country = -1;
  // The name without its government word: "Indonesian", "of Guinea", "U.S.".
  std::string rest = Entity(entity).name;
  for (absl::string_view w : {"Government of the ", "Government of ", "government", "Government"}) {
    absl::StrReplaceAll({{w, " "}}, &rest);
  }
  for (const Mention& m : x_.gazetteer_->Find(rest, nullptr)) {
    if (m.entity >= 0 && Entity(m.entity).label == "Country") return country = m.entity;
  }
  return country;
}

void ExtractorInternal::NoteNational(const std::string& tag, int entity) {
  if (entity < 0) return;
  if (tag == "Country") article_country_ = entity;
  if (tag == "Government" && IsNationalGovernment(Entity(entity).name)) {
    national_government_ = entity;
  }
}

int ExtractorInternal::GoodInName(absl::string_view name) const {
  const std::vector<absl::string_view> words = absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (words.size() < 2) return -1;  // (A run shorter than the whole name.)
  for (size_t n = std::min<size_t>(3, words.size() - 1); n > 0; --n) {
    for (size_t i = 0; i + n <= words.size(); ++i) {
      const absl::string_view first = words[i];
      const absl::string_view last = words[i + n - 1];
      const absl::string_view run(first.data(), last.data() + last.size() - first.data());
      const int e = x_.gazetteer_->Lookup(run);
      if (e >= 0 && Entity(e).label == "Commodity") return e;
    }
  }
  return -1;
}

int ExtractorInternal::NationalGovernment(const std::vector<Item>& items, size_t before) const {
  int country = -1;
  for (const Item& it : items) {
    if (it.entity < 0 || it.end > before) continue;
    if (it.tag == "Government" && IsNationalGovernment(Entity(it.entity).name)) return it.entity;
    if (it.tag == "Country") country = it.entity;
  }
  if (country < 0 && national_government_ >= 0) return national_government_;
  if (country < 0) country = article_country_;
  if (country < 0) return -1;
  const int g = x_.gazetteer_->Lookup(absl::StrCat(Entity(country).name, "'s government"));
  return g >= 0 && Entity(g).label == "Government" ? g : -1;
}

void ExtractorInternal::ResolvePronouns(const Sentence& s, std::vector<Item>* items) {
  // "the federal government agreed to lend …": the national government of the article's
  // country (the one named last, the title's included).
  // So is "the state" or "the government" holding a share ("The state holds a free-carried 15%
  // stake in …"; elsewhere "the state" is as often a US state or an adjective).
  {
    static const RE2* kNational = new RE2(
        "(\\b[Tt]he (?:federal|national|central|commonwealth|union) government\\b)");
    static const RE2* kStateHolds = new RE2(
        "\\b([Tt]he (?:state|government)) (?:now |still |also )?(?:holds|owns|retains|keeps|"
        "will hold|will own|would hold|would own|is to hold|is to own|took|takes|will take|"
        "received|receives|will receive|gets|got)\\b");
    std::vector<Item> found;
    for (const RE2* re : {kNational, kStateHolds}) {
      re2::StringPiece in(s.text);
      re2::StringPiece hit;
      while (RE2::FindAndConsume(&in, *re, &hit)) {
        const size_t b = static_cast<size_t>(hit.data() - s.text.data());
        const size_t e = b + hit.size();
        bool taken = false;
        for (const Item& it : *items) taken |= b < it.end && it.begin < e;
        if (taken) continue;
        const int g = NationalGovernment(*items, b);
        if (g >= 0) found.push_back(Item::At(b, e, g, "Government"));
      }
    }
    AddItems(found, items);
  }
  static const RE2* kPronoun = new RE2(
      "(\\b(?i:its|it)\\b|\\b(?i:the) (?:(?:[a-z-]+ (?:[A-Z][A-Za-z-]+ ){1,2}?|(?:[A-Z][A-Za-z-]+ ){0,2}?)"
      "(?:(?:chemicals?|mining|metals|materials|battery|lithium|graphite|cobalt|nickel|steel|"
      "energy|industrial|automotive|state-owned|state-run|state-backed|state|oil|gas|petroleum|"
      "private|listed|resources) )?|[a-z]+ (?:and [a-z]+ |[a-z]+ )?)(?i:company|firm|miner|producer|group|conglomerate|"
      "carmaker|automaker|refiner|(?:[a-z-]+ |[a-z]+[A-Z][a-z]+ )?maker|business|start-up|startup|miner|smelter|"
      "trader|trading house|merchant|handler|crusher|developer|explorer|recycler|manufacturer|processor|"
      "unit|subsidiary)\\b|"
      "\\b(?i:the department|the ministry|the agency|the office|the fund)\\b|\\b(?i:the country)\\b|该国|该集团|该公司|公司|该公团|该机构|"
      "后者|前者|\\b(?i:the former|the latter)\\b)");
  re2::StringPiece input(s.text);
  re2::StringPiece m[2];
  size_t pos = 0;
  std::vector<Item> found;
  std::map<std::string, Item> described;  // "the company" -> what it named in this sentence.
  // The reference at [b, e) resolved to `entity`, tagged `tag`.
  auto refer = [&found](size_t b, size_t e, int entity, const std::string& tag) -> Item& {
    return found.emplace_back(Item::At(b, e, entity, tag));
  };
  // it/its: any agent; "the company", "the miner": a company; "the department", "the fund": a
  // government (a state fund: "NEOM, a company that the fund wholly owns").
  enum Kind { kAgent, kCompany, kGovernment, kCountry };
  auto prev_for = [&](Kind kind) {
    return kind == kAgent     ? prev_agent_
           : kind == kCompany ? prev_company_
           : kind == kCountry ? prev_country_
                              : prev_government_;
  };
  auto fits = [&](Kind kind, const std::string& tag) {
    return kind == kAgent     ? IsAgent(tag) || tag == "Facility"
           : kind == kCompany ? tag == "Company"
           : kind == kCountry ? tag == "Country"
                              : tag == "Government";
  };
  // A key-figures line "Talga Group: Luleå refinery …, fed by its Vittangi mine" is about
  // the name before the colon.
  // (A label, not a clause: no comma in it, as in "Escondida, in northern Chile, remains the
  // centre of the business: the mine, …".)
  static const RE2* kTopic = new RE2("^(\\s*(?:[-•*]\\s*)?[^:,]{1,80}):");
  Item topic;
  if (re2::StringPiece head; RE2::PartialMatch(s.text, *kTopic, &head)) {
    for (const Item& it : *items) {
      if (topic.entity < 0 && it.entity >= 0 && IsAgent(it.tag) && it.end <= head.size()) {
        topic = it;
      }
    }
    // "Chile's state-owned Codelco is the exception: it still owns …": a possessor is not the
    // head's name when another agent follows it there.
    if (topic.entity >= 0 && PossessiveAt(s.text, topic.end)) {
      for (const Item& it : *items) {
        if (it.entity >= 0 && IsAgent(it.tag) && it.begin > topic.end && it.end <= head.size()) {
          topic = it;
          break;
        }
      }
    }
  }
  // "\"We will supply Ford …,\" said Albemarle's chief executive": "we"/"our" inside a quote
  // are the company of the speaker named right after it.
  {
    static const RE2* kQuoteThenSaid = new RE2(
        "^\\s*(?:\"|“)([^\"”]*)(?:\"|”),? (?:said|says|added|adds|told|according to)\\b");
    re2::StringPiece quote;
    if (RE2::PartialMatch(s.text, *kQuoteThenSaid, &quote)) {
      const size_t qb = static_cast<size_t>(quote.data() - s.text.data());
      const size_t qe = qb + quote.size();
      const Item* speaker = nullptr;
      for (const Item& it : *items) {
        if (speaker == nullptr && it.entity >= 0 && it.begin > qe && it.begin < qe + 80 &&
            (it.tag == "Company" || it.tag == "Government")) {
          speaker = &it;
        }
      }
      static const RE2* kWe = new RE2("\\b((?:[Ww]e|[Oo]ur|[Uu]s))\\b");
      re2::StringPiece in(quote);
      re2::StringPiece we;
      while (speaker != nullptr && RE2::FindAndConsume(&in, *kWe, &we)) {
        const size_t b = static_cast<size_t>(we.data() - s.text.data());
        bool taken = false;
        for (const Item& it : *items) taken |= b < it.end && it.begin < b + we.size();
        if (taken) continue;
        refer(b, b + we.size(), speaker->entity, speaker->tag).possessive =
            we[0] == 'O' || we[0] == 'o';
      }
    }
  }
  // "华友钴业表示，其印尼项目…": 其 right after a verb of saying is the speaker (elsewhere 其
  // stays a word: rules read "将其持有的", "成为其最大股东" themselves).
  {
    static const RE2* kSaidIts = new RE2(
        "(?:表示|称|说|宣布|指出|透露|介绍|公告称|披露)[，,:：]?(其)");
    re2::StringPiece in(s.text);
    re2::StringPiece its;
    while (RE2::FindAndConsume(&in, *kSaidIts, &its)) {
      const size_t b = static_cast<size_t>(its.data() - s.text.data());
      const size_t e = b + its.size();
      // Read already ("其冶炼厂": ResolveFacilities).
      if (std::any_of(items->begin(), items->end(),
                      [&](const Item& it) { return b < it.end && it.begin < e; })) {
        continue;
      }
      // 其他, 其中, 其余, 其实: words, not a reference.
      static const RE2* kWordAfter = new RE2("^(?:他|中|余|实|次|后|间|它)");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kWordAfter)) {
        continue;
      }
      const Item* speaker = nullptr;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag)) speaker = &it;
      }
      if (speaker == nullptr) continue;
      const size_t gap = b - speaker->end;
      if (gap > 3 * 6) continue;  // The speaker right before the verb (a few characters).
      refer(b, e, speaker->entity, speaker->tag);
    }
  }
  // "天齐锂业运营Kwinana工厂。其年产能为2.4万吨氢氧化锂": a sentence-opening 其 before a capacity
  // or output noun is the section's latest facility, else the agent of the sentence before.
  {
    static const RE2* kOpeningIts =
        new RE2("^\\s*(其)(?:年产能|设计产能|总产能|产能|年产量|产量)");
    re2::StringPiece its;
    if (RE2::PartialMatch(re2::StringPiece(s.text), *kOpeningIts, &its)) {
      const size_t b = static_cast<size_t>(its.data() - s.text.data());
      const int target = !facilities_.empty() ? facilities_.back() : prev_agent_;
      if (target >= 0) refer(b, b + its.size(), target, Entity(target).label);
    }
  }
  // "Tesla is a large buyer. 赣锋锂业与其签订了供应协议", "向其供应": 其 after a word that
  // introduces the other party is not the clause's subject but the agent of the sentence
  // before. Only when the subject is the one agent before it: "A与B签署协议，向其供应" is read
  // by the rules themselves.
  {
    // A verb right after it: "向其澳大利亚子公司注资" is its own subsidiary, "成为其最大股东"
    // and "认为其" are no party.
    static const RE2* kPartyIts = new RE2(
        "(?:^|[^成作因认以])(?:与|向|和|同|为|跟)(其)(?:签订|签署|签约|达成|订立|续签|供应|供货|"
        "提供|出售|销售|交付|出口|发放|贷款|投资|注资|合作|组建|共同|建立|开展|合资)");
    re2::StringPiece in(s.text);
    re2::StringPiece its;
    while (RE2::FindAndConsume(&in, *kPartyIts, &its)) {
      const size_t b = static_cast<size_t>(its.data() - s.text.data());
      const size_t e = b + its.size();
      int agents = 0, subject = -1;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag)) {
          ++agents;
          subject = it.entity;
        }
      }
      const int other = prev_agent_ >= 0 && prev_agent_ != subject ? prev_agent_ : -1;
      if (agents != 1 || other < 0) continue;
      refer(b, e, other, Entity(other).label);
    }
  }
  // "Through its subsidiary Talison Lithium, Tianqi Lithium operates …": "its" in a phrase
  // opening the sentence before any name is the name right after the phrase's comma.
  {
    static const RE2* kOpenerIts = new RE2(
        "^\\s*(?:Through|Via|With|Under|Using|Despite|After|Before|Since|Following|Unlike|Like|"
        "Beyond|Besides|Alongside|Having|Apart from|In addition to|On top of|Thanks to|Because of|"
        "Amid|Along with|Together with|Backed by)\\b[^,;.<]*?\\b([Ii]ts|[Tt]heir)\\b[^,;.]*, (?:the )?");
    re2::StringPiece groups[2];
    if (kOpenerIts->Match(s.text, 0, s.text.size(), RE2::ANCHOR_START, groups, 2)) {
      const size_t b = static_cast<size_t>(groups[1].data() - s.text.data());
      const size_t after = static_cast<size_t>(groups[0].data() - s.text.data()) + groups[0].size();
      const Item* named = nullptr;
      bool earlier = false;  // A name before "its" is what it may mean: the usual reading.
      for (const Item& it : *items) {
        earlier |= it.entity >= 0 && it.end <= b && IsAgent(it.tag);
        if (it.entity >= 0 && it.begin == after && IsAgent(it.tag)) named = &it;
      }
      if (named != nullptr && !earlier) {
        refer(b, b + groups[1].size(), named->entity, named->tag).possessive = true;
      }
    }
  }
  // The sentence's names, then the references resolved so far: what a later reference may mean.
  const std::vector<Item>* const named_and_resolved[] = {items, &found};
  // What joins the two names of a pair "A and B", "A, B", "A & B".
  static const RE2* kPairJoin = new RE2("^(?:,? and|,| &) $");
  while (pos < s.text.size() &&
         kPronoun->Match(input, pos, s.text.size(), RE2::UNANCHORED, m, 2)) {
    const size_t b = static_cast<size_t>(m[0].data() - s.text.data());
    const size_t e = b + m[0].size();
    pos = e;
    // Resolved already (the opening phrase's "its").
    if (std::any_of(found.begin(), found.end(),
                    [&](const Item& f) { return b < f.end && f.begin < e; })) {
      continue;
    }
    // The pronoun's words stop being whatever they were tagged as and refer to `entity`.
    auto refer_here = [&](int entity, std::string tag) {
      std::erase_if(*items, [&](const Item& it) { return b < it.end && it.begin < e; });
      refer(b, e, entity, tag);
    };
    // A demonym inside the phrase ("the Australian miner") gives way to the phrase; a name
    // right before its noun does not ("the Techint group" is Techint).
    // Nor does a place in a compound: "the Beijing-based company", "the ASX-listed miner".
    // So does what the company trades in: "the mineral sands miner", "the lithium producer".
    // So does a country's name used as one ("the UAE group"), written inside the phrase
    // before its noun.
    auto country_modifier = [&](const Item& it) {
      return it.tag == "Country" && b < it.begin && it.end < e && s.text[it.end] == ' ';
    };
    bool inside = false;
    for (const Item& it : *items) {
      static const RE2* kPlaceCompound =
          new RE2("^-(?:based|listed|headquartered|registered|owned|backed|focused)\\b");
      const bool compound =
          RE2::PartialMatch(re2::StringPiece(s.text.data() + it.end, s.text.size() - it.end),
                            *kPlaceCompound);
      inside |= b < it.end && it.begin < e && it.tag != "Demonym" && it.tag != "Region" &&
                it.tag != "Commodity" && (!it.guessed || it.tag == "Company") && !compound &&
                !country_modifier(it);
    }
    if (inside) continue;
    // "A与B签订了年度协议，后者将向A供应…": the latter is the last of the two names before it in
    // the sentence, the former the one before that; with fewer, the two companies or governments
    // of the sentence before ("Lynas and MP Materials are … . The former mines …, while the latter
    // digs …"); else the word stays a word.
    const std::string said = absl::AsciiStrToLower(m[0].ToString());
    if (said == "后者" || said == "前者" || said == "the former" || said == "the latter") {
      const bool latter = said == "后者" || said == "the latter";
      std::vector<const Item*> agents;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag)) agents.push_back(&it);
      }
      const size_t back = latter ? 1 : 2;
      if (agents.size() >= 2) {
        const Item& it = *agents[agents.size() - back];
        refer_here(it.entity, it.tag);
      } else if (agents.empty() && prev_agents_.size() == 2) {
        const int entity = prev_agents_[latter ? 1 : 0];
        refer_here(entity, Entity(entity).label);
      }
      continue;
    }
    // A word of rank or contrast makes the phrase another company: "the largest producer", "the
    // rival miner", "the other company", "the operating company" (a unit, read by the rules).
    static const RE2* kNotTheSame = new RE2(
        "(?i)^the (?:.* )?(?:largest|biggest|top|leading|major|second|third|second-largest|"
        "only|other|same|first|last|former|new|next|rival|main|dominant|smaller|larger|bigger|"
        "single|sole|one|another|each|every|no|any|world|global|foreign|local|domestic|"
        "western|such|parent|buying|selling|acquiring|target|operating|holding|joint|venture|"
        "sister|partner|investee|shell) |"
        // "the trading unit" is another company; "the trading house" and "the mining and trading
        // group" are the trader itself.
        "(?i)^the (?:.* )?trading (?:[a-z-]+ )*?(?:unit|subsidiary|arm|division)\\b");
    if (RE2::PartialMatch(m[1], *kNotTheSame)) continue;
    // "合资公司", "子公司", "控股公司": a compound noun, not "the company".
    if (m[1] == "公司" && b >= 3) {
      // "有限公司", "股份公司", "有限责任公司": a legal form, the end of a name nobody read.
      static const RE2* kCompound = new RE2("(?:合资|子|母|分|控股|新|上市|国有|矿业|贸易|投资|运营|中国|美国|旗下|下属|关联|参股|有限|责任|股份)$");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kCompound)) continue;
      // "Serra Verde公司": the word right after a name is that name's suffix, not "the company".
      bool after_name = false;
      for (const Item& it : *items) after_name |= it.end == b && it.entity >= 0;
      if (after_name) continue;
    }
    const std::string word = absl::AsciiStrToLower(std::string(m[1].data(), m[1].size()));
    // "Jervois Global" heading, then "Lender: Millstreet Capital Management, which had lent the
    // company about $125 million": on a field line of a company's box, "the company" is that
    // company.
    // So is "its" after a passive's "by" there ("Acquisition: Faradion, …, bought outright by its
    // unit Reliance New Energy Solar"): the thing bought is not its own buyer's parent.
    static const RE2* kPassiveBy = new RE2(
        "\\b(?:[a-z]+ed|bought|taken over|held|owned|run)(?: outright| jointly| wholly)? by $");
    if ((word == "the company" ||
         (word == "its" && RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kPassiveBy))) &&
        topic_ >= 0 && Entity(topic_).label == "Company") {
      static const RE2* kFieldLabel = new RE2("^\\s*(?:[-•*]\\s*)?[A-Z][^:.;]{0,40}: ");
      if (RE2::PartialMatch(s.text, *kFieldLabel) && b > 0) {
        refer_here(topic_, "Company");
        continue;
      }
    }
    // "helped by the start-up of Mpama South": the event of starting, not a young company.
    if ((absl::EndsWith(word, "start-up") || absl::EndsWith(word, "startup")) &&
        absl::StartsWith(absl::string_view(s.text).substr(e), " of ")) {
      continue;
    }
    // "acquired the Canadian explorer Patriot Battery Metals": a description right before a
    // name is that name's, not a reference.
    if (word != "it" && word != "its" && e < s.text.size() && s.text[e] == ' ') {
      bool name_next = false;
      for (const Item& it : *items) name_next |= it.entity >= 0 && it.begin == e + 1;
      if (name_next) continue;
    }
    // "CMOC, the Chinese group that runs …,": an apposition describes the name before it.
    // Not a site's owner: "Balama, the company's mine in Mozambique" is the company's. Nor a
    // fronted phrase of place or time: "Outside the United States, the company owns 55% of
    // Jamalco".
    static const RE2* kFrontedPhrase = new RE2(
        "^(?:(?:Outside|In|Beyond|Across|Abroad|Elsewhere|Meanwhile|Separately|Since|By|During|"
        "Last|This|Earlier|Later|At|Overseas|Domestically|Today|Now|Under|After|Before)"
        "(?: [\\w.'-]+){0,5}, )$");
    if (word != "it" && word != "its" && b >= 2 && s.text.compare(b - 2, 2, ", ") == 0) {
      const bool possessive = PossessiveAt(s.text, e);
      const bool fronted = RE2::FullMatch(re2::StringPiece(s.text.data(), b), *kFrontedPhrase);
      bool after_name = false;
      // Not a region: "In Tibet, the company's …" opens the clause.
      for (const Item& it : *items) {
        after_name |= it.entity >= 0 && it.end == b - 2 && it.tag != "Region" &&
                      !(possessive && it.tag == "Facility") && !(fronted && it.tag == "Country");
      }
      // (Nor a role another company has towards the one referred to: "Standard Investments, the
      // company's largest shareholder".)
      static const RE2* kRoleOfAnother = new RE2(
          "^(?:'s|’s) (?:[a-z-]+ ){0,2}?(?:shareholder|owner|parent|partner|customer|supplier|"
          "lender|investor|backer|buyer)s?\\b");
      const bool role = possessive &&
                        RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e),
                                          *kRoleOfAnother);
      if (after_name && !role) continue;
      // "Hancock Prospecting, the company's largest shareholder, holds about 19.9% of Liontown":
      // the company the sentence then names a share of.
      if (after_name && role) {
        const Item* held = nullptr;
        for (const Item& it : *items) {
          if (held == nullptr && it.entity >= 0 && it.tag == "Company" && it.begin > e &&
              it.begin >= 3 && s.text.compare(it.begin - 3, 3, "of ") == 0 &&
              s.text.substr(e, it.begin - e).find_first_of(";:") == std::string::npos) {
            held = &it;
          }
        }
        if (held != nullptr) {
          refer_here(held->entity, held->tag);
          continue;
        }
      }
    }
    // "全资子公司", "分公司": a kind of company, not a reference.
    if (word == "公司") {
      static const RE2* kKindBefore = new RE2("(?:子|分|母|控股)$");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kKindBefore)) continue;
    }
    // "合资公司PT Halmahera Persada Lygend": "公司" right before a company's name describes it.
    if (absl::EndsWith(word, "公司")) {
      bool before_name = false;
      for (const Item& it : *items) {
        before_name |= it.entity >= 0 && it.tag == "Company" &&
                       (it.begin == e || (it.begin == e + 1 && s.text[e] == ' '));
      }
      if (before_name) continue;
    }
    // "Vale keeps the other 90% of the base metals unit": two words of a description that are
    // words of a company the article named ("Vale Base Metals") name that company.
    {
      static const RE2* kNameWords = new RE2(
          "^the ([a-z]+ [a-z]+) (?:unit|business|subsidiary|company|arm|division|group|firm)$");
      std::string words;
      int named = -1;
      if (RE2::FullMatch(word, *kNameWords, &words)) {
        for (auto c = companies_.rbegin(); c != companies_.rend() && named < 0; ++c) {
          const std::string name = absl::StrCat(" ", absl::AsciiStrToLower(Entity(*c).name), " ");
          if (absl::StrContains(name, absl::StrCat(" ", words, " "))) named = *c;
        }
      }
      if (named >= 0) {
        refer_here(named, "Company");
        continue;
      }
    }
    // "The company has also said it plans …": "it" right after a verb of saying is the speaker.
    if (word == "it") {
      static const RE2* kSaidIt = new RE2(
          "^ (?:has |have |had )?(?:also |previously |repeatedly |since )?(?:said|says|announced|"
          "announces|stated|states|added|adds|confirmed|confirms|indicated|indicates|told "
          "(?:investors|reporters|analysts|shareholders))(?: that)? $");
      // The speaker: a name, or a description resolved just before ("The company").
      int speaker = -1;
      size_t speaker_end = 0;
      std::string speaker_tag;
      for (const std::vector<Item>* v : named_and_resolved) {
        for (const Item& it : *v) {
          if (it.entity >= 0 && it.end <= b && it.end >= speaker_end && IsAgent(it.tag)) {
            speaker = it.entity;
            speaker_end = it.end;
            speaker_tag = it.tag;
          }
        }
      }
      if (speaker >= 0 &&
          RE2::FullMatch(re2::StringPiece(s.text.data() + speaker_end, b - speaker_end), *kSaidIt)) {
        refer_here(speaker, speaker_tag);
        continue;
      }
    }
    // "The venture's Gwangyang plant … was built …, and Pilbara has agreed to ship it …": the
    // customer "it" after a supply (or giving) verb is not that verb's subject (the name right before,
    // unless "and" joins a second verb to it) but the site or company named before that.
    if (word == "it") {
      static const RE2* kSupplyVerb = new RE2(
          "\\b(?:ship|ships|shipped|shipping|supply|supplies|supplied|supplying|deliver|delivers|"
          "delivered|delivering|feed|feeds|fed|feeding|"
          // Or a verb of giving: "Cliffs disclosed that the agency had awarded it a contract".
          "award|awards|awarded|grant|grants|granted|gave|give|gives|lent|lend|lends|offered|offers) $");
      static const RE2* kOwnVerb = new RE2("^ (?:has |have |had |will |would |is |was )?[a-z]+");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kSupplyVerb)) {
        const Item* agent = nullptr;
        for (const Item& it : *items) {
          if (it.entity >= 0 && it.end <= b && IsAgent(it.tag)) agent = &it;
        }
        const absl::string_view gap =
            agent == nullptr ? absl::string_view()
                             : absl::string_view(s.text).substr(agent->end, b - agent->end);
        if (agent != nullptr && !absl::StartsWith(gap, " and ") && gap.find(',') == gap.npos &&
            RE2::PartialMatch(re2::StringPiece(gap.data(), gap.size()), *kOwnVerb)) {
          const Item* customer = nullptr;
          for (const Item& it : *items) {
            if (it.entity >= 0 && it.end <= agent->begin && it.entity != agent->entity &&
                (it.tag == "Facility" || it.tag == "Company")) {
              customer = &it;
            }
          }
          if (customer != nullptr) {
            refer_here(customer->entity, customer->tag);
            continue;
          }
        }
      }
    }
    // A verb right after a name (past, present or irregular): the name is its clause's subject.
    static const RE2* kVerbAfter = new RE2(
        "^ (?:has |have |had |will |would |also |then |later |now |since |still |already |"
        "again )*(?:[a-z]+(?:ed|s)|bought|sold|took|held|paid|won|built|ran|made|got|kept|"
        "lent|spent|led|sent|shut|cut|set|put)\\b");
    // "…, the Swiss-based trader sold nine million shares in November, cutting its holding from
    // about 43% to roughly 33%": "its" in a participle after the clause is the clause's subject,
    // the agent right before its verb, not the latest name.
    if (word == "its") {
      static const RE2* kParticipleIts = new RE2(
          ", (?:cutting|raising|lifting|taking|bringing|reducing|increasing|boosting|trimming|"
          "halving|doubling|lowering|diluting|leaving) $");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kParticipleIts)) {
        const Item* subject = nullptr;
        for (const std::vector<Item>* v : named_and_resolved) {
          for (const Item& it : *v) {
            if (it.entity < 0 || it.end > b || !IsAgent(it.tag)) continue;
            // Up to the comma that opens the participle, no other comma: the agent's own clause.
            const absl::string_view gap = absl::string_view(s.text).substr(it.end, b - it.end);
            const size_t comma = gap.rfind(',');
            if (comma == absl::string_view::npos || gap.substr(0, comma).find(',') != absl::string_view::npos) {
              continue;
            }
            if (!RE2::PartialMatch(re2::StringPiece(gap.data(), gap.size()), *kVerbAfter)) continue;
            if (subject == nullptr || it.end > subject->end) subject = &it;
          }
        }
        if (subject != nullptr) {
          refer_here(subject->entity, subject->tag);
          found.back().possessive = true;
          continue;
        }
      }
    }
    // "GM invested $650 million in Lithium Americas in 2023, which made it the company's
    // largest shareholder": "it" after "which made" and before a rank among holders is the
    // clause's subject, the agent that opens the sentence, not the latest name.
    // So is the subject "it" of a clause joined by "and" ("BHP agreed in 2021 to supply nickel to
    // Tesla, and in 2022 it signed a deal to sell nickel sulphate to …").
    if (word == "it" || word == "its") {
      static const RE2* kWhichMadeIt =
          new RE2("(?:, |\\bwhich |\\bthat )(?:made|makes|making|will make|would make) $");
      static const RE2* kHolderRankAfter = new RE2(
          "^ [^,.;]{1,40}?(?:'s|') (?:largest|biggest|second-largest|second largest|top|single "
          "largest|main|major) (?:shareholder|investor|owner|backer)");
      static const RE2* kAndIt = new RE2(
          "[,;] and (?:(?:in|by|since) (?:[A-Z][a-z]+ )?\\d{4},? |then |later |now |also |last year,? "
          "|this year,? )?$");
      // So is "it" in a relative clause on the sentence's object ("paid $4.07 billion for a stake
      // in SQM, which it bought from Nutrien"): the clause is about the object, "it" is not it.
      static const RE2* kWhichIt = new RE2(", (?:which|that) $");
      // So is "its" after an object chosen for a role ("ENAMI selected Rio Tinto as its partner").
      static const RE2* kChoseAsIts = new RE2(
          "\\b(?:selected|selects|chose|chooses|picked|picks|named|names|appointed|appoints|"
          "tapped|taps|hired|hires) (?:the )?(?:[A-Z][\\w&.-]*(?: [A-Z][\\w&.-]*){0,4}) as $");
      // So is "its" where the supplier's goods are made ("MP Materials agreed to supply Apple with
      // magnets made at its Fort Worth, Texas, facility": MP's, not Apple's).
      static const RE2* kSupplyWithMadeAtIts = new RE2(
          "\\b(?:supply|supplies|supplied|supplying|provide|provides|provided|providing) "
          "(?:the )?(?:[A-Z][\\w&.-]*(?: [A-Z][\\w&.-]*){0,4}) with [^,;.]*? "
          "(?:made|produced|refined|processed|built|assembled|mined) (?:at|in|by) $");
      const re2::StringPiece after(s.text.data() + e, s.text.size() - e);
      const re2::StringPiece before(s.text.data(), b);
      if ((word == "it" && RE2::PartialMatch(before, *kWhichMadeIt) &&
           RE2::PartialMatch(after, *kHolderRankAfter)) ||
          (word == "its" && (RE2::PartialMatch(before, *kChoseAsIts) ||
                             RE2::PartialMatch(before, *kSupplyWithMadeAtIts))) ||
          (word == "it" && (RE2::PartialMatch(before, *kAndIt) || RE2::PartialMatch(before, *kWhichIt)) &&
           RE2::PartialMatch(after, *kVerbAfter))) {
        // (A name, or a description resolved before it: "The Detroit carmaker". A company or a
        // government before a country: "In the United States, Mosaic makes fertilizer …, and it
        // produced …" is Mosaic.)
        const Item* first = nullptr;
        for (const bool any : {false, true}) {
          for (const std::vector<Item>* v : named_and_resolved) {
            for (const Item& it : *v) {
              if (it.entity >= 0 && it.end <= b && IsAgent(it.tag) &&
                  (any || it.tag == "Company" || it.tag == "Government") &&
                  (first == nullptr || it.begin < first->begin)) {
                first = &it;
              }
            }
          }
          if (first != nullptr) break;
        }
        // The possessor opening the sentence is not its subject ("Huayou's Huayue plant uses …,
        // and it has capacity for …": the plant).
        if (first != nullptr) {
          for (const std::vector<Item>* v : named_and_resolved) {
            for (const Item& it : *v) {
              if (it.entity < 0 || it.end > b || it.begin <= first->end ||
                  (it.tag != "Facility" && !IsAgent(it.tag))) {
                continue;
              }
              const absl::string_view gap =
                  absl::string_view(s.text).substr(first->end, it.begin - first->end);
              if (gap == "'s " || gap == "’s " || gap == "' " || gap == "’ ") first = &it;
            }
          }
          refer_here(first->entity, first->tag);
          found.back().possessive = word == "its";
          continue;
        }
      }
    }
    // "Rostec, the state defence conglomerate, holds 25% of it", "Itochu owns 8% of it": the
    // share is not the holder's own; "it" is the latest other site or company this sentence
    // named before the holder, else the section's latest site, else the agent of the sentence
    // before. So is "its" before the shares ("the carmaker Stellantis also holds about 8% of its
    // shares"), and "it" that the holder spent money on.
    static const RE2* kSharesAfter =
        new RE2("^ (?:shares|share capital|stock|equity|capital|voting shares|issued shares)\\b");
    // So is "the company" in "founded in 2016 by SSAB, LKAB and Vattenfall, which each own a third
    // of the company".
    if (word == "it" || word == "the company" || word == "the venture" || word == "the joint venture" ||
        (word == "its" &&
         RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kSharesAfter))) {
      static const RE2* kHolderThenShareOf = new RE2(
          "^(?:, [^,]{1,80},)?,? (?:which |that |who )?(?:each |jointly |together )?(?:also |now |still |currently |itself )?(?:owns|own|owned|holds|"
          "hold|held|controls|controlled|keeps|kept|retains|retained) (?:a |an |the remaining |"
          "the other )?(?:(?:about|around|roughly|nearly|almost|some|just over|just under|more "
          "than) )?(?:\\d[\\d.,]*\\s?(?:%|per ?cent)|half|a third|two-thirds|two thirds|a quarter|"
          "three-quarters|three quarters|a majority|most) (?:(?:stake|interest|share) )?(?:of|in) $|"
          // So is money the holder spent on it: "after K+S had spent about C$4.1 billion on it".
          "^ (?:had |has |have |also |already )*(?:spent|invested|put|poured|sunk|sank) (?:(?:about|"
          "around|roughly|nearly|almost|some|more than|over) )?(?:[A-Z]{0,3}\\$|€|£|¥)?\\d[\\d.,]*"
          "(?: ?(?:million|billion|bn|m))? (?:on|in|into) $");
      const Item* holder = nullptr;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag)) holder = &it;
      }
      // "ZCCM-IH, which is majority-owned by the Zambian government, kept the remaining 49% of
      // the company": a name inside a relative clause is not the holder; the name it describes is.
      // (A site the clause names is what the share is of: "CMOC, which bought the Kisanfu deposit
      // from Freeport-McMoRan in 2020, holds 71.25% of it".)
      static const RE2* kInRelative = new RE2(", (?:which|who|that) [^,;]*$");
      const Item* clause_site = nullptr;
      if (holder != nullptr &&
          RE2::PartialMatch(re2::StringPiece(s.text.data(), holder->begin), *kInRelative)) {
        for (const Item& it : *items) {
          if (&it == holder) break;
          if (it.entity >= 0 && IsAgent(it.tag) &&
              RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, b - it.end), *kHolderThenShareOf)) {
            for (const Item& in : *items) {
              if (in.entity >= 0 && in.tag == "Facility" && in.begin > it.end && in.end <= b) clause_site = &in;
            }
            holder = &it;
            break;
          }
        }
      }
      if (holder != nullptr &&
          RE2::FullMatch(re2::StringPiece(s.text.data() + holder->end, b - holder->end),
                         *kHolderThenShareOf)) {
        // Not the holder's partner in "A and B" or "A, B and C" ("Cameco and Brookfield
        // completed their acquisition of the reactor builder, and Cameco now holds 49% of it";
        // "GAIL, ONGC, IOC and BPCL each still hold 12.5% of it").
        std::set<int> partners;
        // The names joined to items[k] one after another, walking back (step -1) or on (+1).
        auto join_list = [&](size_t k, int step) {
          const Item* cur = &(*items)[k];
          for (size_t j = k + step; j < items->size(); j += step) {  // size_t wraps below 0.
            const Item& o = (*items)[j];
            const Item& left = step < 0 ? o : *cur;
            const Item& right = step < 0 ? *cur : o;
            if (o.entity < 0 || left.end > right.begin) continue;
            if (!RE2::FullMatch(re2::StringPiece(s.text.data() + left.end, right.begin - left.end), *kPairJoin)) {
              break;
            }
            partners.insert(o.entity);
            cur = &o;
          }
        };
        for (size_t k = 0; k < items->size(); ++k) {
          if ((*items)[k].entity != holder->entity) continue;
          join_list(k, -1);
          join_list(k, +1);
        }
        auto partner = [&](const Item& it) { return partners.contains(it.entity); };
        int held = -1;
        size_t held_end = 0;
        std::string held_tag;
        // "the company" is another company only after a list of holders ("SSAB, LKAB and
        // Vattenfall, which each own a third of the company"); after one holder it is the company
        // the text is about ("Volkswagen, which held roughly 21% of the company").
        const bool described = word != "it" && word != "its";
        // Names and the descriptions this sentence resolved before ("the reactor builder").
        for (const std::vector<Item>* v : named_and_resolved) {
          if (described && partners.empty()) break;
          for (const Item& it : *v) {
            if (it.entity >= 0 && it.end <= holder->begin && it.end >= held_end &&
                it.entity != holder->entity && (it.tag == "Facility" || it.tag == "Company") &&
                !partner(it)) {
              held = it.entity;
              held_end = it.end;
              held_tag = it.tag;
            }
          }
        }
        if (held < 0 && clause_site != nullptr) {
          held = clause_site->entity;
          held_tag = clause_site->tag;
        }
        // Outside the sentence only when the holder opens it: with other names before it, what
        // "it" is may be a thing this sentence described without a name ("the reactor builder").
        bool first = true;
        for (const Item& it : *items) first &= !(it.entity >= 0 && it.end <= holder->begin && IsAgent(it.tag));
        // "IRH completed the purchase of a 51% stake in Mopani. … ZCCM-IH kept the remaining 49%
        // of the company": the rest of a share is of what the section's latest stake was in.
        const absl::string_view share_words = absl::string_view(s.text).substr(holder->end, b - holder->end);
        const bool rest = absl::StrContains(share_words, "remaining ") || absl::StrContains(share_words, "the other ");
        if (held < 0 && first && rest && last_held_ >= 0 && last_held_ != holder->entity) {
          held = last_held_;
        }
        // The previous sentence's subject when the text introduced it as a joint venture
        // ("Strand Minerals is itself a joint venture. Tsingshan holds 57% of it"), else the
        // section's latest site.
        first &= !described;
        if (held < 0 && first && prev_agent_ >= 0 && prev_agent_ == venture_ &&
            prev_agent_ != holder->entity) {
          held = prev_agent_;
        } else if (held < 0 && first && !facilities_.empty() && facilities_.back() != holder->entity) {
          held = facilities_.back();
        } else if (held < 0 && first && prev_agent_ >= 0 && prev_agent_ != holder->entity) {
          held = prev_agent_;
        }
        if (held >= 0) {
          refer_here(held, held_tag.empty() ? Entity(held).label : held_tag);
          found.back().possessive = word == "its";
          continue;
        }
      }
    }
    // "shipping it to steelmakers in Japan": what is shipped or sent to someone is goods, not a
    // company; "it" stays a word. So is a share of it sent somewhere ("exported about 890 million
    // tonnes of iron ore in 2024, more than 80% of it to China").
    if (word == "it") {
      static const RE2* kShippedIt = new RE2(
          "(?i)(?:\\b(?:ship|ships|shipped|shipping|send|sends|sent|sending|export|exports|exported|"
          "exporting|truck|trucks|trucked|trucking|rail|rails|railed)|"
          "(?:%|per ?cent|half|third|thirds|quarter|most|all) of) $");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kShippedIt) &&
          absl::StartsWith(s.text.substr(e), " to ")) {
        continue;
      }
      // So is what is worked at a site: "mines phosphate rock at Umm Wu'al … and processes it at
      // its Ras Al-Khair complex".
      static const RE2* kWorkedIt = new RE2(
          "(?i)\\b(?:process|processes|processed|processing|refine|refines|refined|refining|treat|"
          "treats|treated|treating|smelt|smelts|smelted|smelting|convert|converts|converted|"
          "converting|upgrade|upgrades|upgraded|concentrate|concentrates|concentrated) $");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kWorkedIt) &&
          (absl::StartsWith(s.text.substr(e), " at ") || absl::StartsWith(s.text.substr(e), " in ") ||
           absl::StartsWith(s.text.substr(e), " into "))) {
        continue;
      }
    }
    // "took control of the Rincon project after buying it", "courted Neo Lithium and bought
    // it": what is bought or sold is not the clause's subject (the sentence's first company)
    // but the latest other site or company this sentence named before the pronoun.
    if (word == "it") {
      static const RE2* kTradedObject = new RE2(
          "(?i)\\b(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring|purchase|"
          "purchases|purchased|purchasing|sell|sells|sold|selling) $|"
          // "BHP operates Escondida … and owns 57.5% of it": a share of what was named.
          "\\b(?:owns|own|owned|holds|hold|held|controls|control|controlled|keeps|kept|retains|"
          "retained) (?:a |an |the remaining |the other )?(?:\\d[\\d.,]*\\s?(?:%|per ?cent) |half |"
          "most |all |a third |two-thirds )(?:(?:stake|interest|share) )?(?:of|in) $");
      const Item* subject = nullptr;
      const Item* traded = nullptr;
      bool co_subject = false;
      for (const Item& it : *items) {
        if (it.end > b || it.entity < 0 || (it.tag != "Facility" && it.tag != "Company")) continue;
        if (subject == nullptr && it.tag == "Company") {
          subject = &it;
        } else if (subject == nullptr || it.entity != subject->entity) {
          // "Cameco and Brookfield completed their acquisition of …, and Cameco now holds 49%
          // of it": a co-subject of "A and B" is a buyer, not what was bought.
          if (subject != nullptr && it.begin >= subject->end &&
              RE2::FullMatch(re2::StringPiece(s.text.data() + subject->end, it.begin - subject->end),
                             *kPairJoin)) {
            co_subject = true;
            continue;
          }
          // "bought the Kisanfu deposit from Freeport-McMoRan in 2020, holds 71.25% of it": the
          // seller is not what was bought.
          static const RE2* kSeller = new RE2("\\bfrom (?:the )?$");
          if (traded != nullptr &&
              RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kSeller)) {
            continue;
          }
          traded = &it;
        }
      }
      if ((traded != nullptr || co_subject) &&
          RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kTradedObject)) {
        // With only the buyers named before it, what was bought is unnamed here: "it" stays a
        // word rather than a wrong name.
        if (traded != nullptr) refer_here(traded->entity, traded->tag);
        continue;
      }
    }
    // "It was commissioned in 2023", "plans to expand it": what is built, opened or expanded
    // is the sentence's, or else the section's, latest facility.
    int facility = facilities_.empty() ? -1 : facilities_.back();
    for (const Item& it : *items) {
      if (it.tag == "Facility" && it.entity >= 0 && it.end <= b) facility = it.entity;
    }
    if (word == "it" && facility >= 0) {
      static const RE2* kFacilityVerb = new RE2(
          "^ (?:was|is|has been|had been|will be|would be)(?: [a-z]+ly)? (?:commissioned|built|"
          "constructed|opened|completed|designed|idled|shut|closed|restarted|expanded|upgraded|"
          "inaugurated|suspended|halted|mothballed|reopened)\\b");
      // "bought CMOC's 80% interest in the Northparkes mine and now operates it", "to let
      // Vedanta reopen it", "opened the mine in 2022 but suspended it": what a company runs,
      // reopens or suspends is a site too.
      static const RE2* kFacilityObject = new RE2(
          "(?i)\\b(?:expand|expands|expanded|expanding|build|builds|built|building|restart|"
          "restarts|restarted|upgrade|upgrades|upgraded|idle|idled|commission|commissioned|"
          "operate|operates|operated|operating|run|runs|reopen|reopens|reopened|reopening|"
          "open|opens|opened|suspend|suspends|suspended|suspending|halt|halts|halted|close|"
          "closes|closed|mothball|mothballs|mothballed|shut|shuts|size|sizes|sized|sizing|"
          "design|designs|designed|rate|rates|rated) $");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e),
                            *kFacilityVerb) ||
          RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kFacilityObject)) {
        refer_here(facility, "Facility");
        continue;
      }
    }
    // "The project lies in Mongolia. The miner holds 66% of it": a share of "it" is of the site
    // this sentence named, or else the one the sentence before opened with.
    static const RE2* kShareOf = new RE2(
        "(?i)(?:\\d%|\\d per ?cent|\\b(?:stake|interest|share|shares|holding|half|third|"
        "quarter)) (?:in|of) $");
    if (word == "it" && RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kShareOf)) {
      int site = prev_facility_subject_;
      for (const Item& it : *items) {
        if (it.tag == "Facility" && it.entity >= 0 && it.end <= b) site = it.entity;
      }
      if (site >= 0) {
        refer_here(site, "Facility");
        continue;
      }
      // With no site: the company the sentence before named last, when it is not a holder named
      // in this sentence ("… completed their acquisition of Westinghouse. Cameco now holds 49% of
      // it").
      if (!prev_agents_.empty()) {
        const int last = prev_agents_.back();
        bool here = false;
        for (const Item& it : *items) here |= it.entity == last && it.end <= b;
        if (!here && Entity(last).label == "Company") {
          refer_here(last, "Company");
          continue;
        }
      }
    }
    // "CMOC overtook Glencore …, and the Kisanfu mine, which it has run since 2023, is …": the
    // subject of a relative clause on a site is the sentence's subject, not the latest name.
    if (word == "it") {
      // (Also after an apposition on the site: "at Las Bambas, the Peruvian mine that it bought
      // from Glencore", "Tenke Fungurume, a Lualaba mine whose controlling stake it bought".)
      static const RE2* kRelativeOpen = new RE2(
          "^(?:, (?:the|a|an) (?:[\\w'’-]+ ){0,3}?(?:mine|project|refinery|smelter|plant|complex|"
          "operation|deposit|asset|site|facility))?,? (?:which|that|whose (?:controlling |majority |"
          "entire )?(?:stake|interest|shares)) $");
      static const RE2* kClauseVerb = new RE2(
          "^ (?:has|had|have|is|was|will|would|can|could|now|still|also|already|bought|acquired|"
          "built|runs|run|operates|operated|owns|owned|controls|controlled|took|developed|"
          "manages|managed)\\b");
      const Item* site = nullptr;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && it.tag == "Facility" &&
            RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, b - it.end), *kRelativeOpen)) {
          site = &it;
        }
      }
      if (site != nullptr &&
          RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kClauseVerb)) {
        const Item* subject = nullptr;
        for (const Item& it : *items) {
          if (it.entity >= 0 && it.end <= site->begin && IsAgent(it.tag)) {
            subject = &it;
            break;
          }
        }
        // Only a subject that opens the sentence ("CMOC Group … overtook"), not one after a
        // fronted phrase or a preposition.
        if (subject != nullptr && subject->begin <= 4) {
          refer(b, e, subject->entity, subject->tag);
          continue;
        }
      }
      // "The ban cut Rusal off from QAL, the Gladstone refinery in which it holds a 20% stake":
      // the holder in a relative clause on what is held is another name, the sentence's first
      // agent that is neither the held one nor named in apposition to it.
      // (Also after an apposition on the held one: "Hyundai Oilbank, the Daesan-based refiner of
      // which it bought a 17% stake".)
      static const RE2* kInWhichHolds = new RE2(
          "^(?:, (?:the|a|an) (?:[\\w'’-]+ ){0,3}?[a-z]+)?,? (?:in which|of which|in whom|where) $");
      // After another preposition any verb: "the Kings Mountain mine …, for which it was awarded a
      // $149.7 million grant" (it: the company, the nearest other agent before the site).
      static const RE2* kPrepWhich = new RE2(
          "^,? (?:for|to|from|under|through|with|by|at) which $");
      static const RE2* kHoldsAfter = new RE2(
          "^ (?:now |still |also |currently )?(?:holds|owns|has|controls|held|owned|had|retains|keeps|"
          "bought|acquired|took|takes)\\b");
      const Item* held = nullptr;
      bool nearest = false;  // The nearest other agent, not the first.
      for (const Item& it : *items) {
        if (it.entity < 0 || it.end > b) continue;
        const re2::StringPiece between(s.text.data() + it.end, b - it.end);
        if (RE2::FullMatch(between, *kInWhichHolds)) {
          held = &it;
          nearest = false;
        } else if (RE2::FullMatch(between, *kPrepWhich)) {
          held = &it;
          nearest = true;
        }
      }
      if (held != nullptr &&
          (nearest || RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kHoldsAfter))) {
        // The name an apposition ending at the held one describes ("QAL, the Gladstone refinery").
        const Item* described = nullptr;
        for (const Item& it : *items) {
          if (it.entity >= 0 && it.end + 2 <= held->begin &&
              s.text.compare(it.end, 2, ", ") == 0 &&
              s.text.substr(it.end + 2, held->begin - it.end - 2).find(',') == absl::string_view::npos) {
            described = &it;
          }
        }
        // Names and the references resolved before in this sentence ("The company also wants to
        // reopen …"), in text order.
        std::vector<const Item*> before;
        for (const std::vector<Item>* v : named_and_resolved) {
          for (const Item& it : *v) {
            if (it.entity >= 0 && it.end <= held->begin && IsAgent(it.tag) && it.entity != held->entity &&
                (described == nullptr || it.entity != described->entity)) {
              before.push_back(&it);
            }
          }
        }
        std::sort(before.begin(), before.end(), [](const Item* x, const Item* y) { return x->begin < y->begin; });
        const Item* holder = before.empty() ? nullptr : nearest ? before.back() : before.front();
        if (holder != nullptr) {
          refer(b, e, holder->entity, holder->tag);
          continue;
        }
      }
    }
    // "Lynas is backed by JOGMEC, which lent it $200 million", "the mine has been run by MP
    // Materials, which bought it out of bankruptcy": the "it" a relative clause's verb acts on
    // is not the clause's own subject, the name the relative pronoun follows, but the name
    // before that in the sentence; with none, "it" stays a word.
    if (word == "it") {
      static const RE2* kRelativeVerb = new RE2("^,? (?:which|who|that) (?:[a-z]+ ){0,2}?[a-z]+ $");
      const Item* relative = nullptr;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b &&
            RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, b - it.end), *kRelativeVerb)) {
          relative = &it;
        }
      }
      if (relative != nullptr) {
        const Item* before = nullptr;
        for (const Item& it : *items) {
          if (it.entity >= 0 && it.end <= relative->begin &&
              (IsAgent(it.tag) || it.tag == "Facility")) {
            before = &it;
          }
        }
        if (before != nullptr) refer(b, e, before->entity, before->tag);
        continue;
      }
      // "…, and Rio Tinto, which inherited its share when it bought Arcadium": the subject of a
      // clause inside the relative clause is the name the relative pronoun follows.
      static const RE2* kRelativeSubject = new RE2(
          "^,? (?:which|who) [^,;.<]*? (?:when|after|before|as|because|since|once|while|until|"
          "and) $");
      const Item* antecedent = nullptr;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag) &&
            RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, b - it.end), *kRelativeSubject)) {
          antecedent = &it;
        }
      }
      if (antecedent != nullptr) {
        refer_here(antecedent->entity, antecedent->tag);
        continue;
      }
    }
    // "the French group": the country of a demonym inside the description ("the
    // Anglo-Australian miner", one of two, names none).
    int nationality = -1;
    for (const Item& it : *items) {
      if ((it.tag == "Demonym" || country_modifier(it)) && it.entity >= 0 && b < it.end && it.begin < e &&
          (it.begin == 0 || s.text[it.begin - 1] != '-') &&
          (it.end >= s.text.size() || s.text[it.end] != '-')) {
        nationality = it.entity;
      }
    }
    // (A country's name stays one while the phrase is unresolved: it is erased below, with the
    // reference found.)
    std::erase_if(*items, [&](const Item& it) {
      return b < it.end && it.begin < e && !country_modifier(it);
    });
    const Kind kind = word == "its" || word == "it" ? kAgent
                      : word == "the department" || word == "the ministry" || word == "the agency" ||
                              word == "the office" || word == "the fund" || word == "该公团" || word == "该机构"
                          ? kGovernment
                      : word == "the country" || word == "该国" ? kCountry
                                              : kCompany;
    // "公司" inside a longer name (e.g. "苹果公司") is part of that name, not a pronoun.
    Item ref, weak, second, earlier;
    // "IRH, the mining arm of Abu Dhabi conglomerate IHC, has completed its acquisition",
    // "Soulbrain, which supplies much of Samsung Electronics' hydrogen fluoride, doubled the
    // capacity of its plant": names inside an apposition or a relative clause closed before the
    // reference describe the name before it, which the reference means.
    size_t appos_begin = 0, appos_end = 0;
    if (word == "its" || word == "it") {
      static const RE2* kApposThenVerb = new RE2(
          "^(?: \\([^()]{1,40}\\))?, (?:the|a|an|which|who|once|formerly|previously) "
          "(?:[^,;.:]|[A-Z]\\.)*?, (?:has |have |had |is |was |will |would |also |now |then )?"
          // (A figure may stand among the words: "is spending $2.5 billion on its plant".)
          "[a-z]+(?: (?:[a-z-]+|(?:US|A|C)?[$€£]?\\d[\\d.,]*%?)){0,6} $");
      for (const Item& it : *items) {
        if (it.entity < 0 || it.end > b || !IsAgent(it.tag)) continue;
        if (RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, b - it.end), *kApposThenVerb)) {
          appos_begin = it.end;
          appos_end = b;
          break;
        }
      }
    }
    // "TotalEnergies (through its subsidiary Saft)": "its" in a bracket right after a name is
    // that name's.
    if (word == "its") {
      static const RE2* kBracketBefore =
          new RE2("^ ?\\((?:through|via|with|by|and|including|incl\\.)? ?$");
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag) &&
            RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, b - it.end), *kBracketBefore)) {
          ref = it;
        }
      }
    }
    const bool bracket_owner = ref.entity >= 0;
    for (const Item& it : *items) {  // Nearest preceding compatible mention.
      if (bracket_owner) break;
      if (it.end > b || it.entity < 0) continue;
      if (it.begin >= appos_begin && it.end <= appos_end && appos_end > 0) continue;
      // A place named after "in"/"outside" is a setting, not an antecedent.
      static const RE2* kLocative = new RE2(
          "(?i)\\b(?:in|outside|across)(?: the)?(?: (?:northern|southern|eastern|western|central|"
          "north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|"
          "southeastern|southwestern))? $");
      // So is a country after a town ("in Sillamäe, Estonia, which it has operated"), and a
      // country opening an apposition as a possessor ("JL Mag, China's biggest supplier of
      // magnets, says it can produce"): both describe the name before them.
      static const RE2* kTownBefore =
          new RE2("\\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside) (?:\\p{Lu}[\\p{L}\\p{M}'-]* ?){1,3}, $");
      // So is a country as a modifier in a description ("Mosaic, the U.S. fertiliser maker,
      // exchanged its stake": the description's noun is what it names), and a country's
      // possessive before a company ("the U.S. arm of South Korea's Hanwha Solutions": the
      // company's home).
      static const RE2* kLowerWordAfter = new RE2("^ [a-z]");
      static const RE2* kAppositionOpens = new RE2(", (?:the|a|an) $");
      // A programme named after "under" is the terms of a grant, no antecedent ("awarded Perpetua
      // $24.8 million under DPA Title III … at its Stibnite project").
      static const RE2* kUnder = new RE2("\\bunder (?:the )?$");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kUnder)) continue;
      if (it.tag == "Country") {
        const re2::StringPiece before(s.text.data(), it.begin);
        const re2::StringPiece after(s.text.data() + it.end, s.text.size() - it.end);
        const bool possessive = s.text.compare(it.end, 3, "'s ") == 0;
        const bool before_company =
            possessive && std::any_of(items->begin(), items->end(), [&](const Item& next) {
              return next.begin == it.end + 3 && next.entity >= 0 &&
                     (next.tag == "Company" || next.tag == "Government");
            });
        if (RE2::PartialMatch(before, *kLocative) || RE2::PartialMatch(before, *kTownBefore) ||
            (possessive && it.begin >= 2 && s.text.compare(it.begin - 2, 2, ", ") == 0) ||
            before_company ||
            (RE2::PartialMatch(before, *kAppositionOpens) &&
             RE2::PartialMatch(after, *kLowerWordAfter))) {
          continue;
        }
      }
      if (!fits(kind, it.tag)) continue;
      // A name as the modifier of a noun ("pumps brine under a separate Corfo contract … and
      // processes it at its La Negra plant"): the contract's party is not the clause's agent.
      static const RE2* kArticleBefore = new RE2("\\b(?:a|an|the)(?: [a-z-]+)? $");
      static const RE2* kModifiedNoun = new RE2(
          "^ (?:contract|contracts|concession|concessions|deal|agreement|licence|license|permit|"
          "tender|auction|talks|rules|law|programme|program|scheme|approval|decision)\\b");
      if (kind == kAgent && it.tag != "Facility" &&
          RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kArticleBefore) &&
          RE2::PartialMatch(re2::StringPiece(s.text.data() + it.end, s.text.size() - it.end),
                            *kModifiedNoun)) {
        continue;
      }
      // "… giving Moscow leverage over … its trading arm Tenex": what has an arm, a unit or a
      // subsidiary is a company.
      static const RE2* kCompanyPart = new RE2(
          "^ (?:[a-z-]+ )?(?:arm|unit|subsidiary|division|affiliate|business)\\b");
      if (word == "its" && it.tag != "Company" &&
          RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kCompanyPart)) {
        continue;
      }
      // "Covalent Lithium, its 50-50 joint venture": an apposition's "its" is not the name's;
      // in a list, "CATL, its recycling unit Brunp" names a new member right after the noun.
      if (kind == kAgent && it.end + 2 == b && s.text.compare(it.end, 2, ", ") == 0) {
        size_t next = s.text.size();
        for (const Item& other : *items) {
          if (other.begin >= e && other.entity >= 0) next = std::min(next, other.begin);
        }
        static const RE2* kNamedMember = new RE2("^ (?:[a-z][a-z-]* ){1,3}$");
        static const RE2* kPreposition = new RE2("\\b(?:with|of|in|for|to|from|by)\\b");
        const re2::StringPiece between(s.text.data() + e, next - e);
        if (!RE2::FullMatch(between, *kNamedMember) || RE2::PartialMatch(between, *kPreposition)) {
          continue;
        }
        ref = it;  // The list member right before, even after "of" ("a consortium of CATL, its …").
        continue;
      }
      // A facility is "it" only as the sentence's subject ("Kisanfu began …, and it is
      // designed …"), not as an object ("Talison, which runs the Greenbushes mine, and it").
      // The subject may be possessed by the name opening the sentence: "Arcadium Lithium's
      // Olaroz operation in Argentina reached its expanded capacity".
      const bool possessed_subject =
          items->size() > 1 && &it == &(*items)[1] && (*items)[0].entity >= 0 &&
          PossessiveAt(s.text, (*items)[0].end) &&
          it.begin <= (*items)[0].end + 5 + 40 &&
          s.text.substr((*items)[0].end, it.begin - (*items)[0].end).find_first_of(",;") ==
              std::string::npos;
      // "Glencore's copper smelter at Mount Isa and its refinery in Townsville": "its" after a
      // possessed site is the possessor's, not the site's.
      if (word == "its" && it.tag == "Facility") {
        const Item* owner = nullptr;
        for (const Item& o : *items) {
          if (o.entity >= 0 && IsAgent(o.tag) && o.end <= it.begin && it.begin - o.end <= 3 &&
              PossessiveAt(s.text, o.end)) {
            owner = &o;
          }
        }
        if (owner != nullptr) {
          ref = *owner;
          continue;
        }
      }
      if (it.tag == "Facility" && &it != &items->front() && !possessed_subject) continue;
      // A site owns, buys or lends nothing: "Greenbushes, the mine it co-owns with Albemarle"
      // (it: Tianqi, not its Kwinana refinery that opened the sentence).
      static const RE2* kOwnerVerbAfter = new RE2(
          "^ (?:also |still |now |jointly |once )?(?:owns|co-owns|owned|co-owned|bought|acquired|"
          "sold|invested|lent|lends|holds a|held a)\\b");
      if (it.tag == "Facility" && word == "it" &&
          RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e),
                            *kOwnerVerbAfter)) {
        continue;
      }
      // A member of "A and B" is no antecedent of a singular "it"/"its"/"the company".
      static const RE2* kAndAfter = new RE2("^(?:(?:,? and|,? or|/) |和|与|及|、)");
      static const RE2* kAndBefore = new RE2("(?:(?:,? and|,? or|/) |和|与|及|、)$");
      // Unless the partner is named again after the reference, which then is the other member:
      // "LG Energy Solution and Honda …, a venture in which the Korean group holds 51% and Honda 49%".
      auto named_after = [&](const Item& other) {
        for (const Item& later : *items) {
          if (later.entity == other.entity && later.begin >= e) return true;
        }
        return false;
      };
      bool coordinated = false;
      for (const Item& other : *items) {
        // (A name and its other name are one: "Titanium Metals Corp, or Timet, …".)
        if (other.entity < 0 || &other == &it || named_after(other) || other.entity == it.entity) continue;
        if (other.begin >= it.end &&
            RE2::PartialMatch(
                re2::StringPiece(s.text.data() + it.end, other.begin - it.end), *kAndAfter) &&
            other.begin - it.end <= 6) {
          coordinated = true;
        }
        if (other.end <= it.begin && it.begin - other.end <= 6 &&
            RE2::PartialMatch(
                re2::StringPiece(s.text.data() + other.end, it.begin - other.end), *kAndBefore)) {
          coordinated = true;
        }
      }
      if (coordinated) continue;
      // "艾芬豪矿业持有该公司39.6%的股权": 该公司 is not the subject of its own clause; the company
      // is named in an earlier clause ("…由Kamoa Copper公司运营，…") or sentence.
      // (A possessor of the clause's subject is not its subject: "洛阳钼业旗下的TFM铜钴矿由该公司负责
      // 运营" is CMOC's.)
      if (absl::StartsWith(word, "该")) {
        const absl::string_view between = absl::string_view(s.text).substr(it.end, b - it.end);
        const bool possessor = absl::StartsWith(between, "旗下") ||
                               absl::StartsWith(between, "下属") || absl::StartsWith(between, "所属");
        if (!possessor && between.find_first_of(",;:") == absl::string_view::npos &&
            !absl::StrContains(between, "，") && !absl::StrContains(between, "；") &&
            !absl::StrContains(between, "：")) {
          continue;
        }
      }
      // "The Quartz Corp, whose shareholders include Norway's Norsk Mineral, ships part of its
      // Spruce Pine ore": a name inside a relative clause that closed before the reference is a
      // weaker antecedent than the name the clause hangs on.
      {
        // The clause opens at the last ", whose/which/who" before the name, no comma between.
        static const RE2* kOpenRelative = new RE2("(, (?:whose|which|who|in which) )[^,]*$");
        re2::StringPiece opener;
        if (RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kOpenRelative, &opener)) {
          const size_t r = static_cast<size_t>(opener.data() - s.text.data());
          const size_t close = s.text.find(',', it.end);
          const bool hung_on_agent = std::any_of(items->begin(), items->end(), [&](const Item& h) {
            return h.entity >= 0 && h.entity != it.entity && h.end == r && IsAgent(h.tag);
          });
          if (hung_on_agent && close != std::string::npos && close < b) {
            if (ref.entity < 0) weak = it;
            second = it;
            continue;
          }
        }
      }
      // The object of a preposition ("an offtake with Tesla") is a weaker antecedent than a
      // subject: taken only when nothing else is there.
      static const RE2* kPrepositional =
          new RE2("(?i)\\b(?:with|from|than|against|over|into|of|at|on|through|via|toward|towards)(?: the)? $");
      // So is the agent of a participle that describes a noun ("Electra will refine cobalt
      // hydroxide supplied by Glencore at its refinery": Electra's), though not of a passive
      // verb ("Kamoto is owned by Glencore through its unit": Glencore's).
      static const RE2* kParticipleBy =
          new RE2("(?i)\\b([a-z]+) (?:[a-z]+ed|sold|run|made|built|held|grown|mined|sent|bought|"
                  "taken|given|won|led|backed|owned) by(?: the)? $");
      static const RE2* kAuxiliary = new RE2(
          "(?i)^(?:is|are|was|were|be|been|being|has|have|had|get|gets|got|become|became|remains|"
          "remained|now|still|also|jointly|wholly|partly|majority|minority|fully)$");
      std::string before_participle;
      const bool participle_agent =
          RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kParticipleBy,
                            &before_participle) &&
          !RE2::FullMatch(before_participle, *kAuxiliary);
      // The agent of a passive whose subject is itself a company ("Rio Tinto was chosen by ENAMI
      // as partner for the project, where it would hold 51%": Rio Tinto) is the runner-up too.
      static const RE2* kPassiveBy = new RE2(
          "(?i)( (?:is|are|was|were|has been|have been|had been|will be|would be|is being|was "
          "being)(?: (?:also|now|still|then|later|first|initially|recently|jointly))? [a-z]+ by(?: "
          "the)? )$");
      re2::StringPiece passive;
      bool agent_passive = false;
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kPassiveBy, &passive)) {
        const size_t aux = static_cast<size_t>(passive.data() - s.text.data());
        for (const Item& subject : *items) {
          agent_passive |= subject.entity >= 0 && subject.end == aux && IsAgent(subject.tag);
        }
      }
      // (A possessor after a quantity's "of" is no object of it: "Most of LGES's American
      // capacity … sits inside Ultium Cells, its 50-50 joint venture": LGES's. "buy $400
      // million of MP Materials' stock, making it …" stays the buyer's.)
      static const RE2* kQuantityOf = new RE2(
          "(?i)\\b(?:most|much|part|all|some|half|many|none|each|one|bulk|majority|rest) of $");
      const bool possessor = PossessiveAt(s.text, it.end) &&
                             RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kQuantityOf);
      if (participle_agent || agent_passive ||
          (!possessor && RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kPrepositional))) {
        if (ref.entity < 0) weak = it;
        second = it;
        continue;
      }
      // "Ganfeng said Pilbara will supply it": the agent before the nearest one is the
      // runner-up of "it".
      if (ref.entity >= 0 && ref.entity != it.entity) earlier = ref;
      ref = it;
    }
    if (topic.entity >= 0 && (kind == kAgent || kind == kCompany) && fits(kind, topic.tag) &&
        topic.begin < b) {
      ref = topic;
    }
    // "but the company halted production at its plant": "its" in the clause a reference of this
    // sentence opens is what that reference means (no name, comma or clause between).
    // So does "it" after a reference that opens the sentence, with no other agent between: "The
    // Taiwanese group later raised the stakes, saying in March 2025 that it would spend …".
    if ((word == "its" || word == "it") && (kind == kAgent || kind == kCompany) && !found.empty() &&
        found.back().end <= b && found.back().entity >= 0 && found.back().tag == "Company") {
      const Item& subject = found.back();
      bool plain = word == "it" ? subject.begin == 0
                                : s.text.substr(subject.end, b - subject.end).find_first_of(",;:") ==
                                      std::string::npos;
      for (const Item& it : *items) {
        plain &= !(it.entity >= 0 && it.begin >= subject.end && it.end <= b &&
                   (word == "its" || IsAgent(it.tag)));
      }
      if (plain) ref = subject;
    }
    // "… to buy magnets from MP Materials, which will make them at its Independence plant": in a
    // relative clause hung on a company, "its" after the clause's verb is that company's.
    if (word == "its" && (kind == kAgent || kind == kCompany)) {
      const absl::string_view before = absl::string_view(s.text).substr(0, b);
      size_t r = absl::string_view::npos;
      for (absl::string_view rel : {", which ", ", who "}) {
        const size_t at = before.rfind(rel);
        if (at != absl::string_view::npos && (r == absl::string_view::npos || at > r)) r = at;
      }
      if (r != absl::string_view::npos) {
        const size_t clause = before.find(' ', r + 2) + 1;  // After "which"/"who".
        bool plain = b > clause && before.substr(clause).find_first_of(",;:") == absl::string_view::npos;
        const Item* antecedent = nullptr;
        for (const Item& it : *items) {
          if (it.begin >= r && it.begin < b) plain = false;
          if (it.end == r && it.entity >= 0 && it.tag == "Company") antecedent = &it;
        }
        if (plain && antecedent != nullptr && antecedent->entity != ref.entity) {
          earlier = ref;
          ref = *antecedent;
        }
      }
    }
    // "The company leaned on private money: Goldman Sachs led a round, two years after Ford had
    // put $50 million into the company": a description said again in one sentence names what
    // it named the first time, not the nearest company.
    if (kind == kCompany && absl::StartsWith(word, "the ")) {
      if (auto said = described.find(word); said != described.end()) {
        found.push_back(said->second);
        found.back().begin = b;
        found.back().end = e;
        continue;
      }
    }
    // "北方稀土的控股股东为包钢集团，公司主要从…采购": a bare 公司 opening a clause is the
    // company the sentence opened with, not the nearest name.
    if (word == "公司" && !items->empty() && items->front().entity >= 0 &&
        items->front().tag == "Company" && items->front().begin <= 3 && items->front().end <= b) {
      static const RE2* kClauseStart = new RE2("(?:，|,|；|;)\\s*$");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kClauseStart) &&
          items->front().entity != ref.entity) {
        earlier = ref;
        ref = items->front();
      }
    }
    // "L-H Battery, the venture LG Energy Solution formed with Honda, is 51% owned by the Korean
    // group and 49% by the carmaker": "the carmaker" is the nearest carmaker (downstream.tsv's
    // last tier), not the nearest company.
    static const RE2* kCarmaker = new RE2("(?i)\\b(?:carmaker|automaker)$");
    if (kind == kCompany && RE2::PartialMatch(word, *kCarmaker)) {
      const Item* maker = nullptr;
      for (const Item& it : *items) {
        auto t = x_.tiers_.find(it.entity);
        if (it.entity >= 0 && it.end <= b && it.tag == "Company" && t != x_.tiers_.end() &&
            t->second == 4 && (maker == nullptr || it.end > maker->end)) {
          maker = &it;
        }
      }
      if (maker != nullptr && maker->entity != ref.entity) {
        earlier = ref;
        ref = *maker;
      }
    }
    // "… from its X": the seller's site. After a supply verb ("sells oxides to Neo from its La
    // Rochelle plant") the seller is the agent before the verb (a description resolved earlier
    // in the sentence, "The Belgian group", counts); after a buying verb ("Panasonic signed an
    // agreement with Sumitomo Metal Mining to buy nickel sulphate from its Niihama refinery")
    // it is the partner the buyer dealt with.
    if (word == "its") {
      static const RE2* kSupplyFrom = new RE2(absl::StrCat(
          "(?i)\\b(", kSupplyVerbs, "|export|exports|exported|deliveries|shipments)\\b[^.;]{0,80}\\bfrom $"));
      static const RE2* kBuyFrom = new RE2(
          "(?i)\\b(?:buy|buys|bought|buying|purchase|purchases|purchased|import|imports|imported|"
          "source|sources|sourced|take|takes|took)\\b[^.;]{0,80}\\bfrom $");
      // "eVAC Magnetics, a unit of Vacuumschmelze, started supplying …": a name inside an
      // apposition describes the supplier before it.
      static const RE2* kApposition = new RE2(
          "^(?: \\([^()]{1,40}\\))?, (?:the|a|an|which|who|whose|once|formerly|previously|part|now) "
          "[^,;.:]*,");
      auto seller_is = [&](const Item* seller) {
        if (seller != nullptr && seller->entity != ref.entity) {
          earlier = ref;
          ref = *seller;
        }
      };
      const re2::StringPiece before(s.text.data(), b);
      re2::StringPiece verb;
      if (RE2::PartialMatch(before, *kSupplyFrom, &verb)) {
        const size_t v = static_cast<size_t>(verb.data() - s.text.data());
        const Item* supplier = nullptr;
        size_t appositive_end = 0;  // The end of an apposition after the latest supplier.
        const std::vector<Item>* pools[] = {items, &found};
        for (const std::vector<Item>* pool : pools) {
          for (const Item& it : *pool) {
            if (it.entity < 0 || it.end > v || !IsAgent(it.tag)) continue;
            if (supplier != nullptr && it.begin > supplier->end && it.end <= appositive_end) continue;
            if (supplier == nullptr || it.end > supplier->end) {
              supplier = &it;
              re2::StringPiece rest(s.text.data() + it.end, v - it.end);
              appositive_end = RE2::Consume(&rest, *kApposition)
                                   ? static_cast<size_t>(rest.data() - s.text.data())
                                   : 0;
            }
          }
        }
        seller_is(supplier);
      }
      // Goods bought "from MP Materials, made at its Fort Worth factory": the maker's site.
      static const RE2* kMadeAt = new RE2(
          "^,? (?:(?:which|that) (?:are|is|were|was|will be) )?(?:made|produced|manufactured|refined|"
          "processed|mined|built|assembled) (?:at|in) $");
      for (const Item& it : *items) {
        if (it.entity >= 0 && IsAgent(it.tag) && it.end <= b && it.begin >= 5 &&
            s.text.compare(it.begin - 5, 5, "from ") == 0 &&
            RE2::FullMatch(re2::StringPiece(s.text.data() + it.end, b - it.end), *kMadeAt)) {
          seller_is(&it);
        }
      }
      if (RE2::PartialMatch(before, *kBuyFrom)) {
        const Item* partner = nullptr;
        for (const Item& it : *items) {
          if (it.entity >= 0 && IsAgent(it.tag) && it.end <= b && it.begin >= 5 &&
              s.text.compare(it.begin - 5, 5, "with ") == 0) {
            partner = &it;
          }
        }
        seller_is(partner);
      }
    }
    // "Tesla said CATL would supply cells for its Megapack factory": the plant a supplier
    // delivers to is the customer's, so "its" there is the agent before the supplier.
    if (word == "its" && earlier.entity >= 0 && earlier.entity != ref.entity &&
        ref.entity >= 0) {
      static const RE2* kSupplyFor = new RE2(
          absl::StrCat("(?i)\\b(?:", kSupplyVerbs, ")\\b[^.;,]{0,60}\\b(?:to|for) $"));
      static const RE2* kPlantAfter = new RE2(
          "^ (?:(?:[A-Z][\\w-]*|[a-z-]+) ){0,2}?(?:factory|factories|plant|plants|gigafactory|"
          "gigafactories|assembly lines?|battery plants?|vehicles|cars|models)\\b");
      bool facility_next = false;
      for (const Item& it : *items) {
        facility_next |= it.tag == "Facility" && it.entity >= 0 && it.begin == e + 1;
      }
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kSupplyFor) &&
          (facility_next ||
           RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kPlantAfter))) {
        std::swap(ref, earlier);
      }
    }
    // "China Northern Rare Earth, controlled by Baotou Steel Group, says it has …": after a verb
    // of saying, "it" is the sentence's subject, not a name inside its apposition.
    if (kind == kAgent && !items->empty() && items->front().entity >= 0 &&
        IsAgent(items->front().tag) && items->front().begin <= 4 &&
        s.text.compare(items->front().end, 2, ", ") == 0) {
      static const RE2* kSaidBefore = new RE2(
          ", (?:says|said|adds|added|expects|expected|believes|believed|notes|noted|reports|"
          "reported|estimates|estimated|claims|claimed|argues|argued) (?:that )?$");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kSaidBefore)) {
        ref = items->front();
      }
    }
    // "Ascend received the larger share. The DOE awarded it $316 million", "VTB, the Russian state
    // bank …, lent it billions": "it" right after a verb of giving is what the verb's subject gives
    // to, never that subject; with no other agent before it here, the previous sentence's agent.
    if (word == "it" && ref.entity >= 0 && ref.end <= b && earlier.entity < 0 &&
        prev_agent_ >= 0 && prev_agent_ != ref.entity) {
      static const RE2* kGaveIt = new RE2(
          "^(?:, [^,;]{1,120},)? (?:has |had |have |will |would |also |then |later |first |again )*(?:awarded|awards|"
          "award|lent|lends|lend|gave|gives|give|granted|grants|grant|loaned|loans|loan|paid|pays|"
          "pay|offered|offers|offer|handed|hands|owes|owed|promised|promises) $");
      if (RE2::FullMatch(re2::StringPiece(s.text.data() + ref.end, b - ref.end), *kGaveIt)) {
        ref.entity = prev_agent_;
        ref.tag = Entity(prev_agent_).label;
      }
    }
    // "Jindal Stainless runs a plant at Kalinganagar. Tata Steel and IMFA each supply it with
    // ferrochrome": "it" between a verb of supplying and "with" is the customer, never a supplier
    // named before it; the previous sentence's agent when this one has not named it yet.
    if (word == "it" && ref.entity >= 0 && ref.end <= b && prev_agent_ >= 0 &&
        s.text.compare(e, 6, " with ") == 0) {
      static const RE2* kSupplyIt = new RE2(
          "\\b(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|feed|feeds|"
          "fed|feeding|furnish|furnishes|furnished) $");
      // The suppliers: the last agent before the verb and the partners "and" joins to it ("Tata
      // Steel and Indian Metals & Ferro Alloys (IMFA) each supply it"). Another agent named
      // before them is the runner-up ("Tesla signed a deal for Piedmont to provide it").
      std::vector<const Item*> before;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag)) before.push_back(&it);
      }
      static const RE2* kJoins = new RE2("(?: [(][^()]*[)])?(?:,? and |, )");
      std::set<int> suppliers;
      bool others = false;
      for (size_t k = before.size(); k-- > 0;) {
        const Item* it = before[k];
        const bool joined =
            k + 1 == before.size() || it->entity == before[k + 1]->entity ||
            (suppliers.contains(before[k + 1]->entity) &&
             RE2::FullMatch(re2::StringPiece(s.text.data() + it->end, before[k + 1]->begin - it->end),
                            *kJoins));
        if (joined && !others) {
          suppliers.insert(it->entity);
        } else {
          others = true;
        }
      }
      const bool named_here = std::any_of(before.begin(), before.end(),
                                          [&](const Item* it) { return it->entity == prev_agent_; });
      if (!named_here && !others && suppliers.contains(ref.entity) &&
          RE2::PartialMatch(re2::StringPiece(s.text.data() + ref.end, b - ref.end), *kSupplyIt)) {
        ref.entity = prev_agent_;
        ref.tag = Entity(prev_agent_).label;
      }
    }
    // The runner-up: a prepositional object of this sentence, or for a description ("the
    // company") the previous sentence's referent.
    // ("Apple committed $500 million to MP Materials, which will supply the iPhone maker": a
    // description's runner-up is the agent named before in the same sentence, then the previous
    // sentence's.)
    static const RE2* kRoleAfter = new RE2(
        "^ (?:[a-z-]+ ){0,2}?(?:customers|buyers|clients|offtakers|suppliers|shareholders|"
        "investors|owners|backers|lenders)\\b");
    const bool role_after =
        word == "its" &&
        RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kRoleAfter);
    int alt = second.entity >= 0 && second.entity != ref.entity ? second.entity
              : kind == kCompany && earlier.entity >= 0 && earlier.entity != ref.entity
                  ? earlier.entity
              : kind != kAgent && prev_for(kind) != ref.entity ? prev_for(kind)
              : kind == kAgent && earlier.entity >= 0 && earlier.entity != ref.entity
                  ? earlier.entity
              // "Pilbara sells to converters. Ganfeng has been one of its main buyers": "its"
              // before a role no one holds for itself, with no other name before it here, is the
              // previous sentence's agent.
              : kind == kAgent && role_after && prev_for(kind) >= 0 && prev_for(kind) != ref.entity
                  ? prev_for(kind)
                  : -1;
    // "Kamoa-Kakula produced 437,000 tonnes of copper. Its concentrate goes to CITIC Metal": a
    // sentence that opens with "Its" continues the previous sentence's subject, here a site; the
    // agent named before stays the runner-up.
    // After "The company's Boffa mine …" only the site's goods are the site's ("Its output goes
    // to …"); "Its main customer" there is the owner's.
    auto site_goods = [&] {
      static const RE2* kSiteGoods = new RE2(
          "^ (?:(?:[a-z-]+ )?(?:output|production|ore|ores|concentrate|concentrates|product|"
          "products|shipments|exports|cargoes))\\b");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kSiteGoods)) {
        return true;
      }
      for (const Item& it : *items) {
        if (it.tag == "Commodity" && it.begin == e + 1) return true;
      }
      return false;
    };
    // "… the site has a capacity of 11,250 tonnes. Its feedstock comes from Balama": what feeds
    // a plant is the plant's; "Its" is the section's latest site.
    static const RE2* kFeed = new RE2(
        "^ (?:feedstock|feed|ore supply|concentrate supply|raw material|raw materials|supply of "
        "(?:ore|concentrate|feedstock))\\b");
    if (word == "its" && b == 0 && ref.entity < 0 && !facilities_.empty() &&
        RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kFeed)) {
      ref.entity = facilities_.back();
      ref.tag = "Facility";
    }
    // "Most of the world's cobalt comes from Congo. Its government halted exports …": what has a
    // government, a president or a parliament is a country, the latest one this sentence or the
    // one before named.
    static const RE2* kStateAfter = new RE2(
        "^ (?:government|president|prime minister|parliament|cabinet|ministry of [a-z ]+|"
        "mining ministry|state|authorities|central bank)\\b");
    if (word == "its" &&
        RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kStateAfter)) {
      int country = prev_country_age_ <= 1 ? prev_country_ : -1;
      for (const Item& it : *items) {
        if (it.tag == "Country" && it.entity >= 0 && it.end <= b) country = it.entity;
      }
      if (country >= 0) {
        ref = Item::At(0, 0, country, "Country");
        earlier = Item();
      }
    }
    // "Before the shutdown, Cobre Panama was one of the most important new sources. It turned
    // out about 350,000 tonnes": a sentence-opening "It" after one about a site alone is the site.
    // An introductory time phrase keeps "it" first in its clause: "In 2024 it produced about
    // 28,000 tonnes of nickel" after "Ambatovy was designed to turn out …".
    // So does a phrase on the site's own completion: "Once commissioned in 2027, it will be able to
    // separate about 5,500 tonnes".
    static const RE2* kIntroTime = new RE2(
        "^(?:(?:In|By|Since|During|Through|Until|Last|This|Earlier|Later)(?: [\\w-]+){0,3},? |"
        "(?:Once|When|After) (?:fully |first )?(?:commissioned|completed|built|finished|"
        "operational|running|opened|expanded)(?: [\\w-]+){0,2}, )$");
    // So is one whose verb only a site has, after a sentence with a site as its subject and its
    // owner named later ("The Mutanda mine is wholly owned by Glencore. It can produce about
    // 25,000 tonnes of cobalt a year").
    static const RE2* kSiteVerbAfter = new RE2(
        "^ (?:can |could |will |would |now |currently |is able to |is expected to |is designed to |"
        "was designed to |will be able to |should be able to )?(?:produce|produces|produced|process|"
        "processes|processed|treat|treats|separate|separates|refine|refines|recover|recovers|"
        "turn out|turns out|turned out|has (?:a |an )?(?:annual |nameplate |design )?capacity|"
        "had (?:a |an )?(?:annual |nameplate |design )?capacity|lies|sits|is located|"
        // A thing bought or run, never the country the sentence before praised ("The mine … was
        // once Australia's largest source of antimony. It was acquired by Larvotto in 2023").
        "(?:was|is|has been|had been) (?:acquired|bought|purchased|taken over|operated|run|built|"
        "developed) by)\\b");
    if (word == "it" && ref.entity < 0 && prev_facility_subject_ >= 0 && !prev_facility_owned_ &&
        (prev_agentless_ ||
         RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kSiteVerbAfter)) &&
        (b == 0 || RE2::FullMatch(re2::StringPiece(s.text.data(), b), *kIntroTime))) {
      ref.entity = prev_facility_subject_;
      ref.tag = "Facility";
    }
    // Within a sentence, a clause after a semicolon whose verb only a site has: "Rio Tinto and
    // China Baowu opened the Western Range mine in the Pilbara in 2025; it can produce 25 million
    // tonnes a year" (the latest site named before it).
    if (word == "it" && b >= 2 && s.text.compare(b - 2, 2, "; ") == 0 &&
        RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kSiteVerbAfter)) {
      for (const Item& it : *items) {
        if (it.tag == "Facility" && it.entity >= 0 && it.end <= b) {
          ref = it;
        }
      }
    }
    if (word == "its" && b == 0 && ref.entity < 0 && prev_facility_subject_ >= 0 &&
        (!prev_facility_owned_ || site_goods())) {
      ref.entity = prev_facility_subject_;
      ref.tag = "Facility";
      if (alt < 0 && prev_agent_ >= 0) alt = prev_agent_;
    }
    // "The company, which made about 6 million tonnes of crude steel …" opening a paragraph after
    // one about its customers: the company the article has named in the most sentences, when one
    // leads. A fronted phrase of place or time keeps it first (kFrontedPhrase).
    if (word == "the company" && ref.entity < 0 && s.span.begin > 0 &&
        doc_.text[s.span.begin - 1] == '\n' &&
        (b == 0 || RE2::FullMatch(re2::StringPiece(s.text.data(), b), *kFrontedPhrase))) {
      int best = -1, best_n = 0, second_n = 0;
      for (const auto& [c, n] : company_mentions_) {
        if (n > best_n) {
          second_n = best_n;
          best_n = n;
          best = c;
        } else if (n > second_n) {
          second_n = n;
        }
      }
      if (best >= 0 && best_n >= 3 && best_n >= 2 * second_n) {
        ref.entity = best;
        ref.tag = "Company";
      }
    }
    // "Polysilicon was to come from REC Silicon, which is controlled by Hanwha, but the company
    // halted production": a description opening a new clause after one whose only company is
    // named after a preposition means that company, not one of an earlier sentence. (Not after
    // a clause with a company subject: that one is the reference above.)
    static const RE2* kNewClause = new RE2("(?:, but|, and|, yet|;) $");
    // (Agents inside a relative clause on it describe it: "which is controlled by Hanwha".)
    const Item* only = nullptr;
    if (ref.entity < 0 && weak.entity >= 0 && kind == kCompany && absl::StartsWith(word, "the ") &&
        RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kNewClause)) {
      bool one = true;
      for (const Item& it : *items) {
        if (it.end > b || it.entity < 0 || !IsAgent(it.tag)) continue;
        if (only == nullptr) {
          only = &it;
        } else if (it.entity != only->entity) {
          const absl::string_view between =
              absl::string_view(s.text).substr(only->end, it.begin - only->end);
          one &= absl::StartsWith(between, ", which ") || absl::StartsWith(between, ", who ");
        }
      }
      if (!one || only == nullptr || only->tag != "Company") only = nullptr;
    }
    if (only != nullptr) {
      ref = *only;
    } else if (ref.entity < 0 && prev_for(kind) < 0 && fits(kind, weak.tag)) {
      ref = weak;
    }
    // "the department", "the ministry": a government whose name says so, when the nearest one
    // does not ("The department cut Intel's grant" after "the White House").
    if (kind == kGovernment && absl::StartsWith(word, "the ")) {
      const std::string noun(word.substr(4));
      auto called = [&](int entity) {
        for (const auto& [g, surface] : section_governments_) {
          if (g == entity && absl::StrContains(surface, noun)) return true;
        }
        return false;
      };
      const int nearest = ref.entity >= 0 ? ref.entity : prev_for(kind);
      if (nearest >= 0 && !called(nearest)) {
        for (auto g = section_governments_.rbegin(); g != section_governments_.rend(); ++g) {
          if (absl::StrContains(g->second, noun)) {
            ref.entity = g->first;
            ref.tag = "Government";
            break;
          }
        }
      }
    }
    if (ref.entity < 0) {
      int prev = prev_for(kind);
      if (prev < 0 || (kind == kCountry && prev_country_age_ > 1)) continue;
      // "The country" or 该国 after a sentence naming two countries ("Zimbabwe holds … after South
      // Africa", "approval of Australia's FIRB and Tanzania's Fair Competition Commission") says
      // not which.
      if (kind == kCountry && prev_countries_several_) continue;
      // "Bahrain Mumtalakat Holding Company owns 69.38% of Alba … The smelter produced …": a
      // description of what a company runs, after a sentence opened by a holder's share, is the
      // company held.
      static const RE2* kRunsSomething = new RE2(
          "(?:smelter|miner|refiner|producer|maker|manufacturer|processor|recycler|explorer)$");
      if (kind == kCompany && prev == prev_company_ && prev_held_ >= 0 &&
          RE2::PartialMatch(word, *kRunsSomething)) {
        prev = prev_held_;
      }
      ref.entity = prev;
      ref.tag = Entity(prev).label;
    }
    if (kind == kCompany && (alt < 0 || alt == ref.entity) && prev_company_other_ >= 0 &&
        prev_company_other_ != ref.entity) {
      alt = prev_company_other_;
    }
    // "It also signed a deal under which Lithium Americas will sell it all of its carbonate": a
    // pronoun read before in the sentence is the runner-up of a later "it".
    if (kind == kAgent && (alt < 0 || alt == ref.entity)) {
      for (const Item& f : found) {
        if (f.entity >= 0 && f.entity != ref.entity) alt = f.entity;
      }
    }
    // "Orano and the state miner Navoiyuran set up Nurlikum Mining …, with the French group
    // holding 51%": a description with a nationality is the nearest company of that home
    // country (schema/company_countries.tsv) named before it in the sentence, a partner of
    // "A and B" included, else the runner-up when it is of that country; when the referent
    // found is known to be of another country, the description stays unresolved.
    if (kind == kCompany && nationality >= 0 && !x_.home_countries_.empty()) {
      auto home = [&](int entity) {
        auto h = x_.home_countries_.find(entity);
        return h == x_.home_countries_.end() ? -1 : h->second;
      };
      // (A reference resolved before it counts as named: "In 2023 it agreed to deliver lithium
      // to LG …, and Ford signed a deal to buy carbonate from the Chilean company".)
      const Item* same = nullptr;
      for (const std::vector<Item>* v : {items, &found}) {
        for (const Item& it : *v) {
          if (it.entity >= 0 && it.end <= b && it.tag == "Company" &&
              home(it.entity) == nationality && (same == nullptr || it.end > same->end)) {
            same = &it;
          }
        }
      }
      if (same != nullptr && same->entity != ref.entity) {
        alt = ref.entity;
        ref = *same;
      } else if (same == nullptr && home(ref.entity) != nationality) {
        if (alt >= 0 && home(alt) == nationality) {
          std::swap(ref.entity, alt);
          ref.tag = Entity(ref.entity).label;
        } else if (home(ref.entity) >= 0) {
          // Else the article's company of that country named first most recently (companies_ is
          // in order of first mention), when there is one ("International
          // Resources Holding … completed the purchase …. Under the agreement, first announced by
          // ZCCM-IH, the UAE group committed $1.1 billion").
          int latest = -1;
          for (auto c = companies_.rbegin(); c != companies_.rend() && latest < 0; ++c) {
            if (home(*c) == nationality) latest = *c;
          }
          if (latest < 0) continue;
          alt = -1;
          ref.entity = latest;
          ref.tag = "Company";
        }
      }
    }
    Item p;
    p.begin = b;
    p.end = e;
    p.entity = ref.entity;
    p.tag = ref.tag;
    p.possessive = word == "its";
    // "the company's own", "its own": the reflexive reading is meant; no runner-up.
    const bool own = absl::StartsWith(absl::string_view(s.text).substr(e), "'s own ") ||
                     absl::StartsWith(absl::string_view(s.text).substr(e), "’s own ") ||
                     absl::StartsWith(absl::string_view(s.text).substr(e), " own ");
    if (alt != p.entity && !own) p.alt = alt;
    // "Newmont holds 70% of the mine, and the Vancouver-based company owns the remaining 30%":
    // a description that holds the rest is not the owner named before it in the sentence; the
    // runner-up is meant.
    if (kind == kCompany && alt >= 0 && alt != ref.entity && ref.end <= b && ref.begin < b) {
      static const RE2* kHoldsTheRest = new RE2(
          "^ (?:[a-z]+ )?(?:owns|holds|has|keeps|kept|retains|retained|controls|held|owned) "
          "(?:the )?(?:remaining|other|rest)\\b");
      bool same_sentence = false;
      for (const Item& it : *items) same_sentence |= it.entity == ref.entity && it.end <= b;
      if (same_sentence &&
          RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kHoldsTheRest)) {
        p.entity = alt;
        p.tag = Entity(alt).label;
        p.alt = ref.entity;
      }
    }
    if (kind == kCompany && absl::StartsWith(word, "the ")) described.emplace(word, p);
    std::erase_if(*items, [&](const Item& it) { return b < it.end && it.begin < e; });
    found.push_back(p);
  }
  AddItems(found, items);
}

// Calls f(begin, end, group1) for each match of `re` in the sentence that overlaps no item.
template <typename F>
void ForEachFreeMatch(const RE2& re, const Sentence& s,
                      const std::vector<ExtractorInternal::Item>& items, F f) {
  re2::StringPiece input(s.text);
  re2::StringPiece m[2];
  for (size_t pos = 0;
       pos < s.text.size() && re.Match(input, pos, s.text.size(), RE2::UNANCHORED, m, 2);) {
    const size_t b = static_cast<size_t>(m[0].data() - s.text.data());
    const size_t e = b + m[0].size();
    pos = e > pos ? e : pos + 1;
    bool inside = false;
    for (const auto& it : items) inside |= b < it.end && it.begin < e;
    if (!inside) f(b, e, m[1]);
  }
}

void ExtractorInternal::ResolveFacilities(const Sentence& s, std::vector<Item>* items) {
  const RE2* re = x_.gazetteer_->facility_anaphor_re();
  if (re == nullptr) return;
  std::vector<Item> found;
  // The sites a reference at byte b may mean: the section's, then this sentence's before b.
  auto sites_before = [&](size_t b) {
    std::vector<int> candidates = facilities_;
    for (const Item& it : *items) {
      if (it.tag == "Facility" && it.entity >= 0 && it.end <= b) candidates.push_back(it.entity);
    }
    return candidates;
  };
  ForEachFreeMatch(*re, s, *items, [&](size_t b, size_t e, re2::StringPiece group) {
    // "the plant's …" is fine; "the plant of X" names its owner and is left alone.
    if (absl::StartsWith(absl::string_view(s.text).substr(e), " of ")) return;
    // "the port operator owned by Maersk": a head used as a modifier of a noun for a party names
    // no site.
    static const RE2* kPartyAfter = new RE2(
        "^ (?:operators?|owners?|authority|authorities|developers?|builders?|"
        "managers?|groups?|firms?|workers?|unions?)\\b");
    if (RE2::PartialMatch(re2::StringPiece(s.text.data() + e, s.text.size() - e), *kPartyAfter)) return;
    // "the same plant turned out …" is the plant; "a plant on the same site" is another one.
    static const RE2* kPlaceBefore = new RE2("\\b(?:on|at|in|near|beside) $");
    if (absl::StrContains(s.text.substr(b, e - b), " same ") &&
        RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kPlaceBefore)) {
      return;
    }
    std::string head = absl::AsciiStrToLower(group.ToString());
    // "该矿", "该项目": the Chinese head after 该, and its English head (schema/name_words.txt
    // head_zh); a facility named in either language ends in one of them.
    std::string zh_head;
    if (head.empty() && absl::StartsWith(absl::string_view(s.text).substr(b), "该")) {
      zh_head = s.text.substr(b + std::string_view("该").size(), e - b - std::string_view("该").size());
      if (const absl::string_view en = x_.gazetteer_->name_words().EnglishHead(zh_head); !en.empty()) {
        head = std::string(en);
      }
    }
    // "X在魁北克设有一座氧化钪工厂，……把该厂的年产能提高到9吨": a site of that head the sentence
    // introduced before without a name is the one meant, and it has none.
    if (!zh_head.empty()) {
      const absl::string_view before(s.text.data(), b);
      for (size_t at = before.find(zh_head); at != absl::string_view::npos;
           at = before.find(zh_head, at + zh_head.size())) {
        const bool named = std::any_of(items->begin(), items->end(), [&](const Item& it) {
          return it.begin <= at && at < it.end;
        });
        // Introduced by a measure word ("一座…工厂"), not a generic word ("另一个重点项目").
        const absl::string_view lead = before.substr(at > 24 ? at - 24 : 0, at > 24 ? 24 : at);
        const bool introduced = absl::StrContains(lead, "一座") || absl::StrContains(lead, "一家") ||
                                absl::StrContains(lead, "一处");
        if (!named && introduced) return;
      }
    }
    int ref = -1;
    // "Pilgangoora, in the Pilbara, kept mining …, the mine's operator said": a site this
    // sentence named before the reference, of that head or of a generic one ("project"), comes
    // before the section's.
    for (const Item& it : *items) {
      if (it.tag != "Facility" || it.entity < 0 || it.end > b) continue;
      const std::string own = x_.gazetteer_->FacilityHead(Entity(it.entity).name);
      if (!head.empty() && (own == head || Gazetteer::IsGenericHead(own))) {
        ref = it.entity;
      }
    }
    const std::vector<int> candidates = sites_before(b);
    for (auto it = candidates.rbegin(); it != candidates.rend() && ref < 0; ++it) {
      const std::string& name = Entity(*it).name;
      if ((!head.empty() && x_.gazetteer_->FacilityHead(name) == head) ||
          (!zh_head.empty() && absl::EndsWith(name, zh_head))) {
        ref = *it;
      }
    }
    // Else the latest site whose kind the head allows: "the plant" is no mine and "the mine" no
    // plant ("The plant will make …" after "the Greenbushes mine"); "the project", "the
    // operation", "the mill" may be either.
    auto kind = [](absl::string_view h) {
      static constexpr absl::string_view kMine[] = {"mine", "mines", "deposit", "pit"};
      static constexpr absl::string_view kPlant[] = {"plant",      "factory",   "refinery",
                                                     "smelter",    "works",     "steelworks",
                                                     "ironworks",  "fab",       "gigafactory"};
      for (absl::string_view w : kMine) {
        if (h == w) return 1;
      }
      for (absl::string_view w : kPlant) {
        if (h == w) return 2;
      }
      return 0;
    };
    for (auto it = candidates.rbegin(); it != candidates.rend() && ref < 0; ++it) {
      const int want = kind(head), own = kind(x_.gazetteer_->FacilityHead(Entity(*it).name));
      if (want == 0 || own == 0 || want == own) ref = *it;
    }
    if (ref < 0) return;
    found.push_back(Item::At(b, e, ref, "Facility"));
  });
  // "The tin operation, …, is run by Alphamin": the description names its goods; the site is the
  // latest one with that head, or a site named without a head ("Bisie"), never another kind.
  for (const Item& c : *items) {
    if (c.tag != "Commodity" || c.begin < 4) continue;
    const absl::string_view text(s.text);
    const absl::string_view det = text.substr(c.begin - 4, 4);
    if (det != "the " && det != "The ") continue;
    if (c.begin > 4 && absl::ascii_isalnum(static_cast<unsigned char>(text[c.begin - 5]))) continue;
    const absl::string_view rest = text.substr(c.end);
    if (!absl::StartsWith(rest, " ")) continue;
    const size_t stop = rest.find_first_of(" ,.;:'", 1);
    const absl::string_view word = rest.substr(1, stop == absl::string_view::npos ? rest.npos : stop - 1);
    const std::string head = absl::AsciiStrToLower(word);
    if (head.empty() || x_.gazetteer_->FacilityHead(head) != head) continue;
    const size_t b = c.begin - 4, e = c.end + 1 + word.size();
    bool taken = false;
    for (const Item& it : *items) taken |= &it != &c && b < it.end && it.begin < e;
    for (const Item& it : found) taken |= b < it.end && it.begin < e;
    if (taken || absl::StartsWith(text.substr(e), " of ")) continue;
    // "Sorowako, the nickel mine in Indonesia": an apposition describes the name before it.
    bool apposition = false;
    for (const Item& it : *items) apposition |= it.entity >= 0 && b >= 2 && it.end == b - 2;
    if (apposition && text.substr(b - 2, 2) == ", ") continue;
    const std::vector<int> candidates = sites_before(b);
    int ref = -1;
    for (auto it = candidates.rbegin(); it != candidates.rend() && ref < 0; ++it) {
      const std::string own = x_.gazetteer_->FacilityHead(Entity(*it).name);
      if (own == head || own.empty()) ref = *it;
    }
    if (ref >= 0) found.push_back(Item::At(b, e, ref, "Facility"));
  }
  std::erase_if(*items, [&](const Item& it) {
    if (it.tag != "Commodity") return false;
    for (const Item& f : found) {
      if (f.begin < it.end && it.begin < f.end) return true;
    }
    return false;
  });
  // "华友钴业表示，其冶炼厂…", "扩建其项目": 其 before a plant noun (schema/name_words.txt head_zh,
  // two characters or more: "其矿产" is no mine) is "its": the possessor is the latest agent,
  // of the sentence or else of the one before, and the noun is the latest facility of the section
  // with that head, one the possessor is recorded with before any other. With no such facility
  // 其 alone is the possessor, as "its" is.
  {
    const absl::string_view text(s.text);
    constexpr absl::string_view kIts = "其";
    for (size_t b = text.find(kIts); b != absl::string_view::npos;
         b = text.find(kIts, b + kIts.size())) {
      const size_t after = b + kIts.size();
      // 尤其, 极其: adverbs, not a possessor.
      if (absl::EndsWith(text.substr(0, b), "尤") || absl::EndsWith(text.substr(0, b), "极")) {
        continue;
      }
      const auto* head = x_.gazetteer_->ZhHeadAt(text, after, 6);
      if (head == nullptr) continue;
      const size_t e = after + head->first.size();
      bool taken = false;
      for (const Item& it : *items) taken |= b < it.end && it.begin < e;
      for (const Item& it : found) taken |= b < it.end && it.begin < e;
      if (taken) continue;
      // "The complex produced … 其冶炼厂年产能为…": opening the sentence after one that opened
      // with a facility, 其 is that facility, and the plant is the listed one of its name
      // ("Kamoa-Kakula mine" -> "Kamoa-Kakula smelter"); with none listed nothing is read.
      if (b <= 4 && prev_facility_subject_ >= 0) {
        const std::string& site = Entity(prev_facility_subject_).name;
        const std::string site_head = x_.gazetteer_->FacilityHead(site);
        if (site_head.empty() || !absl::EndsWith(site, absl::StrCat(" ", site_head))) continue;
        const int plant = x_.gazetteer_->Lookup(absl::StrCat(
            site.substr(0, site.size() - site_head.size() - 1), " ", head->second));
        if (plant < 0 || plant == prev_facility_subject_ || Entity(plant).label != "Facility") {
          continue;
        }
        found.push_back(Item::At(b, e, plant, "Facility"));
        continue;
      }
      int owner = -1;
      for (const Item& it : *items) {
        if (it.entity >= 0 && it.end <= b && IsAgent(it.tag)) owner = it.entity;
      }
      if (owner < 0) owner = prev_agent_;
      if (owner < 0) continue;
      const std::vector<int> candidates = sites_before(b);
      int facility = -1;
      bool owned = false;
      for (auto c = candidates.rbegin(); c != candidates.rend() && !owned; ++c) {
        const std::string& name = Entity(*c).name;
        if (!absl::EndsWith(name, head->first) &&
            x_.gazetteer_->FacilityHead(name) != head->second) {
          continue;
        }
        bool linked = false;
        for (const ClaimRecord& claim : record_.claims) {
          linked |= claim.subject_key == Entity(owner).key && claim.object_key.has_value() &&
                    *claim.object_key == Entity(*c).key;
        }
        if (facility < 0 || linked) facility = *c;
        owned = linked;
      }
      const int ref = facility >= 0 ? facility : owner;
      found.push_back(Item::At(b, facility >= 0 ? e : after, ref, Entity(ref).label));
    }
  }
  // "the joint venture", "that venture" -> the company last introduced as one ("TLEA, a joint
  // venture of …").
  static const RE2* kVenture =
      new RE2("(?i)\\b(?:the|that|this) (?:joint venture|venture|JV)\\b|(?:该|这家)合资(?:公司|企业)");
  // "Orano and the state miner Navoiyuran set up Nurlikum Mining …, with the French group holding
  // 51% of the venture": a company two partners formed earlier in the sentence is the venture.
  std::vector<std::pair<size_t, int>> formed;  // (end of the name, entity)
  {
    static const RE2* kFormedBy = new RE2(
        "\\b(?:formed|set up|created|established|launched|founded|incorporated) (?:a |an |the )?"
        "(?:new )?(?:[a-z-]+ ){0,3}?(?:(?:joint venture|venture|JV|company|vehicle),? "
        "(?:called |named )?)?$");
    const absl::string_view text(s.text);
    for (const Item& it : *items) {
      if (it.tag != "Company" || it.entity < 0) continue;
      const absl::string_view before = text.substr(0, it.begin);
      if ((absl::StrContains(before, " and ") || absl::StrContains(before, " with ")) &&
          RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), *kFormedBy)) {
        formed.emplace_back(it.end, it.entity);
      }
    }
  }
  // "The largest loan went to BlueOval SK. … 福特汽车和SK On各持有该合资企业50%的股份": with no venture
  // introduced as one, a Chinese 该合资企业 is the company the sentence before named, when this
  // sentence does not name it (its partners hold it).
  const bool zh_venture_word = absl::StrContains(s.text, "合资");
  int company_before = zh_venture_word ? prev_company_ : -1;
  for (const Item& it : *items) {
    if (it.entity == company_before) company_before = -1;
  }
  if (venture_ >= 0 || !formed.empty() || company_before >= 0) {
    ForEachFreeMatch(*kVenture, s, *items, [&](size_t b, size_t e, re2::StringPiece) {
      if (venture_ < 0 && formed.empty() && !absl::StrContains(s.text.substr(b, e - b), "合资")) return;
      // "BlueOval SK, the joint venture of Ford and SK On": an apposition, or a venture named
      // by its partners, describes another venture.
      const absl::string_view after = absl::string_view(s.text).substr(e);
      if (absl::StartsWith(after, " of ") || absl::StartsWith(after, " between ")) return;
      // "the joint venture developing Thacker Pass": a description with its own participle names
      // another venture.
      static const RE2* kRestrictive = new RE2(
          "^ (?:developing|building)\\b");
      if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kRestrictive)) return;
      bool apposition = false;
      for (const Item& it : *items) apposition |= it.entity >= 0 && b >= 2 && it.end == b - 2;
      if (apposition && s.text.compare(b - 2, 2, ", ") == 0) return;
      int venture = venture_ >= 0 ? venture_ : company_before;
      for (const auto& [end, entity] : formed) {
        if (end <= b) venture = entity;
      }
      // "与A及B共同设立一家合资公司，并持有该合资公司50.91%的股权": a venture the sentence sets up
      // before, unnamed, is the one meant.
      static const RE2* kZhSetUpBefore =
          new RE2("(?:设立|成立|组建|新设|组建了|成立了|设立了)(?:一家|一个)?(?:新的)?合资(?:公司|企业)");
      if (RE2::PartialMatch(re2::StringPiece(s.text.data(), b), *kZhSetUpBefore)) return;
      if (venture < 0) return;
      found.push_back(Item::At(b, e, venture, Entity(venture).label));
    });
  }
  // "the consortium", "the Swiss trader": the agent last described by that noun, when one was;
  // not a description right before a name ("the trader Trafigura" names it). "The railway is run
  // by Lobito Atlantic Railway …; Trafigura and Mota-Engil each hold 49.5% of the operator": a
  // company said earlier in the sentence to run a site is "the operator".
  // The company the sentence says runs something, before `before` ("is run by X"), or -1.
  auto runs_here = [&](size_t before) {
    static const RE2* kRunBy = new RE2(
        "(?i)\\b(?:is|are|was|were|has been|have been) (?:also |now |still |jointly )?(?:run|operated|"
        "managed) by (?:the )?$");
    int runner = -1;
    for (const Item& it : *items) {
      if (it.entity >= 0 && it.tag == "Company" && it.end <= before &&
          RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kRunBy)) {
        runner = it.entity;
      }
    }
    return runner;
  };
  {
    static const RE2* kDescribedRef = new RE2(
        "(?i)\\bthe (?:[A-Z][a-z]+ )?(" KG_DESCRIBED_NOUNS ")\\b");
    ForEachFreeMatch(*kDescribedRef, s, *items, [&](size_t b, size_t e, re2::StringPiece noun) {
      const std::string key = absl::AsciiStrToLower(noun.ToString());
      auto it = described_.find(key);
      const int here = key == "operator" ? runs_here(b) : -1;
      if (here < 0 && it == described_.end()) return;
      const int entity = here >= 0 ? here : it->second;
      if (e + 1 < s.text.size() && s.text[e] == ' ' &&
          std::any_of(items->begin(), items->end(),
                      [&](const Item& x) { return x.entity >= 0 && x.begin == e + 1; })) {
        return;
      }
      found.push_back(Item::At(b, e, entity, Entity(entity).label));
    });
  }
  AddItems(found, items);
  // "said it would invest a further $157 million there": "there" after a sum spent is the latest
  // site named, this sentence's before it, else the section's.
  static const RE2* kSpentThere = new RE2(
      "\\b(?:invest|invests|invested|investing|spend|spends|spent|spending|pour|pours|poured)\\b"
      "[^.;:]{0,80}?[ ](there)(?:$|[ ,.;])");
  std::vector<Item> there;
  re2::StringPiece in(s.text), word;
  while (RE2::FindAndConsume(&in, *kSpentThere, &word)) {
    const size_t b = static_cast<size_t>(word.data() - s.text.data()), e = b + word.size();
    if (std::any_of(items->begin(), items->end(), [&](const Item& it) { return it.begin < e && b < it.end; })) {
      continue;
    }
    int site = facilities_.empty() ? -1 : facilities_.back();
    for (const Item& it : *items) {
      if (it.tag == "Facility" && it.entity >= 0 && it.end <= b) site = it.entity;
    }
    if (site >= 0) there.push_back(Item::At(b, e, site, "Facility"));
  }
  AddItems(there, items);
}

ExtractorInternal::Tagged ExtractorInternal::Render(const Sentence& s,
                                                   const std::vector<Item>& items) {
  Tagged tagged;
  std::string& out = tagged.text;
  size_t pos = 0;
  bool after_tag = false;  // The output ends with an item's tag.
  // A CJK character or full-width punctuation (U+3000–U+9FFF, U+FF00–U+FFEF) starts at t[i].
  auto cjk_at = [](absl::string_view t, size_t i) {
    if (i >= t.size()) return false;
    const auto lead = static_cast<unsigned char>(t[i]);
    return (lead >= 0xE3 && lead <= 0xE9) ||
           (lead == 0xEF && i + 1 < t.size() &&
            (static_cast<unsigned char>(t[i + 1]) == 0xBC ||
             static_cast<unsigned char>(t[i + 1]) == 0xBD));
  };
  auto ends_in_cjk = [&] {
    return out.size() >= 3 && cjk_at(out, out.size() - 3);
  };
  // "持有 Kamoa-Kakula 铜矿", "由 Ivanhoe Mines 负责运营": in Chinese a space written around a
  // Latin name is no word break; the tag stands glued to the characters, as the rules expect.
  // `tag_follows`: an item's tag comes right after `t`; `tag_in_cjk`: its words are Chinese.
  auto append_text = [&](absl::string_view t, bool tag_follows, bool tag_in_cjk) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (absl::ascii_isspace(t[i])) {
        size_t next = i;
        while (next < t.size() && absl::ascii_isspace(t[next])) ++next;
        const bool next_cjk = cjk_at(t, next);
        const bool next_tag = next == t.size() && tag_follows;
        if ((after_tag && out.size() > 0 && out.back() == '>' && (next_cjk || (next_tag && tag_in_cjk))) ||
            (ends_in_cjk() && next_tag)) {
          i = next - 1;
          continue;
        }
      }
      // Markdown emphasis ("**Glencore** supplies cobalt") and a link's address ("[Glencore](https://…)")
      // are no words: the rules read the text they mark.
      if (i + 1 < t.size() && (t[i] == '*' || t[i] == '_') && t[i + 1] == t[i]) {
        ++i;
        continue;
      }
      if (t[i] == ']' && absl::StartsWith(t.substr(i + 1), "(http")) {
        const size_t close = t.find(')', i + 1);
        if (close != absl::string_view::npos) {
          i = close;
          continue;
        }
      }
      if (t[i] == '[') {
        const absl::string_view rest(t.data() + i, s.text.data() + s.text.size() - (t.data() + i));
        const size_t link = rest.find("](http");
        if (link != absl::string_view::npos && rest.size() > 1 && !absl::ascii_isdigit(rest[1]) &&
            rest.substr(0, link).find('[', 1) == absl::string_view::npos) {
          continue;
        }
      }
      // A Chinese field label's full-width colon reads as the field rules expect ("产能：…" as
      // "产能: …"): a short label opening the sentence, before any name.
      if (t.substr(i, 3) == "\xEF\xBC\x9A" && !out.empty() && out.find('<') == std::string::npos &&
          out.find(' ') == std::string::npos && internal::CountCodePoints(out) <= 8) {
        out.append(": ");
        i += 2;
        while (i + 1 < t.size() && t[i + 1] == ' ') ++i;
        continue;
      }
      if (!absl::ascii_isspace(t[i])) after_tag = false;
      // Typographic apostrophe (U+2019) -> '.
      if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
          static_cast<unsigned char>(t[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(t[i + 2]) == 0x99 ||
           static_cast<unsigned char>(t[i + 2]) == 0x98)) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      char c = t[i];
      if (absl::ascii_isspace(c)) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
        continue;
      }
      out.push_back(c);
    }
  };
  // "counts 宁德时代（CATL）among its largest customers": an English word glued to a name that
  // ends in a bracket or a Chinese character is a word of its own (a capitalized one may be a
  // name in Chinese text: "博茨瓦纳Khoemacau铜矿").
  auto space_if_glued = [&] {
    if (pos > 0 && pos < s.text.size() && absl::ascii_islower(s.text[pos]) &&
        (s.text[pos - 1] == ')' || static_cast<unsigned char>(s.text[pos - 1]) >= 0x80) &&
        !out.empty() && out.back() == '>') {
      out.push_back(' ');
    }
  };
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    // "Zijin Mining (紫金矿业)", "Nouveau Monde Graphite (NMG)", "江西铜业(Jiangxi Copper)",
    // "天齐锂业（Tianqi Lithium）": a name repeated in brackets, ASCII or full-width, with or
    // without a space before them, renders once, so that rules see one subject or object.
    // So does a sum restated in another currency, "50 billion won (about $38 million)": the
    // first currency is kept (SPEC §2).
    const bool same_name = i > 0 && it.entity >= 0 && it.entity == items[i - 1].entity && !it.possessive;
    const bool restated_sum = i > 0 && it.tag == "MONEY" && items[i - 1].tag == "MONEY";
    if (same_name || restated_sum) {
      if (const size_t close = BracketedAfter(s.text, pos, it.begin, it.end); close > 0) {
        tagged.begin.push_back(tagged.begin.back());
        tagged.end.push_back(tagged.end.back());
        pos = it.end + close;
        space_if_glued();
        continue;
      }
    }
    append_text(absl::string_view(s.text).substr(pos, it.begin - pos), true, cjk_at(s.text, it.begin));
    // "the Pentagon" and "Pentagon" render alike: a determiner before an entity is dropped.
    if (it.entity >= 0 && !it.possessive && it.tag != "Demonym" && out.size() >= 4) {
      absl::string_view tail = absl::string_view(out).substr(out.size() - 4);
      const bool boundary = out.size() == 4 || !absl::ascii_isalnum(out[out.size() - 5]);
      if (boundary && (tail == "the " || tail == "The ")) out.resize(out.size() - 4);
    }
    // So is a description of lower-case words before a company's or an agency's name, after a
    // determiner ("the state miner Gécamines", "the trading house Gerald Metals") or a
    // preposition ("by commodities trader Trafigura", "from Johannesburg-listed Impala
    // Platinum"): a rule sees the name where the description stood. (Not after a demonym, which
    // COMPANY_DESC reads: "the Chinese battery maker Gotion".)
    if (it.entity >= 0 && !it.possessive && (it.tag == "Company" || it.tag == "Government")) {
      static const RE2* kDescribed = new RE2(
          "(?:(?:^|[^\\w>'-])((?:the|The|a|A|an|An) (?:[a-z][a-z-]* ){0,2}(?:miner|mining company|"
          "trader|trading house|trading company|house|group|company|firm|producer|refiner|"
          "smelter|investor|fund|conglomerate|agency|developer|explorer|bank|lender|carmaker|"
          "automaker|maker|utility|operator|giant|major|shareholder) )|"
          "(?:^|\\b(?:by|to|from|with|of|for|as|including|than|between) )("
          "(?:[a-z][a-z-]* ){0,2}(?:miner|trader|house|group|company|firm|producer|refiner|smelter|"
          "investor|fund|conglomerate|agency|developer|explorer|bank|lender|carmaker|automaker|"
          "maker|utility|operator|giant|major) |(?:the |The )?[A-Z][a-z]+-(?:listed|based|"
          "headquartered) ))$");
      const size_t from = out.size() > 90 ? out.size() - 90 : 0;
      re2::StringPiece after_determiner, after_preposition;
      if (RE2::PartialMatch(re2::StringPiece(out.data() + from, out.size() - from), *kDescribed,
                            &after_determiner, &after_preposition)) {
        const re2::StringPiece& d = after_determiner.data() != nullptr ? after_determiner : after_preposition;
        out.resize(static_cast<size_t>(d.data() - out.data()));
      }
      // So is the name the company had then ("a 12.5% stake in what was then Greenland Minerals and
      // Energy"): the rule sees "in <Company>".
      static const RE2* kThenCalled = new RE2(
          "\\b(?:in|into|of|to|from|for|with|by|on|bought|acquired) (what (?:was|is) (?:then|now|still) "
          "(?:called |named |known as )?)$");
      re2::StringPiece then_called;
      if (RE2::PartialMatch(re2::StringPiece(out.data() + from, out.size() - from), *kThenCalled,
                            &then_called)) {
        out.resize(static_cast<size_t>(then_called.data() - out.data()));
      }
    }
    // "The venture, Kamoa Copper, is 39.6% owned by Ivanhoe": a description opening the sentence
    // with the name in commas after it is the name; the name is the verb's subject.
    bool named_after_description = false;
    if (it.entity >= 0 && !it.possessive && out.size() < 40) {
      static const RE2* kOpeningDescription = new RE2(
          "^(?:The|the) (?:[a-z][a-z-]* ){0,3}(?:venture|joint venture|company|firm|group|miner|"
          "producer|refiner|smelter|maker|developer|mine|plant|project|refinery|operation|unit|"
          "subsidiary|operator|buyer|supplier|lender|investor|fund|agency|regulator), $");
      static const RE2* kVerbAfter = new RE2(
          "^, (?:is|was|are|were|has|had|have|will|would|can|could|now|also|still|plans|planned|"
          "produces|produced|owns|owned|operates|operated|runs|ran|holds|held|supplies|supplied|"
          "sells|sold|signed|agreed|bought|acquired|said|says|makes|made|expects|took|takes)\\b");
      if (RE2::FullMatch(out, *kOpeningDescription) && it.end < s.text.size() &&
          RE2::PartialMatch(re2::StringPiece(s.text.data() + it.end, s.text.size() - it.end),
                            *kVerbAfter)) {
        out.clear();
        named_after_description = true;
      }
    }
    tagged.begin.push_back(out.size());
    absl::StrAppend(&out, "<", it.tag, "#", i, ">");
    tagged.end.push_back(out.size());
    after_tag = !it.possessive;
    if (it.possessive) out.append("'s");
    pos = it.end;
    if (named_after_description) pos += 1;  // The comma closing the name.
    space_if_glued();
  }
  append_text(absl::string_view(s.text).substr(pos), false, false);
  return tagged;
}

void ExtractorInternal::SetTopic(const std::set<int>& named, bool cut,
                                 absl::string_view heading) {
  // A key-figure heading that speaks of ownership ("Anglo American Sur — ownership:").
  static const RE2* kOwnedHeading = new RE2(
      "(?i)\\b(?:ownership|owners|shareholders|shareholding|shareholdings|stakes|stakeholders)\\b|股东|股权");
  topic_ = named.size() == 1 && !cut ? *named.begin() : -1;
  topic_site_ = -1;
  owners_sublist_ = false;
  topic_owned_ = topic_ >= 0 &&
                 RE2::PartialMatch(re2::StringPiece(heading.data(), heading.size()), *kOwnedHeading);
}

void ExtractorInternal::ProcessSentence(const Sentence& s) {
  if (s.section_index != section_) {  // Coreference never crosses a section.
    section_ = s.section_index;
    prev_agent_ = prev_company_ = prev_government_ = prev_country_ = prev_commodity_ = -1;
    prev_facility_subject_ = -1;
    prev_agents_.clear();
    section_commodities_.clear();
    section_governments_.clear();
    prev_company_other_ = -1;
    prev_held_ = -1;
    facilities_.clear();
    venture_ = last_held_ = pair_[0] = pair_[1] = two_before_[0] = two_before_[1] = -1;
    described_.clear();
    held_now_ = -1;
    // A heading the segmenter made a section ("Kemerton plant", a blank line, then its field
    // lines) is a key-figure heading too: one listed company or facility, named whole, is the
    // topic of the lines under it.
    std::set<int> named;
    bool cut = false;
    std::vector<EntityDef> unused = extra_;  // Names guessed in a heading are not kept.
    const size_t known = x_.gazetteer_->entities().size() + extra_.size();
    // "Helium 2, next to Helium 1": the site the heading places by another is its topic.
    static const RE2* kNextTo = new RE2("^, " KG_BESIDE " ");
    bool placed_by_next = false;
    for (const Mention& m : x_.gazetteer_->Find(s.section, &unused)) {
      if (m.entity < 0 || static_cast<size_t>(m.entity) >= known) continue;
      const std::string& label = Entity(m.entity).label;
      if (m.demonym || m.guessed || (label != "Company" && label != "Facility")) continue;
      if (placed_by_next) continue;
      placed_by_next = named.empty() && label == "Facility" &&
                       RE2::PartialMatch(re2::StringPiece(s.section.data() + m.span.end, s.section.size() - m.span.end), *kNextTo);
      named.insert(m.entity);
      const size_t e = m.span.end;
      cut |= e + 1 < s.section.size() && (s.section[e] == ' ' || s.section[e] == '-') &&
             absl::ascii_isupper(static_cast<unsigned char>(s.section[e + 1]));
    }
    // A section headed by a bare box heading is about what the title is about.
    if (named.empty() && title_topic_ >= 0 && IsBareBoxHeading(s.section)) named.insert(title_topic_);
    SetTopic(named, cut, s.section);
  }
  held_before_ = held_now_;
  held_now_ = -1;
  const std::vector<Quantity> qs = x_.quantities_->Find(s.text);
  std::vector<Item> items = BuildItems(s, qs);
  // "Nouveau Monde Graphite (NMG)", "GEMCO (Groote Eylandt Mining Company)": an unlisted name
  // in brackets right after a company is that company's other name.
  const size_t listed = x_.gazetteer_->entities().size();
  for (size_t i = 1; i < items.size(); ++i) {
    Item& it = items[i];
    const Item& prev = items[i - 1];
    const bool unlisted = it.guessed || (it.tag == "Company" && it.entity >= 0 &&
                                         static_cast<size_t>(it.entity) >= listed);
    if (unlisted && prev.entity >= 0 && prev.entity != it.entity &&
        (prev.tag == "Company" || prev.tag == "Government") &&
        s.text.compare(prev.end, it.begin - prev.end, " (") == 0 && it.end < s.text.size() &&
        s.text[it.end] == ')') {
      it.entity = prev.entity;
      it.tag = prev.tag;
      it.guessed = prev.guessed;
      AddAlias(it.entity, s.text.substr(it.begin, it.end - it.begin));
    }
  }
  // "中广核矿业（CGN Mining）": an unlisted Chinese company name before a Latin one in brackets is
  // that company's Chinese name.
  for (size_t i = 1; i < items.size(); ++i) {
    Item& prev = items[i - 1];
    const Item& it = items[i];
    if (prev.tag != "Company" || it.tag != "Company" || prev.entity < 0 || it.entity < 0 ||
        prev.entity == it.entity || static_cast<size_t>(prev.entity) < listed ||
        static_cast<unsigned char>(s.text[prev.begin]) < 0x80 ||
        static_cast<unsigned char>(s.text[it.begin]) >= 0x80 ||
        BracketedAfter(s.text, prev.end, it.begin, it.end) == 0) {
      continue;
    }
    AddAlias(it.entity, s.text.substr(prev.begin, prev.end - prev.begin));
    prev.entity = it.entity;
    prev.guessed = it.guessed;
  }
  // "楚梅布冶炼厂(Tsumeb smelter)", "the Tsumeb smelter (楚梅布冶炼厂)": a facility named again in
  // brackets is one facility, the listed name if either is listed, else the Latin one.
  for (size_t i = 1; i < items.size(); ++i) {
    Item& it = items[i];
    Item& prev = items[i - 1];
    if (it.tag != "Facility" || prev.tag != "Facility" || it.entity < 0 || prev.entity < 0 ||
        it.entity == prev.entity || BracketedAfter(s.text, prev.end, it.begin, it.end) == 0) {
      continue;
    }
    const size_t known = x_.gazetteer_->entities().size();
    const bool prev_listed = static_cast<size_t>(prev.entity) < known;
    const bool it_listed = static_cast<size_t>(it.entity) < known;
    const bool prev_latin = absl::ascii_isalpha(static_cast<unsigned char>(s.text[prev.begin]));
    const bool keep_prev = prev_listed || (!it_listed && prev_latin);
    const Item& keep = keep_prev ? prev : it;
    Item& drop = keep_prev ? it : prev;
    AddAlias(keep.entity, s.text.substr(drop.begin, drop.end - drop.begin));
    drop.entity = keep.entity;
    drop.guessed = keep.guessed;
  }
  // "Rainbow, which manages the project" after "Rainbow Rare Earths": a lone unlisted word
  // that begins the name of exactly one company the article named before is that company.
  // So is a lone listed word the article has not used for its own company yet: "a stake in
  // Vulcan" after "Vulcan Energy Resources" is not the listed Vulcan Elements (but "Vale" after
  // "Vale Base Metals", "Tianqi" after "Tianqi Lithium Energy Australia" are the listed parents
  // the earlier names are built on).
  // Of several such companies ("Rongsheng" after "Rongsheng Petrochemical" and "Rongsheng
  // Holding Group"), a guessed word, or one read as the later company's short name, is the first.
  for (Item& it : items) {
    if (it.tag != "Company" || it.entity < 0) continue;
    const std::string word = s.text.substr(it.begin, it.end - it.begin);
    if (word.find(' ') != std::string::npos) continue;
    const std::string prefix = absl::StrCat(word, " ");
    const bool used =
        std::find(companies_.begin(), companies_.end(), it.entity) != companies_.end();
    const bool listed = static_cast<size_t>(it.entity) < x_.gazetteer_->entities().size();
    const bool short_of_used =
        !it.guessed && !listed && used && absl::StartsWith(Entity(it.entity).name, prefix);
    if (!it.guessed && used && !short_of_used) continue;
    int found = -1, first = -1;
    bool ambiguous = false;
    for (int c : companies_) {
      if (!absl::StartsWith(Entity(c).name, prefix)) continue;
      if (first < 0) first = c;
      if (c == it.entity) continue;
      if (!it.guessed && absl::StartsWith(Entity(c).name, Entity(it.entity).name)) continue;
      ambiguous |= found >= 0 && found != c;
      found = c;
    }
    if ((it.guessed || short_of_used) && first >= 0) {
      it.entity = first;
      it.guessed = false;
    } else if (found >= 0 && !ambiguous) {
      it.entity = found;
      it.guessed = false;
    }
  }
  for (const Item& it : items) {
    // A demonym or a region is no mention of its country, unless a claim makes it an end.
    if (it.entity >= 0 && it.tag != "Demonym" && it.tag != "Region" && !it.guessed) {
      UseEntity(it.entity);
    }
  }
  ResolveFacilities(s, &items);  // Before pronouns: "the joint venture … and it operates".
  // "Each of the two companies now owns 50%": the pair named together before, or else the two
  // companies the sentence before named ("Boeing had agreed to keep the Russian firm as its
  // largest titanium supplier. The two companies also own Ural Boeing Manufacturing … in equal
  // shares").
  const int* const pair = pair_[0] >= 0 ? pair_ : two_before_;
  if (pair[0] >= 0) {
    static const RE2* kPair = new RE2(
        "(?i)\\b(?:the two|both) (?:companies|firms|groups|partners|buyers|owners|miners|investors)\\b");
    std::vector<Item> found;
    ForEachFreeMatch(*kPair, s, items, [&](size_t b, size_t e, re2::StringPiece) {
      // The sentence before's two only when this one named no company before the phrase ("the
      // MARBL joint venture with Albemarle, and the two partners each hold 50%": those two).
      if (pair == two_before_ && std::any_of(items.begin(), items.end(), [&](const Item& it) {
            return it.end <= b && it.entity >= 0 && it.tag == "Company";
          })) {
        return;
      }
      Item p;
      p.begin = b;
      p.end = e;
      p.entity = pair[0];
      p.tag = Entity(pair[0]).label;
      p.partner = pair[1];
      found.push_back(p);
    });
    AddItems(found, &items);
  }
  ResolvePronouns(s, &items);
  // "asked IREL to suspend those exports": the exports of the commodity named last.
  if (prev_commodity_ >= 0) {
    static const RE2* kThoseExports =
        new RE2("(?i)\\b(those|these|such) (?:exports|shipments|overseas sales)\\b");
    std::vector<Item> found;
    ForEachFreeMatch(*kThoseExports, s, items, [&](size_t, size_t, re2::StringPiece det) {
      const size_t b = static_cast<size_t>(det.data() - s.text.data());
      found.push_back(CommodityItem(b, b + det.size(), prev_commodity_));
    });
    AddItems(found, &items);
  }
  // "sells nickel matte to Sumitomo … It produced 71,000 tonnes of matte": a good named by the
  // head word of one the section named before (after "tonnes of", "the" or "its"; not
  // "instead of concentrate") is that good.
  if (!section_commodities_.empty()) {
    static const std::set<std::string> kGeneric = {
        "metal", "metals", "material", "materials", "product", "products", "mineral", "minerals",
        "element", "elements", "earths", "earth", "ore", "ores", "batteries", "battery", "cells"};
    std::vector<Item> found;
    for (auto c = section_commodities_.rbegin(); c != section_commodities_.rend(); ++c) {
      const std::string& name = Entity(*c).name;
      const size_t sp = name.rfind(' ');
      if (sp == std::string::npos) continue;  // A one-word good is matched by the gazetteer.
      const std::string head = name.substr(sp + 1);
      bool ascii = !head.empty();
      for (char ch : head) ascii &= absl::ascii_isalpha(static_cast<unsigned char>(ch));
      if (!ascii || head.size() < 4 || kGeneric.contains(head)) continue;
      if (s.text.find(head) == std::string::npos) continue;  // Compile only when it may match.
      const RE2 re(absl::StrCat("\\b(", head, ")\\b"));
      ForEachFreeMatch(re, s, items, [&](size_t b, size_t e, re2::StringPiece) {
        for (const Item& f : found) {
          if (b < f.end && f.begin < e) return;
        }
        const absl::string_view before = absl::string_view(s.text).substr(0, b);
        bool after_figure = false;
        for (const Item& it : items) {
          if (it.tag != "MASS" && it.tag != "PERCENT") continue;
          const absl::string_view gap = before.substr(std::min(before.size(), it.end));
          after_figure |= it.end <= b && (gap == " of " || gap == " of the " || gap == " of its ");
        }
        if (!after_figure && !absl::EndsWith(before, "the ") && !absl::EndsWith(before, "its ")) {
          return;
        }
        found.push_back(CommodityItem(b, e, *c));
      });
    }
    AddItems(found, &items);
  }
  Tagged rendered = Render(s, items);
  const std::string& tagged = rendered.text;
  SentenceTrace* tr = nullptr;
  if (trace_ != nullptr) {
    trace_->push_back(SentenceTrace{s.section, s.text, s.citations, tagged, {}, {}});
    tr = &trace_->back();
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      std::string line = absl::StrCat("#", i, " \"", s.text.substr(it.begin, it.end - it.begin), "\"");
      if (it.entity >= 0) {
        const EntityDef& e = Entity(it.entity);
        absl::StrAppend(&line, " = ", e.label, " ", e.name, it.guessed ? " (guessed)" : "");
      }
      tr->found.push_back(std::move(line));
    }
  }
  // Remember this sentence's first agent and company for the next sentence.
  int first_agent = -1, first_company = -1, other_company = -1;
  static const RE2* kSetting = new RE2("(?i)\\b(?:in|outside|across|from|to)(?: the)? $");
  for (const Item& it : items) {
    if (it.entity < 0) continue;
    // "In Australia, Tianqi holds …": the place is a setting, not what "it" will mean.
    if (it.tag == "Country" &&
        RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kSetting)) {
      continue;
    }
    // "Grundartangi, which is run by the subsidiary Nordural": a unit named after a preposition
    // is a detail of the sentence, not the company "the company" will mean next.
    static const RE2* kUnitDetail = new RE2(
        "(?i)\\b(?:by|of|with|to|from|through|via|at) (?:the|its|a|their) (?:[a-z-]+ )?"
        "(?:subsidiary|unit|arm|affiliate|division) $");
    if (it.tag == "Company" &&
        RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kUnitDetail)) {
      continue;
    }
    // "CATL's supplier Ganfeng Lithium reported …", "Tesla supplier Panasonic said …": a name
    // that only qualifies the agent after it is not what "the company" will mean next.
    static const RE2* kQualifies = new RE2(
        "^(?:(?:'s|'|’s) (?:[a-z-]+ ){0,3}|(?: [a-z-]+)? (?:supplier|customer|partner|rival|unit|"
        "subsidiary|parent|owner|affiliate|supplier of [a-z -]+|spin-off|spinoff|joint venture) |"
        // "西门子能源旗下的西门子歌美飒是…": the parent before 旗下 qualifies the unit the
        // sentence then describes (a unit that holds or buys something stays a detail: "宁德时代
        // 旗下的四川时代还持有…" is still about the group).
        "(?:旗下|下属)的?)$");
    static const RE2* kZhUnitOf = new RE2("^(?:旗下|下属)的?$");
    if (IsAgent(it.tag) && (first_agent < 0 || (it.tag == "Company" && first_company < 0))) {
      const Item* next = nullptr;
      for (const Item& n : items) {
        if (n.begin >= it.end && n.entity >= 0 && (next == nullptr || n.begin < next->begin)) {
          next = &n;
        }
      }
      // ("Tesla's deal with Panasonic" names two parties, not one.)
      static const RE2* kLink = new RE2(
          "\\b(?:with|to|from|of|for|and|or|in|on|by|at|than|over|against|between|via|and its)\\b");
      const re2::StringPiece between(s.text.data() + it.end,
                                     next == nullptr ? 0 : next->begin - it.end);
      // ("The Nasdaq-listed company's largest shareholder is European Lithium" is about the
      // company: a copula makes the name after it the predicate, not the agent qualified.)
      static const RE2* kCopula =
          new RE2("\\b(?:is|was|are|were|remains|remained|became|becomes|has become|had become)\\b");
      if (next != nullptr && IsAgent(next->tag) && next->entity != it.entity &&
          RE2::FullMatch(between, *kQualifies) && !RE2::PartialMatch(between, *kCopula) &&
          (RE2::PartialMatch(between, "supplier of") || !RE2::PartialMatch(between, *kLink)) &&
          (!RE2::FullMatch(between, *kZhUnitOf) ||
           absl::StartsWith(absl::string_view(s.text).substr(next->end), "是"))) {
        continue;
      }
    }
    if (first_agent < 0 && IsAgent(it.tag)) first_agent = it.entity;
    if (first_company < 0 && it.tag == "Company") first_company = it.entity;
    if (it.tag == "Company" && it.entity != first_company) other_company = it.entity;
  }
  // "Under the agreement, first announced by ZCCM-IH in December 2023, the UAE group committed
  // …": a name inside an opening phrase is not the subject; the agent right after the phrase's
  // last comma is.
  {
    // (Only when the opening phrase's name is an object there, after a preposition: "Through
    // its Clean Air division, the company …" keeps "its".)
    static const RE2* kOpeningPhrase = new RE2(
        "^(?:Under|After|Following|Before|Since|During|Despite|Through|Unlike|As part of|"
        "According to|Having|Backed by|Announced|Agreed|Signed)\\b[^;:]*, $");
    static const RE2* kObjectOfPreposition = new RE2("\\b(?:by|from|with|to|for|of|and) $");
    bool first_is_object = false;
    for (const Item& it : items) {
      if (it.entity == first_agent && IsAgent(it.tag)) {
        first_is_object = RE2::PartialMatch(re2::StringPiece(s.text.data(), it.begin), *kObjectOfPreposition);
        break;
      }
    }
    // The first agent written right after a comma: the subject, when all before it is the phrase.
    const auto after_comma = std::find_if(items.begin(), items.end(), [&](const Item& it) {
      return it.entity >= 0 && IsAgent(it.tag) && it.begin >= 2 && s.text.compare(it.begin - 2, 2, ", ") == 0;
    });
    if (first_is_object && after_comma != items.end() && after_comma->entity != first_agent &&
        RE2::FullMatch(re2::StringPiece(s.text.data(), after_comma->begin), *kOpeningPhrase)) {
      if (after_comma->tag == "Company" && first_company == first_agent) first_company = after_comma->entity;
      first_agent = after_comma->entity;
    }
  }

  // A claim without a period slot takes the sentence's one date, a year or a month ("Since
  // October 2025 Beijing has required …"); with two or more, none.
  int years = 0, year_item = -1;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].tag == "YEAR" || items[i].tag == "DATE") {
      ++years;
      year_item = static_cast<int>(i);
    }
  }

  struct Candidate {
    const Rule* rule;
    std::string type;     // The rule's claim type, or what the context made of it.
    int subject, object;  // Item indices; object -1 when none.
    ValueMap props;
    size_t length;
    bool object_fallback = false;  // The object is the rule's fallback, not in its pattern.
    bool rest = false;             // A stake in "the rest", "其余": of a company named before.
    bool elliptic = false;         // A Chinese stake in nothing named: of the stake just before.
    size_t match_end = 0;          // Where the rule's match ends in the tagged sentence.
    int id = -1;                   // Its index in `candidates` (copies keep it).
    int source = -1;               // An `ends_from` reading: the id of the claim it reads.
  };
  std::vector<Candidate> candidates;
  // An end the sentence does not write (a heading's topic, a facility's product, the company
  // of an earlier stake): an item placed after the sentence's text.
  auto add_synthetic = [&](int entity) {
    Item synthetic;
    synthetic.begin = synthetic.end = s.text.size();
    synthetic.entity = entity;
    synthetic.tag = Entity(entity).label;
    items.push_back(synthetic);
    rendered.begin.push_back(tagged.size());
    rendered.end.push_back(tagged.size());
    return static_cast<int>(items.size()) - 1;
  };
  // The same, reusing one already placed for the entity.
  auto synthetic_for = [&](int entity) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].begin == s.text.size() && items[i].entity == entity) return static_cast<int>(i);
    }
    return add_synthetic(entity);
  };
  // In English, the pair "A and B" opening the sentence before a verb (after a time phrase at
  // most) are buyers or partners, not what is held ("In November 2023 Cameco and Brookfield
  // completed their acquisition of …, while Brookfield owns 51%"): where that pair ends in the
  // tagged text, 0 if the sentence opens with none. Read once, when a stake's fallback asks.
  std::optional<size_t> opening_pair;
  auto opening_pair_end = [&]() -> size_t {
    if (!opening_pair) {
      static const RE2* kOpening = new RE2(
          "^((?:(?:In|On|By|Since|During|Last|Earlier|Later|This) [^,<]*(?:<(?:DATE|YEAR)#\\d+>)?,? )?"
          "(?:the )?<(?:Company|Government)#\\d+> and (?:the )?<(?:Company|Government)#\\d+>) [a-z]");
      re2::StringPiece pair;
      opening_pair = RE2::PartialMatch(tagged, *kOpening, &pair) ? pair.size() : 0;
    }
    return *opening_pair;
  };
  std::vector<RuleMatch> matches = x_.rules_->Match(tagged);
  // Readings with the clause between subject and verb left out (ElidedClause): a match that
  // spans the cut and reads ends no match of the whole sentence read joins the others, its span
  // widened over the clause.
  std::string elided;  // The matches' literal slots point into it.
  if (const auto [cut_begin, cut_end] = ElidedClause(tagged, s.text); cut_end > cut_begin) {
    elided = absl::StrCat(absl::string_view(tagged).substr(0, cut_begin),
                          absl::string_view(tagged).substr(cut_end));
    auto ends = [](const RuleMatch& m) {
      std::vector<int> out;
      for (const auto& [name, text] : m.slots) out.push_back(TagIndex(text));
      return out;
    };
    std::set<std::pair<const Rule*, std::vector<int>>> seen;
    for (const RuleMatch& m : matches) seen.insert({m.rule, ends(m)});
    for (RuleMatch& m : x_.rules_->Match(elided)) {
      if (m.begin >= cut_begin || m.end <= cut_begin || !seen.insert({m.rule, ends(m)}).second) {
        continue;
      }
      m.end += cut_end - cut_begin;
      matches.push_back(std::move(m));
    }
  }
  // Rules that read what another claim implies (`ends_from`) run second, over the candidates
  // the others made.
  for (int pass = 0; pass < 2; ++pass)
  for (const RuleMatch& m : matches) {
    const Rule& rule = *m.rule;
    if (rule.ends_from.empty() == (pass == 1)) continue;
    const absl::string_view window = absl::string_view(tagged).substr(m.begin, m.end - m.begin);
    std::map<std::string, int> slot;
    for (const auto& [name, text] : m.slots) {
      int idx = TagIndex(text);
      if (idx >= 0 && static_cast<size_t>(idx) < items.size()) slot[name] = idx;
    }
    // Literal captures (rank, stage, basis).
    std::map<std::string, std::string> literal;
    for (const auto& [name, text] : m.slots) {
      if (!slot.contains(name) && !text.empty()) literal[name] = std::string(text);
    }
    bool object_fallback = false;
    // "Lundin Mining bought 51% of Caserones from JX for $950 million": the price is paid by the
    // stake's holder for what it holds. The source is the claim of the named type whose match
    // holds where this one begins, overlapping it most (one the pattern's own subject or object
    // agrees with); an end in the pattern stays. (A claim read inside this match is another's:
    // "agreed to buy Latin Resources, which owns the Salinas project, for A$560 million".)
    int source_index = -1;
    if (!rule.ends_from.empty()) {
      const Candidate* source = nullptr;
      size_t best_overlap = 0;
      for (const Candidate& c : candidates) {
        // (Also one with nothing held named yet, "… for a 20% interest": the reading takes the
        // object the ellipsis gives it, below.)
        if (c.type != rule.ends_from) continue;
        const size_t cb = c.match_end - c.length;
        // (Or one a participle right after it reads: "completed the purchase of an additional
        // 14% of PT Vale Indonesia for 4.5 trillion rupiah, lifting its stake to 34%".)
        static const RE2* kLifting = new RE2(
            "^,? (?:lifting|raising|taking|bringing|increasing|boosting|giving|which (?:lifted|raised|took|gave)) ");
        const bool after = cb >= m.end && cb - m.end <= 40 &&
                           RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, tagged.size() - m.end), *kLifting);
        // (Or one right before it that a participle prices: "Shareholders: PowerCo 9.9%, bought
        // for C$69 million in 2024".)
        static const RE2* kBoughtFor = new RE2("^,? ?(?:bought|acquired|purchased) for ");
        const bool priced = m.begin >= c.match_end && m.begin - c.match_end <= 2 &&
                            RE2::PartialMatch(re2::StringPiece(tagged.data() + c.match_end,
                                                               tagged.size() - c.match_end),
                                              *kBoughtFor);
        if (!after && !priced && (cb > m.begin || c.match_end <= m.begin)) continue;
        const size_t overlap_begin = m.begin;
        const size_t overlap_end = after ? m.end : priced ? m.begin + 1 : std::min(c.match_end, m.end);
        bool agrees = true;
        for (const auto& [name, end] : {std::pair{"subject", c.subject}, std::pair{"object", c.object}}) {
          auto it = slot.find(name);
          agrees &= it == slot.end() || end < 0 || items[it->second].entity == items[end].entity;
        }
        if (agrees && overlap_end - overlap_begin > best_overlap) {
          best_overlap = overlap_end - overlap_begin;
          source = &c;
        }
      }
      if (source == nullptr) {
        if (tr) {
          tr->notes.push_back(absl::StrCat("rule ", rule.id, " matched \"", window,
                                           "\": dropped, no ", rule.ends_from, " claim it reads"));
        }
        continue;
      }
      source_index = static_cast<int>(source - candidates.data());
      slot.try_emplace("subject", source->subject);
      if (source->object >= 0 && slot.try_emplace("object", source->object).second) {
        object_fallback = source->object_fallback;
      }
    }
    for (const auto& [name, types] : rule.fallback) {
      if (slot.contains(name)) continue;
      std::set<std::string> allowed = absl::StrSplit(types, '|');
      int best = -1;
      size_t best_distance = SIZE_MAX;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!allowed.contains(items[i].tag)) continue;
        bool used = false;
        // Nor another mention of a filled end ("西藏华钰矿业…，华钰矿业持有其50%的股权": 其 is not
        // 华钰矿业 itself).
        for (const auto& [n, idx] : slot) {
          used |= idx == static_cast<int>(i) ||
                  (idx >= 0 && static_cast<size_t>(idx) < items.size() && items[idx].entity >= 0 &&
                   items[idx].entity == items[i].entity);
        }
        if (used) continue;
        // A good naming a kind of customer is no good of the claim: "ships to steel mills around
        // the Gulf" (but "one of the world's largest zircon producers" names the good).
        static const RE2* kCustomerNoun = new RE2(
            "^ (?:mills|plants|smelters|buyers|users|customers|industry|industries|sector)\\b");
        if (items[i].tag == "Commodity" &&
            RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[i],
                                               tagged.size() - rendered.end[i]),
                              *kCustomerNoun)) {
          continue;
        }
        // Nor a good's end use after it: "makers of … NdFeB magnets for electric vehicles".
        static const RE2* kForUse = new RE2("<Commodity#\\d+> (?:for|used in|destined for) $");
        if (items[i].tag == "Commodity" &&
            RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[i]), *kForUse)) {
          continue;
        }
        // A name with its own share after it ("… and JEMSE 8.5%", "Toyota Tsusho (25%)", "and
        // Nickel Asia the remaining 10%", "…，电装(Denso)约5.5%") is a holder in a list, not the
        // company held.
        // (Also "Baowu with 18.7%" and "China Steel Corporation the last 2.5%".)
        static const RE2* kHolderShare = new RE2(
            "^ (?:\\(|with |the (?:remaining|other|last|rest of the|balance of the) )?<PERCENT#");
        // (In Chinese only a name that opens its clause: "持有莫罗瓦利工业园49.69%的股份" names the held.)
        static const RE2* kZhHolderShare = new RE2("^(?:[（(]|(?:则|还|也|另|各)?(?:持股|占股)?(?:约|逾|近|超过)?)<PERCENT#");
        static const RE2* kZhClauseStart = new RE2("(?:^|[，,、；;：:])$");
        const re2::StringPiece after_name(tagged.data() + rendered.end[i], tagged.size() - rendered.end[i]);
        if (name == "object" && rule.type == "HOLDS_STAKE" &&
            (RE2::PartialMatch(after_name, *kHolderShare) ||
             (RE2::PartialMatch(after_name, *kZhHolderShare) &&
              RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[i]), *kZhClauseStart)))) {
          continue;
        }
        // Nor is a name after "led by" or "owned by" (an owner: "is 68% held by a consortium led
        // by China Railway Group, with Gécamines owning 32%": of Sicomines), nor one an
        // apposition or a relative clause describes the company by ("Tenke Fungurume Mining, the
        // operator of the Tenke Fungurume mine, with Gécamines holding the remaining 20%", "NFC
        // Africa Mining, which runs the Chambishi mine, while ZCCM has the other 15%": of the
        // company), nor its parent ("Galena Asset Management, the investment arm of Trafigura,
        // holds about 24%").
        // Nor a partner of the venture the sentence is about ("is a joint venture of Ivanhoe Mines
        // and Zijin Mining, with the Congolese government holding 20%": of the venture).
        static const RE2* kNotHeld = new RE2(
            "(?:\\b(?:led|headed|owned|held|controlled|backed) by|, (?:the|its|a|an) "
            "(?:[a-z-]+ )?(?:operator|owner|developer|parent|builder|manager|arm|unit|subsidiary|division|"
            "affiliate) of|, (?:which|that) "
            "(?:also |now |still )?(?:runs|operates|owns|manages|develops|built|controls)|"
            "\\b(?:joint venture|venture|JV|partnership|consortium) (?:of|between|with|formed by)"
            "(?: the)?(?: <[A-Za-z]+#\\d+>,?(?: and)?(?: the)?)?) $");
        // Nor a name that holds something itself ("…，Lithium Argentina持有44.8%，其余8.5%由JEMSE
        // 持有": of the project, not of Lithium Argentina; "A, in which B holds 51%, …"), nor a
        // buyer paying for a share ("Nippon Steel will pay US$720 million for a 20% interest, and
        // JFE Steel US$360 million for 10%").
        // ("a Fortescue subsidiary holds 69%": the subsidiary's parent holds; "Chinalco, in which
        // Baowu is a smaller partner": a partner of the one described.)
        static const RE2* kHolderVerb = new RE2(
            "^(?:(?: (?:subsidiary |unit |arm |affiliate )?(?:also |still |now |currently )?"
            "(?:holds|owns|holding|owning|controls|controlling|retains|keeps|kept|retained) )|"
            "(?: (?:is|was|has been) (?:a|an|the) (?:[a-z-]+ )?(?:partner|member|shareholder|"
            "investor|co-owner)\\b)|(?: (?:will |would |has agreed to |agreed "
            "to )?(?:pay|pays|paid) <MONEY#\\d+> for )| <MONEY#\\d+> for |"
            "(?:则|还|也|仍|目前|将|已|共同|分别)?(?:持有|持股|拥有|控股|占股))");
        // Nor a partner named with another ("华友钴业与淡水河谷成立的合资公司中，华友钴业持股51%": 淡水河谷 is a
        // partner of the unnamed venture, not the company held), nor the agent of a Chinese
        // passive ("由中国中铁牵头的财团控制": the consortium's leader).
        static const RE2* kPartnerAfter = new RE2("^(?:与|和|及|、)<");
        static const RE2* kPartnerBefore = new RE2("(?:>(?:与|和|及|、)|由|被)$");
        if (name == "object" && rule.type == "HOLDS_STAKE" &&
            (RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[i]), *kNotHeld) ||
             RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[i],
                                                tagged.size() - rendered.end[i]),
                               *kHolderVerb) ||
             RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[i],
                                                tagged.size() - rendered.end[i]),
                               *kPartnerAfter) ||
             RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[i]), *kPartnerBefore) ||
             rendered.end[i] <= opening_pair_end())) {
          continue;
        }
        // Distance from the match: inside counts as 0, then nearest by bytes in the tagged text.
        const size_t at = rendered.begin[i];
        const size_t d = at >= m.begin && at < m.end ? 0
                   : at < m.begin             ? m.begin - at
                                              : at - m.end;
        // Inside the match, a stake's object is the last candidate before the verb ("Albemarle,
        // Tianqi's partner in Talison, holds 49%": Talison).
        if (d < best_distance || (d == 0 && best_distance == 0 && name == "object" &&
                                  rule.type == "HOLDS_STAKE")) {
          best_distance = d;
          best = static_cast<int>(i);
        }
      }
      if (best >= 0) slot[name] = best;
      if (best >= 0 && name == "object") object_fallback = true;
    }
    // A facility's capacity or output with no commodity in the sentence: the product its
    // description named ("its magnet plant in Narva … has a capacity of 2,000 tonnes").
    if (!slot.contains("object") && rule.fallback.contains("object") && slot.contains("subject") &&
        items[slot["subject"]].tag == "Facility") {
      auto p = product_.find(items[slot["subject"]].entity);
      if (p != product_.end()) {
        slot["object"] = synthetic_for(p->second);
      } else if (const int good = GoodInName(s.text.substr(items[slot["subject"]].begin,
                                                           items[slot["subject"]].end -
                                                               items[slot["subject"]].begin));
                 good >= 0) {
        // Or the good its name holds ("the Boffa bauxite mine … with a first-phase capacity of
        // 12 million tons a year").
        slot["object"] = synthetic_for(good);
      }
    }
    // A capacity or output in energy ("is designed for 14 GWh of cells a year", "with as much as
    // 90 GWh of annual capacity") is of battery cells, unless a good is named right after it
    // ("40 GWh of lithium-ion batteries"); a good named elsewhere in the sentence is not its good.
    // So is one in barrels of crude oil ("a 400,000 barrel-per-day refinery", "日加工能力为65万桶").
    const std::string unit_of_quantity =
        slot.contains("quantity") && items[slot["quantity"]].quantity >= 0
            ? qs[items[slot["quantity"]].quantity].unit
            : "";
    if ((rule.type == "HAS_CAPACITY" || rule.type == "PRODUCES") && !slot.contains("object") &&
        (unit_of_quantity == "bbl/d" || unit_of_quantity == "bbl") && x_.barrel_good_ >= 0) {
      slot["object"] = synthetic_for(x_.barrel_good_);
    }
    // A port's capacity in TEU ("designed to handle 1.2 million TEU a year") is of containers,
    // whatever good a fallback found elsewhere in the sentence or section.
    if ((rule.type == "HAS_CAPACITY" || rule.type == "PRODUCES") && unit_of_quantity == "TEU" &&
        x_.teu_good_ >= 0 && (!slot.contains("object") || object_fallback)) {
      slot["object"] = synthetic_for(x_.teu_good_);
      object_fallback = false;
    }
    if ((rule.type == "HAS_CAPACITY" || rule.type == "PRODUCES") && unit_of_quantity == "GWh") {
      static const RE2* kGoodAfter = new RE2(
          "^(?: (?:a|per) year| annually)?(?: of (?:annual |yearly |battery |cell |production )*capacity)?"
          "(?: (?:a|per) year)? of (?:[a-z-]+ ){0,2}?<Commodity#(\\d+)>");
      const size_t qe = rendered.end[slot["quantity"]];
      int good = -1;
      if (!RE2::PartialMatch(re2::StringPiece(tagged.data() + qe, tagged.size() - qe), *kGoodAfter, &good) ||
          good < 0 || static_cast<size_t>(good) >= items.size()) {
        good = -1;
      }
      if (good >= 0) {
        slot["object"] = good;
      } else if (x_.energy_good_ >= 0) {
        slot["object"] = synthetic_for(x_.energy_good_);
      }
    }
    // "…mined 21,000 tonnes of uranium in 2022. That made it the largest producer in the world":
    // with `fallback_section`, an object none in the sentence fills is the section's latest
    // commodity.
    // "banned shipments of both metals": the section's two latest commodities, one claim each.
    int second_object = -1;
    // A capacity in a section that names no good: the article's most named good ("Calcasieu
    // Pass … has a nameplate capacity of 10 million tonnes a year" in an LNG article).
    // (A subject the key-figure heading gives, below, counts: "- Nameplate capacity: 1.62 Mtpa
    // of concentrate" under "Key figures: Greenbushes mine".)
    const bool has_subject = slot.contains("subject") || (rule.topic.contains("subject") && topic_ >= 0);
    // So does a fact box's output line that names none ("- Output: about 3.4 million t produced
    // and exported" under "Tshipi Borwa mine" in a manganese article), whatever good the prose
    // above the box named last.
    const bool article_good = (rule.type == "PRODUCES" && !rule.topic.empty()) ||
                              (rule.type == "HAS_CAPACITY" && prev_commodity_ < 0);
    if (!slot.contains("object") && has_subject && article_good &&
        rule.fallback_section.contains("object") && !article_commodities_.empty()) {
      auto top = std::max_element(article_commodities_.begin(), article_commodities_.end(),
                                  [](const auto& a, const auto& b) { return a.second < b.second; });
      slot["object"] = synthetic_for(top->first);
    }
    if (!slot.contains("object") && has_subject && prev_commodity_ >= 0 &&
        rule.fallback_section.contains("object")) {
      slot["object"] = synthetic_for(prev_commodity_);
      static const RE2* kBoth = new RE2(
          "\\b(?:both|the two|these two|those two) (?:metals|minerals|materials|elements|commodities|"
          "products)\\b");
      if (section_commodities_.size() >= 2 &&
          RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *kBoth)) {
        const int other = section_commodities_[section_commodities_.size() - 2];
        if (other != prev_commodity_) second_object = synthetic_for(other);
      }
    }
    std::string note_prefix = absl::StrCat("rule ", rule.id, " matched \"", window, "\"");
    // A field line under a key-figure heading ("Thacker Pass (Nevada):" then "- Operator: Lithium
    // Americas"): an end the pattern leaves out is the heading's topic, when its label is one the
    // rule's `topic` names and it is not the line's other end; otherwise no claim. A line that
    // names its own end fills the slot in the pattern and never reaches this.
    bool no_topic = false;
    for (const auto& [name, types] : rule.topic) {
      if (slot.contains(name)) continue;
      const std::set<std::string> allowed = absl::StrSplit(types, '|');
      // Under a company's heading that names its site, a line on a site's capacity, place or
      // output, or one only a site can end, is about the site.
      const int topic = topic_site_ >= 0 && allowed.contains("Facility") &&
                                (!allowed.contains(Entity(topic_).label) ||
                                 rule.type == "HAS_CAPACITY" || rule.type == "LOCATED_IN" ||
                                 rule.type == "PRODUCES")
                            ? topic_site_
                            : topic_;
      bool other_end = false;
      for (const auto& [n, idx] : slot) other_end |= items[idx].entity == topic;
      if (topic < 0 || !allowed.contains(Entity(topic).label) || other_end) {
        no_topic = true;
        break;
      }
      // A site's box whose operator line named the joint venture that runs it ("- Operator:
      // Automotive Cells Company", introduced as "the battery joint venture of Stellantis, …"):
      // its shareholders hold the venture. So do a "Shareholders:" line's, under any operator
      // ("- Operator: Serra Verde" then "- Shareholders: Denham Capital, …"): a company has
      // shareholders, a mine has owners.
      static const RE2* kShareholdersLine =
          new RE2("^(?:[-•*] )?(?:(?:Major|Main|Largest|Key) )?(?:[Ss]hareholders?|[Ii]nvestors):");
      int end = topic;
      if (rule.type == "HOLDS_STAKE" && name == "object" && Entity(topic_).label == "Facility" &&
          box_operator_ && box_owner_topic_ == topic_ &&
          (box_owner_ == venture_ || RE2::PartialMatch(s.text, *kShareholdersLine)) &&
          Entity(box_owner_).label == "Company") {
        end = box_owner_;
      }
      slot[name] = synthetic_for(end);
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": ", name, " is the heading's ", Entity(end).name));
    }
    if (no_topic) {
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, no heading topic"));
      continue;
    }
    // The heading's site makes the product its description named ("POSCO Gwangyang electrical
    // steel plant (South Korea)", then "Capacity: 300,000 tpa").
    if (!slot.contains("object") && (rule.type == "HAS_CAPACITY" || rule.type == "PRODUCES") &&
        slot.contains("subject") && items[slot["subject"]].tag == "Facility") {
      if (auto p = product_.find(items[slot["subject"]].entity); p != product_.end()) {
        slot["object"] = synthetic_for(p->second);
      }
    }
    if (rule.subject_is_box_owner && !slot.contains("subject")) {
      if (topic_ < 0 || box_owner_ < 0 || box_owner_topic_ != topic_) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the box named no owner"));
        continue;
      }
      slot["subject"] = synthetic_for(box_owner_);
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": subject is the box's owner ", Entity(box_owner_).name));
    }
    if (rule.require_object && !slot.contains("object")) {
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, no object"));
      continue;
    }
    if (!rule.unless.empty()) {
      // The words right after the match (80 bytes) count too ("… of the world's rare earth demand",
      // "…, and 3,300 t of finished cobalt in 2023").
      const size_t tail = std::min(tagged.size(), m.end + 80) - m.begin;
      re2::StringPiece w(tagged.data() + m.begin, tail);
      bool blocked = false;
      for (const auto& re : rule.unless) blocked |= RE2::PartialMatch(w, *re);
      if (blocked) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, unless"));
        continue;
      }
    }
    if (!rule.unless_before.empty()) {
      // "for Freeport-McMoRan's cobalt refinery": the words just before the match.
      const size_t from = m.begin > 40 ? m.begin - 40 : 0;
      re2::StringPiece w(tagged.data() + from, m.begin - from);
      bool blocked = false;
      for (const auto& re : rule.unless_before) blocked |= RE2::PartialMatch(w, *re);
      if (blocked) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, unless_before"));
        continue;
      }
    }
    if (!slot.contains("subject")) {
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, no subject"));
      continue;
    }
    // A name in a phrase fronted before the clause is not its subject: "Outside China,
    // Vacuumschmelze's US unit … opened a plant that will supply General Motors" (China supplies
    // nothing).
    {
      static const RE2* kFronted = new RE2(
          "^(?:Outside|Unlike|Like|Beyond|Besides|Apart from|Except for|Across|Inside|Within|In|"
          "Despite|Among|Alongside|Along with|Compared with) (?:the )?$");
      // (A relative clause on that name is a clause of its own: "Unlike Glencore, which sells
      // cobalt to Umicore, ERG …".)
      static const RE2* kRelativeAfter = new RE2("^, (?:which|who|whose|that|where)\\b");
      const int sub = slot["subject"];
      const re2::StringPiece after(tagged.data() + rendered.end[sub], tagged.size() - rendered.end[sub]);
      // The tagged text before the subject ends in `re`.
      auto before_subject = [&](const RE2& re) {
        return RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[sub]), re);
      };
      if (before_subject(*kFronted) &&
          tagged.compare(rendered.end[sub], 2, ", ") == 0 && !RE2::PartialMatch(after, *kRelativeAfter)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, subject in a fronted phrase"));
        continue;
      }
      // (The two tests below read only a subject the match starts with: a pattern may read the
      // words before it.)
      const bool match_opens_with_subject = rendered.begin[sub] == m.begin;
      // Nor is the last agent of a participle in an apposition, for any claim: "Nemaska
      // Lithium, a company owned in equal parts by Investissement Québec … and by Rio Tinto, is
      // developing the Whabouchi mine" (Rio Tinto develops nothing; the comma before the verb
      // closes the apposition).
      static const RE2* kAgentBefore = new RE2("\\b(?:and|or) by (?:the )?$");
      static const RE2* kVerbAfterComma = new RE2(
          "^, (?:is|are|was|were|has|have|had|will|would|can|could|also|now|still)\\b");
      if (match_opens_with_subject && RE2::PartialMatch(after, *kVerbAfterComma) &&
          before_subject(*kAgentBefore)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, subject is the agent of a participle before it"));
        continue;
      }
      // Nor is the holder of a stake the object of a verb of buying or of "control of" before
      // it: "Vedanta regained control of KCM in 2023 … and now holds 79.4% of the company" (KCM
      // holds nothing). A relative clause on that name is its own clause ("bought Xstrata,
      // which owns …"); a place, a runner or an output may be the object's ("bought an interest
      // in the Kisanfu deposit in the DRC").
      static const RE2* kObjectBefore = new RE2(
          "\\b(?:(?:control|ownership|stakes?|interests?|shares|holdings?) (?:of|in)|"
          "(?:regained|regains|gained|gains|took|takes|taken|taking|acquired|acquires|acquiring|"
          "bought|buys|buying|sold|sells|selling|purchased|purchases|purchasing)"
          "(?: control of)?) (?:the )?$");
      if (rule.type == "HOLDS_STAKE" && match_opens_with_subject &&
          !RE2::PartialMatch(after, *kRelativeAfter) && before_subject(*kObjectBefore)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, subject is the object of a verb before it"));
        continue;
      }
    }
    // Context: negation and hypotheticals are not claims; status triggers.
    // A relative clause that holds none of the claim's slots is parenthetical: "The United
    // States, which has not mined manganese since 1970, imports all the ore it uses from Gabon"
    // negates no import. Its words are blanked before the triggers are looked for. So is an
    // apposition closed by its own relative clause: "SEFE, the German gas trader that Berlin
    // nationalised after Gazprom walked away from it, signed up to buy …".
    std::string context(window);
    {
      static const RE2* kRelative =
          new RE2(", (?:(?:the|a|an) [^,;]*? (?:that|which|who) |(?:which|who|whose|where) )[^,;]*,");
      re2::StringPiece input(window.data(), window.size());
      re2::StringPiece rel;
      size_t pos = 0;
      while (pos < window.size() &&
             kRelative->Match(input, pos, window.size(), RE2::UNANCHORED, &rel, 1)) {
        const size_t b = static_cast<size_t>(rel.data() - window.data());
        const size_t e = b + rel.size();
        bool holds_slot = false;
        for (const auto& [name, index] : slot) {
          const size_t at = rendered.begin[index];
          holds_slot |= at >= m.begin + b && at < m.begin + e;
        }
        if (!holds_slot) std::fill(context.begin() + b + 1, context.begin() + e - 1, ' ');
        pos = e;
      }
    }
    // So are phrases context.tsv marks `not_a_trigger` ("that it did not already own").
    for (const auto& t : x_.triggers_) {
      if (t.kind != "not_a_trigger") continue;
      re2::StringPiece input(context.data(), context.size());
      re2::StringPiece hit;
      for (size_t pos = 0; pos < context.size() &&
                           t.re->Match(input, pos, context.size(), RE2::UNANCHORED, &hit, 1);) {
        const size_t b = static_cast<size_t>(hit.data() - context.data());
        std::fill(context.begin() + b, context.begin() + b + hit.size(), ' ');
        pos = b + std::max<size_t>(hit.size(), 1);
      }
    }
    std::string status;
    std::string drop;
    for (const auto& t : x_.triggers_) {
      if (t.kind == "not_a_trigger") continue;
      // A negation that governs the clause after it ("CATL denied that it supplies …", "No
      // agreement was reached for Korea Zinc to supply …") is looked for before the match.
      if (t.kind == "negation_before") {
        if (RE2::PartialMatch(re2::StringPiece(tagged.data(), m.begin), *t.re)) {
          drop = "negation";
          break;
        }
        continue;
      }
      // One that undoes the clause afterwards ("…agreed to buy lithium from Vulcan, but the
      // deal was cancelled") is looked for after the match.
      // A condition after a clause with a modal ("would supply lithium to Ford if the project is
      // financed"); a noun phrase ("its Ngungaju plant if prices fall") is no conditional claim.
      if (t.kind == "conditional_after") {
        static const RE2* kModal =
            new RE2("(?i)\\b(?:would|will|could|might|may|should|shall|can|to)\\b");
        if (RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *kModal) &&
            RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, tagged.size() - m.end),
                              *t.re)) {
          drop = "hypothetical";
          break;
        }
        continue;
      }
      // A question states nothing ("Will Beijing ban graphite exports outright?").
      if (t.kind == "question") {
        if (RE2::PartialMatch(re2::StringPiece(tagged.data(), tagged.size()), *t.re)) {
          drop = "question";
          break;
        }
        continue;
      }
      if (t.kind == "negation_after") {
        if (RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, tagged.size() - m.end),
                              *t.re)) {
          drop = "negation";
          break;
        }
        continue;
      }
      // A status written after the match, closing the line ("Funding: $168 million (planned)").
      if (t.kind == "planned_after") {
        if (status.empty() &&
            RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, tagged.size() - m.end), *t.re)) {
          status = "planned";
        }
        continue;
      }
      if (!RE2::PartialMatch(context, *t.re)) continue;
      // A halt of exports is the restriction itself ("Kinshasa halted cobalt exports"): for an
      // export restriction, a negation that is only such a verb negates nothing.
      if (t.kind == "negation" && rule.type == "RESTRICTS_EXPORT") {
        static const RE2* kHaltVerb =
            new RE2("(?i)halt(?:ed|s)?|suspend(?:ed|s)?|stop(?:ped|s)?|ceas(?:ed|es)");
        re2::StringPiece input(context);
        re2::StringPiece hit;
        bool only_halts = true;
        for (size_t pos = 0; pos < context.size() &&
                             t.re->Match(input, pos, context.size(), RE2::UNANCHORED, &hit, 1);) {
          only_halts &= RE2::FullMatch(hit, *kHaltVerb);
          pos = static_cast<size_t>(hit.data() - context.data()) + std::max<size_t>(hit.size(), 1);
        }
        if (only_halts) continue;
      }
      if (t.kind == "negation" || t.kind == "hypothetical") {
        drop = t.kind;
        break;
      }
      if (status.empty()) status = t.kind;
    }
    // A clause the match begins with may be governed by a word just before it: "Glencore
    // denied it would take a 30% stake", "asked whether Posco would buy 20%", "Analysts expect
    // Zijin to buy 30%", "Talks for Posco to acquire 30%" (the subject is a resolved pronoun or
    // a name right after the denial, the "whether", the expectation or the talks).
    if (drop.empty()) {
      static const RE2* kGoverned = new RE2(
          "(?i)(?:\\b(?:denied|denies|deny|denying|dismissed|rejected|rejects|ruled out) "
          "(?:(?:a |the |media |press |news )?(?:reports?|claims?|suggestions?|speculation|rumou?rs?) )?"
          "(?:that )?|"
          "\\b(?:whether|if|unless|expect|expects|expected|talks for|talks on|talks over|"
          "talks about|talks with|proposal for|proposals for|plan for|plans for|bid for|"
          "offer for|speculation that|rumou?rs that|hopes|hoped|hopes that|hoped that|wants) |"
          // "Arafura is seeking to raise the Nolans project's capacity to …".
          "\\b(?:seeking|seeks|sought|looking|hoping|wants|wanted|studying|considering|weighing|"
          "mulling|exploring)(?: to| whether)? |"
          // A match that opens on its verb ("… could lift X's capacity to …") carries the modal
          // or negation written just before it.
          "\\b(?:could|might|cannot|can't|won't|wouldn't|not|never|nor)(?: (?:yet|also|still|soon|"
          "eventually|one day|be able to))? )(?:(?:its|their|<[A-Za-z]+#\\d+>(?:'s|')) )?$");
      // A conditional clause opening the sentence: "If approved, the deal would give …"; a match
      // inside that clause is no claim either ("Should China restrict fluorspar exports again, …").
      static const RE2* kConditional = new RE2(
          "^\\s*(?:If|Unless|Should|Assuming|Provided|Were|Even if|In case) (?:[^;]*, |[^,;]*$)");
      // A site's place in an apposition is no part of the verb before it: "is exploring Lofdal,
      // a heavy rare earth deposit in Namibia" (Lofdal is in Namibia).
      static const RE2* kAppositionStart = new RE2("^<Facility#\\d+>, (?:a|an|the) ");
      // Nor is a relative clause of who owns or runs the name it follows: "held talks with China
      // Copper, which is owned by Chinalco" (owned, whatever the talks).
      static const RE2* kOwnerClauseStart = new RE2(
          "^<(?:Company|Facility)#\\d+>, (?:which|who) (?:is|are|was|were) (?:[a-z-]+ )?(?:owned|"
          "controlled|run|operated|held) by\\b");
      // Nor is a site a company owns, named whole: "wants its Hermosa project in the US state of
      // Arizona to become …" (Hermosa is South32's, in the US, whatever South32 wants of it).
      static const RE2* kPossessedSite = new RE2("^(?:<Company#\\d+>'s )?<Facility#\\d+>");
      const absl::string_view before_match(tagged.data(), m.begin);
      const bool possessed_site =
          (rule.type == "LOCATED_IN" || rule.type == "OPERATES") &&
          RE2::PartialMatch(re2::StringPiece(tagged.data() + m.begin, tagged.size() - m.begin),
                            *kPossessedSite) &&
          (absl::StartsWith(absl::string_view(tagged).substr(m.begin), "<Company#") ||
           absl::EndsWith(before_match, "'s "));
      const bool described_end =
          possessed_site ||
          (rule.type == "LOCATED_IN" &&
           RE2::PartialMatch(re2::StringPiece(tagged.data() + m.begin, tagged.size() - m.begin),
                             *kAppositionStart)) ||
          ((rule.type == "HOLDS_STAKE" || rule.type == "OPERATES") &&
           RE2::PartialMatch(re2::StringPiece(tagged.data() + m.begin, tagged.size() - m.begin),
                             *kOwnerClauseStart));
      const size_t from = m.begin > 60 ? m.begin - 60 : 0;
      if ((!described_end &&
           RE2::PartialMatch(re2::StringPiece(tagged.data() + from, m.begin - from), *kGoverned)) ||
          RE2::PartialMatch(re2::StringPiece(tagged.data(), m.begin), *kConditional)) {
        drop = "governed by a negation or hypothetical before it";
      }
    }
    if (!drop.empty()) {
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, ", drop));
      continue;
    }
    // "the Rincon project in Argentina, which will produce …", "Songwe Hill project in southern
    // Malawi is planned to produce …": the place is a modifier of the facility, and the
    // relative clause or the verb that follows is about the facility.
    // Also "the Kokkola refinery, on Finland's west coast, is designed to …" and "the
    // Greentech plant at Grota do Cirilo, which Sigma operates, was built to …".
    // "POSCO of South Korea holds the remaining 3%": a country after a company's "of" places that
    // company, which is the subject.
    if (items[slot["subject"]].tag == "Country" && rendered.begin[slot["subject"]] >= 4 &&
        absl::EndsWith(absl::string_view(tagged).substr(0, rendered.begin[slot["subject"]]), "> of ")) {
      const size_t of = rendered.begin[slot["subject"]] - 4;
      for (size_t k = 0; k < items.size(); ++k) {
        if (rendered.end[k] == of && items[k].tag == "Company" && items[k].entity >= 0) {
          if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": subject is the company the country places"));
          slot["subject"] = static_cast<int>(k);
        }
      }
    }
    // "Norway's Equinor has taken a stake": a country owning a name kg does not know is that
    // name's country; the unknown company, not the country, is the subject.
    if (items[slot["subject"]].tag == "Country" &&
        rendered.end[slot["subject"]] < m.end) {
      static const RE2* kOwnsUnknownName =
          new RE2("^(?:'s|'|’s) (?:[a-z-]+ ){0,2}?[A-Z][\\w&-]*(?: [A-Z][\\w&-]*)* (?:[a-z]|<)");
      const absl::string_view after =
          absl::string_view(tagged).substr(rendered.end[slot["subject"]]);
      if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kOwnsUnknownName)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the country owns an unknown subject"));
        continue;
      }
    }
    // "Zijin Mining's subsidiary holds 38% of Kamoa": the possessed noun, not its possessor, is
    // the subject of the verb after it (not "CATL's recycling unit Brunp", which names it).
    if (rendered.end[slot["subject"]] < m.end) {
      static const RE2* kPossessedSubject = new RE2(
          "^(?:'s|'|’s) (?:[a-z-]+ ){0,2}?(?:subsidiary|subsidiaries|unit|units|arm|parent|"
          "partner|partners|affiliate|division|owner|owners|shareholders?|investors?|customers?|"
          "suppliers?|rival|lenders?|bankers?|chief executive|executives?|ceo|chairman|founder|"
          "management|board|venture|joint venture) (?:also |now |still |already |currently )?"
          "(?:has|have|had|holds|hold|held|owns|own|owned|is|are|was|were|will|would|bought|"
          "acquired|took|takes|invested|invests|agreed|signed|controls|supplies|supplied|sells|"
          "sold|produces|produced|buys)\\b");
      const absl::string_view after =
          absl::string_view(tagged).substr(rendered.end[slot["subject"]]);
      // "Novonix's main customer is Panasonic", "Albemarle's largest customers are LG Chem and
      // Panasonic": a copula naming the claim's other end says who the possessed noun is; the
      // possessor stays the subject.
      static const RE2* kNamesTheOther = new RE2(
          "^(?:'s|'|’s) (?:[a-z-]+ ){0,2}?[a-z]+ (?:is|are|was|were|will be|has been|have been|"
          "remains|remain|became|would be|is set to be|is expected to be|are expected to be) $");
      const bool names_other =
          slot.contains("object") &&
          rendered.begin[slot["object"]] > rendered.end[slot["subject"]] &&
          RE2::FullMatch(re2::StringPiece(tagged.data() + rendered.end[slot["subject"]],
                                          rendered.begin[slot["object"]] -
                                              rendered.end[slot["subject"]]),
                         *kNamesTheOther);
      if (!names_other &&
          RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kPossessedSubject)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the subject is what it possesses"));
        continue;
      }
    }
    // Whether the rule's `name` slot accepts item j's tag.
    auto accepts = [&](const char* name, int j) {
      auto types = rule.slot_types.find(name);
      return types != rule.slot_types.end() &&
             absl::StrContains(types->second, absl::StrCat("|", items[j].tag, "|"));
    };
    // The item `before` captures right before the subject when `after` matches right after
    // it; -1 otherwise.
    auto around_subject = [&](const RE2& before, const RE2& after) {
      const absl::string_view rest =
          absl::string_view(tagged).substr(rendered.end[slot["subject"]]);
      int j = -1;
      if (!RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[slot["subject"]]),
                             before, &j) ||
          !RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), after) || j < 0 ||
          static_cast<size_t>(j) >= items.size()) {
        return -1;
      }
      return j;
    };
    // Makes the entity the two patterns find around the subject the subject, when the rule's
    // slot accepts it; `why` (if any) goes to the trace.
    auto reassign_subject = [&](const RE2& before, const RE2& after, absl::string_view why) {
      const int j = around_subject(before, after);
      if (j < 0 || !accepts("subject", j)) return;
      if (tr && !why.empty()) {
        tr->notes.push_back(absl::StrCat(note_prefix, ": the subject is ",
                                         Entity(items[j].entity).name, ", ", why));
      }
      slot["subject"] = j;
    };
    // "Tenex, the Rosatom subsidiary that has sold uranium to Centrus": a name modifying
    // "subsidiary" in an apposition is the owner; the verb of the relative clause is the head's.
    {
      static const RE2* kHeadOfApposition =
          new RE2("<(?:Company|Government)#(\\d+)>, (?:the )?(?:[a-z-]+ )?$");
      static const RE2* kModifiesUnit = new RE2(
          "^ (?:[a-z-]+ ){0,2}?(?:subsidiary|unit|arm|affiliate|division|venture|joint venture) "
          "(?:that|which|who)\\b");
      reassign_subject(*kHeadOfApposition, *kModifiesUnit, "the head of the apposition");
    }
    // "Tesla sells cars in China and buys LFP cells from CATL": a place or partner named after a
    // preposition of the first verb is not the subject of the verb "and" adds; the first
    // verb's subject is. (The end a rule reads first is the clause's subject, whichever slot.)
    for (const char* name : {"subject", "object"}) {
      auto it = slot.find(name);
      if (it == slot.end() || rendered.begin[it->second] != m.begin ||
          !IsAgent(items[it->second].tag)) {
        continue;
      }
      // "Glencore invested $200 million in Li-Cycle through a convertible note in 2022 and agreed
      // to supply battery scrap to …": a sum or a date may stand in the first verb's phrase, and
      // a short phrase of its own after the name.
      static const RE2* kPrepositionOfVerb = new RE2(
          "<(?:Company|Government|Country)#(\\d+)>(?:, [^,;.]*,)? (?:[a-z-]+ |"
          "<(?:Commodity|MONEY|MASS|PERCENT|YEAR|DATE)#\\d+> ){1,5}?(?:in|to|from|with|at|for|"
          "across|into|on) (?:the )?$");
      static const RE2* kAndVerbAfter = new RE2(
          "^(?: (?:through|via|with|under|in|for|at|by) (?:[a-z-]+ |<(?:YEAR|DATE|MONEY)#\\d+> ?)"
          "{1,6}?)?,? and (?:also |then |now |still )?(?:[a-z]+s|agreed|signed|promised|pledged|"
          "committed)\\b");
      const size_t at = rendered.begin[it->second];
      const size_t end = rendered.end[it->second];
      int j = -1;
      if (RE2::PartialMatch(re2::StringPiece(tagged.data(), at), *kPrepositionOfVerb, &j) &&
          RE2::PartialMatch(re2::StringPiece(tagged.data() + end, tagged.size() - end),
                            *kAndVerbAfter) &&
          j >= 0 && static_cast<size_t>(j) < items.size() && accepts(name, j)) {
        if (tr) {
          tr->notes.push_back(absl::StrCat(note_prefix, ": the ", name, " is ",
                                           Entity(items[j].entity).name,
                                           ", the subject of the verb before \"and\""));
        }
        it->second = j;
      }
    }
    // "Vulcan Elements became the first U.S. company to supply the Pentagon": a country that
    // modifies a singular noun ("U.S. company") is no agent; the noun is, and it is the name the
    // copula before it describes. Without such a name there is no claim. (A plural, "U.S.
    // automakers depend on …", is the country's industry: the country, by the project's rule.)
    if (items[slot["subject"]].tag == "Country" && rendered.end[slot["subject"]] < m.end) {
      static const RE2* kModifiesNoun = new RE2(
          "^ (?:<Commodity#\\d+> |[a-z]+-[a-z]+ |(?:battery|mining|magnet|chemicals?|metals|energy|"
          "auto|car|steel|tech|technology|defen[cs]e|state|private|listed|rare earth) )?"
          "(?:company|firm|miner|producer|maker|group|refiner|manufacturer|supplier|start-up|"
          "startup|carmaker|automaker|developer|exporter|importer|processor|smelter)\\b");
      const size_t se = rendered.end[slot["subject"]];
      if (RE2::PartialMatch(re2::StringPiece(tagged.data() + se, tagged.size() - se),
                            *kModifiesNoun)) {
        static const RE2* kCopulaBefore = new RE2(
            "<(?:Company|Government|Facility)#(\\d+)>(?:, [^,;.]*,)? (?:became|becomes|is|was|"
            "has become|remains|remained|will become|would become|is now|was named|is set to "
            "become) (?:the|a|an|one of the|its) (?:[a-z-]+ ){0,2}?$");
        int j = -1;
        if (RE2::PartialMatch(
                re2::StringPiece(tagged.data(), rendered.begin[slot["subject"]]), *kCopulaBefore,
                &j) &&
            j >= 0 && static_cast<size_t>(j) < items.size() && accepts("subject", j)) {
          if (tr) {
            tr->notes.push_back(absl::StrCat(note_prefix, ": the subject is ",
                                             Entity(items[j].entity).name,
                                             ", which the country's noun describes"));
          }
          slot["subject"] = j;
        } else {
          if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the country modifies a noun"));
          continue;
        }
      }
    }
    const std::string& subject_tag = items[slot["subject"]].tag;
    if (subject_tag == "Country" || subject_tag == "Region" || subject_tag == "Facility") {
      static const RE2* kFacilityIn = new RE2(
          "<Facility#(\\d+)>,? (?:in|at|near|on) (?:[a-z-]+ )?(?:(?:\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?|<Region#\\d+>)(?: (?:province|state|region|county|district|prefecture))?(?:, | in ))?$");
      static const RE2* kVerbAfter = new RE2("^(?:'s [a-z -]+,)?(?:, which|,? (?:is|are|was|were|will|would|has|have|had|can|could|should|may|might|produces|produced|processes|processed|began|started|ships|shipped|supplies|supplied|employs|makes|made|reached|reaches|hit|achieved|holds|opened|exports|exported)\\b)");
      if (const int f = around_subject(*kFacilityIn, *kVerbAfter); f >= 0) slot["subject"] = f;
    }
    // "its new heavy rare earth circuit in Malaysia has capacity for 1,500 tonnes": a country
    // after "in" that no facility name precedes is the setting of an unnamed subject, not the
    // holder of a capacity or an output.
    if (rule.type == "HAS_CAPACITY" && items[slot["subject"]].tag == "Country" &&
        rendered.begin[slot["subject"]] == m.begin) {
      static const RE2* kSettingBefore = new RE2("[a-z] (?:in|at|near|outside) (?:the )?$");
      static const RE2* kHasAfter = new RE2("^ (?:has|had|will have|now has)\\b");
      const size_t se = rendered.end[slot["subject"]];
      if (RE2::PartialMatch(re2::StringPiece(tagged.data(), m.begin), *kSettingBefore) &&
          RE2::PartialMatch(re2::StringPiece(tagged.data() + se, tagged.size() - se), *kHasAfter)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the country is a setting"));
        continue;
      }
    }
    // "Albemarle runs a hydroxide plant in Western Australia and sells lithium to …": the object
    // of the first verb is not the subject of the second; the first verb's subject is.
    if (items[slot["subject"]].tag == "Facility") {
      static const RE2* kObjectOfVerb = new RE2(
          "<(?:Company|Government|Country)#(\\d+)>(?:, [^,;.]*,)?(?: [a-z-]+)? (?:runs|operates|owns|built|builds|"
          "opened|acquired|bought|controls|manages|developed|commissioned|completed) (?:a |an |the |its |"
          "their )?$");
      static const RE2* kAndVerb = new RE2("^(?: in <(?:Country|Region)#\\d+>)? and (?:also )?[a-z]+s\\b");
      reassign_subject(*kObjectOfVerb, *kAndVerb, "");
      // "Energy Fuels processed 850 tonnes of monazite at the White Mesa Mill in 2024 and made
      // 2,000 kilograms of NdPr oxide": the place of the first verb is not the subject of the
      // second; the first verb's subject is.
      static const RE2* kPlaceOfVerb = new RE2(
          "<(?:Company|Government|Country)#(\\d+)>(?: [a-z-]+)? (?:[a-z]+ed|[a-z]+s) "
          "(?:[^,;.<]|<(?:MASS|Commodity|PERCENT)#\\d+>)*? (?:at|in|from) (?:the |its |their )?$");
      static const RE2* kAndPastVerb = new RE2(
          "^(?: in <(?:YEAR|DATE)#\\d+>)? and (?:also |then )?(?:made|produced|turned out|refined|"
          "mined|shipped|poured|separated|makes|produces|refines|mines|ships)\\b");
      reassign_subject(*kPlaceOfVerb, *kAndPastVerb, "");
    }
    // "Stellantis owns 8% of Vulcan and is its second-largest shareholder": the company a stake
    // is in is not the subject of the verb "and" adds; the holder is.
    if (items[slot["subject"]].tag != "Facility") {
      static const RE2* kStakeBefore = new RE2(
          "<(?:Company|Government|Country)#(\\d+)>(?:, [^,;.]*,)?(?: [a-z-]+)? (?:owns|holds|has|"
          "controls|acquired|bought|took|retains) (?:a |an )?(?:[a-z]+ )?<PERCENT#\\d+> "
          "(?:(?:[a-z-]+ )?(?:stake|interest|holding|shareholding) in |of )$");
      static const RE2* kAndVerb = new RE2("^ and (?:also |is also |now )?(?:is|was|has|had|became|remains|holds|owns)\\b");
      reassign_subject(*kStakeBefore, *kAndVerb, "which holds a stake in the named one");
      // "Rusal owns Compagnie des Bauxites de Kindia and, after six idle years, restarted the
      // Friguia refinery": the company owned is not the subject of the verb "and" adds.
      static const RE2* kOwnedBefore = new RE2(
          "<(?:Company|Government|Country)#(\\d+)>(?:, [^,;.]*,)?(?: [a-z-]+)? (?:owns|owned|controls|"
          "controlled|acquired|bought|took over|runs|ran) $");
      static const RE2* kAndOwnVerb = new RE2(
          "^,? and,? (?:(?:after|in|since|with|following|through|under) [^,;.]*, )?(?:also |then |later |"
          "soon )?[a-z]+(?:ed|s)\\b");
      reassign_subject(*kOwnedBefore, *kAndOwnVerb, "which owns the named one");
    }
    // "The Greentech plant at Grota do Cirilo, which Sigma Lithium operates, was built to …":
    // the subject of a relative clause closed by a comma is not the subject of the main verb;
    // the noun the clause is about is.
    {
      static const RE2* kRelativeBefore = new RE2(
          "<(?:Facility|Company|Government|Country)#(\\d+)>(?: (?:at|in|near) [^,<]*)?, (?:which|that|whom) $");
      static const RE2* kClauseEnd = new RE2("^ (?:[a-z]+ ){0,2}?[a-z]+, [a-z]");
      const size_t clause_end = rendered.end[slot["subject"]] +
                                absl::string_view(tagged).substr(rendered.end[slot["subject"]]).find(',');
      if (const int head = around_subject(*kRelativeBefore, *kClauseEnd);
          head >= 0 && clause_end < m.end && accepts("subject", head)) {  // The verb is past it.
        slot["subject"] = head;
      }
      // "The joint venture, in which POSCO Holdings holds 82%, will produce …": when the noun
      // the clause is about is no name kg knows, the name inside the clause is still not the
      // subject of the verb after it; there is no claim for that name.
      static const RE2* kUnnamedRelative = new RE2(
          "(?:^|[^>\\s]) ?, (?:which|that|whom|whose|where|in which|of which|for which|from which) "
          "(?:[a-z-]+ ){0,3}$");
      static const RE2* kClauseThenVerb = new RE2(
          "^(?:[^,;.<]|<(?:MASS|PERCENT|MONEY|YEAR|DATE|Commodity)#\\d+>)*, (?:(?:also|now|still|"
          "already|currently|eventually) )?(?:is|are|was|were|will|would|has|have|had|can|produces|"
          "produced|makes|made|mines|mined|refines|refined|supplies|supplied|operates|runs)\\b");
      const size_t sb = rendered.begin[slot["subject"]];
      const size_t se = rendered.end[slot["subject"]];
      if (RE2::PartialMatch(re2::StringPiece(tagged.data(), sb), *kUnnamedRelative) &&
          RE2::PartialMatch(re2::StringPiece(tagged.data() + se, tagged.size() - se),
                            *kClauseThenVerb) &&
          clause_end + 2 < m.end) {  // The match goes on past the clause's closing comma.
        if (tr) {
          tr->notes.push_back(absl::StrCat(note_prefix,
                                           ": dropped, the subject is inside a relative clause"));
        }
        continue;
      }
    }
    // "Tanbreez, Critical Metals' rare earth project in Greenland, …": a described facility
    // (a name kg made from words like "rare earth project in Greenland") in apposition to a
    // named one is that facility.
    for (const char* name : {"subject", "object"}) {
      auto it = slot.find(name);
      if (it == slot.end() || it->second < 0 || items[it->second].tag != "Facility" ||
          items[it->second].entity < 0) {
        continue;
      }
      const std::string& described = Entity(items[it->second].entity).name;
      if (described.empty() || !absl::ascii_islower(static_cast<unsigned char>(described[0]))) {
        continue;
      }
      static const RE2* kNamedBefore = new RE2(
          "<Facility#(\\d+)>, (?:(?:the|a|an|its|their) |<[A-Za-z]+#\\d+>(?:'s|'|’s) )?$");
      int j = -1;
      if (RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[it->second]),
                            *kNamedBefore, &j) &&
          j >= 0 && static_cast<size_t>(j) < items.size() && items[j].entity >= 0) {
        if (tr) {
          tr->notes.push_back(absl::StrCat(note_prefix, ": ", described, " is ",
                                           Entity(items[j].entity).name, ", named before it"));
        }
        it->second = j;
      }
    }
    // "Orrin Mining (owner of the Tessel mine) sold copper to Glencore": a name inside brackets
    // that close before the rule's verb is an aside; the subject is the name right before the
    // bracket. With no name there ("its two owners (Glencore and Zijin) sell …") the bracket
    // names the subject, which stays.
    if (slot.contains("subject") && rendered.end[slot["subject"]] < m.end) {
      static const RE2* kNameBeforeAside =
          new RE2("<(?:Company|Government|Country|Facility)#(\\d+)> \\([^()]*$");
      static const RE2* kAsideCloses = new RE2("^[^()]*\\)");
      const size_t se = rendered.end[slot["subject"]];
      // The bracket closes inside the match: the verb is outside it.
      if (RE2::PartialMatch(re2::StringPiece(tagged.data() + se, m.end - se), *kAsideCloses)) {
        reassign_subject(*kNameBeforeAside, *kAsideCloses, "named before the brackets");
      }
    }
    // "The Kamoto mine, operated by Kamoto Copper Company in the DRC, has a design capacity
    // of …", "The Tanco mine in Manitoba, owned by Sinomine, produces caesium": a name inside a
    // participial apposition is not the subject of the verb after the apposition; the noun
    // before it is.
    if (items[slot["subject"]].tag != "Facility") {
      // Or a site's place: "The mine, high in the Andes of southern Peru, produced …".
      static const RE2* kParticipleBefore = new RE2(
          "<(?:Facility|Company)#(\\d+)>(?:(?: (?:at|in|near) (?:[^,<]|<(?:Region|Country)#\\d+>)*"
          "(?:, <(?:Region|Country)#\\d+>)?)?, (?:(?:owned|built|developed|"
          "financed) and )?(?:operated|owned|run|built|developed|managed|controlled|backed|"
          "majority-owned|wholly owned|part-owned|partly owned|jointly owned|located|situated|"
          "based|headquartered|acquired|bought|funded|financed|founded|spun off) (?:<PERCENT#\\d+> )?"
          "(?:by|with|in|at|near|from) (?:[^,;.<]|<[A-Za-z]+#\\d+>)*"
          // Shares of several owners: "owned 46.7% by Ganfeng Lithium, 44.8% by Lithium Argentina
          // and 8.5% by … JEMSE, produced …".
          "(?:, <PERCENT#\\d+> by (?:[^,;.<]|<[A-Za-z]+#\\d+>)*)*|, (?:(?:high|deep|far|just|perched|nestled|"
          "tucked away|set|lying|sitting) )?(?:up |out |away )?(?:in|at|near|on|off|outside|north "
          "of|south of|east of|west of) (?:[^,;.<]|<(?:Region|Country)#\\d+>)*)$");
      // "Kamoto Copper Company, owned by Glencore, supplies cobalt to Umicore": a supply or
      // trade verb after the apposition is the noun's too.
      static const RE2* kVerbAfterComma = new RE2(
          "^(?: (?:in|since|on) <(?:YEAR|DATE)#\\d+>)?, (?:(?:also|now|still|already|currently) )?"
          "(?:is|are|was|were|will|would|has|have|"
          "had|can|produces|produced|processes|processed|makes|made|mines|mined|refines|refined|"
          "supplies|supplied|sells|sold|ships|shipped|exports|exported|delivers|delivered|"
          "provides|provided|buys|bought|imports|imported|sources|sourced|agreed|signed)\\b");
      // (Only when the rule reads on past the apposition: "BTR, controlled by China Baoan Group,
      // has been …" read up to the group says who controls BTR.)
      if (m.end > rendered.end[slot["subject"]]) {
        reassign_subject(*kParticipleBefore, *kVerbAfterComma, "before the participial apposition");
      }
    }
    // "exports of some lithium battery materials": a commodity right before another one is its
    // modifier; the restriction is of the second.
    if (rule.type == "RESTRICTS_EXPORT" && slot.contains("object") &&
        items[slot["object"]].tag == "Commodity") {
      const int from = slot["object"];
      for (size_t j = 0; j < items.size(); ++j) {
        if (items[j].tag == "Commodity" && rendered.begin[j] == rendered.end[from] + 1 &&
            tagged[rendered.end[from]] == ' ') {
          if (tr) {
            tr->notes.push_back(absl::StrCat("modifier: ", rule.id, " object ",
                                             Entity(items[from].entity).name, " modifies ",
                                             Entity(items[j].entity).name));
          }
          slot["object"] = static_cast<int>(j);
          break;
        }
      }
    }
    // "US$150 million for Freeport-McMoRan's cobalt refinery at Kokkola": a match that ends on
    // a possessor is about what the possessor owns. The next end of an allowed type in the
    // same noun phrase is the object ("China's CATL", "X's Kokkola refinery").
    if (slot.contains("object") && rendered.end[slot["object"]] == m.end) {
      const absl::string_view after = absl::string_view(tagged).substr(m.end);
      if (PossessiveAt(after, 0)) {
        const int from = slot["object"];
        for (size_t j = 0; j < items.size(); ++j) {
          const size_t at = rendered.begin[j];
          if (at <= m.end || at - m.end > 48 || items[j].entity < 0) continue;
          const absl::string_view between = absl::string_view(tagged).substr(m.end, at - m.end);
          if (between.find_first_of(",;.") != absl::string_view::npos) continue;
          // Allowed: the tag types the rule's object slot accepts.
          if (!accepts("object", static_cast<int>(j))) continue;
          // "Chinalco's own refineries in China": where an owner's plants stand is not what it
          // owns; the owner stays the object.
          if (items[j].tag == "Country" && items[from].tag != "Country") break;
          if (tr) {
            tr->notes.push_back(absl::StrCat("possessor: ", rule.id, " object ",
                                             Entity(items[from].entity).name, " owns ",
                                             Entity(items[j].entity).name, ", which is the object"));
          }
          slot["object"] = static_cast<int>(j);
          break;
        }
      }
      // "a 30% stake in Rusnano's battery unit": a stake in a part of the possessor that has no
      // name of its own is no stake in the possessor; the part is left unnamed.
      static const RE2* kUnnamedPart = new RE2(
          "^(?:'s|'|’s) (?:[a-z-]+ |<(?:Commodity|Demonym|Country)#\\d+> ){0,3}?(?:unit|units|"
          "business|businesses|division|arm|subsidiary|operations|assets|mines?|projects?|"
          "plants?|refinery|smelter|deposits?|venture|joint venture)\\b");
      const int owner = slot["object"];
      if (rule.type == "HOLDS_STAKE" && rendered.end[owner] == m.end &&
          RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kUnnamedPart)) {
        if (tr) {
          tr->notes.push_back(absl::StrCat("possessor: ", rule.id, " stake is in a part of ",
                                           Entity(items[owner].entity).name, ", left unnamed"));
        }
        slot.erase("object");
      }
      // "sold lithium to Tesla's suppliers", "invested in CATL's rivals": the counterpart is an
      // unnamed party related to the possessor, not the possessor; no claim.
      static const RE2* kRelatedParty = new RE2(
          "^(?:'s|'|’s) (?:[a-z-]+ ){0,2}?(?:suppliers?|customers?|clients?|rivals?|competitors?|"
          "peers?|contractors?|subcontractors?|partners?|vendors?|shareholders?|investors?|"
          "lenders?|creditors?|buyers?|sellers?)\\b");
      if (slot.contains("object") && slot["object"] == owner &&
          rendered.end[owner] == m.end &&
          RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *kRelatedParty)) {
        if (tr) {
          tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the counterpart is a party ",
                                           "related to ", Entity(items[owner].entity).name));
        }
        continue;
      }
    }
    // "a ban on exports of rare earth processing technology", "lithium processing equipment":
    // what is restricted or made is the technology or the machines, not the good named before
    // them; no claim of the good.
    if (slot.contains("object") && items[slot["object"]].tag == "Commodity" &&
        (rule.type == "RESTRICTS_EXPORT" || rule.type == "PRODUCES" ||
         rule.type == "HAS_CAPACITY")) {
      static const RE2* kTechnology = new RE2(
          "^ (?:(?:processing|extraction|separation|refining|smelting|mining|magnet-making|"
          "production|recycling|battery) )?(?:technology|technologies|equipment|machinery|"
          "know-how|expertise|tools|techniques)\\b");
      const size_t oe = rendered.end[slot["object"]];
      if (RE2::PartialMatch(re2::StringPiece(tagged.data() + oe, tagged.size() - oe),
                            *kTechnology)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the good's technology"));
        continue;
      }
    }
    int subject = slot["subject"];
    int object = slot.contains("object") ? slot["object"] : -1;
    // Production, capacity and export restrictions are of a commodity: none named, no claim.
    if (object < 0 && (rule.type == "PRODUCES" || rule.type == "HAS_CAPACITY" ||
                       rule.type == "RESTRICTS_EXPORT")) {
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, no commodity"));
      continue;
    }
    if (object >= 0 && items[object].entity == items[subject].entity) {
      // A reference that makes the claim reflexive ("LG … is one of its customers") means its
      // runner-up antecedent: the later of the two ends takes it.
      const int later = rendered.begin[object] > rendered.begin[subject] ? object : subject;
      const int earlier = later == object ? subject : object;
      const int alt = items[later].alt >= 0 ? items[later].alt : items[earlier].alt;
      const int which = items[later].alt >= 0 ? later : earlier;
      // (Not a buyer's own goods: "Mt. Holly, which has long bought most of its raw material on
      // the open market" names no supplier.)
      static const RE2* kOwnGoods = new RE2(
          "^(?:'s|') (?:[a-z-]+ )?(?:raw materials?|ore|concentrates?|feedstock|needs|supplies|"
          "inputs|requirements|<Commodity#\\d+>)");
      const bool own_goods =
          (rule.type == "SUPPLIES" || rule.type == "DEPENDS_ON") &&
          RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[which],
                                             tagged.size() - rendered.end[which]),
                            *kOwnGoods);
      // ("it"/"its" may mean any agent: "an $8.9 billion investment that gives it a 9.9% stake in
      // the company" is the government's.)
      const std::string surface = absl::AsciiStrToLower(
          s.text.substr(items[which].begin, items[which].end - items[which].begin));
      const bool pronoun = (surface == "it" || surface == "its") && alt >= 0 &&
                           IsAgent(Entity(alt).label);
      if (alt < 0 || own_goods || alt == items[which == later ? earlier : later].entity ||
          (Entity(alt).label != items[which].tag && !pronoun)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, subject is object"));
        continue;
      }
      Item swapped = items[which];
      swapped.entity = alt;
      swapped.tag = Entity(alt).label;
      swapped.alt = -1;
      items.push_back(swapped);
      rendered.begin.push_back(rendered.begin[which]);
      rendered.end.push_back(rendered.end[which]);
      (which == subject ? subject : object) = static_cast<int>(items.size()) - 1;
      if (tr) {
        tr->notes.push_back(absl::StrCat(note_prefix, ": reference taken as ", Entity(alt).name,
                                         ", not its own object"));
      }
    }
    // "LG … signed a supply agreement with Sayona for concentrate from Sayona's operation": goods
    // from the buyer's own site make the buyer the seller; this reading has the ends reversed.
    if (rule.type == "SUPPLIES" && object >= 0 && items[object].entity >= 0) {
      static const RE2* kFromOwner = new RE2("\\bfrom <(?:Company|Government)#(\\d+)>(?:'s|')");
      re2::StringPiece rest(window.data(), window.size());
      size_t owner = 0;
      bool reversed = false;
      while (!reversed && RE2::FindAndConsume(&rest, *kFromOwner, &owner)) {
        reversed = owner < items.size() && items[owner].entity == items[object].entity;
      }
      if (reversed) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the goods are the buyer's own"));
        continue;
      }
    }
    if ((!rule.subject_is.empty() || !rule.subject_not.empty()) && items[subject].entity >= 0) {
      const std::string& name = Entity(items[subject].entity).name;
      bool is = rule.subject_is.empty();
      for (const auto& re : rule.subject_is) is |= RE2::PartialMatch(name, *re);
      bool isnt = true;
      for (const auto& re : rule.subject_not) isnt &= !RE2::PartialMatch(name, *re);
      if (!is || !isnt) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, subject ", name));
        continue;
      }
    }
    // "sends its concentrate to the port of Bunbury": goods shipped through a port are not sold
    // to it; a port is no customer (unless the rule reads equipment for the site: "customer site").
    if (rule.type == "SUPPLIES" && !rule.site_customer && object >= 0 && items[object].entity >= 0 &&
        items[object].tag == "Facility") {
      static const RE2* kPortName = new RE2("(?i)^(?:port|harbou?r) of |[ ](?:port|harbou?r)$");
      const std::string& name = Entity(items[object].entity).name;
      if (RE2::PartialMatch(name, *kPortName)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, a port (", name, ") is no customer"));
        continue;
      }
    }
    // "a plant in Sumter, South Carolina": the sentence places the site in a state; its country
    // is what the reader knows, not what the source says (the seed's gold keeps such inferences
    // optional). A LOCATED_IN reached only through a region needs the country in the sentence:
    // in the region's own name ("Western Australia"), or named or described on its own
    // ("in Michigan, … in the United States", "the Brazilian state of Minas Gerais").
    if (rule.type == "LOCATED_IN" && object >= 0 && items[object].tag == "Region" &&
        !CountryStated(s, items, object)) {
      if (tr) {
        tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, ",
                                         Entity(items[object].entity).name,
                                         " is only implied by a region"));
      }
      continue;
    }
    // "Arafura signed an offtake with Hyundai": the end further down the value chain buys.
    if (rule.by_downstream && object >= 0) {
      auto tier = [&](int idx) {
        auto it = x_.tiers_.find(items[idx].entity);
        return it == x_.tiers_.end() ? 0 : it->second;
      };
      const int ts = tier(subject), to = tier(object);
      if (ts == to) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, no end further downstream"));
        continue;
      }
      if (ts > to) {
        std::swap(subject, object);
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": downstream end taken as the buyer"));
      }
    }
    ValueMap props;
    auto put_quantity = [&](const char* name, int idx) {
      const Quantity& q = qs[items[idx].quantity];
      props[name] = DecimalValue(q.value);
      if (std::string(name) != "percent") props[absl::StrCat(name, "_unit")] = q.unit;
      if (q.max) {
        props[std::string(name) == "percent" ? "percent_max" : absl::StrCat(name, "_max")] =
            DecimalValue(*q.max);
      }
      if (!q.approx.empty()) props["approx"] = q.approx;
      if (q.annual) props["annual"] = true;
    };
    if (slot.contains("amount") && items[slot["amount"]].quantity >= 0) {
      put_quantity("amount", slot["amount"]);
    }
    if (slot.contains("quantity") && items[slot["quantity"]].quantity >= 0) {
      put_quantity("quantity", slot["quantity"]);
    }
    if (slot.contains("percent") && items[slot["percent"]].quantity >= 0) {
      put_quantity("percent", slot["percent"]);
    }
    int period = slot.contains("period") ? slot["period"] : -1;
    // The sentence's one year dates what happened, not where a site is nor who runs it:
    // "Australia's Greenbushes mine produced 1.4 Mt in 2023" gives no LOCATED_IN of 2023, "CMOC
    // runs Tenke Fungurume, which produced 114,000 t in 2024" no OPERATES of 2024.
    // Not across a shift in time: "… in 2023, two years after Ford had put $50 million into
    // the company" (the investment is not of 2023).
    static const RE2* kTimeShift = new RE2(
        "\\b(?:[a-z]+|\\d+) (?:years?|months?|decades?) (?:after|before|earlier|later)\\b");
    // Nor a year inside a relative clause on a beginning that the match reads past: "The mine,
    // which opened in 2017 after K+S had spent about C$4.1 billion on it, extracts potash" (the
    // year is the opening's).
    // Only a clause on the site's or company's own beginning ("which opened in 2017"); "Sojitz,
    // which took part in Lynas' 2023 capital raising, put in A$50 million" dates the claim.
    auto in_passed_clause = [&](size_t yb) {
      static const RE2* kOwnStart = new RE2(
          "^, (?:which|that) (?:was |were |has been )?(?:opened|began|started|founded|discovered|"
          "built|commissioned|established|formed|set up|created|listed|restarted|reopened|resumed)"
          "\\b[^,;.]*$");
      const size_t open = tagged.rfind(", ", yb);
      const size_t close = tagged.find(',', yb);
      return open != std::string::npos && open >= m.begin && close != std::string::npos &&
             close < m.end &&
             RE2::PartialMatch(re2::StringPiece(tagged.data() + open, close - open), *kOwnStart);
    };
    // Nor a year in a clause that a conjunction joins after the match: "Mongolia relies on China
    // for more than 90% of its export earnings, and a closed border in 2022 drained the budget",
    // "relies on China for half of its tungsten and has had no working mine since 2015".
    static const RE2* kLaterClause = new RE2(
        ", (?:and|but|while|whereas|although|though) |[;；]| (?:and|but) (?:has|have|had|is|are|was|were) ");
    auto in_later_clause = [&](size_t yb) {
      return yb >= m.end &&
             RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, yb - m.end), *kLaterClause);
    };
    if (period < 0 && years == 1 && rule.type != "LOCATED_IN" && rule.type != "OPERATES") {
      const size_t yb = rendered.begin[year_item];
      const size_t lo = std::min(yb, m.begin), hi = std::max(yb, m.begin);
      if (!RE2::PartialMatch(re2::StringPiece(tagged.data() + lo, hi - lo), *kTimeShift) &&
          !in_passed_clause(yb) && !in_later_clause(yb)) {
        period = year_item;
      }
    }
    // With several years, the one right after the match dates it: "bought 51% of the Piraeus Port
    // Authority from Greece's privatisation fund for €280.5 million in 2016, and it raised its
    // holding to 67% in October 2021" (2016 for the purchase, October 2021 for the raise); else
    // the one right before it, opening its clause: "China began requiring export licences for
    // antimony on September 15, 2024, and in December 2024 it banned antimony shipments".
    if (period < 0 && years >= 2 && rule.type != "LOCATED_IN" && rule.type != "OPERATES") {
      static const RE2* kYearRightAfter = new RE2(
          "^(?: (?:from|for|to|by|with|at|of|the|a|an|<(?:MONEY|Government|Company|Country)#\\d+>)){0,4}? "
          "?(?:in|on) <(?:YEAR|DATE)#(\\d+)>");
      // (Or right after a match that ends in the preposition: "raised its holding to 67% in".)
      static const RE2* kYearJustAfter = new RE2("^ <(?:YEAR|DATE)#(\\d+)>");
      static const RE2* kYearRightBefore = new RE2(
          "(?:^|, |; |, and |\\band )(?:[Ii]n|[Oo]n|[Bb]y) <(?:YEAR|DATE)#(\\d+)>,? $");
      const absl::string_view read = absl::string_view(tagged).substr(0, m.end);
      const re2::StringPiece after(tagged.data() + m.end, tagged.size() - m.end);
      // Or the date of the saying the match reads past: "Siemens Energy, …, said in February 2024
      // that it would spend about $150 million on …, where production was due to start in 2026".
#define KG_SAID_ON                                                                           \
  "\\b(?:said|announced|disclosed|confirmed|decided|agreed|pledged|committed) (?:in|on) " \
  "<(?:YEAR|DATE)#(\\d+)>,? (?:that )?"
      static const RE2* kSaidOn = new RE2(KG_SAID_ON
                                          "(?:<[A-Za-z]+#\\d+> |it |they )?(?:would|will|was to|is to|"
                                          "planned to|plans to|had|has)\\b");
      static const RE2* kSaidOnBefore = new RE2(KG_SAID_ON "$");
#undef KG_SAID_ON
      // Or the one year the match itself holds, outside a clause on a beginning it reads past:
      // "which bought …'s transformer plant in Memphis, Tennessee, for $46.5 million in 2020".
      int inside = -1, inside_count = 0;
      for (size_t k = 0; k < items.size(); ++k) {
        if ((items[k].tag == "YEAR" || items[k].tag == "DATE") && rendered.begin[k] >= m.begin &&
            rendered.end[k] <= m.end && !in_passed_clause(rendered.begin[k])) {
          inside = static_cast<int>(k);
          ++inside_count;
        }
      }
      int j = -1;
      // (A restriction's start date right after the match dates it too: "will also stop exports
      // of lithium concentrate from January 2027"; a supply's start is no date of its deal.)
      static const RE2* kStartRightAfter =
          new RE2("^ (?:from|starting|starting in|beginning in|as of|effective) <(?:YEAR|DATE)#(\\d+)>");
      const bool found =
          RE2::PartialMatch(after, *kYearRightAfter, &j) ||
          (rule.type == "RESTRICTS_EXPORT" && RE2::PartialMatch(after, *kStartRightAfter, &j)) ||
          RE2::PartialMatch(re2::StringPiece(tagged.data() + m.begin, m.end - m.begin), *kSaidOn, &j) ||
          RE2::PartialMatch(re2::StringPiece(tagged.data(), m.begin), *kSaidOnBefore, &j) ||
          (inside_count == 1 && (j = inside) >= 0) ||
          ((absl::EndsWith(read, " in") || absl::EndsWith(read, " on")) &&
           RE2::PartialMatch(after, *kYearJustAfter, &j)) ||
          RE2::PartialMatch(re2::StringPiece(tagged.data(), m.begin), *kYearRightBefore, &j);
      if (found && j >= 0 && static_cast<size_t>(j) < items.size()) period = j;
    }
    if (period >= 0 && items[period].quantity >= 0) {
      props["period"] = qs[items[period].quantity].text_value;
    }
    // "…in 2024, down from 41,300 tonnes a year earlier": a literal `prior_year` dates the figure
    // the year before the sentence's one year; with no such year, the claim has no period.
    if (literal.contains("prior_year")) {
      props.erase("period");
      int year = 0;
      if (years == 1 && items[year_item].quantity >= 0 &&
          absl::SimpleAtoi(absl::string_view(qs[items[year_item].quantity].text_value).substr(0, 4),
                           &year) &&
          year > 1) {
        props["period"] = absl::StrCat(year - 1);
      }
    }
    if (slot.contains("commodity") && items[slot["commodity"]].entity >= 0) {
      props["commodity"] = Entity(items[slot["commodity"]].entity).name;
    }
    if (literal.contains("stage")) props["stage"] = NormalizeStage(literal["stage"]);
    if (literal.contains("rank")) props["rank"] = NormalizeRank(literal["rank"]);
    if (literal.contains("basis")) props["basis"] = NormalizeBasis(literal["basis"]);
    // A share written as a bare number, one side of a ratio ("owned 75:25 by A and B").
    if (int64_t share = 0; literal.contains("share") && absl::SimpleAtoi(literal["share"], &share) &&
                           share > 0 && share <= 100) {
      props["percent"] = Value(share);
    }
    // "will take all of the lithium carbonate produced at Thacker Pass", "全部": the whole of a
    // supplier's output is 100% of it.
    if (literal.contains("whole") && !props.contains("percent")) {
      props["percent"] = Value(int64_t{100});
      if (!props.contains("basis")) props["basis"] = "output";
    }
    if (literal.contains("instrument")) {
      props["instrument"] = NormalizeInstrument(literal["instrument"]);
    }
    for (const auto& [k, v] : rule.set) {
      int64_t n = 0;
      double d = 0;
      // Numbers stay numbers: "set percent=100", "set percent=66.67".
      props[k] = absl::SimpleAtoi(v, &n)                                  ? Value(n)
                 : absl::SimpleAtod(v, &d) && std::isfinite(d) &&
                           v.find_first_not_of("0123456789.") == std::string::npos ? Value(d)
                                                                                  : Value(v);
    }
    if (!status.empty() && !props.contains("status")) props["status"] = status;
    // "will produce 60,000 tonnes a year", "can produce up to 350,000 tonnes a year": a rate
    // not yet (or not necessarily) reached is a capacity, not output.
    std::string type = rule.type;
    static const RE2* kAble = new RE2("(?i)\\b(?:can|is able to|will be able to)\\b");
    static const RE2* kAYear = new RE2("^ (?:a|per|each|every) year\\b|^ annually\\b");
    const bool annual =
        props.contains("annual") ||
        RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, tagged.size() - m.end), *kAYear);
    // (Not an average: "about 500,000 tonnes of copper a year on average from 2028 to 2036" is
    // output, planned or not; produce.expected states it beside the capacity kf.field_planned
    // reads.)
    static const RE2* kOnAverage = new RE2("^[^.;]{0,30}?\\bon average\\b");
    const bool averaged =
        RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, tagged.size() - m.end), *kOnAverage);
    if (type == "PRODUCES" && annual && !averaged && !rule.rate_is_output &&
        (status == "planned" ||
         RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *kAble))) {
      type = "HAS_CAPACITY";
      // "plans to mine about 103,000 tonnes of graphite concentrate a year at its Matawinie
      // project": the planned rate is the facility's.
      static const RE2* kAtFacility = new RE2(
          "^(?: (?:a|per|each|every) year| annually)? (?:at|from) (?:its |the |their |"
          "<[A-Za-z]+#\\d+>(?:'s|') )?<Facility#(\\d+)>");
      int f = -1;
      if (items[subject].tag == "Company" &&
          RE2::PartialMatch(re2::StringPiece(tagged.data() + m.end, tagged.size() - m.end),
                            *kAtFacility, &f) &&
          f >= 0 && static_cast<size_t>(f) < items.size() &&
          // A facility named only by its description ("its alumina refinery in Greece") is
          // no named holder: the company keeps the figure.
          !absl::StrContains(Entity(items[f].entity).name, " in ")) {
        subject = f;
      }
    }
    // A stake whose held name runs on into a capitalized word the gazetteer left out ("owns
    // 50.1% of <Anglo American> Sur", "63% of <Serbia> <Zijin> Copper") is in a company kg did
    // not recognise: no claim rather than one in the wrong company.
    if (type == "HOLDS_STAKE" && object >= 0) {
      static const RE2* kCutName = new RE2("^ (?:[A-Z][a-z][\\w-]*|&|<(?:Company|Facility)#)");
      static const RE2* kFunctionWord = new RE2(
          "^ (?:In|On|At|By|For|From|And|Or|But|As|With|To|The|A|An|Of|After|Before|Since|Until|"
          "Ltd|Limited|Inc|Corp|Corporation|Plc|PLC|AG|SA|NV|LLC|Co|Group|Holdings)\\b");
      const re2::StringPiece after(tagged.data() + rendered.end[object],
                                   tagged.size() - rendered.end[object]);
      if (RE2::PartialMatch(after, *kCutName) && !RE2::PartialMatch(after, *kFunctionWord)) {
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the held name runs on into an unrecognised word"));
        continue;
      }
    }
    // "its alumina refinery in Greece" is in Greece by its name: the claim would repeat it.
    if (type == "LOCATED_IN" && subject >= 0 && object >= 0 && items[subject].entity >= 0 &&
        items[object].entity >= 0 &&
        absl::EndsWith(Entity(items[subject].entity).name,
                       absl::StrCat(" in ", Entity(items[object].entity).name))) {
      if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": dropped, the site's name says where it is"));
      continue;
    }
    static const RE2* kRest = new RE2(
        "(?i)(\\bthe (?:rest|remainder|remaining|balance)\\b|\\bthe other (?:<PERCENT#\\d+>|half)|其余|剩余|其他股份)");
    static const RE2* kVentureWord = new RE2("(?i)\\b(?:joint venture|venture|JV|partnership)\\b");
    // (Also when a fallback named the nearest company: "South32 holds 60% of South Africa
    // Manganese, the venture that runs the Hotazel mines, while Anglo American holds the remaining
    // 40%" is of South Africa Manganese, when the sentence names a stake before.)
    // "the rest of the venture" is a stake in a venture; a venture named before the rest phrase
    // belongs to another clause.
    re2::StringPiece rest_at;
    const bool rest_word =
        RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *kRest, &rest_at);
    const absl::string_view from_rest =
        rest_word ? absl::string_view(rest_at.data(), window.data() + window.size() - rest_at.data())
                  : absl::string_view();
    const bool rest = type == "HOLDS_STAKE" && (object < 0 || object_fallback) && rest_word &&
                      !RE2::PartialMatch(re2::StringPiece(from_rest.data(), from_rest.size()), *kVentureWord);
    // A Chinese stake with nothing held named ("淡水河谷基本金属持股约33.9%", "A、B和C各持股20.33%")
    // is of the company of the stake just before (in the sentence, else the previous one); an
    // unnamed venture or business ("持有合资公司51%的股份", "收购X在巴西的铌、磷业务") is what is held.
    static const RE2* kUnnamedVenture = new RE2("合资|合营|新公司|业务|资产");
    // So is a purchase of "this stake": "天齐以约41亿美元从Nutrien手中买下了这部分股权".
    static const RE2* kThatStake = new RE2(
        "(?:这部分|该部分|上述|这笔|这些)(?:股权|股份|权益)|\\b(?:that|this) (?:stake|holding|"
        "shareholding|interest)\\b");
    const bool elliptic =
        (type == "HOLDS_STAKE" && object < 0 && !rest &&
         HasHan(absl::string_view(window.data(), window.size())) &&
         !RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *kUnnamedVenture)) ||
        (type == "INVESTS_IN" && object < 0 &&
         RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *kThatStake)) ||
        // So is the stake of a rule that says so (`held before`: "The purchases made Hancock the
        // largest shareholder", after a sentence on its stake in Liontown).
        (type == "HOLDS_STAKE" && object < 0 && !rest && rule.object_held_before);
    if (source_index >= 0) {
      // The deal's status and date are the claim's it reads ("…, and JFE Steel US$360 million
      // for 10%": planned as Nippon Steel's "will pay").
      for (const char* k : {"status", "period"}) {
        if (auto v = candidates[source_index].props.find(k); v != candidates[source_index].props.end()) {
          props.try_emplace(k, v->second);
        }
      }
      // A whole stake bought is a takeover (SPEC §2).
      auto share = candidates[source_index].props.find("percent");
      auto instrument = props.find("instrument");
      if (share != candidates[source_index].props.end() && share->second == Value(int64_t{100}) &&
          instrument != props.end() && instrument->second == Value("equity")) {
        instrument->second = Value("acquisition");
      }
      // What a claim implies adds its figures to the same claim read already ("Rio Tinto
      // acquired Arcadium for $6.7 billion": the takeover gains the sum), rather than making a
      // second one.
      auto read = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) {
        return c.type == type && c.rule->ends_from.empty() && c.object >= 0 && object >= 0 &&
               items[c.subject].entity == items[subject].entity &&
               items[c.object].entity == items[object].entity;
      });
      if (read != candidates.end()) {
        for (const auto& [k, v] : props) read->props.try_emplace(k, v);
        if (tr) tr->notes.push_back(absl::StrCat(note_prefix, ": adds its figures to ", read->rule->id));
        continue;
      }
    }
    if (second_object >= 0) {
      candidates.push_back(Candidate{&rule, type, subject, second_object, props, m.end - m.begin,
                                     object_fallback, rest, elliptic, m.end,
                                     static_cast<int>(candidates.size()), source_index});
    }
    candidates.push_back(Candidate{&rule, type, subject, object, std::move(props),
                                   m.end - m.begin, object_fallback, rest, elliptic, m.end,
                                   static_cast<int>(candidates.size()), source_index});
    if (tr) {
      tr->notes.push_back(absl::StrCat(note_prefix, ": candidate ", type, " ",
                                       Entity(items[subject].entity).name, " -> ",
                                       object >= 0 ? Entity(items[object].entity).name : "(none)"));
    }
  }

  // Coordination: "A and B invested …" gives each subject the claim; "… to A and B" each object.
  std::vector<Candidate> expanded;
  // `members`: also the members listed after "including" (only for a claim with no figure,
  // since a figure belongs to the whole class: "5,500 t of oxides, including NdPr").
  // `other`: the claim's other end, when known.
  auto coordinated = [&](int idx, bool before, bool members = false, int other = -1) {
    std::vector<int> out;
    // The connector right before the claim's own subject must be "and"/"or" ("A, B and C
    // invested", "Sojitz and the state-backed JOGMEC agreed"); further back, commas continue
    // the list. "In Australia, Tianqi holds" is no list.
    // Commodities too, for an object named first ("Tungsten, bismuth and indium were added to
    // China's export control list").
    static const RE2* kBeforeFirst =
        new RE2("(?:<(?:Company|Government|Country|Commodity|Facility)#(\\d+)>"
                // "JOGMEC, the state minerals agency, and the industrial gas supplier Iwatani";
                // "Ingas, a purifier in the port city of Mariupol, Ukraine, and Cryoin".
                // "PowerCo, Volkswagen's battery company, and Umicore each own half of IONWAY".
                "(?:, (?:the|a|an|<(?:Company|Government|Country)#\\d+>'s) [a-z][a-z -]{0,40}(?:<(?:Region|Country)#\\d+>(?:, "
                "<(?:Region|Country)#\\d+>)?)?,)?(?: and|, and| or|, or|和|与|及|、) ?"
                "(?:the (?:[a-z]+-(?:backed|owned|run|controlled|listed|based|funded) |"
                // "PowerCo and the Belgian materials group Umicore each hold 50%".
                "<Demonym#\\d+> (?:[a-z-]+ ){0,2}(?:group|company|miner|firm|maker|producer|"
                "carmaker|trader|investor|fund) |"
                "(?:[a-z-]+ ){1,3}(?:group|company|miner|firm|maker|producer|carmaker|trader|"
                "investor|fund|supplier|agency|bank|house) )?)?)$");
    static const RE2* kBefore =
        new RE2("(?:<(?:Company|Government|Country|Commodity|Facility)#(\\d+)>(?:,|、) ?)$");
    // "backed by A and B, and by C" (or ", as well as by C"): a repeated "by" goes on with the list; so do "from" and
    // "to" ("buys cells from CATL and from BYD", "sells lithium to Ford and to LG").
    // "operates Voisey's Bay in Newfoundland and Labrador and the Sudbury complex": a facility's
    // place may stand between.
    // ("runs the Donskoy mine in Khromtau, in the Aktobe region, as well as the Aksu plant": a
    // town and its region too.)
    // ("operates the Mufulira smelter and refinery and the Nkana mine": a second head of the
    // same site may stand between.)
    static const RE2* kAfter = new RE2(
        "^(?: and (?:refinery|smelter|concentrator|mill|port))?"
        "(?: in (?:<(?:Country|Region)#\\d+>|[A-Z][\\w-]+)(?:, in the (?:<Region#\\d+>|[A-Z][\\w-]+) "
        "(?:region|province|state|district|oblast|county|prefecture))?|"
        " (?:north|south|east|west|north-east|north-west|south-east|"
        "south-west|northeast|northwest|southeast|southwest) of (?:[A-Z][\\w-]+|<(?:Country|Region)#\\d+>))?"
        "(?:(?:,| and|, and| or|,? as well as|和|、|及|与)(?: by)?|"
        "(?: and|, and| or) (?:from|to|with)|"
        // "eight gallium products and six germanium products"; "natural flake graphite and
        // high-purity synthetic graphite".
        " (?:products|compounds|items)(?:,| and|, and) (?:[a-z]+ |\\d+ )?|"
        "(?:,| and|, and) (?:high-purity|battery-grade|refined|natural|synthetic|crude|processed|raw) |"
        // "owned by the state agency JOGMEC and the trading house Sojitz".
        "(?: and|, and) the (?:[a-z-]+ ){0,2}(?:house|group|company|firm|miner|agency|fund|bank|"
        "trader|producer|maker)) ?(?:<Country#\\d+>'s )?"
        "<(?:Company|Government|Country|Facility|Commodity)#(\\d+)>");
    // "operates the Mount Weld mine and a processing plant at Kalgoorlie", "the Orvath Project,
    // the Kelpra Mine and the Vessel Plant": a determiner may open the next facility (not a
    // commodity: "an 80,000-tonne anode plant and a 50,000-tonne cathode material plant" are two
    // figures).
    static const RE2* kAfterFacility =
        new RE2("^(?: in <(?:Country|Region)#\\d+>)?(?:,| and|, and| or) "
                "(?:a|an|its|their|a new|the) <Facility#(\\d+)>");
    // "seven heavy rare earths, including dysprosium, terbium and samarium": the members.
    // Also after the claim's date: "on seven heavy rare earths in April 2025, including …".
    static const RE2* kIncluding = new RE2(
        "^(?: (?:in|since|from|on) <(?:YEAR|DATE)#\\d+>)?,? (?:including|such as|namely|notably|"
        "especially|in particular) <Commodity#(\\d+)>");
    // "对七种中重稀土实施出口管制，其中包括钪": the members after the clause.
    static const RE2* kZhIncluding =
        new RE2("^[^，。；<]{0,8}[，,](?:其中)?(?:包括|包含) ?<Commodity#(\\d+)>");
    if (before) {
      size_t end = rendered.begin[idx];
      for (int guard = 0; guard < 8; ++guard) {
        re2::StringPiece in(tagged.data(), end);
        int j = -1;
        // "General Motors and Korea's POSCO Future M each put …": the country names the
        // claim's own subject, the list goes on before it.
        static const RE2* kOwnCountry = new RE2("<Country#\\d+>'s $");
        if (guard == 0 && RE2::PartialMatch(in, *kOwnCountry)) {
          const size_t cut = absl::string_view(in.data(), in.size()).rfind('<');
          in = re2::StringPiece(tagged.data(), cut);
        }
        // "Glencore, along with Eurasian Resources Group, supplies …": the name before the
        // parenthetical "along with" shares the claim of the name inside it.
        static const RE2* kAlongWith = new RE2(
            "<(?:Company|Government|Country)#(\\d+)>, (?:along with|together with|alongside|as well "
            "as|jointly with) $");
        // "Both Glencore and its rival CMOC sell …": the name before "and its rival" shares it.
        static const RE2* kAndItsRival = new RE2(
            "<(?:Company|Government|Country)#(\\d+)>,? and <[A-Za-z]+#\\d+>'s (?:[a-z-]+ )?(?:rival|"
            "partner|peer|competitor|subsidiary|unit|parent|affiliate|sister company) $");
        if (guard == 0 && items[idx].tag != "Commodity" && RE2::PartialMatch(in, *kAndItsRival, &j) &&
            j >= 0 && static_cast<size_t>(j) < items.size() && Compatible(items[j], items[idx])) {
          out.push_back(j);
          break;
        }
        if (guard == 0 && items[idx].tag != "Commodity" &&
            tagged.compare(rendered.end[idx], 2, ", ") == 0 &&
            RE2::PartialMatch(in, *kAlongWith, &j) && j >= 0 &&
            static_cast<size_t>(j) < items.size() && Compatible(items[j], items[idx])) {
          out.push_back(j);
          break;
        }
        if (!RE2::PartialMatch(in, guard == 0 ? *kBeforeFirst : *kBefore, &j)) break;
        if (j < 0 || static_cast<size_t>(j) >= items.size() || !Compatible(items[j], items[idx])) break;
        // "In Chile, Sumitomo Metal Mining and Sumitomo Corp together paid …": a name a fronted
        // preposition governs is the setting, not a member of the list after it.
        // So is a place after "in" anywhere ("At Simandou's blocks 3 and 4 in Guinea, Rio Tinto
        // and Chinalco share Simfer").
        static const RE2* kFronted = new RE2(
            "(?i)(?:(?:^|[,;:] )(?:in|at|from|outside|across|beyond|besides|unlike|like|after|before|"
            "for|across the border in|elsewhere in)|\\b(?:in|at|outside|across)) $");
        if (RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[j]), *kFronted)) break;
        // "…financed by JOGMEC, and Sojitz will sell": ", and" after a lone name joins two
        // clauses; in a list ("A, B, and C") the name before it follows another comma.
        // (Not after the first member's apposition: "JOGMEC, the state minerals agency, and
        // Iwatani".)
        static const RE2* kCommaAnd = new RE2(", (?:and|or) ?$");
        static const RE2* kApposition =
            new RE2("^, (?:the|a|an|<(?:Company|Government|Country)#\\d+>'s) [a-z]");
        if (guard == 0 && RE2::PartialMatch(in, *kCommaAnd) &&
            !RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[j], end - rendered.end[j]),
                               *kApposition)) {
          re2::StringPiece head(tagged.data(), rendered.begin[j]);
          if (!RE2::PartialMatch(head, *kBefore)) break;
        }
        out.push_back(j);
        end = rendered.begin[j];
      }
    } else {
      size_t start = rendered.end[idx];
      // "CATL's recycling arm Brunp and the miner CMOC" (of CATL): a singular relational noun
      // after the claim's other end names one company; the names after it are the sentence's
      // other list, not more arms ("includes Hongqiao's parent Weiqiao and Winning" lists on).
      static const RE2* kOneRelation = new RE2(
          "<[A-Za-z]+#(\\d+)>(?:'s|') (?:[a-z-]+ ){0,2}(?:unit|subsidiary|arm|division|affiliate|"
          "parent|partner),? $");
      int owner = -1;
      const bool one_relation =
          other >= 0 &&
          RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[idx]), *kOneRelation,
                            &owner) &&
          owner >= 0 && static_cast<size_t>(owner) < items.size() &&
          items[owner].entity == items[other].entity;
      for (int guard = 0; guard < 8 && !one_relation; ++guard) {
        re2::StringPiece in(tagged.data() + start, tagged.size() - start);
        const size_t start_of_link = start;
        int j = -1;
        if (!RE2::PartialMatch(in, *kAfter, &j) && !RE2::PartialMatch(in, *kAfterFacility, &j) &&
            !(members && items[idx].tag == "Commodity" &&
              (RE2::PartialMatch(in, *kIncluding, &j) || RE2::PartialMatch(in, *kZhIncluding, &j)))) {
          break;
        }
        if (j < 0 || static_cast<size_t>(j) >= items.size() || !Compatible(items[j], items[idx])) break;
        // "a loan to BlueOval SK, the Ford and SK On battery venture": a name after ", the"
        // opens an apposition (the determiner is gone from the tagged text), not a list.
        // ("operates the Orvath Project, the Kelpra Mine and the Vessel Plant": sites with their
        // article each, the list going on, are a list.)
        if (out.empty()) {
          static const RE2* kTheApposition = new RE2("(?i), the $");
          static const RE2* kSitesGoOn = new RE2("^,? and <Facility#\\d+>");
          const bool sites_go_on =
              items[idx].tag == "Facility" && items[j].tag == "Facility" &&
              RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[j],
                                                 tagged.size() - rendered.end[j]),
                                *kSitesGoOn);
          if (!sites_go_on &&
              RE2::PartialMatch(re2::StringPiece(s.text.data(), items[j].begin), *kTheApposition)) {
            break;
          }
        }
        // "CATL, its recycling unit Brunp and CMOC": the member after the previous one's noun.
        static const RE2* kUnitOf = new RE2(
            "^'s (?:[a-z][a-z-]* ){1,3}<(?:Company|Government|Country)#(\\d+)>");
        int unit = -1;
        const int before = out.empty() ? idx : out.back();
        if (items[j].entity == items[before].entity &&
            RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[j],
                                               tagged.size() - rendered.end[j]),
                              *kUnitOf, &unit) &&
            unit >= 0 && static_cast<size_t>(unit) < items.size()) {
          j = unit;
        }
        // "Hancock Prospecting, Gina Rinehart's private group": a possessor opens an
        // apposition, not a list.
        if (tagged.compare(rendered.end[j], 1, "'") == 0) break;
        start = rendered.end[j];
        // "…of TLEA, and IGO holds the rest": a mention followed by a verb starts a new clause.
        // "… to Nouveau Monde, and Panasonic US$25 million": a mention with a figure of its
        // own is a new clause with its verb left out, as is one with a counterpart of its own
        // ("supplies lithium hydroxide to BMW, and Tianqi to Tesla").
        // So does the first of a list of holders with their verb ("owns 90% of Orano, and Japan
        // Nuclear Fuel and Mitsubishi Heavy Industries each hold about 5%"), but not the last
        // member before a new clause ("with Stellantis and Renault, and Stellantis also holds").
        static const RE2* kVerbNext = new RE2(
            "^(?: (?:has|have|had|is|are|was|were|will|would|can|could|said|says|also|then|"
            // (Irregular past forms too: "Having sold a 42% stake … to KKR, Sempra kept control".)
            "kept|took|sold|bought|made|held|won|lost|paid|put|got|became|began|left|ran|built|"
            "spent|lent|sent|led|fell|rose|grew|saw|gave|went|came|brought|struck|"
            "(?:[a-z]{2,}s|[a-z]+ed)\\b|<(?:MONEY|MASS|PERCENT)#|"
            "(?:the )?(?:remaining|other|rest of the|balance of the) <PERCENT#)|"
            "(?: and <(?:Company|Government|Country)#\\d+>|(?:, <(?:Company|Government|Country)#\\d+>)+,? and "
            "<(?:Company|Government|Country)#\\d+>) (?:each |both |jointly |together )?"
            "(?:still |also |now )?(?:hold|holds|own|owns|control|controls|have|has|keep|keeps|retain|"
            "retains)\\b|"
            // "…is refined in China, and Canada and the United States still rely on …": two names
            // and a plural verb open a new clause.
            "(?: and <(?:Company|Government|Country)#\\d+>)+ (?:still |also |now |both |increasingly |"
            "largely |mostly |heavily )*(?:rely|depend|import|export|buy|produce|supply|need|use|"
            "remain|account|source|consume)\\b)");
        // ("as" is no verb: "lined up Tesla, LGES and Ford as customers".)
        // (A list of what moves keeps going: "gallium, germanium and antimony to the U.S.")
        static const RE2* kCounterpartNext =
            new RE2("^ to <(?:Company|Government|Country|Facility)#");
        re2::StringPiece rest(tagged.data() + start, tagged.size() - start);
        // "the Tenke Fungurume and Kisanfu mines": a plural head noun is no verb; nor is what
        // the members were given ("awarded CATL and EVE Energy contracts to supply cells").
        static const RE2* kPluralHead = new RE2(
            "^ (?:mines|plants|projects|operations|refineries|facilities|deposits|smelters|"
            "mills|sites|contracts|orders|deals|offtakes)\\b");
        // Goods joined by a plain "and" keep their verb: "exports of gallium and germanium
        // would need licences" (", and" may still open a new clause).
        const bool goods = items[j].tag == "Commodity" && items[idx].tag == "Commodity" &&
                           tagged.compare(start_of_link, 1, ",") != 0;
        if (!goods && RE2::PartialMatch(rest, *kVerbNext) && !RE2::PartialMatch(rest, *kPluralHead)) {
          break;
        }
        if (items[j].tag != "Commodity" && RE2::PartialMatch(rest, *kCounterpartNext)) break;
        out.push_back(j);
      }
    }
    return out;
  };
  // "A and B owns …" is not a list of owners: a singular verb after the subject stops it. So
  // does a word of the parent's units, which binds to the last alone ("尼德拉和来宝集团旗下来宝农业":
  // Noble Group's unit).
  static const RE2* kSingularVerb = new RE2("^(?: (?:has|is|was|does|[a-z]+[^s']s)\\b|旗下|下属)");
  auto singular_after = [&](int idx) {
    const size_t at = rendered.end[idx];
    return RE2::PartialMatch(re2::StringPiece(tagged.data() + at, tagged.size() - at),
                             *kSingularVerb);
  };
  // Gapping: "GM committed US$150 million in equity to Nouveau Monde, and Panasonic US$25
  // million" repeats the verb and object for a new subject with its own figure; so does
  // "Albemarle holds 49% of Talison and Tianqi the remaining 51%", and "Itochu owns 8% of it and
  // Mitsui 7%, interests for which …" (a clause or apposition may follow after a comma).
  static const RE2* kGapped = new RE2(
      "^(?:[^<.;]|<(?:Company|Government|Facility|Commodity|YEAR|DATE)#\\d+>)*?,? and "
      "(?:the )?(?:(?:government|state) of )?<(?:Company|Government|Country)#(\\d+)> (?:the (?:remaining|other|rest of the|balance of the) )?"
      "<(MONEY|MASS|PERCENT)#(\\d+)>(?: each)?\\s*(?:[.;]|$|, [a-z])");
  // The same after a match that ended on " and " ("…, with Toyota Tsusho holding 25% and
  // JEMSE 8.5%").
  static const RE2* kGappedBare = new RE2(
      "^(?:the )?<(?:Company|Government|Country)#(\\d+)> (?:the (?:remaining|other|rest of the|balance of the) )?"
      "<(MONEY|MASS|PERCENT)#(\\d+)>(?: each)?\\s*(?:[.;]|$)");
  // A stake in "the rest" with no figure: "Tsingshan holds 57% of the venture and Eramet the
  // rest" gives Eramet a stake in the same company, share unknown.
  static const RE2* kGappedRest = new RE2(
      "^(?:[^<.;]|<(?:Company|Government|Facility|Commodity|YEAR|DATE)#\\d+>)*?,? and "
      "(?:the )?<(?:Company|Government|Country)#(\\d+)> (?:holds |owns |has |controls )?the "
      "(?:rest|remainder|balance)\\s*(?:[.;]|$|, (?:began|begins|started|starts|has|had|is|was|will|"
      "makes|made|runs|ran|operates|opened|said|says)\\b)");
  for (size_t i = 0, n = candidates.size(); i < n; ++i) {
    const Candidate& c = candidates[i];
    if (c.type != "HOLDS_STAKE" || c.object < 0 || !c.props.contains("percent")) continue;
    int j = -1;
    if (!RE2::PartialMatch(re2::StringPiece(tagged.data() + c.match_end, tagged.size() - c.match_end),
                           *kGappedRest, &j) ||
        j < 0 || static_cast<size_t>(j) >= items.size() ||
        items[j].entity == items[c.subject].entity || items[j].entity == items[c.object].entity) {
      continue;
    }
    Candidate d = c;
    d.subject = j;
    for (const char* k : {"percent", "percent_max", "approx"}) d.props.erase(k);
    // "South32 holds 60% and Anglo American owns the rest": with no other share written in the
    // sentence, the rest is 40%.
    const auto share = c.props.find("percent");
    if (share != c.props.end() && share->second.is_number() && !c.props.contains("percent_max") &&
        tagged.find("<PERCENT#") == tagged.rfind("<PERCENT#") && share->second.as_number() > 0 &&
        share->second.as_number() < 100) {
      const int64_t thousandths = 100000 - std::llround(share->second.as_number() * 1000);
      d.props["percent"] = thousandths % 1000 == 0 ? Value(thousandths / 1000)
                                                    : Value(static_cast<double>(thousandths) / 1000);
    }
    if (tr) {
      tr->notes.push_back(absl::StrCat("gapping: ", c.rule->id, " the rest for ",
                                       Entity(items[j].entity).name));
    }
    candidates.push_back(std::move(d));
  }
  // Puts the figure of quantity item `q` in `slot` ("amount", "quantity" or "percent") of a
  // copied claim, in place of the figure it had (its value, unit, upper end and hedge).
  auto replace_figure = [&](ValueMap* props, const std::string& slot, int q) {
    const std::string max = slot == "percent" ? "percent_max" : slot + "_max";
    for (const std::string& k : {slot, slot + "_unit", max, std::string("approx")}) props->erase(k);
    const Quantity& figure = qs[items[q].quantity];
    (*props)[slot] = DecimalValue(figure.value);
    if (slot != "percent") (*props)[slot + "_unit"] = figure.unit;
    if (figure.max) (*props)[max] = DecimalValue(*figure.max);
    if (!figure.approx.empty()) (*props)["approx"] = figure.approx;
  };
  for (size_t i = 0, n = candidates.size(); i < n; ++i) {
    const Candidate& c = candidates[i];
    int j = -1, q = -1;
    std::string kind;
    const bool ended_and = c.type == "HOLDS_STAKE" && c.length >= 5 && c.match_end >= 5 &&
                           absl::string_view(tagged).substr(c.match_end - 5, 5) == " and ";
    if (!RE2::PartialMatch(re2::StringPiece(tagged.data() + c.match_end, tagged.size() - c.match_end),
                           ended_and ? *kGappedBare : *kGapped, &j, &kind, &q) ||
        j < 0 || q < 0 || static_cast<size_t>(j) >= items.size() ||
        static_cast<size_t>(q) >= items.size() || items[q].quantity < 0) {
      continue;
    }
    const std::string slot = kind == "MONEY" ? "amount" : kind == "MASS" ? "quantity" : "percent";
    // The gapped name stands for the clause's first end: the subject, or the object of a
    // claim read from the other side ("Tesla bought … from Ganfeng, and BYD 5,000 tonnes").
    // (A fallback object before the subject was not written as the clause's first end.)
    // A share of a stake always belongs to a holder: "X, a joint venture in which A holds 51% and
    // B the remaining 49%" gives B a stake in X, whatever side X was written on.
    const bool object_first = c.type != "HOLDS_STAKE" && c.object >= 0 && !c.object_fallback &&
                              rendered.begin[c.object] < rendered.begin[c.subject];
    const int replaced = object_first ? c.object : c.subject;
    const int other = object_first ? c.subject : c.object;
    if (!c.props.contains(slot) || items[j].entity == items[replaced].entity ||
        (other >= 0 && items[j].entity == items[other].entity)) {
      continue;
    }
    Candidate d = c;
    (object_first ? d.object : d.subject) = j;
    d.props.erase("percent_max");
    d.props.erase("annual");
    replace_figure(&d.props, slot, q);
    if (tr) {
      tr->notes.push_back(absl::StrCat("gapping: ", c.rule->id, " again for ",
                                       Entity(items[j].entity).name));
    }
    candidates.push_back(std::move(d));
  }
  // Further goods with their figures after an output or a capacity: "turns out about 650,000
  // tonnes of zinc a year, along with roughly 430,000 tonnes of lead and more than 2,000 tonnes
  // of silver" (each of the subject, with its own figure and the first one's rate).
  static const RE2* kFurtherGood = new RE2(
      "^(?: (?:a|per) year| annually)?(?:,| and|, and|,? along with|,? as well as|,? plus|,? "
      "besides) <MASS#(\\d+)> of (?:[a-z-]+ ){0,2}?<Commodity#(\\d+)>");
  for (size_t i = 0, n = candidates.size(); i < n; ++i) {
    if ((candidates[i].type != "PRODUCES" && candidates[i].type != "HAS_CAPACITY") ||
        candidates[i].object < 0 || candidates[i].object_fallback ||
        items[candidates[i].object].tag != "Commodity" ||
        !candidates[i].props.contains("quantity")) {
      continue;
    }
    size_t at = rendered.end[candidates[i].object];
    for (int guard = 0; guard < 8 && at < tagged.size(); ++guard) {
      int q = -1, g = -1;
      re2::StringPiece rest(tagged.data() + at, tagged.size() - at);
      if (!RE2::Consume(&rest, *kFurtherGood, &q, &g) || q < 0 || g < 0 ||
          static_cast<size_t>(q) >= items.size() || static_cast<size_t>(g) >= items.size() ||
          items[q].quantity < 0) {
        break;
      }
      at = static_cast<size_t>(rest.data() - tagged.data());
      Candidate d = candidates[i];
      d.object = g;
      replace_figure(&d.props, "quantity", q);  // The first one's rate ("a year") stays.
      if (tr) {
        tr->notes.push_back(absl::StrCat("list: ", d.rule->id, " again for ",
                                         Entity(items[g].entity).name));
      }
      candidates.push_back(std::move(d));
    }
  }
  // A supply of a source's whole output is 100% of it (SPEC §2, basis output): "GM agreed to buy
  // the mine's entire output", "takes all of the production".
  static const RE2* kWholeOutput = new RE2(
      "(?:^|[ (])(?:(?:all|the whole|the entire|the full) (?:of )?(?:the |its |their |<[A-Za-z]+#\\d+>(?:'s|') )?|"
      "(?:the|its|their|<[A-Za-z]+#\\d+>(?:'s|')) (?:entire|whole|full|total) )(?:[a-z-]+ )?"
      "(?:output|production)\\b");
  for (Candidate& c : candidates) {
    if (c.type != "SUPPLIES" || c.props.contains("percent") || c.length > c.match_end) continue;
    const absl::string_view matched = absl::string_view(tagged).substr(c.match_end - c.length, c.length);
    if (RE2::PartialMatch(re2::StringPiece(matched.data(), matched.size()), *kWholeOutput)) {
      c.props["percent"] = 100;
      c.props["basis"] = "output";
    }
  }
  // A list of holders with their shares after a stake: "CMOC holds 71.25% of Kisanfu, CATL
  // 23.75% and the Congolese state 5%" (each a stake in the same company); so in a key-figures
  // line, however long and however its items are written: "Shareholders: QatarEnergy 75%;
  // ExxonMobil 6.25%; …; Eni 3.125%", "owned by BHP (33.75%), Glencore (33.75%), Teck (22.5%)
  // and Mitsubishi (10%)", "85% China Metallurgical Group; MRDC 15%", "Black Rock Mining 84%,
  // Tanzanian government 16% (free-carried)".
  static const RE2* kHolderItem = new RE2(
      "^(?:,|;)? (?:and )?(?:the )?(?:<(?:Company|Government|Country)#(\\d+)>,? \\(?<PERCENT#(\\d+)>\\)?|"
      "<PERCENT#(\\d+)> (?:the )?<(?:Company|Government|Country)#(\\d+)>)(?: \\([a-z][a-z -]{0,30}\\))?");
  static const RE2* kListEnd = new RE2("^\\s*(?:[.;]|$)");
  for (size_t i = 0, n = candidates.size(); i < n; ++i) {
    const Candidate c = candidates[i];  // A copy: the loop appends to candidates.
    // (With nothing held named yet, as under a key-figures heading, the members wait for it
    // with the first.)
    if (c.type != "HOLDS_STAKE" || !c.props.contains("percent")) continue;
    re2::StringPiece rest(tagged.data() + c.match_end, tagged.size() - c.match_end);
    // (The stake's own trailing bracket: "Tanzanian government 16% (free-carried)".)
    static const RE2* kAside = new RE2("^ \\([a-z][a-z -]{0,30}\\)");
    RE2::Consume(&rest, *kAside);
    std::vector<std::pair<int, int>> list;
    // (Groups that do not take part are empty: read as pieces, not numbers.)
    re2::StringPiece g1, g2, g3, g4;
    for (int guard = 0; guard < 32 && RE2::Consume(&rest, *kHolderItem, &g1, &g2, &g3, &g4); ++guard) {
      int who = -1, share = -1;
      if (!absl::SimpleAtoi(absl::string_view(g1.empty() ? g4.data() : g1.data(), g1.empty() ? g4.size() : g1.size()), &who) ||
          !absl::SimpleAtoi(absl::string_view(g2.empty() ? g3.data() : g2.data(), g2.empty() ? g3.size() : g2.size()), &share)) {
        break;
      }
      list.emplace_back(who, share);
    }
    if (list.empty() || !RE2::PartialMatch(rest, *kListEnd)) continue;
    for (const auto& [who, share] : list) {
      if (who < 0 || share < 0 || static_cast<size_t>(who) >= items.size() ||
          static_cast<size_t>(share) >= items.size() || items[share].quantity < 0 ||
          items[who].entity == items[c.subject].entity ||
          (c.object >= 0 && items[who].entity == items[c.object].entity)) {
        continue;
      }
      Candidate d = c;
      d.subject = who;
      replace_figure(&d.props, "percent", share);
      if (tr) {
        tr->notes.push_back(absl::StrCat("gapping: ", c.rule->id, " list member ",
                                         Entity(items[who].entity).name));
      }
      candidates.push_back(std::move(d));
    }
  }
  // Gapping with a counterpart: "Ganfeng supplies lithium hydroxide to BMW, and Tianqi to
  // Tesla" repeats the verb and what it moves for a new subject and a new "to" object.
  static const RE2* kGappedTo = new RE2(
      "^(?:[^<.;]|<(?:Commodity|YEAR|DATE)#\\d+>)*?,? and <(?:Company|Government|Country|Facility)#(\\d+)> "
      "to <(?:Company|Government|Country|Facility)#(\\d+)>\\s*(?:[.;]|$)");
  for (size_t i = 0, n = candidates.size(); i < n; ++i) {
    const Candidate& c = candidates[i];
    if (c.object < 0 || rendered.begin[c.object] < rendered.begin[c.subject] ||
        rendered.begin[c.object] < 4 || tagged.compare(rendered.begin[c.object] - 4, 4, " to ") != 0) {
      continue;
    }
    int j = -1, k = -1;
    if (!RE2::PartialMatch(re2::StringPiece(tagged.data() + c.match_end, tagged.size() - c.match_end),
                           *kGappedTo, &j, &k) ||
        j < 0 || k < 0 || static_cast<size_t>(j) >= items.size() ||
        static_cast<size_t>(k) >= items.size() || items[j].entity == items[k].entity ||
        !Compatible(items[j], items[c.subject]) || !Compatible(items[k], items[c.object])) {
      continue;
    }
    Candidate d = c;
    d.subject = j;
    d.object = k;
    for (const char* key : {"quantity", "quantity_unit", "quantity_max", "percent",
                                   "percent_max", "amount", "amount_unit", "amount_max", "approx",
                                   "annual"}) {
      d.props.erase(key);
    }
    if (tr) {
      tr->notes.push_back(absl::StrCat("gapping: ", c.rule->id, " again for ",
                                       Entity(items[j].entity).name, " -> ",
                                       Entity(items[k].entity).name));
    }
    candidates.push_back(std::move(d));
  }
  // "Tenke Fungurume, in which CMOC holds 80%, …, and Gécamines owns the other 20%": a stake's
  // fallback object that holds a named stake itself in the sentence is a holder, not the held
  // company; the stake is in what it holds.
  for (Candidate& c : candidates) {
    if (c.type != "HOLDS_STAKE" || !c.object_fallback || c.object < 0) continue;
    for (const Candidate& d : candidates) {
      if (&d == &c || d.type != "HOLDS_STAKE" || d.object_fallback || d.object < 0 ||
          items[d.subject].entity != items[c.object].entity ||
          items[d.object].entity == items[c.subject].entity) {
        continue;
      }
      if (tr) {
        tr->notes.push_back(absl::StrCat("holder: ", c.rule->id, " object ",
                                         Entity(items[c.object].entity).name, " holds ",
                                         Entity(items[d.object].entity).name, ", which is the object"));
      }
      c.object = d.object;
      break;
    }
  }
  // The company of the sentence's latest stake before c's subject, preferring one with a share
  // (not counting stakes `skip` rejects); -1 if none.
  auto earlier_stake_in = [&](const Candidate& c, bool (*skip)(const Candidate&)) {
    int held = -1;
    bool with_share = false;
    size_t at = 0;
    for (const Candidate& d : candidates) {
      if (d.type != "HOLDS_STAKE" || d.object < 0 || skip(d) ||
          rendered.begin[d.subject] >= rendered.begin[c.subject]) {
        continue;
      }
      const bool share = d.props.contains("percent");
      if ((share && !with_share) || (share == with_share && rendered.begin[d.subject] >= at)) {
        held = items[d.object].entity;
        at = rendered.begin[d.subject];
        with_share = share;
      }
    }
    return held;
  };
  // Key-figure owner lines under a heading that names one company or facility ("Kamoto Copper
  // Company at a glance:" then "- Ownership: Glencore 75%, Gécamines 25%"; "Anglo American Sur
  // — ownership:" then "- Anglo American: 50.1%"): the stake is in that company. Without such a
  // heading the line names nothing held, and gives no claim.
  {
    const bool labelled =
        x_.owners_label_ != nullptr && RE2::PartialMatch(tagged, *x_.owners_label_);
    // A site's box whose lines introduced the joint venture that runs it ("- Operator: POSCO
    // Pilbara Lithium Solution, a joint venture of the two companies", then "- Ownership: POSCO
    // Holdings 82%, Pilbara Minerals 18%"): the shares are the venture's.
    int held = topic_ >= 0 && Entity(topic_).label == "Facility" && venture_ >= 0 &&
                       venture_topic_ == topic_ && Entity(venture_).label == "Company"
                   ? venture_
                   : topic_;
    // Major or controlling shareholders are a company's: under a site's box they hold its owner
    // or operator, as an earlier line named it ("- Major shareholders: Investissement Québec
    // (about 20%)" under "Matawinie graphite project"), else nothing. (Plain "Shareholders:"
    // under a site are the site's: "Kipushi mine: - Shareholders: Ivanhoe Mines 34%, …".)
    // So are those of the operator ("- Shareholders of the operator: Jupiter Mines (49.9%), …").
    static const RE2* kShareholders = new RE2(
        "^(?:(?:Controlling|Main|Major|Largest|Biggest|Principal|Majority|Key) shareholders?|"
        "(?:Shareholders|Owners) of the (?:operator|operating company|joint venture|venture)): ");
    if (held >= 0 && Entity(held).label == "Facility" && RE2::PartialMatch(tagged, *kShareholders)) {
      held = box_owner_ >= 0 && box_owner_topic_ == topic_ && Entity(box_owner_).label == "Company"
                 ? box_owner_
                 : -1;
    }
    for (Candidate& c : candidates) {
      if (c.type != "HOLDS_STAKE" || c.object >= 0 || c.rule->id != "kf.owners_listed") continue;
      if (held >= 0 && (labelled || topic_owned_ || owners_sublist_) && held != items[c.subject].entity) {
        c.object = add_synthetic(held);
        if (tr) tr->notes.push_back(absl::StrCat("heading: ", c.rule->id, " a stake in ", Entity(held).name));
      }
    }
    std::erase_if(candidates, [](const Candidate& c) {
      return c.type == "HOLDS_STAKE" && c.object < 0 && c.rule->id == "kf.owners_listed";
    });
  }
  // An elliptic share with nothing held named in the sentence ("China holds 60% of refining
  // capacity, while Indonesia has 20%") is a share of a market or of output: no claim.
  // (An unnamed venture is something held: "The joint venture, in which POSCO holds 82%, …".)
  // A company's share right after a sentence with a stake named, in a sentence about no market,
  // output or capacity, is a further share of that company ("TSMC holds 86.5% of JASM. Toyota,
  // which came in as a shareholder in 2024, holds about 2%.").
  static const RE2* kVentureNamed = new RE2("(?i)\\b(?:joint venture|venture|JV|partnership)\\b|合资");
  static const RE2* kMarketWords = new RE2(
      "(?i)\\b(?:market|capacity|output|production|supply|supplies|sales|exports|imports|demand|"
      "reserves|resources|refining|processing|mining|consumption|shipments)\\b");
  const bool venture_in_sentence = RE2::PartialMatch(tagged, *kVentureNamed);
  const bool share_of_held_before = held_before_ >= 0 && !RE2::PartialMatch(tagged, *kMarketWords);
  std::erase_if(candidates, [&](Candidate& c) {
    if (c.type != "HOLDS_STAKE" || c.object >= 0 || c.rest || c.rule->id != "stake.elliptic" ||
        venture_in_sentence) {
      return false;
    }
    // So is one after a stake this sentence named ("Wacker remains the largest shareholder of
    // Siltronic with 30.8%, while GlobalWafers has kept a stake of about 13.7%").
    bool stake_before = false;
    for (const Candidate& d : candidates) {
      stake_before |= &d != &c && d.type == "HOLDS_STAKE" && d.object >= 0 &&
                      rendered.begin[d.subject] < rendered.begin[c.subject];
    }
    if ((share_of_held_before || stake_before) && items[c.subject].tag == "Company") {
      c.elliptic = true;
      return false;
    }
    if (tr) tr->notes.push_back("dropped stake.elliptic: nothing held in the sentence");
    return true;
  });
  // The company or site the sentence's bare shares are of, before any stake of an earlier
  // sentence: one fronted by "At"/"In" ("At Antamina in Peru, BHP and Glencore each own 33.75%").
  int sentence_site = -1;
  {
    static const RE2* kFrontedSite =
        new RE2("^(?:At|In|For) <(?:Facility|Company)#(\\d+)>(?: in <(?:Country|Region)#\\d+>)?, ");
    // Else a share "of" a named company or site in the sentence whose holder no rule read ("The
    // trading house owns 40% of the Quellaveco mine, with Anglo American holding the rest", the
    // holder unresolved): the rest is of that, not of an earlier sentence's stake.
    static const RE2* kShareOf =
        new RE2("<PERCENT#\\d+> (?:(?:stake|interest|holding) )?(?:of|in) (?:the )?<(?:Facility|Company)#(\\d+)>");
    int j = -1;
    if ((RE2::PartialMatch(tagged, *kFrontedSite, &j) || RE2::PartialMatch(tagged, *kShareOf, &j)) &&
        j >= 0 && static_cast<size_t>(j) < items.size()) {
      sentence_site = items[j].entity;
    }
  }
  std::set<const Candidate*> given_away;  // Elliptic shares given to a stake named (below).
  for (Candidate& c : candidates) {
    if (!c.rest && !c.elliptic) continue;
    // "成立了合资公司X，浦项持股82%": a holder whose stake another rule read with its company
    // named needs no ellipsis (left with no object, it is dropped below).
    // Its share goes to that stake when the stake has none ("The largest shareholder in Novonix
    // is Phillips 66, …, which paid $150 million in 2021 for a stake of about 16%": one stake of
    // 16%, not a shareless one and one in nothing).
    if (c.elliptic) {
      Candidate* named = nullptr;
      for (Candidate& d : candidates) {
        if (&d != &c && d.type == "HOLDS_STAKE" && !d.elliptic && !d.rest && d.object >= 0 &&
            items[d.subject].entity == items[c.subject].entity) {
          named = &d;
        }
      }
      if (named != nullptr && c.object < 0 && !named->props.contains("percent") &&
          c.props.contains("percent") && !HasHan(absl::string_view(tagged).substr(c.match_end - c.length, c.length))) {
        for (const char* k : {"percent", "approx"}) {
          if (auto v = c.props.find(k); v != c.props.end()) named->props[k] = v->second;
        }
        given_away.insert(&c);
        if (tr) tr->notes.push_back(absl::StrCat("ellipsis: ", c.rule->id, " share given to the stake named"));
      }
      // A new share of the same holder's stake, read as a change ("bought 51% of the Piraeus Port
      // Authority in 2016, and it raised its holding to 67% in October 2021"): a second stake in
      // the same company, at its later share.
      if (named != nullptr && c.object < 0 && c.rule->object_held_before && c.props.contains("percent") &&
          named->props.contains("percent") &&
          named->props.at("percent").ToJson() != c.props.at("percent").ToJson()) {
        c.object = add_synthetic(items[named->object].entity);
        if (tr) tr->notes.push_back(absl::StrCat("ellipsis: ", c.rule->id, " a new share of the stake in ",
                                                 Entity(items[named->object].entity).name));
      }
      if (named != nullptr) continue;
    }
    // The rest of the latest earlier stake with a share ("First Quantum holds 90% of Minera
    // Panamá, the company that owns Cobre Panamá, KOMIR持有其余10%": of Minera Panamá), else of
    // the latest earlier stake; a Chinese elliptic share only of the previous sentence's.
    int held = -1;
    // A second `held before` share is of the first's company ("Vale Canada, a wholly owned
    // subsidiary of Vale Base Metals, cut its stake to 33.9%, while the holding of Sumitomo
    // fell to about 11.5%": both of PT Vale Indonesia, not of Vale Canada).
    if (c.elliptic && c.rule->object_held_before) {
      held = earlier_stake_in(c, [](const Candidate& d) {
        return !d.elliptic || !d.rule->object_held_before;
      });
    }
    if (held < 0) held = earlier_stake_in(c, [](const Candidate& d) { return d.rest || d.elliptic; });
    if (held < 0 && sentence_site >= 0 && sentence_site != items[c.subject].entity) held = sentence_site;
    // A fallback object stands with no stake before, unless the rest phrase points back past it to
    // the section's latest stake: "MIND ID owns 51% of PT Freeport Indonesia. … Freeport-McMoRan kept
    // the remaining 49% and still operates the Grasberg mine" (of PT Freeport Indonesia, the mine
    // being named after the share, in another clause).
    if (held < 0 && c.object >= 0) {
      const bool named_after = c.rest && static_cast<size_t>(c.object) < rendered.begin.size() &&
                               rendered.begin[c.object] >= c.match_end &&
                               rendered.begin[c.object] < tagged.size();  // (not an earlier sentence's)
      if (!named_after || last_held_ < 0 || last_held_ == items[c.subject].entity) continue;
      held = last_held_;
    }
    if (held < 0) held = c.elliptic ? held_before_ : last_held_;
    if (held < 0 || held == items[c.subject].entity) continue;
    c.object = add_synthetic(held);
    if (tr) {
      tr->notes.push_back(absl::StrCat("ellipsis: ", c.rule->id, c.elliptic ? " a share of " : " the rest of ",
                                       Entity(held).name));
    }
    if (c.elliptic) continue;
    // "Stellantis owns 51% of StarPlus Energy, with Samsung SDI holding the rest": the rest is
    // what the sentence's other holders of that company leave, 49%; not "most of the rest", nor
    // a rest whose other shares are stated elsewhere or as a range.
    static const RE2* kPartOfRest = new RE2(
        "(?i)\\b(?:most|much|part|some|all|nearly all|almost all|the bulk|a share|a portion) of the "
        "(?:rest|remainder|balance)\\b");
    const absl::string_view text = absl::string_view(tagged).substr(c.match_end - c.length, c.length);
    if (c.props.contains("percent") || RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *kPartOfRest)) {
      continue;
    }
    std::map<int, double> shares;  // Holder entity -> its share of the held company.
    bool exact = true;
    for (const Candidate& d : candidates) {
      if (d.type != "HOLDS_STAKE" || d.rest || d.object < 0 || items[d.object].entity != held ||
          items[d.subject].entity == items[c.subject].entity) {
        continue;
      }
      auto p = d.props.find("percent");
      if (p == d.props.end() || !p->second.is_number() || d.props.contains("percent_max")) {
        exact = false;
        continue;
      }
      shares[items[d.subject].entity] = p->second.as_number();
    }
    double sum = 0;
    for (const auto& [holder, share] : shares) sum += share;
    // Every share written in the sentence must be one of those summed: a holder whose share was
    // not read ("A owns 40.5% of X and B 30%, with C holding the rest", B unread) leaves no figure.
    int written = 0;
    for (size_t at = tagged.find("<PERCENT#"); at != std::string::npos; at = tagged.find("<PERCENT#", at + 1)) {
      ++written;
    }
    if (!exact || shares.empty() || sum <= 0 || sum >= 100 || written != static_cast<int>(shares.size())) {
      continue;
    }
    const int64_t thousandths = 100000 - std::llround(sum * 1000);
    c.props["percent"] = thousandths % 1000 == 0 ? Value(thousandths / 1000)
                                                  : Value(static_cast<double>(thousandths) / 1000);
    if (tr) tr->notes.push_back(absl::StrCat("ellipsis: the rest is ", 100 - sum, "%"));
  }
  std::erase_if(candidates, [&](const Candidate& c) { return given_away.contains(&c); });
  // A stake in an unnamed venture that the sentence goes on to name ("45% of the joint venture,
  // named Bushveld Electrolyte Company") is that named stake, said once.
  {
    std::vector<Candidate> kept;
    for (const Candidate& c : candidates) {
      const bool named_too =
          c.type == "HOLDS_STAKE" && c.object < 0 && c.props.contains("percent") &&
          std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& d) {
            return d.type == "HOLDS_STAKE" && d.object >= 0 && d.props.contains("percent") &&
                   items[d.subject].entity == items[c.subject].entity &&
                   d.props.at("percent").ToJson() == c.props.at("percent").ToJson();
          });
      if (!named_too) kept.push_back(c);
    }
    candidates = std::move(kept);
  }
  // A Chinese stake in the rest or in something unnamed, with nothing named before it to be of,
  // is no claim: a stake in nothing would be a wrong one ("其余40%由ZMDC持有" after an unrecognised
  // company). Nor is one of a `held before` rule.
  // (Unless a stake before it in the sentence is in a venture it leaves unnamed: "Ma'aden将持有
  // 合资企业51%的股份，MP材料与美国国防部合计持有49%" are stakes in that venture.)
  const bool unnamed_venture = std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) {
    return c.type == "HOLDS_STAKE" && c.object < 0 && !c.rest && !c.elliptic;
  });
  std::erase_if(candidates, [&](const Candidate& c) {
    if ((!c.rest && !c.elliptic) || c.object >= 0 || (c.elliptic && unnamed_venture)) return false;
    const bool drop =
        HasHan(absl::string_view(tagged).substr(c.match_end - c.length, c.length)) ||
        (c.elliptic && c.rule->object_held_before);
    if (drop && tr) tr->notes.push_back(absl::StrCat("dropped ", c.rule->id, ": nothing held named before"));
    return drop;
  });
  // "Comilog … is 63.7%-owned by Eramet, while the Gabonese state holds 29% of the company": a
  // reference held in a stake, whose antecedent holds the reference's runner-up in this sentence,
  // means that runner-up (the company held, not its holder).
  for (Candidate& c : candidates) {
    if (c.type != "HOLDS_STAKE" || c.object < 0 || items[c.object].alt < 0) continue;
    const int alt = items[c.object].alt;
    bool holder_of_alt = false;
    for (const Candidate& d : candidates) {
      holder_of_alt |= &d != &c && d.type == "HOLDS_STAKE" && d.object >= 0 &&
                       items[d.subject].entity == items[c.object].entity &&
                       items[d.object].entity == alt;
    }
    if (!holder_of_alt || alt == items[c.subject].entity) continue;
    c.object = add_synthetic(alt);
    if (tr) tr->notes.push_back(absl::StrCat("reference: ", c.rule->id, " held is ", Entity(alt).name));
  }
  for (Candidate& c : candidates) {
    // "Chinalco, China Minmetals and Ganzhou each own 20.33%": an object filled in from the
    // subject's own list is wrong; the share is of the company the section's last stake was
    // in ("国资委持有该集团…" just before), or of one left unnamed.
    if (c.object_fallback && c.object >= 0) {
      const std::vector<int> list =
          singular_after(c.subject) ? std::vector<int>{} : coordinated(c.subject, true);
      if (std::find(list.begin(), list.end(), c.object) != list.end()) {
        c.object = -1;
        // "Tianqi holds 40% of Windfield, while Albemarle and IGO hold 30% each": the stake
        // is in the company of the sentence's own earlier stake, else of the section's last.
        int held = earlier_stake_in(c, [](const Candidate& d) { return d.object_fallback; });
        if (held < 0) held = sentence_site;  // "At Antamina in Peru, BHP and Glencore each own …".
        if (held < 0) held = last_held_;
        bool member = false;
        for (int j : list) member |= items[j].entity == held;
        if (c.type == "HOLDS_STAKE" && held >= 0 && !member &&
            items[c.subject].entity != held) {
          c.object = add_synthetic(held);
        }
        if (tr) {
          tr->notes.push_back(absl::StrCat(
              "coordination: ", c.rule->id, " object is one of the subjects, taken as ",
              c.object >= 0 ? Entity(items[c.object].entity).name : "(none)"));
        }
      }
    }
    expanded.push_back(c);
    // A subject written after its object ("buys oxides from A and B") coordinates forwards.
    // "A and B own 51% and 49% of C (respectively)" pairs each holder with its own figure.
    static const RE2* kRespectively =
        new RE2("\\brespectively\\b|<PERCENT#\\d+>,? and (?:[a-z]+ )?<PERCENT#\\d+>|<PERCENT#\\d+> (?:to|/) <PERCENT#\\d+>|"
                "<PERCENT#\\d+>(?:和|、|及)(?:约)?<PERCENT#\\d+>|"
                // A split as a ratio, "owned 60:40 by A and B": each owner has its own side.
                "\\b(?:[1-46-9]\\d|5[1-9]|\\d)(?::|/|-| to )\\d{1,2} (?:by|joint|venture|JV|partnership)\\b");
    const bool respectively = RE2::PartialMatch(
        re2::StringPiece(tagged.data() + (c.match_end - c.length), c.length), *kRespectively);
    const bool subject_last = c.object >= 0 && rendered.begin[c.object] < rendered.begin[c.subject];
    // "Singapore's Winning International Group and Chinalco": the possessive country is the
    // first name's only.
    const bool possessor_object =
        subject_last && c.type == "LOCATED_IN" &&
        PossessiveAt(absl::string_view(tagged).substr(0, rendered.begin[c.subject]),
                     rendered.end[c.object]);
    // "X, in which A and B each hold 30%": a relative clause on the object opens with the
    // subject's own list, which coordinates backwards as in a main clause (also after the
    // object's apposition: "IMACID, a plant at Jorf Lasfar in which OCP, Chambal and Tata each
    // hold a third").
    static const RE2* kRelativeOnObject = new RE2(
        "^,? (?:in which|of which|in whom|where) |\\b(?:in which|of which|in whom) (?:(?:the )?<(?:Company|"
        "Government|Country)#\\d+>(?:,| and|, and) ?)*$");
    // A list of the object's owners ("Hunan Yuneng, whose shareholders include CATL and BYD"):
    // each member, whichever one the pattern read.
    static const RE2* kOwnersOfObject = new RE2(
        "(?:\\b(?:shareholders|owners|backers|investors) (?:include|included|are|were) |股东(?:包括|有|为|是))"
        "(?:(?:the )?<(?:Company|Government|Country)#\\d+>(?:,| and|, and|、|和|及) ?)*$");
    const bool relative_subject =
        subject_last && RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[c.object],
                                                           rendered.begin[c.subject] - rendered.end[c.object]),
                                          *kRelativeOnObject);
    const bool owners_list =
        subject_last && RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[c.object],
                                                           rendered.begin[c.subject] - rendered.end[c.object]),
                                          *kOwnersOfObject);
    std::vector<int> subjects =
        respectively || possessor_object ? std::vector<int>{}
        : subject_last && !relative_subject ? coordinated(c.subject, false)
        : singular_after(c.subject) ? std::vector<int>{}
                                    : coordinated(c.subject, true);
    if (owners_list && !respectively) {  // The members before it too (those after are in).
      const std::vector<int> before = coordinated(c.subject, true);
      subjects.insert(subjects.end(), before.begin(), before.end());
    }
    // "A, B and C each own 20%": a fallback object taken from the subjects' own list is wrong.
    if (std::find(subjects.begin(), subjects.end(), c.object) != subjects.end()) {
      expanded.pop_back();
      if (tr) tr->notes.push_back(absl::StrCat("coordination: dropped ", c.rule->id, ", object is one of the subjects"));
      continue;
    }
    for (int j : subjects) {
      Candidate d = c;
      d.subject = j;
      expanded.push_back(d);
    }
    if (items[c.subject].partner >= 0 && items[c.subject].partner != items[c.object >= 0 ? c.object : c.subject].entity) {
      Candidate d = c;
      d.subject = add_synthetic(items[c.subject].partner);
      expanded.push_back(d);
    }
    if (c.object >= 0) {
      // An object written before its subject ("Tesla and BYD are among its customers")
      // coordinates backwards.
      const bool object_first = rendered.begin[c.object] < rendered.begin[c.subject];
      const bool figure = c.props.contains("quantity") || c.props.contains("amount") ||
                          c.props.contains("percent");
      // A member the rule's object slot does not accept is no member ("in central Panama,
      // 韩国矿业公司…": a company after a place).
      auto types = c.rule->slot_types.find("object");
      // "KGHM holds 55% of Sierra Gorda, and South32 bought the remaining 45%", "holds 57% of
      // the venture and Eramet the rest": a name that opens a clause of its own (a verb, a
      // share or "the rest" after it) is a holder, not a second company held.
      static const RE2* kOwnClause = new RE2(
          "^,? (?:the (?:rest|remainder|remaining|other|balance)\\b|<PERCENT#|(?:has|had|have|holds|held|"
          "owns|owned|controls|controlled|bought|buys|acquired|acquires|took|takes|retains|"
          "retained|keeps|kept|will|is|was)\\b)");
      // "owned by Stellantis, Mercedes-Benz and Saft, the battery unit of TotalEnergies": an
      // apposition that names the subject describes its own noun, not the list before it.
      static const RE2* kAppositionOf = new RE2(
          "^, (?:the|a|an|its|<[A-Za-z]+#\\d+>'s) [^,;<]*?\\b(?:of|by|for) (?:the )?$");
      const bool apposition =
          object_first &&
          RE2::FullMatch(re2::StringPiece(tagged.data() + rendered.end[c.object],
                                          rendered.begin[c.subject] - rendered.end[c.object]),
                         *kAppositionOf);
      for (int j : apposition ? std::vector<int>{} : coordinated(c.object, object_first, !figure, c.subject)) {
        if (types != c.rule->slot_types.end() &&
            !absl::StrContains(types->second, absl::StrCat("|", items[j].tag, "|"))) {
          continue;
        }
        if (c.type == "HOLDS_STAKE" && c.props.contains("percent") &&
            RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[j], tagged.size() - rendered.end[j]), *kOwnClause)) {
          if (tr) {
            tr->notes.push_back(absl::StrCat("coordination: ", Entity(items[j].entity).name,
                                             " opens its own clause, not a second object"));
          }
          continue;
        }
        // Each subject of a list with each object of one ("商务部和海关总署宣布对镓、锗…实施出口管制").
        for (size_t k = 0; k <= subjects.size(); ++k) {
          Candidate d = c;
          d.subject = k == 0 ? c.subject : subjects[k - 1];
          d.object = j;
          expanded.push_back(d);
        }
      }
    }
  }

  // An `ends_from` reading whose source had nothing named to hold ("Nippon Steel will pay US$720
  // million for a 20% interest") takes the object the ellipsis gave the source, or goes.
  for (Candidate& c : expanded) {
    if (c.source < 0 || c.object >= 0) continue;
    for (const Candidate& d : expanded) {
      if (d.id == c.source && d.object >= 0 && items[d.subject].entity == items[c.subject].entity) {
        c.object = d.object;
        break;
      }
    }
  }
  std::erase_if(expanded, [&](const Candidate& c) {
    const bool orphan = c.source >= 0 && c.object < 0;
    if (orphan && tr) tr->notes.push_back(absl::StrCat(c.rule->id, ": dropped, what it reads holds nothing named"));
    return orphan;
  });
  // No entity is its own counterpart: a claim the expansion made reflexive (a partner or a list
  // member that is the other end) is dropped.
  std::erase_if(expanded, [&](const Candidate& c) {
    const bool reflexive = c.object >= 0 && items[c.subject].entity == items[c.object].entity;
    if (reflexive && tr) {
      tr->notes.push_back(absl::StrCat("coordination: dropped ", c.rule->id, ", subject is object"));
    }
    return reflexive;
  });
  // A takeover is also a whole stake (SPEC §2, instrument `acquisition`): "Rio Tinto completed
  // its acquisition of Arcadium Lithium", "Arcadium Lithium已被力拓收购" give HOLDS_STAKE 100 too,
  // with the takeover's status and period, unless a rule already read a stake between the two.
  // Buyers that take one company together ("SQM and Hancock completed their joint takeover")
  // do not each hold all of it: no stake is implied.
  {
    auto takeover = [](const Candidate& c) {
      auto in = c.props.find("instrument");
      return c.type == "INVESTS_IN" && c.object >= 0 && in != c.props.end() &&
             in->second == Value("acquisition");
    };
    std::map<int, std::set<int>> buyers;  // Object entity -> acquiring entities.
    for (const Candidate& c : expanded) {
      if (takeover(c)) buyers[items[c.object].entity].insert(items[c.subject].entity);
    }
    static const RE2* kJoint = new RE2("(?i)\\bjoint(?:ly)?\\b|共同|联合");
    const bool joint = !buyers.empty() && RE2::PartialMatch(tagged, *kJoint);
    const size_t n = expanded.size();
    for (size_t i = 0; i < n; ++i) {
      const Candidate& c = expanded[i];
      if (!takeover(c)) continue;
      const int held = items[c.object].entity, holder = items[c.subject].entity;
      if (joint || buyers[held].size() != 1 || holder == held) continue;
      // "handed its 90% interest in Mopani to ZCCM-IH for US$1": a share changed hands, not
      // the whole company (a stake rule reads the share where one is written).
      if (absl::StrContains(absl::string_view(tagged).substr(c.match_end - c.length, c.length),
                            "<PERCENT#")) {
        continue;
      }
      // "收购了Tenke Fungurume铜钴矿的股权", "bought Glencore's stake": equity in it, not all of it.
      static const RE2* kPartOf = new RE2(
          "^(?:'s?|’s?)? ?(?:的)?(?:<PERCENT#\\d+> ?)?(?:的)?(?:股权|股份|权益|部分|少数|stake|interest|"
          "shares|holding|minority)");
      if (RE2::PartialMatch(re2::StringPiece(tagged.data() + rendered.end[c.object],
                                             tagged.size() - rendered.end[c.object]),
                            *kPartOf)) {
        continue;
      }
      // "paid $1.4 billion for its stake in the venture": the stake names the part before.
      static const RE2* kStakeIn = new RE2(
          "\\b(?:stake|interest|holding|shareholding|shares) (?:in|of) (?:the )?$");
      if (RE2::PartialMatch(re2::StringPiece(tagged.data(), rendered.begin[c.object]), *kStakeIn)) {
        continue;
      }
      bool stated = false;
      for (const Candidate& d : expanded) {
        stated |= d.type == "HOLDS_STAKE" && d.object >= 0 && items[d.object].entity == held &&
                  items[d.subject].entity == holder;
      }
      if (stated) continue;
      Candidate d = c;
      d.type = "HOLDS_STAKE";
      d.props.clear();
      d.props["percent"] = Value(int64_t{100});
      for (const char* k : {"status", "period"}) {
        if (auto it = c.props.find(k); it != c.props.end()) d.props[k] = it->second;
      }
      if (tr) {
        tr->notes.push_back(absl::StrCat("takeover: ", c.rule->id, " also gives ",
                                         Entity(holder).name, " 100% of ", Entity(held).name));
      }
      expanded.push_back(std::move(d));
    }
  }

  // Consolidate: one claim per (type, subject, object, commodity, stage); higher priority,
  // then the longer match, then the earlier rule wins.
  std::stable_sort(expanded.begin(), expanded.end(), [](const Candidate& a, const Candidate& b) {
    if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
    return a.length > b.length;
  });
  // A candidate whose qualifiers are all contained in another's for the same type and ends
  // says less about the same fact: drop it ("exporting concentrates to China" inside "80% of
  // revenue came from exporting concentrates to China").
  auto subsumed = [&](const Candidate& a) {
    for (const Candidate& b : expanded) {
      // Two mentions of one entity are one end ("雅保公司(Albemarle)": the name and its bracket).
      auto same = [&](int x, int y) {
        return x == y || (x >= 0 && y >= 0 && items[x].entity >= 0 && items[x].entity == items[y].entity);
      };
      if (&a == &b || a.type != b.type || !same(a.subject, b.subject) ||
          !same(a.object, b.object) || b.props.size() <= a.props.size()) {
        continue;
      }
      // An object a fallback filled in says less than one the pattern names, whatever figures
      // it carries.
      if (b.object_fallback && !a.object_fallback) continue;
      bool contained = true;
      for (const auto& [k, v] : a.props) {
        // A hedge read from another figure of the same claim ("约750吨,占全球98%以上") is
        // no difference.
        if (k == "approx") continue;
        // Nor is the kind of a deal whose sum only the other reads ("paid $4.07 billion for a
        // 23.77% stake in SQM, which it bought from Nutrien": one purchase).
        if (k == "instrument" && !a.props.contains("amount") && b.props.contains("amount")) continue;
        auto it = b.props.find(k);
        contained &= it != b.props.end() && it->second == v;
      }
      if (contained) return true;
    }
    return false;
  };
  // An object the pattern names beats one a rule's fallback filled in for the same subject
  // and figure: "Maginito, in which Mkango holds 79.4%" is a stake in Maginito, not in the
  // nearest other company. So does it beat no object: "Ganfeng will invest US$130 million in
  // Leo Lithium" is no sum with nothing named to receive it (invest.planned_sum).
  auto outranked = [&](const Candidate& a) {
    if (!a.object_fallback && !(a.object < 0 && a.type == "INVESTS_IN")) return false;
    for (const Candidate& b : expanded) {
      if (&a == &b || b.object_fallback || b.object < 0 || a.type != b.type ||
          items[a.subject].entity != items[b.subject].entity) {
        continue;
      }
      bool same = true, figure = false;
      for (const char* k : {"percent", "amount", "quantity"}) {
        auto x = a.props.find(k), y = b.props.find(k);
        if ((x == a.props.end()) != (y == b.props.end())) same = false;
        if (same && x != a.props.end()) {
          figure = true;
          same = x->second == y->second;
        }
        if (!same) break;
      }
      if (same && figure) return true;
    }
    return false;
  };
  // "CMOC, which bought the Kisanfu deposit from Freeport-McMoRan in 2020, holds 71.25% of it":
  // the whole share a purchase implies (a rule's fixed percent=100) yields to a share the
  // sentence states for the same holder and company.
  auto implied_share_stated = [&](const Candidate& a) {
    if (a.type != "HOLDS_STAKE" || !a.rule->set.contains("percent") || a.object < 0) return false;
    for (const Candidate& b : expanded) {
      if (&a == &b || b.type != "HOLDS_STAKE" || b.object < 0 || b.rule->set.contains("percent") ||
          !b.props.contains("percent") || items[a.subject].entity != items[b.subject].entity ||
          items[a.object].entity != items[b.object].entity) {
        continue;
      }
      return true;
    }
    return false;
  };
  // "Greenbushes produced 1.4 million tonnes of spodumene concentrate, accounting for 20% of
  // global lithium supply": the share-only reading of the same subject and share (its object
  // the element the concentrate is counted in) is part of the claim with the tonnage.
  // The tonnage claim takes what only the share's reading says (its basis, "global").
  auto share_of_tonnage = [&](const Candidate& a) -> Candidate* {
    if ((a.type != "PRODUCES" && a.type != "HAS_CAPACITY") || !a.props.contains("percent") ||
        a.props.contains("quantity")) {
      return nullptr;
    }
    for (Candidate& b : expanded) {
      if (&a == &b || a.type != b.type || !b.props.contains("quantity") ||
          items[a.subject].entity != items[b.subject].entity) {
        continue;
      }
      auto p = b.props.find("percent");
      if (p != b.props.end() && p->second == a.props.at("percent")) return &b;
      // "Indonesia's nickel output reached 2.2 million tonnes in 2024, giving the country more
      // than half of world supply": a tonnage of the same good with no share takes this one.
      if (p == b.props.end() && a.object >= 0 && b.object >= 0 &&
          items[a.object].entity == items[b.object].entity &&
          (!a.props.contains("period") || !b.props.contains("period") ||
           a.props.at("period") == b.props.at("period"))) {
        return &b;
      }
    }
    return nullptr;
  };
  std::vector<bool> share_merged(expanded.size(), false);
  for (size_t i = 0; i < expanded.size(); ++i) {
    if (Candidate* b = share_of_tonnage(expanded[i]); b != nullptr) {
      share_merged[i] = true;
      for (const char* k : {"percent", "percent_max", "basis", "rank"}) {
        if (auto it = expanded[i].props.find(k); it != expanded[i].props.end()) {
          b->props.try_emplace(k, it->second);
        }
      }
    }
  }
  // "Tianqi holds 22% of SQM, making it SQM's second-largest shareholder": one stake, with its
  // share and its rank; the rank-only reading joins the one with the share.
  std::vector<bool> merged(expanded.size(), false);
  for (size_t i = 0; i < expanded.size(); ++i) {
    Candidate& a = expanded[i];
    // The same for a producer's rank and its output ("Kazatomprom, the world's largest uranium
    // producer, mined 23,270 tonnes of uranium").
    const bool stake = a.type == "HOLDS_STAKE";
    if ((!stake && a.type != "PRODUCES") || a.object < 0 || !a.props.contains("rank") ||
        a.props.contains("percent") || a.props.contains("quantity")) {
      continue;
    }
    for (Candidate& b : expanded) {
      if (&a == &b || b.type != a.type || b.object < 0 ||
          !(b.props.contains("percent") || (!stake && b.props.contains("quantity"))) ||
          (b.props.contains("rank") && !(b.props.at("rank") == a.props.at("rank"))) ||
          items[a.subject].entity != items[b.subject].entity ||
          items[a.object].entity != items[b.object].entity) {
        continue;
      }
      b.props["rank"] = a.props["rank"];
      merged[i] = true;
      if (tr) {
        tr->notes.push_back(
            absl::StrCat("consolidate: ", a.rule->id, "'s rank joins ", b.rule->id));
      }
      break;
    }
  }
  std::map<std::string, std::vector<std::string>> seen;  // Claim key -> the periods kept.
  const size_t claims_before = record_.claims.size();
  for (size_t ci = 0; ci < expanded.size(); ++ci) {
    const Candidate& c = expanded[ci];
    if (merged[ci]) continue;
    if (outranked(c)) {
      if (tr) tr->notes.push_back(absl::StrCat("consolidate: dropped ", c.rule->id, ", its fallback object is outranked by a named one"));
      continue;
    }
    if (share_merged[ci]) {
      if (tr) tr->notes.push_back(absl::StrCat("consolidate: dropped ", c.rule->id, ", its share belongs to the claim with the tonnage"));
      continue;
    }
    if (subsumed(c)) {
      if (tr) tr->notes.push_back(absl::StrCat("consolidate: dropped ", c.rule->id, ", subsumed"));
      continue;
    }
    if (implied_share_stated(c)) {
      if (tr) tr->notes.push_back(absl::StrCat("consolidate: dropped ", c.rule->id, ", the sentence states the share"));
      continue;
    }
    const EntityDef& subj = Entity(items[c.subject].entity);
    const std::string obj_key = c.object >= 0 ? Entity(items[c.object].entity).key : "";
    auto str = [&](const char* k) {
      auto it = c.props.find(k);
      return it == c.props.end() ? std::string() : it->second.ToJson();
    };
    const std::string dedupe =
        absl::StrCat(c.type, "|", subj.key, "|", obj_key, "|", str("commodity"), "|",
                     str("stage"), "|", str("percent"), "|", str("amount"), "|", str("quantity"));
    // The same claim dated twice is two events ("restricted exports of antimony in September 2024
    // and then banned shipments of the metal … in December 2024"); an undated one repeats any.
    std::vector<std::string>& periods = seen[dedupe];
    const std::string period = str("period");
    if (std::any_of(periods.begin(), periods.end(), [&](const std::string& p) {
          return p == period || p.empty() || period.empty();
        })) {
      if (tr) tr->notes.push_back(absl::StrCat("consolidate: dropped duplicate from ", c.rule->id));
      continue;
    }
    periods.push_back(period);
    ClaimRecord claim;
    claim.type = c.type;
    claim.subject_key = subj.key;
    UseEntity(items[c.subject].entity);
    if (c.object >= 0) {
      claim.object_key = obj_key;
      UseEntity(items[c.object].entity);
    }
    claim.props = c.props;
    // A capacity of a good with one stage of the value chain is at that stage when the text
    // names none ("10,000 tonnes of NdPr oxide a year": separation; schema/stages.tsv).
    if (c.type == "HAS_CAPACITY" && c.object >= 0 && !claim.props.contains("stage")) {
      if (auto st = x_.stages_.find(items[c.object].entity); st != x_.stages_.end()) {
        claim.props["stage"] = st->second;
      }
    }
    claim.props["article"] = doc_.id;
    claim.props["section"] = s.section;
    claim.props["sentence"] = s.text;
    claim.props["span"] = ValueList{Value(static_cast<int64_t>(s.span.begin)),
                                    Value(static_cast<int64_t>(s.span.end))};
    ValueList cites;
    for (int n : s.citations) cites.push_back(Value(n));
    claim.props["citations"] = cites;
    claim.props["rule"] = c.rule->id;
    Fingerprint fp;
    fp.Add(doc_.id).Add(s.span.begin).Add(c.rule->id).Add(claim.type).Add(subj.key).Add(obj_key);
    fp.Add(EncodeMap(c.props));
    std::string id = absl::StrCat("c", fp.Hex());
    if (!claim_ids_.insert(id).second) continue;
    claim.props["id"] = id;
    if (tr) {
      tr->notes.push_back(absl::StrCat("claim ", claim.type, " ", subj.name, " -> ",
                                       c.object >= 0 ? Entity(items[c.object].entity).name : "null",
                                       " ", Value(c.props).ToJson(), " [", c.rule->id, "]"));
    }
    if (claim.type == "HOLDS_STAKE" && c.object >= 0) held_now_ = last_held_ = items[c.object].entity;
    record_.claims.push_back(std::move(claim));
  }
  // "Whitehaven has agreed to sell 30% of its Blackwater mine to two Japanese steelmakers": a
  // share put up for sale (or swapped: "exchanged its 25% stake in X for shares") says what the
  // next sentence's shares are of, its buyers unnamed here.
  if (held_now_ < 0) {
    static const RE2* kShareForSale = new RE2(
        "\\b(?:sell|sells|sold|selling|divest|divests|divested|offload|offloads|offloaded|"
        "exchanged|exchanges|swapped|swaps|traded) (?:a |an |its |their |<[A-Za-z]+#\\d+>'s )?"
        "(?:<PERCENT#\\d+>|(?:[a-z-]+ )?(?:stake|interest|holding))"
        "(?: (?:stake|interest|holding))? "
        "(?:of|in) (?:<[A-Za-z]+#\\d+>'s |its |their )?<(?:Company|Facility)#(\\d+)>");
    int idx = -1;
    if (RE2::PartialMatch(tagged, *kShareForSale, &idx) && idx >= 0 &&
        static_cast<size_t>(idx) < items.size() && items[idx].entity >= 0) {
      held_now_ = items[idx].entity;
    }
  }
  // The section's latest good, what a later line or sentence that names none is of.
  auto mark_latest_good = [&](int good) {
    prev_commodity_ = good;
    std::erase(section_commodities_, good);
    section_commodities_.push_back(good);
  };
  ++prev_country_age_;
  bool country_named = false;
  std::set<int> countries;
  for (const Item& it : items) {
    country_named |= it.tag == "Country";
    if (it.tag == "Country" && it.entity >= 0) countries.insert(it.entity);
  }
  if (!countries.empty()) prev_countries_several_ = countries.size() > 1;
  for (const Item& it : items) {
    NoteNational(it.tag, it.entity);
    // "Jakarta stopped all exports of nickel ore … The country mined …": a national government
    // names its country for "the country" after it.
    if (it.tag == "Government" && !country_named && it.entity >= 0 &&
        IsNationalGovernment(Entity(it.entity).name)) {
      if (const int c = GovernmentCountry(it.entity); c >= 0) {
        prev_country_ = c;
        prev_country_age_ = 0;
      }
    }
    if (it.tag == "Government") {
      prev_government_ = it.entity;
      std::pair<int, std::string> named{
          it.entity, absl::AsciiStrToLower(s.text.substr(it.begin, it.end - it.begin))};
      static const RE2* kBody = new RE2("department|ministry|agency|office");
      if (it.entity >= 0 && RE2::PartialMatch(named.second, *kBody)) {
        std::erase(section_governments_, named);
        section_governments_.push_back(std::move(named));
      }
    }
    if (it.tag == "Country") {
      prev_country_ = it.entity;
      prev_country_age_ = 0;
    }
    if (it.tag == "Commodity" && it.entity >= 0) {
      mark_latest_good(it.entity);
      auto named = std::find_if(article_commodities_.begin(), article_commodities_.end(),
                                [&](const auto& c) { return c.first == it.entity; });
      if (named == article_commodities_.end()) {
        article_commodities_.emplace_back(it.entity, 1);
      } else {
        ++named->second;
      }
    }
  }
  // A fact box's product line names the box's good, whatever it is made from: "- Product:
  // high-purity manganese sulphate monohydrate, to be made by dissolving the company's own
  // electrolytic manganese metal" (a "Capacity:" line after it is the sulphate's).
  static const RE2* kProductLine =
      new RE2("^(?:[-•*] )?(?:Main |Key |Planned )?(?:[Pp]roducts?|[Gg]oods|[Cc]ommodit(?:y|ies)):");
  if (RE2::PartialMatch(s.text, *kProductLine)) {
    for (const Item& it : items) {
      if (it.tag != "Commodity" || it.entity < 0) continue;
      mark_latest_good(it.entity);
      break;
    }
  }
  if (first_agent >= 0) prev_agent_ = first_agent;
  prev_agentless_ = first_agent < 0;
  prev_agents_.clear();
  for (const Item& it : items) {
    if (it.entity >= 0 && (it.tag == "Company" || it.tag == "Government") &&
        std::find(prev_agents_.begin(), prev_agents_.end(), it.entity) == prev_agents_.end()) {
      prev_agents_.push_back(it.entity);
    }
  }
  // The sentence's subject when it is a site named first ("Kamoa-Kakula produced …", "The
  // Mount Weld mine is …"); any other opening clears it.
  // "The company's Boffa mine, designed to …, began shipping": a site named after its owner's
  // possessive is the subject too.
  prev_facility_subject_ = -1;
  const Item* owner = nullptr;
  for (const Item& it : items) {
    if (it.entity < 0) continue;
    if (owner == nullptr && it.tag != "Facility" && it.begin <= 4) {
      owner = &it;
      continue;
    }
    const size_t mark = owner != nullptr ? internal::PossessiveLength(s.text, owner->end) : 0;
    const bool after_owner = mark > 0 && it.begin == owner->end + mark;
    // After a fronted phrase too: "Before the shutdown, Cobre Panama was …".
    // Or after a description it stands in apposition to: "The second operation, the Mutanda
    // mine, is …".
    const size_t comma = it.begin >= 6 && s.text.compare(it.begin - 6, 6, ", the ") == 0 ? it.begin - 6
                         : it.begin >= 2 && s.text.compare(it.begin - 2, 2, ", ") == 0 ? it.begin - 2
                                                                                       : absl::string_view::npos;
    const bool fronted = it.begin <= 46 && comma != absl::string_view::npos &&
                         s.text.substr(0, comma).find(',') == absl::string_view::npos;
    if (it.tag == "Facility" && (owner == nullptr ? it.begin <= 4 || fronted : after_owner)) {
      prev_facility_subject_ = it.entity;
      prev_facility_owned_ = owner != nullptr;
    }
    break;
  }
  {
    std::set<int> named;
    for (const Item& it : items) {
      if (it.tag == "Company" && it.entity >= 0) named.insert(it.entity);
    }
    for (int c : named) ++company_mentions_[c];
  }
  if (first_company >= 0) {
    prev_company_ = first_company;
    prev_company_other_ = other_company;
    // "Bahrain Mumtalakat Holding Company owns 69.38% of Alba …": what the first company holds.
    static const RE2* kHolderOf = new RE2(
        "^<Company#(\\d+)> (?:owns|holds|controls|owned|held|controlled) (?:a |an )?<PERCENT#\\d+> "
        "(?:stake |interest |holding |share )?(?:of|in) <Company#(\\d+)>");
    int a = -1, b = -1;
    prev_held_ = RE2::PartialMatch(tagged, *kHolderOf, &a, &b) && a >= 0 && b >= 0 &&
                         static_cast<size_t>(a) < items.size() &&
                         static_cast<size_t>(b) < items.size() &&
                         items[a].entity == first_company && items[b].entity != first_company
                     ? items[b].entity
                     : -1;
  }
  // "SQM and Hancock Prospecting completed their joint takeover": a pair that acts together.
  static const RE2* kActingPair = new RE2(
      "<(?:Company|Government|Country)#(\\d+)> and <(?:Company|Government|Country)#(\\d+)> "
      "(?:have |has |had |will |each |jointly |together )?(?:[a-z]+ed|agreed|signed|formed|own|hold|bought|took)\\b");
  if (int a = -1, b = -1; RE2::PartialMatch(tagged, *kActingPair, &a, &b) && a >= 0 && b >= 0 &&
                          static_cast<size_t>(a) < items.size() &&
                          static_cast<size_t>(b) < items.size() &&
                          items[a].entity != items[b].entity) {
    pair_[0] = items[a].entity;
    pair_[1] = items[b].entity;
  }
  {
    // Names and descriptions ("the Russian firm"), not pronouns: "Its stake is split between two
    // Malagasy companies: …" names no company the next sentence's "both companies" can mean.
    static const RE2* kReference = new RE2("^(?i:it|its|they|their|them)\\b|^(?:其|该公司)");
    std::vector<int> named;
    for (const Item& it : items) {
      const re2::StringPiece surface(s.text.data() + it.begin, it.end - it.begin);
      if (it.tag == "Company" && it.entity >= 0 && !it.guessed && !RE2::PartialMatch(surface, *kReference) &&
          std::find(named.begin(), named.end(), it.entity) == named.end()) {
        named.push_back(it.entity);
      }
    }
    two_before_[0] = named.size() == 2 ? named[0] : -1;
    two_before_[1] = named.size() == 2 ? named[1] : -1;
  }
  for (const Item& it : items) {
    if (it.tag != "Facility") continue;
    // "the site of the former Sunflower Army Ammunition Plant": a site that no longer is one is
    // no antecedent of "the plant".
    if (it.begin >= 7 && s.text.compare(it.begin - 7, 7, "former ") == 0) continue;
    std::erase(facilities_, it.entity);
    facilities_.push_back(it.entity);
    // "Mozal aluminium smelter: key figures" over a body that names "the Mozal aluminium
    // smelter", which nobody listed: with no listed topic in the title, the first site of the
    // body every word of whose name the title holds ("Mozal smelter") is what it is about.
    if (title_topic_ < 0 && !title_checked_.contains(it.entity)) {
      title_checked_.insert(it.entity);
      const std::vector<absl::string_view> title_words =
          absl::StrSplit(doc_.title, absl::ByAnyChar(" :,;–—-"), absl::SkipEmpty());
      const std::vector<absl::string_view> name_words =
          absl::StrSplit(Entity(it.entity).name, ' ', absl::SkipEmpty());
      bool all = name_words.size() >= 2;
      for (absl::string_view w : name_words) {
        all &= std::any_of(title_words.begin(), title_words.end(),
                           [&](absl::string_view t) { return absl::EqualsIgnoreCase(t, w); });
      }
      if (all) title_topic_ = it.entity;
    }
  }
  // The owner or operator a key-figure line names for the box's topic ("- Owner and operator:
  // Wacker Chemie AG"), for the box's later lines that name none (`owner subject`).
  if (topic_ >= 0) {
    for (size_t i = claims_before; i < record_.claims.size(); ++i) {
      const ClaimRecord& c = record_.claims[i];
      auto rule = c.props.find("rule");
      if (rule == c.props.end() || !rule->second.is_string() || !c.object_key ||
          *c.object_key != Entity(topic_).key) {
        continue;
      }
      const std::string& id = rule->second.as_string();
      // An owners line naming one owner of the whole ("Owner: POSCO (100%)") names the owner too.
      auto percent = c.props.find("percent");
      const bool sole_owner = id == "kf.owners_listed" && percent != c.props.end() &&
                              percent->second.is_number() && percent->second.as_number() >= 100;
      if (id != "kf.field_operator" && id != "kf.field_owner" && !sole_owner) continue;
      // "- Operator: ACC", then "- Shareholders: Stellantis, Mercedes-Benz and TotalEnergies": the
      // operator stays the box's owner for the lines after.
      const bool operator_line = id == "kf.field_operator";
      if (!operator_line && box_operator_ && box_owner_topic_ == topic_) continue;
      for (const Item& it : items) {
        if (it.entity >= 0 && Entity(it.entity).key == c.subject_key) {
          box_owner_ = it.entity;
          box_owner_topic_ = topic_;
          box_operator_ = operator_line;
        }
      }
    }
  }
  // Two holders of one company in a sentence ("A holds 51% of X, and B the other 49%"): X is
  // a joint venture.
  std::map<std::string, std::set<std::string>> holders;
  for (size_t i = claims_before; i < record_.claims.size(); ++i) {
    const ClaimRecord& c = record_.claims[i];
    if (c.type == "HOLDS_STAKE" && c.object_key) holders[*c.object_key].insert(c.subject_key);
  }
  for (const Item& it : items) {
    if (it.tag == "Company" && holders[Entity(it.entity).key].size() >= 2) {
      venture_ = it.entity;
      venture_topic_ = topic_;
    }
  }
  // "<Company>, a lithium hydroxide joint venture", "<Company>, a 50-50 partnership with …",
  // "<Company> is a joint venture",
  // "the joint venture <Company>", "A and B set up <Company> in 2017": later "the joint
  // venture" means that company.
  static const RE2* kVentureIntro = new RE2(
      "<Company#(\\d+)>(?: \\([^)]{1,20}\\))?,? (?:(?:is|was|became) (?:itself |also |now )?)?(?:a|an|the) "
      "(?:[a-z\\d-]+ |<Commodity#\\d+> ){0,3}(?:joint venture|partnership)|joint venture,? <Company#(\\d+)>|"
      "<(?:Company|Government)#\\d+>,? (?:and|with) <(?:Company|Government)#\\d+> (?:have |had "
      "|jointly |together )?(?:formed|set up|created|established|launched|founded|incorporated) "
      "(?:a |an |the )?(?:new )?(?:(?:[a-z-]+ |<Commodity#\\d+> ){0,3}?(?:joint venture|venture|JV|"
      "company|vehicle),? (?:called |named )?)?<Company#(\\d+)>");
  re2::StringPiece in(tagged);
  std::string a, b, c;
  while (RE2::FindAndConsume(&in, *kVentureIntro, &a, &b, &c)) {
    int idx = -1;
    if (!absl::SimpleAtoi(!a.empty() ? a : !b.empty() ? b : c, &idx) || idx < 0 ||
        static_cast<size_t>(idx) >= items.size()) {
      continue;
    }
    venture_ = items[idx].entity;
    venture_topic_ = topic_;
  }
  // "<Company>, a consortium of …", "the Belgian rail operator <Company>": later "the
  // consortium", "the operator" mean that agent.
  static const RE2* kDescribed = new RE2(
      "<(?:Company|Government)#(\\d+)>(?: \\([^)]{1,20}\\))?, (?:a|an|the) (?:[a-z-]+ |<(?:Commodity|"
      "Demonym)#\\d+> |<Country#\\d+>'s ){0,3}?(" KG_DESCRIBED_NOUNS ")\\b|"
      "\\b(" KG_DESCRIBED_NOUNS ") <(?:Company|Government)#(\\d+)>");
  {
    re2::StringPiece rest(tagged);
    std::string i1, n1, n2, i2;
    while (RE2::FindAndConsume(&rest, *kDescribed, &i1, &n1, &n2, &i2)) {
      int idx = -1;
      if (!absl::SimpleAtoi(!i1.empty() ? i1 : i2, &idx) || idx < 0 ||
          static_cast<size_t>(idx) >= items.size() || items[idx].entity < 0) {
        continue;
      }
      described_[absl::AsciiStrToLower(!n1.empty() ? n1 : n2)] = items[idx].entity;
    }
  }
  // A box's product line ("Product: non-oriented electrical steel for motors") names what the
  // heading's site makes: a later capacity line that names no good is of it.
  {
    static const RE2* kProductLine =
        new RE2("^(?:[-•*] )?(?:(?:Main|Key) )?(?:[Pp]roducts?|[Pp]roduct mix|产品)(?::|：) ?<Commodity#(\\d+)>");
    int idx = -1;
    if (topic_ >= 0 && Entity(topic_).label == "Facility" && RE2::PartialMatch(tagged, *kProductLine, &idx) &&
        idx >= 0 && static_cast<size_t>(idx) < items.size() && items[idx].entity >= 0) {
      product_[topic_] = items[idx].entity;
    }
  }
  // A heading line that names one company or facility sets the topic of the key-figure lines
  // after it; any other heading line clears it. A heading ends in ':' ("Kamoto Copper at a
  // glance:"), or is a short line with no sentence punctuation at its end and no figure ("Mt
  // Holland, Western Australia" above its fact lines).
  std::string_view text = s.text;
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  // Markdown emphasis around a heading ("**Thacker Pass (Nevada):**") is no part of it.
  while (text.size() >= 2 && (text.front() == '*' || text.front() == '_') && text.back() == text.front()) {
    text.remove_prefix(1);
    text.remove_suffix(1);
  }
  // A note wholly in brackets under a heading ("(all figures as disclosed by Iluka up to November
  // 2026)") neither heads a box nor ends one.
  if (topic_ >= 0 && text.size() >= 2 &&
      ((text.front() == '(' && text.back() == ')') ||
       (text.starts_with("（") && text.ends_with("）")))) {
    return;
  }
  // A bare owners label in the topic's box ("- Shareholders:") keeps the topic: the lines after
  // it with a share ("– Hancock Prospecting: 19.9%") are stakes in it; a line with none ends them.
  static const RE2* kOwnersLabelLine = new RE2(
      "(?i)^(?:ownership|owners|shareholders|shareholding|(?:major|main|largest) shareholders|股东)[:：]$");
  if (topic_ >= 0 && RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *kOwnersLabelLine)) {
    owners_sublist_ = true;
    return;
  }
  if (!absl::StrContains(tagged, "<PERCENT#")) owners_sublist_ = false;
  // A box word on either side of a colon or dash ("Thacker Pass, Nevada: key figures",
  // "Factbox: Thacker Pass").
  static const RE2* kBoxHeading = new RE2(
      "(?i)^(?:(?:" KG_BOX_WORDS "|"
      // "Site 1: Mount Weld mine", "Plant 2: Lynas Malaysia plant, Kuantan": a numbered site.
      "(?:site|plant|mine|asset|project|facility|operation|box) \\d{1,2})"
      " ?(?::|：|—|–| -) ?[^:\\n]{1,80}|[^:\\n]{1,80}(?::|：|—|–| -) ?(?:" KG_BOX_WORDS "))$");
  // Not a fact line itself ("- Albemarle: 21%"): no bullet, colon or figure. A place in
  // brackets may end it ("Thacker Pass (Nevada)").
  static const RE2* kUnpunctuatedLine =
      new RE2("^[^\\n\\d%:•*-][^\\n\\d%:：]{0,79}[^\\n\\d%.!?;:,。！？；，：\\]\"”'’]$");
  // A field line ("- Operator: Albemarle", "Ownership: Glencore 75%") keeps the topic; a prose
  // sentence ends it, as does the next heading. (A Chinese label may end in a full-width colon.)
  static const RE2* kFieldLine = new RE2("^[^\\n.:!?：]{1,60}(?:: |：)");
  // So does a participle line with no label ("Bought by Reliance New Energy in December 2021 for
  // £100 million", "Operated by Albemarle"): one clause, no sentence's full stop.
  static const RE2* kParticipleLine = new RE2(
      "^(?:Bought|Acquired|Purchased|Taken over|Owned|Operated|Run|Managed|Developed|Built|"
      "Financed|Funded|Backed|Held|Controlled) by [^\\n.!?]*$");
  // A line that is one name and nothing else heads its box even with a figure in the name
  // ("QUEBRADA BLANCA PHASE 2 (QB2)").
  static const RE2* kNameAlone = new RE2("<(?:Company|Facility)#\\d+>");
  const bool bullet = BulletBefore(doc_.text, s.span.begin);
  if (!bullet && !text.empty() &&
      (text.back() == ':' || RE2::FullMatch(tagged, *kNameAlone) ||
       RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *kUnpunctuatedLine) ||
       // A figure inside a name ("Zijin Mining — 3Q (Tres Quebradas), Catamarca") is no figure.
       RE2::FullMatch(NamesAsWords(tagged), *kUnpunctuatedLine) ||
       RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *kBoxHeading))) {
    std::set<int> named;
    for (const Item& it : items) {
      if ((it.tag == "Company" || it.tag == "Facility") && it.entity >= 0) named.insert(it.entity);
    }
    // A name guessed after a listed site and a dash is the site's place ("Mozal Aluminium —
    // Beluluane, near Maputo, Mozambique"): the listed site is the topic.
    {
      static const RE2* kSiteDashPlace =
          new RE2("^<Facility#\\d+> (?:—|–|-) <Company#(\\d+)>, (?:near |in |outside )?");
      int place = -1;
      const size_t listed = x_.gazetteer_->entities().size();
      // So is one after a company and a comma closing the heading ("JASM (Japan Advanced
      // Semiconductor Manufacturing), Kumamoto", "ESMC, Dresden").
      static const RE2* kCompanyCommaPlace =
          new RE2("^<Company#\\d+>, <Company#(\\d+)>" KG_HEADING_PLACES);
      // A listed name there followed by nothing but regions is a town that shares it too
      // ("Yara Freeport ammonia plant — Freeport, Texas").
      static const RE2* kSiteDashTown =
          new RE2("^<Facility#\\d+> (?:—|–|-) <Company#(\\d+)>" KG_HEADING_PLACES);
      const bool town = RE2::FullMatch(tagged, *kSiteDashTown, &place);
      if (named.size() == 2 &&
          (town || RE2::PartialMatch(tagged, *kSiteDashPlace, &place) ||
           RE2::FullMatch(tagged, *kCompanyCommaPlace, &place)) && place >= 0 &&
          place < static_cast<int>(items.size()) && items[place].entity >= 0 &&
          (town || static_cast<size_t>(items[place].entity) >= listed)) {
        named.erase(items[place].entity);
      }
    }
    // A box heading that names nothing ("Key figures:", "At a glance") is about the heading
    // right above it ("Husab" then "Key figures:"), else about what the title is about.
    if (named.empty() && IsBareBoxHeading(absl::string_view(text.data(), text.size()))) {
      if (topic_ >= 0) {
        named.insert(topic_);
      } else if (title_topic_ >= 0) {
        named.insert(title_topic_);
      }
    }
    // A capitalized word glued to the name ("<Company#0> Sur — ownership:") means the
    // gazetteer read only part of it: no topic.
    static const RE2* kCutName = new RE2(">[ -][A-Z]");
    // A company and its site in brackets ("PATRIOT BATTERY METALS (Shaakichiuwaanaan lithium
    // project)"): the company is the topic, the site that of the lines on a site.
    static const RE2* kCompanySite = new RE2("^<Company#(\\d+)> \\(<Facility#(\\d+)>[,)]");
    static const RE2* kCompanySitePlace =
        new RE2("^<Company#\\d+> \\(<Facility#\\d+>, <(?:Region|Country)#\\d+>\\)$");
    int company = -1, site = -1;
    // A Chinese heading that glues the company to its site ("金力永磁包头基地") is about the site,
    // as is one naming the company, then its site and the site's place ("Jiangsu Lopal Tech —
    // Kendal plant, Indonesia", "Heraeus Precious Metals, Nanjing plant", "Seqens paracetamol
    // plant, Roussillon, France" with the town's site after its owner): its lines are the
    // site's (owner, capacity, offtake).
    // (A town nobody listed may stand before the region: "Ola Electric — Ola Gigafactory,
    // Krishnagiri, Tamil Nadu".)
    static const RE2* kCompanyThenSite = new RE2(
        "^<Company#\\d+>(?:(?: —| –| -|,)? )?<Facility#(\\d+)>(?:, [A-Z][\\w-]+(?: [A-Z][\\w-]+)?)?"
        KG_HEADING_PLACES);
    // "POSCO Holdings — Sal de Oro, Salar del Hombre Muerto": the site, then the salt flat or
    // basin it lies on.
    // "Ganfeng Lithium — Mariana and Pozuelos-Pastos Grandes, Salta": two sites; the company is
    // the topic, and a line names the site it is about.
    static const RE2* kCompanyTwoSites = new RE2(
        "^<Company#(\\d+)> (?:—|–|-) <Facility#\\d+>(?: and|, and| &) <Facility#\\d+>" KG_HEADING_PLACES);
    static const RE2* kCompanySiteOnSite = new RE2(
        "^<Company#\\d+> (?:—|–|-) <Facility#(\\d+)>, <Facility#\\d+>" KG_HEADING_PLACES);
    // A site and its owner in brackets ("Louisiana steel mill (Hyundai Steel)"): the site is the
    // topic.
    static const RE2* kSiteThenOwner = new RE2("^<Facility#(\\d+)> \\(<Company#\\d+>\\)$");
    // So is a site before a comma and the port, site or town it lies in ("STS11 terminal, Port
    // of Santos"), or the site it stands next to ("Helium 2, next to Helium 1").
    static const RE2* kSiteThenPlace = new RE2(
        "^<Facility#(\\d+)>, (?:" KG_BESIDE " )?<(?:Facility|Company)#\\d+>"
        KG_HEADING_PLACES);
    // A deal's box headed "buyer / target" ("Michelin / Multistrada (Indonesia)", "Goodyear /
    // Cooper Tire"): its lines are about the target ("Capacity:", "Owner:"), and a line that
    // leaves the acquirer out ("Deal: US$439 million for 80% of …") means the buyer, the box's
    // owner.
    static const RE2* kBuyerSlashTarget = new RE2(
        "^<Company#(\\d+)> / <Company#(\\d+)>(?: \\((?:<(?:Country|Region)#\\d+>|[A-Za-z][^()<>]{0,40})\\))?$");
    int buyer = -1, target = -1;
    int glued = -1;
    if (named.size() == 2 && RE2::FullMatch(tagged, *kBuyerSlashTarget, &buyer, &target) &&
        buyer < static_cast<int>(items.size()) && target < static_cast<int>(items.size())) {
      named = {items[target].entity};
      site = -1;
    } else if (named.size() == 2 &&
        (RE2::FullMatch(tagged, *kSiteThenOwner, &glued) ||
         RE2::FullMatch(tagged, *kSiteThenPlace, &glued)) &&
        glued < static_cast<int>(items.size())) {
      named = {items[glued].entity};
      site = -1;
    } else if ((named.size() == 2 ||
                // "Sibelco (Spruce Pine, North Carolina)": the site's place names a third.
                (named.size() == 3 && RE2::FullMatch(tagged, *kCompanySitePlace))) &&
               RE2::PartialMatch(tagged, *kCompanySite, &company, &site) &&
        company < static_cast<int>(items.size()) && site < static_cast<int>(items.size())) {
      named = {items[company].entity};
    } else if (named.size() == 3 && RE2::FullMatch(tagged, *kCompanyTwoSites, &company) &&
               company < static_cast<int>(items.size())) {
      named = {items[company].entity};
      site = -1;
    } else if (((named.size() == 2 && RE2::FullMatch(tagged, *kCompanyThenSite, &glued)) ||
                (named.size() == 3 && RE2::FullMatch(tagged, *kCompanySiteOnSite, &glued))) &&
               glued < static_cast<int>(items.size())) {
      named = {items[glued].entity};
      site = -1;
    } else {
      site = -1;
    }
    const int topic_before = topic_;
    SetTopic(named, RE2::PartialMatch(tagged, *kCutName), s.text);
    if (topic_ >= 0 && site >= 0) topic_site_ = items[site].entity;
    if (topic_ >= 0 && target >= 0 && topic_ == items[target].entity) {
      box_owner_ = items[buyer].entity;
      box_owner_topic_ = topic_;
      box_operator_ = false;
    }
    // A new box's goods are its own: a line that names none ("Capacity: 30,000 tonnes a year")
    // takes none from the box above.
    if (topic_ >= 0 && topic_ != topic_before) {
      prev_commodity_ = -1;
      section_commodities_.clear();
    }
  } else if (!bullet && !RE2::PartialMatch(s.text, *kFieldLine) &&
             !RE2::PartialMatch(s.text, *kParticipleLine)) {
    topic_ = -1;
    topic_owned_ = false;
  } else {
    // A field naming the site ("- Name: Iron Bridge magnetite project") makes it the topic of the
    // lines after it, whatever the heading or title made the topic.
    static const RE2* kNameField = new RE2(
        "(?i)^(?:name|project name|site name|mine name|plant name|facility name): ");
    // So does a field naming the box's asset when nothing else made a topic ("Key figures:"
    // under a title that names no listed site, then "- Asset: Erdenet mine, open-pit …"). Only
    // then: under a company's heading "Mine: X" lists one of its assets.
    static const RE2* kAssetField = new RE2(
        "(?i)^(?:asset|main asset|mine|project|site|plant|facility|operation|refinery|smelter): ");
    if (RE2::PartialMatch(s.text, *kNameField) ||
        (topic_ < 0 && RE2::PartialMatch(s.text, *kAssetField))) {
      std::set<int> named;
      for (const Item& it : items) {
        if (it.tag == "Facility" && it.entity >= 0) named.insert(it.entity);
      }
      if (named.size() == 1) SetTopic(named, false, "");
    }
  }
}

ArticleRecord ExtractorInternal::Run() {
  record_.id = doc_.id;
  Fingerprint fp;
  fp.Add(doc_.id).Add(doc_.title).Add(doc_.text).Add(doc_.url).Add(doc_.published);
  fp.Add(doc_.source).Add(doc_.cites).Add(x_.fingerprint_);
  // An original report's numbered paragraphs (SPEC §5): [number, begin, end] byte spans into
  // the text, for citation verification; a JSONL `paragraphs` list split differently is a
  // changed article.
  if (!doc_.paragraphs.empty() && doc_.paragraphs.size() == doc_.paragraph_numbers.size()) {
    ValueList list;
    for (size_t i = 0; i < doc_.paragraphs.size(); ++i) {
      const int64_t n = doc_.paragraph_numbers[i];
      const auto b = static_cast<int64_t>(doc_.paragraphs[i].begin);
      const auto e = static_cast<int64_t>(doc_.paragraphs[i].end);
      list.push_back(Value(ValueList{Value(n), Value(b), Value(e)}));
      fp.Add(static_cast<uint64_t>(n)).Add(static_cast<uint64_t>(b)).Add(static_cast<uint64_t>(e));
    }
    record_.props["paragraphs"] = Value(std::move(list));
  }
  record_.content_hash = fp.Hex();
  FindUnlistedGoods();
  record_.props["id"] = doc_.id;
  record_.props["title"] = doc_.title;
  record_.props["text"] = doc_.text;
  if (!doc_.url.empty()) record_.props["url"] = doc_.url;
  if (!doc_.published.empty()) record_.props["published"] = doc_.published;
  if (!doc_.source.empty()) record_.props["source"] = doc_.source;
  if (!doc_.cites.empty()) record_.props["cites"] = doc_.cites;
  for (const Sentence& s : Segment(doc_)) {
    if (s.is_title) {
      // Titles are headlines: entities count as mentions, but no claims are read from them.
      std::set<int> companies;
      size_t facility_at = std::string::npos;
      for (const Mention& m : x_.gazetteer_->Find(s.text, &extra_, /*facilities=*/false)) {
        if (Entity(m.entity).label != "Region" && !m.demonym) UseEntity(m.entity);
        if (m.demonym) continue;
        if (Entity(m.entity).label == "Facility" && m.span.begin < facility_at) {
          facility_at = m.span.begin;
          title_topic_ = m.entity;
        }
        if (Entity(m.entity).label == "Company") companies.insert(m.entity);
        NoteNational(m.demonym ? "" : Entity(m.entity).label, m.entity);
      }
      // "Electra's Ontario cobalt refinery: the key figures", "Wacker's Tennessee polysilicon
      // plant, by the numbers": with no listed site, a site the headline describes (read as
      // the body reads one: place, goods, head) is what a bare "Key figures:" box is about.
      // It becomes an entity of the article only if a claim uses it.
      if (facility_at == std::string::npos) {
        std::vector<EntityDef> guessed = extra_;
        const size_t known = x_.gazetteer_->entities().size() + extra_.size();
        for (const Mention& m : x_.gazetteer_->Find(s.text, &guessed, /*facilities=*/true)) {
          if (m.demonym || m.entity < 0) continue;
          const EntityDef& def = static_cast<size_t>(m.entity) < x_.gazetteer_->entities().size()
                                     ? x_.gazetteer_->entities()[m.entity]
                                     : guessed[m.entity - x_.gazetteer_->entities().size()];
          if (def.label != "Facility") continue;
          if (static_cast<size_t>(m.entity) >= known) {
            extra_ = guessed;  // Keeps the new site (and what was guessed before it in the line).
          }
          title_topic_ = m.entity;
          facility_at = m.span.begin;
          break;
        }
      }
      if (facility_at == std::string::npos && companies.size() == 1) {
        title_topic_ = *companies.begin();
      }
      continue;
    }
    ProcessSentence(s);
  }
  // A listed site the article named by a description keeps that name among the aliases the
  // article gives it ("Debrecen plant" for EcoPro's listed "EcoPro Debrecen plant").
  for (const auto& [entity, names] : named_as_) {
    for (EntityRecord& e : record_.entities) {
      if (e.key != Entity(entity).key) continue;
      for (const std::string& n : names) {
        if (std::find(e.aliases.begin(), e.aliases.end(), n) == e.aliases.end()) e.aliases.push_back(n);
      }
    }
  }
  return std::move(record_);
}

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Load(const std::string& schema_dir) {
  auto x = std::unique_ptr<Extractor>(new Extractor());
  absl::StatusOr<std::unique_ptr<Gazetteer>> g = Gazetteer::Load(schema_dir);
  if (!g.ok()) return g.status();
  x->gazetteer_ = std::move(*g);
  x->energy_good_ = x->gazetteer_->Lookup("battery cells");
  x->barrel_good_ = x->gazetteer_->Lookup("crude oil");
  x->teu_good_ = x->gazetteer_->Lookup("containers");
  absl::StatusOr<std::unique_ptr<RuleSet>> r = RuleSet::LoadDir(absl::StrCat(schema_dir, "/rules"));
  if (!r.ok()) return r.status();
  x->rules_ = std::move(*r);
  if (const std::string* owners = x->rules_->macro("OWNERS_LABEL"); owners != nullptr) {
    RE2::Options opts;
    opts.set_case_sensitive(false);
    opts.set_log_errors(false);
    x->owners_label_ =
        std::make_unique<RE2>(absl::StrCat("^", *owners, "(?: structure)?: "), opts);
    if (!x->owners_label_->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("rules: macro OWNERS_LABEL: ", x->owners_label_->error()));
    }
  }
  x->quantities_ = std::make_unique<QuantityFinder>();
  const std::string context_path = absl::StrCat(schema_dir, "/context.tsv");
  absl::StatusOr<std::string> context_text = ReadFileBytes(context_path);
  if (!context_text.ok()) {
    return absl::NotFoundError(
        absl::StrCat(context_path, ": ", context_text.status().message()));
  }
  const std::string& context = *context_text;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(context, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(line, absl::MaxSplits('\t', 1));
    static const std::set<absl::string_view> kKinds = {"negation", "hypothetical", "planned",
                                                      "agreed", "completed",
                                                      "negation_before", "negation_after",
                                                      "conditional_after", "planned_after",
                                                      "question", "not_a_trigger"};
    if (!kKinds.contains(kv.first)) {
      return absl::InvalidArgumentError(
          absl::StrCat(context_path, ":", line_no, ": unknown trigger kind '", kv.first, "'"));
    }
    RE2::Options opts;
    opts.set_case_sensitive(false);
    opts.set_log_errors(false);
    auto re = std::make_unique<RE2>(std::string(absl::StripAsciiWhitespace(kv.second)), opts);
    if (!re->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(context_path, ":", line_no, ": bad pattern: ", re->error()));
    }
    x->triggers_.push_back(Trigger{std::string(kv.first), std::move(re)});
  }
  // Optional "KEY<TAB>name" files: a name or alias of the gazetteer per line, after a key that
  // `parse` checks. Returns the file's bytes (for the fingerprint).
  auto read_named = [&](const std::string& name, absl::string_view expected,
                        const std::function<bool(absl::string_view key, int entity)>& parse)
      -> absl::StatusOr<std::string> {
    const std::string path = absl::StrCat(schema_dir, "/", name);
    if (!std::filesystem::exists(path)) return std::string();
    absl::StatusOr<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) return absl::NotFoundError(absl::StrCat(path, ": ", bytes.status().message()));
    int n = 0;
    for (absl::string_view line : absl::StrSplit(*bytes, '\n')) {
      ++n;
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line.front() == '#') continue;
      std::pair<absl::string_view, absl::string_view> kv =
          absl::StrSplit(line, absl::MaxSplits('\t', 1));
      const int entity = x->gazetteer_->Lookup(absl::StripAsciiWhitespace(kv.second));
      if (entity < 0 || !parse(kv.first, entity)) {
        return absl::InvalidArgumentError(absl::StrCat(path, ":", n, ": expected ", expected));
      }
    }
    return bytes;
  };
  // Tiers of the value chain (downstream.tsv) and the stage of a good's capacity (stages.tsv).
  absl::StatusOr<std::string> tiers =
      read_named("downstream.tsv", "a positive TIER, a tab and a listed name",
                 [&](absl::string_view key, int entity) {
                   int tier = 0;
                   if (!absl::SimpleAtoi(key, &tier) || tier <= 0) return false;
                   x->tiers_[entity] = tier;
                   return true;
                 });
  if (!tiers.ok()) return tiers.status();
  absl::StatusOr<std::string> stages = read_named(
      "stages.tsv", "a STAGE (mining, separation, refining, metal, magnet), a tab and a listed name "
      "given no other stage", [&](absl::string_view key, int entity) {
        static const std::set<std::string, std::less<>> kStages = {"mining", "separation",
                                                                   "refining", "metal", "magnet"};
        if (!kStages.contains(key)) return false;
        return x->stages_.try_emplace(entity, std::string(key)).second;
      });
  if (!stages.ok()) return stages.status();
  // Home countries of listed companies (company_countries.tsv): "COMPANY<TAB>COUNTRY".
  absl::StatusOr<std::string> homes = read_named(
      "company_countries.tsv", "a listed company's name, a tab and a listed country's name",
      [&](absl::string_view key, int country) {
        const int company = x->gazetteer_->Lookup(key);
        if (company < 0 || x->gazetteer_->entities()[company].label != "Company" ||
            x->gazetteer_->entities()[country].label != "Country") {
          return false;
        }
        return x->home_countries_.try_emplace(company, country).second;
      });
  if (!homes.ok()) return homes.status();
  x->fingerprint_ = Fingerprint()
                        .Add(x->gazetteer_->fingerprint())
                        .Add(x->rules_->fingerprint())
                        .Add(context)
                        .Add(*tiers)
                        .Add(*stages)
                        .Add(*homes)
                        .value();
  return x;
}

ArticleRecord Extractor::Extract(const Document& doc, std::vector<SentenceTrace>* trace) const {
  return ExtractorInternal(*this, doc, trace).Run();
}

}  // namespace kg::ingest
