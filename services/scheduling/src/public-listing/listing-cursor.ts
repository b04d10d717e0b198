/** Opaque keyset cursor of the public listing (soonest first): the (date, id) of the last open day on the previous page. */
export interface ListingCursor {
  date: string;
  id: string;
}

export function encodeListingCursor(cursor: ListingCursor): string {
  return Buffer.from(JSON.stringify([cursor.date, cursor.id])).toString('base64url');
}

export function decodeListingCursor(text: string): ListingCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      const [date, id] = value as [string, string];
      if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^[0-9a-f-]{36}$/i.test(id)) return { date, id };
    }
  } catch {
    // Falls through: the caller reports a cursor it cannot read.
  }
  return undefined;
}
