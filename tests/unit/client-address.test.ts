import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientAddress, isTrusted, normalizeAddress, parseAddress, parseTrustedProxies } from "@/lib/http/client-address.mjs";

describe("normalizeAddress", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    [" 10.1.2.3 ", "10.1.2.3"],
    ["10.0.0.1:8080", "10.0.0.1"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["[::ffff:192.0.2.1]:443", "192.0.2.1"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // equal runs: the first is compressed
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"], // the longest run is compressed
    ["1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7"], // a single zero word is not
    ["::", "::"],
    ["1::", "1::"],
    ["fe80::1%eth0", "fe80::1"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it.each(["", "unknown", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1::2::3", ":::", "12345::", "2001:db8::1::", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "::ffff:1.2.3", "g::1", "1.2.3.4/8"])(
    "%j is no address",
    (input) => {
      expect(parseAddress(input)).toBeNull();
    },
  );

  it("is stable: the canonical text parses back to the same bytes", () => {
    const v6 = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(v6, (words) => {
        const text = words.map((w) => w.toString(16)).join(":");
        const once = normalizeAddress(text)!;
        expect(once).not.toBeNull();
        expect(normalizeAddress(once)).toBe(once);
        expect(parseAddress(once)!.bytes).toEqual(parseAddress(text)!.bytes);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (bytes) => {
        const text = bytes.join(".");
        expect(normalizeAddress(text)).toBe(text);
        expect(normalizeAddress(`::ffff:${text}`)).toBe(text);
      }),
    );
  });
});

describe("parseTrustedProxies", () => {
  it("reads addresses and ranges of both families; empty means none", () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies(" , ")).toEqual([]);
    const ranges = parseTrustedProxies("10.0.0.0/8, 192.168.1.5 ,::1, 2001:db8::/32, ::ffff:172.16.0.0/108");
    expect(ranges.map((r) => [r.family, r.prefix])).toEqual([
      [4, 8],
      [4, 32],
      [6, 128],
      [6, 32],
      [4, 12], // an IPv4-mapped range is the IPv4 range it maps
    ]);
  });

  it.each(["10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/8x", "proxy.internal", "10.0.0.0/8;"])("refuses %j, naming it", (spec) => {
    expect(() => parseTrustedProxies(`127.0.0.1,${spec}`)).toThrow(spec.trim());
  });
});

describe("isTrusted", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, 2001:db8:a::/48, 172.16.0.0/12");
  it.each([
    ["10.255.1.2", true],
    ["11.0.0.1", false],
    ["127.0.0.1", true],
    ["::ffff:127.0.0.1", true], // a dual-stack socket's view of an IPv4 peer
    ["127.0.0.2", false],
    ["172.31.255.255", true],
    ["172.32.0.0", false],
    ["2001:db8:a:ffff::1", true],
    ["2001:db8:b::1", false],
    ["::1", false],
    ["::a00:1", false], // IPv4-compatible (not mapped) IPv6 is IPv6
  ])("%s → %s", (address, expected) => {
    expect(isTrusted(trusted, parseAddress(address)!)).toBe(expected);
  });

  it("holds exactly the addresses that share the range's prefix", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 128 }),
        (base, other, prefix) => {
          const range = { family: 6 as const, bytes: base, prefix };
          const bitsEqual = Array.from({ length: prefix }, (_, i) => ((base[i >> 3]! >> (7 - (i & 7))) & 1) === ((other[i >> 3]! >> (7 - (i & 7))) & 1));
          expect(isTrusted([range], { family: 6, bytes: other })).toBe(bitsEqual.every(Boolean));
        },
      ),
    );
  });
});

describe("clientAddress", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, ::1");
  const from = (socketAddress: string | undefined, forwardedFor?: string | string[]) => clientAddress({ socketAddress, forwardedFor, trusted });

  it("a client that is not a trusted proxy is its socket address, whatever it forwards", () => {
    expect(from("::ffff:203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(from("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "198.51.100.1", trusted: [] })).toBe("10.0.0.2");
  });

  it("behind a trusted proxy, the right-most entry that is not a trusted proxy", () => {
    expect(from("10.0.0.2", "198.51.100.7")).toBe("198.51.100.7");
    expect(from("::ffff:10.0.0.2", "198.51.100.7, 10.0.0.5")).toBe("198.51.100.7");
    // The client wrote the left entry itself: it proves nothing.
    expect(from("10.0.0.2", "1.1.1.1, 198.51.100.7")).toBe("198.51.100.7");
    expect(from("::1", ["1.1.1.1", "2001:db8::5"])).toBe("2001:db8::5");
    expect(from("10.0.0.2", "198.51.100.7, , 10.0.0.5")).toBe("198.51.100.7");
  });

  it("when every hop is trusted, the left-most; without the header, the proxy itself", () => {
    expect(from("10.0.0.2", "10.0.0.9, 10.0.0.5")).toBe("10.0.0.9");
    expect(from("10.0.0.2")).toBe("10.0.0.2");
    expect(from("10.0.0.2", "")).toBe("10.0.0.2");
  });

  it("an entry that is not an address stops the walk at the last trusted hop", () => {
    expect(from("10.0.0.2", "198.51.100.7, garbage")).toBe("10.0.0.2");
    expect(from("10.0.0.2", "198.51.100.7, garbage, 10.0.0.5")).toBe("10.0.0.5");
  });

  it("no socket address, no client address", () => {
    expect(from(undefined, "198.51.100.7")).toBeNull();
  });
});
