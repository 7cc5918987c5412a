#!/usr/bin/env bash
# The one test command: formatting, lints, native tests, browser (wasm) tests,
# release build, size budget, end-to-end tests in Chromium.
#   bash scripts/test.sh          (CI: .ci/run; works with CI=true and no stdin)
set -euo pipefail
cd "$(dirname "$0")/.."
exec </dev/null

# node_modules/.bin first: trunk must use binaryen 132's wasm-opt, never Debian's.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

step_no=0
started=$SECONDS
step() {
  step_no=$((step_no + 1))
  printf '\n\033[1;36m==> [%d] %s\033[0m  (%ds)\n' "$step_no" "$*" "$((SECONDS - started))"
}
trap 'rc=$?; [ $rc -ne 0 ] && printf "\n\033[1;31mFAILED at step %d (exit %d)\033[0m\n" "$step_no" "$rc"' EXIT

step "tools (scripts/setup.sh)"
bash scripts/setup.sh
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

step "cargo test (native)"
cargo test

step "cargo test --target wasm32-unknown-unknown (in Chromium via chromedriver)"
shopt -s nullglob
browser_tests=()
for f in tests/*.rs; do
  if grep -q 'wasm_bindgen_test' "$f"; then
    browser_tests+=(--test "$(basename "$f" .rs)")
  fi
done
shopt -u nullglob
if [ ${#browser_tests[@]} -eq 0 ]; then
  echo "no browser test files (tests/*.rs using wasm_bindgen_test): skipped"
else
  CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"
fi

step "trunk build --release"
trunk build --release --skip-version-check

step "size budget (scripts/size.sh)"
bash scripts/size.sh

step "end-to-end tests (node --test tests/e2e/)"
node --test --test-reporter=spec tests/e2e/

printf '\n\033[1;32mAll steps passed\033[0m in %ds\n' "$((SECONDS - started))"
