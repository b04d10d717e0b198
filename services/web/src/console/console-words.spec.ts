import { describeWords, wordKeys } from '../i18n/words-check';

describeWords('console', __dirname);

describe('the console words built from values', () => {
  const zh = wordKeys('console', 'zh-CN');
  const en = wordKeys('console', 'en');

  it.each([
    ...['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler'].map((role) => `roles.${role}`),
    ...['wrongLast4', 'alreadyCheckedIn', 'alreadyCheckedInAt', 'revoked', 'notNow', 'notNowWindow', 'unknownTicket', 'invalidInput'].map((key) => `checkIn.refusal.${key}`),
    ...['denied', 'no-camera', 'in-use', 'insecure', 'unsupported', 'failed'].map((key) => `checkIn.camera.${key}`),
    ...['empty', 'code-length', 'code-lookalike', 'not-our-qr'].map((key) => `checkIn.codeProblem.${key}`),
    ...['empty', 'shape'].map((key) => `checkIn.last4Problem.${key}`),
    ...['required', 'too-long'].map((key) => `checkIn.revoke.problem.${key}`),
    ...['todo', 'checkIn', 'filing', 'deptFeedback', 'plans', 'selection', 'jointReview', 'statistics', 'feedback', 'survey', 'calendar', 'flagged', 'report', 'auditLog', 'deliveries', 'accounts', 'agencies'].map((key) => `menu.${key}`),
    ...['public-service', 'policy', 'infrastructure', 'environment', 'safety', 'transparency', 'event-organisation', 'other'].map((topic) => `deptFeedback.topics.${topic}`),
    ...['solved', 'will-be-solved', 'explained', 'not-our-remit'].flatMap((o) => [`deptFeedback.outcomes.${o}.label`, `deptFeedback.outcomes.${o}.explain`]),
    ...['outcome.required', 'answer.required', 'answer.too-long', 'promisedBy.required', 'promisedBy.date', 'promisedBy.past', 'passedTo.required', 'passedTo.too-long'].map((p) => `deptFeedback.problems.${p}`),
    ...['first-come', 'lottery', 'selection-group'].map((mode) => `filing.modes.${mode}`),
    ...['ordinary-citizen', 'congress-deputy', 'cppcc-member', 'party-member', 'village-cadre', 'enterprise', 'media', 'other'].map((c) => `filing.categories.${c}`),
    ...['created', 'edited', 'submitted', 'returned', 'approved', 'published', 'changed', 'cancelled'].map((a) => `filing.actions.${a}`),
    ...['approve', 'return'].map((d) => `filing.decided.${d}`),
    ...['required', 'too-long'].map((p) => `filing.commentProblem.${p}`),
    ...['issued', 'checked-in', 'no-show', 'revoked'].map((status) => `checkIn.status.${status}`),
    ...['todo', 'chase', 'done'].flatMap((bucket) => [`todo.tabs.${bucket}`, `todo.empty.${bucket}`]),
    ...['none', 'today', 'left', 'overdue'].map((key) => `todo.timeLeft.${key}`),
    ...['filing-lead', 'publication', 'answer-applicants', 'feedback-due', 'calendar-year'].map((rule) => `todo.rules.${rule}`),
    ...[
      'filing-review',
      'plan-filed',
      'calendar-year',
      'flagged-application',
      'plan-to-submit',
      'plan-returned',
      'plan-submitted',
      'plan-late',
      'applicants-to-answer',
      'feedback-to-answer',
      'feedback-answered',
      'feedback-overdue',
    ].flatMap(
      (kind) => [`todo.kinds.${kind}`, `todo.about.${kind}`],
    ),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
