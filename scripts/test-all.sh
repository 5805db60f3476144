#!/usr/bin/env bash
# The one test command: installs what the tests need (npm packages, Debian chromium), then runs
# type-check, unit tests, the content test cases, the build and the e2e suite, and prints counts.
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
fail=0

step "install"
if ! command -v chromium >/dev/null 2>&1 || [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null || { echo "could not install chromium"; exit 1; }
fi
npm install --no-audit --no-fund || { echo "npm install failed"; exit 1; }

step "typecheck"
npx tsc --noEmit || fail=1

step "unit tests"
bash scripts/unit-tests.sh 2>&1 | tee /tmp/dc-unit.log
unit_rc=${PIPESTATUS[0]}
[ "$unit_rc" = 0 ] || fail=1

step "content test cases"
if [ -f bin/cli.ts ] && grep -q '"test"' bin/commands/index.ts 2>/dev/null; then
  npx tsx bin/cli.ts test --content content || fail=1
fi

step "build"
npx next build || { echo "build failed"; exit 1; }

step "e2e"
rm -f test-results/e2e.json
npx playwright test
e2e_rc=$?
node scripts/e2e-summary.mjs test-results/e2e.json || e2e_rc=1
[ "$e2e_rc" = 0 ] || fail=1

# node:test prints its own "# pass N / # fail N" lines above; repeat the unit totals last.
pass=$(grep -E '^ℹ pass [0-9]+' /tmp/dc-unit.log | awk '{print $3}' | tail -1)
failed=$(grep -E '^ℹ fail [0-9]+' /tmp/dc-unit.log | awk '{print $3}' | tail -1)
echo "unit: ${pass:-0} passed, ${failed:-0} failed"
exit $fail
