// The bulk commands of kg: `ingest` (extract + load in one process), `extract` (articles in,
// claims JSONL out, no database) and `load` (claims JSONL in, database out). Argument parsing
// and printing only; the work is in ingest/pipeline.h, ingest/claims_jsonl.h and
// graph/batch_writer.h. Each returns the process exit code (0 ok, 1 bad input, 2 usage).
#ifndef KG_TOOLS_LOAD_COMMANDS_H_
#define KG_TOOLS_LOAD_COMMANDS_H_

#include <string>
#include <vector>

namespace kg::tools {

struct CommandContext {
  std::string db;      // --db
  std::string schema;  // --schema
};

int IngestCommand(const CommandContext& ctx, const std::vector<std::string>& args);
int ExtractCommand(const CommandContext& ctx, const std::vector<std::string>& args);
int LoadCommand(const CommandContext& ctx, const std::vector<std::string>& args);

}  // namespace kg::tools

#endif  // KG_TOOLS_LOAD_COMMANDS_H_
