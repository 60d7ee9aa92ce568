#include "tools/serve.h"

#include <csignal>
#include <iostream>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "audit/audit.h"
#include "audit/format.h"
#include "ingest/gazetteer.h"
#include "tools/audit.h"
#include "serve/server.h"
#include "tools/cli.h"

namespace kg::tools {
namespace {

constexpr char kHelp[] = R"(usage: kg [--db DIR] serve [options]

Serves the graph over HTTP (API and page: README.md, "kg serve"):
  POST /query          {"query": "...", "parameters": {...}} -> SPEC §4 JSON
  GET  /entity/NAME    the entity, its aliases and its claims in and out with provenance
  GET  /audit          SPEC §5 audit JSON
  GET  /               a page: search names and aliases, the neighbourhood picture, claims

options:
  --listen HOST:PORT   address (default 127.0.0.1:7474; port 0 picks a free one). Anything but
                       a loopback address exposes the graph to the network.
  --allow-writes       accept CREATE/MERGE/SET/REMOVE/DELETE (opens the database read-write,
                       so no other process can ingest meanwhile). Default: read-only, served
                       from snapshots that follow an ingest running in another process.
  --timeout SECONDS    per-query time budget (default 10)
  --max-rows N         per-query row cap (default 10000)
  --max-body BYTES     largest request body; bigger ones get 413 (default 1048576)
  --threads N          worker threads (default 16); each open keep-alive connection
                       holds one, so this bounds concurrent connections
  --refresh SECONDS    how often a read-only server looks for new data (default 1)
)";

int Usage(const std::string& message) { return UsageError("serve", message); }

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

int ServeCommand(const std::string& db, const std::string& schema,
                 const std::vector<std::string>& args) {
  serve::ServeOptions options;
  double refresh_seconds = 1;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kHelp;
      return 0;
    }
    if (a == "--allow-writes") {
      options.allow_writes = true;
      continue;
    }
    if (i + 1 >= args.size()) return Usage(absl::StrCat("unexpected argument '", a, "'"));
    const std::string& v = args[++i];
    double seconds = 0;
    int64_t n = 0;
    if (a == "--listen") {
      size_t colon = v.rfind(':');
      if (colon == std::string::npos || !absl::SimpleAtoi(v.substr(colon + 1), &n) || n < 0 ||
          n > 65535) {
        return Usage(absl::StrCat("--listen needs HOST:PORT, not '", v, "'"));
      }
      options.host = v.substr(0, colon);
      if (options.host.size() >= 2 && options.host.front() == '[' && options.host.back() == ']') {
        options.host = options.host.substr(1, options.host.size() - 2);
      }
      options.port = static_cast<int>(n);
    } else if (a == "--timeout" || a == "--refresh") {
      if (!absl::SimpleAtod(v, &seconds) || !(seconds > 0) || seconds > 86400) {
        return Usage(absl::StrCat(a, " needs a number of seconds, not '", v, "'"));
      }
      if (a == "--timeout") {
        options.query_timeout = absl::Seconds(seconds);
      } else {
        refresh_seconds = seconds;
      }
    } else if (a == "--max-rows" || a == "--max-body" || a == "--threads") {
      if (!absl::SimpleAtoi(v, &n) || n <= 0 || (a == "--threads" && n > 256)) {
        return Usage(absl::StrCat(a, " needs a positive number, not '", v, "'"));
      }
      if (a == "--max-rows") options.max_rows = static_cast<size_t>(n);
      if (a == "--max-body") options.max_body_bytes = static_cast<size_t>(n);
      if (a == "--threads") options.threads = static_cast<int>(n);
    } else {
      return Usage(absl::StrCat("unexpected argument '", a, "'"));
    }
  }

  std::unique_ptr<serve::StoreSource> source;
  if (options.allow_writes) {
    absl::StatusOr<std::unique_ptr<serve::WritableSource>> s = serve::WritableSource::Open(db);
    if (!s.ok()) {
      std::cerr << "kg: serve: " << s.status().message() << "\n";
      return 1;
    }
    source = *std::move(s);
  } else {
    absl::StatusOr<std::unique_ptr<serve::ReadOnlySource>> s =
        serve::ReadOnlySource::Open(db, absl::Seconds(refresh_seconds));
    if (!s.ok()) {
      std::cerr << "kg: serve: " << s.status().message() << "\n";
      return 1;
    }
    source = *std::move(s);
  }
  // GET /audit: the SPEC §5 report, reading cited paragraphs with the extraction schema.
  std::shared_ptr<const ingest::Gazetteer> gazetteer = LoadGazetteer(schema);
  if (gazetteer == nullptr) return 1;
  options.audit_json = [gazetteer](Store& store) -> absl::StatusOr<std::string> {
    const ingest::QuantityFinder quantities;
    absl::StatusOr<audit::AuditReport> report =
        audit::Audit(store, *gazetteer, quantities, audit::AuditOptions());
    if (!report.ok()) return report.status();
    return audit::FormatJson(*report);
  };

  // SIGINT/SIGTERM stop the server cleanly: blocked here, so every thread inherits the mask,
  // and waited for by one thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const std::string host = options.host;
  if (!IsLoopback(host)) {
    std::cerr << "kg: serve: warning: listening on " << host
              << ", not a loopback address: anyone who can reach it can read the graph\n";
  }
  serve::Server server(std::move(source), options);
  absl::StatusOr<int> port = server.Bind();
  if (!port.ok()) {
    std::cerr << "kg: serve: " << port.status().message() << "\n";
    return 1;
  }
  const bool v6 = host.find(':') != std::string::npos;
  std::cout << "kg serve: listening on http://" << (v6 ? "[" : "") << host << (v6 ? "]" : "")
            << ":" << *port << "/ (" << (options.allow_writes ? "writes allowed" : "read-only")
            << ")" << std::endl;
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.Stop();
  });
  server.Run();
  // Run() also returns if the listener fails; wake the stopper so it can be joined.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return 0;
}

}  // namespace kg::tools
