//! The library of maps.

pub mod library_page;
pub mod map_row;
pub mod storage_meter;
pub mod template_list;
pub mod templates_menu;
