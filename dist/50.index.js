export const id = 50;
export const ids = [50];
export const modules = {

/***/ 38050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareSourceConfig: () => (/* binding */ compareSourceConfig),
/* harmony export */   sourceBinding: () => (/* binding */ sourceBinding)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29720);
// Deciding whether a DM source that already exists is the one we would create (reuse it) or another one under the
// same id (refuse with a clear error). dmctl offers two views: `operate-source show` lists sources and their workers
// only; `get-config source <id>` (DM ≥ v2.0.1) prints `{"result": true, "msg": "", "cfg": "<source YAML>"}` with the
// password replaced by '******' (tiflow dm/master/server.go GetCfg), or `result: false, msg: "source not found"`.


/** Compares the answer of `get-config source <id>` with the source config we would create. Never throws. */
function compareSourceConfig(getConfig, wanted) {
    if (!getConfig.ok) {
        if (getConfig.result === false && /source not found|not exist/i.test(getConfig.msg)) {
            return { status: 'absent', differences: [], reason: getConfig.msg };
        }
        return { status: 'unknown', differences: [], reason: getConfig.error.message };
    }
    const cfg = getConfig.cfg === undefined ? undefined : readYaml(getConfig.cfg);
    if (cfg === undefined) {
        return {
            status: 'unknown',
            differences: [],
            reason: 'get-config printed no readable source config'
        };
    }
    const from = (0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(cfg['from']);
    const differences = [];
    const check = (key, existing, want, equal = existing === want) => {
        if (!equal)
            differences.push({ key, existing, wanted: want });
    };
    check('source-id', (0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(cfg, 'source-id'), wanted.sourceId);
    const host = (0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(from, 'host');
    check('from.host', host, wanted.from.host, host.toLowerCase() === wanted.from.host.trim().toLowerCase());
    const port = (0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toInt */ .RI)(from?.['port']);
    check('from.port', port === undefined ? '' : String(port), String(wanted.from.port));
    check('from.user', (0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(from, 'user'), wanted.from.user);
    check('enable-gtid', String((0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .bool */ .lc)(cfg, 'enable-gtid') ?? false), String(wanted.enableGtid));
    // DM fills `flavor` in by itself when the file leaves it out, so it only matters when we would set it.
    const flavor = (0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(cfg, 'flavor');
    if (wanted.flavor !== undefined && flavor !== '')
        check('flavor', flavor, wanted.flavor);
    return differences.length === 0
        ? { status: 'same', differences, reason: '' }
        : { status: 'different', differences, reason: describeDifferences(differences) };
}
/** `from.host is 'a' (wanted 'b'), enable-gtid is 'false' (wanted 'true')`. */
function describeDifferences(differences) {
    return differences.map((d) => `${d.key} is '${d.existing}' (wanted '${d.wanted}')`).join(', ');
}
/** Whether `operate-source show` lists the source, and its bound worker ('' when unbound). */
function sourceBinding(show, sourceId) {
    const entry = show.sources.find((s) => s.source === sourceId);
    return entry === undefined
        ? { exists: false, worker: '', msg: '' }
        : { exists: true, worker: entry.worker, msg: entry.msg };
}
/**
 * Reads the source YAML of `cfg`. Copies in the docs indent every line but the first and keep a stray `}`; that
 * damage is undone before giving up.
 */
function readYaml(text) {
    const attempt = (t) => {
        try {
            const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(t, { uniqueKeys: false });
            return doc.errors.length > 0 ? undefined : (0,_dmctl_values_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)(doc.toJS());
        }
        catch {
            return undefined;
        }
    };
    const direct = attempt(text);
    if (direct !== undefined)
        return direct;
    const lines = text.split('\n').filter((l) => l.trim() !== '}');
    const rest = lines.slice(1).filter((l) => l.trim() !== '');
    const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length));
    if (!Number.isFinite(indent) || indent === 0)
        return undefined;
    return attempt([
        lines[0] ?? '',
        ...lines.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
    ].join('\n'));
}


/***/ })

};

//# sourceMappingURL=50.index.js.map