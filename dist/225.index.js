export const id = 225;
export const ids = [225];
export const modules = {

/***/ 95225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compareTable: () => (/* binding */ compareTable),
  readShape: () => (/* binding */ readShape)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
// EXTERNAL MODULE: ./src/mysql/row-counts.ts
var row_counts = __webpack_require__(1879);
;// CONCATENATED MODULE: ./src/mysql/checksum-sql.ts
// Content checksums the way PingCAP's sync-diff-inspector computes them, so that MySQL (the Aurora copy) and TiDB
// answer the same number for the same rows: pingcap/tiflow sync_diff_inspector/utils/utils.go, GetCountAndChecksum
// (GetCountAndMD5Checksum in pingcap/tidb-tools): per chunk
//
//   SELECT COUNT(*), BIT_XOR(CAST(CONV(SUBSTRING(MD5(CONCAT_WS(',', c1, c2, …, CONCAT(ISNULL(c1), ISNULL(c2), …))),
//          1, 16), 16, 10) AS UNSIGNED) ^ CAST(CONV(SUBSTRING(MD5(…same…), 17, 16), 16, 10) AS UNSIGNED))
//   FROM t WHERE <range>
//
// — an order-independent sum (XOR) of each row's 128-bit MD5 folded to 64 bits; CONCAT_WS skips NULLs, so the
// ISNULL markers tell NULL from an empty string. FLOAT and DOUBLE are rounded to 6 and 15 significant digits first
// (`round(c, 5-floor(log10(abs(c))))`, `round(c, 14-floor(log10(abs(c))))`), as the same function does, because the
// two servers print them differently. Chunks are ranges of the primary key, as sync-diff-inspector's
// splitter/bucket chunks are, with its default of 50,000 rows a chunk (CalculateChunkSize); a table without a
// primary key is one chunk. Pure: these build the SQL and compare answers; checksum.ts runs them.

/** sync-diff-inspector's chunk size (utils.go CalculateChunkSize). */
const CHUNK_ROWS = 50_000;
const table = (t) => `${(0,row_counts/* quoteIdent */.v)(t.database)}.${(0,row_counts/* quoteIdent */.v)(t.table)}`;
/** The column as it enters the hash: floating-point numbers rounded as sync-diff-inspector rounds them. */
function columnExpr(c) {
    const q = (0,row_counts/* quoteIdent */.v)(c.name);
    const type = c.dataType.toLowerCase();
    if (type === 'float')
        return `round(${q}, 5-floor(log10(abs(${q}))))`;
    if (type === 'double')
        return `round(${q}, 14-floor(log10(abs(${q}))))`;
    return q;
}
/** One row's MD5 (32 hex digits) over its columns and their NULL markers. */
function rowHashExpr(cols) {
    const exprs = cols.map(columnExpr);
    return `MD5(CONCAT_WS(',', ${exprs.join(', ')}, CONCAT(${exprs.map((e) => `ISNULL(${e})`).join(', ')})))`;
}
/** COUNT(*) AS cnt and the XOR of the rows' folded hashes AS checksum, over the rows `where` selects. */
function checksumSql(t, cols, where) {
    const h = rowHashExpr(cols);
    const half = (from) => `CAST(CONV(SUBSTRING(${h}, ${from}, 16), 16, 10) AS UNSIGNED)`;
    return {
        sql: `SELECT COUNT(*) AS cnt, BIT_XOR(${half(1)} ^ ${half(17)}) AS checksum FROM ${table(t)} WHERE ${where.sql}`,
        params: where.params
    };
}
/**
 * Keys after `lower` (exclusive) up to `upper` (inclusive), in the key's order, written out column by column
 * (`a > ? OR (a = ? AND b > ?)`) so both servers can use the primary key for the range. No bound: `TRUE`.
 */
function rangeWhere(keys, lower, upper) {
    const parts = [];
    const params = [];
    const side = (values, strict, last) => {
        const ors = [];
        keys.forEach((_, i) => {
            const ands = keys.slice(0, i).map((k) => `${(0,row_counts/* quoteIdent */.v)(k)} = ?`);
            ands.push(`${(0,row_counts/* quoteIdent */.v)(keys[i] ?? '')} ${i === keys.length - 1 ? last : strict} ?`);
            params.push(...values.slice(0, i + 1));
            ors.push(ands.length > 1 ? `(${ands.join(' AND ')})` : (ands[0] ?? ''));
        });
        parts.push(`(${ors.join(' OR ')})`);
    };
    if (lower)
        side(lower, '>', '>');
    if (upper)
        side(upper, '<', '<=');
    return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', params };
}
/** The key of the `offset`-th row (0-based) after `lower`: where the next chunk ends. */
function boundarySql(t, keys, lower, offset) {
    const where = rangeWhere(keys, lower);
    const k = keys.map(row_counts/* quoteIdent */.v).join(', ');
    return {
        sql: `SELECT ${k} FROM ${table(t)} WHERE ${where.sql} ORDER BY ${k} LIMIT 1 OFFSET ${Math.max(0, Math.floor(offset))}`,
        params: where.params
    };
}
/** Each row's key and hash in a range, in key order, at most `limit` rows: to name the rows that differ. */
function rowHashesSql(t, keys, cols, where, limit) {
    const k = keys.map(row_counts/* quoteIdent */.v).join(', ');
    return {
        sql: `SELECT ${k}, ${rowHashExpr(cols)} AS row_hash FROM ${table(t)} WHERE ${where.sql} ORDER BY ${k} LIMIT ${Math.floor(limit)}`,
        params: where.params
    };
}
/** A row's key, as shown: `id=42` or `(a=1, b='x')`. */
function showKey(keys, values) {
    const shown = keys.map((k, i) => {
        const v = values[i];
        return `${k}=${typeof v === 'string' && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}'` : String(v)}`;
    });
    return shown.length === 1 ? (shown[0] ?? '') : `(${shown.join(', ')})`;
}
/**
 * Compares the rows of one range, each `{ key: shown key, hash }`, as read on both sides.
 * @param source rows of the source side
 * @param target rows of the target
 */
function diffRows(source, target) {
    const there = new Map(target.map((r) => [r.key, r.hash]));
    const here = new Set(source.map((r) => r.key));
    const diff = { missing: [], extra: [], changed: [] };
    for (const r of source) {
        const h = there.get(r.key);
        if (h === undefined)
            diff.missing.push(r.key);
        else if (h !== r.hash)
            diff.changed.push(r.key);
    }
    for (const r of target)
        if (!here.has(r.key))
            diff.extra.push(r.key);
    return diff;
}

;// CONCATENATED MODULE: ./src/mysql/checksum.ts


async function rows(conn, q) {
    const [r] = await conn.query({ sql: q.sql, rowsAsArray: false }, [...q.params]);
    return r;
}
async function arrays(conn, q) {
    const [r] = await conn.query({ sql: q.sql, rowsAsArray: true }, [...q.params]);
    return r;
}
/** The table's columns in order and its primary key columns, from information_schema of the source side. */
async function readShape(conn, t) {
    const cols = await arrays(conn, {
        sql: 'SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
        params: [t.database, t.table]
    });
    const key = await arrays(conn, {
        sql: "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX",
        params: [t.database, t.table]
    });
    return {
        columns: cols.map((r) => ({ name: String(r[0]), dataType: String(r[1]) })),
        key: key.map((r) => String(r[0]))
    };
}
function describeRange(key, lower, upper) {
    if (key.length === 0 || (lower === undefined && upper === undefined))
        return 'the table';
    if (lower === undefined)
        return `keys up to ${showKey(key, upper ?? [])}`;
    if (upper === undefined)
        return `keys after ${showKey(key, lower)}`;
    return `keys after ${showKey(key, lower)} up to ${showKey(key, upper)}`;
}
async function chunkSum(conn, q) {
    const r = (await rows(conn, q))[0] ?? {};
    const sum = r['checksum'];
    // BIT_XOR of an empty range is 0; bigNumberStrings gives the 64-bit value as text.
    return {
        cnt: Number(r['cnt'] ?? 0),
        sum: typeof sum === 'string' || typeof sum === 'number' ? String(sum) : '0'
    };
}
async function hashes(conn, t, key, cols, where, limit) {
    const got = await arrays(conn, rowHashesSql(t, key, cols, where, limit));
    return got.map((r) => ({
        key: showKey(key, r.slice(0, key.length)),
        hash: String(r[key.length])
    }));
}
/**
 * Compares one table's contents on both sides, chunk by chunk.
 * @param source the source side (restored copy or live source)
 * @param target the target
 * @param onChunk called after each chunk (progress)
 */
async function compareTable(source, target, t, opts = {}, onChunk) {
    const chunkRows = opts.chunkRows ?? CHUNK_ROWS;
    const maxNamed = opts.maxNamedRows ?? 10;
    const maxNarrowed = opts.maxNarrowedChunks ?? 3;
    let chunks = 0;
    let mismatched = 0;
    let total = 0;
    const differing = [];
    const notes = [];
    try {
        const { columns, key } = await readShape(source, t);
        if (columns.length === 0)
            throw new Error('no columns found on the source side');
        let lower;
        for (;;) {
            const end = key.length === 0 ? [] : await arrays(source, boundarySql(t, key, lower, chunkRows - 1));
            const upper = key.length === 0 ? undefined : end[0];
            const where = key.length === 0 ? rangeWhere([]) : rangeWhere(key, lower, upper);
            const q = checksumSql(t, columns, where);
            const [a, b] = await Promise.all([chunkSum(source, q), chunkSum(target, q)]);
            chunks++;
            total += a.cnt;
            onChunk?.(chunks);
            if (a.cnt !== b.cnt || a.sum !== b.sum) {
                mismatched++;
                if (b.cnt === 0) {
                    notes.push(`the target has none of the ${a.cnt} rows of ${describeRange(key, lower, upper)}`);
                }
                else if (key.length === 0) {
                    notes.push(`${a.cnt} rows on the source side, ${b.cnt} on the target, checksums differ (no primary key to name the rows)`);
                }
                else if (mismatched <= maxNarrowed) {
                    const limit = chunkRows + Math.max(0, b.cnt - a.cnt);
                    const [ra, rb] = await Promise.all([
                        hashes(source, t, key, columns, where, limit),
                        hashes(target, t, key, columns, where, limit)
                    ]);
                    const d = diffRows(ra, rb);
                    differing.push(...d.changed.map((k) => `${k} changed`), ...d.missing.map((k) => `${k} missing on the target`), ...d.extra.map((k) => `${k} only on the target`));
                }
            }
            if (upper === undefined)
                break;
            lower = upper;
        }
    }
    catch (e) {
        return {
            ...t,
            result: 'error',
            chunks,
            mismatchedChunks: mismatched,
            rows: total,
            differingRows: [],
            note: (0,errors/* errorMessage */.gJ)(e)
        };
    }
    if (mismatched === 0)
        return { ...t, result: 'match', chunks, mismatchedChunks: 0, rows: total, differingRows: [] };
    const named = differing.slice(0, maxNamed);
    const more = differing.length - named.length;
    const parts = [
        ...notes,
        ...(named.length > 0 ? [`${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`] : [])
    ];
    return {
        ...t,
        result: 'mismatch',
        chunks,
        mismatchedChunks: mismatched,
        rows: total,
        differingRows: named,
        note: `${mismatched} of ${chunks} chunks differ: ${parts.join('; ') || 'rows not narrowed'}`
    };
}


/***/ })

};

//# sourceMappingURL=225.index.js.map