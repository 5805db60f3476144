/**
 * The console's link: Next's `<Link>` (client-side navigation) without prefetching. Next
 * prefetches every link that scrolls into view; on the catalog that is 100 analytic rows and the
 * header, each a request the server renders and the browser's router decodes on the main thread
 * (the long tasks Lighthouse counted after load on every list page, issue 16). Every page here is
 * rendered on demand, so a prefetch saves little; a click still navigates in place.
 */
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
