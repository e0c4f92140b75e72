import { deploy } from "hybridlink/pulumi";
import { app } from "./app";

// `pulumi up` here deploys the app through hybridlink's dynamic providers to the simulated cloud
// (HYBRIDLINK_STATE names its store); the stack exports gateway IPs, tunnel and peering IDs and states.
export const outputs = deploy(app).outputs;
