#!/usr/bin/env bash
# Restore, build with warnings as errors, and run every test (same as CI).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore Chat9.sln
dotnet build Chat9.sln --no-restore -warnaserror
exec .ci/run
