import { contractForType, eventCatalog } from './catalog';
import { cloudEventEnvelopeSchema } from './cloud-event';
import { compileSchema } from './schema-validator';

/** Event names that read as facts without ending in -ed (from the architecture's event table). */
const PAST_TENSE_EXCEPTIONS = new Set(['attendee-checked-in', 'attendee-no-show', 'feedback-overdue', 'application-withdrawn']);

const PERSONAL_DATA_NAMES = ['idnumber', 'idcard', 'residentid', 'phone', 'mobile', 'email'];

/** Property names anywhere in a schema (nested objects, items, allOf, $defs…) that suggest personal data. */
function personalDataProperties(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => personalDataProperties(item, `${path}/${i}`));
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) => {
    const here = `${path}/${key}`;
    const names =
      key === 'properties' && typeof value === 'object' && value !== null
        ? Object.keys(value)
            .filter((name) => PERSONAL_DATA_NAMES.some((word) => name.toLowerCase().replace(/[^a-z]/g, '').includes(word)))
            .map((name) => `${here}/${name}`)
        : [];
    return [...names, ...personalDataProperties(value, here)];
  });
}

describe('personalDataProperties (test helper)', () => {
  it.each([
    [{ properties: { openDayId: {}, title: {} } }, []],
    [{ properties: { IdNumber: {} } }, ['/properties/IdNumber']],
    [{ properties: { contact: { properties: { mobileNo: {} } } } }, ['/properties/contact/properties/mobileNo']],
    [{ properties: { people: { items: { properties: { e_mail: {} } } } } }, ['/properties/people/items/properties/e_mail']],
    [{ allOf: [{ properties: { 'E-Mail': {} } }] }, ['/allOf/0/properties/E-Mail']],
    [{ $defs: { who: { properties: { residentIDHash: {}, telephone: {} } } } }, [
      '/$defs/who/properties/residentIDHash',
      '/$defs/who/properties/telephone',
    ]],
    [{ properties: { id_card: {} } }, ['/properties/id_card']],
  ])('%j → %j', (schema, expected) => {
    expect(personalDataProperties(schema)).toEqual(expected);
  });
});

describe('event catalog', () => {
  const checkEnvelope = compileSchema(cloudEventEnvelopeSchema);

  it('has unique event types, each found by contractForType', () => {
    const types = eventCatalog.map((contract) => contract.type);
    expect(new Set(types).size).toBe(types.length);
    for (const contract of eventCatalog) expect(contractForType(contract.type)).toBe(contract);
  });

  it.each(eventCatalog.map((c) => [c.type, c]))('%s is named in past-tense kebab-case', (_, contract) => {
    const { name } = contract.definition;
    expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(name.endsWith('ed') || PAST_TENSE_EXCEPTIONS.has(name)).toBe(true);
  });

  // The envelope's type pattern is what every consumer checks first.
  it.each(eventCatalog.map((c) => [c.type, c]))('%s builds envelopes consumers accept', (_, contract) => {
    const event = contract.create(contract.definition.example, { subject: 'example' });
    expect(checkEnvelope(event)).toEqual({ valid: true, errors: [] });
  });

  const publicEvents = eventCatalog.filter((c) => c.definition.visibility === 'public');
  it.each(publicEvents.map((c) => [c.type, c]))('public %s has no personal-data properties', (_, contract) => {
    expect(personalDataProperties(contract.definition.schema)).toEqual([]);
  });
});
