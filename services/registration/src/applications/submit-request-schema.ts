/**
 * The submit request's shape as a JSON Schema, compiled once. The gateway has validated the body
 * with the contract's class-validator DTO before it asks; running class-transformer and
 * class-validator again here cost registration ≈ 12 % of its time under load (bench:intake's
 * profile), for nothing the gateway had not checked. Registration still refuses a malformed
 * payload with a problem naming each field and rule, whoever sends it: this schema checks types,
 * lengths, enumerations, unknown properties and which fields belong to which channel (as
 * ApplicationInput's decorators do); the content rules (resident ID, mobile, credit code, blank
 * text, privacy consent, eligibility) are registration's own, in application-rules.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { APPLICANT_CATEGORIES, APPLICATION_CHANNELS, MAX_GROUP_MEMBERS, MESSAGE_LANGUAGES, ROLES, type SubmitApplicationRequest } from '@openday/contracts';
import { PERSON_NAME_MAX_LENGTH } from '@openday/domain';
import { problem, type FieldProblem } from '@openday/platform';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const uuid = { type: 'string', format: 'uuid' };

const applicant = {
  type: 'object',
  required: ['name', 'idNumber', 'mobile', 'category', 'district', 'privacyConsent'],
  additionalProperties: false,
  properties: {
    name: text(PERSON_NAME_MAX_LENGTH),
    // Checked as resident ID and mobile by application-rules; bounded here.
    idNumber: text(32),
    mobile: text(32),
    category: { type: 'string', enum: [...APPLICANT_CATEGORIES] },
    district: text(64),
    email: { type: 'string', maxLength: 254, format: 'email' },
    language: { type: 'string', enum: [...MESSAGE_LANGUAGES] },
    privacyConsent: { type: 'boolean' },
  },
};

/** A channel's own fields: required there, refused on the other channels. */
const CHANNEL_FIELDS = { self: ['applicant'], organisation: ['applicant', 'recommendingOrganisation'], group: ['unit', 'members'] } as const;
const ALL_CHANNEL_FIELDS = ['applicant', 'recommendingOrganisation', 'unit', 'members'] as const;

const application = {
  type: 'object',
  required: ['channel'],
  additionalProperties: false,
  properties: {
    channel: { type: 'string', enum: [...APPLICATION_CHANNELS] },
    sessionId: uuid,
    applicant,
    recommendingOrganisation: text(100),
    unit: { type: 'object', required: ['name', 'creditCode'], additionalProperties: false, properties: { name: text(100), creditCode: text(32) } },
    members: { type: 'array', minItems: 1, maxItems: MAX_GROUP_MEMBERS, items: applicant },
  },
  allOf: Object.entries(CHANNEL_FIELDS).map(([channel, fields]) => ({
    if: { type: 'object', properties: { channel: { const: channel } } },
    then: {
      required: [...fields],
      properties: Object.fromEntries(ALL_CHANNEL_FIELDS.filter((f) => !(fields as readonly string[]).includes(f)).map((f) => [f, false])),
    },
  })),
};

const submitRequest = {
  type: 'object',
  required: ['actor', 'openDayId', 'application'],
  additionalProperties: false,
  properties: {
    actor: {
      type: 'object',
      required: ['userId', 'role'],
      additionalProperties: false,
      properties: { userId: uuid, role: { type: 'string', enum: [...ROLES] }, agencyId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,63}$' } },
    },
    openDayId: uuid,
    application,
    idempotencyKey: text(200),
  },
};

const ajv = new Ajv({ allErrors: true });
addFormats(ajv, ['uuid', 'email']);
const validate = ajv.compile<SubmitApplicationRequest>(submitRequest);

/** The payload when it has the submit request's shape; otherwise an invalid-input problem naming each field and rule. */
export function checkSubmitRequest(payload: unknown): SubmitApplicationRequest {
  if (validate(payload)) return payload;
  throw problem('invalid-input', { detail: 'The request has invalid fields.', errors: (validate.errors ?? []).filter(reported).map(fieldProblem) });
}

/**
 * The submit request's payload, checked by the schema: the global ValidationPipe leaves a custom
 * parameter decorator's value alone (validateCustomDecorators is off), so class-validator does not run again.
 */
export const SubmitRequestPayload = createParamDecorator((_: unknown, context: ExecutionContext) => checkSubmitRequest(context.switchToRpc().getData()));

/** if/then wrappers only repeat what their inner errors say. */
function reported(error: ErrorObject): boolean {
  return error.keyword !== 'if';
}

function fieldProblem(error: ErrorObject): FieldProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const named = (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (error.params as { additionalProperty?: string }).additionalProperty;
  const field = [...path, ...(named ? [named] : [])].reduce((at, part) => (/^\d+$/.test(part) ? `${at}[${part}]` : at ? `${at}.${part}` : part), '');
  if (error.keyword === 'false schema') return { field, rule: 'channelField', message: `${field} is not for this application's channel` };
  return { field: field || '(payload)', rule: error.keyword, message: `${field || 'the payload'} ${error.message ?? 'is invalid'}` };
}
