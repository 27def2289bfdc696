// RDS API errors with their wire codes and HTTP statuses from the RDS API model (boto/botocore
// `botocore/data/rds/2014-10-31/service-2.json`, the model @aws-sdk/client-rds is generated from; the SDK maps the wire code to the exception class, e.g. `ExportTaskAlreadyExists` → ExportTaskAlreadyExistsFault).
// Messages are the real ones where a real one was found (AWS docs, user reports), else moto's wording:
//   - "The export task with the ID … already exists." (Aurora user guide, export limitations)
//   - "DBClusterSnapshot not found: …" (CloudFormation error in aws-cloudformation-templates#226)
//   - "The parameter … is not a valid identifier. Identifiers must begin with a letter; …" (boto3 user report)
//   - "The specified KMS key [...] does not exist, is not enabled or you do not have permissions to access it."
//     (KMSKeyNotAccessibleFault from the shared RDS/Neptune control plane)
// Not confirmed against a real answer (wording ours or moto's; the code and status are the model's): the subnet group,
// parameter group, DB cluster already exists, snapshot not available, engine incompatible and "already being deleted"
// messages.

/** An error the stand-in answers with. */
export class RdsError extends Error {
  constructor(
    /** Wire code (`<Code>`). */
    readonly code: string,
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

const IDENTIFIER_RULE =
  'Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.'

/** Constructors of every error the stand-in can return. */
export const errors = {
  missingParameter: (name: string) =>
    new RdsError('MissingParameter', 400, `The request must contain the parameter ${name}`),
  invalidAction: (action: string) =>
    new RdsError(
      'InvalidAction',
      400,
      `The action ${action || '(none)'} is not valid for this web service.`
    ),
  invalidParameterValue: (message: string) => new RdsError('InvalidParameterValue', 400, message),
  invalidIdentifier: (param: string) =>
    new RdsError(
      'InvalidParameterValue',
      400,
      `The parameter ${param} is not a valid identifier. ${IDENTIFIER_RULE}`
    ),
  invalidParameterCombination: (message: string) =>
    new RdsError('InvalidParameterCombination', 400, message),
  throttling: () => new RdsError('Throttling', 400, 'Rate exceeded'),
  clusterNotFound: (id: string) =>
    new RdsError('DBClusterNotFoundFault', 404, `DBCluster ${id} not found.`),
  snapshotNotFound: (id: string) =>
    new RdsError('DBClusterSnapshotNotFoundFault', 404, `DBClusterSnapshot not found: ${id}`),
  dbSnapshotNotFound: (id: string) =>
    new RdsError('DBSnapshotNotFound', 404, `Could not find snapshot with name ${id}`),
  snapshotAlreadyExists: (id: string) =>
    new RdsError(
      'DBClusterSnapshotAlreadyExistsFault',
      400,
      `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`
    ),
  invalidSnapshotState: (id: string, status: string) =>
    new RdsError(
      'InvalidDBClusterSnapshotStateFault',
      400,
      `Cannot delete the snapshot ${id} because it is in the ${status} state.`
    ),
  exportTaskAlreadyExists: (id: string) =>
    new RdsError(
      'ExportTaskAlreadyExists',
      400,
      `The export task with the ID ${id} already exists.`
    ),
  // Not in the RDS API model (so the SDK throws a plain RDSServiceException named after the code): the code and
  // message are the ones a user quoted from a real run, "An error occurred (ExportTaskLimitReachedFault) when calling
  // the StartExportTask operation: You have reached the limit of 5 concurrent export tasks", and public boto3 code
  // matches the same code; the HTTP status is not documented (400, as every client fault of the Query protocol).
  exportTaskLimitReached: (limit: number) =>
    new RdsError(
      'ExportTaskLimitReachedFault',
      400,
      `You have reached the limit of ${limit} concurrent export tasks`
    ),
  exportTaskNotFound: (id: string) =>
    new RdsError('ExportTaskNotFound', 404, `The export task with the ID ${id} doesn't exist.`),
  invalidExportTaskState: (id: string, status: string) =>
    new RdsError(
      'InvalidExportTaskStateFault',
      400,
      `You can't cancel the export task ${id} because it is in the ${status} state.`
    ),
  invalidExportSourceState: (message: string) =>
    new RdsError('InvalidExportSourceState', 400, message),
  invalidExportOnly: (value: string) =>
    new RdsError(
      'InvalidExportOnly',
      400,
      `The ExportOnly value ${value} isn't valid. Partial export supports only database and table names ` +
        'made of Latin letters (A-Z), digits (0-9), the dollar symbol ($) and underscores (_).'
    ),
  invalidS3Bucket: (bucket: string) =>
    new RdsError(
      'InvalidS3BucketFault',
      400,
      `The S3 bucket ${bucket} doesn't exist or isn't accessible.`
    ),
  iamRoleNotFound: (arn: string) =>
    new RdsError('IamRoleNotFound', 404, `The IAM role ${arn} doesn't exist.`),
  kmsKeyNotAccessible: (key: string) =>
    new RdsError(
      'KMSKeyNotAccessibleFault',
      400,
      `The specified KMS key [${key}] does not exist, is not enabled or you do not have permissions to access it.`
    ),
  snapshotNotAvailable: (id: string, status: string) =>
    new RdsError(
      'InvalidDBClusterSnapshotStateFault',
      400,
      `DBClusterSnapshot ${id} is in the ${status} state, not available.`
    ),
  dbInstanceNotFound: (id: string) =>
    new RdsError('DBInstanceNotFound', 404, `DBInstance ${id} not found.`),
  dbInstanceAlreadyExists: () =>
    new RdsError('DBInstanceAlreadyExists', 400, 'DB instance already exists'),
  clusterAlreadyExists: () =>
    new RdsError('DBClusterAlreadyExistsFault', 400, 'DB Cluster already exists'),
  // Terraform's AWS provider retries DeleteDBCluster on InvalidDBClusterStateFault messages containing "is not
  // currently in the available state" (internal/service/rds/cluster.go): the wording of RDS's refusal.
  clusterNotAvailable: (id: string) =>
    new RdsError(
      'InvalidDBClusterStateFault',
      400,
      `DB cluster ${id} is not currently in the available state.`
    ),
  // "An error occurred (InvalidDBClusterStateFault) when calling the DeleteDBCluster operation: Cluster cannot be
  // deleted, it still contains DB instances in non-deleting state." (Aurora user guide, "Deleting Aurora DB clusters").
  clusterHasInstances: () =>
    new RdsError(
      'InvalidDBClusterStateFault',
      400,
      'Cluster cannot be deleted, it still contains DB instances in non-deleting state.'
    ),
  clusterDeletionProtected: () =>
    new RdsError(
      'InvalidParameterCombination',
      400,
      'Cannot delete protected Cluster, please disable deletion protection and try again.'
    ),
  // A real DeleteDBInstance answer quoted in public Go code ("api error InvalidParameterCombination:
  // FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified."); the API reference states the same
  // rule for DeleteDBCluster.
  finalSnapshotRequired: () =>
    new RdsError(
      'InvalidParameterCombination',
      400,
      'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.'
    ),
  instanceAlreadyDeleting: (id: string) =>
    new RdsError('InvalidDBInstanceState', 400, `Instance ${id} is already being deleted.`),
  subnetGroupNotFound: (name: string) =>
    new RdsError('DBSubnetGroupNotFoundFault', 404, `DBSubnetGroup ${name} not found.`),
  clusterParameterGroupNotFound: (name: string) =>
    new RdsError(
      'DBClusterParameterGroupNotFound',
      404,
      `DBClusterParameterGroup not found: ${name}`
    ),
  dbParameterGroupNotFound: (name: string) =>
    new RdsError('DBParameterGroupNotFound', 404, `DBParameterGroup not found: ${name}`),
  // Seen in a real CreateDBInstance answer quoted by users: "Invalid security group , groupId= sg-…, groupName=."
  invalidSecurityGroup: (id: string) =>
    new RdsError(
      'InvalidParameterValue',
      400,
      `Invalid security group , groupId= ${id}, groupName=.`
    ),
  // The real answer, quoted by users of Terraform and the AWS CLI for db.t2.small / db.t3.small on Aurora MySQL 3.
  unsupportedInstanceClass: (cls: string, engine: string, version: string) =>
    new RdsError(
      'InvalidParameterCombination',
      400,
      `RDS does not support creating a DB instance with the following combination: DBInstanceClass=${cls}, ` +
        `Engine=${engine}, EngineVersion=${version}, LicenseModel=general-public-license. For supported ` +
        'combinations of instance class and database engine version, see the documentation.'
    ),
  instanceEngineMismatch: (instanceEngine: string, clusterEngine: string) =>
    new RdsError(
      'InvalidParameterCombination',
      400,
      `The engine name requested for your DB instance (${instanceEngine}) doesn't match the engine name of your DB cluster (${clusterEngine}).`
    ),
  /** A request the stand-in does not imitate: not an AWS error, and it says so. */
  notImitated: (what: string) =>
    new RdsError('SandboxNotImitated', 501, `The RDS stand-in does not imitate ${what}.`)
} as const
