import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Detection Console", template: "%s · Detection Console" },
  description: "Review Splunk ESCU-style detection content and test it live.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
