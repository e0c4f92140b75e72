import * as fs from "fs";
import * as path from "path";
import { createSyncFn } from "synckit";
import type { WireCall, WireResult } from "./wire-call";

/** How long one call may take before the client gives up (the SDKs' own default timeout is 60 s). */
const CALL_TIMEOUT_MS = 90_000;

let send: ((call: WireCall) => WireResult) | undefined;

/**
 * Runs one wire call to completion on the SDK worker and returns its result,
 * blocking this thread meanwhile. The worker is started on first use and
 * lives as long as the process (synckit unrefs it, so it never keeps the
 * process alive).
 */
export function callOverWire(call: WireCall): WireResult {
  if (!send) {
    send = createSyncFn<(call: WireCall) => Promise<WireResult>>(workerFile(), { timeout: CALL_TIMEOUT_MS });
  }
  return send(call);
}

/**
 * The worker's JavaScript: beside this file in the built package; from the
 * TypeScript sources (ts-jest, tsx) the build's copy, since a worker thread
 * does not inherit the caller's TypeScript loader (synckit's tsx runner hung
 * here, never answering) — `npm run build` first, as `npm test` does.
 */
function workerFile(): string {
  const beside = path.join(__dirname, "sdk-worker.js");
  if (fs.existsSync(beside)) return beside;
  const built = path.join(__dirname, "..", "..", "dist", "providers", "endpoint", "sdk-worker.js");
  if (fs.existsSync(built)) return built;
  throw new Error(`The SDK worker is not built (${built}): run \`npm run build\` first.`);
}
