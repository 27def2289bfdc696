export const id = 75;
export const ids = [75,496];
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

/***/ 1075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createS3: () => (/* binding */ createS3),
/* harmony export */   readJson: () => (/* binding */ readJson),
/* harmony export */   s3Link: () => (/* binding */ s3Link)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3711);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3496);
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
                const page = await call('ListObjectsV2', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .ListObjectsV2Command */ .u6x({
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
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key }));
            if ((out.ContentLength ?? 0) > maxBytes) {
                // Not read: the body is released by destroying the stream rather than downloading it.
                ;
                out.Body?.destroy?.();
                throw new Error(`s3://${bucket}/${key} is ${out.ContentLength} bytes, more than the ${maxBytes} expected`);
            }
            return new TextDecoder().decode(await bodyBytes(out));
        },
        async writeJson(bucket, key, value) {
            await call('PutObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .PutObjectCommand */ .wKZ({
                Bucket: bucket,
                Key: key,
                Body: `${JSON.stringify(value, null, 2)}\n`,
                ContentType: 'application/json'
            }));
        },
        async readTagged(bucket, key) {
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key }));
            return { text: new TextDecoder().decode(await bodyBytes(out)), etag: out.ETag ?? '' };
        },
        async writeJsonIf(bucket, key, value, cond) {
            const out = await call('PutObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .PutObjectCommand */ .wKZ({
                Bucket: bucket,
                Key: key,
                Body: `${JSON.stringify(value, null, 2)}\n`,
                ContentType: 'application/json',
                ...('ifNoneMatch' in cond ? { IfNoneMatch: cond.ifNoneMatch } : { IfMatch: cond.ifMatch })
            }));
            return out.ETag ?? '';
        },
        async remove(bucket, key, ifMatch) {
            await call('DeleteObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .DeleteObjectCommand */ .k4j({
                Bucket: bucket,
                Key: key,
                ...(ifMatch === undefined ? {} : { IfMatch: ifMatch })
            }));
        },
        async readRange(bucket, key, start, end) {
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }));
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


/***/ })

};

//# sourceMappingURL=75.index.js.map