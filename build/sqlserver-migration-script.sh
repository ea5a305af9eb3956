#!/usr/bin/env bash
# Writes the idempotent SQL Server migration script, offline (no database needed).
# Usage: build/sqlserver-migration-script.sh [output.sql]   (default: build/out/chat9-sqlserver.sql)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-build/out/chat9-sqlserver.sql}"
mkdir -p "$(dirname "$out")"
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent \
  --context SqlServerChat9DbContext \
  --project src/Infrastructure --startup-project src/Infrastructure \
  --output "$out"
echo "Wrote $out"
