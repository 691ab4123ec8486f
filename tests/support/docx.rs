//! Builds .docx fixtures in code: a zip of WordprocessingML parts.
#![allow(dead_code)]

use std::io::Write;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A zip holding these parts, deflated.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx with this body (the inside of `w:body`) and further parts.
pub fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let document = document(body);
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    parts.extend(extra.iter().map(|(n, d)| (*n, d.as_bytes())));
    zip(&parts)
}

pub fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A paragraph of one run.
pub fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A paragraph in a style.
pub fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

pub const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style></w:styles>"#;

/// The body of the main fixture: a heading, a comment, a list item, a table with tracked
/// changes, a footnote reference, a tab and a line break, Word punctuation.
pub fn sample_body() -> String {
    [
        styled("Heading1", "Case details"),
        r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">The offender was recalled.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#.into(),
        r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>The RO did not attend the MARAC.</w:t></w:r></w:p>"#.into(),
        concat!(
            r#"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"#,
            r#"<w:tr><w:tc><w:p><w:r><w:t>Date</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Event</w:t></w:r></w:p></w:tc></w:tr>"#,
            r#"<w:tr><w:tc><w:p><w:r><w:t>03.05.2021</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">Mr Hale was released on licence.</w:t></w:r>"#,
            r#"<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> The offender was supervised.</w:t></w:r></w:ins>"#,
            r#"<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve"> Deleted words.</w:delText></w:r></w:del>"#,
            r#"</w:p></w:tc></w:tr></w:tbl>"#
        )
        .into(),
        r#"<w:p><w:r><w:t>She chose to stay.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>"#.into(),
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Line one</w:t><w:tab/><w:t>after tab</w:t><w:br/><w:t>Line two</w:t></w:r></w:p>"#.into(),
        "<w:p/>".into(),
        p("His \u{2018}girlfriend\u{2019} met\u{a0}him &amp; left."),
    ]
    .concat()
}

pub const FOOTNOTES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>SEPARATOR</w:t></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The offender’s record was checked.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;

pub const COMMENTS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="B"><w:p><w:r><w:t>COMMENT TEXT about the offender</w:t></w:r></w:p></w:comment></w:comments>"#;

/// The main fixture as a .docx.
pub fn sample() -> Vec<u8> {
    docx(
        &sample_body(),
        &[("word/styles.xml", STYLES), ("word/footnotes.xml", FOOTNOTES), ("word/comments.xml", COMMENTS)],
    )
}

/// The text the main fixture should extract to.
pub const SAMPLE_TEXT: &str = "Case details\n\nThe offender was recalled.\n\n- The RO did not attend the MARAC.\n\n\
Date\n\nEvent\n\n03.05.2021\n\nMr Hale was released on licence. The offender was supervised.\n\n\
She chose to stay.\n\nLine one\tafter tab\nLine two\n\n\
His \u{2018}girlfriend\u{2019} met\u{a0}him & left.\n\nThe offender\u{2019}s record was checked.";

/// A zip whose `word/document.xml` inflates to `size` bytes of zeros from about size/160
/// bytes: a hand-written deflate stream of one literal and repeated 258-byte matches. The
/// header declares `declared` as the uncompressed size (a bomb may lie).
pub fn bomb(size: u64, declared: u32) -> Vec<u8> {
    let data = zeros_deflated(size);
    let name = b"word/document.xml";
    let mut out = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    // Local file header.
    le32(&mut out, 0x0403_4b50);
    for x in [20u16, 0, 8, 0, 0x21] {
        le16(&mut out, x);
    }
    le32(&mut out, 0); // CRC: never reached, the reader stops at its limit.
    le32(&mut out, data.len() as u32);
    le32(&mut out, declared);
    le16(&mut out, name.len() as u16);
    le16(&mut out, 0);
    out.extend_from_slice(name);
    out.extend_from_slice(&data);
    // Central directory.
    let cd = out.len() as u32;
    le32(&mut out, 0x0201_4b50);
    for x in [20u16, 20, 0, 8, 0, 0x21] {
        le16(&mut out, x);
    }
    le32(&mut out, 0);
    le32(&mut out, data.len() as u32);
    le32(&mut out, declared);
    le16(&mut out, name.len() as u16);
    for x in [0u16, 0, 0, 0] {
        le16(&mut out, x);
    }
    le32(&mut out, 0);
    le32(&mut out, 0);
    out.extend_from_slice(name);
    let cd_size = out.len() as u32 - cd;
    // End of central directory.
    le32(&mut out, 0x0605_4b50);
    for x in [0u16, 0, 1, 1] {
        le16(&mut out, x);
    }
    le32(&mut out, cd_size);
    le32(&mut out, cd);
    le16(&mut out, 0);
    out
}

/// A raw deflate stream (fixed Huffman codes) of `size` zero bytes.
fn zeros_deflated(size: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code goes most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let rev = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(rev, bits);
        }
    }
    let mut b = Bits { out: Vec::new(), acc: 0, n: 0 };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman codes
    b.code(0x30, 8); // literal 0
    for _ in 0..(size.saturating_sub(1)) / 258 {
        b.code(0b1100_0101, 8); // length 258
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out
}
