import { Document, ImportedXmlComponent, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { writeFileSync } from 'node:fs'
async function main() {
  const style = ImportedXmlComponent.fromXmlString(`<w:style w:type="table" w:styleId="BangSoLieu"><w:name w:val="Bang so lieu"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders></w:tblPr><w:trPr><w:cantSplit/></w:trPr><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>`)
  const doc = new Document({ styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } }, importedStyles: [style as never] }, sections: [{ children: [
    new Paragraph({ children: [new TextRun('Body 14pt')] }),
    new Table({ style: 'BangSoLieu', columnWidths: [3000, 3000], rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Center20pt'), new Paragraph('line2')] }), new TableCell({ children: [new Paragraph('Vmid')] })] })] }),
  ] }] })
  writeFileSync('/tmp/style-test.docx', await Packer.toBuffer(doc))
}
main()
