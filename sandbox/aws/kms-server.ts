// The KMS stand-in: DescribeKey over the AWS JSON 1.1 protocol (`POST /`, `X-Amz-Target: TrentService.DescribeKey`,
// body `{"KeyId":"…"}`), reached by @aws-sdk/client-kms through `AWS_ENDPOINT_URL_KMS`. It knows the sandbox's
// export key by key id, key ARN, alias name and alias ARN, as KMS does, and answers with KMS's KeyMetadata or its
// NotFoundException texts (`Key '<arn>' does not exist`, `Alias <arn> is not found.`). Fault `kms-key-disabled`
// reports the key Disabled (the RDS stand-in then refuses exports with it, as RDS does). Reads only: write=false.
import { randomUUID } from 'node:crypto'
import { fault } from '../lib/faults.js'
import { listen, readBody, type RunningServer } from '../lib/http-server.js'
import { RequestLog } from '../lib/request-log.js'

/** One customer managed key and its alias. */
export interface SandboxKmsKey {
  readonly keyId: string
  /** `alias/<name>` */
  readonly alias: string
}

/** Options of the KMS stand-in. */
export interface KmsServerOptions {
  readonly region: string
  readonly accountId: string
  readonly keys: readonly SandboxKmsKey[]
  /** Sandbox directory for the request log; undefined keeps it in memory. */
  readonly dir?: string
  readonly port?: number
  /** Environment to read faults from, read on every request (defaults to process.env; needs SANDBOX_DIR). */
  readonly env?: NodeJS.ProcessEnv
}

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

/** Resolves any way of naming a key to the key, or throws KMS's NotFoundException text. */
export function resolveKey(
  given: string,
  keys: readonly SandboxKmsKey[],
  region: string,
  account: string
): SandboxKmsKey {
  const arnPrefix = `arn:aws:kms:${region}:${account}:`
  const local = given.startsWith(arnPrefix) ? given.slice(arnPrefix.length) : given
  const isAlias = local.startsWith('alias/')
  const found = keys.find((k) =>
    isAlias ? k.alias === local : k.keyId === local.replace(/^key\//, '')
  )
  if (found) return found
  if (isAlias) throw new KmsError('NotFoundException', `Alias ${arnPrefix}${local} is not found.`)
  if (given.startsWith('arn:') || /^[0-9a-f-]{36}$/.test(local.replace(/^key\//, ''))) {
    throw new KmsError(
      'NotFoundException',
      `Key '${arnPrefix}key/${local.replace(/^key\//, '')}' does not exist`
    )
  }
  throw new KmsError('NotFoundException', `Invalid keyId '${given}'`)
}

/** KMS's KeyMetadata of a sandbox key (symmetric, ENCRYPT_DECRYPT, customer managed). */
export function keyMetadata(
  key: SandboxKmsKey,
  region: string,
  account: string,
  created: Date,
  disabled: boolean
): Record<string, unknown> {
  return {
    AWSAccountId: account,
    KeyId: key.keyId,
    Arn: `arn:aws:kms:${region}:${account}:key/${key.keyId}`,
    // The JSON protocol carries timestamps as epoch seconds.
    CreationDate: created.getTime() / 1000,
    Enabled: !disabled,
    Description: 'Encrypts the sandbox snapshot exports',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: disabled ? 'Disabled' : 'Enabled',
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false
  }
}

/** Starts the KMS stand-in on 127.0.0.1. */
export async function startKmsServer(opts: KmsServerOptions): Promise<RunningServer> {
  const log = new RequestLog('kms', opts.dir)
  const created = new Date()
  const env = opts.env ?? process.env
  return listen(
    (req, res) => {
      const requestId = randomUUID()
      const target = String(req.headers['x-amz-target'] ?? '')
      const op = target.replace(/^TrentService\./, '') || `${req.method ?? ''} ${req.url ?? ''}`
      void readBody(req).then((body) => {
        let keyId = ''
        const send = (status: number, payload: unknown): void => {
          log.record(op, status, false, keyId || undefined)
          res
            .writeHead(status, {
              'content-type': 'application/x-amz-json-1.1',
              'x-amzn-requestid': requestId
            })
            .end(JSON.stringify(payload))
        }
        try {
          if (req.method !== 'POST' || target !== 'TrentService.DescribeKey') {
            throw new KmsError('UnknownOperationException', '')
          }
          const input = JSON.parse(body || '{}') as { KeyId?: unknown }
          keyId = typeof input.KeyId === 'string' ? input.KeyId : ''
          if (keyId === '') {
            throw new KmsError(
              'ValidationException',
              "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null"
            )
          }
          const key = resolveKey(keyId, opts.keys, opts.region, opts.accountId)
          const disabled = fault('kms-key-disabled', env) !== undefined
          send(200, {
            KeyMetadata: keyMetadata(key, opts.region, opts.accountId, created, disabled)
          })
        } catch (e) {
          const err = e instanceof KmsError ? e : new KmsError('SerializationException', '')
          send(400, { __type: err.type, message: err.message })
        }
      })
    },
    log,
    opts.port
  )
}
