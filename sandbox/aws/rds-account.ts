// What the sandbox's AWS account holds around the source cluster: its DB subnet groups, VPC security groups,
// parameter groups and the instance classes Aurora MySQL 3 accepts. Restores and new instances are checked against
// these, the way RDS checks them against the account.
import type { RdsContext } from './rds-context.js'

/**
 * The default DB cluster parameter group of Aurora MySQL 3, used by a restore that names none: "If this argument is
 * omitted, the default DB cluster parameter group for the specified engine is used" (RestoreDBClusterFromSnapshot,
 * RDS API reference). Its `binlog_format` is OFF ("The default value is OFF", Aurora user guide "Replication between
 * Aurora and MySQL or between Aurora and another Aurora DB cluster"), so a cluster restored with it has no binary log.
 */
export const DEFAULT_CLUSTER_PARAMETER_GROUP = 'default.aurora-mysql8.0'

/** The default DB (instance) parameter group of Aurora MySQL 3, and the default option group. */
export const DEFAULT_DB_PARAMETER_GROUP = 'default.aurora-mysql8.0'
export const DEFAULT_OPTION_GROUP = 'default:aurora-mysql-8-0'

/** The account's default DB subnet group (accounts with a default VPC have one named `default`). */
export const DEFAULT_SUBNET_GROUP = 'default'

/** The default VPC's default security group (a restore without VpcSecurityGroupIds gets it). */
export const DEFAULT_SECURITY_GROUP = 'sg-0default0sandbox'

/** The source cluster's security group. */
export const SOURCE_SECURITY_GROUP = 'sg-0sandbox'

/**
 * The engine version a restore gets when it names none: "the default version for the database engine in the Amazon
 * Web Services Region is used" (RestoreDBClusterFromSnapshot). AWS moves that default over time; the stand-in's is
 * this one, so a restore that wants the snapshot's version must ask for it, as on AWS.
 */
export const DEFAULT_AURORA_MYSQL_VERSION = '8.0.mysql_aurora.3.08.2'

/**
 * Instance classes Aurora MySQL 3 supports (Aurora user guide "Supported DB engines for DB instance classes": the
 * burstable db.t3.medium / db.t4g.medium and larger, and the memory-optimized families). db.t3.small, db.t2.* and
 * db.t4g.small are "not supported in 3.01.0 and higher". db.serverless (Serverless v2) is not imitated.
 */
const AURORA_MYSQL3_CLASS =
  /^db\.(?:(?:t3|t4g)\.(?:medium|large)|(?:r5|r6g|r6gd|r6i|r7g|r7i|r8g|x2g)\.(?:large|\d*xlarge))$/

/** Whether Aurora MySQL 3 accepts the instance class. */
export function isAuroraMysql3Class(instanceClass: string): boolean {
  return AURORA_MYSQL3_CLASS.test(instanceClass)
}

/** The smallest class Aurora MySQL 3 supports, which the sandbox's own writer instance uses. */
export const SMALLEST_AURORA_MYSQL3_CLASS = 'db.t4g.medium'

/**
 * Whether a DB cluster parameter group of the account turns the binary log on (its `binlog_format` is not OFF), or
 * undefined when the account has no such group. The source's group has binary logging on; the default group has it
 * off. The `restore-binlog-off` fault makes the source's group report OFF to restores.
 */
export function clusterGroupBinlog(ctx: RdsContext, name: string): boolean | undefined {
  if (name === DEFAULT_CLUSTER_PARAMETER_GROUP) return false
  if (name === ctx.cluster.parameterGroup) return ctx.fault('restore-binlog-off') === undefined
  return undefined
}

/** The DB (instance) parameter groups of the account. */
export function dbParameterGroupExists(name: string): boolean {
  return name === DEFAULT_DB_PARAMETER_GROUP
}

/** The DB subnet groups of the account. */
export function subnetGroupExists(name: string): boolean {
  return name === DEFAULT_SUBNET_GROUP
}

/** The VPC security groups of the account. */
export function securityGroupExists(id: string): boolean {
  return id === DEFAULT_SECURITY_GROUP || id === SOURCE_SECURITY_GROUP
}
