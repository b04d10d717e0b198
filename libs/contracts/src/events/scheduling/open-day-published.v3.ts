import { defineEvent } from '../../event-contract';
import { OpenDayPublishedV2, sessionsSchema, type PublishedSessionV2 } from './open-day-published.v2';

export interface PublishedSessionV3 extends PublishedSessionV2 {
  /** Media admitted on top of the capacity (the plan's media come outside the quota); 0 when none. */
  mediaPlaces: number;
}

export const mediaPlacesSchema = { type: 'integer', minimum: 0, maximum: 50 };

/** A session with its media places: `required` says whether an event must carry them. */
export function sessionsWithMediaPlacesSchema(mediaPlaces: 'required' | 'optional') {
  const { items } = sessionsSchema;
  return {
    ...sessionsSchema,
    items: {
      ...items,
      required: mediaPlaces === 'required' ? [...items.required, 'mediaPlaces'] : items.required,
      properties: { ...items.properties, mediaPlaces: mediaPlacesSchema },
    },
  };
}

/**
 * v2 with each session's media places, which the plan now sets per session (they were one
 * service-wide vetting setting). A new version because v2's session schema is closed
 * (additionalProperties false): media places in v2 would make its strict subscribers refuse it.
 * Publication emits v3 beside v2 and v1; subscribers that do not need media places stay on v2.
 */
export class OpenDayPublishedV3 extends OpenDayPublishedV2 {
  declare sessions: PublishedSessionV3[];

  static override readonly contract = defineEvent<OpenDayPublishedV3>({
    ...OpenDayPublishedV2.contract.definition,
    version: 3,
    summary: 'An approved plan is published as an open day, with sessions and their media places, quotas, eligibility and the registration window.',
    schema: {
      ...OpenDayPublishedV2.contract.definition.schema,
      properties: { ...(OpenDayPublishedV2.contract.definition.schema.properties as Record<string, object>), sessions: sessionsWithMediaPlacesSchema('required') },
    },
    example: {
      ...OpenDayPublishedV2.contract.definition.example,
      sessions: OpenDayPublishedV2.contract.definition.example.sessions.map((session) => ({ ...session, mediaPlaces: 3 })),
    },
  });
}

/** The v2 event of the same publication, for subscribers of v2. */
export function publishedV2Of(v3: OpenDayPublishedV3): OpenDayPublishedV2 {
  return { ...v3, sessions: v3.sessions.map(({ mediaPlaces: _mediaPlaces, ...session }) => session) };
}
