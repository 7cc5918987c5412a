// A stand-in for the folder picker, in the test page only. Playwright cannot
// drive `showDirectoryPicker`'s native dialog, so each browser profile gets
// a directory handle whose reads and writes go to one real directory on disk
// (through a function exposed to the page): two profiles on one directory
// are two people on one shared drive. The app's code is the code users run;
// only the browser's picker, handles and the handle's IndexedDB copy are
// stood in for.
//
//   const drive = await useFolder(context, dir, { readOnly: false });
//   drive.readOnlyFiles.add('a.parcours.json');   // the share refuses writes to it
//   await page.evaluate(() => { window.__folderOffline = true; });   // the drive is away

import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, basename } from 'node:path';

/** Give `context` a folder picker that picks `dir`. */
export async function useFolder(context, dir, { readOnly = false } = {}) {
  const drive = { readOnly, readOnlyFiles: new Set(), writes: 0 };
  const path = (name) => {
    if (basename(name) !== name || name.startsWith('.')) throw new Error(`not a file name: ${name}`);
    return join(dir, name);
  };
  await context.exposeFunction('__folderFs', async (op, name, text) => {
    switch (op) {
      case 'name':
        return basename(dir);
      case 'list': {
        const names = [];
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          if (entry.isFile() && !entry.name.startsWith('.')) names.push(entry.name);
        }
        return names;
      }
      case 'stat':
        try {
          const s = await stat(path(name));
          return { size: s.size, mtime: Math.floor(s.mtimeMs) };
        } catch {
          return null;
        }
      case 'read':
        try {
          const s = await stat(path(name));
          const bytes = await readFile(path(name));
          return { data: bytes.toString('base64'), mtime: Math.floor(s.mtimeMs) };
        } catch {
          return null;
        }
      case 'canWrite':
        return !drive.readOnly && !drive.readOnlyFiles.has(name);
      case 'canWriteDir':
        return !drive.readOnly;
      case 'write': {
        // Whole or nothing, as the browser's swap file does.
        const tmp = join(dir, `.${name}.swap`);
        await writeFile(tmp, text);
        await rename(tmp, path(name));
        drive.writes += 1;
        return true;
      }
      default:
        throw new Error(`unknown folder operation ${op}`);
    }
  });
  await context.addInitScript(STAND_IN);
  return drive;
}

// Runs in the page before the app. Handles are made on the browser's own
// prototypes, so that the app's `instanceof` checks see what they would see.
const STAND_IN = `(() => {
  const fs = (...args) => window.__folderFs(...args);
  const fail = (name, message) => new DOMException(message || name, name);
  const away = () => { if (window.__folderOffline) throw fail('NotReadableError', 'the drive is offline'); };
  const define = (target, props) => {
    for (const [k, v] of Object.entries(props)) Object.defineProperty(target, k, { value: v, configurable: true });
    return target;
  };
  const permission = async (mode) =>
    mode === 'readwrite' && !(await fs('canWriteDir')) ? 'denied' : (window.__folderPermission || 'granted');
  function fileHandle(name) {
    return define(Object.create(FileSystemFileHandle.prototype), {
      name, kind: 'file',
      async getFile() {
        away();
        const found = await fs('read', name);
        if (!found) throw fail('NotFoundError', name + ' is not there');
        const bytes = Uint8Array.from(atob(found.data), (c) => c.charCodeAt(0));
        return new File([bytes], name, { lastModified: found.mtime });
      },
      async createWritable() {
        away();
        if (!(await fs('canWrite', name))) throw fail('NoModificationAllowedError', name + ' is read-only');
        let text = '';
        return define(Object.create(FileSystemWritableFileStream.prototype), {
          async write(chunk) { text += chunk; },
          async close() { away(); await fs('write', name, text); },
          async abort() {},
        });
      },
    });
  }
  function folderHandle(name) {
    return define(Object.create(FileSystemDirectoryHandle.prototype), {
      name, kind: 'directory', __standIn: true,
      values() {
        let names = null;
        let i = 0;
        return {
          async next() {
            away();
            if (!names) names = await fs('list');
            return i < names.length ? { done: false, value: fileHandle(names[i++]) } : { done: true, value: undefined };
          },
        };
      },
      async getFileHandle(file, options) {
        away();
        const there = await fs('stat', file);
        if (!there && !(options && options.create)) throw fail('NotFoundError', file + ' is not there');
        if (!there && !(await fs('canWriteDir'))) throw fail('NoModificationAllowedError', 'the folder is read-only');
        return fileHandle(file);
      },
      async queryPermission(d) { return permission(d && d.mode); },
      async requestPermission(d) {
        if (window.__folderPermission === 'prompt') window.__folderPermission = 'granted';
        return permission(d && d.mode);
      },
    });
  }
  window.showDirectoryPicker = async () => folderHandle(await fs('name'));
  // IndexedDB cannot keep a stand-in handle (it is no platform object): it
  // keeps a marker, read back as the handle.
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, ...rest) {
    if (value && value.__standIn) value = { __standInFolder: value.name };
    return put.call(this, value, ...rest);
  };
  const result = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'result');
  Object.defineProperty(IDBRequest.prototype, 'result', {
    configurable: true,
    get() {
      const r = result.get.call(this);
      return r && r.__standInFolder ? folderHandle(r.__standInFolder) : r;
    },
  });
})();`;
