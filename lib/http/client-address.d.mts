// Types for client-address.mjs (plain JavaScript so that scripts/serve.mjs runs it uncompiled).
export interface ParsedAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}
export interface TrustedRange extends ParsedAddress {
  prefix: number;
}

export const CLIENT_ADDRESS_HEADER: "x-afc-client-address";
export function parseAddress(text: string): ParsedAddress | null;
export function normalizeAddress(text: string): string | null;
export function parseTrustedProxies(spec: string | undefined): TrustedRange[];
export function isTrusted(trusted: TrustedRange[], address: ParsedAddress): boolean;
export function clientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trusted: TrustedRange[];
}): string | null;
