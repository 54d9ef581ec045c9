/**
 * The only platform globals src/core may use, declared for tsconfig.core.json (ES2023, no DOM
 * lib, no Node types). Each is a web-platform API that every runtime the core runs in provides
 * (pages, extension workers, Node >= 20), so using one keeps the core pure; anything else
 * (`document`, `window`, `process`, `browser`) stays a type error there. The full programme
 * (tsconfig.json, which excludes this file) sees the real lib.dom and @types/node declarations.
 * Add a member here only when the core needs it and every runtime has it.
 */

interface URL {
  readonly hostname: string;
}

declare const URL: {
  prototype: URL;
  new (url: string, base?: string): URL;
};

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare const TextDecoder: {
  prototype: TextDecoder;
  new (label?: string): TextDecoder;
};

interface Crypto {
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
}

declare const crypto: Crypto;
