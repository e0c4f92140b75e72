import * as fs from "fs";
import * as path from "path";
import { HybridlinkError } from "../core/errors";
import { ProfileName } from "../core/profiles";
import { CloudEngine, defaultStorePath } from "../../providers/cloud";
import { EngineOptions } from "./options";
import { latestStack, StackStore } from "./stack/stack-store";

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
  // A read command never turns an empty file into a store: that file is someone's, and holds no cloud.
  if (fs.existsSync(file) && fs.statSync(file).isFile() && fs.statSync(file).size === 0) {
    throw Object.assign(new HybridlinkError("EmptyStore", `${file} is an empty file, not a hybridlink store; nothing was written to it.`), {
      path: file,
      hint: "deploy into it with `hybridlink up <program>`, or point --state (or HYBRIDLINK_STATE) at the store you meant",
    });
  }
  if (!fs.existsSync(file)) {
    throw new HybridlinkError(
      "NoState",
      `${file}: no simulated cloud has been created here yet. Deploy first (\`hybridlink up <program>\`), ` +
        "or point at the store with --state <file> (or HYBRIDLINK_STATE).",
    );
  }
  return CloudEngine.open({ path: file, profile: profileForCommand(file, options) });
}

/**
 * The profile a reading or drilling command acts with, in a store that may
 * hold several clouds: the profile of `--stack`, else of the stack deployed
 * last (the one the user just worked on, as Pulumi's selected stack), else the
 * store's default.
 */
function profileForCommand(file: string, options: EngineOptions): ProfileName | undefined {
  const store = StackStore.open(file);
  try {
    const stacks = store.stacks();
    const chosen = options.stack !== undefined ? stacks.find((s) => s.name === options.stack) : latestStack(stacks);
    return chosen?.app.profile as ProfileName | undefined;
  } finally {
    store.close();
  }
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
