export const id = 268;
export const ids = [268,112,73,201,993];
export const modules = {

/***/ 40201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAwsClients: () => (/* binding */ createAwsClients),
/* harmony export */   createCheckClients: () => (/* binding */ createCheckClients),
/* harmony export */   effectiveS3Endpoint: () => (/* reexport safe */ _endpoint_js__WEBPACK_IMPORTED_MODULE_0__.v)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57202);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53711);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55572);




/** SDK retries for throttling and transient faults, on top of which phases poll with their own backoff. */
const MAX_ATTEMPTS = 6;
/**
 * Creates the RDS and S3 clients for a run.
 * @param aws the AWS inputs (region, s3-endpoint)
 */
function createAwsClients(aws, env = process.env) {
    const s3Endpoint = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .effectiveS3Endpoint */ .v)(aws, env);
    return {
        rds: new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__/* .RDSClient */ .rYe({ region: aws.region, maxAttempts: MAX_ATTEMPTS }),
        s3: new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__.S3Client({
            region: aws.region,
            maxAttempts: MAX_ATTEMPTS,
            ...(s3Endpoint
                ? {
                    endpoint: s3Endpoint,
                    // S3-compatible stores rarely serve virtual-hosted buckets, and many mishandle the SDK's default
                    // CRC32 trailers (aws-sdk-js-v3#6810), so use path style and checksums only where the API needs them.
                    forcePathStyle: true,
                    requestChecksumCalculation: 'WHEN_REQUIRED',
                    responseChecksumValidation: 'WHEN_REQUIRED'
                }
                : {})
        })
    };
}
/**
 * Creates the IAM and KMS clients of the precheck, loading their SDK packages now (only the precheck needs them).
 * @param aws the AWS inputs (region)
 */
async function createCheckClients(aws) {
    const [{ IAMClient }, { KMSClient }] = await Promise.all([
        __webpack_require__.e(/* import() */ 764).then(__webpack_require__.t.bind(__webpack_require__, 16764, 19)),
        __webpack_require__.e(/* import() */ 632).then(__webpack_require__.t.bind(__webpack_require__, 92632, 19))
    ]);
    return {
        iam: new IAMClient({ region: aws.region, maxAttempts: MAX_ATTEMPTS }),
        kms: new KMSClient({ region: aws.region, maxAttempts: MAX_ATTEMPTS })
    };
}


/***/ }),

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


/***/ }),

/***/ 92112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DbConnectError: () => (/* binding */ DbConnectError),
/* harmony export */   connectDb: () => (/* binding */ connectDb),
/* harmony export */   dbErrorMessage: () => (/* binding */ dbErrorMessage)
/* harmony export */ });
/* harmony import */ var mysql2_promise__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27588);
/* harmony import */ var _inputs_parsers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45165);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70017);
// Connections to the source (Aurora MySQL) and the target (TiDB), with a deadline and errors that name the inputs
// to fix. Passwords never appear in messages: mysql2's errors say only "using password: YES".



/** The error when a database cannot be reached or refuses the login. */
class DbConnectError extends Error {
    code;
    name = 'DbConnectError';
    constructor(message, 
    /** mysql2's error code, e.g. `ECONNREFUSED`, `ER_ACCESS_DENIED_ERROR`. */
    code) {
        super(message);
        this.code = code;
    }
}
/**
 * mysql2's reports of a query on a connection the server had already closed: the first when mysql2 saw the close,
 * the second (Node's socket error) when the query was written before it did.
 */
const CLOSED_REPORTS = [
    "Can't add new command when connection is in closed state",
    'This socket has been ended by the other party'
];
/**
 * The message of a database error, saying plainly when the server closed the connection: mysql2 reports a query sent
 * after the server dropped the connection (a failover, a KILL, a network cut) only as "Can't add new command when
 * connection is in closed state", which does not say what happened. Worded like mysql2's own report of a drop
 * during a query, so both cases read alike.
 * @param e the error
 */
function dbErrorMessage(e) {
    const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e);
    return CLOSED_REPORTS.some((r) => message.includes(r))
        ? `Connection lost: The server closed the connection (${message})`
        : message;
}
function what(role) {
    return role === 'source' ? 'the source (Aurora MySQL)' : 'the target (TiDB)';
}
/**
 * Opens a connection; numbers beyond 2^53 and DATETIMEs come back as exact strings.
 * @throws DbConnectError naming the endpoint, the inputs to check and the driver's own message
 */
async function connectDb(endpoint, role, opts = {}) {
    try {
        return await mysql2_promise__WEBPACK_IMPORTED_MODULE_0__.createConnection({
            host: endpoint.host,
            port: endpoint.port,
            user: endpoint.user,
            password: endpoint.password,
            connectTimeout: opts.connectTimeoutMs ?? 10_000,
            supportBigNumbers: true,
            bigNumberStrings: true,
            dateStrings: true,
            charset: 'utf8mb4_general_ci',
            ...(opts.database ? { database: opts.database } : {})
        });
    }
    catch (e) {
        const code = e.code;
        const address = (0,_inputs_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .formatHostPort */ .zc)(endpoint.host, endpoint.port);
        throw new DbConnectError(`Cannot connect to ${what(role)} at ${address} as '${endpoint.user}' ` +
            `(check inputs ${role}-host, ${role}-port, ${role}-user, ${role}-password): ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`, typeof code === 'string' ? code : undefined);
    }
}


/***/ }),

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


/***/ }),

/***/ 94268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dirProblemAt: () => (/* binding */ dirProblemAt),
  freeBytesAt: () => (/* binding */ freeBytesAt),
  gatherFacts: () => (/* binding */ gatherFacts)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(40201);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(16764);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var client_kms_dist_cjs = __webpack_require__(92632);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(57202);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./src/inputs/aws-parsers.ts
var aws_parsers = __webpack_require__(30125);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(70017);
;// CONCATENATED MODULE: ./src/aws/lookups.ts
// Read-only AWS lookups for the precheck: the cluster, a snapshot to reuse, the bucket's Region and listing, the
// export role's trust policy and the export key (RDS API Reference: DescribeDBClusters, DescribeDBClusterSnapshots;
// Aurora User Guide, "Setting up access to an Amazon S3 bucket"). Each returns a Lookup instead of throwing, so the
// checks can say "not found", "could not verify (missing permission X)" or "could not reach AWS" per resource and
// still run all the others. Only Describe*/Get*/List*/Head* calls: nothing here changes anything.






/** Error names meaning "no such resource", per service. */
const MISSING = new Set([
    'DBClusterNotFoundFault',
    'DBClusterSnapshotNotFoundFault',
    'NoSuchBucket',
    'NoSuchEntity',
    'NoSuchEntityException',
    'NotFoundException'
]);
const DENIED = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'AuthorizationError',
    'Forbidden'
]);
/** Errors meaning the credentials themselves were refused. */
const BAD_CREDENTIALS = new Set([
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'InvalidSignatureException',
    'ExpiredToken',
    'ExpiredTokenException',
    'CredentialsProviderError'
]);
/** Turns an SDK error into a Lookup: missing, denied (naming the permission), or an error with AWS's own words. */
function classifyAwsError(e, permission) {
    const err = e;
    const name = typeof err.name === 'string' ? err.name : '';
    const message = (0,errors/* errorMessage */.gJ)(e);
    if (MISSING.has(name))
        return { kind: 'missing', message };
    if (DENIED.has(name) || err.$metadata?.httpStatusCode === 403)
        return { kind: 'denied', permission, message: `${name || 'HTTP 403'}: ${message}` };
    if (BAD_CREDENTIALS.has(name))
        return { kind: 'error', message: `AWS refused the credentials (${name}: ${message})` };
    // A socket error has a code (ECONNREFUSED, ENOTFOUND…). The SDK's retry layer re-wraps a thrown value it does not
    // recognise as an Error (one from another realm, e.g. a test VM) as "AWS SDK error wrapper for Error: connect
    // ECONNREFUSED …", losing the code: read it from the text then.
    const text = message.replace(/^AWS SDK error wrapper for (?:Error: )?/, '');
    const code = typeof err.code === 'string' ? err.code : /\b(E[A-Z]{4,})\b/.exec(text)?.[1];
    if (code && /^E[A-Z]+$/.test(code))
        return { kind: 'error', message: `cannot reach AWS: ${text}` };
    const named = name !== '' && name !== 'Error' && !text.startsWith(name);
    return { kind: 'error', message: named ? `${name}: ${text}` : text };
}
/** Per-call deadline: a lookup that hangs (a black-holed endpoint) must not hold the precheck. */
const CALL_TIMEOUT_MS = 30_000;
function callSignal(signal) {
    const deadline = AbortSignal.timeout(CALL_TIMEOUT_MS);
    return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
async function lookup(permission, call, missing) {
    try {
        const value = await call();
        return value === undefined ? { kind: 'missing', message: missing } : { kind: 'found', value };
    }
    catch (e) {
        return classifyAwsError(e, permission);
    }
}
/** DescribeDBClusters for one identifier. */
function describeCluster(rds, identifier, signal) {
    return lookup('rds:DescribeDBClusters', async () => {
        const out = await rds.send(new client_rds_dist_cjs/* DescribeDBClustersCommand */.Kdv({ DBClusterIdentifier: identifier }), {
            abortSignal: callSignal(signal)
        });
        const c = out.DBClusters?.[0];
        if (!c)
            return undefined;
        const arn = c.DBClusterArn ?? '';
        return {
            identifier: c.DBClusterIdentifier ?? identifier,
            arn,
            account: (0,aws_parsers/* splitArn */.E_)(arn)?.account,
            engine: c.Engine ?? '',
            engineVersion: c.EngineVersion ?? '',
            engineMode: c.EngineMode,
            status: c.Status ?? '',
            endpoint: c.Endpoint,
            readerEndpoint: c.ReaderEndpoint,
            port: c.Port,
            parameterGroup: c.DBClusterParameterGroup
        };
    }, `DBCluster ${identifier} not found.`);
}
/** DescribeDBClusterSnapshots for one identifier (`rds:` ones are automated snapshots). */
function describeClusterSnapshot(rds, identifier, signal) {
    const automated = /(^|:)rds:/.test(identifier);
    return lookup('rds:DescribeDBClusterSnapshots', async () => {
        const out = await rds.send(new client_rds_dist_cjs/* DescribeDBClusterSnapshotsCommand */.cWV({
            DBClusterSnapshotIdentifier: identifier,
            ...(automated ? { SnapshotType: 'automated' } : {})
        }), { abortSignal: callSignal(signal) });
        const s = out.DBClusterSnapshots?.[0];
        if (!s)
            return undefined;
        return {
            identifier: s.DBClusterSnapshotIdentifier ?? identifier,
            arn: s.DBClusterSnapshotArn ?? '',
            clusterIdentifier: s.DBClusterIdentifier ?? '',
            status: s.Status ?? '',
            engine: s.Engine ?? '',
            createdAt: s.SnapshotCreateTime,
            allocatedGb: s.AllocatedStorage
        };
    }, `DBClusterSnapshot not found: ${identifier}`);
}
/** S3's LocationConstraint as a Region: empty is us-east-1, the legacy `EU` is eu-west-1. */
function regionOfLocation(constraint) {
    if (!constraint)
        return 'us-east-1';
    return constraint === 'EU' ? 'eu-west-1' : constraint;
}
/** GetBucketLocation: the bucket's Region. */
function bucketRegion(s3, bucket, signal) {
    return lookup('s3:GetBucketLocation', async () => {
        const out = await s3.send(new client_s3_dist_cjs.GetBucketLocationCommand({ Bucket: bucket }), {
            abortSignal: callSignal(signal)
        });
        return regionOfLocation(out.LocationConstraint);
    }, `The specified bucket does not exist`);
}
/** ListObjectsV2 with MaxKeys 1 under the prefix: may we list it, and is anything there already. */
function listPrefix(s3, bucket, prefix, signal) {
    return lookup('s3:ListBucket', async () => {
        const out = await s3.send(new client_s3_dist_cjs.ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix === '' ? undefined : `${prefix}/`,
            MaxKeys: 1
        }), { abortSignal: callSignal(signal) });
        return { empty: (out.KeyCount ?? out.Contents?.length ?? 0) === 0 };
    }, `The specified bucket does not exist`);
}
const list = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
/** The service principals an (already decoded) trust policy allows to assume the role. Pure. */
function trustedServices(policyJson) {
    let policy;
    try {
        policy = JSON.parse(policyJson);
    }
    catch {
        return [];
    }
    const services = [];
    for (const st of list(policy?.Statement)) {
        const s = st;
        if (s.Effect !== 'Allow')
            continue;
        const assumes = list(s.Action).some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*');
        if (!assumes)
            continue;
        services.push(...list(s.Principal?.Service).map(String));
    }
    return services;
}
/** The role name in a role ARN (the part after the last `/`). */
function roleNameOf(arn) {
    return arn.slice(arn.lastIndexOf('/') + 1);
}
/** IAM GetRole: whether the role exists and whom it trusts (the document comes URL-encoded, RFC 3986). */
function getRole(iam, roleArn, signal) {
    const name = roleNameOf(roleArn);
    return lookup('iam:GetRole', async () => {
        const out = await iam.send(new dist_cjs.GetRoleCommand({ RoleName: name }), {
            abortSignal: callSignal(signal)
        });
        if (!out.Role)
            return undefined;
        const doc = out.Role.AssumeRolePolicyDocument ?? '';
        let decoded;
        try {
            decoded = decodeURIComponent(doc);
        }
        catch {
            decoded = doc; // not percent-encoded after all: read it as plain JSON
        }
        return { arn: out.Role.Arn ?? roleArn, name, trustedServices: trustedServices(decoded) };
    }, `The role with name ${name} cannot be found.`);
}
/** KMS DescribeKey by key id, key ARN, alias name or alias ARN. */
function describeKey(kms, keyId, signal) {
    return lookup('kms:DescribeKey', async () => {
        const out = await kms.send(new client_kms_dist_cjs.DescribeKeyCommand({ KeyId: keyId }), {
            abortSignal: callSignal(signal)
        });
        const k = out.KeyMetadata;
        if (!k)
            return undefined;
        return {
            arn: k.Arn ?? '',
            keyId: k.KeyId ?? '',
            enabled: k.Enabled === true,
            keyState: k.KeyState ?? '',
            keyUsage: k.KeyUsage ?? '',
            keySpec: k.KeySpec ?? k.CustomerMasterKeySpec ?? '',
            keyManager: k.KeyManager ?? '',
            region: (0,aws_parsers/* splitArn */.E_)(k.Arn ?? '')?.region
        };
    }, `Key '${keyId}' does not exist`);
}
/**
 * Whether the SDK finds credentials (environment, web identity, shared files, container or instance metadata).
 * @returns undefined when it does, else the message to show
 */
async function missingCredentials(client) {
    try {
        const provider = client.config.credentials;
        const creds = await provider();
        return creds.accessKeyId ? undefined : 'the credentials found have no access key id';
    }
    catch (e) {
        return (0,errors/* errorMessage */.gJ)(e);
    }
}

// EXTERNAL MODULE: ./src/mysql/catalog.ts
var mysql_catalog = __webpack_require__(33993);
// EXTERNAL MODULE: ./src/mysql/connect.ts
var connect = __webpack_require__(92112);
// EXTERNAL MODULE: ./src/mysql/grants.ts
var mysql_grants = __webpack_require__(86835);
// EXTERNAL MODULE: ./src/mysql/source.ts
var source = __webpack_require__(78281);
;// CONCATENATED MODULE: ./src/mysql/source-objects.ts


/**
 * Accounts the server or Aurora keeps for itself (MySQL's `mysql.sys`, `mysql.session`, `mysql.infoschema`,
 * MariaDB's `mariadb.sys`, Aurora's `rdsadmin` and friends): no one would migrate them.
 */
const SYSTEM_ACCOUNT = /^(mysql\.|mariadb\.sys$|rdsadmin$|rdsrepladmin$|rdsproxyadmin$|rds_superuser_role$)/;
/** Builds the objects from the query rows. Pure. */
function buildSourceObjects(rows) {
    const s = source/* cellText */.Ie;
    return {
        triggers: rows.triggers.map((r) => ({
            database: s(r['db']),
            table: s(r['tbl']),
            name: s(r['name']),
            timing: `${s(r['timing'])} ${s(r['event'])}`.trim().toUpperCase()
        })),
        routines: rows.routines.map((r) => ({
            database: s(r['db']),
            name: s(r['name']),
            type: s(r['type']).toUpperCase() === 'FUNCTION' ? 'function' : 'procedure'
        })),
        events: rows.events.map((r) => ({
            database: s(r['db']),
            name: s(r['name']),
            status: s(r['status']).toUpperCase()
        })),
        accounts: rows.accounts
            ?.map((r) => ({ user: s(r['user']), host: s(r['host']) }))
            // An empty user is an anonymous account, an empty host a MariaDB role (PUBLIC): neither is someone's login.
            .filter((a) => a.user !== '' && a.host !== '' && !SYSTEM_ACCOUNT.test(a.user))
    };
}
/**
 * Reads the triggers, routines and events of `databases` and the accounts of the server.
 * @param conn the source connection
 * @param databases the databases the filter selects tables in
 */
async function readSourceObjects(conn, databases) {
    const accounts = await (0,mysql_catalog.queryRows)(conn, 'SELECT User AS user, Host AS host FROM mysql.user ORDER BY User, Host', []).catch(() => undefined);
    if (databases.length === 0)
        return buildSourceObjects({ triggers: [], routines: [], events: [], accounts });
    const inList = databases.map(() => '?').join(', ');
    const dbs = [...databases];
    const [triggers, routines, events] = await Promise.all([
        (0,mysql_catalog.queryRows)(conn, `SELECT TRIGGER_SCHEMA AS db, EVENT_OBJECT_TABLE AS tbl, TRIGGER_NAME AS name,
              ACTION_TIMING AS timing, EVENT_MANIPULATION AS event
         FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN (${inList})
        ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_NAME`, dbs),
        (0,mysql_catalog.queryRows)(conn, `SELECT ROUTINE_SCHEMA AS db, ROUTINE_NAME AS name, ROUTINE_TYPE AS type
         FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN (${inList})
        ORDER BY ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME`, dbs),
        (0,mysql_catalog.queryRows)(conn, `SELECT EVENT_SCHEMA AS db, EVENT_NAME AS name, STATUS AS status
         FROM information_schema.EVENTS WHERE EVENT_SCHEMA IN (${inList})
        ORDER BY EVENT_SCHEMA, EVENT_NAME`, dbs)
    ]);
    return buildSourceObjects({ triggers, routines, events, accounts });
}

// EXTERNAL MODULE: ./src/mysql/target.ts
var mysql_target = __webpack_require__(58073);
// EXTERNAL MODULE: ./src/util/temp-files.ts
var temp_files = __webpack_require__(27558);
;// CONCATENATED MODULE: ./src/precheck/gather.ts
// Gathers the precheck's facts: the source over one connection, the target over SQL and its status port, AWS with
// read-only lookups, and the runner's free disk. Reads only — no statement here writes, and no AWS call creates,
// starts or puts anything. The three sides are read concurrently; a side that cannot be reached becomes a fact
// ("cannot connect: …") instead of an exception, so every check still runs.












/**
 * Why `dir` cannot hold the run's files, or undefined when it can: it must be a directory this process can create
 * files in (tried by creating and removing an empty directory inside, which also catches a read-only mount). A
 * missing directory that will be created (`mayCreate`, Lightning's sorted-kv-dir) is judged by its nearest parent.
 */
async function dirProblemAt(dir, mayCreate) {
    const at = external_node_path_default().resolve(dir);
    let isDir;
    try {
        isDir = (await (0,promises_.stat)(at)).isDirectory();
    }
    catch (e) {
        const code = e.code;
        // ENOTDIR: a file on the way; the parent then says which.
        if ((code === 'ENOENT' || code === 'ENOTDIR') && mayCreate && external_node_path_default().dirname(at) !== at)
            return dirProblemAt(external_node_path_default().dirname(at), true);
        return `${at} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (0,errors/* errorMessage */.gJ)(e)})`}`;
    }
    if (!isDir)
        return `${at} is not a directory`;
    try {
        await (0,promises_.rm)(await (0,promises_.mkdtemp)(external_node_path_default().join(at, '.aurora-to-tidb-probe-')), { recursive: true });
    }
    catch (e) {
        return `${at} is not writable (${e.code ?? (0,errors/* errorMessage */.gJ)(e)})`;
    }
    return undefined;
}
/** Free bytes for an unprivileged user on the file system holding `dir` (or its nearest existing parent). */
async function freeBytesAt(dir) {
    for (let d = external_node_path_default().resolve(dir);; d = external_node_path_default().dirname(d)) {
        try {
            const s = await (0,promises_.statfs)(d);
            return s.bavail * s.bsize;
        }
        catch {
            if (external_node_path_default().dirname(d) === d)
                return undefined;
        }
    }
}
const DEFAULT_DEPS = {
    connect: (endpoint, role) => (0,connect.connectDb)(endpoint, role),
    awsClients: async (inputs) => ({
        ...(0,clients.createAwsClients)(inputs.aws),
        ...(await (0,clients.createCheckClients)(inputs.aws))
    }),
    tidbStatus: mysql_target/* readTidbStatus */.Y,
    freeBytes: freeBytesAt,
    dirProblem: dirProblemAt
};
async function attempt(read) {
    try {
        return { ok: true, value: await read() };
    }
    catch (e) {
        return { ok: false, message: (0,connect.dbErrorMessage)(e) };
    }
}
async function readSource(conn, inputs) {
    const version = await (0,source/* readServerVersion */.se)(conn);
    const vars = await (0,source/* readGlobalVariables */.p7)(conn);
    const settings = (0,source/* binlogSettings */.PZ)(vars, version.flavor);
    const retention = await (0,source/* readRetention */.Tj)(conn, vars);
    const grants = await attempt(async () => (0,mysql_grants/* parseGrants */.Ts)(await (0,source/* readGrants */.o4)(conn)));
    const catalog = await (0,mysql_catalog.readCatalog)(conn, inputs.filter);
    const databases = [...new Set(catalog.tables.map((t) => t.database))];
    const objects = await attempt(() => readSourceObjects(conn, databases));
    const position = await attempt(() => (0,source/* readBinlogCoordinates */.Fl)(conn, version, settings.gtidEnabled));
    return { version, settings, retention, grants, catalog, objects, position };
}
async function withConnection(deps, endpoint, role, use) {
    let conn;
    try {
        conn = await deps.connect(endpoint, role);
    }
    catch (e) {
        return { ok: false, message: (0,errors/* errorMessage */.gJ)(e) };
    }
    try {
        return await attempt(() => use(conn));
    }
    finally {
        await conn.end().catch(() => undefined);
    }
}
async function readAws(inputs, deps, signal) {
    const clients = await deps.awsClients(inputs);
    try {
        const credentialsProblem = await missingCredentials(clients.rds);
        if (credentialsProblem !== undefined)
            return { credentialsProblem };
        const a = inputs.aws;
        const [cluster, snapshot, bucket, prefix, role, key] = await Promise.all([
            a.clusterIdentifier === undefined
                ? undefined
                : describeCluster(clients.rds, a.clusterIdentifier, signal),
            a.snapshotIdentifier === undefined
                ? undefined
                : describeClusterSnapshot(clients.rds, a.snapshotIdentifier, signal),
            a.s3 === undefined ? undefined : bucketRegion(clients.s3, a.s3.bucket, signal),
            a.s3 === undefined ? undefined : listPrefix(clients.s3, a.s3.bucket, a.s3.prefix, signal),
            a.exportRoleArn === undefined ? undefined : getRole(clients.iam, a.exportRoleArn, signal),
            a.kmsKeyId === undefined ? undefined : describeKey(clients.kms, a.kmsKeyId, signal)
        ]);
        return {
            credentialsProblem,
            ...(cluster ? { cluster } : {}),
            ...(snapshot ? { snapshot } : {}),
            ...(bucket ? { bucket } : {}),
            ...(prefix ? { prefix } : {}),
            ...(role ? { role } : {}),
            ...(key ? { key } : {})
        };
    }
    finally {
        for (const c of [clients.rds, clients.s3, clients.iam, clients.kms])
            c.destroy();
    }
}
async function readTarget(inputs, deps, catalog, signal) {
    const { target } = inputs;
    const status = attempt(() => deps.tidbStatus(target.host, target.statusPort, signal));
    let tables = { ok: true, value: [] };
    const connect = await withConnection(deps, target, 'target', async (conn) => {
        const selected = (await catalog)?.tables ?? [];
        tables = await attempt(() => (0,mysql_target.readTargetTables)(conn, selected));
        return true;
    });
    return { connect, status: await status, tables };
}
/**
 * Reads every fact the checks need.
 * @param inputs validated inputs
 * @param signal the run's cancellation
 * @param deps replaceable edges (tests)
 */
async function gatherFacts(inputs, signal, deps = DEFAULT_DEPS) {
    const tempDir = (0,temp_files/* runnerTemp */.X5)();
    const sortedKvDir = inputs.import.sortedKvDir ?? tempDir;
    const source = withConnection(deps, inputs.source, 'source', (conn) => readSource(conn, inputs));
    const catalog = source.then((s) => (s.ok ? s.value.catalog : undefined));
    const [src, target, aws, freeBytes, tempDirProblem, sortedKvDirProblem] = await Promise.all([
        source,
        readTarget(inputs, deps, catalog, signal),
        readAws(inputs, deps, signal),
        deps.freeBytes(sortedKvDir),
        deps.dirProblem(tempDir, false),
        inputs.import.sortedKvDir === undefined
            ? Promise.resolve(undefined)
            : deps.dirProblem(inputs.import.sortedKvDir, true)
    ]);
    const runner = {
        sortedKvDir,
        freeBytes,
        tempDir,
        tempDirProblem,
        sortedKvDirProblem
    };
    return { source: src, target, aws, runner };
}


/***/ })

};

//# sourceMappingURL=268.index.js.map