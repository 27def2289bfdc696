// How tiup hides secrets in its "Starting component" line (pingcap/tiup pkg/environment/history.go
// HideSensitiveInfo, observed behaviour reimplemented): a word that equals one of the flags below hides the next
// word; a word that merely starts with one (e.g. `-pSecret`, `--password=x`, and also `-pd-urls` — a real quirk)
// becomes `<flag>******`. URLs keep their shape but lose passwords and the values of sensitive query keys, and
// their query is re-encoded in Go's sorted `url.Values.Encode()` form.

const REDACT_FLAGS = [
  '-p',
  '-password',
  '--password',
  '-tidb-password',
  '--tidb-password',
  'encrypt'
]
const SENSITIVE_QUERY_KEYS = ['sasl-password', 'access-key', 'secret-access-key', 'session-token']
const MASK = '******'

/** Go's url.QueryEscape: unreserved bytes stay, space becomes `+`, everything else `%XX`. */
export function goQueryEscape(s: string): string {
  let out = ''
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte)
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c
    else if (c === ' ') out += '+'
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function queryUnescape(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

/** Redacts one URL the way tiup's filterURI does; anything that is not `scheme:...` comes back unchanged. */
export function filterUri(uri: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(uri)
  if (!m) return uri
  const scheme = m[1] ?? ''
  let rest = m[2] ?? ''
  let fragment = ''
  const hash = rest.indexOf('#')
  if (hash >= 0) {
    fragment = rest.slice(hash)
    rest = rest.slice(0, hash)
  }
  let query: string | undefined
  const q = rest.indexOf('?')
  if (q >= 0) {
    query = rest.slice(q + 1)
    rest = rest.slice(0, q)
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2)
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash)
    const at = authority.lastIndexOf('@')
    if (at >= 0) {
      const userinfo = authority.slice(0, at)
      const colon = userinfo.indexOf(':')
      const redacted = colon >= 0 ? `${userinfo.slice(0, colon)}:xxxxx` : userinfo
      rest = `//${redacted}@${authority.slice(at + 1)}${slash < 0 ? '' : rest.slice(slash)}`
    }
  }
  let encoded = ''
  if (query !== undefined) {
    const values = new Map<string, string[]>()
    for (const part of query.split('&')) {
      if (!part) continue
      const eq = part.indexOf('=')
      const key = queryUnescape(eq < 0 ? part : part.slice(0, eq))
      const value = eq < 0 ? '' : queryUnescape(part.slice(eq + 1))
      values.set(key, [...(values.get(key) ?? []), value])
    }
    for (const key of SENSITIVE_QUERY_KEYS) if (values.has(key)) values.set(key, [MASK])
    encoded = [...values.keys()]
      .sort()
      .flatMap((k) => (values.get(k) ?? []).map((v) => `${goQueryEscape(k)}=${goQueryEscape(v)}`))
      .join('&')
  }
  return `${scheme}:${rest}${encoded ? `?${encoded}` : ''}${fragment}`
}

/** Replaces passwords and other sensitive words of a command line with `******`, as tiup prints it. */
export function hideSensitiveInfo(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    const flag = REDACT_FLAGS.find(
      (f) => (arg.startsWith(f) && arg.length > f.length) || (arg === f && i + 1 < args.length)
    )
    if (flag === undefined) {
      out.push(
        arg.startsWith('--sink-uri=') ? `--sink-uri=${filterUri(arg.slice(11))}` : filterUri(arg)
      )
    } else if (arg === flag) {
      out.push(flag, MASK)
      i++
    } else {
      out.push(flag + MASK)
    }
  }
  return out
}
