/**
 * The E2E harness: fixture server, browser launchers and page-side panel reads.
 * See each module's header comment for its API.
 */
export * from './paths';
export * from './fixture-server';
export * from './browsers';
export * from './panel';
export * from './extension-messages';
