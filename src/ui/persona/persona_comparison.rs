//! Personas side by side across the same stages: for each chosen persona,
//! what they do and think, how they feel and their pain points, then their
//! emotion curves on one chart.

use leptos::prelude::*;

use crate::core::analysis::persona_compare::{emotion_chart, persona_routes};
use crate::core::document::edit::Scope;
use crate::core::document::model::{Card, LaneKind};
use crate::core::document::persona_words::PersonaText;
use crate::core::text::i18n::{emotion_face, emotion_label, Key, Lang};
use crate::ui::charts::chart_figure::ChartFigure;
use crate::ui::id_list::row_key;
use crate::ui::persona::persona_avatar::PersonaAvatar;
use crate::ui::session::map_session::MapSession;

/// An empty cell's content: a dash, read out as "nothing".
fn nothing(lang: Lang) -> AnyView {
    view! { <span class="compare-none">"—"<span class="visually-hidden">{lang.t(PersonaText::CompareNothing)}</span></span> }.into_any()
}

#[component]
pub fn PersonaComparison() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    // The first two personas are compared until the user chooses.
    let chosen = RwSignal::new(session.peek(|m| {
        m.personas
            .iter()
            .take(2)
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    }));
    let personas = move || session.persona_names();
    // Ids chosen, in the map's order, of personas the map still has.
    let compared = move || {
        let chosen = chosen.get();
        session.read(Scope::Document, |m| {
            m.personas
                .iter()
                .filter(|p| chosen.contains(&p.id))
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let enough = move || compared().len() >= 2;
    let table = move || {
        let ids = compared();
        let lang = app.lang.get();
        session.read(Scope::Document, |m| {
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let stages = persona_routes(m, &refs);
            let head = view! {
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::FilterPersona)}</th>
                        <th scope="col"><span class="visually-hidden">{lang.t(PersonaText::Lanes)}</span></th>
                        {stages.iter().map(|s| view! { <th scope="col">{s.name.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
            };
            let groups = ids.iter().enumerate().filter_map(|(i, id)| {
                let p = m.persona(id)?.clone();
                let name = p.name.clone();
                let who = view! {
                    <th scope="rowgroup" rowspan="4" class="compare-who">
                        <PersonaAvatar name=name.clone() colour=p.colour.clone() avatar=p.avatar.clone()/>
                        <span>{name}</span>
                    </th>
                }.into_any();
                let cards_row = |kind: LaneKind, pick: fn(&crate::core::analysis::persona_compare::PersonaRoute) -> &Vec<Card>, who: Option<AnyView>| {
                    view! {
                        <tr data-testid="compare-row" data-aspect=format!("{kind:?}")>
                            {who}
                            <th scope="row">{kind.label(lang)}</th>
                            {stages.iter().map(|s| {
                                let cards = pick(&s.routes[i]);
                                view! {
                                    <td>
                                        {if cards.is_empty() {
                                            nothing(lang)
                                        } else {
                                            view! {
                                                <ul class="compare-cards">
                                                    {cards.iter().map(|c| view! { <li data-testid="compare-card">{c.text.clone()}</li> }).collect_view()}
                                                </ul>
                                            }.into_any()
                                        }}
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }
                };
                let feelings = view! {
                    <tr data-testid="compare-row" data-aspect="Feeling">
                        <th scope="row">{LaneKind::Feeling.label(lang)}</th>
                        {stages.iter().map(|s| view! {
                            <td data-testid="compare-emotion">
                                {match s.routes[i].emotion {
                                    Some(v) => view! {
                                        <span aria-hidden="true">{emotion_face(v)}</span>
                                        " " {emotion_label(lang, v)}
                                    }.into_any(),
                                    None => nothing(lang),
                                }}
                            </td>
                        }).collect_view()}
                    </tr>
                };
                Some(view! {
                    <tbody data-testid="compare-persona" data-persona-id=p.id.clone()>
                        {cards_row(LaneKind::Doing, |r| &r.doing, Some(who))}
                        {cards_row(LaneKind::Thinking, |r| &r.thinking, None)}
                        {feelings}
                        {cards_row(LaneKind::PainPoints, |r| &r.pain_points, None)}
                    </tbody>
                })
            }).collect_view();
            view! {
                <div class="compare-scroll">
                    <table class="persona-compare" data-testid="persona-compare">
                        <caption>{lang.t(Key::ComparePersonas)}</caption>
                        {head}
                        {groups}
                    </table>
                </div>
            }
        })
    };
    let curve = Signal::derive(move || {
        let ids = compared();
        let lang = app.lang.get();
        session.read(Scope::Document, |m| {
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            emotion_chart(m, lang, &refs)
        })
    });
    view! {
        <div class="persona-comparison" data-testid="persona-comparison">
            <fieldset class="compare-pick">
                <legend>{app.text(PersonaText::ComparePick)}</legend>
                <For each=personas key=|p| row_key(&[&p.0, &p.1]) let:p>
                    {
                        let (id, name) = p;
                        let id = StoredValue::new(id);
                        view! {
                            <label class="compare-choice">
                                <input type="checkbox" data-testid="compare-pick" data-persona-id=id.get_value()
                                    prop:checked=move || chosen.with(|c| c.contains(&id.get_value()))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| {
                                            c.retain(|x| *x != id.get_value());
                                            if on { c.push(id.get_value()); }
                                        });
                                    }/>
                                " " {name}
                            </label>
                        }
                    }
                </For>
            </fieldset>
            <Show when=enough fallback=move || view! {
                <p class="empty" data-testid="compare-pick-more">{app.text(PersonaText::PickTwoPersonas)}</p>
            }>
                {table}
                <ChartFigure name="persona-curves" title=PersonaText::CompareCurveTitle.texts() empty=Key::NoFigure.texts() data=curve/>
            </Show>
        </div>
    }
}
