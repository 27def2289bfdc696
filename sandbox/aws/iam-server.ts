// The IAM stand-in: GetRole over the AWS Query protocol (`POST /`, form body `Action=GetRole&RoleName=…`), reached by
// @aws-sdk/client-iam through `AWS_ENDPOINT_URL_IAM`. It knows the sandbox's export role and answers as IAM does:
// the role with its trust policy URL-encoded (RFC 3986, as IAM returns AssumeRolePolicyDocument), or NoSuchEntity
// (404). Fault `iam-role-untrusted` serves the role with a trust policy for EC2 instead of the RDS export service.
// Only reads exist here, so every request is logged with write=false.
import { randomUUID } from 'node:crypto'
import { fault } from '../lib/faults.js'
import { listen, readBody, type RunningServer } from '../lib/http-server.js'
import { RequestLog } from '../lib/request-log.js'
import { QueryParams, renderError, renderResult } from './rds-protocol.js'

/** IAM's XML namespace. */
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/'

/**
 * The service principal a snapshot export role must trust (Aurora User Guide, "Setting up access to an Amazon S3
 * bucket").
 */
export const EXPORT_SERVICE_PRINCIPAL = 'export.rds.amazonaws.com'

/** Options of the IAM stand-in. */
export interface IamServerOptions {
  /** Role ARNs that exist (`arn:aws:iam::<account>:role/<path/>name`). */
  readonly roles: readonly string[]
  /** Sandbox directory for the request log; undefined keeps it in memory. */
  readonly dir?: string
  readonly port?: number
  /** Environment to read faults from, read on every request (defaults to process.env; needs SANDBOX_DIR). */
  readonly env?: NodeJS.ProcessEnv
}

/** A trust policy allowing `service` to assume the role, as IAM stores it (JSON). */
export function trustPolicy(service: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }]
  })
}

/** RFC 3986 percent-encoding, as IAM encodes policy documents (encodeURIComponent leaves `!'()*` alone). */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/** The parts of a role ARN: `arn:aws:iam::123456789012:role/path/name`. */
function roleParts(arn: string): { path: string; name: string } {
  const resource = arn.slice(arn.indexOf(':role/') + ':role/'.length)
  const slash = resource.lastIndexOf('/')
  return {
    path: slash < 0 ? '/' : `/${resource.slice(0, slash + 1)}`,
    name: resource.slice(slash + 1)
  }
}

/** A stable role id (`AROA` + 17 characters), derived from the name so repeated calls agree. */
function roleId(name: string): string {
  let h = 0
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return `AROA${h.toString(36).toUpperCase().padStart(17, 'X').slice(0, 17)}`
}

/** Starts the IAM stand-in on 127.0.0.1. */
export async function startIamServer(opts: IamServerOptions): Promise<RunningServer> {
  const log = new RequestLog('iam', opts.dir)
  const created = new Date()
  const env = opts.env ?? process.env
  return listen(
    (req, res) => {
      const requestId = randomUUID()
      void readBody(req).then((body) => {
        const params = new QueryParams(body)
        const send = (status: number, xml: string, detail?: string): void => {
          log.record(params.action || `${req.method ?? ''} ${req.url ?? ''}`, status, false, detail)
          res
            .writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId })
            .end(xml)
        }
        const fail = (code: string, status: number, message: string, detail?: string): void =>
          send(status, renderError(code, message, status, requestId, IAM_XMLNS), detail)
        if (req.method !== 'POST' || params.action !== 'GetRole') {
          fail(
            'InvalidAction',
            400,
            `Could not find operation ${params.action || '(none)'} for version 2010-05-08`
          )
          return
        }
        const name = params.get('RoleName') ?? ''
        if (name === '') {
          fail('ValidationError', 400, 'The request must contain the parameter RoleName')
          return
        }
        const arn = opts.roles.find((r) => roleParts(r).name === name)
        if (arn === undefined) {
          fail('NoSuchEntity', 404, `The role with name ${name} cannot be found.`, name)
          return
        }
        const service =
          fault('iam-role-untrusted', env) === undefined
            ? EXPORT_SERVICE_PRINCIPAL
            : 'ec2.amazonaws.com'
        const parts = roleParts(arn)
        const role = {
          Path: parts.path,
          RoleName: parts.name,
          RoleId: roleId(parts.name),
          Arn: arn,
          CreateDate: created,
          AssumeRolePolicyDocument: rfc3986(trustPolicy(service)),
          Description: 'Lets RDS write snapshot exports to the sandbox bucket',
          MaxSessionDuration: 3600,
          RoleLastUsed: {}
        }
        send(200, renderResult('GetRole', { Role: role }, requestId, IAM_XMLNS), name)
      })
    },
    log,
    opts.port
  )
}
