//! The emotion curve across the stages, one line per persona, drawn by the
//! core's plotters chart (which escapes every label) and aligned to the columns.

use leptos::prelude::*;

use crate::core::analysis::chart::emotion_curve::{self, CurveSeries};
use crate::core::document::edit::Scope;
use crate::core::text::i18n::{emotion_label, Key};
use crate::ui::editor::feeling_cell::shown_personas;
use crate::ui::editor::COLUMN_WIDTH;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn EmotionCurve() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let svg = move || {
        let lang = app.lang.get();
        let personas = shown_personas(session, editor);
        session.track(Scope::Stages);
        let (stage_count, series) = session.read(Scope::Emotions, |m| {
            let series: Vec<CurveSeries> = personas
                .iter()
                .flat_map(|(id, name, colour)| {
                    [false, true].map(|future| CurveSeries {
                        label: name.clone(),
                        colour: colour.clone(),
                        values: m
                            .stages
                            .iter()
                            .map(|s| m.emotion(&s.id, id.as_deref(), future))
                            .collect(),
                        dashed: future,
                    })
                })
                .filter(|s| !s.dashed || s.values.iter().any(Option::is_some))
                .collect();
            (m.stages.len(), series)
        });
        let labels = [-2, -1, 0, 1, 2].map(|v| emotion_label(lang, v));
        emotion_curve::render(&emotion_curve::EmotionCurve {
            stage_count,
            column_width: COLUMN_WIDTH,
            height: 150,
            series: &series,
            level_labels: labels,
            stage_labels: &[],
        })
    };
    view! {
        <figure class="emotion-curve" data-testid="emotion-curve" role="img" aria-label=app.text(Key::EmotionCurve)>
            // The SVG comes from plotters, which escapes all text; no user markup reaches it.
            <div class="curve-svg" inner_html=svg></div>
        </figure>
    }
}
