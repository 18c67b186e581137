"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { datasetApiPath } from "@/components/datasets/dataset-path";
import { invalidateDataset } from "@/components/datasets/query-keys";
import { postApi } from "@/components/segments/post-api";
import { IndustryThresholdNote } from "@/components/definitions/industry-threshold-note";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { COMPACT_FIELD_CLASS } from "@/components/ui/field-classes";
import { Notice } from "@/components/ui/notice";
import type { DatasetSettingsPatch } from "@/lib/datasets/dataset-settings.types";
import { eventNamesResponseSchema } from "@/lib/datasets/event-names.types";
import type { DatasetDetail } from "@/lib/datasets/get-dataset.types";
import { settingsUpdateSchema } from "@/lib/datasets/settings-update.types";
import { fetchApi } from "@/lib/http/fetch-api";


const EVENT_SETTINGS = [
  { key: "signupEvent", label: "Signup event", help: "Starts the clock for days-to-convert and time-to-convert; without one, a user's first event." },
  { key: "activationEvent", label: "Activation event", help: "The first sign of value (e.g. created the first report): activation time and lifecycle." },
  { key: "conversionEvent", label: "Conversion event", help: "Upgrade, subscribe or purchase: conversion rate, days to convert, PQL validation." },
  { key: "cancelEvent", label: "Cancel event", help: "Cancelled subscriptions: churn features and churn-risk validation." },
] as const;

type EventKey = (typeof EVENT_SETTINGS)[number]["key"];

/** What the dataset's events mean; saving recomputes every user's features. */
export function SettingsForm({ dataset }: { dataset: DatasetDetail }) {
  const id = useId();
  const queryClient = useQueryClient();
  const eventNames = useQuery({
    queryKey: ["event-names", dataset.name, {}],
    queryFn: ({ signal }) => fetchApi(`${datasetApiPath(dataset.name)}/event-names`, eventNamesResponseSchema, signal),
  });
  const [events, setEvents] = useState<Record<EventKey, string>>({
    signupEvent: dataset.signupEvent ?? "",
    activationEvent: dataset.activationEvent ?? "",
    conversionEvent: dataset.conversionEvent ?? "",
    cancelEvent: dataset.cancelEvent ?? "",
  });
  const [coreFeatures, setCoreFeatures] = useState<string[]>(dataset.coreFeatures);
  const [timezone, setTimezone] = useState(dataset.timezone);
  const [sessionTimeout, setSessionTimeout] = useState(String(dataset.sessionTimeoutMinutes));
  const save = useMutation({
    mutationFn: (patch: DatasetSettingsPatch) => postApi(datasetApiPath(dataset.name), patch, settingsUpdateSchema, undefined, "PATCH"),
    onSuccess: () => invalidateDataset(queryClient, dataset.name),
  });

  const names = eventNames.data?.eventNames.map((entry) => entry.name) ?? [];
  // Keep configured names selectable even when no event of that name exists (yet).
  const options = [...new Set([...names, ...Object.values(events).filter(Boolean), ...coreFeatures])];

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ ...events, coreFeatures, timezone, sessionTimeoutMinutes: Number(sessionTimeout) } as DatasetSettingsPatch);
  }

  return (
    <form onSubmit={submit} className="space-y-6" aria-describedby={`${id}-intro`}>
      <p id={`${id}-intro`} className="text-sm text-slate-600">
        These settings tell Strata what your events mean. Saving recomputes every user&apos;s features, so every segment, chart and export uses the new meaning.
      </p>
      <Card title="Key events">
        <div className="grid gap-5 md:grid-cols-2">
          {EVENT_SETTINGS.map((setting) => (
            <label key={setting.key} className="flex flex-col gap-1 text-sm text-slate-700">
              <span className="font-medium">{setting.label}</span>
              <select
                name={setting.key}
                value={events[setting.key]}
                onChange={(event) => setEvents((current) => ({ ...current, [setting.key]: event.target.value }))}
                className={COMPACT_FIELD_CLASS}
              >
                <option value="">— none —</option>
                {options.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
              <span className="text-xs text-slate-500">{setting.help}</span>
            </label>
          ))}
        </div>
      </Card>
      <Card title="Core features" description="The events that count as using a core feature (feature breadth, power users, PQL).">
        {eventNames.isError ? (
          <ErrorState title="Event names could not be loaded" message={eventNames.error.message} onRetry={() => void eventNames.refetch()} />
        ) : (
          <fieldset>
            <legend className="sr-only">Core features</legend>
            <div className="grid gap-2 sm:grid-cols-3 lg:grid-cols-4">
              {options.map((name) => (
                <label key={name} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={coreFeatures.includes(name)}
                    onChange={(event) => setCoreFeatures((current) => (event.target.checked ? [...current, name] : current.filter((item) => item !== name)))}
                  />
                  <span className="truncate">{name}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </Card>
      <Card title="Time">
        <div className="flex flex-wrap gap-6">
          <label className="flex flex-col gap-1 text-sm text-slate-700">
            <span className="font-medium">Time zone</span>
            <input name="timezone" value={timezone} onChange={(event) => setTimezone(event.target.value)} className={COMPACT_FIELD_CLASS} />
            <span className="text-xs text-slate-500">IANA name; days, weeks and months are counted in it.</span>
          </label>
          <div className="flex max-w-xl flex-col gap-1 text-sm text-slate-700">
            <label className="flex flex-col gap-1">
              <span className="font-medium">Session timeout (minutes)</span>
              <input
                name="sessionTimeoutMinutes"
                type="number"
                min={1}
                max={1440}
                value={sessionTimeout}
                onChange={(event) => setSessionTimeout(event.target.value)}
                aria-describedby={`${id}-session-convention`}
                className={`${COMPACT_FIELD_CLASS} w-32`}
              />
            </label>
            <span id={`${id}-session-convention`} className="text-xs text-slate-500">
              <IndustryThresholdNote id="session-timeout" showCaveat />
            </span>
          </div>
        </div>
        <p className="mt-4 max-w-3xl text-xs text-slate-500">
          Churn windows are thresholds of the lifecycle (churned after … days) and churn-risk segment models, set on the Segments tab.{" "}
          <IndustryThresholdNote id="transaction-churn-window" showCaveat />
        </p>
      </Card>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving and recomputing features…" : "Save settings"}
        </Button>
        {save.isSuccess && (
          <Notice
            title={
              save.data.changed.length === 0
                ? "Nothing changed."
                : `Saved. ${save.data.refresh ? `Features recomputed for ${save.data.refresh.users.toLocaleString("en-US")} users in ${(save.data.refresh.durationMs / 1000).toFixed(1)} s.` : ""}`
            }
          />
        )}
      </div>
      {save.isError && <ErrorState title="The settings were not saved" message={save.error.message} />}
    </form>
  );
}
