//! An error's words, in the user's language: one place for them, beside
//! the UI's word table ([`super::i18n`]).
//!
//! Every error a person can see implements [`Said`]; each variant's English
//! and French are written side by side in one match arm (the [`say!`]
//! macro), so a variant without its French does not compile. `Display`
//! stays, for logs: it is the English text ([`display_in_english!`]).

use crate::core::document::branding::{LogoError, MAX_LOGO_BYTES};
use crate::core::document::edit::EditError;
use crate::core::document::model::{EMOTION_MAX, EMOTION_MIN, SEVERITY_MAX, SEVERITY_MIN};
use crate::core::document::persona::{AvatarError, MAX_AVATAR_CHARS};
use crate::core::formats::embed_source::{SourceError, MAX_SOURCE_CHARS};
use crate::core::formats::envelope::{Flaw, FormatError, Problem, FORMAT, VERSION};
use crate::core::formats::map_file::OpenError;
use crate::core::formats::mermaid::{MermaidError, MermaidFlaw};
use crate::core::formats::share_link::{ShareError, MAX_LINK_CHARS, MAX_MAP_BYTES};
use crate::core::session::stored_edit::StoredEditError;
use crate::core::storage::branding_store::LibraryBrandingError;
use crate::core::storage::library::{LoadError, RestoreError, SaveError, SetAsideReason, TooLarge};
use crate::core::storage::persona_library::{LibraryError, WriteError};
use crate::core::storage::store::StoreError;
use crate::core::sync::MergeError;
use crate::core::text::i18n::{format_size, Key, Lang};
use crate::core::text::json_words;

/// What went wrong, said for a person in `lang`.
pub trait Said {
    fn said(&self, lang: Lang) -> String;
}

/// `format!` in the language asked for, the English and the French side by
/// side: `say!(lang, "no map {id}", "pas de carte {id}")`.
#[macro_export]
macro_rules! say {
    ($lang:expr, $en:literal, $fr:literal) => {
        match $lang {
            $crate::core::text::i18n::Lang::En => format!($en),
            $crate::core::text::i18n::Lang::Fr => format!($fr),
        }
    };
}

/// `Display` for logs: the English words of [`Said`].
#[macro_export]
macro_rules! display_in_english {
    ($($t:ty),* $(,)?) => {
        $(impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::core::text::said::Said::said(
                    self,
                    $crate::core::text::i18n::Lang::En,
                ))
            }
        })*
    };
}

display_in_english!(
    FormatError,
    Flaw,
    OpenError,
    ShareError,
    MermaidError,
    MermaidFlaw,
    SourceError,
    AvatarError,
    LogoError,
    EditError,
    StoreError,
    LoadError,
    SaveError,
    SetAsideReason,
    RestoreError,
    StoredEditError,
    LibraryBrandingError,
    WriteError,
    LibraryError,
    MergeError,
);

/// Up to five located problems, `path: what` joined by `; `, and how many
/// more (shared by every list of problems the UI shows).
pub fn said_problems(lang: Lang, problems: &[Problem]) -> String {
    let mut shown: Vec<String> = problems.iter().take(5).map(|p| p.said(lang)).collect();
    if problems.len() > 5 {
        let more = problems.len() - 5;
        shown.push(say!(lang, "and {more} more", "et {more} de plus"));
    }
    shown.join("; ")
}

/// `path: what` (the path as it is in the file, what is wrong in `lang`);
/// `what` alone when the path is empty (about the whole text).
pub fn located(lang: Lang, path: &str, what: &Flaw) -> String {
    match path {
        "" => what.said(lang),
        _ => format!("{path}: {}", what.said(lang)),
    }
}

/// Names in a message: `"a", "b"`.
fn quoted(names: &[(String, String)]) -> String {
    let names: Vec<String> = names.iter().map(|(_, n)| format!("\"{n}\"")).collect();
    names.join(", ")
}

/// Where (its path, as in the file) and what is wrong there.
impl Said for Problem {
    fn said(&self, lang: Lang) -> String {
        located(lang, &self.path, &self.message)
    }
}

impl Said for FormatError {
    fn said(&self, lang: Lang) -> String {
        match self {
            FormatError::Json {
                line,
                column,
                message,
            } => {
                let message = json_words::said(lang, message);
                say!(
                    lang,
                    "not valid JSON at line {line}, column {column}: {message}",
                    "JSON non valide ligne {line}, colonne {column} : {message}"
                )
            }
            FormatError::NotAMap { found: Some(found) } => say!(
                lang,
                "this is a \"{found}\" file, not a Parcours map",
                "ce fichier est de type « {found} », ce n'est pas une carte Parcours"
            ),
            FormatError::NotAMap { found: None } => say!(
                lang,
                "this JSON is not a Parcours map (no \"format\": \"{FORMAT}\")",
                "ce JSON n'est pas une carte Parcours (pas de \"format\": \"{FORMAT}\")"
            ),
            FormatError::NewerVersion { found } => say!(
                lang,
                "this map was written by a newer Parcours (format version {found}); this one reads up to version {VERSION}",
                "cette carte vient d'un Parcours plus récent (format version {found}) ; celui-ci lit jusqu'à la version {VERSION}"
            ),
            FormatError::BadVersion { found } => {
                // The head reader writes a missing version as "(missing)".
                let found = match (lang, found.as_str()) {
                    (Lang::Fr, "(missing)") => "(absente)",
                    _ => found,
                };
                say!(
                lang,
                    "unknown format version {found}",
                    "version de format inconnue : {found}"
                )
            }
            FormatError::Invalid(problems) => said_problems(lang, problems),
        }
    }
}

/// What is wrong at one place of a document.
impl Said for Flaw {
    fn said(&self, lang: Lang) -> String {
        match self {
            Flaw::NotWholeNumber => say!(
                lang,
                "expected a whole number",
                "un nombre entier est attendu"
            ),
            Flaw::Missing => say!(lang, "missing", "absent"),
            Flaw::Version1Field { version } => say!(
                lang,
                "a version 1 field in a version {version} file",
                "un champ de la version 1 dans un fichier de version {version}"
            ),
            Flaw::Json(message) => json_words::said(lang, message),
            Flaw::EmptyId => say!(lang, "empty id", "identifiant vide"),
            Flaw::DuplicateId(id) => say!(
                lang,
                "duplicate id \"{id}\"",
                "identifiant « {id} » en double"
            ),
            Flaw::Avatar(e) => e.said(lang),
            Flaw::Logo(e) => e.said(lang),
            Flaw::NotPercentage(share) => say!(
                lang,
                "{share} is not a percentage (0 to 100)",
                "{share} n'est pas un pourcentage (0 à 100)"
            ),
            Flaw::NotSeverity(severity) => say!(
                lang,
                "{severity} is not a severity: 1 (low), 2 (medium) or 3 (high)",
                "{severity} n'est pas une gravité : 1 (faible), 2 (moyenne) ou 3 (forte)"
            ),
            Flaw::NotScore(v) => say!(
                lang,
                "{v} is not a score: 1 (low) to 5 (high)",
                "{v} n'est pas une note : de 1 (faible) à 5 (forte)"
            ),
            Flaw::NotPainPoint(card) => say!(
                lang,
                "card \"{card}\" is not in a Pain points lane",
                "la carte « {card} » n'est pas dans une ligne Points de friction"
            ),
            Flaw::BadScales => say!(
                lang,
                "needs low < high, the good range inside them, and at most 101 points",
                "il faut bas < haut, la bonne plage entre les deux, et 101 points au plus"
            ),
            Flaw::NotColour(colour) => say!(
                lang,
                "\"{colour}\" is not a colour written #rrggbb",
                "« {colour} » n'est pas une couleur écrite #rrvvbb"
            ),
            Flaw::ImpossibleValue(v) => say!(
                lang,
                "{v} is not a possible value of this metric",
                "{v} n'est pas une valeur possible de cet indicateur"
            ),
            Flaw::AnswersWithoutScale => say!(
                lang,
                "answers without their scale",
                "des réponses sans leur échelle"
            ),
            Flaw::ReachAnswers => say!(
                lang,
                "reach is a count, not answers on a scale",
                "la fréquentation est un compte, pas des réponses sur une échelle"
            ),
            Flaw::NpsScale => say!(
                lang,
                "NPS answers are on 0 to 10",
                "les réponses NPS vont de 0 à 10"
            ),
            Flaw::ScaleOrder => say!(
                lang,
                "the scale's bounds are not in order",
                "les bornes de l'échelle ne sont pas dans l'ordre"
            ),
            Flaw::AnswerCount { low, high } => say!(
                lang,
                "answers must count each point of {low} to {high}",
                "les réponses doivent compter chaque point de {low} à {high}"
            ),
            Flaw::OutsideEmotions(v) => say!(
                lang,
                "{v} is outside the emotion scale {EMOTION_MIN} to {EMOTION_MAX}",
                "{v} sort de l'échelle des émotions, de {EMOTION_MIN} à {EMOTION_MAX}"
            ),
            Flaw::SecondEmotion => say!(
                lang,
                "a second emotion for the same stage and persona",
                "une deuxième émotion pour la même étape et le même persona"
            ),
            Flaw::LinksToItself => say!(
                lang,
                "a stage cannot be detailed by its own map",
                "une étape ne peut pas être détaillée par sa propre carte"
            ),
            Flaw::Dangling { what, id } => {
                let what = item_name(lang, what);
                say!(
                    lang,
                    "refers to {what} \"{id}\", which the map does not have",
                    "renvoie à « {id} » ({what}), absent de la carte"
                )
            }
            Flaw::BothPresentAndDeleted => say!(
                lang,
                "an item is both present and deleted",
                "un élément est à la fois présent et supprimé"
            ),
            Flaw::NotText => say!(
                lang,
                "not a text (a Parcours map is JSON, in UTF-8)",
                "pas un texte (une carte Parcours est du JSON, en UTF-8)"
            ),
            Flaw::Unreadable(e) => e.said(lang),
            Flaw::NotPersonaLibrary(found) => say!(
                lang,
                "a \"{found}\" text, not a persona library",
                "un texte « {found} », pas une bibliothèque de personas"
            ),
            Flaw::NewerPersonaLibrary(version) => say!(
                lang,
                "written by a newer Parcours (persona library version {version})",
                "écrite par un Parcours plus récent (bibliothèque de personas version {version})"
            ),
            Flaw::EmptyOrRepeatedId => say!(lang, "empty or repeated", "vide ou répété"),
            Flaw::ReplicaLength => say!(
                lang,
                "a replica id must have 1 to 64 characters",
                "un identifiant de réplique a de 1 à 64 caractères"
            ),
            Flaw::ChangeNotInClock { change, replica } => say!(
                lang,
                "change {change} of \"{replica}\" is not in the clock",
                "la modification {change} de « {replica} » manque à l'horloge"
            ),
        }
    }
}

/// The kind of item a reference or an edit names (`Flaw::Dangling`,
/// `EditError::NotFound`); a kind not listed is said as it is written.
fn item_name(lang: Lang, what: &str) -> &str {
    let (en, fr) = match what {
        "lane" => ("lane", "ligne"),
        "card lane" => ("card lane", "ligne de carte"),
        "stage" => ("stage", "étape"),
        "persona" => ("persona", "persona"),
        "card" => ("card", "carte"),
        "pain point card" => ("pain point card", "carte de friction"),
        "touchpoint" => ("touchpoint", "point de contact"),
        "action" => ("action", "action"),
        "map" => ("map", "carte"),
        other => (other, other),
    };
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

impl Said for OpenError {
    fn said(&self, lang: Lang) -> String {
        match self {
            OpenError::NotText => say!(
                lang,
                "this is not a text file (a Parcours map is JSON, in UTF-8)",
                "ce n'est pas un fichier texte (une carte Parcours est du JSON, en UTF-8)"
            ),
            OpenError::Format(e) => e.said(lang),
        }
    }
}

impl Said for ShareError {
    fn said(&self, lang: Lang) -> String {
        match self {
            ShareError::TooLarge { chars } => say!(
                lang,
                "this map needs a link of {chars} characters; links hold up to {MAX_LINK_CHARS}",
                "cette carte demande un lien de {chars} caractères ; un lien en contient au plus {MAX_LINK_CHARS}"
            ),
            ShareError::NotBase64 { at } => {
                let at = at + 1;
                say!(
                    lang,
                    "the link is damaged: character {at} is not part of a map link",
                    "le lien est abîmé : le caractère {at} n'appartient pas à un lien de carte"
                )
            }
            ShareError::NotDeflate => say!(lang, "the link is damaged or cut short", "le lien est abîmé ou coupé"),
            ShareError::TrailingData => say!(
                lang,
                "the link is damaged: it goes on after the end of the map",
                "le lien est abîmé : il continue après la fin de la carte"
            ),
            ShareError::TooBig => say!(
                lang,
                "the link unpacks to more than {MAX_MAP_BYTES} bytes",
                "le lien se déplie en plus de {MAX_MAP_BYTES} octets"
            ),
            ShareError::Format(e) => {
                let e = e.said(lang);
                say!(
                    lang,
                    "the link holds no readable map: {e}",
                    "le lien ne contient pas de carte lisible : {e}"
                )
            }
        }
    }
}

/// Where (its line, when it is about one) and why.
impl Said for MermaidError {
    fn said(&self, lang: Lang) -> String {
        let (line, message) = (self.line, self.message.said(lang));
        match line {
            0 => message,
            _ => say!(lang, "line {line}: {message}", "ligne {line} : {message}"),
        }
    }
}

impl Said for MermaidFlaw {
    fn said(&self, lang: Lang) -> String {
        match self {
            MermaidFlaw::FrontMatterOpen => say!(
                lang,
                "the front matter that starts here (---) is never closed",
                "l'en-tête (---) qui commence ici n'est jamais fermé"
            ),
            MermaidFlaw::NotAJourney(first) => say!(
                lang,
                "a Mermaid journey starts with \"journey\", this one with \"{first}\"",
                "un parcours Mermaid commence par « journey », celui-ci par « {first} »"
            ),
            MermaidFlaw::Empty => say!(
                lang,
                "the text is empty: a Mermaid journey starts with \"journey\"",
                "le texte est vide : un parcours Mermaid commence par « journey »"
            ),
            MermaidFlaw::AccDescrOpen => say!(
                lang,
                "the accDescr {{ … }} block that starts here is never closed",
                "le bloc accDescr {{ … }} qui commence ici n'est jamais fermé"
            ),
            MermaidFlaw::AccDescrFollow => say!(
                lang,
                "accDescr is followed by \":\" or \"{{\"",
                "accDescr est suivi de « : » ou de « {{ »"
            ),
            MermaidFlaw::TaskWithoutText => say!(
                lang,
                "a task has no text before its \":\"",
                "une tâche n'a pas de texte avant son « : »"
            ),
            MermaidFlaw::NotAScore { task, score } => say!(
                lang,
                "the score of \"{task}\" is \"{score}\", not a number (1 to 5)",
                "la note de « {task} » est « {score} », pas un nombre (de 1 à 5)"
            ),
            MermaidFlaw::NotALine(word) => say!(
                lang,
                "\"{word}…\" is not a title, section or task (a task is \"text: score: actors\")",
                "« {word}… » n'est ni un titre, ni une section, ni une tâche (une tâche s'écrit « texte: note: acteurs »)"
            ),
            MermaidFlaw::NoSections => say!(
                lang,
                "this journey has no sections and no tasks",
                "ce parcours n'a ni section ni tâche"
            ),
        }
    }
}

impl Said for SourceError {
    fn said(&self, lang: Lang) -> String {
        match self {
            SourceError::Missing => say!(
                lang,
                "the embed names no map file: add ?src=<address of a .json map>",
                "l'intégration ne nomme aucun fichier de carte : ajoutez ?src=<adresse d'une carte .json>"
            ),
            SourceError::BadEncoding => say!(
                lang,
                "the map file's address is not correctly percent-encoded",
                "l'adresse du fichier de carte est mal encodée (encodage %)"
            ),
            SourceError::TooLong { chars } => say!(
                lang,
                "the map file's address has {chars} characters, more than the {MAX_SOURCE_CHARS} accepted",
                "l'adresse du fichier de carte a {chars} caractères, plus que les {MAX_SOURCE_CHARS} acceptés"
            ),
            SourceError::Scheme(scheme) => say!(
                lang,
                "\"{scheme}:\" addresses are not read: give an http or https address, or a path next to Parcours",
                "les adresses « {scheme}: » ne sont pas lues : donnez une adresse http ou https, ou un chemin à côté de Parcours"
            ),
        }
    }
}

impl Said for AvatarError {
    fn said(&self, lang: Lang) -> String {
        match self {
            AvatarError::TooLarge(chars) => say!(
                lang,
                "the avatar is {chars} characters long; an avatar may be at most {MAX_AVATAR_CHARS}",
                "l'avatar fait {chars} caractères ; un avatar en a au plus {MAX_AVATAR_CHARS}"
            ),
            AvatarError::NotADataUrl => say!(
                lang,
                "an avatar must be a data: URL of a PNG, JPEG or WebP image, not an address",
                "un avatar doit être une URL data: d'une image PNG, JPEG ou WebP, pas une adresse"
            ),
            AvatarError::UnsupportedType(declared) => say!(
                lang,
                "\"{declared}\" is not allowed: an avatar is a PNG, JPEG or WebP image in base64",
                "« {declared} » n'est pas accepté : un avatar est une image PNG, JPEG ou WebP en base64"
            ),
            AvatarError::NotBase64 { at } => say!(
                lang,
                "the avatar's image data is not base64 at character {at}",
                "les données de l'image de l'avatar ne sont pas du base64 au caractère {at}"
            ),
            AvatarError::NotThatImage(mime) => say!(
                lang,
                "the avatar's bytes are not a {mime} image",
                "les octets de l'avatar ne sont pas une image {mime}"
            ),
        }
    }
}

impl Said for LogoError {
    fn said(&self, lang: Lang) -> String {
        match self {
            LogoError::NotAnImage => say!(
                lang,
                "not an image: a logo is a data: URL of a PNG, JPEG or SVG image, in base64",
                "pas une image : un logo est une URL data: d'une image PNG, JPEG ou SVG, en base64"
            ),
            LogoError::TooLarge(bytes) => say!(
                lang,
                "the logo is {bytes} bytes; a logo may be at most {MAX_LOGO_BYTES} bytes",
                "le logo fait {bytes} octets ; un logo en fait au plus {MAX_LOGO_BYTES}"
            ),
        }
    }
}

impl Said for EditError {
    fn said(&self, lang: Lang) -> String {
        match self {
            EditError::NotFound { what, id } => {
                let what = item_name(lang, what);
                say!(
                    lang,
                    "no {what} with id \"{id}\"",
                    "introuvable : {what} « {id} »"
                )
            }
            EditError::DuplicateId(id) => say!(
                lang,
                "the id \"{id}\" is already used",
                "l'identifiant « {id} » est déjà pris"
            ),
            EditError::OutOfScale(v) => say!(
                lang,
                "emotion {v} is outside the scale {EMOTION_MIN}..={EMOTION_MAX}",
                "l'émotion {v} sort de l'échelle de {EMOTION_MIN} à {EMOTION_MAX}"
            ),
            EditError::BadScale => say!(
                lang,
                "the answer scale's bounds are not in order",
                "les bornes de l'échelle de réponses ne sont pas dans l'ordre"
            ),
            // `why` is the branding's first problem, as written when the edit
            // was refused (English: the edit code has no language).
            EditError::BadBranding(why) => {
                say!(lang, "branding refused: {why}", "habillage refusé : {why}")
            }
            EditError::BadSeverity(v) => say!(
                lang,
                "severity {v} is not one of {SEVERITY_MIN} (low) to {SEVERITY_MAX} (high)",
                "la gravité {v} n'est pas entre {SEVERITY_MIN} (faible) et {SEVERITY_MAX} (forte)"
            ),
            EditError::BadScore(v) => say!(
                lang,
                "score {v} is not one of 1 (low) to 5 (high)",
                "la note {v} n'est pas entre 1 (faible) et 5 (forte)"
            ),
            EditError::LinksToItself => say!(
                lang,
                "a stage cannot be detailed by its own map",
                "une étape ne peut pas être détaillée par sa propre carte"
            ),
        }
    }
}

impl Said for StoreError {
    fn said(&self, lang: Lang) -> String {
        match self {
            StoreError::QuotaExceeded => say!(
                lang,
                "the browser's storage is full",
                "le stockage du navigateur est plein"
            ),
            StoreError::Unavailable(why) => say!(
                lang,
                "storage is unavailable: {why}",
                "le stockage n'est pas disponible : {why}"
            ),
            // The browser's own words, in the browser's language (English
            // unchanged: it is what the UI always showed).
            StoreError::Failed(why) => say!(lang, "{why}", "le stockage a échoué : {why}"),
        }
    }
}

impl Said for LoadError {
    fn said(&self, lang: Lang) -> String {
        match self {
            LoadError::Missing => say!(
                lang,
                "this map is not in the library",
                "cette carte n'est pas dans la bibliothèque"
            ),
            LoadError::Unreadable(e) => e.said(lang),
            LoadError::Store(e) => e.said(lang),
        }
    }
}

impl Said for SaveError {
    fn said(&self, lang: Lang) -> String {
        match self {
            SaveError::Conflict { stored_revision } => say!(
                lang,
                "another tab saved this map since it was opened here (revision {stored_revision})",
                "un autre onglet a enregistré cette carte depuis son ouverture ici (révision {stored_revision})"
            ),
            SaveError::Store(e) => e.said(lang),
        }
    }
}

impl Said for SetAsideReason {
    fn said(&self, lang: Lang) -> String {
        match self {
            SetAsideReason::Unreadable(e) => e.said(lang),
            SetAsideReason::WrongId { key, id } => say!(
                lang,
                "stored under \"{key}\" but its id is \"{id}\"",
                "rangée sous « {key} » mais son identifiant est « {id} »"
            ),
            SetAsideReason::KeptEarlier => {
                say!(lang, "kept aside earlier", "mise de côté précédemment")
            }
            SetAsideReason::NotReplicaId => lang.t(Key::ReplicaUnreadable).to_owned(),
        }
    }
}

/// Why, in `lang`: the file is too large, not the storage full.
impl Said for TooLarge {
    fn said(&self, lang: Lang) -> String {
        let (needed, left) = (format_size(lang, self.needed), format_size(lang, self.left));
        say!(
            lang,
            "This file is too large for this browser's storage: the map needs {needed} and {left} are left. Nothing was stored.",
            "Ce fichier est trop grand pour le stockage de ce navigateur : la carte demande {needed} et il reste {left}. Rien n'a été enregistré."
        )
    }
}

impl Said for RestoreError {
    fn said(&self, lang: Lang) -> String {
        match self {
            RestoreError::SavedSince { .. } => say!(
                lang,
                "this map was saved again in another tab since it was deleted; that version is kept",
                "cette carte a été réenregistrée dans un autre onglet depuis sa suppression ; cette version est gardée"
            ),
            RestoreError::Store(e) => e.said(lang),
        }
    }
}

impl Said for StoredEditError {
    fn said(&self, lang: Lang) -> String {
        match self {
            StoredEditError::Load(e) => e.said(lang),
            StoredEditError::Conflict { stored_revision } => say!(
                lang,
                "another tab saved this map since it was read here (revision {stored_revision})",
                "un autre onglet a enregistré cette carte depuis sa lecture ici (révision {stored_revision})"
            ),
            StoredEditError::Edit(e) => e.said(lang),
            StoredEditError::Save(e) => e.said(lang),
        }
    }
}

impl Said for LibraryBrandingError {
    fn said(&self, lang: Lang) -> String {
        match self {
            LibraryBrandingError::Invalid(problems) => {
                let shown: Vec<String> = problems
                    .iter()
                    .map(|(field, flaw)| located(lang, field, flaw))
                    .collect();
                shown.join("; ")
            }
            LibraryBrandingError::Store(e) => e.said(lang),
        }
    }
}

impl Said for WriteError {
    fn said(&self, lang: Lang) -> String {
        match self {
            WriteError::Conflict(personas) => {
                let names = quoted(personas);
                say!(
                    lang,
                    "another tab changed {names} in the persona library since it was read here",
                    "un autre onglet a modifié {names} dans la bibliothèque de personas depuis sa lecture ici"
                )
            }
            WriteError::Refused(e) => e.said(lang),
            WriteError::Store(e) => e.said(lang),
        }
    }
}

impl Said for LibraryError {
    fn said(&self, lang: Lang) -> String {
        match self {
            LibraryError::DuplicateId(id) => say!(
                lang,
                "the persona id \"{id}\" is already used",
                "l'identifiant de persona « {id} » est déjà pris"
            ),
            LibraryError::NotFound(id) => say!(
                lang,
                "no persona with id \"{id}\"",
                "aucun persona d'identifiant « {id} »"
            ),
            LibraryError::BadAvatar(e) => {
                let why = e.said(lang);
                say!(lang, "avatar refused: {why}", "avatar refusé : {why}")
            }
            LibraryError::InUse(maps) => {
                let titles = quoted(maps);
                say!(
                    lang,
                    "the persona travels {titles}: remove it from them first",
                    "le persona figure dans {titles} : retirez-l'en d'abord"
                )
            }
        }
    }
}

impl Said for MergeError {
    fn said(&self, lang: Lang) -> String {
        match self {
            MergeError::NotTheSameMap => say!(
                lang,
                "the two files hold different maps",
                "les deux fichiers contiennent des cartes différentes"
            ),
            MergeError::Invalid(problems) => {
                let first = problems
                    .first()
                    .map(|p| format!(" ({})", p.said(lang)))
                    .unwrap_or_default();
                say!(
                    lang,
                    "the merged map would not be valid{first}",
                    "la carte fusionnée ne serait pas valide{first}"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Both languages said, non-empty, different, and the French free of
    /// English give-away words.
    fn check(e: &dyn Said) {
        let (en, fr) = (e.said(Lang::En), e.said(Lang::Fr));
        assert!(!en.is_empty() && !fr.is_empty(), "{en:?} / {fr:?}");
        assert_ne!(en, fr, "untranslated: {en}");
        let lower = fr.to_lowercase();
        for word in ["the ", " is not", "expected", "missing"] {
            assert!(!lower.contains(word), "English {word:?} in French: {fr}");
        }
    }

    /// Every variant of a type has an example: the match has no wildcard (a
    /// new variant does not compile until it is listed), and every arm must
    /// be reached by one of the examples.
    macro_rules! walk {
        ($examples:expr, $($pat:pat),+ $(,)?) => {{
            let examples = $examples;
            let all = [$(stringify!($pat)),+];
            let seen: BTreeSet<&str> = examples
                .iter()
                .map(|e| match e { $($pat => stringify!($pat)),+ })
                .collect();
            assert_eq!(seen.len(), all.len(), "a variant has no example: {all:?}, seen {seen:?}");
            for e in &examples {
                check(e);
            }
        }};
    }

    fn problems(n: usize) -> Vec<Problem> {
        (0..n)
            .map(|i| Problem {
                path: format!("map.stages[{i}].name"),
                message: Flaw::Json("invalid type: integer `1`, expected a string".into()),
            })
            .collect()
    }

    #[test]
    fn every_error_variant_is_said_in_both_languages() {
        walk!(
            vec![
                FormatError::Json {
                    line: 1,
                    column: 5,
                    message: "expected value".into()
                },
                FormatError::NotAMap { found: None },
                FormatError::NewerVersion { found: 9 },
                FormatError::BadVersion {
                    found: "\"x\"".into()
                },
                FormatError::Invalid(problems(7)),
            ],
            FormatError::Json { .. },
            FormatError::NotAMap { .. },
            FormatError::NewerVersion { .. },
            FormatError::BadVersion { .. },
            FormatError::Invalid(_),
        );
        walk!(
            vec![
                Flaw::NotWholeNumber,
                Flaw::Missing,
                Flaw::Version1Field { version: 2 },
                Flaw::Json("missing field `name`".into()),
                Flaw::EmptyId,
                Flaw::DuplicateId("s1".into()),
                Flaw::Avatar(AvatarError::NotADataUrl),
                Flaw::Logo(LogoError::NotAnImage),
                Flaw::NotPercentage("120".into()),
                Flaw::NotSeverity(7),
                Flaw::NotScore(9),
                Flaw::NotPainPoint("c1".into()),
                Flaw::BadScales,
                Flaw::NotColour("red".into()),
                Flaw::ImpossibleValue("300".into()),
                Flaw::AnswersWithoutScale,
                Flaw::ReachAnswers,
                Flaw::NpsScale,
                Flaw::ScaleOrder,
                Flaw::AnswerCount { low: 1, high: 5 },
                Flaw::OutsideEmotions(5),
                Flaw::SecondEmotion,
                Flaw::LinksToItself,
                Flaw::Dangling {
                    what: "lane",
                    id: "l9".into()
                },
                Flaw::ReplicaLength,
                Flaw::BothPresentAndDeleted,
                Flaw::NotText,
                Flaw::Unreadable(Box::new(FormatError::NewerVersion { found: 9 })),
                Flaw::NotPersonaLibrary("other".into()),
                Flaw::NewerPersonaLibrary(9),
                Flaw::EmptyOrRepeatedId,
                Flaw::ChangeNotInClock {
                    change: 2,
                    replica: "a".into()
                },
            ],
            Flaw::NotWholeNumber,
            Flaw::Missing,
            Flaw::Version1Field { .. },
            Flaw::Json(_),
            Flaw::EmptyId,
            Flaw::DuplicateId(_),
            Flaw::Avatar(_),
            Flaw::Logo(_),
            Flaw::NotPercentage(_),
            Flaw::NotSeverity(_),
            Flaw::NotScore(_),
            Flaw::NotPainPoint(_),
            Flaw::BadScales,
            Flaw::NotColour(_),
            Flaw::ImpossibleValue(_),
            Flaw::AnswersWithoutScale,
            Flaw::ReachAnswers,
            Flaw::NpsScale,
            Flaw::ScaleOrder,
            Flaw::AnswerCount { .. },
            Flaw::OutsideEmotions(_),
            Flaw::SecondEmotion,
            Flaw::LinksToItself,
            Flaw::Dangling { .. },
            Flaw::ReplicaLength,
            Flaw::BothPresentAndDeleted,
            Flaw::NotText,
            Flaw::Unreadable(_),
            Flaw::NotPersonaLibrary(_),
            Flaw::NewerPersonaLibrary(_),
            Flaw::EmptyOrRepeatedId,
            Flaw::ChangeNotInClock { .. },
        );
        walk!(
            vec![
                OpenError::NotText,
                OpenError::Format(FormatError::NewerVersion { found: 9 })
            ],
            OpenError::NotText,
            OpenError::Format(_),
        );
        walk!(
            vec![
                ShareError::TooLarge { chars: 40_000 },
                ShareError::NotBase64 { at: 3 },
                ShareError::NotDeflate,
                ShareError::TrailingData,
                ShareError::TooBig,
                ShareError::Format(FormatError::NewerVersion { found: 9 }),
            ],
            ShareError::TooLarge { .. },
            ShareError::NotBase64 { .. },
            ShareError::NotDeflate,
            ShareError::TrailingData,
            ShareError::TooBig,
            ShareError::Format(_),
        );
        walk!(
            vec![MermaidError {
                line: 3,
                message: MermaidFlaw::NoSections
            }],
            MermaidError { .. },
        );
        walk!(
            vec![
                MermaidFlaw::FrontMatterOpen,
                MermaidFlaw::NotAJourney("flowchart".into()),
                MermaidFlaw::Empty,
                MermaidFlaw::AccDescrOpen,
                MermaidFlaw::AccDescrFollow,
                MermaidFlaw::TaskWithoutText,
                MermaidFlaw::NotAScore {
                    task: "Payer".into(),
                    score: "beaucoup".into()
                },
                MermaidFlaw::NotALine("banane".into()),
                MermaidFlaw::NoSections,
            ],
            MermaidFlaw::FrontMatterOpen,
            MermaidFlaw::NotAJourney(_),
            MermaidFlaw::Empty,
            MermaidFlaw::AccDescrOpen,
            MermaidFlaw::AccDescrFollow,
            MermaidFlaw::TaskWithoutText,
            MermaidFlaw::NotAScore { .. },
            MermaidFlaw::NotALine(_),
            MermaidFlaw::NoSections,
        );
        walk!(
            vec![
                SourceError::Missing,
                SourceError::BadEncoding,
                SourceError::TooLong { chars: 5000 },
                SourceError::Scheme("javascript".into()),
            ],
            SourceError::Missing,
            SourceError::BadEncoding,
            SourceError::TooLong { .. },
            SourceError::Scheme(_),
        );
        walk!(
            vec![
                AvatarError::TooLarge(30_000),
                AvatarError::NotADataUrl,
                AvatarError::UnsupportedType("image/svg+xml".into()),
                AvatarError::NotBase64 { at: 4 },
                AvatarError::NotThatImage("image/png"),
            ],
            AvatarError::TooLarge(_),
            AvatarError::NotADataUrl,
            AvatarError::UnsupportedType(_),
            AvatarError::NotBase64 { .. },
            AvatarError::NotThatImage(_),
        );
        walk!(
            vec![LogoError::NotAnImage, LogoError::TooLarge(200_000)],
            LogoError::NotAnImage,
            LogoError::TooLarge(_),
        );
        walk!(
            vec![
                EditError::NotFound {
                    what: "stage",
                    id: "s9".into()
                },
                EditError::DuplicateId("c1".into()),
                EditError::OutOfScale(5),
                EditError::BadScale,
                EditError::BadBranding("primary".into()),
                EditError::BadSeverity(7),
                EditError::BadScore(0),
                EditError::LinksToItself,
            ],
            EditError::NotFound { .. },
            EditError::DuplicateId(_),
            EditError::OutOfScale(_),
            EditError::BadScale,
            EditError::BadBranding(_),
            EditError::BadSeverity(_),
            EditError::BadScore(_),
            EditError::LinksToItself,
        );
        walk!(
            vec![
                StoreError::QuotaExceeded,
                StoreError::Unavailable("SecurityError".into()),
                StoreError::Failed("NotAllowedError".into()),
            ],
            StoreError::QuotaExceeded,
            StoreError::Unavailable(_),
            StoreError::Failed(_),
        );
        walk!(
            vec![
                LoadError::Missing,
                LoadError::Unreadable(FormatError::NewerVersion { found: 9 }),
                LoadError::Store(StoreError::QuotaExceeded),
            ],
            LoadError::Missing,
            LoadError::Unreadable(_),
            LoadError::Store(_),
        );
        walk!(
            vec![
                SaveError::Conflict { stored_revision: 3 },
                SaveError::Store(StoreError::QuotaExceeded),
            ],
            SaveError::Conflict { .. },
            SaveError::Store(_),
        );
        walk!(
            vec![
                SetAsideReason::Unreadable(FormatError::NewerVersion { found: 9 }),
                SetAsideReason::WrongId {
                    key: "parcours.map.a".into(),
                    id: "b".into()
                },
                SetAsideReason::KeptEarlier,
                SetAsideReason::NotReplicaId,
            ],
            SetAsideReason::Unreadable(_),
            SetAsideReason::WrongId { .. },
            SetAsideReason::KeptEarlier,
            SetAsideReason::NotReplicaId,
        );
        walk!(
            vec![TooLarge {
                needed: 6_000_000,
                left: 1_000
            }],
            TooLarge { .. }
        );
        walk!(
            vec![
                RestoreError::SavedSince {
                    stored_revision: Some(2)
                },
                RestoreError::Store(StoreError::QuotaExceeded),
            ],
            RestoreError::SavedSince { .. },
            RestoreError::Store(_),
        );
        walk!(
            vec![
                StoredEditError::Load(LoadError::Missing),
                StoredEditError::Conflict { stored_revision: 4 },
                StoredEditError::Edit(EditError::BadScale),
                StoredEditError::Save(SaveError::Store(StoreError::QuotaExceeded)),
            ],
            StoredEditError::Load(_),
            StoredEditError::Conflict { .. },
            StoredEditError::Edit(_),
            StoredEditError::Save(_),
        );
        walk!(
            vec![
                LibraryBrandingError::Invalid(vec![("primary", Flaw::NotColour("red".into()))]),
                LibraryBrandingError::Store(StoreError::QuotaExceeded),
            ],
            LibraryBrandingError::Invalid(_),
            LibraryBrandingError::Store(_),
        );
        let named = || vec![("p1".to_owned(), "Camille".to_owned())];
        walk!(
            vec![
                WriteError::Conflict(named()),
                WriteError::Refused(LibraryError::NotFound("p1".into())),
                WriteError::Store(StoreError::QuotaExceeded),
            ],
            WriteError::Conflict(_),
            WriteError::Refused(_),
            WriteError::Store(_),
        );
        walk!(
            vec![
                LibraryError::DuplicateId("p1".into()),
                LibraryError::NotFound("p1".into()),
                LibraryError::BadAvatar(AvatarError::NotADataUrl),
                LibraryError::InUse(named()),
            ],
            LibraryError::DuplicateId(_),
            LibraryError::NotFound(_),
            LibraryError::BadAvatar(_),
            LibraryError::InUse(_),
        );
        walk!(
            vec![MergeError::NotTheSameMap, MergeError::Invalid(problems(1))],
            MergeError::NotTheSameMap,
            MergeError::Invalid(_),
        );
    }

    #[test]
    fn every_import_problem_is_said_in_both_languages() {
        use crate::core::formats::survey_import::{
            Decimal, NumberError, RowProblem, RowReason, TableError, Warning,
        };
        walk!(
            vec![
                TableError::Empty,
                TableError::NoRows,
                TableError::Binary,
                TableError::TooLarge(30_000_000),
                TableError::TooManyColumns { line: 2 },
                TableError::UnclosedQuote { line: 3 },
            ],
            TableError::Empty,
            TableError::NoRows,
            TableError::Binary,
            TableError::TooLarge(_),
            TableError::TooManyColumns { .. },
            TableError::UnclosedQuote { .. },
        );
        walk!(
            vec![
                NumberError::NotANumber,
                NumberError::Malformed(Decimal::Point),
                NumberError::TooLarge,
            ],
            NumberError::NotANumber,
            NumberError::Malformed(_),
            NumberError::TooLarge,
        );
        let reasons = vec![
            RowReason::NotANumber {
                text: "abc".into(),
                error: NumberError::NotANumber,
            },
            RowReason::OutOfScale {
                value: 12.0,
                low: 0,
                high: 10,
            },
            RowReason::NotWhole(7.5),
            RowReason::Negative(-3.0),
            RowReason::UnknownTouchpoint("Nowhere".into()),
            RowReason::NoTouchpoint,
            RowReason::TooManyCells {
                found: 5,
                expected: 4,
            },
        ];
        walk!(
            reasons.clone(),
            RowReason::NotANumber { .. },
            RowReason::OutOfScale { .. },
            RowReason::NotWhole(_),
            RowReason::Negative(_),
            RowReason::UnknownTouchpoint(_),
            RowReason::NoTouchpoint,
            RowReason::TooManyCells { .. },
        );
        walk!(
            vec![RowProblem {
                line: 4,
                column: Some(1),
                header: Some("NPS".into()),
                reason: reasons[0].clone()
            }],
            RowProblem { .. },
        );
        walk!(
            vec![
                Warning::UnknownPersona {
                    value: "Zoé".into(),
                    rows: 2
                },
                Warning::EmptyColumn("CES".into()),
                Warning::InvalidScale("CSAT".into()),
            ],
            Warning::UnknownPersona { .. },
            Warning::EmptyColumn(_),
            Warning::InvalidScale(_),
        );
    }

    #[test]
    fn display_is_the_english_words() {
        let e = FormatError::NewerVersion { found: 9 };
        assert_eq!(e.to_string(), e.said(Lang::En));
    }

    #[test]
    fn an_invalid_map_file_says_where_in_the_file_and_what_in_french() {
        // A stage whose name is a number: located by its path, which stays.
        let text = r#"{"format":"parcours.map","version":4,"map":{"id":"m","title":"t","stages":[{"id":"s","name":5}]}}"#;
        let e = crate::core::formats::envelope::from_json(text).unwrap_err();
        let fr = e.said(Lang::Fr);
        assert!(
            fr.starts_with(
                "map.stages[0].name: type inattendu : l'entier `5`, attendu : une chaîne"
            ),
            "{fr}"
        );
        let en = e.said(Lang::En);
        assert!(
            en.starts_with("map.stages[0].name: invalid type: integer `5`"),
            "{en}"
        );
    }

    #[test]
    fn a_refused_backup_is_said_in_french() {
        use crate::core::document::model::SequentialIds;
        use crate::core::storage::backup::open_backup;
        let none_taken = |_: &str| false;
        let refused = |text: &str| {
            open_backup(text.as_bytes(), &none_taken, &mut SequentialIds::new("n"))
                .unwrap_err()
                .said(Lang::Fr)
        };
        let bad_map = r#"{"format":"parcours.library","version":1,"exported":1,"maps":[{"format":"parcours.map","version":4,"map":{"id":"m","title":"t","stages":[{"id":"s","name":5}]}}]}"#;
        let located = refused(bad_map);
        assert!(
            located.starts_with("maps[0].map.stages[0].name: type inattendu"),
            "{located}"
        );
        let truncated = refused(r#"{"format":"parcours.library","version":1,"maps":["#);
        assert!(truncated.contains("tronqué"), "{truncated}");
    }
}
