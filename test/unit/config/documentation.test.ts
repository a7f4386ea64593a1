import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENV_VARIABLES } from '../../../src/config/config';

const root = path.resolve(__dirname, '../../..');

describe('every setting is documented', () => {
  const sample = readFileSync(path.join(root, '.env.sample'), 'utf8');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const sampleNames = [...sample.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);

  it.each(ENV_VARIABLES)('%s is in .env.sample and in the README table', (name) => {
    expect(sampleNames).toContain(name);
    expect(readme).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
  });

  it('.env.sample lists nothing the app does not read', () => {
    expect(sampleNames.filter((n) => !ENV_VARIABLES.includes(n!))).toEqual([]);
  });
});
