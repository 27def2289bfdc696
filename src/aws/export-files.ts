// Where an export's files are, from a flat listing of `<S3Prefix>/<task id>/` (aws.md §4; a flat listing because
// S3-compatible stores mishandle deep common prefixes, §7.2):
//   <root>/export_info_<id>.json, <root>/export_tables_info_<id>_from_<a>_to_<b>.json   metadata
//   <root>/<db>/<db>.<table>/<batch>/part-….gz.parquet                                 data (current layout)
//   <root>/<db>/<db>.<table>/part-….gz.parquet                                         data (older layout)
// AWS says the naming "is subject to change… read everything inside the base prefix for the table", so every
// `.parquet` object below a table folder counts, whatever lies between. Pure.
import type { S3ObjectInfo } from './s3.js'

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
