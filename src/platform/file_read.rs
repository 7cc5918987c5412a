//! Reading a file the user picked (or dropped) into bytes, with FileReader.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Read `file` and call `done` with its bytes, or with the browser's reason.
pub fn read_bytes(file: &web_sys::File, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let reader = match web_sys::FileReader::new() {
        Ok(r) => r,
        Err(e) => return done(Err(reason(&e))),
    };
    // One of onload/onerror fires; whichever does takes `done`.
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let on_load = {
        let (reader, done) = (reader.clone(), done.clone());
        Closure::once_into_js(move || {
            let result = reader
                .result()
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .map_err(|e| reason(&e));
            if let Some(done) = done.take() {
                done(result);
            }
        })
    };
    let on_error = {
        let (reader, done) = (reader.clone(), done.clone());
        Closure::once_into_js(move || {
            let why = reader
                .error()
                .map(|e| e.message())
                .unwrap_or_else(|| "the file could not be read".into());
            if let Some(done) = done.take() {
                done(Err(why));
            }
        })
    };
    reader.set_onload(Some(on_load.unchecked_ref()));
    reader.set_onerror(Some(on_error.unchecked_ref()));
    if let Err(e) = reader.read_as_array_buffer(file) {
        if let Some(done) = done.take() {
            done(Err(reason(&e)));
        }
    }
}

fn reason(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| "the browser refused to read the file".into())
}
