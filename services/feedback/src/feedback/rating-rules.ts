/** Why an answer cannot be rated now, or null when it can. */
export type RatingRefusal = 'not-answered' | 'already-rated';

/** The representative rates the answer (反馈) once, after it is given. */
export function ratingRefusal(item: { status: string; rating: number | null }): RatingRefusal | null {
  if (item.status !== 'answered') return 'not-answered';
  if (item.rating !== null) return 'already-rated';
  return null;
}
