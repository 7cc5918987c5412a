//! The linked journeys' words, English and French side by side: only their
//! lazy part says them (the stage's link, *part of*, the tree), so they
//! live here rather than in the first load's word table.

use crate::core::analysis::metrics::{text, Figure};
use crate::core::analysis::portfolio::headline::Headline;
use crate::core::text::i18n::{emotion_face, emotion_label, Lang};
use crate::core::text::said::Said;
use crate::say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JourneyText {
    /// The picker's heading, for one stage.
    DetailStage {
        stage: String,
    },
    NewSubJourney,
    NewSubJourneyHint,
    /// The accessible name of a map's link button.
    LinkTo {
        title: String,
    },
    Link,
    /// Every other map would close a loop.
    NothingLinkable,
    NoOtherMap,
    Close,
    DetailedBy,
    Unlink,
    /// The linked map is not in this browser.
    Missing,
    OpenItsFile,
    /// A file picked for a missing link holds another map.
    OtherMap {
        title: String,
    },
    /// The sub-journey could not be made (the stage is gone).
    StageGone,
    PartOf,
    /// Back up to the map above, at its stage.
    BackTo {
        title: String,
        stage: String,
    },
    NoFigures,
    TreeHeading,
    TreeHint,
    TreeEmpty,
    /// A sub-journey's line in the tree: the stage it details.
    Details {
        stage: String,
    },
}

impl Said for JourneyText {
    fn said(&self, lang: Lang) -> String {
        use JourneyText::*;
        match self {
            DetailStage { stage } => say!(
                lang,
                "Detail “{stage}” with its own map",
                "Détailler « {stage} » dans sa propre carte"
            ),
            NewSubJourney => say!(lang, "+ New sub-journey", "+ Nouveau sous-parcours"),
            NewSubJourneyHint => say!(
                lang,
                "A new map named after the stage, with this map's kind, lanes, personas, scales and owner; it opens at once.",
                "Une nouvelle carte au nom de l'étape, avec le type, les lignes, les personas, les échelles et le responsable de celle-ci ; elle s'ouvre aussitôt."
            ),
            LinkTo { title } => say!(lang, "Link to {title}", "Lier à {title}"),
            Link => say!(lang, "Link", "Lier"),
            NothingLinkable => say!(
                lang,
                "Every other map already leads back to this one through its own links: linking it would make a loop.",
                "Toutes les autres cartes mènent déjà à celle-ci par leurs propres liens : les lier ferait une boucle."
            ),
            NoOtherMap => say!(
                lang,
                "No other map in this browser yet.",
                "Aucune autre carte dans ce navigateur pour l'instant."
            ),
            Close => say!(lang, "Close", "Fermer"),
            DetailedBy => say!(lang, "Detailed in", "Détaillé dans"),
            Unlink => say!(lang, "Unlink", "Délier"),
            Missing => say!(
                lang,
                "This stage is detailed in a map this browser does not have.",
                "Cette étape est détaillée dans une carte absente de ce navigateur."
            ),
            OpenItsFile => say!(lang, "Open its file…", "Ouvrir son fichier…"),
            OtherMap { title } => say!(
                lang,
                "This file holds “{title}”, not the map this stage links to: nothing was added.",
                "Ce fichier contient « {title} », pas la carte liée à cette étape : rien n'a été ajouté."
            ),
            StageGone => say!(
                lang,
                "This stage no longer exists.",
                "Cette étape n'existe plus."
            ),
            PartOf => say!(lang, "Part of:", "Fait partie de :"),
            BackTo { title, stage } => say!(
                lang,
                "Back to {title}, stage {stage}",
                "Retour à {title}, étape {stage}"
            ),
            NoFigures => say!(lang, "no figures yet", "pas encore d'indicateurs"),
            TreeHeading => say!(lang, "Journeys and sub-journeys", "Parcours et sous-parcours"),
            TreeHint => say!(
                lang,
                "Top-level journeys, each with the maps that detail its stages (link a stage with its ↳ button).",
                "Les parcours de premier niveau, chacun avec les cartes qui détaillent ses étapes (liez une étape par son bouton ↳)."
            ),
            TreeEmpty => say!(
                lang,
                "No stage is detailed in another map yet: press ↳ in a stage's header to link one.",
                "Aucune étape n'est encore détaillée dans une autre carte : appuyez sur ↳ dans l'en-tête d'une étape pour en lier une."
            ),
            Details { stage } => say!(lang, "details “{stage}”", "détaille « {stage} »"),
        }
    }
}

/// A figure as the headline says it: `NPS −45 (−58 … −30)`.
fn figure(lang: Lang, f: &Figure) -> String {
    format!("{} {}", f.metric.label(lang), text::headline(lang, f))
}

/// A linked map's headline in one line: its NPS with its margin, its
/// weakest touchpoint and its lowest feeling, each left out when the map
/// has none (all three: "no figures yet").
pub fn headline_line(lang: Lang, h: &Headline) -> String {
    let mut parts = Vec::new();
    if let Some(nps) = &h.nps {
        parts.push(figure(lang, nps));
    }
    if let Some(w) = &h.weakest {
        let (name, f) = (&w.name, figure(lang, &w.figure));
        parts.push(say!(
            lang,
            "weakest: {name} ({f})",
            "le plus faible : {name} ({f})"
        ));
    }
    if let Some(low) = &h.lowest_feeling {
        let (face, label, stage) = (
            emotion_face(low.value),
            emotion_label(lang, low.value),
            &low.stage,
        );
        parts.push(match &low.persona {
            None => say!(
                lang,
                "lowest feeling: {face} {label} ({stage})",
                "ressenti le plus bas : {face} {label} ({stage})"
            ),
            Some(who) => say!(
                lang,
                "lowest feeling: {face} {label} ({stage}, {who})",
                "ressenti le plus bas : {face} {label} ({stage}, {who})"
            ),
        });
    }
    if parts.is_empty() {
        return JourneyText::NoFigures.said(lang);
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::portfolio::headline::headline;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{JourneyMap, SequentialIds};

    #[test]
    fn both_languages_say_every_word() {
        let s = || "Livraison".to_owned();
        let all = [
            JourneyText::DetailStage { stage: s() },
            JourneyText::NewSubJourney,
            JourneyText::NewSubJourneyHint,
            JourneyText::LinkTo { title: s() },
            JourneyText::Link,
            JourneyText::NothingLinkable,
            JourneyText::NoOtherMap,
            JourneyText::Close,
            JourneyText::DetailedBy,
            JourneyText::Unlink,
            JourneyText::Missing,
            JourneyText::OpenItsFile,
            JourneyText::OtherMap { title: s() },
            JourneyText::StageGone,
            JourneyText::PartOf,
            JourneyText::BackTo {
                title: s(),
                stage: s(),
            },
            JourneyText::NoFigures,
            JourneyText::TreeHeading,
            JourneyText::TreeHint,
            JourneyText::TreeEmpty,
            JourneyText::Details { stage: s() },
        ];
        for t in all {
            let (en, fr) = (t.said(Lang::En), t.said(Lang::Fr));
            assert!(!en.is_empty() && en != fr, "{t:?} is not translated");
        }
    }

    #[test]
    fn the_headline_line_says_each_part_it_has() {
        let map = demo_map(Lang::En, &mut SequentialIds::new("w"), 1);
        let h = headline(&map);
        let line = headline_line(Lang::En, &h);
        let nps = text::headline(Lang::En, h.nps.as_ref().unwrap());
        assert!(
            line.starts_with(&format!("NPS {nps} · weakest: ")),
            "{line}"
        );
        assert!(line.contains(&h.weakest.as_ref().unwrap().name), "{line}");
        let stage = &map.stages[4].name;
        assert!(
            line.ends_with(&format!("({stage}, {})", map.personas[0].name)),
            "{line}"
        );
        assert!(line.contains("lowest feeling: 😠 Frustrated"), "{line}");
        let fr = headline_line(Lang::Fr, &h);
        assert!(fr.contains("ressenti le plus bas : 😠 Frustré"), "{fr}");
        let blank = JourneyMap::blank(&mut SequentialIds::new("b"), "B", ["1", "2", "3"], 1);
        assert_eq!(
            headline_line(Lang::Fr, &headline(&blank)),
            "pas encore d'indicateurs"
        );
    }
}
