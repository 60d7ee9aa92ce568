#!/usr/bin/env python3
"""Consistency check of a gold-annotated article corpus (corpus/README.md, shared/eval/README.md).

Usage: python3 tools/check_gold.py [CORPUS_DIR] [--grader PATH]

For every article (X.txt / X.md with X.gold.json; a .jsonl with STEM.gold.json holding a list;
original reports with numbered paragraphs, SPEC section 5, need no gold and are skipped) it
checks that the gold parses and follows the annotation conventions: known labels, types and
qualifier values; every claim end and `commodity` resolves to a listed entity (names normalized
as the grader does); no name shared by two entities; every `sentence_contains` is 8-80
characters, has no citation marker, occurs exactly once in the article and stays inside one
sentence; `citations` equal the markers that close that sentence; 4-12 required claims. Then it
turns the gold into SPEC section 3 prediction lines (plus MENTIONS of every entity) and runs the
grader, which must report P=R=F1=1 with perfect provenance, citations, qualifiers and entities,
for all claims and for the required claims alone. The grader part is skipped, with a notice,
when grade.py is not found (default: ../shared/eval/grade.py next to the repository).

Exit status: 0 when no problem was found, 1 otherwise (each problem is printed as FILE: text),
2 on a usage error. Python 3 standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

CLAIM_TYPES = {"INVESTS_IN", "LENDS_TO", "HOLDS_STAKE", "SUPPLIES", "PRODUCES", "HAS_CAPACITY",
               "OPERATES", "LOCATED_IN", "DEPENDS_ON", "RESTRICTS_EXPORT"}
LABELS = {"Company", "Government", "Country", "Facility", "Commodity", "Person"}
# Object label each type requires (None: no object allowed to be checked here).
OBJECT_LABELS = {
    "PRODUCES": {"Commodity"},
    "HAS_CAPACITY": {"Commodity"},
    "RESTRICTS_EXPORT": {"Commodity"},
    "OPERATES": {"Facility"},
    "LOCATED_IN": {"Country"},
}
ENUMS = {
    "approx": {"over", "under", "about"},
    "status": {"planned", "agreed", "completed"},
    "instrument": {"equity", "preferred", "convertible", "grant", "prepayment", "acquisition"},
    "basis": {"global", "revenue", "output", "demand", "quota"},
    "stage": {"mining", "separation", "refining", "metal", "magnet"},
}
QUALIFIER_KEYS = {"amount", "quantity", "percent", "percent_max", "period", "commodity", "rank",
                  *ENUMS}
PERIOD_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}/\d{4}$")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
MARKER_RE = re.compile(r"\[\s*\d+(?:\s*,\s*\d+)*\s*\]")
MARKER_RUN = r"(?:\s*\[\s*\d+(?:\s*,\s*\d+)*\s*\])+"
TRAILING_MARKERS = re.compile("(" + MARKER_RUN + r")\s*$")
LEADING_MARKERS = re.compile(r"^(" + MARKER_RUN + ")")
MIN_REQUIRED, MAX_REQUIRED = 4, 12
MIN_NEEDLE, MAX_NEEDLE = 8, 80

# Words after which a period does not end a sentence.
ABBREVIATIONS = {"u.s", "u.k", "u.s.a", "e.u", "inc", "ltd", "co", "corp", "mr", "ms", "mrs",
                 "dr", "st", "no", "vs", "e.g", "i.e", "jr", "sr", "pty", "s.a", "n.v", "bhd",
                 "plc", "mt", "ft", "approx", "est", "gov", "dept"}
CJK_TERMINATORS = "。！？"
INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")


def norm_name(value):
    """The grader's name normalization (shared/eval/grade.py norm_name)."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    out = []
    for ch in text:
        if ch.isspace():
            out.append(" ")
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "LNM":
            out.append(ch)
        elif cat == "Pd" or ch in "/\\|":
            out.append(" ")
    result = " ".join("".join(out).split())
    if result.startswith("the "):
        result = result[4:]
    return result


def norm_text(value):
    return " ".join(unicodedata.normalize("NFKC", str(value)).split()).casefold()


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# ------------------------------------------------------------------------------------------
# Sentences


def _is_terminator(text, i):
    """True when text[i] ends a sentence."""
    ch = text[i]
    if ch in CJK_TERMINATORS:
        return True
    if ch not in ".!?":
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt and not (nxt.isspace() or nxt in "\"'”’)"):
        return False  # 1.5, U.S.-China, e.g.,
    if ch != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"'“‘":
        j -= 1
    word = text[j:i].casefold()
    if word in ABBREVIATIONS:
        return False
    if INITIALS_RE.match(word):
        return False  # an initial or initials: J. Smith, H.C. Starck
    return True


def sentence_bounds(text, start, end):
    """(left, right, citations, problem) of the sentence holding text[start:end].

    Sentences end at a terminator or a line break. The citations are the markers that close
    the sentence: a marker run just before the terminator (or the line end), or just after it.
    """
    for i in range(start, end):
        if text[i] == "\n" or (_is_terminator(text, i) and i < end - 1):
            return None, None, None, "crosses a sentence boundary"
    left = start
    while left > 0 and text[left - 1] != "\n" and not _is_terminator(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and text[right] != "\n" and not _is_terminator(text, right):
        right += 1
    body = text[end:right]
    cits = []
    trailing = TRAILING_MARKERS.search(body)
    close = right
    if right < len(text) and text[right] != "\n":
        close = right + 1
        after = LEADING_MARKERS.match(text[close:])
        if after:
            cits += [int(n) for n in re.findall(r"\d+", after.group(1))]
            close += after.end()
    if trailing:
        cits = [int(n) for n in re.findall(r"\d+", trailing.group(1))] + cits
    return left, close, cits, None


# ------------------------------------------------------------------------------------------
# Articles


class Article:
    def __init__(self, art_id, title, text, path, where):
        self.id = art_id
        self.title = title
        self.text = text
        self.path = path
        self.where = where


def is_original_report(text):
    """An original report (SPEC section 5, ingest/read.h): most paragraphs start with their
    number, `[12] ` or `12. `, at least two of them. Originals carry no gold: the audit
    checks summaries against them (corpus/README.md, section "audit/")."""
    paragraphs, numbered, previous_blank = 0, 0, True
    for line in text.splitlines()[1:]:  # The title line is not a paragraph.
        if not line.strip():
            previous_blank = True
            continue
        marker = re.match(r"^\s*(\[\d{1,4}\]|\d{1,4}\.)\s+\S", line)
        if marker or previous_blank:
            paragraphs += 1
            numbered += bool(marker)
        previous_blank = False
    return numbered >= 2 and numbered * 2 > paragraphs


def read_articles(folder, problems):
    """{gold_path: [Article, ...]} for every article file under folder."""
    out = {}
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            stem, ext = os.path.splitext(name)
            if name.endswith(".gold.json") or name == "README.md":
                continue
            gold = os.path.join(root, stem + ".gold.json")
            if ext in (".txt", ".md"):
                try:
                    with open(path, encoding="utf-8") as fh:
                        text = fh.read()
                except (OSError, UnicodeDecodeError) as exc:
                    problems.append(f"{path}: cannot read: {exc}")
                    continue
                if is_original_report(text):
                    continue
                title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
                out[gold] = [Article(stem, title, text, path, path)]
            elif ext == ".jsonl":
                arts = []
                try:
                    with open(path, encoding="utf-8") as fh:
                        lines = fh.read().splitlines()
                except (OSError, UnicodeDecodeError) as exc:
                    problems.append(f"{path}: cannot read: {exc}")
                    continue
                for n, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    where = f"{path}:{n}"
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as exc:
                        problems.append(f"{where}: invalid JSON: {exc}")
                        continue
                    if isinstance(obj, dict) and isinstance(obj.get("paragraphs"), list):
                        continue  # An original report (SPEC section 5): no gold needed.
                    if not isinstance(obj, dict) or not all(
                            isinstance(obj.get(k), str) and obj.get(k) for k in
                            ("id", "title", "text")):
                        problems.append(f"{where}: needs string fields id, title and text")
                        continue
                    pub = obj.get("published")
                    if pub is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(pub)):
                        problems.append(f"{where}: published {pub!r} is not an ISO date")
                    arts.append(Article(obj["id"], obj["title"],
                                        obj["title"] + "\n\n" + obj["text"], path, where))
                out[gold] = arts
    return out


# ------------------------------------------------------------------------------------------
# Gold


def check_entities(doc, where, problems):
    """{normalized name: entity dict} of the article's entities."""
    keys = {}
    entities = doc.get("entities")
    if not isinstance(entities, list) or not entities:
        problems.append(f"{where}: \"entities\" must be a non-empty list")
        return keys
    for ent in entities:
        if not isinstance(ent, dict) or not isinstance(ent.get("name"), str) \
                or not ent["name"].strip():
            problems.append(f"{where}: entity without a name: {ent!r}")
            continue
        name = ent["name"]
        if ent.get("label") not in LABELS:
            problems.append(f"{where}: entity {name!r} has label {ent.get('label')!r}")
        aliases = ent.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{where}: entity {name!r}: aliases must be a list of strings")
            aliases = []
        if not isinstance(ent.get("optional", False), bool):
            problems.append(f"{where}: entity {name!r}: optional must be a boolean")
        for alias in [name, *aliases]:
            key = norm_name(alias)
            if not key:
                problems.append(f"{where}: entity {name!r}: alias {alias!r} normalizes to nothing")
                continue
            other = keys.get(key)
            if other is not None and other is not ent:
                problems.append(f"{where}: name {key!r} is shared by {other['name']!r} and "
                                f"{name!r}")
            keys.setdefault(key, ent)
    return keys


def resolve(keys, name):
    if not isinstance(name, str):
        return None
    key = norm_name(name)
    return keys.get(key)


def check_quantity(value, what, where, problems, unit_check):
    if not isinstance(value, dict) or not is_number(value.get("value")):
        problems.append(f"{where}: {what} must be {{value, unit}} with a numeric value")
        return
    if not unit_check(value.get("unit")):
        problems.append(f"{where}: {what} has unit {value.get('unit')!r}")
    if "max" in value and (not is_number(value["max"]) or value["max"] <= value["value"]):
        problems.append(f"{where}: {what} max must be a number above value")
    extra = set(value) - {"value", "unit", "max"}
    if extra:
        problems.append(f"{where}: {what} has unknown keys {sorted(extra)}")


def check_qualifiers(quals, keys, where, problems):
    if not isinstance(quals, dict):
        problems.append(f"{where}: qualifiers must be an object")
        return
    for key in set(quals) - QUALIFIER_KEYS:
        problems.append(f"{where}: unknown qualifier {key!r}")
    if "amount" in quals:
        check_quantity(quals["amount"], "amount", where, problems,
                       lambda u: isinstance(u, str) and CURRENCY_RE.match(u))
    if "quantity" in quals:
        check_quantity(quals["quantity"], "quantity", where, problems, lambda u: u == "t")
    for key in ("percent", "percent_max"):
        if key in quals and (not is_number(quals[key]) or not 0 < quals[key] <= 100):
            problems.append(f"{where}: {key} must be a number in (0, 100]")
    if "percent_max" in quals and quals.get("percent", 101) >= quals["percent_max"]:
        problems.append(f"{where}: percent_max needs a lower percent")
    if "period" in quals and not (isinstance(quals["period"], str)
                                  and PERIOD_RE.match(quals["period"])):
        problems.append(f"{where}: period {quals['period']!r} is not YYYY[-MM[-DD]] or YYYY/YYYY")
    for key, allowed in ENUMS.items():
        if key in quals and quals[key] not in allowed:
            problems.append(f"{where}: {key} {quals[key]!r} is not one of {sorted(allowed)}")
    if "rank" in quals and quals["rank"] != "largest" and not (
            isinstance(quals["rank"], int) and quals["rank"] >= 1):
        problems.append(f"{where}: rank {quals['rank']!r} is not 'largest' or a positive int")
    if "commodity" in quals:
        ent = resolve(keys, quals["commodity"])
        if ent is None or ent.get("label") != "Commodity":
            problems.append(f"{where}: commodity {quals['commodity']!r} is not a listed "
                            f"Commodity entity")


def check_article(art, doc, where, problems):
    """Check one gold article; return its claims as prediction lines (or None on problems)."""
    before = len(problems)
    if doc.get("article") != art.id:
        problems.append(f"{where}: article id {doc.get('article')!r}, expected {art.id!r}")
    keys = check_entities(doc, where, problems)
    claims = doc.get("claims")
    if not isinstance(claims, list):
        problems.append(f"{where}: \"claims\" must be a list")
        return None
    required = 0
    lines = []
    for i, claim in enumerate(claims):
        cw = f"{where}: claim #{i}"
        if not isinstance(claim, dict):
            problems.append(f"{cw}: not an object")
            continue
        ctype = claim.get("type")
        if ctype not in CLAIM_TYPES:
            problems.append(f"{cw}: unknown type {ctype!r}")
        subj = resolve(keys, claim.get("subject"))
        if subj is None:
            problems.append(f"{cw}: subject {claim.get('subject')!r} is not a listed entity")
        obj = None
        if claim.get("object") is not None:
            obj = resolve(keys, claim.get("object"))
            if obj is None:
                problems.append(f"{cw}: object {claim.get('object')!r} is not a listed entity")
            elif ctype in OBJECT_LABELS and obj.get("label") not in OBJECT_LABELS[ctype]:
                problems.append(f"{cw}: {ctype} object {obj['name']!r} is a {obj.get('label')}")
        elif ctype in OBJECT_LABELS:
            problems.append(f"{cw}: {ctype} needs an object")
        quals = claim.get("qualifiers", {})
        check_qualifiers(quals, keys, cw, problems)
        optional = claim.get("optional")
        if not isinstance(optional, bool):
            problems.append(f"{cw}: optional must be true or false")
        elif not optional:
            required += 1
        elif not claim.get("note"):
            problems.append(f"{cw}: an optional claim needs a note saying why")
        cits = claim.get("citations")
        if not isinstance(cits, list) or not all(isinstance(c, int) and not isinstance(c, bool)
                                                   for c in cits):
            problems.append(f"{cw}: citations must be a list of integers")
            cits = None
        needle = claim.get("sentence_contains")
        sentence = None
        if not isinstance(needle, str):
            problems.append(f"{cw}: sentence_contains must be a string")
        else:
            if not MIN_NEEDLE <= len(needle) <= MAX_NEEDLE:
                problems.append(f"{cw}: sentence_contains has {len(needle)} characters "
                                f"(allowed {MIN_NEEDLE}-{MAX_NEEDLE}): {needle!r}")
            if MARKER_RE.search(needle):
                problems.append(f"{cw}: sentence_contains holds a citation marker: {needle!r}")
            count = art.text.count(needle)
            ncount = norm_text(art.text).count(norm_text(needle))
            if count != 1 or ncount != 1:
                problems.append(f"{cw}: sentence_contains occurs {count} times verbatim "
                                f"({ncount} normalized): {needle!r}")
            if count >= 1:
                start = art.text.find(needle)
                left, right, found, problem = sentence_bounds(art.text, start, start + len(needle))
                if problem:
                    problems.append(f"{cw}: sentence_contains {problem}: {needle!r}")
                else:
                    sentence = art.text[left:right].strip()
                    if cits is not None and sorted(set(cits)) != sorted(set(found)):
                        problems.append(f"{cw}: citations {cits} but the sentence closes with "
                                        f"{found}: {needle!r}")
        if subj is not None and sentence is not None:
            lines.append(({
                "type": ctype,
                "subject": {"name": subj["name"], "label": subj.get("label")},
                "object": None if obj is None else {"name": obj["name"],
                                                    "label": obj.get("label")},
                "qualifiers": quals if isinstance(quals, dict) else {},
                "source": {"article": art.id, "section": "", "sentence": sentence,
                           "citations": cits or []},
                "rule": "gold.copy"}, bool(optional)))
    if not MIN_REQUIRED <= required <= MAX_REQUIRED:
        problems.append(f"{where}: {required} required claims (allowed "
                        f"{MIN_REQUIRED}-{MAX_REQUIRED})")
    for ent in doc.get("entities", []) if isinstance(doc.get("entities"), list) else []:
        if isinstance(ent, dict) and isinstance(ent.get("name"), str):
            lines.append(({
                "type": "MENTIONS",
                "subject": {"name": art.id, "label": "Article"},
                "object": {"name": ent["name"], "label": ent.get("label")},
                "qualifiers": {}, "source": {"article": art.id}, "rule": "gold.mentions"},
                None))
    return lines if len(problems) == before else None


def load_gold(gold_path, arts, problems):
    try:
        with open(gold_path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        problems.append(f"{arts[0].path}: no gold file {os.path.basename(gold_path)}")
        return []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(f"{gold_path}: cannot parse: {exc}")
        return []
    jsonl = arts[0].path.endswith(".jsonl")
    if jsonl and not isinstance(data, list):
        problems.append(f"{gold_path}: the gold of a .jsonl file must be a list of objects")
        return []
    if not jsonl and not isinstance(data, dict):
        problems.append(f"{gold_path}: the gold of a text article must be one object")
        return []
    docs = data if isinstance(data, list) else [data]
    by_id = {}
    for pos, doc in enumerate(docs):
        if not isinstance(doc, dict):
            problems.append(f"{gold_path}[{pos}]: not an object")
            continue
        if doc.get("article") in by_id:
            problems.append(f"{gold_path}[{pos}]: article {doc.get('article')!r} twice")
        by_id[doc.get("article")] = (pos, doc)
    pairs = []
    for art in arts:
        if art.id not in by_id:
            problems.append(f"{gold_path}: no gold for article {art.id!r} ({art.where})")
            continue
        pos, doc = by_id.pop(art.id)
        where = gold_path if not jsonl else f"{gold_path}[{pos}] ({art.id})"
        if "title" in doc and doc["title"] != art.title:
            problems.append(f"{where}: title differs from the article's title")
        pairs.append((art, doc, where))
    for art_id in by_id:
        problems.append(f"{gold_path}: gold for {art_id!r}, which is not an article of "
                        f"{arts[0].path}")
    return pairs


# ------------------------------------------------------------------------------------------
# Grader round trip


def run_grader(grader, folder, lines, label, problems):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                     delete=False) as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        pred = fh.name
    try:
        proc = subprocess.run([sys.executable, grader, "--gold", folder, "--pred", pred,
                               "--json"], capture_output=True, text=True, check=False)
    finally:
        os.unlink(pred)
    if proc.returncode != 0:
        problems.append(f"grader ({label}): exit {proc.returncode}: {proc.stderr.strip()}")
        return
    try:
        result = json.loads(proc.stdout)
    except json.JSONDecodeError:
        problems.append(f"grader ({label}): output is not JSON")
        return
    claims = result.get("claims", {})
    for key in ("precision", "recall", "f1"):
        if claims.get(key) != 1.0:
            problems.append(f"grader ({label}): claims {key} = {claims.get(key)}")
    for key in ("provenance", "citations"):
        if result.get(key) != 1.0:
            problems.append(f"grader ({label}): {key} = {result.get(key)}")
    quals = result.get("qualifiers", {})
    if quals.get("accuracy") not in (1.0, None):
        problems.append(f"grader ({label}): qualifier accuracy = {quals.get('accuracy')}")
    if result.get("entities", {}).get("f1") != 1.0:
        problems.append(f"grader ({label}): entities F1 = {result.get('entities', {}).get('f1')}")
    for warning in result.get("warnings", []):
        problems.append(f"grader ({label}): warning: {warning}")
    malformed = result.get("malformed") or {}
    if malformed.get("count"):
        problems.append(f"grader ({label}): malformed prediction lines: {malformed}")
    print(f"grader ({label}): {result.get('summary_line')}")


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_grader = os.path.join(os.path.dirname(here), "..", "shared", "eval", "grade.py")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(os.path.dirname(here),
                                                                  "corpus"))
    parser.add_argument("--grader", default=os.environ.get("KG_GRADER", default_grader),
                        help="path of shared/eval/grade.py (skipped when missing)")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.corpus):
        print(f"error: not a folder: {args.corpus}", file=sys.stderr)
        return 2

    problems = []
    articles = read_articles(args.corpus, problems)
    all_lines = []
    n_articles = n_required = n_optional = 0
    for gold_path in sorted(articles):
        arts = articles[gold_path]
        for art, doc, where in load_gold(gold_path, arts, problems):
            n_articles += 1
            lines = check_article(art, doc, where, problems)
            if lines is not None:
                all_lines += lines
                claims = [c for c in doc["claims"]]
                n_required += sum(1 for c in claims if not c["optional"])
                n_optional += sum(1 for c in claims if c["optional"])
    golds = {os.path.join(r, f) for r, _, fs in os.walk(args.corpus) for f in fs
             if f.endswith(".gold.json")}
    for orphan in sorted(golds - set(articles)):
        problems.append(f"{orphan}: gold file without an article")

    if not problems:
        if os.path.isfile(args.grader):
            run_grader(args.grader, args.corpus, [ln for ln, _ in all_lines], "all claims",
                       problems)
            run_grader(args.grader, args.corpus, [ln for ln, opt in all_lines if not opt],
                       "required claims", problems)
        else:
            print(f"notice: grader not found at {args.grader}; round trip skipped")

    for problem in problems:
        print(problem)
    print(f"{n_articles} articles, {n_required} required and {n_optional} optional claims, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
