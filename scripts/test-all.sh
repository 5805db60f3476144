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
npx tsx bin/cli.ts test --content content 2>&1 | tee /tmp/dc-cases.log
[ "${PIPESTATUS[0]}" = 0 ] || fail=1

step "build"
npm run build || { echo "build failed"; exit 1; }

step "e2e"
rm -f test-results/e2e.json
npx playwright test
e2e_rc=$?
node scripts/e2e-summary.mjs test-results/e2e.json | tee /tmp/dc-e2e.log
[ "${PIPESTATUS[0]}" = 0 ] || e2e_rc=1
[ "$e2e_rc" = 0 ] || fail=1

# Totals last: unit tests (node:test), content test cases, e2e (Playwright).
upass=$(grep -E '^ℹ pass [0-9]+' /tmp/dc-unit.log | awk '{print $3}' | tail -1)
ufail=$(grep -E '^ℹ fail [0-9]+' /tmp/dc-unit.log | awk '{print $3}' | tail -1)
cpass=$(grep -oE '^[0-9]+ passed' /tmp/dc-cases.log | awk '{print $1}' | tail -1)
cfail=$(grep -oE '[0-9]+ failed' /tmp/dc-cases.log | awk '{print $1}' | tail -1)
epass=$(grep -oE '^e2e: [0-9]+ passed' /tmp/dc-e2e.log | awk '{print $2}' | tail -1)
efail=$(grep -oE '[0-9]+ failed' /tmp/dc-e2e.log | awk '{print $1}' | tail -1)
echo "unit: ${upass:-0} passed, ${ufail:-0} failed"
echo "cases: ${cpass:-0} passed, ${cfail:-0} failed"
echo "e2e: ${epass:-0} passed, ${efail:-0} failed"
total_pass=$(( ${upass:-0} + ${cpass:-0} + ${epass:-0} ))
total_fail=$(( ${ufail:-0} + ${cfail:-0} + ${efail:-0} + fail * (${ufail:-0} + ${cfail:-0} + ${efail:-0} == 0 ? 1 : 0) ))
echo "total: ${total_pass} passed, ${total_fail} failed"
exit $fail
