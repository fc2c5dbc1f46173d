// The OpenAPI 3.1 description of the machine API, generated from the very zod schemas that
// validate the requests (lib/schemas/ingest.ts), so the document cannot drift from the code.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, ProblemSchema, problemType } from "@/lib/http/problem";
import { IngestRequestSchema, IngestResponseSchema, MAX_ALERTS_PER_REQUEST, MAX_INGEST_BODY_BYTES } from "@/lib/schemas/ingest";

export const API_VERSION = "1.0.0";

const EXAMPLE_REQUEST = {
  alerts: [
    {
      externalId: "NAT-20261121-000123",
      riskLevel: "HIGH",
      fraudType: "IMPERSONATE_AUTHORITY",
      detectedAt: "2026-11-21T09:30:00+08:00",
      person: { name: "张三明", phone: "+86 138 0013 8000", address: "江州市东湖区滨江街道翠湖社区3栋2单元1201室" },
      callerNumbers: ["+85255512345", "00862160001234"],
      amountInTransferFen: 4500000,
    },
  ],
};

const REQUEST_ID_HEADER = {
  "X-Request-Id": {
    description: "Identifies this request on our log lines and audit trail; quote it when reporting a problem.",
    schema: { type: "string" as const },
  },
};

const RETRY_AFTER_HEADER = {
  "Retry-After": { description: "Seconds to wait before sending again.", schema: { type: "integer" as const, minimum: 1 } },
};

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "sourceApiKey", {
    type: "http",
    scheme: "bearer",
    description: "The alert source's API key (issued once by an administrator; stored only as a hash).",
  });
  // Schemas named with .meta({ id }) in lib/schemas/ingest.ts become components/schemas
  // entries, referenced by $ref wherever they appear.
  const problem = (description: string, headers: Record<string, unknown> = {}) => ({
    description,
    headers: { ...REQUEST_ID_HEADER, ...headers },
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
  });
  const problemList = Object.entries(PROBLEM_TYPES)
    .map(([kind, p]) => `- \`${problemType(kind as keyof typeof PROBLEM_TYPES)}\` (${p.status}): ${p.title}`)
    .join("\n");

  registry.registerPath({
    method: "post",
    path: "/api/v1/alerts",
    operationId: "ingestAlerts",
    summary: "Push early-warning alerts (预警)",
    description: [
      `Up to ${MAX_ALERTS_PER_REQUEST} alerts per request, body at most ${MAX_INGEST_BODY_BYTES} bytes.`,
      "A well-formed request is answered 200 with one result per item, in order; each result has its own",
      "`status` (201 created, 200 duplicate, 409 conflict, 422 invalid) and `outcome`. One bad item never",
      "blocks the others, and an invalid item writes nothing.",
      "",
      "Idempotent per source and `externalId`: resending is always safe. The same payload (compared after",
      "normalisation: phone prefixes, ID-number case, time-zone spelling, key order do not matter) is a",
      "`duplicate` and returns the existing alert's id; a different payload is a `conflict` and changes nothing.",
      "",
      "Routing: `stationCode` when given (it must name a police station), else the person's address through the",
      "community table, else the alert waits in the city's \"jurisdiction unknown\" queue.",
      "",
      "Repeats: an alert for a person (same phone, or same ID number) who has an open alert detected at most",
      "72 hours earlier is recorded as a repeat of it (`joinedAlertId`) instead of a second queue item; a higher",
      "risk raises the open alert's risk.",
      "",
      "Refused requests get an RFC 9457 problem document and write nothing (a bad key writes one audit row).",
      "429 and 503 carry `Retry-After` (seconds). Problem types:",
      problemList,
    ].join("\n"),
    security: [{ sourceApiKey: [] }],
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: IngestRequestSchema, example: EXAMPLE_REQUEST } },
      },
    },
    responses: {
      200: {
        description: "Processed: one result per item.",
        headers: REQUEST_ID_HEADER,
        content: { "application/json": { schema: IngestResponseSchema } },
      },
      400: problem("The body is not UTF-8 JSON."),
      401: problem("Missing, unknown or revoked API key, or the source is deactivated."),
      413: problem(`The body is larger than ${MAX_INGEST_BODY_BYTES} bytes.`),
      415: problem("The content type is not application/json."),
      422: problem(`The body is not { "alerts": [ … ] }, or holds 0 or more than ${MAX_ALERTS_PER_REQUEST} alerts.`),
      429: problem("Too many requests from this key or address, or too many refused keys from this address; wait `Retry-After` seconds.", RETRY_AFTER_HEADER),
      500: problem("Unexpected error; quote the requestId."),
      503: problem("The database is unreachable; nothing was written. Retry after `Retry-After` seconds.", RETRY_AFTER_HEADER),
    },
  });
  return registry;
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The OpenAPI 3.1 document of /api/v1 (built once per process). */
export function openApiDocument(): ReturnType<OpenApiGeneratorV31["generateDocument"]> {
  cached ??= new OpenApiGeneratorV31(buildRegistry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Anti-fraud console — alert ingestion API",
      version: API_VERSION,
      description: "Machine API through which upstream systems push early-warning alerts to the city anti-fraud center.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/" }],
  });
  return cached;
}
