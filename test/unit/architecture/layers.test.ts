import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAYERS } = require(CONFIG) as { LAYERS: Record<string, string[]> };

/** A small tree with one forbidden import per rule (and one allowed: app.ts composes the simulator). */
const FIXTURE: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "strict": true } }',
  'node_modules/botbuilder/package.json': '{ "name": "botbuilder", "main": "index.js" }',
  'node_modules/botbuilder/index.js': 'exports.TurnContext = class {};',
  'src/domain/model.ts': "import type { TurnContext } from 'botbuilder';\nexport type Model = TurnContext;\n",
  'src/domain/usesBot.ts': "import { handler } from '../bot/handler';\nexport const h = handler;\n",
  'src/cards/card.ts': "import { internal } from '../dialogs/internal';\nexport const card = internal;\n",
  'src/bot/handler.ts':
    "import { internal } from '../dialogs/internal';\nexport const handler = () => internal;\n",
  'src/dialogs/internal.ts':
    "import { handler } from '../bot/handler';\nexport const internal = 1;\nexport const back = () => handler;\n",
  'src/notifications/sender.ts': "import { sim } from '../simulator/sim';\nexport const sender = sim;\n",
  'src/simulator/sim.ts': 'export const sim = 1;\n',
  'src/app.ts': "import { sim } from './simulator/sim';\nexport const app = sim;\n",
};

describe('layering rules (.dependency-cruiser.cjs)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'layers-'));
    for (const [path, text] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on forbidden imports and names each broken rule', async () => {
    const run = promisify(execFile)(
      process.execPath,
      [CLI, 'src', '--config', CONFIG, '--output-type', 'err'],
      {
        cwd: dir,
      },
    );
    const failure = await run.then(
      () => undefined,
      (err: { code?: number; stdout?: string }) => err,
    );
    expect(failure?.code).toBeGreaterThan(0);
    const found = (failure?.stdout ?? '')
      .split('\n')
      .map((line) => /^\s*error (.+)$/.exec(line)?.[1])
      .filter((line): line is string => !!line);
    expect(found).toEqual(
      expect.arrayContaining([
        'domain-no-botbuilder: src/domain/model.ts → node_modules/botbuilder/index.js',
        'layer-domain: src/domain/usesBot.ts → src/bot/handler.ts',
        'layer-cards: src/cards/card.ts → src/dialogs/internal.ts',
        'dialogs-public-entry: src/bot/handler.ts → src/dialogs/internal.ts',
        'layer-dialogs: src/dialogs/internal.ts → src/bot/handler.ts',
        'no-simulator-in-production: src/notifications/sender.ts → src/simulator/sim.ts',
      ]),
    );
    expect(found.filter((f) => f.startsWith('no-circular: src/bot/handler.ts'))).toHaveLength(1);
    // The composition root may compose the simulator.
    expect(found.filter((f) => f.includes('src/app.ts →'))).toEqual([]);
  }, 60_000);

  it('allows no two folders to import each other (the layer table is acyclic)', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (folder: string, path: string[]): void => {
      if (done.has(folder)) return;
      if (visiting.has(folder)) throw new Error(`layer cycle: ${[...path, folder].join(' → ')}`);
      visiting.add(folder);
      for (const next of LAYERS[folder] ?? []) visit(next, [...path, folder]);
      visiting.delete(folder);
      done.add(folder);
    };
    for (const folder of Object.keys(LAYERS)) visit(folder, []);
    for (const allowed of Object.values(LAYERS)) {
      for (const folder of allowed) expect(Object.keys(LAYERS)).toContain(folder);
    }
  });
});
