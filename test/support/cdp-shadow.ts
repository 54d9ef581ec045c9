/**
 * Chromium only: a handle on the extension panel's closed shadow root, reached through the
 * DevTools protocol (`DOM.getDocument` with `pierce`), with no test hook in the product.
 * (Firefox: see `bidi-shadow.ts`.)
 */
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** A handle on the panel's closed shadow root. */
export interface Shadow {
  /** Runs `fn` (source of a function) with `this` = the shadow root; returns its value. */
  run<T>(fn: string, ...args: unknown[]): Promise<T>;
}

/** Opens the panel's closed shadow root of `page` through the DevTools protocol (`pierce`). */
export async function openShadow(page: Page): Promise<Shadow> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  const find = (n: CdpNode): CdpNode | null => {
    if (n.nodeName === 'ZHENGWEN-LENS-PANEL') return n;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const f = find(c);
      if (f) return f;
    }
    return null;
  };
  const host = find(root);
  const shadowRoot = host?.shadowRoots?.[0];
  if (!shadowRoot) throw new Error('no panel shadow root');
  const { object } = (await cdp.send('DOM.resolveNode', {
    backendNodeId: shadowRoot.backendNodeId,
  })) as { object: { objectId: string } };
  return {
    async run<T>(fn: string, ...args: unknown[]): Promise<T> {
      const r = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: fn,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value: T }; exceptionDetails?: unknown };
      if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
      return r.result.value;
    },
  };
}
