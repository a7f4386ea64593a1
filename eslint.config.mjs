import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The common rule options (no-misused-promises etc.) apply to src/ and test/ alike. */
const COMMON_RULES = {
  '@typescript-eslint/no-floating-promises': 'error',
  // restify and botbuilder take async handlers where their types say `() => void`; that is fine for
  // arguments, not for attributes/returns.
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'appPackage/build/**', 'test-results/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: COMMON_RULES,
  },
  // Production code: typescript-eslint's strictest type-aware set (issue #13). Tests and benches keep
  // `recommended` — they poke at wire JSON and would drown in `any` findings.
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: ['src/**/*.ts'] })),
  {
    files: ['src/**/*.ts'],
    rules: {
      ...COMMON_RULES,
      'no-console': 'error',
      // Numbers render unambiguously in messages, URLs and log lines (`${count}`, `${status}`);
      // what the rule is for — `[object Object]`, `undefined`, `null` in user-facing text — stays
      // forbidden. Booleans, nullish values and objects still need an explicit String()/format.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(x) => void promise` / `() => res.send(...)` callbacks are the idiom of restify, timers and
      // event handlers; returning a void call from an arrow *shorthand* is harmless. Everywhere else
      // (returning void from a block, in conditions, assigned to variables) it is still an error.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // Tests poke at JSON from the wire; `any` keeps those assertions readable.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
