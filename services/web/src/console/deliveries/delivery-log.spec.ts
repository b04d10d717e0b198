import { answerPreview, deliveryQuery, NO_DELIVERY_FILTERS } from './delivery-log';

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
