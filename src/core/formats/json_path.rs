//! Where in a JSON document a position is, as a path like `map.stages[1].name`.
//!
//! serde_json reports a type error with a line and a column only. Rather than
//! tracking the path while deserializing (which would build every model type's
//! `Deserialize` a second time for a tracking deserializer), we scan the text
//! again up to that position, only when there is an error. The scanner knows
//! nothing of serde: it follows brackets, keys and strings, and is lenient
//! with any input.

/// The path of the value serde_json was reading when it reported a data error
/// (wrong type, missing field, unknown variant) at `line` and `column`.
///
/// Both are as serde_json counts them for such an error: `line` is 1-based,
/// and `column` is how many bytes of that line it had read (so a value that
/// ends the line is still the one being read). Object keys are joined by
/// `.`, array indices are `[i]`: `map.stages[1].name`. Inside or just after
/// a value, the path ends at that value; at a key (before its colon), at the
/// object holding it. `None` at the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> Option<String> {
    let end = read_up_to(text, line, column);
    let mut scanner = Scanner::default();
    for (i, &byte) in text.as_bytes().iter().enumerate().take(end) {
        scanner.step(text, i, byte);
    }
    let path = scanner.path();
    (!path.is_empty()).then_some(path)
}

/// How many bytes of `text` come before (line, column).
fn read_up_to(text: &str, line: usize, column: usize) -> usize {
    let start_of_line = if line <= 1 {
        0
    } else {
        match text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
        {
            Some((i, _)) => i + 1,
            None => return text.len(),
        }
    };
    start_of_line.saturating_add(column).min(text.len())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ObjectState {
    /// After `{` or `,`: the next string is a key.
    Key,
    /// A key has been read; its colon is next.
    Colon,
    /// After the colon: reading, or done reading, the key's value.
    Value,
}

enum Frame {
    Object {
        state: ObjectState,
        /// The key being read or last read, decoded.
        key: String,
    },
    Array {
        index: usize,
    },
}

#[derive(Default)]
struct Scanner {
    stack: Vec<Frame>,
    /// Inside a string: where it started (after the quote), and if it is a key.
    string: Option<(usize, bool)>,
    /// The previous byte inside a string was an unescaped backslash.
    escaped: bool,
}

impl Scanner {
    fn step(&mut self, text: &str, i: usize, byte: u8) {
        if let Some((start, is_key)) = self.string {
            if self.escaped {
                self.escaped = false;
            } else if byte == b'\\' {
                self.escaped = true;
            } else if byte == b'"' {
                self.string = None;
                if is_key {
                    if let Some(Frame::Object { state, key }) = self.stack.last_mut() {
                        *key = unescape(text.get(start..i).unwrap_or_default());
                        *state = ObjectState::Colon;
                    }
                }
            }
            return;
        }
        match byte {
            b'"' => {
                let is_key = matches!(
                    self.stack.last(),
                    Some(Frame::Object {
                        state: ObjectState::Key,
                        ..
                    })
                );
                self.string = Some((i + 1, is_key));
            }
            b'{' => self.stack.push(Frame::Object {
                state: ObjectState::Key,
                key: String::new(),
            }),
            b'[' => self.stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                self.stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { state, .. }) = self.stack.last_mut() {
                    *state = ObjectState::Value;
                }
            }
            b',' => match self.stack.last_mut() {
                Some(Frame::Object { state, key }) => {
                    *state = ObjectState::Key;
                    key.clear();
                }
                Some(Frame::Array { index }) => *index = index.saturating_add(1),
                None => {}
            },
            // Whitespace, numbers, `true`, `false`, `null`, and anything else.
            _ => {}
        }
    }

    fn path(&self) -> String {
        let mut path = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Object {
                    state: ObjectState::Value,
                    key,
                } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                // At a key: the path is the object's own.
                Frame::Object { .. } => break,
                Frame::Array { index } => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        path
    }
}

/// A JSON string's content without its escapes (lenient: a bad escape is kept
/// as it is, a lone surrogate becomes U+FFFD).
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let Some(high) = hex4(&mut chars) else {
                    out.push('\u{fffd}');
                    continue;
                };
                let code = if (0xd800..0xdc00).contains(&high) {
                    let rest = chars.as_str();
                    match rest.strip_prefix("\\u").and_then(|r| r.get(..4)) {
                        Some(low) => match u32::from_str_radix(low, 16) {
                            Ok(low) if (0xdc00..0xe000).contains(&low) => {
                                chars = rest[6..].chars();
                                0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                            }
                            _ => high,
                        },
                        None => high,
                    }
                } else {
                    high
                };
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            // `\"`, `\\`, `\/`, and anything unexpected: the character itself.
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let digits = chars.as_str().get(..4)?;
    let value = u32::from_str_radix(digits, 16).ok()?;
    *chars = chars.as_str()[4..].chars();
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path just after the first occurrence of `marker`, as serde_json
    /// would give the position after reading it.
    fn after(text: &str, marker: &str) -> Option<String> {
        let end = text.find(marker).unwrap() + marker.len();
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let column = end - before.rfind('\n').map_or(0, |i| i + 1);
        path_at(text, line, column)
    }

    #[test]
    fn inside_and_after_a_value_the_path_ends_at_its_key() {
        let text =
            r#"{"format":"x","map":{"stages":[{"id":"a","name":"A"},{"id":"b","name":42}]}}"#;
        assert_eq!(after(text, "42").as_deref(), Some("map.stages[1].name"));
        assert_eq!(after(text, "4").as_deref(), Some("map.stages[1].name"));
        assert_eq!(
            after(text, r#""name":"#).as_deref(),
            Some("map.stages[0].name")
        );
        assert_eq!(after(text, r#""A""#).as_deref(), Some("map.stages[0].name"));
        assert_eq!(after(text, r#""format":"x""#).as_deref(), Some("format"));
    }

    #[test]
    fn after_an_object_or_array_the_path_is_its_own() {
        let text = r#"{"map":{"stages":[{"id":"a"},{"id":"b"}],"lanes":[]}}"#;
        assert_eq!(after(text, r#""a"}"#).as_deref(), Some("map.stages[0]"));
        assert_eq!(after(text, r#""b"}"#).as_deref(), Some("map.stages[1]"));
        assert_eq!(after(text, r#"}]"#).as_deref(), Some("map.stages"));
        assert_eq!(after(text, r#"[]"#).as_deref(), Some("map.lanes"));
        assert_eq!(after(text, r#"[]}"#).as_deref(), Some("map"));
        assert_eq!(path_at(text, 1, text.len()), None);
        assert_eq!(after(text, r#"[{"#).as_deref(), Some("map.stages[0]"));
    }

    #[test]
    fn at_a_key_the_path_is_the_object_holding_it() {
        let text = r#"{"map":{"id":"m","stages":[]}}"#;
        assert_eq!(after(text, r#""m","#).as_deref(), Some("map"));
        assert_eq!(after(text, r#""m","sta"#).as_deref(), Some("map"));
        assert_eq!(after(text, r#""m","stages""#).as_deref(), Some("map"));
        assert_eq!(
            after(text, r#""m","stages":"#).as_deref(),
            Some("map.stages")
        );
        assert_eq!(after(text, "{").as_deref(), None);
    }

    #[test]
    fn arrays_count_their_elements_and_nest() {
        let text = r#"{"grid":[[1,2],[3,[4,5,6]]]}"#;
        assert_eq!(after(text, "2").as_deref(), Some("grid[0][1]"));
        assert_eq!(after(text, "3").as_deref(), Some("grid[1][0]"));
        assert_eq!(after(text, "6").as_deref(), Some("grid[1][1][2]"));
        assert_eq!(after(text, "[3,").as_deref(), Some("grid[1][1]"));
    }

    #[test]
    fn brackets_and_quotes_inside_strings_are_text() {
        let text = r#"{"a":"x\"}],{[\\","b\"c":{"d\\":"\\"},"e":[" \" ",9]}"#;
        assert_eq!(after(text, r#"\\""#).as_deref(), Some("a"));
        assert_eq!(after(text, r#"{"d\\":"\\""#).as_deref(), Some("b\"c.d\\"));
        assert_eq!(after(text, "9").as_deref(), Some("e[1]"));
    }

    #[test]
    fn escaped_keys_are_decoded() {
        let text = r#"{"caf\u00e9":{"\ud83d\ude00\n":1}}"#;
        assert_eq!(after(text, "1").as_deref(), Some("café.😀\n"));
    }

    #[test]
    fn lines_and_multibyte_columns_count_bytes_like_serde_json() {
        let text = "{\n  \"titre\": \"Été «x»\",\n  \"stages\": [\n    {\"name\": \"É\", \"id\": 7}\n  ]\n}";
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Stage {
            name: String,
            id: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            titre: String,
            stages: Vec<Stage>,
        }
        let e = serde_json::from_str::<Doc>(text).unwrap_err();
        assert!(e.is_data());
        assert_eq!(
            path_at(text, e.line(), e.column()).as_deref(),
            Some("stages[0].id")
        );
        assert_eq!(after(text, "7").as_deref(), Some("stages[0].id"));
    }

    #[test]
    fn serde_json_errors_at_the_end_of_a_line_point_to_the_next() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            a: u8,
            b: String,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            list: Vec<Inner>,
            after: u8,
        }
        for (text, want) in [
            (
                "{\"list\": [\n {\"a\": 1,\n \"b\": 2\n }\n], \"after\": 1}",
                "list[0].b",
            ),
            ("{\"list\": [\n {\"a\": 1\n }\n], \"after\": 1}", "list[0]"),
            (
                "{\"list\": [\n {\"a\": 1, \"b\": \"\"},\n []\n], \"after\": 1}",
                "list[1]",
            ),
            ("{\"list\": [],\n \"after\": \"x\"\n}", "after"),
            ("{\"list\": [],\n \"after\": -1}", "after"),
            ("{\"list\": {}, \"after\": 0}", "list"),
        ] {
            let e = serde_json::from_str::<Doc>(text).unwrap_err();
            assert!(e.is_data(), "{e}");
            assert_eq!(
                path_at(text, e.line(), e.column()).as_deref(),
                Some(want),
                "{text:?}: {e}"
            );
        }
    }

    #[test]
    fn odd_positions_and_broken_text_give_an_answer() {
        assert_eq!(path_at("", 1, 1), None);
        assert_eq!(path_at("{\"a\":1}", 0, 0), None);
        assert_eq!(path_at("{\"a\":1}", 99, 99), None);
        assert_eq!(path_at("{\"a\":[1", 1, 99).as_deref(), Some("a[0]"));
        assert_eq!(path_at("]]}}{\"a\":{", 1, 99).as_deref(), Some("a"));
        assert_eq!(path_at("{\"k\\", 1, 99), None);
        assert_eq!(unescape(r"\u12"), "\u{fffd}12");
        assert_eq!(unescape(r"\ud800x"), "\u{fffd}x");
        assert_eq!(unescape(r"\ud800\u0041"), "\u{fffd}A");
        assert_eq!(unescape("é\\"), "é\\");
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_position_give_a_result_not_a_panic(
            text in "\\PC{0,80}|[\\[\\]{}\":,\\\\ a1\\n]{0,80}",
            line in 0usize..6,
            column in 0usize..100,
        ) {
            let _ = path_at(&text, line, column);
        }

        #[test]
        fn huge_positions_do_not_overflow(text in ".{0,20}", line: usize, column: usize) {
            let _ = path_at(&text, line, column);
        }
    }
}
