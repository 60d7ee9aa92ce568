#include "tools/audit.h"

#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "audit/audit.h"
#include "audit/format.h"
#include "audit/refresh.h"
#include "ingest/quantities.h"
#include "tools/cli.h"

namespace kg::tools {
namespace {


constexpr char kAuditHelp[] = R"(usage: kg [--db DIR] [--schema DIR] audit [SCOPE] [--tolerance PCT] [--format text|json|html]

Audits the claims of the graph (SPEC §5): which have no citation marker (uncited); whether the
paragraphs of the original report they cite, when it is ingested, mention their entities and
figures (verified, unsupported with what is missing, unverifiable); facts stated by several
independent articles (corroboration; copies, identical sentences and a summary of its own
original count once); facts whose figures disagree across articles (conflicts).

scope (at most one; default: the whole graph):
  --entity NAME   claims whose subject or object is NAME (aliases resolve: Pentagon)
  --article ID    the claims of one article
  --claim ID      one claim: its sentence, source, section, span, citations and verdict

options:
  --tolerance PCT   figures within PCT percent agree (default 2)
  --format F        text (default), json (SPEC §5), or html (a self-contained page:
                    kg audit --format html > audit.html)
)";

int Usage(const std::string& message) { return UsageError("audit", message); }

}  // namespace

int AuditCommand(const std::string& db, const std::string& schema,
                 const std::vector<std::string>& args) {
  audit::AuditOptions options;
  std::string format = "text";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kAuditHelp;
      return kOk;
    }
    if (i + 1 >= args.size()) return Usage(absl::StrCat("unexpected argument '", a, "'"));
    const std::string& v = args[++i];
    if (a == "--entity") {
      options.entity = v;
    } else if (a == "--article") {
      options.article = v;
    } else if (a == "--claim") {
      options.claim = v;
    } else if (a == "--format") {
      format = v;
    } else if (a == "--tolerance") {
      double pct = 0;
      if (!absl::SimpleAtod(absl::StripSuffix(v, "%"), &pct) || !(pct >= 0) || pct > 1000) {
        return Usage(absl::StrCat("--tolerance needs a percentage (0-1000), not '", v, "'"));
      }
      options.tolerance = pct / 100;
    } else {
      return Usage(absl::StrCat("unexpected argument '", a, "'"));
    }
  }
  if (format != "text" && format != "json" && format != "html") {
    return Usage(absl::StrCat("unknown format '", format, "'"));
  }
  if (!options.entity.empty() + !options.article.empty() + !options.claim.empty() > 1) {
    return Usage("give at most one of --entity, --article, --claim");
  }
  const std::unique_ptr<ingest::Gazetteer> loaded = LoadGazetteer(schema);
  if (loaded == nullptr) return kBadInput;
  const ingest::Gazetteer& gazetteer = *loaded;
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::cerr << "kg: " << store.status().message() << "\n";
    return kBadInput;
  }
  const ingest::QuantityFinder quantities;
  absl::StatusOr<audit::AuditReport> report =
      audit::Audit(**store, gazetteer, quantities, options);
  if (!report.ok()) {
    std::cerr << "kg: audit: " << report.status().message() << "\n";
    return kBadInput;
  }
  if (format == "json") {
    std::cout << audit::FormatJson(*report);
  } else if (format == "html") {
    std::cout << audit::FormatHtml(*report, gazetteer, quantities);
  } else {
    std::cout << audit::FormatText(*report);
  }
  return kOk;
}

std::unique_ptr<ingest::Gazetteer> LoadGazetteer(const std::string& schema) {
  absl::StatusOr<std::unique_ptr<ingest::Gazetteer>> loaded = ingest::Gazetteer::Load(schema);
  if (!loaded.ok()) {
    std::cerr << "kg: schema: " << loaded.status().message() << "\n";
    return nullptr;
  }
  return *std::move(loaded);
}

bool RefreshVerdicts(Store& store, const ingest::Gazetteer& gazetteer,
                     const std::vector<std::string>& changed) {
  if (changed.empty()) return true;
  const ingest::QuantityFinder quantities;
  absl::StatusOr<int> n =
      audit::RefreshVerification(store, gazetteer, quantities, changed);
  if (!n.ok()) {
    std::cerr << "kg: audit verdicts not stored: " << n.status().message() << "\n";
    return false;
  }
  return true;
}

}  // namespace kg::tools
