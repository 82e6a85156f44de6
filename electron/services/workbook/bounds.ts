/**
 * The bounds of the exchange workbook (../shared/domain/IMPORT-TEMPLATE.md, "Bounds"),
 * checked BEFORE exceljs reads the file: exceljs builds every row and cell in memory, so
 * an 8 MB file with 1,000,000 rows under the right headers used to fill a 4 GB heap and
 * kill the app's main process.
 *
 * An .xlsx is a zip of XML parts. This module reads the zip's directory itself, then
 * inflates each part as a stream, counting bytes (a "zip bomb" part is cut off at its cap)
 * and, in the worksheets, the rows that hold a value. It stops at the first bound crossed,
 * so a million-row file is refused after reading about 50,000 of its rows, with memory
 * in the tens of megabytes.
 */
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import type { ImportIssue } from '../../../shared/api/workbook'
import { makeIssue } from './issues'

export const WORKBOOK_BOUNDS = {
  /** The file as picked. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Rows with a value in all sheets together, header rows not counted. */
  maxDataRows: 50_000,
  /** Parts in the zip: a real workbook has a few dozen. */
  maxEntries: 5_000,
  /** One worksheet's XML once inflated (a full 50,000-row sheet is about 30 MB). */
  maxSheetBytes: 256 * 1024 * 1024,
  /** Any other part once inflated (shared strings, styles, pictures). */
  maxPartBytes: 64 * 1024 * 1024,
  /** Everything once inflated. */
  maxTotalBytes: 512 * 1024 * 1024,
  /** Errors listed for the clerk; the rest are counted ("và N lỗi khác"). */
  maxListedErrors: 200
} as const

/** 1234567 → "1.234.567". */
function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/** Bytes as the clerk reads them: "34,8 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`
}

export const NOT_XLSX_MESSAGE =
  'Không đọc được tệp: đây không phải tệp Excel .xlsx hợp lệ (tệp .xls cũ cần lưu lại dạng .xlsx).'

const TOO_BIG_ADVICE = 'Không có gì được nhập. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi nhập lần lượt.'

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  localHeaderOffset: number
}

class UnreadableZip extends Error {}

/** The zip's central directory (zip64 sizes included), or UnreadableZip. */
function readCentralDirectory(buffer: Buffer): ZipEntry[] {
  const minEnd = Math.max(0, buffer.length - 22 - 0xffff)
  let end = -1
  for (let i = buffer.length - 22; i >= minEnd; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end === -1) throw new UnreadableZip()
  let count = buffer.readUInt16LE(end + 10)
  let offset = buffer.readUInt32LE(end + 16)
  const locator = end - 20
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    locator >= 0 &&
    buffer.readUInt32LE(locator) === 0x07064b50
  ) {
    const zip64End = Number(buffer.readBigUInt64LE(locator + 8))
    if (zip64End + 56 > buffer.length || buffer.readUInt32LE(zip64End) !== 0x06064b50)
      throw new UnreadableZip()
    count = Number(buffer.readBigUInt64LE(zip64End + 32))
    offset = Number(buffer.readBigUInt64LE(zip64End + 48))
  }
  if (count > WORKBOOK_BOUNDS.maxEntries) throw new TooManyParts(count)
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw new UnreadableZip()
    const method = buffer.readUInt16LE(at + 10)
    let compressedSize = buffer.readUInt32LE(at + 20)
    const uncompressed32 = buffer.readUInt32LE(at + 24)
    const nameLength = buffer.readUInt16LE(at + 28)
    const extraLength = buffer.readUInt16LE(at + 30)
    const commentLength = buffer.readUInt16LE(at + 32)
    let localHeaderOffset = buffer.readUInt32LE(at + 42)
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength)
    // Zip64: the sizes and offset set to 0xFFFFFFFF are in the extra field, in this order.
    let extra = at + 46 + nameLength
    const extraEnd = extra + extraLength
    while (extra + 4 <= extraEnd) {
      const id = buffer.readUInt16LE(extra)
      const size = buffer.readUInt16LE(extra + 2)
      if (id === 0x0001) {
        let field = extra + 4
        if (uncompressed32 === 0xffffffff) field += 8
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(buffer.readBigUInt64LE(field))
          field += 8
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(buffer.readBigUInt64LE(field))
      }
      extra += 4 + size
    }
    entries.push({ name, method, compressedSize, localHeaderOffset })
    at = extraEnd + commentLength
  }
  return entries
}

class TooManyParts extends Error {
  constructor(readonly count: number) {
    super('too many parts')
  }
}

/** The compressed bytes of one entry (located through its local header). */
function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) throw new UnreadableZip()
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28)
  const stop = start + entry.compressedSize
  if (stop > buffer.length) throw new UnreadableZip()
  return buffer.subarray(start, stop)
}

/** The inflated bytes of one entry, chunk by chunk; return false from `onChunk` to stop early. */
async function inflateEntry(
  data: Buffer,
  method: number,
  onChunk: (chunk: Buffer) => boolean
): Promise<void> {
  if (method === 0) {
    for (let i = 0; i < data.length; i += 1 << 16) {
      if (!onChunk(data.subarray(i, i + (1 << 16)))) return
    }
    return
  }
  if (method !== 8) throw new UnreadableZip()
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += 1 << 16) yield data.subarray(i, i + (1 << 16))
    })()
  )
  const inflater = createInflateRaw()
  source.pipe(inflater)
  try {
    for await (const chunk of inflater) {
      if (!onChunk(chunk as Buffer)) break
    }
  } catch {
    throw new UnreadableZip()
  } finally {
    source.destroy()
    inflater.destroy()
  }
}

/**
 * Counts the rows of a worksheet's XML that hold a value (<v>, <is> or <f> inside <row>),
 * fed in chunks of any size. Tags are ASCII, so the bytes are read as latin1 and a chunk
 * boundary inside a multi-byte letter changes nothing; a tag cut by a boundary is carried.
 */
export class RowCounter {
  rows = 0
  private carry = ''
  private inRow = false
  private rowHasValue = false
  private static readonly TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|v|is|f)(?=[\s/>])([^>]*)>/g

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1')
    const tag = RowCounter.TAG
    tag.lastIndex = 0
    let consumed = 0
    for (let match = tag.exec(text); match !== null; match = tag.exec(text)) {
      consumed = tag.lastIndex
      const closing = match[1] === '/'
      const name = match[2]
      if (name === 'row') {
        if (closing) {
          if (this.inRow && this.rowHasValue) this.rows += 1
          this.inRow = false
        } else if (!(match[3] ?? '').trimEnd().endsWith('/')) {
          this.inRow = true
          this.rowHasValue = false
        }
      } else if (!closing && this.inRow) {
        this.rowHasValue = true
      }
    }
    const open = text.lastIndexOf('<')
    this.carry =
      open >= consumed && text.indexOf('>', open) === -1 && text.length - open < 4096 ? text.slice(open) : ''
  }
}

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name)

/**
 * Null when the file is within bounds, else the Vietnamese sentence that refuses it, naming
 * the limit (or saying it is not an .xlsx: what this cannot read, exceljs cannot either).
 */
export async function checkWorkbookBounds(buffer: Buffer): Promise<string | null> {
  const bounds = WORKBOOK_BOUNDS
  if (buffer.length > bounds.maxFileBytes) {
    return (
      `Tệp quá lớn (${formatMegabytes(buffer.length)}): Sổ đi cơ sở nhận tệp đến ${formatMegabytes(bounds.maxFileBytes).replace(',0', '')}. ` +
      TOO_BIG_ADVICE
    )
  }
  let entries: ZipEntry[]
  try {
    entries = readCentralDirectory(buffer)
  } catch (error) {
    if (error instanceof TooManyParts) {
      return `Tệp có ${groupDigits(error.count)} phần bên trong, quá nhiều với một sổ Excel (tối đa ${groupDigits(bounds.maxEntries)}): tệp bị hỏng hoặc không phải sổ Excel thông thường. Không có gì được nhập.`
    }
    return NOT_XLSX_MESSAGE
  }

  let total = 0
  let dataRows = 0
  // Worksheets last: the other parts' caps are cheap to check, the rows are what counts.
  const ordered = [
    ...entries.filter((e) => !isWorksheet(e.name)),
    ...entries.filter((e) => isWorksheet(e.name))
  ]
  try {
    for (const entry of ordered) {
      if (entry.name.endsWith('/')) continue
      const sheet = isWorksheet(entry.name)
      const cap = sheet ? bounds.maxSheetBytes : bounds.maxPartBytes
      const counter = sheet ? new RowCounter() : null
      let size = 0
      let problem: string | null = null
      await inflateEntry(entryData(buffer, entry), entry.method, (chunk) => {
        size += chunk.length
        total += chunk.length
        if (size > cap || total > bounds.maxTotalBytes) {
          problem =
            `Tệp khi giải nén lớn bất thường (phần "${entry.name}" vượt ${formatMegabytes(Math.min(cap, bounds.maxTotalBytes)).replace(',0', '')}): ` +
            'tệp bị hỏng hoặc không phải sổ Excel thông thường. Không có gì được nhập.'
          return false
        }
        if (counter) {
          counter.push(chunk)
          // The header row of each sheet is not data.
          if (dataRows + Math.max(0, counter.rows - 1) > bounds.maxDataRows) {
            problem =
              `Tệp có hơn ${groupDigits(bounds.maxDataRows)} dòng dữ liệu: Sổ đi cơ sở nhận tối đa ${groupDigits(bounds.maxDataRows)} dòng ` +
              `(tính tất cả các trang) trong một lần nhập. ${TOO_BIG_ADVICE}`
            return false
          }
        }
        return true
      })
      if (problem !== null) return problem
      if (counter) dataRows += Math.max(0, counter.rows - 1)
    }
  } catch (error) {
    if (error instanceof UnreadableZip) return NOT_XLSX_MESSAGE
    throw error
  }
  return null
}

/**
 * Errors kept while reading, per sheet: enough to show the first `maxListedErrors` in the
 * clerk's order (sheet, row, column) whatever order the sheets come in; the rest are only
 * counted, so a file with an error on each of 50,000 rows does not hold 50,000 sentences.
 */
export class BoundedIssues {
  readonly kept: ImportIssue[] = []
  dropped = 0
  private readonly perSheet = new Map<string, number>()

  push(issue: ImportIssue): void {
    const n = this.perSheet.get(issue.sheet) ?? 0
    if (n >= WORKBOOK_BOUNDS.maxListedErrors) {
      this.dropped += 1
      return
    }
    this.perSheet.set(issue.sheet, n + 1)
    this.kept.push(issue)
  }
}

/**
 * The first `maxListedErrors` errors (already in the clerk's order), then one line
 * "và N lỗi khác" counting those cut here and those never kept (`dropped`).
 */
export function capIssues(sorted: ImportIssue[], dropped = 0): ImportIssue[] {
  const max = WORKBOOK_BOUNDS.maxListedErrors
  const more = Math.max(0, sorted.length - max) + dropped
  if (more === 0) return sorted
  return [...sorted.slice(0, max), makeIssue('', null, null, `và ${groupDigits(more)} lỗi khác.`)]
}
