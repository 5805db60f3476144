/**
 * Analytic stories and their analytics. Membership: an analytic belongs to a story when its
 * `analyticStories` (tags.analytic_story) names the story, exactly or ignoring case.
 */

interface StoryLike {
  name: string;
}
interface MemberLike {
  analyticStories: readonly string[];
}

function key(name: string): string {
  return name.trim().toLowerCase();
}

/** The analytics of one story, in the order given. */
export function storyMembers<T extends MemberLike>(analytics: readonly T[], story: StoryLike): T[] {
  const k = key(story.name);
  return analytics.filter((a) => a.analyticStories.some((s) => s === story.name || key(s) === k));
}

/** Story name → number of analytics citing it (keys are the stories' own names). */
export function storyCounts(analytics: readonly MemberLike[], stories: readonly StoryLike[]): Map<string, number> {
  const byKey = new Map<string, number>();
  for (const a of analytics) {
    for (const k of new Set(a.analyticStories.map(key))) byKey.set(k, (byKey.get(k) ?? 0) + 1);
  }
  return new Map(stories.map((s) => [s.name, byKey.get(key(s.name)) ?? 0]));
}
