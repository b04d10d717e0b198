import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { eventCatalog } from '../catalog';
import { BusNamespace } from '../bus-namespace';
import { compileSchema, type JsonSchema } from '../schema-validator';
import { buildAsyncApiDocument } from './build-asyncapi-document';

const document = buildAsyncApiDocument(eventCatalog);

describe('AsyncAPI document', () => {
  // Spectral's first run loads its rulesets, which takes a few seconds.
  jest.setTimeout(30_000);

  it('has no error-severity diagnostics from @asyncapi/parser', async () => {
    const diagnostics = await new Parser().validate(JSON.parse(JSON.stringify(document)));
    const errors = diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
  });

  it('resolves to one channel and one receive operation per event type', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.parse(JSON.stringify(document)));
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    const addresses = parsed!.channels().all().map((channel) => channel.address());
    expect(addresses.sort()).toEqual(eventCatalog.map((c) => c.subjectIn(new BusNamespace())).sort());
    expect(parsed!.operations().all().every((op) => op.action() === 'receive')).toBe(true);
    expect(parsed!.operations().all()).toHaveLength(eventCatalog.length);
  });

  // The v3 ruleset of @asyncapi/parser does not check message examples against their schemas.
  it.each(Object.entries(document.components.messages))('%s: its examples match its payload and headers', (_, message) => {
    const payload = compileSchema(message.payload);
    const headers = compileSchema(document.components.schemas.EventHeaders as JsonSchema);
    for (const example of message.examples) {
      expect(payload(example.payload)).toEqual({ valid: true, errors: [] });
      expect(headers(example.headers)).toEqual({ valid: true, errors: [] });
    }
  });
});
