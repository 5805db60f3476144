/**
 * Static checks on a parsed PCRE pattern: what PCRE itself would reject (variable-length
 * lookbehind), what JavaScript would run differently (backreferences to unset groups, captures
 * reset per repetition, empty iterations, mixed case-sensitivity), and catastrophic-backtracking
 * risk (nested variable quantifiers, overlapping alternatives under a repetition).
 */
import { setMembers, walk, type Node } from "./ast";
import { caseClose, caseVariants, complement, intersects, jsClose, sameSet, size, union, type Ranges } from "./charset";

/** Does matching `n` always set capture group `g`? */
export function mustSet(n: Node, g: number): boolean {
  switch (n.t) {
    case "group":
      if (n.kind === "cap" && n.index === g) return true;
      return n.kind !== "nla" && n.kind !== "nlb" && mustSet(n.body, g);
    case "seq": return n.items.some((c) => mustSet(c, g));
    case "alt": return n.alts.every((c) => mustSet(c, g));
    case "rep": return n.min >= 1 && mustSet(n.body, g);
    default: return false;
  }
}

export function nullable(n: Node): boolean {
  switch (n.t) {
    case "lit": case "set": return false;
    case "seq": return n.items.every(nullable);
    case "alt": return n.alts.some(nullable);
    case "group": return n.kind !== "cap" && n.kind !== "nocap" && n.kind !== "atomic" ? true : nullable(n.body);
    case "rep": return n.min === 0 || nullable(n.body);
    default: return true;
  }
}

/** Length in characters when fixed, else null (PCRE2 10.42 lookbehind rule). */
function fixedLength(n: Node): number | null {
  switch (n.t) {
    case "lit": case "set": return 1;
    case "assert": return 0;
    case "seq": {
      let total = 0;
      for (const c of n.items) {
        const len = fixedLength(c);
        if (len === null) return null;
        total += len;
      }
      return total;
    }
    case "alt": {
      const lens = n.alts.map(fixedLength);
      return lens.every((l) => l !== null && l === lens[0]) ? (lens[0] ?? null) : null;
    }
    case "group": return n.kind === "cap" || n.kind === "nocap" || n.kind === "atomic" ? fixedLength(n.body) : 0;
    case "rep": {
      const len = fixedLength(n.body);
      return len !== null && n.min === n.max ? len * n.min : null;
    }
    case "bref": return null;
  }
}

const groupsIn = (n: Node): number[] => {
  const out: number[] = [];
  walk(n, (c) => { if (c.t === "group" && c.kind === "cap" && c.index !== undefined) out.push(c.index); });
  return out;
};

/** Reasons PCRE would reject the pattern, or JS would run it differently beyond repair. */
export function structuralProblem(root: Node): string | null {
  let problem: string | null = null;
  walk(root, (n, ancestors) => {
    if (problem) return;
    if (n.t === "group" && (n.kind === "lb" || n.kind === "nlb")) {
      const branches = n.body.t === "alt" ? n.body.alts : [n.body];
      if (branches.some((b) => fixedLength(b) === null)) problem = "lookbehind assertion is not fixed length";
    }
    if (n.t !== "bref") return;
    const g = n.group;
    if (ancestors.some((a) => a.t === "group" && (a.kind === "lb" || a.kind === "nlb"))) {
      problem = `backreference \\${g} inside a lookbehind is not supported`;
      return;
    }
    if (ancestors.some((a) => a.t === "group" && a.kind === "cap" && a.index === g)) {
      problem = `backreference \\${g} inside the group it refers to is not supported`;
      return;
    }
    // The group must be set earlier in the same repetition: PCRE fails a backreference to an
    // unset group, JavaScript matches it as empty (and resets groups at each repetition).
    let path: Node = n;
    for (let k = ancestors.length - 1; k >= 0; k--) {
      const a = ancestors[k] as Node;
      if (a.t === "seq") {
        const before = a.items.slice(0, a.items.indexOf(path));
        if (before.some((s) => mustSet(s, g))) return;
      }
      path = a;
    }
    problem = `backreference \\${g} may refer to a group that is unset at that point (PCRE fails there, JavaScript matches an empty string)`;
  });
  return problem;
}

/** How case-insensitivity can be carried: the `i` flag, folding by hand, or not at all. */
export function caseMode(root: Node): { useIFlag: boolean } | { reason: string } {
  let needI = false;
  let forbidI = false;
  let ciBref = false;
  walk(root, (n) => {
    // Caseless parts need folding (PCRE closure); case-sensitive parts forbid the `i` flag only
    // when JavaScript's own folding would change them.
    let matters = false;
    if (n.t === "lit") matters = n.cp <= 0xffff && size(n.ci ? caseVariants(n.cp) : jsClose([[n.cp, n.cp]])) > 1;
    else if (n.t === "set") {
      const all = setMembers({ ...n, ci: false }, (r) => r);
      matters = n.ci ? !sameSet(caseClose(n.ranges), n.ranges) : !sameSet(jsClose(all), all);
    }
    else if (n.t === "bref") {
      matters = true;
      if (n.ci) ciBref = true;
    } else return;
    if (!matters) return;
    if (n.ci) needI = true;
    else forbidI = true;
  });
  if (needI && forbidI && ciBref) {
    return { reason: "a case-insensitive backreference in a pattern that mixes case-sensitive and case-insensitive parts is not supported" };
  }
  return { useIFlag: needI && !forbidI };
}

/** Ways JavaScript/RE2 group values or match bounds may differ from PCRE. */
export function repetitionHazards(root: Node): { emptyIteration: boolean; captureReset: boolean } {
  let emptyIteration = false;
  let captureReset = false;
  walk(root, (n) => {
    if (n.t !== "rep") return;
    if (n.max > n.min && nullable(n.body)) emptyIteration = true;
    if (n.max > 1 && groupsIn(n.body).some((g) => !mustSet(n.body, g))) captureReset = true;
  });
  return { emptyIteration, captureReset };
}

function first(n: Node): { set: Ranges; empty: boolean } {
  switch (n.t) {
    case "lit": {
      const cp = n.cp > 0xffff ? String.fromCodePoint(n.cp).charCodeAt(0) : n.cp;
      return { set: n.ci ? caseVariants(cp) : [[cp, cp]], empty: false };
    }
    case "set": {
      const eff = setMembers(n, caseClose);
      return { set: n.neg ? complement(eff) : eff, empty: false };
    }
    case "seq": {
      let set: Ranges = [];
      for (const c of n.items) {
        const f = first(c);
        set = union(set, f.set);
        if (!f.empty) return { set, empty: false };
      }
      return { set, empty: true };
    }
    case "alt": {
      const fs = n.alts.map(first);
      return { set: union(...fs.map((f) => f.set)), empty: fs.some((f) => f.empty) };
    }
    case "group":
      if (n.kind === "cap" || n.kind === "nocap" || n.kind === "atomic") return first(n.body);
      return { set: [], empty: true };
    case "rep": {
      const f = first(n.body);
      return { set: f.set, empty: f.empty || n.min === 0 };
    }
    case "bref": return { set: [[0, 0xffff]], empty: true };
    case "assert": return { set: [], empty: true };
  }
}

function overlappingAlt(n: Node): boolean {
  let found = false;
  walk(n, (c) => {
    if (found || c.t !== "alt") return;
    const fs = c.alts.map(first);
    for (let i = 0; i < fs.length && !found; i++) {
      for (let j = i + 1; j < fs.length && !found; j++) {
        const a = fs[i];
        const b = fs[j];
        if (a && b && ((a.empty && b.empty) || intersects(a.set, b.set))) found = true;
      }
    }
  });
  return found;
}

/** Nested variable repetition (star height > 1) or overlapping alternatives under a repetition. */
export function riskyTree(root: Node): boolean {
  let risky = false;
  walk(root, (n) => {
    if (risky || n.t !== "rep" || n.max < 2) return;
    walk(n.body, (inner) => {
      if (inner.t !== "rep" || inner === n) return;
      if (n.max === Infinity ? inner.max > inner.min : inner.max === Infinity) risky = true;
    });
    if (!risky && n.max === Infinity && overlappingAlt(n.body)) risky = true;
  });
  return risky;
}
