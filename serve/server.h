// server: `kg serve` — the graph over HTTP (cpp-httplib), for analysts' tools and a browser.
//
//   POST /query         body: {"query": "...", "parameters": {...}} (JSON), or the query as
//                       plain text. Response: SPEC §4 JSON ({"columns","rows","stats"}).
//                       Errors: {"error":{"kind","detail","line","column","message"}} with
//                       400 (query errors), 403 (a write without --allow-writes),
//                       422 (row cap), 503 (time budget), 500 (storage).
//   GET  /entity/{name} the entity a name or alias resolves to, its aliases, and its claims
//                       out and in with provenance (404 when no entity has that name).
//   GET  /audit         SPEC §5 audit JSON, when the server was given an audit function
//                       (else 501 with a message).
//   GET  /search?q=     entity names and aliases matching q (JSON list), for the search box.
//   GET  /svg?entity=NAME[&depth=N]   the neighbourhood picture (image/svg+xml).
//   GET  /?q=TEXT | /?entity=NAME[&depth=N]   the page: search box, the chosen entity's
//                       neighbourhood as SVG (each node links to its own neighbourhood) and
//                       its claims with sentences and citations. Rendered on the server, so
//                       it works without JavaScript.
// Bounds: request bodies over max_body_bytes get 413 (before they are read); each query runs
// with query_timeout and max_rows; at most `threads` requests run at once. Reads come from the
// StoreSource's current snapshot (serve/snapshots.h); writes only with a WritableSource and
// allow_writes.
// Thread-safety: Run() blocks serving; Stop() may be called from any thread.
#ifndef KG_SERVE_SERVER_H_
#define KG_SERVE_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "graph/store.h"
#include "serve/snapshots.h"

namespace kg::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";  // Default: loopback only.
  int port = 7474;                 // 0: any free port (see Bind()).
  bool allow_writes = false;       // Default: false (writes get 403).
  size_t max_body_bytes = 1 << 20;              // Default: 1 MiB.
  absl::Duration query_timeout = absl::Seconds(10);  // Default: 10 s.
  size_t max_rows = 10'000;                     // Default: 10,000.
  int threads = 16;  // Default: 16. Each open keep-alive connection holds one (cpp-httplib).
  // GET /audit: the SPEC §5 JSON of a store. Null: 501 Not Implemented.
  std::function<absl::StatusOr<std::string>(Store&)> audit_json;
};

class Server {
 public:
  Server(std::unique_ptr<StoreSource> source, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port. Returns the port bound (useful with port 0).
  absl::StatusOr<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::serve

#endif  // KG_SERVE_SERVER_H_
