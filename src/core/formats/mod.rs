//! Maps and data in and out as text: the stored envelope, files, links, CSV, Mermaid.

pub mod base64;
pub mod csv_export;
pub mod embed_source;
pub mod envelope;
pub mod json_path;
pub mod map_file;
pub mod mermaid;
pub mod share_link;
pub mod survey_import;
