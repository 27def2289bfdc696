// The `rds-throttle` fault: RDS answering `Throttling` / "Rate exceeded" (HTTP 400, the AWS Query error document),
// the code and message RDS returns in the wild (boto/boto3#860 "An error occurred (Throttling) when calling the
// DescribeDBInstances operation (reached max retries: 4): Rate exceeded"; the RDS user guide "Amazon RDS API
// throttling" page: bursts of 300 requests, then 12 per second).
//
// Value forms:
//   N                 the next N calls (any action) are throttled (N defaults to 3)
//   N:Action          the next N calls of that action, in a row
//   N:Action:K        bursts: K calls of that action answered, then N throttled in a row, again and again — e.g.
//                     `rds-throttle=6:DescribeExportTasks:2` during an export wait
// Setting the same value again re-arms it only once a call has seen the fault cleared in between.

/** A parsed `rds-throttle` value. */
export interface ThrottleRule {
  /** Throttled answers in a row. */
  readonly burst: number
  /** Only this action (undefined: every action). */
  readonly action: string | undefined
  /** Answered calls between bursts; undefined for a single burst. */
  readonly every: number | undefined
}

/** Parses a fault value; an unreadable number counts as 0 (no throttling), as the plain form always did. */
export function parseThrottle(value: string): ThrottleRule {
  const [n = '', action, k] = value.split(':')
  const int = (s: string | undefined): number => (s && /^\d+$/.test(s) ? Number(s) : 0)
  return {
    burst: n === '' ? 3 : int(n),
    action: action || undefined,
    every: k === undefined ? undefined : int(k)
  }
}

/**
 * A gate asked once per request: true when this call must be throttled. `read` gives the fault's value now
 * (undefined when it is off).
 */
export function throttleGate(read: () => string | undefined): (action: string) => boolean {
  let armedWith: string | undefined
  let rule: ThrottleRule = { burst: 0, action: undefined, every: undefined }
  let seen = 0
  return (action) => {
    const v = read()
    if (v === undefined) {
      armedWith = undefined
      return false
    }
    if (v !== armedWith) {
      armedWith = v
      rule = parseThrottle(v)
      seen = 0
    }
    if (rule.action !== undefined && rule.action !== action) return false
    const i = seen++
    if (rule.every === undefined) return i < rule.burst
    const cycle = rule.every + rule.burst
    return cycle > 0 && i % cycle >= rule.every
  }
}
