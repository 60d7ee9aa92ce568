#!/bin/sh
# Ingests corpus/ into a fresh database and scores the claim export with tools/eval.py; fails
# when claims F1 falls below FLOOR (the figure the extractor has reached; raise it as it grows).
# usage: tools/corpus_regression.sh KG_BINARY SOURCE_DIR FLOOR
set -eu
kg=$1 src=$2 floor=$3
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
"$kg" --db "$db/db" ingest "$src/corpus" >/dev/null
"$kg" --db "$db/db" export --format jsonl > "$db/claims.jsonl"
"$kg" --db "$db/db" export --format jsonl --what entities > "$db/entities.jsonl"
python3 "$src/tools/eval.py" --gold "$src/corpus" --pred "$db/claims.jsonl" \
  --entities "$db/entities.jsonl" --min-f1 "$floor"
