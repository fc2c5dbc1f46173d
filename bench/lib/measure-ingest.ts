// POST /api/v1/alerts against the built app: batches of 500 (a few in flight) and single alerts
// (autocannon, 20 connections). Afterwards the database must hold every acknowledged alert once,
// linked to its person, routed to the expected station, with its CREATED event and one audit row
// per request: a fast answer that skipped any of that would not count.
import { benchVault } from "./pii-keys";
import autocannon from "autocannon";
import type { AlertGenerator, GeneratedAlert } from "./alert-generator";
import type { CpuUse } from "./cpu";
import { auditMark, withClient } from "./database";
import { runPool, sleep, summarize, type LatencySummary } from "./stats";

export const INGEST_KEY = process.env.BENCH_INGEST_KEY ?? "demo-ingest-key-0001";

export interface IngestVerification {
  /** Alerts the run generated and sent (or may have sent). */
  expected: number;
  /** Alerts found in the database for those externalIds. */
  stored: number;
  /** Rows per externalId above one (must be 0). */
  duplicateRows: number;
  /** Stored alerts with the wrong station, the wrong person phone, or a status other than NEW. */
  wrong: number;
  /** CREATED timeline events of the stored alerts. */
  createdEvents: number;
  /** alert.ingest SUCCESS audit rows of this source written during the measurement, and the alerts they report created. */
  auditRows: number;
  auditCreated: number;
  ok: boolean;
  problems: string[];
}

/** Reads back what the API stored for `alerts` and checks it against what the generator intended. */
async function verifyIngested(
  url: string,
  sourceId: string,
  alerts: readonly GeneratedAlert[],
  auditAfterId: string,
): Promise<Omit<IngestVerification, "ok" | "problems">> {
  // The alert keeps the number it arrived with; it is compared by blind index (phones are sealed).
  const expected = JSON.stringify(alerts.map((a) => ({ x: a.item.externalId, s: a.stationId, p: benchVault().blindIndex("phone", a.item.person.phone) })));
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ stored: string; distinct_ids: string; wrong: string; created_events: string }>(
      `WITH e AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(x text, s uuid, p text)),
            a AS (SELECT a.id, a.external_id, a.station_id, a.status, a.phone_index AS phone, e.s, e.p
                  FROM e JOIN alert a ON a.source_id = $2::uuid AND a.external_id = e.x
                  JOIN person_phone f ON f.person_id = a.person_id AND f.phone_index = a.phone_index)
       SELECT count(*) AS stored,
              count(DISTINCT external_id) AS distinct_ids,
              count(*) FILTER (WHERE station_id IS DISTINCT FROM s OR phone <> p OR status <> 'NEW') AS wrong,
              (SELECT count(*) FROM alert_event ev WHERE ev.kind = 'CREATED' AND ev.alert_id IN (SELECT id FROM a)) AS created_events
       FROM a`,
      [expected, sourceId],
    );
    const audit = await c.query<{ n: string; created: string | null }>(
      `SELECT count(*) AS n, sum((details->>'created')::int) AS created
       FROM audit_event
       WHERE action = 'alert.ingest' AND outcome = 'SUCCESS' AND entity_id = $1 AND id > $2::bigint`,
      [sourceId, auditAfterId],
    );
    const r = rows[0]!;
    return {
      expected: alerts.length,
      stored: Number(r.stored),
      duplicateRows: Number(r.stored) - Number(r.distinct_ids),
      wrong: Number(r.wrong),
      createdEvents: Number(r.created_events),
      auditRows: Number(audit.rows[0]!.n),
      auditCreated: Number(audit.rows[0]!.created ?? 0),
    };
  });
}

interface IngestResponseBody {
  results?: { outcome?: string; status?: number }[];
}

// ─── Batches ─────────────────────────────────────────────────────────────────────────────────

export interface BatchResult {
  requests: number;
  batchSize: number;
  concurrency: number;
  alerts: number;
  seconds: number;
  alertsPerSecond: number;
  latency: LatencySummary;
  /** Per-item outcomes the API reported. */
  outcomes: Record<string, number>;
  httpErrors: number;
  verification: IngestVerification;
}

export async function postBatch(baseUrl: string, body: string): Promise<{ status: number; json: IngestResponseBody | null; text: string }> {
  const res = await fetch(`${baseUrl}/api/v1/alerts`, {
    method: "POST",
    headers: { authorization: `Bearer ${INGEST_KEY}`, "content-type": "application/json" },
    body,
  });
  const text = await res.text();
  let json: IngestResponseBody | null = null;
  try {
    json = JSON.parse(text) as IngestResponseBody;
  } catch {
    // reported below
  }
  return { status: res.status, json, text };
}

export async function measureBatch(
  ctx: { baseUrl: string; url: string; sourceId: string; runId: string },
  generator: AlertGenerator,
  alerts: readonly GeneratedAlert[],
  opts: { batchSize: number; concurrency: number },
  log: (line: string) => void,
): Promise<BatchResult> {
  // Warm-up (not measured): the first requests load the route's code and fill the pool.
  for (let w = 0; w < 3; w++) {
    const warm = Array.from({ length: 50 }, () => generator.next("W").item);
    const res = await postBatch(ctx.baseUrl, JSON.stringify({ alerts: warm }));
    if (res.status !== 200) throw new Error(`warm-up batch answered ${res.status}: ${res.text.slice(0, 500)}`);
  }

  const mark = await auditMark(ctx.url);
  const bodies: string[] = [];
  for (let i = 0; i < alerts.length; i += opts.batchSize) {
    bodies.push(JSON.stringify({ alerts: alerts.slice(i, i + opts.batchSize).map((a) => a.item) }));
  }
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let httpErrors = 0;
  let firstError = "";
  const started = performance.now();
  await runPool(bodies.length, opts.concurrency, async (i) => {
    const t0 = performance.now();
    const res = await postBatch(ctx.baseUrl, bodies[i]!);
    latencies.push(performance.now() - t0);
    if (res.status !== 200 || !res.json?.results) {
      httpErrors++;
      firstError ||= `HTTP ${res.status}: ${res.text.slice(0, 300)}`;
      return;
    }
    for (const r of res.json.results) outcomes[r.outcome ?? "?"] = (outcomes[r.outcome ?? "?"] ?? 0) + 1;
  });
  const seconds = (performance.now() - started) / 1000;
  if (firstError) log(`  batch: first error: ${firstError}`);

  const v = await verifyIngested(ctx.url, ctx.sourceId, alerts, mark);
  const problems: string[] = [];
  if (httpErrors > 0) problems.push(`${httpErrors} requests failed`);
  if ((outcomes.created ?? 0) !== alerts.length) problems.push(`API reported ${outcomes.created ?? 0} created of ${alerts.length}`);
  if (v.stored !== alerts.length) problems.push(`${v.stored} of ${alerts.length} alerts stored`);
  if (v.duplicateRows !== 0) problems.push(`${v.duplicateRows} duplicate rows`);
  if (v.wrong !== 0) problems.push(`${v.wrong} alerts with the wrong station, person or status`);
  if (v.createdEvents !== v.stored) problems.push(`${v.createdEvents} CREATED events for ${v.stored} alerts`);
  if (v.auditRows !== bodies.length) problems.push(`${v.auditRows} audit rows for ${bodies.length} requests`);
  if (v.auditCreated !== v.stored) problems.push(`audit rows report ${v.auditCreated} created, ${v.stored} stored`);
  return {
    requests: bodies.length,
    batchSize: opts.batchSize,
    concurrency: opts.concurrency,
    alerts: alerts.length,
    seconds: Math.round(seconds * 1000) / 1000,
    alertsPerSecond: Math.round(alerts.length / seconds),
    latency: summarize(latencies),
    outcomes,
    httpErrors,
    verification: { ...v, ok: problems.length === 0, problems },
  };
}

// ─── Single alerts ───────────────────────────────────────────────────────────────────────────

export interface SingleResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  status: { "2xx": number; non2xx: number; errors: number; timeouts: number };
  outcomes: Record<string, number>;
  /** CPU during the autocannon run alone. */
  cpu: CpuUse | null;
  verification: IngestVerification;
}

export async function measureSingle(
  ctx: { baseUrl: string; url: string; sourceId: string; runId: string; watchCpu: () => () => CpuUse | null },
  generator: AlertGenerator,
  opts: { connections: number; seconds: number },
  log: (line: string) => void,
): Promise<SingleResult> {
  const sent: GeneratedAlert[] = [];
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let firstFailure = "";
  const headers = { authorization: `Bearer ${INGEST_KEY}`, "content-type": "application/json" };

  const run = (seconds: number, kind: string, record: boolean) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${ctx.baseUrl}/api/v1/alerts`,
          connections: opts.connections,
          duration: seconds,
          timeout: 30,
          requests: [
            {
              method: "POST",
              // A fresh alert per request: the same body twice would be a cheap "duplicate".
              setupRequest: (req) => {
                const a = generator.next(kind);
                if (record) sent.push(a);
                return { ...req, headers, body: JSON.stringify({ alerts: [a.item] }) };
              },
              onResponse: (status, body) => {
                if (!record) return;
                if (status !== 200) {
                  firstFailure ||= `HTTP ${status}: ${body.slice(0, 300)}`;
                  return;
                }
                try {
                  const outcome = (JSON.parse(body) as IngestResponseBody).results?.[0]?.outcome ?? "?";
                  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
                } catch {
                  outcomes["unparseable"] = (outcomes["unparseable"] ?? 0) + 1;
                }
              },
            },
          ],
        },
        (err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)),
      );
      if (record) instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });

  await run(2, "SW", false); // warm-up: connections, JIT, pool
  await sleep(1500); // requests still in flight when autocannon stopped finish on the server
  const mark = await auditMark(ctx.url);
  const stopCpu = ctx.watchCpu();
  const result = await run(opts.seconds, "S", true);
  const cpu = stopCpu();
  await sleep(1500);
  if (firstFailure) log(`  single: first failure: ${firstFailure}`);

  const v = await verifyIngested(ctx.url, ctx.sourceId, sent, mark);
  const problems: string[] = [];
  const created = outcomes.created ?? 0;
  // Requests still in flight when the clock stops may be stored without being counted here.
  if (v.stored < created || v.stored > created + opts.connections) problems.push(`${v.stored} stored for ${created} acknowledged`);
  if (created !== result["2xx"]) problems.push(`${result["2xx"]} answers 2xx but ${created} created`);
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx answers`);
  if (v.duplicateRows !== 0) problems.push(`${v.duplicateRows} duplicate rows`);
  if (v.wrong !== 0) problems.push(`${v.wrong} alerts with the wrong station, person or status`);
  if (v.createdEvents !== v.stored) problems.push(`${v.createdEvents} CREATED events for ${v.stored} alerts`);
  if (v.auditRows !== v.stored) problems.push(`${v.auditRows} audit rows for ${v.stored} stored alerts`);
  return {
    connections: opts.connections,
    seconds: result.duration,
    requests: result["2xx"] + result.non2xx,
    requestsPerSecond: Math.round(((result["2xx"] + result.non2xx) / result.duration) * 10) / 10,
    latency: summarize(latencies),
    status: { "2xx": result["2xx"], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
    outcomes,
    cpu,
    verification: { ...v, ok: problems.length === 0, problems },
  };
}
