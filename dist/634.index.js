export const id = 634;
export const ids = [634];
export const modules = {

/***/ 15634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createRds: () => (/* binding */ createRds)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57202);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57613);
/* harmony import */ var _export_task_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39133);
// A thin adapter over @aws-sdk/client-rds: the calls the snapshot and export phases make, each with bounded
// retries of transient failures (aws-call.ts) and answers reduced to what the phases read. "Not found" is
// `undefined`, not an error: DescribeExportTasks answers an unknown id with ExportTaskNotFound on some
// endpoints and with an empty list on others (hashicorp/terraform-provider-aws,
// internal/service/rds/export_task.go: "won't return a NotFound error"), so both read the same here.



function snapshotView(s) {
    return {
        identifier: s?.DBClusterSnapshotIdentifier ?? '',
        arn: s?.DBClusterSnapshotArn ?? '',
        clusterIdentifier: s?.DBClusterIdentifier ?? '',
        status: (s?.Status ?? 'unknown').toLowerCase(),
        percent: s?.PercentProgress ?? 0,
        createdAt: s?.SnapshotCreateTime,
        snapshotType: s?.SnapshotType
    };
}
/**
 * The RDS adapter over a client (clients.ts `createAwsClients(...).rds`, or a fake with `send`).
 * @param client the SDK client
 * @param opts retry bounds, clock, cancellation, and where retry lines go
 */
function createRds(client, opts = {}) {
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
    return {
        async describeCluster(identifier) {
            const out = await unlessMissing(call('DescribeDBClusters', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DescribeDBClustersCommand */ .Kdv({ DBClusterIdentifier: identifier })), 'DBClusterNotFoundFault');
            const c = out?.DBClusters?.[0];
            if (!c)
                return undefined;
            return {
                identifier: c.DBClusterIdentifier ?? identifier,
                arn: c.DBClusterArn ?? '',
                status: c.Status ?? 'unknown',
                engine: c.Engine,
                engineVersion: c.EngineVersion
            };
        },
        async createClusterSnapshot(snapshotId, clusterId) {
            const out = await call('CreateDBClusterSnapshot', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .CreateDBClusterSnapshotCommand */ .Iv4({
                DBClusterSnapshotIdentifier: snapshotId,
                DBClusterIdentifier: clusterId
            }));
            return snapshotView(out.DBClusterSnapshot);
        },
        async describeClusterSnapshot(idOrArn) {
            const out = await unlessMissing(call('DescribeDBClusterSnapshots', 
            // An automated snapshot (`rds:…`) is only found when the request asks for that type
            // (RDS API Reference, DescribeDBClusterSnapshots, SnapshotType).
            new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DescribeDBClusterSnapshotsCommand */ .cWV({
                DBClusterSnapshotIdentifier: idOrArn,
                ...(/(?:^|:)rds:/.test(idOrArn) ? { SnapshotType: 'automated' } : {})
            })), 'DBClusterSnapshotNotFoundFault');
            const s = out?.DBClusterSnapshots?.[0];
            return s ? snapshotView(s) : undefined;
        },
        async deleteClusterSnapshot(snapshotId) {
            await call('DeleteDBClusterSnapshot', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DeleteDBClusterSnapshotCommand */ .fW3({ DBClusterSnapshotIdentifier: snapshotId }));
        },
        async startExportTask(p) {
            const out = await call('StartExportTask', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .StartExportTaskCommand */ .$R2({
                ExportTaskIdentifier: p.taskId,
                SourceArn: p.sourceArn,
                S3BucketName: p.bucket,
                S3Prefix: p.prefix,
                IamRoleArn: p.roleArn,
                KmsKeyId: p.kmsKeyId,
                ...(p.exportOnly ? { ExportOnly: [...p.exportOnly] } : {})
            }));
            return (0,_export_task_js__WEBPACK_IMPORTED_MODULE_2__/* .toExportTaskView */ .sA)(out);
        },
        async describeExportTask(taskId) {
            const out = await unlessMissing(call('DescribeExportTasks', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DescribeExportTasksCommand */ .Nok({ ExportTaskIdentifier: taskId })), 'ExportTaskNotFoundFault');
            const task = out?.ExportTasks?.find((t) => t.ExportTaskIdentifier?.toLowerCase() === taskId.toLowerCase());
            return task ? (0,_export_task_js__WEBPACK_IMPORTED_MODULE_2__/* .toExportTaskView */ .sA)(task) : undefined;
        },
        async cancelExportTask(taskId) {
            const out = await call('CancelExportTask', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .CancelExportTaskCommand */ .lOg({ ExportTaskIdentifier: taskId }));
            return (0,_export_task_js__WEBPACK_IMPORTED_MODULE_2__/* .toExportTaskView */ .sA)(out);
        },
        async describeEvents(q) {
            const events = [];
            let marker;
            do {
                const out = await call('DescribeEvents', new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .DescribeEventsCommand */ .w6x({
                    SourceType: q.sourceType,
                    SourceIdentifier: q.sourceIdentifier,
                    StartTime: q.startTime,
                    MaxRecords: 100,
                    ...(marker ? { Marker: marker } : {})
                }));
                for (const e of out.Events ?? []) {
                    events.push({
                        message: e.Message ?? '',
                        date: e.Date,
                        sourceIdentifier: e.SourceIdentifier
                    });
                }
                marker = out.Marker;
            } while (marker);
            return events;
        }
    };
}


/***/ })

};

//# sourceMappingURL=634.index.js.map