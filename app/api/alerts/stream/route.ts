import { getActor } from "@/lib/auth/get-actor";
import { sessionStillValid } from "@/lib/auth/sessions";
import { can } from "@/lib/auth/permissions";
import { subscribeToAlertChanges, type AlertChange } from "@/lib/realtime/alert-changes";

// Server-sent events for the live triage queue: "something changed in your city's alerts, refresh".
// The event carries no alert data: the browser re-reads the page through the ordinary,
// authorised server rendering, so this stream can never leak what the reader may not see.

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!can(actor.role, "alert.watch")) return new Response("Forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
  const { cityId, sessionId } = actor;

  const encoder = new TextEncoder();
  let stop: () => void = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = subscribeToAlertChanges((change: AlertChange) => {
        if (change.op === "RESYNC" || change.cities.includes(cityId)) {
          send(`event: alert-changed\ndata: ${JSON.stringify({ op: change.op })}\n\n`);
        }
      });
      // The heartbeat keeps proxies from closing an idle stream, and re-checks the session so
      // that signing out or being deactivated ends the stream within one beat.
      const heartbeat = setInterval(() => {
        void (async () => {
          const still = sessionId ? await sessionStillValid(sessionId, new Date()).catch(() => false) : false;
          if (!still) stop();
          else send(`: heartbeat\n\n`);
        })();
      }, HEARTBEAT_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener("abort", stop);
      if (request.signal.aborted) stop();
      // The browser reconnects by itself after 3 s if the stream drops.
      send(`retry: 3000\nevent: ready\ndata: {}\n\n`);
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would buffer the events.
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
