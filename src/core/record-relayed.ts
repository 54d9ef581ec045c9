/**
 * What a meeting relayed or studied (传达学习…重要讲话精神和…重要指示), read from one record's
 * stretch of text; the cue, ending and join words are those of `lexicons/records.json`.
 */
import { alternationOf } from './lexicons/index';
import { inReportedSpeech, recordWords as words } from './record-text';

const RELAY_RE = new RegExp(alternationOf(words('relayCues')), 'g');
const RELAY_END_RE = new RegExp(alternationOf(words('relayEnds')), 'g');
const RELAY_JOINS = words('relayItemJoins');
/** An item ends where one of these joins the next, or at the clause's end. */
const RELAY_JOIN_AFTER_RE = new RegExp(`^(?:${alternationOf(RELAY_JOINS)})`);
/** A join or a lead word (传达了…) left off the start of an item. */
const RELAY_ITEM_LEAD_RE = new RegExp(
  `^(?:${alternationOf([...RELAY_JOINS, ...words('relayItemLeads')])})`,
);

/**
 * Adds to `relayed` the items relayed in `part`, the stretch of `text` starting at `from`: each
 * named up to its ending word (精神, 指示, 讲话) before a join or the clause's end.
 */
export function readRelayed(text: string, from: number, part: string, relayed: string[]): void {
  RELAY_RE.lastIndex = 0;
  for (let m = RELAY_RE.exec(part); m; m = RELAY_RE.exec(part)) {
    const at = from + m.index + m[0].length;
    if (inReportedSpeech(text, at)) continue;
    let ce = at;
    while (ce < text.length && ce - at < 120 && !/[，,。；;！？\n]/.test(text.charAt(ce))) ce++;
    const clause = text.slice(at, ce);
    let last = 0;
    const items: string[] = [];
    RELAY_END_RE.lastIndex = 0;
    for (let e = RELAY_END_RE.exec(clause); e; e = RELAY_END_RE.exec(clause)) {
      const end = e.index + e[0].length;
      const rest = clause.slice(end);
      // An item ends at its last ending word before 和/及/、 or the clause's end.
      if (rest === '' || RELAY_JOIN_AFTER_RE.test(rest)) {
        items.push(clause.slice(last, end).replace(RELAY_ITEM_LEAD_RE, ''));
        last = end;
      }
    }
    for (const item of items) if (item.length >= 4 && !relayed.includes(item)) relayed.push(item);
  }
}
