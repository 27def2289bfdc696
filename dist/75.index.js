export const id = 75;
export const ids = [75];
export const modules = {

/***/ 1075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createS3: () => (/* binding */ createS3),
/* harmony export */   readJson: () => (/* binding */ readJson)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3711);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7613);
// A thin adapter over @aws-sdk/client-s3 for what the phases read and write: prefix listings (paginated), small
// JSON/text objects (export metadata, the run state), and byte ranges (how parquet-footers.ts reads row counts).


const DEFAULT_MAX_TEXT = 16 * 1024 * 1024;
async function bodyBytes(out) {
    const body = out.Body;
    if (!body?.transformToByteArray)
        return new Uint8Array(0);
    return body.transformToByteArray();
}
/**
 * The S3 adapter over a client (clients.ts `createAwsClients(...).s3`, or a fake with `send`).
 * @param client the SDK client
 * @param opts retry bounds, clock, cancellation, and where retry lines go
 */
function createS3(client, opts = {}) {
    const call = (operation, command) => (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .IY)(operation, () => client.send(command), opts);
    return {
        async list(bucket, prefix) {
            const out = [];
            let token;
            do {
                const page = await call('ListObjectsV2', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .ListObjectsV2Command */ .u6x({
                    Bucket: bucket,
                    Prefix: prefix,
                    ...(token ? { ContinuationToken: token } : {})
                }));
                for (const o of page.Contents ?? []) {
                    if (o.Key !== undefined)
                        out.push({ key: o.Key, size: o.Size ?? 0 });
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
            return out;
        },
        async readText(bucket, key, maxBytes = DEFAULT_MAX_TEXT) {
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key }));
            if ((out.ContentLength ?? 0) > maxBytes) {
                // Not read: the body is released by destroying the stream rather than downloading it.
                ;
                out.Body?.destroy?.();
                throw new Error(`s3://${bucket}/${key} is ${out.ContentLength} bytes, more than the ${maxBytes} expected`);
            }
            return new TextDecoder().decode(await bodyBytes(out));
        },
        async writeJson(bucket, key, value) {
            await call('PutObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .PutObjectCommand */ .wKZ({
                Bucket: bucket,
                Key: key,
                Body: `${JSON.stringify(value, null, 2)}\n`,
                ContentType: 'application/json'
            }));
        },
        async readRange(bucket, key, start, end) {
            const out = await call('GetObject', new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .GetObjectCommand */ .jLs({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }));
            let bytes = await bodyBytes(out);
            // A store that ignores Range sends the whole object: keep the part asked for.
            if (bytes.byteLength > end - start && out.ContentRange === undefined)
                bytes = bytes.subarray(start, end);
            return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        }
    };
}
/** Reads a JSON object; the parse error names the object. */
async function readJson(s3, bucket, key) {
    const text = await s3.readText(bucket, key);
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new Error(`s3://${bucket}/${key} is not JSON: ${e.message}`, { cause: e });
    }
}


/***/ })

};

//# sourceMappingURL=75.index.js.map