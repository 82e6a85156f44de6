#!/usr/bin/env bash
# Every check and test of the project, in the order CI runs them (npm run test:all).
# Needs node_modules (npm ci) and, for the browser and document tests, Debian's chromium,
# libreoffice-writer-nogui, poppler-utils and fonts-liberation2 (.ci/run installs them).
set -euo pipefail

cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"

step() {
  printf '\n==> %s\n' "$*"
}

run() {
  step "$*"
  "$@"
}

run npm run check:lockfile
run npm run typecheck
run npm run lint
# Electronegativity (fetched by npx at a pinned version): 0 high and 0 medium findings.
run npm run check:electron-security
step "electron-vite build"
npx electron-vite build

# Not test-results/: Playwright empties its output folder when it starts.
mkdir -p test-reports
run npm test -- --reporter=default --reporter=json --outputFile.json=test-reports/vitest.json

step "npx playwright test (browser e2e)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/playwright-e2e.json npx playwright test --reporter=list,json

step "npm run e2e:electron"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/playwright-electron.json \
  npm run e2e:electron -- --reporter=list,json

step "summary"
node - <<'EOF'
const { readFileSync } = require('node:fs')
const read = (file) => JSON.parse(readFileSync(file, 'utf8'))
const vitest = read('test-reports/vitest.json')
const playwright = (file) => {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = read(file).stats
  return { passed: expected + flaky, failed: unexpected, skipped }
}
const parts = {
  vitest: {
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests,
    skipped: vitest.numPendingTests + vitest.numTodoTests
  },
  'browser e2e': playwright('test-reports/playwright-e2e.json'),
  electron: playwright('test-reports/playwright-electron.json')
}
for (const [name, p] of Object.entries(parts)) {
  console.log(`${name}: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`)
}
const sum = (key) => Object.values(parts).reduce((n, p) => n + p[key], 0)
// The closing line CI reads: every suite added up.
console.log(`Tests: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`)
EOF
