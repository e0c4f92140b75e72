/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^hybridlink$": "<rootDir>/lib/index.ts", "^hybridlink/pulumi$": "<rootDir>/lib/pulumi/index.ts", "^hybridlink/testing$": "<rootDir>/lib/testing/index.ts" },
  testTimeout: 60000,
};
