#!/usr/bin/env bash
# What the benchmarks need besides the project's own packages: wrk (a C HTTP load generator, for
# bench.api_throughput) from the distribution's packages, and py-spy (a sampling profiler, for
# bench.api_throughput --profile) into the project's virtualenv. Run from the repository root.
set -euo pipefail

if ! command -v wrk >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    $sudo_cmd apt-get install -y -qq wrk
  else
    echo "wrk is not installed and this is no Debian-like system: install wrk with your package manager" >&2
    exit 1
  fi
fi
wrk --version 2>&1 | head -1 || true

venv_bin="${VENV_BIN:-.venv/bin}"
if [ ! -x "$venv_bin/py-spy" ]; then
  "$venv_bin/python" -m pip install -q "py-spy>=0.4,<0.5"
fi
"$venv_bin/py-spy" --version
