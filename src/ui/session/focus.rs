//! Which item takes the focus when it appears: the one the user just added
//! (a card, a stage, a touchpoint, a persona, an action), so that typing
//! goes on in it. A context of its own, beside the session.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Focus {
    wanted: StoredValue<Option<String>>,
}

impl Focus {
    pub fn new() -> Self {
        Focus {
            wanted: StoredValue::new(None),
        }
    }

    /// Ask the card (or field) with this id to take the focus when it appears.
    pub fn request(&self, id: String) {
        self.wanted.set_value(Some(id));
    }

    /// True once for the id whose focus was requested.
    pub fn take(&self, id: &str) -> bool {
        let wanted = self.wanted.with_value(|f| f.as_deref() == Some(id));
        if wanted {
            self.wanted.set_value(None);
        }
        wanted
    }

    /// Focus (and select the text of) the field behind `node` when its item's
    /// focus was requested, i.e. right after the user added it.
    pub fn on_request<E>(&self, id: StoredValue<String>, node: NodeRef<E>)
    where
        E: leptos::html::ElementType,
        E::Output: wasm_bindgen::JsCast + Clone + 'static,
    {
        use wasm_bindgen::JsCast;
        let focus = *self;
        Effect::new(move |_| {
            let Some(el) = node.get() else { return };
            if !focus.take(&id.get_value()) {
                return;
            }
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                let _ = area.focus();
                area.select();
            }
        });
    }
}

impl Default for Focus {
    fn default() -> Self {
        Focus::new()
    }
}
