import { createColors } from "picocolors";
import { CliIo } from "../io";

/** The colour functions a command uses; every one is the identity when colour is off. */
export type Colors = ReturnType<typeof createColors>;

/**
 * Colour only for a terminal, and never when NO_COLOR is set (no-color.org);
 * FORCE_COLOR turns it on for pipes (a pager that understands ANSI, a test).
 */
export function colorsFor(io: CliIo, env: NodeJS.ProcessEnv = process.env): Colors {
  return createColors(colorEnabled(io, env));
}

/** Whether output to `io` is coloured. */
export function colorEnabled(io: CliIo, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return io.isTty === true && !env.NO_COLOR;
}
