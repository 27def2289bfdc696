// A minimal ustar writer and reader with gzip, enough for the tiup tarballs (a few small regular files and
// directories). Written by hand so the mirror and `tiup install` need no archive dependency; the archives it
// writes are ordinary `.tar.gz` files that `tar xzf` and @actions/tool-cache extract.
import { gunzipSync, gzipSync } from 'node:zlib'

/** One member of an archive. */
export interface TarEntry {
  /** Path inside the archive, `/`-separated, no leading slash; directories end without a slash. */
  readonly name: string
  /** File content; absent for a directory. */
  readonly data?: Buffer
  /** Permission bits (default 0o755 for directories and executables, 0o644 otherwise). */
  readonly mode?: number
  readonly type?: 'file' | 'dir'
}

const BLOCK = 512

function octal(buf: Buffer, offset: number, length: number, value: number): void {
  buf.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii')
}

function header(entry: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(BLOCK)
  const dir = entry.type === 'dir'
  let name = dir ? `${entry.name}/` : entry.name
  let prefix = ''
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', name.length - 2)
    prefix = name.slice(0, cut)
    name = name.slice(cut + 1)
  }
  h.write(name, 0, 100, 'utf8')
  octal(h, 100, 8, entry.mode ?? (dir ? 0o755 : 0o644))
  octal(h, 108, 8, 0)
  octal(h, 116, 8, 0)
  octal(h, 124, 12, size)
  octal(h, 136, 12, Math.floor(Date.now() / 1000))
  h.fill(0x20, 148, 156) // checksum is computed with its own field as spaces
  h.write(dir ? '5' : '0', 156, 1, 'ascii')
  h.write('ustar\0', 257, 6, 'ascii')
  h.write('00', 263, 2, 'ascii')
  h.write(prefix, 345, 155, 'utf8')
  let sum = 0
  for (const byte of h) sum += byte
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii')
  return h
}

/** Builds a gzip-compressed ustar archive. */
export function tarGz(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = []
  for (const e of entries) {
    const data = e.type === 'dir' ? Buffer.alloc(0) : (e.data ?? Buffer.alloc(0))
    parts.push(header(e, data.length), data)
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK
    if (pad) parts.push(Buffer.alloc(pad))
  }
  parts.push(Buffer.alloc(BLOCK * 2))
  return gzipSync(Buffer.concat(parts))
}

function field(buf: Buffer, offset: number, length: number): string {
  const raw = buf.subarray(offset, offset + length)
  const end = raw.indexOf(0)
  return raw.subarray(0, end < 0 ? length : end).toString('utf8')
}

/** Reads a gzip-compressed ustar archive (regular files and directories; other members are skipped). */
export function untarGz(archive: Buffer): TarEntry[] {
  const tar = gunzipSync(archive)
  const out: TarEntry[] = []
  let pos = 0
  while (pos + BLOCK <= tar.length) {
    const h = tar.subarray(pos, pos + BLOCK)
    if (h.every((b) => b === 0)) break
    const name = field(h, 0, 100)
    const prefix = field(h, 345, 155)
    const size = parseInt(field(h, 124, 12).trim() || '0', 8)
    const mode = parseInt(field(h, 100, 8).trim() || '0', 8)
    const flag = String.fromCharCode(h[156] ?? 0x30)
    const full = (prefix ? `${prefix}/${name}` : name).replace(/\/$/, '')
    pos += BLOCK
    if (flag === '5') out.push({ name: full, type: 'dir', mode })
    else if (flag === '0' || flag === '\0')
      out.push({ name: full, type: 'file', mode, data: Buffer.from(tar.subarray(pos, pos + size)) })
    pos += Math.ceil(size / BLOCK) * BLOCK
  }
  return out
}
