/**
 * @parley/shared: the contract and the pure engine. Server and client import from here (or from the sub-paths).
 */
export * from './bots/index.ts';
export * from './engine/index.ts';
export * from './protocol/commands.ts';
export * from './protocol/roles.ts';
export * from './review/index.ts';
export * from './rng.ts';
export * from './scenario/index.ts';
export { localize } from './scenario/localize.ts';
