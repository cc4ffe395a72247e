export * from './db.js';
export * as schema from './schema.js';
