//! How each persona feels at one stage, on the labelled emotion scale.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::model::{EMOTION_MAX, EMOTION_MIN};
use crate::core::text::i18n::{emotion_face, emotion_label, Key};
use crate::ui::id_list::row_key;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// The personas whose feelings are shown: `(id, name, colour)`; `id: None`
/// stands for everyone when the map has no personas.
pub fn shown_personas(
    session: MapSession,
    editor: EditorView,
) -> Vec<(Option<String>, String, String)> {
    let view_of = editor.persona_view.get();
    let lang = session.app.lang.get();
    session.read(Scope::Personas, |m| {
        if m.personas.is_empty() {
            return vec![(None, lang.t(Key::Everyone).to_owned(), "#5c6670".to_owned())];
        }
        m.personas
            .iter()
            .filter(|p| view_of.as_ref().is_none_or(|v| v == &p.id))
            .map(|p| (Some(p.id.clone()), p.name.clone(), p.colour.clone()))
            .collect()
    })
}

#[component]
pub fn FeelingCell(stage: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let stage_id = stage.clone();
    let stage = StoredValue::new(stage);
    view! {
        <div class="cell feeling-cell" data-testid="cell" data-stage-id=stage_id tabindex="-1">
            <For each=move || shown_personas(session, editor) key=|p| row_key(&[p.0.as_deref().unwrap_or(""), &p.1, &p.2]) let:p>
                {
                    let (persona, name, colour) = p;
                    let persona = StoredValue::new(persona);
                    let value = move || {
                        session.read(Scope::Emotions, |m| m.emotion(&stage.get_value(), persona.get_value().as_deref(), editor.future_emotions.get()))
                            .map(|v| v.to_string())
                            .unwrap_or_default()
                    };
                    let label = name.clone();
                    view! {
                        <label class="emotion">
                            <span class="swatch" style:background-color=colour aria-hidden="true"></span>
                            <span class="emotion-who">{name}</span>
                            <select
                                data-testid="emotion-select"
                                data-persona-id=persona.get_value().unwrap_or_default()
                                aria-label=move || format!("{} — {}", app.t(Key::EmotionAt), label)
                                prop:value=value
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    session.edit(Edit::SetEmotion {
                                        stage: stage.get_value(),
                                        persona: persona.get_value(),
                                        future: editor.future_emotions.get_untracked(),
                                        value: v.parse::<i8>().ok(),
                                    });
                                }
                            >
                                <option value="">{app.text(Key::EmotionNotSet)}</option>
                                {(EMOTION_MIN..=EMOTION_MAX).rev().map(|v| view! {
                                    <option value=v.to_string()>
                                        {move || format!("{} {}", emotion_face(v), emotion_label(app.lang.get(), v))}
                                    </option>
                                }).collect_view()}
                            </select>
                        </label>
                    }
                }
            </For>
        </div>
    }
}
