import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
async function main() {
  const zip = await JSZip.loadAsync(readFileSync('/tmp/rd/bao-cao-nam-2025.docx'))
  const xml = await zip.file('word/document.xml')!.async('string')
  for (const m of xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)) console.log([...m[1]!.matchAll(/w:w="(\d+)"/g)].map(x => x[1]).join(' '))
  console.log(xml.length)
}
main()
