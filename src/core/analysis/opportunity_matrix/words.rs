//! The opportunity matrix's words, English and French side by side: only
//! its lazy part (with the actions board) says them, so they live here
//! rather than in the first load's word table.

use super::{Quadrant, ValueAxis};
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatrixText {
    Heading,
    Intro,
    /// How the score is computed, under the table.
    ScoreRule,
    Axis(ValueAxis),
    /// The label of the choice of vertical axis.
    ShownValue,
    Effort,
    Stage,
    Quadrant(Quadrant),
    /// The quadrant's one-line meaning, under its name.
    QuadrantHint(Quadrant),
    NotPlaced {
        count: usize,
    },
    PlaceInMiddle,
    /// A point's accessible name.
    Point {
        text: String,
        value: u8,
        effort: u8,
        quadrant: String,
    },
    /// Said after a move.
    Moved {
        text: String,
        value: u8,
        effort: u8,
        quadrant: String,
    },
    Opportunity,
    Map,
    Score,
    NotScored,
    Answers {
        pain_point: String,
    },
    NoOpportunities,
    NoneShown,
    /// The actions board's sort.
    SortBy,
    SortPriority,
    SortScore,
    /// The board's column of the opportunity score.
    BoardScoreHint,
    Unreadable,
    Conflict,
    NotSaved,
}

fn quadrant_name(lang: Lang, q: Quadrant) -> String {
    match q {
        Quadrant::QuickWin => say!(lang, "Quick wins", "Gains rapides"),
        Quadrant::BigBet => say!(lang, "Big bets", "Paris stratégiques"),
        Quadrant::FillIn => say!(lang, "Fill-ins", "Bouche-trous"),
        Quadrant::MoneyPit => say!(lang, "Money pits", "Gouffres"),
        Quadrant::ToWeigh => say!(lang, "To weigh", "À arbitrer"),
    }
}

impl Said for MatrixText {
    fn said(&self, lang: Lang) -> String {
        use MatrixText::*;
        match self {
            Heading => say!(lang, "Opportunity matrix", "Matrice des opportunités"),
            Intro => say!(
                lang,
                "Every opportunity of every map in this browser, placed by its value against the effort it takes. Drag a point to another cell, or focus it and use the arrow keys, to change its scores; the table gives all three.",
                "Toutes les opportunités de toutes les cartes de ce navigateur, placées selon leur valeur et l'effort qu'elles demandent. Faites glisser un point vers une autre case, ou sélectionnez-le et utilisez les flèches, pour changer ses notes ; le tableau donne les trois."
            ),
            ScoreRule => say!(
                lang,
                "Score = (value to the customer + value to the business) ÷ effort, each from 1 (low) to 5 (high): from 0.4 to 10, the higher the sooner (the value-over-size ratio of weighted shortest job first). An opportunity lacking one of its three scores has no score.",
                "Score = (valeur pour le client + valeur pour l'entreprise) ÷ effort, chacun de 1 (faible) à 5 (fort) : de 0,4 à 10, le plus haut d'abord (le rapport valeur sur taille du « weighted shortest job first »). Une opportunité à qui il manque une de ses trois notes n'a pas de score."
            ),
            Axis(ValueAxis::Customer) => {
                say!(lang, "Value to the customer", "Valeur pour le client")
            }
            Axis(ValueAxis::Business) => {
                say!(lang, "Value to the business", "Valeur pour l'entreprise")
            }
            ShownValue => say!(lang, "Value shown", "Valeur affichée"),
            Effort => say!(lang, "Effort", "Effort"),
            Stage => say!(lang, "Stage", "Étape"),
            Quadrant(q) => quadrant_name(lang, *q),
            QuadrantHint(q) => match q {
                super::Quadrant::QuickWin => {
                    say!(lang, "high value, low effort", "forte valeur, faible effort")
                }
                super::Quadrant::BigBet => {
                    say!(lang, "high value, high effort", "forte valeur, fort effort")
                }
                super::Quadrant::FillIn => {
                    say!(lang, "low value, low effort", "faible valeur, faible effort")
                }
                super::Quadrant::MoneyPit => {
                    say!(lang, "low value, high effort", "faible valeur, fort effort")
                }
                super::Quadrant::ToWeigh => say!(
                    lang,
                    "a value or an effort of 3",
                    "une valeur ou un effort de 3"
                ),
            },
            NotPlaced { count } => say!(
                lang,
                "Not on the matrix yet ({count}): they lack this value or an effort.",
                "Pas encore sur la matrice ({count}) : il leur manque cette valeur ou un effort."
            ),
            PlaceInMiddle => say!(lang, "Place in the middle", "Placer au centre"),
            Point {
                text,
                value,
                effort,
                quadrant,
            } => say!(
                lang,
                "{text}: value {value}, effort {effort}, {quadrant}",
                "{text} : valeur {value}, effort {effort}, {quadrant}"
            ),
            Moved {
                text,
                value,
                effort,
                quadrant,
            } => say!(
                lang,
                "“{text}” is now at value {value}, effort {effort}: {quadrant}.",
                "« {text} » est maintenant à la valeur {value}, effort {effort} : {quadrant}."
            ),
            Opportunity => say!(lang, "Opportunity", "Opportunité"),
            Map => say!(lang, "Map", "Carte"),
            Score => say!(lang, "Score", "Score"),
            NotScored => say!(lang, "not scored", "non noté"),
            Answers { pain_point } => {
                say!(lang, "answers: {pain_point}", "répond à : {pain_point}")
            }
            NoOpportunities => say!(
                lang,
                "No opportunity yet: add cards to a map's Opportunities lane, and they appear here.",
                "Aucune opportunité pour l'instant : ajoutez des cartes à la ligne Opportunités d'une carte, elles apparaîtront ici."
            ),
            NoneShown => say!(
                lang,
                "No opportunity passes these filters.",
                "Aucune opportunité ne passe ces filtres."
            ),
            SortBy => say!(lang, "Sort by", "Trier par"),
            SortPriority => say!(lang, "Priority", "Priorité"),
            SortScore => say!(lang, "Opportunity score", "Score d'opportunité"),
            Unreadable => say!(
                lang,
                "Some maps could not be read and are not on the matrix.",
                "Certaines cartes n'ont pas pu être lues et ne sont pas sur la matrice."
            ),
            Conflict => say!(
                lang,
                "This map was changed in another tab: the matrix shows it as stored now. Try again.",
                "Cette carte a été modifiée dans un autre onglet : la matrice la montre telle qu'elle est enregistrée. Réessayez."
            ),
            NotSaved => say!(lang, "The scores were not saved:", "Les notes n'ont pas été enregistrées :"),
            BoardScoreHint => say!(
                lang,
                "The score of the opportunity the action comes from (or the best of those answering its pain point): (value to the customer + value to the business) ÷ effort; unscored actions come last.",
                "Le score de l'opportunité dont vient l'action (ou le meilleur de celles qui répondent à son point de friction) : (valeur pour le client + valeur pour l'entreprise) ÷ effort ; les actions sans score viennent en dernier."
            ),
        }
    }
}

/// The quadrant's name, in `lang`.
pub fn quadrant(lang: Lang, q: Quadrant) -> String {
    quadrant_name(lang, q)
}

/// A score as the table shows it: one decimal, the language's decimal mark.
pub fn score_text(lang: Lang, score: f64) -> String {
    let text = format!("{score:.1}");
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_said_in_both_languages_and_differently() {
        let mut all = vec![
            MatrixText::Heading,
            MatrixText::Intro,
            MatrixText::ScoreRule,
            MatrixText::ShownValue,
            MatrixText::Stage,
            MatrixText::NotPlaced { count: 2 },
            MatrixText::PlaceInMiddle,
            MatrixText::Moved {
                text: "Book".into(),
                value: 4,
                effort: 2,
                quadrant: "x".into(),
            },
            MatrixText::Opportunity,
            MatrixText::Map,
            MatrixText::NotScored,
            MatrixText::NoOpportunities,
            MatrixText::NoneShown,
            MatrixText::SortBy,
            MatrixText::SortPriority,
            MatrixText::SortScore,
            MatrixText::BoardScoreHint,
            MatrixText::Unreadable,
            MatrixText::Conflict,
            MatrixText::NotSaved,
        ];
        all.extend(ValueAxis::ALL.map(MatrixText::Axis));
        all.extend(
            [
                Quadrant::QuickWin,
                Quadrant::BigBet,
                Quadrant::FillIn,
                Quadrant::MoneyPit,
            ]
            .map(MatrixText::Quadrant),
        );
        for t in all {
            let (en, fr) = (t.said(Lang::En), t.said(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty());
            assert_ne!(en, fr, "{t:?}");
        }
        assert_eq!(score_text(Lang::Fr, 2.5), "2,5");
        assert_eq!(score_text(Lang::En, 10.0), "10.0");
    }
}
