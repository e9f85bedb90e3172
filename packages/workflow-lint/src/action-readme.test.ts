import { describe, expect, it } from "vitest";
import { readActionIo, renderInputsTable, splitDefault, syncActionReadme } from "./action-readme.js";

const actionYml = [
  "name: X",
  "inputs:",
  "  fail-on:",
  '    description: "Fail at or above this severity. Default: `high`."',
  "  token:",
  "    description: GitHub token | for comments.",
  "    default: ${{ github.token }}",
  "  db-url:",
  "    description: Exports laid out as <Ecosystem>/all.zip.",
  "    required: true",
  "outputs:",
  "  findings:",
  "    description: How many.",
].join("\n");

const context = { repository: "OWNER/REPO", majors: { "osv-scan": 2 } };

describe("README tables", () => {
  it("render every input with its stated or declared default, escaped for Markdown", () => {
    expect(renderInputsTable(readActionIo(actionYml)).split("\n")).toEqual([
      "| input | required | default | description |",
      "| --- | --- | --- | --- |",
      "| `fail-on` | no | `high` | Fail at or above this severity. |",
      "| `token` | no | `${{ github.token }}` | GitHub token \\| for comments. |",
      "| `db-url` | yes |  | Exports laid out as &lt;Ecosystem&gt;/all.zip. |",
    ]);
    expect(splitDefault("Where. Default: a temp dir.")).toEqual({
      description: "Where.",
      default: "a temp dir",
    });
  });

  it("are appended when missing, replaced in place when stale, and stable once current", () => {
    const readme = "# X\n\n```yaml\n- uses: OWNER/REPO/actions/osv-scan@v1\n```\n\nMore text.\n";
    const synced = syncActionReadme(readme, readActionIo(actionYml), context);
    expect(synced).toContain("- uses: OWNER/REPO/actions/osv-scan@osv-scan/v2");
    expect(synced).toMatch(/More text\.\n\n## Inputs\n\n<!-- inputs: generated/);
    expect(synced).toContain("| `findings` | How many. |");
    expect(syncActionReadme(synced, readActionIo(actionYml), context)).toBe(synced);

    const changed = readActionIo(actionYml.replace("How many.", "How many findings."));
    const resynced = syncActionReadme(synced, changed, context);
    expect(resynced).toContain("| `findings` | How many findings. |");
    expect(resynced.match(/## Outputs/g)).toHaveLength(1);
  });

  it("leave references to actions with no known version alone", () => {
    const readme = "uses: OWNER/REPO/actions/unknown@v9\n";
    expect(syncActionReadme(readme, readActionIo(actionYml), context)).toContain("actions/unknown@v9");
  });
});
