#!/usr/bin/env python3
"""kg's own claim evaluation: gold annotations against a SPEC §3 claim export.

Usage:
  python3 tools/eval.py --gold DIR_OR_FILE --pred CLAIMS.jsonl [--entities ENTITIES.jsonl]
                        [--min-f1 X] [--verbose] [--why] [--by-style]

Gold files are the grader's format (corpus/README.md): one object, or a list of objects, per
`*.gold.json`, each with "article", "entities" and "claims". A prediction matches a gold claim
of the same article when the type is equal, both ends name the same entity (by name or alias,
from the gold entity list or the predicted entity's aliases), and every amount, quantity and
percent of the gold is within 1% with the same unit. Pairs are taken greedily, best first
(sentence holds the gold text, then required before optional). A matched optional claim counts
neither way. Prints per-article and total precision, recall and F1; exits 1 when F1 < --min-f1,
2 on a usage or input error. --why adds, per claim type, counts of why the missed and the
false claims failed (nearest prediction: a figure, one end, the type, or nothing of the type
in the article), with no article, name or sentence, so that it can run on the blind set.
--by-style adds the totals per article style (mixed English/Chinese, key figures, cited, plain;
see article_style), again without any article name.
Standard library only.
"""

import argparse
import collections
import json
import os
import sys
import unicodedata


def norm(value):
    """NFKC, casefold, punctuation dropped (dashes and slashes as spaces), one leading 'the '."""
    if value is None:
        return ""
    out = []
    for ch in unicodedata.normalize("NFKC", str(value)).casefold():
        cat = unicodedata.category(ch)
        if ch.isspace() or cat == "Pd" or ch in "/\\|":
            out.append(" ")
        elif cat[0] in "LNM":
            out.append(ch)
    text = " ".join("".join(out).split())
    return text[4:] if text.startswith("the ") else text


def load_gold(path):
    files = []
    if os.path.isdir(path):
        for root, _, names in os.walk(path):
            files += [os.path.join(root, n) for n in names if n.endswith(".gold.json")]
    else:
        files = [path]
    articles = {}
    for f in sorted(files):
        with open(f, encoding="utf-8") as fh:
            doc = json.load(fh)
        for art in doc if isinstance(doc, list) else [doc]:
            names = {}
            for e in art.get("entities", []):
                key = norm(e["name"])
                for alias in [e["name"]] + list(e.get("aliases", [])):
                    names[norm(alias)] = key
            labels = {norm(e["name"]): e.get("label", "") for e in art.get("entities", [])}
            articles[art["article"]] = {"names": names, "claims": art.get("claims", []),
                                        "labels": labels, "entities": art.get("entities", []),
                                        "text": article_text(f)}
    return articles


def article_text(gold_file):
    """The article beside a gold file (same stem, any other extension), or "" when none."""
    stem = gold_file[: -len(".gold.json")]
    folder = os.path.dirname(stem) or "."
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if path.startswith(stem + ".") and not name.endswith(".gold.json"):
            with open(path, encoding="utf-8", errors="replace") as fh:
                return fh.read()
    return ""


def article_style(text):
    """The brief's four styles, told apart by surface marks: any Chinese character makes a mixed
    article; a "Key figures"-like heading or three bullet lines a key-figures one; citation
    markers like [3] the seed's cited format; anything else plain news prose."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "mixed-zh"
    lines = text.splitlines()
    heads = ("key figures", "key facts", "at a glance", "fact box", "factbox")
    if (any(line.strip().lower().startswith(heads) for line in lines)
            or sum(line.lstrip().startswith(("- ", "* ", "\u2022")) for line in lines) >= 3):
        return "key-figures"
    if any(f"[{n}]" in text for n in range(1, 100)):
        return "cited"
    return "plain"


FACILITY_HEADS = {"mine", "mines", "project", "deposit", "plant", "refinery", "facility", "complex",
                  "operation", "operations", "smelter", "hub", "site", "field", "factory", "park"}


def unknown_end_kind(name, art, recognised_entities):
    """Aggregate features of a gold end kg did not recognise -- its label, whether the text holds
    it verbatim, a facility head word, and how it relates to a recognised entity of the article
    (part of it, containing it, sharing a word) with that entity's label -- no name or sentence."""
    key = art["names"].get(norm(name), norm(name))
    entity = next((e for e in art["entities"] if norm(e["name"]) == key), {"name": name})
    spellings = [entity["name"]] + list(entity.get("aliases", []))
    verbatim = any(s and s in art["text"] for s in spellings)
    words = norm(entity["name"]).split()
    relation = "no recognised entity shares a word"
    for label, names in recognised_entities:
        for other in (norm(n).split() for n in names):
            if not other or not set(other) & set(words):
                continue
            if " ".join(other) in " ".join(words):
                relation = f"a recognised {label} is part of it"
            elif " ".join(words) in " ".join(other):
                relation = f"it is part of a recognised {label}"
            elif relation.startswith("no"):
                relation = f"shares a word with a recognised {label}"
    head = bool(words) and words[-1] in FACILITY_HEADS
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in entity["name"])
    return (f"{art['labels'].get(key, '?')}; {'verbatim' if verbatim else 'NOT verbatim'}; "
            f"{'head word' if head else 'no head word'}; {len(words)} words"
            f"{'; Chinese' if cjk else ''}; {relation}")


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def number(quals, key):
    """(value, unit) of a numeric qualifier; percent has no unit."""
    v = (quals or {}).get(key)
    if v is None:
        return None
    if isinstance(v, dict):
        return float(v.get("value")), str(v.get("unit", "")).lower()
    return float(v), ""


def ends_match(gold_name, pred_end, names, pred_aliases):
    if gold_name is None:
        return True  # The text names no counterpart: any object is accepted.
    if pred_end is None:
        return False
    target = names.get(norm(gold_name), norm(gold_name))
    candidates = [pred_end.get("name")] + pred_aliases.get(pred_end.get("id"), [])
    return any(names.get(norm(c), norm(c)) == target for c in candidates)


def compatible(gold, pred, names, aliases):
    if gold["type"] != pred["type"]:
        return False
    if not ends_match(gold["subject"], pred.get("subject"), names, aliases):
        return False
    if not ends_match(gold.get("object"), pred.get("object"), names, aliases):
        return False
    for key in ("amount", "quantity", "percent"):
        g = number(gold.get("qualifiers"), key)
        if g is None:
            continue
        p = number(pred.get("qualifiers"), key)
        if p is None or p[1] != g[1] or abs(p[0] - g[0]) > 0.01 * abs(g[0]):
            return False
    return True


def miss_reason(g, ps, art, aliases):
    """Why gold claim g matched no prediction: the nearest prediction of the article, with the
    labels of the ends that differ or the figure that differs (never a name)."""
    names = art["names"]
    same_type = [p for p in ps if p["type"] == g["type"]]
    subj = lambda p: ends_match(g["subject"], p.get("subject"), names, aliases)
    obj = lambda p: ends_match(g.get("object"), p.get("object"), names, aliases)
    label = lambda name: art["labels"].get(names.get(norm(name), norm(name)), "?")
    swapped = lambda p: (ends_match(g["subject"], p.get("object"), names, aliases) and
                         ends_match(g.get("object"), p.get("subject"), names, aliases))
    if any(subj(p) and obj(p) for p in same_type):
        p = next(p for p in same_type if subj(p) and obj(p))
        diffs = []
        for key in ("amount", "quantity", "percent"):
            gv, pv = number(g.get("qualifiers"), key), number(p.get("qualifiers"), key)
            if gv is not None:
                diffs.append(f"{key} {'missing' if pv is None else 'differs'}")
        return ("both ends right, " + (", ".join(diffs) or "matched another gold claim"))
    if any(swapped(p) for p in same_type):
        return "type right, ends swapped"
    if any(subj(p) and obj(p) for p in ps):
        p = next(p for p in ps if subj(p) and obj(p))
        return f"both ends right, another type (kg {p['type']}, rule {p.get('rule', '?')})"
    if any(subj(p) for p in same_type):
        p = next(p for p in same_type if subj(p))
        return (f"type and subject right, object differs (gold {label(g.get('object'))}, "
                f"kg {(p.get('object') or {}).get('label', '?')})")
    if any(obj(p) for p in same_type):
        p = next(p for p in same_type if obj(p))
        return (f"type and object right, subject differs (gold {label(g['subject'])}, "
                f"kg {(p.get('subject') or {}).get('label', '?')})")
    if same_type:
        return (f"type found in the article, neither end right (gold {label(g['subject'])} -> "
                f"{label(g.get('object'))})")
    return "no claim of the type in the article"


def fp_reason(p, art, aliases):
    """Why prediction p matched no gold claim: the nearest gold claim of its type (optional ones
    too), the labels of kg's ends, whether each is an entity of the gold at all (and if not,
    whether the text names it), whether its sentence holds a gold claim of the type, and the
    rule that made it (never a name or a sentence)."""
    names = art["names"]
    same_type = [g for g in art["claims"] if g["type"] == p["type"]]
    if not same_type:
        return "gold has no claim of the type in the article"
    sentence = " ".join(p.get("source", {}).get("sentence", "").split()).casefold()
    in_sentence = [g for g in same_type
                   if " ".join(str(g.get("sentence_contains", "")).split()).casefold() in sentence]
    where = ("its sentence holds a gold claim of the type" if in_sentence
             else "no gold claim of the type in its sentence")
    pool = in_sentence or same_type
    subj = lambda g: ends_match(g["subject"], p.get("subject"), names, aliases)
    obj = lambda g: ends_match(g.get("object"), p.get("object"), names, aliases)

    def end(key):
        e = p.get(key)
        if e is None:
            return "none"
        spellings = [e.get("name")] + aliases.get(e.get("id"), [])
        if any(names.get(norm(c)) for c in spellings):
            return f"{e.get('label', '?')} (a gold entity)"
        named = any(c and c in art["text"] for c in spellings)
        return f"{e.get('label', '?')} (not a gold entity, {'named' if named else 'not named'} in the text)"

    if any(subj(g) and obj(g) for g in pool):
        nearest = "both ends right, a figure differs"
    elif any(ends_match(g["subject"], p.get("object"), names, aliases) and
             ends_match(g.get("object"), p.get("subject"), names, aliases) for g in pool):
        nearest = "ends swapped"
    elif any(subj(g) for g in pool):
        nearest = f"subject right, kg object {end('object')}"
    elif any(obj(g) for g in pool):
        nearest = f"object right, kg subject {end('subject')}"
    else:
        nearest = f"neither end right, kg {end('subject')} -> {end('object')}"
    return f"{where}; {nearest}; rule {p.get('rule', '?')}"


def recognised(gold_name, mentioned, names):
    """Whether an entity the article's export lists (by name or alias) is the gold one."""
    if gold_name is None:
        return True
    target = names.get(norm(gold_name), norm(gold_name))
    return any(names.get(norm(c), norm(c)) == target for _, spellings in mentioned for c in spellings)


def explain(art, ps, used_g, used_p, aliases, why, mentioned):
    for gi, g in enumerate(art["claims"]):
        if gi in used_g or g.get("optional"):
            continue
        reason = miss_reason(g, ps, art, aliases)
        unknown = [end for end, name in (("subject", g["subject"]), ("object", g.get("object")))
                   if not recognised(name, mentioned, art["names"])]
        if unknown:
            reason += f" [{' and '.join(unknown)} not among the article's entities]"
            for end in unknown:
                why[("unknown end", "(any type)", unknown_end_kind(g[end], art, mentioned))] += 1
        why[("missed", g["type"], reason)] += 1
    for pi, p in enumerate(ps):
        if pi in used_p:
            continue
        why[("false", p["type"], fp_reason(p, art, aliases))] += 1


def evaluate(gold, preds, aliases, why=None, mentions=None):
    mentions = mentions or {}
    by_article = {}
    for p in preds:
        if p.get("type") == "MENTIONS":
            continue
        by_article.setdefault(p.get("source", {}).get("article"), []).append(p)
    rows, total = [], [0, 0, 0]
    for art_id in sorted(gold):
        art = gold[art_id]
        ps = by_article.get(art_id, [])
        pairs = []
        for gi, g in enumerate(art["claims"]):
            text = " ".join(str(g.get("sentence_contains", "")).split()).casefold()
            for pi, p in enumerate(ps):
                if compatible(g, p, art["names"], aliases):
                    sentence = " ".join(p.get("source", {}).get("sentence", "").split()).casefold()
                    pairs.append((text not in sentence, bool(g.get("optional")), gi, pi))
        pairs.sort()
        used_g, used_p, tp = set(), set(), 0
        for _, optional, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            tp += 0 if optional else 1
        if why is not None:
            explain(art, ps, used_g, used_p, aliases, why, mentions.get(art_id, []))
        required = sum(1 for g in art["claims"] if not g.get("optional"))
        matched_optional = sum(1 for gi in used_g if art["claims"][gi].get("optional"))
        fp = len(ps) - tp - matched_optional
        fn = required - tp
        rows.append((art_id, tp, fp, fn))
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
    return rows, total


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--entities")
    ap.add_argument("--min-f1", type=float)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--why", action="store_true")
    ap.add_argument("--by-style", action="store_true")
    args = ap.parse_args(argv)
    try:
        gold = load_gold(args.gold)
        preds = load_jsonl(args.pred)
        aliases, mentions = {}, {}
        if args.entities:
            for e in load_jsonl(args.entities):
                aliases[e.get("id")] = [e.get("name")] + list(e.get("aliases", []))
                for a in e.get("articles", []):
                    mentions.setdefault(a, []).append((e.get("label", "?"), aliases[e.get("id")]))
    except (OSError, ValueError, KeyError) as err:
        print(f"eval: {err}", file=sys.stderr)
        return 2
    if not gold:
        print(f"eval: no gold annotations under {args.gold}", file=sys.stderr)
        return 2
    why = collections.Counter() if args.why else None
    rows, total = evaluate(gold, preds, aliases, why, mentions)
    if why:
        for (kind, ctype, reason), n in sorted(why.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
            print(f"{kind:6s} {ctype:18s} {n:4d}  {reason}")
    if args.verbose:
        for art_id, tp, fp, fn in rows:
            p, r, f = prf(tp, fp, fn)
            print(f"{art_id:48s} tp={tp:3d} fp={fp:3d} fn={fn:3d}  P={p:.3f} R={r:.3f} F1={f:.3f}")
    if args.by_style:
        styles = {}
        for art_id, tp, fp, fn in rows:
            n = styles.setdefault(article_style(gold[art_id]["text"]), [0, 0, 0, 0])
            for i, v in enumerate((1, tp, fp, fn)):
                n[i] += v
        for style, (n, tp, fp, fn) in sorted(styles.items()):
            p, r, f = prf(tp, fp, fn)
            print(f"style {style:12s} articles={n} tp={tp} fp={fp} fn={fn}  "
                  f"P={p:.3f} R={r:.3f} F1={f:.3f}")
    p, r, f = prf(*total)
    print(f"articles={len(rows)} tp={total[0]} fp={total[1]} fn={total[2]}  "
          f"P={p:.3f} R={r:.3f} F1={f:.3f}")
    if args.min_f1 is not None and f < args.min_f1:
        print(f"eval: F1 {f:.3f} is below the floor {args.min_f1:.3f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
