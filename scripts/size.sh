#!/usr/bin/env bash
# Sizes of the built app (gzip -9): the first load and the lazily loaded parts.
#   bash scripts/size.sh [dist-dir]
#
# The wasm is split (scripts/build_wasm.sh): dist/pkg-<hash>/parcours_bg.wasm
# is what every visit loads; split_<part>.wasm and the chunk_<n>.wasm they
# need are fetched the first time that part is shown (the editor when a map
# opens, the charts tab, the CSV import).
#
# Fails (exit 1) when
#   - the first load's wasm is over WASM_GZ_BUDGET bytes (default 238000;
#     245000 until floats in messages stopped needing core::fmt's float
#     printing: 240,144 -> 232,340, then linked journeys' links and the
#     library's tree button: 233,736 measured;
#     256000 = 250 KB, the project's budget, until the short import names
#     took it from 248,117 to 243,809 bytes; 250000 until the words only
#     lazy parts say left its table: 243,898 -> 239,417, 240,022 measured
#     with the portfolio's link and the map's owner), or
#   - the wasm needed to edit a map (first load + editor and its chunks) is over
#     MAP_GZ_BUDGET bytes (default 409000: a ceiling that catches growth; it
#     was 340000 until the share link, whose chunk split the code the editor
#     shares with other parts into more, smaller pieces: +6 KB; then 350000
#     until merging, whose change record runs at each save and whose sync
#     section every map carries: +21 KB on this path, +11.5 KB of it in the
#     first load; then 380000 until the report's branding, route and the
#     session's save-on-leave, with the embed, theme and shortcuts: +6 KB;
#     then 390000 until drag and drop and the presentation's entry (+12 KB)
#     and issue 5's parts of the editor — severity and actions on cards,
#     the persona library's adoption and sync, the future state, templates
#     (+42 KB; the board, persona, comparison, template and backup pages
#     are lazy chunks of their own), and an opportunity's link to its pain
#     point (+8 KB). Measured 454,940 bytes then; then 460000 until the
#     read-only preview of a map in the first load, drawn while the editor's
#     part is fetched: +6.3 KB in the first load, +5.1 KB on this path);
#     then 465000 until issue 18's first cuts; 416000 since: the persona cards and the formats
#     menu as lazy parts, and the editor fetched as one pack on a first
#     visit (scripts/pack_parts.mjs: the pack's gzipped size is what counts
#     here when the build has one), with issue 19's two-tab fixes (+6 KB)
#     and the stage windowing (+2 KB) in: 415,317 bytes measured); 414,000
#     since the first load's imports got short names (scripts/short_imports.mjs:
#     -4,308 bytes, 410,476 measured), the rest of that gain kept for the
#     comments' panel (issue 15); 413,000 since the words only lazy parts
#     say left the first load (-3,369 bytes), the map's owner in (+952):
#     411,929 measured; 409,000 since the floats' cut (-7,622) and the
#     editor's lazy parts sharing one Show (-478): 403,993, then linked
#     journeys (+3,010): 407,003 measured.
#
# The first load alone shows the library, or a map read-only (the preview in
# src/ui/viewer/map_preview.rs); editing it needs the editor's part.
set -euo pipefail
cd "$(dirname "$0")/.."

DIST="${1:-dist}"
BUDGET="${WASM_GZ_BUDGET:-238000}"
MAP_BUDGET="${MAP_GZ_BUDGET:-409000}"
if ! [[ "$BUDGET" =~ ^[0-9]+$ && "$MAP_BUDGET" =~ ^[0-9]+$ ]]; then
  echo "size: WASM_GZ_BUDGET and MAP_GZ_BUDGET must be numbers of bytes, got '$BUDGET' and '$MAP_BUDGET'" >&2
  exit 2
fi

shopt -s nullglob
pkgs=("$DIST"/pkg-*/)
shopt -u nullglob
if [ ${#pkgs[@]} -ne 1 ] || [ ! -f "${pkgs[0]}parcours_bg.wasm" ]; then
  echo "size: expected one $DIST/pkg-*/ folder with parcours_bg.wasm (run trunk build --release first)" >&2
  exit 1
fi
PKG="${pkgs[0]%/}"

kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
raw() { wc -c <"$1" | tr -d ' '; }

# Which chunks each lazy part needs, from the loader wasm-split-cli wrote:
#   export const __wasm_split_load_editor = wrapAsyncCb(makeLoad(... , [__chunk_4, __chunk_5]));
deps_of() {
  awk -v part="$1" '
    $0 ~ "__wasm_split_load_" part " " { found = 1 }
    found && /^, \[/ { gsub(/[^0-9,]/, ""); print; exit }
  ' "$PKG/__wasm_split.js" | tr ',' ' '
}

fmt='%-28s %10s %10s  %s\n'
printf "$fmt" "file" "raw" "gzip -9" "loaded"
printf "$fmt" "----------------------------" "----------" "----------" "------"
first_gz=0
for f in parcours_bg.wasm parcours.js __wasm_split.js boot.js; do
  g=$(gz "$PKG/$f")
  [ "$f" = parcours_bg.wasm ] && main_gz=$g
  first_gz=$((first_gz + g))
  printf "$fmt" "$f" "$(raw "$PKG/$f")" "$g" "every visit"
done
for f in "$PKG"/split_*.wasm "$PKG"/chunk_*.wasm "$PKG"/pack_*.wasm; do
  name="$(basename "$f")"
  case "$name" in
    pack_*) part="${name#pack_}"; when="first visit: '${part%.wasm}' and its chunks in one file" ;;
    split_*) part="${name#split_}"; when="on first use of '${part%.wasm}'" ;;
    *) when="with the parts that need it" ;;
  esac
  printf "$fmt" "$name" "$(raw "$f")" "$(gz "$f")" "$when"
done
echo

# A part's wasm: its split module and the chunks it needs, except those
# already loaded (given as chunk numbers).
part_gz() {
  local part="$1" loaded=" ${2:-} " total
  total=$(gz "$PKG/split_$part.wasm")
  for n in $(deps_of "$part"); do
    [[ "$loaded" == *" $n "* ]] || total=$((total + $(gz "$PKG/chunk_$n.wasm")))
  done
  echo "$total"
}
editor_chunks="$(deps_of editor)"
editor_files_gz=$(part_gz editor)
# A first visit fetches the editor's pack (scripts/pack_parts.mjs), if the
# build has one, rather than its modules one by one.
if [ -f "$PKG/pack_editor.wasm" ]; then
  editor_gz=$(gz "$PKG/pack_editor.wasm")
  editor_how="pack_editor.wasm; its $(( $(wc -w <<<"$editor_chunks") + 1 )) files one by one: $editor_files_gz"
else
  editor_gz=$editor_files_gz
  editor_how="split_editor.wasm and its chunks"
fi
map_gz=$((main_gz + editor_gz))
echo "first load (the library, or a map read-only): wasm $main_gz bytes ($(kb "$main_gz")), wasm + js $first_gz bytes ($(kb "$first_gz"))"
echo "a map editable: wasm $map_gz bytes ($(kb "$map_gz")) = first load + editor $editor_gz bytes ($editor_how)"
for part in charts survey_import; do
  echo "then '$part':$(printf '%*s' $((15 - ${#part})) '')+$(part_gz "$part" "$editor_chunks") bytes"
done
# The report (#/report/…) is opened from the editor and lives in the charts
# part: in a part of its own it split the code it shares with the editor into
# more chunks, +4 KB on the map path (measured), over MAP_GZ_BUDGET.
echo "(the report is in the 'charts' part)"

failed=0
if [ "$main_gz" -gt "$BUDGET" ]; then
  echo "FAIL: the first load's wasm is $main_gz bytes gzipped, over the budget of $BUDGET bytes ($(kb "$BUDGET"))" >&2
  failed=1
fi
if [ "$map_gz" -gt "$MAP_BUDGET" ]; then
  echo "FAIL: the wasm needed to edit a map is $map_gz bytes gzipped, over its ceiling of $MAP_BUDGET bytes ($(kb "$MAP_BUDGET"))" >&2
  failed=1
fi
[ "$failed" -eq 0 ] && echo "within budgets: first load <= $BUDGET, map <= $MAP_BUDGET bytes"
exit "$failed"
