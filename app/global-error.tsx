"use client";
import "./globals.css";

/** Last resort when the root layout itself fails (e.g. the content cannot be read at all). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      {/* Classes, not a style attribute: the CSP allows no inline style attributes. */}
      <body className="mx-auto my-16 max-w-160 px-4 font-sans">
        <h1>Detection Console is unavailable</h1>
        <p>The console could not start this page{error.digest ? ` (reference ${error.digest})` : ""}. Check the server log and CONTENT_DIR.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
