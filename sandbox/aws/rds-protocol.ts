// The AWS Query protocol as @aws-sdk/client-rds speaks it: a form-encoded `POST /` body
// (`Action=…&Version=2014-10-31&ExportOnly.member.1=…&Filters.Filter.1.Values.Value.1=…`) and XML answers
// `<XResponse><XResult>…</XResult><ResponseMetadata>…` or `<ErrorResponse><Error>…`. List member element names
// come from the RDS model (the SDK's schemas_0.js: DBClusterList → DBCluster, ExportTasksList → ExportTask, a plain
// StringList → member …); the SDK only finds list items under the name the model gives.
import { randomUUID } from 'node:crypto'
import { xmlEscape } from './s3-errors.js'
import { errors } from './rds-errors.js'

/** The RDS API namespace every response element carries. */
export const RDS_XMLNS = 'http://rds.amazonaws.com/doc/2014-10-31/'

/** A value the XML renderer understands. Undefined members are left out, as AWS leaves out unset fields. */
export type XmlValue =
  | string
  | number
  | boolean
  | Date
  | undefined
  | readonly XmlValue[]
  | { readonly [key: string]: XmlValue }

/** Member element name of each list field the stand-in returns (RDS model `locationName` of the list member). */
const LIST_MEMBERS: Readonly<Record<string, string>> = {
  DBClusters: 'DBCluster',
  DBClusterMembers: 'DBClusterMember',
  DBClusterSnapshots: 'DBClusterSnapshot',
  ExportTasks: 'ExportTask',
  Events: 'Event',
  EventCategories: 'EventCategory',
  AvailabilityZones: 'AvailabilityZone',
  VpcSecurityGroups: 'VpcSecurityGroupMembership',
  AssociatedRoles: 'DBClusterRole',
  ReadReplicaIdentifiers: 'ReadReplicaIdentifier',
  TagList: 'Tag',
  DBInstances: 'DBInstance',
  DBParameterGroups: 'DBParameterGroup',
  DBSecurityGroups: 'DBSecurityGroup',
  OptionGroupMemberships: 'OptionGroupMembership',
  ReadReplicaDBInstanceIdentifiers: 'ReadReplicaDBInstanceIdentifier',
  DBSnapshots: 'DBSnapshot',
  Subnets: 'Subnet'
}

/** The parameters of one Query request. */
export class QueryParams {
  private readonly map: Map<string, string>

  constructor(body: string) {
    this.map = new Map(new URLSearchParams(body))
  }

  /** The action name (`DescribeDBClusters`, …). */
  get action(): string {
    return this.map.get('Action') ?? ''
  }

  /** A scalar parameter, undefined when absent. */
  get(name: string): string | undefined {
    return this.map.get(name)
  }

  /** An integer parameter, undefined when absent; NaN when present but not a number. */
  int(name: string): number | undefined {
    const v = this.map.get(name)
    return v === undefined ? undefined : /^-?\d+$/.test(v) ? Number(v) : NaN
  }

  /** A list parameter `Name.<member>.1`, `Name.<member>.2`, … in index order. */
  list(name: string, member = 'member'): string[] {
    const out: string[] = []
    for (let i = 1; ; i++) {
      const v = this.map.get(`${name}.${member}.${i}`)
      if (v === undefined) return out
      out.push(v)
    }
  }

  /** `Filters.Filter.N.Name` with `Filters.Filter.N.Values.Value.M`. */
  filters(): { name: string; values: string[] }[] {
    const out: { name: string; values: string[] }[] = []
    for (let i = 1; ; i++) {
      const name = this.map.get(`Filters.Filter.${i}.Name`)
      if (name === undefined) return out
      out.push({ name, values: this.list(`Filters.Filter.${i}.Values`, 'Value') })
    }
  }

  /** Every parameter name (for logging and tests). */
  names(): string[] {
    return [...this.map.keys()]
  }
}

function scalar(v: string | number | boolean | Date): string {
  if (v instanceof Date) return v.toISOString()
  return xmlEscape(String(v))
}

/** Renders one field as XML, lists with their model member names, nested structures recursively. */
export function toXml(name: string, value: XmlValue): string {
  if (value === undefined) return ''
  if (Array.isArray(value)) {
    const member = LIST_MEMBERS[name] ?? 'member'
    const items = (value as readonly XmlValue[]).map((v) => toXml(member, v)).join('')
    return `<${name}>${items}</${name}>`
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const inner = Object.entries(value as Record<string, XmlValue>)
      .map(([k, v]) => toXml(k, v))
      .join('')
    return `<${name}>${inner}</${name}>`
  }
  return `<${name}>${scalar(value)}</${name}>`
}

/** A successful Query response for an action, with its result members. */
export function renderResult(
  action: string,
  result: Record<string, XmlValue>,
  requestId: string = randomUUID(),
  xmlns: string = RDS_XMLNS
): string {
  const inner = Object.entries(result)
    .map(([k, v]) => toXml(k, v))
    .join('')
  return (
    `<${action}Response xmlns="${xmlns}">\n` +
    `  <${action}Result>${inner}</${action}Result>\n` +
    `  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>\n` +
    `</${action}Response>\n`
  )
}

/** The Query protocol error document (`Type` is `Sender` for 4xx, `Receiver` for 5xx). */
export function renderError(
  code: string,
  message: string,
  status: number,
  requestId: string = randomUUID(),
  xmlns: string = RDS_XMLNS
): string {
  const type = status >= 500 ? 'Receiver' : 'Sender'
  return (
    `<ErrorResponse xmlns="${xmlns}">\n` +
    `  <Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error>\n` +
    `  <RequestId>${requestId}</RequestId>\n` +
    `</ErrorResponse>\n`
  )
}

/** One page of a Describe* listing and the Marker of the next one. */
export interface Page<T> {
  readonly items: T[]
  readonly marker: string | undefined
}

/**
 * MaxRecords / Marker pagination as RDS does it: MaxRecords 20–100 (default 100), the Marker opaque. Out-of-range
 * MaxRecords and foreign markers give InvalidParameterValue.
 */
export function paginate<T>(items: readonly T[], params: QueryParams): Page<T> {
  const max = params.int('MaxRecords') ?? 100
  if (!(max >= 20 && max <= 100))
    throw errors.invalidParameterValue(
      `Invalid value ${params.get('MaxRecords') ?? ''} for MaxRecords. Must be between 20 and 100.`
    )
  const marker = params.get('Marker')
  let start = 0
  if (marker) {
    const m = /^offset:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'))
    if (!m) throw errors.invalidParameterValue(`The marker ${marker} is not valid.`)
    start = Number(m[1])
  }
  const end = start + max
  return {
    items: items.slice(start, end),
    marker: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined
  }
}
