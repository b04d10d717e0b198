import fc from 'fast-check';
import { testResidentId } from '@openday/testing';

/** Just enough of OpenAPI 3 / JSON Schema to build values from the gateway's document. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

/**
 * Personal values of this run: names, resident IDs, mobiles and e-mail
 * addresses no log line may ever show. Made from the seed, so a failing run
 * names the same values again.
 */
export function personalValues(seed: number): { names: string[]; idNumbers: string[]; mobiles: string[]; emails: string[] } {
  const surnames = ['欧阳', '司马', '上官', '诸葛', '慕容', '令狐'];
  const given = ['雨桐', '梓萱', '思远', '浩然', '一诺', '子墨'];
  const n = (i: number) => (seed * 7 + i * 13) % 1000;
  return {
    names: [
      ...surnames.map((surname, i) => `${surname}${given[(i + seed) % given.length]}${'甲乙丙丁戊己'[i]}`),
      '阿不都热依木·艾买提江',
      `Zoë Quelqu'un-Personne ${String.fromCharCode(65 + (seed % 26))}`,
    ],
    idNumbers: [0, 1, 2, 3].map((i) => testResidentId(`19${60 + (n(i) % 40)}-0${1 + (i % 9)}-1${i}`, String(n(i)).padStart(3, '0'))),
    mobiles: [0, 1, 2, 3].map((i) => `13${(seed + i) % 10}${String(n(i) * 100003 + 12345678).slice(-8)}`),
    emails: [0, 1].map((i) => `person${n(i)}.${seed % 1000}@example.cn`),
  };
}

type Personal = ReturnType<typeof personalValues>;

const CONTROL_AND_FORMAT = ['\u0000', '\u0007', '\u001b[31m', '\r', '\n', '\t', '\u007f', '\u0085', '\u200b', '\u200d', '\ufeff', '\u2028'];
const BIDI = ['\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const EMOJI = ['😀', '👍🏽', '❤️', '🇨🇳', '👨‍👩‍👧', '1️⃣'];
const ODD = ['\ud800', '\udfff', '\ue000', '\u{f0000}', '\uffff', '\u0378', '\u0301'];
const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE applications; --',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '=HYPERLINK("http://x")',
  '__proto__',
  'constructor',
  '%00',
  '\\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x1F',
  '',
  ' ',
  '\u3000',
];

/** A string no field should take as it is: controls, bidi, emoji, odd code points, injections, lengths past any limit, personal values spiked with them. */
export function badString(personal: Personal): fc.Arbitrary<string> {
  const people = [...personal.names, ...personal.idNumbers, ...personal.mobiles, ...personal.emails];
  const spike = fc.constantFrom(...CONTROL_AND_FORMAT, ...BIDI, ...EMOJI, ...ODD);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...people), spike, fc.boolean()).map(([value, bad, before]) => (before ? bad + value : value + bad)),
    fc.tuple(fc.constantFrom(...personal.names), spike, fc.nat()).map(([name, bad, at]) => {
      const i = at % (name.length + 1);
      return name.slice(0, i) + bad + name.slice(i);
    }),
    fc.constantFrom(...people),
    fc.constantFrom(...INJECTIONS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...CONTROL_AND_FORMAT, ...BIDI, ...EMOJI, ...ODD, 'a', '张'), minLength: 1, maxLength: 12 }),
    fc.tuple(fc.constantFrom('x', '张', '😀', '\u0000'), fc.constantFrom(51, 101, 201, 501, 2001, 5001, 20_000)).map(([c, n]) => c.repeat(n)),
    fc.constantFrom(...people).map((value) => value.split('').join('\u0000')),
  );
}

/** A value of the wrong kind for any field. */
export function badValue(personal: Personal): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: badString(personal) },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, -(2 ** 31), 1e308, [], {}, [null], JSON.parse('{"__proto__":{"polluted":1}}') as unknown),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.array(badString(personal), { maxLength: 3 }),
    fc.dictionary(badString(personal), badString(personal), { maxKeys: 3 }),
    fc.nat({ max: 2000 }).map((depth) => nested(depth)),
  );
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A value of the schema's shape, as a well-behaved client would send it (patterns and checksums aside). */
export function fromSchema(schema: Schema | undefined, resolve: (ref: string) => Schema, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant('x');
  if (schema.$ref) return fromSchema(resolve(schema.$ref), resolve, depth + 1);
  if (schema.oneOf?.length || schema.anyOf?.length) {
    return fc.oneof(...(schema.oneOf ?? schema.anyOf ?? []).map((s) => fromSchema(s, resolve, depth + 1)));
  }
  if (schema.allOf?.length) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf) {
      const resolved = part.$ref ? resolve(part.$ref) : part;
      Object.assign(merged.properties!, resolved.properties);
      merged.required!.push(...(resolved.required ?? []));
    }
    return fromSchema(merged, resolve, depth + 1);
  }
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) shape[name] = fromSchema(property, resolve, depth + 1);
      return fc.record(shape, { requiredKeys: Object.keys(shape).filter((key) => required.has(key)) });
    }
    case 'array':
      return fc.array(fromSchema(schema.items, resolve, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    default:
      return stringFor(schema);
  }
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc.date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200);
  const min = schema.minLength ?? 1;
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(schema.maxLength ?? 20, 20)) });
}

/**
 * Makes a well-shaped value bad in one place: a field (at any depth) gets a
 * bad value, a required one goes missing, or an unknown or prototype key
 * comes in.
 */
export function spoil(value: unknown, bad: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const paths = fieldPaths(value);
  if (paths.length === 0) return bad;
  return fc.tuple(fc.constantFrom(...paths), bad, fc.constantFrom('replace', 'replace', 'replace', 'delete', 'extra', 'proto')).map(([path, replacement, how]) => {
    const copy = structuredClone(value) as Record<string, unknown>;
    const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
    const key = path[path.length - 1];
    if (how === 'delete') delete parent[key];
    else if (how === 'extra') parent[`${key}Extra`] = replacement;
    else if (how === 'proto') return JSON.parse(JSON.stringify(copy).replace(/^\{/, '{"__proto__":{"isAdmin":true},')) as unknown;
    else parent[key] = replacement;
    return copy;
  });
}

function fieldPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...fieldPaths(child, [...prefix, key])]);
}
