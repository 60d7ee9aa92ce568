// gazetteer: entity recognition by dictionary (SPEC §2 labels), loaded from schema/.
//
// File format (schema/entities.tsv): `LABEL<TAB>canonical name<TAB>alias | alias | …`,
// `#` comments and blank lines ignored. Names and aliases are matched on the shadow text
// (ingest/normalize.h) at token boundaries (any character boundary inside CJK text), longest
// match first, leftmost first, no overlaps. An alias written with two or more capitals and at
// most four letters (US, MP, EU, DoD) only matches text with the same capitals, so the
// pronoun "us" is not the United States; so does a name or alias written with a leading "="
// ("=Mineral Resources": the company, not "mineral resources"), the "=" not being part of it.
//
// Demonyms (label `Demonym`, name = a Country's canonical name, aliases = "German", …) are
// found like names; their mention points at the country with `demonym` set. The name itself
// is the country's surface, not the demonym's.
//
// Regions (label `Region`: states, provinces) are matched so that their words are not read as
// a country or a company. A fourth field names the region's country ("Region<TAB>Quebec<TAB>
// Québec<TAB>Canada"), which must be listed; RegionCountry() gives it, and extraction tags such
// a region `Region` with the country as its entity, the way a demonym names its country.
//
// Unknown companies: a capitalized name followed by a corporate suffix (Inc., Corp., Ltd,
// Resources, Minerals, Mining, …; schema/company_suffixes.txt) becomes a Company mention
// with a new entity.
//
// Unnamed facilities (schema/name_words.txt): "its rare earth magnet plant in Narva" and
// "the Narva magnet plant" become one Facility mention named "Narva plant" (the gazetteer's
// entity when it knows that name, else a new one); a Commodity inside the description is the
// mention's `product`. With a country as the place ("a refinery in Saudi Arabia") the name is
// the description itself.
//
// A listed company's name of one or two words followed by a capitalized word that begins no other mention and is
// no stop, title or suffix word is the start of a longer unlisted name ("Hyundai Mobis" is not
// Hyundai Motor): the listed mention is dropped and the run read as below.
//
// Other capitalized names ("Zijin", "Stellantis", "CATL") become `guessed` Company mentions:
// not after in/at/near (places), not after a title word (people), not a stop word
// (schema/name_words.txt), not a lone capitalized word opening the sentence. A guessed name
// that begins a longer company name found in the same text is that company ("Zijin" after
// "Zijin Mining"). A guessed name after a verb of running a site ("runs Tanco"), or one ending
// in a capitalized head ("Mariana Lithium Project"), is a Facility instead; a capitalized
// commodity may open a company's name ("Cobalt Holdings", "Lithium Australia"), and a listed
// company before one names its unit ("Rio Tinto Lithium").
//
// Unlisted Chinese names (schema/company_suffixes.txt `zh`/`zh_form` words, schema/name_words.txt
// `stop_zh`, `generic_zh`, `kind_zh` and `head_zh`): two to four characters after a clean left
// boundary (text start, punctuation, a `stop_zh` word such as 由/与/持有, or another name)
// followed by company words ("九岭锂业", "…新能源有限责任公司"; with a legal form the name may be
// longer and hold commodities: "包头华美稀土高科有限公司", a province or country before it is
// part of it) are a Company; such a name followed by commodities or kinds and a facility head
// ("业隆沟锂辉石矿", "华飞镍钴项目", "温山冶炼厂") is a Facility. A listed company followed by
// company words is that company ("宁德时代新能源科技股份有限公司"); a Latin name followed by one
// is a Company named with the English word ("Bintang Delapan集团": "Bintang Delapan Group").
// A lone lower-case word coordinated before a listed commodity of two or more words ("natural
// and synthetic graphite") is a mention of the commodity that word and the same head name, when
// one is listed ("natural graphite").
// Immutable after Load(); Find() is thread-safe.
#ifndef KG_INGEST_GAZETTEER_H_
#define KG_INGEST_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "ingest/document.h"
#include "re2/re2.h"

namespace kg::ingest {

struct EntityDef {
  std::string key;    // "Label:normalized name" — stable across articles and runs.
  std::string label;
  std::string name;
  std::vector<std::string> aliases;
  // In an article's extra list only: a record of label "Alias" saying that `name`, a Chinese
  // name the article gave in brackets ("China Baowu Steel Group (中国宝武钢铁集团)"), stands for
  // entity `alias_of` (an index as in Mention::entity) in the rest of the article.
  int alias_of = -1;
};

struct Mention {
  Span span;          // Byte span in the text given to Find().
  int entity = -1;    // Index into Gazetteer::entities() of the matched entity.
  bool demonym = false;  // "German": `entity` is the country.
  int product = -1;   // Unnamed facility: the Commodity entity its description names.
  bool guessed = false;  // A capitalized name nobody listed, read as a Company (see Find).
  // A listed facility found by a description ("its plant in Debrecen"): the name the text gives
  // it ("Debrecen plant"), when that is not its listed name; empty otherwise.
  std::string named_as;
};

// The words of schema/name_words.txt.
struct NameWords {
  std::vector<std::string> heads;        // plant, mine, refinery, … (lower case)
  std::vector<std::string> descriptors;  // sintered, separation, new, … (lower case)
  absl::flat_hash_set<std::string> stops;   // The, March, Analysts, … (as written)
  absl::flat_hash_set<std::string> titles;  // executive, minister, Mr, … (as written)
  // Island, Peninsula, …: an unlisted name ending in one is a place, not a company.
  absl::flat_hash_set<std::string> places;  // (as written)
  // Act, Army, …: an unlisted name ending in one is no organisation kg tracks (a law, an
  // armed group).
  absl::flat_hash_set<std::string> not_orgs;  // (as written)
  // Park, Estate, …: "the plant at Tyseley Energy Park" is the "Tyseley plant".
  absl::flat_hash_set<std::string> sites;  // (as written)
  // Terminal, Usina, …: an unlisted name of two or more words opened by one is a site
  // ("Terminal XXXIX", "Terminal de Granéis do Guarujá").
  absl::flat_hash_set<std::string> site_firsts;  // (as written)
  // Chinese facility heads after a Latin name and their English head: {"铜矿", "mine"}, …
  // (longest first).
  std::vector<std::pair<std::string, std::string>> zh_heads;
  // The English head zh_heads gives a Chinese one ("铜矿" -> "mine"); empty for no head.
  absl::string_view EnglishHead(absl::string_view zh) const;
  absl::flat_hash_set<std::string> joined;  // Consultancy, Steel, … after "and" in a name
  // Chinese words after which a name begins (在, 由, 与, 持有, 运营, …; longest first), words
  // that are no part of a name (海外, 一座, 合资, …) and kinds of deposit or process between a
  // facility's name and its head (盐湖, 高压酸浸, …; longest first).
  std::vector<std::string> zh_stops;
  // Those of them that stand before a figure (约, 达, 逾): a name's left edge only where no
  // ideograph follows them, so that 达 inside "印达尔科" is no boundary (also in zh_stops).
  absl::flat_hash_set<std::string> zh_before_figure;
  // Words for a firm of the trade (企业, 生产商, 铝企): a transliteration with its Latin name in
  // brackets right after one names a company (file order).
  std::vector<std::string> zh_firm_words;
  // A person's title (首席执行官, 董事长, …): a name guessed right after one is the person's.
  std::vector<std::string> zh_titles;
  absl::flat_hash_set<std::string> zh_generic;
  std::vector<std::string> zh_kinds;
  // Words of a site's description between a transliterated name in brackets and its head
  // ("科特卡（Kotka）建设…一体化基地", "一座超级工厂"; longest first).
  std::vector<std::string> zh_descriptors;
  // Stop or generic words that may stand inside an unlisted name before a legal form
  // ("鸿商投资有限公司": 投资); never a name by themselves.
  absl::flat_hash_set<std::string> zh_inner;
  // Aliases that are common English words ("lead"): a mention only beside a quantity, another
  // commodity or a word of the trade ("430,000 tonnes of lead", "zinc and lead", "lead
  // concentrate"). (lower case)
  absl::flat_hash_set<std::string> ambiguous;
};

class Gazetteer {
 public:
  // Loads entities.tsv, company_suffixes.txt and name_words.txt of a schema directory. Errors
  // name the file and line. A fraction of the cost of Extractor::Load (no rules): what the
  // audit needs.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Load(const std::string& schema_dir);
  // Same, from text already read (tests).
  static absl::StatusOr<std::unique_ptr<Gazetteer>> FromText(
      absl::string_view entities_tsv, absl::string_view suffixes, absl::string_view origin,
      absl::string_view name_words = "");

  // Mentions in `text`, in order. Unknown companies found by suffix and unnamed facilities
  // (when `facilities`; headlines are too terse for them) are appended to *extra (entity
  // indices >= entities().size() refer to extra[i - entities().size()]).
  std::vector<Mention> Find(absl::string_view text, std::vector<EntityDef>* extra,
                            bool facilities = true) const;

  const std::vector<EntityDef>& entities() const { return entities_; }
  const NameWords& name_words() const { return name_words_; }
  // The Country a Region entity lies in (schema/entities.tsv's fourth field), else -1.
  int RegionCountry(int entity) const {
    return entity >= 0 && static_cast<size_t>(entity) < region_country_.size()
               ? region_country_[entity]
               : -1;
  }
  // The entity a name or alias denotes, if any (first listed wins).
  int Lookup(absl::string_view name) const;
  // Whether a facility head names any kind of site ("project", "operation", "complex", …): a
  // writer may call a mine or a plant by it.
  static bool IsGenericHead(absl::string_view head);
  // The head noun of a facility name ("White Mesa Mill" -> "mill"), or "" if none.
  std::string FacilityHead(absl::string_view name) const;
  // The longest Chinese facility head (schema/name_words.txt head_zh) of at least `min_bytes`
  // that text[at...] begins with, with its English head ("冶炼厂" -> "smelter"), or nullptr.
  const std::pair<std::string, std::string>* ZhHeadAt(absl::string_view text, size_t at,
                                                      size_t min_bytes = 0) const;
  // The one listed facility whose name or alias is `place`, one or two more words and `head`
  // ("Obi" + "plant" -> Obi HPAL plant, "Kidd" + "mine" -> Kidd Creek mine); -1 when none or
  // more than one.
  int ListedFacilityLike(absl::string_view place, absl::string_view head) const;
  // "the plant", "the magnet factory": a definite description that may refer back to a
  // facility; group 1 is the head noun. Null without facility words.
  const RE2* facility_anaphor_re() const { return facility_anaphor_re_.get(); }
  // Content fingerprint (for "has the schema changed" checks).
  uint64_t fingerprint() const { return fingerprint_; }

 private:
  struct Surface {
    int entity;
    std::string exact;  // Non-empty: original must equal this (dots removed), case-sensitive.
  };
  std::vector<EntityDef> entities_;
  absl::flat_hash_map<std::string, std::vector<Surface>> keys_;
  // (key, entity) of every Facility surface, sorted: the listed facilities of one place.
  std::vector<std::pair<std::string, int>> facility_keys_;
  // Every byte prefix of every key: a text piece that is no prefix ends the search early.
  absl::flat_hash_set<std::string> prefixes_;
  void FindFacilities(absl::string_view text, std::vector<Mention>* out,
                      std::vector<EntityDef>* extra) const;
  // The listed facility a bare name stands for ("Centinela" for "Centinela mine", "Iron Bridge"
  // for "Iron Bridge project"), with the same capitals; -1 when none.
  int ListedSiteOf(absl::string_view bare) const;
  // The listed company a bare name stands for when the list spells it with a legal form only
  // ("Salzgitter" for "Salzgitter AG"), with the same capitals; -1 when none.
  int ListedCompanyOf(absl::string_view bare) const;
  void FindGuessedNames(absl::string_view text, std::vector<Mention>* out,
                        std::vector<EntityDef>* extra) const;
  // Unlisted Chinese companies and facilities (see the file comment); facilities only when
  // `facilities`.
  // "the Government of Jamaica": the country's listed government, or one named "Government of
  // <Country>" added to `extra`. An unlisted ministry ("the Ministry of Industry and
  // Infrastructure Development of Kazakhstan", "Brazil's Ministry of Mines and Energy") is one
  // Government named as written, not companies made of its capitalized words.
  void FindGovernments(absl::string_view text, std::vector<Mention>* out,
                       std::vector<EntityDef>* extra) const;
  void FindZhNames(absl::string_view text, std::vector<Mention>* out,
                   std::vector<EntityDef>* extra, bool facilities) const;
  // Whether a Chinese company word longer than `head_size` bytes starts at `at` ("Kodal矿业":
  // 矿业 is a company word, not the mine head 矿).
  bool LongerCompanyWordAt(absl::string_view text, size_t at, size_t head_size) const;
  // The length of `text` without the Chinese company words that close it ("摩洛哥矿业集团" -> the
  // bytes of 摩洛哥; "矿业有限公司" -> 0).
  size_t WithoutCompanyWords(absl::string_view text) const;
  // Takes the one Chinese company word that closes *text off it ("皮克稀土公司" -> "皮克稀土");
  // false when none closes it.
  bool StripCompanyWord(absl::string_view* text) const;
  // Whether `entity` is a listed country or region.
  bool IsPlace(int entity) const;
  // Whether a mention in `out` ending at `pos` is a region of a country other than `country`
  // ("西澳" before "马里": Western Australia is no part of Mali).
  bool OtherCountrysRegionEndsAt(const std::vector<Mention>& out, size_t pos, int country) const;
  // The one unlisted facility in `extra` named `name` or `name` and more words ("Korva" ->
  // Korva mine), else -1.
  int ExtraFacilityNamed(absl::string_view name, const std::vector<EntityDef>& extra) const;
  // The index of `def` in the combined list, appending it to *extra when new.
  int AddExtra(EntityDef def, std::vector<EntityDef>* extra) const;
  // Records `alias` (a Chinese name) as the article's name for `entity`; FindArticleAliases
  // reads it in later text. The first name given wins. `kind` prefixes the record's key:
  // "Short:" marks a company's name without its suffix, read only between word boundaries.
  void NoteArticleAlias(int entity, absl::string_view alias, std::vector<EntityDef>* extra,
                        absl::string_view kind = "Alias:") const;
  // A company's Chinese name written with its Latin name in brackets: the article's name for it
  // from then on, with its stem (the part before the company words) when that names nothing
  // else; an unlisted company also keeps it as an alias.
  void NoteChineseName(int entity, absl::string_view zh_name, std::vector<EntityDef>* extra) const;
  // "Chinalco Iron Ore Holdings (中铝铁矿控股)": a name followed by a Chinese name in brackets is
  // one mention, the Chinese name its article alias; a company's name without its suffix
  // ("Savannah" after "Savannah Resources") is one too; then every mention of a noted alias.
  void FindArticleAliases(absl::string_view text, std::vector<Mention>* out,
                          std::vector<EntityDef>* extra) const;
  // "BASF Heraeus Metal Resource (BHMR)": capitalized words whose initials the bracketed acronym
  // after them spells are one company's name (with the bracket), whatever listed names lie inside
  // it; the acronym names it later. Not a site's name (a head ends it) nor one read whole.
  void JoinInitialedNames(absl::string_view text, std::vector<Mention>* out,
                          std::vector<EntityDef>* extra) const;
  // A company named "<...> Mining and Chemicals Corporation": the trade words after "and" go on
  // with the name before (FindGuessedNames read two companies).
  void JoinTradeWords(absl::string_view text, std::vector<Mention>* out,
                      std::vector<EntityDef>* extra) const;
  // The listed entity `name` when it has `label`, else an unlisted one of that label (keyed
  // "<label>:<normalized name>") added to *extra.
  int ListedOrAdded(const std::string& name, const std::string& label,
                    std::vector<EntityDef>* extra) const;
  // The label of a mention's entity, listed or in *extra.
  const std::string& LabelOf(const Mention& m, const std::vector<EntityDef>& extra) const;
  absl::Status LoadNameWords(absl::string_view text);
  // Notes the Chinese name of each site mention without its head ("马里恩山" of "马里恩山锂矿") as
  // an article alias of the site, for the sentences after.
  void NoteZhSiteStems(absl::string_view text, const std::vector<Mention>& out,
                       std::vector<EntityDef>* extra) const;

  // Capitalized words ending in a company suffix (schema/company_suffixes.txt); null if none.
  std::unique_ptr<RE2> company_re_;
  std::unique_ptr<RE2> company_prefix_re_;  // "PT …": a name opened by a corporate prefix.
  absl::flat_hash_set<std::string> suffix_first_words_;  // "Rare" of "Rare Earths", "Mining", …
  absl::flat_hash_set<std::string> suffixes_;            // "Rare Earths", "Mining", "Corp", …
  // Listed sites and companies by their name without head or legal form (ListedSiteOf,
  // ListedCompanyOf), built at load.
  absl::flat_hash_map<std::string, int> bare_sites_, bare_companies_;
  // Chinese company words (锂业, 集团, 有限公司, …; longest first) with their English word ("Group"
  // for 集团; empty for 公司), and which of them are legal forms (有限公司, 股份有限公司, …).
  std::vector<std::pair<std::string, std::string>> zh_company_words_;
  absl::flat_hash_set<std::string> zh_legal_forms_;
  // Words that join a company's name before them ("福特汽车") and make none by themselves.
  std::vector<std::pair<std::string, std::string>> zh_after_words_;
  NameWords name_words_;
  // "HEAD in|at|near Place" and "Place DESCRIPTOR* HEAD"; null without facility words.
  std::unique_ptr<RE2> facility_after_re_, facility_before_re_, facility_anaphor_re_;
  std::unique_ptr<RE2> plural_after_re_;  // "plants in ": a plural head before a list of places.
  // "its Henderson, Nevada, plant": a town, its state between commas, then a head.
  std::unique_ptr<RE2> town_region_head_re_;
  // A head right after a name, up to two lower-case words between (" nickel operation").
  std::unique_ptr<RE2> head_after_re_;
  // A firm word, then a transliteration before a bracket (from zh_firm_words); null with none.
  std::unique_ptr<RE2> zh_firm_name_re_;
  std::vector<int> demonym_country_;  // Per entity: the country a Demonym names, else -1.
  std::vector<int> region_country_;   // Per entity: the country a Region lies in, else -1.
  size_t max_key_bytes_ = 0;
  uint64_t fingerprint_ = 0;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_GAZETTEER_H_
