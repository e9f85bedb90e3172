// One SECURITY.md, read into everything Bulwark enforces.
import { findDisclosureTimeline, type TimelineEntry } from "./disclosure-timeline.js";
import { parseMarkdown } from "./markdown-tree.js";
import { findPromisedChecks, type Promise_ } from "./promised-checks.js";
import { rstTablesToMarkdown } from "./rst-tables.js";
import { findReportingChannels, type ReportingChannel } from "./reporting-channels.js";
import { findSupportTable, type SupportTable } from "./supported-versions-table.js";

export interface SecurityPolicy {
  path: string;
  supportTable?: SupportTable;
  reportingChannels: ReportingChannel[];
  disclosureTimeline: TimelineEntry[];
  promisedChecks: Promise_[];
}

export function parsePolicy(content: string, path = "SECURITY.md"): SecurityPolicy {
  // GitHub also shows SECURITY.rst / .txt; their tables become pipe tables on the same lines.
  const markdown = /\.(rst|txt)$/i.test(path) ? rstTablesToMarkdown(content) : content;
  const root = parseMarkdown(markdown);
  const supportTable = findSupportTable(root, markdown);
  return {
    path,
    ...(supportTable ? { supportTable } : {}),
    reportingChannels: findReportingChannels(content),
    disclosureTimeline: findDisclosureTimeline(root, markdown),
    promisedChecks: findPromisedChecks(content),
  };
}
