// normalize: the matching "shadow" of a piece of text, with an offset map back.
//
// The shadow is NFKC-case-folded; dots and other punctuation are dropped, while
// whitespace, dashes, slashes and apostrophes become one space ("U.S.-China's" ->
// "us china s"). Full-width letters and digits become ASCII. Every shadow byte records the
// byte range of the original character it came from, so a match in the shadow maps back to
// a byte span of the original. Thread-safe.
#ifndef KG_INGEST_NORMALIZE_H_
#define KG_INGEST_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"

namespace kg::ingest {

struct Shadow {
  std::string text;
  std::vector<size_t> src_begin;  // Per shadow byte: begin of its original character.
  std::vector<size_t> src_end;    // Per shadow byte: end of its original character.
  std::vector<bool> cjk;          // Per shadow byte: part of a Han/Kana/Hangul character.
};

Shadow MakeShadow(absl::string_view text);

// The shadow text alone (gazetteer keys are built with it, so both sides agree).
std::string ShadowKey(absl::string_view text);

}  // namespace kg::ingest

#endif  // KG_INGEST_NORMALIZE_H_
