/**
 * The users of one segment, paged and sortable, with the scores and features
 * that put each of them there (GET /api/datasets/[name]/segments/members).
 */
import type { Db } from "../db/db";
import { DIMENSION_NAMES, type DimensionName } from "../definitions/dimension-filters";
import type { FeatureStore } from "../scoring/feature-store";
import { membershipColumns, membershipValues, type MembershipColumn } from "./membership-columns";
import { SegmentsRequestError } from "./segment-errors";
import { scoreScope, segmentIndex, type ScoredScope } from "./segment-scope";
import {
  segmentMembersRequestSchema,
  type MemberRow,
  type SegmentMembersRequestInput,
  type SegmentMembersResponse,
} from "./segment-members.types";

/** Positions (store order = user id order) of the segment's users that the filters select. */
export function segmentMemberIndices(scored: ScoredScope, segment: number): Uint32Array {
  const { labels } = scored.segmentation;
  const mask = scored.filterMask;
  let count = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === segment && (!mask || mask[i] === 1)) count++;
  const members = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === segment && (!mask || mask[i] === 1)) members[k++] = i;
  return members;
}

/**
 * Members ordered by a column's values; users without a value come last in
 * either direction, ties keep user id order (so pages never overlap).
 * With `limit`, only the first `limit` in that order (a page needs no more):
 * a bounded heap then costs n log limit instead of sorting every member.
 */
export function sortMembers(members: Uint32Array, values: ArrayLike<number>, dir: "asc" | "desc", limit = members.length): Uint32Array {
  const sign = dir === "asc" ? 1 : -1;
  /** < 0 when user a comes before user b. */
  const compare = (a: number, b: number): number => {
    const va = values[a]!;
    const vb = values[b]!;
    if (va !== va) return vb !== vb ? a - b : 1;
    if (vb !== vb) return -1;
    return va === vb ? a - b : (va < vb ? -1 : 1) * sign;
  };
  const wanted = Math.min(limit, members.length);
  if (wanted * 4 >= members.length) return members.slice().sort(compare).subarray(0, wanted);
  // Max-heap (by `compare`) of the best `wanted` so far: its root is the last of them, the one to beat.
  const heap = new Uint32Array(wanted);
  let size = 0;
  const siftDown = (from: number) => {
    let parent = from;
    for (;;) {
      const left = 2 * parent + 1;
      if (left >= size) return;
      const right = left + 1;
      const larger = right < size && compare(heap[right]!, heap[left]!) > 0 ? right : left;
      if (compare(heap[larger]!, heap[parent]!) <= 0) return;
      [heap[parent], heap[larger]] = [heap[larger]!, heap[parent]!];
      parent = larger;
    }
  };
  for (let k = 0; k < members.length; k++) {
    const user = members[k]!;
    if (size < wanted) {
      let child = size++;
      heap[child] = user;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (compare(heap[child]!, heap[parent]!) <= 0) break;
        [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
        child = parent;
      }
    } else if (wanted > 0 && compare(user, heap[0]!) < 0) {
      heap[0] = user;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}

export function dimensionValue(store: FeatureStore, dimension: DimensionName, index: number): string | null {
  const { codes, dictionary } = store.dims[dimension];
  const code = codes[index]!;
  return code < 0 ? null : dictionary[code]!;
}

function sortColumn(sort: string, columns: readonly MembershipColumn[]): MembershipColumn | "userId" {
  if (sort === "userId") return "userId";
  const column = columns.find((candidate) => candidate.key === sort);
  if (column) return column;
  throw new SegmentsRequestError(
    "invalid_request",
    `Cannot sort by "${sort}" for this model; sort by one of "userId", ${columns.map((candidate) => `"${candidate.key}"`).join(", ")}.`,
  );
}

/**
 * @throws as computeSegments, plus SegmentsRequestError for an unknown segment or sort column.
 */
export async function listSegmentMembers(db: Db, datasetName: string, request: SegmentMembersRequestInput): Promise<SegmentMembersResponse> {
  const { segment, page, pageSize, sort, dir, ...scope } = segmentMembersRequestSchema.parse(request);
  const scored = await scoreScope(db, datasetName, scope);
  const index = segmentIndex(scored, segment);
  const columns = membershipColumns(scored.modelId, scored.definition);
  const sortKey = sort ?? (columns.some((column) => column.key === "score") ? "score" : "userId");
  const by = sortColumn(sortKey, columns);
  const direction = dir ?? (by === "userId" ? "asc" : "desc");

  const { store, segmentation } = scored;
  const members = segmentMemberIndices(scored, index);
  const ordered =
    by === "userId"
      ? direction === "asc"
        ? members
        : members.slice().reverse()
      : sortMembers(members, membershipValues(by, store, segmentation), direction, page * pageSize);
  const values = columns.map((column) => membershipValues(column, store, segmentation));
  const rows: MemberRow[] = [];
  const first = (page - 1) * pageSize;
  for (let k = first; k < Math.min(ordered.length, first + pageSize); k++) {
    const user = ordered[k]!;
    const row: MemberRow = {
      userId: store.userIds[user]!,
      values: {},
      dimensions: { channel: null, plan: null, country: null, signupMonth: null },
    };
    columns.forEach((column, c) => {
      const value = values[c]![user]!;
      row.values[column.key] = value === value ? value : null;
    });
    for (const dimension of DIMENSION_NAMES) row.dimensions[dimension] = dimensionValue(store, dimension, user);
    rows.push(row);
  }
  const segmentName = segmentation.segments[index]!;
  return {
    datasetName: scored.features.datasetName,
    modelId: scored.modelId,
    definitionName: scored.saved?.name ?? null,
    definitionVersion: scored.saved?.version ?? null,
    asOf: scored.features.asOf.toISOString(),
    asOfDay: scored.asOfDay,
    stale: scored.features.eventsSinceRefresh,
    segment: segmentName,
    criteria: scored.criteria.get(segmentName) ?? "",
    total: members.length,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(members.length / pageSize)),
    sort: sortKey,
    dir: direction,
    columns: columns.map(({ key, kind, label, description }) => ({ key, kind, label, description })),
    rows,
  };
}
