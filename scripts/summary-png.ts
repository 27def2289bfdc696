/**
 * `npm run docs:summaries`: renders job summaries to PNG with headless Chromium, as GitHub shows them — the summary
 * through the CommonMark/GFM renderer, in a page styled like GitHub's — for the docs and for a person to look at.
 *
 *   npm run docs:summaries                       the kinds the docs show, into docs/images/
 *   npm run docs:summaries -- --all --out=DIR    every kind (__tests__/report/summary-kinds.ts) into DIR
 *   npm run docs:summaries -- --file=summary.md  a real run's summary (e.g. the sandbox's GITHUB_STEP_SUMMARY)
 *
 * Chromium comes from the system (`apt-get install -y chromium`, or CHROMIUM=/path). It is driven over the DevTools
 * protocol on a pipe (`--remote-debugging-pipe`: JSON messages ended by a NUL byte, on file descriptors 3 and 4), so
 * the screenshot covers the whole page and nothing listens on a port.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { renderSummary } from '../src/report/summary.js'
import { repoRoot } from '../sandbox/lib/paths.js'
import { SUMMARY_KINDS } from '../__tests__/report/summary-kinds.js'
import { renderGfm } from './render-gfm.js'

/** The kinds the docs show. */
export const DOC_KINDS = ['migrate-succeeded', 'migrate-failed-data-import', 'plan-no-go', 'status']

/** Page width in CSS pixels: about GitHub's job summary pane. */
const WIDTH = 1012

/** A summary's HTML in a page with GitHub's look (system fonts, bordered tables, shaded <pre>). */
export function summaryPage(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;padding:24px;font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif,"Noto Color Emoji";color:#1f2328;background:#fff}
h2{font-size:1.5em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em;margin:0 0 16px}
h3{font-size:1.25em;margin:24px 0 16px}
p{margin:0 0 16px}
table{border-collapse:collapse;margin:0 0 16px;display:block;overflow:auto}
th,td{border:1px solid #d1d9e0;padding:6px 13px;vertical-align:top}
th{font-weight:600;text-align:left}
tr:nth-child(2n){background:#f6f8fa}
code{font:85% ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eff1f3;padding:.2em .4em;border-radius:6px}
pre{font:85% ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:16px;border-radius:6px;overflow:auto;white-space:pre}
details{margin:0 0 16px}summary{cursor:pointer}
sub{color:#59636e}a{color:#0969da}
</style></head><body>${html}</body></html>`
}

/** The launch flags for a headless Chromium that makes no network call of its own. */
export function chromiumArgs(profileDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-pipe',
    'about:blank'
  ]
}

/** A DevTools protocol client on Chromium's pipe. */
class Cdp {
  private nextId = 1
  private buffer = ''
  private readonly waiting = new Map<number, (m: Record<string, unknown>) => void>()
  private readonly events: ((m: Record<string, unknown>) => void)[] = []

  constructor(
    private readonly input: Writable,
    output: Readable
  ) {
    output.setEncoding('utf8')
    output.on('data', (chunk: string) => {
      this.buffer += chunk
      for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Record<string, unknown>
        this.buffer = this.buffer.slice(end + 1)
        const id = message['id']
        if (typeof id === 'number') this.waiting.get(id)?.(message)
        else for (const e of this.events) e(message)
      }
    })
  }

  /** Sends a command and waits for its answer; rejects with the protocol's error. */
  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string
  ): Promise<Record<string, unknown>> {
    const id = this.nextId++
    this.input.write(`${JSON.stringify({ id, method, params, sessionId })}\0`)
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (m) => {
        this.waiting.delete(id)
        if (m['error']) reject(new Error(`${method}: ${JSON.stringify(m['error'])}`))
        else resolve((m['result'] ?? {}) as Record<string, unknown>)
      })
    })
  }

  /** Resolves on the first event of that name. */
  once(method: string): Promise<void> {
    return new Promise((resolve) => this.events.push((m) => m['method'] === method && resolve()))
  }
}

/** Opens Chromium and returns a function that screenshots one HTML file to PNG, and a close. */
async function openBrowser(): Promise<{
  shoot: (htmlFile: string, pngFile: string) => Promise<void>
  close: () => void
}> {
  const profile = mkdtempSync(path.join(tmpdir(), 'summary-png-'))
  const bin = process.env['CHROMIUM'] ?? 'chromium'
  const child: ChildProcess = spawn(bin, chromiumArgs(profile), {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe']
  })
  const failed = new Promise<never>((_, reject) =>
    child.on('error', (e) =>
      reject(new Error(`${bin} did not start (${e.message}): apt-get install -y chromium`))
    )
  )
  const cdp = new Cdp(child.stdio[3] as Writable, child.stdio[4] as Readable)
  const target = await Promise.race([
    cdp.send('Target.createTarget', { url: 'about:blank' }),
    failed
  ])
  const attached = await cdp.send('Target.attachToTarget', {
    targetId: target['targetId'],
    flatten: true
  })
  const session = String(attached['sessionId'])
  await cdp.send('Page.enable', {}, session)
  return {
    async shoot(htmlFile, pngFile) {
      await cdp.send(
        'Emulation.setDeviceMetricsOverride',
        { width: WIDTH, height: 600, deviceScaleFactor: 1, mobile: false },
        session
      )
      const loaded = cdp.once('Page.loadEventFired')
      await cdp.send('Page.navigate', { url: pathToFileURL(htmlFile).href }, session)
      await loaded
      const metrics = await cdp.send('Page.getLayoutMetrics', {}, session)
      const size = metrics['cssContentSize'] as { height: number }
      const shot = await cdp.send(
        'Page.captureScreenshot',
        {
          format: 'png',
          captureBeyondViewport: true,
          clip: { x: 0, y: 0, width: WIDTH, height: Math.ceil(size.height), scale: 1 }
        },
        session
      )
      writeFileSync(pngFile, Buffer.from(String(shot['data']), 'base64'))
    },
    close() {
      child.kill()
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

function option(name: string): string | undefined {
  const prefix = `--${name}=`
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length)
}

async function main(): Promise<void> {
  const out = path.resolve(option('out') ?? path.join(repoRoot(), 'docs', 'images'))
  mkdirSync(out, { recursive: true })
  const file = option('file')
  const pages: [string, string][] = file
    ? [[path.basename(file, path.extname(file)), readFileSync(file, 'utf8')]]
    : (process.argv.includes('--all') ? Object.keys(SUMMARY_KINDS) : DOC_KINDS).map((kind) => {
        const make = SUMMARY_KINDS[kind]
        if (make === undefined) throw new Error(`no summary kind ${kind}`)
        return [kind, renderSummary(make())]
      })
  const work = mkdtempSync(path.join(tmpdir(), 'summary-html-'))
  const browser = await openBrowser()
  try {
    for (const [name, markdown] of pages) {
      const html = path.join(work, `${name}.html`)
      writeFileSync(html, summaryPage(renderGfm(markdown)))
      const png = path.join(out, `summary-${name}.png`)
      await browser.shoot(html, png)
      process.stdout.write(`${path.relative(process.cwd(), png)}\n`)
    }
  } finally {
    browser.close()
    rmSync(work, { recursive: true, force: true })
  }
}

// Run only as a script, not when a test imports summaryPage or chromiumArgs.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
