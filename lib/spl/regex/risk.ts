/**
 * How much work a backtracking engine (V8's RegExp, PCRE) may need for a pattern, from its tree:
 *
 * - `exponential`: nested variable repetition (star height > 1) or overlapping alternatives under
 *   a repetition: `(a+)+`, `(a|a)*`.
 * - `polynomial` of degree d ≥ 2: a chain of d variable repetitions that can all consume the same
 *   characters, with everything between two of them matchable by those characters too, so an input
 *   that repeats such characters makes the engine try ~n^d ways before failing. The search loop
 *   (a match may start at every position) is the first link of the chain unless the pattern is
 *   anchored at the start: `\w+@` is quadratic on 64 KB of `a`, `(.+)(\x{202E})(.+)` is cubic
 *   on `a\u202E` repeated, `.*(ZIP|…)\\.+\.(…)` cubic on `zip\` repeated.
 * - `linear`: none of that (degree 1).
 *
 * The analysis over-approximates (characters a repetition can consume are a union of sets; a
 * bounded repetition wider than WIDE counts as unbounded): a pattern called linear is linear, a
 * risky one may in fact be cheaper. Risky patterns run on re2js (linear time) when RE2 can run them
 * exactly; the others get a deterministic input-length limit (`inputLimit`).
 */
import { setMembers, type Node } from "./ast";
import { caseClose, caseVariants, complement, intersects, union, type Ranges } from "./charset";
import { riskyTree } from "./analyze";

export type RiskClass = "linear" | "polynomial" | "exponential";

export interface RegexRisk {
  risk: RiskClass;
  /** Polynomial degree (1 for linear, Infinity for exponential). */
  degree: number;
}

/** A bounded repetition whose max − min exceeds this counts as unbounded. */
export const WIDE = 32;

const ANY: Ranges = [[0, 0xffff]];
const intersect = (a: Ranges, b: Ranges): Ranges => complement(union(complement(a), complement(b)));

/** Every code unit `n` can consume (over-approximated). */
function chars(n: Node): Ranges {
  switch (n.t) {
    case "lit": {
      if (n.cp > 0xffff) {
        const s = String.fromCodePoint(n.cp);
        return union([[s.charCodeAt(0), s.charCodeAt(0)]], [[s.charCodeAt(1), s.charCodeAt(1)]]);
      }
      return n.ci ? caseVariants(n.cp) : [[n.cp, n.cp]];
    }
    case "set": {
      const eff = setMembers(n, caseClose);
      return n.neg ? complement(eff) : eff;
    }
    case "seq": return union(...n.items.map(chars));
    case "alt": return union(...n.alts.map(chars));
    case "group": return n.kind === "la" || n.kind === "nla" || n.kind === "lb" || n.kind === "nlb" ? [] : chars(n.body);
    case "rep": return chars(n.body);
    case "bref": return ANY;
    case "assert": return [];
  }
}

const isWide = (n: Extract<Node, { t: "rep" }>) => n.max === Infinity || n.max - n.min > WIDE;

/**
 * A chain under way: `d` variable repetitions so far, all able to consume the characters of
 * `pump`; `needs`: the sets of the mandatory characters read since its first repetition (a
 * string that pumps every repetition of the chain must also supply them, so each must meet `pump`).
 */
interface Chain {
  pump: Ranges;
  needs: Ranges[];
  d: number;
}

const MAX_CHAINS = 24;
const key = (r: Ranges) => r.map(([a, b]) => `${a}-${b}`).join(",");
const alive = (c: Chain) => c.pump.length > 0 && c.needs.every((n) => intersects(n, c.pump));

/** Distinct live chains; beyond MAX_CHAINS the weakest are folded into one wider chain (over-approximation). */
function merge(chains: Chain[]): Chain[] {
  const byKey = new Map<string, Chain>();
  for (const c of chains) {
    if (!alive(c)) continue;
    const k = `${key(c.pump)}|${c.needs.map(key).join("|")}`;
    const same = byKey.get(k);
    if (same) same.d = Math.max(same.d, c.d);
    else byKey.set(k, { ...c });
  }
  const out = [...byKey.values()].sort((a, b) => b.d - a.d);
  if (out.length <= MAX_CHAINS) return out;
  const rest = out.slice(MAX_CHAINS - 1);
  const folded: Chain = { pump: union(...rest.map((c) => c.pump)), needs: [], d: Math.max(...rest.map((c) => c.d)) };
  return [...out.slice(0, MAX_CHAINS - 1), folded];
}

class Degree {
  max = 1;

  /** Chains after matching `n`, given the chains before it. */
  step(n: Node, chains: Chain[]): Chain[] {
    switch (n.t) {
      case "assert":
        this.fail(chains);
        return n.kind === "bos" ? [] : chains;
      case "seq": {
        let cur = chains;
        for (const item of n.items) cur = this.step(item, cur);
        return cur;
      }
      case "alt": return merge(n.alts.flatMap((a) => this.step(a, chains)));
      case "group": {
        if (n.kind === "la" || n.kind === "nla" || n.kind === "lb" || n.kind === "nlb") {
          this.fail(chains);
          this.step(n.body, chains); // its own backtracking counts; it consumes nothing
          return chains;
        }
        return this.step(n.body, chains);
      }
      case "bref":
        this.fail(chains);
        return chains;
      case "rep": return this.rep(n, chains);
      default: return this.fixed(chars(n), chains);
    }
  }

  /**
   * Something that can fail follows the chains: the engine may backtrack through every way they
   * split the input (a chain followed by nothing that can fail stops at its first success).
   */
  private fail(chains: Chain[]): void {
    for (const c of chains) if (alive(c)) this.max = Math.max(this.max, c.d);
  }

  /** A mandatory character from `set`: the chains' pumps must supply it. */
  private fixed(set: Ranges, chains: Chain[]): Chain[] {
    this.fail(chains);
    return merge(chains.map((c) => ({ ...c, needs: [...c.needs, set] })));
  }

  private rep(n: Extract<Node, { t: "rep" }>, chains: Chain[]): Chain[] {
    if (!isWide(n)) {
      // A few copies of its body: run it (up to twice, so inner chains are seen), skip it if optional.
      const once = this.step(n.body, chains);
      const twice = n.max >= 2 ? this.step(n.body, once) : once;
      return merge(n.min === 0 ? [...chains, ...twice] : twice);
    }
    const set = chars(n.body);
    const through = this.step(n.body, chains); // chains inside the body; one mandatory pass
    const extended = chains.map((c) => ({ pump: intersect(c.pump, set), needs: c.needs, d: c.d + 1 }));
    const skipped = n.min === 0 || nullableish(n.body) ? chains : [];
    return merge([...extended, { pump: set, needs: [], d: 1 }, ...through, ...skipped]);
  }
}

function nullableish(n: Node): boolean {
  switch (n.t) {
    case "lit": case "set": return false;
    case "seq": return n.items.every(nullableish);
    case "alt": return n.alts.some(nullableish);
    case "group": return n.kind === "cap" || n.kind === "nocap" || n.kind === "atomic" ? nullableish(n.body) : true;
    case "rep": return n.min === 0 || nullableish(n.body);
    default: return true;
  }
}

/** The class of a parsed pattern (see the module comment). */
export function regexRisk(root: Node): RegexRisk {
  if (riskyTree(root)) return { risk: "exponential", degree: Infinity };
  const deg = new Degree();
  // The search loop: a match may start at any position (a leading \A removes it).
  deg.step(root, [{ pump: ANY, needs: [], d: 1 }]);
  return deg.max >= 2 ? { risk: "polynomial", degree: deg.max } : { risk: "linear", degree: 1 };
}

/**
 * Backtracking steps a risky pattern that must stay on a backtracking engine may take: the input
 * limit is the longest input whose worst case (length^degree, or 2^length when exponential) stays
 * within it. Deterministic: it depends on the pattern and the input's length only.
 */
export const STEP_BUDGET = 2 ** 26;

/** Longest input (UTF-16 units) a risky backtracking pattern is run on; Infinity when linear. */
export function inputLimit(r: RegexRisk): number {
  return limitFor(r, STEP_BUDGET);
}

/**
 * Steps below which a risky pattern that re2js can run still runs on V8 (much faster on short
 * values; the same answer): a worst case of about a millisecond.
 */
export const FAST_STEP_BUDGET = 2 ** 20;

/** Longest input a risky, RE2-runnable pattern runs on with V8 before re2js takes over. */
export function fastLimit(r: RegexRisk): number {
  return limitFor(r, FAST_STEP_BUDGET);
}

function limitFor(r: RegexRisk, budget: number): number {
  if (r.risk === "linear") return Infinity;
  if (r.risk === "exponential") return Math.log2(budget);
  return Math.floor(Math.pow(budget, 1 / r.degree));
}
