import { currentCursor, FIRST_PAGE, nextPage, previousPage } from './cursor-pages';

describe('cursor pages', () => {
  it('starts without a cursor', () => {
    expect(currentCursor(FIRST_PAGE)).toBeUndefined();
  });

  it('goes forward with the cursor each page answered and back exactly', () => {
    const second = nextPage(FIRST_PAGE, 'c1');
    const third = nextPage(second, 'c2');
    expect([currentCursor(second), currentCursor(third)]).toEqual(['c1', 'c2']);
    expect(currentCursor(previousPage(third))).toBe('c1');
    expect(currentCursor(previousPage(previousPage(third)))).toBeUndefined();
  });

  it('stays on the last page', () => {
    const second = nextPage(FIRST_PAGE, 'c1');
    expect(nextPage(second, null)).toBe(second);
  });

  it('stays on the first page going back', () => {
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });

  it('forgets the pages after the one shown when it goes forward again', () => {
    const back = previousPage(nextPage(nextPage(FIRST_PAGE, 'c1'), 'c2'));
    expect(nextPage(back, 'c2b')).toEqual({ cursors: [undefined, 'c1', 'c2b'], page: 2 });
  });
});
