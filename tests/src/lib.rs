//! The integration suite (run against the in-process stub and a real broker). Shared helpers live here.
