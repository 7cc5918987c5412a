//! The history panel's and the trash's words, English and French side by
//! side: only their lazy part says them, so they live here rather than in
//! the first load's word table.

use super::VersionReason;
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;

/// A sentence or label of the history panel, the trash or the storage meter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryText {
    Heading,
    Intro,
    NoVersions,
    Why(VersionReason),
    By {
        name: String,
    },
    /// Records that do not read, listed apart.
    Unreadable {
        count: usize,
    },
    Compare,
    HideComparison,
    /// The comparison's heading: this version (`when`) against the map now.
    ComparedWithNow {
        when: String,
    },
    /// The comparison table's feeling column.
    FeelingThenNow,
    NothingChanged,
    Restore,
    /// Said after a restore (undo takes it back).
    Restored {
        when: String,
    },
    UndoRestore,
    NameThis,
    NamePlaceholder,
    SaveName,
    Cancel,
    Download,
    Close,
    Loading,
    /// The library's trash.
    Trash {
        count: usize,
    },
    TrashIntro,
    DeletedOn {
        when: String,
    },
    GoesOn {
        when: String,
    },
    RestoreMap,
    RestoredMap {
        title: String,
    },
    DeleteForGood,
    EmptyTrash,
    ConfirmEmpty {
        count: usize,
    },
    ConfirmDelete {
        title: String,
    },
    Yes,
    /// The map could not be put in the trash: deleted with undo only.
    NotTrashed {
        why: String,
    },
    StorageHeading,
    BackupReminder,
    RemindersOff,
}

impl Said for HistoryText {
    fn said(&self, lang: Lang) -> String {
        use HistoryText::*;
        match self {
            Heading => say!(lang, "History", "Historique"),
            Intro => say!(
                lang,
                "Parcours keeps a version when you pause editing (at most one every 5 minutes), when you leave the map, and always before a merge, a restore, an import or a folder update, in this browser's IndexedDB. It keeps everything of the last day, one a day for a month, then one a week; named versions are kept for good.",
                "Parcours garde une version quand vous faites une pause (au plus une toutes les 5 minutes), quand vous quittez la carte, et toujours avant une fusion, une restauration, un import ou une mise à jour depuis le dossier, dans l'IndexedDB de ce navigateur. Il garde tout le dernier jour, une par jour pendant un mois, puis une par semaine ; les versions nommées sont gardées pour de bon."
            ),
            NoVersions => say!(
                lang,
                "No version yet: the first is kept when you pause after an edit.",
                "Aucune version pour l'instant : la première est gardée quand vous faites une pause après une modification."
            ),
            Why(reason) => match reason {
                VersionReason::Burst => say!(lang, "after edits", "après des modifications"),
                VersionReason::Left => say!(lang, "on leaving the map", "en quittant la carte"),
                VersionReason::BeforeMerge => say!(lang, "before a merge", "avant une fusion"),
                VersionReason::BeforeRestore => {
                    say!(lang, "before a restore", "avant une restauration")
                }
                VersionReason::BeforeImport => say!(lang, "before an import", "avant un import"),
                VersionReason::BeforeFolderUpdate => say!(
                    lang,
                    "before a folder update",
                    "avant une mise à jour depuis le dossier"
                ),
                VersionReason::Named => say!(lang, "named", "nommée"),
            },
            By { name } => say!(lang, "by {name}", "par {name}"),
            Unreadable { count } => say!(
                lang,
                "{count} version(s) cannot be read; they are kept aside, untouched.",
                "{count} version(s) illisible(s) ; elles sont mises de côté, intactes."
            ),
            Compare => say!(lang, "Compare with now", "Comparer avec maintenant"),
            HideComparison => say!(lang, "Hide the comparison", "Masquer la comparaison"),
            ComparedWithNow { when } => say!(
                lang,
                "The version of {when} against the map now",
                "La version du {when} face à la carte actuelle"
            ),
            FeelingThenNow => say!(lang, "Feeling then → now", "Ressenti alors → maintenant"),
            NothingChanged => say!(
                lang,
                "This version holds the map as it is now.",
                "Cette version contient la carte telle qu'elle est maintenant."
            ),
            Restore => say!(lang, "Restore", "Restaurer"),
            Restored { when } => say!(
                lang,
                "The map is back as it was on {when}. Undo takes it back.",
                "La carte est revenue à son état du {when}. Annuler revient en arrière."
            ),
            UndoRestore => say!(lang, "Undo the restore", "Annuler la restauration"),
            NameThis => say!(lang, "Name this version", "Nommer cette version"),
            NamePlaceholder => say!(lang, "e.g. Sent to the board", "ex. Envoyée au comité"),
            SaveName => say!(lang, "Keep the name", "Garder le nom"),
            Cancel => say!(lang, "Cancel", "Annuler"),
            Download => say!(lang, "Download", "Télécharger"),
            Close => say!(lang, "Close", "Fermer"),
            Loading => say!(lang, "Reading the history…", "Lecture de l'historique…"),
            Trash { count } => say!(lang, "Trash ({count})", "Corbeille ({count})"),
            TrashIntro => say!(
                lang,
                "Deleted maps stay here for 30 days, then go for good.",
                "Les cartes supprimées restent ici 30 jours, puis partent pour de bon."
            ),
            DeletedOn { when } => say!(lang, "deleted {when}", "supprimée le {when}"),
            GoesOn { when } => say!(lang, "goes for good {when}", "part pour de bon le {when}"),
            RestoreMap => say!(lang, "Restore", "Restaurer"),
            RestoredMap { title } => say!(
                lang,
                "“{title}” is back in your library.",
                "« {title} » est de retour dans votre bibliothèque."
            ),
            DeleteForGood => say!(lang, "Delete for good", "Supprimer pour de bon"),
            EmptyTrash => say!(lang, "Empty the trash", "Vider la corbeille"),
            ConfirmEmpty { count } => say!(
                lang,
                "Delete the {count} map(s) of the trash and their versions for good? This cannot be undone.",
                "Supprimer pour de bon les {count} carte(s) de la corbeille et leurs versions ? C'est irréversible."
            ),
            ConfirmDelete { title } => say!(
                lang,
                "Delete “{title}” and its versions for good? This cannot be undone.",
                "Supprimer pour de bon « {title} » et ses versions ? C'est irréversible."
            ),
            Yes => say!(lang, "Yes, delete", "Oui, supprimer"),
            NotTrashed { why } => say!(
                lang,
                "The trash could not keep this map ({why}): it is deleted, and only Undo below brings it back.",
                "La corbeille n'a pas pu garder cette carte ({why}) : elle est supprimée, et seul Annuler ci-dessous la ramène."
            ),
            StorageHeading => say!(lang, "Where your maps are kept", "Où vos cartes sont gardées"),
            BackupReminder => say!(
                lang,
                "You have edited maps for a week without a backup, and this browser may clear its data when space runs low: download a backup, or connect a folder.",
                "Vous modifiez des cartes depuis une semaine sans sauvegarde, et ce navigateur peut effacer ses données quand la place manque : téléchargez une sauvegarde, ou connectez un dossier."
            ),
            RemindersOff => say!(lang, "Don't remind me", "Ne plus me le rappeler"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_said_in_both_languages_and_differently() {
        let all = [
            HistoryText::Heading,
            HistoryText::Intro,
            HistoryText::Why(VersionReason::BeforeFolderUpdate),
            HistoryText::By {
                name: "Camille".into(),
            },
            HistoryText::Trash { count: 2 },
            HistoryText::ConfirmEmpty { count: 2 },
            HistoryText::BackupReminder,
        ];
        for t in all {
            let (en, fr) = (t.said(Lang::En), t.said(Lang::Fr));
            assert!(!en.is_empty() && en != fr, "{t:?}");
        }
        assert_eq!(
            HistoryText::By {
                name: "Camille".into()
            }
            .said(Lang::Fr),
            "par Camille"
        );
    }
}
