//! The UI's words in English and French.
//!
//! Every string the UI shows comes from here. Each key carries both languages
//! in one match arm, so a missing translation does not compile.

use crate::core::document::model::{
    ActionStatus, Channel, Classification, LaneKind, MapKind, Metric,
};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language for a BCP 47 tag such as `fr-CA` or `en-GB`; English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// What goes between a label and its value: ": " in English, " : " in
    /// French (a space before the colon).
    pub fn colon(self) -> &'static str {
        match self {
            Lang::En => ": ",
            Lang::Fr => " : ",
        }
    }

    /// A word of any table ([`Key`] or a lazy part's), in this language.
    pub fn t<W: Words>(self, key: W) -> &'static str {
        key.said_in(self)
    }
}

/// A word of one of the UI's tables (made by [`word_table!`](crate::word_table)),
/// so that `lang.t(..)` and `AppState::text(..)` take any table's words.
pub trait Words: Copy + Send + Sync + 'static {
    fn said_in(self, lang: Lang) -> &'static str;
}

/// A word's (English, French), as `texts()` gives it: what a component
/// shared by pages whose words are in different tables takes, so that it
/// is compiled once.
pub type Both = (&'static str, &'static str);

impl Words for Both {
    fn said_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.0,
            Lang::Fr => self.1,
        }
    }
}

/// A table of the UI's words: `$name`, an enum of them with `ALL`, and
/// each one's (English, French). The first load's table is [`Key`]; a lazy
/// part keeps the words only it says in a table of its own
/// (`core::analysis::board_words`, `chart_words`), out of the first load.
#[macro_export]
macro_rules! word_table {
    ($(#[$doc:meta])* $name:ident { $($key:ident => ($en:expr, $fr:expr),)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($key,)* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
            /// (English, French)
            pub fn texts(self) -> (&'static str, &'static str) {
                match self { $($name::$key => ($en, $fr),)* }
            }
            /// The words in `lang`.
            pub fn t(self, lang: $crate::core::text::i18n::Lang) -> &'static str {
                let (en, fr) = self.texts();
                match lang {
                    $crate::core::text::i18n::Lang::En => en,
                    $crate::core::text::i18n::Lang::Fr => fr,
                }
            }
        }
        impl $crate::core::text::i18n::Words for $name {
            fn said_in(self, lang: $crate::core::text::i18n::Lang) -> &'static str {
                self.t(lang)
            }
        }
    };
}

crate::word_table! {
    /// A string of the UI.
    Key {
    AppName => ("Parcours", "Parcours"),
    Tagline => ("Customer journey maps — in your browser, nothing leaves it", "Cartes de parcours client — dans votre navigateur, rien n'en sort"),
    Language => ("Language", "Langue"),
    Library => ("Maps", "Cartes"),
    BackToLibrary => ("← All maps", "← Toutes les cartes"),
    NewBlankMap => ("New blank map", "Nouvelle carte vierge"),
    NewFromDemo => ("New from the demo", "Nouvelle depuis la démo"),
    SearchMaps => ("Search maps by title", "Chercher une carte par titre"),
    NoMapsMatch => ("No map matches this search.", "Aucune carte ne correspond à cette recherche."),
    LibraryEmpty => ("No map yet: start a blank map or from the demo.", "Aucune carte : commencez une carte vierge ou depuis la démo."),
    ColTitle => ("Title", "Titre"),
    ColKind => ("Kind", "Type"),
    ColModified => ("Last modified", "Modifiée le"),
    ColSize => ("Size", "Taille"),
    Rename => ("Rename", "Renommer"),
    Duplicate => ("Duplicate", "Dupliquer"),
    Delete => ("Delete", "Supprimer"),
    DeleteAction => ("Delete action", "Supprimer l'action"),
    Undo => ("Undo", "Annuler"),
    Redo => ("Redo", "Rétablir"),
    CopySuffix => (" (copy)", " (copie)"),
    Deleted => ("Map deleted:", "Carte supprimée :"),
    StorageUse => ("Browser storage used by your maps", "Stockage du navigateur utilisé par vos cartes"),
    StorageOf => ("of about 5 MB", "sur environ 5 Mo"),
    UntitledMap => ("Untitled map", "Carte sans titre"),
    BlankStage1 => ("Discover", "Découvrir"),
    BlankStage2 => ("Choose", "Choisir"),
    BlankStage3 => ("Use", "Utiliser"),
    NewStage => ("New stage", "Nouvelle étape"),
    AddStage => ("+ Stage", "+ Étape"),
    AddStageTitle => ("Add a stage at the end", "Ajouter une étape à la fin"),
    StageName => ("Stage name", "Nom de l'étape"),
    MoveLeft => ("Move left", "Déplacer à gauche"),
    MoveRight => ("Move right", "Déplacer à droite"),
    MoveUp => ("Move up", "Monter"),
    MoveDown => ("Move down", "Descendre"),
    DragToMove => ("Drag to move (or Alt + arrow keys)", "Glisser pour déplacer (ou Alt + flèches)"),
    DeleteStage => ("Delete stage", "Supprimer l'étape"),
    DetailedJourney => ("Detailed journey", "Parcours détaillé"),
    AddLane => ("+ Lane", "+ Ligne"),
    AddLaneTitle => ("Add a lane", "Ajouter une ligne"),
    LaneName => ("Lane name", "Nom de la ligne"),
    HideLane => ("Hide lane", "Masquer la ligne"),
    ShowLane => ("Show lane", "Afficher la ligne"),
    DeleteLane => ("Delete lane", "Supprimer la ligne"),
    HiddenLanes => ("Hidden lanes", "Lignes masquées"),
    AddCard => ("+", "+"),
    AddCardTitle => ("Add a card", "Ajouter une carte"),
    CardText => ("Card text", "Texte de la carte"),
    DeleteCard => ("Delete card", "Supprimer la carte"),
    AddTouchpoint => ("+ Touchpoint", "+ Point de contact"),
    NewTouchpoint => ("New touchpoint", "Nouveau point de contact"),
    TouchpointName => ("Touchpoint name", "Nom du point de contact"),
    Channel => ("Channel", "Canal"),
    Online => ("online", "en ligne"),
    Offline => ("offline", "hors ligne"),
    Classification => ("Classification", "Classification"),
    Department => ("Owning department", "Service responsable"),
    DepartmentPlaceholder => ("Department", "Service"),
    DeleteTouchpoint => ("Delete touchpoint", "Supprimer le point de contact"),
    EmotionAt => ("Emotion at this stage", "Émotion à cette étape"),
    EmotionNotSet => ("—", "—"),
    Everyone => ("Everyone", "Tous"),
    Personas => ("Personas", "Personas"),
    PersonaView => ("Show content for", "Afficher le contenu pour"),
    AllPersonas => ("All personas", "Tous les personas"),
    AddPersona => ("+ Persona", "+ Persona"),
    NewPersona => ("New persona", "Nouveau persona"),
    PersonaName => ("Name", "Nom"),
    PersonaSegment => ("Segment", "Segment"),
    PersonaShare => ("Share of customers (%)", "Part des clients (%)"),
    PersonaGoals => ("Goals", "Objectifs"),
    PersonaMotivations => ("Motivations", "Motivations"),
    PersonaFrustrations => ("Frustrations", "Frustrations"),
    PersonaQuote => ("Quote", "Citation"),
    DeletePersona => ("Delete persona", "Supprimer le persona"),
    MapTitle => ("Map title", "Titre de la carte"),
    MapKind => ("Kind of map", "Type de carte"),
    Saved => ("Saved", "Enregistré"),
    Unsaved => ("Unsaved changes…", "Modifications non enregistrées…"),
    SaveFailed => ("Not saved", "Non enregistré"),
    DownloadMap => ("Download map (.json)", "Télécharger la carte (.json)"),
    ExportTouchpointsCsv => ("Touchpoints (.csv)", "Points de contact (.csv)"),
    ExportActionsCsv => ("Actions (.csv)", "Actions (.csv)"),
    ExportMermaid => ("Mermaid (.mmd)", "Mermaid (.mmd)"),
    MoreFormats => ("More formats", "Autres formats"),
    SharedReadOnly => ("A map shared with you, read-only. Nothing is stored until you keep a copy.", "Une carte partagée avec vous, en lecture seule. Rien n'est enregistré tant que vous n'en gardez pas une copie."),
    SaveCopy => ("Save a copy to my library", "Enregistrer une copie dans ma bibliothèque"),
    OpenInParcours => ("Open in Parcours ↗", "Ouvrir dans Parcours ↗"),
    EmbedSnippet => ("To embed this map in a page (read-only), paste:", "Pour intégrer cette carte dans une page (lecture seule), collez :"),
    MapFileLink => ("Map file ↗", "Fichier de la carte ↗"),
    EmbedSourceFailed => ("This map file cannot be shown:", "Ce fichier de carte ne peut pas être affiché :"),
    ShareLinkBroken => ("This share link cannot be opened:", "Ce lien de partage ne peut pas être ouvert :"),
    ShareLink => ("Share link", "Lien de partage"),
    ShareLinkHint => ("Anyone who opens this link sees this map, read-only; the map travels in the link itself, never through a server.", "Qui ouvre ce lien voit cette carte en lecture seule ; la carte voyage dans le lien lui-même, jamais par un serveur."),
    CopyLink => ("Copy", "Copier"),
    Copied => ("Copied", "Copié"),
    ShareTooLarge => ("Too large for a link:", "Trop grande pour un lien :"),
    ShareTooLargeHint => ("share the file instead (Download map).", "partagez plutôt le fichier (Télécharger la carte)."),
    ExportMermaidHint => ("The journey as a Mermaid diagram, for wikis and Markdown", "Le parcours en diagramme Mermaid, pour les wikis et le Markdown"),
    ExportTouchpointsName => ("touchpoints", "points de contact"),
    ExportActionsName => ("actions", "actions"),
    DownloadRaw => ("Download the raw text", "Télécharger le texte brut"),
    Dismiss => ("Dismiss", "Fermer"),
    QuotaFull => ("Your browser's storage is full: this change is not saved. Your work is still here — download the map to keep it, then free space by deleting maps you no longer need.", "Le stockage du navigateur est plein : cette modification n'est pas enregistrée. Votre travail est toujours là — téléchargez la carte pour la garder, puis libérez de la place en supprimant des cartes inutiles."),
    SaveError => ("The browser refused to save this map:", "Le navigateur a refusé d'enregistrer cette carte :"),
    StorageUnavailable => ("Browser storage is not available (private mode or blocked): maps live only in this tab. Download them to keep them.", "Le stockage du navigateur n'est pas disponible (navigation privée ou bloqué) : les cartes ne vivent que dans cet onglet. Téléchargez-les pour les garder."),
    Quarantined => ("A stored map could not be read. It was set aside untouched; nothing was overwritten.", "Une carte enregistrée n'a pas pu être lue. Elle a été mise de côté intacte ; rien n'a été écrasé."),
    QuarantinedKey => ("Stored under", "Conservée sous"),
    Reason => ("Reason", "Raison"),
    DeleteRaw => ("Delete it for good", "La supprimer définitivement"),
    ConflictTitle => ("This map was changed in another tab.", "Cette carte a été modifiée dans un autre onglet."),
    ConflictBody => ("Your changes here are not saved yet. Choose which version to keep (you can download yours first).", "Vos modifications ici ne sont pas encore enregistrées. Choisissez la version à garder (vous pouvez d'abord télécharger la vôtre)."),
    KeepMine => ("Keep my version", "Garder ma version"),
    LoadTheirs => ("Load the other tab's version", "Charger la version de l'autre onglet"),
    ReloadedFromOtherTab => ("Updated with changes saved in another tab.", "Mise à jour avec les modifications d'un autre onglet."),
    MapDeletedElsewhere => ("This map was deleted in another tab. Your copy is still open here; it is saved again on your next change.", "Cette carte a été supprimée dans un autre onglet. Votre copie reste ouverte ici ; elle sera réenregistrée à la prochaine modification."),
    MapNotFound => ("This map does not exist (any more).", "Cette carte n'existe pas (ou plus)."),
    MapSetAside => ("This map could not be read: it was set aside, untouched (see the notice above).", "Cette carte n'a pas pu être lue : elle a été mise de côté, intacte (voir l'avis ci-dessus)."),
    EmotionCurve => ("Emotion curve", "Courbe des émotions"),
    Stages => ("Stages", "Étapes"),
    Actions => ("Actions", "Actions"),
    UndoRedoHint => ("Ctrl+Z undo · Ctrl+Shift+Z redo", "Ctrl+Z annuler · Ctrl+Maj+Z rétablir"),
    CurrentState => ("Today", "Aujourd'hui"),
    FutureState => ("Future state", "État futur"),
    EmotionsFor => ("Emotions shown and edited", "Émotions affichées et modifiées"),
    MapTab => ("Map", "Carte"),
    ChartsTab => ("Charts", "Graphiques"),
    Metrics => ("Metrics", "Indicateurs"),
    MetricsOf => ("Metrics of this touchpoint", "Indicateurs de ce point de contact"),
    NotConclusive => ("not conclusive", "non concluant"),
    NotConclusiveHint => ("Fewer than 30 answers: the margin is too wide to conclude.", "Moins de 30 réponses : la marge est trop large pour conclure."),
    Answers => ("answers", "réponses"),
    TypedByHand => ("typed by hand", "saisi à la main"),
    ImportedFrom => ("from", "depuis"),
    Earlier => ("Earlier", "Avant"),
    Points => ("pts", "pts"),
    SincePrevious => ("since the previous reading of", "depuis la mesure précédente du"),
    FigureValue => ("Value", "Valeur"),
    FigureAnswers => ("Answers (if known)", "Réponses (si connu)"),
    SetFigure => ("Set", "Enregistrer"),
    ImpossibleFigure => ("Not a possible figure: a number in the metric's range (NPS −100 to 100, CSAT 0 to 100 %, a count of 0 or more), and a whole number of answers.", "Chiffre impossible : un nombre dans les bornes de l'indicateur (NPS de −100 à 100, CSAT de 0 à 100 %, un comptage positif), et un nombre entier de réponses."),
    RemoveLatest => ("Remove the latest reading", "Retirer la dernière mesure"),
    NoFigure => ("no data", "pas de données"),
    LowEffort => ("low effort", "effort faible"),
    Mean => ("mean", "moyenne"),
    ImportData => ("Import data (CSV)", "Importer des données (CSV)"),
    OpenMapFile => ("Open a map file…", "Ouvrir un fichier de carte…"),
    BackupLibrary => ("Back up all maps", "Sauvegarder toutes les cartes"),
    BackupFileName => ("Parcours backup", "Sauvegarde Parcours"),
    BackupRestored => ("Restored from", "Restauré depuis"),
    BackupMaps => ("maps", "cartes"),
    BackupCopies => ("already here, opened as copies beside them", "déjà présentes, ouvertes en copie à côté"),
    OpenMapFileHint => ("A map file or a backup (.json), or a Mermaid journey (.mmd, .md); you can also drop it on this page", "Un fichier de carte ou une sauvegarde (.json), ou un parcours Mermaid (.mmd, .md) ; vous pouvez aussi le déposer sur cette page"),
    MapFileRefused => ("Not opened, your library is unchanged:", "Non ouvert, votre bibliothèque n'a pas changé :"),
    Theme => ("Theme", "Thème"),
    Shortcuts => ("Keyboard shortcuts", "Raccourcis clavier"),
    ShortcutHelp => ("Show or hide this list", "Afficher ou masquer cette liste"),
    ShortcutSearch => ("Search the maps (library)", "Chercher dans les cartes (bibliothèque)"),
    ShortcutSave => ("Save now", "Enregistrer tout de suite"),
    ShortcutNewCard => ("New card below (in a card)", "Nouvelle carte en dessous (dans une carte)"),
    ShortcutNewStage => ("New stage at the end of the journey", "Nouvelle étape à la fin du parcours"),
    ShortcutLeave => ("Leave a field for its cell, close a panel", "Quitter un champ pour sa case, fermer un panneau"),
    ShortcutMove => ("From a cell: to the next cell, lane or stage", "Depuis une case : vers la case, la ligne ou l'étape voisine"),
    ShortcutEnter => ("From a cell: into its first field", "Depuis une case : dans son premier champ"),
    ShortcutMoveCard => ("In a card: move it up or down in its cell, or to the stage before or after (or drag its ⠿ grip)", "Dans une carte : la monter ou la descendre dans sa case, ou la passer à l'étape d'avant ou d'après (ou glisser sa poignée ⠿)"),
    ShortcutMoveStageLane => ("In a stage's name: move the stage; in a lane's name: move the lane (or drag their ⠿ grip)", "Dans le nom d'une étape : déplacer l'étape ; dans le nom d'une ligne : déplacer la ligne (ou glisser leur poignée ⠿)"),
    ShortcutPresent => ("Present the map (then ← → stages, O whole map, F full screen, Esc leave)", "Présenter la carte (puis ← → les étapes, O carte entière, F plein écran, Échap pour sortir)"),
    Present => ("Present", "Présenter"),
    PresentTitle => ("Present the map full screen, a stage at a time (P)", "Présenter la carte en plein écran, étape par étape (P)"),
    PreviousStage => ("◀ Previous stage", "◀ Étape précédente"),
    NextStage => ("Next stage ▶", "Étape suivante ▶"),
    WholeMap => ("Whole map", "Carte entière"),
    FullScreen => ("Full screen", "Plein écran"),
    LeavePresentation => ("Leave", "Quitter"),
    PresentHint => ("← → stages · Home End first, last · O whole map · F full screen · Esc leave", "← → étapes · Début Fin première, dernière · O carte entière · F plein écran · Échap pour quitter"),
    SlideEmpty => ("Nothing written for this stage yet.", "Rien d'écrit pour cette étape pour l'instant."),
    Close => ("Close", "Fermer"),
    ThemeSystem => ("Theme: system", "Thème : système"),
    ThemeLight => ("Light", "Clair"),
    ThemeDark => ("Dark", "Sombre"),
    PartLoading => ("Loading…", "Chargement…"),
    ReadOnly => ("Read-only", "Lecture seule"),
    EditorLoading => ("Read-only until the editor has loaded…", "En lecture seule le temps que l'éditeur se charge…"),
    PartLoadFailed => ("This part of Parcours could not be loaded. Your map is safe; reload the page to try again.", "Cette partie de Parcours n'a pas pu être chargée. Votre carte est en sécurité ; rechargez la page pour réessayer."),
    Cancel => ("Cancel", "Annuler"),
    Imported => ("Imported. Undo (Ctrl+Z) takes it back.", "Importé. Annuler (Ctrl+Z) le retire."),
    FileUnreadable => ("This file could not be read:", "Ce fichier n'a pas pu être lu :"),
    Report => ("Report", "Rapport"),
    ReportHint => ("A branded report to read, print or save as PDF", "Un rapport à vos couleurs, à lire, imprimer ou enregistrer en PDF"),
    ActionOwner => ("Owner", "Responsable"),
    ActionStatusCol => ("Status", "Statut"),
    Stage => ("Stage", "Étape"),
    Touchpoint => ("Touchpoint", "Point de contact"),

    // ---- Issue 5: personas, kinds of map, current vs future, actions ----
    TimeMorning => ("Morning", "Matin"),
    TimeMidday => ("Midday", "Midi"),
    TimeAfternoon => ("Afternoon", "Après-midi"),
    TimeEvening => ("Evening", "Soir"),
    TimeNight => ("Night", "Nuit"),
    LineOfVisibility => ("Line of visibility", "Ligne de visibilité"),
    PersonaRole => ("Age / role", "Âge / rôle"),
    PersonaLibrary => ("Persona library", "Bibliothèque de personas"),
    AddFromLibrary => ("Add a persona from the library", "Ajouter un persona de la bibliothèque"),
    ComparePersonas => ("Compare personas", "Comparer les personas"),
    NewFromTemplate => ("New from a template", "Nouvelle depuis un modèle"),
    SaveAsTemplate => ("Save as template", "Enregistrer comme modèle"),
    MyTemplates => ("My templates", "Mes modèles"),
    TemplateSaved => ("Saved as a template.", "Enregistrée comme modèle."),
    NoTemplates => ("No template of your own yet.", "Aucun modèle personnel pour l'instant."),
    DeleteTemplate => ("Delete template", "Supprimer le modèle"),
    CreateFutureState => ("Create the future state", "Créer l'état futur"),
    CompareWithCurrent => ("Compare with the current state", "Comparer avec l'état actuel"),
    Severity => ("Severity", "Gravité"),
    SeverityLow => ("Low", "Faible"),
    SeverityMedium => ("Medium", "Moyenne"),
    SeverityHigh => ("High", "Élevée"),
    FilterPersona => ("Persona", "Persona"),
    PercentagePoints => ("pts", "pts"),
    BackupTemplates => ("template(s)", "modèle(s)"),
    BackupPersonas => ("personas added to the library", "personas ajoutés à la bibliothèque"),

    // ---- Issue 5 UI: the persona library page, adopting, comparing ----
    NoMoreLibraryPersonas => ("Every persona of the library is on this map.", "Tous les personas de la bibliothèque sont sur cette carte."),
    // ---- Issue 5, actions in the UI: the card's actions, the board, priorities.
    SeverityNotRated => ("Not rated", "Non évaluée"),
    OpenActionsBoard => ("Actions board →", "Tableau des actions →"),
    Portfolio => ("Portfolio →", "Portefeuille →"),
    JourneyTree => ("Tree of journeys", "Arbre des parcours"),
    MapOwner => ("Owner of this journey", "Responsable de ce parcours"),
    EffectImproved => ("improved", "amélioré"),
    // ---- Issue 5: opportunities that answer a pain point.
    AnswersPainPoint => ("Answers the pain point", "Répond au point de friction"),
    AnswersNone => ("— none", "— aucun"),
    OneOpportunity => ("1 opportunity", "1 opportunité"),
    OpportunitiesCount => ("opportunities", "opportunités"),
    // ---- Issue 17: figures you can defend.
    WeightedByShare => ("weighted by persona share", "pondéré par la part des personas"),
    EffectiveN => ("worth", "équivalent à"),
    AnswersLeftOut => ("answers left out (no persona share)", "réponses écartées (sans part de persona)"),
    PersonasWithoutAnswers => ("persona(s) without answers", "persona(s) sans réponse"),
    EffectWorse => ("worse", "moins bien"),
    WithinNoise => ("within noise", "dans le bruit"),
    NotWeightedNoShares => ("not weighted: no persona has a share of customers", "non pondéré : aucun persona n'a de part de clients"),
    NotWeightedNoAnswers => ("not weighted: no answer comes from a persona with a share", "non pondéré : aucune réponse ne vient d'un persona avec une part"),
    NotWeightedNotAnswers => ("not weighted: figures typed or on different scales", "non pondéré : indicateurs saisis ou sur des échelles différentes"),
    ChangeSincePrevious => ("Change since the previous reading", "Évolution depuis la mesure précédente"),
    EffectNoiseHint => ("The change and its 95 % interval: improved or worse when the interval leaves out no change at all, within noise when chance alone could give it.", "L'évolution et son intervalle à 95 % : améliorée ou dégradée quand l'intervalle exclut l'absence de changement, dans le bruit quand le hasard seul peut la donner."),
    WeightedShort => ("weighted", "pondéré"),
    NotWeightedShort => ("not weighted", "non pondéré"),
    // ---- Issue 19: addresses, set-aside texts, backups and files from outside.
    AddressNotUnderstood => ("This address was not understood:", "Cette adresse n'a pas été comprise :"),
    AddressNotUnderstoodAfter => (". Here are your maps; nothing was changed.", ". Voici vos cartes ; rien n'a été modifié."),
    QuarantinedTemplate => ("A stored template could not be read. It was set aside untouched; nothing was overwritten.", "Un modèle enregistré n'a pas pu être lu. Il a été mis de côté intact ; rien n'a été écrasé."),
    QuarantinedPersonaLibrary => ("The stored persona library could not be read. It was set aside untouched.", "La bibliothèque de personas enregistrée n'a pas pu être lue. Elle a été mise de côté intacte."),
    QuarantinedReplica => ("This browser's replica id (it signs changes for merging) could not be read. It was set aside untouched; a new one signs changes from now on.", "L'identifiant de réplique du navigateur (il signe les modifications pour les fusions) n'a pas pu être lu. Il a été mis de côté intact ; un nouveau signe désormais les modifications."),
    ReplicaUnreadable => ("not a replica id (1 to 64 letters, digits, - or _)", "pas un identifiant de réplique (1 à 64 lettres, chiffres, - ou _)"),
    BackupSetAside => ("set-aside texts", "textes mis de côté"),
    BackupRefused => ("refused (not a key a backup may write):", "refusé (pas une clé qu'une sauvegarde peut écrire) :"),
    // ---- Issue 19: two tabs (the persona library, undoing a deleted map).
    UndoDeleteRefused => ("This map was saved again in another tab after it was deleted here: that newer version is kept, and the deleted one was not put back over it.", "Cette carte a été réenregistrée dans un autre onglet après sa suppression ici : cette version plus récente est gardée, et la version supprimée n'a pas été remise par-dessus."),
    DownloadDeletedVersion => ("Download the deleted version", "Télécharger la version supprimée"),
    PersonaConflictTitle => ("A persona was changed in another tab.", "Un persona a été modifié dans un autre onglet."),
    PersonaMapConflictBody => ("Changed in the persona library by another tab since this map was opened; this map's version is not in the library:", "Modifié dans la bibliothèque de personas par un autre onglet depuis l'ouverture de cette carte ; la version de cette carte n'est pas dans la bibliothèque :"),
    KeepMapVersion => ("Keep this map's version in the library", "Garder la version de cette carte dans la bibliothèque"),
    UseLibraryVersion => ("Use the library's version in this map", "Utiliser la version de la bibliothèque dans cette carte"),
    FolderConnect => ("Connect a shared folder…", "Connecter un dossier partagé…"),
    FolderNotSupported => ("This browser cannot connect a shared folder (Chrome and Edge can). Read one once, or pass maps around as files.", "Ce navigateur ne peut pas connecter de dossier partagé (Chrome et Edge le peuvent). Lisez-en un une fois, ou faites circuler les cartes en fichiers."),
    FolderReadOnce => ("Read a folder once…", "Lire un dossier une fois…"),
    }
}

impl LaneKind {
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            LaneKind::Goal => ("Customer goal", "Objectif du client"),
            LaneKind::Doing => ("Doing", "Fait"),
            LaneKind::Thinking => ("Thinking", "Pense"),
            LaneKind::Feeling => ("Feeling", "Ressent"),
            LaneKind::Touchpoints => ("Touchpoints", "Points de contact"),
            LaneKind::Metrics => ("Metrics", "Indicateurs"),
            LaneKind::PainPoints => ("Pain points", "Points de friction"),
            LaneKind::Gains => ("Gains", "Moments positifs"),
            LaneKind::Opportunities => ("Opportunities", "Opportunités"),
            LaneKind::Notes => ("Notes", "Notes"),
            LaneKind::Frontstage => ("Front stage", "Front-office"),
            LaneKind::Backstage => ("Back stage", "Back-office"),
            LaneKind::Support => ("Support processes", "Processus de support"),
        };
        pick(lang, en, fr)
    }
}

/// The name a lane shows: its own title, or when it has none the standard
/// name of its kind in `lang`.
pub fn lane_title(kind: LaneKind, title: &str, lang: Lang) -> String {
    if title.is_empty() {
        kind.label(lang).to_owned()
    } else {
        title.to_owned()
    }
}

impl Metric {
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            Metric::Reach => ("Reach", "Fréquentation"),
            Metric::Nps => ("NPS", "NPS"),
            Metric::Csat => ("CSAT", "CSAT"),
            Metric::Ces => ("CES", "CES"),
        };
        match lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

impl Channel {
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            Channel::Website => ("Web site", "Site web"),
            Channel::MobileApp => ("Mobile app", "Application mobile"),
            Channel::Store => ("Store", "Magasin"),
            Channel::CallCentre => ("Call centre", "Centre d'appels"),
            Channel::Email => ("E-mail", "E-mail"),
            Channel::SocialNetworks => ("Social networks", "Réseaux sociaux"),
            Channel::Ads => ("Advertising", "Publicité"),
            Channel::Search => ("Search engine", "Moteur de recherche"),
            Channel::Chat => ("Chat", "Chat"),
            Channel::Mail => ("Post", "Courrier"),
            Channel::WordOfMouth => ("Word of mouth", "Bouche-à-oreille"),
            Channel::Other => ("Other", "Autre"),
        };
        pick(lang, en, fr)
    }
}

impl Classification {
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            Classification::Critical => ("Critical", "Critique"),
            Classification::Complementary => ("Complementary", "Complémentaire"),
            Classification::Superfluous => ("Superfluous", "Superflu"),
        };
        pick(lang, en, fr)
    }
}

impl MapKind {
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            MapKind::CurrentState => ("Current state", "État actuel"),
            MapKind::DayInTheLife => ("Day in the life", "Une journée type"),
            MapKind::FutureState => ("Future state", "État futur"),
            MapKind::ServiceBlueprint => ("Service blueprint", "Service blueprint"),
        };
        pick(lang, en, fr)
    }
}

impl ActionStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            ActionStatus::Idea => ("Idea", "Idée"),
            ActionStatus::Planned => ("Planned", "Planifiée"),
            ActionStatus::InProgress => ("In progress", "En cours"),
            ActionStatus::Done => ("Done", "Terminée"),
        };
        pick(lang, en, fr)
    }
}

/// The labelled emotion scale, from `EMOTION_MIN` (-2) to `EMOTION_MAX` (+2).
pub fn emotion_label(lang: Lang, value: i8) -> &'static str {
    let (en, fr) = match value {
        i8::MIN..=-2 => ("Frustrated", "Frustré"),
        -1 => ("Confused", "Perplexe"),
        0 => ("Neutral", "Neutre"),
        1 => ("Satisfied", "Satisfait"),
        2..=i8::MAX => ("Delighted", "Ravi"),
    };
    pick(lang, en, fr)
}

/// An emoji for each level of the scale, shown beside its label.
pub fn emotion_face(value: i8) -> &'static str {
    match value {
        i8::MIN..=-2 => "😠",
        -1 => "😕",
        0 => "😐",
        1 => "🙂",
        2..=i8::MAX => "😍",
    }
}

fn pick(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// Lower case for Latin scripts (ASCII, Latin-1, œ), without the standard
/// library's Unicode tables, which would add kilobytes to the wasm for
/// letters French and English maps do not use. Other characters are kept.
pub fn latin_lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        _ => c,
    }
}

/// Upper case for Latin scripts; see [`latin_lower`].
pub fn latin_upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 32).unwrap_or(c),
        'œ' => 'Œ',
        'ÿ' => 'Ÿ',
        _ => c,
    }
}

/// Letters and digits of Latin scripts (see [`latin_lower`]).
pub fn is_latin_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (('À'..='ÿ').contains(&c) && c != '×' && c != '÷')
        || matches!(c, 'œ' | 'Œ' | 'Ÿ')
}

/// A number with at most one decimal, in the language's style: 55 → `55`,
/// 14.25 → `14.3` (`14,3` in French). Integer arithmetic only: the standard
/// float formatting code would add kilobytes to the wasm.
pub fn format_decimal(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    let separator = match lang {
        Lang::En => '.',
        Lang::Fr => ',',
    };
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}{separator}{frac}")
    }
}

/// A count with thousands grouped: `12,000` (`12 000` in French, with a
/// narrow no-break space). Rounded to a whole number.
pub fn format_count(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let n = x.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let group = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::with_capacity(digits.len() + 8);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(d);
    }
    out
}

/// A percentage: `60 %` in French, `60%` in English, one decimal at most.
pub fn format_percent(lang: Lang, x: f64) -> String {
    let number = format_decimal(lang, x);
    match lang {
        Lang::En => format!("{number}%"),
        Lang::Fr => format!("{number}\u{a0}%"),
    }
}

/// A byte count for people: `812 B`, `14.2 KB`, `1.3 MB` (French: `14,2 Ko`).
pub fn format_size(lang: Lang, bytes: usize) -> String {
    let (unit_k, unit_m) = match lang {
        Lang::En => ("KB", "MB"),
        Lang::Fr => ("Ko", "Mo"),
    };
    if bytes < 1000 {
        format!(
            "{bytes} {}",
            match lang {
                Lang::En => "B",
                Lang::Fr => "o",
            }
        )
    } else if bytes < 1_000_000 {
        format!("{} {unit_k}", format_decimal(lang, bytes as f64 / 1000.0))
    } else {
        format!(
            "{} {unit_m}",
            format_decimal(lang, bytes as f64 / 1_000_000.0)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for key in Key::ALL {
            let (en, fr) = key.texts();
            assert!(!en.is_empty() && !fr.is_empty(), "{key:?} is empty");
        }
    }

    #[test]
    fn french_differs_from_english_for_sentences() {
        // Sentences (three words or more) must be translated, not copied.
        let untranslated: Vec<Key> = Key::ALL
            .iter()
            .copied()
            .filter(|k| {
                let (en, fr) = k.texts();
                en.split_whitespace().count() >= 3 && en == fr
            })
            .collect();
        assert!(untranslated.is_empty(), "untranslated: {untranslated:?}");
    }

    #[test]
    fn language_from_browser_tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn sizes_read_naturally_in_both_languages() {
        assert_eq!(format_size(Lang::En, 812), "812 B");
        assert_eq!(format_size(Lang::En, 14_200), "14.2 KB");
        assert_eq!(format_size(Lang::Fr, 14_200), "14,2 Ko");
        assert_eq!(format_size(Lang::Fr, 1_300_000), "1,3 Mo");
    }

    #[test]
    fn latin_case_mapping_agrees_with_unicode_for_french_letters() {
        for c in "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ".chars() {
            assert_eq!(latin_upper(c), c.to_uppercase().next().unwrap(), "{c}");
            assert_eq!(latin_lower(latin_upper(c)), c, "{c}");
        }
        assert_eq!(latin_lower('×'), '×');
        assert_eq!(latin_upper('÷'), '÷');
        assert_eq!(latin_upper('ß'), 'ß');
        assert!(is_latin_alphanumeric('é') && is_latin_alphanumeric('7'));
        assert!(!is_latin_alphanumeric('\'') && !is_latin_alphanumeric('/'));
    }

    #[test]
    fn counts_and_percentages_read_naturally() {
        assert_eq!(format_count(Lang::En, 12000.0), "12,000");
        assert_eq!(format_count(Lang::Fr, 1234567.4), "1\u{202f}234\u{202f}567");
        assert_eq!(format_count(Lang::En, 999.0), "999");
        assert_eq!(format_count(Lang::En, -1000.0), "-1,000");
        assert_eq!(format_count(Lang::En, f64::NAN), "");
        assert_eq!(format_percent(Lang::En, 62.5), "62.5%");
        assert_eq!(format_percent(Lang::Fr, 62.5), "62,5\u{a0}%");
    }

    #[test]
    fn decimals_are_rounded_to_one_place_in_each_language() {
        assert_eq!(format_decimal(Lang::En, 55.0), "55");
        assert_eq!(format_decimal(Lang::En, 14.25), "14.3");
        assert_eq!(format_decimal(Lang::Fr, 14.25), "14,3");
        assert_eq!(format_decimal(Lang::En, 0.04), "0");
        assert_eq!(format_decimal(Lang::En, -2.5), "-2.5");
        assert_eq!(format_decimal(Lang::En, f64::NAN), "");
    }

    #[test]
    fn emotion_scale_is_labelled_at_every_level() {
        let labels: std::collections::HashSet<&str> =
            (-2..=2).map(|v| emotion_label(Lang::Fr, v)).collect();
        assert_eq!(labels.len(), 5);
    }
}
