// What TiDB Lightning needs to import a Dumpling dump of named tables: the dump's folder as the data source with
// Lightning's default file routes, which are Dumpling's names (`<db>-schema-create.sql`, `<db>.<table>-schema.sql`,
// `<db>.<table>.<n>.sql`, pkg/lightning/mydump/router.go defaultFileRouteRules), and `mydumper.filter` naming exactly
// those tables, so nothing else in the folder is touched. The tables already exist (the schema import created them);
// Lightning creates a table only when it is absent (CREATE TABLE IF NOT EXISTS, pkg/lightning/mydump/schema_import.go
// createIfNotExistsStmt). Pure.
import type { ChecksumMode } from '../../inputs/types.js'
import type { TableName } from '../../table-filter/table-name.js'
import { exactTableRule } from '../dumpling/args.js'
import type { LightningTomlOptions } from './config.js'

/** The source part of Lightning's configuration for a dump of `tables` in `dataSourceDir`. */
export function dumpImportConfig(
  dataSourceDir: string,
  tables: readonly TableName[],
  checksum: ChecksumMode
): Pick<LightningTomlOptions, 'dataSourceDir' | 'filter' | 'checksum'> {
  if (tables.length === 0) throw new Error('Lightning: a dump import needs at least one table')
  return { dataSourceDir, filter: tables.map(exactTableRule), checksum }
}
