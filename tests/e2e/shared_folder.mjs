// A stand-in for the browser's folder picker, for the shared-folder tests.
//
// Playwright cannot drive `showDirectoryPicker`'s dialog, so the test page
// gets a `showDirectoryPicker` that returns a directory handle whose reads and
// writes go, through an exposed function, to one real directory on disk.
// Two browser contexts (two profiles) given the same directory are two people
// on one shared drive. Only the picker and the handles are stood in: the
// app's code is the code users run.
//
// The handles are made from the real FileSystem*Handle prototypes (so the
// app's `instanceof` checks pass) with their methods as own properties;
// `File` objects are real Files. A fake handle cannot be structured-cloned
// into IndexedDB, so the stand-in also keeps it by a marker there.

import { readFile, writeFile, stat, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';

/** Give `context`'s pages a folder picker onto `dir`.
 *  `readOnly`: the browser may only read the folder (the share's permission). */
export async function installFolder(context, dir, { name = 'Équipe CX', readOnly = false } = {}) {
  await context.exposeFunction('__parcoursFolder', async (op, file, text) => {
    if (file !== undefined && (file.includes('/') || file.includes('\\') || file === '..')) {
      throw new Error('a file name only');
    }
    const path = file === undefined ? dir : join(dir, file);
    const found = async () => {
      try {
        const s = await stat(path);
        return s.isFile() ? s : null;
      } catch {
        return null;
      }
    };
    switch (op) {
      case 'list':
        return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
      case 'read': {
        const s = await found();
        if (!s) return null;
        const bytes = await readFile(path);
        return { b64: bytes.toString('base64'), modified: Math.floor(s.mtimeMs) };
      }
      case 'exists':
        return (await found()) !== null;
      case 'writable': {
        const s = await found();
        // The test runs as root, whom file modes do not stop: the mode is read instead.
        return !s || (s.mode & 0o200) !== 0;
      }
      case 'write': {
        // Whole or not at all, as the browser's swap file does.
        const tmp = `${path}.crswap`;
        await writeFile(tmp, text);
        await rename(tmp, path);
        return true;
      }
      default:
        throw new Error(`unknown op ${op}`);
    }
  });
  await context.addInitScript(
    ({ name, readOnly }) => {
      // `window.__folderOffline = true`: the drive cannot be reached (a
      // network share gone), as the browser says it: NotReadableError.
      const op = async (...args) => {
        if (window.__folderOffline) throw new DOMException('the drive cannot be reached', 'NotReadableError');
        return window.__parcoursFolder(...args);
      };
      const dom = (message, kind) => new DOMException(message, kind);
      const own = (proto, props) => {
        const handle = Object.create(proto);
        for (const [k, v] of Object.entries(props)) Object.defineProperty(handle, k, { value: v, enumerable: true });
        return handle;
      };
      const fileHandle = (file) =>
        own(FileSystemFileHandle.prototype, {
          kind: 'file',
          name: file,
          getFile: async () => {
            const read = await op('read', file);
            if (!read) throw dom(`${file} was not found`, 'NotFoundError');
            const bytes = Uint8Array.from(atob(read.b64), (c) => c.charCodeAt(0));
            return new File([bytes], file, { lastModified: read.modified });
          },
          createWritable: async () => {
            if (readOnly || !(await op('writable', file))) {
              throw dom(`${file} may not be modified`, 'NoModificationAllowedError');
            }
            const parts = [];
            return {
              write: async (chunk) => {
                parts.push(chunk);
              },
              close: async () => {
                await op('write', file, parts.join(''));
              },
              abort: async () => {},
            };
          },
        });
      const folder = own(FileSystemDirectoryHandle.prototype, {
        kind: 'directory',
        name,
        queryPermission: async ({ mode } = {}) => (mode === 'readwrite' && readOnly ? 'denied' : 'granted'),
        requestPermission: async ({ mode } = {}) => (mode === 'readwrite' && readOnly ? 'denied' : 'granted'),
        getFileHandle: async (file, options = {}) => {
          if (!options.create && !(await op('exists', file))) throw dom(`${file} was not found`, 'NotFoundError');
          if (options.create && readOnly) throw dom('read-only folder', 'NotAllowedError');
          return fileHandle(file);
        },
        values: () => {
          let names = null;
          return {
            next: async () => {
              if (names === null) names = await op('list');
              const file = names.shift();
              return file === undefined ? { done: true, value: undefined } : { done: false, value: fileHandle(file) };
            },
          };
        },
      });
      window.showDirectoryPicker = async () => folder;
      // IndexedDB keeps the handle by a marker (a stand-in cannot be cloned).
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        return put.call(this, value === folder ? '__stand-in folder__' : value, key);
      };
      const get = IDBObjectStore.prototype.get;
      IDBObjectStore.prototype.get = function (key) {
        const request = get.call(this, key);
        const result = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'result').get;
        Object.defineProperty(request, 'result', {
          get() {
            const value = result.call(request);
            return value === '__stand-in folder__' ? folder : value;
          },
        });
        return request;
      };
    },
    { name, readOnly },
  );
}
