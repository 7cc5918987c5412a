//! A CSV file as a table of text: decoded, its separator detected, parsed
//! by `csv-core` (quotes, doubled quotes, newlines inside quoted fields),
//! with each record's line in the file, and Qualtrics' extra header rows
//! and analytics exports' `# ----` preambles recognised.

use csv_core::{ReadFieldResult, ReadRecordResult, ReaderBuilder};

use super::messages::TableError;

/// Larger files are refused (browser storage holds about 5 MB in all).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Records with more fields are refused (the header: the file; a data
/// row with a little more than the header: that row, see `preview`).
pub const MAX_COLUMNS: usize = 500;
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Records looked at to detect the separator.
const SAMPLE_RECORDS: usize = 30;

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The line of the file (from 1) where the record starts.
    pub line: usize,
    /// The fields as read (not trimmed); as many as the record has, which
    /// may be fewer or more than the header's.
    pub cells: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Not UTF-8: read as Windows-1252 (Excel's "CSV" in Western Europe).
    Windows1252,
    /// UTF-16 with a byte order mark (Excel's "Unicode text").
    Utf16,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The first record's fields, trimmed.
    pub headers: Vec<String>,
    /// Qualtrics' question texts (its second header row), one per header;
    /// no element at all for other files.
    pub questions: Vec<String>,
    /// The data records, blank lines left out.
    pub rows: Vec<Row>,
    /// `,`, `;`, `\t` or `|`.
    pub delimiter: u8,
    pub encoding: Encoding,
    /// The file had Qualtrics' three header rows.
    pub qualtrics: bool,
}

/// Read a CSV file. Never panics; says what is wrong and where.
pub fn read_table(bytes: &[u8]) -> Result<Table, TableError> {
    if bytes.len() > MAX_BYTES {
        return Err(TableError::TooLarge(bytes.len()));
    }
    let (text, encoding) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(TableError::Empty);
    }
    let (skip, first_line) = preamble(&text);
    let body = &text.as_bytes()[skip..];
    let delimiter = detect_delimiter(body);
    let parsed = parse(body, delimiter, usize::MAX, first_line);
    if let Some(error) = parsed.error {
        return Err(error);
    }
    let mut records = parsed.rows;
    if skip > 0 {
        // Later comment lines of the analytics export (section titles).
        records.retain(|r| !r.cells.first().is_some_and(|c| c.starts_with('#')));
    }
    if records.is_empty() {
        return Err(TableError::Empty);
    }
    let header = records.remove(0);
    if header.cells.len() > MAX_COLUMNS {
        return Err(TableError::TooManyColumns { line: header.line });
    }
    let headers: Vec<String> = header.cells.iter().map(|h| h.trim().to_owned()).collect();
    let qualtrics = records.len() >= 2 && is_import_ids(&records[1].cells);
    let questions = if qualtrics {
        let mut questions = records.remove(0).cells;
        records.remove(0);
        questions.resize(headers.len(), String::new());
        questions
    } else {
        Vec::new()
    };
    if records.is_empty() {
        return Err(TableError::NoRows);
    }
    Ok(Table {
        headers,
        questions,
        rows: records,
        delimiter,
        encoding,
        qualtrics,
    })
}

/// The bytes as text: UTF-16 with its byte order mark, UTF-8 (without its
/// BOM), or else Windows-1252. NUL bytes in text mean a binary file.
fn decode(bytes: &[u8]) -> Result<(String, Encoding), TableError> {
    let utf16 = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some(utf16(rest, u16::from_le_bytes))
    } else {
        bytes
            .strip_prefix(b"\xFE\xFF")
            .map(|rest| utf16(rest, u16::from_be_bytes))
    };
    if let Some(text) = utf16 {
        if text.contains('\0') {
            return Err(TableError::Binary);
        }
        return Ok((text, Encoding::Utf16));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(TableError::Binary);
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), Encoding::Utf8),
        Err(_) => (windows_1252(bytes), Encoding::Windows1252),
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes
        .chunks(2)
        .map(|pair| unit([pair[0], pair.get(1).copied().unwrap_or(0)]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Analytics exports (Google Analytics) start with comment lines: a rule
/// `# ----`, the report's name, account and dates. When the file starts
/// with such a rule, the leading `#` and blank lines are skipped: the byte
/// offset of the first other line, and its line number.
fn preamble(text: &str) -> (usize, usize) {
    let rule = text
        .strip_prefix('#')
        .is_some_and(|rest| rest.trim_start_matches(' ').starts_with('-'));
    if !rule {
        return (0, 1);
    }
    let (mut offset, mut line) = (0, 1);
    for l in text.split_inclusive('\n') {
        if !(l.starts_with('#') || l.trim().is_empty()) {
            break;
        }
        offset += l.len();
        line += 1;
    }
    (offset, line)
}

/// Qualtrics' third header row: `{"ImportId":"QID2"}` in most cells.
fn is_import_ids(cells: &[String]) -> bool {
    let (mut filled, mut ids) = (0, 0);
    for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        filled += 1;
        ids += usize::from(c.starts_with("{\"ImportId\""));
    }
    filled > 0 && ids * 2 > filled
}

/// The separator that splits the first records into the same number of
/// fields (more than one) as the header, preferring the most fields; `,`
/// when none does.
fn detect_delimiter(text: &[u8]) -> u8 {
    let mut best = (0usize, b',');
    for d in DELIMITERS {
        // A broken quote further on still leaves the records before it.
        let rows = parse(text, d, SAMPLE_RECORDS, 1).rows;
        let Some(first) = rows.first().map(|r| r.cells.len()) else {
            continue;
        };
        if first > 1 {
            let consistent = rows.iter().filter(|r| r.cells.len() == first).count();
            let score = consistent * 1000 + first;
            if score > best.0 {
                best = (score, d);
            }
        }
    }
    best.1
}

/// The records read, and the error that stopped the reading if any.
struct Parsed {
    rows: Vec<Row>,
    error: Option<TableError>,
}

/// Records of `text` (whose first line is `first_line` of the file), at
/// most `limit`, skipping blank ones.
fn parse(text: &[u8], delimiter: u8, limit: usize, first_line: usize) -> Parsed {
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut rows = Vec::new();
    let mut input = text;
    let mut line = first_line;
    let mut output = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let stop = |rows, error| Parsed {
        rows,
        error: Some(error),
    };
    while rows.len() < limit {
        // Blank lines before the record: counted here, so the record's line is exact.
        let blank = input
            .iter()
            .take_while(|b| matches!(b, b'\n' | b'\r'))
            .count();
        line += line_breaks(&input[..blank], input.get(blank).copied());
        input = &input[blank..];
        if input.is_empty() {
            break;
        }
        let start = line;
        let (mut out_len, mut ends_len, mut consumed) = (0, 0, 0);
        // At the end of the text, a line break is fed to end the last
        // record: if a quoted field swallows it, the field is never closed.
        let mut fed_break = false;
        let unclosed = loop {
            let feed: &[u8] = if consumed < input.len() {
                &input[consumed..]
            } else if fed_break {
                &[]
            } else {
                b"\n"
            };
            let (result, nin, nout, nend) =
                reader.read_record(feed, &mut output[out_len..], &mut ends[ends_len..]);
            if consumed < input.len() {
                consumed += nin;
            } else if nin > 0 {
                fed_break = true;
            }
            out_len += nout;
            ends_len += nend;
            match result {
                ReadRecordResult::InputEmpty => {
                    if fed_break {
                        break true;
                    }
                }
                ReadRecordResult::OutputFull => output.resize(output.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => {
                    if ends.len() >= MAX_COLUMNS {
                        return stop(rows, TableError::TooManyColumns { line: start });
                    }
                    ends.resize(ends.len() * 2, 0);
                }
                ReadRecordResult::Record | ReadRecordResult::End => break false,
            }
        };
        let raw = &input[..consumed];
        if unclosed {
            // The field left open is the record's last: after its complete fields.
            let opened = field_start(raw, delimiter, ends_len);
            let line = start + line_breaks(&raw[..opened], raw.get(opened).copied());
            return stop(rows, TableError::UnclosedQuote { line });
        }
        line += line_breaks(raw, input.get(consumed).copied());
        input = &input[consumed..];
        if consumed == 0 {
            break;
        }
        let mut cells = Vec::with_capacity(ends_len);
        let mut from = 0;
        for &end in &ends[..ends_len] {
            let end = end.min(out_len);
            let field = output.get(from..end).unwrap_or_default();
            cells.push(
                String::from_utf8_lossy(field)
                    .trim_end_matches('\r')
                    .to_owned(),
            );
            from = end;
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row { line: start, cells });
    }
    Parsed { rows, error: None }
}

/// The byte offset in `raw` (one record) where its field number `index` starts.
fn field_start(raw: &[u8], delimiter: u8, index: usize) -> usize {
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut scratch = [0u8; 256];
    let (mut pos, mut done) = (0, 0);
    while done < index && pos < raw.len() {
        let (result, nin, _) = reader.read_field(&raw[pos..], &mut scratch);
        pos += nin;
        match result {
            ReadFieldResult::Field { .. } => done += 1,
            ReadFieldResult::OutputFull if nin > 0 => {}
            _ => break,
        }
    }
    pos.min(raw.len())
}

/// Line breaks in `bytes` (`\n`, `\r\n` or a lone `\r`); `next` is the
/// byte after them, so a `\r\n` split across two slices counts once.
fn line_breaks(bytes: &[u8], next: Option<u8>) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| {
            b == b'\n' || (b == b'\r' && bytes.get(i + 1).copied().or(next) != Some(b'\n'))
        })
        .count()
}

/// Windows-1252 to text: Latin-1, except 0x80–0x9F (€, quotes, Œ, …).
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<usize> {
        read_table(text.as_bytes())
            .unwrap()
            .rows
            .iter()
            .map(|r| r.line)
            .collect()
    }

    #[test]
    fn lines_count_every_kind_of_break() {
        assert_eq!(lines("a,b\r\n1,2\r\n\r\n3,4"), [2, 4]);
        assert_eq!(lines("a,b\r1,2\r\r3,4\r"), [2, 4], "old Mac line ends");
        assert_eq!(lines("a,b\n\"x\r\ny\",2\n3,4\n"), [2, 4]);
        assert_eq!(
            lines("\n\na,b\n1,2\n"),
            [4],
            "blank lines before the header"
        );
        assert_eq!(
            lines("a,b\n , \n1,2\n"),
            [3],
            "a row of blank cells is blank"
        );
    }

    #[test]
    fn the_last_record_needs_no_line_break() {
        let t = read_table(b"a,b\n1,\"two\"").unwrap();
        assert_eq!(t.rows[0].cells, ["1", "two"]);
        let t = read_table(b"a,b\n1,").unwrap();
        assert_eq!(t.rows[0].cells, ["1", ""]);
    }

    #[test]
    fn an_unclosed_quote_is_located_where_it_opens() {
        let err = |t: &str| read_table(t.as_bytes()).unwrap_err();
        assert_eq!(err("a,b\n1,\"2"), TableError::UnclosedQuote { line: 2 });
        // The record starts on line 2; its first field closes on line 3,
        // the last one opens there and runs to the end.
        assert_eq!(
            err("a,b,c\n\"x\ny\",2,\"open\nmore\nlines\n"),
            TableError::UnclosedQuote { line: 3 }
        );
        // Even where another separator would hide the quote.
        assert_eq!(
            err("a;b\n1;2\n3;\"never\nclosed\n"),
            TableError::UnclosedQuote { line: 3 }
        );
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_a_quote() {
        let t = read_table(b"a,b\n12\" screen,\"multi\nline\"\n").unwrap();
        assert_eq!(t.rows[0].cells, ["12\" screen", "multi\nline"]);
    }

    #[test]
    fn separators_are_detected_by_consistent_field_counts() {
        let d = |t: &str| read_table(t.as_bytes()).unwrap().delimiter;
        assert_eq!(d("a;b;c\n1,5;2;3\n4;5,5;6\n"), b';');
        assert_eq!(d("a,b\n\"x;y\",2\n\"z;w\",3\n"), b',');
        assert_eq!(d("a|b\n1|2\n"), b'|');
        assert_eq!(d("a\tb c\n1\t2\n"), b'\t');
        assert_eq!(d("Nom, prénom;NPS\nDupont, Jean;9\nMartin;7\n"), b';');
        assert_eq!(d("NPS\n9\n10\n"), b',', "one column: any separator");
    }

    #[test]
    fn utf16_with_its_byte_order_mark() {
        let text = "Étape\tVisites\r\nPaiement\t12\r\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let t = read_table(&le).unwrap();
        assert_eq!(t.encoding, Encoding::Utf16);
        assert_eq!((t.delimiter, t.headers[0].as_str()), (b'\t', "Étape"));
        assert_eq!(t.rows[0].cells, ["Paiement", "12"]);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read_table(&be).unwrap().rows, t.rows);
        assert_eq!(read_table(b"\xFF\xFEa\0\0\0"), Err(TableError::Binary));
    }

    #[test]
    fn too_large_and_too_wide() {
        assert_eq!(
            read_table(&vec![b'a'; MAX_BYTES + 1]),
            Err(TableError::TooLarge(MAX_BYTES + 1))
        );
        let wide = format!("a,b\n1,2\n{}\n", vec!["9"; 2000].join(","));
        assert_eq!(
            read_table(wide.as_bytes()),
            Err(TableError::TooManyColumns { line: 3 })
        );
        let header = format!("{}\n1\n", vec!["c"; 501].join(","));
        assert_eq!(
            read_table(header.as_bytes()),
            Err(TableError::TooManyColumns { line: 1 })
        );
    }
}
