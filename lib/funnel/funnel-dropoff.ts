import { csvLine } from "../csv/csv-cell";
import type { Db } from "../db/db";
import { NotFoundError } from "../http/not-found-error";
import { computeFunnelCached, type FunnelUsers } from "./funnel";
import { EVERYONE_SERIES, formatStepText, type DropOffPage, type DropOffQuery, type FunnelQuery } from "./funnel.types";

/** Indexes of the users whose furthest step is `after` (reached it, not the next), in user id order. */
function droppedUsers(users: FunnelUsers, query: FunnelQuery, after: number, series: string): number[] {
  if (after >= query.steps.length) {
    throw new NotFoundError(`Step ${after} is the last step of this ${query.steps.length}-step funnel: nobody drops off after it.`);
  }
  let seriesIndex = -1;
  if (series !== EVERYONE_SERIES) {
    seriesIndex = users.seriesNames.indexOf(series);
    if (seriesIndex < 0) throw new NotFoundError(`This funnel's breakdown has no series named "${series}".`);
  }
  const indexes: number[] = [];
  for (let i = 0; i < users.userIds.length; i++) {
    if (users.reached[i] === after && (seriesIndex < 0 || users.series[i] === seriesIndex)) indexes.push(i);
  }
  return indexes.sort((a, b) => (users.userIds[a]! < users.userIds[b]! ? -1 : users.userIds[a]! > users.userIds[b]! ? 1 : 0));
}

/** One page of the users who reached step `after` but not step `after + 1` (of one series). */
export async function getFunnelDropOff(db: Db, datasetName: string, query: FunnelQuery, dropOff: DropOffQuery): Promise<DropOffPage> {
  const { users } = await computeFunnelCached(db, datasetName, query);
  const indexes = droppedUsers(users, query, dropOff.after, dropOff.series);
  const start = (dropOff.page - 1) * dropOff.pageSize;
  return {
    after: dropOff.after,
    afterLabel: formatStepText(query.steps[dropOff.after - 1]!),
    nextLabel: formatStepText(query.steps[dropOff.after]!),
    series: dropOff.series,
    total: indexes.length,
    page: dropOff.page,
    pageSize: dropOff.pageSize,
    users: indexes.slice(start, start + dropOff.pageSize).map((i) => ({
      userId: users.userIds[i]!,
      startedAt: new Date(users.startedAt[i]!).toISOString(),
      lastStepAt: new Date(users.lastStepAt[i]!).toISOString(),
    })),
  };
}

/** All of those users as CSV (formula-safe cells), with a file name saying which drop-off it is. */
export async function funnelDropOffCsv(
  db: Db,
  datasetName: string,
  query: FunnelQuery,
  dropOff: Pick<DropOffQuery, "after" | "series">,
): Promise<{ fileName: string; csv: string; rows: number }> {
  const { users } = await computeFunnelCached(db, datasetName, query);
  const indexes = droppedUsers(users, query, dropOff.after, dropOff.series);
  const afterLabel = formatStepText(query.steps[dropOff.after - 1]!);
  const nextLabel = formatStepText(query.steps[dropOff.after]!);
  const lines = [csvLine(["user_id", "series", "last_step", "last_step_name", "missed_step_name", "started_at", "last_step_at"])];
  for (const i of indexes) {
    lines.push(
      csvLine([
        users.userIds[i]!,
        dropOff.series,
        dropOff.after,
        afterLabel,
        nextLabel,
        new Date(users.startedAt[i]!).toISOString(),
        new Date(users.lastStepAt[i]!).toISOString(),
      ]),
    );
  }
  const slug = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-|-$/g, "") || "x";
  const fileName = `${slug(datasetName)}-funnel-dropoff-after-${dropOff.after}-${slug(afterLabel)}-${slug(dropOff.series)}.csv`;
  return { fileName, csv: lines.join(""), rows: indexes.length };
}
