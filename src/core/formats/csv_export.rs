//! Touchpoints and actions as CSV, for spreadsheets.
//!
//! Written for the spreadsheet of the user's language: comma-separated with
//! decimal points in English, semicolon-separated with decimal commas in
//! French (what Excel expects in each), UTF-8 with a byte-order mark (so Excel
//! reads accents right), CRLF line ends, RFC 4180 quoting. Text a spreadsheet
//! would run as a formula (`=…`, `+…`, `-…`, `@…`) is written with a leading
//! apostrophe, the usual guard against formula injection.

use crate::core::analysis::metrics::{self, Figure};
use crate::core::document::model::{JourneyMap, Metric, Millis};
use crate::core::text::i18n::{format_decimal, Lang};

struct Sheet {
    lang: Lang,
    out: String,
    row_started: bool,
}

impl Sheet {
    fn new(lang: Lang) -> Self {
        Sheet {
            lang,
            out: String::from("\u{feff}"),
            row_started: false,
        }
    }

    fn separator(&self) -> char {
        match self.lang {
            Lang::En => ',',
            Lang::Fr => ';',
        }
    }

    fn raw(&mut self, cell: &str) {
        if self.row_started {
            let sep = self.separator();
            self.out.push(sep);
        }
        self.row_started = true;
        let sep = self.separator();
        if cell.contains([sep, '"', '\n', '\r']) {
            self.out.push('"');
            self.out.push_str(&cell.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(cell);
        }
    }

    /// A cell of text typed by someone: never run as a formula.
    fn text(&mut self, cell: &str) {
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            self.raw(&format!("'{cell}"));
        } else {
            self.raw(cell);
        }
    }

    fn number(&mut self, x: Option<f64>) {
        let cell = x.map(|x| format_decimal(self.lang, x)).unwrap_or_default();
        self.raw(&cell);
    }

    fn end_row(&mut self) {
        self.out.push_str("\r\n");
        self.row_started = false;
    }

    fn header(&mut self, names: &[(&str, &str)]) {
        for (en, fr) in names {
            let name = match self.lang {
                Lang::En => en,
                Lang::Fr => fr,
            };
            self.raw(name);
        }
        self.end_row();
    }
}

/// Every touchpoint in journey order, with its latest figures.
pub fn touchpoints_csv(map: &JourneyMap, lang: Lang) -> String {
    let mut sheet = Sheet::new(lang);
    sheet.header(&[
        ("Stage", "Étape"),
        ("Touchpoint", "Point de contact"),
        ("Channel", "Canal"),
        ("Online", "En ligne"),
        ("Classification", "Classification"),
        ("Department", "Service"),
        ("Reach", "Fréquentation"),
        ("NPS", "NPS"),
        ("NPS low (95 %)", "NPS bas (95 %)"),
        ("NPS high (95 %)", "NPS haut (95 %)"),
        ("NPS answers", "Réponses NPS"),
        ("CSAT (% satisfied)", "CSAT (% satisfaits)"),
        ("CSAT low (95 %)", "CSAT bas (95 %)"),
        ("CSAT high (95 %)", "CSAT haut (95 %)"),
        ("CSAT mean", "CSAT moyen"),
        ("CSAT answers", "Réponses CSAT"),
        ("CES (mean effort)", "CES (effort moyen)"),
        ("CES low (95 %)", "CES bas (95 %)"),
        ("CES high (95 %)", "CES haut (95 %)"),
        ("CES answers", "Réponses CES"),
        ("Last measured", "Dernière mesure"),
        ("Sources", "Sources"),
    ]);
    let (yes, no) = match lang {
        Lang::En => ("yes", "no"),
        Lang::Fr => ("oui", "non"),
    };
    for (s, t) in metrics::journey::in_journey_order(map) {
        let (stage, t) = (&map.stages[s], &map.touchpoints[t]);
        let figure = |m: Metric| metrics::current(t, m, &map.scales);
        sheet.text(&stage.name);
        sheet.text(&t.name);
        sheet.raw(t.channel.label(lang));
        sheet.raw(if t.channel.is_online() { yes } else { no });
        sheet.raw(t.classification.label(lang));
        sheet.text(&t.department);
        sheet.number(figure(Metric::Reach).map(|(f, _)| f.value.round()));
        let nps = figure(Metric::Nps).map(|(f, _)| f);
        // Each interval by its two ends: it is not symmetric around the
        // value when cut at the scale's end, nor around an adjusted centre.
        let ends = |sheet: &mut Sheet, f: Option<metrics::Figure>| {
            let i = f.and_then(|f| f.interval);
            sheet.number(i.map(|i| i.low));
            sheet.number(i.map(|i| i.high));
        };
        sheet.number(nps.map(|f| f.value));
        ends(&mut sheet, nps);
        sheet.number(answers(nps));
        let csat = figure(Metric::Csat).map(|(f, _)| f);
        sheet.number(csat.map(|f| f.value));
        ends(&mut sheet, csat);
        sheet.number(csat.and_then(|f| f.secondary));
        sheet.number(answers(csat));
        let ces = figure(Metric::Ces).map(|(f, _)| f);
        sheet.number(ces.map(|f| f.value));
        ends(&mut sheet, ces);
        sheet.number(answers(ces));
        let last = t.readings.iter().map(|r| r.at).max();
        sheet.raw(&last.map(iso_date).unwrap_or_default());
        let mut sources: Vec<&str> = Vec::new();
        for s in t.readings.iter().filter_map(|r| r.source.as_deref()) {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        sheet.text(&sources.join(", "));
        sheet.end_row();
    }
    sheet.out
}

fn answers(figure: Option<Figure>) -> Option<f64> {
    figure.and_then(|f| f.n).map(f64::from)
}

/// Every action, with the card and touchpoint it is about.
pub fn actions_csv(map: &JourneyMap, lang: Lang) -> String {
    let mut sheet = Sheet::new(lang);
    sheet.header(&[
        ("Action", "Action"),
        ("Owner", "Responsable"),
        ("Status", "Statut"),
        ("About (card)", "À propos de (carte)"),
        ("Touchpoint", "Point de contact"),
        ("Stage", "Étape"),
    ]);
    for action in &map.actions {
        let card = action
            .card
            .as_deref()
            .and_then(|id| map.cards.iter().find(|c| c.id == id));
        let touchpoint = action
            .touchpoint
            .as_deref()
            .and_then(|id| map.touchpoints.iter().find(|t| t.id == id));
        let stage_id = touchpoint
            .map(|t| t.stage.as_str())
            .or(card.map(|c| c.stage.as_str()));
        let stage = stage_id.and_then(|id| map.stages.iter().find(|s| s.id == id));
        sheet.text(&action.title);
        sheet.text(&action.owner);
        sheet.raw(action.status.label(lang));
        sheet.text(card.map(|c| c.text.as_str()).unwrap_or(""));
        sheet.text(touchpoint.map(|t| t.name.as_str()).unwrap_or(""));
        sheet.text(stage.map(|s| s.name.as_str()).unwrap_or(""));
        sheet.end_row();
    }
    sheet.out
}

/// `2026-11-23` (UTC) for a time in milliseconds.
pub fn iso_date(at: Millis) -> String {
    // Days to a civil date (Howard Hinnant's algorithm), integers only.
    let z = at.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{Action, ActionStatus, SequentialIds};
    use crate::core::formats::survey_import::read_table;

    fn demo(lang: Lang) -> JourneyMap {
        demo_map(lang, &mut SequentialIds::new("d"), 1_763_856_000_000)
    }

    /// The rows of a CSV as our own importer reads them back.
    fn rows(csv: &str) -> Vec<Vec<String>> {
        let table = read_table(csv.as_bytes()).unwrap();
        let mut all = vec![table.headers.clone()];
        all.extend(table.rows.iter().map(|r| r.cells.clone()));
        all
    }

    #[test]
    fn dates_are_civil_utc_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_763_856_000_000), "2025-11-23");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29");
        assert_eq!(iso_date(-86_400_000), "1969-12-31");
    }

    #[test]
    fn touchpoints_come_in_journey_order_with_their_figures() {
        for lang in Lang::ALL {
            let map = demo(lang);
            let csv = touchpoints_csv(&map, lang);
            assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
            assert!(csv.ends_with("\r\n"));
            let rows = rows(&csv);
            assert_eq!(rows.len(), map.touchpoints.len() + 1);
            assert_eq!(rows[0].len(), 22);
            assert!(
                rows.iter().all(|r| r.len() == 22),
                "every row has every column"
            );
            let in_order: Vec<&str> = map
                .stages
                .iter()
                .flat_map(|s| map.touchpoints.iter().filter(move |t| t.stage == s.id))
                .map(|t| t.name.as_str())
                .collect();
            let names: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
            assert_eq!(names, in_order);
            // The NPS column holds each touchpoint's current NPS, in the language's decimals.
            for (row, name) in rows[1..].iter().zip(&in_order) {
                let t = map.touchpoints.iter().find(|t| &t.name == name).unwrap();
                let expected = metrics::current(t, Metric::Nps, &map.scales)
                    .map(|(f, _)| format_decimal(lang, f.value))
                    .unwrap_or_default();
                assert_eq!(row[7], expected, "{name}");
            }
        }
        let fr = touchpoints_csv(&demo(Lang::Fr), Lang::Fr);
        assert!(fr
            .lines()
            .next()
            .unwrap()
            .contains("Étape;Point de contact;Canal"));
    }

    #[test]
    fn typed_text_is_quoted_and_never_a_formula() {
        let mut map = demo(Lang::En);
        map.stages[0].name = "Découvrir; \"vraiment\"\nligne 2".into();
        map.touchpoints[0].stage = map.stages[0].id.clone();
        map.touchpoints[0].name = "=HYPERLINK(\"http://evil\",\"x\")".into();
        map.touchpoints[0].department = "-2+3".into();
        map.actions = vec![Action {
            id: "a1".into(),
            title: "@SUM(A1)".into(),
            owner: "Logistique, équipe 2".into(),
            status: ActionStatus::InProgress,
            card: Some(map.cards[0].id.clone()),
            touchpoint: Some(map.touchpoints[0].id.clone()),
            department: String::new(),
            due: None,
            metric: None,
            done_at: None,
        }];
        for lang in Lang::ALL {
            let tps = rows(&touchpoints_csv(&map, lang));
            let first = tps.iter().find(|r| r[1].contains("HYPERLINK")).unwrap();
            assert_eq!(
                first[0], "Découvrir; \"vraiment\"\nligne 2",
                "quoted, read back whole"
            );
            assert_eq!(first[1], "'=HYPERLINK(\"http://evil\",\"x\")");
            assert_eq!(first[5], "'-2+3");
            let actions = rows(&actions_csv(&map, lang));
            assert_eq!(actions.len(), 2);
            assert_eq!(actions[1][0], "'@SUM(A1)");
            assert_eq!(actions[1][1], "Logistique, équipe 2");
            assert_eq!(actions[1][2], ActionStatus::InProgress.label(lang));
            assert_eq!(actions[1][3], map.cards[0].text);
            assert_eq!(actions[1][5], "Découvrir; \"vraiment\"\nligne 2");
        }
    }
}
