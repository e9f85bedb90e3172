// Recognising SBOMs by content, for files whose name (a generic .json or .xml) does not say.
// JSON members come in any order (some writers put spdxVersion last), so JSON is searched whole;
// XML and tag-value documents declare themselves in their first lines.
const HEAD = 64 * 1024;

export function looksLikeCycloneDxJson(content: string): boolean {
  return /"bomFormat"\s*:\s*"CycloneDX"/.test(content);
}

export function looksLikeCycloneDxXml(content: string): boolean {
  return /<bom\b[^>]*xmlns\s*=\s*["']http:\/\/cyclonedx\.org\/schema\/bom\//.test(content.slice(0, HEAD));
}

export function looksLikeSpdxJson(content: string): boolean {
  return /"spdxVersion"\s*:\s*"SPDX-/.test(content);
}

export function looksLikeSpdxTagValue(content: string): boolean {
  return /^SPDXVersion:\s*SPDX-/m.test(content.slice(0, HEAD));
}
