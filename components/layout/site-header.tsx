"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const NAV = [
  { href: "/", label: "Datasets", isActive: (path: string) => path === "/" || path.startsWith("/datasets") },
  { href: "/upload", label: "Upload", isActive: (path: string) => path.startsWith("/upload") },
];

export function SiteHeader() {
  const pathname = usePathname() ?? "/";
  return (
    <header className="border-b border-slate-800 bg-slate-900 print:hidden">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-8 px-6">
        <Link href="/" className="flex items-center gap-2 text-white focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none">
            <rect x="3" y="4" width="18" height="4" rx="1.5" className="fill-indigo-400" />
            <rect x="3" y="10" width="13" height="4" rx="1.5" className="fill-indigo-300" />
            <rect x="3" y="16" width="8" height="4" rx="1.5" className="fill-indigo-200" />
          </svg>
          <span className="text-lg font-semibold tracking-tight">Strata</span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1">
            {NAV.map((item) => {
              const active = item.isActive(pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-white ${
                      active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"
                    }`}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </header>
  );
}
