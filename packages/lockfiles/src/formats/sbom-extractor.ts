import type { Extractor } from "../extractor.js";

/** SBOM extractors also recognise their documents by content, for generic names such as data.json. */
export interface SniffingExtractor extends Extractor {
  sniff(content: string): boolean;
}
