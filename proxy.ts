import { NextResponse, type NextRequest } from "next/server";

// Three jobs: stamp every request with an id (log lines and audit rows carry it), refuse a server
// action posted from another site (403, before Next's own check turns it into a 500), and send
// visitors without a session cookie to the sign-in page. It never authorises anything: every
// page, action and route checks the session row itself (CVE-2025-29927 is why).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// The web app manifest and its icons are fetched by the browser without cookies (add to home screen).
const PUBLIC_PREFIXES = ["/login", "/api/", "/_next/", "/favicon", "/manifest.webmanifest", "/icons/", "/icon.png", "/apple-icon.png"];

/**
 * A server action (a POST carrying `Next-Action`) whose Origin names another host than the one it
 * was sent to: a cross-site request. Browsers always send Origin on such a POST; a request without
 * one is left to Next, which accepts same-origin posts from old clients.
 */
export function isCrossOriginAction(request: Pick<NextRequest, "method" | "headers">): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  if (isCrossOriginAction(request)) {
    return new NextResponse("Forbidden: cross-origin request", { status: 403, headers: { "x-request-id": requestId, "content-type": "text/plain" } });
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);

  const { pathname } = request.nextUrl;
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    const response = NextResponse.redirect(url);
    response.headers.set("x-request-id", requestId);
    return response;
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // The machine API (/api/v1/…) is left out: for a matched request Next buffers the whole body
  // (up to 10 MiB) before the proxy runs, so a client that declares a large body and sends a few
  // bytes would hold the request open before the route's key check and size limit could answer.
  // The route stamps its own request id.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};
