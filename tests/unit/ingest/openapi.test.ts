import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { PROBLEM_CONTENT_TYPE, problemResponse } from "@/lib/http/problem";
import { parseIngestAlert, MAX_ALERTS_PER_REQUEST } from "@/lib/schemas/ingest";

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: unknown; example: { alerts: unknown[] } }> }; responses: Record<string, { headers?: Record<string, unknown>; content: Record<string, { schema: { $ref: string } }> }>; security: unknown[] }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: boolean }>; securitySchemes: Record<string, unknown> };
}

describe("GET /api/v1/openapi.json", () => {
  it("serves an OpenAPI 3.1 document for POST /api/v1/alerts, generated from the zod schemas", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const doc = (await response.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    const op = doc.paths["/api/v1/alerts"]!.post!;
    expect(op.security).toEqual([{ sourceApiKey: [] }]);
    expect(doc.components.securitySchemes.sourceApiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(op.responses["200"]!.content["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/IngestResponse" });
    for (const status of ["400", "401", "413", "415", "422", "429", "500", "503"]) {
      expect(op.responses[status]!.content[PROBLEM_CONTENT_TYPE]!.schema).toEqual({ $ref: "#/components/schemas/Problem" });
    }
    for (const status of ["429", "503"]) expect(op.responses[status]!.headers).toHaveProperty("Retry-After");

    const alert = doc.components.schemas.IngestAlert!;
    expect(alert.additionalProperties).toBe(false);
    expect(alert.required?.sort()).toEqual(["detectedAt", "externalId", "fraudType", "person", "riskLevel"]);
    expect(Object.keys(alert.properties!).sort()).toEqual(
      ["amountInTransferFen", "appNames", "callerNumbers", "cityCode", "detectedAt", "externalId", "fraudType", "person", "riskLevel", "stationCode", "suspectAccounts", "urls"].sort(),
    );
    expect(doc.components.schemas.IngestPerson!.additionalProperties).toBe(false);
    expect(JSON.stringify(doc.components.schemas.IngestRequest)).toContain(`"maxItems":${MAX_ALERTS_PER_REQUEST}`);
  });

  it("its example request is valid against the schema it documents", async () => {
    const doc = (await (await GET()).json()) as Doc;
    const example = doc.paths["/api/v1/alerts"]!.post!.requestBody.content["application/json"]!.example;
    for (const item of example.alerts) expect(parseIngestAlert(item).ok).toBe(true);
  });
});

describe("problem documents", () => {
  it("are RFC 9457 JSON with type, title, status, detail and the request id", async () => {
    const response = problemResponse("malformedJson", { requestId: "2b8c6f4e-3f4a-4c1e-9a57-1d2c3b4a5f60", detail: "bad" });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(await response.json()).toEqual({
      type: "tag:anti-fraud-console,2026:problem/malformedJson",
      title: "Malformed JSON",
      status: 400,
      detail: "bad",
      requestId: "2b8c6f4e-3f4a-4c1e-9a57-1d2c3b4a5f60",
      instance: "urn:uuid:2b8c6f4e-3f4a-4c1e-9a57-1d2c3b4a5f60",
    });
  });
});
