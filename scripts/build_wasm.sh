#!/usr/bin/env bash
# Builds the app's wasm, split into a first-load module and lazily loaded
# chunks, into a Trunk staging directory. Trunk runs it as its post_build hook
# (see Trunk.toml), so `trunk build` / `trunk serve` produce the whole site.
#   bash scripts/build_wasm.sh [staging-dir]     (default: $TRUNK_STAGING_DIR)
#
# Trunk cannot split a wasm module, so the Rust side is built here, in the
# order cargo-leptos uses for the same splitting:
#   1. cargo build --release --features split, linked with --emit-relocs
#      (Trunk's rust asset has just run it: a no-op here. Trunk's own
#      wasm-bindgen output and the loader it injects are dropped);
#   2. wasm-split-cli cuts the module at the split points declared with
#      `lazy_fn!` / `lazy_view!` (src/ui/lazy_part.rs): the main module, one
#      module per lazy part, and chunk_N.wasm for code parts share;
#   3. wasm-bindgen on the main module (keeping the exports the chunks use);
#   4. wasm-opt -Oz on every module, scripts/short_imports.mjs (short import
#      names in the first load and its glue), then scripts/pack_parts.mjs: each lazy
#      part's modules also in one file, for first visits;
#   5. everything goes to pkg-<content hash>/, and index.html's
#      PARCOURS_PKG placeholders point at it (a new build is a new URL, so a
#      browser never mixes files of two builds).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

STAGING="${1:-${TRUNK_STAGING_DIR:-}}"
if [ -z "$STAGING" ] || [ ! -f "$STAGING/index.html" ]; then
  echo "build_wasm: give a staging directory holding index.html (Trunk sets TRUNK_STAGING_DIR)" >&2
  exit 2
fi

WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)"
need() {
  local tool="$1" want="$2" got
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build_wasm: $tool is missing: run bash scripts/setup.sh" >&2
    exit 1
  fi
  [ -z "$want" ] && return 0
  got="$("$tool" --version 2>&1 | head -n1 || true)"
  if [[ "$got" != *"$want"* ]]; then
    echo "build_wasm: $tool is '$got', expected $want: run bash scripts/setup.sh" >&2
    exit 1
  fi
}
need wasm-bindgen "$WASM_BINDGEN_VERSION"
need wasm-opt "version 132"
need wasm-split-cli ""   # no --version: scripts/setup.sh installs the pinned one

# The same command as Trunk's rust asset in index.html, so when Trunk has just
# built it this is a no-op. --emit-relocs comes from .cargo/config.toml (an
# RUSTFLAGS variable would replace those flags, so the script never sets one).
echo "build_wasm: cargo build --release --features split"
cargo build --release --locked --target wasm32-unknown-unknown --bin parcours --features split

WORK="target/split-pkg"
rm -rf "$WORK"
mkdir -p "$WORK"
wasm-split-cli target/wasm32-unknown-unknown/release/parcours.wasm "$WORK" --out-name parcours --target web
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-name parcours --out-dir "$WORK" "$WORK/parcours.wasm"
rm "$WORK/parcours.wasm"
# Without the producers and target_features sections, which no browser reads:
# they were 27 KB across the modules, repeated in each of the 143.
for f in "$WORK"/*.wasm; do
  wasm-opt -Oz --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int "$f" -o "$f"
done
# The first load's imports from its glue get one- or two-letter names (the
# bindings' hashed names were 13.6 KB of it: -4.3 KB gzipped, see the script).
node scripts/short_imports.mjs "$WORK"
# Each part's modules end to end in pack_<part>.wasm, fetched whole on a
# first visit (one request, ~13 % fewer gzipped bytes: see the script).
node scripts/pack_parts.mjs "$WORK"
cat >"$WORK/boot.js" <<'EOF'
import init from "./parcours.js";
// The theme, before the app draws: the user's choice (localStorage
// parcours.theme: light or dark), else the system's. The app's switch fires
// "parcours-theme" after changing the choice.
const systemDark = matchMedia("(prefers-color-scheme: dark)");
const applyTheme = () => {
  let choice = null;
  try {
    choice = localStorage.getItem("parcours.theme");
  } catch {}
  const dark = choice === "dark" || (choice !== "light" && systemDark.matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
};
applyTheme();
systemDark.addEventListener("change", applyTheme);
addEventListener("parcours-theme", applyTheme);
init();
// Offline after one visit (dist/sw.js, written below); not from file://
// shares. Registered once the page has loaded and settled, so that caching
// the whole site never competes with the first paint.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  const register = () =>
    setTimeout(() => navigator.serviceWorker.register(new URL("../sw.js", import.meta.url)).catch(() => {}), 1500);
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
EOF

hash="$(cat "$WORK"/* | sha256sum | cut -c1-12)"
PKG="pkg-$hash"
rm -rf "$STAGING"/pkg-*
mv "$WORK" "$STAGING/$PKG"

# Trunk's own build of the same binary is not used: drop its files and the
# loader it injected into index.html, then point the placeholders at ours.
rm -f "$STAGING"/parcours-*.js "$STAGING"/parcours-*_bg.wasm
perl -0pi -e '
  s#<link rel="modulepreload" href="\./parcours-[0-9a-f]+\.js"[^>]*>##g;
  s#<link rel="preload" href="\./parcours-[0-9a-f]+_bg\.wasm"[^>]*>##g;
  s#<script type="module">\s*import init, \* as bindings from \x27\./parcours-[0-9a-f]+\.js\x27;.*?</script>##gs;
  s#PARCOURS_PKG#./'"$PKG"'#g;
' "$STAGING/index.html"
if grep -Eq 'PARCOURS_PKG|parcours-[0-9a-f]+(_bg\.wasm|\.js)' "$STAGING/index.html"; then
  echo "build_wasm: index.html still loads Trunk's unsplit build or holds PARCOURS_PKG:" >&2
  grep -En 'PARCOURS_PKG|parcours-[0-9a-f]+' "$STAGING/index.html" >&2
  exit 1
fi
echo "build_wasm: $PKG/ written ($(ls "$STAGING/$PKG" | tr '\n' ' '))"

# The service worker: every file of this build, under a version that starts
# with the build time (the worker keeps the two latest) and names the content.
# The packs too (pack_parts.mjs): a page the worker serves opens a map from
# one cached file, not 68 (without them the bench found the large map 1.26x
# slower from the worker than from the network, which fetched the pack). It
# costs the worker's install the packs' bytes besides the modules'.
files="$(cd "$STAGING" && find . -type f ! -name sw.js | sed 's#^\./##' | LC_ALL=C sort)"
content_hash="$(cd "$STAGING" && printf '%s\n' "$files" | xargs cat | sha256sum | cut -c1-12)"
version="$(date -u +%Y%m%d%H%M%S)-$content_hash"
list="$(printf '%s\n' "$files" | sed 's/.*/  "&",/')"
perl -0pe '
  BEGIN { $list = shift; $version = shift }
  s#__PARCOURS_VERSION__#$version#;
  s#__PARCOURS_FILES__#[\n$list\n]#;
' "$list" "$version" scripts/service_worker.js >"$STAGING/sw.js"
echo "build_wasm: sw.js caches $(printf '%s\n' "$files" | wc -l) files as version $version"
