import { deliveryRecipientsIn, personIdsIn } from './personal-data-reads';

describe('personIdsIn', () => {
  const cases: Array<[string, unknown, string[]]> = [
    ['a page of applicants', { items: [{ personId: 'p1', maskedName: '张*三' }, { personId: 'p2' }], nextCursor: null }, ['p1', 'p2']],
    ['a selection result, per session', { sessions: [{ selected: [{ personId: 'p1' }], waitlisted: [{ personId: 'p3' }] }, { selected: [{ personId: 'p1' }] }] }, ['p1', 'p3']],
    ['one check-in entry', { ticketId: 't', personId: 'p9' }, ['p9']],
    ['feedback recorded without a person', { items: [{ personId: null }, { personId: 'p4' }] }, ['p4']],
    ['nothing personal', { counts: { issued: 3 } }, []],
    ['not an object', 'text', []],
  ];
  it.each(cases)('%s', (_name, result, expected) => {
    expect(personIdsIn(result)).toEqual(expected);
  });
});

describe('deliveryRecipientsIn', () => {
  it('names the people among the recipients, once each', () => {
    const page = {
      items: [
        { recipientKind: 'person', recipientId: 'p1', channel: 'sms' },
        { recipientKind: 'person', recipientId: 'p1', channel: 'email' },
        { recipientKind: 'department', recipientId: 'tax-bureau' },
        { recipientKind: 'sign-in', recipientId: null },
        { recipientKind: 'person', recipientId: 'p2' },
      ],
    };
    expect(deliveryRecipientsIn(page)).toEqual(['p1', 'p2']);
    expect(deliveryRecipientsIn(undefined)).toEqual([]);
  });
});
