#!/usr/bin/env bash
# Runs every KtEvents test suite on a fresh Debian machine that has the .NET 10 SDK and Node:
# installs the Debian packages the tests start servers from, restores and builds, runs each .NET test
# project in turn, then the web app's Vitest and Playwright suites (the journey against the system the
# AppHost starts), and ends with one line of totals over all suites: "N passed, N failed".
# This is the README's test command, and .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"

section() { printf '\n==> %s\n' "$*"; }

# 1. Servers the test fixture runs from their binaries (no Docker here), and the benchmark's peer.
source eng/prerequisites.sh
ktevents_install_prerequisites

# 2. Restore and build once; the suites run from the build output.
section "Restoring and building"
if ! { dotnet restore KtEvents.sln && dotnet build KtEvents.sln --no-restore -c Release -warnaserror; }; then
  section "Totals"
  echo "The build failed, so no suite ran."
  echo "0 passed, 1 failed"
  exit 1
fi

# The web app's packages: Vitest and the browser suites need them, and the AppHost would otherwise
# install them itself before starting the dev server in the end-to-end tests.
section "web: npm ci"
(cd web && npm ci --no-audit --no-fund)

# 3. Each .NET test project in turn: they start real servers, and on two cores one suite at a time
#    keeps their timing honest. A suite that crashes leaves no results file and counts as a failure.
rm -rf "$results"
mkdir -p "$results"
crashed=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  section "$name"
  if ! dotnet test "$project" --no-build -c Release \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$results" --blame-hang-timeout 10m; then
    [ -f "$results/$name.trx" ] || { echo "$name crashed before writing its results"; crashed=$((crashed + 1)); }
  fi
done

# 4. The web app: Vitest unit tests, the screens in chromium against a fake gateway, then the whole
#    journey in chromium against the real system started by the AppHost. Each writes vitest's JSON
#    report; a missing report counts as a failure.
vitest() { # name, extra args...
  local name=$1; shift
  (cd web && npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$results/$name.json") || true
  [ -f "$results/$name.json" ] || { echo "$name crashed before writing its results"; crashed=$((crashed + 1)); }
}
section "Vitest"
vitest vitest
section "Playwright: every screen (fake gateway)"
vitest playwright-screens --config e2e/vitest.config.ts screens

section "Playwright: the journey through the running system"
journey_data=$(mktemp -d /tmp/kt-journey.XXXXXX)
apphost_log="$results/apphost-journey.log"
dotnet KtEvents.AppHost/bin/Release/net10.0/KtEvents.AppHost.dll \
  --AppHost:DataDirectory="$journey_data" --AppHost:DashboardUrl=http://localhost:0 --AppHost:BuildConfiguration=Release \
  >"$apphost_log" 2>&1 &
apphost=$!
for _ in $(seq 1 300); do
  grep -q "web is healthy" "$apphost_log" && break
  kill -0 "$apphost" 2>/dev/null || break
  sleep 1
done
web_url=$(grep -oE "web: http://[^[:space:]]+" "$apphost_log" | head -1 | cut -d' ' -f2 || true)
if [ -n "$web_url" ] && grep -q "web is healthy" "$apphost_log"; then
  echo "The system is up; the web app is at $web_url"
  E2E_BASE_URL="$web_url" vitest playwright-journey --config e2e/vitest.config.ts journey
  # The same running system seen from the AppHost's dashboard: its resources and the owner's traces.
  section "Playwright: the AppHost dashboard of the running system"
  dashboard_url=$(grep -oE "Dashboard: http://[^[:space:]]+" "$apphost_log" | head -1 | cut -d' ' -f2 || true)
  E2E_BASE_URL="$web_url" E2E_DASHBOARD_URL="$dashboard_url" vitest playwright-dashboard --config e2e/vitest.config.ts dashboard
else
  echo "The AppHost did not bring the system up; its log:"; tail -50 "$apphost_log"
  crashed=$((crashed + 1))
fi
kill -TERM "$apphost" 2>/dev/null || true
wait "$apphost" 2>/dev/null || true
rm -rf "$journey_data"
# What an owner sees at each step, kept as a CI artifact (README: Tests).
rm -rf artifacts/screenshots && mkdir -p artifacts/screenshots
cp web/e2e/screenshots/*.png artifacts/screenshots/ 2>/dev/null || true

# 5. Totals over every suite, from the results files rather than console text.
passed=0
failed=$crashed
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  e=$(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$counters")
  t=$(sed -E 's/.* timeout="([0-9]+)".*/\1/' <<<"$counters")
  a=$(sed -E 's/.* aborted="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p))
  failed=$((failed + f + e + t + a))
done

for report in "$results"/*.json; do
  [ -f "$report" ] || continue
  read -r p f < <(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.success || r.numFailedTests > 0 ? 0 : 1))' "$report")
  passed=$((passed + p))
  failed=$((failed + f))
done

# The failures by name, right above the totals, so a CI log cut to its tail still says what failed.
if [ "$failed" -gt 0 ]; then
  section "Failed tests"
  node eng/failed-tests.mjs "$results" || true
fi

section "Totals"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
