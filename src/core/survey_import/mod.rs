//! Importing survey answers and analytics counts from CSV files.
//!
//! [`read_table`] reads the file (any separator, quotes, BOM, Windows-1252,
//! Qualtrics' three header rows); [`guess_plan`] proposes what each column
//! is; the user corrects the [`ImportPlan`]; [`preview`] says what would be
//! added and which rows are left out, with their line and why, without
//! touching the map; [`to_edit`] makes it one undoable edit.

mod messages;
mod number;
mod plan;
mod preview;
mod table;

pub use messages::{NumberError, RowProblem, RowReason, TableError, Warning};
pub use number::{parse_number, Decimal};
pub use plan::{guess_decimal, guess_plan, ColumnUse, ImportPlan, Target};
pub use preview::{preview, to_edit, Preview, TouchpointUpdate, MAX_PROBLEMS};
pub use table::{read_table, Encoding, Row, Table, MAX_BYTES};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::demo_map;
    use crate::core::i18n::Lang;
    use crate::core::metrics;
    use crate::core::model::{JourneyMap, Metric, SequentialIds};
    use proptest::prelude::*;

    fn demo() -> JourneyMap {
        demo_map(Lang::Fr, &mut SequentialIds::new("d"), 1_700_000_000_000)
    }

    fn id_of(map: &JourneyMap, name: &str) -> String {
        map.touchpoints
            .iter()
            .find(|t| t.name == name)
            .expect(name)
            .id
            .clone()
    }

    #[test]
    fn a_french_semicolon_export_with_decimal_commas() {
        let map = demo();
        let csv = "\u{feff}Répondant;Persona;NPS E-mail de suivi de livraison;Satisfaction E-mail de suivi de livraison\r\n\
                   1;Camille;9;4,0\r\n\
                   2;Gérard;3;2\r\n\
                   3;camille;10;5\r\n\
                   4;;7;\r\n";
        let table = read_table(csv.as_bytes()).unwrap();
        assert_eq!(table.delimiter, b';');
        assert_eq!(table.headers[0], "Répondant");
        let plan = guess_plan(&map, &table);
        assert_eq!(plan.decimal, Decimal::Comma);
        let tracking = id_of(&map, "E-mail de suivi de livraison");
        assert_eq!(plan.uses[0], ColumnUse::Ignore);
        assert_eq!(plan.uses[1], ColumnUse::Persona);
        assert_eq!(
            plan.uses[2],
            ColumnUse::Metric {
                metric: Metric::Nps,
                target: Target::Touchpoint(tracking.clone())
            }
        );
        assert!(matches!(
            plan.uses[3],
            ColumnUse::Metric {
                metric: Metric::Csat,
                ..
            }
        ));
        let p = preview(&map, &table, &plan, "enquete.csv", 5);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!((p.rows_read, p.rows_used), (4, 4));
        let update = &p.updates[0];
        assert_eq!(update.touchpoint, tracking);
        let nps = &update
            .readings
            .iter()
            .find(|r| r.metric == Metric::Nps)
            .unwrap();
        // Answers 9, 3, 10, 7: one detractor, one passive, two promoters.
        let f = metrics::of_reading(nps, &map.scales).unwrap();
        assert_eq!((f.n, f.value), (Some(4), 25.0));
        assert_eq!(nps.source.as_deref(), Some("enquete.csv"));
        // Camille twice (case and accents ignored), Gérard once.
        let camille = &map.personas[0].id;
        let slice = nps.personas.iter().find(|s| &s.persona == camille).unwrap();
        assert_eq!(slice.answers.iter().sum::<u32>(), 2);
        let csat = update
            .readings
            .iter()
            .find(|r| r.metric == Metric::Csat)
            .unwrap();
        assert_eq!(csat.answers, [0, 1, 0, 1, 1]);
    }

    #[test]
    fn quoted_fields_with_newlines_and_doubled_quotes_keep_their_lines() {
        let csv = "id,comment,nps\n1,\"Great, \"\"really\"\"\nsecond line\",9\n\n2,plain,x\n";
        let table = read_table(csv.as_bytes()).unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells[1], "Great, \"really\"\nsecond line");
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(
            table.rows[1].line, 5,
            "the quoted newline and the blank line count"
        );
        let map = demo();
        let plan = ImportPlan {
            uses: vec![
                ColumnUse::Ignore,
                ColumnUse::Ignore,
                ColumnUse::Metric {
                    metric: Metric::Nps,
                    target: Target::Touchpoint(map.touchpoints[0].id.clone()),
                },
            ],
            decimal: Decimal::Point,
        };
        let p = preview(&map, &table, &plan, "f.csv", 0);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 5);
        assert_eq!(p.problems[0].column.as_deref(), Some("nps"));
        assert_eq!(
            p.problems[0].message(Lang::En),
            "line 5, column \"nps\": \"x\" is not a number"
        );
        assert_eq!((p.rows_read, p.rows_used), (2, 1));
    }

    #[test]
    fn qualtrics_three_header_rows() {
        let csv = "StartDate,EndDate,Status,ResponseId,Q1,Q2,Q3_1\r\n\
                   Start Date,End Date,Response Type,Response ID,\"How likely are you to recommend us to a friend? (Delivery tracking e-mail)\",How satisfied were you?,Effort - Delivery tracking e-mail\r\n\
                   \"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"endDate\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\",\"{\"\"ImportId\"\":\"\"QID3_1\"\"}\"\r\n\
                   2026-10-01 10:00:00,2026-10-01 10:05:00,IP Address,R_1,10,5,2\r\n\
                   2026-10-01 11:00:00,2026-10-01 11:04:00,IP Address,R_2,6,3,6\r\n";
        let table = read_table(csv.as_bytes()).unwrap();
        assert!(table.qualtrics);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].line, 4);
        assert!(table.questions[4].starts_with("How likely"));
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let plan = guess_plan(&map, &table);
        let tracking = id_of(&map, "Delivery tracking e-mail");
        assert_eq!(
            plan.uses[..4],
            [
                ColumnUse::Ignore,
                ColumnUse::Ignore,
                ColumnUse::Ignore,
                ColumnUse::Ignore
            ]
        );
        assert_eq!(
            plan.uses[4],
            ColumnUse::Metric {
                metric: Metric::Nps,
                target: Target::Touchpoint(tracking.clone())
            }
        );
        assert!(matches!(
            plan.uses[5],
            ColumnUse::Metric {
                metric: Metric::Csat,
                ..
            }
        ));
        assert_eq!(
            plan.uses[6],
            ColumnUse::Metric {
                metric: Metric::Ces,
                target: Target::Touchpoint(tracking)
            }
        );
        let p = preview(&map, &table, &plan, "qualtrics.csv", 0);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
    }

    #[test]
    fn an_analytics_file_names_the_touchpoint_in_each_row() {
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let csv = "Page,Visits\nProduct pages on the web site,\"7,500\"\nONLINE CHECKOUT,2 100\nOnline checkout,100\nNowhere,5\n";
        let table = read_table(csv.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        assert_eq!(plan.uses[0], ColumnUse::TouchpointName);
        assert_eq!(
            plan.uses[1],
            ColumnUse::Metric {
                metric: Metric::Reach,
                target: Target::FromRow
            }
        );
        assert_eq!(plan.decimal, Decimal::Point);
        let p = preview(&map, &table, &plan, "ga.csv", 0);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 5);
        assert!(p.problems[0].message(Lang::Fr).contains("« Nowhere »"));
        let reach = |name: &str| {
            let id = id_of(&map, name);
            p.updates
                .iter()
                .find(|u| u.touchpoint == id)
                .unwrap()
                .readings[0]
                .value
        };
        assert_eq!(reach("Product pages on the web site"), Some(7500.0));
        assert_eq!(
            reach("Online checkout"),
            Some(2200.0),
            "rows of one touchpoint add up"
        );
    }

    #[test]
    fn windows_1252_and_tabs() {
        let bytes = b"Caf\xe9\tNPS\n\x80 cr\xe8me\t8\n";
        let table = read_table(bytes).unwrap();
        assert_eq!(table.encoding, Encoding::Windows1252);
        assert_eq!(table.delimiter, b'\t');
        assert_eq!(table.headers[0], "Café");
        assert_eq!(table.rows[0].cells[0], "€ crème");
    }

    #[test]
    fn answers_outside_the_scale_or_between_points_leave_the_row_out() {
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let csv = "nps,csat,reach\n11,3,1\n7.5,3,1\n8,0,1\n8,4,-2\n8,4,2\n,,\n";
        let table = read_table(csv.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        let p = preview(&map, &table, &plan, "f.csv", 0);
        let reasons: Vec<(usize, &RowReason)> =
            p.problems.iter().map(|p| (p.line, &p.reason)).collect();
        assert_eq!(
            reasons,
            [
                (
                    2,
                    &RowReason::OutOfScale {
                        value: 11.0,
                        low: 0,
                        high: 10
                    }
                ),
                (3, &RowReason::NotWhole(7.5)),
                (
                    4,
                    &RowReason::OutOfScale {
                        value: 0.0,
                        low: 1,
                        high: 5
                    }
                ),
                (5, &RowReason::Negative(-2.0)),
            ]
        );
        assert_eq!(
            (p.rows_read, p.rows_used),
            (5, 1),
            "the blank row is not a row"
        );
        let readings = &p.updates[0].readings;
        assert_eq!(
            readings
                .iter()
                .find(|r| r.metric == Metric::Reach)
                .unwrap()
                .value,
            Some(2.0)
        );
    }

    #[test]
    fn to_edit_appends_readings_as_one_undoable_step() {
        let mut map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let original = map.clone();
        let table = read_table(b"NPS\n10\n9\n").unwrap();
        let plan = guess_plan(&map, &table);
        let p = preview(&map, &table, &plan, "f.csv", 99);
        let first = map.touchpoints[0].id.clone();
        let before = map.touchpoints[0].readings.len();
        let done = to_edit(&map, &p).apply(&mut map).unwrap();
        let t = map.touchpoint(&first).unwrap();
        assert_eq!(t.readings.len(), before + 1);
        let (figure, at) = metrics::current(t, Metric::Nps, &map.scales).unwrap();
        assert_eq!((figure.value, at), (100.0, 99));
        assert!(
            t.history(Metric::Nps).count() >= 1,
            "the demo's reading became history"
        );
        done.inverse.apply(&mut map).unwrap();
        assert_eq!(map, original);
    }

    #[test]
    fn malformed_files_get_a_located_error() {
        let cases: [(&[u8], TableError); 6] = [
            (b"", TableError::Empty),
            (b" \r\n\n", TableError::Empty),
            (b"a,b\n", TableError::NoRows),
            (b"a,b\n1,\0\n", TableError::Binary),
            (
                b"a,b\n1,2\n3,\"never\nclosed\n",
                TableError::UnclosedQuote { line: 3 },
            ),
            (b"a;b\n\"x\n", TableError::UnclosedQuote { line: 2 }),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                read_table(bytes),
                Err(expected.clone()),
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
            assert!(!expected.message(Lang::Fr).is_empty());
        }
        let wide = format!("{}\n1\n", vec!["c"; 600].join(","));
        assert!(matches!(
            read_table(wide.as_bytes()),
            Err(TableError::TooManyColumns(_))
        ));
        assert_eq!(
            TableError::UnclosedQuote { line: 3 }.message(Lang::En),
            "line 3: a quoted field (\") is never closed"
        );
    }

    #[test]
    fn ragged_rows_too_many_cells_are_reported_and_short_ones_are_empty() {
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let table = read_table(b"nps,csat\n9\n9,4,extra\n").unwrap();
        let plan = guess_plan(&map, &table);
        let p = preview(&map, &table, &plan, "f.csv", 0);
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 3);
        assert_eq!(
            p.problems[0].reason,
            RowReason::TooManyCells {
                found: 3,
                expected: 2
            }
        );
        assert!(p.warnings.contains(&Warning::EmptyColumn("csat".into())));
    }

    #[test]
    fn a_five_megabyte_survey_reads_quickly() {
        let mut csv = String::from("ResponseId;Persona;NPS;CSAT;CES;Commentaire\n");
        let mut i = 0u32;
        while csv.len() < 5 * 1024 * 1024 {
            csv.push_str(&format!(
                "R_{i};{};{};{};{};\"Un commentaire, avec des virgules ; et des \"\"guillemets\"\"\"\n",
                if i.is_multiple_of(3) { "Camille" } else { "Gérard" },
                i % 11,
                1 + i % 5,
                1 + i % 7
            ));
            i += 1;
        }
        let map = demo();
        let start = std::time::Instant::now();
        let table = read_table(csv.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        let p = preview(&map, &table, &plan, "big.csv", 0);
        let took = start.elapsed();
        println!(
            "5 MB survey ({} rows): read, guessed and previewed in {took:?}",
            table.rows.len()
        );
        assert!(p.problems.is_empty());
        assert_eq!(p.rows_used, table.rows.len());
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        // Any bytes at all: an error or a table, and a preview, never a panic.
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let map = demo();
            if let Ok(table) = read_table(&bytes) {
                let plan = guess_plan(&map, &table);
                let p = preview(&map, &table, &plan, "x.csv", 0);
                prop_assert!(p.rows_used <= p.rows_read);
            }
        }

        // CSV-looking text with quotes, separators and numbers.
        #[test]
        fn csv_like_text_never_panics(text in "[a-zé0-9;,\"\\n\\r .\\-]{0,300}") {
            let map = demo();
            if let Ok(table) = read_table(text.as_bytes()) {
                for decimal in [Decimal::Point, Decimal::Comma] {
                    let mut plan = guess_plan(&map, &table);
                    plan.decimal = decimal;
                    for (i, u) in plan.uses.iter_mut().enumerate() {
                        *u = match i % 3 {
                            0 => ColumnUse::Metric { metric: Metric::Nps, target: Target::FromRow },
                            1 => ColumnUse::TouchpointName,
                            _ => ColumnUse::Metric { metric: Metric::Reach, target: Target::Touchpoint(map.touchpoints[0].id.clone()) },
                        };
                    }
                    let p = preview(&map, &table, &plan, "x.csv", 0);
                    for problem in &p.problems {
                        prop_assert!(problem.line >= 2);
                        prop_assert!(!problem.message(Lang::Fr).is_empty());
                    }
                }
            }
        }
    }
}
