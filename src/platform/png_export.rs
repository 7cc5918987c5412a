//! Turning a chart's SVG into a PNG download: the browser draws the SVG on a
//! canvas (white background, at a higher resolution for print), and the
//! canvas is saved as PNG. Nothing leaves the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::download::{download_blob, js_err, text_blob, DownloadError};

/// Download `svg` (`width` × `height` CSS pixels) as a PNG `scale` times larger.
/// `failed` is called if the browser fails after the work has started.
pub fn download_png(
    filename: String,
    svg: &str,
    width: u32,
    height: u32,
    scale: u32,
    failed: impl Fn(DownloadError) + 'static,
) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoDocument)?;
    let blob = text_blob("image/svg+xml", svg)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_err)?;
    let image = web_sys::HtmlImageElement::new().map_err(js_err)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(js_err)?
        .unchecked_into();
    canvas.set_width(width.saturating_mul(scale).max(1));
    canvas.set_height(height.saturating_mul(scale).max(1));
    let failed = std::rc::Rc::new(failed);

    let on_load = {
        let (image, url, failed) = (image.clone(), url.clone(), failed.clone());
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            if let Err(e) = paint(&canvas, &image, width, height, scale, filename) {
                failed(e);
            }
        })
    };
    let on_error = {
        let url = url.clone();
        Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
            failed(DownloadError::NotDrawn);
        })
    };
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    image: &web_sys::HtmlImageElement,
    width: u32,
    height: u32,
    scale: u32,
    filename: String,
) -> Result<(), DownloadError> {
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_err)?
        .ok_or(DownloadError::NotDrawn)?
        .unchecked_into();
    context.set_fill_style_str("#ffffff");
    let (w, h) = (f64::from(width * scale), f64::from(height * scale));
    context.fill_rect(0.0, 0.0, w, h);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, w, h)
        .map_err(js_err)?;
    let saved = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            let _ = download_blob(&filename, &blob);
        }
    });
    canvas.to_blob(saved.unchecked_ref()).map_err(js_err)
}
