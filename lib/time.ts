// Times are stored in UTC and shown in Asia/Shanghai (UTC+8 all year: China has no daylight
// saving time since 1991, so a fixed offset is exact for every time this console handles).
export const TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 60 * 60_000;

/** The UTC instant at which a Shanghai calendar day (YYYY-MM-DD) starts. */
export function shanghaiDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** The Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-11-21 09:05" in Shanghai time. */
export function formatShanghai(at: Date | string, withSeconds = false): string {
  const d = typeof at === "string" ? new Date(at) : at;
  const iso = new Date(d.getTime() + OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
}

/** The Shanghai calendar month of an instant, as YYYY-MM. */
export function shanghaiMonth(at: Date): string {
  return shanghaiDay(at).slice(0, 7);
}

/** The month `delta` months after a YYYY-MM month (negative: before). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The UTC instants a Shanghai calendar month (YYYY-MM) runs between: [start, end). */
export function shanghaiMonthRange(month: string): { start: Date; end: Date } {
  return { start: shanghaiDayStart(`${month}-01`), end: shanghaiDayStart(`${addMonths(month, 1)}-01`) };
}
