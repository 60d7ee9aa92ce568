#include "ingest/rules.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <thread>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest/fingerprint.h"
#include "ingest/read.h"

namespace kg::ingest {
namespace {

const std::set<std::string, std::less<>>& TagTypes() {
  static const auto* kTypes = new std::set<std::string, std::less<>>{
      "Company", "Government", "Country", "Facility", "Commodity", "Person", "Demonym", "Region",
      "MONEY",   "MASS",       "PERCENT", "YEAR",     "DATE"};
  return *kTypes;
}

const std::set<std::string, std::less<>>& SlotNames() {
  static const auto* kSlots = new std::set<std::string, std::less<>>{
      "subject", "object", "amount", "quantity", "percent", "period", "commodity"};
  return *kSlots;
}

const std::set<std::string, std::less<>>& ClaimTypes() {
  static const auto* kTypes = new std::set<std::string, std::less<>>{
      "INVESTS_IN", "LENDS_TO",   "HOLDS_STAKE", "SUPPLIES",         "PRODUCES",
      "HAS_CAPACITY", "OPERATES", "LOCATED_IN",  "DEPENDS_ON",       "RESTRICTS_EXPORT"};
  return *kTypes;
}

absl::Status Error(absl::string_view origin, int line, absl::string_view msg) {
  return absl::InvalidArgumentError(absl::StrCat(origin, ":", line, ": ", msg));
}

// Appends `value` to `out` with each `{NAME}` replaced by its macro; regex repetitions such as
// {0,80} and escapes such as \p{Latin} pass through, and a `{slot:TYPES}` goes to
// `slot(inner, at)` (`at`: the brace's offset in `value`), which appends the slot's regex. An
// error is the message for the line.
absl::Status ExpandBraces(absl::string_view value, const std::map<std::string, std::string>& macros,
                          std::string* out,
                          const std::function<absl::Status(absl::string_view, size_t)>& slot) {
  size_t i = 0;
  while (i < value.size()) {
    if (value[i] != '{' || (i > 0 && value[i - 1] == '\\')) {
      out->push_back(value[i++]);
      continue;
    }
    const size_t close = value.find('}', i);
    if (close == absl::string_view::npos) return absl::InvalidArgumentError("unclosed '{'");
    const absl::string_view inner = value.substr(i + 1, close - i - 1);
    // RE2's \p{Latin}, \P{Han} and \x{2019} are regex too.
    const bool escape = i >= 2 && value[i - 2] == '\\' &&
                        (value[i - 1] == 'p' || value[i - 1] == 'P' || value[i - 1] == 'x');
    if (escape || (!inner.empty() && (absl::ascii_isdigit(inner[0]) || inner[0] == ','))) {
      out->append(value.data() + i, close - i + 1);
    } else if (inner.find(':') == absl::string_view::npos) {
      auto it = macros.find(std::string(inner));
      if (it == macros.end()) {
        return absl::InvalidArgumentError(absl::StrCat("unknown macro {", inner, "}"));
      }
      out->append(it->second);
    } else if (absl::Status st = slot(inner, i); !st.ok()) {
      return st;
    }
    i = close + 1;
  }
  return absl::OkStatus();
}

// "a=b; c=d" -> map.
std::map<std::string, std::string> ParseExpect(absl::string_view s) {
  std::map<std::string, std::string> out;
  for (absl::string_view part : absl::StrSplit(s, ';', absl::SkipWhitespace())) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(part, absl::MaxSplits('=', 1));
    out[std::string(absl::StripAsciiWhitespace(kv.first))] =
        std::string(absl::StripAsciiWhitespace(kv.second));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RuleSet>> RuleSet::LoadDir(const std::string& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".rules") files.push_back(entry.path());
  }
  if (ec) return absl::NotFoundError(absl::StrCat(dir, ": ", ec.message()));
  std::sort(files.begin(), files.end());
  auto set = std::unique_ptr<RuleSet>(new RuleSet());
  Fingerprint fp;
  for (const auto& path : files) {
    absl::StatusOr<std::string> text = ReadFileBytes(path.string());
    if (!text.ok()) {
      return absl::NotFoundError(absl::StrCat(path.string(), ": ", text.status().message()));
    }
    fp.Add(*text);
    absl::Status st = set->Parse(*text, path.string());
    if (!st.ok()) return st;
  }
  if (set->rules_.empty()) return absl::NotFoundError(absl::StrCat(dir, ": no *.rules files"));
  set->fingerprint_ = fp.value();
  if (absl::Status st = set->CompileFilter(); !st.ok()) return st;
  return set;
}

absl::StatusOr<std::unique_ptr<RuleSet>> RuleSet::FromText(absl::string_view text,
                                                           absl::string_view origin) {
  auto set = std::unique_ptr<RuleSet>(new RuleSet());
  absl::Status st = set->Parse(text, origin);
  if (!st.ok()) return st;
  set->fingerprint_ = Fingerprint().Add(text).value();
  if (absl::Status st = set->CompileFilter(); !st.ok()) return st;
  return set;
}

absl::Status RuleSet::Parse(absl::string_view text, absl::string_view origin) {
  int line_no = 0;
  Rule* rule = nullptr;
  std::set<std::string> ids;
  for (const Rule& r : rules_) ids.insert(r.id);
  auto finish = [&](int line) -> absl::Status {
    if (rule == nullptr) return absl::OkStatus();
    if (rule->type.empty()) return Error(origin, line, absl::StrCat("rule ", rule->id, ": no type"));
    if (rule->sources.empty()) {
      return Error(origin, line, absl::StrCat("rule ", rule->id, ": no pattern"));
    }
    return absl::OkStatus();
  };
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++line_no;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty() || line.front() == '#') continue;
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(line, absl::MaxSplits(' ', 1));
    absl::string_view key = kv.first;
    absl::string_view value = absl::StripAsciiWhitespace(kv.second);
    const std::string here = absl::StrCat(origin, ":", line_no);
    if (key == "define" || key == "macro") {
      std::pair<absl::string_view, absl::string_view> nv = absl::StrSplit(value, absl::MaxSplits('=', 1));
      std::string name(absl::StripAsciiWhitespace(nv.first));
      std::string body(absl::StripAsciiWhitespace(nv.second));
      if (name.empty() || body.empty()) return Error(origin, line_no, "expected NAME = VALUE");
      if (key == "define") {
        for (absl::string_view alt : absl::StrSplit(body, '|')) {
          if (!TagTypes().contains(alt) && !defines_.contains(std::string(alt))) {
            return Error(origin, line_no, absl::StrCat("unknown tag type '", alt, "'"));
          }
        }
        std::vector<std::string> expanded;
        for (absl::string_view alt : absl::StrSplit(body, '|')) {
          auto it = defines_.find(std::string(alt));
          expanded.push_back(it != defines_.end() ? it->second : std::string(alt));
        }
        defines_[name] = absl::StrJoin(expanded, "|");
      } else {
        macros_[name] = body;
      }
      continue;
    }
    if (key == "rule") {
      absl::Status st = finish(line_no);
      if (!st.ok()) return st;
      std::string id(value);
      if (id.empty()) return Error(origin, line_no, "rule without id");
      if (!ids.insert(id).second) return Error(origin, line_no, absl::StrCat("duplicate rule id ", id));
      rules_.emplace_back();
      rule = &rules_.back();
      rule->id = id;
      rule->origin = here;
      continue;
    }
    if (rule == nullptr) return Error(origin, line_no, absl::StrCat("'", key, "' outside a rule"));
    if (key == "type") {
      if (!ClaimTypes().contains(value)) {
        return Error(origin, line_no, absl::StrCat("unknown claim type '", value, "'"));
      }
      rule->type = std::string(value);
    } else if (key == "priority") {
      if (!absl::SimpleAtoi(value, &rule->priority)) {
        return Error(origin, line_no, "priority must be an integer");
      }
    } else if (key == "pattern") {
      // Expand {slot:TYPES} and {MACRO}.
      std::string out;
      std::set<std::string> seen;
      const absl::Status expanded = ExpandBraces(
          value, macros_, &out, [&](absl::string_view inner, size_t i) -> absl::Status {
            const size_t colon = inner.find(':');
            std::string slot(inner.substr(0, colon));
            if (!SlotNames().contains(slot)) {
              return absl::InvalidArgumentError(absl::StrCat("unknown slot '", slot, "'"));
            }
            if (!seen.insert(slot).second) {
              return absl::InvalidArgumentError(absl::StrCat("slot '", slot, "' used twice"));
            }
            std::string alts;
            if (!ExpandTypes(inner.substr(colon + 1), &alts)) {
              return absl::InvalidArgumentError(
                  absl::StrCat("unknown slot type in '", inner, "'"));
            }
            // A slot that can be a company or a government body may follow the description that
            // names it ("to Chinese converter Ganfeng Lithium", "by Japanese state agency
            // JOGMEC"): the COMPANY_DESC macro, when defined, goes before the slot, outside it —
            // not at the start of a pattern, which matches anywhere anyway, nor after a {DESC}
            // the rule wrote itself.
            const std::string fenced = absl::StrCat("|", alts, "|");
            if (auto desc = macros_.find("COMPANY_DESC");
                desc != macros_.end() && !out.empty() &&
                !absl::EndsWith(value.substr(0, i), "{DESC}") &&
                (absl::StrContains(fenced, "|Company|") ||
                 absl::StrContains(fenced, "|Government|"))) {
              out.append(desc->second);
            }
            absl::StrAppend(&out, "(?P<", slot, "><(?:", alts, ")#\\d+>)");
            std::string& types = rule->slot_types[slot];
            if (types.empty()) types.push_back('|');
            absl::StrAppend(&types, alts, "|");
            return absl::OkStatus();
          });
      if (!expanded.ok()) return Error(origin, line_no, expanded.message());
      // Compiled by CompileFilter, in parallel with the other patterns.
      pending_.push_back(Pending{static_cast<size_t>(rule - rules_.data()), std::move(out),
                                 std::string(origin), line_no});
      rule->sources.emplace_back(value);
    } else if (key == "ends_from") {
      // "ends_from HOLDS_STAKE": the ends come from a claim of that type the sentence states.
      const std::string from(absl::StripAsciiWhitespace(value));
      if (!ClaimTypes().contains(from)) {
        return Error(origin, line_no, absl::StrCat("ends_from: unknown claim type '", from, "'"));
      }
      rule->ends_from = from;
    } else if (key == "require") {
      if (absl::StripAsciiWhitespace(value) != "object") {
        return Error(origin, line_no, absl::StrCat("require: only 'object' (not '", value, "')"));
      }
      rule->require_object = true;
    } else if (key == "rate") {
      if (absl::StripAsciiWhitespace(value) != "output") {
        return Error(origin, line_no, absl::StrCat("rate: only 'output' (not '", value, "')"));
      }
      rule->rate_is_output = true;
    } else if (key == "held") {
      if (absl::StripAsciiWhitespace(value) != "before") {
        return Error(origin, line_no, absl::StrCat("held: only 'before' (not '", value, "')"));
      }
      rule->object_held_before = true;
    } else if (key == "owner") {
      if (absl::StripAsciiWhitespace(value) != "subject") {
        return Error(origin, line_no, absl::StrCat("owner: only 'subject' (not '", value, "')"));
      }
      rule->subject_is_box_owner = true;
    } else if (key == "customer") {
      if (absl::StripAsciiWhitespace(value) != "site") {
        return Error(origin, line_no, absl::StrCat("customer: only 'site' (not '", value, "')"));
      }
      rule->site_customer = true;
    } else if (key == "direction") {
      if (value != "downstream") {
        return Error(origin, line_no, absl::StrCat("unknown direction '", value, "'"));
      }
      rule->by_downstream = true;
    } else if (key == "unless" || key == "unless_before" || key == "subject_is" ||
               key == "subject_not") {
      // {MACRO}s expand here too; slots are for patterns only.
      std::string regex;
      const absl::Status expanded = ExpandBraces(
          value, macros_, &regex, [&](absl::string_view inner, size_t) {
            return absl::InvalidArgumentError(
                absl::StrCat(key, ": a slot {", inner, "} belongs in a pattern"));
          });
      if (!expanded.ok()) return Error(origin, line_no, expanded.message());
      RE2::Options opts;
      opts.set_case_sensitive(false);
      opts.set_log_errors(false);
      auto re = std::make_unique<RE2>(regex, opts);
      if (!re->ok()) {
        return Error(origin, line_no,
                     absl::StrCat("rule ", rule->id, ": bad ", key, ": ", re->error()));
      }
      (key == "unless"         ? rule->unless
       : key == "unless_before" ? rule->unless_before
       : key == "subject_is"    ? rule->subject_is
                                : rule->subject_not)
          .push_back(std::move(re));
    } else if (key == "fallback_section") {
      // Only the object has a section memory (the latest commodity).
      const std::string name(absl::StripAsciiWhitespace(value));
      if (name != "object") {
        return Error(origin, line_no,
                     absl::StrCat("fallback_section: only 'object' (not '", name, "')"));
      }
      rule->fallback_section.insert(name);
    } else if (key == "set" || key == "fallback" || key == "topic") {
      std::pair<absl::string_view, absl::string_view> nv = absl::StrSplit(value, absl::MaxSplits('=', 1));
      std::string name(absl::StripAsciiWhitespace(nv.first));
      std::string v(absl::StripAsciiWhitespace(nv.second));
      if (name.empty() || v.empty()) return Error(origin, line_no, "expected NAME=VALUE");
      if (key == "set") {
        rule->set[name] = v;
      } else {
        if (!SlotNames().contains(name)) {
          return Error(origin, line_no, absl::StrCat("unknown slot '", name, "'"));
        }
        if (!ExpandTypes(v, &(key == "topic" ? rule->topic : rule->fallback)[name])) {
          return Error(origin, line_no, absl::StrCat("unknown slot type in '", v, "'"));
        }
      }
    } else if (key == "example" || key == "negative") {
      RuleExample ex;
      ex.origin = here;
      std::pair<absl::string_view, absl::string_view> te =
          absl::StrSplit(value, absl::MaxSplits(" => ", 1));
      // "\n" in the text is a line break: an example may need the heading line above it.
      ex.text = absl::StrReplaceAll(absl::StripAsciiWhitespace(te.first), {{"\\n", "\n"}});
      ex.expect = ParseExpect(te.second);
      (key == "example" ? rule->examples : rule->negatives).push_back(std::move(ex));
    } else {
      return Error(origin, line_no, absl::StrCat("unknown key '", key, "'"));
    }
  }
  return finish(line_no);
}

bool RuleSet::ExpandTypes(absl::string_view types, std::string* out) const {
  std::vector<std::string> alts;
  for (absl::string_view t : absl::StrSplit(types, '|')) {
    auto it = defines_.find(std::string(t));
    if (it != defines_.end()) {
      alts.push_back(it->second);
    } else if (TagTypes().contains(t)) {
      alts.emplace_back(t);
    } else {
      return false;
    }
  }
  *out = absl::StrJoin(alts, "|");
  return true;
}

absl::Status RuleSet::CompileFilter() {
  // Pattern i goes to shard i % n; a small set (tests) stays in one.
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t n = pending_.size() < 64 ? 1 : std::min<size_t>(cores, 4);
  shards_.clear();
  shards_.resize(n);
  std::vector<absl::Status> errors(pending_.size());
  auto compile = [&](size_t s) {
    Shard& shard = shards_[s];
    shard.filter = std::make_unique<re2::FilteredRE2>(/*min_atom_len=*/3);
    RE2::Options opts;
    opts.set_case_sensitive(false);
    opts.set_log_errors(false);
    for (size_t i = s; i < pending_.size(); i += n) {
      const Pending& p = pending_[i];
      const std::string& id = rules_[p.rule].id;
      // The prefilter compiles and keeps the pattern; compiling it a second time for the rule
      // doubled the start-up time of every kg command that extracts.
      int local = -1;
      if (shard.filter->Add(p.regex, opts, &local) != RE2::NoError) {
        const RE2 bad(p.regex, opts);
        errors[i] = Error(p.origin, p.line, absl::StrCat("rule ", id, ": bad pattern: ", bad.error()));
        return;
      }
      const int size = shard.filter->GetRE2(local).ProgramSize();
      if (size > kMaxProgramSize) {
        errors[i] = Error(p.origin, p.line,
                          absl::StrCat("rule ", id, ": pattern compiles to ", size,
                                       " RE2 instructions (limit ", kMaxProgramSize,
                                       "); write long gaps as *? instead of {0,N}?"));
        return;
      }
      shard.global.push_back(static_cast<int>(i));
    }
    if (!shard.global.empty()) shard.filter->Compile(&shard.atoms);
  };
  {
    std::vector<std::thread> threads;
    for (size_t s = 1; s < n; ++s) threads.emplace_back(compile, s);
    compile(0);
    for (std::thread& t : threads) t.join();
  }
  // The first error in file order, as a sequential load would have reported it.
  for (const absl::Status& e : errors) {
    if (!e.ok()) return e;
  }
  atoms_.reset();
  atom_owner_.clear();
  RE2::Options literal;
  literal.set_literal(true);
  literal.set_log_errors(false);
  literal.set_max_mem(64 << 20);
  auto atoms = std::make_unique<RE2::Set>(literal, RE2::UNANCHORED);
  for (size_t s = 0; s < shards_.size(); ++s) {
    for (size_t a = 0; a < shards_[s].atoms.size(); ++a) {
      if (atoms->Add(shards_[s].atoms[a], nullptr) < 0) {
        return absl::InternalError(
            absl::StrCat("rule prefilter: cannot add atom '", shards_[s].atoms[a], "'"));
      }
      atom_owner_.emplace_back(static_cast<int>(s), static_cast<int>(a));
    }
  }
  if (!atom_owner_.empty()) {
    if (!atoms->Compile()) return absl::ResourceExhaustedError("rule prefilter: out of memory");
    atoms_ = std::move(atoms);
  }
  patterns_.assign(pending_.size(), PatternRef{nullptr, nullptr});
  for (const Shard& shard : shards_) {
    for (size_t local = 0; local < shard.global.size(); ++local) {
      const int i = shard.global[local];
      patterns_[i] = PatternRef{&rules_[pending_[i].rule],
                                &shard.filter->GetRE2(static_cast<int>(local))};
    }
  }
  for (size_t i = 0; i < patterns_.size(); ++i) {
    rules_[pending_[i].rule].patterns.push_back(patterns_[i].re);
  }
  pending_.clear();
  return absl::OkStatus();
}

std::vector<RuleMatch> RuleSet::Match(absl::string_view tagged) const {
  std::vector<RuleMatch> out;
  // Which patterns can match: those whose literal atoms all occur in the sentence. Atoms are
  // lowercase; ASCII lowercasing is enough for the rules' literals (English words, tags, CJK).
  std::vector<int> hits, atoms, local, candidates;
  if (atoms_ != nullptr) atoms_->Match(absl::AsciiStrToLower(tagged), &hits);
  for (size_t s = 0; s < shards_.size(); ++s) {
    if (shards_[s].global.empty()) continue;
    atoms.clear();
    for (int hit : hits) {
      if (atom_owner_[hit].first == static_cast<int>(s)) atoms.push_back(atom_owner_[hit].second);
    }
    local.clear();
    shards_[s].filter->AllPotentials(atoms, &local);
    for (int id : local) candidates.push_back(shards_[s].global[id]);
  }
  std::sort(candidates.begin(), candidates.end());  // Rule order, then pattern order.
  std::vector<re2::StringPiece> groups;
  for (int id : candidates) {
    const Rule& rule = *patterns_[id].rule;
    const RE2& re = *patterns_[id].re;
    const int n = re.NumberOfCapturingGroups() + 1;
    groups.assign(n, re2::StringPiece());
    size_t pos = 0;
    // Each iteration moves pos forward by at least one byte: bounded by the text size.
    while (pos <= tagged.size()) {
      re2::StringPiece input(tagged.data(), tagged.size());
      if (!re.Match(input, pos, tagged.size(), RE2::UNANCHORED, groups.data(), n)) break;
      RuleMatch m;
      m.rule = &rule;
      m.begin = static_cast<size_t>(groups[0].data() - tagged.data());
      m.end = m.begin + groups[0].size();
      for (const auto& [name, index] : re.NamedCapturingGroups()) {
        const re2::StringPiece& g = groups[index];
        if (g.data() != nullptr) m.slots[name] = absl::string_view(g.data(), g.size());
      }
      out.push_back(std::move(m));
      // The next try starts at the match's last tag, so that the name one match ends with may
      // open the next ("A owns 45% of B, which in turn holds 51% of C").
      const RuleMatch& last = out.back();
      size_t next = last.end;
      if (last.end > last.begin) {
        const size_t last_tag = tagged.rfind('<', last.end - 1);
        if (last_tag != absl::string_view::npos && last_tag > last.begin) next = last_tag;
      }
      pos = std::max(next, last.begin + 1);
    }
  }
  return out;
}

}  // namespace kg::ingest
