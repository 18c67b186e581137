import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { getDatabase } from "../db/client";
import { datasetSettingsPatchSchema } from "../datasets/dataset-settings.types";
import { updateDatasetSettings } from "../datasets/update-dataset-settings";
import { describeZodError } from "../http/api-error";

export const SETTINGS_USAGE = `  strata settings --dataset NAME [--signup-event E] [--activation-event E] [--conversion-event E]
                [--cancel-event E] [--core-features A,B,…] [--timezone Area/City] [--session-timeout MINUTES] [--json]
      what the dataset's events mean; a change recomputes the features (an empty value clears an event)`;

/** `strata settings`: bad arguments print the reason and return 2; an unknown dataset throws NotFoundError. */
export async function runSettingsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dataset: { type: "string" },
      "signup-event": { type: "string" },
      "activation-event": { type: "string" },
      "conversion-event": { type: "string" },
      "cancel-event": { type: "string" },
      "core-features": { type: "string" },
      timezone: { type: "string" },
      "session-timeout": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  let patch;
  try {
    if (!values.dataset) throw new Error("settings needs --dataset NAME.");
    patch = datasetSettingsPatchSchema.parse({
      signupEvent: values["signup-event"],
      activationEvent: values["activation-event"],
      conversionEvent: values["conversion-event"],
      cancelEvent: values["cancel-event"],
      coreFeatures: values["core-features"]?.split(",").filter((name) => name.trim() !== ""),
      timezone: values.timezone,
      sessionTimeoutMinutes: values["session-timeout"],
    });
  } catch (error) {
    console.error(`strata: ${error instanceof ZodError ? describeZodError(error) : (error as Error).message}\n\n${SETTINGS_USAGE}`);
    return 2;
  }
  const { db } = await getDatabase();
  const update = await updateDatasetSettings(db, values.dataset, patch);
  if (values.json) {
    console.log(JSON.stringify(update, null, 2));
    return 0;
  }
  const { dataset } = update;
  console.log(update.changed.length === 0 ? "Nothing changed." : `Changed: ${update.changed.join(", ")}.`);
  if (update.refresh) console.log(`Features recomputed in full for ${update.refresh.users.toLocaleString("en-US")} users (${(update.refresh.durationMs / 1000).toFixed(1)} s).`);
  console.log(
    [
      `timezone ${dataset.timezone}, sessions end after ${dataset.sessionTimeoutMinutes} min idle`,
      `signup ${dataset.signupEvent ?? "—"}, activation ${dataset.activationEvent ?? "—"}, conversion ${dataset.conversionEvent ?? "—"}, cancel ${dataset.cancelEvent ?? "—"}`,
      `core features ${dataset.coreFeatures.length > 0 ? dataset.coreFeatures.join(", ") : "—"}`,
    ].join("\n"),
  );
  return 0;
}
