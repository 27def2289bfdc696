/**
 * Pure parsers for the action's inputs. Each takes the input's name and its raw (trimmed, non-empty) value and
 * returns the typed value or throws an {@link InputError} that names the input, says what it accepts and shows what
 * it got. No parser reads the environment: `readInputs()` does, and decides what an empty value means.
 */
import { isIPv4, isIPv6 } from 'node:net'
import { InputError } from './input-error.js'
import { parseGoDuration } from '../util/go-duration.js'

/** Longest value echoed back in an error message. */
const SHOWN = 80

/** The value as shown in messages: quoted, control characters escaped, long values cut. */
export function show(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1).replaceAll("'", "\\'")
  return `'${escaped.length > SHOWN ? `${escaped.slice(0, SHOWN)}…` : escaped}'`
}

/** Throws the standard "Input 'x' must be …; got '…'." error. */
export function reject(name: string, expectation: string, value: string, hint?: string): never {
  throw new InputError(
    `Input '${name}' must be ${expectation}; got ${show(value)}${hint ? ` (${hint})` : ''}.`
  )
}

/** `reject` bound to one input and value: call it with an optional hint. */
export function rejecter(
  name: string,
  expectation: string,
  value: string
): (hint?: string) => never {
  return (hint) => reject(name, expectation, value, hint)
}

/** A whole number in [min, max]. `what` describes the unit, e.g. "TCP port" or "minutes". */
export function parseInteger(
  name: string,
  value: string,
  min: number,
  max: number,
  what = 'a whole number'
): number {
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max)
    reject(name, `${what} from ${min} to ${max}`, value)
  return n
}

/** A TCP port, 1 to 65535. */
export function parsePort(name: string, value: string): number {
  return parseInteger(name, value, 1, 65535, 'a TCP port')
}

/** The longest a job can run on a self-hosted runner (5 days), the cap of every timeout. */
export const MAX_TIMEOUT_MINUTES = 7200

/** A duration given in whole minutes (1 to 7200), returned in milliseconds. */
export function parseMinutes(name: string, value: string): number {
  return parseInteger(name, value, 1, MAX_TIMEOUT_MINUTES, 'a whole number of minutes') * 60_000
}

/** A duration given in whole seconds (0 to max), returned in seconds. */
export function parseSeconds(name: string, value: string, max: number): number {
  return parseInteger(name, value, 0, max, 'a whole number of seconds')
}

/**
 * A non-negative duration in Go's time.ParseDuration format (`60s`, `1m30s`, `1.5h`), as a tool written in Go reads
 * it; returned as written so the tool reads exactly what the user gave.
 */
export function parseDuration(name: string, value: string): string {
  const seconds = parseGoDuration(value)
  if (seconds === undefined || seconds < 0) {
    reject(
      name,
      "a duration in Go's format such as 60s, 5m or 1h30m (units ns, us, ms, s, m, h)",
      value,
      seconds === undefined ? undefined : 'it cannot be negative'
    )
  }
  return value
}

/** One of the allowed words, exactly (case matters: `Migrate` is refused with the right spelling suggested). */
export function parseEnum<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value)
  if (found !== undefined) return found
  const near = allowed.find((a) => a === value.toLowerCase())
  return reject(
    name,
    `one of ${allowed.join(', ')}`,
    value,
    near ? `did you mean '${near}'?` : undefined
  )
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them, with a default for an empty value. */
export function parseBoolean(name: string, value: string, defaultValue: boolean): boolean {
  if (value === '') return defaultValue
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  return reject(name, 'true or false', value)
}

const HOST_LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/

/**
 * A host name, IPv4 address or bracketed IPv6 address, without scheme or port. Returns IPv6 without brackets (as
 * MySQL clients and tools take it); use {@link formatHostPort} to write `host:port`.
 * @param portInput the input that holds the port, named in the hint when a port is appended
 */
export function parseHost(name: string, value: string, portInput?: string): string {
  const what =
    'a host name or IP address without scheme or port (bracket IPv6 addresses: [2001:db8::1])'
  const fail = rejecter(name, what, value)
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value)
  if (scheme) return fail(`remove '${scheme[0]}'`)
  const bracketed = /^\[([^\]]*)\](.*)$/.exec(value)
  if (bracketed) {
    if (!isIPv6(bracketed[1] ?? '')) return fail('not a valid IPv6 address')
    if (bracketed[2] !== '') return fail(portHint(portInput))
    return bracketed[1] ?? ''
  }
  if (isIPv6(value)) return fail(`write it as [${value}]`)
  if (/^[^:]+:[0-9]*$/.test(value)) return fail(portHint(portInput))
  if (/^[0-9.]+$/.test(value)) {
    if (!isIPv4(value)) fail('not a valid IPv4 address')
    return value
  }
  const labels = value.replace(/\.$/, '').split('.')
  if (value.length > 253 || !labels.every((l) => HOST_LABEL.test(l))) return fail()
  return value
}

function portHint(portInput: string | undefined): string {
  return portInput ? `put the port in '${portInput}'` : 'no port here'
}

/** `host:port`, bracketing an IPv6 host. */
export function formatHostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`
}

/** A comma-separated list of `host:port` addresses (PD, DM-master). Returns the list normalized (no spaces). */
export function parseAddressList(name: string, value: string): string {
  const what = 'host:port, or several separated by commas (bracket IPv6 hosts: [2001:db8::1]:2379)'
  const fail = rejecter(name, what, value)
  const parts = value.split(',').map((p) => p.trim())
  const out = parts.map((part) => {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(part)) return fail(`no scheme: '${part}'`)
    const m = /^(\[[^\]]*\]|[^:[\]]+):([0-9]+)$/.exec(part)
    if (!m) return fail(part === '' ? 'empty address' : `'${part}' has no port`)
    let host: string
    try {
      host = parseHost(name, m[1] ?? '')
    } catch {
      return fail(`'${m[1] ?? ''}' is not a host name or IP address`)
    }
    const port = Number(m[2])
    if (port < 1 || port > 65535) return fail(`port ${m[2] ?? ''} is out of range`)
    return formatHostPort(host, port)
  })
  return out.join(',')
}

/** An `http://` or `https://` URL without credentials, query or fragment; returned without a trailing slash. */
export function parseHttpUrl(name: string, value: string): string {
  const what = 'an http:// or https:// URL'
  const fail = rejecter(name, what, value)
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
    return fail('the scheme is missing; tools reject an endpoint without one')
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return fail('not a valid URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail()
  if (url.username || url.password) return fail('no credentials in the URL')
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    return fail('no query or fragment')
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

/** `tiup-mirror`: an http(s) URL or a local mirror directory. */
export function parseMirror(name: string, value: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) && !/^https?:\/\//i.test(value)) {
    return reject(name, 'an http:// or https:// URL or a local directory', value)
  }
  return /^https?:\/\//i.test(value) ? parseHttpUrl(name, value) : value
}

/** A TiDB release (`v8.5.2`, `v8.5.0-alpha`) or `nightly`. */
export function parseTidbVersion(name: string, value: string): string {
  if (/^v[0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?$/.test(value) || value === 'nightly')
    return value
  const hint = /^[0-9]+\.[0-9]+\.[0-9]+/.test(value) ? `write v${value}` : undefined
  return reject(name, 'a TiDB version such as v8.5.2', value, hint)
}

/** `auto`, `latest`, or a TiUP version (`1.16.1` or `v1.16.1`, returned without the `v`). */
export function parseTiupVersion(name: string, value: string): string {
  if (value === 'auto' || value === 'latest') return value
  const m = /^v?([0-9]+\.[0-9]+\.[0-9]+(?:-[0-9A-Za-z.-]+)?)$/.exec(value)
  return m?.[1] ?? reject(name, 'auto, latest or a TiUP version such as 1.16.1', value)
}

/** A DM source ID: at most 32 characters (DM's `MaxSourceIDLength`), no spaces or control characters. */
export function parseDmSourceId(name: string, value: string): string {
  if (value.length <= 32 && /^[\x21-\x7e]+$/.test(value)) return value
  return reject(name, 'a DM source ID of at most 32 characters without spaces', value)
}

/** A DM task name: letters, digits, `_`, `-`, `.`, starting with a letter or digit, at most 64 characters. */
export function parseDmTaskName(name: string, value: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value)) return value
  return reject(
    name,
    "a DM task name (letters, digits, '_', '-' or '.', at most 64 characters)",
    value
  )
}

/** A run key: lowercase letters, digits, single hyphens, starting with a letter, at most 40 characters. */
export function parseRunKey(name: string, value: string): string {
  if (/^[a-z](?:[a-z0-9]|-(?!-)){0,39}$/.test(value) && !value.endsWith('-')) return value
  return reject(
    name,
    'lowercase letters, digits and single hyphens, starting with a letter, at most 40 characters',
    value
  )
}

/** A MySQL/TiDB user name: at most 32 characters, no control characters. */
export function parseUserName(name: string, value: string): string {
  if (value.length <= 32 && !/\p{Cc}/u.test(value)) return value
  return reject(name, 'a MySQL user name of at most 32 characters', value)
}

/** A file system path without control characters. */
export function parsePath(name: string, value: string): string {
  if (!/\p{Cc}/u.test(value)) return value
  return reject(name, 'a directory path', value)
}
