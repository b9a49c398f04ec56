#!/usr/bin/env bash
# Runs every KtEvents test suite on a fresh Debian machine that has the .NET 10 SDK and Node:
# installs the Debian packages the tests start servers from, restores and builds, runs each test
# project in turn, and ends with one line of totals over all suites: "N passed, N failed".
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

# 4. Totals over every suite, from the results files rather than console text.
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

section "Totals"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
