// Which requests are the user's own activity, for the idle timeout. A page loaded in the browser
// and a server action (a form submitted) are; a background fetch is not: a refresh pushed by a
// live page, a prefetch, a live stream, or a client-side navigation — and the last of these
// follows a click, which the console's activity beacon (components/session/activity-beacon.tsx)
// reports by itself. So an open live page never keeps an abandoned session alive.
//
// The browser says what a request is for in Sec-Fetch-Dest ("document" for a page load, "empty"
// for fetch and EventSource). Next strips its own RSC header from what the page sees, so that
// header is only the fallback for clients that send no Sec-Fetch-Dest (scripts: counted as activity).
export function isUserActivity(headers: Pick<Headers, "get">): boolean {
  if (headers.get("next-action")) return true;
  const dest = headers.get("sec-fetch-dest");
  if (dest) return dest === "document" || dest === "iframe";
  return headers.get("rsc") !== "1";
}
