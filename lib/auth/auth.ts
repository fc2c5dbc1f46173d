import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SignInSchema } from "@/lib/schemas/auth";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";
import { getRequestContext } from "@/lib/request-context";
import { SESSION_ABSOLUTE_MS } from "@/lib/auth/session-policy";
import { log } from "@/lib/log";
import { errorSummary } from "@/lib/log-error";
import { isExpectedAuthError } from "@/lib/auth/expected-auth-errors";

// Auth.js only carries the id of our own session row in its JWT; whether that session is still
// valid (idle timeout, revocation, deactivation, role change) is decided by `resolveSession` on
// every request. See docs/decisions/002-auth.md for why Auth.js sits behind lib/auth.
declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
    user?: DefaultSession["user"];
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
  pages: { signIn: "/login", error: "/login" },
  // Auth.js prints to the console by default; route it to the JSON log. A failed sign-in is an
  // expected outcome (already audited), not an error.
  logger: {
    error(error) {
      if (isExpectedAuthError(error)) return;
      log.error({ err: errorSummary(error), authErrorType: (error as { type?: string }).type }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials) {
        const parsed = SignInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { ip } = await getRequestContext();
        const result = await signInWithPassword(parsed.data, { ip });
        if (!result.ok) return null;
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
});
