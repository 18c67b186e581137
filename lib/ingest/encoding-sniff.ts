import { IngestFileError } from "./types";

/**
 * Decides from the first bytes whether a file is text we can read, and in which encoding.
 * Binary files are recognized by their signature (gzip, ZIP/xlsx, …) or by NUL bytes / a high share of
 * control characters and invalid UTF-8; they are refused with advice instead of becoming millions of
 * rejected rows.
 */

export type TextEncodingName = "utf-8" | "windows-1252";

interface Signature {
  bytes: readonly number[];
  kind: string;
  advice: string;
}

const UNCOMPRESS = "upload the uncompressed CSV or NDJSON";
const SAVE_AS_CSV = "save it as CSV (UTF-8) and upload that";

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x1f, 0x8b], kind: "gzip", advice: UNCOMPRESS },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "ZIP archive or Excel .xlsx workbook", advice: `${UNCOMPRESS}; from Excel, ${SAVE_AS_CSV}` },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: "Excel .xls or other Office document", advice: SAVE_AS_CSV },
  { bytes: [0x42, 0x5a, 0x68], kind: "bzip2", advice: UNCOMPRESS },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: "xz", advice: UNCOMPRESS },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: "zstd", advice: UNCOMPRESS },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: "7-Zip", advice: UNCOMPRESS },
  { bytes: [0x50, 0x41, 0x52, 0x31], kind: "Parquet", advice: "export the table as CSV or NDJSON" },
  { bytes: [0x4f, 0x62, 0x6a, 0x01], kind: "Avro", advice: "export the table as CSV or NDJSON" },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], kind: "SQLite database", advice: "export the table as CSV or NDJSON" },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: "PDF", advice: "upload the data as CSV or NDJSON" },
];

/** Share of suspicious bytes above which a file is binary: text exports have essentially none. */
const MAX_SUSPICIOUS_SHARE = 0.05;

/**
 * @param complete whether `head` is the whole file (then a multi-byte character cut at the end is an error).
 * @throws IngestFileError for binary, UTF-16 and other unreadable files.
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): TextEncodingName {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new IngestFileError("This file is UTF-16 encoded; save it as UTF-8 (for example “CSV UTF-8” in Excel) and upload it again");
  }
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => head[i] === byte)) {
      throw new IngestFileError(`This looks like a binary file (${signature.kind}); ${signature.advice}`);
    }
  }

  let nulBytes = 0;
  let evenNuls = 0;
  let invalid = 0;
  let control = 0;
  let multiByte = 0;
  const n = head.length;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < n) {
    const byte = head[i]!;
    if (byte < 0x80) {
      if (byte === 0) {
        nulBytes++;
        if (i % 2 === 0) evenNuls++;
      } else if (byte < 0x20 ? byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 : byte === 0x7f) control++;
      i++;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + length > n) {
      if (complete) invalid += n - i;
      break; // a character cut by the 64 KB head boundary
    }
    let valid = true;
    for (let k = 1; k < length; k++) {
      if ((head[i + k]! & 0xc0) !== 0x80) valid = false;
    }
    if (valid) {
      multiByte++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }

  if (nulBytes > 0) {
    const share = nulBytes / n;
    if (share > 0.3 && (evenNuls === nulBytes || evenNuls === 0)) {
      throw new IngestFileError("This file looks UTF-16 encoded; save it as UTF-8 (for example “CSV UTF-8” in Excel) and upload it again");
    }
    throw new IngestFileError(`This looks like a binary file (it contains NUL bytes); ${UNCOMPRESS}`);
  }
  if ((invalid + control) / Math.max(1, n) > MAX_SUSPICIOUS_SHARE) {
    throw new IngestFileError(`This looks like a binary file (${invalid + control} unreadable bytes in the first ${n}); ${UNCOMPRESS}`);
  }
  // Invalid UTF-8 with no valid multi-byte character at all: a legacy Windows export (é as 0xE9).
  return invalid > 0 && multiByte === 0 ? "windows-1252" : "utf-8";
}
