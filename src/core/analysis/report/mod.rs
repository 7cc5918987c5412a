//! The report: a map made for reading and printing, branded, optionally for
//! one department. What it shows is decided here, natively tested; the
//! components in `ui::report` only draw it.

pub mod address;
pub mod department;
pub mod pages;
