// cli: what every kg subcommand shares — exit codes, the usage error, --help detection.
#ifndef KG_TOOLS_CLI_H_
#define KG_TOOLS_CLI_H_

#include <iostream>
#include <string>
#include <vector>

namespace kg::tools {

constexpr int kOk = 0, kBadInput = 1, kUsage = 2;

// Prints "kg: [COMMAND: ]MESSAGE" and where to read more; returns kUsage.
inline int UsageError(const std::string& command, const std::string& message) {
  const std::string prefix = command.empty() ? "" : command + ": ";
  const std::string help = command.empty() ? "kg --help" : "kg " + command + " --help";
  std::cerr << "kg: " << prefix << message << "\n(see " << help << ")\n";
  return kUsage;
}

inline bool WantsHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

}  // namespace kg::tools

#endif  // KG_TOOLS_CLI_H_
