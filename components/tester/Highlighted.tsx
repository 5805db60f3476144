import { highlightSegments } from "@/lib/tester/trace";
import { formatCount } from "@/lib/detection/numbers";

/** Text with matched ranges marked (as text, never HTML); long values are cut with a note. */
export function Highlighted({ text, ranges, max = 2000 }: { text: string; ranges: readonly { start: number; end: number }[]; max?: number }) {
  const shown = text.length > max ? text.slice(0, max) : text;
  const segs = highlightSegments(shown, ranges);
  return (
    <>
      {segs.map((s, i) =>
        s.hit ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-950 underline decoration-2 underline-offset-2 dark:bg-yellow-500/80">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
      {text.length > max && <span className="text-slate-500"> … ({formatCount(text.length - max)} more characters not shown)</span>}
    </>
  );
}
