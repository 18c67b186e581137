import { z } from "zod";

// PATCH /api/datasets/[name] body and `strata settings` flags. No database imports: the browser imports this file.

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const eventName = (label: string) =>
  z
    .string()
    .trim()
    .max(200, `${label} must be at most 200 characters`)
    .transform((name) => (name === "" ? null : name))
    .nullable();

/** Only the fields sent change; "" or null clears an event. */
export const datasetSettingsPatchSchema = z.strictObject({
  timezone: z
    .string()
    .trim()
    .superRefine((zone, context) => {
      if (!isTimeZone(zone)) context.addIssue({ code: "custom", message: `Unknown time zone "${zone}": use an IANA name such as "Europe/Berlin"` });
    })
    .optional(),
  sessionTimeoutMinutes: z.coerce.number().int().min(1, "Session timeout must be at least 1 minute").max(1440, "Session timeout must be at most 1,440 minutes (a day)").optional(),
  signupEvent: eventName("Signup event").optional(),
  activationEvent: eventName("Activation event").optional(),
  conversionEvent: eventName("Conversion event").optional(),
  cancelEvent: eventName("Cancel event").optional(),
  coreFeatures: z
    .array(z.string().trim().min(1, "Core feature names cannot be empty").max(200))
    .max(50, "At most 50 core features")
    .transform((names) => [...new Set(names)])
    .optional(),
});
export type DatasetSettingsPatch = z.infer<typeof datasetSettingsPatchSchema>;
