import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Strata", template: "%s · Strata" },
  description: "Self-hosted behavioral segmentation: load event logs, compute per-user behavior features, segment users.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader />
        <QueryProvider>
          <main id="main" className="mx-auto max-w-7xl px-6 py-8">
            {children}
          </main>
        </QueryProvider>
      </body>
    </html>
  );
}
