// An installed npm package: node_modules/<name>/package.json or node_modules/@scope/<name>/package.json
// (at any depth, including pnpm's .pnpm store). Other package.json files inside a package (e.g.
// lib/package.json setting "type") describe no package and are not matched.
import { ExtractorError, type Extractor } from "../extractor.js";
import { DeclarationFinder } from "./line-index.js";
import { expectObject, parseJsonDocument, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";

const INSTALLED = /(^|\/)node_modules\/(@[^/]+\/)?[^/@.][^/]*\/package\.json$/;

export const installedNodeModuleExtractor: Extractor = {
  name: "node_modules package.json",
  matches: (path) => INSTALLED.test(path),
  extract(content, context) {
    const manifest = expectObject(parseJsonDocument(content, "package.json"), "package.json");
    const name = stringOf(manifest.name);
    const version = stringOf(manifest.version);
    if (!name || !version) {
      // Linked workspace packages may have no version; a package.json naming nothing is a fault.
      if (name) return [];
      throw new ExtractorError("package.json in node_modules has no name", 1);
    }
    const finder = new DeclarationFinder(content);
    const scoped = name.startsWith("@") && name.includes("/");
    return [
      {
        name,
        version,
        ecosystem: "npm",
        purl: purlString({
          type: "npm",
          namespace: scoped ? name.slice(0, name.indexOf("/")) : undefined,
          name: scoped ? name.slice(name.indexOf("/") + 1) : name,
          version,
        }),
        file: context.relativePath,
        line: finder.jsonPair("name", name) ?? 1,
      },
    ];
  },
};
