/**
 * DOM methods captured when the content script starts. A hostile or buggy page may redefine
 * `Range.prototype.setStart`, `Element.prototype.attachShadow`, `setTimeout`… after load; calling
 * the captured originals keeps the extension working (in Chrome's isolated world the page cannot
 * reach them anyway, but Firefox Xrays and the CLI's DOM have their own rules).
 */

type AnyFn = (...args: never[]) => unknown;

/** Binds `fn` to be called with an explicit receiver: `call(receiver, ...args)`. */
function uncurry<F extends AnyFn>(fn: F): (self: unknown, ...args: Parameters<F>) => ReturnType<F> {
  const call = Function.prototype.call as (this: F, self: unknown, ...a: unknown[]) => unknown;
  return (self, ...args) => call.apply(fn, [self, ...args]) as ReturnType<F>;
}

/** Captured natives, or `undefined` entries when the DOM lacks them (e.g. in the CLI). */
export interface Natives {
  setStart: (range: Range, node: Node, offset: number) => void;
  setEnd: (range: Range, node: Node, offset: number) => void;
  createRange: (doc: Document) => Range;
  getClientRects: (range: Range) => DOMRectList;
  attachShadow: (el: Element, init: ShadowRootInit) => ShadowRoot;
  append: (parent: Element, child: Node) => void;
  remove: (el: Element) => void;
  setAttribute: (el: Element, name: string, value: string) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

let captured: Natives | null = null;

/** Captures the natives from the current global once; later calls return the same set. */
export function captureNatives(): Natives {
  if (captured) return captured;
  const g = globalThis as typeof globalThis & Window;
  const setTimeoutFn = g.setTimeout.bind(g) as unknown as (fn: () => void, ms: number) => number;
  const clearTimeoutFn = g.clearTimeout.bind(g) as (id: number) => void;
  captured = {
    setStart: uncurry(g.Range.prototype.setStart),
    setEnd: uncurry(g.Range.prototype.setEnd),
    createRange: uncurry(g.Document.prototype.createRange),
    getClientRects: uncurry(g.Range.prototype.getClientRects),
    attachShadow: uncurry(g.Element.prototype.attachShadow),
    append: uncurry(g.Element.prototype.append) as (parent: Element, child: Node) => void,
    remove: uncurry(g.Element.prototype.remove),
    setAttribute: uncurry(g.Element.prototype.setAttribute),
    setTimeout: setTimeoutFn,
    clearTimeout: clearTimeoutFn,
  };
  return captured;
}
