#include "ingest/read.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kg::ingest {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A fresh folder per test, removed afterwards.
class ReadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("kg_read_test_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  fs::path dir_;
};

TEST_F(ReadTest, TextFileGivesIdTitleAndWholeText) {
  const std::string content = "\n  Rare earths rise  \n\nChina controls 90% of refining [10].\n";
  const std::string path = Write("news-1.txt", content);
  ReadResult r = ReadPaths({path});
  EXPECT_THAT(r.problems, IsEmpty());
  ASSERT_EQ(r.documents.size(), 1u);
  const Document& d = r.documents[0];
  EXPECT_EQ(d.id, "news-1");
  EXPECT_EQ(d.title, "Rare earths rise");
  EXPECT_EQ(d.text, content);
  EXPECT_EQ(d.origin, path);
  EXPECT_TRUE(d.paragraphs.empty());
  EXPECT_EQ(d.cites, "");
}

TEST_F(ReadTest, MarkdownTitleDropsHashes) {
  ReadResult r = ReadPaths({Write("m.md", "# A Title\n\nBody.\n")});
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].title, "A Title");
  EXPECT_EQ(r.documents[0].id, "m");
}

TEST_F(ReadTest, SeedArticle) {
  const char* src = std::getenv("KG_SOURCE_DIR");
  if (src == nullptr) GTEST_SKIP() << "KG_SOURCE_DIR not set";
  const fs::path seed = fs::path(src) / ".." / "shared" / "seed" / "rare-earth-war.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "seed article absent";
  ReadResult r = ReadPaths({seed.string()});
  EXPECT_THAT(r.problems, IsEmpty());
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "rare-earth-war");
  EXPECT_EQ(r.documents[0].title, "中美稀土战争持续!美国大力开采稀土!中国稀土武器是否会失效");
  EXPECT_TRUE(r.documents[0].paragraphs.empty());
}

TEST_F(ReadTest, SeedFolderSkipsGoldFile) {
  const char* src = std::getenv("KG_SOURCE_DIR");
  if (src == nullptr) GTEST_SKIP() << "KG_SOURCE_DIR not set";
  const fs::path seed = fs::path(src) / ".." / "shared" / "seed";
  if (!fs::exists(seed / "rare-earth-war.txt")) GTEST_SKIP() << "seed absent";
  ReadResult r = ReadPaths({seed.string()});
  EXPECT_THAT(r.problems, IsEmpty());
  ASSERT_GE(r.documents.size(), 1u);
}

TEST_F(ReadTest, SourceLineSetsCites) {
  ReadResult r = ReadPaths({Write("s.txt", "Title\n\nSource: report-7\n\nBody text here.\n")});
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].cites, "report-7");
}

TEST_F(ReadTest, SourceLineAfterFirstSectionIsIgnored) {
  ReadResult r = ReadPaths(
      {Write("s.txt", "Title\n\nGroup 1: Things\n\nSource: report-7\n\nBody text here.\n")});
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].cites, "");
}

TEST_F(ReadTest, JsonlTwoArticlesAndMalformedLine) {
  const std::string path =
      Write("batch.jsonl",
            "{\"id\":\"a\",\"title\":\"A\",\"text\":\"One. Two.\",\"url\":\"http://x\","
            "\"published\":\"2025-01-02\",\"source\":\"Reuters\",\"cites\":\"r1\"}\n"
            "{not json\n"
            "\n"
            "{\"id\":\"b\",\"title\":\"B\",\"text\":\"Three.\"}\n");
  ReadResult r = ReadPaths({path});
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, path + ":2");
  EXPECT_THAT(r.problems[0].message, HasSubstr("malformed JSON"));
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "a");
  EXPECT_EQ(r.documents[0].title, "A");
  EXPECT_EQ(r.documents[0].text, "One. Two.");
  EXPECT_EQ(r.documents[0].url, "http://x");
  EXPECT_EQ(r.documents[0].published, "2025-01-02");
  EXPECT_EQ(r.documents[0].source, "Reuters");
  EXPECT_EQ(r.documents[0].cites, "r1");
  EXPECT_EQ(r.documents[0].origin, path + ":1");
  EXPECT_EQ(r.documents[1].id, "b");
  EXPECT_EQ(r.documents[1].origin, path + ":4");
}

TEST_F(ReadTest, JsonlMissingAndIllTypedFields) {
  const std::string path = Write("f.jsonl",
                                 "{\"id\":\"a\",\"text\":\"x\"}\n"
                                 "{\"id\":5,\"title\":\"T\",\"text\":\"x\"}\n"
                                 "{\"id\":\"c\",\"title\":\"T\"}\n"
                                 "[1,2]\n"
                                 "{\"id\":\"e\",\"title\":\"T\",\"text\":\"ok.\",\"url\":3}\n");
  ReadResult r = ReadPaths({path});
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "e");
  EXPECT_EQ(r.documents[0].url, "");
  ASSERT_EQ(r.problems.size(), 5u);
  EXPECT_EQ(r.problems[0].origin, path + ":1");
  EXPECT_THAT(r.problems[0].message, HasSubstr("\"title\""));
  EXPECT_EQ(r.problems[1].origin, path + ":2");
  EXPECT_THAT(r.problems[1].message, HasSubstr("\"id\" is not a string"));
  EXPECT_EQ(r.problems[2].origin, path + ":3");
  EXPECT_THAT(r.problems[2].message, HasSubstr("\"text\""));
  EXPECT_EQ(r.problems[3].origin, path + ":4");
  EXPECT_EQ(r.problems[4].origin, path + ":5");
  EXPECT_THAT(r.problems[4].message, HasSubstr("\"url\""));
}

TEST_F(ReadTest, JsonlInvalidUtf8SkipsOnlyThatLine) {
  const std::string path = Write("u.jsonl",
                                 "{\"id\":\"a\",\"title\":\"A\",\"text\":\"bad \xC3\x28\"}\n"
                                 "{\"id\":\"b\",\"title\":\"B\",\"text\":\"good.\"}\n");
  ReadResult r = ReadPaths({path});
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, path + ":1");
  EXPECT_THAT(r.problems[0].message, HasSubstr("invalid UTF-8 at byte 34"));
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "b");
}

TEST_F(ReadTest, JsonObjectAndArray) {
  Write("one.json", R"({"id":"o","title":"O","text":"Body."})");
  Write("many.json", R"([{"id":"m1","title":"M","text":"A."},{"id":"m2","title":"M"}])");
  ReadResult r = ReadPaths({dir_.string()});
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "m1");  // many.json sorts before one.json.
  EXPECT_EQ(r.documents[1].id, "o");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, (dir_ / "many.json").string() + "[1]");
}

TEST_F(ReadTest, MalformedJsonFile) {
  const std::string path = Write("bad.json", "{\"id\": ");
  ReadResult r = ReadPaths({path});
  EXPECT_THAT(r.documents, IsEmpty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, path);
  EXPECT_THAT(r.problems[0].message, HasSubstr("malformed JSON"));
}

TEST_F(ReadTest, InvalidUtf8GivesByteOffset) {
  const std::string path = Write("bad.txt",
                                 "Title\nab\xFF"
                                 "cd\n");
  ReadResult r = ReadPaths({path});
  EXPECT_THAT(r.documents, IsEmpty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, path);
  EXPECT_EQ(r.problems[0].message, "invalid UTF-8 at byte 8");
}

TEST_F(ReadTest, InvalidUtf8Forms) {
  // Overlong, surrogate, truncated, above U+10FFFF.
  for (const std::string& bad : {std::string("T\n\xC0\xAF"), std::string("T\n\xED\xA0\x80"),
                                 std::string("T\n\xE4\xB8"), std::string("T\n\xF4\x90\x80\x80")}) {
    ReadResult r = ReadPaths({Write("x.txt", bad)});
    ASSERT_EQ(r.problems.size(), 1u) << bad;
    EXPECT_EQ(r.problems[0].message, "invalid UTF-8 at byte 2");
  }
  // Valid multi-byte text passes.
  ReadResult ok = ReadPaths({Write("y.txt", "标题\n美国 \xF0\x9F\x98\x80 ok\n")});
  EXPECT_THAT(ok.problems, IsEmpty());
  EXPECT_EQ(ok.documents.size(), 1u);
}

TEST_F(ReadTest, EmptyAndWhitespaceOnlyFiles) {
  const std::string empty = Write("empty.txt", "");
  const std::string blank = Write("blank.md", " \n\t\n");
  const std::string blank_jsonl = Write("blank.jsonl", "\n\n");
  ReadResult r = ReadPaths({empty, blank, blank_jsonl});
  EXPECT_THAT(r.documents, IsEmpty());
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].origin, empty);
  EXPECT_THAT(r.problems[0].message, HasSubstr("empty"));
  EXPECT_EQ(r.problems[1].origin, blank);
  EXPECT_THAT(r.problems[1].message, HasSubstr("empty"));
  EXPECT_EQ(r.problems[2].origin, blank_jsonl);
}

TEST_F(ReadTest, BinaryFile) {
  const std::string path = Write("bin.txt", std::string("Title\n\x01\x02\x00\x03", 10));
  ReadResult r = ReadPaths({path});
  EXPECT_THAT(r.documents, IsEmpty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_THAT(r.problems[0].message, HasSubstr("binary"));
}

TEST_F(ReadTest, GoldFileSkippedSilently) {
  const std::string gold = Write("a.gold.json", R"({"article":"a"})");
  Write("a.txt", "Title\n\nBody.\n");
  ReadResult r = ReadPaths({dir_.string()});
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.skipped, ElementsAre(gold));
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "a");
}

TEST_F(ReadTest, FolderReadmeIsDocumentationNotAnArticle) {
  const std::string readme = Write("README.md", "# The corpus\n\nLynas supplies Apple.\n");
  Write("a.txt", "Title\n\nBody.\n");
  ReadResult r = ReadPaths({dir_.string()});
  EXPECT_THAT(r.problems, IsEmpty());
  EXPECT_THAT(r.skipped, ElementsAre(readme));
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "a");
  // Named explicitly, it is read like any article.
  ReadResult named = ReadPaths({readme});
  ASSERT_EQ(named.documents.size(), 1u);
  EXPECT_EQ(named.documents[0].id, "README");
}

TEST_F(ReadTest, UnknownExtensionReported) {
  const std::string path = Write("x.pdf", "%PDF");
  ReadResult r = ReadPaths({path});
  EXPECT_THAT(r.documents, IsEmpty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, path);
  EXPECT_THAT(r.problems[0].message, HasSubstr("unsupported extension"));
}

TEST_F(ReadTest, NonexistentPath) {
  ReadResult r = ReadPaths({(dir_ / "nope").string()});
  EXPECT_THAT(r.documents, IsEmpty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, (dir_ / "nope").string());
}

TEST_F(ReadTest, FileOverSizeLimit) {
  const std::string path = Write("big.txt", "Title\n" + std::string(100, 'a') + "\n");
  ReadOptions options;
  options.max_file_bytes = 50;
  ReadResult r = ReadPaths({path}, options);
  EXPECT_THAT(r.documents, IsEmpty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_THAT(r.problems[0].message, HasSubstr("over the limit of 50"));
}

TEST_F(ReadTest, FoldersRecursiveSortedAndBatchContinues) {
  Write("b.txt", "B\n\nBody.\n");
  Write("a/z.md", "Z\n\nBody.\n");
  Write("a/bad.txt", "");
  Write("c.jsonl", "{\"id\":\"c\",\"title\":\"C\",\"text\":\"Body.\"}\n");
  ReadResult r = ReadPaths({dir_.string()});
  std::vector<std::string> ids;
  for (const Document& d : r.documents) ids.push_back(d.id);
  EXPECT_THAT(ids, ElementsAre("z", "b", "c"));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].origin, (dir_ / "a" / "bad.txt").string());
}

TEST_F(ReadTest, BracketNumberedParagraphsMakeAReport) {
  const std::string text =
      "The report\n\n[1] China controls 90% of refining.\n[2] MP Materials produced 45,000 t.\n"
      "It continues here.\n\n[3] Apple invested $500 million.\n";
  Document d = ParseTextArticle("rep", text);
  ASSERT_EQ(d.paragraphs.size(), 3u);
  EXPECT_THAT(d.paragraph_numbers, ElementsAre(1, 2, 3));
  auto para = [&](size_t i) {
    return d.text.substr(d.paragraphs[i].begin, d.paragraphs[i].end - d.paragraphs[i].begin);
  };
  EXPECT_EQ(para(0), "China controls 90% of refining.");
  EXPECT_EQ(para(1), "MP Materials produced 45,000 t.\nIt continues here.");
  EXPECT_EQ(para(2), "Apple invested $500 million.");
}

TEST_F(ReadTest, DotNumberedParagraphsMakeAReport) {
  Document d = ParseTextArticle(
      "rep", "Report\n\n12. First paragraph.\n\n13. Second one.\n\n14. Third one.\n");
  EXPECT_THAT(d.paragraph_numbers, ElementsAre(12, 13, 14));
  EXPECT_EQ(d.text.substr(d.paragraphs[0].begin, d.paragraphs[0].end - d.paragraphs[0].begin),
            "First paragraph.");
}

TEST_F(ReadTest, MostlyUnnumberedTextIsNotAReport) {
  Document d = ParseTextArticle(
      "n", "Title\n\nIntro one.\n\n1. Item one.\n\nMiddle.\n\nMore prose.\n\n2. Item two.\n");
  EXPECT_TRUE(d.paragraphs.empty());
  Document decreasing = ParseTextArticle("n", "Title\n\n[3] Three.\n\n[2] Two.\n\n[4] Four.\n");
  EXPECT_TRUE(decreasing.paragraphs.empty());
}

TEST_F(ReadTest, JsonlParagraphsAreNumberedFromOne) {
  const std::string path =
      Write("r.jsonl", R"({"id":"r","title":"R","paragraphs":["First para.","Second para."]})"
                       "\n");
  ReadResult r = ReadPaths({path});
  EXPECT_THAT(r.problems, IsEmpty());
  ASSERT_EQ(r.documents.size(), 1u);
  const Document& d = r.documents[0];
  EXPECT_EQ(d.text, "First para.\n\nSecond para.");
  EXPECT_THAT(d.paragraph_numbers, ElementsAre(1, 2));
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.paragraphs[1], (Span{13, 25}));
}

TEST_F(ReadTest, ParseParagraphMarker) {
  EXPECT_EQ(ParseParagraphMarker("[12] Text")->number, 12);
  EXPECT_EQ(ParseParagraphMarker("[12] Text")->content, 5u);
  EXPECT_TRUE(ParseParagraphMarker("[12] Text")->bracketed);
  EXPECT_EQ(ParseParagraphMarker("  7. Text")->number, 7);
  EXPECT_FALSE(ParseParagraphMarker("7. Text")->bracketed);
  EXPECT_FALSE(ParseParagraphMarker("7.5 percent"));
  EXPECT_FALSE(ParseParagraphMarker("[0] Text"));
  EXPECT_FALSE(ParseParagraphMarker("[12]"));
  EXPECT_FALSE(ParseParagraphMarker("[12]Text"));
  EXPECT_FALSE(ParseParagraphMarker("12345. Text"));
}

}  // namespace
}  // namespace kg::ingest
