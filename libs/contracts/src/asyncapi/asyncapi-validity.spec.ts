import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { eventCatalog } from '../catalog';
import { BusNamespace } from '../bus-namespace';
import { compileSchema } from '../schema-validator';
import { buildAsyncApiDocument } from './build-asyncapi-document';

const document = buildAsyncApiDocument(eventCatalog);

describe('AsyncAPI document', () => {
  // Spectral's first run loads its rulesets, which takes a few seconds.
  jest.setTimeout(30_000);

  it('has no error-severity diagnostics from @asyncapi/parser', async () => {
    const diagnostics = await new Parser().validate({ ...document });
    const errors = diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
  });

  it('would be caught by that check if broken', async () => {
    const [id, operation] = Object.entries(document.operations)[0];
    const broken = { ...document, operations: { [id]: { ...operation, channel: { $ref: '#/channels/missing' } } } };
    const diagnostics = await new Parser().validate(broken);
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.code)).toContain('invalid-ref');
  });

  it('resolves to one channel and one receive operation per event type', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse({ ...document });
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    const addresses = parsed!.channels().all().map((channel) => channel.address());
    expect(addresses.sort()).toEqual(eventCatalog.map((c) => c.subjectIn(new BusNamespace())).sort());
    expect(parsed!.operations().all().every((op) => op.action() === 'receive')).toBe(true);
    expect(parsed!.operations().all()).toHaveLength(eventCatalog.length);
  });

  // The v3 ruleset of @asyncapi/parser does not check message examples against their schemas.
  it.each(Object.entries(document.components.messages))('%s: its examples match its payload and headers', (_, message) => {
    const payload = compileSchema(message.payload);
    const headers = compileSchema(document.components.schemas[message.headers.$ref.replace('#/components/schemas/', '')]);
    for (const example of message.examples) {
      expect(payload(example.payload)).toEqual({ valid: true, errors: [] });
      expect(headers(example.headers)).toEqual({ valid: true, errors: [] });
    }
  });
});
