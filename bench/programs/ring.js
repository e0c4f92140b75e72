// A user's program (whole-process benches): the ring workload of N = $HL_BENCH_N through the installed package.
exports.app = require("./ring-topology")(require("hybridlink"), Number(process.env.HL_BENCH_N || 1000));
