import type { SurveyQuestionView } from '../api/views';

/** What the citizen picked or wrote, by question id: a rating, an option, options, or a text. */
export type SurveyValues = Record<string, number | string | string[] | undefined>;

/** The answers to send (an unanswered optional question is left out) and the required ones still missing. */
export function surveyAnswers(questions: readonly SurveyQuestionView[], values: SurveyValues) {
  const answers: Array<{ questionId: string; value: number | string | string[] }> = [];
  const missing: string[] = [];
  for (const question of questions) {
    const value = answered(values[question.id]);
    if (value !== undefined) answers.push({ questionId: question.id, value });
    else if (question.required) missing.push(question.id);
  }
  return { answers, missing };
}

function answered(value: SurveyValues[string]): number | string | string[] | undefined {
  if (typeof value === 'string') return value.trim() ? value.trim() : undefined;
  if (Array.isArray(value)) return value.length > 0 ? value : undefined;
  return value;
}
