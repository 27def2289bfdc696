export const id = 613;
export const ids = [613];
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


/***/ })

};

//# sourceMappingURL=613.index.js.map