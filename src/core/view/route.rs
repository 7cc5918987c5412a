//! The app's addresses: the page a URL fragment names, and the fragment of
//! a page. Every link and every library row is built by [`Route::to_hash`],
//! and every address is read by [`Route::parse`], so the two always agree:
//! a map id is percent-encoded on the way out and decoded on the way in
//! (`route_text::encode_id`), so that any id a file may carry opens.

use crate::core::analysis::report::address::ReportAddress;
use crate::core::text::i18n::{Key, Lang};
use crate::core::text::route_text::{decode_id, encode_id};
use crate::core::view::presentation::PresentAddress;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    /// The persona library shared by all maps: `#/personas`.
    Personas,
    Map(String),
    /// A map carried in the link itself (see `core::formats::share_link`), read-only.
    /// The data is kept as it came: a damaged link is said damaged by the
    /// decoder, never taken for another address.
    View(String),
    /// The same, alone in its frame: for iframes on other pages.
    Embed(String),
    /// An embed of the map file at an address: `#/embed?src=…` (the
    /// parameters, checked by `core::formats::embed_source` when shown).
    EmbedSource(String),
    /// A stored map's report, for reading and printing (maybe of one department).
    Report(ReportAddress),
    /// A stored map presented full screen, a stage at a time or whole.
    Present(PresentAddress),
    /// A future-state map compared with the current state it was copied from.
    Compare(String),
    /// The actions of every map, by priority (`#/actions`).
    Actions,
    /// The opportunity matrix of every map (`#/opportunities`), or first
    /// filtered to one map (`#/opportunities/<id>`).
    Opportunities(Option<String>),
    /// Every map in one table, with its journey figures (`#/portfolio`).
    Portfolio,
}

impl Route {
    /// `#/map/<id>` opens a map, `#/view/<data>` shows a shared one and
    /// `#/embed/<data>` shows it alone in its frame, `#/report/<id>[/<department>]`
    /// is a map's report, `#/present/<id>[/<n>|/all]` presents it,
    /// `#/compare/<id>` compares a future state with its current state;
    /// an empty fragment (or `#/`) is the library. `None`: the address is
    /// not one of these (a broken escape, a stage 0 or −1, no id…).
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let id = |prefix: &str| path.strip_prefix(prefix).and_then(decode_id);
        if path.is_empty() {
            Some(Route::Library)
        } else if let Some(rest) = path.strip_prefix("report/") {
            ReportAddress::parse(rest).map(Route::Report)
        } else if let Some(rest) = path.strip_prefix("present/") {
            PresentAddress::parse(rest).map(Route::Present)
        } else if path.starts_with("compare/") {
            id("compare/").map(Route::Compare)
        } else if path == "personas" {
            Some(Route::Personas)
        } else if path == "actions" {
            Some(Route::Actions)
        } else if path == "portfolio" {
            Some(Route::Portfolio)
        } else if path == "opportunities" {
            Some(Route::Opportunities(None))
        } else if path.starts_with("opportunities/") {
            id("opportunities/").map(|id| Route::Opportunities(Some(id)))
        } else if path.starts_with("map/") {
            id("map/").map(Route::Map)
        } else if let Some(data) = path.strip_prefix("view/") {
            Some(Route::View(data.to_owned()))
        } else if let Some(query) = path.strip_prefix("embed?") {
            Some(Route::EmbedSource(query.to_owned()))
        } else {
            path.strip_prefix("embed/")
                .map(|data| Route::Embed(data.to_owned()))
        }
    }

    /// The page at `hash`; an address not understood is the library (see
    /// [`Route::parse`] to tell the two apart).
    pub fn from_hash(hash: &str) -> Route {
        Route::parse(hash).unwrap_or(Route::Library)
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".to_owned(),
            Route::Personas => "#/personas".to_owned(),
            Route::Map(id) => format!("#/map/{}", encode_id(id)),
            Route::View(data) => format!("#/view/{data}"),
            Route::Embed(data) => format!("#/embed/{data}"),
            Route::EmbedSource(query) => format!("#/embed?{query}"),
            Route::Report(report) => format!("#/report/{}", report.path()),
            Route::Present(at) => format!("#/present/{}", at.path()),
            Route::Compare(id) => format!("#/compare/{}", encode_id(id)),
            Route::Actions => "#/actions".to_owned(),
            Route::Portfolio => "#/portfolio".to_owned(),
            Route::Opportunities(None) => "#/opportunities".to_owned(),
            Route::Opportunities(Some(id)) => format!("#/opportunities/{}", encode_id(id)),
        }
    }
}

/// What the user is told when an address is not understood (the library
/// is shown instead, and nothing is stored or changed). The address is
/// quoted as it was, cut after 80 characters.
pub fn not_understood(lang: Lang, hash: &str) -> String {
    let mut shown: String = hash.chars().take(80).collect();
    if shown.len() < hash.len() {
        shown.push('…');
    }
    let (open, close) = match lang {
        Lang::En => ("“", "”"),
        Lang::Fr => ("« ", " »"),
    };
    format!(
        "{} {open}{shown}{close}{}",
        lang.t(Key::AddressNotUnderstood),
        lang.t(Key::AddressNotUnderstoodAfter)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::view::presentation::Slide;

    #[test]
    fn routes_come_from_the_fragment_and_refuse_odd_ids() {
        assert_eq!(Route::from_hash(""), Route::Library);
        assert_eq!(Route::from_hash("#/"), Route::Library);
        assert_eq!(Route::from_hash("#/map/ab12"), Route::Map("ab12".into()));
        assert_eq!(Route::from_hash("#/personas"), Route::Personas);
        assert_eq!(Route::Personas.to_hash(), "#/personas");
        assert_eq!(Route::from_hash("#/personasx"), Route::Library);
        assert_eq!(Route::from_hash("#/map/"), Route::Library);
        assert_eq!(Route::from_hash("#/map/<img>"), Route::Library);
        assert_eq!(Route::Map("x".into()).to_hash(), "#/map/x");
        assert_eq!(
            Route::from_hash("#/view/eJx-_9"),
            Route::View("eJx-_9".into())
        );
        let present = Route::Present(PresentAddress {
            map: "ab12".into(),
            slide: Slide::Stage(1),
        });
        assert_eq!(Route::from_hash("#/present/ab12/2"), present);
        assert_eq!(present.to_hash(), "#/present/ab12/2");
        assert_eq!(Route::from_hash("#/present/ab12/0"), Route::Library);
        assert_eq!(
            Route::from_hash("#/compare/f1"),
            Route::Compare("f1".into())
        );
        assert_eq!(Route::Compare("f1".into()).to_hash(), "#/compare/f1");
        assert_eq!(Route::from_hash("#/compare/a b"), Route::Library);
        assert_eq!(Route::from_hash("#/embed/abc"), Route::Embed("abc".into()));
        assert_eq!(
            Route::from_hash("#/embed?src=maps%2Fa.json"),
            Route::EmbedSource("src=maps%2Fa.json".into())
        );
        assert_eq!(
            Route::EmbedSource("src=x".into()).to_hash(),
            "#/embed?src=x"
        );
        let report = |department: Option<&str>| {
            Route::Report(ReportAddress {
                map: "ab12".into(),
                department: department.map(str::to_owned),
            })
        };
        assert_eq!(Route::from_hash("#/report/ab12"), report(None));
        assert_eq!(
            Route::from_hash("#/report/ab12/Service%20client"),
            report(Some("Service client"))
        );
        assert_eq!(
            report(Some("Service client")).to_hash(),
            "#/report/ab12/Service%20client"
        );
        assert_eq!(Route::from_hash("#/report/"), Route::Library);
        assert_eq!(Route::from_hash("#/actions"), Route::Actions);
        assert_eq!(Route::Actions.to_hash(), "#/actions");
        assert_eq!(Route::from_hash("#/portfolio"), Route::Portfolio);
        assert_eq!(Route::Portfolio.to_hash(), "#/portfolio");
        assert_eq!(
            Route::from_hash("#/opportunities"),
            Route::Opportunities(None)
        );
        let one = Route::Opportunities(Some("a b/é".into()));
        assert_eq!(Route::from_hash(&one.to_hash()), one);
        assert_eq!(Route::parse("#/opportunities/"), None);
        assert_eq!(Route::from_hash("#/actions/x"), Route::Library);
    }

    #[test]
    fn every_map_id_a_file_may_carry_has_an_address_that_reads_back() {
        for id in ["ab12", "a b/c#d%e", "été", "x?y&z", "100%", "..", "🚀"] {
            let routes = [
                Route::Map(id.into()),
                Route::Compare(id.into()),
                Route::Report(ReportAddress {
                    map: id.into(),
                    department: Some("R&D / 2".into()),
                }),
                Route::Report(ReportAddress {
                    map: id.into(),
                    department: None,
                }),
                Route::Present(PresentAddress {
                    map: id.into(),
                    slide: Slide::Stage(2),
                }),
                Route::Present(PresentAddress {
                    map: id.into(),
                    slide: Slide::Overview,
                }),
            ];
            for route in routes {
                let hash = route.to_hash();
                assert!(!hash[1..].contains(['#', ' ', '?']), "{hash}");
                assert_eq!(Route::parse(&hash), Some(route), "{hash}");
            }
        }
        assert_eq!(
            Route::Map("a b/c#d%e".into()).to_hash(),
            "#/map/a%20b%2Fc%23d%25e"
        );
    }

    #[test]
    fn an_address_not_understood_is_told_apart_from_the_library() {
        for bad in [
            "#/map/",
            "#/map/a b",
            "#/map/%ZZ",
            "#/present/ab12/-1",
            "#/present/ab12/0",
            "#/report/ab12/%ZZ",
            "#/report/",
            "#/compare/",
            "#/personasx",
            "#/actions/x",
            "#/nowhere",
            "#top",
        ] {
            assert_eq!(Route::parse(bad), None, "{bad}");
        }
        for library in ["", "#", "#/"] {
            assert_eq!(Route::parse(library), Some(Route::Library), "{library}");
        }
        // A share link keeps its data as it came, damage included: the
        // decoder says what is wrong with it.
        for damaged in ["#/view/eJx.", "#/view/eJx)", "#/view/eJx%3E", "#/view/"] {
            assert!(
                matches!(Route::parse(damaged), Some(Route::View(_))),
                "{damaged}"
            );
        }
        assert_eq!(
            Route::parse("#/embed/eJx."),
            Some(Route::Embed("eJx.".into()))
        );
        let en = not_understood(Lang::En, "#/present/ab12/-1");
        let fr = not_understood(Lang::Fr, "#/present/ab12/-1");
        assert!(en.contains("“#/present/ab12/-1”"), "{en}");
        assert!(fr.contains("« #/present/ab12/-1 »"), "{fr}");
        assert_ne!(en, fr);
        let long = not_understood(Lang::En, &format!("#/{}", "x".repeat(500)));
        assert!(long.len() < 400 && long.contains('…'), "{long}");
    }
}
