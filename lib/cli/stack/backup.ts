// eslint-disable-next-line @typescript-eslint/no-require-imports -- better-sqlite3 is CommonJS with `export =`: this is its typed import form
import Database = require("better-sqlite3");
import * as fs from "fs";
import * as path from "path";
import { Db, LATEST_SCHEMA_VERSION } from "../../../providers/cloud";
import { CliError } from "../errors";

/** What a backup or restore copied. */
export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  /** The copy's schema version (restore refuses one newer than this hybridlink). */
  readonly schemaVersion: number;
  /** The stacks in the copy. */
  readonly stacks: readonly string[];
}

/**
 * Copies the store through SQLite's online backup API (a consistent snapshot
 * while other processes read and write it, WAL included) to `dest`, created
 * owner-only. Keys in the copy stay sealed under the store's key: the copy
 * alone yields none (docs/security.md).
 */
export async function backupStore(db: Db, dest: string, options: { overwrite?: boolean } = {}): Promise<BackupResult> {
  const file = path.resolve(dest);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw CliError.usage("BackupTargetIsFolder", `${file} is a folder; the backup is one file.`, { path: file, hint: `name a file, e.g. ${path.join(file, "state-backup.db")}` });
  }
  if (fs.existsSync(file) && options.overwrite !== true) {
    throw CliError.usage("BackupTargetExists", `${file} already exists; nothing was written.`, { path: file, hint: "choose another file, or pass --force to replace it" });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written beside the target and renamed: a failed backup never leaves a half file under the name asked for.
  const partial = `${file}.partial-${process.pid}`;
  try {
    fs.closeSync(fs.openSync(partial, "w", 0o600));
    await db.backup(partial);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw writeError(file, err);
  }
  return describeCopy(file);
}

/**
 * Replaces the store at `storePath` with the backup `source`, after checking
 * that it is a sound hybridlink store this version can read. The copy goes
 * through the online backup API into the live file, so other connections see
 * the restored pages, never a torn file.
 */
export async function restoreStore(source: string, storePath: string): Promise<BackupResult> {
  const file = path.resolve(source);
  const checked = checkBackup(file);
  const from = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await from.backup(storePath);
  } catch (err) {
    throw writeError(storePath, err);
  } finally {
    from.close();
  }
  fs.chmodSync(storePath, 0o600);
  return { ...checked, file: storePath };
}

/** A readable, sound hybridlink store not newer than this version, or a usage error saying what is wrong with it. */
export function checkBackup(file: string): BackupResult {
  const bad = (what: string, hint: string): CliError => CliError.usage("BadBackup", `${file}: ${what}; nothing was restored.`, { path: file, hint });
  if (!fs.existsSync(file)) throw bad("no such file", "give the path `hybridlink state backup` wrote");
  if (fs.statSync(file).isDirectory()) throw bad("a folder, not a backup file", "give the backup file inside it");
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma("integrity_check", { simple: true }) !== "ok") throw bad("the file fails SQLite's integrity check (damaged or truncated)", "use another backup");
    const hasSchema = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'").pluck().get() === 1;
    if (!hasSchema) throw bad("an SQLite file, but not a hybridlink store (no schema_version table)", "give a file `hybridlink state backup` wrote");
    const version = Number(db.prepare("SELECT max(version) FROM schema_version").pluck().get() ?? 0);
    if (version > LATEST_SCHEMA_VERSION) {
      throw bad(`schema version ${version}, newer than this hybridlink reads (${LATEST_SCHEMA_VERSION})`, "restore it with the hybridlink version that made it, or upgrade");
    }
    const hasStacks = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'stacks'").pluck().get() === 1;
    const stacks = hasStacks ? (db.prepare("SELECT name FROM stacks ORDER BY name").pluck().all() as string[]) : [];
    return { file, bytes: fs.statSync(file).size, schemaVersion: version, stacks };
  } catch (err) {
    if (CliError.isCliError(err)) throw err;
    throw bad(`not a readable SQLite database (${(err as Error).message})`, "give a file `hybridlink state backup` wrote");
  } finally {
    db?.close();
  }
}

/**
 * Where an automatic backup goes: `backups/` beside the store (owner-only),
 * named by what it precedes and the wall-clock time, e.g.
 * `backups/destroy-s1-2026-12-03T10-00-00-123Z.db`.
 */
export function automaticBackupPath(storePath: string, label: string): string {
  const stamp = new Date().toISOString().replace(/:/g, "-").replace(".", "-");
  const safe = label.replace(/[^A-Za-z0-9._-]/g, "_");
  return path.join(path.dirname(storePath), "backups", `${safe}-${stamp}.db`);
}

function describeCopy(file: string): BackupResult {
  return checkBackup(file);
}

function writeError(file: string, err: unknown): CliError {
  const code = (err as { code?: unknown }).code;
  const why = code === "EACCES" || code === "EPERM" || code === "SQLITE_READONLY" || code === "SQLITE_CANTOPEN" ? "not writable here" : code === "ENOSPC" || code === "SQLITE_FULL" ? "the disk is full" : (err as Error).message;
  return CliError.usage("CannotWrite", `Could not write ${file}: ${why}; nothing was replaced.`, { path: file, hint: "choose a writable place with enough free space" });
}
