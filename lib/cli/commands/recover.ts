import { Command } from "commander";
import { CliIo } from "../io";
import { faultCommand } from "./fault-command";

/** `hybridlink recover <device|site|connection>`: bring a failed device, site or tunnel back up (failback). */
export function recoverCommand(io: CliIo): Command {
  return faultCommand(io, "recover", "Recover", "bring a failed device, site or tunnel back up (failback)");
}
