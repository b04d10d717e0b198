/**
 * The survey questions editor as plain functions: the agency's own questions after the overall
 * one, checked by the rules the feedback service enforces (services/feedback/src/surveys/survey-rules.ts
 * and the DTO), so the form says what is wrong before sending.
 */
import type { components } from '../../api/schema';

type SurveyQuestion = components['schemas']['SurveyDto']['questions'][number];
export type QuestionsBody = components['schemas']['SurveyQuestionsDoc'];
export type QuestionKind = SurveyQuestion['kind'];

export const KINDS: readonly QuestionKind[] = ['single-choice', 'multiple-choice', 'rating', 'text'];
export const OVERALL_ID = 'overall';
export const MAX_QUESTIONS = 30;
export const PROMPT_MAX = 500;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const OPTION_MAX = 200;

export interface QuestionDraft {
  /** Kept from the saved question; new ones get `q<n>` when sent. */
  id: string | null;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  /** Used by choice questions only. */
  options: string[];
}

export const isChoice = (kind: QuestionKind): boolean => kind === 'single-choice' || kind === 'multiple-choice';

/** The saved questions as drafts, the overall one left out (it is every survey's, never edited). */
export function draftsOf(questions: readonly SurveyQuestion[]): QuestionDraft[] {
  return questions
    .filter((q) => q.id !== OVERALL_ID)
    .map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, required: q.required, options: q.options ? [...q.options] : [] }));
}

/** A new question of a kind; a choice starts with two empty options to fill in. */
export function newQuestion(kind: QuestionKind): QuestionDraft {
  return { id: null, kind, prompt: '', required: false, options: isChoice(kind) ? ['', ''] : [] };
}

/** The list with the question at `index` moved by `by` places (nothing when it would leave the list). */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
}

export type QuestionProblem = 'prompt.required' | 'prompt.too-long' | 'options.min' | 'options.max' | 'options.blank' | 'options.unique' | 'options.too-long';

export type QuestionsCheck = { ok: true; body: QuestionsBody } | { ok: false; tooMany: boolean; problems: Record<number, QuestionProblem[]> };

/**
 * The body of PUT …/survey/questions, or each question's problems by its place: a prompt of
 * 1-500 characters; a choice 2-20 distinct, non-blank options of at most 200 characters; at most
 * 30 questions. Saved questions keep their id; new ones take the first free `q<n>`.
 */
export function questionsBody(drafts: readonly QuestionDraft[]): QuestionsCheck {
  const problems: Record<number, QuestionProblem[]> = {};
  drafts.forEach((draft, index) => {
    const found: QuestionProblem[] = [];
    const prompt = draft.prompt.trim();
    if (prompt === '') found.push('prompt.required');
    else if (prompt.length > PROMPT_MAX) found.push('prompt.too-long');
    if (isChoice(draft.kind)) {
      const options = draft.options.map((o) => o.trim());
      if (options.some((o) => o === '')) found.push('options.blank');
      if (options.some((o) => o.length > OPTION_MAX)) found.push('options.too-long');
      const filled = options.filter((o) => o !== '');
      if (options.length < MIN_OPTIONS) found.push('options.min');
      if (options.length > MAX_OPTIONS) found.push('options.max');
      if (new Set(filled).size !== filled.length) found.push('options.unique');
    }
    if (found.length > 0) problems[index] = found;
  });
  const tooMany = drafts.length > MAX_QUESTIONS;
  if (tooMany || Object.keys(problems).length > 0) return { ok: false, tooMany, problems };

  const taken = new Set(drafts.flatMap((d) => (d.id ? [d.id] : [])));
  let next = 1;
  const freshId = () => {
    while (taken.has(`q${next}`)) next += 1;
    taken.add(`q${next}`);
    return `q${next}`;
  };
  return {
    ok: true,
    body: {
      questions: drafts.map((draft) => ({
        id: draft.id ?? freshId(),
        kind: draft.kind,
        prompt: draft.prompt.trim(),
        required: draft.required,
        ...(isChoice(draft.kind) ? { options: draft.options.map((o) => o.trim()) } : {}),
      })),
    },
  };
}

/** Whether the drafts say something other than the saved questions (to warn before leaving them). */
export function changed(drafts: readonly QuestionDraft[], saved: readonly SurveyQuestion[]): boolean {
  return JSON.stringify(drafts) !== JSON.stringify(draftsOf(saved));
}
