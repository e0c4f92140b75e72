import { spawn } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { Checkpoint, ResourceState } from "./checkpoint";
import { EngineDouble, LogEntry } from "./engine-double";
import { ProviderHost } from "./provider-host";
import { Step } from "./steps";
import { JsonObject, reveal } from "./wire";

/* eslint-disable @typescript-eslint/no-require-imports */
const yaml = require("js-yaml");

/** Where a stack lives: its checkpoint, and the simulated cloud's store its provider host writes. */
export interface StackSettings {
  readonly stack: string;
  readonly checkpointFile: string;
  /** HYBRIDLINK_STATE of the provider host: the cloud is only reached through it. */
  readonly statePath: string;
  /** Extra environment of the program (pre-shared keys). */
  readonly env?: NodeJS.ProcessEnv;
  /** Extra environment of the provider host (the endpoint path: HYBRIDLINK_ENDPOINT and the keys). */
  readonly providerEnv?: NodeJS.ProcessEnv;
}

export interface RunResult {
  readonly exitCode: number;
  readonly output: string;
  readonly steps: readonly Step[];
  readonly logs: readonly LogEntry[];
  readonly stackOutputs: JsonObject;
  readonly resources: readonly ResourceState[];
  readonly ms: number;
}

interface Project {
  readonly name: string;
  readonly main?: string;
  readonly typescript: boolean;
  readonly nodeargs: string[];
}

/** Pulumi.yaml as the CLI reads it: name, main, runtime options. */
export function readProject(dir: string): Project {
  const doc = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as Record<string, any>;
  const runtime = typeof doc.runtime === "string" ? { name: doc.runtime, options: {} } : doc.runtime;
  if (runtime.name !== "nodejs") throw new Error(`${dir}: runtime ${runtime.name} is not nodejs`);
  const options = runtime.options ?? {};
  return { name: doc.name, main: doc.main, typescript: options.typescript !== false, nodeargs: options.nodeargs ? String(options.nodeargs).split(/\s+/) : [] };
}

/**
 * `pulumi preview` (dryRun) or `pulumi up` in a project folder: the engine
 * double serves the monitor, the program runs in its own process exactly as
 * Pulumi's Node language host starts it (node <nodeargs> @pulumi/pulumi/cmd/run
 * --monitor … --engine … --project … --stack … --pwd … [--dry-run] --parallel N <main or .>),
 * and resources go through the dynamic-provider plugin in a third process.
 */
export async function up(projectDir: string, settings: StackSettings, dryRun = false): Promise<RunResult> {
  const started = Date.now();
  const project = readProject(projectDir);
  const checkpoint = new Checkpoint(settings.checkpointFile);
  const old = checkpoint.load();
  const plugin = lazyProvider(projectDir, project, settings);
  const engine: EngineDouble = new EngineDouble(project.name, settings.stack, dryRun, new Map(old.map((r) => [r.urn, r])), (): Promise<ProviderHost> => plugin.get(engine.address));
  const address = await engine.start();
  const runScript = createRequire(path.join(projectDir, "Pulumi.yaml")).resolve("@pulumi/pulumi/cmd/run");
  const args = [...project.nodeargs, runScript, "--monitor", address, "--engine", address, "--organization", "organization",
    "--project", project.name, "--stack", settings.stack, "--pwd", projectDir, ...(dryRun ? ["--dry-run"] : []), "--parallel", "16", project.main ?? "."];
  const programEnv: NodeJS.ProcessEnv = { ...process.env, ...settings.env, PULUMI_CONFIG: "{}", PULUMI_CONFIG_SECRET_KEYS: "[]", PULUMI_NODEJS_TYPESCRIPT: String(project.typescript) };
  // The program never opens the store: only the provider host does.
  delete programEnv.HYBRIDLINK_STATE;
  const { code, output } = await runProcess(args, projectDir, programEnv);
  try {
    if (!dryRun) {
      const registered = new Set(engine.registered.map((r) => r.urn));
      const gone = code === 0 ? old.filter((r) => !registered.has(r.urn)) : [];
      for (const r of [...engine.replaced, ...gone.reverse()]) {
        if (r.custom) await (await plugin.get(address)).delete(r.urn, r.id!, reveal(r.outputs) as JsonObject, reveal(r.inputs) as JsonObject);
        if (!engine.replaced.includes(r)) engine.steps.push({ op: "delete", urn: r.urn });
      }
      // A failed run keeps what it did not reach, as Pulumi's partial checkpoint does.
      const kept = code === 0 ? [] : old.filter((r) => !registered.has(r.urn));
      checkpoint.save([...engine.registered, ...kept]);
    }
  } finally {
    await plugin.stop();
    await engine.stop();
  }
  return { exitCode: code, output, steps: engine.steps, logs: engine.logs, stackOutputs: engine.stackOutputs, resources: engine.registered, ms: Date.now() - started };
}

/** `pulumi destroy`: no program runs; every resource of the checkpoint is deleted, dependents first. */
export async function destroy(projectDir: string, settings: StackSettings): Promise<RunResult> {
  const started = Date.now();
  const project = readProject(projectDir);
  const checkpoint = new Checkpoint(settings.checkpointFile);
  const old = checkpoint.load();
  const plugin = lazyProvider(projectDir, project, settings);
  const steps: Step[] = [];
  try {
    for (const r of [...old].reverse()) {
      if (r.custom) await (await plugin.get("127.0.0.1:0")).delete(r.urn, r.id!, reveal(r.outputs) as JsonObject, reveal(r.inputs) as JsonObject);
      steps.push({ op: "delete", urn: r.urn });
    }
    checkpoint.save([]);
  } finally {
    await plugin.stop();
  }
  return { exitCode: 0, output: "", steps, logs: [], stackOutputs: {}, resources: [], ms: Date.now() - started };
}

function lazyProvider(projectDir: string, project: Project, settings: StackSettings) {
  let host: Promise<ProviderHost> | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, HYBRIDLINK_STATE: settings.statePath, PULUMI_NODEJS_PROJECT: project.name, PULUMI_NODEJS_STACK: settings.stack, ...settings.providerEnv };
  return {
    get: (engineAddress: string) => (host ??= ProviderHost.start(projectDir, engineAddress, env)),
    stop: async () => {
      if (host) await (await host).stop();
    },
  };
}

function runProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}
