//! Parts of the app loaded on first use.
//!
//! Release builds enable the `split` feature: each function declared with
//! [`lazy_fn!`](crate::lazy_fn) or [`lazy_view!`](crate::lazy_view) becomes a split point, and
//! `scripts/build_wasm.sh` moves the code only it reaches into its own wasm
//! chunk, fetched the first time it is called. That keeps the editor, the
//! charts, the CSV import and the Mermaid code out of the first load (the
//! library). Without the feature (tests, `cargo check`), the same function is
//! a plain `async fn`, so the code paths are the same apart from the fetch.

use std::sync::Arc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::core::text::i18n::Key;
use crate::ui::app_state::AppState;

/// The chunk holding a lazy part could not be fetched or instantiated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares `async fn $name(args) -> Result<$ret, ChunkError>`, whose body
/// lives in the wasm chunk `$chunk` when the `split` feature is on: for code
/// that is rarely used and need not weigh on the first load.
#[macro_export]
macro_rules! lazy_fn {
    ($(#[$doc:meta])* $chunk:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[allow(unused_braces)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::ui::lazy_part::ChunkError> {
            Ok($body)
        }
        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        #[allow(unused_braces)]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::ui::lazy_part::ChunkError> {
            Ok($body)
        }
    };
}

/// Declares `async fn $name(args) -> Result<AnyView, ChunkError>`, a part of
/// the UI in the wasm chunk `$chunk` (see [`LazyPart`]).
#[macro_export]
macro_rules! lazy_view {
    ($(#[$doc:meta])* $chunk:ident, fn $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        $crate::lazy_fn!($(#[$doc])* $chunk, fn $name($($arg: $ty),*) -> ::leptos::prelude::AnyView $body);
    };
}

/// Shows a lazily loaded part: `waiting` (by default "Loading…") while its
/// chunk is fetched, the part once it is there, or a message if the chunk
/// could not be loaded (followed by `failed`, if given: what can still be
/// shown without the part).
#[component]
pub fn LazyPart<F, Fut>(
    load: F,
    #[prop(optional, into)] waiting: Option<ViewFn>,
    #[prop(optional, into)] failed: Option<ViewFn>,
) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<AnyView, ChunkError>> + 'static,
{
    loading_view(Box::pin(load()), waiting, failed)
}

/// What a part loads into, boxed.
type Loading = std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, ChunkError>>>>;

/// The body of [`LazyPart`], not generic: `Suspense` and its future are
/// compiled once for every part rather than once per part (each generic
/// copy weighed about 1 KB of gzipped wasm in the first load).
fn loading_view(part: Loading, waiting: Option<ViewFn>, failed: Option<ViewFn>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let part = SendWrapper::new(part);
    let waiting = waiting.unwrap_or_else(|| {
        ViewFn::from(move || view! { <p class="part-loading" role="status">{app.text(Key::PartLoading)}</p> })
    });
    view! {
        <Suspense fallback=move || waiting.run()>
            {Suspend::new(async move {
                match part.await {
                    Ok(view) => view,
                    Err(ChunkError) => view! {
                        <p class="part-failed" role="alert">{app.text(Key::PartLoadFailed)}</p>
                        {failed.map(|f| f.run())}
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// `<Show when><LazyPart load/></Show>`: the part while `when` is true,
/// its chunk fetched the first time. The `Show` is compiled once for every
/// such part (`shown_part`) rather than once per place.
pub fn lazy_shown<W, F, Fut>(when: W, load: F) -> AnyView
where
    W: Fn() -> bool + Send + Sync + 'static,
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, ChunkError>> + 'static,
{
    shown_part(
        Signal::derive(when),
        Arc::new(move || Box::pin(load()) as Loading),
    )
}

fn shown_part(when: Signal<bool>, load: Arc<dyn Fn() -> Loading + Send + Sync>) -> AnyView {
    view! {
        <Show when=move || when.get()>
            {untrack(|| loading_view(load(), None, None))}
        </Show>
    }
    .into_any()
}
