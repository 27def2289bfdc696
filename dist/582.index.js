export const id = 582;
export const ids = [582,201];
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

/***/ 55572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ effectiveS3Endpoint)
/* harmony export */ });
/**
 * The S3 endpoint in effect: the `s3-endpoint` input, else `AWS_ENDPOINT_URL_S3`, else undefined (AWS itself).
 * The PingCAP tools do not read AWS_ENDPOINT_URL_S3, so whatever this returns is also passed to them explicitly.
 */
function effectiveS3Endpoint(aws, env = process.env) {
    return aws.s3Endpoint ?? (env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined);
}


/***/ })

};

//# sourceMappingURL=582.index.js.map