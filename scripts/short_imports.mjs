// Gives the first-load module's imports from its JavaScript glue short
// names, in the wasm and in parcours.js alike:
//   node scripts/short_imports.mjs <pkg-dir>
//
// wasm-bindgen names each import after the Rust binding and a hash of it,
// `__wbg_setAttribute_9f1c…` under the module `./parcours_bg.js`: 264
// imports, 13.6 KB of names in parcours_bg.wasm (7 KB of it hashes, which
// gzip cannot shrink), every visit. Here they become `a`, `b`, … `aB` under
// the module `w`, and the keys of parcours.js's import object follow. The
// code is not touched: only the import section's names and the object's keys.
//
// Refuses (exit 1, the build stops) rather than writing a module that could
// not link: each old name must be a key exactly once in parcours.js, and the
// rewritten module must compile with every import found in the new object.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GLUE = './parcours_bg.js';
const SHORT_MODULE = 'w';
const dir = process.argv[2];
if (!dir) {
  console.error('short_imports: give the package directory (parcours_bg.wasm, parcours.js)');
  process.exit(2);
}
const wasmPath = join(dir, 'parcours_bg.wasm');
const jsPath = join(dir, 'parcours.js');
const bytes = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');

const fail = (why) => {
  console.error(`short_imports: ${why}`);
  process.exit(1);
};

// LEB128, as the binary format writes sizes, counts and indices.
function readU32(buf, at) {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const b = buf[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return [value, pos];
    shift += 7;
  }
}
function writeU32(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
const name = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([writeU32(b.length), b]);
};
// a … z, A … Z, then aa, ab, …: valid JavaScript keys, never a keyword
// (the longest names are two letters; `do`, `if` and `in` are skipped).
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function shortName(i) {
  let s = '';
  let n = i;
  do {
    s = LETTERS[n % 52] + s;
    n = Math.floor(n / 52) - 1;
  } while (n >= 0);
  return s;
}
const RESERVED = new Set(['do', 'if', 'in']);

// Skip one import's description (after its two names); returns its end.
function skipDesc(buf, at) {
  const kind = buf[at];
  let pos = at + 1;
  const limits = () => {
    const flags = buf[pos++];
    [, pos] = readU32(buf, pos);
    if (flags & 1) [, pos] = readU32(buf, pos);
  };
  switch (kind) {
    case 0: // function: its type index
      [, pos] = readU32(buf, pos);
      return pos;
    case 1: // table: reference type, limits
      pos += 1;
      limits();
      return pos;
    case 2: // memory: limits
      limits();
      return pos;
    case 3: // global: value type, mutability
      return pos + 2;
    case 4: // tag: attribute, type index
      [, pos] = readU32(buf, pos + 1);
      return pos;
    default:
      return fail(`unknown import kind ${kind} at byte ${at}`);
  }
}

if (bytes.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
let pos = 8;
let out = [bytes.subarray(0, 8)];
const renamed = new Map();
let before = 0;
let after = 0;
while (pos < bytes.length) {
  const id = bytes[pos];
  const [size, start] = readU32(bytes, pos + 1);
  const end = start + size;
  if (id !== 2) {
    out.push(bytes.subarray(pos, end));
    pos = end;
    continue;
  }
  const [count, first] = readU32(bytes, start);
  let p = first;
  const entries = [writeU32(count)];
  let next = 0;
  for (let i = 0; i < count; i++) {
    const [mlen, mstart] = readU32(bytes, p);
    const module = bytes.toString('utf8', mstart, mstart + mlen);
    const [flen, fstart] = readU32(bytes, mstart + mlen);
    const field = bytes.toString('utf8', fstart, fstart + flen);
    const descEnd = skipDesc(bytes, fstart + flen);
    const desc = bytes.subarray(fstart + flen, descEnd);
    before += mlen + flen;
    if (module === GLUE) {
      let short;
      do short = shortName(next++);
      while (RESERVED.has(short));
      renamed.set(field, short);
      entries.push(name(SHORT_MODULE), name(short), desc);
      after += SHORT_MODULE.length + short.length;
    } else {
      entries.push(bytes.subarray(p, descEnd));
      after += mlen + flen;
    }
    p = descEnd;
  }
  if (p !== end) fail(`the import section ends at byte ${p}, not ${end}`);
  const body = Buffer.concat(entries);
  out.push(Buffer.from([2]), writeU32(body.length), body);
  pos = end;
}
if (renamed.size === 0) fail(`no import from ${GLUE} in ${wasmPath} (already shortened?)`);

// The glue's keys: `        __wbg_body_5f97…: function(` inside import0.
for (const [old, short] of renamed) {
  const key = new RegExp(`(\\n\\s+)${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(: function\\()`, 'g');
  const found = js.match(key);
  if (!found || found.length !== 1) fail(`${old} is a key ${found ? found.length : 0} times in parcours.js, not once`);
  js = js.replace(key, `$1${short}$2`);
}
const moduleKey = `"${GLUE}": import0,`;
if (js.split(moduleKey).length !== 2) fail(`parcours.js does not name its import object once as ${moduleKey}`);
js = js.replace(moduleKey, `"${SHORT_MODULE}": import0,`);

const shortened = Buffer.concat(out);
const module = new WebAssembly.Module(shortened);
for (const i of WebAssembly.Module.imports(module)) {
  if (i.module === SHORT_MODULE && !new RegExp(`\\n\\s+${i.name}: function\\(`).test(js)) {
    fail(`the import ${i.name} has no key in the new parcours.js`);
  }
}
writeFileSync(wasmPath, shortened);
writeFileSync(jsPath, js);
console.log(
  `short_imports: ${renamed.size} imports renamed; names ${before} -> ${after} bytes; ` +
    `parcours_bg.wasm ${bytes.length} -> ${shortened.length} bytes`,
);
