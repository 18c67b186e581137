"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { userListQuerySchema, type UserListQuery } from "@/lib/datasets/list-dataset-users.types";

const DEFAULTS = userListQuerySchema.parse({});

/**
 * The users table's page, sort and search live in the URL (shareable, back
 * button works); invalid values fall back to the defaults one by one.
 */
export function useUsersUrlState(): [UserListQuery, (change: Partial<UserListQuery>, mode?: "push" | "replace") => void] {
  const searchParams = useSearchParams();
  const state = useMemo(() => {
    const read = <K extends keyof UserListQuery>(key: K): UserListQuery[K] => {
      const parsed = userListQuerySchema.shape[key].safeParse(searchParams.get(key) ?? undefined);
      return (parsed.success ? parsed.data : DEFAULTS[key]) as UserListQuery[K];
    };
    return { page: read("page"), pageSize: read("pageSize"), sort: read("sort"), dir: read("dir"), q: read("q") };
  }, [searchParams]);

  const update = useCallback((change: Partial<UserListQuery>, mode: "push" | "replace" = "push") => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined || value === "" || value === DEFAULTS[key as keyof UserListQuery]) next.delete(key);
      else next.set(key, String(value));
    }
    const search = next.toString();
    // Next.js syncs native history calls with useSearchParams, without a server round trip.
    window.history[mode === "push" ? "pushState" : "replaceState"](null, "", search ? `?${search}` : window.location.pathname);
  }, []);

  return [state, update];
}
