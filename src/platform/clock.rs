//! The time, from the browser.

use crate::core::document::model::Millis;

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A date and time for people, in the UI language (`23 nov. 2026, 14:05`).
pub fn format_date(ms: Millis, lang_code: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (k, v) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    date.to_locale_string(lang_code, &options).into()
}
