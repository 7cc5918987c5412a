//! A touchpoint's numbers: a badge per metric on the card, and, unfolded,
//! each figure with its margin, where it comes from and when, its earlier
//! values, and a form to type a figure when there is no data to import.

use leptos::prelude::*;

use crate::core::analysis::metrics::{self, change, text, Figure};
use crate::core::document::edit::Scope;
use crate::core::document::intent;
use crate::core::document::model::{Metric, Millis, Reading};
use crate::core::formats::survey_import::parse_typed;
use crate::core::text::i18n::Key;
use crate::platform::clock;
use crate::ui::lazy_part::LazyPart;
use crate::ui::session::map_session::MapSession;

/// One metric's current figure, its source and date, and its history.
#[derive(Clone, PartialEq)]
struct Shown {
    figure: Figure,
    at: Millis,
    source: Option<String>,
    earlier: Vec<(Millis, Figure)>,
}

/// What touchpoint `id` shows of `metric`, tracked.
fn shown_of(session: MapSession, id: StoredValue<String>, metric: Metric) -> Option<Shown> {
    session.track(Scope::Scales);
    session.read(Scope::Touchpoint(id.get_value()), |m| {
        let t = m.touchpoint(&id.get_value())?;
        let latest = t.latest(metric)?;
        let figure = metrics::of_reading(latest, &m.scales)?;
        let mut earlier = metrics::trend(t, metric, &m.scales);
        earlier.pop();
        earlier.reverse();
        Some(Shown {
            figure,
            at: latest.at,
            source: latest.source.clone(),
            earlier,
        })
    })
}

crate::lazy_view!(
    /// The unfolded rows of touchpoint `id`'s metrics: figures, history,
    /// changes and the typed-figure forms (the "metrics" chunk, fetched the
    /// first time a touchpoint's metrics unfold; a map opens without it).
    metrics, fn metric_rows(session: MapSession, id: StoredValue<String>) {
        view! {
            <div class="metric-rows">
                {Metric::ALL.into_iter().map(|metric| view! {
                    <MetricRow id=id metric=metric shown=Signal::derive(move || shown_of(session, id, metric))/>
                }).collect_view()}
            </div>
        }
        .into_any()
    }
);

#[component]
pub fn TouchpointMetrics(id: StoredValue<String>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let shown = move |metric: Metric| shown_of(session, id, metric);
    let badges = move || {
        let lang = app.lang.get();
        Metric::ALL
            .into_iter()
            .filter_map(|metric| {
                let s = shown(metric)?;
                let conclusive = s.figure.conclusive();
                let mut title = format!("{} — {}", metric.label(lang), text::detail(lang, &s.figure));
                // Against the previous reading, when there is one.
                let trend = s.earlier.first().map(|(at, before)| {
                    let (arrow, change) = text::trend(lang, &s.figure, before);
                    title.push_str(&format!(
                        " · {arrow} {change} {} {}",
                        lang.t(Key::SincePrevious),
                        clock::format_date(*at, lang.code())
                    ));
                    arrow
                });
                Some(view! {
                    <span class="metric-badge" class:inconclusive=!conclusive
                        data-testid="metric-badge" data-metric=metric.code() title=title>
                        <b>{metric.label(lang)}</b>" "{text::headline(lang, &s.figure)}
                        {(!conclusive).then_some(" ⚠")}
                        {trend.map(|arrow| view! { <span class="metric-trend" data-testid="metric-trend">" "{arrow}</span> })}
                    </span>
                })
            })
            .collect_view()
    };
    // The rows (figures, history, forms) are built only while unfolded: a
    // large map has hundreds of touchpoints, most never opened.
    let open = RwSignal::new(false);
    view! {
        <details class="tp-metrics" data-testid="touchpoint-metrics"
            on:toggle=move |ev| {
                let details: web_sys::HtmlDetailsElement = event_target(&ev);
                open.set(details.open());
            }>
            // Named by what it shows (WCAG: the visible text is in the name).
            <summary>
                <span class="visually-hidden">{app.text(Key::MetricsOf)} {move || app.lang.get().colon()}</span>
                <span class="metric-badges">{badges}</span>
                <span class="metrics-label">{app.text(Key::Metrics)}</span>
            </summary>
            <Show when=move || open.get()>
                <LazyPart load=move || metric_rows(session, id)/>
            </Show>
        </details>
    }
}

#[component]
fn MetricRow(
    id: StoredValue<String>,
    metric: Metric,
    shown: Signal<Option<Shown>>,
) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let value = RwSignal::new(String::new());
    let answers = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let set = move |_| {
        let parsed = parse_typed(&value.get_untracked(), app.lang.get_untracked());
        let n_text = answers.get_untracked();
        let n = n_text.trim().parse::<u32>().ok();
        let (Some(v), true) = (parsed, n.is_some() || n_text.trim().is_empty()) else {
            refused.set(true);
            return;
        };
        let reading = Reading::typed(metric, v, n, clock::now());
        let Some(result) = session.peek(|m| intent::add_reading(m, &id.get_value(), reading))
        else {
            return;
        };
        // An impossible figure (NPS 300) is refused by the map's rules.
        refused.set(result.is_err());
        if let Ok(edit) = result {
            session.edit(edit);
            value.set(String::new());
            answers.set(String::new());
        }
    };
    let remove_latest = move |_| {
        if let Some(edit) =
            session.peek(|m| intent::remove_latest_reading(m, &id.get_value(), metric))
        {
            session.edit(edit);
        }
    };
    let hint = match metric {
        Metric::Reach => "12000",
        Metric::Nps => "-100 … 100",
        Metric::Csat => "0 … 100 %",
        Metric::Ces => "1 … 7",
    };
    view! {
        <div class="metric-row" data-testid="metric-row" data-metric=metric.code()>
            <div class="metric-name">{move || metric.label(app.lang.get())}</div>
            {move || {
                let lang = app.lang.get();
                match shown.get() {
                    None => view! { <div class="metric-none">{lang.t(Key::NoFigure)}</div> }.into_any(),
                    Some(s) => {
                        let from = match &s.source {
                            Some(file) => format!("{} {file}", lang.t(Key::ImportedFrom)),
                            None => lang.t(Key::TypedByHand).to_owned(),
                        };
                        let earlier = s.earlier.iter().map(|(at, f)| {
                            format!("{} ({})", text::headline(lang, f), clock::format_date(*at, lang.code()))
                        }).collect::<Vec<_>>().join(" · ");
                        view! {
                            <div class="metric-figure">
                                <strong data-testid="metric-value">{text::headline(lang, &s.figure)}</strong>
                                " "<span class="metric-detail">{text::detail(lang, &s.figure)}</span>
                                {(!s.figure.conclusive() && !s.figure.typed).then(|| view! {
                                    <div class="metric-warning" data-testid="not-conclusive">{lang.t(Key::NotConclusiveHint)}</div>
                                })}
                                <div class="metric-source">{from}" · "{clock::format_date(s.at, lang.code())}</div>
                                {(!earlier.is_empty()).then(|| view! {
                                    <div class="metric-history" data-testid="metric-history">{lang.t(Key::Earlier)}{lang.colon()}{earlier}</div>
                                })}
                                {s.earlier.first().map(|(_, before)| {
                                    // Beyond noise or not: the difference's own interval.
                                    let c = change::between(before, &s.figure);
                                    view! {
                                        <div class="metric-change" data-testid="metric-change"
                                            data-verdict=c.verdict.map(change::verdict_code)
                                            title=lang.t(Key::EffectNoiseHint)>
                                            {lang.t(Key::ChangeSincePrevious)}{lang.colon()}{text::change(lang, &c)}
                                        </div>
                                    }
                                })}
                                <button type="button" class="link-button" on:click=remove_latest>{lang.t(Key::RemoveLatest)}</button>
                            </div>
                        }.into_any()
                    }
                }
            }}
            {move || refused.get().then(|| view! {
                <div class="metric-refused" role="alert" data-testid="metric-refused">{app.t(Key::ImpossibleFigure)}</div>
            })}
            <form class="metric-typed" on:submit=move |ev| { ev.prevent_default(); set(()); }>
                <input type="text" inputmode="decimal" placeholder=hint data-testid="metric-typed-value"
                    aria-label=move || format!("{} — {}", metric.label(app.lang.get()), app.t(Key::FigureValue))
                    prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
                {(metric != Metric::Reach).then(|| view! {
                    <input type="text" inputmode="numeric" class="metric-n" placeholder="n"
                        aria-label=app.text(Key::FigureAnswers) title=app.text(Key::FigureAnswers)
                        prop:value=answers on:input=move |ev| answers.set(event_target_value(&ev))/>
                })}
                <button type="submit" data-testid="metric-typed-set">{app.text(Key::SetFigure)}</button>
            </form>
        </div>
    }
}
