// High-level constructs (one file or folder per pattern) are exported here.
export {};
