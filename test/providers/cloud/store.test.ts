import Database = require("better-sqlite3");
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { CloudEngine, CloudError, LATEST_SCHEMA_VERSION } from "../../../providers/cloud";
import { migrate, MIGRATIONS, openDatabase, schemaVersion } from "../../../providers/cloud/store";
import { ACCOUNT_A, as, asOperator, refusal, tempDir, World } from "./helpers";

describe("the store", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("defaults to $HYBRIDLINK_STATE, else .hybridlink/state.db under the working directory (folder created)", () => {
    const cwd = process.cwd();
    const saved = process.env.HYBRIDLINK_STATE;
    try {
      delete process.env.HYBRIDLINK_STATE;
      process.chdir(dir);
      const engine = CloudEngine.open();
      expect(engine.path).toBe(path.join(fs.realpathSync(dir), ".hybridlink", "state.db"));
      engine.close();
      process.env.HYBRIDLINK_STATE = path.join(dir, "elsewhere", "s.db");
      const fromEnv = CloudEngine.open();
      expect(fromEnv.path).toBe(process.env.HYBRIDLINK_STATE);
      expect(fs.existsSync(process.env.HYBRIDLINK_STATE)).toBe(true);
      fromEnv.close();
    } finally {
      process.chdir(cwd);
      if (saved === undefined) delete process.env.HYBRIDLINK_STATE;
      else process.env.HYBRIDLINK_STATE = saved;
    }
  });

  test("keeps resources, secrets, faults and the clock across reopen, in WAL mode", () => {
    const file = path.join(dir, "s.db");
    let engine = CloudEngine.open({ path: file, profile: "alibaba" });
    const w = new World(engine);
    const { vpc } = w.vpc(["10.0.0.0/16"], "cn-hangzhou");
    w.request("AdvanceClock", { duration: "1h" });
    engine.close();
    engine = CloudEngine.open({ path: file });
    expect(engine.profile.name).toBe("alibaba");
    expect(engine.request("DescribeClock", {}, as(ACCOUNT_A))).toEqual({ now: "2025-01-01T01:00:00.000Z", elapsedSeconds: 3600 });
    expect((engine.request("DescribeVpcs", {}, as(ACCOUNT_A)).items as Array<{ id: string }>)[0].id).toBe(vpc);
    engine.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(schemaVersion(raw)).toBe(LATEST_SCHEMA_VERSION);
    raw.close();
  });

  test("finds a resource only by the ID exactly as it was given (rows are keyed by the ID's number)", () => {
    const engine = CloudEngine.open({ path: path.join(dir, "ids.db") });
    const w = new World(engine);
    const { vpc } = w.vpc(["10.0.0.0/16"]);
    expect(vpc).toBe("vpc-00000001");
    for (const alias of ["vpc-1", "vpc-000000001", "vpc-00000001 ", "vpc- 0000001", "vpc-+0000001", "vpc-0000001.", "VPC-00000001", "rtb-00000001"]) {
      const err = refusal(() => w.request("DescribeVpcs", { ids: [alias] }));
      expect([alias, err.code]).toEqual([alias, alias.startsWith("vpc-") ? "ResourceNotFound" : "InvalidParameterValue.MalformedId"]);
    }
    expect(refusal(() => w.request("DescribeRouteTables", { ids: ["rtb-00000001x"] })).code).toBe("ResourceNotFound");
    expect(w.request("DescribeVpcs", { ids: [vpc] }).totalCount).toBe(1);
    engine.close();
  });

  test("holds several clouds side by side: each connection acts with its own profile, the first is the default", () => {
    const file = path.join(dir, "s.db");
    const ccb = CloudEngine.open({ path: file, profile: "ccb" });
    ccb.request("CreateVpc", { name: "w", region: "wuhan", cidrs: ["10.0.0.0/16"] }, { account: "100000000001" });
    ccb.close();
    const tencent = CloudEngine.open({ path: file, profile: "tencent" });
    expect(tencent.profile.name).toBe("tencent");
    tencent.request("CreateVpc", { name: "g", region: "ap-guangzhou", cidrs: ["10.1.0.0/16"] }, { account: "100000000001" });
    expect(tencent.request("DescribeVpcs", {}, { account: "100000000001" }).totalCount).toBe(2);
    tencent.close();
    const plain = CloudEngine.open({ path: file });
    expect(plain.profile.name).toBe("ccb");
    plain.close();
  });

  test("applies migrations in order, once, and refuses a store newer than the code", () => {
    const file = path.join(dir, "m.db");
    const extra = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, description: "test: an added column", sql: "ALTER TABLE faults ADD COLUMN note TEXT" }];
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    migrate(db, extra);
    migrate(db, extra);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect((db.prepare("SELECT version FROM schema_version ORDER BY version").pluck().all() as number[]).length).toBe(extra.length);
    db.close();
    let err: unknown;
    try {
      CloudEngine.open({ path: file });
    } catch (e) {
      err = e;
    }
    expect((err as CloudError).code).toBe("InternalError.SchemaTooNew");
  });
});

describe("a store written before one table per type (schema 3)", () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const VPC = { cidrs: ["10.0.0.0/16"], name: "app", region: "ap-guangzhou" };
  const SUBNET = { cidr: "10.0.1.0/24", name: "web", routeTable: "rtb-00000001", vpc: "vpc-0000000z" };
  // The digest the schema-3 engine stored: the first 32 hex digits of sha256 over the key-sorted JSON (these keys are sorted).
  const digest = (params: object) => createHash("sha256").update(JSON.stringify(params)).digest("hex").slice(0, 32);

  /** A schema-3 store holding what that engine wrote for a VPC (created with a token), its main table and a subnet; subnet 2 was deleted. */
  function schema3Store(extraRow?: unknown[]): string {
    const file = path.join(dir, "v3.db");
    const db = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 3));
    const insert = db.prepare(
      "INSERT INTO resources (id, type, account, peer_account, region, state, scope, range_start, range_end, due_at, props, created_at, updated_at, client_token, request_digest, token_key) VALUES (?, ?, ?, NULL, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
    );
    const at = Date.UTC(2025, 0, 1);
    insert.run("vpc-0000000z", "Vpc", ACCOUNT_A, "ap-guangzhou", null, null, null, JSON.stringify(VPC), at, at, "tok-vpc", digest(VPC), 12345);
    insert.run("rtb-00000001", "RouteTable", ACCOUNT_A, "ap-guangzhou", "vpc-0000000z", null, null, JSON.stringify({ name: "main", vpc: "vpc-0000000z", main: true }), at, at, null, null, null);
    insert.run("subnet-00000001", "Subnet", ACCOUNT_A, "ap-guangzhou", "vpc-0000000z", 0x0a000100, 0x0a0001ff, JSON.stringify(SUBNET), at, at, "tok-subnet", digest(SUBNET), 67890);
    if (extraRow) insert.run(...extraRow);
    db.prepare("INSERT INTO counters (prefix, value) VALUES ('subnet', 2)").run();
    db.close();
    return file;
  }

  test("opens with its resources, their client tokens and its ID high-water marks as they were", () => {
    const engine = CloudEngine.open({ path: schema3Store() });
    try {
      const vpcs = engine.request("DescribeVpcs", {}, as(ACCOUNT_A)).items as Array<Record<string, unknown>>;
      expect(vpcs).toEqual([{ id: "vpc-0000000z", account: ACCOUNT_A, ...VPC, createdAt: "2025-01-01T00:00:00.000Z" }]);
      expect((engine.request("DescribeSubnets", { filters: { vpc: "vpc-0000000z" } }, as(ACCOUNT_A)).items as Array<{ id: string }>).map((s) => s.id)).toEqual(["subnet-00000001"]);
      // Retries of the creates made before the migration still find them, in any key order.
      expect(engine.request("CreateVpc", { region: "ap-guangzhou", name: "app", cidrs: ["10.0.0.0/16"] }, as(ACCOUNT_A, "tok-vpc")).id).toBe("vpc-0000000z");
      expect(engine.request("CreateSubnet", SUBNET, as(ACCOUNT_A, "tok-subnet")).id).toBe("subnet-00000001");
      expect(refusal(() => engine.request("CreateSubnet", { ...SUBNET, name: "other" }, as(ACCOUNT_A, "tok-subnet"))).code).toBe("IdempotentParameterMismatch");
      // The scope index works: an overlapping subnet is refused; new IDs continue above the live and the deleted ones.
      expect(refusal(() => engine.request("CreateSubnet", { ...SUBNET, cidr: "10.0.1.128/25" }, as(ACCOUNT_A))).code).toBe("InvalidParameterValue.SubnetConflict");
      expect(engine.request("CreateSubnet", { ...SUBNET, cidr: "10.0.2.0/24" }, as(ACCOUNT_A)).id).toBe("subnet-00000003");
      expect(engine.request("CreateVpc", { ...VPC, cidrs: ["10.9.0.0/16"] }, as(ACCOUNT_A)).id).toBe("vpc-00000010");
    } finally {
      engine.close();
    }
  });

  test("refuses to migrate a row whose ID its type could not have given it, and leaves the store at schema 3", () => {
    const at = Date.UTC(2025, 0, 1);
    const file = schema3Store(["vpc-1", "Vpc", ACCOUNT_A, "ap-guangzhou", null, null, null, JSON.stringify(VPC), at, at, null, null, null]);
    expect(() => CloudEngine.open({ path: file })).toThrow(/CHECK constraint failed/);
    const raw = new Database(file, { readonly: true });
    expect(schemaVersion(raw)).toBe(3);
    expect(raw.prepare("SELECT count(*) FROM resources").pluck().get()).toBe(4);
    raw.close();
  });
});

describe("the clock", () => {
  test.each([
    [{ seconds: 90 }, 90],
    [{ seconds: "90s" }, 90],
    [{ duration: "7d" }, 7 * 86400],
    [{ duration: "1h30m" }, 5400],
    [{ duration: "1500ms" }, 1.5],
    [{ duration: "2w" }, 14 * 86400],
  ])("AdvanceClock %j moves it %d seconds", (params, seconds) => {
    const engine = CloudEngine.open({ path: ":memory:" });
    expect(engine.request("AdvanceClock", params, asOperator(ACCOUNT_A)).elapsedSeconds).toBe(seconds);
    expect(engine.request("DescribeClock", {}, as(ACCOUNT_A)).elapsedSeconds).toBe(seconds);
  });

  test.each([[{}], [{ seconds: -1 }], [{ duration: "7 days" }], [{ duration: "d7" }], [{ seconds: 1, duration: "1s" }], [{ duration: true }]])(
    "refuses %j and stays put",
    (params) => {
      const engine = CloudEngine.open({ path: ":memory:" });
      let err: unknown;
      try {
        engine.request("AdvanceClock", params, asOperator(ACCOUNT_A));
      } catch (e) {
        err = e;
      }
      expect(["MissingParameter", "InvalidParameter", "InvalidParameterValue.Duration"]).toContain((err as CloudError).code);
      expect(engine.request("DescribeClock", {}, as(ACCOUNT_A)).elapsedSeconds).toBe(0);
    },
  );
});
