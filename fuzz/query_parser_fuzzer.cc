// libFuzzer target: any byte string given to the query front end (lexer, parser, binder)
// must come back as a query or a positioned error — never a crash, hang or sanitizer report.
// Build and run: see the "Fuzzing" section of query/README.md.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // Longer inputs add time, not coverage.
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)kg::query::Check(text);
  return 0;
}
