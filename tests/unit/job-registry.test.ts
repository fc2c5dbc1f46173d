import { describe, expect, it } from "vitest";
import { JOBS, checkJobs, findJob, type JobDefinition } from "@/lib/server/jobs/registry";
import { tickSeconds } from "@/lib/server/jobs/worker";

const job = (over: Partial<JobDefinition>): JobDefinition => ({ name: "area.do-something", everySeconds: 60, run: async () => {}, ...over });

describe("the job registry", () => {
  it("declares every job validly, once", () => {
    expect(() => checkJobs(JOBS)).not.toThrow();
    expect(findJob("housekeeping").everySeconds).toBeGreaterThan(0);
  });

  it("refuses names the queue cannot hold, duplicates and intervals below two seconds", () => {
    for (const name of ["", "Upper", "with space", "slash/name", "-leading", "x".repeat(101)]) {
      expect(() => checkJobs([job({ name })]), name).toThrow(/job name/);
    }
    expect(() => checkJobs([job({}), job({})])).toThrow(/declared twice/);
    for (const everySeconds of [0, 1, 1.5, -5, Number.NaN]) expect(() => checkJobs([job({ everySeconds })])).toThrow(/everySeconds/);
    expect(() => checkJobs([job({ timeoutSeconds: 0 })])).toThrow(/timeoutSeconds/);
    expect(() => findJob("no.such-job")).toThrow(/no job named/);
  });

  it("sends each job several times per window, between every half second and every 30 seconds", () => {
    for (const every of [2, 3, 10, 60, 119, 120, 600, 86_400]) {
      const tick = tickSeconds(every);
      expect(tick).toBeGreaterThanOrEqual(0.5);
      expect(tick).toBeLessThanOrEqual(30);
      // At least two sends per window, so a window is never missed by a timer running late.
      expect(every / tick).toBeGreaterThanOrEqual(2);
    }
  });
});
