import { NextResponse, type NextRequest } from "next/server";

// Only two jobs: stamp every request with an id (log lines and audit rows carry it), and send
// visitors without a session cookie to the sign-in page. It never authorises anything: every
// page, action and route checks the session row itself (CVE-2025-29927 is why).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PREFIXES = ["/login", "/api/", "/_next/", "/favicon"];

export function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
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
