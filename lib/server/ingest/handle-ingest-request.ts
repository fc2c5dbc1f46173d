import "server-only";
import { randomUUID } from "node:crypto";
import { problemResponse } from "@/lib/http/problem";
import { log } from "@/lib/log";
import { clientIp, runWithRequestContext } from "@/lib/request-context";
import { fieldErrors, IngestEnvelopeSchema, MAX_ALERTS_PER_REQUEST, MAX_INGEST_BODY_BYTES } from "@/lib/schemas/ingest";
import { isDatabaseUnavailable } from "@/lib/server/db-errors";
import { addressKey, consumeRateLimit } from "@/lib/server/rate-limit";
import { z } from "zod";
import { authenticateSource } from "./authenticate-source";
import { ingestAlerts } from "./ingest-alerts";
import { pgErrorCode } from "@/lib/server/db-errors";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** What a client should wait before resending when the database is down. */
const DATABASE_RETRY_AFTER_SECONDS = 30;

/**
 * POST /api/v1/alerts, from the raw Request to the Response. The order of the checks is the
 * order of their cost, and none of them waits for the body: the address's rate limit, the key
 * (one indexed lookup; a refusal is audited, up to a limit per address), the key's rate limit,
 * the content type, the declared and then the actual size (the body is read with a cap, never
 * buffered whole first), JSON, the envelope. Each refusal is an RFC 9457 problem document and
 * writes nothing but the DENIED audit row of a bad key. A database that cannot be reached is a
 * 503 with Retry-After; anything else unexpected is logged with the request id and answered with
 * a 500 problem that carries it.
 */
export async function handleIngestRequest(request: Request): Promise<Response> {
  const given = request.headers.get("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  const ip = clientIp(request.headers);
  return runWithRequestContext({ requestId, ip }, async () => {
    try {
      const response = await handle(request, requestId, ip);
      response.headers.set("X-Request-Id", requestId);
      return response;
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        log.warn({ requestId, err: errorSummary(error) }, "alert ingestion: database unavailable");
        return problemResponse("serviceUnavailable", {
          requestId,
          detail: "The database cannot be reached; nothing was written. Send the request again later.",
          headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
        });
      }
      log.error({ requestId, err: errorSummary(error) }, "alert ingestion failed");
      return problemResponse("internal", {
        requestId,
        detail: `The request could not be processed. Quote reference ${requestId} when reporting this.`,
      });
    }
  });
}

async function handle(request: Request, requestId: string, ip: string | null): Promise<Response> {
  const byAddress = await consumeRateLimit("ingestByAddress", addressKey(ip));
  if (!byAddress.allowed) {
    log.info({ requestId, reason: "addressRateLimit" }, "alert ingestion request refused");
    return tooManyRequests(requestId, byAddress.retryAfterSeconds, "Too many requests from this address.");
  }
  const auth = await authenticateSource(request.headers.get("authorization"));
  if (!auth.ok) {
    if (auth.retryAfterSeconds !== undefined) {
      // Past its allowance of refused keys, an address gets no more audit rows, only this.
      return tooManyRequests(requestId, auth.retryAfterSeconds, "Too many requests with a missing or invalid API key from this address.");
    }
    return problemResponse("unauthorized", {
      requestId,
      detail: "Send the source's API key as 'Authorization: Bearer <key>'. The key may be wrong, revoked, or its source deactivated.",
      headers: {
        "WWW-Authenticate": auth.reason === "missing" ? 'Bearer realm="alerts"' : 'Bearer realm="alerts", error="invalid_token"',
      },
    });
  }
  const source = auth.source;
  const refuse = (reason: string) => log.info({ requestId, sourceId: source.id, reason }, "alert ingestion request refused");

  const byKey = await consumeRateLimit("ingestByKey", source.apiKeyId);
  if (!byKey.allowed) {
    refuse("keyRateLimit");
    return tooManyRequests(requestId, byKey.retryAfterSeconds, "Too many requests with this API key; slow down or send larger batches.");
  }

  if (!isJsonContentType(request.headers.get("content-type"))) {
    refuse("contentType");
    return problemResponse("unsupportedMediaType", {
      requestId,
      detail: "The body must be JSON sent as 'Content-Type: application/json' (charset utf-8, if any).",
      headers: { "Accept-Post": "application/json" },
    });
  }

  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > MAX_INGEST_BODY_BYTES) {
    refuse("contentLength");
    return tooLarge(requestId);
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(request, MAX_INGEST_BODY_BYTES);
  } catch {
    // The client went away or sent a broken stream: its problem, not a server error.
    refuse("bodyRead");
    return problemResponse("malformedJson", { requestId, detail: "The request body could not be read completely." });
  }
  if (bytes === null) {
    refuse("bodySize");
    return tooLarge(requestId);
  }

  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    refuse("json");
    return problemResponse("malformedJson", { requestId, detail: "The body is not valid UTF-8 JSON." });
  }

  const envelope = IngestEnvelopeSchema.safeParse(body, { error: z.locales.en().localeError });
  if (!envelope.success) {
    const batchSize = envelope.error.issues.some(
      (i) => (i.code === "too_small" || i.code === "too_big") && i.path.length === 1 && i.path[0] === "alerts",
    );
    refuse(batchSize ? "batchSize" : "envelope");
    return batchSize
      ? problemResponse("batchSize", {
          requestId,
          detail: `'alerts' must hold 1 to ${MAX_ALERTS_PER_REQUEST} alerts.`,
          errors: fieldErrors(envelope.error),
        })
      : problemResponse("invalidRequest", {
          requestId,
          detail: "The body must be an object { \"alerts\": [ … ] } with no other members.",
          errors: fieldErrors(envelope.error),
        });
  }

  const result = await ingestAlerts(source, envelope.data.alerts);
  return Response.json(result, { status: 200, headers: { "Cache-Control": "no-store" } });
}

function tooManyRequests(requestId: string, retryAfterSeconds: number, detail: string): Response {
  return problemResponse("tooManyRequests", {
    requestId,
    detail: `${detail} Retry after ${retryAfterSeconds} s.`,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

function tooLarge(requestId: string): Response {
  return problemResponse("contentTooLarge", {
    requestId,
    detail: `The body must not exceed ${MAX_INGEST_BODY_BYTES} bytes (${MAX_INGEST_BODY_BYTES / 1024 / 1024} MiB); split the batch.`,
  });
}

/** application/json, optionally with charset=utf-8 (any other charset is refused, not guessed). */
function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((p) => {
    if (p === "") return true;
    const [name, value] = p.split("=").map((s) => s.trim());
    return name !== "charset" || value === "utf-8" || value === '"utf-8"' || value === "utf8";
  });
}

/** The body's bytes, or null as soon as more than `limit` arrive (the rest is not read). */
async function readCapped(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Name, SQLSTATE and a shortened message with long digit runs blanked: enough to find the bug,
 * and no phone or ID number even if a driver message quoted one.
 */
function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const scrub = (s: string) => s.replace(/\d{6,}/g, "#").slice(0, 300);
  return {
    errorClass: error.name,
    pgCode: pgErrorCode(error),
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack.split("\n").slice(1, 6).join("\n")) : undefined,
  };
}
