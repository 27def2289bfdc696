export const id = 919;
export const ids = [919,496];
export const modules = {

/***/ 3496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AwsApiError: () => (/* binding */ AwsApiError),
  awsErrorLine: () => (/* binding */ awsErrorLine),
  callAws: () => (/* binding */ callAws),
  isAwsError: () => (/* binding */ isAwsError),
  isExhaustedTransient: () => (/* binding */ isExhaustedTransient)
});

// EXTERNAL MODULE: ./src/util/clock.ts + 1 modules
var util_clock = __webpack_require__(2645);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/util/workflow-commands.ts
var workflow_commands = __webpack_require__(5714);
;// CONCATENATED MODULE: ./src/util/poll.ts
// Waiting on slow remote work: poll until done (export tasks, snapshots, DM status), retry transient failures
// (throttling, 5xx, dropped connections), and heartbeats so a quiet wait never looks hung in the log.
//
// Time comes from an injected Clock (systemClock by default), so tests run every schedule instantly.




/**
 * The delay before attempt `attempt + 1`, given `attempt` (1-based) attempts so far. Pure.
 * @param attempt how many attempts were made so far (1 after the first)
 * @param backoff the schedule
 * @param random a number in [0, 1), e.g. Math.random()
 */
function backoffDelay(attempt, backoff, random) {
    const base = Math.min(backoff.maxMs, backoff.initialMs * Math.pow(Math.max(1, backoff.factor), attempt - 1));
    const spread = base * Math.min(1, Math.max(0, backoff.jitter)) * (2 * random - 1);
    return Math.round(Math.min(backoff.maxMs, Math.max(0, base + spread)));
}
function describeDefault(value) {
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}
/** The wait before the next check: the backoff's, or sooner when the state's estimate says it is done sooner. */
function nextDelay(opts, value, attempt, backoff, random, elapsedMs) {
    const delay = backoffDelay(attempt, backoff, random);
    const eta = opts.estimateRemainingMs?.(value);
    if (eta === undefined || !Number.isFinite(eta))
        return delay;
    const floor = Math.max(opts.intervalMs / 2, elapsedMs / 50);
    return Math.round(Math.min(delay, Math.max(floor, eta)));
}
/**
 * Checks until `isDone`, sleeping a growing, jittered interval between checks, and makes one last check at the
 * deadline rather than sleeping past it.
 * @returns the first value that satisfies `isDone`
 * @throws DeadlineError naming the label, the deadline and the last state seen;
 *         the abort reason (or CancelledError) when `signal` aborts
 */
async function poll(opts) {
    const clock = opts.clock ?? systemClock;
    const random = opts.random ?? Math.random;
    const describe = opts.describe ?? describeDefault;
    const backoff = {
        initialMs: opts.intervalMs,
        maxMs: Math.max(opts.intervalMs, opts.maxIntervalMs ?? opts.intervalMs),
        factor: opts.factor ?? 1.5,
        jitter: opts.jitter ?? 0.1
    };
    const start = clock.now();
    let lastSeen;
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw abortError(opts.signal, `waiting for ${opts.label}`);
        let value;
        try {
            value = await opts.check(attempt);
        }
        catch (e) {
            // Throttling (or another transient fault that outlasted the call's own retries) says "ask less often", not
            // "the thing waited for failed": wait at the longest interval and ask again, until the deadline.
            if (!isTransientError(e))
                throw e;
            const remaining = opts.deadlineMs - (clock.now() - start);
            if (remaining <= 0)
                throw new DeadlineError(`${opts.label} was not done after ${formatDuration(opts.deadlineMs)} (${attempt} checks, the last refused: ${errorMessage(e)}); last seen: ${lastSeen ?? 'nothing'}`, lastSeen ?? 'nothing');
            opts.onTransient?.(e, Math.min(backoff.maxMs, remaining));
            await clock.sleep(Math.min(backoff.maxMs, remaining), opts.signal);
            continue;
        }
        lastSeen = describe(value);
        const done = opts.isDone(value);
        const elapsedMs = clock.now() - start;
        opts.onProgress?.(value, { attempt, elapsedMs, done });
        if (done)
            return value;
        const remaining = opts.deadlineMs - elapsedMs;
        if (remaining <= 0) {
            const last = describe(value);
            throw new DeadlineError(`${opts.label} was not done after ${formatDuration(opts.deadlineMs)} (${attempt} checks); last seen: ${last}`, last);
        }
        await clock.sleep(Math.min(nextDelay(opts, value, attempt, backoff, random(), elapsedMs), remaining), opts.signal);
    }
}
const THROTTLING_NAMES = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'SlowDown',
    'ProvisionedThroughputExceededException'
]);
const TRANSIENT_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ECONNABORTED',
    'ENETUNREACH',
    'EHOSTUNREACH'
]);
function field(e, key) {
    return e[key];
}
/**
 * Whether an error is worth retrying as is: AWS throttling (`Throttling`, `ThrottlingException`, `SlowDown`, …),
 * HTTP 5xx / 429 (from the AWS SDK's `$metadata.httpStatusCode` or a `statusCode`), and dropped or timed-out
 * connections (`ECONNRESET`, `ETIMEDOUT`, …), including when they are the `cause` of a wrapping error.
 * Bad requests, access denied and missing resources are not: retrying cannot fix them.
 */
function isTransientError(e) {
    for (let current = e, depth = 0; depth < 5; depth++) {
        if (typeof current !== 'object' || current === null)
            return false;
        const name = field(current, 'name');
        const code = field(current, 'code') ?? field(current, 'Code');
        if (typeof name === 'string' && THROTTLING_NAMES.has(name))
            return true;
        if (typeof code === 'string' &&
            (THROTTLING_NAMES.has(code) || TRANSIENT_NETWORK_CODES.has(code)))
            return true;
        const metadata = field(current, '$metadata');
        const status = (typeof metadata === 'object' && metadata !== null
            ? field(metadata, 'httpStatusCode')
            : undefined) ??
            field(current, 'statusCode') ??
            field(current, 'httpStatusCode');
        if (typeof status === 'number' && (status >= 500 || status === 429))
            return true;
        current = field(current, 'cause');
    }
    return false;
}
/**
 * Runs `fn`, retrying transient failures with exponential backoff. Only for idempotent steps (reads, downloads):
 * never wrap an import in it.
 * @returns what `fn` returns
 * @throws the last error when it is not retryable or retries are used up; the abort reason when cancelled
 */
async function retry(fn, opts) {
    const clock = opts.clock ?? util_clock/* systemClock */.m;
    const random = opts.random ?? Math.random;
    const retries = opts.retries ?? 4;
    const isRetryable = opts.isRetryable ?? isTransientError;
    const backoff = {
        initialMs: opts.backoff?.initialMs ?? 1000,
        maxMs: opts.backoff?.maxMs ?? 30_000,
        factor: opts.backoff?.factor ?? 2,
        jitter: opts.backoff?.jitter ?? 0.2
    };
    const onRetry = opts.onRetry ??
        ((error, attempt, delayMs) => (0,workflow_commands/* logLine */.B)(`${opts.label}: ${(0,errors/* errorMessage */.gJ)(error)}; retrying in ${(0,format/* formatDuration */.a3)(delayMs)} (retry ${attempt} of ${retries})`));
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw (0,errors/* abortError */.vt)(opts.signal, opts.label);
        try {
            return await fn(attempt);
        }
        catch (e) {
            if (attempt > retries || !isRetryable(e) || opts.signal?.aborted)
                throw e;
            const delayMs = backoffDelay(attempt, backoff, random());
            onRetry(e, attempt, delayMs);
            await clock.sleep(delayMs, opts.signal);
        }
    }
}
/**
 * Prints `<label>: <describe()>` every `everyMs` (default 60 s) until stopped, so a long, quiet phase shows it is
 * alive. `describe` is called at each beat, so it can report the latest progress.
 * @param label prefix of each line, e.g. `⏱ export`
 * @param describe the current state in a few words
 * @param everyMs interval, ms
 * @param clock where the timer comes from
 * @param log where the line goes (logLine by default)
 */
function startHeartbeat(label, describe, everyMs = 60_000, clock = systemClock, log = logLine) {
    const cancel = clock.every(everyMs, () => {
        let text;
        try {
            text = describe();
        }
        catch (e) {
            text = `(could not describe progress: ${errorMessage(e)})`;
        }
        log(`${label}: ${text}`);
    });
    let stopped = false;
    return {
        stop() {
            if (stopped)
                return;
            stopped = true;
            cancel();
        }
    };
}

;// CONCATENATED MODULE: ./src/aws/aws-call.ts



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
        super((0,errors/* errorMessage */.gJ)(cause), { cause });
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
    return e instanceof AwsApiError ? e.line : (0,errors/* errorMessage */.gJ)(e);
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
        return await retry(async () => {
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
            onRetry: (e, attempt, delayMs) => opts.log?.(`${operation}: ${new AwsApiError(operation, e, attempts).line}; retrying in ${(0,format/* formatDuration */.a3)(delayMs)} (retry ${attempt} of ${opts.retries ?? 3})`),
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
    return e instanceof AwsApiError && isTransientError(e.cause);
}


/***/ }),

/***/ 3919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   crashRecoveryPosition: () => (/* binding */ crashRecoveryPosition),
/* harmony export */   createRestoreRds: () => (/* binding */ createRestoreRds)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7202);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3496);
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