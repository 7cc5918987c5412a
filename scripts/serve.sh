#!/usr/bin/env bash
# Build Parcours (release, offline) and serve dist/ on http://127.0.0.1:${PORT:-8080}/
#   bash scripts/serve.sh            # PORT=9000 bash scripts/serve.sh   (PORT=0: any free port)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# node_modules/.bin first: trunk must find binaryen 132's wasm-opt, not Debian's.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "==> trunk build --release"
trunk build --release --skip-version-check

echo "==> serving dist/"
exec node tests/e2e/server.mjs dist "${PORT:-8080}"
