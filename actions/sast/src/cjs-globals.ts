// The bundled TypeScript parser (used by ESLint for .ts files) reads CommonJS's __filename and __dirname,
// which an ES module bundle lacks: give them the bundle's own values before anything else loads.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const globals = globalThis as { __filename?: string; __dirname?: string };
globals.__filename ??= fileURLToPath(import.meta.url);
globals.__dirname ??= dirname(globals.__filename);
