// Real sign-in for integration tests: the password check, the session row and resolveSession,
// exactly as a browser request goes through them. Nothing about the auth layer is mocked.
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import { resolveSession } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/auth/actor";

export const DEMO_PASSWORD = "Demo@2026!";

export async function signInAs(username: string, now = new Date()): Promise<Actor> {
  const result = await signInWithPassword({ username, password: DEMO_PASSWORD }, { ip: "127.0.0.1", now });
  if (!result.ok) throw new Error(`demo sign-in failed for ${username}`);
  const actor = await resolveSession(result.sessionId, now);
  if (!actor) throw new Error(`session of ${username} did not resolve`);
  return actor;
}

/** One account of each of the nine roles in 江州 (the demo city). */
export const CITY_ACCOUNTS = ["analyst1", "leader", "coord.d01", "officer.d01s01", "bank.icbc", "admin", "secadmin", "auditor", "wall"] as const;
/** The installation's three administrators (no city). */
export const INSTALLATION_ACCOUNTS = ["prov.admin", "prov.secadmin", "prov.auditor"] as const;

/** Signs each account in once (one after another: sign-in is rate-limited per address). */
export async function signInAll(usernames: readonly string[]): Promise<Record<string, Actor>> {
  const actors: Record<string, Actor> = {};
  for (const username of usernames) actors[username] = await signInAs(username);
  return actors;
}
