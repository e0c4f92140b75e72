// eslint-disable-next-line @typescript-eslint/no-require-imports -- better-sqlite3 is CommonJS with `export =`: this is its typed import form
import Database = require("better-sqlite3");
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HybridlinkError } from "../../../lib";
import { CloudError } from "../errors";
import { LATEST_SCHEMA_VERSION, Migration, MIGRATIONS } from "./migrations";

export type Db = Database.Database;

/** How long a writer waits for another process's transaction before giving up, in milliseconds. */
export const BUSY_TIMEOUT_MS = 30_000;

/**
 * The pragmas every connection to a store uses (the benchmark's raw-SQLite
 * floor uses the same ones). WAL lets readers run beside one writer; NORMAL
 * sync in WAL mode survives a process crash, which is what a simulator needs.
 */
export function applyPragmas(db: Db): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (db.name !== ":memory:") enableWal(db);
  db.pragma("synchronous = NORMAL");
  // Checkpoint every ~40 MB of WAL rather than every 4 MB: a checkpoint syncs the
  // file, and a create writes a few pages (its row, its scope index entry).
  db.pragma("wal_autocheckpoint = 10000");
  db.pragma("cache_size = -65536");
}

/**
 * Switches a store to WAL. Two processes opening a new file at once race for
 * the switch, and SQLite answers the loser SQLITE_BUSY without consulting the
 * busy handler; so the loser waits for the winner's lock through a write
 * transaction (which does use the busy handler) and tries again.
 */
function enableWal(db: Db): void {
  for (let attempt = 1; ; attempt++) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "SQLITE_BUSY" || attempt >= 5) throw err;
      db.exec("BEGIN IMMEDIATE; ROLLBACK;");
    }
  }
}

/** Where the store lives when no path is given: `$HYBRIDLINK_STATE`, else `.hybridlink/state.db` under the working directory. */
export function defaultStorePath(): string {
  return process.env.HYBRIDLINK_STATE || path.join(process.cwd(), ".hybridlink", "state.db");
}

/** Opens (creating the folder and file if needed) a store and brings its schema up to date. */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ":memory:") {
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      throw new StoreError("StoreIsFolder", file, `${file} is a folder, not a store file`, "point --state (or HYBRIDLINK_STATE) at a file, e.g. " + path.join(file, "state.db"));
    }
    if (fs.existsSync(file) && !writable(file)) return openSnapshot(file, migrations);
    prepareOwnerOnly(path.resolve(file));
  }
  let db: Db;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw storeError(file, err);
  }
  try {
    applyPragmas(db);
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw storeError(file, err);
  }
}

/** Whether this process may write the store and create its -wal/-shm files beside it (false on a read-only mount). */
function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A store this process cannot write (a read-only mount, a file of another
 * user's it may only read): read commands still work on it. SQLite cannot
 * open a WAL-mode file where it cannot create its -shm file, so the store
 * (and its -wal, if any) is copied to a private temporary folder, brought up
 * to date there, and opened READ-ONLY: a command that writes is refused
 * (StoreReadOnly) instead of writing to a copy that is thrown away.
 */
function openSnapshot(file: string, migrations: readonly Migration[]): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-readonly-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const copy = path.join(dir, "state.db");
  try {
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    const prepare = new Database(copy);
    try {
      applyPragmas(prepare);
      migrate(prepare, migrations);
      prepare.pragma("wal_checkpoint(TRUNCATE)");
      prepare.pragma("journal_mode = DELETE");
    } finally {
      prepare.close();
    }
    const db = new Database(copy, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    READ_ONLY_SOURCE.set(db, file);
    return db;
  } catch (err) {
    throw storeError(file, err);
  }
}

/** The store file a read-only snapshot connection stands for (messages name it, not the copy). */
const READ_ONLY_SOURCE = new WeakMap<Db, string>();

/** The refusal of a write to a store opened read-only. */
export function readOnlyStoreError(db: Db, action: string): HybridlinkError {
  const file = READ_ONLY_SOURCE.get(db) ?? db.name;
  return new StoreError("StoreReadOnly", file, `${file} is read-only here, and ${action} writes to it`, "make the file and its folder writable (or copy the store somewhere writable and use --state); read commands work as it is");
}

/** A store file that cannot be used as one: not a cloud's refusal (exit 3) but the user's input (exit 2). */
export class StoreError extends HybridlinkError {
  constructor(
    code: string,
    /** The store file. */
    public readonly path: string,
    message: string,
    public readonly hint: string,
  ) {
    super(code, `${message}; nothing was changed.`);
  }
}

/** SQLite's answer about a file as the user can act on it, naming the file; other errors pass through. */
export function storeError(file: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  const restore = "restore a backup (`hybridlink state restore <file>`; destroy keeps copies in backups/ beside the store) or point --state elsewhere";
  switch (code) {
    case "SQLITE_NOTADB":
    case "SQLITE_CORRUPT":
      return new StoreError("StoreCorrupt", file, `${file} is not a readable hybridlink store (${(err as Error).message})`, restore);
    case "SQLITE_CANTOPEN":
      return new StoreError("StoreCannotOpen", file, `${file} cannot be opened (${(err as Error).message}): its folder may be missing or not accessible`, "check the path and its folder's permissions");
    case "SQLITE_READONLY":
      return new StoreError("StoreReadOnly", file, `${file} is read-only here, and this command writes to it`, "make the file (and its folder, for the -wal file) writable, or copy it somewhere writable");
    case "SQLITE_FULL":
    case "SQLITE_IOERR_WRITE":
      return new StoreError(
        "DiskFull",
        file,
        `the disk holding ${file} is full (SQLite rolled the change in flight back; what was committed before stays, and an interrupted up resumes)`,
        "free space (or move the store with `hybridlink state backup` and --state), then run the command again",
      );
    default:
      return err;
  }
}

/** The folder hybridlink makes for a store when none is given (`.hybridlink/` under the working directory). */
const DEFAULT_FOLDER = ".hybridlink";

/**
 * A store holds sealed keys and the record of what is deployed: only its
 * owner reads it. Folders made for it are 0700; the file is created 0600
 * (SQLite gives its -wal and -shm files the database file's mode) and an
 * existing one of ours that others can read is narrowed to 0600, as is the
 * default `.hybridlink/` folder. A folder the user named (say /tmp) is left as it is.
 */
function prepareOwnerOnly(file: string): void {
  const folder = path.dirname(file);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (path.basename(folder) === DEFAULT_FOLDER) narrow(folder);
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    for (const f of [file, `${file}-wal`, `${file}-shm`]) narrow(f);
  }
}

/**
 * Removes group and other access from a file or folder this user owns,
 * keeping the owner's own bits (a store made read-only stays read-only); one
 * owned by someone else is that owner's choice.
 */
function narrow(target: string): void {
  try {
    const stat = fs.statSync(target);
    if ((stat.mode & 0o077) !== 0 && (process.getuid === undefined || stat.uid === process.getuid())) fs.chmodSync(target, stat.mode & 0o700);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

/** Applies the migrations the store lacks, in order, in one write transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  db.transaction(() => {
    db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL)");
    const row = db.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > latest) {
      throw new CloudError(
        "InternalError.SchemaTooNew",
        `The store '${db.name}' has schema version ${current}, newer than this hybridlink knows (${latest}). ` +
          "Upgrade hybridlink, or point HYBRIDLINK_STATE at another file.",
      );
    }
    const record = db.prepare("INSERT INTO schema_version (version, description) VALUES (?, ?)");
    // Applied by set, not by the highest version: migrations numbered apart by parallel work may land out of order.
    const applied = new Set((db.prepare("SELECT version FROM schema_version").all() as { version: number }[]).map((r) => r.version));
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.description);
    }
  }).immediate();
}

/** The schema version a store is at. */
export function schemaVersion(db: Db): number {
  const row = db.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number | null };
  return row.v ?? 0;
}

export { LATEST_SCHEMA_VERSION };
