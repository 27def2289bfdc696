// Where an export's files are. An export task writes under `<S3Prefix>/<task id>/` of its bucket, where an empty
// S3Prefix (the AWS CLI prints `"S3Prefix": ""`, e.g. the describe-export-tasks example of the AWS CLI reference)
// means the bucket root. Below that root (AWS, Amazon Aurora User Guide, "Exporting DB cluster snapshot data to
// Amazon S3", File naming convention:
// https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-export-snapshot.Considerations.html):
//   <root>/export_info_<id>.json, <root>/export_tables_info_<id>_from_<a>_to_<b>.json   metadata
//   <root>/<db>/<db>.<table>/<batch_index>/part-….gz.parquet                           data (current convention)
//   <root>/<db>/<db>.<table>/part-….gz.parquet                                         data (older convention)
// The same page says "The file naming convention is subject to change. Therefore, when reading target tables, we
// recommend that you read everything inside the base prefix for the table", so every `.parquet` object below a
// table folder counts, at any depth. The listing is flat (no delimiter): S3-compatible stores disagree on deep
// common prefixes. Pure.
import type { S3ObjectInfo } from './s3.js'

/**
 * The key prefix (no leading or trailing slash) of an export task's files: `<S3Prefix>/<task id>`, or just
 * `<task id>` when the task's S3Prefix is `""` (the bucket root). `fallbackPrefix` is used only when the task's
 * S3Prefix is absent altogether (undefined), never when it is empty.
 */
export function exportRoot(
  task: { readonly id: string; readonly s3Prefix: string | undefined },
  fallbackPrefix = ''
): string {
  const base = (task.s3Prefix ?? fallbackPrefix).replace(/^\/+|\/+$/g, '')
  return base === '' ? task.id : `${base}/${task.id}`
}

/** An export's objects, sorted out. */
export interface ExportListing {
  /** `export_info_*.json` and `export_tables_info_*.json` keys directly under the root. */
  readonly metadataKeys: readonly string[]
  /** Parquet objects by table folder (`<db folder>/<db folder>.<table folder>`). */
  readonly dataFiles: ReadonlyMap<string, readonly S3ObjectInfo[]>
}

/**
 * Sorts a listing of an export into metadata files and data files per table folder.
 * @param objects the listing (keys are full keys)
 * @param root the export's key prefix, without a trailing slash
 */
export function classifyExportObjects(
  objects: readonly S3ObjectInfo[],
  root: string
): ExportListing {
  const base = root === '' ? '' : `${root}/`
  const metadataKeys: string[] = []
  const dataFiles = new Map<string, S3ObjectInfo[]>()
  for (const o of objects) {
    if (!o.key.startsWith(base)) continue
    const parts = o.key.slice(base.length).split('/')
    const [first, second] = parts
    if (parts.length === 1 && /^export_(?:tables_)?info_.*\.json$/.test(first ?? '')) {
      metadataKeys.push(o.key)
    } else if (parts.length >= 3 && o.key.endsWith('.parquet')) {
      const folder = `${first}/${second}`
      const list = dataFiles.get(folder)
      if (list) list.push(o)
      else dataFiles.set(folder, [o])
    }
  }
  return { metadataKeys, dataFiles }
}
