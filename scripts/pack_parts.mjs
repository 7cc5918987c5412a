#!/usr/bin/env node
// Packs a lazy part's wasm modules into one file, for first visits.
//
//   node scripts/pack_parts.mjs <pkg-dir>       (scripts/build_wasm.sh runs it)
//
// wasm-split-cli cuts the code two parts share into chunks, one per set of
// parts that need it: opening a map fetched 75 files (split_editor.wasm and
// 74 chunks, many of a few hundred bytes). Gzipped one by one they were
// 219,155 bytes; concatenated, 190,761 (measured on the build of 2026-12-02:
// every file repeats its own type and import sections, and gzip starts each
// file with an empty dictionary). So the parts a first visit may open (see
// PACKED) also get pack_P.wasm: their
// own module and every chunk it needs, end to end. It is not one wasm module
// but several; it is named .wasm so that static hosts compress it as they
// compress the modules.
//
// The loader (__wasm_split.js, written by wasm-split-cli) is rewritten so
// that loading P first fetches pack_P.wasm and instantiates each module from
// its slice, when none of P's files was asked for yet (opening the charts
// after the editor fetches the few chunks the editor did not need, not the
// pack). The service worker caches the packs with the rest: from its cache
// too, one file is read faster than 68.
// If the pack cannot be fetched, each module is fetched on its own, as
// before. Modules are still instantiated once each, in the loader's order.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('pack_parts: give the package directory (with __wasm_split.js)');
  process.exit(2);
}
const loaderPath = join(dir, '__wasm_split.js');
let js = readFileSync(loaderPath, 'utf8');

function fail(why) {
  console.error(`pack_parts: ${why} (has wasm-split-cli's loader changed? see scripts/pack_parts.mjs)`);
  process.exit(1);
}

// Each module's loader: `const __chunk_N = makeLoad(() => { ... fetch(new URL("./chunk_N.wasm" ...
// }, [deps]);` and `export const __wasm_split_load_P = wrapAsyncCb(makeLoad(... "./split_P.wasm" ... , [deps]));`
const loaderRe =
  /(?:const (__chunk_\d+) = makeLoad|export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad)\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\);[\s\S]*?\n, \[([^\]]*)\]\)/g;
const chunkFile = new Map(); // __chunk_N -> chunk_N.wasm
const chunkDeps = new Map(); // __chunk_N -> [__chunk_M]
const parts = new Map(); // P -> { file, deps }
for (const m of js.matchAll(loaderRe)) {
  const [, chunk, part, file, depList] = m;
  const deps = depList.split(',').map((d) => d.trim()).filter(Boolean);
  if (chunk) {
    chunkFile.set(chunk, file);
    chunkDeps.set(chunk, deps);
  } else {
    parts.set(part, { file, deps });
  }
}
if (parts.size === 0) fail('no part loaders found');
const fetches = (js.match(/fetch\(new URL\("\.\/[\w.]+\.wasm", import\.meta\.url\)\)/g) || []).length;
if (fetches !== chunkFile.size + parts.size) fail(`${fetches} fetches but ${chunkFile.size + parts.size} loaders read`);

// Every chunk a part needs, its chunks' chunks included.
function closure(deps) {
  const seen = new Set();
  const walk = (d) => {
    if (seen.has(d)) return;
    if (!chunkFile.has(d)) fail(`unknown chunk ${d}`);
    seen.add(d);
    for (const e of chunkDeps.get(d)) walk(e);
  };
  deps.forEach(walk);
  return [...seen].map((d) => chunkFile.get(d)).sort();
}

// The parts a first visit may open: a map (the editor) and a share link or
// embed (sharing). The others are opened later, mostly once the editor has
// brought their chunks; their packs would cost every visit the loader's
// table of offsets (about 300 gzipped bytes of JS a part).
const PACKED = (process.env.PACKED_PARTS ?? 'editor sharing').split(/\s+/).filter(Boolean);

const packs = {};
for (const part of PACKED) {
  if (!parts.has(part)) fail(`no part named ${part}`);
  const { file, deps } = parts.get(part);
  const files = [...closure(deps), file];
  const entries = [];
  const buffers = [];
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    // [chunk number (-1: the part's own module), length]: offsets follow.
    entries.push([f.startsWith('chunk_') ? Number(f.slice(6, -5)) : -1, bytes.length]);
    buffers.push(bytes);
  }
  writeFileSync(join(dir, `pack_${part}.wasm`), Buffer.concat(buffers));
  packs[part] = entries;
}

const prelude = `
// Added by scripts/pack_parts.mjs: a part's modules from one file, pack_<part>.wasm.
const PACKS = ${JSON.stringify(packs)};
const asked = new Set();
const packed = new Map();
const packFile = (part, n) => (n < 0 ? \`split_\${part}.wasm\` : \`chunk_\${n}.wasm\`);
function packFor(part) {
    const entries = PACKS[part];
    if (!entries) return;
    if (entries.some(([n]) => asked.has(packFile(part, n)))) return;
    const bytes = fetch(new URL(\`./pack_\${part}.wasm\`, import.meta.url)).then((r) => {
        if (!r.ok) throw new Error(\`pack_\${part}.wasm: HTTP \${r.status}\`);
        return r.arrayBuffer();
    });
    let at = 0;
    for (const [n, length] of entries) {
        const file = packFile(part, n);
        const start = at;
        at += length;
        asked.add(file);
        packed.set(file, bytes.then(
            (b) => new Response(new Uint8Array(b, start, length), { headers: { "Content-Type": "application/wasm" } }),
            () => fetch(new URL(\`./\${file}\`, import.meta.url)),
        ));
    }
}
function source(file) {
    asked.add(file);
    const hit = packed.get(file);
    if (hit) {
        packed.delete(file);
        return hit;
    }
    return fetch(new URL(\`./\${file}\`, import.meta.url));
}
`;

const importLine = 'import { initSync } from "./parcours.js";\n';
if (!js.startsWith(importLine)) fail('the loader does not start with its import');
const wrapDef = 'function wrapAsyncCb(callee) {\n    return async (callbackIndex, callbackData) => {\n        let success;\n        try {\n            await callee();';
if (!js.includes(wrapDef)) fail('wrapAsyncCb not found');
js = importLine + prelude + js.slice(importLine.length);
js = js.replace(
  wrapDef,
  'function wrapAsyncCb(part, callee) {\n    return async (callbackIndex, callbackData) => {\n        let success;\n        try {\n            packFor(part);\n            await callee();',
);
js = js.replace(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad/g, 'export const __wasm_split_load_$1 = wrapAsyncCb("$1", makeLoad');
js = js.replace(/fetch\(new URL\("\.\/([\w.]+\.wasm)", import\.meta\.url\)\)/g, 'source("$1")');
if (/wrapAsyncCb\(makeLoad|fetch\(new URL\("\.\//.test(js)) fail('a loader was left unchanged');
writeFileSync(loaderPath, js);

const names = Object.keys(packs).sort();
console.log(`pack_parts: ${names.length} packs (${names.join(', ')}) in ${dir}; ${readdirSync(dir).length} files`);
