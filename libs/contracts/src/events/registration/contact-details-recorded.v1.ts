import { defineEvent } from '../../event-contract';
import { dateTime, uuid } from '../vetting/common';

export const MESSAGE_LANGUAGES = ['zh-CN', 'en'] as const;
/** The language a citizen reads their messages in; Chinese unless they chose English. */
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * How to reach one person of an application: the notification service keeps it
 * (encrypted) to send every message about them. INTERNAL: it carries the name,
 * mobile number and e-mail address. Emitted with application-submitted, one per person.
 */
export class ContactDetailsRecordedV1 {
  applicationId: string;
  personId: string;
  openDayId: string;
  /** The citizen account that submitted the application: its in-app inbox receives the messages. */
  applicantUserId: string;
  name: string;
  /** Normalised mainland mobile, 11 digits. */
  mobile: string;
  email: string | null;
  language: MessageLanguage;
  recordedAt: string;

  static readonly contract = defineEvent<ContactDetailsRecordedV1>({
    service: 'registration',
    name: 'contact-details-recorded',
    version: 1,
    visibility: 'internal',
    sensitive: true,
    summary: "How to reach a person who applied (name, mobile, optional e-mail, language); for the notification service only.",
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['applicationId', 'personId', 'openDayId', 'applicantUserId', 'name', 'mobile', 'email', 'language', 'recordedAt'],
      properties: {
        applicationId: uuid,
        personId: uuid,
        openDayId: uuid,
        applicantUserId: uuid,
        name: { type: 'string', minLength: 1, maxLength: 50 },
        mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
        email: { type: ['string', 'null'], format: 'email', maxLength: 254 },
        language: { enum: [...MESSAGE_LANGUAGES] },
        recordedAt: dateTime,
      },
    },
    example: {
      applicationId: '3d6f0a52-8c1e-4b7a-9f41-2e5d7c9b1a08',
      personId: '8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d',
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      applicantUserId: '0f7b1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d',
      name: '张三',
      mobile: '13800138000',
      email: 'zhangsan@example.cn',
      language: 'zh-CN',
      recordedAt: '2026-11-21T01:30:00.000Z',
    },
  });
}
