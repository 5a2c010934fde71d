#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server (see postgres.sh), e.g. a benchmark:
#   tests/with-postgres.sh dotnet run -c Release --project bench/Orchestrator.Bench -- durable --provider PostgreSql
set -euo pipefail
. "$(dirname "$0")/postgres.sh"
trap postgres_stop EXIT
postgres_start
"$@"
