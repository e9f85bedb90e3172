// JSON reading shared by the JSON formats: parse errors carry the line, and shape checks stay terse.
import { ExtractorError } from "../extractor.js";
import { LineIndex } from "./line-index.js";

export type JsonObject = Record<string, unknown>;

export function parseJsonDocument(content: string, what: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const lines = new LineIndex(content);
    const line = position ? lines.lineAt(Number(position[1])) : lines.lineCount;
    throw new ExtractorError(`${what} is not valid JSON: ${message.split("\n")[0]}`, line);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object itself, or an ExtractorError saying what was expected. */
export function expectObject(value: unknown, what: string): JsonObject {
  if (!isObject(value)) throw new ExtractorError(`${what} must be a JSON object`);
  return value;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function objectOf(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}
