// Key encodings of the graph store (the layout is documented in graph/README.md).
//
// Ids are 8-byte big-endian so byte order is numeric order. Strings inside composite keys are
// "ordered strings": 0x00 escaped as 0x00 0xFF and terminated by 0x00 0x01, which keeps byte
// order equal to string order and makes a prefix scan on one string exact. All functions are
// pure and thread-safe. Internal to graph/.
#ifndef KG_GRAPH_KEYS_H_
#define KG_GRAPH_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kg::keys {

// Appends v as 8 bytes big-endian.
void PutId(uint64_t v, std::string* out);
std::string Id(uint64_t v);
// Reads 8 bytes big-endian from the front of *in and advances. False when too short.
bool GetId(std::string_view* in, uint64_t* v);

// Appends the ordered-string encoding of s.
void PutOrdered(std::string_view s, std::string* out);
std::string Ordered(std::string_view s);
// Decodes one ordered string from the front of *in and advances. False when malformed.
bool GetOrdered(std::string_view* in, std::string* s);

// The smallest key greater than every key starting with `prefix`, or nullopt when there is
// none (prefix empty or all 0xFF).
std::optional<std::string> PrefixSuccessor(std::string_view prefix);

}  // namespace kg::keys

#endif  // KG_GRAPH_KEYS_H_
