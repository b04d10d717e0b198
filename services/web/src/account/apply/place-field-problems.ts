/** One failed rule on one field, as the gateway's problem+json names it (`members[1].idNumber`). */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** Where the form shows a problem: a control's path, or '' for the top of the form. */
export type PlacedProblems = Record<string, FieldProblem[]>;

/**
 * Places each server problem next to the control it is about. The form's
 * controls carry the request body's paths, so most land on their own control;
 * the consent is one tick for everyone, so any person's `privacyConsent` lands
 * there; a path with no control of its own (an unknown property on a member)
 * climbs to the nearest enclosing control, else to the top of the form.
 */
export function placeFieldProblems(problems: readonly FieldProblem[], controls: ReadonlySet<string>): PlacedProblems {
  const placed: PlacedProblems = {};
  for (const problem of problems) {
    const where = controlFor(problem.field, controls);
    (placed[where] ??= []).push(problem);
  }
  return placed;
}

function controlFor(field: string, controls: ReadonlySet<string>): string {
  if (/(^|\.)privacyConsent$/.test(field) && controls.has('privacyConsent')) return 'privacyConsent';
  for (let path = field; path; path = parentOf(path)) {
    if (controls.has(path)) return path;
  }
  return '';
}

/** `members[1].idNumber` → `members[1]` → `members` → ''. */
function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
