import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { tarGz, untarGz } from '../../../sandbox/tiup/tar.js'

describe('tar.gz writer and reader', () => {
  test('round-trips files, directories, modes and long names', () => {
    const long = `${'d'.repeat(80)}/${'f'.repeat(60)}`
    const archive = tarGz([
      { name: 'dmctl', type: 'dir' },
      { name: 'dmctl/dmctl', data: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
      { name: long, data: Buffer.from('x'.repeat(1000)) }
    ])
    const entries = untarGz(archive)
    expect(entries.map((e) => [e.name, e.type, e.mode])).toEqual([
      ['dmctl', 'dir', 0o755],
      ['dmctl/dmctl', 'file', 0o755],
      [long, 'file', 0o644]
    ])
    expect(entries[1]?.data?.toString()).toBe('#!/bin/sh\n')
    expect(entries[2]?.data?.length).toBe(1000)
  })

  test('system tar extracts what it writes (the action extracts with @actions/tool-cache)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tar-test-'))
    try {
      writeFileSync(
        path.join(dir, 'a.tar.gz'),
        tarGz([{ name: 'bin/tiup', data: Buffer.from('hello'), mode: 0o755 }])
      )
      execFileSync('tar', ['xzf', 'a.tar.gz'], { cwd: dir })
      expect(readFileSync(path.join(dir, 'bin/tiup'), 'utf8')).toBe('hello')
      expect(statSync(path.join(dir, 'bin/tiup')).mode & 0o777).toBe(0o755)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
