//! The portfolio's words, English and French side by side: only its lazy
//! part (with the actions board) says them, so they live here rather than
//! in the first load's word table.

use super::Sort;
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortfolioText {
    Heading,
    Intro,
    /// How the journey figures and their trends are computed.
    Method,
    Map,
    Kind,
    Stages,
    Touchpoints,
    OpenPainPoints,
    /// "3 of 5": open pain points of all of them.
    OpenOf {
        open: usize,
        all: usize,
    },
    Actions,
    LastChange,
    /// A journey figure's trend, over how many touchpoints.
    TrendOver {
        touchpoints: usize,
    },
    /// No reading before the latest one.
    NoTrend,
    NoFigure,
    SortBy,
    Sort(Sort),
    FilterKind,
    FilterOwner,
    Owner,
    /// The owner field's accessible name, for one map.
    OwnerOf {
        title: String,
    },
    NobodyYet,
    FilterDepartment,
    FilterPersona,
    /// Maps shown of all of them.
    Shown {
        shown: usize,
        all: usize,
    },
    Reading {
        done: usize,
        all: usize,
    },
    Weakest,
    WeakestHint,
    NoWeakest,
    NoMaps,
    NoneShown,
    Unreadable,
    Conflict,
    NotSaved,
}

impl Said for PortfolioText {
    fn said(&self, lang: Lang) -> String {
        use PortfolioText::*;
        match self {
            Heading => say!(lang, "Portfolio", "Portefeuille"),
            Intro => say!(
                lang,
                "Every map in this browser in one table: its figures over the whole journey, its open pain points and its actions. Open a map from its title.",
                "Toutes les cartes de ce navigateur dans un tableau : leurs indicateurs sur tout le parcours, leurs points de friction ouverts et leurs actions. Ouvrez une carte par son titre."
            ),
            Method => say!(
                lang,
                "Journey figures pool every touchpoint's latest survey answers (95 % interval; weighted by persona share when the map asks for it). The trend compares, over the touchpoints measured at least twice, their latest answers with the ones before: ▲ better or ▼ worse when the change's 95 % interval leaves out zero, ≈ within noise. A pain point is open until a done action answers it, directly or through an opportunity.",
                "Les indicateurs du parcours regroupent les dernières réponses d'enquête de chaque point de contact (intervalle à 95 % ; pondérés par part de persona quand la carte le demande). La tendance compare, sur les points de contact mesurés au moins deux fois, leurs dernières réponses aux précédentes : ▲ mieux ou ▼ moins bien quand l'intervalle à 95 % de l'écart exclut zéro, ≈ dans le bruit. Un point de friction reste ouvert tant qu'aucune action terminée n'y répond, directement ou par une opportunité."
            ),
            Map => say!(lang, "Map", "Carte"),
            Kind => say!(lang, "Kind", "Type"),
            Stages => say!(lang, "Stages", "Étapes"),
            Touchpoints => say!(lang, "Touchpoints", "Points de contact"),
            OpenPainPoints => say!(lang, "Open pain points", "Points de friction ouverts"),
            OpenOf { open, all } => say!(lang, "{open} of {all}", "{open} sur {all}"),
            Actions => say!(lang, "Actions", "Actions"),
            LastChange => say!(lang, "Last change", "Dernière modification"),
            TrendOver { touchpoints } => say!(
                lang,
                "since the previous answers, over {touchpoints} touchpoint(s) measured twice",
                "depuis les réponses précédentes, sur {touchpoints} point(s) de contact mesuré(s) deux fois"
            ),
            NoTrend => say!(lang, "no earlier reading", "pas de mesure antérieure"),
            NoFigure => say!(lang, "—", "—"),
            SortBy => say!(lang, "Sort by", "Trier par"),
            Sort(s) => match s {
                super::Sort::Modified => say!(lang, "Last change", "Dernière modification"),
                super::Sort::Title => say!(lang, "Title", "Titre"),
                super::Sort::Owner => say!(lang, "Owner", "Responsable"),
                super::Sort::Nps => say!(lang, "NPS, weakest first", "NPS, le plus faible d'abord"),
                super::Sort::Csat => {
                    say!(lang, "CSAT, weakest first", "CSAT, le plus faible d'abord")
                }
                super::Sort::Ces => {
                    say!(lang, "CES, weakest first", "CES, le plus faible d'abord")
                }
                super::Sort::OpenPainPoints => say!(
                    lang,
                    "Open pain points, most first",
                    "Points de friction ouverts, le plus d'abord"
                ),
            },
            FilterKind => say!(lang, "Kind of map", "Type de carte"),
            FilterOwner | Owner => say!(lang, "Owner", "Responsable"),
            OwnerOf { title } => say!(lang, "Owner of {title}", "Responsable de {title}"),
            NobodyYet => say!(lang, "nobody", "personne"),
            FilterDepartment => say!(lang, "Department", "Service"),
            FilterPersona => say!(lang, "Persona", "Persona"),
            Shown { shown, all } => {
                say!(lang, "{shown} of {all} maps", "{shown} cartes sur {all}")
            }
            Reading { done, all } => say!(
                lang,
                "Reading the maps… {done} of {all}",
                "Lecture des cartes… {done} sur {all}"
            ),
            Weakest => say!(
                lang,
                "The weakest touchpoints across these maps",
                "Les points de contact les plus faibles de ces cartes"
            ),
            WeakestHint => say!(
                lang,
                "Ranked by their weakest survey figure (NPS, CSAT or CES) on its own scale.",
                "Classés par leur indicateur d'enquête le plus faible (NPS, CSAT ou CES) sur sa propre échelle."
            ),
            NoWeakest => say!(
                lang,
                "No touchpoint of these maps has a survey figure yet.",
                "Aucun point de contact de ces cartes n'a encore d'indicateur d'enquête."
            ),
            NoMaps => say!(
                lang,
                "No map in this browser yet.",
                "Aucune carte dans ce navigateur pour l'instant."
            ),
            NoneShown => say!(
                lang,
                "No map matches these filters.",
                "Aucune carte ne correspond à ces filtres."
            ),
            Unreadable => say!(
                lang,
                "Some maps could not be read and are not in the portfolio.",
                "Certaines cartes n'ont pas pu être lues et ne sont pas dans le portefeuille."
            ),
            Conflict => say!(
                lang,
                "This map was changed in another tab: the portfolio shows it as stored now. Try again.",
                "Cette carte a été modifiée dans un autre onglet : le portefeuille la montre telle qu'elle est enregistrée. Réessayez."
            ),
            NotSaved => say!(lang, "The owner was not saved:", "Le responsable n'a pas été enregistré :"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_say_every_word() {
        let all = [
            PortfolioText::Heading,
            PortfolioText::Intro,
            PortfolioText::Method,
            PortfolioText::OpenOf { open: 3, all: 5 },
            PortfolioText::TrendOver { touchpoints: 4 },
            PortfolioText::Shown { shown: 2, all: 3 },
            PortfolioText::Reading { done: 1, all: 50 },
            PortfolioText::Weakest,
            PortfolioText::NoMaps,
            PortfolioText::Unreadable,
        ]
        .into_iter()
        .chain(Sort::ALL.map(PortfolioText::Sort));
        for t in all {
            let (en, fr) = (t.said(Lang::En), t.said(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{t:?}");
            assert!(
                en != fr || en == "Actions" || en == "—",
                "{t:?} is not translated"
            );
        }
        assert_eq!(
            PortfolioText::OpenOf { open: 3, all: 5 }.said(Lang::Fr),
            "3 sur 5"
        );
    }
}
