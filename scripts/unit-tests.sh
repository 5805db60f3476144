#!/usr/bin/env bash
# Runs every unit test (files named *.test.ts beside the code) with node:test through tsx.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find lib bin components scripts bench -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
if ((${#files[@]} == 0)); then echo "no unit tests found" >&2; exit 1; fi
exec node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
