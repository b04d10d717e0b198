/** The lottery check, filled in from a session's published draw: the drawn order is also the set of entries. */
export function lotteryCheckLink(openDayId: string, draw: { seed: string; drawnOrder: readonly string[] }): string {
  const query = new URLSearchParams({ openDayId, seed: draw.seed, order: draw.drawnOrder.join(',') });
  return `/lottery-verification?${query.toString()}`;
}
