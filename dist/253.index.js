export const id = 253;
export const ids = [253,613,634];
export const modules = {

/***/ 57613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsApiError: () => (/* binding */ AwsApiError),
/* harmony export */   awsErrorLine: () => (/* binding */ awsErrorLine),
/* harmony export */   callAws: () => (/* binding */ callAws),
/* harmony export */   isAwsError: () => (/* binding */ isAwsError),
/* harmony export */   isExhaustedTransient: () => (/* binding */ isExhaustedTransient)
/* harmony export */ });
/* harmony import */ var _util_poll_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66451);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32693);



/** An AWS API call that failed. `name` is AWS's code as the SDK names it; `message` is AWS's own message. */
class AwsApiError extends Error {
    /** The API operation: `StartExportTask`. */
    operation;
    /** AWS's error code as the SDK names it (`ExportTaskAlreadyExistsFault`, `Throttling`), also in `name`. */
    code;
    /** HTTP status, when there was a response. */
    httpStatus;
    /** Requests made in total, the SDK's retries included. */
    attempts;
    /**
     * @param operation the API operation
     * @param cause what the SDK threw
     * @param attempts requests made in total
     */
    constructor(operation, cause, attempts) {
        super((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause), { cause });
        const e = (typeof cause === 'object' && cause !== null ? cause : {});
        // AWS errors carry their code in `name` (SDK) or `Code` (wire); Node's network errors in `code`.
        const code = [e['name'], e['Code'], e['code']].find((c) => typeof c === 'string' && c !== '' && c !== 'Error');
        const meta = e['$metadata'];
        this.operation = operation;
        this.code = code ?? 'Error';
        this.name = this.code;
        this.httpStatus = typeof meta?.httpStatusCode === 'number' ? meta.httpStatusCode : undefined;
        this.attempts = attempts;
    }
    /** AWS's own line: `Code: message`. */
    get line() {
        return `${this.code}: ${this.message}`;
    }
}
/**
 * Whether `e` is an AWS error with one of `codes`. The SDK appends `Fault` to some wire codes
 * (`ExportTaskAlreadyExists` → `ExportTaskAlreadyExistsFault`), so both spellings match.
 */
function isAwsError(e, ...codes) {
    if (typeof e !== 'object' || e === null)
        return false;
    const name = e.name;
    if (typeof name !== 'string')
        return false;
    const bare = (s) => s.replace(/Fault$/, '');
    return codes.some((c) => bare(c) === bare(name));
}
/** AWS's own line for any error: `Code: message` for AWS errors, the message otherwise. */
function awsErrorLine(e) {
    return e instanceof AwsApiError ? e.line : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e);
}
function sdkAttempts(e) {
    const meta = e?.$metadata;
    return typeof meta?.attempts === 'number' && meta.attempts > 0 ? meta.attempts : 1;
}
/**
 * Runs one API call with bounded retries of transient failures.
 * @param operation the API operation, for messages
 * @param fn makes the call
 * @returns what the call returned
 * @throws AwsApiError (AWS's code and message) when the call fails for good; the abort reason when cancelled
 */
async function callAws(operation, fn, opts = {}) {
    let attempts = 0;
    try {
        return await (0,_util_poll_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(async () => {
            try {
                return await fn();
            }
            catch (e) {
                attempts += sdkAttempts(e);
                throw e;
            }
        }, {
            label: operation,
            retries: opts.retries ?? 3,
            backoff: { initialMs: 2000, maxMs: 30_000, factor: 2, jitter: 0.2, ...opts.backoff },
            onRetry: (e, attempt, delayMs) => opts.log?.(`${operation}: ${new AwsApiError(operation, e, attempts).line}; retrying in ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(delayMs)} (retry ${attempt} of ${opts.retries ?? 3})`),
            ...(opts.clock ? { clock: opts.clock } : {}),
            ...(opts.random ? { random: opts.random } : {}),
            ...(opts.signal ? { signal: opts.signal } : {})
        });
    }
    catch (e) {
        if (opts.signal?.aborted || e instanceof AwsApiError)
            throw e;
        // A DOMException-like abort from the SDK's own handler is a cancellation, not an AWS failure.
        if (e?.name === 'AbortError')
            throw e;
        throw new AwsApiError(operation, e, Math.max(attempts, 1));
    }
}
/** Whether an AWS failure was throttling or another transient fault that outlasted every retry. */
function isExhaustedTransient(e) {
    return e instanceof AwsApiError && (0,_util_poll_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransientError */ .bV)(e.cause);
}


/***/ }),

/***/ 39133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S8: () => (/* binding */ exportProgress),
/* harmony export */   X$: () => (/* binding */ normaliseExportStatus),
/* harmony export */   _F: () => (/* binding */ warningLines),
/* harmony export */   bd: () => (/* binding */ isTerminalExportStatus),
/* harmony export */   sA: () => (/* binding */ toExportTaskView)
/* harmony export */ });
/* unused harmony exports parseWarningMessage, formatDuration */
/* harmony import */ var _json_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31473);
// An RDS export task as the action reports it, from the SDK's `ExportTask` (Dates, numbers) or from CLI/docs JSON
// (strings) alike (RDS API Reference, "ExportTask" data type): status normalised to upper case (moto answers lower
// case, moto/rds/models.py), the 2019
// `ExportTime` read as `SnapshotTime`, and `WarningMessage` — a JSON document inside a string — parsed.

const STATUSES = [
    'STARTING',
    'IN_PROGRESS',
    'COMPLETE',
    'FAILED',
    'CANCELING',
    'CANCELED'
];
/** Upper-cases a status; undefined for anything that is not one of the six. */
function normaliseExportStatus(status) {
    if (typeof status !== 'string')
        return undefined;
    const s = status.trim().toUpperCase().replace(/[- ]/g, '_');
    return STATUSES.includes(s) ? s : undefined;
}
/** COMPLETE, FAILED and CANCELED end a task. */
function isTerminalExportStatus(status) {
    return status === 'COMPLETE' || status === 'FAILED' || status === 'CANCELED';
}
const REASON_KEYS = ['reason', 'reasons', 'message', 'warningMessage', 'description'];
const TARGET_KEYS = ['target', 'table', 'tableName', 'name', 'objective', 'database'];
function firstText(item, keys) {
    if (typeof item === 'string')
        return item;
    for (const k of keys) {
        const v = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(item, k);
        if (typeof v === 'string' && v !== '')
            return v;
        if (Array.isArray(v) && v.length > 0)
            return v.map(String).join(', ');
    }
    return undefined;
}
function describeItem(item) {
    return firstText(item, [...REASON_KEYS, ...TARGET_KEYS]) ?? JSON.stringify(item);
}
/**
 * Parses a `WarningMessage`: JSON is parsed (twice when the string itself holds a JSON string), plain text is kept
 * as `text`. Undefined for an absent or empty message, or a JSON document with nothing in it.
 */
function parseWarningMessage(message) {
    if (typeof message !== 'string' || message.trim() === '')
        return undefined;
    let doc = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .tryJson */ .MR)(message);
    if (typeof doc === 'string')
        doc = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .tryJson */ .MR)(doc) ?? doc;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        return { skippedTables: [], skippedObjectives: [], general: [], text: message.trim() };
    }
    const skippedTables = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(doc, 'skippedTables').map((t) => ({
        target: firstText(t, TARGET_KEYS) ?? JSON.stringify(t),
        reason: typeof t === 'string' ? undefined : firstText(t, REASON_KEYS)
    }));
    const skippedObjectives = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(doc, 'skippedObjectives').map(describeItem);
    const general = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(doc, 'general').map(describeItem);
    if (skippedTables.length + skippedObjectives.length + general.length === 0)
        return undefined;
    return { skippedTables, skippedObjectives, general, text: undefined };
}
/** One line per warning, for logs and the summary. */
function warningLines(w) {
    if (w === undefined)
        return [];
    if (w.text !== undefined)
        return [w.text];
    return [
        ...w.skippedTables.map((t) => `skipped table ${t.target}${t.reason ? `: ${t.reason}` : ''}`),
        ...w.skippedObjectives.map((o) => `skipped: ${o}`),
        ...w.general.map((g) => `export warning: ${g}`)
    ];
}
/** Reads an SDK `ExportTask` or a CLI/docs JSON task. Never throws; missing fields stay undefined. */
function toExportTaskView(task) {
    const rawStatus = (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'Status');
    return {
        id: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'ExportTaskIdentifier') ?? '',
        status: normaliseExportStatus(rawStatus),
        rawStatus,
        percent: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)(task, 'PercentProgress') ?? 0,
        totalExtractedGB: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .num */ .bu)(task, 'TotalExtractedDataInGB'),
        sourceArn: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'SourceArn'),
        sourceType: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'SourceType'),
        s3Bucket: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'S3Bucket'),
        s3Prefix: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .strOrEmpty */ .k0)(task, 'S3Prefix'),
        iamRoleArn: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'IamRoleArn'),
        kmsKeyId: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'KmsKeyId'),
        exportOnly: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .arr */ .QL)(task, 'ExportOnly').filter((e) => typeof e === 'string'),
        snapshotTime: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .date */ .p6)(task, 'SnapshotTime') ?? (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .date */ .p6)(task, 'ExportTime'),
        taskStartTime: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .date */ .p6)(task, 'TaskStartTime'),
        taskEndTime: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .date */ .p6)(task, 'TaskEndTime'),
        failureCause: (0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(task, 'FailureCause'),
        warnings: parseWarningMessage((0,_json_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(task, 'WarningMessage'))
    };
}
/** Formats milliseconds as `1h02m03s` / `4m05s` / `7s`. */
function formatDuration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const pad = (n) => String(n).padStart(2, '0');
    if (h > 0)
        return `${h}h${pad(m)}m${pad(s)}s`;
    if (m > 0)
        return `${m}m${pad(s)}s`;
    return `${s}s`;
}
/** Percent, size, elapsed time and ETA of a task at `now`. */
function exportProgress(task, now) {
    const percent = Math.min(100, Math.max(0, task.percent));
    const start = task.taskStartTime?.getTime();
    const end = task.taskEndTime?.getTime() ?? now.getTime();
    const elapsedMs = start === undefined ? undefined : Math.max(0, end - start);
    const running = !isTerminalExportStatus(task.status);
    const etaMs = running && elapsedMs !== undefined && percent > 0 && percent < 100
        ? (elapsedMs * (100 - percent)) / percent
        : undefined;
    const parts = [`${task.status ?? task.rawStatus ?? 'UNKNOWN'} ${percent}%`];
    if (task.totalExtractedGB !== undefined)
        parts.push(`${task.totalExtractedGB} GB`);
    if (elapsedMs !== undefined)
        parts.push(`${formatDuration(elapsedMs)} elapsed`);
    if (etaMs !== undefined)
        parts.push(`about ${formatDuration(etaMs)} left`);
    return { percent, gb: task.totalExtractedGB, elapsedMs, etaMs, text: parts.join(' · ') };
}


/***/ }),

/***/ 31473:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MR: () => (/* binding */ tryJson),
/* harmony export */   QL: () => (/* binding */ arr),
/* harmony export */   ZZ: () => (/* binding */ field),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   k0: () => (/* binding */ strOrEmpty),
/* harmony export */   p6: () => (/* binding */ date)
/* harmony export */ });
// Reading loosely shaped JSON from AWS: the API and CLI use PascalCase (`PercentProgress`), the export's metadata
// files lower camelCase (`perTableStatus`), third-party copies mix both (`TableStatistics`), and moto returns
// lower-case status values. These helpers look keys up case-insensitively and coerce values without throwing.
/** The value of `key` in `obj`, compared case-insensitively (exact match preferred); undefined if absent. */
function field(obj, key) {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
        return undefined;
    const rec = obj;
    if (Object.hasOwn(rec, key))
        return rec[key];
    const lower = key.toLowerCase();
    for (const k of Object.keys(rec))
        if (k.toLowerCase() === lower)
            return rec[k];
    return undefined;
}
/** A non-empty string value, or undefined. */
function str(obj, key) {
    const v = field(obj, key);
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/**
 * A string value as given, the empty string included; undefined only when absent or not a string. For fields where
 * `""` means something, e.g. `"S3Prefix": ""` (the export was written at the bucket root).
 */
function strOrEmpty(obj, key) {
    const v = field(obj, key);
    return typeof v === 'string' ? v : undefined;
}
/** A finite number (numeric strings accepted, as some dumps quote them), or undefined. */
function num(obj, key) {
    const v = field(obj, key);
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v))
        return Number(v);
    return undefined;
}
/** An array value, or `[]`. */
function arr(obj, key) {
    const v = field(obj, key);
    return Array.isArray(v) ? v : [];
}
/** A Date from a Date (SDK) or a parseable string (CLI, metadata files), or undefined. */
function date(obj, key) {
    const v = field(obj, key);
    if (v instanceof Date)
        return Number.isNaN(v.getTime()) ? undefined : v;
    if (typeof v !== 'string')
        return undefined;
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
}
/** Parses JSON text; undefined when it is not JSON. */
function tryJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

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

//# sourceMappingURL=253.index.js.map