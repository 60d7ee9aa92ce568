#!/bin/sh
# The honest generalization figure: ingests the blind held-out articles (tests/blind/, written
# by helpers who never saw the rules, never used to write or fit one) into a fresh database and
# prints ONLY the total claims precision, recall and F1 (tools/eval.py), never per-article
# lines or misses, so that running it leaks nothing to fit rules to. Whoever works on rules must
# not open tests/blind/; when its figure is used up (someone read it), move it to corpus/ and
# write a new blind set.
# Each subfolder is one blind set, written at one time (set3: 10 articles written 2026-12-02; set4
# and set5: 10 each, written 2026-12-03 by helpers who read only SPEC, the seed and the grader); the
# total of each set is printed, then the total of all. (set2 was read in session 15 and is
# development data in tests/probes/heldout3/.)
# --why adds tools/eval.py's per-type counts of why claims were missed or false (the nearest
# prediction: a figure, one end, the type, or nothing of the type), still without any article,
# name or sentence.
# --by-style adds the total per article style (mixed English/Chinese, key figures, cited, plain).
# usage: tools/blind_score.sh [--why] [--by-style] [KG_BINARY]   (default build/tools/kg)
set -eu
cd "$(dirname "$0")/.."
why=""
style=""
while [ $# -gt 0 ]; do
  case "$1" in
    --why) why="--why"; shift ;;
    --by-style) style="--by-style"; shift ;;
    *) break ;;
  esac
done
kg=${1:-build/tools/kg}
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
"$kg" --db "$db/db" ingest tests/blind >/dev/null 2>&1
"$kg" --db "$db/db" export --format jsonl > "$db/claims.jsonl"
"$kg" --db "$db/db" export --format jsonl --what entities > "$db/entities.jsonl"
python3 tools/eval.py --gold tests/blind --pred "$db/claims.jsonl" --entities "$db/entities.jsonl" \
  $why $style | grep -v '^articles=.* tp=' || true
for set in tests/blind/*/; do
  printf '%-8s ' "$(basename "$set")"
  python3 tools/eval.py --gold "$set" --pred "$db/claims.jsonl" --entities "$db/entities.jsonl" \
    | tail -n 1
done
printf '%-8s ' all
python3 tools/eval.py --gold tests/blind --pred "$db/claims.jsonl" --entities "$db/entities.jsonl" \
  | tail -n 1
