import { planOf, type OpenDayRecord } from './records';

describe('planOf: the places of a session as selection plans them', () => {
  const openDay = {
    quotas: [
      { category: 'ordinary-citizen', places: 10 },
      { category: 'congress-deputy', places: 5 },
    ],
    minOrdinaryShare: 1 / 3,
    mediaOutsideQuota: true,
  } as OpenDayRecord;
  const DEPLOYMENT_MEDIA_PLACES = 5;

  it.each<{ session: string; mediaPlaces: number | null | undefined; expected: number }>([
    { session: 'published before plans set media places (v2, stored as null): the deployment’s', mediaPlaces: null, expected: 5 },
    { session: 'given without media places: the deployment’s', mediaPlaces: undefined, expected: 5 },
    { session: 'whose plan sets 3 media places: the plan’s', mediaPlaces: 3, expected: 3 },
    { session: 'whose plan sets none (0): none, not the deployment’s', mediaPlaces: 0, expected: 0 },
  ])('a session $session', ({ mediaPlaces, expected }) => {
    const plan = planOf(openDay, { capacity: 20, mediaPlaces }, DEPLOYMENT_MEDIA_PLACES);
    expect(plan.mediaPlacesOutsideQuota).toBe(expected);
  });

  it('takes the capacity from the session and the quotas, share and media rule from the open day', () => {
    expect(planOf(openDay, { capacity: 20, mediaPlaces: 2 }, DEPLOYMENT_MEDIA_PLACES)).toEqual({
      capacity: 20,
      quotas: openDay.quotas,
      minOrdinaryShare: 1 / 3,
      mediaOutsideQuota: true,
      mediaPlacesOutsideQuota: 2,
    });
  });
});
