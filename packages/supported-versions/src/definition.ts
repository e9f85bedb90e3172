// The supported-versions check as the action and the CLI see it: its inputs and how they map to the engine.
import { join } from "node:path";
import { commonInputs, defineCheck, input } from "@bulwark/core";
import { checkSupportedVersions } from "./check-supported-versions.js";

export const supportedVersionsCheck = defineCheck({
  name: "supported-versions",
  description: "Checks that SECURITY.md tells the truth about which versions get security fixes.",
  specs: [
    ...commonInputs,
    input.string("tag-pattern", {
      description:
        'Which tags are releases: a glob with * for the version ("mypkg@*"), or a regex with a (?<version>...) group. Default: v1.2.3, 1.2.3, name@1.2.3, name/v1.2.3.',
    }),
    input.boolean("github-releases", {
      description: "Also read GitHub releases through the API (needs the token).",
      default: true,
    }),
    input.boolean("check-runtimes", {
      description: "Check declared Node.js and Python versions against endoflife.date.",
      default: true,
    }),
    input.string("endoflife-url", {
      description: "Base URL of the endoflife.date API.",
      default: "https://endoflife.date",
    }),
    input.string("endoflife-cache", {
      description:
        "Directory to cache endoflife.date answers in (keep it with actions/cache). Default: a temp dir.",
    }),
  ] as const,
  async run(inputs, context) {
    const hosting = context.hosting;
    return checkSupportedVersions({
      root: context.root,
      now: context.now,
      checkRuntimes: inputs.checkRuntimes,
      endOfLifeUrl: inputs.endoflifeUrl,
      endOfLifeCacheDir: inputs.endoflifeCache
        ? join(context.workspace, inputs.endoflifeCache)
        : join(context.tempDir, "endoflife"),
      ...(inputs.tagPattern ? { tagPattern: inputs.tagPattern } : {}),
      ...(inputs.githubReleases && hosting?.listReleases
        ? { listReleases: () => hosting.listReleases!() }
        : {}),
    });
  },
});
