/**
 * Writes an .xlsx by hand (a zip of XML parts, each deflated as a stream) so a test can make
 * a 1,000,000-row "Chuyến đi" sheet in seconds without holding it in memory, and so a test
 * can put in exactly what a hostile or foreign file holds (formulas without a stored result).
 */
import { createWriteStream } from 'node:fs'
import { crc32, createDeflateRaw } from 'node:zlib'

export const TRIP_HEADERS = [
  'Mã chuyến',
  'Từ ngày',
  'Buổi bắt đầu',
  'Đến ngày',
  'Buổi kết thúc',
  'Mã đơn vị',
  'Loại nội dung',
  'Nội dung',
  'Cán bộ tham gia',
  'Trạng thái'
]

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** One cell: inline text, a number, or a formula (with or without its cached result). */
export type RawCellValue = string | number | { formula: string; result?: string | number }

function columnLetters(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    letters = String.fromCharCode(65 + rem) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

export function rowXml(rowNumber: number, cells: RawCellValue[]): string {
  const parts = cells.map((value, i) => {
    const ref = `${columnLetters(i)}${rowNumber}`
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`
    if (typeof value === 'string')
      return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`
    const formula = `<f>${escapeXml(value.formula)}</f>`
    if (value.result === undefined) return `<c r="${ref}">${formula}</c>`
    if (typeof value.result === 'number') return `<c r="${ref}">${formula}<v>${value.result}</v></c>`
    return `<c r="${ref}" t="str">${formula}<v>${escapeXml(value.result)}</v></c>`
  })
  return `<row r="${rowNumber}">${parts.join('')}</row>`
}

export interface RawSheet {
  name: string
  /** Yields the sheet's XML rows in order (row 1 = the headers). */
  rows: () => Iterable<string>
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
const SHEET_TAIL = '</sheetData></worksheet>'

interface Entry {
  name: string
  crc: number
  compressed: number
  size: number
  offset: number
}

/** Writes the zip to `file`; each part is deflated as it is produced. */
export async function writeRawXlsx(
  file: string,
  sheets: RawSheet[],
  sharedStrings: string[] = []
): Promise<void> {
  const out = createWriteStream(file)
  let offset = 0
  const entries: Entry[] = []
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      offset += chunk.length
      out.write(chunk, (error) => (error ? reject(error) : resolve()))
    })

  async function addPart(name: string, chunks: Iterable<string>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8')
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(0x0808, 6) // data descriptor follows; UTF-8 names
    header.writeUInt16LE(8, 8) // deflate
    header.writeUInt16LE(nameBytes.length, 26)
    const start = offset
    await write(Buffer.concat([header, nameBytes]))
    let crc = 0
    let size = 0
    let compressed = 0
    const deflate = createDeflateRaw({ level: 6 })
    const done = new Promise<void>((resolve, reject) => {
      deflate.on('data', (data: Buffer) => {
        compressed += data.length
        offset += data.length
        out.write(data)
      })
      deflate.on('end', resolve)
      deflate.on('error', reject)
    })
    let batch: string[] = []
    let batchLength = 0
    const flush = async () => {
      if (batch.length === 0) return
      const data = Buffer.from(batch.join(''), 'utf8')
      batch = []
      batchLength = 0
      crc = crc32(data, crc)
      size += data.length
      if (!deflate.write(data)) await new Promise((resolve) => deflate.once('drain', resolve))
    }
    for (const chunk of chunks) {
      batch.push(chunk)
      batchLength += chunk.length
      if (batchLength > 1 << 20) await flush()
    }
    await flush()
    deflate.end()
    await done
    const descriptor = Buffer.alloc(16)
    descriptor.writeUInt32LE(0x08074b50, 0)
    descriptor.writeUInt32LE(crc >>> 0, 4)
    descriptor.writeUInt32LE(compressed, 8)
    descriptor.writeUInt32LE(size, 12)
    await write(descriptor)
    entries.push({ name, crc: crc >>> 0, compressed, size, offset: start })
  }

  const sheetList = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')
  const rels = sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    )
    .join('')
  const overrides = sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    )
    .join('')
  await addPart('[Content_Types].xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      (sharedStrings.length > 0
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : '') +
      `${overrides}</Types>`
  ])
  await addPart('_rels/.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
  ])
  await addPart('xl/workbook.xml', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetList}</sheets></workbook>`
  ])
  const stringsRel =
    sharedStrings.length > 0
      ? `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
      : ''
  await addPart('xl/_rels/workbook.xml.rels', [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `${rels}${stringsRel}</Relationships>`
  ])
  if (sharedStrings.length > 0) {
    await addPart('xl/sharedStrings.xml', [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">` +
        sharedStrings.map((t) => `<si><t>${escapeXml(t)}</t></si>`).join('') +
        '</sst>'
    ])
  }
  for (const [i, sheet] of sheets.entries()) {
    const rows = sheet.rows()
    await addPart(`xl/worksheets/sheet${i + 1}.xml`, {
      *[Symbol.iterator]() {
        yield SHEET_HEAD
        yield* rows
        yield SHEET_TAIL
      }
    })
  }

  const centralStart = offset
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, 'utf8')
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(20, 4)
    record.writeUInt16LE(20, 6)
    record.writeUInt16LE(0x0808, 8)
    record.writeUInt16LE(8, 10)
    record.writeUInt32LE(entry.crc, 16)
    record.writeUInt32LE(entry.compressed, 20)
    record.writeUInt32LE(entry.size, 24)
    record.writeUInt16LE(nameBytes.length, 28)
    record.writeUInt32LE(entry.offset, 42)
    await write(Buffer.concat([record, nameBytes]))
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(offset - centralStart, 12)
  end.writeUInt32LE(centralStart, 16)
  await write(end)
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve()))
  )
}

/** "Chuyến đi" rows 2.. : well-formed trips (the bound must refuse them for their number alone). */
export function* tripRows(count: number): Iterable<string> {
  yield rowXml(1, TRIP_HEADERS)
  for (let i = 0; i < count; i++) {
    const code = `TR${String(i + 1).padStart(7, '0')}`
    yield rowXml(i + 2, [
      code,
      '05/04/2025',
      'Sáng',
      '06/04/2025',
      'Chiều',
      'X01',
      'Hội nghị',
      'Làm việc',
      'CB01',
      'Đã báo cáo'
    ])
  }
}

/** The shared strings of compactTripRows: the headers. */
export const COMPACT_TRIP_STRINGS = [...TRIP_HEADERS]

/**
 * A million rows the way issue 13's 8.4 MB file had them: the right headers, then rows of a
 * code and a date (shared strings, numbers), so the zip stays under the 20 MB bound and only
 * the row count can refuse it.
 */
export function* compactTripRows(count: number): Iterable<string> {
  yield `<row r="1">${TRIP_HEADERS.map((_h, i) => `<c r="${columnLetters(i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`
  for (let i = 0; i < count; i++) {
    const r = i + 2
    yield `<row r="${r}"><c r="A${r}"><v>${i + 1}</v></c><c r="B${r}"><v>${45_750 + (i % 300)}</v></c></row>`
  }
}
