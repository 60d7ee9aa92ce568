// `kg serve`: argument parsing and process plumbing (signals) for serve/server.h.
#ifndef KG_TOOLS_SERVE_H_
#define KG_TOOLS_SERVE_H_

#include <string>
#include <vector>

namespace kg::tools {

// Returns the process exit code (0 after a clean stop, 1 cannot serve, 2 usage).
int ServeCommand(const std::string& db, const std::string& schema,
                 const std::vector<std::string>& args);

}  // namespace kg::tools

#endif  // KG_TOOLS_SERVE_H_
