// page: the HTML page of `kg serve` (server.h, GET /). Internal to serve/.
// Every text that reaches the page is HTML-escaped; the SVG comes from Graphviz, which
// escapes its own text. Thread-safe (RenderSvg serializes Graphviz calls).
#ifndef KG_SERVE_PAGE_H_
#define KG_SERVE_PAGE_H_

#include <string>

#include "absl/status/statusor.h"
#include "serve/snapshots.h"

namespace kg::serve {

inline constexpr int kMaxPageDepth = 3;

struct PageRequest {
  std::string query;   // ?q= : search text (names and aliases, any language).
  std::string entity;  // ?entity= : show this entity (a name or alias).
  int depth = 1;       // ?depth= : 1..kMaxPageDepth.
};

// The neighbourhood picture of the entity `name` (links: "/?entity=NAME").
absl::StatusOr<std::string> NeighbourhoodSvg(Store& store, const std::string& name, int depth);

// The page; an entity that does not exist gives a page saying so, not an error.
absl::StatusOr<std::string> RenderPage(Snapshot& snapshot, const PageRequest& request);

}  // namespace kg::serve

#endif  // KG_SERVE_PAGE_H_
