#include "graph/write_set.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/write_batch.h"

namespace kg {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// What a write set holds, in its order: "key=value" or "key deleted".
std::vector<std::string> Contents(const WriteSet& w, std::string_view from = "",
                                  std::string_view to = "") {
  std::vector<std::string> out;
  for (auto [it, end] = w.Range(from, to); it != end; ++it) {
    out.push_back(it->second.has_value() ? it->first + "=" + *it->second
                                         : it->first + " deleted");
  }
  return out;
}

TEST(WriteSetTest, LastWriteOfAKeyWinsAndDeletesAreKept) {
  WriteSet w;
  EXPECT_TRUE(w.empty());
  w.Put("b", "1");
  w.Put("a", "1");
  w.Put("b", "2");
  w.Delete("c");
  ASSERT_NE(w.Find("b"), nullptr);
  EXPECT_EQ(*w.Find("b"), "2");
  ASSERT_NE(w.Find("c"), nullptr);
  EXPECT_FALSE(w.Find("c")->has_value());  // Written as deleted: not "not written".
  EXPECT_EQ(w.Find("d"), nullptr);
  EXPECT_THAT(Contents(w), ElementsAre("a=1", "b=2", "c deleted"));
  EXPECT_THAT(Contents(w, "b", "c"), ElementsAre("b=2"));
}

TEST(WriteSetTest, RollbackRestoresEveryKeyAsItWasAtTheSavePoint) {
  WriteSet w;
  w.Put("kept", "old");
  w.Put("changed", "old");
  w.Delete("gone");
  w.SetSavePoint();
  w.Put("changed", "new");
  w.Put("changed", "newer");
  w.Put("gone", "back");
  w.Put("fresh", "x");
  w.Delete("kept");
  w.RollbackToSavePoint();
  EXPECT_THAT(Contents(w), ElementsAre("changed=old", "gone deleted", "kept=old"));

  // PopSavePoint keeps what was written since.
  w.SetSavePoint();
  w.Put("fresh", "y");
  w.PopSavePoint();
  EXPECT_THAT(Contents(w), ElementsAre("changed=old", "fresh=y", "gone deleted", "kept=old"));
}

// The batch lists the writes in key order, whatever order they came in.
TEST(WriteSetTest, WriteToFillsTheBatchInKeyOrder) {
  WriteSet w;
  w.Put("o2", "");
  w.Delete("a9");
  w.Put("n1", "node");
  rocksdb::WriteBatch batch;
  ASSERT_TRUE(w.WriteTo(&batch).ok());
  struct Lister : rocksdb::WriteBatch::Handler {
    std::vector<std::pair<std::string, std::string>> ops;
    void Put(const rocksdb::Slice& k, const rocksdb::Slice& v) override {
      ops.emplace_back(k.ToString(), "put " + v.ToString());
    }
    void Delete(const rocksdb::Slice& k) override { ops.emplace_back(k.ToString(), "delete"); }
  } lister;
  ASSERT_TRUE(batch.Iterate(&lister).ok());
  EXPECT_THAT(lister.ops, ElementsAre(Pair("a9", "delete"), Pair("n1", "put node"),
                                      Pair("o2", "put ")));
}

}  // namespace
}  // namespace kg
