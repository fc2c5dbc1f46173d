import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import { sessionStillValid } from "@/lib/auth/sessions";
import { can } from "@/lib/auth/permissions";
import { jurisdictionOf } from "@/lib/auth/jurisdiction";
import { recordDenial } from "@/lib/audit/record-audit";
import { liveChangesListening, subscribeToLiveChanges, type LiveChange } from "@/lib/server/realtime/live-changes";
import { concerns, isLiveTopic, LIVE_TOPICS, type LiveTopic } from "@/lib/realtime/live-scope";

// Server-sent events for live pages: "something your page shows changed, refresh". An event
// carries no record data: the browser re-reads the page through the ordinary, authorised server
// rendering, so this stream can never leak what the reader may not see. A page names the topics
// it follows (?topics=alert); the actor's permission admits each topic and its jurisdiction
// picks the changes that concern it.

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

const TopicsSchema = z
  .string()
  .max(200)
  .transform((s) => [...new Set(s.split(",").filter(Boolean))])
  .pipe(z.array(z.string().refine(isLiveTopic)).min(1).max(Object.keys(LIVE_TOPICS).length));

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return plain(401, "Unauthorized");
  const parsed = TopicsSchema.safeParse(new URL(request.url).searchParams.get("topics") ?? "");
  if (!parsed.success) return plain(400, "Bad topics");
  const topics = parsed.data as LiveTopic[];
  const refused = topics.find((topic) => !can(actor, LIVE_TOPICS[topic]));
  if (refused) {
    await recordDenial(actor, { action: LIVE_TOPICS[refused], entityType: "live", entityId: refused, details: { reason: "role" } });
    return plain(403, "Forbidden");
  }
  const jurisdiction = jurisdictionOf(actor);
  const { sessionId } = actor;

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
      const unsubscribe = subscribeToLiveChanges((change: LiveChange) => {
        if (change.kind === "resync") send(`event: changed\ndata: {"resync":true}\n\n`);
        else if ((topics as string[]).includes(change.topic) && concerns(change, jurisdiction, actor.userId)) {
          send(`event: changed\ndata: ${JSON.stringify({ topic: change.topic })}\n\n`);
        }
      });
      // The heartbeat keeps proxies from closing an idle stream, and re-checks the session
      // (without counting as activity) so that signing out, being deactivated or going idle
      // ends the stream within one beat.
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
      // The browser reconnects by itself after 3 s if the stream drops. "ready" (the page is live)
      // only once the LISTEN is in place: until then a change would not reach this stream.
      void liveChangesListening().then(() => send(`retry: 3000\nevent: ready\ndata: {}\n\n`));
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
