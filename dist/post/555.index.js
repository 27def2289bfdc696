export const id = 555;
export const ids = [555];
export const modules = {

/***/ 8936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RENEW_EVERY_MS: () => (/* binding */ RENEW_EVERY_MS),
/* harmony export */   RUN_LOCK_KIND: () => (/* binding */ RUN_LOCK_KIND),
/* harmony export */   STALE_AFTER_MS: () => (/* binding */ STALE_AFTER_MS),
/* harmony export */   describeHolder: () => (/* binding */ describeHolder),
/* harmony export */   heldMessage: () => (/* binding */ heldMessage),
/* harmony export */   lockHolder: () => (/* binding */ lockHolder),
/* harmony export */   newLock: () => (/* binding */ newLock),
/* harmony export */   parseLock: () => (/* binding */ parseLock),
/* harmony export */   renewLock: () => (/* binding */ renewLock),
/* harmony export */   takeOverReason: () => (/* binding */ takeOverReason)
/* harmony export */ });
// The run lock: one object beside the run-state file (`<s3-uri>/.state/<run key>.lock`) that says which run holds a
// run key right now. Two runs of one key at once would both import (with `lightning-backend: tidb` a table without a
// key ends with every row twice), so a migrate takes the lock before any side effect and a second run refuses,
// naming the holder.
//
// The rule (the README's "One run per key" says the same):
//   - the lock is created with S3's conditional write (`If-None-Match: *`): of two runs, exactly one gets it;
//   - the holder renews it every RENEW_EVERY_MS (a conditional write on its own ETag), and deletes it when it ends
//     (the main step, and the post step if the main step was killed);
//   - another run takes it over only when it is stale: not renewed for STALE_AFTER_MS (ten missed renewals), or held
//     by an earlier attempt of the same workflow run and job (GitHub starts a re-run attempt only after the run has
//     completed, so that attempt has ended). A take-over is itself a conditional write on the ETag read, so of two
//     runs taking over one stale lock only one succeeds.
//
// Pure: the record, its parsing and the take-over rule. The S3 edge and the heartbeat are in lock-store.ts.
/** Marks the object as ours. */
const RUN_LOCK_KIND = 'aurora-to-tidb/run-lock';
/** How often the holder renews its lock. */
const RENEW_EVERY_MS = 60_000;
/** A lock not renewed for this long belongs to a run that is gone. */
const STALE_AFTER_MS = 10 * 60_000;
/**
 * The holder of this process, from the runner's variables.
 * @param env the environment (GITHUB_RUN_ID, GITHUB_JOB, GITHUB_RUN_ATTEMPT, GITHUB_REPOSITORY, GITHUB_SERVER_URL,
 *   RUNNER_NAME)
 */
function lockHolder(env, host, pid) {
    const v = (name) => {
        const value = env[name];
        return value === undefined || value === '' ? undefined : value;
    };
    const attempt = Number(env['GITHUB_RUN_ATTEMPT']);
    const runId = v('GITHUB_RUN_ID');
    const job = v('GITHUB_JOB');
    const runner = v('RUNNER_NAME');
    const repository = v('GITHUB_REPOSITORY');
    const server = v('GITHUB_SERVER_URL') ?? 'https://github.com';
    return {
        ...(runId === undefined ? {} : { runId }),
        ...(job === undefined ? {} : { job }),
        attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
        ...(repository === undefined ? {} : { repository }),
        ...(runId !== undefined && repository !== undefined
            ? { runUrl: `${server}/${repository}/actions/runs/${runId}` }
            : {}),
        ...(runner === undefined ? {} : { runner }),
        host,
        pid
    };
}
/** A new lock record. Pure. */
function newLock(runKey, token, holder, now) {
    const at = now.toISOString();
    return { kind: RUN_LOCK_KIND, runKey, token, holder, acquiredAt: at, renewedAt: at };
}
/** The record renewed at `now`. Pure. */
function renewLock(lock, now) {
    return { ...lock, renewedAt: now.toISOString() };
}
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Reads a lock object back. Pure.
 * @returns undefined when the text is not a lock of this action (not JSON, another kind, missing fields)
 */
function parseLock(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!isObj(v) || v['kind'] !== RUN_LOCK_KIND)
        return undefined;
    const h = v['holder'];
    const times = [v['acquiredAt'], v['renewedAt']];
    if (typeof v['runKey'] !== 'string' ||
        typeof v['token'] !== 'string' ||
        !isObj(h) ||
        typeof h['host'] !== 'string' ||
        typeof h['pid'] !== 'number' ||
        typeof h['attempt'] !== 'number' ||
        !times.every((t) => typeof t === 'string' && !Number.isNaN(Date.parse(t))))
        return undefined;
    return v;
}
/**
 * Why `me` may take over `lock`, or undefined when it must not (the holder is alive, as far as we can tell). Pure.
 * @param lock the lock as read
 * @param me this run
 * @param now this run's clock
 */
function takeOverReason(lock, me, now) {
    const idle = now - Date.parse(lock.renewedAt);
    if (idle > STALE_AFTER_MS)
        return `it was last renewed at ${lock.renewedAt}, more than ${STALE_AFTER_MS / 60_000} minutes ago`;
    const h = lock.holder;
    if (me.runId !== undefined &&
        h.runId === me.runId &&
        h.job === me.job &&
        h.repository === me.repository &&
        h.attempt < me.attempt)
        return `it was held by attempt ${h.attempt} of this workflow run, which has ended (GitHub starts a re-run attempt only after the run completes)`;
    return undefined;
}
/** The holder in words: `run 123 (job migrate, attempt 2, https://…) on runner r1 (host h, pid 42)`. Pure. */
function describeHolder(h) {
    const parts = [
        ...(h.job === undefined ? [] : [`job ${h.job}`]),
        `attempt ${h.attempt}`,
        ...(h.runUrl === undefined ? [] : [h.runUrl])
    ];
    const run = h.runId === undefined ? 'a run outside GitHub Actions' : `run ${h.runId}`;
    const where = `${h.runner === undefined ? '' : `runner ${h.runner}, `}host ${h.host}, pid ${h.pid}`;
    return `${run} (${parts.join(', ')}) on ${where}`;
}
/**
 * The refusal of a second run. Pure.
 * @param uri the lock object's `s3://` URI
 */
function heldMessage(runKey, lock, uri) {
    return (`Run-key '${runKey}' is in use by ${describeHolder(lock.holder)}, which holds its lock ${uri} since ` +
        `${lock.acquiredAt} (last renewed ${lock.renewedAt}). Two runs of one run key would import the data twice, so ` +
        `this run stops before doing anything. Wait for that run to end (or cancel it) and re-run this one; a lock ` +
        `not renewed for ${STALE_AFTER_MS / 60_000} minutes is taken over by the next run.`);
}


/***/ })

};

//# sourceMappingURL=555.index.js.map