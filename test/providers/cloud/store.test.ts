import Database = require("better-sqlite3");
import * as fs from "fs";
import * as path from "path";
import { CloudEngine, CloudError, LATEST_SCHEMA_VERSION } from "../../../providers/cloud";
import { migrate, MIGRATIONS, openDatabase, schemaVersion } from "../../../providers/cloud/store";
import { ACCOUNT_A, as, tempDir, World } from "./helpers";

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

  test("fixes its profile at creation: opening it as another is an error naming both", () => {
    const file = path.join(dir, "s.db");
    CloudEngine.open({ path: file, profile: "ccb" }).close();
    let err: unknown;
    try {
      CloudEngine.open({ path: file, profile: "tencent" });
    } catch (e) {
      err = e;
    }
    expect(CloudError.isCloudError(err)).toBe(true);
    expect((err as CloudError).code).toBe("InvalidParameterValue.ProfileMismatch");
    expect((err as CloudError).message).toMatch(/'ccb'.*'tencent'/);
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
    expect(engine.request("AdvanceClock", params, as(ACCOUNT_A)).elapsedSeconds).toBe(seconds);
    expect(engine.request("DescribeClock", {}, as(ACCOUNT_A)).elapsedSeconds).toBe(seconds);
  });

  test.each([[{}], [{ seconds: -1 }], [{ duration: "7 days" }], [{ duration: "d7" }], [{ seconds: 1, duration: "1s" }], [{ duration: true }]])(
    "refuses %j and stays put",
    (params) => {
      const engine = CloudEngine.open({ path: ":memory:" });
      let err: unknown;
      try {
        engine.request("AdvanceClock", params, as(ACCOUNT_A));
      } catch (e) {
        err = e;
      }
      expect(["MissingParameter", "InvalidParameter", "InvalidParameterValue.Duration"]).toContain((err as CloudError).code);
      expect(engine.request("DescribeClock", {}, as(ACCOUNT_A)).elapsedSeconds).toBe(0);
    },
  );
});
