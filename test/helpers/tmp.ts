import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Removes a directory and everything in it; nothing happens when it is gone already. */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A maker of temporary directories under the OS temp dir, all removed after the enclosing describe
 * block (or the file, when called at its top level). Call it at describe level, not inside a test.
 */
export function tempDirs(): (prefix: string) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs.splice(0)) removeDir(dir);
  });
  return (prefix) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
