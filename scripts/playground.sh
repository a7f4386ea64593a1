#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground (Teams-like web client) against the local bot.
#   npm run playground        # one terminal: starts the bot too (embedded mode) when none answers
#   bash scripts/playground.sh [extra agentsplayground options]
# Then open http://localhost:${PLAYGROUND_PORT:-56150} in a browser. When nothing answers on
# http://localhost:$PORT/healthz, the script builds and starts the bot in embedded mode (no
# MicrosoftAppId: the Playground sends no JWT) and stops it when the Playground exits. A bot that
# is already running (`npm start` or `npm run dev` in another terminal) is used as it is.
#
# Environment (all optional):
#   PORT             bot port (default 3978)
#   BOT_ENDPOINT     full bot messaging endpoint (default http://localhost:$PORT/api/messages)
#   PLAYGROUND_PORT  Playground port (default 56150)
#   M365_AGENTS_PLAYGROUND_CONFIG_PATH  mock tenant/users/chats (default appPackage/playground.yml)
#   PLAYGROUND_USE_DEFAULTS=1  no config at all: the Playground's built-in defaults (its tenant
#                    00000000-0000-0000-0000-0000000000001, its users), as Agents Toolkit starts it
#   M365_AGENTS_PLAYGROUND_LOGFILE      Playground log (default appPackage/build/playground.log)
#   PLAYGROUND_BOT_LOG  log of a bot this script starts (default appPackage/build/bot.log)
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"

# The Playground opens a browser with xdg-open and crashes when there is none: use the no-op shim.
export PATH="${script_dir}:${PATH}"
export TEAMSAPPTESTER_BROWSER="${TEAMSAPPTESTER_BROWSER:-none}"

export M365_AGENTS_PLAYGROUND_LOGFILE="${M365_AGENTS_PLAYGROUND_LOGFILE:-${repo_root}/appPackage/build/playground.log}"
mkdir -p "$(dirname "${M365_AGENTS_PLAYGROUND_LOGFILE}")"

# Where the Playground runs: the repo, or (defaults) an empty directory of its own, since without
# M365_AGENTS_PLAYGROUND_CONFIG_PATH it reads ./.m365agentsplayground.yml from its working directory.
playground_cwd="${repo_root}"
if [[ "${PLAYGROUND_USE_DEFAULTS:-}" == "1" ]]; then
  unset M365_AGENTS_PLAYGROUND_CONFIG_PATH
  playground_cwd="$(dirname "${M365_AGENTS_PLAYGROUND_LOGFILE}")/playground-defaults"
  mkdir -p "${playground_cwd}"
  rm -f "${playground_cwd}/.m365agentsplayground.yml" "${playground_cwd}/.teamsapptesttool.yml"
  config_note="the Playground's built-in defaults (tenant 00000000-0000-0000-0000-0000000000001)"
else
  export M365_AGENTS_PLAYGROUND_CONFIG_PATH="${M365_AGENTS_PLAYGROUND_CONFIG_PATH:-${repo_root}/appPackage/playground.yml}"
  if [[ ! -f "${M365_AGENTS_PLAYGROUND_CONFIG_PATH}" ]]; then
    echo "playground.sh: config file not found: ${M365_AGENTS_PLAYGROUND_CONFIG_PATH}" >&2
    exit 1
  fi
  config_note="${M365_AGENTS_PLAYGROUND_CONFIG_PATH}"
fi

endpoint="${BOT_ENDPOINT:-http://localhost:${PORT:-3978}/api/messages}"
playground_port="${PLAYGROUND_PORT:-56150}"
health="${endpoint%/api/messages}/healthz"

bot_answers() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(1000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "${health}"
}

bot_pid=""
stop_bot() {
  if [[ -n "${bot_pid}" ]] && kill -0 "${bot_pid}" 2>/dev/null; then
    echo "Stopping the bot this script started (pid ${bot_pid})"
    kill "${bot_pid}" 2>/dev/null || true
    wait "${bot_pid}" 2>/dev/null || true
  fi
}

if ! bot_answers; then
  if [[ -n "${BOT_ENDPOINT:-}" ]]; then
    echo "playground.sh: nothing answers at ${health} (BOT_ENDPOINT is set, so no bot is started)" >&2
    exit 1
  fi
  bot_log="${PLAYGROUND_BOT_LOG:-${repo_root}/appPackage/build/bot.log}"
  echo "No bot answers at ${health}: building and starting it in embedded mode (log ${bot_log})"
  (cd "${repo_root}" && npm run build --silent)
  trap stop_bot EXIT
  trap 'exit 130' INT TERM
  (cd "${repo_root}" && exec node --disable-warning=DEP0111 dist/index.js) > "${bot_log}" 2>&1 &
  bot_pid=$!
  for _ in $(seq 1 120); do
    bot_answers && break
    if ! kill -0 "${bot_pid}" 2>/dev/null; then
      echo "playground.sh: the bot exited during start-up; its log:" >&2
      tail -n 40 "${bot_log}" >&2
      exit 1
    fi
    sleep 0.5
  done
  bot_answers || { echo "playground.sh: the bot did not become healthy in 60 s (log ${bot_log})" >&2; exit 1; }
  echo "Bot ready at ${endpoint}"
fi

echo "Agents Playground: http://localhost:${playground_port}  ->  bot ${endpoint}"
echo "  config ${config_note}"
echo "  log    ${M365_AGENTS_PLAYGROUND_LOGFILE}"

cd "${playground_cwd}"
# The locally installed CLI (devDependency @microsoft/m365agentsplayground); npx never installs here.
playground=(npx --no -- agentsplayground)
if [[ -x "${repo_root}/node_modules/.bin/agentsplayground" ]]; then
  playground=("${repo_root}/node_modules/.bin/agentsplayground")
fi
args=(-e "${endpoint}" -c msteams -p "${playground_port}" --disable-telemetry "$@")
if [[ -z "${bot_pid}" ]]; then
  exec "${playground[@]}" "${args[@]}"
fi
# Not exec: the EXIT trap stops the bot this script started.
"${playground[@]}" "${args[@]}"
