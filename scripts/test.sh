#!/usr/bin/env bash
# The whole test suite: type check, lint and build, unit tests (no server), then integration and end-to-end
# tests against the real PostgreSQL and RabbitMQ, one file at a time (they start services and share one 2-core
# machine).
# Called by `npm test` through scripts/with-env.sh, which has prepared Node 24, packages and services.
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
jest() { node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"; }

npm run typecheck >&2 || { echo "type check failed"; exit 1; }
npm run lint >&2 || { echo "lint failed"; exit 1; }
npm run format:check >&2 || { echo "formatting differs from Prettier: npm run format"; exit 1; }
npm run build >&2 || { echo "build failed"; exit 1; }
jest --selectProjects unit --json --outputFile="$results/unit.json" "$@"; unit=$?
jest --selectProjects integration --runInBand --json --outputFile="$results/integration.json" "$@"; integration=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites; skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results/unit.json" "$results/integration.json"
rm -rf "$results"
[ "$unit" -eq 0 ] && [ "$integration" -eq 0 ]
