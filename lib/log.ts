import "server-only";
import pino from "pino";

// JSON logs. Personal data (names, phones, ID numbers, accounts, addresses) never goes in a log
// line: log ids and codes only. The redact list is a safety net, not the rule.
// `name` is redacted only where it is a person's (a bare `*.name` would also blank `err.name`,
// the one thing an error line must keep).
export const LOG_REDACT = {
  paths: ["*.phone", "*.idNumber", "*.password", "*.account", "*.address", "person.name", "*.person.name", "password", "phone", "idNumber"],
  censor: "[redacted]",
};

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "anti-fraud-console" },
  redact: LOG_REDACT,
  timestamp: pino.stdTimeFunctions.isoTime,
});
