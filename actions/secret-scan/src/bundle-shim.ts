// Lets recheck's dependency synckit load inside this ESM ncc bundle. recheck (which the engine uses to
// vet custom regexes) requires synckit at load time, and synckit's CommonJS build probes its
// environment there: ncc rewrites its `require.extensions` into a read on an empty webpack context
// function ("Cannot convert undefined or null to object"), and its `typeof __dirname` check falls through
// to an `import.meta.url` it does not have. Functions inheriting a writable, non-enumerable `extensions`,
// and a global `__dirname` of the bundle's folder, satisfy both. Imported first by main.ts.
// No node: imports here: this module must run before the bundle touches any of them.
if (!("extensions" in Function.prototype)) {
  Object.defineProperty(Function.prototype, "extensions", {
    value: {},
    enumerable: false,
    configurable: true,
    writable: true,
  });
}
const g = globalThis as { __dirname?: string };
g.__dirname ??= decodeURIComponent(new URL(".", import.meta.url).pathname).replace(/\/$/, "");
