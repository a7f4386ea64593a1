import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest directory at or above `start` holding both package.json and
 * appPackage/. Works from src/tools (ts-jest) and dist/tools (compiled) alike.
 */
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'appPackage'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the repository root (package.json + appPackage/) above ${start}`);
    }
    dir = parent;
  }
}
