/**
 * The WHERE clause of the public listing and calendar, built from the filters
 * as SQL with numbered parameters (never values spliced into the text).
 */
export interface ListingFilters {
  agencyId?: string;
  from?: string;
  to?: string;
  form?: string;
  district?: string;
  openNow?: boolean;
  q?: string;
}

export interface SqlCondition {
  where: string;
  params: unknown[];
}

/** LIKE treats % and _ as wildcards and \ as the escape; a search for "100%" means those characters. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listingConditions(filters: ListingFilters, now: Date, params: unknown[] = []): SqlCondition {
  const conditions = [`d.status = 'published'`];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.agencyId) conditions.push(`d.agency_id = ${param(filters.agencyId)}`);
  // An open day overlaps [from, to] when its first session is not after `to` and its last not before `from`.
  if (filters.from) conditions.push(`COALESCE(d.end_date, d.date) >= ${param(filters.from)}::date`);
  if (filters.to) conditions.push(`d.date <= ${param(filters.to)}::date`);
  if (filters.form) conditions.push(`d.forms @> ARRAY[${param(filters.form)}]::text[]`);
  // No districts listed: open to the whole city.
  if (filters.district) conditions.push(`(cardinality(d.districts) = 0 OR ${param(filters.district)} = ANY (d.districts))`);
  if (filters.openNow) {
    const at = param(now);
    conditions.push(`(d.registration_opens_at <= ${at} AND d.registration_closes_at > ${at})`);
  }
  if (filters.q) {
    // Substring match (served by the trigram GIN index for 3+ characters), or a close word match for a typo.
    const q = filters.q.trim();
    conditions.push(`(d.search_text ILIKE ${param(likePattern(q))} OR ${param(q)} <% d.search_text)`);
  }
  return { where: conditions.join(' AND '), params };
}
