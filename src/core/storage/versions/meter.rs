//! The storage meter's words: whether the browser keeps this site's data
//! for good, how much localStorage and the rest (IndexedDB: versions and
//! trash) hold, and what that means for the person.

use crate::core::storage::store::{stored_len, KeyValueStore, StoreError};
use crate::core::text::i18n::{format_percent, format_size, Lang};

/// localStorage's usual quota: 5 million UTF-16 units in Chromium and
/// Firefox (Safari: about the same), whatever the disk.
pub const LOCAL_STORAGE_UNITS: usize = 5_000_000;

/// What the meter shows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Meter {
    /// `navigator.storage.persisted()`; `None`: the browser cannot say.
    pub persisted: Option<bool>,
    /// UTF-16 units held in localStorage (maps, settings).
    pub local_units: usize,
    /// `navigator.storage.estimate()`: bytes used and allowed (IndexedDB
    /// and caches; Chromium does not count localStorage in it).
    pub estimate: Option<(f64, f64)>,
    pub folder_connected: bool,
}

/// UTF-16 units held by every key of `store`, as the quota counts them.
pub fn local_units(store: &dyn KeyValueStore) -> Result<usize, StoreError> {
    let mut total = 0;
    for key in store.keys()? {
        if let Some(value) = store.get(&key)? {
            total += stored_len(&key, &value);
        }
    }
    Ok(total)
}

fn bytes(x: f64) -> usize {
    if x.is_finite() && x > 0.0 {
        x as usize
    } else {
        0
    }
}

impl Meter {
    /// The meter in three lines: kept for good or not (and what to do),
    /// localStorage's share, IndexedDB's.
    pub fn said(&self, lang: Lang) -> Vec<String> {
        let kept = match (self.persisted, self.folder_connected) {
            (Some(true), _) => match lang {
                Lang::En => "The browser keeps this data for good: it will not clear it to make room.",
                Lang::Fr => "Le navigateur garde ces données pour de bon : il ne les effacera pas pour faire de la place.",
            },
            (_, true) => match lang {
                Lang::En => "The browser may clear this data when the disk is full, but your maps are also in the connected folder.",
                Lang::Fr => "Le navigateur peut effacer ces données si le disque est plein, mais vos cartes sont aussi dans le dossier connecté.",
            },
            (Some(false), false) => match lang {
                Lang::En => "The browser did not promise to keep this data: it may clear it when the disk is full. Download a backup now and then, or connect a folder.",
                Lang::Fr => "Le navigateur n'a pas promis de garder ces données : il peut les effacer si le disque est plein. Téléchargez une sauvegarde de temps en temps, ou connectez un dossier.",
            },
            (None, false) => match lang {
                Lang::En => "This browser does not say whether it keeps this data for good. Download a backup now and then, or connect a folder.",
                Lang::Fr => "Ce navigateur ne dit pas s'il garde ces données pour de bon. Téléchargez une sauvegarde de temps en temps, ou connectez un dossier.",
            },
        };
        // Counted as the library's storage meter does (a unit a byte, of
        // about 5 MB), so that the two lines on one page agree.
        let local = format_size(lang, self.local_units);
        let local_max = format_size(lang, LOCAL_STORAGE_UNITS);
        let percent = format_percent(
            lang,
            (self.local_units.saturating_mul(100) / LOCAL_STORAGE_UNITS) as f64,
        );
        let local_line = match lang {
            Lang::En => format!("Maps and settings: {local} of about {local_max} ({percent})."),
            Lang::Fr => {
                format!("Cartes et réglages : {local} sur environ {local_max} ({percent}).")
            }
        };
        let other_line = match self.estimate {
            Some((usage, quota)) => {
                let (u, q) = (
                    format_size(lang, bytes(usage)),
                    format_size(lang, bytes(quota)),
                );
                match lang {
                    Lang::En => format!(
                        "Versions, trash and the offline copy of the app: {u}, of {q} this site may use."
                    ),
                    Lang::Fr => format!(
                        "Versions, corbeille et copie hors ligne de l'application : {u}, sur {q} que ce site peut utiliser."
                    ),
                }
            }
            None => match lang {
                Lang::En => {
                    "Versions and trash: this browser does not say how much they hold.".to_owned()
                }
                Lang::Fr => {
                    "Versions et corbeille : ce navigateur ne dit pas combien elles occupent."
                        .to_owned()
                }
            },
        };
        vec![kept.to_owned(), local_line, other_line]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::store::MemoryStore;

    #[test]
    fn local_units_count_keys_and_values_as_the_quota_does() {
        let s = MemoryStore::new();
        s.set("ab", "été").unwrap();
        s.set("c", "🚀").unwrap(); // two units
        assert_eq!(local_units(&s).unwrap(), 2 + 3 + 1 + 2);
    }

    #[test]
    fn the_meter_says_what_the_browser_promised_and_what_is_used() {
        let m = Meter {
            persisted: Some(false),
            local_units: 1_000_000,
            estimate: Some((2_500_000.0, 1e9)),
            folder_connected: false,
        };
        let en = m.said(Lang::En);
        assert!(en[0].contains("Download a backup"), "{en:?}");
        assert_eq!(en[1], "Maps and settings: 1 MB of about 5 MB (20%).");
        assert!(
            en[2].starts_with("Versions, trash and the offline copy of the app: 2.5 MB"),
            "{en:?}"
        );
        let kept = Meter {
            persisted: Some(true),
            ..m
        }
        .said(Lang::Fr);
        assert!(kept[0].starts_with("Le navigateur garde"));
        let folder = Meter {
            persisted: None,
            folder_connected: true,
            ..m
        }
        .said(Lang::En);
        assert!(folder[0].contains("connected folder"));
        let unknown = Meter {
            estimate: None,
            persisted: None,
            ..m
        }
        .said(Lang::Fr);
        assert!(unknown[0].starts_with("Ce navigateur ne dit pas"));
        assert!(unknown[2].contains("ne dit pas combien"));
    }
}
