//! The persona library's, persona form's and persona comparison's words, English and French side by side: only the personas' lazy part says them, so
//! they live here rather than in the first load's word table ([`Key`](crate::core::text::i18n::Key);
//! moved out of it to make room on the map path, issue 18).

crate::word_table! {
    /// The persona library's, persona form's and persona comparison's words.
    PersonaText {
        Lanes => ("Lanes", "Lignes"),
        PersonaChannels => ("Preferred channels", "Canaux préférés"),
        PersonaAvatar => ("Avatar", "Avatar"),
        ChooseAvatar => ("Choose a picture…", "Choisir une image…"),
        RemoveAvatar => ("Use initials", "Utiliser les initiales"),
        AvatarHint => ("PNG, JPEG or WebP, kept under 24 KB", "PNG, JPEG ou WebP, gardée sous 24 Ko"),
        AvatarRefused => ("Not a PNG, JPEG or WebP picture under 24 KB: avatar unchanged.", "Pas une image PNG, JPEG ou WebP de moins de 24 Ko : avatar inchangé."),
        PersonaInUse => ("This persona travels these maps; remove it from them first:", "Ce persona parcourt ces cartes ; retirez-le d'abord de celles-ci :"),
        PersonaLibraryUnreadable => ("The stored persona library could not be read; it was kept aside.", "La bibliothèque de personas enregistrée est illisible ; elle a été mise de côté."),
        PickTwoPersonas => ("Pick two or more personas to compare.", "Choisissez au moins deux personas à comparer."),
        PersonaLibraryIntro => ("Personas shared by all your maps. A map picks the ones who travel it; edits here reach those maps when they are opened.", "Les personas partagés par toutes vos cartes. Une carte choisit ceux qui la parcourent ; les modifications faites ici y arrivent à leur ouverture."),
        NewLibraryPersona => ("+ New persona", "+ Nouveau persona"),
        EditPersona => ("Edit", "Modifier"),
        PersonaColour => ("Colour", "Couleur"),
        NoLibraryPersonas => ("No persona yet: create one, or add personas to a map.", "Aucun persona : créez-en un, ou ajoutez des personas à une carte."),
        PersonaDeleted => ("Persona deleted:", "Persona supprimé :"),
        EditingPersona => ("Editing", "Modification de"),
        ComparePick => ("Personas to compare", "Personas à comparer"),
        CompareCurveTitle => ("Emotion curves of the compared personas", "Courbes des émotions des personas comparés"),
        CompareNothing => ("nothing", "rien"),
        AvatarShrinking => ("Preparing the picture…", "Préparation de l'image…"),
        PersonaConflictBody => ("Your changes to these personas are not saved yet. Choose which version to keep:", "Vos modifications de ces personas ne sont pas encore enregistrées. Choisissez la version à garder :"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::i18n::Lang;

    #[test]
    fn every_word_is_said_in_both_languages() {
        for t in PersonaText::ALL {
            assert!(
                !t.t(Lang::En).is_empty() && !t.t(Lang::Fr).is_empty(),
                "{t:?}"
            );
        }
    }
}
