#include "tools/bench/synth.h"

#include <cmath>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"

namespace kg::bench {
namespace {

// SplitMix64: a small, fully specified generator (the same numbers on every platform).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(Mix(seed)) {}
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t Next() {
    return Mix(s_ += 0x9e3779b97f4a7c15ULL);
  }
  uint64_t Below(uint64_t n) { return n == 0 ? 0 : Next() % n; }
  double Unit() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }
  // Zipf-like rank in [0, n): rank r with weight ~ 1/(r+1)^s (inverse-CDF of the continuous
  // approximation, exact enough for a benchmark's skew).
  uint64_t Zipf(uint64_t n, double s = 0.9) {
    const double u = Unit();
    const double a = 1 - s;
    const double hi = std::pow(static_cast<double>(n) + 1, a);
    const double x = std::pow(1 + u * (hi - 1), 1 / a);
    uint64_t r = static_cast<uint64_t>(x) - 1;
    return r < n ? r : n - 1;
  }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) { return a[Below(N)]; }

 private:
  uint64_t s_;
};

constexpr const char* kStems[] = {
    "Aurora", "Baltic", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iron",
    "Jade", "Kestrel", "Lumen", "Meridian", "Northern", "Orion", "Pioneer", "Quartz", "Ridge",
    "Summit", "Titan", "Unity", "Vertex", "Western", "Xenon", "Yukon", "Zenith", "Atlas",
    "Boreal", "Crescent", "Dune", "Eagle", "Frontier", "Glacier", "Highland", "Inland",
    "Juniper", "Keystone", "Lakeside", "Monarch", "Nova", "Osprey", "Pacific", "Redwood",
    "Sierra", "Tundra", "Upland", "Valley", "Willow", "Arrow", "Beacon"};
constexpr const char* kSuffixes[] = {"Resources", "Minerals", "Materials Corp.",
                                          "Rare Earths", "Mining Inc.", "Metals Ltd",
                                          "Magnetics", "Technologies Inc."};
// Weighted by order: earlier entries are drawn more often (Zipf over the list).
constexpr const char* kCountries[] = {
    "China", "the United States", "Australia", "Japan", "Canada", "Saudi Arabia", "Malaysia",
    "Myanmar", "Vietnam", "Brazil", "India", "South Korea", "Germany", "France", "Estonia",
    "Greenland", "Chile", "Argentina", "Indonesia", "South Africa"};
constexpr const char* kGovernments[] = {
    "The Pentagon", "The U.S. Department of Energy", "The Export-Import Bank of the United States",
    "The European Union", "The Public Investment Fund", "Export Finance Australia",
    "The Japan Organization for Metals and Energy Security", "The Government of Canada"};
constexpr const char* kCommodities[] = {
    "rare earths", "NdPr oxide", "rare earth oxide concentrate", "dysprosium", "terbium",
    "heavy rare earths", "neodymium", "samarium", "yttrium", "mixed rare earth carbonate"};
constexpr const char* kStages[] = {"refining", "separation", "mining", "magnet"};
constexpr const char* kFacilityKinds[] = {"separation plant", "magnet factory",
                                               "processing facility", "refinery"};
constexpr const char* kTitles[] = {
    "中美稀土战争持续!美国大力开采稀土!", "稀土供应链重塑:各国加速布局", "稀土价格波动与产业投资",
    "全球稀土产能竞争加剧", "关键矿产投资热潮"};
constexpr const char* kGroupTitles[] = {
    "Investments and Developments", "Supply Chain Dynamics", "Production and Capacity",
    "Challenges and Policy", "Future Outlook"};

class Writer {
 public:
  Writer(const SynthOptions& o, uint64_t index)
      : o_(o), rng_(Rng::Mix(o.seed + 0x632be59bd9b4e019ULL) ^ index) {}

  std::string Company() { return SynthCompanyName(o_, rng_.Zipf(Pool())); }
  std::string Country() { return std::string(kCountries[rng_.Zipf(std::size(kCountries))]); }
  std::string Government() {
    return std::string(kGovernments[rng_.Zipf(std::size(kGovernments))]);
  }
  std::string Commodity() {
    return std::string(kCommodities[rng_.Zipf(std::size(kCommodities))]);
  }
  std::string Money() {
    const uint64_t v = 5 + rng_.Below(96) * 5;
    return rng_.Below(4) == 0 ? absl::StrCat("$", v / 10, ".", v % 10, " billion")
                              : absl::StrCat("$", v, " million");
  }
  std::string Cites() {
    std::string out = absl::StrCat("[", 1 + rng_.Below(30), "]");
    if (rng_.Below(3) == 0) absl::StrAppend(&out, "[", 1 + rng_.Below(30), "]");
    return out;
  }
  std::string Sentence() {
    const std::string c = Company(), d = Company(), co = Country(), m = Commodity();
    switch (rng_.Below(10)) {
      case 0:
        return absl::StrCat(Government(), " has invested ", Money(), " in ", c,
                            ", becoming its largest shareholder");
      case 1:
        return absl::StrCat(c, " has committed an additional ", Money(), " loan to ", d,
                            " to expand ", m, " separation capabilities");
      case 2:
        return absl::StrCat(c, " supplies ", m, " to ", d, " under a long-term agreement");
      case 3:
        return absl::StrCat(c, " produced over ", 1 + rng_.Below(60), ",000 metric tons of ", m,
                            " in ", 2015 + rng_.Below(11), ", accounting for ",
                            1 + rng_.Below(40), "% of global production");
      case 4:
        return absl::StrCat(co == "the United States" ? "The United States" : co,
                            " maintains a dominant position in the supply chain, controlling ",
                            10 + rng_.Below(81), "% of ", m, " ", rng_.Pick(kStages),
                            " capacity");
      case 5:
        return absl::StrCat(c, " operates the ", rng_.Pick(kStems), " ",
                            rng_.Pick(kFacilityKinds), " in ", co);
      case 6:
        return absl::StrCat(Government(), " has agreed to invest ", Money(), " in ", c,
                            " to build a domestic ", m, " supply chain");
      case 7:
        return absl::StrCat("Approximately ", 10 + rng_.Below(81), "% of ", c,
                            "'s revenue came from exporting ", m, " to ", co);
      case 8:
        return absl::StrCat(
            "Despite significant investments, ", c,
            " faces substantial challenges in establishing a competitive ", m,
            " industry chain, particularly due to technological barriers and cost advantages");
      default:
        return absl::StrCat("The global demand for ", m,
                            " is expected to surge, particularly in key applications like "
                            "electric vehicles and wind power, where ",
                            co, " has a well-established supply chain");
    }
  }

  std::string Article() {
    std::string out = absl::StrCat(rng_.Pick(kTitles), " ", Company(), "\n\nCore Viewpoint - ",
                                   Sentence(), " ", Cites(), ".");
    const int groups = 3 + static_cast<int>(rng_.Below(2));
    const int per_group = std::max(1, (o_.sentences - 1) / groups);
    for (int g = 0; g < groups; ++g) {
      absl::StrAppend(&out, " Group ", g + 1, ": ", kGroupTitles[g % std::size(kGroupTitles)]);
      for (int i = 0; i < per_group; ++i) absl::StrAppend(&out, " - ", Sentence(), " ", Cites(), ".");
    }
    out += "\n";
    return out;
  }

 private:
  uint64_t Pool() const { return o_.articles / 4 + 200; }
  const SynthOptions& o_;
  Rng rng_;
};

}  // namespace

std::string SynthCompanyName(const SynthOptions& options, uint64_t rank) {
  // Rank -> a name: two stems and a suffix, distinct for every rank below 50*50*8.
  const uint64_t n = std::size(kStems), k = std::size(kSuffixes);
  const uint64_t a = rank % n, b = (rank / n) % n, s = (rank / (n * n)) % k;
  const uint64_t extra = rank / (n * n * k);
  std::string name = absl::StrCat(kStems[a], b == a ? "" : absl::StrCat(" ", kStems[b]));
  if (extra > 0) absl::StrAppend(&name, " ", kStems[extra % n]);
  absl::StrAppend(&name, " ", kSuffixes[s]);
  return name;
}

std::string SynthArticleId(const SynthOptions& options, uint64_t index) {
  return absl::StrCat("synth-", options.seed, "-", index);
}

std::string SynthArticle(const SynthOptions& options, uint64_t index) {
  return Writer(options, index).Article();
}

}  // namespace kg::bench
