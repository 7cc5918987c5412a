//! The charts tab's and the future-state comparison's words, English and
//! French side by side: only their lazy part says them, so they live here
//! rather than in the first load's word table (moved out of it to make room
//! on the map path for the opportunity scores).

crate::word_table! {
    /// The charts' and the comparison's words.
    ChartText {
        BackToFutureMap => ("← Back to the future state", "← Retour à l'état futur"),
        ByPersona => ("by persona, whole journey", "par persona, tout le parcours"),
        CardsAdded => ("cards added", "cartes ajoutées"),
        CardsChanged => ("cards changed", "cartes modifiées"),
        CardsColumn => ("Cards", "Cartes"),
        CardsRemoved => ("cards removed", "cartes supprimées"),
        ComparisonTitle => ("Current state and future state", "État actuel et état futur"),
        CurrentStateMissing => ("The current-state map this future state was copied from is no longer in this browser's library.", "La carte de l'état actuel dont cet état futur est la copie n'est plus dans la bibliothèque de ce navigateur."),
        DownloadPng => ("Download PNG", "Télécharger en PNG"),
        DownloadSvg => ("Download SVG", "Télécharger en SVG"),
        FeelingTodayFuture => ("Feeling, today → future", "Ressenti, aujourd'hui → futur"),
        NothingChanged => ("no change", "aucun changement"),
        ScaleGood => ("Good answers:", "Bonnes réponses :"),
        Scales => ("Answer scales", "Échelles de réponse"),
        ScalesHint => ("New imports use these scales; answers already imported keep theirs.", "Les prochains imports utilisent ces échelles ; les réponses déjà importées gardent la leur."),
        ScoresGrouping => ("Scores grouped", "Scores regroupés"),
        ShowAsTable => ("Show the data as a table", "Voir les données en tableau"),
        StageChange => ("Change", "Changement"),
        TargetBetter => ("better", "mieux"),
        TargetWorse => ("worse", "moins bien"),
        TargetsEmpty => ("No figure on either side yet: type targets on the future state's touchpoints.", "Aucun chiffre de part et d'autre pour l'instant : saisissez les objectifs sur les points de contact de l'état futur."),
        TargetsHint => ("Today → target (gap). Targets are the figures typed on the future state's touchpoints.", "Aujourd'hui → cible (écart). Les cibles sont les chiffres saisis sur les points de contact de l'état futur."),
        TargetsTitle => ("Target figures against today's", "Objectifs chiffrés face à aujourd'hui"),
        TouchpointsAdded => ("Touchpoints added", "Points de contact ajoutés"),
        TouchpointsRemoved => ("Touchpoints removed", "Points de contact supprimés"),
        Weighting => ("Pooled figures", "Indicateurs regroupés"),
        WeightingHint => ("Stage and journey figures can weigh each persona's answers by its share of customers, when survey samples do not match the customer base. Answers given by no persona are then left out.", "Les indicateurs des étapes et du parcours peuvent pondérer les réponses de chaque persona par sa part de clients, quand l'échantillon ne ressemble pas à la clientèle. Les réponses sans persona sont alors écartées."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::i18n::Lang;

    #[test]
    fn every_word_is_said_in_both_languages() {
        for t in ChartText::ALL {
            assert!(
                !t.t(Lang::En).is_empty() && !t.t(Lang::Fr).is_empty(),
                "{t:?}"
            );
        }
    }
}
