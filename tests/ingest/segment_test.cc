#include "ingest/segment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/read.h"

namespace kg::ingest {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string SpanText(const Document& doc, const Sentence& s) {
  return doc.text.substr(s.span.begin, s.span.end - s.span.begin);
}

// Invariants every sentence keeps: the span lies in the text and is trimmed, offsets map
// each byte of `text` to the same byte of the original (inserted spaces map to a space).
void CheckInvariants(const Document& doc, const std::vector<Sentence>& sentences) {
  for (const Sentence& s : sentences) {
    ASSERT_LE(s.span.begin, s.span.end);
    ASSERT_LE(s.span.end, doc.text.size());
    EXPECT_FALSE(s.text.empty());
    EXPECT_NE(doc.text[s.span.begin], ' ') << s.text;
    EXPECT_NE(doc.text[s.span.end - 1], ' ') << s.text;
    ASSERT_EQ(s.offsets.size(), s.text.size() + 1) << s.text;
    for (size_t i = 0; i < s.text.size(); ++i) {
      ASSERT_GE(s.offsets[i], s.span.begin);
      ASSERT_LT(s.offsets[i], s.span.end);
      if (s.text[i] == ' ') {
        EXPECT_TRUE(std::isspace(static_cast<unsigned char>(doc.text[s.offsets[i]])) ||
                    static_cast<unsigned char>(doc.text[s.offsets[i]]) >= 0x80)
            << s.text;
      } else {
        EXPECT_EQ(s.text[i], doc.text[s.offsets[i]]) << s.text << " at " << i;
      }
      if (i > 0) {
        EXPECT_LT(s.offsets[i - 1], s.offsets[i]);
      }
    }
    EXPECT_LE(s.offsets.back(), s.span.end);
  }
}

const Sentence* Find(const std::vector<Sentence>& sentences, const std::string& text) {
  for (const Sentence& s : sentences) {
    if (s.text == text) return &s;
  }
  return nullptr;
}

std::vector<std::string> Texts(const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.push_back(s.text);
  return out;
}

std::vector<Sentence> SegmentText(const std::string& text, Document* doc_out = nullptr) {
  Document doc = ParseTextArticle("t", text);
  std::vector<Sentence> sentences = Segment(doc);
  CheckInvariants(doc, sentences);
  if (doc_out != nullptr) *doc_out = doc;
  return sentences;
}

std::optional<Document> LoadSeed() {
  const char* src = std::getenv("KG_SOURCE_DIR");
  if (src == nullptr) return std::nullopt;
  const fs::path seed = fs::path(src) / ".." / "shared" / "seed" / "rare-earth-war.txt";
  if (!fs::exists(seed)) return std::nullopt;
  ReadResult r = ReadPaths({seed.string()});
  if (r.documents.size() != 1) return std::nullopt;
  return r.documents[0];
}

TEST(SegmentSeedTest, TitleSectionsSentencesAndCitations) {
  std::optional<Document> doc = LoadSeed();
  if (!doc) GTEST_SKIP() << "seed article absent (KG_SOURCE_DIR/../shared/seed)";
  std::vector<Sentence> sentences = Segment(*doc);
  CheckInvariants(*doc, sentences);
  ASSERT_FALSE(sentences.empty());

  EXPECT_TRUE(sentences[0].is_title);
  EXPECT_EQ(sentences[0].text, "中美稀土战争持续!美国大力开采稀土!中国稀土武器是否会失效");
  EXPECT_EQ(SpanText(*doc, sentences[0]), sentences[0].text);
  for (size_t i = 1; i < sentences.size(); ++i) EXPECT_FALSE(sentences[i].is_title);

  std::vector<std::string> groups;
  for (const Sentence& s : sentences) {
    if (s.section.rfind("Group", 0) == 0 && (groups.empty() || groups.back() != s.section)) {
      groups.push_back(s.section);
    }
  }
  EXPECT_THAT(groups,
              ElementsAre("Group 1: U.S. Investments and Developments",
                          "Group 2: Challenges Facing the U.S.",
                          "Group 3: Global Supply Chain Dynamics", "Group 4: Future Outlook"));

  // The summary before the first group: section "Core Viewpoint" (the lead label).
  const Sentence& first = sentences[1];
  EXPECT_EQ(first.text,
            "The U.S. is determined to reduce its reliance on China's rare earths by investing "
            "significantly in domestic production and refining capabilities, with a focus on "
            "establishing a complete rare earth industry chain.");
  EXPECT_THAT(first.citations, ElementsAre(1, 3, 27));
  EXPECT_EQ(first.section, "Core Viewpoint");
  EXPECT_EQ(SpanText(*doc, first),
            "The U.S. is determined to reduce its reliance on China's rare earths by investing "
            "significantly in domestic production and refining capabilities, with a focus on "
            "establishing a complete rare earth industry chain [1][3][27].");

  const std::string pentagon =
      "The Pentagon has invested $400 million in MP Materials, becoming its largest "
      "shareholder, and has committed an additional $150 million loan to expand rare earth "
      "separation capabilities.";
  const Sentence* p = Find(sentences, pentagon);
  ASSERT_NE(p, nullptr);
  EXPECT_THAT(p->citations, ElementsAre(3));
  EXPECT_EQ(p->section, "Group 1: U.S. Investments and Developments");
  EXPECT_EQ(p->section_index, 2);
  const size_t at = doc->text.find("The Pentagon has invested");
  EXPECT_EQ(p->span.begin, at);
  EXPECT_EQ(SpanText(*doc, *p), pentagon.substr(0, pentagon.size() - 1) + " [3].");

  const Sentence* challenges = nullptr;
  for (const Sentence& s : sentences) {
    if (s.text.rfind("Despite significant investments", 0) == 0) challenges = &s;
  }
  ASSERT_NE(challenges, nullptr);
  EXPECT_THAT(challenges->citations, ElementsAre(14, 18));
  EXPECT_EQ(challenges->section, "Group 2: Challenges Facing the U.S.");

  // 1 title + 1 summary + 3 + 3 + 3 + 2 bullets; every body sentence has a citation.
  EXPECT_EQ(sentences.size(), 13u);
  for (size_t i = 1; i < sentences.size(); ++i) {
    EXPECT_FALSE(sentences[i].citations.empty()) << sentences[i].text;
    EXPECT_EQ(sentences[i].text.find('['), std::string::npos);
    EXPECT_EQ(sentences[i].text.find(" - "), std::string::npos);
    EXPECT_EQ(sentences[i].text.back(), '.');
  }
}

TEST(SegmentTest, AbbreviationsDoNotSplit) {
  std::vector<Sentence> s = SegmentText(
      "Title\n\nThe U.S. Department of Defense invested in MP Materials Inc. last year. "
      "J. Smith of Lynas Corp. said output at Mt. Weld, the No. 1 mine, rose in Jan. 2024. "
      "Metals, e.g. dysprosium, i.e. heavy ones, vs. light ones are scarce. "
      "Shipments to the U.K. Treasury stopped.\n");
  EXPECT_THAT(Texts(s),
              ElementsAre("Title",
                          "The U.S. Department of Defense invested in MP Materials Inc. last year.",
                          "J. Smith of Lynas Corp. said output at Mt. Weld, the No. 1 mine, rose "
                          "in Jan. 2024.",
                          "Metals, e.g. dysprosium, i.e. heavy ones, vs. light ones are scarce.",
                          "Shipments to the U.K. Treasury stopped."));
}

TEST(SegmentTest, AbbreviationCanStillEndASentence) {
  std::vector<Sentence> s =
      SegmentText("Title\n\nThe mine is in the U.S. The company owns it. It grew.\n");
  EXPECT_THAT(Texts(s),
              ElementsAre("Title", "The mine is in the U.S.", "The company owns it.", "It grew."));
  // A company's legal form ends a sentence unless another legal form follows it.
  EXPECT_THAT(Texts(SegmentText("Title\n\nThe smelter is owned by Acme Metals Ltd. Acme Metals "
                                "operates it. Mitsui & Co. Ltd. holds 20%.\n")),
              ElementsAre("Title", "The smelter is owned by Acme Metals Ltd.",
                          "Acme Metals operates it.", "Mitsui & Co. Ltd. holds 20%."));
  // Nor does one followed by the company's short name in brackets.
  EXPECT_THAT(Texts(SegmentText("Title\n\nIt supplies Zhejiang Petrochemical Corp. (ZPC), a "
                                "refiner. Acme Ltd. (Reuters) said so.\n")),
              ElementsAre("Title", "It supplies Zhejiang Petrochemical Corp. (ZPC), a refiner.",
                          "Acme Ltd. (Reuters) said so."));
  // So can a capital letter that is no initial: "the early Model S. The …".
  EXPECT_THAT(Texts(SegmentText("Title\n\nIt goes back to the early Model S. The supplier grew.\n")),
              ElementsAre("Title", "It goes back to the early Model S.", "The supplier grew."));
}

TEST(SegmentTest, ChineseSentences) {
  Document doc;
  std::vector<Sentence> s = SegmentText(
      "稀土新闻\n\n美国投资了4亿美元[3]。中国控制了90%的精炼产能！这会持续吗？\n", &doc);
  EXPECT_THAT(Texts(s), ElementsAre("稀土新闻", "美国投资了4亿美元。", "中国控制了90%的精炼产能！",
                                    "这会持续吗？"));
  EXPECT_THAT(s[1].citations, ElementsAre(3));
  EXPECT_EQ(SpanText(doc, s[1]), "美国投资了4亿美元[3]。");
  // An abbreviation right after a full-width bracket ends nothing.
  EXPECT_THAT(Texts(SegmentText("T\n\n美国国防部（U.S. Department of Defense）认购了优先股。\n")),
              ElementsAre("T", "美国国防部（U.S. Department of Defense）认购了优先股。"));
}

TEST(SegmentTest, PlainProseParagraphs) {
  Document doc;
  std::vector<Sentence> s = SegmentText(
      "Lynas expands\n\n"
      "Lynas Rare Earths said on Monday it would expand its Malaysian plant. "
      "The expansion costs A$500 million.\n\n"
      "Analysts expect prices to rise. Demand for magnets is growing fast.\n",
      &doc);
  EXPECT_THAT(Texts(s),
              ElementsAre("Lynas expands",
                          "Lynas Rare Earths said on Monday it would expand its Malaysian plant.",
                          "The expansion costs A$500 million.", "Analysts expect prices to rise.",
                          "Demand for magnets is growing fast."));
  for (const Sentence& x : s) {
    EXPECT_EQ(x.section, "");
    EXPECT_EQ(x.section_index, 0);
    EXPECT_THAT(x.citations, IsEmpty());
    EXPECT_EQ(x.paragraph, 0);
  }
}

TEST(SegmentTest, SoftWrappedLinesAreJoinedAndDashesInProseKept) {
  Document doc;
  std::vector<Sentence> s = SegmentText(
      "Title\n\nThis paragraph was wrapped at a narrow width so that the sentence\n"
      "continues on the next line - and it has a dash - before it ends.\n"
      "A line ending in a period ends its sentence.\n",
      &doc);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].text,
            "This paragraph was wrapped at a narrow width so that the sentence continues on the "
            "next line - and it has a dash - before it ends.");
  EXPECT_NE(SpanText(doc, s[1]).find('\n'), std::string::npos);
  EXPECT_EQ(s[2].text, "A line ending in a period ends its sentence.");
}

TEST(SegmentTest, LineBreakAfterSentenceIsHard) {
  std::vector<Sentence> s = SegmentText("Title\n\nIntro.\nShort line one\nAnother line.\n");
  EXPECT_THAT(Texts(s), ElementsAre("Title", "Intro.", "Short line one", "Another line."));
}

TEST(SegmentTest, MarkdownHeadings) {
  std::vector<Sentence> s = SegmentText(
      "# Rare Earth Report\n\nIntro sentence.\n\n## Supply\n\nChina refines most.\n\n"
      "### Demand ###\n\n- Magnets grow [2].\n- Motors too.\n\nSetext Heading\n---\n\nLast one.\n");
  EXPECT_EQ(s[0].text, "Rare Earth Report");
  EXPECT_TRUE(s[0].is_title);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[1].section, "");
  EXPECT_EQ(s[2].section, "Supply");
  EXPECT_EQ(s[2].section_index, 1);
  EXPECT_EQ(s[3].section, "Demand");
  EXPECT_EQ(s[3].text, "Magnets grow.");
  EXPECT_THAT(s[3].citations, ElementsAre(2));
  EXPECT_EQ(s[4].text, "Motors too.");
  EXPECT_EQ(s[5].section, "Setext Heading");
  EXPECT_EQ(s[5].section_index, 3);
}

TEST(SegmentTest, ShortHeadingLineInProse) {
  std::vector<Sentence> s = SegmentText(
      "Title\n\nFirst paragraph here.\n\nSupply Chain Risks\n\nChina controls refining.\n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].section, "");
  EXPECT_EQ(s[2].section, "Supply Chain Risks");
  EXPECT_EQ(s[2].section_index, 1);
}

TEST(SegmentTest, InlineGroupHeadingsAndBullets) {
  Document doc;
  std::vector<Sentence> s = SegmentText(
      "T\n\nSummary - Lead sentence [1]. Group 1: Money - A invested [2]. - B lent [3, 4]. "
      "Group 2: Other - C grew [5-7].\n",
      &doc);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[1].text, "Lead sentence.");
  EXPECT_EQ(s[1].section, "Summary");
  EXPECT_EQ(s[2].text, "A invested.");
  EXPECT_EQ(s[2].section, "Group 1: Money");
  EXPECT_EQ(s[3].text, "B lent.");
  EXPECT_THAT(s[3].citations, ElementsAre(3, 4));
  EXPECT_EQ(SpanText(doc, s[3]), "B lent [3, 4].");
  EXPECT_EQ(s[4].section, "Group 2: Other");
  EXPECT_THAT(s[4].citations, ElementsAre(5, 6, 7));
}

TEST(SegmentTest, GroupHeadingOnItsOwnLine) {
  std::vector<Sentence> s =
      SegmentText("T\n\nGroup 1: Investments\n- A invested [2].\n- B lent [3].\n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1].section, "Group 1: Investments");
  EXPECT_EQ(s[2].section, "Group 1: Investments");
  EXPECT_EQ(s[2].text, "B lent.");
}

TEST(SegmentTest, CitationForms) {
  Document doc;
  std::vector<Sentence> s = SegmentText(
      "T\n\nChina [2] controls refining [1,3]. Output rose [4][4][5]. Prices fell. [6] "
      "Done [7–8]. Then [x] stays.\n",
      &doc);
  EXPECT_THAT(Texts(s), ElementsAre("T", "China controls refining.", "Output rose.", "Prices fell.",
                                    "Done.", "Then [x] stays."));
  EXPECT_THAT(s[1].citations, ElementsAre(2, 1, 3));
  EXPECT_THAT(s[2].citations, ElementsAre(4, 5));
  EXPECT_THAT(s[3].citations, ElementsAre(6));
  EXPECT_EQ(SpanText(doc, s[3]), "Prices fell. [6]");
  EXPECT_THAT(s[4].citations, ElementsAre(7, 8));
  EXPECT_THAT(s[5].citations, IsEmpty());
}

TEST(SegmentTest, MarkerAfterPeriodWithoutSpace) {
  std::vector<Sentence> s = SegmentText("T\n\nIt rose.[3] Then it fell.[4]\n");
  EXPECT_THAT(Texts(s), ElementsAre("T", "It rose.", "Then it fell."));
  EXPECT_THAT(s[1].citations, ElementsAre(3));
  EXPECT_THAT(s[2].citations, ElementsAre(4));
}

TEST(SegmentTest, SourceLineIsNotASentence) {
  Document doc;
  std::vector<Sentence> s = SegmentText("T\n\nSource: report-1\n\nBody here.\n", &doc);
  EXPECT_EQ(doc.cites, "report-1");
  EXPECT_THAT(Texts(s), ElementsAre("T", "Body here."));
}

TEST(SegmentTest, BracketNumberedReport) {
  Document doc;
  std::vector<Sentence> s = SegmentText(
      "Original report\n\n[11] China controls 90% of refining. It is large.\n"
      "[12] MP Materials produced 45,000 t of concentrate.\n",
      &doc);
  EXPECT_THAT(Texts(s),
              ElementsAre("Original report", "China controls 90% of refining.", "It is large.",
                          "MP Materials produced 45,000 t of concentrate."));
  EXPECT_EQ(s[0].paragraph, 0);
  EXPECT_EQ(s[1].paragraph, 11);
  EXPECT_EQ(s[2].paragraph, 11);
  EXPECT_EQ(s[3].paragraph, 12);
  EXPECT_THAT(s[3].citations, IsEmpty());
  EXPECT_EQ(SpanText(doc, s[3]), "MP Materials produced 45,000 t of concentrate.");
}

TEST(SegmentTest, DotNumberedReport) {
  std::vector<Sentence> s =
      SegmentText("Report\n\n1. First point here.\n\n2. Second point. More of it.\n\n3. Third.\n");
  EXPECT_THAT(Texts(s),
              ElementsAre("Report", "First point here.", "Second point.", "More of it.", "Third."));
  EXPECT_EQ(s[1].paragraph, 1);
  EXPECT_EQ(s[2].paragraph, 2);
  EXPECT_EQ(s[3].paragraph, 2);
  EXPECT_EQ(s[4].paragraph, 3);
}

TEST(SegmentTest, JsonlParagraphs) {
  Document doc;
  doc.id = "r";
  doc.title = "R";
  doc.text = "First para. Still first.\n\nSecond para.";
  doc.paragraphs = {{0, 24}, {26, 38}};
  doc.paragraph_numbers = {1, 2};
  std::vector<Sentence> s = Segment(doc);
  CheckInvariants(doc, s);
  EXPECT_THAT(Texts(s), ElementsAre("First para.", "Still first.", "Second para."));
  EXPECT_EQ(s[0].paragraph, 1);
  EXPECT_EQ(s[1].paragraph, 1);
  EXPECT_EQ(s[2].paragraph, 2);
  EXPECT_FALSE(s[0].is_title);  // The title is not in the text.
}

TEST(SegmentTest, FactBoxLinesWithoutBulletsStayApart) {
  // A long field line is no soft-wrapped sentence when the next line is a field line too.
  const std::vector<std::string> texts = Texts(SegmentText(
      "T\n\nHusab mine\nOwnership: Taurus Minerals 90%, Epangelo Mining 10%\nOperator: Swakop "
      "Uranium\n\nThe mine opened in 2016 and has since become one of the largest uranium mines "
      "in\nthe world.\n"));
  EXPECT_THAT(texts, testing::Contains("Ownership: Taurus Minerals 90%, Epangelo Mining 10%"));
  EXPECT_THAT(texts, testing::Contains("Operator: Swakop Uranium"));
  // A comma may set off the label's period ("Refined zinc output, FY2025:").
  EXPECT_THAT(Texts(SegmentText("T\n\nKey figures\nMain smelting site: Chanderiya Lead-Zinc "
                                "Smelter, Chittorgarh\nRefined zinc output, FY2025: 827,000 t\n")),
              testing::Contains("Refined zinc output, FY2025: 827,000 t"));
  // A box heading is no first line of a wrapped sentence when a field line follows it.
  EXPECT_THAT(Texts(SegmentText("T\n\nSYRAH RESOURCES (Vidalia anode plant, Louisiana)\n"
                                "Capacity: 11,250 tonnes a year of AAM\n")),
              ElementsAre("T", "SYRAH RESOURCES (Vidalia anode plant, Louisiana)",
                          "Capacity: 11,250 tonnes a year of AAM"));
  // So is a long one of a company and the company or site it holds, after a dash.
  EXPECT_THAT(Texts(SegmentText("T\n\nCoromandel International \xE2\x80\x94 Baobab Mining and "
                                "Chemicals Corporation (BMCC), Senegal\nStake: 53.8% after a "
                                "purchase\n")),
              ElementsAre("T",
                          "Coromandel International \xE2\x80\x94 Baobab Mining and Chemicals "
                          "Corporation (BMCC), Senegal",
                          "Stake: 53.8% after a purchase"));
  // Prose wrapped after 40 characters is still joined.
  EXPECT_THAT(texts, testing::Contains(
                         "The mine opened in 2016 and has since become one of the largest uranium "
                         "mines in the world."));
}

TEST(SegmentTest, NumberedListItemsAreItemsOfTheirOwn) {
  // "1) …", "(2) …": list numbers mark items as bullets do.
  const std::vector<std::string> texts = Texts(SegmentText(
      "T\n\nFact box: Kamoto Copper Company\n1) Shareholders: Glencore 75%, Gecamines 25%\n"
      "2) Country: Democratic Republic of the Congo\n(3) Output (2024): 210 kt copper\n"));
  EXPECT_THAT(texts, testing::Contains("Shareholders: Glencore 75%, Gecamines 25%"));
  EXPECT_THAT(texts, testing::Contains("Country: Democratic Republic of the Congo"));
  EXPECT_THAT(texts, testing::Contains("Output (2024): 210 kt copper"));
}

TEST(SegmentTest, VeryLongSentenceIsCut) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "word ";
  std::vector<Sentence> s = SegmentText("T\n\n" + body + "end.\n");
  ASSERT_GE(s.size(), 3u);
  for (const Sentence& x : s) EXPECT_LE(x.span.end - x.span.begin, 2000u);
}

TEST(SegmentTest, DegenerateInputs) {
  EXPECT_THAT(Segment(Document{}), IsEmpty());
  std::vector<Sentence> only_title = SegmentText("Just a title\n");
  EXPECT_THAT(Texts(only_title), ElementsAre("Just a title"));
  std::vector<Sentence> markers = SegmentText("T\n\n[1] [2]\n\n- \n\n---\n");
  EXPECT_THAT(Texts(markers), ElementsAre("T"));
}

// Random mixtures of the tricky pieces never break the invariants (a small in-test fuzzer).
TEST(SegmentTest, RandomInputsKeepInvariants) {
  const std::vector<std::string> pieces = {"The U.S. ",
                                           "Inc. ",
                                           "[3]",
                                           "[1, 2]",
                                           "[4-6]",
                                           ". ",
                                           " - ",
                                           "- ",
                                           "Group 1: Head ",
                                           "\n",
                                           "\n\n",
                                           "# ",
                                           "## H\n",
                                           "[12] ",
                                           "12. ",
                                           "美国",
                                           "。",
                                           "！",
                                           "Source: x\n",
                                           "word ",
                                           "Mt. ",
                                           "J. ",
                                           "\"",
                                           ") ",
                                           "---\n",
                                           "\xC2\xA0",
                                           "\xE3\x80\x80",
                                           "【5】",
                                           "e.g. ",
                                           "Part 2: ",
                                           "Core Viewpoint - ",
                                           "?",
                                           "  ",
                                           "\r\n"};
  unsigned state = 12345;
  auto next = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(next() % 60);
    for (int i = 0; i < n; ++i) text += pieces[next() % pieces.size()];
    Document doc = ParseTextArticle("r", text);
    std::vector<Sentence> s = Segment(doc);
    CheckInvariants(doc, s);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "input: " << text;
      return;
    }
  }
}

}  // namespace
}  // namespace kg::ingest
