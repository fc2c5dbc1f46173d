import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import pino from "pino";
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import { LOG_REDACT } from "@/lib/log";
import { errorSummary } from "@/lib/log-error";
import { isExpectedAuthError } from "@/lib/auth/expected-auth-errors";

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ redact: LOG_REDACT }, stream), lines: () => chunks.join("").trim().split("\n").map((l) => JSON.parse(l)) };
}

describe("log lines", () => {
  it("keep an error's name and redact a person's data", () => {
    const { logger, lines } = capture();
    logger.error({ err: { name: "TypeError" }, person: { name: "张三明", phone: "13800138000" }, alert: { address: "江州市某路1号" } }, "x");
    const [line] = lines();
    expect(line!.err).toEqual({ name: "TypeError" });
    expect(line!.person).toEqual({ name: "[redacted]", phone: "[redacted]" });
    expect(JSON.stringify(line)).not.toMatch(/张三明|13800138000|某路/);
  });

  it("summarise an unexpected error without its message, which can quote personal data", () => {
    const error = Object.assign(new Error("duplicate key (phone)=(13800138000) for 张三明"), { code: "P2002" });
    const summary = errorSummary(error);
    expect(summary).toMatchObject({ errorClass: "Error", prismaCode: "P2002" });
    expect(JSON.stringify(summary)).not.toMatch(/13800138000|张三明/);
  });

  it("treat a failed sign-in as expected even when minification renamed the class", () => {
    const failed = new CredentialsSignin();
    Object.defineProperty(failed, "name", { value: "t" });
    expect(isExpectedAuthError(failed)).toBe(true);
    expect(isExpectedAuthError(new AuthError("other"))).toBe(false);
    expect(isExpectedAuthError(new Error("CredentialsSignin"))).toBe(false);
    expect(isExpectedAuthError(null)).toBe(false);
  });
});
