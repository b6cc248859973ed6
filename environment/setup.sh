#!/usr/bin/env bash
# Sets up a Debian/Ubuntu machine for everything this project does, and is quick when all is
# already there (every step checks before it acts):
#   - Chromium (Debian package) for chart export and browser tests;
#   - Jupyter Notebook, nbconvert and nbclient (Debian packages, under /usr/bin/python3);
#   - node_modules from package-lock.json (`npm ci`, which also builds dist/);
#   - dist/ (the TypeScript, the WebAssembly kernels, the `prodigy features` bundle) rebuilt
#     when a source file is newer;
#   - the tslab kernels registered with /usr/bin/python3's Jupyter.
# Usage: bash environment/setup.sh [--no-jupyter]
# Without root, missing Debian packages are reported (with the command to install them) and the
# parts that need them are skipped by the tests that use them.
set -euo pipefail
cd "$(dirname "$0")/.."

want_jupyter=1
[[ "${1:-}" == "--no-jupyter" ]] && want_jupyter=0

say() { printf '[setup] %s\n' "$*" >&2; }

# --- Debian packages ---------------------------------------------------------------------
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if [[ $want_jupyter == 1 ]]; then
  /usr/bin/python3 -c 'import notebook, nbconvert, nbclient' 2>/dev/null ||
    missing+=(jupyter-notebook python3-nbconvert python3-nbclient)
fi
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing Debian packages: ${missing[*]} (install with: sudo apt-get install -y ${missing[*]})"
  fi
fi

# --- node_modules --------------------------------------------------------------------------
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.prodigy-lock-sha256
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi

# --- dist/ -----------------------------------------------------------------------------------
if [[ ! -f dist/index.js || ! -f dist/kernels.wasm ]] || [[ -n $(find src kernels tsconfig.json tsconfig.build.json -newer dist/index.js -print -quit) ]]; then
  say "building dist/"
  npm run --silent build
  touch dist/index.js
fi

# --- tslab kernels -------------------------------------------------------------------------
# Registered with this checkout's tslab binary (an absolute path, so Jupyter needs no global
# tslab on PATH); re-registered when the kernel points elsewhere (another checkout).
if [[ $want_jupyter == 1 ]] && /usr/bin/python3 -c 'import jupyter_client' 2>/dev/null; then
  tslab_bin="$PWD/node_modules/.bin/tslab"
  kernel_json=$(/usr/bin/python3 -c 'import jupyter_client.kernelspec as k; import sys
try: print(k.KernelSpecManager().get_kernel_spec("tslab").resource_dir + "/kernel.json")
except Exception: pass' 2>/dev/null)
  if [[ -z $kernel_json ]] || ! grep -qF "\"$tslab_bin\"" "$kernel_json"; then
    say "registering the tslab kernels ($tslab_bin)"
    "$tslab_bin" install --python=/usr/bin/python3 --binary="$tslab_bin" >/dev/null
  fi
fi
