#!/usr/bin/env bash
# Writes the SQL that takes the database from one schema to another, offline.
# Prisma 7's CLI needs a native schema engine it cannot download here; Prisma 6.19's
# CLI has a WASM engine that diffs two schema files without a database.
#   prisma/tools/author-migration.sh <name> [old-schema]   (old: the schema at HEAD)
set -euo pipefail
name=${1:?usage: author-migration.sh <name> [old-schema.prisma]}
top=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '{"name":"migration-author","private":true}' > package.json
npm install --silent prisma@6.19 @prisma/adapter-pg@6.19 @prisma/client@6.19 pg >/dev/null 2>&1
cp "$top/prisma/tools/prisma.config.ts" .
to6() { sed -e '/output *=/d' -e '/moduleFormat/d' -e '/runtime *=/d' \
  -e 's/provider *= "prisma-client"/provider = "prisma-client-js"/' \
  -e 's#provider *= "postgresql"#provider = "postgresql"\n  url = "postgresql://localhost/unused"#' "$1"; }
if [ -n "${2:-}" ]; then to6 "$2" > old.prisma; else (cd "$top" && git show HEAD:prisma/schema.prisma) | to6 /dev/stdin > old.prisma; fi
to6 "$top/prisma/schema.prisma" > new.prisma
dir="$top/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
PRISMA_QUERY_ENGINE_LIBRARY=/bin/true PRISMA_SCHEMA_ENGINE_BINARY=/bin/true \
  npx prisma migrate diff --from-schema-datamodel old.prisma --to-schema-datamodel new.prisma --script > "$dir/migration.sql"
echo "wrote $dir/migration.sql"
