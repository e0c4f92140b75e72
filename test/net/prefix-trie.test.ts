import fc from "fast-check";
import { formatIp, parseCidr, prefixMask, PrefixTrie } from "../../lib/net";

describe("PrefixTrie", () => {
  test("longest prefix wins, values at one prefix stay together in insertion order", () => {
    const trie = new PrefixTrie<string>();
    trie.insert(parseCidr("10.0.0.0/8"), "eight");
    trie.insert(parseCidr("10.1.0.0/16"), "sixteen-a");
    trie.insert(parseCidr("10.1.0.0/16"), "sixteen-b");
    trie.insert(parseCidr("10.1.2.0/24"), "twenty-four");
    const at = (ip: string) => trie.match(parseCidr(`${ip}/32`).start);
    expect(at("10.1.2.3")?.values).toEqual(["twenty-four"]);
    expect(at("10.1.3.3")?.values).toEqual(["sixteen-a", "sixteen-b"]);
    expect(at("10.1.3.3")?.cidr.network).toBe("10.1.0.0/16");
    expect(at("10.200.0.1")?.values).toEqual(["eight"]);
    expect(at("11.0.0.1")).toBeUndefined();
    expect(trie.size).toBe(3);
  });

  test("a /0 route matches everything and /32 matches one address", () => {
    const trie = new PrefixTrie<string>();
    trie.insert(parseCidr("0.0.0.0/0"), "default");
    trie.insert(parseCidr("192.0.2.7/32"), "host");
    expect(trie.match(parseCidr("192.0.2.7/32").start)?.values).toEqual(["host"]);
    expect(trie.match(parseCidr("192.0.2.8/32").start)?.values).toEqual(["default"]);
  });

  test("matchWhere skips prefixes whose values are all rejected and keeps only accepted ones", () => {
    const trie = new PrefixTrie<string>();
    trie.insert(parseCidr("10.0.0.0/8"), "wide");
    trie.insert(parseCidr("10.1.0.0/16"), "self");
    trie.insert(parseCidr("10.1.0.0/16"), "other");
    const ip = parseCidr("10.1.0.9/32").start;
    expect(trie.matchWhere(ip, (v) => v !== "self")?.values).toEqual(["other"]);
    expect(trie.matchWhere(ip, (v) => v === "wide")?.cidr.network).toBe("10.0.0.0/8");
    expect(trie.matchWhere(ip, () => false)).toBeUndefined();
  });

  test("exact finds only the very block", () => {
    const trie = new PrefixTrie<number>();
    trie.insert(parseCidr("10.1.0.0/16"), 1);
    expect(trie.exact(parseCidr("10.1.0.0/16"))?.values).toEqual([1]);
    expect(trie.exact(parseCidr("10.1.0.0/17"))).toBeUndefined();
    expect(trie.exact(parseCidr("10.0.0.0/8"))).toBeUndefined();
  });

  test("agrees with a brute-force longest-prefix match over random routes", () => {
    const route = fc.record({ ip: fc.nat({ max: 0xffffffff }), prefix: fc.integer({ min: 0, max: 32 }) });
    fc.assert(
      fc.property(fc.array(route, { minLength: 1, maxLength: 40 }), fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 20 }), (routes, probes) => {
        const trie = new PrefixTrie<number>();
        const blocks = routes.map((r) => parseCidr(`${formatIp((r.ip & prefixMask(r.prefix)) >>> 0)}/${r.prefix}`));
        blocks.forEach((b, i) => trie.insert(b, i));
        // Probe inside every block too, so matches are common, not only misses.
        for (const ip of [...probes, ...blocks.map((b) => b.end)]) {
          const containing = blocks.filter((b) => b.start <= ip && ip <= b.end);
          const longest = Math.max(-1, ...containing.map((b) => b.prefix));
          const expected = blocks.map((b, i) => [b, i] as const).filter(([b]) => b.prefix === longest && b.start <= ip && ip <= b.end).map(([, i]) => i);
          const got = trie.match(ip);
          if (longest < 0) expect(got).toBeUndefined();
          else expect(got?.values).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
