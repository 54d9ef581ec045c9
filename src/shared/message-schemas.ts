/**
 * Valibot schemas for every request payload in `MessageMap`. The background validates each
 * incoming message against these before any handler runs; unknown fields are rejected.
 */
import * as v from 'valibot';
import type { MessageName } from './messages';

/** Request schemas, keyed by message name. */
export const requestSchemas = {
  ping: v.strictObject({}),
} satisfies Partial<Record<MessageName, v.GenericSchema>>;
