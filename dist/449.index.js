export const id = 449;
export const ids = [449,112,201];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAwsClients: () => (/* binding */ createAwsClients),
/* harmony export */   createCheckClients: () => (/* binding */ createCheckClients),
/* harmony export */   effectiveS3Endpoint: () => (/* reexport safe */ _endpoint_js__WEBPACK_IMPORTED_MODULE_0__.v)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7202);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3711);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5572);




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
        s3: new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_2__/* .S3Client */ .YxF({
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
        __webpack_require__.e(/* import() */ 764).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19)),
        __webpack_require__.e(/* import() */ 632).then(__webpack_require__.t.bind(__webpack_require__, 2632, 19))
    ]);
    return {
        iam: new IAMClient({ region: aws.region, maxAttempts: MAX_ATTEMPTS }),
        kms: new KMSClient({ region: aws.region, maxAttempts: MAX_ATTEMPTS })
    };
}


/***/ }),

/***/ 2112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DbConnectError: () => (/* binding */ DbConnectError),
/* harmony export */   connectDb: () => (/* binding */ connectDb),
/* harmony export */   dbErrorMessage: () => (/* binding */ dbErrorMessage)
/* harmony export */ });
/* harmony import */ var mysql2_promise__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7588);
/* harmony import */ var _util_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(761);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
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
        const address = (0,_util_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .formatHostPort */ .zc)(endpoint.host, endpoint.port);
        throw new DbConnectError(`Cannot connect to ${what(role)} at ${address} as '${endpoint.user}' ` +
            `(check inputs ${role}-host, ${role}-port, ${role}-user, ${role}-password): ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e)}`, typeof code === 'string' ? code : undefined);
    }
}


/***/ }),

/***/ 7449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  freeBytesAt: () => (/* binding */ freeBytesAt),
  gatherFacts: () => (/* binding */ gatherFacts)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var client_kms_dist_cjs = __webpack_require__(2632);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(7202);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/util/aws-input-parsers.ts
var aws_input_parsers = __webpack_require__(2989);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/aws/lookups.ts
// Read-only AWS lookups for the precheck: the cluster, a snapshot to reuse, the bucket's Region and listing, the
// export role's trust policy and the export key (aws.md §3, §8). Each returns a Lookup instead of throwing, so the
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
            account: (0,aws_input_parsers/* splitArn */.E_)(arn)?.account,
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
        const out = await s3.send(new client_s3_dist_cjs/* GetBucketLocationCommand */.r_J({ Bucket: bucket }), {
            abortSignal: callSignal(signal)
        });
        return regionOfLocation(out.LocationConstraint);
    }, `The specified bucket does not exist`);
}
/** ListObjectsV2 with MaxKeys 1 under the prefix: may we list it, and is anything there already. */
function listPrefix(s3, bucket, prefix, signal) {
    return lookup('s3:ListBucket', async () => {
        const out = await s3.send(new client_s3_dist_cjs/* ListObjectsV2Command */.u6x({
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
            region: (0,aws_input_parsers/* splitArn */.E_)(k.Arn ?? '')?.region
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

// EXTERNAL MODULE: ./src/util/table-filter-match.ts + 1 modules
var table_filter_match = __webpack_require__(2345);
// EXTERNAL MODULE: ./src/mysql/source.ts
var source = __webpack_require__(8281);
;// CONCATENATED MODULE: ./src/mysql/catalog.ts


/** Schemas never migrated: the server's own (Dumpling's default filter leaves them out too). */
const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'];
const str = source/* cellText */.Ie;
const num = (v) => {
    const n = Number(v);
    return Number.isFinite(n) ? n : 0;
};
const key = (db, table) => `${db}\u0000${table}`;
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
    return tables.filter((t) => !system.has(str(t['db']).toLowerCase()) && (0,table_filter_match/* matchesTable */.I)(filter, str(t['db']), str(t['tbl'])));
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
            views.push({ db, table });
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
                : num(c['num_precision'])
        }));
        const k = keys(indexesOf.get(key(db, table)) ?? [], columns);
        const dataBytes = num(t['data_bytes']);
        tables.push({
            db,
            table,
            engine: t['engine'] === null || t['engine'] === undefined ? null : str(t['engine']),
            estimatedRows: num(t['row_count']),
            bytes: dataBytes + num(t['index_bytes']),
            dataBytes,
            collation: t['collation'] === null || t['collation'] === undefined ? null : str(t['collation']),
            columns,
            hasPrimaryKey: k.primary,
            hasUniqueKey: k.unique,
            foreignKeys: fks.get(key(db, table)) ?? 0
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
async function query(conn, sql, values) {
    const [result] = await conn.query(sql, values);
    return Array.isArray(result) ? result : [];
}
/** Reads the catalog of the tables `filter` selects. */
async function readCatalog(conn, filter) {
    const tables = await query(conn, `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, TABLE_TYPE AS type, ENGINE AS engine,
            TABLE_ROWS AS row_count, DATA_LENGTH AS data_bytes, INDEX_LENGTH AS index_bytes,
            TABLE_COLLATION AS collation
       FROM information_schema.TABLES
      WHERE TABLE_SCHEMA NOT IN (${SYSTEM_SCHEMAS.map(() => '?').join(', ')})
      ORDER BY TABLE_SCHEMA, TABLE_NAME`, [...SYSTEM_SCHEMAS]);
    const schemata = await query(conn, 'SELECT SCHEMA_NAME AS db FROM information_schema.SCHEMATA', []);
    const dbs = [...new Set(selectedRows(tables, filter).map((t) => str(t['db'])))];
    if (dbs.length === 0)
        return buildCatalog({ tables, columns: [], indexes: [], foreignKeys: [], schemata }, filter);
    const inList = dbs.map(() => '?').join(', ');
    const [columns, indexes, foreignKeys] = await Promise.all([
        query(conn, `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, COLUMN_NAME AS col, DATA_TYPE AS data_type,
              COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt,
              NUMERIC_PRECISION AS num_precision
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (${inList})
        ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`, dbs),
        query(conn, `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, INDEX_NAME AS idx, NON_UNIQUE AS non_unique,
              COLUMN_NAME AS col
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN (${inList})`, dbs),
        query(conn, `SELECT CONSTRAINT_SCHEMA AS db, TABLE_NAME AS tbl, COUNT(*) AS n
         FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA IN (${inList})
        GROUP BY CONSTRAINT_SCHEMA, TABLE_NAME`, dbs)
    ]);
    return buildCatalog({ tables, columns, indexes, foreignKeys, schemata }, filter);
}

// EXTERNAL MODULE: ./src/mysql/connect.ts
var connect = __webpack_require__(2112);
// EXTERNAL MODULE: ./src/mysql/grants.ts
var mysql_grants = __webpack_require__(6835);
// EXTERNAL MODULE: ./src/util/input-parsers.ts
var input_parsers = __webpack_require__(761);
;// CONCATENATED MODULE: ./src/mysql/target.ts


/** The TiDB release in a version string: `8.0.11-TiDB-v8.5.2` → `v8.5.2`, `5.7.25-TiDB-v7.5.1-serverless` → `v7.5.1`. */
function tidbReleaseOf(version) {
    const m = /-TiDB-(v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(version);
    return m?.[1];
}
/** Reads `GET http://<host>:<port>/status`. Throws with the address and the reason when it cannot. */
async function readTidbStatus(host, port, signal, timeoutMs = 10_000) {
    const url = `http://${(0,input_parsers/* formatHostPort */.zc)(host, port)}/status`;
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
        throw new Error(`GET ${url} failed: ${(0,errors/* errorMessage */.gJ)(cause ?? e)}`, { cause: e });
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
    const dbs = [...new Set(tables.map((t) => t.db))];
    const [lctn] = await conn.query('SELECT @@lower_case_table_names AS l');
    const fold = Number(lctn[0]?.['l'] ?? 0) !== 0;
    const norm = (s) => (fold ? s.toLowerCase() : s);
    const [existing] = await conn.query(`SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl FROM information_schema.TABLES
      WHERE TABLE_SCHEMA IN (${dbs.map(() => '?').join(', ')})`, dbs);
    const present = new Map();
    for (const r of existing) {
        const ref = { db: String(r['db']), table: String(r['tbl']) };
        present.set(`${norm(ref.db)}\u0000${norm(ref.table)}`, ref);
    }
    const out = [];
    for (const t of tables) {
        const found = present.get(`${norm(t.db)}\u0000${norm(t.table)}`);
        if (!found) {
            out.push({ ...t, state: 'absent' });
            continue;
        }
        const [rowsFound] = await conn.query(`SELECT 1 FROM ${quoteId(found.db)}.${quoteId(found.table)} LIMIT 1`);
        out.push({ ...t, state: rowsFound.length > 0 ? 'has-rows' : 'empty' });
    }
    return out;
}

// EXTERNAL MODULE: ./src/util/table-filter.ts
var table_filter = __webpack_require__(427);
// EXTERNAL MODULE: ./src/util/temp-files.ts
var temp_files = __webpack_require__(7558);
;// CONCATENATED MODULE: ./src/precheck/gather.ts
// Gathers the precheck's facts: the source over one connection, the target over SQL and its status port, AWS with
// read-only lookups, and the runner's free disk. Reads only — no statement here writes, and no AWS call creates,
// starts or puts anything. The three sides are read concurrently; a side that cannot be reached becomes a fact
// ("cannot connect: …") instead of an exception, so every check still runs.












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
    tidbStatus: readTidbStatus,
    freeBytes: freeBytesAt
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
    const catalog = await readCatalog(conn, (0,table_filter/* parseFilter */.aN)(inputs.filter));
    const position = await attempt(() => (0,source/* readBinlogCoordinates */.Fl)(conn, version, settings.gtidEnabled));
    return { version, settings, retention, grants, catalog, position };
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
        tables = await attempt(() => readTargetTables(conn, selected));
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
    const sortedKvDir = inputs.import.sortedKvDir ?? (0,temp_files/* runnerTemp */.X5)();
    const source = withConnection(deps, inputs.source, 'source', (conn) => readSource(conn, inputs));
    const catalog = source.then((s) => (s.ok ? s.value.catalog : undefined));
    const [src, target, aws, freeBytes] = await Promise.all([
        source,
        readTarget(inputs, deps, catalog, signal),
        readAws(inputs, deps, signal),
        deps.freeBytes(sortedKvDir)
    ]);
    const runner = { sortedKvDir, freeBytes };
    return { source: src, target, aws, runner };
}


/***/ })

};

//# sourceMappingURL=449.index.js.map