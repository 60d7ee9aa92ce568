// Helpers for the end-to-end tests: run the real `kg` binary (KG_BINARY) in a child process,
// capture its stdout, stderr and exit code, and give every test its own temporary folder.
//
// The seed article lives at $KG_SOURCE_DIR/../shared/seed; tests that need it skip when the
// folder is absent.
#ifndef KG_TESTS_E2E_KG_RUNNER_H_
#define KG_TESTS_E2E_KG_RUNNER_H_

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

extern char** environ;

namespace kg_e2e {

using Json = nlohmann::json;

// What one run of the binary produced.
struct RunResult {
  int exit_code = -1;  // the exit status, or -1 when the process did not exit normally
  int signal = 0;      // the terminating signal, or 0
  std::string out;
  std::string err;
};

// A readable description of a run, for failure messages.
// The seed article's id and the canonical name its Pentagon mentions resolve to.
inline constexpr char kSeedId[] = "rare-earth-war";
inline constexpr char kDod[] = "U.S. Department of Defense";

inline std::string Describe(const RunResult& r) {
  std::ostringstream s;
  s << "exit code " << r.exit_code;
  if (r.signal != 0) s << " (killed by signal " << r.signal << ")";
  s << "\n--- stdout ---\n"
    << r.out.substr(0, 4000) << "\n--- stderr ---\n"
    << r.err.substr(0, 4000);
  return s.str();
}

inline std::string EnvOr(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

// The kg binary under test, or "" when KG_BINARY is not set.
// The full path of `tool` on PATH, or "" (tests skip what is not installed).
inline std::string Which(const std::string& tool) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = dir + "/" + tool;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

inline std::string KgBinary() { return EnvOr("KG_BINARY", ""); }

// The folder with the seed article, or "" when it is absent.
inline std::string SeedDir() {
  std::string source = EnvOr("KG_SOURCE_DIR", "");
  if (source.empty()) return "";
  std::filesystem::path dir = std::filesystem::path(source) / ".." / "shared" / "seed";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return "";
  return std::filesystem::weakly_canonical(dir, ec).string();
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFileBytes(const std::string& path, std::string_view bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Runs `binary args...` with `input` on stdin. The environment is inherited, except KG_DB,
// which is dropped so that only an explicit --db chooses the database.
inline RunResult RunProcess(const std::string& binary, const std::vector<std::string>& args,
                            std::string_view input = {}) {
  RunResult result;
  std::signal(SIGPIPE, SIG_IGN);  // a child that ignores stdin must not kill the test
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    result.err = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
    posix_spawn_file_actions_addclose(&actions, fd);
  }

  std::vector<std::string> argv_storage;
  argv_storage.push_back(binary);
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "KG_DB=", 6) != 0) envp.push_back(*e);
  }
  envp.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    result.err = "posix_spawn " + binary + ": " + std::strerror(rc);
    return result;
  }

  // Feed stdin and drain stdout/stderr together so that no pipe fills up and blocks the child.
  int in_fd = in_pipe[1];
  fcntl(in_fd, F_SETFL, fcntl(in_fd, F_GETFL) | O_NONBLOCK);
  size_t written = 0;
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  int out_fd = out_pipe[0], err_fd = err_pipe[0];
  char buf[65536];
  while (out_fd >= 0 || err_fd >= 0) {
    pollfd fds[3];
    int n = 0;
    if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (poll(fds, static_cast<nfds_t>(n), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_fd) {
        ssize_t w = write(in_fd, input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN && errno != EINTR) written = input.size();
        if (written >= input.size()) {
          close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      ssize_t got = read(fds[i].fd, buf, sizeof buf);
      if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (got <= 0) {
        close(fds[i].fd);
        (fds[i].fd == out_fd ? out_fd : err_fd) = -1;
        continue;
      }
      (fds[i].fd == out_fd ? result.out : result.err).append(buf, static_cast<size_t>(got));
    }
  }
  if (in_fd >= 0) close(in_fd);

  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  return result;
}

// A copy of the source tree's schema/ taken once per test process, so that a schema edited
// while the tests run (the content hash of an article includes the schema) cannot make two
// ingests within one test disagree. Removed at the end of the process.
class SchemaSnapshot : public ::testing::Environment {
 public:
  // The snapshot folder, or "" when there is no source schema (kg then uses its default).
  static const std::string& Dir() {
    static const std::string dir = Take();
    return dir;
  }

  void TearDown() override {
    if (Dir().empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::path(Dir()).parent_path(), ec);
  }

 private:
  static std::string Take() {
    std::string source = EnvOr("KG_SOURCE_DIR", "");
    if (source.empty()) return "";
    std::filesystem::path schema = std::filesystem::path(source) / "schema";
    std::error_code ec;
    if (!std::filesystem::is_directory(schema, ec)) return "";
    std::string pattern = ::testing::TempDir() + "kg_e2e_schema_XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data()) == nullptr) return "";
    std::filesystem::path dest = std::filesystem::path(buf.data()) / "schema";
    std::filesystem::copy(schema, dest, std::filesystem::copy_options::recursive, ec);
    return ec ? "" : dest.string();
  }
};

inline ::testing::Environment* const kSchemaSnapshotEnv =
    ::testing::AddGlobalTestEnvironment(new SchemaSnapshot);

// Splits JSON Lines output into parsed objects; a line that does not parse fails the test.
inline std::vector<Json> ParseJsonLines(const std::string& text) {
  std::vector<Json> out;
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      ADD_FAILURE() << "line " << line_no << " is not JSON: " << line;
      continue;
    }
    out.push_back(std::move(j));
  }
  return out;
}

inline std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The title of a text article: its first non-empty line.
inline std::string FirstNonEmptyLine(const std::string& text) {
  for (std::string line : SplitLines(text)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) return line;
  }
  return "";
}

// A fixture with a fresh temporary folder (kept when the test fails, for inspection) and a
// database inside it.
class KgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    binary_ = KgBinary();
    ASSERT_FALSE(binary_.empty()) << "KG_BINARY is not set; run the tests through ctest";
    ASSERT_EQ(access(binary_.c_str(), X_OK), 0) << "KG_BINARY is not executable: " << binary_;
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "." + info->name();
    for (char& c : name) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.') c = '_';
    }
    std::string pattern = ::testing::TempDir() + "kg_e2e_" + name + "_XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    ASSERT_NE(mkdtemp(buf.data()), nullptr)
        << "mkdtemp " << pattern << ": " << std::strerror(errno);
    dir_ = buf.data();
    db_ = dir_ + "/db";
  }

  void TearDown() override {
    if (dir_.empty()) return;
    if (HasFailure()) {
      std::cerr << "kept the test folder " << dir_ << "\n";
      return;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // Runs kg with the test's database and the schema snapshot:
  // `kg --db DB [--schema SNAPSHOT] args...`.
  RunResult Kg(const std::vector<std::string>& args, std::string_view input = {}) const {
    std::vector<std::string> all = {"--db", db_};
    if (!SchemaSnapshot::Dir().empty()) {
      all.push_back("--schema");
      all.push_back(SchemaSnapshot::Dir());
    }
    all.insert(all.end(), args.begin(), args.end());
    return RunProcess(binary_, all, input);
  }

  // Runs kg with exactly these arguments (no --db, no --schema).
  RunResult KgRaw(const std::vector<std::string>& args) const { return RunProcess(binary_, args); }

  // Writes a file under the test folder and returns its path.
  std::string Write(const std::string& relative, std::string_view bytes) const {
    std::string path = dir_ + "/" + relative;
    WriteFileBytes(path, bytes);
    return path;
  }

  // `kg export --format jsonl [--what WHAT]`, asserted to succeed.
  std::string ExportText(const std::string& what = "claims") const {
    RunResult r = Kg({"export", "--format", "jsonl", "--what", what});
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    return r.out;
  }

  std::vector<Json> ExportClaims() const { return ParseJsonLines(ExportText("claims")); }
  std::vector<Json> ExportEntities() const { return ParseJsonLines(ExportText("entities")); }

  // `kg query --format json QUERY`, asserted to succeed and to print one JSON object.
  Json QueryJson(const std::string& query) const {
    RunResult r = Kg({"query", "--format", "json", query});
    EXPECT_EQ(r.exit_code, 0) << query << "\n" << Describe(r);
    Json j = Json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded()) << query << ": output is not JSON:\n" << r.out;
    if (j.is_discarded() || !j.is_object()) return Json::object();
    EXPECT_TRUE(j.contains("columns") && j["columns"].is_array()) << j.dump();
    EXPECT_TRUE(j.contains("rows") && j["rows"].is_array()) << j.dump();
    return j;
  }

  std::string binary_;
  std::string dir_;
  std::string db_;
};

// Claims whose source article is `article`.
inline std::vector<Json> ClaimsOf(const std::vector<Json>& claims, const std::string& article) {
  std::vector<Json> out;
  for (const Json& c : claims) {
    if (c.contains("source") && c["source"].value("article", "") == article) out.push_back(c);
  }
  return out;
}

// Export lines (raw text) whose source article is `article`, in output order.
inline std::vector<std::string> LinesOf(const std::string& export_text,
                                        const std::string& article) {
  std::vector<std::string> out;
  for (const std::string& line : SplitLines(export_text)) {
    Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded() && j.contains("source") && j["source"].value("article", "") == article) {
      out.push_back(line);
    }
  }
  return out;
}

inline std::string NameOf(const Json& end) {
  return end.is_object() ? end.value("name", "") : std::string();
}

}  // namespace kg_e2e

#endif  // KG_TESTS_E2E_KG_RUNNER_H_
