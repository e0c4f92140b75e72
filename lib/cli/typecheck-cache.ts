import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Remembers programs that type-checked, so running the same unchanged app
 * again (every `up`, `plan`, `trace` of it) neither loads the compiler nor
 * checks again. A program is unchanged when its tsconfig text, the library
 * it is checked against and every file it read have the same size and
 * modification time as at the check. Only successes are kept.
 */
export interface CheckedProgram {
  /** The key: app file, nearest tsconfig text, library root and package.json, compiler version. */
  readonly key: string;
  /** Every file the program read (libraries' default lib files aside), with its size and mtime then. */
  readonly files: ReadonlyArray<readonly [string, number, number]>;
}

const FOLDER = path.join(os.tmpdir(), "hybridlink-typecheck");

/** The cache key of an app file checked against a library. */
export function cacheKey(file: string, libraryRoot: string): string {
  const config = nearestTsconfig(path.dirname(file));
  const pkg = path.join(libraryRoot, "package.json");
  const compiler = fs.readFileSync(require.resolve("typescript/package.json"), "utf8");
  const parts = [file, config ?? "", config ? fs.readFileSync(config, "utf8") : "", libraryRoot, fs.readFileSync(pkg, "utf8"), compiler];
  return crypto.createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

/** Whether this exact program already type-checked. */
export function alreadyChecked(key: string): boolean {
  const record = read(key);
  if (!record) return false;
  return record.files.every(([file, size, mtime]) => {
    try {
      const stat = fs.statSync(file);
      return stat.size === size && stat.mtimeMs === mtime;
    } catch {
      return false;
    }
  });
}

/** Records a program that type-checked. A cache that cannot be written is no error: the next run checks again. */
export function recordChecked(key: string, files: readonly string[]): void {
  try {
    const record: CheckedProgram = {
      key,
      files: files.map((f) => {
        const stat = fs.statSync(f);
        return [f, stat.size, stat.mtimeMs] as const;
      }),
    };
    fs.mkdirSync(FOLDER, { recursive: true, mode: 0o700 });
    const target = path.join(FOLDER, `${key}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(record));
    fs.renameSync(temp, target);
  } catch {
    // Best effort only.
  }
}

function read(key: string): CheckedProgram | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(FOLDER, `${key}.json`), "utf8")) as CheckedProgram;
    return record.key === key && Array.isArray(record.files) ? record : undefined;
  } catch {
    return undefined;
  }
}

function nearestTsconfig(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, "tsconfig.json");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}
