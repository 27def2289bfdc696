// RDS events (DescribeEvents): what the stand-in announced, filtered the way the API filters (RDS API Reference,
// DescribeEvents): SourceIdentifier needs SourceType; StartTime/EndTime or Duration (minutes, default 60);
// EventCategories; MaxRecords/Marker. `Filters` "isn't currently supported" by the real API and is ignored here too.
import { errors } from './rds-errors.js'
import { paginate, type QueryParams, type XmlValue } from './rds-protocol.js'

/** One event, with the fields DescribeEvents returns (a type alias, so it is an XmlValue). */
export type RdsEvent = {
  readonly SourceIdentifier: string
  readonly SourceType: string
  readonly Message: string
  readonly EventCategories: readonly string[]
  readonly Date: Date
  readonly SourceArn: string
}

const SOURCE_TYPES = new Set([
  'db-instance',
  'db-parameter-group',
  'db-security-group',
  'db-snapshot',
  'db-cluster',
  'db-cluster-snapshot',
  'custom-engine-version',
  'db-proxy',
  'blue-green-deployment',
  'db-shard-group',
  'zero-etl'
])

function time(params: QueryParams, name: string): number | undefined {
  const v = params.get(name)
  if (v === undefined) return undefined
  const t = Date.parse(v)
  if (Number.isNaN(t))
    throw errors.invalidParameterValue(`The parameter ${name} is not a valid date: ${v}`)
  return t
}

/** The events of one stand-in, oldest first. */
export class EventLog {
  private readonly events: RdsEvent[] = []

  /** Announces an event now. */
  add(e: Omit<RdsEvent, 'Date'>): void {
    this.events.push({ ...e, Date: new Date() })
  }

  /** DescribeEvents. */
  describe(params: QueryParams): Record<string, XmlValue> {
    const sourceId = params.get('SourceIdentifier')
    const sourceType = params.get('SourceType')
    if (sourceType !== undefined && !SOURCE_TYPES.has(sourceType))
      throw errors.invalidParameterValue(`Invalid source type: ${sourceType}`)
    if (sourceId !== undefined && sourceType === undefined)
      throw errors.invalidParameterCombination(
        'If SourceIdentifier is supplied, SourceType must also be provided.'
      )
    const end = time(params, 'EndTime') ?? Date.now()
    const duration = params.int('Duration')
    if (duration !== undefined && Number.isNaN(duration))
      throw errors.invalidParameterValue('The parameter Duration must be an integer.')
    const start = time(params, 'StartTime') ?? end - (duration ?? 60) * 60_000
    const categories = params.list('EventCategories', 'EventCategory')
    const matching = this.events.filter(
      (e) =>
        (sourceType === undefined || e.SourceType === sourceType) &&
        (sourceId === undefined || e.SourceIdentifier === sourceId) &&
        e.Date.getTime() >= start &&
        e.Date.getTime() <= end &&
        (categories.length === 0 || e.EventCategories.some((c) => categories.includes(c)))
    )
    const page = paginate(matching, params)
    return { Events: page.items, Marker: page.marker }
  }
}
