import { STATUS_CODES } from 'node:http';
import { PROBLEM_TYPE_BASE, problemCatalogue, problemCodeOf, problemEntry } from './problem-catalogue';

describe('the problem catalogue', () => {
  const catalogue = problemCatalogue();

  it('names every refusal in kebab-case and gives each type URI once', () => {
    for (const { code } of catalogue) expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    const typed = catalogue.filter((entry) => entry.type !== 'about:blank').map((entry) => entry.type);
    expect(new Set(typed).size).toBe(typed.length);
  });

  it('answers a generic problem with about:blank and the status phrase as its title (RFC 9457)', () => {
    for (const entry of catalogue.filter((e) => e.type === 'about:blank')) {
      expect({ code: entry.code, title: entry.title }).toEqual({ code: entry.code, title: STATUS_CODES[entry.status] });
    }
  });

  it.each([
    ['duplicate-application', { type: `${PROBLEM_TYPE_BASE}duplicate-application`, status: 409, title: 'Already applied' }],
    ['filing-late', { type: 'https://openday.example/problems/filing-late', status: 422, title: 'Filed too late' }],
    ['not-found', { type: 'about:blank', status: 404, title: 'Not Found' }],
  ] as const)('%s', (code, expected) => {
    expect(problemEntry(code)).toEqual({ code, ...expected });
  });

  it.each([
    ['https://openday.example/problems/registration-closed', 'registration-closed'],
    ['https://openday.gov.cn/problems/ticket-revoked', 'ticket-revoked'],
    ['https://openday.example/problems/something-new', undefined],
    ['https://openday.example/problems/not-found', undefined],
    ['about:blank', undefined],
  ])('reads the code of %s', (type, code) => {
    expect(problemCodeOf(type)).toBe(code);
  });
});
