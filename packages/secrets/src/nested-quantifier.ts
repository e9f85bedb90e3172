// A fast structural guard against exponential backtracking: a repeated group (max > 1) whose body
// itself repeats without bound, e.g. (a+)+, (\w*,)*, (?:x|y+){2,}. Conservative: it rejects some
// harmless patterns, which is the right trade for patterns applied to every file. Complements the
// slower, more precise recheck analysis (redos-check.ts).

/** Description of the first offending group, or undefined when none is found. */
export function nestedUnboundedRepetition(source: string): string | undefined {
  // Stack of open groups: whether the body so far contains an unbounded quantifier, and where it began.
  const stack: { unbounded: boolean; start: number }[] = [{ unbounded: false, start: 0 }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      continue;
    }
    if (ch === "(") {
      stack.push({ unbounded: false, start: i });
      continue;
    }
    const q = /^(?:[*+]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i));
    if (ch === ")") {
      const group = stack.pop()!;
      const after = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i + 1));
      const repeats =
        after !== null &&
        after[0] !== "?" &&
        !(after[1] !== undefined && after[2] === undefined && after[1] === "1");
      const outerMax = after?.[1] === undefined ? undefined : after[2] === undefined ? after[1] : after[3];
      const outerMaxOne =
        after?.[0] === "?" || (outerMax !== undefined && outerMax !== "" && Number(outerMax) <= 1);
      if (group.unbounded && repeats && !outerMaxOne)
        return `group at ${group.start} repeats a body that itself repeats without bound: ${source.slice(group.start, i + 1 + after[0].length)}`;
      // An unbounded quantifier inside or on this group makes the enclosing group's body unbounded too.
      const unboundedAfter =
        after !== null &&
        (after[0] === "*" || after[0] === "+" || (after[2] !== undefined && after[3] === ""));
      if (group.unbounded || unboundedAfter) stack[stack.length - 1]!.unbounded = true;
      if (after) i += after[0].length;
      continue;
    }
    if (q && (q[0] === "*" || q[0] === "+" || (q[2] !== undefined && q[3] === ""))) {
      stack[stack.length - 1]!.unbounded = true;
      i += q[0].length - 1;
    }
  }
  return undefined;
}
