#!/usr/bin/env bash
# Installs what the browser tests need on a fresh Debian machine: chromium (apt) and playwright-core (npm ci).
# Idempotent; CI calls it before `dotnet test`. Failure here is reported, and the browser test then skips itself.
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
    echo "installing chromium" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2 || echo "could not install chromium" >&2
fi

if ! command -v node >/dev/null 2>&1; then
    echo "installing nodejs and npm" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } >&2 || echo "could not install node" >&2
fi

if command -v npm >/dev/null 2>&1 && [ ! -d node_modules/playwright-core ]; then
    npm ci --no-audit --no-fund >&2 || echo "npm ci failed" >&2
fi
exit 0
