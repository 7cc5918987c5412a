//! Edits of the map's own fields: title, kind, description, owner, answer scales,
//! branding, the current state it is based on, and the whole map at once.

use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::JourneyMap;

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::SetTitle(title) => {
            let old = std::mem::replace(&mut map.title, title);
            applied(Edit::SetTitle(old), vec![Scope::Meta])
        }
        Edit::SetKind(kind) => {
            let old = std::mem::replace(&mut map.kind, kind);
            applied(Edit::SetKind(old), vec![Scope::Meta])
        }
        Edit::SetDescription(text) => {
            let old = std::mem::replace(&mut map.description, text);
            applied(Edit::SetDescription(old), vec![Scope::Meta])
        }
        Edit::SetScales(scales) => {
            if !scales.csat.is_valid() || !scales.ces.is_valid() {
                return Err(EditError::BadScale);
            }
            let old = std::mem::replace(&mut map.scales, scales);
            applied(Edit::SetScales(old), vec![Scope::Scales])
        }

        Edit::SetBranding(branding) => {
            if let Some((field, why)) = branding.problems().into_iter().next() {
                return Err(EditError::BadBranding(format!("{field}: {why}")));
            }
            let old = std::mem::replace(&mut map.branding, branding);
            applied(Edit::SetBranding(old), vec![Scope::Branding])
        }

        Edit::ReplaceMap(next) => {
            if next.id != map.id {
                return Err(not_found("map", &next.id));
            }
            let previous = std::mem::replace(map, *next);
            applied(Edit::ReplaceMap(Box::new(previous)), vec![Scope::All])
        }

        Edit::SetComments(comments) => {
            let old = std::mem::replace(&mut map.comments, comments);
            applied(Edit::SetComments(old), vec![Scope::Comments])
        }

        Edit::SetOwner(owner) => {
            let old = std::mem::replace(&mut map.owner, owner);
            applied(Edit::SetOwner(old), vec![Scope::Meta])
        }
        Edit::SetBasedOn(based_on) => {
            let old = std::mem::replace(&mut map.based_on, based_on);
            applied(Edit::SetBasedOn(old), vec![Scope::Meta])
        }
        other => misrouted(other),
    }
}
