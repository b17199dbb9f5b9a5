//! chiso's integration tests, in one crate so that a change relinks one test
//! binary rather than one per file. Each module builds real sites (this
//! repository's example site, the fixture sites under `tests/fixtures/`,
//! synthetic ones) into temporary folders, or drives the `chiso` binary,
//! and checks the pages, the files and the problems reported.
//!
//! The checks that need Chromium, Node and Java live in `tests/tools/`,
//! which reports them as ignored when the tools are missing.

mod common;

mod bands;
mod base_url;
mod charts;
mod contexts;
mod derived_marks;
mod editor_commands;
mod every_problem;
mod example_site;
mod excluded;
mod fixture_sites;
mod import_sheets;
mod invalid_sites;
mod lead;
mod levels;
mod linear_input;
mod lines;
mod national_site;
mod never_panics;
mod open_data_codebook;
mod output_folder;
mod output_names;
mod payloads;
mod published_downloads;
mod published_precision;
mod publishing;
mod reader_site;
mod reorganised;
mod serve;
mod session;
mod session_edits;
mod share_cards;
mod stated;
mod synthetic_site;
mod tables;
mod tiles;
mod trustworthy_builds;
mod wording;
