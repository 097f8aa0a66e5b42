// Every module's tables, for drizzle's relational queries and for drizzle-kit.
export * from './audit.js';
export * from './auth.js';
export * from './meetings.js';
export * from './members.js';
export * from './notifications.js';
export * from './progress.js';
export * from './sources.js';
export * from './statements.js';
