#!/usr/bin/env bash
# Checks that Debian's Chromium is at /usr/bin/chromium for the browser tests; `pnpm test` runs
# this first. It never installs anything: when Chromium is missing it prints the command that
# installs it and fails. (.ci/run installs it on a bare CI machine.)
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi
SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  SUDO="sudo "
fi
{
  echo "pnpm test: the browser tests need Debian's Chromium at $CHROMIUM, which is missing."
  echo "Install it with:"
  echo "  ${SUDO}apt-get update && ${SUDO}apt-get install -y --no-install-recommends chromium"
  echo "(or run 'pnpm test:unit', which needs no browser)."
} >&2
exit 1
