// RDS resource tags: `Tags.Tag.N.Key` / `Tags.Tag.N.Value` on create, restore and snapshot requests (the SDK
// serialises the model's TagList with member name `Tag`), shown back as `TagList` in DescribeDBClusters,
// DescribeDBInstances and the snapshot descriptions, and by ListTagsForResource.
import { errors } from './rds-errors.js'
import type { QueryParams, XmlValue } from './rds-protocol.js'
import { parseRdsArn, type RdsArn } from './rds-validation.js'

/** One tag. */
export interface Tag {
  readonly Key: string
  readonly Value: string
}

/** Reads the `Tags` parameter (missing: no tags). */
export function parseTags(params: QueryParams): Tag[] {
  const out: Tag[] = []
  for (let i = 1; ; i++) {
    const key = params.get(`Tags.Tag.${i}.Key`)
    const value = params.get(`Tags.Tag.${i}.Value`)
    if (key === undefined && value === undefined) return out
    out.push({ Key: key ?? '', Value: value ?? '' })
  }
}

/** The TagList shape. */
export function tagList(tags: readonly Tag[]): XmlValue {
  return tags.map((t) => ({ Key: t.Key, Value: t.Value }))
}

/** Something that knows the tags of the resources of one ARN type. */
export type TagLookup = (arn: RdsArn) => readonly Tag[] | undefined

/**
 * ListTagsForResource: the tags of the resource the ARN names. An ARN that is not an RDS ARN of this account and
 * Region is InvalidParameterValue "The specified resource name does not match an RDS resource in this region."
 * (RDS's answer); a well-formed ARN of a missing resource is that type's not-found fault.
 */
export function listTags(
  params: QueryParams,
  ctx: { readonly region: string; readonly accountId: string },
  lookups: Readonly<Record<string, TagLookup>>
): Record<string, XmlValue> {
  const name = params.get('ResourceName')
  if (name === undefined) throw errors.missingParameter('ResourceName')
  const arn = parseRdsArn(name)
  const lookup = arn ? lookups[arn.resourceType] : undefined
  if (!arn || !lookup || arn.region !== ctx.region || arn.account !== ctx.accountId)
    throw errors.invalidParameterValue(
      'The specified resource name does not match an RDS resource in this region.'
    )
  const tags = lookup(arn)
  if (!tags) {
    if (arn.resourceType === 'cluster') throw errors.clusterNotFound(arn.name)
    if (arn.resourceType === 'db') throw errors.dbInstanceNotFound(arn.name)
    if (arn.resourceType === 'snapshot') throw errors.dbSnapshotNotFound(arn.name)
    throw errors.snapshotNotFound(arn.name)
  }
  return { TagList: tagList(tags) }
}
