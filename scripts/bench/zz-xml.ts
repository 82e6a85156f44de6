import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
async function main() {
  const b = await Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('abc')] }), new TableCell({ children: [new Paragraph('12,5')] })] })] })] }] }))
  const x = await (await JSZip.loadAsync(b)).file('word/document.xml')!.async('string')
  console.log(x.slice(x.indexOf('<w:tbl>'), x.indexOf('</w:tbl>')))
  const y = await (await JSZip.loadAsync(readFileSync('/tmp/lg/year.docx'))).file('word/document.xml')!.async('string')
  const i = y.indexOf('<w:tr>', y.lastIndexOf('<w:tblGrid>'))
  console.log(y.slice(i, i + 3000))
}
main()
