// The one schema shared by PGlite (embedded) and PostgreSQL, in four files by concept: the registry's tables, the
// authorization server's, the connection vault's and the webhooks'. Migrations in ./drizzle are generated from it with `npm run db:generate` and committed;
// never edit an applied migration, add a new one.
export * from './schema/registry.js';
export * from './schema/oauth.js';
export * from './schema/vault.js';
export * from './schema/events.js';
