// Test helpers for query tests: a fresh store in a temporary directory, and running a
// query to its JSON text (or its formatted error).
#ifndef KG_TESTS_QUERY_QUERY_TEST_UTIL_H_
#define KG_TESTS_QUERY_QUERY_TEST_UTIL_H_

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "graph/store.h"
#include "gtest/gtest.h"
#include "query/query.h"

namespace kg::query::testing {

inline std::string UniqueDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "_" + info->name() : tag;
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  std::string dir = ::testing::TempDir() + "/kgq_" + tag + "_" + name + "_" +
                    std::to_string(::getpid()) + "_" + std::to_string(counter++);
  std::filesystem::remove_all(dir);
  return dir;
}

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = UniqueDir("db");
    StoreOptions o;
    o.sync = false;
    auto s = Store::Open(dir_, o);
    ASSERT_TRUE(s.ok()) << s.status();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // JSON of the result without the trailing newline, or FormatError of the error.
  std::string Q(const std::string& query, const QueryOptions& opts = {}) {
    QueryOutcome r = kg::query::Run(*store_, query, opts);
    if (!r.ok()) return FormatError(r.error());
    std::string s = FormatJson(r.value());
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  }
  // Runs a setup query that must succeed.
  void Exec(const std::string& query) {
    QueryOutcome r = kg::query::Run(*store_, query, {});
    ASSERT_TRUE(r.ok()) << query << "\n" << FormatError(r.error());
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace kg::query::testing

#endif  // KG_TESTS_QUERY_QUERY_TEST_UTIL_H_
