#!/usr/bin/env bash
# The werkbak's browser tests (test/werkbak) drive Debian's `chromium` package with playwright-core:
# no browser download. This installs the package where it is missing. As root, with apt.
set -euo pipefail
if [[ -n "${CHROMIUM_PATH:-}" ]] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  # Not fatal here: the other tests still run; the browser tests say what is missing.
  echo "install-chromium: installeer het pakket chromium, of zet CHROMIUM_PATH (nodig voor test/werkbak)" >&2
  exit 0
fi
echo "install-chromium: apt-get install chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
