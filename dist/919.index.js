export const id = 919;
export const ids = [919];
export const modules = {

/***/ 33919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   crashRecoveryPosition: () => (/* binding */ crashRecoveryPosition),
/* harmony export */   createRestoreRds: () => (/* binding */ createRestoreRds)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57202);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57613);
// A thin adapter over @aws-sdk/client-rds for the restored copy of a cluster snapshot: restore the cluster, give it
// one instance, watch both, read the instance's crash-recovery binlog position, and delete both again.
//
// The AWS facts it relies on (RDS API reference):
// - RestoreDBClusterFromSnapshot "only restores the DB cluster, not the DB instances"; Engine is required, and the
//   cluster parameter group, DB subnet group and VPC security groups are the Region's defaults unless given.
// - CreateDBInstance with DBClusterIdentifier adds an instance to that cluster; Engine must match the cluster's
//   (aurora-mysql) and DBInstanceClass is required.
// - DeleteDBCluster refuses a cluster that still has instances not `deleting`, and without SkipFinalSnapshot asks for
//   FinalDBSnapshotIdentifier: so DeleteDBInstance first, then DeleteDBCluster with SkipFinalSnapshot=true.
// - A cluster restored from a snapshot announces, as an event of its writer instance (SourceType db-instance), the
//   binlog coordinates of the snapshot: `Binlog position from crash recovery is mysql-bin-changelog.000001 154`
//   (Aurora user guide, AuroraMySQL.mysql80-upgrade-procedure, describe-events output), when binary logging is on in
//   the cluster's parameter group.
// "Not found" is `undefined`, not an error, as in rds.ts.


function settingsView(c, identifier) {
    return {
        identifier: c.DBClusterIdentifier ?? identifier,
        status: (c.Status ?? 'unknown').toLowerCase(),
        engine: c.Engine,
        engineVersion: c.EngineVersion,
        port: c.Port,
        subnetGroup: c.DBSubnetGroup,
        securityGroupIds: (c.VpcSecurityGroups ?? [])
            .map((g) => g.VpcSecurityGroupId ?? '')
            .filter((g) => g !== ''),
        parameterGroup: c.DBClusterParameterGroup,
        kmsKeyId: c.KmsKeyId
    };
}
function instanceView(i, identifier) {
    const address = i.Endpoint?.Address;
    const port = i.Endpoint?.Port;
    return {
        identifier: i.DBInstanceIdentifier ?? identifier,
        clusterIdentifier: i.DBClusterIdentifier,
        status: (i.DBInstanceStatus ?? 'unknown').toLowerCase(),
        instanceClass: i.DBInstanceClass,
        endpoint: address && port !== undefined ? { address, port } : undefined
    };
}
const tagList = (tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
/** The event's message: file name and position separated by a space. */
const CRASH_RECOVERY = /Binlog position from crash recovery is (\S+)\s+(\d+)/;
/**
 * The crash-recovery binlog position among a restored instance's events: the last announced one (the docs say
 * describe-events output is not in chronological order, so the latest by date wins). Undefined when none was
 * announced (binary logging off in the cluster parameter group).
 */
function crashRecoveryPosition(events) {
    const found = [];
    for (const e of events) {
        const m = CRASH_RECOVERY.exec(e.message);
        const position = Number(m?.[2]);
        if (m?.[1] && Number.isSafeInteger(position))
            found.push({ at: e.date?.getTime() ?? 0, file: m[1], position });
    }
    const last = found.sort((a, b) => a.at - b.at)[found.length - 1];
    return last && { file: last.file, position: last.position };
}
/**
 * The restore adapter over a client (clients.ts `createAwsClients(...).rds`, or a fake with `send`).
 * @param client the SDK client
 * @param opts retry bounds, clock, cancellation, and where retry lines go
 */
function createRestoreRds(client, opts = {}) {
    const call = (operation, command) => (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__.callAws)(operation, () => client.send(command), opts);
    const unlessMissing = async (p, ...codes) => {
        try {
            return await p;
        }
        catch (e) {
            if ((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__.isAwsError)(e, ...codes))
                return undefined;
            throw e;
        }
    };
    const describeInstances = (filter) => call('DescribeDBInstances', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DescribeDBInstancesCommand */ .hhJ(filter.id !== undefined
        ? { DBInstanceIdentifier: filter.id }
        : { Filters: [{ Name: 'db-cluster-id', Values: [filter.cluster ?? ''] }] }));
    return {
        async describeClusterSettings(identifier) {
            const out = await unlessMissing(call('DescribeDBClusters', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DescribeDBClustersCommand */ .Kdv({ DBClusterIdentifier: identifier })), 'DBClusterNotFoundFault');
            const c = out?.DBClusters?.[0];
            return c ? settingsView(c, identifier) : undefined;
        },
        async restoreCluster(p) {
            const out = await call('RestoreDBClusterFromSnapshot', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .RestoreDBClusterFromSnapshotCommand */ .sX2({
                DBClusterIdentifier: p.clusterIdentifier,
                SnapshotIdentifier: p.snapshot,
                Engine: 'aurora-mysql',
                ...(p.engineVersion ? { EngineVersion: p.engineVersion } : {}),
                ...(p.subnetGroup ? { DBSubnetGroupName: p.subnetGroup } : {}),
                ...(p.securityGroupIds.length > 0
                    ? { VpcSecurityGroupIds: [...p.securityGroupIds] }
                    : {}),
                ...(p.parameterGroup ? { DBClusterParameterGroupName: p.parameterGroup } : {}),
                // A copy is deleted at the end of the run: protection would make that fail.
                DeletionProtection: false,
                Tags: tagList(p.tags)
            }));
            return settingsView(out.DBCluster ?? {}, p.clusterIdentifier);
        },
        async createInstance(p) {
            const out = await call('CreateDBInstance', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .CreateDBInstanceCommand */ .day({
                DBInstanceIdentifier: p.instanceIdentifier,
                DBClusterIdentifier: p.clusterIdentifier,
                DBInstanceClass: p.instanceClass,
                Engine: 'aurora-mysql',
                Tags: tagList(p.tags)
            }));
            return instanceView(out.DBInstance ?? {}, p.instanceIdentifier);
        },
        async describeInstance(identifier) {
            const out = await unlessMissing(describeInstances({ id: identifier }), 'DBInstanceNotFoundFault');
            const i = out?.DBInstances?.[0];
            return i ? instanceView(i, identifier) : undefined;
        },
        async writerClass(clusterIdentifier) {
            const out = await call('DescribeDBClusters', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DescribeDBClustersCommand */ .Kdv({ DBClusterIdentifier: clusterIdentifier }));
            const writer = out.DBClusters?.[0]?.DBClusterMembers?.find((m) => m.IsClusterWriter);
            if (!writer?.DBInstanceIdentifier)
                return undefined;
            const inst = await describeInstances({ id: writer.DBInstanceIdentifier });
            return inst.DBInstances?.[0]?.DBInstanceClass;
        },
        async deleteInstance(identifier) {
            const out = await unlessMissing(call('DeleteDBInstance', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DeleteDBInstanceCommand */ .Yvh({ DBInstanceIdentifier: identifier, SkipFinalSnapshot: true })), 'DBInstanceNotFoundFault');
            return out !== undefined;
        },
        async deleteCluster(identifier) {
            const out = await unlessMissing(call('DeleteDBCluster', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DeleteDBClusterCommand */ .Xi9({ DBClusterIdentifier: identifier, SkipFinalSnapshot: true })), 'DBClusterNotFoundFault');
            return out !== undefined;
        }
    };
}


/***/ })

};

//# sourceMappingURL=919.index.js.map