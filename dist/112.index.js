export const id = 112;
export const ids = [112];
export const modules = {

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


/***/ })

};

//# sourceMappingURL=112.index.js.map