#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, only those missing, with one apt-get update:
# - postgresql: the sql/ tests run the generated PostgreSQL on a throwaway server;
# - chromium (/usr/bin/chromium): the Mermaid test parses and renders every exported diagram
#   in it through playwright-core (nothing may download a browser of its own);
# - python3-jinja2, unless python3 already has Jinja2: the dbt tests render the generated models
#   with it, as dbt does (test-support/dbt-jinja.ts).
# Needs root (or sudo) on Debian or Ubuntu; on other systems install them by hand.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
python3 -c 'import jinja2' >/dev/null 2>&1 || /usr/bin/python3 -c 'import jinja2' >/dev/null 2>&1 || missing+=(python3-jinja2)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-packages: please install ${missing[*]} (no apt-get here)." >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system-packages: installed ${missing[*]}."
