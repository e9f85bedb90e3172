import { describe, expect, expectTypeOf, it } from "vitest";
import { ConfigError } from "../config/errors.js";
import { commonInputs } from "./common.js";
import { readInputs, readInputsWithOrigins, type InputConfig } from "./read.js";
import { envInputSource, flagInputSource } from "./sources.js";
import { input } from "./spec.js";

const none = () => undefined;

describe("readInputs typing", () => {
  it("types values by spec, with camelCase keys", () => {
    const specs = [
      ...commonInputs,
      input.number("max-age-days", { description: "days", integer: true, min: 0 }),
      input.list("ecosystems", { description: "ecosystems", default: [] }),
      input.date("today", { description: "date" }),
      input.string("needed", { description: "needed", required: true }),
    ] as const;
    const v = readInputs(specs, flagInputSource({ needed: "x" }));
    expectTypeOf(v.failOn).toEqualTypeOf<"critical" | "high" | "medium" | "low" | "none" | "info">();
    expectTypeOf(v.path).toEqualTypeOf<string>();
    expectTypeOf(v.config).toEqualTypeOf<string | undefined>();
    expectTypeOf(v.reportOnly).toEqualTypeOf<boolean>();
    expectTypeOf(v.comment).toEqualTypeOf<"always" | "on-failure" | "never">();
    expectTypeOf(v.maxAgeDays).toEqualTypeOf<number | undefined>();
    expectTypeOf(v.ecosystems).toEqualTypeOf<string[]>();
    expectTypeOf(v.today).toEqualTypeOf<Date | undefined>();
    expectTypeOf(v.needed).toEqualTypeOf<string>();
    expect(v).toMatchObject({
      failOn: "high",
      path: ".",
      reportOnly: false,
      comment: "on-failure",
      needed: "x",
    });
    expect(v.maxAgeDays).toBeUndefined();
  });
});

describe("readInputs defaults", () => {
  it("fills every common input from its default", () => {
    expect(readInputs(commonInputs, none)).toEqual({
      path: ".",
      config: undefined,
      failOn: "high",
      ignore: [],
      baseline: undefined,
      reportOnly: false,
      failOpen: false,
      sarifFile: undefined,
      jsonFile: undefined,
      uploadSarif: false,
      comment: "on-failure",
      annotations: true,
      token: undefined,
    });
  });

  it("hands out fresh copies of list defaults", () => {
    const first = readInputs(commonInputs, none);
    first.ignore.push({ id: "x", reason: "y" });
    expect(readInputs(commonInputs, none).ignore).toEqual([]);
  });
});

describe("readInputs conversion", () => {
  const specs = [
    ...commonInputs,
    input.number("max-age-days", { description: "days", integer: true, min: 0 }),
    input.list("ecosystems", { description: "ecosystems" }),
    input.date("today", { description: "date" }),
  ] as const;

  it("parses each kind from text", () => {
    const v = readInputs(
      specs,
      flagInputSource({
        "fail-on": "Critical",
        "report-only": "TRUE",
        annotations: "false",
        "max-age-days": "30",
        ecosystems: "npm, PyPI\nGo\n",
        today: "2026-03-10",
        ignore: "- id: CVE-2021-44228\n  path: services/**\n  reason: JNDI disabled\n  until: 2026-06-30\n",
      }),
    );
    expect(v.failOn).toBe("critical");
    expect(v.reportOnly).toBe(true);
    expect(v.annotations).toBe(false);
    expect(v.maxAgeDays).toBe(30);
    expect(v.ecosystems).toEqual(["npm", "PyPI", "Go"]);
    expect(v.today).toEqual(new Date("2026-03-10T00:00:00Z"));
    expect(v.ignore).toEqual([
      { id: "CVE-2021-44228", path: "services/**", reason: "JNDI disabled", until: "2026-06-30" },
    ]);
  });

  it("accepts info for fail-on without advertising it", () => {
    expect(readInputs(commonInputs, flagInputSource({ "fail-on": "info" })).failOn).toBe("info");
  });

  it("treats empty and blank strings as not given", () => {
    const v = readInputs(commonInputs, flagInputSource({ "fail-on": "", path: "  ", "report-only": "" }));
    expect(v).toMatchObject({ failOn: "high", path: ".", reportOnly: false });
  });

  it.each([
    [{ "fail-on": "hgih" }, 'Input "fail-on" must be one of critical, high, medium, low, none (got "hgih")'],
    [{ comment: "sometimes" }, 'Input "comment" must be one of always, on-failure, never (got "sometimes")'],
    [{ "report-only": "maybe" }, 'Input "report-only" must be true or false (got "maybe")'],
    [{ "max-age-days": "ten" }, 'Input "max-age-days" must be a number (got "ten")'],
    [{ "max-age-days": "1.5" }, 'Input "max-age-days" must be a whole number (got "1.5")'],
    [{ "max-age-days": "-1" }, 'Input "max-age-days" must be at least 0 (got "-1")'],
    [{ today: "2026-02-30" }, 'Input "today" must be a date written YYYY-MM-DD (got "2026-02-30")'],
    [
      { ignore: "- id: CVE-1\n  path: x\n- id: CVE-2\n  reason: ok\n  until: soon\n" },
      'Input "ignore" is not valid: line 1: ignore[0] needs "reason"; ' +
        'line 5: ignore[1].until must be a date written YYYY-MM-DD (got "soon")',
    ],
    [
      { ignore: "- id: CVE-1\n  reason: ok\n  expires: 2026-01-01\n" },
      'Input "ignore" is not valid: line 3: unknown key "expires" in ignore[0]; expected one of id, path, package, reason, until',
    ],
    [
      { ignore: "id: CVE-1\nreason: x\n" },
      'Input "ignore" is not valid: line 1: ignore must be a list (got a mapping)',
    ],
    [{ ignore: "- id: [unclosed\n" }, 'Input "ignore" is not valid YAML: line 2: Flow sequence'],
  ])("explains bad input %j", (flags, message) => {
    expect(() => readInputs(specs, flagInputSource(flags))).toThrow(message);
  });

  it("reports every bad input at once", () => {
    try {
      readInputs(commonInputs, flagInputSource({ "fail-on": "x", "fail-open": "y" }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.message)).toEqual([
        'Input "fail-on" must be one of critical, high, medium, low, none (got "x")',
        'Input "fail-open" must be true or false (got "y")',
      ]);
    }
  });

  it("requires required inputs, naming them", () => {
    const specs2 = [
      input.string("image", { description: "Image reference to scan.", required: true }),
    ] as const;
    expect(() => readInputs(specs2, none)).toThrow('Input "image" is required: Image reference to scan.');
  });

  it("rejects specs that are not kebab-case or defined twice", () => {
    expect(() => input.string("failOn", { description: "x" })).toThrow(
      'input name "failOn" must be kebab-case',
    );
    const dup = [input.string("a", { description: "x" }), input.string("a", { description: "y" })] as const;
    expect(() => readInputs(dup, none)).toThrow('input "a" is defined twice');
  });
});

describe("readInputs precedence", () => {
  const config: InputConfig = {
    values: {
      "fail-on": "medium",
      "report-only": true,
      token: "from-config",
      ignore: [{ id: "X", reason: "r" }],
    },
    origin: (key) => `.github/bulwark.yml:${key.length}`,
  };

  it("explicit input > config > spec default", () => {
    const r = readInputsWithOrigins(commonInputs, flagInputSource({ "fail-on": "low" }), config);
    expect(r.values).toMatchObject({
      failOn: "low",
      reportOnly: true,
      failOpen: false,
      ignore: [{ id: "X", reason: "r" }],
    });
    expect(r.origins).toMatchObject({
      "fail-on": "input",
      "report-only": "config",
      "fail-open": "default",
      config: "unset",
    });
  });

  it("never reads non-configurable inputs such as the token from config", () => {
    expect(readInputs(commonInputs, none, config).token).toBeUndefined();
  });

  it("names the config origin when a config value cannot be used", () => {
    const bad: InputConfig = { values: { "fail-on": "severe" }, origin: () => ".github/bulwark.yml:3" };
    expect(() => readInputs(commonInputs, none, bad)).toThrow(
      '.github/bulwark.yml:3: fail-on must be one of critical, high, medium, low, none (got "severe")',
    );
  });
});

describe("input sources", () => {
  it("reads INPUT_ variables as the Actions runner sets them", () => {
    const source = envInputSource({ "INPUT_FAIL-ON": "critical", "INPUT_REPORT-ONLY": "", INPUT_PATH: " " });
    expect(source("fail-on")).toBe("critical");
    expect(source("report-only")).toBeUndefined();
    expect(source("path")).toBeUndefined();
    expect(source("token")).toBeUndefined();
    expect(readInputs(commonInputs, source).failOn).toBe("critical");
  });

  it("reads CLI flags by kebab or camel name, joining arrays", () => {
    const source = flagInputSource({
      failOn: "low",
      "upload-sarif": true,
      ecosystems: ["npm", "Go"],
      x: null,
    });
    expect(source("fail-on")).toBe("low");
    expect(source("upload-sarif")).toBe("true");
    expect(source("ecosystems")).toBe("npm\nGo");
    expect(source("x")).toBeUndefined();
  });
});
