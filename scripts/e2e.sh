#!/usr/bin/env bash
# End-to-end tests: the bot (embedded mode) + the Microsoft 365 Agents Playground, driven in
# headless Chromium with playwright-core (test/e2e). `npm run test:e2e` runs this script.
#   bash scripts/e2e.sh                 # all steps
#   E2E_STEPS=1,2 bash scripts/e2e.sh   # some steps (7 = the German run, 7.2 = one German step)
#
# Environment (all optional):
#   E2E_STEPS            steps to run (default: all)
#   E2E_CHROMIUM         Chromium binary (default /usr/bin/chromium; Debian: apt-get install chromium)
#   E2E_TIMEOUT_SECONDS  hard limit of the suite (default 360)
#   E2E_SKIP_BUILD=1     do not run `npm run build` first
#   E2E_VERBOSE=1        print every action of every step
# Screenshots, logs and summary.txt: test-results/e2e/. Exits non-zero when a step fails.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
cd "${repo_root}"

chromium="${E2E_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "${chromium}" ]]; then
  echo "e2e.sh: Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set E2E_CHROMIUM." >&2
  exit 1
fi

if [[ "${E2E_SKIP_BUILD:-}" != "1" ]]; then
  echo "== build"
  npm run build --silent
fi

# The Playground calls xdg-open to open a browser and crashes where there is none: no-op shim first.
export PATH="${script_dir}:${PATH}"
export TEAMSAPPTESTER_BROWSER=none

limit="${E2E_TIMEOUT_SECONDS:-360}"
echo "== end-to-end (Agents Playground + headless Chromium; steps: ${E2E_STEPS:-all}; limit ${limit} s)"
# The suite stops itself at the limit; `timeout` is only the backstop should it hang anyway.
timeout --kill-after=15 "$((limit + 60))" \
  npx --no -- jest --config test/e2e/jest.config.js --runInBand --forceExit "$@"
