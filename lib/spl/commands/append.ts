/**
 * `append [subsearch]` and `appendpipe [subpipeline]`.
 * - append [V cmd:append, https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append]:
 *   the subsearch's results are added after the current results. Its options (extendtimerange,
 *   maxtime, maxout, timeout) bound a real search's cost; over pasted events they change nothing.
 *   The subsearch reads the same pasted events.
 * - appendpipe [V cmd:appendpipe, https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/appendpipe]:
 *   the subpipeline runs over the current results and its output is appended to them
 *   (`run_in_preview` only affects previews).
 * Both can add rows to an empty result (keepsEmpty false), and the rows they add depend on the
 * other events: the search is testable over a batch.
 */
import type { Pipeline, Range } from "../ast";
import { checkSubsearch, noteSubsearch, readBracketed } from "./subsearch";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface AppendNode {
  type: "append" | "appendpipe";
  at: Range;
  sub: Pipeline | null;
  /** Arguments before the brackets that are not options. */
  extra: string;
}

const OPTIONS: Record<AppendNode["type"], RegExp> = {
  append: /^(extendtimerange|maxtime|maxout|timeout)$/i,
  appendpipe: /^run_in_preview$/i,
};

function parser(type: AppendNode["type"]) {
  return (ctx: ParseContext): AppendNode => {
    // append's subsearch is a search; appendpipe's subpipeline starts with a command.
    const { before, sub } = readBracketed(ctx, type === "append");
    const extra: string[] = [];
    for (let i = 0; i < before.length; i++) {
      const t = before[i]!;
      if (t.kind === "word" && OPTIONS[type].test(t.text) && before[i + 1]?.text === "=" && before[i + 2]) i += 2;
      else extra.push(t.text);
    }
    return { type, at: ctx.seg.at, sub, extra: extra.join(" ") };
  };
}

function spec(type: AppendNode["type"]): CommandSpec<AppendNode> {
  const overRows = type === "appendpipe";
  return {
    names: [type],
    parse: parser(type),
    check(c, ctx) {
      if (c.extra) throw new Unsupported("unsupported_option", `${type} ${c.extra} is not modelled`, c.at, "none", `${type} option`);
      checkSubsearch(type, c.sub, c.at, ctx, overRows);
    },
    batch(c, flow) {
      flow.rows(c, "batch_subsearch", overRows ? "appends what its subpipeline makes of all the results" : "appends the rows of a subsearch over all the pasted events");
    },
    keepsEmpty: false,
    run(c, rows, ctx) {
      const added = ctx.subsearch(c.sub!, overRows ? rows : undefined);
      noteSubsearch(type, ctx, overRows);
      return [...rows, ...added];
    },
  };
}

export const append = spec("append");
export const appendpipe = spec("appendpipe");
