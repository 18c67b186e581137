import { z } from "zod";

// Environment is read once, here, so a typo in a variable name fails loudly.
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  STRATA_DATA_DIR: z.string().default(".data/pglite"),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    STRATA_DATA_DIR: source.STRATA_DATA_DIR || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}
