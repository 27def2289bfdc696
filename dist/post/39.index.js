export const id = 39;
export const ids = [39];
export const modules = {

/***/ 3039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createAwsClients: () => (/* binding */ createAwsClients),
  createCheckClients: () => (/* binding */ createCheckClients),
  effectiveS3Endpoint: () => (/* reexport */ effectiveS3Endpoint)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var dist_cjs = __webpack_require__(7202);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./src/aws/endpoint.ts
/**
 * The S3 endpoint in effect: the `s3-endpoint` input, else `AWS_ENDPOINT_URL_S3`, else undefined (AWS itself).
 * The PingCAP tools do not read AWS_ENDPOINT_URL_S3, so whatever this returns is also passed to them explicitly.
 */
function effectiveS3Endpoint(aws, env = process.env) {
    return aws.s3Endpoint ?? (env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined);
}

;// CONCATENATED MODULE: ./src/aws/clients.ts




/** SDK retries for throttling and transient faults, on top of which phases poll with their own backoff. */
const MAX_ATTEMPTS = 6;
/**
 * Creates the RDS and S3 clients for a run.
 * @param aws the AWS inputs (region, s3-endpoint)
 */
function createAwsClients(aws, env = process.env) {
    const s3Endpoint = effectiveS3Endpoint(aws, env);
    return {
        rds: new dist_cjs/* RDSClient */.rYe({ region: aws.region, maxAttempts: MAX_ATTEMPTS }),
        s3: new client_s3_dist_cjs/* S3Client */.YxF({
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


/***/ })

};

//# sourceMappingURL=39.index.js.map