// Layer rules of DESIGN.md's architecture, checked by `npm run lint` (dependency-cruiser):
//
//   cli → server → http → admin | oauth | vault → registry | events → store | crypto | config
//
// A module may import from its own layer's folder and from any layer below it, never from above, and the
// siblings admin | oauth | vault and registry | events do not import each other. Type-only imports count
// (tsPreCompilationDeps): a type still couples the lower layer to the upper one's shape.
// Layers (paths relative to the repository root):
//   cli:      src/cli.ts, src/cli/
//   server:   src/server.ts, src/cluster.ts, src/services.ts (the composition root that builds the services)
//   http:     src/http/
//   features: src/admin/, src/oauth/, src/vault/
//   domain:   src/registry/, src/events/
//   base:     src/store/, src/crypto/, src/config/ and the shared leaves src/errors.ts, src/logger.ts, src/bearer.ts, src/html-page.ts, src/page-locale.ts
const CLI = '^src/(cli[.]ts$|cli/)';
const SERVER = '^src/(server|cluster|services)[.]ts$';
const SERVER_BUT_SERVICES = '^src/(server|cluster)[.]ts$';
const HTTP = '^src/http/';
const FEATURES = '^src/(admin|oauth|vault)/';
const DOMAIN = '^src/(registry|events)/';
const BASE = '^src/(store/|crypto/|config/|errors[.]ts$|logger[.]ts$|bearer[.]ts$|html-page[.]ts$|page-locale[.]ts$)';

const above = (...layers) => layers.join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'base-imports-upward',
      comment: 'store/, crypto/, config/ (and errors.ts, logger.ts) know no rules, protocol or HTTP: they import nothing from the layers above.',
      severity: 'error',
      from: { path: BASE },
      to: { path: above(DOMAIN, FEATURES, HTTP, SERVER, CLI) },
    },
    {
      name: 'domain-imports-upward',
      comment: 'registry/ and events/ hold the rules, not the protocol or HTTP: no imports from admin/, oauth/, vault/, http/, the server or the CLI.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: above(FEATURES, HTTP, SERVER, CLI) },
    },
    {
      name: 'registry-events-siblings',
      comment: 'registry/ and events/ are siblings: the registry writes audit entries through events/, events/ does not call the registry.',
      severity: 'error',
      from: { path: '^src/events/' },
      to: { path: '^src/registry/' },
    },
    {
      name: 'features-import-upward',
      comment: 'admin/, oauth/ and vault/ are mounted by http/; they import nothing from http/, the server or the CLI.',
      severity: 'error',
      from: { path: FEATURES },
      to: { path: above(HTTP, SERVER_BUT_SERVICES, CLI) },
    },
    {
      // The one allowed upward edge, and only as a type: routes and the OAuth context receive the bag of service
      // instances that services.ts builds once (dependency injection), and name its type `Services` to do so.
      // `import type` is erased at compile time, so at run time nothing below the server loads services.ts or what
      // it wires together; a value import (which would load the whole graph from below) is still an error.
      name: 'services-bag-type-only',
      comment: 'http/, admin/, oauth/ and vault/ may name the Services type (import type), never import services.ts as a value.',
      severity: 'error',
      from: { path: above(HTTP, FEATURES) },
      to: { path: '^src/services[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'features-are-siblings',
      comment: 'admin/, oauth/ and vault/ do not import each other: what two of them share belongs in registry/ or events/.',
      severity: 'error',
      from: { path: '^src/(admin|oauth|vault)/' },
      to: { path: '^src/(admin|oauth|vault)/', pathNot: '^src/$1/' },
    },
    {
      name: 'http-imports-upward',
      comment: 'http/ assembles the app; the server and the CLI start it, not the other way round.',
      severity: 'error',
      from: { path: HTTP },
      to: { path: above(SERVER_BUT_SERVICES, CLI) },
    },
    {
      name: 'server-imports-cli',
      comment: 'The server does not know the command line that starts it.',
      severity: 'error',
      from: { path: SERVER },
      to: { path: CLI },
    },
    {
      // Issue 9: everything above the store reaches the database through store/'s modules only (one small module per
      // concept: store/clients.ts, store/refresh-tokens.ts, …), so a rule such as "a rotation is one transaction" lives
      // in one place and can be tested there.
      name: 'sql-only-in-store',
      comment: 'Nothing outside store/ writes SQL: no drizzle-orm, no store/schema.ts; call the store modules instead.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^(node_modules/)?drizzle-orm(/|$)|^src/store/schema([.]ts$|/)' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles at run time: a cycle makes two modules one and its load order fragile.',
      severity: 'error',
      from: { path: '^src/' },
      // Type-only edges do not take part: they are erased, so they decide no load order. A few oauth/ modules name
      // each other's types (cors.ts ↔ cache.ts ↔ context.ts) inside one layer; across layers the rules above already
      // count type-only imports, so an upward type import is an error there, not a cycle here.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
