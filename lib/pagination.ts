// Keyset pagination: the cursor is the (time, id) of the last row shown, so page 500 costs the
// same as page 1 on millions of rows. Opaque to the client, validated on the way back in.
export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const [iso, id] = text.split("|");
  if (!iso || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : { at, id };
}
