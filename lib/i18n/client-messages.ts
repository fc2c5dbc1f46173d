// Which words go to the browser. Server components translate on the server and send text; only
// client components need a catalog in the browser, and next-intl's provider, given no `messages`,
// would serialise the whole catalog (85 KB, a quarter of it audit action names) into every page.
// So the root layout sends the words the console's shared client components read, and the few
// sections with many client forms add their own in their layout (components/i18n/client-messages.tsx).
// tests/unit/client-messages.test.ts reads every client component and fails when one reads a key
// not sent to where it lives.

type Messages = Record<string, unknown>;

/** What client components outside the sections below read (the shell, lists, shared widgets). */
export const SHARED_CLIENT_MESSAGES = [
  "alertStatus",
  "cases.clock",
  "cases.stop",
  "changePassword",
  "dispatch.queue",
  "errorPage",
  "fraudType",
  "instructionLists.deadline",
  "instructionLists.district",
  "instructionPage.deadline",
  "instructions.urgency",
  "live",
  "login",
  "nav",
  "notifications",
  "queue",
  "risk",
  "shortcuts",
] as const;

/** A section's own client words, sent by its layout, keyed by the section's folder. */
export const SECTION_CLIENT_MESSAGES = {
  "app/(console)/admin": ["admin", "adminConfig", "moneyAdmin"],
  "app/(console)/alerts/[id]": [
    "alerts.reveal",
    "cases.protective",
    "channel",
    "contactResult",
    "dispatch.countdown",
    "dispatch.form",
    "instructions.kind",
    "outcome",
    "triage",
  ],
  "app/(console)/cases/[id]": ["cases.caseNumber", "cases.followUp", "money.kind"],
  "app/(console)/instructions/[id]": [
    "instructionPage",
    "instructions.check",
    "instructions.declineReason",
    "instructions.feedbackOutcome",
    "outcome",
  ],
  "app/(console)/requests/[id]": ["bankRequestPage", "requestPrint"],
} as const satisfies Record<string, readonly string[]>;

export type ClientSection = keyof typeof SECTION_CLIENT_MESSAGES;

/** The messages at the dotted paths, nested as in the catalog. */
function pick(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: unknown = messages;
    for (const k of keys) from = (from as Messages | undefined)?.[k];
    if (from === undefined) continue;
    let into = out;
    for (const k of keys.slice(0, -1)) into = (into[k] ??= {}) as Messages;
    into[keys.at(-1)!] = from;
  }
  return out;
}

// The catalog object is loaded once per locale (load-messages.ts), so each pick is made once.
const picked = new WeakMap<Messages, Map<string, Messages>>();

/** The client words for the shell, or for a section (with the shell's, since a provider replaces its parent's). */
export function clientMessages(messages: Messages, section?: ClientSection): Messages {
  let bySection = picked.get(messages);
  if (!bySection) picked.set(messages, (bySection = new Map()));
  const key = section ?? "";
  let result = bySection.get(key);
  if (!result) {
    result = pick(messages, [...SHARED_CLIENT_MESSAGES, ...(section ? SECTION_CLIENT_MESSAGES[section] : [])]);
    bySection.set(key, result);
  }
  return result;
}
