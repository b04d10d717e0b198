/** Opaque keyset cursor: the (date, id) of the last item on the previous page. */
export interface OpenDayCursor {
  date: string;
  id: string;
}

export function encodeCursor(cursor: OpenDayCursor): string {
  return Buffer.from(JSON.stringify([cursor.date, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): OpenDayCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      const [date, id] = value as [string, string];
      if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^[0-9a-f-]{36}$/i.test(id)) return { date, id };
    }
  } catch {
    // Falls through: a cursor that cannot be read is reported by the caller.
  }
  return undefined;
}
