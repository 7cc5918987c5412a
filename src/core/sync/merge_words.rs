//! The merge panel's words, English and French side by side: only the merge's lazy part says them, so
//! they live here rather than in the first load's word table ([`Key`](crate::core::text::i18n::Key);
//! moved out of it to make room on the map path, issue 18).

crate::word_table! {
    /// The merge panel's words.
    MergeText {
        MergeTitle => ("Merge a teammate's copy:", "Fusionner la copie d'un collègue :"),
        MergeIntro => ("This map is already in your library. Merging keeps what was changed on either side; where both sides changed the same thing, you choose.", "Cette carte est déjà dans votre bibliothèque. La fusion garde ce qui a été modifié d'un côté ou de l'autre ; là où les deux côtés ont modifié la même chose, vous choisissez."),
        MergeAutomatic => ("Changes from the file that merge by themselves:", "Modifications du fichier qui se fusionnent d'elles-mêmes :"),
        MergeConflicts => ("Changed differently on both sides, for you to choose:", "Modifiées différemment des deux côtés, à vous de choisir :"),
        MergeNothing => ("The file holds nothing that this map does not already have.", "Le fichier ne contient rien que cette carte n'ait déjà."),
        MergeHere => ("In this browser:", "Dans ce navigateur :"),
        MergeInFile => ("In the file:", "Dans le fichier :"),
        MergeApply => ("Merge", "Fusionner"),
        MergeAsCopy => ("Keep it apart, as a copy", "La garder à part, en copie"),
        MergeDone => ("Merged:", "Fusion faite :"),
        MergeChanges => ("changes taken:", "modifications reprises :"),
        MergeChoices => ("conflicts settled:", "conflits tranchés :"),
        MergeUndo => ("Undo (Ctrl+Z) takes it back.", "Annuler (Ctrl+Z) la défait."),
        MergeStale => ("The map changed meanwhile: check the choices again.", "La carte a changé entre-temps : vérifiez à nouveau les choix."),
        MergeFailed => ("These two copies could not be merged:", "Ces deux copies n'ont pas pu être fusionnées :"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::i18n::Lang;

    #[test]
    fn every_word_is_said_in_both_languages() {
        for t in MergeText::ALL {
            assert!(
                !t.t(Lang::En).is_empty() && !t.t(Lang::Fr).is_empty(),
                "{t:?}"
            );
        }
    }
}
