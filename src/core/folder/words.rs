//! The shared folder's words, in English and French side by side (as
//! [`Said`] keeps errors): they are needed only by the folder's lazy part,
//! so they live with it rather than in the first load's word table.

use crate::core::folder::listing::{FileProblem, MAX_FILE_BYTES};
use crate::core::folder::FolderError;
use crate::core::text::i18n::format_size;
use crate::core::text::said::Said;
use crate::say;

/// A sentence or label of the folder's UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderText {
    Heading,
    Intro,
    Connect,
    NotSupported,
    /// The folder kept from an earlier visit needs a click to be used again.
    Reconnect {
        name: String,
    },
    ReconnectWhy,
    Connected {
        name: String,
        maps: usize,
    },
    ReadOnlyFolder,
    Refresh,
    Disconnect,
    Open,
    ReadOnlyBadge,
    FileLabel,
    Problems,
    AddHeading,
    AddButton,
    Added {
        title: String,
        file: String,
    },
    Empty,
    /// The open map's banner.
    InFolder {
        folder: String,
        file: String,
    },
    InStepAt {
        time: String,
    },
    Checking,
    /// The name that signs this person's saves to the folder.
    YourName,
    YourNameWhy,
    SaveName,
    SignedAs {
        name: String,
    },
    ChangeName,
    /// A teammate's save taken; `by` is who saved it, when the file says.
    FileChanged {
        file: String,
        summary: String,
        by: Option<String>,
    },
    MergedWith {
        file: String,
        summary: String,
        by: Option<String>,
    },
    Conflict {
        file: String,
    },
    OpenMerge,
    Unrecorded {
        file: String,
    },
    TakeFolders,
    KeepMine,
    Gone {
        file: String,
    },
    WriteAgain,
    Unlink,
    Broken {
        file: String,
        why: String,
    },
    OtherMap {
        file: String,
    },
    ReadOnlyFile {
        file: String,
    },
    SaveCopy,
    NeedsPermission,
    WriteFailed {
        why: String,
    },
    Close,
    /// The folder could not be reached (a drive offline, a network share
    /// gone): nothing is lost, the watch tries again.
    Unreachable {
        why: String,
    },
    /// Browsers without folder access: read a folder's files once.
    ReadOnce,
    ReadOnceIntro,
    /// What was read once: `name` is the folder's name.
    ReadOnceDone {
        name: String,
        maps: usize,
    },
    /// A read-only map shown from the folder.
    Viewing {
        file: String,
    },
    CopySaved {
        title: String,
    },
    /// The open map's banner, when the folder is no longer connected.
    NotConnected,
    ConnectAgain,
    /// When the folder last changed the open map: "1 min ago".
    Ago {
        minutes: i64,
    },
    /// Someone renamed the open map's file; Parcours follows it.
    Renamed {
        from: String,
        to: String,
    },
}

impl Said for FolderText {
    fn said(&self, lang: crate::core::text::i18n::Lang) -> String {
        use FolderText::*;
        match self {
            Heading => say!(lang, "Shared folder", "Dossier partagé"),
            Intro => say!(
                lang,
                "Connect a folder of your team's shared drive (a network share, OneDrive, SharePoint, Dropbox, Google Drive for desktop…): each map is one file there, and everyone who opens it stays in step.",
                "Connectez un dossier du disque partagé de votre équipe (partage réseau, OneDrive, SharePoint, Dropbox, Google Drive pour ordinateur…) : chaque carte y est un fichier, et tous ceux qui l'ouvrent restent à jour."
            ),
            Connect => say!(lang, "Connect a folder…", "Connecter un dossier…"),
            NotSupported => say!(
                lang,
                "This browser cannot connect a folder (Chrome and Edge can). Maps still travel as files: export, then import or merge.",
                "Ce navigateur ne peut pas connecter de dossier (Chrome et Edge le peuvent). Les cartes voyagent toujours en fichiers : exportez, puis importez ou fusionnez."
            ),
            Reconnect { name } => say!(lang, "Reconnect “{name}”", "Reconnecter « {name} »"),
            ReconnectWhy => say!(
                lang,
                "The browser asks again at each visit before Parcours may use the folder.",
                "Le navigateur redemande à chaque visite avant que Parcours puisse utiliser le dossier."
            ),
            Connected { name, maps } => match maps {
                0 | 1 => say!(lang, "“{name}”: {maps} map", "« {name} » : {maps} carte"),
                _ => say!(lang, "“{name}”: {maps} maps", "« {name} » : {maps} cartes"),
            },
            ReadOnlyFolder => say!(
                lang,
                "This browser may only read this folder (the share's permission): its maps open read-only.",
                "Ce navigateur peut seulement lire ce dossier (la permission du partage) : ses cartes s'ouvrent en lecture seule."
            ),
            Refresh => say!(lang, "Refresh", "Actualiser"),
            Disconnect => say!(lang, "Disconnect", "Déconnecter"),
            Open => say!(lang, "Open", "Ouvrir"),
            ReadOnlyBadge => say!(lang, "read-only", "lecture seule"),
            FileLabel => say!(lang, "file", "fichier"),
            Problems => say!(
                lang,
                "Files that cannot be opened (never written over):",
                "Fichiers qui ne peuvent pas être ouverts (jamais écrasés) :"
            ),
            AddHeading => say!(lang, "Add a map of this browser to the folder", "Ajouter au dossier une carte de ce navigateur"),
            AddButton => say!(lang, "Add to the folder", "Ajouter au dossier"),
            Added { title, file } => say!(
                lang,
                "“{title}” is now the file {file} of the folder.",
                "« {title} » est maintenant le fichier {file} du dossier."
            ),
            Empty => say!(lang, "No map in this folder yet.", "Aucune carte dans ce dossier pour l'instant."),
            InFolder { folder, file } => say!(
                lang,
                "In the shared folder “{folder}” as {file}",
                "Dans le dossier partagé « {folder} », fichier {file}"
            ),
            InStepAt { time } => say!(lang, "in step at {time}", "à jour à {time}"),
            Checking => say!(lang, "looking at the folder…", "lecture du dossier…"),
            YourName => say!(lang, "Your name", "Votre nom"),
            YourNameWhy => say!(
                lang,
                "It signs your comments and the changes you save to a shared folder, for your team to see. It stays in this browser.",
                "Il signe vos commentaires et les modifications que vous enregistrez dans un dossier partagé, pour que votre équipe les voie. Il reste dans ce navigateur."
            ),
            SaveName => say!(lang, "Save my name", "Enregistrer mon nom"),
            SignedAs { name } => say!(
                lang,
                "Your changes are signed “{name}”.",
                "Vos modifications sont signées « {name} »."
            ),
            ChangeName => say!(lang, "Change", "Modifier"),
            FileChanged {
                file,
                summary,
                by: None,
            } => say!(
                lang,
                "{file} changed in the folder: {summary}. Ctrl+Z undoes it.",
                "{file} a changé dans le dossier : {summary}. Ctrl+Z l'annule."
            ),
            FileChanged {
                file,
                summary,
                by: Some(by),
            } => say!(
                lang,
                "{by} changed {file} in the folder: {summary}. Ctrl+Z undoes it.",
                "{by} a modifié {file} dans le dossier : {summary}. Ctrl+Z l'annule."
            ),
            MergedWith {
                file,
                summary,
                by: None,
            } => say!(
                lang,
                "Merged with the folder's {file}: {summary}. Your edits are kept; Ctrl+Z undoes the merge.",
                "Fusionné avec {file} du dossier : {summary}. Vos modifications sont gardées ; Ctrl+Z annule la fusion."
            ),
            MergedWith {
                file,
                summary,
                by: Some(by),
            } => say!(
                lang,
                "Merged with {by}'s changes to {file}: {summary}. Your edits are kept; Ctrl+Z undoes the merge.",
                "Fusionné avec les modifications de {by} dans {file} : {summary}. Vos modifications sont gardées ; Ctrl+Z annule la fusion."
            ),
            Conflict { file } => say!(
                lang,
                "{file} changed in the folder where you changed the same things: choose in the merge. Nothing is written until then.",
                "{file} a changé dans le dossier là où vous avez changé les mêmes choses : choisissez dans la fusion. Rien n'est écrit d'ici là."
            ),
            OpenMerge => say!(lang, "Open the merge", "Ouvrir la fusion"),
            Unrecorded { file } => say!(
                lang,
                "{file} was changed outside Parcours: which copy do you keep? Nothing is written until you choose.",
                "{file} a été modifié hors de Parcours : quelle copie gardez-vous ? Rien n'est écrit avant votre choix."
            ),
            TakeFolders => say!(lang, "Take the folder's copy", "Prendre la copie du dossier"),
            KeepMine => say!(lang, "Keep mine (write it to the folder)", "Garder la mienne (l'écrire dans le dossier)"),
            Gone { file } => say!(
                lang,
                "{file} is no longer in the folder (deleted, renamed or moved). Your map stays in this browser; nothing is written.",
                "{file} n'est plus dans le dossier (supprimé, renommé ou déplacé). Votre carte reste dans ce navigateur ; rien n'est écrit."
            ),
            WriteAgain => say!(lang, "Write it to the folder again", "La réécrire dans le dossier"),
            Unlink => say!(lang, "Keep it in this browser only", "La garder dans ce navigateur seulement"),
            Broken { file, why } => say!(
                lang,
                "{file} can no longer be read ({why}). It is not written over; your map stays in this browser.",
                "{file} ne peut plus être lu ({why}). Il n'est pas écrasé ; votre carte reste dans ce navigateur."
            ),
            OtherMap { file } => say!(
                lang,
                "{file} now holds another map: it is not written over, and your map stays in this browser.",
                "{file} contient maintenant une autre carte : il n'est pas écrasé, et votre carte reste dans ce navigateur."
            ),
            ReadOnlyFile { file } => say!(
                lang,
                "{file} may only be read (the share's permission): your edits stay in this browser.",
                "{file} peut seulement être lu (la permission du partage) : vos modifications restent dans ce navigateur."
            ),
            SaveCopy => say!(lang, "Save a copy to my library", "Enregistrer une copie dans ma bibliothèque"),
            NeedsPermission => say!(
                lang,
                "Parcours may not use the shared folder at the moment: reconnect it to stay in step.",
                "Parcours ne peut pas utiliser le dossier partagé pour l'instant : reconnectez-le pour rester à jour."
            ),
            WriteFailed { why } => say!(
                lang,
                "The folder's file could not be written ({why}). Your map is safe in this browser; Parcours tries again at the next save.",
                "Le fichier du dossier n'a pas pu être écrit ({why}). Votre carte est en sécurité dans ce navigateur ; Parcours réessaie au prochain enregistrement."
            ),
            Close => say!(lang, "Close", "Fermer"),
            Unreachable { why } => say!(
                lang,
                "The shared folder cannot be reached now ({why}). Your map is safe in this browser; Parcours tries again every few seconds.",
                "Le dossier partagé est injoignable pour l'instant ({why}). Votre carte est en sécurité dans ce navigateur ; Parcours réessaie toutes les quelques secondes."
            ),
            ReadOnce => say!(lang, "Read a folder once…", "Lire un dossier une fois…"),
            ReadOnceIntro => say!(
                lang,
                "Its maps are shown read-only; save a copy of one to edit it here.",
                "Ses cartes s'affichent en lecture seule ; enregistrez-en une copie pour la modifier ici."
            ),
            ReadOnceDone { name, maps } => match maps {
                0 | 1 => say!(lang, "“{name}”, read once: {maps} map (read-only)", "« {name} », lu une fois : {maps} carte (lecture seule)"),
                _ => say!(lang, "“{name}”, read once: {maps} maps (read-only)", "« {name} », lu une fois : {maps} cartes (lecture seule)"),
            },
            Viewing { file } => say!(
                lang,
                "{file}, read-only: the folder may only be read.",
                "{file}, en lecture seule : le dossier peut seulement être lu."
            ),
            CopySaved { title } => say!(
                lang,
                "A copy of “{title}” is in your library.",
                "Une copie de « {title} » est dans votre bibliothèque."
            ),
            NotConnected => say!(
                lang,
                "This map is a file of a shared folder that is not connected in this browser now: your edits stay here until it is.",
                "Cette carte est un fichier d'un dossier partagé qui n'est pas connecté dans ce navigateur : vos modifications restent ici d'ici là."
            ),
            ConnectAgain => say!(lang, "Connect the folder", "Connecter le dossier"),
            Renamed { from, to } => say!(
                lang,
                "{from} was renamed {to} in the folder: Parcours follows it.",
                "{from} a été renommé {to} dans le dossier : Parcours le suit."
            ),
            Ago { minutes } => match minutes {
                i64::MIN..=0 => say!(lang, "just now", "à l'instant"),
                1..=59 => say!(lang, "{minutes} min ago", "il y a {minutes} min"),
                _ => {
                    let hours = minutes / 60;
                    say!(lang, "{hours} h ago", "il y a {hours} h")
                }
            },
        }
    }
}

impl Said for FolderError {
    fn said(&self, lang: crate::core::text::i18n::Lang) -> String {
        match self {
            FolderError::NotSupported => FolderText::NotSupported.said(lang),
            FolderError::Cancelled => {
                say!(lang, "no folder was chosen", "aucun dossier n'a été choisi")
            }
            FolderError::NotAllowed => say!(
                lang,
                "the browser was not allowed to use it",
                "le navigateur n'a pas été autorisé à l'utiliser"
            ),
            FolderError::Gone => say!(lang, "it is no longer there", "il n'est plus là"),
            FolderError::ReadOnly => say!(
                lang,
                "the drive refused the write (read-only)",
                "le disque a refusé l'écriture (lecture seule)"
            ),
            FolderError::Full => say!(lang, "the drive is full", "le disque est plein"),
            FolderError::Failed(why) => say!(
                lang,
                "the browser said: {why}",
                "le navigateur a dit : {why}"
            ),
        }
    }
}

impl Said for FileProblem {
    fn said(&self, lang: crate::core::text::i18n::Lang) -> String {
        match self {
            FileProblem::TooLarge { size } => {
                let (size, max) = (
                    format_size(lang, *size as usize),
                    format_size(lang, MAX_FILE_BYTES as usize),
                );
                say!(
                    lang,
                    "{size}, larger than a browser can keep ({max})",
                    "{size}, plus qu'un navigateur ne peut garder ({max})"
                )
            }
            FileProblem::Unreadable(e) => e.said(lang),
            FileProblem::ReadFailed(why) => say!(
                lang,
                "the browser could not read it: {why}",
                "le navigateur n'a pas pu le lire : {why}"
            ),
            FileProblem::SameMapAs { other } => say!(
                lang,
                "the same map as {other} (a copy of that file?)",
                "la même carte que {other} (une copie de ce fichier ?)"
            ),
        }
    }
}

crate::display_in_english!(FolderError, FileProblem);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::map_file::OpenError;
    use crate::core::text::i18n::Lang;

    #[test]
    fn every_word_is_said_in_both_languages() {
        let texts = [
            FolderText::Connected {
                name: "Équipe".into(),
                maps: 1,
            },
            FolderText::Connected {
                name: "Équipe".into(),
                maps: 3,
            },
            FolderText::Gone {
                file: "a.parcours.json".into(),
            },
            FolderText::YourName,
            FolderText::YourNameWhy,
            FolderText::SaveName,
            FolderText::SignedAs {
                name: "Léa".into()
            },
            FolderText::ChangeName,
        ];
        let by = |by: Option<&str>| FolderText::FileChanged {
            file: "a.parcours.json".into(),
            summary: "1 stage renamed".into(),
            by: by.map(str::to_owned),
        };
        assert_eq!(
            by(Some("Camille")).said(Lang::En),
            "Camille changed a.parcours.json in the folder: 1 stage renamed. Ctrl+Z undoes it."
        );
        assert!(!by(None).said(Lang::Fr).contains("Camille"));
        let merged = FolderText::MergedWith {
            file: "a.parcours.json".into(),
            summary: "1 card added".into(),
            by: Some("Camille".into()),
        };
        assert!(merged.said(Lang::Fr).contains("modifications de Camille"));
        for t in &texts {
            assert_ne!(t.said(Lang::En), t.said(Lang::Fr));
        }
        assert_eq!(texts[1].said(Lang::Fr), "« Équipe » : 3 cartes");
        assert_eq!(texts[0].said(Lang::En), "“Équipe”: 1 map");
        let problems = [
            FileProblem::TooLarge {
                size: MAX_FILE_BYTES + 1,
            },
            FileProblem::Unreadable(OpenError::NotText),
            FileProblem::ReadFailed("NotReadableError".into()),
            FileProblem::SameMapAs {
                other: "b.parcours.json".into(),
            },
        ];
        for p in &problems {
            assert_ne!(p.said(Lang::En), p.said(Lang::Fr), "{p:?}");
        }
        let errors = [
            FolderError::NotSupported,
            FolderError::Cancelled,
            FolderError::NotAllowed,
            FolderError::Gone,
            FolderError::ReadOnly,
            FolderError::Full,
            FolderError::Failed("x".into()),
        ];
        for e in &errors {
            assert_ne!(e.said(Lang::En), e.said(Lang::Fr), "{e:?}");
        }
    }
}
