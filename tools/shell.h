// The interactive query shell (`kg query` without a query): reads statements ended by ';'
// (they may span lines), runs each with kg::query::Run on `store` and prints it in `format`
// (table, json, csv). Line editing and history (~/.kg_history) through libedit when stdin is
// a terminal; plain line reading otherwise (so it can be scripted). Commands, on a line of
// their own: :help, :schema (labels, relationship types, property keys with counts),
// :format table|json|csv, :quit. A failing statement prints its error and the shell goes on.
// Returns the process exit code (0).
#ifndef KG_TOOLS_SHELL_H_
#define KG_TOOLS_SHELL_H_

#include <string>

#include "graph/store.h"
#include "query/query.h"

namespace kg::tools {

int RunShell(kg::Store& store, const kg::query::QueryOptions& options, std::string format);

}  // namespace kg::tools

#endif  // KG_TOOLS_SHELL_H_
