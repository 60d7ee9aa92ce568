// NormalizeName: the one name normalizer shared by ingest (alias index keys) and query
// (`{name: 'Pentagon'}` lookups), so both sides agree on what "the same name" means.
//
// NFKC, case folding, punctuation and symbols dropped (dashes and slashes become spaces),
// whitespace collapsed and trimmed, one leading "the " removed. Letters of every script are
// kept ("美国" stays "美国"). The same rules as shared/eval/grade.py. Thread-safe.
#ifndef KG_GRAPH_NAMES_H_
#define KG_GRAPH_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

// Returns the normalized form of a UTF-8 name. Invalid UTF-8 bytes are dropped.
std::string NormalizeName(std::string_view name);

// How NormalizeName treats one code point: kept, turned into a space (whitespace, dashes,
// slashes), or dropped (other punctuation, symbols, controls). ingest/normalize.cc builds its
// matching shadow with the same classes.
enum class NameChar { kKeep, kSpace, kDrop };
NameChar ClassifyNameChar(int32_t code_point);

}  // namespace kg

#endif  // KG_GRAPH_NAMES_H_
