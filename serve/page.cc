#include "serve/page.h"

#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "export/export.h"
#include "export/text.h"
#include "serve/entity.h"

namespace kg::serve {
namespace {

using exports::HtmlEscape;

constexpr size_t kMaxClaims = 500;

constexpr char kStyle[] = R"(
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",sans-serif;margin:0;color:#0f172a;background:#f8fafc}
header{padding:12px 20px;background:#0f172a;color:#f8fafc;display:flex;gap:16px;align-items:center}
header a{color:#f8fafc;text-decoration:none;font-weight:600}
header input{font-size:16px;padding:6px 10px;width:28em;border-radius:6px;border:0}
header button{font-size:16px;padding:6px 12px;border-radius:6px;border:0;background:#38bdf8}
main{display:flex;gap:20px;padding:16px 20px;align-items:flex-start}
#graph{flex:3;min-width:0;background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px}
#graph svg{max-width:100%;height:auto}
#claims{flex:2;min-width:320px;max-height:88vh;overflow:auto}
.claim{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:8px 12px;margin:0 0 10px}
.claim .head{font-weight:600}
.claim .type{font-family:ui-monospace,monospace;font-size:12px;background:#e0f2fe;padding:1px 5px;border-radius:4px}
.claim blockquote{margin:6px 0;padding-left:10px;border-left:3px solid #94a3b8;color:#334155}
.claim .cite{font-size:12px;color:#64748b}
.matches li{margin:4px 0}
.note{color:#64748b}
)";

constexpr char kScript[] = R"(
const box = document.getElementById('q'), list = document.getElementById('names');
let timer = null;
box.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (!box.value.trim()) return;
    const r = await fetch('/search?q=' + encodeURIComponent(box.value));
    if (!r.ok) return;
    list.replaceChildren(...(await r.json()).map(h => {
      const o = document.createElement('option');
      o.value = h.name;
      o.label = h.matched === h.name ? h.label : h.matched + ' (' + h.label + ')';
      return o;
    }));
  }, 150);
});
)";

std::string EntityLink(const std::string& name, int depth = 1) {
  std::string href = absl::StrCat("/?entity=", exports::PercentEncode(name));
  if (depth != 1) absl::StrAppend(&href, "&amp;depth=", depth);
  return href;
}

std::string EndHtml(const EndView& e) {
  if (e.unknown) return "<i>(unnamed)</i>";
  return absl::StrCat("<a href=\"", EntityLink(e.name), "\">", HtmlEscape(e.name), "</a>");
}

void AppendClaim(const ClaimView& c, std::string* out) {
  absl::StrAppend(out, "<li class=\"claim\" id=\"claim-", HtmlEscape(c.id), "\"><div class=\"head\">",
                  EndHtml(c.subject), " <span class=\"type\">", HtmlEscape(c.type), "</span> ",
                  EndHtml(c.object));
  if (!c.figure.empty()) absl::StrAppend(out, " · ", HtmlEscape(c.figure));
  absl::StrAppend(out, "</div><blockquote class=\"sentence\">", HtmlEscape(c.sentence),
                  "</blockquote><div class=\"cite\">", HtmlEscape(c.article));
  if (!c.section.empty()) absl::StrAppend(out, " · ", HtmlEscape(c.section));
  if (c.citations.empty()) {
    absl::StrAppend(out, " · <b>no citation</b>");
  } else {
    absl::StrAppend(out, " · cites ");
    for (int64_t n : c.citations) absl::StrAppend(out, "[", n, "]");
  }
  if (c.span.size() == 2) absl::StrAppend(out, " · bytes ", c.span[0], "–", c.span[1]);
  absl::StrAppend(out, " · rule ", HtmlEscape(c.rule));
  if (auto v = c.qualifiers.find("verification"); v != c.qualifiers.end() && v->second.is_string()) {
    absl::StrAppend(out, " · ", HtmlEscape(v->second.as_string()));
  }
  absl::StrAppend(out, "</div></li>\n");
}

}  // namespace


absl::StatusOr<std::string> NeighbourhoodSvg(Store& store, const std::string& name, int depth) {
  std::unique_ptr<Txn> txn = store.Begin();
  exports::Selection sel;
  sel.entity = name;
  sel.depth = depth;
  sel.max_nodes = exports::kMaxSvgNodes;
  absl::StatusOr<exports::Subgraph> g = exports::Select(*txn, sel);
  if (!g.ok()) return g.status();
  exports::DotOptions dot;
  dot.link_prefix = "/?entity=";
  std::ostringstream text;
  if (absl::Status s = exports::WriteDot(*txn, *g, dot, text); !s.ok()) return s;
  return exports::RenderSvg(text.str());
}

absl::StatusOr<std::string> RenderPage(Snapshot& snapshot, const PageRequest& req) {
  std::string entity = req.entity;
  std::string body;
  // A search picks the best hit (exact name or alias first) and lists the others.
  if (entity.empty() && !req.query.empty()) {
    absl::StatusOr<std::shared_ptr<const NameIndex>> names = snapshot.names();
    if (!names.ok()) return names.status();
    std::vector<NameIndex::Hit> hits = (*names)->Search(req.query, 30);
    if (hits.empty()) {
      absl::StrAppend(&body, "<p class=\"note\" id=\"no-match\">No entity name or alias matches “",
                      HtmlEscape(req.query), "”.</p>");
    } else {
      entity = hits.front().name;
      if (hits.size() > 1) {
        absl::StrAppend(&body, "<details class=\"matches\"><summary>", hits.size(),
                        " matches</summary><ul>");
        for (const auto& h : hits) {
          absl::StrAppend(&body, "<li><a href=\"", EntityLink(h.name), "\">", HtmlEscape(h.name),
                          "</a> <span class=\"note\">", HtmlEscape(h.label));
          if (h.matched != h.name) absl::StrAppend(&body, " · as “", HtmlEscape(h.matched), "”");
          absl::StrAppend(&body, "</span></li>");
        }
        absl::StrAppend(&body, "</ul></details>");
      }
    }
  }
  std::string title = "kg";
  if (!entity.empty()) {
    std::unique_ptr<Txn> txn = snapshot.store().Begin();
    absl::StatusOr<std::vector<NodeId>> ids = ResolveEntity(*txn, entity);
    if (!ids.ok()) return ids.status();
    if (ids->empty()) {
      absl::StrAppend(&body, "<p class=\"note\" id=\"no-match\">No entity is called “",
                      HtmlEscape(entity), "”.</p>");
    } else {
      absl::StatusOr<EntityView> e = LoadEntity(*txn, ids->front(), kMaxClaims);
      if (!e.ok()) return e.status();
      title = absl::StrCat(e->name, " — kg");
      absl::StatusOr<std::string> svg = NeighbourhoodSvg(snapshot.store(), e->name, req.depth);
      std::string picture;
      if (svg.ok()) {
        size_t at = svg->find("<svg");  // Inline: drop the XML prolog and DOCTYPE.
        picture = at == std::string::npos ? *svg : svg->substr(at);
      } else {
        picture = absl::StrCat("<p class=\"note\">No picture: ", HtmlEscape(std::string(svg.status().message())), "</p>");
      }
      absl::StrAppend(&body, "<main><section id=\"graph\"><h2 id=\"entity-name\">",
                      HtmlEscape(e->name), " <small class=\"note\">", HtmlEscape(e->label),
                      "</small></h2>");
      if (!e->aliases.empty()) {
        std::vector<std::string> escaped;
        for (const auto& a : e->aliases) escaped.push_back(HtmlEscape(a));
        absl::StrAppend(&body, "<p class=\"note\">Also: ", absl::StrJoin(escaped, " · "), "</p>");
      }
      absl::StrAppend(&body, "<p class=\"note\">Depth: ");
      for (int d = 1; d <= kMaxPageDepth; ++d) {
        if (d == req.depth) {
          absl::StrAppend(&body, "<b>", d, "</b> ");
        } else {
          absl::StrAppend(&body, "<a href=\"", EntityLink(e->name, d), "\">", d, "</a> ");
        }
      }
      absl::StrAppend(&body, "</p><div id=\"picture\">", picture, "</div></section>");
      absl::StrAppend(&body, "<section id=\"claims\"><h2>Claims (", e->out.size() + e->in.size(),
                      ")</h2><ol class=\"claims\">\n");
      for (const auto* list : {&e->out, &e->in}) {
        for (const ClaimView& c : *list) AppendClaim(c, &body);
      }
      absl::StrAppend(&body, "</ol>");
      if (e->omitted > 0) absl::StrAppend(&body, "<p class=\"note\">", e->omitted, " more not shown.</p>");
      absl::StrAppend(&body, "</section></main>");
    }
  } else if (req.query.empty()) {
    absl::StrAppend(&body,
                    "<main><p class=\"note\">Search an entity by name or alias — English or "
                    "Chinese (e.g. Pentagon, 美国, MP Materials).</p></main>");
  }
  std::string value = !req.query.empty() ? req.query : entity;
  return absl::StrCat("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                      "<title>",
                      HtmlEscape(title), "</title><style>", kStyle,
                      "</style></head><body><header><a href=\"/\">kg</a>"
                      "<form action=\"/\" method=\"get\" role=\"search\">"
                      "<input id=\"q\" name=\"q\" list=\"names\" autocomplete=\"off\" "
                      "placeholder=\"Entity name or alias (English or 中文)\" value=\"",
                      HtmlEscape(value), "\"><datalist id=\"names\"></datalist> "
                      "<button type=\"submit\">Search</button></form></header>\n",
                      body, "\n<script>", kScript, "</script></body></html>\n");
}

}  // namespace kg::serve
