// gherkin: the subset of Gherkin the openCypher TCK's .feature files use, parsed into
// scenarios ready to run (Background steps prepended, each Scenario Outline expanded into one
// scenario per Examples row with `<placeholders>` substituted).
//
// Steps keep their text (without the Given/When/Then/And/But keyword), an optional doc string
// ("""…""", indentation of the opening quotes removed) and an optional data table (cells
// trimmed, Gherkin cell escapes \| \\ \n resolved). Comments (#) and tags (@) are ignored.
#ifndef KG_TESTS_TCK_GHERKIN_H_
#define KG_TESTS_TCK_GHERKIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace kg::tck {

struct Step {
  int line = 0;
  std::string text;                            // e.g. "executing query:"
  std::string keyword;                         // Given, When, Then, And, But
  std::string doc;                             // doc string, empty when none
  std::vector<std::vector<std::string>> table;  // data table rows, empty when none
};

struct Scenario {
  std::string name;  // "[3] Match ..." ; outline rows get " (example N)" appended
  int line = 0;
  std::vector<Step> steps;  // Background steps first.
};

struct Feature {
  std::string name;
  std::vector<Scenario> scenarios;
};

// Parses one .feature file's text. `file` names it in errors ("FILE:LINE: what").
absl::StatusOr<Feature> ParseFeature(std::string_view text, std::string_view file);

}  // namespace kg::tck

#endif  // KG_TESTS_TCK_GHERKIN_H_
