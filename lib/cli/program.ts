import * as path from "path";
import { Manifest } from "../core/manifest";
import { SynthError } from "../core/synth";
import { ValidationReport } from "../rules/validate";
import { validateManifest } from "../rules/validate";
import { readManifest } from "./commands/validate";
import { loadApp, resolveProgram } from "./load-app";

/** A deployable manifest and where it came from. */
export interface LoadedProgram {
  readonly manifest: Manifest;
  /** Every finding (warnings and acknowledged ones included; no errors, or loading would have thrown). */
  readonly report: ValidationReport;
  /** The program file or manifest file, absolute. */
  readonly file: string;
  /** The default stack name: the app's folder (`examples/s1-vpc-idc-spd` → `s1-vpc-idc-spd`). */
  readonly defaultStack: string;
}

/**
 * A program (`.ts` file or folder with app.ts) synthesized, or a manifest
 * file read, and validated either way. Error-level findings throw a
 * SynthError listing all of them: nothing is deployed or planned from an
 * invalid app.
 */
export function loadProgramOrManifest(target: string): LoadedProgram {
  if (target.endsWith(".json")) {
    const manifest = readManifest(target);
    const report = validateManifest(manifest);
    if (report.errors.length) throw new SynthError(report.errors);
    const file = path.resolve(target);
    return { manifest, report, file, defaultStack: stackNameOf(file) };
  }
  const file = resolveProgram(target);
  const { manifest, report } = loadApp(target).synthesize({ throwOnError: true });
  return { manifest, report, file, defaultStack: stackNameOf(file) };
}

/** The app's folder name, made safe as a stack name. */
export function stackNameOf(file: string): string {
  const folder = path.basename(path.dirname(file));
  return folder.replace(/[^A-Za-z0-9._-]/g, "-") || "default";
}
