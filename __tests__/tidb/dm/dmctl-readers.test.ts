import { findCheckDetail } from '../../../src/tidb/dm/dmctl-check.js'
import { parseLooseJson } from '../../../src/tidb/dm/dmctl-loose-json.js'
import { formatTerror, parseTerror, withoutCheckDetail } from '../../../src/tidb/dm/dmctl-terror.js'
import { int, toInt } from '../../../src/tidb/dm/dmctl-values.js'

describe('parseLooseJson', () => {
  test('reads jsonpb with multi-line empty arrays and int64 strings', () => {
    const r = parseLooseJson(
      '{\n    "sources": [\n    ],\n    "totalEvents": "7388167961",\n    "ErrCode": 36027\n}'
    )
    expect(r.value).toEqual({ sources: [], totalEvents: '7388167961', ErrCode: 36027 })
    expect(r.repairs).toEqual([])
  })

  test('drops # and // comments, inserts missing commas, skips a bad literal', () => {
    const r = parseLooseJson('{ "a": 1 # one\n "b": [ "x"\n "y" ] // two\n "c": try, "d": null }')
    expect(r.value).toEqual({ a: 1, b: ['x', 'y'], d: null })
    expect(r.repairs).toEqual([
      'removed inline comments',
      'inserted missing commas',
      "dropped an unrecognised literal 'try'"
    ])
  })

  test('keeps raw newlines and tabs inside strings and decodes escapes', () => {
    const r = parseLooseJson('{"m": "a\n\tb \\u003c\\"q\\" \\x"}')
    expect(r.value).toEqual({ m: 'a\n\tb <"q" \\x' })
    expect(r.repairs).toEqual([
      'kept raw control characters in strings',
      'kept invalid escapes literally'
    ])
  })

  test('returns the part before a truncation and says it is incomplete', () => {
    const r = parseLooseJson('{"result": true, "sources": [{"source": "s1"}, {"sour')
    expect(r.value).toEqual({ result: true, sources: [{ source: 's1' }, {}] })
    expect(r.complete).toBe(false)
  })

  test('closes a container at a mismatched bracket instead of eating it', () => {
    // The stray bracket then ends the enclosing container too: what follows it is not guessed at.
    expect(parseLooseJson('[{"a": 1], 2]').value).toEqual([{ a: 1 }])
    expect(parseLooseJson('{"a": [1, 2}, "b": 3}').value).toEqual({ a: [1, 2] })
  })

  test('a __proto__ key is data, not a prototype', () => {
    const v = parseLooseJson('{"__proto__": {"polluted": true}}').value as Record<string, unknown>
    expect(Object.keys(v)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  test('nothing to read gives undefined without consuming', () => {
    expect(parseLooseJson('  )', 0)).toMatchObject({ value: undefined, end: 2 })
  })
})

describe('parseTerror', () => {
  test('splits all fields', () => {
    expect(
      parseTerror(
        'Error: [code=48001:class=dmctl:scope=internal:level=high], Message: can not create grpc connection, RawCause: context deadline exceeded, Workaround: Please check your network connection.'
      )
    ).toEqual({
      code: 48001,
      class: 'dmctl',
      scope: 'internal',
      level: 'high',
      message: 'can not create grpc connection',
      rawCause: 'context deadline exceeded',
      workaround: 'Please check your network connection.',
      text: '[code=48001:class=dmctl:scope=internal:level=high], Message: can not create grpc connection, RawCause: context deadline exceeded, Workaround: Please check your network connection.'
    })
  })

  test('tails are optional; a header alone is an error too', () => {
    expect(parseTerror('[code=11051:class=functional:scope=internal:level=high]')).toMatchObject({
      code: 11051,
      message: '',
      rawCause: '',
      workaround: ''
    })
    expect(
      parseTerror(
        '[code=44006:class=schema-tracker:scope=internal:level=high], Message: cannot track DDL: x, RawCause: [ddl:8200]Unsupported modify charset'
      )
    ).toMatchObject({
      message: 'cannot track DDL: x',
      rawCause: '[ddl:8200]Unsupported modify charset',
      workaround: ''
    })
  })

  test('the docs error table form `[code=…],"message"`', () => {
    expect(
      parseTerror(
        '[code=46001:class=scheduler:scope=internal:level=high],"the scheduler has not started"'
      )?.message
    ).toBe('the scheduler has not started')
  })

  test('a check-task detail is cut off the message, raw or escaped', () => {
    const head =
      '[code=26005:class=dm-master:scope=internal:level=medium], Message: fail to check synchronization configuration with type: check was failed, please see detail'
    for (const tail of [
      '\n    \tdetail: {\n"results": []}',
      '\\n detail: {\\n\\t\\t\\"results\\"',
      '\\\\n detail: {'
    ]) {
      const e = parseTerror(head + tail)
      expect(e?.message).toBe(
        'fail to check synchronization configuration with type: check was failed, please see detail'
      )
      expect(e?.text).toBe(head)
    }
    expect(withoutCheckDetail('no detail here')).toBe('no detail here')
  })

  test('no error in the text', () => {
    expect(parseTerror('check pass!!!')).toBeUndefined()
    expect(parseTerror('[code=abc:class=x:scope=y:level=z]')).toBeUndefined()
  })

  test('formatTerror gives one line', () => {
    const e = parseTerror(
      '[code=36069:class=sync-unit:scope=upstream:level=high], Message: get binlog event error, RawCause: ERROR 1236, Workaround: Check it.'
    )
    expect(e && formatTerror(e)).toBe(
      '[code=36069:class=sync-unit] get binlog event error (cause: ERROR 1236) Workaround: Check it.'
    )
  })
})

describe('findCheckDetail', () => {
  const detail =
    '{\n\t\t"results": [\n\t\t\t{"id": 1, "name": "n", "desc": "d", "state": "fail", "errors": [{"severity": "fail", "short_error": "a \\"b\\""}]}\n\t\t],\n\t\t"summary": {"passed": false, "total": 1, "successful": 0, "failed": 1, "warning": 0}\n\t}'

  test('raw splice: parsed, with the offsets to cut it out of the outer JSON', () => {
    const text = `{"msg": "x\n    \tdetail: ${detail}"}`
    const found = findCheckDetail(text)
    expect(found?.detail.results[0]?.errors[0]?.shortError).toBe('a "b"')
    expect(found?.detail.summary?.failed).toBe(1)
    expect(found?.detail.complete).toBe(true)
    expect(text.slice(0, found?.splice?.start) + text.slice(found?.splice?.end)).toBe(
      '{"msg": "x\n    \t"}'
    )
  })

  test('escaped once and twice (logs): decoded, no splice', () => {
    const once = JSON.stringify(`detail: ${detail}`).slice(1, -1)
    const twice = JSON.stringify(once).slice(1, -1)
    for (const text of [`[error="${once}"]`, `[error="${twice}"]`]) {
      const found = findCheckDetail(text)
      expect(found?.splice).toBeUndefined()
      expect(found?.detail.results[0]?.errors[0]?.shortError).toBe('a "b"')
    }
  })

  test('"detail": null of query-status is not a check detail', () => {
    expect(findCheckDetail('{"result": {"errors": [], "detail": null}}')).toBeUndefined()
    expect(findCheckDetail('see detail: {not json')).toBeUndefined()
  })
})

describe('int64 values', () => {
  test('jsonpb strings and numbers; beyond 2^53 is unknown rather than wrong', () => {
    expect(int({ a: '7388167961' }, 'a')).toBe(7388167961)
    expect(int({ a: 36008 }, 'a')).toBe(36008)
    expect(int({ a: '9007199254740993' }, 'a')).toBeUndefined()
    expect(toInt('12.5')).toBeUndefined()
    expect(toInt(undefined)).toBeUndefined()
  })
})
