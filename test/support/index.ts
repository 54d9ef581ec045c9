/**
 * The browser harness shared by the E2E tests and the benches: fixture server, browser launchers
 * and page-side panel reads (the corpus helpers beside it are imported by path).
 * See each module's header comment for its API.
 */
export * from './paths';
export * from './fixture-server';
export * from './browsers';
export * from './panel';
export * from './extension-messages';
export * from './tab-status';
