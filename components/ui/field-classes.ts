/**
 * The two looks of form controls, so every page's inputs and selects match.
 * FIELD_CLASS: a full-width control under its own label (save forms, pickers).
 * COMPACT_FIELD_CLASS: an inline select or input in a toolbar of controls; it
 * leaves the border colour to the caller (red when the value is invalid).
 */
export const FIELD_CLASS =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none";

export const COMPACT_FIELD_CLASS = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600";
