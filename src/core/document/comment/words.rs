//! The comments' words, in English and French side by side: only their
//! lazy part says them, so they live here rather than in the first load's
//! word table.

use super::{CommentError, CommentFlaw, CommentProblem, On, Target};
use crate::core::document::model::JourneyMap;
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;

/// A sentence or label of the comments' UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommentText {
    Heading,
    /// The toolbar's button, with the open comments' count.
    Button {
        open: usize,
    },
    /// An item's badge, for screen readers.
    Badge {
        open: usize,
    },
    /// The badge's button on an item without comments.
    CommentThis,
    OnMap,
    OnStage {
        name: String,
    },
    OnCard {
        text: String,
    },
    OnTouchpoint {
        name: String,
    },
    /// On a stage, card or touchpoint since deleted.
    OnRemoved,
    NewOn,
    Placeholder,
    Add,
    Reply,
    ReplyPlaceholder,
    Resolve,
    Reopen,
    ResolvedBy {
        name: String,
        when: String,
    },
    ShowResolved,
    GoTo,
    NoneOpen,
    Close,
    Unreadable {
        why: String,
    },
    /// The report's section, and its option.
    InReport,
    IncludeInReport,
}

/// A card's text as a short label: its first line, at most 40 characters.
fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    match line.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_owned(),
    }
}

/// Where a comment is, in words.
pub fn place(map: &JourneyMap, target: &Target) -> CommentText {
    let id = target.item.as_deref().unwrap_or("");
    match target.on {
        On::Map => Some(CommentText::OnMap),
        On::Stage => map
            .stages
            .iter()
            .find(|s| s.id == id)
            .map(|s| CommentText::OnStage {
                name: s.name.clone(),
            }),
        On::Touchpoint => {
            map.touchpoints
                .iter()
                .find(|t| t.id == id)
                .map(|t| CommentText::OnTouchpoint {
                    name: t.name.clone(),
                })
        }
        On::Card => map
            .cards
            .iter()
            .find(|c| c.id == id)
            .map(|c| CommentText::OnCard {
                text: short(&c.text),
            }),
    }
    .unwrap_or(CommentText::OnRemoved)
}

/// The places a new comment can go, stage by stage: the stage, its
/// touchpoints, then its cards, each by its id and its words (the map
/// itself is offered apart).
pub fn places(map: &JourneyMap) -> Vec<(String, Vec<(String, CommentText)>)> {
    map.stages
        .iter()
        .map(|s| {
            let mut items = vec![(s.id.clone(), place(map, &Target::item(On::Stage, &s.id)))];
            items.extend(map.touchpoints.iter().filter(|t| t.stage == s.id).map(|t| {
                (
                    t.id.clone(),
                    place(map, &Target::item(On::Touchpoint, &t.id)),
                )
            }));
            items.extend(
                map.cards
                    .iter()
                    .filter(|c| c.stage == s.id)
                    .map(|c| (c.id.clone(), place(map, &Target::item(On::Card, &c.id)))),
            );
            (s.name.clone(), items)
        })
        .collect()
}

impl Said for CommentText {
    fn said(&self, lang: Lang) -> String {
        use CommentText::*;
        match self {
            Heading => say!(lang, "Comments", "Commentaires"),
            Button { open } => button(*open, lang),
            Badge { open } => badge(*open, lang),
            CommentThis => badge(0, lang),
            OnMap => say!(lang, "On the map", "Sur la carte"),
            OnStage { name } => say!(lang, "Stage “{name}”", "Étape « {name} »"),
            OnCard { text } => say!(lang, "Card “{text}”", "Carte « {text} »"),
            OnTouchpoint { name } => say!(lang, "Touchpoint “{name}”", "Point de contact « {name} »"),
            OnRemoved => say!(
                lang,
                "On an item since deleted",
                "Sur un élément supprimé depuis"
            ),
            NewOn => say!(lang, "New comment on", "Nouveau commentaire sur"),
            Placeholder => say!(lang, "Write a comment…", "Écrire un commentaire…"),
            Add => say!(lang, "Comment", "Commenter"),
            Reply => say!(lang, "Reply", "Répondre"),
            ReplyPlaceholder => say!(lang, "Reply…", "Répondre…"),
            Resolve => say!(lang, "Resolve", "Résoudre"),
            Reopen => say!(lang, "Reopen", "Rouvrir"),
            ResolvedBy { name, when } => say!(
                lang,
                "Resolved by {name}, {when}",
                "Résolu par {name}, {when}"
            ),
            ShowResolved => say!(lang, "Show resolved comments", "Montrer les commentaires résolus"),
            GoTo => say!(lang, "Show on the map", "Montrer sur la carte"),
            NoneOpen => say!(lang, "No open comments.", "Aucun commentaire ouvert."),
            Close => say!(lang, "Close", "Fermer"),
            Unreadable { why } => say!(
                lang,
                "This map's comments could not be read, so they are kept as they are and cannot be changed here: {why}",
                "Les commentaires de cette carte n'ont pas pu être lus ; ils sont gardés tels quels et ne peuvent pas être modifiés ici : {why}"
            ),
            InReport => say!(lang, "Open comments", "Commentaires ouverts"),
            IncludeInReport => say!(
                lang,
                "Include the open comments in the report",
                "Inclure les commentaires ouverts dans le rapport"
            ),
        }
    }
}

/// The editor toolbar's button (on the map path: apart from the panel's
/// words, which come with the panel).
pub fn button(open: usize, lang: Lang) -> String {
    match open {
        0 => say!(lang, "💬 Comments", "💬 Commentaires"),
        _ => say!(lang, "💬 Comments ({open})", "💬 Commentaires ({open})"),
    }
}

/// An item's badge, as screen readers say it (0: the button that comments it).
pub fn badge(open: usize, lang: Lang) -> String {
    match open {
        0 => say!(lang, "Comment", "Commenter"),
        1 => say!(lang, "1 open comment", "1 commentaire ouvert"),
        _ => say!(lang, "{open} open comments", "{open} commentaires ouverts"),
    }
}

impl Said for CommentFlaw {
    fn said(&self, lang: Lang) -> String {
        match self {
            CommentFlaw::Shape(words) => crate::core::text::json_words::said(lang, words),
            CommentFlaw::EmptyId => say!(lang, "an empty id", "un identifiant vide"),
            CommentFlaw::DuplicateId(id) => say!(
                lang,
                "the id “{id}” is used twice",
                "l'identifiant « {id} » est utilisé deux fois"
            ),
            CommentFlaw::TextLength => {
                let max = super::MAX_TEXT_CHARS;
                say!(
                    lang,
                    "a text must have 1 to {max} characters",
                    "un texte doit avoir de 1 à {max} caractères"
                )
            }
            CommentFlaw::NotAName => say!(
                lang,
                "not a name (one line, 1 to 80 characters)",
                "pas un nom (une ligne, de 1 à 80 caractères)"
            ),
            CommentFlaw::Item => say!(
                lang,
                "a stage, card or touchpoint comment names its item; a map comment none",
                "un commentaire d'étape, de carte ou de point de contact nomme son élément ; un commentaire de carte entière aucun"
            ),
            CommentFlaw::TooMany { max } => say!(lang, "more than {max}", "plus de {max}"),
        }
    }
}

impl Said for CommentProblem {
    fn said(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.flaw.said(lang))
    }
}

impl Said for CommentError {
    fn said(&self, lang: Lang) -> String {
        match self {
            CommentError::TextLength => CommentFlaw::TextLength.said(lang),
            CommentError::NoName => say!(
                lang,
                "set your name first: it signs your comments",
                "indiquez d'abord votre nom : il signe vos commentaires"
            ),
            CommentError::NotFound => say!(
                lang,
                "this comment is no longer in the map",
                "ce commentaire n'est plus dans la carte"
            ),
            CommentError::TooMany { max } => say!(
                lang,
                "there is no room for more: at most {max}",
                "il n'y a plus de place : au plus {max}"
            ),
            CommentError::Unreadable => say!(
                lang,
                "this map's comments could not be read; they are kept as they are",
                "les commentaires de cette carte n'ont pas pu être lus ; ils sont gardés tels quels"
            ),
        }
    }
}

crate::display_in_english!(CommentError, CommentProblem);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_said_in_both_languages() {
        let texts = [
            CommentText::Heading,
            CommentText::Button { open: 0 },
            CommentText::Button { open: 3 },
            CommentText::Badge { open: 1 },
            CommentText::Badge { open: 2 },
            CommentText::CommentThis,
            CommentText::OnMap,
            CommentText::OnStage { name: "A".into() },
            CommentText::OnCard { text: "A".into() },
            CommentText::OnTouchpoint { name: "A".into() },
            CommentText::OnRemoved,
            CommentText::NewOn,
            CommentText::Placeholder,
            CommentText::Reply,
            CommentText::ReplyPlaceholder,
            CommentText::Resolve,
            CommentText::Reopen,
            CommentText::ResolvedBy {
                name: "Léa".into(),
                when: "x".into(),
            },
            CommentText::ShowResolved,
            CommentText::GoTo,
            CommentText::NoneOpen,
            CommentText::Close,
            CommentText::Unreadable { why: "x".into() },
            CommentText::InReport,
            CommentText::IncludeInReport,
        ];
        let mut ids = crate::core::document::model::SequentialIds::new("w");
        let map = JourneyMap::blank(&mut ids, "T", ["Un", "Deux", "Trois"], 0);
        let stage = map.stages[1].id.clone();
        assert_eq!(
            place(&map, &Target::item(On::Stage, &stage)).said(Lang::Fr),
            "Étape « Deux »"
        );
        assert_eq!(
            place(&map, &Target::item(On::Card, "gone")),
            CommentText::OnRemoved
        );
        assert_eq!(
            short(&format!("{}\nsecond", "é".repeat(45))),
            format!("{}…", "é".repeat(40))
        );
        for t in &texts {
            assert_ne!(t.said(Lang::En), t.said(Lang::Fr), "{t:?}");
        }
        let errors = [
            CommentError::TextLength,
            CommentError::NoName,
            CommentError::NotFound,
            CommentError::TooMany { max: 5 },
            CommentError::Unreadable,
        ];
        for e in &errors {
            assert_ne!(e.said(Lang::En), e.said(Lang::Fr), "{e:?}");
        }
        assert!(CommentError::TooMany { max: 5 }.to_string().contains('5'));
    }
}
