/* global module */
/**
 * The layering rules of src/ (docs/architecture.md explains them). `npm run lint` runs this;
 * test/unit/architecture/layers.test.ts proves a forbidden import fails it.
 *
 * LAYERS: what each folder of src/ may import besides itself. The table is acyclic (the test checks),
 * so no two folders import each other. `src/app.ts` and `src/index.ts` compose everything.
 */
const LAYERS = {
  common: [],
  // OpenTelemetry helpers (spans, metrics, log fields): imports nothing else in src.
  telemetry: [],
  logging: ['common', 'telemetry'],
  resilience: ['common'],
  // Not yet as DESIGN.md wants (partnerCenter → domain): the domain still wraps the Partner Center
  // client and its data types (customerListService). partnerCenter must not import domain meanwhile.
  domain: ['common', 'partnerCenter'],
  config: ['common', 'domain'],
  partnerCenter: ['common', 'logging', 'resilience', 'telemetry'],
  graph: ['common', 'logging', 'resilience', 'domain', 'partnerCenter', 'telemetry'],
  i18n: ['common', 'partnerCenter'],
  storage: ['common', 'config', 'logging', 'domain', 'telemetry'],
  identity: ['common', 'logging', 'resilience', 'domain', 'partnerCenter'],
  cards: ['common', 'domain', 'i18n', 'partnerCenter'],
  dialogs: ['common', 'config', 'logging', 'domain', 'i18n', 'cards', 'partnerCenter', 'graph', 'storage'],
  notifications: [
    'common',
    'config',
    'logging',
    'resilience',
    'domain',
    'i18n',
    'cards',
    'partnerCenter',
    'graph',
    'storage',
    'telemetry',
  ],
  bot: [
    'common',
    'config',
    'logging',
    'domain',
    'i18n',
    'cards',
    'dialogs',
    'partnerCenter',
    'graph',
    'storage',
    'telemetry',
  ],
  server: ['common', 'logging', 'notifications', 'telemetry'],
  simulator: ['common', 'logging', 'resilience', 'domain', 'partnerCenter'],
  appPackage: ['common', 'i18n'],
  // tools/webhook.ts calls Partner Center's webhook registration API with the shared client.
  tools: ['common', 'config', 'appPackage', 'logging', 'resilience', 'partnerCenter'],
};

const layerRules = Object.entries(LAYERS).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  comment: `src/${folder} may import only ${allowed.length ? allowed.join(', ') : 'nothing else in src'} (see LAYERS)`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: `^src/(${[folder, ...allowed].join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-no-botbuilder',
      comment: 'src/domain is plain TypeScript: no Bot Framework, no restify',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: 'node_modules/(botbuilder|botframework-|restify)' },
    },
    {
      name: 'no-simulator-in-production',
      comment: 'only the composition root (src/app.ts) may use the Partner Center simulator',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(simulator/|app\\.ts$)' },
      to: { path: '^src/simulator/' },
    },
    {
      name: 'dialogs-public-entry',
      comment: 'outside src/dialogs, use its public entry point src/dialogs/index.ts only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/dialogs/' },
      to: { path: '^src/dialogs/', pathNot: '^src/dialogs/index\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles between modules',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};

// For the test that checks the table is acyclic (not enumerable: not part of the configuration).
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS, enumerable: false });
