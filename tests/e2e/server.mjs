// A tiny static file server for dist/, with no dependencies.
//
//   node tests/e2e/server.mjs [dir] [port]     (port: argument, else $PORT, else 8080; 0 = any free port)
//
// Tests import { startServer } and get { url, close }.
// Binds to 127.0.0.1 only, refuses paths outside the served folder, sends
// `Cache-Control: no-cache` so a rebuilt dist/ is always picked up. Run from
// the command line (scripts/serve.sh) it gzips text and wasm as a static host
// does; tests get the files as they are unless they ask ({ gzip: true }).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { resolve, join, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

function send(res, status, text, method) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : text);
}

/** Types worth compressing (images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.svg', '.txt', '.webmanifest']);

/**
 * Start serving `dir` on 127.0.0.1:`port` (0: any free port). Resolves to { url, port, close }.
 * `headers`: added to every file's response (say, CORS for a test's "intranet").
 * `gzip`: compress text and wasm (gzip -9) for clients that accept it.
 */
export async function startServer(dir = 'dist', port = 0, headers = {}, { gzip = false } = {}) {
  const root = await realpath(resolve(dir));
  // Compressed files, by path, with the modification time they were made from.
  const gzipped = new Map();
  const compressed = async (file, info) => {
    const hit = gzipped.get(file);
    if (hit && hit.mtime === info.mtimeMs) return hit.body;
    const body = gzipSync(await readFile(file), { level: 9 });
    gzipped.set(file, { mtime: info.mtimeMs, body });
    return body;
  };
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, 405, 'method not allowed\n', req.method);
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        return send(res, 400, 'bad request\n', req.method);
      }
      if (pathname.includes('\0')) return send(res, 400, 'bad request\n', req.method);
      if (pathname.endsWith('/')) pathname += 'index.html';
      // Resolve inside root, then check the real path (symlinks) is still inside it.
      const candidate = resolve(join(root, pathname));
      if (candidate !== root && !candidate.startsWith(root + sep)) {
        return send(res, 403, 'forbidden\n', req.method);
      }
      let file;
      let info;
      try {
        file = await realpath(candidate);
        if (file !== root && !file.startsWith(root + sep)) {
          return send(res, 403, 'forbidden\n', req.method);
        }
        info = await stat(file);
        if (info.isDirectory()) {
          file = join(file, 'index.html');
          info = await stat(file);
        }
      } catch {
        return send(res, 404, 'not found\n', req.method);
      }
      if (!info.isFile()) return send(res, 404, 'not found\n', req.method);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (gzip && COMPRESSIBLE.has(extname(file).toLowerCase()) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const body = await compressed(file, info);
        res.writeHead(200, {
          'Content-Type': type,
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
          Vary: 'Accept-Encoding',
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
          ...headers,
        });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'internal error\n', req.method);
      else res.destroy();
    }
  });
  // Keep-alive sockets would keep close() waiting; track and end them.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(Number(port), '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = process.argv[2] ?? 'dist';
  const port = process.argv[3] ?? process.env.PORT ?? 8080;
  try {
    const { url, close } = await startServer(dir, port, {}, { gzip: true });
    console.log(`Serving ${resolve(dir)} at ${url}  (Ctrl+C to stop)`);
    const stop = async () => {
      await close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(`server: cannot serve ${dir} on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  }
}
