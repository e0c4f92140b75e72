import fc from "fast-check";
import IPCIDR = require("ip-cidr");
import {
  Cidr,
  cidrContains,
  cidrsOverlap,
  findOverlaps,
  formatIp,
  OwnedCidr,
  parseCidr,
  prefixMask,
  tryParseCidr,
  tryParseIp,
} from "../../lib/net/cidr";

const octet = fc.integer({ min: 0, max: 255 });
const ipText = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
const cidrText = fc.tuple(ipText, fc.integer({ min: 0, max: 32 })).map(([ip, p]) => `${ip}/${p}`);

/** A random network block (host bits zero). */
const block = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
  .map(([n, p]) => parseCidr(`${formatIp((n & prefixMask(p)) >>> 0)}/${p}`));

function toNumber(ip: string): number {
  return ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}

describe("parseCidr agrees with ip-cidr", () => {
  it("start and end match new IPCIDR(x).start()/end() for every valid block", () => {
    fc.assert(
      fc.property(cidrText, (text) => {
        const parsed = tryParseCidr(text);
        expect(parsed).toBeDefined();
        const reference = new IPCIDR(text);
        expect(parsed!.start).toBe(toNumber(reference.start() as string));
        expect(parsed!.end).toBe(toNumber(reference.end() as string));
        expect(parsed!.network).toBe(`${reference.start()}/${parsed!.prefix}`);
        expect(parsed!.hostBitsZero).toBe(parsed!.start === toNumber(text.split("/")[0]));
      }),
      { numRuns: 500 },
    );
  });

  it("normalizing is idempotent and keeps the range", () => {
    fc.assert(
      fc.property(cidrText, (text) => {
        const a = parseCidr(text);
        const b = parseCidr(a.network);
        expect(b.hostBitsZero).toBe(true);
        expect([b.start, b.end, b.network]).toEqual([a.start, a.end, a.network]);
      }),
    );
  });

  it.each([
    ["10.0.0.1/16", "10.0.0.0/16", false],
    ["10.0.0.0/16", "10.0.0.0/16", true],
    ["0.0.0.0/0", "0.0.0.0/0", true],
    ["192.168.1.77/32", "192.168.1.77/32", true],
    ["172.31.255.255/12", "172.16.0.0/12", false],
  ])("%s normalizes to %s (host bits zero: %s)", (text, network, zero) => {
    const parsed = parseCidr(text);
    expect(parsed.network).toBe(network);
    expect(parsed.hostBitsZero).toBe(zero);
  });

  it.each(["10.0.0.0", "10.0.0.0/33", "10.0.0.256/8", "10.0.0/8", "01.0.0.0/8", "::1/128", "10.0.0.0/-1", "", "x/8", "10.0.0.0/8/8"])(
    "refuses '%s' exactly like ip-cidr does",
    (text) => {
      expect(tryParseCidr(text)).toBeUndefined();
      expect(() => parseCidr(text)).toThrow(`'${text}' is not an IPv4 CIDR block`);
    },
  );

  it("agrees with IPCIDR.isValidCIDR on arbitrary strings over CIDR characters", () => {
    const chars = fc.constantFrom(..."0123456789./:".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }).map((c) => c.join("")), (text) => {
        const ours = tryParseCidr(text) !== undefined;
        const theirs = IPCIDR.isValidCIDR(text) && !text.includes(":") && /\/\d{1,2}$/.test(text);
        expect(ours).toBe(theirs);
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees with ip-cidr on near-canonical text (leading zeros, octets past 255, odd prefixes)", () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.integer({ min: 0, max: 99 }).map((n) => `0${n}`));
    const prefix = fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.integer({ min: 0, max: 9 }).map((n) => `0${n}`));
    fc.assert(
      fc.property(fc.tuple(part, part, part, part, prefix), ([a, b, c, d, p]) => {
        const text = `${a}.${b}.${c}.${d}/${p}`;
        const parsed = tryParseCidr(text);
        expect(parsed !== undefined).toBe(IPCIDR.isValidCIDR(text));
        if (parsed) {
          const reference = new IPCIDR(text);
          expect([parsed.start, parsed.end]).toEqual([toNumber(reference.start() as string), toNumber(reference.end() as string)]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with ip-cidr on near-canonical addresses (leading zeros, octets past 255)", () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.integer({ min: 0, max: 99 }).map((n) => `0${n}`));
    fc.assert(
      fc.property(fc.tuple(part, part, part, part), ([a, b, c, d]) => {
        const text = `${a}.${b}.${c}.${d}`;
        expect(tryParseIp(text) !== undefined).toBe(IPCIDR.isValidAddress(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("parses addresses like ip-cidr", () => {
    fc.assert(
      fc.property(ipText, (text) => {
        expect(tryParseIp(text)).toBe(toNumber(text));
        expect(formatIp(tryParseIp(text)!)).toBe(text);
      }),
    );
    expect(tryParseIp("10.0.0.0/8")).toBeUndefined();
    expect(tryParseIp("256.0.0.1")).toBeUndefined();
    expect(tryParseIp("1.2.3")).toBeUndefined();
  });
});

describe("overlap and containment", () => {
  it("overlap is symmetric", () => {
    fc.assert(fc.property(block, block, (a, b) => expect(cidrsOverlap(a, b)).toBe(cidrsOverlap(b, a))));
  });

  it("containment implies overlap", () => {
    fc.assert(
      fc.property(block, block, (a, b) => {
        if (cidrContains(a, b)) expect(cidrsOverlap(a, b)).toBe(true);
      }),
    );
  });

  it("two aligned blocks overlap exactly when one contains the other", () => {
    fc.assert(
      fc.property(block, block, (a, b) => {
        expect(cidrsOverlap(a, b)).toBe(cidrContains(a, b) || cidrContains(b, a));
      }),
    );
  });

  it.each([
    ["10.0.0.0/16", "10.0.0.0/8", true],
    ["10.0.0.0/16", "10.1.0.0/16", false],
    ["10.0.255.0/24", "10.1.0.0/24", false],
    ["192.168.1.0/24", "192.168.1.128/25", true],
  ])("%s vs %s overlaps: %s", (a, b, expected) => {
    expect(cidrsOverlap(parseCidr(a), parseCidr(b))).toBe(expected);
  });
});

describe("findOverlaps (sort and sweep)", () => {
  const owned = fc.array(fc.tuple(block, fc.integer({ min: 0, max: 4 })), { maxLength: 12 }).map((items) =>
    items.map(([cidr, owner]): OwnedCidr<number> => ({ cidr, owner })),
  );

  /** Items that overlap some item of another owner, by brute force. */
  function bruteForce(items: OwnedCidr<number>[]): Set<OwnedCidr<number>> {
    const hit = new Set<OwnedCidr<number>>();
    for (const x of items) for (const y of items) if (x !== y && x.owner !== y.owner && cidrsOverlap(x.cidr, y.cidr)) hit.add(x);
    return hit;
  }

  it("finds an overlap iff the O(n²) check does", () => {
    fc.assert(
      fc.property(owned, (items) => {
        expect(findOverlaps(items).length > 0).toBe(bruteForce(items).size > 0);
      }),
      { numRuns: 1000 },
    );
  });

  // Per owner, not per item: of two identical blocks of one owner only one is paired (the same conflict).
  it("every reported pair overlaps and has two owners, and every owner in a conflict is named", () => {
    fc.assert(
      fc.property(owned, (items) => {
        const pairs = findOverlaps(items);
        const named = new Set<number>();
        for (const { a, b } of pairs) {
          expect(cidrsOverlap(a.cidr, b.cidr)).toBe(true);
          expect(a.owner).not.toBe(b.owner);
          named.add(a.owner).add(b.owner);
        }
        for (const item of bruteForce(items)) expect(named.has(item.owner)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("does not pair blocks of one owner", () => {
    const items: OwnedCidr<string>[] = ["10.0.0.0/16", "10.0.0.0/8", "10.0.1.0/24"].map((t) => ({ cidr: parseCidr(t), owner: "same" }));
    expect(findOverlaps(items)).toEqual([]);
  });

  it("names the furthest-reaching earlier block", () => {
    const cidr = (t: string): Cidr => parseCidr(t);
    const pairs = findOverlaps([
      { cidr: cidr("10.0.0.0/8"), owner: "big" },
      { cidr: cidr("10.5.0.0/16"), owner: "small" },
    ]);
    expect(pairs.map((p) => [p.a.owner, p.b.owner])).toEqual([["big", "small"]]);
  });
});
