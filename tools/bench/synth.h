// synth: a deterministic generator of synthetic articles in the seed's style
// (shared/seed/rare-earth-war.txt): a Chinese-and-English title, a "Core Viewpoint -"
// summary, "Group N: …" sections with " - " bullets, and sentences ending in citation
// markers such as [3] or [14][18] that state investments, loans, supply, production, capacity,
// operation, location and export restrictions.
//
// Entities follow a skewed degree distribution: companies are drawn from a pool (growing with
// the corpus) by a Zipf law, so a few are in many articles and most in few, like real news;
// countries, governments and commodities come from a fixed list the gazetteer knows, with the
// same skew. The same (seed, index) always gives the same article, byte for byte.
// Pure functions; thread-safe.
#ifndef KG_TOOLS_BENCH_SYNTH_H_
#define KG_TOOLS_BENCH_SYNTH_H_

#include <cstdint>
#include <string>

namespace kg::bench {

struct SynthOptions {
  uint64_t seed = 1;
  uint64_t articles = 1000;  // Corpus size: sets the company pool (articles / 4 + 200).
  int sentences = 17;        // Sentences per article: ~2.5 KB, the seed's size.
};

// Article `index` (0-based) of the corpus, as the text of a .txt file (title first).
std::string SynthArticle(const SynthOptions& options, uint64_t index);
// Its file stem / article id: "synth-<seed>-<index>".
std::string SynthArticleId(const SynthOptions& options, uint64_t index);
// The canonical name of the company with rank r (0 = the most frequent) in the pool.
std::string SynthCompanyName(const SynthOptions& options, uint64_t rank);

}  // namespace kg::bench

#endif  // KG_TOOLS_BENCH_SYNTH_H_
