import {
  QueryParams,
  paginate,
  renderError,
  renderResult,
  toXml
} from '../../../sandbox/aws/rds-protocol.js'
import {
  checkIdentifier,
  isValidIdentifier,
  kmsKeyMatcher,
  parseExportOnly,
  parseRdsArn,
  selectedBy
} from '../../../sandbox/aws/rds-validation.js'
import fc from 'fast-check'

describe('Query protocol', () => {
  test('reads scalars, member lists and filters the way the SDK serialises them', () => {
    const p = new QueryParams(
      'Action=StartExportTask&Version=2014-10-31&ExportOnly.member.1=shop&ExportOnly.member.2=crm.t%201' +
        '&Filters.Filter.1.Name=status&Filters.Filter.1.Values.Value.1=complete&Filters.Filter.1.Values.Value.2=failed' +
        '&Filters.Filter.2.Name=s3-bucket&MaxRecords=20'
    )
    expect(p.action).toBe('StartExportTask')
    expect(p.list('ExportOnly')).toEqual(['shop', 'crm.t 1'])
    expect(p.filters()).toEqual([
      { name: 'status', values: ['complete', 'failed'] },
      { name: 's3-bucket', values: [] }
    ])
    expect(p.int('MaxRecords')).toBe(20)
    expect(p.get('Missing')).toBeUndefined()
  })

  test('renders lists with the model member names, escapes text, leaves out unset fields', () => {
    expect(toXml('ExportTasks', [{ ExportTaskIdentifier: 'a&b', FailureCause: undefined }])).toBe(
      '<ExportTasks><ExportTask><ExportTaskIdentifier>a&amp;b</ExportTaskIdentifier></ExportTask></ExportTasks>'
    )
    expect(toXml('ExportOnly', ['x'])).toBe('<ExportOnly><member>x</member></ExportOnly>')
    expect(toXml('When', new Date(Date.UTC(2020, 0, 1)))).toBe(
      '<When>2020-01-01T00:00:00.000Z</When>'
    )
    expect(renderResult('DescribeEvents', { Events: [] }, 'rid')).toContain(
      '<DescribeEventsResult><Events></Events></DescribeEventsResult>'
    )
    const err = renderError('Throttling', 'Rate exceeded', 400, 'rid')
    expect(err).toContain(
      '<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>'
    )
    expect(renderError('InternalFailure', 'x', 500)).toContain('<Type>Receiver</Type>')
  })

  test('pagination: MaxRecords 20–100 and opaque markers that walk the whole list', () => {
    const items = Array.from({ length: 45 }, (_, i) => i)
    const seen: number[] = []
    let marker: string | undefined
    do {
      const page = paginate(
        items,
        new QueryParams(`MaxRecords=20${marker ? `&Marker=${marker}` : ''}`)
      )
      seen.push(...page.items)
      marker = page.marker
    } while (marker)
    expect(seen).toEqual(items)
    expect(paginate(items, new QueryParams('')).items).toHaveLength(45)
    expect(() => paginate(items, new QueryParams('MaxRecords=19'))).toThrow(/MaxRecords/)
    expect(() => paginate(items, new QueryParams('MaxRecords=101'))).toThrow(/MaxRecords/)
    expect(() => paginate(items, new QueryParams('Marker=bogus'))).toThrow(/marker/)
  })
})

describe('validation', () => {
  test('identifiers: a letter first, letters/digits/hyphens, no "--", no trailing hyphen, ≤ 63', () => {
    for (const ok of ['a', 'Snap-1', 'a1-b2-c3', 'x'.repeat(63)])
      expect(isValidIdentifier(ok)).toBe(true)
    for (const bad of ['', '1a', '-a', 'a-', 'a--b', 'a_b', 'a.b', 'a b', 'x'.repeat(64)])
      expect(isValidIdentifier(bad)).toBe(false)
    expect(checkIdentifier('P', 'Snap-A')).toBe('snap-a')
    expect(() => checkIdentifier('P', 'a--b')).toThrow('The parameter P is not a valid identifier.')
  })

  test('any identifier built from the rule is accepted', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/)
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z]$/),
        fc.array(word, { maxLength: 5 }),
        (first, words) => {
          const id = [first + (words[0] ?? ''), ...words.slice(1)].join('-')
          return id.length > 63 || isValidIdentifier(id)
        }
      )
    )
  })

  test('RDS ARNs', () => {
    expect(
      parseRdsArn('arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:auto-2024')
    ).toEqual({
      region: 'us-east-1',
      account: '123456789012',
      resourceType: 'cluster-snapshot',
      name: 'rds:auto-2024'
    })
    for (const bad of ['snap', 'arn:aws:s3:::bucket', 'arn:aws:rds:us-east-1:123:cluster:c'])
      expect(parseRdsArn(bad)).toBeUndefined()
  })

  test('a KMS key is known by its ARN, id, alias and alias ARN', () => {
    const known = kmsKeyMatcher(
      ['arn:aws:kms:us-east-1:123456789012:key/k-1', 'alias/exp'],
      'us-east-1',
      '123456789012'
    )
    for (const ok of [
      'arn:aws:kms:us-east-1:123456789012:key/k-1',
      'k-1',
      'alias/exp',
      'arn:aws:kms:us-east-1:123456789012:alias/exp'
    ])
      expect(known(ok)).toBe(true)
    for (const bad of ['k-2', 'alias/other', 'exp', 'arn:aws:kms:us-east-1:123456789012:key/exp'])
      expect(known(bad)).toBe(false)
  })

  test('ExportOnly: databases and tables of A–Z, 0–9, $ and _ only', () => {
    const entries = parseExportOnly(['shop', 'crm.contacts', 'a$b.c_d'])
    expect(entries.map((e) => [e.db, e.table])).toEqual([
      ['shop', undefined],
      ['crm', 'contacts'],
      ['a$b', 'c_d']
    ])
    for (const bad of ['shop.Order-Items', 'my db', 'a.b.c', '', 'a.'])
      expect(() => parseExportOnly([bad])).toThrow(`The ExportOnly value ${bad} isn't valid`)
    expect(selectedBy(entries, 'shop', 'anything')).toBe(true)
    expect(selectedBy(entries, 'crm', 'contacts')).toBe(true)
    expect(selectedBy(entries, 'crm', 'events')).toBe(false)
    expect(selectedBy([], 'x', 'y')).toBe(true)
  })
})
