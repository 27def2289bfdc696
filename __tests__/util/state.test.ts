import { lstatSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { loadState, saveState } from '../../src/util/state.js'
import {
  PRIVATE_DIR_PREFIX,
  recordedTempFiles,
  removeTempFiles,
  writeSecretFile
} from '../../src/util/temp-files.js'
import { stateFileToEnv, tempDir, withEnv } from '../helpers/env.js'
import { captureStdout } from '../helpers/stdout.js'

describe('state', () => {
  test('round-trips typed values from the main step to the post step', () => {
    const t = tempDir('state-')
    const file = path.join(t.dir, 'state')
    writeFileSync(file, '')
    const restore = withEnv({ GITHUB_STATE: file })
    try {
      saveState('summary-written', false)
      saveState('child-processes', [{ pid: 4242, command: 'tiup dumpling', startTime: '99' }])
      saveState('summary-written', true)
      saveState('running-phases', [
        { id: 'export', title: 'Export', startedAt: '2025-01-01T00:00:00Z' }
      ])
    } finally {
      restore()
    }
    const restorePost = withEnv(stateFileToEnv(readFileSync(file, 'utf8')))
    try {
      expect(loadState('summary-written')).toBe(true)
      expect(loadState('child-processes')).toEqual([
        { pid: 4242, command: 'tiup dumpling', startTime: '99' }
      ])
      expect(loadState('running-phases')?.[0]?.id).toBe('export')
      expect(loadState('temp-files')).toBeUndefined()
    } finally {
      restorePost()
      t.remove()
    }
  })

  test('writes nothing without GITHUB_STATE', () => {
    const restore = withEnv({ GITHUB_STATE: undefined })
    const { lines: writes, restore: stopCapture } = captureStdout()
    try {
      saveState('operation', 'migrate')
    } finally {
      stopCapture()
      restore()
    }
    expect(writes).toEqual([])
  })

  test.each([
    ['not JSON', 'STATE_temp-files', '{oops'],
    ['wrong shape', 'STATE_child-processes', '[{"pid":"12","command":"x"}]'],
    ['pid 1', 'STATE_child-processes', '[{"pid":1,"command":"init"}]'],
    ['wrong type', 'STATE_summary-written', '"yes"']
  ])('reads %s as undefined', (_, name, value) => {
    const restore = withEnv({ [name]: value })
    try {
      const key = name.slice('STATE_'.length) as 'temp-files'
      expect(loadState(key)).toBeUndefined()
    } finally {
      restore()
    }
  })
})

describe('temp files', () => {
  test('writes secrets 0600 in a private 0700 directory under RUNNER_TEMP and records them', async () => {
    const t = tempDir('runner-temp-')
    const stateFile = path.join(t.dir, 'state')
    writeFileSync(stateFile, '')
    const restore = withEnv({ RUNNER_TEMP: t.dir, GITHUB_STATE: stateFile })
    try {
      const file = await writeSecretFile('lightning.toml', 'password = "hunter2"\n')
      expect(path.dirname(path.dirname(file))).toBe(t.dir)
      expect(path.basename(path.dirname(file)).startsWith(PRIVATE_DIR_PREFIX)).toBe(true)
      expect(lstatSync(file).mode & 0o777).toBe(0o600)
      expect(lstatSync(path.dirname(file)).mode & 0o777).toBe(0o700)
      expect(readFileSync(file, 'utf8')).toBe('password = "hunter2"\n')
      expect(recordedTempFiles()).toContain(file)
      expect(readFileSync(stateFile, 'utf8')).toContain(JSON.stringify(file))

      await expect(writeSecretFile('lightning.toml', 'again')).rejects.toThrow(/EEXIST/)
      await expect(writeSecretFile('../escape.toml', 'x')).rejects.toThrow(
        "writeSecretFile needs a plain file name, got '../escape.toml'"
      )

      expect(await removeTempFiles([file])).toEqual([])
      expect(existsSync(file)).toBe(false)
      expect(existsSync(path.dirname(file))).toBe(false)
      expect(recordedTempFiles()).not.toContain(file)
    } finally {
      restore()
      t.remove()
    }
  })

  test('refuses to write through a symlink planted at the target name', async () => {
    const t = tempDir('runner-temp-')
    const restore = withEnv({ RUNNER_TEMP: t.dir, GITHUB_STATE: undefined })
    try {
      const first = await writeSecretFile('a.toml', 'x')
      const victim = path.join(t.dir, 'victim')
      writeFileSync(victim, 'untouched')
      symlinkSync(victim, path.join(path.dirname(first), 'b.toml'))
      await expect(writeSecretFile('b.toml', 'secret')).rejects.toThrow(/EEXIST|ELOOP/)
      expect(readFileSync(victim, 'utf8')).toBe('untouched')
      await removeTempFiles([first, path.join(path.dirname(first), 'b.toml')])
    } finally {
      restore()
      t.remove()
    }
  })

  test('removal leaves files outside its private directories alone and ignores files already gone', async () => {
    const t = tempDir('runner-temp-')
    try {
      const outside = path.join(t.dir, 'keep.txt')
      writeFileSync(outside, 'keep')
      const gone = path.join(t.dir, `${PRIVATE_DIR_PREFIX}x`, 'gone.toml')
      const problems = await removeTempFiles([outside, gone])
      expect(problems).toEqual([`${outside}: not in a directory this action created; left alone`])
      expect(readFileSync(outside, 'utf8')).toBe('keep')
    } finally {
      t.remove()
    }
  })
})
