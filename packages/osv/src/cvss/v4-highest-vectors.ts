// CVSS v4.0 facts used to interpolate within a MacroVector (CVSS v4.0 Specification §8.2):
// the highest-severity metric values of each equivalence class, and each class's depth (the largest
// severity distance inside it, plus one).

/** Highest-severity vectors per EQ level, as metric -> value records. */
export const HIGHEST: {
  eq1: Record<number, string[]>;
  eq2: Record<number, string[]>;
  /** Indexed by EQ3 then EQ6. */
  eq3eq6: Record<number, Record<number, string[]>>;
  eq4: Record<number, string[]>;
  eq5: Record<number, string[]>;
} = {
  eq1: {
    0: ["AV:N/PR:N/UI:N"],
    1: ["AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"],
    2: ["AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"],
  },
  eq2: { 0: ["AC:L/AT:N"], 1: ["AC:H/AT:N", "AC:L/AT:P"] },
  eq3eq6: {
    0: {
      0: ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"],
      1: ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"],
    },
    1: {
      0: ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"],
      1: [
        "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H",
        "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M",
        "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
        "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H",
        "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M",
      ],
    },
    2: { 1: ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"] },
  },
  eq4: { 0: ["SC:H/SI:S/SA:S"], 1: ["SC:H/SI:H/SA:H"], 2: ["SC:L/SI:L/SA:L"] },
  eq5: { 0: ["E:A"], 1: ["E:P"], 2: ["E:U"] },
};

/** Depth of each class, in 0.1 severity steps. */
export const DEPTH = {
  eq1: { 0: 1, 1: 4, 2: 5 } as Record<number, number>,
  eq2: { 0: 1, 1: 2 } as Record<number, number>,
  eq3eq6: { 0: { 0: 7, 1: 6 }, 1: { 0: 8, 1: 8 }, 2: { 1: 10 } } as Record<number, Record<number, number>>,
  eq4: { 0: 6, 1: 5, 2: 4 } as Record<number, number>,
};
