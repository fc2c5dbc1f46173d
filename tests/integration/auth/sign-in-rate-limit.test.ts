// The per-address sign-in limit: checked before any account is looked up or counted, so one
// address cannot lock accounts by guessing; a throttled attempt looks like any failure and is
// audited once; a success gives its point back.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_FAILED_LOGINS } from "@/lib/auth/session-policy";
import { runWithRequestContext } from "@/lib/request-context";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import { RATE_LIMITS } from "@/lib/server/rate-limit";
import { openTestDatabase } from "../../support/test-database";
import { DEMO_PASSWORD } from "../../support/actors";

await openTestDatabase("demo");

const LIMIT = RATE_LIMITS.signInByAddress.points;
let lastOctet = 0;
/** Each test its own address (TEST-NET-1), so no test sees another's count. */
const newAddress = () => `192.0.2.${++lastOctet}`;

/** One sign-in as a request from `ip` would make it: the audit rows carry the address. */
function attempt(username: string, password: string, ip: string) {
  return runWithRequestContext({ requestId: randomUUID(), ip }, () => signInWithPassword({ username, password }, { ip }));
}

async function reasonsFrom(ip: string): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { ip, action: "auth.sign_in" }, orderBy: { id: "asc" }, select: { details: true, outcome: true } });
  return rows.map((r) => (r.outcome === "SUCCESS" ? "success" : String((r.details as { reason?: string } | null)?.reason)));
}

describe("sign-in, limited per address", () => {
  it("the address is throttled before any account it guessed at is locked", async () => {
    const attacker = newAddress();
    // Round-robin over accounts, one guess short of the lock on each, until the address's allowance is spent.
    const perAccount = MAX_FAILED_LOGINS - 1;
    const accounts = Array.from({ length: LIMIT / perAccount }, (_, i) => `officer.d05s0${i + 1}`);
    for (let round = 0; round < perAccount; round++) {
      for (const username of accounts) expect(await attempt(username, "wrong-password-1", attacker)).toEqual({ ok: false });
    }
    // The guess that would lock the first account is refused before the account is counted.
    expect(await attempt(accounts[0]!, "wrong-password-1", attacker)).toEqual({ ok: false });
    // Even the right password, from that address, gets the same answer.
    expect(await attempt(accounts[0]!, DEMO_PASSWORD, attacker)).toEqual({ ok: false });

    const users = await db.user.findMany({ where: { username: { in: accounts } }, select: { failedLoginCount: true, lockedUntil: true } });
    expect(users).toHaveLength(accounts.length);
    expect(users.every((u) => u.failedLoginCount === perAccount && u.lockedUntil === null)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "auth.lockout" } })).toBe(0);

    // Audited: every counted failure, and the throttling once (not the attempt after it).
    expect(await reasonsFrom(attacker)).toEqual([...Array<string>(LIMIT).fill("bad_password"), "throttled"]);

    // The owner, from elsewhere, is not locked out.
    expect((await attempt(accounts[0]!, DEMO_PASSWORD, newAddress())).ok).toBe(true);
  });

  it("parallel guesses cannot slip past the limit, and unknown usernames cause a bounded number of audit rows", async () => {
    const attacker = newAddress();
    const results = await Promise.all(Array.from({ length: 2 * LIMIT }, (_, i) => attempt(`nobody-${i}`, "wrong-password-1", attacker)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const reasons = await reasonsFrom(attacker);
    expect(reasons.filter((r) => r === "unknown_user")).toHaveLength(LIMIT);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(1);
    expect(reasons).toHaveLength(LIMIT + 1);
  });

  it("a successful sign-in gives its point back", async () => {
    const office = newAddress();
    for (let i = 0; i < LIMIT - 1; i++) await attempt(`typo-${i}`, "wrong-password-1", office);
    expect((await attempt("analyst1", DEMO_PASSWORD, office)).ok).toBe(true);
    expect((await attempt("analyst2", DEMO_PASSWORD, office)).ok).toBe(true);
    // Without the refunds the address would be throttled by now; this failure is still counted normally.
    await attempt("typo-last", "wrong-password-1", office);
    expect((await reasonsFrom(office)).slice(-3)).toEqual(["success", "success", "unknown_user"]);
  });
});
