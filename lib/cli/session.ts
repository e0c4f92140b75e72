import * as fs from "fs";
import * as path from "path";
import { HybridlinkError } from "../core/errors";
import { ProfileName } from "../core/profiles";
import { CloudEngine, defaultStorePath } from "../../providers/cloud";
import { EngineOptions } from "./options";

/** The store file a command works on: `--state`, else the engine's default. */
export function storePath(options: EngineOptions): string {
  return path.resolve(options.state ?? defaultStorePath());
}

/**
 * Opens the simulated cloud for a command that reads or drills an existing
 * deployment. A missing store is a usage error naming the file: opening
 * would create an empty cloud, and every answer about it would be wrong.
 */
export function openExistingEngine(options: EngineOptions): CloudEngine {
  const file = storePath(options);
  if (!fs.existsSync(file)) {
    throw new HybridlinkError(
      "NoState",
      `${file}: no simulated cloud has been created here yet. Deploy first (\`hybridlink up <program>\`), ` +
        "or point at the store with --state <file> (or HYBRIDLINK_STATE).",
    );
  }
  return CloudEngine.open({ path: file });
}

/** Opens (creating if needed) the simulated cloud for a deployment with the app's profile. */
export function openEngineForApp(options: EngineOptions, profile: ProfileName): CloudEngine {
  return CloudEngine.open({ path: storePath(options), profile });
}

/** Runs `work` with an engine and always closes it. */
export async function usingEngine<T>(engine: CloudEngine, work: (engine: CloudEngine) => T | Promise<T>): Promise<T> {
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}
