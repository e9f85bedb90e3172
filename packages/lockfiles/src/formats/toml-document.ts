// TOML reading shared by the TOML formats: syntax errors keep the line smol-toml reports.
import { parse, TomlError } from "smol-toml";
import { ExtractorError } from "../extractor.js";

export function parseTomlDocument(content: string, what: string): Record<string, unknown> {
  try {
    return parse(content) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new ExtractorError(`${what} is not valid TOML: ${error.message.split("\n")[0]}`, error.line);
    }
    throw new ExtractorError(`${what} is not valid TOML: ${String(error)}`);
  }
}
