//! The browser's full screen, for the presentation. Asking for it needs a
//! user's gesture (a click or key), so it is asked from the handlers that
//! start or toggle a presentation; a refusal leaves the page as it is.

/// Whether the page is full screen now.
pub fn active() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.fullscreen_element())
        .is_some()
}

/// Show the whole page full screen (ignored where the browser refuses).
pub fn enter() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.request_fullscreen();
    }
}

/// Leave full screen, if the page is.
pub fn leave() {
    if active() {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.exit_fullscreen();
        }
    }
}

/// Enter or leave.
pub fn toggle() {
    if active() {
        leave();
    } else {
        enter();
    }
}
