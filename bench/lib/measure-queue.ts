// The analysts' queue page, GET /queue, rendered by the built app for a signed-in analyst, under
// autocannon; and, for reading that number, the page's main query (listTriageQueue) and all of
// its server-side reads timed in-process.
import fs from "node:fs";
import autocannon from "autocannon";
import type { CpuUse } from "./cpu";
import type { QueueWorkerResult } from "./domain-worker";
import { DEMO_PASSWORD } from "./measure-claim";
import { summarize, type LatencySummary } from "./stats";
import { runDomainWorker, type WorkerEnv } from "./worker-process";

export interface QueueResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  status: { "2xx": number; non2xx: number; errors: number; timeouts: number };
  /** Answers that were the queue page (its title present), not a sign-in redirect or an error page. */
  queuePages: number;
  pageBytes: number;
  inProcess: QueueWorkerResult;
  /** CPU during the autocannon run alone. */
  cpu: CpuUse | null;
  verification: { ok: boolean; problems: string[] };
}

/** The session cookie of a real sign-in through Auth.js' credentials endpoint (what the login form's action calls). */
export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${baseUrl}/queue` }),
  });
  keep(res);
  const session = [...jar.keys()].find((k) => k.includes("authjs.session-token"));
  if (!session) throw new Error(`sign-in of ${username} over HTTP gave no session cookie (HTTP ${res.status} → ${res.headers.get("location")})`);
  return cookieHeader();
}

function queueTitles(): string[] {
  return ["zh-CN", "en"].flatMap((locale) => {
    try {
      const catalog = JSON.parse(fs.readFileSync(`lib/i18n/messages/${locale}/queue.json`, "utf8")) as { title?: string };
      return catalog.title ? [catalog.title] : [];
    } catch {
      return [];
    }
  });
}

export async function measureQueue(
  ctx: { baseUrl: string; runId: string; watchCpu: () => () => CpuUse | null },
  env: WorkerEnv,
  opts: { connections: number; seconds: number; queryRuns: number },
): Promise<QueueResult> {
  // analyst2 for the page, analyst3 in the worker: their sessions do not interfere.
  const cookie = await signInOverHttp(ctx.baseUrl, "analyst2", DEMO_PASSWORD);
  const titles = queueTitles();
  const isQueuePage = (body: string) => titles.some((t) => body.includes(t));

  const probe = await fetch(`${ctx.baseUrl}/queue`, { headers: { cookie }, redirect: "manual" });
  const probeBody = await probe.text();
  if (probe.status !== 200 || !isQueuePage(probeBody)) {
    throw new Error(`GET /queue as analyst2 answered ${probe.status} ${probe.headers.get("location") ?? ""} without the queue title`);
  }

  const latencies: number[] = [];
  let queuePages = 0;
  let pageBytes = 0;
  const run = (seconds: number, record: boolean) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${ctx.baseUrl}/queue`,
          connections: opts.connections,
          duration: seconds,
          timeout: 30,
          headers: { cookie },
          requests: [
            {
              method: "GET",
              onResponse: (status, body) => {
                if (!record) return;
                if (status === 200 && isQueuePage(body)) {
                  queuePages++;
                  pageBytes = Buffer.byteLength(body);
                }
              },
            },
          ],
        },
        (err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)),
      );
      if (record) instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
  await run(2, false); // warm-up
  const stopCpu = ctx.watchCpu();
  const result = await run(opts.seconds, true);
  const cpu = stopCpu();

  const inProcess = await runDomainWorker<QueueWorkerResult>(
    { mode: "queue", runId: ctx.runId, username: "analyst3", password: DEMO_PASSWORD, runs: opts.queryRuns, maxSecondsEach: opts.seconds * 2 },
    env,
  );

  const problems: string[] = [];
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx answers`);
  if (queuePages !== result["2xx"]) problems.push(`${result["2xx"] - queuePages} 200 answers were not the queue page`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors`);
  const requests = result["2xx"] + result.non2xx;
  return {
    connections: opts.connections,
    seconds: result.duration,
    requests,
    requestsPerSecond: Math.round((requests / result.duration) * 10) / 10,
    latency: summarize(latencies),
    status: { "2xx": result["2xx"], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
    queuePages,
    pageBytes,
    inProcess,
    cpu,
    verification: { ok: problems.length === 0, problems },
  };
}
