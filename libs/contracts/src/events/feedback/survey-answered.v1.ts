import { defineEvent } from '../../event-contract';
import { dateTime, uuid } from './feedback-parts';

/** A checked-in representative answered the open day's satisfaction survey; the overall score feeds the counts. */
export class SurveyAnsweredV1 {
  surveyResponseId: string;
  openDayId: string;
  agencyId: string;
  /** The overall satisfaction question, 1-5. */
  overallSatisfaction: number;
  answeredAt: string;

  static readonly contract = defineEvent<SurveyAnsweredV1>({
    service: 'feedback',
    name: 'survey-answered',
    version: 1,
    visibility: 'public',
    summary: "A representative answered an open day's satisfaction survey.",
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['surveyResponseId', 'openDayId', 'agencyId', 'overallSatisfaction', 'answeredAt'],
      properties: {
        surveyResponseId: uuid,
        openDayId: uuid,
        agencyId: { type: 'string', minLength: 1, maxLength: 64 },
        overallSatisfaction: { type: 'integer', minimum: 1, maximum: 5 },
        answeredAt: dateTime,
      },
    },
    example: {
      surveyResponseId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a',
      openDayId: '6f1c2f8e-3b7a-4d1e-9a53-0c8f5b2d7e41',
      agencyId: 'water-affairs-bureau',
      overallSatisfaction: 5,
      answeredAt: '2026-11-29T03:40:00.000Z',
    },
  });
}
