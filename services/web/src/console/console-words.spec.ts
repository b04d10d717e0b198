import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join(__dirname, '..', 'i18n', 'locales');
const words = (language: string) => JSON.parse(readFileSync(join(LOCALES, `console.${language}.json`), 'utf8')) as Record<string, unknown>;

/** Every leaf key, dotted, with i18next's plural suffixes folded (Chinese has one form, English two). */
function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/** The `console.…` keys the pages name literally (keys built from values are checked below). */
function literalKeysUsed(): string[] {
  const used = sourceFiles(__dirname).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'console\.([a-zA-Z0-9.-]+)'/g)].map((m) => m[1]));
  return [...new Set(used)].sort();
}

describe('the console words', () => {
  const zh = [...new Set(keysOf(words('zh-CN')))].sort();
  const en = [...new Set(keysOf(words('en')))].sort();

  it('say the same things in Chinese and English', () => {
    expect(en).toEqual(zh);
  });

  it.each(literalKeysUsed())('has %s in both languages', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });

  it.each([
    ...['city-office', 'agency-admin', 'agency-staff', 'reviewer', 'department-handler'].map((role) => `roles.${role}`),
    ...['wrongLast4', 'alreadyCheckedIn', 'alreadyCheckedInAt', 'revoked', 'notNow', 'notNowWindow', 'unknownTicket', 'invalidInput'].map((key) => `checkIn.refusal.${key}`),
    ...['denied', 'no-camera', 'in-use', 'insecure', 'unsupported', 'failed'].map((key) => `checkIn.camera.${key}`),
    ...['empty', 'code-length', 'code-lookalike', 'not-our-qr'].map((key) => `checkIn.codeProblem.${key}`),
    ...['empty', 'shape'].map((key) => `checkIn.last4Problem.${key}`),
    ...['todo', 'checkIn', 'filing', 'deptFeedback'].map((key) => `menu.${key}`),
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
    ...['filing-review', 'plan-filed', 'calendar-year', 'flagged-application', 'plan-to-submit', 'plan-returned', 'plan-submitted', 'feedback-to-answer', 'feedback-answered'].flatMap(
      (kind) => [`todo.kinds.${kind}`, `todo.about.${kind}`],
    ),
  ])('has the built key %s', (key) => {
    expect([zh.includes(key), en.includes(key)]).toEqual([true, true]);
  });
});
