#!/bin/sh
# Load test of `kg serve`: one-hop openCypher queries over loopback with wrk, for a bounded
# time, from a second process. Prints wrk's figures and fails (exit 1) on any error response
# or socket error, or below MIN_QPS queries/s.
#
#   tools/loadtest.sh [KG_BINARY]     (default build/tools/kg; env: SECONDS_=10 CONNECTIONS=8
#                                      THREADS=2 MIN_QPS=1000)
# Needs wrk (tools/deps.sh installs it). Ingests corpus/ (and ../shared/seed when present)
# into a temporary database, serves it read-only on a free 127.0.0.1 port, and stops it.
set -eu
cd "$(dirname "$0")/.."
KG=${1:-build/tools/kg}
DURATION=${SECONDS_:-10}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
MIN_QPS=${MIN_QPS:-1000}
command -v wrk >/dev/null || { echo "loadtest: wrk is missing (apt-get install wrk)" >&2; exit 2; }
[ -x "$KG" ] || { echo "loadtest: no kg binary at $KG (build first)" >&2; exit 2; }

WORK=$(mktemp -d)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

SEED=""
[ -f ../shared/seed/rare-earth-war.txt ] && SEED=../shared/seed/rare-earth-war.txt
"$KG" --db "$WORK/db" ingest corpus $SEED >/dev/null
"$KG" --db "$WORK/db" serve --listen 127.0.0.1:0 >"$WORK/banner" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do
  grep -q listening "$WORK/banner" 2>/dev/null && break
  sleep 0.1
done
PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9][0-9]*\)\/.*/\1/p' "$WORK/banner")
[ -n "$PORT" ] || { echo "loadtest: server did not start:" >&2; cat "$WORK/banner" >&2; exit 1; }

# One-hop queries, rotating over entities named by name or alias.
cat >"$WORK/onehop.lua" <<'LUA'
local names = {"Pentagon", "MP Materials", "China", "Lynas Rare Earths", "Apple",
               "United States", "美国", "Saudi Arabia", "Iluka Resources", "rare earths"}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  local body = '{"query":"MATCH (a {name: $n})-[r]->(b) RETURN type(r), b.name LIMIT 50",' ..
               '"parameters":{"n":"' .. names[(i % #names) + 1] .. '"}}'
  return wrk.format(nil, "/query", nil, body)
end
done = function(summary, latency, requests)
  io.write(string.format("summary: requests=%d duration_s=%.2f qps=%.0f non2xx=%d " ..
                         "socket_errors=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/onehop.lua" \
  "http://127.0.0.1:$PORT" | tee "$WORK/wrk.out"
LINE=$(grep '^summary:' "$WORK/wrk.out")
QPS=$(echo "$LINE" | sed 's/.* qps=\([0-9]*\).*/\1/')
NON2XX=$(echo "$LINE" | sed 's/.* non2xx=\([0-9]*\).*/\1/')
SOCK=$(echo "$LINE" | sed 's/.* socket_errors=\([0-9]*\).*/\1/')
echo "loadtest: $QPS one-hop queries/s, $NON2XX error responses, $SOCK socket errors ($(nproc) cores)"
[ "$NON2XX" -eq 0 ] && [ "$SOCK" -eq 0 ] && [ "$QPS" -ge "$MIN_QPS" ]
