#!/usr/bin/env bash
# Runs every benchmark in bench/ and prints their figures (they never fail on time).
# The full catalog is ../shared/security_content (override with SECURITY_CONTENT=/path); benchmarks
# that need it print a skip line when it is absent. match-one is pinned to one CPU core when
# `taskset` exists, as its target is stated for one core.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
run() {
  echo
  "$@" || { echo "benchmark failed: $*" >&2; status=1; }
}
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi
echo "Detection Console benchmarks ($(node --version), $(uname -m), $(nproc 2>/dev/null || echo '?') CPUs)"
run node --import tsx bench/compile.ts
run "${pin[@]}" node --import tsx bench/match-one.ts
run node --import tsx bench/batch.ts
run node --import tsx bench/catalog-batch.ts
run node --expose-gc --import tsx bench/memory.ts
run node --import tsx bench/events-throughput.ts
run node --expose-gc --import tsx bench/event-parsers.ts
exit $status
