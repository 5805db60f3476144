import Link from "@/components/ui/Link";
import { testScopeHref } from "@/lib/catalog/test-scope-href";

/** A story's two workflows: step through its analytics one by one, or test a paste against all of them. */
export function StoryActions({ slug, count }: { slug: string; count: number }) {
  if (count === 0) return null;
  const cls = "inline-block rounded border border-indigo-300 px-2 py-1 text-sm text-indigo-800 hover:bg-indigo-50 dark:border-indigo-700 dark:text-indigo-300 dark:hover:bg-indigo-950";
  return (
    <p className="mb-3 flex flex-wrap gap-2" data-testid="story-actions">
      <Link href={`/stories/${encodeURIComponent(slug)}/walk/1`} className={cls}>
        Walk through <span className="sr-only">the {count} analytics</span>
      </Link>
      <Link href={testScopeHref("story", slug)} className={cls}>
        Test a paste against these analytics
      </Link>
    </p>
  );
}
