import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { appServerEnv, E2E_BASE_URL, E2E_PORT, SERVE_SCRIPT } from "./app-server";
import { createOwnSource, signInOk, sql } from "./support";

// A city runs more than one app server on one database (docs/decisions/017-worker-and-job-queue.md,
// "Built to run as several instances" in ARCHITECTURE.md). Beside the suite's server (A, the
// webServer at baseURL) this spec starts a second one (B) as `npm start` does, each with its own
// background worker, and proves what must hold across them: a change made through A reaches a
// live page served by B; a session ended through A is dead on B; two claims of one alert, one
// through each, have one winner; and a periodic job, run by two workers, has its effect once.
//
// Everything happens in 临川 (the second city, LC), which no other spec changes, with users,
// a source and alerts of this spec's own, so nothing here depends on the order of the specs.

// One B for the whole file: the tests run in order in one worker (the default mode, unlike the
// rest of the suite), so no two copies of B race for its port.
test.describe.configure({ mode: "default" });

const ROOT = path.resolve(import.meta.dirname, "../..");
const A = E2E_BASE_URL;
const B_PORT = E2E_PORT + 1;
const B = `http://localhost:${B_PORT}`;
const CITY = "LC";
/** The station whose instruction the sweep finds overdue (no other spec works 临川's stations). */
const SWEPT_STATION = "L02S02";
const SWEEP_JOB = "instruction.supervision-sweep";

let serverB: ChildProcess | null = null;
let logB = "";
let source: { id: string; key: string };
/** The instruction made overdue in beforeAll, so both workers' sweeps find it while tests 1–3 run. */
let dueInstructionId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a condition, giving up (with the reason) after a long time: never a timing assertion. */
async function waitFor(what: string, condition: () => Promise<boolean> | boolean, giveUpAfterMs: number): Promise<void> {
  const deadline = Date.now() + giveUpAfterMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}\n--- B's output (tail) ---\n${logB.slice(-3000)}`);
    await sleep(250);
  }
}

/** An analyst of 临川 of this spec's own (the seeded lc.analyst1's unit and password). */
async function newAnalyst(label: string): Promise<{ id: string; username: string }> {
  const username = `e2e.two.${label}.${randomBytes(4).toString("hex")}`;
  const [user] = await sql<{ id: string }>(
    `INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
     SELECT $1, '双机测试', 'ANALYST', unit_id, password_hash FROM app_user WHERE username = 'lc.analyst1' RETURNING id`,
    [username],
  );
  return { id: user!.id, username };
}

/** Signs in through the instance at `baseURL` in a context of its own; the session cookie, as a header. */
async function signInAt(browser: Browser, baseURL: string, username: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInOk(page, username);
  // Cookies belong to a host, not a port: the cookie of localhost:A is sent to localhost:B alike.
  const cookie = (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).toContain("authjs.session-token=");
  return { context, page, cookie };
}

/** Ingests alerts into 临川 through A; their ids. */
async function ingestThroughA(count: number): Promise<string[]> {
  const externalIds = Array.from({ length: count }, () => `E2E-TWO-${randomUUID()}`);
  const response = await fetch(`${A}/api/v1/alerts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${source.key}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      alerts: externalIds.map((externalId) => ({
        externalId,
        cityCode: CITY,
        riskLevel: "URGENT",
        fraudType: "FAKE_LOAN",
        detectedAt: new Date().toISOString(),
        person: { name: "双机测", phone: `13${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}` },
      })),
    }),
  });
  expect(response.ok, await response.text()).toBe(true);
  const rows = await sql<{ id: string }>(`SELECT id FROM alert WHERE source_id = $1 AND external_id = ANY($2)`, [source.id, externalIds]);
  expect(rows).toHaveLength(count);
  return rows.map((r) => r.id);
}

/** Server-sent events of a streamed response, one { event, data } at a time (comments skipped). */
async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const field = (name: string) => block.split("\n").find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim();
      const event = field("event");
      if (event) yield { event, data: field("data") ?? "" };
    }
  }
}

/** The id under which the build knows a server action (as the browser's form posts it). */
function serverActionId(filename: string, exportedName: string): string {
  const manifestPath = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${filename} in ${manifestPath}`);
  return found[0];
}

/**
 * Posts a form's server action over HTTP, encoded as React encodes `action(previousState, formData)`
 * from useActionState: part "0" holds the arguments, the form a reference ("$K1") to the fields
 * named "_1_<field>". Answers the action's own result (the first line of the payload).
 */
async function postFormAction(baseURL: string, pagePath: string, actionId: string, cookie: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([{ ok: false }, "$K1"]));
  const response = await fetch(`${baseURL}${pagePath}`, {
    method: "POST",
    headers: { "Next-Action": actionId, Origin: baseURL, Cookie: cookie, Accept: "text/x-component" },
    body,
  });
  const payload = await response.text();
  expect(response.status, payload.slice(0, 500)).toBe(200);
  const result = /^1:(\{.*\})$/m.exec(payload);
  expect(result, payload.slice(0, 500)).not.toBeNull();
  return JSON.parse(result![1]!) as { ok: boolean; message?: string };
}

test.beforeAll(async () => {
  // B's start (usually 5–10 s) and its worker's, with room on a busy machine.
  test.setTimeout(180_000);
  source = await createOwnSource("two instances");

  // B: `npm start` on the next port, with the suite server's settings. Its own process group, so
  // that afterAll stops the server and its worker together. Info-level logs, to see its worker start.
  serverB = spawn(process.execPath, [SERVE_SCRIPT, "--port", String(B_PORT)], {
    cwd: ROOT,
    env: { ...process.env, ...appServerEnv(), LOG_LEVEL: "info" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    logB = (logB + chunk.toString("utf8")).slice(-200_000);
  };
  serverB.stdout!.on("data", keep);
  serverB.stderr!.on("data", keep);
  await waitFor(
    "B answers /api/health",
    async () => {
      if (serverB!.exitCode !== null) throw new Error(`B exited (${serverB!.exitCode}):\n${logB.slice(-3000)}`);
      return (await fetch(`${B}/api/health`).catch(() => null))?.status === 200;
    },
    90_000,
  );
  // Two workers on one database from here on: A's (started with the suite) and B's.
  await waitFor("B's worker started", () => logB.includes('"msg":"worker started"'), 60_000);

  // An instruction held by a station, its sign-off deadline an hour past, nothing marked yet:
  // the supervision sweep's next run marks it overdue and tells the station's officers.
  const [alertId] = await ingestThroughA(1);
  const [instruction] = await sql<{ id: string }>(
    `INSERT INTO instruction (city_id, district_id, station_id, alert_id, kind, risk_level, status, issuer_unit_id, issued_by_id,
                              issued_at, routed_at, sign_off_deadline, feedback_deadline, escalate_at)
     SELECT s.city_id, s.district_id, s.id, $1, 'DOOR_VISIT', 'URGENT', 'AT_STATION', s.city_id,
            (SELECT id FROM app_user WHERE username = 'lc.analyst1'),
            now() - interval '2 hours', now() - interval '2 hours', now() - interval '1 hour', now() + interval '1 day', now() + interval '2 days'
     FROM org_unit s WHERE s.code = $2
     RETURNING id`,
    [alertId, SWEPT_STATION],
  );
  dueInstructionId = instruction!.id;
});

test.afterAll(async () => {
  const child = serverB;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The whole group: serve.mjs and its worker (which finishes a running job first, 8 s at most).
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) signalGroup("SIGKILL");
});

test("an alert ingested through A reaches a live page served by B", async ({ browser }) => {
  const watcher = await newAnalyst("watcher");
  const { context, cookie } = await signInAt(browser, B, watcher.username);
  const giveUp = new AbortController();
  const timer = setTimeout(() => giveUp.abort(), 60_000);
  try {
    const live = await fetch(`${B}/api/live?topics=alert`, { headers: { Cookie: cookie }, signal: giveUp.signal });
    expect(live.status).toBe(200);
    const events = serverSentEvents(live.body!);
    const next = async () => {
      const { value } = await events.next().catch((error: unknown) => {
        throw new Error(`no more events from B (${String(error)})\n--- B's output (tail) ---\n${logB.slice(-3000)}`);
      });
      return value;
    };
    expect((await next())?.event).toBe("ready");

    // "ready" comes once B listens to the database (its listening connection opens with its first
    // live page): from then on, a change through A reaches this stream.
    // The alert arrives through A. Only 临川's changes reach this analyst, and nothing else changes
    // 临川's alerts meanwhile: the first alert event is this alert's, which B heard from the database.
    await ingestThroughA(1);
    expect(await next()).toEqual({ event: "changed", data: JSON.stringify({ topic: "alert" }) });
  } finally {
    clearTimeout(timer);
    giveUp.abort();
    await context.close();
  }
});

test("a session signed out through A is refused by B", async ({ browser }) => {
  const leaver = await newAnalyst("leaver");
  const { context, page, cookie } = await signInAt(browser, A, leaver.username);
  try {
    // B serves the console to the session A signed in.
    const before = await fetch(`${B}/queue`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('data-testid="current-user"');

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);

    // The same cookie, still a well-signed token, on B: the session row says it is over.
    const after = await fetch(`${B}/queue`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect([303, 307]).toContain(after.status);
    expect(new URL(after.headers.get("location")!, B).pathname).toBe("/login");
    const live = await fetch(`${B}/api/live?topics=alert`, { headers: { Cookie: cookie } });
    expect(live.status).toBe(401);
  } finally {
    await context.close();
  }
});

test("two analysts claiming the same alerts at once, one through A and one through B: one wins each", async ({ browser }) => {
  const [first, second] = [await newAnalyst("claim-a"), await newAnalyst("claim-b")];
  const [atA, atB] = await Promise.all([signInAt(browser, A, first.username), signInAt(browser, B, second.username)]);
  const claim = serverActionId("app/(console)/queue/actions.ts", "claimFromQueueAction");
  try {
    // Each opens the queue on its server first, so that neither server is still loading the page's
    // code when the claims arrive: the claims then reach the database together.
    for (const [server, { cookie }] of [[A, atA], [B, atB]] as const) {
      expect((await fetch(`${server}/queue`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(200);
    }
    // Several alerts, every claim sent at once: each alert is a race between the two servers.
    const alertIds = await ingestThroughA(4);
    const answers = await Promise.all(
      alertIds.map(async (alertId) => {
        const [throughA, throughB] = await Promise.all([
          postFormAction(A, "/queue", claim, atA.cookie, { alertId }),
          postFormAction(B, "/queue", claim, atB.cookie, { alertId }),
        ]);
        return { alertId, throughA, throughB };
      }),
    );

    const holders = await sql<{ id: string; status: string; assignee_id: string | null }>(`SELECT id, status, assignee_id FROM alert WHERE id = ANY($1)`, [alertIds]);
    for (const { alertId, throughA, throughB } of answers) {
      expect([throughA.ok, throughB.ok].filter(Boolean), `claims of ${alertId}: ${JSON.stringify({ throughA, throughB })}`).toHaveLength(1);
      const held = holders.find((h) => h.id === alertId)!;
      expect(held.status).toBe("CLAIMED");
      expect(held.assignee_id).toBe(throughA.ok ? first.id : second.id);
      const claims = await sql<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action = 'alert.claim' AND outcome = 'SUCCESS' AND entity_id = $1`, [alertId]);
      expect(Number(claims[0]!.n)).toBe(1);
    }
  } finally {
    await Promise.all([atA.context.close(), atB.context.close()]);
  }
});

test("the supervision sweep, run by both workers, marks an overdue instruction and notifies once", async () => {
  // The sweep runs every 30 s (one run per 30-second window whoever sends it). Wait for the run
  // that marks the instruction, then for a later run to complete, which had every chance to mark
  // and notify again: about 30–60 s in all, bounded here only by when to give up.
  test.setTimeout(150_000);
  let markedAt: Date | null = null;
  await waitFor(
    "the sweep marks the instruction overdue",
    async () => {
      const [row] = await sql<{ sign_off_overdue_at: Date | null }>(`SELECT sign_off_overdue_at FROM instruction WHERE id = $1`, [dueInstructionId]);
      markedAt = row!.sign_off_overdue_at;
      return markedAt !== null;
    },
    75_000,
  );
  await waitFor(
    "a later run of the sweep completes",
    async () => {
      const [row] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'completed' AND started_on > $2`,
        [SWEEP_JOB, markedAt],
      );
      return Number(row!.n) > 0;
    },
    75_000,
  );

  const events = await sql<{ n: string }>(`SELECT count(*) AS n FROM instruction_event WHERE instruction_id = $1 AND kind = 'OVERDUE'`, [dueInstructionId]);
  expect(Number(events[0]!.n)).toBe(1);
  const audits = await sql<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE action = 'instruction.overdue' AND entity_id = $1`, [dueInstructionId]);
  expect(Number(audits[0]!.n)).toBe(1);
  // Every officer of the station is told, each once.
  const notices = await sql<{ user_id: string; n: string }>(
    `SELECT user_id, count(*) AS n FROM notification WHERE instruction_id = $1 AND kind = 'INSTRUCTION_OVERDUE' GROUP BY user_id`,
    [dueInstructionId],
  );
  const officers = await sql<{ id: string }>(
    `SELECT u.id FROM app_user u JOIN org_unit s ON s.id = u.unit_id WHERE s.code = $1 AND u.role = 'STATION_OFFICER' AND u.status = 'ACTIVE'`,
    [SWEPT_STATION],
  );
  expect(officers.length).toBeGreaterThan(0);
  expect(notices.map((n) => n.user_id).sort()).toEqual(officers.map((o) => o.id).sort());
  expect(notices.every((n) => Number(n.n) === 1)).toBe(true);

  // And the queue holds one run per 30-second window, though each worker sends the job four times a window.
  const [runs] = await sql<{ runs: string; windows: string }>(`SELECT count(*) AS runs, count(DISTINCT singleton_on) AS windows FROM pgboss.job WHERE name = $1`, [SWEEP_JOB]);
  expect(Number(runs!.runs)).toBeGreaterThanOrEqual(2);
  expect(runs!.windows).toBe(runs!.runs);
});
