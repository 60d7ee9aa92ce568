#include "tests/tck/gherkin.h"

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kg::tck {
namespace {

std::string Trim(std::string_view s) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size())));
}

// Splits "| a | b\|c |" into cells, resolving Gherkin escapes.
std::vector<std::string> Cells(std::string_view line) {
  std::vector<std::string> cells;
  std::string cur;
  bool started = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '\\' && i + 1 < line.size()) {
      char n = line[i + 1];
      if (n == '|' || n == '\\') {
        cur.push_back(n);
        ++i;
        continue;
      }
      if (n == 'n') {
        cur.push_back('\n');
        ++i;
        continue;
      }
      cur.push_back(c);
      continue;
    }
    if (c == '|') {
      if (started) cells.push_back(Trim(cur));
      started = true;
      cur.clear();
      continue;
    }
    cur.push_back(c);
  }
  return cells;
}

struct RawScenario {
  std::string name;
  int line = 0;
  bool outline = false;
  std::vector<Step> steps;
  std::vector<std::vector<std::vector<std::string>>> examples;  // tables (header first)
};

std::string Substitute(std::string s, const std::vector<std::string>& header,
                       const std::vector<std::string>& row) {
  std::vector<std::pair<std::string, std::string>> subs;
  for (size_t i = 0; i < header.size() && i < row.size(); ++i) {
    subs.push_back({absl::StrCat("<", header[i], ">"), row[i]});
  }
  return absl::StrReplaceAll(s, subs);
}

}  // namespace

absl::StatusOr<Feature> ParseFeature(std::string_view text, std::string_view file) {
  std::vector<std::string> lines = absl::StrSplit(absl::string_view(text.data(), text.size()), '\n');
  Feature feature;
  std::vector<Step> background;
  std::vector<RawScenario> raws;
  // Where steps/tables currently go.
  enum class Section { kNone, kBackground, kScenario, kExamples } section = Section::kNone;
  auto err = [&](int line, std::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(file), ":", line, ": ", std::string(what)));
  };
  auto current_steps = [&]() -> std::vector<Step>* {
    if (section == Section::kBackground) return &background;
    if (section == Section::kScenario) return &raws.back().steps;
    return nullptr;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const int lineno = static_cast<int>(i) + 1;
    std::string line = lines[i];
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string t = Trim(line);
    if (t.empty() || t[0] == '#' || t[0] == '@') continue;
    absl::string_view tv(t);
    if (absl::ConsumePrefix(&tv, "Feature:")) {
      feature.name = Trim(std::string(tv));
      section = Section::kNone;
    } else if (absl::ConsumePrefix(&tv, "Background:")) {
      section = Section::kBackground;
    } else if (absl::ConsumePrefix(&tv, "Scenario Outline:") ||
               absl::ConsumePrefix(&tv, "Scenario Template:")) {
      raws.push_back({Trim(std::string(tv)), lineno, true, {}, {}});
      section = Section::kScenario;
    } else if (absl::ConsumePrefix(&tv, "Scenario:") || absl::ConsumePrefix(&tv, "Example:")) {
      raws.push_back({Trim(std::string(tv)), lineno, false, {}, {}});
      section = Section::kScenario;
    } else if (absl::ConsumePrefix(&tv, "Examples:") || absl::ConsumePrefix(&tv, "Scenarios:")) {
      if (raws.empty()) return err(lineno, "Examples outside a Scenario Outline");
      raws.back().examples.emplace_back();
      section = Section::kExamples;
    } else if (t[0] == '|') {
      if (section == Section::kExamples) {
        raws.back().examples.back().push_back(Cells(t));
      } else {
        std::vector<Step>* steps = current_steps();
        if (steps == nullptr || steps->empty()) return err(lineno, "table outside a step");
        steps->back().table.push_back(Cells(t));
      }
    } else if (absl::StartsWith(t, "\"\"\"") || absl::StartsWith(t, "```")) {
      std::vector<Step>* steps = current_steps();
      if (steps == nullptr || steps->empty()) return err(lineno, "doc string outside a step");
      const std::string fence = t.substr(0, 3);
      const size_t indent = line.find_first_not_of(" \t");
      std::string doc;
      size_t j = i + 1;
      for (; j < lines.size(); ++j) {
        std::string l = lines[j];
        if (!l.empty() && l.back() == '\r') l.pop_back();
        if (Trim(l) == fence) break;
        size_t k = 0;
        while (k < indent && k < l.size() && (l[k] == ' ' || l[k] == '\t')) ++k;
        if (!doc.empty() || j > i + 1) doc.push_back('\n');
        doc.append(l.substr(k));
      }
      if (j >= lines.size()) return err(lineno, "unterminated doc string");
      steps->back().doc = doc;
      i = j;
    } else {
      std::string keyword;
      for (const char* kw : {"Given ", "When ", "Then ", "And ", "But "}) {
        if (absl::StartsWith(t, kw)) keyword = Trim(kw);
      }
      if (keyword.empty()) return err(lineno, absl::StrCat("unrecognized line: ", t));
      std::vector<Step>* steps = current_steps();
      if (steps == nullptr) return err(lineno, "step outside a scenario");
      Step step;
      step.line = lineno;
      step.keyword = keyword;
      step.text = Trim(t.substr(keyword.size()));
      steps->push_back(std::move(step));
    }
  }
  for (RawScenario& raw : raws) {
    std::vector<Step> steps = background;
    steps.insert(steps.end(), raw.steps.begin(), raw.steps.end());
    if (!raw.outline) {
      feature.scenarios.push_back({raw.name, raw.line, std::move(steps)});
      continue;
    }
    int n = 0;
    for (const auto& table : raw.examples) {
      if (table.empty()) continue;
      const auto& header = table[0];
      for (size_t r = 1; r < table.size(); ++r) {
        Scenario s;
        s.name = absl::StrCat(raw.name, " (example ", ++n, ")");
        s.line = raw.line;
        for (Step st : steps) {
          st.text = Substitute(st.text, header, table[r]);
          st.doc = Substitute(st.doc, header, table[r]);
          for (auto& row : st.table) {
            for (auto& cell : row) cell = Substitute(cell, header, table[r]);
          }
          s.steps.push_back(std::move(st));
        }
        feature.scenarios.push_back(std::move(s));
      }
    }
  }
  return feature;
}

}  // namespace kg::tck
