// Which address a request came from, when proxies may stand in between. Pure functions, plain
// ESM: scripts/serve.mjs runs them before anything is compiled; the app reads the header name.
// See docs/decisions/009-client-address.md.

/**
 * The private request header in which scripts/serve.mjs hands the client's address to the app.
 * The server deletes any copy a client sent, so the app can believe it.
 */
export const CLIENT_ADDRESS_HEADER = "x-afc-client-address";

/**
 * Parses an IPv4 or IPv6 address (optionally bracketed, with a port or an IPv6 zone) into its
 * bytes. IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address it maps: a dual-stack socket
 * reports IPv4 clients that way. Returns null for anything else.
 * @param {string} text
 * @returns {{ family: 4 | 6, bytes: Uint8Array } | null}
 */
export function parseAddress(text) {
  let s = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":")); // IPv4 with a port
  const zone = s.indexOf("%");
  if (zone > 0) s = s.slice(0, zone);
  const v4 = parseIPv4(s);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIPv6(s);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { family: 4, bytes: v6.slice(12) } : { family: 6, bytes: v6 };
}

/**
 * The canonical text of an address (dotted IPv4, RFC 5952 IPv6), or null when it is none.
 * @param {string} text
 * @returns {string | null}
 */
export function normalizeAddress(text) {
  const address = parseAddress(text);
  return address ? formatAddress(address) : null;
}

/**
 * Parses TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (IPv4 or IPv6). Empty means
 * none. Throws on any entry it cannot read, naming it: a typo must not silently trust nobody,
 * or everybody.
 * @param {string | undefined} spec
 * @returns {{ family: 4 | 6, bytes: Uint8Array, prefix: number }[]}
 */
export function parseTrustedProxies(spec) {
  const entries = (spec ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "");
  return entries.map((entry) => {
    const slash = entry.indexOf("/");
    const address = parseAddress(slash < 0 ? entry : entry.slice(0, slash));
    const prefixText = slash < 0 ? null : entry.slice(slash + 1);
    if (!address || (prefixText !== null && !/^\d{1,3}$/.test(prefixText))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const bits = address.bytes.length * 8;
    let prefix = prefixText === null ? bits : Number(prefixText);
    // ::ffff:10.0.0.0/104 was parsed as the IPv4 address it maps; its prefix counts 96 bits fewer.
    if (prefixText !== null && address.family === 4 && entry.includes(":")) prefix -= 96;
    if (prefix < 0 || prefix > bits) throw new Error(`TRUSTED_PROXIES: "${entry}" has a prefix outside 0–${bits}`);
    return { family: address.family, bytes: address.bytes, prefix };
  });
}

/**
 * @param {{ family: 4 | 6, bytes: Uint8Array, prefix: number }[]} trusted
 * @param {{ family: 4 | 6, bytes: Uint8Array }} address
 */
export function isTrusted(trusted, address) {
  return trusted.some((range) => range.family === address.family && samePrefix(range.bytes, address.bytes, range.prefix));
}

/**
 * The address of the client, as far as it can be known: the socket's peer, unless that peer is a
 * trusted proxy; then X-Forwarded-For is read from the right (each proxy appends the address it
 * saw) and the first entry that is not a trusted proxy is the client. Entries to its left were
 * written by the client itself and prove nothing. When an entry is not an address at all, the
 * last trusted hop is the best that can be vouched for.
 * @param {{ socketAddress: string | undefined, forwardedFor: string | string[] | undefined,
 *           trusted: { family: 4 | 6, bytes: Uint8Array, prefix: number }[] }} input
 * @returns {string | null}
 */
export function clientAddress({ socketAddress, forwardedFor, trusted }) {
  let current = socketAddress ? parseAddress(socketAddress) : null;
  if (!current) return null;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((h) => h.trim());
  for (let i = hops.length - 1; i >= 0 && isTrusted(trusted, current); i--) {
    if (hops[i] === "") continue;
    const hop = parseAddress(hops[i]);
    if (!hop) break;
    current = hop;
  }
  return formatAddress(current);
}

/** @param {string} s */
function parseIPv4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    // No leading zeros: some parsers read 010 as octal, so it has no single meaning.
    if (!/^(0|[1-9]\d{0,2})$/.test(parts[i]) || Number(parts[i]) > 255) return null;
    bytes[i] = Number(parts[i]);
  }
  return bytes;
}

/** @param {string} s */
function parseIPv6(s) {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const words = (part, ipv4Last) => {
    if (part === "") return [];
    const out = [];
    const tokens = part.split(":");
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (ipv4Last && i === tokens.length - 1 && t.includes(".")) {
        const v4 = parseIPv4(t);
        if (!v4) return null;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(t)) {
        out.push(Number.parseInt(t, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  let all;
  if (halves.length === 1) {
    all = words(halves[0], true);
    if (!all || all.length !== 8) return null;
  } else {
    const head = words(halves[0], false);
    const tail = words(halves[1], true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    all = [...head, ...new Array(8 - head.length - tail.length).fill(0), ...tail];
  }
  const bytes = new Uint8Array(16);
  all.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}

/** @param {{ family: 4 | 6, bytes: Uint8Array }} address */
function formatAddress({ family, bytes }) {
  if (family === 4) return Array.from(bytes).join(".");
  const words = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  // RFC 5952: compress the longest run of two or more zero words (the first, on a tie).
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = (ws) => ws.map((w) => w.toString(16)).join(":");
  if (best.start < 0) return hex(words);
  return `${hex(words.slice(0, best.start))}::${hex(words.slice(best.start + best.length))}`;
}

/** @param {Uint8Array} a @param {Uint8Array} b @param {number} prefix */
function samePrefix(a, b, prefix) {
  const whole = Math.floor(prefix / 8);
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = prefix % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (a[whole] & mask) === (b[whole] & mask);
}
