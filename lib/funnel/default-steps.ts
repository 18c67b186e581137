import type { FunnelStep } from "./funnel.types";

/**
 * The steps a funnel opens with: the dataset's configured signup → activation → conversion
 * events (those that occur in the data; the demo: signup → onboarding_completed → upgrade),
 * when at least two of them do; otherwise its three most frequent event names.
 * `eventNames` is most frequent first.
 */
export function defaultFunnelSteps(
  settings: { signupEvent: string | null; activationEvent: string | null; conversionEvent: string | null },
  eventNames: readonly string[],
): FunnelStep[] {
  const present = new Set(eventNames);
  const configured = [settings.signupEvent, settings.activationEvent, settings.conversionEvent].filter(
    (name, index, list): name is string => name !== null && present.has(name) && list.indexOf(name) === index,
  );
  const names = configured.length >= 2 ? configured : eventNames.slice(0, 3);
  return names.map((event) => ({ event }));
}
