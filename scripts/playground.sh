#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground (Teams-like web client) against the local bot.
#   npm start                 # the bot, embedded mode (no MicrosoftAppId: the Playground sends no JWT)
#   bash scripts/playground.sh [extra agentsplayground options]
# Then open http://localhost:${PLAYGROUND_PORT:-56150} in a browser.
#
# Environment (all optional):
#   PORT             bot port (default 3978)
#   BOT_ENDPOINT     full bot messaging endpoint (default http://localhost:$PORT/api/messages)
#   PLAYGROUND_PORT  Playground port (default 56150)
#   M365_AGENTS_PLAYGROUND_CONFIG_PATH  mock tenant/users/chats (default appPackage/playground.yml)
#   M365_AGENTS_PLAYGROUND_LOGFILE      Playground log (default appPackage/build/playground.log)
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"

# The Playground opens a browser with xdg-open and crashes when there is none: use the no-op shim.
export PATH="${script_dir}:${PATH}"
export TEAMSAPPTESTER_BROWSER="${TEAMSAPPTESTER_BROWSER:-none}"

export M365_AGENTS_PLAYGROUND_CONFIG_PATH="${M365_AGENTS_PLAYGROUND_CONFIG_PATH:-${repo_root}/appPackage/playground.yml}"
export M365_AGENTS_PLAYGROUND_LOGFILE="${M365_AGENTS_PLAYGROUND_LOGFILE:-${repo_root}/appPackage/build/playground.log}"
mkdir -p "$(dirname "${M365_AGENTS_PLAYGROUND_LOGFILE}")"

if [[ ! -f "${M365_AGENTS_PLAYGROUND_CONFIG_PATH}" ]]; then
  echo "playground.sh: config file not found: ${M365_AGENTS_PLAYGROUND_CONFIG_PATH}" >&2
  exit 1
fi

endpoint="${BOT_ENDPOINT:-http://localhost:${PORT:-3978}/api/messages}"
playground_port="${PLAYGROUND_PORT:-56150}"

echo "Agents Playground: http://localhost:${playground_port}  ->  bot ${endpoint}"
echo "  config ${M365_AGENTS_PLAYGROUND_CONFIG_PATH}"
echo "  log    ${M365_AGENTS_PLAYGROUND_LOGFILE}"

cd "${repo_root}"
# The locally installed CLI (devDependency @microsoft/m365agentsplayground); npx never installs here.
playground=(npx --no -- agentsplayground)
if [[ -x "${repo_root}/node_modules/.bin/agentsplayground" ]]; then
  playground=("${repo_root}/node_modules/.bin/agentsplayground")
fi
exec "${playground[@]}" \
  -e "${endpoint}" \
  -c msteams \
  -p "${playground_port}" \
  --disable-telemetry \
  "$@"
