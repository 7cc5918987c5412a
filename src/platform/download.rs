//! Saving text as a file on the user's machine (no server: a Blob URL).

use wasm_bindgen::JsCast;

use crate::core::text::i18n::{is_latin_alphanumeric, latin_lower, Lang};
use crate::core::text::said::Said;
use crate::say;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DownloadError {
    NoDocument,
    /// The browser could not draw the chart's SVG on a canvas.
    NotDrawn,
    Browser(String),
}

impl Said for DownloadError {
    fn said(&self, lang: Lang) -> String {
        match self {
            DownloadError::NoDocument => say!(
                lang,
                "no document to download from",
                "aucun document d'où télécharger"
            ),
            DownloadError::NotDrawn => say!(
                lang,
                "the chart could not be drawn as an image",
                "le graphique n'a pas pu être dessiné en image"
            ),
            // The browser's own words.
            DownloadError::Browser(why) => why.clone(),
        }
    }
}

crate::display_in_english!(DownloadError);

pub(crate) fn js_err(e: wasm_bindgen::JsValue) -> DownloadError {
    DownloadError::Browser(e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// A Blob of `text` typed `mime`.
pub fn text_blob(mime: &str, text: &str) -> Result<web_sys::Blob, DownloadError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_err)
}

/// Offer `text` as a download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    download_blob(filename, &text_blob(mime, text)?)
}

/// Offer a Blob as a download named `filename`.
pub fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoDocument)?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(js_err)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_err)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // The click has started the download; the URL can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name from a map title: letters, digits and dashes only.
pub fn file_name(title: &str, extension: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        if is_latin_alphanumeric(c) {
            name.push(latin_lower(c));
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name: String = name.chars().take(60).collect();
    if name.is_empty() {
        format!("parcours-map.{extension}")
    } else {
        format!("{name}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe_and_readable() {
        assert_eq!(
            file_name("Achat d'un lave-linge", "json"),
            "achat-d-un-lave-linge.json"
        );
        assert_eq!(file_name("../../etc/passwd", "json"), "etc-passwd.json");
        assert_eq!(file_name("  ", "json"), "parcours-map.json");
        assert_eq!(file_name("Été 2026 !", "json"), "été-2026.json");
    }
}
