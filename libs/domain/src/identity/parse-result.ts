/** What every identity parser returns: the normalised value, or the one rule that failed. */
export type Parsed<Value, Rule extends string> =
  | { ok: true; value: Value }
  | { ok: false; rule: Rule; message: string };
