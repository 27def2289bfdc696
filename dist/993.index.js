export const id = 993;
export const ids = [993];
export const modules = {

/***/ 33993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SYSTEM_SCHEMAS: () => (/* binding */ SYSTEM_SCHEMAS),
/* harmony export */   buildCatalog: () => (/* binding */ buildCatalog),
/* harmony export */   queryRows: () => (/* binding */ queryRows),
/* harmony export */   readCatalog: () => (/* binding */ readCatalog)
/* harmony export */ });
/* harmony import */ var _table_filter_match_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34836);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(78281);


/** Schemas never migrated: the server's own (Dumpling's default filter leaves them out too). */
const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'];
const str = _source_js__WEBPACK_IMPORTED_MODULE_1__/* .cellText */ .Ie;
const num = (v) => {
    const n = Number(v);
    return Number.isFinite(n) ? n : 0;
};
const key = (db, table) => `${db}\u0000${table}`;
const lowerOrNull = (v) => v === null || v === undefined ? null : str(v).toLowerCase();
/** One entry per index, in the order STATISTICS lists them. */
function indexList(rows) {
    const seen = new Map();
    for (const r of rows) {
        const name = str(r['idx']);
        if (!seen.has(name))
            seen.set(name, { name, type: str(r['idx_type'] ?? 'BTREE').toUpperCase() });
    }
    return [...seen.values()];
}
function groupBy(items, keyOf) {
    const out = new Map();
    for (const item of items) {
        const k = keyOf(item);
        const list = out.get(k);
        if (list)
            list.push(item);
        else
            out.set(k, [item]);
    }
    return out;
}
/** Whether any index of the table is a primary key or a unique key whose columns are all NOT NULL. */
function keys(indexes, columns) {
    const nullable = new Set(columns.filter((c) => c.nullable).map((c) => c.name.toLowerCase()));
    const byIndex = groupBy(indexes.filter((i) => num(i['non_unique']) === 0), (i) => str(i['idx']));
    const primary = byIndex.has('PRIMARY');
    const unique = [...byIndex.values()].some((cols) => cols.every((c) => !nullable.has(str(c['col']).toLowerCase())));
    return { primary, unique: primary || unique };
}
/** The TABLES rows the filter selects, system schemas left out. */
function selectedRows(tables, filter) {
    const system = new Set(SYSTEM_SCHEMAS);
    return tables.filter((t) => !system.has(str(t['db']).toLowerCase()) && (0,_table_filter_match_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesTable */ .I)(filter, str(t['db']), str(t['tbl'])));
}
/** Assembles the catalog from the query rows, keeping the tables and views the filter matches. Pure. */
function buildCatalog(rowsIn, filter) {
    const chosen = selectedRows(rowsIn.tables, filter);
    const columnsOf = groupBy(rowsIn.columns, (c) => key(str(c['db']), str(c['tbl'])));
    const indexesOf = groupBy(rowsIn.indexes, (i) => key(str(i['db']), str(i['tbl'])));
    const fks = new Map(rowsIn.foreignKeys.map((f) => [key(str(f['db']), str(f['tbl'])), num(f['n'])]));
    const tables = [];
    const views = [];
    for (const t of chosen) {
        const db = str(t['db']);
        const table = str(t['tbl']);
        if (/VIEW/i.test(str(t['type']))) {
            views.push({ database: db, table });
            continue;
        }
        const columns = (columnsOf.get(key(db, table)) ?? []).map((c) => ({
            name: str(c['col']),
            dataType: str(c['data_type']).toLowerCase(),
            columnType: str(c['column_type']),
            nullable: str(c['nullable']).toUpperCase() === 'YES',
            defaultValue: c['dflt'] === null || c['dflt'] === undefined ? null : str(c['dflt']),
            numericPrecision: c['num_precision'] === null || c['num_precision'] === undefined
                ? null
                : num(c['num_precision']),
            charset: lowerOrNull(c['charset']),
            collation: lowerOrNull(c['coll'])
        }));
        const indexRows = indexesOf.get(key(db, table)) ?? [];
        const k = keys(indexRows, columns);
        const dataBytes = num(t['data_bytes']);
        tables.push({
            database: db,
            table,
            engine: t['engine'] === null || t['engine'] === undefined ? null : str(t['engine']),
            estimatedRows: num(t['row_count']),
            bytes: dataBytes + num(t['index_bytes']),
            dataBytes,
            collation: t['collation'] === null || t['collation'] === undefined ? null : str(t['collation']),
            columns,
            hasPrimaryKey: k.primary,
            hasUniqueKey: k.unique,
            foreignKeys: fks.get(key(db, table)) ?? 0,
            indexes: indexList(indexRows)
        });
    }
    const system = new Set(SYSTEM_SCHEMAS);
    const all = rowsIn.tables.filter((t) => !system.has(str(t['db']).toLowerCase()));
    return {
        tables,
        views,
        databases: [...new Set((rowsIn.schemata ?? all).map((t) => str(t['db'])))].filter((d) => !system.has(d.toLowerCase())),
        totalBytes: all.reduce((n, t) => n + num(t['data_bytes']) + num(t['index_bytes']), 0)
    };
}
/** Runs a parameterised query and returns its rows as plain records (none for a statement without rows). */
async function queryRows(conn, sql, values) {
    const [result] = await conn.query(sql, values);
    return Array.isArray(result) ? result : [];
}
/** Reads the catalog of the tables `filter` selects. */
async function readCatalog(conn, filter) {
    const tables = await queryRows(conn, `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, TABLE_TYPE AS type, ENGINE AS engine,
            TABLE_ROWS AS row_count, DATA_LENGTH AS data_bytes, INDEX_LENGTH AS index_bytes,
            TABLE_COLLATION AS collation
       FROM information_schema.TABLES
      WHERE TABLE_SCHEMA NOT IN (${SYSTEM_SCHEMAS.map(() => '?').join(', ')})
      ORDER BY TABLE_SCHEMA, TABLE_NAME`, [...SYSTEM_SCHEMAS]);
    const schemata = await queryRows(conn, 'SELECT SCHEMA_NAME AS db FROM information_schema.SCHEMATA', []);
    const dbs = [...new Set(selectedRows(tables, filter).map((t) => str(t['db'])))];
    if (dbs.length === 0)
        return buildCatalog({ tables, columns: [], indexes: [], foreignKeys: [], schemata }, filter);
    const inList = dbs.map(() => '?').join(', ');
    const [columns, indexes, foreignKeys] = await Promise.all([
        queryRows(conn, `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, COLUMN_NAME AS col, DATA_TYPE AS data_type,
              COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt,
              NUMERIC_PRECISION AS num_precision, CHARACTER_SET_NAME AS charset,
              COLLATION_NAME AS coll
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (${inList})
        ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`, dbs),
        queryRows(conn, `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, INDEX_NAME AS idx, NON_UNIQUE AS non_unique,
              COLUMN_NAME AS col, INDEX_TYPE AS idx_type
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN (${inList})`, dbs),
        queryRows(conn, `SELECT CONSTRAINT_SCHEMA AS db, TABLE_NAME AS tbl, COUNT(*) AS n
         FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (${inList})
        GROUP BY CONSTRAINT_SCHEMA, TABLE_NAME`, dbs)
    ]);
    return buildCatalog({ tables, columns, indexes, foreignKeys, schemata }, filter);
}


/***/ })

};

//# sourceMappingURL=993.index.js.map