//! Importing survey answers and analytics counts from CSV files.
