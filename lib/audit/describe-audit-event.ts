// One audit event as a sentence in the reader's language ("王亚娟查看了预警 3f2b8c1e 当事人的完整
// 手机号，事由：电话劝阻需要拨号"), from the catalog of audit actions (auditAction.<action>.sentence)
// and the catalogs of the values it names (roles, risk levels, deadline kinds, …). Pure: the
// page passes its translator; tests pass one made from the catalogs.
import type { AuditOutcome } from "@/prisma/generated/client/enums";
import { formatFen, type MoneyLocale } from "@/lib/money";
import { isAuditAction } from "@/lib/audit/audit-actions";

/** What the sentence of one event is made from (lib/server/audit/list-audit-events.ts). */
export interface AuditEventView {
  action: string;
  outcome: AuditOutcome;
  actorName: string | null;
  entityType: string | null;
  entityId: string | null;
  /** As stored: ids, codes, counts, masked values, the reason a user typed. Never shown raw. */
  details: Record<string, unknown> | null;
  /** Names of the accounts and units the event refers to, by id, as far as the reader may see them. */
  names: Readonly<Record<string, string>>;
}

export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A sentence: text, and the alert it is about as a reference the page can link. */
export type SentencePart = string | { alertId: string; label: string };

/** Where the alert reference goes in the formatted text; a private-use character no catalog or user types. */
const MARK = "\uE000";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function describeAuditEvent(event: AuditEventView, t: Translate, locale: MoneyLocale): SentencePart[] {
  const values = sentenceValues(event, t, locale);
  const text = isAuditAction(event.action)
    ? t(`auditAction.${event.action}.sentence`, values)
    : t("audit.unknownAction", { actor: values.actor!, action: actionInWords(event.action, t) });
  if (!text.includes(MARK) || event.entityId === null) return [text];
  const alert = { alertId: event.entityId, label: shortId(event.entityId) };
  return text.split(MARK).flatMap((piece, i) => (i === 0 ? [piece] : [alert, piece])).filter((p) => p !== "");
}

/** An action the catalog does not know, still in words: its area, then its verb ("预警 · escalate now"). */
export function actionInWords(action: string, t: Translate): string {
  const [area = "", ...rest] = action.split(".");
  const verb = rest.join(" ").replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const areaWords = t.has(`audit.areas.${area}`) ? t(`audit.areas.${area}`) : area;
  return verb ? `${areaWords} · ${verb}` : areaWords;
}

/**
 * Every placeholder any sentence of the catalog uses gets a value here, for every event (a value
 * the event lacks reads "not recorded"), so that no sentence can fail for want of one; the
 * catalog test checks the catalog uses no other placeholder. References (alert, target, subject)
 * carry their own leading space and are empty when the event has none.
 */
export function sentenceValues(event: AuditEventView, t: Translate, locale: MoneyLocale): Record<string, string | number> {
  const d = event.details ?? {};
  const none = t("audit.unknownValue");
  const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v.replaceAll(MARK, "") : undefined);
  const count = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
  const word = (catalog: string, v: unknown): string => {
    const code = text(v);
    return code !== undefined && t.has(`${catalog}.${code}`) ? t(`${catalog}.${code}`) : none;
  };
  const nameOf = (id: unknown): string => {
    const key = text(id);
    if (key === undefined) return none;
    return event.names[key] ?? (UUID.test(key) ? shortId(key) : key);
  };
  // A changed value: a duration ({ amount, unit }), an amount of money ({ fen }), a risk level, or a unit (by id).
  const changed = (v: unknown): string => {
    if (typeof v === "object" && v !== null && "fen" in v) {
      const fen = text((v as { fen: unknown }).fen);
      return fen && /^\d+$/.test(fen) ? formatFen(BigInt(fen), locale) : none;
    }
    if (typeof v === "object" && v !== null && "amount" in v && "unit" in v) {
      const { amount, unit } = v as { amount: unknown; unit: unknown };
      const key = `audit.duration.${text(unit)}`;
      return t.has(key) ? t(key, { amount: count(amount) }) : none;
    }
    if (typeof v === "string" && UUID.test(v)) return nameOf(v);
    return word("risk", v);
  };
  const entity = event.entityType;
  const entityId = text(event.entityId);
  const succeeded = event.outcome === "SUCCESS";
  const reasonKey = `audit.reasons.${text(d.reason)}`;
  const lossFen = text(d.lossFen);

  const actor =
    text(event.actorName) ??
    (text(d.username) ? t("audit.who.username", { username: text(d.username)! })
      : text(d.sourceCode) ? t("audit.who.source", { source: text(d.sourceCode)! })
      : t("audit.who.anonymous"));
  const targetName = entity === "user" ? (text(d.username) ?? (entityId ? nameOf(entityId) : undefined)) : undefined;

  return {
    outcome: event.outcome,
    actor,
    alert: entity === "alert" && entityId ? ` ${MARK}` : "",
    instruction: entity === "instruction" && entityId ? ` ${shortId(entityId)}` : "",
    target: targetName ? ` ${targetName}` : "",
    subject: subjectOf(entity, entityId, t),
    // For a refusal or failure, `reason` is a code with words in audit.reasons; for a reveal or a
    // risk change, it is what the user typed.
    refusal: succeeded ? "" : t.has(reasonKey) ? t(reasonKey) : t("audit.reasons.unspecified"),
    reason: succeeded ? (text(d.reason) ?? none) : "",
    role: word("roles", d.role),
    unit: nameOf(d.unitId),
    station: nameOf(d.stationId),
    from: changed(d.from),
    to: changed(d.to),
    level: d.riskLevel === null ? t("audit.anyRisk") : word("risk", d.riskLevel),
    kind: word("deadlineKind", d.kind ?? (entity === "deadline_rule" ? entityId : undefined)),
    sourceKind: word("sourceKind", d.kind),
    fraudType: word("fraudType", d.fraudType ?? (entity === "playbook" ? entityId : undefined)),
    scope: word("audit.scope", d.scope),
    channel: word("channel", d.channel),
    result: word("contactResult", d.result),
    closeOutcome: word("outcome", d.outcome),
    loss: lossFen && /^\d+$/.test(lossFen) ? t("audit.loss", { amount: formatFen(BigInt(lossFen), locale) }) : "",
    phone: text(d.phone) ?? none,
    results: count(d.results),
    community: [text(d.street), text(d.name)].filter(Boolean).join(" ") || (entityId ? shortId(entityId) : none),
    source: text(d.sourceCode) ?? text(d.code) ?? none,
    name: text(d.name) ?? none,
    prefix: text(d.prefix) ?? none,
    removed: count(d.removed),
    version: count(d.version),
    attempts: count(d.failedAttempts),
    minutes: count(d.lockedMinutes),
    created: count(d.created),
    joined: count(d.joined),
    duplicate: count(d.duplicate),
    conflict: count(d.conflict),
    invalid: count(d.invalid),
    city: text(d.cityCode) ?? none,
    alerts: count(d.alerts),
    // The dispatch chain: where an instruction went (a station, or a district), its kind, the
    // feedback's outcome, why a station declined it, which deadline it missed.
    holder: nameOf(text(d.stationId) ?? d.districtId),
    instructionKind: word("instructions.kind", d.kind),
    feedback: word("instructions.feedbackOutcome", d.outcome),
    declineReason: word("instructions.declineReason", d.reason),
    deadline: word("audit.deadline", d.deadline),
    reminder: word("audit.reminder", d.reminder),
    marked: count(d.marked),
    // The money workflow: which request or case, its kind, the amount.
    request: entity === "bank_request" && entityId ? ` ${shortId(entityId)}` : "",
    caseRef: entity === "case" && entityId ? ` ${shortId(entityId)}` : "",
    requestKind: word("money.kind", d.kind),
    amount: text(d.amountFen) && /^\d+$/.test(text(d.amountFen)!) ? formatFen(BigInt(text(d.amountFen)!), locale) : none,
    caseNumber: text(d.caseNumber) ?? none,
    // The working-day calendar and the banks (the money workflow's configuration).
    day: text(d.day) ?? none,
    dayKind: typeof d.working === "boolean" ? t(`audit.dayKind.${d.working ? "working" : "off"}`) : none,
    note: text(d.note) ?? none,
    year: typeof d.year === "number" ? String(d.year) : (entity === "calendar_year" && entityId) || none,
    updated: count(d.updated),
    bankKind: word("moneyAdmin.bankKind", d.kind),
    code: text(d.code) ?? none,
  };
}

/** What a refused configuration change was about, when the refusal names it. */
function subjectOf(entity: string | null, id: string | undefined, t: Translate): string {
  if (!entity || !id) return "";
  switch (entity) {
    case "deadline_rule":
      return t.has(`deadlineKind.${id}`) ? t("audit.subject.deadline_rule", { kind: t(`deadlineKind.${id}`) }) : "";
    case "playbook":
      return t.has(`fraudType.${id}`) ? t("audit.subject.playbook", { fraudType: t(`fraudType.${id}`) }) : "";
    case "community":
    case "alert_source":
    case "api_key":
    case "bank":
      return t(`audit.subject.${entity}`, { id: shortId(id) });
    case "calendar_day":
      return t("audit.subject.calendar_day", { day: id });
    case "calendar_year":
      return t("audit.subject.calendar_year", { year: id });
    default:
      return "";
  }
}
