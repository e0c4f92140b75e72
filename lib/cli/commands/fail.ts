import { Command } from "commander";
import { CliIo } from "../io";
import { faultCommand } from "./fault-command";

/** `hybridlink fail <device|site|connection>`: take a customer-gateway device, an IDC site or a VPN tunnel down (failover drill). */
export function failCommand(io: CliIo): Command {
  return faultCommand(io, "fail", "Fail", "take a customer-gateway device, an IDC site or a VPN tunnel down (failover drill)");
}
