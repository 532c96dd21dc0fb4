/**
 * The layers of src/, held by `npm run lint` (dependency-cruiser). Each rule below names what a layer must not
 * import; together they leave one direction only, from the bottom up:
 *
 *   core       src/core/ and src/errors.ts: the Clock, the capture format, the dependency-cycle check, errors.
 *              A leaf: it imports nothing else of src/, and every layer may import it.
 *   spec       the stack file: imports core only.
 *   plan       pure: spec types and target types (type-only imports), the target modules' pure hooks
 *              (targets/registry.ts: revision inputs, change reasons), core, itself; no node: I/O, no packages.
 *   store      imports spec and core.
 *   targets    one folder per target; imports spec and core, never engine, cli, store, plan, diagnose or verify.
 *              A target's module (targets/<kind>/index.ts, registered in targets/registry.ts) is light: it
 *              imports its implementation only dynamically, in open(), so plan, diagnose and the engine may use
 *              its hooks without loading an SDK.
 *   diagnose   imports targets, spec and core; never engine or cli.
 *   verify     imports diagnose, targets, spec and core; never engine or cli.
 *   engine     imports plan, the store interface (store/store.ts), the target interfaces (targets/target.ts,
 *              targets/registry.ts), spec types (type-only), diagnose/gather.ts (the findings of a failed
 *              service) and core; never a store or target implementation, verify or cli.
 *   api        the library (src/index.ts exports it): opens a stack and runs each operation (deploy with its
 *              pre-flight and degraded mode, rollback, down, status, history, events, diagnose); may import every
 *              layer but cli, and only cli and src/index.ts import it. It reads no process.env: it is passed in.
 *   server     `convoy serve`: a reader of the store interface (store/store.ts) and of the event stream (engine/events.ts,
 *              follow.ts, stored-event.ts, estimate.ts); imports spec and core too; never the cli, a store or target
 *              implementation, or the rest of the engine. Only cli imports it.
 *   notify     notification channels, readers of the stored events: imports core, spec types (type-only), the store
 *              interface (store/store.ts) and the engine's event types (engine/events.ts, engine/stored-event.ts); never cli, a
 *              store or target implementation, or the rest of the engine.
 *   cli        may import anything; nothing but cli (and the library entry src/index.ts) imports cli.
 *
 * And no import cycle at all: not between modules, and not between folders.
 * test/lint/layers.test.ts plants wrong-way imports and checks that this configuration rejects them.
 */
const CORE = '^src/(core/|errors[.]ts$)';
/** The target modules: what each target knows (targets/<kind>/index.ts, its extract.ts) and their registry. */
const TARGET_MODULES = '^src/targets/((registry|module)[.]ts|[^/]+/(index|extract)[.]ts)$';
const LOWER = '^src/(core|spec|plan|store|targets|diagnose|verify)/|^src/errors[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle: break it by moving what both sides need into the lower layer (or src/core/).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'Two folders import each other (engine ↔ diagnose, say): move what both need down a layer.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-a-leaf',
      severity: 'error',
      comment:
        'src/core/ and src/errors.ts are imported by every layer, so they import no other part of src/.',
      from: { path: CORE },
      to: { path: '^src/', pathNot: CORE },
    },
    {
      name: 'spec-imports-only-core',
      severity: 'error',
      comment: 'The stack file is the bottom of the domain: spec imports only itself and core.',
      from: { path: '^src/spec/' },
      to: { path: '^src/', pathNot: `^src/spec/|${CORE}` },
    },
    {
      name: 'plan-is-pure',
      severity: 'error',
      comment: 'plan imports only spec types, target types, the target registry, core and itself.',
      from: { path: '^src/plan/' },
      to: { path: '^src/', pathNot: `^src/(plan|spec)/|^src/targets/(target|registry)[.]ts$|${CORE}` },
    },
    {
      name: 'plan-imports-only-types-of-spec-and-targets',
      severity: 'error',
      comment: 'plan reads spec and target types; `import type` keeps their code out of it.',
      from: { path: '^src/plan/' },
      to: {
        path: '^src/(spec/|targets/)',
        pathNot: '^src/targets/registry[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'plan-does-no-io',
      severity: 'error',
      comment: 'plan is a pure function of its inputs: no node: module but crypto (hashing), no package.',
      from: { path: '^src/plan/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '^(node:)?crypto$',
      },
    },
    {
      name: 'store-imports-only-spec-and-core',
      severity: 'error',
      comment: 'A store keeps state; it knows the stack file and nothing above it.',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: `^src/(store|spec)/|${CORE}` },
    },
    {
      name: 'targets-stay-below-the-engine',
      severity: 'error',
      comment: 'A target acts on the world; it knows spec and core, not who drives it or what reads it.',
      from: { path: '^src/targets/' },
      to: { path: '^src/(engine|cli|store|plan|diagnose|verify)/' },
    },
    {
      name: 'target-modules-are-light',
      comment:
        'A target module and the registry load no implementation, SDK or node: module: open() imports them dynamically.',
      severity: 'error',
      from: { path: TARGET_MODULES },
      to: {
        path: '^src/',
        pathNot: `${TARGET_MODULES}|${CORE}`,
        dependencyTypesNot: ['type-only', 'dynamic-import'],
      },
    },
    {
      name: 'target-modules-load-no-package',
      comment: 'Importing a target module (plan does, for revisions) must stay pure: no node: I/O, no SDK.',
      severity: 'error',
      from: { path: TARGET_MODULES },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        dependencyTypesNot: ['type-only', 'dynamic-import'],
      },
    },
    {
      name: 'diagnose-stays-below-the-engine',
      severity: 'error',
      comment: 'diagnose reads captures and the target interface; the engine calls it, never the reverse.',
      from: { path: '^src/diagnose/' },
      to: { path: '^src/(engine|cli|store|plan|verify)/' },
    },
    {
      name: 'verify-stays-below-the-engine',
      severity: 'error',
      comment: 'Pre-flight checks read the stack and the targets; they never reach the engine or the CLI.',
      from: { path: '^src/verify/' },
      to: { path: '^src/(engine|cli|store|plan)/' },
    },
    {
      name: 'only-the-top-imports-the-engine',
      severity: 'error',
      comment: 'Nothing below the engine imports it (the Clock lives in src/core/).',
      from: { path: LOWER },
      to: { path: '^src/engine/' },
    },
    {
      name: 'engine-uses-interfaces',
      severity: 'error',
      comment:
        'The engine drives ports: store/store.ts and targets/target.ts (targets/registry.ts for a kind), never an implementation, verify or the CLI; of diagnose it uses diagnose/gather.ts, which explains a failed service.',
      from: { path: '^src/engine/' },
      to: {
        path: '^src/(targets/|store/|verify/|cli/|diagnose/)',
        pathNot: '^src/(targets/(target|registry)[.]ts|store/store[.]ts|diagnose/gather[.]ts)$',
      },
    },
    {
      name: 'engine-imports-only-spec-types',
      severity: 'error',
      comment: 'The engine gets a loaded Stack; it does not load, validate or normalise stack files.',
      from: { path: '^src/engine/' },
      to: { path: '^src/spec/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-the-top-imports-the-library',
      severity: 'error',
      comment:
        'src/api/ is the library (exported by src/index.ts): it composes every layer, so only the CLI and src/index.ts import it.',
      from: { path: '^src/', pathNot: '^src/(api/|cli/|index[.]ts$)' },
      to: { path: '^src/api/' },
    },
    {
      name: 'server-only-reads',
      severity: 'error',
      comment:
        'The server reads the store interface (and its step view) and the stored event stream (events, follow, stored-event, estimate), spec and core; it never deploys, and never imports the CLI or an implementation.',
      from: { path: '^src/server/' },
      to: {
        path: '^src/',
        pathNot: `^src/(server|spec)/|^src/store/(store|step-view)[.]ts$|^src/engine/(events|follow|stored-event|estimate)[.]ts$|${CORE}`,
      },
    },
    {
      name: 'only-the-cli-imports-the-server',
      severity: 'error',
      comment: 'The server sits beside the CLI at the top: only a command (`convoy serve`) starts it.',
      from: { path: '^src/', pathNot: '^src/(cli|server)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'notify-reads-events',
      severity: 'error',
      comment:
        'A notification channel reads stored events: core, spec types, the store interface and event types only.',
      from: { path: '^src/notify/' },
      to: {
        path: '^src/',
        pathNot: `^src/(notify/|spec/|store/store[.]ts$|engine/(events|stored-event)[.]ts$)|${CORE}`,
      },
    },
    {
      name: 'notify-imports-only-types-of-spec-and-engine',
      severity: 'error',
      comment:
        'notify gets a loaded Stack and emitted events; it does not load stack files or run the engine.',
      from: { path: '^src/notify/' },
      to: {
        path: '^src/(spec|engine)/',
        pathNot: '^src/engine/(stored-event|events)[.]ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'only-the-top-imports-notify',
      severity: 'error',
      comment:
        'Only the top starts notification senders: the library (src/api/, beside a deployment), the CLI and the library entry.',
      from: { path: '^src/', pathNot: '^src/(notify/|api/|cli/|index[.]ts$)' },
      to: { path: '^src/notify/' },
    },
    {
      name: 'only-the-cli-imports-the-cli',
      severity: 'error',
      comment:
        'The CLI is the top: a thin client of the layers below (src/index.ts, the library entry, may too).',
      from: { path: '^src/', pathNot: '^src/(cli/|index[.]ts$)' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: "plan imports only spec types" is checked on them too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
