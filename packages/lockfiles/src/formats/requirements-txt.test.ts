import { describe, expect, it } from "vitest";
import { requirementsTxtExtractor } from "./requirements-txt.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("requirements.txt", () => {
  it("reads every requirement of the real files", async () => {
    const counts: Record<string, [number, number]> = {};
    for (const f of sharedLockfiles("requirements-txt")) {
      const records = await requirementsTxtExtractor.extract(f.content, f.context);
      counts[f.name] = [records.length, records.filter((r) => r.version === undefined).length];
    }
    // [requirements, unpinned ones]
    expect(counts).toEqual({
      "DefectDojo__django-DefectDojo__requirements.txt": [65, 1],
      "mozilla__treeherder__requirements__common.txt": [154, 0],
      "netbox-community__netbox__requirements.txt": [46, 0],
      "openstack__requirements__upper-constraints.txt": [575, 0],
      "readthedocs__readthedocs.org__requirements__deploy.txt": [137, 0],
    });
  });

  it("joins hashed continuation lines, keeps the first line, and reads VCS URLs and extras", async () => {
    const f = sharedLockfile("requirements-txt", "mozilla__treeherder__requirements__common.txt");
    const records = await requirementsTxtExtractor.extract(f.content, f.context);
    expect(records[0]).toEqual({
      name: "aiohappyeyeballs",
      version: "2.6.1",
      ecosystem: "PyPI",
      purl: "pkg:pypi/aiohappyeyeballs@2.6.1",
      direct: true,
      file: "requirements-txt/mozilla__treeherder__requirements__common.txt",
      line: 7,
    });
    const lines = f.content.split("\n");
    for (const r of records)
      expect(lines[(r.line ?? 0) - 1]?.toLowerCase().replace(/[-_.]+/g, "-")).toMatch(
        new RegExp(`^${r.name}(\\[.*\\])?==`),
      );

    const dojo = sharedLockfile("requirements-txt", "DefectDojo__django-DefectDojo__requirements.txt");
    const dojoRecords = await requirementsTxtExtractor.extract(dojo.content, dojo.context);
    // "bleach==6.3.0" then "bleach[css]": one package, pinned.
    expect(dojoRecords.filter((r) => r.name === "bleach")).toMatchObject([{ version: "6.3.0", line: 2 }]);
    expect(dojoRecords.find((r) => r.name === "celery")).toMatchObject({ version: "5.6.3" });
    expect(dojoRecords.find((r) => r.name === "django-tagulous")).toMatchObject({
      line: 54,
      commit: "2b514f9140acfce608238d1426d864185b3c60a2",
      requirement: expect.stringContaining("git+https://github.com/valentijnscholten/django-tagulous.git@"),
    });
    expect(dojoRecords.find((r) => r.name === "json-log-formatter")).toMatchObject({
      version: "1.2.1",
      purl: "pkg:pypi/json-log-formatter@1.2.1",
    });
  });

  it("follows -r and -c includes relative to each file, survives cycles, and applies constraint pins", async () => {
    const files = {
      "base.txt":
        "Django>=4.2,<5  # web\nrequests[socks] ; python_version >= '3.8'\n-r ../common/extra.txt\n",
      "../common/extra.txt": "-r ../reqs/base.txt\nattrs===23.1.0\nPyYAML==6.*\n",
      "constraints.txt": "requests==2.31.0\nunused==1.0\n",
    };
    const top = [
      "# app requirements",
      "--index-url https://pypi.org/simple",
      "-r base.txt",
      "-c constraints.txt",
      "flask==3.0.0 \\",
      "    --hash=sha256:abc",
      "-e .",
      "./vendor/local-1.0.tar.gz",
      "",
    ].join("\n");
    const records = await requirementsTxtExtractor.extract(
      top,
      memoryContext("reqs/requirements.txt", files),
    );
    expect(records.map((r) => [r.name, r.version, r.requirement, r.file, r.line])).toEqual([
      ["django", undefined, ">=4.2,<5", "reqs/base.txt", 1],
      ["requests", "2.31.0", undefined, "reqs/base.txt", 2],
      ["attrs", "23.1.0", undefined, "common/extra.txt", 2],
      ["pyyaml", undefined, "==6.*", "common/extra.txt", 3],
      ["flask", "3.0.0", undefined, "reqs/requirements.txt", 5],
    ]);
  });

  it("says which include is missing and which line is not a requirement", async () => {
    await expect(
      requirementsTxtExtractor.extract("a==1\n-r missing.txt\n", memoryContext("requirements.txt")),
    ).rejects.toMatchObject({
      line: 2,
      message: expect.stringContaining('"missing.txt" not found'),
    });
    await expect(
      requirementsTxtExtractor.extract("a==1\n\n%%% not valid\n", memoryContext("requirements.txt")),
    ).rejects.toMatchObject({
      name: "ExtractorError",
      line: 3,
    });
  });

  it("matches requirements*.txt, constraints*.txt and requirements/*.txt", () => {
    expect(requirementsTxtExtractor.matches("requirements.txt")).toBe(true);
    expect(requirementsTxtExtractor.matches("a/requirements-dev.txt")).toBe(true);
    expect(requirementsTxtExtractor.matches("requirements/prod.txt")).toBe(true);
    expect(requirementsTxtExtractor.matches("docs/notes.txt")).toBe(false);
  });
});
