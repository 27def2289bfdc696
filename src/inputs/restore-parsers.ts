/**
 * Parsers of the restored-copy inputs (`restore-instance-class`, `restore-subnet-group`, `restore-security-groups`,
 * `restore-parameter-group`), each naming its input and what is accepted.
 */
import { rdsIdentifierProblem } from './aws-parsers.js'
import { rejecter } from './parsers.js'

/** A DB instance class such as `db.t4g.medium` (RDS API reference, DBInstanceClass). */
export function parseInstanceClass(name: string, value: string): string {
  const fail = rejecter(name, 'a DB instance class such as db.t4g.medium or db.r6g.large', value)
  return /^db\.[a-z0-9]+\.[a-z0-9]+$/.test(value) ? value : fail()
}

/**
 * A DB subnet group name: letters, digits, periods, underscores, spaces or hyphens, at most 255, not `default`
 * written otherwise (RDS API reference, CreateDBSubnetGroup DBSubnetGroupName).
 */
export function parseSubnetGroup(name: string, value: string): string {
  const fail = rejecter(name, 'a DB subnet group name (letters, digits, . _ - and spaces)', value)
  if (value.length > 255) return fail('longer than 255 characters')
  return /^[A-Za-z0-9._ -]+$/.test(value) ? value : fail()
}

/** VPC security group ids (`sg-…`), separated by commas, spaces or new lines. */
export function parseSecurityGroups(name: string, value: string): readonly string[] {
  const fail = rejecter(
    name,
    'VPC security group ids such as sg-0123456789abcdef0, separated by commas',
    value
  )
  const ids = value.split(/[\s,]+/).filter((s) => s !== '')
  const bad = ids.find((id) => !/^sg-[0-9a-z]+$/.test(id))
  if (bad !== undefined) return fail(`'${bad}' is not a security group id`)
  return [...new Set(ids)]
}

/** A DB cluster parameter group name (1 to 255 letters, digits or hyphens, starting with a letter). */
export function parseParameterGroup(name: string, value: string): string {
  const fail = rejecter(
    name,
    'a DB cluster parameter group name (letters, digits and hyphens, starting with a letter)',
    value
  )
  const problem = rdsIdentifierProblem(value, 255)
  return problem ? fail(problem) : value
}
