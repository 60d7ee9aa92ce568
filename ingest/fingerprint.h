// Fingerprint: a stable 64-bit FNV-1a hash for content hashes and deterministic ids.
// Stable across processes and builds (unlike absl::Hash), so ids survive re-ingest.
#ifndef KG_INGEST_FINGERPRINT_H_
#define KG_INGEST_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "absl/strings/str_format.h"

namespace kg::ingest {

class Fingerprint {
 public:
  Fingerprint& Add(absl::string_view bytes) {
    for (unsigned char c : bytes) {
      h_ ^= c;
      h_ *= 1099511628211ull;
    }
    h_ ^= 0xff;  // Field separator, so ("ab","c") != ("a","bc").
    h_ *= 1099511628211ull;
    return *this;
  }
  Fingerprint& Add(uint64_t v) { return Add(absl::StrFormat("%d", v)); }
  uint64_t value() const { return h_; }
  std::string Hex() const { return absl::StrFormat("%016x", h_); }

 private:
  uint64_t h_ = 14695981039346656037ull;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_FINGERPRINT_H_
