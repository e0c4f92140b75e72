import { Command } from "commander";
import { JsonObject } from "../../../providers/cloud";
import { drillAccount } from "../drills/accounts";
import { CliIo, EXIT_OK } from "../io";
import { AccountOptions, withAccountOption, withEngineOptions, withStackOption } from "../options";
import { openExistingEngine, usingEngine } from "../session";
import { stackNamesFor } from "../stack/lookup";

/** `hybridlink clock [show]` and `hybridlink clock advance <duration>`: the engine's simulated time. */
export function clockCommand(io: CliIo): Command {
  const show = new Command("show").description("print the engine clock");
  withAccountOption(withStackOption(withEngineOptions(show)));
  show.action((options: AccountOptions) => clockRequest(io, options, "DescribeClock", {}));

  const advance = new Command("advance")
    .description("move the engine clock forward: gateways finish provisioning, health checks detect failures, peering requests expire")
    .argument("<duration>", "how far: 90s, 5m, 7d, 1h30m (a bare number is seconds)");
  withAccountOption(withStackOption(withEngineOptions(advance)));
  advance.action((duration: string, options: AccountOptions) =>
    clockRequest(io, options, "AdvanceClock", /^\d+(\.\d+)?$/.test(duration) ? { seconds: Number(duration) } : { duration }),
  );

  return new Command("clock")
    .description("the simulated cloud's clock: show it, or advance it (no wall-clock waits anywhere)")
    .addCommand(show.exitOverride(), { isDefault: true })
    .addCommand(advance.exitOverride());
}

function clockRequest(io: CliIo, options: AccountOptions, action: string, params: JsonObject): Promise<void> {
  return usingEngine(openExistingEngine(options), (engine) => {
    // The clock is the whole cloud's; the account only decides whose timed transitions are reported.
    const account = drillAccount(options.account, stackNamesFor(engine, options));
    const response = engine.request(action, params, { account, operator: true });
    io.out(options.json ? JSON.stringify(response, null, 2) : renderClock(response));
    io.exitCode(EXIT_OK);
  });
}

function renderClock(r: JsonObject): string {
  const lines = [`engine clock: ${String(r.now)} (${formatElapsed(Number(r.elapsedSeconds))} since the store was created)`];
  const transitions = (r.transitions ?? []) as Array<{ id: string; type: string; from: string; to: string; at: string }>;
  for (const t of transitions) lines.push(`  ${t.type} ${t.id}: ${t.from} → ${t.to} at ${t.at}`);
  return lines.join("\n");
}

/** `7d 0h 5m 0s`, dropping leading zero units. */
export function formatElapsed(seconds: number): string {
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86400), "d"],
    [Math.floor((seconds % 86400) / 3600), "h"],
    [Math.floor((seconds % 3600) / 60), "m"],
    [Math.round((seconds % 60) * 1000) / 1000, "s"],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return first < 0 ? "0s" : parts.slice(first).map(([n, u]) => `${n}${u}`).join(" ");
}
