import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changedPaths, firstProblem, inFormOrder, problemsByField, standingProblems, type FieldProblem } from './field-problems';
import type { ProblemAt } from './PlanFormParts';

const PLAN_RULES = ['plans'] as const;

/**
 * The form's problems: the browser's rules (live once the person first tried to send) and the
 * server's answer (kept until the field it names changes), each said under its field, in the
 * words of the first console area of `ruleAreas` whose `rules` have the rule.
 */
export function useProblems(check: () => FieldProblem[], ruleAreas: readonly string[] = PLAN_RULES) {
  const { t, i18n } = useTranslation();
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<FieldProblem[]>([]);
  const own = attempted ? check() : [];
  const all = inFormOrder([...own, ...server.filter((problem) => !own.some((o) => o.field === problem.field))]);

  const say = useCallback(
    (problem: FieldProblem) => {
      const key = ruleAreas.map((area) => `console.${area}.rules.${problem.rule}`).find((candidate) => i18n.exists(candidate));
      if (key) return t(key);
      return problem.message ?? t('console.plans.rules.unknown');
    },
    [t, i18n, ruleAreas],
  );
  const byField = problemsByField(all, say);
  const at: ProblemAt = (...fields) => {
    const message = firstProblem(byField, fields);
    return message === undefined ? {} : { validateStatus: 'error', help: message };
  };

  return {
    problems: all,
    say,
    at,
    /** Checks before sending: true when the browser finds nothing wrong. */
    attempt: () => {
      setAttempted(true);
      setServer([]);
      return check().length === 0;
    },
    /** The server's field problems, from its RFC 9457 answer. */
    fromServer: (errors: readonly FieldProblem[] | undefined) => setServer([...(errors ?? [])]),
    /** antd's onValuesChange: the server's problems on what changed no longer stand. */
    onValuesChange: (changed: unknown) => setServer((current) => standingProblems(current, changedPaths(changed))),
  };
}

/** Brings the first field marked wrong into view once the marks are drawn (a long form hides most of them). */
export function showFirstProblem(): void {
  requestAnimationFrame(() => {
    const item = document.querySelector('.plans-form .ant-form-item-has-error');
    item?.scrollIntoView({ block: 'center' });
    item?.querySelector<HTMLElement>('input, textarea, [role="combobox"]')?.focus({ preventScroll: true });
  });
}
