// Keys for personal data in the test databases only (fixed, so a template sealed once is read by
// every test file). Never used anywhere else: the demo generates its own, production brings its own.
export const TEST_PII_ENV = {
  PII_KEYS: "test1:dGVzdC1wZXJzb25hbC1kYXRhLWtleS0xLTMyYnl0ZXM=",
  PII_ACTIVE_KEY: "test1",
  PII_INDEX_KEY: "dGVzdC1ibGluZC1pbmRleC1rZXktb2YtMzItYnl0ZXM=",
} as const;

/** Puts the test keys into the environment unless a test chose its own. */
export function applyTestPiiKeys(): void {
  for (const [name, value] of Object.entries(TEST_PII_ENV)) process.env[name] ??= value;
}
