//! The persona cards of a map's persona panel, with adding a persona and
//! adopting one from the library (a lazy part: see persona_panel.rs).

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::intent;
use crate::core::document::model::Persona;
use crate::core::storage::persona_library;
use crate::core::text::i18n::Key;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::Route;
use crate::ui::editor::persona_card::PersonaCard;
use crate::ui::id_list::{row_key, IdList};
use crate::ui::persona::library_store::{load_library, LibraryLink};
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn PersonaList() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let ids = move || {
        session.read(Scope::Personas, |m| {
            m.personas.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let name = app.lang.get_untracked().t(Key::NewPersona);
        let (added, persona) = session.peek(|m| intent::add_persona(m, &mut RandomIds, name));
        editor.request_focus(added.id);
        // A persona made in a map joins the library too.
        expect_context::<LibraryLink>().keep(&persona, false);
        session.edit(added.edit);
    };
    // The library's personas this map does not have yet, to adopt (read
    // again each time the list is about to be used). Not harvested from
    // every map here: that parses the whole library, which the persona
    // library page does; opening a map must stay fast.
    let library = RwSignal::new(Vec::<Persona>::new());
    let reload = move || library.set(load_library(app, false).unwrap_or_default());
    reload();
    let adoptable = move || {
        let on_map: Vec<String> = session.read(Scope::Personas, |m| {
            m.personas.iter().map(|p| p.id.clone()).collect()
        });
        library.with(|l| {
            l.iter()
                .filter(|p| !on_map.contains(&p.id))
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let adopt = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        let id = select.value();
        select.set_value("");
        let Some(persona) = library.with_untracked(|l| l.iter().find(|p| p.id == id).cloned())
        else {
            return;
        };
        let edit = session.peek(|m| persona_library::adoption(m, &persona));
        session.edit(edit);
    };
    view! {
        <div class="persona-list">
            <IdList ids=Signal::derive(ids) row=Callback::new(|id| view! { <PersonaCard id=id/> }.into_any())/>
            <div class="persona-adders">
                <button class="add-persona" data-testid="add-persona" on:click=add>{app.text(Key::AddPersona)}</button>
                <select data-testid="adopt-persona" aria-label=app.text(Key::AddFromLibrary)
                    on:focus=move |_| reload() on:change=adopt>
                    <option value="">{move || if adoptable().is_empty() {
                        app.t(Key::NoMoreLibraryPersonas)
                    } else {
                        app.t(Key::AddFromLibrary)
                    }}</option>
                    <For each=adoptable key=|p| row_key(&[&p.0, &p.1]) let:p>
                        <option value=p.0>{p.1}</option>
                    </For>
                </select>
                <a href="#/personas" data-testid="open-persona-library"
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Personas); }>
                    {app.text(Key::PersonaLibrary)} " →"
                </a>
            </div>
        </div>
    }
}
