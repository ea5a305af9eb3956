#!/usr/bin/env bash
# Adds a migration with the same name for BOTH providers (SQLite and SQL Server).
# Usage: build/add-migration.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: build/add-migration.sh <MigrationName>}"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" \
    --context "${provider}Chat9DbContext" \
    --project src/Infrastructure --startup-project src/Infrastructure \
    --output-dir "Persistence/Migrations/${provider}"
done
