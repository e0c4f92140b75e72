// A user's program of one VPC: `hybridlink synth` on it is the CLI's start-up (module loading) and little else.
const { NetworkApp, Vpc } = require("hybridlink");
exports.app = new NetworkApp({ profile: "tencent" });
new Vpc(exports.app, "Vpc", { region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });
