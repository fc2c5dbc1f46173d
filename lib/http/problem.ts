// RFC 9457 problem details for the machine APIs (/api/v1/…). A refused request gets one of these,
// with `application/problem+json`, never an HTML error page or a bare status.
import { z } from "zod";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * Problem types are identifiers, not links (RFC 9457 §3.1.1 allows non-resolvable URIs such as
 * tag URIs): clients compare them as strings; the OpenAPI document lists them.
 */
export const PROBLEM_TYPE_PREFIX = "tag:anti-fraud-console,2026:problem/";

export const PROBLEM_TYPES = {
  unauthorized: { status: 401, title: "Missing or invalid API key" },
  unsupportedMediaType: { status: 415, title: "Unsupported content type" },
  contentTooLarge: { status: 413, title: "Request body too large" },
  malformedJson: { status: 400, title: "Malformed JSON" },
  invalidRequest: { status: 422, title: "Invalid request" },
  batchSize: { status: 422, title: "Batch size out of range" },
  tooManyRequests: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
  serviceUnavailable: { status: 503, title: "Service temporarily unavailable" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof PROBLEM_TYPES;

export function problemType(kind: ProblemKind): string {
  return `${PROBLEM_TYPE_PREFIX}${kind}`;
}

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ description: `A URI identifying the problem type (${PROBLEM_TYPE_PREFIX}…).`, example: `${PROBLEM_TYPE_PREFIX}malformedJson` }),
    title: z.string().meta({ description: "Short summary of the problem type (the same for every occurrence)." }),
    status: z.int().meta({ description: "The HTTP status code." }),
    detail: z.string().meta({ description: "What was wrong with this request." }),
    instance: z.string().optional().meta({ description: "urn:uuid of this request (the same as requestId)." }),
    requestId: z.string().meta({ description: "Quote it when reporting a problem: it is on our log lines and audit rows." }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "Validation errors of the request envelope, when there are some." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export type Problem = z.infer<typeof ProblemSchema>;

export interface ProblemOptions {
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  headers?: Record<string, string>;
}

/** A problem-details response of the given kind. */
export function problemResponse(kind: ProblemKind, options: ProblemOptions): Response {
  const { status, title } = PROBLEM_TYPES[kind];
  const body: Problem = {
    type: problemType(kind),
    title,
    status,
    detail: options.detail,
    requestId: options.requestId,
    ...(isUuid(options.requestId) ? { instance: `urn:uuid:${options.requestId}` } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": PROBLEM_CONTENT_TYPE,
      "Cache-Control": "no-store",
      "X-Request-Id": options.requestId,
      ...options.headers,
    },
  });
}

function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
