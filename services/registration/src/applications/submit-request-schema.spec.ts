import { randomUUID } from 'node:crypto';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { ProblemException } from '@openday/platform';
import { ApplicationsRpcController } from './applications.rpc.controller';
import { checkSubmitRequest } from './submit-request-schema';

const person = { name: '张小三', idNumber: '11010519491231002X', mobile: '13812345678', category: 'ordinary-citizen', district: 'gulou', privacyConsent: true };
const request = (application: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  actor: { userId: randomUUID(), role: 'citizen' },
  openDayId: randomUUID(),
  application,
  ...more,
});

function refusal(payload: unknown): Array<{ field: string; rule: string }> {
  try {
    checkSubmitRequest(payload);
  } catch (err) {
    if (!(err instanceof ProblemException)) throw err;
    expect(err.getStatus()).toBe(400);
    return (err.problem.errors ?? []).map(({ field, rule }) => ({ field, rule }));
  }
  throw new Error('expected the payload to be refused');
}

describe('checkSubmitRequest', () => {
  it.each([
    ['self', { channel: 'self', applicant: person }],
    ['self with session, e-mail and language', { channel: 'self', sessionId: randomUUID(), applicant: { ...person, email: 'a@example.cn', language: 'en' } }],
    ['organisation', { channel: 'organisation', recommendingOrganisation: '鼓楼区人大常委会', applicant: person }],
    ['group', { channel: 'group', unit: { name: '某单位', creditCode: '91350100M000100Y43' }, members: [person, person] }],
  ])('takes a %s application as it is', (_, application) => {
    const payload = request(application, { idempotencyKey: 'key-1' });
    expect(checkSubmitRequest(payload)).toBe(payload);
  });

  it.each([
    ['an unknown property', request({ channel: 'self', applicant: { ...person, nickname: 'x' } }), { field: 'application.applicant.nickname', rule: 'additionalProperties' }],
    ['a missing applicant', request({ channel: 'self' }), { field: 'application.applicant', rule: 'required' }],
    ['members on a self application', request({ channel: 'self', applicant: person, members: [person] }), { field: 'application.members', rule: 'channelField' }],
    ['an organisation without its name', request({ channel: 'organisation', applicant: person }), { field: 'application.recommendingOrganisation', rule: 'required' }],
    ['an applicant on a group', request({ channel: 'group', unit: { name: 'u', creditCode: 'c' }, members: [person], applicant: person }), { field: 'application.applicant', rule: 'channelField' }],
    ['an empty group', request({ channel: 'group', unit: { name: 'u', creditCode: 'c' }, members: [] }), { field: 'application.members', rule: 'minItems' }],
    ['a member with a name too long', request({ channel: 'group', unit: { name: 'u', creditCode: 'c' }, members: [person, { ...person, name: '张'.repeat(51) }] }), { field: 'application.members[1].name', rule: 'maxLength' }],
    ['an unknown category', request({ channel: 'self', applicant: { ...person, category: 'vip' } }), { field: 'application.applicant.category', rule: 'enum' }],
    ['a malformed e-mail', request({ channel: 'self', applicant: { ...person, email: 'not-mail' } }), { field: 'application.applicant.email', rule: 'format' }],
    ['an unknown channel', request({ channel: 'fax', applicant: person }), { field: 'application.channel', rule: 'enum' }],
    ['an open day that is not a UUID', { ...request({ channel: 'self', applicant: person }), openDayId: 'od-1' }, { field: 'openDayId', rule: 'format' }],
    ['an actor with an unknown role', { ...request({ channel: 'self', applicant: person }), actor: { userId: randomUUID(), role: 'root' } }, { field: 'actor.role', rule: 'enum' }],
    ['a number for a name', request({ channel: 'self', applicant: { ...person, name: 42 } }), { field: 'application.applicant.name', rule: 'type' }],
    ['an empty Idempotency-Key', request({ channel: 'self', applicant: person }, { idempotencyKey: '' }), { field: 'idempotencyKey', rule: 'minLength' }],
  ])('refuses %s, naming the field and rule', (_, payload, expected) => {
    expect(refusal(payload)).toContainEqual(expected);
  });

  it('refuses what is not an object at all', () => {
    expect(refusal('submit')).toEqual([{ field: '(payload)', rule: 'type' }]);
  });
});

describe('the submit operation', () => {
  /** What Nest hands the handler as its request: the custom parameter decorator's value for this RPC payload. */
  function payloadAsHandled(payload: unknown): unknown {
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, ApplicationsRpcController, 'submit') as Record<string, { factory: (data: unknown, ctx: unknown) => unknown }>;
    const [param] = Object.values(args);
    const context = new ExecutionContextHost([payload, {}]);
    context.setType('rpc');
    return param.factory(undefined, context);
  }

  it('takes its payload through the schema, refusing a malformed one with the fields and rules', () => {
    const payload = request({ channel: 'self', applicant: person });
    expect(payloadAsHandled(payload)).toBe(payload);
    expect(() => payloadAsHandled(request({ channel: 'self', applicant: { ...person, extra: 1 } }))).toThrow(ProblemException);
  });
});
