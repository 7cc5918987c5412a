//! Fetching a map file an embed names (see `core::formats::embed_source`): a plain
//! GET, without cookies to other origins, refused past a size limit.

use wasm_bindgen::JsCast;

use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The server could not be reached or refused our origin (CORS).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotText,
}

impl Said for FetchError {
    fn said(&self, lang: Lang) -> String {
        match self {
            FetchError::Network(why) => say!(
                lang,
                "could not fetch it ({why}): the address may be wrong, the server down, or not allowing this page to read it (CORS)",
                "impossible de le récupérer ({why}) : l'adresse est peut-être fausse, le serveur arrêté, ou il ne permet pas à cette page de le lire (CORS)"
            ),
            FetchError::Status(code) => say!(lang, "the server answered {code}", "le serveur a répondu {code}"),
            FetchError::TooLarge { bytes, limit } => say!(
                lang,
                "it is {bytes} bytes, more than the {limit} read",
                "il fait {bytes} octets, plus que les {limit} lus"
            ),
            FetchError::NotText => say!(lang, "it is not text", "ce n'est pas du texte"),
        }
    }
}

crate::display_in_english!(FetchError);

impl std::error::Error for FetchError {}

fn reason(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// GET `url` (relative to the page) as text, up to `limit` bytes.
pub async fn fetch_text(url: &str, limit: usize) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| FetchError::Network(reason(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|e| FetchError::Network(reason(&e)))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|&n| n > limit) {
        return Err(FetchError::TooLarge { bytes, limit });
    }
    let text = response
        .text()
        .map_err(|e| FetchError::Network(reason(&e)))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|e| FetchError::Network(reason(&e)))?
        .as_string()
        .ok_or(FetchError::NotText)?;
    if text.len() > limit {
        return Err(FetchError::TooLarge {
            bytes: text.len(),
            limit,
        });
    }
    Ok(text)
}
