import { BusNamespace, DEFAULT_NAMESPACE } from './bus-namespace';

/** NATS subject matching: `*` matches one token, a trailing `>` one or more. */
function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

describe('subjectMatches (test helper)', () => {
  it.each([
    ['openday.scheduling.>', 'openday.scheduling.open-day-published.v1', true],
    ['openday.scheduling.>', 'openday.scheduling', false],
    ['openday.*.x', 'openday.scheduling.x', true],
    ['openday.*.x', 'openday.scheduling.y', false],
    ['rpc.scheduling.>', 'rpc.scheduling.open-days.create', true],
  ])('%s ~ %s → %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});

describe('BusNamespace', () => {
  it('defaults to the production namespace', () => {
    expect(new BusNamespace().root).toBe(DEFAULT_NAMESPACE);
  });

  it.each([
    {
      root: 'openday',
      event: 'openday.scheduling.open-day-published.v1',
      wildcard: 'openday.scheduling.>',
      rpc: 'rpc.scheduling.open-days.create',
      stream: 'OPENDAY_SCHEDULING',
      deadLetterStream: 'OPENDAY_DEADLETTER',
      deadLetterSubject: 'openday_internal.deadletter.registration_published-days',
      internalEvent: 'openday_internal.registration.application-submitted.v1',
      internalWildcard: 'openday_internal.registration.>',
      internalStream: 'OPENDAY_INTERNAL_REGISTRATION',
    },
    {
      root: 't0a1b2c3d4e',
      event: 't0a1b2c3d4e.scheduling.open-day-published.v1',
      wildcard: 't0a1b2c3d4e.scheduling.>',
      rpc: 'rpc_t0a1b2c3d4e.scheduling.open-days.create',
      stream: 'T0A1B2C3D4E_SCHEDULING',
      deadLetterStream: 'T0A1B2C3D4E_DEADLETTER',
      deadLetterSubject: 't0a1b2c3d4e_internal.deadletter.registration_published-days',
      internalEvent: 't0a1b2c3d4e_internal.registration.application-submitted.v1',
      internalWildcard: 't0a1b2c3d4e_internal.registration.>',
      internalStream: 'T0A1B2C3D4E_INTERNAL_REGISTRATION',
    },
  ])('names everything under $root', (expected) => {
    const ns = new BusNamespace(expected.root);
    const consumer = ns.consumerName('registration', 'published-days');
    expect({
      root: ns.root,
      event: ns.eventSubject('scheduling', 'open-day-published', 1),
      wildcard: ns.serviceEventsWildcard('scheduling'),
      rpc: ns.rpcSubject('scheduling', 'open-days.create'),
      stream: ns.eventStream('scheduling'),
      deadLetterStream: ns.deadLetterStream,
      deadLetterSubject: ns.deadLetterSubject(consumer),
      internalEvent: ns.eventSubject('registration', 'application-submitted', 1, 'internal'),
      internalWildcard: ns.serviceEventsWildcard('registration', 'internal'),
      internalStream: ns.eventStream('registration', 'internal'),
    }).toEqual(expected);
  });

  it('keeps internal events and dead letters out of what a subscriber account may read', () => {
    const ns = new BusNamespace();
    const subscriberGrant = `${ns.root}.>`;
    const internal = [
      ns.eventSubject('registration', 'application-submitted', 1, 'internal'),
      ns.deadLetterSubject(ns.consumerName('vetting', 'screening')),
    ];
    expect(internal.filter((subject) => subjectMatches(subscriberGrant, subject))).toEqual([]);
    expect(subjectMatches(subscriberGrant, ns.eventSubject('scheduling', 'open-day-published', 1))).toBe(true);
  });

  it.each([
    ['registration', 'published.days', 'registration_published_days'],
    ['vetting', 'screen*all>', 'vetting_screen_all_'],
  ])('consumer name for %s/%s is a valid NATS name', (service, purpose, expected) => {
    expect(new BusNamespace().consumerName(service, purpose)).toBe(expected);
  });

  // Streams of one namespace and request/reply of another share a server (tests beside a running stack).
  const namespaces = ['openday', 't0a1b2c3d4e', 'scheduling', 'rpcx', 'x'].map((root) => new BusNamespace(root));
  const services = ['scheduling', 'registration', 'vetting'];
  const pairs = namespaces.flatMap((streams) => namespaces.map((requests) => [streams, requests] as const));

  it.each(pairs.map(([streams, requests]) => [streams.root, requests.root, streams, requests]))(
    'no stream of %s captures an rpc subject of %s',
    (_streamsRoot, _requestsRoot, streams, requests) => {
      const wildcards = [...services.map((s) => streams.serviceEventsWildcard(s)), streams.deadLetterWildcard];
      for (const service of services) {
        const rpc = requests.rpcSubject(service, 'open-days.create');
        expect(wildcards.filter((w) => subjectMatches(w, rpc))).toEqual([]);
      }
    },
  );

  it('keeps every event subject under its service stream wildcard', () => {
    const ns = new BusNamespace('t1');
    expect(subjectMatches(ns.serviceEventsWildcard('vetting'), ns.eventSubject('vetting', 'application-screened', 3))).toBe(
      true,
    );
  });

  it.each([
    ['empty', ''],
    ['upper case', 'OpenDay'],
    ['a dot, which would add a subject token', 'open.day'],
    ['a wildcard', 'open*'],
    ['a full wildcard', 'open>'],
    ['a dash', 'open-day'],
    ['a leading digit', '1openday'],
    ['a space', 'open day'],
    ['32 characters', 'a'.repeat(32)],
    ['the rpc root, whose streams would capture production requests', 'rpc'],
    ['an rpc_ prefix, whose streams would capture another namespace’s requests', 'rpc_t1'],
  ])('refuses a namespace with %s', (_, root) => {
    expect(() => new BusNamespace(root)).toThrow(/bus namespace/);
  });

  it.each(['a', 'openday', 't0a1b2c3d4e', 'rpcx', 'a'.repeat(31)])('accepts %s', (root) => {
    expect(new BusNamespace(root).root).toBe(root);
  });
});
