import * as fs from "fs";
import * as path from "path";
import type * as ts from "typescript";
import { HybridlinkError } from "../core/errors";
import { isLibrarySpecifier, libraryFor } from "./library";
import { alreadyChecked, cacheKey, recordChecked } from "./typecheck-cache";

let enabled = true;

/** `--no-typecheck` turns the check off for this run. */
export function setTypeCheck(on: boolean): void {
  enabled = on;
}

/**
 * Type-checks a user's TypeScript program before it runs, so a typo fails
 * here instead of deploying: the app file and what it imports, with the
 * compiler options of its tsconfig.json (the nearest one above it) or a
 * strict default. `hybridlink` resolves to the declarations of the library
 * instance the app will run with. Throws TypeCheckFailed with one
 * `file:line:col message` line per error.
 */
export function typeCheckProgram(file: string): void {
  if (!enabled || !/\.(c|m)?tsx?$/.test(file)) return;
  const library = libraryFor(file);
  const key = cacheKey(file, library.root);
  if (alreadyChecked(key)) return;
  // Loaded here only: commands that load no app never pay for the compiler.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const typescript = require("typescript") as typeof ts;
  const options = compilerOptionsFor(typescript, file);
  const host = typescript.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts) =>
    literals.map((literal) => {
      const name = literal.text;
      if (isLibrarySpecifier(name)) {
        const resolvedFileName = library.declarations(name);
        if (fs.existsSync(resolvedFileName)) return { resolvedModule: { resolvedFileName, extension: typescript.Extension.Dts, isExternalLibraryImport: true } };
      }
      return typescript.resolveModuleName(name, containingFile, opts, host, undefined, redirected);
    });
  const program = typescript.createProgram({ rootNames: [file], options, host });
  const diagnostics = typescript.getPreEmitDiagnostics(program).filter((d) => d.category === typescript.DiagnosticCategory.Error);
  if (diagnostics.length === 0) {
    recordChecked(key, program.getSourceFiles().filter((f) => !program.isSourceFileDefaultLibrary(f)).map((f) => f.fileName));
    return;
  }
  const lines = diagnostics.map((d) => formatDiagnostic(typescript, d));
  throw new HybridlinkError(
    "TypeCheckFailed",
    `${path.relative(process.cwd(), file) || file} does not type-check (${lines.length} error${lines.length === 1 ? "" : "s"}):\n` +
      `${lines.map((l) => `  ${l}`).join("\n")}\nFix them, or run with --no-typecheck to skip the check.`,
  );
}

function compilerOptionsFor(typescript: typeof ts, file: string): ts.CompilerOptions {
  const configFile = typescript.findConfigFile(path.dirname(file), (f) => typescript.sys.fileExists(f));
  const defaults: ts.CompilerOptions = {
    strict: true,
    target: typescript.ScriptTarget.ES2022,
    // No DOM: an app runs in Node, and the DOM declarations are the largest file the compiler would parse.
    lib: ["lib.es2022.d.ts"],
    module: typescript.ModuleKind.CommonJS,
    moduleResolution: typescript.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    // Node's globals when the app can see @types/node; none otherwise (a missing type library is not the app's error).
    types: canResolve("@types/node/package.json", file) ? ["node"] : [],
  };
  if (!configFile) return { ...defaults, noEmit: true };
  const read = typescript.readConfigFile(configFile, (f) => typescript.sys.readFile(f));
  if (read.error) throw new HybridlinkError("TypeCheckFailed", `${configFile}: ${formatDiagnostic(typescript, read.error)}`);
  const parsed = typescript.parseJsonConfigFileContent(read.config, typescript.sys, path.dirname(configFile), undefined, configFile);
  // Only the app is checked, and only for errors: no output, and libraries' own declarations are trusted.
  return { ...parsed.options, noEmit: true, skipLibCheck: true, incremental: false, composite: false, declaration: false };
}

function formatDiagnostic(typescript: typeof ts, d: ts.Diagnostic): string {
  const message = typescript.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.relative(process.cwd(), d.file.fileName) || d.file.fileName}:${line + 1}:${character + 1} ${message}`;
}

function canResolve(id: string, from: string): boolean {
  try {
    require.resolve(id, { paths: [path.dirname(from)] });
    return true;
  } catch {
    return false;
  }
}
