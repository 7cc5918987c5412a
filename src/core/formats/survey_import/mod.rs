//! Importing survey answers and analytics counts from CSV files.
//!
//! [`read_table`] reads the file (`,` `;` tab or `|`, quotes, BOM, UTF-8,
//! UTF-16 or Windows-1252, Qualtrics' three header rows, Google Analytics'
//! `#` preamble); [`guess_plan`] proposes what each column
//! is; the user corrects the [`ImportPlan`]; [`preview`] says what would be
//! added and which rows are left out, with their line and why, without
//! touching the map; [`to_edit`] makes it one undoable edit.
//!
//! Nothing here panics on any input: a file that cannot be read at all is a
//! [`TableError`]; a row that cannot be used is left out whole and reported
//! as a [`RowProblem`] (line, column, reason); every message exists in
//! English and French.

mod messages;
mod missing;
mod number;
mod plan;
mod preview;
mod table;
pub mod words;

pub use messages::{NumberError, RowProblem, RowReason, TableError, Warning};
pub use missing::{
    missing_touchpoints, to_edit_creating, with_created, Creation, MissingText, MissingTouchpoint,
    MAX_NAME_CHARS,
};
pub use number::{parse_number, parse_typed, Decimal};
pub use plan::{guess_decimal, guess_plan, ColumnUse, ImportPlan, Target};
pub use preview::{preview, to_edit, Preview, TouchpointUpdate, MAX_PROBLEMS};
pub use table::{read_table, Encoding, Row, Table, MAX_BYTES, MAX_COLUMNS};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::metrics;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{JourneyMap, Metric, Reading, Scale, SequentialIds};
    use crate::core::text::i18n::Lang;
    use crate::core::text::said::Said;
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
        assert_eq!(p.problems[0].column, Some(2));
        assert_eq!(p.problems[0].header.as_deref(), Some("nps"));
        assert_eq!(
            p.problems[0].said(Lang::En),
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
        assert!(p.problems[0].said(Lang::Fr).contains("« Nowhere »"));
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
            assert!(!expected.said(Lang::Fr).is_empty());
        }
        let wide = format!("{}\n1\n", vec!["c"; 600].join(","));
        assert!(matches!(
            read_table(wide.as_bytes()),
            Err(TableError::TooManyColumns { line: 1 })
        ));
        assert_eq!(
            TableError::UnclosedQuote { line: 3 }.said(Lang::En),
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
    fn empty_cells_past_the_header_are_padding() {
        let map = en();
        let table = read_table(
            b"nps;csat
9;4;;
8;;;
10;5;;x
",
        )
        .unwrap();
        let p = preview(&map, &table, &guess_plan(&map, &table), "f.csv", 0);
        assert_eq!((p.rows_read, p.rows_used), (3, 2));
        assert_eq!(
            p.problems[0].reason,
            RowReason::TooManyCells {
                found: 4,
                expected: 2
            }
        );
        assert_eq!(
            p.problems[0].said(Lang::Fr),
            "ligne 4 : 4 cellules alors que l'en-tête a 2 colonnes"
        );
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
        // No time limit here: a timed test fails on a busy machine (3.27 s
        // in a debug build with a load of 14 on 2 cores) and proves
        // nothing; the figure is printed for the README, and
        // scripts/bench.mjs times the import in the browser.
    }

    fn en() -> JourneyMap {
        demo_map(Lang::En, &mut SequentialIds::new("d"), 0)
    }

    fn reading<'a>(p: &'a Preview, map: &JourneyMap, name: &str, metric: Metric) -> &'a Reading {
        let id = id_of(map, name);
        p.updates
            .iter()
            .find(|u| u.touchpoint == id)
            .and_then(|u| u.readings.iter().find(|r| r.metric == metric))
            .unwrap_or_else(|| panic!("{name} {metric:?}"))
    }

    fn slice(r: &Reading, persona: &str) -> Vec<u32> {
        r.personas
            .iter()
            .find(|s| s.persona == persona)
            .map(|s| s.answers.clone())
            .unwrap_or_default()
    }

    /// The same file as the browser test `tests/e2e/quantitative.test.mjs`.
    #[test]
    fn the_browser_tests_french_survey() {
        let map = demo();
        let mut csv = String::from("\u{feff}Répondant;Profil;Recommandation (NPS) E-mail de suivi de livraison;Satisfaction E-mail de suivi de livraison;Commentaire");
        for i in 0..40 {
            let persona = if i % 2 == 1 { "Camille" } else { "gérard" };
            let nps = if i < 24 {
                9 + i % 2
            } else if i < 32 {
                7
            } else {
                3
            };
            let csat = if i < 30 { "4,0" } else { "2" };
            csv.push_str(&format!(
                "\r\n{};{persona};{nps};{csat};\"Livré à l'heure; \"\"parfait\"\"\nmerci\"",
                i + 1
            ));
        }
        csv.push_str("\r\n41;Camille;12;4;hors échelle\r\n42;Camille;abc;4;pas un nombre");
        let table = read_table(csv.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        assert_eq!(plan.decimal, Decimal::Comma);
        assert_eq!(plan.uses[1], ColumnUse::Persona);
        let p = preview(&map, &table, &plan, "enquete-livraison.csv", 0);
        let lines: Vec<usize> = p.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [82, 83]);
        assert_eq!(
            p.problems[0].said(Lang::Fr),
            "ligne 82, colonne « Recommandation (NPS) E-mail de suivi de livraison » : 12 est hors de l'échelle 0 à 10"
        );
        let nps = reading(&p, &map, "E-mail de suivi de livraison", Metric::Nps);
        assert_eq!(nps.answers.iter().sum::<u32>(), 40);
        assert_eq!(nps.personas.len(), 2);
    }

    #[test]
    fn a_real_qualtrics_export() {
        let map = en();
        let table = read_table(include_bytes!("fixtures/qualtrics_export.csv")).unwrap();
        assert!(table.qualtrics);
        assert_eq!(table.encoding, Encoding::Utf8);
        assert_eq!(table.headers[0], "StartDate", "the BOM is gone");
        assert_eq!(table.questions.len(), table.headers.len());
        assert!(table.questions[22].ends_with("tell us?\nWe read every answer."));
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(
            lines,
            [5, 6, 7, 9, 10, 11, 12, 13],
            "question 4 spans two lines"
        );

        let plan = guess_plan(&map, &table);
        let checkout = Target::Touchpoint(id_of(&map, "Online checkout"));
        let tracking = Target::Touchpoint(id_of(&map, "Delivery tracking e-mail"));
        let metric = |metric, target: &Target| ColumnUse::Metric {
            metric,
            target: target.clone(),
        };
        assert!(plan.uses[..17].iter().all(|u| *u == ColumnUse::Ignore));
        assert_eq!(
            plan.uses[17..],
            [
                metric(Metric::Nps, &checkout),
                ColumnUse::Ignore, // Q1_NPS_GROUP: 1-3, not answers
                metric(Metric::Csat, &tracking),
                metric(Metric::Ces, &checkout),
                ColumnUse::Ignore, // Q3_4_TEXT: the "other" text
                ColumnUse::Ignore,
                ColumnUse::Persona,
            ]
        );
        assert_eq!(plan.decimal, Decimal::Point);

        let p = preview(&map, &table, &plan, "qualtrics.csv", 7);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!((p.rows_read, p.rows_used), (8, 8));
        assert_eq!(
            p.warnings,
            [Warning::UnknownPersona {
                value: "Pro".into(),
                rows: 1
            }]
        );
        assert_eq!(
            p.warnings[0].said(Lang::En),
            "\"Pro\" (1 row) is not a persona of the map: those answers count for everyone only"
        );
        let (camille, gerard) = (&map.personas[0].id, &map.personas[1].id);
        let nps = reading(&p, &map, "Online checkout", Metric::Nps);
        assert_eq!(nps.answers, [1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
        assert_eq!((nps.at, nps.scale, nps.n), (7, Some(Scale::NPS), None));
        let f = metrics::of_reading(nps, &map.scales).unwrap();
        assert_eq!(f.n, Some(7));
        assert!(
            (f.value - 100.0 / 7.0).abs() < 1e-9,
            "3 promoters, 2 detractors of 7"
        );
        assert_eq!(slice(nps, camille), [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2]);
        assert_eq!(slice(nps, gerard), [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
        let csat = reading(&p, &map, "Delivery tracking e-mail", Metric::Csat);
        assert_eq!(csat.answers, [1, 1, 1, 3, 2]);
        let ces = reading(&p, &map, "Online checkout", Metric::Ces);
        assert_eq!(ces.answers, [2, 2, 1, 0, 0, 1, 1]);
        assert_eq!(p.updates.len(), 2, "only the touchpoints with answers");
    }

    #[test]
    fn a_google_analytics_export_with_its_comment_lines() {
        let map = en();
        let table = read_table(include_bytes!("fixtures/ga4_pages.csv")).unwrap();
        assert_eq!(table.headers[0], "Page title and screen class");
        assert_eq!(table.rows[0].line, 11, "the preamble's lines count");
        let plan = guess_plan(&map, &table);
        let row = Target::FromRow;
        assert_eq!(plan.uses[0], ColumnUse::TouchpointName);
        assert_eq!(plan.uses[1], ColumnUse::Ignore, "views are not people");
        assert_eq!(
            plan.uses[2],
            ColumnUse::Metric {
                metric: Metric::Reach,
                target: row
            }
        );
        assert!(
            plan.uses[3..].iter().all(|u| *u == ColumnUse::Ignore),
            "one reach column: event counts would add to users"
        );
        let p = preview(&map, &table, &plan, "ga4.csv", 0);
        let reach = |name| reading(&p, &map, name, Metric::Reach).value;
        assert_eq!(reach("Product pages on the web site"), Some(48210.0));
        assert_eq!(reach("Online checkout"), Some(9874.0));
        assert_eq!(reach("\"Appliance broken?\" help pages"), Some(7520.0));
        assert_eq!(p.problems.len(), 1);
        assert_eq!(p.problems[0].line, 14);
        assert_eq!(
            p.problems[0].said(Lang::En),
            "line 14, column \"Page title and screen class\": no touchpoint of the map is called \"Store locator\""
        );
        assert_eq!(
            (p.rows_read, p.rows_used),
            (5, 4),
            "a row without figures is fine"
        );
    }

    #[test]
    fn a_french_excel_file_in_windows_1252() {
        let map = demo();
        let table = read_table(include_bytes!("fixtures/excel_fr_cp1252.csv")).unwrap();
        assert_eq!(table.encoding, Encoding::Windows1252);
        assert_eq!(table.delimiter, b';');
        assert_eq!(table.headers[1], "Étape");
        assert_eq!(
            table.rows[1].cells[4],
            "Paiement \"rapide\"; livré à l'heure"
        );
        assert_eq!(
            table.rows[2].cells[4], "Trop d'attente…",
            "0x85 is an ellipsis"
        );
        assert_eq!(table.rows[3].cells[4], "Œuvre d'art");
        assert_eq!(table.rows[5].cells[4], "€ : rien à signaler");
        let plan = guess_plan(&map, &table);
        assert_eq!(table.guess_decimal(), Decimal::Comma);
        assert_eq!(
            plan.uses,
            [
                ColumnUse::Ignore,
                ColumnUse::TouchpointName,
                ColumnUse::Metric {
                    metric: Metric::Reach,
                    target: Target::FromRow
                },
                ColumnUse::Metric {
                    metric: Metric::Csat,
                    target: Target::FromRow
                },
                ColumnUse::Ignore,
            ]
        );
        let p = preview(&map, &table, &plan, "export.csv", 0);
        let messages: Vec<String> = p.problems.iter().map(|p| p.said(Lang::Fr)).collect();
        assert_eq!(
            messages,
            [
                "ligne 5, colonne « Satisfaction (1 à 5) » : 4,5 n'est pas un point de l'échelle",
                "ligne 6, colonne « Visiteurs » : -3 est négatif ; un comptage ne peut pas l'être",
            ]
        );
        let reach = |name| reading(&p, &map, name, Metric::Reach).value;
        assert_eq!(reach("Fiches produits du site"), Some(1234.0), "1 234");
        assert_eq!(reach("Tunnel de commande en ligne"), Some(2345.0), "2.345");
        assert_eq!(reach("Caisse du magasin"), Some(987.0));
        let csat = |name| reading(&p, &map, name, Metric::Csat).answers.clone();
        assert_eq!(csat("Caisse du magasin"), [0, 0, 1, 0, 0], "3,0 is 3");
        assert_eq!(csat("Tunnel de commande en ligne"), [0, 0, 0, 0, 1]);
    }

    #[test]
    fn cells_that_are_not_numbers_say_why_in_both_languages() {
        let map = en();
        let csv = "reach\n12\nNaN\ninf\n1e999\n12 apples\n\"4,5\"\n-\n\"1,234\"\n";
        let table = read_table(csv.as_bytes()).unwrap();
        let mut plan = guess_plan(&map, &table);
        assert_eq!(plan.decimal, Decimal::Comma, "4,5 looks like a decimal");
        assert_eq!(plan.uses[0], ColumnUse::Ignore, "mostly not numbers");
        plan.decimal = Decimal::Point;
        plan.uses[0] = ColumnUse::Metric {
            metric: Metric::Reach,
            target: Target::Touchpoint(map.touchpoints[0].id.clone()),
        };
        let p = preview(&map, &table, &plan, "f.csv", 0);
        let got: Vec<(usize, String)> = p
            .problems
            .iter()
            .map(|p| (p.line, p.reason.said(Lang::En)))
            .collect();
        assert_eq!(
            got,
            [
                (3, "\"NaN\" is not a number".to_owned()),
                (4, "\"inf\" is not a number".to_owned()),
                (5, "\"1e999\" is not a number".to_owned()),
                (6, "\"12 apples\" is not a number".to_owned()),
                (
                    7,
                    "\"4,5\" is not a number written with a decimal point".to_owned()
                ),
            ]
        );
        assert_eq!(
            p.problems[4].said(Lang::Fr),
            "ligne 7, colonne « reach » : « 4,5 » n'est pas un nombre écrit avec un point décimal"
        );
        assert_eq!(p.updates[0].readings[0].value, Some(1246.0));
        let huge = format!("reach\n{}\n", "9".repeat(400));
        let table = read_table(huge.as_bytes()).unwrap();
        let p = preview(&map, &table, &plan, "f.csv", 0);
        assert_eq!(
            p.problems[0].reason.said(Lang::Fr),
            format!("« {} » est trop grand", "9".repeat(400))
        );
        for e in [
            NumberError::NotANumber,
            NumberError::TooLarge,
            NumberError::Malformed(Decimal::Comma),
        ] {
            assert_ne!(e.said(Lang::En), e.said(Lang::Fr));
        }
    }

    #[test]
    fn rows_naming_no_touchpoint_or_an_unknown_one() {
        let map = en();
        let csv = "step;nps\nOnline checkout;9\n;8\nNowhere;\n  online CHECKOUT ;10\n";
        let table = read_table(csv.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        assert_eq!(plan.uses[0], ColumnUse::TouchpointName);
        let p = preview(&map, &table, &plan, "f.csv", 0);
        assert_eq!(
            p.problems.len(),
            1,
            "an unknown name without values is harmless"
        );
        assert_eq!(
            (
                p.problems[0].line,
                p.problems[0].column,
                &p.problems[0].reason
            ),
            (3, Some(0), &RowReason::NoTouchpoint)
        );
        assert_eq!(
            p.problems[0].said(Lang::Fr),
            "ligne 3, colonne « step » : le point de contact n'est pas nommé"
        );
        let nps = reading(&p, &map, "Online checkout", Metric::Nps);
        assert_eq!(nps.answers.iter().sum::<u32>(), 2);
    }

    #[test]
    fn personas_by_name_or_segment_and_one_warning_per_unknown_value() {
        let map = en();
        let segment = map.personas[1].segment.to_uppercase();
        let csv = format!(
            "Profile,CSAT\nCamille,5\n\"{segment}\",1\nStudent,4\nSTUDENT,3\nstudent ,2\nNobody,x\n,4\n"
        );
        let table = read_table(csv.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        assert_eq!(plan.uses[0], ColumnUse::Persona);
        let p = preview(&map, &table, &plan, "f.csv", 0);
        assert_eq!(
            p.warnings,
            [Warning::UnknownPersona {
                value: "Student".into(),
                rows: 3
            }],
            "Nobody's row is left out, so not counted"
        );
        assert_eq!(
            p.warnings[0].said(Lang::Fr),
            "« Student » (3 lignes) n'est pas un persona de la carte : ces réponses ne comptent que pour tous"
        );
        let csat = &p.updates[0].readings[0];
        assert_eq!(csat.answers, [1, 1, 1, 2, 1]);
        assert_eq!(slice(csat, &map.personas[0].id), [0, 0, 0, 0, 1]);
        assert_eq!(slice(csat, &map.personas[1].id), [1, 0, 0, 0, 0]);
        assert_eq!(csat.personas.len(), 2, "in the map's order of personas");
        assert_eq!(csat.personas[0].persona, map.personas[0].id);
    }

    #[test]
    fn reach_per_persona_is_a_sum() {
        let map = en();
        let table = read_table(b"persona,sessions\nCamille,10\nGerard,5\ncamille,2.5\n").unwrap();
        let p = preview(&map, &table, &guess_plan(&map, &table), "f.csv", 0);
        let r = &p.updates[0].readings[0];
        assert_eq!(
            (r.metric, r.value, r.scale),
            (Metric::Reach, Some(17.5), None)
        );
        assert!(r.answers.is_empty());
        let values: Vec<Option<f64>> = r.personas.iter().map(|s| s.value).collect();
        assert_eq!(values, [Some(12.5), Some(5.0)], "Gerard without its accent");
    }

    #[test]
    fn columns_with_nothing_to_import_are_warned_about() {
        let mut map = en();
        let table =
            read_table(b"nps,csat,ces,comment\n,,,\"good, \"\"really\"\"\"\n9,,,\n").unwrap();
        let mut plan = guess_plan(&map, &table);
        assert_eq!(plan.uses[3], ColumnUse::Ignore);
        let p = preview(&map, &table, &plan, "f.csv", 0);
        assert_eq!(
            p.warnings,
            [
                Warning::EmptyColumn("csat".into()),
                Warning::EmptyColumn("ces".into())
            ]
        );
        assert_eq!(
            p.warnings[0].said(Lang::Fr),
            "la colonne « csat » n'a aucune valeur à importer"
        );
        // A scale made invalid behind the importer's back: said, never a panic.
        map.scales.ces = Scale {
            low: i32::MIN,
            high: i32::MAX,
            good_low: 0,
            good_high: 0,
        };
        plan.uses[1] = ColumnUse::Metric {
            metric: Metric::Nps,
            target: Target::Touchpoint("gone".into()),
        };
        let p = preview(&map, &table, &plan, "f.csv", 0);
        assert_eq!(
            p.warnings,
            [
                Warning::InvalidScale("ces".into()),
                Warning::EmptyColumn("csat".into())
            ]
        );
        assert!(p.warnings[0].said(Lang::En).contains("\"ces\""));
    }

    #[test]
    fn only_the_first_problems_are_listed_but_all_are_counted() {
        let map = en();
        let mut csv = String::from("nps\n");
        for i in 0..1000 {
            csv.push_str(if i % 4 == 0 { "5\n" } else { "11\n" });
        }
        let table = read_table(csv.as_bytes()).unwrap();
        let p = preview(&map, &table, &guess_plan(&map, &table), "f.csv", 0);
        assert_eq!(p.problems.len(), MAX_PROBLEMS);
        assert_eq!((p.rows_read, p.rows_used), (1000, 250));
        assert_eq!(p.problems[0].line, 3);
        assert_eq!(p.updates[0].readings[0].answers[5], 250);
    }

    #[test]
    fn more_malformed_files() {
        let qualtrics_header_only = "Q1,Q2\nHow likely?,How satisfied?\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\n";
        assert_eq!(
            read_table(qualtrics_header_only.as_bytes()),
            Err(TableError::NoRows)
        );
        assert_eq!(read_table(b"\xEF\xBB\xBF"), Err(TableError::Empty));
        assert_eq!(read_table(b"# ----\n# nothing\n"), Err(TableError::Empty));
        assert_eq!(
            read_table(&[0x89, b'P', b'N', b'G', 0, 0, 0, 0]),
            Err(TableError::Binary)
        );
        let messages = [
            TableError::Empty,
            TableError::NoRows,
            TableError::Binary,
            TableError::TooLarge(MAX_BYTES + 1),
            TableError::TooManyColumns { line: 4 },
            TableError::UnclosedQuote { line: 2 },
        ];
        for e in messages {
            let (en, fr) = (e.said(Lang::En), e.said(Lang::Fr));
            assert!(!en.is_empty() && en != fr, "{e:?}");
        }
        assert_eq!(
            TableError::TooManyColumns { line: 4 }.said(Lang::Fr),
            "ligne 4 : plus de 500 colonnes"
        );
        assert!(TableError::TooLarge(21_000_000)
            .said(Lang::Fr)
            .contains("21 Mo ; 20 Mo au plus"));
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
                        prop_assert!(!problem.said(Lang::Fr).is_empty());
                    }
                }
            }
        }

        // Plausible cells under any plan: the preview's invariants hold, and
        // its edit applies and undoes cleanly.
        #[test]
        fn any_plan_on_plausible_cells_keeps_the_invariants(
            rows in proptest::collection::vec(proptest::collection::vec(prop_oneof![
                Just(String::new()),
                (0u32..12).prop_map(|n| n.to_string()),
                Just("4,5".to_owned()),
                Just("-3".to_owned()),
                Just("NaN".to_owned()),
                Just("1 234".to_owned()),
                Just("Online checkout".to_owned()),
                Just("camille".to_owned()),
                Just("Nobody".to_owned()),
                Just("\"q;uo,te\"\"d\nline\"".to_owned()),
            ], 1..6), 1..40),
            codes in proptest::collection::vec(0u8..8, 6),
            comma in any::<bool>(),
            sep in prop::sample::select(vec![",", ";", "\t"]),
        ) {
            let map = en();
            let mut text = ["a", "b", "c", "d"].join(sep);
            for row in &rows {
                text.push('\n');
                text.push_str(&row.join(sep));
            }
            let Ok(table) = read_table(text.as_bytes()) else {
                return Ok(());
            };
            let first = Target::Touchpoint(map.touchpoints[0].id.clone());
            let metric = |metric, target: &Target| ColumnUse::Metric { metric, target: target.clone() };
            let uses = (0..table.headers.len())
                .map(|i| match codes[i % codes.len()] {
                    0 => ColumnUse::Ignore,
                    1 => metric(Metric::Nps, &Target::FromRow),
                    2 => metric(Metric::Csat, &first),
                    3 => metric(Metric::Ces, &Target::FromRow),
                    4 => metric(Metric::Reach, &first),
                    5 => ColumnUse::Persona,
                    6 => ColumnUse::TouchpointName,
                    _ => metric(Metric::Reach, &Target::FromRow),
                })
                .collect();
            let decimal = if comma { Decimal::Comma } else { Decimal::Point };
            let plan = ImportPlan { uses, decimal };
            let p = preview(&map, &table, &plan, "p.csv", 3);
            let skipped = p.rows_read - p.rows_used;
            prop_assert_eq!(p.rows_read, table.rows.len());
            prop_assert_eq!(p.problems.len(), skipped.min(MAX_PROBLEMS));
            for problem in &p.problems {
                prop_assert!(table.rows.iter().any(|r| r.line == problem.line));
            }
            for u in &p.updates {
                for r in &u.readings {
                    prop_assert_eq!((r.at, r.source.as_deref()), (3, Some("p.csv")));
                    match map.scales.of(r.metric) {
                        Some(scale) => {
                            prop_assert_eq!(r.answers.len(), scale.points());
                            prop_assert!(r.answers.iter().sum::<u32>() > 0);
                            for s in &r.personas {
                                prop_assert!(s.answers.iter().zip(&r.answers).all(|(a, b)| a <= b));
                            }
                        }
                        None => {
                            prop_assert!(r.answers.is_empty());
                            prop_assert!(r.value.is_some_and(|v| v >= 0.0));
                        }
                    }
                }
            }
            let mut edited = map.clone();
            let done = to_edit(&map, &p).apply(&mut edited).unwrap();
            done.inverse.apply(&mut edited).unwrap();
            prop_assert_eq!(edited, map);
        }
    }
}
