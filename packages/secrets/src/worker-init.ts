// What a worker thread needs to rebuild the scanner: the options minus what cannot cross a thread
// boundary (the IgnoreList instance travels as its entries; built-in rules, which hold functions, are
// imported by the worker itself).
import { IgnoreList } from "./ignore-list.js";
import type { ScannerOptions } from "./scanner.js";

export type WorkerScannerInit = Omit<ScannerOptions, "ignore" | "rules"> & { ignoreEntries?: string[] };

/** Undefined when the options cannot cross to a worker (a custom rule list with verify functions). */
export function toWorkerInit(options: ScannerOptions): WorkerScannerInit | undefined {
  if (options.rules) return undefined;
  if (options.extraRules?.some((r) => r.verify)) return undefined;
  const { ignore, rules: _rules, ...rest } = options;
  return { ...rest, ignoreEntries: ignore?.list() };
}

export function fromWorkerInit(init: WorkerScannerInit): ScannerOptions {
  const { ignoreEntries, ...rest } = init;
  const ignore = ignoreEntries ? new IgnoreList().add(ignoreEntries.join("\n")) : undefined;
  // RegExps are structured-cloned without their examples' functions; nothing else needs restoring.
  return { ...rest, ignore };
}
