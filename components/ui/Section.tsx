/** A page section with a linked heading (`aria-labelledby`), so screen readers list it as a region. */
export function Section({
  id,
  title,
  children,
  level = 2,
  className = "",
}: {
  id: string;
  title: React.ReactNode;
  children: React.ReactNode;
  level?: 2 | 3;
  className?: string;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className={`scroll-mt-20 ${className}`}>
      <Heading
        id={id}
        className={
          level === 2
            ? "mb-3 border-b border-slate-200 pb-1 text-lg font-semibold tracking-tight dark:border-slate-800"
            : "mb-2 text-base font-semibold"
        }
      >
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** What to say when a list is empty, styled so it reads as intentional. */
export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm italic text-slate-500 dark:text-slate-400">{children}</p>;
}
