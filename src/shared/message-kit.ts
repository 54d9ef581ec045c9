/**
 * The machinery shared by every message channel (popup, library and content scripts → background;
 * background and popup → one tab): a message is declared once, as its request schema (the request
 * type is inferred from it), its response type and who may send it; handler tables are total
 * records over the declarations, so the compiler rejects a missing or mistyped handler; `answer`
 * validates a message and runs its handler without a cast. No `browser.*` here: the channels'
 * transports live in `send.ts` and in each entry.
 */
import * as v from 'valibot';

/**
 * Who may send a message: any part of this extension (its pages and its content scripts, which
 * run inside web pages), or only the extension's own pages (the popup, the library, options).
 */
export type Senders = 'extension' | 'extension-pages';

/** One message: request schema, response type (`R`, carried by the type only) and senders. */
export interface MessageDeclaration<S extends v.GenericSchema = v.GenericSchema, R = unknown> {
  request: S;
  from: Senders;
  /** Never set: only its type names the response. */
  readonly response?: R;
}

/** Every message of one channel, by name (as a mapped type: indexing it never gives undefined). */
export type Declarations<D = Record<string, unknown>> = { [K in keyof D]: MessageDeclaration };

/**
 * Declares a message answered with `R`: `message<{ clip: Clip }>()(schema, 'extension')`. (Two
 * calls, because TypeScript cannot infer the schema's type while `R` is given explicitly.)
 */
export function message<R>() {
  return <S extends v.GenericSchema>(request: S, from: Senders): MessageDeclaration<S, R> => ({
    request,
    from,
  });
}

/** Request payload of message `K`, as its sender writes it. */
export type RequestOf<D extends Declarations<D>, K extends keyof D> = v.InferInput<D[K]['request']>;

/** Response value of message `K`. */
export type ResponseOf<D extends Declarations<D>, K extends keyof D> = Exclude<
  D[K]['response'],
  undefined
>;

/** One handler per message; `C` is what the channel knows about the sender. */
export type Handlers<D extends Declarations<D>, C> = {
  [K in keyof D]: (
    request: v.InferOutput<D[K]['request']>,
    context: C,
  ) => Promise<ResponseOf<D, K>>;
};

/** Wire envelope of a request. */
export interface Envelope<D extends Declarations<D>, K extends keyof D = keyof D> {
  type: K;
  payload: RequestOf<D, K>;
}

/** Wire envelope of a reply: handlers never throw across the boundary. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Whether `type` names a message of `declarations`. */
export function isMessageName<D extends Declarations<D>>(
  declarations: D,
  type: unknown,
): type is Extract<keyof D, string> {
  return typeof type === 'string' && Object.hasOwn(declarations, type);
}

/** The declared name of `message`, or null when it is not one of this channel's messages. */
export function messageNameOf<D extends Declarations<D>>(
  declarations: D,
  message: unknown,
): Extract<keyof D, string> | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type } = message as { type?: unknown };
  return isMessageName(declarations, type) ? type : null;
}

/**
 * Validates `payload` against message `name`'s schema and runs its handler; answers a `Reply`,
 * never throws. `allowed` says whether this sender may send messages declared for `from`.
 */
export async function answer<D extends Declarations<D>, C, K extends Extract<keyof D, string>>(
  declarations: D,
  handlers: Handlers<D, C>,
  name: K,
  payload: unknown,
  context: C,
  allowed: (from: Senders) => boolean,
): Promise<Reply<ResponseOf<D, K>>> {
  const declaration = declarations[name];
  if (!allowed(declaration.from)) {
    return { ok: false, error: `Refused: ${name} is only for extension pages` };
  }
  const parsed = v.safeParse(declaration.request, payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: `Refused: invalid ${name}: ${v.summarize(parsed.issues).slice(0, 300)}`,
    };
  }
  try {
    return { ok: true, value: await handlers[name](parsed.output, context) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Unwraps a reply to message `type`: its value, or an error with the handler's text. */
export function unwrapReply<T>(type: string, reply: Reply<T> | undefined): T {
  if (!reply) throw new Error(`No reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
