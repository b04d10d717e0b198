import { OVERALL_QUESTION_ID, type SurveyQuestionView } from '@openday/contracts';
import { parseFreeText, type FieldRefusal } from '@openday/domain';

/** Every open day's survey starts with this question; the agency's own follow it. */
export const OVERALL_QUESTION: SurveyQuestionView = {
  id: OVERALL_QUESTION_ID,
  kind: 'rating',
  prompt: '您对本次开放日活动的总体满意度（1-5 分） / Overall, how satisfied are you with this open day (1-5)?',
  required: true,
  options: null,
};

export const MAX_TEXT_ANSWER = 2000;

const problem = (field: string, rule: string, message: string): FieldRefusal => ({ field, rule, message });

/** The shape is checked by the DTO; these are the rules between fields and questions. */
export function validateQuestions(questions: ReadonlyArray<Omit<SurveyQuestionView, 'options'> & { options?: string[] | null }>): FieldRefusal[] {
  const problems: FieldRefusal[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const at = `questions[${index}]`;
    if (question.id === OVERALL_QUESTION_ID) problems.push(problem(`${at}.id`, 'reserved', `id ${OVERALL_QUESTION_ID} is the default question's`));
    else if (seen.has(question.id)) problems.push(problem(`${at}.id`, 'unique', `id ${question.id} is used by an earlier question`));
    seen.add(question.id);
    const choice = question.kind === 'single-choice' || question.kind === 'multiple-choice';
    const options = question.options ?? [];
    if (choice) {
      if (options.length < 2) problems.push(problem(`${at}.options`, 'minOptions', 'a choice question needs at least 2 options'));
      if (new Set(options.map((o) => o.trim())).size !== options.length) problems.push(problem(`${at}.options`, 'unique', 'options must be distinct'));
      if (options.some((o) => o.trim() === '')) problems.push(problem(`${at}.options`, 'notBlank', 'options must not be blank'));
    } else if (question.options !== undefined && question.options !== null) {
      problems.push(problem(`${at}.options`, 'noOptions', `a ${question.kind} question takes no options`));
    }
  });
  return problems;
}

export type AnswerValue = number | string | string[];

export interface ValidatedResponse {
  overallSatisfaction: number;
  /** By question id, in question order, only the answered ones. */
  answers: Record<string, AnswerValue>;
}

/**
 * Checks a response against the survey's questions (the default one included). Each problem
 * names the question (`answers.<questionId>`) and the rule; the response is kept only if none.
 */
export function validateAnswers(
  questions: readonly SurveyQuestionView[],
  given: ReadonlyArray<{ questionId: string; value: unknown }>,
): { problems: FieldRefusal[]; response?: ValidatedResponse } {
  const problems: FieldRefusal[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const values = new Map<string, unknown>();
  for (const answer of given) {
    const field = `answers.${answer.questionId}`;
    if (!byId.has(answer.questionId)) problems.push(problem(field, 'knownQuestion', `the survey has no question ${answer.questionId}`));
    else if (values.has(answer.questionId)) problems.push(problem(field, 'once', `question ${answer.questionId} is answered twice`));
    else values.set(answer.questionId, answer.value);
  }
  const answers: Record<string, AnswerValue> = {};
  for (const question of questions) {
    const field = `answers.${question.id}`;
    const value = values.get(question.id);
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '')) {
      if (question.required) problems.push(problem(field, 'required', `question ${question.id} must be answered`));
      continue;
    }
    const rule = checkValue(question, value);
    if (rule) problems.push(problem(field, rule.rule, rule.message));
    else answers[question.id] = storedValue(question, value);
  }
  if (problems.length > 0) return { problems };
  return { problems, response: { overallSatisfaction: answers[OVERALL_QUESTION_ID] as number, answers } };
}

/** A text answer as the free-text policy stores it (NFC, spaces and line ends tidied); options and numbers as sent. */
function storedValue(question: SurveyQuestionView, value: unknown): AnswerValue {
  if (question.kind === 'text') {
    const text = parseFreeText(value, { maxLength: MAX_TEXT_ANSWER, multiline: true });
    if (text.ok) return text.value;
  }
  return typeof value === 'string' ? value.trim() : (value as AnswerValue);
}

function checkValue(question: SurveyQuestionView, value: unknown): { rule: string; message: string } | undefined {
  const options = question.options ?? [];
  switch (question.kind) {
    case 'rating':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
        ? undefined
        : { rule: 'rating', message: `question ${question.id} takes a whole number from 1 to 5` };
    case 'single-choice':
      return typeof value === 'string' && options.includes(value)
        ? undefined
        : { rule: 'option', message: `question ${question.id} takes one of its options` };
    case 'multiple-choice':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && options.includes(v))) {
        return { rule: 'options', message: `question ${question.id} takes a list of its options` };
      }
      return new Set(value).size === value.length ? undefined : { rule: 'unique', message: `question ${question.id}: each option once` };
    case 'text': {
      const text = parseFreeText(value, { maxLength: MAX_TEXT_ANSWER, multiline: true });
      return text.ok ? undefined : { rule: 'text', message: `question ${question.id}: the answer ${text.message}` };
    }
  }
}
