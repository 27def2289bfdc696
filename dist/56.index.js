export const id = 56;
export const ids = [56,75,613];
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

/***/ 55572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ effectiveS3Endpoint)
/* harmony export */ });
/**
 * The S3 endpoint in effect: the `s3-endpoint` input, else `AWS_ENDPOINT_URL_S3`, else undefined (AWS itself).
 * The PingCAP tools do not read AWS_ENDPOINT_URL_S3, so whatever this returns is also passed to them explicitly.
 */
function effectiveS3Endpoint(aws, env = process.env) {
    return aws.s3Endpoint ?? (env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined);
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

/***/ 91075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createS3: () => (/* binding */ createS3),
/* harmony export */   readJson: () => (/* binding */ readJson),
/* harmony export */   s3Link: () => (/* binding */ s3Link)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53711);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57613);
// A thin adapter over @aws-sdk/client-s3 for what the phases read and write: prefix listings (paginated), small
// JSON/text objects (export metadata, the run state), and byte ranges (how parquet-footers.ts reads row counts).


const DEFAULT_MAX_TEXT = 16 * 1024 * 1024;
async function bodyBytes(out) {
    const body = out.Body;
    if (!body?.transformToByteArray)
        return new Uint8Array(0);
    return body.transformToByteArray();
}
/**
 * The S3 adapter over a client (clients.ts `createAwsClients(...).s3`, or a fake with `send`).
 * @param client the SDK client
 * @param opts retry bounds, clock, cancellation, and where retry lines go
 */
function createS3(client, opts = {}) {
    const call = (operation, command) => (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__.callAws)(operation, () => client.send(command), opts);
    return {
        async list(bucket, prefix) {
            const out = [];
            let token;
            do {
                const page = await call('ListObjectsV2', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.ListObjectsV2Command({
                    Bucket: bucket,
                    Prefix: prefix,
                    ...(token ? { ContinuationToken: token } : {})
                }));
                for (const o of page.Contents ?? []) {
                    if (o.Key !== undefined)
                        out.push({ key: o.Key, size: o.Size ?? 0 });
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
            return out;
        },
        async readText(bucket, key, maxBytes = DEFAULT_MAX_TEXT) {
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.GetObjectCommand({ Bucket: bucket, Key: key }));
            if ((out.ContentLength ?? 0) > maxBytes) {
                // Not read: the body is released by destroying the stream rather than downloading it.
                ;
                out.Body?.destroy?.();
                throw new Error(`s3://${bucket}/${key} is ${out.ContentLength} bytes, more than the ${maxBytes} expected`);
            }
            return new TextDecoder().decode(await bodyBytes(out));
        },
        async writeJson(bucket, key, value) {
            await call('PutObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.PutObjectCommand({
                Bucket: bucket,
                Key: key,
                Body: `${JSON.stringify(value, null, 2)}\n`,
                ContentType: 'application/json'
            }));
        },
        async readTagged(bucket, key) {
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.GetObjectCommand({ Bucket: bucket, Key: key }));
            return { text: new TextDecoder().decode(await bodyBytes(out)), etag: out.ETag ?? '' };
        },
        async writeJsonIf(bucket, key, value, cond) {
            const out = await call('PutObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.PutObjectCommand({
                Bucket: bucket,
                Key: key,
                Body: `${JSON.stringify(value, null, 2)}\n`,
                ContentType: 'application/json',
                ...('ifNoneMatch' in cond ? { IfNoneMatch: cond.ifNoneMatch } : { IfMatch: cond.ifMatch })
            }));
            return out.ETag ?? '';
        },
        async remove(bucket, key, ifMatch) {
            await call('DeleteObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.DeleteObjectCommand({
                Bucket: bucket,
                Key: key,
                ...(ifMatch === undefined ? {} : { IfMatch: ifMatch })
            }));
        },
        async readRange(bucket, key, start, end) {
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }));
            let bytes = await bodyBytes(out);
            // A store that ignores Range sends the whole object: keep the part asked for.
            if (bytes.byteLength > end - start && out.ContentRange === undefined)
                bytes = bytes.subarray(start, end);
            return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        }
    };
}
/** Reads a JSON object; the parse error names the object. */
async function readJson(s3, bucket, key) {
    const text = await s3.readText(bucket, key);
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new Error(`s3://${bucket}/${key} is not JSON: ${e.message}`, { cause: e });
    }
}
/** A link to an S3 location: the S3 console on Amazon S3, the `s3://` URI on other stores. */
function s3Link(amazonS3, region, bucket, prefix) {
    const folder = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    if (!amazonS3)
        return `s3://${bucket}/${folder}`;
    const query = new URLSearchParams({ region, prefix: folder });
    return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(bucket)}?${query.toString()}`;
}


/***/ }),

/***/ 17356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ parseBinlogFile)
/* harmony export */ });
// Binlog file names as MySQL writes them (`<basename>.<sequence number>`, the sequence growing by one per file) and
// as DM prints them for its relay log (`<basename>|<relay sub-directory suffix>.<sequence number>`).
const FILE = /^(.+?)(?:\|(\d{1,9}))?\.(\d{1,12})$/;
/** Splits a binlog file name; undefined when it has no numeric extension. */
function parseBinlogFile(name) {
    if (name.length > 512)
        return undefined; // real names are short; the bound keeps the regex linear
    const m = FILE.exec(name.trim());
    if (m === null)
        return undefined;
    return {
        name: name.trim(),
        base: m[1] ?? '',
        seq: Number(m[3]),
        relaySuffix: m[2] === undefined ? undefined : Number(m[2])
    };
}


/***/ }),

/***/ 50229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SG: () => (/* binding */ parseCrashRecoveryEvent),
/* harmony export */   iw: () => (/* binding */ parseMasterStatus)
/* harmony export */ });
/* unused harmony export parseClientTable */
// The source's binlog position, from `SHOW MASTER STATUS` (MySQL ≤ 8.3, Aurora, MariaDB) or `SHOW BINARY LOG
// STATUS` (MySQL ≥ 8.4) — the same columns: File, Position, Binlog_Do_DB, Binlog_Ignore_DB, Executed_Gtid_Set.
// Shapes handled (recorded from real servers and clients): mysql2 rows with Position as a number or a string (BIGINT
// with supportBigNumbers), Executed_Gtid_Set spread over lines (`uuid:1-16333,\nuuid:1-106`), no row at all (binlog
// off: Aurora User Guide, "Configuring Aurora MySQL binary logging"), Aurora's `mysql-bin-changelog.018128`, TiDB's
// `tidb-binlog` with a TSO above 2^53 (kept as a string) and a TiDB build that named the column `UniqueID`; and the
// mysql client's text and `\G` output.
function column(row, names) {
    for (const name of names) {
        const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
        if (key !== undefined)
            return row[key];
    }
    return undefined;
}
function text(v) {
    if (typeof v === 'string')
        return v.trim();
    if (typeof v === 'number' || typeof v === 'bigint')
        return String(v);
    if (v instanceof Uint8Array)
        return Buffer.from(v).toString('utf8').trim();
    return undefined;
}
/**
 * Reads the rows of `SHOW MASTER STATUS` / `SHOW BINARY LOG STATUS` as mysql2 returns them (or mysql2's
 * `[rows, fields]` pair). No row means binlog is off. Throws an Error when a row lacks a file or a position.
 */
function parseMasterStatus(result) {
    let rows = result;
    if (Array.isArray(rows) && Array.isArray(rows[0]))
        rows = rows[0];
    if (!Array.isArray(rows) || rows.length === 0)
        return { enabled: false };
    const row = rows[0];
    if (typeof row !== 'object' || row === null)
        throw new Error('SHOW MASTER STATUS: unexpected row');
    const r = row;
    const file = text(column(r, ['File', 'Log_name']));
    // `UniqueID`: TiDB 2018 mislabelled the column (pingcap/tidb#8737); a row is still one position.
    const position = text(column(r, ['Position', 'UniqueID', 'Pos']));
    if (!file || position === undefined || !/^\d+$/.test(position)) {
        throw new Error(`SHOW MASTER STATUS returned no usable File/Position (got ${JSON.stringify(file)}, ${JSON.stringify(position)})`);
    }
    const n = Number(position);
    const gtid = text(column(r, ['Executed_Gtid_Set']))?.replace(/\s+/g, '');
    return {
        enabled: true,
        file,
        position,
        positionNumber: Number.isSafeInteger(n) ? n : undefined,
        gtidSet: gtid === undefined || gtid === '' ? undefined : gtid
    };
}
/**
 * Turns the mysql client's output of a query into rows: the boxed table (`| File | Position | … |`, split on
 * `|` so misaligned pastes work) or the vertical `\G` form (`File: x`, values may continue on the next lines).
 */
function parseClientTable(output) {
    const lines = output.split(/\r?\n/);
    const boxed = lines.filter((l) => l.trimStart().startsWith('|'));
    if (boxed.length > 0) {
        const cells = (l) => l
            .trim()
            .replace(/^\||\|$/g, '')
            .split('|')
            .map((c) => c.trim());
        const [header, ...data] = boxed;
        const names = cells(header ?? '');
        return data.map((l) => Object.fromEntries(cells(l).map((v, i) => [names[i] ?? `column${i}`, v])));
    }
    const rows = [];
    let current;
    let last;
    for (const l of lines) {
        if (/^\*+ \d+\. row \*+$/.test(l.trim())) {
            current = {};
            rows.push(current);
            last = undefined;
            continue;
        }
        const kv = /^\s*(\w+): ?(.*)$/.exec(l);
        if (current && kv?.[1] !== undefined) {
            last = kv[1];
            current[last] = kv[2] ?? '';
        }
        else if (current && last !== undefined && l.trim() !== '' && !/^\d+ rows? in set/.test(l)) {
            current[last] = `${current[last] ?? ''}${l.trim()}`;
        }
    }
    return rows;
}
/** A binlog coordinate from an RDS event (`Binlog position from crash recovery is <file> <pos>`), or undefined. */
function parseCrashRecoveryEvent(message) {
    const m = /Binlog position from crash recovery is (\S+)\s+(\d+)/.exec(message);
    if (!m?.[1] || !m[2])
        return undefined;
    const n = Number(m[2]);
    return { file: m[1], position: m[2], positionNumber: Number.isSafeInteger(n) ? n : undefined };
}


/***/ }),

/***/ 86835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ canSelect),
/* harmony export */   MU: () => (/* binding */ globalPrivilegeNeeds),
/* harmony export */   Ts: () => (/* binding */ parseGrants),
/* harmony export */   _w: () => (/* binding */ hasGlobal),
/* harmony export */   bS: () => (/* binding */ hasOnDatabase)
/* harmony export */ });
/* unused harmony export databasePatternMatches */
// What the source user may do, from the lines of `SHOW GRANTS` (MySQL 5.7/8.0, Aurora, MariaDB), and what the
// migration needs of it (PingCAP docs: "Dumpling Overview" and "DM-worker Introduction" list the
// privileges):
//   - every run: SELECT on each selected table (Dumpling reads the schema; the data comes from the snapshot) and
//     REPLICATION CLIENT, for `SHOW MASTER STATUS` right before the snapshot;
//   - with DM: REPLICATION SLAVE too (DM reads the binlog as a replica); DM's full-mode RELOAD and LOCK TABLES are
//     not needed because DM only replicates from the recorded position (incremental mode);
//   - recommended: PROCESS (Dumpling lists sessions) and SHOW VIEW (Dumpling dumps the selected views' DDL).
// MariaDB 10.5.2+ prints `BINLOG MONITOR` where MySQL prints REPLICATION CLIENT (it is the same grant under a new
// name, and the one SHOW MASTER STATUS needs there); SUPER also allows SHOW MASTER STATUS on MySQL. Roles are not
// expanded by SHOW GRANTS, so a privilege that may come from a granted role is "unknown", not "missing". Pure.
/** Privileges a requirement accepts instead of itself. */
const SATISFIED_BY = {
    'REPLICATION CLIENT': ['REPLICATION CLIENT', 'BINLOG MONITOR', 'SUPER'],
    'REPLICATION SLAVE': ['REPLICATION SLAVE', 'REPLICATION REPLICA']
};
/** Splits on `sep` (compared case-insensitively) outside backticks, quotes and parentheses. */
function splitTopLevel(text, sep) {
    const wanted = sep.toUpperCase();
    const out = [];
    let depth = 0;
    let quote;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote)
                quote = undefined;
        }
        else if (c === '`' || c === "'" || c === '"')
            quote = c;
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if (depth === 0 && text.slice(i, i + sep.length).toUpperCase() === wanted) {
            out.push(text.slice(start, i));
            start = i + sep.length;
            i += sep.length - 1;
        }
    }
    out.push(text.slice(start));
    return out;
}
/** A name as printed in a grant: `` `a``b` `` → a`b, `'x'` → x, bare names as they are. */
function unquote(name) {
    const t = name.trim();
    if (t.length >= 2 && t.startsWith('`') && t.endsWith('`'))
        return t.slice(1, -1).replace(/``/g, '`');
    if (t.length >= 2 && /^['"]/.test(t) && t.endsWith(t[0]))
        return t.slice(1, -1);
    return t;
}
/** The position of `needle` (case-insensitive, surrounded by spaces) outside quotes and parentheses, or -1. */
function keywordAt(text, needle) {
    const parts = splitTopLevel(text, ` ${needle} `);
    return parts.length < 2 ? -1 : parts[0].length;
}
function parseObject(object) {
    const routine = /^(PROCEDURE|FUNCTION|PACKAGE BODY|PACKAGE)\s+/i.exec(object);
    if (routine)
        return { level: 'routine' };
    const target = object.replace(/^TABLE\s+/i, '');
    const [db = '*', table] = splitTopLevel(target, '.');
    if (table === undefined)
        return db.trim() === '*' ? { level: 'global' } : { level: 'database', database: unquote(db) };
    if (db.trim() === '*')
        return { level: 'global' };
    if (table.trim() === '*')
        return { level: 'database', database: unquote(db) };
    return { level: 'table', database: unquote(db), table: unquote(table) };
}
/**
 * Parses SHOW GRANTS lines. Lines that are not GRANT statements (`GRANT PROXY`, `REVOKE` partial revokes) add
 * nothing; a `GRANT <role> TO <user>` line (no ON) is a role.
 */
function parseGrants(lines) {
    const grants = [];
    const roles = [];
    for (const raw of lines) {
        const line = raw.trim();
        if (!/^GRANT\s/i.test(line))
            continue;
        const body = line.slice(6);
        const on = keywordAt(body, 'ON');
        const to = keywordAt(body, 'TO');
        if (on < 0 || (to >= 0 && to < on)) {
            if (to >= 0)
                roles.push(...splitTopLevel(body.slice(0, to), ',').map((r) => r.trim()));
            continue;
        }
        const privileges = splitTopLevel(body.slice(0, on), ',')
            .map((p) => p.trim().replace(/\s+/g, ' ').toUpperCase())
            .map((p) => (p === 'ALL PRIVILEGES' ? 'ALL' : p));
        if (privileges.includes('PROXY'))
            continue;
        const rest = body.slice(on + 4);
        const end = keywordAt(rest, 'TO');
        grants.push({ privileges, ...parseObject((end < 0 ? rest : rest.slice(0, end)).trim()) });
    }
    return { grants, roles };
}
const grantsPrivilege = (g, privilege) => g.privileges.includes('ALL') ||
    (SATISFIED_BY[privilege] ?? [privilege]).some((p) => g.privileges.includes(p));
/** Whether a global (`ON *.*`) grant gives the privilege (or one that stands in for it). */
function hasGlobal(set, privilege) {
    return set.grants.some((g) => g.level === 'global' && grantsPrivilege(g, privilege));
}
/** Whether a global grant, or a database grant whose pattern matches `db`, gives the privilege. */
function hasOnDatabase(set, privilege, db, caseInsensitive) {
    return set.grants.some((g) => grantsPrivilege(g, privilege) &&
        (g.level === 'global' ||
            (g.level === 'database' && databasePatternMatches(g.database ?? '', db, caseInsensitive))));
}
/** Matches a grant's database pattern (`%`, `_`, `\` escapes) against a name. */
function databasePatternMatches(pattern, name, caseInsensitive) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\' && i + 1 < pattern.length)
            re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        else if (c === '%')
            re += '.*';
        else if (c === '_')
            re += '.';
        else
            re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`, caseInsensitive ? 'is' : 's').test(name);
}
/**
 * Whether the user may SELECT the whole table: a global, database or table grant of SELECT (or ALL). Column-level
 * SELECT is not enough (Dumpling reads every column).
 * @param caseInsensitive compare names case-insensitively (lower_case_table_names ≠ 0)
 */
function canSelect(set, db, table, caseInsensitive) {
    const same = (a, b) => caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
    return set.grants.some((g) => {
        if (!grantsPrivilege(g, 'SELECT'))
            return false;
        if (g.level === 'global')
            return true;
        if (g.level === 'database')
            return databasePatternMatches(g.database ?? '', db, caseInsensitive);
        if (g.level === 'table')
            return same(g.database ?? '', db) && same(g.table ?? '', table);
        return false;
    });
}
/** The global privileges the migration needs of the source user. */
function globalPrivilegeNeeds(dm) {
    return [
        {
            privilege: 'REPLICATION CLIENT',
            why: 'SHOW MASTER STATUS records the binlog position before the snapshot',
            required: true
        },
        ...(dm
            ? [
                {
                    privilege: 'REPLICATION SLAVE',
                    why: 'DM reads the binlog as a replica',
                    required: true
                }
            ]
            : []),
        { privilege: 'PROCESS', why: 'Dumpling lists the server’s sessions', required: false }
    ];
}


/***/ }),

/***/ 1879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ countRows),
/* harmony export */   v: () => (/* binding */ quoteIdent)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
/* harmony import */ var _table_filter_table_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84077);


/** A MySQL identifier, backquoted. */
function quoteIdent(name) {
    return `\`${name.replace(/`/g, '``')}\``;
}
/**
 * Counts the rows of each table. A table that does not exist is `missing` (ER_NO_SUCH_TABLE / ER_BAD_DB_ERROR);
 * other errors are kept per table so one unreadable table does not hide the others' counts.
 * @param conn a connection to the target
 * @param tables the tables
 * @param onProgress called after each table
 * @returns counts by `db.table`
 */
async function countRows(conn, tables, onProgress) {
    const out = new Map();
    for (const [i, t] of tables.entries()) {
        try {
            const [rows] = await conn.query(`SELECT COUNT(*) AS n FROM ${quoteIdent(t.database)}.${quoteIdent(t.table)}`);
            const n = Number(rows[0]?.n);
            out.set((0,_table_filter_table_name_js__WEBPACK_IMPORTED_MODULE_1__/* .tableKey */ .i)(t), Number.isFinite(n) ? { rows: n } : { error: 'COUNT(*) returned no number' });
        }
        catch (e) {
            const code = e.code;
            out.set((0,_table_filter_table_name_js__WEBPACK_IMPORTED_MODULE_1__/* .tableKey */ .i)(t), code === 'ER_NO_SUCH_TABLE' || code === 'ER_BAD_DB_ERROR'
                ? { missing: true }
                : { error: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e) });
        }
        onProgress?.(i + 1, tables.length);
    }
    return out;
}


/***/ }),

/***/ 78281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ readBinlogCoordinates),
/* harmony export */   Ie: () => (/* binding */ cellText),
/* harmony export */   PZ: () => (/* binding */ binlogSettings),
/* harmony export */   Tj: () => (/* binding */ readRetention),
/* harmony export */   o4: () => (/* binding */ readGrants),
/* harmony export */   p7: () => (/* binding */ readGlobalVariables),
/* harmony export */   se: () => (/* binding */ readServerVersion),
/* harmony export */   xA: () => (/* binding */ parseServerVersion)
/* harmony export */ });
/* unused harmony exports sqlErrno, ER, SOURCE_VARIABLES, retentionFromConfiguration, retentionFromVariables */
/* harmony import */ var _binlog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50229);

async function rows(conn, sql, values = []) {
    const [result] = await conn.query(sql, values);
    return Array.isArray(result) ? result : [];
}
/** A result cell as text: strings as they are, numbers and bigints printed, bytes as UTF-8, NULL as ''. */
function cellText(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')
        return String(v);
    if (v instanceof Uint8Array)
        return Buffer.from(v).toString('utf8');
    return '';
}
/** mysql2's error number of a failed query (`errno`), or undefined. */
function sqlErrno(e) {
    const n = e.errno;
    return typeof n === 'number' ? n : undefined;
}
/** MySQL error numbers the readers tell apart. */
const ER = {
    PARSE_ERROR: 1064,
    UNKNOWN_SYSTEM_VARIABLE: 1193,
    SP_DOES_NOT_EXIST: 1305,
    PROCACCESS_DENIED: 1370,
    DBACCESS_DENIED: 1044,
    TABLEACCESS_DENIED: 1142,
    SPECIFIC_ACCESS_DENIED: 1227
};
/** Parses `VERSION()`. */
function parseServerVersion(text, aurora) {
    const m = /^(\d+)\.(\d+)/.exec(text);
    return {
        text,
        flavor: /mariadb/i.test(text) ? 'mariadb' : 'mysql',
        major: Number(m?.[1] ?? 0),
        minor: Number(m?.[2] ?? 0),
        aurora
    };
}
/** Reads the server version, and Aurora's own version where the function exists. */
async function readServerVersion(conn) {
    const [row] = await rows(conn, 'SELECT VERSION() AS v');
    let aurora;
    try {
        const [a] = await rows(conn, 'SELECT AURORA_VERSION() AS v');
        aurora = cellText(a?.['v']) || undefined;
    }
    catch {
        aurora = undefined; // not Aurora: the function does not exist
    }
    return parseServerVersion(cellText(row?.['v']), aurora);
}
/** The global variables the checks look at (absent ones are simply not returned). */
const SOURCE_VARIABLES = [
    'log_bin',
    'binlog_format',
    'binlog_row_image',
    'server_id',
    'binlog_transaction_compression',
    'gtid_mode',
    'enforce_gtid_consistency',
    'aurora_enhanced_binlog',
    'lower_case_table_names',
    'binlog_expire_logs_seconds',
    'expire_logs_days',
    'sql_mode'
];
/** `SHOW GLOBAL VARIABLES` for the given names, as name → value. */
async function readGlobalVariables(conn, names = SOURCE_VARIABLES) {
    const result = await rows(conn, `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${names.map(() => '?').join(', ')})`, [...names]);
    return Object.fromEntries(result.map((r) => [cellText(r['Variable_name']).toLowerCase(), cellText(r['Value'])]));
}
const on = (v) => v === undefined ? undefined : ['ON', '1', 'TRUE'].includes(v.toUpperCase());
/** Interprets the variables of {@link readGlobalVariables}. Pure. */
function binlogSettings(vars, flavor) {
    const gtidMode = flavor === 'mysql' ? vars['gtid_mode']?.toUpperCase() : undefined;
    const serverId = vars['server_id'] === undefined ? undefined : Number(vars['server_id']);
    return {
        logBin: on(vars['log_bin']) ?? false,
        format: vars['binlog_format']?.toUpperCase(),
        rowImage: vars['binlog_row_image']?.toUpperCase(),
        serverId: Number.isFinite(serverId) ? serverId : undefined,
        transactionCompression: on(vars['binlog_transaction_compression']),
        gtidMode,
        gtidEnabled: flavor === 'mariadb' || gtidMode === 'ON',
        enhancedBinlog: on(vars['aurora_enhanced_binlog']),
        lowerCaseTableNames: Number(vars['lower_case_table_names'] ?? 0) || 0,
        sqlMode: vars['sql_mode'] ?? ''
    };
}
/** `binlog retention hours` from the rows of `CALL mysql.rds_show_configuration`; undefined when not listed. */
function retentionFromConfiguration(result) {
    const list = Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
    if (!Array.isArray(list))
        return undefined;
    for (const r of list) {
        if (cellText(r['name']).toLowerCase() !== 'binlog retention hours')
            continue;
        const v = cellText(r['value']).trim();
        if (v === '' || /^null$/i.test(v))
            return null;
        const n = Number(v);
        return Number.isFinite(n) ? n : null;
    }
    return undefined;
}
/** Retention from `binlog_expire_logs_seconds` (MySQL 8, MariaDB 10.6+) or `expire_logs_days`. Pure. */
function retentionFromVariables(vars) {
    const seconds = Number(vars['binlog_expire_logs_seconds']);
    if (Number.isFinite(seconds) && seconds > 0)
        return { kind: 'expire', seconds, variable: 'binlog_expire_logs_seconds' };
    const days = Number(vars['expire_logs_days']);
    if (Number.isFinite(days) && days > 0)
        return { kind: 'expire', seconds: Math.round(days * 86_400), variable: 'expire_logs_days' };
    if (vars['binlog_expire_logs_seconds'] !== undefined || vars['expire_logs_days'] !== undefined)
        return { kind: 'expire', seconds: null, variable: 'binlog_expire_logs_seconds' };
    return { kind: 'unknown', reason: 'the server reports no binlog expiry setting' };
}
/**
 * Reads the binlog retention: Aurora's procedure when it exists, else the expiry variables. A procedure the user
 * may not execute gives `unknown` with the grant to add.
 */
async function readRetention(conn, vars) {
    try {
        const [result] = await conn.query('CALL mysql.rds_show_configuration');
        const hours = retentionFromConfiguration(result);
        return hours === undefined ? retentionFromVariables(vars) : { kind: 'aurora', hours };
    }
    catch (e) {
        const errno = sqlErrno(e);
        if (errno === ER.SP_DOES_NOT_EXIST)
            return retentionFromVariables(vars);
        if (errno === ER.PROCACCESS_DENIED || errno === ER.DBACCESS_DENIED)
            return {
                kind: 'unknown',
                reason: 'the user may not run CALL mysql.rds_show_configuration (GRANT EXECUTE ON PROCEDURE mysql.rds_show_configuration)'
            };
        throw e;
    }
}
/** The lines of `SHOW GRANTS` (for the current user). */
async function readGrants(conn) {
    return (await rows(conn, 'SHOW GRANTS')).map((r) => cellText(Object.values(r)[0]));
}
/** Whether the server has removed `SHOW MASTER STATUS` (MySQL 8.4 and later). */
function binaryLogStatusFirst(v) {
    return v.flavor === 'mysql' && (v.major > 8 || (v.major === 8 && v.minor >= 4));
}
/**
 * `SHOW MASTER STATUS` (or `SHOW BINARY LOG STATUS` on MySQL ≥ 8.4, each falling back to the other on a syntax
 * error) and the GTID of that very position. Undefined when the binlog is off (no row).
 */
async function readBinlogCoordinates(conn, version, gtidEnabled) {
    const statements = ['SHOW MASTER STATUS', 'SHOW BINARY LOG STATUS'];
    if (binaryLogStatusFirst(version))
        statements.reverse();
    let result;
    let statement = statements[0];
    for (const [i, s] of statements.entries()) {
        try {
            statement = s;
            result = await rows(conn, s);
            break;
        }
        catch (e) {
            if (sqlErrno(e) !== ER.PARSE_ERROR || i === statements.length - 1)
                throw e;
        }
    }
    const status = (0,_binlog_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMasterStatus */ .iw)(result ?? []);
    if (!status.enabled)
        return undefined;
    if (status.positionNumber === undefined)
        throw new Error(`${statement} returned a position beyond 2^53: ${status.position}`);
    let gtid = status.gtidSet;
    if (version.flavor === 'mariadb') {
        // The GTID position of exactly this file/offset, not whatever @@gtid_binlog_pos is a moment later.
        const [row] = await rows(conn, 'SELECT BINLOG_GTID_POS(?, ?) AS g', [
            status.file,
            status.positionNumber
        ]);
        gtid = cellText(row?.['g']).trim() || undefined;
    }
    else if (gtid === undefined && gtidEnabled) {
        const [row] = await rows(conn, 'SELECT @@GLOBAL.gtid_executed AS g');
        gtid = cellText(row?.['g']).replace(/\s+/g, '') || undefined;
    }
    return { file: status.file, position: status.positionNumber, gtid, statement };
}


/***/ }),

/***/ 20114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ countRows),
/* harmony export */   Kb: () => (/* binding */ truncateTables),
/* harmony export */   WS: () => (/* binding */ listTables),
/* harmony export */   listViews: () => (/* binding */ listViews),
/* harmony export */   sB: () => (/* binding */ nonEmptyTables)
/* harmony export */ });
/* unused harmony export quoteTable */
/** `` `db`.`t` `` with backticks doubled. */
function quoteTable(t) {
    const q = (s) => `\`${s.replace(/`/g, '``')}\``;
    return `${q(t.database)}.${q(t.table)}`;
}
const BATCH = 100;
/** A MySQL error meaning the table (or its database) does not exist. */
function isMissingTable(e) {
    const code = e.code;
    return code === 'ER_NO_SUCH_TABLE' || code === 'ER_BAD_DB_ERROR';
}
async function perTable(conn, tables, expr, missing) {
    const run = async (batch) => {
        const sql = batch.map((t, i) => `SELECT ${i} AS i, ${expr(t)} AS n`).join(' UNION ALL ');
        const [rows] = await conn.query(sql);
        const out = new Array(batch.length).fill(0);
        for (const r of rows)
            out[Number(r['i'])] = Number(r['n']);
        return out;
    };
    const out = [];
    for (let i = 0; i < tables.length; i += BATCH) {
        const batch = tables.slice(i, i + BATCH);
        try {
            out.push(...(await run(batch)));
        }
        catch (e) {
            if (!isMissingTable(e))
                throw e;
            for (const t of batch) {
                try {
                    out.push(...(await run([t])));
                }
                catch (inner) {
                    if (!isMissingTable(inner) || missing === undefined)
                        throw inner;
                    out.push(missing);
                }
            }
        }
    }
    return out;
}
/**
 * The tables that hold at least one row. A missing table counts as empty.
 * @param conn a connection to the server
 * @param tables the tables to look at
 */
async function nonEmptyTables(conn, tables) {
    const flags = await perTable(conn, tables, (t) => `EXISTS (SELECT 1 FROM ${quoteTable(t)} LIMIT 1)`, 0);
    return tables.filter((_, i) => flags[i] === 1);
}
/**
 * `COUNT(*)` of every table, in the order given.
 * @throws the server's error when a table does not exist
 */
async function countRows(conn, tables) {
    return perTable(conn, tables, (t) => `(SELECT COUNT(*) FROM ${quoteTable(t)})`, undefined);
}
/** The base tables on the server outside its system schemas, in catalog order. */
async function listTables(conn) {
    const [rows] = await conn.query("SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' " +
        "AND TABLE_SCHEMA NOT IN ('mysql', 'sys', 'information_schema', 'performance_schema', 'metrics_schema', " +
        "'inspection_schema') ORDER BY TABLE_SCHEMA, TABLE_NAME");
    return rows.map((r) => ({ database: String(r['s']), table: String(r['t']) }));
}
/**
 * The views of some databases (information_schema.TABLES lists a view with TABLE_TYPE `VIEW`, in TiDB as in MySQL).
 * @param conn a connection to the target
 * @param databases the databases to look in
 */
async function listViews(conn, databases) {
    if (databases.length === 0)
        return [];
    const [rows] = await conn.query("SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_TYPE = 'VIEW' " +
        'AND TABLE_SCHEMA IN (?)', [databases]);
    return rows.map((r) => ({ database: String(r['s']), table: String(r['t']) }));
}
/**
 * Empties tables (TRUNCATE TABLE), one statement each. Only for rows the run itself wrote (tidb/lightning/import.ts).
 * @param conn a connection to the target
 * @param tables the tables to empty
 */
async function truncateTables(conn, tables) {
    for (const t of tables)
        await conn.query(`TRUNCATE TABLE ${quoteTable(t)}`);
}


/***/ }),

/***/ 57056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migratePhases: () => (/* binding */ migratePhases),
  phasesForOperation: () => (/* binding */ phasesForOperation)
});

// EXTERNAL MODULE: ./src/inputs/types.ts
var types = __webpack_require__(53448);
// EXTERNAL MODULE: ./src/mysql/binlog-file.ts
var binlog_file = __webpack_require__(17356);
;// CONCATENATED MODULE: ./src/mysql/binary-logs.ts

/**
 * Whether `file` is among the listed binary logs. Pure.
 * @param logs `Log_name` values of `SHOW BINARY LOGS`, in the server's order (oldest first)
 */
function binlogFileAvailability(logs, file) {
    const sorted = [...logs].sort((a, b) => ((0,binlog_file/* parseBinlogFile */.z)(a)?.seq ?? 0) - ((0,binlog_file/* parseBinlogFile */.z)(b)?.seq ?? 0));
    return { available: logs.includes(file), oldest: sorted[0], newest: sorted.at(-1) };
}
/** The sentence for a recorded binlog file the source no longer has. */
function purgedBinlogMessage(file, availability) {
    const kept = availability.oldest === undefined
        ? 'the source lists no binary log at all'
        : `the oldest binary log it keeps is ${availability.oldest}`;
    return (`The binlog file ${file} recorded before the snapshot is no longer on the source (${kept}), so DM cannot ` +
        `replicate the changes made since the snapshot: refusing to start DM. Raise the source's binlog retention ` +
        `(CALL mysql.rds_set_configuration('binlog retention hours', 168)) and run the migration again from a new ` +
        'snapshot.');
}
/**
 * Lists the source's binary logs (`Log_name` of `SHOW BINARY LOGS`, oldest first).
 * @throws DbConnectError naming the inputs when the source cannot be reached; the server's error when binary
 *   logging is off or the user lacks REPLICATION CLIENT
 */
async function listBinaryLogs(source) {
    // mysql2 is loaded on first use, not at bundle start-up (see phases/aws-deps.ts for why).
    const { connectDb } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112));
    const conn = await connectDb(source, 'source');
    try {
        const [rows] = await conn.query('SHOW BINARY LOGS');
        return rows
            .map((r) => r.Log_name)
            .filter((name) => typeof name === 'string');
    }
    finally {
        await conn.end().catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./src/mysql/source.ts
var source = __webpack_require__(78281);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/phases/binlog-capture.ts



const DEFAULT_DEPS = {
    // mysql2 is loaded when the phase connects, not at the bundle's start.
    connect: async (endpoint, role) => (await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112))).connectDb(endpoint, role),
    now: Date.now
};
/** The version and GTID mode: from the precheck when it ran, else read now. */
async function sourceShape(conn, state) {
    if (state.source) {
        return {
            version: (0,source/* parseServerVersion */.xA)(state.source.version),
            gtidEnabled: state.source.gtidEnabled
        };
    }
    const version = await (0,source/* readServerVersion */.se)(conn);
    const settings = (0,source/* binlogSettings */.PZ)(await (0,source/* readGlobalVariables */.p7)(conn), version.flavor);
    return { version, gtidEnabled: settings.gtidEnabled };
}
function binlogOffMessage(state) {
    const cluster = state.precheck?.aws.cluster;
    const pg = cluster?.kind === 'found' ? cluster.value.parameterGroup : undefined;
    return ("The source's binary log is off (SHOW MASTER STATUS returned no row), so there is no position for DM to " +
        `start from: set binlog_format=ROW in ${pg ? `the DB cluster parameter group '${pg}'` : "the cluster's (custom) DB cluster parameter group"} ` +
        'and reboot the writer instance.');
}
/**
 * The binlog capture phase.
 * @param state reads the source's flavour from the precheck; receives the position (`state.binlog`)
 * @param deps replaceable connection and clock (tests)
 */
function binlogCapturePhase(state, deps = DEFAULT_DEPS) {
    return {
        id: 'binlog-capture',
        title: 'Binlog position',
        async run(ctx) {
            const given = ctx.inputs.dm.start;
            if (given !== undefined) {
                await takeGivenPosition(ctx, state, deps, given);
                return;
            }
            ctx.progress('reading SHOW MASTER STATUS');
            let conn;
            try {
                conn = await deps.connect(ctx.inputs.source, 'source');
            }
            catch (e) {
                throw new errors/* PhaseError */.wo('binlog-capture', (0,errors/* errorMessage */.gJ)(e), { cause: e });
            }
            let coords;
            try {
                const { version, gtidEnabled } = await sourceShape(conn, state);
                coords = await (0,source/* readBinlogCoordinates */.Fl)(conn, version, gtidEnabled);
            }
            catch (e) {
                throw new errors/* PhaseError */.wo('binlog-capture', `Cannot read the binlog position: ${(0,errors/* errorMessage */.gJ)(e)} (the source user needs REPLICATION CLIENT; BINLOG MONITOR on MariaDB).`, { cause: e });
            }
            finally {
                await conn.end().catch(() => undefined);
            }
            const capturedAt = deps.now();
            if (coords === undefined)
                throw new errors/* PhaseError */.wo('binlog-capture', binlogOffMessage(state));
            state.binlog = { file: coords.file, position: coords.position, gtid: coords.gtid, capturedAt };
            ctx.report.binlog = {
                file: coords.file,
                position: coords.position,
                gtid: coords.gtid,
                capturedBy: `${coords.statement} at ${new Date(capturedAt).toISOString()}, before the snapshot`
            };
            ctx.setOutput('binlog-file', coords.file);
            ctx.setOutput('binlog-position', coords.position);
            if (coords.gtid !== undefined)
                ctx.setOutput('binlog-gtid', coords.gtid);
            ctx.log.info(`${coords.statement}: ${coords.file}:${coords.position}${coords.gtid ? `, GTID ${coords.gtid}` : ''}`);
            ctx.record.note = `${coords.file}:${coords.position}`;
            ctx.record.numbers.push({ label: 'position', value: coords.position });
        }
    };
}
/** Lists the source's binary logs over the phase's connection. */
async function binaryLogs(conn) {
    const [rows] = await conn.query('SHOW BINARY LOGS');
    return rows
        .map((r) => r.Log_name)
        .filter((name) => typeof name === 'string');
}
/** A reused snapshot's position from the inputs: checked to be still on the source, then recorded as DM's start. */
async function takeGivenPosition(ctx, state, deps, given) {
    ctx.progress(`checking that ${given.file} is still on the source`);
    let logs;
    try {
        const conn = await deps.connect(ctx.inputs.source, 'source');
        try {
            logs = await binaryLogs(conn);
        }
        finally {
            await conn.end().catch(() => undefined);
        }
    }
    catch (e) {
        throw new errors/* PhaseError */.wo('binlog-capture', `Cannot list the source's binary logs to check input binlog-file ${given.file}: ${(0,errors/* errorMessage */.gJ)(e)} (the source user needs REPLICATION CLIENT; BINLOG MONITOR on MariaDB).`, { cause: e });
    }
    const availability = binlogFileAvailability(logs, given.file);
    if (!availability.available)
        throw new errors/* PhaseError */.wo('binlog-capture', purgedBinlogMessage(given.file, availability));
    const capturedAt = deps.now();
    const snapshot = ctx.inputs.aws.snapshotIdentifier ?? 'the reused snapshot';
    state.binlog = {
        file: given.file,
        position: given.position,
        gtid: given.gtid,
        capturedAt,
        given: true
    };
    ctx.report.binlog = {
        file: given.file,
        position: given.position,
        gtid: given.gtid,
        capturedBy: `inputs binlog-file/binlog-position, recorded when snapshot ${snapshot} was taken`
    };
    ctx.setOutput('binlog-file', given.file);
    ctx.setOutput('binlog-position', given.position);
    if (given.gtid !== undefined)
        ctx.setOutput('binlog-gtid', given.gtid);
    ctx.log.info(`DM starts from the position given for snapshot ${snapshot}: ${given.file}:${given.position}${given.gtid ? `, GTID ${given.gtid}` : ''} (inputs binlog-file/binlog-position); the file is still on the source (newest ${availability.newest ?? '?'}).`);
    ctx.record.note = `${given.file}:${given.position} (given)`;
    ctx.record.numbers.push({ label: 'position', value: given.position });
}

// EXTERNAL MODULE: ./src/mysql/table-rows.ts
var table_rows = __webpack_require__(20114);
;// CONCATENATED MODULE: ./src/aws/export-naming.ts
// How an Aurora snapshot export names what it writes, and which tables a partial export can name. Facts from AWS,
// Aurora User Guide, "Considerations for DB cluster snapshot exports" (sections "Limitations" and "File naming
// convention"), and the keys of real exports:
//
// Layout: `<prefix>/<export-id>/<db>/<db>.<table>/<batch>/part-00000-<uuid>-c000.gz.parquet`; the export writes `\`,
// backtick, `"` and space as `_` in folder names and skips tables whose name contains `/`. A partial export
// (`ExportOnly`) names databases and tables with A–Z, 0–9, `$` and `_` only, in a list of at most 200 KB.
/** The folder name the export writes for a database or table name. */
function exportedName(name) {
    return name.replace(/[\\`" ]/g, '_');
}
/** The folder (relative to the export root) the export writes a table's data to: `<db>/<db>.<table>`. */
function tableFolder(t) {
    const db = exportedName(t.database);
    return `${db}/${db}.${exportedName(t.table)}`;
}
/** A representative S3 key (relative to the export root) of a table's data. */
function sampleExportKey(t, batch = '1') {
    return `${tableFolder(t)}/${batch}/part-00000-c5a881bb-58ff-4ee6-1111-b41ecff340a3-c000.gz.parquet`;
}
/** Why the export will skip a table whatever the rules (AWS's "Limitations", above), or undefined. */
function exportSkipReason(t) {
    return t.table.includes('/')
        ? `the Aurora export skips tables whose name contains "/" (\`${t.database}\`.\`${t.table}\`)`
        : undefined;
}
/** Names a partial export can list (A–Z, 0–9, `$`, `_`, above; matched case-insensitively). */
const PARTIAL_EXPORT_NAME = /^[A-Za-z0-9$_]+$/;
/** AWS's limit on the serialized `ExportOnly` list (200 KB, above). */
const EXPORT_ONLY_MAX_BYTES = 200_000;
const listBytes = (entries) => entries.reduce((n, e) => n + Buffer.byteLength(e) + 3, 2);
/**
 * `ExportOnly` entries for the selected tables: `db` when every table of the database is selected (pass
 * `allTables` to know that) or when a table name has characters a partial export refuses (then the whole
 * database is exported and Lightning's filter drops the rest), `db.table` otherwise. A database whose own name has
 * such characters cannot be listed at all, so the whole cluster is exported. Each fallback comes with a warning.
 */
function exportOnlyFor(selected, allTables) {
    const warnings = [];
    if (selected.length === 0) {
        return {
            exportOnly: undefined,
            warnings: ['no table is selected; nothing to limit the export to']
        };
    }
    const byDb = new Map();
    for (const t of selected) {
        const set = byDb.get(t.database) ?? new Set();
        set.add(t.table);
        byDb.set(t.database, set);
    }
    const badDbs = [...byDb.keys()].filter((db) => !PARTIAL_EXPORT_NAME.test(db));
    if (badDbs.length > 0) {
        const names = badDbs.map((d) => `\`${d}\``).join(', ');
        warnings.push(`database ${names} has characters other than A-Z, 0-9, $ and _, which a partial Aurora export cannot name; ` +
            'the whole cluster is exported (you are charged for all of it) and only the selected tables are imported');
        return { exportOnly: undefined, warnings };
    }
    const entries = [];
    const dbEntries = [];
    for (const [db, tables] of [...byDb].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        dbEntries.push(db);
        const all = allTables?.filter((t) => t.database === db);
        const everything = all !== undefined && all.length > 0 && all.every((t) => tables.has(t.table));
        const bad = [...tables].filter((t) => !PARTIAL_EXPORT_NAME.test(t));
        if (everything) {
            entries.push(db);
        }
        else if (bad.length > 0) {
            entries.push(db);
            const names = bad.map((t) => `\`${db}\`.\`${t}\``).join(', ');
            warnings.push(`${names} cannot be named in a partial Aurora export (characters other than A-Z, 0-9, $ and _); ` +
                `the whole database \`${db}\` is exported and only the selected tables are imported`);
        }
        else {
            for (const t of [...tables].sort())
                entries.push(`${db}.${t}`);
        }
    }
    if (listBytes(entries) <= EXPORT_ONLY_MAX_BYTES)
        return { exportOnly: entries, warnings };
    if (listBytes(dbEntries) <= EXPORT_ONLY_MAX_BYTES) {
        warnings.push('the ExportOnly list of tables exceeds 200 KB; whole databases are exported instead');
        return { exportOnly: dbEntries, warnings };
    }
    warnings.push('the ExportOnly list exceeds 200 KB even with whole databases; the whole cluster is exported');
    return { exportOnly: undefined, warnings };
}

;// CONCATENATED MODULE: ./src/tidb/lightning/file-router.ts
// Lightning's `[[mydumper.files]]` file router, as data and as a JavaScript emulation.
//
// Semantics read in pingcap/tidb `pkg/lightning/mydump/router.go` (NewFileRouter / chainRouters / RegexRouter):
// rules are tried in order and the FIRST matching pattern wins; `schema`, `table`, `type` and `key` are templates
// expanded with Go's `regexp.Expand` (`$1`, `${1}`, `$name`; `$$` is a literal `$`); `type = "ignore"`
// (`TypeIgnore`) makes the loader skip the file and needs no other field; a file no rule matches is logged as
// `[loader] file is filtered by file router` and skipped. Patterns are Go RE2: no lookaround, no backreferences.
// The emulation lets the action check, before Lightning runs, that every exported key routes where it should.
/**
 * Compiles an RE2 pattern as a JavaScript RegExp: a leading `(?i)` becomes the `i` flag (JavaScript has no
 * global inline flags); `u` makes escapes as strict as RE2's. Throws SyntaxError on an invalid pattern.
 */
function compileRe2(pattern) {
    return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'iu') : new RegExp(pattern, 'u');
}
/** Escapes a literal for an RE2 (and JavaScript) pattern, like Go's `regexp.QuoteMeta`. */
function quoteMeta(text) {
    return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
/** Escapes a literal for a router template (`$` → `$$`), as Lightning does for `path` rules. */
function quoteTemplate(text) {
    return text.replace(/\$/g, '$$$$');
}
/** Expands a template the way Go's `regexp.Expand` does. */
function expandTemplate(template, match) {
    const variable = /\$(\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/gu;
    return template.replace(variable, (_all, what, braced, bare) => {
        if (what === '$')
            return '$';
        const name = braced ?? bare ?? '';
        // Go takes the longest run of letters, digits and `_` as the name; a non-numeric name refers to a named group.
        if (/^\d+$/.test(name))
            return match[Number(name)] ?? '';
        return match.groups?.[name] ?? '';
    });
}
/** A rule set compiled once for routing many keys. */
class FileRouter {
    compiled;
    constructor(rules) {
        this.compiled = rules.map((rule) => ({ rule, re: compileRe2(rule.pattern) }));
    }
    /** Where Lightning would send this key; undefined when no rule matches (the file is skipped). */
    route(key) {
        for (const { rule, re } of this.compiled) {
            const m = re.exec(key);
            if (!m)
                continue;
            const type = expandTemplate(rule.type, m);
            if (type === 'ignore')
                return { schema: '', table: '', type };
            return {
                schema: expandTemplate(rule.schema ?? '', m),
                table: expandTemplate(rule.table ?? '', m),
                type
            };
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/tidb/lightning/aurora-rules.ts
// `[[mydumper.files]]` rules that route an Aurora snapshot export to the right `schema`/`table`.
//
// Export layout (AWS, Amazon Aurora User Guide, "Exporting DB cluster snapshot data to Amazon S3", File naming
// convention: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-export-snapshot.Considerations.html):
// `<prefix>/<export-id>/<db>/<db>.<table>/<batch_index>/part-00000-<uuid>-c000.gz.parquet`; the older convention
// puts `part-…` directly in the table folder; batch folders are alphanumeric (`1`, `2`, `a`). AWS adds: "The file
// naming convention is subject to change. Therefore, when reading target tables, we recommend that you read
// everything inside the base prefix for the table." So the data rules accept any number of folders (none, one, or
// more) between the table folder and a `.parquet` file. Next to the data: `export_info_<id>.json`,
// `export_tables_info_<id>_from_*_to_*.json` and `_SUCCESS` markers. The export writes `\`, backtick, `"` and space
// as `_` in folder names (same page, Limitations).
//
// The pattern of PingCAP's documented procedure only routes `[a-z0-9_]` names. These rules, tried in this order
// (first match wins):
//  1. ignore the export's metadata files (`type = "ignore"`, router.go `TypeIgnore`);
//  2. one exact rule per table whose name the export rewrote, mapping the folder back to the real name (or an
//     ignore rule when two tables share a folder: their data cannot be told apart);
//  3. one rule per database, anchored on the literal `<db>/<db>.` pair, so dots in table names (and databases)
//     are unambiguous;
//  4. a general rule for databases not known in advance: a dot-free db folder followed by `<x>.<table>`.
// RE2 has no backreferences, which is why the pair is anchored with literals rather than `\1`.


/** The pattern of PingCAP's documented procedure (pingcap/docs migrate-aurora-to-tidb.md). */
const DOCUMENTED_PATTERN = String.raw `(?i)^(?:[^/]*/)*([a-z0-9_]+)\.([a-z0-9_]+)/(?:[^/]*/)*(?:[a-z0-9\-_.]+\.(parquet))$`;
/** Any depth of batch folders (none included) and the data file, shared by every data rule. */
const TAIL = String.raw `/(?:[^/]+/)*[^/]+\.parquet$`;
/** Skips the export's metadata: `export_info_*.json`, `export_tables_info_*.json`, `_SUCCESS`. */
const IGNORE_EXPORT_METADATA = {
    pattern: String.raw `(?:^|/)(?:export_info_[^/]*\.json|export_tables_info_[^/]*\.json|_SUCCESS)$`,
    type: 'ignore'
};
/** Routes `<db>/<db>.<table>/…` for any dot-free database folder; the table may contain dots. */
const GENERAL_AURORA_RULE = {
    pattern: String.raw `^(?:[^/]*/)*([^/.]+)/[^/.]+\.([^/]+)` + TAIL,
    schema: '$1',
    table: '$2',
    type: 'parquet'
};
function databaseRule(db) {
    const folder = quoteMeta(exportedName(db));
    return {
        pattern: `^(?:[^/]*/)*(${folder})/${folder}\\.([^/]+)${TAIL}`,
        schema: '$1',
        table: '$2',
        type: 'parquet'
    };
}
function tableFolderPattern(t) {
    const db = quoteMeta(exportedName(t.database));
    return `^(?:[^/]*/)*${db}/${db}\\.${quoteMeta(exportedName(t.table))}${TAIL}`;
}
const routesTo = (router, t) => {
    const r = router.route(sampleExportKey(t));
    return r !== undefined && r.type === 'parquet' && r.schema === t.database && r.table === t.table;
};
/**
 * Builds the rules for an export of `tables` (the tables the filter selected). With no tables, only the ignore
 * rule and the general rule. Every table is checked by routing a sample key through the generated rules.
 */
function auroraFileRules(tables = []) {
    const warnings = [];
    const byFolder = new Map();
    for (const t of tables) {
        const folder = `${exportedName(t.database)}/${exportedName(t.table)}`;
        const list = byFolder.get(folder);
        if (list)
            list.push(t);
        else
            byFolder.set(folder, [t]);
    }
    // A database the export renamed gets exact rules for each of its tables instead.
    const dbs = [...new Set(tables.map((t) => t.database))]
        .filter((db) => exportedName(db) === db)
        .sort();
    const generic = [...dbs.map(databaseRule), GENERAL_AURORA_RULE];
    const exact = [];
    for (const group of byFolder.values()) {
        const first = group[0];
        if (first === undefined)
            continue;
        if (group.length > 1) {
            const names = group.map((t) => `\`${t.database}\`.\`${t.table}\``).join(', ');
            warnings.push(`${names} are exported into the same S3 folder (the export writes \\, \`, " and space as _); ` +
                'Lightning cannot tell their data apart, so none of them is imported from the export');
            exact.push({ pattern: tableFolderPattern(first), type: 'ignore' });
            continue;
        }
        // Route through the generic rules of this table's database only: fast for thousands of tables.
        const own = new FileRouter([databaseRule(first.database)]);
        if (!routesTo(own, first)) {
            exact.push({
                pattern: tableFolderPattern(first),
                schema: quoteTemplate(first.database),
                table: quoteTemplate(first.table),
                type: 'parquet'
            });
        }
    }
    return { rules: [IGNORE_EXPORT_METADATA, ...exact, ...generic], warnings };
}
/** The tables the documented procedure's pattern would not route to their own name (for the precheck warning). */
function documentedPatternMisses(tables) {
    const documented = new FileRouter([
        { pattern: DOCUMENTED_PATTERN, schema: '$1', table: '$2', type: '$3' }
    ]);
    return tables.filter((t) => !routesTo(documented, t));
}

// EXTERNAL MODULE: ./node_modules/@iarna/toml/toml.js
var toml = __webpack_require__(64572);
;// CONCATENATED MODULE: ./src/tidb/log-values.ts
// Value formats the PingCAP tools print inside log fields: Go durations (`2h13m53.21s`, `571.321µs`), human sizes
// (`62.83GiB`, `7.764GB`) and counters (`"7/9 (77.8%)"`, `1234/5678(estimated)`). Shared by the Lightning and
// Dumpling monitors. Every function returns undefined instead of throwing on text it does not recognise.
const DURATION_UNIT_MS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3, // U+00B5 micro sign, what Go prints
    μs: 1e-3, // U+03BC greek mu, what pasted logs sometimes carry
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000
};
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
/** Milliseconds of a Go `time.Duration.String()` value (`1m22.804s`, `18.543µs`, `0s`), or undefined. */
function parseGoDuration(text) {
    const s = text.trim();
    if (s === '')
        return undefined;
    let i = 0;
    let sign = 1;
    if (s[0] === '-' || s[0] === '+') {
        sign = s[0] === '-' ? -1 : 1;
        i = 1;
    }
    if (s.slice(i) === '0')
        return 0;
    let total = 0;
    let parts = 0;
    while (i < s.length) {
        DURATION_PART.lastIndex = i;
        const m = DURATION_PART.exec(s);
        if (!m)
            return undefined;
        const [whole, num = '', unit = ''] = m;
        const factor = DURATION_UNIT_MS[unit];
        if (factor === undefined)
            return undefined;
        total += Number(num) * factor;
        i += whole.length;
        parts++;
    }
    return parts > 0 ? sign * total : undefined;
}
const SIZE_UNITS = {
    b: 1,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4,
    pib: 1024 ** 5,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    pb: 1e15
};
/** Bytes of a human size (`62.83GiB`, `7.764GB`, `512B`, `1024`), or undefined. */
function parseByteSize(text) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?i?b)?\s*$/i.exec(text);
    if (!m)
        return undefined;
    const factor = m[2] === undefined ? 1 : SIZE_UNITS[m[2].toLowerCase()];
    return factor === undefined ? undefined : Number(m[1]) * factor;
}
/**
 * Parses `7/9 (77.8%)`, `1234/5678`, `1234/5678(estimated)` and size pairs like `62.83GiB/62.83GiB` (values in
 * bytes). Undefined when either side is not a number or size.
 */
function parseRatio(text) {
    let s = text.trim();
    const estimated = s.endsWith('(estimated)');
    if (estimated)
        s = s.slice(0, -'(estimated)'.length);
    const paren = s.indexOf(' (');
    if (paren >= 0)
        s = s.slice(0, paren);
    const slash = s.indexOf('/');
    if (slash < 0)
        return undefined;
    const done = parseByteSize(s.slice(0, slash));
    const total = parseByteSize(s.slice(slash + 1));
    if (done === undefined || total === undefined)
        return undefined;
    return { done, total, estimated };
}
/** A percentage like `57.2%` as a number (57.2), or undefined. */
function parsePercent(text) {
    const m = /^\s*(\d+(?:\.\d+)?)%\s*$/.exec(text);
    return m ? Number(m[1]) : undefined;
}
/** A plain decimal number, or undefined (no hex, no empty string, no `Infinity`). */
function parseDecimal(text) {
    return /^\s*-?\d+(?:\.\d+)?(?:e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : undefined;
}

;// CONCATENATED MODULE: ./src/tidb/lightning/config.ts
// The TiDB Lightning configuration for the action's two runs: the schema import (Dumpling's output) and the data
// import (the Aurora export). Lightning aborts on keys it does not know (`config file contained unknown
// configuration options`), so only keys pingcap/tidb pkg/lightning/config/config.go (and global.go) defines are
// written; the test checks that.
// @iarna/toml does the quoting, so passwords and regex patterns with backslashes stay valid TOML.


/**
 * The session variables of a Parquet import. Lightning v8.5 reads a Parquet TIMESTAMP (isAdjustedToUTC, as the Aurora
 * export writes DATETIME and TIMESTAMP) as its UTC wall-clock text ending in `Z` (pkg/lightning/mydump/parquet_parser.go
 * on release-8.5), and TiDB converts such a literal into the session's time zone when it casts it to the column. The
 * local backend encodes with the variables `ObtainImportantVariables` reads on the connection `DBFromConfig` opened
 * (pkg/lightning/importer/tidb.go: `SHOW VARIABLES` … `time_zone`, default `SYSTEM`), i.e. the target's
 * `@@global.time_zone` unless `[tidb.session-vars]` sets it: `DBFromConfig` copies `dsn.Vars` (the TOML key
 * `session-vars`, pkg/lightning/config/config.go `DBStore.Vars`, exposed by pingcap/tidb#47414) into the variables it
 * sets on every connection of its pool (pingcap/tidb#54927). With `time_zone = "+00:00"` a DATETIME arrives as the
 * source wrote it whatever the target's zone; without it a target at `+08:00` would hold every value 8 hours late.
 */
const PARQUET_SESSION_VARS = { time_zone: '+00:00' };
/** Whether `tidb-version`'s Lightning accepts `[tidb.session-vars]` (v7.5.0 and later, and nightly). */
function lightningHasSessionVars(tidbVersion) {
    if (tidbVersion === 'nightly')
        return true;
    const m = /^v(\d+)\.(\d+)\./.exec(tidbVersion);
    if (!m)
        return false;
    const [major, minor] = [Number(m[1]), Number(m[2])];
    return major > 7 || (major === 7 && minor >= 5);
}
function fail(message) {
    throw new Error(`Lightning configuration: ${message}`);
}
/** Renders the TOML document. Throws an Error naming the option when the options cannot work. */
function renderLightningToml(opts) {
    const { tidb } = opts;
    if (opts.backend === 'local' && !opts.sortedKvDir) {
        fail('the local backend needs a sorted-kv-dir (tikv-importer.sorted-kv-dir must not be empty)');
    }
    if (opts.dataSourceDir.trim() === '')
        fail('mydumper.data-source-dir is empty');
    if (opts.checkpoint.enable && opts.checkpoint.dsn.trim() === '')
        fail('checkpoint.dsn is empty');
    if (opts.log.file.trim() === '')
        fail('lightning.file is empty');
    if (opts.logProgress !== undefined && parseGoDuration(opts.logProgress) === undefined) {
        fail(`cron.log-progress must be a Go duration like "30s", not "${opts.logProgress}"`);
    }
    for (const [name, port] of [
        ['tidb.port', tidb.port],
        ['tidb.status-port', tidb.statusPort]
    ]) {
        if (!Number.isInteger(port) || port < 1 || port > 65535)
            fail(`${name} ${port} is not a port`);
    }
    const lightning = { file: opts.log.file };
    if (opts.log.level !== undefined)
        lightning['level'] = opts.log.level;
    if (opts.checkRequirements !== undefined)
        lightning['check-requirements'] = opts.checkRequirements;
    const importer = { backend: opts.backend };
    if (opts.backend === 'local' && opts.sortedKvDir)
        importer['sorted-kv-dir'] = opts.sortedKvDir;
    const mydumper = { 'data-source-dir': opts.dataSourceDir };
    if (opts.filter && opts.filter.length > 0)
        mydumper['filter'] = [...opts.filter];
    if (opts.files && opts.files.length > 0) {
        mydumper['files'] = opts.files.map((r) => {
            const rule = { pattern: r.pattern };
            if (r.schema !== undefined)
                rule['schema'] = r.schema;
            if (r.table !== undefined)
                rule['table'] = r.table;
            rule['type'] = r.type;
            if (r.key !== undefined)
                rule['key'] = r.key;
            return rule;
        });
    }
    const checkpoint = { enable: opts.checkpoint.enable };
    if (opts.checkpoint.enable) {
        checkpoint['driver'] = 'file';
        checkpoint['dsn'] = opts.checkpoint.dsn;
        if (opts.checkpoint.keepAfterSuccess !== undefined) {
            checkpoint['keep-after-success'] = opts.checkpoint.keepAfterSuccess;
        }
    }
    const doc = {
        lightning,
        tidb: {
            host: tidb.host,
            port: tidb.port,
            user: tidb.user,
            password: tidb.password,
            'status-port': tidb.statusPort,
            ...(tidb.pdAddr === undefined || tidb.pdAddr === '' ? {} : { 'pd-addr': tidb.pdAddr }),
            ...(opts.sessionVars === undefined || Object.keys(opts.sessionVars).length === 0
                ? {}
                : { 'session-vars': { ...opts.sessionVars } })
        },
        'tikv-importer': importer,
        mydumper,
        checkpoint
    };
    if (opts.logProgress !== undefined)
        doc['cron'] = { 'log-progress': opts.logProgress };
    if (opts.checksum !== undefined)
        doc['post-restore'] = { checksum: opts.checksum };
    // @iarna/toml writes 4000 as 4_000: valid TOML, but plain digits read better and suit every parser.
    const body = toml.stringify(doc).replace(/^(\s*[\w"-]+ = )(-?\d{1,3}(?:_\d{3})+)$/gm, (_all, key, n) => key + n.replace(/_/g, ''));
    return `# Generated by aurora-to-tidb; rewritten on every run.\n${body}`;
}
/**
 * Replaces the password value (and any credentials in URI query parameters) so the TOML can be logged.
 */
function redactToml(text) {
    return text
        .replace(/^(\s*(?:password|"password"|'password')\s*=\s*)(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\n#]*)/gm, '$1"******"')
        .replace(/([?&](?:access-key|secret-access-key|session-token)=)[^&"'\s]*/g, '$1******');
}
/** `s3://bucket/prefix?endpoint=…&region=…&force-path-style=…`, every part URL-encoded. */
function s3DataSourceUri(bucket, prefix, opts = {}) {
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
        fail(`"${bucket}" is not an S3 bucket name`);
    const path = prefix
        .split('/')
        .filter((p) => p !== '')
        .map(encodeURIComponent)
        .join('/');
    const params = [];
    if (opts.endpoint)
        params.push(`endpoint=${encodeURIComponent(opts.endpoint)}`);
    if (opts.region)
        params.push(`region=${encodeURIComponent(opts.region)}`);
    if (opts.forcePathStyle !== undefined)
        params.push(`force-path-style=${opts.forcePathStyle}`);
    return `s3://${bucket}${path ? `/${path}` : ''}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

// EXTERNAL MODULE: ./src/table-filter/parse.ts
var parse = __webpack_require__(85050);
// EXTERNAL MODULE: ./src/table-filter/match.ts
var match = __webpack_require__(34836);
// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(32693);
// EXTERNAL MODULE: ./src/aws/endpoint.ts
var aws_endpoint = __webpack_require__(55572);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/temp-files.ts
var temp_files = __webpack_require__(27558);
;// CONCATENATED MODULE: ./src/tidb/log-line.ts
// One line of PingCAP tool output (Lightning, Dumpling, DM), parsed without ever throwing.
//
// The zap text format of pingcap/log's text encoder (pingcap/log zap_text_encoder.go):
//   [2022/12/31 19:30:49.653 +08:00] [INFO] [restore.go:476] ["the whole procedure completed"] [takeTime=20m24s] []
// A message, key or value is quoted only when it holds a space, a control byte or one of `\ " [ ] =`; inside quotes
// `"` and `\` are backslash-escaped and newlines are `\n`. Skipped fields print as an empty `[]`.
//
// Lines captured from public CI logs, issues and docs are damaged in ways the parser tolerates: CI timestamp prefixes
// (`[2021-03-03T12:47:42.790Z] `), docker-compose prefixes (`svc-0  | `), list indentation, a stray backquote,
// docs that drop the timestamp (`[INFO] [x.go:1] …`), typographic quotes “ ”, markdown `**` between fields, lines
// cut at terminal width (unterminated quotes), and the 2019 plain-text format
// (`2019/04/19 10:57:24.508  [info] progress: …`).
const CI_PREFIX = /^\[\d{4}-\d\d-\d\dT[^\]]{0,40}\] ?/;
const DOCKER_PREFIX = /^[A-Za-z0-9][\w.-]*\s+\| /;
/**
 * Removes what CI systems, docker-compose, markdown and terminals add around a tool's line: leading indentation,
 * a stray backquote, `[2021-03-03T12:47:42.790Z] `, `service-0  | `, and trailing padding or `\r`.
 */
function stripLinePrefix(line) {
    let s = line;
    const first = s.charCodeAt(0);
    if (first === 0x20 || first === 0x09 || first === 0x60 /* ` */) {
        s = s.trimStart();
        if (s.charCodeAt(0) === 0x60)
            s = s.slice(1);
    }
    // A zap time is `[2006/01/02 …`; a CI prefix is `[2006-01-02T…`: position 5 tells them apart cheaply.
    if (s.charCodeAt(0) === 0x5b && s.charCodeAt(5) === 0x2d)
        s = s.replace(CI_PREFIX, '');
    else if (s.charCodeAt(0) !== 0x5b && s.includes(' | '))
        s = s.replace(DOCKER_PREFIX, '');
    const last = s.charCodeAt(s.length - 1);
    if (last === 0x20 || last === 0x0d || last === 0x09)
        s = s.trimEnd();
    return s;
}
/** Replaces typographic double quotes (pasted logs) with ASCII ones. */
function normaliseQuotes(s) {
    return s.includes('\u201c') || s.includes('\u201d') ? s.replace(/[\u201c\u201d]/g, '"') : s;
}
function log_line_unescape(raw) {
    if (!raw.includes('\\'))
        return raw;
    return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_all, e) => {
        switch (e) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case '"':
            case '\\':
                return e;
            default:
                return e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : `\\${e}`;
        }
    });
}
/** Cursor over one line. `cut` is set when the line ends inside a token. */
class Scanner {
    s;
    i = 0;
    cut = false;
    constructor(s) {
        this.s = s;
    }
    /** Reads a token ending at one of `stops` (or the end of the line); quoted tokens end at their closing quote. */
    token(stops) {
        const s = this.s;
        if (s.charCodeAt(this.i) === 0x22) {
            let j = this.i + 1;
            while (j < s.length) {
                const c = s.charCodeAt(j);
                if (c === 0x5c)
                    j += 2;
                else if (c === 0x22)
                    break;
                else
                    j++;
            }
            const raw = s.slice(this.i + 1, Math.min(j, s.length));
            if (j >= s.length)
                this.cut = true;
            this.i = Math.min(j + 1, s.length);
            return log_line_unescape(raw);
        }
        let j = this.i;
        while (j < s.length && !stops.includes(s[j] ?? ''))
            j++;
        const raw = s.slice(this.i, j);
        this.i = j;
        return raw;
    }
    /** Consumes `c` if it is next. */
    eat(c) {
        if (this.s[this.i] !== c)
            return false;
        this.i++;
        return true;
    }
    /** Skips to the next `[` (past spaces, markdown `**` and other junk); false at the end of the line. */
    toBracket() {
        const j = this.s.indexOf('[', this.i);
        if (j < 0)
            return false;
        this.i = j + 1;
        return true;
    }
}
const LEVEL = /^[A-Za-z]{4,6}$/;
function plain(line) {
    return {
        format: 'plain',
        time: undefined,
        level: undefined,
        caller: undefined,
        message: line,
        fields: Object.create(null),
        truncated: false
    };
}
function parseFields(sc, fields) {
    while (!sc.cut && sc.toBracket()) {
        if (sc.eat(']'))
            continue; // a skipped field: `[]`
        const key = sc.token('=]');
        const value = sc.eat('=') ? sc.token(']') : '';
        fields[key] = value;
        if (!sc.cut && !sc.eat(']')) {
            sc.cut = true;
            return;
        }
    }
}
function parseZap(s) {
    const sc = new Scanner(s);
    sc.i = 1;
    let time;
    let first = sc.token(']');
    if (/^\d{4}\/\d\d\/\d\d/.test(first)) {
        time = first;
        if (!sc.eat(']') || !sc.toBracket())
            return undefined;
        first = sc.token(']');
    }
    if (!LEVEL.test(first) || !sc.eat(']') || !sc.toBracket())
        return undefined;
    let caller;
    // The caller is never quoted; a quoted token here is the message of a line without a caller.
    if (s[sc.i] !== '"') {
        const token = sc.token(']');
        if (!sc.eat(']'))
            return undefined;
        if (sc.s.startsWith(' [', sc.i) || sc.i >= s.length) {
            caller = token;
            if (!sc.toBracket()) {
                return { ...plain(s), format: 'zap', time, level: first.toUpperCase(), caller, message: '' };
            }
        }
        else {
            return undefined;
        }
    }
    const message = sc.token(']');
    const fields = Object.create(null);
    let truncated = sc.cut;
    if (!truncated && !sc.eat(']'))
        truncated = true;
    if (!truncated) {
        parseFields(sc, fields);
        truncated = sc.cut;
    }
    return { format: 'zap', time, level: first.toUpperCase(), caller, message, fields, truncated };
}
const TEXT_2019 = /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?)\s+\[([a-zA-Z]+)\]\s?(.*)$/s;
/**
 * Parses one line of tool output. Never throws: unknown shapes come back as `plain` with the whole line as the
 * message.
 */
function parseLogLine(line) {
    const s = normaliseQuotes(stripLinePrefix(line));
    if (s.charCodeAt(0) === 0x5b)
        return parseZap(s) ?? plain(s);
    const c = s.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) {
        const m = TEXT_2019.exec(s);
        if (m) {
            return {
                ...plain(m[3] ?? ''),
                format: 'text',
                time: m[1],
                level: (m[2] ?? '').toUpperCase()
            };
        }
    }
    return plain(s);
}
/** `` `db`.`tbl` `` (backticks doubled inside names) or `db.tbl` → its parts; undefined when it is neither. */
function parseQualifiedName(text) {
    const quoted = /^`((?:[^`]|``)*)`\.`((?:[^`]|``)*)`$/.exec(text);
    if (quoted) {
        return {
            database: (quoted[1] ?? '').replace(/``/g, '`'),
            table: (quoted[2] ?? '').replace(/``/g, '`')
        };
    }
    const dot = text.indexOf('.');
    if (dot <= 0 || dot === text.length - 1 || text.includes('`'))
        return undefined;
    return { database: text.slice(0, dot), table: text.slice(dot + 1) };
}
/**
 * Finds the level and message of a zap line (`s` starts with `[`) with a few `indexOf` calls, so monitors can
 * skip uninteresting lines without parsing them. False when the line is not zap-shaped.
 */
function locateZapHead(s, out) {
    let p = 1;
    const c1 = s.charCodeAt(1);
    if (c1 >= 0x30 && c1 <= 0x39) {
        const end = s.indexOf('] [', 1);
        if (end < 0)
            return false;
        p = end + 3;
    }
    const levelEnd = s.indexOf(']', p);
    const c = s.charCodeAt(p);
    if (levelEnd - p < 4 || levelEnd - p > 6 || c < 0x41 || c > 0x5a)
        return false;
    out.levelAt = p;
    if (s.charCodeAt(levelEnd + 1) !== 0x20 || s.charCodeAt(levelEnd + 2) !== 0x5b)
        return false;
    let m = levelEnd + 3;
    const q = s.charCodeAt(m);
    if (q !== 0x22 && q !== 0x201c) {
        // The caller (`file.go:123`); the message follows it.
        const callerEnd = s.indexOf('] [', m);
        if (callerEnd < 0)
            return false;
        m = callerEnd + 3;
    }
    out.messageAt = m;
    return true;
}
/** Whether the level at `at` (from locateZapHead) is ERROR, FATAL or PANIC. */
function isErrorLevelAt(s, at) {
    const c = s.charCodeAt(at);
    return ((c === 0x45 && s.startsWith('ERROR]', at)) ||
        (c === 0x46 && s.startsWith('FATAL]', at)) ||
        (c === 0x50 && s.startsWith('PANIC]', at)));
}
/**
 * A copy of `s` that does not keep its source alive. V8 represents a slice of a long string as a view of it, so a
 * table name kept from a line keeps the whole 1 MiB read chunk the line came from; a report that accumulates
 * values over a long log must store copies. JSON round-tripping copies exactly (lone surrogates included).
 */
function detach(s) {
    return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}

;// CONCATENATED MODULE: ./src/tidb/lightning/progress.ts
// Lightning's periodic `progress` line, in every shape it has had (pingcap/tidb
// lightning/pkg/importer/import.go and the older tidb-lightning restore.go):
//   current  [progress] [total=57.2%] [tables="7/9 (77.8%)"] [chunks="2642/4247 (62.2%)"] [engines="17/27 (63.0%)"]
//            [restore-bytes=1.2GiB/3.4GiB] [restore-rows=123/456(estimated)] [import-bytes=…(estimated)]
//            ["encode speed(MiB/s)"=53.6] [state=writing] [remaining=52m21s]
//   v4.0     [progress] [files="4193/4033 (104.0%)"] [tables="6/10 (60.0%)"] [speed(MiB/s)=90.4] [state=…]
//   2019     progress: 288/314 chunks (91.7%), 0/1 tables (0.0%), speed 59.42 MiB/s, remaining 1m48s
// Absent fields print as `[]` and stay undefined here. Values can exceed 100 % (real v4 output did).

function ratio(v) {
    return v === undefined ? undefined : parseRatio(v);
}
/** Builds a progress record from the fields of a zap `progress` line. */
function progressFromFields(fields, time) {
    const total = fields['total'];
    const speed = fields['encode speed(MiB/s)'] ?? fields['speed(MiB/s)'];
    const remaining = fields['remaining'];
    return {
        time,
        totalPercent: total === undefined ? undefined : parsePercent(total),
        tables: ratio(fields['tables']),
        chunks: ratio(fields['chunks']),
        engines: ratio(fields['engines']),
        files: ratio(fields['files']),
        restoreBytes: ratio(fields['restore-bytes']),
        restoreRows: ratio(fields['restore-rows']),
        importBytes: ratio(fields['import-bytes']),
        speedMiBs: speed === undefined ? undefined : parseDecimal(speed),
        state: fields['state'],
        remaining,
        remainingMs: remaining === undefined ? undefined : parseGoDuration(remaining)
    };
}
const TEXT_PROGRESS = /^progress: (\d+)\/(\d+) chunks \([\d.]+%\), (\d+)\/(\d+) tables \([\d.]+%\)(?:, speed ([\d.]+) MiB\/s)?(?:, remaining (\S+))?/;
/** Builds a progress record from a 2019 plain-text `progress: …` message, or undefined if it is not one. */
function progressFromText(message, time) {
    const m = TEXT_PROGRESS.exec(message);
    if (!m)
        return undefined;
    const pair = (a, b) => ({
        done: Number(a),
        total: Number(b),
        estimated: false
    });
    const chunks = pair(m[1], m[2]);
    return {
        time,
        totalPercent: chunks.total > 0 ? Math.round((chunks.done / chunks.total) * 1000) / 10 : undefined,
        tables: pair(m[3], m[4]),
        chunks,
        engines: undefined,
        files: undefined,
        restoreBytes: undefined,
        restoreRows: undefined,
        importBytes: undefined,
        speedMiBs: m[5] === undefined ? undefined : Number(m[5]),
        state: undefined,
        remaining: m[6],
        remainingMs: m[6] === undefined ? undefined : parseGoDuration(m[6])
    };
}
/** A short human line for a heartbeat: `57.2% · tables 7/9 · 1.20/3.40 GiB · 123/456 rows · writing · ~52m21s`. */
function formatProgress(p) {
    const parts = [];
    if (p.totalPercent !== undefined)
        parts.push(`${p.totalPercent.toFixed(1)}%`);
    if (p.tables)
        parts.push(`tables ${p.tables.done}/${p.tables.total}`);
    const bytes = p.restoreBytes;
    if (bytes) {
        const gib = (n) => (n / 1024 ** 3).toFixed(2);
        parts.push(`${gib(bytes.done)}/${gib(bytes.total)} GiB`);
    }
    const rows = p.restoreRows;
    if (rows)
        parts.push(`${rows.done}/${rows.estimated ? '~' : ''}${rows.total} rows`);
    if (p.speedMiBs !== undefined)
        parts.push(`${p.speedMiBs.toFixed(1)} MiB/s`);
    if (p.state !== undefined)
        parts.push(p.state);
    if (p.remaining !== undefined)
        parts.push(`~${p.remaining} left`);
    return parts.join(' · ');
}

;// CONCATENATED MODULE: ./src/tidb/tool-outcome.ts
// What the Dumpling and Lightning monitors conclude from a finished run. Both tools can exit 0 without having done
// their job (Lightning when cancelled or when its status port is busy), so a verdict always combines the exit code
// with the tool's own success line (Lightning: `the whole procedure completed`, pingcap/tidb
// lightning/pkg/importer/import.go; Dumpling: `dump data successfully`, dumpling/cmd/dumpling/main.go).
/** Renders a parsed error line in one line, keeping the tool's wording. */
function describeLogLine(parsed) {
    if (parsed.format === 'plain')
        return parsed.message;
    const error = parsed.fields['error'];
    const table = parsed.fields['table'];
    const where = table === undefined ? '' : ` (${table})`;
    if (error === undefined || error === '')
        return `${parsed.message}${where}`;
    if (parsed.message === '')
        return error;
    return `${parsed.message}${where}: ${error}`;
}
/** The message used when a tool gives no reason for a non-zero exit. */
function exitMessage(tool, exitCode, lastLine) {
    const how = exitCode === null ? 'was killed by a signal' : `exited with code ${exitCode}`;
    return lastLine === undefined
        ? `${tool} ${how} without printing an error`
        : `${tool} ${how}; its last output line: ${lastLine}`;
}

;// CONCATENATED MODULE: ./src/tidb/lightning/messages.ts



const CTL_COMMAND = /\.\/tidb-lightning-ctl --checkpoint-[a-z-]+=(?:'[^']*'|[^\s`,"']+)(?: --config=\.\.\.)?/g;
const cancelled = (r) => {
    r.gotSignal = true;
};
const adviceIfMentioned = (r, line, raw) => {
    if (raw.includes('tidb-lightning-ctl') || raw.includes('failed last time')) {
        checkpointAdvice(r, line());
    }
};
/**
 * Quoted messages the monitor acts on, by the start of the text after the opening quote (a closing `"` in the
 * prefix means the whole message). `T` and `Y` are the checkpoint refusals ("TiDB Lightning has failed last
 * time…", "You may…"), checked further by the action.
 */
const ON_QUOTED = [
    [
        'the whole procedure start',
        (r) => {
            r.procedureStarted = true;
        }
    ],
    [
        'the whole procedure completed',
        (r) => {
            r.procedureCompleted = true;
        }
    ],
    [
        'the whole procedure failed',
        (r, line) => {
            r.procedureFailed = line().fields['error'] ?? 'the whole procedure failed';
        }
    ],
    [
        'tidb lightning exit"',
        (r, line) => {
            r.exitLogged = true;
            const finished = line().fields['finished'];
            if (finished !== undefined)
                r.exitFinished = finished === 'true';
        }
    ],
    [
        'tidb lightning encountered error"',
        (r, line) => {
            r.encounteredError = line().fields['error'];
        }
    ],
    // The fatal error's log line since v6.5 (pingcap/tidb lightning/cmd/tidb-lightning/main.go logs it with
    // zap.Error, i.e. `error` and `errorVerbose`); before, br/cmd/tidb-lightning/main.go logged it next to the
    // `tidb lightning encountered error` line above.
    [
        'tidb lightning encountered error stack info"',
        (r, line) => {
            r.encounteredError ??= line().fields['error'];
        }
    ],
    ['task canceled"', cancelled],
    ['got signal to exit"', cancelled],
    [
        'run failed"',
        (r, line) => {
            r.runFailed = line().fields['error'] ?? 'run failed';
        }
    ],
    ['restore table completed"', (r, line) => tableCompleted(r, line())],
    [
        'checksum pass"',
        (r, line) => {
            const f = line().fields;
            r.checksums.push({
                table: detach(f['table'] ?? ''),
                ok: true,
                detail: detach(f['local'] ?? '')
            });
        }
    ],
    ['T', adviceIfMentioned],
    ['Y', adviceIfMentioned]
];
/** The prefixes of {@link ON_QUOTED}. */
const MONITORED_MESSAGES = ON_QUOTED.map(([prefix]) => prefix);
/** First characters of the prefixes: most lines are turned down on one comparison. */
const QUOTED_FIRST = new Set(MONITORED_MESSAGES.map((p) => p.charCodeAt(0)));
/** Records a mismatch once per table: the error summary repeats what the failing step logged. */
function checksumMismatch(r, table, detail) {
    if (r.checksums.some((c) => !c.ok && c.table === table))
        return;
    r.checksums.push({ table: detach(table), ok: false, detail: detach(detail) });
}
/** Collects the tool's checkpoint refusal and the `tidb-lightning-ctl` commands it suggests. */
function checkpointAdvice(r, parsed) {
    const text = [parsed.message, ...Object.values(parsed.fields)].join(' ');
    const found = text.match(CTL_COMMAND) ?? [];
    const mentionsRefusal = text.includes('failed last time') || text.includes('illegal checkpoints');
    if (found.length === 0 && !mentionsRefusal)
        return;
    const prev = r.checkpoint;
    const commands = [...(prev?.commands ?? [])];
    for (const cmd of found)
        if (!commands.includes(cmd))
            commands.push(cmd);
    const message = prev?.message ?? (mentionsRefusal ? describeLogLine(parsed) : '');
    r.checkpoint = { message, commands };
}
function tableCompleted(r, parsed) {
    const f = parsed.fields;
    const table = f['table'] ?? '';
    const name = parseQualifiedName(table);
    const rows = f['rows'] === undefined ? undefined : parseDecimal(f['rows']);
    const take = f['takeTime'] === undefined ? undefined : parseGoDuration(f['takeTime']);
    r.tablesCompleted.push({
        table: detach(table),
        name: name && { database: detach(name.database), table: detach(name.table) },
        rows,
        takeMs: take
    });
}

;// CONCATENATED MODULE: ./src/tidb/lightning/log.ts
// Streams TiDB Lightning's output — its log file and its stdout/stderr — line by line and keeps what the import
// phase needs: the latest progress, the success and failure markers, the checkpoint advice and the first error.
// The lines are those of pingcap/tidb lightning/cmd/tidb-lightning/main.go, lightning/pkg/importer/import.go and
// pkg/lightning/log/log.go; the tests read captured runs.
//
// Hot path: a Lightning log at INFO holds millions of lines the action does not care about (chunk and engine
// lines). Those of the log file are turned down as bytes before they are decoded (prefilter.ts, counted by
// `skip`); for the rest, `push` locates the level and message of a zap line with a few indexOf calls and compares
// the start of the message against the table of messages.ts; only the lines it knows are parsed in full.






const UNKNOWN_OPTIONS = 'unknown configuration options: ';
/** Feed every output line of one Lightning run to `push`; ask `verdict` once the process has exited. */
class LightningMonitor {
    r = {
        lines: 0,
        progress: undefined,
        procedureStarted: false,
        procedureCompleted: false,
        procedureFailed: undefined,
        runFailed: undefined,
        exitLogged: false,
        exitFinished: undefined,
        stdoutSuccess: false,
        stdoutCanceled: false,
        gotSignal: false,
        encounteredError: undefined,
        checkpoint: undefined,
        unknownOptions: undefined,
        httpServerError: undefined,
        checksums: [],
        tablesCompleted: [],
        verboseLogFile: undefined,
        firstError: undefined,
        lastPlainLine: undefined
    };
    head = { levelAt: 0, messageAt: 0 };
    /** What has been seen so far (a live view; copy it if you keep it). */
    get report() {
        return this.r;
    }
    /** Consumes one line (without its newline) from the log file, stdout or stderr. Never throws. */
    push(line) {
        this.r.lines++;
        let s = line;
        // Zap lines start with `[2`; anything else may carry a CI, docker or indentation prefix.
        if (s.charCodeAt(0) !== 0x5b || s.charCodeAt(5) === 0x2d)
            s = stripLinePrefix(s);
        if (s.length === 0)
            return;
        if (s.charCodeAt(0) === 0x5b && locateZapHead(s, this.head))
            this.zapLine(s);
        else
            this.plainLine(normaliseQuotes(s.trimEnd()));
    }
    /** Counts a line the log file's byte-level filter turned down (prefilter.ts): one `push` would ignore. */
    skip() {
        this.r.lines++;
    }
    zapLine(raw) {
        let s = raw;
        const m = this.head.messageAt;
        let c = s.charCodeAt(m);
        if (c === 0x201c) {
            s = normaliseQuotes(s); // same length: positions stay valid
            c = 0x22;
        }
        let parsed;
        const get = () => (parsed ??= parseLogLine(s));
        const r = this.r;
        if (c === 0x70 && s.startsWith('progress]', m)) {
            r.progress = progressFromFields(get().fields, get().time);
        }
        else if (c === 0x2d && s.startsWith('-]', m)) {
            this.dashLine(get());
        }
        else if (c === 0x22 && QUOTED_FIRST.has(s.charCodeAt(m + 1))) {
            const act = ON_QUOTED.find(([prefix]) => s.startsWith(prefix, m + 1));
            act?.[1](r, get, s);
        }
        if (isErrorLevelAt(s, this.head.levelAt))
            this.errorLine(get(), s);
    }
    plainLine(s) {
        if (s.length === 0)
            return;
        const r = this.r;
        r.lastPlainLine = s;
        const c = s.charCodeAt(0);
        if (c >= 0x30 && c <= 0x39) {
            const parsed = parseLogLine(s);
            if (parsed.format === 'text') {
                const p = progressFromText(parsed.message, parsed.time);
                if (p)
                    r.progress = p;
                if (parsed.level === 'ERROR' || parsed.level === 'FATAL')
                    this.errorLine(parsed, s);
                return;
            }
        }
        if (s.startsWith('tidb lightning ')) {
            if (s.startsWith('exit successfully', 15))
                r.stdoutSuccess = true;
            else if (s.startsWith('canceled', 15))
                r.stdoutCanceled = true;
            else if (s.startsWith('encountered error:', 15)) {
                r.encounteredError = s.slice(33).trim();
                this.errorLine(parseLogLine(s), s);
            }
        }
        else if (s.startsWith('Verbose debug logs will be written to ')) {
            r.verboseLogFile = s.slice(38).trim();
        }
        else if (s.startsWith('failed to start HTTP server: ')) {
            r.httpServerError = s;
            this.errorLine(parseLogLine(s), s);
        }
        else if (s.startsWith('Error: ') ||
            s.startsWith('[Lightning:') ||
            s.startsWith('Root cause: ') ||
            s.includes(UNKNOWN_OPTIONS)) {
            this.errorLine(parseLogLine(s), s);
        }
    }
    errorLine(parsed, line) {
        const r = this.r;
        const text = describeLogLine(parsed);
        r.firstError ??= { text, line };
        const at = text.indexOf(UNKNOWN_OPTIONS);
        if (at >= 0 && r.unknownOptions === undefined) {
            const keys = text.slice(at + UNKNOWN_OPTIONS.length).split(/\\n|\n/)[0] ?? '';
            r.unknownOptions = keys
                .split(',')
                .map((k) => k.trim())
                .filter((k) => k !== '');
        }
        if (text.includes('checksum mismatched')) {
            checksumMismatch(this.r, parsed.fields['table'] ?? '', text);
        }
        if (text.includes('failed last time') || text.includes('illegal checkpoints')) {
            checkpointAdvice(this.r, parsed);
        }
    }
    /** `[-] [table=…] [status=18] [failedStep=checksum] [recommendedAction="./tidb-lightning-ctl …"]` lines. */
    dashLine(parsed) {
        const f = parsed.fields;
        if (f['recommendedAction'] !== undefined)
            checkpointAdvice(this.r, parsed);
        const error = f['error'];
        if (error?.includes('checksum mismatched'))
            checksumMismatch(this.r, f['table'] ?? '', error);
    }
    /**
     * The run's outcome once the process has exited (`exitCode` null when it was killed by a signal). Succeeded
     * only on exit 0 with `tidb lightning exit successfully` or `the whole procedure completed`; exit 0 after a
     * signal is a cancel; everything else fails with the tool's first error line.
     */
    verdict(exitCode) {
        const r = this.r;
        const advice = checkpointAdviceLines(r.checkpoint);
        const cancelled = r.stdoutCanceled || r.gotSignal || r.exitFinished === false;
        if (exitCode === 0 && r.httpServerError === undefined && r.procedureFailed === undefined) {
            if (r.stdoutSuccess)
                return { outcome: 'succeeded', message: 'tidb lightning exit successfully', advice };
            if (cancelled) {
                const message = r.stdoutCanceled ? 'tidb lightning canceled' : 'got signal to exit';
                return { outcome: 'cancelled', message, advice };
            }
            if (r.procedureCompleted) {
                return { outcome: 'succeeded', message: 'the whole procedure completed', advice };
            }
        }
        if (exitCode === null && cancelled && r.firstError === undefined) {
            return { outcome: 'cancelled', message: 'got signal to exit', advice };
        }
        const message = r.firstError?.text ??
            r.encounteredError ??
            (exitCode === 0
                ? 'tidb-lightning exited 0 without "the whole procedure completed" or "tidb lightning exit successfully"'
                : exitMessage('tidb-lightning', exitCode, r.lastPlainLine));
        return { outcome: 'failed', message, advice };
    }
}
function checkpointAdviceLines(cp) {
    if (cp === undefined)
        return [];
    return [
        'TiDB Lightning keeps checkpoints of a failed import and refuses to run again until they are cleared.',
        ...cp.commands.map((c) => `Suggested by the tool: ${c}`)
    ];
}

// EXTERNAL MODULE: ./src/util/lines.ts
var lines = __webpack_require__(70895);
;// CONCATENATED MODULE: ./src/util/file-tail.ts
// Following a log file while another process writes it (`tail -F`), for TiDB Lightning's log: hours long, gigabytes,
// rotated by size (lumberjack renames the full file away and starts a new one under the same name).
//
// Hot path (the bench's log-parsing goal: ≥ 200 MiB/s, ≤ 64 MiB RSS): a fixed 64 KiB read buffer, native `indexOf`
// for newlines, and either one UTF-8 decode per chunk of whole lines (a newline byte never occurs inside a multi-byte
// sequence, so a chunk cut at its last newline decodes exactly) with string slices per line, or — with a LineFilter —
// a decode of only the lines the filter wants. Only the bytes after the last newline are copied and carried to the
// next read, capped at the longest line kept. The lines handed out may be slices of the chunk string: a consumer that
// keeps one beyond the call should copy it (log-line.ts `detach`).


/** Splits bytes into lines: `\n` ends a line, a `\r` before it is dropped, over-long lines are cut with a note. */
class ByteLineSplitter {
    onLine;
    maxLineLength;
    filter;
    partial = [];
    partialBytes = 0;
    dropped = 0;
    /**
     * @param onLine receives each line without its ending
     * @param maxLineLength longest line kept, in bytes of the carried part and characters of the rest
     * @param filter when given, each line is offered to it as bytes first and decoded only if it is wanted
     */
    constructor(onLine, maxLineLength = lines/* DEFAULT_MAX_LINE_LENGTH */.x$, filter) {
        this.onLine = onLine;
        this.maxLineLength = maxLineLength;
        this.filter = filter;
    }
    /** Feeds `buf[start, end)`. The bytes are copied where kept, so the caller may reuse `buf`. */
    push(buf, start = 0, end = buf.length) {
        let from = start;
        if (this.partialBytes > 0 || this.dropped > 0) {
            const nl = buf.indexOf(0x0a, from);
            if (nl === -1 || nl >= end) {
                this.carry(buf, from, end);
                return;
            }
            this.carry(buf, from, nl);
            this.emitCarried();
            from = nl + 1;
        }
        if (this.filter === undefined) {
            const last = buf.lastIndexOf(0x0a, end - 1);
            if (last >= from) {
                this.emitText(buf.toString('utf8', from, last));
                from = last + 1;
            }
        }
        else {
            for (let nl = buf.indexOf(0x0a, from); nl !== -1 && nl < end; nl = buf.indexOf(0x0a, from)) {
                this.emitBytes(buf, from, nl, this.filter);
                from = nl + 1;
            }
        }
        if (from < end)
            this.carry(buf, from, end);
    }
    /** Emits a last line that had no newline. */
    end() {
        if (this.partialBytes > 0 || this.dropped > 0)
            this.emitCarried();
    }
    emitText(text) {
        let at = 0;
        for (;;) {
            const nl = text.indexOf('\n', at);
            this.emit(nl === -1 ? text.slice(at) : text.slice(at, nl));
            if (nl === -1)
                return;
            at = nl + 1;
        }
    }
    emitBytes(buf, start, end, filter) {
        if (filter.wants(buf, start, end))
            this.emit(buf.toString('utf8', start, end));
        else
            filter.skipped();
    }
    emit(line) {
        let l = line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line;
        if (l.length > this.maxLineLength) {
            l = `${l.slice(0, this.maxLineLength)} … [line cut: ${l.length - this.maxLineLength} more characters]`;
        }
        this.onLine(l);
    }
    carry(buf, from, to) {
        const room = this.maxLineLength - this.partialBytes;
        const take = Math.max(0, Math.min(room, to - from));
        if (take > 0) {
            this.partial.push(Buffer.from(buf.subarray(from, from + take)));
            this.partialBytes += take;
        }
        this.dropped += to - from - take;
    }
    emitCarried() {
        const bytes = Buffer.concat(this.partial, this.partialBytes);
        const dropped = this.dropped;
        this.partial = [];
        this.partialBytes = 0;
        this.dropped = 0;
        if (this.filter?.wants(bytes, 0, bytes.length) === false) {
            this.filter.skipped();
            return;
        }
        let line = bytes.toString('utf8');
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        if (dropped > 0)
            line += ` … [line cut: ${dropped} more bytes]`;
        this.onLine(line);
    }
}
const DEFAULT_CHUNK_BYTES = 64 * 1024;
/**
 * Follows a file from its start, handing each complete line to `onLine` as it is written, until {@link stop}. The
 * file may not exist yet (it is waited for), may be rotated (the old file is read to its end, then the new one from
 * its start) or truncated (read again from the start).
 */
class FileTailer {
    file;
    splitter;
    /** Two buffers: the next chunk is read into one while the lines of the other are handed out. */
    buffers;
    current = 0;
    /** The read of the next chunk, started before the current one was split (see readSome). */
    pending;
    intervalMs;
    handle;
    inode = -1;
    position = 0;
    stopping = false;
    loop;
    wake;
    total = 0;
    /**
     * @param file the path to follow
     * @param onLine receives each line; an exception from it stops the tailer and is rethrown by {@link stop}
     */
    constructor(file, onLine, opts = {}) {
        this.file = file;
        this.splitter = new ByteLineSplitter(onLine, opts.maxLineLength, opts.filter);
        const size = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
        this.buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
        this.intervalMs = opts.intervalMs ?? 250;
    }
    /** Bytes read so far, over every file followed. */
    get bytesRead() {
        return this.total;
    }
    /** Starts following (once). */
    start() {
        this.loop ??= this.run();
        return this;
    }
    /**
     * Reads what is left to the end of the file, emits a last unterminated line, and stops. Call it once the writer
     * has exited, so nothing it wrote is missed.
     */
    async stop() {
        this.start();
        this.stopping = true;
        this.wake?.();
        await this.loop;
    }
    async run() {
        try {
            for (;;) {
                const stopping = this.stopping;
                const n = await this.readSome();
                if (n > 0)
                    continue;
                if (await this.switchedFile())
                    continue;
                if (stopping)
                    break;
                await new Promise((resolve) => {
                    this.wake = resolve;
                    setTimeout(resolve, this.intervalMs);
                });
                this.wake = undefined;
            }
            this.splitter.end();
        }
        finally {
            await this.pending?.catch(() => undefined); // a read in flight must end before its handle closes
            this.pending = undefined;
            await this.handle?.close().catch(() => undefined);
            this.handle = undefined;
        }
    }
    /**
     * Reads one chunk from the current file; 0 at its end or when there is no file yet. After a chunk with data, the
     * read of the next one starts before this one is split into lines, so the disk read (on libuv's thread pool)
     * overlaps the parsing instead of alternating with it: ~1.3× the throughput on a long log. The prefetched read
     * is always taken by the next call: a chunk with data is followed by another call before any switch of file.
     */
    async readSome() {
        if (this.handle === undefined && !(await this.open()))
            return 0;
        const handle = this.handle;
        const buffer = this.buffers[this.current];
        const read = this.pending ?? handle.read(buffer, 0, buffer.length, this.position);
        this.pending = undefined;
        const { bytesRead } = await read;
        if (bytesRead > 0) {
            this.position += bytesRead;
            this.total += bytesRead;
            this.current ^= 1;
            const next = this.buffers[this.current];
            this.pending = handle.read(next, 0, next.length, this.position);
            this.splitter.push(buffer, 0, bytesRead);
        }
        return bytesRead;
    }
    async open() {
        try {
            this.handle = await external_node_fs_.promises.open(this.file, 'r');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return false;
            throw e;
        }
        this.inode = (await this.handle.stat()).ino;
        this.position = 0;
        return true;
    }
    /**
     * At the end of the current file: whether the path now names another file (rotation) or a shorter one
     * (truncation); then reading continues there from the start.
     */
    async switchedFile() {
        if (this.handle === undefined)
            return false;
        let stat;
        try {
            stat = await external_node_fs_.promises.stat(this.file);
        }
        catch {
            return false; // renamed away and not yet recreated: keep the old one until a new one appears
        }
        if (stat.ino !== this.inode) {
            // Rotated. The writer may have added lines to the old file between our last read and the rename; it writes
            // only to the new one after it, so read the old one to its end now, then follow the new one from its start.
            while ((await this.readSome()) > 0)
                ;
            await this.handle.close();
            this.handle = undefined;
            return this.open();
        }
        if (stat.size < this.position) {
            this.position = 0;
            return true;
        }
        return false;
    }
}

;// CONCATENATED MODULE: ./src/tidb/lightning/echo.ts
// Which lines of Lightning's log file the import phase shows in its log. Kept apart from run.ts (which
// pulls in the process runner) so the log-parsing benchmark loads only the hot path: file-tail.ts, LightningMonitor
// and this.

/** Messages (after their opening quote) of INFO lines worth showing. */
const ECHOED_MESSAGES = [
    'the whole procedure',
    'load data source',
    'restore all schema',
    'restore table completed',
    'restore all tables data',
    'checksum pass',
    'clean checkpoints',
    'tidb lightning exit',
    'got signal to exit',
    'task canceled'
];
const MILESTONE_FIRST = new Set(ECHOED_MESSAGES.map((m) => m.charCodeAt(0)));
/**
 * Whether a log-file line goes to the phase log: anything above INFO, progress, and the milestones. Located with
 * indexOf and char codes, not parsed: the log of a big import has millions of lines.
 */
function isWorthEchoing(line, head) {
    if (line.charCodeAt(0) !== 0x5b || !locateZapHead(line, head))
        return line.trim() !== '';
    if (!line.startsWith('INFO]', head.levelAt) && !line.startsWith('DEBUG]', head.levelAt)) {
        return true;
    }
    const m = head.messageAt;
    const c = line.charCodeAt(m);
    if (c === 0x70)
        return line.startsWith('progress]', m);
    if (c !== 0x22 || !MILESTONE_FIRST.has(line.charCodeAt(m + 1)))
        return false;
    return ECHOED_MESSAGES.some((text) => line.startsWith(text, m + 1));
}

;// CONCATENATED MODULE: ./src/tidb/lightning/prefilter.ts
// Which lines of Lightning's log file are worth decoding at all. At INFO the log of a big import has a few lines per
// data chunk — millions — that neither the monitor nor the echo acts on; turning them down as bytes, before a string
// is made of them, is what keeps the parser's heap (and the young generation V8 sizes to the allocation rate) small
// on a multi-GiB log (the bench's log-parsing goal: ≤ 64 MiB RSS).
//
// The test locates the timestamp, level, caller and message exactly as locateZapHead (log-line.ts) does on text; the
// delimiters are ASCII, and a UTF-8 multi-byte sequence never contains an ASCII byte, so bytes and text agree. It
// turns a line down only when it is sure: a zap line at INFO or DEBUG whose quoted message starts with none of the
// prefixes the monitor (messages.ts) or the echo (echo.ts) look for. Anything else — other
// levels, unquoted messages (`[progress]`, `[-]`), typographic quotes, prefixes, damaged lines — is decoded and
// goes through the full parser.


/** The prefixes, grouped by first byte. */
const BY_FIRST_BYTE = (() => {
    const groups = Array.from({ length: 256 }, () => []);
    for (const prefix of new Set([...MONITORED_MESSAGES, ...ECHOED_MESSAGES])) {
        const bytes = Buffer.from(prefix);
        groups[bytes[0] ?? 0]?.push(bytes);
    }
    return groups;
})();
const INFO = Buffer.from('INFO] [');
const DEBUG = Buffer.from('DEBUG] [');
/** Whether `buf[at, end)` starts with `text`. */
function startsWith(buf, at, end, text) {
    if (end - at < text.length)
        return false;
    for (let i = 0; i < text.length; i++)
        if (buf[at + i] !== text[i])
            return false;
    return true;
}
/** The index just after the next `] [` in `buf[from, end)`, or -1. */
function afterNextField(buf, from, end) {
    for (let i = from; i < end - 2; i++) {
        if (buf[i] === 0x5d && buf[i + 1] === 0x20 && buf[i + 2] === 0x5b)
            return i + 3;
    }
    return -1;
}
function isDigit(c) {
    return c !== undefined && c >= 0x30 && c <= 0x39;
}
/**
 * Whether the log-file line `buf[start, end)` must be decoded and handed to the run's line sink; false only for a
 * zap line at INFO or DEBUG whose quoted message no consumer acts on.
 */
function lightningLineWanted(buf, start, end) {
    // `[2006/01/02 15:04:05.000 +00:00] [INFO] [caller.go:1] ["message"] [key=value]…`
    if (buf[start] !== 0x5b || buf[start + 5] !== 0x2f)
        return true;
    if (!isDigit(buf[start + 1]) || !isDigit(buf[start + 2]) || !isDigit(buf[start + 3]))
        return true;
    if (!isDigit(buf[start + 4]))
        return true;
    const level = afterNextField(buf, start + 1, end);
    if (level < 0)
        return true;
    let message;
    if (startsWith(buf, level, end, INFO))
        message = level + INFO.length;
    else if (startsWith(buf, level, end, DEBUG))
        message = level + DEBUG.length;
    else
        return true;
    if (buf[message] !== 0x22) {
        if (buf[message] === 0xe2)
            return true; // perhaps a typographic quote: the text path normalises it
        message = afterNextField(buf, message, end); // past the caller
        if (message < 0 || buf[message] !== 0x22)
            return true;
    }
    const first = buf[message + 1];
    if (first === undefined || message + 1 >= end)
        return true;
    for (const prefix of BY_FIRST_BYTE[first] ?? []) {
        if (startsWith(buf, message + 1, end, prefix))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/tidb/lightning/sink.ts





/**
 * The line handling of a run, on its own so the log-parsing benchmark (bench/) streams a log through exactly
 * what an import does.
 */
function lightningLineSink(opts) {
    const monitor = new LightningMonitor();
    const echoed = new lines/* RingBuffer */.N6(40);
    const head = { levelAt: 0, messageAt: 0 };
    let shown = monitor.report.progress;
    const onLine = (line) => {
        monitor.push(line);
        const p = monitor.report.progress;
        if (p !== shown && p !== undefined) {
            shown = p;
            opts.progress(formatProgress(p));
        }
    };
    const onLogLine = (line) => {
        onLine(line);
        if (isWorthEchoing(line, head)) {
            const kept = detach(line);
            echoed.push(kept);
            opts.log.info(kept);
        }
    };
    const logFilter = { wants: lightningLineWanted, skipped: () => monitor.skip() };
    return { monitor, echoed, onLine, onLogLine, logFilter };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(76601);
// EXTERNAL MODULE: ./src/util/state.ts
var util_state = __webpack_require__(82269);
;// CONCATENATED MODULE: ./src/util/children.ts
// The registry of child processes that are running right now, mirrored into state so the post step can end
// stragglers (a tool still running after the main step was killed). Children are started as process-group leaders,
// so signalling `-pid` reaches the tool and anything it started (tiup → tidb-lightning).


const running = new Map();
/**
 * The start time of a process from /proc/<pid>/stat (clock ticks since boot, field 22), or undefined where there
 * is no /proc or the process is gone. Together with the pid it identifies one process across pid reuse.
 * @param pid process id
 */
function processStartTime(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // Field 2 (comm) is in parentheses and may hold spaces or ')', so count fields after the last ')'.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return rest[19];
    }
    catch {
        return undefined;
    }
}
function persist() {
    (0,util_state/* saveState */.L)('child-processes', [...running.values()]);
}
/**
 * Records a started child.
 * @param pid its pid (and process-group id)
 * @param command what it runs, for messages
 */
function registerChild(pid, command) {
    running.set(pid, { pid, command, startTime: processStartTime(pid) });
    persist();
}
/** Forgets a child that has exited. */
function unregisterChild(pid) {
    if (running.delete(pid))
        persist();
}
/** The children running now. */
function runningChildren() {
    return [...running.values()];
}
/**
 * Whether the recorded process still runs and is the same process (same start time where that is known).
 * @param child a record from {@link registerChild}
 */
function isStillRunning(child) {
    try {
        process.kill(child.pid, 0);
    }
    catch {
        // ESRCH: gone. EPERM: the pid now belongs to another user's process, so it is not our child any more.
        return false;
    }
    if (child.startTime === undefined)
        return true;
    return processStartTime(child.pid) === child.startTime;
}
/**
 * Sends a signal to a child's process group, falling back to the process alone when it leads no group.
 * @returns false when no such process exists any more
 */
function signalProcessGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch {
        try {
            process.kill(pid, signal);
            return true;
        }
        catch {
            return false;
        }
    }
}

// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/util/tool-log.ts + 1 modules
var tool_log = __webpack_require__(79081);
// EXTERNAL MODULE: ./src/util/workflow-commands.ts
var workflow_commands = __webpack_require__(5714);
;// CONCATENATED MODULE: ./src/util/run-tool.ts
// Running an external tool (tiup, and through it dumpling, tidb-lightning, dmctl) for as long as it takes.
//
// Why not @actions/exec: it has no deadline and no cancellation, and getExecOutput keeps all output in memory,
// while Lightning runs for hours. Here every line goes to the log and to the phase's parser as it arrives, and
// only a ring-buffer tail is kept for the error report.
//
// The child is started as the leader of a new process group, so signals reach the tool and whatever it started
// (tiup runs the component as its own child): a deadline or a cancel that only hit tiup would leave Lightning
// running and holding our pipes open.










/**
 * Runs a tool to completion, streaming its lines, enforcing the deadline and forwarding cancellation.
 * A non-zero exit is a normal result, not an exception: the caller decides success from the exit code AND the
 * tool's own output (dmctl and Lightning exit 0 on some failures).
 * @returns the typed outcome
 * @throws when the program cannot be started (not found, not executable), or `signal` was aborted before start
 */
async function runTool(opts) {
    const args = opts.args ?? [];
    const secrets = opts.redact ?? [];
    const log = opts.log ?? workflow_commands/* logLine */.B;
    const graceMs = opts.graceMs ?? 5000;
    const name = external_node_path_default().basename(opts.command);
    const commandLine = (0,redact/* displayCommand */.kc)(opts.command, args, secrets);
    if (opts.signal?.aborted)
        throw (0,errors/* abortError */.vt)(opts.signal, name);
    if (opts.echo ?? true)
        log(`[command]${commandLine}`);
    // The full output, for the logs artifact (upload-logs): the job log may be cut, this file is not.
    const file = (0,tool_log/* toolLogFile */.Dv)(name);
    file?.write(`[command]${commandLine}`);
    const env = { ...process.env };
    for (const [key, value] of Object.entries(opts.env ?? {})) {
        if (value === undefined)
            delete env[key];
        else
            env[key] = value;
    }
    const tail = new lines/* RingBuffer */.N6(Math.max(1, opts.tailLines ?? 200));
    let parserError;
    const handleLine = (raw, stream) => {
        const line = (0,redact/* redactText */.Rd)(raw, secrets);
        tail.push(line);
        log(line);
        file?.write(line);
        if (!opts.onLine)
            return;
        try {
            opts.onLine(line, stream);
        }
        catch (e) {
            // A parser bug must not kill a migration that is going fine; say so once and keep streaming.
            if (parserError === undefined) {
                parserError = (0,errors/* errorMessage */.gJ)(e);
                log(`(the ${name} output parser failed on this line and ignores it: ${parserError})`);
            }
        }
    };
    const maxLine = opts.maxLineLength ?? lines/* DEFAULT_MAX_LINE_LENGTH */.x$;
    const splitters = {
        stdout: new lines/* LineSplitter */.g3((l) => handleLine(l, 'stdout'), maxLine),
        stderr: new lines/* LineSplitter */.g3((l) => handleLine(l, 'stderr'), maxLine)
    };
    const started = performance.now();
    const child = (0,external_node_child_process_.spawn)(opts.command, args, {
        cwd: opts.cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32'
    });
    return new Promise((resolve, reject) => {
        let timedOut = false;
        let cancelled = false;
        let exited = false;
        let exitCode = null;
        let exitSignal = null;
        let signalled = false;
        let killTimer;
        let closeTimer;
        let deadlineTimer;
        let settled = false;
        const pid = child.pid;
        const send = (sig) => {
            if (pid !== undefined)
                signalProcessGroup(pid, sig);
        };
        const stop = (sig, why) => {
            if (exited)
                return;
            log(`${why}: sending ${sig} to ${name}`);
            signalled = true;
            send(sig);
            killTimer ??= setTimeout(() => {
                if (exited)
                    return;
                log(`${name} still running ${(0,format/* formatDuration */.a3)(graceMs)} after being asked to stop: sending SIGKILL`);
                send('SIGKILL');
            }, graceMs);
        };
        const unsubscribe = (0,cancellation/* onActionSignal */.w)((sig) => {
            cancelled = true;
            stop(sig, `The action received ${sig}`);
        });
        const onAbort = () => {
            cancelled = true;
            // A process signal already forwarded is the stronger request; only escalate through the grace timer then.
            if (!signalled)
                stop('SIGTERM', 'Cancelled');
        };
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        if (opts.timeoutMs !== undefined) {
            deadlineTimer = setTimeout(() => {
                timedOut = true;
                stop('SIGTERM', `${name} ran past its deadline of ${(0,format/* formatDuration */.a3)(opts.timeoutMs ?? 0)}`);
            }, opts.timeoutMs);
        }
        const cleanup = () => {
            clearTimeout(killTimer);
            clearTimeout(closeTimer);
            clearTimeout(deadlineTimer);
            unsubscribe();
            opts.signal?.removeEventListener('abort', onAbort);
            if (pid !== undefined)
                unregisterChild(pid);
        };
        const finish = () => {
            if (settled)
                return;
            settled = true;
            splitters.stdout.end();
            splitters.stderr.end();
            cleanup();
            const durationMs = performance.now() - started;
            const how = exitSignal ? `was killed by ${exitSignal}` : `exited with code ${exitCode}`;
            log(`${name} ${how} after ${(0,format/* formatDuration */.a3)(durationMs)}`);
            file?.write(`${name} ${how} after ${(0,format/* formatDuration */.a3)(durationMs)}`);
            void file?.close();
            resolve({
                exitCode,
                signal: exitSignal,
                durationMs,
                tail: tail.toArray(),
                lineCount: tail.pushed,
                timedOut,
                cancelled,
                commandLine
            });
        };
        child.on('error', (e) => {
            // Only start failures come here before 'exit'; later errors (a failed kill) are reported by the exit itself.
            if (exited || settled)
                return;
            settled = true;
            cleanup();
            void file?.close();
            const hint = e.code === 'ENOENT'
                ? ' (not found: is it installed and on PATH?)'
                : '';
            reject(new Error(`Could not start ${opts.command}${hint}: ${e.message}`, { cause: e }));
        });
        if (pid !== undefined)
            registerChild(pid, commandLine);
        child.stdout.on('data', (chunk) => splitters.stdout.push(chunk));
        child.stderr.on('data', (chunk) => splitters.stderr.push(chunk));
        child.on('exit', (code, sig) => {
            exited = true;
            exitCode = code;
            exitSignal = sig;
            clearTimeout(killTimer);
            // If something the tool started still holds our pipes, 'close' never comes: end that group and move on.
            closeTimer = setTimeout(() => {
                log(`${name} exited but its output is still open (a process it started?): ending its process group`);
                send('SIGKILL');
                child.stdout.destroy();
                child.stderr.destroy();
                finish();
            }, graceMs);
        });
        child.on('close', finish);
    });
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 6 modules
var core = __webpack_require__(96251);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/tidb/tiup/version.ts
// Parsing what `tiup --version` prints. Pure; tested on recorded outputs of real tiup releases.
//
// Shapes seen in the wild:
//   v1.0.9 tiup            (2020: leading "v", then "Git Branch: master", short hash)
//   1.4.1 tiup             (2021+: no "v", then "Go Version:", "Git Ref: v1.4.1", "GitHash: <40 hex>")
//   1.15.0 tiup            with "Git Ref: v1.15.1" — a real release that misreports itself (tiup#2412)
// A component's `--version` prints "tiup version 1.4.1 tiup" after a "Starting component" line; that is the
// component's version, not tiup's, so it is deliberately not matched. `tiup -v` can also fail outright without a
// root.json (tiup#2411): then there is no version line and the caller reports the output.
const VERSION_LINE = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?) tiup$/;
const GIT_REF = /^Git (?:Ref|Branch):\s*(\S+)$/;
const GO_VERSION = /^Go Version:\s*(\S+)$/;
/**
 * Finds tiup's own version in `tiup --version` output (other lines, such as a pasted prompt, are skipped).
 * @param text the whole output
 * @returns the version info, or undefined when no line has tiup's version shape
 */
function parseTiupVersion(text) {
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    const at = lines.findIndex((l) => VERSION_LINE.test(l));
    const version = at === -1 ? undefined : VERSION_LINE.exec(lines[at] ?? '')?.[1];
    if (version === undefined)
        return undefined;
    // Only the block right after the version line belongs to it (until an empty line or another command).
    let gitRef;
    let goVersion;
    for (const line of lines.slice(at + 1, at + 5)) {
        gitRef ??= GIT_REF.exec(line)?.[1];
        goVersion ??= GO_VERSION.exec(line)?.[1];
    }
    return { version, gitRef, goVersion };
}
/**
 * A version as tiup component specs want it: `v8.5.2` (a leading "v" is added to a bare `8.5.2`).
 * `nightly` and other words are passed through.
 */
function componentVersion(version) {
    return /^\d/.test(version) ? `v${version}` : version;
}

;// CONCATENATED MODULE: ./src/tidb/tiup/tiup.ts
// Getting tiup and the pinned PingCAP components onto the runner, the way setup-go/setup-node install tools:
// find → download → extract → verify the version → cache → add to PATH.
//
// - `tiup-version: auto` uses a tiup already on PATH, else the newest one in the tool cache, else downloads the
//   mirror's current release. `latest` always downloads the current release. `1.16.1` uses the cache or downloads
//   `tiup-v1.16.1-<os>-<arch>.tar.gz` (the mirror names tiup's own tarballs like any component's).
// - TIUP_HOME lives under RUNNER_TOOL_CACHE (unless the job set one), so components downloaded once stay for later
//   jobs on a self-hosted runner; a warm run downloads nothing: the tool cache has tiup, `tiup.toml` already names
//   the mirror, and `tiup --binary <c>:<v>` finds every component.
// - The mirror may be a URL or a local directory (offline/air-gapped runners), as `tiup mirror set` accepts both.










/**
 * The tool cache and io helpers load with the tiup phase, not at bundle start-up: with semver they are a tenth of
 * the bundle, and a run that stops at its inputs or a DM operation without DM never needs them (the bench's cold-start
 * metric).
 */
const actionsToolkit = async () => {
    const [tc, io] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(955), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 59805)), __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 88701))]);
    return { tc, io };
};
/** PingCAP's public mirror, the default of `tiup-mirror` (and of install.sh). */
const DEFAULT_TIUP_MIRROR = 'https://tiup-mirrors.pingcap.com';
/**
 * tiup's names for this machine: `linux|darwin` × `amd64|arm64` (what install.sh supports).
 * @throws an error naming the platform and what is supported
 */
function tiupPlatform(platform = process.platform, arch = process.arch) {
    const tiupOs = platform === 'linux' || platform === 'darwin' ? platform : undefined;
    const tiupArch = arch === 'x64' ? 'amd64' : arch === 'arm64' ? 'arm64' : undefined;
    if (!tiupOs || !tiupArch) {
        throw new Error(`tiup is published for linux and darwin on x64 (amd64) and arm64; this runner is ${platform}/${arch}. ` +
            'Use such a runner, or install tiup yourself, put it on PATH and keep tiup-version: auto.');
    }
    return { os: tiupOs, arch: tiupArch };
}
/**
 * The components an operation needs. `migrate` runs Dumpling and Lightning, and dmctl when DM replication is on;
 * the DM lifecycle operations and `status` need dmctl only when a DM-master is configured; `plan` and `verify` run
 * no tool.
 */
function componentsForOperation(operation, dmEnabled) {
    switch (operation) {
        case 'migrate':
            return dmEnabled ? ['dumpling', 'tidb-lightning', 'dmctl'] : ['dumpling', 'tidb-lightning'];
        case 'plan':
        case 'verify':
            return [];
        case 'status':
        case 'pause':
        case 'resume':
        case 'stop':
            return dmEnabled ? ['dmctl'] : [];
    }
}
/**
 * Arguments for running a pinned component through tiup: `tiup <component>:<version> <args…>`. Pinning the version
 * avoids tiup's update check and its network calls (tiup prints `Checking updates for component …` and asks its
 * mirror only when no version is given).
 * @returns the arguments to pass to the tiup binary
 */
function tiupRunArgs(component, version, args) {
    return [`${component}:${componentVersion(version)}`, ...args];
}
function isUrl(mirror) {
    return /^https?:\/\//i.test(mirror);
}
/** The mirror as `tiup mirror set` stores it: URLs without a trailing slash, directories absolute. */
function normalizeMirror(mirror) {
    if (isUrl(mirror))
        return mirror.replace(/\/+$/, '');
    if (mirror.startsWith('file://'))
        return (0,external_node_url_.fileURLToPath)(mirror);
    return external_node_path_default().resolve(mirror);
}
function compareVersions(a, b) {
    const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
    const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** The last `Error: …` line tiup printed, else the last line, for error messages. */
function tiupErrorLine(result) {
    const errors = result.tail.filter((l) => l.startsWith('Error:'));
    return errors[errors.length - 1] ?? result.tail[result.tail.length - 1] ?? '(no output)';
}
function exitText(result) {
    return result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
}
/** Runs tiup with TIUP_HOME set and returns the result and its stdout lines. */
async function tiup(tiupPath, tiupHome, args, opts, timeoutMs = 120_000) {
    const stdout = [];
    const result = await runTool({
        command: tiupPath,
        args,
        env: { TIUP_HOME: tiupHome },
        timeoutMs,
        ...(opts.log ? { log: opts.log } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
        onLine: (line, stream) => {
            if (stream === 'stdout')
                stdout.push(line);
        }
    });
    return { result, stdout };
}
async function download(requested, mirror, target) {
    const file = `tiup-${requested === 'latest' ? '' : `v${requested}-`}${target.os}-${target.arch}.tar.gz`;
    const what = `tiup ${requested === 'latest' ? '(latest)' : requested}`;
    if (!isUrl(mirror)) {
        const local = external_node_path_default().join(mirror, file);
        if (!(0,external_node_fs_.existsSync)(local)) {
            throw new Error(`${what} is not available for ${target.os}/${target.arch} at ${mirror}: ${local} does not exist`);
        }
        return local;
    }
    const url = `${mirror}/${file}`;
    const { tc } = await actionsToolkit();
    try {
        return await tc.downloadTool(url);
    }
    catch (e) {
        if (e instanceof tc.HTTPError && e.httpStatusCode === 404) {
            throw new Error(`${what} is not available for ${target.os}/${target.arch} at ${mirror}: ${url} answered HTTP 404`, { cause: e });
        }
        throw new Error(`Could not download ${what} from ${url}: ${(0,errors/* errorMessage */.gJ)(e)}`, { cause: e });
    }
}
/** Finds or installs the tiup binary. */
async function locateTiup(opts, mirror, log) {
    const requested = opts.version.trim().toLowerCase();
    const { tc, io } = await actionsToolkit();
    if (requested === 'auto') {
        const onPath = await io.which('tiup', false);
        if (onPath) {
            log(`Using tiup found on PATH: ${onPath}`);
            return { dir: external_node_path_default().dirname(onPath), source: 'path' };
        }
    }
    const target = tiupPlatform(opts.platform, opts.arch);
    let wanted;
    if (requested === 'auto') {
        wanted = tc.findAllVersions('tiup', target.arch).sort(compareVersions).pop();
    }
    else if (requested !== 'latest') {
        if (!/^v?\d+\.\d+\.\d+/.test(requested)) {
            throw new Error(`tiup-version must be auto, latest or a version like 1.16.1; got '${opts.version}'`);
        }
        wanted = requested.replace(/^v/, '');
    }
    if (wanted) {
        const cached = tc.find('tiup', wanted, target.arch);
        if (cached) {
            log(`Found tiup ${wanted} in the tool cache: ${cached}`);
            return { dir: cached, source: 'cache', version: wanted };
        }
    }
    const version = requested === 'auto' || requested === 'latest' ? 'latest' : (wanted ?? 'latest');
    log(`Downloading tiup ${version} for ${target.os}/${target.arch} from ${mirror}`);
    const archive = await download(version, mirror, target);
    const extracted = await tc.extractTar(archive);
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(extracted, 'tiup'))) {
        throw new Error(`The tiup archive from ${mirror} holds no 'tiup' binary`);
    }
    return { dir: extracted, source: 'download' };
}
/** Whether TIUP_HOME already points at this mirror (tiup keeps it in tiup.toml, the root manifest in bin/). */
function mirrorAlreadySet(tiupHome, mirror) {
    try {
        const config = toml.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(tiupHome, 'tiup.toml'), 'utf8'));
        return config['mirror'] === mirror && (0,external_node_fs_.existsSync)(external_node_path_default().join(tiupHome, 'bin', 'root.json'));
    }
    catch {
        return false;
    }
}
/**
 * Which of the components are installed, by asking tiup for each binary path. The questions are asked at once:
 * `--binary` only reads the local manifests, and with a warm tool cache these calls are all the setup does
 * (the bench's warm-tiup metric: one process start instead of three).
 */
async function installedComponents(tiupPath, tiupHome, components, version, opts) {
    const log = opts.log ?? workflow_commands/* logLine */.B;
    const answers = await Promise.all(components.map(async (component) => {
        const spec = `${component}:${version}`;
        // A component not installed yet is the expected answer on a cold cache: tiup says so with an `Error:` line and
        // exit 1 (`component not installed`, ErrInstallFirst in pingcap/tiup pkg/environment/env.go). That answer is logged as one plain line; any other
        // failure is logged whole.
        const lines = [];
        const { result, stdout } = await tiup(tiupPath, tiupHome, ['--binary', spec], {
            ...opts,
            log: (line) => lines.push(line)
        });
        const binary = stdout.find((l) => l.trim() !== '')?.trim();
        if (result.exitCode === 0 && binary && (0,external_node_fs_.existsSync)(binary))
            return component;
        if (lines.some((l) => l.includes('component not installed')))
            log(`${spec}: not installed yet`);
        else
            for (const line of lines)
                log(line);
        return undefined;
    }));
    return new Set(answers.filter((c) => c !== undefined));
}
/**
 * Makes tiup and the pinned components available, downloading only what is missing.
 * @returns where tiup is, its version, TIUP_HOME, the mirror and the installed components
 * @throws with a clear message for an unsupported platform, a version the mirror lacks (HTTP 404), or a tiup
 *         command that fails (quoting tiup's own `Error:` line)
 */
async function setupTiup(opts) {
    const log = opts.log ?? workflow_commands/* logLine */.B;
    const mirror = normalizeMirror(opts.mirror || DEFAULT_TIUP_MIRROR);
    const tiupHome = process.env['TIUP_HOME'] ||
        external_node_path_default().join(process.env['RUNNER_TOOL_CACHE'] || external_node_path_default().join(external_node_os_default().homedir(), '.cache'), 'tiup-home');
    // Exported (not only passed to children) so later steps of the job use the same components.
    core/* exportVariable */.dN('TIUP_HOME', tiupHome);
    const located = await locateTiup(opts, mirror, log);
    let tiupPath = external_node_path_default().join(located.dir, 'tiup');
    if (mirrorAlreadySet(tiupHome, mirror)) {
        log(`tiup already uses the mirror ${mirror}`);
    }
    else {
        // Before `tiup --version`: without a root manifest even that fails (tiup#2411).
        const { result } = await tiup(tiupPath, tiupHome, ['mirror', 'set', mirror], opts);
        if (result.exitCode !== 0) {
            throw new Error(`tiup mirror set ${mirror} ${exitText(result)}: ${tiupErrorLine(result)}`);
        }
    }
    const wantedVersion = componentVersion(opts.componentVersion);
    // tiup found on PATH or in the tool cache is where it stays: ask for its version and its components at once (with
    // a warm cache these questions are the whole setup). A downloaded tiup moves into the cache first.
    const early = located.source === 'download'
        ? undefined
        : installedComponents(tiupPath, tiupHome, opts.components, wantedVersion, opts);
    early?.catch(() => undefined); // awaited below; a failure of --version first must not leave it unhandled
    let version = located.version;
    if (version === undefined) {
        const { result, stdout } = await tiup(tiupPath, tiupHome, ['--version'], opts);
        const info = parseTiupVersion(stdout.join('\n'));
        if (result.exitCode !== 0 || !info) {
            throw new Error(`tiup --version ${exitText(result)} without a version: ${tiupErrorLine(result)}`);
        }
        version = info.version;
    }
    if (located.source === 'download') {
        const target = tiupPlatform(opts.platform, opts.arch);
        const { tc } = await actionsToolkit();
        const cached = await tc.cacheDir(located.dir, 'tiup', version, target.arch);
        tiupPath = external_node_path_default().join(cached, 'tiup');
        log(`Cached tiup ${version} in ${cached}`);
    }
    if (located.source !== 'path')
        core/* addPath */.fM(external_node_path_default().dirname(tiupPath));
    const have = (await early) ??
        (await installedComponents(tiupPath, tiupHome, opts.components, wantedVersion, opts));
    const missing = opts.components.filter((c) => !have.has(c));
    if (missing.length === 0) {
        if (opts.components.length > 0)
            log(`Components already installed: ${opts.components.join(', ')}`);
    }
    else {
        const specs = missing.map((c) => `${c}:${wantedVersion}`);
        const { result } = await tiup(tiupPath, tiupHome, ['install', ...specs], opts, opts.installTimeoutMs ?? 20 * 60_000);
        if (result.exitCode !== 0) {
            throw new Error(`tiup install ${specs.join(' ')} ${exitText(result)}: ${tiupErrorLine(result)}`);
        }
        const now = await installedComponents(tiupPath, tiupHome, missing, wantedVersion, opts);
        const still = missing.filter((c) => !now.has(c));
        if (still.length > 0) {
            throw new Error(`tiup install reported success but ${still.map((c) => `${c}:${wantedVersion}`).join(', ')} cannot be found`);
        }
    }
    const components = {};
    for (const c of opts.components)
        components[c] = wantedVersion;
    return { tiupPath, version, source: located.source, tiupHome, mirror, components };
}

;// CONCATENATED MODULE: ./src/tidb/tiup/run-component.ts


/** Runs the component to completion and returns the raw outcome. */
function runComponent(opts) {
    return runTool({
        command: opts.tiup.tiupPath,
        args: tiupRunArgs(opts.component, opts.version, opts.args),
        // tiup reads TIUP_HOME to find the components setupTiup installed.
        env: { TIUP_HOME: opts.tiup.tiupHome, ...(opts.env ?? {}) },
        ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
        ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
        ...(opts.signal === undefined ? {} : { signal: opts.signal }),
        ...(opts.log === undefined ? {} : { log: opts.log }),
        ...(opts.onLine === undefined ? {} : { onLine: opts.onLine }),
        ...(opts.tailLines === undefined ? {} : { tailLines: opts.tailLines }),
        redact: opts.secrets ?? []
    });
}

;// CONCATENATED MODULE: ./src/tidb/lightning/run.ts
// One TiDB Lightning run, the way both imports (schema and data) run it:
//   - the TOML is rendered by renderLightningToml and written with writeSecretFile (it holds the target password:
//     0600, in the action's private directory under RUNNER_TEMP), and removed as soon as Lightning has exited
//     (the post step removes it if we never get there);
//   - Lightning logs to a file under RUNNER_TEMP that is followed while it is written (FileTailer: bounded memory,
//     rotation-proof) and fed, with Lightning's own stdout and stderr, to one LightningMonitor; stdout and stderr
//     go to the phase log as they come, and from the log file only warnings, errors and milestones (an INFO log has
//     a line per data chunk);
//   - progress goes to the phase's heartbeat (percent, tables, rows, state, remaining);
//   - `TZ=UTC`, so Parquet timestamps are not shifted by the runner's zone (pingcap/tidb-lightning
//     issue #562: timestamps altered by the process time zone);
//   - the verdict comes from the monitor: exit 0 is not success (Lightning exits 0 when cancelled or when its
//     status port is busy), and neither is `tidb lightning exit successfully` without `the whole procedure
//     completed` in the log (the test PingCAP's documented procedure gives).
// The checkpoint policy around it is in import.ts.







/** Lightning's progress line every 30 s instead of its default 5 min, for a heartbeat that says something. */
const LOG_PROGRESS_EVERY = '30s';
let tomlCount = 0;
/** stdout/stderr lines held back until the log file is read (Lightning prints a few dozen; the cap bounds memory). */
const MAX_DEFERRED = 10_000;
/** Runs Lightning once and judges the run. Never throws for a failed import: read the verdict. */
async function runLightningOnce(opts) {
    const toml = renderLightningToml({
        ...opts.config,
        logProgress: opts.config.logProgress ?? LOG_PROGRESS_EVERY,
        checkpoint: opts.checkpoint,
        log: { file: opts.logFile }
    });
    opts.log.debug(`Lightning configuration:\n${redactToml(toml)}`);
    if (opts.config.backend === 'local' && opts.config.sortedKvDir) {
        await (0,promises_.mkdir)(opts.config.sortedKvDir, { recursive: true, mode: 0o700 });
    }
    const configFile = await (0,temp_files/* writeSecretFile */.AK)(`${opts.name}-${++tomlCount}.toml`, toml);
    // Lightning's own log holds more than its stdout: it goes into the logs artifact (upload-logs).
    (0,tool_log/* recordToolLogFile */.O5)(opts.logFile);
    const { monitor, echoed, onLine, onLogLine, logFilter } = lightningLineSink(opts);
    // Lightning's stdout and stderr reach the monitor after its log file: both name the same error, and the log's
    // line (with the failing table and step) must be the first error whatever the timing of the two streams.
    const later = [];
    const onOutput = (line) => {
        if (later.length < MAX_DEFERRED)
            later.push(line);
        else
            onLine(line);
    };
    const tailer = new FileTailer(opts.logFile, onLogLine, { filter: logFilter }).start();
    let result;
    try {
        result = await runComponent({
            tiup: opts.tiup,
            component: 'tidb-lightning',
            version: opts.version,
            args: ['-config', configFile],
            env: { TZ: 'UTC' },
            timeoutMs: Math.max(1, opts.timeoutMs),
            signal: opts.signal,
            log: (line) => opts.log.info(line),
            onLine: onOutput
        });
    }
    finally {
        await tailer.stop();
        await (0,temp_files/* removeTempFiles */.mz)([configFile]);
    }
    for (const line of later)
        onLine(line);
    const report = monitor.report;
    let verdict = monitor.verdict(result.exitCode);
    if (verdict.outcome === 'succeeded' && !report.procedureCompleted) {
        verdict = {
            outcome: 'failed',
            message: `tidb-lightning exited ${result.exitCode} saying "${verdict.message}", but its log ${opts.logFile} does not say "the whole procedure completed"`,
            advice: verdict.advice
        };
    }
    return { verdict, report, result, tail: [...result.tail, ...echoed.toArray()] };
}

;// CONCATENATED MODULE: ./src/tidb/lightning/import.ts
// A TiDB Lightning import with the action's checkpoint policy (Lightning's checkpoints are on by default and block a
// re-run after a failure, so the action makes an explicit, logged choice about them), shared by the schema and the
// data import.
//
// Lightning keeps a checkpoint by default and, after a failure, refuses every later run until it is cleared with
// tidb-lightning-ctl (which may not even ship with the TiUP component). The policy:
//   - The checkpoint (file driver) and the default sorted-kv-dir live at a deterministic per-run path,
//     `<RUNNER_TEMP>/aurora-to-tidb-lightning/<run key>/`, so an earlier attempt of the same run on this runner is
//     found, and another run's is never picked up. After success Lightning removes the checkpoint itself.
//   - A checkpoint is there: with the local backend Lightning resumes from it (a cancelled or timed-out import
//     continues; tables and chunks it recorded as done are not imported again). Logged. With the tidb backend a
//     resume could insert again rows written after the last checkpoint save, so it is treated as below.
//   - Lightning refuses to resume (a table failed last time, or the checkpoint does not match the configuration):
//     the checkpoint is destroyed explicitly, with the tool's reason in the log, and the import starts over — but
//     only if every table it writes is empty; otherwise the phase fails naming the tables to empty.
//   - No checkpoint: the import starts fresh, again only into tables checked empty. So a rerun never imports rows
//     twice, also on a new runner (RUNNER_TEMP is emptied between jobs, so a checkpoint survives only within one),
//     and the action never deletes data in the target by itself…
//   - …except rows the run state proves are its own (`ownRows`): a resumed run whose earlier attempt started the
//     data import but did not finish it (that attempt's precheck found the tables absent or empty, and nothing but
//     the import writes them before DM starts). Those tables are emptied (TRUNCATE TABLE, logged as a warning) and
//     imported again from the start, instead of failing with "empty the tables yourself".
// The schema import keeps no checkpoint: it creates tables (IF NOT EXISTS), which is safe to repeat.








/**
 * The deterministic per-run paths of an import.
 * @param runKey the run key (letters, digits, hyphens)
 * @param name the import: `schema-import`, `data-import`
 * @param root RUNNER_TEMP by default
 */
function lightningWorkPaths(runKey, name, root = (0,temp_files/* runnerTemp */.X5)()) {
    const dir = external_node_path_default().join(root, 'aurora-to-tidb-lightning', runKey);
    return {
        dir,
        checkpoint: external_node_path_default().join(dir, `${name}.checkpoint.pb`),
        sortedKvDir: external_node_path_default().join(dir, `${name}.sorted-kv`),
        logFile: (attempt, now = new Date()) => external_node_path_default().join(dir, `${name}-${now.toISOString().replace(/[:.]/g, '')}-${attempt}.log`)
    };
}
const import_name = (t) => `\`${t.database.replace(/`/g, '``')}\`.\`${t.table.replace(/`/g, '``')}\``;
function refuseNonEmpty(phase, tables, why) {
    const shown = tables.slice(0, 10).map(import_name);
    const more = tables.length > shown.length ? ` and ${tables.length - shown.length} more` : '';
    return new errors/* PhaseError */.wo(phase, `${why}, but ${tables.length} target table(s) already hold rows: ${shown.join(', ')}${more}. ` +
        'Importing now could load rows twice, so nothing was imported. If these rows are from an earlier ' +
        'attempt of this migration, empty the tables (TRUNCATE TABLE …) and run again.');
}
/**
 * Runs the import under the checkpoint policy above.
 * @returns the last attempt's result (judge its verdict with {@link lightningFailure})
 * @throws PhaseError when tables that must be empty are not
 */
async function runLightningImport(opts) {
    const paths = lightningWorkPaths(opts.runKey, opts.name, opts.workRoot);
    const deadline = Date.now() + opts.timeoutMs;
    const defaultKvDir = opts.config.sortedKvDir === undefined;
    const config = { ...opts.config, sortedKvDir: opts.config.sortedKvDir ?? paths.sortedKvDir };
    // Lightning writes its log and checkpoint there but may not create the folder; 0700: only this user reads them.
    await (0,promises_.mkdir)(paths.dir, { recursive: true, mode: 0o700 });
    let attempt = 0;
    const run = () => runLightningOnce({
        ...opts,
        config,
        checkpoint: opts.useCheckpoint
            ? { enable: true, dsn: paths.checkpoint, keepAfterSuccess: 'remove' }
            : { enable: false, dsn: '' },
        logFile: paths.logFile(++attempt),
        timeoutMs: deadline - Date.now()
    });
    const startFresh = async (why) => {
        const full = opts.nonEmptyTables ? await opts.nonEmptyTables() : [];
        if (full.length > 0 && opts.ownRows !== undefined) {
            opts.warn(`Checkpoint policy: ${why}, and ${full.length} target table(s) hold rows of ${opts.ownRows.why}: ` +
                `emptying them (TRUNCATE TABLE ${full.slice(0, 10).map(import_name).join(', ')}${full.length > 10 ? ', …' : ''}) ` +
                'and importing them again from the start, so no row is imported twice.');
            await opts.ownRows.empty(full);
        }
        else if (full.length > 0)
            throw refuseNonEmpty(opts.name, full, why);
        // Our own sorted-kv-dir may hold engines of an abandoned attempt; Lightning wants it empty for a new import.
        if (defaultKvDir)
            await (0,promises_.rm)(paths.sortedKvDir, { recursive: true, force: true });
        opts.log.info(`Checkpoint policy: ${why}; the target tables are empty, so Lightning imports from the start` +
            (opts.useCheckpoint ? ` and keeps its checkpoint in ${paths.checkpoint}.` : '.'));
    };
    const destroyAndStartOver = async (why) => {
        opts.warn(`${why}. Checkpoint policy: the checkpoint ${paths.checkpoint} is destroyed and the import starts over, ` +
            'if the target tables are empty.');
        await (0,promises_.rm)(paths.checkpoint, { force: true });
        await startFresh('the checkpoint of the earlier attempt was destroyed');
        return { ...(await run()), paths, resumed: false };
    };
    if (!opts.useCheckpoint)
        return { ...(await run()), paths, resumed: false };
    if (!(0,external_node_fs_.existsSync)(paths.checkpoint)) {
        await startFresh(`no checkpoint of run ${opts.runKey} on this runner`);
        return { ...(await run()), paths, resumed: false };
    }
    if (config.backend === 'tidb') {
        // Logical import writes rows with INSERT and saves chunk offsets afterwards: rows written after the last save
        // of a stopped attempt would be inserted again (twice, in a table without a unique key).
        return destroyAndStartOver(`${paths.checkpoint} is left from an earlier attempt of run ${opts.runKey}, but the tidb backend cannot ` +
            'resume without possibly inserting rows twice');
    }
    // Physical import (local backend) resumes exactly: a chunk imported again yields the same keys (row ids are
    // allocated per chunk), and nothing is visible in the target before its engine is imported.
    opts.log.info(`Checkpoint policy: ${paths.checkpoint} is left from an earlier attempt of run ${opts.runKey}; Lightning ` +
        'resumes from it (what it recorded as imported is not imported again).');
    const first = await run();
    const refusal = refusedCheckpoint(first);
    if (first.verdict.outcome !== 'failed' || refusal === undefined) {
        return { ...first, paths, resumed: true };
    }
    return destroyAndStartOver(`Lightning cannot resume from the checkpoint of the earlier attempt (${refusal.message})`);
}
/**
 * Lightning's refusal to run from the checkpoint: a table failed last time (or the checkpoint is illegal), or the
 * checkpoint does not match the configuration (ErrInvalidCheckpoint). Not a new failure of the resumed import, whose
 * error summary also suggests tidb-lightning-ctl commands.
 */
function refusedCheckpoint(run) {
    const refusal = run.report.checkpoint?.message;
    if (refusal)
        return { message: refusal };
    const m = run.verdict.message;
    return /Lightning:Checkpoint:ErrInvalidCheckpoint|different from checkpoint value|checkpoint was created at/.test(m)
        ? { message: m }
        : undefined;
}
/**
 * The error for an import that did not succeed, or undefined when it did: the tool's own line, the tail, and
 * what a rerun will do with the checkpoint.
 * @param phase the phase id
 * @param run the import's result
 * @param signal the phase's signal (a cancel of the action is a cancel, not a failure)
 * @param timeoutMs the deadline that was given, for the message
 */
function lightningFailure(phase, run, signal, timeoutMs) {
    const { verdict, report, result } = run;
    if (verdict.outcome === 'succeeded')
        return undefined;
    if (signal.aborted && !result.timedOut) {
        return new errors/* CancelledError */.cc('TiDB Lightning was stopped because the run was cancelled');
    }
    const progress = report.progress ? ` It had reached ${formatProgress(report.progress)}.` : '';
    const resume = (0,external_node_fs_.existsSync)(run.paths.checkpoint)
        ? ` Its checkpoint is kept in ${run.paths.checkpoint}: a rerun of this run on this runner resumes from it ` +
            'if Lightning can, or else the action destroys it and starts over only into empty tables (no ' +
            'tidb-lightning-ctl needed).'
        : '';
    const advice = verdict.advice.length > 0 ? ` ${verdict.advice.join(' ')}` : '';
    const details = { toolLine: report.firstError?.line ?? verdict.message, tail: run.tail };
    if (result.timedOut) {
        return new errors/* PhaseError */.wo(phase, `TiDB Lightning did not finish within import-timeout-minutes (${(0,format/* formatDuration */.a3)(timeoutMs)}) and was stopped.${progress}${resume}`, details);
    }
    if (verdict.outcome === 'cancelled') {
        return new errors/* PhaseError */.wo(phase, `TiDB Lightning stopped before finishing: "${verdict.message}" (it exits 0 when it gets a signal, so exit 0 ` +
            `is not success; the action did not stop it).${progress}${resume}`, { ...details, toolLine: verdict.message });
    }
    return new errors/* PhaseError */.wo(phase, `TiDB Lightning failed: ${verdict.message}.${advice}${resume}`, details);
}

;// CONCATENATED MODULE: ./src/phases/lightning-phase.ts



/** The tiup setup of the `tiup` phase; a phase that runs a tool cannot start without it. */
function needTiup(state) {
    if (state.tiup === undefined)
        throw new Error('tiup is not set up: the tiup phase must run first');
    return state.tiup;
}
/** The `s3-uri` input; every migrate phase has it (the inputs require it for migrate). */
function needS3(inputs) {
    if (inputs.aws.s3 === undefined)
        throw new Error("input 's3-uri' is required for migrate");
    return inputs.aws.s3;
}
/**
 * An S3 location as Lightning reads it: the endpoint (the `s3-endpoint` input or AWS_ENDPOINT_URL_S3, which the
 * tools do not read themselves) and the region in the URI, path style for a custom endpoint. Credentials stay in
 * the environment, never in the URI (it is logged and lands in Lightning's checkpoint).
 */
function lightningS3Uri(inputs, bucket, prefix) {
    const endpoint = (0,aws_endpoint/* effectiveS3Endpoint */.v)(inputs.aws);
    return s3DataSourceUri(bucket, prefix, {
        endpoint,
        region: inputs.aws.region || undefined,
        forcePathStyle: endpoint === undefined ? undefined : true
    });
}
/** Runs `fn` with a fresh connection to the target, closed afterwards. */
async function withTarget(inputs, fn) {
    // mysql2 loads on first use, not at bundle start-up (aws-deps.ts says why).
    const { connectDb } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112));
    const conn = await connectDb(inputs.target, 'target');
    try {
        return await fn(conn);
    }
    finally {
        await conn.end().catch(() => undefined);
    }
}
/**
 * Runs a Lightning import for a phase: its log, heartbeat, cancellation and `import-timeout-minutes`.
 * @throws the phase's error when the import did not succeed (the tool's line, the checkpoint advice)
 */
async function runImportPhase(ctx, state, opts) {
    const { inputs } = ctx;
    ctx.progress('starting TiDB Lightning');
    const run = await runLightningImport({
        name: opts.name,
        runKey: state.runKey,
        tiup: needTiup(state),
        version: inputs.tools.tidbVersion,
        config: {
            tidb: inputs.target,
            backend: inputs.import.backend,
            sortedKvDir: inputs.import.sortedKvDir,
            ...opts.config
        },
        useCheckpoint: opts.useCheckpoint,
        ...(opts.nonEmptyTables === undefined ? {} : { nonEmptyTables: opts.nonEmptyTables }),
        ...(opts.ownRows === undefined ? {} : { ownRows: opts.ownRows }),
        timeoutMs: inputs.timeouts.importMs,
        signal: ctx.signal,
        log: ctx.log,
        warn: (message) => ctx.log.warning(message),
        progress: (text) => ctx.progress(text)
    });
    opts.onFinished?.(run);
    const failure = lightningFailure(opts.name, run, ctx.signal, inputs.timeouts.importMs);
    if (failure)
        throw failure;
    ctx.record.numbers.push({
        label: 'Lightning time',
        value: Math.round(run.result.durationMs / 1000),
        unit: 'seconds'
    });
    if (run.resumed)
        ctx.record.note = `resumed from the checkpoint of an earlier attempt`;
    return run;
}

;// CONCATENATED MODULE: ./src/table-filter/exclude.ts
// A filter that also leaves out named tables: the rules as written, then one exclusion rule per table
// (`` !`db`.`table` ``, back-quoted, back-quotes doubled). The last matching rule wins in the table-filter syntax
// (pingcap/tidb pkg/util/table-filter, README "Multiple rules"), so the exclusions beat any earlier inclusion, in
// Dumpling's --filter, Lightning's mydumper.filter and the DM translation alike.

const quoted = (name) => `\`${name.replaceAll('`', '``')}\``;
/** `` !`db`.`table` ``: the exclusion rule of one table. */
const exclusionRule = (t) => `!${quoted(t.database)}.${quoted(t.table)}`;
/**
 * `filter` with `tables` excluded (the same filter when there are none).
 * @param filter the parsed `filter` input
 * @param tables the tables to leave out
 */
function excludingTables(filter, tables) {
    if (tables.length === 0)
        return filter;
    const extra = (0,parse/* parseFilter */.aN)(tables.map(exclusionRule), { caseSensitive: filter.caseSensitive });
    return { ...filter, rules: [...filter.rules, ...extra.rules] };
}

// EXTERNAL MODULE: ./src/table-filter/table-name.ts
var table_name = __webpack_require__(84077);
;// CONCATENATED MODULE: ./src/phases/selection-filter.ts


/** The `filter` input with the left-out tables excluded. */
function selectionFilter(inputs, state) {
    return excludingTables(inputs.filter, [...(state.leftOut ?? []), ...excludedSkipped(state)]);
}
/** The tables the export skipped that the run leaves out (`skipped-tables: exclude`). */
function excludedSkipped(state) {
    return (state.skippedTables ?? [])
        .filter((t) => t.filled === 'excluded')
        .map((t) => ({ database: t.database, table: t.table }));
}
/** The selected tables DM replicates: all of them but those the run leaves out (`skipped-tables: exclude`). */
function replicatedTables(state) {
    const out = new Set(excludedSkipped(state).map(table_name/* tableKey */.i));
    return state.tables?.filter((t) => !out.has((0,table_name/* tableKey */.i)(t)));
}
/** The selected tables whose rows come from the export: all of them but those it skipped (filled another way). */
function exportedSelection(state) {
    const skipped = new Set((state.skippedTables ?? []).map(table_name/* tableKey */.i));
    return state.tables?.filter((t) => !skipped.has((0,table_name/* tableKey */.i)(t)));
}

;// CONCATENATED MODULE: ./src/phases/verify-rows.ts


/** Statuses of a verified table. */
const VERIFY_STATUS = {
    verified: 'verified',
    mismatch: 'mismatch',
    skipped: 'skipped by export',
    excluded: 'excluded'
};
/**
 * The verdict on a table the export skipped and the run filled another way. Excluded: not expected on the target,
 * named. Copied: the target's rows must lie between the source's COUNT(*) just before and just after the table's
 * dump (equal when the source did not change meanwhile), and equal what the copy counted after Lightning.
 */
function judgeFilled(e, f) {
    const name = { database: e.database, table: e.table };
    const skipped = `⚠ skipped by the export (${f.reason})`;
    if (f.filled === 'excluded')
        return {
            ...name,
            status: VERIFY_STATUS.excluded,
            note: `${skipped}; left out of the import, DM and verify (skipped-tables: exclude)`
        };
    const targetRows = e.target && 'rows' in e.target ? e.target.rows : undefined;
    const problems = [];
    const lo = Math.min(f.sourceRows?.before ?? 0, f.sourceRows?.after ?? 0);
    const hi = Math.max(f.sourceRows?.before ?? 0, f.sourceRows?.after ?? 0);
    const source = lo === hi ? (0,format/* formatCount */.B4)(lo) : `${(0,format/* formatCount */.B4)(lo)}–${(0,format/* formatCount */.B4)(hi)}`;
    if (!e.target || 'missing' in e.target)
        problems.push('missing in the target');
    else if ('error' in e.target)
        problems.push(`cannot count the target's rows: ${e.target.error}`);
    else if (f.sourceRows === undefined)
        problems.push('the copy recorded no source row count');
    else if (e.target.rows < lo || e.target.rows > hi)
        problems.push(`the target has ${(0,format/* formatCount */.B4)(e.target.rows)} rows, the source had ${source} at the dump`);
    if (targetRows !== undefined && f.copiedRows !== undefined && f.copiedRows !== targetRows)
        problems.push(`the copy counted ${(0,format/* formatCount */.B4)(f.copiedRows)} rows after Lightning`);
    if (e.checksum && !e.checksum.ok)
        problems.push(`Lightning checksum mismatch: ${e.checksum.detail}`);
    const how = `${skipped}; filled by a Dumpling dump imported by Lightning`;
    return {
        ...name,
        ...(f.sourceRows === undefined ? {} : { rowsExported: hi }),
        ...(targetRows === undefined ? {} : { rowsImported: targetRows }),
        status: problems.length > 0 ? VERIFY_STATUS.mismatch : VERIFY_STATUS.verified,
        note: problems.length > 0
            ? `${how}: ${problems.join('; ')}`
            : `${how}: ${(0,format/* formatCount */.B4)(targetRows ?? 0)} rows, as on the source at the dump (${source})`
    };
}
/** The verdict on one table, as a row of the report. */
function judgeTable(e) {
    const name = { database: e.database, table: e.table };
    if (e.filled !== undefined)
        return judgeFilled(e, e.filled);
    const targetRows = e.target && 'rows' in e.target ? e.target.rows : undefined;
    if (e.exported?.skipped) {
        return {
            ...name,
            ...(targetRows === undefined ? {} : { rowsImported: targetRows }),
            status: VERIFY_STATUS.skipped,
            note: e.exported.reason ?? 'skipped by the export'
        };
    }
    const problems = [];
    if (e.metadataPresent && !e.exported)
        problems.push('not in the export (export_tables_info does not list it)');
    if (e.sharedFolderWith.length > 0)
        problems.push(`exported into the same S3 folder as ${e.sharedFolderWith.join(', ')}, so its rows cannot be told apart`);
    const rowsExported = e.exportRows ?? 0;
    if (!e.target || 'missing' in e.target)
        problems.push('missing in the target');
    else if ('error' in e.target)
        problems.push(`cannot count the target's rows: ${e.target.error}`);
    else if (e.target.rows !== rowsExported)
        problems.push(`the target has ${(0,format/* formatCount */.B4)(e.target.rows)} rows, the export ${(0,format/* formatCount */.B4)(rowsExported)}`);
    if (e.lightningRows !== undefined && e.lightningRows !== rowsExported)
        problems.push(`Lightning reported ${(0,format/* formatCount */.B4)(e.lightningRows)} rows imported`);
    if (e.checksum && !e.checksum.ok)
        problems.push(`Lightning checksum mismatch: ${e.checksum.detail}`);
    const note = problems.length > 0 ? problems.join('; ') : e.checksum?.ok ? 'checksum matched' : undefined;
    return {
        ...name,
        rowsExported,
        ...(targetRows === undefined ? {} : { rowsImported: targetRows }),
        status: problems.length > 0 ? VERIFY_STATUS.mismatch : VERIFY_STATUS.verified,
        ...(note === undefined ? {} : { note })
    };
}
/** `db.table` of a Lightning table name: `` `db`.`table` `` (backquotes doubled inside) or plain `db.table`. */
function lightningTableKey(name) {
    const m = /^`((?:[^`]|``)*)`\.`((?:[^`]|``)*)`$/.exec(name.trim());
    return m ? `${(m[1] ?? '').replace(/``/g, '`')}.${(m[2] ?? '').replace(/``/g, '`')}` : name.trim();
}
/** Counts the verdicts. */
function verifyTotals(rows) {
    return {
        verified: rows.filter((r) => r.status === VERIFY_STATUS.verified).length,
        mismatched: rows.filter((r) => r.status === VERIFY_STATUS.mismatch),
        skipped: rows.filter((r) => r.status === VERIFY_STATUS.skipped).length,
        excluded: rows.filter((r) => r.status === VERIFY_STATUS.excluded).length
    };
}
/** Puts `rows` into the report's table list, replacing the rows of the same tables (the import's, say). */
function upsertTableRows(into, rows) {
    const index = new Map(into.map((r, i) => [`${r.database}.${r.table}`, i]));
    for (const r of rows) {
        const i = index.get(`${r.database}.${r.table}`);
        if (i === undefined)
            into.push(r);
        else
            into[i] = r;
    }
}
/** Statuses of a selected view. */
const VIEW_STATUS = {
    present: 'view present',
    missing: 'view missing'
};
/**
 * Whether each selected view is on the target. A missing view is a failure unless the schema import said why (the
 * target refused a view: that one and any after it in Lightning's order are missing); then it is named with the
 * reason, marked ⚠, and counted as reported rather than as a mismatch. Names compare case-insensitively, as TiDB's.
 * @param selected the views the filter selects on the source
 * @param present the views on the target
 * @param refused the view the target refused, with its error, when the schema import recorded one
 */
function judgeViews(selected, present, refused) {
    const key = (t) => (0,table_name/* tableKey */.i)(t).toLowerCase();
    const there = new Set(present.map(key));
    const first = refused?.[0];
    const rows = selected.map((v) => {
        const name = { database: v.database, table: v.table };
        if (there.has(key(v)))
            return { ...name, status: VIEW_STATUS.present };
        if (first === undefined)
            return { ...name, status: VIEW_STATUS.missing, note: 'not on the target' };
        const why = key(first) === key(v)
            ? `⚠ not created: the target refused it (${first.cause})`
            : `⚠ not created: Lightning stopped creating views at \`${first.database}\`.\`${first.table}\` (${first.cause})`;
        return { ...name, status: VIEW_STATUS.missing, note: why };
    });
    return {
        rows,
        unexplained: first === undefined ? rows.filter((r) => r.status === VIEW_STATUS.missing) : []
    };
}

;// CONCATENATED MODULE: ./src/phases/data-import.ts










/**
 * The tables the import writes: those precheck selected less those the export skipped (the skipped-tables phase
 * filled or left them out), or else the target's tables the filter selects.
 */
async function importTables(state, inputs) {
    const fromExport = exportedSelection(state);
    if (fromExport !== undefined) {
        return fromExport.map((t) => ({ database: t.database, table: t.table }));
    }
    const all = await withTarget(inputs, table_rows/* listTables */.WS);
    const filter = selectionFilter(inputs, state);
    return all.filter((t) => (0,match/* matchesTable */.I)(filter, t.database, t.table));
}
/** `mydumper.filter`: the filter input, keeping system schemas out as Dumpling does. */
function lightningFilter(filter) {
    const rules = (0,parse/* filterRules */.eX)(filter);
    return rules.length === 0 ? undefined : [...rules, parse/* DUMPLING_SYSTEM_SCHEMA_EXCLUSION */.Q];
}
/**
 * What the data import configures for an export and its tables: the source with endpoint, the Aurora file rules
 * (and what they cannot route), the filter and the checksum. Pure but for the S3 endpoint from the environment.
 */
function dataImportConfig(inputs, exported, tables, selection = inputs.filter) {
    const { rules, warnings } = auroraFileRules(tables);
    const filter = lightningFilter(selection);
    return {
        config: {
            dataSourceDir: lightningS3Uri(inputs, exported.bucket, exported.prefix),
            files: rules,
            ...(filter === undefined ? {} : { filter }),
            checksum: inputs.import.checksum,
            // DATETIME/TIMESTAMP values arrive as the source wrote them whatever the target's time zone.
            ...(lightningHasSessionVars(inputs.tools.tidbVersion)
                ? { sessionVars: PARQUET_SESSION_VARS }
                : {})
        },
        warnings
    };
}
/**
 * On a resumed run, rows in the tables are this run's own unfinished import: the earlier attempt that started it
 * found them absent or empty (its precheck), and the run state says the import did not finish. The checkpoint
 * policy may then empty them and start over (tidb/lightning/import.ts).
 */
function ownRowsOf(state, inputs) {
    if (state.resumed === undefined || state.resumed.phasesDone['data-import'] !== undefined)
        return {};
    return {
        ownRows: {
            why: `the unfinished data import of an earlier attempt of run ${state.runKey} (its run state says so)`,
            empty: (tables) => withTarget(inputs, (conn) => (0,table_rows/* truncateTables */.Kb)(conn, tables))
        }
    };
}
/**
 * The per-table rows of a failed import: the tables Lightning reported as restored (`restore table completed`) and
 * those it did not finish, so the summary shows what the failed run did. Matched as TiDB matches names (case
 * insensitively).
 */
function unfinishedImportRows(tables, completed) {
    const done = new Set(completed.flatMap((c) => (c.name ? [(0,table_name/* tableKey */.i)(c.name).toLowerCase()] : [])));
    return tables.map((t) => done.has((0,table_name/* tableKey */.i)(t).toLowerCase())
        ? {
            database: t.database,
            table: t.table,
            status: 'imported',
            note: 'Lightning restored it before the run failed'
        }
        : {
            database: t.database,
            table: t.table,
            status: 'not imported',
            note: 'Lightning did not finish it'
        });
}
/** The `data-import` phase. */
function dataImportPhase(state) {
    return {
        id: 'data-import',
        title: 'Data import (Lightning, Parquet)',
        async run(ctx) {
            const { inputs } = ctx;
            const exported = state.export;
            if (exported === undefined)
                throw new Error('the export phase has not recorded an export');
            let tables = [];
            let completed;
            try {
                tables = await importTables(state, inputs);
                if (tables.length === 0) {
                    ctx.setOutput('import-result', 'skipped');
                    ctx.record.note = 'no selected table to import';
                    return;
                }
                const { config, warnings } = dataImportConfig(inputs, exported, tables, selectionFilter(inputs, state));
                for (const w of warnings)
                    ctx.log.warning(w);
                const run = await runImportPhase(ctx, state, {
                    name: 'data-import',
                    config,
                    useCheckpoint: true,
                    nonEmptyTables: () => withTarget(inputs, (conn) => (0,table_rows/* nonEmptyTables */.sB)(conn, tables)),
                    ...ownRowsOf(state, inputs),
                    onFinished: (r) => {
                        completed = r.report.tablesCompleted;
                    }
                });
                ctx.progress('counting the imported rows');
                const counts = await withTarget(inputs, (conn) => (0,table_rows/* countRows */.BO)(conn, tables));
                const perTable = {};
                let total = 0;
                tables.forEach((t, i) => {
                    const n = counts[i] ?? 0;
                    perTable[(0,table_name/* tableKey */.i)(t)] = n;
                    total += n;
                });
                // verify shows Lightning's own per-table checksum verdicts beside the row counts.
                state.imported = { total, perTable, checksums: run.report.checksums };
                ctx.setOutput('import-result', 'succeeded');
                // The tables the export skipped were imported by Lightning too, from their Dumpling copy: rows-imported
                // counts every row Lightning brought in.
                const copied = (state.skippedTables ?? []).reduce((n, t) => n + (t.copiedRows ?? 0), 0);
                ctx.setOutput('rows-imported', total + copied);
                const passed = run.report.checksums.filter((c) => c.ok).length;
                ctx.record.numbers.push({ label: 'tables', value: tables.length }, { label: 'rows imported', value: total });
                if (passed > 0)
                    ctx.record.numbers.push({ label: 'checksums passed', value: passed });
                ctx.record.note ??= `${(0,format/* formatCount */.B4)(total)} rows in ${tables.length} tables`;
            }
            catch (e) {
                ctx.setOutput('import-result', 'failed');
                // Only when Lightning ran: a refusal before it started has no per-table news.
                if (completed !== undefined)
                    upsertTableRows(ctx.report.tables, unfinishedImportRows(tables, completed));
                throw e;
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/aws/export-files.ts
/**
 * The key prefix (no leading or trailing slash) of an export task's files: `<S3Prefix>/<task id>`, or just
 * `<task id>` when the task's S3Prefix is `""` (the bucket root). `fallbackPrefix` is used only when the task's
 * S3Prefix is absent altogether (undefined), never when it is empty.
 */
function exportRoot(task, fallbackPrefix = '') {
    const base = (task.s3Prefix ?? fallbackPrefix).replace(/^\/+|\/+$/g, '');
    return base === '' ? task.id : `${base}/${task.id}`;
}
/**
 * Sorts a listing of an export into metadata files and data files per table folder.
 * @param objects the listing (keys are full keys)
 * @param root the export's key prefix, without a trailing slash
 */
function classifyExportObjects(objects, root) {
    const base = root === '' ? '' : `${root}/`;
    const metadataKeys = [];
    const dataFiles = new Map();
    for (const o of objects) {
        if (!o.key.startsWith(base))
            continue;
        const parts = o.key.slice(base.length).split('/');
        const [first, second] = parts;
        if (parts.length === 1 && /^export_(?:tables_)?info_.*\.json$/.test(first ?? '')) {
            metadataKeys.push(o.key);
        }
        else if (parts.length >= 3 && o.key.endsWith('.parquet')) {
            const folder = `${first}/${second}`;
            const list = dataFiles.get(folder);
            if (list)
                list.push(o);
            else
                dataFiles.set(folder, [o]);
        }
    }
    return { metadataKeys, dataFiles };
}

// EXTERNAL MODULE: ./src/aws/export-task.ts
var export_task = __webpack_require__(39133);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/tidb/dm/binlog.ts
// Binlog positions and GTID sets as DM prints them, and the comparisons the replicate phase needs to tell whether
// the syncer has passed the position recorded before the snapshot.

const POSITION = /\(\s*([^,()\s]+)\s*,\s*(\d{1,15})\s*\)/;
/**
 * Reads the first `(file, pos)` in a text: `(mysql-bin.000001, 2388)`, `(bin|000001.000001, 3130)`, or the
 * `position: (…), gtid-set: …` location form. Undefined for `""`, `(, 0)` and anything without a position.
 */
function parseBinlogPosition(text) {
    const m = POSITION.exec(text);
    if (m === null)
        return undefined;
    return { file: m[1] ?? '', pos: Number(m[2]) };
}
/**
 * Orders two positions of the same binlog series: negative when a is before b, 0 when equal, positive after.
 * Relay names compare by their binlog sequence (`mysql-bin|000001.000003` equals `mysql-bin.000003`). Undefined
 * when the files belong to different series (another base name) or cannot be read.
 */
function compareBinlogPositions(a, b) {
    const fa = (0,binlog_file/* parseBinlogFile */.z)(a.file);
    const fb = (0,binlog_file/* parseBinlogFile */.z)(b.file);
    if (fa === undefined || fb === undefined || fa.base !== fb.base)
        return undefined;
    return fa.seq !== fb.seq ? fa.seq - fb.seq : a.pos - b.pos;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTERVAL = /^(\d{1,15})(?:-(\d{1,15}))?$/;
const TAG = /^[a-z_][a-z0-9_]{0,31}$/;
const MARIADB = /^(\d{1,10})-(\d{1,10})-(\d{1,15})$/;
/**
 * DM's spelling of the empty set, `<uuid>:0` (MySQL) or `<domain>-<server>-0` (MariaDB), alone: query-status prints
 * it as syncerBinlogGtid when the upstream has no GTIDs (pingcap/tiflow dm/pkg/gtid/gtid.go IsZeroMySQLGTIDSet,
 * IsZeroMariaDBGTIDSet). MySQL transaction numbers start at 1, so it names no transaction.
 */
const ZERO_SET = /^(?:[^:]+:0|\d+-\d+-0)$/;
/** Parses a GTID set in MySQL or MariaDB syntax; undefined when empty (DM's zero set included) or unreadable. */
function parseGtidSet(text) {
    const parts = text
        .toLowerCase()
        .split(',')
        .map((p) => p.replace(/\s+/g, ''))
        .filter((p) => p !== '');
    if (parts.length === 0)
        return undefined;
    if (parts.length === 1 && ZERO_SET.test(parts[0] ?? ''))
        return undefined;
    if (parts.every((p) => MARIADB.test(p))) {
        const domains = new Map();
        for (const p of parts) {
            const [domain, , seq] = p.split('-').map(Number);
            domains.set(domain, Math.max(seq, domains.get(domain) ?? 0));
        }
        return { flavor: 'mariadb', domains };
    }
    const sets = new Map();
    for (const p of parts) {
        const [uuid = '', ...rest] = p.split(':');
        if (!UUID.test(uuid) || rest.length === 0)
            return undefined;
        let key = uuid;
        for (const item of rest) {
            const iv = INTERVAL.exec(item);
            if (iv !== null) {
                const lo = Number(iv[1]);
                const hi = iv[2] === undefined ? lo : Number(iv[2]);
                if (hi < lo)
                    return undefined;
                sets.set(key, [...(sets.get(key) ?? []), [lo, hi]]);
            }
            else if (TAG.test(item)) {
                key = `${uuid}:${item}`; // MySQL 8.4 tagged GTIDs: the tag applies to the intervals after it.
            }
            else {
                return undefined;
            }
        }
    }
    return { flavor: 'mysql', sets };
}
/** Sorts and merges intervals, joining adjacent ones (1-5 and 6-9 make 1-9). */
function merge(intervals) {
    const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
    const out = [];
    for (const [lo, hi] of sorted) {
        const last = out.at(-1);
        if (last !== undefined && lo <= last[1] + 1)
            last[1] = Math.max(last[1], hi);
        else
            out.push([lo, hi]);
    }
    return out;
}
/**
 * Whether GTID set `superset` contains every transaction of `subset`. MySQL: every interval of every source UUID
 * (and tag) is covered. MariaDB: for every domain, the superset's sequence number is at least the subset's.
 * Undefined when either set is empty or unreadable, or the flavors differ.
 */
function gtidSetContains(superset, subset) {
    const sup = parseGtidSet(superset);
    const sub = parseGtidSet(subset);
    if (sup === undefined || sub === undefined)
        return undefined;
    if (sup.flavor === 'mariadb' && sub.flavor === 'mariadb') {
        return [...sub.domains].every(([d, seq]) => (sup.domains.get(d) ?? -1) >= seq);
    }
    if (sup.flavor === 'mysql' && sub.flavor === 'mysql') {
        return [...sub.sets].every(([key, intervals]) => {
            const have = merge(sup.sets.get(key) ?? []);
            return intervals.every(([lo, hi]) => have.some(([a, b]) => a <= lo && hi <= b));
        });
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/tidb/dm/dmctl-values.ts
var dmctl_values = __webpack_require__(29720);
;// CONCATENATED MODULE: ./src/tidb/dm/status.ts
// The status model of a DM task, read from a parsed `query-status <task>` (per source: stage, unit, positions, lag,
// errors) and from `query-status` without a task (the task list). Stage rules follow dmctl's own task-list rules
// (tiflow dm/ctl/master/query_status.go `wrapTaskResult`), so our `dm-stage` matches what `dmctl` users see.


const NOT_FOUND = /has no source or not exist/;
const STAGES = [
    'Running',
    'Paused',
    'New',
    'Stopped',
    'Finished',
    'Pausing',
    'Resuming',
    'Stopping'
];
/** Builds the status of `task` from a parsed `query-status <task>`; without `task`, every subtask is taken. */
function taskStatusFromQuery(out, task) {
    const sources = out.sources.flatMap((s) => sourceStatuses(s.value, task));
    const name = task ?? sources.map((s) => s.task).find((n) => n !== '') ?? '';
    const notFound = (out.result === false && NOT_FOUND.test(out.msg)) ||
        (out.result === true && sources.length === 0);
    const stage = notFound
        ? 'NotFound'
        : out.result !== true
            ? 'Unknown'
            : worstStage(sources);
    const lags = sources.map((s) => s.secondsBehindMaster).filter((n) => n !== undefined);
    return {
        task: name,
        found: !notFound && out.result === true,
        stage,
        lagSeconds: lags.length === 0 ? undefined : Math.max(...lags),
        sources,
        errors: sources.flatMap((s) => s.errors.map((e) => ({ ...e, source: s.source }))),
        message: out.ok ? '' : out.error.message,
        passed: (recorded) => sources.length > 0 && sources.every((s) => syncerPassed(s, recorded))
    };
}
/**
 * Whether a source's syncer has reached or passed a recorded position. GTID containment decides when both the
 * recorded and the syncer GTID sets are readable (it survives binlog rotation and failover); otherwise the file
 * sequence numbers, then the offsets, are compared. Unknown means not passed.
 */
function syncerPassed(source, recorded) {
    if (recorded.gtid !== undefined && recorded.gtid.trim() !== '') {
        const contained = gtidSetContains(source.syncerGtid, recorded.gtid);
        if (contained !== undefined)
            return contained;
    }
    if (source.syncerBinlog === undefined)
        return false;
    const order = compareBinlogPositions(source.syncerBinlog, {
        file: recorded.file,
        pos: recorded.pos
    });
    return order !== undefined && order >= 0;
}
/** The task list of `query-status` without a task; also derived from the full form dmctl prints when a source fails. */
function taskListFromQuery(out) {
    if (out.tasks !== undefined) {
        return out.tasks.map((t) => ({
            name: t.name,
            status: t.status,
            stage: stageOfListStatus(t.status),
            sources: t.sources
        }));
    }
    const byTask = new Map();
    for (const s of out.sources.flatMap((e) => sourceStatuses(e.value, undefined))) {
        const name = s.task;
        if (name !== '')
            byTask.set(name, [...(byTask.get(name) ?? []), s]);
    }
    return [...byTask].map(([name, subs]) => {
        const stage = worstStage(subs);
        return { name, status: stage, stage, sources: subs.map((s) => s.source) };
    });
}
/** `Running` → Running, `Error - …` → Error, anything unknown → Unknown. */
function stageOfListStatus(status) {
    if (status.startsWith('Error'))
        return 'Error';
    return STAGES.includes(status) ? status : 'Unknown';
}
/** The statuses of one `sources[]` entry: one per subtask (filtered by task), or one bare entry without subtasks. */
function sourceStatuses(entry, task) {
    const status = (0,dmctl_values/* asRecord */.qY)(entry['sourceStatus']);
    const relay = (0,dmctl_values/* asRecord */.qY)(status?.['relayStatus']);
    const base = {
        source: (0,dmctl_values/* str */.gx)(entry, 'source') || (0,dmctl_values/* str */.gx)(status, 'source'),
        worker: (0,dmctl_values/* str */.gx)(entry, 'worker') || (0,dmctl_values/* str */.gx)(status, 'worker'),
        result: (0,dmctl_values/* bool */.lc)(entry, 'result'),
        msg: (0,dmctl_values/* str */.gx)(entry, 'msg'),
        relayStage: (0,dmctl_values/* str */.gx)(relay, 'stage'),
        sourceErrors: [...processErrors(status?.['result']), ...processErrors(relay?.['result'])]
    };
    const subtasks = (0,dmctl_values/* asArray */._j)(entry['subTaskStatus'])
        .map(dmctl_values/* asRecord */.qY)
        .filter((s) => s !== undefined && (task === undefined || (0,dmctl_values/* str */.gx)(s, 'name') === task));
    if (subtasks.length === 0) {
        if (base.result !== false && base.sourceErrors.length === 0)
            return [];
        return [toSourceStatus(base, undefined)];
    }
    return subtasks.map((sub) => toSourceStatus(base, sub));
}
function toSourceStatus(base, sub) {
    const sync = (0,dmctl_values/* asRecord */.qY)(sub?.['sync']);
    return {
        source: base.source,
        task: (0,dmctl_values/* str */.gx)(sub, 'name'),
        worker: base.worker,
        result: base.result,
        msg: base.msg,
        stage: (0,dmctl_values/* str */.gx)(sub, 'stage'),
        unit: (0,dmctl_values/* str */.gx)(sub, 'unit'),
        synced: (0,dmctl_values/* bool */.lc)(sync, 'synced'),
        masterBinlog: parseBinlogPosition((0,dmctl_values/* str */.gx)(sync, 'masterBinlog')),
        syncerBinlog: parseBinlogPosition((0,dmctl_values/* str */.gx)(sync, 'syncerBinlog')),
        masterGtid: (0,dmctl_values/* str */.gx)(sync, 'masterBinlogGtid'),
        syncerGtid: (0,dmctl_values/* str */.gx)(sync, 'syncerBinlogGtid'),
        secondsBehindMaster: (0,dmctl_values/* int */.Wh)(sync, 'secondsBehindMaster'),
        totalEvents: (0,dmctl_values/* int */.Wh)(sync, 'totalEvents'),
        totalRows: (0,dmctl_values/* int */.Wh)(sync, 'totalRows'),
        relayStage: base.relayStage,
        errors: [...processErrors(sub?.['result']), ...base.sourceErrors]
    };
}
/** Narrows `ProcessResult.errors[]`. */
function processErrors(result) {
    return (0,dmctl_values/* asArray */._j)((0,dmctl_values/* asRecord */.qY)(result)?.['errors']).flatMap((e) => {
        const rec = (0,dmctl_values/* asRecord */.qY)(e);
        if (rec === undefined)
            return [];
        return [
            {
                code: (0,dmctl_values/* int */.Wh)(rec, 'ErrCode'),
                class: (0,dmctl_values/* str */.gx)(rec, 'ErrClass') || (0,dmctl_values/* str */.gx)(rec, 'Type'),
                scope: (0,dmctl_values/* str */.gx)(rec, 'ErrScope'),
                level: (0,dmctl_values/* str */.gx)(rec, 'ErrLevel'),
                message: (0,dmctl_values/* str */.gx)(rec, 'Message') || (0,dmctl_values/* str */.gx)(rec, 'msg'),
                rawCause: (0,dmctl_values/* str */.gx)(rec, 'RawCause'),
                workaround: (0,dmctl_values/* str */.gx)(rec, 'Workaround')
            }
        ];
    });
}
/** The task stage from its sources, with dmctl's precedence. */
function worstStage(sources) {
    if (sources.length === 0)
        return 'NotFound';
    const isError = (s) => (s.stage === 'Paused' && s.errors.length > 0) ||
        (s.unit === 'Sync' &&
            s.stage === 'Running' &&
            (s.relayStage === 'Paused' || s.relayStage === 'Stopped'));
    if (sources.some(isError))
        return 'Error';
    if (sources.some((s) => s.stage === 'Paused'))
        return 'Paused';
    if (sources.some((s) => s.result === false || !STAGES.includes(s.stage)))
        return 'Unknown';
    const moving = sources.find((s) => ['Pausing', 'Resuming', 'Stopping'].includes(s.stage));
    if (moving !== undefined)
        return moving.stage;
    const first = sources[0]?.stage;
    if (sources.every((s) => s.stage === first) &&
        (first === 'New' || first === 'Stopped' || first === 'Finished')) {
        return first;
    }
    return 'Running';
}

;// CONCATENATED MODULE: ./src/tidb/dm/dmctl-loose-json.ts
// A forgiving JSON reader for what dmctl prints and what people paste from it. Real output is jsonpb (valid JSON)
// except where dmctl splices a raw message into it; copies from docs and issues add `# comments`, drop commas, carry
// typos (`"synced": try,`) or stop mid-document. This reader never throws: it recovers what it can, says what it
// repaired, and does work linear in the input (each character is consumed once; nesting beyond MAX_DEPTH is skipped
// iteratively, so no input can exhaust the stack).
const MAX_DEPTH = 128;
const MAX_REPAIR_NOTES = 16;
/** Marker: no value starts here (nothing consumed). */
const NOTHING = Symbol('nothing');
/** Marker: something was consumed but it is not a JSON value (an unknown bare word, a too-deep structure). */
const UNREADABLE = Symbol('unreadable');
const WORD_CHAR = /[A-Za-z0-9_$.+-]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t'
};
/** Reads one JSON-like value starting at `start` (leading blanks and comments are skipped). Never throws. */
function parseLooseJson(text, start = 0) {
    const reader = new LooseReader(text, start);
    const v = reader.value(0);
    return {
        value: v === NOTHING || v === UNREADABLE ? undefined : v,
        end: reader.pos,
        complete: reader.complete,
        repairs: [...reader.repairs]
    };
}
class LooseReader {
    text;
    pos;
    complete = true;
    repairs = new Set();
    constructor(text, start) {
        this.text = text;
        this.pos = Math.max(0, Math.min(start, text.length));
    }
    note(what) {
        if (this.repairs.size < MAX_REPAIR_NOTES)
            this.repairs.add(what);
    }
    atEnd() {
        return this.pos >= this.text.length;
    }
    truncated() {
        this.complete = false;
        this.note('output ends before the document is closed (truncated)');
    }
    /** Skips blanks and `#`, `//`, block comments. */
    skipTrivia() {
        const t = this.text;
        while (this.pos < t.length) {
            const c = t[this.pos];
            if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF' || c === '\u00A0') {
                this.pos++;
            }
            else if (c === '#' || (c === '/' && t[this.pos + 1] === '/')) {
                this.note('removed inline comments');
                const nl = t.indexOf('\n', this.pos);
                this.pos = nl < 0 ? t.length : nl + 1;
            }
            else if (c === '/' && t[this.pos + 1] === '*') {
                this.note('removed inline comments');
                const close = t.indexOf('*/', this.pos + 2);
                this.pos = close < 0 ? t.length : close + 2;
            }
            else {
                return;
            }
        }
    }
    value(depth) {
        this.skipTrivia();
        if (this.atEnd())
            return NOTHING;
        const c = this.text[this.pos] ?? '';
        if (c === '{' || c === '[') {
            if (depth >= MAX_DEPTH)
                return this.skipNested();
            return c === '{' ? this.object(depth) : this.array(depth);
        }
        if (c === '"')
            return this.string();
        if (c === '-' || (c >= '0' && c <= '9'))
            return this.number();
        if (WORD_CHAR.test(c))
            return this.word();
        return NOTHING;
    }
    object(depth) {
        // A null prototype keeps a `__proto__` key an ordinary property.
        const obj = Object.create(null);
        this.members('}', ']', () => {
            const c = this.text[this.pos] ?? '';
            let key;
            if (c === '"') {
                key = this.string();
            }
            else if (WORD_CHAR.test(c)) {
                key = this.rawWord();
                this.note('read an unquoted key');
            }
            else {
                this.note('skipped unexpected characters');
                this.pos++;
                return false;
            }
            this.skipTrivia();
            if (this.text[this.pos] === ':')
                this.pos++;
            else
                this.note('inserted missing colons');
            const v = this.value(depth + 1);
            if (v !== NOTHING && v !== UNREADABLE)
                obj[key] = v;
            return v !== NOTHING;
        });
        return obj;
    }
    array(depth) {
        const arr = [];
        this.members(']', '}', () => {
            const v = this.value(depth + 1);
            if (v === NOTHING) {
                this.note('skipped unexpected characters');
                this.pos++;
                return false;
            }
            if (v !== UNREADABLE)
                arr.push(v);
            return true;
        });
        return arr;
    }
    /**
     * The loop shared by objects and arrays: consumes the opening bracket, then members until `close`. Commas are
     * optional (docs drop them); a stray `other` closer ends the container without being consumed, so the enclosing
     * container can match it. `member` reads one member and says whether a value was read; every turn consumes input.
     */
    members(close, other, member) {
        this.pos++;
        let afterValue = false;
        for (;;) {
            this.skipTrivia();
            if (this.atEnd()) {
                this.truncated();
                return;
            }
            const c = this.text[this.pos];
            if (c === close) {
                this.pos++;
                return;
            }
            if (c === ',') {
                this.pos++;
                afterValue = false;
                continue;
            }
            if (c === other) {
                this.note(`closed a container at a stray \`${other}\``);
                return;
            }
            if (afterValue)
                this.note('inserted missing commas');
            afterValue = member();
        }
    }
    /** Reads a double-quoted string; raw control characters are kept, a missing closing quote ends at EOF. */
    string() {
        const t = this.text;
        this.pos++;
        let out = '';
        let from = this.pos;
        while (this.pos < t.length) {
            const c = t[this.pos];
            if (c === '"') {
                out += t.slice(from, this.pos);
                this.pos++;
                return out;
            }
            if (c === '\\') {
                out += t.slice(from, this.pos);
                out += this.escape();
                from = this.pos;
                continue;
            }
            if (c === '\n' || c === '\t' || c === '\r')
                this.note('kept raw control characters in strings');
            this.pos++;
        }
        out += t.slice(from);
        this.truncated();
        return out;
    }
    /** Decodes the escape at pos (a backslash); unknown escapes are kept literally. */
    escape() {
        const t = this.text;
        const e = t[this.pos + 1];
        if (e === undefined) {
            this.pos++;
            return '\\';
        }
        const simple = ESCAPES[e];
        if (simple !== undefined) {
            this.pos += 2;
            return simple;
        }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
            const code = parseInt(t.slice(this.pos + 2, this.pos + 6), 16);
            this.pos += 6;
            return String.fromCharCode(code);
        }
        this.note('kept invalid escapes literally');
        this.pos += 2;
        return '\\' + e;
    }
    number() {
        NUMBER.lastIndex = this.pos;
        const m = NUMBER.exec(this.text);
        if (m === null) {
            this.pos++;
            this.note('skipped unexpected characters');
            return UNREADABLE;
        }
        this.pos += m[0].length;
        return Number(m[0]);
    }
    rawWord() {
        const startAt = this.pos;
        while (this.pos < this.text.length && WORD_CHAR.test(this.text[this.pos] ?? ''))
            this.pos++;
        return this.text.slice(startAt, this.pos);
    }
    word() {
        const w = this.rawWord();
        if (w === 'true')
            return true;
        if (w === 'false')
            return false;
        if (w === 'null')
            return null;
        // A typo such as `try` is dropped rather than guessed: a wrong value is worse than a missing one.
        this.note(`dropped an unrecognised literal '${w.slice(0, 20)}'`);
        return UNREADABLE;
    }
    /** Skips a structure nested too deep to read, without recursion (strings are honoured). */
    skipNested() {
        this.note(`skipped structures nested deeper than ${MAX_DEPTH}`);
        const t = this.text;
        let level = 0;
        while (this.pos < t.length) {
            const c = t[this.pos];
            if (c === '"') {
                this.string();
                continue;
            }
            this.pos++;
            if (c === '{' || c === '[')
                level++;
            else if ((c === '}' || c === ']') && --level === 0)
                return UNREADABLE;
        }
        this.truncated();
        return UNREADABLE;
    }
}

;// CONCATENATED MODULE: ./src/tidb/dm/dmctl-check.ts
// The pre-check detail of `check-task` / `start-task`. DM builds the message as
// `fail to check synchronization configuration with type: <what>\n detail: <json.MarshalIndent(results, "\t", "\t")>`
// and dmctl splices that RAW string into its JSON output (PrettyPrintResponseWithCheckTask), so the detail arrives
// unescaped inside a JSON string. In logs the same text is escaped once (`\n\t\t\"results\"`) or twice (`\\n`).


const MARK = 'detail: {';
const MAX_ESCAPE_LEVELS = 4;
/** Finds and parses the first check-task detail in a text, raw or escaped; undefined when there is none. */
function findCheckDetail(text) {
    for (let at = text.indexOf(MARK), tries = 0; at >= 0 && tries < 8; at = text.indexOf(MARK, at + 1), tries++) {
        const brace = at + MARK.length - 1;
        const level = escapeLevel(text, brace + 1);
        if (level === undefined)
            continue;
        if (level === 0) {
            const parsed = parseLooseJson(text, brace);
            return {
                detail: toCheckDetail(parsed.value, parsed.complete),
                splice: { start: at, end: parsed.end }
            };
        }
        const parsed = parseLooseJson(unescapeLevels(text.slice(brace), level));
        return { detail: toCheckDetail(parsed.value, parsed.complete), splice: undefined };
    }
    return undefined;
}
/**
 * A message without the pre-check detail it carries: the text before `detail: {`, trimmed. When dmctl escapes the
 * detail inside the JSON string (DM 1.0 jsonpb; logs), decoding the string leaves it in the message.
 */
function withoutCheckDetail(message) {
    const at = message.indexOf(MARK);
    return (at >= 0 ? message.slice(0, at) : message).trimEnd();
}
/**
 * How many times the JSON after `detail: {` is escaped: 0 when raw (`{\n\t\t"results"`), 1 for `{\n\t\t\"results\"`,
 * 2 for `\\\"`. Undefined when what follows does not look like a detail object.
 */
function escapeLevel(text, from) {
    const window = text.slice(from, from + 200);
    const q = window.indexOf('"');
    // No quote at all: raw only if the object is empty or the output stops right after `{`.
    if (q < 0)
        return /^\s*(\}|$)/.test(window) ? 0 : undefined;
    let backslashes = 0;
    while (window[q - 1 - backslashes] === '\\')
        backslashes++;
    if (backslashes === 0)
        return /^\s*$/.test(window.slice(0, q)) ? 0 : undefined;
    const level = Math.log2(backslashes + 1);
    return Number.isInteger(level) && level <= MAX_ESCAPE_LEVELS ? level : undefined;
}
/** Undoes `levels` rounds of JSON string escaping (linear per round). */
function unescapeLevels(text, levels) {
    let out = text;
    for (let i = 0; i < levels; i++) {
        out = out.replace(/\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/g, (_m, e) => {
            if (e.length === 5)
                return String.fromCharCode(parseInt(e.slice(1), 16));
            return { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e] ?? e;
        });
    }
    return out;
}
/** Narrows a parsed detail (`{results, summary}`) into a {@link CheckDetail}. */
function toCheckDetail(value, complete) {
    const rec = (0,dmctl_values/* asRecord */.qY)(value);
    const summary = (0,dmctl_values/* asRecord */.qY)(rec?.['summary']);
    return {
        results: toCheckItems((0,dmctl_values/* asArray */._j)(rec?.['results'])),
        summary: summary === undefined
            ? undefined
            : {
                passed: (0,dmctl_values/* bool */.lc)(summary, 'passed'),
                total: (0,dmctl_values/* int */.Wh)(summary, 'total'),
                successful: (0,dmctl_values/* int */.Wh)(summary, 'successful'),
                failed: (0,dmctl_values/* int */.Wh)(summary, 'failed'),
                warning: (0,dmctl_values/* int */.Wh)(summary, 'warning')
            },
        complete
    };
}
/** Narrows check items; elements that are not objects are skipped. */
function toCheckItems(values) {
    return values.flatMap((v) => {
        const item = (0,dmctl_values/* asRecord */.qY)(v);
        return item === undefined ? [] : [toCheckItem(item)];
    });
}
/** True when a parsed object looks like a check item (a pasted fragment of `results[]`). */
function isCheckItem(value) {
    const rec = (0,dmctl_values/* asRecord */.qY)(value);
    return rec !== undefined && typeof rec['state'] === 'string' && typeof rec['name'] === 'string';
}
function toCheckItem(item) {
    const state = (0,dmctl_values/* str */.gx)(item, 'state');
    const errors = (0,dmctl_values/* asArray */._j)(item['errors']).flatMap((e) => {
        const rec = (0,dmctl_values/* asRecord */.qY)(e);
        if (rec === undefined)
            return [];
        return [
            {
                severity: (0,dmctl_values/* str */.gx)(rec, 'severity', state),
                shortError: (0,dmctl_values/* str */.gx)(rec, 'short_error'),
                instruction: (0,dmctl_values/* str */.gx)(rec, 'instruction')
            }
        ];
    });
    // DM before v5.4 printed one `errorMsg` string instead of `errors[]`.
    const legacy = (0,dmctl_values/* str */.gx)(item, 'errorMsg');
    if (errors.length === 0 && legacy !== '') {
        errors.push({ severity: state, shortError: legacy, instruction: '' });
    }
    return {
        id: (0,dmctl_values/* int */.Wh)(item, 'id'),
        name: (0,dmctl_values/* str */.gx)(item, 'name'),
        desc: (0,dmctl_values/* str */.gx)(item, 'desc'),
        state,
        errors,
        instruction: (0,dmctl_values/* str */.gx)(item, 'instruction'),
        extra: (0,dmctl_values/* str */.gx)(item, 'extra')
    };
}
/** The failed and warned items of a pre-check, failures first (order kept within each group). */
function checkFailures(detail) {
    if (detail === undefined)
        return [];
    const pick = (state) => detail.results
        .filter((r) => r.state === state)
        .map((r) => ({
        id: r.id,
        name: r.name,
        desc: r.desc,
        state,
        // DM's privilege checkers leave a trailing `; ` after the last error.
        errors: r.errors
            .map((e) => withoutTrailingSeparators(e.shortError))
            .filter((e) => e !== ''),
        instruction: [...new Set([r.instruction, ...r.errors.map((e) => e.instruction)])]
            .filter((i) => i !== '')
            .join(' '),
        extra: r.extra
    }));
    return [...pick('fail'), ...pick('warn')];
}
/** Trims blanks and trailing `;` (a loop, not a regex, so that long blank runs stay linear). */
function withoutTrailingSeparators(text) {
    let end = text.length;
    while (end > 0 && /[;\s]/.test(text[end - 1] ?? ''))
        end--;
    return text.slice(0, end).trimStart();
}
/** One line per failed/warned item: `[fail] name (desc): error; error. Instruction: … (extra)`. */
function describeCheckFailure(f) {
    const title = f.desc !== '' && f.desc !== f.name ? `${f.name} (${f.desc})` : f.name;
    let line = `[${f.state}] ${title}`;
    if (f.errors.length > 0)
        line += `: ${f.errors.join('; ')}`;
    if (f.instruction !== '')
        line += `. Instruction: ${f.instruction}`;
    if (f.extra !== '')
        line += ` (${f.extra})`;
    return line;
}

;// CONCATENATED MODULE: ./src/tidb/dm/dmctl-terror.ts
// DM's error text ("terror"): `[code=%d:class=%s:scope=%s:level=%s], Message: %s, RawCause: %s, Workaround: %s`,
// where each of the three tails is printed only when non-empty (tiflow dm/pkg/terror `Error()`). It reaches us inside
// `msg`, `checkResult`, stderr `Error: …` lines and logs, sometimes glued to older text (`check pass!!![code=46014…`).
/** DM error codes the phases react to (tiflow dm/_utils/terror_gen/errors_release.txt). */
const DM_ERROR = {
    /** `fail to check synchronization configuration with type: …` (pre-check failed; detail follows). */
    taskCheck: 26005,
    /** `source config with ID %s already exists` (operate-source create of an existing id). */
    sourceExists: 46007,
    /** `source with name %s need to operate has existing tasks %v` (operate-source stop of a source a task uses). */
    sourceHasTasks: 46010,
    /** `subtasks with name %s for sources %v already exist` (start-task of a running task). */
    subtaskExists: 46014,
    /** `task with name %s not exist`. */
    taskNotExist: 46018,
    /** `can not create grpc connection` (dm-master unreachable). */
    grpcConnection: 48001
};
const HEADER = /\[code=(\d{1,9}):class=([^:\]\s]*):scope=([^:\]\s]*):level=([^\]\s]*)\]/;
const MESSAGE = ', Message: ';
const RAW_CAUSE = ', RawCause: ';
const WORKAROUND = ', Workaround: ';
/** Finds the first DM error in a text and splits it into fields; undefined when the text holds none. */
function parseTerror(text) {
    const m = HEADER.exec(text);
    if (m === null)
        return undefined;
    // The check-task detail is JSON that may itself contain `, Workaround: `; it is read elsewhere (dmctl-check.ts).
    const rest = dmctl_terror_withoutCheckDetail(text.slice(m.index + m[0].length));
    const w = rest.lastIndexOf(WORKAROUND);
    const head = w < 0 ? rest : rest.slice(0, w);
    const r = head.indexOf(RAW_CAUSE);
    let message = '';
    if (head.startsWith(MESSAGE)) {
        message = head.slice(MESSAGE.length, r < 0 ? head.length : r);
    }
    else if (/^, ?"/.test(head)) {
        // The docs' error-code table writes the older `[code=…],"message"` form.
        message = head.replace(/^, ?"/, '').replace(/"\s*$/, '');
    }
    return {
        code: Number(m[1]),
        class: m[2] ?? '',
        scope: m[3] ?? '',
        level: m[4] ?? '',
        message: message.trim(),
        rawCause: r < 0 ? '' : head.slice(r + RAW_CAUSE.length).trim(),
        workaround: w < 0 ? '' : rest.slice(w + WORKAROUND.length).trim(),
        text: dmctl_terror_withoutCheckDetail(text.slice(m.index)).trim()
    };
}
/**
 * Cuts a check-task `detail: {…}` tail (raw, or escaped as in logs) off a message:
 * `… please see detail\n detail: {…}` → `… please see detail`.
 */
function dmctl_terror_withoutCheckDetail(message) {
    const at = message.indexOf('detail: ');
    if (at < 0)
        return message;
    let end = at;
    // Walk back over the blanks and escaped `\n`/`\t` that separate the message from `detail:`.
    for (;;) {
        const c = message[end - 1];
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r')
            end--;
        else if ((c === 'n' || c === 't') && message[end - 2] === '\\') {
            end -= 2;
            while (message[end - 1] === '\\')
                end--;
        }
        else
            break;
    }
    return message.slice(0, end);
}
/** A one-line rendering for logs and summaries: `[code=…] message (cause: …) Workaround: …`. */
function formatTerror(e) {
    const parts = [`[code=${e.code}:class=${e.class}] ${e.message}`.trim()];
    if (e.rawCause !== '')
        parts.push(`(cause: ${e.rawCause})`);
    if (e.workaround !== '')
        parts.push(`Workaround: ${e.workaround}`);
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/tidb/dm/dmctl-output.ts
// The one parser for everything dmctl prints. dmctl exits 0 whenever the RPC returns, also with `"result": false`,
// and exits 1 with `Error: …` on stderr when it cannot run the command (bad args, unreachable master). It prints
// jsonpb (4-space indent, int64 as strings, empty lists as `[\n    ]`), encoding/json for `query-status` without a
// task, and NOT valid JSON when a pre-check detail is spliced into `msg`/`checkResult`. Copies from docs add more
// damage. The parser recovers what it can, never throws, and decides success only from the content:
// exit ≠ 0 fails, `result: false` fails, a missing `result` fails, a source answering `result: false` fails.






/** Reads the output of any dmctl command. Never throws; work is linear in the size of the input. */
function parseDmctlOutput(stdout, stderr = '', exitCode = 0) {
    const found = findCheckDetail(stdout);
    const text = found?.splice === undefined
        ? stdout
        : stdout.slice(0, found.splice.start) + stdout.slice(found.splice.end);
    const { values, repairs, complete } = readValues(text);
    if (found !== undefined) {
        repairs.push(found.splice === undefined
            ? 'decoded an escaped pre-check detail'
            : 'cut the raw pre-check detail out of the JSON');
    }
    const doc = values.length === 1 ? (0,dmctl_values/* asRecord */.qY)(values[0]) : undefined;
    const fragment = values.length > 0 && values.every(isCheckItem);
    // An escaped detail (no splice) is still inside the decoded `msg`/`checkResult`: the fields keep DM's words only.
    const cut = (s) => (found === undefined ? s.trimEnd() : withoutCheckDetail(s));
    let result = fragment ? undefined : (0,dmctl_values/* bool */.lc)(doc, 'result');
    if (values.length === 0) {
        // Last resort, for a document that does not start a line (`dmctl> {"result": false, …`). Never used when a
        // document was read: a nested `result` must not stand in for a missing top-level one.
        const m = /"result"\s*:\s*(true|false)\b/.exec(text);
        if (m !== null) {
            result = m[1] === 'true';
            repairs.push('took `result` from the text');
        }
    }
    const fields = {
        result,
        msg: cut((0,dmctl_values/* str */.gx)(doc, 'msg')),
        ...optional('op', typeof doc?.['op'] === 'string' ? doc['op'] : undefined),
        sources: (0,dmctl_values/* asArray */._j)(doc?.['sources']).flatMap(toSourceEntry),
        ...optional('checkResult', typeof doc?.['checkResult'] === 'string' ? cut(doc['checkResult']) : undefined),
        ...optional('checkDetail', found?.detail ??
            (fragment
                ? { results: toCheckItems(values), summary: undefined, complete: false }
                : undefined)),
        ...optional('tasks', Array.isArray(doc?.['tasks']) ? (0,dmctl_values/* asArray */._j)(doc['tasks']).flatMap(toTaskEntry) : undefined),
        ...optional('cfg', typeof doc?.['cfg'] === 'string' ? doc['cfg'] : undefined),
        document: values.length === 1 ? values[0] : values.length > 1 ? values : undefined,
        raw: stdout,
        stderr,
        exitCode,
        complete: complete && values.length > 0 && found?.detail.complete !== false,
        repairs
    };
    const error = failureOf(fields);
    return error === undefined ? { ...fields, ok: true } : { ...fields, ok: false, error };
}
/** `{key: value}` when value is defined, `{}` otherwise (exactOptionalPropertyTypes forbids `key: undefined`). */
function optional(key, value) {
    return value === undefined ? {} : { [key]: value };
}
/**
 * Reads the JSON value(s) of the output: from the first line that starts with `{` (skipping prompts such as
 * `» query-status` and notices dmctl prints first), then any further `, {…}` values of a pasted fragment.
 */
function readValues(text) {
    const repairs = new Set();
    const values = [];
    let complete = true;
    const start = /^[ \t]*\{/m.exec(text);
    if (start === null)
        return { values, repairs: [], complete };
    if (/\S/.test(text.slice(0, start.index)))
        repairs.add('skipped text before the JSON document');
    let pos = start.index;
    while (values.length < 256) {
        const parsed = parseLooseJson(text, pos);
        if (parsed.value === undefined)
            break;
        values.push(parsed.value);
        complete &&= parsed.complete;
        parsed.repairs.forEach((r) => repairs.add(r));
        const next = /^\s*,\s*\{/.exec(text.slice(parsed.end, parsed.end + 4096));
        if (next === null)
            break;
        repairs.add('read a fragment of several values');
        pos = parsed.end + next[0].length - 1;
    }
    return { values, repairs: [...repairs], complete };
}
function toSourceEntry(value) {
    const rec = (0,dmctl_values/* asRecord */.qY)(value);
    if (rec === undefined)
        return [];
    const status = (0,dmctl_values/* asRecord */.qY)(rec['sourceStatus']);
    return [
        {
            result: (0,dmctl_values/* bool */.lc)(rec, 'result'),
            msg: (0,dmctl_values/* str */.gx)(rec, 'msg').trimEnd(),
            source: (0,dmctl_values/* str */.gx)(rec, 'source') || (0,dmctl_values/* str */.gx)(status, 'source'),
            worker: (0,dmctl_values/* str */.gx)(rec, 'worker') || (0,dmctl_values/* str */.gx)(status, 'worker'),
            value: rec
        }
    ];
}
function toTaskEntry(value) {
    const rec = (0,dmctl_values/* asRecord */.qY)(value);
    if (rec === undefined)
        return [];
    return [
        {
            name: (0,dmctl_values/* str */.gx)(rec, 'taskName') || (0,dmctl_values/* str */.gx)(rec, 'task'),
            status: (0,dmctl_values/* str */.gx)(rec, 'taskStatus'),
            op: (0,dmctl_values/* str */.gx)(rec, 'op'),
            result: (0,dmctl_values/* bool */.lc)(rec, 'result'),
            msg: (0,dmctl_values/* str */.gx)(rec, 'msg'),
            sources: (0,dmctl_values/* asArray */._j)(rec['sources']).flatMap((s) => {
                if (typeof s === 'string')
                    return [s];
                const src = (0,dmctl_values/* str */.gx)((0,dmctl_values/* asRecord */.qY)(s), 'source');
                return src === '' ? [] : [src];
            })
        }
    ];
}
function failureOf(out) {
    if (out.exitCode !== 0) {
        const message = dmctl_output_exitMessage(out);
        return { kind: 'exit-code', message, terror: parseTerror(message) };
    }
    if (out.result === false) {
        const text = out.msg !== '' ? out.msg : (out.checkResult ?? '');
        const terror = parseTerror(text);
        const message = terror?.text ?? (text !== '' ? text : 'dmctl answered "result": false without a message');
        return { kind: 'result-false', message, terror };
    }
    if (out.result === undefined) {
        const terror = parseTerror(out.raw) ?? parseTerror(out.stderr);
        const signal = /Got signal \[[^\]\n]*\] to exit\./.exec(out.raw);
        const first = firstLine(out.raw);
        const message = terror?.text ??
            signal?.[0] ??
            (out.document !== undefined
                ? `dmctl printed no "result" field${out.msg === '' ? '' : `: ${out.msg}`}`
                : first === ''
                    ? 'dmctl printed nothing'
                    : `dmctl printed no result: ${first}`);
        return { kind: 'no-result', message, terror };
    }
    const failed = out.sources.filter((s) => s.result === false);
    if (failed.length > 0) {
        const message = failed.map((s) => `${s.source || '(unknown source)'}: ${s.msg}`).join('; ');
        return { kind: 'source-failed', message, terror: parseTerror(message) };
    }
    return undefined;
}
/** The message of a failed run: the stderr `Error: …` line, with dmctl's stdout hint when it only says "see output". */
function dmctl_output_exitMessage(out) {
    const lines = out.stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('Starting component'));
    const errorLine = lines.find((l) => l.startsWith('Error: '));
    const stdoutLine = firstLine(out.raw);
    if (errorLine !== undefined) {
        const message = errorLine.slice('Error: '.length);
        return /please check output to see error/.test(message) && stdoutLine !== ''
            ? `${stdoutLine} (${message})`
            : message;
    }
    const code = `dmctl exited with code ${out.exitCode}`;
    return lines.at(-1) ?? (out.msg !== '' ? `${code}: ${out.msg}` : code);
}
function firstLine(text) {
    const line = text.split('\n').find((l) => l.trim() !== '');
    return line === undefined ? '' : line.trim().slice(0, 500);
}

;// CONCATENATED MODULE: ./src/tidb/dm/dmctl.ts
// Running dmctl through tiup (`tiup dmctl:<version> --master-addr <addr> <command> …`) and reading its answer.
// dmctl exits 0 whenever the RPC returns, also with `"result": false`, so success is decided by parseDmctlOutput from
// the content, never from the exit code alone; a failure carries DM's own error text (the terror fields).
//
// Config files with passwords are written 0600 in the run's private directory (writeSecretFile; the post step removes
// them), and dmctl runs with that directory as its working directory, because it always writes `dmctl.log` into its
// cwd — that file must not land in the user's workspace.








/** Deadlines of one dmctl call, ms, by command. check-task/start-task run DM's pre-check against the source. */
const DMCTL_DEADLINES_MS = {
    'get-config': 120_000,
    'operate-source': 300_000,
    'check-task': 600_000,
    'start-task': 600_000,
    'query-status': 120_000,
    'pause-task': 300_000,
    'resume-task': 300_000,
    'stop-task': 300_000
};
const READ_ONLY = new Set(['get-config', 'query-status']);
let workDir;
/**
 * dmctl's working directory: the run's private directory, where `dmctl.log` (the name dmctl always writes) is
 * created first through writeSecretFile so that the post step removes it. One per process: the directory stays
 * while the file is in it.
 */
function dmctlWorkDir() {
    workDir ??= (0,temp_files/* writeSecretFile */.AK)('dmctl.log', '').then((file) => external_node_path_default().dirname(file));
    workDir.catch(() => (workDir = undefined));
    return workDir;
}
/**
 * dmctl bound to one DM-master.
 * @throws (from each call) CancelledError when cancelled; PhaseError when dmctl cannot be started or passes its
 *   deadline. A dmctl that answered is never an exception: check `output.ok` (or use {@link requireOk}).
 */
function createDmctl(opts) {
    async function call(command, args) {
        const stdout = [];
        const stderr = [];
        const timeoutMs = opts.deadlines?.[command] ?? DMCTL_DEADLINES_MS[command];
        const log = READ_ONLY.has(command) ? (opts.debug ?? (() => undefined)) : opts.log;
        const result = await runComponent({
            tiup: opts.tiup,
            component: 'dmctl',
            version: opts.version,
            args: ['--master-addr', opts.masterAddr, command, ...args],
            secrets: (opts.secrets ?? []).filter((s) => s !== ''),
            cwd: await dmctlWorkDir(),
            timeoutMs,
            ...(opts.signal === undefined ? {} : { signal: opts.signal }),
            log,
            onLine: (line, stream) => (stream === 'stdout' ? stdout : stderr).push(line)
        });
        if (result.cancelled)
            throw new errors/* CancelledError */.cc(`dmctl ${command} was cancelled`);
        if (result.timedOut) {
            throw new errors/* PhaseError */.wo(opts.phase, `dmctl ${command} got no answer from the DM-master at ${opts.masterAddr} within ${(0,format/* formatDuration */.a3)(timeoutMs)}`, { tail: result.tail });
        }
        const output = parseDmctlOutput(stdout.join('\n'), stderr.join('\n'), result.exitCode ?? 1);
        return { command, output, commandLine: result.commandLine, tail: result.tail };
    }
    return {
        getSourceConfig: (sourceId) => call('get-config', ['source', sourceId]),
        createSource: (file) => call('operate-source', ['create', file]),
        stopSource: (sourceId) => call('operate-source', ['stop', sourceId]),
        listTasks: () => call('query-status', []),
        checkTask: (file) => call('check-task', [file]),
        startTask: (file, o) => call('start-task', o?.removeMeta ? ['--remove-meta', file] : [file]),
        async queryStatus(task) {
            const c = await call('query-status', [task]);
            return { ...c, status: taskStatusFromQuery(c.output, task) };
        },
        operateTask: (op, task) => call(`${op}-task`, [task]),
        async writeConfig(kind, yaml) {
            await dmctlWorkDir();
            return (0,temp_files/* writeSecretFile */.AK)(`dm-${kind}-${(0,external_node_crypto_.randomUUID)().slice(0, 8)}.yaml`, yaml);
        },
        removeFiles: (files) => (0,temp_files/* removeTempFiles */.mz)(files)
    };
}
/**
 * Fails when query-status got no answer (an unreachable master, a dmctl error); "task not found" is an answer.
 * @param phase the failing phase's id
 */
function requireAnswered(phase, call) {
    if (!call.status.found && call.status.stage !== 'NotFound')
        requireOk(phase, call, 'query-status');
    return call.status;
}
/**
 * The call's output when DM said yes; otherwise a PhaseError whose message is `what` plus DM's own words, with the
 * DM error text as the tool line.
 * @param phase the failing phase's id
 * @param what what was attempted, e.g. `Starting DM task t`
 */
function requireOk(phase, call, what) {
    const out = call.output;
    if (out.ok)
        return out;
    throw new errors/* PhaseError */.wo(phase, `${what} failed: ${out.error.message}`, {
        toolLine: out.error.terror?.text ?? out.error.message,
        tail: call.tail
    });
}

;// CONCATENATED MODULE: ./src/tidb/dm/status-text.ts
// How a DM task's state is shown: one line for logs and deadline messages, and DM's own error text.

/** `file:position` of the syncer (the least advanced source when there are several); undefined when none says. */
function syncedPosition(status) {
    const positions = status.sources
        .map((s) => s.syncerBinlog)
        .filter((p) => p !== undefined);
    return positions.sort((a, b) => compareBinlogPositions(a, b) ?? 0)[0];
}
/** DM's own error text, in its terror form: `[code=36069:class=sync-unit:scope=upstream:level=high], Message: …`. */
function formatProcessError(e) {
    const head = e.code === undefined
        ? e.class === ''
            ? ''
            : `[class=${e.class}] `
        : `[code=${e.code}:class=${e.class}:scope=${e.scope}:level=${e.level}], Message: `;
    let text = `${head}${e.message}`;
    if (e.rawCause !== '')
        text += `, RawCause: ${e.rawCause}`;
    if (e.workaround !== '')
        text += `, Workaround: ${e.workaround}`;
    return text;
}
/** `Running · lag 3 s · synced to (mysql-bin.000003, 1234) · source at (…)`, or DM's message when the task is gone. */
function describeTaskStatus(s) {
    if (s.stage === 'NotFound')
        return `task ${s.task} not found${s.message ? `: ${s.message}` : ''}`;
    const parts = [s.stage];
    if (s.lagSeconds !== undefined)
        parts.push(`lag ${s.lagSeconds} s`);
    const synced = syncedPosition(s);
    if (synced !== undefined)
        parts.push(`synced to (${synced.file}, ${synced.pos})`);
    const master = s.sources.find((x) => x.masterBinlog !== undefined)?.masterBinlog;
    if (master !== undefined)
        parts.push(`source at (${master.file}, ${master.pos})`);
    const error = s.errors[0];
    if (error !== undefined)
        parts.push(`error: ${formatProcessError(error)}`);
    return parts.join(' · ');
}

;// CONCATENATED MODULE: ./src/phases/dm-report.ts
// What the DM phases publish of a task's state: the step outputs and key numbers (`dm-task`, `dm-stage`,
// `dm-lag-seconds`, `dm-synced-position`), and where dmctl's read-only calls log.


/**
 * Publishes a task's state: the step outputs, the phase's key numbers and note. Call once, with the final status.
 * @param stage what to publish as `dm-stage` when it differs from the status (`Stopped` after a stop-task)
 */
function publishTaskStatus(ctx, s, stage = s.stage) {
    ctx.setOutput('dm-task', s.task);
    ctx.setOutput('dm-stage', stage);
    ctx.record.numbers.push({ label: 'DM stage', value: stage });
    if (s.lagSeconds !== undefined) {
        ctx.setOutput('dm-lag-seconds', s.lagSeconds);
        ctx.record.numbers.push({ label: 'lag', value: s.lagSeconds, unit: 'seconds' });
    }
    const synced = syncedPosition(s);
    if (synced !== undefined) {
        ctx.setOutput('dm-synced-position', `${synced.file}:${synced.pos}`);
        ctx.record.numbers.push({ label: 'synced to', value: `${synced.file}:${synced.pos}` });
    }
    const rows = s.sources.reduce((n, x) => n + (x.totalRows ?? 0), 0);
    if (s.sources.some((x) => x.totalRows !== undefined)) {
        ctx.record.numbers.push({ label: 'rows replicated', value: rows });
    }
    ctx.log.info(`DM task ${s.task}: ${describeTaskStatus(s)}`);
}
/**
 * The `debug` sink for dmctl's read-only calls: the phase's debug log when step debug logging is on, else none, so
 * every query-status of a long wait does not print its JSON.
 */
function debugLog(ctx) {
    return core/* isDebug */._o() ? { debug: (line) => ctx.log.debug(line) } : {};
}

// EXTERNAL MODULE: ./src/util/poll.ts
var poll = __webpack_require__(66451);
;// CONCATENATED MODULE: ./src/tidb/dm/wait.ts



/**
 * Polls `query` until `reached` or `failed` says so, or the deadline passes (then the outcome is `timeout`, not an
 * exception, so the caller can publish what it saw last).
 * @throws the query's own errors (a dmctl that cannot reach the master), and the abort reason when cancelled
 */
async function waitForTask(label, query, reached, failed, opts) {
    let last;
    try {
        const status = await (0,poll/* poll */.wt)({
            label,
            check: async () => {
                last = await query();
                opts.onStatus?.(last);
                return last;
            },
            isDone: (s) => reached(s) || failed(s),
            intervalMs: opts.intervalMs ?? 2000,
            maxIntervalMs: opts.maxIntervalMs ?? 15_000,
            deadlineMs: opts.deadlineMs,
            describe: describeTaskStatus,
            ...(opts.clock === undefined ? {} : { clock: opts.clock }),
            ...(opts.signal === undefined ? {} : { signal: opts.signal })
        });
        return { outcome: reached(status) ? 'reached' : 'failed', status };
    }
    catch (e) {
        if (e instanceof errors/* DeadlineError */.j3 && last !== undefined)
            return { outcome: 'timeout', status: last };
        throw e;
    }
}
/** A task DM paused with errors, or one that is gone, cannot come back by waiting. */
function isBroken(s) {
    return s.stage === 'Error' || s.stage === 'NotFound';
}
/** The replicate goal: Running, and every source's syncer at or past the position recorded before the snapshot. */
function runsFromRecorded(recorded) {
    return (s) => s.stage === 'Running' && s.passed(recorded);
}
/** The cut-over gate: Running with a known lag of at most `maxLagSeconds`. */
function lagWithin(maxLagSeconds) {
    return (s) => s.stage === 'Running' && s.lagSeconds !== undefined && s.lagSeconds <= maxLagSeconds;
}

// EXTERNAL MODULE: ./src/aws/aws-call.ts
var aws_call = __webpack_require__(57613);
// EXTERNAL MODULE: ./src/util/clock.ts + 1 modules
var util_clock = __webpack_require__(72645);
;// CONCATENATED MODULE: ./src/phases/aws-deps.ts






/** Builds the adapters for one phase run; SDK clients are only created when an adapter is not injected. */
async function awsKit(ctx, deps = {}) {
    const [{ createAwsClients }, { createRds }, { createS3 }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(202), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 40201)),
        Promise.all(/* import() */[__webpack_require__.e(202), __webpack_require__.e(634)]).then(__webpack_require__.bind(__webpack_require__, 15634)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 91075))
    ]);
    const clock = deps.clock ?? util_clock/* systemClock */.m;
    const random = deps.random ?? Math.random;
    const opts = {
        ...deps.retry,
        clock,
        random,
        signal: ctx.signal,
        log: (line) => ctx.log.info(line)
    };
    let clients = deps.clients;
    const get = () => (clients ??= createAwsClients(ctx.inputs.aws));
    return {
        rds: deps.rds ?? createRds(get().rds, opts),
        s3: deps.s3 ?? createS3(get().s3, opts),
        clock,
        random,
        amazonS3: (0,aws_endpoint/* effectiveS3Endpoint */.v)(ctx.inputs.aws) === undefined
    };
}
/**
 * The error a phase throws when an AWS call failed: our sentence with AWS's own line (`Code: message`) as the
 * tool line. Anything that is not an AWS failure (a cancellation, a bug) passes through unchanged.
 * @param phase the phase id
 * @param what what was being done: `Starting export task x`
 * @param e what the adapter threw
 * @param advice a sentence on what to do, appended
 */
function awsPhaseError(phase, what, e, advice = '') {
    if (!(e instanceof aws_call.AwsApiError))
        return e instanceof Error ? e : new Error((0,errors/* errorMessage */.gJ)(e));
    const tail = advice === '' ? '' : ` ${advice}`;
    const message = (0,aws_call.isExhaustedTransient)(e)
        ? `${what} failed: AWS kept answering ${e.operation} with ${e.line} (${e.attempts} requests, every retry used).${tail}`
        : `${what} failed: ${e.line}${tail}`;
    return new errors/* PhaseError */.wo(phase, message, { toolLine: e.line, cause: e });
}
/** Awaits an AWS call, turning its failure into {@link awsPhaseError}. */
async function orFail(phase, what, call) {
    try {
        return await call;
    }
    catch (e) {
        throw awsPhaseError(phase, what, e);
    }
}
/**
 * Polls with the kit's clock and the phase's signal (util/poll.ts `poll`); a deadline becomes `onDeadline`'s error,
 * an AWS failure {@link awsPhaseError}.
 * @param phase the phase id
 * @param kit the phase's clock
 * @param opts what to poll and how
 * @param onDeadline the error to fail with at the deadline: what was reached and what to do
 */
async function pollInPhase(ctx, phase, kit, opts, onDeadline) {
    try {
        return await (0,poll/* poll */.wt)({
            onTransient: (e, delayMs) => ctx.log.info(`Waiting for ${opts.label}: AWS answered ${e instanceof aws_call.AwsApiError ? e.line : (0,errors/* errorMessage */.gJ)(e)} even after retries; not a reason to stop waiting: asking again in ${(0,format/* formatDuration */.a3)(delayMs)}.`),
            ...opts,
            clock: kit.clock,
            random: kit.random,
            signal: ctx.signal
        });
    }
    catch (e) {
        if (e instanceof errors/* DeadlineError */.j3)
            throw onDeadline(e);
        throw awsPhaseError(phase, `Waiting for ${opts.label}`, e);
    }
}

;// CONCATENATED MODULE: ./src/phases/dm-operation.ts
// The DM lifecycle operations: `status`, `pause`, `resume`, `stop` of the task named by `dm-task-name` on the
// DM-master at `dm-master-addr`. Each runs its dmctl command and then checks the effect with query-status (Paused,
// Running, gone), because dmctl's answer only says DM accepted the request. Stage, lag, positions and errors are
// published as outputs and in the summary.
//
// `status` fails when the task is missing or DM paused it with an error (a scheduled status job goes red when
// replication broke). With `wait-for-lag-seconds` it is a cut-over gate: it waits up to `wait-timeout-minutes` for the
// lag to drop to the limit, sets `ready-for-cutover`, and fails when the gate is not reached in time, so a scheduled
// job fails when the lag grows. With `export-task-identifier` it also reports that export task (read-only).









const TITLES = {
    status: 'Status (DM task, export task)',
    pause: 'Pause the DM task',
    resume: 'Resume the DM task',
    stop: 'Stop the DM task'
};
/** A resumed task may show its old error for a moment before DM clears it. */
const RESUME_SETTLE_MS = 10_000;
/** The DM lifecycle operation phase (`status`, `pause`, `resume`, `stop`). */
function dmOperationPhase(state, operation, deps = {}) {
    const phase = `dm-${operation}`;
    return {
        id: phase,
        title: TITLES[operation],
        async run(ctx) {
            let exportFailure;
            if (operation === 'status' && ctx.inputs.aws.exportTaskIdentifier !== undefined) {
                try {
                    await reportExport(ctx, phase, ctx.inputs.aws.exportTaskIdentifier, deps);
                }
                catch (e) {
                    if (!(e instanceof errors/* PhaseError */.wo))
                        throw e;
                    exportFailure = e; // the DM task is still reported; the failure is thrown after
                }
            }
            const { masterAddr, taskName } = ctx.inputs.dm;
            if (masterAddr !== undefined) {
                if (taskName === undefined) {
                    throw new errors/* PhaseError */.wo(phase, `Input 'dm-task-name' is required: the DM task to ${operation}.`);
                }
                if (state.tiup === undefined)
                    throw new errors/* PhaseError */.wo(phase, 'dmctl is not installed (the tiup phase did not run).');
                const dm = (deps.dmctl ?? createDmctl)({
                    tiup: state.tiup,
                    version: ctx.inputs.tools.tidbVersion,
                    masterAddr,
                    signal: ctx.signal,
                    log: (l) => ctx.log.info(l),
                    ...debugLog(ctx),
                    phase
                });
                const run = operation === 'status' ? dm_operation_status : lifecycle(operation);
                await run({ ctx, dm, task: taskName, phase, deps });
            }
            if (exportFailure !== undefined)
                throw exportFailure;
        }
    };
}
function query(op) {
    return async () => {
        return requireAnswered(op.phase, await op.dm.queryStatus(op.task));
    };
}
function wait(op, reached, failed, deadlineMs, intervalMs) {
    return waitForTask(`DM task ${op.task}`, query(op), reached, failed, {
        deadlineMs,
        intervalMs: op.deps.pollIntervalMs ?? intervalMs,
        maxIntervalMs: Math.max(op.deps.pollIntervalMs ?? intervalMs, intervalMs * 6),
        ...(op.deps.clock === undefined ? {} : { clock: op.deps.clock }),
        signal: op.ctx.signal,
        onStatus: (s) => op.ctx.progress(describeTaskStatus(s))
    });
}
/** A PhaseError for a task that is gone or broken, with DM's own words; `what` prefixes the message. */
function brokenError(op, s, what) {
    const prefix = what === undefined ? '' : `${what}: `;
    const error = s.errors[0];
    if (error !== undefined) {
        const text = formatProcessError(error);
        return new errors/* PhaseError */.wo(op.phase, `${prefix}DM task ${op.task} is paused with an error: ${text}`, {
            toolLine: text
        });
    }
    return new errors/* PhaseError */.wo(op.phase, `${prefix}DM ${describeTaskStatus(s)}.`, {
        toolLine: s.message || undefined
    });
}
/** `status`: the task's state now, or (with `wait-for-lag-seconds`) once its lag is within the gate. */
async function dm_operation_status(op) {
    const { ctx } = op;
    const gate = ctx.inputs.waitForLagSeconds;
    if (gate === undefined) {
        const s = await query(op)();
        publishTaskStatus(ctx, s);
        if (isBroken(s))
            throw brokenError(op, s);
        if (s.stage !== 'Running')
            ctx.log.warning(`DM task ${op.task} is ${s.stage}: it does not replicate now.`);
        ctx.record.note = describeTaskStatus(s);
        return;
    }
    ctx.log.info(`Waiting up to ${(0,format/* formatDuration */.a3)(ctx.inputs.waitTimeoutMs)} for the lag of DM task ${op.task} to be at most ${gate} s.`);
    const r = await wait(op, lagWithin(gate), isBroken, ctx.inputs.waitTimeoutMs, 5000);
    publishTaskStatus(ctx, r.status);
    const ready = r.outcome === 'reached';
    ctx.setOutput('ready-for-cutover', String(ready));
    ctx.record.numbers.push({ label: 'ready for cut-over', value: ready ? 'yes' : 'no' });
    ctx.record.note = describeTaskStatus(r.status);
    if (ready)
        return;
    if (r.outcome === 'failed')
        throw brokenError(op, r.status, 'Not ready for cut-over');
    const lag = r.status.lagSeconds === undefined ? 'unknown' : `${r.status.lagSeconds} s`;
    throw new errors/* PhaseError */.wo(op.phase, `Not ready for cut-over: DM task ${op.task} was ${r.status.stage} with lag ${lag}, not within ` +
        `wait-for-lag-seconds (${gate} s), after ${(0,format/* formatDuration */.a3)(ctx.inputs.waitTimeoutMs)} (wait-timeout-minutes).`);
}
/** pause / resume / stop: the dmctl command, then query-status until the effect shows. */
function lifecycle(operation) {
    return async (op) => {
        const { ctx, dm, task } = op;
        // Read before stopping: afterwards the task and its position are gone.
        const before = operation === 'stop' ? await query(op)() : undefined;
        ctx.progress(`${operation}-task ${task}`);
        requireOk(op.phase, await dm.operateTask(operation, task), `${operation}-task ${task}`);
        const deadlineMs = op.deps.verifyDeadlineMs ?? 120_000;
        const clock = op.deps.clock;
        const startedAt = clock?.now() ?? Date.now();
        const goal = {
            pause: [(s) => s.stage === 'Paused' || s.stage === 'Error', (s) => s.stage === 'NotFound'],
            resume: [
                (s) => s.stage === 'Running',
                (s) => s.stage === 'NotFound' ||
                    (s.stage === 'Error' && (clock?.now() ?? Date.now()) - startedAt >= RESUME_SETTLE_MS)
            ],
            stop: [(s) => s.stage === 'NotFound', () => false]
        };
        const [reached, failed] = goal[operation];
        const r = await wait(op, reached, failed, deadlineMs, 1000);
        if (operation === 'stop' && r.outcome === 'reached' && before !== undefined) {
            publishTaskStatus(ctx, before, 'Stopped');
            ctx.record.note = `task ${task} stopped and removed from DM`;
            return;
        }
        publishTaskStatus(ctx, r.status);
        ctx.record.note = describeTaskStatus(r.status);
        if (r.outcome === 'reached') {
            const error = r.status.errors[0];
            if (error !== undefined) {
                ctx.log.warning(`DM task ${task} is paused and still has an error: ${formatProcessError(error)}`);
            }
            return;
        }
        if (r.outcome === 'failed' || r.status.errors.length > 0)
            throw brokenError(op, r.status, `${operation}-task ${task}`);
        throw new errors/* PhaseError */.wo(op.phase, `DM accepted ${operation}-task ${task}, but query-status still shows ${describeTaskStatus(r.status)} after ${(0,format/* formatDuration */.a3)(deadlineMs)}.`);
    };
}
/** Reports the export task named by `export-task-identifier`; fails when it is missing, FAILED or CANCELED. */
async function reportExport(ctx, phase, id, deps) {
    // The SDK is loaded only here (awsKit imports it on first use): a DM-only status run never pays for it.
    const kit = await awsKit(ctx, deps.aws);
    ctx.progress(`reading export task ${id}`);
    const view = await orFail(phase, `Reading export task '${id}'`, kit.rds.describeExportTask(id));
    if (view === undefined) {
        throw new errors/* PhaseError */.wo(phase, `Export task '${id}' (input export-task-identifier) was not found in ${ctx.inputs.aws.region}.`);
    }
    const progress = (0,export_task/* exportProgress */.S8)(view, new Date());
    ctx.setOutput('export-task-id', view.id || id);
    if (view.s3Bucket !== undefined) {
        ctx.setOutput('export-uri', `s3://${view.s3Bucket}/${exportRoot({ ...view, id: view.id || id })}/`);
    }
    ctx.record.numbers.push({ label: 'export', value: view.status ?? view.rawStatus ?? 'UNKNOWN' });
    ctx.record.numbers.push({ label: 'exported', value: progress.percent, unit: 'percent' });
    ctx.log.info(`Export task ${id}: ${progress.text}`);
    (0,export_task/* warningLines */._F)(view.warnings).forEach((w) => ctx.log.warning(w));
    if (view.status === 'FAILED' || view.status === 'CANCELED') {
        const cause = view.failureCause ?? `the task ended ${view.status}`;
        throw new errors/* PhaseError */.wo(phase, `Export task '${id}' ended ${view.status}: ${cause}`, {
            toolLine: view.failureCause
        });
    }
}

// EXTERNAL MODULE: ./src/aws/s3.ts
var s3 = __webpack_require__(91075);
;// CONCATENATED MODULE: ./src/phases/export-slot.ts
// Waiting for an export slot. AWS runs at most five snapshot export tasks at a time per account ("You can have up to
// five concurrent DB snapshot export tasks in progress per AWS account", Amazon Aurora User Guide, "Exporting DB
// cluster snapshot data to Amazon S3"), and a sixth StartExportTask is refused. The code is outside the RDS API
// model: AWS answers `ExportTaskLimitReachedFault` "You have reached the limit of 5 concurrent export tasks", which
// the SDK throws as an RDSServiceException of that name. A fleet of migrations (a `matrix:` of jobs) reaches the
// limit in the normal course of things, so the export phase waits for a slot — logged, with a heartbeat, within
// `export-timeout-minutes` — instead of failing.




/** AWS's code for "the account already runs its five concurrent export tasks". */
const EXPORT_LIMIT_CODE = 'ExportTaskLimitReachedFault';
/** How StartExportTask is tried again while the account is at its limit: exports take minutes to hours. */
const SLOT_POLL = { intervalMs: 10_000, maxIntervalMs: 60_000, factor: 1.5, jitter: 0.2 };
/**
 * Calls `start` until AWS accepts it. Any answer other than the limit (including ExportTaskAlreadyExists) is thrown
 * to the caller unchanged; at the deadline the phase fails saying nothing was started.
 * @param start one StartExportTask call
 * @param id the task id, for messages
 * @param deadlineMs how long to wait for a slot
 */
async function startWhenSlotFree(ctx, phase, kit, id, deadlineMs, start) {
    const began = kit.clock.now();
    let announced = false;
    const result = await pollInPhase(ctx, phase, kit, {
        label: `a free export slot for ${id}`,
        check: async () => {
            try {
                return { kind: 'started', task: await start() };
            }
            catch (e) {
                if ((0,aws_call.isAwsError)(e, EXPORT_LIMIT_CODE))
                    return { kind: 'busy', line: (0,aws_call.awsErrorLine)(e) };
                return { kind: 'failed', error: e };
            }
        },
        isDone: (a) => a.kind !== 'busy',
        ...SLOT_POLL,
        deadlineMs,
        describe: (a) => (a.kind === 'busy' ? a.line : a.kind),
        onProgress: (a, p) => {
            if (a.kind !== 'busy')
                return;
            const waited = (0,format/* formatDuration */.a3)(p.elapsedMs);
            ctx.progress(`waiting for an export slot (${waited}): the account runs 5 export tasks`);
            if (announced)
                return;
            announced = true;
            ctx.log.info(`AWS refused to start export task ${id}: ${a.line}. AWS runs at most 5 export tasks at a time per account; waiting for one of them to end (within export-timeout-minutes, ${(0,format/* formatDuration */.a3)(deadlineMs)}).`);
        }
    }, (e) => new errors/* PhaseError */.wo(phase, `No export slot became free within ${(0,format/* formatDuration */.a3)(deadlineMs)} (export-timeout-minutes): the account kept running 5 export tasks, AWS's limit per account. Export task ${id} was NOT started; re-run later, or raise export-timeout-minutes.`, { toolLine: e.lastSeen, cause: e }));
    // poll() returns only a done attempt: started or failed.
    if (result.kind !== 'started')
        throw result.kind === 'failed' ? result.error : new Error(id);
    const waitedMs = kit.clock.now() - began;
    if (announced)
        ctx.log.info(`An export slot became free after ${(0,format/* formatDuration */.a3)(waitedMs)}: export task ${id} started.`);
    return { task: result.task, waitedMs };
}

// EXTERNAL MODULE: ./src/phases/names.ts
var phases_names = __webpack_require__(40632);
;// CONCATENATED MODULE: ./src/phases/export.ts
// Phase `export`: exports the cluster snapshot to S3 as Parquet (StartExportTask) and waits for it to finish.
//
// Re-runs: the task id is derived from the run key, and AWS never lets an id be used twice (AWS, Aurora User Guide,
// "Considerations for DB cluster snapshot exports"). So a re-run attempt's StartExportTask fails with
// ExportTaskAlreadyExists, and the phase re-attaches to the task its first attempt started: running → keeps polling,
// COMPLETE → done, FAILED/CANCELED → a new task under the next derived id (`<id>-r2`, names.ts), recorded in the
// run state and the export-task-id output like the first. `export-task-identifier` attaches to a
// named task without starting one.
//
// Polling: exports take from ~15 minutes to hours, so checks start every 2 s (the sandbox's exports take seconds)
// and back off to one a minute — about 70 DescribeExportTasks calls for an hour (the bench's polling goal is at most
// 90).
//
// At AWS's limit of 5 concurrent exports per account, StartExportTask is tried again until a slot is free, within
// `export-timeout-minutes` (export-slot.ts).
//
// Never cancelled by us: on a timeout or a cancelled run the task keeps running on AWS (it is billed either way, and
// a re-run re-attaches to it), and the log says so.
//
// ExportOnly: `exportOnlyFor` (aws/export-naming.ts), from the tables precheck selected. It works from the
// selected tables themselves (what state.tables holds), keeps an exact db.table list where AWS can name the tables,
// falls back per database (not to the whole cluster) when a table name has characters AWS refuses, and keeps the
// list under AWS's 200 KB limit. `translateFilter` (table-filter/translate.ts) needs the full catalog to
// tell a whole database from part of one and falls back to the whole cluster instead.










const PHASE = 'export';
/** How an export task is polled (the bench's polling goal: at most 90 calls for a 60-minute export). */
const EXPORT_POLL = { intervalMs: 2000, maxIntervalMs: 60_000, factor: 1.5, jitter: 0.1 };
const NEW_RUN_KEY = 'Export task identifiers can never be reused, so exporting again needs a new run key: start a new workflow run (or set input run-key to a new value).';
function target(aws) {
    const missing = [
        aws.s3 ? undefined : 's3-uri',
        aws.exportRoleArn ? undefined : 'export-role-arn',
        aws.kmsKeyId ? undefined : 'kms-key-id'
    ].filter((m) => m !== undefined);
    if (!aws.s3 || !aws.exportRoleArn || !aws.kmsKeyId)
        throw new errors/* PhaseError */.wo(PHASE, `The export needs input ${missing.join(', ')}.`);
    return { s3: aws.s3, roleArn: aws.exportRoleArn, kmsKeyId: aws.kmsKeyId };
}
async function describe(kit, id) {
    return orFail(PHASE, `Reading export task ${id}`, kit.rds.describeExportTask(id));
}
const summary = (t, now) => (0,export_task/* exportProgress */.S8)(t, new Date(now)).text;
/** Starts the `id` task, or describes it when an earlier attempt already started it (AWS refuses the id again). */
async function startOrDescribe(ctx, kit, id, snapshot, to, exportOnly) {
    const prefix = (0,phases_names/* exportS3Prefix */.bH)(to.s3);
    try {
        const { task, waitedMs } = await startWhenSlotFree(ctx, PHASE, kit, id, ctx.inputs.timeouts.exportMs, () => kit.rds.startExportTask({
            taskId: id,
            sourceArn: snapshot.arn,
            bucket: to.s3.bucket,
            prefix,
            roleArn: to.roleArn,
            kmsKeyId: to.kmsKeyId,
            exportOnly
        }));
        const only = exportOnly ? `ExportOnly ${exportOnly.length} entries` : 'the whole snapshot';
        ctx.log.info(`Started export task ${task.id || id} of snapshot ${snapshot.identifier} to s3://${to.s3.bucket}/${prefix}/ (${only}).`);
        return { task, waitedMs, fresh: true };
    }
    catch (e) {
        if (!(0,aws_call.isAwsError)(e, 'ExportTaskAlreadyExists'))
            throw awsPhaseError(PHASE, `Starting export task ${id} of snapshot ${snapshot.identifier}`, e);
    }
    const task = await describe(kit, id);
    return task === undefined ? undefined : { task, waitedMs: 0, fresh: false };
}
async function startOrReattach(ctx, kit, state, snapshot, to) {
    if (!state.tables)
        throw new errors/* PhaseError */.wo(PHASE, 'The selected tables are unknown: the precheck phase records them.');
    const plan = exportOnlyFor(state.tables);
    for (const w of plan.warnings)
        ctx.log.warning(w);
    // A task of an earlier attempt that ended FAILED or CANCELED cannot be restarted and its id cannot be reused:
    // the next derived id is started instead, so re-running the failed run recovers (it used to be a dead end).
    for (let n = 1; n <= phases_names/* MAX_EXPORT_TASKS */.zr; n++) {
        const id = (0,phases_names/* exportTaskIdFor */.ep)(state.runKey, n);
        const got = await startOrDescribe(ctx, kit, id, snapshot, to, plan.exportOnly);
        if (got === undefined)
            throw new errors/* PhaseError */.wo(PHASE, `RDS says export task ${id} already exists but does not describe it. ${NEW_RUN_KEY}`);
        const { task } = got;
        if (got.fresh)
            return got;
        if (task.status === 'FAILED' || task.status === 'CANCELED' || task.status === 'CANCELING') {
            ctx.log.warning(`Export task ${task.id} of an earlier attempt ended ${task.rawStatus ?? task.status}${task.failureCause ? ` (${task.failureCause})` : ''}. Export task ids cannot be reused, so this run starts export task ${(0,phases_names/* exportTaskIdFor */.ep)(state.runKey, n + 1)} instead.`);
            continue;
        }
        ctx.log.info(`Export task ${task.id} already exists (started ${task.taskStartTime?.toISOString() ?? 'earlier'} by an earlier attempt of this run; now ${summary(task, kit.clock.now())}). Re-attaching to it instead of starting another.`);
        if (task.sourceArn !== undefined && task.sourceArn !== snapshot.arn)
            ctx.log.warning(`Export task ${task.id} exports ${task.sourceArn}, not this run's snapshot ${snapshot.arn}.`);
        return got;
    }
    throw new errors/* PhaseError */.wo(PHASE, `This run already started ${phases_names/* MAX_EXPORT_TASKS */.zr} export tasks (${(0,phases_names/* exportTaskIdFor */.ep)(state.runKey)} to ${(0,phases_names/* exportTaskIdFor */.ep)(state.runKey, phases_names/* MAX_EXPORT_TASKS */.zr)}) and none completed. ${NEW_RUN_KEY}`);
}
async function attachGiven(ctx, kit, id) {
    const task = await describe(kit, id);
    if (!task)
        throw new errors/* PhaseError */.wo(PHASE, `Export task ${id} (input export-task-identifier) does not exist: name an existing export task, or leave the input empty to start one.`);
    ctx.log.info(`Attaching to export task ${task.id} (${summary(task, kit.clock.now())}), source ${task.sourceArn ?? 'unknown'}.`);
    return task;
}
async function waitDone(ctx, kit, first, waitedMs) {
    const id = first.id;
    // The wait for an export slot counts against export-timeout-minutes too.
    const deadlineMs = Math.max(0, ctx.inputs.timeouts.exportMs - waitedMs);
    let logged = '';
    try {
        return await pollInPhase(ctx, PHASE, kit, {
            label: `export task ${id}`,
            check: async (attempt) => {
                if (attempt === 1)
                    return first;
                const now = await kit.rds.describeExportTask(id);
                if (!now)
                    throw new errors/* PhaseError */.wo(PHASE, `Export task ${id} no longer exists.`);
                return now;
            },
            isDone: (t) => (0,export_task/* isTerminalExportStatus */.bd)(t.status),
            ...EXPORT_POLL,
            // Check again when the percent says it should be done, not up to a whole backoff step later: on the
            // critical path every second of lateness delays the import (the bench's overlap metric).
            estimateRemainingMs: (t) => (0,export_task/* exportProgress */.S8)(t, new Date(kit.clock.now())).etaMs,
            deadlineMs,
            describe: (t) => summary(t, kit.clock.now()),
            onProgress: (t) => {
                const text = summary(t, kit.clock.now());
                ctx.progress(`export ${text}`);
                const key = `${t.rawStatus ?? ''} ${t.percent}`;
                if (key === logged)
                    return;
                logged = key;
                ctx.log.info(`Export task ${id}: ${text}`);
            }
        }, (e) => new errors/* PhaseError */.wo(PHASE, `Export task ${id} was not done after ${(0,format/* formatDuration */.a3)(ctx.inputs.timeouts.exportMs)} (export-timeout-minutes${waitedMs >= 1000 ? `, ${(0,format/* formatDuration */.a3)(waitedMs)} of it waiting for an export slot` : ''}); last seen: ${e.lastSeen ?? 'nothing'}. The task was NOT cancelled and keeps running on AWS: re-run this workflow run to re-attach to it, or set export-task-identifier: ${id} in a new run; raise export-timeout-minutes for large clusters.`, { toolLine: `Status: ${e.lastSeen ?? 'unknown'}`, cause: e }));
    }
    finally {
        if (ctx.signal.aborted)
            ctx.log.info(`Stopped waiting for export task ${id}. The task was not cancelled: it keeps running on AWS and is billed until it ends; re-run this workflow run to re-attach to it (or cancel it in the RDS console).`);
    }
}
/** Records the task and its files as soon as they are known, so a failure later still reports them. */
function record(ctx, task, to) {
    const bucket = task.s3Bucket ?? to.s3.bucket;
    const prefix = exportRoot(task, (0,phases_names/* exportS3Prefix */.bH)(to.s3));
    const uri = `s3://${bucket}/${prefix}/`;
    ctx.setOutput('export-task-id', task.id);
    ctx.setOutput('export-uri', uri);
    return { bucket, prefix, uri };
}
/**
 * The `export` phase.
 * @param state reads `snapshot` and `tables`, sets `export`
 * @param deps fakes and a clock for tests
 */
function exportPhase(state, deps = {}) {
    return {
        id: PHASE,
        title: 'Snapshot export to S3',
        async run(ctx) {
            const snapshot = state.snapshot;
            if (!snapshot)
                throw new errors/* PhaseError */.wo(PHASE, 'No snapshot to export: the snapshot phase records it.');
            const to = target(ctx.inputs.aws);
            const kit = await awsKit(ctx, deps);
            const given = ctx.inputs.aws.exportTaskIdentifier;
            const started = given !== undefined
                ? { task: await attachGiven(ctx, kit, given), waitedMs: 0 }
                : await startOrReattach(ctx, kit, state, snapshot, to);
            const where = record(ctx, started.task, to);
            const task = await waitDone(ctx, kit, started.task, started.waitedMs);
            const facts = {
                taskId: task.id,
                ...where,
                status: task.status ?? task.rawStatus ?? 'UNKNOWN',
                skipped: (task.warnings?.skippedTables ?? []).map((t) => ({
                    table: t.target,
                    reason: t.reason ?? 'named in the export warning'
                }))
            };
            state.export = facts;
            if (task.status !== 'COMPLETE') {
                const cause = task.failureCause ?? `Status: ${task.rawStatus ?? 'unknown'}`;
                throw new errors/* PhaseError */.wo(PHASE, `Export task ${task.id} ended ${facts.status}: ${cause}. Re-run this workflow run to start the export again (under the next export task id, as AWS never reuses one).`, {
                    toolLine: cause
                });
            }
            for (const line of (0,export_task/* warningLines */._F)(task.warnings))
                ctx.log.warning(`Export task ${task.id}: ${line}`);
            ctx.report.links.push({
                label: `Snapshot export ${task.id}`,
                url: (0,s3.s3Link)(kit.amazonS3, ctx.inputs.aws.region, where.bucket, where.prefix)
            });
            if (task.totalExtractedGB !== undefined)
                ctx.record.numbers.push({ label: 'exported GB', value: task.totalExtractedGB });
            if (facts.skipped.length > 0)
                ctx.record.numbers.push({
                    label: 'tables skipped by the export',
                    value: facts.skipped.length
                });
            const took = (0,export_task/* exportProgress */.S8)(task, new Date(kit.clock.now())).elapsedMs;
            ctx.record.note = `${task.id} complete${took === undefined ? '' : ` in ${(0,format/* formatDuration */.a3)(took)}`} → ${where.uri}`;
            ctx.log.info(`Export task ${task.id} is complete: ${where.uri}`);
        }
    };
}

// EXTERNAL MODULE: ./src/phases/migration-state.ts
var migration_state = __webpack_require__(40052);
;// CONCATENATED MODULE: ./src/precheck/estimates.ts
const GIB = 1024 ** 3;
const GB = 1000 ** 3;
/**
 * Aurora snapshot export price, USD per GB of snapshot size: the rate listed for US East (N. Virginia) under
 * "Snapshot or cluster export" on https://aws.amazon.com/rds/aurora/pricing/ (as published in 2025). Other Regions
 * differ; AWS bills the whole snapshot even when ExportOnly selects part of it.
 */
const EXPORT_PRICE = {
    usdPerGb: 0.01,
    region: 'US East (N. Virginia)',
    source: 'https://aws.amazon.com/rds/aurora/pricing/',
    asOf: '2025'
};
/**
 * TiDB Lightning import speed, GiB per hour, the low end of PingCAP's published ranges ("Fast (100~500 GiB/hour)"
 * physical, "Low (10~50 GiB/hour)" logical; docs.pingcap.com/tidb/stable/tidb-lightning-overview).
 */
const IMPORT_GIB_PER_HOUR = {
    local: 100,
    tidb: 10
};
/**
 * Snapshot export: a fixed start (AWS restores and scales the snapshot first; even tiny exports take about 15
 * minutes; AWS, Aurora User Guide, "Creating snapshot export tasks") plus a throughput. AWS publishes no throughput:
 * 50 GiB/hour is our conservative assumption; tables without a numeric key export single-threaded and slower.
 */
const EXPORT_START_HOURS = 0.5;
const EXPORT_GIB_PER_HOUR = 50;
/** Retention margin: estimates are rough (×1.5), and a failed import must be re-runnable before DM starts (+4 h). */
const RETENTION_FACTOR = 1.5;
const RETENTION_EXTRA_HOURS = 4;
/** Aurora's upper bound of `binlog retention hours` (2160 hours = 90 days; Aurora User Guide,
 * mysql.rds_set_configuration). */
const AURORA_MAX_RETENTION_HOURS = 2160;
/** TiKV space per byte of source data: 3 replicas × 2 for indexes and RocksDB amplification (PingCAP's rule). */
const TIKV_SPACE_FACTOR = 6;
const round1 = (h) => Math.round(h * 10) / 10;
/** Durations and the retention DM needs, from the selected tables' size. Pure. */
function estimateRun(selectedBytes, backend) {
    const gib = Math.max(0, selectedBytes) / GIB;
    const exportHours = EXPORT_START_HOURS + gib / EXPORT_GIB_PER_HOUR;
    const importHours = 0.1 + gib / IMPORT_GIB_PER_HOUR[backend];
    const totalHours = exportHours + importHours;
    return {
        selectedBytes,
        exportHours: round1(exportHours),
        importHours: round1(importHours),
        totalHours: round1(totalHours),
        retentionNeededHours: Math.ceil(totalHours * RETENTION_FACTOR + RETENTION_EXTRA_HOURS)
    };
}
/** The export's cost in USD for a snapshot of `snapshotBytes` (decimal GB, as AWS bills). Pure. */
function exportCostUsd(snapshotBytes) {
    return Math.round((Math.max(0, snapshotBytes) / GB) * EXPORT_PRICE.usdPerGb * 100) / 100;
}

;// CONCATENATED MODULE: ./src/precheck/facts.ts
/** A CheckRow builder, so check functions read as a list of verdicts. */
const row = (id, title, status, reason) => ({ id, title, status, reason });
/** `a, b, c and 7 more` for lists in reasons. */
function listSome(items, max = 5) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/** `` `db`.`table` `` as the reasons show a table. */
const tableName = (t) => `\`${t.database}\`.\`${t.table}\``;

;// CONCATENATED MODULE: ./src/precheck/selection-checks.ts







/**
 * Characters in a column name that make the Aurora export skip the table (AWS, Aurora User Guide, "Considerations for
 * DB cluster snapshot exports").
 */
const EXPORT_BAD_COLUMN = /[,;{}()\n\t= ]/;
/** Why the Aurora export will skip the table (its name or a column name), or undefined. */
function exportSkip(t) {
    const byName = exportSkipReason(t);
    if (byName)
        return byName;
    const bad = t.columns.find((c) => EXPORT_BAD_COLUMN.test(c.name));
    return bad ? `${tableName(t)}: column ${JSON.stringify(bad.name)}` : undefined;
}
/** Columns of a table whose type TiDB Lightning cannot read from Aurora's Parquet (BIT, pingcap/tidb#37774). */
const bitColumns = (t) => t.columns.filter((c) => c.dataType === 'bit').map((c) => c.name);
/** Date/time columns whose default is a zero date. */
const zeroDateColumns = (t) => t.columns
    .filter((c) => ['date', 'datetime', 'timestamp'].includes(c.dataType))
    .filter((c) => c.defaultValue !== null && /^0000-00-00/.test(c.defaultValue.replace(/^'/, '')))
    .map((c) => c.name);
function selectedRow(catalog, ctx) {
    const id = 'selection.tables';
    const title = 'The filter selects at least one table';
    const t = catalog.tables;
    if (t.length === 0) {
        const dbs = catalog.databases.length > 0
            ? listSome(catalog.databases.map((d) => `\`${d}\``), 10)
            : 'none';
        const views = catalog.views.length > 0
            ? ` (it matches ${(0,format/* plural */.LS)(catalog.views.length, 'view')}, which hold no data)`
            : '';
        return row(id, title, 'fail', `Input 'filter' (${(0,parse/* filterRules */.eX)(ctx.inputs.filter).join(' ')}) selects no table on the source${views}. Databases there: ${dbs}.`);
    }
    const dbs = new Set(t.map((x) => x.database)).size;
    const rows = t.reduce((n, x) => n + x.estimatedRows, 0);
    const bytes = t.reduce((n, x) => n + x.bytes, 0);
    return row(id, title, 'pass', `${(0,format/* plural */.LS)(t.length, 'table')} in ${(0,format/* plural */.LS)(dbs, 'database')}, about ${(0,format/* plural */.LS)(rows, 'row')}, ${(0,format/* formatBytes */.z3)(bytes)}` +
        (catalog.views.length > 0
            ? `; ${(0,format/* plural */.LS)(catalog.views.length, 'view')} (dumped by Dumpling and created on the target after the tables; verify checks each)`
            : ''));
}
/**
 * Databases the filter's inclusion rules name literally (`crm.*`, `` `crm`.t ``) that the source user cannot see:
 * they do not exist, or the user has no privilege on them — information_schema hides both alike.
 */
function namedDatabasesRow(catalog, ctx) {
    const named = ctx.inputs.filter.rules.flatMap((r) => r.include && r.schema.kind === 'literal' ? [r.schema.name] : []);
    if (named.length === 0)
        return undefined;
    const visible = new Set(catalog.databases.map(parse/* goToLower */.ri));
    const missing = [...new Set(named)].filter((d) => !visible.has((0,parse/* goToLower */.ri)(d)));
    const id = 'selection.named-databases';
    const title = 'The databases the filter names exist and are visible';
    if (missing.length === 0)
        return row(id, title, 'pass', `${listSome(named.map((d) => `\`${d}\``))} visible to the source user`);
    const list = listSome(missing.map((d) => `\`${d}\``));
    return row(id, title, 'fail', `Input 'filter' names ${list}, which the source user cannot see: the database does not exist, or the user has ` +
        `no privilege on it (GRANT SELECT ON \`${missing[0] ?? ''}\`.* TO the source user). Fix the rule or the grant.`);
}
function keyRow(tables, ctx) {
    const id = 'selection.unique-keys';
    const title = 'Tables have a primary or NOT NULL unique key';
    const without = tables.filter((t) => !t.hasUniqueKey).map(tableName);
    if (without.length === 0)
        return row(id, title, 'pass', 'every selected table has one');
    const names = listSome(without);
    return (0,types/* dmEnabled */.zc)(ctx.inputs)
        ? row(id, title, 'warn', `No key on ${names}: DM's safe mode replays the writes made between the binlog capture and the snapshot, ` +
            'and without a key a replayed INSERT duplicates the row. Add a primary key, or keep writes to them paused until the snapshot is taken.')
        : row(id, title, 'pass', `No key on ${names}; that matters only when DM replicates ('dm-master-addr' is empty).`);
}
/** What becomes of the tables the export skips, by input skipped-tables. */
const SKIPPED_FATE = {
    copy: 'They are copied another way (skipped-tables: copy): a Dumpling dump of just those tables, imported by Lightning after the export, and verified like the rest.',
    fail: "With skipped-tables: fail the run stops after the export, before any data is imported: rename the columns, leave the tables out of 'filter', or set skipped-tables to copy.",
    exclude: 'With skipped-tables: exclude they are left out of the import, DM and verification, and stay empty on TiDB.'
};
function exportRows(tables, ctx) {
    const skipped = tables.map(exportSkip).filter((s) => s !== undefined);
    const rules = auroraFileRules(tables);
    const misses = documentedPatternMisses(tables).map(tableName);
    const rows = [
        skipped.length === 0
            ? row('selection.export-skips', 'The Aurora export keeps every selected table', 'pass', 'no name or column the export skips')
            : row('selection.export-skips', 'The Aurora export keeps every selected table', 'warn', `The export skips tables with "/" in the name or a column name with a space or any of , ; { } ( ) = tab newline: ` +
                `${listSome(skipped)}. ${SKIPPED_FATE[ctx.inputs.skippedTables]}`)
    ];
    rows.push(rules.warnings.length > 0
        ? row('selection.file-routing', 'Every exported table routes to its own TiDB table', 'warn', rules.warnings.join('; '))
        : row('selection.file-routing', 'Every exported table routes to its own TiDB table', 'pass', misses.length > 0
            ? `Routed by generated rules (the [a-z0-9_] pattern of PingCAP's documented procedure would miss them): ${listSome(misses)}`
            : 'all names match the pattern of PingCAP’s documented procedure'));
    return rows;
}
function typeRows(tables) {
    const bits = tables.filter((t) => bitColumns(t).length > 0);
    const zero = tables.filter((t) => zeroDateColumns(t).length > 0);
    return [
        bits.length === 0
            ? row('selection.bit-columns', 'No BIT columns', 'pass', 'no selected table has a BIT column')
            : row('selection.bit-columns', 'No BIT columns', 'fail', `TiDB Lightning cannot read BIT columns from Aurora's Parquet (pingcap/tidb#37774, still open), so the import ` +
                `would fail after the export: ${listSome(bits.map((t) => `${tableName(t)} (${bitColumns(t).join(', ')})`))}. ` +
                "Leave these tables out of 'filter', or change the columns to TINYINT/BINARY first."),
        zero.length === 0
            ? row('selection.zero-dates', 'No zero-date defaults', 'pass', 'no date column defaults to 0000-00-00 (data itself is not scanned)')
            : row('selection.zero-dates', 'No zero-date defaults', 'warn', `Columns defaulting to a zero date: ${listSome(zero.map((t) => `${tableName(t)} (${zeroDateColumns(t).join(', ')})`))}. ` +
                'Zero dates make Aurora export single-threaded, and their Parquet value is not documented (it may arrive as NULL).')
    ];
}
function caseRow(tables) {
    const seen = new Map();
    const clashes = [];
    for (const t of tables) {
        // The pair, not the names joined: `rtk` + `x.y` and `rtk.x` + `y` are two tables.
        const k = (0,table_name/* tableKey */.i)({ database: t.database.toLowerCase(), table: t.table.toLowerCase() });
        const other = seen.get(k);
        // Sorted, so the message does not depend on the order a case-insensitive collation listed them in.
        if (other)
            clashes.push([tableName(other), tableName(t)].sort().join(' and '));
        else
            seen.set(k, t);
    }
    return clashes.length === 0
        ? row('selection.case-collisions', 'No names that differ only in case', 'pass', 'TiDB compares table names case-insensitively; no selected names collide')
        : row('selection.case-collisions', 'No names that differ only in case', 'fail', `TiDB compares database and table names case-insensitively, so these would be the same table: ${listSome(clashes)}. ` +
            "Rename one of each pair, or leave one out of 'filter'.");
}
/** Every verdict on the selection; none when the source could not be read. */
function selectionChecks(facts, ctx) {
    if (!facts.source.ok)
        return [];
    const catalog = facts.source.value.catalog;
    const named = namedDatabasesRow(catalog, ctx);
    const first = [selectedRow(catalog, ctx), ...(named ? [named] : [])];
    if (catalog.tables.length === 0)
        return first;
    const t = catalog.tables;
    return [...first, keyRow(t, ctx), ...exportRows(t, ctx), ...typeRows(t), caseRow(t)];
}

// EXTERNAL MODULE: ./src/mysql/grants.ts
var mysql_grants = __webpack_require__(86835);
;// CONCATENATED MODULE: ./src/precheck/source-checks.ts
// Verdicts on the source: reachable, binary log on and usable by DM, retention long enough, privileges. Pure: facts
// in, CheckRows out.
//
// Policy: the binlog must be on for every migrate (PingCAP's documented procedure records the position before the
// snapshot, and the binlog-capture phase fails without it). ROW format, FULL row image, no transaction compression
// and a server id are what DM needs to replay from that position: a failure when `dm-master-addr` is set, a warning
// otherwise (the position is still recorded for a DM started later, which would then fail the same way).





/** Where the binlog settings live on Aurora, for messages: the cluster's parameter group when known. */
function parameterGroup(aws) {
    const pg = aws.cluster?.kind === 'found' ? aws.cluster.value.parameterGroup : undefined;
    return pg ? `the DB cluster parameter group '${pg}'` : 'a custom DB cluster parameter group';
}
/** Fail with DM, warn without: for settings only DM depends on. */
function dmSetting(ctx, id, title, ok, passReason, problem) {
    if (ok)
        return row(id, title, 'pass', passReason);
    return (0,types/* dmEnabled */.zc)(ctx.inputs)
        ? row(id, title, 'fail', problem)
        : row(id, title, 'warn', `${problem} This matters once DM replicates from the recorded position ('dm-master-addr' is empty now).`);
}
function binlogRows(src, facts, ctx) {
    const s = src.settings;
    const pg = parameterGroup(facts.aws);
    const noRow = src.position.ok && src.position.value === undefined;
    if (!s.logBin || noRow) {
        return [
            row('source.binlog', 'Source binary log is on', 'fail', `The binary log is off (log_bin=${s.logBin ? 'ON but SHOW MASTER STATUS returns no row' : 'OFF'}): the ` +
                `migration records the binlog position before the snapshot. Set binlog_format=ROW in ${pg} and reboot the ` +
                'writer instance (Aurora Serverless v1 has no binlog).')
        ];
    }
    const rows = [row('source.binlog', 'Source binary log is on', 'pass', 'log_bin=ON')];
    rows.push(src.position.ok
        ? row('source.binlog-status', 'SHOW MASTER STATUS works for this user', 'pass', `${src.position.value?.file ?? ''}:${src.position.value?.position ?? ''} (${src.position.value?.statement ?? ''})`)
        : row('source.binlog-status', 'SHOW MASTER STATUS works for this user', 'fail', `${src.position.message} — grant REPLICATION CLIENT (BINLOG MONITOR on MariaDB) to the source user.`));
    const set = (name, value, want) => [
        value === want,
        `${name}=${value ?? ''}`,
        `${name} is ${value ?? 'not set'}, DM needs ${want}: set ${name}=${want} in ${pg} and reboot the writer.`
    ];
    rows.push(dmSetting(ctx, 'source.binlog-format', 'Source binlog_format is ROW', ...set('binlog_format', s.format, 'ROW')));
    rows.push(dmSetting(ctx, 'source.binlog-row-image', 'Source binlog_row_image is FULL', ...set('binlog_row_image', s.rowImage, 'FULL')));
    if (s.transactionCompression !== undefined || (0,types/* dmEnabled */.zc)(ctx.inputs)) {
        rows.push(dmSetting(ctx, 'source.binlog-compression', 'Source binlog_transaction_compression is OFF', s.transactionCompression !== true, s.transactionCompression === undefined ? 'not supported by this server (off)' : 'OFF', `binlog_transaction_compression is ON, which DM cannot read: set it to OFF in ${pg}.`));
    }
    if ((0,types/* dmEnabled */.zc)(ctx.inputs)) {
        rows.push(dmSetting(ctx, 'source.server-id', 'Source server_id is set', (s.serverId ?? 0) > 0, `server_id=${s.serverId ?? ''}`, 'server_id is 0: DM needs the source to have a server id.'));
    }
    rows.push(row('source.gtid', 'Source GTID mode', 'pass', s.gtidEnabled
        ? `GTIDs are written (${s.gtidMode ? `gtid_mode=${s.gtidMode}` : 'MariaDB GTID'}); the recorded GTID set lets DM start with enable-gtid`
        : `gtid_mode=${s.gtidMode ?? 'OFF'}: DM starts from the binlog file and position (DM uses GTIDs only when gtid_mode is ON)`));
    if (s.enhancedBinlog !== undefined) {
        rows.push(s.enhancedBinlog
            ? row('source.enhanced-binlog', 'Aurora enhanced binlog', 'warn', 'aurora_enhanced_binlog=1: enhanced binlog files are not copied to cloned or restored clusters, and ' +
                'positions after a snapshot restore have been reported wrong; verify the recorded position before cutover.')
            : row('source.enhanced-binlog', 'Aurora enhanced binlog', 'pass', 'aurora_enhanced_binlog=0'));
    }
    return rows;
}
/** Hours of binlog the source guarantees to keep: Infinity when never purged, 0 for Aurora's NULL default. */
function retainedHours(r) {
    if (r.kind === 'aurora')
        return r.hours ?? 0;
    if (r.kind === 'expire')
        return r.seconds === null ? Infinity : r.seconds / 3600;
    return undefined;
}
function describeRetention(r) {
    if (r.kind === 'aurora')
        return r.hours === null
            ? "'binlog retention hours' is NULL (Aurora's default: binlogs are purged lazily, usually within a day, with no guarantee)"
            : `'binlog retention hours' is ${r.hours}`;
    if (r.kind === 'expire')
        return r.seconds === null
            ? `${r.variable} is 0 (never purged)`
            : `${r.variable} keeps ${Math.round((r.seconds / 3600) * 10) / 10} h`;
    return `retention unknown: ${r.reason}`;
}
function retentionFix(r, needed) {
    if (r.kind === 'expire' || (r.kind === 'unknown' && !/rds_show_configuration/.test(r.reason)))
        return `SET GLOBAL binlog_expire_logs_seconds = ${needed * 3600}`;
    const hours = Math.min(needed, AURORA_MAX_RETENTION_HOURS);
    const capped = needed > AURORA_MAX_RETENTION_HOURS ? ` (Aurora's maximum; the estimate needs ${needed} h)` : '';
    return `CALL mysql.rds_set_configuration('binlog retention hours', ${hours})${capped}`;
}
/**
 * The retention guard: the binlog from the recorded position must survive export + import + margin, or DM cannot
 * start from it. Warns (fails with `fail-on-short-retention`) when DM is set; informative otherwise.
 */
function retentionCheck(r, estimate, ctx) {
    const id = 'source.binlog-retention';
    const title = 'Binlog retention covers export + import';
    const needed = estimate.retentionNeededHours;
    const why = `about ${needed} h needed (export ~${estimate.exportHours} h + import ~${estimate.importHours} h, ` +
        '×1.5 and +4 h to re-run an import)';
    const have = retainedHours(r);
    if (have !== undefined && have >= needed)
        return row(id, title, 'pass', `${describeRetention(r)}; ${why}`);
    const problem = have === undefined
        ? `Could not verify the binlog retention (${describeRetention(r)}); ${why}.`
        : `${describeRetention(r)}, shorter than the ${why}: DM could not start from the recorded position.`;
    if (!(0,types/* dmEnabled */.zc)(ctx.inputs))
        return row(id, title, 'pass', `${problem} Only DM needs it ('dm-master-addr' is empty).`);
    const fix = ` Run ${retentionFix(r, needed)} on the source.`;
    if (have === undefined)
        return row(id, title, 'warn', problem + fix);
    return row(id, title, ctx.inputs.failOnShortRetention ? 'fail' : 'warn', problem + fix);
}
function privilegeRow(src, ctx) {
    const id = 'source.privileges';
    const title = 'Source user privileges for Dumpling and DM';
    if (!src.grants.ok)
        return row(id, title, 'warn', `Could not read SHOW GRANTS: ${src.grants.message}`);
    const g = src.grants.value;
    const fold = src.settings.lowerCaseTableNames !== 0;
    const noSelect = src.catalog.tables.filter((t) => !(0,mysql_grants/* canSelect */.BY)(g, t.database, t.table, fold));
    const missing = (0,mysql_grants/* globalPrivilegeNeeds */.MU)((0,types/* dmEnabled */.zc)(ctx.inputs)).filter((n) => !(0,mysql_grants/* hasGlobal */._w)(g, n.privilege) &&
        // SHOW MASTER STATUS just worked: whatever grants it, the user has it.
        !(n.privilege === 'REPLICATION CLIENT' && src.position.ok));
    if (src.catalog.views.length > 0 && !(0,mysql_grants/* hasGlobal */._w)(g, 'SHOW VIEW'))
        missing.push({
            privilege: 'SHOW VIEW',
            why: 'Dumpling dumps the selected views',
            required: false
        });
    // A table the export will skip is copied by Dumpling with --consistency lock, which runs LOCK TABLES … READ on it
    // (pingcap/tidb dumpling/export/consistency.go, ConsistencyLockDumpingTables).
    const lockDbs = ctx.inputs.skippedTables === 'copy'
        ? [
            ...new Set(src.catalog.tables.filter((t) => exportSkip(t) !== undefined).map((t) => t.database))
        ].filter((db) => !(0,mysql_grants/* hasOnDatabase */.bS)(g, 'LOCK TABLES', db, fold))
        : [];
    if (lockDbs.length > 0)
        missing.push({
            privilege: `LOCK TABLES on ${listSome(lockDbs.map((d) => `\`${d}\``))}`,
            why: 'Dumpling locks the tables the export skips while it copies them (skipped-tables: copy)',
            required: true
        });
    const problems = [
        ...(noSelect.length > 0
            ? [`SELECT on ${listSome(noSelect.map(tableName))} (Dumpling reads their schema)`]
            : []),
        ...missing.map((n) => `${n.privilege} (${n.why})`)
    ];
    if (problems.length === 0)
        return row(id, title, 'pass', 'SELECT on every selected table and the global privileges needed');
    const required = noSelect.length > 0 || missing.some((n) => n.required);
    const roles = g.roles.length > 0
        ? ` The user has roles (${listSome(g.roles)}) whose privileges SHOW GRANTS does not list.`
        : '';
    const status = required && roles === '' ? 'fail' : 'warn';
    return row(id, title, status, `Missing: ${problems.join('; ')}. GRANT them to the source user.${roles}`);
}
/** Every source verdict. */
function sourceChecks(facts, ctx) {
    const src = facts.source;
    if (!src.ok)
        return [row('source.connect', 'Source reachable with the given user', 'fail', src.message)];
    const v = src.value.version;
    const rows = [
        row('source.connect', 'Source reachable with the given user', 'pass', `${v.text}${v.aurora ? ` (Aurora MySQL ${v.aurora})` : ''} as '${ctx.inputs.source.user}'`),
        ...binlogRows(src.value, facts, ctx)
    ];
    if (src.value.settings.logBin) {
        const selected = src.value.catalog.tables.reduce((n, t) => n + t.bytes, 0);
        rows.push(retentionCheck(src.value.retention, estimateRun(selected, ctx.inputs.import.backend), ctx));
    }
    rows.push(privilegeRow(src.value, ctx));
    return rows;
}

;// CONCATENATED MODULE: ./src/precheck/plan.ts
// The plan of `operation: plan`, built from the precheck's facts: tables, rows and bytes per database, estimates
// (export cost and duration, import duration, binlog retention needed vs configured, disk and storage needs) with
// what each is based on, and risk flags per table. Pure.






const plan_GIB = 1024 ** 3;
/** What could go wrong with one table, in a few words each. */
function tableRisks(t) {
    const risks = [];
    const bits = bitColumns(t);
    if (bits.length > 0)
        risks.push(`BIT column ${bits.join(', ')}: Lightning cannot read it from Aurora Parquet`);
    const skip = exportSkip(t);
    if (skip)
        risks.push(`skipped by the export (${skip})`);
    const zero = zeroDateColumns(t);
    if (zero.length > 0)
        risks.push(`zero-date default on ${zero.join(', ')}`);
    if (!t.hasUniqueKey)
        risks.push('no primary or NOT NULL unique key (DM safe mode cannot dedupe)');
    const wide = t.columns.filter((c) => c.dataType === 'decimal' && (c.numericPrecision ?? 0) > 38);
    if (wide.length > 0)
        risks.push(`DECIMAL over 38 digits exported as text: ${wide.map((c) => c.name).join(', ')}`);
    const floats = t.columns.filter((c) => c.dataType === 'float');
    if (floats.length > 0)
        risks.push(`FLOAT exported as DOUBLE (last digits may differ): ${floats.map((c) => c.name).join(', ')}`);
    const lobs = t.columns.filter((c) => c.dataType === 'longblob' || c.dataType === 'longtext');
    if (lobs.length > 0)
        risks.push(`LONGBLOB/LONGTEXT (the export fails on a value near 500 MB): ${lobs.map((c) => c.name).join(', ')}`);
    if (t.foreignKeys > 0)
        risks.push(`${t.foreignKeys} foreign key(s): import order is not enforced`);
    if (t.collation?.startsWith('utf8mb4_0900'))
        risks.push(`collation ${t.collation} needs TiDB v7.4 or later`);
    if (t.engine !== null && t.engine.toLowerCase() !== 'innodb')
        risks.push(`engine ${t.engine}, not InnoDB`);
    return risks;
}
function databases(tables) {
    const by = new Map();
    for (const t of tables) {
        const d = by.get(t.database) ?? { database: t.database, tables: 0, estimatedRows: 0, bytes: 0 };
        by.set(t.database, {
            database: t.database,
            tables: d.tables + 1,
            estimatedRows: d.estimatedRows + t.estimatedRows,
            bytes: d.bytes + t.bytes
        });
    }
    return [...by.values()];
}
/** How long a restored copy takes to become available (our assumption). */
const RESTORE_HOURS = 0.5;
const hours = (h) => (h < 1 ? `~${Math.max(1, Math.round(h * 60))} min` : `~${h} h`);
function estimates(facts, inputs, tables) {
    const selected = tables.reduce((n, t) => n + t.bytes, 0);
    const backend = inputs.import.backend;
    const run = estimateRun(selected, backend);
    const snap = facts.aws.snapshot?.kind === 'found' ? facts.aws.snapshot.value.allocatedGb : undefined;
    const totalBytes = facts.source.ok ? facts.source.value.catalog.totalBytes : selected;
    const snapshotBytes = snap !== undefined ? snap * plan_GIB : totalBytes;
    const out = [
        {
            label: 'Export cost',
            value: `$${exportCostUsd(snapshotBytes).toFixed(2)}`,
            basis: `${(0,format/* formatBytes */.z3)(snapshotBytes)} ${snap !== undefined ? 'snapshot' : 'of data on the cluster (a lower bound of the snapshot size)'} × ` +
                `$${EXPORT_PRICE.usdPerGb.toFixed(3)}/GB, the ${EXPORT_PRICE.region} price on ${EXPORT_PRICE.source} (${EXPORT_PRICE.asOf}); ` +
                'AWS bills the whole snapshot, however few tables are exported. An estimate: check your Region’s price.'
        },
        {
            label: 'Export duration',
            value: hours(run.exportHours),
            basis: `${EXPORT_START_HOURS * 60} min for AWS to restore the snapshot + ${(0,format/* formatBytes */.z3)(selected)} at ${EXPORT_GIB_PER_HOUR} GiB/h (our assumption; AWS publishes no rate, and tables without a numeric key export single-threaded)`
        },
        {
            label: 'Import duration',
            value: hours(run.importHours),
            basis: `Lightning ${backend} backend at ${IMPORT_GIB_PER_HOUR[backend]} GiB/h, the low end of PingCAP's published range; the schema track runs beside the export`
        }
    ];
    if ((0,types/* restoreWanted */.Mi)(inputs))
        out.push(restoredCopyEstimate(inputs, run.totalHours));
    const retention = facts.source.ok ? retainedHours(facts.source.value.retention) : undefined;
    out.push({
        label: 'Binlog retention',
        value: `${run.retentionNeededHours} h needed; ${retention === undefined ? 'unknown' : retention === Infinity ? 'never purged' : `${Math.round(retention * 10) / 10} h`} configured`,
        basis: `(export + import) × ${RETENTION_FACTOR} + ${RETENTION_EXTRA_HOURS} h, so DM can start from the recorded position${(0,types/* dmEnabled */.zc)(inputs) ? '' : ' (no DM in this run)'}`
    });
    if (backend === 'local') {
        const largest = Math.max(0, ...tables.map((t) => t.bytes));
        const free = facts.runner.freeBytes;
        out.push({
            label: 'Lightning disk (sorted-kv-dir)',
            value: `${(0,format/* formatBytes */.z3)(largest)} needed; ${free === undefined ? 'free space unknown' : `${(0,format/* formatBytes */.z3)(free)} free`}`,
            basis: `about the largest table, in ${facts.runner.sortedKvDir}`
        });
    }
    out.push({
        label: 'S3 footprint',
        value: `up to ${(0,format/* formatBytes */.z3)(selected)}`,
        basis: `the export's gzip Parquet under ${inputs.aws.s3?.uri ?? "'s3-uri'"}/export is usually smaller than InnoDB's on-disk size; the schema dump is small`
    });
    out.push({
        label: 'TiKV storage',
        value: (0,format/* formatBytes */.z3)(selected * TIKV_SPACE_FACTOR),
        basis: "selected size × 3 replicas × 2 for indexes and RocksDB amplification (PingCAP's sizing rule)"
    });
    return out;
}
/**
 * The restored copy (restore-snapshot): it is restored beside the export, so it adds no time unless it outlasts the
 * export, and it bills by the hour until the run removes it.
 */
function restoredCopyEstimate(inputs, runHours) {
    const cls = inputs.restore.instanceClass ?? types/* DEFAULT_RESTORE_CLASS */.Ap;
    return {
        label: 'Restored copy',
        value: `${hours(RESTORE_HOURS)} beside the export; ${cls} for ${hours(runHours)}${inputs.restore.keep ? ' and kept after the run (keep-restored-copy)' : ''}`,
        basis: `RestoreDBClusterFromSnapshot + one ${cls} instance, about ${RESTORE_HOURS * 60} min whatever the size (our assumption: an Aurora restore attaches the snapshot's volume; AWS publishes no duration); billed at the class's hourly Aurora price while the run lasts (export + import + verify), then removed${inputs.restore.keep ? ' — except that it is kept' : ''}. An estimate: check your Region's price.`
    };
}
/** The plan, or undefined when the source could not be read. */
function buildPlan(facts, inputs) {
    if (!facts.source.ok)
        return undefined;
    const { tables, views } = facts.source.value.catalog;
    const risks = tables
        .map((t) => ({ table: tableName(t), risks: tableRisks(t) }))
        .filter((r) => r.risks.length > 0);
    return {
        totals: {
            tables: tables.length,
            views: views.length,
            estimatedRows: tables.reduce((n, t) => n + t.estimatedRows, 0),
            bytes: tables.reduce((n, t) => n + t.bytes, 0)
        },
        databases: databases(tables),
        estimates: estimates(facts, inputs, tables),
        risks
    };
}
/** One line for the log: `13 tables, ~4,451 rows, 576.0 KiB`. */
function planHeadline(plan) {
    const t = plan.totals;
    return `${(0,format/* plural */.LS)(t.tables, 'table')}, ~${(0,format/* plural */.LS)(t.estimatedRows, 'row')}, ${(0,format/* formatBytes */.z3)(t.bytes)}`;
}

// EXTERNAL MODULE: ./src/report/publish.ts + 11 modules
var publish = __webpack_require__(53262);
;// CONCATENATED MODULE: ./src/phases/plan.ts
// Phase `plan` (operation `plan` = precheck + plan): from what the precheck read, the plan a reviewer wants before
// anything runs — sizes per database, estimates with their basis, risk flags — as a section of the job summary
// (report.plan) and as plan.json next to result.json (output `plan-file`). No side effect beyond that local file.
// When prechecks failed, the plan is still written, then the phase fails with the precheck's message.






const plan_DEFAULT_DEPS = { dir: publish/* resultDir */.H4, now: () => new Date() };
/**
 * The plan phase.
 * @param state the precheck's facts (`state.precheck`)
 * @param deps where to write plan.json (tests)
 */
function planPhase(state, deps = plan_DEFAULT_DEPS) {
    return {
        id: 'plan',
        title: 'Plan: tables, sizes, estimates',
        async run(ctx) {
            const facts = state.precheck;
            const plan = facts && buildPlan(facts, ctx.inputs);
            if (!facts || !plan) {
                throw new errors/* PhaseError */.wo('plan', state.precheckFailure ?? 'The plan needs the source facts the precheck reads.');
            }
            const unsupported = ctx.report.unsupported ?? [];
            ctx.report.plan = { ...plan, unsupported };
            const { inputs } = ctx;
            const doc = {
                generatedAt: deps.now().toISOString(),
                runKey: inputs.runKey,
                source: { host: inputs.source.host, port: inputs.source.port, user: inputs.source.user },
                target: { host: inputs.target.host, port: inputs.target.port, user: inputs.target.user },
                aws: {
                    region: inputs.aws.region,
                    clusterIdentifier: inputs.aws.clusterIdentifier ?? null,
                    snapshotIdentifier: inputs.aws.snapshotIdentifier ?? null,
                    s3Uri: inputs.aws.s3?.uri ?? null
                },
                filter: (0,parse/* filterRules */.eX)(inputs.filter),
                checks: ctx.report.checks,
                ...plan,
                unsupportedObjects: unsupported,
                leftOut: state.leftOut ?? [],
                tables: facts.source.ok
                    ? facts.source.value.catalog.tables.map((t) => ({
                        database: t.database,
                        table: t.table,
                        estimatedRows: t.estimatedRows,
                        bytes: t.bytes,
                        engine: t.engine,
                        hasPrimaryKey: t.hasPrimaryKey,
                        hasUniqueKey: t.hasUniqueKey,
                        risks: tableRisks(t)
                    }))
                    : []
            };
            const dir = deps.dir();
            await external_node_fs_.promises.mkdir(dir, { recursive: true });
            const file = external_node_path_default().join(dir, 'plan.json');
            await external_node_fs_.promises.writeFile(file, `${JSON.stringify(doc, null, 2)}\n`, 'utf8');
            ctx.setOutput('plan-file', file);
            ctx.log.info(`Plan: ${planHeadline(plan)}; written to ${file}`);
            for (const e of plan.estimates)
                ctx.log.info(`${e.label}: ${e.value} — ${e.basis}`);
            ctx.record.note = planHeadline(plan);
            ctx.record.numbers.push({ label: 'tables', value: plan.totals.tables }, { label: 'risk flags', value: plan.risks.reduce((n, r) => n + r.risks.length, 0) });
            if (state.precheckFailure !== undefined)
                throw new errors/* PhaseError */.wo('plan', state.precheckFailure);
        }
    };
}

// EXTERNAL MODULE: ./src/inputs/aws-parsers.ts
var aws_parsers = __webpack_require__(30125);
;// CONCATENATED MODULE: ./src/precheck/aws-checks.ts




/**
 * The service principal an export role must trust (Aurora User Guide, "Setting up access to an Amazon S3 bucket").
 */
const EXPORT_SERVICE = 'export.rds.amazonaws.com';
/** The rows for a lookup that found nothing usable; undefined when it found the resource. */
function notFound(l, id, title, what, fix) {
    switch (l.kind) {
        case 'found':
            return undefined;
        case 'missing':
            return row(id, title, 'fail', `${l.message} — ${fix}`);
        case 'denied':
            return row(id, title, 'warn', `Could not verify ${what} (missing permission ${l.permission}): ${l.message}`);
        case 'error':
            return row(id, title, 'fail', `Could not look up ${what}: ${l.message}`);
    }
}
function clusterRows(aws, ctx) {
    const id = ctx.inputs.aws.clusterIdentifier;
    if (id === undefined || aws.cluster === undefined)
        return [];
    const title = 'Aurora MySQL cluster exists and is available';
    const region = ctx.inputs.aws.region;
    const missing = notFound(aws.cluster, 'aws.cluster', title, `cluster '${id}'`, `check 'cluster-identifier' and 'aws-region' (${region})`);
    if (missing || aws.cluster.kind !== 'found')
        return missing ? [missing] : [];
    const c = aws.cluster.value;
    const problems = [];
    if (c.engine !== 'aurora-mysql')
        problems.push(`its engine is ${c.engine}, not aurora-mysql`);
    if (c.engineMode && c.engineMode !== 'provisioned')
        problems.push(`its engine mode is ${c.engineMode} (Aurora Serverless v1 has no binlog and cannot be exported)`);
    const reuse = ctx.inputs.aws.snapshotIdentifier !== undefined;
    if (c.status !== 'available' && !reuse)
        problems.push(`it is ${c.status}, and a snapshot can only be taken of an available cluster`);
    const rows = [
        problems.length > 0
            ? row('aws.cluster', title, 'fail', `Cluster '${c.identifier}': ${problems.join('; ')}.`)
            : row('aws.cluster', title, 'pass', `${c.identifier}: ${c.engine} ${c.engineVersion}, ${c.status}`)
    ];
    const host = ctx.inputs.source.host.toLowerCase();
    const title2 = "'source-host' is the cluster's writer endpoint";
    if (c.endpoint &&
        host === c.endpoint.toLowerCase() &&
        (c.port === undefined || c.port === ctx.inputs.source.port)) {
        rows.push(row('aws.cluster-endpoint', title2, 'pass', `${c.endpoint}:${c.port ?? ''}`));
    }
    else if (c.readerEndpoint &&
        host === c.readerEndpoint.toLowerCase() &&
        host !== c.endpoint?.toLowerCase()) {
        rows.push(row('aws.cluster-endpoint', title2, 'fail', `'source-host' is the reader endpoint; use the writer endpoint ${c.endpoint ?? ''}: the binlog position and DM need the writer.`));
    }
    else {
        rows.push(row('aws.cluster-endpoint', title2, 'warn', `'source-host' ${ctx.inputs.source.host}:${ctx.inputs.source.port} is not the writer endpoint ${c.endpoint ?? '?'}:${c.port ?? '?'}. ` +
            'Fine for a proxy or DNS alias of the writer; if it is a reader instance, the binlog position and DM would be wrong.'));
    }
    return rows;
}
function snapshotRow(aws, ctx) {
    const given = ctx.inputs.aws.snapshotIdentifier;
    if (given === undefined || aws.snapshot === undefined)
        return undefined;
    const id = 'aws.snapshot';
    const title = 'The snapshot to reuse exists and is available';
    const missing = notFound(aws.snapshot, id, title, `snapshot '${given}'`, "check 'snapshot-identifier' and 'aws-region'");
    if (missing || aws.snapshot.kind !== 'found')
        return missing;
    const s = aws.snapshot.value;
    const cluster = ctx.inputs.aws.clusterIdentifier;
    if (cluster !== undefined && s.clusterIdentifier.toLowerCase() !== cluster.toLowerCase())
        return row(id, title, 'fail', `Snapshot '${s.identifier}' belongs to cluster '${s.clusterIdentifier}', not '${cluster}'.`);
    if (s.engine !== 'aurora-mysql')
        return row(id, title, 'fail', `Snapshot '${s.identifier}' is ${s.engine}, not aurora-mysql.`);
    if (s.status !== 'available' && s.status !== 'creating')
        return row(id, title, 'fail', `Snapshot '${s.identifier}' is ${s.status}; only an available snapshot can be exported.`);
    const age = s.createdAt ? ctx.now - s.createdAt.getTime() : undefined;
    const taken = s.createdAt ? `taken ${s.createdAt.toISOString()}` : 'creation time unknown';
    if ((0,types/* dmEnabled */.zc)(ctx.inputs) && (age === undefined || age > 5 * 60_000)) {
        return row(id, title, 'warn', `Snapshot '${s.identifier}' is ${s.status}, ${taken}${age === undefined ? '' : ` (${(0,format/* formatDuration */.a3)(age)} ago)`}: the binlog ` +
            'position is recorded now, after it, so DM would miss the writes made in between (PingCAP’s documented procedure records it at most 5 minutes before the snapshot). Let the action take a fresh snapshot instead.');
    }
    return row(id, title, s.status === 'available' ? 'pass' : 'warn', `${s.identifier}: ${s.status}, ${taken}`);
}
function bucketRows(aws, ctx) {
    const s3 = ctx.inputs.aws.s3;
    if (s3 === undefined || aws.bucket === undefined)
        return [];
    const title = "The bucket exists in the cluster's Region";
    const missing = notFound(aws.bucket, 'aws.bucket', title, `bucket '${s3.bucket}'`, `check the bucket in 's3-uri' (${s3.uri})`);
    const rows = [];
    if (missing)
        rows.push(missing);
    else if (aws.bucket.kind === 'found') {
        const region = ctx.inputs.aws.region;
        rows.push(aws.bucket.value === region
            ? row('aws.bucket', title, 'pass', `${s3.bucket} is in ${region}`)
            : row('aws.bucket', title, 'fail', `Bucket '${s3.bucket}' is in ${aws.bucket.value} but the cluster is in ${region}: Aurora exports only to a bucket in the cluster's Region.`));
    }
    const p = aws.prefix;
    const title2 = "The 's3-uri' prefix can be listed";
    if (p?.kind === 'found') {
        rows.push(row('aws.s3-prefix', title2, 'pass', `${s3.uri} is ${p.value.empty ? 'empty' : 'not empty'}. Writes are not tested (the precheck makes none): the schema export is the first write, and RDS writes the export with the export role.`));
    }
    else if (p?.kind === 'denied') {
        rows.push(row('aws.s3-prefix', title2, 'warn', `Could not list ${s3.uri} (missing permission ${p.permission}); Lightning must read it later: ${p.message}`));
    }
    return rows;
}
function roleRow(aws, ctx) {
    const arn = ctx.inputs.aws.exportRoleArn;
    if (arn === undefined || aws.role === undefined)
        return undefined;
    const id = 'aws.export-role';
    const title = 'The export role exists and trusts export.rds.amazonaws.com';
    const roleAccount = (0,aws_parsers/* splitArn */.E_)(arn)?.account;
    const clusterAccount = aws.cluster?.kind === 'found' ? aws.cluster.value.account : undefined;
    if (aws.role.kind === 'missing' &&
        roleAccount &&
        clusterAccount &&
        roleAccount !== clusterAccount)
        return row(id, title, 'warn', `Role ${arn} is in account ${roleAccount}, the cluster in ${clusterAccount}: GetRole cannot see it, so it was not verified.`);
    const missing = notFound(aws.role, id, title, `role ${arn}`, "check 'export-role-arn'");
    if (missing || aws.role.kind !== 'found')
        return missing;
    const trusted = aws.role.value.trustedServices;
    return trusted.includes(EXPORT_SERVICE)
        ? row(id, title, 'pass', `${aws.role.value.name} trusts ${EXPORT_SERVICE}`)
        : row(id, title, 'fail', `Role ${aws.role.value.name} trusts ${trusted.length > 0 ? trusted.join(', ') : 'no service'}, not ${EXPORT_SERVICE}: ` +
            `the export would fail once started. Add "Principal": {"Service": "${EXPORT_SERVICE}"} with sts:AssumeRole to its trust policy.`);
}
function aws_checks_keyRow(aws, ctx) {
    const given = ctx.inputs.aws.kmsKeyId;
    if (given === undefined || aws.key === undefined)
        return undefined;
    const id = 'aws.kms-key';
    const title = 'The KMS key is enabled, symmetric and in the Region';
    const missing = notFound(aws.key, id, title, `KMS key ${given}`, `check 'kms-key-id' and 'aws-region' (${ctx.inputs.aws.region})`);
    if (missing || aws.key.kind !== 'found')
        return missing;
    const k = aws.key.value;
    const problems = [];
    if (!k.enabled || k.keyState !== 'Enabled')
        problems.push(`it is ${k.keyState || 'not enabled'} (enable it)`);
    if (k.keyUsage !== 'ENCRYPT_DECRYPT' || k.keySpec !== 'SYMMETRIC_DEFAULT')
        problems.push(`it is a ${k.keySpec} ${k.keyUsage} key; the export needs a symmetric encryption key`);
    if (k.region && k.region !== ctx.inputs.aws.region)
        problems.push(`it is in ${k.region}, not ${ctx.inputs.aws.region}`);
    if (problems.length > 0)
        return row(id, title, 'fail', `Key ${k.arn}: ${problems.join('; ')}.`);
    if (k.keyManager === 'AWS')
        return row(id, title, 'warn', `${k.arn} is an AWS managed key; AWS documents snapshot export with a customer managed key.`);
    return row(id, title, 'pass', `${k.arn}: ${k.keyState}, ${k.keySpec}`);
}
/** Every AWS verdict. */
function awsChecks(facts, ctx) {
    const aws = facts.aws;
    if (aws.credentialsProblem !== undefined) {
        return [
            row('aws.credentials', 'AWS credentials are available', 'fail', `The AWS SDK found no usable credentials (${aws.credentialsProblem}). Configure them before this step, e.g. ` +
                'aws-actions/configure-aws-credentials with role-to-assume (OIDC), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.')
        ];
    }
    const rows = [
        row('aws.credentials', 'AWS credentials are available', 'pass', 'the AWS SDK found credentials')
    ];
    rows.push(...clusterRows(aws, ctx));
    for (const r of [snapshotRow(aws, ctx)])
        if (r)
            rows.push(r);
    rows.push(...bucketRows(aws, ctx));
    for (const r of [roleRow(aws, ctx), aws_checks_keyRow(aws, ctx)])
        if (r)
            rows.push(r);
    return rows;
}

;// CONCATENATED MODULE: ./src/precheck/column-width.ts
// Whether a table created on the target before the run can hold the source's values: Lightning and DM insert into
// the table as it is, and a narrower column there truncates values (or fails the row) instead of refusing up front.
// Pure: the two column lists, as information_schema.COLUMNS gives DATA_TYPE and COLUMN_TYPE.
//
// "Narrower" is judged within one family of types, by what MySQL documents for each (MySQL reference manual,
// "Data Types": integer ranges, CHAR/VARCHAR/BINARY lengths, TEXT/BLOB maximums, DECIMAL(M,D)): a smaller integer
// type, a signed target for an unsigned source of the same size, a shorter length, a smaller TEXT/BLOB kind, fewer
// integer or fraction digits. A column the target lacks is named too. Other differences get no verdict here.
const INTEGERS = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'];
const TEXTS = ['tinytext', 'text', 'mediumtext', 'longtext'];
const BLOBS = ['tinyblob', 'blob', 'mediumblob', 'longblob'];
const LENGTHED = new Set(['char', 'varchar', 'binary', 'varbinary']);
/** The numbers in a COLUMN_TYPE's parentheses: `decimal(10,2)` → [10, 2]. */
function args(columnType) {
    const m = /\(([\d,\s]+)\)/.exec(columnType);
    return m ? (m[1] ?? '').split(',').map((x) => Number(x.trim())) : [];
}
/** Why `target` cannot hold every value of `source`, or undefined when it can (or they are not comparable). */
function narrowerBy(source, target) {
    const [s, t] = [source.dataType.toLowerCase(), target.dataType.toLowerCase()];
    const what = `${target.columnType} on the target, ${source.columnType} on the source`;
    const ranked = (family) => {
        const [a, b] = [family.indexOf(s), family.indexOf(t)];
        return a >= 0 && b >= 0 && b < a ? what : undefined;
    };
    if (INTEGERS.includes(s) && INTEGERS.includes(t)) {
        const [a, b] = [INTEGERS.indexOf(s), INTEGERS.indexOf(t)];
        const unsigned = (c) => /\bunsigned\b/.test(c.columnType.toLowerCase());
        if (b < a || (b === a && unsigned(source) && !unsigned(target)))
            return what;
        return undefined;
    }
    if (LENGTHED.has(s) && LENGTHED.has(t)) {
        const [a, b] = [args(source.columnType)[0] ?? 1, args(target.columnType)[0] ?? 1];
        return b < a ? what : undefined;
    }
    if (s === 'decimal' && t === 'decimal') {
        const [sp = 10, ss = 0] = args(source.columnType);
        const [tp = 10, ts = 0] = args(target.columnType);
        return tp - ts < sp - ss || ts < ss ? what : undefined;
    }
    return ranked(TEXTS) ?? ranked(BLOBS);
}
/**
 * The problems of a pre-created target table against the source's: each column the target lacks or holds narrower.
 * @returns one phrase per problem: `` `code` varchar(5) on the target, varchar(20) on the source ``
 */
function columnProblems(source, target) {
    const onTarget = new Map(target.map((c) => [c.name.toLowerCase(), c]));
    const out = [];
    for (const c of source) {
        const t = onTarget.get(c.name.toLowerCase());
        if (t === undefined) {
            out.push(`\`${c.name}\` missing on the target`);
            continue;
        }
        const why = narrowerBy(c, t);
        if (why !== undefined)
            out.push(`\`${c.name}\` ${why}`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/inputs/parsers.ts
var parsers = __webpack_require__(45165);
;// CONCATENATED MODULE: ./src/precheck/target-checks.ts





/** `v8.5.2` → [8, 5]; undefined when it is not a release version. */
function majorMinor(version) {
    const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
    return m ? [Number(m[1]), Number(m[2])] : undefined;
}
function versionRow(facts, ctx) {
    const id = 'target.version';
    const title = 'TiDB status port answers with its version';
    const { target, import: imp, tools } = ctx.inputs;
    const status = facts.target.status;
    const where = (0,parsers/* formatHostPort */.zc)(target.host, target.statusPort);
    if (!status.ok) {
        const needed = imp.backend === 'local' && target.pdAddr === undefined;
        return row(id, title, needed ? 'fail' : 'warn', `${status.message}. ` +
            (needed
                ? `Lightning's local backend asks the status port for PD's address: check 'target-status-port' (${where}) or set 'pd-addr'.`
                : `Check 'target-status-port' (${where}); the TiDB version could not be compared with 'tidb-version'.`));
    }
    const cluster = majorMinor(status.value.release);
    const toolsV = majorMinor(tools.tidbVersion);
    if (cluster && toolsV && (cluster[0] !== toolsV[0] || cluster[1] !== toolsV[1])) {
        return row(id, title, 'warn', `The cluster runs ${status.value.release ?? status.value.version} but 'tidb-version' is ${tools.tidbVersion}: ` +
            'Lightning and DM should match the cluster’s release; set tidb-version to the cluster version.');
    }
    return row(id, title, 'pass', `${status.value.version} at ${where}`);
}
/**
 * Whether rows on the target may be the earlier attempt's own import: that attempt finished the data import, or
 * finished both of its prerequisites and so may have started it (Lightning's checkpoint policy then continues it
 * without importing a row twice, or refuses).
 */
function earlierImport(resumed) {
    if (resumed === undefined)
        return undefined;
    const at = resumed['data-import'];
    if (at !== undefined)
        return `the earlier attempt's data import (finished at ${at})`;
    if (resumed['export'] !== undefined && resumed['schema-import'] !== undefined)
        return "the earlier attempt's data import (started after its export and schema import)";
    return undefined;
}
function tablesRow(facts, ctx) {
    const id = 'target.tables';
    const title = 'Selected tables are absent or empty on the target';
    const t = facts.target.tables;
    if (!t.ok)
        return row(id, title, 'fail', `Could not read the target's tables: ${t.message}`);
    const full = t.value.filter((x) => x.state === 'has-rows');
    const empty = t.value.filter((x) => x.state === 'empty');
    const ours = earlierImport(ctx.resumed);
    if (full.length > 0 && ours !== undefined) {
        return row(id, title, 'pass', `Rows in ${listSome(full.map(tableName))} come from ${ours}, which this resumed run continues; nothing is imported twice.`);
    }
    if (full.length > 0) {
        const resumedNote = ctx.resumed === undefined
            ? ''
            : ' The earlier attempt of this run did not get as far as the data import, so they are not its rows.';
        return row(id, title, 'fail', `Rows already on the target in ${listSome(full.map(tableName))}. The import never overwrites data (Lightning's ` +
            "physical import needs empty tables): empty or drop them, or leave them out of 'filter'." +
            resumedNote);
    }
    const absent = t.value.length - empty.length;
    return row(id, title, 'pass', empty.length === 0
        ? `none of the ${t.value.length} tables exists yet`
        : `${absent} absent, ${empty.length} present and empty (${listSome(empty.map(tableName), 3)})`);
}
/** Pre-created empty tables whose columns cannot hold the source's values: the import would truncate them. */
function columnsRow(facts) {
    const t = facts.target.tables;
    if (!t.ok || !facts.source.ok)
        return undefined;
    const source = new Map(facts.source.value.catalog.tables.map((x) => [(0,table_name/* tableKey */.i)(x).toLowerCase(), x.columns]));
    const precreated = t.value.filter((x) => x.state === 'empty' && x.columns !== undefined);
    if (precreated.length === 0)
        return undefined;
    const problems = precreated.flatMap((x) => {
        const found = columnProblems(source.get((0,table_name/* tableKey */.i)(x).toLowerCase()) ?? [], x.columns ?? []);
        return found.length === 0 ? [] : [`${tableName(x)}: ${found.slice(0, 3).join('; ')}`];
    });
    const id = 'target.columns';
    const title = 'Tables created before the run can hold the source’s values';
    return problems.length === 0
        ? row(id, title, 'pass', `${precreated.length} pre-created table(s) as wide as the source`)
        : row(id, title, 'fail', `Columns narrower than the source's (or missing) in tables already on the target: ${listSome(problems, 5)}. ` +
            'The import inserts into the table as it is, so values would be cut or refused: drop those tables (the ' +
            "schema import creates them as on the source), widen the columns, or leave them out of 'filter'.");
}
/** RUNNER_TEMP holds the tool configs, the logs and result.json: without it the run fails after the export. */
function tempDirRow(facts) {
    const { tempDir, tempDirProblem } = facts.runner;
    return tempDirProblem === undefined
        ? row('runner.temp-dir', 'RUNNER_TEMP is a writable directory', 'pass', tempDir)
        : row('runner.temp-dir', 'RUNNER_TEMP is a writable directory', 'fail', `RUNNER_TEMP: ${tempDirProblem}. The action writes its tool configs, logs and result.json there (and Lightning its sorted KV files unless 'sorted-kv-dir' is set): run on a runner whose RUNNER_TEMP is a writable directory.`);
}
function diskRow(facts, ctx) {
    if (ctx.inputs.import.backend !== 'local' || !facts.source.ok)
        return undefined;
    const id = 'runner.sorted-kv-disk';
    const title = "Room for Lightning's sorted KV files";
    const largest = Math.max(0, ...facts.source.value.catalog.tables.map((t) => t.bytes));
    const { freeBytes, sortedKvDir, sortedKvDirProblem, tempDirProblem } = facts.runner;
    if (sortedKvDirProblem !== undefined)
        return row(id, title, 'fail', `sorted-kv-dir: ${sortedKvDirProblem}. Point 'sorted-kv-dir' at a writable directory on a disk with about ${(0,format/* formatBytes */.z3)(largest)} free (the largest table), or use 'lightning-backend: tidb'.`);
    // RUNNER_TEMP's own row says what is wrong with it; its free space means nothing then.
    if (tempDirProblem !== undefined && ctx.inputs.import.sortedKvDir === undefined)
        return undefined;
    if (freeBytes === undefined)
        return row(id, title, 'warn', `Could not read the free space of ${sortedKvDir}; Lightning needs about ${(0,format/* formatBytes */.z3)(largest)} there (the largest table).`);
    if (freeBytes < largest) {
        return row(id, title, 'warn', `${(0,format/* formatBytes */.z3)(freeBytes)} free in ${sortedKvDir}, less than the largest selected table (${(0,format/* formatBytes */.z3)(largest)}): ` +
            "point 'sorted-kv-dir' at a bigger disk, or use 'lightning-backend: tidb'.");
    }
    return row(id, title, 'pass', `${(0,format/* formatBytes */.z3)(freeBytes)} free in ${sortedKvDir}; the largest table is ${(0,format/* formatBytes */.z3)(largest)}`);
}
/** Every verdict on the target and the runner. */
function targetChecks(facts, ctx) {
    const c = facts.target.connect;
    if (!c.ok)
        return [row('target.connect', 'Target reachable with the given user', 'fail', c.message)];
    const rows = [
        row('target.connect', 'Target reachable with the given user', 'pass', `as '${ctx.inputs.target.user}'`),
        versionRow(facts, ctx)
    ];
    if (facts.source.ok && facts.source.value.catalog.tables.length > 0) {
        rows.push(tablesRow(facts, ctx));
        const columns = columnsRow(facts);
        if (columns)
            rows.push(columns);
    }
    const disk = diskRow(facts, ctx);
    if (disk)
        rows.push(disk);
    return rows;
}

// EXTERNAL MODULE: ./src/report/unsupported-text.ts
var unsupported_text = __webpack_require__(31057);
;// CONCATENATED MODULE: ./src/precheck/tidb-compatibility.ts
// What TiDB cannot hold, as TiDB's own documentation says for the version chosen by `tidb-version`. Facts only; the
// judging is in unsupported.ts.
//
// Sources (pingcap/docs, release-8.5 branch; published as https://docs.pingcap.com/tidb/v8.5/…):
// - mysql-compatibility.md, "Unsupported features": stored procedures and functions, triggers, events,
//   user-defined functions, FULLTEXT syntax and indexes (pingcap/tidb#1793), SPATIAL (GIS/GEOMETRY) functions,
//   data types and indexes (pingcap/tidb#6347), character sets other than ascii, latin1, binary, utf8, utf8mb4 and
//   gbk.
// - data-type-overview.md: "TiDB supports all the data types in MySQL except the SPATIAL type". A CREATE TABLE with a
//   GEOMETRY column fails in TiDB's parser (ERROR 1064 … near "GEOMETRY)").
// - character-set-and-collation.md, "Character sets and collations supported by TiDB": SHOW CHARACTER SET (ascii,
//   binary, gbk, latin1, utf8, utf8mb4) and SHOW COLLATION with the new collation framework, which
//   new_collations_enabled_on_first_bootstrap turns on by default since v6.0.0: ascii_bin, binary, gbk_bin,
//   gbk_chinese_ci, latin1_bin, utf8_bin, utf8_general_ci, utf8_unicode_ci, utf8mb4_0900_ai_ci, utf8mb4_0900_bin,
//   utf8mb4_bin, utf8mb4_general_ci, utf8mb4_unicode_ci. Any other collation fails CREATE TABLE (ERROR 1273
//   "Unsupported collation when new collation is enabled"). utf8mb4_0900_ai_ci and utf8mb4_0900_bin came in v7.4.0
//   (release notes 7.4.0); the GBK character set in v5.4.0 (character-set-gbk.md).
// - FULLTEXT: TiDB accepts a FULLTEXT key in CREATE TABLE with warning 1214 ("The used table type doesn't support
//   FULLTEXT indexes") and creates the table without it (pkg/ddl/create_table.go, buildTableInfo: AppendWarning
//   ErrTableCantHandleFt, continue).
// - Accounts and grants live in the `mysql` system schema, which Dumpling's default filter leaves out (pingcap/tidb
//   dumpling/export/config.go, DefaultTableFilter: `*.*` and `!/^(mysql|sys|INFORMATION_SCHEMA|…)$/.*`) and DM's
//   block-allow-list always ignores (pingcap/tiflow dm/pkg/utils filter, system schemas): they are never migrated.
/** Parses `v8.5.2` (the `tidb-version` input). */
function tidbRelease(version) {
    const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Infinity, 0, 0];
}
const atLeast = (v, min) => {
    for (let i = 0; i < 3; i++) {
        if ((v[i] ?? 0) !== (min[i] ?? 0))
            return (v[i] ?? 0) > (min[i] ?? 0);
    }
    return true;
};
/** Since when TiDB has each character set (the rest of MySQL's it does not have at all). */
const CHARSETS = {
    ascii: [0, 0, 0],
    binary: [0, 0, 0],
    latin1: [0, 0, 0],
    utf8: [0, 0, 0],
    // MySQL 8.0 reports utf8 as utf8mb3 in information_schema; TiDB's parser takes it as an alias of utf8.
    utf8mb3: [0, 0, 0],
    utf8mb4: [0, 0, 0],
    gbk: [5, 4, 0]
};
/** Since when TiDB has each collation (new collation framework, the default). */
const COLLATIONS = {
    ascii_bin: [0, 0, 0],
    binary: [0, 0, 0],
    gbk_bin: [5, 4, 0],
    gbk_chinese_ci: [5, 4, 0],
    latin1_bin: [0, 0, 0],
    utf8_bin: [0, 0, 0],
    utf8_general_ci: [0, 0, 0],
    utf8_unicode_ci: [0, 0, 0],
    utf8mb4_0900_ai_ci: [7, 4, 0],
    utf8mb4_0900_bin: [7, 4, 0],
    utf8mb4_bin: [0, 0, 0],
    utf8mb4_general_ci: [0, 0, 0],
    utf8mb4_unicode_ci: [0, 0, 0]
};
/** MySQL's spatial data types (information_schema DATA_TYPE), none of which TiDB has. */
const SPATIAL_TYPES = new Set([
    'geometry',
    'point',
    'linestring',
    'polygon',
    'multipoint',
    'multilinestring',
    'multipolygon',
    'geometrycollection',
    'geomcollection'
]);
/**
 * The DATA_TYPE values TiDB has (data-type-numeric.md, data-type-string.md, data-type-date-and-time.md,
 * data-type-json.md): every MySQL type but the spatial ones. A type outside this list (a MariaDB `inet6` or `uuid`)
 * is one TiDB cannot create either.
 */
const DATA_TYPES = new Set([
    'bit',
    'tinyint',
    'bool',
    'boolean',
    'smallint',
    'mediumint',
    'int',
    'integer',
    'bigint',
    'decimal',
    'numeric',
    'float',
    'double',
    'real',
    'date',
    'datetime',
    'timestamp',
    'time',
    'year',
    'char',
    'varchar',
    'binary',
    'varbinary',
    'tinyblob',
    'blob',
    'mediumblob',
    'longblob',
    'tinytext',
    'text',
    'mediumtext',
    'longtext',
    'enum',
    'set',
    'json'
]);
/** Whether TiDB `version` has the character set. */
function tidbHasCharset(charset, version) {
    const since = CHARSETS[charset.toLowerCase()];
    return since !== undefined && atLeast(version, since);
}
/** Whether TiDB `version` has the collation (utf8mb3_* spelled as utf8_*). */
function tidbHasCollation(collation, version) {
    const name = collation.toLowerCase().replace(/^utf8mb3_/, 'utf8_');
    const since = COLLATIONS[name];
    return since !== undefined && atLeast(version, since);
}
/** Whether TiDB has the column type (information_schema DATA_TYPE). */
function tidbHasDataType(dataType) {
    return DATA_TYPES.has(dataType.toLowerCase());
}

;// CONCATENATED MODULE: ./src/precheck/unsupported.ts

/** `utf8mb4_general_ci` → `utf8mb4`; `binary` → `binary`. */
const charsetOf = (collation) => collation.split('_')[0] ?? collation;
/** The findings on one table, and whether they keep TiDB from creating it. */
function tableFindings(t, version) {
    const at = { database: t.database, table: t.table };
    const out = [];
    const lacks = (what) => `TiDB has no ${what}`;
    if (t.collation !== null) {
        const cs = charsetOf(t.collation);
        if (!tidbHasCharset(cs, version))
            out.push({
                ...at,
                kind: 'character-set',
                name: t.table,
                detail: lacks(`character set ${cs} (table default)`),
                effect: 'table-left-out'
            });
        else if (!tidbHasCollation(t.collation, version))
            out.push({
                ...at,
                kind: 'collation',
                name: t.table,
                detail: lacks(`collation ${t.collation} (table default)`),
                effect: 'table-left-out'
            });
    }
    for (const c of t.columns) {
        if (SPATIAL_TYPES.has(c.dataType))
            out.push({
                ...at,
                kind: 'spatial-column',
                name: c.name,
                detail: `${c.dataType.toUpperCase()} column: ${lacks('spatial types')}`,
                effect: 'table-left-out'
            });
        else if (!tidbHasDataType(c.dataType))
            out.push({
                ...at,
                kind: 'column-type',
                name: c.name,
                detail: lacks(`type ${c.columnType}`),
                effect: 'table-left-out'
            });
        if (c.charset !== null && !tidbHasCharset(c.charset, version))
            out.push({
                ...at,
                kind: 'character-set',
                name: c.name,
                detail: lacks(`character set ${c.charset}`),
                effect: 'table-left-out'
            });
        else if (c.collation !== null && !tidbHasCollation(c.collation, version))
            out.push({
                ...at,
                kind: 'collation',
                name: c.name,
                detail: lacks(`collation ${c.collation}`),
                effect: 'table-left-out'
            });
    }
    const leftOut = out.length > 0;
    for (const i of t.indexes) {
        if (i.type === 'SPATIAL')
            out.push({
                ...at,
                kind: 'spatial-index',
                name: i.name,
                detail: lacks('SPATIAL indexes'),
                effect: 'table-left-out'
            });
        else if (i.type === 'FULLTEXT')
            out.push({
                ...at,
                kind: 'fulltext-index',
                name: i.name,
                detail: `${lacks('FULLTEXT indexes')} (it creates the table without the index, warning 1214)`,
                effect: leftOut ? 'table-left-out' : 'index-dropped'
            });
    }
    return out;
}
/**
 * Everything TiDB `tidbVersion` cannot hold among the selected tables and their databases.
 * @param catalog the selected tables, before any is left out
 * @param objects triggers, routines and events of the selected databases; accounts
 * @param tidbVersion the `tidb-version` input
 */
function findUnsupported(catalog, objects, tidbVersion) {
    const version = tidbRelease(tidbVersion);
    const found = [];
    const leftOut = [];
    for (const t of catalog.tables) {
        const f = tableFindings(t, version);
        found.push(...f);
        const first = f.find((o) => o.effect === 'table-left-out');
        if (first)
            leftOut.push({
                database: t.database,
                table: t.table,
                reason: `${first.name === t.table ? '' : `${first.name}: `}${first.detail}`
            });
    }
    const selected = new Set(catalog.tables.map((t) => `${t.database}\u0000${t.table}`));
    const dbs = new Set(catalog.tables.map((t) => t.database));
    for (const tr of objects.triggers) {
        if (!selected.has(`${tr.database}\u0000${tr.table}`))
            continue;
        found.push({
            kind: 'trigger',
            database: tr.database,
            table: tr.table,
            name: tr.name,
            detail: tr.timing,
            effect: 'not-migrated'
        });
    }
    for (const r of objects.routines) {
        if (dbs.has(r.database))
            found.push({
                kind: r.type,
                database: r.database,
                name: r.name,
                detail: '',
                effect: 'not-migrated'
            });
    }
    for (const e of objects.events) {
        if (dbs.has(e.database))
            found.push({
                kind: 'event',
                database: e.database,
                name: e.name,
                detail: e.status === 'ENABLED' ? '' : e.status.toLowerCase(),
                effect: 'not-migrated'
            });
    }
    for (const a of objects.accounts ?? []) {
        found.push({
            kind: 'account',
            name: `'${a.user}'@'${a.host}'`,
            detail: 'accounts and grants are never migrated',
            effect: 'not-migrated'
        });
    }
    return { objects: found, leftOut, accountsUnlisted: objects.accounts === undefined };
}
/** The catalog without the tables left out: what the checks, the plan and the next phases work on. Pure. */
function withoutLeftOut(catalog, leftOut) {
    if (leftOut.length === 0)
        return catalog;
    const gone = new Set(leftOut.map((t) => `${t.database}\u0000${t.table}`));
    return {
        ...catalog,
        tables: catalog.tables.filter((t) => !gone.has(`${t.database}\u0000${t.table}`))
    };
}
/** The objects that concern the selection (all but accounts, which are never migrated whatever the filter). */
const selectionObjects = (objects) => objects.filter((o) => o.kind !== 'account');

;// CONCATENATED MODULE: ./src/precheck/unsupported-checks.ts





const ID = 'selection.unsupported-objects';
const TITLE = 'Nothing selected is something TiDB cannot hold';
function accountsText(found) {
    const accounts = found.objects.filter((o) => o.kind === 'account').map((o) => o.name);
    if (found.accountsUnlisted)
        return 'User accounts and grants are never migrated (the source user may not read mysql.user, so they are not listed): create them on TiDB.';
    if (accounts.length === 0)
        return 'No user accounts besides the system ones.';
    return `User accounts and grants are never migrated: ${listSome(accounts, 10)}; create them on TiDB.`;
}
/**
 * Databases whose triggers or events the source user cannot see: information_schema lists a table's triggers only
 * to a user with the TRIGGER privilege on it, and a schema's events only with EVENT (MySQL 8.0 Reference Manual,
 * "The INFORMATION_SCHEMA TRIGGERS Table" and "… EVENTS Table"). Roles may grant them unseen, so this is a caveat.
 */
function invisibleText(grants, databases) {
    if (!grants.ok || grants.value.roles.length > 0)
        return '';
    const lacking = (privilege) => databases.filter((d) => !(0,mysql_grants/* hasOnDatabase */.bS)(grants.value, privilege, d, true));
    const parts = [
        ['TRIGGER', 'triggers'],
        ['EVENT', 'events']
    ].flatMap(([privilege, what]) => {
        const dbs = lacking(privilege ?? '');
        return dbs.length === 0
            ? []
            : [`${what} of ${listSome(dbs.map((d) => `\`${d}\``))} (no ${privilege ?? ''} privilege)`];
    });
    return parts.length === 0
        ? ''
        : ` The source user cannot see the ${parts.join(' or the ')}: grant it, or look with SHOW TRIGGERS / SHOW EVENTS as the master user.`;
}
/**
 * The verdict row.
 * @param found the findings
 * @param objects whether triggers, routines and events could be read
 * @param ctx the inputs (`unsupported-objects`, `tidb-version`)
 */
function unsupportedRow(found, objects, ctx, visibility = {
    grants: { ok: false, message: '' },
    databases: []
}) {
    const version = ctx.inputs.tools.tidbVersion;
    const selection = selectionObjects(found.objects);
    const unread = objects.ok
        ? invisibleText(visibility.grants, visibility.databases)
        : ` Triggers, routines and events could not be read (${objects.message}); check them by hand.`;
    const accounts = accountsText(found);
    if (selection.length === 0) {
        return row(ID, TITLE, unread === '' ? 'pass' : 'warn', `No trigger, stored procedure or function, event, spatial column or index, FULLTEXT index, or column type, ` +
            `character set or collation TiDB ${version} lacks in the selection.${unread} ${accounts}`);
    }
    const list = listSome(selection.map(unsupported_text/* describeUnsupported */.lN), 10);
    const left = found.leftOut.map((t) => `\`${t.database}\`.\`${t.table}\``);
    const leftText = left.length > 0
        ? ` ${(0,format/* plural */.LS)(left.length, 'table')} TiDB cannot create ${left.length === 1 ? 'is' : 'are'} left out of every phase (schema, data, verify, DM): ${listSome(left, 10)}.`
        : '';
    if (ctx.inputs.unsupportedObjects === 'fail') {
        return row(ID, TITLE, 'fail', `TiDB ${version} cannot hold ${(0,format/* plural */.LS)(selection.length, 'object')} of the selection: ${list}. ` +
            "Input 'unsupported-objects' is 'fail': drop or rework them on the source, leave their tables out of 'filter', " +
            `or set 'unsupported-objects: warn' to migrate everything else and name these.${unread} ${accounts}`);
    }
    return row(ID, TITLE, 'warn', `TiDB ${version} cannot hold ${(0,format/* plural */.LS)(selection.length, 'object')} of the selection, which ${selection.length === 1 ? 'is' : 'are'} not migrated: ${list}.` +
        `${leftText} Recreate what the application needs on TiDB another way.${unread} ${accounts}`);
}

;// CONCATENATED MODULE: ./src/precheck/checks.ts







const NO_OBJECTS = { triggers: [], routines: [], events: [], accounts: [] };
/** Every check, judged from the facts, and what TiDB cannot hold. Pure. */
function judgePrecheck(facts, ctx) {
    if (!facts.source.ok) {
        return { rows: evaluateRows(facts, ctx, undefined), unsupported: undefined, facts };
    }
    const src = facts.source.value;
    const objects = src.objects.ok ? src.objects.value : NO_OBJECTS;
    const unsupported = findUnsupported(src.catalog, objects, ctx.inputs.tools.tidbVersion);
    const kept = unsupported.leftOut.length === 0 ? facts : leaveOut(facts, unsupported.leftOut);
    const row = unsupportedRow(unsupported, src.objects, ctx, {
        grants: src.grants,
        databases: [...new Set(src.catalog.tables.map((t) => t.database))]
    });
    return { rows: evaluateRows(kept, ctx, row), unsupported, facts: kept };
}
/** The facts without the tables left out: not in the catalog, and not looked for on the target. */
function leaveOut(facts, leftOut) {
    if (!facts.source.ok)
        return facts;
    const gone = new Set(leftOut.map(table_name/* tableKey */.i));
    const targetTables = facts.target.tables;
    return {
        ...facts,
        source: {
            ok: true,
            value: { ...facts.source.value, catalog: withoutLeftOut(facts.source.value.catalog, leftOut) }
        },
        target: {
            ...facts.target,
            tables: targetTables.ok
                ? { ok: true, value: targetTables.value.filter((t) => !gone.has((0,table_name/* tableKey */.i)(t))) }
                : targetTables
        }
    };
}
function evaluateRows(facts, ctx, unsupported) {
    return [
        ...sourceChecks(facts, ctx),
        ...selectionChecks(facts, ctx),
        ...(unsupported ? [unsupported] : []),
        ...targetChecks(facts, ctx),
        tempDirRow(facts),
        ...awsChecks(facts, ctx)
    ];
}
/** Every check, judged from the facts. Pure. */
function evaluatePrecheck(facts, ctx) {
    return judgePrecheck(facts, ctx).rows;
}
/** The message of a failed precheck: how many failed, then one line per failed check naming what to fix. */
function failureMessage(rows) {
    const failed = rows.filter((r) => r.status === 'fail');
    if (failed.length === 0)
        return undefined;
    const head = failed.length === 1
        ? 'A precheck failed; nothing was changed. Fix it and run again:'
        : `${failed.length} prechecks failed; nothing was changed. Fix them and run again:`;
    return [head, ...failed.map((r) => `- ${r.title}: ${r.reason}`)].join('\n');
}

;// CONCATENATED MODULE: ./src/phases/precheck.ts
// Phase `precheck`: before any side effect, read the source, the target, AWS and the runner (reads only: SELECT,
// SHOW, Aurora's read-only rds_show_configuration, RDS Describe*, S3 GetBucketLocation/ListObjectsV2, IAM GetRole,
// KMS DescribeKey), judge everything, put every verdict in the report's checks, and fail after all of them ran when
// any failed — so the user fixes everything in one go. It hands the selected tables and the source's flavour to the
// next phases (MigrationState.tables, .source, .precheck). For `operation: plan` a failure is handed to the plan
// phase instead (state.precheckFailure), which fails the run after writing the plan that explains it.


const precheck_DEFAULT_DEPS = {
    // Loaded when the phase runs: gathering pulls in mysql2 and the AWS SDK, which a run that fails its inputs, or a
    // DM operation, never needs (the bundle's cold start).
    gather: async (i, s) => (await Promise.all(/* import() */[__webpack_require__.e(202), __webpack_require__.e(588), __webpack_require__.e(764), __webpack_require__.e(632), __webpack_require__.e(268)]).then(__webpack_require__.bind(__webpack_require__, 94268))).gatherFacts(i, s),
    now: Date.now
};
const ICON = { pass: '✅', warn: '⚠️', fail: '❌' };
const names = (tables) => tables
    .map((t) => `${t.database}.${t.table}`)
    .sort()
    .join('\n');
/**
 * Hands what the checks learned to the next phases. A resumed run keeps the selection its earlier attempt recorded:
 * the export was made from it.
 */
function remember(state, facts, warn) {
    state.precheck = facts;
    if (!facts.source.ok)
        return [];
    const src = facts.source.value;
    state.source = {
        version: src.version.text,
        flavor: src.version.flavor,
        gtidEnabled: src.settings.gtidEnabled
    };
    const selected = src.catalog.tables.map((t) => ({
        database: t.database,
        table: t.table,
        estimatedRows: t.estimatedRows,
        bytes: t.bytes,
        hasUniqueKey: t.hasUniqueKey
    }));
    const earlier = state.resumed === undefined ? undefined : state.tables;
    if (earlier !== undefined && names(earlier) !== names(selected)) {
        warn(`The filter now selects ${selected.length} table(s) on the source; the earlier attempt of this run selected ${earlier.length}. The resumed run keeps the earlier selection, which its snapshot export holds; start a new run (another run-key) to migrate the new selection.`);
    }
    state.tables = earlier ?? selected;
    return state.tables;
}
/**
 * The precheck phase.
 * @param state receives the selected tables, the source's flavour and the facts for the plan
 * @param deps replaceable reads (tests)
 */
function precheckPhase(state, deps = precheck_DEFAULT_DEPS) {
    return {
        id: 'precheck',
        title: 'Precheck: source, target, AWS and selection',
        async run(ctx) {
            ctx.progress('reading the source, the target and AWS');
            const facts = await deps.gather(ctx.inputs, ctx.signal);
            const judged = judgePrecheck(facts, {
                inputs: ctx.inputs,
                now: deps.now(),
                resumed: state.resumed?.phasesDone
            });
            const rows = judged.rows;
            ctx.report.checks.push(...rows);
            for (const r of rows)
                ctx.log.info(`${ICON[r.status]} ${r.title}: ${r.reason}`);
            if (judged.unsupported !== undefined) {
                ctx.report.unsupported = [...judged.unsupported.objects];
                state.leftOut = [...judged.unsupported.leftOut];
                for (const t of state.leftOut)
                    ctx.log.warning(`Left out of every phase, TiDB cannot create it: \`${t.database}\`.\`${t.table}\` (${t.reason})`);
            }
            // The next phases and the plan see the facts without the left-out tables.
            const tables = remember(state, judged.facts, (m) => ctx.log.warning(m));
            const count = (s) => rows.filter((r) => r.status === s).length;
            ctx.record.numbers.push({ label: 'tables', value: tables.length }, { label: 'estimated rows', value: tables.reduce((n, t) => n + (t.estimatedRows ?? 0), 0) }, { label: 'size', value: tables.reduce((n, t) => n + (t.bytes ?? 0), 0), unit: 'bytes' });
            ctx.record.note = `${count('pass')} passed · ${count('warn')} warnings · ${count('fail')} failed`;
            const failure = failureMessage(rows);
            if (failure === undefined)
                return;
            if (ctx.inputs.operation === 'plan') {
                state.precheckFailure = failure;
                ctx.record.note += ' (the plan is written all the same; the plan phase fails the run)';
                return;
            }
            throw new errors/* PhaseError */.wo('precheck', failure);
        }
    };
}

// EXTERNAL MODULE: ./src/table-filter/translate.ts
var translate = __webpack_require__(12259);
;// CONCATENATED MODULE: ./src/phases/replicate-config.ts


/** The DM task of a run: `dm-task-name`, else the name derived from the run key. */
function dmTaskName(inputs, runKey) {
    return inputs.dm.taskName ?? (0,phases_names/* dmTaskNameFor */.Pu)(runKey);
}
/**
 * Whether `start-task` gets `--remove-meta`. DM keeps a task's checkpoint in the downstream
 * `<meta-schema>.<task>_syncer_checkpoint` table (pingcap/tiflow dm/syncer/checkpoint.go), `stop-task` leaves it
 * there, and a task started under the same name resumes from that checkpoint and ignores its `meta` (the task
 * configuration's start position applies only when no checkpoint exists). So a run that starts DM from the
 * position it recorded removes any checkpoint first (`start-task --remove-meta`, PingCAP's "Create a Data Migration
 * Task": remove the task's previous metadata) — except a resumed attempt of the same run under the run key's own
 * task name: a checkpoint of that name can only be this run's, which started from this same position and has got
 * further; dropping it would replay from the start. (A re-run that finds its task still in DM re-attaches and
 * calls no start-task at all.) A user-chosen `dm-task-name` may carry anyone's checkpoint: always removed.
 */
function removeMetaOnStart(inputs, state) {
    if (state.resumed !== undefined && inputs.dm.taskName === undefined) {
        return {
            removeMeta: false,
            why: "this run continues an earlier attempt: a checkpoint of the run key's task is that attempt's, which DM resumes from"
        };
    }
    return {
        removeMeta: true,
        why: 'with --remove-meta: a checkpoint left by an earlier task of this name would otherwise override the recorded start position'
    };
}
/**
 * The source config: `dm-source-id`, the source endpoint, GTID on only when the source writes GTIDs DM can start from.
 * @param source what precheck learned of the source; without it GTID stays off and DM detects the flavour itself
 */
function sourceConfigFor(inputs, source) {
    const { host, port, user, password } = inputs.source;
    return {
        sourceId: inputs.dm.sourceId,
        enableGtid: source?.gtidEnabled ?? false,
        from: { host, port, user, password },
        ...(source === undefined ? {} : { flavor: source.flavor })
    };
}
/**
 * The block-allow-list for the `filter` input. Exact-name filters translate exactly. A filter with patterns cannot
 * be said in DM's language without selecting more (whole databases), and DM fails on changes to a table that was
 * never imported, so then the tables the filter selected on the source are listed one by one (tables created
 * later are not replicated). Without that list the wider translation is used, and `exact` is false.
 * @param filter the `filter` input's rules
 * @param tables the tables the filter selected on the source (precheck), if known
 */
function dmSelectionFor(filter, tables) {
    const t = (0,translate/* translateFilter */.D)(filter);
    const bal = t.blockAllowList;
    if (bal !== undefined && t.blockAllowListExact) {
        return {
            list: bal,
            exact: true,
            notes: []
        };
    }
    if (tables !== undefined && tables.length > 0) {
        return {
            list: {
                doDbs: [...new Set(tables.map((x) => (0,translate/* dmName */.f)(x.database)))],
                doTables: tables.map((x) => ({ dbName: (0,translate/* dmName */.f)(x.database), tblName: (0,translate/* dmName */.f)(x.table) })),
                ignoreTables: []
            },
            exact: true,
            notes: [
                ...t.notes,
                `so DM's block-allow-list names the ${tables.length} table(s) the filter selected on the source; tables created later are not replicated`
            ]
        };
    }
    return {
        list: {
            doDbs: bal?.doDbs ?? [],
            doTables: bal?.doTables ?? [],
            ignoreTables: []
        },
        exact: false,
        notes: t.notes
    };
}
/** DM's own default `safe-mode-duration` (tiflow dm/config/task.go: 2 × checkpoint-flush-interval of 30s). */
const DM_DEFAULT_SAFE_MODE_DURATION = '60s';
/**
 * Chooses safe mode for the task. `replays` is true when DM will apply changes the target already holds: it starts
 * from the position recorded before the snapshot (PingCAP's documented procedure, so the changes between it and the
 * snapshot are in the import too), or tables were copied after that start. Then safe mode stays on for the whole task
 * unless the user set `safe-mode-duration`: a wall-clock window cannot know when the replay of that gap ends. From
 * the snapshot's own position (announced by its restored copy) nothing is replayed twice, so DM's default window
 * after a start or resume is enough, and the rest of the stream is applied with plain INSERT/UPDATE, which is faster.
 */
function safeModeFor(dm, replays) {
    if (dm.safeModeDuration !== undefined) {
        return {
            safeMode: false,
            safeModeDuration: dm.safeModeDuration,
            why: `for ${dm.safeModeDuration} after each start or resume (input safe-mode-duration)`,
            ...(replays
                ? {
                    warning: `safe-mode-duration is ${dm.safeModeDuration}, but DM replays changes the target already holds (from the position recorded before the snapshot, or into copied tables): any it applies after safe mode ends fail with duplicate keys and pause the task. Leave safe-mode-duration empty to keep safe mode on for the whole task.`
                }
                : {})
        };
    }
    if (!dm.safeMode)
        return { safeMode: false, why: "only for DM's default window (safe-mode: false)" };
    if (replays) {
        return {
            safeMode: true,
            why: 'for the whole task, because DM replays changes the target already holds'
        };
    }
    return {
        safeMode: false,
        safeModeDuration: DM_DEFAULT_SAFE_MODE_DURATION,
        why: `for ${DM_DEFAULT_SAFE_MODE_DURATION} after each start or resume: DM starts from the snapshot's own position, so nothing is replayed twice`
    };
}
/** The incremental task config: from the start position, into the target, in safe mode as `plan` says. */
function taskConfigFor(inputs, name, binlog, selection, plan) {
    const { host, port, user, password } = inputs.target;
    return {
        name,
        target: { host, port, user, password },
        sources: [
            {
                sourceId: inputs.dm.sourceId,
                meta: {
                    binlogName: binlog.file,
                    binlogPos: binlog.position,
                    ...(binlog.gtid === undefined || binlog.gtid === '' ? {} : { binlogGtid: binlog.gtid })
                }
            }
        ],
        blockAllowList: selection.list,
        safeMode: plan.safeMode,
        ...(plan.safeModeDuration === undefined ? {} : { safeModeDuration: plan.safeModeDuration })
    };
}

;// CONCATENATED MODULE: ./src/phases/replicate-source.ts
/**
 * Decides from `get-config source <id>` and the tasks that use the source what to do with it.
 *
 * DM cannot change a registered source: dm-master answers `operate-source update` with "Update worker config is not
 * supported by dm-ha now" (tiflow dm/master/server.go OperateSource, SourceOp_UpdateSource), and DM's own tests change
 * a source by `operate-source stop` then `create` (tiflow dm/tests/incremental_mode/run.sh). It prints the password
 * as ****** (GetCfg), so a changed password cannot be seen. Hence:
 * - same endpoint, user and GTID setting, no task uses it: stop it and register it again with this run's settings,
 *   always. Whether it was created by this action cannot be told (dm-source-id is an input with a fixed default, not
 *   named from the run key), but a source no task uses holds nothing a task needs (checkpoints live with tasks; a relay log, if any, restarts), and
 *   re-registering is the only way to be sure the password DM connects with is the current one.
 * - same, used by tasks: DM refuses to stop it (tiflow dm/master/scheduler/scheduler.go RemoveSourceCfg,
 *   ErrSchedulerSourceOpTaskExist), and one source normally serves many tasks (refusing would refuse every second
 *   migration of a cluster), so it is reused; `fix` names the tasks to stop should DM's pre-check then be denied
 *   access with the registered settings (the caller refuses with it, before the task starts).
 * - another endpoint, user or GTID setting under the id: not provably this action's, never removed: refuse.
 * - unreadable config (an old DM without get-config): try to create; `unverified` holds why the caller must refuse
 *   rather than reuse something it could not compare should DM say the id exists.
 * @param users tasks using the source; undefined when they could not be listed
 */
function planSource(comparison, sourceId, masterAddr, users) {
    const named = users?.map((u) => `${u.name} (${u.status})`).join(', ') ?? '';
    const stopTasks = users === undefined || users.length === 0
        ? ''
        : `stop the tasks on source ${sourceId} (${users.map((u) => `dmctl --master-addr ${masterAddr} stop-task ${u.name}`).join('; ')}), then `;
    const removeFix = `${stopTasks}remove the old source (dmctl --master-addr ${masterAddr} operate-source stop ${sourceId})`;
    switch (comparison.status) {
        case 'absent':
            return { action: 'create' };
        case 'different':
            return {
                action: 'refuse',
                message: `DM source '${sourceId}' (input dm-source-id) is already registered on the DM-master at ${masterAddr} ` +
                    `with another configuration: ${comparison.reason}${named === '' ? '' : `; DM tasks use it: ${named}`}. ` +
                    `Set dm-source-id to an unused id, or ${removeFix} and re-run.`
            };
        case 'unknown':
            return { action: 'create', unverified: comparison.reason };
        case 'same':
            break;
    }
    if (users !== undefined && users.length === 0) {
        return {
            action: 'recreate',
            why: 'no DM task uses it, and DM neither shows its password (******) nor updates a registered source, so it is ' +
                "stopped and registered again with this run's settings"
        };
    }
    return {
        action: 'reuse',
        why: users === undefined
            ? 'the DM tasks using it could not be listed, so it is not registered again'
            : `DM tasks ${named} use it, so it cannot be registered again`,
        fix: `DM cannot update a registered source and does not show its password: ${removeFix}, then re-run`
    };
}
/** The tasks of `query-status` (list form) that use the source. */
function sourceUsers(tasks, sourceId) {
    return tasks
        .filter((t) => t.sources.includes(sourceId))
        .map((t) => ({ name: t.name, status: t.status }));
}
/** The message when the source exists but its config could not be read to compare it. */
function unverifiedSourceMessage(sourceId, masterAddr, reason) {
    return (`DM source '${sourceId}' (input dm-source-id) already exists on the DM-master at ${masterAddr}, and its ` +
        `configuration could not be read to check that it is this source (${reason}). Set dm-source-id to an unused ` +
        `id, or remove the old source (dmctl operate-source stop ${sourceId}) if no task uses it.`);
}

;// CONCATENATED MODULE: ./src/phases/replicate.ts













const replicate_PHASE = 'replicate';
/** The `replicate` phase. */
function replicatePhase(state, deps = {}) {
    return {
        id: replicate_PHASE,
        title: 'Incremental replication (DM)',
        async run(ctx) {
            const { inputs } = ctx;
            const masterAddr = inputs.dm.masterAddr;
            if (masterAddr === undefined) {
                throw new errors/* PhaseError */.wo(replicate_PHASE, "Input 'dm-master-addr' is empty: there is no DM-master to start replication on.");
            }
            const binlog = startPosition(ctx, state);
            if (binlog === undefined) {
                throw new errors/* PhaseError */.wo(replicate_PHASE, 'No binlog position was recorded before the snapshot, so DM has no start position.');
            }
            if (state.tiup === undefined)
                throw new errors/* PhaseError */.wo(replicate_PHASE, 'dmctl is not installed (the tiup phase did not run).');
            const task = dmTaskName(inputs, state.runKey);
            ctx.setOutput('dm-task', task);
            ctx.progress(`checking that ${binlog.file} is still on the source`);
            const logs = await (deps.listBinaryLogs ?? listBinaryLogs)(inputs.source);
            const availability = binlogFileAvailability(logs, binlog.file);
            if (!availability.available)
                throw new errors/* PhaseError */.wo(replicate_PHASE, purgedBinlogMessage(binlog.file, availability));
            ctx.log.info(`The recorded binlog file ${binlog.file} is still on the source (newest ${availability.newest ?? '?'}).`);
            if (state.restored?.binlog === undefined)
                noteSnapshotPosition(ctx, state);
            // The YAML library comes with the renderers and the source comparison, loaded when replication starts rather
            // than at bundle start-up.
            const config = {
                ...(await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(931)]).then(__webpack_require__.bind(__webpack_require__, 2931))),
                ...(await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(50)]).then(__webpack_require__.bind(__webpack_require__, 38050)))
            };
            const dm = (deps.dmctl ?? createDmctl)({
                tiup: state.tiup,
                version: inputs.tools.tidbVersion,
                masterAddr,
                secrets: [inputs.source.password, inputs.target.password],
                signal: ctx.signal,
                log: (l) => ctx.log.info(l),
                ...debugLog(ctx),
                phase: replicate_PHASE
            });
            const files = [];
            try {
                ctx.progress(`looking for DM task ${task}`);
                const existing = requireAnswered(replicate_PHASE, await dm.queryStatus(task));
                if (existing.found) {
                    ctx.log.info(`DM task ${task} already exists (${describeTaskStatus(existing)}): not starting it again.`);
                    ctx.record.note = `task ${task} was already in DM (an earlier attempt started it)`;
                }
                else {
                    const reusedFix = await ensureSource(ctx, config, dm, state, masterAddr, files);
                    const selection = dmSelectionFor(selectionFilter(inputs, state), replicatedTables(state));
                    selection.notes.forEach((n) => ctx.log.info(`Block-allow-list: ${n}`));
                    if (!selection.exact) {
                        ctx.log.warning(`DM's block-allow-list selects more tables than the filter (${selection.notes.join('; ')}); changes to tables that were not imported will make DM pause.`);
                    }
                    const safe = safeModeFor(inputs.dm, replaysImported(state));
                    ctx.log.info(`DM runs in safe mode ${safe.why}.`);
                    if (safe.warning !== undefined)
                        ctx.log.warning(safe.warning);
                    const yaml = config.renderTaskConfig(taskConfigFor(inputs, task, binlog, selection, safe));
                    ctx.log.debug(`DM task config:\n${config.redactYaml(yaml)}`);
                    const taskFile = await dm.writeConfig('task', yaml);
                    files.push(taskFile);
                    ctx.progress("running DM's pre-check (check-task)");
                    const check = await dm.checkTask(taskFile);
                    try {
                        requirePrecheck(ctx, check, 'check-task');
                    }
                    catch (err) {
                        // MySQL's ER_ACCESS_DENIED_ERROR text: the registered source's settings (an old password) are refused.
                        if (reusedFix === undefined ||
                            !(err instanceof errors/* PhaseError */.wo) ||
                            !/Access denied/i.test(err.message))
                            throw err;
                        throw new errors/* PhaseError */.wo(replicate_PHASE, `${err.message}\n${reusedFix}`, err);
                    }
                    ctx.progress(`starting DM task ${task}`);
                    const meta = removeMetaOnStart(inputs, state);
                    ctx.log.info(`Starting DM task ${task} ${meta.why}.`);
                    await startTask(ctx, dm, task, taskFile, meta.removeMeta);
                    ctx.record.note = `task ${task} started from (${binlog.file}, ${binlog.position})${safe.safeMode ? ' in safe mode' : safe.safeModeDuration === undefined ? '' : `, in safe mode for ${safe.safeModeDuration}`}`;
                }
                await waitUntilReplicating(ctx, dm, task, recordedOf(binlog), deps);
            }
            finally {
                const problems = await dm.removeFiles(files);
                problems.forEach((p) => ctx.log.debug(`could not remove a DM config file: ${p}`));
            }
        }
    };
}
/**
 * DM starts from the position recorded before the snapshot (PingCAP's documented procedure). When RDS also reported
 * the snapshot's own position, say how far apart they are, and warn when safe mode is off although changes between
 * the two will be replayed onto rows the import already holds.
 */
function noteSnapshotPosition(ctx, state) {
    const recorded = state.binlog;
    const snap = state.snapshot?.binlog;
    if (recorded === undefined || snap === undefined)
        return;
    const order = compareBinlogPositions({ file: snap.file, pos: snap.position }, { file: recorded.file, pos: recorded.position });
    ctx.log.info(`The snapshot's own binlog position is (${snap.file}, ${snap.position}); DM starts from the recorded (${recorded.file}, ${recorded.position}).`);
    if (order !== undefined &&
        order > 0 &&
        !ctx.inputs.dm.safeMode &&
        ctx.inputs.dm.safeModeDuration === undefined) {
        ctx.log.warning('safe-mode is false, but DM replays the changes between the recorded position and the snapshot, which the import already holds: inserts among them fail with duplicate keys. Set safe-mode: true.');
    }
}
/**
 * Whether DM will apply changes the target already holds: it starts from the position recorded before the snapshot
 * (the restored copy did not announce the snapshot's own), or tables were dumped and copied after the export.
 */
function replaysImported(state) {
    return (state.restored?.binlog === undefined ||
        (state.skippedTables ?? []).some((t) => t.filled === 'copied'));
}
/**
 * Where DM starts: the snapshot's own position when the restored copy announced it (nothing in the export is
 * replayed), otherwise the position recorded before the snapshot. The copy's position is a file and offset only: its
 * GTID set is not announced, and DM derives one from the position when the source runs with GTIDs.
 */
function startPosition(ctx, state) {
    const own = state.restored?.binlog;
    if (own === undefined)
        return state.binlog;
    ctx.log.info(`DM starts from the snapshot's own binlog position (${own.file}, ${own.position}), announced by its restored copy${state.binlog ? `; the position recorded before the snapshot was (${state.binlog.file}, ${state.binlog.position})` : ''}.`);
    return {
        file: own.file,
        position: own.position,
        gtid: undefined,
        capturedAt: state.binlog?.capturedAt ?? 0
    };
}
function recordedOf(binlog) {
    return {
        file: binlog.file,
        pos: binlog.position,
        ...(binlog.gtid === undefined || binlog.gtid === '' ? {} : { gtid: binlog.gtid })
    };
}
/**
 * Registers the source; one already registered under `dm-source-id` is reused, registered again or refused as
 * planSource decides (from its config and the tasks that use it).
 * @returns for a reused source, the fix to add should DM's pre-check be denied access with its registered settings
 */
async function ensureSource(ctx, config, dm, state, masterAddr, files) {
    const wanted = sourceConfigFor(ctx.inputs, state.source);
    const id = wanted.sourceId;
    ctx.progress(`looking for DM source ${id}`);
    const comparison = config.compareSourceConfig((await dm.getSourceConfig(id)).output, wanted);
    const exists = comparison.status === 'same' || comparison.status === 'different';
    const plan = planSource(comparison, id, masterAddr, exists ? await usersOf(dm, id) : undefined);
    if (plan.action === 'refuse')
        throw new errors/* PhaseError */.wo(replicate_PHASE, plan.message);
    if (plan.action === 'reuse') {
        ctx.log.info(`DM source ${id} is already registered with this source's endpoint, user and GTID setting: reusing it (${plan.why}).`);
        return `If the source's settings changed since DM source ${id} was registered (a new password), ${plan.fix}.`;
    }
    if (plan.action === 'recreate') {
        ctx.log.info(`DM source ${id} is already registered: ${plan.why}.`);
        ctx.progress(`removing DM source ${id} to register it again`);
        const stopped = await dm.stopSource(id);
        // A task started on it since the list (another job of the run), or one on an offline worker the list left out
        // (pingcap/tiflow#3348): DM keeps the source, and it is reused like any source tasks use.
        if (!stopped.output.ok && stopped.output.error.terror?.code === DM_ERROR.sourceHasTasks) {
            const said = stopped.output.error.message.replace(/\.$/, '');
            ctx.log.info(`DM kept source ${id} (${said}): reusing it.`);
            return (`If the source's settings changed since DM source ${id} was registered (a new password), DM cannot update ` +
                `a registered source: stop the tasks DM named (dmctl --master-addr ${masterAddr} stop-task <task>), then remove ` +
                `the old source (dmctl --master-addr ${masterAddr} operate-source stop ${id}), then re-run.`);
        }
        requireOk(replicate_PHASE, stopped, `Removing DM source ${id} (operate-source stop)`);
    }
    const yaml = config.renderSourceConfig(wanted);
    ctx.log.debug(`DM source config:\n${config.redactYaml(yaml)}`);
    const file = await dm.writeConfig('source', yaml);
    files.push(file);
    ctx.progress(`registering DM source ${id}`);
    const created = await dm.createSource(file);
    const out = created.output;
    if (!out.ok &&
        plan.action === 'create' &&
        plan.unverified !== undefined &&
        out.error.terror?.code === DM_ERROR.sourceExists) {
        throw new errors/* PhaseError */.wo(replicate_PHASE, unverifiedSourceMessage(id, masterAddr, plan.unverified), {
            toolLine: out.error.message
        });
    }
    if (!out.ok &&
        plan.action === 'recreate' &&
        out.error.terror?.code === DM_ERROR.sourceExists &&
        config.compareSourceConfig((await dm.getSourceConfig(id)).output, wanted).status === 'same') {
        // Registered again by another job of the run between the stop and this create, with the same settings.
        ctx.log.info(`DM source ${id} was registered again meanwhile with this source's settings: reusing it.`);
        return undefined;
    }
    requireOk(replicate_PHASE, created, `Registering DM source ${id} (operate-source create)`);
    const worker = out.sources.find((s) => s.source === id)?.worker ?? '';
    if (worker === '') {
        ctx.log.warning(`DM source ${id} was registered but no DM-worker is free to serve it: ${out.sources[0]?.msg ?? out.msg}`);
    }
    else
        ctx.log.info(`DM source ${id} registered, served by ${worker}.`);
    return undefined;
}
/** The tasks that use the source; undefined when query-status did not answer with a list. */
async function usersOf(dm, sourceId) {
    const out = (await dm.listTasks()).output;
    return out.ok ? sourceUsers(taskListFromQuery(out), sourceId) : undefined;
}
/**
 * Fails with DM's pre-check items, one by one (also added to the report's checks), when the pre-check failed;
 * warns for each warned item when it passed with warnings.
 */
function requirePrecheck(ctx, call, command) {
    const out = call.output;
    const items = checkFailures(out.checkDetail);
    for (const f of items) {
        ctx.report.checks.push({
            id: `dm.precheck.${f.id ?? f.name.replace(/\W+/g, '-')}`,
            title: `DM pre-check: ${f.desc || f.name}`,
            status: f.state,
            reason: describeCheckFailure(f)
        });
    }
    if (out.ok) {
        items
            .filter((f) => f.state === 'warn')
            .forEach((f) => ctx.log.warning(`DM pre-check: ${describeCheckFailure(f)}`));
        return out;
    }
    const failed = items.filter((f) => f.state === 'fail');
    if (failed.length === 0)
        return requireOk(replicate_PHASE, call, `DM's pre-check (${command})`);
    throw new errors/* PhaseError */.wo(replicate_PHASE, `DM's pre-check (${command}) failed: ${failed.map((f) => `\n- ${describeCheckFailure(f)}`).join('')}`, { toolLine: out.error.terror?.text ?? out.error.message, tail: call.tail });
}
/** start-task; "already exists" counts as started only when query-status then finds the task. */
async function startTask(ctx, dm, task, file, removeMeta) {
    const started = await dm.startTask(file, { removeMeta });
    const out = started.output;
    if (!out.ok && out.error.terror?.code === DM_ERROR.subtaskExists) {
        const again = await dm.queryStatus(task);
        if (again.status.found) {
            ctx.log.info(`DM says task ${task} already exists (${again.status.stage}): using it.`);
            return;
        }
    }
    if (!out.ok && out.checkDetail !== undefined)
        requirePrecheck(ctx, started, 'start-task');
    requireOk(replicate_PHASE, started, `Starting DM task ${task} (start-task)`);
    ctx.log.info(`DM task ${task} started.`);
}
/** Waits for Running from the recorded position; fails with DM's own error when the task pauses with one. */
async function waitUntilReplicating(ctx, dm, task, recorded, deps) {
    const deadlineMs = ctx.inputs.timeouts.dmSyncMs;
    const query = async () => requireAnswered(replicate_PHASE, await dm.queryStatus(task));
    const result = await waitForTask(`DM task ${task}`, query, runsFromRecorded(recorded), isBroken, {
        deadlineMs,
        ...(deps.pollIntervalMs === undefined ? {} : { intervalMs: deps.pollIntervalMs }),
        ...(deps.clock === undefined ? {} : { clock: deps.clock }),
        signal: ctx.signal,
        onStatus: (s) => ctx.progress(describeTaskStatus(s))
    });
    const s = result.status;
    publishTaskStatus(ctx, s);
    if (result.outcome === 'reached')
        return;
    const error = s.errors[0];
    if (error !== undefined) {
        throw new errors/* PhaseError */.wo(replicate_PHASE, `DM task ${task} stopped replicating: ${formatProcessError(error)}`, {
            toolLine: formatProcessError(error)
        });
    }
    if (result.outcome === 'failed') {
        throw new errors/* PhaseError */.wo(replicate_PHASE, `DM task ${task} is ${describeTaskStatus(s)}.`, {
            toolLine: s.message || undefined
        });
    }
    throw new errors/* PhaseError */.wo(replicate_PHASE, `DM task ${task} was not running from the recorded position (${recorded.file}, ${recorded.pos}) after ` +
        `${(0,format/* formatDuration */.a3)(deadlineMs)} (input dm-sync-timeout-minutes); last seen: ${describeTaskStatus(s)}.`);
}

;// CONCATENATED MODULE: ./src/phases/restore.ts
// Phase `restore`: a copy of the cluster snapshot, restored while the export runs (off the critical path). Its writer
// instance announces the snapshot's own binlog position as an RDS event (`Binlog position from crash recovery is
// <file> <position>`), the exact point DM starts from — nothing to replay twice, and a reused snapshot gets a
// position at all — and it is the consistent read-only copy `verify: checksum` compares the target with.
//
// The copy costs by the hour, so it is recorded for the post step before it is asked for and removed when the run
// ends (restore-cleanup.ts), whatever happened; `keep-restored-copy` keeps it.







const restore_PHASE = 'restore';

/** Statuses on the way to `available` (RDS API reference, DBCluster.Status / DBInstance.DBInstanceStatus). */
const PENDING = new Set([
    'creating',
    'backing-up',
    'modifying',
    'migrating',
    'preparing-data-migration',
    'configuring-enhanced-monitoring',
    'configuring-log-exports',
    'configuring-iam-database-auth',
    'rebooting',
    'starting',
    'upgrading',
    'resetting-master-credentials'
]);
const POLL = { intervalMs: 5000, maxIntervalMs: 30_000, factor: 1.5, jitter: 0.1 };
/** How long the crash-recovery event is looked for once the instance is available. */
const EVENT_WAIT_MS = 120_000;
/**
 * How far back the events of an instance an earlier attempt created are read: a day inside what RDS keeps (RDS API
 * reference, DescribeEvents: "Returns events related to DB instances … for the past 14 days").
 */
const EVENT_HISTORY_MS = 13 * 24 * 3600_000;
async function restoreRdsFor(ctx, deps, kit) {
    if (deps.restoreRds)
        return deps.restoreRds;
    const [{ createAwsClients }, { createRestoreRds }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(202), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 40201)),
        Promise.all(/* import() */[__webpack_require__.e(202), __webpack_require__.e(919)]).then(__webpack_require__.bind(__webpack_require__, 33919))
    ]);
    const client = deps.clients?.rds ?? createAwsClients(ctx.inputs.aws).rds;
    return createRestoreRds(client, {
        ...deps.retry,
        clock: kit.clock,
        random: kit.random,
        signal: ctx.signal,
        log: (line) => ctx.log.info(line)
    });
}
/** The source cluster's settings, which the copy inherits unless an input overrides them. */
async function sourceSettings(ctx, kit, rds, state) {
    let cluster = ctx.inputs.aws.clusterIdentifier;
    if (cluster === undefined && state.snapshot) {
        const s = await orFail(restore_PHASE, 'Reading the snapshot', kit.rds.describeClusterSnapshot(state.snapshot.identifier));
        cluster = s?.clusterIdentifier;
    }
    if (!cluster)
        return undefined;
    const settings = await orFail(restore_PHASE, `Reading cluster ${cluster}`, rds.describeClusterSettings(cluster));
    if (!settings)
        ctx.log.warning(`The snapshot's cluster ${cluster} no longer exists: the copy gets the Region's default subnet group, security group and parameter group unless restore-* inputs name them (the default parameter group has binary logging off).`);
    return settings;
}
function paramsFor(ctx, state, src) {
    const r = ctx.inputs.restore;
    const ids = (0,phases_names/* restoredCopyIdsFor */.zw)(state.runKey);
    return {
        clusterIdentifier: ids.cluster,
        instanceIdentifier: ids.instance,
        snapshot: state.snapshot?.arn || (state.snapshot?.identifier ?? ''),
        engineVersion: src?.engineVersion,
        instanceClass: r.instanceClass ?? types/* DEFAULT_RESTORE_CLASS */.Ap,
        subnetGroup: r.subnetGroup ?? src?.subnetGroup,
        securityGroupIds: r.securityGroupIds ?? src?.securityGroupIds ?? [],
        parameterGroup: r.parameterGroup ?? src?.parameterGroup,
        tags: {
            'aurora-to-tidb:run-key': state.runKey,
            'aurora-to-tidb:purpose': 'restored copy of the snapshot'
        }
    };
}
async function startRestore(ctx, rds, p) {
    try {
        await rds.restoreCluster(p);
        ctx.log.info(`Restoring cluster ${p.clusterIdentifier} from snapshot ${p.snapshot} (subnet group ${p.subnetGroup ?? 'default'}, security groups ${p.securityGroupIds.join(', ') || 'default'}, parameter group ${p.parameterGroup ?? 'default'}).`);
    }
    catch (e) {
        if (!(0,aws_call.isAwsError)(e, 'DBClusterAlreadyExistsFault'))
            throw awsPhaseError(restore_PHASE, `Restoring cluster ${p.clusterIdentifier} from snapshot ${p.snapshot}`, e);
        ctx.log.info(`Cluster ${p.clusterIdentifier} already exists (an earlier attempt of this run restored it): using it.`);
    }
}
async function waitCluster(ctx, kit, rds, id, deadlineMs) {
    const c = await pollInPhase(ctx, restore_PHASE, kit, {
        label: `restored cluster ${id}`,
        check: async () => (await rds.describeClusterSettings(id))?.status ?? 'missing',
        isDone: (s) => !PENDING.has(s),
        ...POLL,
        deadlineMs,
        describe: (s) => s,
        onProgress: (s) => ctx.progress(`restored cluster ${s}`)
    }, (e) => new errors/* PhaseError */.wo(restore_PHASE, `Restored cluster ${id} was still ${e.lastSeen ?? 'not available'} after ${(0,format/* formatDuration */.a3)(deadlineMs)} (snapshot-timeout-minutes).`, { cause: e }));
    if (c !== 'available')
        throw new errors/* PhaseError */.wo(restore_PHASE, `Restored cluster ${id} is ${c}, not available.`, {
            toolLine: `Status: ${c}`
        });
}
/** Creates the copy's instance; false when an earlier attempt of this run had created it. */
async function startInstance(ctx, rds, p) {
    try {
        await rds.createInstance(p);
        ctx.log.info(`Creating instance ${p.instanceIdentifier} (${p.instanceClass}) in cluster ${p.clusterIdentifier}.`);
        return true;
    }
    catch (e) {
        if (!(0,aws_call.isAwsError)(e, 'DBInstanceAlreadyExistsFault'))
            throw awsPhaseError(restore_PHASE, `Creating instance ${p.instanceIdentifier} (${p.instanceClass})`, e);
        ctx.log.info(`Instance ${p.instanceIdentifier} already exists (an earlier attempt of this run created it): using it.`);
        return false;
    }
}
async function waitInstance(ctx, kit, rds, id, deadlineMs) {
    const missing = {
        identifier: id,
        clusterIdentifier: undefined,
        status: 'missing',
        instanceClass: undefined,
        endpoint: undefined
    };
    const i = await pollInPhase(ctx, restore_PHASE, kit, {
        label: `instance ${id}`,
        check: async () => (await rds.describeInstance(id)) ?? missing,
        isDone: (v) => !PENDING.has(v.status),
        ...POLL,
        deadlineMs,
        describe: (v) => v.status,
        onProgress: (v) => ctx.progress(`restored instance ${v.status}`)
    }, (e) => new errors/* PhaseError */.wo(restore_PHASE, `Instance ${id} of the restored copy was still ${e.lastSeen ?? 'not available'} after ${(0,format/* formatDuration */.a3)(deadlineMs)} (snapshot-timeout-minutes).`, { cause: e }));
    if (i.status !== 'available' || !i.endpoint)
        throw new errors/* PhaseError */.wo(restore_PHASE, `Instance ${id} of the restored copy is ${i.status}${i.endpoint ? '' : ' without an endpoint'}, not available.`, { toolLine: `Status: ${i.status}` });
    return i;
}
/** Reads the crash-recovery position from the instance's events, looking again for a while after it came up. */
async function readPosition(ctx, kit, instance, since) {
    const { crashRecoveryPosition } = await Promise.all(/* import() */[__webpack_require__.e(202), __webpack_require__.e(919)]).then(__webpack_require__.bind(__webpack_require__, 33919));
    const until = kit.clock.now() + EVENT_WAIT_MS;
    for (;;) {
        const events = await orFail(restore_PHASE, `Reading the RDS events of instance ${instance}`, kit.rds.describeEvents({
            sourceType: 'db-instance',
            sourceIdentifier: instance,
            startTime: new Date(since - 60_000)
        }));
        const pos = crashRecoveryPosition(events);
        if (pos || kit.clock.now() >= until)
            return pos;
        ctx.progress('waiting for the crash-recovery event');
        await kit.clock.sleep(10_000, ctx.signal);
    }
}
/** Whether nothing but the copy can give DM a correct start position: a reused snapshot, replicated with DM. */
function positionNeeded(ctx, state) {
    return (0,types/* dmEnabled */.zc)(ctx.inputs) && state.snapshot?.reused === true;
}
function noPosition(ctx, state, p) {
    const why = `Instance ${p.instanceIdentifier} announced no 'Binlog position from crash recovery' event: binary logging is off in the copy's DB cluster parameter group ${p.parameterGroup ?? '(the default)'}`;
    if (positionNeeded(ctx, state))
        throw new errors/* PhaseError */.wo(restore_PHASE, `${why}, so the reused snapshot has no binlog position for DM to start from. Set restore-parameter-group to a DB cluster parameter group with binlog_format=ROW.`);
    ctx.log.warning(`${why}; DM starts from the position recorded before the snapshot.`);
}
/**
 * The `restore` phase.
 * @param state reads `snapshot` and `binlog`; sets `restored`
 * @param deps fakes and a clock for tests
 */
function restorePhase(state, deps = {}) {
    return {
        id: restore_PHASE,
        title: 'Restored copy of the snapshot',
        async run(ctx) {
            if (!state.snapshot)
                throw new errors/* PhaseError */.wo(restore_PHASE, 'No snapshot to restore (the snapshot phase did not finish).');
            const kit = await awsKit(ctx, deps);
            const rds = await restoreRdsFor(ctx, deps, kit);
            const started = kit.clock.now();
            const deadlineMs = ctx.inputs.timeouts.snapshotMs;
            const p = paramsFor(ctx, state, await sourceSettings(ctx, kit, rds, state));
            const ids = { cluster: p.clusterIdentifier, instance: p.instanceIdentifier };
            // Recorded before it exists, so the post step removes it even if this step is killed mid-call.
            state.restored = { ...ids, keep: ctx.inputs.restore.keep };
            (0,util_state/* saveState */.L)('restored-copies', [
                { ...ids, region: ctx.inputs.aws.region, keep: ctx.inputs.restore.keep }
            ]);
            ctx.setOutput('restored-copy', JSON.stringify({ ...ids, kept: ctx.inputs.restore.keep }));
            await startRestore(ctx, rds, p);
            await waitCluster(ctx, kit, rds, ids.cluster, deadlineMs);
            // An instance an earlier attempt created (kept, or that attempt was cut short) announced its position then.
            const created = await startInstance(ctx, rds, p);
            const eventsSince = created ? started : kit.clock.now() - EVENT_HISTORY_MS;
            const left = Math.max(1000, deadlineMs - (kit.clock.now() - started));
            const instance = await waitInstance(ctx, kit, rds, ids.instance, left);
            const endpoint = instance.endpoint ?? { address: '', port: 0 };
            state.restored = {
                ...state.restored,
                endpoint: { host: endpoint.address, port: endpoint.port }
            };
            ctx.log.info(`The restored copy is available at ${endpoint.address}:${endpoint.port} after ${(0,format/* formatDuration */.a3)(kit.clock.now() - started)}.`);
            ctx.record.numbers.push({
                label: 'restore',
                value: Math.round((kit.clock.now() - started) / 1000),
                unit: 'seconds'
            });
            let pos;
            try {
                pos = await readPosition(ctx, kit, ids.instance, eventsSince);
            }
            catch (e) {
                if (ctx.signal.aborted || positionNeeded(ctx, state))
                    throw e;
                ctx.log.warning(`Could not read the restored instance's events (${(0,aws_call.awsErrorLine)(e)}).`);
            }
            if (!pos) {
                noPosition(ctx, state, p);
                ctx.record.note = `${ids.cluster} at ${endpoint.address}:${endpoint.port}, no binlog position`;
                return;
            }
            state.restored = { ...state.restored, binlog: pos };
            ctx.log.info(`The snapshot's own binlog position (crash recovery of the copy): ${pos.file}:${pos.position}.`);
            ctx.setOutput('binlog-file', pos.file);
            ctx.setOutput('binlog-position', pos.position);
            if (state.binlog) {
                ctx.setOutput('recorded-binlog-file', state.binlog.file);
                ctx.setOutput('recorded-binlog-position', state.binlog.position);
            }
            ctx.record.note = `${ids.cluster}, snapshot at ${pos.file}:${pos.position}`;
        }
    };
}

;// CONCATENATED MODULE: ./src/tidb/dumpling/args.ts
// Dumpling's command lines:
//   schema (PingCAP's documented procedure "Migrate Data from Amazon Aurora to TiDB", step 1.1 "Export the schema
//   file from Amazon Aurora", plus the views):
//     dumpling --host H --port 3306 --user U --password P --filter R1 --filter R2 --consistency none --no-data
//              --no-views=false --output s3://bucket/prefix/schema [--s3.endpoint URL] [--s3.region R] [--threads N]
//   data (the tables the Aurora export skipped):
//     dumpling … --filter `db`.`t` … --consistency lock --output s3://bucket/prefix/skipped-tables/<run key>/…
// Flags as pingcap/tidb dumpling/export/config.go defines them (S3 flags: pkg/objstore/s3store/s3.go). `--no-views`
// is a bool defaulting to true there (`flags.BoolP(flagNoViews, "W", true, "Do not dump views")`), so views are
// dumped only with `--no-views=false` (pflag takes a bool's value only after `=`). `--consistency lock` runs
// `LOCK TABLES … READ` on the dumped tables until every dump transaction has started, which Aurora allows, unlike
// the FLUSH TABLES WITH READ LOCK of `flush`; it makes the dump of each table one consistent point in time.
// Dumpling's parser is pflag, whose StringSlice reads each value as one
// CSV record (pflag string_slice.go readAsCSV): a comma would split a rule in two, so such rules are refused here
// with the way around them, and a rule with a double quote (`"my db".*`) is passed CSV-quoted so it arrives intact.
// No --logfile: Dumpling then logs to stdout, which is what the monitor reads.

/** Dumpling's own default filter minus `*.*`: passing any --filter replaces it (dumpling/export/config.go: the
 * flag's default is `*.*` plus this exclusion). */
const SYSTEM_SCHEMA_EXCLUSION = parse/* DUMPLING_SYSTEM_SCHEMA_EXCLUSION */.Q;
/** Why Dumpling's --filter cannot carry this rule as one value, or undefined when it can. */
function dumplingFilterProblem(rule) {
    if (rule.trim() === '')
        return 'a filter rule is empty';
    if (rule.includes(',')) {
        return (`filter rule "${rule}" contains a comma; Dumpling's --filter splits values on commas, so it would become ` +
            'two rules. Write it as two rules, or replace the comma (e.g. a character class instead of {1,3})');
    }
    if (/[\r\n]/.test(rule))
        return `filter rule "${rule}" spans several lines`;
    return undefined;
}
/**
 * The table-filter rule selecting exactly one table: both names back-quoted (backquotes doubled), as
 * pkg/util/table-filter reads quoted names, so dots, wildcards and spaces in names are literal.
 */
function exactTableRule(t) {
    const quote = (n) => `\`${n.replaceAll('`', '``')}\``;
    return `${quote(t.database)}.${quote(t.table)}`;
}
/** One CSV field: quoted (its quotes doubled) when it holds a double quote, as pflag reads StringSlice values. */
function csvField(rule) {
    return rule.includes('"') ? `"${rule.replaceAll('"', '""')}"` : rule;
}
/**
 * Builds the argument list (without the `dumpling` command itself). Throws an Error naming the first rule
 * Dumpling could not receive intact, or an impossible option.
 */
function dumplingArgs(opts) {
    const { source } = opts;
    if (!Number.isInteger(source.port) || source.port < 1 || source.port > 65535) {
        throw new Error(`Dumpling: source port ${source.port} is not a port`);
    }
    if (opts.output.trim() === '')
        throw new Error('Dumpling: the output location is empty');
    if (opts.s3Endpoint !== undefined && !/^https?:\/\//.test(opts.s3Endpoint)) {
        // Dumpling rejects it anyway ("scheme not found in endpoint"); say so before starting it.
        throw new Error(`Dumpling: --s3.endpoint needs a scheme (http:// or https://): ${opts.s3Endpoint}`);
    }
    const rules = [...opts.filter];
    for (const rule of rules) {
        const problem = dumplingFilterProblem(rule);
        if (problem !== undefined)
            throw new Error(`Dumpling: ${problem}`);
    }
    if (rules.length > 0 && opts.excludeSystemSchemas !== false)
        rules.push(SYSTEM_SCHEMA_EXCLUSION);
    const args = [
        '--host',
        source.host,
        '--port',
        String(source.port),
        '--user',
        source.user,
        '--password',
        source.password
    ];
    const passwordIndex = args.length - 1;
    for (const rule of rules)
        args.push('--filter', csvField(rule));
    if (opts.content === 'data')
        args.push('--consistency', 'lock');
    else
        args.push('--consistency', 'none', '--no-data', '--no-views=false');
    args.push('--output', opts.output);
    if (opts.s3Endpoint !== undefined)
        args.push('--s3.endpoint', opts.s3Endpoint);
    if (opts.s3Region !== undefined)
        args.push('--s3.region', opts.s3Region);
    if (opts.threads !== undefined)
        args.push('--threads', String(opts.threads));
    return { args, passwordIndex };
}

;// CONCATENATED MODULE: ./src/tidb/dumpling/monitor.ts
// Reads Dumpling's stdout and stderr line by line (pingcap/tidb dumpling/cmd/dumpling/main.go and
// dumpling/export; checked against captured runs):
// the version banner (stderr, `Release version:` may be empty on dev builds), `Welcome to dumpling`, `detect
// server version`, `progress` every 2 minutes, the success line `dump data successfully, dumpling will exit now`,
// and the failures: `dump failed error stack info` (log) + `dump failed: …` (stdout), `create dumper failed: …`,
// `parse arguments failed: …` followed by a Go stack, `meet some unparsed arguments, please check again: […]`,
// and pflag's own errors for a bad flag (`unknown flag: --x`, exit 2).



const SUCCESS = 'dump data successfully, dumpling will exit now';
const FAILURE_PREFIXES = [
    'dump failed: ',
    'create dumper failed: ',
    'parse arguments failed: ',
    'meet some unparsed arguments, please check again: '
];
const PFLAG_ERROR = /^(?:unknown flag: |unknown shorthand flag: |flag needs an argument: |invalid argument |bad flag syntax: |Error: )/;
/** Lines of a Go stack trace (`%+v` of a pingcap error) that follow `parse arguments failed`. */
const STACK_LINE = /^(?:\s|[\w./-]+\.[\w(*).]+$|goroutine \d+|runtime\.|main\.main$)/;
/** Feed every stdout/stderr line of one Dumpling run to `push`; ask `verdict` once it has exited. */
class DumplingMonitor {
    r = {
        lines: 0,
        version: undefined,
        gitHash: undefined,
        welcomed: false,
        serverType: undefined,
        serverVersion: undefined,
        progress: undefined,
        succeeded: false,
        failure: undefined,
        firstError: undefined,
        lastPlainLine: undefined
    };
    /** What has been seen so far (a live view). */
    get report() {
        return this.r;
    }
    /** Consumes one line (without its newline). Never throws. */
    push(line) {
        this.r.lines++;
        const stackCandidate = line.startsWith(' ') || line.startsWith('\t');
        const parsed = parseLogLine(line);
        const r = this.r;
        if (parsed.format !== 'zap') {
            const s = parsed.message;
            if (s === '')
                return;
            if (stackCandidate || STACK_LINE.test(s))
                return; // Go stack after `parse arguments failed`
            r.lastPlainLine = s;
            this.plainLine(s);
            return;
        }
        const f = parsed.fields;
        switch (parsed.message) {
            case 'Welcome to dumpling':
                r.welcomed = true;
                r.version = nonEmpty(f['Release Version']) ?? r.version;
                r.gitHash = nonEmpty(f['Git Commit Hash']) ?? r.gitHash;
                break;
            case 'detect server type':
                r.serverType = f['type'] ?? r.serverType;
                break;
            case 'detect server version':
                r.serverType = f['type'] ?? r.serverType;
                r.serverVersion = f['version'];
                break;
            case 'progress':
                r.progress = {
                    tables: f['tables'] === undefined ? undefined : parseRatio(f['tables']),
                    finishedRows: num(f['finished rows']),
                    estimateTotalRows: num(f['estimate total rows']),
                    finishedBytes: f['finished size'] === undefined ? undefined : parseByteSize(f['finished size']),
                    speedMiBs: num(f['average speed(MiB/s)'])
                };
                break;
            case SUCCESS:
                r.succeeded = true;
                break;
        }
        if (parsed.level === 'ERROR' || parsed.level === 'FATAL') {
            r.firstError ??= { text: describeLogLine(parsed), line: stripLinePrefix(line) };
        }
    }
    plainLine(s) {
        const r = this.r;
        const banner = /^(Release version|Git commit hash):\s*(.*)$/.exec(s);
        if (banner) {
            if (banner[1] === 'Release version')
                r.version = nonEmpty(banner[2]);
            else
                r.gitHash = nonEmpty(banner[2]);
            return;
        }
        if (s === SUCCESS) {
            r.succeeded = true;
            return;
        }
        const prefix = FAILURE_PREFIXES.find((p) => s.startsWith(p));
        if (prefix !== undefined) {
            r.failure ??= prefix.startsWith('meet') ? s : s.slice(prefix.length);
            r.firstError ??= { text: s, line: s };
        }
        else if (PFLAG_ERROR.test(s)) {
            r.firstError ??= { text: s, line: s };
        }
    }
    /**
     * Succeeded only on exit 0 with Dumpling's success line; a run killed by a signal without an error is
     * cancelled; everything else fails with the first error line Dumpling printed.
     */
    verdict(exitCode) {
        const r = this.r;
        if (exitCode === 0 && r.succeeded && r.failure === undefined) {
            return { outcome: 'succeeded', message: SUCCESS, advice: [] };
        }
        if (exitCode === null && r.firstError === undefined) {
            return { outcome: 'cancelled', message: 'dumpling was stopped by a signal', advice: [] };
        }
        const message = r.firstError?.text ??
            (exitCode === 0
                ? `dumpling exited 0 without "${SUCCESS}"`
                : exitMessage('dumpling', exitCode, r.lastPlainLine));
        return { outcome: 'failed', message, advice: [] };
    }
}
function nonEmpty(s) {
    const t = s?.trim();
    return t === undefined || t === '' ? undefined : t;
}
function num(s) {
    return s === undefined ? undefined : parseDecimal(s);
}

;// CONCATENATED MODULE: ./src/phases/dumpling-phase.ts





/**
 * Runs Dumpling with `args` and returns once it said it succeeded.
 * @param phase the phase id its errors carry
 * @param from the server it reads, whose password is hidden in every line
 * @throws PhaseError with Dumpling's line; CancelledError when the run was cancelled
 */
async function runDumpling(ctx, state, phase, args, from) {
    const { inputs } = ctx;
    const monitor = new DumplingMonitor();
    const result = await runComponent({
        tiup: needTiup(state),
        component: 'dumpling',
        version: inputs.tools.tidbVersion,
        args: [...args],
        secrets: [from.password],
        timeoutMs: inputs.timeouts.importMs,
        signal: ctx.signal,
        log: (line) => ctx.log.info(line),
        onLine: (line) => {
            monitor.push(line);
            const tables = monitor.report.progress?.tables;
            if (tables)
                ctx.progress(`tables ${tables.done}/${tables.total}`);
        }
    });
    const verdict = monitor.verdict(result.exitCode);
    if (verdict.outcome === 'succeeded')
        return;
    if (ctx.signal.aborted && !result.timedOut) {
        throw new errors/* CancelledError */.cc('Dumpling was stopped because the run was cancelled');
    }
    const why = result.timedOut
        ? `Dumpling did not finish within import-timeout-minutes (${(0,format/* formatDuration */.a3)(inputs.timeouts.importMs)}) and was stopped`
        : `Dumpling failed: ${verdict.message}`;
    throw new errors/* PhaseError */.wo(phase, why, {
        toolLine: monitor.report.firstError?.line ?? verdict.message,
        tail: result.tail
    });
}

;// CONCATENATED MODULE: ./src/phases/schema-export.ts
// Phase `schema-export`: step 1.1 of PingCAP's documented procedure, plus the views. Dumpling writes the DDL of the
// selected tables and views to `<s3-uri>/schema/<run key>/` (a folder per run, so a rerun never mixes in another
// run's files):
//   dumpling --host … --port … --user … --password … --filter <rule> … --consistency none --no-data --no-views=false
//            --output s3://… [--s3.endpoint …] --s3.region …
// Each filter rule is its own --filter (plus Dumpling's system-schema exclusion, which any --filter replaces);
// `--consistency none` because Aurora refuses FLUSH TABLES WITH READ LOCK and a schema dump needs no snapshot.
//
// The password is on Dumpling's command line because Dumpling has no other way to take it (no config file, no
// environment variable). It is hidden in every line the action prints (runComponent's redaction) and in tiup's own
// `Starting component` line (tiup redacts --password); it is visible in the process list of the runner for the few
// seconds Dumpling runs. AWS credentials reach Dumpling through the environment, never its arguments.
//
// Success only from Dumpling's own line (dumpling-phase.ts). Its deadline is `import-timeout-minutes`, the one for the
// PingCAP tools: a schema dump takes minutes, so it only matters when something hangs.









/**
 * Counts Dumpling's schema files in a listing of keys. A view comes as two files (dumpling/export/writer.go
 * WriteViewMeta): a placeholder table `<db>.<view>-schema.sql` and `<db>.<view>-schema-view.sql`; the placeholder is
 * not a table. Pure.
 */
function countSchemaFiles(keys) {
    let databases = 0;
    const tables = new Set();
    const views = new Set();
    for (const key of keys) {
        if (key.endsWith('-schema-create.sql'))
            databases++;
        else if (key.endsWith('-schema-view.sql'))
            views.add(key.slice(0, -'-schema-view.sql'.length));
        else if (key.endsWith('-schema.sql'))
            tables.add(key.slice(0, -'-schema.sql'.length));
    }
    for (const v of views)
        tables.delete(v);
    return { databases, tables: tables.size, views: views.size };
}
/** Dumpling's arguments for a run: the filter, the run's schema folder, the S3 endpoint and region. */
function schemaExportArgs(inputs, runKey, filter = inputs.filter) {
    return dumplingArgs({
        source: inputs.source,
        filter: (0,parse/* filterRules */.eX)(filter),
        output: (0,phases_names/* schemaLocation */.Vm)(needS3(inputs), runKey).uri,
        s3Endpoint: (0,aws_endpoint/* effectiveS3Endpoint */.v)(inputs.aws),
        s3Region: inputs.aws.region || undefined
    }).args;
}
/** Counts the files under the schema folder; the error when it cannot be listed. */
async function countWritten(s3, location) {
    try {
        const objects = await (await s3()).list(location.bucket, `${location.prefix}/`);
        return countSchemaFiles(objects.map((o) => o.key));
    }
    catch (e) {
        return new Error((0,errors/* errorMessage */.gJ)(e));
    }
}
/** The `schema-export` phase. */
function schemaExportPhase(state, deps = {}) {
    return {
        id: 'schema-export',
        title: 'Schema export (Dumpling → S3)',
        async run(ctx) {
            const { inputs } = ctx;
            const location = (0,phases_names/* schemaLocation */.Vm)(needS3(inputs), state.runKey);
            const args = schemaExportArgs(inputs, state.runKey, selectionFilter(inputs, state));
            ctx.progress('dumping the schema');
            await runDumpling(ctx, state, 'schema-export', args, inputs.source);
            // The SDK loads only now, through the phases' AWS kit (aws-deps.ts): not at bundle start-up.
            const files = await countWritten(async () => (await awsKit(ctx, deps)).s3, location);
            if (files instanceof Error) {
                // Counting is a check on top of Dumpling's own success line; Lightning will say if it cannot read them.
                ctx.log.warning(`Could not list the schema files in ${location.uri}: ${files.message}`);
            }
            else {
                ctx.record.numbers.push({ label: 'databases', value: files.databases }, { label: 'table schemas', value: files.tables });
                if (files.views > 0)
                    ctx.record.numbers.push({ label: 'views', value: files.views });
                const selected = state.tables?.length;
                if (selected !== undefined && files.tables < selected) {
                    ctx.log.warning(`Dumpling wrote ${files.tables} table schema file(s) to ${location.uri}, but the filter selects ` +
                        `${selected} table(s) on the source; the missing tables will not be created on the target.`);
                }
                ctx.record.note = `${files.tables} table schema(s) in ${location.uri}`;
            }
            state.schemaUri = location.uri;
            ctx.setOutput('schema-uri', location.uri);
            ctx.report.links.push({ label: 'Schema files (Dumpling)', url: location.uri });
        }
    };
}

;// CONCATENATED MODULE: ./src/tidb/lightning/schema-errors.ts
// Lightning's error for a schema statement the target refused. pkg/lightning/mydump/schema_import.go (pingcap/tidb)
// runs every statement of a schema job and, on failure, returns
//   common.ErrCreateSchema.Wrap(err).GenWithStackByArgs(common.UniqueTable(job.dbName, job.tblName), job.stmtType.String())
// where ErrCreateSchema's text is `create schema failed, table: %s, stmt: %s` and the statement types print as
// `restore database schema`, `restore table schema` and `restore view schema`. Views are created last, after every
// database and table, one at a time, so a failed view job means the tables are in place and this view (and those
// after it) are not. Pure.

const VIEW_FAILURE = /create schema failed, table: (`(?:[^`]|``)*`\.`(?:[^`]|``)*`|[^,\s]+), stmt: restore view schema(?::\s*(.*))?/;
/** The view a Lightning failure text names, when the failure is a view job's; undefined otherwise. */
function failedViewOf(text) {
    const m = VIEW_FAILURE.exec(text);
    if (m === null)
        return undefined;
    const view = parseQualifiedName(m[1] ?? '');
    if (view === undefined)
        return undefined;
    return { view, cause: (m[2] ?? '').trim() || 'the target refused the CREATE VIEW statement' };
}
/** The first view failure among several texts (the verdict, the first error line, the tail). */
function findFailedView(texts) {
    for (const t of texts) {
        const hit = t === undefined ? undefined : failedViewOf(t);
        if (hit !== undefined)
            return hit;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/phases/schema-import.ts




const key = (db, table) => `${db}\u0000${table}`.toLowerCase();
/** Runs Lightning on the schema files; a failure that is a view's is recorded in the state instead of thrown. */
async function importSchema(ctx, state, dataSourceDir) {
    let run;
    try {
        await runImportPhase(ctx, state, {
            name: 'schema-import',
            config: { dataSourceDir },
            useCheckpoint: false,
            onFinished: (r) => {
                run = r;
            }
        });
    }
    catch (e) {
        const failed = run === undefined || ctx.signal.aborted
            ? undefined
            : findFailedView([run.verdict.message, run.report.firstError?.line, ...run.tail]);
        if (failed === undefined)
            throw e;
        const name = `\`${failed.view.database}\`.\`${failed.view.table}\``;
        ctx.log.warning(`View ${name} could not be created on the target: ${failed.cause}. Lightning creates views after every ` +
            'table and stops at the first it cannot create, so the tables are in place; this view and any view ' +
            'after it are missing (verify names each).');
        state.viewsNotCreated = [{ ...failed.view, cause: failed.cause }];
    }
}
/** The `schema-import` phase. */
function schemaImportPhase(state) {
    return {
        id: 'schema-import',
        title: 'Schema import (Lightning)',
        async run(ctx) {
            const { inputs } = ctx;
            if (state.schemaUri === undefined)
                throw new Error('schema-export has not written a schema');
            const location = (0,phases_names/* schemaLocation */.Vm)(needS3(inputs), state.runKey);
            await importSchema(ctx, state, lightningS3Uri(inputs, location.bucket, location.prefix));
            const selected = state.tables;
            if (selected === undefined)
                return;
            const missing = await withTarget(inputs, async (conn) => {
                const dbs = [...new Set(selected.map((t) => t.database))];
                const [rows] = await conn.query('SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?)', [dbs]);
                // TiDB compares table names case-insensitively (lower_case_table_names = 2).
                const present = new Set(rows.map((r) => key(String(r['s']), String(r['t']))));
                return selected.filter((t) => !present.has(key(t.database, t.table)));
            });
            ctx.record.numbers.push({ label: 'tables created', value: selected.length - missing.length });
            if (missing.length > 0) {
                const names = missing
                    .slice(0, 10)
                    .map((t) => `\`${t.database}\`.\`${t.table}\``)
                    .join(', ');
                throw new errors/* PhaseError */.wo('schema-import', `TiDB Lightning finished, but ${missing.length} selected table(s) do not exist on the target: ${names}` +
                    `${missing.length > 10 ? ', …' : ''}. Check Dumpling's files in ${state.schemaUri}.`);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/tidb/lightning/dump-import.ts

/** The source part of Lightning's configuration for a dump of `tables` in `dataSourceDir`. */
function dumpImportConfig(dataSourceDir, tables, checksum) {
    if (tables.length === 0)
        throw new Error('Lightning: a dump import needs at least one table');
    return { dataSourceDir, filter: tables.map(exactTableRule), checksum };
}

// EXTERNAL MODULE: ./src/mysql/row-counts.ts
var row_counts = __webpack_require__(1879);
;// CONCATENATED MODULE: ./src/phases/skipped-tables.ts













const skipped_tables_PHASE = 'skipped-tables';
/**
 * The selected tables among those the export skipped (`db.table` as AWS names them), in selection order. A name the
 * export gives exactly wins; otherwise names are compared as TiDB compares them (case-insensitively). Skipped tables
 * that are not selected (a whole-cluster export) are not the run's concern. Pure.
 */
function skippedSelected(skipped, selected) {
    const exact = new Map(skipped.map((s) => [s.table, s.reason]));
    const folded = new Map(skipped.map((s) => [s.table.toLowerCase(), s.reason]));
    return selected.flatMap((t) => {
        // AWS joins the two names with a dot, unescaped (not tableKey, which escapes dots inside names).
        const joined = `${t.database}.${t.table}`;
        const reason = exact.get(joined) ?? folded.get(joined.toLowerCase());
        return reason === undefined ? [] : [{ database: t.database, table: t.table, reason }];
    });
}
const shown = (t) => `\`${t.database}\`.\`${t.table}\``;
/** `` `crm`.`legacy_contacts` (reason) `` for each table, joined. */
function describeSkipped(tables) {
    return tables.map((t) => `${shown(t)} (${t.reason})`).join('; ');
}
/** The message of `skipped-tables: fail`. Pure. */
function skippedFailure(tables) {
    return (`The snapshot export skipped ${tables.length} selected table(s): ${describeSkipped(tables)}. ` +
        "Input skipped-tables is 'fail', so nothing was imported. Set skipped-tables: copy to copy them with " +
        'Dumpling and TiDB Lightning (the default), or exclude to leave them out of the migration.');
}
/** The summary row of a table the export skipped, marked ⚠ with how it was filled. Pure. */
function skippedRow(t) {
    const name = { database: t.database, table: t.table };
    if (t.filled === 'excluded') {
        return {
            ...name,
            status: 'excluded',
            note: `⚠ skipped by the export (${t.reason}); left out of the import, DM and verify (skipped-tables: exclude)`
        };
    }
    const rows = t.copiedRows === undefined ? '' : `: ${(0,format/* formatCount */.B4)(t.copiedRows)} rows`;
    return {
        ...name,
        ...(t.copiedRows === undefined ? {} : { rowsImported: t.copiedRows }),
        status: 'copied',
        note: `⚠ skipped by the export (${t.reason}); filled by a Dumpling dump imported by Lightning${rows}`
    };
}
/** COUNT(*) of each table on `from`, by `db.table`. */
async function sourceCounts(from, tables) {
    const { connectDb } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112));
    const conn = await connectDb(from, 'source');
    try {
        const counts = await (0,row_counts/* countRows */.B)(conn, tables);
        const out = new Map();
        for (const t of tables) {
            const c = counts.get((0,table_name/* tableKey */.i)(t));
            if (c === undefined || !('rows' in c)) {
                const why = c === undefined ? 'no answer' : 'missing' in c ? 'it does not exist' : c.error;
                throw new errors/* PhaseError */.wo(skipped_tables_PHASE, `Cannot count the rows of ${shown(t)} on the source: ${why}.`);
            }
            out.set((0,table_name/* tableKey */.i)(t), c.rows);
        }
        return out;
    }
    finally {
        await conn.end().catch(() => undefined);
    }
}
/** Dumpling's arguments for the rows of one table, into the run's skipped-tables folder. */
function tableDumpArgs(inputs, from, t, runKey) {
    return dumplingArgs({
        source: from,
        filter: [exactTableRule(t)],
        output: (0,phases_names/* skippedTablesLocation */.bf)(needS3(inputs), runKey).uri,
        s3Endpoint: (0,aws_endpoint/* effectiveS3Endpoint */.v)(inputs.aws),
        s3Region: inputs.aws.region || undefined,
        content: 'data'
    }).args;
}
/** Dumps each table (counting the source around it), imports the dumps, counts the target. */
async function copy(ctx, state, tables, from) {
    const { inputs } = ctx;
    if ((0,types/* dmEnabled */.zc)(inputs) && !inputs.dm.safeMode)
        ctx.log.warning('safe-mode is false, but DM will replay changes the copied tables already hold (their dump is newer than ' +
            'the recorded position): inserts among them fail with duplicate keys. Set safe-mode: true.');
    const bounds = new Map();
    for (const t of tables) {
        ctx.progress(`dumping ${shown(t)}`);
        const before = (await sourceCounts(from, [t])).get((0,table_name/* tableKey */.i)(t)) ?? 0;
        await runDumpling(ctx, state, skipped_tables_PHASE, tableDumpArgs(inputs, from, t, state.runKey), from);
        const after = (await sourceCounts(from, [t])).get((0,table_name/* tableKey */.i)(t)) ?? 0;
        bounds.set((0,table_name/* tableKey */.i)(t), { before, after });
    }
    const location = (0,phases_names/* skippedTablesLocation */.bf)(needS3(inputs), state.runKey);
    ctx.report.links.push({ label: 'Tables the export skipped (Dumpling)', url: location.uri });
    const names = tables.map((t) => ({ database: t.database, table: t.table }));
    await runImportPhase(ctx, state, {
        name: skipped_tables_PHASE,
        config: dumpImportConfig(lightningS3Uri(inputs, location.bucket, location.prefix), names, inputs.import.checksum),
        useCheckpoint: true,
        nonEmptyTables: () => withTarget(inputs, (conn) => (0,table_rows/* nonEmptyTables */.sB)(conn, names)),
        // A resumed run: rows in these tables can only be this phase's own unfinished copy (DM starts after verify).
        ...(state.resumed === undefined
            ? {}
            : {
                ownRows: {
                    why: `the unfinished copy of an earlier attempt of run ${state.runKey}`,
                    empty: (t) => withTarget(inputs, (conn) => (0,table_rows/* truncateTables */.Kb)(conn, t))
                }
            })
    });
    const counts = await withTarget(inputs, (conn) => (0,row_counts/* countRows */.B)(conn, names));
    return tables.map((t) => {
        const c = counts.get((0,table_name/* tableKey */.i)(t));
        const bound = bounds.get((0,table_name/* tableKey */.i)(t));
        return {
            database: t.database,
            table: t.table,
            reason: t.reason,
            filled: 'copied',
            ...(bound === undefined ? {} : { sourceRows: bound }),
            ...(c !== undefined && 'rows' in c ? { copiedRows: c.rows } : {})
        };
    });
}
/**
 * The `skipped-tables` phase.
 * @param state reads `export` and `tables`, sets `skippedTables`
 * @param deps the dump-source hook
 */
function skippedTablesPhase(state, deps = {}) {
    return {
        id: skipped_tables_PHASE,
        title: 'Tables the export skipped',
        async run(ctx) {
            const { inputs } = ctx;
            if (!state.export || !state.tables)
                throw new errors/* PhaseError */.wo(skipped_tables_PHASE, 'The export and the selected tables are unknown.');
            const tables = skippedSelected(state.export.skipped, state.tables);
            if (tables.length === 0) {
                state.skippedTables = [];
                ctx.record.note = 'the export skipped no selected table';
                return;
            }
            ctx.record.numbers.push({ label: 'tables skipped by the export', value: tables.length });
            const mode = inputs.skippedTables;
            if (mode === 'fail')
                throw new errors/* PhaseError */.wo(skipped_tables_PHASE, skippedFailure(tables));
            let facts;
            if (mode === 'exclude') {
                facts = tables.map((t) => ({ ...t, filled: 'excluded' }));
                ctx.log.warning(`The snapshot export skipped ${tables.length} selected table(s), which this run leaves out of the ` +
                    `import, DM and the verification (skipped-tables: exclude): ${describeSkipped(tables)}. ` +
                    'The target does not hold them.');
                ctx.record.note = `${tables.length} excluded: ${tables.map(shown).join(', ')}`;
            }
            else {
                facts = await copy(ctx, state, tables, deps.dumpFrom?.(state) ?? inputs.source);
                const rows = facts.reduce((n, f) => n + (f.copiedRows ?? 0), 0);
                ctx.log.warning(`The snapshot export skipped ${tables.length} selected table(s): ${describeSkipped(tables)}. ` +
                    `Copied instead by Dumpling and TiDB Lightning (${(0,format/* formatCount */.B4)(rows)} rows); DM's replay from the ` +
                    'recorded position brings them up to date.');
                ctx.record.numbers.push({ label: 'rows copied', value: rows });
                ctx.record.note = `${tables.length} copied by Dumpling → Lightning: ${tables.map(shown).join(', ')}`;
            }
            state.skippedTables = facts;
            upsertTableRows(ctx.report.tables, facts.map(skippedRow));
        }
    };
}

;// CONCATENATED MODULE: ./src/mysql/binlog-events.ts
const ROW_EVENT = /^(?:Write|Update|Delete)_rows/;
const PAGE = 1000;
/** Reads a SHOW BINLOG EVENTS row (columns Log_name, Pos, Event_type, Server_id, End_log_pos, Info). */
function binlogEventRow(row) {
    return {
        pos: Number(row['Pos']),
        endPos: Number(row['End_log_pos']),
        type: typeof row['Event_type'] === 'string' ? row['Event_type'] : '',
        info: typeof row['Info'] === 'string' ? row['Info'] : ''
    };
}
/** A running tally; pure. */
class BinlogTally {
    events = 0;
    rowEvents = 0;
    transactions = 0;
    /** Counts one event. */
    add(e) {
        this.events++;
        if (ROW_EVENT.test(e.type))
            this.rowEvents++;
        else if (e.type === 'Xid' || (e.type === 'Query' && /^\s*COMMIT\b/i.test(e.info)))
            this.transactions++;
    }
    /** The span so far. */
    span(complete) {
        const { events, rowEvents, transactions } = this;
        return { events, rowEvents, transactions, complete };
    }
}
/**
 * Counts the events from `from` (inclusive) to `to` (exclusive), across binlog files.
 * @param conn a connection to the source
 * @param maxEvents stop after this many events (the span is then marked incomplete)
 * @throws when a file of the range is no longer on the source (purged) or `to` comes before `from`
 */
async function countBinlogEvents(conn, from, to, maxEvents = 100_000) {
    const [logs] = await conn.query('SHOW BINARY LOGS');
    const files = logs.map((r) => String(r['Log_name']));
    const first = files.indexOf(from.file);
    const last = files.indexOf(to.file);
    if (first < 0 || last < 0) {
        const gone = first < 0 ? from.file : to.file;
        throw new Error(`binlog file ${gone} is no longer on the source (SHOW BINARY LOGS)`);
    }
    if (last < first || (last === first && to.position < from.position))
        throw new Error(`${to.file}:${to.position} comes before ${from.file}:${from.position}`);
    const tally = new BinlogTally();
    for (const file of files.slice(first, last + 1)) {
        let pos = file === from.file ? from.position : 4;
        for (;;) {
            const [rows] = await conn.query('SHOW BINLOG EVENTS IN ? FROM ? LIMIT ?', [file, pos, PAGE]);
            const events = rows.map(binlogEventRow);
            for (const e of events) {
                if (file === to.file && e.pos >= to.position)
                    return tally.span(true);
                tally.add(e);
                if (tally.events >= maxEvents)
                    return tally.span(false);
            }
            const end = events[events.length - 1]?.endPos;
            if (events.length < PAGE || end === undefined || end <= pos)
                break;
            pos = end;
        }
    }
    return tally.span(true);
}

// EXTERNAL MODULE: ./src/mysql/binlog.ts
var binlog = __webpack_require__(50229);
;// CONCATENATED MODULE: ./src/phases/snapshot.ts
// Phase `snapshot`: the cluster snapshot the export reads, taken right after the binlog position was recorded (or
// the one `snapshot-identifier` names), waited on until `available`.
//
// Re-runs: the snapshot id is derived from the run key, so a re-run attempt of the same workflow run gets
// DBClusterSnapshotAlreadyExists and picks up the snapshot its first attempt took instead of taking another.
//
// The documented window: PingCAP's procedure records the binlog position, then snapshots "within 5 minutes"; every
// change in between is both in the export and after the recorded position, so DM replays it (safe mode makes that
// harmless). The gap is measured from the two clocks we have (the runner's at capture, RDS's SnapshotCreateTime),
// and when RDS reports the snapshot's own binlog position, the overlap is counted in binlog events.








const snapshot_PHASE = 'snapshot';
/** How the snapshot is polled: small snapshots are ready in seconds, large ones in tens of minutes. */
const SNAPSHOT_POLL = { intervalMs: 2000, maxIntervalMs: 30_000, factor: 1.5, jitter: 0.1 };
/** PingCAP's window between recording the binlog position and the snapshot. */
const DOCUMENTED_WINDOW_MS = 5 * 60_000;
/** Statuses a snapshot passes through on its way to `available`. */
const snapshot_PENDING = new Set(['creating', 'copying', 'pending', 'modifying']);
const describeSnapshot = (s) => `${s.status} ${s.percent}%`;
function checkCluster(s, cluster, advice) {
    if (cluster === undefined || s.clusterIdentifier.toLowerCase() === cluster.toLowerCase())
        return;
    throw new errors/* PhaseError */.wo(snapshot_PHASE, `Cluster snapshot ${s.identifier} belongs to cluster ${s.clusterIdentifier}, not to ${cluster} (input cluster-identifier). ${advice}`);
}
async function obtain(ctx, kit, runKey) {
    const { clusterIdentifier: cluster, snapshotIdentifier: given } = ctx.inputs.aws;
    if (given !== undefined) {
        const s = await orFail(snapshot_PHASE, `Reading snapshot ${given}`, kit.rds.describeClusterSnapshot(given));
        if (!s)
            throw new errors/* PhaseError */.wo(snapshot_PHASE, `Cluster snapshot ${given} (input snapshot-identifier) does not exist in ${ctx.inputs.aws.region}: give the identifier or ARN of an existing DB cluster snapshot, or leave the input empty to take a new one.`);
        checkCluster(s, cluster, 'Name a snapshot of the cluster being migrated.');
        ctx.log.info(`Using the existing cluster snapshot ${s.identifier} of cluster ${s.clusterIdentifier} (${s.status}, taken ${s.createdAt?.toISOString() ?? 'at an unknown time'}).`);
        return { view: s, reused: true, earlierAttempt: false };
    }
    if (cluster === undefined)
        throw new errors/* PhaseError */.wo(snapshot_PHASE, 'Input cluster-identifier is needed to take a snapshot (or give snapshot-identifier).');
    const id = (0,phases_names/* snapshotIdFor */.pP)(runKey);
    try {
        const s = await kit.rds.createClusterSnapshot(id, cluster);
        ctx.log.info(`Taking cluster snapshot ${s.identifier} of cluster ${cluster}.`);
        return { view: s, reused: false, earlierAttempt: false };
    }
    catch (e) {
        if (!(0,aws_call.isAwsError)(e, 'DBClusterSnapshotAlreadyExistsFault'))
            throw awsPhaseError(snapshot_PHASE, `Taking cluster snapshot ${id} of cluster ${cluster}`, e);
    }
    const s = await orFail(snapshot_PHASE, `Reading snapshot ${id}`, kit.rds.describeClusterSnapshot(id));
    if (!s)
        throw new errors/* PhaseError */.wo(snapshot_PHASE, `RDS says cluster snapshot ${id} already exists, but does not describe it; try again.`);
    checkCluster(s, cluster, 'Set input run-key to another value so this run names its own snapshot.');
    ctx.log.info(`Cluster snapshot ${s.identifier} already exists: an earlier attempt of this run took it at ${s.createdAt?.toISOString() ?? 'an unknown time'}. Reusing it instead of taking another.`);
    return { view: s, reused: false, earlierAttempt: true };
}
async function waitAvailable(ctx, kit, first) {
    const deadlineMs = ctx.inputs.timeouts.snapshotMs;
    const s = await pollInPhase(ctx, snapshot_PHASE, kit, {
        label: `cluster snapshot ${first.identifier}`,
        check: async (attempt) => {
            if (attempt === 1)
                return first;
            const now = await kit.rds.describeClusterSnapshot(first.identifier);
            if (!now)
                throw new errors/* PhaseError */.wo(snapshot_PHASE, `Cluster snapshot ${first.identifier} was deleted while it was being taken.`);
            return now;
        },
        isDone: (v) => !snapshot_PENDING.has(v.status),
        ...SNAPSHOT_POLL,
        deadlineMs,
        describe: describeSnapshot,
        onProgress: (v) => ctx.progress(`snapshot ${describeSnapshot(v)}`)
    }, (e) => new errors/* PhaseError */.wo(snapshot_PHASE, `Cluster snapshot ${first.identifier} was still ${e.lastSeen ?? 'not available'} after ${(0,format/* formatDuration */.a3)(deadlineMs)} (snapshot-timeout-minutes). It was left as it is: re-run this workflow run to pick it up, or raise snapshot-timeout-minutes.`, { cause: e }));
    if (s.status !== 'available')
        throw new errors/* PhaseError */.wo(snapshot_PHASE, `Cluster snapshot ${s.identifier} is ${s.status}, not available, so it cannot be exported.`, { toolLine: `Status: ${s.status}` });
    return s;
}
/**
 * Measures capture → snapshot and warns outside the documented window. A snapshot older than the recorded position loses
 * the changes in between when DM starts from that position: with DM that is refused here, before the export starts
 * (never a warning and a run that continues); without DM the position is not used and a note suffices. A position
 * the inputs gave (recorded when a reused snapshot was taken) has no gap to measure.
 */
function reportGap(ctx, state, createdAt, got) {
    const b = state.binlog;
    if (!b)
        return;
    const at = `${b.file}:${b.position}`;
    if (b.given) {
        ctx.log.info(`DM starts from ${at}, the position given for this snapshot (inputs binlog-file/binlog-position).`);
        return;
    }
    const gap = createdAt - b.capturedAt;
    ctx.record.numbers.push({
        label: 'binlog capture → snapshot',
        value: Math.round(gap / 1000),
        unit: 'seconds'
    });
    if (gap < 0) {
        const why = got.reused
            ? 'snapshot-identifier names a snapshot older than this run'
            : 'an earlier attempt of this run took it';
        const lost = `The snapshot was taken ${(0,format/* formatDuration */.a3)(-gap)} BEFORE the binlog position ${at} was recorded (${why}): changes made in between are in neither the export nor the binlog after ${at}.`;
        if ((0,types/* dmEnabled */.zc)(ctx.inputs) && (0,types/* restoreWanted */.Mi)(ctx.inputs)) {
            ctx.log.info(`${lost} DM starts from the snapshot's own position instead, which its restored copy announces.`);
        }
        else if ((0,types/* dmEnabled */.zc)(ctx.inputs)) {
            throw new errors/* PhaseError */.wo(snapshot_PHASE, `${lost} Refusing to export it for a migration with DM. Set inputs binlog-file and binlog-position to what SHOW MASTER STATUS printed when the snapshot was taken, set restore-snapshot to true so that a restored copy tells the snapshot's own position, or start a new run (a new run key) so that the position is recorded just before a new snapshot.`);
        }
        ctx.log.info(`${lost} Without DM the position is not used.`);
    }
    else if (gap > DOCUMENTED_WINDOW_MS) {
        ctx.log.warning(`The snapshot was taken ${(0,format/* formatDuration */.a3)(gap)} after the binlog position ${at} was recorded, more than the 5 minutes of PingCAP's procedure: DM replays every change of that time (safe mode keeps that idempotent only for tables with a primary or unique key).`);
    }
    else {
        ctx.log.info(`The snapshot was taken ${(0,format/* formatDuration */.a3)(gap)} after the binlog position ${at} was recorded (within the 5-minute window).`);
    }
}
function compare(a, b) {
    return a.file === b.file ? a.position - b.position : a.file < b.file ? -1 : 1;
}
/** The snapshot's own binlog position from its RDS events, when RDS announces one; undefined otherwise. */
async function snapshotPosition(ctx, kit, s, createdAt) {
    let messages;
    try {
        const events = await kit.rds.describeEvents({
            sourceType: 'db-cluster-snapshot',
            sourceIdentifier: s.identifier,
            startTime: new Date(createdAt - 60 * 60_000)
        });
        messages = events.map((e) => e.message);
    }
    catch (e) {
        if (ctx.signal.aborted)
            throw e;
        ctx.log.info(`Could not read the snapshot's RDS events (${(0,aws_call.awsErrorLine)(e)}).`);
        return undefined;
    }
    const found = messages.map(binlog/* parseCrashRecoveryEvent */.SG).filter((p) => p?.positionNumber !== undefined);
    const last = found[found.length - 1];
    return last ? { file: last.file, position: last.positionNumber ?? 0 } : undefined;
}
/** Reports the overlap between the recorded position and the snapshot's own position; never replaces the former. */
async function reportOverlap(ctx, captured, own) {
    const at = `${captured.file}:${captured.position}`;
    const ownAt = `${own.file}:${own.position}`;
    const order = compare(captured, own);
    if (order === 0) {
        ctx.log.info(`Nothing was written between the recorded position and the snapshot: no overlap for DM to replay.`);
        ctx.record.numbers.push({ label: 'overlap row events', value: 0 });
        return;
    }
    if (order > 0) {
        ctx.log.warning(`The recorded binlog position ${at} is AFTER the snapshot's own position ${ownAt}: DM starting at ${at} would miss the changes in between. The recorded position is kept as the output; start DM from ${ownAt} instead.`);
        return;
    }
    let conn;
    try {
        // mysql2 is loaded when needed, like the AWS SDK (aws-deps.ts): it is a large part of the bundle's start-up.
        const { connectDb } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112));
        conn = await connectDb(ctx.inputs.source, 'source');
        const span = await countBinlogEvents(conn, captured, own);
        const more = span.complete ? '' : 'at least ';
        ctx.record.numbers.push({ label: 'overlap row events', value: span.rowEvents });
        ctx.log.info(`Overlap: ${more}${(0,format/* formatCount */.B4)(span.rowEvents)} row events in ${more}${(0,format/* formatCount */.B4)(span.transactions)} transactions were written between the recorded position ${at} and the snapshot (${ownAt}). They are in the export and DM replays them from ${at}${ctx.inputs.dm.safeMode && ctx.inputs.dm.safeModeDuration === undefined ? '; safe mode makes the replay idempotent' : ''}.`);
        if (span.rowEvents > 0 && !ctx.inputs.dm.safeMode)
            ctx.log.warning(`safe-mode is off, but DM will replay ${(0,format/* formatCount */.B4)(span.rowEvents)} row events the export already holds: expect duplicate-key errors unless safe-mode is on.`);
    }
    catch (e) {
        if (ctx.signal.aborted)
            throw e;
        ctx.log.info(`Could not count the overlap on the source: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    finally {
        await conn?.end().catch(() => undefined);
    }
}
/**
 * The `snapshot` phase.
 * @param state reads `binlog` (to measure the gap), sets `snapshot`
 * @param deps fakes and a clock for tests
 */
function snapshotPhase(state, deps = {}) {
    return {
        id: snapshot_PHASE,
        title: 'Cluster snapshot',
        async run(ctx) {
            const kit = await awsKit(ctx, deps);
            const got = await obtain(ctx, kit, state.runKey);
            const s = await waitAvailable(ctx, kit, got.view);
            const createdAt = s.createdAt?.getTime() ?? kit.clock.now();
            state.snapshot = { identifier: s.identifier, arn: s.arn, createdAt, reused: got.reused };
            ctx.setOutput('snapshot-id', s.identifier);
            ctx.report.links.push({ label: `Cluster snapshot ${s.identifier}`, url: s.arn });
            ctx.record.note = got.reused
                ? `reused ${s.identifier}`
                : got.earlierAttempt
                    ? `${s.identifier}, taken by an earlier attempt`
                    : `took ${s.identifier}`;
            ctx.log.info(`Cluster snapshot ${s.identifier} is available (taken ${new Date(createdAt).toISOString()}).`);
            reportGap(ctx, state, createdAt, got);
            const own = await snapshotPosition(ctx, kit, s, createdAt);
            if (!own) {
                ctx.log.info('RDS reports no binlog position for the snapshot itself (on Aurora that event appears only on a cluster restored from it), so the overlap is not counted; DM starts from the recorded position and safe mode absorbs what it replays.');
                return;
            }
            state.snapshot = { ...state.snapshot, binlog: own };
            ctx.log.info(`RDS reports the snapshot's own binlog position: ${own.file}:${own.position}.`);
            if (state.binlog)
                await reportOverlap(ctx, state.binlog, own);
        }
    };
}

;// CONCATENATED MODULE: ./src/phases/tiup.ts
// Phase `tiup`: tiup and the pinned components (dumpling, tidb-lightning, dmctl) on the runner, from the tool cache
// when a previous job left them there.


/**
 * The tiup setup phase.
 * @param state receives the setup (tiup path, TIUP_HOME) for the phases that run components
 * @param components which components to install; by default what the operation needs
 */
function tiupPhase(state, components) {
    return {
        id: 'tiup',
        title: 'Set up tiup and the PingCAP tools',
        async run(ctx) {
            const { tools, operation } = ctx.inputs;
            const wanted = components ?? componentsForOperation(operation, (0,types/* dmEnabled */.zc)(ctx.inputs));
            ctx.progress(`installing ${wanted.join(', ') || 'tiup'}`);
            const setup = await setupTiup({
                version: tools.tiupVersion,
                mirror: tools.tiupMirror,
                components: wanted,
                componentVersion: tools.tidbVersion,
                log: (line) => ctx.log.info(line),
                signal: ctx.signal
            });
            state.tiup = setup;
            ctx.report.toolVersions['tiup'] = setup.version;
            for (const [name, version] of Object.entries(setup.components))
                ctx.report.toolVersions[name] = version;
            ctx.record.note = `tiup ${setup.version} (${setup.source === 'path' ? 'found on PATH' : setup.source === 'cache' ? 'from the tool cache' : 'downloaded'})`;
            ctx.record.numbers.push({ label: 'components', value: wanted.length });
        }
    };
}

// EXTERNAL MODULE: ./src/aws/json-fields.ts
var json_fields = __webpack_require__(31473);
;// CONCATENATED MODULE: ./src/aws/export-metadata.ts
// The metadata files an Aurora export writes next to its data (not documented by AWS; the keys are
// those public parsers read, e.g. seapy/athena-ddl-rds-snapshot internal/model/table.go, and real exports show):
//   <prefix>/<id>/export_info_<id>.json                          task summary (lower camelCase keys)
//   <prefix>/<id>/export_tables_info_<id>_from_<a>_to_<b>.json   {"perTableStatus":[…]}, possibly several files
// Keys are read case-insensitively (third-party copies write `TableStatistics`). Entries that carry a
// `warningMessage` are database-level warnings and sit in the same array.
//
// Row counts: neither the real export_tables_info sample (an RDS export of 2023, recorded for the tests) nor the
// documented shape has a row count — `tableStatistics` holds extraction times and `partitioningInfo` only. Rows
// are read when some key carries them (`rows`, `rowCount`, `numberOfRows`, `totalRows`, `exportedRows`) and are
// undefined otherwise; a verification needs another source (the Parquet footers' num_rows, or the source).


/** An error reading a metadata file: which file and why. */
class ExportMetadataError extends Error {
    file;
    constructor(file, reason) {
        super(`export metadata ${file}: ${reason}`);
        this.file = file;
        this.name = 'ExportMetadataError';
    }
}
function parseDoc(file, text) {
    const doc = (0,json_fields/* tryJson */.MR)(text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new ExportMetadataError(file, 'not a JSON object');
    }
    return doc;
}
/** Parses `export_info_<id>.json`. Throws ExportMetadataError when it is not a JSON object. */
function parseExportInfo(text, file = 'export_info') {
    const doc = parseDoc(file, text);
    return {
        exportTaskIdentifier: (0,json_fields/* str */.gx)(doc, 'exportTaskIdentifier'),
        sourceArn: (0,json_fields/* str */.gx)(doc, 'sourceArn'),
        status: (0,export_task/* normaliseExportStatus */.X$)((0,json_fields/* field */.ZZ)(doc, 'status')),
        percentProgress: (0,json_fields/* num */.bu)(doc, 'percentProgress'),
        totalExportedDataInGB: (0,json_fields/* num */.bu)(doc, 'totalExportedDataInGB'),
        taskStartTime: (0,json_fields/* date */.p6)(doc, 'taskStartTime'),
        taskEndTime: (0,json_fields/* date */.p6)(doc, 'taskEndTime'),
        exportOnly: (0,json_fields/* arr */.QL)(doc, 'exportOnly').filter((e) => typeof e === 'string'),
        s3Bucket: (0,json_fields/* str */.gx)(doc, 's3Bucket'),
        s3Prefix: (0,json_fields/* strOrEmpty */.k0)(doc, 's3Prefix')
    };
}
const ROW_KEYS = ['rows', 'rowCount', 'numberOfRows', 'totalRows', 'exportedRows'];
function rowsOf(entry) {
    const stats = (0,json_fields/* field */.ZZ)(entry, 'tableStatistics');
    for (const holder of [entry, stats]) {
        for (const k of ROW_KEYS) {
            const n = (0,json_fields/* num */.bu)(holder, k);
            if (n !== undefined)
                return n;
        }
    }
    return undefined;
}
function tableStatus(entry) {
    const stats = (0,json_fields/* field */.ZZ)(entry, 'tableStatistics');
    const parts = (0,json_fields/* field */.ZZ)(stats, 'partitioningInfo');
    const total = (0,json_fields/* num */.bu)(parts, 'numberOfPartitions');
    const rawStatus = (0,json_fields/* str */.gx)(entry, 'status');
    return {
        target: (0,json_fields/* str */.gx)(entry, 'target'),
        status: (0,export_task/* normaliseExportStatus */.X$)(rawStatus),
        rawStatus,
        sizeGB: (0,json_fields/* num */.bu)(entry, 'sizeGB'),
        rows: rowsOf(entry),
        warningMessage: (0,json_fields/* str */.gx)(entry, 'warningMessage'),
        extractionStartTime: (0,json_fields/* str */.gx)(stats, 'extractionStartTime'),
        extractionEndTime: (0,json_fields/* str */.gx)(stats, 'extractionEndTime'),
        partitions: total === undefined
            ? undefined
            : { total, completed: (0,json_fields/* num */.bu)(parts, 'numberOfCompletedPartitions') }
    };
}
/** Parses one `export_tables_info_*.json`. Throws ExportMetadataError when it is not a JSON object. */
function parseExportTablesInfo(text, file = 'export_tables_info') {
    return (0,json_fields/* arr */.QL)(parseDoc(file, text), 'perTableStatus').map(tableStatus);
}
/** Orders `export_tables_info_<id>_from_<a>_to_<b>.json` names by `a` (numeric), then by name. */
function compareTablesInfoFiles(a, b) {
    const from = (n) => Number(/_from_(\d+)_to_\d+\.json$/.exec(n)?.[1] ?? Infinity);
    return from(a) - from(b) || (a < b ? -1 : a > b ? 1 : 0);
}
/**
 * Parses every metadata file of one export (`name` is the object key or its base name; other files are
 * ignored) and concatenates the `perTableStatus` arrays in file order.
 */
function parseExportMetadata(files) {
    const base = (n) => n.slice(n.lastIndexOf('/') + 1);
    const infoFile = files.find((f) => /^export_info_.*\.json$/.test(base(f.name)));
    const tableFiles = files
        .filter((f) => /^export_tables_info_.*\.json$/.test(base(f.name)))
        .sort((a, b) => compareTablesInfoFiles(base(a.name), base(b.name)));
    const entries = tableFiles.flatMap((f) => parseExportTablesInfo(f.text, f.name));
    return {
        info: infoFile ? parseExportInfo(infoFile.text, infoFile.name) : undefined,
        tables: entries.filter((e) => e.target !== undefined),
        warnings: entries
            .filter((e) => e.target === undefined && e.warningMessage !== undefined)
            .map((e) => e.warningMessage ?? '')
    };
}
/** Splits `db.table`, preferring a known table whose two parts join to the target (dots in names). */
function splitTarget(target, known) {
    // AWS joins the two names with a dot, unescaped.
    const hit = known.find((t) => `${t.database}.${t.table}` === target);
    if (hit)
        return { database: hit.database, table: hit.table };
    const dot = target.indexOf('.');
    return dot < 0
        ? { database: target, table: '' }
        : { database: target.slice(0, dot), table: target.slice(dot + 1) };
}
/**
 * The tables of an export with their status. `warnings` (the task's parsed WarningMessage) marks skipped tables;
 * `known` (the source's table list) resolves dotted names.
 */
function exportedTables(meta, warnings, known = []) {
    const skipped = new Map((warnings?.skippedTables ?? []).map((s) => [s.target, s.reason]));
    const out = meta.tables.map((t) => {
        const target = t.target ?? '';
        const name = splitTarget(target, known);
        const warned = skipped.has(target);
        const warnedReason = skipped.get(target);
        const incomplete = t.status !== 'COMPLETE';
        skipped.delete(target);
        return {
            ...name,
            status: t.status,
            rows: t.rows,
            sizeGB: t.sizeGB,
            skipped: warned || incomplete,
            reason: warned
                ? (warnedReason ?? t.warningMessage ?? 'named in the export warning')
                : incomplete
                    ? (t.warningMessage ?? `export status ${t.rawStatus ?? 'missing'}`)
                    : undefined
        };
    });
    for (const [target, reason] of skipped) {
        out.push({
            ...splitTarget(target, known),
            status: undefined,
            rows: undefined,
            sizeGB: undefined,
            skipped: true,
            reason: reason ?? 'named in the export warning'
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/util/concurrency.ts
var concurrency = __webpack_require__(43731);
;// CONCATENATED MODULE: ./src/phases/verify-checksum.ts




/** Tables compared at once (each holds two connections). */
const CHECKSUM_CONCURRENCY = 4;
/** Row status of a table whose contents differ. */
const CONTENT_MISMATCH = 'content mismatch';
/** Whether this run compares contents: asked for, or by default when a restored copy exists. */
function checksumWanted(inputs, state) {
    return (inputs.verify === 'checksum' || (inputs.verify === undefined && state.restored !== undefined));
}
/**
 * Compares each table's contents on `source` and the target.
 * @param sourceRole how the source side is named in connection errors
 */
async function compareContents(ctx, phase, source, sourceRole, tables) {
    const [{ connectDb }, { compareTable }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112)),
        __webpack_require__.e(/* import() */ 225).then(__webpack_require__.bind(__webpack_require__, 95225))
    ]);
    let done = 0;
    let chunks = 0;
    const open = async (endpoint, role) => {
        const conn = await connectDb(endpoint, role).catch((e) => Promise.reject(new errors/* PhaseError */.wo(phase, e.message, { cause: e })));
        await conn.query("SET time_zone = '+00:00'");
        return conn;
    };
    const workers = Math.min(CHECKSUM_CONCURRENCY, tables.length);
    const queue = [...tables];
    const results = [];
    await (0,concurrency/* mapLimit */.s)(Array.from({ length: workers }, (_, i) => i), workers, async () => {
        const a = await open(source, sourceRole);
        const b = await open(ctx.inputs.target, 'target').catch(async (e) => {
            await a.end().catch(() => undefined);
            throw e;
        });
        try {
            for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
                if (ctx.signal.aborted)
                    return;
                results.push(await compareTable(a, b, t, {}, () => {
                    chunks++;
                    ctx.progress(`checksums: ${done}/${tables.length} tables, ${(0,format/* formatCount */.B4)(chunks)} chunks`);
                }));
                done++;
            }
        }
        finally {
            await Promise.all([a.end().catch(() => undefined), b.end().catch(() => undefined)]);
        }
    }, ctx.signal);
    return results;
}
/**
 * Puts the comparison into the report (tables, numbers, log) and returns the tables whose contents differ or could
 * not be compared, named with the rows that differ.
 */
function reportContents(ctx, results, against) {
    const bad = results.filter((r) => r.result !== 'match');
    const rows = bad.map((r) => {
        const existing = ctx.report.tables.find((x) => x.database === r.database && x.table === r.table);
        return {
            ...(existing ?? {}),
            database: r.database,
            table: r.table,
            status: r.result === 'error' ? 'checksum failed' : CONTENT_MISMATCH,
            note: r.note ?? '',
            differingRows: [...r.differingRows]
        };
    });
    upsertTableRows(ctx.report.tables, rows);
    const chunks = results.reduce((n, r) => n + r.chunks, 0);
    ctx.record.numbers.push({ label: 'tables checksummed', value: results.length }, { label: 'chunks compared', value: chunks }, { label: 'content mismatches', value: bad.length });
    if (bad.length === 0)
        ctx.log.info(`The contents of all ${(0,format/* formatCount */.B4)(results.length)} tables match ${against} (${(0,format/* formatCount */.B4)(chunks)} chunks, sync-diff-inspector's checksum).`);
    for (const r of bad)
        ctx.log.warning(`${r.database}.${r.table} differs from ${against}: ${r.note ?? r.result}`);
    return rows;
}

;// CONCATENATED MODULE: ./src/phases/verify.ts
// Phase `verify`: per selected table, the rows in the export against the rows in the target.
//
// Rows in the export: AWS's metadata files carry none (export-metadata.ts), so they are summed from the Parquet
// footers (num_rows) of `<export>/<db>/<db>.<table>/…` — one ranged GET per file. export_tables_info and the task's
// WarningMessage say which tables the export skipped or did not list. Rows in the target: COUNT(*). Lightning's own
// per-table rows and checksum results, when the import recorded them, must agree too.
//
// Views: each view the filter selects on the source must be on the target (information_schema.TABLES, type VIEW).
// One the schema import could not create is named with the target's reason, as a warning; any other missing view
// is a mismatch.
//
// Tables the export skipped: one the skipped-tables phase copied must hold the source's rows at its dump (between
// the source's COUNT(*) just before and just after it); one it excluded is named, not expected. A skipped table the
// run knows nothing more of is listed as skipped by the export.
//
// A mismatch fails the phase unless `fail-on-verify-mismatch: false` (then it is a warning).










const verify_PHASE = 'verify';
/** Tables named in a failure message; the rest are in the summary's table. */
const NAMED_MISMATCHES = 10;
async function readMetadata(s3, exp, listing) {
    const files = [];
    for (const key of listing.metadataKeys)
        files.push({ name: key, text: await s3.readText(exp.bucket, key) });
    return parseExportMetadata(files);
}
/** Rows in the export per table folder, for the folders of the selected tables. */
async function exportRowsByFolder(ctx, s3, exp, listing, folders) {
    const wanted = [...folders].flatMap((f) => (listing.dataFiles.get(f) ?? []).map((o) => ({ f, o })));
    ctx.log.info(`Reading the Parquet footers of ${(0,format/* formatCount */.B4)(wanted.length)} data files of ${exp.uri}`);
    // hyparquet loads on first use, like the SDK (aws-deps.ts).
    const { parquetFooters, legacyCalendarWarning } = await __webpack_require__.e(/* import() */ 703).then(__webpack_require__.bind(__webpack_require__, 69703));
    const footers = await parquetFooters(s3, exp.bucket, wanted.map((w) => w.o), {
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(`Parquet footers ${done}/${total}`)
    });
    const out = new Map();
    const byFolder = new Map();
    wanted.forEach((w, i) => {
        const f = footers[i];
        if (f === undefined)
            return;
        out.set(w.f, (out.get(w.f) ?? 0) + f.rows);
        byFolder.set(w.f, [...(byFolder.get(w.f) ?? []), f]);
    });
    // Dates before 1582 written on Spark's legacy calendar arrive days off: said per table, the counts cannot show it.
    for (const [folder, list] of byFolder) {
        const warning = legacyCalendarWarning(folder.split('/').pop() ?? folder, list);
        if (warning !== undefined)
            ctx.log.warning(warning);
    }
    return out;
}
/** What verify reads from the target: the rows of the selected tables and the views of their databases. */
async function readTarget(ctx, tables, views) {
    // mysql2 is loaded when needed, like the AWS SDK (aws-deps.ts): it is a large part of the bundle's start-up.
    const { connectDb } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112));
    const { listViews } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 20114));
    const conn = await connectDb(ctx.inputs.target, 'target').catch((e) => Promise.reject(new errors/* PhaseError */.wo(verify_PHASE, e.message, { cause: e })));
    try {
        const counts = await (0,row_counts/* countRows */.B)(conn, tables, (done, total) => ctx.progress(`COUNT(*) on the target ${done}/${total}`));
        const present = await listViews(conn, [...new Set(views.map((v) => v.database))]);
        return { counts, views: present };
    }
    finally {
        await conn.end().catch(() => undefined);
    }
}
/** The views the filter selects on the source, as the precheck read them; none when it could not. */
function selectedViews(state) {
    const source = state.precheck?.source;
    return source?.ok === true ? source.value.catalog.views : [];
}
function evidence(state, tables, exported, metadataPresent, rows, target) {
    const byName = new Map(exported.map((e) => [(0,table_name/* tableKey */.i)(e), e]));
    const byFolder = new Map();
    for (const t of tables) {
        const f = tableFolder(t);
        byFolder.set(f, [...(byFolder.get(f) ?? []), (0,table_name/* tableKey */.i)(t)]);
    }
    const checksums = new Map((state.imported?.checksums ?? []).map((c) => [lightningTableKey(c.table), c]));
    const filled = new Map((state.skippedTables ?? []).map((f) => [(0,table_name/* tableKey */.i)(f), f]));
    return tables.map((t) => {
        const key = (0,table_name/* tableKey */.i)(t);
        const folder = tableFolder(t);
        return {
            database: t.database,
            table: t.table,
            exported: byName.get(key),
            metadataPresent,
            exportRows: rows.get(folder),
            sharedFolderWith: (byFolder.get(folder) ?? []).filter((k) => k !== key),
            target: target.get(key),
            lightningRows: state.imported?.perTable[key],
            checksum: checksums.get(key),
            filled: filled.get(key)
        };
    });
}
/**
 * Compares the contents with the restored copy of the snapshot (`verify: checksum`, the default with a copy): what
 * the export held against what the import wrote, before DM writes anything. The tables that differ, or none.
 */
async function verifyContents(ctx, state, tables) {
    if (!checksumWanted(ctx.inputs, state))
        return [];
    const copy = state.restored?.endpoint;
    if (copy === undefined)
        throw new errors/* PhaseError */.wo(verify_PHASE, "verify is 'checksum' but there is no restored copy of the snapshot to compare with (restore-snapshot).");
    ctx.log.info(`Comparing the contents of ${(0,format/* formatCount */.B4)(tables.length)} tables with the restored copy of the snapshot at ${copy.host}:${copy.port}.`);
    // A table the export skipped is not in the target by design; the export phase already named it.
    const skipped = new Set(state.export?.skipped.map((s) => s.table));
    const results = await compareContents(ctx, verify_PHASE, { ...ctx.inputs.source, host: copy.host, port: copy.port }, 'source', tables.filter((t) => !skipped.has((0,table_name/* tableKey */.i)(t))));
    return reportContents(ctx, results, 'the snapshot (its restored copy)');
}
/**
 * The `verify` phase.
 * @param state reads `tables`, `export` and `imported`
 * @param deps fakes for tests
 */
function verifyPhase(state, deps = {}) {
    return {
        id: verify_PHASE,
        title: 'Verify row counts',
        async run(ctx) {
            const exp = state.export;
            const tables = state.tables;
            if (!exp || !tables)
                throw new errors/* PhaseError */.wo(verify_PHASE, 'Nothing to verify: the export and the selected tables are unknown.');
            const { s3 } = await awsKit(ctx, deps);
            let listing;
            let meta;
            let rows;
            try {
                listing = classifyExportObjects(await s3.list(exp.bucket, `${exp.prefix}/`), exp.prefix);
                meta = await readMetadata(s3, exp, listing);
                rows = await exportRowsByFolder(ctx, s3, exp, listing, new Set(tables.map((t) => tableFolder(t))));
            }
            catch (e) {
                throw awsPhaseError(verify_PHASE, `Reading the export ${exp.uri}`, e);
            }
            const warnings = {
                skippedTables: exp.skipped.map((s) => ({ target: s.table, reason: s.reason })),
                skippedObjectives: [],
                general: [],
                text: undefined
            };
            const exported = exportedTables(meta, warnings, tables);
            const wantedViews = selectedViews(state);
            const target = await readTarget(ctx, tables, wantedViews);
            const verdicts = evidence(state, tables, exported, meta.tables.length > 0, rows, target.counts).map(judgeTable);
            const views = judgeViews(wantedViews, target.views, state.viewsNotCreated);
            upsertTableRows(ctx.report.tables, [...verdicts, ...views.rows]);
            const totals = verifyTotals(verdicts);
            const contents = await verifyContents(ctx, state, tables);
            const mismatched = [...totals.mismatched, ...views.unexplained, ...contents];
            const missingViews = views.rows.filter((r) => r.status === VIEW_STATUS.missing);
            for (const v of missingViews.filter((r) => !views.unexplained.includes(r)))
                ctx.log.warning(`View ${v.database}.${v.table} is not on the target: ${v.note ?? ''}`);
            ctx.record.numbers.push({ label: 'tables verified', value: totals.verified }, { label: 'mismatches', value: mismatched.length }, { label: 'skipped by export', value: totals.skipped });
            if (contents.length > 0)
                ctx.record.numbers.push({ label: 'tables with other contents', value: contents.length });
            const excluded = verdicts.filter((r) => r.status === VERIFY_STATUS.excluded);
            if (excluded.length > 0) {
                ctx.record.numbers.push({ label: 'excluded', value: excluded.length });
                ctx.log.warning(`${excluded.length} selected table(s) are not verified and not on the target: the export skipped them ` +
                    `and skipped-tables is exclude: ${excluded.map((r) => `${r.database}.${r.table}`).join(', ')}.`);
            }
            if (wantedViews.length > 0)
                ctx.record.numbers.push({
                    label: 'views present',
                    value: wantedViews.length - missingViews.length
                });
            const passed = mismatched.length === 0;
            ctx.setOutput('verify-result', passed ? 'passed' : 'mismatch');
            ctx.record.note = `${totals.verified} of ${verdicts.length} tables match the export`;
            if (passed) {
                ctx.log.info(`All ${(0,format/* formatCount */.B4)(totals.verified)} exported tables have as many rows in the target as in the export${totals.skipped > 0 ? ` (${totals.skipped} skipped by the export)` : ''}.`);
                return;
            }
            const named = mismatched
                .slice(0, NAMED_MISMATCHES)
                .map((r) => `${r.database}.${r.table} (${r.note ?? r.status})`);
            const more = mismatched.length - named.length;
            const what = views.unexplained.length === 0
                ? `${mismatched.length} of ${verdicts.length} tables do not match the export`
                : `${totals.mismatched.length} of ${verdicts.length} tables do not match the export and ${views.unexplained.length} of ${views.rows.length} selected views are missing on the target`;
            const message = `${what}: ${named.join('; ')}${more > 0 ? `; and ${more} more (see the summary)` : ''}.`;
            if (!ctx.inputs.failOnVerifyMismatch) {
                ctx.log.warning(`${message} Not failing: fail-on-verify-mismatch is false.`);
                return;
            }
            throw new errors/* PhaseError */.wo(verify_PHASE, `${message} Set fail-on-verify-mismatch: false to only warn.`, {
                toolLine: named[0]
            });
        }
    };
}

;// CONCATENATED MODULE: ./src/phases/verify-operation.ts



const verify_operation_PHASE = 'verify-contents';
async function selectedTables(ctx) {
    const [{ connectDb }, { readCatalog }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 92112)),
        __webpack_require__.e(/* import() */ 993).then(__webpack_require__.bind(__webpack_require__, 33993))
    ]);
    const conn = await connectDb(ctx.inputs.source, 'source').catch((e) => Promise.reject(new errors/* PhaseError */.wo(verify_operation_PHASE, (0,errors/* errorMessage */.gJ)(e), { cause: e })));
    try {
        const catalog = await readCatalog(conn, ctx.inputs.filter);
        return catalog.tables.map((t) => ({ database: t.database, table: t.table }));
    }
    finally {
        await conn.end().catch(() => undefined);
    }
}
/** The `verify-contents` phase of `operation: verify`. */
function verifyOperationPhase() {
    return {
        id: verify_operation_PHASE,
        title: 'Verify contents (source against target)',
        async run(ctx) {
            const tables = await selectedTables(ctx);
            if (tables.length === 0)
                throw new errors/* PhaseError */.wo(verify_operation_PHASE, "Input 'filter' selects no table on the source: nothing to compare.");
            ctx.log.info(`Comparing the contents of ${(0,format/* formatCount */.B4)(tables.length)} tables of the source with the target.`);
            const results = await compareContents(ctx, verify_operation_PHASE, ctx.inputs.source, 'source', tables);
            for (const r of results.filter((x) => x.result === 'match'))
                ctx.report.tables.push({
                    database: r.database,
                    table: r.table,
                    status: 'contents match',
                    note: `${(0,format/* formatCount */.B4)(r.rows)} rows in ${(0,format/* formatCount */.B4)(r.chunks)} chunks`
                });
            const bad = reportContents(ctx, results, 'the source');
            ctx.setOutput('verify-result', bad.length === 0 ? 'passed' : 'mismatch');
            ctx.record.note = `${results.length - bad.length} of ${results.length} tables match`;
            if (bad.length === 0)
                return;
            const named = bad.slice(0, 10).map((r) => `${r.database}.${r.table} (${r.note ?? r.status})`);
            const message = `${bad.length} of ${results.length} tables differ from the source: ${named.join('; ')}${bad.length > named.length ? `; and ${bad.length - named.length} more (see the summary)` : ''}.`;
            if (!ctx.inputs.failOnVerifyMismatch) {
                ctx.log.warning(`${message} Not failing: fail-on-verify-mismatch is false.`);
                return;
            }
            throw new errors/* PhaseError */.wo(verify_operation_PHASE, message, { toolLine: named[0] });
        }
    };
}

;// CONCATENATED MODULE: ./src/phases/index.ts
// The phase graph of each operation. The whole graph is here, in one place; each phase's work is in
// its own file.
//
//   precheck ──┬── tiup ── schema-export ── schema-import ─────┐
//              └── binlog-capture ── snapshot ──┬── export ──────┴── skipped-tables ── data-import ── verify ── replicate
//                                               └── restore (a restored copy, when wanted) ──────────────┴─────────┘
//
// The schema track runs while the snapshot export runs (exports take tens of minutes to hours); the binlog position
// is read immediately before the snapshot is taken, not after the tools are installed. skipped-tables deals with the
// selected tables the export skipped (copy, fail or exclude) before the data import, so a `fail` imports nothing.

















const after = (body, ...dependsOn) => ({ ...body, dependsOn });
/** The migrate graph over one shared state. */
function migratePhases(inputs, state) {
    // The restored copy: replication starts at its position, and verification compares with it.
    const restore = (0,types/* restoreWanted */.Mi)(inputs) ? ['restore'] : [];
    const phases = [
        after(precheckPhase(state)),
        after(tiupPhase(state), 'precheck'),
        after(schemaExportPhase(state), 'tiup'),
        after(schemaImportPhase(state), 'schema-export'),
        after(binlogCapturePhase(state), 'precheck'),
        after(snapshotPhase(state), 'binlog-capture'),
        after(exportPhase(state), 'snapshot'),
        after(skippedTablesPhase(state), 'export', 'schema-import'),
        after(dataImportPhase(state), 'export', 'schema-import', 'skipped-tables'),
        after(verifyPhase(state), 'data-import', ...restore)
    ];
    if ((0,types/* restoreWanted */.Mi)(inputs))
        phases.push(after(restorePhase(state), 'snapshot'));
    if ((0,types/* dmEnabled */.zc)(inputs))
        phases.push(after(replicatePhase(state), 'verify', ...restore));
    return phases;
}
/**
 * The phases that carry out `inputs.operation`.
 * @param inputs validated inputs
 * @param state the state the phases share (a resumed run passes the restored one)
 */
function phasesForOperation(inputs, state = (0,migration_state/* newMigrationState */.s)(inputs.runKey)) {
    switch (inputs.operation) {
        case 'migrate':
            return migratePhases(inputs, state);
        case 'plan':
            return [after(precheckPhase(state)), after(planPhase(state), 'precheck')];
        case 'verify':
            return [after(verifyOperationPhase())];
        case 'status':
        case 'pause':
        case 'resume':
        case 'stop':
            return (0,types/* dmEnabled */.zc)(inputs)
                ? [
                    after(tiupPhase(state, ['dmctl'])),
                    after(dmOperationPhase(state, inputs.operation), 'tiup')
                ]
                : [after(dmOperationPhase(state, inputs.operation))];
    }
}


/***/ }),

/***/ 34836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ matchesTable)
/* harmony export */ });
/* unused harmony export matchesSchema */
/* harmony import */ var _go_regexp_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97756);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85050);
// Matching table names with a parsed table filter (parse.ts), the way Dumpling selects tables.


function matchName(m, name, caseSensitive) {
    switch (m.kind) {
        case 'all':
            return true;
        case 'literal':
            return caseSensitive ? m.name === name : (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .goToLower */ .ri)(m.name) === name;
        case 'pattern':
            return (0,_go_regexp_js__WEBPACK_IMPORTED_MODULE_0__/* .compileGoRegexp */ .h)(m.goRegexp, m.foldCase).test(name);
    }
}
const normalize = (filter, name) => filter.caseSensitive ? name : (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .goToLower */ .ri)(name);
/** Whether the filter selects the table (the last matching rule decides; no match means excluded). */
function matchesTable(filter, schema, table) {
    const s = normalize(filter, schema);
    const t = normalize(filter, table);
    for (let i = filter.rules.length - 1; i >= 0; i--) {
        const rule = filter.rules[i];
        if (matchName(rule.schema, s, filter.caseSensitive) &&
            matchName(rule.table, t, filter.caseSensitive)) {
            return rule.include;
        }
    }
    return false;
}
/**
 * Whether the filter may select tables of the schema (the tool's MatchSchema): an including rule on the schema
 * says yes, an excluding rule says no only when it excludes every table of it (`!db.*`).
 */
function matchesSchema(filter, schema) {
    const s = normalize(filter, schema);
    for (let i = filter.rules.length - 1; i >= 0; i--) {
        const rule = filter.rules[i];
        if (matchName(rule.schema, s, filter.caseSensitive) &&
            (rule.include || rule.table.kind === 'all')) {
            return rule.include;
        }
    }
    return false;
}


/***/ }),

/***/ 29720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RI: () => (/* binding */ toInt),
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   _j: () => (/* binding */ asArray),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   qY: () => (/* binding */ asRecord)
/* harmony export */ });
/* unused harmony export strings */
// Narrowing helpers for values read from dmctl output. dmctl prints jsonpb, so int64 fields arrive as JSON strings
// ("totalEvents": "12") while int32 fields are numbers ("ErrCode": 36008); every reader here accepts both.
/** The value as an object, or undefined when it is not a plain JSON object (arrays are not records). */
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/** The value as an array, or an empty array when it is anything else (dmctl prints empty lists as `[\n ]`). */
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
/** A string field; numbers and booleans are stringified, anything else gives the fallback. */
function str(record, key, fallback = '') {
    const v = record?.[key];
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return fallback;
}
/** A boolean field, or undefined when absent or not a boolean. */
function bool(record, key) {
    const v = record?.[key];
    return typeof v === 'boolean' ? v : undefined;
}
/**
 * An integer field printed either as a JSON number (int32) or as a decimal string (jsonpb int64). Undefined when
 * absent, not an integer, or beyond 2^53 (then a number would silently lie).
 */
function int(record, key) {
    return toInt(record?.[key]);
}
/** See {@link int}: converts one value. */
function toInt(v) {
    if (typeof v === 'number')
        return Number.isSafeInteger(v) ? v : undefined;
    if (typeof v !== 'string' || !/^-?\d{1,16}$/.test(v.trim()))
        return undefined;
    const n = Number(v.trim());
    return Number.isSafeInteger(n) ? n : undefined;
}
/** The strings of an array field; non-string elements are skipped. */
function strings(record, key) {
    return asArray(record?.[key]).filter((x) => typeof x === 'string');
}


/***/ }),

/***/ 43731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70017);
// Bounded concurrency: thousands of small remote reads (Parquet footers) go faster side by side, but not all at
// once — sockets, memory and the remote's rate limits are finite.

/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the order of `items`. The first failure
 * stops new calls from starting and is thrown once the calls in flight have settled.
 * @param items what to map
 * @param limit most calls in flight (≥ 1)
 * @param fn the async mapping
 * @param signal stops starting new calls when aborted (then throws the abort reason)
 */
async function mapLimit(items, limit, fn, signal) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            if (signal?.aborted) {
                failure = { error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .abortError */ .vt)(signal, 'the reads') };
                return;
            }
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (e) {
                failure ??= { error: e };
            }
        }
    };
    const workers = Math.max(1, Math.min(Math.floor(limit), items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    if (failure !== undefined)
        throw failure.error;
    return results;
}


/***/ })

};

//# sourceMappingURL=56.index.js.map