/** CVSS scoring (v2.0, v3.0, v3.1, v4.0) and OSV record severity. */
export { scoreVector } from "./score-vector.js";
export type { VectorScore } from "./score-vector.js";
export { severityFromOsv, severityFromScore, severityFromLabel } from "./severity-from-osv.js";
export type { SeverityInput, SeverityVerdict } from "./severity-from-osv.js";
