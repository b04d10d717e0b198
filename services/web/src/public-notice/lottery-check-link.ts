/** What the check page needs of a session's published draw; recipe 2 adds the commitment, secret and entry-list hash. */
export interface PublishedDrawLink {
  seed: string;
  drawnOrder: readonly string[];
  commitment?: string | null;
  secret?: string | null;
  entryListHash?: string | null;
}

/** The lottery check, filled in from a session's published draw: the drawn order is also the set of entries. */
export function lotteryCheckLink(openDayId: string, draw: PublishedDrawLink): string {
  const query = new URLSearchParams({ openDayId });
  if (draw.commitment) query.set('commitment', draw.commitment);
  if (draw.secret) query.set('secret', draw.secret);
  if (draw.entryListHash) query.set('entryListHash', draw.entryListHash);
  query.set('seed', draw.seed);
  query.set('order', draw.drawnOrder.join(','));
  return `/lottery-verification?${query.toString()}`;
}
