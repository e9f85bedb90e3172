// One sticky pull-request comment per action, found again by a hidden marker and updated in place.
import type { GateResult, ScanResult } from "../report.js";
import { toMarkdown } from "./markdown.js";

export const MAX_COMMENT_CHARS = 65_536;

export function commentMarker(tool: string): string {
  return `<!-- bulwark:${tool.replace(/[^a-z0-9-]/gi, "")} -->`;
}

export function toPrComment(scan: ScanResult, gate: GateResult, detailsUrl?: string): string {
  const marker = commentMarker(scan.tool);
  const footer = detailsUrl ? `\n[Full report](${encodeURI(detailsUrl)})\n` : "";
  // Characters and UTF-8 bytes differ; a byte budget below the character limit is always safe.
  const budget = MAX_COMMENT_CHARS - marker.length - footer.length - 64;
  const body = toMarkdown(scan, gate, {
    limitBytes: budget,
    headingLevel: 3,
    rows: "new",
    includeEngineSummary: false,
  });
  return `${marker}\n${body}${footer}`;
}
