export * from "./model";
export * from "./validate";
export * from "./arns";
export * from "./runtimes";
export * from "./schemas";
