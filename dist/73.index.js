export const id = 73;
export const ids = [73];
export const modules = {

/***/ 58073:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ readTidbStatus),
/* harmony export */   readTargetTables: () => (/* binding */ readTargetTables)
/* harmony export */ });
/* unused harmony export tidbReleaseOf */
/* harmony import */ var _inputs_parsers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45165);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70017);


/** The TiDB release in a version string: `8.0.11-TiDB-v8.5.2` → `v8.5.2`, `5.7.25-TiDB-v7.5.1-serverless` → `v7.5.1`. */
function tidbReleaseOf(version) {
    const m = /-TiDB-(v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(version);
    return m?.[1];
}
/** Reads `GET http://<host>:<port>/status`. Throws with the address and the reason when it cannot. */
async function readTidbStatus(host, port, signal, timeoutMs = 10_000) {
    const url = `http://${(0,_inputs_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .formatHostPort */ .zc)(host, port)}/status`;
    const deadline = AbortSignal.timeout(timeoutMs);
    let body;
    try {
        const res = await fetch(url, {
            signal: signal ? AbortSignal.any([signal, deadline]) : deadline
        });
        if (!res.ok)
            throw new Error(`HTTP ${res.status}`);
        body = await res.json();
    }
    catch (e) {
        const cause = e.cause;
        throw new Error(`GET ${url} failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause ?? e)}`, { cause: e });
    }
    const version = body?.version;
    if (typeof version !== 'string')
        throw new Error(`GET ${url} returned no "version"`);
    const gitHash = body.git_hash;
    return {
        version,
        release: tidbReleaseOf(version),
        gitHash: typeof gitHash === 'string' ? gitHash : undefined
    };
}
const quoteId = (name) => `\`${name.replace(/`/g, '``')}\``;
/**
 * Whether each table exists on the target and has rows (`SELECT 1 … LIMIT 1`, never a full count). Names compare
 * case-insensitively when the target does (TiDB's lower_case_table_names is 2).
 */
async function readTargetTables(conn, tables) {
    if (tables.length === 0)
        return [];
    const dbs = [...new Set(tables.map((t) => t.database))];
    const [lctn] = await conn.query('SELECT @@lower_case_table_names AS l');
    const fold = Number(lctn[0]?.['l'] ?? 0) !== 0;
    const norm = (s) => (fold ? s.toLowerCase() : s);
    const [existing] = await conn.query(`SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl FROM information_schema.TABLES
      WHERE TABLE_SCHEMA IN (${dbs.map(() => '?').join(', ')})`, dbs);
    const present = new Map();
    for (const r of existing) {
        const ref = { database: String(r['db']), table: String(r['tbl']) };
        present.set(`${norm(ref.database)}\u0000${norm(ref.table)}`, ref);
    }
    const [columnRows] = await conn.query(`SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, COLUMN_NAME AS name, DATA_TYPE AS dt, COLUMN_TYPE AS ct
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (${dbs.map(() => '?').join(', ')})
      ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`, dbs);
    const columns = new Map();
    for (const r of columnRows) {
        const k = `${norm(String(r['db']))}\u0000${norm(String(r['tbl']))}`;
        const list = columns.get(k) ?? [];
        list.push({
            name: String(r['name']),
            dataType: String(r['dt']).toLowerCase(),
            columnType: String(r['ct']).toLowerCase()
        });
        columns.set(k, list);
    }
    const out = [];
    for (const t of tables) {
        const k = `${norm(t.database)}\u0000${norm(t.table)}`;
        const found = present.get(k);
        if (!found) {
            out.push({ ...t, state: 'absent' });
            continue;
        }
        const [rowsFound] = await conn.query(`SELECT 1 FROM ${quoteId(found.database)}.${quoteId(found.table)} LIMIT 1`);
        out.push({
            ...t,
            state: rowsFound.length > 0 ? 'has-rows' : 'empty',
            columns: columns.get(k) ?? []
        });
    }
    return out;
}


/***/ })

};

//# sourceMappingURL=73.index.js.map