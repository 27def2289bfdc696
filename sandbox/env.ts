// The sandbox's environment contract: what `npm run sandbox -- env` prints and `exec` adds, built
// from the endpoints of a running sandbox. Pure: no I/O here.
import path from 'node:path'

/** A MySQL-protocol endpoint with its credentials. */
export interface DbAccess {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly password: string
}

/** Everything the environment is made of. Stored in `state.json` by the daemon. */
export interface SandboxEndpoints {
  readonly dir: string
  /** `<repo>/sandbox/bin`, put first on PATH (the tiup stand-in). */
  readonly binDir: string
  readonly region: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly rdsUrl: string
  readonly s3Url: string
  readonly iamUrl: string
  readonly kmsUrl: string
  readonly source: DbAccess
  readonly target: DbAccess & { readonly statusPort: number }
  readonly pdAddr: string
  readonly clusterIdentifier: string
  readonly exportRoleArn: string
  readonly kmsKeyId: string
  readonly s3Uri: string
  readonly filter: readonly string[]
  readonly dmMasterAddr: string
  readonly tiupMirror: string
  readonly tidbVersion: string
}

/** Runner variables a GitHub runner provides; the sandbox supplies them only where the caller has none. */
export const RUNNER_KEYS = [
  'RUNNER_TEMP',
  'RUNNER_TOOL_CACHE',
  'GITHUB_OUTPUT',
  'GITHUB_STEP_SUMMARY'
] as const

/** Files and folders behind the runner variables, under `<dir>/runner/`. */
export function runnerPaths(dir: string): Record<(typeof RUNNER_KEYS)[number], string> {
  const runner = path.join(dir, 'runner')
  return {
    RUNNER_TEMP: path.join(runner, 'temp'),
    RUNNER_TOOL_CACHE: path.join(runner, 'tool-cache'),
    GITHUB_OUTPUT: path.join(runner, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md')
  }
}

/** Every key the contract promises, runner variables aside. */
export const CONTRACT_KEYS = [
  'SANDBOX_DIR',
  'PATH',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_ENDPOINT_URL_RDS',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_IAM',
  'AWS_ENDPOINT_URL_KMS',
  'INPUT_SOURCE-HOST',
  'INPUT_SOURCE-PORT',
  'INPUT_SOURCE-USER',
  'INPUT_SOURCE-PASSWORD',
  'INPUT_TARGET-HOST',
  'INPUT_TARGET-PORT',
  'INPUT_TARGET-USER',
  'INPUT_TARGET-PASSWORD',
  'INPUT_TARGET-STATUS-PORT',
  'INPUT_PD-ADDR',
  'INPUT_AWS-REGION',
  'INPUT_CLUSTER-IDENTIFIER',
  'INPUT_EXPORT-ROLE-ARN',
  'INPUT_KMS-KEY-ID',
  'INPUT_S3-URI',
  'INPUT_S3-ENDPOINT',
  'INPUT_FILTER',
  'INPUT_DM-MASTER-ADDR',
  'INPUT_TIUP-VERSION',
  'INPUT_TIUP-MIRROR',
  'INPUT_TIDB-VERSION'
] as const

/**
 * The environment for a caller: the contract's keys, PATH with the sandbox's bin folder first (then the caller's
 * PATH), and the runner variables the caller does not already have.
 */
export function sandboxEnv(e: SandboxEndpoints, caller: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {
    SANDBOX_DIR: e.dir,
    PATH: [e.binDir, ...(caller['PATH'] ? [caller['PATH']] : [])].join(path.delimiter),
    AWS_REGION: e.region,
    AWS_ACCESS_KEY_ID: e.accessKeyId,
    AWS_SECRET_ACCESS_KEY: e.secretAccessKey,
    AWS_ENDPOINT_URL_RDS: e.rdsUrl,
    AWS_ENDPOINT_URL_S3: e.s3Url,
    AWS_ENDPOINT_URL_IAM: e.iamUrl,
    AWS_ENDPOINT_URL_KMS: e.kmsUrl,
    'INPUT_SOURCE-HOST': e.source.host,
    'INPUT_SOURCE-PORT': String(e.source.port),
    'INPUT_SOURCE-USER': e.source.user,
    'INPUT_SOURCE-PASSWORD': e.source.password,
    'INPUT_TARGET-HOST': e.target.host,
    'INPUT_TARGET-PORT': String(e.target.port),
    'INPUT_TARGET-USER': e.target.user,
    'INPUT_TARGET-PASSWORD': e.target.password,
    'INPUT_TARGET-STATUS-PORT': String(e.target.statusPort),
    'INPUT_PD-ADDR': e.pdAddr,
    'INPUT_AWS-REGION': e.region,
    'INPUT_CLUSTER-IDENTIFIER': e.clusterIdentifier,
    'INPUT_EXPORT-ROLE-ARN': e.exportRoleArn,
    'INPUT_KMS-KEY-ID': e.kmsKeyId,
    'INPUT_S3-URI': e.s3Uri,
    'INPUT_S3-ENDPOINT': e.s3Url,
    INPUT_FILTER: e.filter.join('\n'),
    'INPUT_DM-MASTER-ADDR': e.dmMasterAddr,
    'INPUT_TIUP-VERSION': 'auto',
    'INPUT_TIUP-MIRROR': e.tiupMirror,
    'INPUT_TIDB-VERSION': e.tidbVersion
  }
  const runner = runnerPaths(e.dir)
  for (const key of RUNNER_KEYS) if (!caller[key]) env[key] = runner[key]
  return env
}

/** Characters that need no quotes in any dotenv parser (dotenv, Node's parseEnv, shells). */
const PLAIN = /^[A-Za-z0-9_.,:/@%+=-]*$/

/**
 * One `KEY=value` line that dotenv (used by @github/local-action) and Node's `util.parseEnv` read back exactly:
 * plain when safe; else double quotes with `\n` escapes (both parsers expand them, neither unescapes `\"` or
 * `\\`); else single quotes; else backticks.
 */
export function dotenvLine(key: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key))
    throw new Error(`cannot write ${key} as a dotenv key`)
  if (PLAIN.test(value)) return `${key}=${value}`
  if (!/["\\\r]/.test(value)) return `${key}="${value.replace(/\n/g, '\\n')}"`
  if (!/['\r]/.test(value)) return `${key}='${value}'`
  if (!/[`\r]/.test(value)) return `${key}=\`${value}\``
  throw new Error(
    `cannot write the value of ${key} as a dotenv value (it mixes every quote character)`
  )
}

/** Dotenv text of an environment, one line per key, in the record's order. */
export function formatDotenv(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([k, v]) => `${dotenvLine(k, v)}\n`)
    .join('')
}
