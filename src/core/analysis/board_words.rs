//! The actions board's and the touchpoints' prioritisation's words,
//! English and French side by side: only the board's lazy part says them,
//! so they live here rather than in the first load's word table (moved out
//! of it to make room on the map path for the opportunity scores).

crate::word_table! {
    /// The board's and the prioritisation's words.
    BoardText {
        BoardIntro => ("Every action of every map in this browser, highest priority first (touchpoint criticality × pain point severity).", "Toutes les actions de toutes les cartes de ce navigateur, priorité la plus haute d'abord (criticité du point de contact × gravité du point de friction)."),
        RemovalCandidatesHint => ("Superfluous touchpoints that show no value: no survey figure, a weak one, or few customers reaching them.", "Points de contact superflus sans valeur démontrée : aucun indicateur d'enquête, un indicateur faible, ou peu de clients qui les atteignent."),
        BoardNoActions => ("No action in any map yet. Add one from a pain point card in the editor (Actions).", "Aucune action dans vos cartes pour l'instant. Ajoutez-en une depuis une carte de point de friction dans l'éditeur (Actions)."),
        BoardConflict => ("This map was changed in another tab: the board shows it as stored now. Try again.", "Cette carte a été modifiée dans un autre onglet : le tableau la montre telle qu'elle est enregistrée. Réessayez."),
        BoardUnreadable => ("Some maps could not be read and are not on the board.", "Certaines cartes n'ont pas pu être lues et ne sont pas sur le tableau."),
        ActionPriorityHint => ("Touchpoint criticality × pain point severity", "Criticité du point de contact × gravité du point de friction"),
        NoRemovalCandidates => ("No superfluous touchpoint without value.", "Aucun point de contact superflu sans valeur."),
        NoTouchpointsYet => ("This map has no touchpoint yet.", "Cette carte n'a pas encore de point de contact."),
        NoActionsMatch => ("No action matches these filters.", "Aucune action ne correspond à ces filtres."),
        EffectNotYet => ("Not measured since it was done", "Pas encore mesuré depuis sa réalisation"),
        BoardSaveFailed => ("The status was not saved:", "Le statut n'a pas été enregistré :"),
        Prioritisation => ("Touchpoints by priority", "Points de contact par priorité"),
        RemovalCandidates => ("Candidates to remove", "Candidats à la suppression"),
        ReasonLowReach => ("few customers reach it", "peu de clients l'atteignent"),
        ReasonNoMetric => ("no survey figure", "aucun indicateur d'enquête"),
        FilterOwner => ("Owner or department", "Responsable ou service"),
        ActionsBoard => ("Actions board", "Tableau des actions"),
        EffectNotImproved => ("not improved", "pas amélioré"),
        PainPointCol => ("Pain point", "Point de friction"),
        WorstMetric => ("Worst metric", "Pire indicateur"),
        NotMeasured => ("not measured", "non mesuré"),
        Criticality => ("Criticality", "Criticité"),
        ActionStatusOf => ("Status of", "Statut de"),
        ActionPriority => ("Priority", "Priorité"),
        ReasonWeakMetric => ("weak", "faible"),
        PrioritisationMap => ("Map", "Carte"),
        FilterStatus => ("Status", "Statut"),
        ActionEffect => ("Effect", "Effet"),
        Reasons => ("Reasons", "Raisons"),
        NewAction => ("+ Action", "+ Action"),
        ActionTitle => ("Action", "Action"),
        ActionDepartment => ("Department", "Service"),
        ActionDue => ("Due", "Échéance"),
        ActionMetric => ("Metric to move", "Indicateur visé"),
        FilterMap => ("Map", "Carte"),
        AnyValue => ("All", "Tous"),
        CardActions => ("Actions of this card", "Actions de cette carte"),
        NoCardActions => ("No action answers this card yet.", "Aucune action ne répond encore à cette carte."),
        NewActionTitle => ("New action", "Nouvelle action"),
        NoTouchpoint => ("No touchpoint", "Aucun point de contact"),
        NoMetric => ("No metric", "Aucun indicateur"),
        OpenMatrix => ("Opportunity matrix →", "Matrice des opportunités →"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::i18n::Lang;

    #[test]
    fn every_word_is_said_in_both_languages() {
        for t in BoardText::ALL {
            assert!(
                !t.t(Lang::En).is_empty() && !t.t(Lang::Fr).is_empty(),
                "{t:?}"
            );
        }
    }
}
