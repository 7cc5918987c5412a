//! A CSV file as a table of text: decoded, its separator detected, parsed
//! by `csv-core` (quotes, doubled quotes, newlines inside quoted fields),
//! with each record's line in the file, and Qualtrics' extra header rows
//! recognised.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use super::messages::TableError;

/// Larger files are refused (browser storage holds about 5 MB in all).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
pub const MAX_COLUMNS: usize = 500;
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The line of the file (from 1) where the record starts.
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Not UTF-8: read as Windows-1252 (Excel's "CSV" in Western Europe).
    Windows1252,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Qualtrics' question texts, one per column; empty otherwise.
    pub questions: Vec<String>,
    pub rows: Vec<Row>,
    pub delimiter: u8,
    pub encoding: Encoding,
    pub qualtrics: bool,
}

/// Read a CSV file. Never panics; says what is wrong and where.
pub fn read_table(bytes: &[u8]) -> Result<Table, TableError> {
    if bytes.len() > MAX_BYTES {
        return Err(TableError::TooLarge(bytes.len()));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(TableError::Binary);
    }
    let (text, encoding) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), Encoding::Utf8),
        Err(_) => (windows_1252(bytes), Encoding::Windows1252),
    };
    if text.trim().is_empty() {
        return Err(TableError::Empty);
    }
    let delimiter = detect_delimiter(text.as_bytes());
    let mut records = parse(text.as_bytes(), delimiter, usize::MAX)?;
    if records.is_empty() {
        return Err(TableError::Empty);
    }
    let header = records.remove(0);
    if header.cells.len() > MAX_COLUMNS {
        return Err(TableError::TooManyColumns(header.cells.len()));
    }
    let headers: Vec<String> = header.cells.iter().map(|h| h.trim().to_owned()).collect();
    let qualtrics = records.len() >= 2 && is_import_ids(&records[1].cells);
    let questions = if qualtrics {
        let questions = records.remove(0).cells;
        records.remove(0);
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

/// Qualtrics' third header row: `{"ImportId":"QID2"}` in most cells.
fn is_import_ids(cells: &[String]) -> bool {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let ids = filled
        .iter()
        .filter(|c| c.trim_start().starts_with("{\"ImportId\""))
        .count();
    !filled.is_empty() && ids * 2 >= filled.len()
}

/// The separator that splits the first records into the same number of
/// fields (more than one), preferring the most fields; `,` when none does.
fn detect_delimiter(text: &[u8]) -> u8 {
    let mut best = (0usize, b',');
    for d in DELIMITERS {
        let Ok(records) = parse(text, d, 30) else {
            continue;
        };
        let Some(first) = records.first().map(|r| r.cells.len()) else {
            continue;
        };
        let consistent = records.iter().filter(|r| r.cells.len() == first).count();
        if first > 1 {
            let score = consistent * 1000 + first;
            if score > best.0 {
                best = (score, d);
            }
        }
    }
    best.1
}

/// Records of `text`, at most `limit`, skipping blank lines.
fn parse(text: &[u8], delimiter: u8, limit: usize) -> Result<Vec<Row>, TableError> {
    let mut reader: Reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut rows = Vec::new();
    let mut input = text;
    let mut line = 1;
    let mut output = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    while rows.len() < limit {
        // Blank lines before the record: counted here, so the record's line is exact.
        let blank = input
            .iter()
            .take_while(|b| **b == b'\n' || **b == b'\r')
            .count();
        line += line_breaks(&input[..blank], input.get(blank).copied());
        input = &input[blank..];
        if input.is_empty() {
            break;
        }
        let start = line;
        let record_text = input;
        let (mut out_len, mut ends_len, mut consumed) = (0, 0, 0);
        loop {
            let (result, nin, nout, nend) = reader.read_record(
                &input[consumed..],
                &mut output[out_len..],
                &mut ends[ends_len..],
            );
            consumed += nin;
            out_len += nout;
            ends_len += nend;
            match result {
                ReadRecordResult::InputEmpty => {
                    if consumed >= input.len() {
                        // Finish the last record (no newline at the end of the file).
                        let (result, _, nout, nend) =
                            reader.read_record(&[], &mut output[out_len..], &mut ends[ends_len..]);
                        out_len += nout;
                        ends_len += nend;
                        if matches!(
                            result,
                            ReadRecordResult::OutputFull | ReadRecordResult::OutputEndsFull
                        ) {
                            return Err(TableError::Unparsable { line: start });
                        }
                        break;
                    }
                }
                ReadRecordResult::OutputFull => output.resize(output.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => {
                    if ends.len() > MAX_COLUMNS * 2 {
                        return Err(TableError::TooManyColumns(ends.len()));
                    }
                    ends.resize(ends.len() * 2, 0)
                }
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        let raw = &record_text[..consumed];
        line += line_breaks(raw, record_text.get(consumed).copied());
        input = &input[consumed..];
        let mut cells = Vec::with_capacity(ends_len);
        let mut from = 0;
        for &end in &ends[..ends_len] {
            let field = &output[from..end.min(out_len)];
            cells.push(
                String::from_utf8_lossy(field)
                    .trim_end_matches('\r')
                    .to_owned(),
            );
            from = end;
        }
        // The last record, with an odd number of quotes and a line break in
        // a field: a quoted field opened and never closed swallowed the rest.
        if consumed >= record_text.len()
            && raw.iter().filter(|b| **b == b'"').count() % 2 == 1
            && cells.iter().any(|c| c.contains(['\n', '\r']))
        {
            return Err(TableError::UnclosedQuote { line: start });
        }
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(Row { line: start, cells });
        if consumed == 0 {
            break;
        }
    }
    Ok(rows)
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
