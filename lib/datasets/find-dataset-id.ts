import type { Queryable } from "../db/db";
import { NotFoundError } from "../http/not-found-error";

/** The id of the dataset with this exact name; NotFoundError (404) when there is none. */
export async function requireDatasetId(db: Queryable, name: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(`SELECT id FROM datasets WHERE name = $1`, [name]);
  if (!row) throw new NotFoundError(`There is no dataset named "${name}".`);
  return row.id;
}
