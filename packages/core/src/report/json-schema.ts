// The JSON report's shape as a JSON Schema (draft-07), for consumers that validate what they read.
import { SEVERITIES } from "../finding.js";

const severity = { enum: [...SEVERITIES] };
const count = { type: "integer", minimum: 0 };
const statusCounts = {
  type: "object",
  required: ["new", "baseline", "ignored"],
  additionalProperties: false,
  properties: { new: count, baseline: count, ignored: count },
};
const strings = { type: "array", items: { type: "string" } };

const findingProperties = {
  tool: { type: "string" },
  ruleId: { type: "string" },
  severity,
  status: { enum: ["new", "baseline", "ignored"] },
  statusReason: { type: "string" },
  blocking: { type: "boolean" },
  title: { type: "string" },
  message: { type: "string" },
  score: { type: "number", minimum: 0, maximum: 10 },
  location: {
    type: "object",
    required: ["path"],
    additionalProperties: false,
    properties: {
      path: { type: "string" },
      startLine: { type: "integer" },
      endLine: { type: "integer" },
      startColumn: { type: "integer" },
      endColumn: { type: "integer" },
    },
  },
  fingerprint: { type: "string" },
  ids: strings,
  aliases: strings,
  package: {
    type: "object",
    required: ["name"],
    additionalProperties: false,
    properties: {
      name: { type: "string" },
      version: { type: "string" },
      ecosystem: { type: "string" },
      purl: { type: "string" },
    },
  },
  remediation: { type: "string" },
  evidence: { type: "string" },
  helpUri: { type: "string" },
  properties: { type: "object" },
} as const;

// A finding the change under review removed (new-only): no gate status, it is gone.
const { status: _status, statusReason: _reason, blocking: _blocking, ...fixedProperties } = findingProperties;

export const JSON_REPORT_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/bulwark-security/bulwark/schemas/report-v1.json",
  title: "Bulwark JSON report, version 1",
  type: "object",
  required: [
    "version",
    "tool",
    "toolVersion",
    "verdict",
    "failed",
    "failOn",
    "reasons",
    "notices",
    "problems",
    "counts",
    "stats",
    "findings",
  ],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    tool: { type: "string" },
    toolVersion: { type: "string" },
    verdict: { enum: ["pass", "fail"] },
    failed: { type: "boolean" },
    failOn: { enum: [...SEVERITIES, "none"] },
    reasons: strings,
    notices: strings,
    problems: {
      type: "array",
      items: {
        type: "object",
        required: ["level", "message"],
        additionalProperties: false,
        properties: {
          level: { enum: ["error", "warning", "notice"] },
          message: { type: "string" },
          path: { type: "string" },
          line: { type: "integer", minimum: 1 },
        },
      },
    },
    counts: {
      type: "object",
      required: ["total", "new", "baseline", "ignored", "blocking", "bySeverity"],
      additionalProperties: false,
      properties: {
        total: count,
        new: count,
        baseline: count,
        ignored: count,
        blocking: count,
        bySeverity: {
          type: "object",
          required: [...SEVERITIES],
          additionalProperties: false,
          properties: Object.fromEntries(SEVERITIES.map((s) => [s, statusCounts])),
        },
      },
    },
    stats: { type: "object", additionalProperties: { type: "number" } },
    findings: {
      type: "array",
      items: {
        type: "object",
        required: ["tool", "ruleId", "severity", "status", "blocking", "title", "message", "fingerprint"],
        additionalProperties: false,
        properties: findingProperties,
      },
    },
    fixed: {
      type: "array",
      items: {
        type: "object",
        required: ["tool", "ruleId", "severity", "title", "message", "fingerprint"],
        additionalProperties: false,
        properties: fixedProperties,
      },
    },
  },
} as const;
