// OpenForReading: the store for a command that only reads (export, serve): opened read-only
// when the database exists, so it works while another process (an ingest) holds the write
// lock, and seeing the state at open time; created empty when missing (as `kg query` does).
#ifndef KG_TOOLS_OPEN_STORE_H_
#define KG_TOOLS_OPEN_STORE_H_

#include <filesystem>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "graph/store.h"

namespace kg::tools {

inline absl::StatusOr<std::unique_ptr<Store>> OpenForReading(const std::string& db) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(db) / "CURRENT", ec)) {
    absl::StatusOr<std::unique_ptr<Store>> created = Store::Open(db);
    if (!created.ok()) return created.status();
  }
  StoreOptions options;
  options.read_only = true;
  return Store::Open(db, options);
}

}  // namespace kg::tools

#endif  // KG_TOOLS_OPEN_STORE_H_
