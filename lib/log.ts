import "server-only";
import pino from "pino";

// JSON logs. Personal data (names, phones, ID numbers, accounts, addresses) never goes in a log
// line: log ids and codes only. The redact list is a safety net, not the rule.
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "anti-fraud-console" },
  redact: {
    paths: ["*.phone", "*.idNumber", "*.password", "*.account", "*.address", "*.name", "password", "phone", "idNumber"],
    censor: "[redacted]",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});
