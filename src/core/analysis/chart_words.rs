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
        OfEntrants => ("of entrants", "des entrants"),
        BackToMap => ("← Back to the map", "← Retour à la carte"),
        PrintReport => ("Print / Save as PDF", "Imprimer / Enregistrer en PDF"),
        PrintHint => ("A4 or Letter: choose the paper in the print dialog", "A4 ou Letter : choisissez le papier à l'impression"),
        ReportFor => ("Report for", "Rapport pour"),
        AllDepartments => ("the whole journey (every department)", "tout le parcours (tous les services)"),
        ReportKindLine => ("Journey map report", "Rapport de carte de parcours"),
        ReportDepartment => ("Department:", "Service :"),
        ReportWholeJourney => ("Whole journey, every department", "Tout le parcours, tous les services"),
        ReportDate => ("Report of", "Rapport du"),
        MapLastChanged => ("map last changed", "carte modifiée le"),
        TheJourney => ("The journey", "Le parcours"),
        StagesOf => ("of", "sur"),
        PainPointsAndActions => ("Pain points and actions", "Points de friction et actions"),
        NoPersonas => ("No persona in this map.", "Aucun persona dans cette carte."),
        NoStages => ("This map has no stage yet.", "Cette carte n'a pas encore d'étape."),
        NoDepartmentTouchpoints => ("This department owns no touchpoint of the map.", "Ce service ne gère aucun point de contact de la carte."),
        NoPainPoints => ("No pain point noted.", "Aucun point de friction noté."),
        NoActions => ("No action planned yet.", "Aucune action prévue pour l'instant."),
        NoDepartmentActions => ("No action on this department's touchpoints.", "Aucune action sur les points de contact de ce service."),
        NoChartData => ("No feeling, reach or survey answer to chart yet.", "Ni ressenti, ni fréquentation, ni réponse d'enquête à représenter."),
        OfCustomers => ("of customers", "des clients"),
        ActionAnswers => ("Answers", "Répond à"),
        Branding => ("Branding", "Identité visuelle"),
        BrandingHint => ("Your organisation's name, logo and colours on this report. Empty fields take the default of all your maps.", "Le nom, le logo et les couleurs de votre organisation sur ce rapport. Les champs vides prennent l'identité par défaut de vos cartes."),
        Organisation => ("Organisation", "Organisation"),
        Logo => ("Logo", "Logo"),
        ChooseLogo => ("Choose a logo…", "Choisir un logo…"),
        LogoHint => ("PNG, JPEG or SVG, up to 100 KB", "PNG, JPEG ou SVG, jusqu'à 100 Ko"),
        RemoveLogo => ("Remove the logo", "Retirer le logo"),
        LogoNotImage => ("Not a PNG, JPEG or SVG image: logo unchanged.", "Pas une image PNG, JPEG ou SVG : logo inchangé."),
        LogoTooLarge => ("Over 100 KB, logo unchanged. This file:", "Plus de 100 Ko, logo inchangé. Ce fichier :"),
        PrimaryColour => ("Main colour", "Couleur principale"),
        AccentColour => ("Accent colour", "Couleur d'accent"),
        UseForAllMaps => ("Use for all my maps", "Utiliser pour toutes mes cartes"),
        UseForAllMapsHint => ("Maps without their own branding wear this one", "Les cartes sans identité propre prennent celle-ci"),
        LibraryBrandingSaved => ("Now the default of all your maps.", "C'est désormais l'identité par défaut de vos cartes."),
        ForgetMapBranding => ("Use the default here", "Reprendre l'identité par défaut"),
        RemoveLibraryBranding => ("Remove the default", "Retirer l'identité par défaut"),
        FunnelTitle => ("Reach funnel", "Entonnoir de fréquentation"),
        ByStage => ("by stage", "par étape"),
        ByTouchpoint => ("by touchpoint", "par point de contact"),
        ChannelMixTitle => ("Channel mix", "Répartition par canal"),
        ChannelMixByReach => ("customer contacts (sum of reach)", "contacts clients (somme des fréquentations)"),
        ChannelMixByCount => ("number of touchpoints", "nombre de points de contact"),
        HeatTitle => ("Weakest touchpoints", "Points de contact les plus faibles"),
        EmotionTitle => ("Emotion curve", "Courbe des émotions"),
        Value => ("Value", "Valeur"),
        WeightingShare => ("Weighted by the personas' share of customers", "Pondérés par la part de clients des personas"),
        WeightingNone => ("Every answer counts once", "Chaque réponse compte une fois"),
        StageSame => ("unchanged", "inchangée"),
        StageRenamed => ("renamed", "renommée"),
        StageRemoved => ("removed", "supprimée"),
        StageMoved => ("moved", "déplacée"),
        StageAdded => ("added", "ajoutée"),
        ScoresTitle => ("Scores with their 95 % interval", "Scores avec leur intervalle à 95 %"),
        ScoresEmpty => ("No survey answers yet.", "Pas encore de réponses d'enquête."),
        ScaleLow => ("lowest", "minimum"),
        ScaleHigh => ("highest", "maximum"),
        ScaleGoodTo => ("to", "à"),
        ScaleGoodFrom => ("from", "de"),
        HeatHint => ("Worst first: the lowest of NPS, CSAT and CES on a common 0–100 % scale.", "Le pire en premier : le plus bas de NPS, CSAT et CES sur une même échelle de 0 à 100 %."),
        FunnelEmpty => ("No touchpoint has a reach yet: type one in a touchpoint's metrics or import a CSV.", "Aucun point de contact n'a de fréquentation : saisissez-en une dans les indicateurs d'un point de contact ou importez un CSV."),
        EmotionComparisonTitle => ("Emotion curves, current and future state", "Courbes des émotions, état actuel et état futur"),
        Interval95 => ("95 % interval", "intervalle à 95 %"),
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
