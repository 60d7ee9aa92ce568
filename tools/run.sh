#!/bin/sh
# The main job: build kg, ingest the corpus into an embedded database and answer a question.
#   tools/run.sh [DB_DIR]        (default: ./kg.db, rebuilt from scratch)
set -eu
cd "$(dirname "$0")/.."
tools/build.sh
DB=${1:-kg.db}
rm -rf "$DB"
KG=build/tools/kg
$KG --db "$DB" ingest corpus/*.txt corpus/*.jsonl
$KG --db "$DB" stats
echo
echo "Who supplies whom?"
$KG --db "$DB" query "MATCH (s)-[r:SUPPLIES]->(c) RETURN s.name AS supplier, c.name AS customer, r.commodity AS commodity, r.article AS article ORDER BY supplier, customer"
echo
echo "Who invested what in whom?"
$KG --db "$DB" query "MATCH (i)-[r:INVESTS_IN]->(t) WHERE r.amount IS NOT NULL RETURN i.name AS investor, t.name AS investee, r.amount AS amount, r.amount_unit AS unit, r.article AS article ORDER BY amount DESC LIMIT 10"
