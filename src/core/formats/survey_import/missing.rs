//! Touchpoints a survey file names that the map lacks: listed for the
//! person to create (choosing each one's stage) rather than their rows
//! being left out, as someone importing a fresh export expects.
//!
//! The import then runs on the map with the new touchpoints added
//! ([`with_created`]), so its preview and its located problems are those of
//! the import that will happen, and [`to_edit_creating`] makes the whole of
//! it (the touchpoints, then their readings) one undoable edit.

use super::plan::{ColumnUse, ImportPlan, Target};
use super::preview::{to_edit, Preview};
use super::table::Table;
use crate::core::document::edit::Edit;
use crate::core::document::intent;
use crate::core::document::model::{IdSource, JourneyMap};
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::core::text::search::fold;
use crate::say;

/// Names longer than this are not offered (a sentence pasted in a
/// touchpoint column is not a touchpoint's name); their rows stay left out,
/// each with its line.
pub const MAX_NAME_CHARS: usize = 120;

/// A name of the file's touchpoint column that no touchpoint of the map has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingTouchpoint {
    /// As first written in the file (trimmed); later rows may differ in
    /// case and accents, which the import ignores as it does for the map's.
    pub name: String,
    /// Rows naming it that carry at least one value to import.
    pub rows: usize,
}

/// A touchpoint to create, and the stage the person chose for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Creation {
    pub name: String,
    pub stage: String,
}

/// The touchpoints the file names that the map lacks, in the file's order,
/// counted over the rows that have a value for a column read "per row"
/// (a name without values adds nothing: it is not offered).
pub fn missing_touchpoints(
    map: &JourneyMap,
    table: &Table,
    plan: &ImportPlan,
) -> Vec<MissingTouchpoint> {
    let Some(name_column) = plan
        .uses
        .iter()
        .position(|u| *u == ColumnUse::TouchpointName)
    else {
        return Vec::new();
    };
    let per_row: Vec<usize> = plan
        .uses
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            matches!(
                u,
                ColumnUse::Metric {
                    target: Target::FromRow,
                    ..
                }
            )
        })
        .map(|(i, _)| i)
        .collect();
    let known: Vec<String> = map
        .touchpoints
        .iter()
        .map(|t| fold(t.name.trim()))
        .collect();
    // (folded name, entry)
    let mut found: Vec<(String, MissingTouchpoint)> = Vec::new();
    for row in &table.rows {
        let cell = |c: usize| row.cells.get(c).map_or("", |s| s.trim());
        let name = cell(name_column);
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            continue;
        }
        if !per_row.iter().any(|&c| !cell(c).is_empty()) {
            continue;
        }
        let key = fold(name);
        if known.contains(&key) {
            continue;
        }
        match found.iter_mut().find(|(k, _)| *k == key) {
            Some((_, m)) => m.rows += 1,
            None => found.push((
                key,
                MissingTouchpoint {
                    name: name.to_owned(),
                    rows: 1,
                },
            )),
        }
    }
    found.into_iter().map(|(_, m)| m).collect()
}

/// The map with `created` added, each last of the map's touchpoints (so
/// last of its stage) as the editor's *+* adds one, and the edits that add
/// them. A creation naming a stage the map lacks is left out.
pub fn with_created(
    map: &JourneyMap,
    created: &[Creation],
    ids: &mut dyn IdSource,
) -> (JourneyMap, Vec<Edit>) {
    let mut next = map.clone();
    let mut edits = Vec::new();
    for c in created {
        let Some(added) = intent::add_touchpoint(&next, ids, &c.stage, c.name.trim()) else {
            continue;
        };
        if let Edit::InsertTouchpoint { index, touchpoint } = &added.edit {
            next.touchpoints.insert(*index, touchpoint.clone());
        }
        edits.push(added.edit);
    }
    (next, edits)
}

/// The import as one edit: the touchpoints created first, then every
/// touchpoint's new readings (computed on the map `with_created` gave).
pub fn to_edit_creating(creating: Vec<Edit>, created_map: &JourneyMap, preview: &Preview) -> Edit {
    let mut all = creating;
    match to_edit(created_map, preview) {
        Edit::Batch(readings) => all.extend(readings),
        other => all.push(other),
    }
    Edit::Batch(all)
}

/// The words of the offer, English and French side by side (only the
/// import's lazy part says them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MissingText {
    Heading {
        count: usize,
    },
    Intro,
    Rows {
        rows: usize,
    },
    DontCreate,
    AllAt,
    /// The summary's list of what will be created.
    WillCreate,
    AtStage {
        stage: String,
    },
}

impl Said for MissingText {
    fn said(&self, lang: Lang) -> String {
        use MissingText::*;
        match self {
            Heading { count: 1 } => say!(
                lang,
                "1 touchpoint named in the file is not in the map",
                "1 point de contact nommé dans le fichier n'est pas dans la carte"
            ),
            Heading { count } => say!(
                lang,
                "{count} touchpoints named in the file are not in the map",
                "{count} points de contact nommés dans le fichier ne sont pas dans la carte"
            ),
            Intro => say!(
                lang,
                "Choose a stage to create one with its answers; left as it is, its rows are left out.",
                "Choisissez une étape pour le créer avec ses réponses ; sinon, ses lignes sont écartées."
            ),
            Rows { rows: 1 } => say!(lang, "1 row", "1 ligne"),
            Rows { rows } => say!(lang, "{rows} rows", "{rows} lignes"),
            DontCreate => say!(lang, "Don't create (rows left out)", "Ne pas créer (lignes écartées)"),
            AllAt => say!(lang, "Create them all at", "Tous les créer à l'étape"),
            WillCreate => say!(lang, "Touchpoints to create", "Points de contact à créer"),
            AtStage { stage } => say!(lang, "at stage “{stage}”", "à l'étape « {stage} »"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{Metric, SequentialIds};
    use crate::core::formats::survey_import::{guess_plan, preview, read_table, RowReason};

    fn map() -> JourneyMap {
        demo_map(Lang::En, &mut SequentialIds::new("d"), 0)
    }

    const CSV: &str = "step;nps\n\
        Online checkout;9\n\
        Loyalty app;10\n\
        LOYALTY  app ;8\n\
        loyalty app;\n\
        Kiosk in store;3\n\
        Nowhere;\n";

    #[test]
    fn the_names_the_map_lacks_are_listed_once_in_the_files_order() {
        let map = map();
        let table = read_table(CSV.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        let missing = missing_touchpoints(&map, &table, &plan);
        // "Loyalty app" and "LOYALTY  app" fold differently (two spaces):
        // the import tells them apart too.
        let names: Vec<(&str, usize)> = missing.iter().map(|m| (m.name.as_str(), m.rows)).collect();
        assert_eq!(
            names,
            [
                ("Loyalty app", 1),
                ("LOYALTY  app", 1),
                ("Kiosk in store", 1)
            ]
        );
        // Without a column of names, nothing is missing.
        let mut no_names = plan.clone();
        no_names.uses[0] = ColumnUse::Ignore;
        assert!(missing_touchpoints(&map, &table, &no_names).is_empty());
    }

    #[test]
    fn the_offer_is_said_in_both_languages() {
        let t = MissingText::Heading { count: 2 };
        assert_ne!(t.said(Lang::En), t.said(Lang::Fr));
        assert_eq!(
            MissingText::AtStage {
                stage: "Achat".into()
            }
            .said(Lang::Fr),
            "à l'étape « Achat »"
        );
    }

    #[test]
    fn a_long_sentence_is_not_offered_as_a_name() {
        let map = map();
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        let csv = format!("step;nps\n{long};9\n");
        let table = read_table(csv.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        assert!(missing_touchpoints(&map, &table, &plan).is_empty());
    }

    #[test]
    fn created_touchpoints_take_their_rows_and_the_import_undoes_as_one_step() {
        let mut map = map();
        let original = map.clone();
        let table = read_table(CSV.as_bytes()).unwrap();
        let plan = guess_plan(&map, &table);
        let before = preview(&map, &table, &plan, "f.csv", 7);
        assert!(before
            .problems
            .iter()
            .any(|p| p.reason == RowReason::UnknownTouchpoint("Kiosk in store".into())));
        let stage = map.stages[2].id.clone();
        let created = [
            Creation {
                name: "Kiosk in store".into(),
                stage: stage.clone(),
            },
            Creation {
                name: "Loyalty app".into(),
                stage: "no such stage".into(),
            },
            // The dialog's "not created" choice.
            Creation {
                name: "LOYALTY  app".into(),
                stage: String::new(),
            },
        ];
        let (with, inserts) = with_created(&map, &created, &mut SequentialIds::new("n"));
        assert_eq!(
            inserts.len(),
            1,
            "a stage the map lacks, or none, creates nothing"
        );
        let after = preview(&with, &table, &plan, "f.csv", 7);
        assert!(!after
            .problems
            .iter()
            .any(|p| p.reason == RowReason::UnknownTouchpoint("Kiosk in store".into())));
        assert_eq!(after.rows_used, before.rows_used + 1);
        let done = to_edit_creating(inserts, &with, &after)
            .apply(&mut map)
            .unwrap();
        let kiosk = map
            .touchpoints
            .iter()
            .find(|t| t.name == "Kiosk in store")
            .unwrap();
        assert_eq!(kiosk.stage, stage);
        assert_eq!(kiosk.readings.len(), 1);
        assert_eq!(kiosk.readings[0].metric, Metric::Nps);
        assert_eq!(kiosk.readings[0].answers.iter().sum::<u32>(), 1);
        assert_eq!(map.touchpoints.len(), original.touchpoints.len() + 1);
        done.inverse.apply(&mut map).unwrap();
        assert_eq!(map, original);
    }
}
