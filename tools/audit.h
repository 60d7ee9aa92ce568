// kg audit: the `audit` subcommand, the schema gazetteer it reads with, and the verdict refresh
// that `kg ingest` runs (audit/).
// Argument parsing and printing only.
#ifndef KG_TOOLS_AUDIT_H_
#define KG_TOOLS_AUDIT_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/store.h"
#include "ingest/gazetteer.h"

namespace kg::tools {

// `kg audit [--entity NAME | --article ID | --claim ID] [--tolerance PCT]
// [--format text|json|html]`. Returns the exit code (0 ok, 1 bad input, 2 usage).
int AuditCommand(const std::string& db, const std::string& schema,
                 const std::vector<std::string>& args);

// The schema's gazetteer, with which the audit reads cited paragraphs as articles are read (no
// rules: a fraction of Extractor::Load's cost). Prints "kg: schema: …" and returns null when the
// schema is unusable.
std::unique_ptr<ingest::Gazetteer> LoadGazetteer(const std::string& schema);

// After an ingest batch: recomputes the stored verdicts (r.verification) of the changed
// articles and of those citing them (audit/refresh.h). Prints an error and returns false on
// failure.
bool RefreshVerdicts(Store& store, const ingest::Gazetteer& gazetteer,
                     const std::vector<std::string>& changed);

}  // namespace kg::tools

#endif  // KG_TOOLS_AUDIT_H_
