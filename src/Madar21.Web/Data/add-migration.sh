#!/usr/bin/env bash
# Adds a migration NAME for both database engines, after a change to the model (MadarDb):
#   src/Madar21.Web/Data/add-migration.sh NAME
# SQLite's go to Data/Migrations (MadarDb), PostgreSQL's to Data/Migrations/Postgres (PostgresMadarDb). Making a
# migration needs the model only, not a server: the PostgreSQL connection string below is never opened.
set -euo pipefail
name=${1:?usage: add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build --nologo -v quiet
dotnet ef migrations add "$name" --no-build --context MadarDb --output-dir Data/Migrations
dotnet ef migrations add "$name" --no-build --context PostgresMadarDb --output-dir Data/Migrations/Postgres \
    -- --Database:Provider=Postgres '--ConnectionStrings:Default=Host=localhost;Database=madar21'
