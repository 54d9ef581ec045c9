/**
 * The zones the repository keeps, checked the way a change would break them: a probe module
 * placed in a zone is linted (eslint.config.js) or type-checked against src/core's own programme
 * (tsconfig.core.json: ES2023, no DOM lib, no Node types), and must be rejected.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** Rule ids ESLint reports for `code` as if it were the file `path` (relative to the root). */
async function lintRulesOf(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint zones (eslint.config.js)', () => {
  it.each([
    ['src/core/probe.ts', "import '../dom/page-text';"],
    ['src/core/probe.ts', "import '../shared/messages';"],
    ['src/core/probe.ts', "import 'node:fs';"],
    ['src/core/probe.ts', "import 'webextension-polyfill';"],
    ['src/core/probe.ts', "import 'preact';"],
    ['src/content/probe.ts', "import '../background/handlers';"],
    ['src/library/probe.ts', "import '../popup/popup';"],
    ['src/popup/probe.ts', "import '../library/download';"],
    ['src/background/probe.ts', "import '../content/annotator';"],
    ['src/options/probe.ts', "import '../popup/popup';"],
    ['src/shared/probe.ts', "import '../content/annotator';"],
    ['src/ui/probe.ts', "import '../library/download';"],
    ['src/dom/probe.ts', "import '../content/annotator';"],
    ['src/dom/probe.ts', "import 'webextension-polyfill';"],
  ])('%s may not %s', async (path, code) => {
    expect(await lintRulesOf(path, code)).toContain('no-restricted-imports');
  });

  it.each(['document.title;', 'window.name;', 'navigator.language;', 'indexedDB.open("x");'])(
    'src/core may not use the browser global in %s',
    async (code) => {
      expect(await lintRulesOf('src/core/probe.ts', code)).toContain('no-restricted-globals');
    },
  );

  it.each([
    ['src/content/probe.ts', "import '../shared/messages';"],
    ['src/library/probe.ts', "import '../ui/clip-card';"],
    ['src/background/probe.ts', "import '../core/index';"],
    ['src/core/probe.ts', "import './lexicons/index';"],
  ])('%s may %s', async (path, code) => {
    expect(await lintRulesOf(path, code)).toEqual([]);
  });
});

describe('src/core type-checks without the DOM or Node (tsconfig.core.json)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwl-core-probe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects DOM, Node and timer globals and accepts the shared web-platform ones', async () => {
    writeFileSync(
      join(dir, 'probe.ts'),
      [
        'export const host = new URL("https://www.gov.cn/").hostname;',
        'export const id = crypto.randomUUID();',
        'export const text = new TextDecoder("utf-16le").decode(new Uint16Array(1));',
        'export const title = document.title;',
        'export const env = process.env;',
        'export const timer = setTimeout;',
        'export type Element = HTMLElement;',
      ].join('\n'),
    );
    // The probe gets src/core's compiler options and ambient globals, nothing more.
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.core.json'),
        include: ['probe.ts', join(ROOT, 'src', 'core', 'runtime-globals.d.ts')],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const output = await promisify(execFile)(process.execPath, [tsc, '--noEmit', '-p', dir]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    const errorLines = output.split('\n').filter((line) => line.includes('error TS'));
    expect(errorLines.map((line) => line.match(/probe\.ts\((\d+),/)?.[1])).toEqual([
      '4',
      '5',
      '6',
      '7',
    ]);
  }, 60_000);
});
