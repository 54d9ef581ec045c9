/**
 * Reaches the panel's CLOSED shadow root in Firefox through WebDriver BiDi, the way the Chromium
 * tests use the DevTools protocol: `script.callFunction` with
 * `serializationOptions.includeShadowTree: 'all'` serialises the host element together with its
 * shadow root (closed ones too) as a shared reference, which later `script.callFunction` calls take
 * as `this`. Nothing is added to the page or the extension for the test's sake.
 *
 * API:
 *   const shadow = await openClosedShadow(page, 'zhengwen-lens-panel');
 *   await shadow.run<string>('function (s) { return this.querySelector(s)?.textContent; }', '.card')
 *
 * Uses puppeteer's BiDi connection (`browser.connection`, not part of puppeteer's typed API) and
 * the main frame's browsing-context id.
 */
import type { Page } from 'puppeteer-core';

/** The BiDi connection of puppeteer's Firefox browser (untyped in puppeteer's public API). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** A serialised BiDi remote value (the fields read here). */
interface RemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

/** The outcome of `script.callFunction` / `script.evaluate`. */
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: RemoteValue;
  exceptionDetails?: { text?: string };
}

/** A handle on a closed shadow root. */
export interface ClosedShadow {
  /**
   * Runs `fn` (source of a function) in the page with `this` = the shadow root and string or
   * number arguments; answers its JSON-serialisable return value.
   */
  run<T>(fn: string, ...args: Array<string | number>): Promise<T>;
}

function connectionOf(page: Page): BidiConnection {
  const connection = (page.browser() as unknown as { connection?: BidiConnection }).connection;
  if (!connection || typeof connection.send !== 'function') {
    throw new Error('openClosedShadow needs puppeteer over WebDriver BiDi (Firefox)');
  }
  return connection;
}

function contextOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (typeof id !== 'string') throw new Error('No BiDi browsing context id on the main frame');
  return id;
}

async function callFunction(
  connection: BidiConnection,
  params: Record<string, unknown>,
): Promise<RemoteValue> {
  const { result } = await connection.send('script.callFunction', params);
  const outcome = result as EvaluateResult;
  if (outcome.type !== 'success' || !outcome.result) {
    throw new Error(`script.callFunction failed: ${outcome.exceptionDetails?.text ?? 'unknown'}`);
  }
  return outcome.result;
}

/** Opens the closed shadow root of the first element matching `hostSelector` in `page`. */
export async function openClosedShadow(page: Page, hostSelector: string): Promise<ClosedShadow> {
  const connection = connectionOf(page);
  const target = { context: contextOf(page) };
  const host = await callFunction(connection, {
    functionDeclaration: '(selector) => document.querySelector(selector)',
    arguments: [{ type: 'string', value: hostSelector }],
    target,
    awaitPromise: false,
    resultOwnership: 'root',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const shadowRoot = (host.value as { shadowRoot?: RemoteValue | null } | undefined)?.shadowRoot;
  if (host.type !== 'node' || !shadowRoot?.sharedId) {
    throw new Error(`No shadow root serialised for ${hostSelector}`);
  }
  const mode = (shadowRoot.value as { mode?: string } | undefined)?.mode;
  if (mode !== 'closed') throw new Error(`Expected a closed shadow root, got ${mode}`);
  return {
    async run<T>(fn: string, ...args: Array<string | number>): Promise<T> {
      // The value comes back as JSON text: one string instead of BiDi's typed remote values.
      const value = await callFunction(connection, {
        functionDeclaration: `function (...args) { return JSON.stringify((${fn}).apply(this, args) ?? null); }`,
        this: { sharedId: shadowRoot.sharedId },
        arguments: args.map((a) =>
          typeof a === 'number' ? { type: 'number', value: a } : { type: 'string', value: a },
        ),
        target,
        awaitPromise: false,
        resultOwnership: 'none',
      });
      return JSON.parse(value.value as string) as T;
    },
  };
}

/**
 * Waits (Firefox) until the expanded panel has focused its collapse button: the panel renders and
 * moves focus in a later task than the click or key that opened it, so keyboard steps that count
 * Tabs from that button must start only then. Throws after `timeoutMs`.
 */
export async function waitForPanelFocus(
  page: Page,
  hostSelector: string,
  timeoutMs = 10_000,
): Promise<ClosedShadow> {
  const shadow = await openClosedShadow(page, hostSelector);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const expanded = await shadow.run<string | null>(
      'function () { const a = this.activeElement; return a ? a.getAttribute("aria-expanded") : null; }',
    );
    if (expanded === 'true') return shadow;
    if (Date.now() > deadline) throw new Error('The panel never focused its collapse button');
    await new Promise((r) => setTimeout(r, 50));
  }
}
