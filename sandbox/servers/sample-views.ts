// The sample views: a view in a database the demo filter selects, so a migrate shows that views arrive (Dumpling
// writes them with --no-views=false, Lightning creates them after the tables) and verify finds them.
//
// The definer is left to the server (CURRENT_USER of the loading root session), as a plain CREATE VIEW does.

/** A sample view: where it lives and its SELECT. */
export interface SampleView {
  readonly db: string
  readonly view: string
  readonly select: string
  readonly covers: string
}

/** Every sample view, created after every sample table. */
export const SAMPLE_VIEWS: readonly SampleView[] = [
  {
    db: 'shop',
    view: 'customers_by_country',
    select: 'SELECT `country`, COUNT(*) AS `customers` FROM `shop`.`customers` GROUP BY `country`',
    covers: 'a view over a selected table: dumped with --no-views=false, created after the tables'
  }
]

const ident = (name: string): string => `\`${name.replace(/`/g, '``')}\``

/** The CREATE VIEW statements (without trailing `;`). */
export function sampleViewStatements(): string[] {
  return SAMPLE_VIEWS.map((v) => `CREATE VIEW ${ident(v.db)}.${ident(v.view)} AS ${v.select}`)
}
