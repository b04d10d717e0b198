import { allPages } from './all-pages';

function pages(count: number) {
  const asked: Array<string | undefined> = [];
  const fetchPage = async (cursor: string | undefined) => {
    asked.push(cursor);
    const index = cursor ? Number(cursor) : 0;
    return { items: [index], nextCursor: index + 1 < count ? String(index + 1) : null };
  };
  return { asked, fetchPage };
}

describe('allPages', () => {
  it.each([
    [1, 10, [0], true, [undefined]],
    [3, 10, [0, 1, 2], true, [undefined, '1', '2']],
    [5, 2, [0, 1], false, [undefined, '1']],
  ])('%i pages, at most %i read', async (count, max, items, complete, asked) => {
    const source = pages(count);
    await expect(allPages(source.fetchPage, max)).resolves.toEqual({ items, complete });
    expect(source.asked).toEqual(asked);
  });

  it('passes a failure on', async () => {
    await expect(allPages(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
  });
});
