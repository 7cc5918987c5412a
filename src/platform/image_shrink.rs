//! Shrinking a picture the user picked to a small avatar: the browser
//! decodes it, draws it on a canvas at most `max` pixels on its longer
//! side, and gives it back as a JPEG `data:` URL. Nothing leaves the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;

/// Why a picture could not be made an avatar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShrinkError {
    /// The browser cannot decode the file as a picture.
    NotAPicture,
    /// The browser could not draw it (its reason, when it gives one).
    CannotDraw(Option<String>),
}

impl Said for ShrinkError {
    fn said(&self, lang: Lang) -> String {
        match self {
            ShrinkError::NotAPicture => say!(
                lang,
                "the file is not a picture the browser can read",
                "le fichier n'est pas une image que le navigateur sait lire"
            ),
            // The browser's own words, shown as they are in English.
            ShrinkError::CannotDraw(Some(why)) => say!(
                lang,
                "{why}",
                "le navigateur n'a pas pu dessiner l'image ({why})"
            ),
            ShrinkError::CannotDraw(None) => say!(
                lang,
                "the browser could not draw the picture",
                "le navigateur n'a pas pu dessiner l'image"
            ),
        }
    }
}

crate::display_in_english!(ShrinkError);

/// Qualities tried in turn until the data URL is at most `max_chars` long.
const QUALITIES: [f64; 4] = [0.85, 0.7, 0.55, 0.4];

/// Decode `file` as an image and call `done` with a JPEG data URL of it at
/// most `max` pixels wide and high and `max_chars` characters long, or
/// with the browser's reason (not an image, cannot draw…).
pub fn shrink_image(
    file: &web_sys::File,
    max: u32,
    max_chars: usize,
    done: impl FnOnce(Result<String, ShrinkError>) + 'static,
) {
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<String, ShrinkError>| {
            if let Some(done) = done.take() {
                done(result);
            }
        }
    };
    let url = match web_sys::Url::create_object_url_with_blob(file) {
        Ok(url) => url,
        Err(e) => return finish(Err(reason(&e))),
    };
    let image = match web_sys::HtmlImageElement::new() {
        Ok(image) => image,
        Err(e) => return finish(Err(reason(&e))),
    };
    let on_load = {
        let (image, url, finish) = (image.clone(), url.clone(), finish.clone());
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            finish(draw(&image, max, max_chars));
        })
    };
    let on_error = {
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            finish(Err(ShrinkError::NotAPicture));
        })
    };
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
}

fn draw(
    image: &web_sys::HtmlImageElement,
    max: u32,
    max_chars: usize,
) -> Result<String, ShrinkError> {
    let (w, h) = (image.natural_width().max(1), image.natural_height().max(1));
    let scale = (f64::from(max) / f64::from(w.max(h))).min(1.0);
    let (tw, th) = (
        ((f64::from(w) * scale).round() as u32).max(1),
        ((f64::from(h) * scale).round() as u32).max(1),
    );
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ShrinkError::CannotDraw(None))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| reason(&e))?
        .unchecked_into();
    canvas.set_width(tw);
    canvas.set_height(th);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|e| reason(&e))?
        .ok_or(ShrinkError::CannotDraw(None))?
        .unchecked_into();
    // JPEG has no transparency: a white ground rather than black.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(tw), f64::from(th));
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            image,
            0.0,
            0.0,
            f64::from(tw),
            f64::from(th),
        )
        .map_err(|e| reason(&e))?;
    let mut last = String::new();
    for quality in QUALITIES {
        last = canvas
            .to_data_url_with_type_and_encoder_options(
                "image/jpeg",
                &wasm_bindgen::JsValue::from_f64(quality),
            )
            .map_err(|e| reason(&e))?;
        if last.len() <= max_chars {
            break;
        }
    }
    Ok(last)
}

fn reason(e: &wasm_bindgen::JsValue) -> ShrinkError {
    ShrinkError::CannotDraw(e.as_string())
}
