export const id = 611;
export const ids = [611];
export const modules = {

/***/ 7611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   removeRestoredCopies: () => (/* binding */ removeRestoredCopies)
/* harmony export */ });
/* unused harmony export REMOVAL_DEADLINE_MS */
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2645);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2269);



/** How long removal keeps trying while RDS refuses (a cluster still being created): 15 minutes. */
const REMOVAL_DEADLINE_MS = 15 * 60_000;
async function defaultRds(region) {
    const [{ createAwsClients }, { createRestoreRds }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(195), __webpack_require__.e(202), __webpack_require__.e(711), __webpack_require__.e(39)]).then(__webpack_require__.bind(__webpack_require__, 3039)),
        Promise.all(/* import() */[__webpack_require__.e(195), __webpack_require__.e(202), __webpack_require__.e(919)]).then(__webpack_require__.bind(__webpack_require__, 3919))
    ]);
    return createRestoreRds(createAwsClients({ region, s3Endpoint: undefined }).rds);
}
/**
 * Removes every recorded copy not marked `keep`, and records what is left (kept ones, failed removals) for the post
 * step. Never throws: a copy that could not be removed is a warning naming it, so the user can delete it.
 * @returns the copies still there (kept or not removed)
 */
async function removeRestoredCopies(records, deps) {
    const left = [];
    const { removeRestoredCopy } = await __webpack_require__.e(/* import() */ 554).then(__webpack_require__.bind(__webpack_require__, 6554));
    for (const r of records) {
        if (r.keep) {
            deps.warn(`keep-restored-copy is true: the restored copy ${r.cluster} (instance ${r.instance}) is kept and bills by the hour until you delete it (DeleteDBInstance, then DeleteDBCluster).`);
            left.push(r);
            continue;
        }
        try {
            const rds = await (deps.rdsFor ?? defaultRds)(r.region);
            await removeRestoredCopy(rds, r, {
                clock: deps.clock ?? _util_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m,
                deadlineMs: REMOVAL_DEADLINE_MS,
                log: deps.log
            });
        }
        catch (e) {
            deps.warn(`The restored copy ${r.cluster} (instance ${r.instance}) could not be removed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}. Delete it yourself: it bills by the hour.`);
            left.push(r);
        }
    }
    (0,_util_state_js__WEBPACK_IMPORTED_MODULE_2__/* .saveState */ .L)('restored-copies', left);
    return left;
}


/***/ })

};

//# sourceMappingURL=611.index.js.map