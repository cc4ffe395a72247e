// The one schema shared by PGlite (embedded) and PostgreSQL, in two files by concept: the registry's tables and the
// authorization server's. Migrations in ./drizzle are generated from it with `npm run db:generate` and committed;
// never edit an applied migration, add a new one.
export * from './schema/registry.js';
export * from './schema/oauth.js';
