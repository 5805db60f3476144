/** Plain text from YAML, paragraphs split on blank lines, single newlines kept. */
export function Prose({ text, empty = "Not given." }: { text: string; empty?: string }) {
  const paras = text
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== "");
  if (paras.length === 0) return <p className="text-sm italic text-slate-500">{empty}</p>;
  return (
    <div className="max-w-prose space-y-2 text-base leading-relaxed">
      {paras.map((p, i) => (
        <p key={i} className="whitespace-pre-line break-words">
          {p.trim()}
        </p>
      ))}
    </div>
  );
}
