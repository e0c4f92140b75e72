import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { ResourceType } from "../../../lib/core/manifest";
import { CloudEngine } from "../../../providers/cloud";
import { canonicalJson } from "../../../providers/cloud/actions/kind";
import { ClientTokenIndex, TokenScan } from "../../../providers/cloud/store/client-tokens";
import { SecretTable } from "../../../providers/cloud/store/secrets";
import { ACCOUNT_A, ACCOUNT_B, as, connectionParams, refusal, tempDir, World } from "./helpers";

const VPC = { name: "v", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] };

/**
 * Client tokens are found through an index each connection keeps in memory;
 * these are the cases where another connection (another process) changed the
 * store behind it, or where it rolled back a create of its own.
 */
describe("client tokens across connections", () => {
  let dir: string;
  let file: string;
  let engines: CloudEngine[];
  const open = () => {
    const engine = CloudEngine.open({ path: file });
    engines.push(engine);
    return engine;
  };
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, "tokens.db");
    engines = [];
  });
  afterEach(() => {
    jest.restoreAllMocks();
    engines.forEach((e) => e.close());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a retry through a connection that read its tokens before the first create finds the resource", () => {
    const one = open();
    const two = open();
    // The second connection reads its tokens now, before the create it must later find.
    two.request("CreateCcn", { name: "warm" }, as(ACCOUNT_A, "tok-warm"));
    const first = one.request("CreateVpc", VPC, as(ACCOUNT_A, "tok-1"));
    expect(two.request("CreateVpc", VPC, as(ACCOUNT_A, "tok-1"))).toEqual(first);
    expect(refusal(() => two.request("CreateVpc", { ...VPC, name: "w" }, as(ACCOUNT_A, "tok-1"))).code).toBe("IdempotentParameterMismatch");
    expect(refusal(() => two.request("CreateCcn", { name: "c" }, as(ACCOUNT_A, "tok-1"))).code).toBe("IdempotentParameterMismatch");
    expect(one.request("DescribeVpcs", {}, as(ACCOUNT_A)).items).toEqual([first]);
    // Tokens stay per account.
    expect(two.request("CreateVpc", VPC, as(ACCOUNT_B, "tok-1")).account).toBe(ACCOUNT_B);
  });

  test("once another connection deletes the resource, its token creates anew (with a new ID)", () => {
    const one = open();
    const two = open();
    const first = one.request("CreateVpc", VPC, as(ACCOUNT_A, "tok-1")).id as string;
    two.request("DeleteVpc", { id: first }, as(ACCOUNT_A));
    const again = one.request("CreateVpc", VPC, as(ACCOUNT_A, "tok-1")).id as string;
    expect(again).not.toBe(first);
    expect(two.request("CreateVpc", VPC, as(ACCOUNT_A, "tok-1")).id).toBe(again);
    expect((one.request("DescribeVpcs", {}, as(ACCOUNT_A)).items as Array<{ id: string }>).map((v) => v.id)).toEqual([again]);
  });

  test("a create rolled back after its row was written leaves its token unused, and hides no other connection's create of that ID", () => {
    const one = open();
    const two = open();
    const w = new World(one);
    const { vpc } = w.vpc(["10.0.0.0/16"]);
    const gw = w.gateway(vpc);
    const dev = w.device("203.0.113.10", w.site(["192.168.0.0/16"]));
    jest.spyOn(SecretTable.prototype, "put").mockImplementationOnce(() => {
      throw new Error("disk full");
    });
    expect(refusal(() => one.request("CreateVpnConnection", connectionParams(gw, dev), as(ACCOUNT_A, "tok-rolled-back"))).code).toBe("InternalError");
    // The other connection takes the ID the rolled-back create had written, under another token.
    const theirs = two.request("CreateVpnConnection", connectionParams(gw, dev, { name: "theirs" }), as(ACCOUNT_A, "tok-theirs"));
    expect(theirs.id).toBe("vpnx-00000001");
    expect(one.request("CreateVpnConnection", connectionParams(gw, dev, { name: "theirs" }), as(ACCOUNT_A, "tok-theirs"))).toEqual(theirs);
    // The rolled-back token was never used: it creates (and does not return the other connection's resource).
    const mine = one.request("CreateVpnConnection", connectionParams(gw, dev), as(ACCOUNT_A, "tok-rolled-back"));
    expect(mine.id).toBe("vpnx-00000002");
    expect(one.request("DescribeVpnConnections", {}, as(ACCOUNT_A)).totalCount).toBe(2);
  });

  test("a connection opened on a store with resources finds the tokens they were created with", () => {
    const one = open();
    const ids = Array.from({ length: 30 }, (_, i) => one.request("CreateCcn", { name: `c${i}` }, as(ACCOUNT_A, `tok-${i}`)).id);
    const two = open();
    expect(Array.from({ length: 30 }, (_, i) => two.request("CreateCcn", { name: `c${i}` }, as(ACCOUNT_A, `tok-${i}`)).id)).toEqual(ids);
    expect(two.request("DescribeCcns", {}, as(ACCOUNT_A)).totalCount).toBe(30);
  });
});

describe("ClientTokenIndex", () => {
  /** A fake store: rows by type, each [number, account, token]. */
  function store() {
    const rows = new Map<ResourceType, Array<[number, string, string]>>();
    const scans: Array<[ResourceType, number]> = [];
    const scan: TokenScan = (type, after) => {
      scans.push([type, after]);
      return (rows.get(type) ?? []).filter(([n]) => n > after);
    };
    const put = (type: ResourceType, n: number, account: string, token: string) => rows.set(type, [...(rows.get(type) ?? []), [n, account, token]]);
    return { scan, put, scans };
  }

  test("reads every token on first use, then only rows above the highest number read, and only when marked stale", () => {
    const s = store();
    s.put("Vpc", 1, "a", "t1");
    s.put("Subnet", 7, "a", "t2");
    const index = new ClientTokenIndex(s.scan);
    expect(index.lookup("a", "t2")).toBe("subnet-00000007");
    expect(s.scans.filter(([type]) => type === "Subnet")).toEqual([["Subnet", 0]]);
    s.put("Subnet", 8, "a", "t3");
    expect(index.lookup("a", "t3")).toBeUndefined();
    index.markStale();
    expect(index.lookup("a", "t3")).toBe("subnet-00000008");
    expect(s.scans.filter(([type]) => type === "Subnet")).toEqual([
      ["Subnet", 0],
      ["Subnet", 7],
    ]);
    expect(index.lookup("b", "t3")).toBeUndefined();
  });

  test("its own creates do not move what it has read: a rolled-back number taken by another connection is still read", () => {
    const s = store();
    const index = new ClientTokenIndex(s.scan);
    expect(index.lookup("a", "mine")).toBeUndefined();
    index.add("a", "mine", "vpc-00000001"); // then rolled back
    index.markStale();
    s.put("Vpc", 1, "a", "theirs");
    expect(index.lookup("a", "theirs")).toBe("vpc-00000001");
  });

  test("forgets a deleted resource's token, but not a newer resource's", () => {
    const s = store();
    const index = new ClientTokenIndex(s.scan);
    index.add("a", "t", "vpc-00000001");
    index.remove("a", "t", "vpc-00000001");
    expect(index.lookup("a", "t")).toBeUndefined();
    index.add("a", "t", "vpc-00000002");
    index.remove("a", "t", "vpc-00000001");
    expect(index.lookup("a", "t")).toBe("vpc-00000002");
  });
});

describe("the digest of a create's parameters", () => {
  /** What digests were computed from before canonicalJson was written out by hand: JSON of a key-sorted copy. */
  function sortedCopy(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortedCopy);
    if (value && typeof value === "object") {
      const object = value as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(object)
          .sort()
          .filter((k) => object[k] !== undefined)
          .map((k) => [k, sortedCopy(object[k])]),
      );
    }
    return value;
  }
  const reference = (value: unknown) => JSON.stringify(sortedCopy(value)) ?? "undefined";

  test("is computed from the same text as before for any JSON (stored tokens keep matching their retries)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(reference(value))),
      { numRuns: 5000 },
    );
    expect(canonicalJson({ b: 1, a: [3, { d: undefined, c: null }], 10: "x", 2: "y" })).toBe('{"2":"y","10":"x","a":[3,{"c":null}],"b":1}');
  });

  test("agrees with the key-sorted copy on values that are not JSON too (boxed values, dates, sparse arrays, functions)", () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withSparseArray: true }), (value) => {
        const outcome = (f: () => string) => {
          try {
            return f();
          } catch (err) {
            return `throws ${(err as Error).name}`;
          }
        };
        expect(outcome(() => canonicalJson(value))).toBe(outcome(() => reference(value)));
      }),
      { numRuns: 3000 },
    );
    expect(canonicalJson({ f: () => 1, list: [undefined, () => 1] })).toBe('{"list":[null,null]}');
  });
});
