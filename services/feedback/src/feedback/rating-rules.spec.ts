import { ratingRefusal, type RatingRefusal } from './rating-rules';

describe('ratingRefusal: an answer is rated once, after it is given', () => {
  it.each<{ item: string; status: string; rating: number | null; refusal: RatingRefusal | null }>([
    { item: 'collected, not yet assigned', status: 'collected', rating: null, refusal: 'not-answered' },
    { item: 'assigned, not yet answered', status: 'assigned', rating: null, refusal: 'not-answered' },
    { item: 'answered, not yet rated', status: 'answered', rating: null, refusal: null },
    { item: 'answered and rated 4', status: 'answered', rating: 4, refusal: 'already-rated' },
    { item: 'answered and rated 1 (the lowest still counts)', status: 'answered', rating: 1, refusal: 'already-rated' },
  ])('$item → $refusal', ({ status, rating, refusal }) => {
    expect(ratingRefusal({ status, rating })).toBe(refusal);
  });
});
