#!/usr/bin/env bash
# Runs every test of Orchestrator: .NET tests (engine, server, CLI, fake agencies, browser) and the Studio's
# unit tests, lint and format check. Installs what the tests need when it is missing: Debian's chromium and
# postgresql, and the Studio's npm packages. The server's store tests also run on a throwaway PostgreSQL server
# that this script starts and removes.
set -euo pipefail
cd "$(dirname "$0")"
. tests/postgres.sh

log_dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; postgres_stop; rm -rf "$log_dir"' EXIT

# Browser tests drive Debian's chromium; the CJK font makes Japanese screenshots readable.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

studio=src/Orchestrator.Studio
if [ ! -f "$studio/node_modules/.package-lock.json" ] || [ "$studio/package-lock.json" -nt "$studio/node_modules/.package-lock.json" ]; then
  echo "== installing the Studio's npm packages"
  (cd "$studio" && npm ci --no-audit --no-fund)
fi

# The Studio's unit tests, lint (ESLint with the rules of hooks) and formatting (Prettier), and the C# layout check,
# need no build: they run beside it, and their output is shown after the .NET tests.
(
  cd "$studio"
  status=0
  npm test >"$log_dir/studio.log" 2>&1 || status=$?
  { npm run --silent lint && npm run --silent format:check; } >"$log_dir/studio-lint.log" 2>&1 || status=$?
  echo "$status" >"$log_dir/studio.status"
) &
# The build checks the code style of .editorconfig and the order of usings (warnings are errors); this checks the
# layout (indentation, spacing, line ends) file by file without loading the solution: 8-16 s, where the whole
# `dotnet format --verify-no-changes` took 107 s and as much CPU. `dotnet format Orchestrator.sln` fixes both.
dotnet format whitespace --folder . --verify-no-changes --exclude src/Orchestrator.Studio '**/bin' '**/obj' \
  >"$log_dir/format.log" 2>&1 || echo "$?" >"$log_dir/format.status" &

echo "== building"
dotnet build Orchestrator.sln -nologo -v quiet
wait
echo "== checking the C# formatting"
cat "$log_dir/format.log"
[ ! -s "$log_dir/format.status" ] || exit "$(cat "$log_dir/format.status")"

# The PostgreSQL tests' server: durability is not what they test, so it skips syncing to disk.
POSTGRES_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" postgres_start

echo "== .NET tests"
dotnet_status=0
# Test processes, and the servers they start, live for minutes and run most code a few times: the JIT's profiling tier
# costs them more than it gives back. Without it the server tests took 156 s of CPU instead of 207 s (one run each,
# 7 December, beside another engineer's benchmarks). The product's own processes keep the default.
run_tests() {
  local name=$1
  shift
  DOTNET_TieredPGO=0 dotnet test "$@" --no-build -nologo >"$log_dir/$name.log" 2>&1 || echo "$name" >>"$log_dir/failed-runs"
}
# Much of both the server tests and the browser tests is waiting (on Hangfire polls, host starts, page loads), so they
# run side by side: 5 min 10 s, where one after the other took 4 min 50 s and 2 min 56 s (quiet machine, 7 December).
# The engine, CLI and fake agency tests are quick and go beside them.
run_tests server tests/Orchestrator.Server.Tests --filter "Category!=RunAlone" &
server_pid=$!
run_tests browser tests/Orchestrator.E2E.Tests &
{
  run_tests engine tests/Orchestrator.Engine.Tests
  run_tests cli tests/Orchestrator.Cli.Tests
  run_tests fake-agencies tests/Orchestrator.FakeAgencies.Tests
} &
# The server tests that kill processes or fill the cores (RunAloneCollection) never run beside other server tests: they
# start when the server tests are done, beside what is left of the browser tests, each class in a run of its own (they
# wait more than they work). One after the other they took 168 s; side by side 74 s alone (quiet machine, 7 December).
wait "$server_pid"
alone=$(grep -rl --include='*Tests.cs' 'Trait("Category", RunAloneCollection.Category)' \
  tests/Orchestrator.Server.Tests | xargs -n1 basename | sed 's/\.cs$//' | sort)
for class in $alone; do
  run_tests "alone-$class" tests/Orchestrator.Server.Tests --filter "Category=RunAlone&FullyQualifiedName~.$class." &
done
wait
for name in engine cli fake-agencies server browser $(printf 'alone-%s ' $alone); do
  cat "$log_dir/$name.log"
done | tee "$log_dir/dotnet.log"
[ ! -s "$log_dir/failed-runs" ] || dotnet_status=1

echo "== Studio unit tests"
cat "$log_dir/studio.log"
echo "== Studio lint and format"
cat "$log_dir/studio-lint.log"
studio_status=$(cat "$log_dir/studio.status" 2>/dev/null || echo 1)

# One closing line over both runners.
passed=$(grep -hoE 'Passed: +[0-9]+' "$log_dir/dotnet.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -hoE 'Failed: +[0-9]+' "$log_dir/dotnet.log" | awk '{s+=$2} END {print s+0}')
studio_line=$(sed 's/\x1b\[[0-9;]*m//g' "$log_dir/studio.log" | grep -E '^ +Tests +' | tail -1 || true)
passed=$((passed + $(echo "$studio_line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)))
failed=$((failed + $(echo "$studio_line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)))
echo
# CI keeps only the end of the output: name every failed test here, with its message and the top of its stack (a
# one-line message alone could not tell where a disposed object was used).
if [ "$failed" -gt 0 ]; then
  echo "failed tests:"
  sed 's/\x1b\[[0-9;]*m//g' "$log_dir/dotnet.log" | awk '
    /^ +Failed [A-Za-z_]/ { shown = 0; keep = 1; print; next }
    keep && (/^ +(Passed|Skipped) / || /^ +Standard (Output|Error) Messages:/ || /^$/) { keep = 0 }
    keep && !/^ +(Error Message|Stack Trace):$/ && shown < 14 { print; shown++ }' | cut -c1-300 || true
  sed 's/\x1b\[[0-9;]*m//g' "$log_dir/studio.log" | grep -E '^ +FAIL ' | sort -u | cut -c1-300 || true
fi
echo "tests: $passed passed, $failed failed"

[ "$dotnet_status" -eq 0 ] && [ "$studio_status" -eq 0 ] && [ "$failed" -eq 0 ]
