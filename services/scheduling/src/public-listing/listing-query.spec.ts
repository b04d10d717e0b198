import { likePattern, listingConditions } from './listing-query';

describe('listing conditions', () => {
  const now = new Date('2026-09-29T01:00:00Z');

  it('lists only published open days when nothing is asked', () => {
    expect(listingConditions({}, now)).toEqual({ where: `d.status = 'published'`, params: [] });
  });

  it('numbers one parameter per value, never splicing values into the SQL', () => {
    const { where, params } = listingConditions(
      { agencyId: 'water', from: '2026-10-01', to: '2026-10-31', form: 'forum', district: 'gulou', openNow: true, q: "水'; drop table" },
      now,
    );
    expect(params).toEqual(['water', '2026-10-01', '2026-10-31', 'forum', 'gulou', now, "%水'; drop table%", "水'; drop table"]);
    expect(where).not.toContain('drop');
    expect(where.match(/\$\d+/g)).toEqual(['$1', '$2', '$3', '$4', '$5', '$6', '$6', '$7', '$8']);
  });

  it.each([
    ['自来水', '%自来水%'],
    ['100%', '%100\\%%'],
    ['a_b\\c', '%a\\_b\\\\c%'],
  ])('searches %s as the pattern %s', (text, pattern) => {
    expect(likePattern(text)).toBe(pattern);
  });
});
