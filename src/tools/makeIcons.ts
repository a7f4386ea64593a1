import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLOR_ICON_FILE, OUTLINE_ICON_FILE } from '../appPackage/manifest';
import { renderColorIcon, renderOutlineIcon } from '../appPackage/icons';
import { findRepoRoot } from './repoRoot';

/**
 * Writes appPackage/color.png and appPackage/outline.png (deterministic output).
 * Usage: node dist/tools/makeIcons.js [--check]
 *   --check  write nothing; exit 1 when the committed icons differ from what this code draws.
 */
export function main(argv: readonly string[]): number {
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(
      `makeIcons: unknown argument(s): ${unknown.join(' ')}\nUsage: makeIcons [--check]\n`,
    );
    return 2;
  }
  const check = argv.includes('--check');
  const dir = join(findRepoRoot(), 'appPackage');
  const icons: ReadonlyArray<readonly [string, Buffer]> = [
    [COLOR_ICON_FILE, renderColorIcon()],
    [OUTLINE_ICON_FILE, renderOutlineIcon()],
  ];
  let stale = 0;
  for (const [name, png] of icons) {
    const path = join(dir, name);
    if (check) {
      let current: Buffer | undefined;
      try {
        current = readFileSync(path);
      } catch {
        current = undefined;
      }
      if (!current?.equals(png)) {
        stale++;
        process.stderr.write(
          `appPackage/${name} is missing or out of date: run node dist/tools/makeIcons.js\n`,
        );
      }
    } else {
      writeFileSync(path, png);
      process.stdout.write(`Wrote appPackage/${name} (${png.length} bytes)\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
