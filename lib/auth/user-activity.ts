// Which requests are the user's own activity, for the idle timeout. A page loaded in the browser
// and a server action (a form submitted) are; a React Server Components fetch is not: that is a
// refresh pushed by a live page, a prefetch, or a client-side navigation — and the last of these
// follows a click, which the console's activity beacon (components/session/activity-beacon.tsx)
// reports by itself. So an open live page never keeps an abandoned session alive.
export function isUserActivity(headers: Pick<Headers, "get">): boolean {
  if (headers.get("next-action")) return true;
  return headers.get("rsc") !== "1";
}
