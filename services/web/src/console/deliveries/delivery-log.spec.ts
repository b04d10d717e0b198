import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerPreview, deliveryQuery, NO_DELIVERY_FILTERS, RECIPIENT_KINDS, TEMPLATES } from './delivery-log';

/** A DeliveryDto property's values as the gateway's OpenAPI document has them (libs/contracts/src/http/gateway-api.ts is generated from it, and checked to be). */
function apiValues(property: 'template' | 'recipientKind'): string[] {
  const document = JSON.parse(readFileSync(join(__dirname, '../../../../gateway/openapi.json'), 'utf8')) as {
    components: { schemas: { DeliveryDto: { properties: Record<string, { enum?: string[] }> } } };
  };
  return [...(document.components.schemas.DeliveryDto.properties[property].enum ?? [])].sort();
}

describe('the values the log filters and labels', () => {
  it.each([
    ['template', TEMPLATES],
    ['recipientKind', RECIPIENT_KINDS],
  ] as const)('every %s the API has, each once', (property, listed) => {
    expect([...new Set(listed)].sort()).toEqual(apiValues(property));
    expect(listed).toHaveLength(new Set(listed).size);
  });
});

describe('deliveryQuery', () => {
  it.each([
    ['no filters', NO_DELIVERY_FILTERS, undefined, { limit: 50 }],
    ['failed SMS', { status: 'failed', channel: 'sms', template: '' }, undefined, { limit: 50, status: 'failed', channel: 'sms' }],
    ['reminders, next page', { status: '', channel: '', template: 'reminder' }, 'c2', { limit: 50, cursor: 'c2', template: 'reminder' }],
  ] as const)('%s', (_name, filters, cursor, query) => {
    expect(deliveryQuery(filters, cursor, 50)).toEqual(query);
  });
});

describe('answerPreview', () => {
  it.each([
    [null, ''],
    ['202 accepted', '202 accepted'],
    ['500\n  {"error":\n"down"}', '500 {"error": "down"}'],
    ['x'.repeat(81), `${'x'.repeat(80)}…`],
  ])('%j', (answer, preview) => {
    expect(answerPreview(answer)).toBe(preview);
  });
});
