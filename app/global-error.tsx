"use client";

/** Last resort when the root layout itself fails (e.g. the content cannot be read at all). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
        <h1>Detection Console is unavailable</h1>
        <p>The console could not start this page{error.digest ? ` (reference ${error.digest})` : ""}. Check the server log and CONTENT_DIR.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
