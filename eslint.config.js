// @ts-check
import tseslint from 'typescript-eslint';

/** Entry folders that must never import each other (they talk through src/shared/messages.ts). */
const ENTRIES = ['background', 'content', 'popup', 'library', 'options'];

/** Import patterns that reach into another entry folder, for every entry except `self`. */
function otherEntries(self) {
  return ENTRIES.filter((e) => e !== self).map((e) => ({
    group: [`**/${e}/*`, `**/${e}`],
    message: `src/${self} must not import src/${e}: share code through src/shared, src/ui or src/dom.`,
  }));
}

const browserGlobals = [
  'window',
  'document',
  'navigator',
  'chrome',
  'browser',
  'location',
  'localStorage',
  'indexedDB',
  'HTMLElement',
  'Node',
].map((name) => ({ name, message: 'src/core is pure: no DOM and no browser APIs.' }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'artifacts/**',
      'out/**',
      'node_modules/**',
      'test/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'src/core is pure: no browser APIs.' },
            { name: 'preact', message: 'src/core is pure: no UI.' },
          ],
          patterns: [
            {
              group: [
                '**/background/*',
                '**/content/*',
                '**/popup/*',
                '**/library/*',
                '**/options/*',
                '**/ui/*',
                '**/dom/*',
                '**/shared/*',
                '**/cli/*',
                'node:*',
              ],
              message: 'src/core imports nothing from the browser side, the CLI or Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/dom/**/*.ts', 'src/shared/**/*.ts', 'src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ENTRIES.map((e) => ({
            group: [`**/${e}/*`],
            message: 'Shared code must not import an entry folder.',
          })),
        },
      ],
    },
  },
  ...ENTRIES.map((e) => ({
    files: [`src/${e}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: otherEntries(e) }] },
  })),
  {
    files: ['src/dom/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'webextension-polyfill',
              message: 'src/dom works on any DOM (the CLI uses it in Node): no browser.* here.',
            },
          ],
          patterns: ENTRIES.map((e) => ({
            group: [`**/${e}/*`],
            message: 'Shared code must not import an entry folder.',
          })),
        },
      ],
    },
  },
);
