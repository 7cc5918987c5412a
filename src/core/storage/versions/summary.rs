//! What changed between two versions of a map, counted by kind and said in
//! a few words: "2 stages renamed, 5 cards added".
//!
//! Stages come from the future-state comparison ([`compare`]), which
//! already tells renamed from moved (a longest run of stages kept in order);
//! every other collection is compared by key through the merge's view of a
//! map as keyed items ([`Collection::items`]), so a card moved to another
//! cell counts once, as changed, not as removed and added.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::document::future_state::{compare, StageStatus};
use crate::core::document::model::JourneyMap;
use crate::core::sync::Collection;
use crate::core::text::i18n::Lang;

/// Added, removed and changed items of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counts {
    pub added: u32,
    pub removed: u32,
    pub changed: u32,
}

impl Counts {
    fn is_empty(&self) -> bool {
        self.added + self.removed + self.changed == 0
    }
}

/// What changed from one version to the next. Stored with each version
/// (`#[serde(default)]`: a field added later reads as zero in older records).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeSummary {
    pub stages_added: u32,
    pub stages_removed: u32,
    /// Renamed in place or renamed and moved.
    pub stages_renamed: u32,
    /// In another place relative to the other stages.
    pub stages_moved: u32,
    pub cards: Counts,
    pub touchpoints: Counts,
    pub personas: Counts,
    pub lanes: Counts,
    pub actions: Counts,
    /// Feeling points (stage × persona) set, cleared or changed.
    pub emotions: Counts,
    /// The map's own fields: title, kind, description, scales, branding.
    pub details: bool,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Items of `collection` added, removed and changed from `before` to `after`, by key.
fn counts(collection: Collection, before: &JourneyMap, after: &JourneyMap) -> Counts {
    let old: HashMap<String, serde_json::Map<String, serde_json::Value>> = collection
        .items(before)
        .into_iter()
        .map(|i| (i.key, i.fields))
        .collect();
    let new = collection.items(after);
    let mut c = Counts::default();
    let mut kept = 0;
    for item in &new {
        match old.get(&item.key) {
            None => c.added += 1,
            Some(fields) => {
                kept += 1;
                if *fields != item.fields {
                    c.changed += 1;
                }
            }
        }
    }
    c.removed = count(old.len().saturating_sub(kept));
    c
}

impl ChangeSummary {
    /// What changed from `before` to `after`.
    pub fn between(before: &JourneyMap, after: &JourneyMap) -> ChangeSummary {
        let mut s = ChangeSummary::default();
        for stage in compare(before, after).stages {
            match stage.status {
                StageStatus::Added => s.stages_added += 1,
                StageStatus::Removed => s.stages_removed += 1,
                StageStatus::Moved => s.stages_moved += 1,
                StageStatus::Renamed | StageStatus::Same => {}
            }
            if stage.renamed {
                s.stages_renamed += 1;
            }
        }
        s.cards = counts(Collection::Cards, before, after);
        s.touchpoints = counts(Collection::Touchpoints, before, after);
        s.personas = counts(Collection::Personas, before, after);
        s.lanes = counts(Collection::Lanes, before, after);
        s.actions = counts(Collection::Actions, before, after);
        s.emotions = counts(Collection::Emotions, before, after);
        // The map's own fields, as the merge's `map` item has them.
        s.details = before.title != after.title
            || before.kind != after.kind
            || before.description != after.description
            || before.scales != after.scales
            || before.branding != after.branding
            || before.based_on != after.based_on;
        s
    }

    /// What a first version holds: everything in it, counted as added.
    pub fn first(map: &JourneyMap) -> ChangeSummary {
        let mut empty = map.clone();
        empty.personas.clear();
        empty.stages.clear();
        empty.lanes.clear();
        empty.cards.clear();
        empty.touchpoints.clear();
        empty.emotions.clear();
        empty.actions.clear();
        ChangeSummary::between(&empty, map)
    }

    pub fn is_empty(&self) -> bool {
        *self == ChangeSummary::default()
    }

    /// A few words: at most `MAX_PARTS` kinds of change, the largest
    /// first, then "and more" — a list row has room for one line.
    pub fn said(&self, lang: Lang) -> String {
        const MAX_PARTS: usize = 3;
        let mut parts: Vec<(u32, String)> = Vec::new();
        let mut push = |n: u32, word: Word, what: What| {
            if n > 0 {
                parts.push((n, phrase(lang, n, word, what)));
            }
        };
        push(self.stages_added, Word::Stage, What::Added);
        push(self.stages_removed, Word::Stage, What::Removed);
        push(self.stages_renamed, Word::Stage, What::Renamed);
        push(self.stages_moved, Word::Stage, What::Moved);
        for (c, word) in [
            (self.cards, Word::Card),
            (self.touchpoints, Word::Touchpoint),
            (self.personas, Word::Persona),
            (self.lanes, Word::Lane),
            (self.actions, Word::Action),
            (self.emotions, Word::Feeling),
        ] {
            if c.is_empty() {
                continue;
            }
            push(c.added, word, What::Added);
            push(c.removed, word, What::Removed);
            push(c.changed, word, What::Changed);
        }
        if self.details {
            parts.push((
                1,
                match lang {
                    Lang::En => "map details changed".to_owned(),
                    Lang::Fr => "détails de la carte modifiés".to_owned(),
                },
            ));
        }
        if parts.is_empty() {
            return match lang {
                Lang::En => "No change".to_owned(),
                Lang::Fr => "Aucun changement".to_owned(),
            };
        }
        // Stable: equal counts keep the order above (stages first).
        parts.sort_by_key(|p| std::cmp::Reverse(p.0));
        let more = parts.len() > MAX_PARTS;
        let mut words: Vec<String> = parts.into_iter().take(MAX_PARTS).map(|p| p.1).collect();
        if more {
            words.push(
                match lang {
                    Lang::En => "and more",
                    Lang::Fr => "et plus",
                }
                .to_owned(),
            );
        }
        let mut text = words.join(", ");
        if let Some(first) = text.get(..1) {
            text = first.to_uppercase() + &text[1..];
        }
        text
    }
}

#[derive(Clone, Copy)]
enum Word {
    Stage,
    Card,
    Touchpoint,
    Persona,
    Lane,
    Action,
    Feeling,
}

#[derive(Clone, Copy)]
enum What {
    Added,
    Removed,
    Renamed,
    Moved,
    Changed,
}

/// "1 stage renamed", "2 étapes renommées": the noun and the participle
/// agree in number (and, in French, in gender).
fn phrase(lang: Lang, n: u32, word: Word, what: What) -> String {
    let plural = n > 1;
    match lang {
        Lang::En => {
            let noun = match (word, plural) {
                (Word::Stage, false) => "stage",
                (Word::Stage, true) => "stages",
                (Word::Card, false) => "card",
                (Word::Card, true) => "cards",
                (Word::Touchpoint, false) => "touchpoint",
                (Word::Touchpoint, true) => "touchpoints",
                (Word::Persona, false) => "persona",
                (Word::Persona, true) => "personas",
                (Word::Lane, false) => "lane",
                (Word::Lane, true) => "lanes",
                (Word::Action, false) => "action",
                (Word::Action, true) => "actions",
                (Word::Feeling, false) => "feeling",
                (Word::Feeling, true) => "feelings",
            };
            let verb = match what {
                What::Added => "added",
                What::Removed => "removed",
                What::Renamed => "renamed",
                What::Moved => "moved",
                What::Changed => "changed",
            };
            format!("{n} {noun} {verb}")
        }
        Lang::Fr => {
            // Feminine: étape, carte, ligne, action, émotion.
            let (noun, feminine) = match (word, plural) {
                (Word::Stage, false) => ("étape", true),
                (Word::Stage, true) => ("étapes", true),
                (Word::Card, false) => ("carte", true),
                (Word::Card, true) => ("cartes", true),
                (Word::Touchpoint, false) => ("point de contact", false),
                (Word::Touchpoint, true) => ("points de contact", false),
                (Word::Persona, false) => ("persona", false),
                (Word::Persona, true) => ("personas", false),
                (Word::Lane, false) => ("ligne", true),
                (Word::Lane, true) => ("lignes", true),
                (Word::Action, false) => ("action", true),
                (Word::Action, true) => ("actions", true),
                (Word::Feeling, false) => ("émotion", true),
                (Word::Feeling, true) => ("émotions", true),
            };
            let stem = match what {
                What::Added => "ajouté",
                What::Removed => "supprimé",
                What::Renamed => "renommé",
                What::Moved => "déplacé",
                What::Changed => "modifié",
            };
            let e = if feminine { "e" } else { "" };
            let s = if plural { "s" } else { "" };
            format!("{n} {noun} {stem}{e}{s}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{sample_map, Card, SequentialIds};

    fn map() -> JourneyMap {
        sample_map(&mut SequentialIds::new("s"), "Map", 0)
    }

    #[test]
    fn renamed_stages_and_added_cards_are_counted_and_said() {
        let before = map();
        let mut after = before.clone();
        after.stages[0].name = "Ailleurs".into();
        after.stages[1].name = "Autre".into();
        let lane = after
            .lanes
            .iter()
            .find(|l| l.kind.holds_cards())
            .unwrap()
            .id
            .clone();
        let stage = after.stages[2].id.clone();
        for i in 0..5 {
            after.cards.push(Card {
                id: format!("new{i}"),
                lane: lane.clone(),
                stage: stage.clone(),
                text: format!("c{i}"),
                ..Card::default()
            });
        }
        let s = ChangeSummary::between(&before, &after);
        assert_eq!(s.stages_renamed, 2);
        assert_eq!(s.stages_moved, 0);
        assert_eq!(s.cards.added, 5);
        assert!(!s.details);
        assert_eq!(s.said(Lang::En), "5 cards added, 2 stages renamed");
        assert_eq!(s.said(Lang::Fr), "5 cartes ajoutées, 2 étapes renommées");
    }

    #[test]
    fn singular_masculine_and_no_change_are_said_properly() {
        let before = map();
        assert_eq!(
            ChangeSummary::between(&before, &before).said(Lang::En),
            "No change"
        );
        assert_eq!(
            ChangeSummary::between(&before, &before).said(Lang::Fr),
            "Aucun changement"
        );
        let mut before = before;
        let stage = before.stages[0].id.clone();
        before.touchpoints.push(
            serde_json::from_value(serde_json::json!({
                "id": "t1", "stage": stage, "name": "Site", "channel": "website"
            }))
            .unwrap(),
        );
        let mut after = before.clone();
        after.touchpoints.pop();
        let s = ChangeSummary::between(&before, &after);
        assert_eq!(s.touchpoints.removed, 1);
        assert_eq!(s.said(Lang::Fr), "1 point de contact supprimé");
        assert_eq!(s.said(Lang::En), "1 touchpoint removed");
    }

    #[test]
    fn a_moved_card_is_one_change_and_a_moved_stage_is_moved() {
        let before = map();
        let mut after = before.clone();
        let other = after.stages[1].id.clone();
        let card = after.cards.iter_mut().find(|c| c.stage != other).unwrap();
        card.stage = other;
        after.stages.swap(0, 2);
        after.title = "Renamed map".into();
        let s = ChangeSummary::between(&before, &after);
        assert_eq!(
            s.cards,
            Counts {
                added: 0,
                removed: 0,
                changed: 1
            }
        );
        assert!(s.stages_moved >= 1);
        assert_eq!(s.stages_renamed, 0);
        assert!(s.details);
    }

    #[test]
    fn a_long_summary_is_cut_to_three_parts_and_more() {
        let s = ChangeSummary {
            stages_added: 1,
            cards: Counts {
                added: 4,
                removed: 3,
                changed: 2,
            },
            ..ChangeSummary::default()
        };
        assert_eq!(
            s.said(Lang::En),
            "4 cards added, 3 cards removed, 2 cards changed, and more"
        );
    }

    #[test]
    fn a_first_version_counts_everything_as_added() {
        let m = map();
        let s = ChangeSummary::first(&m);
        assert_eq!(s.stages_added as usize, m.stages.len());
        assert_eq!(s.cards.added as usize, m.cards.len());
        assert_eq!(s.stages_removed + s.cards.removed, 0);
    }
}
