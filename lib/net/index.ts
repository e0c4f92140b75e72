export * from "./cidr";
export * from "./model";
