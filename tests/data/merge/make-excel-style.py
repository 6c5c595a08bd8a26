#!/usr/bin/env python3
"""Writes excel-style.xlsx: a workbook laid out the way Excel writes one, made by hand with zipfile so that
the test data has what LibreOffice's export does not: a table that starts at B3 with an empty row inside,
shared strings with rich-text runs, inline strings, an employee number stored as a number with the format
00000, a Chinese custom date format, booleans, a formula's cached text, a hidden sheet, an empty one, one with a value under no column name; and bomb.xlsx, a zip bomb.

Run it from anywhere: python3 tests/data/merge/make-excel-style.py (it writes next to itself)."""
import datetime
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def serial(day):
    return (day - datetime.date(1899, 12, 30)).days


shared = [
    "<t>工号</t>",
    "<t>email</t>",
    "<t>00123</t>",
    '<r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">伟</t></r>'
    '<rPh sb="0" eb="1"><t>ZHANG</t></rPh>',
    "<t>zhang@example.com</t>",
    "<t>li@example.com</t>",
    "<t>入职日期</t>",
    "<t>说明在此</t>",
]
sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
       % (len(shared), len(shared)) + "".join("<si>%s</si>" % s for s in shared) + "</sst>")


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


def s(ref, index):
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, index)


def n(ref, value, style=0):
    return '<c r="%s"%s><v>%s</v></c>' % (ref, ' s="%d"' % style if style else "", value)


NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
rows = [
    '<row r="3">' + s("B3", 0) + inline("C3", "姓名") + s("D3", 1) + s("E3", 6) + inline("F3", "工资")
    + inline("G3", "在职") + inline("H3", "备注") + "</row>",
    '<row r="4">' + s("B4", 2) + s("C4", 3) + s("D4", 4) + n("E4", serial(datetime.date(2024, 11, 30)), 1)
    + n("F4", "8500") + '<c r="G4" t="b"><v>1</v></c>'
    + inline("H4", "第一行_x000D_\n第二行") + "</row>",
    # Row 5 is empty; row 6 has cells without r="" after the first, as some writers leave them out.
    '<row r="6">' + n("B6", "42", 3) + inline("C6", "李娜") + s("D6", 5)
    + '<c s="2"><v>%d</v></c>' % serial(datetime.date(2023, 1, 5))
    + "<c><v>1234.5</v></c>" + '<c t="b"><v>0</v></c>'
    + '<c t="str"><f>IF(G6,"","离职")</f><v>离职</v></c></row>',
    '<row r="7">' + n("B7", "7", 0) + inline("C7", "王芳") + inline("D7", "wang@example.com")
    + n("E7", "45292.5", 4) + n("F7", "0.30000000000000004") + "</row>",
]
sheet1 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><dimension ref="B3:H7"/>'
          "<sheetData>%s</sheetData></worksheet>" % (NS, "".join(rows)))
sheet2 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>'
          '<row r="1">%s</row><row r="2">%s</row></sheetData></worksheet>'
          % (NS, inline("A1", "项目"), s("A2", 7)))
empty = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData/></worksheet>' % NS
unnamed = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>'
           '<row r="1">%s</row><row r="2">%s%s</row></sheetData></worksheet>'
           % (NS, inline("A1", "email"), inline("A2", "a@example.com"), inline("B2", "无名")))
hidden = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>'
          '<row r="1">%s</row></sheetData></worksheet>' % (NS, inline("A1", "secret")))

styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>'
          '<numFmt numFmtId="177" formatCode="00000"/>'
          '<numFmt numFmtId="178" formatCode="[$-F800]yyyy/m/d\\ h:mm"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="5"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="176" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="178" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')

workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s><workbookPr/><sheets>'
            '<sheet name="Hidden" sheetId="4" state="hidden" r:id="rId4"/>'
            '<sheet name="名单" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/>'
            '<sheet name="空白" sheetId="3" r:id="rId3"/><sheet name="无名列" sheetId="5" r:id="rId7"/>'
            "</sheets></workbook>" % NS)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="%sworksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="%sworksheet" Target="/xl/worksheets/sheet2.xml"/>'
                 '<Relationship Id="rId3" Type="%sworksheet" Target="worksheets/sheet3.xml"/>'
                 '<Relationship Id="rId4" Type="%sworksheet" Target="worksheets/sheet4.xml"/>'
                 '<Relationship Id="rId5" Type="%sstyles" Target="styles.xml"/>'
                 '<Relationship Id="rId6" Type="%ssharedStrings" Target="sharedStrings.xml"/>'
                 '<Relationship Id="rId7" Type="%sworksheet" Target="worksheets/sheet5.xml"/>'
                 "</Relationships>" % ((REL,) * 7))
root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % REL)
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="%ssheet.main+xml"/>'
                 + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%sworksheet+xml"/>'
                           % (i, SML) for i in range(1, 6))
                 + '<Override PartName="/xl/styles.xml" ContentType="%sstyles+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="%ssharedStrings+xml"/></Types>')
content_types = content_types % (SML, SML, SML)

def write(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            # A fixed time, so that running the script again gives the same bytes.
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 30, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


write(os.path.join(HERE, "excel-style.xlsx"), [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                       ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
                       ("xl/styles.xml", styles), ("xl/sharedStrings.xml", sst),
                       ("xl/worksheets/sheet1.xml", sheet1), ("xl/worksheets/sheet2.xml", sheet2),
                       ("xl/worksheets/sheet3.xml", empty), ("xl/worksheets/sheet4.xml", hidden),
                       ("xl/worksheets/sheet5.xml", unnamed)])

# bomb.xlsx: a sheet of 65 MiB of blanks that deflates to some 64 KB, over the reader's 64 MiB cap.
bomb_sheet = (sheet2.replace("<sheetData>", "<sheetData>" + " " * (65 * 1024 * 1024))).encode("utf-8")
write(os.path.join(HERE, "bomb.xlsx"), [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                                        ("xl/workbook.xml", workbook.replace('r:id="rId1"', 'r:id="rId2"')),
                                        ("xl/_rels/workbook.xml.rels", workbook_rels),
                                        ("xl/worksheets/sheet2.xml", bomb_sheet)])
