//! The pure core: no browser, no framework.

pub mod backup;
pub mod base64;
pub mod branding;
pub mod chart;
pub mod csv_export;
pub mod demo;
pub mod edit;
pub mod embed_source;
pub mod envelope;
pub mod history;
pub mod i18n;
pub mod json_path;
pub mod library;
pub mod map_file;
pub mod mermaid;
pub mod metrics;
pub mod model;
pub mod persona;
pub mod report;
pub mod route_text;
pub mod share_link;
pub mod store;
pub mod survey_import;
pub mod sync;
