import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx'
const R = 2200, C = 13
const text = (r: number, c: number) => c === 1 ? `Nguyễn Văn Tên ${r}` : String((r * 7 + c) % 97) + ',5'
async function time(name: string, cell: (r: number, c: number) => TableCell, n = 5) {
  const ts: number[] = []
  for (let k = 0; k < n; k++) {
    const t = performance.now()
    const doc = new Document({ sections: [{ children: [new Table({ columnWidths: Array(C).fill(1000), rows: Array.from({ length: R }, (_, r) => new TableRow({ cantSplit: true, children: Array.from({ length: C }, (_, c) => cell(r, c)) })) })] }] })
    await Packer.toBuffer(doc)
    ts.push(performance.now() - t)
  }
  ts.sort((a, b) => a - b)
  console.log(name, ts.map(x => x.toFixed(0)).join(' '), 'median', ts[2]!.toFixed(0))
}
async function main() {
  for (let round = 0; round < 2; round++) {
  await time('A plain', (r, c) => new TableCell({ children: [new Paragraph(text(r, c))] }))
  await time('B full', (r, c) => new TableCell({ width: { size: 1000, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, children: [new Paragraph({ style: c === 1 ? 'L' : 'C', children: [new TextRun({ text: text(r, c) })] })] }))
  await time('C tcW+pStyle', (r, c) => new TableCell({ width: { size: 1000, type: WidthType.DXA }, children: [new Paragraph({ style: c === 1 ? 'L' : 'C', children: [new TextRun({ text: text(r, c) })] })] }))
  await time('D tcW', (r, c) => new TableCell({ width: { size: 1000, type: WidthType.DXA }, children: [new Paragraph({ ...(c === 1 ? { style: 'L' } : {}), children: [new TextRun({ text: text(r, c) })] })] }))
  await time('E pStyle', (r, c) => new TableCell({ children: [new Paragraph({ ...(c === 1 ? { style: 'L' } : {}), children: [new TextRun({ text: text(r, c) })] })] }))
  }
}
main()
